//! Horizontal bar charts (plain or stacked) drawn as inline SVG: no script, no fonts to ship,
//! the same bytes for the same data.

use std::fmt::Write as _;

use dipl_metrics::{Table, Value};

use crate::document::escape_html;

/// Colour-blind-safe palette (Okabe–Ito).
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    /// One bar per category, top to bottom.
    pub categories: Vec<String>,
    /// Named series; each has one value per category. Several series are stacked.
    pub series: Vec<(String, Vec<f64>)>,
    /// Axis label under the bars.
    pub unit: String,
    /// Text after each bar; empty: the bar's total.
    pub end_labels: Vec<String>,
}

/// Category labels are cut to this many characters.
const MAX_LABEL: usize = 40;

impl BarChart {
    pub fn to_svg(&self) -> String {
        // Room for the longest label (at most 40 characters, about 7 px each at 12 px).
        let longest = self
            .categories
            .iter()
            .map(|c| c.chars().count().min(MAX_LABEL))
            .max()
            .unwrap_or(0);
        let label_width = (longest as f64 * 7.0 + 12.0).max(190.0);
        let bar_area = 560.0;
        let row = 22.0;
        let top = if self.series.len() > 1 { 30.0 } else { 8.0 };
        let height = top + row * self.categories.len() as f64 + 30.0;
        // Room after the bars for their end text (totals fit in 80 px).
        let longest_end = self
            .end_labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let width = label_width + bar_area + (longest_end as f64 * 7.0 + 12.0).max(80.0);
        let totals: Vec<f64> = (0..self.categories.len())
            .map(|i| {
                self.series
                    .iter()
                    .map(|(_, v)| v.get(i).copied().unwrap_or(0.0).max(0.0))
                    .sum()
            })
            .collect();
        let max = totals.iter().copied().fold(0.0_f64, f64::max);
        let scale = if max > 0.0 { bar_area / max } else { 0.0 };
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"system-ui,sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"{}\">",
            escape_html(&self.title)
        );
        if self.series.len() > 1 {
            let mut x = label_width;
            for (s, (name, _)) in self.series.iter().enumerate() {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1}\" y=\"16\">{}</text>",
                    PALETTE[s % PALETTE.len()],
                    x + 16.0,
                    escape_html(name)
                );
                x += 24.0 + 7.0 * name.chars().count() as f64;
            }
        }
        for (i, category) in self.categories.iter().enumerate() {
            let y = top + row * i as f64;
            let label: String = category.chars().take(MAX_LABEL).collect();
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                label_width - 6.0,
                y + 15.0,
                escape_html(&label)
            );
            let mut x = label_width;
            for (s, (name, values)) in self.series.iter().enumerate() {
                let value = values.get(i).copied().unwrap_or(0.0).max(0.0);
                let w = value * scale;
                if w > 0.0 {
                    let _ = writeln!(
                        svg,
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"16\" fill=\"{}\"><title>{}: {}</title></rect>",
                        y + 3.0,
                        PALETTE[s % PALETTE.len()],
                        escape_html(name),
                        format_number(value)
                    );
                }
                x += w;
            }
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#3a4654\">{}</text>",
                x + 4.0,
                y + 15.0,
                escape_html(
                    &self
                        .end_labels
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| format_number(totals[i]))
                )
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{label_width:.1}\" y=\"{:.1}\" fill=\"#5b6877\">{}</text>",
            height - 8.0,
            escape_html(&self.unit)
        );
        svg.push_str("</svg>\n");
        svg
    }

    /// The chart's data as a table (for Markdown and CSV).
    pub fn to_table(&self) -> Table {
        let mut columns = vec!["category".to_string()];
        columns.extend(self.series.iter().map(|(name, _)| name.clone()));
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut row = vec![Value::Text(c.clone())];
                row.extend(self.series.iter().map(|(_, v)| {
                    v.get(i).map_or(Value::Null, |&x| {
                        if x.fract() == 0.0 && x.abs() < 9.0e15 {
                            Value::Int(x as i64)
                        } else {
                            Value::Float(x)
                        }
                    })
                }));
                row
            })
            .collect();
        Table { columns, rows }
    }
}

fn format_number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_bars_scale_to_the_largest_total() {
        let chart = BarChart {
            title: "Posts by kind".into(),
            categories: vec!["a".into(), "b".into()],
            series: vec![
                ("original".into(), vec![30.0, 10.0]),
                ("reply".into(), vec![10.0, 0.0]),
            ],
            unit: "posts".into(),
            end_labels: Vec::new(),
        };
        let svg = chart.to_svg();
        // 40 is the largest total: 30 of it spans 3/4 of 560 px.
        assert!(svg.contains("width=\"420.0\""), "{svg}");
        assert!(svg.contains("<title>reply: 10</title>"));
        assert!(!svg.contains("<title>reply: 0</title>"));
        assert_eq!(chart.to_table().rows.len(), 2);
    }
}

//! The presentation model of a report (sections of paragraphs, tables and charts) and its two
//! renderings: one self-contained HTML page (inline CSS and SVG, no script, works offline) and
//! Markdown (tables as pipe tables, charts as their data, network drawings as a sentence).

use std::fmt::Write as _;

use dipl_metrics::Table;

use crate::chart::BarChart;
use crate::network_chart::NetworkChart;
use crate::table::{display_value, to_markdown};

#[derive(Debug, Clone)]
pub struct Report {
    pub title: String,
    /// One line under the title: scope, window, data sources.
    pub subtitle: String,
    /// The opening summary, a few plain sentences.
    pub summary: Vec<String>,
    pub sections: Vec<Section>,
    /// Closing notes on method (definitions, n/a policy, pseudonymisation).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(String),
    Table {
        caption: String,
        table: Table,
    },
    Chart(BarChart),
    /// A drawing of a graph: inline SVG in HTML, a sentence in Markdown.
    Network(NetworkChart),
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;margin:0;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px 28px 64px;background:#fff}
h1{font-size:26px;margin:8px 0 4px}h2{font-size:20px;margin:36px 0 10px;border-bottom:2px solid #e3e7ec;padding-bottom:4px}
.subtitle{color:#5b6877;margin:0 0 18px}.summary{background:#eef4fb;border-left:4px solid #2b6cb0;padding:10px 16px;margin:16px 0}
.summary p{margin:6px 0}nav a{margin-right:14px;color:#2b6cb0;text-decoration:none}
.table-wrap{overflow-x:auto;margin:8px 0 18px}table{border-collapse:collapse;font-size:13px;white-space:nowrap}
th,td{padding:4px 8px;border-bottom:1px solid #e3e7ec}th{background:#f1f3f6;text-align:left;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.na{color:#98a2ad;text-align:right}
caption{text-align:left;font-weight:600;padding:4px 0;color:#3a4654}figure{margin:10px 0 22px}
figcaption{font-weight:600;color:#3a4654;margin-bottom:4px}.notes{color:#5b6877;font-size:13px}
"#;

pub fn to_html(report: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
        escape_html(&report.title),
        STYLE
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape_html(&report.title));
    let _ = writeln!(
        out,
        "<p class=\"subtitle\">{}</p>",
        escape_html(&report.subtitle)
    );
    let _ = write!(out, "<nav>");
    for section in &report.sections {
        let _ = write!(
            out,
            "<a href=\"#{}\">{}</a>",
            escape_html(&section.id),
            escape_html(&section.title)
        );
    }
    let _ = writeln!(out, "</nav>");
    let _ = writeln!(out, "<section class=\"summary\">");
    for line in &report.summary {
        let _ = writeln!(out, "<p>{}</p>", escape_html(line));
    }
    let _ = writeln!(out, "</section>");
    for section in &report.sections {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>",
            escape_html(&section.id),
            escape_html(&section.title)
        );
        for block in &section.blocks {
            match block {
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", escape_html(text));
                }
                Block::Table { caption, table } => html_table(&mut out, caption, table),
                Block::Chart(chart) => {
                    let _ = writeln!(
                        out,
                        "<figure>\n<figcaption>{}</figcaption>\n{}</figure>",
                        escape_html(&chart.title),
                        chart.to_svg()
                    );
                }
                Block::Network(chart) => {
                    let _ = writeln!(
                        out,
                        "<figure>\n<figcaption>{}</figcaption>\n{}</figure>",
                        escape_html(&chart.caption()),
                        chart.to_svg()
                    );
                }
            }
        }
        let _ = writeln!(out, "</section>");
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "<h2>Notes on method</h2>\n<div class=\"notes\">");
        for note in &report.notes {
            let _ = writeln!(out, "<p>{}</p>", escape_html(note));
        }
        let _ = writeln!(out, "</div>");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn html_table(out: &mut String, caption: &str, table: &Table) {
    use dipl_metrics::Value;
    let _ = writeln!(out, "<div class=\"table-wrap\"><table>");
    if !caption.is_empty() {
        let _ = writeln!(out, "<caption>{}</caption>", escape_html(caption));
    }
    out.push_str("<thead><tr>");
    for column in &table.columns {
        let _ = write!(out, "<th>{}</th>", escape_html(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for value in row {
            let class = match value {
                Value::Null => " class=\"na\"",
                Value::Int(_) | Value::Float(_) => " class=\"num\"",
                Value::Text(_) => "",
            };
            let _ = write!(
                out,
                "<td{class}>{}</td>",
                escape_html(&display_value(value))
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

pub fn to_markdown_report(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n\n_{}_\n", report.title, report.subtitle);
    for line in &report.summary {
        let _ = writeln!(out, "{line}\n");
    }
    for section in &report.sections {
        let _ = writeln!(out, "## {}\n", section.title);
        for block in &section.blocks {
            match block {
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "{text}\n");
                }
                Block::Table { caption, table } => {
                    if !caption.is_empty() {
                        let _ = writeln!(out, "**{caption}**\n");
                    }
                    let _ = writeln!(out, "{}", to_markdown(table));
                }
                Block::Chart(chart) => {
                    let _ = writeln!(out, "**{}** (chart data)\n", chart.title);
                    let _ = writeln!(out, "{}", to_markdown(&chart.to_table()));
                }
                Block::Network(chart) => {
                    let _ = writeln!(
                        out,
                        "**{}** (figure in the HTML report)\n\n{}\n",
                        chart.caption(),
                        chart.describe()
                    );
                }
            }
        }
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "## Notes on method\n");
        for note in &report.notes {
            let _ = writeln!(out, "{note}\n");
        }
    }
    out
}

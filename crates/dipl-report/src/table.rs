//! Rendering metric tables: aligned text for terminals, CSV and JSON for scripts, Markdown.
//!
//! Wire formats (documented in docs/output-formats.md):
//! - CSV: header = column ids; n/a is an empty cell; numbers in full precision (shortest
//!   round-trip form), so re-reading gives the same values.
//! - JSON: an array of objects keyed by column id, each starting with `"schema_version"`; n/a is
//!   `null`.
//!
//! The text form is for people: numbers rounded, n/a spelled out, and a table wider than the
//! terminal split into blocks that each repeat the identifying columns.

use std::fmt::Write as _;
use std::io::{self, Write};

use dipl_metrics::{Table, Value};

/// Version of the CSV/JSON table wire format.
pub const SCHEMA_VERSION: u32 = 1;

/// Output formats of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Text,
    Csv,
    Json,
    Markdown,
}

impl std::str::FromStr for TableFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" | "text" => Ok(TableFormat::Text),
            "csv" => Ok(TableFormat::Csv),
            "json" => Ok(TableFormat::Json),
            "md" | "markdown" => Ok(TableFormat::Markdown),
            _ => Err(format!(
                "unknown format `{s}` (expected table, csv, json or markdown)"
            )),
        }
    }
}

/// Writes `table` in `format`. `width` is the terminal width for the text form.
pub fn write_table(
    out: &mut dyn Write,
    table: &Table,
    format: TableFormat,
    width: usize,
) -> io::Result<()> {
    match format {
        TableFormat::Text => out.write_all(to_text(table, width).as_bytes()),
        TableFormat::Csv => write_csv(out, table),
        TableFormat::Json => {
            out.write_all(to_json(table).as_bytes())?;
            out.write_all(b"\n")
        }
        TableFormat::Markdown => out.write_all(to_markdown(table).as_bytes()),
    }
}

/// Human form of a cell: integers as they are, floats rounded, n/a for missing.
pub fn display_value(value: &Value) -> String {
    match value {
        Value::Null => "n/a".to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => display_float(*f),
        Value::Text(s) => s.clone(),
    }
}

fn display_float(f: f64) -> String {
    if !f.is_finite() {
        return "n/a".into();
    }
    let a = f.abs();
    if a != 0.0 && a < 0.01 {
        format!("{f:.4}")
    } else if a >= 1000.0 {
        format!("{f:.0}")
    } else {
        format!("{f:.2}")
    }
}

/// Exact form of a cell for CSV: empty for n/a.
fn exact_value(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.is_finite() => f.to_string(),
        Value::Float(_) => String::new(),
        Value::Text(s) => s.clone(),
    }
}

pub fn write_csv(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&table.columns).map_err(csv_io)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(exact_value))
            .map_err(csv_io)?;
    }
    writer.flush()?;
    Ok(())
}

/// The I/O error inside a CSV error as it was (a closed pipe stays `BrokenPipe`, so that
/// `| head` ends quietly).
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

pub fn to_json(table: &Table) -> String {
    let rows: Vec<serde_json::Value> = table
        .rows
        .iter()
        .map(|row| {
            let mut object = serde_json::Map::new();
            object.insert("schema_version".into(), SCHEMA_VERSION.into());
            for (column, value) in table.columns.iter().zip(row) {
                let json = match value {
                    Value::Null => serde_json::Value::Null,
                    Value::Int(i) => (*i).into(),
                    Value::Float(f) => serde_json::Number::from_f64(*f)
                        .map(serde_json::Value::Number)
                        .unwrap_or(serde_json::Value::Null),
                    Value::Text(s) => s.clone().into(),
                };
                object.insert(column.clone(), json);
            }
            serde_json::Value::Object(object)
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("JSON values always serialise")
}

fn is_numeric(table: &Table, column: usize) -> bool {
    table
        .rows
        .iter()
        .any(|r| matches!(r.get(column), Some(Value::Int(_) | Value::Float(_))))
}

/// Number of leading identifying (text) columns repeated in every block of a wide table.
fn n_key_columns(table: &Table) -> usize {
    let keys = [
        "platform",
        "account_id",
        "handle",
        "actor",
        "country",
        "group",
        "name",
    ];
    table
        .columns
        .iter()
        .take_while(|c| keys.contains(&c.as_str()))
        .count()
}

pub fn to_text(table: &Table, width: usize) -> String {
    if table.rows.is_empty() {
        return "(no rows)\n".to_string();
    }
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(display_value).collect())
        .collect();
    let widths: Vec<usize> = (0..table.columns.len())
        .map(|c| {
            cells
                .iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .chain(std::iter::once(table.columns[c].chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric: Vec<bool> = (0..table.columns.len())
        .map(|c| is_numeric(table, c))
        .collect();
    let keys = n_key_columns(table).min(table.columns.len());
    let key_width: usize = widths[..keys].iter().map(|w| w + 2).sum();

    // Split the other columns into blocks that fit the width.
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut used = key_width;
    for (c, &column_width) in widths.iter().enumerate().skip(keys) {
        if !current.is_empty() && used + column_width + 2 > width {
            blocks.push(std::mem::take(&mut current));
            used = key_width;
        }
        used += column_width + 2;
        current.push(c);
    }
    if !current.is_empty() || blocks.is_empty() {
        blocks.push(current);
    }

    let mut out = String::new();
    for (b, block) in blocks.iter().enumerate() {
        if b > 0 {
            out.push('\n');
        }
        let columns: Vec<usize> = (0..keys).chain(block.iter().copied()).collect();
        let line = |out: &mut String, texts: &dyn Fn(usize) -> String| {
            let mut line = String::new();
            for (i, &c) in columns.iter().enumerate() {
                let text = texts(c);
                let pad = widths[c].saturating_sub(text.chars().count());
                if i > 0 {
                    line.push_str("  ");
                }
                if numeric[c] {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(&text);
                } else {
                    line.push_str(&text);
                    line.push_str(&" ".repeat(pad));
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        };
        line(&mut out, &|c| table.columns[c].clone());
        line(&mut out, &|c| "─".repeat(widths[c]));
        for row in &cells {
            line(&mut out, &|c| row.get(c).cloned().unwrap_or_default());
        }
    }
    out
}

fn escape_markdown(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn to_markdown(table: &Table) -> String {
    let mut out = String::new();
    let numeric: Vec<bool> = (0..table.columns.len())
        .map(|c| is_numeric(table, c))
        .collect();
    let _ = writeln!(
        out,
        "| {} |",
        table
            .columns
            .iter()
            .map(|c| escape_markdown(c))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(
        out,
        "|{}|",
        numeric
            .iter()
            .map(|&n| if n { "---:" } else { "---" })
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in &table.rows {
        let _ = writeln!(
            out,
            "| {} |",
            row.iter()
                .map(|v| escape_markdown(&display_value(v)))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn sample() -> Table {
        Table {
            columns: vec![
                "platform".into(),
                "handle".into(),
                "posts".into(),
                "conversational_share".into(),
                "followers".into(),
            ],
            rows: vec![
                vec![
                    Value::Text("twitter".into()),
                    Value::Text("GermanyinKZ".into()),
                    Value::Int(120),
                    Value::Float(0.125),
                    Value::Null,
                ],
                vec![
                    Value::Text("twitter".into()),
                    Value::Text("MFA_KZ".into()),
                    Value::Int(7),
                    Value::Null,
                    Value::Int(52000),
                ],
            ],
        }
    }

    #[test]
    fn text_table_aligns_and_spells_out_missing() {
        expect![[r#"
            platform  handle       posts  conversational_share  followers
            ────────  ───────────  ─────  ────────────────────  ─────────
            twitter   GermanyinKZ    120                  0.12        n/a
            twitter   MFA_KZ           7                   n/a      52000
        "#]]
        .assert_eq(&to_text(&sample(), 200));
    }

    #[test]
    fn wide_tables_split_into_blocks_repeating_keys() {
        expect![[r#"
            platform  handle       posts
            ────────  ───────────  ─────
            twitter   GermanyinKZ    120
            twitter   MFA_KZ           7

            platform  handle       conversational_share
            ────────  ───────────  ────────────────────
            twitter   GermanyinKZ                  0.12
            twitter   MFA_KZ                        n/a

            platform  handle       followers
            ────────  ───────────  ─────────
            twitter   GermanyinKZ        n/a
            twitter   MFA_KZ           52000
        "#]]
        .assert_eq(&to_text(&sample(), 50));
    }

    #[test]
    fn csv_and_json_keep_exact_values_and_null() {
        let mut csv = Vec::new();
        write_csv(&mut csv, &sample()).unwrap();
        expect![[r#"
            platform,handle,posts,conversational_share,followers
            twitter,GermanyinKZ,120,0.125,
            twitter,MFA_KZ,7,,52000
        "#]]
        .assert_eq(&String::from_utf8(csv).unwrap());
        let json = to_json(&sample());
        assert!(json.contains("\"schema_version\": 1"));
        assert!(json.contains("\"conversational_share\": null"));
        assert!(json.contains("\"conversational_share\": 0.125"));
    }

    #[test]
    fn markdown_right_aligns_numbers() {
        expect![[r#"
            | platform | handle | posts | conversational_share | followers |
            |---|---|---:|---:|---:|
            | twitter | GermanyinKZ | 120 | 0.12 | n/a |
            | twitter | MFA_KZ | 7 | n/a | 52000 |
        "#]]
        .assert_eq(&to_markdown(&sample()));
    }
}

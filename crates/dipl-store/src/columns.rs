//! Conversions between model values and column values (counters, flags, JSON lists).

use dipl_model::Platform;

use crate::StoreError;

/// Counters are `u64` in the model and INTEGER (i64) in SQLite; no platform counts past i64.
pub(crate) fn count_to_sql(value: Option<u64>) -> Option<i64> {
    value.map(|v| i64::try_from(v).unwrap_or(i64::MAX))
}

/// A stored counter; a negative value (written by hand) is treated as missing.
pub(crate) fn count_from_sql(value: Option<i64>) -> Option<u64> {
    value.and_then(|v| u64::try_from(v).ok())
}

pub(crate) fn parse_platform(text: &str) -> Result<Platform, StoreError> {
    Platform::ALL
        .into_iter()
        .find(|p| p.id() == text)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown platform `{text}` in the store")))
}

/// Index of a platform in `Platform::ALL`, for per-platform arrays.
pub(crate) fn platform_index(platform: Platform) -> usize {
    Platform::ALL
        .iter()
        .position(|p| *p == platform)
        .expect("Platform::ALL lists every platform")
}

/// Writes `items` as a JSON array of strings into `out` (cleared first).
pub(crate) fn json_list<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    out.clear();
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, item);
    }
    out.push(']');
}

/// Writes `{"key": count, …}` (keys in the given order).
pub(crate) fn json_object<'a>(out: &mut String, items: impl IntoIterator<Item = (&'a str, u64)>) {
    use std::fmt::Write;
    out.clear();
    out.push('{');
    for (i, (key, count)) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, key);
        let _ = write!(out, ":{count}");
    }
    out.push('}');
}

fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads a JSON array of strings written by [`json_list`] (or by hand).
pub(crate) fn parse_json_list(text: &str) -> Result<Vec<String>, StoreError> {
    if text == "[]" || text.is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(text).map_err(|e| {
        StoreError::Corrupt(format!("a list column is not a JSON array of strings: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lists_round_trip() {
        let mut out = String::new();
        json_list(&mut out, ["a\"b", "ü\n", "\u{1}"]);
        assert_eq!(out, r#"["a\"b","ü\n","\u0001"]"#);
        assert_eq!(parse_json_list(&out).unwrap(), vec!["a\"b", "ü\n", "\u{1}"]);
        json_list(&mut out, std::iter::empty());
        assert_eq!(out, "[]");
        assert!(parse_json_list("{").is_err());
    }

    #[test]
    fn counters_saturate_and_negative_is_missing() {
        assert_eq!(count_to_sql(Some(u64::MAX)), Some(i64::MAX));
        assert_eq!(count_to_sql(None), None);
        assert_eq!(count_from_sql(Some(-1)), None);
        assert_eq!(count_from_sql(Some(5)), Some(5));
    }
}

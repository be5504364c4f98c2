//! Counters and ids as spreadsheets write them.
//!
//! CrowdTangle writes counters as plain integers, except `Total Interactions`, which carries
//! thousands separators (`"1,234"`); files re-saved by pandas or Excel may add `.0`. An empty
//! cell, `N/A` or `-` is *not available* (never 0). A cell that is not a count at all is
//! reported once per row and read as not available.

/// Why a cell could not be read as a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotACount;

/// Reads a counter: `Ok(None)` when the cell says nothing (empty, `N/A`, `-`, `null`, `NaN`),
/// `Ok(Some(n))` for a non-negative integer (thousands separators `,` `'` and spaces allowed, a
/// fraction of zeros allowed), `Err` otherwise.
pub fn parse_count(cell: &str) -> Result<Option<u64>, NotACount> {
    let t = cell.trim();
    if is_blank(t) {
        return Ok(None);
    }
    integer(t).map(Some).ok_or(NotACount)
}

/// Whether a cell stands for "no value".
pub fn is_blank(t: &str) -> bool {
    match t.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_digit() => false,
        Some(_) => ["n/a", "na", "nan", "null", "none", "-", "--"]
            .iter()
            .any(|b| t.eq_ignore_ascii_case(b)),
    }
}

/// An integer written with optional thousands separators and an optional fraction of zeros
/// (`1,234`, `1 234`, `1234.0`); `None` for anything else (signs, letters, `1.5`, overflow).
fn integer(t: &str) -> Option<u64> {
    let (whole, fraction) = match t.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (t, None),
    };
    if let Some(f) = fraction {
        if f.is_empty() || !f.bytes().all(|b| b == b'0') {
            return None;
        }
    }
    let mut n: u64 = 0;
    let mut digits = 0usize;
    for c in whole.chars() {
        match c {
            '0'..='9' => {
                n = n.checked_mul(10)?.checked_add(u64::from(c as u8 - b'0'))?;
                digits += 1;
            }
            ',' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '_' if digits > 0 => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(n)
}

/// A counter cell of column `column`, with a warning when it is not a count.
pub fn count(cell: Option<&str>, column: &str, warnings: &mut Vec<String>) -> Option<u64> {
    let cell = cell?;
    match parse_count(cell) {
        Ok(n) => n,
        Err(NotACount) => {
            warnings.push(format!("`{column}` `{cell}` is not a count: read as n/a"));
            None
        }
    }
}

/// A numeric platform id (`7533944086`, also `7533944086.0` from a re-saved sheet); `None` for
/// anything else, e.g. `7.53394E+09` (a spreadsheet rounded it: unusable).
pub fn numeric_id(cell: &str) -> Option<&str> {
    let t = cell.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    (!t.is_empty() && t.len() <= 32 && t.bytes().all(|b| b.is_ascii_digit())).then_some(t)
}

/// `true`/`false` as Meta writes them (`True`, `TRUE`, `1`, `Yes`).
pub fn parse_bool(cell: &str) -> Option<bool> {
    let t = cell.trim();
    if ["true", "1", "yes", "y"]
        .iter()
        .any(|v| t.eq_ignore_ascii_case(v))
    {
        Some(true)
    } else if ["false", "0", "no", "n"]
        .iter()
        .any(|v| t.eq_ignore_ascii_case(v))
    {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_every_spelling() {
        assert_eq!(parse_count("12"), Ok(Some(12)));
        assert_eq!(parse_count(" 1,234 "), Ok(Some(1234)));
        assert_eq!(parse_count("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("57.0"), Ok(Some(57)));
        assert_eq!(parse_count("0"), Ok(Some(0)));
        for blank in ["", "  ", "N/A", "n/a", "-", "NaN", "null"] {
            assert_eq!(parse_count(blank), Ok(None), "{blank:?}");
        }
        for bad in [
            "-3",
            "1.5",
            "many",
            ",12",
            "12e3",
            "99999999999999999999999",
        ] {
            assert_eq!(parse_count(bad), Err(NotACount), "{bad:?}");
        }
        let mut warnings = Vec::new();
        assert_eq!(count(Some("lots"), "Likes", &mut warnings), None);
        assert_eq!(warnings, ["`Likes` `lots` is not a count: read as n/a"]);
    }

    #[test]
    fn ids_and_booleans() {
        assert_eq!(numeric_id("7533944086"), Some("7533944086"));
        assert_eq!(numeric_id("7533944086.0"), Some("7533944086"));
        assert_eq!(numeric_id("7.53394E+09"), None);
        assert_eq!(numeric_id(""), None);
        assert_eq!(parse_bool("True"), Some(true));
        assert_eq!(parse_bool("FALSE"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}

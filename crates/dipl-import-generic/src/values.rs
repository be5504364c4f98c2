//! Reading the cells of processed datasets: times in the formats a mapping names, counters as
//! spreadsheets and data-frame libraries write them, ids, yes/no flags and lists.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use dipl_model::Timestamp;

/// Cell values that mean "no value" in files written by R (`NA`), pandas (`NaN`, `None`),
/// spreadsheets (`#N/A`) and JSON-minded tools (`null`). Applied to every field except the
/// post text and the display name.
pub fn is_null_marker(s: &str) -> bool {
    const MARKERS: [&str; 8] = ["na", "n/a", "nan", "null", "none", "nil", "#n/a", "-"];
    s.len() <= 4 && MARKERS.iter().any(|m| s.eq_ignore_ascii_case(m))
}

/// How the times of a file are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeFormat {
    /// RFC 3339 / ISO 8601 (`2024-03-01T10:00:00Z`, `2024-03-01 10:00:00+05:00`); without an
    /// offset (`2024-03-01 10:00:00`, `2024-03-01`) only when a `timezone` is given.
    Rfc3339,
    /// Seconds since 1970-01-01 UTC (a fractional part is dropped).
    Unix,
    /// Milliseconds since 1970-01-01 UTC.
    UnixMs,
    /// A strftime pattern (`%d.%m.%Y %H:%M`); `has_offset` when it contains `%z`.
    Pattern { pattern: String, has_offset: bool },
}

impl TimeFormat {
    /// Parses the `time_format` value of a mapping.
    pub fn parse(s: &str) -> Result<TimeFormat, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rfc3339" | "iso8601" | "iso" => return Ok(TimeFormat::Rfc3339),
            "unix" | "unix_s" | "epoch" => return Ok(TimeFormat::Unix),
            "unix_ms" | "epoch_ms" => return Ok(TimeFormat::UnixMs),
            _ => {}
        }
        if !s.contains('%') {
            return Err(format!(
                "`{s}` is not a time format (expected \"rfc3339\", \"unix\", \"unix_ms\" or a strftime pattern such as \"%d.%m.%Y %H:%M\")"
            ));
        }
        if StrftimeItems::new(s).any(|item| matches!(item, Item::Error)) {
            return Err(format!(
                "`{s}` is not a valid strftime pattern (see https://docs.rs/chrono/latest/chrono/format/strftime/ for the specifiers)"
            ));
        }
        let has_offset = ["%z", "%:z", "%::z", "%#z"].iter().any(|z| s.contains(z));
        let has_date = [
            "%Y", "%y", "%d", "%e", "%F", "%D", "%x", "%s", "%j", "%c", "%+",
        ]
        .iter()
        .any(|d| s.contains(d));
        if !has_date {
            return Err(format!(
                "`{s}` has no date in it (expected a pattern with %Y, %d … such as \"%d.%m.%Y %H:%M\")"
            ));
        }
        Ok(TimeFormat::Pattern {
            pattern: s.to_string(),
            has_offset,
        })
    }

    /// Whether times in this format carry their own offset or count from the epoch (so that
    /// no `timezone` is needed).
    pub fn is_absolute(&self) -> bool {
        match self {
            TimeFormat::Rfc3339 => false,
            TimeFormat::Unix | TimeFormat::UnixMs => true,
            TimeFormat::Pattern {
                pattern,
                has_offset,
            } => *has_offset || pattern.contains("%s"),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            TimeFormat::Rfc3339 => "an RFC 3339 time such as 2024-03-01T10:00:00Z".to_string(),
            TimeFormat::Unix => "Unix seconds".to_string(),
            TimeFormat::UnixMs => "Unix milliseconds".to_string(),
            TimeFormat::Pattern { pattern, .. } => format!("a time in the format `{pattern}`"),
        }
    }
}

/// Parses a `timezone`: `UTC`, `Z`, `GMT`, `+05:00`, `+0500`, `+05`, `UTC+05:00`, `-03:30`.
/// Named zones are refused: their offset changes with daylight saving time.
pub fn parse_offset(s: &str) -> Result<FixedOffset, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper);
    if rest.is_empty() || rest == "Z" {
        return FixedOffset::east_opt(0).ok_or_else(|| "offset out of range".to_string());
    }
    let bad = || {
        if t.contains('/') {
            format!(
                "`{t}`: named time zones are not supported (their offset changes with daylight saving time); give the fixed offset of the times in the file, such as \"+05:00\" or \"UTC\""
            )
        } else {
            format!("`{t}` is not a UTC offset (expected \"UTC\" or an offset such as \"+05:00\" or \"-03:30\")")
        }
    };
    let (sign, digits) = match rest.as_bytes().first() {
        Some(b'+') => (1, &rest[1..]),
        Some(b'-') => (-1, &rest[1..]),
        _ => return Err(bad()),
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().map_err(|_| bad())?, 0),
        4 => (
            digits[..2].parse::<i32>().map_err(|_| bad())?,
            digits[2..].parse::<i32>().map_err(|_| bad())?,
        ),
        _ => return Err(bad()),
    };
    if hours > 14 || minutes > 59 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(bad)
}

/// Why a time cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Not a time in the expected format.
    Unreadable,
    /// A time without an offset, and the mapping gives no `timezone`.
    NoOffset,
}

/// Parses a time cell.
pub fn parse_time(
    s: &str,
    format: &TimeFormat,
    zone: Option<FixedOffset>,
) -> Result<Timestamp, TimeError> {
    let s = s.trim();
    let local = |naive: NaiveDateTime| -> Result<Timestamp, TimeError> {
        let zone = zone.ok_or(TimeError::NoOffset)?;
        zone.from_local_datetime(&naive)
            .single()
            .map(|dt| Timestamp(dt.timestamp()))
            .ok_or(TimeError::Unreadable)
    };
    match format {
        TimeFormat::Rfc3339 => {
            if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
                return Ok(Timestamp(dt.timestamp()));
            }
            for pattern in [
                "%Y-%m-%dT%H:%M:%S%.f",
                "%Y-%m-%d %H:%M:%S%.f",
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M",
            ] {
                if let Ok(naive) = NaiveDateTime::parse_from_str(s, pattern) {
                    return local(naive);
                }
            }
            match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(date) => local(date.and_hms_opt(0, 0, 0).ok_or(TimeError::Unreadable)?),
                Err(_) => Err(TimeError::Unreadable),
            }
        }
        TimeFormat::Unix => parse_epoch(s, 1),
        TimeFormat::UnixMs => parse_epoch(s, 1000),
        TimeFormat::Pattern {
            pattern,
            has_offset,
        } => {
            if *has_offset {
                return DateTime::parse_from_str(s, pattern)
                    .map(|dt| Timestamp(dt.timestamp()))
                    .map_err(|_| TimeError::Unreadable);
            }
            if pattern.contains("%s") {
                return NaiveDateTime::parse_from_str(s, pattern)
                    .map(|naive| Timestamp(naive.and_utc().timestamp()))
                    .map_err(|_| TimeError::Unreadable);
            }
            if let Ok(naive) = NaiveDateTime::parse_from_str(s, pattern) {
                return local(naive);
            }
            match NaiveDate::parse_from_str(s, pattern) {
                Ok(date) => local(date.and_hms_opt(0, 0, 0).ok_or(TimeError::Unreadable)?),
                Err(_) => Err(TimeError::Unreadable),
            }
        }
    }
}

/// Seconds (`per_second` = 1) or milliseconds (1000) since the epoch; a fractional part is
/// dropped (`1700000000.0`, as pandas writes integer columns with gaps).
fn parse_epoch(s: &str, per_second: i64) -> Result<Timestamp, TimeError> {
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (s, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimeError::Unreadable);
    }
    let value: i64 = int.parse().map_err(|_| TimeError::Unreadable)?;
    // Year 1900 to 2200: anything else is a mistaken unit or a wrong column.
    let seconds = value.div_euclid(per_second);
    if !(-2_208_988_800..=7_258_118_400).contains(&seconds) {
        return Err(TimeError::Unreadable);
    }
    Ok(Timestamp(seconds))
}

/// Reads a counter: `12`, `12.0` (pandas floats), `1,234` / `1 234` / `1.234` / `1'234`
/// (thousands grouped by one separator, groups of three). Negative numbers, fractions, `1.2K`
/// and text are not counts: `None`.
pub fn parse_count(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u64>() {
        return Some(n);
    }
    // `12.0`, `12.00`: an integer written as a float.
    if let Some((int, frac)) = s.split_once('.') {
        if !frac.is_empty() && frac.bytes().all(|b| b == b'0') && frac.len() < 3 {
            if let Ok(n) = int.parse::<u64>() {
                return Some(n);
            }
        }
    }
    // Thousands separators: one kind, groups of exactly three digits after the first.
    let separator = s.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(
        separator,
        ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''
    ) {
        return None;
    }
    let mut groups = s.split(separator);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    digits.parse().ok()
}

/// Cleans an id cell: pandas writes integer ids of columns with gaps as floats (`123.0`); the
/// `.0` is dropped. An id in scientific notation (`1.23457E+18`) was mangled by a spreadsheet
/// and cannot be recovered: `Err` with the reason.
pub fn clean_id(s: &str) -> Result<&str, String> {
    let s = s.trim();
    if let Some(int) = s.strip_suffix(".0") {
        if !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(int);
        }
    }
    if looks_scientific(s) {
        return Err(format!(
            "`{s}` is an id in scientific notation: a spreadsheet rounded it and the real id is lost (open the file as text, or re-export it with the id column formatted as text)"
        ));
    }
    Ok(s)
}

fn looks_scientific(s: &str) -> bool {
    let Some(e) = s.find(['e', 'E']) else {
        return false;
    };
    let (mantissa, exponent) = (&s[..e], &s[e + 1..]);
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && mantissa.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a flag cell says yes: anything but empty, `0`, `no`, `n`, `false`, `f`, `off` and
/// the null markers.
pub fn is_truthy(s: &str) -> bool {
    let s = s.trim();
    !(s.is_empty()
        || is_null_marker(s)
        || ["0", "no", "n", "false", "f", "off"]
            .iter()
            .any(|v| s.eq_ignore_ascii_case(v)))
}

/// Splits a list cell (`a,b`, `a; b`, `['a', 'b']`, `#a #b`) into items: by `separator` when
/// the mapping gives one, else by commas, semicolons, vertical bars and whitespace. Brackets
/// and quotes around items are dropped, and so is a leading `strip` character (`#`, `@`).
pub fn split_list(cell: &str, separator: Option<&str>, strip: Option<char>, out: &mut Vec<String>) {
    let mut push = |item: &str| push_item(item, strip, out);
    match separator {
        Some(sep) if !sep.is_empty() => cell.split(sep).for_each(&mut push),
        _ => cell
            .split(|c: char| c == ',' || c == ';' || c == '|' || c.is_whitespace())
            .for_each(&mut push),
    }
}

/// Adds one list item, without surrounding brackets, quotes and whitespace, and without a
/// leading `strip` character; empty items and null markers are dropped.
pub fn push_item(item: &str, strip: Option<char>, out: &mut Vec<String>) {
    let item = item.trim_matches(|c: char| c.is_whitespace() || "[]\"'".contains(c));
    let item = match strip {
        Some(c) => item.strip_prefix(c).unwrap_or(item),
        None => item,
    };
    if !item.is_empty() && !is_null_marker(item) {
        out.push(item.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> String {
        Timestamp(s.parse().unwrap()).to_rfc3339()
    }

    #[test]
    fn times() {
        let utc = Some(parse_offset("UTC").unwrap());
        let almaty = Some(parse_offset("+05:00").unwrap());
        let rfc = TimeFormat::Rfc3339;
        let at = |s: &str, f: &TimeFormat, z| parse_time(s, f, z).map(|t| t.to_rfc3339());
        assert_eq!(at("2024-03-01T10:00:00Z", &rfc, None), Ok(t("1709287200")));
        assert_eq!(
            at("2024-03-01 15:00:00+05:00", &rfc, None),
            Ok(t("1709287200"))
        );
        assert_eq!(
            at("2024-03-01 10:00:00", &rfc, None),
            Err(TimeError::NoOffset)
        );
        assert_eq!(at("2024-03-01 10:00:00", &rfc, utc), Ok(t("1709287200")));
        assert_eq!(at("2024-03-01T15:00", &rfc, almaty), Ok(t("1709287200")));
        assert_eq!(
            at("2024-03-01", &rfc, utc),
            Ok("2024-03-01T00:00:00Z".into())
        );
        assert_eq!(at("01.03.2024", &rfc, utc), Err(TimeError::Unreadable));
        assert_eq!(
            at("1709287200", &TimeFormat::Unix, None),
            Ok(t("1709287200"))
        );
        assert_eq!(
            at("1709287200.0", &TimeFormat::Unix, None),
            Ok(t("1709287200"))
        );
        assert_eq!(
            at("1709287200999", &TimeFormat::UnixMs, None),
            Ok(t("1709287200"))
        );
        assert_eq!(
            at("1709287200999", &TimeFormat::Unix, None),
            Err(TimeError::Unreadable)
        );
        let dmy = TimeFormat::parse("%d.%m.%Y %H:%M").unwrap();
        assert_eq!(at("01.03.2024 15:00", &dmy, almaty), Ok(t("1709287200")));
        assert_eq!(at("01.03.2024 15:00", &dmy, None), Err(TimeError::NoOffset));
        assert_eq!(
            at("31.02.2024 15:00", &dmy, almaty),
            Err(TimeError::Unreadable)
        );
        let date = TimeFormat::parse("%m/%d/%Y").unwrap();
        assert_eq!(
            at("3/1/2024", &date, utc),
            Ok("2024-03-01T00:00:00Z".into())
        );
        let zoned = TimeFormat::parse("%Y-%m-%d %H:%M:%S %z").unwrap();
        assert!(zoned.is_absolute());
        assert_eq!(
            at("2024-03-01 15:00:00 +0500", &zoned, None),
            Ok(t("1709287200"))
        );
        assert!(TimeFormat::parse("dd.mm.yyyy").is_err());
        assert!(TimeFormat::parse("%Q.%m").is_err());
        assert!(TimeFormat::parse("%H:%M").is_err());
    }

    #[test]
    fn offsets() {
        for (s, secs) in [
            ("UTC", 0),
            ("z", 0),
            ("+05:00", 18000),
            ("+0500", 18000),
            ("+5", 18000),
            ("UTC+05:00", 18000),
            ("-03:30", -12600),
        ] {
            assert_eq!(parse_offset(s).unwrap().local_minus_utc(), secs, "{s}");
        }
        assert!(parse_offset("Asia/Almaty")
            .unwrap_err()
            .contains("named time zones"));
        assert!(parse_offset("+25:00").is_err());
        assert!(parse_offset("05:00").is_err());
    }

    #[test]
    fn counts() {
        for (s, n) in [
            ("12", Some(12)),
            (" 12 ", Some(12)),
            ("12.0", Some(12)),
            ("1,234", Some(1234)),
            ("1 234 567", Some(1_234_567)),
            ("1.234", Some(1234)),
            ("1'234", Some(1234)),
            ("12,34", None),
            ("1.5", None),
            ("-1", None),
            ("1.2K", None),
            ("", None),
            ("abc", None),
        ] {
            assert_eq!(parse_count(s), n, "{s}");
        }
    }

    #[test]
    fn ids_flags_lists() {
        assert_eq!(clean_id("123.0"), Ok("123"));
        assert_eq!(clean_id(" 123 "), Ok("123"));
        assert_eq!(clean_id("did:plc:abc"), Ok("did:plc:abc"));
        assert!(clean_id("1.23457E+18").is_err());
        assert_eq!(clean_id("e5"), Ok("e5"));
        assert!(is_truthy("yes") && is_truthy("TRUE") && is_truthy("1") && is_truthy("RT"));
        assert!(!is_truthy("no") && !is_truthy("0") && !is_truthy("") && !is_truthy("NA"));
        let mut out = Vec::new();
        split_list(
            "['Astana', '#EU']; #Kazakhstan|x",
            None,
            Some('#'),
            &mut out,
        );
        assert_eq!(out, ["Astana", "EU", "Kazakhstan", "x"]);
        out.clear();
        split_list("https://a.kz/x,y; https://b.kz", Some("; "), None, &mut out);
        assert_eq!(out, ["https://a.kz/x,y", "https://b.kz"]);
    }
}

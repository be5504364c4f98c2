//! The timestamp formats X uses, parsed exactly and fast (they are on every record).
//!
//! - API v1.1 and the account archive's `tweets.js`: `Sat Sep 23 21:36:01 +0000 2017`;
//! - API v2, twarc and the archive's `account.js`: RFC 3339 (`2021-05-18T19:24:56.000Z`,
//!   `2021-05-19T15:26:17+00:00`).
//!
//! Both parsers reject anything that is not exactly such a timestamp (wrong weekday names,
//! out-of-range fields, trailing text) rather than guessing.

use dipl_model::Timestamp;

use crate::error::ConvertError;

/// The required `created_at` of a record, parsed with `parse`.
pub(crate) fn created_at(
    raw: Option<&str>,
    parse: fn(&str) -> Option<Timestamp>,
) -> Result<Timestamp, ConvertError> {
    let raw = raw.ok_or(ConvertError::Missing("created_at"))?;
    parse(raw).ok_or_else(|| ConvertError::BadDate {
        field: "created_at",
        value: raw.to_string(),
    })
}

/// Parses the v1.1 `created_at` format, `Sat Sep 23 21:36:01 +0000 2017`.
pub fn parse_v1(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() != 30
        || b[3] != b' '
        || b[7] != b' '
        || b[10] != b' '
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b' '
        || b[25] != b' '
    {
        return None;
    }
    const WEEKDAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    if !WEEKDAYS.contains(&&b[0..3]) {
        return None;
    }
    let month = month_number(&b[4..7])?;
    let day = digits(&b[8..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    let offset = offset_seconds(b[20], digits(&b[21..23])?, digits(&b[23..25])?)?;
    let year = digits(&b[26..30])?;
    Timestamp::from_civil(year, month, day, hour, minute, second).map(|t| Timestamp(t.0 - offset))
}

/// Parses RFC 3339 as X writes it (`2021-05-18T19:24:56.000Z`, `2021-05-19T15:26:17+00:00`);
/// anything else goes through the model's general parser.
pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
    rfc3339_fast(s).or_else(|| Timestamp::parse(s))
}

/// The model's fast RFC 3339 parser, with `T` or a space between date and time (a lowercase
/// `t` goes to the general parser).
fn rfc3339_fast(s: &str) -> Option<Timestamp> {
    if s.as_bytes().get(10) == Some(&b't') {
        return None;
    }
    Timestamp::parse_rfc3339_fast(s)
}

#[cfg(test)]
fn fast_rfc3339(b: &[u8]) -> Option<Timestamp> {
    rfc3339_fast(std::str::from_utf8(b).ok()?)
}

fn month_number(name: &[u8]) -> Option<i64> {
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    MONTHS.iter().position(|m| *m == name).map(|i| i as i64 + 1)
}

fn digits(b: &[u8]) -> Option<i64> {
    let mut n = 0i64;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(c - b'0');
    }
    Some(n)
}

fn offset_seconds(sign: u8, hours: i64, minutes: i64) -> Option<i64> {
    if hours > 23 || minutes > 59 {
        return None;
    }
    let magnitude = hours * 3600 + minutes * 60;
    match sign {
        b'+' => Some(magnitude),
        b'-' => Some(-magnitude),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_dates_match_the_general_parser() {
        let cases = [
            ("Sat Sep 23 21:36:01 +0000 2017", "2017-09-23T21:36:01Z"),
            ("Thu Feb 29 00:00:00 +0000 2024", "2024-02-29T00:00:00Z"),
            ("Mon Jan 01 00:00:00 +0100 2018", "2017-12-31T23:00:00Z"),
            ("Wed Dec 31 23:59:59 -0130 1969", "1970-01-01T01:29:59Z"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_v1(input).map(|t| t.to_rfc3339()).as_deref(),
                Some(expected),
                "{input}"
            );
        }
        for bad in [
            "Sat Sep 23 21:36:01 +0000 201",
            "Xyz Sep 23 21:36:01 +0000 2017",
            "Sat Sep 31 21:36:01 +0000 2017",
            "Sat Feb 29 21:36:01 +0000 2100",
            "Sat Sep 23 24:36:01 +0000 2017",
            "2017-09-23T21:36:01Z",
        ] {
            assert_eq!(parse_v1(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc3339_fast_path_agrees_with_chrono() {
        for input in [
            "2021-05-18T19:24:56.000Z",
            "2021-05-19T15:26:17+00:00",
            "2013-06-04T16:25:04+02:00",
            "2000-02-29T12:00:00.123456Z",
            "1999-12-31T23:59:59-05:30",
        ] {
            assert_eq!(
                fast_rfc3339(input.as_bytes()),
                Timestamp::parse(input),
                "{input}"
            );
            assert!(fast_rfc3339(input.as_bytes()).is_some(), "{input}");
        }
        assert_eq!(parse_rfc3339("2021-05-18"), Timestamp::parse("2021-05-18"));
        assert_eq!(parse_rfc3339("2021-13-18T00:00:00Z"), None);
    }
}

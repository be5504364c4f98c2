//! Graph API times: `2014-03-10T18:05:01+0000` (ISO 8601 with a colon-less offset, which RFC
//! 3339 parsers refuse), `…Z`, `…+01:00`, fractional seconds, and Unix seconds
//! (`date_format=U`).

use dipl_model::Timestamp;

use crate::number::Time;

/// The instant a Graph time denotes, or `None` when it cannot be read.
pub fn parse(time: &Time<'_>) -> Option<Timestamp> {
    match time {
        Time::Text(s) => parse_str(s),
        // Seconds; a 13-digit value is milliseconds (some exporters rewrite times so).
        Time::Unix(n) if n.unsigned_abs() >= 100_000_000_000 => Some(Timestamp(n / 1000)),
        Time::Unix(n) => Some(Timestamp(*n)),
        Time::Unreadable => None,
    }
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HHMM|±HH:MM|±HH]`, then anything
/// [`Timestamp::parse`] reads.
pub fn parse_str(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    iso(s.as_bytes()).or_else(|| Timestamp::parse(s))
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    b.iter().try_fold(0u32, |n, d| {
        n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

fn iso(b: &[u8]) -> Option<Timestamp> {
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &rest[1 + n..];
    }
    let offset_seconds: i64 = match rest {
        [] | [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), tail @ ..] => {
            let (h, m) = match tail {
                [h1, h2] => (digits(&[*h1, *h2])?, 0),
                [h1, h2, m1, m2] => (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?),
                [h1, h2, b':', m1, m2] => (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let magnitude = i64::from(h * 3600 + m * 60);
            if *sign == b'-' {
                -magnitude
            } else {
                magnitude
            }
        }
        _ => return None,
    };
    let local = Timestamp::from_ymd_hms(year, month, day, hour, minute, second)?;
    Some(Timestamp(local.0 - offset_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn at(s: &str) -> Option<String> {
        parse_str(s).map(|t| t.to_rfc3339())
    }

    #[test]
    fn graph_spellings() {
        assert_eq!(
            at("2014-03-10T18:05:01+0000").as_deref(),
            Some("2014-03-10T18:05:01Z")
        );
        assert_eq!(
            at("2024-03-01T10:00:00+0600").as_deref(),
            Some("2024-03-01T04:00:00Z")
        );
        assert_eq!(
            at("2024-03-01T10:00:00.123-02:30").as_deref(),
            Some("2024-03-01T12:30:00Z")
        );
        assert_eq!(
            at("2024-03-01T10:00:00Z").as_deref(),
            Some("2024-03-01T10:00:00Z")
        );
        assert_eq!(
            at("2024-03-01T10:00:00+05").as_deref(),
            Some("2024-03-01T05:00:00Z")
        );
        assert_eq!(at("2024-03-01").as_deref(), Some("2024-03-01T00:00:00Z"));
        assert_eq!(at("2024-02-30T10:00:00+0000"), None);
        assert_eq!(at("2024-03-01T10:00:00+2500"), None);
        assert_eq!(at("yesterday"), None);
        assert_eq!(at("2024-03-01T10:00:00+0000x"), None);
        assert_eq!(
            parse(&Time::Unix(1394475600)).map(|t| t.0),
            Some(1394475600)
        );
        assert_eq!(
            parse(&Time::Unix(1394475600123)).map(|t| t.0),
            Some(1394475600)
        );
        assert_eq!(
            parse(&Time::Text(Cow::Borrowed(" 2014-03-10T18:05:01+0000 "))).map(|t| t.0),
            Some(1394474701)
        );
    }
}

//! The timestamp spellings of Telegram exports, parsed exactly (they are on every message).
//!
//! - Telegram Desktop `date_unixtime`: a string of seconds since the epoch (`"1709287200"`);
//! - Telegram Desktop `date`: the exporting computer's *local* time without a zone
//!   (`"2024-03-01T15:00:00"`, Qt's ISO format), read by [`parse_datetime`] as UTC;
//! - Telethon: `datetime.isoformat()` (`"2024-03-01T10:00:00+00:00"`, via `to_json()`), or
//!   `str(datetime)` (`"2024-03-01 10:00:00+00:00"`, via `json.dumps(default=str)`), with or
//!   without microseconds; some dumps write epoch seconds as numbers.

use dipl_model::{Timestamp, ZoneSpelling};

/// Seconds since the epoch written as digits.
pub fn unix_seconds(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    let negative = s.starts_with('-');
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(Timestamp(if negative { -n } else { n }))
}

/// An ISO 8601 date-time, `T` or space separated, optional fraction, optional zone (`Z`,
/// `±hh:mm`, `±hhmm`). Returns the instant and whether a zone was given (without one the time is
/// read as UTC).
pub fn parse_datetime(s: &str) -> Option<(Timestamp, bool)> {
    Timestamp::parse_iso_fast(s.trim()).map(|(t, zone)| (t, zone != ZoneSpelling::Missing))
}

/// 2021-12-30T00:00:00Z: Telegram introduced message reactions (Telegram 8.3). A message
/// without reactions from before then has none because the feature did not exist: its likes
/// are not available, not 0.
pub const REACTIONS_LAUNCH: Timestamp = Timestamp(1_640_822_400);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_agree_with_the_model_parser() {
        for (input, expected, zoned) in [
            ("2024-03-01T10:00:00+00:00", "2024-03-01T10:00:00Z", true),
            ("2024-03-01 10:00:00+00:00", "2024-03-01T10:00:00Z", true),
            ("2024-03-01T15:00:00+05:00", "2024-03-01T10:00:00Z", true),
            (
                "2024-03-01T10:00:00.123456+0000",
                "2024-03-01T10:00:00Z",
                true,
            ),
            ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z", true),
            ("2019-05-10T14:23:11", "2019-05-10T14:23:11Z", false),
        ] {
            let (t, z) = parse_datetime(input).unwrap();
            assert_eq!(t.to_rfc3339(), expected, "{input}");
            assert_eq!(z, zoned, "{input}");
        }
        for bad in [
            "2023-02-29T00:00:00",
            "2024-13-01T00:00:00",
            "2024-03-01T10:00",
            "2024-03-01T10:00:00+5",
            "yesterday",
        ] {
            assert_eq!(parse_datetime(bad), None, "{bad}");
        }
        assert_eq!(
            unix_seconds("1709287200")
                .map(|t| t.to_rfc3339())
                .as_deref(),
            Some("2024-03-01T10:00:00Z")
        );
        assert_eq!(unix_seconds("17x"), None);
        assert_eq!(unix_seconds(""), None);
        assert_eq!(
            Timestamp::parse("2021-12-30T00:00:00Z"),
            Some(REACTIONS_LAUNCH)
        );
    }
}

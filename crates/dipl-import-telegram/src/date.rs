//! The timestamp spellings of Telegram exports, parsed exactly (they are on every message).
//!
//! - Telegram Desktop `date_unixtime`: a string of seconds since the epoch (`"1709287200"`);
//! - Telegram Desktop `date`: the exporting computer's *local* time without a zone
//!   (`"2024-03-01T15:00:00"`, Qt's ISO format), read by [`parse_datetime`] as UTC;
//! - Telethon: `datetime.isoformat()` (`"2024-03-01T10:00:00+00:00"`, via `to_json()`), or
//!   `str(datetime)` (`"2024-03-01 10:00:00+00:00"`, via `json.dumps(default=str)`), with or
//!   without microseconds; some dumps write epoch seconds as numbers.

use dipl_model::Timestamp;

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
    let b = s.trim().as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b'T' || b[10] == b' ' || b[10] == b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let (offset, zoned) = match &b[i..] {
        [] => (0, false),
        [b'Z'] | [b'z'] => (0, true),
        [sign, h1, h2, b':', m1, m2] | [sign, h1, h2, m1, m2] => (
            offset_seconds(*sign, digits(&[*h1, *h2])?, digits(&[*m1, *m2])?)?,
            true,
        ),
        _ => return None,
    };
    let t = civil_seconds(year, month, day, hour, minute, second)?;
    Some((Timestamp(t - offset), zoned))
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

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Seconds since the epoch of a UTC civil time, every field range-checked.
fn civil_seconds(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
) -> Option<i64> {
    const DAYS_IN_MONTH: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let month_days = DAYS_IN_MONTH[(month - 1) as usize] + i64::from(month == 2 && is_leap(year));
    if !(1..=month_days).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
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

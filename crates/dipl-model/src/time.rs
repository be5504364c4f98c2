//! UTC timestamps and half-open time windows.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

/// Seconds since the Unix epoch, UTC.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

pub const SECONDS_PER_DAY: i64 = 86_400;

/// How the zone of a date-time read by [`Timestamp::parse_iso_fast`] was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSpelling {
    /// No zone: the time was read as UTC.
    Missing,
    /// `Z` or `z`.
    Z,
    /// `±HH:MM`, as RFC 3339 writes offsets.
    Colon,
    /// `±HHMM` (ISO 8601's basic format, which RFC 3339 parsers refuse).
    Compact,
}

impl Timestamp {
    pub fn from_ymd_hms(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<Timestamp> {
        let date = NaiveDate::from_ymd_opt(y, mo, d)?;
        let dt = date.and_hms_opt(h, mi, s)?;
        Some(Timestamp(dt.and_utc().timestamp()))
    }

    /// Parses RFC 3339 (`2021-05-18T19:24:56.000Z`, with any offset) or a bare date `2021-05-18`
    /// (midnight UTC).
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Some(Timestamp(dt.timestamp()));
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Some(Timestamp(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp()));
        }
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S") {
            return Some(Timestamp(dt.and_utc().timestamp()));
        }
        None
    }

    /// The instant of a UTC civil time, every field range-checked (month 1–12, the day within
    /// the month, leap years included, hour 0–23, minute 0–59, second 0–60: a leap second counts
    /// as the next minute's first). No allocation and no chrono: for parsers on every record.
    pub fn from_civil(
        year: i64,
        month: i64,
        day: i64,
        hour: i64,
        minute: i64,
        second: i64,
    ) -> Option<Timestamp> {
        const DAYS_IN_MONTH: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month)
            || !(0..=23).contains(&hour)
            || !(0..=59).contains(&minute)
            || !(0..=60).contains(&second)
        {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let month_days = DAYS_IN_MONTH[(month - 1) as usize] + i64::from(month == 2 && leap);
        if !(1..=month_days).contains(&day) {
            return None;
        }
        // Days from the civil date (Howard Hinnant's algorithm: 400-year eras of 146,097 days).
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = era * 146_097 + day_of_era - 719_468;
        Some(Timestamp(
            days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second,
        ))
    }

    /// Parses `YYYY-MM-DD(T|t| )HH:MM:SS[.fraction][zone]` exactly and fast (no allocation), the
    /// zone being `Z`/`z`, `±HH:MM`, `±HHMM` or nothing (the time is then read as UTC); returns
    /// the instant (the fraction dropped) and how the zone was written. Anything else is `None`:
    /// white space around, a missing or empty fraction after `.`, out-of-range fields
    /// ([`Timestamp::from_civil`]), offsets beyond ±23:59, trailing text.
    pub fn parse_iso_fast(s: &str) -> Option<(Timestamp, ZoneSpelling)> {
        let b = s.as_bytes();
        if b.len() < 19
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
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
        let (offset, zone) = match &b[i..] {
            [] => (0, ZoneSpelling::Missing),
            [b'Z'] | [b'z'] => (0, ZoneSpelling::Z),
            [sign, h1, h2, b':', m1, m2] => (
                offset_seconds(*sign, digits(&[*h1, *h2])?, digits(&[*m1, *m2])?)?,
                ZoneSpelling::Colon,
            ),
            [sign, h1, h2, m1, m2] => (
                offset_seconds(*sign, digits(&[*h1, *h2])?, digits(&[*m1, *m2])?)?,
                ZoneSpelling::Compact,
            ),
            _ => return None,
        };
        let t = Timestamp::from_civil(year, month, day, hour, minute, second)?;
        Some((Timestamp(t.0 - offset), zone))
    }

    /// The RFC 3339 subset of [`Timestamp::parse_iso_fast`]: a zone is required, `Z` or
    /// `±HH:MM` (`2021-05-18T19:24:56.000Z`, `2024-02-22T04:35:10.072+00:00`).
    pub fn parse_rfc3339_fast(s: &str) -> Option<Timestamp> {
        match Timestamp::parse_iso_fast(s)? {
            (t, ZoneSpelling::Z | ZoneSpelling::Colon) => Some(t),
            _ => None,
        }
    }

    /// The UTC calendar day number (days since 1970-01-01).
    pub fn day(self) -> i64 {
        self.0.div_euclid(SECONDS_PER_DAY)
    }

    pub fn to_datetime(self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(self.0, 0)
    }

    /// `2017-09-23T21:36:01Z`
    pub fn to_rfc3339(self) -> String {
        match self.to_datetime() {
            Some(dt) => dt.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            None => format!("@{}", self.0),
        }
    }

    /// `2017-09-23`
    pub fn to_date_string(self) -> String {
        match self.to_datetime() {
            Some(dt) => dt.format("%Y-%m-%d").to_string(),
            None => format!("@{}", self.0),
        }
    }
}

/// The value of a run of ASCII digits (at most 4 here).
fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// `±hours:minutes` in seconds east of UTC.
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

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// A half-open window `[from, to)` of post creation times, with the reference time `as_of`
/// (default: `to`). Unbounded ends are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub as_of: Option<Timestamp>,
}

impl Window {
    pub const ALL: Window = Window {
        from: None,
        to: None,
        as_of: None,
    };

    pub fn contains(&self, t: Timestamp) -> bool {
        self.from.is_none_or(|f| t >= f) && self.to.is_none_or(|e| t < e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_and_dates() {
        let t = Timestamp::parse("2021-05-18T19:24:56.000Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2021-05-18T19:24:56Z");
        assert_eq!(
            Timestamp::parse("2021-05-18").unwrap().to_rfc3339(),
            "2021-05-18T00:00:00Z"
        );
        assert_eq!(Timestamp::parse("yesterday"), None);
        assert_eq!(Timestamp(-1).day(), -1);
    }

    fn iso(s: &str) -> Option<(String, ZoneSpelling)> {
        Timestamp::parse_iso_fast(s).map(|(t, z)| (t.to_rfc3339(), z))
    }

    #[test]
    fn fast_iso_zones_fractions_and_separators() {
        use ZoneSpelling::*;
        for (input, expected, zone) in [
            ("2021-05-18T19:24:56.000Z", "2021-05-18T19:24:56Z", Z),
            ("2021-05-18t19:24:56z", "2021-05-18T19:24:56Z", Z),
            ("2021-05-19T15:26:17+00:00", "2021-05-19T15:26:17Z", Colon),
            ("2024-03-01 15:00:00+05:00", "2024-03-01T10:00:00Z", Colon),
            ("1999-12-31T23:59:59-05:30", "2000-01-01T05:29:59Z", Colon),
            ("2014-03-10T18:05:01+0000", "2014-03-10T18:05:01Z", Compact),
            (
                "2024-03-01T10:00:00.123456-0130",
                "2024-03-01T11:30:00Z",
                Compact,
            ),
            ("2023-10-03T02:49:12.980686Z", "2023-10-03T02:49:12Z", Z),
            ("2019-05-10T14:23:11", "2019-05-10T14:23:11Z", Missing),
            ("2019-05-10 14:23:11.5", "2019-05-10T14:23:11Z", Missing),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z", Z),
            ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z", Z),
        ] {
            assert_eq!(iso(input), Some((expected.to_string(), zone)), "{input}");
        }
        assert_eq!(
            Timestamp::parse_iso_fast("1970-01-01T00:00:00Z").unwrap().0,
            Timestamp(0)
        );
    }

    #[test]
    fn fast_iso_leap_years_and_ranges() {
        assert!(iso("2024-02-29T00:00:00Z").is_some());
        assert!(iso("2000-02-29T00:00:00Z").is_some());
        for bad in [
            "2023-02-29T00:00:00Z",
            "2100-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-00-10T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-01-00T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T23:60:00Z",
            "2024-01-01T23:59:61Z",
            "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00+05:60",
            "2024-01-01T00:00:00+5",
            "2024-01-01T00:00:00+05",
            "2024-01-01T00:00:00*05:00",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00Zjunk",
            " 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z ",
            "2024-01-01X00:00:00Z",
            "2024-1-01T00:00:00Z",
            "+2024-01-01T00:00:00Z",
            "2024-01-01",
            "2024-03-01T10:00",
            "yesterday",
            "",
        ] {
            assert_eq!(iso(bad), None, "{bad}");
        }
        assert_eq!(Timestamp::from_civil(2024, 2, 30, 0, 0, 0), None);
        assert_eq!(
            Timestamp::from_civil(1600, 3, 1, 0, 0, 0),
            Timestamp::from_ymd_hms(1600, 3, 1, 0, 0, 0)
        );
    }

    #[test]
    fn fast_rfc3339_agrees_with_the_general_parser() {
        for input in [
            "2021-05-18T19:24:56.000Z",
            "2021-05-19T15:26:17+00:00",
            "2013-06-04T16:25:04+02:00",
            "2000-02-29T12:00:00.123456Z",
            "1999-12-31T23:59:59-05:30",
            "2024-02-29T23:59:59+05:30",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert!(Timestamp::parse_rfc3339_fast(input).is_some(), "{input}");
            assert_eq!(
                Timestamp::parse_rfc3339_fast(input),
                Timestamp::parse(input),
                "{input}"
            );
        }
        // Not RFC 3339: no zone, or an offset without its colon.
        assert_eq!(Timestamp::parse_rfc3339_fast("2019-05-10T14:23:11"), None);
        assert_eq!(
            Timestamp::parse_rfc3339_fast("2014-03-10T18:05:01+0000"),
            None
        );
    }

    #[test]
    fn window_is_half_open() {
        let w = Window {
            from: Timestamp::parse("2020-01-01"),
            to: Timestamp::parse("2020-02-01"),
            as_of: None,
        };
        assert!(w.contains(Timestamp::parse("2020-01-01").unwrap()));
        assert!(!w.contains(Timestamp::parse("2020-02-01").unwrap()));
    }
}

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

//! Timestamps as Meta's research tools write them, converted to UTC.
//!
//! - **CrowdTangle** writes `Post Created` (and the older `Created`) as local time in the time
//!   zone chosen in the dashboard's settings, followed by that zone's abbreviation from the tz
//!   database: `2021-07-06 16:45:20 EDT`, `2019-05-02 14:00:00 CEST`. Zones the tz database has
//!   no letters for are written as numeric abbreviations (`2021-03-01 10:15:00 +06` for
//!   Asia/Almaty since 2017). The abbreviation fixes the offset, daylight saving included (EST
//!   and EDT are different abbreviations), so a fixed table is exact; see [`zone_offset`].
//! - **Meta Content Library** writes `creation_time` as ISO 8601 (`2024-03-01T12:00:00+0000`,
//!   `…Z`, `…+00:00`) or, in some downloads, as Unix seconds.
//!
//! A timestamp with no zone at all (`2008-01-10 18:20:58`, CrowdTangle's `Page Created`) is read
//! as UTC: the CrowdTangle API documents its dates as UTC, and nothing better is known.
//! An abbreviation that is not in the table is an error (the row is skipped with a diagnostic),
//! never a guess.

use dipl_model::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a date and time")]
    Unreadable,
    #[error("unknown time zone `{0}`")]
    UnknownZone(String),
}

/// Parses `YYYY-MM-DD HH:MM[:SS[.fff]][ ZONE]` (space or `T` between date and time; the zone an
/// abbreviation, `Z`, `UTC`, `GMT`, a numeric offset `+06`, `+0530`, `+05:30`, or `UTC+3`), or
/// Unix seconds (9 to 11 digits) or milliseconds (12 or 13 digits).
pub fn parse(s: &str) -> Result<Timestamp, DateError> {
    let t = s.trim();
    let b = t.as_bytes();
    if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
        let n: i64 = t.parse().map_err(|_| DateError::Unreadable)?;
        return match b.len() {
            9..=11 => Ok(Timestamp(n)),
            12 | 13 => Ok(Timestamp(n.div_euclid(1000))),
            _ => Err(DateError::Unreadable),
        };
    }
    if b.len() < 16
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b' ' || b[10] == b'T')
        || b[13] != b':'
    {
        return Err(DateError::Unreadable);
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let mut second = 0;
    let mut i = 16;
    if b.get(16) == Some(&b':') {
        second = digits(b.get(17..19).ok_or(DateError::Unreadable)?)?;
        i = 19;
        if b.get(19) == Some(&b'.') {
            i = 20;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == 20 {
                return Err(DateError::Unreadable);
            }
        }
    }
    // `t[i..]` starts at an ASCII byte boundary: everything before it was checked to be ASCII.
    let offset = zone_offset(t[i..].trim())?;
    let local = Timestamp::from_ymd_hms(
        year as i32,
        month as u32,
        day as u32,
        hour as u32,
        minute as u32,
        second as u32,
    )
    .ok_or(DateError::Unreadable)?;
    Ok(Timestamp(local.0 - offset))
}

fn digits(b: &[u8]) -> Result<i64, DateError> {
    let mut n = 0i64;
    for &c in b {
        if !c.is_ascii_digit() {
            return Err(DateError::Unreadable);
        }
        n = n * 10 + i64::from(c - b'0');
    }
    Ok(n)
}

/// Seconds east of UTC of a zone as written after a CrowdTangle timestamp.
///
/// Abbreviations are those of the tz database (current and, for zones that have since switched
/// to numeric ones, those used before 2017). Three are ambiguous in the tz database itself; this
/// table reads `CST` as US Central (−6, not China +8), `IST` as India (+5:30, not Irish summer
/// time or Israel) and `AST` as Atlantic (−4, not Arabia +3): CrowdTangle's dashboards defaulted
/// to US zones, and these are the readings of the current tz database's most populous users.
pub fn zone_offset(zone: &str) -> Result<i64, DateError> {
    if zone.is_empty() || zone == "Z" || zone == "z" {
        return Ok(0);
    }
    // Upper case on the stack: this runs for every row.
    let mut buf = [0u8; 12];
    let upper = match zone.len() {
        0..=12 if zone.is_ascii() => {
            let buf = &mut buf[..zone.len()];
            buf.copy_from_slice(zone.as_bytes());
            buf.make_ascii_uppercase();
            std::str::from_utf8(buf).map_err(|_| DateError::UnknownZone(zone.into()))?
        }
        _ => return Err(DateError::UnknownZone(zone.into())),
    };
    for prefix in ["UTC", "GMT", "UT"] {
        if let Some(rest) = upper.strip_prefix(prefix) {
            if rest.is_empty() {
                return Ok(0);
            }
            if rest.starts_with(['+', '-']) {
                return numeric_offset(rest).ok_or_else(|| DateError::UnknownZone(zone.into()));
            }
        }
    }
    if upper.starts_with(['+', '-']) {
        return numeric_offset(upper).ok_or_else(|| DateError::UnknownZone(zone.into()));
    }
    abbreviation_minutes(upper)
        .map(|m| m * 60)
        .ok_or_else(|| DateError::UnknownZone(zone.into()))
}

/// `+6`, `+06`, `+0530`, `+05:30`, `-03`.
fn numeric_offset(s: &str) -> Option<i64> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &s[1..];
    let (hours, minutes) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() <= 2 => (rest, "0"),
        None if rest.len() == 4 => rest.split_at(2),
        None => return None,
    };
    if hours.is_empty()
        || hours.len() > 2
        || minutes.len() > 2
        || !hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let h: i64 = hours.parse().ok()?;
    let m: i64 = minutes.parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// Minutes east of UTC of a tz-database abbreviation (upper case).
fn abbreviation_minutes(abbr: &str) -> Option<i64> {
    Some(match abbr {
        // Europe and Africa
        "WET" => 0,
        "WEST" | "BST" | "CET" | "MET" | "WAT" => 60,
        "CEST" | "MEST" | "EET" | "CAT" | "SAST" => 120,
        "EEST" | "MSK" | "EAT" | "TRT" | "IDT" => 180,
        // Asia (letters used by the tz database before 2017 for several of them)
        "IRST" => 210,
        "GST" | "AZT" | "GET" | "SAMT" => 240,
        "IRDT" | "AFT" => 270,
        "PKT" | "UZT" | "TJT" | "TMT" | "YEKT" | "ORAT" | "AQTT" => 300,
        "IST" => 330,
        "NPT" => 345,
        "ALMT" | "QYZT" | "KGT" | "OMST" | "BDT" => 360,
        "ICT" | "WIB" | "KRAT" | "NOVT" => 420,
        "HKT" | "SGT" | "MYT" | "PHT" | "WITA" | "AWST" | "IRKT" => 480,
        "JST" | "KST" | "WIT" | "YAKT" => 540,
        // Oceania
        "ACST" => 570,
        "AEST" | "CHST" | "VLAT" => 600,
        "ACDT" => 630,
        "AEDT" | "MAGT" => 660,
        "NZST" | "PETT" => 720,
        "NZDT" => 780,
        // Americas
        "NDT" => -150,
        "NST" => -210,
        "ADT" | "ART" | "BRT" | "CLST" => -180,
        "AST" | "EDT" | "CLT" | "VET" | "BOT" => -240,
        "EST" | "CDT" | "COT" | "PET" | "ECT" => -300,
        "CST" | "MDT" => -360,
        "MST" | "PDT" => -420,
        "PST" | "AKDT" => -480,
        "AKST" | "HDT" => -540,
        "HST" => -600,
        "SST" => -660,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> String {
        match parse(s) {
            Ok(t) => t.to_rfc3339(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn crowdtangle_local_times_become_utc() {
        // EDT = UTC−4, EST = UTC−5: the same wall-clock time an hour apart across the change.
        assert_eq!(utc("2021-07-06 16:45:20 EDT"), "2021-07-06T20:45:20Z");
        assert_eq!(utc("2021-03-01 10:15:00 EST"), "2021-03-01T15:15:00Z");
        assert_eq!(utc("2019-05-02 14:00:00 CEST"), "2019-05-02T12:00:00Z");
        assert_eq!(utc("2019-01-02 14:00:00 CET"), "2019-01-02T13:00:00Z");
        // Asia/Almaty has no letters in the tz database since 2017: `+06`.
        assert_eq!(utc("2021-03-01 10:15:00 +06"), "2021-03-01T04:15:00Z");
        assert_eq!(utc("2016-03-01 10:15:00 ALMT"), "2016-03-01T04:15:00Z");
        assert_eq!(utc("2021-03-01 10:15:00 +0530"), "2021-03-01T04:45:00Z");
        assert_eq!(utc("2021-03-01 10:15:00 -03:00"), "2021-03-01T13:15:00Z");
        assert_eq!(utc("2021-03-01 10:15:00 UTC"), "2021-03-01T10:15:00Z");
        assert_eq!(utc("2021-03-01 10:15:00 GMT+3"), "2021-03-01T07:15:00Z");
        assert_eq!(utc("2021-03-01 10:15:00 UTC+05:30"), "2021-03-01T04:45:00Z");
        assert_eq!(utc("2021-03-01 10:15:00 cest"), "2021-03-01T08:15:00Z");
        assert_eq!(utc("2021-03-01 00:15:00 NZDT"), "2021-02-28T11:15:00Z");
        // Crossing the year.
        assert_eq!(utc("2021-01-01 01:00:00 CET"), "2021-01-01T00:00:00Z");
        assert_eq!(utc("2020-12-31 23:30:00 EST"), "2021-01-01T04:30:00Z");
        // No zone: UTC.
        assert_eq!(utc("2008-01-10 18:20:58"), "2008-01-10T18:20:58Z");
        assert_eq!(utc("2008-01-10 18:20"), "2008-01-10T18:20:00Z");
    }

    #[test]
    fn content_library_times() {
        assert_eq!(utc("2024-03-01T12:00:00+0000"), "2024-03-01T12:00:00Z");
        assert_eq!(utc("2024-03-01T12:00:00.000Z"), "2024-03-01T12:00:00Z");
        assert_eq!(utc("2024-03-01T14:00:00+02:00"), "2024-03-01T12:00:00Z");
        assert_eq!(utc("1709294400"), "2024-03-01T12:00:00Z");
        assert_eq!(utc("1709294400000"), "2024-03-01T12:00:00Z");
    }

    #[test]
    fn bad_dates_are_errors_not_guesses() {
        assert_eq!(
            utc("2021-03-01 10:15:00 XYZT"),
            "error: unknown time zone `XYZT`"
        );
        assert_eq!(
            utc("2021-03-01 10:15:00 +25"),
            "error: unknown time zone `+25`"
        );
        assert_eq!(utc("2021-02-30 10:15:00 EST"), "error: not a date and time");
        assert_eq!(utc("2021-03-01 24:15:00 EST"), "error: not a date and time");
        assert_eq!(utc("03/01/2021 10:15"), "error: not a date and time");
        assert_eq!(utc("2021-03-01"), "error: not a date and time");
        assert_eq!(utc("2021-03-01 10:15:00."), "error: not a date and time");
        assert_eq!(utc("2021-03-01 10:15:0"), "error: not a date and time");
        assert_eq!(utc("12345"), "error: not a date and time");
        assert_eq!(
            utc("2021-03-01 10:15:00 Ünïcode"),
            "error: unknown time zone `Ünïcode`"
        );
    }
}

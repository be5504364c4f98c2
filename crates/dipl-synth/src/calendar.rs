//! Calendar arithmetic on UTC seconds and the two X timestamp spellings, without allocation.
//!
//! v1.1 writes `Wed Jan 01 09:15:02 +0000 2025`; API v2 writes `2025-01-01T09:15:02.000Z`;
//! twarc writes its `retrieved_at` as `2025-02-01T00:03:12+00:00`.

use std::io::Write;

pub(crate) const DAY: i64 = 86_400;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month 1–12, day 1–31)` of a day number.
pub(crate) fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(day: i64) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (day + 3).rem_euclid(7) as u32
}

/// The first day (day number) of the month containing `day`, and of the next month.
pub(crate) fn month_bounds(day: i64) -> (i64, i64) {
    let (y, m, _) = civil_from_days(day);
    let start = days_from_civil(y, m, 1);
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (start, days_from_civil(ny, nm, 1))
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn two(out: &mut Vec<u8>, v: u32) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

fn split(secs: i64) -> (i32, u32, u32, u32, u32, u32, u32) {
    let day = secs.div_euclid(DAY);
    let sod = secs.rem_euclid(DAY) as u32;
    let (y, m, d) = civil_from_days(day);
    (y, m, d, sod / 3600, sod / 60 % 60, sod % 60, weekday(day))
}

/// v1.1 `created_at`: `Wed Jan 01 09:15:02 +0000 2025`.
pub(crate) fn push_v1(out: &mut Vec<u8>, secs: i64) {
    let (y, m, d, hh, mi, ss, wd) = split(secs);
    out.extend_from_slice(WEEKDAYS[wd as usize].as_bytes());
    out.push(b' ');
    out.extend_from_slice(MONTHS[(m - 1) as usize].as_bytes());
    out.push(b' ');
    two(out, d);
    out.push(b' ');
    two(out, hh);
    out.push(b':');
    two(out, mi);
    out.push(b':');
    two(out, ss);
    out.extend_from_slice(b" +0000 ");
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{y}");
}

pub(crate) fn push_iso_date_time(out: &mut Vec<u8>, secs: i64) {
    let (y, m, d, hh, mi, ss, _) = split(secs);
    let _ = write!(out, "{y:04}");
    out.push(b'-');
    two(out, m);
    out.push(b'-');
    two(out, d);
    out.push(b'T');
    two(out, hh);
    out.push(b':');
    two(out, mi);
    out.push(b':');
    two(out, ss);
}

/// API v2 `created_at`: `2025-01-01T09:15:02.000Z`.
pub(crate) fn push_v2(out: &mut Vec<u8>, secs: i64) {
    push_iso_date_time(out, secs);
    out.extend_from_slice(b".000Z");
}

/// twarc's `retrieved_at`: `2025-02-01T00:03:12+00:00`.
pub(crate) fn push_twarc(out: &mut Vec<u8>, secs: i64) {
    push_iso_date_time(out, secs);
    out.extend_from_slice(b"+00:00");
}

/// Facebook Graph API times: `2025-01-01T09:15:02+0000`.
pub(crate) fn push_fb(out: &mut Vec<u8>, secs: i64) {
    push_iso_date_time(out, secs);
    out.extend_from_slice(b"+0000");
}

/// `2025-01-01 09:15:02` (CrowdTangle), of a time already shifted to local time.
pub(crate) fn push_space_date_time(out: &mut Vec<u8>, secs: i64) {
    let (y, m, d, hh, mi, ss, _) = split(secs);
    let _ = write!(out, "{y:04}");
    out.push(b'-');
    two(out, m);
    out.push(b'-');
    two(out, d);
    out.push(b' ');
    two(out, hh);
    out.push(b':');
    two(out, mi);
    out.push(b':');
    two(out, ss);
}

/// Central European time as CrowdTangle dashboards set to Brussels show it: the local time and
/// `CET` or `CEST` (summer time from the last Sunday of March to the last Sunday of October,
/// 01:00 UTC).
pub(crate) fn brussels(secs: i64) -> (i64, &'static str) {
    let (y, _, _) = civil_from_days(secs.div_euclid(DAY));
    let last_sunday = |m: u32| {
        let last = days_from_civil(y, m, 31);
        last - ((weekday(last) + 1) % 7) as i64
    };
    let start = last_sunday(3) * DAY + 3600;
    let end = last_sunday(10) * DAY + 3600;
    if (start..end).contains(&secs) {
        (secs + 7200, "CEST")
    } else {
        (secs + 3600, "CET")
    }
}

/// `2025-02-01T00:00:00Z`, URL-encoded as twarc puts it in a query string.
pub(crate) fn push_query_time(out: &mut Vec<u8>, secs: i64) {
    let (y, m, d, hh, mi, ss, _) = split(secs);
    let _ = write!(out, "{y:04}");
    out.push(b'-');
    two(out, m);
    out.push(b'-');
    two(out, d);
    out.push(b'T');
    two(out, hh);
    out.extend_from_slice(b"%3A");
    two(out, mi);
    out.extend_from_slice(b"%3A");
    two(out, ss);
    out.push(b'Z');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: fn(&mut Vec<u8>, i64), secs: i64) -> String {
        let mut v = Vec::new();
        f(&mut v, secs);
        String::from_utf8(v).expect("ascii")
    }

    #[test]
    fn formats_match_the_platforms() {
        // 2025-01-01 is day 20089 (55 years of 365 days + 14 leap days = 20075 + 14); a Wednesday.
        assert_eq!(days_from_civil(2025, 1, 1), 20_089);
        assert_eq!(civil_from_days(20_089), (2025, 1, 1));
        assert_eq!(weekday(20_089), 2);
        let t = 20_089 * DAY + 9 * 3600 + 15 * 60 + 2;
        assert_eq!(s(push_v1, t), "Wed Jan 01 09:15:02 +0000 2025");
        assert_eq!(s(push_v2, t), "2025-01-01T09:15:02.000Z");
        assert_eq!(s(push_twarc, t), "2025-01-01T09:15:02+00:00");
        assert_eq!(s(push_query_time, t), "2025-01-01T09%3A15%3A02Z");
        let mut v = Vec::new();
        push_fb(&mut v, t);
        assert_eq!(v, b"2025-01-01T09:15:02+0000");
        // 2025: summer time from 30 March 01:00 UTC to 26 October 01:00 UTC.
        let mar30 = days_from_civil(2025, 3, 30) * DAY;
        assert_eq!(brussels(mar30 + 3599), (mar30 + 3599 + 3600, "CET"));
        assert_eq!(brussels(mar30 + 3600).1, "CEST");
        let oct26 = days_from_civil(2025, 10, 26) * DAY;
        assert_eq!(brussels(oct26 + 3599).1, "CEST");
        assert_eq!(brussels(oct26 + 3600).1, "CET");
        assert_eq!(
            month_bounds(days_from_civil(2024, 2, 29)),
            (days_from_civil(2024, 2, 1), days_from_civil(2024, 3, 1))
        );
        assert_eq!(
            month_bounds(days_from_civil(2025, 12, 31)).1,
            days_from_civil(2026, 1, 1)
        );
    }
}

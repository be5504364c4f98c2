//! Bluesky datetimes (`createdAt`, `indexedAt`): RFC 3339 with milliseconds or microseconds,
//! `Z` or an offset (`2023-10-03T02:49:12.980686Z`, `2024-02-22T04:35:10.072+00:00`). The
//! common form is parsed by hand (it is on every post); anything else goes through the model's
//! general parser, which rejects what is not a date.

use dipl_model::Timestamp;

/// Parses a Bluesky datetime.
pub fn parse(s: &str) -> Option<Timestamp> {
    fast(s.as_bytes()).or_else(|| Timestamp::parse(s))
}

fn fast(b: &[u8]) -> Option<Timestamp> {
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ')
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
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match &b[i..] {
        [b'Z'] | [b'z'] => 0,
        [sign, h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2])?;
            let minutes = digits(&[*m1, *m2])?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let magnitude = hours * 3600 + minutes * 60;
            match sign {
                b'+' => magnitude,
                b'-' => -magnitude,
                _ => return None,
            }
        }
        _ => return None,
    };
    civil_seconds(year, month, day, hour, minute, second).map(|t| Timestamp(t - offset))
}

fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
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
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = DAYS_IN_MONTH[(month - 1) as usize] + i64::from(month == 2 && leap);
    if !(1..=month_days).contains(&day) {
        return None;
    }
    // Days from the civil date (the era-based algorithm: 400-year eras of 146,097 days).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_the_general_parser() {
        for input in [
            "2023-10-03T15:04:05.821Z",
            "2023-10-03T02:49:12.980686Z",
            "2024-02-22T04:35:10.072+00:00",
            "2024-02-29T23:59:59+05:30",
            "1999-12-31T23:59:59-05:30",
            "2000-01-01T00:00:00Z",
        ] {
            assert!(fast(input.as_bytes()).is_some(), "{input}");
            assert_eq!(fast(input.as_bytes()), Timestamp::parse(input), "{input}");
        }
        for bad in [
            "2023-13-03T15:04:05Z",
            "2023-02-29T15:04:05Z",
            "2023-10-03T15:04:05.Z",
            "2023-10-03T15:04:05",
            "2023-10-03T15:04:05.821Zjunk",
            "garbage",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(
            parse("2023-10-03"),
            Timestamp::from_ymd_hms(2023, 10, 3, 0, 0, 0)
        );
    }
}

//! Bluesky datetimes (`createdAt`, `indexedAt`): RFC 3339 with milliseconds or microseconds,
//! `Z` or an offset (`2023-10-03T02:49:12.980686Z`, `2024-02-22T04:35:10.072+00:00`). The
//! common form goes through the model's fast parser (it is on every post), anything else
//! through its general parser, which rejects what is not a date.

use dipl_model::Timestamp;

/// Parses a Bluesky datetime.
pub fn parse(s: &str) -> Option<Timestamp> {
    Timestamp::parse_rfc3339_fast(s).or_else(|| Timestamp::parse(s))
}

#[cfg(test)]
fn fast(b: &[u8]) -> Option<Timestamp> {
    Timestamp::parse_rfc3339_fast(std::str::from_utf8(b).ok()?)
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

//! Counters as YouTube writes them: the Data API gives statistics as strings of digits
//! (`"viewCount": "48210"`), comment `likeCount` and `totalReplyCount` as numbers; YouTube Data
//! Tools cells are text. A value that cannot be read is missing, not zero, and does not cost
//! the record.

use std::fmt;

use dipl_ingest::values::whole_number;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A non-negative counter; `None` inside when unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count(pub Option<u64>);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a count (integer or string of digits)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Ok(Count(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                Ok(Count(u64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                Ok(Count(whole_number(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                Ok(Count(parse_count(v)))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Count, E> {
                Ok(Count(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
                Ok(Count(None))
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

/// A counter written as text: digits, optionally as a float with a zero fraction (`"12.0"`, what
/// spreadsheets make of numbers); anything else is `None`.
pub fn parse_count(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u64>() {
        return Some(n);
    }
    whole_number(s.parse().ok()?)
}

/// Flattens an optional count.
pub fn count(c: Option<Count>) -> Option<u64> {
    c.and_then(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        n: Option<Count>,
    }

    fn probe(json: &str) -> Option<u64> {
        count(serde_json::from_str::<Probe>(json).unwrap().n)
    }

    #[test]
    fn counts_in_every_spelling() {
        assert_eq!(probe(r#"{"n": "48210"}"#), Some(48210));
        assert_eq!(probe(r#"{"n": 7}"#), Some(7));
        assert_eq!(probe(r#"{"n": "12.0"}"#), Some(12));
        assert_eq!(probe(r#"{"n": ""}"#), None);
        assert_eq!(probe(r#"{"n": "-1"}"#), None);
        assert_eq!(probe(r#"{"n": null}"#), None);
        assert_eq!(probe(r#"{}"#), None);
    }
}

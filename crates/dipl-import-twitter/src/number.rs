//! Ids and counters as X writes them: ids as strings or as (64-bit) numbers, counters as numbers,
//! as strings in the account archive (`"favorite_count" : "12"`), or as `"100+"` in very old
//! v1.1 objects.

use std::fmt;

use dipl_ingest::values::whole_number;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A platform id, kept as the decimal string X shows.
pub use dipl_ingest::values::{count, Id};

/// A counter; `None` inside when the value is present but unreadable (a counter that cannot be
/// read is missing, not zero, and does not cost the whole record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub Option<u64>);

impl From<Count> for Option<u64> {
    fn from(c: Count) -> Option<u64> {
        c.0
    }
}

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
                // "100+" (old v1.1 retweet counts) is read as its lower bound.
                let digits = v.trim().trim_end_matches('+');
                Ok(Count(digits.parse().ok()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Count, E> {
                Ok(Count(None))
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        id: Option<Id<'a>>,
        n: Option<Count>,
    }

    #[test]
    fn ids_and_counts_in_every_spelling() {
        let p: Probe = serde_json::from_str(r#"{"id": 907520486934024192, "n": "12"}"#).unwrap();
        assert_eq!(p.id.unwrap().as_str(), "907520486934024192");
        assert_eq!(count(p.n), Some(12));
        let p: Probe = serde_json::from_str(r#"{"id": "1", "n": "100+"}"#).unwrap();
        assert!(matches!(p.id.unwrap().0, Cow::Borrowed("1")));
        assert_eq!(count(p.n), Some(100));
        let p: Probe = serde_json::from_str(r#"{"id": null, "n": null}"#).unwrap();
        assert!(p.id.is_none() && p.n.is_none());
        let p: Probe = serde_json::from_str(r#"{"n": "many"}"#).unwrap();
        assert_eq!(count(p.n), None);
        let p: Probe = serde_json::from_str(r#"{"n": -3}"#).unwrap();
        assert_eq!(count(p.n), None);
    }
}

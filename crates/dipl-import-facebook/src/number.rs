//! Scalars as the Graph API writes them: ids as strings (or, in a few old objects, numbers),
//! counters as numbers (or strings), times as ISO strings (or Unix seconds with
//! `date_format=U`). Counters are read leniently: a counter of an unexpected type is missing,
//! never zero, and never costs the record.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// Ids (the decimal strings Meta shows) and counters (any value that is not a count reads as
/// missing: `AnyCount`).
pub use dipl_ingest::values::{count, AnyCount as Count, Id};

/// A string that borrows from the input when it can (object keys, texts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

/// A time: `2014-03-10T18:05:01+0000` (the Graph default), any ISO 8601 / RFC 3339 spelling,
/// or Unix seconds (`date_format=U`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Time<'a> {
    Text(Cow<'a, str>),
    Unix(i64),
    Unreadable,
}

impl<'de: 'a, 'a> Deserialize<'de> for Time<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimeVisitor;
        impl<'de> Visitor<'de> for TimeVisitor {
            type Value = Time<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time (string or Unix seconds)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Time::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Time::Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Time::Text(Cow::Owned(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(i64::try_from(v).map_or(Time::Unreadable, Time::Unix))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Time::Unix(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                let ok = v.is_finite() && v.abs() < 1e15;
                Ok(if ok {
                    Time::Unix(v.trunc() as i64)
                } else {
                    Time::Unreadable
                })
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Time::Unreadable)
            }
        }
        deserializer.deserialize_any(TimeVisitor)
    }
}

impl fmt::Display for Time<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Time::Text(s) => f.write_str(s),
            Time::Unix(n) => write!(f, "{n}"),
            Time::Unreadable => f.write_str("?"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        id: Option<Id<'a>>,
        n: Option<Count>,
        #[serde(borrow)]
        t: Option<Time<'a>>,
    }

    #[test]
    fn ids_counts_and_times_in_every_spelling() {
        let p: Probe =
            serde_json::from_str(r#"{"id": 107898832590939, "n": "12", "t": 1394475600}"#).unwrap();
        assert_eq!(p.id.unwrap().as_str(), "107898832590939");
        assert_eq!(count(p.n), Some(12));
        assert_eq!(p.t, Some(Time::Unix(1394475600)));
        let p: Probe = serde_json::from_str(r#"{"id": "1_2", "n": {"x": [1]}, "t": "x"}"#).unwrap();
        assert!(matches!(p.id.unwrap().0, Cow::Borrowed("1_2")));
        assert_eq!(count(p.n), None);
        assert!(matches!(p.t, Some(Time::Text(Cow::Borrowed("x")))));
        let p: Probe = serde_json::from_str(r#"{"n": -3, "t": null}"#).unwrap();
        assert_eq!(count(p.n), None);
        assert_eq!(p.t, None);
        let p: Probe = serde_json::from_str(r#"{"n": [1, 2]}"#).unwrap();
        assert_eq!(count(p.n), None);
    }
}

//! Numbers as the VK API writes them: ids are (signed) integers, counters integers, flags `0`/`1`
//! or booleans. Dumps made by other tools sometimes turn them into strings; both are read.
//! A value of another type does not cost the whole record: it reads as missing.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A signed id (`owner_id` `-1234` is community 1234); `None` inside when unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Int(pub Option<i64>);

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IntVisitor;
        impl Visitor<'_> for IntVisitor {
            type Value = Int;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer (number or string of digits)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Int, E> {
                Ok(Int(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Int, E> {
                Ok(Int(i64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Int, E> {
                let ok = v.is_finite() && v.fract() == 0.0 && v.abs() < 9e18;
                Ok(Int(ok.then_some(v as i64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Int, E> {
                Ok(Int(v.trim().parse().ok()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Int, E> {
                Ok(Int(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Int, E> {
                Ok(Int(None))
            }
        }
        deserializer.deserialize_any(IntVisitor)
    }
}

/// A non-negative counter; `None` inside when negative or unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count(pub Option<u64>);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Int(v) = Int::deserialize(deserializer)?;
        Ok(Count(v.and_then(|v| u64::try_from(v).ok())))
    }
}

/// A flag: `1`/`0`, `true`/`false`, `"1"`; anything else reads as `false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FlagVisitor;
        impl Visitor<'_> for FlagVisitor {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a flag (0/1 or a boolean)")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Flag, E> {
                Ok(Flag(v != 0))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Flag, E> {
                Ok(Flag(v != 0))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Flag, E> {
                Ok(Flag(v != 0.0))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Flag, E> {
                Ok(Flag(matches!(v.trim(), "1" | "true")))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Flag, E> {
                Ok(Flag(false))
            }
        }
        deserializer.deserialize_any(FlagVisitor)
    }
}

/// Flattens an optional id.
pub fn int(v: Option<Int>) -> Option<i64> {
    v.and_then(|v| v.0)
}

/// Flattens an optional count.
pub fn count(v: Option<Count>) -> Option<u64> {
    v.and_then(|v| v.0)
}

/// Flattens an optional flag (absent is `false`).
pub fn flag(v: Option<Flag>) -> bool {
    v.is_some_and(|v| v.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        i: Option<Int>,
        c: Option<Count>,
        f: Option<Flag>,
    }

    fn probe(json: &str) -> (Option<i64>, Option<u64>, bool) {
        let p: Probe = serde_json::from_str(json).unwrap();
        (int(p.i), count(p.c), flag(p.f))
    }

    #[test]
    fn numbers_in_every_spelling() {
        assert_eq!(
            probe(r#"{"i": -1234, "c": 5, "f": 1}"#),
            (Some(-1234), Some(5), true)
        );
        assert_eq!(
            probe(r#"{"i": "-7", "c": "12", "f": true}"#),
            (Some(-7), Some(12), true)
        );
        assert_eq!(
            probe(r#"{"i": null, "c": -3, "f": 0}"#),
            (None, None, false)
        );
        assert_eq!(
            probe(r#"{"i": "x", "c": "many", "f": "no"}"#),
            (None, None, false)
        );
        assert_eq!(probe(r#"{}"#), (None, None, false));
    }
}

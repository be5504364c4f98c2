//! Lenient serde types for the scalars of JSON exports, shared by the importers whose formats
//! write them the same way: ids as strings or integers, counters as numbers or strings of
//! digits. A counter that is present but unreadable is `None` inside (missing, never zero) and
//! does not cost the record.
//!
//! Spellings that only one platform has stay in its crate (X's `"100+"`, YouTube Data Tools'
//! `"12.0"`, VK's signed ids and `0`/`1` flags, CSV cells with thousands separators).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A platform id as a string: a JSON string (borrowed from the input when it can be) or an
/// integer, written in decimal. Any other JSON type is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Id<'a>(pub Cow<'a, str>);

impl Id<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Id<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'de> Visitor<'de> for IdVisitor {
            type Value = Id<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (string or integer)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Id(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// `v` as a count when it is a non-negative whole number that fits in a `u64`.
pub fn whole_number(v: f64) -> Option<u64> {
    let ok = v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 1e19;
    ok.then_some(v as u64)
}

/// A counter written as a number or a string of digits (surrounding white space allowed).
/// Negative numbers, fractions, other strings and booleans are `None` inside; `null` (outside an
/// `Option`), arrays and objects are errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count(pub Option<u64>);

/// A counter read like [`Count`] that never fails: `null`, arrays and objects are `None` inside
/// too (for formats whose servers put anything in a counter's place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnyCount(pub Option<u64>);

/// The visitor of both counters: `lenient` accepts every JSON type.
struct CountVisitor {
    lenient: bool,
}

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Option<u64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a count (integer or string of digits)")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<u64>, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<u64>, E> {
        Ok(u64::try_from(v).ok())
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Option<u64>, E> {
        // Below i64::MIN (DAG-CBOR can say so): negative.
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<u64>, E> {
        Ok(whole_number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<u64>, E> {
        Ok(v.trim().parse().ok())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<u64>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
        if self.lenient {
            Ok(None)
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<u64>, E> {
        if self.lenient {
            Ok(None)
        } else {
            Err(E::invalid_type(de::Unexpected::Option, &self))
        }
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u64>, D::Error> {
        if self.lenient {
            d.deserialize_any(self)
        } else {
            Err(de::Error::invalid_type(de::Unexpected::Option, &self))
        }
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<u64>, A::Error> {
        if !self.lenient {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<u64>, A::Error> {
        if !self.lenient {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(CountVisitor { lenient: false })
            .map(Count)
    }
}

impl<'de> Deserialize<'de> for AnyCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(CountVisitor { lenient: true })
            .map(AnyCount)
    }
}

impl From<Count> for Option<u64> {
    fn from(c: Count) -> Option<u64> {
        c.0
    }
}

impl From<AnyCount> for Option<u64> {
    fn from(c: AnyCount) -> Option<u64> {
        c.0
    }
}

/// Flattens an optional counter.
pub fn count<C: Into<Option<u64>>>(c: Option<C>) -> Option<u64> {
    c.and_then(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        id: Option<Id<'a>>,
        n: Option<Count>,
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct AnyProbe {
        n: Option<AnyCount>,
        bare: AnyCount,
    }

    fn n(json: &str) -> Result<Option<u64>, serde_json::Error> {
        serde_json::from_str::<Probe>(&format!(r#"{{"n": {json}}}"#)).map(|p| count(p.n))
    }

    fn any(json: &str) -> Option<u64> {
        let p: AnyProbe = serde_json::from_str(&format!(r#"{{"n": {json}, "bare": {json}}}"#))
            .expect("an AnyCount never fails");
        assert_eq!(p.bare.0, count(p.n), "{json}");
        count(p.n)
    }

    #[test]
    fn ids_as_strings_or_integers() {
        let p: Probe = serde_json::from_str(r#"{"id": 907520486934024192}"#).unwrap();
        assert_eq!(p.id.unwrap().as_str(), "907520486934024192");
        let p: Probe = serde_json::from_str(r#"{"id": -100123}"#).unwrap();
        assert_eq!(p.id.unwrap().as_str(), "-100123");
        let p: Probe = serde_json::from_str(r#"{"id": "1_2"}"#).unwrap();
        assert!(matches!(p.id.unwrap().0, Cow::Borrowed("1_2")));
        let p: Probe = serde_json::from_str(r#"{"id": "a\"b"}"#).unwrap();
        assert!(matches!(p.id.unwrap().0, Cow::Owned(s) if s == "a\"b"));
        let p: Probe = serde_json::from_str(r#"{"id": null}"#).unwrap();
        assert!(p.id.is_none());
        assert!(serde_json::from_str::<Probe>(r#"{"id": 1.5}"#).is_err());
        assert!(serde_json::from_str::<Probe>(r#"{"id": [1]}"#).is_err());
    }

    #[test]
    fn counts_as_numbers_or_digits() {
        assert_eq!(n("12").unwrap(), Some(12));
        assert_eq!(n(r#"" 12 ""#).unwrap(), Some(12));
        assert_eq!(n("18446744073709551615").unwrap(), Some(u64::MAX));
        assert_eq!(n("12.0").unwrap(), Some(12));
        assert_eq!(n("1e3").unwrap(), Some(1000));
        assert_eq!(n("null").unwrap(), None);
        for unreadable in [
            "-3",
            "2.5",
            "1e30",
            r#""many""#,
            r#""100+""#,
            r#""12.0""#,
            "true",
        ] {
            assert_eq!(n(unreadable).unwrap(), None, "{unreadable}");
        }
        for wrong in ["[1]", r#"{"x": 1}"#] {
            assert!(n(wrong).is_err(), "{wrong}");
        }
        assert!(serde_json::from_str::<Count>("null").is_err());
    }

    #[test]
    fn any_count_never_fails() {
        assert_eq!(any("12"), Some(12));
        assert_eq!(any(r#""17""#), Some(17));
        assert_eq!(any("3.0"), Some(3));
        for unreadable in [
            "-1",
            "2.5",
            r#""x""#,
            "false",
            "null",
            "[1, 2]",
            r#"{"x": [1]}"#,
        ] {
            assert_eq!(any(unreadable), None, "{unreadable}");
        }
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(whole_number(0.0), Some(0));
        assert_eq!(whole_number(1e18), Some(1_000_000_000_000_000_000));
        assert_eq!(whole_number(-1.0), None);
        assert_eq!(whole_number(0.5), None);
        assert_eq!(whole_number(f64::NAN), None);
        assert_eq!(whole_number(f64::INFINITY), None);
        assert_eq!(whole_number(1e19), None);
    }
}

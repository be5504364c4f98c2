//! Lenient JSON value types shared by the raw structs of both formats.
//!
//! ActivityStreams lets most properties be a string, an object or an array of either (`url` may
//! be a Link object, `to` a single string, `inReplyTo` an embedded object …), and Mastodon-API
//! compatible servers differ in small ways (numeric ids, `-1` for hidden counts). These types
//! read what they can and turn anything else into "absent" instead of failing the whole record:
//! a field that cannot be read is missing, not an error.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A counter: a non-negative integer (or a string of digits). Negative values (Mastodon writes
/// `-1` for a followers count the owner hides), fractions, `null` and anything else are
/// "not available".
pub use dipl_ingest::values::{count, AnyCount as Count};

/// A string, or nothing when the value is `null` or of another type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text<'a>(pub Option<Cow<'a, str>>);

impl Text<'_> {
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The string when it has something other than white space in it.
    pub fn non_empty(&self) -> Option<&str> {
        self.get().filter(|s| !s.trim().is_empty())
    }
}

/// A reference to an object: a string (a URI), or an object's `id` (or a Link's `href`), or the
/// first such reference of an array.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref<'a>(pub Option<Cow<'a, str>>);

impl Ref<'_> {
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref().filter(|s| !s.trim().is_empty())
    }
}

/// Every reference of a value that may be one reference or an array of them (`to`, `cc`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refs<'a>(pub Vec<Cow<'a, str>>);

impl Refs<'_> {
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|s| s.as_ref())
    }
}

/// An id as a string, whether the JSON has a string or an integer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Id<'a>(pub Option<Cow<'a, str>>);

impl Id<'_> {
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref().filter(|s| !s.is_empty())
    }
}

/// The first key of an object (`contentMap`: `{"en": "<p>…</p>"}` gives `en`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstKey(pub Option<String>);

/// A visitor that reads strings (borrowed when possible) and ignores everything else; what it
/// does with maps and sequences is up to the caller.
macro_rules! ignore_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v))))
            }
            ignore_scalars!();
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq)?;
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                drain_map(map)?;
                Ok(Text(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Ref<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ref<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a URI, an object with an id, or an array of them")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Ref(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Ref(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Ref(Some(Cow::Owned(v))))
            }
            ignore_scalars!();
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut first = Ref(None);
                while let Some(item) = seq.next_element::<Ref<'de>>()? {
                    if first.0.is_none() {
                        first = item;
                    }
                }
                Ok(first)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut id = None;
                let mut href = None;
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    match key.get() {
                        Some("id") => id = map.next_value::<Text<'de>>()?.0,
                        Some("href") => href = map.next_value::<Text<'de>>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Ref(id.or(href)))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Refs<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Refs<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a URI or an array of URIs")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Refs(vec![Cow::Borrowed(v)]))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Refs(vec![Cow::Owned(v.to_string())]))
            }
            ignore_scalars!();
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut all = Vec::new();
                while let Some(item) = seq.next_element::<Ref<'de>>()? {
                    all.extend(item.0);
                }
                Ok(Refs(all))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let one = Ref::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Refs(one.0.into_iter().collect()))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Id<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Id<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (string or integer)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Id(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Id(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Id(Some(Cow::Owned(v))))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Id(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Id(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Id(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Id(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Id(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Id(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq)?;
                Ok(Id(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                drain_map(map)?;
                Ok(Id(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for FirstKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FirstKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            ignore_scalars!();
            fn visit_str<E: de::Error>(self, _: &str) -> Result<FirstKey, E> {
                Ok(FirstKey(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<FirstKey, A::Error> {
                drain_seq(seq)?;
                Ok(FirstKey(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FirstKey, A::Error> {
                let mut first = None;
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    map.next_value::<IgnoredAny>()?;
                    if first.is_none() {
                        first = key.0.map(Cow::into_owned);
                    }
                }
                Ok(FirstKey(first))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Probe<'a> {
        #[serde(borrow)]
        text: Text<'a>,
        #[serde(borrow)]
        r: Ref<'a>,
        #[serde(borrow)]
        rs: Refs<'a>,
        #[serde(borrow)]
        id: Id<'a>,
        n: Option<Count>,
        map: FirstKey,
    }

    fn probe(json: &str) -> Probe<'_> {
        serde_json::from_str(json).expect("probe")
    }

    #[test]
    fn lenient_values() {
        let p = probe(
            r#"{"text": "a", "r": {"type": "Link", "href": "https://x/1"}, "rs": "https://y",
                "id": 12, "n": -1, "map": {"sv": "<p>x</p>", "en": "y"}}"#,
        );
        assert_eq!(p.text.get(), Some("a"));
        assert!(matches!(p.text.0, Some(Cow::Borrowed(_))));
        assert_eq!(p.r.get(), Some("https://x/1"));
        assert_eq!(p.rs.iter().collect::<Vec<_>>(), ["https://y"]);
        assert_eq!(p.id.get(), Some("12"));
        assert_eq!(count(p.n), None);
        assert_eq!(p.map.0.as_deref(), Some("sv"));
        let p = probe(
            r#"{"text": {"a": [1]}, "r": [{"id": "https://a"}, "https://b"], "rs": ["u", {"id": "v"}, 3],
                "id": null, "n": "17", "map": null}"#,
        );
        assert_eq!(p.text.get(), None);
        assert_eq!(p.r.get(), Some("https://a"));
        assert_eq!(p.rs.iter().collect::<Vec<_>>(), ["u", "v"]);
        assert_eq!(p.id.get(), None);
        assert_eq!(count(p.n), Some(17));
        assert_eq!(p.map.0, None);
        let p = probe(r#"{"text": "\"quoted\"", "n": 2.5, "r": null}"#);
        assert_eq!(p.text.get(), Some("\"quoted\""));
        assert_eq!(count(p.n), None);
        assert_eq!(p.r.get(), None);
    }
}

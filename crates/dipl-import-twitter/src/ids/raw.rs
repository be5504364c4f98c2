//! X API v1.1 `followers/ids` and `friends/ids` pages as the API (and tweepy, twarc1) write them:
//! `{"ids": [783214, …], "next_cursor": 1374004777531007833, "next_cursor_str": "…",
//! "previous_cursor": 0, "previous_cursor_str": "0", "total_count": null}`; with
//! `stringify_ids=true` the ids are strings. Every field is optional; unknown fields are ignored.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::number::Id;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Page<'a> {
    #[serde(borrow)]
    pub ids: Option<Vec<ListedId<'a>>>,
    pub next_cursor: Option<IgnoredAny>,
    pub next_cursor_str: Option<IgnoredAny>,
    pub previous_cursor: Option<IgnoredAny>,
    pub previous_cursor_str: Option<IgnoredAny>,
    pub total_count: Option<IgnoredAny>,
    #[serde(borrow)]
    pub errors: Option<Vec<ApiError<'a>>>,
}

/// The top-level keys of a page, for the "fields not read" warning.
pub const KNOWN: [&str; 7] = [
    "ids",
    "next_cursor",
    "next_cursor_str",
    "previous_cursor",
    "previous_cursor_str",
    "total_count",
    "errors",
];

/// An `errors` entry of a failed request (`{"code": 88, "message": "Rate limit exceeded"}`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApiError<'a> {
    pub code: Option<i64>,
    #[serde(borrow)]
    pub message: Option<Cow<'a, str>>,
}

/// One element of `ids`: an id (number or string), or `None` for anything else (`null`, a
/// float that lost precision, an object), so that one odd element does not cost the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedId<'a>(pub Option<Id<'a>>);

impl<'de: 'a, 'a> Deserialize<'de> for ListedId<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ListedId<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an account id")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ListedId(Some(Id(Cow::Borrowed(v.trim())))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ListedId(Some(Id(Cow::Owned(v.trim().to_string())))))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(ListedId(Some(Id(Cow::Owned(v.to_string())))))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(ListedId(
                    u64::try_from(v).ok().map(|v| Id(Cow::Owned(v.to_string()))),
                ))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(ListedId(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(ListedId(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ListedId(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(ListedId(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(ListedId(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

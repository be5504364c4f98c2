//! ActivityStreams 2.0 objects of the Mastodon archive, with their own property names.
//!
//! Every field is optional and lenient (see [`crate::values`]); unknown fields are ignored.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::values::{FirstKey, Ref, Refs, Text};

/// Top-level keys of an outbox activity, for the "fields not read" warning.
pub const ACTIVITY_KEYS: &[&str] = &[
    "@context",
    "id",
    "type",
    "actor",
    "published",
    "to",
    "cc",
    "bto",
    "bcc",
    "audience",
    "object",
    "signature",
];

/// Top-level keys of `actor.json` this importer knows (read or deliberately left).
pub const ACTOR_KEYS: &[&str] = &[
    "@context",
    "id",
    "type",
    "following",
    "followers",
    "inbox",
    "outbox",
    "featured",
    "featuredTags",
    "preferredUsername",
    "name",
    "summary",
    "url",
    "manuallyApprovesFollowers",
    "discoverable",
    "indexable",
    "published",
    "memorial",
    "suspended",
    "devices",
    "publicKey",
    "tag",
    "attachment",
    "endpoints",
    "icon",
    "image",
    "likes",
    "bookmarks",
    "alsoKnownAs",
    "movedTo",
    "attributionDomains",
];

/// One element of `orderedItems`: an activity object, or a bare URI (`likes.json`,
/// `bookmarks.json`, or an activity given by reference).
#[derive(Debug)]
pub enum Item<'a> {
    Activity(Box<Activity<'a>>),
    Uri,
    /// A number, `null` …
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Item<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Item<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an activity or a URI")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Item::Uri)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Item::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Item::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Item::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Item::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Item::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Item::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Activity::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|a| Item::Activity(Box::new(a)))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// An activity of the outbox (`Create`, `Announce` …).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Activity<'a> {
    #[serde(borrow)]
    pub id: Ref<'a>,
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
    #[serde(borrow)]
    pub actor: Ref<'a>,
    #[serde(borrow)]
    pub published: Text<'a>,
    #[serde(borrow)]
    pub to: Refs<'a>,
    #[serde(borrow)]
    pub cc: Refs<'a>,
    /// The created object (a Note), or the URI of the boosted post.
    #[serde(borrow)]
    pub object: ObjectOrUri<'a>,
}

/// An activity's `object`: embedded, or by reference.
#[derive(Debug, Default)]
pub enum ObjectOrUri<'a> {
    Object(Box<Note<'a>>),
    Uri(Ref<'a>),
    #[default]
    None,
}

impl<'de: 'a, 'a> Deserialize<'de> for ObjectOrUri<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ObjectOrUri<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or a URI")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::Uri(Ref(Some(v.into()))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::Uri(Ref(Some(v.to_string().into()))))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::None)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::None)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::None)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::None)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(ObjectOrUri::None)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let first = seq.next_element::<ObjectOrUri<'de>>()?;
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(first.unwrap_or_default())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Note::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|n| ObjectOrUri::Object(Box::new(n)))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A status (`Note`, or `Question` for a poll).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Note<'a> {
    #[serde(borrow)]
    pub id: Ref<'a>,
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
    /// The content warning.
    #[serde(borrow)]
    pub summary: Text<'a>,
    #[serde(borrow, rename = "inReplyTo")]
    pub in_reply_to: Ref<'a>,
    #[serde(borrow)]
    pub published: Text<'a>,
    /// Set when the status was edited.
    #[serde(borrow)]
    pub updated: Text<'a>,
    #[serde(borrow)]
    pub url: Ref<'a>,
    #[serde(borrow, rename = "attributedTo")]
    pub attributed_to: Ref<'a>,
    #[serde(borrow)]
    pub to: Refs<'a>,
    #[serde(borrow)]
    pub cc: Refs<'a>,
    #[serde(borrow)]
    pub conversation: Text<'a>,
    /// Newer servers name the thread `context`.
    #[serde(borrow)]
    pub context: Ref<'a>,
    #[serde(borrow)]
    pub content: Text<'a>,
    #[serde(rename = "contentMap")]
    pub content_map: FirstKey,
    #[serde(borrow)]
    pub attachment: OneOrMany<Attachment<'a>>,
    /// `None` when the object has no `tag` property at all.
    #[serde(borrow)]
    pub tag: Option<OneOrMany<Tag<'a>>>,
    // The quoted post, under the names servers use (FEP-044f `quote`, Fedibird `quoteUri`,
    // Misskey `_misskey_quote`, `quoteUrl`).
    #[serde(borrow)]
    pub quote: Ref<'a>,
    #[serde(borrow, rename = "quoteUri")]
    pub quote_uri: Ref<'a>,
    #[serde(borrow, rename = "_misskey_quote")]
    pub misskey_quote: Ref<'a>,
    #[serde(borrow, rename = "quoteUrl")]
    pub quote_url: Ref<'a>,
}

/// A media attachment (`Document`, `Image`, `Video`, `Audio`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attachment<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
    #[serde(borrow, rename = "mediaType")]
    pub media_type: Text<'a>,
}

/// A tag: `Hashtag` (`name` `#tag`), `Mention` (`href` actor id, `name` `@user@host`), `Emoji`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Tag<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub href: Ref<'a>,
}

/// A property that may hold one object or an array of them; other values read as empty.
#[derive(Debug)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or an array of objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Lenient<T>>()? {
                    items.extend(item.0);
                }
                Ok(OneOrMany(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|t| OneOrMany(vec![t]))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

/// An array element that is an object of type `T`, or skipped (a string, a number …).
struct Lenient<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Lenient<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Lenient(Some(t)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Lenient(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

/// `actor.json`: the account's ActivityStreams actor (`Person`, `Service` …).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Actor<'a> {
    #[serde(borrow)]
    pub id: Ref<'a>,
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
    #[serde(borrow, rename = "preferredUsername")]
    pub preferred_username: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    /// The bio (HTML).
    #[serde(borrow)]
    pub summary: Text<'a>,
    /// Account creation (Mastodon rounds it to the day).
    #[serde(borrow)]
    pub published: Text<'a>,
    #[serde(borrow)]
    pub url: Ref<'a>,
    /// Profile fields (`PropertyValue`: `name`, `value` HTML).
    #[serde(borrow)]
    pub attachment: OneOrMany<PropertyValue<'a>>,
    #[serde(borrow, rename = "movedTo")]
    pub moved_to: Ref<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PropertyValue<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub value: Text<'a>,
}

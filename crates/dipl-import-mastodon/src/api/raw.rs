//! Mastodon REST API entities with the API's own field names: Status, Account, Context.
//!
//! One record of a file is a Status, an array of them (a page), a Context
//! (`{"ancestors": […], "descendants": […]}`), an Account, or an error object
//! (`{"error": "…"}`). They share the struct [`Object`] so that a record parses in one pass
//! without buffering; the converter tells them apart by which fields are present. Every field
//! is optional and lenient ([`crate::values`]); unknown fields are ignored.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::values::{Count, Id, Text};

/// Status fields (Mastodon 4.x) this importer knows, read or deliberately left, for the
/// "fields not read" warning.
pub const STATUS_KEYS: &[&str] = &[
    "id",
    "created_at",
    "in_reply_to_id",
    "in_reply_to_account_id",
    "sensitive",
    "spoiler_text",
    "visibility",
    "language",
    "uri",
    "url",
    "replies_count",
    "reblogs_count",
    "favourites_count",
    "quotes_count",
    "edited_at",
    "favourited",
    "reblogged",
    "muted",
    "bookmarked",
    "pinned",
    "local_only",
    "content",
    "text",
    "filtered",
    "reblog",
    "quote",
    "quote_approval",
    "application",
    "account",
    "media_attachments",
    "mentions",
    "tags",
    "emojis",
    "card",
    "poll",
];

/// Account fields this importer knows.
pub const ACCOUNT_KEYS: &[&str] = &[
    "id",
    "username",
    "acct",
    "display_name",
    "locked",
    "bot",
    "discoverable",
    "indexable",
    "group",
    "created_at",
    "note",
    "url",
    "uri",
    "avatar",
    "avatar_static",
    "header",
    "header_static",
    "followers_count",
    "following_count",
    "statuses_count",
    "last_status_at",
    "hide_collections",
    "noindex",
    "emojis",
    "roles",
    "fields",
    "moved",
    "suspended",
    "limited",
    "memorial",
    "source",
    "role",
    "mute_expires_at",
];

/// A record: one object, or an array of them (a page of statuses).
#[derive(Debug)]
pub enum Record<'a> {
    One(Box<Object<'a>>),
    Many(Vec<Object<'a>>),
}

impl<'de: 'a, 'a> Deserialize<'de> for Record<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Record<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a status, an account, a context or an array of statuses")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Record::Many(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Object::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|o| Record::One(Box::new(o)))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A Status, an Account, a Context or an error (see the module documentation).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Object<'a> {
    // Status and Account.
    #[serde(borrow)]
    pub id: Id<'a>,
    #[serde(borrow)]
    pub uri: Text<'a>,
    #[serde(borrow)]
    pub url: Text<'a>,
    #[serde(borrow)]
    pub created_at: Text<'a>,

    // Status.
    #[serde(borrow)]
    pub edited_at: Text<'a>,
    #[serde(borrow)]
    pub in_reply_to_id: Id<'a>,
    #[serde(borrow)]
    pub in_reply_to_account_id: Id<'a>,
    #[serde(borrow)]
    pub reblog: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub quote: Option<Quote<'a>>,
    #[serde(borrow)]
    pub content: Option<Text<'a>>,
    #[serde(borrow)]
    pub spoiler_text: Text<'a>,
    #[serde(borrow)]
    pub visibility: Text<'a>,
    #[serde(borrow)]
    pub language: Text<'a>,
    #[serde(borrow)]
    pub account: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub media_attachments: Option<Vec<Media<'a>>>,
    #[serde(borrow)]
    pub mentions: Option<Vec<Mention<'a>>>,
    #[serde(borrow)]
    pub tags: Option<Vec<Tag<'a>>>,
    #[serde(borrow)]
    pub card: Option<Card<'a>>,
    pub favourites_count: Option<Count>,
    pub reblogs_count: Option<Count>,
    pub replies_count: Option<Count>,
    pub quotes_count: Option<Count>,

    // Account.
    #[serde(borrow)]
    pub username: Text<'a>,
    #[serde(borrow)]
    pub acct: Text<'a>,
    #[serde(borrow)]
    pub display_name: Text<'a>,
    #[serde(borrow)]
    pub note: Text<'a>,
    pub bot: Option<bool>,
    pub followers_count: Option<Count>,
    pub following_count: Option<Count>,
    pub statuses_count: Option<Count>,
    #[serde(borrow)]
    pub fields: Option<Vec<Field<'a>>>,

    // Context.
    #[serde(borrow)]
    pub ancestors: Option<Vec<Object<'a>>>,
    #[serde(borrow)]
    pub descendants: Option<Vec<Object<'a>>>,

    // An error response.
    #[serde(borrow)]
    pub error: Text<'a>,
}

/// A quote (Mastodon 4.5): the quoted status embedded (`quoted_status`), or only its id
/// (`quoted_status_id`, in a status nested in another quote).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Quote<'a> {
    #[serde(borrow)]
    pub state: Text<'a>,
    #[serde(borrow)]
    pub quoted_status: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub quoted_status_id: Id<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Media<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Mention<'a> {
    #[serde(borrow)]
    pub id: Id<'a>,
    #[serde(borrow)]
    pub username: Text<'a>,
    #[serde(borrow)]
    pub acct: Text<'a>,
    #[serde(borrow)]
    pub url: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Tag<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Card<'a> {
    #[serde(borrow)]
    pub url: Text<'a>,
    pub title: Option<IgnoredAny>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Field<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub value: Text<'a>,
}

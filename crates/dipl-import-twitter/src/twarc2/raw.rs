//! X API v2 objects as twarc2 writes them, with the platform's own field names.
//!
//! One line of a twarc2 file is a response page (`data`, `includes`, `meta`, `errors`,
//! `__twarc`), a flattened tweet (`twarc2 flatten`: the tweet with `author`, expanded
//! `referenced_tweets`, `__twarc`), a compliance result (`id`, `action`, `reason`) or a stream
//! message (`title`, `detail`). The v2 objects inside a page are tweets, users, counts buckets or
//! lists. All of them share the struct [`Object`], so that a line parses in one pass without
//! buffering (serde's untagged enums and `flatten` buffer); the converter tells them apart by
//! which fields are present. Every field is optional; unknown fields are ignored.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::number::{Count, Id};

/// Any object of a twarc2 line (see the module documentation).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Object<'a> {
    // A response page.
    #[serde(borrow)]
    pub data: Option<OneOrMany<Object<'a>>>,
    #[serde(borrow)]
    pub includes: Option<Includes<'a>>,
    #[serde(borrow)]
    pub errors: Option<Vec<ApiError<'a>>>,
    #[serde(borrow, rename = "__twarc")]
    pub twarc: Option<Twarc<'a>>,

    // A tweet (also a `referenced_tweets` entry, which adds `type`).
    #[serde(borrow)]
    pub id: Option<Id<'a>>,
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    /// Posts longer than 280 characters: the full text and its entities.
    #[serde(borrow)]
    pub note_tweet: Option<NoteTweet<'a>>,
    #[serde(borrow)]
    pub author_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub created_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub conversation_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub in_reply_to_user_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub lang: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub referenced_tweets: Option<Vec<Object<'a>>>,
    pub public_metrics: Option<PublicMetrics>,
    #[serde(borrow)]
    pub entities: Option<Entities<'a>>,
    #[serde(borrow)]
    pub attachments: Option<Attachments<'a>>,
    pub edit_history_tweet_ids: Option<Vec<IgnoredAny>>,
    /// Flattened tweets: the author's user object.
    #[serde(borrow)]
    pub author: Option<Box<Object<'a>>>,
    /// Flattened tweets: the user object of the account replied to.
    #[serde(borrow)]
    pub in_reply_to_user: Option<Box<Object<'a>>>,

    // A user.
    #[serde(borrow)]
    pub username: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub description: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub location: Option<Cow<'a, str>>,
    pub verified: Option<bool>,

    // A counts bucket (`tweets/counts`) or a list.
    pub tweet_count: Option<IgnoredAny>,
    pub member_count: Option<IgnoredAny>,

    // A compliance result.
    #[serde(borrow)]
    pub action: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub reason: Option<Cow<'a, str>>,

    // A stream message or an error.
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub detail: Option<Cow<'a, str>>,
}

/// `data` is an array in search, timeline and lookup pages and one object in stream lines.
#[derive(Debug)]
pub enum OneOrMany<T> {
    One(Box<T>),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or an array of objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|one| OneOrMany::One(Box::new(one)))
            }
        }
        deserializer.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Includes<'a> {
    #[serde(borrow)]
    pub users: Option<Vec<Object<'a>>>,
    #[serde(borrow)]
    pub tweets: Option<Vec<Object<'a>>>,
    #[serde(borrow)]
    pub media: Option<Vec<Media<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Twarc<'a> {
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub retrieved_at: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApiError<'a> {
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub detail: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoteTweet<'a> {
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub entities: Option<Entities<'a>>,
}

/// Tweet and user metrics share one struct.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublicMetrics {
    pub like_count: Option<Count>,
    pub retweet_count: Option<Count>,
    pub reply_count: Option<Count>,
    pub quote_count: Option<Count>,
    pub impression_count: Option<Count>,
    pub bookmark_count: Option<Count>,
    pub followers_count: Option<Count>,
    pub following_count: Option<Count>,
    pub tweet_count: Option<Count>,
    pub listed_count: Option<Count>,
}

/// Tweet entities (a user's `entities` has other keys, which are ignored here).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Entities<'a> {
    #[serde(borrow)]
    pub hashtags: Option<Vec<Hashtag<'a>>>,
    /// Flattened files expand each mention into the user object.
    #[serde(borrow)]
    pub mentions: Option<Vec<Object<'a>>>,
    #[serde(borrow)]
    pub urls: Option<Vec<Url<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Hashtag<'a> {
    #[serde(borrow)]
    pub tag: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Url<'a> {
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub expanded_url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub unwound_url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub display_url: Option<Cow<'a, str>>,
    /// Set on the link X adds for attached media.
    #[serde(borrow)]
    pub media_key: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attachments<'a> {
    #[serde(borrow)]
    pub media_keys: Option<Vec<Cow<'a, str>>>,
    /// Flattened files expand the media keys into the media objects.
    #[serde(borrow)]
    pub media: Option<Vec<Media<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Media<'a> {
    #[serde(borrow)]
    pub media_key: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
}

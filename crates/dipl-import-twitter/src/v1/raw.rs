//! X API v1.1 objects as the API (and tweepy's `_json`, and the account archive) write them,
//! with the platform's own field names. Every field is optional; unknown fields are ignored.
//! Strings borrow from the input where they contain no escapes.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::number::{Count, Id};

/// A tweet, or anything else a v1.1 dump line can be: a stream control message (`delete`,
/// `limit` …), a search page (`statuses`), or a user object mistaken for a tweet. One struct so
/// that a line is parsed once, without buffering.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Tweet<'a> {
    #[serde(borrow)]
    pub id_str: Option<Id<'a>>,
    #[serde(borrow)]
    pub id: Option<Id<'a>>,
    #[serde(borrow)]
    pub created_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub full_text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    pub truncated: Option<bool>,
    /// Streaming "compatibility mode": the full text and entities of a tweet over 140 characters.
    #[serde(borrow)]
    pub extended_tweet: Option<ExtendedTweet<'a>>,
    #[serde(borrow)]
    pub user: Option<User<'a>>,
    #[serde(borrow)]
    pub in_reply_to_status_id_str: Option<Id<'a>>,
    #[serde(borrow)]
    pub in_reply_to_status_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub in_reply_to_user_id_str: Option<Id<'a>>,
    #[serde(borrow)]
    pub in_reply_to_user_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub in_reply_to_screen_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub retweeted_status: Option<Box<Tweet<'a>>>,
    #[serde(borrow)]
    pub quoted_status: Option<Box<Tweet<'a>>>,
    pub is_quote_status: Option<bool>,
    #[serde(borrow)]
    pub quoted_status_id_str: Option<Id<'a>>,
    #[serde(borrow)]
    pub quoted_status_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub entities: Option<Entities<'a>>,
    #[serde(borrow)]
    pub extended_entities: Option<MediaEntities<'a>>,
    #[serde(borrow)]
    pub lang: Option<Cow<'a, str>>,
    pub favorite_count: Option<Count>,
    pub retweet_count: Option<Count>,
    /// Only in premium/enterprise and some streaming payloads.
    pub reply_count: Option<Count>,
    pub quote_count: Option<Count>,
    /// Streaming payloads only: when the tweet was delivered (milliseconds, as a string).
    pub timestamp_ms: Option<Count>,
    /// Edited tweets (2022 onwards).
    #[serde(borrow)]
    pub edit_history: Option<EditHistory<'a>>,
    /// The account archive's edit information.
    #[serde(borrow)]
    pub edit_info: Option<ArchiveEditInfo<'a>>,

    // Stream control messages (https://developer.x.com/en/docs/twitter-api/v1/tweets/filter-realtime).
    pub delete: Option<IgnoredAny>,
    pub limit: Option<IgnoredAny>,
    pub scrub_geo: Option<IgnoredAny>,
    pub status_withheld: Option<IgnoredAny>,
    pub user_withheld: Option<IgnoredAny>,
    pub disconnect: Option<IgnoredAny>,
    pub warning: Option<IgnoredAny>,
    pub friends: Option<IgnoredAny>,
    pub event: Option<IgnoredAny>,

    /// A search page (`search/tweets`): `{"statuses": [...], "search_metadata": {...}}`.
    #[serde(borrow)]
    pub statuses: Option<Vec<Tweet<'a>>>,

    /// Present on user objects, never on tweets.
    pub screen_name: Option<IgnoredAny>,
    pub followers_count: Option<IgnoredAny>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExtendedTweet<'a> {
    #[serde(borrow)]
    pub full_text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub entities: Option<Entities<'a>>,
    #[serde(borrow)]
    pub extended_entities: Option<MediaEntities<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Entities<'a> {
    #[serde(borrow)]
    pub hashtags: Option<Vec<Hashtag<'a>>>,
    #[serde(borrow)]
    pub user_mentions: Option<Vec<Mention<'a>>>,
    #[serde(borrow)]
    pub urls: Option<Vec<Url<'a>>>,
    #[serde(borrow)]
    pub media: Option<Vec<Media<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MediaEntities<'a> {
    #[serde(borrow)]
    pub media: Option<Vec<Media<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Hashtag<'a> {
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Mention<'a> {
    #[serde(borrow)]
    pub screen_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub id_str: Option<Id<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Url<'a> {
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub expanded_url: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Media<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditHistory<'a> {
    #[serde(borrow)]
    pub edit_tweet_ids: Option<Vec<Id<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ArchiveEditInfo<'a> {
    #[serde(borrow)]
    pub initial: Option<ArchiveEditControl<'a>>,
    /// Present when the tweet is an edit of an earlier one.
    #[serde(borrow)]
    pub edit: Option<ArchiveEdit<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ArchiveEditControl<'a> {
    #[serde(borrow, rename = "editTweetIds")]
    pub edit_tweet_ids: Option<Vec<Id<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ArchiveEdit<'a> {
    #[serde(borrow, rename = "initialTweetId")]
    pub initial_tweet_id: Option<Id<'a>>,
}

/// A v1.1 user object (the `user` of a tweet, or an element of a `users/lookup` answer).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct User<'a> {
    #[serde(borrow)]
    pub id_str: Option<Id<'a>>,
    #[serde(borrow)]
    pub id: Option<Id<'a>>,
    #[serde(borrow)]
    pub screen_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub created_at: Option<Cow<'a, str>>,
    pub verified: Option<bool>,
    #[serde(borrow)]
    pub location: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub lang: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub description: Option<Cow<'a, str>>,
    pub followers_count: Option<Count>,
    pub friends_count: Option<Count>,
    pub statuses_count: Option<Count>,
    pub listed_count: Option<Count>,
    /// Present on tweets, never on user objects (tells a tweet given to the users importer).
    pub text: Option<IgnoredAny>,
    pub full_text: Option<IgnoredAny>,
}

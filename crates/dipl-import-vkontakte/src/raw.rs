//! VK API objects with the platform's own field names (API 5.x): the response envelope, wall
//! posts (`wall_wallpost_full`), wall comments (`wall_wall_comment`), users and communities of
//! extended responses. Every field is optional; unknown fields are ignored; strings borrow from
//! the input where they contain no escapes.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::number::{Count, Flag, Int};

/// One record of a file: an API answer `{"response": …}` or `{"error": …}`, or the content of a
/// response stored without its envelope (`{"count": …, "items": […]}`), as some dumps do. The
/// envelope and the content share this struct, so that a record parses in one pass (serde's
/// `flatten` would buffer it).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Page<'a> {
    #[serde(borrow)]
    pub response: Option<Response<'a>>,
    #[serde(borrow)]
    pub error: Option<ApiError<'a>>,
    /// `execute` answers: errors of the inner calls.
    pub execute_errors: Option<IgnoredAny>,

    pub count: Option<Count>,
    #[serde(borrow)]
    pub items: Option<Vec<Item<'a>>>,
    #[serde(borrow)]
    pub profiles: Option<Vec<Profile<'a>>>,
    #[serde(borrow)]
    pub groups: Option<Vec<Group<'a>>>,
    // wall.getComments
    pub current_level_count: Option<IgnoredAny>,
    pub can_post: Option<IgnoredAny>,
    pub show_reply_button: Option<IgnoredAny>,
    pub groups_can_post: Option<IgnoredAny>,
    /// newsfeed-style paging.
    pub next_from: Option<IgnoredAny>,
}

/// What `response` holds: a page (`{"count", "items", …}`), a bare array of posts (`wall.getById`
/// without `extended`), or something else (another method's answer).
#[derive(Debug)]
pub enum Response<'a> {
    Page(Box<Page<'a>>),
    Items(Vec<Item<'a>>),
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Response<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ResponseVisitor;
        impl<'de> Visitor<'de> for ResponseVisitor {
            type Value = Response<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a response object or array")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Page::deserialize(MapAccessDeserializer::new(map))
                    .map(|p| Response::Page(Box::new(p)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::<Item<'de>>::deserialize(SeqAccessDeserializer::new(seq)).map(Response::Items)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Response::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Response::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Response::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Response::Other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Response::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Response::Other)
            }
        }
        deserializer.deserialize_any(ResponseVisitor)
    }
}

/// Keys of a record or response page this importer reads or knows (for the "fields not read"
/// warning).
pub const PAGE_KEYS: &[&str] = &[
    "response",
    "error",
    "execute_errors",
    "count",
    "items",
    "profiles",
    "groups",
    "current_level_count",
    "can_post",
    "show_reply_button",
    "groups_can_post",
    "next_from",
    "real_offset",
];

/// `{"error": {"error_code": 15, "error_msg": "Access denied", "request_params": […]}}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApiError<'a> {
    pub error_code: Option<Int>,
    #[serde(borrow)]
    pub error_msg: Option<Cow<'a, str>>,
}

/// A wall post (`wall.get` items, `copy_history` entries) or a wall comment
/// (`wall.getComments` items, `thread.items`): one struct, since legacy `post_type: "reply"`
/// wall items are comments too.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Item<'a> {
    pub id: Option<Int>,
    /// The wall's owner: a user (positive) or a community (negative).
    pub owner_id: Option<Int>,
    /// API versions before 5.7 called the wall owner `to_id`.
    pub to_id: Option<Int>,
    /// The author.
    pub from_id: Option<Int>,
    /// Unix seconds.
    pub date: Option<Int>,
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    /// `post`, `copy`, `reply`, `postpone`, `suggest` (also `post_ads`, `photo`, `video`).
    #[serde(borrow)]
    pub post_type: Option<Cow<'a, str>>,
    /// newsfeed items repeat the post type as `type`.
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    /// Reposts: the reposted post first, then what it reposted, and so on.
    #[serde(borrow)]
    pub copy_history: Option<Vec<Item<'a>>>,
    #[serde(borrow)]
    pub attachments: Option<Vec<Attachment<'a>>>,
    pub likes: Option<Likes>,
    pub reposts: Option<Reposts>,
    pub comments: Option<CommentsInfo>,
    pub views: Option<Views>,
    /// Reactions (2022 onwards): total and by reaction id.
    pub reactions: Option<Reactions>,
    pub signer_id: Option<Int>,
    pub is_pinned: Option<Flag>,
    pub marked_as_ads: Option<Flag>,
    /// Unix seconds of the last edit.
    pub edited: Option<Int>,
    pub is_deleted: Option<Flag>,
    pub is_favorite: Option<IgnoredAny>,
    pub is_archived: Option<IgnoredAny>,
    pub geo: Option<IgnoredAny>,
    pub donut: Option<IgnoredAny>,
    pub hash: Option<IgnoredAny>,
    pub post_source: Option<IgnoredAny>,
    pub short_text_rate: Option<IgnoredAny>,
    pub carousel_offset: Option<IgnoredAny>,
    pub copyright: Option<IgnoredAny>,
    pub can_edit: Option<IgnoredAny>,
    pub can_delete: Option<IgnoredAny>,
    pub can_pin: Option<IgnoredAny>,
    pub created_by: Option<IgnoredAny>,
    pub topic_id: Option<IgnoredAny>,
    pub access_key: Option<IgnoredAny>,
    pub inner_type: Option<IgnoredAny>,

    // Comments.
    /// The post a comment (or a legacy `reply` wall item) belongs to.
    pub post_id: Option<Int>,
    /// Ids of the comments above this one; the first is the thread's root.
    pub parents_stack: Option<Vec<Int>>,
    /// The author of the comment answered.
    pub reply_to_user: Option<Int>,
    /// The comment answered.
    pub reply_to_comment: Option<Int>,
    #[serde(borrow)]
    pub thread: Option<Thread<'a>>,
    pub deleted: Option<Flag>,
    pub is_from_post_author: Option<IgnoredAny>,
    pub real_offset: Option<IgnoredAny>,
    pub pid: Option<IgnoredAny>,
}

/// Keys of a post or comment this importer reads or knows.
pub const ITEM_KEYS: &[&str] = &[
    "id",
    "owner_id",
    "to_id",
    "from_id",
    "date",
    "text",
    "post_type",
    "type",
    "copy_history",
    "attachments",
    "likes",
    "reposts",
    "comments",
    "views",
    "reactions",
    "signer_id",
    "is_pinned",
    "marked_as_ads",
    "edited",
    "is_deleted",
    "deleted_reason",
    "deleted_details",
    "is_favorite",
    "is_archived",
    "geo",
    "donut",
    "hash",
    "post_source",
    "short_text_rate",
    "carousel_offset",
    "copyright",
    "can_edit",
    "can_delete",
    "can_pin",
    "created_by",
    "topic_id",
    "access_key",
    "inner_type",
    "post_id",
    "parents_stack",
    "reply_to_user",
    "reply_to_comment",
    "thread",
    "deleted",
    "is_from_post_author",
    "real_offset",
    "pid",
];

/// An attachment: only its type and, for links, the URL matter here.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attachment<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub link: Option<Link<'a>>,
    #[serde(borrow)]
    pub doc: Option<Doc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Link<'a> {
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Doc<'a> {
    #[serde(borrow)]
    pub ext: Option<Cow<'a, str>>,
    /// Document type: 3 is a GIF.
    #[serde(rename = "type")]
    pub kind: Option<Int>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Likes {
    pub count: Option<Count>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reposts {
    pub count: Option<Count>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommentsInfo {
    pub count: Option<Count>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Views {
    pub count: Option<Count>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reactions {
    pub count: Option<Count>,
    pub items: Option<Vec<Reaction>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reaction {
    pub id: Option<Int>,
    pub count: Option<Count>,
}

/// Replies to a comment, as `wall.getComments` nests them (`thread_items_count` > 0).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Thread<'a> {
    pub count: Option<Count>,
    #[serde(borrow)]
    pub items: Option<Vec<Item<'a>>>,
}

/// A user of an extended response (`profiles`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Profile<'a> {
    pub id: Option<Int>,
    #[serde(borrow)]
    pub first_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub last_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub screen_name: Option<Cow<'a, str>>,
    /// Only when requested with `fields=followers_count`.
    pub followers_count: Option<Count>,
    pub verified: Option<Flag>,
    #[serde(borrow)]
    pub city: Option<Place<'a>>,
    #[serde(borrow)]
    pub country: Option<Place<'a>>,
    #[serde(borrow)]
    pub status: Option<Cow<'a, str>>,
    /// `deleted` or `banned`.
    #[serde(borrow)]
    pub deactivated: Option<Cow<'a, str>>,
}

/// A community of an extended response (`groups`); its `id` is positive.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Group<'a> {
    pub id: Option<Int>,
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub screen_name: Option<Cow<'a, str>>,
    /// Only when requested with `fields=members_count`.
    pub members_count: Option<Count>,
    /// Some tools request `followers_count` for communities too.
    pub followers_count: Option<Count>,
    pub verified: Option<Flag>,
    #[serde(borrow)]
    pub description: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub city: Option<Place<'a>>,
    #[serde(borrow)]
    pub country: Option<Place<'a>>,
}

/// `city` / `country` of a user or community.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Place<'a> {
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
}

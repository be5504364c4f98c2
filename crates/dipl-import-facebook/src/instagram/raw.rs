//! Instagram Graph API objects with Meta's field names.
//!
//! A response is a page of media or comments (`data`, `paging`), an IG user node (possibly
//! with its `media` edge), a Business Discovery response, a media node, or an error. All of
//! them, and the edges inside (`comments`, `replies`, `children`, `media`), share the struct
//! [`Object`], so that a response parses in one pass; the converter tells them apart by the
//! fields present. Every field is optional; unknown fields are ignored here and reported once
//! per file by [`unknown_fields`].

use std::borrow::Cow;

use serde::Deserialize;

use crate::graph::raw::{ApiError, Insights, Paging};
use crate::number::{Count, Id, Time};

/// Any object of an Instagram Graph response (see the module documentation).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Object<'a> {
    // A page of results, or an edge.
    #[serde(borrow)]
    pub data: Option<Vec<Object<'a>>>,
    #[serde(borrow)]
    pub paging: Option<Paging<'a>>,
    #[serde(borrow)]
    pub error: Option<ApiError<'a>>,

    #[serde(borrow)]
    pub id: Option<Id<'a>>,

    // An IG user.
    #[serde(borrow)]
    pub username: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub biography: Option<Cow<'a, str>>,
    pub followers_count: Option<Count>,
    pub follows_count: Option<Count>,
    pub media_count: Option<Count>,
    /// A user's media edge; on a comment, the media it is on (`{id}`).
    #[serde(borrow)]
    pub media: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub business_discovery: Option<Box<Object<'a>>>,

    // A media object.
    #[serde(borrow)]
    pub caption: Option<Cow<'a, str>>,
    /// `IMAGE`, `VIDEO`, `CAROUSEL_ALBUM`.
    #[serde(borrow)]
    pub media_type: Option<Cow<'a, str>>,
    /// `FEED`, `REELS`, `STORY`, `AD`.
    #[serde(borrow)]
    pub media_product_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub permalink: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub timestamp: Option<Time<'a>>,
    pub like_count: Option<Count>,
    pub comments_count: Option<Count>,
    #[serde(borrow)]
    pub owner: Option<User<'a>>,
    #[serde(borrow)]
    pub comments: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub children: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub insights: Option<Insights<'a>>,

    // A comment.
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub from: Option<User<'a>>,
    #[serde(borrow)]
    pub user: Option<User<'a>>,
    #[serde(borrow)]
    pub replies: Option<Box<Object<'a>>>,
    #[serde(borrow)]
    pub parent_id: Option<Id<'a>>,
}

impl Object<'_> {
    /// Fields only media objects have.
    pub fn has_media_fields(&self) -> bool {
        self.media_type.is_some()
            || self.media_product_type.is_some()
            || self.caption.is_some()
            || self.permalink.is_some()
            || self.comments_count.is_some()
            || self.children.is_some()
    }

    /// Fields of a user node.
    pub fn has_user_fields(&self) -> bool {
        self.timestamp.is_none()
            && (self.followers_count.is_some()
                || self.follows_count.is_some()
                || self.media_count.is_some()
                || self.biography.is_some()
                || self.username.is_some()
                || self.media.as_ref().is_some_and(|m| m.data.is_some()))
    }
}

/// `owner`, `from`, `user`: `{id, username}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct User<'a> {
    #[serde(borrow)]
    pub id: Option<Id<'a>>,
    #[serde(borrow)]
    pub username: Option<Cow<'a, str>>,
}

/// Fields read, or deliberately left aside (documented in the crate docs).
const KNOWN_FIELDS: &[&str] = &[
    // read
    "data",
    "paging",
    "error",
    "id",
    "username",
    "name",
    "biography",
    "followers_count",
    "follows_count",
    "media_count",
    "media",
    "business_discovery",
    "caption",
    "media_type",
    "media_product_type",
    "permalink",
    "timestamp",
    "like_count",
    "comments_count",
    "owner",
    "comments",
    "children",
    "insights",
    "text",
    "from",
    "user",
    "replies",
    "parent_id",
    // deliberately not read
    "media_url",
    "thumbnail_url",
    "shortcode",
    "is_comment_enabled",
    "is_shared_to_feed",
    "ig_id",
    "profile_picture_url",
    "website",
    "hidden",
    "legacy_instagram_comment_id",
    "alt_text",
    "video_title",
];

/// Edges whose objects are read (and checked for unknown fields).
const EDGES: &[&str] = &[
    "media",
    "business_discovery",
    "comments",
    "replies",
    "children",
];

/// Field names of the record and the objects in it that this importer does not know (for the
/// once-per-file warning). Parses the record a second time; call it on the first record only.
pub fn unknown_fields(bytes: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) {
        walk(&value, &mut names, 0);
    }
    names
}

fn walk(value: &serde_json::Value, names: &mut Vec<String>, depth: usize) {
    if depth > 8 {
        return;
    }
    let Some(object) = value.as_object() else {
        return;
    };
    for (key, child) in object {
        if key == "data" {
            for item in child.as_array().into_iter().flatten() {
                walk(item, names, depth + 1);
            }
        } else if EDGES.contains(&key.as_str()) {
            walk(child, names, depth + 1);
        } else if !KNOWN_FIELDS.contains(&key.as_str()) {
            names.push(key.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_pages_parse_and_unknown_fields_are_found() {
        let json = r#"{"data": [{"id": "18001", "caption": "Bonjour #Astana", "media_type": "IMAGE",
            "timestamp": "2024-03-01T10:00:00+0000", "like_count": 12, "comments_count": 1,
            "sparkle": true,
            "comments": {"data": [{"id": "17001", "text": "Merci!", "username": "aigerim",
                "timestamp": "2024-03-01T11:00:00+0000", "mood": "good"}]}}],
            "paging": {"cursors": {"before": "a", "after": "b"}}, "extra": 1}"#;
        let page: Object<'_> = serde_json::from_str(json).unwrap();
        let media = &page.data.as_ref().unwrap()[0];
        assert!(media.has_media_fields());
        assert_eq!(crate::number::count(media.like_count), Some(12));
        let mut unknown = unknown_fields(json.as_bytes());
        unknown.sort();
        assert_eq!(unknown, ["extra", "mood", "sparkle"]);
    }
}

//! YouTube Data API v3 resources with the platform's own field names. A response page
//! (`youtube#videoListResponse` …), a video, a search result, a comment thread, a comment and a
//! channel all share the struct [`Resource`], so that a record parses in one pass without
//! buffering; the converter tells them apart by `kind`. Every field is optional; unknown fields
//! are ignored; strings borrow from the input where they contain no escapes.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::number::Count;

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Resource<'a> {
    /// `youtube#videoListResponse`, `youtube#video`, `youtube#commentThread` …
    #[serde(borrow)]
    pub kind: Option<Cow<'a, str>>,
    pub etag: Option<IgnoredAny>,

    // A response page.
    #[serde(borrow)]
    pub items: Option<Vec<Resource<'a>>>,
    pub next_page_token: Option<IgnoredAny>,
    pub prev_page_token: Option<IgnoredAny>,
    pub page_info: Option<IgnoredAny>,
    pub region_code: Option<IgnoredAny>,
    pub visitor_id: Option<IgnoredAny>,
    pub event_id: Option<IgnoredAny>,
    pub token_pagination: Option<IgnoredAny>,
    /// An error answer.
    #[serde(borrow)]
    pub error: Option<ApiError<'a>>,

    // A resource.
    /// A string for videos, channels, comments and threads; an object for search results.
    #[serde(borrow)]
    pub id: Option<ResourceId<'a>>,
    #[serde(borrow)]
    pub snippet: Option<Snippet<'a>>,
    pub statistics: Option<Statistics>,
    /// Comment threads: the first replies (at most five; `comments.list` gives the rest).
    #[serde(borrow)]
    pub replies: Option<Replies<'a>>,
    pub content_details: Option<IgnoredAny>,
    pub status: Option<IgnoredAny>,
    pub topic_details: Option<IgnoredAny>,
    pub branding_settings: Option<IgnoredAny>,
    pub localizations: Option<IgnoredAny>,
    pub player: Option<IgnoredAny>,
    pub recording_details: Option<IgnoredAny>,
    pub live_streaming_details: Option<IgnoredAny>,
    pub paid_product_placement_details: Option<IgnoredAny>,
    pub content_owner_details: Option<IgnoredAny>,
    pub audit_details: Option<IgnoredAny>,
}

/// Keys of a page or resource this importer reads or knows (for the "fields not read" warning).
pub const RESOURCE_KEYS: &[&str] = &[
    "kind",
    "etag",
    "items",
    "nextPageToken",
    "prevPageToken",
    "pageInfo",
    "regionCode",
    "visitorId",
    "eventId",
    "tokenPagination",
    "error",
    "id",
    "snippet",
    "statistics",
    "replies",
    "contentDetails",
    "status",
    "topicDetails",
    "brandingSettings",
    "localizations",
    "player",
    "recordingDetails",
    "liveStreamingDetails",
    "paidProductPlacementDetails",
    "contentOwnerDetails",
    "auditDetails",
    "fileDetails",
    "processingDetails",
    "suggestions",
];

/// `id`: a plain id, or the `{kind, videoId | channelId | playlistId}` of a search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceId<'a> {
    Plain(Cow<'a, str>),
    Search {
        kind: Option<Cow<'a, str>>,
        video_id: Option<Cow<'a, str>>,
        channel_id: Option<Cow<'a, str>>,
        playlist_id: Option<Cow<'a, str>>,
    },
}

impl<'de: 'a, 'a> Deserialize<'de> for ResourceId<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'de> Visitor<'de> for IdVisitor {
            type Value = ResourceId<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id string or a search result id object")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ResourceId::Plain(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ResourceId::Plain(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(ResourceId::Plain(Cow::Owned(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut kind = None;
                let mut video_id = None;
                let mut channel_id = None;
                let mut playlist_id = None;
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let slot = match key.as_ref() {
                        "kind" => &mut kind,
                        "videoId" => &mut video_id,
                        "channelId" => &mut channel_id,
                        "playlistId" => &mut playlist_id,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = map.next_value::<Option<Cow<'de, str>>>()?;
                }
                Ok(ResourceId::Search {
                    kind,
                    video_id,
                    channel_id,
                    playlist_id,
                })
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// `{"error": {"code": 403, "message": "…", "errors": […]}}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApiError<'a> {
    pub code: Option<Count>,
    #[serde(borrow)]
    pub message: Option<Cow<'a, str>>,
}

/// The `snippet` of every resource kind read here.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Snippet<'a> {
    /// RFC 3339.
    #[serde(borrow)]
    pub published_at: Option<Cow<'a, str>>,
    /// Videos: the uploading channel. Comment threads and comments: the channel of the video
    /// commented on.
    #[serde(borrow)]
    pub channel_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub description: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub channel_title: Option<Cow<'a, str>>,
    /// Keywords the uploader set (not shown to viewers).
    pub tags: Option<IgnoredAny>,
    #[serde(borrow)]
    pub default_language: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub default_audio_language: Option<Cow<'a, str>>,
    /// `none`, `live`, `upcoming`.
    #[serde(borrow)]
    pub live_broadcast_content: Option<Cow<'a, str>>,
    pub category_id: Option<IgnoredAny>,
    pub thumbnails: Option<IgnoredAny>,
    pub localized: Option<IgnoredAny>,
    pub publish_time: Option<IgnoredAny>,

    // Channels.
    /// The channel's `@handle`.
    #[serde(borrow)]
    pub custom_url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub country: Option<Cow<'a, str>>,

    // Comment threads.
    #[serde(borrow)]
    pub video_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub top_level_comment: Option<Box<Resource<'a>>>,
    pub total_reply_count: Option<Count>,
    pub can_reply: Option<IgnoredAny>,
    pub is_public: Option<IgnoredAny>,

    // Comments.
    #[serde(borrow)]
    pub author_display_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub author_channel_id: Option<AuthorChannelId<'a>>,
    #[serde(borrow)]
    pub author_channel_url: Option<Cow<'a, str>>,
    pub author_profile_image_url: Option<IgnoredAny>,
    /// HTML unless requested with `textFormat=plainText`.
    #[serde(borrow)]
    pub text_display: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub text_original: Option<Cow<'a, str>>,
    /// Replies: the top-level comment answered.
    #[serde(borrow)]
    pub parent_id: Option<Cow<'a, str>>,
    pub like_count: Option<Count>,
    #[serde(borrow)]
    pub updated_at: Option<Cow<'a, str>>,
    pub can_rate: Option<IgnoredAny>,
    pub viewer_rating: Option<IgnoredAny>,
    pub moderation_status: Option<IgnoredAny>,
}

/// `authorChannelId`: `{"value": "UC…"}` (a plain string in some old dumps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorChannelId<'a>(pub Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for AuthorChannelId<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AuthorVisitor;
        impl<'de> Visitor<'de> for AuthorVisitor {
            type Value = AuthorChannelId<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a channel id or {\"value\": channel id}")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(AuthorChannelId(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(AuthorChannelId(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut value = None;
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    if key == "value" {
                        value = map.next_value::<Option<Cow<'de, str>>>()?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(AuthorChannelId(value))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(AuthorChannelId(None))
            }
        }
        deserializer.deserialize_any(AuthorVisitor)
    }
}

/// Video and channel statistics (strings of digits); a counter the owner hid is absent.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Statistics {
    pub view_count: Option<Count>,
    pub like_count: Option<Count>,
    /// Hidden from the public since December 2021: absent, or present only for the owner.
    pub dislike_count: Option<Count>,
    /// Always 0 since 2015 (deprecated).
    pub favorite_count: Option<Count>,
    pub comment_count: Option<Count>,
    pub subscriber_count: Option<Count>,
    pub hidden_subscriber_count: Option<bool>,
    pub video_count: Option<Count>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Replies<'a> {
    #[serde(borrow)]
    pub comments: Option<Vec<Resource<'a>>>,
}

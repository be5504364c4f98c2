//! What importers emit: accounts, account observations, posts (with their engagement
//! observation) and follow edges, keyed by platform ids.
//!
//! Records carry platform ids as strings exactly as the platform gives them; the store maps them
//! to its own keys and pseudonymises audience accounts. Records never carry wall-clock times:
//! `observed_at` is the collection time stated in the export, or `None` (the store then uses the
//! import batch's time, supplied from the command-line edge).

use crate::{Platform, Timestamp};

/// Whether an account is a subject of the export (its own timeline, feed or channel was
/// collected) or audience (seen only as commenter, replier, mentioned, reposted or follower).
/// Audience accounts are pseudonymised by the store unless the workspace opts out.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Subject,
    Audience,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AccountRecord {
    pub platform: Platform,
    /// Platform account id (numeric string on X).
    pub id: String,
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub role: Role,
    pub created_at: Option<Timestamp>,
    pub verified: Option<bool>,
    pub location: Option<String>,
    pub lang: Option<String>,
    pub description: Option<String>,
}

impl AccountRecord {
    /// An account known only by id (and perhaps handle), e.g. the author a reply answers.
    pub fn bare(
        platform: Platform,
        id: impl Into<String>,
        handle: Option<String>,
        role: Role,
    ) -> Self {
        AccountRecord {
            platform,
            id: id.into(),
            handle,
            display_name: None,
            role,
            created_at: None,
            verified: None,
            location: None,
            lang: None,
            description: None,
        }
    }
}

/// Audience-size counters of an account at a time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AccountObservation {
    pub platform: Platform,
    pub account_id: String,
    pub observed_at: Option<Timestamp>,
    pub followers: Option<u64>,
    pub following: Option<u64>,
    pub posts_count: Option<u64>,
    pub listed_count: Option<u64>,
}

/// Post kinds, decided by the codebook's precedence: repost > reply > quote > original.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PostKind {
    Original,
    Reply,
    Quote,
    Repost,
}

impl PostKind {
    pub fn id(self) -> &'static str {
        match self {
            PostKind::Original => "original",
            PostKind::Reply => "reply",
            PostKind::Quote => "quote",
            PostKind::Repost => "repost",
        }
    }

    pub fn from_id(s: &str) -> Option<PostKind> {
        Some(match s {
            "original" => PostKind::Original,
            "reply" => PostKind::Reply,
            "quote" => PostKind::Quote,
            "repost" => PostKind::Repost,
            _ => return None,
        })
    }

    /// Applies the codebook precedence to what a platform says about a post.
    pub fn classify(is_repost: bool, is_reply: bool, is_quote: bool) -> PostKind {
        if is_repost {
            PostKind::Repost
        } else if is_reply {
            PostKind::Reply
        } else if is_quote {
            PostKind::Quote
        } else {
            PostKind::Original
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Photo,
    Video,
    Gif,
    Link,
}

impl MediaKind {
    pub fn id(self) -> &'static str {
        match self {
            MediaKind::Photo => "photo",
            MediaKind::Video => "video",
            MediaKind::Gif => "gif",
            MediaKind::Link => "link",
        }
    }

    pub fn from_id(s: &str) -> Option<MediaKind> {
        Some(match s {
            "photo" => MediaKind::Photo,
            "video" => MediaKind::Video,
            "gif" => MediaKind::Gif,
            "link" => MediaKind::Link,
            _ => return None,
        })
    }
}

/// A reference to another post: the post a reply answers, or the post reposted or quoted.
/// An empty `post_id` means the post is not known by any stable id (only, perhaps, its author):
/// the store keeps no id for it, and a later export that names it fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PostRef {
    pub post_id: String,
    pub account_id: Option<String>,
    pub handle: Option<String>,
}

/// Engagement counters observed on a post; `None` where the platform or export gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Counters {
    pub likes: Option<u64>,
    pub reposts: Option<u64>,
    pub replies: Option<u64>,
    pub quotes: Option<u64>,
    pub views: Option<u64>,
    pub bookmarks: Option<u64>,
}

impl Counters {
    pub fn is_empty(&self) -> bool {
        *self == Counters::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Post {
    pub platform: Platform,
    pub id: String,
    pub author_id: String,
    pub created_at: Timestamp,
    pub kind: PostKind,
    /// For replies: the post (or comment) answered and its author.
    pub parent: Option<PostRef>,
    /// For reposts and quotes: the post reposted or quoted.
    pub referenced: Option<PostRef>,
    pub conversation_id: Option<String>,
    pub text: String,
    /// The platform's own language tag.
    pub lang: Option<String>,
    pub media: Vec<MediaKind>,
    pub urls: Vec<String>,
    /// Hashtags without `#`, as written (the store and metrics case-fold).
    pub hashtags: Vec<String>,
    /// Mentioned handles without `@`.
    pub mentions: Vec<String>,
    pub edited: bool,
    pub deleted: bool,
    /// Counters observed on this post; for reposts they are empty (they belong to the original).
    pub counters: Counters,
    /// Reactions by type (`like`, `love`, `👍` …) as the platform names them, observed with the
    /// counters. `counters.likes` is their sum (codebook §4: likes count all reaction types).
    pub reactions: Vec<(String, u64)>,
    pub observed_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Follow {
    pub platform: Platform,
    pub follower_id: String,
    pub followed_id: String,
    pub observed_at: Option<Timestamp>,
}

/// One fact from an export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    Account(AccountRecord),
    AccountObservation(AccountObservation),
    Post(Box<Post>),
    Follow(Follow),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_precedence() {
        assert_eq!(PostKind::classify(true, true, true), PostKind::Repost);
        assert_eq!(PostKind::classify(false, true, true), PostKind::Reply);
        assert_eq!(PostKind::classify(false, false, true), PostKind::Quote);
        assert_eq!(PostKind::classify(false, false, false), PostKind::Original);
    }
}

//! Bluesky's lexicon objects with their own field names, as borrowing serde structs.
//!
//! The same structs read the XRPC JSON of the AppView and the DAG-CBOR blocks of a repository
//! export: a post record (`app.bsky.feed.post`) has the same fields in both. Every field is
//! optional and unknown fields are ignored, so that a record parses in one pass whatever the
//! lexicon version; the converters tell objects apart by `$type` and by which fields are
//! present (serde's untagged enums would buffer, and do not see DAG-CBOR links).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

/// A counter or an index: a non-negative integer; `None` inside when present but unreadable
/// (a negative number, a fraction, a string that is not digits). `count` flattens an optional one.
pub use dipl_ingest::values::{count, Count};

// ---------------------------------------------------------------------------------------------
// Records (the repository's data; `record` of a post view, `value` of listRecords and of an
// embedded view record).

/// Any repository record: a post, repost, like, follow, profile … told apart by `$type` (or,
/// in a repository, by the collection of its key).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecordValue<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,

    // app.bsky.feed.post
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "createdAt")]
    pub created_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub langs: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    pub facets: Option<Vec<Facet<'a>>>,
    #[serde(borrow)]
    pub reply: Option<ReplyRef<'a>>,
    #[serde(borrow)]
    pub embed: Option<Embed<'a>>,
    /// Hashtags added to a post beyond those in its text.
    #[serde(borrow)]
    pub tags: Option<Vec<Cow<'a, str>>>,
    /// The mentions and links of posts written before facets (late 2022 – early 2023).
    #[serde(borrow)]
    pub entities: Option<Vec<LegacyEntity<'a>>>,

    // app.bsky.feed.repost and …like (a strong ref), app.bsky.graph.follow and …block (a DID)
    #[serde(borrow)]
    pub subject: Option<Subject<'a>>,

    // app.bsky.actor.profile
    #[serde(borrow, rename = "displayName")]
    pub display_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub description: Option<Cow<'a, str>>,
}

/// `{uri, cid}`: a reference to one version of a record.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StrongRef<'a> {
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub cid: Option<Cow<'a, str>>,
}

/// The `subject` of a record: a DID (follow, block, list item) or a strong ref (repost, like).
#[derive(Debug)]
pub enum Subject<'a> {
    Did(Cow<'a, str>),
    Ref(StrongRef<'a>),
}

impl<'de: 'a, 'a> Deserialize<'de> for Subject<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SubjectVisitor;
        impl<'de> Visitor<'de> for SubjectVisitor {
            type Value = Subject<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a DID or a {uri, cid} reference")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Subject::Did(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Subject::Did(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Subject::Did(Cow::Owned(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                StrongRef::deserialize(de::value::MapAccessDeserializer::new(map)).map(Subject::Ref)
            }
        }
        deserializer.deserialize_any(SubjectVisitor)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReplyRef<'a> {
    #[serde(borrow)]
    pub root: Option<StrongRef<'a>>,
    #[serde(borrow)]
    pub parent: Option<StrongRef<'a>>,
}

/// A rich-text facet: a UTF-8 byte range of the text and what it is.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Facet<'a> {
    pub index: Option<ByteSlice>,
    #[serde(borrow)]
    pub features: Option<Vec<Feature<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ByteSlice {
    #[serde(rename = "byteStart")]
    pub byte_start: Option<Count>,
    #[serde(rename = "byteEnd")]
    pub byte_end: Option<Count>,
}

/// `app.bsky.richtext.facet#mention` (`did`), `#link` (`uri`) or `#tag` (`tag`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Feature<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub did: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub tag: Option<Cow<'a, str>>,
}

/// A pre-facet entity: `{index: {start, end}, type: "mention" | "link", value}` (the value is
/// a DID or a URL).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LegacyEntity<'a> {
    pub index: Option<TextSlice>,
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub value: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TextSlice {
    pub start: Option<Count>,
    pub end: Option<Count>,
}

/// An embed, as stored in a record (`app.bsky.embed.images`, `…video`, `…external`, `…record`,
/// `…recordWithMedia`) or as the AppView shows it (the same names with `#view`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Embed<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub record: Option<Box<EmbedRecord<'a>>>,
    #[serde(borrow)]
    pub media: Option<Box<Embed<'a>>>,
    pub images: Option<IgnoredAny>,
    pub video: Option<IgnoredAny>,
    #[serde(borrow)]
    pub external: Option<External<'a>>,
}

/// `embed.record`: a strong ref (in a record), `{record: strong ref}` (recordWithMedia), a view
/// of the embedded record (`#viewRecord` with its author, `value` and counters; `#viewNotFound`,
/// `#viewBlocked`, `#viewDetached`; a feed generator, list or starter pack), or `{record: view}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmbedRecord<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub record: Option<Box<EmbedRecord<'a>>>,
    #[serde(borrow)]
    pub author: Option<Profile<'a>>,
    #[serde(borrow)]
    pub value: Option<RecordValue<'a>>,
    #[serde(rename = "likeCount")]
    pub like_count: Option<Count>,
    #[serde(rename = "repostCount")]
    pub repost_count: Option<Count>,
    #[serde(rename = "replyCount")]
    pub reply_count: Option<Count>,
    #[serde(rename = "quoteCount")]
    pub quote_count: Option<Count>,
    #[serde(borrow, rename = "indexedAt")]
    pub indexed_at: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct External<'a> {
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
}

// ---------------------------------------------------------------------------------------------
// AppView views.

/// `app.bsky.actor.defs#profileViewBasic`, `#profileView`, `#profileViewDetailed`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Profile<'a> {
    #[serde(borrow)]
    pub did: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub handle: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "displayName")]
    pub display_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub description: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "createdAt")]
    pub created_at: Option<Cow<'a, str>>,
    #[serde(rename = "followersCount")]
    pub followers_count: Option<Count>,
    #[serde(rename = "followsCount")]
    pub follows_count: Option<Count>,
    #[serde(rename = "postsCount")]
    pub posts_count: Option<Count>,
    #[serde(borrow)]
    pub verification: Option<Verification<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Verification<'a> {
    #[serde(borrow, rename = "verifiedStatus")]
    pub verified_status: Option<Cow<'a, str>>,
}

/// `app.bsky.feed.defs#postView` (also `#notFoundPost` and `#blockedPost`, which only have
/// `uri` and the flag, where a post may be missing).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PostView<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub author: Option<Profile<'a>>,
    #[serde(borrow)]
    pub record: Option<RecordValue<'a>>,
    #[serde(borrow)]
    pub embed: Option<Embed<'a>>,
    #[serde(rename = "replyCount")]
    pub reply_count: Option<Count>,
    #[serde(rename = "repostCount")]
    pub repost_count: Option<Count>,
    #[serde(rename = "likeCount")]
    pub like_count: Option<Count>,
    #[serde(rename = "quoteCount")]
    pub quote_count: Option<Count>,
    #[serde(rename = "bookmarkCount")]
    pub bookmark_count: Option<Count>,
    #[serde(borrow, rename = "indexedAt")]
    pub indexed_at: Option<Cow<'a, str>>,
    #[serde(rename = "notFound")]
    pub not_found: Option<bool>,
    pub blocked: Option<bool>,
}

/// `app.bsky.feed.defs#feedViewPost`: one item of a feed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedItem<'a> {
    #[serde(borrow)]
    pub post: Option<PostView<'a>>,
    #[serde(borrow)]
    pub reply: Option<FeedReply<'a>>,
    #[serde(borrow)]
    pub reason: Option<Reason<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedReply<'a> {
    #[serde(borrow)]
    pub root: Option<PostView<'a>>,
    #[serde(borrow)]
    pub parent: Option<PostView<'a>>,
}

/// `#reasonRepost` (`by`, `indexedAt`, and in newer responses the repost record's `uri`) or
/// `#reasonPin`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reason<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub by: Option<Profile<'a>>,
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "indexedAt")]
    pub indexed_at: Option<Cow<'a, str>>,
}

/// A node of `getPostThread`: `#threadViewPost` (`post`, `parent`, `replies`), `#notFoundPost`
/// or `#blockedPost` (`uri` and the flag).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ThreadNode<'a> {
    #[serde(borrow, rename = "$type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub post: Option<PostView<'a>>,
    #[serde(borrow)]
    pub parent: Option<Box<ThreadNode<'a>>>,
    #[serde(borrow)]
    pub replies: Option<Vec<ThreadNode<'a>>>,
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(rename = "notFound")]
    pub not_found: Option<bool>,
    pub blocked: Option<bool>,
}

/// An item of `getLikes`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Like<'a> {
    #[serde(borrow)]
    pub actor: Option<Profile<'a>>,
}

/// `app.bsky.graph.defs#listView` (the `list` of `getList`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListView<'a> {
    #[serde(borrow)]
    pub creator: Option<Profile<'a>>,
}

/// An item of `getList`: the list item record's `uri` and the listed account.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListItem<'a> {
    #[serde(borrow)]
    pub subject: Option<Profile<'a>>,
}

/// An item of `com.atproto.repo.listRecords` (also `getRecord`'s response).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RepoEntry<'a> {
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub value: Option<RecordValue<'a>>,
}

/// Any XRPC response this importer reads, told apart by its members (see `xrpc::convert`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Response<'a> {
    /// getAuthorFeed, getActorLikes, getTimeline, getFeed, getListFeed.
    #[serde(borrow)]
    pub feed: Option<Vec<FeedItem<'a>>>,
    /// getPostThread.
    #[serde(borrow)]
    pub thread: Option<ThreadNode<'a>>,
    /// getPosts, getQuotes, searchPosts.
    #[serde(borrow)]
    pub posts: Option<Vec<PostView<'a>>>,
    /// The post of getQuotes, getLikes, getRepostedBy; the record of getRecord.
    #[serde(borrow)]
    pub uri: Option<Cow<'a, str>>,
    /// getLikes.
    #[serde(borrow)]
    pub likes: Option<Vec<Like<'a>>>,
    /// getRepostedBy.
    #[serde(borrow, rename = "repostedBy")]
    pub reposted_by: Option<Vec<Profile<'a>>>,
    /// getFollows, getFollowers: whose network.
    #[serde(borrow)]
    pub subject: Option<Profile<'a>>,
    #[serde(borrow)]
    pub follows: Option<Vec<Profile<'a>>>,
    #[serde(borrow)]
    pub followers: Option<Vec<Profile<'a>>>,
    /// getProfiles.
    #[serde(borrow)]
    pub profiles: Option<Vec<Profile<'a>>>,
    /// searchActors, getSuggestions.
    #[serde(borrow)]
    pub actors: Option<Vec<Profile<'a>>>,
    /// getList.
    #[serde(borrow)]
    pub list: Option<ListView<'a>>,
    #[serde(borrow)]
    pub items: Option<Vec<ListItem<'a>>>,
    /// com.atproto.repo.listRecords.
    #[serde(borrow)]
    pub records: Option<Vec<RepoEntry<'a>>>,
    /// com.atproto.repo.getRecord.
    #[serde(borrow)]
    pub value: Option<RecordValue<'a>>,
    /// An error response (`{"error": "InvalidRequest", "message": "…"}`).
    #[serde(borrow)]
    pub error: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub message: Option<Cow<'a, str>>,
    /// getProfile: the response is a profile (read again as [`Profile`]).
    #[serde(borrow)]
    pub did: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub handle: Option<Cow<'a, str>>,
}

/// Top-level members of the responses above, read or deliberately ignored; anything else on the
/// first response of a file is reported once as "fields not read".
pub const KNOWN_MEMBERS: &[&str] = &[
    "feed",
    "cursor",
    "thread",
    "threadgate",
    "posts",
    "hitsTotal",
    "uri",
    "cid",
    "likes",
    "repostedBy",
    "subject",
    "follows",
    "followers",
    "profiles",
    "actors",
    "list",
    "items",
    "records",
    "value",
    "error",
    "message",
    // getProfile: the members of a detailed profile view.
    "did",
    "handle",
    "displayName",
    "description",
    "avatar",
    "banner",
    "followersCount",
    "followsCount",
    "postsCount",
    "createdAt",
    "indexedAt",
    "labels",
    "viewer",
    "associated",
    "pinnedPost",
    "joinedViaStarterPack",
    "verification",
    "status",
    "pronouns",
    "website",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_counts_and_unknown_fields() {
        let r: RecordValue = serde_json::from_str(
            r#"{"$type": "app.bsky.graph.follow", "subject": "did:plc:abc", "x": [1, {"y": 2}]}"#,
        )
        .unwrap();
        assert!(matches!(
            r.subject,
            Some(Subject::Did(Cow::Borrowed("did:plc:abc")))
        ));
        let r: RecordValue = serde_json::from_str(
            r#"{"subject": {"uri": "at://did:plc:a/app.bsky.feed.post/1", "cid": "b"}}"#,
        )
        .unwrap();
        match r.subject {
            Some(Subject::Ref(s)) => assert_eq!(
                s.uri.as_deref(),
                Some("at://did:plc:a/app.bsky.feed.post/1")
            ),
            other => panic!("{other:?}"),
        }
        let p: Profile = serde_json::from_str(
            r#"{"did": "did:plc:a", "followersCount": -1, "followsCount": "12", "postsCount": 3.0}"#,
        )
        .unwrap();
        assert_eq!(count(p.followers_count), None);
        assert_eq!(count(p.follows_count), Some(12));
        assert_eq!(count(p.posts_count), Some(3));
    }
}

//! Facebook Graph API objects with Meta's field names.
//!
//! Every object of a response (a page of results, a post, a comment, a page node, an edge such
//! as `comments` or `likes`) parses into one struct, [`Node`], whose fields are all optional; the
//! converter tells the kinds apart by the fields present. [`Node`] has a hand-written
//! deserializer for two reasons: reaction breakdowns arrive under names the researcher chose
//! (`reactions.type(LOVE).limit(0).summary(total_count).as(reactions_love)` gives a field
//! `reactions_love`), and fields this importer does not know are collected by name for the
//! once-per-file "fields not read" warning, all in one pass over the bytes, borrowing strings.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::number::{Count, Id, Str, Time};

/// Fields read, or deliberately left aside (documented in the crate docs), by this importer.
/// Anything else is reported once per file.
pub const KNOWN_FIELDS: &[&str] = &[
    // read
    "data",
    "paging",
    "summary",
    "count",
    "error",
    "id",
    "from",
    "message",
    "created_time",
    "type",
    "status_type",
    "link",
    "attachments",
    "attachment",
    "shares",
    "likes",
    "reactions",
    "comments",
    "like_count",
    "comment_count",
    "parent",
    "object",
    "parent_id",
    "insights",
    "name",
    "username",
    "fan_count",
    "followers_count",
    "about",
    "description",
    "category",
    "is_verified",
    "verification_status",
    "location",
    "posts",
    "feed",
    "published_posts",
    // deliberately not read
    "story",
    "updated_time",
    "permalink_url",
    "full_picture",
    "picture",
    "icon",
    "caption",
    "source",
    "actions",
    "privacy",
    "application",
    "object_id",
    "to",
    "message_tags",
    "story_tags",
    "with_tags",
    "properties",
    "place",
    "is_hidden",
    "is_published",
    "is_expired",
    "is_popular",
    "is_instagram_eligible",
    "is_eligible_for_promotion",
    "promotion_status",
    "timeline_visibility",
    "call_to_action",
    "child_attachments",
    "can_remove",
    "can_comment",
    "can_like",
    "can_hide",
    "can_reply_privately",
    "user_likes",
    "category_list",
    "cover",
    "website",
    "talking_about_count",
    "were_here_count",
    "checkins",
    "single_line_address",
    "phone",
    "emails",
    "global_brand_page_name",
];

/// Reaction types of Facebook (`reactions.type(…)`), in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reaction {
    Like,
    Love,
    Care,
    Haha,
    Wow,
    Sad,
    Angry,
    Thankful,
    Pride,
}

impl Reaction {
    /// The reaction's name as Facebook spells its type, lower-cased.
    pub fn name(self) -> &'static str {
        match self {
            Reaction::Like => "like",
            Reaction::Love => "love",
            Reaction::Care => "care",
            Reaction::Haha => "haha",
            Reaction::Wow => "wow",
            Reaction::Sad => "sad",
            Reaction::Angry => "angry",
            Reaction::Thankful => "thankful",
            Reaction::Pride => "pride",
        }
    }

    fn from_word(word: &str) -> Option<Reaction> {
        Some(match word {
            "like" | "likes" => Reaction::Like,
            "love" | "loves" => Reaction::Love,
            "care" | "cares" => Reaction::Care,
            "haha" | "hahas" => Reaction::Haha,
            "wow" | "wows" => Reaction::Wow,
            "sad" | "sads" => Reaction::Sad,
            "angry" | "angrys" | "angries" => Reaction::Angry,
            "thankful" => Reaction::Thankful,
            "pride" | "prides" => Reaction::Pride,
            _ => return None,
        })
    }
}

/// What an aliased reactions field counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    /// One type (`reactions_love`, `r_love`, `comm_LOVES`, `love` …).
    Type(Reaction),
    /// All types (`reactions.type(NONE)…as(reaction_total)`).
    Total,
}

/// Reads a field name chosen with `.as(name)` for a reactions summary: the words of the name
/// (split on `_`, `-`, `.`), lower-cased, must hold exactly one reaction type (or `total`,
/// `none`, `all`), the others being among `reaction(s)`, `r`, `comm`, `post`, `count`.
pub fn reaction_alias(name: &str) -> Option<AliasKind> {
    if name.len() > 64 {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let mut found = None;
    for word in lower.split(['_', '-', '.']).filter(|w| !w.is_empty()) {
        let kind = match word {
            "reaction" | "reactions" | "r" | "comm" | "comment" | "post" | "count" => continue,
            "total" | "none" | "all" => AliasKind::Total,
            other => AliasKind::Type(Reaction::from_word(other)?),
        };
        if found.replace(kind).is_some() {
            return None;
        }
    }
    found
}

/// Any Graph object (see the module documentation).
#[derive(Debug, Default)]
pub struct Node<'a> {
    // A page of results, or an edge (`comments`, `posts` …).
    pub data: Option<Vec<Node<'a>>>,
    pub paging: Option<Paging<'a>>,
    /// An edge's `summary` (`total_count`).
    pub summary: Option<Counted>,
    /// An edge's `count` (the API before July 2013: `comments {data, count}`).
    pub count: Option<Count>,

    // A post or a comment.
    pub id: Option<Id<'a>>,
    pub from: Option<From<'a>>,
    pub message: Option<Cow<'a, str>>,
    pub created_time: Option<Time<'a>>,
    /// `type` (deprecated in v3.3): `status`, `photo`, `video`, `link`, `event`, `offer`, `note`.
    pub kind: Option<Cow<'a, str>>,
    pub status_type: Option<Cow<'a, str>>,
    pub link: Option<Cow<'a, str>>,
    pub attachments: Option<Attachments<'a>>,
    pub shares: Option<Counted>,
    pub likes: Option<Counted>,
    pub reactions: Option<Counted>,
    /// Reaction summaries under a researcher-chosen name.
    pub reaction_aliases: Vec<(AliasKind, Option<u64>)>,
    pub comments: Option<Box<Node<'a>>>,
    pub like_count: Option<Count>,
    pub comment_count: Option<Count>,

    /// The page's `posts`, `feed` or `published_posts` edge, asked for with field expansion.
    pub posts: Option<Box<Node<'a>>>,

    /// Fields most objects do not have, boxed to keep [`Node`] small (every post and comment
    /// is one, moved and stored in vectors): see [`Node::rare`].
    pub rare: Option<Box<Rare<'a>>>,

    /// Fields not in [`KNOWN_FIELDS`] (nor reaction aliases), in file order.
    pub unknown: Vec<Cow<'a, str>>,
}

/// The fields of a [`Node`] that only errors, some comments, shared posts and page nodes have.
#[derive(Debug, Default)]
pub struct Rare<'a> {
    pub error: Option<ApiError<'a>>,
    /// A comment's one attachment.
    pub attachment: Option<Attachment<'a>>,
    /// A comment's parent comment (in the `stream` view, or when asked for with `fields=parent`).
    pub parent: Option<Ref<'a>>,
    /// The photo or video a comment is on.
    pub object: Option<Ref<'a>>,
    /// The post a shared post shares.
    pub parent_id: Option<Id<'a>>,
    pub insights: Option<Insights<'a>>,

    // A page (or user) node.
    pub name: Option<Cow<'a, str>>,
    pub username: Option<Cow<'a, str>>,
    pub fan_count: Option<Count>,
    pub followers_count: Option<Count>,
    pub about: Option<Cow<'a, str>>,
    pub description: Option<Cow<'a, str>>,
    pub category: Option<Cow<'a, str>>,
    pub is_verified: Option<bool>,
    pub verification_status: Option<Cow<'a, str>>,
    pub location: Option<Location<'a>>,
}

static NO_RARE: Rare<'static> = Rare {
    error: None,
    attachment: None,
    parent: None,
    object: None,
    parent_id: None,
    insights: None,
    name: None,
    username: None,
    fan_count: None,
    followers_count: None,
    about: None,
    description: None,
    category: None,
    is_verified: None,
    verification_status: None,
    location: None,
};

impl<'a> Node<'a> {
    /// The rare fields (all `None` when the object has none of them).
    pub fn rare(&self) -> &Rare<'a> {
        self.rare.as_deref().unwrap_or(&NO_RARE)
    }

    fn rare_mut(&mut self) -> &mut Rare<'a> {
        self.rare.get_or_insert_with(Box::default)
    }

    /// Whether the object carries fields only comments have.
    pub fn has_comment_fields(&self) -> bool {
        let rare = self.rare();
        self.like_count.is_some()
            || self.comment_count.is_some()
            || rare.parent.is_some()
            || rare.object.is_some()
            || rare.attachment.is_some()
    }

    /// Whether the object carries fields only posts have.
    pub fn has_post_fields(&self) -> bool {
        self.kind.is_some()
            || self.status_type.is_some()
            || self.shares.is_some()
            || self.attachments.is_some()
            || self.likes.is_some()
            || self.rare().parent_id.is_some()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Node<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(NodeVisitor(PhantomData))
    }
}

struct NodeVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for NodeVisitor<'a> {
    type Value = Node<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Graph API object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'a>, A::Error> {
        let mut node = Node::default();
        while let Some(Str(key)) = map.next_key::<Str<'de>>()? {
            match key.as_ref() {
                "data" => node.data = map.next_value()?,
                "paging" => node.paging = map.next_value()?,
                "summary" => node.summary = map.next_value()?,
                "count" => node.count = map.next_value()?,
                "error" => node.rare_mut().error = map.next_value()?,
                "id" => node.id = map.next_value()?,
                "from" => node.from = map.next_value()?,
                "message" => node.message = map.next_value::<Option<Str<'de>>>()?.map(|s| s.0),
                "created_time" => node.created_time = map.next_value()?,
                "type" => node.kind = text(&mut map)?,
                "status_type" => node.status_type = text(&mut map)?,
                "link" => node.link = text(&mut map)?,
                "attachments" => node.attachments = map.next_value()?,
                "attachment" => node.rare_mut().attachment = map.next_value()?,
                "shares" => node.shares = map.next_value()?,
                "likes" => node.likes = map.next_value()?,
                "reactions" => node.reactions = map.next_value()?,
                "comments" => node.comments = map.next_value()?,
                "like_count" => node.like_count = map.next_value()?,
                "comment_count" => node.comment_count = map.next_value()?,
                "parent" => node.rare_mut().parent = map.next_value()?,
                "object" => node.rare_mut().object = map.next_value()?,
                "parent_id" => node.rare_mut().parent_id = map.next_value()?,
                "insights" => node.rare_mut().insights = map.next_value()?,
                "name" => node.rare_mut().name = text(&mut map)?,
                "username" => node.rare_mut().username = text(&mut map)?,
                "fan_count" => node.rare_mut().fan_count = map.next_value()?,
                "followers_count" => node.rare_mut().followers_count = map.next_value()?,
                "about" => node.rare_mut().about = text(&mut map)?,
                "description" => node.rare_mut().description = text(&mut map)?,
                "category" => node.rare_mut().category = text(&mut map)?,
                "is_verified" => node.rare_mut().is_verified = map.next_value()?,
                "verification_status" => node.rare_mut().verification_status = text(&mut map)?,
                "location" => node.rare_mut().location = map.next_value()?,
                "posts" | "feed" | "published_posts" => {
                    let edge: Option<Box<Node<'a>>> = map.next_value()?;
                    if node.posts.is_none() {
                        node.posts = edge;
                    }
                }
                other if KNOWN_FIELDS.contains(&other) => {
                    map.next_value::<IgnoredAny>()?;
                }
                other => match reaction_alias(other) {
                    Some(kind) => {
                        let counted: Counted = map.next_value()?;
                        match counted.summary_total {
                            Some(total) => node.reaction_aliases.push((kind, total)),
                            None => node.unknown.push(key),
                        }
                    }
                    None => {
                        map.next_value::<IgnoredAny>()?;
                        node.unknown.push(key);
                    }
                },
            }
        }
        Ok(node)
    }
}

/// An optional string value, borrowed when it has no escapes.
fn text<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Cow<'de, str>>, A::Error> {
    Ok(map.next_value::<Option<Str<'de>>>()?.map(|s| s.0))
}

/// An object that may count something: `shares {count}`, `likes {data, summary {total_count}}`,
/// `reactions {…}`, an edge's `summary {total_count, order …}`, or a bare number (a comment's
/// `likes` before July 2013). Read leniently: anything else (a list, a string) counts nothing. `summary_total` is `Some(None)` when a summary is there
/// but its total is not.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// `count` of an edge (or `shares`), `total_count` of a summary, or the bare number.
    pub count: Option<u64>,
    pub summary_total: Option<Option<u64>>,
}

impl Counted {
    /// The total of the edge's summary, else its `count` (the API before July 2013), when
    /// readable.
    pub fn total(&self) -> Option<u64> {
        self.summary_total.flatten().or(self.count)
    }
}

impl<'de> Deserialize<'de> for Counted {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountedVisitor;
        impl<'de> Visitor<'de> for CountedVisitor {
            type Value = Counted;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with a count or a summary")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Counted, A::Error> {
                let mut counted = Counted::default();
                while let Some(Str(key)) = map.next_key::<Str<'de>>()? {
                    match key.as_ref() {
                        "count" | "total_count" => counted.count = map.next_value::<Count>()?.0,
                        "summary" => {
                            let summary: Option<Counted> = map.next_value()?;
                            counted.summary_total = summary.map(|s| s.count);
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(counted)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Counted, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Counted::default())
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Counted, E> {
                Ok(Counted::default())
            }
            // A bare number: a comment's `likes` in the API before July 2013.
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Counted, E> {
                Ok(Counted {
                    count: u64::try_from(v).ok(),
                    ..Counted::default()
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Counted, E> {
                Ok(Counted {
                    count: Some(v),
                    ..Counted::default()
                })
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Counted, E> {
                Ok(Counted::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Counted, E> {
                Ok(Counted::default())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Counted, E> {
                Ok(Counted::default())
            }
        }
        deserializer.deserialize_any(CountedVisitor)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Paging<'a> {
    #[serde(borrow)]
    pub next: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub previous: Option<Cow<'a, str>>,
}

impl Paging<'_> {
    /// A URL of the same request (next or previous page).
    pub fn url(&self) -> Option<&str> {
        self.next.as_deref().or(self.previous.as_deref())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApiError<'a> {
    #[serde(borrow)]
    pub message: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    pub code: Option<Count>,
}

/// The author of a post or comment (`from`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct From<'a> {
    #[serde(borrow)]
    pub id: Option<Id<'a>>,
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
}

/// A reference to another object (`parent`, `object`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Ref<'a> {
    #[serde(borrow)]
    pub id: Option<Id<'a>>,
    #[serde(borrow)]
    pub from: Option<From<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attachments<'a> {
    #[serde(borrow)]
    pub data: Option<Vec<Attachment<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attachment<'a> {
    /// `photo`, `video`, `link`, `album`, `event` …
    #[serde(borrow)]
    pub media_type: Option<Cow<'a, str>>,
    /// `photo`, `share`, `video_inline`, `album`, `animated_image_share`, `sticker` …
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub unshimmed_url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub subattachments: Option<Attachments<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Insights<'a> {
    #[serde(borrow)]
    pub data: Option<Vec<Metric<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Metric<'a> {
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub period: Option<Cow<'a, str>>,
    pub values: Option<Vec<MetricValue>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MetricValue {
    pub value: Option<Count>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Location<'a> {
    #[serde(borrow)]
    pub city: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub country: Option<Cow<'a, str>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaction_alias_names() {
        let t = |s: &str| reaction_alias(s);
        assert_eq!(t("reactions_love"), Some(AliasKind::Type(Reaction::Love)));
        assert_eq!(t("reactions_LOVES"), Some(AliasKind::Type(Reaction::Love)));
        assert_eq!(t("r_haha"), Some(AliasKind::Type(Reaction::Haha)));
        assert_eq!(t("comm_ANGRY"), Some(AliasKind::Type(Reaction::Angry)));
        assert_eq!(t("reaction_like"), Some(AliasKind::Type(Reaction::Like)));
        assert_eq!(t("wow"), Some(AliasKind::Type(Reaction::Wow)));
        assert_eq!(t("reaction_total"), Some(AliasKind::Total));
        assert_eq!(t("reactions_love_haha"), None);
        assert_eq!(t("lovely_reactions"), None);
        assert_eq!(t("reactions"), None);
        assert_eq!(t("shares"), None);
    }

    #[test]
    fn nodes_collect_aliases_and_unknown_fields() {
        let json = r#"{"id": "1_2", "reactions_love": {"data": [], "summary": {"total_count": 4}},
            "r_wow": {"summary": {"total_count": "2"}}, "reactions_sad": 3,
            "sentiment": {"x": 1}, "privacy": {"value": ""},
            "likes": {"data": [{"id": "9"}]}, "shares": {"count": 7},
            "reactions": {"data": [], "summary": {"total_count": 9, "viewer_reaction": "NONE"}},
            "comments": {"data": [{"id": "2_3", "message": "a\"b", "like_count": 1}],
                         "summary": {"order": "ranked", "total_count": 12}}}"#;
        let node: Node<'_> = serde_json::from_str(json).unwrap();
        assert_eq!(
            node.reaction_aliases,
            [
                (AliasKind::Type(Reaction::Love), Some(4)),
                (AliasKind::Type(Reaction::Wow), Some(2))
            ]
        );
        assert_eq!(node.unknown, ["reactions_sad", "sentiment"]);
        assert_eq!(node.likes.unwrap().total(), None);
        assert_eq!(node.shares.unwrap().count, Some(7));
        assert_eq!(node.reactions.unwrap().total(), Some(9));
        let comments = node.comments.unwrap();
        assert_eq!(comments.summary.unwrap().count, Some(12));
        let data = comments.data.unwrap();
        assert_eq!(data[0].message.as_deref(), Some("a\"b"));
        assert!(data[0].has_comment_fields());
        assert!(data[0].rare.is_none());
    }
}

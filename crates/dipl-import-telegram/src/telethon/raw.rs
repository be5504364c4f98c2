//! One line of a Telethon dump: `Message.to_dict()` (or `to_json()`) of a
//! `telethon.tl.types.Message`, with the TL field names and `"_"` naming each object's
//! constructor. Every field is optional, unknown fields are ignored, and the few collection
//! fields researchers add to each line are read when present.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

use crate::value::{present, Num, RawId};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Line<'a> {
    /// `Message`, `MessageService`, `MessageEmpty`.
    #[serde(borrow, rename = "_")]
    pub constructor: Option<Cow<'a, str>>,
    pub id: Option<Num>,
    /// The chat the message is in.
    #[serde(borrow)]
    pub peer_id: Option<Peer<'a>>,
    #[serde(borrow)]
    pub date: Option<DateValue<'a>>,
    #[serde(borrow)]
    pub message: Option<Cow<'a, str>>,
    /// A channel post (broadcast channel), not a group message.
    pub post: Option<bool>,
    /// The sender; `null` on channel posts.
    #[serde(borrow)]
    pub from_id: Option<Peer<'a>>,
    #[serde(borrow)]
    pub fwd_from: Option<FwdHeader<'a>>,
    #[serde(borrow)]
    pub reply_to: Option<ReplyHeader<'a>>,
    #[serde(borrow)]
    pub media: Option<Media<'a>>,
    #[serde(borrow)]
    pub entities: Option<Vec<Entity<'a>>>,
    pub views: Option<Num>,
    pub forwards: Option<Num>,
    pub replies: Option<Replies>,
    #[serde(borrow)]
    pub edit_date: Option<DateValue<'a>>,
    pub edit_hide: Option<bool>,
    /// `null` when the message has no reactions; absent in dumps made before reactions.
    #[serde(borrow, deserialize_with = "present")]
    pub reactions: Option<Option<Reactions<'a>>>,

    // Added by collection scripts (not Telethon): when the line was collected, and the
    // channel's username and title.
    #[serde(borrow)]
    pub collected_at: Option<DateValue<'a>>,
    #[serde(borrow)]
    pub scraped_at: Option<DateValue<'a>>,
    #[serde(borrow)]
    pub retrieved_at: Option<DateValue<'a>>,
    #[serde(borrow)]
    pub fetched_at: Option<DateValue<'a>>,
    #[serde(borrow)]
    pub channel_username: Option<Loose<'a>>,
    #[serde(borrow)]
    pub channel: Option<Loose<'a>>,
    #[serde(borrow)]
    pub channel_title: Option<Loose<'a>>,
}

/// `{"_": "PeerChannel", "channel_id": 1}`, `PeerUser` (`user_id`), `PeerChat` (`chat_id`); a
/// bare number or a Bot API id (`-100…`) is accepted from reduced dumps.
#[derive(Debug, Default)]
pub struct Peer<'a> {
    pub constructor: Option<Cow<'a, str>>,
    pub channel_id: Option<Num>,
    pub user_id: Option<Num>,
    pub chat_id: Option<Num>,
    /// A bare id (number or string).
    pub bare: Option<RawId<'a>>,
}

#[derive(Deserialize)]
struct PeerObject<'a> {
    #[serde(borrow, rename = "_", default)]
    constructor: Option<Cow<'a, str>>,
    #[serde(default)]
    channel_id: Option<Num>,
    #[serde(default)]
    user_id: Option<Num>,
    #[serde(default)]
    chat_id: Option<Num>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Peer<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PeerVisitor;
        impl<'de> Visitor<'de> for PeerVisitor {
            type Value = Peer<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Peer object or an id")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let p = PeerObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Peer {
                    constructor: p.constructor,
                    channel_id: p.channel_id,
                    user_id: p.user_id,
                    chat_id: p.chat_id,
                    bare: None,
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Peer {
                    bare: Some(RawId(Cow::Owned(v.to_string()))),
                    ..Peer::default()
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Peer {
                    bare: Some(RawId(Cow::Owned(v.to_string()))),
                    ..Peer::default()
                })
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Peer {
                    bare: Some(RawId(Cow::Borrowed(v))),
                    ..Peer::default()
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Peer {
                    bare: Some(RawId(Cow::Owned(v.to_string()))),
                    ..Peer::default()
                })
            }
        }
        deserializer.deserialize_any(PeerVisitor)
    }
}

/// A date as `datetime.isoformat()`, `str(datetime)` or epoch seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue<'a> {
    Text(Cow<'a, str>),
    Seconds(i64),
}

impl<'de: 'a, 'a> Deserialize<'de> for DateValue<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date (ISO 8601 string or epoch seconds)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(DateValue::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(DateValue::Text(Cow::Owned(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(DateValue::Seconds(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(DateValue::Seconds(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(if v.is_finite() && v.abs() < 1e15 {
                    DateValue::Seconds(v.trunc() as i64)
                } else {
                    DateValue::Text(Cow::Owned(v.to_string()))
                })
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// A string, or anything else (ignored): extra fields differ between collection scripts.
#[derive(Debug, Default)]
pub struct Loose<'a>(pub Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LooseVisitor;
        impl<'de> Visitor<'de> for LooseVisitor {
            type Value = Loose<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
        }
        deserializer.deserialize_any(LooseVisitor)
    }
}

/// `MessageFwdHeader`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FwdHeader<'a> {
    /// The original sender (a channel for forwarded channel posts).
    #[serde(borrow)]
    pub from_id: Option<Peer<'a>>,
    /// A hidden sender's name.
    #[serde(borrow)]
    pub from_name: Option<Cow<'a, str>>,
    /// The original post's id in the channel `from_id`.
    pub channel_post: Option<Num>,
    /// Set on the automatic copy of a channel post in its discussion group (the channel and the
    /// post), and on forwards saved to Saved Messages.
    #[serde(borrow)]
    pub saved_from_peer: Option<Peer<'a>>,
    pub saved_from_msg_id: Option<Num>,
}

/// `MessageReplyHeader`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReplyHeader<'a> {
    pub reply_to_msg_id: Option<Num>,
    /// Only when the message answered is in another chat.
    #[serde(borrow)]
    pub reply_to_peer_id: Option<Peer<'a>>,
    /// The thread's first message (in a discussion group: the automatic copy of the channel
    /// post), when the message answered is not it.
    pub reply_to_top_id: Option<Num>,
}

/// `MessageReplies`: comments of a channel post (`comments: true`, in the discussion group
/// `channel_id`) or replies of a group thread.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Replies {
    pub replies: Option<Num>,
    pub comments: Option<bool>,
    pub channel_id: Option<Num>,
}

/// `MessageReactions`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reactions<'a> {
    #[serde(borrow)]
    pub results: Option<Vec<ReactionCount<'a>>>,
}

/// `ReactionCount`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReactionCount<'a> {
    #[serde(borrow)]
    pub reaction: Option<Reaction<'a>>,
    pub count: Option<Num>,
}

/// `ReactionEmoji` (`emoticon`), `ReactionCustomEmoji` (`document_id`), `ReactionPaid`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reaction<'a> {
    #[serde(borrow, rename = "_")]
    pub constructor: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub emoticon: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub document_id: Option<RawId<'a>>,
}

/// `MessageEntity…`: offsets and lengths in UTF-16 code units.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Entity<'a> {
    #[serde(borrow, rename = "_")]
    pub constructor: Option<Cow<'a, str>>,
    pub offset: Option<Num>,
    pub length: Option<Num>,
    /// `MessageEntityTextUrl`.
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
}

/// `MessageMedia…`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Media<'a> {
    #[serde(borrow, rename = "_")]
    pub constructor: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub document: Option<Document<'a>>,
    /// Layer 160+ flags of `MessageMediaDocument`.
    pub video: Option<bool>,
    pub round: Option<bool>,
    #[serde(borrow)]
    pub poll: Option<Poll<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Document<'a> {
    #[serde(borrow)]
    pub mime_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub attributes: Option<Vec<Attribute<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attribute<'a> {
    #[serde(borrow, rename = "_")]
    pub constructor: Option<Cow<'a, str>>,
    pub round_message: Option<bool>,
    pub voice: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Poll<'a> {
    /// A string in older layers, `TextWithEntities` (`{"_", "text", "entities"}`) since 2024.
    #[serde(borrow)]
    pub question: Option<PollText<'a>>,
}

#[derive(Debug, Default)]
pub struct PollText<'a>(pub Option<Cow<'a, str>>);

#[derive(Deserialize)]
struct TextWithEntities<'a> {
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for PollText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PollTextVisitor;
        impl<'de> Visitor<'de> for PollTextVisitor {
            type Value = PollText<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a TextWithEntities object")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(PollText(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(PollText(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let t = TextWithEntities::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(PollText(t.text))
            }
        }
        deserializer.deserialize_any(PollTextVisitor)
    }
}

/// Every key of Telethon's `Message.to_dict()` (read or deliberately ignored) and the collection
/// fields read, for the "fields not read" warning.
pub const KNOWN: &[&str] = &[
    "_",
    "id",
    "peer_id",
    "date",
    "message",
    "out",
    "mentioned",
    "media_unread",
    "silent",
    "post",
    "from_scheduled",
    "legacy",
    "edit_hide",
    "pinned",
    "noforwards",
    "invert_media",
    "offline",
    "video_processing_pending",
    "paid_suggested_post_stars",
    "paid_suggested_post_ton",
    "from_id",
    "from_boosts_applied",
    "from_rank",
    "saved_peer_id",
    "fwd_from",
    "via_bot_id",
    "via_business_bot_id",
    "reply_to",
    "media",
    "reply_markup",
    "entities",
    "views",
    "forwards",
    "replies",
    "edit_date",
    "post_author",
    "grouped_id",
    "reactions",
    "restriction_reason",
    "ttl_period",
    "quick_reply_shortcut_id",
    "effect",
    "factcheck",
    "report_delivery_until_date",
    "paid_message_stars",
    "suggested_post",
    "schedule_repeat_period",
    "summary_from_language",
    "collected_at",
    "scraped_at",
    "retrieved_at",
    "fetched_at",
    "channel_username",
    "channel",
    "channel_title",
];

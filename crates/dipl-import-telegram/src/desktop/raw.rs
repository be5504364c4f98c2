//! One element of the `messages` array of a Telegram Desktop `result.json`, with Telegram
//! Desktop's field names (`export_output_json.cpp`). Every field is optional (versions differ:
//! `date_unixtime`, `text_entities`, `reactions`, `forwarded_from_id` came later), unknown fields
//! are ignored, strings are borrowed from the record where they need no unescaping.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::value::{present, Num, RawId};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Message<'a> {
    pub id: Option<Num>,
    /// `message`, `service`, or `unsupported`.
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    /// Local time of the exporting computer, no zone: `2024-03-01T15:00:00`.
    #[serde(borrow)]
    pub date: Option<Cow<'a, str>>,
    /// Seconds since the epoch, as a string (since 2021).
    #[serde(borrow)]
    pub date_unixtime: Option<RawId<'a>>,
    #[serde(borrow)]
    pub edited: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub edited_unixtime: Option<RawId<'a>>,
    /// The sender's name; `null` for a deleted account.
    #[serde(borrow, deserialize_with = "present")]
    pub from: Option<Option<Cow<'a, str>>>,
    /// `user123`, `channel123` (a number in exports before 2021).
    #[serde(borrow)]
    pub from_id: Option<RawId<'a>>,
    /// A channel post's signature.
    #[serde(borrow)]
    pub author: Option<Cow<'a, str>>,
    /// The original sender's name; `null` when hidden.
    #[serde(borrow, deserialize_with = "present")]
    pub forwarded_from: Option<Option<Cow<'a, str>>>,
    /// The original sender's peer id (newer versions).
    #[serde(borrow)]
    pub forwarded_from_id: Option<RawId<'a>>,
    /// Set on messages forwarded from "Saved Messages" and on the automatic copies of channel
    /// posts in a discussion group (the channel's name).
    #[serde(borrow, deserialize_with = "present")]
    pub saved_from: Option<Option<Cow<'a, str>>>,
    pub reply_to_message_id: Option<Num>,
    /// Only when the message answered lies in another chat.
    #[serde(borrow)]
    pub reply_to_peer_id: Option<RawId<'a>>,
    pub photo: Option<IgnoredAny>,
    pub file: Option<IgnoredAny>,
    /// `video_file`, `video_message`, `animation`, `sticker`, `voice_message`, `audio_file`.
    #[serde(borrow)]
    pub media_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub mime_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub poll: Option<Poll<'a>>,
    /// Kept raw: read only when `text_entities` is absent (exports before 2021), since both hold
    /// the same text; see [`Message::text`].
    #[serde(borrow, rename = "text")]
    pub text_raw: Option<&'a serde_json::value::RawValue>,
    /// The same text as `text`, always as entity objects (`plain` for plain runs).
    #[serde(borrow)]
    pub text_entities: Option<Vec<Part<'a>>>,
    #[serde(borrow)]
    pub reactions: Option<Vec<Reaction<'a>>>,
}

impl<'a> Message<'a> {
    /// The `text` field, parsed; `None` when absent or not a text.
    pub fn text(&self) -> Option<Text<'a>> {
        let raw: &'a serde_json::value::RawValue = self.text_raw?;
        serde_json::from_str(raw.get()).ok()
    }
}

/// Telegram Desktop's `text`: a plain string when the text has no entities, otherwise an array
/// of plain strings and entity objects.
#[derive(Debug)]
pub enum Text<'a> {
    Plain(Cow<'a, str>),
    Parts(Vec<Part<'a>>),
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an array of text parts")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text::Plain(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text::Plain(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text::Plain(Cow::Owned(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Text::Plain(Cow::Borrowed("")))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut parts = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(256));
                while let Some(part) = seq.next_element()? {
                    parts.push(part);
                }
                Ok(Text::Parts(parts))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// One run of text: a plain string, or an entity object `{"type", "text", "href"?, …}`.
#[derive(Debug, Default)]
pub struct Part<'a> {
    /// `None` for a plain string; `plain`, `bold`, `hashtag`, `mention`, `link`, `text_link`,
    /// `mention_name`, `custom_emoji` … for objects.
    pub kind: Option<Cow<'a, str>>,
    pub text: Cow<'a, str>,
    /// Target of a `text_link`.
    pub href: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct PartObject<'a> {
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    href: Option<Cow<'a, str>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Part<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PartVisitor;
        impl<'de> Visitor<'de> for PartVisitor {
            type Value = Part<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a text entity object")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Part {
                    text: Cow::Borrowed(v),
                    ..Part::default()
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Part {
                    text: Cow::Owned(v.to_string()),
                    ..Part::default()
                })
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Part {
                    text: Cow::Owned(v),
                    ..Part::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let object = PartObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Part {
                    kind: object.kind,
                    text: object.text.unwrap_or(Cow::Borrowed("")),
                    href: object.href,
                })
            }
        }
        deserializer.deserialize_any(PartVisitor)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Poll<'a> {
    /// A string (a text array in recent versions, which allow entities in polls).
    #[serde(borrow)]
    pub question: Option<Text<'a>>,
}

/// `{"type": "emoji", "count", "emoji"}`, `{"type": "custom_emoji", "count", "document_id"}`,
/// `{"type": "paid", "count"}`; `recent` (the latest reactors) is not read.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reaction<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Option<Cow<'a, str>>,
    pub count: Option<Num>,
    #[serde(borrow)]
    pub emoji: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub document_id: Option<RawId<'a>>,
}

/// Every key Telegram Desktop writes on a message (read or deliberately ignored), for the
/// "fields not read" warning.
pub const KNOWN: &[&str] = &[
    "id",
    "type",
    "date",
    "date_unixtime",
    "edited",
    "edited_unixtime",
    "from",
    "from_id",
    "author",
    "forwarded_from",
    "forwarded_from_id",
    "saved_from",
    "reply_to_message_id",
    "reply_to_peer_id",
    "via_bot",
    "photo",
    "photo_file_size",
    "width",
    "height",
    "file",
    "file_name",
    "file_size",
    "thumbnail",
    "thumbnail_file_size",
    "media_type",
    "mime_type",
    "duration_seconds",
    "sticker_emoji",
    "performer",
    "title",
    "media_spoiler",
    "self_destruct_period_seconds",
    "contact_information",
    "contact_vcard",
    "contact_vcard_file_size",
    "location_information",
    "live_location_period_seconds",
    "place_name",
    "address",
    "game_title",
    "game_description",
    "game_link",
    "invoice_information",
    "poll",
    "todo_list",
    "giveaway_information",
    "giveaway_results",
    "paid_stars_amount",
    "text",
    "text_entities",
    "inline_bot_buttons",
    "reactions",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_both_shapes() {
        let m: Message = serde_json::from_str(
            r##"{"id": 3, "type": "message", "text": ["Hi ", {"type": "hashtag", "text": "#A"}, {"type": "text_link", "text": "x", "href": "https://e.kz"}], "forwarded_from": null, "from": "Q"}"##,
        )
        .unwrap();
        let Some(Text::Parts(parts)) = m.text() else {
            panic!("parts")
        };
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].kind, None);
        assert_eq!(parts[1].kind.as_deref(), Some("hashtag"));
        assert_eq!(parts[2].href.as_deref(), Some("https://e.kz"));
        assert_eq!(m.forwarded_from, Some(None));
        let m: Message = serde_json::from_str(r#"{"text": "plain \"q\""}"#).unwrap();
        assert!(matches!(m.text(), Some(Text::Plain(t)) if t == "plain \"q\""));
        assert!(m.forwarded_from.is_none());
    }
}

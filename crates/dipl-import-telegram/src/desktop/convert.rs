//! Pure translation of one Telegram Desktop message ([`super::raw::Message`]) into records: the
//! author's account, the forwarded-from account, the post. Thread links that need earlier
//! messages (the parent's author, the thread root) are added in file order by
//! [`crate::link::Linker`], which also takes the automatic copies of channel posts in a
//! discussion group out (they come as placeholders, [`crate::link::copy_placeholder`]).

use dipl_model::{
    AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef, Record, Role,
};

use super::raw::{Message, Part, Text};

use crate::date::{parse_datetime, unix_seconds};
use crate::error::ConvertError;
use crate::link::copy_placeholder;
use crate::text::{custom_emoji_name, push_media, push_reaction, EntityLists, PAID_REACTION};
use crate::value::{num, parse_peer, PeerKind};

/// What the export's envelope says about the chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatKind {
    /// `public_channel`, `private_channel`: every message is the channel's post.
    Channel,
    /// `public_supergroup`, `private_supergroup`, `private_group`: a discussion group (or any
    /// group), whose members post.
    Group,
}

/// The exported chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chat {
    /// The bare numeric id (`id` of the envelope).
    pub id: String,
    pub name: Option<String>,
    pub kind: ChatKind,
}

/// What became of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Imported; `local_date` when its time came from the zone-less `date`.
    Imported { local_date: bool },
    /// The automatic copy of a channel post in its discussion group: not a post. Its channel's
    /// account record and the placeholder `post_id` for the linker were pushed; the caller
    /// registers the placeholder ([`crate::link::Copies`]).
    Copy { post_id: String },
    /// A service message (join, pin, title change …): not a post.
    Service,
    /// `unsupported` (a message type the exporting version could not write) or another type.
    Unsupported,
}

/// Translates one message; pushes its records into `out`.
/// `announced(id, role)` tells which account records were already passed on and can be left
/// out.
pub fn message(
    chat: &Chat,
    m: &Message<'_>,
    announced: &dyn Fn(&str, Role) -> bool,
    out: &mut Vec<Record>,
) -> Result<Outcome, ConvertError> {
    match m.kind.as_deref() {
        Some("message") => {}
        Some("service") => return Ok(Outcome::Service),
        Some(_) => return Ok(Outcome::Unsupported),
        None => return Err(ConvertError::Missing("type")),
    }
    let msg_id = num(m.id).ok_or(ConvertError::Missing("id"))?;
    let (created_at, local_date) = created_at(m)?;

    // The sender. In a channel every message is the channel's post, also when Telegram shows the
    // admin who signed it (`from_id` of a user in channels with author profiles).
    let sender = m.from_id.as_ref().and_then(|r| parse_peer(&r.0));
    let from_name = m.from.as_ref().and_then(|n| n.as_deref());
    let (author_id, author_kind, author_name) = match (chat.kind, sender) {
        (ChatKind::Channel, _) | (ChatKind::Group, None) => (
            chat.id.clone(),
            PeerKind::Channel,
            chat.name.as_deref().or(from_name),
        ),
        (ChatKind::Group, Some((kind, id))) => {
            let name = if id == chat.id {
                chat.name.as_deref().or(from_name)
            } else {
                from_name
            };
            (id.to_string(), kind, name)
        }
    };

    // A forward; its source when the export names it by id, or when the name is the sender's
    // own (a channel forwarding its own post; in versions without `forwarded_from_id`, this is
    // also how the automatic copy of a channel post in its discussion group names its channel).
    let forwarded = m.forwarded_from.is_some() || m.forwarded_from_id.is_some();
    let forwarded_name = m.forwarded_from.as_ref().and_then(|n| n.as_deref());
    let saved_name = m.saved_from.as_ref().and_then(|n| n.as_deref());
    let source: Option<(String, Option<&str>)> =
        match m.forwarded_from_id.as_ref().and_then(|r| parse_peer(&r.0)) {
            Some((_, id)) => Some((id.to_string(), forwarded_name)),
            None => {
                let own = author_name.filter(|_| author_kind == PeerKind::Channel);
                let names_self = own.is_some()
                    && (forwarded_name == own || (forwarded_name.is_none() && saved_name == own));
                (forwarded && names_self).then(|| (author_id.clone(), author_name))
            }
        };
    // The automatic copy of a channel post in its discussion group: sent by a channel other
    // than the group (`from_id` `channel<id>`, so exports since 2021), forwarded from its own
    // post (`forwarded_from` / `forwarded_from_id` the sender) or saved from it (`saved_from`
    // the sender's name: the copy of a channel post that itself forwards another source names
    // that source in `forwarded_from` and the channel in `saved_from`).
    let automatic_copy = chat.kind == ChatKind::Group
        && forwarded
        && sender.is_some_and(|(kind, id)| kind == PeerKind::Channel && id != chat.id)
        && (source.as_ref().is_some_and(|(id, _)| *id == author_id)
            || (saved_name.is_some() && saved_name == author_name));
    if automatic_copy {
        // Not a post: the channel published one post, not a post and a repost. Its account is
        // the subject the group discusses; the placeholder tells the linker which comments hang
        // under the channel post (whose id Desktop does not write).
        if !announced(&author_id, Role::Subject) {
            out.push(Record::Account(AccountRecord {
                display_name: author_name.and_then(|n| crate::value::non_empty(Some(n))),
                ..AccountRecord::bare(Platform::Telegram, author_id.clone(), None, Role::Subject)
            }));
        }
        let post_id = format!("{}/{msg_id}", chat.id);
        out.push(copy_placeholder(
            post_id.clone(),
            author_id,
            created_at,
            None,
        ));
        return Ok(Outcome::Copy { post_id });
    }

    let author_role = match chat.kind {
        ChatKind::Channel => Role::Subject,
        ChatKind::Group if author_id == chat.id => Role::Subject,
        ChatKind::Group => Role::Audience,
    };

    let parent = num(m.reply_to_message_id).map(|parent_msg| {
        let parent_chat = m
            .reply_to_peer_id
            .as_ref()
            .and_then(|r| parse_peer(&r.0))
            .map_or(chat.id.as_str(), |(_, id)| id);
        // Only the channel posts in a channel.
        let account_id =
            (chat.kind == ChatKind::Channel && parent_chat == chat.id).then(|| chat.id.clone());
        PostRef {
            post_id: format!("{parent_chat}/{parent_msg}"),
            account_id,
            handle: None,
        }
    });
    let kind = PostKind::classify(forwarded, parent.is_some(), false);
    // The forwarded message's own id is not in Desktop exports: `?` stands for it.
    let referenced = source
        .as_ref()
        .filter(|_| forwarded)
        .map(|(id, _)| PostRef {
            post_id: format!("{id}/?"),
            account_id: Some(id.clone()),
            handle: None,
        });

    // Text and entities: `text_entities` (every version since 2021) or `text`.
    let mut text = String::new();
    let mut entities = EntityLists::default();
    let old_text = match &m.text_entities {
        Some(_) => None,
        None => m.text(),
    };
    match (&m.text_entities, &old_text) {
        (Some(parts), _) | (None, Some(Text::Parts(parts))) => {
            text.reserve(parts.iter().map(|p| p.text.len()).sum());
            append_parts(parts, &mut text, &mut entities);
        }
        (None, Some(Text::Plain(plain))) => text.push_str(plain),
        (None, None) => {}
    }
    if text.trim().is_empty() {
        // A poll's text is its question.
        match m.poll.as_ref().and_then(|p| p.question.as_ref()) {
            Some(Text::Plain(q)) => text = q.to_string(),
            Some(Text::Parts(parts)) => {
                text.clear();
                append_parts(parts, &mut text, &mut entities);
            }
            None => {}
        }
    }

    let mut media = Vec::new();
    if m.photo.is_some() {
        push_media(&mut media, MediaKind::Photo);
    }
    match m.media_type.as_deref() {
        Some("video_file" | "video_message") => push_media(&mut media, MediaKind::Video),
        Some("animation") => push_media(&mut media, MediaKind::Gif),
        Some(_) => {}
        None if m.file.is_some() => {
            let mime = m.mime_type.as_deref().unwrap_or("");
            if mime == "image/gif" {
                push_media(&mut media, MediaKind::Gif);
            } else if mime.starts_with("video/") {
                push_media(&mut media, MediaKind::Video);
            } else if mime.starts_with("image/") {
                push_media(&mut media, MediaKind::Photo);
            }
        }
        None => {}
    }
    if !entities.urls.is_empty() {
        push_media(&mut media, MediaKind::Link);
    }

    let mut reactions = Vec::new();
    let mut counters = Counters::default();
    if kind != PostKind::Repost {
        if let Some(list) = &m.reactions {
            let mut sum = 0u64;
            for r in list {
                let Some(count) = num(r.count) else { continue };
                let name = match (
                    r.kind.as_deref(),
                    r.emoji.as_deref(),
                    r.document_id.as_ref(),
                ) {
                    (Some("emoji") | None, Some(emoji), _) if !emoji.is_empty() => {
                        emoji.to_string()
                    }
                    (Some("custom_emoji"), _, Some(doc)) => custom_emoji_name(&doc.0),
                    (Some("paid"), _, _) => PAID_REACTION.to_string(),
                    _ => continue,
                };
                sum = sum.saturating_add(count);
                push_reaction(&mut reactions, name, count);
            }
            counters.likes = Some(sum);
        }
    }

    if !announced(&author_id, author_role) {
        out.push(Record::Account(AccountRecord {
            display_name: author_name.and_then(|n| crate::value::non_empty(Some(n))),
            ..AccountRecord::bare(Platform::Telegram, author_id.clone(), None, author_role)
        }));
    }
    if let Some((source_id, source_name)) = &source {
        if *source_id != author_id && !announced(source_id, Role::Audience) {
            out.push(Record::Account(AccountRecord {
                display_name: crate::value::non_empty(*source_name),
                ..AccountRecord::bare(Platform::Telegram, source_id.clone(), None, Role::Audience)
            }));
        }
    }
    out.push(Record::Post(Box::new(Post {
        platform: Platform::Telegram,
        id: format!("{}/{msg_id}", chat.id),
        author_id,
        created_at,
        kind,
        parent,
        referenced,
        conversation_id: None,
        text,
        lang: None,
        media,
        urls: entities.urls,
        hashtags: entities.hashtags,
        mentions: entities.mentions,
        edited: m.edited.is_some() || m.edited_unixtime.is_some(),
        deleted: false,
        counters,
        reactions,
        observed_at: None,
    })));
    Ok(Outcome::Imported { local_date })
}

fn append_parts(parts: &[Part<'_>], text: &mut String, entities: &mut EntityLists) {
    for part in parts {
        text.push_str(&part.text);
        if let Some(kind) = part.kind.as_deref() {
            entities.push(kind, &part.text, part.href.as_deref());
        }
    }
}

/// `date_unixtime` when the export has it; otherwise the zone-less local `date`, read as UTC.
fn created_at(m: &Message<'_>) -> Result<(dipl_model::Timestamp, bool), ConvertError> {
    if let Some(raw) = &m.date_unixtime {
        return unix_seconds(&raw.0)
            .map(|t| (t, false))
            .ok_or_else(|| ConvertError::BadDate {
                field: "date_unixtime",
                value: raw.0.to_string(),
            });
    }
    let raw = m.date.as_deref().ok_or(ConvertError::Missing("date"))?;
    parse_datetime(raw)
        .map(|(t, zoned)| (t, !zoned))
        .ok_or_else(|| ConvertError::BadDate {
            field: "date",
            value: raw.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group() -> Chat {
        Chat {
            id: "1468035791".into(),
            name: Some("Обсуждение".into()),
            kind: ChatKind::Group,
        }
    }

    fn convert(json: &str) -> (Outcome, Vec<Record>) {
        let m: Message<'_> = serde_json::from_str(json).expect("valid message");
        let mut out = Vec::new();
        let outcome = message(&group(), &m, &|_, _| false, &mut out).expect("converts");
        (outcome, out)
    }

    const HEAD: &str =
        r#""id": 7, "type": "message", "date_unixtime": "1741000000", "text": "Текст""#;

    #[test]
    fn automatic_copies_by_name_by_id_and_by_saved_from() {
        for fields in [
            // Versions without `forwarded_from_id`: the channel's own name.
            r#""from": "МИД", "from_id": "channel1357924680", "forwarded_from": "МИД", "saved_from": "МИД""#,
            r#""from": "МИД", "from_id": "channel1357924680", "forwarded_from": "МИД""#,
            // The copy of a channel post that forwards another channel: saved from the channel.
            r#""from": "МИД", "from_id": "channel1357924680", "forwarded_from": "EU", "forwarded_from_id": "channel1122334455", "saved_from": "МИД""#,
        ] {
            let (outcome, out) = convert(&format!("{{{HEAD}, {fields}}}"));
            assert_eq!(
                outcome,
                Outcome::Copy {
                    post_id: "1468035791/7".into()
                },
                "{fields}"
            );
            let Record::Account(account) = &out[0] else {
                panic!("the channel's account first: {out:?}")
            };
            assert_eq!(
                (account.id.as_str(), account.role),
                ("1357924680", Role::Subject)
            );
            assert_eq!(account.display_name.as_deref(), Some("МИД"));
            let Record::Post(placeholder) = &out[1] else {
                panic!("a placeholder: {out:?}")
            };
            assert_eq!(placeholder.author_id, "1357924680");
            assert_eq!(
                placeholder.referenced.as_ref().map(|r| r.post_id.as_str()),
                Some("1357924680/?")
            );
        }
    }

    #[test]
    fn other_forwards_in_a_group_stay_reposts() {
        for (fields, author) in [
            // A member forwarding the channel's post.
            (
                r#""from": "Айгерим", "from_id": "user5012345671", "forwarded_from": "МИД", "forwarded_from_id": "channel1357924680""#,
                "5012345671",
            ),
            // Another channel forwarding a third one, without `saved_from`.
            (
                r#""from": "Посольство", "from_id": "channel2233445566", "forwarded_from": "EU", "forwarded_from_id": "channel1122334455""#,
                "2233445566",
            ),
            // The group itself (anonymous admins) forwarding the channel.
            (
                r#""from": "Обсуждение", "from_id": "channel1468035791", "forwarded_from": "МИД", "saved_from": "МИД""#,
                "1468035791",
            ),
        ] {
            let (outcome, out) = convert(&format!("{{{HEAD}, {fields}}}"));
            assert_eq!(outcome, Outcome::Imported { local_date: false }, "{fields}");
            let post = out.iter().find_map(|r| match r {
                Record::Post(p) => Some(p),
                _ => None,
            });
            let post = post.expect("a post");
            assert_eq!(post.kind, PostKind::Repost, "{fields}");
            assert_eq!(post.author_id, author, "{fields}");
        }
    }
}

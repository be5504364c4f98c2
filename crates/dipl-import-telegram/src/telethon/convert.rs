//! Pure translation of one Telethon line ([`super::raw::Line`]) into records: the author's
//! account, the forwarded-from account, the post.

use dipl_model::{
    AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef, Record, Role, Timestamp,
};

use super::raw::{DateValue, Line, Media, Peer};
use crate::date::{parse_datetime, REACTIONS_LAUNCH};
use crate::error::ConvertError;
use crate::text::{
    custom_emoji_name, push_media, push_reaction, utf16_slice, EntityLists, PAID_REACTION,
};
use crate::value::{non_empty, num, parse_peer, PeerKind};

/// What became of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Imported,
    /// `MessageService` (joins, pins …): not a post.
    Service,
    /// `MessageEmpty` (a deleted message's placeholder).
    Empty,
}

/// The kind and bare id of a Telethon peer.
pub fn peer(p: &Peer<'_>) -> Option<(PeerKind, String)> {
    if let Some(bare) = &p.bare {
        // Reduced dumps write the chat as a number: a positive one is a channel's bare id.
        return parse_peer(&bare.0).map(|(kind, id)| {
            let kind = if kind == PeerKind::User && !bare.0.starts_with("user") {
                PeerKind::Channel
            } else {
                kind
            };
            (kind, id.to_string())
        });
    }
    let by_constructor = match p.constructor.as_deref() {
        Some("PeerChannel") => num(p.channel_id).map(|id| (PeerKind::Channel, id)),
        Some("PeerUser") => num(p.user_id).map(|id| (PeerKind::User, id)),
        Some("PeerChat") => num(p.chat_id).map(|id| (PeerKind::Chat, id)),
        _ => None,
    };
    by_constructor
        .or_else(|| num(p.channel_id).map(|id| (PeerKind::Channel, id)))
        .or_else(|| num(p.user_id).map(|id| (PeerKind::User, id)))
        .or_else(|| num(p.chat_id).map(|id| (PeerKind::Chat, id)))
        .map(|(kind, id)| (kind, id.to_string()))
}

/// A Telethon date.
pub fn date(d: &DateValue<'_>) -> Option<Timestamp> {
    match d {
        DateValue::Seconds(s) => Some(Timestamp(*s)),
        DateValue::Text(t) => parse_datetime(t)
            .map(|(t, _)| t)
            .or_else(|| crate::date::unix_seconds(t)),
    }
}

/// A channel username as scripts write it: `mfa_kz`, `@mfa_kz`, `https://t.me/mfa_kz`.
fn handle(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .unwrap_or(raw);
    let raw = raw
        .strip_prefix("t.me/")
        .or_else(|| raw.strip_prefix("telegram.me/"))
        .unwrap_or(raw);
    let raw = raw.trim_start_matches('@').trim_end_matches('/');
    let ok = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    ok.then(|| raw.to_string())
}

/// Translates one line; pushes its records into `out`.
/// `announced(id, role)` tells which account records were already passed on and can be left
/// out.
pub fn line(
    l: &Line<'_>,
    announced: &dyn Fn(&str, Role) -> bool,
    out: &mut Vec<Record>,
) -> Result<Outcome, ConvertError> {
    match l.constructor.as_deref() {
        Some("Message") | None => {}
        Some("MessageService") => return Ok(Outcome::Service),
        Some("MessageEmpty") => return Ok(Outcome::Empty),
        Some(other) => {
            return Err(ConvertError::NotImported(format!(
                "a `{other}`, not a message"
            )))
        }
    }
    let msg_id = num(l.id).ok_or(ConvertError::Missing("id"))?;
    let (chat_kind, chat_id) = l
        .peer_id
        .as_ref()
        .and_then(peer)
        .ok_or(ConvertError::Missing("peer_id"))?;
    if chat_kind == PeerKind::User {
        return Err(ConvertError::NotImported(
            "a message of a private chat (`PeerUser`): only channels and groups are imported"
                .to_string(),
        ));
    }
    let created_at = match &l.date {
        Some(d) => date(d).ok_or_else(|| ConvertError::BadDate {
            field: "date",
            value: match d {
                DateValue::Text(t) => t.to_string(),
                DateValue::Seconds(s) => s.to_string(),
            },
        })?,
        None => return Err(ConvertError::Missing("date")),
    };
    let observed_at = [
        &l.collected_at,
        &l.scraped_at,
        &l.retrieved_at,
        &l.fetched_at,
    ]
    .into_iter()
    .flatten()
    .find_map(date);

    let sender = l.from_id.as_ref().and_then(peer);
    // A channel post (`post`; reduced dumps: no sender in a channel) is the channel's, also when
    // it shows the admin who wrote it.
    let broadcast = l
        .post
        .unwrap_or(sender.is_none() && chat_kind == PeerKind::Channel);
    let (author_id, author_kind) = match sender {
        Some((kind, id)) if !broadcast => (id, kind),
        _ => (chat_id.clone(), PeerKind::Channel),
    };

    // Forwards: the original post when the header names it (channel posts, and the automatic
    // copy of a channel post in its discussion group, which names it twice).
    let fwd = l.fwd_from.as_ref();
    let forwarded = fwd.is_some();
    let source = fwd.and_then(|f| {
        let by_sender = f
            .from_id
            .as_ref()
            .and_then(peer)
            .map(|(_, id)| (id, num(f.channel_post)));
        let by_saved = f
            .saved_from_peer
            .as_ref()
            .and_then(peer)
            .map(|(_, id)| (id, num(f.saved_from_msg_id)));
        match (by_sender, by_saved) {
            (Some((id, None)), Some((saved, Some(msg)))) if saved == id => Some((id, Some(msg))),
            (Some(s), _) => Some(s),
            (None, saved) => saved,
        }
    });
    let automatic_copy = !broadcast
        && forwarded
        && author_kind == PeerKind::Channel
        && author_id != chat_id
        && source.as_ref().is_some_and(|(id, _)| *id == author_id);
    let author_role = if broadcast || author_id == chat_id || automatic_copy {
        Role::Subject
    } else {
        Role::Audience
    };
    let referenced = source.as_ref().map(|(id, msg)| PostRef {
        post_id: match msg {
            Some(msg) => format!("{id}/{msg}"),
            None => format!("{id}/?"),
        },
        account_id: Some(id.clone()),
        handle: None,
    });

    let reply = l.reply_to.as_ref();
    let parent_chat = reply
        .and_then(|r| r.reply_to_peer_id.as_ref())
        .and_then(peer)
        .map_or_else(|| chat_id.clone(), |(_, id)| id);
    let parent = reply
        .and_then(|r| num(r.reply_to_msg_id))
        .map(|msg| PostRef {
            post_id: format!("{parent_chat}/{msg}"),
            // Only the channel posts in a channel.
            account_id: (broadcast && parent_chat == chat_id).then(|| chat_id.clone()),
            handle: None,
        });
    let conversation_id = reply
        .and_then(|r| num(r.reply_to_top_id))
        .map(|top| format!("{parent_chat}/{top}"));
    let kind = PostKind::classify(forwarded, parent.is_some(), false);

    let mut text = l.message.as_deref().unwrap_or("").to_string();
    let mut entities = match &l.entities {
        Some(list) => {
            let mut e = EntityLists::default();
            for entity in list {
                let Some(name) = entity.constructor.as_deref() else {
                    continue;
                };
                let name = name.strip_prefix("MessageEntity").unwrap_or(name);
                let kind = match name {
                    "Hashtag" => "hashtag",
                    "Mention" => "mention",
                    "Url" => "url",
                    "TextUrl" => "text_link",
                    _ => continue,
                };
                let (Some(offset), Some(length)) = (num(entity.offset), num(entity.length)) else {
                    continue;
                };
                let covered = utf16_slice(&text, offset, length).unwrap_or("");
                if covered.is_empty() && kind != "text_link" {
                    continue;
                }
                e.push(kind, covered, entity.url.as_deref());
            }
            e
        }
        None => EntityLists::extract(&text),
    };
    let mut media = Vec::new();
    if let Some(m) = &l.media {
        media_kinds(m, &mut media);
        if text.trim().is_empty() {
            if let Some(q) = m
                .poll
                .as_ref()
                .and_then(|p| p.question.as_ref())
                .and_then(|q| q.0.as_deref())
            {
                text = q.to_string();
                if l.entities.is_none() {
                    entities = EntityLists::extract(&text);
                }
            }
        }
    }
    if !entities.urls.is_empty() {
        push_media(&mut media, MediaKind::Link);
    }

    let mut reactions = Vec::new();
    let counters = if kind == PostKind::Repost {
        // A forward's views and reactions are its own, not the original's: per the codebook a
        // repost carries no counters.
        Counters::default()
    } else {
        let likes = match &l.reactions {
            Some(Some(r)) => {
                let mut sum = 0u64;
                for rc in r.results.iter().flatten() {
                    let (Some(reaction), Some(count)) = (&rc.reaction, num(rc.count)) else {
                        continue;
                    };
                    let name = match (
                        reaction.constructor.as_deref(),
                        reaction.emoticon.as_deref(),
                        reaction.document_id.as_ref(),
                    ) {
                        (Some("ReactionEmoji") | None, Some(e), _) if !e.is_empty() => {
                            e.to_string()
                        }
                        (Some("ReactionCustomEmoji") | None, _, Some(doc)) => {
                            custom_emoji_name(&doc.0)
                        }
                        (Some("ReactionPaid"), _, _) => PAID_REACTION.to_string(),
                        _ => continue,
                    };
                    sum = sum.saturating_add(count);
                    push_reaction(&mut reactions, name, count);
                }
                Some(sum)
            }
            // `null`: no reactions, since reactions exist.
            Some(None) if created_at >= REACTIONS_LAUNCH => Some(0),
            _ => None,
        };
        Counters {
            likes,
            reposts: num(l.forwards),
            replies: l.replies.as_ref().and_then(|r| num(r.replies)),
            quotes: None,
            views: num(l.views),
            bookmarks: None,
        }
    };

    if !announced(&author_id, author_role) {
        let mut author =
            AccountRecord::bare(Platform::Telegram, author_id.clone(), None, author_role);
        if broadcast {
            // The collection fields describe the channel whose posts these are.
            author.handle = [&l.channel_username, &l.channel]
                .into_iter()
                .flatten()
                .find_map(|v| v.0.as_deref().and_then(handle));
            author.display_name = l
                .channel_title
                .as_ref()
                .and_then(|v| non_empty(v.0.as_deref()));
        }
        out.push(Record::Account(author));
    }
    if let Some((source_id, _)) = &source {
        if *source_id != author_id && !announced(source_id, Role::Audience) {
            out.push(Record::Account(AccountRecord::bare(
                Platform::Telegram,
                source_id.clone(),
                None,
                Role::Audience,
            )));
        }
    }
    out.push(Record::Post(Box::new(Post {
        platform: Platform::Telegram,
        id: format!("{chat_id}/{msg_id}"),
        author_id,
        created_at,
        kind,
        parent,
        referenced,
        conversation_id,
        text,
        lang: None,
        media,
        urls: entities.urls,
        hashtags: entities.hashtags,
        mentions: entities.mentions,
        edited: l.edit_date.is_some() && l.edit_hide != Some(true),
        deleted: false,
        counters,
        reactions,
        observed_at,
    })));
    Ok(Outcome::Imported)
}

fn media_kinds(m: &Media<'_>, media: &mut Vec<MediaKind>) {
    match m.constructor.as_deref() {
        Some("MessageMediaPhoto") => push_media(media, MediaKind::Photo),
        Some("MessageMediaWebPage") => push_media(media, MediaKind::Link),
        Some("MessageMediaDocument") => {
            let doc = m.document.as_ref();
            let attributes = doc.and_then(|d| d.attributes.as_deref()).unwrap_or(&[]);
            let has = |name: &str| {
                attributes
                    .iter()
                    .any(|a| a.constructor.as_deref() == Some(name))
            };
            let mime = doc.and_then(|d| d.mime_type.as_deref()).unwrap_or("");
            if has("DocumentAttributeSticker") {
            } else if has("DocumentAttributeAnimated") || mime == "image/gif" {
                push_media(media, MediaKind::Gif);
            } else if m.video == Some(true)
                || m.round == Some(true)
                || has("DocumentAttributeVideo")
                || mime.starts_with("video/")
            {
                push_media(media, MediaKind::Video);
            } else if mime.starts_with("image/") {
                push_media(media, MediaKind::Photo);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles() {
        assert_eq!(handle("@mfa_kz").as_deref(), Some("mfa_kz"));
        assert_eq!(handle("https://t.me/mfa_kz/").as_deref(), Some("mfa_kz"));
        assert_eq!(handle("МИД"), None);
        assert_eq!(handle(""), None);
    }
}

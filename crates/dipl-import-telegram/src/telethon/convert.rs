//! Pure translation of one Telethon line ([`super::raw::Line`]) into records: the author's
//! account, the forwarded-from account, the post; for the automatic copy of a channel post in
//! its discussion group, the channel's account and a placeholder the linker takes out
//! ([`crate::link::copy_placeholder`]).

use dipl_model::{
    AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef, Record, Role, Timestamp,
};

use super::raw::{DateValue, FwdHeader, Line, Media, Peer};
use crate::date::{parse_datetime, REACTIONS_LAUNCH};
use crate::error::ConvertError;
use crate::link::copy_placeholder;
use crate::text::{
    custom_emoji_name, push_media, push_reaction, utf16_slice, EntityLists, PAID_REACTION,
};
use crate::value::{non_empty, num, parse_peer, PeerKind};

/// What became of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Imported,
    /// The automatic copy of a channel post in its discussion group: not a post. Its channel's
    /// account record and the placeholder `post_id` for the linker were pushed; the caller
    /// registers the placeholder ([`crate::link::Copies`]).
    Copy {
        post_id: String,
    },
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
    if let Some((channel, channel_post)) = l
        .fwd_from
        .as_ref()
        .filter(|_| !broadcast)
        .and_then(|f| automatic_copy(f, sender.as_ref(), &chat_id))
    {
        // Not a post: the channel published one post, not a post and a repost. Its account is
        // the subject the group discusses; the placeholder tells the linker which channel post
        // the comments on this copy hang under.
        if !announced(&channel, Role::Subject) {
            out.push(Record::Account(AccountRecord::bare(
                Platform::Telegram,
                channel.clone(),
                None,
                Role::Subject,
            )));
        }
        let post_id = format!("{chat_id}/{msg_id}");
        out.push(copy_placeholder(
            post_id.clone(),
            channel,
            created_at,
            channel_post,
        ));
        return Ok(Outcome::Copy { post_id });
    }
    let author_id = match sender {
        Some((_, id)) if !broadcast => id,
        _ => chat_id.clone(),
    };

    // Forwards: the original post when the header names it.
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
    let author_role = if broadcast || author_id == chat_id {
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

/// The channel and (when named) the channel post of the automatic copy of a channel post in a
/// discussion group `chat_id`, if the group message with forward header `f` sent by `sender` is
/// one: sent by a channel other than the group and saved from (`saved_from_peer`,
/// `saved_from_msg_id`) or forwarded from (`from_id`, `channel_post`) that channel's own post.
/// A copy of a channel post that itself forwards another source names that source in `from_id`
/// and the channel only in `saved_from_peer`. Dumps without the sender (`from_id: null`) are
/// recognised by `saved_from_peer` and `saved_from_msg_id` alone.
fn automatic_copy(
    f: &FwdHeader<'_>,
    sender: Option<&(PeerKind, String)>,
    chat_id: &str,
) -> Option<(String, Option<u64>)> {
    let other_channel =
        |p: &Peer<'_>| peer(p).filter(|(kind, id)| *kind == PeerKind::Channel && id != chat_id);
    let saved = f
        .saved_from_peer
        .as_ref()
        .and_then(other_channel)
        .map(|(_, id)| (id, num(f.saved_from_msg_id)));
    let from = f
        .from_id
        .as_ref()
        .and_then(other_channel)
        .map(|(_, id)| (id, num(f.channel_post)));
    let channel = match sender {
        Some((PeerKind::Channel, id)) if id != chat_id => id.clone(),
        Some(_) => return None,
        None => saved.as_ref().filter(|(_, msg)| msg.is_some())?.0.clone(),
    };
    let own: Vec<Option<u64>> = [saved, from]
        .into_iter()
        .flatten()
        .filter(|(id, _)| *id == channel)
        .map(|(_, msg)| msg)
        .collect();
    if own.is_empty() {
        return None;
    }
    let post = own.into_iter().flatten().next();
    Some((channel, post))
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

    fn fwd(json: &str) -> FwdHeader<'_> {
        serde_json::from_str(json).expect("valid header")
    }

    #[test]
    fn automatic_copies() {
        let group = "1468035791";
        let channel = Some((PeerKind::Channel, "1357924680".to_string()));
        let own = r#"{"from_id": {"_": "PeerChannel", "channel_id": 1357924680}, "channel_post": 101, "saved_from_peer": {"_": "PeerChannel", "channel_id": 1357924680}, "saved_from_msg_id": 101}"#;
        let of_forward = r#"{"from_id": {"_": "PeerChannel", "channel_id": 1122334455}, "channel_post": 874, "saved_from_peer": {"_": "PeerChannel", "channel_id": 1357924680}, "saved_from_msg_id": 102}"#;
        let from_only =
            r#"{"from_id": {"_": "PeerChannel", "channel_id": 1357924680}, "channel_post": 101}"#;
        let unnamed = r#"{"from_id": {"_": "PeerChannel", "channel_id": 1357924680}}"#;
        let other =
            r#"{"from_id": {"_": "PeerChannel", "channel_id": 1122334455}, "channel_post": 874}"#;
        let copy = |f: &str, sender: &Option<(PeerKind, String)>| {
            automatic_copy(&fwd(f), sender.as_ref(), group)
        };
        let named = |msg| Some(("1357924680".to_string(), Some(msg)));
        assert_eq!(copy(own, &channel), named(101));
        // The copy of a channel post forwarding the EU: the channel's post, not the EU's.
        assert_eq!(copy(of_forward, &channel), named(102));
        assert_eq!(copy(from_only, &channel), named(101));
        assert_eq!(
            copy(unnamed, &channel),
            Some(("1357924680".to_string(), None))
        );
        // Without a sender: `saved_from_peer` and `saved_from_msg_id` alone.
        assert_eq!(copy(own, &None), named(101));
        assert_eq!(copy(of_forward, &None), named(102));
        assert_eq!(copy(from_only, &None), None);
        // A member forwarding the channel's post; a channel forwarding another; the group.
        let member = Some((PeerKind::User, "5012345671".to_string()));
        assert_eq!(copy(own, &member), None);
        assert_eq!(copy(from_only, &member), None);
        assert_eq!(copy(other, &channel), None);
        let itself = Some((PeerKind::Channel, group.to_string()));
        assert_eq!(copy(own, &itself), None);
    }
}

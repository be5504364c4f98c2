//! Pure translation of archive activities and the actor ([`super::raw`]) into model records.

use dipl_model::{
    AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef, Record, Role,
};

use super::raw::{Activity, Actor, Attachment, Note, ObjectOrUri, Tag};
use crate::error::{required_time, ConvertError};
use crate::html;
use crate::ids;
use crate::values::Refs;

/// Who may see a status, from its addressing (`to`, `cc`), as Mastodon maps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// `to` the public collection.
    Public,
    /// `cc` the public collection ("quiet public").
    Unlisted,
    /// `to` the author's followers only.
    FollowersOnly,
    /// To the mentioned accounts only (a direct message).
    Direct,
}

const PUBLIC: [&str; 3] = [
    "https://www.w3.org/ns/activitystreams#Public",
    "as:Public",
    "Public",
];

/// The visibility of a status addressed `to` and `cc`.
pub fn visibility(to: &Refs<'_>, cc: &Refs<'_>) -> Visibility {
    if to.iter().any(|a| PUBLIC.contains(&a)) {
        Visibility::Public
    } else if cc.iter().any(|a| PUBLIC.contains(&a)) {
        Visibility::Unlisted
    } else if to
        .iter()
        .chain(cc.iter())
        .any(|a| a.ends_with("/followers"))
    {
        Visibility::FollowersOnly
    } else {
        Visibility::Direct
    }
}

/// What became of one activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A post (and its accounts) was emitted.
    Imported,
    /// Not public: not imported, counted.
    NotPublic(Visibility),
    /// An activity of another type (`Like`, `Update` …), or one whose object is not a status.
    Other(String),
}

/// Translates one outbox activity.
pub fn activity(a: &Activity<'_>, out: &mut Vec<Record>) -> Result<Outcome, ConvertError> {
    let kind = a.kind.get().unwrap_or("");
    match kind {
        "Create" => create(a, out),
        "Announce" => announce(a, out),
        "" => Err(ConvertError::Missing("type")),
        other => Ok(Outcome::Other(other.to_string())),
    }
}

/// The subject: the outbox owner, as an account record.
fn owner_record(owner: &str) -> Record {
    Record::Account(AccountRecord::bare(
        Platform::Mastodon,
        owner,
        ids::actor_handle(owner),
        Role::Subject,
    ))
}

/// A reference to a post by URI, with its author when the URI or the owner names it.
fn post_ref(uri: &str, owner: &str) -> PostRef {
    let own_prefix = uri
        .strip_prefix(owner)
        .is_some_and(|rest| rest.starts_with('/'));
    if own_prefix {
        return PostRef {
            post_id: uri.to_string(),
            account_id: Some(owner.to_string()),
            handle: ids::actor_handle(owner),
        };
    }
    match ids::status_author(uri) {
        Some((account, handle)) => PostRef {
            post_id: uri.to_string(),
            account_id: Some(account),
            handle: Some(handle),
        },
        None => PostRef {
            post_id: uri.to_string(),
            account_id: None,
            handle: None,
        },
    }
}

/// An audience account record for the author of a referenced post, unless it is the owner.
fn push_audience(reference: &PostRef, owner: &str, out: &mut Vec<Record>) {
    if let Some(account) = reference.account_id.as_deref() {
        if account != owner
            && !out
                .iter()
                .any(|r| matches!(r, Record::Account(a) if a.id == account))
        {
            out.push(Record::Account(AccountRecord::bare(
                Platform::Mastodon,
                account,
                reference.handle.clone(),
                Role::Audience,
            )));
        }
    }
}

fn create(a: &Activity<'_>, out: &mut Vec<Record>) -> Result<Outcome, ConvertError> {
    let note = match &a.object {
        ObjectOrUri::Object(note) => note,
        ObjectOrUri::Uri(_) => return Ok(Outcome::Other("Create (object by reference)".into())),
        ObjectOrUri::None => return Err(ConvertError::Missing("object")),
    };
    match note.kind.get() {
        Some("Note" | "Question" | "Article" | "Page") | None => {}
        Some(other) => return Ok(Outcome::Other(format!("Create {other}"))),
    }
    // The object's addressing wins; Mastodon copies it to the activity.
    let vis = if note.to.0.is_empty() && note.cc.0.is_empty() {
        visibility(&a.to, &a.cc)
    } else {
        visibility(&note.to, &note.cc)
    };
    if matches!(vis, Visibility::FollowersOnly | Visibility::Direct) {
        return Ok(Outcome::NotPublic(vis));
    }
    let owner = a
        .actor
        .get()
        .or(note.attributed_to.get())
        .ok_or(ConvertError::Missing("actor"))?;
    let post = note_post(note, owner, a.published.get())?;
    out.push(owner_record(owner));
    for reference in post.parent.iter().chain(post.referenced.iter()) {
        push_audience(reference, owner, out);
    }
    out.push(Record::Post(Box::new(post)));
    Ok(Outcome::Imported)
}

fn announce(a: &Activity<'_>, out: &mut Vec<Record>) -> Result<Outcome, ConvertError> {
    if matches!(
        visibility(&a.to, &a.cc),
        Visibility::FollowersOnly | Visibility::Direct
    ) {
        return Ok(Outcome::NotPublic(visibility(&a.to, &a.cc)));
    }
    let id = a.id.get().ok_or(ConvertError::Missing("id"))?;
    let owner = a.actor.get().ok_or(ConvertError::Missing("actor"))?;
    let created_at = required_time(a.published.get(), "published")?;
    let boosted = match &a.object {
        ObjectOrUri::Uri(uri) => uri.get(),
        ObjectOrUri::Object(note) => note.id.get(),
        ObjectOrUri::None => None,
    }
    .ok_or(ConvertError::Missing("object"))?;
    let mut referenced = post_ref(boosted, owner);
    if let ObjectOrUri::Object(note) = &a.object {
        // An embedded object names its author.
        if referenced.account_id.is_none() {
            if let Some(author) = note.attributed_to.get() {
                referenced.account_id = Some(author.to_string());
                referenced.handle = ids::actor_handle(author);
            }
        }
    }
    out.push(owner_record(owner));
    push_audience(&referenced, owner, out);
    out.push(Record::Post(Box::new(Post {
        platform: Platform::Mastodon,
        id: id.to_string(),
        author_id: owner.to_string(),
        created_at,
        kind: PostKind::Repost,
        parent: None,
        referenced: Some(referenced),
        conversation_id: None,
        text: String::new(),
        lang: None,
        media: Vec::new(),
        urls: Vec::new(),
        hashtags: Vec::new(),
        mentions: Vec::new(),
        edited: false,
        deleted: false,
        counters: Counters::default(),
        reactions: Vec::new(),
        observed_at: None,
    })));
    Ok(Outcome::Imported)
}

/// The model's media kind of an attachment.
fn media_kind(m: &Attachment<'_>) -> Option<MediaKind> {
    let media_type = m.media_type.get().unwrap_or("").to_ascii_lowercase();
    if media_type == "image/gif" {
        Some(MediaKind::Gif)
    } else if media_type.starts_with("image/") {
        Some(MediaKind::Photo)
    } else if media_type.starts_with("video/") {
        Some(MediaKind::Video)
    } else if media_type.is_empty() {
        match m.kind.get() {
            Some("Image") => Some(MediaKind::Photo),
            Some("Video") => Some(MediaKind::Video),
            _ => None,
        }
    } else {
        None
    }
}

pub(crate) fn push_media(media: &mut Vec<MediaKind>, kind: MediaKind) {
    if !media.contains(&kind) {
        media.push(kind);
    }
}

/// The text readers see: the content warning (when set) as the first paragraph, then the
/// content.
pub(crate) fn text_with_warning(warning: Option<&str>, body: String) -> String {
    match warning
        .map(|w| html::to_text(w).text)
        .filter(|w| !w.is_empty())
    {
        Some(warning) if body.is_empty() => warning,
        Some(warning) => format!("{warning}\n\n{body}"),
        None => body,
    }
}

/// A mention handle `user@host` from a Mention tag's `name` (`@user@host`, or `@user` with the
/// host taken from `href`).
fn mention_handle(tag: &Tag<'_>) -> Option<String> {
    let name = tag.name.non_empty()?.trim();
    let name = name.strip_prefix('@').unwrap_or(name);
    if name.contains('@') {
        return Some(name.to_string());
    }
    match tag.href.get().and_then(ids::host) {
        Some(host) => Some(format!("{name}@{host}")),
        None => Some(name.to_string()),
    }
}

/// The post of a Note by `owner` (the outbox's actor).
fn note_post(
    note: &Note<'_>,
    owner: &str,
    fallback_time: Option<&str>,
) -> Result<Post, ConvertError> {
    let id = note.id.get().ok_or(ConvertError::Missing("object.id"))?;
    let created_at = match note.published.get() {
        Some(_) => required_time(note.published.get(), "object.published")?,
        None => required_time(fallback_time, "published")?,
    };
    let converted = html::to_text(note.content.get().unwrap_or(""));
    let text = text_with_warning(note.summary.non_empty(), converted.text);
    let (hashtags, mentions) = match &note.tag {
        Some(tags) => {
            let hashtags = tags
                .iter()
                .filter(|t| t.kind.get() == Some("Hashtag"))
                .filter_map(|t| t.name.non_empty())
                .map(|n| n.trim().trim_start_matches('#').to_string())
                .filter(|n| !n.is_empty())
                .collect();
            let mentions = tags
                .iter()
                .filter(|t| t.kind.get() == Some("Mention"))
                .filter_map(mention_handle)
                .collect();
            (hashtags, mentions)
        }
        None => (
            dipl_text::extract_hashtags(&text),
            dipl_text::extract_mentions(&text),
        ),
    };
    let parent = note.in_reply_to.get().map(|uri| post_ref(uri, owner));
    let quoted = note
        .quote
        .get()
        .or(note.quote_uri.get())
        .or(note.misskey_quote.get())
        .or(note.quote_url.get());
    let referenced = quoted.map(|uri| post_ref(uri, owner));
    let kind = PostKind::classify(false, parent.is_some(), referenced.is_some());
    let mut media = Vec::new();
    for m in note.attachment.iter() {
        if let Some(kind) = media_kind(m) {
            push_media(&mut media, kind);
        }
    }
    // A quote's link to the quoted post is the quote, not a shared link.
    let mut urls: Vec<String> = converted
        .links
        .into_iter()
        .filter(|u| Some(u.as_str()) != quoted)
        .collect();
    if note.tag.is_none() && urls.is_empty() {
        // Not Mastodon's markup: links may be bare text.
        urls = dipl_text::extract_urls(&text);
    }
    if !urls.is_empty() {
        push_media(&mut media, MediaKind::Link);
    }
    let conversation_id = note
        .conversation
        .non_empty()
        .or(note.context.get())
        .map(str::to_string);
    Ok(Post {
        platform: Platform::Mastodon,
        id: id.to_string(),
        author_id: owner.to_string(),
        created_at,
        kind,
        parent,
        referenced,
        conversation_id,
        text,
        lang: note.content_map.0.clone().filter(|l| !l.trim().is_empty()),
        media,
        urls,
        hashtags,
        mentions,
        edited: note.updated.non_empty().is_some(),
        deleted: false,
        counters: Counters::default(),
        reactions: Vec::new(),
        observed_at: None,
    })
}

/// The subject account of `actor.json`.
pub fn actor(a: &Actor<'_>) -> Result<AccountRecord, ConvertError> {
    let id = a.id.get().ok_or(ConvertError::Missing("id"))?;
    let handle = match (a.preferred_username.non_empty(), ids::host(id)) {
        (Some(name), Some(host)) => Some(format!("{}@{host}", name.trim())),
        _ => ids::actor_handle(id),
    };
    let created_at = match a.published.get() {
        Some(raw) => Some(required_time(Some(raw), "published")?),
        None => None,
    };
    let fields: Vec<(String, String)> = a
        .attachment
        .iter()
        .filter(|f| f.kind.get().is_none_or(|k| k == "PropertyValue"))
        .filter_map(|f| {
            let name = html::to_text(f.name.get()?).text;
            let value = html::to_text(f.value.get().unwrap_or("")).text;
            (!name.is_empty()).then_some((name, value))
        })
        .collect();
    Ok(AccountRecord {
        platform: Platform::Mastodon,
        id: id.to_string(),
        handle,
        display_name: a.name.non_empty().map(|n| n.trim().to_string()),
        role: Role::Subject,
        created_at,
        verified: None,
        location: None,
        lang: None,
        description: profile_description(a.summary.get(), &fields),
    })
}

/// The bio as text, followed by the profile fields, one `name: value` line each.
pub(crate) fn profile_description(
    bio_html: Option<&str>,
    fields: &[(String, String)],
) -> Option<String> {
    let mut description = html::to_text(bio_html.unwrap_or("")).text;
    if !fields.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        let lines: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        description.push_str(&lines.join("\n"));
    }
    (!description.is_empty()).then_some(description)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(items: &[&'static str]) -> Refs<'static> {
        Refs(items.iter().map(|s| (*s).into()).collect())
    }

    #[test]
    fn visibility_from_addressing() {
        let public = "https://www.w3.org/ns/activitystreams#Public";
        let followers = "https://h.example/users/a/followers";
        let other = "https://h.example/users/b";
        assert_eq!(
            visibility(&refs(&[public]), &refs(&[followers])),
            Visibility::Public
        );
        assert_eq!(
            visibility(&refs(&[followers]), &refs(&[public])),
            Visibility::Unlisted
        );
        assert_eq!(
            visibility(&refs(&[followers]), &refs(&[other])),
            Visibility::FollowersOnly
        );
        assert_eq!(visibility(&refs(&[other]), &refs(&[])), Visibility::Direct);
        assert_eq!(
            visibility(&refs(&["as:Public"]), &refs(&[])),
            Visibility::Public
        );
    }

    #[test]
    fn references_name_authors() {
        let owner = "https://h.example/users/mfa";
        let own = post_ref("https://h.example/users/mfa/statuses/1", owner);
        assert_eq!(own.account_id.as_deref(), Some(owner));
        assert_eq!(own.handle.as_deref(), Some("mfa@h.example"));
        let other = post_ref("https://o.example/users/ana/statuses/2", owner);
        assert_eq!(
            other.account_id.as_deref(),
            Some("https://o.example/users/ana")
        );
        let unknown = post_ref("https://o.example/notes/xyz", owner);
        assert_eq!(unknown.account_id, None);
        // A user whose name starts like the owner's is someone else.
        let similar = post_ref("https://h.example/users/mfa_press/statuses/3", owner);
        assert_eq!(
            similar.account_id.as_deref(),
            Some("https://h.example/users/mfa_press")
        );
    }

    #[test]
    fn content_warning_comes_first() {
        assert_eq!(
            text_with_warning(Some("Politics"), "body".into()),
            "Politics\n\nbody"
        );
        assert_eq!(text_with_warning(Some("  "), "body".into()), "body");
        assert_eq!(text_with_warning(Some("CW"), String::new()), "CW");
        assert_eq!(text_with_warning(None, "body".into()), "body");
    }
}

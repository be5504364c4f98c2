//! Pure translation of Mastodon API records ([`super::raw`]) into model records.
//!
//! Per status, in order: its author's account and observation (once per record), the boosted
//! or quoted status with its author when embedded, then the status itself. A boost gets empty
//! counters; the boosted status is emitted as its own post with its own counters.

use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role,
};

use super::raw::{self, Object};
use crate::archive::convert::{profile_description, push_media, text_with_warning};
use crate::error::{required_time, ConvertError};
use crate::html;
use crate::ids;
use crate::values::count;

/// What a record held that was not imported.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Skipped {
    pub followers_only: u64,
    pub direct: u64,
}

/// The actor id of an API account: `uri` (Mastodon ≥ 4.2), else the actor id of its profile
/// `url` (`https://host/@name` → `https://host/users/name`), else the `url` itself.
pub fn account_id(account: &Object<'_>) -> Option<String> {
    if let Some(uri) = account.uri.non_empty() {
        return Some(uri.trim().to_string());
    }
    let url = account.url.non_empty()?.trim();
    Some(ids::actor_of_profile_url(url).unwrap_or_else(|| url.to_string()))
}

/// `name@host`: the `acct` of a remote account, or the username with the host of the profile.
fn handle_of(acct: Option<&str>, username: Option<&str>, url: Option<&str>) -> Option<String> {
    let acct = acct.map(|a| a.trim().trim_start_matches('@'));
    if let Some(acct) = acct.filter(|a| a.contains('@')) {
        return Some(acct.to_string());
    }
    let name = username.map(str::trim).filter(|n| !n.is_empty()).or(acct)?;
    if name.is_empty() {
        return None;
    }
    match url.and_then(ids::host) {
        Some(host) => Some(format!("{name}@{host}")),
        None => Some(name.to_string()),
    }
}

fn account_handle(account: &Object<'_>) -> Option<String> {
    handle_of(
        account.acct.get(),
        account.username.get(),
        account.url.non_empty().or(account.uri.non_empty()),
    )
}

/// Whether an account belongs to the instance the data was fetched from (`acct` without host).
fn is_local(acct: Option<&str>) -> bool {
    acct.is_some_and(|a| !a.trim().trim_start_matches('@').contains('@'))
}

/// An account record and its observation (followers, following, statuses).
pub fn account(
    a: &Object<'_>,
    role: Role,
) -> Result<(AccountRecord, Option<AccountObservation>), ConvertError> {
    let id = account_id(a).ok_or(ConvertError::Missing("account url"))?;
    let fields: Vec<(String, String)> = a
        .fields
        .iter()
        .flatten()
        .filter_map(|f| {
            let name = html::to_text(f.name.get()?).text;
            let value = html::to_text(f.value.get().unwrap_or("")).text;
            (!name.is_empty()).then_some((name, value))
        })
        .collect();
    let created_at = match a.created_at.non_empty() {
        Some(raw) => Some(required_time(Some(raw), "created_at")?),
        None => None,
    };
    let record = AccountRecord {
        platform: Platform::Mastodon,
        id: id.clone(),
        handle: account_handle(a),
        display_name: a.display_name.non_empty().map(|n| n.trim().to_string()),
        role,
        created_at,
        verified: None,
        location: None,
        lang: None,
        description: profile_description(a.note.get(), &fields),
    };
    let observation = AccountObservation {
        platform: Platform::Mastodon,
        account_id: id,
        observed_at: None,
        followers: count(a.followers_count),
        following: count(a.following_count),
        posts_count: count(a.statuses_count),
        listed_count: None,
    };
    let has_counts = observation.followers.is_some()
        || observation.following.is_some()
        || observation.posts_count.is_some();
    Ok((record, has_counts.then_some(observation)))
}

/// What the statuses of a record say about each other: local ids to URIs and accounts.
pub struct Lookup {
    /// Local status id → (URI, author actor id, author handle).
    statuses: Vec<(String, String, Option<String>, Option<String>)>,
    /// Local account id → (actor id, handle, local to the instance).
    accounts: Vec<(String, String, Option<String>, bool)>,
    /// This instance writes status URIs as `<actor>/statuses/<local id>` (seen on a local
    /// status of the record), so a local account's status URI follows from its local id.
    mastodon_ids: bool,
}

impl Lookup {
    pub fn new<'p, 'a: 'p>(statuses: impl Iterator<Item = &'p Object<'a>>) -> Lookup {
        let mut lookup = Lookup {
            statuses: Vec::new(),
            accounts: Vec::new(),
            mastodon_ids: false,
        };
        for s in statuses {
            lookup.add(s);
        }
        lookup
    }

    fn add(&mut self, s: &Object<'_>) {
        let author = s.account.as_deref();
        let author_id = author.and_then(account_id);
        if let (Some(a), Some(actor)) = (author, author_id.as_ref()) {
            if let Some(local) = a.id.get() {
                let local_acct = is_local(a.acct.get());
                if !self.accounts.iter().any(|(id, ..)| id == local) {
                    self.accounts.push((
                        local.to_string(),
                        actor.clone(),
                        account_handle(a),
                        local_acct,
                    ));
                }
                if local_acct {
                    if let (Some(id), Some(uri)) = (s.id.get(), s.uri.non_empty()) {
                        if uri
                            .strip_prefix(actor.as_str())
                            .and_then(|r| r.strip_prefix("/statuses/"))
                            == Some(id)
                        {
                            self.mastodon_ids = true;
                        }
                    }
                }
            }
        }
        for m in s.mentions.iter().flatten() {
            let (Some(local), Some(url)) = (m.id.get(), m.url.non_empty()) else {
                continue;
            };
            if self.accounts.iter().any(|(id, ..)| id == local) {
                continue;
            }
            let actor = ids::actor_of_profile_url(url).unwrap_or_else(|| url.to_string());
            self.accounts.push((
                local.to_string(),
                actor,
                handle_of(m.acct.get(), m.username.get(), Some(url)),
                is_local(m.acct.get()),
            ));
        }
        if let (Some(id), Some(uri)) = (s.id.get(), s.uri.non_empty()) {
            if !self.statuses.iter().any(|(local, ..)| local == id) {
                self.statuses.push((
                    id.to_string(),
                    uri.to_string(),
                    author_id,
                    author.and_then(account_handle),
                ));
            }
        }
        if let Some(reblog) = s.reblog.as_deref() {
            self.add(reblog);
        }
        if let Some(quoted) = s.quote.as_ref().and_then(|q| q.quoted_status.as_deref()) {
            self.add(quoted);
        }
    }

    fn account(&self, local_id: &str) -> Option<&(String, String, Option<String>, bool)> {
        self.accounts.iter().find(|(id, ..)| id == local_id)
    }

    /// The reference to the status with instance-local id `local_id`, by `account_local_id`.
    fn post_ref(&self, local_id: &str, account_local_id: Option<&str>) -> PostRef {
        if let Some((_, uri, account, handle)) =
            self.statuses.iter().find(|(id, ..)| id == local_id)
        {
            return PostRef {
                post_id: uri.clone(),
                account_id: account.clone(),
                handle: handle.clone(),
            };
        }
        let account = account_local_id.and_then(|a| self.account(a));
        let post_id = match account {
            Some((_, actor, _, true)) if self.mastodon_ids => {
                format!("{actor}/statuses/{local_id}")
            }
            // Known only by its instance-local id, which names no post outside this instance
            // and would overwrite the URI a context page gives the same parent: the post is
            // left unnamed (an empty id is stored as no id), its author still known.
            _ => String::new(),
        };
        PostRef {
            post_id,
            account_id: account.map(|(_, actor, ..)| actor.clone()),
            handle: account.and_then(|(_, _, handle, _)| handle.clone()),
        }
    }
}

/// Who the record's subjects are.
pub enum Subjects<'s> {
    /// Accounts with these actor ids (or local ids) are subjects; everyone else is audience.
    These(Vec<String>),
    /// The account named by `--of` (matched against actor id, handle, `acct`, local id, url).
    Named(&'s str),
    /// Nobody: all authors are audience.
    Nobody,
}

impl Subjects<'_> {
    fn role(&self, account: &Object<'_>) -> Role {
        let actor = account_id(account);
        let is_subject = match self {
            Subjects::These(ids) => ids.iter().any(|id| {
                Some(id.as_str()) == actor.as_deref() || Some(id.as_str()) == account.id.get()
            }),
            Subjects::Named(name) => names(account, name),
            Subjects::Nobody => false,
        };
        if is_subject {
            Role::Subject
        } else {
            Role::Audience
        }
    }
}

impl Subjects<'_> {
    /// The role of an account known only by reference: its actor id and handle.
    fn role_of_ref(&self, reference: &PostRef) -> Role {
        let actor = reference.account_id.as_deref();
        let is_subject = match self {
            Subjects::These(ids) => ids.iter().any(|id| Some(id.as_str()) == actor),
            Subjects::Named(name) => {
                let bare = name.trim().trim_start_matches('@');
                actor == Some(name.trim())
                    || reference
                        .handle
                        .as_deref()
                        .is_some_and(|h| h.eq_ignore_ascii_case(bare))
            }
            Subjects::Nobody => false,
        };
        if is_subject {
            Role::Subject
        } else {
            Role::Audience
        }
    }
}

/// Whether `name` (from `--of`) names this account.
fn names(account: &Object<'_>, name: &str) -> bool {
    let name = name.trim();
    let bare = name.trim_start_matches('@');
    account_id(account).as_deref() == Some(name)
        || account.id.get() == Some(name)
        || account.url.get() == Some(name)
        || account_handle(account).is_some_and(|h| h.eq_ignore_ascii_case(bare))
        || account
            .acct
            .get()
            .is_some_and(|a| a.eq_ignore_ascii_case(bare))
}

/// Accumulates a record's output, emitting each account once (a full record may follow a
/// bare one).
struct Emitter<'o> {
    out: &'o mut Vec<Record>,
    /// Accounts emitted with their full record.
    full: Vec<String>,
    /// Accounts emitted in any form.
    seen: Vec<String>,
    skipped: Skipped,
}

impl Emitter<'_> {
    fn account(&mut self, a: &Object<'_>, role: Role) -> Result<String, ConvertError> {
        let id = account_id(a).ok_or(ConvertError::Missing("account url"))?;
        if self.full.contains(&id) {
            return Ok(id);
        }
        let (record, observation) = account(a, role)?;
        {
            self.full.push(id.clone());
            self.seen.push(id.clone());
            self.out.push(Record::Account(record));
            if let Some(o) = observation {
                self.out.push(Record::AccountObservation(o));
            }
        }
        Ok(id)
    }

    /// A bare record for an account known only by reference (the author of a post replied to
    /// or quoted), unless already emitted.
    fn bare(&mut self, reference: &PostRef, role: Role) {
        let Some(id) = reference.account_id.as_deref() else {
            return;
        };
        if !self.seen.iter().any(|s| s == id) {
            self.seen.push(id.to_string());
            self.out.push(Record::Account(AccountRecord::bare(
                Platform::Mastodon,
                id,
                reference.handle.clone(),
                role,
            )));
        }
    }
}

/// Translates one record of an API file. `collected` is `--of`, when given.
pub fn record(
    rec: &raw::Record<'_>,
    collected: Option<&str>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<Skipped, ConvertError> {
    let mut e = Emitter {
        out,
        full: Vec::new(),
        seen: Vec::new(),
        skipped: Skipped::default(),
    };
    match rec {
        raw::Record::Many(items) => {
            let subjects = match collected {
                Some(name) => Subjects::Named(name),
                None => timeline_subjects(items, warnings),
            };
            let lookup = Lookup::new(items.iter());
            for (i, s) in items.iter().enumerate() {
                if let Err(err) = status(s, &subjects, &lookup, &mut e) {
                    warnings.push(format!("status {} of the page skipped: {err}", i + 1));
                }
            }
        }
        raw::Record::One(obj) => {
            if let Some(error) = obj.error.non_empty() {
                return Err(ConvertError::NotImported(format!(
                    "an API error response: {error}"
                )));
            }
            if obj.ancestors.is_some() || obj.descendants.is_some() {
                context(obj, collected, &mut e, warnings);
            } else if obj.content.is_some() || obj.account.is_some() || obj.reblog.is_some() {
                let subjects = match collected {
                    Some(name) => Subjects::Named(name),
                    None => Subjects::These(
                        obj.account
                            .as_deref()
                            .and_then(account_id)
                            .into_iter()
                            .collect(),
                    ),
                };
                let lookup = Lookup::new(std::iter::once(&**obj));
                status(obj, &subjects, &lookup, &mut e)?;
            } else if obj.username.get().is_some() || obj.acct.get().is_some() {
                // An Account entity (`GET /api/v1/accounts/:id`): a deliberate lookup.
                e.account(obj, Role::Subject)?;
            } else {
                return Err(ConvertError::NotImported(
                    "not a Mastodon status, account or context".into(),
                ));
            }
        }
    }
    Ok(e.skipped)
}

/// The subjects of a page of statuses: its author when one account wrote (or boosted) all of
/// them, as in `GET /api/v1/accounts/:id/statuses`; nobody otherwise (a hashtag or public
/// timeline, a search), with a warning.
fn timeline_subjects(items: &[Object<'_>], warnings: &mut Vec<String>) -> Subjects<'static> {
    let mut authors: Vec<String> = items
        .iter()
        .filter_map(|s| s.account.as_deref().and_then(account_id))
        .collect();
    authors.sort();
    authors.dedup();
    if authors.len() > 1 {
        warnings.push(format!(
            "a page of statuses by {} accounts is not one account's timeline: its authors are taken as audience (name the collected account with --of)",
            authors.len()
        ));
        return Subjects::Nobody;
    }
    Subjects::These(authors)
}

/// A Context response: the statuses above (`ancestors`) and below (`descendants`) a status.
/// Their authors are audience, except the account whose status it is: the one the first-level
/// replies answer (or `--of`).
fn context(
    obj: &Object<'_>,
    collected: Option<&str>,
    e: &mut Emitter<'_>,
    warnings: &mut Vec<String>,
) {
    let ancestors = obj.ancestors.as_deref().unwrap_or(&[]);
    let descendants = obj.descendants.as_deref().unwrap_or(&[]);
    let lookup = Lookup::new(ancestors.iter().chain(descendants));
    let subjects = match collected {
        Some(name) => Subjects::Named(name),
        None => {
            // The focal status is in neither list: the first reply whose parent is not among
            // the descendants answers it, and names its author.
            let focal_author = descendants
                .iter()
                .find(|d| {
                    d.in_reply_to_id
                        .get()
                        .is_some_and(|p| !descendants.iter().any(|o| o.id.get() == Some(p)))
                })
                .and_then(|d| d.in_reply_to_account_id.get());
            match focal_author {
                Some(local) => {
                    if let Some((_, actor, handle, _)) = lookup.account(local) {
                        let reference = PostRef {
                            post_id: String::new(),
                            account_id: Some(actor.clone()),
                            handle: handle.clone(),
                        };
                        e.bare(&reference, Role::Subject);
                        Subjects::These(vec![actor.clone(), local.to_string()])
                    } else {
                        Subjects::These(vec![local.to_string()])
                    }
                }
                None => {
                    if !ancestors.is_empty() {
                        warnings.push(
                            "a context without replies does not say whose status it is: all authors are taken as audience (name the collected account with --of)".into(),
                        );
                    }
                    Subjects::Nobody
                }
            }
        }
    };
    for (list, name) in [(ancestors, "ancestor"), (descendants, "descendant")] {
        for (i, s) in list.iter().enumerate() {
            if let Err(err) = status(s, &subjects, &lookup, e) {
                warnings.push(format!("{name} {} skipped: {err}", i + 1));
            }
        }
    }
}

fn is_public(s: &Object<'_>, e: &mut Emitter<'_>) -> bool {
    match s.visibility.get() {
        Some("private") => {
            e.skipped.followers_only += 1;
            false
        }
        Some("direct" | "limited") => {
            e.skipped.direct += 1;
            false
        }
        _ => true,
    }
}

/// One status (with what it embeds).
fn status(
    s: &Object<'_>,
    subjects: &Subjects<'_>,
    lookup: &Lookup,
    e: &mut Emitter<'_>,
) -> Result<(), ConvertError> {
    if !is_public(s, e) {
        return Ok(());
    }
    let author = s
        .account
        .as_deref()
        .ok_or(ConvertError::Missing("account"))?;
    let role = subjects.role(author);
    if let Some(original) = s.reblog.as_deref() {
        let id = s.uri.non_empty().ok_or(ConvertError::Missing("uri"))?;
        let created_at = required_time(s.created_at.get(), "created_at")?;
        let original_post = post(original, subjects, lookup, e)?;
        let author_id = e.account(author, role)?;
        let referenced = PostRef {
            post_id: original_post.id.clone(),
            account_id: Some(original_post.author_id.clone()),
            handle: original.account.as_deref().and_then(account_handle),
        };
        e.out.push(Record::Post(Box::new(original_post)));
        e.out.push(Record::Post(Box::new(Post {
            platform: Platform::Mastodon,
            id: id.to_string(),
            author_id,
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
        return Ok(());
    }
    let p = post(s, subjects, lookup, e)?;
    e.out.push(Record::Post(Box::new(p)));
    Ok(())
}

/// The post of a status that is not a boost, after its author's account (and, for a quote,
/// the quoted post when embedded).
fn post(
    s: &Object<'_>,
    subjects: &Subjects<'_>,
    lookup: &Lookup,
    e: &mut Emitter<'_>,
) -> Result<Post, ConvertError> {
    let id = s
        .uri
        .non_empty()
        .ok_or(ConvertError::Missing("uri"))?
        .trim();
    let created_at = required_time(s.created_at.get(), "created_at")?;
    let author = s
        .account
        .as_deref()
        .ok_or(ConvertError::Missing("account"))?;
    let author_id = e.account(author, subjects.role(author))?;

    // A quote: the quoted status, emitted before the quote when embedded and readable.
    let mut referenced = None;
    if let Some(q) = &s.quote {
        let accepted = q.state.get().is_none_or(|state| state == "accepted");
        if let (true, Some(quoted)) = (accepted, q.quoted_status.as_deref()) {
            if is_public(quoted, e) {
                if let Ok(quoted_post) = post(quoted, subjects, lookup, e) {
                    referenced = Some(PostRef {
                        post_id: quoted_post.id.clone(),
                        account_id: Some(quoted_post.author_id.clone()),
                        handle: quoted.account.as_deref().and_then(account_handle),
                    });
                    e.out.push(Record::Post(Box::new(quoted_post)));
                }
            }
        } else if let (true, Some(local)) = (accepted, q.quoted_status_id.get()) {
            referenced = Some(lookup.post_ref(local, None));
        }
    }
    let parent = s
        .in_reply_to_id
        .get()
        .map(|p| lookup.post_ref(p, s.in_reply_to_account_id.get()));
    for reference in parent.iter().chain(referenced.iter()) {
        e.bare(reference, subjects.role_of_ref(reference));
    }

    let converted = html::to_text(s.content.as_ref().and_then(|c| c.get()).unwrap_or(""));
    let text = text_with_warning(s.spoiler_text.non_empty(), converted.text);
    let hashtags = match &s.tags {
        Some(tags) => tags
            .iter()
            .filter_map(|t| t.name.non_empty())
            .map(|n| n.trim().trim_start_matches('#').to_string())
            .collect(),
        None => dipl_text::extract_hashtags(&text),
    };
    let mentions = match &s.mentions {
        Some(mentions) => mentions
            .iter()
            .filter_map(|m| handle_of(m.acct.get(), m.username.get(), m.url.non_empty()))
            .collect(),
        None => dipl_text::extract_mentions(&text),
    };
    let mut media = Vec::new();
    for m in s.media_attachments.iter().flatten() {
        let kind = match m.kind.get() {
            Some("image") => Some(MediaKind::Photo),
            Some("gifv") => Some(MediaKind::Gif),
            Some("video") => Some(MediaKind::Video),
            _ => None,
        };
        if let Some(kind) = kind {
            push_media(&mut media, kind);
        }
    }
    let quoted_url = referenced.as_ref().map(|r| r.post_id.as_str());
    let mut urls: Vec<String> = converted
        .links
        .into_iter()
        .filter(|u| Some(u.as_str()) != quoted_url)
        .collect();
    if s.tags.is_none() && s.mentions.is_none() && urls.is_empty() {
        // Not Mastodon's markup: links may be bare text.
        urls = dipl_text::extract_urls(&text);
    }
    let has_card = s.card.as_ref().is_some_and(|c| c.url.non_empty().is_some());
    if !urls.is_empty() || has_card {
        push_media(&mut media, MediaKind::Link);
    }
    let kind = PostKind::classify(false, parent.is_some(), referenced.is_some());
    Ok(Post {
        platform: Platform::Mastodon,
        id: id.to_string(),
        author_id,
        created_at,
        kind,
        parent,
        referenced,
        conversation_id: None,
        text,
        lang: s.language.non_empty().map(|l| l.trim().to_string()),
        media,
        urls,
        hashtags,
        mentions,
        edited: s.edited_at.non_empty().is_some(),
        deleted: false,
        counters: Counters {
            likes: count(s.favourites_count),
            reposts: count(s.reblogs_count),
            replies: count(s.replies_count),
            quotes: count(s.quotes_count),
            views: None,
            bookmarks: None,
        },
        reactions: Vec::new(),
        observed_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(json: &str) -> Object<'_> {
        serde_json::from_str(json).expect("object")
    }

    #[test]
    fn account_ids_agree_with_the_archive() {
        let a = obj(
            r#"{"id": "1", "username": "mfa_kz", "acct": "mfa_kz", "url": "https://social.example-mfa.gov/@mfa_kz"}"#,
        );
        assert_eq!(
            account_id(&a).as_deref(),
            Some("https://social.example-mfa.gov/users/mfa_kz")
        );
        assert_eq!(
            account_handle(&a).as_deref(),
            Some("mfa_kz@social.example-mfa.gov")
        );
        let a = obj(
            r#"{"id": "2", "username": "ana", "acct": "ana@diaspora.example", "url": "https://misskey.example/@ana", "uri": "https://misskey.example/users/9abc"}"#,
        );
        assert_eq!(
            account_id(&a).as_deref(),
            Some("https://misskey.example/users/9abc")
        );
        assert_eq!(account_handle(&a).as_deref(), Some("ana@diaspora.example"));
        let a = obj(
            r#"{"id": "3", "username": "x", "acct": "x@p.example", "url": "https://p.example/users/x"}"#,
        );
        assert_eq!(account_id(&a).as_deref(), Some("https://p.example/users/x"));
        let a = obj(r#"{"id": "4", "username": "x"}"#);
        assert_eq!(account_id(&a), None);
    }

    #[test]
    fn parents_resolve_within_the_record() {
        let page: Vec<Object<'_>> = serde_json::from_str(
            r#"[
            {"id": "20", "uri": "https://h.example/users/mfa/statuses/20", "in_reply_to_id": "10", "in_reply_to_account_id": "1",
             "account": {"id": "1", "username": "mfa", "acct": "mfa", "url": "https://h.example/@mfa"}},
            {"id": "10", "uri": "https://h.example/users/mfa/statuses/10",
             "account": {"id": "1", "username": "mfa", "acct": "mfa", "url": "https://h.example/@mfa"},
             "mentions": [{"id": "7", "username": "ana", "acct": "ana", "url": "https://h.example/@ana"},
                          {"id": "8", "username": "bo", "acct": "bo@o.example", "url": "https://o.example/@bo"}]}
        ]"#,
        )
        .expect("page");
        let lookup = Lookup::new(page.iter());
        assert!(lookup.mastodon_ids);
        let r = lookup.post_ref("10", Some("1"));
        assert_eq!(r.post_id, "https://h.example/users/mfa/statuses/10");
        assert_eq!(r.account_id.as_deref(), Some("https://h.example/users/mfa"));
        // Not in the page, by a local account: the URI follows from the local id.
        let r = lookup.post_ref("5", Some("7"));
        assert_eq!(r.post_id, "https://h.example/users/ana/statuses/5");
        assert_eq!(r.handle.as_deref(), Some("ana@h.example"));
        // By a remote account: only the instance-local id is known, which names nothing
        // elsewhere: no post id, the author only.
        let r = lookup.post_ref("6", Some("8"));
        assert_eq!(r.post_id, "");
        assert_eq!(r.account_id.as_deref(), Some("https://o.example/users/bo"));
        assert_eq!(r.handle.as_deref(), Some("bo@o.example"));
        let r = lookup.post_ref("9", Some("99"));
        assert_eq!((r.post_id.as_str(), r.account_id), ("", None));
    }
}

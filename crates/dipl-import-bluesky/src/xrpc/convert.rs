//! Pure translation of one XRPC response ([`crate::raw::Response`]) into model records.
//!
//! A response gives, in order: the account of every profile it shows (once each, with an
//! observation when the view has counters), then its posts (a post's embedded quoted post and
//! the feed item's reply root and parent come before it), then follow edges.

use std::collections::{HashMap, HashSet};

use dipl_model::{Counters, Follow, Platform, Post, Record, Role};

use crate::convert::{self as common, did_of, Handles, Repo};
use crate::date;
use crate::error::ConvertError;
use crate::raw::{count, EmbedRecord, FeedItem, PostView, Profile, Response, ThreadNode};

/// Which response a record is, from its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Feed,
    Thread,
    Posts,
    Likes,
    RepostedBy,
    Follows,
    Followers,
    Profiles,
    Actors,
    List,
    Records,
    Record,
    Error,
}

impl Shape {
    pub fn of(r: &Response<'_>) -> Option<Shape> {
        Some(if r.error.is_some() && r.did.is_none() {
            Shape::Error
        } else if r.feed.is_some() {
            Shape::Feed
        } else if r.thread.is_some() {
            Shape::Thread
        } else if r.likes.is_some() {
            Shape::Likes
        } else if r.reposted_by.is_some() {
            Shape::RepostedBy
        } else if r.follows.is_some() {
            Shape::Follows
        } else if r.followers.is_some() {
            Shape::Followers
        } else if r.profiles.is_some() {
            Shape::Profiles
        } else if r.posts.is_some() {
            Shape::Posts
        } else if r.actors.is_some() {
            Shape::Actors
        } else if r.items.is_some() || r.list.is_some() {
            Shape::List
        } else if r.records.is_some() {
            Shape::Records
        } else if r.value.is_some() && r.uri.is_some() {
            Shape::Record
        } else {
            return None;
        })
    }
}

/// Whether a response is a profile view itself (`getProfile`).
pub fn is_profile(r: &Response<'_>) -> bool {
    r.did.is_some() && Shape::of(r).is_none()
}

/// Collects what a response shows, then emits it in order.
#[derive(Default)]
struct Builder<'r, 'a> {
    /// Profiles in order of first appearance.
    profiles: Vec<&'r Profile<'a>>,
    profile_index: HashMap<&'r str, usize>,
    /// Authors known only by DID (a post view without `author`).
    bare_authors: Vec<String>,
    subjects: HashSet<String>,
    handles: Handles<'r>,
    posts: Vec<Post>,
    seen_posts: HashSet<String>,
    follows: Vec<Follow>,
    observations: bool,
}

impl<'r, 'a> Builder<'r, 'a> {
    fn new() -> Self {
        Builder {
            observations: true,
            ..Default::default()
        }
    }

    fn profile(&mut self, profile: Option<&'r Profile<'a>>) {
        let Some(profile) = profile else { return };
        let Some(did) = profile.did.as_deref() else {
            return;
        };
        match self.profile_index.get(did) {
            // Keep the first view, unless a later one has counters it lacks.
            Some(&i) => {
                let has_counts = |p: &Profile<'_>| p.followers_count.is_some();
                if !has_counts(self.profiles[i]) && has_counts(profile) {
                    self.profiles[i] = profile;
                }
            }
            None => {
                self.profile_index.insert(did, self.profiles.len());
                self.profiles.push(profile);
            }
        }
        self.handles.add(profile);
    }

    fn subject(&mut self, did: &str) {
        self.subjects.insert(did.to_string());
    }

    /// The profiles a post view shows: its author and the author of its embedded record.
    fn post_view_profiles(&mut self, view: Option<&'r PostView<'a>>) {
        let Some(view) = view else { return };
        self.profile(view.author.as_ref());
        if let Some(embedded) = view.embed.as_ref().and_then(|e| e.record.as_deref()) {
            self.profile(embedded.author.as_ref());
            if let Some(inner) = embedded.record.as_deref() {
                self.profile(inner.author.as_ref());
            }
        }
    }

    fn push_post(&mut self, post: Post) {
        if self.seen_posts.insert(post.id.clone()) {
            self.posts.push(post);
        }
    }

    /// A post view as a post, after the quoted post it embeds (when the view shows it).
    fn post_view(&mut self, view: &PostView<'a>, warnings: &mut Vec<String>) {
        let Some(uri) = view.uri.as_deref() else {
            warnings.push("a post view without `uri` skipped".to_string());
            return;
        };
        if self.seen_posts.contains(uri) {
            return;
        }
        if view.not_found == Some(true) || view.blocked == Some(true) {
            let why = if view.blocked == Some(true) {
                "blocked"
            } else {
                "not found"
            };
            warnings.push(format!("post {uri} is {why}: not imported"));
            return;
        }
        let Some(record) = view.record.as_ref() else {
            warnings.push(format!("post {uri} has no `record`: skipped"));
            return;
        };
        if let Some(embedded) = view.embed.as_ref().and_then(|e| e.record.as_deref()) {
            self.embedded_post(embedded, warnings);
        }
        let author = view
            .author
            .as_ref()
            .and_then(|a| a.did.as_deref())
            .or_else(|| did_of(uri));
        let Some(author) = author else {
            warnings.push(format!("post {uri} skipped: no `author.did`"));
            return;
        };
        if view.author.as_ref().and_then(|a| a.did.as_ref()).is_none() {
            self.bare_authors.push(author.to_string());
        }
        let counters = Counters {
            likes: count(view.like_count),
            reposts: count(view.repost_count),
            replies: count(view.reply_count),
            quotes: count(view.quote_count),
            views: None,
            bookmarks: count(view.bookmark_count),
        };
        match common::post(
            uri,
            author,
            record,
            counters,
            view.indexed_at.as_deref(),
            &self.handles,
        ) {
            Ok(post) => self.push_post(post),
            Err(e) => warnings.push(format!("post {uri} skipped: {e}")),
        }
    }

    /// The quoted post shown in a post's embed view (`#viewRecord`, possibly inside
    /// `recordWithMedia#view`), with the counters the view gives.
    fn embedded_post(&mut self, embedded: &EmbedRecord<'a>, warnings: &mut Vec<String>) {
        let view = match embedded.record.as_deref() {
            Some(inner) if embedded.value.is_none() => inner,
            _ => embedded,
        };
        let (Some(uri), Some(value)) = (view.uri.as_deref(), view.value.as_ref()) else {
            return;
        };
        let is_post = value.kind.as_deref() == Some(common::POST)
            || common::AtUri::parse(uri).and_then(|u| u.collection) == Some(common::POST);
        if !is_post || self.seen_posts.contains(uri) {
            return;
        }
        let author = view
            .author
            .as_ref()
            .and_then(|a| a.did.as_deref())
            .or_else(|| did_of(uri));
        let Some(author) = author else { return };
        if view.author.as_ref().and_then(|a| a.did.as_ref()).is_none() {
            self.bare_authors.push(author.to_string());
        }
        let counters = Counters {
            likes: count(view.like_count),
            reposts: count(view.repost_count),
            replies: count(view.reply_count),
            quotes: count(view.quote_count),
            views: None,
            bookmarks: None,
        };
        match common::post(
            uri,
            author,
            value,
            counters,
            view.indexed_at.as_deref(),
            &self.handles,
        ) {
            Ok(post) => self.push_post(post),
            Err(e) => warnings.push(format!("quoted post {uri} skipped: {e}")),
        }
    }

    fn finish(self, out: &mut Vec<Record>) {
        let role = |did: &str| {
            if self.subjects.contains(did) {
                Role::Subject
            } else {
                Role::Audience
            }
        };
        let mut emitted: HashSet<&str> = HashSet::new();
        for profile in &self.profiles {
            if let Some(did) = profile.did.as_deref() {
                if emitted.insert(did) {
                    common::account(profile, role(did), out, self.observations);
                }
            }
        }
        let mut extra: Vec<&str> = self
            .bare_authors
            .iter()
            .map(String::as_str)
            .chain(self.subjects.iter().map(String::as_str))
            .filter(|did| !emitted.contains(did))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        for did in extra {
            out.push(Record::Account(dipl_model::AccountRecord::bare(
                Platform::Bluesky,
                did,
                None,
                role(did),
            )));
        }
        out.extend(self.posts.into_iter().map(|p| Record::Post(Box::new(p))));
        out.extend(self.follows.into_iter().map(Record::Follow));
    }
}

/// Translates one response.
pub fn response(
    r: &Response<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let shape = Shape::of(r).ok_or_else(|| {
        ConvertError::NotImported("not a Bluesky XRPC response this importer reads".to_string())
    })?;
    let mut b = Builder::new();
    match shape {
        Shape::Error => {
            return Err(ConvertError::NotImported(format!(
                "an error response: {}{}",
                r.error.as_deref().unwrap_or(""),
                r.message
                    .as_deref()
                    .map_or(String::new(), |m| format!(": {m}"))
            )))
        }
        Shape::Feed => feed(r.feed.as_deref().unwrap_or(&[]), &mut b, warnings),
        Shape::Thread => {
            if let Some(thread) = &r.thread {
                self::thread(thread, &mut b, warnings);
            }
        }
        Shape::Posts => {
            let posts = r.posts.as_deref().unwrap_or(&[]);
            for view in posts {
                b.post_view_profiles(Some(view));
            }
            for view in posts {
                b.post_view(view, warnings);
            }
        }
        Shape::Likes => {
            for like in r.likes.iter().flatten() {
                b.profile(like.actor.as_ref());
            }
        }
        Shape::RepostedBy => {
            for profile in r.reposted_by.iter().flatten() {
                b.profile(Some(profile));
            }
        }
        Shape::Follows | Shape::Followers => {
            let subject = r.subject.as_ref().and_then(|s| s.did.as_deref());
            b.profile(r.subject.as_ref());
            if let Some(subject) = subject {
                b.subject(subject);
            } else {
                warnings.push("no `subject`: the follow edges are unknown".to_string());
            }
            let list = if shape == Shape::Follows {
                &r.follows
            } else {
                &r.followers
            };
            for profile in list.iter().flatten() {
                b.profile(Some(profile));
                let (Some(subject), Some(other)) = (subject, profile.did.as_deref()) else {
                    continue;
                };
                let (follower, followed) = if shape == Shape::Follows {
                    (subject, other)
                } else {
                    (other, subject)
                };
                b.follows.push(Follow {
                    platform: Platform::Bluesky,
                    follower_id: follower.to_string(),
                    followed_id: followed.to_string(),
                    observed_at: None,
                });
            }
        }
        Shape::Profiles => {
            for profile in r.profiles.iter().flatten() {
                b.profile(Some(profile));
                if let Some(did) = profile.did.as_deref() {
                    b.subject(did);
                }
            }
        }
        Shape::Actors => {
            for profile in r.actors.iter().flatten() {
                b.profile(Some(profile));
            }
        }
        Shape::List => {
            b.profile(r.list.as_ref().and_then(|l| l.creator.as_ref()));
            for item in r.items.iter().flatten() {
                b.profile(item.subject.as_ref());
            }
        }
        Shape::Records => {
            let entries = r.records.as_deref().unwrap_or(&[]);
            repo_records(
                entries.iter().map(|e| (e.uri.as_deref(), e.value.as_ref())),
                out,
                warnings,
            );
            return Ok(());
        }
        Shape::Record => {
            repo_records(
                std::iter::once((r.uri.as_deref(), r.value.as_ref())),
                out,
                warnings,
            );
            return Ok(());
        }
    }
    b.finish(out);
    Ok(())
}

/// A profile view on its own (`getProfile`): a subject.
pub fn profile(p: &Profile<'_>, out: &mut Vec<Record>) -> Result<(), ConvertError> {
    let did = p.did.as_deref().ok_or(ConvertError::Missing("did"))?;
    let mut b = Builder::new();
    b.profile(Some(p));
    b.subject(did);
    b.finish(out);
    Ok(())
}

/// Whose feed a page is: the one account that authored every item that is not a repost and
/// reposted every repost. `None` for a page of several authors (a timeline, a custom feed, an
/// actor's likes) and for an empty page.
pub fn feed_owner<'r>(items: &'r [FeedItem<'_>]) -> Option<&'r str> {
    let mut owner: Option<&str> = None;
    for item in items {
        let who = match &item.reason {
            Some(reason) if is_repost_reason(reason.kind.as_deref()) => {
                reason.by.as_ref().and_then(|b| b.did.as_deref())
            }
            _ => item.post.as_ref().and_then(|p| {
                p.author
                    .as_ref()
                    .and_then(|a| a.did.as_deref())
                    .or_else(|| p.uri.as_deref().and_then(did_of))
            }),
        };
        let who = who?;
        match owner {
            None => owner = Some(who),
            Some(o) if o == who => {}
            Some(_) => return None,
        }
    }
    owner
}

fn is_repost_reason(kind: Option<&str>) -> bool {
    kind.is_some_and(|k| k.ends_with("#reasonRepost"))
}

fn feed<'r, 'a>(items: &'r [FeedItem<'a>], b: &mut Builder<'r, 'a>, warnings: &mut Vec<String>) {
    for item in items {
        b.post_view_profiles(item.post.as_ref());
        if let Some(reply) = &item.reply {
            b.post_view_profiles(reply.root.as_ref());
            b.post_view_profiles(reply.parent.as_ref());
        }
        if let Some(reason) = &item.reason {
            b.profile(reason.by.as_ref());
        }
    }
    if let Some(owner) = feed_owner(items) {
        b.subject(owner);
    }
    for (i, item) in items.iter().enumerate() {
        let Some(view) = &item.post else {
            warnings.push(format!("feed item {} has no `post`: skipped", i + 1));
            continue;
        };
        if let Some(reply) = &item.reply {
            // The thread context is shown for readers; a missing root or parent (deleted,
            // blocked) is no news about this post, so it is not reported.
            for context in [&reply.root, &reply.parent].into_iter().flatten() {
                if context.record.is_some() {
                    b.post_view(context, warnings);
                }
            }
        }
        b.post_view(view, warnings);
        let Some(reason) = &item.reason else { continue };
        if !is_repost_reason(reason.kind.as_deref()) {
            continue;
        }
        let (Some(subject), Some(by)) = (
            view.uri.as_deref(),
            reason.by.as_ref().and_then(|p| p.did.as_deref()),
        ) else {
            warnings.push(format!("feed item {}: a repost without `by.did`", i + 1));
            continue;
        };
        let Some(at) = reason.indexed_at.as_deref().and_then(date::parse) else {
            warnings.push(format!(
                "feed item {}: repost of {subject} skipped: no readable `reason.indexedAt`",
                i + 1
            ));
            continue;
        };
        // Newer AppViews give the repost record's own URI; otherwise the id is made of the
        // reposter and the post (one account reposts a post at most once at a time).
        let id = reason
            .uri
            .as_deref()
            .map_or_else(|| format!("repost:{by}:{subject}"), str::to_string);
        let post = common::repost(id, by, at, subject, &b.handles);
        b.push_post(post);
    }
}

fn thread<'r, 'a>(root: &'r ThreadNode<'a>, b: &mut Builder<'r, 'a>, warnings: &mut Vec<String>) {
    // Ancestors, nearest first.
    let mut ancestors: Vec<&ThreadNode<'_>> = Vec::new();
    let mut node = root.parent.as_deref();
    while let Some(n) = node {
        ancestors.push(n);
        node = n.parent.as_deref();
    }
    for n in &ancestors {
        b.post_view_profiles(n.post.as_ref());
    }
    b.post_view_profiles(root.post.as_ref());
    thread_reply_profiles(root.replies.as_deref().unwrap_or(&[]), b);

    for n in ancestors.iter().rev() {
        thread_node(n, b, warnings);
    }
    thread_node(root, b, warnings);
    thread_replies(root.replies.as_deref().unwrap_or(&[]), b, warnings);
}

fn thread_reply_profiles<'r, 'a>(replies: &'r [ThreadNode<'a>], b: &mut Builder<'r, 'a>) {
    for reply in replies {
        b.post_view_profiles(reply.post.as_ref());
        thread_reply_profiles(reply.replies.as_deref().unwrap_or(&[]), b);
    }
}

fn thread_replies<'a>(
    replies: &[ThreadNode<'a>],
    b: &mut Builder<'_, 'a>,
    warnings: &mut Vec<String>,
) {
    for reply in replies {
        thread_node(reply, b, warnings);
        thread_replies(reply.replies.as_deref().unwrap_or(&[]), b, warnings);
    }
}

fn thread_node<'a>(node: &ThreadNode<'a>, b: &mut Builder<'_, 'a>, warnings: &mut Vec<String>) {
    match &node.post {
        Some(view) => b.post_view(view, warnings),
        None => {
            let uri = node.uri.as_deref().unwrap_or("?");
            let kind = node.kind.as_deref().unwrap_or("");
            let why = if node.blocked == Some(true) || kind.ends_with("#blockedPost") {
                "blocked"
            } else if node.not_found == Some(true) || kind.ends_with("#notFoundPost") {
                "not found (deleted?)"
            } else {
                "not shown"
            };
            warnings.push(format!("thread post {uri} is {why}: not imported"));
        }
    }
}

/// Repository records listed by `com.atproto.repo.listRecords` (or one `getRecord`): the same
/// translation as a CAR export, each repository's owner a subject.
fn repo_records<'r, 'a: 'r>(
    entries: impl Iterator<Item = (Option<&'r str>, Option<&'r crate::raw::RecordValue<'a>>)>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) {
    let mut repos: Vec<Repo> = Vec::new();
    for (i, (uri, value)) in entries.enumerate() {
        let parsed = uri.and_then(common::AtUri::parse);
        let (Some(owner), Some(collection), Some(rkey)) = (
            parsed.and_then(|u| u.did()),
            parsed.and_then(|u| u.collection),
            parsed.and_then(|u| u.rkey),
        ) else {
            warnings.push(format!(
                "record {} skipped: {}",
                i + 1,
                ConvertError::BadUri(uri.unwrap_or("").to_string())
            ));
            continue;
        };
        let Some(value) = value else {
            warnings.push(format!("record {} skipped: no `value`", i + 1));
            continue;
        };
        let at = match repos.iter().position(|r| r.owner == owner) {
            Some(at) => at,
            None => {
                let repo = Repo::new(owner);
                out.push(repo.owner_account(None));
                repos.push(repo);
                repos.len() - 1
            }
        };
        if let Err(e) = repos[at].record(collection, rkey, value, out) {
            warnings.push(format!("record {} skipped: {e}", uri.unwrap_or("")));
        }
    }
    for repo in &repos {
        if let Some(note) = repo.not_imported() {
            warnings.push(note);
        }
    }
}

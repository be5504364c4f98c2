//! Pure translation of v1.1 objects ([`super::raw`]) into model records.
//!
//! Per tweet, in this order: the author's account and observation, the embedded post it
//! retweets or quotes (with its author), then the post itself. A retweet gets empty counters:
//! on v1.1 its `retweet_count` is the original's and its `favorite_count` 0; the original,
//! embedded as `retweeted_status`, is emitted as its own post with its own counters.

use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role, Timestamp,
};

use super::raw::{Entities, Tweet, User};
use crate::date;
use crate::entities::{self, add_link_kind, media_kind, non_empty, push_media, status_link};
use crate::error::ConvertError;
use crate::number::{count, Id};

/// The owner of an account archive: the author of every tweet in `tweets.js`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub id: String,
    pub handle: Option<String>,
}

/// What the file (not the record) says about its tweets.
#[derive(Debug, Clone, Copy)]
pub struct Context<'c> {
    /// Role of the authors of top-level tweets (embedded tweets' authors are always audience).
    pub top_role: Role,
    /// Collection time stated by the file, if any.
    pub observed_at: Option<Timestamp>,
    /// The account archive: tweets carry no `user`, retweets are known only by their `RT @`
    /// text and quotes only by the link to the quoted post.
    pub owner: Option<&'c Owner>,
    /// The archive's `deleted-tweets.js`.
    pub deleted: bool,
}

impl Context<'_> {
    /// A v1.1 API dump (timeline, search, stream) with the module's role rule.
    pub const API: Context<'static> = Context {
        top_role: Role::Subject,
        observed_at: None,
        owner: None,
        deleted: false,
    };
}

/// How deep embedded tweets are followed: a retweet (0) of a quote (1) of a post (2).
const MAX_DEPTH: u8 = 2;

/// The name of the stream control message this object is, if it is one.
pub fn control_message(t: &Tweet<'_>) -> Option<&'static str> {
    if t.id_str.is_some() || t.id.is_some() {
        return None;
    }
    [
        ("delete", t.delete.is_some()),
        ("limit", t.limit.is_some()),
        ("scrub_geo", t.scrub_geo.is_some()),
        ("status_withheld", t.status_withheld.is_some()),
        ("user_withheld", t.user_withheld.is_some()),
        ("disconnect", t.disconnect.is_some()),
        ("warning", t.warning.is_some()),
        ("friends", t.friends.is_some()),
        ("event", t.event.is_some()),
    ]
    .into_iter()
    .find_map(|(name, present)| present.then_some(name))
}

/// Translates one top-level v1.1 object: a tweet, a search page, or (skipped) a control message.
pub fn top_level(
    t: &Tweet<'_>,
    ctx: &Context<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    if let Some(name) = control_message(t) {
        return Err(ConvertError::NotImported(format!(
            "stream control message `{name}` (not a tweet)"
        )));
    }
    if let Some(statuses) = &t.statuses {
        // A search page: its tweets are others' posts about the query.
        let page_ctx = Context {
            top_role: Role::Audience,
            ..*ctx
        };
        for (i, status) in statuses.iter().enumerate() {
            if let Err(e) = top_level(status, &page_ctx, out, warnings) {
                warnings.push(format!("status {} of the search page skipped: {e}", i + 1));
            }
        }
        return Ok(());
    }
    if t.id_str.is_none() && t.id.is_none() && t.screen_name.is_some() {
        return Err(ConvertError::NotImported(
            "a user object, not a tweet (import it as twitter.users)".into(),
        ));
    }
    // Streaming payloads carry their delivery time: counters are as of then, and a stream is
    // others' posts matching a filter.
    let (role, observed_at) = match count(t.timestamp_ms) {
        Some(ms) => (
            Role::Audience,
            ctx.observed_at.or(Some(Timestamp((ms / 1000) as i64))),
        ),
        None => (ctx.top_role, ctx.observed_at),
    };
    emit(t, role, observed_at, ctx, 0, out, warnings)
}

fn emit(
    t: &Tweet<'_>,
    role: Role,
    observed_at: Option<Timestamp>,
    ctx: &Context<'_>,
    depth: u8,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let post = post(t, ctx, observed_at)?;
    if let Some(user) = &t.user {
        account(user, role, observed_at, out);
    }
    if depth < MAX_DEPTH {
        let embedded = match (&t.retweeted_status, &t.quoted_status) {
            (Some(rt), _) => Some((rt, "retweeted")),
            (None, Some(quoted)) => Some((quoted, "quoted")),
            (None, None) => None,
        };
        if let Some((inner, what)) = embedded {
            if let Err(e) = emit(
                inner,
                Role::Audience,
                observed_at,
                ctx,
                depth + 1,
                out,
                warnings,
            ) {
                warnings.push(format!("{what} tweet not imported: {e}"));
            }
        }
    }
    out.push(Record::Post(Box::new(post)));
    Ok(())
}

fn id_of<'a>(id_str: &'a Option<Id<'_>>, id: &'a Option<Id<'_>>) -> Option<&'a str> {
    id_str.as_ref().or(id.as_ref()).map(Id::as_str)
}

/// Account record and observation of a v1.1 user object; nothing for a user without an id.
pub fn account(
    user: &User<'_>,
    role: Role,
    observed_at: Option<Timestamp>,
    out: &mut Vec<Record>,
) -> bool {
    let Some(id) = id_of(&user.id_str, &user.id) else {
        return false;
    };
    out.push(Record::Account(AccountRecord {
        platform: Platform::Twitter,
        id: id.to_string(),
        handle: non_empty(user.screen_name.as_deref()),
        display_name: non_empty(user.name.as_deref()),
        role,
        created_at: user.created_at.as_deref().and_then(date::parse_v1),
        verified: user.verified,
        location: non_empty(user.location.as_deref()),
        lang: non_empty(user.lang.as_deref()),
        description: non_empty(user.description.as_deref()),
    }));
    let observation = AccountObservation {
        platform: Platform::Twitter,
        account_id: id.to_string(),
        observed_at,
        followers: count(user.followers_count),
        following: count(user.friends_count),
        posts_count: count(user.statuses_count),
        listed_count: count(user.listed_count),
    };
    let has_counts = observation.followers.is_some()
        || observation.following.is_some()
        || observation.posts_count.is_some()
        || observation.listed_count.is_some();
    if has_counts {
        out.push(Record::AccountObservation(observation));
    }
    true
}

/// A user object of a `users/lookup` answer: the accounts looked up are the subjects.
pub fn user_object(user: &User<'_>, out: &mut Vec<Record>) -> Result<(), ConvertError> {
    if user.text.is_some() || user.full_text.is_some() {
        return Err(ConvertError::NotImported(
            "a tweet, not a user object (import it as twitter.v1)".into(),
        ));
    }
    if !account(user, Role::Subject, None, out) {
        return Err(ConvertError::NotImported(
            match user.screen_name.as_deref() {
                Some(handle) => format!("user `{handle}` has no id (a stub)"),
                None => "a user object without id".into(),
            },
        ));
    }
    Ok(())
}

fn post(
    t: &Tweet<'_>,
    ctx: &Context<'_>,
    observed_at: Option<Timestamp>,
) -> Result<Post, ConvertError> {
    let id = id_of(&t.id_str, &t.id).ok_or(ConvertError::Missing("id_str"))?;
    let author_id = match (&t.user, ctx.owner) {
        (Some(user), _) => {
            id_of(&user.id_str, &user.id).ok_or(ConvertError::Missing("user.id_str"))?
        }
        (None, Some(owner)) => owner.id.as_str(),
        (None, None) => return Err(ConvertError::Missing("user")),
    };
    let created_at = date::created_at(t.created_at.as_deref(), date::parse_v1)?;
    let extended = t.extended_tweet.as_ref();
    let text = extended
        .and_then(|e| e.full_text.as_deref())
        .or(t.full_text.as_deref())
        .or(t.text.as_deref())
        .unwrap_or("");
    let entities = extended
        .and_then(|e| e.entities.as_ref())
        .or(t.entities.as_ref());
    let (hashtags, mentions, urls) = match entities {
        Some(e) => entity_lists(e, id),
        None => entities::extract(text),
    };
    let media_list = extended
        .and_then(|e| e.extended_entities.as_ref())
        .or(t.extended_entities.as_ref())
        .and_then(|e| e.media.as_ref())
        .or(entities.and_then(|e| e.media.as_ref()));
    let mut media: Vec<MediaKind> = Vec::new();
    for m in media_list.into_iter().flatten() {
        if let Some(kind) = m.kind.as_deref().and_then(media_kind) {
            push_media(&mut media, kind);
        }
    }
    add_link_kind(&mut media, &urls);

    let archive = ctx.owner.is_some();
    let is_repost = t.retweeted_status.is_some() || (archive && text.starts_with("RT @"));
    let reply_to = id_of(&t.in_reply_to_status_id_str, &t.in_reply_to_status_id);
    let quoted_status_id = id_of(&t.quoted_status_id_str, &t.quoted_status_id).or_else(|| {
        t.quoted_status
            .as_ref()
            .and_then(|q| id_of(&q.id_str, &q.id))
    });
    // The archive has no quote fields: a quote is a post whose last link points to a post.
    let archive_quote = (archive && quoted_status_id.is_none() && !is_repost)
        .then(|| {
            urls.last()
                .and_then(|u| status_link(u))
                .filter(|(_, linked)| *linked != id)
        })
        .flatten();
    let quoted_id = quoted_status_id.or(archive_quote.map(|(_, linked)| linked));
    let is_quote =
        quoted_id.is_some() || t.quoted_status.is_some() || t.is_quote_status == Some(true);
    let kind = PostKind::classify(is_repost, reply_to.is_some(), is_quote);

    let parent = reply_to.map(|post_id| PostRef {
        post_id: post_id.to_string(),
        account_id: id_of(&t.in_reply_to_user_id_str, &t.in_reply_to_user_id).map(str::to_string),
        handle: non_empty(t.in_reply_to_screen_name.as_deref()),
    });
    let referenced = if is_repost {
        t.retweeted_status.as_deref().and_then(embedded_ref)
    } else if let Some(quoted_id) = quoted_id {
        let quoted = t.quoted_status.as_deref();
        let quoted_user = quoted.and_then(|q| q.user.as_ref());
        // Without the embedded quote, the handle is in the link to it.
        let linked_handle = || {
            urls.iter()
                .filter_map(|u| status_link(u))
                .find(|(_, linked)| *linked == quoted_id)
                .map(|(handle, _)| handle.to_string())
        };
        Some(PostRef {
            post_id: quoted_id.to_string(),
            account_id: quoted_user
                .and_then(|u| id_of(&u.id_str, &u.id))
                .map(str::to_string),
            handle: quoted_user
                .and_then(|u| non_empty(u.screen_name.as_deref()))
                .or_else(linked_handle),
        })
    } else {
        None
    };
    let counters = if kind == PostKind::Repost {
        Counters::default()
    } else {
        Counters {
            likes: count(t.favorite_count),
            reposts: count(t.retweet_count),
            replies: count(t.reply_count),
            quotes: count(t.quote_count),
            views: None,
            bookmarks: None,
        }
    };
    let edited = t
        .edit_history
        .as_ref()
        .and_then(|h| h.edit_tweet_ids.as_ref())
        .is_some_and(|ids| ids.len() > 1)
        || t.edit_info.as_ref().is_some_and(|info| {
            info.edit.is_some()
                || info
                    .initial
                    .as_ref()
                    .and_then(|i| i.edit_tweet_ids.as_ref())
                    .is_some_and(|ids| ids.len() > 1)
        });
    Ok(Post {
        platform: Platform::Twitter,
        id: id.to_string(),
        author_id: author_id.to_string(),
        created_at,
        kind,
        parent,
        referenced,
        conversation_id: None,
        text: text.to_string(),
        lang: non_empty(t.lang.as_deref()),
        media,
        urls,
        hashtags,
        mentions,
        edited,
        deleted: ctx.deleted,
        counters,
        reactions: Vec::new(),
        observed_at,
    })
}

fn embedded_ref(t: &Tweet<'_>) -> Option<PostRef> {
    let user = t.user.as_ref();
    Some(PostRef {
        post_id: id_of(&t.id_str, &t.id)?.to_string(),
        account_id: user
            .and_then(|u| id_of(&u.id_str, &u.id))
            .map(str::to_string),
        handle: user.and_then(|u| non_empty(u.screen_name.as_deref())),
    })
}

/// Hashtags, mentions and URLs of platform entities. The "read more" link X appends to a
/// truncated tweet (a link to the tweet itself) is not a URL the author shared and is dropped.
fn entity_lists(e: &Entities<'_>, own_id: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let hashtags = e
        .hashtags
        .iter()
        .flatten()
        .filter_map(|h| h.text.as_deref())
        .map(str::to_string)
        .collect();
    let mentions = e
        .user_mentions
        .iter()
        .flatten()
        .filter_map(|m| m.screen_name.as_deref())
        .map(str::to_string)
        .collect();
    let urls = e
        .urls
        .iter()
        .flatten()
        .filter_map(|u| u.expanded_url.as_deref().or(u.url.as_deref()))
        .filter(|u| status_link(u).is_none_or(|(_, linked)| linked != own_id))
        .map(str::to_string)
        .collect();
    (hashtags, mentions, urls)
}

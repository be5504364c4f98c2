//! Pure translation of twarc2 lines ([`super::raw`]) into model records.
//!
//! A tweet page gives, in order: every user of `includes.users` (account and observation at
//! `__twarc.retrieved_at`), then per tweet of `data` the tweets it references (from
//! `includes.tweets`, with their own `public_metrics`) followed by the tweet. A retweet gets
//! empty counters: its v2 `public_metrics` are its own and near zero, the engagement belongs to
//! the original. A flattened line gives the same for its one tweet. A users page gives accounts
//! and observations, and follow edges for follower/following lists.

use dipl_model::{
    AccountObservation, AccountRecord, Counters, Follow, MediaKind, Platform, Post, PostKind,
    PostRef, Record, Role, Timestamp,
};

use super::raw::{ApiError, Entities, Media, Object};
use crate::date;
use crate::entities::{self, add_link_kind, media_kind, non_empty, push_media, status_link};
use crate::error::ConvertError;
use crate::number::{count, Id};

/// What the request URL (`__twarc.url`) says about the accounts in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection<'u> {
    /// Posts of accounts the collector chose (a user timeline, a tweet or user lookup, a list):
    /// their authors are subjects; `only` restricts that to the timeline's account.
    Subjects { only: Option<&'u str> },
    /// Others' posts (search, stream, mentions, likes, quotes): authors are audience;
    /// `subject` is the account the collection is about, if any.
    Audience { subject: Option<&'u str> },
    /// A user's followers (a users page).
    Followers(&'u str),
    /// The accounts a user follows (a users page).
    Following(&'u str),
}

impl<'u> Collection<'u> {
    /// Reads the API path of a twarc request URL; without one, the default rule (authors of
    /// top-level tweets are subjects) applies.
    pub fn from_url(url: Option<&'u str>) -> Collection<'u> {
        let Some(url) = url else {
            return Collection::Subjects { only: None };
        };
        let path = url.split(['?', '#']).next().unwrap_or("");
        let path = match path.find("/2/") {
            Some(at) => &path[at + 3..],
            None => return Collection::Subjects { only: None },
        };
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            ["users", id, "tweets"] => Collection::Subjects { only: Some(*id) },
            ["users", id, "mentions" | "liked_tweets" | "bookmarks"] => {
                Collection::Audience { subject: Some(*id) }
            }
            ["users", id, "followers"] => Collection::Followers(id),
            ["users", id, "following"] => Collection::Following(id),
            ["tweets", "search", ..] | ["tweets", "sample", ..] | ["tweets", "firehose", ..] => {
                Collection::Audience { subject: None }
            }
            ["tweets", _, "quote_tweets" | "retweeted_by" | "liking_users"]
            | ["lists", _, "followers"]
            | ["spaces", ..] => Collection::Audience { subject: None },
            _ => Collection::Subjects { only: None },
        }
    }

    /// Role of the author of a top-level tweet (or of a user in a users page).
    fn role_of(self, account_id: &str) -> Role {
        match self {
            Collection::Subjects { only: None } => Role::Subject,
            Collection::Subjects { only: Some(id) } if id == account_id => Role::Subject,
            _ => Role::Audience,
        }
    }

    /// The account the collection is about, when the URL names one.
    fn subject(self) -> Option<&'u str> {
        match self {
            Collection::Subjects { only } => only,
            Collection::Audience { subject } => subject,
            Collection::Followers(id) | Collection::Following(id) => Some(id),
        }
    }
}

/// Translates one twarc2 line.
pub fn line(
    obj: &Object<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let twarc = obj.twarc.as_ref();
    let collection = Collection::from_url(twarc.and_then(|t| t.url.as_deref()));
    let observed_at = twarc
        .and_then(|t| t.retrieved_at.as_deref())
        .and_then(date::parse_rfc3339);
    let errors = obj.errors.as_deref().filter(|e| !e.is_empty());
    if let Some(data) = &obj.data {
        let items = data.as_slice();
        if items.is_empty() {
            return Err(ConvertError::NotImported(match errors {
                Some(errors) => format!("a page with errors only: {}", describe_errors(errors)),
                None => "a page without data".into(),
            }));
        }
        let first = &items[0];
        if first.username.is_some() {
            page_users(items, collection, observed_at, out);
        } else if first.text.is_some() || first.author_id.is_some() {
            page_tweets(items, obj, collection, observed_at, out, warnings);
        } else if first.tweet_count.is_some() {
            return Err(ConvertError::NotImported(format!(
                "a tweet counts page ({} buckets), not posts",
                items.len()
            )));
        } else if first.member_count.is_some() {
            return Err(ConvertError::NotImported(format!(
                "a page of {} lists, not posts",
                items.len()
            )));
        } else {
            return Err(ConvertError::NotImported(
                "a page of unknown objects (neither tweets nor users)".into(),
            ));
        }
        if let Some(errors) = errors {
            warnings.push(format!("the page reports {}", describe_errors(errors)));
        }
        return Ok(());
    }
    if let Some(errors) = errors {
        return Err(ConvertError::NotImported(format!(
            "a page with errors only: {}",
            describe_errors(errors)
        )));
    }
    if obj.id.is_some() && (obj.text.is_some() || obj.author_id.is_some()) {
        return flat_tweet(obj, collection, observed_at, out, warnings);
    }
    if let Some(action) = &obj.action {
        return Err(ConvertError::NotImported(format!(
            "a compliance result (`{action}` of {}, reason: {}), not a post",
            obj.id.as_ref().map_or("?", Id::as_str),
            obj.reason.as_deref().unwrap_or("none given"),
        )));
    }
    if obj.title.is_some() || obj.detail.is_some() {
        return Err(ConvertError::NotImported(format!(
            "a stream message: {}: {}",
            obj.title.as_deref().unwrap_or(""),
            obj.detail.as_deref().unwrap_or("")
        )));
    }
    Err(ConvertError::NotImported(
        "neither a twarc2 page, a tweet nor a compliance result".into(),
    ))
}

fn describe_errors(errors: &[ApiError<'_>]) -> String {
    let first = &errors[0];
    let example = match (first.title.as_deref(), first.detail.as_deref()) {
        (Some(title), Some(detail)) => format!("{title}: {detail}"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => "no detail".into(),
    };
    let plural = if errors.len() == 1 { "" } else { "s" };
    format!("{} API error{plural} (first: {example})", errors.len())
}

/// Objects of a line by id (tweets, users) and by key (media), for resolving references.
struct Lookup<'p, 'a> {
    tweets: Vec<(&'p str, &'p Object<'a>)>,
    users: Vec<(&'p str, &'p Object<'a>)>,
    media: Vec<(&'p str, &'p Media<'a>)>,
}

fn find<'p, T: ?Sized>(sorted: &[(&str, &'p T)], key: &str) -> Option<&'p T> {
    sorted
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| sorted[i].1)
}

impl<'p, 'a> Lookup<'p, 'a> {
    fn new(
        tweets: impl Iterator<Item = &'p Object<'a>>,
        users: impl Iterator<Item = &'p Object<'a>>,
        media: impl Iterator<Item = &'p Media<'a>>,
    ) -> Self {
        let by_id = |o: &'p Object<'a>| o.id.as_ref().map(|id| (id.as_str(), o));
        let mut tweets: Vec<_> = tweets.filter_map(by_id).collect();
        let mut users: Vec<_> = users.filter_map(by_id).collect();
        let mut media: Vec<_> = media
            .filter_map(|m| m.media_key.as_deref().map(|k| (k, m)))
            .collect();
        tweets.sort_by_key(|(id, _)| *id);
        users.sort_by_key(|(id, _)| *id);
        media.sort_by_key(|(key, _)| *key);
        Lookup {
            tweets,
            users,
            media,
        }
    }

    fn tweet(&self, id: &str) -> Option<&'p Object<'a>> {
        find(&self.tweets, id)
    }

    fn user(&self, id: &str) -> Option<&'p Object<'a>> {
        find(&self.users, id)
    }

    fn media(&self, key: &str) -> Option<&'p Media<'a>> {
        find(&self.media, key)
    }
}

fn author_id<'p>(t: &'p Object<'_>) -> Option<&'p str> {
    t.author_id
        .as_ref()
        .or(t.author.as_ref().and_then(|a| a.id.as_ref()))
        .map(Id::as_str)
}

fn page_tweets(
    items: &[Object<'_>],
    page: &Object<'_>,
    collection: Collection<'_>,
    observed_at: Option<Timestamp>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) {
    let includes = page.includes.as_ref();
    let lookup = Lookup::new(
        includes
            .and_then(|i| i.tweets.as_deref())
            .unwrap_or(&[])
            .iter(),
        includes
            .and_then(|i| i.users.as_deref())
            .unwrap_or(&[])
            .iter(),
        includes
            .and_then(|i| i.media.as_deref())
            .unwrap_or(&[])
            .iter(),
    );
    let mut subjects: Vec<&str> = items
        .iter()
        .filter_map(author_id)
        .filter(|id| collection.role_of(id) == Role::Subject)
        .chain(collection.subject())
        .collect();
    subjects.sort_unstable();
    subjects.dedup();
    let role = |id: &str| {
        if subjects.binary_search(&id).is_ok() {
            Role::Subject
        } else {
            Role::Audience
        }
    };
    for user in includes.and_then(|i| i.users.as_deref()).unwrap_or(&[]) {
        if let Some(id) = user.id.as_ref() {
            account(user, role(id.as_str()), observed_at, out);
        }
    }
    for subject in &subjects {
        if lookup.user(subject).is_none() {
            out.push(Record::Account(AccountRecord::bare(
                Platform::Twitter,
                *subject,
                None,
                Role::Subject,
            )));
        }
    }
    let mut data_ids: Vec<&str> = items
        .iter()
        .filter_map(|t| t.id.as_ref().map(Id::as_str))
        .collect();
    data_ids.sort_unstable();
    let mut emitted: Vec<&str> = Vec::new();
    for (i, tweet) in items.iter().enumerate() {
        let post = match post(tweet, &lookup, observed_at) {
            Ok(post) => post,
            Err(e) => {
                warnings.push(format!("tweet {} of the page skipped: {e}", i + 1));
                continue;
            }
        };
        for reference in tweet.referenced_tweets.iter().flatten() {
            let Some(id) = reference.id.as_ref().map(Id::as_str) else {
                continue;
            };
            if data_ids.binary_search(&id).is_ok() || emitted.contains(&id) {
                continue;
            }
            if let Some(referenced) = lookup.tweet(id) {
                emitted.push(id);
                match self::post(referenced, &lookup, observed_at) {
                    Ok(p) => out.push(Record::Post(Box::new(p))),
                    Err(e) => warnings.push(format!("referenced tweet {id} skipped: {e}")),
                }
            }
        }
        out.push(Record::Post(Box::new(post)));
    }
}

fn flat_tweet(
    tweet: &Object<'_>,
    collection: Collection<'_>,
    observed_at: Option<Timestamp>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let references: &[Object<'_>] = tweet.referenced_tweets.as_deref().unwrap_or(&[]);
    // Users in order of relevance: the author, the account replied to, referenced authors,
    // mentioned accounts.
    let mut users: Vec<&Object<'_>> = Vec::new();
    users.extend(tweet.author.as_deref());
    users.extend(tweet.in_reply_to_user.as_deref());
    for r in references {
        users.extend(r.author.as_deref());
        users.extend(r.in_reply_to_user.as_deref());
    }
    users.extend(
        tweet
            .entities
            .as_ref()
            .and_then(|e| e.mentions.as_deref())
            .unwrap_or(&[])
            .iter()
            .filter(|m| m.id.is_some()),
    );
    let media = tweet
        .attachments
        .iter()
        .chain(references.iter().filter_map(|r| r.attachments.as_ref()))
        .flat_map(|a| a.media.as_deref().unwrap_or(&[]));
    let lookup = Lookup::new(references.iter(), users.iter().copied(), media);
    let post = post(tweet, &lookup, observed_at)?;
    let author_role = collection.role_of(&post.author_id);
    let mut seen: Vec<&str> = Vec::new();
    if tweet.author.is_none() {
        out.push(Record::Account(AccountRecord::bare(
            Platform::Twitter,
            post.author_id.clone(),
            None,
            author_role,
        )));
    }
    for user in &users {
        let Some(id) = user.id.as_ref().map(Id::as_str) else {
            continue;
        };
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let is_subject = id == post.author_id.as_str() && author_role == Role::Subject
            || collection.subject() == Some(id);
        let role = if is_subject {
            Role::Subject
        } else {
            Role::Audience
        };
        account(user, role, observed_at, out);
    }
    for r in references {
        // A reference the API could not expand is only `{type, id}`.
        if r.created_at.is_none() {
            continue;
        }
        match self::post(r, &lookup, observed_at) {
            Ok(p) => out.push(Record::Post(Box::new(p))),
            Err(e) => warnings.push(format!(
                "referenced tweet {} skipped: {e}",
                r.id.as_ref().map_or("?", Id::as_str)
            )),
        }
    }
    out.push(Record::Post(Box::new(post)));
    Ok(())
}

fn page_users(
    items: &[Object<'_>],
    collection: Collection<'_>,
    observed_at: Option<Timestamp>,
    out: &mut Vec<Record>,
) {
    if let Collection::Followers(subject) | Collection::Following(subject) = collection {
        // Whose network was collected: a subject.
        out.push(Record::Account(AccountRecord::bare(
            Platform::Twitter,
            subject,
            None,
            Role::Subject,
        )));
    }
    for user in items {
        let Some(id) = user.id.as_ref().map(Id::as_str) else {
            continue;
        };
        account(user, collection.role_of(id), observed_at, out);
        let edge = match collection {
            Collection::Followers(followed) => Some((id, followed)),
            Collection::Following(follower) => Some((follower, id)),
            _ => None,
        };
        if let Some((follower, followed)) = edge {
            out.push(Record::Follow(Follow {
                platform: Platform::Twitter,
                follower_id: follower.to_string(),
                followed_id: followed.to_string(),
                observed_at,
            }));
        }
    }
}

/// Account record and observation (from `public_metrics`) of a v2 user object.
fn account(user: &Object<'_>, role: Role, observed_at: Option<Timestamp>, out: &mut Vec<Record>) {
    let Some(id) = user.id.as_ref().map(Id::as_str) else {
        return;
    };
    out.push(Record::Account(AccountRecord {
        platform: Platform::Twitter,
        id: id.to_string(),
        handle: non_empty(user.username.as_deref()),
        display_name: non_empty(user.name.as_deref()),
        role,
        created_at: user.created_at.as_deref().and_then(date::parse_rfc3339),
        verified: user.verified,
        location: non_empty(user.location.as_deref()),
        lang: None,
        description: non_empty(user.description.as_deref()),
    }));
    if let Some(metrics) = &user.public_metrics {
        let observation = AccountObservation {
            platform: Platform::Twitter,
            account_id: id.to_string(),
            observed_at,
            followers: count(metrics.followers_count),
            following: count(metrics.following_count),
            posts_count: count(metrics.tweet_count),
            listed_count: count(metrics.listed_count),
        };
        if observation.followers.is_some()
            || observation.following.is_some()
            || observation.posts_count.is_some()
            || observation.listed_count.is_some()
        {
            out.push(Record::AccountObservation(observation));
        }
    }
}

fn post(
    t: &Object<'_>,
    lookup: &Lookup<'_, '_>,
    observed_at: Option<Timestamp>,
) -> Result<Post, ConvertError> {
    let id = t.id.as_ref().ok_or(ConvertError::Missing("id"))?.as_str();
    let author = author_id(t).ok_or(ConvertError::Missing("author_id"))?;
    let created_at = date::created_at(t.created_at.as_deref(), date::parse_rfc3339)?;
    let note = t.note_tweet.as_ref();
    let text = note
        .and_then(|n| n.text.as_deref())
        .or(t.text.as_deref())
        .unwrap_or("");
    let entities = note
        .and_then(|n| n.entities.as_ref())
        .or(t.entities.as_ref());
    let (hashtags, mentions, urls) = match entities {
        Some(e) => entity_lists(e, id),
        None => entities::extract(text),
    };

    let mut retweeted = None;
    let mut replied_to = None;
    let mut quoted = None;
    for reference in t.referenced_tweets.iter().flatten() {
        let slot = match reference.kind.as_deref() {
            Some("retweeted") => &mut retweeted,
            Some("replied_to") => &mut replied_to,
            Some("quoted") => &mut quoted,
            _ => continue,
        };
        if slot.is_none() {
            *slot = reference.id.as_ref().map(Id::as_str);
        }
    }
    let kind = PostKind::classify(retweeted.is_some(), replied_to.is_some(), quoted.is_some());
    let reference = |post_id: &str, account_hint: Option<&str>| {
        let account_id = account_hint.or_else(|| lookup.tweet(post_id).and_then(author_id));
        // Without the referenced tweet, a link to it still names its author's handle.
        let linked_handle = || {
            urls.iter()
                .filter_map(|u| status_link(u))
                .find(|(_, linked)| *linked == post_id)
                .map(|(handle, _)| handle.to_string())
        };
        PostRef {
            post_id: post_id.to_string(),
            account_id: account_id.map(str::to_string),
            handle: account_id
                .and_then(|a| lookup.user(a))
                .and_then(|u| non_empty(u.username.as_deref()))
                .or_else(linked_handle),
        }
    };
    let in_reply_to_user = t.in_reply_to_user_id.as_ref().map(Id::as_str);
    let parent = replied_to.map(|r| reference(r, in_reply_to_user));
    let referenced = retweeted.or(quoted).map(|r| reference(r, None));

    let counters = match (&t.public_metrics, kind) {
        (_, PostKind::Repost) | (None, _) => Counters::default(),
        (Some(m), _) => Counters {
            likes: count(m.like_count),
            reposts: count(m.retweet_count),
            replies: count(m.reply_count),
            quotes: count(m.quote_count),
            views: count(m.impression_count),
            bookmarks: count(m.bookmark_count),
        },
    };
    let mut media: Vec<MediaKind> = Vec::new();
    if let Some(attachments) = &t.attachments {
        let by_key = attachments
            .media_keys
            .iter()
            .flatten()
            .filter_map(|key| lookup.media(key));
        let inline = attachments.media.iter().flatten();
        for m in by_key.chain(inline) {
            if let Some(kind) = m.kind.as_deref().and_then(media_kind) {
                push_media(&mut media, kind);
            }
        }
    }
    add_link_kind(&mut media, &urls);
    let edited = t
        .edit_history_tweet_ids
        .as_ref()
        .is_some_and(|ids| ids.len() > 1);
    Ok(Post {
        platform: Platform::Twitter,
        id: id.to_string(),
        author_id: author.to_string(),
        created_at,
        kind,
        parent,
        referenced,
        conversation_id: t.conversation_id.as_ref().map(|c| c.as_str().to_string()),
        text: text.to_string(),
        lang: non_empty(t.lang.as_deref()),
        media,
        urls,
        hashtags,
        mentions,
        edited,
        deleted: false,
        counters,
        reactions: Vec::new(),
        observed_at,
    })
}

/// Hashtags, mentions and shared URLs (unwound where X unwound them). The links X adds for
/// attached media are media, not shared URLs.
fn entity_lists(e: &Entities<'_>, own_id: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let hashtags = e
        .hashtags
        .iter()
        .flatten()
        .filter_map(|h| h.tag.as_deref())
        .map(str::to_string)
        .collect();
    let mentions = e
        .mentions
        .iter()
        .flatten()
        .filter_map(|m| m.username.as_deref())
        .map(str::to_string)
        .collect();
    let urls = e
        .urls
        .iter()
        .flatten()
        .filter(|u| {
            let display = u.display_url.as_deref().unwrap_or("");
            u.media_key.is_none()
                && !display.starts_with("pic.twitter.com/")
                && !display.starts_with("pic.x.com/")
        })
        .filter_map(|u| {
            u.unwound_url
                .as_deref()
                .or(u.expanded_url.as_deref())
                .or(u.url.as_deref())
        })
        .filter(|u| status_link(u).is_none_or(|(_, linked)| linked != own_id))
        .map(str::to_string)
        .collect();
    (hashtags, mentions, urls)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_from_request_urls() {
        fn c(url: &str) -> Collection<'_> {
            Collection::from_url(Some(url))
        }
        assert_eq!(
            c("https://api.twitter.com/2/users/2351222345/tweets?expansions=x"),
            Collection::Subjects {
                only: Some("2351222345")
            }
        );
        assert_eq!(
            c("https://api.twitter.com/2/users/12/mentions"),
            Collection::Audience {
                subject: Some("12")
            }
        );
        assert_eq!(
            c("https://api.twitter.com/2/tweets/search/recent?query=obama"),
            Collection::Audience { subject: None }
        );
        assert_eq!(
            c("https://api.twitter.com/2/tweets/search/stream"),
            Collection::Audience { subject: None }
        );
        assert_eq!(
            c("https://api.twitter.com/2/users/7/followers?max_results=1000"),
            Collection::Followers("7")
        );
        assert_eq!(
            c("https://api.twitter.com/2/tweets?ids=1,2"),
            Collection::Subjects { only: None }
        );
        assert_eq!(
            c("https://api.twitter.com/2/users?ids=1"),
            Collection::Subjects { only: None }
        );
        assert_eq!(
            Collection::from_url(None),
            Collection::Subjects { only: None }
        );
    }
}

//! Pure translation of Instagram Graph responses ([`super::raw::Object`]) into model records.
//!
//! A user node gives its account and observation, then its media; per media: the account, the
//! media, then its comments, each followed by its replies (every author before their post).

use dipl_ingest::json::RecordError;
use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role,
};

use super::raw::{Object, User};
use crate::common::{
    add_link_kind, is_numeric, non_empty, plural, push_media, request_target, Accounts,
};
use crate::date;
use crate::graph::raw::Paging;
use crate::number::count;

const PLATFORM: Platform = Platform::Instagram;

/// Edges whose media are other accounts' (tagged media, hashtag search).
const AUDIENCE_EDGES: &[&str] = &["tags", "top_media", "recent_media", "mentioned_media"];

#[derive(Debug, Default)]
struct Tally {
    no_id: usize,
    bad_time: usize,
    no_author: usize,
    no_parent: usize,
    by_username: usize,
}

impl Tally {
    fn messages(&self) -> Vec<String> {
        let mut messages = Vec::new();
        if self.no_id > 0 {
            messages.push(format!(
                "skipped {} without `id`",
                plural(self.no_id, "object")
            ));
        }
        if self.bad_time > 0 {
            messages.push(format!(
                "skipped {} without a readable `timestamp`",
                plural(self.bad_time, "object")
            ));
        }
        if self.no_author > 0 {
            messages.push(format!(
                "skipped {} without an author (no `owner`, `from` or `username`)",
                plural(self.no_author, "object")
            ));
        }
        if self.no_parent > 0 {
            messages.push(format!(
                "skipped {} without the media or comment they answer (no `parent_id`, `media` or request URL)",
                plural(self.no_parent, "comment")
            ));
        }
        if self.by_username > 0 {
            messages.push(format!(
                "{} known only by username (ask for `owner` or `from`): the username stands in for the account id",
                plural(self.by_username, "object")
            ));
        }
        messages
    }
}

struct Converter<'p, 'o> {
    accounts: Accounts<'p>,
    tally: Tally,
    out: &'o mut Vec<Record>,
}

/// Whose media a media list is.
#[derive(Debug, Clone, Copy)]
struct Collection<'p> {
    /// The account whose media were collected, when known.
    account: Option<&'p str>,
    username: Option<&'p str>,
    /// Media of other accounts (tags, hashtag search).
    others: bool,
}

/// Translates one Instagram Graph response.
pub fn record(
    obj: &Object<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), RecordError> {
    if let Some(error) = &obj.error {
        return Err(RecordError::Skip(format!(
            "a Graph API error response: {} ({}, code {})",
            error.message.as_deref().unwrap_or("no message"),
            error.kind.as_deref().unwrap_or("no type"),
            error
                .code
                .and_then(|c| c.0)
                .map_or_else(|| "none".to_string(), |c| c.to_string()),
        )));
    }
    let before = out.len();
    let mut cx = Converter {
        accounts: Accounts::default(),
        tally: Tally::default(),
        out,
    };
    if let Some(user) = &obj.business_discovery {
        // The outer `id` is the account that asked; the discovered account is inside.
        user_node(user, &mut cx, warnings)?;
    } else if let Some(items) = &obj.data {
        page(items, obj.paging.as_ref(), None, &mut cx, warnings)?;
    } else if obj.id.is_some() && obj.timestamp.is_some() {
        if obj.has_media_fields() || obj.text.is_none() {
            let collection = Collection {
                account: None,
                username: None,
                others: false,
            };
            media(obj, collection, &mut cx);
        } else {
            comment_page(std::slice::from_ref(obj), None, &mut cx);
        }
    } else if obj.has_user_fields() {
        user_node(obj, &mut cx, warnings)?;
    } else {
        return Err(RecordError::Skip(
            "not an Instagram Graph page of media or comments, a media object, or a user node"
                .into(),
        ));
    }
    let messages = cx.tally.messages();
    if cx.out.len() == before && !messages.is_empty() {
        return Err(RecordError::Skip(messages.join("; ")));
    }
    warnings.extend(messages);
    Ok(())
}

fn page<'p>(
    items: &'p [Object<'p>],
    paging: Option<&'p Paging<'p>>,
    user: Option<Collection<'p>>,
    cx: &mut Converter<'p, '_>,
    warnings: &mut Vec<String>,
) -> Result<(), RecordError> {
    if items.is_empty() {
        warnings.push("an empty page (no media or comments)".into());
        return Ok(());
    }
    let request = paging.and_then(Paging::url).and_then(request_target);
    let edge = request.map_or("", |(_, edge)| edge);
    if items.iter().all(|i| i.timestamp.is_none()) {
        let users: Vec<&Object<'_>> = items.iter().filter(|i| i.has_user_fields()).collect();
        if users.is_empty() {
            return Err(RecordError::Skip(format!(
                "a page of {} without `timestamp` (not media or comments)",
                plural(items.len(), "object")
            )));
        }
        for u in users {
            user_node(u, cx, warnings)?;
        }
        return Ok(());
    }
    let comments = matches!(edge, "comments" | "replies")
        || (items.iter().any(|i| i.text.is_some()) && !items.iter().any(Object::has_media_fields));
    if comments {
        let target = request
            .filter(|(_, edge)| matches!(*edge, "comments" | "replies"))
            .map(|(node, _)| node);
        comment_page(items, target, cx);
        return Ok(());
    }
    let collection = user.unwrap_or_else(|| Collection {
        account: request
            .filter(|(node, edge)| {
                is_numeric(node) && matches!(*edge, "media" | "stories" | "live_media")
            })
            .map(|(node, _)| node),
        username: None,
        others: AUDIENCE_EDGES.contains(&edge),
    });
    for item in items {
        media(item, collection, cx);
    }
    Ok(())
}

fn user_node<'p>(
    user: &'p Object<'p>,
    cx: &mut Converter<'p, '_>,
    warnings: &mut Vec<String>,
) -> Result<(), RecordError> {
    let username = user.username.as_deref().filter(|u| !u.is_empty());
    let Some(id) = user.id.as_ref().map(|i| i.as_str()).or_else(|| {
        let u = username?;
        cx.tally.by_username += 1;
        Some(u)
    }) else {
        cx.tally.no_id += 1;
        return Ok(());
    };
    cx.accounts.push(id, cx.out, || AccountRecord {
        platform: PLATFORM,
        id: id.to_string(),
        handle: username.map(str::to_string),
        display_name: non_empty(user.name.as_deref()),
        role: Role::Subject,
        created_at: None,
        verified: None,
        location: None,
        lang: None,
        description: non_empty(user.biography.as_deref()),
    });
    let (followers, following, posts) = (
        count(user.followers_count),
        count(user.follows_count),
        count(user.media_count),
    );
    if followers.is_some() || following.is_some() || posts.is_some() {
        cx.out.push(Record::AccountObservation(AccountObservation {
            platform: PLATFORM,
            account_id: id.to_string(),
            observed_at: None,
            followers,
            following,
            posts_count: posts,
            listed_count: None,
        }));
    }
    if let Some(edge) = &user.media {
        if let Some(items) = &edge.data {
            let collection = Collection {
                account: Some(id),
                username,
                others: false,
            };
            page(items, edge.paging.as_ref(), Some(collection), cx, warnings)?;
        }
    }
    Ok(())
}

fn media<'p>(item: &'p Object<'p>, collection: Collection<'p>, cx: &mut Converter<'p, '_>) {
    let Some(id) = item.id.as_ref().map(|i| i.as_str()) else {
        cx.tally.no_id += 1;
        return;
    };
    let Some(created_at) = item.timestamp.as_ref().and_then(date::parse) else {
        cx.tally.bad_time += 1;
        return;
    };
    let username = item
        .owner
        .as_ref()
        .and_then(|o| o.username.as_deref())
        .or(item.username.as_deref())
        .or(if collection.others {
            None
        } else {
            collection.username
        })
        .filter(|u| !u.is_empty());
    let owner_id = item
        .owner
        .as_ref()
        .and_then(|o| o.id.as_ref())
        .map(|i| i.as_str());
    let collected = if collection.others {
        None
    } else {
        collection.account
    };
    let author = match owner_id.or(collected) {
        Some(author) => author,
        None => match username {
            Some(u) => {
                cx.tally.by_username += 1;
                u
            }
            None => {
                cx.tally.no_author += 1;
                return;
            }
        },
    };
    let role = match (collection.others, collection.account) {
        (true, _) => Role::Audience,
        (false, Some(account)) if account != author => Role::Audience,
        _ => Role::Subject,
    };
    cx.accounts.push(author, cx.out, || {
        AccountRecord::bare(PLATFORM, author, username.map(str::to_string), role)
    });
    let text = item.caption.as_deref().unwrap_or("").to_string();
    let mut kinds = Vec::new();
    match item.media_type.as_deref() {
        Some("IMAGE") => push_media(&mut kinds, MediaKind::Photo),
        Some("VIDEO") => push_media(&mut kinds, MediaKind::Video),
        Some("CAROUSEL_ALBUM") => {
            for child in item.children.iter().flat_map(|c| c.data.iter().flatten()) {
                match child.media_type.as_deref() {
                    Some("IMAGE") => push_media(&mut kinds, MediaKind::Photo),
                    Some("VIDEO") => push_media(&mut kinds, MediaKind::Video),
                    _ => {}
                }
            }
            if kinds.is_empty() {
                push_media(&mut kinds, MediaKind::Photo);
            }
        }
        _ => {}
    }
    let urls = dipl_text::extract_urls(&text);
    add_link_kind(&mut kinds, &urls);
    cx.out.push(Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: id.to_string(),
        author_id: author.to_string(),
        created_at,
        kind: PostKind::Original,
        parent: None,
        referenced: None,
        conversation_id: Some(id.to_string()),
        hashtags: dipl_text::extract_hashtags(&text),
        mentions: crate::common::instagram_mentions(&text),
        text,
        lang: None,
        media: kinds,
        urls,
        edited: false,
        deleted: false,
        counters: Counters {
            likes: count(item.like_count),
            reposts: None,
            replies: count(item.comments_count),
            quotes: None,
            views: views(item),
            bookmarks: None,
        },
        reactions: Vec::new(),
        observed_at: None,
    })));
    if let Some(comments) = item.comments.as_ref().and_then(|c| c.data.as_ref()) {
        let parent = PostRef {
            post_id: id.to_string(),
            account_id: Some(author.to_string()),
            handle: username.map(str::to_string),
        };
        let owner = Some((Some(author), username));
        for c in comments {
            comment(c, &parent, Some(id), owner, cx);
        }
    }
}

/// A page of comments (`/{media-id}/comments`, `/{comment-id}/replies`). The media's account
/// is known when the comments expand `media{id,username}` (or `media{owner}`).
fn comment_page<'p>(items: &'p [Object<'p>], target: Option<&'p str>, cx: &mut Converter<'p, '_>) {
    for item in items {
        let on_media = item
            .media
            .as_ref()
            .and_then(|m| m.id.as_ref())
            .map(|i| i.as_str());
        let owner = item.media.as_ref().and_then(|m| {
            let id = m
                .owner
                .as_ref()
                .and_then(|o| o.id.as_ref())
                .map(|i| i.as_str());
            let username = m
                .username
                .as_deref()
                .or(m.owner.as_ref().and_then(|o| o.username.as_deref()));
            (id.is_some() || username.is_some()).then_some((id, username))
        });
        let answered = item
            .parent_id
            .as_ref()
            .map(|i| i.as_str())
            .or(on_media)
            .or(target);
        let Some(answered) = answered else {
            cx.tally.no_parent += 1;
            continue;
        };
        let parent = PostRef {
            post_id: answered.to_string(),
            account_id: None,
            handle: None,
        };
        comment(item, &parent, on_media, owner, cx);
    }
}

/// A comment or reply; `owner` is the media's account (id, username), as far as known.
fn comment<'p>(
    item: &'p Object<'p>,
    structural_parent: &PostRef,
    conversation: Option<&str>,
    owner: Option<(Option<&'p str>, Option<&'p str>)>,
    cx: &mut Converter<'p, '_>,
) {
    let Some(id) = item.id.as_ref().map(|i| i.as_str()) else {
        cx.tally.no_id += 1;
        return;
    };
    let Some(created_at) = item.timestamp.as_ref().and_then(date::parse) else {
        cx.tally.bad_time += 1;
        return;
    };
    let user: Option<&User<'_>> = item.from.as_ref().or(item.user.as_ref());
    let username = user
        .and_then(|u| u.username.as_deref())
        .or(item.username.as_deref())
        .filter(|u| !u.is_empty());
    let user_id = user.and_then(|u| u.id.as_ref()).map(|i| i.as_str());
    let is_owner = owner.is_some_and(|(owner_id, owner_name)| {
        let same_id = owner_id.is_some() && user_id == owner_id;
        let same_name =
            matches!((owner_name, username), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
        same_id || same_name
    });
    let role = if is_owner {
        Role::Subject
    } else {
        Role::Audience
    };
    // The media's account met by username only is that account.
    let owner_id = owner.and_then(|(id, _)| id).filter(|_| is_owner);
    let author = match owner_id.or(user_id) {
        Some(author) => author,
        None => match username {
            Some(u) => {
                cx.tally.by_username += 1;
                u
            }
            None => {
                cx.tally.no_author += 1;
                return;
            }
        },
    };
    let parent = match item.parent_id.as_ref().map(|i| i.as_str()) {
        Some(named) if named != structural_parent.post_id => PostRef {
            post_id: named.to_string(),
            account_id: None,
            handle: None,
        },
        _ => structural_parent.clone(),
    };
    cx.accounts.push(author, cx.out, || {
        AccountRecord::bare(PLATFORM, author, username.map(str::to_string), role)
    });
    let text = item.text.as_deref().unwrap_or("").to_string();
    let urls = dipl_text::extract_urls(&text);
    let mut kinds = Vec::new();
    add_link_kind(&mut kinds, &urls);
    cx.out.push(Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: id.to_string(),
        author_id: author.to_string(),
        created_at,
        kind: PostKind::Reply,
        parent: Some(parent),
        referenced: None,
        conversation_id: conversation.map(str::to_string),
        hashtags: dipl_text::extract_hashtags(&text),
        mentions: crate::common::instagram_mentions(&text),
        text,
        lang: None,
        media: kinds,
        urls,
        edited: false,
        deleted: false,
        counters: Counters {
            likes: count(item.like_count),
            ..Counters::default()
        },
        reactions: Vec::new(),
        observed_at: None,
    })));
    if let Some(replies) = item.replies.as_ref().and_then(|r| r.data.as_ref()) {
        let parent = PostRef {
            post_id: id.to_string(),
            account_id: Some(author.to_string()),
            handle: username.map(str::to_string),
        };
        for reply in replies {
            comment(reply, &parent, conversation, owner, cx);
        }
    }
}

/// Views from the media's `insights`: `views`, else `plays`, else `video_views`.
fn views(item: &Object<'_>) -> Option<u64> {
    let metrics = item.insights.as_ref()?.data.as_ref()?;
    ["views", "plays", "video_views"].iter().find_map(|name| {
        metrics
            .iter()
            .filter(|m| m.name.as_deref() == Some(*name))
            .find_map(|m| m.values.as_ref()?.iter().find_map(|v| v.value?.0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(json: &str) -> (Vec<Record>, Vec<String>, Result<(), RecordError>) {
        let obj: Object<'_> = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let result = record(&obj, &mut out, &mut warnings);
        (out, warnings, result)
    }

    #[test]
    fn media_of_a_user_node_and_the_owner_replying() {
        let (out, warnings, result) = convert(
            r#"{"id": "178414", "username": "franceaukazakhstan", "followers_count": 10,
                "media": {"data": [{"id": "18001", "caption": "Bonjour @aigerim #Astana",
                  "media_type": "CAROUSEL_ALBUM", "timestamp": "2024-03-01T10:00:00+0000",
                  "children": {"data": [{"id": "1", "media_type": "VIDEO"}]},
                  "comments": {"data": [{"id": "17001", "text": "Merci!", "username": "aigerim",
                     "timestamp": "2024-03-01T11:00:00+0000", "like_count": 2,
                     "replies": {"data": [{"id": "17002", "text": "@aigerim avec plaisir",
                        "username": "franceaukazakhstan", "timestamp": "2024-03-01T12:00:00+0000"}]}}]}}]}}"#,
        );
        assert_eq!(result, Ok(()));
        assert_eq!(
            warnings,
            ["1 object known only by username (ask for `owner` or `from`): the username stands in for the account id"]
        );
        let posts: Vec<&Post> = out
            .iter()
            .filter_map(|r| match r {
                Record::Post(p) => Some(&**p),
                _ => None,
            })
            .collect();
        assert_eq!(posts.len(), 3);
        assert_eq!(posts[0].author_id, "178414");
        assert_eq!(posts[0].media, [MediaKind::Video]);
        assert_eq!(
            (posts[0].hashtags.as_slice(), posts[0].mentions.as_slice()),
            (&["Astana".to_string()][..], &["aigerim".to_string()][..])
        );
        assert_eq!(posts[0].counters.likes, None);
        assert_eq!(posts[1].author_id, "aigerim");
        assert_eq!(
            posts[1].parent.as_ref().map(|p| p.post_id.as_str()),
            Some("18001")
        );
        // The owner's reply is the owner's account, a subject.
        assert_eq!(posts[2].author_id, "178414");
        assert_eq!(
            posts[2].parent.as_ref().map(|p| p.post_id.as_str()),
            Some("17001")
        );
        let roles: Vec<(String, Role)> = out
            .iter()
            .filter_map(|r| match r {
                Record::Account(a) => Some((a.id.clone(), a.role)),
                _ => None,
            })
            .collect();
        assert_eq!(
            roles,
            [
                ("178414".to_string(), Role::Subject),
                ("aigerim".to_string(), Role::Audience)
            ]
        );
    }
}

//! Pure translation of Data API pages and resources into [`Record`]s (rules in the crate
//! documentation).

use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role, Timestamp,
};

use super::raw::{Resource, ResourceId, Snippet};
use crate::error::ConvertError;
use crate::number::count;
use crate::text;

const PLATFORM: Platform = Platform::Youtube;

/// What an item of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Video,
    SearchResult,
    Thread,
    Comment,
    Channel,
}

fn kind_of(kind: &str) -> Option<Kind> {
    Some(match kind {
        "youtube#video" => Kind::Video,
        "youtube#searchResult" => Kind::SearchResult,
        "youtube#commentThread" => Kind::Thread,
        "youtube#comment" => Kind::Comment,
        "youtube#channel" => Kind::Channel,
        _ => return None,
    })
}

/// The kind of the items of a page kind.
fn item_kind_of_page(kind: &str) -> Option<Kind> {
    Some(match kind {
        "youtube#videoListResponse" => Kind::Video,
        "youtube#searchListResponse" => Kind::SearchResult,
        "youtube#commentThreadListResponse" => Kind::Thread,
        "youtube#commentListResponse" => Kind::Comment,
        "youtube#channelListResponse" => Kind::Channel,
        _ => return None,
    })
}

/// Accounts already emitted for this record, and items left out (reported once per record).
#[derive(Default)]
struct State {
    emitted: Vec<(String, Role)>,
    left: Vec<(String, u64)>,
}

impl State {
    fn account(&mut self, account: AccountRecord, out: &mut Vec<Record>) {
        let key = (account.id.clone(), account.role);
        if !self.emitted.contains(&key) {
            self.emitted.push(key);
            out.push(Record::Account(account));
        }
    }

    fn leave(&mut self, why: String) {
        match self.left.iter_mut().find(|(w, _)| *w == why) {
            Some((_, n)) => *n += 1,
            None => self.left.push((why, 1)),
        }
    }

    fn report(self, warnings: &mut Vec<String>) {
        for (why, n) in self.left {
            let items = if n == 1 { "item" } else { "items" };
            warnings.push(format!("{n} {items} not imported: {why}"));
        }
    }
}

/// Translates one record: a response page (`items`) or a bare resource.
pub fn record(
    res: &Resource<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    if let Some(error) = &res.error {
        let code = count(error.code).map_or_else(|| "?".to_string(), |c| c.to_string());
        let message = text::html_to_text(error.message.as_deref().unwrap_or("no message"));
        return Err(ConvertError::NotImported(format!(
            "YouTube API error {code}: {message}"
        )));
    }
    let kind = res.kind.as_deref().unwrap_or("");
    let mut state = State::default();
    match &res.items {
        Some(items) => {
            let default = item_kind_of_page(kind);
            if default.is_none() && !kind.is_empty() {
                return Err(ConvertError::NotImported(format!(
                    "`{kind}` pages are not imported (read: videos, search, commentThreads, comments, channels)"
                )));
            }
            let search = default == Some(Kind::SearchResult);
            for item in items {
                item_records(item, default, search, &mut state, out);
            }
        }
        None => {
            if kind_of(kind).is_none() {
                return Err(ConvertError::NotImported(if kind.is_empty() {
                    "no `kind` and no `items`: not a YouTube Data API response".to_string()
                } else {
                    format!("`{kind}` is not imported")
                }));
            }
            item_records(res, None, false, &mut state, out);
        }
    }
    state.report(warnings);
    Ok(())
}

fn item_records(
    item: &Resource<'_>,
    default: Option<Kind>,
    search: bool,
    state: &mut State,
    out: &mut Vec<Record>,
) {
    let kind = match item.kind.as_deref() {
        Some(k) => kind_of(k),
        None => default,
    };
    let result = match kind {
        Some(Kind::Video) => {
            let role = if search {
                Role::Audience
            } else {
                Role::Subject
            };
            match &item.id {
                Some(ResourceId::Plain(id)) => video(item, id, role, false, state, out),
                _ => Err("id".to_string()),
            }
        }
        Some(Kind::SearchResult) => search_result(item, state, out),
        Some(Kind::Thread) => thread(item, state, out),
        Some(Kind::Comment) => comment(item, &Placement::default(), state, out),
        Some(Kind::Channel) => {
            let role = if search {
                Role::Audience
            } else {
                Role::Subject
            };
            match &item.id {
                Some(ResourceId::Plain(id)) => channel(item, id, role, state, out),
                _ => Err("id".to_string()),
            }
        }
        None => Err(format!(
            "kind `{}`",
            item.kind.as_deref().unwrap_or("(none)")
        )),
    };
    if let Err(why) = result {
        let why = if why.starts_with("kind") {
            format!("{why} is not read")
        } else {
            format!("no `{why}`")
        };
        state.leave(why);
    }
}

fn snippet<'r, 'a>(item: &'r Resource<'a>) -> Result<&'r Snippet<'a>, String> {
    item.snippet.as_ref().ok_or_else(|| "snippet".to_string())
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

fn date(s: Option<&str>, field: &str) -> Result<Timestamp, String> {
    nonempty(s)
        .and_then(Timestamp::parse)
        .ok_or_else(|| field.to_string())
}

/// A video: its channel's account and the video as an original post. `escaped`: the title and
/// description are HTML-escaped (search results).
fn video(
    item: &Resource<'_>,
    id: &str,
    role: Role,
    escaped: bool,
    state: &mut State,
    out: &mut Vec<Record>,
) -> Result<(), String> {
    let snippet = snippet(item)?;
    let channel = nonempty(snippet.channel_id.as_deref()).ok_or("channelId")?;
    let created_at = date(snippet.published_at.as_deref(), "publishedAt")?;
    let mut account = AccountRecord::bare(PLATFORM, channel, None, role);
    account.display_name = nonempty(snippet.channel_title.as_deref()).map(str::to_string);
    state.account(account, out);
    let stats = item.statistics.as_ref();
    let counters = Counters {
        likes: stats.and_then(|s| count(s.like_count)),
        replies: stats.and_then(|s| count(s.comment_count)),
        views: stats.and_then(|s| count(s.view_count)),
        ..Counters::default()
    };
    let lang = nonempty(snippet.default_language.as_deref())
        .or(nonempty(snippet.default_audio_language.as_deref()))
        .map(str::to_string);
    let title = snippet.title.as_deref().unwrap_or("");
    let description = snippet.description.as_deref().unwrap_or("");
    // search.list escapes HTML in titles and descriptions; videos.list does not.
    let (title, description) = if escaped {
        (
            text::decode_entities(title),
            text::decode_entities(description),
        )
    } else {
        (title.into(), description.into())
    };
    out.push(video_post(
        id,
        channel,
        created_at,
        &title,
        &description,
        lang,
        counters,
        None,
    ));
    Ok(())
}

/// A video as an original post (shared with YouTube Data Tools).
#[allow(clippy::too_many_arguments)]
pub fn video_post(
    id: &str,
    channel: &str,
    created_at: Timestamp,
    title: &str,
    description: &str,
    lang: Option<String>,
    counters: Counters,
    observed_at: Option<Timestamp>,
) -> Record {
    let text = text::video_text(title, description);
    let entities = text::entities(&text);
    Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: id.to_string(),
        author_id: channel.to_string(),
        created_at,
        kind: PostKind::Original,
        parent: None,
        referenced: None,
        conversation_id: Some(id.to_string()),
        media: text::media(Some(MediaKind::Video), &entities),
        urls: entities.urls,
        hashtags: entities.hashtags,
        mentions: entities.mentions,
        text,
        lang,
        edited: false,
        deleted: false,
        counters,
        reactions: Vec::new(),
        observed_at,
    }))
}

/// A search result: a video (no statistics), a channel, or a playlist (not imported).
fn search_result(
    item: &Resource<'_>,
    state: &mut State,
    out: &mut Vec<Record>,
) -> Result<(), String> {
    let Some(ResourceId::Search {
        kind,
        video_id,
        channel_id,
        ..
    }) = &item.id
    else {
        return Err("id".to_string());
    };
    match (kind.as_deref(), video_id.as_deref(), channel_id.as_deref()) {
        (_, Some(video_id), _) => video(item, video_id, Role::Audience, true, state, out),
        (_, None, Some(channel_id)) => channel(item, channel_id, Role::Audience, state, out),
        (kind, _, _) => Err(format!("kind `{}`", kind.unwrap_or("(none)"))),
    }
}

/// A channel: its account, and its audience size when `statistics` was requested.
fn channel(
    item: &Resource<'_>,
    id: &str,
    role: Role,
    state: &mut State,
    out: &mut Vec<Record>,
) -> Result<(), String> {
    let snippet = item.snippet.as_ref();
    let mut account = AccountRecord::bare(PLATFORM, id, None, role);
    if let Some(s) = snippet {
        account.handle =
            nonempty(s.custom_url.as_deref()).map(|h| h.strip_prefix('@').unwrap_or(h).to_string());
        account.display_name = nonempty(s.title.as_deref())
            .or(nonempty(s.channel_title.as_deref()))
            .map(str::to_string);
        account.created_at = nonempty(s.published_at.as_deref()).and_then(Timestamp::parse);
        account.description = nonempty(s.description.as_deref()).map(str::to_string);
        account.location = nonempty(s.country.as_deref()).map(str::to_string);
        account.lang = nonempty(s.default_language.as_deref()).map(str::to_string);
    }
    state.account(account, out);
    if let Some(stats) = &item.statistics {
        let followers = if stats.hidden_subscriber_count == Some(true) {
            None
        } else {
            count(stats.subscriber_count)
        };
        let posts_count = count(stats.video_count);
        if followers.is_some() || posts_count.is_some() {
            out.push(Record::AccountObservation(AccountObservation {
                platform: PLATFORM,
                account_id: id.to_string(),
                observed_at: None,
                followers,
                following: None,
                posts_count,
                listed_count: None,
            }));
        }
    }
    Ok(())
}

/// Where a comment sits, when its container says so.
#[derive(Debug, Default)]
struct Placement<'s> {
    video_id: Option<&'s str>,
    /// The channel of the video.
    channel: Option<&'s str>,
    /// The comment answered (replies of a thread).
    parent: Option<PostRef>,
    /// Replies to a top-level comment (thread-wide count).
    replies: Option<u64>,
}

/// A comment thread: the top-level comment, then the replies it carries.
fn thread(item: &Resource<'_>, state: &mut State, out: &mut Vec<Record>) -> Result<(), String> {
    let snippet = snippet(item)?;
    let top = snippet
        .top_level_comment
        .as_deref()
        .ok_or("topLevelComment")?;
    let top_snippet = snippet_of(top)?;
    let video_id =
        nonempty(snippet.video_id.as_deref()).or(nonempty(top_snippet.video_id.as_deref()));
    let channel =
        nonempty(snippet.channel_id.as_deref()).or(nonempty(top_snippet.channel_id.as_deref()));
    let placement = Placement {
        video_id,
        channel,
        parent: None,
        replies: count(snippet.total_reply_count),
    };
    comment(top, &placement, state, out)?;
    let top_ref = PostRef {
        post_id: plain_id(top).ok_or("id")?.to_string(),
        account_id: author_of(top_snippet).map(str::to_string),
        handle: text::author_name(top_snippet.author_display_name.as_deref()).0,
    };
    let replies = item
        .replies
        .as_ref()
        .and_then(|r| r.comments.as_deref())
        .unwrap_or(&[]);
    for reply in replies {
        let placement = Placement {
            video_id,
            channel,
            parent: Some(top_ref.clone()),
            replies: None,
        };
        if let Err(why) = comment(reply, &placement, state, out) {
            state.leave(format!("no `{why}`"));
        }
    }
    Ok(())
}

fn snippet_of<'r, 'a>(item: &'r Resource<'a>) -> Result<&'r Snippet<'a>, String> {
    item.snippet.as_ref().ok_or_else(|| "snippet".to_string())
}

fn plain_id<'r>(item: &'r Resource<'_>) -> Option<&'r str> {
    match &item.id {
        Some(ResourceId::Plain(id)) => nonempty(Some(id)),
        _ => None,
    }
}

fn author_of<'r>(snippet: &'r Snippet<'_>) -> Option<&'r str> {
    nonempty(
        snippet
            .author_channel_id
            .as_ref()
            .and_then(|a| a.0.as_deref()),
    )
}

/// A comment: a reply to the video (top level) or to the comment it answers.
fn comment(
    item: &Resource<'_>,
    placement: &Placement<'_>,
    state: &mut State,
    out: &mut Vec<Record>,
) -> Result<(), String> {
    let id = plain_id(item).ok_or("id")?;
    let snippet = snippet_of(item)?;
    let author = author_of(snippet).ok_or("authorChannelId")?;
    let created_at = date(snippet.published_at.as_deref(), "publishedAt")?;
    let video_id = placement.video_id.or(nonempty(snippet.video_id.as_deref()));
    let channel = placement
        .channel
        .or(nonempty(snippet.channel_id.as_deref()));
    let parent = if let Some(parent) = &placement.parent {
        parent.clone()
    } else if let Some(parent_id) = nonempty(snippet.parent_id.as_deref()) {
        PostRef {
            post_id: parent_id.to_string(),
            account_id: None,
            handle: None,
        }
    } else {
        PostRef {
            post_id: video_id.ok_or("videoId")?.to_string(),
            account_id: channel.map(str::to_string),
            handle: None,
        }
    };
    let role = if Some(author) == channel {
        Role::Subject
    } else {
        Role::Audience
    };
    let (handle, display_name) = text::author_name(snippet.author_display_name.as_deref());
    let mut account = AccountRecord::bare(PLATFORM, author, handle, role);
    account.display_name = display_name;
    state.account(account, out);
    let body = match nonempty(snippet.text_original.as_deref()) {
        Some(_) => std::borrow::Cow::Borrowed(snippet.text_original.as_deref().unwrap_or("")),
        None => text::html_to_text(snippet.text_display.as_deref().unwrap_or("")),
    };
    let entities = text::entities(&body);
    let updated = nonempty(snippet.updated_at.as_deref()).and_then(Timestamp::parse);
    out.push(Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: id.to_string(),
        author_id: author.to_string(),
        created_at,
        kind: PostKind::Reply,
        parent: Some(parent),
        referenced: None,
        conversation_id: video_id.map(str::to_string),
        media: text::media(None, &entities),
        urls: entities.urls,
        hashtags: entities.hashtags,
        mentions: entities.mentions,
        text: body.into_owned(),
        lang: None,
        edited: updated.is_some_and(|u| u != created_at),
        deleted: false,
        counters: Counters {
            likes: count(snippet.like_count),
            replies: placement.replies,
            ..Counters::default()
        },
        reactions: Vec::new(),
        observed_at: None,
    })));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(json: &str) -> Result<(Vec<Record>, Vec<String>), ConvertError> {
        let res: Resource<'_> = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        record(&res, &mut out, &mut warnings)?;
        Ok((out, warnings))
    }

    #[test]
    fn errors_and_other_pages_are_skips() {
        let err = convert(r#"{"error": {"code": 403, "message": "quotaExceeded", "errors": []}}"#)
            .unwrap_err();
        assert_eq!(err.to_string(), "YouTube API error 403: quotaExceeded");
        let err =
            convert(r#"{"kind": "youtube#playlistItemListResponse", "items": []}"#).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("`youtube#playlistItemListResponse` pages"));
        assert!(convert(r#"{"a": 1}"#).is_err());
    }

    #[test]
    fn bare_video_resources_are_read() {
        let (records, warnings) = convert(
            r#"{"kind": "youtube#video", "id": "AbCdEfGhIjK", "snippet": {"publishedAt": "2026-01-05T10:00:00Z",
                "channelId": "UCx", "title": "T", "description": ""}, "statistics": {"viewCount": "10"}}"#,
        )
        .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(records.len(), 2);
    }
}

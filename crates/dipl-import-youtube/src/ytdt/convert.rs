//! Pure translation of YouTube Data Tools rows into [`Record`]s (rules in the crate
//! documentation).

use dipl_ingest::csv::{Headers, Row};
use dipl_ingest::json::RecordError;
use dipl_model::{
    AccountRecord, Counters, Platform, Post, PostKind, PostRef, Record, Role, Timestamp,
};

use crate::api::convert::video_post;
use crate::number::parse_count;
use crate::text;

const PLATFORM: Platform = Platform::Youtube;

/// Columns of a video list (`videolist_*.tab`) that this importer reads or knows, as YTDT names
/// them (the PHP tool's columns, then the 2025 Python rewrite's).
pub const VIDEO_LIST_COLUMNS: &[&str] = &[
    "position",
    "channelId",
    "channelTitle",
    "videoId",
    "publishedAt",
    "publishedAtSQL",
    "videoTitle",
    "videoDescription",
    "tags",
    "videoCategoryId",
    "videoCategoryLabel",
    "topicCategories",
    "duration",
    "durationSec",
    "dimension",
    "definition",
    "caption",
    "defaultLanguage",
    "defaultLAudioLanguage",
    "defaultAudioLanguage",
    "thumbnail_maxres",
    "licensedContent",
    "locationDescription",
    "latitude",
    "longitude",
    "viewCount",
    "likeCount",
    "dislikeCount",
    "favoriteCount",
    "commentCount",
    "videoUrl",
    "isShort",
    "liveBroadcastContent",
    "regionRestrictionAllowed",
    "regionRestrictionBlocked",
    "madeForKids",
    "hasPaidProductPlacement",
];

/// Columns of a comments file (`videoinfo_*_comments.tab`) that this importer reads or knows.
pub const COMMENT_COLUMNS: &[&str] = &[
    "id",
    "replyCount",
    "likeCount",
    "publishedAt",
    "authorName",
    "text",
    "authorChannelId",
    "authorChannelUrl",
    "isReply",
    "isReplyTo",
    "isReplyToId",
    "isReplyToName",
    "videoId",
    "totalReplyCount",
    "inferredReplyCount",
    "inferredLevel",
    "isChannelOwner",
    "threadId",
];

/// Header names (normalised) not in `known`, as written in the file.
pub fn unknown_columns(headers: &Headers, known: &[&str]) -> Vec<String> {
    let known: Vec<String> = known
        .iter()
        .map(|k| dipl_ingest::csv::normalise(k))
        .collect();
    headers
        .names()
        .iter()
        .filter(|n| !n.is_empty() && !known.contains(&dipl_ingest::csv::normalise(n)))
        .cloned()
        .collect()
}

/// `2026-01-05 10:00:00` (YTDT's `publishedAtSQL` and comment dates), read as UTC.
pub fn parse_sql_datetime(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    let (date, time) = s.split_once([' ', 'T']).unwrap_or((s, "00:00:00"));
    let mut d = date.split('-').map(|p| p.parse::<u32>().ok());
    let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(|p| p.parse::<u32>().ok());
    let (h, mi) = (t.next()??, t.next()??);
    let sec = t.next().flatten().unwrap_or(0);
    if d.next().is_some() {
        return None;
    }
    Timestamp::from_ymd_hms(i32::try_from(y).ok()?, mo, da, h, mi, sec)
}

/// A SQL-style time (`2026-01-05 10:00:00`, YTDT's own form), else RFC 3339.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.as_bytes().get(10) == Some(&b' ') {
        parse_sql_datetime(s)
    } else {
        Timestamp::parse(s).or_else(|| parse_sql_datetime(s))
    }
}

fn skip(message: impl Into<String>) -> RecordError {
    RecordError::Skip(message.into())
}

/// Column positions of a video list.
#[derive(Debug, Clone)]
pub struct VideoListColumns {
    channel_id: usize,
    channel_title: Option<usize>,
    video_id: usize,
    published_at: Option<usize>,
    published_at_sql: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    default_language: Option<usize>,
    default_audio_language: Option<usize>,
    views: Option<usize>,
    likes: Option<usize>,
    comments: Option<usize>,
}

impl VideoListColumns {
    pub fn find(headers: &Headers) -> Result<VideoListColumns, String> {
        let need = |name: &str| {
            headers
                .find(&[name])
                .ok_or_else(|| format!("no `{name}` column: not a YouTube Data Tools video list"))
        };
        let columns = VideoListColumns {
            channel_id: need("channelId")?,
            channel_title: headers.find(&["channelTitle"]),
            video_id: need("videoId")?,
            published_at: headers.find(&["publishedAt"]),
            published_at_sql: headers.find(&["publishedAtSQL"]),
            title: headers.find(&["videoTitle"]),
            description: headers.find(&["videoDescription"]),
            default_language: headers.find(&["defaultLanguage"]),
            default_audio_language: headers
                .find(&["defaultAudioLanguage", "defaultLAudioLanguage"]),
            views: headers.find(&["viewCount"]),
            likes: headers.find(&["likeCount"]),
            comments: headers.find(&["commentCount"]),
        };
        if columns.published_at.is_none() && columns.published_at_sql.is_none() {
            return Err("no `publishedAt` column: not a YouTube Data Tools video list".into());
        }
        Ok(columns)
    }
}

/// One row of a video list: the channel's account, then the video.
pub fn video_row(
    row: &Row<'_>,
    c: &VideoListColumns,
    role: Role,
    observed_at: Option<Timestamp>,
    out: &mut Vec<Record>,
) -> Result<(), RecordError> {
    let video_id = row
        .get(Some(c.video_id))
        .ok_or_else(|| skip("no videoId"))?;
    let channel = row
        .get(Some(c.channel_id))
        .ok_or_else(|| skip("no channelId"))?;
    let created_at = row
        .get(c.published_at)
        .and_then(parse_time)
        .or_else(|| row.get(c.published_at_sql).and_then(parse_sql_datetime))
        .ok_or_else(|| {
            skip(format!(
                "unreadable publishedAt `{}`",
                row.get(c.published_at)
                    .or(row.get(c.published_at_sql))
                    .unwrap_or("")
            ))
        })?;
    let mut account = AccountRecord::bare(PLATFORM, channel, None, role);
    account.display_name = row.get(c.channel_title).map(str::to_string);
    out.push(Record::Account(account));
    let counters = Counters {
        likes: row.get(c.likes).and_then(parse_count),
        replies: row.get(c.comments).and_then(parse_count),
        views: row.get(c.views).and_then(parse_count),
        ..Counters::default()
    };
    let lang = row
        .get(c.default_language)
        .or(row.get(c.default_audio_language))
        .map(str::to_string);
    out.push(video_post(
        video_id,
        channel,
        created_at,
        row.get(c.title).unwrap_or(""),
        row.get(c.description).unwrap_or(""),
        lang,
        counters,
        observed_at,
    ));
    Ok(())
}

/// Column positions of a comments file.
#[derive(Debug, Clone)]
pub struct CommentColumns {
    id: usize,
    video_id: Option<usize>,
    reply_count: Option<usize>,
    like_count: Option<usize>,
    published_at: usize,
    author_name: Option<usize>,
    text: Option<usize>,
    author_channel_id: usize,
    is_reply: Option<usize>,
    is_reply_to: Option<usize>,
    is_reply_to_name: Option<usize>,
    is_channel_owner: Option<usize>,
    thread_id: Option<usize>,
}

impl CommentColumns {
    pub fn find(headers: &Headers) -> Result<CommentColumns, String> {
        let need = |name: &str| {
            headers.find(&[name]).ok_or_else(|| {
                format!("no `{name}` column: not a YouTube Data Tools comments file")
            })
        };
        Ok(CommentColumns {
            id: need("id")?,
            video_id: headers.find(&["videoId"]),
            reply_count: headers.find(&["replyCount", "totalReplyCount"]),
            like_count: headers.find(&["likeCount"]),
            published_at: need("publishedAt")?,
            author_name: headers.find(&["authorName"]),
            text: headers.find(&["text"]),
            author_channel_id: need("authorChannelId")?,
            is_reply: headers.find(&["isReply"]),
            is_reply_to: headers.find(&["isReplyTo", "isReplyToId"]),
            is_reply_to_name: headers.find(&["isReplyToName"]),
            is_channel_owner: headers.find(&["isChannelOwner"]),
            thread_id: headers.find(&["threadId"]),
        })
    }

    pub fn has_video_id(&self) -> bool {
        self.video_id.is_some()
    }
}

/// What the file (its name, its `_basicinfo` sibling) says about the comments' video.
#[derive(Debug, Clone, Default)]
pub struct VideoContext {
    pub video_id: Option<String>,
    /// The video's channel.
    pub channel: Option<String>,
    pub observed_at: Option<Timestamp>,
}

fn truthy(cell: Option<&str>) -> bool {
    cell.is_some_and(|c| matches!(c.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "y"))
}

/// One row of a comments file: the author's account, then the comment as a reply.
pub fn comment_row(
    row: &Row<'_>,
    c: &CommentColumns,
    ctx: &VideoContext,
    out: &mut Vec<Record>,
) -> Result<(), RecordError> {
    let id = row.get(Some(c.id)).ok_or_else(|| skip("no id"))?;
    let author = row
        .get(Some(c.author_channel_id))
        .ok_or_else(|| skip("no authorChannelId"))?;
    let published = row.get(Some(c.published_at)).unwrap_or("");
    let created_at = parse_time(published)
        .ok_or_else(|| skip(format!("unreadable publishedAt `{published}`")))?;
    let video_id = row.get(c.video_id).or(ctx.video_id.as_deref());
    let is_reply = truthy(row.get(c.is_reply));
    let parent = if is_reply {
        let parent_id = row
            .get(c.is_reply_to)
            .or(row.get(c.thread_id))
            .or_else(|| id.split_once('.').map(|(top, _)| top))
            .ok_or_else(|| skip("a reply without the comment it answers"))?;
        PostRef {
            post_id: parent_id.to_string(),
            account_id: None,
            handle: text::author_name(row.get(c.is_reply_to_name)).0,
        }
    } else {
        PostRef {
            post_id: video_id
                .ok_or_else(|| skip("a top-level comment without its video id"))?
                .to_string(),
            account_id: ctx.channel.clone(),
            handle: None,
        }
    };
    let own = ctx.channel.as_deref() == Some(author)
        || row
            .get(c.is_channel_owner)
            .is_some_and(|v| v.eq_ignore_ascii_case("yes"));
    let role = if own { Role::Subject } else { Role::Audience };
    let (handle, display_name) = text::author_name(row.get(c.author_name));
    let mut account = AccountRecord::bare(PLATFORM, author, handle, role);
    account.display_name = display_name;
    out.push(Record::Account(account));
    let body = text::html_to_text(row.get(c.text).unwrap_or(""));
    let entities = text::entities(&body);
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
        edited: false,
        deleted: false,
        counters: Counters {
            likes: row.get(c.like_count).and_then(parse_count),
            replies: if is_reply {
                None
            } else {
                row.get(c.reply_count).and_then(parse_count)
            },
            ..Counters::default()
        },
        reactions: Vec::new(),
        observed_at: ctx.observed_at,
    })));
    Ok(())
}

/// The key/value lines of a Video Info `_basicinfo` file (`id\tAbC…`, `channelId\tUC…`).
pub fn basic_info(text: &str) -> Vec<(String, String)> {
    let delimiter = if text.lines().next().is_some_and(|l| l.contains('\t')) {
        '\t'
    } else {
        ','
    };
    text.lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(delimiter)?;
            Some((unquote(key.trim()), unquote(value.trim())))
        })
        .collect()
}

fn unquote(s: &str) -> String {
    match s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => s.to_string(),
    }
}

/// The video of a `_basicinfo` file: the channel's account and the video post.
pub fn basic_info_records(
    info: &[(String, String)],
    observed_at: Option<Timestamp>,
    out: &mut Vec<Record>,
) -> Result<(), String> {
    let get = |key: &str| {
        info.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let video_id = get("id").ok_or("no `id` line: not a Video Info basic info file")?;
    let channel = get("channelId").ok_or("no `channelId` line")?;
    let created_at = get("published_unix")
        .and_then(|s| s.parse::<i64>().ok())
        .map(Timestamp)
        .or_else(|| get("published").and_then(parse_time))
        .or_else(|| get("publishedAt").and_then(parse_time))
        .ok_or("no readable `published` line")?;
    let mut account = AccountRecord::bare(PLATFORM, channel, None, Role::Subject);
    account.display_name = get("channelTitle").map(str::to_string);
    out.push(Record::Account(account));
    let counters = Counters {
        likes: get("likeCount").and_then(parse_count),
        replies: get("commentCount").and_then(parse_count),
        views: get("viewCount").and_then(parse_count),
        ..Counters::default()
    };
    out.push(video_post(
        video_id,
        channel,
        created_at,
        get("title").unwrap_or(""),
        get("description").unwrap_or(""),
        get("defaultLanguage").map(str::to_string),
        counters,
        observed_at,
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_times() {
        assert_eq!(
            parse_sql_datetime("2026-01-05 10:00:07"),
            Timestamp::from_ymd_hms(2026, 1, 5, 10, 0, 7)
        );
        assert_eq!(
            parse_sql_datetime("2026-01-05 10:00"),
            Timestamp::from_ymd_hms(2026, 1, 5, 10, 0, 0)
        );
        assert_eq!(parse_sql_datetime("2026-13-05 10:00:00"), None);
        assert_eq!(parse_sql_datetime("yesterday"), None);
        assert_eq!(
            parse_time("2026-01-05T10:00:00Z"),
            Timestamp::from_ymd_hms(2026, 1, 5, 10, 0, 0)
        );
    }

    #[test]
    fn basic_info_lines() {
        let info = basic_info("id\tAbC\ntitle\t\"Say \"\"hi\"\"\"\nchannelId\tUC1\n");
        assert_eq!(info[1], ("title".to_string(), "Say \"hi\"".to_string()));
        let mut out = Vec::new();
        assert!(basic_info_records(&info, None, &mut out).is_err());
    }
}

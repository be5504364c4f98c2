//! YouTube importers: YouTube Data API v3 JSON ([`Api`], `youtube.api`) and the tabular outputs
//! of YouTube Data Tools ([`Ytdt`], `youtube.ytdt`).
//!
//! # Formats read
//!
//! - **`youtube.api`**: response pages of `videos.list` (`youtube#videoListResponse`),
//!   `search.list` (`youtube#searchListResponse`), `commentThreads.list`
//!   (`youtube#commentThreadListResponse`), `comments.list` (`youtube#commentListResponse`) and
//!   `channels.list` (`youtube#channelListResponse`), one per file, as a JSON array or as JSON
//!   Lines (one page per record, through [`dipl_ingest::json::drive`]); resources stored one by
//!   one (`{"kind": "youtube#video", …}`) are read too. The `kind` field tells them apart (and
//!   makes sniffing certain). Error answers (`{"error": {"code", "message"}}`) and other
//!   endpoints' pages (`playlistItems`, `activities` …) are skipped with a diagnostic.
//! - **`youtube.ytdt`**: YouTube Data Tools' Video List module output
//!   (`videolist_<mode><n>_<date>.tab`: `position, channelId, channelTitle, videoId,
//!   publishedAt, publishedAtSQL, videoTitle, videoDescription, tags, …, viewCount, likeCount,
//!   dislikeCount, favoriteCount, commentCount`), the Video Info module's comments
//!   (`videoinfo_<video id>_<date>_comments.tab`: `id, replyCount, likeCount, publishedAt,
//!   authorName, text, authorChannelId, authorChannelUrl, isReply, isReplyTo, isReplyToName`)
//!   and its `…_basicinfo.tab` (key/value lines about the video), tab- or comma-separated,
//!   UTF-8 (BOM or not) or Windows-1252, with the column sets of the PHP tool and of the 2025
//!   Python rewrite (`videoId`, `totalReplyCount`, `isChannelOwner`, `threadId`,
//!   `isReplyToId`). Unknown columns are tolerated and reported once.
//!
//! # Translation rules
//!
//! - **Videos** are original posts by their channel (`snippet.channelId`), id = the video id.
//!   The text is the title, a blank line, then the description (YouTube shows both; a video
//!   without description is its title). `lang` is `defaultLanguage`, else
//!   `defaultAudioLanguage`. Media: video (plus link when the description links outside
//!   YouTube). Hashtags, mentions (`@handle`) and URLs come from that text by the twitter-text
//!   rules (`dipl-text`): the `#hashtags` YouTube shows are written in the title or
//!   description. `snippet.tags` are *not* hashtags: they are keywords the uploader sets for
//!   search, invisible to viewers (YTDT's `tags` column likewise).
//! - **Counters** of a video: `viewCount` → views, `likeCount` → likes, `commentCount` → replies;
//!   a counter the owner hid (likes, comments when disabled) is absent → `None`, never 0.
//!   `dislikeCount` (private since 2021) and `favoriteCount` (always 0, deprecated) are not
//!   engagement the model counts. YouTube has no repost, quote, bookmark counts: `None`. Search
//!   results carry no statistics: all `None`.
//! - **Comments** are replies: a top-level comment's parent is the video (with the video's
//!   channel as its author: `snippet.channelId` of a comment thread is the video's channel);
//!   a reply's parent is the top-level comment it sits under (`snippet.parentId`, or the thread
//!   it comes with; YTDT: `isReplyTo`, else the id before the `.` of the reply's id). The API
//!   flattens deeper answers under the top-level comment: so do we. `conversation_id` is the
//!   video. Counters: `likeCount` → likes, `totalReplyCount` (YTDT `replyCount`) → replies of
//!   a top-level comment. Text: `textOriginal` when present, else `textDisplay` with its HTML
//!   (`<br>`, links, character references) turned into plain text. `updatedAt` later than
//!   `publishedAt` marks a comment edited. Comments without an author channel id (deleted
//!   accounts) are skipped with a count.
//! - **Roles**: the channels of `videos.list` videos and of `channels.list` are subjects (a
//!   lookup of chosen videos or channels); videos and channels found by `search.list` are others'
//!   content: their channels are audience (as X search pages). A comment by the video's own
//!   channel is an actor reply and its author the subject; other commenters are audience. YTDT
//!   video lists are subjects, except files named `videolist_search…` (the search mode), whose
//!   channels are audience. YTDT comments know the video's channel from the `…_basicinfo.tab`
//!   beside them (or the rewrite's `isChannelOwner` column); without it every commenter is
//!   audience and a warning says so.
//! - **Accounts**: channel ids (`UC…`). A channel resource gives handle (`customUrl` without
//!   `@`), title, creation date, description, country (as location), default language; its
//!   `subscriberCount` (unless `hiddenSubscriberCount`; YouTube rounds it to three significant
//!   figures) becomes the followers of an observation, `videoCount` its posts count. Comment
//!   authors' `authorDisplayName` is an `@handle` since 2023 (kept as handle), a display name
//!   before (kept as display name).
//! - **`observed_at`**: the Data API states no collection time: `None`. YTDT puts the time of
//!   its run in file names (`…_2026_03_02-14_05_09…`): read as UTC (it is the tool's server
//!   clock; the public instance runs in Amsterdam, so it may be one or two hours ahead);
//!   `None` when the name has none.
//! - YTDT's comment times (`Y-m-d H:i:s`) are read as UTC (the rewrite writes UTC; the PHP tool
//!   wrote its server's time). Its `videoDescription` and `text` have whitespace squashed by the
//!   tool (line breaks are lost at the source).

pub mod api;
mod error;
mod number;
mod text;
pub mod ytdt;

use dipl_ingest::Importer;

pub use api::Api;
pub use error::ConvertError;
pub use ytdt::Ytdt;

/// Every YouTube importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&Api, &Ytdt]
}

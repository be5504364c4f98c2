//! Importers for Meta's research tools: CrowdTangle historical-data CSV of Facebook pages and
//! groups ([`FacebookCrowdTangle`], `facebook.crowdtangle`) and of Instagram accounts
//! ([`InstagramCrowdTangle`], `instagram.crowdtangle`), and Meta Content Library post downloads
//! of Facebook ([`FACEBOOK_CONTENT_LIBRARY`], `facebook.content_library`) and Instagram
//! ([`INSTAGRAM_CONTENT_LIBRARY`], `instagram.content_library`).
//!
//! All four read through `dipl_ingest::csv::drive` (comma, tab or semicolon; UTF-8 with or
//! without BOM, UTF-16, Windows-1252; rows converted in parallel) and sniff with
//! `dipl_ingest::csv::sniff_header`. Each format has a `raw` module (its column names and the
//! cells of a row) and a `convert` module of pure functions into [`dipl_model::Record`]s.
//! Importers translate; they do not decide: no clock, no store, no metrics.
//!
//! # Roles
//!
//! Every row is a post of a page, group, profile or account whose posts were collected (a
//! CrowdTangle list or saved search, a Content Library download of public pages and widely
//! known people), so its account is a [`dipl_model::Role::Subject`]. These exports name no
//! commenters or other audience accounts. An account record is emitted with every post (the
//! store merges them).
//!
//! # CrowdTangle (`facebook.crowdtangle`, `instagram.crowdtangle`)
//!
//! Both column sets, before and after April 2021, are read (see [`crowdtangle::raw`]).
//!
//! - **Ids.** The page is its `Facebook Id` (the page's or group's numeric id), with `User
//!   Name` as handle and `Page Name` (`Group Name`) as display name; the page's `Page Created`,
//!   `Page Description` and `Page Admin Top Country` (an ISO country code, kept as location)
//!   when the file has them. A post has no id column: its id is built from its `URL` in the
//!   Graph API form `<Facebook Id>_<post id>` (see [`links`] for the URL forms read); a URL
//!   with no post id in it (a bare page link) skips the row with a diagnostic, as does a
//!   `Facebook Id` a spreadsheet turned into `1.00064E+14`. Instagram exports have no
//!   account id: the account is its `User Name` (handle), the post its shortcode
//!   (`instagram.com/p/<shortcode>/`, also `/reel/`, `/tv/`; `Link` as fallback).
//! - **Times.** `Post Created` (`Created` in the older set) is local time in the dashboard's
//!   time zone with the zone's abbreviation (`2021-07-06 16:45:20 EDT`), converted to UTC by
//!   the abbreviation's offset ([`date`]: CET/CEST, EST/EDT, numeric `+06` …; the ambiguous
//!   `CST`, `IST`, `AST` read as US Central, India, Atlantic). An unknown abbreviation skips the
//!   row with a diagnostic; a time without zone is UTC.
//! - **Audience size.** `Followers at Posting`, or where it is absent or empty `Likes at
//!   Posting` (page likes; design.md: "CrowdTangle 'Likes at Posting' is followers at posting
//!   time"), becomes an [`dipl_model::AccountObservation`] at the post's creation time.
//! - **Counters.** Facebook: `likes` = Likes + Love + Care + Haha + Wow + Sad + Angry (the reaction
//!   columns present and not empty, also listed by type in `reactions` as `like`, `love`, `care`,
//!   `haha`, `wow`, `sad`, `angry`; a type with 0 is not listed), `reposts` = `Shares`, `replies` =
//!   `Comments`, `views` = `Post Views`. Instagram: `likes` = `Likes`, `replies` = `Comments`,
//!   `views` = `Views`, no reposts. An empty cell (or `N/A`) is not available, never 0.
//!   CrowdTangle's views count plays of videos hosted on the platform, so the 0 it writes on other
//!   posts (status, photo, link, YouTube) is read as not available too; on a native or live video,
//!   0 is kept. `Total Interactions`, `Total Views` and the overperforming score are CrowdTangle's
//!   derivations and not read. Quotes and bookmarks are not available.
//! - **Kinds.** A post is an original unless the data says it is a share: `Video Share Status`
//!   `share` (another page's video), or a `Link` to a post, video or photo of *another* page or
//!   profile on facebook.com (the rule 4CAT's CrowdTangle import uses). A share without `Message`
//!   is a repost (its counters and reactions are left empty: they belong to the shared post), with
//!   `Message` a quote. The shared post is the `referenced` post when its link names it: `<page
//!   id>_<post id>` when the link names the page by number, else the bare post id with the page's
//!   handle. Instagram posts are all originals.
//! - **Media and entities.** `Type` gives the media kind (`Photo`, `Album` → photo; `Native
//!   Video`, `Live Video …`, `YouTube`, `IGTV`, `Reel` … → video; `Link` → link; `Status` →
//!   none). `Final Link` (else `Link`) is the shared URL when it points outside Facebook and
//!   Instagram, adding the link kind. Hashtags, mentions and URLs come from `Message` (Instagram:
//!   `Description`, else `Title`) by the twitter-text rules (`dipl-text`). `Image Text`, `Link
//!   Text` and `Description` (a link preview's) are not the post's text.
//! - **Not available:** language, edits, deletion, collection time (`observed_at` is `None`:
//!   the file does not state when it was downloaded).
//!
//! # Meta Content Library (`facebook.content_library`, `instagram.content_library`)
//!
//! Field names from the Content Library data dictionary, see [`content_library::raw`].
//!
//! - **Ids.** Content Library ids are their own namespace (Meta: they "cannot be used to search
//!   on Meta technologies"): they are neither Graph API nor CrowdTangle ids. Post and account ids
//!   are written `mcl:<id>` so that they can never collide with a Graph id; a page collected
//!   through both tools therefore appears as two accounts (linked by handle, when
//!   `post_owner.username` is given). The owner is `post_owner.id`
//!   (`post_owner.data.id` in version 5), with `post_owner.username` and `post_owner.name`;
//!   `is_verified` gives its verification when it posted on its own surface.
//! - **Times.** `creation_time` (ISO 8601 with offset, or Unix seconds) in UTC.
//! - **Counters.** Facebook: `reactions` by type from `statistics.{like,love,care,haha,wow,sad,
//!   angry}_count` (types with 0 not listed), `likes` their sum (else
//!   `statistics.reaction_count`), `reposts` =
//!   `statistics.share_count`, `replies` = `statistics.comment_count`, `views` =
//!   `statistics.views` (Meta leaves it empty under 100 views: not available). Instagram:
//!   `likes` = `statistics.like_count`, `replies`, `views`; no shares.
//! - **Kinds.** A post with a `shared_post_id` (or content type `reshare`) is a reshare:
//!   a repost without text (empty counters), a quote with text, referencing `mcl:<shared id>`.
//!   Everything else is an original.
//! - **Media and entities.** `content_type` (`media_type` before version 5), else the types in
//!   `multimedia`; the link attachment (`link_attachment.link`) is a shared URL and adds the link
//!   kind. Instagram's own `hashtags` list wins over extraction; otherwise hashtags, mentions and
//!   URLs are extracted from `text`. `lang` is the platform's language tag.
//! - **Not available:** audience size (post downloads carry no follower counts), collection
//!   time, edits (`modified_time` also moves for reasons other than edits).
//!
//! # Bad input
//!
//! A row that cannot be a post (no id, no readable time) is skipped with a located diagnostic;
//! a counter cell that is not a number is a warning and reads as not available. Columns the
//! importer does not know are listed once per file (`fields not read: …`); a header without
//! the columns an importer needs is refused. Truncated files, short rows and encodings are
//! handled by `dipl_ingest::csv::drive`.

pub mod cells;
mod common;
pub mod content_library;
pub mod crowdtangle;
pub mod date;
mod error;
pub mod links;

use dipl_ingest::Importer;

pub use content_library::{ContentLibrary, FACEBOOK_CONTENT_LIBRARY, INSTAGRAM_CONTENT_LIBRARY};
pub use crowdtangle::{FacebookCrowdTangle, InstagramCrowdTangle};
pub use error::ConvertError;

/// Every importer of this crate, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![
        &FacebookCrowdTangle,
        &InstagramCrowdTangle,
        &FACEBOOK_CONTENT_LIBRARY,
        &INSTAGRAM_CONTENT_LIBRARY,
    ]
}

//! Meta Graph API importers: Facebook page feeds, comments and page nodes
//! ([`FacebookGraph`], `facebook.graph`) and Instagram media, comments and user nodes
//! ([`InstagramGraph`], `instagram.graph`). (CrowdTangle and Meta Content Library CSV exports
//! are another crate's.)
//!
//! Both read Graph API responses as researchers save them: one response per file
//! (pretty-printed), a JSON array of responses, or JSON Lines with one response per line; each
//! response is one record of [`dipl_ingest::json::drive`] (parsed in parallel, emitted in file
//! order, memory bounded by the chunk size). Each format has a `raw` module mirroring Meta's
//! JSON with Meta's field names (every field optional, unknown fields ignored and counted,
//! strings borrowed) and a `convert` module of pure functions into [`dipl_model::Record`]s.
//! Importers translate; they do not decide: no clock, no store, no metrics. Graph responses
//! state no collection time, so `observed_at` is always `None`.
//!
//! # Facebook (`facebook.graph`)
//!
//! Records: a page of posts (`{"data": [post…], "paging": …}` from `/{page-id}/posts`,
//! `/feed`, `/published_posts`, `/tagged` …), a page of comments (`/{object-id}/comments`,
//! recognised by the request URL in `paging` or by comment-only fields such as `like_count`,
//! `comment_count`, `parent`, `object`), a page node (`/{page-id}?fields=name,username,
//! fan_count,followers_count,…`, or a `data` list of them), whose expanded `posts`/`feed`/
//! `published_posts` edge is read as a page of that page's posts, a single post node, or an
//! error response (`{"error": …}`, skipped with a diagnostic). Lists without `created_time`
//! (`/reactions`, `/likes` of a post: people, not posts) are skipped with a diagnostic.
//!
//! **Ids** are Meta's: posts `<timeline-id>_<post-id>`, comments `<object-id>_<comment-id>`,
//! accounts the numeric page or user id. Times: `2014-03-10T18:05:01+0000` (the offset without
//! a colon), any ISO 8601 spelling, or Unix seconds (`date_format=U`).
//!
//! **Roles.** The timeline collected is the node of the request (`/{id}/posts` in the paging
//! URL, numeric ids only), else the timeline the post id names (`<timeline-id>_…`), else, for
//! a page node's expanded edge, that page. A post's author (`from.id`; without `from`, the
//! timeline of its id, except on `/feed`, `/visitor_posts` and `/tagged`, which mix authors:
//! there a post without `from` is skipped with a count) is a subject when it is that timeline (the page's own posts; a user's
//! own posts when a user timeline was collected), audience otherwise (visitor posts on a
//! page's `/feed`, others' posts on `/tagged`). Commenters are audience, except the timeline's
//! own account: the page answering in its comments is a subject (an actor reply). Page nodes
//! are subjects. Graph withholds `from` on users' comments unless the token may moderate the
//! page (the page's own comments keep it): such comments are kept, as audience comments by one
//! unknown account (`unknown-commenter`), with a warning counting them, so that dialogue
//! figures count them (distinct commenters are then undercounted).
//!
//! **Kinds.** Posts are originals, except posts sharing another post (`parent_id`): a repost
//! without own text (its counters empty, as the codebook gives a share's engagement to the
//! shared post), a quote with text; `referenced` is the shared post, its author the timeline
//! its id names. Comments are replies: the parent is the post, or the comment they are
//! nested under (`comments{comments}`), or the comment their `parent` field names (the `stream`
//! view); the parent's author is known for posts and nested comments. In a comment page the
//! parent is the `parent` comment, else the object of the request URL, else the comment's
//! `object` (the photo or video commented); comments with none of these are skipped with a
//! count. `conversation_id` is the post's own id for posts and the root post's id for
//! comments of a feed (unknown in comment pages).
//!
//! **Counters.** `likes` (all reaction types, codebook §4): the sum of the reaction breakdown
//! when aliased reaction summaries are there (`reactions.type(LOVE).limit(0).summary(
//! total_count).as(reactions_love)`; any field whose name's words are one reaction type, like
//! `reactions_love`, `r_love`, `comm_LOVES`, `love`, and which holds a `summary.total_count`),
//! filling `reactions` (lower-case Graph type names, plus `other` for the rest of the reactions
//! total when the breakdown is partial); else `reactions.summary.total_count`; else
//! `likes.summary.total_count` (before July 2013: `likes.count`, or a comment's `likes`
//! number); for comments else `like_count`; else n/a. A `likes.data` list
//! without a summary (the old API's first 25 likers) is never a count: n/a. `reposts`:
//! `shares.count`. Graph leaves `shares` out of a post nobody shared (as Rfacebook's
//! `unlistWithNA`, which fills 0 for an absent `shares`, and Skybrud.Social's advice in its
//! issue 34 both rely on), but also when the field was not requested: when some post of the
//! same response has `shares`, the field was requested and its absence on another post is 0;
//! when no post of the response has it, reposts are n/a. `replies`: `comments.summary.
//! total_count` (before July 2013 `comments.count`; for comments `comment_count` first), else
//! n/a — never the length of the
//! listed comments, which is one page of them. `views`: lifetime `post_impressions` of the
//! post's `insights`, when present. Quotes and bookmarks: n/a.
//!
//! **Entities and media.** Hashtags and URLs are extracted from `message` (Facebook gives no
//! hashtag or link entities); the post's `link` and its attachments' `unshimmed_url`/`url` are
//! added when outside Meta's sites. Mentions stay empty: Facebook text has no `@handle`
//! syntax (a tag is written as the tagged name, so twitter-text extraction would only find
//! stray X handles), and `message_tags` give ids and display names, not handles, while the
//! model's mentions are handles. Media kinds
//! from the post `type` (`photo`, `video`, `link`) and the attachments' `media_type`/`type`
//! (`photo`, `album` → photo; `video_inline`, `video_autoplay` … → video;
//! `animated_image_share` … → gif; `share` → link), plus link when a URL points outside Meta.
//! `story` (Facebook's generated "X shared a link.") is not the post's text; `updated_time`
//! moves with every new comment, so it does not mark an edit.
//!
//! **Page nodes**: account (subject, handle = `username`, display name, `about` or
//! `description`, `location` city and country, verified from `is_verified` or
//! `verification_status`) and an observation with followers = `followers_count`, else
//! `fan_count` (page likes, the older audience figure).
//!
//! Fields known and deliberately not read: `story`, `updated_time`, `permalink_url`,
//! `full_picture`, `picture`, `icon`, `caption`, `source`, `actions`, `privacy`, `application`,
//! `object_id`, `to`, `message_tags`, `story_tags`, `with_tags`, `properties`, `place`, the
//! `is_*`/`can_*` flags, page `category_list`, `cover`, `website` and similar. Any other field
//! is reported once per file ("fields not read: …", from the first record).
//!
//! # Instagram (`instagram.graph`)
//!
//! Records: a page of media (`/{ig-user-id}/media?fields=id,caption,media_type,
//! media_product_type,media_url,permalink,timestamp,username,like_count,comments_count,
//! comments{…}`), an IG user node (`{id, username, name, followers_count, follows_count,
//! media_count, media: {data: […]}}`), a Business Discovery response (`{"business_discovery":
//! {user node}, "id": <the asking account>}`), a page of comments (`/{ig-media-id}/comments`,
//! `/{ig-comment-id}/replies`), a single media node, or an error response.
//!
//! **Roles.** The media's account is a subject when its media list was collected: media of a
//! user node, of `/{ig-user-id}/media`, or of a page without a request URL; media of other
//! edges (`/tags`, hashtag `top_media`/`recent_media`) are audience. Commenters are audience;
//! a comment or reply by the media's own account is a subject (an actor reply).
//!
//! **Ids.** The media account is `owner.id`, else the user node's `id`, else the user of the
//! request URL; when none is known (a one-page response without `owner`), the `username`
//! stands in for the id, with a warning. Commenters are `from.id`, else their `username`.
//!
//! **Kinds and counters.** Media are originals; comments are replies to the media, replies
//! (`replies{…}`) replies to their comment; in a comment page the parent is `parent_id`, else
//! the comment's `media.id`, else the object of the request URL. Media: likes = `like_count`
//! (left out by Graph when the owner hides like counts: n/a), replies = `comments_count`,
//! views from `insights` (`views`, else `plays`, else `video_views`) when present; reposts,
//! quotes, bookmarks n/a. Comments: likes = `like_count`; replies n/a (the listed replies are
//! not a count). No reaction types (Instagram has likes only).
//!
//! **Entities and media.** Hashtags, mentions and URLs are extracted from the caption or
//! comment text (twitter-text rules; Instagram's own `@` and `#` syntax is the same).
//! `media_type` `IMAGE` → photo, `VIDEO` → video (reels included), `CAROUSEL_ALBUM` → the kinds
//! of its `children`, else photo. The permalink is not a shared URL.
//!
//! **User nodes**: account (subject, handle = `username`, display name = `name`, description
//! = `biography`) and an observation (followers = `followers_count`, following =
//! `follows_count`, posts = `media_count`).
//!
//! The store upgrades an account seen once as subject for good, so an audience sighting never
//! demotes a subject.

mod common;
mod date;
pub mod graph;
pub mod instagram;
mod number;

use dipl_ingest::Importer;

pub use graph::FacebookGraph;
pub use instagram::InstagramGraph;

/// Every Meta Graph importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&FacebookGraph, &InstagramGraph]
}

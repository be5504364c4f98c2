//! Bluesky importers: AppView XRPC JSON responses ([`Xrpc`], `bluesky.xrpc`) and atproto
//! repository exports ([`Car`], `bluesky.car`).
//!
//! [`raw`] mirrors the lexicon with Bluesky's field names (borrowing serde structs, every field
//! optional, unknown fields ignored); the same structs read a post record from JSON and from
//! DAG-CBOR. [`convert`] holds the translation both formats share; `xrpc::convert` and `car`
//! the rest. Importers translate; they do not decide: no clock, no store, no metrics.
//!
//! # Formats
//!
//! - **`bluesky.xrpc`**: one response per file, or JSON Lines or a JSON array of responses, each
//!   recognised by its members: `app.bsky.feed.getAuthorFeed`, `getActorLikes`, `getTimeline`,
//!   `getFeed`, `getListFeed` (`feed`); `getPostThread` (`thread`); `getPosts`, `getQuotes`,
//!   `searchPosts` (`posts`); `getLikes` (`likes`); `getRepostedBy` (`repostedBy`);
//!   `app.bsky.graph.getFollows` (`subject` + `follows`), `getFollowers` (`subject` +
//!   `followers`); `app.bsky.actor.getProfiles` (`profiles`), `getProfile` (a profile itself),
//!   `searchActors` (`actors`); `app.bsky.graph.getList` (`list` + `items`);
//!   `com.atproto.repo.listRecords` (`records`) and `getRecord` (`uri` + `value`). Error
//!   responses and other shapes are skipped with a diagnostic.
//! - **`bluesky.car`**: the repository CAR (`com.atproto.sync.getRepo`): see [`car`];
//!   [`car::write`] writes such files (tests, benchmarks, synthetic corpora).
//!
//! Detection: `bluesky.xrpc` is certain of a JSON object with one of the members above *and*
//! an atproto identifier in the first bytes (`"at://did:`, `"did:plc:`, `"did:web:`,
//! `"app.bsky.`); `feed`, `posts` or `followers` alone are common words of other platforms'
//! JSON and claim nothing. `bluesky.car` is certain of a CAR header (a varint length, then a
//! CBOR map with `roots` and `version`), and says "maybe" to a damaged file named `*.car`.
//!
//! Bad input (XRPC): a cut or invalid line makes the file corrupt (`--skip-bad` imports the
//! rest); an error response or another shape is skipped with a diagnostic naming it; unknown
//! members of the first response are reported once ("fields not read"), unknown nested fields
//! are ignored. JSON nested deeper than serde_json's limit of 128 levels (a thread fetched with
//! a `depth` of 60 or more) is refused as corrupt.
//!
//! # Translation rules
//!
//! - **Ids**: a post's id is its at-URI `at://<did>/app.bsky.feed.post/<rkey>` (the same in
//!   both formats); an account's id is its DID, with its handle when a view shows one
//!   (`handle.invalid` is no handle). A repost's id is the repost record's at-URI
//!   (`…/app.bsky.feed.repost/<rkey>`: in a repository, and in feeds from AppViews that give
//!   `reason.uri`); in older feed responses, without it, the id is `repost:<reposter
//!   DID>:<post at-URI>` (an account reposts a post at most once at a time).
//! - **Kinds** (precedence repost > reply > quote > original): a feed item whose `reason` is
//!   `#reasonRepost` is a repost by `reason.by` at `reason.indexedAt`, and the reposted post is
//!   emitted as its own post with its counters; a repository's `app.bsky.feed.repost` record is a
//!   repost by the owner at its `createdAt`. A post with `record.reply` is a reply whose
//!   parent is `reply.parent` (author DID from the at-URI, handle when the response shows that
//!   account); `conversation_id` is `reply.root` (a post's own id when it is no reply). A post
//!   embedding a *post* (`app.bsky.embed.record`, or the record of `recordWithMedia`) is a quote
//!   of it; an embedded list, feed generator or starter pack is no quote. The quoted post, when
//!   the view shows it (`#viewRecord`), is emitted as its own post with the counters the view
//!   gives; so are the `reply.root` and `reply.parent` post views of feed items.
//! - **Counters**: `likeCount`, `repostCount`, `replyCount`, `quoteCount` (absent from older
//!   responses: `None`), `bookmarkCount` (newer responses); no views. A repost's counters are
//!   empty. A repository holds no counters: every counter of a CAR post is `None`.
//! - **Entities**: facets win. Mentions are `#mention` features, given as the handle the
//!   response shows for that DID, else the handle as written in the text (the facet's UTF-8 byte
//!   range `byteStart..byteEnd`, without `@`; a range out of bounds or splitting a character is
//!   ignored), else the DID. URLs are `#link` features, plus the link card of an
//!   `app.bsky.embed.external` (not a GIF's: that is media). Hashtags are `#tag` features plus
//!   the record's `tags`; a post without tag facets (all posts before 2024) gets its hashtags
//!   from the text by the twitter-text rules (`dipl-text`). Posts of late 2022 – early 2023
//!   carry `entities` (`{index: {start, end}, type: mention | link, value}`) instead of facets:
//!   read the same way. A post with neither gets its URLs by the twitter-text rules and its
//!   mentions as the Bluesky app finds them (`@` + a domain-like handle: the twitter-text rules
//!   would cut `@mfa.gov.kz` at the first dot).
//! - **Media**: `app.bsky.embed.images` → photo, `…video` → video, `…external` → link (a GIF,
//!   which is a link card to Tenor, → gif), `recordWithMedia` → its media; `link` also when the
//!   post shares any URL that is not a link to a Bluesky post.
//! - **Language**: the first of `langs`.
//! - **Time**: `createdAt` (the time the author's client states); when it is missing or
//!   unreadable, the AppView's `indexedAt`. `observed_at` is `None` everywhere: no response or
//!   repository states when it was collected (`indexedAt` is when the AppView indexed the
//!   object, not when it was fetched).
//! - **Profiles** become accounts (display name, description, `createdAt`, verified from
//!   `verification.verifiedStatus == "valid"`) and, when the view has counters
//!   (`followersCount`, `followsCount`, `postsCount`: detailed views only), an observation.
//!
//! # Roles (who is a subject)
//!
//! - **Author feeds**: the request's actor is not in the response, so the owner of a feed page
//!   is the one account that authored every item that is not a repost *and* reposted every
//!   repost (a repost in an author feed is always by its owner; its other items are the owner's
//!   posts, replies and pin). That account is the subject. A page of several authors
//!   (`getTimeline`, `getFeed`, `getActorLikes`, or an author feed mixed with another) has no
//!   owner: everyone is audience. A one-item (or one-author) page of someone's likes cannot be
//!   told from that author's feed: import likes pages apart if this matters.
//! - **`getFollows` / `getFollowers`**: `subject` is the subject; the listed accounts are
//!   audience, with follow edges `subject → each` (follows) or `each → subject` (followers).
//! - **`getProfiles` / `getProfile`**: the profiles are subjects, with their observation.
//! - **Repositories** (`listRecords`, `getRecord`, CAR): the owner (the DID of the at-URIs, the
//!   commit's `did`) is the subject.
//! - **Everyone else is audience**: authors in threads, searches, quotes and getPosts, likers
//!   (`getLikes`), reposters (`getRepostedBy`), list members and creators (`getList`),
//!   searched actors. Import the accounts' profiles (`getProfiles`) to make them subjects: the
//!   store upgrades an account seen once as subject for good.
//!
//! # Not imported (n/a)
//!
//! - **Likes** are no records of the model: `getLikes` gives the likers' accounts (audience);
//!   the like count of a post comes from its post view. A repository's `app.bsky.feed.like`
//!   records (likes *given* by the owner) are counted and reported once per file.
//! - `getRepostedBy` gives the reposters' accounts only: the response has no repost times.
//! - Thread posts that are `#notFoundPost` (deleted) or `#blockedPost` are reported, one
//!   warning each. Other repository collections (blocks, lists, list items, feed generators,
//!   threadgates, starter packs, third-party records) are counted and reported once per file.

pub mod car;
pub mod convert;
mod date;
mod error;
pub mod raw;
pub mod xrpc;

use dipl_ingest::Importer;

pub use car::Car;
pub use error::ConvertError;
pub use xrpc::Xrpc;

/// Every Bluesky importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&Xrpc, &Car]
}

//! X/Twitter importers: API v1.1 tweets ([`V1Tweets`], `twitter.v1`) and users ([`V1Users`],
//! `twitter.users`), twarc2 JSON Lines, paged or flattened ([`Twarc2`], `twitter.twarc2`), the
//! account archive ([`Archive`], `twitter.archive`), and v1.1 id lists ([`Ids`], `twitter.ids`:
//! `followers/ids` and `friends/ids` pages, whose owner and relation come from `--of` and
//! `--relation`).
//!
//! Each format has a `raw` module mirroring X's JSON with X's field names (borrowing serde
//! structs, every field optional, unknown fields ignored, parsed straight from the record bytes)
//! and a `convert` module of pure functions into [`dipl_model::Record`]s. Importers translate;
//! they do not decide: no clock, no store, no metrics.
//!
//! # Translation rules common to all formats
//!
//! - **Kinds** follow the codebook precedence repost > reply > quote > original. A reply is a
//!   post answering a *post* (`in_reply_to_status_id` on v1.1, `replied_to` on v2); a v1.1 tweet
//!   that only names a user in `in_reply_to_user_id` (an old-style "@handle …" message with no
//!   post answered) is not a reply: its kind comes from the rest, the handle is a mention.
//! - **Engagement of a repost belongs to the original**: a repost's counters are empty; the
//!   original, when the export embeds it (`retweeted_status`, `includes.tweets`, flattened
//!   `referenced_tweets`), is emitted as its own post with its own counters and its author as an
//!   audience account. Quoted posts are emitted the same way when embedded.
//! - **Missing is not zero**: v1.1 has no reply, quote, view or bookmark counts (they are `None`
//!   unless the payload has them); a counter X omits stays `None`.
//! - **Entities**: X's entities win; only when an object has no `entities` at all are hashtags,
//!   mentions and URLs extracted from the text by the twitter-text rules (`dipl-text`). The
//!   links X adds for attached media, and the "read more" link to the post itself on truncated
//!   v1.1 text, are not shared URLs. Media kinds are listed once each, in order, plus
//!   [`dipl_model::MediaKind::Link`] when a URL points outside X.
//! - **`observed_at`** is the collection time the file states: `__twarc.retrieved_at` (twarc2),
//!   the delivery time `timestamp_ms` (v1.1 stream payloads), the archive's generation date;
//!   otherwise `None` (plain v1.1 timelines and search pages carry none).
//!
//! # Roles (who is a subject)
//!
//! Design.md: accounts whose own timeline was collected are subjects; accounts seen only as
//! repliers, mentioned, reposted or followers are audience. A record cannot always know which
//! collection it came from, so the rule is:
//!
//! - **v1.1**: the author of a top-level tweet (an element of a JSON array or a line) is a
//!   subject, as in a user-timeline harvest; authors of embedded tweets (retweeted, quoted) are
//!   audience. Search pages (`{"statuses": [...]}`) and stream payloads (with `timestamp_ms`)
//!   are others' posts: their authors are audience. Users-lookup objects are subjects.
//! - **twarc2**: the request URL in `__twarc.url` decides: `/2/users/<id>/tweets` makes `<id>`
//!   the subject; `/2/users/<id>/mentions` (and `liked_tweets`, `bookmarks`) makes `<id>` the
//!   subject and the authors audience; search, stream, sample, `quote_tweets`,
//!   `retweeted_by`, `liking_users` make authors audience; followers/following pages make the
//!   listed users audience (with follow edges); tweet and user lookups, list timelines and lines
//!   without a URL make top-level authors subjects. Users of `includes` are audience unless one
//!   of these rules makes them subjects.
//! - **archive**: the owner is the subject; everyone else is only referenced.
//! - **id lists** (`followers/ids`, `friends/ids`): the owner named by `--of` is the subject;
//!   the listed accounts are audience, with one follow edge each (listed → owner for
//!   `--relation followers`, owner → listed for `following`). An owner given as a handle
//!   (`@MFA_KZ`, or any `--of` value that is not all digits) is emitted as the id `@mfa_kz`
//!   (lower-cased: X handles are case-insensitive), which the store resolves to the account
//!   with that handle. The pages state no collection time: `observed_at` is `None`. Elements
//!   of `ids` that are not ids are counted in one warning per page.
//!
//! The store upgrades an account seen once as subject for good, so an audience sighting never
//! demotes a subject.

pub mod archive;
mod date;
mod entities;
mod error;
pub mod ids;
mod number;
pub mod twarc2;
pub mod v1;

use dipl_ingest::Importer;

pub use archive::Archive;
pub use error::ConvertError;
pub use ids::Ids;
pub use twarc2::Twarc2;
pub use v1::{V1Tweets, V1Users};

/// Every X/Twitter importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&V1Tweets, &V1Users, &Twarc2, &Archive, &Ids]
}

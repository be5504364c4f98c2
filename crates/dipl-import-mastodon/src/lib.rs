//! Mastodon importers: the account archive ([`Archive`], `mastodon.archive`: `outbox.json`,
//! `actor.json`) and REST API JSON ([`Api`], `mastodon.api`: statuses pages, status contexts,
//! accounts).
//!
//! Each format has a `raw` module mirroring the platform's JSON with its own field names
//! (borrowing serde structs, every field optional and lenient, unknown fields ignored) and a
//! `convert` module of pure functions into [`dipl_model::Record`]s. Importers translate; they do
//! not decide: no clock, no store, no metrics.
//!
//! # Ids: the archive and the API agree
//!
//! - **Posts** are ActivityPub object ids, the same on every instance: the archive's
//!   `object.id`, the API's `uri` (`https://host/users/name/statuses/<id>`), never the API's
//!   instance-local `id`. A boost is its `Announce` activity id (`…/statuses/<id>/activity`),
//!   which is also the API's `uri` of the reblog wrapper.
//! - **Accounts** are ActivityPub actor ids (`https://host/users/name`): the archive's `actor`
//!   and `actor.json` `id`; in the API, `account.uri` (Mastodon ≥ 4.2), else the profile `url`
//!   `https://host/@name` mapped to `https://host/users/name` (right for Mastodon and
//!   GoToSocial accounts; for other software the mapped id may differ from the real actor id),
//!   else the `url` as given. **Handles** are `name@host` (the API's remote `acct`; local
//!   accounts get the host of their profile URL). Mentions are handles in the same form.
//! - A post URI of the form `https://host/users/name/statuses/<id>` names its author
//!   (`https://host/users/name`, `name@host`): that is how the archive knows who a reply
//!   answers or a boost boosts. URIs of other forms (`/objects/<uuid>`, `/notes/<id>`) leave
//!   the author unknown (`account_id` `None`), except that any URI under the owner's actor id
//!   is the owner's (a self-reply).
//! - **API parents** are given by instance-local ids (`in_reply_to_id`,
//!   `in_reply_to_account_id`). They are resolved within the record (a page, a context): a
//!   parent present there gives its `uri`. Otherwise, when the parent's author is local to the
//!   instance and the record shows that the instance writes `<actor>/statuses/<local id>` URIs
//!   (Mastodon does), the URI is built; otherwise the parent's `post_id` is empty: the bare
//!   instance-local id names nothing outside the instance, and stored it would overwrite the
//!   URI that a context page gives the same parent (the store keeps no id for an empty one).
//!   Its author is still named when the record knows the account, e.g. from the mentions. The
//!   same holds for a quote known only by id.
//!
//! # Translation rules
//!
//! - **Kinds**: a `Create` is a reply when its Note has `inReplyTo` (API: `in_reply_to_id`),
//!   a quote when it quotes (archive `quote`/`quoteUri`/`_misskey_quote`/`quoteUrl`, API
//!   `quote` in state `accepted`), otherwise original; an `Announce` (API: a status with
//!   `reblog`) is a repost referencing the boosted post. Precedence repost > reply > quote.
//! - **Visibility**: only public and unlisted statuses are imported. Followers-only
//!   (`private`: addressed to the followers collection) and direct messages (`direct`,
//!   `limited`: addressed to named accounts only) are private correspondence, not public
//!   communication: they are skipped and counted in one warning per file. In the archive the
//!   visibility is read from the addressing: `to` Public → public, `cc` Public → unlisted, the
//!   followers collection → followers-only, else direct.
//! - **Counters**: the archive has **no engagement counters**: every counter is `None` (not
//!   available, never zero), and there are no account observations. The API gives
//!   `favourites_count` (likes), `reblogs_count` (reposts), `replies_count` (replies) and
//!   `quotes_count` (quotes, Mastodon ≥ 4.5) per status; views and bookmarks are `None`. A
//!   boost's counters are empty; the boosted status, embedded in the API's `reblog`, is
//!   emitted as its own post with its counters (the archive has only its URI). Accounts give
//!   an observation of `followers_count`, `following_count`, `statuses_count` (`-1`, a hidden
//!   count, is `None`); `observed_at` is `None` (the API states no collection time).
//! - **Text**: the HTML `content` becomes plain text ([`html`]: paragraphs to blank lines,
//!   `<br>` to newlines, entities decoded, links to their full text, the `RE: <link>` fallback
//!   of quotes dropped), by a small converter of this crate. A content warning
//!   (`summary`, `spoiler_text`) is the first paragraph of the text, since it is what readers
//!   see first; the `sensitive` flag is not kept. `lang` is the `contentMap` key (archive) or
//!   `language` (API). Edited statuses (`updated`, `edited_at`) are flagged edited.
//! - **Entities**: Mastodon's own: `tag` Hashtag/Mention (archive), `tags`/`mentions` (API);
//!   hashtags without `#`, mentions as `name@host`. Only when an object has no tag list at all
//!   are they extracted from the text (twitter-text rules, `dipl-text`). URLs are the `href`s of
//!   the content's links that are not mentions, hashtags or the quoted post (and, for content
//!   without tag lists and without links, the URLs of the text). Media kinds come from the
//!   attachments' media types (archive) or types (API: `image`, `gifv`, `video`; audio has no
//!   kind), plus `link` when the post shares a URL or has a preview card.
//! - **Threads**: the archive's `conversation` (or `context`) is the conversation id; the API
//!   has none.
//! - **Profiles**: the bio (`summary`, `note`) as text, followed by the profile fields, one
//!   `name: value` line each, is the account description; `published`/`created_at` (Mastodon
//!   rounds it to the day) the creation date. There is no verification flag on Mastodon
//!   (`verified` is `None`; a field's `verified_at` is link verification).
//! - **Not imported**: polls (a `Question`'s options), media files, the `sensitive` flag, custom
//!   emoji images, `alsoKnownAs` and `movedTo` (a move is reported as a warning), likes and
//!   bookmarks lists, the API's `card` details, `bot` and `locked` flags, the archive's
//!   `replies` collection (a first page of reply URIs, no count).
//!
//! # Roles (who is a subject)
//!
//! - **archive**: the outbox owner (the `actor` of the activities) and the `actor.json` account
//!   are subjects; the authors of posts replied to, boosted or quoted (when their URI names
//!   them) are audience; they get a bare account record (actor id, handle) before the post.
//!   Every post comes after its author's account record.
//! - **API statuses pages**: the author of the page when one account wrote or boosted all its
//!   statuses (`GET /api/v1/accounts/:id/statuses`); a page by several accounts (a hashtag or
//!   public timeline, a search) is not one account's timeline and all its authors are audience,
//!   with a warning. A page is a file that is one array of statuses (up to 16 MiB), a line of
//!   JSON Lines of arrays, or an element of an array of arrays. A status on its own (a line of
//!   JSON Lines of statuses, an element of an array larger than 16 MiB, streamed) makes its
//!   author a subject. The authors of boosted and quoted statuses, and of statuses replied to
//!   (a bare record when only referenced), are audience unless they are the subject.
//! - **API contexts**: the account whose status the context is about (the account the
//!   first-level replies answer, `in_reply_to_account_id`) is the subject; the other authors,
//!   above and below, are audience. A context without replies names no one: all audience, with
//!   a warning.
//! - **API accounts** (`GET /api/v1/accounts/:id`) are subjects: looking one up is choosing it.
//! - `--of ACCOUNT` (`ImportOptions::list_owner`: an actor id, handle, `acct`, local id or
//!   profile URL) names the collected account explicitly for statuses and contexts.
//!
//! The store upgrades an account seen once as subject for good, so an audience sighting never
//! demotes a subject.

pub mod api;
pub mod archive;
mod error;
pub mod html;
pub mod ids;
mod reader;
mod values;

use dipl_ingest::Importer;

pub use api::Api;
pub use archive::Archive;
pub use error::ConvertError;

/// Every Mastodon importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&Archive, &Api]
}

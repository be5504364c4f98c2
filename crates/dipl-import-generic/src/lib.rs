//! Generic importers: posts from any CSV, TSV or JSON Lines file described by a column mapping
//! ([`Mapped`], `generic.mapped`), and follow edge lists ([`Edges`], `generic.edges`).
//!
//! They are for the processed datasets researchers already have: a 4CAT or DMI-TCAT export, a
//! cleaned spreadsheet, a data frame written by pandas or R. Neither is ever chosen by
//! auto-detection for posts: `generic.mapped` is used with `--format generic.mapped --mapping
//! FILE`; `generic.edges` recognises an edge-list header but needs `--platform`.
//!
//! # `generic.mapped`: the column mapping
//!
//! A TOML file, given with `--mapping FILE`. Example mappings are in
//! `crates/dipl-import-generic/examples/mappings/` (4CAT Telegram, 4CAT X/Twitter API v2,
//! DMI-TCAT, a hand-made spreadsheet, a nested JSON Lines dump). The same text is in
//! `docs/generic-mapping.md`.
//!
//! ```toml
//! platform = "telegram"        # or --platform; both given and different is an error
//! format = "csv"               # "csv" | "tsv" | "jsonl"; default from the file extension
//! time_format = "unix"         # "rfc3339" (default) | "unix" | "unix_ms" | a strftime pattern
//! timezone = "UTC"             # the offset of times written without one ("+05:00", "UTC")
//! subjects = "all"             # "all" (default) | "none" | ["@mfa_kz", "1234"] | { column, values }
//! repost_prefix = "RT @"       # optional: a text starting with it is a repost
//! collected_at = "2024-05-01"  # optional: when the counters were observed
//!
//! [columns]                    # mapping field = source column
//! id = "id"                    # required
//! author_id = "author"         # required
//! created_at = "unix_timestamp" # required
//! author_handle = "author_username"
//! text = "body"
//! parent_id = { template = "{thread_id}-{reply_to}" }
//! likes = ["Like", "Love", "Wow"]   # a sum; the parts become reactions by type
//! hashtags = { column = "hashtags", separator = "," }
//!
//! [kinds]                      # values of the `kind` column
//! RT = "repost"
//! service = "skip"
//! ```
//!
//! Unknown keys anywhere are errors (typo protection), and so are missing required keys, an
//! unknown platform, format, kind or time format, and a strftime pattern without an offset
//! when no `timezone` is given. Every error names the key and what it expects, with the line
//! of the mapping file for syntax errors and unknown keys. For CSV/TSV, every column the
//! mapping names must be in the header: the error lists the missing ones and the file's
//! columns. Columns the mapping does not read are listed once in a warning.
//!
//! **Columns.** A source is a column name (a CSV header, matched case-insensitively with
//! whitespace collapsed; or a JSON key, tried as written and then as a dotted path into nested
//! objects, `user.screen_name`, fanning out over arrays, `entities.hashtags.text`), or
//! `{ column = "…" }`, or `{ template = "{a}-{b}" }` joining columns and text (empty when any
//! of its columns is empty; `{{`/`}}` are literal braces).
//!
//! | key | meaning |
//! |---|---|
//! | `id`, `author_id`, `created_at` | required; a row without them is skipped with a diagnostic naming the line and column |
//! | `author_handle`, `author_name` | the author's handle (a leading `@` is dropped) and display name |
//! | `text` | the post text (empty when absent) |
//! | `kind` | a column of kind names; values are looked up in `[kinds]` (case-insensitive), then taken as `original`, `reply`, `quote`, `repost` (also `post`, `comment`, `retweet`, `share`, `forward`, `boost`); `skip` drops the row (counted in one warning); an unknown value skips the row with a diagnostic |
//! | `is_repost`, `is_reply`, `is_quote` | yes/no flag columns (anything but empty, `0`, `no`, `n`, `false`, `f`, `off` is yes) |
//! | `is_edited`, `is_deleted` | yes/no flag columns (an edit time column works: non-empty is yes) |
//! | `parent_id`, `parent_author_id`, `parent_author_handle` | the post or comment a reply answers, and its author |
//! | `reposted_id`, `reposted_author_id`, `reposted_author_handle` | the post a repost shares |
//! | `quoted_id`, `quoted_author_id`, `quoted_author_handle` | the post a quote quotes |
//! | `conversation_id`, `lang` | thread id, the platform's language tag |
//! | `urls` (or `url`), `hashtags`, `mentions` | list columns: `"col"` or `{ column = "col", separator = "; " }`; by default split on commas, semicolons, `\|` and whitespace; brackets, quotes, `#` and `@` around items are dropped; a JSON array is taken as is |
//! | `media` | a list column of attachment kinds: `photo`/`image`/`album`, `video`/`reel`/`live`, `gif`/`animated_gif`, `link`/`url` (case-insensitive; other values are no media); a shared link outside the platform in `urls` adds `link` |
//! | `likes`, `reposts`, `replies`, `quotes`, `views`, `bookmarks` | counters: a column, a list of columns added up, or (`likes`) a table `{ like = "Likes", love = "Love" }` |
//! | `followers`, `following`, `posts_count` | the author's counts at the time of the post: an account observation at `created_at` |
//! | `observed_at` | when the counters were observed (same time format); else `collected_at`; else none |
//!
//! # Translation rules
//!
//! - **Kinds**: a non-empty `kind` cell decides. Otherwise the kind is derived with the
//!   codebook precedence repost > reply > quote > original: a non-empty `reposted_id`, a yes in
//!   `is_repost` or a text starting with `repost_prefix` makes a repost; a non-empty `parent_id`
//!   or a yes in `is_reply` a reply; a non-empty `quoted_id` or a yes in `is_quote` a quote.
//! - **References**: `parent` is built from `parent_id` (with the parent's author id and handle
//!   when mapped); `referenced` from `reposted_id`, else `quoted_id`. A reference needs its post
//!   id: a handle alone (4CAT's `replied_user`) gives none. Referenced authors with a known id
//!   are emitted as audience accounts.
//! - **Counters**: a counter not mapped is n/a (`None`), and so is an empty cell, a null marker
//!   or a value that is not a count (with a warning); never 0. A sum is n/a when all its cells
//!   are; the parts present are added. For `likes` as a sum, the parts are also the post's
//!   reactions by type (named after their columns, lower-cased, or as named in the table), and
//!   `likes` is their sum. A repost's counters are dropped: they belong to the original.
//!   Counts may be written `12`, `12.0` (pandas), `1,234`, `1 234`, `1.234` or `1'234`.
//! - **Entities**: when `hashtags`, `mentions` or `urls` is mapped, the column is the truth (an
//!   empty cell means none); otherwise they are extracted from the text by the twitter-text
//!   rules (`dipl-text`).
//! - **Times**: `rfc3339` reads RFC 3339 with an offset (`2024-03-01T10:00:00Z`,
//!   `2024-03-01 15:00:00+05:00`), and times and dates without one (`2024-03-01 10:00:00`,
//!   `2024-03-01`) in `timezone` (without `timezone` such a row is skipped with a diagnostic
//!   saying to set it). `unix` and `unix_ms` count from the epoch. A strftime pattern
//!   (`%d.%m.%Y %H:%M`) reads times in `timezone`, which is then required unless the pattern
//!   has `%z`. Named zones (`Asia/Almaty`) are refused: their offset changes with daylight
//!   saving time; split such a file or convert it first.
//! - **Ids**: as written, trimmed; `123.0` (pandas) becomes `123`; an id in scientific
//!   notation (`1.23457E+18`, a spreadsheet's rounding) is refused with a diagnostic, since the
//!   real id is lost.
//! - **Empty values**: an empty cell, JSON `null`, and the null markers `NA`, `N/A`, `NaN`,
//!   `null`, `None`, `nil`, `#N/A` and `-` are empty, in every field but `text` and
//!   `author_name`.
//! - **`observed_at`** of posts comes from the `observed_at` column or `collected_at`, never
//!   from the clock.
//!
//! # Roles (who is a subject)
//!
//! A mapped file does not say how it was collected, so the mapping says it with `subjects`:
//! `"all"` (the default: every author is a subject, as for a file of the accounts' own
//! timelines), `"none"` (every author is audience, as for a keyword search), a list of account
//! ids and `@handles` (those authors are subjects, everyone else audience; ids compared
//! exactly, handles case-insensitively), or `{ column = "collection", values = ["timeline"] }`
//! (rows whose cell is one of the values, case-insensitively; without `values`, rows whose
//! cell says yes). Authors of parents, reposted and quoted posts are audience. The store
//! upgrades an account seen once as subject for good.
//!
//! # `generic.edges`: follow edge lists
//!
//! A CSV with the header `follower,followed` (or `source,target`, or `from,to`), optionally
//! with `observed_at` (RFC 3339, a date, or Unix seconds), as written by network tools and
//! scripts. It needs `--platform`. Each row is a [`dipl_model::Follow`] and an audience
//! [`dipl_model::AccountRecord`] for each end (the store upgrades registered and subject
//! accounts). `sniff` answers `Likely` on a header of exactly these two columns (or three with
//! `observed_at`), else `No`.
//!
//! **Ids and handles** ([`edges::account_ref`]): a value is the platform's account id when it
//! has the platform's id form, and a handle otherwise:
//!
//! | platform | an id is | anything else is a handle |
//! |---|---|---|
//! | X/Twitter, Facebook, Instagram | all digits | `@name`, `name` |
//! | Telegram, VKontakte | digits, optionally negative (`-1001234`, `-12345`) | `@name`, `name` |
//! | YouTube | a channel id: `UC` + 22 letters, digits, `_`, `-` | `@name`, `name` |
//! | Bluesky | a DID (`did:plc:…`, `did:web:…`) | `@name.bsky.social`, `name.bsky.social` |
//! | Mastodon | an actor URI (`https://server/users/name`) | `@name@server`, `name@server` (the server is required) |
//!
//! A leading `@` always makes a handle. A handle is emitted as the id **`@handle`**,
//! lower-cased (every platform here treats handles case-insensitively), with `handle` set to
//! the handle without `@`; the store resolves an `@handle` id to the account with that handle.
//! Values with spaces, empty values and self-follows are skipped with a diagnostic.

pub mod edges;
pub mod mapped;
pub mod mapping;
pub mod values;

use dipl_ingest::Importer;

pub use edges::Edges;
pub use mapped::Mapped;

/// Every generic importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&Mapped, &Edges]
}

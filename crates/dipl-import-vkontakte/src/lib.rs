//! VKontakte importers: VK API `wall.get` responses ([`Wall`], `vkontakte.wall`) and
//! `wall.getComments` responses ([`Comments`], `vkontakte.comments`).
//!
//! # Files read
//!
//! One API answer per file, or many as JSON Lines, a JSON array or concatenated values (one
//! page per record, through [`dipl_ingest::json::drive`]). A record is
//! `{"response": {"count", "items", "profiles", "groups"}}` (`extended=1`) or
//! `{"response": {"count", "items"}}`, or the content of a response stored without the envelope
//! (`{"count", "items", …}`), as some dumps do; also a bare array of posts as `response`
//! (`wall.getById` without `extended`) and posts or comments stored one per record (a dump of
//! `items`). Error answers (`{"error": {"error_code", "error_msg"}}`), other methods' answers
//! and records without `items` are skipped with a diagnostic. `raw.rs` mirrors
//! VK's objects (API 5.x, field names as VK writes them); `convert.rs` translates.
//!
//! # Ids
//!
//! - **Accounts**: the owner id as VK writes it: users positive (`"501"`), communities negative
//!   (`"-2201"` is `club2201`). The `groups` of an extended response have positive ids and are
//!   stored negated, so that an account has one id whether met as `owner_id`, `from_id` or in
//!   `groups`. The handle is the `screen_name` when the response gives it.
//! - **Posts**: VK's own form `<owner_id>_<id>` (`"-2201_345"`, as in `vk.com/wall-2201_345`).
//! - **Comments**: `<owner_id>_<post_id>_c<comment id>` (`"-2201_345_c351"`), so that a comment
//!   never collides with a post id, and its post is readable from its id.
//!
//! # Translation rules
//!
//! - **Roles**: the wall owner (`owner_id`) is the subject (its wall was collected), and gets an
//!   account record even when it wrote none of the posts. Authors of posts on the wall other than
//!   the owner (`from_id` ≠ `owner_id`: a user posting on a community wall), owners of reposted
//!   originals and commenters are audience. A comment by the wall owner (a community answering as
//!   itself: `from_id` = `owner_id`) is an actor reply, and its author the subject.
//! - **Kinds**: a post with `copy_history` is a repost when it adds no text of its own (its
//!   counters are empty: they belong to the original), a quote when it does (its counters are
//!   its own). The reposted post (`copy_history[0]`) is emitted as its own post and is the
//!   reference; a longer `copy_history` is a chain (each entry reposts the next) and every entry
//!   is emitted the same way. Originals embedded in `copy_history` carry no counters in VK's
//!   answers: theirs are `None`. Every comment is a reply. `postpone` (scheduled) and `suggest`
//!   (suggested, not published) posts are not imported (counted in one warning per page).
//! - **Comment parents**: the comment answered (`reply_to_comment`, with `reply_to_user` as its
//!   author), else the last of `parents_stack`, else the comment whose `thread` nests it, else
//!   the post `<owner_id>_<post_id>` (whose author `wall.getComments` does not give: `None`).
//!   `thread.items` replies are emitted after their comment. `conversation_id` is the post.
//!   A comment without `post_id` (API versions before 5.85 left it out) cannot be placed and is
//!   skipped with a count; so is one without `from_id` (some deleted comments).
//! - **Counters**: `likes.count` (or, when the post has `reactions.items`, their sum, the
//!   reactions kept by type as `reaction_<id>`), `reposts.count`, `comments.count` (replies),
//!   `views.count` (absent on old posts: `None`). Comments: `likes.count`, and `thread.count`
//!   as replies. VK has no quote or bookmark counts: `None`.
//! - **Audience size**: `members_count` of a community or `followers_count` of a user or
//!   community in `profiles`/`groups` (present only when requested with `fields=`) becomes an
//!   observation with `observed_at` `None` (VK answers carry no collection time).
//! - **Text and entities**: VK's mention markup `[id501|Айбек]`, `[club2201|МИД]`,
//!   `[mid_kg|МИД]` is rendered as its display text in `text` (as VK shows it; the markup would
//!   pollute text analysis), and each markup is a mention: the `screen_name` when the extended
//!   response gives it for that id, else the target as written (`id501`, `club2201`, which are
//!   also valid VK addresses). Link markup `[https://…|text]` renders as its text and its URL is
//!   a URL. Hashtags, further `@screen_name` mentions and URLs come from the rendered text by the
//!   twitter-text rules (`dipl-text`); VK's community-scoped hashtag `#tag@mid_kg` is the hashtag
//!   `tag` and no mention. Link attachments add their URL.
//! - **Media**: attachments `photo`, `posted_photo`, `album`, `photos_list`, `graffiti` → photo;
//!   `video`, `clip`, `video_playlist` → video; a GIF `doc` → gif; `link` → link (also any URL
//!   outside VK). Audio, polls, documents and the rest add nothing.
//! - **Flags**: `edited` (a time) marks a post edited; `is_deleted` / `deleted` mark it deleted
//!   (a deleted comment keeps its place in the thread). `is_pinned`, `marked_as_ads`,
//!   `signer_id`, `geo`, `donut` are read past (the model has no place for them).
//! - VK gives no language tag: `lang` is `None`.

pub mod convert;
mod error;
mod number;
pub mod raw;
pub mod text;

use std::collections::BTreeSet;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::contains;
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

pub use convert::Method;
pub use error::ConvertError;

/// `vkontakte.wall`: VK API `wall.get` responses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wall;

/// `vkontakte.comments`: VK API `wall.getComments` responses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Comments;

/// Every VKontakte importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&Wall, &Comments]
}

/// Field names only comment objects and `wall.getComments` pages have.
fn comment_markers(head: &[u8]) -> bool {
    [
        "\"parents_stack\"",
        "\"current_level_count\"",
        "\"show_reply_button\"",
        "\"reply_to_comment\"",
    ]
    .iter()
    .any(|m| contains(head, m))
}

/// VK objects in general: owner and author ids, or a VK error answer.
fn vk_markers(head: &[u8]) -> bool {
    let has = |m: &str| contains(head, m);
    (has("\"owner_id\"") && has("\"from_id\"") && has("\"date\""))
        || (has("\"error_code\"") && has("\"error_msg\"") && has("\"request_params\""))
}

impl Importer for Wall {
    fn id(&self) -> &'static str {
        "vkontakte.wall"
    }

    fn platform(&self) -> Platform {
        Platform::Vkontakte
    }

    fn description(&self) -> &'static str {
        "VK API wall.get responses (JSON, JSON Lines or array of pages; extended or not)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if comment_markers(head) {
            return Confidence::No;
        }
        let has = |m: &str| contains(head, m);
        if has("\"copy_history\"")
            || (has("\"post_type\"") && has("\"from_id\"") && has("\"owner_id\""))
        {
            Confidence::Certain
        } else if vk_markers(head) {
            Confidence::Likely
        } else {
            Confidence::No
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        json::drive(input, &PageParser(Method::Wall), options, sink).map(|_| ())
    }
}

impl Importer for Comments {
    fn id(&self) -> &'static str {
        "vkontakte.comments"
    }

    fn platform(&self) -> Platform {
        Platform::Vkontakte
    }

    fn description(&self) -> &'static str {
        "VK API wall.getComments responses (JSON, JSON Lines or array of pages; with threads)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if comment_markers(head) {
            Confidence::Certain
        } else if vk_markers(head)
            && contains(head, "\"post_id\"")
            && !contains(head, "\"post_type\"")
        {
            Confidence::Likely
        } else {
            Confidence::No
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        json::drive(input, &PageParser(Method::Comments), options, sink).map(|_| ())
    }
}

struct PageParser(Method);

impl RecordParser for PageParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let page: raw::Page<'_> = record.deserialize()?;
        if record.location.record == 0 {
            let unknown = unknown_fields(record);
            if !unknown.is_empty() {
                warnings.push(format!("fields not read: {}", unknown.join(", ")));
            }
        }
        match convert::body(&page) {
            Ok(body) => convert::items(&body, self.0, out, warnings),
            Err(error) => {
                // A post or comment stored on its own (a dump of `items`, one per line or as
                // an array): parsed a second time as an item.
                let bare = page.response.is_none() && page.error.is_none() && page.items.is_none();
                let item = if bare {
                    record
                        .deserialize::<raw::Item<'_>>()
                        .ok()
                        .filter(convert::is_item)
                } else {
                    None
                };
                let Some(item) = item else {
                    return Err(error.into());
                };
                let body = convert::Body {
                    items: std::slice::from_ref(&item),
                    profiles: &[],
                    groups: &[],
                };
                convert::items(&body, self.0, out, warnings);
            }
        }
        Ok(())
    }
}

/// Fields of the record, its response and its first item that this importer neither reads nor
/// knows (checked on the first record of a file only).
fn unknown_fields(record: &RawRecord<'_>) -> Vec<String> {
    let Ok(serde_json::Value::Object(top)) = serde_json::from_slice(record.bytes) else {
        return Vec::new();
    };
    let mut unknown = BTreeSet::new();
    let mut check = |map: &serde_json::Map<String, serde_json::Value>, known: &[&str], at: &str| {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                unknown.insert(format!("{at}{key}"));
            }
        }
    };
    let bare = top.contains_key("id")
        && !["response", "items", "error"]
            .iter()
            .any(|k| top.contains_key(*k));
    if bare {
        check(&top, raw::ITEM_KEYS, "");
        return unknown.into_iter().collect();
    }
    check(&top, raw::PAGE_KEYS, "");
    let items = match top.get("response") {
        Some(serde_json::Value::Object(response)) => {
            check(response, raw::PAGE_KEYS, "response.");
            response.get("items")
        }
        Some(array @ serde_json::Value::Array(_)) => Some(array),
        _ => top.get("items"),
    };
    if let Some(serde_json::Value::Object(item)) = items
        .and_then(|items| items.as_array())
        .and_then(|items| items.first())
    {
        check(item, raw::ITEM_KEYS, "items[].");
    }
    unknown.into_iter().collect()
}

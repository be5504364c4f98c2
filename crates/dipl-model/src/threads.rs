//! Conversation threads for the dialogue and language metrics (metrics codebook §5, §6).
//!
//! [`Threads`] holds, compactly, every post that can take part in a conversation with a unit
//! (a subject or registered account): the units' own posts and every reply, in the window and up
//! to the reference time, plus the ancestors of those replies wherever they lie in time. Each
//! reply points at the item it answers ([`ThreadItem::parent`]) when that item is in the data,
//! so that every audience comment knows the post it hangs under and every answer knows the
//! comment it answers. Text is not held: items keep the store's row id, through which a caller
//! fetches ids, links and text only for the few it shows.

use crate::{AccountIdx, PostKind, Timestamp};

/// "No item": the parent is not in the data (deleted, never collected) or there is none.
pub const NO_ITEM: u32 = u32::MAX;

/// One post or comment of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadItem {
    /// The store's row id of the post (`post.id`), for fetching details on request. Row ids
    /// depend on the order of import: they identify, they do not order.
    pub post_rowid: i64,
    pub account: AccountIdx,
    pub created_at: Timestamp,
    pub kind: PostKind,
    /// Index into [`Threads::items`] of the post or comment this reply answers; [`NO_ITEM`]
    /// when it is not in the data or the item is no reply.
    pub parent: u32,
    /// When the parent is not in the data: a stable key of its platform id (platform and id
    /// hashed), so that replies under the same missing post still group together; 0 otherwise.
    pub missing_parent_key: u64,
    /// Author of the parent, when known (also when the parent itself is not in the data).
    pub parent_account: Option<AccountIdx>,
    /// Author of the reposted or quoted post, when known.
    pub referenced_account: Option<AccountIdx>,
    /// Detected language: index into [`Threads::languages`]; `None` when undetermined.
    pub lang: Option<u16>,
    /// The platform's own language tag: index into [`Threads::languages`].
    pub platform_lang: Option<u16>,
    /// The text asks a question (question mark in any script, or interrogative words).
    pub question: bool,
    /// Created inside the window `[from, to)` (others are ancestors or later answers).
    pub in_window: bool,
    /// The case-folded hashtags of units' posts (what a conversation is about): a range of
    /// [`Threads::item_tags`] as `(start, end)`; empty for audience comments.
    pub hashtags: (u32, u32),
}

/// The conversation items of a scope, sorted by `(account, created_at, platform post id)` (the
/// id through a stable hash), so that the order does not depend on the order of import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Threads {
    /// Whether threads were loaded at all (an empty list may also mean "no posts").
    pub loaded: bool,
    pub items: Vec<ThreadItem>,
    /// Language codes (ISO 639-1, else 639-3), sorted.
    pub languages: Vec<String>,
    /// Indexes into [`Threads::tags`], referenced by [`ThreadItem::hashtags`].
    pub item_tags: Vec<u32>,
    /// Case-folded hashtags, sorted.
    pub tags: Vec<String>,
}

impl Threads {
    /// The language code of an index.
    pub fn language(&self, index: Option<u16>) -> Option<&str> {
        index.and_then(|i| self.languages.get(i as usize).map(String::as_str))
    }

    /// The hashtags of an item, as indexes into [`Threads::tags`].
    pub fn tag_ids_of(&self, item: &ThreadItem) -> &[u32] {
        self.item_tags
            .get(item.hashtags.0 as usize..item.hashtags.1 as usize)
            .unwrap_or(&[])
    }

    /// The item an item answers, when it is in the data.
    pub fn parent_of(&self, item: &ThreadItem) -> Option<&ThreadItem> {
        (item.parent != NO_ITEM)
            .then(|| self.items.get(item.parent as usize))
            .flatten()
    }
}

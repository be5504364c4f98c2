//! Hashtags (`#tag`, full-width `＃tag`) by twitter-text's `validHashtag` and `endHashtagMatch`.
//!
//! A hashtag is a hash sign preceded by the start of the text, a variation selector, or any
//! character that is neither a hashtag character nor `&`; then a run of letters, marks, decimal
//! digits and a few joiners that holds at least one letter or mark. It is dropped when the text
//! right after it is another hash sign or `://`. The scan reproduces the regular expression's
//! left-to-right consumption (the preceding character belongs to the match), so results match
//! twitter-text also in the corner cases.
//!
//! Dropping hashtags that lie inside URLs is done by the caller (`lib.rs`), because it needs the
//! URL scanner.

use crate::chars::{char_at, char_before, hashtag_class, HashtagClass};

/// A hashtag found in the text, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawHashtag {
    /// Byte offset of the hash sign.
    pub start: usize,
    /// Byte offset of the first character after the hash sign.
    pub text_start: usize,
    /// Byte offset just past the hashtag.
    pub end: usize,
}

const FULLWIDTH_HASH: &str = "＃";

/// All hashtags of `text`, in order, without the URL-overlap check.
pub(crate) fn scan(text: &str) -> Vec<RawHashtag> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Like a global regular expression's `lastIndex`: text before it was consumed by a match.
    let mut consumed_to = 0usize;
    for at in memchr::memchr2_iter(b'#', 0xEF, bytes) {
        if at < consumed_to {
            continue;
        }
        let sign_len = if bytes[at] == b'#' {
            1
        } else if bytes[at..].starts_with(FULLWIDTH_HASH.as_bytes()) {
            FULLWIDTH_HASH.len()
        } else {
            continue;
        };
        if !boundary_before(text, at, consumed_to) {
            continue;
        }
        let text_start = at + sign_len;
        // (?!\uFE0F|\u20E3): an emoji keycap or presentation selector right after the sign.
        if matches!(char_at(text, text_start), Some('\u{FE0F}' | '\u{20E3}')) {
            continue;
        }
        let mut end = text_start;
        let mut has_letter = false;
        for c in text[text_start..].chars() {
            match hashtag_class(c) {
                HashtagClass::Alpha => has_letter = true,
                HashtagClass::Other => {}
                HashtagClass::None => break,
            }
            end += c.len_utf8();
        }
        if !has_letter {
            continue;
        }
        consumed_to = end;
        let after = &text[end..];
        if after.starts_with('#') || after.starts_with(FULLWIDTH_HASH) || after.starts_with("://") {
            continue;
        }
        found.push(RawHashtag {
            start: at,
            text_start,
            end,
        });
    }
    found
}

/// twitter-text `hashtagBoundary` before the hash sign at byte `at`.
fn boundary_before(text: &str, at: usize, consumed_to: usize) -> bool {
    if at == 0 {
        return true;
    }
    let Some(c) = char_before(text, at) else {
        return false;
    };
    if at - c.len_utf8() < consumed_to {
        return false;
    }
    matches!(c, '\u{FE0E}' | '\u{FE0F}') || (c != '&' && hashtag_class(c) == HashtagClass::None)
}

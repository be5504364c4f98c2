//! Cashtags (`$TICKER`, `$TEST.T`) by twitter-text's `validCashtag`.
//!
//! A cashtag is `$` at the start of the text or after white space, then 1 to 6 ASCII letters,
//! optionally `.` or `_` and 1 or 2 more letters, followed by the end of the text, white space
//! or ASCII punctuation. Digits or non-ASCII letters anywhere make it no cashtag.

use crate::chars::{char_at, char_before, is_js_whitespace, is_punct, is_space};

/// A cashtag found in the text, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawCashtag {
    /// Byte offset of the dollar sign.
    pub start: usize,
    /// Byte offset just past the cashtag.
    pub end: usize,
}

const MAX_SYMBOL_LEN: usize = 6;
const MAX_SUFFIX_LEN: usize = 2;

fn ascii_letters(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// (?=$|\s|[punct])
fn may_end_at(text: &str, at: usize) -> bool {
    match char_at(text, at) {
        None => true,
        Some(c) => is_js_whitespace(c) || is_punct(c),
    }
}

/// All cashtags of `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<RawCashtag> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for at in memchr::memchr_iter(b'$', bytes) {
        // (^|spaces): a match always ends in a letter, so the space before `$` is never taken
        // by the previous match.
        let after_space = at == 0 || char_before(text, at).is_some_and(is_space);
        if !after_space {
            continue;
        }
        let symbol_start = at + 1;
        let symbol_len = ascii_letters(&bytes[symbol_start..]);
        if symbol_len == 0 || symbol_len > MAX_SYMBOL_LEN {
            continue;
        }
        let symbol_end = symbol_start + symbol_len;
        let mut end = None;
        if matches!(bytes.get(symbol_end), Some(b'.' | b'_')) {
            let suffix_len = ascii_letters(&bytes[symbol_end + 1..]);
            let suffix_end = symbol_end + 1 + suffix_len;
            if (1..=MAX_SUFFIX_LEN).contains(&suffix_len) && may_end_at(text, suffix_end) {
                end = Some(suffix_end);
            }
        }
        if end.is_none() && may_end_at(text, symbol_end) {
            end = Some(symbol_end);
        }
        if let Some(end) = end {
            found.push(RawCashtag { start: at, end });
        }
    }
    found
}

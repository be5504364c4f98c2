//! Mentions (`@handle`), list references (`@handle/list-slug`) and the reply handle, by
//! twitter-text's `validMentionOrList`, `validReply` and `endMentionMatch`.
//!
//! A handle is 1 to 20 ASCII letters, digits or `_` after `@` (or full-width `＠`). The at sign
//! must start the text or follow a character outside `[a-zA-Z0-9_!#$%&*@＠]`, or follow `RT`/`RT:`
//! (any case) that itself starts the text or follows a character outside `[a-zA-Z0-9_+~.-]`. A
//! candidate is dropped when followed by another at sign, a Latin accented letter or `://`
//! (so `user@example.com` and `@http://…` yield nothing).
//!
//! As in twitter-text's suite, the federated form `@user@host` yields no mention: the `@user`
//! is followed by an at sign. A handle longer than 20 characters yields its first 20, as
//! twitter-text does.

use crate::chars::{char_before, is_latin_accent, is_space};

/// A mention or list reference found in the text, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMention {
    /// Byte offset of the at sign.
    pub start: usize,
    /// Byte offset of the handle's first character.
    pub name_start: usize,
    /// Byte offset just past the handle.
    pub name_end: usize,
    /// Byte offset just past the list slug, or `name_end` when there is none.
    pub end: usize,
}

impl RawMention {
    /// Whether this is a list reference (`@handle/slug`).
    pub(crate) fn is_list(&self) -> bool {
        self.end > self.name_end
    }
}

const FULLWIDTH_AT: &str = "＠";
const MAX_HANDLE_LEN: usize = 20;
const MAX_LIST_SLUG_TAIL_LEN: usize = 24;

fn is_handle_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The length in bytes of the handle at the start of `bytes` (at most 20 characters).
fn handle_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take(MAX_HANDLE_LEN)
        .take_while(|b| is_handle_byte(**b))
        .count()
}

/// The length of the at sign starting at `bytes[0]`, if one does.
fn at_sign_len(bytes: &[u8]) -> Option<usize> {
    if bytes.first() == Some(&b'@') {
        Some(1)
    } else if bytes.starts_with(FULLWIDTH_AT.as_bytes()) {
        Some(FULLWIDTH_AT.len())
    } else {
        None
    }
}

/// twitter-text `endMentionMatch`: what may not follow a mention.
fn is_bad_mention_end(after: &str) -> bool {
    after.starts_with('@')
        || after.starts_with(FULLWIDTH_AT)
        || after.starts_with("://")
        || after.chars().next().is_some_and(is_latin_accent)
}

/// All mentions and list references of `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<RawMention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Like a global regular expression's `lastIndex`: text before it was consumed by a match.
    let mut consumed_to = 0usize;
    for at in memchr::memchr2_iter(b'@', 0xEF, bytes) {
        if at < consumed_to {
            continue;
        }
        let Some(sign_len) = at_sign_len(&bytes[at..]) else {
            continue;
        };
        if !valid_prefix(text, at, consumed_to) {
            continue;
        }
        let name_start = at + sign_len;
        let name_len = handle_len(&bytes[name_start..]);
        if name_len == 0 {
            continue;
        }
        let name_end = name_start + name_len;
        let mut end = name_end;
        // (\/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?
        if bytes.get(end) == Some(&b'/') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            let tail = bytes[end + 2..]
                .iter()
                .take(MAX_LIST_SLUG_TAIL_LEN)
                .take_while(|b| is_handle_byte(**b) || **b == b'-')
                .count();
            end += 2 + tail;
        }
        consumed_to = end;
        if is_bad_mention_end(&text[end..]) {
            continue;
        }
        found.push(RawMention {
            start: at,
            name_start,
            name_end,
            end,
        });
    }
    found
}

/// twitter-text `validMentionPrecedingChars` before the at sign at byte `at`.
fn valid_prefix(text: &str, at: usize, consumed_to: usize) -> bool {
    if at == 0 {
        return true;
    }
    let bytes = text.as_bytes();
    if let Some(c) = char_before(text, at) {
        let excluded = c.is_ascii_alphanumeric()
            || matches!(c, '_' | '!' | '#' | '$' | '%' | '&' | '*' | '@' | '＠');
        if !excluded && at - c.len_utf8() >= consumed_to {
            return true;
        }
    }
    // (?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?
    let rt_end = if bytes[at - 1] == b':' { at - 1 } else { at };
    if rt_end < 2
        || !bytes[rt_end - 2].eq_ignore_ascii_case(&b'r')
        || !bytes[rt_end - 1].eq_ignore_ascii_case(&b't')
    {
        return false;
    }
    let rt_start = rt_end - 2;
    if rt_start == 0 {
        return consumed_to == 0;
    }
    match char_before(text, rt_start) {
        Some(c) => {
            let excluded = c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '~' | '.' | '-');
            !excluded && rt_start - c.len_utf8() >= consumed_to
        }
        None => false,
    }
}

/// twitter-text `extractReplies`: the handle a post opens with (after optional white space).
pub(crate) fn reply_handle(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(is_space);
    let sign_len = at_sign_len(rest.as_bytes())?;
    let after_sign = &rest[sign_len..];
    let name_len = handle_len(after_sign.as_bytes());
    if name_len == 0 || is_bad_mention_end(&after_sign[name_len..]) {
        return None;
    }
    Some(&after_sign[..name_len])
}

//! Entity extraction from post text by the twitter-text rules: hashtags, mentions (and list
//! references), URLs with and without protocol, cashtags, and the reply handle.
//!
//! The rules are those of Twitter's `twitter-text` library (version 3, as pinned by its
//! conformance suite), re-implemented by hand without regular expressions: every scanner is a
//! single forward pass over the text that reproduces the regular expression's choices, so
//! results and indices match twitter-text, corner cases included. Nothing is compiled at run
//! time and no call allocates unless it finds something.
//!
//! Indices are given twice: `start`/`end` count Unicode code points (as twitter-text's Ruby and
//! Java ports do after conversion, and as the conformance suite expects), and
//! `byte_start`/`byte_end` are offsets into the UTF-8 `&str` for slicing.
//!
//! What this crate deliberately does not do: normalise (case-fold) hashtags or handles, resolve
//! or expand URLs, or recognise the federated `@user@host` form (twitter-text's suite says
//! `@test@example.com` is no mention).
//!
//! ```
//! use dipl_text::{extract_hashtags, extract_mentions, extract_urls, extract_reply_handle};
//!
//! let post = "@UN_News Встреча в Астане #Қазақстан #EU2026 https://mfa.gov.kz/ru";
//! assert_eq!(extract_hashtags(post), ["Қазақстан", "EU2026"]);
//! assert_eq!(extract_mentions(post), ["UN_News"]);
//! assert_eq!(extract_urls(post), ["https://mfa.gov.kz/ru"]);
//! assert_eq!(extract_reply_handle(post).as_deref(), Some("UN_News"));
//! ```

mod cashtag;
mod chars;
mod hashtag;
mod mention;
mod punycode;
pub mod tlds;
mod url;

/// What an [`Entity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// `#tag`; the entity text is the tag without the hash sign.
    Hashtag,
    /// `@handle`; the entity text is the handle without the at sign.
    Mention,
    /// `@handle/list-slug`; the entity text is `handle/list-slug` without the at sign.
    List,
    /// A URL; the entity text is the URL as written (protocol only if written).
    Url,
    /// `$TICKER`; the entity text is the symbol without the dollar sign.
    Cashtag,
}

/// One entity found in a text, with its position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entity {
    /// What was found.
    pub kind: EntityKind,
    /// The entity without its sign (`#`, `@`, `$`); a URL as written.
    pub text: String,
    /// Start, in code points, of the whole entity (sign included).
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Start, in bytes of the UTF-8 text.
    pub byte_start: usize,
    /// End (exclusive), in bytes of the UTF-8 text.
    pub byte_end: usize,
}

impl Entity {
    /// The handle of a mention or list reference (for a list, the part before `/`).
    pub fn screen_name(&self) -> Option<&str> {
        match self.kind {
            EntityKind::Mention => Some(&self.text),
            EntityKind::List => self.text.split('/').next(),
            _ => None,
        }
    }

    /// The slug of a list reference, without the `/`.
    pub fn list_slug(&self) -> Option<&str> {
        match self.kind {
            EntityKind::List => self.text.split_once('/').map(|(_, slug)| slug),
            _ => None,
        }
    }
}

/// An entity in byte offsets, before code-point indices are computed.
#[derive(Debug, Clone, Copy)]
struct RawEntity {
    kind: EntityKind,
    /// The whole entity, sign included.
    start: usize,
    end: usize,
    /// The part reported as [`Entity::text`].
    text_start: usize,
}

impl From<hashtag::RawHashtag> for RawEntity {
    fn from(h: hashtag::RawHashtag) -> Self {
        RawEntity {
            kind: EntityKind::Hashtag,
            start: h.start,
            end: h.end,
            text_start: h.text_start,
        }
    }
}

impl From<mention::RawMention> for RawEntity {
    fn from(m: mention::RawMention) -> Self {
        RawEntity {
            kind: if m.is_list() {
                EntityKind::List
            } else {
                EntityKind::Mention
            },
            start: m.start,
            end: m.end,
            text_start: m.name_start,
        }
    }
}

impl From<url::RawUrl> for RawEntity {
    fn from(u: url::RawUrl) -> Self {
        RawEntity {
            kind: EntityKind::Url,
            start: u.start,
            end: u.end,
            text_start: u.start,
        }
    }
}

impl From<cashtag::RawCashtag> for RawEntity {
    fn from(c: cashtag::RawCashtag) -> Self {
        RawEntity {
            kind: EntityKind::Cashtag,
            start: c.start,
            end: c.end,
            // The dollar sign is one byte.
            text_start: c.start + 1,
        }
    }
}

/// Converts byte offsets to code-point offsets; cheap when asked in increasing order.
struct CharIndexer<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndexer<'a> {
    fn new(text: &'a str) -> Self {
        CharIndexer {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    fn char_index(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn to_entities(text: &str, raw: impl IntoIterator<Item = RawEntity>) -> Vec<Entity> {
    let mut indexer = CharIndexer::new(text);
    raw.into_iter()
        .map(|r| Entity {
            kind: r.kind,
            text: text[r.text_start..r.end].to_owned(),
            start: indexer.char_index(r.start),
            end: indexer.char_index(r.end),
            byte_start: r.start,
            byte_end: r.end,
        })
        .collect()
}

/// twitter-text `removeOverlappingEntities`: sorts by start (stably, so ties keep their order)
/// and drops every entity that starts before the previous kept one ends.
fn remove_overlapping(entities: &mut Vec<RawEntity>) {
    entities.sort_by_key(|e| e.start);
    let mut kept_end: Option<usize> = None;
    entities.retain(|e| {
        if kept_end.is_some_and(|end| end > e.start) {
            return false;
        }
        kept_end = Some(e.end);
        true
    });
}

/// Whether some hashtag's hash sign could lie inside a URL: a URL holds no white space, and
/// its domain (with a dot) comes before any `#` in it. Lets the common case skip URL scanning.
fn some_hash_may_be_in_url(text: &str, tags: &[RawEntity]) -> bool {
    // Walking back from each hash sign to the nearest dot or white space, but never past the
    // previous hashtag: between the two there is neither, so the answer is the previous one's.
    let mut previous_start = 0;
    let mut dot_since_space = false;
    for tag in tags {
        for c in text[previous_start..tag.start].chars().rev() {
            if c == '.' {
                dot_since_space = true;
                break;
            }
            if chars::is_space(c) {
                dot_since_space = false;
                break;
            }
        }
        // The full-width hash sign is no URL character.
        if dot_since_space && text.as_bytes()[tag.start] == b'#' {
            return true;
        }
        previous_start = tag.start;
    }
    false
}

/// Hashtags with twitter-text's URL-overlap check (a `#` inside a URL is no hashtag).
fn raw_hashtags(text: &str) -> Vec<RawEntity> {
    let tags: Vec<RawEntity> = hashtag::scan(text).into_iter().map(Into::into).collect();
    if !some_hash_may_be_in_url(text, &tags) {
        return tags;
    }
    let urls = url::scan(text);
    if urls.is_empty() {
        return tags;
    }
    let mut merged = tags;
    merged.extend(urls.into_iter().map(RawEntity::from));
    remove_overlapping(&mut merged);
    merged.retain(|e| e.kind == EntityKind::Hashtag);
    merged
}

/// Hashtags without the sign, in order (twitter-text `extractHashtags`).
pub fn extract_hashtags(text: &str) -> Vec<String> {
    raw_hashtags(text)
        .into_iter()
        .map(|t| text[t.text_start..t.end].to_owned())
        .collect()
}

/// Hashtags with indices (twitter-text `extractHashtagsWithIndices`).
pub fn extract_hashtags_with_indices(text: &str) -> Vec<Entity> {
    to_entities(text, raw_hashtags(text))
}

/// Mentioned handles without the at sign, in order; list references are left out (twitter-text
/// `extractMentions`).
pub fn extract_mentions(text: &str) -> Vec<String> {
    mention::scan(text)
        .into_iter()
        .filter(|m| !m.is_list())
        .map(|m| text[m.name_start..m.name_end].to_owned())
        .collect()
}

/// Mentions with indices; list references are left out (twitter-text
/// `extractMentionsWithIndices`).
pub fn extract_mentions_with_indices(text: &str) -> Vec<Entity> {
    let raw = mention::scan(text)
        .into_iter()
        .filter(|m| !m.is_list())
        .map(RawEntity::from);
    to_entities(text, raw)
}

/// Mentions ([`EntityKind::Mention`]) and list references ([`EntityKind::List`]) with indices
/// (twitter-text `extractMentionsOrListsWithIndices`).
pub fn extract_mentions_or_lists_with_indices(text: &str) -> Vec<Entity> {
    to_entities(text, mention::scan(text).into_iter().map(RawEntity::from))
}

/// The handle a post opens with (`@handle …`, after optional white space), the way Twitter
/// marks a reply (twitter-text `extractReplies`).
pub fn extract_reply_handle(text: &str) -> Option<String> {
    mention::reply_handle(text).map(str::to_owned)
}

/// URLs as written, in order (twitter-text `extractUrls`, URLs without protocol included).
pub fn extract_urls(text: &str) -> Vec<String> {
    url::scan(text)
        .into_iter()
        .map(|u| text[u.start..u.end].to_owned())
        .collect()
}

/// URLs with indices (twitter-text `extractUrlsWithIndices`).
pub fn extract_urls_with_indices(text: &str) -> Vec<Entity> {
    to_entities(text, url::scan(text).into_iter().map(RawEntity::from))
}

/// Cashtags without the dollar sign, in order (twitter-text `extractCashtags`).
pub fn extract_cashtags(text: &str) -> Vec<String> {
    cashtag::scan(text)
        .into_iter()
        .map(|c| text[c.start + 1..c.end].to_owned())
        .collect()
}

/// Cashtags with indices (twitter-text `extractCashtagsWithIndices`).
pub fn extract_cashtags_with_indices(text: &str) -> Vec<Entity> {
    to_entities(text, cashtag::scan(text).into_iter().map(RawEntity::from))
}

/// All entities in text order, overlaps resolved the twitter-text way (the earlier entity wins;
/// at the same start a URL beats a mention, a mention a hashtag, a hashtag a cashtag), as in
/// twitter-text `extractEntitiesWithIndices`.
pub fn extract_entities(text: &str) -> Vec<Entity> {
    let mut raw: Vec<RawEntity> = Vec::new();
    raw.extend(url::scan(text).into_iter().map(RawEntity::from));
    raw.extend(mention::scan(text).into_iter().map(RawEntity::from));
    raw.extend(hashtag::scan(text).into_iter().map(RawEntity::from));
    raw.extend(cashtag::scan(text).into_iter().map(RawEntity::from));
    remove_overlapping(&mut raw);
    to_entities(text, raw)
}

//! URLs, with and without protocol, by twitter-text's `extractUrl` and
//! `extractUrlsWithIndices`.
//!
//! The regular expression is reproduced by hand, including its backtracking choices:
//!
//! - a match starts with one preceding character (anything but ASCII letters and digits, `@`,
//!   `＠`, `$`, `#`, `＃` and non-characters) or the start of the text, and the scan resumes
//!   where the previous match (kept or not) ended;
//! - the domain is `label.`-repeated then a TLD from [`crate::tlds`] (or `xn--…`); with most
//!   sub-domains first, the first label split whose last part is a known TLD not followed by an
//!   ASCII letter, digit, `@`, `+` or `-` wins; labels may hold any non-punctuation,
//!   non-space character (CJK, Cyrillic, emoji);
//! - then an optional port, path (kept up to its last allowed ending character, with up to two
//!   levels of balanced parentheses) and query (kept up to its last allowed ending character).
//!
//! Without protocol, only the ASCII (plus Latin accented) domains inside the matched domain are
//! reported, and the path goes with the last of them; a preceding `-`, `_`, `.` or `/` drops the
//! match. With protocol, `t.co` links are cut after their slug (and query), and slugs over 40
//! characters drop the link. Host labels whose Punycode form exceeds 63 characters, and URLs
//! over 4096 UTF-16 units, are dropped.
//!
//! Unlike a backtracking engine, the scan stays linear in the text's length: it skips to the
//! white space before the next dot (every domain has one), and remembers label runs and where
//! the domain expression ends from each start (see [`Scanner`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::chars::{
    self, char_at, fold_case, is_ascii_domain_label_char, is_directional_marker, is_domain_char,
    is_invalid_char, is_url_path_char, is_url_path_ending_char, is_url_query_char,
    is_url_query_ending_char,
};
use crate::punycode;
use crate::tlds;

/// A URL found in the text, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawUrl {
    /// Byte offset of the URL's first character.
    pub start: usize,
    /// Byte offset just past the URL.
    pub end: usize,
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const MAX_DOMAIN_LABEL_LENGTH: usize = 63;
/// What twitter-text counts for a URL given without protocol.
const DEFAULT_PROTOCOL: &str = "https://";

/// Every TLD with its rank in twitter-text's alternation (generic first, then country).
fn ranked_tlds() -> impl Iterator<Item = (&'static str, usize)> {
    tlds::GENERIC
        .iter()
        .chain(tlds::COUNTRY)
        .copied()
        .enumerate()
        .map(|(rank, tld)| (tld, rank))
}

/// The ASCII TLDs, lower case, sorted for binary search, with their rank.
static ASCII_TLDS: LazyLock<Vec<(&'static str, usize)>> = LazyLock::new(|| {
    let mut all: Vec<(&'static str, usize)> =
        ranked_tlds().filter(|(tld, _)| tld.is_ascii()).collect();
    all.sort_unstable();
    all.dedup_by_key(|(tld, _)| *tld);
    all
});

/// The TLDs with non-ASCII characters (including `vermögensberater`), in rank order: when
/// several match, the first listed wins.
static IDN_TLDS: LazyLock<Vec<(&'static str, usize)>> =
    LazyLock::new(|| ranked_tlds().filter(|(tld, _)| !tld.is_ascii()).collect());

/// One match of the URL expression, before the post-match checks.
#[derive(Debug, Clone, Copy)]
struct UrlMatch {
    start: usize,
    /// Length in bytes of `http://` or `https://`, 0 when absent.
    protocol_len: usize,
    domain_start: usize,
    domain_end: usize,
    has_path: bool,
    end: usize,
}

/// One run of label characters (domain characters, `_`, `-`).
#[derive(Debug, Clone, Copy, Default)]
struct LabelRun {
    start: usize,
    end: usize,
    /// Byte offset of the run's last `_`, if any.
    last_underscore: Option<usize>,
}

fn is_label_char(c: char) -> bool {
    c == '_' || c == '-' || is_domain_char(c)
}

fn label_run(text: &str, from: usize) -> LabelRun {
    let mut run = LabelRun {
        start: from,
        end: from,
        last_underscore: None,
    };
    for c in text[from..].chars() {
        if !is_label_char(c) {
            break;
        }
        if c == '_' {
            run.last_underscore = Some(run.end);
        }
        run.end += c.len_utf8();
    }
    run
}

/// twitter-text `validUrlPrecedingChars`.
fn is_preceding_char(c: char) -> bool {
    let excluded = c.is_ascii_alphanumeric()
        || matches!(c, '@' | '＠' | '$' | '#' | '＃')
        || is_invalid_char(c);
    !excluded || is_directional_marker(c)
}

/// The URL scan over one text, with what it remembers so that its cost stays linear in the
/// length of the text: a regular expression engine would re-read a long run of CJK or Cyrillic
/// text (where every position may start a domain), or a long `a.b.c.…` chain, from every start.
struct Scanner<'a> {
    text: &'a str,
    /// The run of label characters around the last domain start tried.
    run: LabelRun,
    /// Where the domain expression ends when started at a byte offset (`None`: no match).
    domain_ends: HashMap<usize, Option<usize>>,
}

/// All URLs of `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<RawUrl> {
    let mut found = Vec::new();
    let mut scanner = Scanner {
        text,
        run: LabelRun::default(),
        domain_ends: HashMap::new(),
    };
    let bytes = text.as_bytes();
    let mut at = 0usize;
    // The first dot at or after `at`: every URL has one in its domain, with no white space
    // between the URL's start and that dot.
    let mut next_dot: Option<usize> = None;
    loop {
        if next_dot.is_none_or(|dot| dot < at) {
            let Some(offset) = memchr::memchr(b'.', &bytes[at..]) else {
                break;
            };
            let dot = at + offset;
            next_dot = Some(dot);
            // No URL starts before the last white space ahead of that dot; the white space
            // itself may be the preceding character.
            if let Some(space) = text[at..dot].rfind(chars::is_space) {
                at += space;
            }
        }
        let Some(c) = char_at(text, at) else {
            break;
        };
        let mut matched = None;
        if is_preceding_char(c) {
            matched = scanner.match_url(at + c.len_utf8()).map(|m| (m, Some(c)));
        }
        if matched.is_none() && at == 0 {
            matched = scanner.match_url(0).map(|m| (m, None));
        }
        match matched {
            Some((m, before)) => {
                at = m.end;
                accept(text, &m, before, &mut found);
            }
            None => at += c.len_utf8(),
        }
    }
    found
}

impl Scanner<'_> {
    /// The run of label characters from byte `at` (which may lie inside the remembered run).
    fn run_from(&mut self, at: usize) -> LabelRun {
        if !(self.run.start <= at && at < self.run.end) {
            self.run = label_run(self.text, at);
        }
        LabelRun {
            start: at,
            end: self.run.end,
            last_underscore: self.run.last_underscore.filter(|&u| u >= at),
        }
    }

    /// Tries the URL expression (after the preceding character) at byte `start`.
    fn match_url(&mut self, start: usize) -> Option<UrlMatch> {
        let first = char_at(self.text, start)?;
        if matches!(first, 'h' | 'H') {
            if let Some(protocol_len) = protocol_len(&self.text[start..]) {
                if let Some(m) = self.match_after_protocol(start, protocol_len) {
                    return Some(m);
                }
            }
        }
        if !is_domain_char(first) {
            return None;
        }
        // A domain needs a dot right after its first label.
        let run = self.run_from(start);
        if self.text.as_bytes().get(run.end) != Some(&b'.') {
            return None;
        }
        self.match_after_protocol(start, 0)
    }

    fn match_after_protocol(&mut self, start: usize, protocol_len: usize) -> Option<UrlMatch> {
        let bytes = self.text.as_bytes();
        let domain_start = start + protocol_len;
        let domain_end = self.domain_end(domain_start)?;
        let mut end = domain_end;
        if bytes.get(end) == Some(&b':') {
            let digits = bytes[end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 0 {
                end += 1 + digits;
            }
        }
        let has_path = bytes.get(end) == Some(&b'/');
        if has_path {
            end = match_path(self.text, end + 1);
        }
        if bytes.get(end) == Some(&b'?') {
            if let Some(query_end) = match_query(self.text, end + 1) {
                end = query_end;
            }
        }
        Some(UrlMatch {
            start,
            protocol_len,
            domain_start,
            domain_end,
            has_path,
            end,
        })
    }

    /// twitter-text `validDomain` at byte `start`: the end of the domain, TLD included.
    ///
    /// `validSubdomain* validDomainName TLD` with greedy backtracking comes down to: with the
    /// first label `L.` (a valid sub-domain label), the domain is the one starting after `L.`
    /// if there is one (more sub-domains are preferred), else `L.TLD` if `L` is also a valid
    /// domain-name label and a TLD follows. That recursion is evaluated from the last label
    /// back, and remembered per start.
    fn domain_end(&mut self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        // The labels from `start` up to a start already known (or the last label).
        let mut chain: Vec<LabelRun> = Vec::new();
        let mut at = start;
        let known = loop {
            if let Some(&end) = self.domain_ends.get(&at) {
                break end;
            }
            let run = if chain.is_empty() {
                self.run_from(at)
            } else {
                label_run(self.text, at)
            };
            if bytes.get(run.end) != Some(&b'.') || !valid_subdomain(self.text, &run) {
                self.domain_ends.insert(at, None);
                break None;
            }
            at = run.end + 1;
            chain.push(run);
        };
        let mut end = known;
        for run in chain.iter().rev() {
            if end.is_none() && run.last_underscore.is_none() {
                end = match_tld(self.text, run.end + 1);
            }
            self.domain_ends.insert(run.start, end);
        }
        end
    }
}

/// `https?://`, case-insensitive: its length.
fn protocol_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if bytes.len() < 7 || !bytes[..4].eq_ignore_ascii_case(b"http") {
        return None;
    }
    let after_s = if bytes[4].eq_ignore_ascii_case(&b's') {
        5
    } else {
        4
    };
    bytes[after_s..].starts_with(b"://").then_some(after_s + 3)
}

/// A twitter-text `validSubdomain` label (dot excluded): non-empty, a domain character at both
/// ends (the run holds only domain characters, `_` and `-`). Without `_` it is also a
/// `validDomainName` label.
fn valid_subdomain(text: &str, run: &LabelRun) -> bool {
    let first = char_at(text, run.start);
    let last = text[run.start..run.end].chars().next_back();
    matches!((first, last), (Some(a), Some(b)) if is_domain_char(a) && is_domain_char(b))
}

/// A known TLD (or `xn--…`) at byte `at` of `s`: its end. `s` is the whole text or, for the
/// ASCII-domain pass, just the domain (its end then counts as the end of the text).
fn match_tld(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let first = *bytes.get(at)?;
    if first.is_ascii_alphanumeric() {
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let end = at + run;
        // (?=[^0-9a-zA-Z@+-]|$): an ASCII TLD is the whole alphanumeric run.
        let mut best = None;
        if !matches!(bytes.get(end), Some(b'@' | b'+' | b'-')) {
            best = ascii_tld_rank(&bytes[at..end]).map(|rank| (rank, end));
        }
        // A TLD that goes on with non-ASCII letters (`vermögensberatung`).
        if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
            if let Some((rank, idn_end)) = first_idn_tld(s, at) {
                if best.is_none_or(|(best_rank, _)| rank < best_rank) {
                    best = Some((rank, idn_end));
                }
            }
        }
        if let Some((_, tld_end)) = best {
            return Some(tld_end);
        }
        // xn--[\-0-9a-z]+, case-insensitive, without look-ahead; tried after the TLD lists.
        if bytes.len() >= at + 5 && bytes[at..at + 4].eq_ignore_ascii_case(b"xn--") {
            let tail = bytes[at + 4..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
            if tail > 0 {
                return Some(at + 4 + tail);
            }
        }
        return None;
    }
    if first.is_ascii() {
        return None;
    }
    first_idn_tld(s, at).map(|(_, end)| end)
}

/// The first (by rank) non-ASCII TLD at byte `at` of `s` with an acceptable next character:
/// its rank and end.
fn first_idn_tld(s: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &s[at..];
    IDN_TLDS.iter().find_map(|&(tld, rank)| {
        let len = prefix_len_ignore_case(rest, tld)?;
        let next_ok = match rest[len..].chars().next() {
            None => true,
            Some(c) => !(c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-')),
        };
        next_ok.then_some((rank, at + len))
    })
}

/// The rank of the ASCII TLD `run` (any case), if it is one.
fn ascii_tld_rank(run: &[u8]) -> Option<usize> {
    let mut lower = [0u8; 32];
    if run.len() > lower.len() {
        return None;
    }
    for (slot, b) in lower.iter_mut().zip(run) {
        *slot = b.to_ascii_lowercase();
    }
    let key = std::str::from_utf8(&lower[..run.len()]).ok()?;
    ASCII_TLDS
        .binary_search_by(|(tld, _)| (*tld).cmp(key))
        .ok()
        .map(|i| ASCII_TLDS[i].1)
}

/// If `text` starts with `prefix` (case-insensitively), the byte length it spans in `text`.
fn prefix_len_ignore_case(text: &str, prefix: &str) -> Option<usize> {
    let mut text_chars = text.char_indices();
    for p in prefix.chars() {
        let (_, c) = text_chars.next()?;
        if fold_case(c) != p {
            return None;
        }
    }
    Some(text_chars.next().map_or(text.len(), |(i, _)| i))
}

/// twitter-text `(\/validUrlPath*)?` after the slash at `from - 1`: the end of the path.
fn match_path(text: &str, from: usize) -> usize {
    let mut at = from;
    let mut last_good = from;
    while let Some(c) = char_at(text, at) {
        if is_url_path_char(c) {
            at += c.len_utf8();
            if is_url_path_ending_char(c) {
                last_good = at;
            }
        } else if c == '(' {
            match match_balanced_parens(text, at) {
                Some(end) => {
                    at = end;
                    last_good = at;
                }
                None => break,
            }
        } else {
            break;
        }
    }
    last_good
}

/// twitter-text `validUrlBalancedParens` at the `(` at byte `at`: `(x)` or `(x(y)z)`.
fn match_balanced_parens(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let path_run = |from: usize| -> usize {
        let rest = &text[from..];
        from + rest
            .find(|c: char| !is_url_path_char(c))
            .unwrap_or(rest.len())
    };
    let inner_start = at + 1;
    let inner_end = path_run(inner_start);
    match bytes.get(inner_end) {
        Some(b')') if inner_end > inner_start => Some(inner_end + 1),
        Some(b'(') => {
            let nested_start = inner_end + 1;
            let nested_end = path_run(nested_start);
            if nested_end == nested_start || bytes.get(nested_end) != Some(&b')') {
                return None;
            }
            let tail_end = path_run(nested_end + 1);
            (bytes.get(tail_end) == Some(&b')')).then_some(tail_end + 1)
        }
        _ => None,
    }
}

/// twitter-text `\?validUrlQueryChars*validUrlQueryEndingChars` after the `?` at `from - 1`.
fn match_query(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut last_good = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        let c = char::from(b);
        if !b.is_ascii() || !is_url_query_char(c) {
            break;
        }
        if is_url_query_ending_char(c) {
            last_good = Some(from + i + 1);
        }
    }
    last_good
}

/// The checks twitter-text runs on each match before reporting it.
fn accept(text: &str, m: &UrlMatch, before: Option<char>, found: &mut Vec<RawUrl>) {
    let url = &text[m.start..m.end];
    let domain = &text[m.domain_start..m.domain_end];
    let protocol = if m.protocol_len > 0 {
        &text[m.start..m.domain_start]
    } else {
        DEFAULT_PROTOCOL
    };
    if !is_valid_url(url, protocol, domain) {
        return;
    }
    if m.protocol_len == 0 {
        if matches!(before, Some('-' | '_' | '.' | '/')) {
            return;
        }
        let mut last = None;
        let mut at = 0;
        while let Some((a, b)) = next_ascii_domain(domain, at) {
            found.push(RawUrl {
                start: m.domain_start + a,
                end: m.domain_start + b,
            });
            last = Some(found.len() - 1);
            at = b;
        }
        // The path (not a bare query or port) goes with the last ASCII domain. twitter-text
        // splices the path onto the ASCII domain's text; we keep the text between the indices,
        // which is the same whenever that domain ends the matched domain (always, in practice).
        if let (Some(i), true) = (last, m.has_path) {
            found[i].end = m.end;
        }
        return;
    }
    let end = match tco_end(url) {
        Some((slug_len, _)) if slug_len > MAX_TCO_SLUG_LENGTH => return,
        Some((_, tco_len)) => m.start + tco_len,
        None => m.end,
    };
    found.push(RawUrl {
        start: m.start,
        end,
    });
}

/// twitter-text `isValidUrl` with `idna.toAscii`.
fn is_valid_url(url: &str, protocol: &str, domain: &str) -> bool {
    if domain.starts_with("xn--") && next_ascii_domain(domain, 0).is_none() {
        return false;
    }
    if !domain.split('.').all(label_fits) {
        return false;
    }
    // toAscii returns the labels unchanged, so only the text's own length counts.
    protocol.len() + url.encode_utf16().count() <= MAX_URL_LENGTH
}

/// Whether `punycode.toASCII(label)` is 1 to 63 characters long. Like punycode.js, the label is
/// also split at the ideographic and full-width full stops before encoding.
fn label_fits(label: &str) -> bool {
    // Every code point becomes at least one character, so a long label fails without the
    // (quadratic) encoding.
    if label.len() > MAX_DOMAIN_LABEL_LENGTH && label.chars().count() > MAX_DOMAIN_LABEL_LENGTH {
        return false;
    }
    let mut len = 0usize;
    for (i, part) in label
        .split(['\u{3002}', '\u{FF0E}', '\u{FF61}'])
        .enumerate()
    {
        if i > 0 {
            len += 1;
        }
        if part.chars().any(|c| u32::from(c) > 0x7E) {
            match punycode::encode(part) {
                Some(encoded) => len += "xn--".len() + encoded.len(),
                None => return false,
            }
        } else {
            len += part.len();
        }
    }
    (1..=MAX_DOMAIN_LABEL_LENGTH).contains(&len)
}

/// The next match of twitter-text `validAsciiDomain` in `domain` from byte `from`, as
/// (start, end) relative to `domain`.
fn next_ascii_domain(domain: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while at < domain.len() {
        match ascii_domain_at(domain, at) {
            Ok(end) => return Some((at, end)),
            Err(resume) => at = resume,
        }
    }
    None
}

/// `(?:[-a-z0-9À-ɏ…]+\.)+(?:TLD)` anchored at byte `at` of `domain`: its end, or else where the
/// next match may start. A start inside the labels read here cannot match either: it sees
/// the same labels (or fewer) before the same TLD positions.
fn ascii_domain_at(domain: &str, at: usize) -> Result<usize, usize> {
    let bytes = domain.as_bytes();
    let mut label_ends = Vec::new();
    let mut from = at;
    loop {
        let rest = &domain[from..];
        let run = rest
            .find(|c: char| !is_ascii_domain_label_char(c))
            .unwrap_or(rest.len());
        if run == 0 || bytes.get(from + run) != Some(&b'.') {
            if label_ends.is_empty() {
                // Skip this run of label characters (or the one character that is none).
                let skip = if run > 0 {
                    run
                } else {
                    rest.chars().next().map_or(1, char::len_utf8)
                };
                return Err(at + skip);
            }
            break;
        }
        label_ends.push(from + run);
        from += run + 1;
    }
    label_ends
        .iter()
        .rev()
        .find_map(|&label_end| match_tld(domain, label_end + 1))
        .ok_or(from)
}

/// twitter-text `validTcoUrl` on a URL with protocol: the slug length and the byte length of the
/// `https?://t.co/slug(?query)` prefix, if the URL is a t.co link.
fn tco_end(url: &str) -> Option<(usize, usize)> {
    let protocol = protocol_len(url)?;
    let bytes = url.as_bytes();
    let host_end = protocol + "t.co/".len();
    if bytes.len() < host_end || !bytes[protocol..host_end].eq_ignore_ascii_case(b"t.co/") {
        return None;
    }
    let slug_len = bytes[host_end..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if slug_len == 0 {
        return None;
    }
    let mut end = host_end + slug_len;
    if bytes.get(end) == Some(&b'?') {
        if let Some(query_end) = match_query(url, end + 1) {
            end = query_end;
        }
    }
    Some((slug_len, end))
}

//! Pieces shared by the Facebook and Instagram Graph formats: what a paging URL says about the
//! request, Meta's own hosts, account de-duplication within a record, entity helpers.

use std::collections::HashSet;

use dipl_model::{AccountRecord, MediaKind, Record};

/// The node and edge a Graph request URL asked for: `https://graph.facebook.com/v19.0/
/// 107898832590939/posts?limit=10&until=…` gives `("107898832590939", "posts")`. The version
/// segment is skipped; a URL naming a node without an edge gives an empty edge.
pub fn request_target(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (_host, path) = rest.split_once('/')?;
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
    if segments.peek().is_some_and(|s| is_version(s)) {
        segments.next();
    }
    let node = segments.next()?;
    let edge = segments.next().unwrap_or("");
    Some((node, edge))
}

/// `v2.8`, `v19.0`.
fn is_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// Whether a Graph id is numeric (a page or user id, not a username or `me`).
pub fn is_numeric(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

/// The part of a compound Graph id before the first `_`: the timeline of a post id
/// (`<page-id>_<post-id>`), the object of a comment id (`<object-id>_<comment-id>`).
pub fn id_prefix(id: &str) -> Option<&str> {
    id.split_once('_')
        .map(|(prefix, _)| prefix)
        .filter(|p| is_numeric(p))
}

/// Whether a URL points into Meta's own sites (a photo page, a permalink, a redirect shim):
/// those are not links the post shares.
pub fn is_meta_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    under("facebook.com")
        || under("fb.com")
        || under("fb.watch")
        || under("fbcdn.net")
        || under("fbsbx.com")
        || under("instagram.com")
        || under("cdninstagram.com")
}

/// Account records emitted by one record, so that an author met many times in a page is
/// emitted once per page.
#[derive(Default)]
pub struct Accounts<'p> {
    seen: HashSet<&'p str>,
}

impl<'p> Accounts<'p> {
    /// Pushes the account unless this record already did.
    pub fn push(
        &mut self,
        id: &'p str,
        out: &mut Vec<Record>,
        make: impl FnOnce() -> AccountRecord,
    ) {
        if self.seen.insert(id) {
            out.push(Record::Account(make()));
        }
    }
}

/// Adds `url` once.
pub fn push_url(urls: &mut Vec<String>, url: &str) {
    let url = url.trim();
    if !url.is_empty() && !urls.iter().any(|u| u == url) {
        urls.push(url.to_string());
    }
}

/// Adds a media kind once, keeping the order of first appearance.
pub fn push_media(media: &mut Vec<MediaKind>, kind: MediaKind) {
    if !media.contains(&kind) {
        media.push(kind);
    }
}

/// Adds [`MediaKind::Link`] when a post shares a link outside Meta's sites.
pub fn add_link_kind(media: &mut Vec<MediaKind>, urls: &[String]) {
    if urls.iter().any(|u| !is_meta_url(u)) {
        push_media(media, MediaKind::Link);
    }
}

/// Mentioned Instagram usernames, without `@`: the twitter-text mentions (`dipl-text`), each
/// extended over the periods and further characters Instagram usernames may have (up to 30
/// characters of letters, digits, `_` and `.`, not ending with `.`), which X handles may not:
/// `@aigerim.s` is `aigerim.s`, not `aigerim`.
pub fn instagram_mentions(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    dipl_text::extract_mentions_with_indices(text)
        .into_iter()
        .filter_map(|e| {
            let start = e.byte_end.checked_sub(e.text.len())?;
            let mut end = e.byte_end;
            while end < bytes.len()
                && end - start < 30
                && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b'.')
            {
                end += 1;
            }
            let handle = text.get(start..end)?.trim_end_matches('.');
            (!handle.is_empty()).then(|| handle.to_string())
        })
        .collect()
}

/// The once-per-file warning about fields this importer does not read, or `None`.
pub fn unknown_fields_warning(mut names: Vec<String>) -> Option<String> {
    names.sort();
    names.dedup();
    (!names.is_empty()).then(|| format!("fields not read: {}", names.join(", ")))
}

/// `s` unless it is empty or white space.
pub fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// "n thing" / "n things".
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_urls_ids_and_hosts() {
        assert_eq!(
            request_target("https://graph.facebook.com/107898832590939/posts?limit=10&until=1"),
            Some(("107898832590939", "posts"))
        );
        assert_eq!(
            request_target("https://graph.facebook.com/v19.0/17841400000000001/media?after=QVF"),
            Some(("17841400000000001", "media"))
        );
        assert_eq!(
            request_target("https://graph.facebook.com/v2.8/1_2/comments"),
            Some(("1_2", "comments"))
        );
        assert_eq!(
            request_target("https://graph.facebook.com/v2.8/me"),
            Some(("me", ""))
        );
        assert_eq!(request_target("graph.facebook.com/1/posts"), None);
        assert_eq!(
            id_prefix("107898832590939_659719147408902"),
            Some("107898832590939")
        );
        assert_eq!(id_prefix("659719147408902"), None);
        assert_eq!(id_prefix("abc_1"), None);
        assert!(is_meta_url("https://www.facebook.com/photo.php?fbid=1"));
        assert!(is_meta_url("http://l.facebook.com/l.php?u=x"));
        assert!(is_meta_url("https://www.instagram.com/p/C3xYz/"));
        assert!(!is_meta_url(
            "https://eeas.europa.eu/delegations/kazakhstan"
        ));
        assert!(!is_meta_url("https://notfacebook.com/x"));
        assert_eq!(
            instagram_mentions(
                "@aigerim.s merci, @timur.akh. et @abcdefghij_klmnopqrstu_vwxyz12345"
            ),
            ["aigerim.s", "timur.akh", "abcdefghij_klmnopqrstu_vwxyz12"]
        );
        assert_eq!(
            instagram_mentions("mail me at a@b.kz"),
            Vec::<String>::new()
        );
        assert_eq!(
            unknown_fields_warning(vec!["b".into(), "a".into(), "b".into()]).as_deref(),
            Some("fields not read: a, b")
        );
    }
}

//! Post and account ids from Facebook and Instagram links.
//!
//! CrowdTangle's CSVs have no post id column: the post is known by its `URL`. A Facebook post's
//! Graph API id is `<page id>_<post id>`, so the importer builds that from the page's
//! `Facebook Id` and the post id in the URL. The forms read here:
//!
//! | link | post id |
//! |---|---|
//! | `facebook.com/<page>/posts/<id>` | `<id>` (numeric, or a `pfbid…` token) |
//! | `facebook.com/<page>/videos/[<slug>/]<id>` | `<id>` |
//! | `facebook.com/<page>/photos/<album>/<id>` | `<id>` |
//! | `facebook.com/permalink.php?story_fbid=<id>&id=<page>`, `story.php?…` | `<id>`, page `<page>` |
//! | `facebook.com/groups/<group>/posts/<id>`, `…/permalink/<id>` | `<id>`, owner `<group>` |
//! | `facebook.com/photo.php?fbid=<id>`, `photo/?fbid=<id>` | `<id>` |
//! | `facebook.com/watch/?v=<id>`, `facebook.com/reel/<id>` | `<id>` |
//!
//! Instagram posts are known by their shortcode: `instagram.com/p/<code>/`, `/reel/<code>/`,
//! `/tv/<code>/`, also `instagram.com/<user>/p/<code>/`.

/// What a Facebook link says about the post it points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacebookLink<'a> {
    /// The first path segment naming the page, profile or group (a handle or a numeric id), or
    /// the `id` parameter of a permalink.
    pub owner: Option<&'a str>,
    /// The post (or photo, video) id: digits, or a `pfbid…` token.
    pub id: Option<&'a str>,
}

fn strip_scheme(url: &str) -> &str {
    let url = url.trim();
    for scheme in ["https://", "http://", "HTTPS://", "HTTP://"] {
        if let Some(rest) = url.strip_prefix(scheme) {
            return rest;
        }
    }
    url
}

/// `(host, path, query)` of a link, the host lower-cased by the caller's comparisons.
fn split(url: &str) -> Option<(&str, &str, &str)> {
    let rest = strip_scheme(url);
    let (host, rest) = match rest.find(['/', '?', '#']) {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or("");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    Some((host, path, query))
}

fn host_is(host: &str, domain: &str) -> bool {
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    if host.eq_ignore_ascii_case(domain) {
        return true;
    }
    let Some(dot) = host.len().checked_sub(domain.len() + 1) else {
        return false;
    };
    host.as_bytes()[dot] == b'.'
        && host
            .get(dot + 1..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(domain))
}

/// Whether a link points to Facebook itself (facebook.com, fb.com, fb.watch, fb.me).
pub fn is_facebook(url: &str) -> bool {
    if url.starts_with("https://www.facebook.com/") {
        return true;
    }
    split(url).is_some_and(|(host, _, _)| {
        ["facebook.com", "fb.com", "fb.watch", "fb.me", "fbcdn.net"]
            .iter()
            .any(|d| host_is(host, d))
    })
}

/// Whether a link points to Instagram itself.
pub fn is_instagram(url: &str) -> bool {
    split(url).is_some_and(|(host, _, _)| {
        host_is(host, "instagram.com") || host_is(host, "cdninstagram.com")
    })
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// A numeric id or a `pfbid` token.
fn is_post_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && (s.bytes().all(|b| b.is_ascii_digit())
            || (s.starts_with("pfbid") && s.bytes().all(|b| b.is_ascii_alphanumeric())))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The first (up to six) non-empty segments of a path, without allocating.
fn path_segments<'a, 'b>(path: &'a str, buf: &'b mut [&'a str; 6]) -> &'b [&'a str] {
    let mut n = 0;
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        if n == buf.len() {
            break;
        }
        buf[n] = segment;
        n += 1;
    }
    &buf[..n]
}

/// Reads a Facebook link; `None` when it is not a facebook.com link.
pub fn facebook_link(url: &str) -> Option<FacebookLink<'_>> {
    let (host, path, query) = split(url)?;
    if !["facebook.com", "fb.com"].iter().any(|d| host_is(host, d)) {
        return None;
    }
    let mut buf = [""; 6];
    let segments = path_segments(path, &mut buf);
    fn token<'a>(s: &&'a str) -> Option<&'a str> {
        Some(*s).filter(|s| is_post_token(s))
    }
    let link = match segments {
        ["permalink.php" | "story.php"] => FacebookLink {
            owner: query_param(query, "id"),
            id: query_param(query, "story_fbid").filter(|s| is_post_token(s)),
        },
        ["photo.php"] | ["photo"] => FacebookLink {
            owner: None,
            id: query_param(query, "fbid").filter(|s| is_digits(s)),
        },
        ["watch", ..] => FacebookLink {
            owner: None,
            id: query_param(query, "v").filter(|s| is_digits(s)),
        },
        ["reel", id, ..] => FacebookLink {
            owner: None,
            id: token(id),
        },
        ["groups", group, "posts" | "permalink", id, ..] => FacebookLink {
            owner: Some(group),
            id: token(id),
        },
        [owner, "posts", rest @ ..] => FacebookLink {
            owner: Some(owner),
            // `/posts/<id>`, rarely `/posts/<slug>/<id>`.
            id: rest.iter().rev().copied().find(|s| is_post_token(s)),
        },
        [owner, "videos" | "photos", rest @ ..] => FacebookLink {
            owner: Some(owner),
            id: rest.iter().rev().copied().find(|s| is_digits(s)),
        },
        [owner, ..] => FacebookLink {
            owner: Some(owner),
            id: None,
        },
        [] => FacebookLink {
            owner: None,
            id: None,
        },
    };
    Some(link)
}

/// The Graph API form `<page id>_<post id>` of a post, from its link and its page's numeric id
/// (falling back on a numeric owner in the link itself).
pub fn facebook_post_id(url: &str, page_id: Option<&str>) -> Option<String> {
    let link = facebook_link(url)?;
    let id = link.id?;
    let page = page_id.or(link.owner.filter(|o| is_digits(o)))?;
    Some(format!("{page}_{id}"))
}

/// The shortcode of an Instagram post link.
pub fn instagram_shortcode(url: &str) -> Option<&str> {
    let (host, path, _) = split(url)?;
    if !host_is(host, "instagram.com") {
        return None;
    }
    let mut buf = [""; 6];
    let code = match path_segments(path, &mut buf) {
        ["p" | "reel" | "reels" | "tv", code, ..] => code,
        [_, "p" | "reel" | "tv", code, ..] => code,
        _ => return None,
    };
    let ok = code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    ok.then_some(*code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facebook_post_links() {
        let id = |u: &str| facebook_post_id(u, Some("100064"));
        assert_eq!(
            id("https://www.facebook.com/GermanyInKZ/posts/4012345678901234"),
            Some("100064_4012345678901234".into())
        );
        assert_eq!(
            id("https://www.facebook.com/GermanyInKZ/videos/vb.100064/28812345/?type=3"),
            Some("100064_28812345".into())
        );
        assert_eq!(
            id("https://www.facebook.com/GermanyInKZ/photos/a.1234/5678/"),
            Some("100064_5678".into())
        );
        assert_eq!(
            id("https://m.facebook.com/permalink.php?story_fbid=999&id=100064"),
            Some("100064_999".into())
        );
        assert_eq!(
            id("https://www.facebook.com/EUinKazakhstan/posts/pfbid02AbC9xyz"),
            Some("100064_pfbid02AbC9xyz".into())
        );
        assert_eq!(
            id("https://www.facebook.com/groups/astana.expats/posts/777/"),
            Some("100064_777".into())
        );
        assert_eq!(
            id("https://www.facebook.com/watch/?v=31337"),
            Some("100064_31337".into())
        );
        assert_eq!(id("https://www.facebook.com/GermanyInKZ/"), None);
        assert_eq!(id("https://example.org/GermanyInKZ/posts/1"), None);
        assert_eq!(id("not a link"), None);
        // Without the page id, only a numeric owner in the link will do.
        assert_eq!(
            facebook_post_id("https://www.facebook.com/100064/posts/5", None),
            Some("100064_5".into())
        );
        assert_eq!(
            facebook_post_id("https://www.facebook.com/GermanyInKZ/posts/5", None),
            None
        );
    }

    #[test]
    fn link_owners_and_hosts() {
        let link = facebook_link("https://www.facebook.com/EUinKazakhstan/posts/42").unwrap();
        assert_eq!(link.owner, Some("EUinKazakhstan"));
        assert!(is_facebook("https://fb.watch/abc/"));
        assert!(is_facebook("http://web.facebook.com/x"));
        assert!(!is_facebook("https://notfacebook.com/x"));
        assert!(!is_facebook(
            "https://eeas.europa.eu/delegations/kazakhstan"
        ));
        assert!(is_instagram("https://www.instagram.com/p/CabcDEF123/"));
    }

    #[test]
    fn instagram_shortcodes() {
        assert_eq!(
            instagram_shortcode("https://www.instagram.com/p/CMx1a2B3c4D/"),
            Some("CMx1a2B3c4D")
        );
        assert_eq!(
            instagram_shortcode("https://www.instagram.com/reel/CQ_9-zz/?utm=1"),
            Some("CQ_9-zz")
        );
        assert_eq!(
            instagram_shortcode("https://instagram.com/mfa_kz/p/Cabc/"),
            Some("Cabc")
        );
        assert_eq!(
            instagram_shortcode("https://www.instagram.com/mfa_kz/"),
            None
        );
        assert_eq!(
            instagram_shortcode("https://www.facebook.com/p/Cabc/"),
            None
        );
    }
}

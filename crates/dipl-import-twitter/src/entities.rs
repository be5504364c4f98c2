//! Entity handling shared by the X formats: media kinds, links, and the fallback to text
//! extraction (twitter-text rules, `dipl-text`) when an object carries no entities at all.
//!
//! Platform entities always win: extraction runs only when `entities` is absent, never to add
//! to or correct what X supplied.

use dipl_model::MediaKind;

/// The model's media kind of an X media `type`.
pub fn media_kind(kind: &str) -> Option<MediaKind> {
    match kind {
        "photo" => Some(MediaKind::Photo),
        "video" => Some(MediaKind::Video),
        "animated_gif" => Some(MediaKind::Gif),
        _ => None,
    }
}

/// Adds a media kind once, keeping the order of first appearance.
pub fn push_media(media: &mut Vec<MediaKind>, kind: MediaKind) {
    if !media.contains(&kind) {
        media.push(kind);
    }
}

/// Adds [`MediaKind::Link`] when a post links outside X (links to other posts are quotes, not
/// links).
pub fn add_link_kind(media: &mut Vec<MediaKind>, urls: &[String]) {
    if urls.iter().any(|u| status_link(u).is_none()) {
        push_media(media, MediaKind::Link);
    }
}

/// The handle and post id of a link to a post (`https://twitter.com/<handle>/status/<id>`, also
/// `x.com`, `mobile.twitter.com`, `/statuses/`, with anything after the id).
pub fn status_link(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.strip_prefix("mobile.").unwrap_or(host);
    if !host.eq_ignore_ascii_case("twitter.com") && !host.eq_ignore_ascii_case("x.com") {
        return None;
    }
    // `i/web/status/<id>`: the "read more" link of a truncated tweet.
    let (handle, path) = match path.strip_prefix("i/web/") {
        Some(rest) => ("i", rest),
        None => path.split_once('/')?,
    };
    let mut parts = path.split(['/', '?', '#']);
    let marker = parts.next()?;
    let id = parts.next()?;
    let is_id = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    ((marker == "status" || marker == "statuses") && is_id && !handle.is_empty())
        .then_some((handle, id))
}

/// Hashtags, mentions and URLs of a text by the twitter-text rules, for objects without entities.
pub fn extract(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    (
        dipl_text::extract_hashtags(text),
        dipl_text::extract_mentions(text),
        dipl_text::extract_urls(text),
    )
}

/// `None` for an empty or whitespace-only string (X writes `""` for "not set").
pub fn non_empty(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_links_and_link_kind() {
        assert_eq!(
            status_link("https://twitter.com/JDMahama/status/907520576872484870/photo/1"),
            Some(("JDMahama", "907520576872484870"))
        );
        assert_eq!(
            status_link("https://x.com/a_b/status/12?s=20"),
            Some(("a_b", "12"))
        );
        assert_eq!(
            status_link("https://twitter.com/i/web/status/1"),
            Some(("i", "1"))
        );
        assert_eq!(status_link("https://example.org/a/status/1"), None);
        assert_eq!(status_link("https://twitter.com/a"), None);
        let mut media = vec![MediaKind::Photo];
        add_link_kind(&mut media, &["https://twitter.com/a/status/1".into()]);
        assert_eq!(media, [MediaKind::Photo]);
        add_link_kind(&mut media, &["https://gov.example/x".into()]);
        assert_eq!(media, [MediaKind::Photo, MediaKind::Link]);
    }
}

//! Translation pieces shared by the four formats: media kinds, entities, headers.

use dipl_ingest::csv::{normalise, Headers};
use dipl_model::MediaKind;

/// The media kind of a post type as CrowdTangle (`Photo`, `Album`, `Link`, `Native Video`,
/// `Live Video Complete`, `YouTube`, `IGTV`, `Status` …) or the Content Library (`photo`,
/// `albums`, `videos`, `reels`, `link`, `status`, `reshare` …) names it; `None` for text-only
/// types and types not known.
pub fn media_kind(post_type: &str) -> Option<MediaKind> {
    let has = |w: &str| contains_ignore_case(post_type, w);
    if has("video")
        || has("youtube")
        || has("vine")
        || has("reel")
        || has("igtv")
        || has("episode")
        || has("trailer")
        || has("clip")
        || has("live")
    {
        Some(MediaKind::Video)
    } else if has("photo") || has("album") || has("image") || has("carousel") {
        Some(MediaKind::Photo)
    } else if has("gif") {
        Some(MediaKind::Gif)
    } else if has("link") {
        Some(MediaKind::Link)
    } else {
        None
    }
}

/// Whether `haystack` contains the lower-case ASCII `needle`, ignoring ASCII case (without
/// allocating: this runs for every row).
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty()
        && haystack
            .as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n))
}

/// Adds a media kind once, keeping the order of first appearance.
pub fn push_media(media: &mut Vec<MediaKind>, kind: MediaKind) {
    if !media.contains(&kind) {
        media.push(kind);
    }
}

/// Hashtags, mentions and URLs of a text by the twitter-text rules (`dipl-text`): these exports
/// carry no entities of their own (except the Instagram Content Library's `hashtags`).
pub fn entities(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    if text.is_empty() {
        return (Vec::new(), Vec::new(), Vec::new());
    }
    // Hashtags need a `#` (or the full-width `＃`), mentions an `@` (or `＠`): a cheap look
    // spares the scanners most texts.
    let hashtags = if text.contains(['#', '\u{FF03}']) {
        dipl_text::extract_hashtags(text)
    } else {
        Vec::new()
    };
    let mentions = if text.contains(['@', '\u{FF20}']) {
        dipl_text::extract_mentions(text)
    } else {
        Vec::new()
    };
    (hashtags, mentions, dipl_text::extract_urls(text))
}

/// Header names that are neither in `known` nor start with one of `prefixes` (all normalised),
/// as written in the file, for the once-per-file "fields not read" warning.
pub fn unknown_columns(headers: &Headers, known: &[&str], prefixes: &[&str]) -> Vec<String> {
    headers
        .names()
        .iter()
        .filter(|name| {
            let key = normalise(name);
            !key.is_empty()
                && !known.contains(&key.as_str())
                && !prefixes.iter().any(|p| key.starts_with(p))
        })
        .cloned()
        .collect()
}

/// The "fields not read" warning, if any.
pub fn warn_unknown(
    headers: &Headers,
    known: &[&str],
    prefixes: &[&str],
    warnings: &mut Vec<String>,
) {
    let unknown = unknown_columns(headers, known, prefixes);
    if !unknown.is_empty() {
        warnings.push(format!("fields not read: {}", unknown.join(", ")));
    }
}

/// A text cell, `None` when empty or a "no value" marker (`N/A`, `-`).
pub fn text(cell: Option<&str>) -> Option<&str> {
    cell.filter(|c| !crate::cells::is_blank(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_types_to_media() {
        for (t, kind) in [
            ("Status", None),
            ("Photo", Some(MediaKind::Photo)),
            ("Album", Some(MediaKind::Photo)),
            ("Link", Some(MediaKind::Link)),
            ("Native Video", Some(MediaKind::Video)),
            ("Live Video Complete", Some(MediaKind::Video)),
            ("YouTube", Some(MediaKind::Video)),
            ("IGTV", Some(MediaKind::Video)),
            ("reels", Some(MediaKind::Video)),
            ("photos", Some(MediaKind::Photo)),
            ("reshare", None),
            ("Tweet", None),
        ] {
            assert_eq!(media_kind(t), kind, "{t}");
        }
    }
}

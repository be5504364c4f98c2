//! Text shared by both formats: a video's text (title and description), comment HTML
//! (`textDisplay`) turned into plain text, entities by the twitter-text rules (`dipl-text`), and
//! author names (`@handle` since 2023, display names before).

use std::borrow::Cow;

use dipl_model::MediaKind;

/// A video as one text: the title, then a blank line and the description when there is one.
pub fn video_text(title: &str, description: &str) -> String {
    let title = title.trim();
    let description = description.trim();
    if description.is_empty() {
        title.to_string()
    } else if title.is_empty() {
        description.to_string()
    } else {
        format!("{title}\n\n{description}")
    }
}

/// Hashtags (without `#`), mentions (without `@`) and URLs of a text; plus
/// [`MediaKind::Link`] when a URL points outside YouTube.
pub struct Entities {
    pub hashtags: Vec<String>,
    pub mentions: Vec<String>,
    pub urls: Vec<String>,
    pub links_out: bool,
}

pub fn entities(text: &str) -> Entities {
    let hashtags = if text.contains('#') || text.contains('＃') {
        dipl_text::extract_hashtags(text)
    } else {
        Vec::new()
    };
    let mentions = mentions(text);
    let urls = if text.contains('.') {
        dipl_text::extract_urls(text)
    } else {
        Vec::new()
    };
    let links_out = urls.iter().any(|u| !is_youtube_url(u));
    Entities {
        hashtags,
        mentions,
        urls,
        links_out,
    }
}

/// Media of a post: `base` (a video, or nothing for a comment), then a link when it links out.
pub fn media(base: Option<MediaKind>, entities: &Entities) -> Vec<MediaKind> {
    let mut media: Vec<MediaKind> = base.into_iter().collect();
    if entities.links_out {
        media.push(MediaKind::Link);
    }
    media
}

/// Whether a character can be part of a YouTube handle: letters and digits of any script,
/// `_`, `-`, `.` and `·` (YouTube's rules since handles came in 2022).
fn is_handle_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '·')
}

/// `@handle` mentions by YouTube's handle rules (3 to 30 characters, dots and hyphens allowed,
/// which X's rules would cut), without the `@`, each once, in order. An `@` inside a word (an
/// e-mail address) is no mention; a trailing `.` or `-` is punctuation.
pub fn mentions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut signs: Vec<(usize, char)> = text.match_indices('@').map(|(i, _)| (i, '@')).collect();
    if text.contains('＠') {
        signs.extend(text.match_indices('＠').map(|(i, _)| (i, '＠')));
        signs.sort_unstable();
    }
    for (i, c) in signs {
        if text[..i]
            .chars()
            .next_back()
            .is_some_and(|b| is_handle_char(b) || b == '@' || b == '＠')
        {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let end = rest
            .find(|ch: char| !is_handle_char(ch))
            .unwrap_or(rest.len());
        let handle = rest[..end].trim_end_matches(['.', '-', '·']);
        let len = handle.chars().count();
        if (3..=30).contains(&len) && !out.iter().any(|m| m == handle) {
            out.push(handle.to_string());
        }
    }
    out
}

fn is_youtube_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    ["youtube.com", "youtu.be", "music.youtube.com"]
        .iter()
        .any(|h| host.eq_ignore_ascii_case(h))
}

/// A comment's author name: since 2023 the API gives the `@handle`, before that a display name.
/// Returns (handle, display name).
pub fn author_name(name: Option<&str>) -> (Option<String>, Option<String>) {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => (None, None),
        Some(n) => match n.strip_prefix('@') {
            Some(handle) if !handle.is_empty() && !handle.contains(char::is_whitespace) => {
                (Some(handle.to_string()), None)
            }
            _ => (None, Some(n.to_string())),
        },
    }
}

/// Plain text of a comment's `textDisplay` (HTML unless requested with `textFormat=plainText`):
/// `<br>` becomes a line break, other tags are dropped (a link keeps its text), and the
/// character references YouTube writes are decoded.
pub fn html_to_text(html: &str) -> Cow<'_, str> {
    unescape(html, true)
}

/// Decodes character references only (`&amp;` → `&`): search results' titles and descriptions
/// come HTML-escaped.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    unescape(text, false)
}

fn unescape(html: &str, tags: bool) -> Cow<'_, str> {
    let specials: &[char] = if tags { &['<', '&'] } else { &['&'] };
    let has_tags = tags && html.contains('<');
    if !has_tags && !html.contains('&') {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(specials) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) if is_tag(&rest[1..end]) => {
                    let tag = rest[1..end].trim().to_ascii_lowercase();
                    if tag.starts_with("br") {
                        out.push('\n');
                    }
                    rest = &rest[end + 1..];
                }
                _ => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        } else {
            let end = rest
                .char_indices()
                .take(12)
                .find(|&(_, c)| c == ';')
                .map(|(i, _)| i);
            match end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end))) {
                Some((c, end)) => {
                    out.push(c);
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether the inside of `<…>` looks like an HTML tag (`a href=…`, `/a`, `br /`, `b`).
fn is_tag(inner: &str) -> bool {
    let name = inner.trim_start_matches('/');
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && !inner.contains('<')
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_html_becomes_text() {
        assert_eq!(
            html_to_text("Great &amp; useful!<br>See <a href=\"https://www.youtube.com/watch?v=x&amp;t=65\">1:05</a> &#39;ok&#39; &quot;q&quot; &#x1F600;"),
            "Great & useful!\nSee 1:05 'ok' \"q\" 😀"
        );
        assert_eq!(html_to_text("a < b && c > d"), "a < b && c > d");
        assert_eq!(html_to_text("5 &lt 6 &unknown; <3"), "5 &lt 6 &unknown; <3");
        assert!(matches!(html_to_text("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn names_handles_and_video_texts() {
        assert_eq!(
            author_name(Some("@dilnoza.k")),
            (Some("dilnoza.k".into()), None)
        );
        assert_eq!(
            author_name(Some("Dilnoza K")),
            (None, Some("Dilnoza K".into()))
        );
        assert_eq!(author_name(Some(" ")), (None, None));
        assert_eq!(video_text("Title", ""), "Title");
        assert_eq!(video_text("Title", "Desc"), "Title\n\nDesc");
    }

    #[test]
    fn links_out_of_youtube() {
        let e = entities("Watch https://youtu.be/abc and #UzbekistanMFA @mfa_uz https://mfa.uz/en");
        assert_eq!(e.hashtags, ["UzbekistanMFA"]);
        assert_eq!(e.mentions, ["mfa_uz"]);
        assert!(e.links_out);
        assert!(!entities("https://www.youtube.com/@mfa_uz").links_out);
        assert_eq!(
            mentions("@dilnoza.karimova thanks, @mfa-uz. write to info@mfa.uz @ab @Посольство_УЗ @dilnoza.karimova"),
            ["dilnoza.karimova", "mfa-uz", "Посольство_УЗ"]
        );
        assert_eq!(decode_entities("EU &amp; UZ <b>"), "EU & UZ <b>");
    }
}

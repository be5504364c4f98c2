//! Text entities shared by both formats: hashtags, mentions and links as Telegram marks them,
//! UTF-16 offsets (Telethon), media kinds and reaction names.

use dipl_model::MediaKind;

/// Hashtags (without `#`), mentioned handles (without `@`) and URLs of one message, in order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct EntityLists {
    pub hashtags: Vec<String>,
    pub mentions: Vec<String>,
    pub urls: Vec<String>,
}

impl EntityLists {
    /// Adds an entity by Telegram's type name, without its `MessageEntity` prefix and lower-cased
    /// or snake-cased (`hashtag`, `mention`, `url`/`link`, `text_link`/`texturl`). `text` is the
    /// covered text, `href` the target of a text link. Other types (bold, cashtag, email,
    /// phone, bot command, mention_name without a handle …) are not listed.
    pub fn push(&mut self, kind: &str, text: &str, href: Option<&str>) {
        match kind {
            "hashtag" => {
                let tag = text.trim().trim_start_matches(['#', '＃']);
                if !tag.is_empty() {
                    self.hashtags.push(tag.to_string());
                }
            }
            "mention" => {
                let handle = text.trim().trim_start_matches(['@', '＠']);
                if !handle.is_empty() {
                    self.mentions.push(handle.to_string());
                }
            }
            "link" | "url" => {
                let url = text.trim();
                if !url.is_empty() {
                    self.urls.push(url.to_string());
                }
            }
            "text_link" | "texturl" => {
                if let Some(url) = href.map(str::trim).filter(|u| !u.is_empty()) {
                    self.urls.push(url.to_string());
                }
            }
            _ => {}
        }
    }

    /// Entities by the twitter-text rules, for a text that comes without Telegram's own.
    pub fn extract(text: &str) -> EntityLists {
        EntityLists {
            hashtags: dipl_text::extract_hashtags(text),
            mentions: dipl_text::extract_mentions(text),
            urls: dipl_text::extract_urls(text),
        }
    }
}

/// The part of `text` covered by a Telegram entity, whose `offset` and `length` count UTF-16
/// code units (an emoji outside the BMP counts 2). `None` when the range is outside the text or
/// splits a surrogate pair.
pub fn utf16_slice(text: &str, offset: u64, length: u64) -> Option<&str> {
    let end_unit = offset.checked_add(length)?;
    let mut unit = 0u64;
    let mut start_byte = None;
    let mut end_byte = None;
    for (byte, c) in text.char_indices() {
        if unit == offset {
            start_byte = Some(byte);
        }
        if unit == end_unit {
            end_byte = Some(byte);
            break;
        }
        if unit > end_unit {
            return None;
        }
        unit += c.len_utf16() as u64;
    }
    if end_byte.is_none() && unit == end_unit {
        end_byte = Some(text.len());
    }
    if start_byte.is_none() && unit == offset {
        start_byte = Some(text.len());
    }
    let (start, end) = (start_byte?, end_byte?);
    text.get(start..end)
}

/// Adds a media kind once, in order of first appearance.
pub fn push_media(media: &mut Vec<MediaKind>, kind: MediaKind) {
    if !media.contains(&kind) {
        media.push(kind);
    }
}

/// Adds a reaction count under its name, summing repeats of a name.
pub fn push_reaction(reactions: &mut Vec<(String, u64)>, name: String, count: u64) {
    match reactions.iter_mut().find(|(n, _)| *n == name) {
        Some((_, n)) => *n = n.saturating_add(count),
        None => reactions.push((name, count)),
    }
}

/// The name of a custom-emoji reaction (Telegram names it by the emoji's document id).
pub fn custom_emoji_name(document_id: &str) -> String {
    format!("custom_emoji:{document_id}")
}

/// The name of a paid (Telegram Stars) reaction; its count is the number of stars.
pub const PAID_REACTION: &str = "paid";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets() {
        let text = "🇰🇿 Астана #Diplomacy 😀 @mfa_kz";
        // 🇰🇿 is two regional indicators, 2 UTF-16 units each.
        assert_eq!(utf16_slice(text, 0, 4), Some("🇰🇿"));
        assert_eq!(utf16_slice(text, 12, 10), Some("#Diplomacy"));
        assert_eq!(utf16_slice(text, 23, 2), Some("😀"));
        assert_eq!(utf16_slice(text, 26, 7), Some("@mfa_kz"));
        assert_eq!(utf16_slice(text, 26, 8), None);
        assert_eq!(utf16_slice(text, 24, 1), None);
        assert_eq!(utf16_slice(text, 33, 0), Some(""));
        assert_eq!(utf16_slice(text, u64::MAX, 2), None);
    }

    #[test]
    fn entity_kinds() {
        let mut e = EntityLists::default();
        e.push("hashtag", "#КазахстанЕС", None);
        e.push("mention", "@eu_in_kz", None);
        e.push("link", "mfa.gov.kz/en", None);
        e.push(
            "text_link",
            "here",
            Some("https://www.gov.kz/memleket/entities/mfa"),
        );
        e.push("text_link", "nowhere", None);
        e.push("bold", "Astana", None);
        assert_eq!(e.hashtags, ["КазахстанЕС"]);
        assert_eq!(e.mentions, ["eu_in_kz"]);
        assert_eq!(
            e.urls,
            ["mfa.gov.kz/en", "https://www.gov.kz/memleket/entities/mfa"]
        );
        let mut r = Vec::new();
        push_reaction(&mut r, "👍".into(), 3);
        push_reaction(&mut r, "👍".into(), 2);
        assert_eq!(r, [("👍".to_string(), 5)]);
    }
}

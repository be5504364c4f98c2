//! VK text: the mention markup `[id123|Name]` / `[club1234|Name]` / `[screen_name|Name]` and
//! the link markup `[https://…|text]`, rendered as their display text, and the entities of the
//! rendered text (twitter-text rules, `dipl-text`), with VK's community-scoped hashtags
//! `#tag@community` read as the hashtag `tag` (the `@community` part is no mention).

use std::borrow::Cow;

/// A mention written with VK's markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupMention<'t> {
    /// What the markup points at, as written: `id123`, `club1234`, `public1234`, `mid_kg`.
    pub target: &'t str,
    /// The account id the target names, as VK writes owner ids (negative for communities), when
    /// the target is an id form.
    pub owner_id: Option<i64>,
}

/// A text with its markup replaced by the display text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered<'t> {
    pub text: Cow<'t, str>,
    pub mentions: Vec<MarkupMention<'t>>,
    /// Targets of link markup (`[https://…|text]`).
    pub urls: Vec<&'t str>,
}

/// Longest target and label read as markup; anything longer is plain text.
const MAX_TARGET: usize = 100;
const MAX_LABEL: usize = 1000;

/// The account id of an id-form target: `id123` is user 123, `club123` / `public123` / `event123`
/// are community 123 (owner id -123).
pub fn owner_id_of(target: &str) -> Option<i64> {
    let digits_of = |prefix: &str| {
        target
            .strip_prefix(prefix)
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<i64>().ok())
    };
    if let Some(n) = digits_of("id") {
        return Some(n);
    }
    ["club", "public", "event"]
        .iter()
        .find_map(|p| digits_of(p))
        .map(|n| -n)
}

fn is_url_target(target: &str) -> bool {
    (target.starts_with("https://") || target.starts_with("http://"))
        && !target.contains(char::is_whitespace)
}

fn is_name_target(target: &str) -> bool {
    !target.is_empty()
        && target
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// One markup at the start of `rest` (which begins with `[`): target, label and its length.
fn markup_at(rest: &str) -> Option<(&str, &str, usize)> {
    let inner = &rest[1..];
    let close = inner.find(']')?;
    let body = &inner[..close];
    let (target, label) = body.split_once('|')?;
    let ok = !label.trim().is_empty()
        && label.len() <= MAX_LABEL
        && !label.contains(['[', '\n'])
        && target.len() <= MAX_TARGET
        && (is_name_target(target) || is_url_target(target));
    ok.then_some((target, label, close + 2))
}

/// Replaces VK markup by its display text and collects the mentions and links it held.
pub fn render(text: &str) -> Rendered<'_> {
    if !text.contains('[') {
        return Rendered {
            text: Cow::Borrowed(text),
            mentions: Vec::new(),
            urls: Vec::new(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut mentions = Vec::new();
    let mut urls = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        match markup_at(rest) {
            Some((target, label, len)) => {
                out.push_str(label);
                if is_url_target(target) {
                    urls.push(target);
                } else {
                    mentions.push(MarkupMention {
                        target,
                        owner_id: owner_id_of(target),
                    });
                }
                rest = &rest[len..];
            }
            None => {
                out.push('[');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    if mentions.is_empty() && urls.is_empty() {
        return Rendered {
            text: Cow::Borrowed(text),
            mentions,
            urls,
        };
    }
    Rendered {
        text: Cow::Owned(out),
        mentions,
        urls,
    }
}

/// Hashtags (without `#`) and `@` mentions (without `@`) of a rendered text; a mention glued to
/// a hashtag (`#news@mid_kg`, VK's hashtag within a community) is not a mention.
pub fn hashtags_and_mentions(text: &str) -> (Vec<String>, Vec<String>) {
    if !text.contains('#') && !text.contains('@') && !text.contains('＃') && !text.contains('＠')
    {
        return (Vec::new(), Vec::new());
    }
    let tags = dipl_text::extract_hashtags_with_indices(text);
    let mentions = dipl_text::extract_mentions_with_indices(text)
        .into_iter()
        .filter(|m| !tags.iter().any(|t| t.byte_end == m.byte_start))
        .map(|m| m.text)
        .collect();
    (tags.into_iter().map(|t| t.text).collect(), mentions)
}

/// Adds `item` unless already present.
pub fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_rendered_and_collected() {
        let r = render("Встреча с [id501|Айбек Садыров] и [club2201|МИД КР], см. [mid_kg|нас] [https://mfa.gov.kg/ru|сайт]");
        assert_eq!(r.text, "Встреча с Айбек Садыров и МИД КР, см. нас сайт");
        assert_eq!(
            r.mentions,
            [
                MarkupMention {
                    target: "id501",
                    owner_id: Some(501)
                },
                MarkupMention {
                    target: "club2201",
                    owner_id: Some(-2201)
                },
                MarkupMention {
                    target: "mid_kg",
                    owner_id: None
                },
            ]
        );
        assert_eq!(r.urls, ["https://mfa.gov.kg/ru"]);
    }

    #[test]
    fn brackets_that_are_not_markup_stay() {
        for text in [
            "[1] сноска",
            "a [b c|d] e",
            "[id1|]",
            "[id1|x",
            "[|x]",
            "[id1|a\nb]",
            "список: [",
        ] {
            let r = render(text);
            assert!(r.mentions.is_empty(), "{text}");
            assert_eq!(r.text, text);
        }
        assert_eq!(render("[[id1|x]").text, "[x");
        let r = render("[[id1|x]]");
        assert_eq!(r.text, "[x]");
        assert!(matches!(render("plain").text, Cow::Borrowed(_)));
    }

    #[test]
    fn id_forms() {
        assert_eq!(owner_id_of("id7"), Some(7));
        assert_eq!(owner_id_of("public12"), Some(-12));
        assert_eq!(owner_id_of("event3"), Some(-3));
        assert_eq!(owner_id_of("idiot"), None);
        assert_eq!(owner_id_of("club"), None);
        assert_eq!(owner_id_of("id99999999999999999999"), None);
    }

    #[test]
    fn community_hashtags_are_not_mentions() {
        let (tags, mentions) =
            hashtags_and_mentions("#МИД@mid_kg #новости@club2201 и @eu_kg #Дипломатия");
        assert_eq!(tags, ["МИД", "новости", "Дипломатия"]);
        assert_eq!(mentions, ["eu_kg"]);
    }
}

//! Text cleaning before detection: drop URLs, @handles, HTML entities, digits, emoji and
//! punctuation; keep letters (lower-cased) and word-internal apostrophes (Uzbek `oʻ`, `gʻ`).
//! Counts letters per script in the same pass.

/// Scripts the router distinguishes. `Other` = a letter of any other script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Han,
    Kana,
    Hangul,
    Greek,
    Georgian,
    Armenian,
    Hebrew,
    Devanagari,
    Thai,
    Ethiopic,
    Other,
}

const SCRIPTS: [Script; 14] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Arabic,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Greek,
    Script::Georgian,
    Script::Armenian,
    Script::Hebrew,
    Script::Devanagari,
    Script::Thai,
    Script::Ethiopic,
    Script::Other,
];

/// Script of one letter (by Unicode block; only letters reach this).
pub(crate) fn script_of(c: char) -> Script {
    match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF | 0x0250..=0x02AF | 0xFF21..=0xFF5A => Script::Latin,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2FA1F | 0xF900..=0xFAFF => Script::Han,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Script::Hangul,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
        0x0530..=0x058F => Script::Armenian,
        0x0590..=0x05FF => Script::Hebrew,
        0x0900..=0x097F => Script::Devanagari,
        0x0E00..=0x0E7F => Script::Thai,
        0x1200..=0x139F => Script::Ethiopic,
        _ => Script::Other,
    }
}

/// Weight of one letter towards the minimum amount of text: a Han, Kana or Hangul character
/// carries about a syllable or a word, so it counts 3.
fn weight(s: Script) -> u32 {
    match s {
        Script::Han | Script::Kana | Script::Hangul => 3,
        _ => 1,
    }
}

/// Letters per script of a cleaned text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Counts {
    pub per_script: [u32; 14],
    /// Letters weighted by [`weight`].
    pub weighted: u32,
}

impl Counts {
    fn add(&mut self, c: char) {
        let s = script_of(c);
        self.per_script[s as usize] += 1;
        self.weighted += weight(s);
    }

    pub fn merge(&mut self, other: &Counts) {
        for (a, b) in self.per_script.iter_mut().zip(other.per_script) {
            *a += b;
        }
        self.weighted += other.weighted;
    }

    /// Letters of script `s`, weighted.
    pub fn weighted_of(&self, s: Script) -> u32 {
        self.get(s) * weight(s)
    }

    pub fn get(&self, s: Script) -> u32 {
        self.per_script[s as usize]
    }

    /// The script with most weighted letters (first in [`SCRIPTS`] order on ties), if any.
    pub fn dominant(&self) -> Option<Script> {
        let mut best: Option<(Script, u32)> = None;
        for s in SCRIPTS {
            let n = self.weighted_of(s);
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

/// Apostrophe-like characters kept between letters (Uzbek Latin `oʻ`, `gʻ`, `ʼ`; English `it's`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BB}' | '\u{02BC}' | '`'
    )
}

/// Whether a whitespace-separated token is a URL (scheme, `www.`, or `domain.tld/…`).
pub(crate) fn is_url(tok: &str) -> bool {
    let t = tok.trim_start_matches(|c: char| !c.is_alphanumeric());
    if t.contains("://") || starts_with_ci(t, "www.") {
        return true;
    }
    // `t.co/abc`, `pic.twitter.com/x`: a dot before the first slash, no letters-only word.
    match t.find('/') {
        Some(slash) if slash > 0 => {
            let host = &t[..slash];
            host.contains('.')
                && !host.ends_with('.')
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        }
        _ => false,
    }
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_handle_start(c: char) -> bool {
    c == '@' || c == '\u{FF20}'
}

fn is_hash_start(c: char) -> bool {
    c == '#' || c == '\u{FF03}'
}

/// Append the letters of `tok` (lower-cased) to `out`, non-letters as single spaces.
/// Skips HTML entities like `&amp;`; with `camel`, splits `CamelCase` hashtag words.
fn push_letters(tok: &str, out: &mut String, counts: &mut Counts, camel: bool) {
    let mut chars = tok.char_indices().peekable();
    let mut prev_letter = false;
    let mut prev_lower = false;
    while let Some((i, c)) = chars.next() {
        if c == '&' {
            let rest = &tok[i + 1..];
            let name_len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if name_len > 0 && name_len <= 8 && rest.as_bytes().get(name_len) == Some(&b';') {
                for _ in 0..=name_len {
                    chars.next();
                }
                push_space(out);
                prev_letter = false;
                continue;
            }
        }
        if c.is_alphabetic() {
            if camel && prev_lower && c.is_uppercase() {
                push_space(out);
            }
            prev_lower = c.is_lowercase();
            for l in c.to_lowercase() {
                out.push(l);
            }
            counts.add(c);
            prev_letter = true;
        } else if is_apostrophe(c)
            && prev_letter
            && chars.peek().is_some_and(|(_, n)| n.is_alphabetic())
        {
            out.push(c);
        } else {
            push_space(out);
            prev_letter = false;
            prev_lower = false;
        }
    }
    push_space(out);
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Clean `text` into `body` (ordinary words) and `tags` (hashtag words, without `#`), both
/// lower-case, letters and single spaces only. Returns the letter counts of both.
pub(crate) fn clean(text: &str, body: &mut String, tags: &mut String) -> (Counts, Counts) {
    body.clear();
    tags.clear();
    let mut cb = Counts::default();
    let mut ct = Counts::default();
    for (n, tok) in text.split_whitespace().enumerate() {
        if n == 0 && tok == "RT" {
            continue;
        }
        let Some(first) = tok.chars().next() else {
            continue;
        };
        if is_handle_start(first) || is_url(tok) {
            continue;
        }
        if is_hash_start(first) {
            push_letters(&tok[first.len_utf8()..], tags, &mut ct, true);
        } else {
            push_letters(tok, body, &mut cb, false);
        }
    }
    (cb, ct)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(t: &str) -> (String, String, u32) {
        let (mut b, mut h) = (String::new(), String::new());
        let (cb, _) = clean(t, &mut b, &mut h);
        (b, h, cb.weighted)
    }

    #[test]
    fn drops_urls_handles_digits_emoji_entities() {
        // Expected strings written by hand from the rules above.
        assert_eq!(
            cleaned("RT @MFA_KZ: Meeting in Astana 2024 🇰🇿 &amp; more https://t.co/xyz #Diplomacy"),
            ("meeting in astana more ".into(), "diplomacy ".into(), 19)
        );
        assert_eq!(
            cleaned("O‘zbekiston va t.co/abc www.gov.uz"),
            ("o‘zbekiston va ".into(), String::new(), 12)
        );
        assert_eq!(
            cleaned("Ну что ж... 👍👍"),
            ("ну что ж ".into(), String::new(), 6)
        );
        assert_eq!(cleaned("谢谢大使"), ("谢谢大使 ".into(), String::new(), 12));
    }

    #[test]
    fn url_shapes() {
        assert!(is_url("https://example.org/a?b=c"));
        assert!(is_url("(www.example.org)"));
        assert!(is_url("t.co/abc"));
        assert!(!is_url("and/or"));
        assert!(!is_url("Hello."));
    }
}

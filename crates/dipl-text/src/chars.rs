//! Character classes of the twitter-text rules, one predicate per class.
//!
//! Each predicate mirrors one character class of twitter-text's regular expressions (named in
//! its doc comment), with an ASCII fast path first: most posts are mostly ASCII, and the
//! Unicode general-category lookup is only needed past U+007F.

use unicode_general_category::{get_general_category, GeneralCategory};

/// twitter-text `spacesGroup`: the white space that may precede a cashtag or a reply handle.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{09}'..='\u{0D}'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{180E}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// JavaScript's `\s` (WhiteSpace and LineTerminator), used by the cashtag look-ahead.
pub(crate) fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// twitter-text `punct`: ASCII punctuation (note: neither `"` nor `` ` `` is in it).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '!' | '\''
            | '#'
            | '%'
            | '&'
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | '\\'
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '<'
            | '='
            | '>'
            | '?'
            | '@'
            | '['
            | ']'
            | '^'
            | '_'
            | '{'
            | '|'
            | '}'
            | '~'
            | '$'
    )
}

/// twitter-text `invalidCharsGroup`: non-characters and the byte-order mark.
pub(crate) fn is_invalid_char(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// twitter-text `directionalMarkersGroup`: bidirectional embedding, isolate and mark characters.
pub(crate) fn is_directional_marker(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'
    )
}

/// twitter-text `latinAccentChars`.
pub(crate) fn is_latin_accent(c: char) -> bool {
    matches!(
        c,
        '\u{C0}'..='\u{D6}'
            | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{FF}'
            | '\u{100}'..='\u{24F}'
            | '\u{253}'
            | '\u{254}'
            | '\u{256}'
            | '\u{257}'
            | '\u{259}'
            | '\u{25B}'
            | '\u{263}'
            | '\u{268}'
            | '\u{26F}'
            | '\u{272}'
            | '\u{289}'
            | '\u{28B}'
            | '\u{2BB}'
            | '\u{300}'..='\u{36F}'
            | '\u{1E00}'..='\u{1EFF}'
    )
}

/// twitter-text `cyrillicLettersAndMarks`.
fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// twitter-text `validDomainChars`: anything but punctuation, spaces, invalid characters and
/// directional markers (so CJK, Cyrillic, emoji and even `"` are domain characters).
pub(crate) fn is_domain_char(c: char) -> bool {
    if c.is_ascii() {
        return !(is_punct(c) || is_space(c));
    }
    !(is_space(c) || is_invalid_char(c) || is_directional_marker(c))
}

/// twitter-text `validGeneralUrlPathChars` (case-insensitive).
pub(crate) fn is_url_path_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric()
            || matches!(
                c,
                '!' | '*'
                    | '\''
                    | ';'
                    | ':'
                    | '='
                    | '+'
                    | ','
                    | '.'
                    | '$'
                    | '/'
                    | '%'
                    | '#'
                    | '['
                    | ']'
                    | '-'
                    | '_'
                    | '~'
                    | '@'
                    | '|'
                    | '&'
            );
    }
    c == '\u{2013}' || is_cyrillic(c) || is_latin_accent(c)
}

/// twitter-text `validUrlPathEndingChars`, without its balanced-parentheses alternative.
pub(crate) fn is_url_path_ending_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '=' | '_' | '#' | '/');
    }
    is_cyrillic(c) || is_latin_accent(c)
}

/// twitter-text `validUrlQueryChars` (case-insensitive, ASCII only).
pub(crate) fn is_url_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '?'
                | '*'
                | '\''
                | '@'
                | '('
                | ')'
                | ';'
                | ':'
                | '&'
                | '='
                | '+'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '.'
                | ','
                | '~'
                | '|'
        )
}

/// twitter-text `validUrlQueryEndingChars` (case-insensitive, ASCII only).
pub(crate) fn is_url_query_ending_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '=' | '#' | '/')
}

/// The label characters of twitter-text `validAsciiDomain`: `[-a-z0-9]` (case-insensitive) and
/// Latin accented letters.
pub(crate) fn is_ascii_domain_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// twitter-text `hashtagSpecialChars`: joiners and punctuation that may sit inside a hashtag.
fn is_hashtag_special(c: char) -> bool {
    matches!(
        c,
        '_' | '\u{200C}'
            | '\u{200D}'
            | '\u{A67E}'
            | '\u{05BE}'
            | '\u{05F3}'
            | '\u{05F4}'
            | '\u{FF5E}'
            | '\u{301C}'
            | '\u{309B}'
            | '\u{309C}'
            | '\u{30A0}'
            | '\u{30FB}'
            | '\u{3003}'
            | '\u{0F0B}'
            | '\u{0F0C}'
            | '\u{00B7}'
    )
}

/// How a character takes part in a hashtag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HashtagClass {
    /// twitter-text `hashtagAlpha`: a letter or a mark (general category L or M).
    Alpha,
    /// A decimal digit (Nd) or one of `hashtagSpecialChars`: allowed, but not enough alone.
    Other,
    /// Not part of a hashtag.
    None,
}

/// Classifies `c` for hashtags (twitter-text `hashtagAlpha` / `hashtagAlphaNumeric`).
pub(crate) fn hashtag_class(c: char) -> HashtagClass {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            HashtagClass::Alpha
        } else if c.is_ascii_digit() || c == '_' {
            HashtagClass::Other
        } else {
            HashtagClass::None
        };
    }
    if is_hashtag_special(c) {
        return HashtagClass::Other;
    }
    use GeneralCategory as G;
    match get_general_category(c) {
        G::UppercaseLetter
        | G::LowercaseLetter
        | G::TitlecaseLetter
        | G::ModifierLetter
        | G::OtherLetter
        | G::NonspacingMark
        | G::SpacingMark
        | G::EnclosingMark => HashtagClass::Alpha,
        G::DecimalNumber => HashtagClass::Other,
        _ => HashtagClass::None,
    }
}

/// Lower-cases one character the simple way (one character in, one out), for case-insensitive
/// comparison with the lower-case TLD table.
pub(crate) fn fold_case(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// The character starting at byte `at`, if `at` is a character boundary before the end.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The character ending at byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

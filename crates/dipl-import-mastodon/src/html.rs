//! Mastodon's status HTML (`content`, account `note`, profile field values) to plain text.
//!
//! Mastodon sanitises what it stores to a small set of elements (`p`, `br`, `a`, `span`, and
//! from other servers `blockquote`, `pre`, `code`, lists, headings, `b`/`i`/`del` …), so a small
//! converter is enough and spares a dependency. The rules, which follow Mastodon's own
//! plain-text rendering:
//!
//! - paragraphs (`p`, `blockquote`, `pre`, headings, lists) are separated by a blank line;
//!   `<br>` (`<br/>`, `<br />`) is a line break; list items and `div`s start a new line;
//! - the text of a link is kept, tags are dropped: a mention
//!   `<span class="h-card"><a …>@<span>user</span></a></span>` reads `@user`, a hashtag
//!   `#tag`, and a shortened link keeps its invisible parts
//!   (`<span class="invisible">https://</span>…`), so it reads as the full URL;
//! - the `href` of each link that is not a mention or a hashtag (no `mention`/`hashtag` class,
//!   no `rel="tag"`) is collected as a shared URL;
//! - character references are decoded: named ones Mastodon and common editors produce, and
//!   every numeric one (`&#39;`, `&#x1F600;`; invalid code points become U+FFFD); an unknown
//!   name or a reference without `;` is kept as written;
//! - `<img>` (custom emoji from other servers) reads as its `alt` text; `script`, `style` and
//!   comments are dropped; white space runs collapse to one space except inside `pre`;
//! - an element of class `quote-inline` (the `RE: <link>` fallback Mastodon 4.5 puts before a
//!   quote's text for clients that cannot show quotes, and hides in its own) is dropped with
//!   its link: the quote is the post's reference, not its text;
//! - a stray `<` that starts no tag is text. Malformed input never fails: the worst case is
//!   some markup left in the text.

/// Text and links of an HTML fragment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    pub text: String,
    /// `href`s of links that are not mentions or hashtags, in order, without repeats.
    pub links: Vec<String>,
}

/// Converts an HTML fragment to plain text and its links.
pub fn to_text(html: &str) -> Converted {
    let mut w = Writer {
        out: String::with_capacity(html.len() / 2),
        ..Writer::default()
    };
    if !html.contains(['<', '&']) {
        // Plain text (a `spoiler_text`, or a server that sends text).
        w.text(html);
        return w.finish();
    }
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    // An element hidden from readers (name, nesting depth): its text is not kept.
    let mut hidden: Option<(String, usize)> = None;
    while i < bytes.len() {
        match memchr::memchr(b'<', &bytes[i..]) {
            Some(offset) => i += offset,
            None => break,
        }
        let Some(tag) = parse_tag(html, i) else {
            i += 1;
            continue;
        };
        if hidden.is_none() {
            w.text_with_entities(&html[text_start..i]);
        }
        i = tag.end;
        text_start = i;
        match tag.kind {
            TagKind::Comment => {}
            TagKind::Element {
                name,
                closing,
                attrs,
            } => {
                // Tag names are ASCII letters and digits; the ones that matter are short.
                let mut lower = [0u8; 12];
                let name: &str = if name.len() <= lower.len() {
                    for (d, s) in lower.iter_mut().zip(name.bytes()) {
                        *d = s.to_ascii_lowercase();
                    }
                    std::str::from_utf8(&lower[..name.len()]).unwrap_or("")
                } else {
                    ""
                };
                if let Some((hidden_name, depth)) = &mut hidden {
                    // Inside a hidden element: only its nesting matters.
                    if hidden_name == name && !is_void(name) {
                        if closing {
                            *depth -= 1;
                        } else {
                            *depth += 1;
                        }
                        if *depth == 0 {
                            hidden = None;
                        }
                    }
                    continue;
                }
                if !closing
                    && attrs.contains("quote-inline")
                    && !is_void(name)
                    && has_class(attrs, "quote-inline")
                {
                    hidden = Some((name.to_string(), 1));
                    continue;
                }
                match name {
                    "script" | "style" if !closing => {
                        // Skip to the matching end tag (or the end).
                        let end =
                            find_ci(&html[i..], &format!("</{name}")).map_or(html.len(), |p| i + p);
                        i = end;
                        text_start = end;
                    }
                    "br" => w.line_break(),
                    "p" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul"
                    | "ol" | "table" | "figure" | "section" | "article" => {
                        w.block(2);
                        if name == "pre" {
                            w.pre += if closing { -1 } else { 1 };
                            w.pre = w.pre.max(0);
                        }
                    }
                    "li" | "div" | "tr" | "dt" | "dd" | "hr" => w.block(1),
                    "a" if !closing => {
                        if let Some(href) = link_href(attrs) {
                            let href = decode_entities(href.trim());
                            if !href.is_empty() && !w.links.contains(&href) {
                                w.links.push(href);
                            }
                        }
                    }
                    "img" if !closing => {
                        if let Some(alt) = attribute(attrs, "alt") {
                            w.text(&decode_entities(alt));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    if hidden.is_none() {
        w.text_with_entities(&html[text_start..]);
    }
    w.finish()
}

/// Elements without content or end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img" | "hr" | "wbr" | "input" | "meta" | "link" | "source" | "area" | "col"
    )
}

/// Whether the `class` attribute lists `class`.
fn has_class(attrs: &str, class: &str) -> bool {
    attribute(attrs, "class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|c| c.eq_ignore_ascii_case(class))
    })
}

/// The `href` of an `<a>` that is a shared link (not a mention or a hashtag).
fn link_href(attrs: &str) -> Option<&str> {
    let (mut class, mut rel, mut href) = ("", "", None);
    for (key, value) in Attributes::new(attrs) {
        if key.eq_ignore_ascii_case("class") {
            class = value;
        } else if key.eq_ignore_ascii_case("rel") {
            rel = value;
        } else if key.eq_ignore_ascii_case("href") {
            href = Some(value);
        }
    }
    let is_entity = class
        .split_ascii_whitespace()
        .any(|c| c.eq_ignore_ascii_case("mention") || c.eq_ignore_ascii_case("hashtag"))
        || rel
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("tag"));
    if is_entity {
        return None;
    }
    href
}

/// Builds the text: collapses white space, defers paragraph breaks until more text comes.
#[derive(Default)]
struct Writer {
    out: String,
    links: Vec<String>,
    /// Newlines owed before the next text (block boundaries), at least this many.
    pending: usize,
    /// Inside `pre` (white space kept).
    pre: i32,
}

impl Writer {
    fn text_with_entities(&mut self, raw: &str) {
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            self.text(&rest[..amp]);
            let (decoded, after) = decode_one(&rest[amp + 1..]);
            match decoded {
                Some(reference) => self.text(reference.as_str()),
                None => self.text("&"),
            }
            rest = after;
        }
        self.text(rest);
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            for c in text.chars() {
                if c == '\n' {
                    self.newline();
                } else if c != '\r' {
                    self.push(c);
                }
            }
            return;
        }
        let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
        let mut rest = text;
        while !rest.is_empty() {
            let spaces = rest.bytes().take_while(is_space).count();
            if spaces > 0 {
                // Collapse: one space, never at a line start or before a pending break.
                if !self.out.is_empty() && !self.out.ends_with([' ', '\n']) && self.pending == 0 {
                    self.out.push(' ');
                }
                rest = &rest[spaces..];
                continue;
            }
            // White space is ASCII, so this splits on a character boundary.
            let word = rest
                .bytes()
                .position(|b| is_space(&b))
                .unwrap_or(rest.len());
            self.push_str(&rest[..word]);
            rest = &rest[word..];
        }
    }

    fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush_pending();
        self.out.push_str(s);
    }

    fn flush_pending(&mut self) {
        if self.pending > 0 {
            if !self.out.is_empty() {
                self.trim_trailing_spaces();
                let have = self.out.len() - self.out.trim_end_matches('\n').len();
                for _ in have..self.pending {
                    self.out.push('\n');
                }
            }
            self.pending = 0;
        }
    }

    fn push(&mut self, c: char) {
        self.flush_pending();
        self.out.push(c);
    }

    fn newline(&mut self) {
        self.trim_trailing_spaces();
        if self.pending > 0 && !self.out.is_empty() {
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..self.pending {
                self.out.push('\n');
            }
        }
        self.pending = 0;
        self.out.push('\n');
    }

    fn line_break(&mut self) {
        self.newline();
    }

    fn block(&mut self, newlines: usize) {
        self.pending = self.pending.max(newlines);
    }

    fn trim_trailing_spaces(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
    }

    fn finish(self) -> Converted {
        let text = self.out.trim().to_string();
        Converted {
            text,
            links: self.links,
        }
    }
}

enum TagKind<'a> {
    Comment,
    Element {
        name: &'a str,
        closing: bool,
        attrs: &'a str,
    },
}

struct Tag<'a> {
    kind: TagKind<'a>,
    /// Offset just after the tag's `>`.
    end: usize,
}

/// The tag starting at `html[start] == '<'`, or `None` when this `<` starts no tag.
fn parse_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let rest = &html[start + 1..];
    if let Some(after) = rest.strip_prefix("!--") {
        let end = after.find("-->").map_or(html.len(), |p| start + 4 + p + 3);
        return Some(Tag {
            kind: TagKind::Comment,
            end,
        });
    }
    let (closing, body) = match rest.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, rest),
    };
    let name_len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
        // `<!DOCTYPE`, `<?xml`: skip like a comment when closed; otherwise text.
        if body.starts_with(['!', '?']) {
            let end = body.find('>')?;
            return Some(Tag {
                kind: TagKind::Comment,
                end: html.len() - body.len() + end + 1,
            });
        }
        return None;
    }
    let name = &body[..name_len];
    let after_name = &body[name_len..];
    if !after_name.is_empty()
        && !after_name.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
    {
        return None;
    }
    // Find the closing `>`, outside quoted attribute values.
    let mut quote: Option<u8> = None;
    let base = html.len() - after_name.len();
    for (offset, b) in after_name.bytes().enumerate() {
        match (quote, b) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                return Some(Tag {
                    kind: TagKind::Element {
                        name,
                        closing,
                        attrs: &after_name[..offset],
                    },
                    end: base + offset + 1,
                })
            }
            (None, _) => {}
        }
    }
    None
}

/// The raw (still entity-encoded) value of attribute `name`.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    Attributes::new(attrs)
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

/// The `(name, raw value)` pairs of a tag's attribute text.
struct Attributes<'a> {
    attrs: &'a str,
    i: usize,
}

impl<'a> Attributes<'a> {
    fn new(attrs: &'a str) -> Self {
        Attributes { attrs, i: 0 }
    }
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let attrs = self.attrs;
        let bytes = attrs.as_bytes();
        let mut i = self.i;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() {
                self.i = i;
                return None;
            }
            let key_start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && bytes[i] != b'='
                && bytes[i] != b'/'
            {
                i += 1;
            }
            let key = &attrs[key_start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let start = i + 1;
                    let end = bytes[start..]
                        .iter()
                        .position(|&b| b == q)
                        .map_or(bytes.len(), |p| start + p);
                    value = &attrs[start..end];
                    i = (end + 1).min(bytes.len());
                } else {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &attrs[start..i];
                }
            }
            if key.is_empty() {
                // A stray `=` or quote: step over it.
                i = i.max(key_start + 1);
                continue;
            }
            self.i = i;
            return Some((key, value));
        }
    }
}

/// Case-insensitive ASCII search.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Decodes character references (see the module documentation).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let (decoded, after) = decode_one(&rest[amp + 1..]);
        match decoded {
            Some(reference) => out.push_str(reference.as_str()),
            None => out.push('&'),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The reference that starts `after` (the text after an `&`), and the text after it; `None`
/// (and `after` unchanged) when there is no known reference there.
fn decode_one(after: &str) -> (Option<DecodedRef>, &str) {
    // A reference is at most 32 bytes before its `;`.
    let semi = after
        .bytes()
        .take(32)
        .position(|b| b == b';')
        .filter(|&p| p > 0);
    match semi.and_then(|p| reference(&after[..p]).map(|r| (r, p))) {
        Some((r, p)) => (Some(r), &after[p + 1..]),
        None => (None, after),
    }
}

fn reference(name: &str) -> Option<DecodedRef> {
    if let Some(num) = name.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = match value {
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some(DecodedRef::new(c));
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => return Some(DecodedRef::empty()),
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "minus" => '−',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "iexcl" => '¡',
        "iquest" => '¿',
        _ => return None,
    };
    Some(DecodedRef::new(c))
}

/// A decoded reference as UTF-8 bytes.
struct DecodedRef {
    buf: [u8; 4],
    len: usize,
}

impl DecodedRef {
    fn new(c: char) -> DecodedRef {
        let mut buf = [0u8; 4];
        let len = c.encode_utf8(&mut buf).len();
        DecodedRef { buf, len }
    }

    fn empty() -> DecodedRef {
        DecodedRef {
            buf: [0; 4],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        to_text(html).text
    }

    #[test]
    fn paragraphs_breaks_and_entities() {
        assert_eq!(
            text("<p>We&#39;re here<br />Bandages<br>on<br/>wings</p><p>&quot;Alright&quot; &amp; fine</p>"),
            "We're here\nBandages\non\nwings\n\n\"Alright\" & fine"
        );
        assert_eq!(
            text("<p>a &lt;b&gt; &#x1F1F0;&#x1F1FF; &#128512; &nbsp;x</p>"),
            "a <b> 🇰🇿 😀 x"
        );
        assert_eq!(
            text("AT&T &unknown; &amp &#0; &#xD800; &;"),
            "AT&T &unknown; &amp \u{FFFD} \u{FFFD} &;"
        );
        assert_eq!(
            text("<p>  spaced \n  out  </p>\n<p>\n</p><p>next</p>"),
            "spaced out\n\nnext"
        );
        assert_eq!(text("plain text, no markup"), "plain text, no markup");
        assert_eq!(text(""), "");
    }

    #[test]
    fn mentions_hashtags_and_links() {
        let html = r#"<p><span class="h-card" translate="no"><a href="https://social.example-mfa.gov/@consul" class="u-url mention">@<span>consul</span></a></span> see <a href="https://social.example-mfa.gov/tags/Astana" class="mention hashtag" rel="tag">#<span>Astana</span></a> <a href="https://mfa.example.gov/news/2024/05/07/visit?x=1&amp;y=2" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">https://</span><span class="ellipsis">mfa.example.gov/news/2024/05/0</span><span class="invisible">7/visit?x=1&amp;y=2</span></a></p>"#;
        let c = to_text(html);
        assert_eq!(
            c.text,
            "@consul see #Astana https://mfa.example.gov/news/2024/05/07/visit?x=1&y=2"
        );
        assert_eq!(
            c.links,
            ["https://mfa.example.gov/news/2024/05/07/visit?x=1&y=2"]
        );
    }

    #[test]
    fn arbitrary_fragments_never_panic() {
        // Deterministic pseudo-random soup of the pieces that matter to the parser, with
        // multi-byte characters next to every delimiter.
        const PIECES: [&str; 24] = [
            "<",
            ">",
            "</",
            "/>",
            "a",
            "p",
            "br",
            " ",
            "=",
            "\"",
            "'",
            "&",
            "#",
            "x",
            ";",
            "amp",
            "é",
            "😀",
            "<!--",
            "-->",
            "class=\"quote-inline\"",
            "<script>",
            "\n",
            "<pre>",
        ];
        let mut state = 0x2545_f491_u64;
        for _ in 0..3000 {
            let mut html = String::new();
            for _ in 0..(state % 40) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                html.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            let converted = to_text(&html);
            assert!(!converted.text.starts_with([' ', '\n']), "{html:?}");
            let _ = decode_entities(&html);
            state = state.wrapping_add(0x9e37_79b9);
        }
    }

    #[test]
    fn blocks_lists_pre_and_odd_markup() {
        assert_eq!(
            text("<p>Agenda:</p><ul><li>trade</li><li>visas</li></ul><blockquote><p>quoted</p></blockquote>"),
            "Agenda:\n\ntrade\nvisas\n\nquoted"
        );
        assert_eq!(text("<pre>a  b\n  c</pre>after"), "a  b\n  c\n\nafter");
        assert_eq!(text("1 < 2 and 3 > 2 <3"), "1 < 2 and 3 > 2 <3");
        assert_eq!(
            text("a<!-- hidden <p> -->b<script>x()</script>c<style>p{}</style>d"),
            "abcd"
        );
        assert_eq!(
            text("<p>emoji <img class=\"emoji\" alt=\":flag_kz:\" src=\"x.png\"> ok</p>"),
            "emoji :flag_kz: ok"
        );
        assert_eq!(text("<p>unclosed <a href=\"x"), "unclosed <a href=\"x");
        assert_eq!(text("<P>Upper<BR>case</P>"), "Upper\ncase");
        assert_eq!(text("<p>a</p><br><p>b</p>"), "a\n\n\nb");
        let quote = to_text(
            "<p class=\"quote-inline\">RE: <a href=\"https://h/users/a/statuses/1\"><span>h/users/a/statuses/1</span></a></p><p>Our view <a href=\"https://x.example/r\">x.example/r</a></p>",
        );
        assert_eq!(quote.text, "Our view x.example/r");
        assert_eq!(quote.links, ["https://x.example/r"]);
        assert_eq!(
            text("<span class=\"quote-inline\">a<span>b</span>c</span>d<br>e"),
            "d\ne"
        );
    }
}

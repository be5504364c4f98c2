//! Detection and question tests never panic, whatever the text: 20,000 deterministic random
//! strings mixing ASCII, punctuation, URLs, Cyrillic (with the Central Asian letters), Latin
//! with diacritics and modifier apostrophes, Arabic, CJK, Hangul, emoji, combining marks and
//! control characters.

const PIECES: &[&str] = &[
    "a",
    "Z",
    "o'",
    "oʻ",
    "g‘",
    "sh",
    " ",
    "  ",
    "\n",
    "\t",
    "?",
    "¿",
    "؟",
    "？",
    ";",
    "!",
    ".",
    ",",
    "…",
    "#",
    "@",
    "&amp;",
    "&",
    "http://x.y/?q=1",
    "www.",
    "RT ",
    "ә",
    "ғ",
    "қ",
    "ң",
    "ө",
    "ұ",
    "ү",
    "һ",
    "і",
    "ў",
    "ҳ",
    "ы",
    "ё",
    "ї",
    "ж",
    "как",
    "қашан",
    "кайда",
    "nima",
    "mi",
    "ли",
    "吗",
    "什么",
    "هل",
    "لماذا",
    "한",
    "ありがとう",
    "😀",
    "🇰🇿",
    "\u{301}",
    "\u{200d}",
    "\u{0}",
    "\u{feff}",
    "ǅ",
    "İ",
    "ß",
    "1",
    "2024",
    "-",
    "'",
    "’",
    "ʼ",
];

#[test]
fn random_texts_never_panic() {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let langs = [
        None,
        Some("en"),
        Some("ru"),
        Some("kk"),
        Some("ky"),
        Some("uz"),
        Some("zh"),
        Some("ar"),
        Some("xx"),
    ];
    for _ in 0..20_000 {
        let n = (next() % 40) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let detected = dipl_lang::detect(&text);
        if let Some(d) = detected {
            assert!((0.0..=1.0).contains(&d.confidence), "{text:?}: {d:?}");
        }
        for lang in langs {
            let _ = dipl_lang::is_question(&text, lang);
        }
        let _ = dipl_lang::is_question(&text, detected.map(|d| d.lang));
    }
}

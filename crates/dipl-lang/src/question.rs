//! Question detection (codebook §5 `questions_unanswered`): a question mark in any script, or
//! interrogative words of the comment's language.
//!
//! Rules, in order:
//! 1. Any question mark outside URLs: `?` `？` `؟` `;`(U+037E) `՞` `፧` `¿` `⸮` `⁇` `⁈` `⁉` `‽`
//!    `﹖` `❓` `❔`, and ASCII `;` right after a Greek letter (Greek's own question mark is typed
//!    as `;`). Rhetorical questions count too: the codebook's rule is formal.
//! 2. Otherwise, per sentence (split at `.` `!` `…` `。` `！` and line breaks; leading @handles
//!    skipped): the sentence's first word is an interrogative of the language (anywhere in the
//!    sentence for the verb-final kk, ky, uz, tr), or the first two
//!    words form an interrogative pair (English `do you`, `how many`; German `gibt es`), or a
//!    question particle appears as a word anywhere (Russian `ли`, Turkish `mı/mu/mü…`, Kazakh
//!    `ма/ме/ба/бе/па/пе`), or a Chinese interrogative appears anywhere (`吗 呢 什么 为什么 怎么 …`).
//!    A sentence ending in `!` is an exclamation, never a question ("What a great day!").
//!    Words that also start declarative sentences (English `when`, Russian `как`, `что`, German
//!    `wie`, `was`) count only in pairs (`how many`, `как же`, `was ist`).
//! 3. `lang = None` uses every language's rules except forms that are ordinary words in another
//!    supported language (`ким`/`kim`: Korean surname Kim; `qui`: Italian "here"; `не`: Russian
//!    "not"; `mi`: Spanish/Italian "my"; Kazakh particles). A language without word lists (e.g.
//!    `pt`) uses rule 1 only.

use std::cell::RefCell;

/// Question-mark characters (rule 1).
pub const QUESTION_MARKS: &[char] = &[
    '?', '\u{FF1F}', '\u{061F}', '\u{037E}', '\u{055E}', '\u{1367}', '\u{00BF}', '\u{2E2E}',
    '\u{2047}', '\u{2048}', '\u{2049}', '\u{203D}', '\u{FE56}', '\u{2753}', '\u{2754}',
];

/// Word rules of one language.
struct Rules {
    code: &'static str,
    /// Interrogatives as the first word of a sentence.
    initial: &'static [&'static str],
    /// Whether `initial` words count anywhere in the sentence (verb-final Turkic languages put
    /// the question word before the verb, not first: "Виза қашан беріледі").
    anywhere: bool,
    /// First word → second words that make it a question.
    pairs: &'static [(&'static [&'static str], &'static [&'static str])],
    /// Particles that mark a question anywhere in the sentence, as a separate word.
    particles: &'static [&'static str],
    /// Substrings that mark a question anywhere (Chinese).
    substrings: &'static [&'static str],
    /// Suffixes of the sentence's last word (Uzbek `-mi`, Kyrgyz `-бы`), min word length 4.
    final_suffixes: &'static [&'static str],
}

const EN_AUX: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "should",
    "shall",
    "have",
    "has",
    "may",
    "am",
    "isn't",
    "aren't",
    "don't",
    "doesn't",
    "didn't",
    "can't",
    "won't",
    "wouldn't",
    "shouldn't",
    "couldn't",
    "haven't",
    "hasn't",
    "wasn't",
    "weren't",
];
const EN_SUBJECTS: &[&str] = &[
    "you", "we", "they", "he", "she", "it", "this", "that", "there", "anyone", "anybody",
    "someone", "somebody", "i", "your", "our", "their", "these", "those",
];
const EN_HOW: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
    "many", "much", "long", "often", "far", "come", "about",
];
const EN_WHAT: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
    "has", "have", "about", "if", "happened", "happens", "else", "kind", "time",
];
const RU_WHAT: &[&str] = &[
    "такое",
    "случилось",
    "происходит",
    "делать",
    "будет",
    "это",
    "значит",
    "же",
    "вы",
    "ты",
];
const RU_HOW: &[&str] = &[
    "же",
    "так",
    "вы",
    "ты",
    "можно",
    "долго",
    "быть",
    "дела",
    "получить",
    "узнать",
    "оформить",
];
const RU_WHEN: &[&str] = &[
    "будет",
    "будут",
    "уже",
    "же",
    "можно",
    "начнется",
    "начнётся",
];
const UK_WHAT: &[&str] = &["це", "таке", "робити", "буде", "сталося", "означає"];
const UK_HOW: &[&str] = &[
    "же",
    "так",
    "можна",
    "ви",
    "ти",
    "довго",
    "отримати",
    "дізнатися",
];
const UK_WHEN: &[&str] = &["буде", "будуть", "вже", "можна"];
const DE_VERBS: &[&str] = &[
    "ist", "sind", "gibt", "kann", "können", "hat", "haben", "wird", "werden", "war", "soll",
    "sollen", "darf", "dürfen", "muss", "müssen", "habt", "seid", "könnt", "will", "wollen",
];
const DE_SUBJECTS: &[&str] = &[
    "es", "das", "ihr", "sie", "du", "er", "man", "jemand", "dies",
];
const DE_WAS: &[&str] = &[
    "ist", "sind", "war", "waren", "kann", "können", "soll", "sollen", "wird", "werden", "macht",
    "machen", "denkt", "denken", "hat", "haben", "bedeutet", "passiert",
];
const DE_WIE: &[&str] = &[
    "viel", "viele", "lange", "oft", "geht", "ist", "sind", "kann", "können", "soll", "sollen",
    "wird", "werden", "hat", "haben", "war", "weit",
];
const FR_QUAND: &[&str] = &["est-ce", "est", "sera", "va", "allez", "pourra", "aura"];
const ES_POR: &[&str] = &["qué"];
const TR_NE: &[&str] = &[
    "zaman", "oldu", "oluyor", "yapıyor", "yapacak", "demek", "var", "kadar", "için", "yapmalı",
];

const LANGS: &[Rules] = &[
    Rules {
        code: "en",
        initial: &[
            "whats", "what's", "hows", "how's", "wheres", "where's", "whos", "who's",
        ],
        anywhere: false,
        pairs: &[
            (&["why"], &[]), // special-cased: any next word except a subject pronoun
            (&["who", "where", "when", "whom", "whose"], EN_AUX),
            (&["which"], &["one", "ones"]),
            (&["how"], EN_HOW),
            (&["what"], EN_WHAT),
            (EN_AUX, EN_SUBJECTS),
        ],
        particles: &[],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "ru",
        initial: &[
            "почему",
            "зачем",
            "сколько",
            "где",
            "куда",
            "откуда",
            "кто",
            "какой",
            "какая",
            "какое",
            "какие",
            "каким",
            "каких",
            "какую",
            "неужели",
            "разве",
            // Requests for information open a question ("Подскажите, где …").
            "подскажите",
            "подскажи",
            "уточните",
        ],
        anywhere: false,
        pairs: &[
            (&["что"], RU_WHAT),
            (&["как"], RU_HOW),
            (&["когда"], RU_WHEN),
        ],
        particles: &["ли"],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "uk",
        initial: &[
            "чому",
            "навіщо",
            "скільки",
            "де",
            "куди",
            "звідки",
            "хто",
            "який",
            "яка",
            "яке",
            "які",
            "чи",
            "невже",
            "хіба",
        ],
        anywhere: false,
        pairs: &[(&["що"], UK_WHAT), (&["як"], UK_HOW), (&["коли"], UK_WHEN)],
        particles: &[],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "kk",
        initial: &[
            "неге",
            "неліктен",
            "қашан",
            "қайда",
            "кім",
            "қандай",
            "қанша",
            "қалай",
            "қайсы",
            "не",
        ],
        anywhere: true,
        pairs: &[],
        particles: &["ма", "ме", "ба", "бе", "па", "пе"],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "ky",
        initial: &[
            "эмне",
            "эмнеге",
            "эмнеден",
            "качан",
            "кайда",
            "ким",
            "кандай",
            "канча",
            "кантип",
            "кайсы",
        ],
        anywhere: true,
        pairs: &[],
        particles: &[],
        substrings: &[],
        final_suffixes: &[
            "бы", "би", "бу", "бү", "пы", "пи", "пу", "пү", "мы", "ми", "му", "мү",
        ],
    },
    Rules {
        code: "uz",
        initial: &[
            "nima",
            "nega",
            "nimaga",
            "nimani",
            "qachon",
            "qayerda",
            "qayerga",
            "qayerdan",
            "kim",
            "kimga",
            "qanday",
            "qancha",
            "qaysi",
            "necha",
            "nechta",
            "нима",
            "нега",
            "нимага",
            "қачон",
            "қаерда",
            "қаерга",
            "ким",
            "қандай",
            "қанча",
            "қайси",
            "неча",
            "нечта",
        ],
        anywhere: true,
        pairs: &[],
        particles: &[],
        substrings: &[],
        final_suffixes: &["mi", "ми"],
    },
    Rules {
        code: "de",
        initial: &[
            "warum", "wieso", "weshalb", "weswegen", "wann", "wo", "woher", "wohin", "wer", "wen",
            "wem", "wessen", "welche", "welcher", "welches", "welchen", "welchem",
        ],
        anywhere: false,
        pairs: &[
            (&["was"], DE_WAS),
            (&["wie"], DE_WIE),
            (DE_VERBS, DE_SUBJECTS),
        ],
        particles: &[],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "fr",
        initial: &[
            "pourquoi",
            "où",
            "comment",
            "combien",
            "quel",
            "quelle",
            "quels",
            "quelles",
            "qui",
            "quoi",
            "est-ce",
            "qu'est-ce",
            "pouvez-vous",
            "avez-vous",
            "êtes-vous",
            "savez-vous",
            "voulez-vous",
            "peut-on",
            "est-il",
            "est-elle",
            "faut-il",
            "peux-tu",
            "as-tu",
            "es-tu",
            "sais-tu",
            "veux-tu",
            "sont-ils",
            "vont-ils",
            "allez-vous",
            "pensez-vous",
            "croyez-vous",
        ],
        anywhere: false,
        pairs: &[(&["quand"], FR_QUAND)],
        particles: &["a-t-il", "a-t-elle", "a-t-on", "va-t-il", "va-t-on"],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "es",
        initial: &[
            "qué", "cómo", "cuándo", "dónde", "adónde", "quién", "quiénes", "cuál", "cuáles",
            "cuánto", "cuánta", "cuántos", "cuántas",
        ],
        anywhere: false,
        pairs: &[(&["por"], ES_POR)],
        particles: &[],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "zh",
        initial: &[],
        anywhere: false,
        pairs: &[],
        particles: &[],
        substrings: &[
            "吗",
            "嗎",
            "呢",
            "什么",
            "什麼",
            "为什么",
            "為什麼",
            "为何",
            "為何",
            "怎么",
            "怎麼",
            "怎样",
            "怎樣",
            "哪",
            "谁",
            "誰",
            "多少",
            "是否",
            "难道",
            "難道",
        ],
        final_suffixes: &[],
    },
    Rules {
        code: "ar",
        initial: &[
            "هل",
            "لماذا",
            "متى",
            "أين",
            "كيف",
            "ماذا",
            "كم",
            "أليس",
            "وهل",
            "فهل",
        ],
        anywhere: false,
        pairs: &[],
        particles: &[],
        substrings: &[],
        final_suffixes: &[],
    },
    Rules {
        code: "tr",
        initial: &[
            "neden", "niçin", "niye", "nasıl", "nerede", "nereye", "nereden", "kim", "kime",
            "kimi", "kimin", "hangi", "kaç",
        ],
        anywhere: true,
        pairs: &[(&["ne"], TR_NE)],
        particles: &[
            "mi",
            "mı",
            "mu",
            "mü",
            "misin",
            "mısın",
            "musun",
            "müsün",
            "miyim",
            "mıyım",
            "muyum",
            "müyüm",
            "miyiz",
            "mıyız",
            "muyuz",
            "müyüz",
            "misiniz",
            "mısınız",
            "musunuz",
            "müsünüz",
            "midir",
            "mıdır",
            "mudur",
            "müdür",
            "miydi",
            "mıydı",
            "muydu",
            "müydü",
        ],
        substrings: &[],
        final_suffixes: &[],
    },
];

/// Forms left out of the union used when the language is unknown (see module docs).
const UNION_EXCLUDE: &[&str] = &[
    "ким", "kim", "kimi", "kime", "kimin", "qui", "не", "mi", "mu", "ма", "ме", "ба", "бе", "па",
    "пе", "бы", "би", "бу", "бү", "пы", "пи", "пу", "пү", "мы", "ми", "му", "мү", "де", "wo",
];

/// Whether `text` is a question (see module docs). `lang` is an ISO 639-1 code as
/// [`crate::detect`] returns it, or `None` when unknown.
pub fn is_question(text: &str, lang: Option<&str>) -> bool {
    if has_question_mark(text) {
        return true;
    }
    let rules: &[Rules] = match lang {
        None => LANGS,
        Some(code) => match LANGS.iter().position(|r| r.code == code) {
            Some(i) => &LANGS[i..=i],
            None => return false,
        },
    };
    let union = lang.is_none();
    SENTENCE.with(|buf| {
        let mut buf = buf.borrow_mut();
        let mut found = false;
        for_each_sentence(text, &mut buf, |words, exclaimed| {
            if !found && !exclaimed {
                found = rules.iter().any(|r| sentence_matches(r, words, union));
            }
        });
        found
    })
}

thread_local! {
    static SENTENCE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Rule 1: a question mark outside URLs.
pub(crate) fn has_question_mark(text: &str) -> bool {
    for tok in text.split_whitespace() {
        if crate::prep::is_url(tok) {
            continue;
        }
        let mut prev = ' ';
        for c in tok.chars() {
            if QUESTION_MARKS.contains(&c) || (c == ';' && is_greek_letter(prev)) {
                return true;
            }
            prev = c;
        }
    }
    false
}

fn is_greek_letter(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF) && c.is_alphabetic()
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '…' | '。' | '！' | '¡')
}

/// Calls `f(words, ended_with_exclamation)` for each sentence; `words` are lower-cased and
/// separated by single spaces. Leading @handles are skipped, URLs dropped.
fn for_each_sentence(text: &str, buf: &mut String, mut f: impl FnMut(&str, bool)) {
    for line in text.split(['\n', '\r']) {
        buf.clear();
        for tok in line.split_whitespace() {
            if crate::prep::is_url(tok) {
                continue;
            }
            if tok.starts_with(['@', '\u{FF20}']) && buf.is_empty() {
                continue;
            }
            let mut chars = tok.chars().peekable();
            while let Some(c) = chars.next() {
                if c.is_alphanumeric()
                    || ((c == '-' || crate::prep::is_apostrophe(c))
                        && !buf.is_empty()
                        && !buf.ends_with(' ')
                        && chars.peek().is_some_and(|n| n.is_alphanumeric()))
                {
                    for l in c.to_lowercase() {
                        buf.push(l);
                    }
                } else if is_sentence_end(c) {
                    if c == '¡' {
                        continue;
                    }
                    let exclaimed = c == '!' || c == '！';
                    if !buf.trim().is_empty() {
                        f(buf.trim_end(), exclaimed);
                    }
                    buf.clear();
                } else if !buf.is_empty() && !buf.ends_with(' ') {
                    buf.push(' ');
                }
            }
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
            }
        }
        if !buf.trim().is_empty() {
            f(buf.trim_end(), false);
        }
    }
}

/// Russian "как/что/где/когда + infinitive" asks how to do something ("Как записаться на …",
/// "Что делать …"): an infinitive after the interrogative makes it a question.
fn is_ru_infinitive_after(first: &str, second: &str) -> bool {
    matches!(first, "как" | "что" | "когда")
        && second.chars().count() >= 4
        && ["ть", "ться", "тись", "ти", "чь"]
            .iter()
            .any(|suffix| second.ends_with(suffix))
}

fn allowed(word: &str, union: bool) -> bool {
    !union || !UNION_EXCLUDE.contains(&word)
}

fn sentence_matches(r: &Rules, words: &str, union: bool) -> bool {
    let mut it = words.split(' ');
    let first = it.next().unwrap_or("");
    let second = it.next().unwrap_or("");
    if r.initial.contains(&first) && allowed(first, union) {
        return true;
    }
    if r.anywhere
        && words
            .split(' ')
            .any(|w| r.initial.contains(&w) && allowed(w, union))
    {
        return true;
    }
    for (firsts, seconds) in r.pairs {
        if firsts.contains(&first) && allowed(first, union) {
            if first == "why" {
                if !EN_SUBJECTS.contains(&second) {
                    return true;
                }
            } else if seconds.contains(&second) || is_ru_infinitive_after(first, second) {
                return true;
            }
        }
    }
    if !r.particles.is_empty()
        && words
            .split(' ')
            .any(|w| r.particles.contains(&w) && allowed(w, union))
    {
        return true;
    }
    if r.substrings.iter().any(|s| words.contains(s)) {
        return true;
    }
    if !r.final_suffixes.is_empty() && !union {
        let last = words.rsplit(' ').next().unwrap_or("");
        if last.chars().count() >= 4 && r.final_suffixes.iter().any(|s| last.ends_with(s)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_in_any_script() {
        for t in [
            "Really?",
            "真的？",
            "هل هذا صحيح؟",
            "Τι ώρα είναι;",
            "Ի՞նչ է սա",
            "¿Vienes",
            "Seriously‽",
            "❓",
        ] {
            assert!(is_question(t, None), "{t}");
        }
        // `?` inside a URL does not count; `;` after a Latin letter is not Greek.
        assert!(!is_question("See https://example.org/page?id=3 now", None));
        assert!(!is_question("Done; thanks &amp; bye", None));
    }
}

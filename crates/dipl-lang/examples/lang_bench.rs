//! Throughput of `detect` and `is_question` on realistic synthetic short texts.
//!
//! `cargo run --release -p dipl-lang --example lang_bench [N]` (default 300,000 texts).
//! Texts are generated deterministically (a fixed linear congruential generator) from small
//! invented word lists of 12 languages, 3–20 words each, with @handles, URLs, hashtags, emoji,
//! digits and question marks mixed in like in real comments. Also times plain whatlang (all
//! languages, and with an allow-list of the 12) on the same texts for comparison, and reports
//! the share of texts on which `detect` agrees with the generating language.

use std::hint::black_box;
use std::time::Instant;

const WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the",
            "embassy",
            "thank",
            "you",
            "for",
            "great",
            "meeting",
            "today",
            "with",
            "our",
            "partners",
            "and",
            "friends",
            "we",
            "are",
            "proud",
            "to",
            "support",
            "this",
            "important",
            "initiative",
        ],
    ),
    (
        "ru",
        &[
            "спасибо",
            "за",
            "встречу",
            "посольство",
            "сегодня",
            "в",
            "рамках",
            "визита",
            "и",
            "мы",
            "очень",
            "рады",
            "сотрудничеству",
            "с",
            "партнерами",
            "поздравляем",
            "всех",
            "праздником",
            "новости",
            "министр",
        ],
    ),
    (
        "kk",
        &[
            "елшілік",
            "бүгін",
            "және",
            "қазақстан",
            "ынтымақтастық",
            "туралы",
            "кездесу",
            "өтті",
            "біз",
            "рахмет",
            "барлық",
            "азаматтарды",
            "құттықтаймыз",
            "мерекемен",
            "жаңа",
            "бағдарлама",
            "бойынша",
            "үшін",
            "маңызды",
        ],
    ),
    (
        "ky",
        &[
            "элчилик",
            "бүгүн",
            "жана",
            "кыргызстан",
            "кызматташтык",
            "жөнүндө",
            "жолугушуу",
            "өттү",
            "биз",
            "рахмат",
            "бардык",
            "жарандарды",
            "куттуктайбыз",
            "майрам",
            "менен",
            "жаңы",
            "программа",
            "боюнча",
            "үчүн",
            "маанилүү",
        ],
    ),
    (
        "uz",
        &[
            "elchixona",
            "bugun",
            "va",
            "o‘zbekiston",
            "hamkorlik",
            "haqida",
            "uchrashuv",
            "bo‘ldi",
            "biz",
            "rahmat",
            "barcha",
            "fuqarolarni",
            "tabriklaymiz",
            "bayram",
            "bilan",
            "yangi",
            "dastur",
            "bo‘yicha",
            "uchun",
            "muhim",
        ],
    ),
    (
        "de",
        &[
            "die",
            "botschaft",
            "danke",
            "für",
            "das",
            "treffen",
            "heute",
            "mit",
            "unseren",
            "partnern",
            "und",
            "freunden",
            "wir",
            "sind",
            "stolz",
            "diese",
            "wichtige",
            "initiative",
            "zu",
            "unterstützen",
        ],
    ),
    (
        "fr",
        &[
            "l'ambassade",
            "merci",
            "pour",
            "la",
            "rencontre",
            "aujourd'hui",
            "avec",
            "nos",
            "partenaires",
            "et",
            "amis",
            "nous",
            "sommes",
            "fiers",
            "de",
            "soutenir",
            "cette",
            "initiative",
            "importante",
            "très",
        ],
    ),
    (
        "es",
        &[
            "la",
            "embajada",
            "gracias",
            "por",
            "el",
            "encuentro",
            "hoy",
            "con",
            "nuestros",
            "socios",
            "y",
            "amigos",
            "estamos",
            "orgullosos",
            "de",
            "apoyar",
            "esta",
            "iniciativa",
            "importante",
            "muy",
        ],
    ),
    (
        "zh",
        &[
            "大使馆",
            "感谢",
            "今天",
            "会见",
            "合作",
            "伙伴",
            "朋友",
            "我们",
            "支持",
            "重要",
            "倡议",
            "两国",
            "友谊",
            "发展",
            "欢迎",
            "新闻",
        ],
    ),
    (
        "ar",
        &[
            "السفارة",
            "شكرا",
            "على",
            "اللقاء",
            "اليوم",
            "مع",
            "شركائنا",
            "وأصدقائنا",
            "نحن",
            "فخورون",
            "بدعم",
            "هذه",
            "المبادرة",
            "المهمة",
            "التعاون",
            "بين",
            "البلدين",
        ],
    ),
    (
        "tr",
        &[
            "büyükelçilik",
            "teşekkürler",
            "bugün",
            "görüşme",
            "için",
            "ortaklarımız",
            "ve",
            "dostlarımız",
            "ile",
            "bu",
            "önemli",
            "girişimi",
            "desteklemekten",
            "gurur",
            "duyuyoruz",
            "çok",
            "güzel",
        ],
    ),
    (
        "uk",
        &[
            "посольство",
            "дякуємо",
            "за",
            "зустріч",
            "сьогодні",
            "з",
            "нашими",
            "партнерами",
            "і",
            "друзями",
            "ми",
            "пишаємося",
            "підтримкою",
            "цієї",
            "важливої",
            "ініціативи",
            "україна",
        ],
    ),
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn texts(n: usize) -> Vec<(&'static str, String)> {
    let mut r = Lcg(42);
    (0..n)
        .map(|_| {
            let (lang, words) = WORDS[r.below(WORDS.len())];
            let len = 3 + r.below(18);
            let mut t = String::new();
            if r.below(3) == 0 {
                t.push_str("@user_");
                t.push_str(&r.below(1000).to_string());
                t.push(' ');
            }
            for i in 0..len {
                if i > 0 && lang != "zh" {
                    t.push(' ');
                }
                t.push_str(words[r.below(words.len())]);
            }
            match r.below(8) {
                0 => t.push_str(" https://t.co/AbC123"),
                1 => t.push_str(" 🇰🇿👏"),
                2 => t.push_str(" #Diplomacy2025"),
                3 => t.push('?'),
                4 => t.push_str(" 2025"),
                _ => t.push('.'),
            }
            (lang, t)
        })
        .collect()
}

fn rate(label: &str, n: usize, f: impl Fn(&str) -> usize, data: &[(&str, String)]) {
    let start = Instant::now();
    let mut sink = 0usize;
    for (_, t) in data {
        sink = sink.wrapping_add(f(black_box(t)));
    }
    let secs = start.elapsed().as_secs_f64();
    black_box(sink);
    println!(
        "{label:<34} {:>10.0} texts/s  ({n} texts, {secs:.2} s)",
        n as f64 / secs
    );
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300_000);
    let data = texts(n);
    let ok = data
        .iter()
        .filter(|(l, t)| dipl_lang::detect(t).map(|d| d.lang) == Some(*l))
        .count();
    println!(
        "detect agrees with the generating language on {:.2}%",
        100.0 * ok as f64 / n as f64
    );
    rate(
        "detect",
        n,
        |t| dipl_lang::detect(t).map_or(0, |d| d.lang.len()),
        &data,
    );
    rate(
        "is_question(text, None)",
        n,
        |t| usize::from(dipl_lang::is_question(t, None)),
        &data,
    );
    rate(
        "is_question(text, Some(lang))",
        n,
        |t| usize::from(dipl_lang::is_question(t, Some("ru"))),
        &data,
    );
    rate(
        "whatlang::detect (all languages)",
        n,
        |t| whatlang::detect(t).map_or(0, |i| i.lang() as usize),
        &data,
    );
    use whatlang::Lang::*;
    let allow =
        whatlang::Detector::with_allowlist(vec![Eng, Rus, Uzb, Deu, Fra, Spa, Cmn, Ara, Tur, Ukr]);
    rate(
        "whatlang with an allow-list",
        n,
        |t| allow.detect(t).map_or(0, |i| i.lang() as usize),
        &data,
    );
}

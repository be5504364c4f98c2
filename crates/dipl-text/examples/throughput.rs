//! Single-threaded throughput of dipl-text on synthetic diplomatic posts (English, Russian,
//! Kazakh, French, Arabic; hashtags, mentions, URLs with and without protocol, emoji), and on
//! the real v1.1 timelines of `../shared/data` when present.
//!
//! Run: `cargo run --release -p dipl-text --example throughput [number of posts]`

use std::hint::black_box;
use std::time::Instant;

use dipl_text::{extract_entities, extract_hashtags, extract_mentions, extract_urls};

/// A small deterministic generator (64-bit LCG), so every run measures the same posts.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&[&str]] = &[
    &[
        "meeting",
        "with",
        "the",
        "Minister",
        "of",
        "Foreign",
        "Affairs",
        "today",
        "we",
        "discussed",
        "cooperation",
        "trade",
        "security",
        "and",
        "climate",
        "in",
        "Astana",
        "Brussels",
        "our",
        "partners",
        "embassy",
        "visit",
        "agreement",
        "signed",
        "strategic",
        "dialogue",
    ],
    &[
        "встреча",
        "с",
        "министром",
        "иностранных",
        "дел",
        "сегодня",
        "обсудили",
        "сотрудничество",
        "в",
        "Москве",
        "посольство",
        "визит",
        "соглашение",
        "подписано",
        "стратегический",
        "диалог",
    ],
    &[
        "Мемлекет",
        "басшысы",
        "кездесті",
        "ынтымақтастық",
        "сыртқы",
        "істер",
        "министрі",
        "Астанада",
        "келісім",
        "елшілік",
        "сапар",
        "бүгін",
        "және",
    ],
    &[
        "rencontre",
        "avec",
        "le",
        "ministre",
        "des",
        "Affaires",
        "étrangères",
        "coopération",
        "à",
        "Paris",
        "ambassade",
        "accord",
        "signé",
        "dialogue",
        "stratégique",
    ],
    &[
        "لقاء",
        "مع",
        "وزير",
        "الخارجية",
        "اليوم",
        "التعاون",
        "السفارة",
        "اتفاقية",
        "زيارة",
    ],
];

const HASHTAGS: &[&str] = &[
    "#Қазақстан",
    "#Kazakhstan",
    "#EU2026",
    "#diplomacy",
    "#UNGA79",
    "#МИД",
    "#Россия",
    "#COP29",
    "#SDGs",
    "#حقوق_الإنسان",
    "#Astana2026",
    "#G20",
];
const MENTIONS: &[&str] = &[
    "@UN",
    "@KazakhMFA",
    "@AkordaPress",
    "@eu_eeas",
    "@MID_RF",
    "@francediplo",
    "@NATO",
    "@WHO",
];
const URLS: &[&str] = &[
    "https://t.co/AbC123xyZ9",
    "https://www.gov.kz/memleket/entities/mfa/press/news",
    "mid.ru/ru/foreign_policy/news/",
    "http://president.gov.ua/news",
    "https://eeas.europa.eu/delegations/kazakhstan_en?lang=ru",
];
const EMOJI: &[&str] = &["🇰🇿", "🇪🇺", "🤝", "👉", "✅", "🇷🇺"];

fn synth_posts(n: usize) -> Vec<String> {
    let mut rng = Lcg(20_260_101);
    (0..n)
        .map(|_| {
            let words = WORDS[rng.below(WORDS.len())];
            let mut post = String::new();
            match rng.below(10) {
                0..=1 => {
                    post.push_str(rng.pick(MENTIONS));
                    post.push(' ');
                }
                2 => {
                    post.push_str("RT ");
                    post.push_str(rng.pick(MENTIONS));
                    post.push_str(": ");
                }
                _ => {}
            }
            let tokens = 8 + rng.below(14);
            for i in 0..tokens {
                if i > 0 {
                    post.push(' ');
                }
                let token = match rng.below(100) {
                    0..=7 => rng.pick(HASHTAGS),
                    8..=11 => rng.pick(MENTIONS),
                    12..=14 => rng.pick(URLS),
                    15..=17 => rng.pick(EMOJI),
                    _ => rng.pick(words),
                };
                post.push_str(token);
                if rng.below(12) == 0 {
                    post.push('.');
                }
            }
            post
        })
        .collect()
}

fn bench(name: &str, posts: &[String], extract: impl Fn(&str) -> usize) {
    let bytes: usize = posts.iter().map(String::len).sum();
    // One warm-up pass, then the best of three.
    let mut found = posts.iter().map(|p| extract(p)).sum::<usize>();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        found = posts.iter().map(|p| black_box(extract(black_box(p)))).sum();
        best = best.min(started.elapsed().as_secs_f64());
    }
    let count = posts.len() as f64;
    println!(
        "  {name:<22} {:>10.0} texts/s  {:>7.1} MB/s  ({found} entities)",
        count / best,
        bytes as f64 / best / 1e6,
    );
}

fn run_all(posts: &[String]) {
    bench("hashtags+mentions", posts, |p| {
        extract_hashtags(p).len() + extract_mentions(p).len()
    });
    bench("hashtags", posts, |p| extract_hashtags(p).len());
    bench("mentions", posts, |p| extract_mentions(p).len());
    bench("urls", posts, |p| extract_urls(p).len());
    bench("entities (all, indices)", posts, |p| {
        extract_entities(p).len()
    });
}

fn real_posts() -> Option<Vec<String>> {
    let folder = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/world-leader-vis/backup_json"
    );
    let entries = std::fs::read_dir(folder).ok()?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut posts = Vec::new();
    for path in paths {
        let Ok(data) = std::fs::read_to_string(&path) else {
            continue;
        };
        // The texts are the only "text" string fields of the top-level statuses that follow
        // `"text": "`; a light scan keeps serde out of this example.
        for chunk in data.split("\"text\": \"").skip(1) {
            let mut text = String::new();
            let mut chars = chunk.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => text.push('\n'),
                        Some(other) => text.push(other),
                        None => break,
                    },
                    _ => text.push(c),
                }
            }
            if text.len() > 20 {
                posts.push(text);
            }
        }
    }
    (!posts.is_empty()).then_some(posts)
}

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(200_000);
    let posts = synth_posts(n);
    let avg = posts.iter().map(|p| p.chars().count()).sum::<usize>() / posts.len().max(1);
    println!("synthetic posts: {n}, {avg} characters on average");
    run_all(&posts);
    match real_posts() {
        Some(real) => {
            // Repeat the few thousand real texts to get a measurable run.
            let repeated: Vec<String> =
                real.iter().cycle().take(real.len() * 40).cloned().collect();
            println!(
                "real v1.1 tweet texts: {} (x40 = {})",
                real.len(),
                repeated.len()
            );
            run_all(&repeated);
        }
        None => println!("skipped: ../shared/data/world-leader-vis/backup_json not found"),
    }
}

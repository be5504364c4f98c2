//! Throughput of `dipl_places::locate` on deterministic synthetic location strings.
//!
//! `cargo run --release -p dipl-places --example places_bench [N]` (default 300,000 strings)
//! prints strings/s on one core and how many strings were located.

use std::time::Instant;

const PLACES: &[&str] = &[
    "Almaty",
    "Алматы",
    "Astana",
    "Нур-Султан",
    "Bishkek",
    "Бишкек",
    "Tashkent",
    "Toshkent",
    "Berlin",
    "Paris",
    "London",
    "New York",
    "Moscow",
    "Москва",
    "İstanbul",
    "北京",
    "서울",
    "São Paulo",
    "Mexico City",
    "Kyiv",
    "Dubai",
    "Texas",
    "Georgia",
    "Kazakhstan",
    "Казахстан",
    "Қазақстан",
    "Oʻzbekiston",
    "Deutschland",
    "France",
    "USA",
    "UK",
    "KZ",
];
const FILLER: &[&str] = &[
    "he/him",
    "Earth",
    "somewhere",
    "home",
    "worldwide",
    "❤️",
    "✨",
    "🌍",
    "🇰🇿",
    "🇺🇸",
    "🇩🇪",
    "city of dreams",
    "in my head",
    "she/her",
    "crypto",
    "мир",
    "дом",
    "online",
    "on the road",
    "planet",
    "born in",
    "living in",
    "based in",
    "🇪🇺",
    "Nice",
    "Mobile",
];
const SEPS: &[&str] = &[", ", " | ", " ", " / ", " - ", " • "];

/// SplitMix64: a tiny deterministic generator, so the benchmark needs no dependency.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

fn synth(n: usize) -> Vec<String> {
    let mut r = Mix(2026);
    (0..n)
        .map(|_| {
            let parts = 1 + (r.next() % 3) as usize;
            let mut s = String::new();
            for i in 0..parts {
                if i > 0 {
                    s.push_str(r.pick(SEPS));
                }
                if r.next().is_multiple_of(3) {
                    s.push_str(r.pick(FILLER));
                } else {
                    s.push_str(r.pick(PLACES));
                }
            }
            s
        })
        .collect()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300_000);
    let texts = synth(n);
    // Warm up: builds the automaton once (reported separately).
    let t0 = Instant::now();
    let _ = dipl_places::locate("Almaty");
    let build = t0.elapsed();
    let t = Instant::now();
    let located = texts
        .iter()
        .filter(|s| dipl_places::locate(s).is_some())
        .count();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "table build {:.1} ms; {} strings in {:.3} s = {:.0} strings/s; located {} ({:.1}%)",
        build.as_secs_f64() * 1e3,
        n,
        secs,
        n as f64 / secs,
        located,
        100.0 * located as f64 / n as f64
    );
}

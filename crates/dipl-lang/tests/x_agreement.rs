//! Agreement of `detect` with X's own `lang` tags on real tweets, read in place from the team's
//! shared data (skipped when absent): the v1.1 timelines in `world-leader-vis/backup_json/` and
//! the twarc2 (API v2) pages in `twarc2-testdata/test-data/` (`data` and `includes.tweets`).
//! Tweets are de-duplicated by id. X's non-language tags (`und`, `zxx`, `qme`, `qht`, `qst`,
//! `qam`, `qct`, `art`) are left out; X's old codes are mapped (`in`→`id`, `iw`→`he`,
//! `ji`→`yi`, `no`→`nb`). A `None` from `detect` counts as a disagreement.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

fn shared_data(rel: &str) -> Option<PathBuf> {
    dipl_ingest::testing::shared_data(env!("CARGO_MANIFEST_DIR"), rel)
}

/// ISO 639-3 code whatlang uses for the allow-list languages (others never match).
fn whatlang_639_3(tag: &str) -> &str {
    match tag {
        "en" => "eng",
        "ru" => "rus",
        "uz" => "uzb",
        "de" => "deu",
        "fr" => "fra",
        "es" => "spa",
        "zh" => "cmn",
        "ar" => "ara",
        "tr" => "tur",
        "uk" => "ukr",
        _ => "",
    }
}

const NOT_LANGUAGES: &[&str] = &["und", "zxx", "qme", "qht", "qst", "qam", "qct", "art"];

fn map_x(code: &str) -> &str {
    match code {
        "in" => "id",
        "iw" => "he",
        "ji" => "yi",
        "no" => "nb",
        c => c,
    }
}

fn take(t: &Value, out: &mut BTreeMap<String, (String, String)>) {
    let id = t
        .get("id_str")
        .or_else(|| t.get("id"))
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string));
    let lang = t.get("lang").and_then(Value::as_str);
    let text = t
        .get("full_text")
        .or_else(|| t.get("text"))
        .and_then(Value::as_str);
    if let (Some(id), Some(lang), Some(text)) = (id, lang, text) {
        out.entry(id)
            .or_insert_with(|| (lang.to_string(), text.to_string()));
    }
}

fn load() -> Option<BTreeMap<String, (String, String)>> {
    let mut tweets = BTreeMap::new();
    let mut any = false;
    if let Some(dir) = shared_data("world-leader-vis/backup_json") {
        any = true;
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "json"))
        {
            let Ok(s) = std::fs::read_to_string(f) else {
                continue;
            };
            if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&s) {
                items.iter().for_each(|t| take(t, &mut tweets));
            }
        }
    }
    if let Some(dir) = shared_data("twarc2-testdata/test-data") {
        any = true;
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "jsonl"))
        {
            let Ok(s) = std::fs::read_to_string(f) else {
                continue;
            };
            for line in s.lines() {
                let Ok(page) = serde_json::from_str::<Value>(line) else {
                    continue;
                };
                match page.get("data") {
                    Some(Value::Array(items)) => items.iter().for_each(|t| take(t, &mut tweets)),
                    Some(t @ Value::Object(_)) => take(t, &mut tweets),
                    _ => take(&page, &mut tweets), // flattened: one tweet per line
                }
                if let Some(Value::Array(items)) = page.pointer("/includes/tweets") {
                    items.iter().for_each(|t| take(t, &mut tweets));
                }
            }
        }
    }
    any.then_some(tweets)
}

/// Overall agreement measured on 2026-11-23: 94.6% (4,181/4,419; whatlang alone 90.2%).
const FLOOR: f64 = 0.94;

/// (n, agree, None, whatlang-alone agree, our confusions)
type TagStats = (usize, usize, usize, usize, BTreeMap<String, usize>);

#[test]
fn agreement_with_x_lang_tags() {
    let Some(tweets) = load() else { return };
    // tag → (n, agree, none, baseline agree, confusions)
    let mut per: BTreeMap<&str, TagStats> = BTreeMap::new();
    let (mut n, mut agree, mut base_agree, mut allow_agree) = (0, 0, 0, 0);
    use whatlang::Lang::*;
    let allow =
        whatlang::Detector::with_allowlist(vec![Eng, Rus, Uzb, Deu, Fra, Spa, Cmn, Ara, Tur, Ukr]);
    let mut examples = Vec::new();
    for (lang, text) in tweets.values() {
        if NOT_LANGUAGES.contains(&lang.as_str()) {
            continue;
        }
        let tag = map_x(lang);
        let got = dipl_lang::detect(text).map(|d| d.lang);
        let base = dipl_lang::detect_whatlang_only(text);
        let e = per.entry(tag).or_default();
        e.0 += 1;
        n += 1;
        if got == Some(tag) {
            e.1 += 1;
            agree += 1;
        } else {
            *e.4.entry(got.unwrap_or("None").to_string()).or_default() += 1;
            if examples.len() < 40 {
                examples.push(format!(
                    "  X {tag} / ours {got:?}: {:?}",
                    text.replace('\n', " ")
                ));
            }
        }
        if got.is_none() {
            e.2 += 1;
        }
        if allow.detect(text).map(|i| i.lang().code()) == Some(whatlang_639_3(tag)) {
            allow_agree += 1;
        }
        if base == Some(tag) {
            e.3 += 1;
            base_agree += 1;
        }
    }
    if n == 0 {
        println!("skipped: no tagged tweets found");
        return;
    }
    println!(
        "{:<5} {:>6} {:>7} {:>6} {:>9}  confusions",
        "X tag", "n", "agree", "None", "whatlang"
    );
    for (tag, (n, a, none, b, conf)) in &per {
        let mut conf: Vec<_> = conf.iter().collect();
        conf.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
        let conf: Vec<String> = conf
            .iter()
            .take(4)
            .map(|(l, c)| format!("{l}:{c}"))
            .collect();
        println!(
            "{tag:<5} {n:>6} {:>6.1}% {none:>6} {:>8.1}%  {}",
            100.0 * *a as f64 / *n as f64,
            100.0 * *b as f64 / *n as f64,
            conf.join(" ")
        );
    }
    let acc = agree as f64 / n as f64;
    println!(
        "overall {agree}/{n} = {:.1}% (whatlang alone {:.1}%, whatlang with a 10-language allow-list {:.1}%)",
        100.0 * acc,
        100.0 * base_agree as f64 / n as f64,
        100.0 * allow_agree as f64 / n as f64
    );
    println!("disagreements (first {}):", examples.len());
    for e in &examples {
        println!("{e}");
    }
    assert!(acc >= FLOOR, "agreement {acc:.3} below floor {FLOOR}");
}

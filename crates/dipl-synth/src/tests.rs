//! End-to-end checks of the generated corpora: determinism, the shape of every line, entity
//! indices against the text, kind counts against the ground truth, retweet counters, follower
//! observations, campaigns, the corpus split, exact scale counts, and the field names of real
//! exports in ../shared/data when present.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde_json::Value;

use crate::*;

fn demo_twarc2() -> &'static (Vec<u8>, WriteSummary) {
    static CELL: OnceLock<(Vec<u8>, WriteSummary)> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = Vec::new();
        let summary = write_twarc2(&demo_scenario(), 42, &mut out).expect("demo writes");
        (out, summary)
    })
}

fn demo_v1() -> &'static (Vec<u8>, WriteSummary) {
    static CELL: OnceLock<(Vec<u8>, WriteSummary)> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = Vec::new();
        let summary = write_v1_jsonl(&demo_scenario(), 42, &mut out).expect("demo writes");
        (out, summary)
    })
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("utf-8")
        .lines()
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("line {}: {e}", i + 1)))
        .collect()
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str()
        .unwrap_or_else(|| panic!("`{k}` is not a string in {v}"))
}

fn u(v: &Value, k: &str) -> u64 {
    v[k].as_u64()
        .unwrap_or_else(|| panic!("`{k}` is not a number in {v}"))
}

/// Code points `[start, end)` of `text`.
fn cp_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn is_v2_time(t: &str) -> bool {
    // 2025-01-31T05:21:21.000Z
    t.len() == 24 && t.starts_with("2025-") && t.ends_with(".000Z") && &t[10..11] == "T"
}

/// Checks a v2 tweet's entities against its text.
fn check_v2_entities(t: &Value) {
    let text = s(t, "text");
    let n = text.chars().count() as u64;
    let ents = &t["entities"];
    for h in ents["hashtags"].as_array().into_iter().flatten() {
        assert_eq!(
            cp_slice(text, u(h, "start"), u(h, "end")),
            format!("#{}", s(h, "tag")),
            "{t}"
        );
    }
    for m in ents["mentions"].as_array().into_iter().flatten() {
        assert_eq!(
            cp_slice(text, u(m, "start"), u(m, "end")),
            format!("@{}", s(m, "username")),
            "{t}"
        );
        assert!(s(m, "id").parse::<u64>().is_ok());
    }
    for x in ents["urls"].as_array().into_iter().flatten() {
        assert_eq!(
            cp_slice(text, u(x, "start"), u(x, "end")),
            s(x, "url"),
            "{t}"
        );
        assert!(u(x, "end") <= n);
    }
}

/// Checks a v1.1 tweet's entities against its `full_text`.
fn check_v1_entities(t: &Value) {
    let text = s(t, "full_text");
    let idx = |e: &Value| {
        (
            e["indices"][0].as_u64().expect("start"),
            e["indices"][1].as_u64().expect("end"),
        )
    };
    let ents = &t["entities"];
    for h in ents["hashtags"].as_array().expect("hashtags") {
        let (a, b) = idx(h);
        assert_eq!(cp_slice(text, a, b), format!("#{}", s(h, "text")), "{t}");
    }
    for m in ents["user_mentions"].as_array().expect("mentions") {
        let (a, b) = idx(m);
        assert_eq!(
            cp_slice(text, a, b),
            format!("@{}", s(m, "screen_name")),
            "{t}"
        );
        assert_eq!(s(m, "id_str"), u(m, "id").to_string());
    }
    for x in ents["urls"]
        .as_array()
        .expect("urls")
        .iter()
        .chain(ents["media"].as_array().into_iter().flatten())
    {
        let (a, b) = idx(x);
        assert_eq!(cp_slice(text, a, b), s(x, "url"), "{t}");
    }
    let range = t["display_text_range"].as_array().expect("range");
    assert!(range[1].as_u64().expect("end") <= text.chars().count() as u64);
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Kinds {
    originals: u64,
    replies: u64,
    self_replies: u64,
    reposts: u64,
    quotes: u64,
}

fn summary_kinds(c: &AccountCounts) -> Kinds {
    Kinds {
        originals: c.originals,
        replies: c.replies,
        self_replies: c.self_replies,
        reposts: c.reposts,
        quotes: c.quotes,
    }
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (first, _) = demo_twarc2();
    let mut again = Vec::new();
    write_twarc2(&demo_scenario(), 42, &mut again).expect("writes");
    assert!(
        first == &again,
        "twarc2 output differs between two runs with seed 42"
    );
    let mut other = Vec::new();
    write_twarc2(&demo_scenario(), 43, &mut other).expect("writes");
    assert!(first != &other);

    let (v1_first, _) = demo_v1();
    let mut v1_again = Vec::new();
    write_v1_jsonl(&demo_scenario(), 42, &mut v1_again).expect("writes");
    assert!(v1_first == &v1_again);

    // The same posts whatever the format: same ids in v1 and twarc2 data.
    let ids_v2: BTreeSet<String> = lines(first)
        .iter()
        .flat_map(|p| {
            p["data"]
                .as_array()
                .expect("data")
                .iter()
                .map(|t| s(t, "id").to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let ids_v1: BTreeSet<String> = lines(v1_first)
        .iter()
        .map(|t| s(t, "id_str").to_string())
        .collect();
    assert_eq!(ids_v1, ids_v2);
}

#[test]
fn twarc2_pages_have_the_api_shape_and_consistent_entities() {
    let (bytes, summary) = demo_twarc2();
    let pages = lines(bytes);
    assert!(pages.len() >= 12, "{} pages", pages.len());
    let first_line = std::str::from_utf8(bytes)
        .expect("utf-8")
        .lines()
        .next()
        .expect("a line");
    let at = |k: &str| first_line.find(k).unwrap_or_else(|| panic!("{k}"));
    assert!(first_line.starts_with("{\"data\": [{\"id\": \""));
    assert!(
        at("], \"includes\": {\"users\": [") < at("}, \"meta\": {")
            && at("}, \"meta\": {") < at("}, \"__twarc\": {")
    );
    let mut n = 0u64;
    let mut retrieved = BTreeSet::new();
    let mut seen_token_less = 0;
    for p in &pages {
        // serde_json sorts keys; the raw order (data, includes, meta, __twarc) is checked below.
        let keys: Vec<&str> = p
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["__twarc", "data", "includes", "meta"]);
        let data = p["data"].as_array().expect("data");
        assert!(!data.is_empty() && data.len() <= 100);
        n += data.len() as u64;
        assert_eq!(u(&p["meta"], "result_count"), data.len() as u64);
        assert_eq!(s(&p["meta"], "newest_id"), s(&data[0], "id"));
        assert_eq!(s(&p["meta"], "oldest_id"), s(&data[data.len() - 1], "id"));
        if p["meta"].get("next_token").is_none() {
            seen_token_less += 1;
        }
        let tw = &p["__twarc"];
        assert!(s(tw, "url").starts_with("https://api.twitter.com/2/users/"));
        assert_eq!(s(tw, "version"), "2.14.0");
        let at = s(tw, "retrieved_at");
        assert!(at.ends_with("+00:00") && at.len() == 25, "{at}");
        retrieved.insert(at.to_string());
        let users: HashMap<&str, &Value> = p["includes"]["users"]
            .as_array()
            .expect("users")
            .iter()
            .map(|x| (s(x, "id"), x))
            .collect();
        let included: HashMap<&str, &Value> = p["includes"]["tweets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| (s(x, "id"), x))
            .collect();
        let mut last_id = u64::MAX;
        for t in data {
            let id: u64 = s(t, "id").parse().expect("numeric id");
            assert!(id < last_id, "newest first");
            last_id = id;
            assert!(is_v2_time(s(t, "created_at")), "{t}");
            assert!(["en", "ru", "kk", "de", "fr", "uz", "ky"].contains(&s(t, "lang")));
            assert!(users.contains_key(s(t, "author_id")), "author in includes");
            assert!(s(t, "conversation_id").parse::<u64>().is_ok());
            let pm = &t["public_metrics"];
            for k in ["retweet_count", "reply_count", "like_count", "quote_count"] {
                assert!(pm[k].is_u64(), "{k} in {t}");
            }
            check_v2_entities(t);
            for r in t["referenced_tweets"].as_array().into_iter().flatten() {
                let referenced = included
                    .get(s(r, "id"))
                    .unwrap_or_else(|| panic!("referenced tweet included: {t}"));
                check_v2_entities(referenced);
                assert!(users.contains_key(s(referenced, "author_id")));
                match s(r, "type") {
                    "retweeted" => {
                        // X shows the original's retweet count on a retweet, and zeros otherwise.
                        assert_eq!(
                            pm["retweet_count"],
                            referenced["public_metrics"]["retweet_count"]
                        );
                        assert_eq!(u(pm, "like_count"), 0);
                        assert!(pm.get("impression_count").is_none());
                        assert!(s(t, "text").starts_with("RT @"));
                        assert!(s(t, "text").chars().count() <= 140);
                    }
                    "replied_to" => {
                        assert_eq!(s(t, "in_reply_to_user_id"), s(referenced, "author_id"))
                    }
                    "quoted" => {}
                    other => panic!("unknown reference type {other}"),
                }
            }
            assert!(s(t, "text").chars().count() <= 280);
        }
    }
    assert_eq!(n, summary.n_posts);
    assert_eq!(
        summary.n_posts,
        summary.accounts.iter().map(|a| a.posts).sum::<u64>()
    );
    assert!(
        seen_token_less >= 12,
        "the last page of each harvest has no next_token"
    );
    assert!(
        retrieved.len() >= 100,
        "retrieval times differ across pages"
    );
}

#[test]
fn twarc2_kind_counts_match_the_ground_truth() {
    let (bytes, summary) = demo_twarc2();
    let scenario = demo_scenario();
    let actor_ids: BTreeSet<String> = scenario
        .actors
        .iter()
        .flat_map(|a| a.accounts.iter().map(|x| x.account_id.clone()))
        .collect();
    let mut by_author: BTreeMap<String, Kinds> = BTreeMap::new();
    let mut to_actors: BTreeMap<String, u64> = BTreeMap::new();
    for p in lines(bytes) {
        for t in p["data"].as_array().expect("data") {
            let author = s(t, "author_id").to_string();
            let k = by_author.entry(author.clone()).or_default();
            match t["referenced_tweets"][0]["type"].as_str() {
                None => k.originals += 1,
                Some("retweeted") => k.reposts += 1,
                Some("quoted") => k.quotes += 1,
                Some("replied_to") => {
                    k.replies += 1;
                    let to = s(t, "in_reply_to_user_id");
                    if to == author {
                        k.self_replies += 1;
                    } else if actor_ids.contains(to) {
                        *to_actors.entry(author.clone()).or_default() += 1;
                    }
                }
                Some(other) => panic!("{other}"),
            }
        }
    }
    for c in &summary.accounts {
        let got = by_author.remove(&c.account_id).unwrap_or_default();
        assert_eq!(got, summary_kinds(c), "@{}", c.handle);
        assert_eq!(c.replies_to_audience, c.replies - c.self_replies);
        assert_eq!(
            to_actors.get(&c.account_id).copied().unwrap_or(0),
            c.replies_to_actors,
            "@{}",
            c.handle
        );
    }
    assert!(
        by_author.is_empty(),
        "posts by accounts outside the scenario: {by_author:?}"
    );

    // The demo has every kind somewhere, and conversational accounts answer the audience.
    let total = |f: fn(&AccountCounts) -> u64| summary.accounts.iter().map(f).sum::<u64>();
    assert!(total(|c| c.originals) > 1000);
    assert!(total(|c| c.reposts) > 300);
    assert!(total(|c| c.quotes) > 50);
    assert!(total(|c| c.self_replies) > 50);
    assert!(total(|c| c.replies_to_actors) > 20);
    let uk = summary
        .accounts
        .iter()
        .find(|c| c.handle == "UKEmb_KZ")
        .expect("UK embassy");
    let aut = summary
        .accounts
        .iter()
        .find(|c| c.handle == "AustriaEmb_KZ")
        .expect("Austrian embassy");
    assert!(uk.replies_to_audience > 20, "{uk:?}");
    assert!(aut.posts < 25, "near-silent: {aut:?}");
    let fin = summary
        .accounts
        .iter()
        .find(|c| c.handle == "FinlandEmb_KZ")
        .expect("Finnish embassy");
    // Dormant from 2025-04-15 (day 20193 → 1744675200 s).
    assert!(fin.last_post.expect("posted").0 < 1_744_675_200, "{fin:?}");
}

#[test]
fn retweets_and_originals_agree_across_timelines() {
    // An actor original retweeted by another actor is the same post in its author's timeline.
    let (bytes, _) = demo_twarc2();
    let pages = lines(bytes);
    let mut own: HashMap<String, (String, Value)> = HashMap::new();
    for p in &pages {
        for t in p["data"].as_array().expect("data") {
            own.insert(
                s(t, "id").to_string(),
                (s(t, "text").to_string(), t["public_metrics"].clone()),
            );
        }
    }
    let mut checked = 0;
    for p in &pages {
        for inc in p["includes"]["tweets"].as_array().into_iter().flatten() {
            if let Some((text, metrics)) = own.get(s(inc, "id")) {
                assert_eq!(text, s(inc, "text"));
                assert_eq!(metrics, &inc["public_metrics"]);
                checked += 1;
            }
        }
    }
    assert!(
        checked > 300,
        "{checked} referenced actor posts found in timelines"
    );

    // Counters are never below what the corpus itself shows: retweets, quotes and replies
    // (thread follow-ups, citizens' comments, actors' answers) of each post.
    let mut unique: BTreeMap<String, Value> = BTreeMap::new();
    for p in &pages {
        let included = p["includes"]["tweets"].as_array().into_iter().flatten();
        for t in p["data"].as_array().expect("data").iter().chain(included) {
            unique.insert(s(t, "id").to_string(), t.clone());
        }
    }
    let mut seen: BTreeMap<String, [u64; 3]> = BTreeMap::new();
    for t in unique.values() {
        for r in t["referenced_tweets"].as_array().into_iter().flatten() {
            let k = match s(r, "type") {
                "retweeted" => 0,
                "quoted" => 1,
                _ => 2,
            };
            seen.entry(s(r, "id").to_string()).or_default()[k] += 1;
        }
    }
    let mut n = 0;
    for (id, [rt, q, rp]) in &seen {
        if let Some(t) = unique.get(id) {
            let m = &t["public_metrics"];
            assert!(u(m, "retweet_count") >= *rt, "{id}: {m} < {rt} retweets");
            assert!(u(m, "quote_count") >= *q, "{id}: {m} < {q} quotes");
            assert!(u(m, "reply_count") >= *rp, "{id}: {m} < {rp} replies");
            n += 1;
        }
    }
    assert!(n > 500, "{n} referenced posts checked");
}

#[test]
fn v1_objects_have_the_api_shape() {
    let (bytes, summary) = demo_v1();
    let tweets = lines(bytes);
    assert_eq!(tweets.len() as u64, summary.n_posts);
    let mut by_author: BTreeMap<String, Kinds> = BTreeMap::new();
    for t in &tweets {
        assert_eq!(s(t, "id_str"), u(t, "id").to_string());
        let created = s(t, "created_at");
        assert!(
            created.ends_with(" 2025") && created.contains(" +0000 "),
            "{created}"
        );
        check_v1_entities(t);
        let user = &t["user"];
        for k in [
            "followers_count",
            "friends_count",
            "statuses_count",
            "listed_count",
        ] {
            assert!(user[k].is_u64(), "{k}");
        }
        assert!(t.get("reply_count").is_none(), "v1.1 has no reply counts");
        let k = by_author.entry(s(user, "id_str").to_string()).or_default();
        if let Some(rt) = t.get("retweeted_status") {
            k.reposts += 1;
            check_v1_entities(rt);
            assert_eq!(
                u(t, "retweet_count"),
                u(rt, "retweet_count"),
                "a retweet carries the original's count"
            );
            assert_eq!(u(t, "favorite_count"), 0);
            assert_eq!(t["lang"], rt["lang"]);
            assert!(
                s(t, "full_text").starts_with(&format!("RT @{}: ", s(&rt["user"], "screen_name")))
            );
        } else if let Some(q) = t.get("quoted_status") {
            k.quotes += 1;
            assert_eq!(t["is_quote_status"], Value::Bool(true));
            assert_eq!(s(t, "quoted_status_id_str"), s(q, "id_str"));
            check_v1_entities(q);
        } else if t["in_reply_to_status_id"].is_u64() {
            k.replies += 1;
            assert_eq!(
                s(t, "in_reply_to_user_id_str"),
                u(t, "in_reply_to_user_id").to_string()
            );
            if t["in_reply_to_user_id"] == user["id"] {
                k.self_replies += 1;
            } else {
                // An answer starts with the addressee's handle, hidden from the displayed range.
                let handle = s(t, "in_reply_to_screen_name");
                assert!(s(t, "full_text").starts_with(&format!("@{handle} ")));
                assert_eq!(
                    t["display_text_range"][0].as_u64(),
                    Some(handle.chars().count() as u64 + 2)
                );
            }
        } else {
            k.originals += 1;
            assert_eq!(t["in_reply_to_status_id"], Value::Null);
        }
    }
    for c in &summary.accounts {
        assert_eq!(
            by_author.remove(&c.account_id).unwrap_or_default(),
            summary_kinds(c),
            "@{}",
            c.handle
        );
    }
    // The ids encode the creation time (X snowflakes): (id >> 22) + 1288834974657 ms.
    let t = &tweets[0];
    let ms = (u(t, "id") >> 22) as i64 + 1_288_834_974_657;
    let secs = ms.div_euclid(1000);
    let mut created = Vec::new();
    crate::calendar::push_v1(&mut created, secs);
    assert_eq!(
        std::str::from_utf8(&created).expect("ascii"),
        s(t, "created_at")
    );
}

#[test]
fn followers_are_observed_monthly_and_grow() {
    let (bytes, _) = demo_twarc2();
    // GermanyEmb_KZ: 9,800 followers on 2025-01-01 growing 12 % a year, observed at the end of
    // each month: about 9,800 × 1.12^(1/12) ≈ 9,893 in January and ≈ 10,976 in December.
    let mut obs: BTreeMap<String, u64> = BTreeMap::new();
    for p in lines(bytes) {
        let at = s(&p["__twarc"], "retrieved_at").to_string();
        for user in p["includes"]["users"].as_array().expect("users") {
            if s(user, "username") == "GermanyEmb_KZ" {
                obs.insert(
                    at[..7].to_string(),
                    u(&user["public_metrics"], "followers_count"),
                );
            }
        }
    }
    assert_eq!(obs.len(), 12, "{obs:?}");
    let first = *obs.values().next().expect("january");
    let last = *obs.values().last().expect("december");
    assert!((9_850..=9_950).contains(&first), "{first}");
    assert!((10_900..=11_060).contains(&last), "{last}");
}

#[test]
fn campaign_hashtags_spread_across_actors_on_the_day() {
    let (bytes, _) = demo_twarc2();
    let mut idahot_authors = BTreeSet::new();
    let mut europe_day = BTreeSet::new();
    let mut cyrillic_tags = 0;
    for p in lines(bytes) {
        for t in p["data"].as_array().expect("data") {
            for h in t["entities"]["hashtags"].as_array().into_iter().flatten() {
                let tag = s(h, "tag");
                if tag == "IDAHOT" && s(t, "created_at").starts_with("2025-05-17") {
                    idahot_authors.insert(s(t, "author_id").to_string());
                }
                if tag == "EuropeDay" && s(t, "created_at").starts_with("2025-05-09") {
                    europe_day.insert(s(t, "author_id").to_string());
                }
                if tag.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)) {
                    cyrillic_tags += 1;
                }
            }
        }
    }
    assert!(idahot_authors.len() >= 4, "{idahot_authors:?}");
    assert!(europe_day.len() >= 6, "{europe_day:?}");
    assert!(cyrillic_tags > 50);
}

#[test]
fn corpus_splits_accounts_between_formats() {
    let dir = std::env::temp_dir().join(format!("dipl-synth-test-{}", std::process::id()));
    let summary =
        write_corpus(&demo_scenario(), 42, &dir, &CorpusOptions::default()).expect("corpus");
    let names: Vec<String> = summary
        .files
        .iter()
        .map(|f| {
            f.path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["actors.csv", "x-v1.jsonl", "x-twarc2.jsonl"]);
    for f in &summary.files {
        assert_eq!(std::fs::metadata(&f.path).expect("file").len(), f.bytes);
    }
    let registry = std::fs::read_to_string(dir.join("actors.csv")).expect("registry");
    let rows: Vec<&str> = registry.lines().collect();
    assert_eq!(rows[0], REGISTRY_HEADER);
    assert_eq!(rows.len(), 1 + demo_scenario().n_accounts());
    assert!(rows.contains(&"KAZ-MIS-OSCE,Permanent Mission of Kazakhstan to the OSCE,mission,KAZ,OSCE,twitter,KZ_Mission_OSCE,1822046135"));

    let v1 = lines(&std::fs::read(dir.join("x-v1.jsonl")).expect("v1"));
    let v2 = lines(&std::fs::read(dir.join("x-twarc2.jsonl")).expect("twarc2"));
    let v1_authors: BTreeSet<String> = v1
        .iter()
        .map(|t| s(&t["user"], "screen_name").to_string())
        .collect();
    let v2_ids: BTreeSet<String> = v2
        .iter()
        .flat_map(|p| {
            p["data"]
                .as_array()
                .expect("data")
                .iter()
                .map(|t| s(t, "id").to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let v1_ids: BTreeSet<String> = v1.iter().map(|t| s(t, "id_str").to_string()).collect();
    assert!(v1_ids.is_disjoint(&v2_ids), "no post is written twice");
    assert_eq!(
        v1_authors,
        [
            "ATemirkhanov",
            "KazForeignMin",
            "KgForeignMin",
            "UzForeignMin"
        ]
        .iter()
        .map(|x| x.to_string())
        .collect()
    );
    assert_eq!(summary.n_posts, (v1_ids.len() + v2_ids.len()) as u64);
    // Together the two files hold exactly what a single-format run writes.
    assert_eq!(summary.n_posts, demo_twarc2().1.n_posts);
    assert_eq!(
        summary
            .accounts
            .iter()
            .filter(|c| c.format == Some(TweetFormat::V1Jsonl))
            .count(),
        4
    );
    let _ = std::fs::remove_dir_all(&dir);

    let both = CorpusOptions {
        formats: vec![TweetFormat::V1Jsonl, TweetFormat::V1Array],
        ..CorpusOptions::default()
    };
    assert!(matches!(
        write_corpus(&demo_scenario(), 1, &dir, &both),
        Err(SynthError::Options(_))
    ));
}

#[test]
fn scale_mode_writes_exactly_n_posts() {
    let scenario = ScaleSpec {
        n_accounts: 40,
        n_posts: 7_777,
    }
    .scenario();
    let mut out = Vec::new();
    let summary = write_twarc2(&scenario, 5, &mut out).expect("writes");
    assert_eq!(summary.n_posts, 7_777);
    assert_eq!(summary.accounts.iter().map(|c| c.posts).sum::<u64>(), 7_777);
    let n: usize = lines(&out)
        .iter()
        .map(|p| p["data"].as_array().expect("data").len())
        .sum();
    assert_eq!(n, 7_777);
    let mut arr = Vec::new();
    let summary = write_v1_array(&scenario, 5, &mut arr).expect("writes");
    let parsed: Value = serde_json::from_slice(&arr).expect("one JSON array");
    assert_eq!(
        parsed.as_array().expect("array").len() as u64,
        summary.n_posts
    );
    assert_eq!(summary.n_posts, 7_777);
}

#[test]
fn invalid_scenarios_are_rejected() {
    let check = |f: &dyn Fn(&mut Scenario), needle: &str| {
        let mut sc = demo_scenario();
        f(&mut sc);
        match write_twarc2(&sc, 1, std::io::sink()) {
            Err(SynthError::Scenario(m)) => assert!(m.contains(needle), "{m}"),
            other => panic!("expected a scenario error with `{needle}`, got {other:?}"),
        }
    };
    check(&|sc| sc.actors[0].country = "XYZ".into(), "ISO 3166-1");
    check(
        &|sc| sc.actors[1].accounts[0].handle = "GermanyEmb_KZ".into(),
        "duplicate handle",
    );
    check(
        &|sc| sc.actors[0].accounts[0].handle = "has space".into(),
        "invalid handle",
    );
    check(
        &|sc| sc.actors[0].accounts[0].account_id = "12a".into(),
        "not a positive number",
    );
    check(&|sc| sc.actors[0].accounts[0].retweet_share = 0.9, "sum to");
    check(
        &|sc| sc.actors[0].accounts[0].hashtags.push("no-dash".into()),
        "invalid hashtag",
    );
    check(&|sc| sc.end = sc.start, "empty or out-of-range period");
    check(&|sc| sc.actors.clear(), "no accounts");
}

fn shared_data(rel: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!("skipped: ../shared/data/{rel} not found");
        None
    }
}

#[test]
fn field_names_match_real_exports() {
    // v1.1: every top-level field of a real tweepy dump is present in ours, except `text`
    // (we write extended mode: `full_text` with `display_text_range`).
    if let Some(path) = shared_data("world-leader-vis/backup_json/JDMahama_tweets.json") {
        let real: Value =
            serde_json::from_slice(&std::fs::read(path).expect("readable")).expect("json");
        let (bytes, _) = demo_v1();
        let ours = lines(bytes);
        let our_keys: BTreeSet<&str> = ours
            .iter()
            .flat_map(|t| t.as_object().expect("obj").keys().map(String::as_str))
            .collect();
        let our_user_keys: BTreeSet<&str> = ours[0]["user"]
            .as_object()
            .expect("user")
            .keys()
            .map(String::as_str)
            .collect();
        for t in real.as_array().expect("array") {
            for k in t.as_object().expect("obj").keys() {
                if k != "text" {
                    assert!(our_keys.contains(k.as_str()), "v1 field `{k}` missing");
                }
            }
            for k in [
                "id",
                "id_str",
                "name",
                "screen_name",
                "followers_count",
                "friends_count",
                "listed_count",
                "statuses_count",
                "created_at",
                "verified",
                "description",
                "location",
            ] {
                assert!(
                    t["user"].get(k).is_some() && our_user_keys.contains(k),
                    "user field `{k}`"
                );
            }
            // Same timestamp spelling.
            let c = s(t, "created_at");
            assert_eq!((c.len(), &c[19..26]), (30, " +0000 "));
        }
    }
    // twarc2: our tweet fields are fields real pages use, and page keys are the real ones.
    if let Some(path) = shared_data("twarc2-testdata/test-data/2sets.jsonl") {
        let real = lines(&std::fs::read(path).expect("readable"));
        let mut real_tweet_keys: BTreeSet<String> = BTreeSet::new();
        let mut real_user_keys: BTreeSet<String> = BTreeSet::new();
        for p in &real {
            for t in p["data"].as_array().into_iter().flatten() {
                real_tweet_keys.extend(t.as_object().expect("obj").keys().cloned());
                assert!(is_v2_time(&s(t, "created_at").replace("2021-", "2025-")));
            }
            for x in p["includes"]["users"].as_array().into_iter().flatten() {
                real_user_keys.extend(x.as_object().expect("obj").keys().cloned());
            }
        }
        // Newer API fields than this 2021 sample: edit history (2022) and verification type (2023).
        real_tweet_keys.insert("edit_history_tweet_ids".into());
        real_user_keys.insert("verified_type".into());
        let (bytes, _) = demo_twarc2();
        for p in lines(bytes).iter().take(20) {
            for t in p["data"].as_array().expect("data") {
                for k in t.as_object().expect("obj").keys() {
                    assert!(
                        real_tweet_keys.contains(k),
                        "v2 tweet field `{k}` not in real data"
                    );
                }
            }
            for x in p["includes"]["users"].as_array().expect("users") {
                for k in x.as_object().expect("obj").keys() {
                    assert!(
                        real_user_keys.contains(k),
                        "v2 user field `{k}` not in real data"
                    );
                }
            }
        }
    }
}

#[test]
fn texts_have_realistic_lengths_and_languages() {
    let (bytes, _) = demo_twarc2();
    let mut lengths = Vec::new();
    let mut langs: BTreeMap<String, u64> = BTreeMap::new();
    for p in lines(bytes) {
        for t in p["data"].as_array().expect("data") {
            if t["referenced_tweets"].is_null() {
                lengths.push(s(t, "text").chars().count());
                *langs.entry(s(t, "lang").to_string()).or_default() += 1;
            }
        }
    }
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    assert!((120..=250).contains(&median), "median length {median}");
    assert!(*lengths.last().expect("some") <= 280);
    for l in ["en", "ru", "kk", "de", "fr"] {
        assert!(langs.get(l).copied().unwrap_or(0) > 20, "{l}: {langs:?}");
    }
}

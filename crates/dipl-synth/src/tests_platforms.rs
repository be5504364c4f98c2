//! End-to-end checks of the Telegram, Facebook, CrowdTangle and VK output: determinism, the
//! shape of every file, and the ground truth recomputed independently from the files (posts by
//! kind, comments received and answered, questions answered or not), plus the dialogue's
//! realism (heavy tails, delays, double answers, unanswered questions) and exact scale counts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dipl_model::Platform;
use serde_json::Value;

use crate::*;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dipl-synth-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The files of a corpus by path relative to its folder.
struct Files(HashMap<String, Vec<u8>>);

impl Files {
    fn read(dir: &Path, summary: &CorpusSummary) -> Files {
        let mut files = HashMap::new();
        for f in &summary.files {
            let rel = f.path.strip_prefix(dir).expect("inside the folder");
            let bytes = std::fs::read(&f.path).expect("readable");
            assert_eq!(bytes.len() as u64, f.bytes, "{rel:?}");
            files.insert(rel.to_string_lossy().replace('\\', "/"), bytes);
        }
        Files(files)
    }

    fn get(&self, rel: &str) -> &[u8] {
        self.0.get(rel).unwrap_or_else(|| panic!("no file {rel}"))
    }

    fn text(&self, rel: &str) -> &str {
        std::str::from_utf8(self.get(rel)).expect("utf-8")
    }
}

/// The multi-platform demo corpus (seed 42), written once, read into memory (the folder is
/// removed at once).
fn demo() -> &'static (Files, CorpusSummary) {
    static CELL: OnceLock<(Files, CorpusSummary)> = OnceLock::new();
    CELL.get_or_init(|| {
        let dir = temp("demo-all");
        let summary = write_corpus(&demo_scenario(), 42, &dir, &CorpusOptions::all_platforms())
            .expect("demo corpus");
        let files = Files::read(&dir, &summary);
        let _ = std::fs::remove_dir_all(&dir);
        (files, summary)
    })
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
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

fn i(v: &Value, k: &str) -> i64 {
    v[k].as_i64()
        .unwrap_or_else(|| panic!("`{k}` is not a number in {v}"))
}

/// The codebook's question test, independently of the generator: a question mark, or an
/// interrogative word of one of the corpus languages.
fn is_question(text: &str) -> bool {
    const WORDS: [&str; 19] = [
        "how",
        "where",
        "when",
        "what",
        "wie",
        "wo",
        "wann",
        "comment",
        "où",
        "quand",
        "как",
        "где",
        "когда",
        "қайда",
        "қалай",
        "qayerda",
        "qanday",
        "кайда",
        "кантип",
    ];
    text.contains('?')
        || text
            .split(|c: char| !c.is_alphanumeric() && c != '’')
            .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// Ground truth recomputed from a file, per account id.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Seen {
    originals: u64,
    reposts: u64,
    quotes: u64,
    answers: u64,
    notes: u64,
    received: u64,
    answered: u64,
    questions: u64,
    unanswered: u64,
    /// Answer delays (seconds) and comments per post, for the realism checks.
    delays: Vec<i64>,
    per_post: Vec<u64>,
    answered_twice: u64,
}

fn check_truth(truth: &AccountCounts, seen: &Seen, comments: bool) {
    let h = &truth.handle;
    assert_eq!(truth.originals, seen.originals, "{h} originals");
    assert_eq!(truth.reposts, seen.reposts, "{h} reposts");
    assert_eq!(truth.quotes, seen.quotes, "{h} quotes");
    assert_eq!(truth.replies, seen.answers + seen.notes, "{h} replies");
    assert_eq!(truth.self_replies, seen.notes, "{h} self-replies");
    assert_eq!(
        truth.replies_to_audience, seen.answers,
        "{h} replies to audience"
    );
    assert_eq!(truth.replies_to_actors, 0, "{h}");
    assert_eq!(
        truth.posts,
        seen.originals + seen.reposts + seen.quotes + seen.answers + seen.notes,
        "{h} posts"
    );
    if comments {
        assert_eq!(truth.comments_received, Some(seen.received), "{h} received");
        assert_eq!(truth.comments_answered, Some(seen.answered), "{h} answered");
        assert_eq!(
            truth.questions_received,
            Some(seen.questions),
            "{h} questions"
        );
        assert_eq!(
            truth.questions_unanswered,
            Some(seen.unanswered),
            "{h} unanswered"
        );
    } else {
        assert_eq!(truth.comments_received, None, "{h}");
    }
}

fn truth_of<'a>(summary: &'a CorpusSummary, platform: Platform, id: &str) -> &'a AccountCounts {
    summary
        .accounts
        .iter()
        .find(|c| c.platform == platform && c.account_id == id)
        .unwrap_or_else(|| panic!("{platform} account {id} not in the ground truth"))
}

fn fb_time(t: &str) -> i64 {
    // 2025-01-03T09:15:02+0000
    assert!(
        t.len() == 24 && t.ends_with("+0000") && &t[10..11] == "T",
        "{t}"
    );
    let num = |a: usize, b: usize| t[a..b].parse::<i64>().expect("digits");
    let day =
        crate::calendar::days_from_civil(num(0, 4) as i32, num(5, 7) as u32, num(8, 10) as u32);
    day * 86_400 + num(11, 13) * 3600 + num(14, 16) * 60 + num(17, 19)
}

#[test]
fn facebook_graph_pages_match_the_ground_truth() {
    let (files, summary) = demo();
    let pages = json_lines(files.get("facebook-graph.jsonl"));
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    let mut with_next = 0;
    for page in &pages {
        let data = page["data"].as_array().expect("data");
        assert!(!data.is_empty() && data.len() <= 25);
        assert!(page["paging"]["cursors"]["before"].is_string());
        if page["paging"].get("next").is_some() {
            with_next += 1;
            assert!(s(&page["paging"], "next").starts_with("https://graph.facebook.com/v19.0/"));
        }
        let mut last = i64::MAX;
        for p in data {
            let page_id = s(&p["from"], "id").to_string();
            let id = s(p, "id");
            assert!(id.starts_with(&format!("{page_id}_")), "{id}");
            let post_no = &id[page_id.len() + 1..];
            let t = fb_time(s(p, "created_time"));
            assert!(t <= last, "newest first");
            last = t;
            assert!(fb_time(s(p, "updated_time")) >= t);
            assert!(s(p, "permalink_url").ends_with(&format!("/posts/{post_no}")));
            for r in ["like", "love", "care", "haha", "wow", "sad", "angry"] {
                assert!(p[format!("reactions_{r}")]["summary"]["total_count"].is_u64());
            }
            let e = seen.entry(page_id.clone()).or_default();
            match (p.get("parent_id"), p.get("message")) {
                (Some(_), None) => e.reposts += 1,
                (Some(_), Some(_)) => e.quotes += 1,
                (None, _) => e.originals += 1,
            }
            if p.get("parent_id").is_some() {
                assert_eq!(s(p, "status_type"), "shared_story");
            }
            let comments = &p["comments"];
            let top = comments["data"].as_array().expect("comments");
            assert_eq!(u(&comments["summary"], "total_count"), top.len() as u64);
            let mut n = 0;
            for c in top {
                assert!(s(c, "id").starts_with(&format!("{post_no}_")));
                let ct = fb_time(s(c, "created_time"));
                assert!(ct > t);
                let replies: Vec<&Value> = c["comments"]["data"]
                    .as_array()
                    .map(|v| v.iter().collect())
                    .unwrap_or_default();
                assert_eq!(u(c, "comment_count"), replies.len() as u64);
                if s(&c["from"], "id") == page_id {
                    e.notes += 1;
                    assert!(replies.is_empty());
                    continue;
                }
                n += 1;
                e.received += 1;
                let q = is_question(s(c, "message"));
                e.questions += u64::from(q);
                let answers: Vec<i64> = replies
                    .iter()
                    .inspect(|r| assert_eq!(s(&r["parent"], "id"), s(c, "id")))
                    .filter(|r| s(&r["from"], "id") == page_id)
                    .map(|r| fb_time(s(r, "created_time")))
                    .collect();
                assert_eq!(answers.len(), replies.len(), "only the page answers");
                e.answers += answers.len() as u64;
                if answers.is_empty() {
                    e.unanswered += u64::from(q);
                } else {
                    e.answered += 1;
                    e.delays.push(answers[0] - ct);
                    e.answered_twice += u64::from(answers.len() > 1);
                }
            }
            if p.get("parent_id").is_none() || p.get("message").is_some() {
                e.per_post.push(n);
            }
        }
    }
    assert!(with_next > 0, "months with more than 25 posts page on");
    let mut n_posts = 0;
    for (id, e) in &seen {
        let truth = truth_of(summary, Platform::Facebook, id);
        assert_eq!(truth.format, Some(Format::FacebookGraph));
        check_truth(truth, e, true);
        n_posts += e.originals + e.reposts + e.quotes;
    }
    let file = summary
        .files
        .iter()
        .find(|f| f.format == "facebook_graph")
        .expect("graph file");
    assert_eq!(file.n_posts, n_posts);
    // Every embassy page is there.
    assert_eq!(seen.len(), 10);

    // The dialogue looks like one: the British embassy answers a lot, quickly and slowly, some
    // comments twice; others leave most questions unanswered; comment counts are heavy-tailed.
    let uk = &seen["100064381920467"];
    let mut delays = uk.delays.clone();
    delays.sort_unstable();
    assert!(
        delays[0] < 30 * 60 && *delays.last().expect("some") > 86_400,
        "{delays:?}"
    );
    let median = delays[delays.len() / 2];
    assert!(
        (1800..=86_400).contains(&median),
        "median answer delay {median}s"
    );
    assert!(uk.answered_twice > 5);
    let all: Vec<u64> = seen.values().flat_map(|e| e.per_post.clone()).collect();
    let mean = all.iter().sum::<u64>() as f64 / all.len() as f64;
    let max = *all.iter().max().expect("posts");
    assert!(max as f64 > 6.0 * mean, "max {max}, mean {mean}");
    assert!(all.iter().filter(|&&n| n == 0).count() > all.len() / 10);
    let unanswered: u64 = seen.values().map(|e| e.unanswered).sum();
    let questions: u64 = seen.values().map(|e| e.questions).sum();
    assert!(unanswered * 2 > questions, "{unanswered} of {questions}");
}

#[test]
fn vk_walls_and_comment_threads_match_the_ground_truth() {
    let (files, summary) = demo();
    let wall = json_lines(files.get("vk-wall.jsonl"));
    let threads = json_lines(files.get("vk-comments.jsonl"));
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    let mut ids: HashMap<i64, BTreeSet<u64>> = HashMap::new();
    let mut comments_of: HashMap<(i64, u64), u64> = HashMap::new();
    for page in &wall {
        let r = &page["response"];
        let items = r["items"].as_array().expect("items");
        assert!(!items.is_empty() && items.len() <= 100 && u(r, "count") >= items.len() as u64);
        let owner = i(&items[0], "owner_id");
        assert!(owner < 0, "communities have negative ids");
        assert!(r["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .any(|g| i(g, "id") == -owner && g["members_count"].is_u64()));
        for p in items {
            assert_eq!(i(p, "owner_id"), owner);
            assert_eq!(i(p, "from_id"), owner);
            assert!(
                ids.entry(owner).or_default().insert(u(p, "id")),
                "unique post ids"
            );
            comments_of.insert((owner, u(p, "id")), u(&p["comments"], "count"));
            for k in ["likes", "reposts", "views"] {
                assert!(p[k]["count"].is_u64(), "{k}");
            }
            let e = seen.entry(owner.to_string()).or_default();
            match p.get("copy_history") {
                Some(h) => {
                    let orig = &h[0];
                    assert!(i(orig, "owner_id") < 0 && u(orig, "id") > 0);
                    if s(p, "text").is_empty() {
                        e.reposts += 1;
                    } else {
                        e.quotes += 1;
                    }
                }
                None => e.originals += 1,
            }
        }
    }
    for t in &threads {
        let r = &t["response"];
        let items = r["items"].as_array().expect("items");
        assert_eq!(u(r, "count"), items.len() as u64);
        let owner = i(&items[0], "owner_id");
        let post = u(&items[0], "post_id");
        let profiles: BTreeSet<i64> = r["profiles"]
            .as_array()
            .expect("profiles")
            .iter()
            .map(|p| i(p, "id"))
            .collect();
        let e = seen.entry(owner.to_string()).or_default();
        let mut n = 0;
        for c in items {
            assert_eq!(u(c, "post_id"), post);
            assert!(c["parents_stack"].as_array().expect("stack").is_empty());
            assert!(
                ids.entry(owner).or_default().insert(u(c, "id")),
                "ids shared with posts"
            );
            n += 1;
            let replies = c["thread"]["items"].as_array().expect("thread");
            assert_eq!(u(&c["thread"], "count"), replies.len() as u64);
            n += replies.len() as u64;
            if i(c, "from_id") == owner {
                e.notes += 1;
                continue;
            }
            assert!(
                profiles.contains(&i(c, "from_id")),
                "commenter profile included"
            );
            e.received += 1;
            let q = is_question(s(c, "text"));
            e.questions += u64::from(q);
            for rep in replies {
                assert_eq!(i(rep, "from_id"), owner);
                assert_eq!(u(rep, "reply_to_comment"), u(c, "id"));
                assert_eq!(i(rep, "reply_to_user"), i(c, "from_id"));
                assert_eq!(rep["parents_stack"][0].as_u64(), Some(u(c, "id")));
                assert!(s(rep, "text").starts_with(&format!("[id{}|", i(c, "from_id"))));
                assert!(ids.entry(owner).or_default().insert(u(rep, "id")));
            }
            e.answers += replies.len() as u64;
            if replies.is_empty() {
                e.unanswered += u64::from(q);
            } else {
                e.answered += 1;
            }
        }
        assert_eq!(comments_of.get(&(owner, post)), Some(&n), "comments.count");
    }
    assert_eq!(seen.len(), 3);
    for (id, e) in &seen {
        check_truth(truth_of(summary, Platform::Vkontakte, id), e, true);
    }
}

#[test]
fn telegram_desktop_exports_match_the_ground_truth() {
    let (files, summary) = demo();
    let channels = ["mfa_kazakhstan", "uzbekistan_mfa", "mfa_kyrgyz"];
    for handle in channels {
        let raw = files.text(&format!("telegram/{handle}/result.json"));
        // Desktop's layout: one space per level, raw UTF-8.
        assert!(raw.starts_with("{\n \"name\": \""), "{}", &raw[..40]);
        assert!(raw.contains("\n \"messages\": [\n  {\n   \"id\": "));
        assert!(raw.ends_with("\n  }\n ]\n}"));
        let chat: Value = serde_json::from_str(raw).expect("json");
        assert_eq!(s(&chat, "type"), "public_channel");
        let chan_id = u(&chat, "id").to_string();
        let truth = truth_of(summary, Platform::Telegram, &chan_id);
        let mut e = Seen::default();
        let mut last = 0;
        let mut pins = 0;
        for m in chat["messages"].as_array().expect("messages") {
            assert!(u(m, "id") > last, "ids grow");
            last = u(m, "id");
            let unix: i64 = s(m, "date_unixtime").parse().expect("unix time");
            let mut local = Vec::new();
            crate::calendar::push_iso_date_time(&mut local, unix + 5 * 3600);
            assert_eq!(s(m, "date").as_bytes(), &local[..], "Astana local time");
            if s(m, "type") == "service" {
                assert_eq!(s(m, "action"), "pin_message");
                pins += 1;
                continue;
            }
            assert_eq!(s(m, "from_id"), format!("channel{chan_id}"));
            let text: String = m["text_entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|p| s(p, "text"))
                .collect();
            let shown: String = match &m["text"] {
                Value::String(t) => t.clone(),
                Value::Array(parts) => parts
                    .iter()
                    .map(|p| p.as_str().unwrap_or_else(|| s(p, "text")).to_string())
                    .collect(),
                other => panic!("text {other}"),
            };
            assert_eq!(text, shown);
            for r in m["reactions"].as_array().into_iter().flatten() {
                assert_eq!(s(r, "type"), "emoji");
                assert!(u(r, "count") > 0);
            }
            if m.get("forwarded_from").is_some() {
                e.reposts += 1;
            } else {
                e.originals += 1;
            }
        }
        assert!(pins >= 11, "a pin a month");
        let group_path = format!("telegram/{handle}_chat/result.json");
        if handle == "mfa_kyrgyz" {
            assert!(!files.0.contains_key(&group_path), "no discussion group");
            check_truth(truth, &e, true);
            assert_eq!(truth.comments_received, Some(0));
            continue;
        }
        let group: Value = serde_json::from_slice(files.get(&group_path)).expect("json");
        assert_eq!(s(&group, "type"), "public_supergroup");
        let chan_from = format!("channel{chan_id}");
        let mut forwards = BTreeSet::new();
        let mut audience: BTreeMap<u64, bool> = BTreeMap::new();
        let mut answers: BTreeMap<u64, u64> = BTreeMap::new();
        let (mut last, mut last_t) = (0, 0);
        for m in group["messages"].as_array().expect("messages") {
            let id = u(m, "id");
            assert!(id > last);
            last = id;
            let t: i64 = s(m, "date_unixtime").parse().expect("time");
            assert!(t >= last_t, "time order");
            last_t = t;
            let from = s(m, "from_id");
            if from == chan_from && m.get("forwarded_from").is_some() {
                assert_eq!(m["saved_from"], m["forwarded_from"]);
                forwards.insert(id);
                continue;
            }
            let parent = u(m, "reply_to_message_id");
            let text: String = m["text_entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|p| s(p, "text"))
                .collect();
            if from == chan_from {
                if forwards.contains(&parent) {
                    e.notes += 1;
                } else {
                    assert!(audience.contains_key(&parent), "answers a comment");
                    e.answers += 1;
                    *answers.entry(parent).or_default() += 1;
                }
            } else {
                assert!(from.starts_with("user"));
                assert!(
                    forwards.contains(&parent),
                    "comments hang under the forward"
                );
                audience.insert(id, is_question(&text));
            }
        }
        assert_eq!(
            forwards.len() as u64,
            e.originals + e.reposts,
            "one forward per post"
        );
        e.received = audience.len() as u64;
        e.answered = answers.len() as u64;
        e.questions = audience.values().filter(|q| **q).count() as u64;
        e.unanswered = audience
            .iter()
            .filter(|(id, q)| **q && !answers.contains_key(id))
            .count() as u64;
        check_truth(truth, &e, true);
        assert!(e.unanswered > e.questions / 2);
    }
}

#[test]
fn crowdtangle_csv_has_the_2021_columns_and_the_ground_truth() {
    let (files, summary) = demo();
    let mut reader = csv::Reader::from_reader(files.get("crowdtangle.csv"));
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header.join(","), CROWDTANGLE_HEADER);
    assert_eq!(header.len(), 40);
    assert!(header[39].contains("weighted  —  Likes 1x"));
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let mut rows_per_page: BTreeMap<String, u64> = BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("row");
        let n = |name: &str| row[col(name)].parse::<u64>().expect(name);
        let total = n("Likes")
            + n("Comments")
            + n("Shares")
            + n("Love")
            + n("Wow")
            + n("Haha")
            + n("Sad")
            + n("Angry")
            + n("Care");
        assert_eq!(n("Total Interactions"), total);
        assert!(n("Followers at Posting") > n("Likes at Posting"));
        let created = &row[col("Post Created")];
        let month: u32 = created[5..7].parse().expect("month");
        let zone = &created[20..];
        match month {
            5..=9 => assert_eq!(zone, "CEST"),
            1 | 2 | 11 | 12 => assert_eq!(zone, "CET"),
            _ => assert!(zone == "CET" || zone == "CEST"),
        }
        assert_eq!(&created[..10], &row[col("Post Created Date")]);
        assert_eq!(&created[11..19], &row[col("Post Created Time")]);
        assert!(row[col("URL")].starts_with("https://www.facebook.com/"));
        assert!(["Photo", "Native Video", "Link", "Status"].contains(&&row[col("Type")]));
        *rows_per_page
            .entry(row[col("Facebook Id")].to_string())
            .or_default() += 1;
    }
    assert_eq!(rows_per_page.len(), 3, "the three ministries' pages");
    for (id, n) in &rows_per_page {
        let truth = truth_of(summary, Platform::Facebook, id);
        assert_eq!(truth.format, Some(Format::CrowdTangle));
        let e = Seen {
            originals: *n,
            ..Seen::default()
        };
        check_truth(truth, &e, false);
    }
}

#[test]
fn corpus_files_and_registry_cover_every_platform() {
    let (files, summary) = demo();
    let registry = files.text("actors.csv");
    let rows: Vec<&str> = registry.lines().collect();
    assert_eq!(rows[0], REGISTRY_HEADER);
    assert_eq!(rows.len(), 1 + demo_scenario().n_accounts());
    for platform in ["twitter", "facebook", "telegram", "vkontakte"] {
        assert!(
            rows.iter().any(|r| r.contains(&format!(",{platform},"))),
            "{platform}"
        );
    }
    assert!(rows.contains(
        &"KAZ-MFA,Ministry of Foreign Affairs of Kazakhstan,mfa,KAZ,,vkontakte,mfa_kaz,-187340562"
    ));
    // Handles are unique across platforms (reports look accounts up by handle).
    let handles: BTreeSet<&str> = summary.accounts.iter().map(|c| c.handle.as_str()).collect();
    assert_eq!(handles.len(), summary.accounts.len());
    // Every account was written, once.
    assert!(summary.accounts.iter().all(|c| c.format.is_some()));
    // Every file's size was checked when it was read.
    assert_eq!(files.0.len(), summary.files.len());
    assert_eq!(
        summary.n_posts,
        summary
            .accounts
            .iter()
            .map(|c| c.originals + c.reposts + c.quotes + c.replies
                - if c.format.is_some_and(Format::carries_comments) {
                    c.replies
                } else {
                    0
                })
            .sum::<u64>()
    );
    // The X part is the X-only demo, byte for byte.
    let mut x_only = Vec::new();
    write_twarc2(&demo_scenario(), 42, &mut x_only).expect("twarc2");
    let written = files.get("x-twarc2.jsonl");
    let x_lines: BTreeSet<&[u8]> = x_only.split(|b| *b == b'\n').collect();
    assert!(written.split(|b| *b == b'\n').all(|l| x_lines.contains(l)));
}

#[test]
fn platform_corpora_are_deterministic_and_streams_agree() {
    let sc = scale_scenario_on(Platform::Facebook, 12, 1_500);
    let run = |seed: u64, format: Format| {
        let mut out = Vec::new();
        let summary = write_stream(&sc, seed, format, &mut out).expect("writes");
        (out, summary)
    };
    for format in [Format::FacebookGraph, Format::CrowdTangle] {
        let (a, sa) = run(9, format);
        let (b, _) = run(9, format);
        let (c, _) = run(10, format);
        assert!(a == b, "{format:?} differs between runs");
        assert!(a != c, "{format:?} ignores the seed");
        assert_eq!(sa.n_posts, 1_500);
        assert_eq!(sa.bytes, a.len() as u64);
    }
    let tg = scale_scenario_on(Platform::Telegram, 12, 1_500);
    let mut t1 = Vec::new();
    let mut t2 = Vec::new();
    write_stream(&tg, 3, Format::TelegramTelethon, &mut t1).expect("telethon");
    write_stream(&tg, 3, Format::TelegramTelethon, &mut t2).expect("telethon");
    assert!(t1 == t2);
    let vk = scale_scenario_on(Platform::Vkontakte, 12, 1_500);
    let (mut w1, mut c1, mut w2, mut c2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let summary = write_vk(&vk, 3, &mut w1, &mut c1).expect("vk");
    write_vk(&vk, 3, &mut w2, &mut c2).expect("vk");
    assert!(w1 == w2 && c1 == c2);
    assert_eq!(summary.n_posts, 1_500);
    // Multi-file formats are refused as one stream.
    assert!(matches!(
        write_stream(&tg, 3, Format::TelegramDesktop, std::io::sink()),
        Err(SynthError::Options(_))
    ));

    // The Telegram Desktop folder is the same for the same seed.
    let d1 = temp("tg-a");
    let d2 = temp("tg-b");
    let o = CorpusOptions::only(&[Format::TelegramDesktop]);
    let s1 = write_corpus(&tg, 5, &d1, &o).expect("desktop");
    let s2 = write_corpus(&tg, 5, &d2, &o).expect("desktop");
    assert_eq!(s1.files.len(), s2.files.len());
    for (f1, f2) in s1.files.iter().zip(&s2.files) {
        let b1 = std::fs::read(&f1.path).expect("file");
        let b2 = std::fs::read(&f2.path).expect("file");
        assert!(b1 == b2, "{:?}", f1.path);
    }
    let _ = std::fs::remove_dir_all(&d1);
    let _ = std::fs::remove_dir_all(&d2);
}

#[test]
fn telethon_lines_carry_views_forwards_replies_and_reactions() {
    let sc = scale_scenario_on(Platform::Telegram, 10, 1_200);
    let mut out = Vec::new();
    let summary = write_stream(&sc, 4, Format::TelegramTelethon, &mut out).expect("telethon");
    let text = String::from_utf8(out).expect("ascii json");
    let mut n = 0;
    let mut forwards = 0;
    let mut with_replies = 0;
    for line in text.lines() {
        let m: Value = serde_json::from_str(line).expect("json");
        let date = s(&m, "date");
        assert!(date.ends_with("+00:00") && &date[10..11] == " ", "{date}");
        if s(&m, "_") == "MessageService" {
            assert_eq!(s(&m["action"], "_"), "MessageActionPinMessage");
            continue;
        }
        n += 1;
        assert_eq!(s(&m, "_"), "Message");
        assert_eq!(s(&m["peer_id"], "_"), "PeerChannel");
        assert!(m["views"].is_u64() && m["forwards"].is_u64());
        let msg = s(&m, "message");
        let units = msg.encode_utf16().count() as u64;
        for e in m["entities"].as_array().expect("entities") {
            assert!(u(e, "offset") + u(e, "length") <= units);
        }
        if !m["fwd_from"].is_null() {
            forwards += 1;
            assert!(u(&m["fwd_from"], "channel_post") > 0);
        }
        if !m["replies"].is_null() {
            with_replies += 1;
            assert!(m["replies"]["replies"].is_u64());
        }
        if let Some(results) = m["reactions"]["results"].as_array() {
            assert!(results.iter().all(|r| u(r, "count") > 0));
        }
    }
    assert_eq!(n, summary.n_posts);
    assert_eq!(n, 1_200);
    assert!(forwards > 10 && with_replies > 100);
}

#[test]
fn scale_mode_writes_exactly_n_posts_per_format() {
    let spec = ScaleSpec {
        n_accounts: 20,
        n_posts: 2_345,
    };
    let dir = temp("scale-all");
    let formats = [
        Format::Twarc2,
        Format::V1Jsonl,
        Format::TelegramDesktop,
        Format::TelegramTelethon,
        Format::FacebookGraph,
        Format::CrowdTangle,
        Format::Vk,
    ];
    let summary = spec
        .write_corpus(7, &dir, &CorpusOptions::only(&formats))
        .expect("scale corpus");
    let posts = |format: &str| -> u64 {
        summary
            .files
            .iter()
            .filter(|f| f.format == format)
            .map(|f| f.n_posts)
            .sum()
    };
    for f in [
        "x_twarc2",
        "x_v1_jsonl",
        "telegram_desktop_channel",
        "telegram_telethon",
        "facebook_graph",
        "crowdtangle_csv",
        "vk_wall",
    ] {
        assert_eq!(posts(f), 2_345, "{f}");
    }
    let registry = std::fs::read_to_string(dir.join("actors.csv")).expect("registry");
    // 20 actors on 4 platforms.
    assert_eq!(registry.lines().count(), 1 + 20 * 4);
    let ct = csv::Reader::from_path(dir.join("crowdtangle.csv"))
        .expect("csv")
        .records()
        .count();
    let graph_bytes = std::fs::read(dir.join("facebook-graph.jsonl")).expect("graph");
    assert_eq!(ct, 2_345);
    let graph: usize = json_lines(&graph_bytes)
        .iter()
        .map(|p| p["data"].as_array().expect("data").len())
        .sum();
    assert_eq!(graph, 2_345);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn formats_parse_from_their_names() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.id()), Some(f));
    }
    assert_eq!(Format::parse("telegram"), Some(Format::TelegramDesktop));
    assert_eq!(Format::parse("CrowdTangle"), Some(Format::CrowdTangle));
    assert_eq!(Format::parse("vkontakte"), Some(Format::Vk));
    assert_eq!(Format::parse("v1"), Some(Format::V1Jsonl));
    assert_eq!(Format::parse("myspace"), None);
    assert_eq!(Format::Vk.platform(), Platform::Vkontakte);
}

#[test]
fn platform_accounts_are_validated() {
    let check = |f: &dyn Fn(&mut Scenario), needle: &str| {
        let mut sc = demo_scenario();
        f(&mut sc);
        match sc.validate() {
            Err(SynthError::Scenario(m)) => assert!(m.contains(needle), "{m}"),
            other => panic!("expected a scenario error with `{needle}`, got {other:?}"),
        }
    };
    let kaz = |sc: &mut Scenario| -> usize {
        sc.actors
            .iter()
            .position(|a| a.id == "KAZ-MFA")
            .expect("KAZ-MFA")
    };
    check(
        &|sc| {
            let k = kaz(sc);
            sc.actors[k].accounts[3].account_id = "187340562x".into();
        },
        "not a non-zero number",
    );
    check(
        &|sc| {
            let k = kaz(sc);
            sc.actors[k].accounts[1].account_id = "-1587304219".into();
        },
        "not a positive number",
    );
    check(
        &|sc| {
            let k = kaz(sc);
            sc.actors[k].accounts[1].handle = "mfa".into();
        },
        "invalid handle",
    );
    check(
        &|sc| {
            let k = kaz(sc);
            sc.actors[k].accounts[1].platform = Platform::Youtube;
        },
        "does not write youtube",
    );
    check(
        &|sc| {
            let k = kaz(sc);
            sc.actors[k].accounts[2].answer_share = 1.5;
        },
        "answer_share",
    );
    // The same handle on two platforms is fine; twice on one is not.
    let mut sc = demo_scenario();
    let k = kaz(&mut sc);
    sc.actors[k].accounts[1].handle = "KazForeignMin".into();
    assert!(sc.validate().is_ok());
    sc.actors[k].accounts[3].platform = Platform::Telegram;
    sc.actors[k].accounts[3].account_id = "1587304220".into();
    sc.actors[k].accounts[3].handle = "kazforeignmin".into();
    assert!(
        matches!(sc.validate(), Err(SynthError::Scenario(m)) if m.contains("duplicate handle"))
    );
}

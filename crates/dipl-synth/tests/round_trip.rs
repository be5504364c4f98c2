//! The multi-platform demo corpus through the real importers: every file is detected as its
//! format, imports without diagnostics of the error kind, and gives back, per account, what the
//! generator's ground truth says (posts by kind, first and last post times, audience comments
//! received and answered).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use dipl_ingest::{ImportOptions, Importer, InputFile, VecSink};
use dipl_model::{Platform, PostKind, Record};
use dipl_synth::{demo_scenario, write_corpus, AccountCounts, CorpusOptions, Format};

fn importers() -> Vec<&'static dyn Importer> {
    let mut all = dipl_import_twitter::importers();
    all.extend(dipl_import_telegram::importers());
    all.extend(dipl_import_facebook::importers());
    all.extend(dipl_import_crowdtangle::importers());
    all.extend(dipl_import_vkontakte::importers());
    all
}

fn expected_importer(format: &str) -> &'static str {
    match format {
        "x_v1_jsonl" => "twitter.v1",
        "x_twarc2" => "twitter.twarc2",
        "telegram_desktop_channel" | "telegram_desktop_discussion" => "telegram.desktop",
        "telegram_telethon" => "telegram.telethon",
        "facebook_graph" => "facebook.graph",
        "crowdtangle_csv" => "facebook.crowdtangle",
        "vk_wall" => "vkontakte.wall",
        "vk_comments" => "vkontakte.comments",
        other => panic!("unexpected file format {other}"),
    }
}

/// What an import gives back for one account.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Got {
    posts: u64,
    originals: u64,
    replies: u64,
    reposts: u64,
    quotes: u64,
    comments_received: u64,
    comments_answered: u64,
    first_post: Option<i64>,
    last_post: Option<i64>,
}

#[test]
fn demo_corpus_round_trips_through_the_importers() {
    let dir = std::env::temp_dir().join(format!("dipl-synth-roundtrip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let summary = write_corpus(&demo_scenario(), 42, &dir, &CorpusOptions::all_platforms())
        .expect("demo corpus");
    let candidates = importers();
    let mut posts = Vec::new();
    let mut problems = Vec::new();
    // The same post in several places (a retweeted original in its author's timeline and in the
    // retweet's `includes`, a reposted VK post in `copy_history`) is one post, as in the store.
    let mut seen: HashSet<(Platform, String)> = HashSet::new();
    for file in summary.files.iter().filter(|f| f.format != "registry_csv") {
        let input = InputFile::from_path(&file.path);
        let head = input.head().expect("head");
        let picked = dipl_ingest::detect(&candidates, input.logical_name(), &head)
            .unwrap_or_else(|| panic!("{}: no importer recognises it", file.path.display()));
        let expected = expected_importer(file.format);
        if picked.id() != expected {
            problems.push(format!(
                "{}: detected as {}, expected {expected}",
                file.path.display(),
                picked.id()
            ));
        }
        let importer = candidates
            .iter()
            .find(|i| i.id() == expected)
            .copied()
            .unwrap_or(picked);
        let mut reader = input.open().expect("open");
        let mut sink = VecSink::default();
        if let Err(e) = importer.import(&mut reader, &ImportOptions::default(), &mut sink) {
            problems.push(format!("{}: {e}", file.path.display()));
            continue;
        }
        for d in &sink.diagnostics {
            println!("{}: {:?}", file.path.display(), d);
        }
        for r in sink.records {
            if let Record::Post(p) = r {
                // A Telegram discussion group's automatic copies of channel posts are not posts
                // (the importer leaves them out; comments on them name the channel as parent
                // author), so every post counts as it comes.
                if seen.insert((p.platform, p.id.clone())) {
                    posts.push((PathBuf::from(&file.path), *p));
                }
            }
        }
    }
    // Per account: posts by kind; audience comments are replies by other accounts whose parent
    // is a post of the account (or one of its replies); answered ones got a reply by it.
    let mut author_of: HashMap<(Platform, String), String> = HashMap::new();
    for (_, p) in &posts {
        author_of.insert((p.platform, p.id.clone()), p.author_id.clone());
    }
    let subjects: HashSet<(Platform, String)> = summary
        .accounts
        .iter()
        .map(|c| (c.platform, c.account_id.clone()))
        .collect();
    let mut got: BTreeMap<(Platform, String), Got> = BTreeMap::new();
    let mut comments: HashMap<(Platform, String), String> = HashMap::new();
    for (_, p) in &posts {
        let key = (p.platform, p.author_id.clone());
        if subjects.contains(&key) {
            let g = got.entry(key).or_default();
            g.posts += 1;
            let t = p.created_at.0;
            g.first_post = Some(g.first_post.map_or(t, |f| f.min(t)));
            g.last_post = Some(g.last_post.map_or(t, |l| l.max(t)));
            match p.kind {
                PostKind::Original => g.originals += 1,
                PostKind::Reply => g.replies += 1,
                PostKind::Repost => g.reposts += 1,
                PostKind::Quote => g.quotes += 1,
            }
        } else if p.kind == PostKind::Reply {
            let parent = p.parent.as_ref().expect("a reply has a parent");
            let owner = parent.account_id.clone().or_else(|| {
                author_of
                    .get(&(p.platform, parent.post_id.clone()))
                    .cloned()
            });
            if let Some(owner) = owner.filter(|o| subjects.contains(&(p.platform, o.clone()))) {
                got.entry((p.platform, owner.clone()))
                    .or_default()
                    .comments_received += 1;
                comments.insert((p.platform, p.id.clone()), owner);
            }
        }
    }
    let mut answered: HashSet<(Platform, String)> = HashSet::new();
    for (_, p) in &posts {
        if let Some(parent) = &p.parent {
            let key = (p.platform, parent.post_id.clone());
            if comments.get(&key) == Some(&p.author_id) && answered.insert(key) {
                got.entry((p.platform, p.author_id.clone()))
                    .or_default()
                    .comments_answered += 1;
            }
        }
    }
    for truth in summary.accounts.iter().filter(|c| c.format.is_some()) {
        let mut g = got
            .get(&(truth.platform, truth.account_id.clone()))
            .cloned()
            .unwrap_or_default();
        if truth.comments_received.is_none() {
            // X timelines carry only the comments an account answered (in `includes`), and
            // CrowdTangle and Telethon carry counts only: nothing to compare.
            g.comments_received = 0;
            g.comments_answered = 0;
        }
        let want = expected(truth);
        if g != want {
            problems.push(format!(
                "{} {} ({:?}):\n   import {g:?}\n   truth  {want:?}",
                truth.platform,
                truth.handle,
                truth.format.map(Format::id)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn expected(t: &AccountCounts) -> Got {
    Got {
        posts: t.posts,
        originals: t.originals,
        replies: t.replies,
        reposts: t.reposts,
        quotes: t.quotes,
        comments_received: t.comments_received.unwrap_or(0),
        comments_answered: t.comments_answered.unwrap_or(0),
        first_post: t.first_post.map(|x| x.0),
        last_post: t.last_post.map(|x| x.0),
    }
}

/// Telethon JSONL of a small benchmark corpus: every channel message comes back with its kind,
/// views, forwards and reactions.
#[test]
fn telethon_lines_round_trip() {
    let scenario = dipl_synth::scale_scenario_on(Platform::Telegram, 8, 900);
    let path =
        std::env::temp_dir().join(format!("dipl-synth-telethon-{}.jsonl", std::process::id()));
    let file = std::fs::File::create(&path).expect("create");
    let summary =
        dipl_synth::write_stream(&scenario, 5, Format::TelegramTelethon, file).expect("telethon");
    let input = InputFile::from_path(&path);
    let head = input.head().expect("head");
    let candidates = importers();
    let picked = dipl_ingest::detect(&candidates, input.logical_name(), &head).expect("detected");
    assert_eq!(picked.id(), "telegram.telethon");
    let mut sink = VecSink::default();
    picked
        .import(
            &mut input.open().expect("open"),
            &ImportOptions::default(),
            &mut sink,
        )
        .expect("import");
    let mut got: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut with_views = 0;
    for r in &sink.records {
        if let Record::Post(p) = r {
            let e = got.entry(p.author_id.clone()).or_default();
            match p.kind {
                PostKind::Original => e.0 += 1,
                PostKind::Repost => e.1 += 1,
                other => panic!("unexpected {other:?}"),
            }
            with_views += u64::from(p.counters.views.is_some());
        }
    }
    let _ = std::fs::remove_file(&path);
    for t in &summary.accounts {
        let g = got.get(&t.account_id).copied().unwrap_or_default();
        assert_eq!(g, (t.originals, t.reposts), "{}", t.handle);
    }
    assert_eq!(summary.n_posts, 900);
    assert!(with_views >= 900 - summary.accounts.iter().map(|t| t.reposts).sum::<u64>());
}

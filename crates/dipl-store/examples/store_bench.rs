//! Store throughput on synthetic data: registers 5,000 actors by handle, writes their 5,000
//! subject accounts and 1,000,000 posts (one import session, one batch, chunks of 1,000 records
//! as importers send them) into a fresh SQLite file, then loads the whole dataset and lists the
//! actors.
//!
//! Run: `cargo run --release -p dipl-store --example store_bench [-- N_POSTS]`
//! (`STORE_BENCH_KEEP=1` keeps the file; `STORE_BENCH_LOAD_ONLY=FILE` only loads an existing one.)

use std::time::Instant;

use dipl_model::{
    AccountObservation, AccountRecord, Actor, ActorKind, Counters, MediaKind, Platform, Post,
    PostKind, PostRef, Record, Role, Timestamp, Window,
};
use dipl_store::{BatchInfo, RegisteredAccount, RegistryEntry, Scope, Store};

const N_ACCOUNTS: u64 = 5_000;
const N_AUDIENCE: u64 = 50_000;
const CHUNK: usize = 1_000;
const WORDS: &[&str] = &[
    "embassy",
    "minister",
    "meeting",
    "cooperation",
    "Kazakhstan",
    "today",
    "visit",
    "culture",
    "trade",
    "partnership",
    "students",
    "conference",
    "bilateral",
    "Astana",
    "Berlin",
    "welcome",
];
const TAGS: &[&str] = &[
    "Diplomacy",
    "EU",
    "Kazakhstan",
    "CentralAsia",
    "Trade",
    "Culture",
    "UN",
];

/// splitmix64: a tiny deterministic generator, enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn post(rng: &mut Rng, i: u64) -> Post {
    let author = rng.below(N_ACCOUNTS);
    let roll = rng.below(100);
    let kind = match roll {
        0..=59 => PostKind::Original,
        60..=79 => PostKind::Reply,
        80..=94 => PostKind::Repost,
        _ => PostKind::Quote,
    };
    let parent = (kind == PostKind::Reply).then(|| {
        let user = rng.below(N_AUDIENCE);
        PostRef {
            post_id: (900_000_000_000 + rng.below(1_000_000)).to_string(),
            account_id: Some((500_000 + user).to_string()),
            handle: Some(format!("user{user}")),
        }
    });
    let referenced = matches!(kind, PostKind::Repost | PostKind::Quote).then(|| {
        let other = rng.below(N_ACCOUNTS);
        PostRef {
            post_id: (800_000_000_000 + rng.below(1_000_000)).to_string(),
            account_id: Some((100_000 + other).to_string()),
            handle: Some(format!("account{other}")),
        }
    });
    let mut text = String::with_capacity(160);
    while text.len() < 120 {
        text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
        text.push(' ');
    }
    let hashtags: Vec<String> = (0..[0, 0, 0, 1, 1, 2][rng.below(6) as usize])
        .map(|_| TAGS[rng.below(TAGS.len() as u64) as usize].to_string())
        .collect();
    let mentions: Vec<String> = if rng.below(4) == 0 {
        vec![format!("account{}", rng.below(N_ACCOUNTS))]
    } else {
        Vec::new()
    };
    let counters = if kind == PostKind::Repost {
        Counters::default()
    } else {
        Counters {
            likes: Some(rng.below(500)),
            reposts: Some(rng.below(100)),
            replies: Some(rng.below(30)),
            quotes: Some(rng.below(10)),
            views: (rng.below(2) == 0).then(|| rng.below(20_000)),
            bookmarks: None,
        }
    };
    Post {
        platform: Platform::Twitter,
        id: (1_000_000_000_000 + i).to_string(),
        author_id: (100_000 + author).to_string(),
        created_at: Timestamp(1_600_000_000 + (i as i64) * 60 + rng.below(60) as i64),
        kind,
        parent,
        referenced,
        conversation_id: None,
        text,
        lang: Some("en".into()),
        media: if rng.below(3) == 0 {
            vec![MediaKind::Photo]
        } else {
            Vec::new()
        },
        urls: if rng.below(5) == 0 {
            vec![format!("https://example.org/news/{i}")]
        } else {
            Vec::new()
        },
        hashtags,
        mentions,
        edited: false,
        deleted: false,
        counters,
        reactions: Vec::new(),
        observed_at: None,
    }
}

fn subjects(rng: &mut Rng) -> Vec<Record> {
    let mut records = Vec::new();
    for a in 0..N_ACCOUNTS {
        let id = (100_000 + a).to_string();
        let mut account = AccountRecord::bare(
            Platform::Twitter,
            &id,
            Some(format!("account{a}")),
            Role::Subject,
        );
        account.display_name = Some(format!("Account {a}"));
        records.push(Record::Account(account));
        records.push(Record::AccountObservation(AccountObservation {
            platform: Platform::Twitter,
            account_id: id,
            observed_at: None,
            followers: Some(rng.below(1_000_000)),
            following: Some(rng.below(5_000)),
            posts_count: Some(rng.below(50_000)),
            listed_count: None,
        }));
    }
    records
}

/// Every subject is a registered actor's account, registered by handle before its data arrives.
fn registry() -> Vec<RegistryEntry> {
    (0..N_ACCOUNTS)
        .map(|a| RegistryEntry {
            actor: Actor {
                id: format!("A{a:05}"),
                name: format!("Actor {a}"),
                kind: ActorKind::Embassy,
                country: "DEU".into(),
                host: Some("KAZ".into()),
                notes: None,
            },
            accounts: vec![RegisteredAccount {
                platform: Platform::Twitter,
                handle: Some(format!("account{a}")),
                platform_id: None,
            }],
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n_posts: u64 = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 1_000_000,
    };
    if let Some(path) = std::env::var_os("STORE_BENCH_LOAD_ONLY") {
        let store = Store::open_or_create(std::path::Path::new(&path), || [42u8; 32])?;
        return load(&store);
    }
    let dir = std::env::temp_dir().join(format!("dipl-store-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bench.sqlite");
    let mut store = Store::open_or_create(&path, || [42u8; 32])?;

    let started = Instant::now();
    store.upsert_registry(&registry())?;
    println!(
        "registry: {N_ACCOUNTS} actors in {:.3} s",
        started.elapsed().as_secs_f64()
    );

    // Records are generated chunk by chunk, as an importer streams them; only the store's
    // calls are timed.
    let mut rng = Rng(7);
    let mut timed = std::time::Duration::ZERO;
    let started = Instant::now();
    let mut session = store.session()?;
    let batch = session.begin_batch(&BatchInfo {
        importer_id: "synthetic".into(),
        importer_version: "1".into(),
        source: "store_bench".into(),
        started_at: Timestamp(1_700_000_000),
        content_hash: None,
    })?;
    timed += started.elapsed();
    let subjects = subjects(&mut rng);
    let mut written = 0;
    let mut chunk: Vec<Record> = Vec::with_capacity(CHUNK);
    for record in subjects
        .into_iter()
        .chain((0..n_posts).map(|i| Record::Post(Box::new(post(&mut rng, i)))))
    {
        chunk.push(record);
        if chunk.len() == CHUNK || written + chunk.len() as u64 == n_posts + 2 * N_ACCOUNTS {
            let started = Instant::now();
            session.write(batch, &chunk)?;
            timed += started.elapsed();
            written += chunk.len() as u64;
            chunk.clear();
        }
    }
    let started = Instant::now();
    session.finish_batch(batch, "bench", Timestamp(1_700_000_001))?;
    let writes = timed + started.elapsed();
    session.commit()?;
    let total = timed + started.elapsed();
    let size = std::fs::metadata(&path)?.len()
        + std::fs::metadata(dir.join("bench.sqlite-wal")).map_or(0, |m| m.len());
    println!(
        "write: {n_posts} posts + {N_ACCOUNTS} accounts in {:.2} s = {:.0} posts/s \
         (writes {:.2} s, commit and checkpoint {:.2} s; file {:.0} MiB)",
        total.as_secs_f64(),
        n_posts as f64 / total.as_secs_f64(),
        writes.as_secs_f64(),
        (total - writes).as_secs_f64(),
        size as f64 / 1_048_576.0
    );

    load(&store)?;
    drop(store);
    if std::env::var_os("STORE_BENCH_KEEP").is_some() {
        println!("kept {}", path.display());
    } else {
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}

fn load(store: &Store) -> Result<(), Box<dyn std::error::Error>> {
    for (label, with_symbols) in [
        ("load (no hashtags/mentions)", false),
        ("load (with hashtags+mentions)", true),
    ] {
        let scope = Scope {
            window: Window::ALL,
            platforms: None,
            with_hashtags: with_symbols,
            with_mentions: with_symbols,
            subjects_only: false,
            with_follows: false,
            with_threads: false,
            threads_until: None,
        };
        let started = Instant::now();
        let dataset = store.load_dataset(&scope)?;
        println!(
            "{label}: {} posts, {} accounts, {} symbols in {:.3} s",
            dataset.posts.len(),
            dataset.accounts.len(),
            dataset.symbols.len(),
            started.elapsed().as_secs_f64()
        );
    }
    let started = Instant::now();
    let listing = store.list_actors()?;
    println!(
        "list_actors: {} actors in {:.3} s",
        listing.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

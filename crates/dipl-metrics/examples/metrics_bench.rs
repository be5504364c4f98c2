//! Account, actor and country metrics on a synthetic dataset: 1,000,000 posts over 2,000
//! accounts (200 actors in 50 countries), 10 follower observations per account.
//!
//! Run: `cargo run --release -p dipl-metrics --example metrics_bench [-- N_POSTS]`

use std::time::Instant;

use dipl_metrics::{
    account_metrics, account_table, actor_metrics, country_metrics, hashtags, By, Params,
};
use dipl_model::{
    AccountInfo, Actor, ActorKind, Dataset, FollowerObs, Platform, PostKind, PostRow, Timestamp,
    Window,
};

const N_ACCOUNTS: u32 = 2_000;
const N_ACTORS: u32 = 200;
const COUNTRIES: &[&str] = &[
    "ARG", "AUS", "AUT", "BEL", "BRA", "CAN", "CHE", "CHN", "CZE", "DEU", "DNK", "EGY", "ESP",
    "EST", "FIN", "FRA", "GBR", "GRC", "HUN", "IDN", "IND", "IRL", "ISR", "ITA", "JPN", "KAZ",
    "KEN", "KGZ", "KOR", "LTU", "LVA", "MEX", "NGA", "NLD", "NOR", "NZL", "POL", "PRT", "ROU",
    "RUS", "SAU", "SWE", "TJK", "TKM", "TUR", "UKR", "USA", "UZB", "VNM", "ZAF",
];
/// 2023-01-01T00:00:00Z; posts spread over one year.
const START: i64 = 1_672_531_200;
const YEAR: i64 = 365 * 86_400;

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

    fn counter(&mut self, max: u64) -> Option<u64> {
        (self.below(10) != 0).then(|| self.below(max))
    }
}

fn dataset(n_posts: u64) -> Dataset {
    let mut rng = Rng(42);
    let mut ds = Dataset {
        symbols: (0..50).map(|i| format!("tag{i}")).collect(),
        ..Dataset::default()
    };
    for i in 0..N_ACTORS {
        ds.actors.push(Actor {
            id: format!("A{i:04}"),
            name: format!("Actor {i}"),
            kind: if i % 5 == 0 {
                ActorKind::Mfa
            } else {
                ActorKind::Embassy
            },
            country: COUNTRIES[i as usize % COUNTRIES.len()].to_string(),
            host: None,
            notes: None,
        });
    }
    for i in 0..N_ACCOUNTS {
        ds.accounts.push(AccountInfo {
            platform: Platform::Twitter,
            platform_id: format!("{}", 1_000_000 + i),
            handle: Some(format!("account_{i:04}")),
            display_name: None,
            actor: (i % 10 != 9).then_some(i % N_ACTORS),
            is_subject: true,
            is_pseudonymised: false,
            created_at: None,
            verified: None,
            location: None,
        });
    }
    let per_account = n_posts / u64::from(N_ACCOUNTS);
    for account in 0..N_ACCOUNTS {
        let mut times: Vec<i64> = (0..per_account)
            .map(|_| START + rng.below(YEAR as u64) as i64)
            .collect();
        times.sort_unstable();
        for t in times {
            let kind = match rng.below(10) {
                0..=4 => PostKind::Original,
                5..=6 => PostKind::Reply,
                7 => PostKind::Quote,
                _ => PostKind::Repost,
            };
            let own = kind != PostKind::Repost;
            let start = ds.post_hashtags.len() as u32;
            if own && rng.below(3) == 0 {
                ds.post_hashtags.push(rng.below(50) as u32);
            }
            let end = ds.post_hashtags.len() as u32;
            ds.posts.push(PostRow {
                account,
                created_at: Timestamp(t),
                kind,
                parent_account: (kind == PostKind::Reply).then(|| {
                    if rng.below(3) == 0 {
                        account
                    } else {
                        rng.below(u64::from(N_ACCOUNTS)) as u32
                    }
                }),
                referenced_account: None,
                likes: if own { rng.counter(500) } else { None },
                reposts: if own { rng.counter(100) } else { None },
                replies: if own { rng.counter(50) } else { None },
                quotes: if own { rng.counter(20) } else { None },
                views: None,
                hashtags: start..end,
                mentions: 0..0,
            });
        }
        let base = 1_000 + rng.below(100_000);
        for k in 0..10u64 {
            ds.follower_obs.push(FollowerObs {
                account,
                observed_at: Timestamp(START + (k as i64) * YEAR / 10),
                followers: base + k * rng.below(100),
            });
        }
    }
    ds
}

fn main() {
    let n_posts: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let built = Instant::now();
    let ds = dataset(n_posts);
    eprintln!(
        "built {} posts over {} accounts in {:.2} s",
        ds.posts.len(),
        ds.accounts.len(),
        built.elapsed().as_secs_f64()
    );
    let params = Params::new(Window {
        from: Some(Timestamp(START)),
        to: Some(Timestamp(START + YEAR)),
        as_of: None,
    });
    let time = |label: &str, run: &mut dyn FnMut() -> usize| {
        let started = Instant::now();
        let rows = run();
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{label:<28} {rows:>6} rows  {:>8.3} s  {:>12.0} posts/s",
            seconds,
            ds.posts.len() as f64 / seconds
        );
    };
    time("account table", &mut || {
        account_table(&account_metrics(&ds, &params), &ds)
            .rows
            .len()
    });
    time("actor metrics", &mut || actor_metrics(&ds, &params).len());
    time("country metrics", &mut || {
        country_metrics(&ds, &params).len()
    });
    time("hashtags by country, top 10", &mut || {
        hashtags(&ds, &params, By::Country, 10).len()
    });
}

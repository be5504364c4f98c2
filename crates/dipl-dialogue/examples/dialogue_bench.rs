//! Dialogue metrics at scale: 1,000,000 unit posts and 5,000,000 audience comments (the issue's
//! target: under 5 s on 2 cores), built in memory so that only the metrics are timed.
//!
//! `cargo run --release -p dipl-dialogue --example dialogue_bench -- [posts] [comments]`
//!
//! The synthetic conversation: 2,000 unit accounts (embassies with a host, ministries), 400,000
//! audience accounts; heavy-tailed comments per post; 40 % questions; 12 % of comments answered
//! by the account commented on, 2 minutes to 6 days later, some twice; a few self-replies and
//! replies to missing comments; reposts of audience and unit posts; follow edges.

use std::time::Instant;

use dipl_dialogue::{dialogue, unanswered_questions};
use dipl_metrics::{By, Params};
use dipl_model::{
    AccountInfo, Actor, ActorKind, Dataset, FollowRow, Platform, PostKind, PostRow, ThreadItem,
    Threads, Timestamp, Window, NO_ITEM,
};

/// splitmix64: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const T0: i64 = 1_735_689_600; // 2025-01-01
const YEAR: i64 = 365 * 86_400;
const UNITS: u32 = 2_000;
const AUDIENCE: u32 = 400_000;
const LANGS: [&str; 8] = ["ru", "kk", "en", "de", "fr", "uz", "ky", "es"];

fn account(i: u32, actor: Option<u32>) -> AccountInfo {
    AccountInfo {
        platform: Platform::Facebook,
        platform_id: format!("{i}"),
        handle: Some(if actor.is_some() {
            format!("unit{i:05}")
        } else {
            format!("anon-{i:016x}")
        }),
        display_name: None,
        actor,
        is_subject: actor.is_some(),
        is_pseudonymised: actor.is_none(),
        created_at: None,
        verified: None,
        location: match i % 5 {
            0 => Some("Almaty, Kazakhstan".into()),
            1 => Some("Berlin".into()),
            _ => None,
        },
    }
}

fn build(n_posts: u64, n_comments: u64) -> Dataset {
    let mut rng = Rng(2026);
    let mut ds = Dataset::default();
    for a in 0..UNITS {
        ds.actors.push(Actor {
            id: format!("A{a:05}"),
            name: format!("Actor {a}"),
            kind: if a % 4 == 0 {
                ActorKind::Mfa
            } else {
                ActorKind::Embassy
            },
            country: ["DEU", "FRA", "KAZ", "UZB", "GBR"][a as usize % 5].into(),
            host: (a % 4 != 0).then(|| "KAZ".to_string()),
            notes: None,
        });
        ds.accounts.push(account(a, Some(a)));
    }
    for i in 0..AUDIENCE {
        ds.accounts.push(account(UNITS + i, None));
    }
    let mut threads = Threads {
        loaded: true,
        languages: {
            let mut l: Vec<String> = LANGS.iter().map(|s| s.to_string()).collect();
            l.sort();
            l
        },
        ..Threads::default()
    };
    let lang = |rng: &mut Rng| Some(rng.below(LANGS.len() as u64) as u16);
    // Unit posts, then comments under them, then answers; the items are sorted at the end.
    let mut items: Vec<(ThreadItem, u64)> = Vec::new();
    let per_post = (n_comments / n_posts.max(1)).max(1);
    let mut next_rowid = 1i64;
    let push = |items: &mut Vec<(ThreadItem, u64)>, item: ThreadItem, parent: u64| {
        items.push((item, parent));
        items.len() as u64 - 1
    };
    let mut comments_left = n_comments;
    for p in 0..n_posts {
        let unit = rng.below(UNITS as u64) as u32;
        let t = T0 + rng.below(YEAR as u64) as i64;
        let kind = match rng.below(100) {
            0..=69 => PostKind::Original,
            70..=84 => PostKind::Repost,
            _ => PostKind::Quote,
        };
        let post = ThreadItem {
            post_rowid: next_rowid,
            account: unit,
            created_at: Timestamp(t),
            kind,
            parent: NO_ITEM,
            missing_parent_key: 0,
            parent_account: None,
            referenced_account: (kind != PostKind::Original)
                .then(|| rng.below(UNITS as u64 + AUDIENCE as u64) as u32),
            lang: lang(&mut rng),
            platform_lang: None,
            question: false,
            in_window: true,
            hashtags: (0, 0),
        };
        next_rowid += 1;
        let post_index = push(&mut items, post, u64::MAX);
        ds.posts.push(PostRow {
            account: unit,
            created_at: Timestamp(t),
            kind,
            parent_account: None,
            referenced_account: post.referenced_account,
            likes: Some(rng.below(50)),
            reposts: Some(rng.below(10)),
            replies: Some(0),
            quotes: None,
            views: None,
            hashtags: 0..0,
            mentions: 0..0,
        });
        if kind == PostKind::Repost {
            continue;
        }
        // Heavy tail: most posts get few comments, some many.
        let n = if p + 1 == n_posts {
            comments_left
        } else {
            let r = rng.below(100);
            let n = if r < 60 {
                rng.below(per_post + 1)
            } else if r < 95 {
                per_post + rng.below(per_post * 2)
            } else {
                per_post * 8
            };
            n.min(comments_left)
        };
        comments_left -= n;
        for _ in 0..n {
            let commenter = UNITS + rng.below(AUDIENCE as u64) as u32;
            let ct = t + 60 + rng.below(3 * 86_400) as i64;
            let question = rng.chance(40);
            let comment = ThreadItem {
                post_rowid: next_rowid,
                account: commenter,
                created_at: Timestamp(ct),
                kind: PostKind::Reply,
                parent: NO_ITEM,
                missing_parent_key: 0,
                parent_account: Some(unit),
                referenced_account: None,
                lang: lang(&mut rng),
                platform_lang: None,
                question,
                in_window: true,
                hashtags: (0, 0),
            };
            next_rowid += 1;
            let comment_index = push(&mut items, comment, post_index);
            if rng.chance(12) {
                for _ in 0..(1 + rng.below(10) / 9) {
                    let at = ct + 120 + rng.below(6 * 86_400) as i64;
                    let answer = ThreadItem {
                        post_rowid: next_rowid,
                        account: unit,
                        created_at: Timestamp(at),
                        kind: PostKind::Reply,
                        parent: NO_ITEM,
                        missing_parent_key: 0,
                        parent_account: Some(commenter),
                        referenced_account: None,
                        lang: lang(&mut rng),
                        platform_lang: None,
                        question: false,
                        in_window: true,
                        hashtags: (0, 0),
                    };
                    next_rowid += 1;
                    push(&mut items, answer, comment_index);
                }
            }
        }
    }
    // Sort as the store does and turn parent positions into item indexes.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        (
            items[i].0.account,
            items[i].0.created_at,
            items[i].0.post_rowid,
        )
    });
    let mut position = vec![0u32; items.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new as u32;
    }
    threads.items = order
        .iter()
        .map(|&old| {
            let (mut item, parent) = items[old];
            if parent != u64::MAX {
                item.parent = position[parent as usize];
            }
            item
        })
        .collect();
    ds.threads = threads;
    ds.posts.sort_by_key(|p| (p.account, p.created_at));
    for u in 0..UNITS {
        for _ in 0..50 {
            let f = UNITS + rng.below(AUDIENCE as u64) as u32;
            ds.follows.push(FollowRow {
                follower: f,
                followed: u,
                observed_at: Timestamp(T0),
            });
            if rng.chance(20) {
                ds.follows.push(FollowRow {
                    follower: u,
                    followed: f,
                    observed_at: Timestamp(T0),
                });
            }
        }
    }
    ds.follows.sort();
    ds
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n_posts: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let n_comments: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000_000);
    let started = Instant::now();
    let ds = build(n_posts, n_comments);
    println!(
        "built {} posts, {} thread items ({} accounts) in {:.1} s",
        ds.posts.len(),
        ds.threads.items.len(),
        ds.accounts.len(),
        started.elapsed().as_secs_f64()
    );
    let params = Params::new(Window::ALL);
    for by in [By::Account, By::Actor, By::Country] {
        let started = Instant::now();
        let units = dialogue(&ds, &params, by);
        let secs = started.elapsed().as_secs_f64();
        let comments: u64 = units.iter().map(|u| u.dialogue.audience_comments).sum();
        let answered: u64 = units.iter().map(|u| u.dialogue.answered).sum();
        println!(
            "dialogue --by {:<7} {:>5} units, {comments} audience comments, {answered} answered: {secs:.2} s ({:.0} items/s)",
            by.id(),
            units.len(),
            ds.threads.items.len() as f64 / secs
        );
    }
    let started = Instant::now();
    let list = unanswered_questions(&ds, &params);
    println!(
        "unanswered questions: {} in {:.2} s",
        list.len(),
        started.elapsed().as_secs_f64()
    );
}

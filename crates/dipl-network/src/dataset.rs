//! The codebook's four graphs (§8) from a [`Dataset`]: who follows, mentions, answers and
//! reposts whom.
//!
//! - `follow`: an edge A → B for every distinct follow edge observed at or before the window's
//!   end (weight 1: a tie exists or not);
//! - `mention`: A → B for each mention of B's handle in A's own posts (not reposts) in the
//!   window, weighted by count; a handle is B's when B is an account of the same platform with
//!   that handle (case-insensitive);
//! - `reply`: A → B for each reply of A to a post of B (self-replies, i.e. threads, are
//!   self-loops and dropped);
//! - `repost`: A → B for each repost, quote or forward by A of a post by B.
//!
//! Nodes are accounts. By default only actor accounts (registered, or subjects of an export) are
//! nodes and ties to anyone else are left out; with `include_audience` every account met is a
//! node. With `by_actor`, the accounts of one actor merge into one node (the actor), across
//! platforms, and accounts without an actor stay accounts.

use std::collections::{BTreeMap, HashMap};

use dipl_model::{AccountIdx, Dataset, PostKind, Timestamp, Window};

use crate::graph::{Graph, GraphError};

/// Which graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GraphKind {
    Follow,
    Mention,
    Reply,
    Repost,
}

impl GraphKind {
    pub const ALL: [GraphKind; 4] = [
        GraphKind::Follow,
        GraphKind::Mention,
        GraphKind::Reply,
        GraphKind::Repost,
    ];

    pub fn id(self) -> &'static str {
        match self {
            GraphKind::Follow => "follow",
            GraphKind::Mention => "mention",
            GraphKind::Reply => "reply",
            GraphKind::Repost => "repost",
        }
    }

    pub fn parse(s: &str) -> Option<GraphKind> {
        GraphKind::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// How to build a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    /// Posts created in the window; follow edges observed before its end.
    pub window: Window,
    /// Every account met is a node, not only actor accounts.
    pub include_audience: bool,
    /// One node per actor (accounts of several platforms merged).
    pub by_actor: bool,
}

/// A node of a built graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Account(AccountIdx),
    /// Index into `Dataset::actors`.
    Actor(u32),
}

/// A graph and what its node indexes stand for.
#[derive(Debug, Clone)]
pub struct BuiltGraph {
    pub kind: GraphKind,
    pub graph: Graph,
    /// `nodes[i]` is node `i`, in a stable order (actors by index, then accounts by index).
    pub nodes: Vec<Node>,
}

/// Whether an account is a node by default: registered with an actor, or a subject.
fn is_actor_account(ds: &Dataset, account: AccountIdx) -> bool {
    ds.accounts
        .get(account as usize)
        .is_some_and(|a| a.actor.is_some() || a.is_subject)
}

/// Builds the `kind` graph of `ds`.
pub fn build(ds: &Dataset, kind: GraphKind, opts: &BuildOptions) -> Result<BuiltGraph, GraphError> {
    let mut ties: BTreeMap<(Node, Node), f64> = BTreeMap::new();
    let node_of = |account: AccountIdx| -> Option<Node> {
        if !opts.include_audience && !is_actor_account(ds, account) {
            return None;
        }
        match ds.accounts.get(account as usize)?.actor {
            Some(actor) if opts.by_actor => Some(Node::Actor(actor)),
            _ => Some(Node::Account(account)),
        }
    };
    let mut add = |from: AccountIdx, to: AccountIdx, weight: f64| {
        if let (Some(a), Some(b)) = (node_of(from), node_of(to)) {
            *ties.entry((a, b)).or_insert(0.0) += weight;
        }
    };
    match kind {
        GraphKind::Follow => {
            let mut last: Option<(AccountIdx, AccountIdx)> = None;
            for f in &ds.follows {
                let before_end = opts.window.to.is_none_or(|to| f.observed_at < to);
                // Sorted by (follower, followed, time): each distinct edge once.
                if before_end && last != Some((f.follower, f.followed)) {
                    last = Some((f.follower, f.followed));
                    add(f.follower, f.followed, 1.0);
                }
            }
        }
        GraphKind::Mention => {
            // Handle (case-folded) → account, per platform.
            let mut by_handle: HashMap<(dipl_model::Platform, String), AccountIdx> = HashMap::new();
            for (i, a) in ds.accounts.iter().enumerate() {
                if let Some(handle) = &a.handle {
                    by_handle
                        .entry((a.platform, handle.to_lowercase()))
                        .or_insert(i as AccountIdx);
                }
            }
            for post in posts_in(ds, opts.window) {
                if post.kind == PostKind::Repost {
                    continue;
                }
                let platform = ds.accounts[post.account as usize].platform;
                for handle in ds.mentions_of(post) {
                    if let Some(&to) = by_handle.get(&(platform, handle.to_string())) {
                        add(post.account, to, 1.0);
                    }
                }
            }
        }
        GraphKind::Reply => {
            for post in posts_in(ds, opts.window) {
                if let (PostKind::Reply, Some(to)) = (post.kind, post.parent_account) {
                    add(post.account, to, 1.0);
                }
            }
        }
        GraphKind::Repost => {
            for post in posts_in(ds, opts.window) {
                if let (PostKind::Repost | PostKind::Quote, Some(to)) =
                    (post.kind, post.referenced_account)
                {
                    add(post.account, to, 1.0);
                }
            }
        }
    }
    // Nodes: every actor account (or actor) in scope, even without ties — isolation is a
    // finding — plus whoever the ties name.
    let mut nodes: Vec<Node> = Vec::new();
    for i in 0..ds.accounts.len() as AccountIdx {
        if is_actor_account(ds, i) {
            if let Some(node) = node_of(i) {
                nodes.push(node);
            }
        }
    }
    for (a, b) in ties.keys() {
        nodes.push(*a);
        nodes.push(*b);
    }
    nodes.sort_unstable();
    nodes.dedup();
    let index: HashMap<Node, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges = ties
        .into_iter()
        .map(|((a, b), w)| (index[&a], index[&b], w));
    let graph = Graph::from_edges(nodes.len(), edges)?;
    Ok(BuiltGraph { kind, graph, nodes })
}

fn posts_in(ds: &Dataset, window: Window) -> impl Iterator<Item = &dipl_model::PostRow> {
    ds.posts
        .iter()
        .filter(move |p| window.contains(p.created_at))
}

pub use dipl_model::{periods, Every, Period};

/// The earliest and latest times of the data (posts and follow observations).
pub fn time_range(ds: &Dataset) -> Option<(Timestamp, Timestamp)> {
    let posts = ds.posts.iter().map(|p| p.created_at);
    let follows = ds.follows.iter().map(|f| f.observed_at);
    let times: Vec<Timestamp> = posts.chain(follows).collect();
    Some((*times.iter().min()?, *times.iter().max()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dipl_model::{AccountInfo, Actor, ActorKind, FollowRow, Platform, PostRow};

    fn account(platform: Platform, handle: &str, actor: Option<u32>, subject: bool) -> AccountInfo {
        AccountInfo {
            platform,
            platform_id: format!("id-{handle}"),
            handle: Some(handle.into()),
            display_name: None,
            actor,
            is_subject: subject,
            is_pseudonymised: !subject && actor.is_none(),
            created_at: None,
            verified: None,
            location: None,
        }
    }

    fn post(
        account: u32,
        t: i64,
        kind: PostKind,
        parent: Option<u32>,
        referenced: Option<u32>,
    ) -> PostRow {
        PostRow {
            account,
            created_at: Timestamp(t),
            kind,
            parent_account: parent,
            referenced_account: referenced,
            likes: None,
            reposts: None,
            replies: None,
            quotes: None,
            views: None,
            hashtags: 0..0,
            mentions: 0..0,
        }
    }

    /// Accounts: 0 MFA on X, 1 MFA on Telegram (same actor), 2 embassy on X, 3 a citizen,
    /// 4 an unregistered subject on X.
    fn dataset() -> Dataset {
        let actor = |id: &str| Actor {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Mfa,
            country: "KAZ".into(),
            host: None,
            notes: None,
        };
        let mut posts = vec![
            post(0, 10, PostKind::Reply, Some(2), None), // MFA answers the embassy
            post(0, 11, PostKind::Reply, Some(2), None), // twice
            post(0, 12, PostKind::Reply, Some(0), None), // a thread: self-loop, dropped
            post(2, 13, PostKind::Repost, None, Some(0)), // embassy reposts the MFA
            post(2, 14, PostKind::Quote, None, Some(4)), // and quotes the subject
            post(3, 15, PostKind::Reply, Some(0), None), // the citizen comments
            post(1, 16, PostKind::Original, None, None),
            post(2, 99, PostKind::Repost, None, Some(0)), // outside the window
        ];
        // On Telegram the MFA mentions @EmbKZ (an X handle) and an unknown handle; on X it
        // mentions @EmbKZ (case-folded, as the dataset stores mentions).
        posts[6].mentions = 0..2;
        posts[0].mentions = 2..3;
        Dataset {
            actors: vec![actor("EMB"), actor("MFA")],
            accounts: vec![
                account(Platform::Twitter, "MFA", Some(1), true),
                account(Platform::Telegram, "mfa_tg", Some(1), true),
                account(Platform::Twitter, "EmbKZ", Some(0), true),
                account(Platform::Twitter, "citizen", None, false),
                account(Platform::Twitter, "subject", None, true),
            ],
            posts,
            follows: vec![
                FollowRow {
                    follower: 0,
                    followed: 2,
                    observed_at: Timestamp(5),
                },
                FollowRow {
                    follower: 0,
                    followed: 2,
                    observed_at: Timestamp(6),
                },
                FollowRow {
                    follower: 2,
                    followed: 0,
                    observed_at: Timestamp(5),
                },
                FollowRow {
                    follower: 3,
                    followed: 0,
                    observed_at: Timestamp(5),
                },
                FollowRow {
                    follower: 4,
                    followed: 0,
                    observed_at: Timestamp(50),
                },
            ],
            symbols: vec!["embkz".into(), "nobody".into()],
            post_mentions: vec![0, 1, 0],
            ..Dataset::default()
        }
    }

    fn edges(b: &BuiltGraph) -> Vec<(Node, Node, f64)> {
        b.graph
            .edges()
            .map(|(s, t, w)| (b.nodes[s], b.nodes[t], w))
            .collect()
    }

    fn opts(include_audience: bool, by_actor: bool) -> BuildOptions {
        BuildOptions {
            window: Window {
                from: None,
                to: Some(Timestamp(20)),
                as_of: None,
            },
            include_audience,
            by_actor,
        }
    }

    use Node::{Account as A, Actor as Ac};

    #[test]
    fn the_four_graphs_of_actor_accounts() {
        let ds = dataset();
        let reply = build(&ds, GraphKind::Reply, &opts(false, false)).unwrap();
        // Actor accounts 0, 1, 2, 4 are nodes even without ties; the citizen is not.
        assert_eq!(reply.nodes, [A(0), A(1), A(2), A(4)]);
        assert_eq!(edges(&reply), [(A(0), A(2), 2.0)]);
        assert_eq!(reply.graph.self_loops_dropped(), 1);
        let repost = build(&ds, GraphKind::Repost, &opts(false, false)).unwrap();
        assert_eq!(edges(&repost), [(A(2), A(0), 1.0), (A(2), A(4), 1.0)]);
        let mention = build(&ds, GraphKind::Mention, &opts(false, false)).unwrap();
        // @embkz is the X embassy: a tie from the X post only, not from the Telegram one.
        assert_eq!(edges(&mention), [(A(0), A(2), 1.0)]);
        // Follow edges observed before the window's end, each once.
        let follow = build(&ds, GraphKind::Follow, &opts(false, false)).unwrap();
        assert_eq!(edges(&follow), [(A(0), A(2), 1.0), (A(2), A(0), 1.0)]);
    }

    #[test]
    fn calendar_periods() {
        let t = |y, m, d| Timestamp::from_ymd_hms(y, m, d, 0, 0, 0).unwrap();
        let labels = |ps: Vec<Period>| ps.into_iter().map(|p| p.label).collect::<Vec<_>>();
        assert_eq!(
            labels(periods(t(2024, 11, 15), t(2025, 2, 1), Every::Month)),
            ["2024-11", "2024-12", "2025-01"]
        );
        let q = periods(t(2024, 11, 15), t(2025, 4, 2), Every::Quarter);
        assert_eq!(labels(q.clone()), ["2024-Q4", "2025-Q1", "2025-Q2"]);
        assert_eq!((q[1].start, q[1].end), (t(2025, 1, 1), t(2025, 4, 1)));
        assert_eq!(
            labels(periods(t(2023, 6, 1), t(2025, 1, 1), Every::Year)),
            ["2023", "2024"]
        );
        assert!(periods(t(2025, 1, 1), t(2025, 1, 1), Every::Month).is_empty());
    }

    #[test]
    fn audience_and_actor_level() {
        let ds = dataset();
        let reply = build(&ds, GraphKind::Reply, &opts(true, false)).unwrap();
        assert_eq!(edges(&reply), [(A(0), A(2), 2.0), (A(3), A(0), 1.0)]);
        // By actor: the MFA's X and Telegram accounts are one node; accounts without an actor
        // stay accounts.
        let follow = build(&ds, GraphKind::Follow, &opts(true, true)).unwrap();
        assert_eq!(follow.nodes, [A(3), A(4), Ac(0), Ac(1)]);
        assert_eq!(
            edges(&follow),
            [(A(3), Ac(1), 1.0), (Ac(0), Ac(1), 1.0), (Ac(1), Ac(0), 1.0)]
        );
    }
}

//! Builds the report from a dataset: an opening summary in plain words, then activity,
//! engagement, conversation, actors, countries, hashtags and mentions, each a table (and a chart
//! where a picture reads faster), then dialogue with the public (answered comments, response
//! times, concentration, languages, local reach), then the network of the actor accounts (the follow graph, or
//! the reply graph when the data has no follow edges), closing with the definitions of every
//! figure shown.
//!
//! Every sentence is computed from the same metric values the tables show; nothing is rounded
//! before it is compared.

use std::collections::BTreeMap;

use dipl_metrics::{
    account_metrics, account_table, actor_metrics, actor_table, catalog, country_metrics,
    country_table, hashtag_table, hashtags, mention_table, mentions, AccountMetrics, By, Group,
    Params, Status, Table, Value,
};
use dipl_model::Dataset;
use dipl_network::dataset::{build, BuildOptions, BuiltGraph, GraphKind, Node};
use dipl_network::{analyse, Analysis, Graph, Options};

use crate::chart::BarChart;
use crate::document::{Block, Report, Section};
use crate::network_chart::{NetworkChart, NetworkNode};

/// A report and the full tables written beside it (`name` → table, e.g. `accounts`).
pub struct BuiltReport {
    pub report: Report,
    pub tables: Vec<(String, Table)>,
}

/// Keeps the named columns (in this order) of a table; unknown names are ignored.
pub fn select(table: &Table, columns: &[&str]) -> Table {
    let indices: Vec<usize> = columns.iter().filter_map(|c| table.column(c)).collect();
    Table {
        columns: indices.iter().map(|&i| table.columns[i].clone()).collect(),
        rows: table
            .rows
            .iter()
            .map(|row| indices.iter().map(|&i| row[i].clone()).collect())
            .collect(),
    }
}

/// `1 account`, `2 accounts`, `3 countries`.
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_for(n as u64, noun))
}

/// The noun for `n` things: `account` for one, `accounts`, `countries` for more.
pub(crate) fn noun_for(n: u64, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

/// The account with the largest value (ties: the earlier account), if any has one.
fn top_by(
    accounts: &[AccountMetrics],
    value: impl Fn(&dipl_metrics::Metrics) -> Option<f64>,
) -> Option<(f64, &AccountMetrics)> {
    accounts
        .iter()
        .filter_map(|m| value(&m.metrics).map(|v| (v, m)))
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| b.1.account.cmp(&a.1.account))
        })
}

pub(crate) fn percent(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

fn account_label(dataset: &Dataset, m: &AccountMetrics) -> String {
    let info = &dataset.accounts[m.account as usize];
    match &info.handle {
        Some(handle) => format!("@{handle} ({})", info.platform),
        None => format!("{} ({})", info.platform_id, info.platform),
    }
}

fn short_label(dataset: &Dataset, m: &AccountMetrics) -> String {
    let info = &dataset.accounts[m.account as usize];
    info.handle
        .as_ref()
        .map_or_else(|| info.platform_id.clone(), |h| format!("@{h}"))
}

/// One row per actor (in actor order) with its top items joined: compact for reading.
fn top_per_actor(
    dataset: &Dataset,
    column: &str,
    items: impl Iterator<Item = (Group, String)>,
) -> Table {
    let mut joined: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for (group, item) in items {
        if let Group::Actor(actor) = group {
            joined.entry(actor).or_default().push(item);
        }
    }
    Table {
        columns: vec!["actor".into(), "name".into(), column.into()],
        rows: joined
            .into_iter()
            .map(|(actor, items)| {
                let actor = &dataset.actors[actor as usize];
                vec![
                    Value::Text(actor.id.clone()),
                    Value::Text(actor.name.clone()),
                    Value::Text(items.join(", ")),
                ]
            })
            .collect(),
    }
}

/// Builds the report of `dataset` under `params`.
pub fn build_report(dataset: &Dataset, params: &Params, title: Option<&str>) -> BuiltReport {
    let reference = params.resolve(dataset);
    let accounts = account_metrics(dataset, params);
    let actors = actor_metrics(dataset, params);
    let countries = country_metrics(dataset, params);
    let accounts_full = account_table(&accounts, dataset);
    let actors_full = actor_table(&actors, dataset);
    let countries_full = country_table(&countries, dataset);
    let tag_counts = hashtags(dataset, params, By::Account, 0);
    let hashtags_by_actor = top_per_actor(
        dataset,
        "top_hashtags",
        hashtags(dataset, params, By::Actor, 5)
            .into_iter()
            .map(|c| (c.group, format!("#{} ({})", c.tag, c.count))),
    );
    let hashtags_by_account = hashtag_table(&tag_counts, By::Account, dataset);
    let mentions_by_actor = top_per_actor(
        dataset,
        "top_mentions",
        mentions(dataset, params, By::Actor, 5)
            .into_iter()
            .map(|c| (c.group, format!("@{} ({})", c.handle, c.count))),
    );
    let mentions_by_account = mention_table(
        &mentions(dataset, params, By::Account, 0),
        By::Account,
        dataset,
    );

    // Accounts in table order (platform, case-folded handle, id), for charts.
    let mut ordered: Vec<&AccountMetrics> = accounts.iter().collect();
    ordered.sort_by_key(|m| {
        let info = &dataset.accounts[m.account as usize];
        (
            info.platform,
            info.handle.as_ref().map(|h| h.to_lowercase()),
            info.platform_id.clone(),
        )
    });

    let total_posts: u64 = accounts.iter().map(|m| m.metrics.posts).sum();
    let total_replies_to_audience: u64 =
        accounts.iter().map(|m| m.metrics.replies_to_audience).sum();
    let n_countries = {
        let mut c: Vec<&str> = dataset.actors.iter().map(|a| a.country.as_str()).collect();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    let first = accounts.iter().filter_map(|m| m.metrics.first_post).min();
    let last = accounts.iter().filter_map(|m| m.metrics.last_post).max();

    let mut summary = Vec::new();
    let registered = accounts
        .iter()
        .filter(|m| dataset.accounts[m.account as usize].actor.is_some())
        .count();
    let who = format!(
        "{} ({} linked to {} from {})",
        plural(accounts.len(), "account"),
        registered,
        plural(dataset.actors.len(), "registered actor"),
        plural(n_countries, "country")
    );
    match (first, last) {
        (Some(first), Some(last)) => summary.push(format!(
            "{who} published {} between {} and {}.",
            plural(total_posts as usize, "post"),
            first.to_date_string(),
            last.to_date_string()
        )),
        _ => summary.push(format!("{who} are in scope; none posted in the window.")),
    }
    let count_status = |s: Status| accounts.iter().filter(|m| m.metrics.status == s).count();
    if let Some(as_of) = reference.as_of {
        summary.push(format!(
            "As of {}: {} active (posted in the last 30 days), {} dormant and {} inactive.",
            as_of.to_date_string(),
            plural(count_status(Status::Active), "account"),
            count_status(Status::Dormant),
            count_status(Status::Inactive)
        ));
    }
    if let Some((value, m)) = top_by(&accounts, |m| m.posts_per_day.value()) {
        summary.push(format!(
            "The most active account is {} with {value:.1} posts per day.",
            account_label(dataset, m)
        ));
    }
    if let Some((value, m)) = top_by(&accounts, |m| m.median_interactions) {
        summary.push(format!(
            "The highest median engagement is that of {}: {value:.0} interactions on a typical own post.",
            account_label(dataset, m)
        ));
    }
    if total_posts > 0 {
        let share = total_replies_to_audience as f64 / total_posts as f64;
        let silent = accounts
            .iter()
            .filter(|m| m.metrics.posts > 0 && m.metrics.replies_to_audience == 0)
            .count();
        let mut sentence = format!("Replies to others make up {} of all posts", percent(share));
        if share < 0.2 {
            sentence.push_str(": these accounts mostly broadcast");
        }
        if silent > 0 {
            sentence.push_str(&format!(
                "; {silent} of the accounts that posted never replied to anyone."
            ));
        } else {
            sentence.push('.');
        }
        summary.push(sentence);
        // Accounts with fewer than 10 posts are left out: one reply in two posts says little.
        if let Some((value, m)) = top_by(&accounts, |m| {
            (m.posts >= 10)
                .then(|| m.conversational_share.value())
                .flatten()
        }) {
            summary.push(format!(
                "The most conversational account is {} ({} of its posts are replies to others).",
                account_label(dataset, m),
                percent(value)
            ));
        }
    }
    let mut overall: BTreeMap<&str, u64> = BTreeMap::new();
    for c in &tag_counts {
        *overall.entry(c.tag.as_str()).or_default() += c.count;
    }
    let mut overall: Vec<(&str, u64)> = overall.into_iter().collect();
    overall.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !overall.is_empty() {
        summary.push(format!(
            "Top hashtags: {}.",
            overall
                .iter()
                .take(5)
                .map(|(t, n)| format!("#{t} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }

    // Handles repeat across platforms (an actor's X and Telegram accounts): name the platform
    // when there is more than one.
    let several_platforms = ordered.iter().any(|m| {
        dataset.accounts[m.account as usize].platform
            != dataset.accounts[ordered[0].account as usize].platform
    });
    let labels: Vec<String> = ordered
        .iter()
        .map(|m| {
            if several_platforms {
                account_label(dataset, m)
            } else {
                short_label(dataset, m)
            }
        })
        .collect();
    let series =
        |f: &dyn Fn(&AccountMetrics) -> f64| -> Vec<f64> { ordered.iter().map(|m| f(m)).collect() };

    let activity = Section {
        id: "activity".into(),
        title: "Activity and up-to-dateness".into(),
        blocks: vec![
            Block::Paragraph("Posts by kind per account (repost > reply > quote > original), how often and how recently each account posts, and its longest silence. Status: active = posted in the 30 days before the reference date; dormant = posted in the window but not in those 30 days; inactive = no post in the window.".into()),
            Block::Chart(BarChart {
                title: "Posts per account by kind".into(),
                categories: labels.clone(),
                series: vec![
                    ("originals".into(), series(&|m| m.metrics.originals as f64)),
                    ("replies".into(), series(&|m| m.metrics.replies as f64)),
                    ("quotes".into(), series(&|m| m.metrics.quotes as f64)),
                    ("reposts".into(), series(&|m| m.metrics.reposts as f64)),
                ],
                unit: "posts in the window".into(),
                end_labels: Vec::new(),
            }),
            Block::Table {
                caption: "Accounts: activity".into(),
                table: select(&accounts_full, &[
                    "platform", "handle", "actor", "country", "posts", "own_posts", "originals",
                    "replies", "replies_to_audience", "reposts", "quotes", "active_days",
                    "posts_per_day", "days_since_last_post", "longest_silence_days", "status",
                ]),
            },
        ],
    };
    let engagement = Section {
        id: "engagement".into(),
        title: "Audience and engagement".into(),
        blocks: vec![
            Block::Paragraph("Interactions of a post = likes + reposts + replies + quotes, as far as the platform provides each; counted on own posts only (the engagement of a repost belongs to the reposted post). n/a means the data does not provide the figure, never zero.".into()),
            Block::Chart(BarChart {
                title: "Median interactions per own post".into(),
                categories: labels.clone(),
                series: vec![(
                    "median interactions".into(),
                    series(&|m| m.metrics.median_interactions.unwrap_or(0.0)),
                )],
                unit: "interactions (median over own posts)".into(),
                end_labels: Vec::new(),
            }),
            Block::Table {
                caption: "Accounts: audience and engagement".into(),
                table: select(&accounts_full, &[
                    "platform", "handle", "actor", "followers", "follower_growth_weekly",
                    "interactions_per_post", "median_interactions", "q1", "q3", "trimmed_mean",
                    "reposts_per_original", "interaction_rate", "likes", "reposts_received",
                    "replies_received", "quotes_received", "views", "view_rate",
                ]),
            },
        ],
    };
    let conversation = Section {
        id: "conversation".into(),
        title: "Broadcast or conversation".into(),
        blocks: vec![
            Block::Paragraph("Does the account talk with others or only broadcast? conversational_share = replies to others / posts (Twiplomacy); responsiveness = replies to others / originals (GSMI); contribution = originals / posts (GSMI). Self-replies (threads) are not counted as replies to others.".into()),
            Block::Chart(BarChart {
                title: "Conversational share (replies to others / posts)".into(),
                categories: labels,
                series: vec![(
                    "conversational share".into(),
                    series(&|m| m.metrics.conversational_share.value().unwrap_or(0.0)),
                )],
                unit: "share of posts".into(),
                end_labels: Vec::new(),
            }),
            Block::Table {
                caption: "Accounts: conversation".into(),
                table: select(&accounts_full, &[
                    "platform", "handle", "actor", "posts", "originals", "replies_to_audience",
                    "conversational_share", "responsiveness", "contribution",
                ]),
            },
        ],
    };
    let actors_section = Section {
        id: "actors".into(),
        title: "Actors and countries".into(),
        blocks: vec![
            Block::Paragraph("Actor and country figures pool the posts of all their accounts on the platforms in scope; followers are summed over accounts.".into()),
            Block::Table {
                caption: "Actors".into(),
                table: select(&actors_full, &[
                    "actor", "name", "kind", "country", "host", "n_accounts", "platforms", "posts",
                    "originals", "replies_to_audience", "posts_per_day", "days_since_last_post",
                    "status", "followers", "interactions_per_post", "median_interactions",
                    "conversational_share",
                ]),
            },
            Block::Table {
                caption: "Countries (sending)".into(),
                table: select(&countries_full, &[
                    "country", "n_actors", "n_accounts", "platforms", "posts", "originals",
                    "replies_to_audience", "posts_per_day", "status", "followers",
                    "interactions_per_post", "median_interactions", "conversational_share",
                ]),
            },
        ],
    };
    let top_overall = Table {
        columns: vec!["hashtag".into(), "posts".into()],
        rows: overall
            .iter()
            .take(20)
            .map(|(t, n)| vec![Value::Text(format!("#{t}")), Value::Int(*n as i64)])
            .collect(),
    };
    let mut tag_blocks = vec![Block::Chart(BarChart {
        title: "Top hashtags over all own posts".into(),
        categories: overall
            .iter()
            .take(15)
            .map(|(t, _)| format!("#{t}"))
            .collect(),
        series: vec![(
            "own posts".into(),
            overall.iter().take(15).map(|(_, n)| *n as f64).collect(),
        )],
        unit: "own posts using the hashtag (case-folded)".into(),
        end_labels: Vec::new(),
    })];
    tag_blocks.push(Block::Table {
        caption: "Top 5 hashtags per actor".into(),
        table: hashtags_by_actor,
    });
    tag_blocks.push(Block::Table {
        caption: "Top 5 mentioned accounts per actor (audience accounts pseudonymised)".into(),
        table: mentions_by_actor,
    });
    let tags_section = Section {
        id: "hashtags".into(),
        title: "Hashtags and mentions".into(),
        blocks: tag_blocks,
    };

    let shown: Vec<&str> = vec![
        "posts",
        "own_posts",
        "originals",
        "replies",
        "replies_to_audience",
        "reposts",
        "quotes",
        "active_days",
        "posts_per_day",
        "days_since_last_post",
        "longest_silence_days",
        "status",
        "followers",
        "follower_growth_weekly",
        "interactions_per_post",
        "median_interactions",
        "q1",
        "q3",
        "trimmed_mean",
        "reposts_per_original",
        "interaction_rate",
        "conversational_share",
        "responsiveness",
        "contribution",
    ];
    let shown: Vec<&str> = shown
        .into_iter()
        .chain(crate::dialogue_section::SHOWN.iter().copied())
        .collect();
    let (dialogue, dialogue_summary, dialogue_tables) =
        crate::dialogue_section::dialogue_section(dataset, params);
    summary.extend(dialogue_summary);
    let mut notes: Vec<String> = catalog()
        .iter()
        .filter(|d| shown.contains(&d.id))
        .map(|d| format!("{} — {}: {} ({})", d.id, d.title, d.definition, d.source))
        .collect();
    notes.push("Figures a platform or export does not provide are n/a, never zero; ratios whose denominator is zero are n/a.".into());
    notes.push("Accounts that appear only as repliers, commenters, mentioned or reposted accounts are pseudonymised (anon-…) unless the workspace keeps audience identities.".into());

    let window_text = match (params.window.from, params.window.to) {
        (None, None) => "all posts in the store".to_string(),
        (from, to) => format!(
            "posts from {} to {} (exclusive)",
            from.map_or("the first post".into(), |t| t.to_date_string()),
            to.map_or("the last post".into(), |t| t.to_date_string())
        ),
    };
    let platforms: Vec<String> = {
        let mut p: Vec<String> = accounts
            .iter()
            .map(|m| {
                dataset.accounts[m.account as usize]
                    .platform
                    .id()
                    .to_string()
            })
            .collect();
        p.sort();
        p.dedup();
        p
    };
    let subtitle = format!(
        "{window_text}; reference date {}; platforms: {}",
        reference.as_of.map_or("n/a".into(), |t| t.to_date_string()),
        if platforms.is_empty() {
            "none".to_string()
        } else {
            platforms.join(", ")
        }
    );

    BuiltReport {
        report: Report {
            title: title.unwrap_or("Digital diplomacy assessment").to_string(),
            subtitle,
            summary,
            sections: vec![
                activity,
                engagement,
                conversation,
                actors_section,
                tags_section,
                dialogue,
                network_section(dataset, params),
            ],
            notes,
        },
        tables: vec![
            ("accounts".into(), accounts_full),
            ("actors".into(), actors_full),
            ("countries".into(), countries_full),
            ("hashtags_by_account".into(), hashtags_by_account),
            ("hashtags_overall".into(), top_overall),
            ("mentions_by_account".into(), mentions_by_account),
        ]
        .into_iter()
        .chain(dialogue_tables)
        .collect(),
    }
}

/// Rows of the best-connected table in the report.
const BEST_CONNECTED_ROWS: usize = 15;

/// The graph restricted to the nodes on the platforms in scope (node order kept).
fn in_scope(dataset: &Dataset, params: &Params, built: BuiltGraph) -> BuiltGraph {
    let keep = |node: &Node| match node {
        Node::Account(a) => dataset
            .accounts
            .get(*a as usize)
            .is_some_and(|info| params.includes(info.platform)),
        Node::Actor(_) => true,
    };
    if built.nodes.iter().all(keep) {
        return built;
    }
    let mut index = vec![usize::MAX; built.nodes.len()];
    let mut nodes = Vec::new();
    for (i, node) in built.nodes.iter().enumerate() {
        if keep(node) {
            index[i] = nodes.len();
            nodes.push(*node);
        }
    }
    let edges: Vec<(usize, usize, f64)> = built
        .graph
        .edges()
        .filter(|&(a, b, _)| index[a] != usize::MAX && index[b] != usize::MAX)
        .map(|(a, b, w)| (index[a], index[b], w))
        .collect();
    match Graph::from_edges(nodes.len(), edges) {
        Ok(graph) => BuiltGraph {
            kind: built.kind,
            graph,
            nodes,
        },
        // Fewer nodes than before: cannot fail; keep the unfiltered graph if it did.
        Err(_) => built,
    }
}

/// `platform, handle, actor, country` of a node (`@handle`, or the platform id without one).
fn node_identity(dataset: &Dataset, node: Node) -> [Value; 4] {
    match node {
        Node::Account(a) => {
            let Some(info) = dataset.accounts.get(a as usize) else {
                return [Value::Null, Value::Null, Value::Null, Value::Null];
            };
            let actor = info.actor.and_then(|i| dataset.actors.get(i as usize));
            [
                Value::from(info.platform.id()),
                Value::Text(
                    info.handle
                        .as_ref()
                        .map_or_else(|| info.platform_id.clone(), |h| format!("@{h}")),
                ),
                Value::from(actor.map(|a| a.id.as_str())),
                Value::from(actor.map(|a| a.country.as_str())),
            ]
        }
        Node::Actor(i) => {
            let actor = dataset.actors.get(i as usize);
            [
                Value::Null,
                Value::Null,
                Value::from(actor.map(|a| a.id.as_str())),
                Value::from(actor.map(|a| a.country.as_str())),
            ]
        }
    }
}

/// A short name of a node for sentences and the drawing.
fn node_label(dataset: &Dataset, node: Node) -> String {
    match node_identity(dataset, node) {
        [_, Value::Text(handle), ..] => handle,
        [_, _, Value::Text(actor), _] => actor,
        _ => "?".into(),
    }
}

fn best_connected_table(dataset: &Dataset, built: &BuiltGraph, analysis: &Analysis) -> Table {
    let columns = [
        "rank",
        "platform",
        "handle",
        "actor",
        "country",
        "mutual",
        "one_way_in",
        "one_way_out",
    ]
    .map(str::to_string)
    .to_vec();
    let rows = dipl_network::best_connected_order(&analysis.nodes)
        .into_iter()
        .take(BEST_CONNECTED_ROWS)
        .enumerate()
        .map(|(rank, i)| {
            let m = &analysis.nodes[i];
            let mut row = vec![Value::from(rank as u64 + 1)];
            row.extend(node_identity(dataset, built.nodes[i]));
            row.extend([
                Value::from(u64::from(m.mutual)),
                Value::from(u64::from(m.one_way_in)),
                Value::from(u64::from(m.one_way_out)),
            ]);
            row
        })
        .collect();
    Table { columns, rows }
}

/// The "Networks" section: the follow graph of the actor accounts when the data has follow
/// edges, else their reply graph; a paragraph of its figures, the drawing and the
/// best-connected table. Without ties, one sentence.
fn network_section(dataset: &Dataset, params: &Params) -> Section {
    let kind = if dataset.follows.is_empty() {
        GraphKind::Reply
    } else {
        GraphKind::Follow
    };
    let what = match kind {
        GraphKind::Follow => "follow graph (A → B: account A follows account B)",
        _ => "reply graph (A → B: account A replied to a post of account B in the window; the data has no follow edges)",
    };
    let section = |blocks| Section {
        id: "networks".into(),
        title: "Networks".into(),
        blocks,
    };
    let options = BuildOptions {
        window: params.window,
        include_audience: false,
        by_actor: false,
    };
    let built = match build(dataset, kind, &options) {
        Ok(built) => in_scope(dataset, params, built),
        Err(e) => {
            return section(vec![Block::Paragraph(format!(
                "The {} of the actor accounts could not be built: {e}.",
                kind.id()
            ))])
        }
    };
    let n = built.graph.node_count();
    let m = built.graph.edge_count();
    if m == 0 {
        return section(vec![Block::Paragraph(format!(
            "There are no ties between the {} in the {what}.",
            plural(n, "actor account")
        ))]);
    }
    let analysis = analyse(&built.graph, &Options::default());
    let g = &analysis.graph;

    let mut text = format!(
        "The {what} links {} by {} (density {:.1} %).",
        plural(n, "actor account"),
        plural(m, "directed tie"),
        g.density * 100.0
    );
    if let Some(r) = g.reciprocity {
        text.push_str(&format!(
            " {} of the ties are returned (reciprocity).",
            percent(r)
        ));
    }
    let isolated = analysis
        .nodes
        .iter()
        .filter(|v| v.in_degree == 0 && v.out_degree == 0)
        .count();
    if isolated > 0 {
        text.push_str(&format!(
            " {} no tie at all.",
            if isolated == 1 {
                "1 account has".to_string()
            } else {
                format!("{isolated} accounts have")
            }
        ));
    }
    let mut sizes = vec![0usize; g.communities];
    for v in &analysis.nodes {
        if let Some(s) = sizes.get_mut(v.community) {
            *s += 1;
        }
    }
    // Communities of one node are isolated accounts or loose ends, not groups.
    let groups = sizes.iter().filter(|&&s| s > 1).count();
    match (groups, sizes.first()) {
        (0, _) | (_, None) => {
            text.push_str(" The Louvain method finds no group of accounts tied more to each other than to the rest.")
        }
        (groups, Some(largest)) => text.push_str(&format!(
            " The Louvain method finds {} of two or more accounts{}; {} {} accounts.",
            plural(groups, "community"),
            g.modularity
                .map_or(String::new(), |q| format!(" (modularity {q:.2})")),
            if groups == 1 { "it has" } else { "the largest has" },
            largest
        )),
    }
    let order = dipl_network::best_connected_order(&analysis.nodes);
    if let Some(&best) = order.first() {
        let v = &analysis.nodes[best];
        if v.mutual > 0 {
            text.push_str(&format!(
                " The best connected is {} with {} ({} one-way in, {} one-way out).",
                node_label(dataset, built.nodes[best]),
                plural(v.mutual as usize, "mutual tie"),
                v.one_way_in,
                v.one_way_out
            ));
        } else {
            text.push_str(&format!(
                " No tie is returned; the account with the most ties in is {} ({}).",
                node_label(dataset, built.nodes[best]),
                v.one_way_in
            ));
        }
    }

    let nodes = analysis
        .nodes
        .iter()
        .zip(&built.nodes)
        .map(|(v, &node)| NetworkNode {
            label: node_label(dataset, node),
            score: v.pagerank.unwrap_or(v.in_degree as f64),
            community: v.community,
        })
        .collect();
    let chart = NetworkChart::new(
        format!("The {} graph of the actor accounts", kind.id()),
        nodes,
        built.graph.edges(),
    );
    section(vec![
        Block::Paragraph(text),
        Block::Network(chart),
        Block::Table {
            caption: format!(
                "Best connected in the {} graph: mutual ties, then one-way ties in (top {BEST_CONNECTED_ROWS})",
                kind.id()
            ),
            table: best_connected_table(dataset, &built, &analysis),
        },
    ])
}

//! The generic output table: named columns (codebook ids), rows of typed cells.
//!
//! Identifying columns come first (`platform`, `account_id`, `handle`, `actor`, `country` for
//! accounts; `actor`, `name`, `country`, `kind`, `host` for actors; `country`, `name` for
//! countries), then the metric ids in codebook order ([`metric_ids`]). Cells are not rounded;
//! rendering (CSV, JSON, text, HTML) is the report's business. Ratios with a zero denominator and
//! unavailable figures are [`Value::Null`]; timestamps are RFC 3339 text.

use dipl_model::{country_name, AccountIdx, Dataset, Ratio, Timestamp};

use crate::metrics::Metrics;
use crate::tags::{By, Group, MentionCount, TagCount};
use crate::units::{account_order, AccountMetrics, ActorMetrics, CountryMetrics};

/// One cell.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Value {
    /// Not available (n/a).
    Null,
    Int(i64),
    Float(f64),
    Text(String),
}

impl From<u64> for Value {
    fn from(v: u64) -> Self {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<Option<u64>> for Value {
    fn from(v: Option<u64>) -> Self {
        v.map_or(Value::Null, Value::from)
    }
}

impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Self {
        match v {
            Some(v) if v.is_finite() => Value::Float(v),
            _ => Value::Null,
        }
    }
}

impl From<Ratio> for Value {
    fn from(r: Ratio) -> Self {
        Value::from(r.value())
    }
}

impl From<Option<Timestamp>> for Value {
    fn from(t: Option<Timestamp>) -> Self {
        t.map_or(Value::Null, |t| Value::Text(t.to_rfc3339()))
    }
}

impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Self {
        s.map_or(Value::Null, |s| Value::Text(s.to_string()))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}

/// Columns and rows; every row has one cell per column.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn with_columns<'a>(columns: impl IntoIterator<Item = &'a str>) -> Table {
        Table {
            columns: columns.into_iter().map(str::to_string).collect(),
            rows: Vec::new(),
        }
    }

    /// The position of a column.
    pub fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == id)
    }

    /// The cell of `row` in column `id`.
    pub fn cell(&self, row: usize, id: &str) -> Option<&Value> {
        self.rows.get(row)?.get(self.column(id)?)
    }
}

type Getter = fn(&Metrics) -> Value;

/// The metric columns in codebook order, with how each is read from [`Metrics`].
const METRIC_COLUMNS: &[(&str, Getter)] = &[
    ("posts", |m| m.posts.into()),
    ("own_posts", |m| m.own_posts.into()),
    ("originals", |m| m.originals.into()),
    ("replies", |m| m.replies.into()),
    ("reposts", |m| m.reposts.into()),
    ("quotes", |m| m.quotes.into()),
    ("replies_to_audience", |m| m.replies_to_audience.into()),
    ("active_days", |m| m.active_days.into()),
    ("posts_per_day", |m| m.posts_per_day.into()),
    ("posts_per_week_lifetime", |m| {
        m.posts_per_week_lifetime.into()
    }),
    ("days_since_last_post", |m| m.days_since_last_post.into()),
    ("longest_silence_days", |m| m.longest_silence_days.into()),
    ("status", |m| m.status.id().into()),
    ("first_post", |m| m.first_post.into()),
    ("last_post", |m| m.last_post.into()),
    ("followers", |m| m.followers.into()),
    ("follower_growth_weekly", |m| {
        m.follower_growth_weekly.into()
    }),
    ("following", |m| m.following.into()),
    ("interest", |m| m.interest.into()),
    ("interactions_per_post", |m| m.interactions_per_post.into()),
    ("median_interactions", |m| m.median_interactions.into()),
    ("q1", |m| m.q1.into()),
    ("q3", |m| m.q3.into()),
    ("trimmed_mean", |m| m.trimmed_mean.into()),
    ("reposts_per_original", |m| m.reposts_per_original.into()),
    ("interaction_rate", |m| m.interaction_rate.into()),
    ("likes", |m| m.likes.into()),
    ("reposts_received", |m| m.reposts_received.into()),
    ("replies_received", |m| m.replies_received.into()),
    ("quotes_received", |m| m.quotes_received.into()),
    ("views", |m| m.views.into()),
    ("view_rate", |m| m.view_rate.into()),
    ("engagement_per_view", |m| m.engagement_per_view.into()),
    ("conversational_share", |m| m.conversational_share.into()),
    ("responsiveness", |m| m.responsiveness.into()),
    ("contribution", |m| m.contribution.into()),
];

/// The metric ids of the unit tables, in codebook order.
pub fn metric_ids() -> impl Iterator<Item = &'static str> {
    METRIC_COLUMNS.iter().map(|(id, _)| *id)
}

fn metric_values(metrics: &Metrics) -> impl Iterator<Item = Value> + '_ {
    METRIC_COLUMNS.iter().map(move |(_, get)| get(metrics))
}

const ACCOUNT_KEYS: &[&str] = &["platform", "account_id", "handle", "actor", "country"];
const ACTOR_KEYS: &[&str] = &["actor", "name", "country", "kind", "host"];
const COUNTRY_KEYS: &[&str] = &["country", "name"];

fn account_keys(dataset: &Dataset, account: AccountIdx) -> Vec<Value> {
    let Some(info) = dataset.accounts.get(account as usize) else {
        return vec![Value::Null; ACCOUNT_KEYS.len()];
    };
    let actor = info.actor.and_then(|a| dataset.actors.get(a as usize));
    vec![
        info.platform.id().into(),
        info.platform_id.as_str().into(),
        info.handle.as_deref().into(),
        actor.map(|a| a.id.as_str()).into(),
        actor.map(|a| a.country.as_str()).into(),
    ]
}

fn actor_keys(dataset: &Dataset, actor: u32) -> Vec<Value> {
    let Some(actor) = dataset.actors.get(actor as usize) else {
        return vec![Value::Null; ACTOR_KEYS.len()];
    };
    vec![
        actor.id.as_str().into(),
        actor.name.as_str().into(),
        actor.country.as_str().into(),
        actor.kind.id().into(),
        actor.host.as_deref().into(),
    ]
}

fn country_keys(country: &str) -> Vec<Value> {
    vec![country.into(), country_name(country).into()]
}

fn platform_list(platforms: &[dipl_model::Platform]) -> Value {
    let ids: Vec<&str> = platforms.iter().map(|p| p.id()).collect();
    Value::Text(ids.join(","))
}

/// Account table: `platform, account_id, handle, actor, country`, then the metric ids; rows in
/// the order of [`crate::account_metrics`] (platform, handle case-insensitively, platform id).
pub fn account_table(metrics: &[AccountMetrics], dataset: &Dataset) -> Table {
    let mut sorted: Vec<&AccountMetrics> = metrics.iter().collect();
    sorted.sort_by_cached_key(|m| account_order(dataset, m.account));
    let mut table = Table::with_columns(ACCOUNT_KEYS.iter().copied().chain(metric_ids()));
    for m in sorted {
        let mut row = account_keys(dataset, m.account);
        row.extend(metric_values(&m.metrics));
        table.rows.push(row);
    }
    table
}

/// Actor table: `actor, name, country, kind, host, n_accounts, platforms`, then the metric ids;
/// rows by actor id.
pub fn actor_table(metrics: &[ActorMetrics], dataset: &Dataset) -> Table {
    let mut sorted: Vec<&ActorMetrics> = metrics.iter().collect();
    sorted.sort_by(|a, b| {
        let id = |m: &ActorMetrics| dataset.actors.get(m.actor as usize).map(|a| a.id.clone());
        (id(a), a.actor).cmp(&(id(b), b.actor))
    });
    let mut table = Table::with_columns(
        ACTOR_KEYS
            .iter()
            .copied()
            .chain(["n_accounts", "platforms"])
            .chain(metric_ids()),
    );
    for m in sorted {
        let mut row = actor_keys(dataset, m.actor);
        row.push((m.accounts.len() as u64).into());
        row.push(platform_list(&m.platforms));
        row.extend(metric_values(&m.metrics));
        table.rows.push(row);
    }
    table
}

/// Country table: `country, name, n_actors, n_accounts, platforms`, then the metric ids; rows by
/// ISO3 code.
pub fn country_table(metrics: &[CountryMetrics], _dataset: &Dataset) -> Table {
    let mut sorted: Vec<&CountryMetrics> = metrics.iter().collect();
    sorted.sort_by(|a, b| a.country.cmp(&b.country));
    let mut table = Table::with_columns(
        COUNTRY_KEYS
            .iter()
            .copied()
            .chain(["n_actors", "n_accounts", "platforms"])
            .chain(metric_ids()),
    );
    for m in sorted {
        let mut row = country_keys(&m.country);
        row.push((m.actors.len() as u64).into());
        row.push((m.accounts.len() as u64).into());
        row.push(platform_list(&m.platforms));
        row.extend(metric_values(&m.metrics));
        table.rows.push(row);
    }
    table
}

/// The identifying columns of a grouping (those of the unit tables; actors without kind and
/// host).
pub fn group_keys(by: By) -> &'static [&'static str] {
    match by {
        By::Account => ACCOUNT_KEYS,
        By::Actor => &["actor", "name", "country"],
        By::Country => COUNTRY_KEYS,
    }
}

/// The identifying cells of a group, matching [`group_keys`].
pub fn group_values(dataset: &Dataset, group: &Group) -> Vec<Value> {
    match group {
        Group::Account(account) => account_keys(dataset, *account),
        Group::Actor(actor) => {
            let mut keys = actor_keys(dataset, *actor);
            keys.truncate(3);
            keys
        }
        Group::Country(country) => country_keys(country),
    }
}

/// Hashtag table: the group's identifying columns (those of the unit tables), `hashtag`,
/// `count`; rows in the given order (that of [`crate::hashtags`]).
pub fn hashtag_table(counts: &[TagCount], by: By, dataset: &Dataset) -> Table {
    let mut table = Table::with_columns(group_keys(by).iter().copied().chain(["hashtag", "count"]));
    for c in counts {
        let mut row = group_values(dataset, &c.group);
        row.push(c.tag.as_str().into());
        row.push(c.count.into());
        table.rows.push(row);
    }
    table
}

/// Mention table: the group's identifying columns, `mention`, `count`, `mention_of` (`actor` or
/// `audience`); rows in the given order (that of [`crate::mentions`]).
pub fn mention_table(counts: &[MentionCount], by: By, dataset: &Dataset) -> Table {
    let mut table = Table::with_columns(group_keys(by).iter().copied().chain([
        "mention",
        "count",
        "mention_of",
    ]));
    for c in counts {
        let mut row = group_values(dataset, &c.group);
        row.push(c.handle.as_str().into());
        row.push(c.count.into());
        row.push(c.mention_of.id().into());
        table.rows.push(row);
    }
    table
}

//! Dialogue, listening and locality (metrics codebook §5 and §6): does an actor talk *with* its
//! public, how fast, with whom, in which languages, and does it reach the host country's public?
//!
//! Everything is a pure, deterministic function of a [`Dataset`] loaded with threads
//! (`Scope::with_threads` in the store) and [`Params`]. The rules, in the codebook's words
//! and where it is silent, ours:
//!
//! - **Audience comment** of a unit (subject or registered account): a reply created in the
//!   window by an audience account whose parent author is the unit — a comment on its post, or
//!   a reply to one of its replies. Comments by other units (another embassy) are not audience;
//!   an audience account answering itself under the unit's post is not addressed to the unit.
//! - **Answered**: the comment received at least one reply *from the account commented on*,
//!   known by the reference time (`as_of`; answers after the window's end count when the store
//!   loaded them, see `Scope::threads_until`). An answer by another account — another account of
//!   the same actor, another actor, another citizen — does not count. A self-reply (thread) is
//!   never dialogue. Replies whose parent is not in the data (deleted comments) still count as
//!   replies to others but answer no comment in the data.
//! - **Response time**: from the comment to the *first* answer (an answer stamped before its
//!   comment counts as 0); median and 90th percentile by linear interpolation (numpy's default)
//!   over answered comments, in hours. Buckets: ≤ 2 h, (2 h, 8 h], (8 h, 24 h], > 24 h.
//! - **Questions**: the detector of `dipl-lang` (question mark in any script outside URLs, or an
//!   interrogative word of the comment's language), stored with each post at import.
//! - **Concentration**: the unit's replies to others (self-replies excluded, as in
//!   `replies_to_audience`) in the window: (a) the Gini coefficient of their counts over every
//!   UTC day of the window, days without replies included; (b) the share on the 3 busiest days;
//!   (c) the share under the 3 threads with most of them (a thread is the top of its reply
//!   chain in the data, or the missing post it hangs under).
//! - **Amplification**: reposts and quotes in the window whose reposted author is an audience
//!   account; an unknown author is not counted as audience.
//! - **Follow-back**: follow edges observed before the window's end (as in the follow graph);
//!   n/a when the data holds no account the unit follows (its follow list was not collected).
//! - **Languages**: detected languages of own posts (not reposts) and of audience comments;
//!   `host_language_share` and `local_audience_share` only for embassies, consulates and
//!   missions with a host in the host-language table of `dipl-lang`; their denominators are the
//!   posts or comments whose language was determined. Languages the detector cannot tell apart
//!   (hr/sr/bs, ms/id, nb/nn/no) match a host's language as a group. The location evidence counts distinct
//!   commenters whose profile location names a country (`dipl-places`).
//!
//! Actors and countries add up their accounts' facts (counts, response times, replies per day
//! and per thread) before the figures are computed: an actor's median is the median over all
//! its answered comments, not a median of medians.

mod compute;
mod facts;
mod figures;
mod output;

use dipl_metrics::{
    account_metrics, actor_metrics, country_metrics, By, Group, Metrics, Params, Table,
};
use dipl_model::{AccountIdx, Dataset, Timestamp};

pub use figures::{gini_with_zeros, Dialogue};
pub use output::{dialogue_columns, dialogue_table, language_table};

use compute::{audience_comment_of, gather};
use facts::Facts;

/// The dialogue figures of one unit, beside its §5 base metrics (posts, originals,
/// replies_to_audience, conversational_share, responsiveness, contribution).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDialogue {
    pub group: Group,
    /// The unit's accounts.
    pub accounts: Vec<AccountIdx>,
    pub base: Metrics,
    pub dialogue: Dialogue,
}

/// The country an account's self-reported location names, as ISO3 (see `dipl-places` for the
/// rules and their evidence).
fn locate(text: &str) -> Option<&'static str> {
    dipl_places::locate(text).map(|l| l.country)
}

/// The version of the gazetteer behind `local_commenters_located`, to report with it.
pub const GAZETTEER_VERSION: &str = dipl_places::GAZETTEER_VERSION;

/// The dialogue figures of every unit of `by` in scope, in the order of the metrics tables.
pub fn dialogue(dataset: &Dataset, params: &Params, by: By) -> Vec<UnitDialogue> {
    let gathered = gather(dataset, params, &locate);
    let facts_of = |accounts: &[AccountIdx]| {
        let mut merged = Facts::default();
        for &a in accounts {
            if let Some(Some(f)) = gathered.facts.get(a as usize) {
                merged.merge(f);
            }
        }
        merged
    };
    let units: Vec<(Group, Vec<AccountIdx>, Metrics)> = match by {
        By::Account => account_metrics(dataset, params)
            .into_iter()
            .map(|m| (Group::Account(m.account), vec![m.account], m.metrics))
            .collect(),
        By::Actor => actor_metrics(dataset, params)
            .into_iter()
            .map(|m| (Group::Actor(m.actor), m.accounts, m.metrics))
            .collect(),
        By::Country => country_metrics(dataset, params)
            .into_iter()
            .map(|m| (Group::Country(m.country), m.accounts, m.metrics))
            .collect(),
    };
    units
        .into_iter()
        .map(|(group, accounts, base)| UnitDialogue {
            dialogue: Dialogue::from_facts(
                &facts_of(&accounts),
                &gathered.reference,
                &dataset.threads.languages,
                &dataset.threads.tags,
            ),
            group,
            accounts,
            base,
        })
        .collect()
}

/// An audience question that received no answer from the account it was addressed to: the
/// codebook's list "for review".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnansweredQuestion {
    /// The unit account the question was addressed to.
    pub account: AccountIdx,
    /// The commenter (an audience account: a pseudonym unless the workspace keeps identities).
    pub commenter: AccountIdx,
    /// The store's row id of the comment, and of the post it hangs under when in the data.
    pub comment_rowid: i64,
    pub parent_rowid: Option<i64>,
    pub created_at: Timestamp,
    pub lang: Option<String>,
}

/// The unanswered audience questions of the units in scope, by account (in account order),
/// then time.
pub fn unanswered_questions(dataset: &Dataset, params: &Params) -> Vec<UnansweredQuestion> {
    let threads = &dataset.threads;
    let gathered = gather(dataset, params, &|_| None);
    let mut list = Vec::new();
    for (index, item) in threads.items.iter().enumerate() {
        let Some(unit) = audience_comment_of(&gathered.audience, &gathered.reference, item) else {
            continue;
        };
        let in_scope = matches!(gathered.facts.get(unit as usize), Some(Some(_)));
        if !in_scope || !item.question || gathered.first_answer[index] != i64::MAX {
            continue;
        }
        list.push(UnansweredQuestion {
            account: unit,
            commenter: item.account,
            comment_rowid: item.post_rowid,
            parent_rowid: threads.parent_of(item).map(|p| p.post_rowid),
            created_at: item.created_at,
            lang: threads.language(item.lang).map(str::to_string),
        });
    }
    list.sort_by_key(|q| (q.account, q.created_at, q.comment_rowid));
    list
}

/// The columns of [`dialogue_over_time`] after the identifying ones and `period` (columns of
/// the dialogue table, read the same way).
pub const OVER_TIME_COLUMNS: &[&str] = &[
    "replies_to_audience",
    "audience_comments",
    "answered",
    "answered_share",
    "response_time_median",
    "response_time_p90",
    "questions_unanswered",
    "dialogue_concentration_gini",
];

/// The dialogue of each unit per calendar period of the window (Kampf, Manor & Segev: is
/// engagement confined to some months?). Each period is a window of its own with the run's
/// reference time, so an answer given after its period but known by `as_of` counts. Periods
/// cover the window, or the times of the thread items in it when the window is open. Rows: by
/// unit (in the order of the metrics tables), then period.
pub fn dialogue_over_time(
    dataset: &Dataset,
    params: &Params,
    by: By,
    every: dipl_model::Every,
) -> Table {
    let reference = params.resolve(dataset);
    let times = dataset
        .threads
        .items
        .iter()
        .filter(|i| i.in_window && reference.includes_post(i.created_at))
        .map(|i| i.created_at);
    let (first, last) = (times.clone().min(), times.max());
    let from = params.window.from.or(first);
    let to = params
        .window
        .to
        .or(last.map(|t| Timestamp(t.0.saturating_add(1))));
    let mut columns: Vec<&str> = dipl_metrics::group_keys(by).to_vec();
    columns.push("period");
    columns.extend_from_slice(OVER_TIME_COLUMNS);
    let mut table = Table::with_columns(columns);
    let (Some(from), Some(to)) = (from, to) else {
        return table;
    };
    let as_of = reference.as_of.or(Some(to));
    let per_period: Vec<(dipl_model::Period, Vec<UnitDialogue>)> =
        dipl_model::periods(from, to, every)
            .into_iter()
            .map(|period| {
                let window = dipl_model::Window {
                    from: Some(period.start.max(from)),
                    to: Some(period.end.min(to)),
                    as_of: as_of.map(|t| t.max(period.end.min(to))),
                };
                let p = Params {
                    window,
                    platforms: params.platforms.clone(),
                };
                let units = dialogue(dataset, &p, by);
                (period, units)
            })
            .collect();
    let Some((_, first_units)) = per_period.first() else {
        return table;
    };
    let getters: Vec<output::Getter> = OVER_TIME_COLUMNS
        .iter()
        .filter_map(|id| output::getter(id))
        .collect();
    for unit in first_units {
        for (period, units) in &per_period {
            let Some(d) = units.iter().find(|d| d.group == unit.group) else {
                continue;
            };
            let mut row = dipl_metrics::group_values(dataset, &unit.group);
            row.push(period.label.as_str().into());
            row.extend(getters.iter().map(|get| get(d)));
            table.rows.push(row);
        }
    }
    table
}

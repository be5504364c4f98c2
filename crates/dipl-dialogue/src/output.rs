//! Tables of the dialogue figures: one row per unit, and the languages in long form.

use std::collections::BTreeMap;

use dipl_metrics::{group_keys, group_values, By, Group, Table, Value};
use dipl_model::{Dataset, Ratio};

use crate::{Dialogue, UnitDialogue};

pub(crate) type Getter = fn(&UnitDialogue) -> Value;

fn ratio(r: Ratio) -> Value {
    r.into()
}

fn optional(r: Option<Ratio>) -> Value {
    r.map_or(Value::Null, Value::from)
}

fn languages(list: &[(String, u64)]) -> Value {
    if list.is_empty() {
        return Value::Null;
    }
    let parts: Vec<String> = list.iter().map(|(l, n)| format!("{l} {n}")).collect();
    Value::Text(parts.join("; "))
}

/// The dialogue table's metric columns (codebook ids; the multi-part ids with a suffix), in
/// codebook order, after the identifying columns, each with how it is read from a unit.
const COLUMNS: &[(&str, Getter)] = &[
    ("posts", |u| u.base.posts.into()),
    ("originals", |u| u.base.originals.into()),
    ("replies_to_audience", |u| u.base.replies_to_audience.into()),
    ("conversational_share", |u| {
        u.base.conversational_share.into()
    }),
    ("responsiveness", |u| u.base.responsiveness.into()),
    ("contribution", |u| u.base.contribution.into()),
    ("audience_comments", |u| u.dialogue.audience_comments.into()),
    ("answered", |u| u.dialogue.answered.into()),
    ("answered_share", |u| ratio(u.dialogue.answered_share)),
    ("response_time_median", |u| {
        u.dialogue.response_time_median.into()
    }),
    ("response_time_p90", |u| u.dialogue.response_time_p90.into()),
    ("response_time_buckets_2h", |u| {
        ratio(u.dialogue.response_within_2h)
    }),
    ("response_time_buckets_8h", |u| {
        ratio(u.dialogue.response_2h_to_8h)
    }),
    ("response_time_buckets_24h", |u| {
        ratio(u.dialogue.response_8h_to_24h)
    }),
    ("response_time_buckets_over_24h", |u| {
        ratio(u.dialogue.response_over_24h)
    }),
    ("response_time_buckets_not_answered", |u| {
        ratio(u.dialogue.not_answered)
    }),
    ("questions", |u| u.dialogue.questions.into()),
    ("questions_unanswered", |u| {
        u.dialogue.questions_unanswered.into()
    }),
    ("dialogue_concentration_gini", |u| {
        u.dialogue.concentration_gini.into()
    }),
    ("dialogue_concentration_top_days", |u| {
        ratio(u.dialogue.concentration_top_days)
    }),
    ("dialogue_concentration_top_posts", |u| {
        ratio(u.dialogue.concentration_top_posts)
    }),
    ("amplifies_audience", |u| {
        ratio(u.dialogue.amplifies_audience)
    }),
    ("follow_back_share", |u| {
        optional(u.dialogue.follow_back_share)
    }),
    ("post_languages", |u| languages(&u.dialogue.post_languages)),
    ("host_language_share", |u| {
        optional(u.dialogue.host_language_share)
    }),
    ("audience_languages", |u| {
        languages(&u.dialogue.audience_languages)
    }),
    ("local_audience_share", |u| {
        optional(u.dialogue.local_audience_share)
    }),
    ("local_commenters_located", |u| {
        optional(u.dialogue.local_commenters_located)
    }),
    ("commenters", |u| u.dialogue.commenters.into()),
];

/// The ids of the dialogue table's metric columns (see [`dialogue_table`]), in order.
pub fn dialogue_columns() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(|(id, _)| *id)
}

/// How the column `id` is read from a unit.
pub(crate) fn getter(id: &str) -> Option<Getter> {
    COLUMNS.iter().find(|(c, _)| *c == id).map(|(_, get)| *get)
}

/// The host of a unit (accounts and actors of embassies, consulates and missions).
fn host_value(dataset: &Dataset, group: &Group) -> Value {
    let actor = match group {
        Group::Account(a) => dataset.accounts.get(*a as usize).and_then(|i| i.actor),
        Group::Actor(a) => Some(*a),
        Group::Country(_) => None,
    };
    actor
        .and_then(|a| dataset.actors.get(a as usize))
        .and_then(|a| a.host.as_deref())
        .into()
}

/// One row per unit: the grouping's identifying columns, `host` (not for countries), then
/// [`dialogue_columns`]; rows in the given order.
pub fn dialogue_table(units: &[UnitDialogue], by: By, dataset: &Dataset) -> Table {
    let with_host = by != By::Country;
    let mut columns: Vec<&str> = group_keys(by).to_vec();
    if with_host {
        columns.push("host");
    }
    columns.extend(dialogue_columns());
    let mut table = Table::with_columns(columns);
    for unit in units {
        let mut row = group_values(dataset, &unit.group);
        if with_host {
            row.push(host_value(dataset, &unit.group));
        }
        row.extend(COLUMNS.iter().map(|(_, get)| get(unit)));
        table.rows.push(row);
    }
    table
}

fn language_rows(
    table: &mut Table,
    keys: &[Value],
    of: &str,
    list: &[(String, u64)],
    undetermined: u64,
    tags: &BTreeMap<String, (u64, u64)>,
) {
    let determined: u64 = list.iter().map(|(_, n)| n).sum();
    for (lang, n) in list {
        let (tagged, agree) = tags.get(lang).copied().unwrap_or((0, 0));
        let mut row = keys.to_vec();
        row.push(of.into());
        row.push(lang.as_str().into());
        row.push(dipl_lang::language_name(lang).into());
        row.push((*n).into());
        row.push(Ratio::new(*n as f64, determined as f64).into());
        row.push(tagged.into());
        row.push(Ratio::new(agree as f64, tagged as f64).into());
        table.rows.push(row);
    }
    if undetermined > 0 {
        let mut row = keys.to_vec();
        row.push(of.into());
        row.push("und".into());
        row.push("undetermined".into());
        row.push(undetermined.into());
        row.extend([Value::Null, Value::Null, Value::Null]);
        table.rows.push(row);
    }
}

/// Languages in long form: the grouping's identifying columns, `of` (`posts` or `comments`),
/// `language`, `language_name`, `count`, `share` (of the posts or comments whose language was
/// determined; `und` rows count the others), `platform_tagged` (how many of them carry the
/// platform's own language tag, as X posts do) and `platform_agrees` (the share of those whose
/// tag names the detected language: the detector checked against the platform on the user's own
/// data).
pub fn language_table(units: &[UnitDialogue], by: By, dataset: &Dataset) -> Table {
    let columns: Vec<&str> = group_keys(by)
        .iter()
        .copied()
        .chain([
            "of",
            "language",
            "language_name",
            "count",
            "share",
            "platform_tagged",
            "platform_agrees",
        ])
        .collect();
    let mut table = Table::with_columns(columns);
    for unit in units {
        let keys = group_values(dataset, &unit.group);
        let d: &Dialogue = &unit.dialogue;
        language_rows(
            &mut table,
            &keys,
            "posts",
            &d.post_languages,
            d.own_posts_undetermined,
            &d.post_tags,
        );
        language_rows(
            &mut table,
            &keys,
            "comments",
            &d.audience_languages,
            d.audience_undetermined,
            &d.comment_tags,
        );
    }
    table
}

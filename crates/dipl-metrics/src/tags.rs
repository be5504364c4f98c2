//! Hashtags and mentions of own posts (codebook §7 `hashtags`, `mentions`), counted per account,
//! actor or sending country.
//!
//! Only own posts count (a repost's hashtags are the reposted author's). Symbols in a
//! [`Dataset`] are already case-folded by the store; counting is by folded text anyway, so two
//! spellings never make two rows. Every occurrence counts (a post using a tag twice counts 2).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use dipl_model::{AccountIdx, Dataset, Platform, PostKind, PostRow};
use rayon::prelude::*;

use crate::params::{Params, ParamsError, Reference};
use crate::units::{is_unit, sort_accounts, sorted_actors};

/// The unit symbols are counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Account,
    Actor,
    Country,
}

impl By {
    pub const ALL: [By; 3] = [By::Account, By::Actor, By::Country];

    /// `account`, `actor`, `country`.
    pub fn id(self) -> &'static str {
        match self {
            By::Account => "account",
            By::Actor => "actor",
            By::Country => "country",
        }
    }
}

impl fmt::Display for By {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for By {
    type Err = ParamsError;

    /// Accepts the ids and their plurals, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "account" | "accounts" => Ok(By::Account),
            "actor" | "actors" => Ok(By::Actor),
            "country" | "countries" => Ok(By::Country),
            _ => Err(ParamsError::UnknownBy {
                given: s.trim().to_string(),
            }),
        }
    }
}

/// The unit a count belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Index into `Dataset::accounts`.
    Account(AccountIdx),
    /// Index into `Dataset::actors`.
    Actor(u32),
    /// Sending country, ISO3.
    Country(String),
}

/// One hashtag's count in one group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TagCount {
    pub group: Group,
    /// Case-folded, without `#`.
    pub tag: String,
    pub count: u64,
}

/// Whom a mentioned handle belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionOf {
    /// The handle of an actor's or subject account on the mentioning post's platform.
    Actor,
    /// Any other handle (audience accounts, possibly pseudonymised by the store).
    Audience,
}

impl MentionOf {
    pub fn id(self) -> &'static str {
        match self {
            MentionOf::Actor => "actor",
            MentionOf::Audience => "audience",
        }
    }
}

/// One mentioned handle's count in one group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MentionCount {
    pub group: Group,
    /// Case-folded, without `@`.
    pub handle: String,
    pub count: u64,
    pub mention_of: MentionOf,
}

/// Hashtag counts over the own posts in scope, per group of `by`, sorted by group (table order:
/// accounts by platform, handle, id; actors by id; countries by ISO3), then count descending,
/// then tag ascending; at most `top` per group (`top == 0`: all).
pub fn hashtags(dataset: &Dataset, params: &Params, by: By, top: usize) -> Vec<TagCount> {
    count(dataset, params, by, top, Symbols::Hashtags)
        .into_iter()
        .map(|(group, tag, count, _)| TagCount { group, tag, count })
        .collect()
}

/// Mention counts over the own posts in scope, in the order and with the limit of
/// [`hashtags`], each flagged whether the handle is an actor's or subject account's handle on
/// the same platform.
pub fn mentions(dataset: &Dataset, params: &Params, by: By, top: usize) -> Vec<MentionCount> {
    count(dataset, params, by, top, Symbols::Mentions)
        .into_iter()
        .map(|(group, handle, count, of_actor)| MentionCount {
            group,
            handle,
            count,
            mention_of: if of_actor {
                MentionOf::Actor
            } else {
                MentionOf::Audience
            },
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Symbols {
    Hashtags,
    Mentions,
}

fn fold(symbol: &str) -> String {
    symbol.trim().trim_start_matches(['#', '@']).to_lowercase()
}

/// `(group, folded symbol, count, whether a mention of an actor/subject handle)`, sorted.
fn count(
    dataset: &Dataset,
    params: &Params,
    by: By,
    top: usize,
    symbols: Symbols,
) -> Vec<(Group, String, u64, bool)> {
    let reference = params.resolve(dataset);
    let unit_handles: HashSet<(Platform, String)> = dataset
        .accounts
        .iter()
        .filter(|info| is_unit(info))
        .filter_map(|info| Some((info.platform, fold(info.handle.as_deref()?))))
        .collect();
    groups(dataset, params, by)
        .into_par_iter()
        .flat_map_iter(|(group, accounts)| {
            let counts = count_group(dataset, &reference, &accounts, symbols, &unit_handles);
            let mut counts: Vec<(String, u64, bool)> = counts
                .into_iter()
                .map(|(symbol, (count, of_actor))| (symbol, count, of_actor))
                .collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            if top > 0 {
                counts.truncate(top);
            }
            counts
                .into_iter()
                .map(move |(symbol, count, of_actor)| (group.clone(), symbol, count, of_actor))
        })
        .collect()
}

fn count_group(
    dataset: &Dataset,
    reference: &Reference,
    accounts: &[AccountIdx],
    symbols: Symbols,
    unit_handles: &HashSet<(Platform, String)>,
) -> BTreeMap<String, (u64, bool)> {
    // Count by symbol index first (cheap), then fold and merge by text.
    let mut by_symbol: HashMap<(u32, Platform), u64> = HashMap::new();
    for &account in accounts {
        let platform = dataset.accounts[account as usize].platform;
        let own_posts = dataset.posts_of(account).iter().filter(|post| {
            post.kind != PostKind::Repost && reference.includes_post(post.created_at)
        });
        for post in own_posts {
            for &symbol in symbol_ids(dataset, post, symbols) {
                *by_symbol.entry((symbol, platform)).or_default() += 1;
            }
        }
    }
    let mut merged: BTreeMap<String, (u64, bool)> = BTreeMap::new();
    for ((symbol, platform), count) in by_symbol {
        let Some(text) = dataset.symbols.get(symbol as usize) else {
            continue;
        };
        let text = fold(text);
        let of_actor = matches!(symbols, Symbols::Mentions)
            && unit_handles.contains(&(platform, text.clone()));
        let entry = merged.entry(text).or_default();
        entry.0 += count;
        entry.1 |= of_actor;
    }
    merged
}

fn symbol_ids<'d>(dataset: &'d Dataset, post: &PostRow, symbols: Symbols) -> &'d [u32] {
    let (list, range) = match symbols {
        Symbols::Hashtags => (&dataset.post_hashtags, &post.hashtags),
        Symbols::Mentions => (&dataset.post_mentions, &post.mentions),
    };
    list.get(range.start as usize..range.end as usize)
        .unwrap_or_default()
}

/// The groups of `by` in output order, each with its unit accounts on the platforms in scope.
fn groups(dataset: &Dataset, params: &Params, by: By) -> Vec<(Group, Vec<AccountIdx>)> {
    let mut units: Vec<AccountIdx> = (0..dataset.accounts.len() as AccountIdx)
        .filter(|&a| {
            let info = &dataset.accounts[a as usize];
            is_unit(info) && params.includes(info.platform)
        })
        .collect();
    sort_accounts(&mut units, dataset);
    let actor_of = |account: AccountIdx| {
        dataset.accounts[account as usize]
            .actor
            .filter(|&actor| (actor as usize) < dataset.actors.len())
    };
    match by {
        By::Account => units
            .into_iter()
            .map(|account| (Group::Account(account), vec![account]))
            .collect(),
        By::Actor => {
            let mut by_actor: Vec<Vec<AccountIdx>> = vec![Vec::new(); dataset.actors.len()];
            for account in units {
                if let Some(actor) = actor_of(account) {
                    by_actor[actor as usize].push(account);
                }
            }
            sorted_actors(dataset)
                .into_iter()
                .map(|actor| {
                    (
                        Group::Actor(actor),
                        std::mem::take(&mut by_actor[actor as usize]),
                    )
                })
                .collect()
        }
        By::Country => {
            let mut by_country: BTreeMap<&str, Vec<AccountIdx>> = BTreeMap::new();
            for account in units {
                if let Some(actor) = actor_of(account) {
                    by_country
                        .entry(dataset.actors[actor as usize].country.as_str())
                        .or_default()
                        .push(account);
                }
            }
            by_country
                .into_iter()
                .map(|(country, accounts)| (Group::Country(country.to_string()), accounts))
                .collect()
        }
    }
}

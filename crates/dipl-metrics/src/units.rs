//! The units metrics are reported for: accounts, actors and sending countries.
//!
//! Account rows are the accounts that are subjects or belong to an actor; audience accounts are
//! never rows. Actor and country figures are recomputed from the pooled posts of their accounts
//! (not averaged over accounts); only their audience figures combine per-account values:
//! `followers` is the sum of the accounts' latest counts and `follower_growth_weekly` the growth
//! of the combined audience (see [`ActorMetrics`]); `following`, `interest` and
//! `posts_per_week_lifetime` are sums over the accounts.

use std::collections::BTreeMap;

use dipl_model::{AccountIdx, AccountInfo, Dataset, Platform, PostRow};
use rayon::prelude::*;

use crate::audience::{
    audience, combined_profile, combined_weekly_growth, profile, Audience, Profile,
};
use crate::metrics::{Metrics, PostPass};
use crate::params::{Params, Reference};

/// Whether an account is a unit of the metrics: a subject of some export or an actor's account.
pub fn is_unit(info: &AccountInfo) -> bool {
    info.is_subject || info.actor.is_some()
}

/// The metrics of one account.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AccountMetrics {
    /// Index into `Dataset::accounts`.
    pub account: AccountIdx,
    pub metrics: Metrics,
}

/// The metrics of one actor over the pooled posts of its accounts on the platforms in scope.
///
/// `followers` is the sum of the accounts' latest counts (`None` if none is known);
/// `follower_growth_weekly` is the weekly growth of the combined audience, i.e. the accounts'
/// weekly growth weighted by their first follower count in the window; `interaction_rate`
/// divides Σ interactions by Σ of the posting account's mean followers over the same posts, so
/// that each post is set against its own account's audience; `status` is the best of its
/// accounts (which is what the pooled posts give).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorMetrics {
    /// Index into `Dataset::actors`.
    pub actor: u32,
    /// The actor's accounts in scope, in table order.
    pub accounts: Vec<AccountIdx>,
    /// Distinct platforms of those accounts, in `Platform` order.
    pub platforms: Vec<Platform>,
    pub metrics: Metrics,
}

/// The metrics of one sending country over the pooled posts of all its actors' accounts, with
/// the same aggregation rules as [`ActorMetrics`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CountryMetrics {
    /// ISO 3166-1 alpha-3 code as registered with the actors.
    pub country: String,
    /// Indexes into `Dataset::actors`, by actor id.
    pub actors: Vec<u32>,
    pub accounts: Vec<AccountIdx>,
    pub platforms: Vec<Platform>,
    pub metrics: Metrics,
}

/// Per-account context shared by the three levels.
struct Context<'d> {
    dataset: &'d Dataset,
    reference: Reference,
    /// Units on the platforms in scope, in table order.
    units: Vec<AccountIdx>,
    /// Indexed by account; `Audience::default()` for accounts that are not units in scope.
    audiences: Vec<Audience>,
    /// Indexed by account, like `audiences`.
    profiles: Vec<Profile>,
}

impl<'d> Context<'d> {
    fn new(dataset: &'d Dataset, params: &Params) -> Self {
        let reference = params.resolve(dataset);
        let mut units: Vec<AccountIdx> = (0..dataset.accounts.len())
            .filter(|&i| {
                let info = &dataset.accounts[i];
                is_unit(info) && params.includes(info.platform)
            })
            .map(|i| i as AccountIdx)
            .collect();
        sort_accounts(&mut units, dataset);
        let mut audiences = vec![Audience::default(); dataset.accounts.len()];
        let mut profiles = vec![Profile::default(); dataset.accounts.len()];
        let computed: Vec<(AccountIdx, Audience, Profile)> = units
            .par_iter()
            .map(|&account| {
                (
                    account,
                    audience(dataset.follower_obs_of(account), &reference),
                    profile(
                        dataset.profile_obs_of(account),
                        dataset.accounts[account as usize].created_at,
                        &reference,
                    ),
                )
            })
            .collect();
        for (account, audience, profile) in computed {
            audiences[account as usize] = audience;
            profiles[account as usize] = profile;
        }
        Context {
            dataset,
            reference,
            units,
            audiences,
            profiles,
        }
    }

    /// One account's posts in scope, in `created_at` order.
    fn posts_in_scope(&self, account: AccountIdx) -> impl Iterator<Item = &'d PostRow> + '_ {
        self.dataset
            .posts_of(account)
            .iter()
            .filter(|post| self.reference.includes_post(post.created_at))
    }

    fn account(&self, account: AccountIdx) -> Metrics {
        let audience = self.audiences[account as usize];
        let mut pass = PostPass::new(&self.reference);
        for post in self.posts_in_scope(account) {
            pass.push(post, audience.mean);
        }
        pass.finish(
            audience.latest,
            audience.growth.map(|g| g.weekly()),
            self.profiles[account as usize],
        )
    }

    fn pooled(&self, accounts: &[AccountIdx]) -> Metrics {
        let mut posts: Vec<&PostRow> = accounts
            .iter()
            .flat_map(|&account| self.posts_in_scope(account))
            .collect();
        // Stable: equal times keep account order, so the pass is deterministic.
        posts.sort_by_key(|post| post.created_at);
        let mut pass = PostPass::new(&self.reference);
        for post in posts {
            pass.push(post, self.audiences[post.account as usize].mean);
        }
        let followers = accounts
            .iter()
            .filter_map(|&a| self.audiences[a as usize].latest)
            .reduce(u64::saturating_add);
        let growth = combined_weekly_growth(
            accounts
                .iter()
                .filter_map(|&a| self.audiences[a as usize].growth),
        );
        let profile = combined_profile(accounts.iter().map(|&a| self.profiles[a as usize]));
        pass.finish(followers, growth, profile)
    }

    fn platforms(&self, accounts: &[AccountIdx]) -> Vec<Platform> {
        let mut platforms: Vec<Platform> = accounts
            .iter()
            .map(|&a| self.dataset.accounts[a as usize].platform)
            .collect();
        platforms.sort_unstable();
        platforms.dedup();
        platforms
    }

    /// The units of each actor, in table order, indexed by actor.
    fn accounts_by_actor(&self) -> Vec<Vec<AccountIdx>> {
        let mut by_actor = vec![Vec::new(); self.dataset.actors.len()];
        for &account in &self.units {
            if let Some(actor) = self.dataset.accounts[account as usize].actor {
                if let Some(list) = by_actor.get_mut(actor as usize) {
                    list.push(account);
                }
            }
        }
        by_actor
    }
}

/// Sorts account indexes in table order (see [`account_order`]).
pub(crate) fn sort_accounts(accounts: &mut [AccountIdx], dataset: &Dataset) {
    accounts.sort_by_cached_key(|&account| account_order(dataset, account));
}

/// The table order of accounts: platform, handle (case-insensitive, then exact; accounts without
/// a handle first), platform id, index.
pub(crate) fn account_order(
    dataset: &Dataset,
    account: AccountIdx,
) -> (
    Option<Platform>,
    Option<String>,
    Option<String>,
    String,
    AccountIdx,
) {
    match dataset.accounts.get(account as usize) {
        Some(info) => (
            Some(info.platform),
            info.handle.as_ref().map(|h| h.to_lowercase()),
            info.handle.clone(),
            info.platform_id.clone(),
            account,
        ),
        None => (None, None, None, String::new(), account),
    }
}

/// Actor indexes sorted by actor id (then index).
pub(crate) fn sorted_actors(dataset: &Dataset) -> Vec<u32> {
    let mut actors: Vec<u32> = (0..dataset.actors.len() as u32).collect();
    actors.sort_by(|&a, &b| {
        (&dataset.actors[a as usize].id, a).cmp(&(&dataset.actors[b as usize].id, b))
    });
    actors
}

/// Metrics of every unit account on the platforms in scope, in table order (platform, handle,
/// platform id). Accounts without posts in the window are rows too (`inactive`).
pub fn account_metrics(dataset: &Dataset, params: &Params) -> Vec<AccountMetrics> {
    let context = Context::new(dataset, params);
    context
        .units
        .par_iter()
        .map(|&account| AccountMetrics {
            account,
            metrics: context.account(account),
        })
        .collect()
}

/// Metrics of every actor of the dataset, by actor id. An actor without accounts in scope is a
/// row with no accounts (`inactive`, counts 0, ratios n/a): absence is a finding.
pub fn actor_metrics(dataset: &Dataset, params: &Params) -> Vec<ActorMetrics> {
    let context = Context::new(dataset, params);
    let by_actor = context.accounts_by_actor();
    sorted_actors(dataset)
        .into_par_iter()
        .map(|actor| {
            let accounts = by_actor[actor as usize].clone();
            ActorMetrics {
                actor,
                platforms: context.platforms(&accounts),
                metrics: context.pooled(&accounts),
                accounts,
            }
        })
        .collect()
}

/// Metrics of every sending country of the dataset's actors, by ISO3 code; accounts without
/// an actor are not counted.
pub fn country_metrics(dataset: &Dataset, params: &Params) -> Vec<CountryMetrics> {
    let context = Context::new(dataset, params);
    let by_actor = context.accounts_by_actor();
    let mut countries: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for actor in sorted_actors(dataset) {
        countries
            .entry(dataset.actors[actor as usize].country.as_str())
            .or_default()
            .push(actor);
    }
    let countries: Vec<(&str, Vec<u32>)> = countries.into_iter().collect();
    countries
        .into_par_iter()
        .map(|(country, actors)| {
            let mut accounts: Vec<AccountIdx> = actors
                .iter()
                .flat_map(|&actor| by_actor[actor as usize].iter().copied())
                .collect();
            sort_accounts(&mut accounts, dataset);
            CountryMetrics {
                country: country.to_string(),
                platforms: context.platforms(&accounts),
                metrics: context.pooled(&accounts),
                actors,
                accounts,
            }
        })
        .collect()
}

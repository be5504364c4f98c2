//! The metrics codebook (`metrics-codebook.md` §2–§5 and the hashtag/mention part of §7) in code.
//!
//! Every function here is a pure, deterministic function of a [`dipl_model::Dataset`] and
//! [`Params`]: no clock, no I/O, explicit sort orders with explicit tie-breaks. Figures a platform
//! does not provide are `None` (rendered n/a), never 0; ratios keep their numerator and
//! denominator ([`dipl_model::Ratio`]).
//!
//! - [`account_metrics`], [`actor_metrics`], [`country_metrics`] compute the [`Metrics`] of each
//!   unit; [`account_table`], [`actor_table`], [`country_table`] turn them into a [`Table`] whose
//!   columns are the codebook ids.
//! - [`hashtags`] and [`mentions`] count the symbols of own posts per account, actor or country.
//! - [`catalog`] lists every column id with its title, definition and source; it feeds `--help`,
//!   the report and the generated metric docs.
//!
//! Not here: dialogue metrics that need comment threads (answered share, response times),
//! networks, content coding and the composite index.

mod audience;
mod catalog;
mod metrics;
mod params;
mod quantile;
mod table;
mod tags;
mod units;

pub use catalog::{catalog, catalog_table, MetricDef};
pub use metrics::{Metrics, Status, ACTIVE_WITHIN_DAYS};
pub use params::{Params, ParamsError, Reference};
pub use quantile::{quantile, trimmed_mean};
pub use table::{
    account_table, actor_table, country_table, group_keys, group_values, hashtag_table,
    mention_table, metric_ids, Table, Value,
};
pub use tags::{hashtags, mentions, By, Group, MentionCount, MentionOf, TagCount};
pub use units::{
    account_metrics, actor_metrics, country_metrics, is_unit, AccountMetrics, ActorMetrics,
    CountryMetrics,
};

//! Deterministic, seeded synthetic corpora of diplomatic accounts in the real export formats of
//! X, Telegram, Facebook and VK, for the demo, tests and benchmarks.
//!
//! A [`Scenario`] describes actors (embassies, ministries, missions, leaders), their accounts on
//! each platform ([`AccountSpec::platform`]; an actor may have accounts on several) and their
//! behaviour, campaign days and the audience. From a scenario and a seed the generator produces,
//! month by month, every account's posts (originals, self-reply threads, replies to citizens and
//! other actors, retweets and quotes on X; originals, shares and forwards elsewhere) with
//! multilingual texts (en, ru, kk, de, fr, uz, ky), entities, media, links and heavy-tailed
//! engagement, and on Facebook, VK and Telegram comment sections: audience comments
//! (heavy-tailed numbers, some of them questions), the account's answers at delays from minutes
//! to days (some comments answered twice, many never) and its own notes under its posts. It
//! writes them as the real formats researchers hold ([`Format`]):
//!
//! - X: [`write_v1_jsonl`] / [`write_v1_array`] (API v1.1 tweet objects, tweepy `_json`,
//!   extended mode) and [`write_twarc2`] (twarc2 JSONL, one API v2 page per line, monthly
//!   user-timeline harvests);
//! - Telegram: Desktop `result.json` exports of each channel and its discussion group, and
//!   Telethon `Message.to_dict()` JSON Lines (with views, forwards, replies, reactions);
//! - Facebook: Graph API page feed pages with nested comments and reactions by type, and
//!   CrowdTangle historical-data CSV (the column set since April 2021);
//! - VK: `wall.get` (extended) pages and `wall.getComments` threads ([`write_vk`]);
//! - [`write_registry_csv`]: the actor registry (one row per account, with its platform);
//! - [`write_corpus`]: all of it into a folder, each account in one format of its platform so no
//!   post is written twice, with the ground truth ([`AccountCounts`]: posts by kind, comments
//!   received and answered, questions unanswered) tests compare imports against;
//!   [`ScaleSpec::write_corpus`]: benchmark corpora of exactly N posts per chosen format.
//!
//! Output is byte-identical for the same scenario and seed on every machine: all randomness comes
//! from seeded ChaCha8 streams and stateless hashes, all arithmetic that reaches the output avoids
//! the platform's maths library, and nothing reads the clock (the non-X formats are "collected"
//! two days after the period). X accounts come first in the generator's order, so the X output of
//! a scenario does not depend on its other platforms. Memory is bounded by two months of compact
//! post records (and, for Telegram discussion groups, the few days of comments that spill into the
//! next month), so corpora of millions of posts stream to any `Write`.
//!
//! Every text, name, handle and id is invented here; nothing is copied from real accounts.

mod calendar;
mod comments;
mod corpus;
mod crowdtangle;
mod demo;
mod detmath;
mod error;
mod facebook;
mod json;
mod lexicon;
mod plan;
mod profile;
mod registry;
mod render;
mod scenario;
mod telegram;
mod timeline;
mod twarc2;
mod v1;
mod vk;
mod world;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_platforms;

pub use corpus::{
    write_corpus, write_stream, write_twarc2, write_v1_array, write_v1_jsonl, write_vk,
    AccountCounts, CorpusOptions, CorpusSummary, FileSummary, Format, TweetFormat, WriteSummary,
};
pub use crowdtangle::CROWDTANGLE_HEADER;
pub use demo::{demo_scenario, scale_scenario, scale_scenario_on, ScaleSpec};
pub use dipl_model::Platform;
pub use error::SynthError;
pub use registry::{write_registry_csv, REGISTRY_HEADER};
pub use scenario::{
    AccountSpec, ActorSpec, AudienceSpec, Campaign, CampaignScope, Lang, Scenario, Theme,
};

//! Deterministic, seeded synthetic corpora of diplomatic accounts in real X export formats, for
//! the demo, tests and benchmarks.
//!
//! A [`Scenario`] describes actors (embassies, ministries, missions, leaders), their accounts and
//! behaviour, campaign days and the audience. From a scenario and a seed the generator produces,
//! month by month, every account's posts (originals, self-reply threads, replies to citizens'
//! comments and to other actors, retweets and quotes of actors and media) with multilingual texts
//! (en, ru, kk, de, fr, uz, ky), entities, media, links and heavy-tailed engagement, and writes
//! them as the real formats researchers hold:
//!
//! - [`write_v1_jsonl`] / [`write_v1_array`]: X API v1.1 tweet objects (tweepy `_json`, extended
//!   mode, as in world-leader-vis dumps);
//! - [`write_twarc2`]: twarc2 JSONL, one API v2 response page per line, harvested per account at
//!   the end of each month (so follower counts are observed twelve times);
//! - [`write_registry_csv`]: the actor registry;
//! - [`write_corpus`]: all of it into a folder, with accounts split between formats so no post
//!   is written twice, and the ground truth ([`AccountCounts`]) tests compare against.
//!
//! Output is byte-identical for the same scenario and seed on every machine: all randomness comes
//! from seeded ChaCha8 streams and stateless hashes, all arithmetic that reaches the output avoids
//! the platform's maths library, and nothing reads the clock. Memory is bounded by two months of
//! compact post records, so corpora of millions of posts stream to any `Write`.
//!
//! Every text, name, handle and id is invented here; nothing is copied from real accounts.

mod calendar;
mod corpus;
mod demo;
mod detmath;
mod error;
mod json;
mod lexicon;
mod plan;
mod profile;
mod registry;
mod render;
mod scenario;
mod timeline;
mod twarc2;
mod v1;
mod world;

#[cfg(test)]
mod tests;

pub use corpus::{
    write_corpus, write_twarc2, write_v1_array, write_v1_jsonl, AccountCounts, CorpusOptions,
    CorpusSummary, FileSummary, TweetFormat, WriteSummary,
};
pub use demo::{demo_scenario, scale_scenario, ScaleSpec};
pub use error::SynthError;
pub use registry::{write_registry_csv, REGISTRY_HEADER};
pub use scenario::{
    AccountSpec, ActorSpec, AudienceSpec, Campaign, CampaignScope, Lang, Scenario, Theme,
};

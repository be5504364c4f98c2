//! X API v1.1: tweet objects (`twitter.v1`) and user objects (`twitter.users`).
//!
//! Tweets come as a JSON array (tweepy timelines), JSON Lines or concatenated objects (stream
//! dumps), or search pages (`{"statuses": [...]}`). Stream control lines (`delete`, `limit` …)
//! are skipped with a diagnostic. User objects come as a `users/lookup` array; stubs without an
//! id are skipped with a diagnostic, and the latest `status` a user object embeds is not
//! imported (one arbitrary post per account would distort activity figures).

pub mod convert;
pub mod raw;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

use dipl_ingest::sniff::{head_shape, js_name, HeadShape};

/// Records looked at when sniffing.
const SNIFF_RECORDS: usize = 16;

/// `twitter.v1`: API v1.1 tweet objects.
#[derive(Debug, Clone, Copy, Default)]
pub struct V1Tweets;

/// `twitter.users`: API v1.1 user objects (`users/lookup`).
#[derive(Debug, Clone, Copy, Default)]
pub struct V1Users;

fn is_tweet(record: &[&[u8]]) -> bool {
    let has = |k: &str| record.contains(&k.as_bytes());
    (has("id_str") || has("id"))
        && (has("text") || has("full_text"))
        && has("created_at")
        && !has("author_id")
}

fn is_user(record: &[&[u8]]) -> bool {
    let has = |k: &str| record.contains(&k.as_bytes());
    has("screen_name") && has("followers_count") && !has("text") && !has("full_text")
}

fn looks_like_tweets(shape: &HeadShape<'_>) -> Confidence {
    if shape.any_has_all(&["statuses"])
        || shape
            .records
            .iter()
            .any(|r| is_tweet(r) && r.contains(&&b"user"[..]))
    {
        Confidence::Certain
    } else if shape.records.iter().any(|r| is_tweet(r)) || shape.any_has_any(&["delete", "limit"]) {
        Confidence::Likely
    } else {
        Confidence::No
    }
}

impl Importer for V1Tweets {
    fn id(&self) -> &'static str {
        "twitter.v1"
    }

    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "X API v1.1 tweets: timelines, search pages, stream dumps (JSON array, JSON Lines)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if js_name(head).is_some() {
            return Confidence::No;
        }
        looks_like_tweets(&head_shape(head, SNIFF_RECORDS))
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        json::drive(input, &TweetParser, options, sink).map(|_| ())
    }
}

impl Importer for V1Users {
    fn id(&self) -> &'static str {
        "twitter.users"
    }

    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "X API v1.1 user objects (users/lookup: JSON array or JSON Lines)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if js_name(head).is_some() {
            return Confidence::No;
        }
        let shape = head_shape(head, SNIFF_RECORDS);
        let any_tweet = shape.records.iter().any(|r| is_tweet(r));
        if !any_tweet && shape.records.iter().any(|r| is_user(r)) {
            Confidence::Certain
        } else {
            Confidence::No
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        json::drive(input, &UserParser, options, sink).map(|_| ())
    }
}

struct TweetParser;

impl RecordParser for TweetParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let tweet: raw::Tweet<'_> = record.deserialize()?;
        convert::top_level(&tweet, &convert::Context::API, out, warnings)?;
        Ok(())
    }
}

struct UserParser;

impl RecordParser for UserParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let user: raw::User<'_> = record.deserialize()?;
        convert::user_object(&user, out)?;
        Ok(())
    }
}

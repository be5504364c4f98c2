//! twarc2 JSON Lines (`twitter.twarc2`): X API v2 response pages as `twarc2 search`,
//! `timeline`, `stream`, `users`, `followers` … write them, and the flattened variant
//! (`twarc2 flatten`, one tweet per line with `author` and expanded references).
//!
//! A users page (`data` of user objects) gives accounts and observations only: the pinned
//! tweets its `includes.tweets` may carry are not imported, since one arbitrary, possibly old
//! post per account would distort activity figures. A tweet whose `edit_history_tweet_ids` lists
//! more than one id is flagged edited (every version of it: X gives each its own id).
//!
//! Lines that carry no posts or accounts (pages with only `errors`, `tweets/counts` pages, list
//! pages, compliance results, stream messages) are skipped with a diagnostic; a line that is not
//! JSON (a stream cut off mid-line) makes the file corrupt unless bad records are skipped.

pub mod convert;
pub mod raw;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

use dipl_ingest::sniff::{contains, has_all, head_shape, js_name};

/// `twitter.twarc2`: twarc2 JSON Lines, pages or flattened.
#[derive(Debug, Clone, Copy, Default)]
pub struct Twarc2;

impl Importer for Twarc2 {
    fn id(&self) -> &'static str {
        "twitter.twarc2"
    }

    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "twarc2 JSON Lines: X API v2 pages (search, timelines, stream, users) or flattened tweets"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if js_name(head).is_some() {
            return Confidence::No;
        }
        let shape = head_shape(head, 16);
        if shape.any_has_any(&["__twarc"]) {
            return Confidence::Certain;
        }
        let v2_fields = [
            "\"author_id\"",
            "\"public_metrics\"",
            "\"edit_history_tweet_ids\"",
            "\"tweet_count\"",
        ];
        let has_v2_fields = v2_fields.iter().any(|f| contains(head, f));
        let page = shape.any_has_any(&["data"]) && has_v2_fields;
        let tweet = shape.any_has_all(&["id", "text", "author_id"]);
        let compliance = shape
            .records
            .iter()
            .any(|r| has_all(r, &["id", "action", "created_at", "reason"]));
        if page || tweet || compliance {
            Confidence::Likely
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
        json::drive(input, &LineParser, options, sink).map(|_| ())
    }
}

struct LineParser;

impl RecordParser for LineParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let line: raw::Object<'_> = record.deserialize()?;
        convert::line(&line, out, warnings)?;
        Ok(())
    }
}

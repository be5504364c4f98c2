//! X API v1.1 id lists (`twitter.ids`): `followers/ids` and `friends/ids` responses, one page
//! per file, a JSON array of pages, or JSON Lines of pages (twarc1, tweepy dumps).
//!
//! The file does not say whose list it is nor which list: `--of ACCOUNT` (an id, or a handle
//! with or without `@`) and `--relation followers|following` say it, and the import refuses to
//! start without them. Pages with only `errors` are skipped with a diagnostic.

pub mod convert;
pub mod raw;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{head_shape, js_name};
use dipl_ingest::{
    Confidence, ImportError, ImportOptions, Importer, InputReader, ListRelation, Sink,
};
use dipl_model::{Platform, Record};

use convert::Owner;

/// `twitter.ids`: `followers/ids` and `friends/ids` pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ids;

impl Importer for Ids {
    fn id(&self) -> &'static str {
        "twitter.ids"
    }

    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "X API v1.1 followers/ids and friends/ids pages (JSON, JSON Lines); needs --of ACCOUNT and --relation followers|following"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if js_name(head).is_some() {
            return Confidence::No;
        }
        if head_shape(head, 4).any_has_all(&["ids", "next_cursor"]) {
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
        let invalid = |message: String| ImportError::Invalid {
            file: input.name().to_string(),
            message,
        };
        let (owner, relation) = match (&options.list_owner, options.list_relation) {
            (Some(owner), Some(relation)) => (Owner::parse(owner).map_err(invalid)?, relation),
            (owner, relation) => {
                let mut missing = Vec::new();
                if owner.is_none() {
                    missing.push("--of ACCOUNT (whose list it is: an account id or @handle)");
                }
                if relation.is_none() {
                    missing.push("--relation followers|following (which list it is)");
                }
                return Err(invalid(format!(
                    "an id list (followers/ids, friends/ids) does not say whose list it is: give {}",
                    missing.join(" and ")
                )));
            }
        };
        json::drive(input, &PageParser { owner, relation }, options, sink).map(|_| ())
    }
}

struct PageParser {
    owner: Owner,
    relation: ListRelation,
}

impl RecordParser for PageParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let page: raw::Page<'_> = record.deserialize()?;
        if record.location.record == 0 {
            let unknown = record.unknown_keys(&raw::KNOWN);
            if !unknown.is_empty() {
                warnings.push(format!("fields not read: {}", unknown.join(", ")));
            }
        }
        convert::page(&page, &self.owner, self.relation, out, warnings)?;
        Ok(())
    }
}

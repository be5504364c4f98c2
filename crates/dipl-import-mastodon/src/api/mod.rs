//! Mastodon REST API JSON (`mastodon.api`): Status entities as `GET /api/v1/accounts/:id/statuses`
//! returns them (one page per file, a JSON array of pages, JSON Lines of statuses or of pages),
//! Context entities of `GET /api/v1/statuses/:id/context`, and Account entities of
//! `GET /api/v1/accounts/:id` (one per file or line).
//!
//! Error responses (`{"error": "…"}`) and objects of other shapes are skipped with a
//! diagnostic; a record that is not JSON makes the file corrupt unless bad records are skipped.

pub mod convert;
pub mod raw;

use std::sync::atomic::{AtomicU64, Ordering};

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, head_shape};
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record};

use crate::archive::unknown_fields;
use crate::reader;

/// A file that is one array of statuses up to this size is read as one page (one record);
/// a larger one is streamed status by status.
const PAGE_MAX: usize = 16 * 1024 * 1024;

/// `mastodon.api`: Mastodon REST API statuses, contexts and accounts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Api;

impl Importer for Api {
    fn id(&self) -> &'static str {
        "mastodon.api"
    }

    fn platform(&self) -> Platform {
        Platform::Mastodon
    }

    fn description(&self) -> &'static str {
        "Mastodon REST API JSON: statuses pages (/api/v1/accounts/:id/statuses), status context, accounts"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        let shape = head_shape(head, 16);
        if shape.any_has_all(&["ancestors", "descendants"]) {
            return Confidence::Certain;
        }
        // `reblogs_count` and `spoiler_text` are the Mastodon API's own words.
        if shape.any_has_all(&["uri", "account", "reblogs_count"])
            || shape.any_has_all(&["spoiler_text", "reblogs_count"])
        {
            return Confidence::Certain;
        }
        let account = shape.records.iter().any(|r| {
            dipl_ingest::sniff::has_all(r, &["acct", "username", "followers_count"])
                && !r.contains(&&b"content"[..])
        });
        // Pages nested in an array of pages: the keys are one level down.
        let nested_status =
            contains(head, "\"reblogs_count\"") && contains(head, "\"spoiler_text\"");
        if account || nested_status {
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
        let name = input.name().to_string();
        let parser = Parser {
            collected: options.list_owner.clone(),
            followers_only: AtomicU64::new(0),
            direct: AtomicU64::new(0),
        };
        reader::with_rest(input, |mut rest| {
            // Enough to see whether the whole file is one page, or whether its first line is
            // a whole page and another follows.
            let (head, ended) = reader::read_head(&name, &mut rest, PAGE_MAX, |_| false)?;
            let one_page = ended && reader::is_array_of_objects(&head);
            let mut input = if one_page || reader::is_lines_of_arrays(&head) {
                reader::rejoin_as_array(&name, head, rest)
            } else {
                reader::rejoin(&name, head, rest)
            };
            json::drive(&mut input, &parser, options, sink)
        })?;
        let followers_only = parser.followers_only.load(Ordering::Relaxed);
        let direct = parser.direct.load(Ordering::Relaxed);
        if followers_only + direct > 0 {
            sink.diagnostic(Diagnostic {
                file: name,
                location: None,
                severity: Severity::Warning,
                message: format!(
                    "not imported: direct messages {direct}, followers-only posts {followers_only} (only public and unlisted statuses are imported)"
                ),
            });
        }
        Ok(())
    }
}

struct Parser {
    collected: Option<String>,
    followers_only: AtomicU64,
    direct: AtomicU64,
}

impl RecordParser for Parser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let rec: raw::Record<'_> = record.deserialize()?;
        if record.location.record == 0 {
            match &rec {
                raw::Record::One(obj) if obj.content.is_some() => {
                    unknown_fields(record, raw::STATUS_KEYS, warnings)
                }
                raw::Record::One(obj) if obj.ancestors.is_none() && obj.descendants.is_none() => {
                    unknown_fields(record, raw::ACCOUNT_KEYS, warnings)
                }
                raw::Record::Many(items) if !items.is_empty() => {
                    // The first status of the page.
                    if let Some(first) = first_element(record) {
                        unknown_fields(&first, raw::STATUS_KEYS, warnings);
                    }
                }
                _ => {}
            }
        }
        let skipped = convert::record(&rec, self.collected.as_deref(), out, warnings)?;
        self.followers_only
            .fetch_add(skipped.followers_only, Ordering::Relaxed);
        self.direct.fetch_add(skipped.direct, Ordering::Relaxed);
        Ok(())
    }
}

/// The first element of a record that is an array, as a record of its own.
fn first_element<'a>(record: &RawRecord<'a>) -> Option<RawRecord<'a>> {
    let bytes = record.bytes;
    let start = bytes.iter().position(|&b| b == b'[')? + 1;
    let rest = &bytes[start..];
    let offset = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &rest[offset..];
    let mut stream =
        serde_json::Deserializer::from_slice(rest).into_iter::<serde::de::IgnoredAny>();
    stream.next()?.ok()?;
    Some(RawRecord {
        location: record.location,
        bytes: &rest[..stream.byte_offset()],
    })
}

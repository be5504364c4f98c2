//! Bluesky XRPC JSON (`bluesky.xrpc`): responses of the AppView (`app.bsky.*`) and of a PDS
//! (`com.atproto.repo.listRecords`, `getRecord`), one response per file, or JSON Lines or a JSON
//! array of responses (pages of a paginated harvest), each response a record.
//!
//! A response is recognised by its members (`feed`, `thread`, `posts`, `likes`, `repostedBy`,
//! `follows`, `followers`, `profiles`, `actors`, `list`/`items`, `records`, or a profile's own
//! `did`); an error response (`{"error", "message"}`) or an object of another shape is skipped
//! with a diagnostic.

pub mod convert;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, head_shape, js_name};
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

use crate::raw::{Profile, Response, KNOWN_MEMBERS};

/// `bluesky.xrpc`: Bluesky XRPC JSON responses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Xrpc;

/// Members that make an object a response this importer reads (with atproto identifiers).
const RESPONSE_MEMBERS: [&str; 12] = [
    "feed",
    "thread",
    "posts",
    "likes",
    "repostedBy",
    "follows",
    "followers",
    "profiles",
    "actors",
    "list",
    "records",
    "value",
];

impl Importer for Xrpc {
    fn id(&self) -> &'static str {
        "bluesky.xrpc"
    }

    fn platform(&self) -> Platform {
        Platform::Bluesky
    }

    fn description(&self) -> &'static str {
        "Bluesky XRPC JSON: getAuthorFeed, getPostThread, getPosts, getQuotes, searchPosts, getLikes, getRepostedBy, getFollows, getFollowers, getProfile(s), getList, listRecords"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if js_name(head).is_some() {
            return Confidence::No;
        }
        let shape = head_shape(head, 8);
        let response =
            shape.any_has_any(&RESPONSE_MEMBERS) || shape.any_has_all(&["did", "handle"]);
        // `feed`, `posts`, `followers`, `items` … are common words in other platforms' JSON;
        // what no other format has are atproto identifiers, which every response with content
        // carries (an empty page without them has nothing to import).
        let atproto = contains(head, "\"at://did:")
            || contains(head, "\"did:plc:")
            || contains(head, "\"did:web:")
            || contains(head, "\"app.bsky.");
        if response && atproto {
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
        json::drive(input, &ResponseParser, options, sink).map(|_| ())
    }
}

struct ResponseParser;

impl RecordParser for ResponseParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let response: Response<'_> = record.deserialize()?;
        if record.location.record == 0 {
            let unknown = record.unknown_keys(KNOWN_MEMBERS);
            if !unknown.is_empty() {
                warnings.push(format!("fields not read: {}", unknown.join(", ")));
            }
        }
        if convert::is_profile(&response) {
            let profile: Profile<'_> = record.deserialize()?;
            return convert::profile(&profile, out).map_err(RecordError::from);
        }
        match convert::response(&response, out, warnings) {
            Ok(()) => Ok(()),
            Err(crate::ConvertError::NotImported(reason))
                if convert::Shape::of(&response).is_none() =>
            {
                let members = record.unknown_keys(&[]);
                Err(RecordError::Skip(format!(
                    "{reason} (members: {})",
                    if members.is_empty() {
                        "none".to_string()
                    } else {
                        members.join(", ")
                    }
                )))
            }
            Err(e) => Err(e.into()),
        }
    }
}

//! YouTube Data API v3 JSON (`youtube.api`): response pages of `videos.list`, `search.list`,
//! `commentThreads.list`, `comments.list` and `channels.list` (one per file, a JSON array of
//! them, or JSON Lines), or their resources stored one by one.

pub mod convert;
pub mod raw;

use std::collections::BTreeSet;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::contains;
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

/// `youtube.api`: YouTube Data API v3 responses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Api;

impl Importer for Api {
    fn id(&self) -> &'static str {
        "youtube.api"
    }

    fn platform(&self) -> Platform {
        Platform::Youtube
    }

    fn description(&self) -> &'static str {
        "YouTube Data API v3 JSON: videos, search, commentThreads, comments, channels (pages or JSON Lines)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        if !json::json_start(head).starts_with(b"{") && !json::json_start(head).starts_with(b"[") {
            return Confidence::No;
        }
        let kinds = [
            "\"youtube#videoListResponse\"",
            "\"youtube#searchListResponse\"",
            "\"youtube#commentThreadListResponse\"",
            "\"youtube#commentListResponse\"",
            "\"youtube#channelListResponse\"",
            "\"youtube#video\"",
            "\"youtube#commentThread\"",
            "\"youtube#comment\"",
            "\"youtube#channel\"",
            "\"youtube#searchResult\"",
        ];
        if kinds.iter().any(|k| contains(head, k)) {
            Confidence::Certain
        } else if contains(head, "\"youtube#") {
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
        let resource: raw::Resource<'_> = record.deserialize()?;
        if record.location.record == 0 {
            let unknown = unknown_fields(record);
            if !unknown.is_empty() {
                warnings.push(format!("fields not read: {}", unknown.join(", ")));
            }
        }
        convert::record(&resource, out, warnings)?;
        Ok(())
    }
}

/// Keys of a snippet this importer reads or knows.
const SNIPPET_KEYS: &[&str] = &[
    "publishedAt",
    "channelId",
    "title",
    "description",
    "channelTitle",
    "tags",
    "defaultLanguage",
    "defaultAudioLanguage",
    "liveBroadcastContent",
    "categoryId",
    "thumbnails",
    "localized",
    "publishTime",
    "customUrl",
    "country",
    "videoId",
    "topLevelComment",
    "totalReplyCount",
    "canReply",
    "isPublic",
    "authorDisplayName",
    "authorChannelId",
    "authorChannelUrl",
    "authorProfileImageUrl",
    "textDisplay",
    "textOriginal",
    "parentId",
    "likeCount",
    "updatedAt",
    "canRate",
    "viewerRating",
    "moderationStatus",
];

/// Fields of the first record, its first item and that item's snippet that this importer
/// neither reads nor knows (checked on the first record of a file only).
fn unknown_fields(record: &RawRecord<'_>) -> Vec<String> {
    use serde_json::Value;
    let Ok(Value::Object(top)) = serde_json::from_slice(record.bytes) else {
        return Vec::new();
    };
    let mut unknown = BTreeSet::new();
    let mut check = |map: &serde_json::Map<String, Value>, known: &[&str], at: &str| {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                unknown.insert(format!("{at}{key}"));
            }
        }
    };
    check(&top, raw::RESOURCE_KEYS, "");
    let (item, at) = match top
        .get("items")
        .and_then(Value::as_array)
        .and_then(|i| i.first())
    {
        Some(Value::Object(item)) => {
            check(item, raw::RESOURCE_KEYS, "items[].");
            (item, "items[].snippet.")
        }
        _ => (&top, "snippet."),
    };
    if let Some(Value::Object(snippet)) = item.get("snippet") {
        check(snippet, SNIPPET_KEYS, at);
    }
    unknown.into_iter().collect()
}

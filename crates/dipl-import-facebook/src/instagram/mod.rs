//! Instagram Graph API responses (`instagram.graph`): media pages (`/{ig-user-id}/media` with
//! `comments{…,replies{…}}`), IG user nodes with their `media` edge, Business Discovery
//! responses, comment pages and single media nodes; one response per file, a JSON array of
//! responses, or JSON Lines of responses, each a record of [`dipl_ingest::json::drive`].

pub mod convert;
pub mod raw;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, head_shape, js_name};
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

/// `instagram.graph`: Instagram Graph API media, comments and user nodes.
#[derive(Debug, Clone, Copy, Default)]
pub struct InstagramGraph;

impl Importer for InstagramGraph {
    fn id(&self) -> &'static str {
        "instagram.graph"
    }

    fn platform(&self) -> Platform {
        Platform::Instagram
    }

    fn description(&self) -> &'static str {
        "Instagram Graph API JSON: media pages with comments and replies, user nodes, Business Discovery, comment pages"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        sniff(head)
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        json::drive(input, &MediaParser, options, sink).map(|_| ())
    }
}

fn sniff(head: &[u8]) -> Confidence {
    if js_name(head).is_some() || contains(head, "\"created_time\"") {
        return Confidence::No;
    }
    // Upper-case media types are Instagram's (Facebook attachments spell them in lower case,
    // Telegram exports name theirs `video_file`, `sticker` …).
    let ig_media_type = ["\"IMAGE\"", "\"VIDEO\"", "\"CAROUSEL_ALBUM\""]
        .iter()
        .any(|v| contains(head, v));
    if contains(head, "\"business_discovery\"")
        || contains(head, "\"media_product_type\"")
        || (contains(head, "\"media_type\"") && ig_media_type)
    {
        return Confidence::Certain;
    }
    let shape = head_shape(head, 16);
    if shape.any_has_any(&["follows_count", "media_count"])
        && !shape.any_has_any(&["screen_name", "statuses_count"])
    {
        return Confidence::Likely;
    }
    let timestamp = contains(head, "\"timestamp\"");
    if timestamp && (contains(head, "\"permalink\"") || contains(head, "\"comments_count\"")) {
        return Confidence::Likely;
    }
    // A comment page: `{"data": [{"id", "text", "timestamp", "username"}]}`.
    if timestamp
        && shape.any_has_any(&["data"])
        && contains(head, "\"username\"")
        && contains(head, "\"text\"")
        && contains(head, "graph.facebook.com")
    {
        return Confidence::Likely;
    }
    Confidence::No
}

struct MediaParser;

impl RecordParser for MediaParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let obj: raw::Object<'_> = record.deserialize()?;
        if record.location.record == 0 {
            let names = raw::unknown_fields(record.bytes);
            warnings.extend(crate::common::unknown_fields_warning(names));
        }
        convert::record(&obj, out, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let s = |head: &str| sniff(head.as_bytes());
        assert_eq!(
            s(
                r#"{"data": [{"id": "1", "caption": "x", "media_type": "IMAGE", "timestamp": "t"}]}"#
            ),
            Confidence::Certain
        );
        assert_eq!(
            s(r#"{"business_discovery": {"username": "x"}, "id": "2"}"#),
            Confidence::Certain
        );
        assert_eq!(
            s(r#"{"id": "1", "username": "x", "followers_count": 2, "media_count": 3}"#),
            Confidence::Likely
        );
        assert_eq!(
            s(
                r#"{"data": [{"id": "1_2", "created_time": "t", "attachments": {"data": [{"media_type": "photo"}]}}]}"#
            ),
            Confidence::No
        );
        assert_eq!(
            s(
                r#"{"name": "Channel", "type": "public_channel", "messages": [{"id": 1, "type": "message", "media_type": "video_file"}]}"#
            ),
            Confidence::No
        );
        assert_eq!(s(""), Confidence::No);
    }
}

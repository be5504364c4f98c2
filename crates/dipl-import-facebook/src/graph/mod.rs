//! Facebook Graph API responses (`facebook.graph`): page feeds (`/{page-id}/posts`, `/feed`,
//! `/published_posts`) with embedded comments, comment pages (`/{object-id}/comments`), page
//! nodes (`/{page-id}?fields=fan_count,followers_count,…`, optionally with an expanded `posts`
//! edge) and single post nodes; one response per file (pretty-printed), a JSON array of
//! responses, or JSON Lines of responses. Every response is a record of
//! [`dipl_ingest::json::drive`]; error responses are skipped with a diagnostic.

pub mod convert;
pub mod raw;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, head_shape, js_name};
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

/// `facebook.graph`: Facebook Graph API page feeds, comments and page nodes.
#[derive(Debug, Clone, Copy, Default)]
pub struct FacebookGraph;

impl Importer for FacebookGraph {
    fn id(&self) -> &'static str {
        "facebook.graph"
    }

    fn platform(&self) -> Platform {
        Platform::Facebook
    }

    fn description(&self) -> &'static str {
        "Facebook Graph API JSON: page feeds (/posts, /feed, /published_posts) with comments, comment pages, page nodes"
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
        json::drive(input, &GraphParser, options, sink).map(|_| ())
    }
}

/// Fields of Instagram's Graph objects only (they share the host and the paging with
/// Facebook's; Facebook attachments have a `media_type` too, in lower case).
const INSTAGRAM_FIELDS: [&str; 4] = [
    "\"media_product_type\"",
    "\"business_discovery\"",
    "\"media_count\"",
    "\"follows_count\"",
];

fn sniff(head: &[u8]) -> Confidence {
    if js_name(head).is_some() || INSTAGRAM_FIELDS.iter().any(|f| contains(head, f)) {
        return Confidence::No;
    }
    let shape = head_shape(head, 16);
    // `created_time` with the `+0000` offset is Graph's alone; X, Mastodon, Bluesky, VK,
    // Telegram and YouTube name their times otherwise.
    let graph_time = contains(head, "\"created_time\"");
    let page = shape.any_has_any(&["data"]);
    if graph_time && page {
        return Confidence::Certain;
    }
    if graph_time && shape.any_has_all(&["id"]) {
        return Confidence::Likely;
    }
    let page_node = shape.any_has_any(&["fan_count", "talking_about_count", "were_here_count"])
        || (shape.any_has_all(&["id", "category"])
            && shape.any_has_any(&["followers_count", "name"]));
    if page_node && !shape.any_has_any(&["screen_name", "username_history"]) {
        return Confidence::Likely;
    }
    // A page whose head was cut before the first post's fields.
    if page && shape.any_has_any(&["paging"]) && contains(head, "graph.facebook.com") {
        return Confidence::Maybe;
    }
    Confidence::No
}

struct GraphParser;

impl RecordParser for GraphParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let node: raw::Node<'_> = record.deserialize()?;
        if record.location.record == 0 {
            let mut names = Vec::new();
            convert::unknown_fields(&node, &mut names);
            warnings.extend(crate::common::unknown_fields_warning(names));
        }
        convert::record(&node, out, warnings)
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
                r#"{"data": [{"id": "1_2", "message": "hi", "created_time": "2024-03-01T10:00:00+0000"}], "paging": {}}"#
            ),
            Confidence::Certain
        );
        assert_eq!(
            s(r#"{"id": "1_2", "created_time": "2024-03-01T10:00:00+0000"}"#),
            Confidence::Likely
        );
        assert_eq!(
            s(r#"{"id": "1", "name": "EU in Kazakhstan", "fan_count": 5}"#),
            Confidence::Likely
        );
        assert_eq!(
            s(
                r#"{"data": [{"id": "1", "caption": "x", "media_type": "IMAGE", "timestamp": "t"}]}"#
            ),
            Confidence::No
        );
        assert_eq!(
            s(
                r#"{"data": [{"id": "1_2", "created_time": "t", "attachments": {"data": [{"media_type": "photo"}]}}]}"#
            ),
            Confidence::Certain
        );
        assert_eq!(
            s(r#"{"id": "1", "username": "x", "followers_count": 2, "media_count": 3}"#),
            Confidence::No
        );
        assert_eq!(
            s(r#"[{"created_at": "x", "id_str": "1", "text": "a", "user": {}}]"#),
            Confidence::No
        );
        assert_eq!(s(""), Confidence::No);
    }
}

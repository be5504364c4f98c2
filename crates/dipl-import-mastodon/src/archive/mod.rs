//! The Mastodon account archive (`mastodon.archive`): Settings → Import and export → Request
//! your archive, as the zip Mastodon delivers or its unpacked folder.
//!
//! Read: `outbox.json` (the account's activities, an ActivityStreams `OrderedCollection`,
//! streamed element by element) and `actor.json` (the account). `likes.json` and
//! `bookmarks.json` (URIs of others' posts the account liked or bookmarked) are recognised, so
//! that a whole archive can be imported, and reported once each as not imported; media files
//! are left to the input layer, which skips files no importer claims.
//!
//! Each file stands on its own: outbox activities name their `actor`, so the outbox needs no
//! sibling file; every post comes after its author's account record.

pub mod convert;
pub mod raw;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, head_shape};
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record};

use crate::error::ConvertError;
use crate::reader;
use convert::{Outcome, Visibility};

/// `mastodon.archive`: the Mastodon account archive.
#[derive(Debug, Clone, Copy, Default)]
pub struct Archive;

/// The archive files this importer tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Outbox,
    Actor,
    /// `likes.json`, `bookmarks.json`: lists of post URIs, not imported.
    UriList(&'static str),
}

/// The file name of an input name (a path, or `archive.zip!folder/entry`), lower-cased.
fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\', '!'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Which part a file is, from its first bytes (and its name when the bytes do not say).
fn part_of(name: &str, head: &[u8]) -> Option<Part> {
    let shape = head_shape(head, 1);
    if shape.is_array {
        return None;
    }
    let keys = shape.records.first()?;
    let has = |k: &str| keys.contains(&k.as_bytes());
    if has("orderedItems") {
        if contains(head, "\"likes.json\"") {
            return Some(Part::UriList("likes"));
        }
        if contains(head, "\"bookmarks.json\"") {
            return Some(Part::UriList("bookmarks"));
        }
        return match base_name(name).as_str() {
            "likes.json" => Some(Part::UriList("likes")),
            "bookmarks.json" => Some(Part::UriList("bookmarks")),
            _ => Some(Part::Outbox),
        };
    }
    if has("preferredUsername") || (has("inbox") && has("outbox")) {
        return Some(Part::Actor);
    }
    None
}

impl Importer for Archive {
    fn id(&self) -> &'static str {
        "mastodon.archive"
    }

    fn platform(&self) -> Platform {
        Platform::Mastodon
    }

    fn description(&self) -> &'static str {
        "Mastodon account archive (outbox.json, actor.json; likes.json and bookmarks.json recognised)"
    }

    fn sniff(&self, name: &str, head: &[u8]) -> Confidence {
        let activity_streams = contains(head, "activitystreams");
        let ordered_collection = contains(head, "OrderedCollection");
        match part_of(name, head) {
            // `"id":"outbox.json"` (the outbox) and `"outbox":"outbox.json"` (the actor) are
            // relative links only the archive writes.
            Some(Part::Outbox) if ordered_collection && contains(head, "\"outbox.json\"") => {
                Confidence::Certain
            }
            Some(Part::Outbox) if ordered_collection && activity_streams => Confidence::Likely,
            Some(Part::UriList(_)) if ordered_collection => Confidence::Likely,
            Some(Part::Actor) if contains(head, "\"outbox.json\"") => Confidence::Certain,
            Some(Part::Actor) if activity_streams => Confidence::Likely,
            _ => Confidence::No,
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let name = input.name().to_string();
        reader::with_rest(input, |mut rest| {
            let (mut head, _) = reader::read_head(&name, &mut rest, 256 * 1024, |_| false)?;
            let part = part_of(&name, &head).ok_or_else(|| ImportError::Invalid {
                file: name.clone(),
                message: "not a part of a Mastodon archive (expected the `outbox.json` collection, `actor.json`, `likes.json` or `bookmarks.json`)".into(),
            })?;
            if part != Part::Actor {
                reader::blank_empty_duplicate(&mut head, "orderedItems");
            }
            let mut input = reader::rejoin(&name, head, rest);
            match part {
                Part::Actor => {
                    json::drive(&mut input, &ActorParser, options, sink)?;
                }
                Part::Outbox => {
                    let parser = OutboxParser::default();
                    json::drive_member(&mut input, "orderedItems", options, sink, |_| Ok(&parser))?;
                    if let Some(message) = parser.summary() {
                        sink.diagnostic(Diagnostic {
                            file: name.clone(),
                            location: None,
                            severity: Severity::Warning,
                            message,
                        });
                    }
                }
                Part::UriList(what) => {
                    let parser = UriListParser::default();
                    json::drive_member(&mut input, "orderedItems", options, sink, |_| Ok(&parser))?;
                    sink.diagnostic(Diagnostic {
                        file: name.clone(),
                        location: None,
                        severity: Severity::Warning,
                        message: format!(
                            "not imported: {} post URIs of the account's {what} (the account's own acts on others' posts, not engagement with its posts)",
                            parser.items.load(Ordering::Relaxed)
                        ),
                    });
                }
            }
            Ok(())
        })
    }
}

struct ActorParser;

impl RecordParser for ActorParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let actor: raw::Actor<'_> = record.deserialize()?;
        if record.location.record == 0 {
            unknown_fields(record, raw::ACTOR_KEYS, warnings);
        }
        let account = convert::actor(&actor)?;
        if let Some(moved_to) = actor.moved_to.get() {
            warnings.push(format!(
                "the account has moved to {moved_to} (not recorded)"
            ));
        }
        out.push(Record::Account(account));
        Ok(())
    }
}

/// One warning listing the top-level fields this importer does not know.
pub(crate) fn unknown_fields(record: &RawRecord<'_>, known: &[&str], warnings: &mut Vec<String>) {
    let unknown = record.unknown_keys(known);
    if !unknown.is_empty() {
        warnings.push(format!("fields not read: {}", unknown.join(", ")));
    }
}

/// Translates outbox activities, counting what it leaves out.
#[derive(Default)]
struct OutboxParser {
    direct: AtomicU64,
    followers_only: AtomicU64,
    other: Mutex<BTreeMap<String, u64>>,
}

impl OutboxParser {
    fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        let direct = self.direct.load(Ordering::Relaxed);
        let followers = self.followers_only.load(Ordering::Relaxed);
        if direct > 0 {
            parts.push(format!("direct messages {direct}"));
        }
        if followers > 0 {
            parts.push(format!("followers-only posts {followers}"));
        }
        let other = self.other.lock().map(|m| m.clone()).unwrap_or_default();
        if !other.is_empty() {
            let list: Vec<String> = other.iter().map(|(k, n)| format!("{k} {n}")).collect();
            parts.push(format!(
                "other activities {} ({})",
                other.values().sum::<u64>(),
                list.join(", ")
            ));
        }
        (!parts.is_empty()).then(|| {
            format!(
                "not imported: {} (only public and unlisted posts and boosts are imported)",
                parts.join(", ")
            )
        })
    }
}

impl RecordParser for &OutboxParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let item: raw::Item<'_> = record.deserialize()?;
        let activity = match item {
            raw::Item::Activity(activity) => activity,
            raw::Item::Uri | raw::Item::Other => {
                return Err(
                    ConvertError::NotImported("an activity given only by reference".into()).into(),
                )
            }
        };
        if record.location.record == 0 {
            unknown_fields(record, raw::ACTIVITY_KEYS, warnings);
        }
        match convert::activity(&activity, out)? {
            Outcome::Imported => {}
            Outcome::NotPublic(Visibility::Direct) => {
                self.direct.fetch_add(1, Ordering::Relaxed);
            }
            Outcome::NotPublic(_) => {
                self.followers_only.fetch_add(1, Ordering::Relaxed);
            }
            Outcome::Other(kind) => {
                if let Ok(mut other) = self.other.lock() {
                    *other.entry(kind).or_default() += 1;
                }
            }
        }
        Ok(())
    }
}

/// Counts the URIs of `likes.json` / `bookmarks.json`.
#[derive(Default)]
struct UriListParser {
    items: AtomicU64,
}

impl RecordParser for &UriListParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        _out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        // Validate the element (a truncated list is corrupt like any other file).
        let _: serde::de::IgnoredAny = record.deserialize()?;
        self.items.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_from_heads() {
        let outbox = br#"{"@context":["https://www.w3.org/ns/activitystreams"],"id":"outbox.json","type":"OrderedCollection","totalItems":2,"orderedItems":[],"orderedItems":[{"id":"#;
        assert_eq!(part_of("x/outbox.json", outbox), Some(Part::Outbox));
        assert_eq!(Archive.sniff("outbox.json", outbox), Confidence::Certain);
        let likes = br#"{"@context":"https://www.w3.org/ns/activitystreams","id":"likes.json","type":"OrderedCollection","orderedItems":["https://a"]}"#;
        assert_eq!(part_of("likes.json", likes), Some(Part::UriList("likes")));
        assert_eq!(Archive.sniff("likes.json", likes), Confidence::Likely);
        let actor = br#"{"@context":["https://www.w3.org/ns/activitystreams"],"id":"https://h/users/a","type":"Person","inbox":"x","outbox":"outbox.json","preferredUsername":"a"}"#;
        assert_eq!(part_of("actor.json", actor), Some(Part::Actor));
        assert_eq!(Archive.sniff("actor.json", actor), Confidence::Certain);
        assert_eq!(
            Archive.sniff("x.json", br#"[{"orderedItems": []}]"#),
            Confidence::No
        );
        assert_eq!(Archive.sniff("x.json", br#"{"data": []}"#), Confidence::No);
        assert_eq!(base_name("a.zip!archive/Outbox.json"), "outbox.json");
    }
}

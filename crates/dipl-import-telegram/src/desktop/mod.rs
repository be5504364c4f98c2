//! Telegram Desktop "Export chat history" JSON (`telegram.desktop`): the `result.json` of one
//! channel or group, `{"name", "type", "id", "messages": [...]}`, streamed message by message.

pub mod convert;
pub mod raw;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, has_all, head_shape};
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record};

use crate::link::{Announced, Copies, Linker};
use crate::repair::repair;
use convert::{Chat, ChatKind, Outcome};

/// `telegram.desktop`: Telegram Desktop chat export (`result.json`) of a channel or group.
#[derive(Debug, Clone, Copy, Default)]
pub struct Desktop;

/// Chat types of a Telegram Desktop export.
const CHANNEL_TYPES: [&str; 2] = ["public_channel", "private_channel"];
const GROUP_TYPES: [&str; 3] = ["public_supergroup", "private_supergroup", "private_group"];
const PRIVATE_TYPES: [&str; 5] = [
    "personal_chat",
    "bot_chat",
    "saved_messages",
    "replies",
    "verification_codes",
];

impl Importer for Desktop {
    fn id(&self) -> &'static str {
        "telegram.desktop"
    }

    fn platform(&self) -> Platform {
        Platform::Telegram
    }

    fn description(&self) -> &'static str {
        "Telegram Desktop \"Export chat history\" JSON (result.json) of a channel or its discussion group"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        let shape = head_shape(head, 1);
        let Some(keys) = shape.records.first() else {
            return Confidence::No;
        };
        if shape.is_array || !has_all(keys, &["type", "id", "messages"]) {
            return Confidence::No;
        }
        // The envelope's chat type, written before `messages`, is Telegram Desktop's own.
        let envelope = match head.windows(10).position(|w| w == b"\"messages\"") {
            Some(at) => &head[..at],
            None => head,
        };
        let known = CHANNEL_TYPES
            .iter()
            .chain(&GROUP_TYPES)
            .chain(&PRIVATE_TYPES)
            .any(|t| contains(envelope, &format!("\"{t}\"")));
        if known {
            Confidence::Certain
        } else {
            Confidence::Likely
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let file = input.name().to_string();
        let notes = Notes::default();
        let announced = Announced::default();
        let copies = Copies::default();
        let mut linker = Linker::desktop(sink, &announced, &copies);
        json::drive_member(input, "messages", options, &mut linker, |envelope| {
            let chat = chat(envelope).map_err(|message| ImportError::Invalid {
                file: file.clone(),
                message,
            })?;
            Ok(MessageParser {
                chat,
                notes: &notes,
                announced: &announced,
                copies: &copies,
            })
        })?;
        for message in notes.summary().into_iter().chain(linker.copies_note()) {
            linker.report(Diagnostic {
                file: file.clone(),
                location: None,
                severity: Severity::Warning,
                message,
            });
        }
        linker.finish();
        Ok(())
    }
}

/// The chat of an export from its envelope.
fn chat(envelope: &serde_json::Map<String, serde_json::Value>) -> Result<Chat, String> {
    let id = match envelope.get("id") {
        Some(serde_json::Value::Number(n)) => n.as_u64().map(|n| n.to_string()),
        Some(serde_json::Value::String(s)) => {
            crate::value::parse_peer(s).map(|(_, id)| id.to_string())
        }
        _ => None,
    }
    .ok_or("the export names no chat `id` before `messages`: not a Telegram Desktop chat export")?;
    let name = envelope
        .get("name")
        .and_then(|v| v.as_str())
        .and_then(|n| crate::value::non_empty(Some(n)));
    let kind = match envelope.get("type").and_then(|v| v.as_str()) {
        Some(t) if CHANNEL_TYPES.contains(&t) => ChatKind::Channel,
        Some(t) if GROUP_TYPES.contains(&t) => ChatKind::Group,
        Some(t) if PRIVATE_TYPES.contains(&t) => {
            return Err(format!(
                "a private chat (`{t}`), not a channel or group: not imported"
            ))
        }
        Some(other) => {
            return Err(format!(
                "unknown chat type `{other}` (expected one of {}, {})",
                CHANNEL_TYPES.join(", "),
                GROUP_TYPES.join(", ")
            ))
        }
        None => return Err(
            "the export names no chat `type` before `messages`: not a Telegram Desktop chat export"
                .to_string(),
        ),
    };
    Ok(Chat { id, name, kind })
}

/// Counts kept across the parallel parse, reported once per file.
#[derive(Debug, Default)]
struct Notes {
    service: AtomicU64,
    unsupported: AtomicU64,
    local_dates: AtomicU64,
    repaired: AtomicU64,
    fields_not_read: Mutex<BTreeSet<String>>,
}

impl Notes {
    fn summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        let fields = self
            .fields_not_read
            .lock()
            .map(|f| f.iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        if !fields.is_empty() {
            out.push(format!("fields not read: {}", fields.join(", ")));
        }
        let service = self.service.load(Ordering::Relaxed);
        if service > 0 {
            out.push(format!(
                "service messages skipped (joins, pins, title and photo changes …: not posts): {service}"
            ));
        }
        let unsupported = self.unsupported.load(Ordering::Relaxed);
        if unsupported > 0 {
            out.push(format!(
                "messages of a type the exporting Telegram Desktop could not write (`unsupported`) skipped: {unsupported}"
            ));
        }
        let local = self.local_dates.load(Ordering::Relaxed);
        if local > 0 {
            out.push(format!(
                "messages without `date_unixtime` (exports made before 2021), whose local `date` is read as UTC, so that their times are off by the exporting computer's UTC offset: {local}"
            ));
        }
        let repaired = self.repaired.load(Ordering::Relaxed);
        if repaired > 0 {
            out.push(format!(
                "messages repaired, in which Telegram Desktop wrote control characters or line separators as invalid JSON: {repaired}"
            ));
        }
        out
    }
}

/// Keys of the first messages are compared with the known ones.
const CHECKED_RECORDS: u64 = 8;

struct MessageParser<'n> {
    chat: Chat,
    notes: &'n Notes,
    announced: &'n Announced,
    copies: &'n Copies,
}

impl MessageParser<'_> {
    fn convert(&self, record: &RawRecord<'_>, out: &mut Vec<Record>) -> Result<(), RecordError> {
        let message: raw::Message<'_> = record.deserialize()?;
        let announced = |id: &str, role| self.announced.contains(id, role);
        let read = match convert::message(&self.chat, &message, &announced, out)? {
            Outcome::Imported { local_date } => {
                if local_date {
                    self.notes.local_dates.fetch_add(1, Ordering::Relaxed);
                }
                true
            }
            Outcome::Copy { post_id } => {
                self.copies.register(&post_id);
                true
            }
            Outcome::Service => {
                self.notes.service.fetch_add(1, Ordering::Relaxed);
                false
            }
            Outcome::Unsupported => {
                self.notes.unsupported.fetch_add(1, Ordering::Relaxed);
                false
            }
        };
        if read && record.location.record < CHECKED_RECORDS {
            let unknown = record.unknown_keys(raw::KNOWN);
            if !unknown.is_empty() {
                if let Ok(mut fields) = self.notes.fields_not_read.lock() {
                    fields.extend(unknown);
                }
            }
        }
        Ok(())
    }
}

impl RecordParser for MessageParser<'_> {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        match self.convert(record, out) {
            Err(RecordError::Corrupt(message)) => match repair(record.bytes) {
                Some(fixed) => {
                    out.clear();
                    let fixed = RawRecord {
                        location: record.location,
                        bytes: &fixed,
                    };
                    self.convert(&fixed, out)?;
                    self.notes.repaired.fetch_add(1, Ordering::Relaxed);
                    Ok(())
                }
                None => Err(RecordError::Corrupt(message)),
            },
            other => other,
        }
    }
}

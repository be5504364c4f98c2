//! Telethon message dumps (`telegram.telethon`): one `Message.to_dict()` / `to_json()` per
//! line (JSON Lines), or a JSON array of them, as researchers write them with
//! `client.iter_messages(...)`.

pub mod convert;
pub mod raw;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::sniff::{contains, head_shape};
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record};

use crate::link::{Announced, Copies, Linker};
use convert::Outcome;

/// `telegram.telethon`: Telethon `Message.to_dict()` JSON Lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Telethon;

impl Importer for Telethon {
    fn id(&self) -> &'static str {
        "telegram.telethon"
    }

    fn platform(&self) -> Platform {
        Platform::Telegram
    }

    fn description(&self) -> &'static str {
        "Telethon message dumps: JSON Lines of Message.to_dict() / to_json() (iter_messages of channels and discussion groups)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        let shape = head_shape(head, 8);
        let telethon_keys = shape.any_has_all(&["_", "id", "peer_id"]);
        let constructor = contains(head, "\"_\": \"Message")
            || contains(head, "\"_\":\"Message")
            || contains(head, "\"_\": \"PeerChannel\"")
            || contains(head, "\"_\":\"PeerChannel\"");
        if telethon_keys && constructor {
            Confidence::Certain
        } else if shape.any_has_all(&["id", "peer_id", "date", "message"]) {
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
        let file = input.name().to_string();
        let notes = Notes::default();
        let announced = Announced::default();
        let copies = Copies::default();
        let mut linker = Linker::telethon(sink, &announced, &copies);
        let parser = LineParser {
            notes: &notes,
            announced: &announced,
            copies: &copies,
        };
        json::drive(input, &parser, options, &mut linker)?;
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

#[derive(Debug, Default)]
struct Notes {
    service: AtomicU64,
    empty: AtomicU64,
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
                "service messages (`MessageService`: joins, pins, title changes …: not posts) skipped: {service}"
            ));
        }
        let empty = self.empty.load(Ordering::Relaxed);
        if empty > 0 {
            out.push(format!(
                "deleted messages (`MessageEmpty`) skipped: {empty}"
            ));
        }
        out
    }
}

/// Keys of the first lines are compared with the known ones.
const CHECKED_RECORDS: u64 = 8;

struct LineParser<'n> {
    notes: &'n Notes,
    announced: &'n Announced,
    copies: &'n Copies,
}

impl RecordParser for LineParser<'_> {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let line: raw::Line<'_> = record.deserialize()?;
        let announced = |id: &str, role| self.announced.contains(id, role);
        match convert::line(&line, &announced, out)? {
            outcome @ (Outcome::Imported | Outcome::Copy { .. }) => {
                if let Outcome::Copy { post_id } = outcome {
                    self.copies.register(&post_id);
                }
                if record.location.record < CHECKED_RECORDS {
                    let unknown = record.unknown_keys(raw::KNOWN);
                    if !unknown.is_empty() {
                        if let Ok(mut fields) = self.notes.fields_not_read.lock() {
                            fields.extend(unknown);
                        }
                    }
                }
            }
            Outcome::Service => {
                self.notes.service.fetch_add(1, Ordering::Relaxed);
            }
            Outcome::Empty => {
                self.notes.empty.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(())
    }
}

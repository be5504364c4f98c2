//! The importer contract: what every platform importer implements and what it can rely on.
//!
//! - [`Importer`]: one per export format, with a stable id (`twitter.v1`, `twitter.twarc2` …), a cheap
//!   [`Importer::sniff`] for auto-detection, and a streaming [`Importer::import`] that pushes
//!   [`dipl_model::Record`]s and [`Diagnostic`]s into a [`Sink`].
//! - [`input`]: files, folders, `.gz` and `.zip` become a list of [`InputFile`]s, read once, hashed as
//!   they are read (provenance and idempotent re-import).
//! - [`json`]: splitting JSON Lines, JSON arrays, concatenated JSON and JS-wrapped archive files into
//!   records without loading the file, and parsing records in parallel in file order.
//! - [`values`]: lenient serde types for ids and counters as JSON exports write them.
//!
//! Importers translate; they do not decide: no clock, no store, no metrics here.

pub mod csv;
pub mod input;
pub mod json;
pub mod sniff;
pub mod testing;
pub mod values;

use std::fmt;

use dipl_model::{Platform, Record};

pub use input::{collect_inputs, InputFile, InputReader};

/// Where in a file a diagnostic points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// 1-based line where the record starts.
    pub line: u64,
    /// 0-based index of the record in the file.
    pub record: u64,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, record {}", self.line, self.record + 1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The record was skipped.
    Error,
    /// The record was imported, with something worth knowing.
    Warning,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A problem with one record: counted, located, reported; never fatal on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub location: Option<Location>,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(loc) => write!(
                f,
                "{}: {}: {}: {}",
                self.file,
                loc,
                self.severity.id(),
                self.message
            ),
            None => write!(f, "{}: {}: {}", self.file, self.severity.id(), self.message),
        }
    }
}

/// Why a whole file could not be imported. Any of these aborts the import of the file (and the
/// caller rolls back the whole import command, so the store stays as it was).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: not a recognised export ({detail}); expected one of: {expected}")]
    Unrecognised {
        file: String,
        detail: String,
        expected: String,
    },
    #[error("{file}: {location}: {message}; the file is corrupt or truncated (use --skip-bad to import the readable records and report the rest)")]
    Corrupt {
        file: String,
        location: Location,
        message: String,
    },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

/// Receives what an importer produces, in file order.
pub trait Sink {
    fn records(&mut self, records: Vec<Record>);
    fn diagnostic(&mut self, diagnostic: Diagnostic);
    /// Bytes of the input consumed so far (for progress bars).
    fn progress(&mut self, _bytes_read: u64) {}
}

/// A `Sink` that keeps everything, for tests and small inputs.
#[derive(Debug, Default)]
pub struct VecSink {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
}

impl VecSink {
    /// The posts among the records, in order.
    pub fn posts(&self) -> Vec<&dipl_model::Post> {
        self.records
            .iter()
            .filter_map(|r| match r {
                Record::Post(p) => Some(&**p),
                _ => None,
            })
            .collect()
    }
}

impl Sink for VecSink {
    fn records(&mut self, mut records: Vec<Record>) {
        self.records.append(&mut records);
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

/// Options every importer honours, and the few facts some formats need from the user because
/// the file does not state them.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Records that are not even valid JSON become diagnostics instead of failing the file.
    pub skip_bad: bool,
    /// `--platform`: the platform of formats that do not say (CSV edge lists, generic CSV/JSONL).
    pub platform: Option<Platform>,
    /// `--mapping FILE`: the column mapping of the generic CSV/TSV/JSONL importer.
    pub mapping: Option<Mapping>,
    /// `--of ACCOUNT`: whose list an id-list file is (X `followers/ids`, `friends/ids`), as a
    /// platform id or a handle.
    pub list_owner: Option<String>,
    /// `--relation followers|following`: which list an id-list file is.
    pub list_relation: Option<ListRelation>,
}

impl ImportOptions {
    /// What, besides a file's bytes, decides the facts its import yields (the platform of an
    /// edge list, the mapping of a CSV, the owner of an id list), as a short hash; `None` when
    /// nothing does. The same file imported with other such options is another import.
    pub fn identity(&self) -> Option<String> {
        if self.platform.is_none()
            && self.mapping.is_none()
            && self.list_owner.is_none()
            && self.list_relation.is_none()
        {
            return None;
        }
        let mut hasher = blake3::Hasher::new();
        let mut part = |label: &str, value: &str| {
            hasher.update(label.as_bytes());
            hasher.update(&(value.len() as u64).to_le_bytes());
            hasher.update(value.as_bytes());
        };
        part("platform", self.platform.map_or("", |p| p.id()));
        part("mapping", self.mapping.as_ref().map_or("", |m| &m.text));
        part("owner", self.list_owner.as_deref().unwrap_or(""));
        part(
            "relation",
            match self.list_relation {
                None => "",
                Some(ListRelation::Followers) => "followers",
                Some(ListRelation::Following) => "following",
            },
        );
        Some(hasher.finalize().to_hex()[..16].to_string())
    }
}

/// A mapping file as given on the command line: its path (for messages) and its text.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub path: String,
    pub text: std::sync::Arc<str>,
}

/// Which side of `--of` the accounts of an id list are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRelation {
    /// The listed accounts follow the owner.
    Followers,
    /// The owner follows the listed accounts.
    Following,
}

impl std::str::FromStr for ListRelation {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "followers" | "follower" => Ok(ListRelation::Followers),
            "following" | "friends" | "friend" | "followed" => Ok(ListRelation::Following),
            _ => Err(format!(
                "unknown relation `{s}` (expected followers or following)"
            )),
        }
    }
}

/// How sure an importer is that it reads a file, from its name and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    No,
    Maybe,
    Likely,
    Certain,
}

/// One export format.
pub trait Importer: Sync {
    /// Stable id, `<platform>.<format>`, e.g. `twitter.twarc2`.
    fn id(&self) -> &'static str;
    fn platform(&self) -> Platform;
    /// Version of this importer's translation (recorded with each import batch).
    fn version(&self) -> &'static str {
        "1"
    }
    /// One line: what it reads.
    fn description(&self) -> &'static str;
    /// Cheap check on the file name and its first bytes (already decompressed, at most 64 KiB).
    fn sniff(&self, name: &str, head: &[u8]) -> Confidence;
    /// Streams the file into `sink`. `Err` only when the file as a whole cannot be read.
    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError>;
}

/// Picks the importer that is most confident about a file; ties go to the earlier importer.
pub fn detect<'a>(
    importers: &[&'a dyn Importer],
    name: &str,
    head: &[u8],
) -> Option<&'a dyn Importer> {
    let mut best: Option<(&dyn Importer, Confidence)> = None;
    for &importer in importers {
        let confidence = importer.sniff(name, head);
        if confidence > Confidence::No && best.is_none_or(|(_, c)| confidence > c) {
            best = Some((importer, confidence));
        }
    }
    best.map(|(importer, _)| importer)
}

/// The list of ids, for "expected one of" messages.
pub fn expected_list(importers: &[&dyn Importer]) -> String {
    importers
        .iter()
        .map(|i| format!("{} ({})", i.id(), i.description()))
        .collect::<Vec<_>>()
        .join("; ")
}

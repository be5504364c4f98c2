//! The Diplometrics workspace: one folder with one SQLite store, and the operations the command
//! line, the report and (later) the server share: open, import exports, import the actor registry,
//! load a dataset for a scope.
//!
//! The wall clock and randomness never enter here: the caller passes the import time and the
//! pseudonymisation key for a new workspace.

mod importers;
pub mod registry;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use dipl_ingest::{Diagnostic, ImportError, ImportOptions, Importer, InputFile, Sink};
use dipl_model::{Dataset, Record, Timestamp};
use dipl_store::{analyse_post, BatchInfo, BatchOutcome, DiagnosticRow, Scope, Store, TextNotes};
use rayon::prelude::*;

pub use importers::{all_importers, importer_by_id};
pub use registry::{read_registry, RegisteredAccount, RegistryEntry, RegistryError};

/// File name of the store inside a workspace folder.
pub const STORE_FILE: &str = "diplometrics.sqlite";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] dipl_store::StoreError),
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error("{0}")]
    Usage(String),
    #[error("{path}: cannot create the workspace folder: {source}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Whether the error is the user's input (exit code 1) rather than an internal failure (2).
    pub fn is_input_error(&self) -> bool {
        !matches!(self, Error::Store(_))
    }
}

/// Observes a long import (progress bars live at the edge).
pub trait Progress {
    /// A new file starts; `size` in bytes when known.
    fn start_file(&mut self, _name: &str, _importer: &str, _size: Option<u64>) {}
    /// Bytes of the current file consumed so far.
    fn advance(&mut self, _bytes: u64) {}
    fn finish_file(&mut self) {}
}

/// A `Progress` that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// What to import and how.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub paths: Vec<PathBuf>,
    /// Importer id to use for every file instead of auto-detection.
    pub format: Option<String>,
    pub options: ImportOptions,
    /// The import time (observation time of counters that carry none), from the command-line edge.
    pub now: Timestamp,
}

/// What happened to one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub file: String,
    pub importer: String,
    pub outcome: FileOutcome,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    Imported {
        posts: u64,
        accounts: u64,
        observations: u64,
        follows: u64,
        records_skipped: u64,
    },
    /// The same content was imported before by the same importer: nothing changed.
    AlreadyImported { batch: i64 },
}

#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    /// Files inside the given folders or archives that no importer recognised (media, viewer
    /// pages …), skipped.
    pub skipped_files: Vec<String>,
}

impl ImportReport {
    pub fn total_posts(&self) -> u64 {
        self.files
            .iter()
            .map(|f| match f.outcome {
                FileOutcome::Imported { posts, .. } => posts,
                FileOutcome::AlreadyImported { .. } => 0,
            })
            .sum()
    }
}

/// An open workspace.
pub struct Workspace {
    dir: PathBuf,
    store: Store,
}

impl Workspace {
    /// Opens the workspace in `dir`, creating the folder and store if needed; `new_key` gives the
    /// pseudonymisation key of a new store.
    pub fn open(dir: &Path, new_key: impl FnOnce() -> [u8; 32]) -> Result<Workspace, Error> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Folder {
            path: dir.display().to_string(),
            source,
        })?;
        let store = Store::open_or_create(&dir.join(STORE_FILE), new_key)?;
        Ok(Workspace {
            dir: dir.to_path_buf(),
            store,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Imports every file under `request.paths` in one transaction: if any file fails, nothing
    /// is stored and the error names the file (and record).
    pub fn import(
        &mut self,
        request: &ImportRequest,
        progress: &mut dyn Progress,
    ) -> Result<ImportReport, Error> {
        let importers = all_importers();
        let forced = match &request.format {
            Some(id) => Some(importer_by_id(id).ok_or_else(|| {
                Error::Usage(format!(
                    "unknown format `{id}` (see `diplometrics formats`; known: {})",
                    importers
                        .iter()
                        .map(|i| i.id())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?),
            None => None,
        };
        let inputs = dipl_ingest::collect_inputs(&request.paths)?;
        if inputs.is_empty() {
            return Err(Error::Usage("no input files found".into()));
        }
        // Decide every file's importer before touching the store.
        let mut plan: Vec<(&InputFile, &'static dyn Importer)> = Vec::new();
        let mut report = ImportReport::default();
        for input in &inputs {
            let importer = match forced {
                Some(importer) => importer,
                None => {
                    let head = input.head()?;
                    match dipl_ingest::detect(&importers, input.logical_name(), &head) {
                        Some(importer) => importer,
                        None if input.found_inside => {
                            report.skipped_files.push(input.name.clone());
                            continue;
                        }
                        None => {
                            return Err(ImportError::Unrecognised {
                                file: input.name.clone(),
                                detail: describe_head(&head),
                                expected: dipl_ingest::expected_list(&importers),
                            }
                            .into())
                        }
                    }
                }
            };
            plan.push((input, importer));
        }
        if plan.is_empty() {
            return Err(Error::Usage(format!(
                "no recognised export among {} files (see `diplometrics formats`)",
                report.skipped_files.len()
            )));
        }

        let mut session = self.store.session()?;
        for (input, importer) in plan {
            // Identify the content first: an exact repeat is recognised without reading it, and
            // a new file is written without a savepoint (see `BatchInfo::content_hash`).
            let content_hash = match request.options.identity() {
                None => input.content_hash()?,
                Some(options) => format!("{}+{options}", input.content_hash()?),
            };
            if let Some(earlier) = session.already_imported(importer.id(), &content_hash)? {
                report.files.push(FileReport {
                    file: input.name.clone(),
                    importer: importer.id().to_string(),
                    outcome: FileOutcome::AlreadyImported { batch: earlier },
                    diagnostics: Vec::new(),
                });
                continue;
            }
            progress.start_file(&input.name, importer.id(), input.size_hint());
            let batch = session.begin_batch(&BatchInfo {
                importer_id: importer.id().to_string(),
                importer_version: importer.version().to_string(),
                source: input.name.clone(),
                started_at: request.now,
                content_hash: Some(content_hash.clone()),
            })?;
            let mut reader = input.open()?;
            let (tx, rx) = mpsc::sync_channel::<Event>(4);
            let mut counts = Counts::default();
            let mut diagnostics = Vec::new();
            let outcome: Result<(), Error> = std::thread::scope(|scope| {
                let options = &request.options;
                let reader = &mut reader;
                let worker = scope.spawn(move || {
                    let mut sink = ChannelSink { tx };
                    importer.import(reader, options, &mut sink)
                });
                let mut write_result = Ok(());
                for event in rx {
                    match event {
                        Event::Records(records, notes) => {
                            if write_result.is_ok() {
                                counts.add(&records);
                                write_result = session.write_noted(batch, &records, Some(&notes));
                            }
                        }
                        Event::Diagnostic(d) => diagnostics.push(d),
                        Event::Progress(bytes) => progress.advance(bytes),
                    }
                }
                let import_result = worker.join().unwrap_or_else(|_| {
                    Err(ImportError::Invalid {
                        file: input.name.clone(),
                        message: "the importer crashed (a bug: please report it with this file)"
                            .into(),
                    })
                });
                import_result?;
                write_result?;
                Ok(())
            });
            progress.finish_file();
            outcome?;
            let rows: Vec<DiagnosticRow> = diagnostics.iter().map(diagnostic_row).collect();
            session.add_diagnostics(batch, &rows)?;
            let skipped = diagnostics
                .iter()
                .filter(|d| d.severity == dipl_ingest::Severity::Error)
                .count() as u64;
            let outcome = match session.finish_batch(batch, &content_hash, request.now)? {
                BatchOutcome::AlreadyImported(old) => FileOutcome::AlreadyImported { batch: old },
                BatchOutcome::Imported(_) => FileOutcome::Imported {
                    posts: counts.posts,
                    accounts: counts.accounts,
                    observations: counts.observations,
                    follows: counts.follows,
                    records_skipped: skipped,
                },
            };
            report.files.push(FileReport {
                file: input.name.clone(),
                importer: importer.id().to_string(),
                outcome,
                diagnostics,
            });
        }
        session.commit()?;
        Ok(report)
    }

    /// Reads, validates and stores a registry file (all or nothing).
    pub fn import_registry(
        &mut self,
        csv: &Path,
        mapping: Option<&Path>,
    ) -> Result<RegistrySummary, Error> {
        let entries = read_registry(csv, mapping)?;
        self.store.upsert_registry(&entries)?;
        Ok(RegistrySummary {
            actors: entries.len(),
            accounts: entries.iter().map(|a| a.accounts.len()).sum(),
        })
    }

    /// Loads the dataset for a scope.
    pub fn dataset(&self, scope: &Scope) -> Result<Dataset, Error> {
        Ok(self.store.load_dataset(scope)?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegistrySummary {
    pub actors: usize,
    pub accounts: usize,
}

fn diagnostic_row(d: &Diagnostic) -> DiagnosticRow {
    DiagnosticRow {
        file: d.file.clone(),
        location: d.location.map(|l| l.to_string()),
        severity: d.severity.id().to_string(),
        message: d.message.clone(),
    }
}

/// A short description of what a file starts with, for "not recognised" errors.
fn describe_head(head: &[u8]) -> String {
    let start = dipl_ingest::json::json_start(head);
    if start.is_empty() {
        return "the file is empty".into();
    }
    let shown: String = String::from_utf8_lossy(&start[..start.len().min(60)])
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("it starts with `{}`", shown.trim_end())
}

#[derive(Debug, Default)]
struct Counts {
    posts: u64,
    accounts: u64,
    observations: u64,
    follows: u64,
}

impl Counts {
    fn add(&mut self, records: &[Record]) {
        for record in records {
            match record {
                Record::Post(_) => self.posts += 1,
                Record::Account(_) => self.accounts += 1,
                Record::AccountObservation(_) => self.observations += 1,
                Record::Follow(_) => self.follows += 1,
            }
        }
    }
}

enum Event {
    /// Records with the [`TextNotes`] of their posts (`None` for other records).
    Records(Vec<Record>, Vec<Option<TextNotes>>),
    Diagnostic(Diagnostic),
    Progress(u64),
}

/// Passes an importer's output from its thread to the thread writing the store.
struct ChannelSink {
    tx: mpsc::SyncSender<Event>,
}

impl Sink for ChannelSink {
    fn records(&mut self, records: Vec<Record>) {
        // Language and question detection runs here, on the importer's side of the channel and
        // on all cores, so that the single store writer never waits for it.
        let notes: Vec<Option<TextNotes>> = records
            .par_iter()
            .with_min_len(256)
            .map(|record| match record {
                Record::Post(post) => Some(analyse_post(post)),
                _ => None,
            })
            .collect();
        // A closed channel means the writer stopped on an error it will report.
        let _ = self.tx.send(Event::Records(records, notes));
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        let _ = self.tx.send(Event::Diagnostic(diagnostic));
    }

    fn progress(&mut self, bytes_read: u64) {
        let _ = self.tx.send(Event::Progress(bytes_read));
    }
}

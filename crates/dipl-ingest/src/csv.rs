//! Streaming CSV/TSV reading shared by every tabular importer (CrowdTangle, Meta Content
//! Library, YouTube Data Tools, the generic mapped importer, edge lists).
//!
//! - **Encodings**: a UTF-8 BOM is skipped; UTF-16 (LE/BE, with BOM) is transcoded; bytes that
//!   are not UTF-8 are read as Windows-1252 (a superset of Latin-1, what Excel writes on Western
//!   systems), with one warning per file.
//! - **Delimiter**: comma, tab or semicolon, decided from the header line ([`sniff_header`]).
//! - **Headers** are matched case-insensitively after trimming and collapsing whitespace
//!   ([`Headers::find`]), so `"Likes at Posting"`, `likes at posting` and `Likes  at Posting`
//!   are the same column.
//! - **Rows** are read in batches and converted in parallel (rayon), emitted in file order.
//!   A row with fewer cells than the header is a diagnostic (missing cells read as empty) unless
//!   it is the last row of a file that does not end in a newline: that is a truncated file,
//!   [`ImportError::Corrupt`] (a diagnostic under `--skip-bad`). Extra cells are a warning.

use dipl_model::Record;

use crate::json::{DriveStats, RecordError};
use crate::{ImportError, ImportOptions, InputReader, Location, Sink};

/// The header row of a file.
#[derive(Debug, Clone)]
pub struct Headers {
    names: Vec<String>,
    keys: Vec<String>,
}

impl Headers {
    pub fn new(names: Vec<String>) -> Headers {
        let keys = names.iter().map(|n| normalise(n)).collect();
        Headers { names, keys }
    }

    /// Column names as written in the file (BOM removed, trimmed).
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Index of the first column whose normalised name equals one of `candidates` (tried in
    /// order).
    pub fn find(&self, candidates: &[&str]) -> Option<usize> {
        candidates.iter().find_map(|c| {
            let c = normalise(c);
            self.keys.iter().position(|k| *k == c)
        })
    }

    /// Index of the first column whose normalised name starts with `prefix` (CrowdTangle's
    /// `Overperforming Score (weighted  —  Likes 1x …)`).
    pub fn find_prefix(&self, prefix: &str) -> Option<usize> {
        let prefix = normalise(prefix);
        self.keys.iter().position(|k| k.starts_with(&prefix))
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Lower case, trimmed, inner whitespace runs collapsed to one space.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// One data row.
#[derive(Debug)]
pub struct Row<'a> {
    /// `line`: the physical line (1-based) where the row starts; `record`: 0-based data row.
    pub location: Location,
    cells: &'a [String],
}

impl<'a> Row<'a> {
    pub fn new(location: Location, cells: &'a [String]) -> Row<'a> {
        Row { location, cells }
    }

    /// The trimmed cell of column `column`; `None` when the column is absent (`None`), the row
    /// is short, or the cell is empty.
    pub fn get(&self, column: Option<usize>) -> Option<&'a str> {
        let cell = self.cells.get(column?)?.trim();
        (!cell.is_empty()).then_some(cell)
    }

    /// The cell as written (untrimmed; empty when the row is short).
    pub fn raw(&self, column: usize) -> &'a str {
        self.cells.get(column).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

/// Translates one row into model records. Must be pure (it runs in parallel).
pub trait RowParser: Sync {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError>;
}

/// The delimiter and normalised header names of a file's first line, for `sniff`: `None` when
/// the head does not look like delimited text. Handles BOMs and UTF-16.
pub fn sniff_header(head: &[u8]) -> Option<(u8, Vec<String>)> {
    let _ = head;
    todo!("lead is implementing csv::sniff_header")
}

/// Reads every row of `input`: the header row goes to `make_parser` (which may push file-level
/// warnings, e.g. columns it does not read, and refuses a header it cannot use with a message);
/// rows are parsed in parallel and records and diagnostics sent to `sink` in file order.
pub fn drive<P: RowParser>(
    input: &mut InputReader,
    options: &ImportOptions,
    sink: &mut dyn Sink,
    make_parser: impl FnOnce(&Headers, &mut Vec<String>) -> Result<P, String>,
) -> Result<DriveStats, ImportError> {
    let _ = (input, options, sink, make_parser);
    todo!("lead is implementing csv::drive")
}

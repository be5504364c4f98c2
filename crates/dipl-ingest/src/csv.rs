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

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

use dipl_model::Record;
use rayon::prelude::*;

use crate::json::{DriveStats, RecordError};
use crate::{Diagnostic, ImportError, ImportOptions, InputReader, Location, Severity, Sink};

/// Records and warnings of one row, or why it was not imported.
/// Records and warnings of one row, or why it was not imported (with the warnings before that).
type RowOutcome = Result<(Vec<Record>, Vec<String>), (RecordError, Vec<String>)>;

/// Rows per parallel batch.
const BATCH_ROWS: usize = 8192;
/// Diagnostics kept per file; the rest are counted in one closing diagnostic.
const MAX_DIAGNOSTICS: u64 = 1000;

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
    /// The row's cells, concatenated (as UTF-8 text) …
    text: &'a str,
    /// … and where each cell ends in `text` (cell i is `ends[i-1]..ends[i]`, from 0).
    record: &'a csv::ByteRecord,
}

impl<'a> Row<'a> {
    /// A row from a csv record whose bytes are UTF-8 (`None` otherwise).
    pub fn from_record(location: Location, record: &'a csv::ByteRecord) -> Option<Row<'a>> {
        let text = std::str::from_utf8(record.as_slice()).ok()?;
        Some(Row {
            location,
            text,
            record,
        })
    }

    /// The trimmed cell of column `column`; `None` when the column is absent (`None`), the row
    /// is short, or the cell is empty.
    pub fn get(&self, column: Option<usize>) -> Option<&'a str> {
        let range = self.record.range(column?)?;
        let cell = self.text.get(range)?.trim();
        (!cell.is_empty()).then_some(cell)
    }

    /// The cell as written (untrimmed; empty when the row is short).
    pub fn raw(&self, column: usize) -> &'a str {
        self.record
            .range(column)
            .and_then(|range| self.text.get(range))
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.is_empty()
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
    let text = head_text(head)?;
    let first = text.lines().next()?;
    let trimmed = first.trim_start();
    if trimmed.is_empty() || trimmed.starts_with(['{', '[']) || first.contains('\0') {
        return None;
    }
    let delimiter = guess_delimiter(first)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(first.as_bytes());
    let record = reader.records().next()?.ok()?;
    Some((delimiter, record.iter().map(normalise).collect()))
}

/// The head as text: BOM removed, UTF-16 decoded, Windows-1252 when it is not UTF-8. A head cut
/// in the middle of a UTF-8 sequence is still UTF-8.
fn head_text(head: &[u8]) -> Option<String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(head) {
        let (text, _) = encoding.decode_without_bom_handling(&head[bom..]);
        return Some(text.into_owned());
    }
    match std::str::from_utf8(head) {
        Ok(text) => Some(text.to_string()),
        Err(e) if e.error_len().is_none() => {
            Some(String::from_utf8_lossy(&head[..e.valid_up_to()]).into_owned())
        }
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(head);
            Some(text.into_owned())
        }
    }
}

/// Comma, tab or semicolon: the one that occurs most often outside quotes in the header line
/// (ties in that order); `None` when none occurs.
fn guess_delimiter(line: &str) -> Option<u8> {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for b in line.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => counts[0] += 1,
            b'\t' if !in_quotes => counts[1] += 1,
            b';' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i))?;
    (counts[best] > 0).then_some([b',', b'\t', b';'][best])
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
    let file = input.name().to_string();
    let invalid = |message: String| ImportError::Invalid {
        file: file.clone(),
        message,
    };
    // The first bytes decide the encoding and the delimiter.
    let mut head = Vec::with_capacity(64 * 1024);
    (&mut *input)
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| input.io_error(e))?;
    let text = match head_text(&head) {
        Some(text) if !head.is_empty() => text,
        _ => return Err(invalid("empty file: expected a header row".into())),
    };
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim().is_empty() {
        return Err(invalid(
            "empty first line: expected a header row of column names".into(),
        ));
    }
    let delimiter = guess_delimiter(first_line).unwrap_or(b',');
    let bom = encoding_rs::Encoding::for_bom(&head);
    let source = Tracking::new(Decoded::new(
        std::io::Cursor::new(head).chain(&mut *input),
        bom,
    ));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(source);

    let mut stats = DriveStats::default();
    let mut record = csv::ByteRecord::new();
    let header = match reader.read_byte_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => return Err(invalid("empty file: expected a header row".into())),
        Err(e) => return Err(invalid(format!("cannot read the header row: {e}"))),
    };
    let fallback = AtomicBool::new(false);
    let names: Vec<String> = header
        .iter()
        .map(|cell| decode(cell, &fallback).trim().to_string())
        .collect();
    let headers = Headers::new(names);
    let mut warnings = Vec::new();
    let parser = make_parser(&headers, &mut warnings).map_err(invalid)?;
    for message in warnings {
        stats.diagnostics += 1;
        sink.diagnostic(Diagnostic {
            file: file.clone(),
            location: None,
            severity: Severity::Warning,
            message: format!("header: {message}"),
        });
    }

    let mut warned_encoding = false;
    let mut next_record = 0u64;
    // Records are read into a pool reused from batch to batch (two allocations per row saved).
    let mut pool: Vec<(Location, csv::ByteRecord)> = Vec::with_capacity(BATCH_ROWS);
    loop {
        let mut done = false;
        let mut filled = 0;
        while filled < BATCH_ROWS {
            if filled == pool.len() {
                pool.push((Location::default(), csv::ByteRecord::new()));
            }
            let row = &mut pool[filled].1;
            match reader.read_byte_record(row) {
                Ok(true) => {
                    // A blank line reads as one empty cell: not a row.
                    if row.len() == 1 && row[0].is_empty() {
                        continue;
                    }
                    let offset = row.position().map_or(0, |p| p.byte());
                    let line = reader.get_mut().line_at(offset);
                    pool[filled].0 = Location {
                        line,
                        record: next_record,
                    };
                    filled += 1;
                    next_record += 1;
                }
                Ok(false) => {
                    done = true;
                    break;
                }
                Err(e) => {
                    let offset = e.position().map_or(0, |p| p.byte());
                    let line = reader.get_mut().line_at(offset);
                    let location = Location {
                        line,
                        record: next_record,
                    };
                    if !options.skip_bad {
                        return Err(ImportError::Corrupt {
                            file,
                            location,
                            message: e.to_string(),
                        });
                    }
                    stats.records_skipped += 1;
                    report(
                        sink,
                        &mut stats,
                        &file,
                        location,
                        Severity::Error,
                        format!("unreadable row, skipped: {e}"),
                    );
                    next_record += 1;
                }
            }
        }
        // A last row cut short in a file that does not end with a newline: truncated.
        let mut truncated = None;
        if done
            && reader
                .get_ref()
                .last_byte
                .is_some_and(|b| b != b'\n' && b != b'\r')
        {
            if let Some((location, row)) = filled.checked_sub(1).map(|last| &pool[last]) {
                if row.len() < headers.len() {
                    truncated = Some(*location);
                    filled -= 1;
                }
            }
        }
        let n_headers = headers.len();
        let results: Vec<(Location, RowOutcome, bool)> = pool[..filled]
            .par_iter()
            .map(|(location, record)| {
                let mut out = Vec::new();
                let mut warnings = Vec::new();
                if record.len() < n_headers {
                    warnings.push(format!(
                        "{} cells where the header has {n_headers}: the missing ones read as empty",
                        record.len()
                    ));
                } else if record.len() > n_headers {
                    warnings.push(format!(
                        "{} cells where the header has {n_headers}: the extra ones are not read",
                        record.len()
                    ));
                }
                // Not UTF-8: the cells are decoded as Windows-1252 into a record of their own.
                let decoded;
                let (row, used_fallback) = match Row::from_record(*location, record) {
                    Some(row) => (row, false),
                    None => {
                        let fallback = AtomicBool::new(false);
                        decoded = csv::ByteRecord::from(
                            record
                                .iter()
                                .map(|cell| decode(cell, &fallback).into_owned())
                                .collect::<Vec<String>>(),
                        );
                        // Decoded cells are UTF-8, so this always succeeds.
                        match Row::from_record(*location, &decoded) {
                            Some(row) => (row, true),
                            None => {
                                let error = RecordError::Skip("undecodable text".into());
                                return (*location, Err((error, warnings)), true);
                            }
                        }
                    }
                };
                let result = parser.parse(&row, &mut out, &mut warnings);
                let outcome = match result {
                    Ok(()) => Ok((out, warnings)),
                    Err(error) => Err((error, warnings)),
                };
                (*location, outcome, used_fallback)
            })
            .collect();
        let mut records = Vec::new();
        for (location, result, used_fallback) in results {
            stats.records_seen += 1;
            if used_fallback && !warned_encoding {
                warned_encoding = true;
                report(
                    sink,
                    &mut stats,
                    &file,
                    location,
                    Severity::Warning,
                    "the file is not UTF-8: read as Windows-1252 (Latin-1)".into(),
                );
            }
            let (error, warnings) = match result {
                Ok((mut out, warnings)) => {
                    records.append(&mut out);
                    (None, warnings)
                }
                Err((error, warnings)) => (Some(error), warnings),
            };
            for message in warnings {
                report(
                    sink,
                    &mut stats,
                    &file,
                    location,
                    Severity::Warning,
                    message,
                );
            }
            match error {
                None => {}
                Some(RecordError::Corrupt(message)) if !options.skip_bad => {
                    return Err(ImportError::Corrupt {
                        file,
                        location,
                        message,
                    });
                }
                Some(error) => {
                    stats.records_skipped += 1;
                    let message = match error {
                        RecordError::Corrupt(message) | RecordError::Skip(message) => {
                            format!("skipped: {message}")
                        }
                    };
                    report(sink, &mut stats, &file, location, Severity::Error, message);
                }
            }
        }
        if !records.is_empty() {
            sink.records(records);
        }
        sink.progress(reader.position().byte());
        if let Some(location) = truncated {
            let message = "the last row has fewer cells than the header and the file does not end with a line break".to_string();
            if !options.skip_bad {
                return Err(ImportError::Corrupt {
                    file,
                    location,
                    message,
                });
            }
            stats.records_skipped += 1;
            report(sink, &mut stats, &file, location, Severity::Error, message);
        }
        if done {
            break;
        }
    }
    if stats.diagnostics > MAX_DIAGNOSTICS {
        sink.diagnostic(Diagnostic {
            file,
            location: None,
            severity: Severity::Warning,
            message: format!(
                "{} more diagnostics not shown",
                stats.diagnostics - MAX_DIAGNOSTICS
            ),
        });
    }
    Ok(stats)
}

/// A cell as text: UTF-8 when it is, else Windows-1252 (and `fallback` is set).
fn decode<'a>(cell: &'a [u8], fallback: &AtomicBool) -> std::borrow::Cow<'a, str> {
    match std::str::from_utf8(cell) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            fallback.store(true, Ordering::Relaxed);
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(cell)
                .0
        }
    }
}

/// Counts a diagnostic and passes it on, up to [`MAX_DIAGNOSTICS`] per file.
fn report(
    sink: &mut dyn Sink,
    stats: &mut DriveStats,
    file: &str,
    location: Location,
    severity: Severity,
    message: String,
) {
    stats.diagnostics += 1;
    if stats.diagnostics <= MAX_DIAGNOSTICS {
        sink.diagnostic(Diagnostic {
            file: file.to_string(),
            location: Some(location),
            severity,
            message,
        });
    }
}

/// Remembers the bytes that passed until the rows starting in them are read, to give each row
/// its physical line (the csv crate's own line count skips blank lines and miscounts CRLF), and
/// the last byte, to tell a truncated file from a complete one.
struct Tracking<R> {
    inner: R,
    last_byte: Option<u8>,
    /// (offset of the chunk, newlines before it, bytes).
    chunks: std::collections::VecDeque<(u64, u64, Vec<u8>)>,
    offset: u64,
    newlines: u64,
}

impl<R> Tracking<R> {
    fn new(inner: R) -> Self {
        Tracking {
            inner,
            last_byte: None,
            chunks: std::collections::VecDeque::new(),
            offset: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the first byte at or after `offset` that is not a line break (a
    /// row's start as the csv crate reports it may be the line break before it, or blank lines).
    /// Forgets the bytes before `offset`.
    fn line_at(&mut self, offset: u64) -> u64 {
        while self
            .chunks
            .front()
            .is_some_and(|(start, _, bytes)| start + bytes.len() as u64 <= offset)
            && self.chunks.len() > 1
        {
            self.chunks.pop_front();
        }
        let Some((start, before, bytes)) = self.chunks.front() else {
            return 1 + self.newlines;
        };
        let at = (offset.saturating_sub(*start) as usize).min(bytes.len());
        let mut line = 1 + before + memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64;
        'skip: for (_, _, bytes) in self.chunks.iter() {
            let from = if std::ptr::eq(bytes, &self.chunks[0].2) {
                at
            } else {
                0
            };
            for &b in &bytes[from..] {
                match b {
                    b'\n' => line += 1,
                    b'\r' => {}
                    _ => break 'skip,
                }
            }
        }
        line
    }
}

impl<R: Read> Read for Tracking<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            let bytes = &buf[..n];
            self.last_byte = Some(bytes[n - 1]);
            self.chunks
                .push_back((self.offset, self.newlines, bytes.to_vec()));
            self.offset += n as u64;
            self.newlines += memchr::memchr_iter(b'\n', bytes).count() as u64;
        }
        Ok(n)
    }
}

/// The input as UTF-8 bytes: a UTF-8 BOM skipped, UTF-16 transcoded; other bytes untouched
/// (cells that are not UTF-8 are decoded one by one as Windows-1252).
struct Decoded<R> {
    inner: R,
    /// UTF-16: the decoder, and decoded bytes not yet handed out.
    decoder: Option<encoding_rs::Decoder>,
    pending: Vec<u8>,
    pending_at: usize,
    bom_left: usize,
    eof: bool,
}

impl<R: Read> Decoded<R> {
    fn new(inner: R, bom: Option<(&'static encoding_rs::Encoding, usize)>) -> Self {
        let (decoder, bom_left) = match bom {
            Some((encoding, len)) if encoding == encoding_rs::UTF_8 => (None, len),
            Some((encoding, len)) => (Some(encoding.new_decoder_without_bom_handling()), len),
            None => (None, 0),
        };
        Decoded {
            inner,
            decoder,
            pending: Vec::new(),
            pending_at: 0,
            bom_left,
            eof: false,
        }
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.bom_left > 0 {
            let mut skip = [0u8; 4];
            let n = self.inner.read(&mut skip[..self.bom_left])?;
            if n == 0 {
                return Ok(0);
            }
            self.bom_left -= n;
        }
        let Some(decoder) = self.decoder.as_mut() else {
            return self.inner.read(buf);
        };
        loop {
            if self.pending_at < self.pending.len() {
                let n = buf.len().min(self.pending.len() - self.pending_at);
                buf[..n].copy_from_slice(&self.pending[self.pending_at..self.pending_at + n]);
                self.pending_at += n;
                return Ok(n);
            }
            if self.eof {
                return Ok(0);
            }
            let mut raw = [0u8; 64 * 1024];
            let n = self.inner.read(&mut raw)?;
            self.eof = n == 0;
            self.pending.clear();
            self.pending_at = 0;
            let mut out = String::with_capacity(n * 3 / 2 + 16);
            let capacity = decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            out.reserve(capacity);
            let (_, _, _) = decoder.decode_to_string(&raw[..n], &mut out, self.eof);
            self.pending.extend_from_slice(out.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VecSink;
    use dipl_model::{AccountRecord, Platform, Role};

    /// One account per row: id from column `id`, handle from `name`; rows without id skipped.
    struct Accounts {
        id: Option<usize>,
        name: Option<usize>,
    }

    impl RowParser for Accounts {
        fn parse(
            &self,
            row: &Row<'_>,
            out: &mut Vec<Record>,
            _warnings: &mut Vec<String>,
        ) -> Result<(), RecordError> {
            let id = row
                .get(self.id)
                .ok_or_else(|| RecordError::Skip("no id".into()))?;
            out.push(Record::Account(AccountRecord::bare(
                Platform::Facebook,
                id,
                row.get(self.name).map(str::to_string),
                Role::Subject,
            )));
            Ok(())
        }
    }

    fn run(bytes: &[u8], skip_bad: bool) -> Result<(Vec<String>, Vec<String>), ImportError> {
        let mut input = InputReader::from_reader("t.csv", std::io::Cursor::new(bytes.to_vec()));
        let mut sink = VecSink::default();
        drive(
            &mut input,
            &ImportOptions {
                skip_bad,
                ..Default::default()
            },
            &mut sink,
            |headers, warnings| {
                let id = headers.find(&["ID", "page id"]).ok_or("no id column")?;
                if headers.find(&["extra"]).is_some() {
                    warnings.push("columns not read: extra".into());
                }
                Ok(Accounts {
                    id: Some(id),
                    name: headers.find(&["Page  Name"]),
                })
            },
        )?;
        let rows = sink
            .records
            .iter()
            .map(|r| match r {
                Record::Account(a) => format!("{}={}", a.id, a.handle.as_deref().unwrap_or("-")),
                _ => unreachable!(),
            })
            .collect();
        let diags = sink.diagnostics.iter().map(|d| d.to_string()).collect();
        Ok((rows, diags))
    }

    #[test]
    fn headers_match_loosely() {
        let h = Headers::new(vec![
            " Page Name ".into(),
            "Overperforming Score (weighted  —  Likes 1x Shares 1x )".into(),
        ]);
        assert_eq!(h.find(&["page  name"]), Some(0));
        assert_eq!(h.find(&["nope", "PAGE NAME"]), Some(0));
        assert_eq!(h.find_prefix("overperforming score"), Some(1));
        assert_eq!(h.find(&["x"]), None);
    }

    #[test]
    fn sniffs_delimiters_and_encodings() {
        assert_eq!(
            sniff_header(b"\xEF\xBB\xBFid,\"Page, Name\",x\n1,2,3"),
            Some((b',', vec!["id".into(), "page, name".into(), "x".into()]))
        );
        assert_eq!(sniff_header(b"a\tb;c\td\n").map(|s| s.0), Some(b'\t'));
        assert_eq!(sniff_header(b"a;b;c\n").map(|s| s.0), Some(b';'));
        assert_eq!(sniff_header(b"{\"a\": 1, \"b\": 2}\n"), None);
        assert_eq!(sniff_header(b"just one column\n"), None);
        // UTF-16 LE with BOM.
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Na\u{ef}ve,b\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(
            sniff_header(&utf16),
            Some((b',', vec!["na\u{ef}ve".into(), "b".into()]))
        );
        // Windows-1252.
        assert_eq!(
            sniff_header(b"Caf\xe9,b\n").map(|s| s.1),
            Some(vec!["caf\u{e9}".into(), "b".into()])
        );
    }

    #[test]
    fn rows_in_order_with_located_diagnostics() {
        let (rows, diags) = run(
            b"\xEF\xBB\xBFID,Page Name,extra\r\n1,\"Embassy, \"\"A\"\"\",x\r\n\r\n,nameless,y\r\n3,\"two\nlines\",z,surplus\r\n4\r\n",
            false,
        )
        .unwrap();
        assert_eq!(rows, ["1=Embassy, \"A\"", "3=two\nlines", "4=-"]);
        assert_eq!(
            diags,
            [
                "t.csv: warning: header: columns not read: extra",
                "t.csv: line 4, record 2: error: skipped: no id",
                "t.csv: line 5, record 3: warning: 4 cells where the header has 3: the extra ones are not read",
                "t.csv: line 7, record 4: warning: 1 cells where the header has 3: the missing ones read as empty",
            ]
        );
    }

    #[test]
    fn latin1_and_utf16_files_read_as_text() {
        let (rows, diags) =
            run(b"id;Page Name\n1;Ambassade de France \xe0 Astana\n", false).unwrap();
        assert_eq!(rows, ["1=Ambassade de France \u{e0} Astana"]);
        assert_eq!(
            diags,
            ["t.csv: line 2, record 1: warning: the file is not UTF-8: read as Windows-1252 (Latin-1)"]
        );
        let mut utf16 = vec![0xFE, 0xFF];
        for unit in "id\tpage name\n7\t\u{41f}\u{43e}\u{441}\u{43e}\u{43b}\u{44c}\u{441}\u{442}\u{432}\u{43e}\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_be_bytes());
        }
        let (rows, diags) = run(&utf16, false).unwrap();
        assert_eq!(
            rows,
            ["7=\u{41f}\u{43e}\u{441}\u{43e}\u{43b}\u{44c}\u{441}\u{442}\u{432}\u{43e}"]
        );
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn truncated_last_row_is_corrupt_unless_skipped() {
        let text = b"id,Page Name,extra\n1,a,x\n2,b,y\n3,\"cut";
        let err = run(text, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv: line 4, record 3: the last row has fewer cells than the header and the file does not end with a line break; the file is corrupt or truncated (use --skip-bad to import the readable records and report the rest)"
        );
        let (rows, diags) = run(text, true).unwrap();
        assert_eq!(rows, ["1=a", "2=b"]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        // A complete last row without a final newline is fine.
        let (rows, _) = run(b"id,Page Name,extra\n1,a,x", false).unwrap();
        assert_eq!(rows, ["1=a"]);
    }

    #[test]
    fn unusable_headers_are_clear_errors() {
        let err = run(b"", false).unwrap_err();
        assert_eq!(err.to_string(), "t.csv: empty file: expected a header row");
        let err = run(b"name,other\n1,2\n", false).unwrap_err();
        assert_eq!(err.to_string(), "t.csv: no id column");
    }
}

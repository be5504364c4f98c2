//! Streaming JSON record splitting and parallel parsing, shared by every JSON importer.
//!
//! Layouts recognised from the first bytes (after a UTF-8 BOM and whitespace):
//! - JSON Lines (`{…}\n{…}\n`, twarc, stream dumps), split on newlines;
//! - concatenated or pretty-printed JSON values (`{\n  …\n}\n{…}`), split by nesting depth;
//! - a top-level array (`[{…}, {…}]`, tweepy timelines), split into its elements;
//! - a JS-wrapped array (`window.YTD.tweets.part0 = [ … ]`, the X account archive).
//!
//! The file is read in chunks; the records of a chunk are parsed in parallel (rayon) and handed
//! to the sink in file order, so output is deterministic and memory is bounded by the chunk size.
//! A record that is not even valid JSON makes the file corrupt ([`ImportError::Corrupt`]) unless
//! the user asked to skip bad records; a record that is valid JSON of the wrong shape is a
//! diagnostic and the import goes on.

use std::io::Read;

use dipl_model::Record;
use rayon::prelude::*;

use crate::{Diagnostic, ImportError, ImportOptions, InputReader, Location, Severity, Sink};

/// Target bytes per parallel batch.
const CHUNK: usize = 8 * 1024 * 1024;
/// The members before the streamed array of [`drive_member`] are read whole, up to this size.
const MAX_ENVELOPE: usize = 64 * 1024 * 1024;
/// Diagnostics kept per file; the rest are counted in one closing diagnostic.
const MAX_DIAGNOSTICS: u64 = 1000;

/// One record's bytes and where it is.
#[derive(Debug, Clone, Copy)]
pub struct RawRecord<'a> {
    pub location: Location,
    pub bytes: &'a [u8],
}

impl<'a> RawRecord<'a> {
    /// Deserializes the record. The bytes are checked to be UTF-8 once, as a whole, and then
    /// parsed as a `str`, which spares serde_json a UTF-8 check of every string (measured: 7 % of
    /// the instructions of a twarc2 import). Invalid UTF-8 and invalid JSON are
    /// [`RecordError::Corrupt`]; valid JSON of another shape is [`RecordError::Skip`].
    pub fn deserialize<T: serde::Deserialize<'a>>(&self) -> Result<T, RecordError> {
        let text = std::str::from_utf8(self.bytes)
            .map_err(|e| RecordError::Corrupt(format!("not UTF-8: {e}")))?;
        serde_json::from_str(text).map_err(|e| RecordError::from_serde(&e))
    }
}

impl RawRecord<'_> {
    /// Top-level keys of this record (an object) that are not in `known`, sorted: for a once-per-file
    /// "fields this importer does not read" warning (call it on record 0 only; it parses the
    /// record a second time). Empty when the record is not an object.
    pub fn unknown_keys(&self, known: &[&str]) -> Vec<String> {
        let Ok(map) = serde_json::from_slice::<
            std::collections::BTreeMap<String, serde::de::IgnoredAny>,
        >(self.bytes) else {
            return Vec::new();
        };
        map.into_keys()
            .filter(|k| !known.contains(&k.as_str()))
            .collect()
    }
}

/// Why a record was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not valid JSON: the file is corrupt or truncated here.
    Corrupt(String),
    /// Valid JSON, but not a record of this format (an error object, an unknown shape …).
    Skip(String),
}

impl RecordError {
    /// Classifies a serde_json error: syntax and unexpected end are corruption, the rest is shape.
    pub fn from_serde(e: &serde_json::Error) -> RecordError {
        use serde_json::error::Category;
        match e.classify() {
            Category::Syntax | Category::Eof | Category::Io => RecordError::Corrupt(e.to_string()),
            Category::Data => RecordError::Skip(e.to_string()),
        }
    }
}

/// Translates one JSON record into model records. Must be pure (it runs in parallel).
pub trait RecordParser: Sync {
    /// Pushes records into `out` and non-fatal remarks into `warnings`.
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError>;
}

/// Counts of what a driven file contained.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DriveStats {
    pub records_seen: u64,
    pub records_skipped: u64,
    pub diagnostics: u64,
}

/// Records and warnings of one parsed record, or why it was not imported.
type ParseOutcome = Result<(Vec<Record>, Vec<String>), RecordError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Lines,
    Values,
    Array,
}

/// Skips a UTF-8 BOM and whitespace; returns the offset of the first significant byte.
pub fn significant_start(head: &[u8]) -> usize {
    let mut i = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    while i < head.len() && head[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The first significant bytes of `head` (after BOM, whitespace and a JS `name = ` prefix).
pub fn json_start(head: &[u8]) -> &[u8] {
    let start = significant_start(head);
    let rest = &head[start..];
    if let Some(offset) = js_prefix_len(rest) {
        let rest = &rest[offset..];
        return &rest[significant_start(rest)..];
    }
    rest
}

/// Length of a JS assignment prefix such as `window.YTD.tweets.part0 = `.
fn js_prefix_len(bytes: &[u8]) -> Option<usize> {
    if bytes.first().is_some_and(|b| b.is_ascii_alphabetic()) {
        let limit = bytes.len().min(256);
        let eq = bytes[..limit].iter().position(|&b| b == b'=')?;
        let name = &bytes[..eq];
        let is_identifier = name.iter().all(|&b| {
            b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b' ' || b == b'$'
        });
        if is_identifier {
            return Some(eq + 1);
        }
    }
    None
}

/// Scans one JSON value starting at `bytes[0]`; returns its length, or `None` if it does not end
/// within `bytes`.
fn scan_value(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            // Jump to the next quote or backslash: most of a record's bytes are string contents.
            match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                None => return None,
                Some(skip) => i += skip,
            }
            match bytes[i] {
                b'\\' => i += 1,
                _ => {
                    in_string = false;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                b',' if depth == 0 => return Some(i),
                c if depth == 0 && c.is_ascii_whitespace() => return Some(i),
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn count_lines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

struct Splitter {
    layout: Layout,
    /// Array layout: whether the closing `]` was seen.
    array_closed: bool,
    /// The array is one member of an enclosing object: what follows its `]` is not records.
    nested: bool,
    next_record: u64,
    /// Line number (1-based) at the start of the unconsumed buffer.
    line: u64,
}

enum Piece {
    Record(Location, std::ops::Range<usize>),
    /// Something that is not a JSON value where one was expected.
    Garbage(Location, String),
}

impl Splitter {
    /// Splits complete records off the front of `buf`; returns the pieces and the bytes consumed.
    /// At `eof`, whatever remains is a final (possibly truncated) record.
    fn split(&mut self, buf: &[u8], eof: bool) -> (Vec<Piece>, usize) {
        let mut pieces = Vec::new();
        let mut pos = 0;
        loop {
            // Skip separators, counting lines.
            while pos < buf.len()
                && (buf[pos].is_ascii_whitespace()
                    || (self.layout == Layout::Array && buf[pos] == b','))
            {
                if buf[pos] == b'\n' {
                    self.line += 1;
                }
                pos += 1;
            }
            if pos >= buf.len() {
                break;
            }
            let location = Location {
                line: self.line,
                record: self.next_record,
            };
            let rest = &buf[pos..];
            match self.layout {
                Layout::Array if self.array_closed && self.nested => {
                    // The enclosing object's remaining members: not records, not read.
                    pos = buf.len();
                    break;
                }
                Layout::Array if self.array_closed => {
                    if rest[0] == b';' {
                        pos += 1;
                        continue;
                    }
                    // Arrays one after the other (JSON Lines of API pages that are arrays).
                    if rest[0] == b'[' {
                        self.array_closed = false;
                        pos += 1;
                        continue;
                    }
                    pieces.push(Piece::Garbage(
                        location,
                        "unexpected data after the closing `]`".into(),
                    ));
                    pos = buf.len();
                    break;
                }
                Layout::Array if rest[0] == b']' => {
                    self.array_closed = true;
                    pos += 1;
                    continue;
                }
                Layout::Lines => {
                    let end = match memchr::memchr(b'\n', rest) {
                        Some(end) => end,
                        None if eof => rest.len(),
                        None => break,
                    };
                    let mut record_end = end;
                    if record_end > 0 && rest[record_end - 1] == b'\r' {
                        record_end -= 1;
                    }
                    pieces.push(Piece::Record(location, pos..pos + record_end));
                    self.next_record += 1;
                    pos += end;
                }
                Layout::Values | Layout::Array => match scan_value(rest) {
                    Some(len) if len > 0 => {
                        self.line += count_lines(&rest[..len]);
                        pieces.push(Piece::Record(location, pos..pos + len));
                        self.next_record += 1;
                        pos += len;
                    }
                    Some(_) => {
                        pieces.push(Piece::Garbage(
                            location,
                            format!("unexpected `{}`", rest[0] as char),
                        ));
                        pos = buf.len();
                        break;
                    }
                    None if eof => {
                        pieces.push(Piece::Record(location, pos..buf.len()));
                        self.next_record += 1;
                        pos = buf.len();
                    }
                    None => break,
                },
            }
        }
        (pieces, pos)
    }
}

/// Reads every JSON record of `input`, parses them in parallel with `parser`, and sends records
/// and diagnostics to `sink` in file order.
pub fn drive(
    input: &mut InputReader,
    parser: &dyn RecordParser,
    options: &ImportOptions,
    sink: &mut dyn Sink,
) -> Result<DriveStats, ImportError> {
    let file = input.name().to_string();
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 64 * 1024);
    let eof = fill(input, &mut buf, CHUNK)?;

    // Decide the layout from the first significant bytes.
    let mut start = significant_start(&buf);
    let mut line = 1 + count_lines(&buf[..start]);
    let layout = if let Some(prefix) = js_prefix_len(&buf[start..]) {
        line += count_lines(&buf[start..start + prefix]);
        start += prefix;
        let after = significant_start(&buf[start..]);
        line += count_lines(&buf[start..start + after]);
        start += after;
        Layout::Array
    } else {
        match buf.get(start) {
            None => {
                return Ok(DriveStats::default());
            }
            Some(b'[') => Layout::Array,
            Some(b'{') => {
                let first_line_end = memchr::memchr(b'\n', &buf[start..]).map(|e| start + e);
                let first_line = &buf[start..first_line_end.unwrap_or(buf.len())];
                if first_line_end.is_none() || scan_value(first_line).is_some() {
                    Layout::Lines
                } else {
                    Layout::Values
                }
            }
            Some(&other) => {
                return Err(ImportError::Invalid {
                    file,
                    message: format!(
                    "line {line}: expected JSON (an object, JSON Lines or an array), found `{}`",
                    other as char
                ),
                })
            }
        }
    };
    if layout == Layout::Array {
        if buf.get(start) != Some(&b'[') {
            return Err(ImportError::Invalid {
                file,
                message: format!("line {line}: expected a JSON array after the JS assignment"),
            });
        }
        start += 1;
    }
    buf.drain(..start);
    let splitter = Splitter {
        layout,
        array_closed: false,
        nested: false,
        next_record: 0,
        line,
    };
    run(input, file, buf, eof, splitter, parser, options, sink)
}

/// Splits, parses and emits the records of `buf` and the rest of `input`, starting at a record
/// boundary described by `splitter`.
#[allow(clippy::too_many_arguments)]
fn run(
    input: &mut InputReader,
    file: String,
    mut buf: Vec<u8>,
    mut eof: bool,
    mut splitter: Splitter,
    parser: &dyn RecordParser,
    options: &ImportOptions,
    sink: &mut dyn Sink,
) -> Result<DriveStats, ImportError> {
    let layout = splitter.layout;
    let mut stats = DriveStats::default();
    loop {
        let (pieces, consumed) = splitter.split(&buf, eof);
        let results: Vec<(Location, ParseOutcome)> = pieces
            .par_iter()
            .map(|piece| match piece {
                Piece::Record(location, range) => {
                    let raw = RawRecord {
                        location: *location,
                        bytes: &buf[range.clone()],
                    };
                    let mut out = Vec::new();
                    let mut warnings = Vec::new();
                    let result = parser
                        .parse(&raw, &mut out, &mut warnings)
                        .map(|()| (out, warnings));
                    (*location, result)
                }
                Piece::Garbage(location, message) => {
                    (*location, Err(RecordError::Corrupt(message.clone())))
                }
            })
            .collect();
        let n_records = results
            .iter()
            .map(|(_, r)| r.as_ref().map_or(0, |(records, _)| records.len()))
            .sum();
        let mut batch = Vec::with_capacity(n_records);
        for (location, result) in results {
            stats.records_seen += 1;
            match result {
                Ok((mut records, warnings)) => {
                    batch.append(&mut records);
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
                }
                Err(RecordError::Corrupt(message)) if !options.skip_bad => {
                    return Err(ImportError::Corrupt {
                        file,
                        location,
                        message: format!("invalid JSON ({message})"),
                    });
                }
                Err(error) => {
                    stats.records_skipped += 1;
                    let message = match error {
                        RecordError::Corrupt(message) => {
                            format!("invalid JSON, skipped: {message}")
                        }
                        RecordError::Skip(message) => format!("skipped: {message}"),
                    };
                    report(sink, &mut stats, &file, location, Severity::Error, message);
                }
            }
        }
        if !batch.is_empty() {
            sink.records(batch);
        }
        sink.progress(input.bytes_read());
        buf.drain(..consumed);
        if eof {
            break;
        }
        // Grow the target when one record is larger than the chunk.
        let target = if consumed == 0 {
            buf.len() + CHUNK
        } else {
            CHUNK
        };
        eof = fill(input, &mut buf, target)?;
    }
    if layout == Layout::Array && !splitter.array_closed {
        let location = Location {
            line: splitter.line,
            record: splitter.next_record,
        };
        let message = "the JSON array is not closed: the file is truncated".to_string();
        if !options.skip_bad {
            return Err(ImportError::Corrupt {
                file,
                location,
                message: format!("invalid JSON ({message})"),
            });
        }
        report(sink, &mut stats, &file, location, Severity::Error, message);
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

/// Streams the elements of the array held by the top-level member `member` of one JSON object:
/// Telegram Desktop's `{"name": …, "id": …, "messages": [ … ]}`, ActivityStreams'
/// `{"@context": …, "orderedItems": [ … ]}`. The members before it (the envelope: channel name,
/// id …) are parsed and handed to `make_parser`; members after it are skipped. Elements are
/// split, parsed in parallel and emitted in file order exactly as [`drive`] does, so memory stays
/// bounded whatever the size of the array. A file that is not a JSON object, or whose object has
/// no such array, is [`ImportError::Invalid`]; a truncated array is [`ImportError::Corrupt`]
/// (a diagnostic under `--skip-bad`).
pub fn drive_member<P: RecordParser>(
    input: &mut InputReader,
    member: &str,
    options: &ImportOptions,
    sink: &mut dyn Sink,
    make_parser: impl FnOnce(&serde_json::Map<String, serde_json::Value>) -> Result<P, ImportError>,
) -> Result<DriveStats, ImportError> {
    let file = input.name().to_string();
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 64 * 1024);
    let mut eof = fill(input, &mut buf, CHUNK)?;
    // The envelope is small, but a member before the array may not be: read until it is whole.
    let (envelope, start, line) = loop {
        match envelope(&buf, member) {
            Envelope::Found {
                members,
                start,
                line,
            } => break (members, start, line),
            Envelope::Incomplete if !eof && buf.len() >= MAX_ENVELOPE => {
                return Err(ImportError::Invalid {
                    file,
                    message: format!(
                        "no `{member}` array within the first {} MiB: not this export",
                        MAX_ENVELOPE >> 20
                    ),
                })
            }
            Envelope::Incomplete if !eof => {
                let target = buf.len() + CHUNK;
                eof = fill(input, &mut buf, target)?;
            }
            Envelope::Incomplete => {
                return Err(ImportError::Invalid {
                    file,
                    message: format!(
                    "the file ends before the `{member}` array: it is truncated or not this export"
                ),
                })
            }
            Envelope::Invalid(message) => return Err(ImportError::Invalid { file, message }),
        }
    };
    let parser = make_parser(&envelope)?;
    buf.drain(..start);
    let splitter = Splitter {
        layout: Layout::Array,
        array_closed: false,
        nested: true,
        next_record: 0,
        line,
    };
    run(input, file, buf, eof, splitter, &parser, options, sink)
}

/// The members of a top-level object before the array `member`.
enum Envelope {
    Found {
        members: serde_json::Map<String, serde_json::Value>,
        /// Offset of the first byte after the array's `[`.
        start: usize,
        /// Line number there.
        line: u64,
    },
    /// More bytes are needed.
    Incomplete,
    Invalid(String),
}

fn envelope(buf: &[u8], member: &str) -> Envelope {
    let mut pos = significant_start(buf);
    let mut line = 1 + count_lines(&buf[..pos]);
    let skip_ws = |pos: &mut usize, line: &mut u64| {
        while *pos < buf.len() && buf[*pos].is_ascii_whitespace() {
            if buf[*pos] == b'\n' {
                *line += 1;
            }
            *pos += 1;
        }
    };
    match buf.get(pos) {
        None => return Envelope::Incomplete,
        Some(b'{') => pos += 1,
        Some(&other) => {
            return Envelope::Invalid(format!(
                "line {line}: expected a JSON object holding a `{member}` array, found `{}`",
                other as char
            ))
        }
    }
    let mut members = serde_json::Map::new();
    // Where the first, empty, array of `member` opened (see below).
    let mut empty: Option<(usize, u64)> = None;
    loop {
        skip_ws(&mut pos, &mut line);
        match buf.get(pos) {
            None => return Envelope::Incomplete,
            Some(b',') => {
                pos += 1;
                continue;
            }
            Some(b'}') => {
                // Only an empty array: no records.
                if let Some((start, line)) = empty {
                    return Envelope::Found {
                        members,
                        start,
                        line,
                    };
                }
                return Envelope::Invalid(format!(
                    "line {line}: the object has no `{member}` array: not this export"
                ));
            }
            Some(b'"') => {}
            Some(&other) => {
                return Envelope::Invalid(format!(
                    "line {line}: expected a member name, found `{}`",
                    other as char
                ))
            }
        }
        let Some(len) = scan_value(&buf[pos..]) else {
            return Envelope::Incomplete;
        };
        let key: String = match serde_json::from_slice(&buf[pos..pos + len]) {
            Ok(key) => key,
            Err(e) => return Envelope::Invalid(format!("line {line}: invalid member name: {e}")),
        };
        pos += len;
        skip_ws(&mut pos, &mut line);
        match buf.get(pos) {
            None => return Envelope::Incomplete,
            Some(b':') => pos += 1,
            Some(_) => {
                return Envelope::Invalid(format!("line {line}: expected `:` after `{key}`"))
            }
        }
        skip_ws(&mut pos, &mut line);
        let Some(&first) = buf.get(pos) else {
            return Envelope::Incomplete;
        };
        if key == member {
            if first != b'[' {
                return Envelope::Invalid(format!("line {line}: `{member}` is not an array"));
            }
            // An empty array followed by another member of the same name (Mastodon archives
            // write `"orderedItems": [], "orderedItems": [...]`): the later one holds the data.
            let after = pos + 1 + significant_start(&buf[pos + 1..]);
            match buf.get(after) {
                None => return Envelope::Incomplete,
                Some(b']') => {
                    if empty.is_none() {
                        empty = Some((pos + 1, line));
                    }
                    line += count_lines(&buf[pos..after]);
                    pos = after + 1;
                    continue;
                }
                Some(_) => {
                    return Envelope::Found {
                        members,
                        start: pos + 1,
                        line,
                    }
                }
            }
        }
        let len = if matches!(first, b'{' | b'[' | b'"') {
            match scan_value(&buf[pos..]) {
                Some(len) => len,
                None => return Envelope::Incomplete,
            }
        } else {
            match buf[pos..]
                .iter()
                .position(|&b| b == b',' || b == b'}' || b.is_ascii_whitespace())
            {
                Some(len) => len,
                None => return Envelope::Incomplete,
            }
        };
        let value: serde_json::Value = match serde_json::from_slice(&buf[pos..pos + len]) {
            Ok(value) => value,
            Err(e) => {
                return Envelope::Invalid(format!("line {line}: invalid value of `{key}`: {e}"))
            }
        };
        line += count_lines(&buf[pos..pos + len]);
        pos += len;
        members.insert(key, value);
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

/// Reads until `buf` holds at least `target` bytes or the input ends; returns whether it ended.
fn fill(input: &mut InputReader, buf: &mut Vec<u8>, target: usize) -> Result<bool, ImportError> {
    let mut chunk = [0u8; 256 * 1024];
    while buf.len() < target {
        let n = match input.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(input.io_error(e)),
        };
        if n == 0 {
            return Ok(true);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VecSink;
    use dipl_model::{AccountRecord, Platform, Role};

    /// Turns `{"id": "x"}` into an account record; anything else without an id is skipped.
    struct IdParser;

    impl RecordParser for IdParser {
        fn parse(
            &self,
            record: &RawRecord<'_>,
            out: &mut Vec<Record>,
            warnings: &mut Vec<String>,
        ) -> Result<(), RecordError> {
            let value: serde_json::Value = record.deserialize()?;
            let id = value
                .get("id")
                .and_then(|v| v.as_str())
                .ok_or_else(|| RecordError::Skip("no id".into()))?;
            if id == "w" {
                warnings.push("w is odd".into());
            }
            out.push(Record::Account(AccountRecord::bare(
                Platform::Twitter,
                id,
                None,
                Role::Subject,
            )));
            Ok(())
        }
    }

    fn run(text: &str, skip_bad: bool) -> Result<(Vec<String>, Vec<String>), ImportError> {
        let mut input = InputReader::from_reader("t.json", std::io::Cursor::new(text.to_string()));
        let mut sink = VecSink::default();
        drive(
            &mut input,
            &IdParser,
            &ImportOptions {
                skip_bad,
                ..Default::default()
            },
            &mut sink,
        )?;
        let ids = sink
            .records
            .iter()
            .map(|r| match r {
                Record::Account(a) => a.id.clone(),
                _ => unreachable!(),
            })
            .collect();
        let diags = sink.diagnostics.iter().map(|d| d.to_string()).collect();
        Ok((ids, diags))
    }

    /// `drive_member` over `text`: the envelope's `name`, the ids, the diagnostics.
    fn run_member(
        text: &str,
        skip_bad: bool,
    ) -> Result<(String, Vec<String>, Vec<String>), ImportError> {
        let mut input = InputReader::from_reader("m.json", std::io::Cursor::new(text.to_string()));
        let mut sink = VecSink::default();
        let mut name = String::new();
        drive_member(
            &mut input,
            "messages",
            &ImportOptions {
                skip_bad,
                ..Default::default()
            },
            &mut sink,
            |envelope| {
                name = envelope
                    .get("name")
                    .and_then(|v| v.as_str())
                    .unwrap_or("-")
                    .to_string();
                Ok(IdParser)
            },
        )?;
        let ids = sink
            .records
            .iter()
            .map(|r| match r {
                Record::Account(a) => a.id.clone(),
                _ => unreachable!(),
            })
            .collect();
        let diags = sink.diagnostics.iter().map(|d| d.to_string()).collect();
        Ok((name, ids, diags))
    }

    #[test]
    fn member_array_is_streamed_with_its_envelope() {
        let text = "\u{feff}{\n \"name\": \"MFA \\\"KZ\\\"\",\n \"type\": \"public_channel\",\n \"id\": 123,\n \"ok\": true, \"nested\": {\"a\": [1, {\"b\": \"]\"}]},\n \"messages\": [\n  {\"id\": \"m1\"},\n  {\"x\": 1},\n  {\"id\": \"m3\"}\n ],\n \"after\": [{\"id\": \"not a record\"}]\n}\n";
        let (name, ids, diags) = run_member(text, false).unwrap();
        assert_eq!(name, "MFA \"KZ\"");
        assert_eq!(ids, ["m1", "m3"]);
        assert_eq!(diags, ["m.json: line 8, record 2: error: skipped: no id"]);
        // An empty array and a member after it.
        let (_, ids, _) = run_member("{\"messages\": [], \"more\": 1}", false).unwrap();
        assert!(ids.is_empty());
        // Mastodon writes the member twice, empty first: the second holds the data.
        let (name, ids, _) = run_member(
            "{\"messages\":[],\"name\":\"n\",\"messages\":[{\"id\":\"a\"},{\"id\":\"b\"}]}",
            false,
        )
        .unwrap();
        assert_eq!(
            (name.as_str(), ids),
            ("n", vec!["a".to_string(), "b".to_string()])
        );
    }

    #[test]
    fn member_array_errors_name_the_file() {
        let err = run_member("[{\"id\": \"a\"}]", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.json: line 1: expected a JSON object holding a `messages` array, found `[`"
        );
        let err = run_member("{\"name\": \"x\", \"items\": []}", false).unwrap_err();
        assert!(err.to_string().contains("has no `messages` array"), "{err}");
        let err = run_member("{\"name\": \"x\", \"messages\": 3}", false).unwrap_err();
        assert!(
            err.to_string().contains("`messages` is not an array"),
            "{err}"
        );
        let err = run_member("{\"name\": \"x\", \"mess", false).unwrap_err();
        assert!(
            err.to_string().contains("ends before the `messages` array"),
            "{err}"
        );
        // Truncated inside the array: corrupt, or the readable records with --skip-bad.
        let truncated = "{\"messages\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c";
        let err = run_member(truncated, false).unwrap_err();
        assert!(matches!(err, ImportError::Corrupt { .. }), "{err}");
        let (_, ids, diags) = run_member(truncated, true).unwrap();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(diags.len(), 2, "{diags:?}");
    }

    #[test]
    fn arrays_one_after_another() {
        let (ids, diags) = run(
            "[{\"id\":\"a\"},{\"id\":\"b\"}]\n[{\"id\":\"c\"}]\n[]\n",
            false,
        )
        .unwrap();
        assert_eq!(ids, ["a", "b", "c"]);
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn strings_with_escapes_and_brackets_split_correctly() {
        let text = "[{\"id\":\"a\\\"]}\"},{\"id\":\"b\\\\\"}, {\"id\": \"c\"}]";
        let (ids, _) = run(text, false).unwrap();
        assert_eq!(ids, ["a\"]}", "b\\", "c"]);
    }

    #[test]
    fn json_lines_with_bom_crlf_and_blank_lines() {
        let (ids, diags) = run(
            "\u{feff}{\"id\":\"a\"}\r\n\n{\"id\":\"b\"}\n{\"x\":1}\n{\"id\":\"w\"}",
            false,
        )
        .unwrap();
        assert_eq!(ids, ["a", "b", "w"]);
        assert_eq!(
            diags,
            [
                "t.json: line 4, record 3: error: skipped: no id",
                "t.json: line 5, record 4: warning: w is odd"
            ]
        );
    }

    #[test]
    fn arrays_pretty_values_and_js_wrapped() {
        let (ids, _) = run("[{\"id\":\"a\"},\n {\"id\":\"b,]\\\"\"}]\n", false).unwrap();
        assert_eq!(ids, ["a", "b,]\""]);
        let (ids, _) = run("{\n \"id\": \"a\"\n}\n{\n \"id\": \"b\"\n}\n", false).unwrap();
        assert_eq!(ids, ["a", "b"]);
        let (ids, _) = run("window.YTD.tweets.part0 = [ {\"id\":\"a\"} ];", false).unwrap();
        assert_eq!(ids, ["a"]);
        let (ids, diags) = run("", false).unwrap();
        assert!(ids.is_empty() && diags.is_empty());
    }

    #[test]
    fn truncation_is_corruption_unless_skipping() {
        let err = run("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.json: line 3, record 3: invalid JSON (EOF while parsing a value at line 1 column 6); the file is corrupt or truncated (use --skip-bad to import the readable records and report the rest)"
        );
        let (ids, diags) = run("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":", true).unwrap();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(diags.len(), 1);
        let err = run("[{\"id\":\"a\"}, {\"id\":\"b\"", false).unwrap_err();
        assert!(err.to_string().contains("record 2: invalid JSON"), "{err}");
        let err = run("[{\"id\":\"a\"}, ", false).unwrap_err();
        assert!(err.to_string().contains("not closed"), "{err}");
        let err = run("hello", false).unwrap_err();
        assert!(err.to_string().contains("expected JSON"), "{err}");
    }

    #[test]
    fn records_larger_than_a_chunk_and_many_chunks() {
        let big = "x".repeat(CHUNK + 10);
        let mut text = format!("{{\"id\":\"big\",\"pad\":\"{big}\"}}\n");
        for i in 0..200_000 {
            text.push_str(&format!(
                "{{\"id\":\"{i}\",\"pad\":\"{}\"}}\n",
                "y".repeat(40)
            ));
        }
        let (ids, diags) = run(&text, false).unwrap();
        assert_eq!(ids.len(), 200_001);
        assert_eq!(ids[0], "big");
        assert_eq!(ids[200_000], "199999");
        assert!(diags.is_empty());
    }
}

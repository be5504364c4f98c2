//! `generic.mapped`: posts from any CSV, TSV or JSON Lines file, read through a column mapping
//! ([`crate::mapping::Spec`]) compiled against the file's header ([`Plan`]).

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dipl_ingest::csv::{self as csv_drive, Headers, Row, RowParser};
use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role, Timestamp,
};
use serde_json::Value;

use crate::mapping::{CounterSpec, Format, KindValue, ListSpec, Piece, Source, Spec, Subjects};
use crate::values::{
    clean_id, is_null_marker, is_truthy, parse_count, parse_time, push_item, split_list, TimeError,
    TimeFormat,
};

/// Where the mapping documentation is, for messages.
pub const MAPPING_DOCS: &str = "docs/generic-mapping.md";

/// `generic.mapped`: any CSV/TSV/JSON Lines file of posts, with a column mapping.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mapped;

impl Importer for Mapped {
    fn id(&self) -> &'static str {
        "generic.mapped"
    }

    /// The trait wants one platform; this importer reads any (`platform` in the mapping or
    /// `--platform`). Only shown by `diplometrics formats`.
    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "any CSV, TSV or JSON Lines file of posts (4CAT, DMI-TCAT, spreadsheets) described by a column mapping (--mapping FILE)"
    }

    fn sniff(&self, _name: &str, _head: &[u8]) -> Confidence {
        // Only used when asked for with `--format generic.mapped`.
        Confidence::No
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let file = input.name().to_string();
        let invalid = |message: String| ImportError::Invalid {
            file: file.clone(),
            message,
        };
        let Some(mapping) = &options.mapping else {
            return Err(invalid(format!(
                "generic.mapped needs a column mapping: give one with --mapping FILE (a TOML file naming the columns for id, author_id, created_at …; see {MAPPING_DOCS} and the examples in crates/dipl-import-generic/examples/mappings/)"
            )));
        };
        let spec = Spec::parse(&mapping.text)
            .map_err(|e| invalid(format!("mapping {}: {e}", mapping.path)))?;
        let platform = match (spec.platform, options.platform) {
            (Some(a), Some(b)) if a != b => {
                return Err(invalid(format!(
                    "mapping {} says platform = \"{a}\" but --platform says {b}: remove one",
                    mapping.path
                )))
            }
            (Some(p), _) | (None, Some(p)) => p,
            (None, None) => {
                return Err(invalid(format!(
                    "the platform of the posts is not known: set `platform = \"…\"` in mapping {} or give --platform",
                    mapping.path
                )))
            }
        };
        let format = match spec.format.or_else(|| Format::from_name(&file)) {
            Some(format) => format,
            None => {
                return Err(invalid(format!(
                    "cannot tell the format from the file name: set `format = \"csv\"`, \"tsv\" or \"jsonl\" in mapping {}",
                    mapping.path
                )))
            }
        };
        let mapping_path = mapping.path.clone();
        let skipped = Arc::new(AtomicU64::new(0));
        match format {
            Format::Csv | Format::Tsv => {
                csv_drive::drive(input, options, sink, |headers, warnings| {
                    let plan =
                        Plan::for_csv(&spec, platform, headers, &mapping_path, skipped.clone())?;
                    let unread = plan.unread_columns(headers);
                    if !unread.is_empty() {
                        warnings.push(format!("columns not read: {}", unread.join(", ")));
                    }
                    Ok(CsvPlan(plan))
                })?;
            }
            Format::Jsonl => {
                let plan = Plan::for_json(&spec, platform, skipped.clone());
                json::drive(input, &plan, options, sink)?;
            }
        }
        let skipped = skipped.load(Ordering::Relaxed);
        if skipped > 0 {
            sink.diagnostic(Diagnostic {
                file,
                location: None,
                severity: Severity::Warning,
                message: format!(
                    "{skipped} rows skipped: their `kind` is mapped to \"skip\" in [kinds]"
                ),
            });
        }
        Ok(())
    }
}

/// The CSV row parser.
struct CsvPlan(Plan);

impl RowParser for CsvPlan {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        self.0.convert(&CsvAccess(row), out, warnings)
    }
}

impl RecordParser for Plan {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let value: Value = record.deserialize()?;
        if !value.is_object() {
            return Err(RecordError::Skip("not a JSON object".to_string()));
        }
        if record.location.record == 0 {
            let unread = record.unknown_keys(&self.top_level_keys());
            if !unread.is_empty() {
                warnings.push(format!("fields not read: {}", unread.join(", ")));
            }
        }
        self.convert(&JsonAccess(&value), out, warnings)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading cells
// ---------------------------------------------------------------------------------------------

/// Where a column is in a record: a CSV column index, or a JSON key (tried as is, then as a
/// dotted path into nested objects, fanning out over arrays).
#[derive(Debug, Clone)]
enum Key {
    Column(usize),
    Path { exact: String, parts: Vec<String> },
}

/// What a record holds for a key.
enum Cell<'a> {
    Text(Cow<'a, str>),
    List(Vec<Cow<'a, str>>),
    /// An object, or a list holding objects: nothing a field can use.
    Structure,
}

trait Access {
    /// The cell, or `None` when the column is absent, empty, or JSON `null`.
    fn cell(&self, key: &Key) -> Option<Cell<'_>>;
}

struct CsvAccess<'r, 'a>(&'r Row<'a>);

impl Access for CsvAccess<'_, '_> {
    fn cell(&self, key: &Key) -> Option<Cell<'_>> {
        match key {
            Key::Column(i) => self.0.get(Some(*i)).map(|s| Cell::Text(Cow::Borrowed(s))),
            Key::Path { .. } => None,
        }
    }
}

struct JsonAccess<'v>(&'v Value);

impl Access for JsonAccess<'_> {
    fn cell(&self, key: &Key) -> Option<Cell<'_>> {
        let Key::Path { exact, parts } = key else {
            return None;
        };
        let mut found = Vec::new();
        match self.0.get(exact.as_str()) {
            Some(v) => found.push(v),
            None if parts.len() > 1 => walk(self.0, parts, &mut found),
            None => {}
        }
        match found.as_slice() {
            [] => None,
            [one] => json_cell(one),
            many => {
                let mut items = Vec::new();
                for v in many {
                    match json_cell(v) {
                        Some(Cell::Text(t)) => items.push(t),
                        Some(Cell::List(list)) => items.extend(list),
                        Some(Cell::Structure) => return Some(Cell::Structure),
                        None => {}
                    }
                }
                (!items.is_empty()).then_some(Cell::List(items))
            }
        }
    }
}

/// Follows `parts` from `value`; arrays on the way fan out over their elements.
fn walk<'v>(value: &'v Value, parts: &[String], found: &mut Vec<&'v Value>) {
    let Some((first, rest)) = parts.split_first() else {
        found.push(value);
        return;
    };
    match value {
        Value::Object(map) => {
            if let Some(next) = map.get(first.as_str()) {
                walk(next, rest, found);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, parts, found);
            }
        }
        _ => {}
    }
}

fn json_scalar(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then_some(Cow::Borrowed(s))
        }
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

fn json_cell(v: &Value) -> Option<Cell<'_>> {
    match v {
        Value::Null => None,
        Value::Object(_) => Some(Cell::Structure),
        Value::Array(items) => {
            if items.iter().any(|i| i.is_object() || i.is_array()) {
                return Some(Cell::Structure);
            }
            let items: Vec<_> = items.iter().filter_map(json_scalar).collect();
            (!items.is_empty()).then_some(Cell::List(items))
        }
        scalar => json_scalar(scalar).map(Cell::Text),
    }
}

// ---------------------------------------------------------------------------------------------
// The compiled mapping
// ---------------------------------------------------------------------------------------------

/// A mapped value: what it is called in messages, and where it is read.
#[derive(Debug, Clone)]
struct Src {
    field: &'static str,
    /// `column \`Likes\`` or `template \`{a}-{b}\``.
    what: String,
    read: Read,
}

#[derive(Debug, Clone)]
enum Read {
    One(Key),
    Template(Vec<TPiece>),
}

#[derive(Debug, Clone)]
enum TPiece {
    Text(String),
    Key(Key),
}

#[derive(Debug, Clone)]
enum Counter {
    One(Src),
    /// (reaction name, source).
    Sum(Vec<(String, Src)>),
}

#[derive(Debug, Clone)]
enum SubjectRule {
    All,
    None,
    Accounts {
        ids: Vec<String>,
        handles: Vec<String>,
    },
    Column {
        key: Key,
        values: Option<Vec<String>>,
    },
}

/// A mapping resolved against one file: every column located.
pub struct Plan {
    platform: Platform,
    spec: Spec,
    id: Src,
    author_id: Src,
    created_at: Src,
    author_handle: Option<Src>,
    author_name: Option<Src>,
    text: Option<Src>,
    kind: Option<Src>,
    is_repost: Option<Src>,
    is_reply: Option<Src>,
    is_quote: Option<Src>,
    is_edited: Option<Src>,
    is_deleted: Option<Src>,
    parent: RefSrc,
    reposted: RefSrc,
    quoted: RefSrc,
    conversation_id: Option<Src>,
    lang: Option<Src>,
    urls: Option<(Src, Option<String>)>,
    hashtags: Option<(Src, Option<String>)>,
    mentions: Option<(Src, Option<String>)>,
    media: Option<(Src, Option<String>)>,
    likes: Option<Counter>,
    reposts: Option<Counter>,
    replies: Option<Counter>,
    quotes: Option<Counter>,
    views: Option<Counter>,
    bookmarks: Option<Counter>,
    followers: Option<Src>,
    following: Option<Src>,
    posts_count: Option<Src>,
    observed_at: Option<Src>,
    subjects: SubjectRule,
    /// Every key the plan reads (for the "not read" warnings).
    keys: Vec<Key>,
    skipped: Arc<AtomicU64>,
}

/// A reference of one record: whether its id cell is filled (for the kind), the reference
/// (when the id is readable), and the referenced author (when the id is known).
struct Reference {
    present: bool,
    post_ref: Option<PostRef>,
    account: Option<(String, Option<String>)>,
}

#[derive(Debug, Clone, Default)]
struct RefSrc {
    id: Option<Src>,
    author_id: Option<Src>,
    author_handle: Option<Src>,
}

/// Resolves column names to keys, collecting the names it cannot find.
struct Resolver<'h> {
    headers: Option<&'h Headers>,
    missing: Vec<String>,
    keys: Vec<Key>,
}

impl Resolver<'_> {
    fn key(&mut self, field: &str, name: &str) -> Key {
        let key = match self.headers {
            Some(headers) => match headers.find(&[name]) {
                Some(i) => Key::Column(i),
                None => {
                    self.missing.push(format!("`{name}` (for `{field}`)"));
                    Key::Column(usize::MAX)
                }
            },
            None => Key::Path {
                exact: name.to_string(),
                parts: name.split('.').map(str::to_string).collect(),
            },
        };
        self.keys.push(key.clone());
        key
    }

    fn src(&mut self, field: &'static str, source: &Source) -> Src {
        let read = match source {
            Source::Column(name) => Read::One(self.key(field, name)),
            Source::Template(pieces) => Read::Template(
                pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => TPiece::Text(t.clone()),
                        Piece::Column(c) => TPiece::Key(self.key(field, c)),
                    })
                    .collect(),
            ),
        };
        Src {
            field,
            what: source.describe(),
            read,
        }
    }

    fn opt(&mut self, field: &'static str, source: &Option<Source>) -> Option<Src> {
        source.as_ref().map(|s| self.src(field, s))
    }

    fn list(
        &mut self,
        field: &'static str,
        list: &Option<ListSpec>,
    ) -> Option<(Src, Option<String>)> {
        list.as_ref()
            .map(|l| (self.src(field, &l.source), l.separator.clone()))
    }

    fn counter(&mut self, field: &'static str, counter: &Option<CounterSpec>) -> Option<Counter> {
        counter.as_ref().map(|c| match c {
            CounterSpec::One(column) => {
                Counter::One(self.src(field, &Source::Column(column.clone())))
            }
            CounterSpec::Sum(parts) => Counter::Sum(
                parts
                    .iter()
                    .map(|(name, column)| {
                        (
                            name.clone(),
                            self.src(field, &Source::Column(column.clone())),
                        )
                    })
                    .collect(),
            ),
        })
    }
}

impl Plan {
    fn for_csv(
        spec: &Spec,
        platform: Platform,
        headers: &Headers,
        mapping_path: &str,
        skipped: Arc<AtomicU64>,
    ) -> Result<Plan, String> {
        let mut resolver = Resolver {
            headers: Some(headers),
            missing: Vec::new(),
            keys: Vec::new(),
        };
        let plan = Plan::build(spec, platform, &mut resolver, skipped);
        let looks_json = headers
            .names()
            .first()
            .is_some_and(|n| n.starts_with('{') || n.starts_with('['));
        if looks_json {
            return Err(format!(
                "the file looks like JSON, not CSV: set `format = \"jsonl\"` in mapping {mapping_path}"
            ));
        }
        if !resolver.missing.is_empty() {
            return Err(format!(
                "mapping {mapping_path}: {} not in the file's header; the file's columns are: {}",
                if resolver.missing.len() == 1 {
                    format!("column {} is", resolver.missing[0])
                } else {
                    format!("columns {} are", resolver.missing.join(", "))
                },
                headers
                    .names()
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(plan)
    }

    fn for_json(spec: &Spec, platform: Platform, skipped: Arc<AtomicU64>) -> Plan {
        let mut resolver = Resolver {
            headers: None,
            missing: Vec::new(),
            keys: Vec::new(),
        };
        Plan::build(spec, platform, &mut resolver, skipped)
    }

    fn build(
        spec: &Spec,
        platform: Platform,
        r: &mut Resolver<'_>,
        skipped: Arc<AtomicU64>,
    ) -> Plan {
        let f = &spec.fields;
        // `Spec::parse` guarantees the three required fields.
        let required = |r: &mut Resolver<'_>, field: &'static str, s: &Option<Source>| {
            let source = s
                .clone()
                .unwrap_or_else(|| Source::Column(field.to_string()));
            r.src(field, &source)
        };
        let subjects = match &spec.subjects {
            Subjects::All => SubjectRule::All,
            Subjects::None => SubjectRule::None,
            Subjects::Accounts { ids, handles } => SubjectRule::Accounts {
                ids: ids.clone(),
                handles: handles.clone(),
            },
            Subjects::Column { column, values } => SubjectRule::Column {
                key: r.key("subjects", column),
                values: values.clone(),
            },
        };
        Plan {
            platform,
            id: required(r, "id", &f.id),
            author_id: required(r, "author_id", &f.author_id),
            created_at: required(r, "created_at", &f.created_at),
            author_handle: r.opt("author_handle", &f.author_handle),
            author_name: r.opt("author_name", &f.author_name),
            text: r.opt("text", &f.text),
            kind: r.opt("kind", &f.kind),
            is_repost: r.opt("is_repost", &f.is_repost),
            is_reply: r.opt("is_reply", &f.is_reply),
            is_quote: r.opt("is_quote", &f.is_quote),
            is_edited: r.opt("is_edited", &f.is_edited),
            is_deleted: r.opt("is_deleted", &f.is_deleted),
            parent: RefSrc {
                id: r.opt("parent_id", &f.parent_id),
                author_id: r.opt("parent_author_id", &f.parent_author_id),
                author_handle: r.opt("parent_author_handle", &f.parent_author_handle),
            },
            reposted: RefSrc {
                id: r.opt("reposted_id", &f.reposted_id),
                author_id: r.opt("reposted_author_id", &f.reposted_author_id),
                author_handle: r.opt("reposted_author_handle", &f.reposted_author_handle),
            },
            quoted: RefSrc {
                id: r.opt("quoted_id", &f.quoted_id),
                author_id: r.opt("quoted_author_id", &f.quoted_author_id),
                author_handle: r.opt("quoted_author_handle", &f.quoted_author_handle),
            },
            conversation_id: r.opt("conversation_id", &f.conversation_id),
            lang: r.opt("lang", &f.lang),
            urls: r.list("urls", &f.urls),
            hashtags: r.list("hashtags", &f.hashtags),
            mentions: r.list("mentions", &f.mentions),
            media: r.list("media", &f.media),
            likes: r.counter("likes", &f.likes),
            reposts: r.counter("reposts", &f.reposts),
            replies: r.counter("replies", &f.replies),
            quotes: r.counter("quotes", &f.quotes),
            views: r.counter("views", &f.views),
            bookmarks: r.counter("bookmarks", &f.bookmarks),
            followers: r.opt("followers", &f.followers),
            following: r.opt("following", &f.following),
            posts_count: r.opt("posts_count", &f.posts_count),
            observed_at: r.opt("observed_at", &f.observed_at),
            subjects,
            keys: std::mem::take(&mut r.keys),
            spec: spec.clone(),
            skipped,
        }
    }

    /// Header names of the columns the mapping does not read.
    fn unread_columns(&self, headers: &Headers) -> Vec<String> {
        headers
            .names()
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                !self
                    .keys
                    .iter()
                    .any(|k| matches!(k, Key::Column(c) if c == i))
            })
            .map(|(_, name)| name.clone())
            .collect()
    }

    /// Top-level JSON keys the mapping reads.
    fn top_level_keys(&self) -> Vec<&str> {
        let mut keys = Vec::new();
        for key in &self.keys {
            if let Key::Path { exact, parts } = key {
                keys.push(exact.as_str());
                if let Some(first) = parts.first() {
                    keys.push(first.as_str());
                }
            }
        }
        keys
    }

    // -----------------------------------------------------------------------------------------
    // Values of one record
    // -----------------------------------------------------------------------------------------

    /// The raw text of a source: `None` when empty or absent (a template is absent when any of
    /// its columns is); `Err` when it holds a list or an object where one value is expected.
    fn raw<'a, A: Access>(&self, a: &'a A, src: &Src) -> Result<Option<Cow<'a, str>>, String> {
        let one = |key: &Key| -> Result<Option<Cow<'a, str>>, String> {
            match a.cell(key) {
                None => Ok(None),
                Some(Cell::Text(t)) => Ok(Some(t)),
                Some(Cell::List(mut items)) if items.len() == 1 => Ok(items.pop()),
                Some(Cell::List(_)) => Err(format!(
                    "{} (`{}`) holds a list where one value is expected",
                    src.what, src.field
                )),
                Some(Cell::Structure) => Err(format!(
                    "{} (`{}`) holds an object where one value is expected",
                    src.what, src.field
                )),
            }
        };
        match &src.read {
            Read::One(key) => one(key),
            Read::Template(pieces) => {
                let mut out = String::new();
                for piece in pieces {
                    match piece {
                        TPiece::Text(t) => out.push_str(t),
                        TPiece::Key(key) => match one(key)? {
                            Some(v) if !is_null_marker(&v) => out.push_str(&v),
                            _ => return Ok(None),
                        },
                    }
                }
                Ok(Some(Cow::Owned(out)))
            }
        }
    }

    /// A value that is not free text: null markers (`NA`, `NaN` …) count as empty.
    fn value<'a, A: Access>(&self, a: &'a A, src: &Src) -> Result<Option<Cow<'a, str>>, String> {
        Ok(self.raw(a, src)?.filter(|v| !is_null_marker(v)))
    }

    fn opt_value<'a, A: Access>(
        &self,
        a: &'a A,
        src: &Option<Src>,
        warnings: &mut Vec<String>,
    ) -> Option<Cow<'a, str>> {
        let src = src.as_ref()?;
        match self.value(a, src) {
            Ok(v) => v,
            Err(e) => {
                warnings.push(e);
                None
            }
        }
    }

    fn required<'a, A: Access>(&self, a: &'a A, src: &Src) -> Result<Cow<'a, str>, RecordError> {
        self.value(a, src)
            .map_err(RecordError::Skip)?
            .ok_or_else(|| RecordError::Skip(format!("{} (`{}`) is empty", src.what, src.field)))
    }

    fn required_id<A: Access>(&self, a: &A, src: &Src) -> Result<String, RecordError> {
        let v = self.required(a, src)?;
        clean_id(&v)
            .map(str::to_string)
            .map_err(|e| RecordError::Skip(format!("{} (`{}`): {e}", src.what, src.field)))
    }

    fn opt_id<A: Access>(
        &self,
        a: &A,
        src: &Option<Src>,
        warnings: &mut Vec<String>,
    ) -> Option<String> {
        let v = self.opt_value(a, src, warnings)?;
        match clean_id(&v) {
            Ok(id) => Some(id.to_string()),
            Err(e) => {
                if let Some(src) = src {
                    warnings.push(format!("{} (`{}`): {e}", src.what, src.field));
                }
                None
            }
        }
    }

    fn handle<A: Access>(
        &self,
        a: &A,
        src: &Option<Src>,
        warnings: &mut Vec<String>,
    ) -> Option<String> {
        let v = self.opt_value(a, src, warnings)?;
        let h = v.trim_start_matches('@').trim();
        (!h.is_empty()).then(|| h.to_string())
    }

    fn flag<A: Access>(&self, a: &A, src: &Option<Src>, warnings: &mut Vec<String>) -> bool {
        self.opt_value(a, src, warnings)
            .is_some_and(|v| is_truthy(&v))
    }

    fn time<A: Access>(&self, a: &A, src: &Src) -> Result<Option<Timestamp>, String> {
        let Some(v) = self.value(a, src)? else {
            return Ok(None);
        };
        parse_time(&v, &self.spec.time_format, self.spec.timezone)
            .map(Some)
            .map_err(|e| match e {
                TimeError::Unreadable => format!(
                    "{} (`{}`): `{v}` is not {}",
                    src.what,
                    src.field,
                    self.spec.time_format.describe()
                ),
                TimeError::NoOffset => format!(
                    "{} (`{}`): `{v}` has no UTC offset: set `timezone` in the mapping (e.g. timezone = \"UTC\")",
                    src.what, src.field
                ),
            })
    }

    /// `observed_at`: in the mapping's time format, else RFC 3339 (with an offset) or Unix
    /// seconds, since collection times are often written by another tool than post times.
    fn observed_time<A: Access>(
        &self,
        a: &A,
        src: &Src,
        warnings: &mut Vec<String>,
    ) -> Option<Timestamp> {
        match self.time(a, src) {
            Ok(t) => t,
            Err(e) => {
                let v = self.value(a, src).ok().flatten()?;
                let fallback = parse_time(&v, &TimeFormat::Rfc3339, None)
                    .or_else(|_| parse_time(&v, &TimeFormat::Unix, None))
                    .ok();
                if fallback.is_none() {
                    warnings.push(format!("{e}; {} n/a", src.field));
                }
                fallback
            }
        }
    }

    fn count<A: Access>(&self, a: &A, src: &Src, warnings: &mut Vec<String>) -> Option<u64> {
        let v = match self.value(a, src) {
            Ok(v) => v?,
            Err(e) => {
                warnings.push(e);
                return None;
            }
        };
        let n = parse_count(&v);
        if n.is_none() {
            warnings.push(format!(
                "{} (`{}`): `{v}` is not a count; {} n/a",
                src.what, src.field, src.field
            ));
        }
        n
    }

    /// One column of a sum: an unreadable cell is left out of the sum, with a warning.
    fn count_part<A: Access>(&self, a: &A, src: &Src, warnings: &mut Vec<String>) -> Option<u64> {
        let v = match self.value(a, src) {
            Ok(v) => v?,
            Err(e) => {
                warnings.push(e);
                return None;
            }
        };
        let n = parse_count(&v);
        if n.is_none() {
            warnings.push(format!(
                "{} (`{}`): `{v}` is not a count; left out of the sum",
                src.what, src.field
            ));
        }
        n
    }

    fn opt_count<A: Access>(
        &self,
        a: &A,
        src: &Option<Src>,
        warnings: &mut Vec<String>,
    ) -> Option<u64> {
        self.count(a, src.as_ref()?, warnings)
    }

    /// A counter and, for sums, its parts by name (the reactions, for `likes`).
    fn counter<A: Access>(
        &self,
        a: &A,
        counter: &Option<Counter>,
        warnings: &mut Vec<String>,
    ) -> (Option<u64>, Vec<(String, u64)>) {
        match counter {
            None => (None, Vec::new()),
            Some(Counter::One(src)) => (self.count(a, src, warnings), Vec::new()),
            Some(Counter::Sum(parts)) => {
                let mut total = None;
                let mut by_name = Vec::new();
                for (name, src) in parts {
                    if let Some(n) = self.count_part(a, src, warnings) {
                        total = Some(total.unwrap_or(0u64).saturating_add(n));
                        by_name.push((name.clone(), n));
                    }
                }
                (total, by_name)
            }
        }
    }

    fn list<A: Access>(
        &self,
        a: &A,
        list: &(Src, Option<String>),
        strip: Option<char>,
        warnings: &mut Vec<String>,
    ) -> Vec<String> {
        let (src, separator) = list;
        let mut out = Vec::new();
        let cell = match &src.read {
            Read::One(key) => a.cell(key),
            Read::Template(_) => match self.raw(a, src) {
                Ok(v) => v.map(Cell::Text),
                Err(e) => {
                    warnings.push(e);
                    None
                }
            },
        };
        match cell {
            None => {}
            Some(Cell::Text(t)) => split_list(&t, separator.as_deref(), strip, &mut out),
            Some(Cell::List(items)) => {
                for item in items {
                    push_item(&item, strip, &mut out);
                }
            }
            Some(Cell::Structure) => warnings.push(format!(
                "{} (`{}`) holds objects: give the path to their text, e.g. `{}.text`",
                src.what, src.field, src.field
            )),
        }
        out
    }

    fn reference<A: Access>(&self, a: &A, r: &RefSrc, warnings: &mut Vec<String>) -> Reference {
        let present =
            r.id.as_ref()
                .is_some_and(|src| matches!(self.value(a, src), Ok(Some(_))));
        let post_id = self.opt_id(a, &r.id, warnings);
        let account_id = self.opt_id(a, &r.author_id, warnings);
        let handle = self.handle(a, &r.author_handle, warnings);
        let account = account_id.clone().map(|id| (id, handle.clone()));
        let post_ref = post_id.map(|post_id| PostRef {
            post_id,
            account_id,
            handle,
        });
        Reference {
            present,
            post_ref,
            account,
        }
    }

    fn role<A: Access>(&self, a: &A, author_id: &str, handle: Option<&str>) -> Role {
        let subject = match &self.subjects {
            SubjectRule::All => true,
            SubjectRule::None => false,
            SubjectRule::Accounts { ids, handles } => {
                ids.iter().any(|id| id == author_id)
                    || handle.is_some_and(|h| handles.contains(&h.to_lowercase()))
            }
            SubjectRule::Column { key, values } => match a.cell(key) {
                Some(Cell::Text(v)) => match values {
                    Some(values) => values.contains(&v.trim().to_lowercase()),
                    None => is_truthy(&v),
                },
                _ => false,
            },
        };
        if subject {
            Role::Subject
        } else {
            Role::Audience
        }
    }

    /// Translates one row or JSON record.
    fn convert<A: Access>(
        &self,
        a: &A,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        // The kind first: rows mapped to "skip" are not posts at all.
        let explicit_kind = match &self.kind {
            Some(src) => match self.value(a, src).map_err(RecordError::Skip)? {
                Some(cell) => match self.spec.kind_of(&cell) {
                    Some(KindValue::Skip) => {
                        self.skipped.fetch_add(1, Ordering::Relaxed);
                        return Ok(());
                    }
                    Some(KindValue::Kind(kind)) => Some(kind),
                    None => {
                        return Err(RecordError::Skip(format!(
                            "{} (`kind`): unknown kind `{cell}`: map it in [kinds], e.g. \"{cell}\" = \"original\" (or \"skip\")",
                            src.what
                        )))
                    }
                },
                None => None,
            },
            None => None,
        };
        let id = self.required_id(a, &self.id)?;
        let author_id = self.required_id(a, &self.author_id)?;
        let created_at = self
            .time(a, &self.created_at)
            .map_err(RecordError::Skip)?
            .ok_or_else(|| {
                RecordError::Skip(format!("{} (`created_at`) is empty", self.created_at.what))
            })?;
        let handle = self.handle(a, &self.author_handle, warnings);
        let display_name = match &self.author_name {
            Some(src) => self
                .raw(a, src)
                .unwrap_or_else(|e| {
                    warnings.push(e);
                    None
                })
                .map(|n| n.into_owned()),
            None => None,
        };
        let text = match &self.text {
            Some(src) => self
                .raw(a, src)
                .unwrap_or_else(|e| {
                    warnings.push(e);
                    None
                })
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            None => String::new(),
        };

        let parent = self.reference(a, &self.parent, warnings);
        let reposted = self.reference(a, &self.reposted, warnings);
        let quoted = self.reference(a, &self.quoted, warnings);
        let prefixed = self
            .spec
            .repost_prefix
            .as_deref()
            .is_some_and(|p| text.starts_with(p));
        let kind = explicit_kind.unwrap_or_else(|| {
            PostKind::classify(
                reposted.present || prefixed || self.flag(a, &self.is_repost, warnings),
                parent.present || self.flag(a, &self.is_reply, warnings),
                quoted.present || self.flag(a, &self.is_quote, warnings),
            )
        });

        let observed_at = match &self.observed_at {
            Some(src) => self.observed_time(a, src, warnings),
            None => None,
        }
        .or(self.spec.collected_at);

        let (counters, reactions) = if kind == PostKind::Repost {
            // A repost's engagement belongs to the original.
            (Counters::default(), Vec::new())
        } else {
            let (likes, reactions) = self.counter(a, &self.likes, warnings);
            let counters = Counters {
                likes,
                reposts: self.counter(a, &self.reposts, warnings).0,
                replies: self.counter(a, &self.replies, warnings).0,
                quotes: self.counter(a, &self.quotes, warnings).0,
                views: self.counter(a, &self.views, warnings).0,
                bookmarks: self.counter(a, &self.bookmarks, warnings).0,
            };
            (counters, reactions)
        };

        let hashtags = match &self.hashtags {
            Some(list) => self.list(a, list, Some('#'), warnings),
            None => dipl_text::extract_hashtags(&text),
        };
        let mentions = match &self.mentions {
            Some(list) => self.list(a, list, Some('@'), warnings),
            None => dipl_text::extract_mentions(&text),
        };
        let urls = match &self.urls {
            Some(list) => self.list(a, list, None, warnings),
            None => dipl_text::extract_urls(&text),
        };

        let mut media = Vec::new();
        if let Some(list) = &self.media {
            for item in self.list(a, list, None, warnings) {
                if let Some(kind) = media_kind(&item) {
                    if !media.contains(&kind) {
                        media.push(kind);
                    }
                }
            }
        }
        if !media.contains(&MediaKind::Link)
            && urls.iter().any(|u| !is_platform_link(self.platform, u))
        {
            media.push(MediaKind::Link);
        }
        let edited = self.flag(a, &self.is_edited, warnings);
        let deleted = self.flag(a, &self.is_deleted, warnings);

        let role = self.role(a, &author_id, handle.as_deref());
        out.push(Record::Account(AccountRecord {
            display_name: display_name.filter(|n| !n.trim().is_empty()),
            ..AccountRecord::bare(self.platform, author_id.clone(), handle, role)
        }));
        let followers = self.opt_count(a, &self.followers, warnings);
        let following = self.opt_count(a, &self.following, warnings);
        let posts_count = self.opt_count(a, &self.posts_count, warnings);
        if followers.is_some() || following.is_some() || posts_count.is_some() {
            out.push(Record::AccountObservation(AccountObservation {
                platform: self.platform,
                account_id: author_id.clone(),
                // An observation at the time of the post (CrowdTangle's "Likes at Posting").
                observed_at: Some(created_at),
                followers,
                following,
                posts_count,
                listed_count: None,
            }));
        }
        for (other_id, other_handle) in [&parent, &reposted, &quoted]
            .into_iter()
            .filter_map(|r| r.account.clone())
        {
            if other_id != author_id {
                out.push(Record::Account(AccountRecord::bare(
                    self.platform,
                    other_id,
                    other_handle,
                    Role::Audience,
                )));
            }
        }
        let conversation_id = self.opt_id(a, &self.conversation_id, warnings);
        let lang = self
            .opt_value(a, &self.lang, warnings)
            .map(|l| l.into_owned());
        out.push(Record::Post(Box::new(Post {
            platform: self.platform,
            id,
            author_id,
            created_at,
            kind,
            parent: parent.post_ref,
            referenced: reposted.post_ref.or(quoted.post_ref),
            conversation_id,
            text,
            lang,
            media,
            urls,
            hashtags,
            mentions,
            edited,
            deleted,
            counters,
            reactions,
            observed_at,
        })));
        Ok(())
    }
}

/// A media cell's kind by its usual names (4CAT's `attachment_type`, CrowdTangle's `Type`);
/// other values (polls, documents, `status`) are not media.
fn media_kind(item: &str) -> Option<MediaKind> {
    Some(match item.trim().to_ascii_lowercase().as_str() {
        "photo" | "photos" | "image" | "images" | "picture" | "album" | "carousel" => {
            MediaKind::Photo
        }
        "video" | "videos" | "reel" | "reels" | "live" | "live video" | "native video"
        | "youtube" | "igtv" | "clip" => MediaKind::Video,
        "gif" | "animated_gif" | "animation" => MediaKind::Gif,
        "link" | "links" | "url" | "web" | "webpage" => MediaKind::Link,
        _ => return None,
    })
}

/// Whether a URL points to the platform itself (a post's own permalink, a quoted post): not a
/// shared link.
fn is_platform_link(platform: Platform, url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let host = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let own: &[&str] = match platform {
        Platform::Twitter => &["twitter.com", "x.com", "t.co", "mobile.twitter.com"],
        Platform::Facebook => &["facebook.com", "fb.com", "m.facebook.com", "fb.watch"],
        Platform::Instagram => &["instagram.com"],
        Platform::Telegram => &["t.me", "telegram.me"],
        Platform::Vkontakte => &["vk.com", "m.vk.com", "vk.ru"],
        Platform::Bluesky => &["bsky.app"],
        Platform::Mastodon => &[],
        Platform::Youtube => &["youtube.com", "youtu.be", "m.youtube.com"],
    };
    own.contains(&host)
}

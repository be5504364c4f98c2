//! The column mapping of `generic.mapped`: the TOML file as written (`RawMapping`, serde,
//! unknown keys refused) and the checked specification the importer runs on ([`Spec`]).
//!
//! Every error names the key and what it expects; TOML syntax errors and unknown keys give the
//! line of the mapping file.

use std::collections::BTreeMap;
use std::fmt;

use chrono::FixedOffset;
use dipl_model::{Platform, PostKind, Timestamp};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::values::{parse_offset, TimeFormat};

// ---------------------------------------------------------------------------------------------
// The file as written
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    platform: Option<String>,
    format: Option<String>,
    time_format: Option<String>,
    timezone: Option<String>,
    subjects: Option<RawSubjects>,
    repost_prefix: Option<String>,
    collected_at: Option<String>,
    columns: Option<RawColumns>,
    kinds: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumns {
    id: Option<RawSource>,
    author_id: Option<RawSource>,
    author_handle: Option<RawSource>,
    author_name: Option<RawSource>,
    created_at: Option<RawSource>,
    text: Option<RawSource>,
    kind: Option<RawSource>,
    is_repost: Option<RawSource>,
    is_reply: Option<RawSource>,
    is_quote: Option<RawSource>,
    is_edited: Option<RawSource>,
    is_deleted: Option<RawSource>,
    parent_id: Option<RawSource>,
    parent_author_id: Option<RawSource>,
    parent_author_handle: Option<RawSource>,
    reposted_id: Option<RawSource>,
    reposted_author_id: Option<RawSource>,
    reposted_author_handle: Option<RawSource>,
    quoted_id: Option<RawSource>,
    quoted_author_id: Option<RawSource>,
    quoted_author_handle: Option<RawSource>,
    conversation_id: Option<RawSource>,
    lang: Option<RawSource>,
    #[serde(alias = "url")]
    urls: Option<RawList>,
    hashtags: Option<RawList>,
    mentions: Option<RawList>,
    media: Option<RawList>,
    likes: Option<RawCounter>,
    reposts: Option<RawCounter>,
    replies: Option<RawCounter>,
    quotes: Option<RawCounter>,
    views: Option<RawCounter>,
    bookmarks: Option<RawCounter>,
    followers: Option<RawSource>,
    following: Option<RawSource>,
    posts_count: Option<RawSource>,
    observed_at: Option<RawSource>,
}

/// `"Column"` or `{ column = "Column" }` or `{ template = "{thread_id}-{reply_to}" }`.
#[derive(Debug, Clone)]
enum RawSource {
    Column(String),
    Template(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceTable {
    column: Option<String>,
    template: Option<String>,
}

impl<'de> Deserialize<'de> for RawSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSource;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a column name (\"Post ID\"), or a table { template = \"{thread_id}-{reply_to}\" }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSource, E> {
                Ok(RawSource::Column(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSource, A::Error> {
                let table = SourceTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (table.column, table.template) {
                    (Some(c), None) => Ok(RawSource::Column(c)),
                    (None, Some(t)) => Ok(RawSource::Template(t)),
                    _ => Err(de::Error::custom(
                        "expected exactly one of `column` or `template` in the table",
                    )),
                }
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// `"Column"` or `{ column = "Column", separator = ";" }`.
#[derive(Debug, Clone)]
struct RawList {
    column: RawSource,
    separator: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListTable {
    column: Option<String>,
    template: Option<String>,
    separator: Option<String>,
}

impl<'de> Deserialize<'de> for RawList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column name, or a table { column = \"…\", separator = \";\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawList, E> {
                Ok(RawList {
                    column: RawSource::Column(v.to_string()),
                    separator: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawList, A::Error> {
                let table = ListTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let column = match (table.column, table.template) {
                    (Some(c), None) => RawSource::Column(c),
                    (None, Some(t)) => RawSource::Template(t),
                    _ => {
                        return Err(de::Error::custom(
                            "expected exactly one of `column` or `template` in the table",
                        ))
                    }
                };
                Ok(RawList {
                    column,
                    separator: table.separator,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// `"Likes"`, `["Love", "Wow", "Like"]` (a sum; for `likes`, also the reactions by type, named
/// after their columns), or `{ like = "Likes", love = "Love" }` (reactions named explicitly).
#[derive(Debug, Clone)]
enum RawCounter {
    One(String),
    Sum(Vec<String>),
    Named(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for RawCounter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCounter;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a column name, a list of column names to add up ([\"Love\", \"Wow\", \"Like\"]), or a table of reaction name = column",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCounter, E> {
                Ok(RawCounter::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawCounter, A::Error> {
                let mut columns = Vec::new();
                while let Some(column) = seq.next_element::<String>()? {
                    columns.push(column);
                }
                if columns.is_empty() {
                    return Err(de::Error::custom("expected at least one column name"));
                }
                Ok(RawCounter::Sum(columns))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCounter, A::Error> {
                let mut named = Vec::new();
                while let Some((name, column)) = map.next_entry::<String, String>()? {
                    named.push((name, column));
                }
                if named.is_empty() {
                    return Err(de::Error::custom(
                        "expected at least one reaction = column pair",
                    ));
                }
                Ok(RawCounter::Named(named))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// `"all"`, `"none"`, `["@mfa_kz", "1234"]` or `{ column = "collection", values = ["timeline"] }`.
#[derive(Debug, Clone)]
enum RawSubjects {
    Word(String),
    Accounts(Vec<String>),
    Rule(SubjectRule),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectRule {
    column: String,
    values: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for RawSubjects {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSubjects;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "\"all\", \"none\", a list of account ids and @handles, or a table { column = \"…\", values = [\"…\"] }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSubjects, E> {
                Ok(RawSubjects::Word(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawSubjects, A::Error> {
                let mut accounts = Vec::new();
                while let Some(account) = seq.next_element::<String>()? {
                    accounts.push(account);
                }
                Ok(RawSubjects::Accounts(accounts))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSubjects, A::Error> {
                SubjectRule::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawSubjects::Rule)
            }
        }
        deserializer.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------------------------
// The checked specification
// ---------------------------------------------------------------------------------------------

/// Which reader a file goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Delimited text (comma, semicolon or tab: detected from the header line).
    Csv,
    Tsv,
    /// JSON Lines (or a JSON array, or concatenated objects).
    Jsonl,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// From the file name (without `.gz`): `.csv`, `.tsv`/`.tab`/`.txt`, `.jsonl`/`.ndjson`/`.json`.
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.strip_suffix(".gz").unwrap_or(name);
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" | "txt" => Some(Format::Tsv),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// Where a value comes from: a column (CSV header name or JSON key / dotted path) or a template
/// joining several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Column(String),
    Template(Vec<Piece>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Column(String),
}

impl Source {
    /// The columns it reads.
    pub fn columns(&self) -> Vec<&str> {
        match self {
            Source::Column(c) => vec![c.as_str()],
            Source::Template(pieces) => pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Column(c) => Some(c.as_str()),
                    Piece::Text(_) => None,
                })
                .collect(),
        }
    }

    /// How it is named in messages: `column \`Likes\`` or `template \`{a}-{b}\``.
    pub fn describe(&self) -> String {
        match self {
            Source::Column(c) => format!("column `{c}`"),
            Source::Template(pieces) => {
                let text: String = pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.replace('{', "{{").replace('}', "}}"),
                        Piece::Column(c) => format!("{{{c}}}"),
                    })
                    .collect();
                format!("template `{text}`")
            }
        }
    }
}

/// A list field: its source and separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSpec {
    pub source: Source,
    pub separator: Option<String>,
}

/// A counter: one column, or several added up (with their reaction names for `likes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CounterSpec {
    One(String),
    /// (reaction name, column); the sum is the counter.
    Sum(Vec<(String, String)>),
}

impl CounterSpec {
    pub fn columns(&self) -> Vec<&str> {
        match self {
            CounterSpec::One(c) => vec![c.as_str()],
            CounterSpec::Sum(parts) => parts.iter().map(|(_, c)| c.as_str()).collect(),
        }
    }
}

/// Who the subjects are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subjects {
    All,
    None,
    /// Account ids (compared exactly) and handles (`@` dropped, compared case-insensitively).
    Accounts {
        ids: Vec<String>,
        handles: Vec<String>,
    },
    /// Rows whose `column` holds one of `values` (case-insensitive); without values, rows
    /// whose flag column says yes.
    Column {
        column: String,
        values: Option<Vec<String>>,
    },
}

/// What a value of the `kind` column means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindValue {
    Kind(PostKind),
    /// Not a post (a service message, a page event): the row is skipped and counted.
    Skip,
}

impl KindValue {
    fn parse(s: &str) -> Option<KindValue> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "original" | "post" => KindValue::Kind(PostKind::Original),
            "reply" | "comment" => KindValue::Kind(PostKind::Reply),
            "quote" => KindValue::Kind(PostKind::Quote),
            "repost" | "retweet" | "share" | "forward" | "boost" => {
                KindValue::Kind(PostKind::Repost)
            }
            "skip" => KindValue::Skip,
            _ => return None,
        })
    }
}

/// Every field the mapping can name, in `[columns]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub id: Option<Source>,
    pub author_id: Option<Source>,
    pub author_handle: Option<Source>,
    pub author_name: Option<Source>,
    pub created_at: Option<Source>,
    pub text: Option<Source>,
    pub kind: Option<Source>,
    pub is_repost: Option<Source>,
    pub is_reply: Option<Source>,
    pub is_quote: Option<Source>,
    pub is_edited: Option<Source>,
    pub is_deleted: Option<Source>,
    pub parent_id: Option<Source>,
    pub parent_author_id: Option<Source>,
    pub parent_author_handle: Option<Source>,
    pub reposted_id: Option<Source>,
    pub reposted_author_id: Option<Source>,
    pub reposted_author_handle: Option<Source>,
    pub quoted_id: Option<Source>,
    pub quoted_author_id: Option<Source>,
    pub quoted_author_handle: Option<Source>,
    pub conversation_id: Option<Source>,
    pub lang: Option<Source>,
    pub urls: Option<ListSpec>,
    pub hashtags: Option<ListSpec>,
    pub mentions: Option<ListSpec>,
    pub media: Option<ListSpec>,
    pub likes: Option<CounterSpec>,
    pub reposts: Option<CounterSpec>,
    pub replies: Option<CounterSpec>,
    pub quotes: Option<CounterSpec>,
    pub views: Option<CounterSpec>,
    pub bookmarks: Option<CounterSpec>,
    pub followers: Option<Source>,
    pub following: Option<Source>,
    pub posts_count: Option<Source>,
    pub observed_at: Option<Source>,
}

impl Fields {
    /// Every (field name, column) pair the mapping reads, in mapping order.
    pub fn columns(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        let sources: [(&'static str, &Option<Source>); 27] = [
            ("id", &self.id),
            ("author_id", &self.author_id),
            ("author_handle", &self.author_handle),
            ("author_name", &self.author_name),
            ("created_at", &self.created_at),
            ("text", &self.text),
            ("kind", &self.kind),
            ("is_repost", &self.is_repost),
            ("is_reply", &self.is_reply),
            ("is_quote", &self.is_quote),
            ("is_edited", &self.is_edited),
            ("is_deleted", &self.is_deleted),
            ("parent_id", &self.parent_id),
            ("parent_author_id", &self.parent_author_id),
            ("parent_author_handle", &self.parent_author_handle),
            ("reposted_id", &self.reposted_id),
            ("reposted_author_id", &self.reposted_author_id),
            ("reposted_author_handle", &self.reposted_author_handle),
            ("quoted_id", &self.quoted_id),
            ("quoted_author_id", &self.quoted_author_id),
            ("quoted_author_handle", &self.quoted_author_handle),
            ("conversation_id", &self.conversation_id),
            ("lang", &self.lang),
            ("followers", &self.followers),
            ("following", &self.following),
            ("posts_count", &self.posts_count),
            ("observed_at", &self.observed_at),
        ];
        for (field, source) in sources {
            if let Some(source) = source {
                out.extend(source.columns().into_iter().map(|c| (field, c)));
            }
        }
        for (field, list) in [
            ("urls", &self.urls),
            ("hashtags", &self.hashtags),
            ("mentions", &self.mentions),
            ("media", &self.media),
        ] {
            if let Some(list) = list {
                out.extend(list.source.columns().into_iter().map(|c| (field, c)));
            }
        }
        for (field, counter) in [
            ("likes", &self.likes),
            ("reposts", &self.reposts),
            ("replies", &self.replies),
            ("quotes", &self.quotes),
            ("views", &self.views),
            ("bookmarks", &self.bookmarks),
        ] {
            if let Some(counter) = counter {
                out.extend(counter.columns().into_iter().map(|c| (field, c)));
            }
        }
        out
    }
}

/// A checked mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub platform: Option<Platform>,
    pub format: Option<Format>,
    pub time_format: TimeFormat,
    pub timezone: Option<FixedOffset>,
    pub subjects: Subjects,
    pub repost_prefix: Option<String>,
    pub collected_at: Option<Timestamp>,
    pub fields: Fields,
    /// `[kinds]`: normalised (trimmed, lower-case) cell value → meaning.
    pub kinds: Vec<(String, KindValue)>,
}

impl Spec {
    /// Parses and checks a mapping file's text. The error is one line, naming the key (and the
    /// line of the mapping file for syntax errors and unknown keys).
    pub fn parse(text: &str) -> Result<Spec, String> {
        let raw: RawMapping = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let platform = raw
            .platform
            .as_deref()
            .map(|p| {
                p.parse::<Platform>()
                    .map_err(|e| format!("`platform`: {e}"))
            })
            .transpose()?;
        let format = raw
            .format
            .as_deref()
            .map(|f| {
                Format::parse(f).ok_or_else(|| {
                    format!(
                        "`format`: unknown format `{f}` (expected \"csv\", \"tsv\" or \"jsonl\")"
                    )
                })
            })
            .transpose()?;
        let time_format = match raw.time_format.as_deref() {
            Some(f) => TimeFormat::parse(f).map_err(|e| format!("`time_format`: {e}"))?,
            None => TimeFormat::Rfc3339,
        };
        let timezone = raw
            .timezone
            .as_deref()
            .map(|z| parse_offset(z).map_err(|e| format!("`timezone`: {e}")))
            .transpose()?;
        if let (TimeFormat::Pattern { pattern, .. }, None) = (&time_format, timezone) {
            if !time_format.is_absolute() {
                return Err(format!(
                    "`time_format` \"{pattern}\" has no UTC offset (%z), so `timezone` is required: the offset of the times in the file, such as timezone = \"UTC\" or timezone = \"+05:00\""
                ));
            }
        }
        let collected_at = raw
            .collected_at
            .as_deref()
            .map(|t| {
                Timestamp::parse(t).ok_or_else(|| {
                    format!("`collected_at`: `{t}` is not an RFC 3339 time or a date (expected e.g. \"2024-05-01T12:00:00Z\" or \"2024-05-01\")")
                })
            })
            .transpose()?;
        let subjects = match raw.subjects {
            None => Subjects::All,
            Some(RawSubjects::Word(w)) => match w.trim().to_ascii_lowercase().as_str() {
                "all" => Subjects::All,
                "none" => Subjects::None,
                _ => {
                    return Err(format!(
                        "`subjects`: unknown value `{w}` (expected \"all\", \"none\", a list of account ids and @handles, or a table {{ column = \"…\", values = [\"…\"] }})"
                    ))
                }
            },
            Some(RawSubjects::Accounts(list)) => {
                let mut ids = Vec::new();
                let mut handles = Vec::new();
                for entry in list {
                    let entry = entry.trim();
                    if entry.is_empty() {
                        return Err("`subjects`: empty account in the list".to_string());
                    }
                    match entry.strip_prefix('@') {
                        Some(handle) => handles.push(handle.to_lowercase()),
                        None => {
                            ids.push(entry.to_string());
                            handles.push(entry.to_lowercase());
                        }
                    }
                }
                Subjects::Accounts { ids, handles }
            }
            Some(RawSubjects::Rule(rule)) => {
                if rule.column.trim().is_empty() {
                    return Err("`subjects.column`: empty column name".to_string());
                }
                Subjects::Column {
                    column: rule.column,
                    values: rule.values.map(|v| {
                        v.iter().map(|s| s.trim().to_lowercase()).collect::<Vec<_>>()
                    }),
                }
            }
        };
        let columns = raw.columns.ok_or_else(|| {
            "no `[columns]` table: the mapping must name at least the columns for `id`, `author_id` and `created_at`".to_string()
        })?;
        let fields = fields(columns)?;
        for (field, key, what) in [
            ("id", &fields.id, "post id"),
            ("author_id", &fields.author_id, "author's account id"),
            ("created_at", &fields.created_at, "time of the post"),
        ] {
            if key.is_none() {
                return Err(format!(
                    "`[columns]` needs `{field}`: the column holding the {what} (e.g. {field} = \"…\")"
                ));
            }
        }
        let mut kinds = Vec::new();
        for (value, meaning) in raw.kinds.unwrap_or_default() {
            let parsed = KindValue::parse(&meaning).ok_or_else(|| {
                format!(
                    "`kinds.{value}`: unknown kind `{meaning}` (expected \"original\", \"reply\", \"quote\", \"repost\" or \"skip\")"
                )
            })?;
            kinds.push((value.trim().to_lowercase(), parsed));
        }
        if !kinds.is_empty() && fields.kind.is_none() {
            return Err(
                "`[kinds]` is given but `[columns]` names no `kind` column to read them from"
                    .to_string(),
            );
        }
        Ok(Spec {
            platform,
            format,
            time_format,
            timezone,
            subjects,
            repost_prefix: raw.repost_prefix.filter(|p| !p.is_empty()),
            collected_at,
            fields,
            kinds,
        })
    }

    /// What a `kind` cell means: `[kinds]` first, then the kind names themselves.
    pub fn kind_of(&self, cell: &str) -> Option<KindValue> {
        let key = cell.trim().to_lowercase();
        self.kinds
            .iter()
            .find(|(value, _)| *value == key)
            .map(|(_, meaning)| *meaning)
            .or_else(|| KindValue::parse(&key))
    }
}

/// One line for a TOML error: the mapping line and the message (toml's own rendering spans
/// several lines with a source excerpt).
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let mut message = e.message().trim().replace('\n', " ");
    if let Some(suggestion) = did_you_mean(&message) {
        message.push_str(&format!(" (did you mean `{suggestion}`?)"));
    }
    match e.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let source_line = text.lines().nth(line - 1).unwrap_or("").trim();
            format!("line {line} (`{source_line}`): {message}")
        }
        None => message,
    }
}

/// For serde's "unknown field `lieks`, expected one of `id`, …": the known key nearest to the
/// unknown one, when it is close (a typo).
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, rest) = rest.split_once('`')?;
    let candidates = rest.split('`').skip(1).step_by(2);
    let (best, distance) = candidates
        .map(|c| (c, edit_distance(unknown, c)))
        .min_by_key(|(_, d)| *d)?;
    (distance <= 2.max(unknown.len() / 4)).then(|| best.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn source(field: &str, raw: Option<RawSource>) -> Result<Option<Source>, String> {
    let Some(raw) = raw else { return Ok(None) };
    match raw {
        RawSource::Column(c) => {
            if c.trim().is_empty() {
                return Err(format!("`columns.{field}`: empty column name"));
            }
            Ok(Some(Source::Column(c)))
        }
        RawSource::Template(t) => parse_template(&t)
            .map(|pieces| Some(Source::Template(pieces)))
            .map_err(|e| format!("`columns.{field}`: template `{t}`: {e}")),
    }
}

/// `{column}` placeholders; `{{` and `}}` are literal braces.
fn parse_template(t: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => return Err("a `{` is not closed".to_string()),
                    }
                }
                if name.trim().is_empty() {
                    return Err("`{}` names no column".to_string());
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Column(name));
            }
            '}' => return Err("a `}` is not opened (write `}}` for a literal brace)".to_string()),
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    if !pieces.iter().any(|p| matches!(p, Piece::Column(_))) {
        return Err("it names no column (write `{column}`)".to_string());
    }
    Ok(pieces)
}

fn list(field: &str, raw: Option<RawList>) -> Result<Option<ListSpec>, String> {
    let Some(raw) = raw else { return Ok(None) };
    let source = source(field, Some(raw.column))?;
    Ok(source.map(|source| ListSpec {
        source,
        separator: raw.separator.filter(|s| !s.is_empty()),
    }))
}

fn counter(field: &str, raw: Option<RawCounter>) -> Result<Option<CounterSpec>, String> {
    let Some(raw) = raw else { return Ok(None) };
    let check = |c: &str| {
        if c.trim().is_empty() {
            Err(format!("`columns.{field}`: empty column name"))
        } else {
            Ok(())
        }
    };
    Ok(Some(match raw {
        RawCounter::One(c) => {
            check(&c)?;
            CounterSpec::One(c)
        }
        RawCounter::Sum(columns) => {
            for c in &columns {
                check(c)?;
            }
            CounterSpec::Sum(
                columns
                    .into_iter()
                    .map(|c| (dipl_ingest::csv::normalise(&c), c))
                    .collect(),
            )
        }
        RawCounter::Named(named) => {
            for (_, c) in &named {
                check(c)?;
            }
            CounterSpec::Sum(named)
        }
    }))
}

fn fields(c: RawColumns) -> Result<Fields, String> {
    Ok(Fields {
        id: source("id", c.id)?,
        author_id: source("author_id", c.author_id)?,
        author_handle: source("author_handle", c.author_handle)?,
        author_name: source("author_name", c.author_name)?,
        created_at: source("created_at", c.created_at)?,
        text: source("text", c.text)?,
        kind: source("kind", c.kind)?,
        is_repost: source("is_repost", c.is_repost)?,
        is_reply: source("is_reply", c.is_reply)?,
        is_quote: source("is_quote", c.is_quote)?,
        is_edited: source("is_edited", c.is_edited)?,
        is_deleted: source("is_deleted", c.is_deleted)?,
        parent_id: source("parent_id", c.parent_id)?,
        parent_author_id: source("parent_author_id", c.parent_author_id)?,
        parent_author_handle: source("parent_author_handle", c.parent_author_handle)?,
        reposted_id: source("reposted_id", c.reposted_id)?,
        reposted_author_id: source("reposted_author_id", c.reposted_author_id)?,
        reposted_author_handle: source("reposted_author_handle", c.reposted_author_handle)?,
        quoted_id: source("quoted_id", c.quoted_id)?,
        quoted_author_id: source("quoted_author_id", c.quoted_author_id)?,
        quoted_author_handle: source("quoted_author_handle", c.quoted_author_handle)?,
        conversation_id: source("conversation_id", c.conversation_id)?,
        lang: source("lang", c.lang)?,
        urls: list("urls", c.urls)?,
        hashtags: list("hashtags", c.hashtags)?,
        mentions: list("mentions", c.mentions)?,
        media: list("media", c.media)?,
        likes: counter("likes", c.likes)?,
        reposts: counter("reposts", c.reposts)?,
        replies: counter("replies", c.replies)?,
        quotes: counter("quotes", c.quotes)?,
        views: counter("views", c.views)?,
        bookmarks: counter("bookmarks", c.bookmarks)?,
        followers: source("followers", c.followers)?,
        following: source("following", c.following)?,
        posts_count: source("posts_count", c.posts_count)?,
        observed_at: source("observed_at", c.observed_at)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "[columns]\nid = \"ID\"\nauthor_id = \"Author\"\ncreated_at = \"Time\"\n";

    #[test]
    fn minimal_mapping_defaults() {
        let spec = Spec::parse(MINIMAL).unwrap();
        assert_eq!(spec.platform, None);
        assert_eq!(spec.time_format, TimeFormat::Rfc3339);
        assert_eq!(spec.subjects, Subjects::All);
        assert_eq!(spec.fields.id, Some(Source::Column("ID".into())));
        assert_eq!(
            spec.fields.columns(),
            [
                ("id", "ID"),
                ("author_id", "Author"),
                ("created_at", "Time")
            ]
        );
    }

    #[test]
    fn shapes_of_values() {
        let spec = Spec::parse(&format!(
            "{MINIMAL}parent_id = {{ template = \"{{chat}}-{{reply_to}}\" }}\nhashtags = {{ column = \"Tags\", separator = \"; \" }}\nlikes = [\"Love\", \"Like\"]\nreposts = \"Shares\"\nviews = {{ heart = \"H\" }}\n[kinds]\nRT = \"repost\"\nStatus = \"skip\"\n"
        ).replace("[columns]", "subjects = [\"@MFA_KZ\", \"42\"]\n[columns]")
            .replace("created_at = \"Time\"", "created_at = \"Time\"\nkind = \"Type\""))
        .unwrap();
        assert_eq!(
            spec.fields.parent_id,
            Some(Source::Template(vec![
                Piece::Column("chat".into()),
                Piece::Text("-".into()),
                Piece::Column("reply_to".into())
            ]))
        );
        assert_eq!(
            spec.fields.likes,
            Some(CounterSpec::Sum(vec![
                ("love".into(), "Love".into()),
                ("like".into(), "Like".into())
            ]))
        );
        assert_eq!(
            spec.fields.views,
            Some(CounterSpec::Sum(vec![("heart".into(), "H".into())]))
        );
        assert_eq!(
            spec.subjects,
            Subjects::Accounts {
                ids: vec!["42".into()],
                handles: vec!["mfa_kz".into(), "42".into()]
            }
        );
        assert_eq!(
            spec.kind_of(" rt "),
            Some(KindValue::Kind(PostKind::Repost))
        );
        assert_eq!(spec.kind_of("status"), Some(KindValue::Skip));
        assert_eq!(
            spec.kind_of("Reply"),
            Some(KindValue::Kind(PostKind::Reply))
        );
        assert_eq!(spec.kind_of("video"), None);
    }

    #[test]
    fn errors_name_the_key() {
        let err = |text: &str| Spec::parse(text).unwrap_err();
        assert_eq!(
            err(&format!("{MINIMAL}lieks = \"Likes\"\n")),
            "line 5 (`lieks = \"Likes\"`): unknown field `lieks`, expected one of `id`, `author_id`, `author_handle`, `author_name`, `created_at`, `text`, `kind`, `is_repost`, `is_reply`, `is_quote`, `is_edited`, `is_deleted`, `parent_id`, `parent_author_id`, `parent_author_handle`, `reposted_id`, `reposted_author_id`, `reposted_author_handle`, `quoted_id`, `quoted_author_id`, `quoted_author_handle`, `conversation_id`, `lang`, `url`, `urls`, `hashtags`, `mentions`, `media`, `likes`, `reposts`, `replies`, `quotes`, `views`, `bookmarks`, `followers`, `following`, `posts_count`, `observed_at` (did you mean `likes`?)"
        );
        assert!(err("platfrom = \"x\"\n").ends_with("(did you mean `platform`?)"));
        assert!(!err(&format!("{MINIMAL}zzz = \"Likes\"\n")).contains("did you mean"));
        assert!(err("[columns]\nid = \"ID\"\ncreated_at = \"T\"\n").contains("`author_id"));
        assert!(err(&format!("time_format = \"%d.%m.%Y\"\n{MINIMAL}"))
            .contains("`timezone` is required"));
        assert!(
            err(&format!("time_format = \"dd.mm.yyyy\"\n{MINIMAL}")).starts_with("`time_format`")
        );
        assert!(err(&format!("timezone = \"Asia/Almaty\"\n{MINIMAL}")).starts_with("`timezone`"));
        assert!(err(&format!("platform = \"myspace\"\n{MINIMAL}")).starts_with("`platform`"));
        assert!(err(&format!("{MINIMAL}likes = 3\n")).contains("a column name, a list"));
        assert!(
            err(&format!("{MINIMAL}parent_id = {{ template = \"{{a\" }}\n")).contains("not closed")
        );
        assert!(err(&format!("{MINIMAL}[kinds]\nRT = \"retweeted\"\n")).contains("`kinds.RT`"));
        assert!(err("id = 3").contains("unknown field `id`"));
        assert!(err("[columns\n").starts_with("line 1"));
    }
}

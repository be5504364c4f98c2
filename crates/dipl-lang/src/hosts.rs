//! Host → languages table (`data/host-languages.csv`, made by `data/generate.py` from the CLDR
//! supplemental `territoryInfo`; organisation rows cite each organisation's language rule).

use std::sync::OnceLock;

/// The shipped table (CSV: host, languages, source, note).
pub const HOST_LANGUAGES_CSV: &str = include_str!("../data/host-languages.csv");

/// One parsed row of [`HOST_LANGUAGES_CSV`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostRow {
    /// ISO 3166-1 alpha-3 code or organisation code (upper case), e.g. `KAZ`, `UN`, `OSCE`.
    pub host: &'static str,
    /// Languages as [`crate::detect`] reports them, most-spoken official language first.
    pub languages: Vec<&'static str>,
    /// Where the row comes from.
    pub source: &'static str,
    /// What was added or left out, and why (may be empty).
    pub note: &'static str,
}

/// Split one CSV line into fields (RFC 4180 quoting; the table has no `""` inside fields).
fn fields(line: &'static str) -> Vec<&'static str> {
    let mut out = Vec::with_capacity(4);
    let mut rest = line;
    loop {
        if let Some(q) = rest.strip_prefix('"') {
            let end = q.find('"').unwrap_or(q.len());
            out.push(&q[..end]);
            rest = q.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
        match rest.strip_prefix(',') {
            Some(r) => rest = r,
            None => return out,
        }
    }
}

/// All rows, parsed once.
pub fn host_table() -> &'static [HostRow] {
    static TABLE: OnceLock<Vec<HostRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        HOST_LANGUAGES_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let f = fields(l);
                let get = |i: usize| f.get(i).copied().unwrap_or("");
                HostRow {
                    host: get(0),
                    languages: get(1).split_whitespace().collect(),
                    source: get(2),
                    note: get(3),
                }
            })
            .collect()
    })
}

fn row(host: &str) -> Option<&'static HostRow> {
    let host = host.trim();
    host_table()
        .iter()
        .find(|r| r.host.eq_ignore_ascii_case(host))
}

/// Languages of a host: ISO 3166-1 alpha-3 country code (e.g. `KAZ` → `["ru", "kk"]`) or
/// organisation code (`UN`, `EU`, `NATO`, `OSCE`, `COE`, …; case-insensitive). `Some(&[])` for
/// territories without any language data (Antarctica, Heard Island); `None` for unknown hosts.
pub fn host_languages(host: &str) -> Option<&'static [&'static str]> {
    row(host).map(|r| r.languages.as_slice())
}

/// Where the row for `host` comes from, e.g. `CLDR 48 territoryInfo: official, de_facto_official`.
pub fn host_language_source(host: &str) -> Option<&'static str> {
    row(host).map(|r| r.source)
}

/// The note for `host` (additions and left-out regional languages), empty if none.
pub fn host_language_note(host: &str) -> Option<&'static str> {
    row(host).map(|r| r.note)
}

//! Helpers for importer tests: a stable one-line-per-record rendering of what an importer
//! produced (for expect-test snapshots), and the location of the team's shared real data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dipl_model::{Counters, PostRef, Record, Timestamp};

use crate::{Diagnostic, VecSink};

/// `../shared/data/<rel>` seen from a crate under `crates/` (pass `env!("CARGO_MANIFEST_DIR")`),
/// or `None` after printing `skipped: … not found` (the suite must say so, not fail).
pub fn shared_data(manifest_dir: &str, rel: &str) -> Option<PathBuf> {
    let path = Path::new(manifest_dir)
        .join("../../../shared/data")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: ../shared/data/{rel} not found");
        None
    }
}

pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn reference(r: &Option<PostRef>) -> String {
    match r {
        None => "-".into(),
        Some(r) => format!(
            "{}@{}{}",
            r.post_id,
            opt(r.account_id.as_deref()),
            r.handle
                .as_deref()
                .map_or(String::new(), |h| format!("({h})"))
        ),
    }
}

fn counters(c: &Counters) -> String {
    if c.is_empty() {
        return "counters none".into();
    }
    format!(
        "likes {} reposts {} replies {} quotes {} views {} bookmarks {}",
        opt(c.likes),
        opt(c.reposts),
        opt(c.replies),
        opt(c.quotes),
        opt(c.views),
        opt(c.bookmarks)
    )
}

fn reactions(r: &[(String, u64)]) -> String {
    if r.is_empty() {
        return String::new();
    }
    let list: Vec<String> = r.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!(" reactions {}", list.join(", "))
}

fn time(t: Option<Timestamp>) -> String {
    opt(t.map(|t| t.to_rfc3339()))
}

/// One line per record (two per post), for snapshots. File paths are shortened to names.
pub fn render(sink: &VecSink) -> String {
    let mut out = String::new();
    for record in &sink.records {
        match record {
            Record::Account(a) => writeln!(
                out,
                "account {} @{} {:?} {:?} created {} verified {} location {:?} lang {:?} description {:?}",
                a.id,
                opt(a.handle.as_deref()),
                a.display_name.as_deref().unwrap_or("-"),
                a.role,
                time(a.created_at),
                opt(a.verified),
                a.location.as_deref().unwrap_or("-"),
                a.lang.as_deref().unwrap_or("-"),
                a.description.as_deref().unwrap_or("-"),
            ),
            Record::AccountObservation(o) => writeln!(
                out,
                "  observed {} at {}: followers {} following {} posts {} listed {}",
                o.account_id,
                time(o.observed_at),
                opt(o.followers),
                opt(o.following),
                opt(o.posts_count),
                opt(o.listed_count)
            ),
            Record::Post(p) => writeln!(
                out,
                "post {} by {} {} {} parent {} ref {} conv {} | {}{} | at {}{}{}\n  {:?} lang {} #{:?} @{:?} urls {:?} media {:?}",
                p.id,
                p.author_id,
                p.created_at,
                p.kind.id(),
                reference(&p.parent),
                reference(&p.referenced),
                opt(p.conversation_id.as_deref()),
                counters(&p.counters),
                reactions(&p.reactions),
                time(p.observed_at),
                if p.edited { " EDITED" } else { "" },
                if p.deleted { " DELETED" } else { "" },
                p.text,
                opt(p.lang.as_deref()),
                p.hashtags,
                p.mentions,
                p.urls,
                p.media.iter().map(|m| m.id()).collect::<Vec<_>>(),
            ),
            Record::Follow(f) => writeln!(
                out,
                "follow {} -> {} at {}",
                f.follower_id,
                f.followed_id,
                time(f.observed_at)
            ),
        }
        .expect("write to a string");
    }
    for d in &sink.diagnostics {
        writeln!(out, "{}", short_diagnostic(d)).expect("write to a string");
    }
    out
}

/// A diagnostic with its file shortened to the file name (the same inside a folder or a zip).
pub fn short_diagnostic(d: &Diagnostic) -> String {
    let mut d = d.clone();
    d.file = d.file.rsplit(['/', '!']).next().unwrap_or("").to_string();
    d.to_string()
}

/// The snapshot text of importing the file at `path` with `importer`: which importer of
/// `candidates` auto-detection picks, then the records and diagnostics; when the import fails,
/// the error and then the import with `--skip-bad`. File paths are shortened to names.
pub fn snapshot(
    importer: &dyn crate::Importer,
    candidates: &[&dyn crate::Importer],
    path: &Path,
) -> String {
    let input = crate::InputFile::from_path(path);
    let detected = input
        .head()
        .ok()
        .and_then(|head| crate::detect(candidates, input.logical_name(), &head))
        .map(|i| i.id());
    let mut out = format!("detected as {}\n", opt(detected));
    let run = |skip_bad: bool| -> Result<VecSink, crate::ImportError> {
        let mut reader = input.open()?;
        let mut sink = VecSink::default();
        let options = crate::ImportOptions {
            skip_bad,
            ..Default::default()
        };
        importer.import(&mut reader, &options, &mut sink)?;
        Ok(sink)
    };
    let dir = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let short = |e: crate::ImportError| e.to_string().replace(&format!("{dir}/"), "");
    match run(false) {
        Ok(sink) => out.push_str(&render(&sink)),
        Err(e) => {
            writeln!(out, "error: {}", short(e)).expect("write to a string");
            out.push_str("== with --skip-bad\n");
            match run(true) {
                Ok(sink) => out.push_str(&render(&sink)),
                Err(e) => writeln!(out, "error: {}", short(e)).expect("write to a string"),
            }
        }
    }
    out
}

/// Imports `bytes` (e.g. a truncated or byte-flipped copy of a fixture) with and without
/// `--skip-bad` and returns normally whatever happens, unless the importer panics: for
/// robustness tests.
pub fn must_not_panic(importer: &dyn crate::Importer, name: &str, bytes: &[u8]) {
    for skip_bad in [false, true] {
        let mut reader =
            crate::InputReader::from_reader(name, std::io::Cursor::new(bytes.to_vec()));
        let mut sink = VecSink::default();
        let options = crate::ImportOptions {
            skip_bad,
            ..Default::default()
        };
        let _ = importer.import(&mut reader, &options, &mut sink);
    }
}

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
    let run = |skip_bad: bool| {
        let options = crate::ImportOptions {
            skip_bad,
            ..Default::default()
        };
        import_file(importer, &input, &options)
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
        let options = crate::ImportOptions {
            skip_bad,
            ..Default::default()
        };
        let _ = import_bytes(importer, name, bytes, &options);
    }
}

/// Imports one input file into a [`VecSink`].
pub fn import_file(
    importer: &dyn crate::Importer,
    input: &crate::InputFile,
    options: &crate::ImportOptions,
) -> Result<VecSink, crate::ImportError> {
    let mut reader = input.open()?;
    let mut sink = VecSink::default();
    importer.import(&mut reader, options, &mut sink)?;
    Ok(sink)
}

/// Imports `bytes`, named `name`, into a [`VecSink`].
pub fn import_bytes(
    importer: &dyn crate::Importer,
    name: &str,
    bytes: &[u8],
    options: &crate::ImportOptions,
) -> Result<VecSink, crate::ImportError> {
    let mut reader = crate::InputReader::from_reader(name, std::io::Cursor::new(bytes.to_vec()));
    let mut sink = VecSink::default();
    importer.import(&mut reader, options, &mut sink)?;
    Ok(sink)
}

/// The command line of an importer crate's benchmark example, `<format-id> <n> [dir]`:
/// `importer` is the one of the candidates whose id is `<format-id>`.
pub struct BenchArgs<'a> {
    pub importer: &'a dyn crate::Importer,
    /// The importer's id, as given.
    pub format: &'static str,
    /// How many posts to generate.
    pub n: u64,
    /// Where to write the synthetic file, when given.
    pub dir: Option<PathBuf>,
}

impl<'a> BenchArgs<'a> {
    /// Reads the process's arguments; prints the usage and exits with status 2 when they are
    /// not `<format-id> <n> [dir]` with a format id of `candidates`.
    pub fn from_env(candidates: &[&'a dyn crate::Importer]) -> BenchArgs<'a> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (format, n, dir) = match args.as_slice() {
            [format, n] => (format, n, None),
            [format, n, dir] => (format, n, Some(PathBuf::from(dir))),
            _ => (&String::new(), &String::new(), None),
        };
        let importer = candidates.iter().find(|i| i.id() == format.as_str());
        let (Some(importer), Ok(n)) = (importer, n.parse::<u64>()) else {
            let ids: Vec<&str> = candidates.iter().map(|i| i.id()).collect();
            eprintln!("usage: bench <{}> <n> [dir]", ids.join("|"));
            std::process::exit(2);
        };
        BenchArgs {
            importer: *importer,
            format: importer.id(),
            n,
            dir,
        }
    }

    /// The directory given, or the system temp dir.
    pub fn dir_or_temp(&self) -> PathBuf {
        self.dir.clone().unwrap_or_else(std::env::temp_dir)
    }
}

/// What [`bench_import`] measured.
#[derive(Debug, Clone, Default)]
pub struct BenchResult {
    /// Post records emitted (posts, comments, reposted or referenced originals).
    pub posts: u64,
    /// Follow records emitted.
    pub follows: u64,
    /// Other records: accounts and account observations.
    pub others: u64,
    pub diagnostics: u64,
    /// The size of the file.
    pub bytes: u64,
    /// Wall-clock seconds of the import (opening the file to the last record counted).
    pub seconds: f64,
    /// User + system CPU seconds of the process (all threads) during the import: on a shared
    /// machine they say more than the wall clock. `None` where `/proc/self/stat` is missing.
    pub cpu_seconds: Option<f64>,
}

impl BenchResult {
    /// The unit of the `posts=` field: post records, or follow edges for a file that gives
    /// follows and no posts (edge lists).
    pub fn units(&self) -> u64 {
        if self.posts == 0 && self.follows > 0 {
            self.follows
        } else {
            self.posts
        }
    }

    /// The line `cargo xtask bench` reads:
    /// `bench <format> posts=… bytes=… seconds=… posts_per_s=… mb_per_s=…`.
    pub fn line(&self, format: &str) -> String {
        let units = self.units();
        format!(
            "bench {format} posts={units} bytes={} seconds={:.3} posts_per_s={:.0} mb_per_s={:.1}",
            self.bytes,
            self.seconds,
            units as f64 / self.seconds,
            self.bytes as f64 / 1e6 / self.seconds
        )
    }
}

/// Hands record batches to another thread that counts and drops them, as the import pipeline
/// hands them to the store's thread.
struct CountingSink {
    tx: std::sync::mpsc::SyncSender<Vec<Record>>,
    diagnostics: u64,
}

impl crate::Sink for CountingSink {
    fn records(&mut self, records: Vec<Record>) {
        // The counting thread only stops when the sink is dropped.
        let _ = self.tx.send(records);
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        if self.diagnostics == 0 {
            eprintln!("first diagnostic: {diagnostic}");
        }
        self.diagnostics += 1;
    }
}

/// (posts, follows, others) of the batches received.
fn count_records(rx: std::sync::mpsc::Receiver<Vec<Record>>) -> (u64, u64, u64) {
    let (mut posts, mut follows, mut others) = (0, 0, 0);
    for records in rx {
        for record in &records {
            match record {
                Record::Post(_) => posts += 1,
                Record::Follow(_) => follows += 1,
                Record::Account(_) | Record::AccountObservation(_) => others += 1,
            }
        }
    }
    (posts, follows, others)
}

/// User + system CPU seconds of this process so far (all threads), from `/proc/self/stat`
/// (Linux, clock ticks of 1/100 s); `None` elsewhere.
pub fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The measuring half of every importer crate's benchmark example: imports the file at `path`
/// with `importer` into a sink that counts records on another thread and drops them, then
/// prints the record counts, diagnostics and CPU time to stderr and
/// [`BenchResult::line`] to stdout. On an import error nothing is printed.
pub fn bench_import(
    importer: &dyn crate::Importer,
    options: &crate::ImportOptions,
    format: &str,
    path: &Path,
) -> Result<BenchResult, crate::ImportError> {
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    let input = crate::InputFile::from_path(path);
    let (tx, rx) = std::sync::mpsc::sync_channel(4);
    let counter = std::thread::spawn(move || count_records(rx));
    let mut sink = CountingSink { tx, diagnostics: 0 };
    let cpu_before = process_cpu_seconds();
    let started = std::time::Instant::now();
    let result = input
        .open()
        .and_then(|mut reader| importer.import(&mut reader, options, &mut sink));
    let diagnostics = sink.diagnostics;
    drop(sink);
    let (posts, follows, others) = counter.join().unwrap_or_default();
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = process_cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    result?;
    let measured = BenchResult {
        posts,
        follows,
        others,
        diagnostics,
        bytes,
        seconds,
        cpu_seconds,
    };
    eprintln!(
        "{posts} posts, {follows} follows, {others} other records (accounts, observations), {diagnostics} diagnostics; import CPU time {} s on {} cores",
        cpu_seconds.map_or_else(|| "?".to_string(), |c| format!("{c:.2}")),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("{}", measured.line(format));
    Ok(measured)
}

#[cfg(test)]
mod tests {
    use super::BenchResult;

    #[test]
    fn bench_line_has_the_format_xtask_reads() {
        let r = BenchResult {
            posts: 1000,
            bytes: 2_000_000,
            seconds: 0.5,
            ..Default::default()
        };
        assert_eq!(
            r.line("facebook.graph"),
            "bench facebook.graph posts=1000 bytes=2000000 seconds=0.500 posts_per_s=2000 mb_per_s=4.0"
        );
        let edges = BenchResult {
            follows: 10,
            others: 3,
            bytes: 100,
            seconds: 1.0,
            ..Default::default()
        };
        assert_eq!(
            edges.line("generic.edges"),
            "bench generic.edges posts=10 bytes=100 seconds=1.000 posts_per_s=10 mb_per_s=0.0"
        );
    }
}

//! atproto repository exports (`bluesky.car`): the CAR v1 file of DAG-CBOR blocks that
//! `com.atproto.sync.getRepo` returns (and `goat repo export`, the account settings' "export
//! my data" write).
//!
//! The header's root is the signed commit `{did, version, data, rev, prev, sig}`; `data` is the
//! root of the Merkle search tree (MST) whose nodes `{l, e: [{p, k, v, t}]}` map each record key
//! (`app.bsky.feed.post/3k…`, prefix-compressed) to the CID of the record's block. The tree is
//! walked in key order, so each record gets its key and posts get the same at-URIs as in XRPC
//! responses (`at://<did>/<collection>/<rkey>`).
//!
//! Reading: blocks may come in any order and a record's key is only known from the tree, so the
//! blocks are read once, streaming from the `Read`, into large buffers indexed by CID (memory ≈
//! the file's size, bounded by it: repositories are tens of MB, the largest a few hundred; a
//! length field claiming more than 8 MiB for one block is corruption, not an allocation), each
//! checked against the SHA-256 of its CID. Then the tree is walked in key order, and records
//! are translated in batches of 4096, a few batches in parallel, and handed to the sink in key
//! order. The commit's signature is not checked (that needs the account's DID document, a
//! network look-up); neither is the tree's canonical shape (it is only walked).
//!
//! Errors: a file that is not CAR v1 is refused. A file that ends inside a block, a block that
//! does not match its CID, or a tree that references blocks the file does not have (a
//! truncated file, or a partial export such as `getRepo?since=…`) makes the file corrupt; with
//! `--skip-bad` the readable records are imported and each problem is a diagnostic.

mod reader;
pub mod write;

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::BufReader;

use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record};
use ipld_core::cid::Cid;
use rayon::prelude::*;
use serde::Deserialize;

use crate::convert::{Repo, PROFILE};
use crate::raw::RecordValue;
pub use reader::{Blocks, CarError, CarReader, Problem, ReadError, MAX_BLOCK};

/// `bluesky.car`: an atproto repository export.
#[derive(Debug, Clone, Copy, Default)]
pub struct Car;

/// Records handed to the sink at a time.
const BATCH: usize = 4096;
/// Batches translated in parallel at a time (bounds the records held before the sink).
const PARALLEL_BATCHES: usize = 16;
/// Deeper trees than this are corrupt (real ones have a dozen layers for millions of records).
const MAX_DEPTH: usize = 128;

pub(crate) fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// The signed commit at the root of a repository.
#[derive(Debug, Deserialize)]
struct Commit<'a> {
    #[serde(borrow)]
    did: Option<Cow<'a, str>>,
    version: Option<u64>,
    data: Option<Cid>,
    #[serde(borrow)]
    rev: Option<Cow<'a, str>>,
}

/// A node of the Merkle search tree.
#[derive(Debug, Deserialize)]
struct Node<'a> {
    l: Option<Cid>,
    #[serde(borrow)]
    e: Vec<Entry<'a>>,
}

#[derive(Debug, Deserialize)]
struct Entry<'a> {
    /// Bytes of the previous key in this node that this key shares.
    p: u64,
    /// The rest of the key.
    #[serde(borrow)]
    k: &'a [u8],
    /// The record.
    v: Cid,
    /// The subtree of keys between this one and the next.
    t: Option<Cid>,
}

/// The CAR header sniffed from the first bytes: a varint length, then a DAG-CBOR map with
/// `roots` and `version`.
pub fn is_car_header(head: &[u8]) -> bool {
    let mut len: u64 = 0;
    let mut i = 0;
    loop {
        let Some(&b) = head.get(i) else { return false };
        len |= u64::from(b & 0x7f) << (7 * i);
        i += 1;
        if b & 0x80 == 0 {
            break;
        }
        if i >= 3 {
            return false;
        }
    }
    if !(8..=65_536).contains(&len) {
        return false;
    }
    // A map of one to three entries (major type 5).
    if !matches!(head.get(i), Some(0xa1..=0xa3)) {
        return false;
    }
    let end = head.len().min(i + len as usize);
    let header = &head[i..end];
    let has = |needle: &[u8]| header.windows(needle.len()).any(|w| w == needle);
    has(b"\x65roots") && has(b"\x67version")
}

impl Importer for Car {
    fn id(&self) -> &'static str {
        "bluesky.car"
    }

    fn platform(&self) -> Platform {
        Platform::Bluesky
    }

    fn description(&self) -> &'static str {
        "Bluesky repository export: CAR v1 of DAG-CBOR blocks (com.atproto.sync.getRepo, goat repo export)"
    }

    fn sniff(&self, name: &str, head: &[u8]) -> Confidence {
        if is_car_header(head) {
            Confidence::Certain
        } else if name.to_ascii_lowercase().ends_with(".car") && !head.is_empty() {
            // A damaged export still goes to the importer that can say what is wrong with it.
            Confidence::Maybe
        } else {
            Confidence::No
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let file = input.name().to_string();
        let mut report = Report {
            file: file.clone(),
            skip_bad: options.skip_bad,
            sink,
        };
        let mut car = CarReader::new(BufReader::with_capacity(1 << 20, input));
        let roots = match car.header() {
            Ok(roots) => roots,
            Err(ReadError::Io(e)) => return Err(car.get_ref().get_ref().io_error(e)),
            Err(ReadError::Car(e)) => {
                return Err(ImportError::Invalid {
                    file,
                    message: format!("not an atproto repository CAR file: {e}"),
                })
            }
        };
        if roots.len() > 1 {
            report.warning(format!(
                "the header names {} roots: only the first is read",
                roots.len()
            ));
        }
        let root = roots[0];

        let mut blocks = Blocks::default();
        loop {
            match car.next_block(&mut blocks) {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(ReadError::Io(e)) => return Err(car.get_ref().get_ref().io_error(e)),
                Err(ReadError::Car(e)) => {
                    let go_on = matches!(e.problem, Problem::BadBlock(_));
                    report.corrupt(e.to_string())?;
                    if !go_on {
                        break;
                    }
                }
            }
        }
        report.sink.progress(car.offset());
        if car.unverified > 0 {
            report.warning(format!(
                "{} blocks use a hash function other than SHA-256: not checked against their CID",
                car.unverified
            ));
        }

        // The commit and the tree.
        let Some(commit_bytes) = blocks.get(&root) else {
            return report.corrupt_fatal(format!(
                "the root commit {root} is not in the file: it is truncated or not a repository export"
            ));
        };
        let commit: Commit<'_> = match serde_ipld_dagcbor::from_slice(commit_bytes) {
            Ok(c) => c,
            Err(e) => {
                return report
                    .corrupt_fatal(format!("the root {root} is not a repository commit: {e}"))
            }
        };
        let (Some(did), Some(data)) = (commit.did.as_deref(), commit.data) else {
            return report.corrupt_fatal(format!(
                "the root {root} is not a repository commit (no `did` or `data`)"
            ));
        };
        if !matches!(commit.version, Some(2 | 3)) {
            return Err(ImportError::Invalid {
                file,
                message: format!(
                    "repository version {} is not read (versions 2 and 3 are)",
                    opt(commit.version)
                ),
            });
        }
        let _ = commit.rev;

        let mut walk = Walk {
            blocks: &blocks,
            entries: Vec::new(),
            problems: Vec::new(),
            visited: HashSet::new(),
        };
        walk.node(&data, 0);
        let (mut corrupted, mut missing) = (0, 0);
        for (_, cid) in &walk.entries {
            if blocks.get(cid).is_none() {
                if car.corrupted.contains(cid) {
                    corrupted += 1;
                } else {
                    missing += 1;
                }
            }
        }
        if missing > 0 {
            walk.problems.push(format!(
                "{missing} of the records the tree lists are not in the file"
            ));
        }
        for problem in std::mem::take(&mut walk.problems) {
            report.corrupt(format!(
                "{problem}: the repository is incomplete (a truncated file, or a partial export such as getRepo?since=…)"
            ))?;
        }
        if corrupted > 0 {
            report.error(format!(
                "{corrupted} of the records the tree lists were in corrupted blocks: not imported"
            ));
        }

        // The records, in key order; the owner's account (with its profile) first.
        let mut repo = Repo::new(did);
        let profile_key = format!("{PROFILE}/self");
        let profile_bytes = walk
            .entries
            .iter()
            .find(|(key, _)| *key == profile_key)
            .and_then(|(_, cid)| blocks.get(cid));
        let profile: Option<RecordValue<'_>> =
            profile_bytes.and_then(|b| serde_ipld_dagcbor::from_slice(b).ok());
        report
            .sink
            .records(vec![repo.owner_account(profile.as_ref())]);
        let skip = profile.is_some().then_some(profile_key.as_str());
        // Batches are translated in parallel, a few at a time, and handed over in key order.
        let batches: Vec<&[(String, Cid)]> = walk.entries.chunks(BATCH).collect();
        for group in batches.chunks(PARALLEL_BATCHES) {
            let done: Vec<Translated> = group
                .par_iter()
                .map(|entries| translate(did, entries, &blocks, skip))
                .collect();
            for batch in done {
                if !batch.records.is_empty() {
                    report.sink.records(batch.records);
                }
                for error in batch.errors {
                    report.error(error);
                }
                repo.merge(batch.repo);
            }
        }
        if let Some(note) = repo.not_imported() {
            report.warning(note);
        }
        Ok(())
    }
}

/// The records and errors of one batch of entries, and its count of records not imported.
struct Translated {
    records: Vec<Record>,
    errors: Vec<String>,
    repo: Repo,
}

/// Translates a batch of `(key, CID)` entries of the repository of `did` (records whose block
/// is missing were reported already; `skip` is the profile, already read).
fn translate(
    did: &str,
    entries: &[(String, Cid)],
    blocks: &Blocks,
    skip: Option<&str>,
) -> Translated {
    let mut out = Translated {
        records: Vec::with_capacity(entries.len()),
        errors: Vec::new(),
        repo: Repo::new(did),
    };
    for (key, cid) in entries {
        let Some(bytes) = blocks.get(cid) else {
            continue;
        };
        if Some(key.as_str()) == skip {
            continue;
        }
        let Some((collection, rkey)) = key
            .split_once('/')
            .filter(|(c, r)| !c.is_empty() && !r.is_empty() && !r.contains('/'))
        else {
            out.errors.push(format!(
                "record key `{key}` is not <collection>/<rkey>: skipped"
            ));
            continue;
        };
        let value: RecordValue<'_> = match serde_ipld_dagcbor::from_slice(bytes) {
            Ok(v) => v,
            Err(e) => {
                out.errors
                    .push(format!("{key}: skipped: not a readable record: {e}"));
                continue;
            }
        };
        if let Err(e) = out.repo.record(collection, rkey, &value, &mut out.records) {
            out.errors.push(format!("{key}: skipped: {e}"));
        }
    }
    out
}

/// Diagnostics of one CAR file (binary: they carry no line, the message says where).
struct Report<'s> {
    file: String,
    skip_bad: bool,
    sink: &'s mut dyn Sink,
}

impl Report<'_> {
    fn diagnostic(&mut self, severity: Severity, message: String) {
        self.sink.diagnostic(Diagnostic {
            file: self.file.clone(),
            location: None,
            severity,
            message,
        });
    }

    fn warning(&mut self, message: String) {
        self.diagnostic(Severity::Warning, message);
    }

    fn error(&mut self, message: String) {
        self.diagnostic(Severity::Error, message);
    }

    /// Corruption: fatal, unless bad records are skipped.
    fn corrupt(&mut self, message: String) -> Result<(), ImportError> {
        if self.skip_bad {
            self.error(message);
            Ok(())
        } else {
            Err(ImportError::Invalid {
                file: self.file.clone(),
                message: format!(
                    "{message}; the CAR file is corrupt or truncated (use --skip-bad to import the readable records and report the rest)"
                ),
            })
        }
    }

    /// Corruption after which nothing can be imported.
    fn corrupt_fatal(&mut self, message: String) -> Result<(), ImportError> {
        self.corrupt(message)
    }
}

/// An in-order walk of the MST: each record's full key and CID.
struct Walk<'b> {
    blocks: &'b Blocks,
    entries: Vec<(String, Cid)>,
    problems: Vec<String>,
    visited: HashSet<Cid>,
}

impl Walk<'_> {
    fn node(&mut self, cid: &Cid, depth: usize) {
        if depth > MAX_DEPTH || !self.visited.insert(*cid) {
            self.problems
                .push(format!("the tree loops or is too deep at node {cid}"));
            return;
        }
        let Some(bytes) = self.blocks.get(cid) else {
            self.problems.push(format!(
                "tree node {cid} is not in the file (the records under it are not imported)"
            ));
            return;
        };
        let node: Node<'_> = match serde_ipld_dagcbor::from_slice(bytes) {
            Ok(node) => node,
            Err(e) => {
                self.problems
                    .push(format!("tree node {cid} is unreadable ({e})"));
                return;
            }
        };
        if let Some(left) = &node.l {
            self.node(left, depth + 1);
        }
        let mut key: Vec<u8> = Vec::new();
        for entry in &node.e {
            let shared = usize::try_from(entry.p).unwrap_or(usize::MAX);
            if shared > key.len() {
                self.problems.push(format!(
                    "tree node {cid} has an entry sharing {shared} bytes of a {}-byte key",
                    key.len()
                ));
                return;
            }
            key.truncate(shared);
            key.extend_from_slice(entry.k);
            match std::str::from_utf8(&key) {
                Ok(k) => self.entries.push((k.to_string(), entry.v)),
                Err(_) => self
                    .problems
                    .push(format!("tree node {cid} has a key that is not UTF-8")),
            }
            if let Some(right) = &entry.t {
                self.node(right, depth + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_repositories_read_back_in_key_order() {
        let records: Vec<(String, Vec<u8>)> = (0..1000u32)
            .rev()
            .map(|i| {
                let value = serde_json::json!({"$type": "app.bsky.graph.follow", "subject": format!("did:plc:{i:024}"), "createdAt": "2024-01-01T00:00:00Z"});
                (format!("app.bsky.graph.follow/{i:06}"), write::encode(&value).unwrap())
            })
            .collect();
        let bytes = write::repo_car("did:plc:owner", "3kabc", records).unwrap();
        assert!(is_car_header(&bytes));
        let mut car = CarReader::new(&bytes[..]);
        let roots = car.header().map_err(|_| ()).unwrap();
        let mut blocks = Blocks::default();
        while car
            .next_block(&mut blocks)
            .map_err(|_| ())
            .unwrap()
            .is_some()
        {}
        let commit: Commit<'_> =
            serde_ipld_dagcbor::from_slice(blocks.get(&roots[0]).unwrap()).unwrap();
        assert_eq!(commit.did.as_deref(), Some("did:plc:owner"));
        let mut walk = Walk {
            blocks: &blocks,
            entries: Vec::new(),
            problems: Vec::new(),
            visited: HashSet::new(),
        };
        walk.node(&commit.data.unwrap(), 0);
        assert!(walk.problems.is_empty(), "{:?}", walk.problems);
        let keys: Vec<&str> = walk.entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys.len(), 1000);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(keys[0], "app.bsky.graph.follow/000000");
        assert!(!is_car_header(b"{\"feed\": []}"));
        assert!(!is_car_header(&bytes[1..]));
    }
}

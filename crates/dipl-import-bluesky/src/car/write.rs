//! Writing repository CAR files, for tests, benchmarks and synthetic corpora: DAG-CBOR blocks
//! addressed by CIDv1 (dag-cbor, SHA-256), a search tree over the record keys, an (unsigned)
//! commit at the root.
//!
//! The tree has the shape of an MST (nodes `{e, l}`, entries `{k, p, t, v}` with prefix-compressed
//! keys, in key order) but is balanced by count, not by the hash of the keys as atproto's MST is:
//! readers walk it the same way; only a repository host would see that it is not canonical.

use ipld_core::cid::multihash::Multihash;
use ipld_core::cid::Cid;
use serde::{Serialize, Serializer};
use sha2::{Digest, Sha256};

const DAG_CBOR: u64 = 0x71;
const SHA2_256: u64 = 0x12;
/// Entries per tree node.
const FANOUT: usize = 32;

/// A block: its CID and its data.
pub type Block = (Cid, Vec<u8>);

/// Encodes a value as DAG-CBOR.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    serde_ipld_dagcbor::to_vec(value).map_err(|e| e.to_string())
}

/// The CIDv1 (dag-cbor, SHA-256) of a block.
pub fn cid_of(data: &[u8]) -> Cid {
    let digest = Sha256::digest(data);
    match Multihash::wrap(SHA2_256, digest.as_slice()) {
        Ok(hash) => Cid::new_v1(DAG_CBOR, hash),
        // A 32-byte digest always fits a 64-byte multihash.
        Err(_) => Cid::default(),
    }
}

/// Bytes serialized as a CBOR byte string.
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

// Fields in DAG-CBOR's canonical order (shorter keys first, then bytewise).
#[derive(Serialize)]
struct NodeOut<'a> {
    e: Vec<EntryOut<'a>>,
    l: Option<Cid>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    k: Bytes<'a>,
    p: u64,
    t: Option<Cid>,
    v: Cid,
}

#[derive(Serialize)]
struct CommitOut<'a> {
    did: &'a str,
    rev: &'a str,
    sig: Bytes<'a>,
    data: Cid,
    prev: Option<Cid>,
    version: u64,
}

#[derive(Serialize)]
struct HeaderOut {
    roots: Vec<Cid>,
    version: u64,
}

/// A CAR v1 file: the header naming `roots`, then `blocks` as given.
pub fn car(roots: &[Cid], blocks: &[Block]) -> Result<Vec<u8>, String> {
    let header = encode(&HeaderOut {
        roots: roots.to_vec(),
        version: 1,
    })?;
    let mut out = Vec::new();
    varint(&mut out, header.len() as u64);
    out.extend_from_slice(&header);
    for (cid, data) in blocks {
        let cid = cid.to_bytes();
        varint(&mut out, (cid.len() + data.len()) as u64);
        out.extend_from_slice(&cid);
        out.extend_from_slice(data);
    }
    Ok(out)
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The blocks of a repository of `did` holding `records` (`(key, DAG-CBOR bytes)`, keys
/// `<collection>/<rkey>`, sorted here): the commit first, then the tree and the records.
/// Returns the commit's CID and the blocks.
pub fn repo_blocks(
    did: &str,
    rev: &str,
    mut records: Vec<(String, Vec<u8>)>,
) -> Result<(Cid, Vec<Block>), String> {
    records.sort_by(|a, b| a.0.cmp(&b.0));
    records.dedup_by(|a, b| a.0 == b.0);
    let cids: Vec<Cid> = records.iter().map(|(_, data)| cid_of(data)).collect();
    let entries: Vec<(&str, Cid)> = records
        .iter()
        .zip(&cids)
        .map(|((key, _), cid)| (key.as_str(), *cid))
        .collect();
    let mut nodes: Vec<Block> = Vec::new();
    let root = node(&entries, &mut nodes)?;
    drop(entries);
    let commit = encode(&CommitOut {
        did,
        rev,
        sig: Bytes(&[0u8; 64]),
        data: root,
        prev: None,
        version: 3,
    })?;
    let commit_cid = cid_of(&commit);
    let mut blocks = Vec::with_capacity(1 + nodes.len() + records.len());
    blocks.push((commit_cid, commit));
    blocks.extend(nodes);
    blocks.extend(
        cids.into_iter()
            .zip(records.into_iter().map(|(_, data)| data)),
    );
    Ok((commit_cid, blocks))
}

/// A whole repository CAR of `did` holding `records` (see [`repo_blocks`]).
pub fn repo_car(did: &str, rev: &str, records: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, String> {
    let (root, blocks) = repo_blocks(did, rev, records)?;
    car(&[root], &blocks)
}

/// Builds the (sub)tree of `entries`, pushing its node blocks; returns its root's CID.
fn node(entries: &[(&str, Cid)], nodes: &mut Vec<Block>) -> Result<Cid, String> {
    let mut left = None;
    // (key, record, subtree after it)
    let mut items: Vec<(&str, Cid, Option<Cid>)> = Vec::new();
    if entries.len() <= FANOUT {
        items.extend(entries.iter().map(|(k, v)| (*k, *v, None)));
    } else {
        let group = entries.len().div_ceil(FANOUT + 1);
        let mut chunks = entries.chunks(group);
        if let Some(first) = chunks.next() {
            left = Some(node(first, nodes)?);
        }
        for chunk in chunks {
            let (key, value) = chunk[0];
            let subtree = if chunk.len() > 1 {
                Some(node(&chunk[1..], nodes)?)
            } else {
                None
            };
            items.push((key, value, subtree));
        }
    }
    let mut previous: &[u8] = &[];
    let mut e = Vec::with_capacity(items.len());
    for (key, value, subtree) in &items {
        let key = key.as_bytes();
        let shared = previous.iter().zip(key).take_while(|(a, b)| a == b).count();
        e.push(EntryOut {
            k: Bytes(&key[shared..]),
            p: shared as u64,
            t: *subtree,
            v: *value,
        });
        previous = key;
    }
    let data = encode(&NodeOut { e, l: left })?;
    let cid = cid_of(&data);
    nodes.push((cid, data));
    Ok(cid)
}

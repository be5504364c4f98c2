//! CAR v1 framing: a header (varint length, DAG-CBOR `{version: 1, roots: [cid]}`), then blocks
//! (varint length, CID, data), read from any `Read`. Each block is checked against the hash in
//! its CID (SHA-256 in atproto), so that a flipped byte is found, not imported.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Read};

use ipld_core::cid::Cid;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The largest block accepted: atproto records are at most 1 MiB; a larger length is corruption.
pub const MAX_BLOCK: u64 = 8 * 1024 * 1024;
/// The largest header accepted.
const MAX_HEADER: u64 = 64 * 1024;

const SHA2_256: u64 = 0x12;
const IDENTITY: u64 = 0x00;

/// What went wrong, and where (byte offset of the framing element, 0-based block number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarError {
    pub offset: u64,
    pub block: Option<u64>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file ends inside the header or a block: nothing after it can be read.
    Truncated(&'static str),
    /// The framing itself is broken (a length out of range): nothing after it can be read.
    BadFraming(String),
    /// One block is unreadable or does not match its CID; the blocks after it can be read.
    BadBlock(String),
    /// Not a CAR v1 file.
    NotCar(String),
}

impl std::fmt::Display for CarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "byte {}", self.offset)?;
        if let Some(block) = self.block {
            write!(f, ", block {}", block + 1)?;
        }
        match &self.problem {
            Problem::Truncated(what) => write!(f, ": the file ends inside {what}: it is truncated"),
            Problem::BadFraming(m) | Problem::BadBlock(m) | Problem::NotCar(m) => {
                write!(f, ": {m}")
            }
        }
    }
}

#[derive(Debug, Deserialize)]
struct Header {
    version: Option<u64>,
    #[serde(default)]
    roots: Vec<Cid>,
}

/// Bytes per buffer of [`Blocks`]: blocks are appended to the last buffer while they fit, so
/// that nothing is copied when the file is larger than expected.
const ARENA_CHUNK: usize = 32 * 1024 * 1024;

/// Where a block's data is: buffer, offset, length.
type Slot = (u32, usize, usize);

/// The blocks of a CAR file, by CID, in a few large buffers.
#[derive(Debug, Default)]
pub struct Blocks {
    arenas: Vec<Vec<u8>>,
    index: HashMap<Cid, Slot, BuildHasherDefault<DigestHasher>>,
}

impl Blocks {
    pub fn get(&self, cid: &Cid) -> Option<&[u8]> {
        self.index.get(cid).and_then(|&(arena, start, len)| {
            self.arenas.get(arena as usize)?.get(start..start + len)
        })
    }

    /// The buffer a block of `len` bytes goes to, with room for it.
    fn arena_for(&mut self, len: usize) -> (u32, &mut Vec<u8>) {
        let fits = self
            .arenas
            .last()
            .is_some_and(|a| a.capacity() - a.len() >= len);
        if !fits {
            // 1 MiB, doubling up to ARENA_CHUNK: small repositories stay small.
            let size = (1usize << 20)
                .checked_shl(self.arenas.len().min(5) as u32)
                .unwrap_or(ARENA_CHUNK)
                .min(ARENA_CHUNK);
            self.arenas.push(Vec::with_capacity(size.max(len)));
        }
        let at = self.arenas.len() - 1;
        (at as u32, &mut self.arenas[at])
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// A hasher for CIDs: their digests are already uniformly distributed (SHA-256), so mixing
/// the written words (FxHash's multiply-rotate) is enough, and much cheaper than SipHash. Only
/// for blocks the file holds: a file crafted to collide costs time, not correctness.
#[derive(Debug, Default, Clone, Copy)]
pub struct DigestHasher(u64);

impl Hasher for DigestHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// Reads a CAR v1 stream.
pub struct CarReader<R> {
    inner: R,
    offset: u64,
    blocks_read: u64,
    /// Blocks whose hash function this reader cannot check (not SHA-256 or identity).
    pub unverified: u64,
    /// CIDs of the blocks dropped because their data did not match them.
    pub corrupted: Vec<Cid>,
}

impl<R: Read> CarReader<R> {
    pub fn new(inner: R) -> Self {
        CarReader {
            inner,
            offset: 0,
            blocks_read: 0,
            unverified: 0,
            corrupted: Vec::new(),
        }
    }

    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    pub fn offset(&self) -> u64 {
        self.offset
    }

    fn error(&self, offset: u64, block: bool, problem: Problem) -> CarError {
        CarError {
            offset,
            block: block.then_some(self.blocks_read),
            problem,
        }
    }

    /// Reads exactly `buf.len()` bytes; `Ok(false)` when the input ends first.
    fn fill(&mut self, buf: &mut [u8]) -> io::Result<bool> {
        Ok(self.read_up_to(buf)? == buf.len())
    }

    /// Reads until `buf` is full or the input ends; returns the bytes read.
    fn read_up_to(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut filled = 0;
        while filled < buf.len() {
            match self.inner.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => {
                    filled += n;
                    self.offset += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(filled)
    }

    /// An unsigned LEB128 varint; `Ok(None)` at a clean end of input (before its first byte).
    fn varint(&mut self, what: &'static str, block: bool) -> Result<Option<u64>, ReadError> {
        let start = self.offset;
        let mut value: u64 = 0;
        for i in 0..10 {
            let mut byte = [0u8; 1];
            if !self.fill(&mut byte)? {
                if i == 0 {
                    return Ok(None);
                }
                return Err(self.error(start, block, Problem::Truncated(what)).into());
            }
            let low = u64::from(byte[0] & 0x7f);
            if i == 9 && low > 1 {
                break;
            }
            value |= low << (7 * i);
            if byte[0] & 0x80 == 0 {
                return Ok(Some(value));
            }
        }
        Err(self
            .error(
                start,
                block,
                Problem::BadFraming(format!("{what} is not a valid varint")),
            )
            .into())
    }

    /// The header's roots (a CAR v1 header names at least one).
    pub fn header(&mut self) -> Result<Vec<Cid>, ReadError> {
        let len = match self.varint("the header length", false)? {
            Some(len) => len,
            None => {
                return Err(self
                    .error(0, false, Problem::NotCar("the file is empty".into()))
                    .into())
            }
        };
        if len == 0 || len > MAX_HEADER {
            return Err(self
                .error(
                    0,
                    false,
                    Problem::NotCar(format!("a header of {len} bytes is not a CAR header")),
                )
                .into());
        }
        let start = self.offset;
        let mut bytes = vec![0u8; len as usize];
        let got = self.read_up_to(&mut bytes)?;
        // The header is a DAG-CBOR map (major type 5).
        if got == 0 || bytes[0] >> 5 != 5 {
            return Err(self
                .error(
                    start,
                    false,
                    Problem::NotCar("no CBOR map follows the header length".into()),
                )
                .into());
        }
        if got < bytes.len() {
            return Err(self
                .error(start, false, Problem::Truncated("the header"))
                .into());
        }
        let header: Header = serde_ipld_dagcbor::from_slice(&bytes).map_err(|e| {
            self.error(
                start,
                false,
                Problem::NotCar(format!(
                    "the header is not DAG-CBOR {{version, roots}}: {e}"
                )),
            )
        })?;
        match header.version {
            Some(1) => {}
            Some(2) => {
                return Err(self
                    .error(
                        start,
                        false,
                        Problem::NotCar(
                            "a CAR v2 file: export the repository as CAR v1 (what com.atproto.sync.getRepo returns)".into(),
                        ),
                    )
                    .into())
            }
            other => {
                return Err(self
                    .error(
                        start,
                        false,
                        Problem::NotCar(format!("CAR version {} is not read", crate::car::opt(other))),
                    )
                    .into())
            }
        }
        if header.roots.is_empty() {
            return Err(self
                .error(
                    start,
                    false,
                    Problem::NotCar("the header names no root".into()),
                )
                .into());
        }
        Ok(header.roots)
    }

    /// Reads the next block into `blocks`; `Ok(None)` at the end of the file. A block that does
    /// not match its CID is an error of kind [`Problem::BadBlock`], after which reading can go
    /// on.
    pub fn next_block(&mut self, blocks: &mut Blocks) -> Result<Option<Cid>, ReadError> {
        let start = self.offset;
        let Some(len) = self.varint("a block length", true)? else {
            return Ok(None);
        };
        if len == 0 || len > MAX_BLOCK {
            return Err(self
                .error(
                    start,
                    true,
                    Problem::BadFraming(format!("a block length of {len} bytes is out of range")),
                )
                .into());
        }
        let (at, arena) = blocks.arena_for(len as usize);
        let base = arena.len();
        arena.resize(base + len as usize, 0);
        let ok = match self.fill(&mut arena[base..]) {
            Ok(ok) => ok,
            Err(e) => {
                arena.truncate(base);
                return Err(e.into());
            }
        };
        if !ok {
            arena.truncate(base);
            return Err(self
                .error(start, true, Problem::Truncated("a block"))
                .into());
        }
        let checked = check_block(&arena[base..]);
        let block = self.blocks_read;
        self.blocks_read += 1;
        match checked {
            Ok((cid, cid_len, verified)) => {
                if !verified {
                    self.unverified += 1;
                }
                blocks
                    .index
                    .entry(cid)
                    .or_insert((at, base + cid_len, len as usize - cid_len));
                Ok(Some(cid))
            }
            Err((cid, message)) => {
                arena.truncate(base);
                self.corrupted.extend(cid);
                Err(CarError {
                    offset: start,
                    block: Some(block),
                    problem: Problem::BadBlock(message),
                }
                .into())
            }
        }
    }
}

/// The CID at the start of a block, its length, and whether the data's hash was checked; or
/// why the block is unusable (with its CID when that was readable).
fn check_block(bytes: &[u8]) -> Result<(Cid, usize, bool), (Option<Cid>, String)> {
    let mut cursor = bytes;
    let cid = Cid::read_bytes(&mut cursor).map_err(|e| (None, format!("unreadable CID: {e}")))?;
    let cid_len = bytes.len() - cursor.len();
    let data = cursor;
    let hash = cid.hash();
    let verified = match hash.code() {
        SHA2_256 => {
            if Sha256::digest(data).as_slice() != hash.digest() {
                return Err((
                    Some(cid),
                    format!(
                        "block {cid} does not match its CID (SHA-256 differs): the block is corrupted"
                    ),
                ));
            }
            true
        }
        IDENTITY => {
            if hash.digest() != data {
                return Err((
                    Some(cid),
                    format!("block {cid} does not match its identity CID"),
                ));
            }
            true
        }
        _ => false,
    };
    Ok((cid, cid_len, verified))
}

/// A framing or block error, or an I/O error of the input.
#[derive(Debug)]
pub enum ReadError {
    Car(CarError),
    Io(io::Error),
}

impl From<CarError> for ReadError {
    fn from(e: CarError) -> Self {
        ReadError::Car(e)
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

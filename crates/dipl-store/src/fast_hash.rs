//! A fast hash for the store's in-memory maps keyed by short strings (platform ids, hashtags).
//!
//! The keys come from exports, not from an adversary aiming collisions at a server, so the
//! Fx multiply-rotate hash (8 bytes a step) replaces SipHash, which showed up in import profiles.

use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap<K, V, FastHash>`.
pub(crate) type FastHash = BuildHasherDefault<FxHasher>;

#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("chunks of 8"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_equal_and_different_keys_differ() {
        let build = FastHash::default();
        assert_eq!(
            build.hash_one("1234567890123"),
            build.hash_one("1234567890123")
        );
        assert_ne!(
            build.hash_one("1234567890123"),
            build.hash_one("1234567890124")
        );
        assert_ne!(build.hash_one("ab"), build.hash_one("ba"));
    }
}

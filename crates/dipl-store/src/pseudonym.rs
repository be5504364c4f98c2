//! Pseudonyms of audience accounts and mentioned handles (design.md, "Audience accounts").
//!
//! A pseudonym is `anon-` followed by the first 16 hex digits of the BLAKE3 keyed hash of
//! `"<platform>:<platform id>"` (accounts) or `"<platform>:@<lowercase handle>"` (mentions), under
//! the workspace's secret key. The same person gets the same pseudonym across imports of one
//! workspace, and nobody without the key can recompute it from a known id.

use dipl_model::Platform;

const PREFIX: &str = "anon-";
const HEX_DIGITS: usize = 16;

/// The pseudonym stored in place of an audience account's platform id and handle.
pub fn account_pseudonym(key: &[u8; 32], platform: Platform, platform_id: &str) -> String {
    keyed(
        key,
        &[platform.id().as_bytes(), b":", platform_id.as_bytes()],
    )
}

/// The pseudonym that replaces a mentioned audience handle (without `@`) in a loaded dataset.
pub fn mention_pseudonym(key: &[u8; 32], platform: Platform, handle: &str) -> String {
    let folded = fold_handle(handle);
    keyed(key, &[platform.id().as_bytes(), b":@", folded.as_bytes()])
}

/// Handles compare case-insensitively and without a leading `@`.
pub(crate) fn fold_handle(handle: &str) -> String {
    handle.trim().trim_start_matches('@').to_lowercase()
}

fn keyed(key: &[u8; 32], parts: &[&[u8]]) -> String {
    let mut hasher = blake3::Hasher::new_keyed(key);
    for part in parts {
        hasher.update(part);
    }
    let hex = hasher.finalize().to_hex();
    let mut out = String::with_capacity(PREFIX.len() + HEX_DIGITS);
    out.push_str(PREFIX);
    out.push_str(&hex.as_str()[..HEX_DIGITS]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonym_is_the_prefix_of_the_keyed_hash() {
        let key = [7u8; 32];
        let full = blake3::keyed_hash(&key, b"twitter:12345").to_hex();
        let expected = format!("anon-{}", &full.as_str()[..16]);
        assert_eq!(
            account_pseudonym(&key, Platform::Twitter, "12345"),
            expected
        );
        let mention = blake3::keyed_hash(&key, b"twitter:@someone").to_hex();
        assert_eq!(
            mention_pseudonym(&key, Platform::Twitter, "@SomeOne"),
            format!("anon-{}", &mention.as_str()[..16])
        );
        assert_ne!(
            account_pseudonym(&key, Platform::Twitter, "1"),
            account_pseudonym(&key, Platform::Telegram, "1")
        );
    }
}

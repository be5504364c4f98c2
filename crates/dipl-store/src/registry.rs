//! The actor registry: actors and their accounts, stored all or nothing.
//!
//! A registry file is the truth for the actors it lists: each listed actor's links are replaced
//! by the listed accounts (actors not listed keep theirs). A registered account is always
//! identified and linked (`account.actor_id`):
//! - with a platform id, it is matched by that id, or by its pseudonym (the row is then
//!   re-identified), or created;
//! - with only a handle, it is matched case-insensitively against identified accounts' handles;
//!   if none matches, an "awaiting data" row (`platform_id` NULL) holds the registration until an
//!   import names that handle with a platform id.
//!
//! Known limit: an account stored pseudonymised cannot be matched by handle (its handle was not
//! kept); it is identified once an import names it with its handle again, or when the registry
//! gives its platform id.

use std::collections::HashMap;

use dipl_model::{Actor, Platform};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::columns::parse_platform;
use crate::pseudonym::{account_pseudonym, fold_handle};
use crate::{Result, Store};

/// One account of a registered actor; at least one of `handle` and `platform_id` should be set
/// (an entry with neither is skipped).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RegisteredAccount {
    pub platform: Platform,
    pub handle: Option<String>,
    pub platform_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryEntry {
    pub actor: Actor,
    pub accounts: Vec<RegisteredAccount>,
}

/// What a registry upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegistrySummary {
    pub actors: usize,
    /// Registered accounts linked to account rows that already existed.
    pub accounts_matched: usize,
    /// Registered accounts that got a new row (no data imported for them yet).
    pub accounts_new: usize,
}

impl Store {
    /// Stores actors and links their accounts, in one transaction.
    pub fn upsert_registry(&mut self, entries: &[RegistryEntry]) -> Result<RegistrySummary> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut summary = RegistrySummary::default();
        let mut handles: Option<HashMap<(Platform, String), Vec<i64>>> = None;
        for entry in entries {
            upsert_actor(&tx, &entry.actor)?;
            // The listed accounts replace this actor's links.
            tx.execute(
                "DELETE FROM account WHERE actor_id = ?1 AND platform_id IS NULL",
                [&entry.actor.id],
            )?;
            tx.execute(
                "UPDATE account SET actor_id = NULL WHERE actor_id = ?1",
                [&entry.actor.id],
            )?;
            for account in &entry.accounts {
                match (&account.platform_id, &account.handle) {
                    (Some(platform_id), handle) => {
                        let matched = link_by_id(
                            &tx,
                            &self.key,
                            &entry.actor.id,
                            account.platform,
                            platform_id,
                            handle.as_deref(),
                        )?;
                        if matched {
                            summary.accounts_matched += 1;
                        } else {
                            summary.accounts_new += 1;
                            if let (Some(handle), Some(map)) = (handle, handles.as_mut()) {
                                map.entry((account.platform, fold_handle(handle)))
                                    .or_default()
                                    .push(tx.last_insert_rowid());
                            }
                        }
                    }
                    (None, Some(handle)) => {
                        if handles.is_none() {
                            handles = Some(identified_handles(&tx)?);
                        }
                        let map = handles.as_ref().expect("filled just above");
                        let key = (account.platform, fold_handle(handle));
                        match map.get(&key) {
                            Some(rowids) => {
                                for rowid in rowids {
                                    tx.execute(
                                        "UPDATE account SET actor_id = ?1 WHERE id = ?2",
                                        params![entry.actor.id, rowid],
                                    )?;
                                }
                                summary.accounts_matched += 1;
                            }
                            None => {
                                tx.execute(
                                    "INSERT INTO account (platform, platform_id, handle, actor_id)
                                     VALUES (?1, NULL, ?2, ?3)",
                                    params![account.platform.id(), handle, entry.actor.id],
                                )?;
                                summary.accounts_new += 1;
                            }
                        }
                    }
                    (None, None) => {}
                }
            }
            summary.actors += 1;
        }
        tx.commit()?;
        tracing::info!(
            actors = summary.actors,
            matched = summary.accounts_matched,
            new = summary.accounts_new,
            "registry stored"
        );
        Ok(summary)
    }
}

fn upsert_actor(conn: &Connection, actor: &Actor) -> Result<()> {
    conn.execute(
        "INSERT INTO actor (id, name, kind, country, host, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
             country = excluded.country, host = excluded.host, notes = excluded.notes",
        params![
            actor.id,
            actor.name,
            actor.kind.id(),
            actor.country,
            actor.host,
            actor.notes
        ],
    )?;
    Ok(())
}

/// Links (and if need be re-identifies) the account with this platform id, or creates it.
/// Returns whether a row existed.
fn link_by_id(
    conn: &Connection,
    key: &[u8; 32],
    actor_id: &str,
    platform: Platform,
    platform_id: &str,
    handle: Option<&str>,
) -> Result<bool> {
    let find = |id: &str| -> Result<Option<i64>> {
        Ok(conn
            .query_row(
                "SELECT id FROM account WHERE platform = ?1 AND platform_id = ?2",
                params![platform.id(), id],
                |row| row.get(0),
            )
            .optional()?)
    };
    let existing = match find(platform_id)? {
        Some(rowid) => Some(rowid),
        None => find(&account_pseudonym(key, platform, platform_id))?,
    };
    match existing {
        Some(rowid) => {
            conn.execute(
                "UPDATE account SET
                     actor_id = ?2,
                     platform_id = ?3,
                     handle = CASE WHEN is_pseudonymised THEN ?4 ELSE COALESCE(handle, ?4) END,
                     is_pseudonymised = 0
                 WHERE id = ?1",
                params![rowid, actor_id, platform_id, handle],
            )?;
            Ok(true)
        }
        None => {
            conn.execute(
                "INSERT INTO account (platform, platform_id, handle, actor_id) VALUES (?1, ?2, ?3, ?4)",
                params![platform.id(), platform_id, handle, actor_id],
            )?;
            Ok(false)
        }
    }
}

/// Identified accounts with a platform id, by folded handle.
fn identified_handles(conn: &Connection) -> Result<HashMap<(Platform, String), Vec<i64>>> {
    let mut stmt = conn.prepare(
        "SELECT id, platform, handle FROM account
         WHERE is_pseudonymised = 0 AND platform_id IS NOT NULL AND handle IS NOT NULL
         ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut map: HashMap<(Platform, String), Vec<i64>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let platform = parse_platform(row.get_ref(1)?.as_str()?)?;
        let handle = fold_handle(row.get_ref(2)?.as_str()?);
        map.entry((platform, handle)).or_default().push(row.get(0)?);
    }
    Ok(map)
}

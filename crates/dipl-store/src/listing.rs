//! Read-only views of the store for the command line: registered actors with their data,
//! import batches, table counts, a content fingerprint, and read-only SQL for researchers.

use std::collections::HashMap;

use dipl_model::{Actor, Platform, Timestamp};
use rusqlite::types::ValueRef;

use crate::columns::parse_platform;
use crate::load::load_actors;
use crate::session::BatchCounts;
use crate::{Result, Store, StoreError};

/// A registered actor and its accounts, with whether data exists for each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorListing {
    pub actor: Actor,
    /// Sorted by (platform, handle, platform id).
    pub accounts: Vec<AccountListing>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountListing {
    pub platform: Platform,
    /// `None` while a handle-only registration awaits its data.
    pub platform_id: Option<String>,
    pub handle: Option<String>,
    /// The account's own timeline was collected by some import.
    pub is_subject: bool,
    pub n_posts: u64,
    pub first_post: Option<Timestamp>,
    pub last_post: Option<Timestamp>,
}

/// One `import_batch` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRow {
    pub id: i64,
    pub importer_id: String,
    pub importer_version: String,
    pub source: String,
    pub content_hash: Option<String>,
    pub started_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    pub counts: Option<BatchCounts>,
    pub status: String,
    pub n_diagnostics: u64,
}

/// Row counts of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoreCounts {
    pub actors: u64,
    pub accounts: u64,
    pub pseudonymised_accounts: u64,
    pub account_observations: u64,
    pub posts: u64,
    pub post_observations: u64,
    pub follows: u64,
    pub codes: u64,
    pub batches: u64,
    pub diagnostics: u64,
}

/// A value from a read-only query.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// The result of [`Store::query`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<SqlValue>>,
}

/// Tables in fingerprint order, each with an ORDER BY that makes its row order total.
const TABLES: &[(&str, &str)] = &[
    ("meta", "key"),
    ("actor", "id"),
    ("import_batch", "id"),
    ("account", "id"),
    ("account_observation", "account, observed_at"),
    ("post", "id"),
    ("post_observation", "post, observed_at"),
    ("follow", "follower, followed, observed_at"),
    ("code", "id"),
    ("diagnostic", "id"),
];

impl Store {
    /// Registered actors (by id) with their accounts and, for each, how many posts are stored
    /// and when the first and last were created.
    pub fn list_actors(&self) -> Result<Vec<ActorListing>> {
        let mut listings: Vec<ActorListing> = load_actors(&self.conn)?
            .into_iter()
            .map(|actor| ActorListing {
                actor,
                accounts: Vec::new(),
            })
            .collect();
        // Registered accounts, then one pass over the posts for their counts: an index on
        // post(account) would make this a lookup, but costs every import far more (schema note).
        let mut registered: Vec<(i64, String, AccountListing)> = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT id, actor_id, platform, platform_id, handle, is_subject
             FROM account WHERE actor_id IS NOT NULL ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            registered.push((
                row.get(0)?,
                row.get(1)?,
                AccountListing {
                    platform: parse_platform(row.get_ref(2)?.as_str()?)?,
                    platform_id: row.get(3)?,
                    handle: row.get(4)?,
                    is_subject: row.get(5)?,
                    n_posts: 0,
                    first_post: None,
                    last_post: None,
                },
            ));
        }
        if !registered.is_empty() {
            let position: HashMap<i64, usize> = registered
                .iter()
                .enumerate()
                .map(|(i, (rowid, _, _))| (*rowid, i))
                .collect();
            let mut stmt = self.conn.prepare("SELECT account, created_at FROM post")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let Some(&i) = position.get(&row.get::<_, i64>(0)?) else {
                    continue;
                };
                let created_at = Timestamp(row.get(1)?);
                let listing = &mut registered[i].2;
                listing.n_posts += 1;
                listing.first_post =
                    Some(listing.first_post.map_or(created_at, |t| t.min(created_at)));
                listing.last_post =
                    Some(listing.last_post.map_or(created_at, |t| t.max(created_at)));
            }
        }
        for (_, actor_id, account) in registered {
            if let Ok(position) = listings.binary_search_by(|l| l.actor.id.as_str().cmp(&actor_id))
            {
                listings[position].accounts.push(account);
            }
        }
        for listing in &mut listings {
            listing.accounts.sort_by(|a, b| {
                (a.platform, &a.handle, &a.platform_id).cmp(&(
                    b.platform,
                    &b.handle,
                    &b.platform_id,
                ))
            });
        }
        Ok(listings)
    }

    /// Import batches, oldest first.
    pub fn batches(&self) -> Result<Vec<BatchRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, b.importer_id, b.importer_version, b.source, b.content_hash, b.started_at,
                    b.finished_at, b.counts, b.status,
                    (SELECT COUNT(*) FROM diagnostic d WHERE d.batch = b.id)
             FROM import_batch b ORDER BY b.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut batches = Vec::new();
        while let Some(row) = rows.next()? {
            batches.push(BatchRow {
                id: row.get(0)?,
                importer_id: row.get(1)?,
                importer_version: row.get(2)?,
                source: row.get(3)?,
                content_hash: row.get(4)?,
                started_at: Timestamp(row.get(5)?),
                finished_at: row.get::<_, Option<i64>>(6)?.map(Timestamp),
                counts: row
                    .get::<_, Option<String>>(7)?
                    .map(|text| BatchCounts::from_json(&text)),
                status: row.get(8)?,
                n_diagnostics: row.get::<_, i64>(9)?.max(0) as u64,
            });
        }
        Ok(batches)
    }

    /// How many rows each table holds.
    pub fn counts(&self) -> Result<StoreCounts> {
        let count = |sql: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(sql, [], |row| row.get::<_, i64>(0))?
                .max(0) as u64)
        };
        Ok(StoreCounts {
            actors: count("SELECT COUNT(*) FROM actor")?,
            accounts: count("SELECT COUNT(*) FROM account")?,
            pseudonymised_accounts: count(
                "SELECT COUNT(*) FROM account WHERE is_pseudonymised = 1",
            )?,
            account_observations: count("SELECT COUNT(*) FROM account_observation")?,
            posts: count("SELECT COUNT(*) FROM post")?,
            post_observations: count("SELECT COUNT(*) FROM post_observation")?,
            follows: count("SELECT COUNT(*) FROM follow")?,
            codes: count("SELECT COUNT(*) FROM code")?,
            batches: count("SELECT COUNT(*) FROM import_batch")?,
            diagnostics: count("SELECT COUNT(*) FROM diagnostic")?,
        })
    }

    /// A BLAKE3 hash (hex) of every row of every table, in key order: equal fingerprints mean
    /// equal stored content. For checking that an operation changed nothing.
    pub fn fingerprint(&self) -> Result<String> {
        let mut hasher = blake3::Hasher::new();
        for (table, order) in TABLES {
            hasher.update(table.as_bytes());
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
            let n_columns = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for i in 0..n_columns {
                    match row.get_ref(i)? {
                        ValueRef::Null => hasher.update(b"N"),
                        ValueRef::Integer(v) => hasher.update(b"I").update(&v.to_le_bytes()),
                        ValueRef::Real(v) => hasher.update(b"R").update(&v.to_le_bytes()),
                        ValueRef::Text(v) | ValueRef::Blob(v) => hasher
                            .update(b"T")
                            .update(&(v.len() as u64).to_le_bytes())
                            .update(v),
                    };
                }
            }
        }
        Ok(hasher.finalize().to_hex().to_string())
    }

    /// Problems found by SQLite's foreign-key check and quick integrity check; empty when the
    /// store is sound.
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let table: String = row.get(0)?;
            let rowid: Option<i64> = row.get(1)?;
            let parent: String = row.get(2)?;
            problems.push(format!(
                "{table} row {}: refers to a missing {parent} row",
                rowid.map_or_else(|| "?".to_string(), |id| id.to_string())
            ));
        }
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let message: String = row.get(0)?;
            if message != "ok" {
                problems.push(message);
            }
        }
        Ok(problems)
    }

    /// Runs one read-only SQL statement (the `sql` command). Statements that would write, and
    /// anything run while the connection is switched to `query_only`, are refused.
    pub fn query(&self, sql: &str) -> Result<QueryResult> {
        let mut stmt = self.conn.prepare(sql)?;
        if !stmt.readonly() {
            return Err(StoreError::NotReadOnly);
        }
        let columns: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        self.conn.pragma_update(None, "query_only", true)?;
        let result = (|| -> Result<Vec<Vec<SqlValue>>> {
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(row) = rows.next()? {
                let mut values = Vec::with_capacity(columns.len());
                for i in 0..columns.len() {
                    values.push(match row.get_ref(i)? {
                        ValueRef::Null => SqlValue::Null,
                        ValueRef::Integer(v) => SqlValue::Integer(v),
                        ValueRef::Real(v) => SqlValue::Real(v),
                        ValueRef::Text(v) => {
                            SqlValue::Text(String::from_utf8_lossy(v).into_owned())
                        }
                        ValueRef::Blob(v) => SqlValue::Blob(v.to_vec()),
                    });
                }
                out.push(values);
            }
            Ok(out)
        })();
        self.conn.pragma_update(None, "query_only", false)?;
        Ok(QueryResult {
            columns,
            rows: result?,
        })
    }
}

/// What a reader needs to find one post again: its ids, author and text (for lists such as the
/// unanswered audience questions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDetail {
    pub rowid: i64,
    pub platform: Platform,
    pub platform_id: String,
    pub parent_post_platform_id: Option<String>,
    pub conversation_id: Option<String>,
    /// The author's handle (a pseudonym for audience accounts unless identities are kept).
    pub author_handle: Option<String>,
    pub author_platform_id: Option<String>,
    pub author_is_pseudonymised: bool,
    pub text: String,
}

impl Store {
    /// The details of the posts with these row ids, in the order given (unknown ids are left
    /// out).
    pub fn post_details(&self, rowids: &[i64]) -> Result<Vec<PostDetail>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.platform, p.platform_id, p.parent_post_platform_id, p.conversation_id,
                    a.handle, a.platform_id, a.is_pseudonymised, p.text
             FROM post p JOIN account a ON a.id = p.account WHERE p.id = ?1",
        )?;
        let mut out = Vec::with_capacity(rowids.len());
        for &rowid in rowids {
            let mut rows = stmt.query([rowid])?;
            if let Some(row) = rows.next()? {
                out.push(PostDetail {
                    rowid: row.get(0)?,
                    platform: parse_platform(row.get_ref(1)?.as_str()?)?,
                    platform_id: row.get(2)?,
                    parent_post_platform_id: row.get(3)?,
                    conversation_id: row.get(4)?,
                    author_handle: row.get(5)?,
                    author_platform_id: row.get(6)?,
                    author_is_pseudonymised: row.get(7)?,
                    text: row.get(8)?,
                });
            }
        }
        Ok(out)
    }
}

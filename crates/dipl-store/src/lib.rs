//! The SQLite store of Diplometrics: the only crate that knows SQL.
//!
//! It owns the schema (numbered migrations in `migrations/`, tracked with `PRAGMA user_version`),
//! idempotent upserts keyed by (platform, platform id), the observation history of counters,
//! provenance (`import_batch`), pseudonymisation of audience accounts, the actor registry, and
//! loading a compact [`Dataset`](dipl_model::Dataset) for a [`Scope`].
//!
//! An `import` command is one SQLite transaction ([`ImportSession`]), so a failed command leaves
//! the store unchanged; each file in it is a batch. A file whose content hash is known up front is
//! checked with [`ImportSession::already_imported`] and written directly; otherwise its batch is a
//! savepoint, rolled back alone if its content turns out to be a repeat. Nothing here reads the
//! clock: times come from the caller.

mod columns;
mod fast_hash;
mod listing;
mod load;
mod pseudonym;
mod registry;
mod resolve;
mod schema;
mod session;
mod threads;

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

pub use listing::{
    AccountListing, ActorListing, BatchRow, PostDetail, QueryResult, SqlValue, StoreCounts,
};
pub use load::Scope;
pub use pseudonym::{account_pseudonym, mention_pseudonym};
pub use registry::{RegisteredAccount, RegistryEntry, RegistrySummary};
pub use schema::SCHEMA_VERSION;
pub use session::{
    analyse_post, analyse_text, BatchCounts, BatchId, BatchInfo, BatchOutcome, DiagnosticRow,
    ImportSession, TextNotes,
};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the store: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the store has schema version {found}, newer than this build of diplometrics knows ({supported}); use a newer version"
    )]
    TooNew { found: i64, supported: i64 },
    #[error("the store is damaged: {0}")]
    Corrupt(String),
    #[error("import batch misuse: {0}")]
    Batch(String),
    #[error("the query would change the store; only reading queries are allowed")]
    NotReadOnly,
    #[error("the store holds a value of an unexpected type: {0}")]
    Value(#[from] rusqlite::types::FromSqlError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open store: one SQLite file (or an in-memory database for tests and demos).
pub struct Store {
    conn: Connection,
    key: [u8; 32],
}

impl Store {
    /// Opens the store at `path`, creating and migrating it as needed. `new_key` is called only
    /// when the store has no pseudonymisation key yet (a new file); the key is kept in `meta`.
    pub fn open_or_create(path: &Path, new_key: impl FnOnce() -> [u8; 32]) -> Result<Store> {
        let open_error = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_error)?;
        schema::configure(&conn, true).map_err(open_error)?;
        schema::migrate(&mut conn)?;
        let key = schema::ensure_key(&conn, new_key)?;
        Ok(Store { conn, key })
    }

    /// A fresh store in memory with the given pseudonymisation key.
    pub fn open_in_memory(key: [u8; 32]) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        schema::configure(&conn, false)?;
        schema::migrate(&mut conn)?;
        let key = schema::ensure_key(&conn, || key)?;
        Ok(Store { conn, key })
    }

    /// Whether audience accounts are stored with their real ids and handles (the workspace's
    /// `--keep-audience-identities` opt-in).
    pub fn keep_audience_identities(&self) -> Result<bool> {
        schema::keep_audience_identities(&self.conn)
    }

    /// Remembers the `--keep-audience-identities` choice. Accounts already pseudonymised stay so.
    pub fn set_keep_audience_identities(&mut self, yes: bool) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('keep_audience_identities', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [if yes { "1" } else { "0" }],
        )?;
        Ok(())
    }

    /// Starts the one transaction of an `import` command. Dropping the session without
    /// [`ImportSession::commit`] rolls everything back.
    pub fn session(&mut self) -> Result<ImportSession<'_>> {
        ImportSession::begin(&mut self.conn, &self.key)
    }

    /// The value of a `meta` key, if set.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }
}

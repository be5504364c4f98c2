//! Import sessions: one SQLite transaction per `import` command, one batch per file.
//!
//! Writes are idempotent upserts keyed by (platform, platform id). Counters are kept as
//! observations, one row per (post, observed_at) and (account, observed_at); the post row repeats
//! the latest observation (latest wins, ties merge). Content an earlier batch of the same importer
//! already imported changes nothing: callers that know the hash up front skip it
//! ([`ImportSession::already_imported`]); a batch begun without it is a savepoint, rolled back at
//! [`ImportSession::finish_batch`] when its content is a repeat.

use std::collections::HashMap;
use std::hash::BuildHasher;

use dipl_model::{
    AccountObservation, Counters, Follow, Platform, Post, PostRef, Record, Role, Timestamp,
};
use rusqlite::{params, CachedStatement, Connection, OptionalExtension};

use crate::columns::{count_to_sql, json_list, json_object, platform_index};
use crate::fast_hash::FastHash;
use crate::resolve::{AccountCache, Context, Sighting};
use crate::{schema, Result, StoreError};

/// Id of an `import_batch` row.
pub type BatchId = i64;

/// Where a batch comes from; `started_at` is also the observation time of counters that carry
/// none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchInfo {
    pub importer_id: String,
    pub importer_version: String,
    pub source: String,
    pub started_at: Timestamp,
    /// The content hash when known before writing (the caller checked
    /// [`ImportSession::already_imported`]): the batch is then written without a savepoint, which
    /// measured 12 % faster on a 1.6 GB import, and cannot be aborted on its own. `None`: the
    /// hash comes with [`ImportSession::finish_batch`], and a repeat is rolled back there.
    pub content_hash: Option<String>,
}

/// What a batch wrote (records received, by type; stored as JSON in `import_batch.counts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchCounts {
    pub posts: u64,
    pub accounts: u64,
    pub account_observations: u64,
    /// Posts that carried counters (each is one `post_observation` upsert).
    pub post_observations: u64,
    pub follows: u64,
    pub diagnostics: u64,
}

impl BatchCounts {
    pub(crate) fn to_json(self) -> String {
        serde_json::json!({
            "posts": self.posts,
            "accounts": self.accounts,
            "account_observations": self.account_observations,
            "post_observations": self.post_observations,
            "follows": self.follows,
            "diagnostics": self.diagnostics,
        })
        .to_string()
    }

    /// Reads the JSON of [`BatchCounts::to_json`]; missing or odd fields count 0.
    pub(crate) fn from_json(text: &str) -> BatchCounts {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let field = |name: &str| {
            value
                .get(name)
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0)
        };
        BatchCounts {
            posts: field("posts"),
            accounts: field("accounts"),
            account_observations: field("account_observations"),
            post_observations: field("post_observations"),
            follows: field("follows"),
            diagnostics: field("diagnostics"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchOutcome {
    Imported(BatchCounts),
    /// The same importer already imported the same content in this batch: nothing changed.
    AlreadyImported(BatchId),
}

/// One importer diagnostic, as stored in the `diagnostic` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticRow {
    pub file: String,
    /// Line, record index or JSON path, as the importer states it.
    pub location: Option<String>,
    pub severity: String,
    pub message: String,
}

const SAVEPOINT: &str = "dipl_batch";

struct OpenBatch {
    id: BatchId,
    importer_id: String,
    started_at: Timestamp,
    counts: BatchCounts,
    /// Opened with a savepoint (content hash not known in advance).
    savepoint: bool,
}

/// The transaction of one `import` command. Dropped without [`ImportSession::commit`], it rolls
/// back and the store is as it was.
pub struct ImportSession<'s> {
    /// In a transaction begun by [`ImportSession::begin`]; `Drop` rolls it back unless committed.
    tx: &'s Connection,
    committed: bool,
    key: &'s [u8; 32],
    keep_audience_identities: bool,
    accounts: AccountCache,
    /// Posts written in this session, to skip exact repeats (a referenced post recurs in the
    /// `includes` of many pages: a fifth of the post records of a timeline harvest).
    posts_seen: PostsSeen,
    open: Option<OpenBatch>,
    scratch: Scratch,
}

/// Posts remembered per platform for skipping repeats (about 100 bytes each).
const POSTS_SEEN_LIMIT: usize = 200_000;

/// Per platform: post id → what was last written for it in this session.
type PostsSeen = [HashMap<Box<str>, SeenPost, FastHash>; Platform::ALL.len()];

/// What was last written for a post in this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SeenPost {
    /// Hash of the whole record (content, references, counters).
    content: u64,
    /// Compared exactly, as they are what changes between two sightings of a post.
    observed_at: Option<i64>,
    counters: Counters,
}

/// Reused buffers for the JSON list columns of a post.
#[derive(Default)]
struct Scratch {
    media: String,
    urls: String,
    hashtags: String,
    mentions: String,
}

impl<'s> ImportSession<'s> {
    pub(crate) fn begin(conn: &'s mut Connection, key: &'s [u8; 32]) -> Result<Self> {
        let tx: &'s Connection = conn;
        // Foreign-key enforcement is off for the session (it can only be switched outside a
        // transaction) and back on when the session ends: every reference a session writes is
        // a row id it has just found or inserted in the same transaction, or its open batch, so
        // the checks only cost time (measured: a quarter of the CPU time of a bulk import).
        // `Store::check_integrity` verifies the constraints on demand, and the tests use it.
        tx.execute_batch("PRAGMA foreign_keys = OFF")?;
        // IMMEDIATE: take the write lock now, not half-way through the first file.
        if let Err(error) = tx.execute_batch("BEGIN IMMEDIATE") {
            tx.execute_batch("PRAGMA foreign_keys = ON")?;
            return Err(error.into());
        }
        let mut session = ImportSession {
            tx,
            committed: false,
            key,
            keep_audience_identities: false,
            accounts: AccountCache::empty(),
            posts_seen: std::array::from_fn(|_| HashMap::default()),
            open: None,
            scratch: Scratch::default(),
        };
        // On error the session is dropped here, which rolls back.
        session.keep_audience_identities = schema::keep_audience_identities(tx)?;
        session.accounts.reset(tx)?;
        Ok(session)
    }

    /// Opens a batch for one file (a savepoint when the content hash is not known yet). Only one
    /// batch is open at a time.
    pub fn begin_batch(&mut self, info: &BatchInfo) -> Result<BatchId> {
        if let Some(open) = &self.open {
            return Err(StoreError::Batch(format!(
                "batch {} is still open; finish or abort it before beginning another",
                open.id
            )));
        }
        let savepoint = info.content_hash.is_none();
        if savepoint {
            self.tx.execute_batch(&format!("SAVEPOINT {SAVEPOINT}"))?;
        }
        self.tx.execute(
            "INSERT INTO import_batch (importer_id, importer_version, source, started_at, status)
             VALUES (?1, ?2, ?3, ?4, 'running')",
            params![
                info.importer_id,
                info.importer_version,
                info.source,
                info.started_at.0
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        // Which detector wrote `post.detected_lang` and `post.question` from now on.
        self.tx.execute(
            "INSERT INTO meta (key, value) VALUES ('lang_detector', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [dipl_lang::DETECTOR_VERSION],
        )?;
        self.open = Some(OpenBatch {
            id,
            importer_id: info.importer_id.clone(),
            started_at: info.started_at,
            counts: BatchCounts::default(),
            savepoint,
        });
        Ok(id)
    }

    /// Writes records into the open batch `batch`.
    pub fn write(&mut self, batch: BatchId, records: &[Record]) -> Result<()> {
        self.write_noted(batch, records, None)
    }

    /// [`write`](Self::write) with each post's [`TextNotes`] computed beforehand (in parallel,
    /// off the writing thread): `notes[i]` belongs to `records[i]`; a missing entry is computed
    /// here.
    pub fn write_noted(
        &mut self,
        batch: BatchId,
        records: &[Record],
        notes: Option<&[Option<TextNotes>]>,
    ) -> Result<()> {
        let open = open_batch(&mut self.open, batch)?;
        let ctx = Context {
            key: self.key,
            keep_audience_identities: self.keep_audience_identities,
            batch,
        };
        let conn: &Connection = self.tx;
        let mut writer = Writer {
            conn,
            ctx: &ctx,
            accounts: &mut self.accounts,
            posts_seen: &mut self.posts_seen,
            started_at: open.started_at,
            counts: &mut open.counts,
            scratch: &mut self.scratch,
            post_insert: conn.prepare_cached(POST_INSERT)?,
            post_update: conn.prepare_cached(POST_UPDATE)?,
            post_observation_upsert: conn.prepare_cached(POST_OBSERVATION_UPSERT)?,
            account_observation_upsert: conn.prepare_cached(ACCOUNT_OBSERVATION_UPSERT)?,
        };
        for (i, record) in records.iter().enumerate() {
            writer.record(
                record,
                notes.and_then(|n| n.get(i)).and_then(Option::as_ref),
            )?;
        }
        Ok(())
    }

    /// Stores importer diagnostics with the open batch `batch`.
    pub fn add_diagnostics(&mut self, batch: BatchId, diags: &[DiagnosticRow]) -> Result<()> {
        let open = open_batch(&mut self.open, batch)?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO diagnostic (batch, file, location, severity, message)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for diag in diags {
            stmt.execute(params![
                batch,
                diag.file,
                diag.location,
                diag.severity,
                diag.message
            ])?;
        }
        open.counts.diagnostics += diags.len() as u64;
        Ok(())
    }

    /// Closes the open batch `batch`. If the same importer already imported the same content
    /// (in an earlier command or earlier in this one), everything the batch wrote is rolled
    /// back and the earlier batch's id is returned.
    pub fn finish_batch(
        &mut self,
        batch: BatchId,
        content_hash: &str,
        finished_at: Timestamp,
    ) -> Result<BatchOutcome> {
        let open = open_batch(&mut self.open, batch)?;
        let earlier: Option<BatchId> = self
            .tx
            .query_row(
                "SELECT id FROM import_batch
                 WHERE importer_id = ?1 AND content_hash = ?2 AND status = 'imported' AND id <> ?3
                 ORDER BY id LIMIT 1",
                params![open.importer_id, content_hash, batch],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(earlier) = earlier {
            if !open.savepoint {
                return Err(StoreError::Batch(format!(
                    "batch {batch} repeats batch {earlier} but was begun without a savepoint; check `already_imported` first"
                )));
            }
            self.rollback_open()?;
            tracing::info!(
                batch,
                earlier,
                "content already imported; batch rolled back"
            );
            return Ok(BatchOutcome::AlreadyImported(earlier));
        }
        let counts = open.counts;
        self.tx.execute(
            "UPDATE import_batch
             SET content_hash = ?2, finished_at = ?3, counts = ?4, status = 'imported'
             WHERE id = ?1",
            params![batch, content_hash, finished_at.0, counts.to_json()],
        )?;
        if open.savepoint {
            self.tx.execute_batch(&format!("RELEASE {SAVEPOINT}"))?;
        }
        self.open = None;
        Ok(BatchOutcome::Imported(counts))
    }

    /// Rolls back everything the open batch `batch` wrote; the session goes on.
    pub fn abort_batch(&mut self, batch: BatchId) -> Result<()> {
        if !open_batch(&mut self.open, batch)?.savepoint {
            return Err(StoreError::Batch(format!(
                "batch {batch} was begun without a savepoint and cannot be aborted alone; drop the session to roll back the import"
            )));
        }
        self.rollback_open()
    }

    /// The committed (or, in this session, finished) batch of `importer_id` that imported
    /// content with this hash, if any: importing it again would change nothing.
    pub fn already_imported(
        &self,
        importer_id: &str,
        content_hash: &str,
    ) -> Result<Option<BatchId>> {
        Ok(self
            .tx
            .query_row(
                "SELECT id FROM import_batch
                 WHERE importer_id = ?1 AND content_hash = ?2 AND status = 'imported'
                 ORDER BY id LIMIT 1",
                params![importer_id, content_hash],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Commits the whole import. Every batch must have been finished or aborted.
    pub fn commit(mut self) -> Result<()> {
        if let Some(open) = &self.open {
            return Err(StoreError::Batch(format!(
                "batch {} was neither finished nor aborted; nothing was committed",
                open.id
            )));
        }
        self.tx.execute_batch("COMMIT")?;
        self.committed = true;
        // (Drop switches foreign-key enforcement back on.)
        // Move the committed pages from the write-ahead log into the database file now, so that
        // later reads come from the (memory-mapped) file rather than page by page from the log.
        // The import is committed whatever happens here; a busy reader only delays the move.
        if let Err(error) = self
            .tx
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        {
            tracing::warn!(%error, "checkpointing the write-ahead log after an import failed");
        }
        Ok(())
    }

    fn rollback_open(&mut self) -> Result<()> {
        self.tx
            .execute_batch(&format!("ROLLBACK TO {SAVEPOINT}; RELEASE {SAVEPOINT}"))?;
        self.open = None;
        // Rows the batch created are gone, and their ids may be handed out again.
        self.posts_seen.iter_mut().for_each(HashMap::clear);
        self.accounts.reset(self.tx)
    }
}

impl Drop for ImportSession<'_> {
    fn drop(&mut self) {
        if !self.committed {
            if let Err(error) = self.tx.execute_batch("ROLLBACK") {
                tracing::error!(%error, "rolling back an import session failed");
            }
        }
        if let Err(error) = self.tx.execute_batch("PRAGMA foreign_keys = ON") {
            tracing::error!(%error, "switching foreign-key enforcement back on failed");
        }
    }
}

fn open_batch(open: &mut Option<OpenBatch>, batch: BatchId) -> Result<&mut OpenBatch> {
    match open.as_ref().map(|o| o.id) {
        Some(id) if id == batch => Ok(open.as_mut().expect("checked just above")),
        Some(id) => Err(StoreError::Batch(format!(
            "batch {batch} is not open (the open batch is {id})"
        ))),
        None => Err(StoreError::Batch(format!("batch {batch} is not open"))),
    }
}

/// Inserts a new post; on conflict nothing happens and [`POST_UPDATE`] runs with the same
/// parameters.
const POST_INSERT: &str = "
INSERT INTO post (platform, platform_id, account, created_at, kind,
    parent_post_platform_id, parent_account, referenced_post_platform_id, referenced_account,
    conversation_id, likes, reposts, replies, quotes, views, bookmarks, latest_observed_at,
    lang, edited, deleted, first_batch, media, urls, hashtags, mentions, text, detected_lang,
    question)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
    ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)
ON CONFLICT (platform_id, platform) DO NOTHING";

/// Updates an existing post with the parameters of [`POST_INSERT`]: counters follow the latest
/// observation (a newer one replaces, an equal time merges, an older one is only kept as
/// history); content follows the newest write unless it comes from an older observation; flags
/// only turn on; the author, creation time and first batch stay.
const POST_UPDATE: &str = "
UPDATE post SET
    kind = ?5,
    parent_post_platform_id = COALESCE(?6, parent_post_platform_id),
    parent_account = COALESCE(?7, parent_account),
    referenced_post_platform_id = COALESCE(?8, referenced_post_platform_id),
    referenced_account = COALESCE(?9, referenced_account),
    conversation_id = COALESCE(?10, conversation_id),
    likes = CASE WHEN ?17 IS NULL THEN likes
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?11
        WHEN ?17 = latest_observed_at THEN COALESCE(?11, likes)
        ELSE likes END,
    reposts = CASE WHEN ?17 IS NULL THEN reposts
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?12
        WHEN ?17 = latest_observed_at THEN COALESCE(?12, reposts)
        ELSE reposts END,
    replies = CASE WHEN ?17 IS NULL THEN replies
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?13
        WHEN ?17 = latest_observed_at THEN COALESCE(?13, replies)
        ELSE replies END,
    quotes = CASE WHEN ?17 IS NULL THEN quotes
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?14
        WHEN ?17 = latest_observed_at THEN COALESCE(?14, quotes)
        ELSE quotes END,
    views = CASE WHEN ?17 IS NULL THEN views
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?15
        WHEN ?17 = latest_observed_at THEN COALESCE(?15, views)
        ELSE views END,
    bookmarks = CASE WHEN ?17 IS NULL THEN bookmarks
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?16
        WHEN ?17 = latest_observed_at THEN COALESCE(?16, bookmarks)
        ELSE bookmarks END,
    latest_observed_at = CASE WHEN ?17 IS NULL THEN latest_observed_at
        WHEN latest_observed_at IS NULL OR ?17 > latest_observed_at THEN ?17
        ELSE latest_observed_at END,
    lang = CASE WHEN ?17 < latest_observed_at THEN lang ELSE COALESCE(?18, lang) END,
    edited = MAX(edited, ?19),
    deleted = MAX(deleted, ?20),
    media = CASE WHEN ?17 < latest_observed_at THEN media ELSE ?22 END,
    urls = CASE WHEN ?17 < latest_observed_at THEN urls ELSE ?23 END,
    hashtags = CASE WHEN ?17 < latest_observed_at THEN hashtags ELSE ?24 END,
    mentions = CASE WHEN ?17 < latest_observed_at THEN mentions ELSE ?25 END,
    text = CASE WHEN ?17 < latest_observed_at THEN text ELSE ?26 END,
    detected_lang = CASE WHEN ?17 < latest_observed_at THEN detected_lang ELSE ?27 END,
    question = CASE WHEN ?17 < latest_observed_at THEN question ELSE ?28 END
WHERE platform = ?1 AND platform_id = ?2
RETURNING id";

const POST_OBSERVATION_UPSERT: &str = "
INSERT INTO post_observation (post, observed_at, likes, reposts, replies, quotes, views, bookmarks, batch, reactions)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (post, observed_at) DO UPDATE SET
    likes = COALESCE(excluded.likes, likes),
    reposts = COALESCE(excluded.reposts, reposts),
    replies = COALESCE(excluded.replies, replies),
    quotes = COALESCE(excluded.quotes, quotes),
    views = COALESCE(excluded.views, views),
    bookmarks = COALESCE(excluded.bookmarks, bookmarks),
    reactions = COALESCE(excluded.reactions, reactions)";

const ACCOUNT_OBSERVATION_UPSERT: &str = "
INSERT INTO account_observation (account, observed_at, followers, following, posts_count, listed_count, batch)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (account, observed_at) DO UPDATE SET
    followers = COALESCE(excluded.followers, followers),
    following = COALESCE(excluded.following, following),
    posts_count = COALESCE(excluded.posts_count, posts_count),
    listed_count = COALESCE(excluded.listed_count, listed_count)";

const FOLLOW_INSERT: &str = "
INSERT INTO follow (platform, follower, followed, observed_at, batch) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT DO NOTHING";

/// Writes the records of one `write` call, with the hot statements prepared once.
/// What Diplometrics reads off a post's text at import: its detected language (`und` when
/// undetermined; none for reposts, whose text is the reposted post's) and whether it asks a
/// question (codebook §5, §6; crate `dipl-lang`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextNotes {
    pub detected_lang: Option<&'static str>,
    pub question: bool,
}

/// The [`TextNotes`] of a text.
pub fn analyse_text(text: &str) -> TextNotes {
    let detected = dipl_lang::detect(text).map(|d| d.lang);
    TextNotes {
        detected_lang: Some(detected.unwrap_or("und")),
        question: dipl_lang::is_question(text, detected),
    }
}

/// The [`TextNotes`] of a post: a repost says nothing of its own (no language, no question),
/// which also spares the detector a fifth of a typical X harvest.
pub fn analyse_post(post: &Post) -> TextNotes {
    analyse(post.kind, &post.text)
}

/// The [`TextNotes`] of a post of `kind` with `text` (see [`analyse_post`]).
pub(crate) fn analyse(kind: dipl_model::PostKind, text: &str) -> TextNotes {
    if kind == dipl_model::PostKind::Repost {
        TextNotes {
            detected_lang: None,
            question: false,
        }
    } else {
        analyse_text(text)
    }
}

struct Writer<'w> {
    conn: &'w Connection,
    ctx: &'w Context<'w>,
    accounts: &'w mut AccountCache,
    posts_seen: &'w mut PostsSeen,
    started_at: Timestamp,
    counts: &'w mut BatchCounts,
    scratch: &'w mut Scratch,
    post_insert: CachedStatement<'w>,
    post_update: CachedStatement<'w>,
    post_observation_upsert: CachedStatement<'w>,
    account_observation_upsert: CachedStatement<'w>,
}

impl Writer<'_> {
    /// Writes one record; a post without `notes` has them computed here.
    fn record(&mut self, record: &Record, notes: Option<&TextNotes>) -> Result<()> {
        match record {
            Record::Account(account) => {
                self.accounts.resolve(
                    self.conn,
                    self.ctx,
                    account.platform,
                    &account.id,
                    account.role,
                    Sighting::Full(account),
                )?;
                self.counts.accounts += 1;
            }
            Record::AccountObservation(observation) => self.account_observation(observation)?,
            Record::Post(post) => match notes {
                Some(notes) => self.post(post, notes)?,
                None => self.post(post, &analyse_post(post))?,
            },
            Record::Follow(follow) => self.follow(follow)?,
        }
        Ok(())
    }

    fn audience(
        &mut self,
        platform: dipl_model::Platform,
        id: &str,
        handle: Option<&str>,
    ) -> Result<i64> {
        self.accounts.resolve(
            self.conn,
            self.ctx,
            platform,
            id,
            Role::Audience,
            Sighting::Bare { handle },
        )
    }

    fn referenced_account(
        &mut self,
        platform: dipl_model::Platform,
        reference: Option<&PostRef>,
    ) -> Result<Option<i64>> {
        match reference {
            Some(PostRef {
                account_id: Some(account_id),
                handle,
                ..
            }) => Ok(Some(self.audience(
                platform,
                account_id,
                handle.as_deref(),
            )?)),
            _ => Ok(None),
        }
    }

    fn post(&mut self, post: &Post, notes: &TextNotes) -> Result<()> {
        let counters = &post.counters;
        let observed_at =
            (!counters.is_empty()).then(|| post.observed_at.unwrap_or(self.started_at).0);
        // An exact repeat of a post already written in this session changes nothing: skip it.
        let seen = SeenPost {
            content: FastHash::default().hash_one(post),
            observed_at,
            counters: *counters,
        };
        let seen_here = &mut self.posts_seen[platform_index(post.platform)];
        match seen_here.get_mut(post.id.as_str()) {
            Some(last) if *last == seen => {
                self.counts.posts += 1;
                return Ok(());
            }
            Some(last) => *last = seen,
            None => {
                // Repeats are close together (pages of the same harvest): forgetting old posts
                // keeps memory bounded whatever the size of the import.
                if seen_here.len() >= POSTS_SEEN_LIMIT {
                    seen_here.clear();
                }
                seen_here.insert(post.id.as_str().into(), seen);
            }
        }
        let author = self.audience(post.platform, &post.author_id, None)?;
        let parent_account = self.referenced_account(post.platform, post.parent.as_ref())?;
        let referenced_account =
            self.referenced_account(post.platform, post.referenced.as_ref())?;
        let scratch = &mut *self.scratch;
        json_list(&mut scratch.media, post.media.iter().map(|m| m.id()));
        json_list(&mut scratch.urls, post.urls.iter().map(String::as_str));
        json_list(
            &mut scratch.hashtags,
            post.hashtags.iter().map(String::as_str),
        );
        json_list(
            &mut scratch.mentions,
            post.mentions.iter().map(String::as_str),
        );
        let values = params![
            post.platform.id(),
            post.id,
            author,
            post.created_at.0,
            post.kind.id(),
            // An empty id is a reference whose post is unknown (only its author is).
            post.parent
                .as_ref()
                .map(|r| r.post_id.as_str())
                .filter(|id| !id.is_empty()),
            parent_account,
            post.referenced
                .as_ref()
                .map(|r| r.post_id.as_str())
                .filter(|id| !id.is_empty()),
            referenced_account,
            post.conversation_id,
            count_to_sql(counters.likes),
            count_to_sql(counters.reposts),
            count_to_sql(counters.replies),
            count_to_sql(counters.quotes),
            count_to_sql(counters.views),
            count_to_sql(counters.bookmarks),
            observed_at,
            post.lang,
            post.edited,
            post.deleted,
            self.ctx.batch,
            scratch.media,
            scratch.urls,
            scratch.hashtags,
            scratch.mentions,
            post.text,
            notes.detected_lang,
            notes.question,
        ];
        let post_rowid: i64 = if self.post_insert.execute(values)? == 1 {
            self.conn.last_insert_rowid()
        } else {
            self.post_update.query_row(values, |row| row.get(0))?
        };
        if let Some(observed_at) = observed_at {
            let reactions = (!post.reactions.is_empty()).then(|| {
                let mut out = String::new();
                json_object(
                    &mut out,
                    post.reactions.iter().map(|(k, n)| (k.as_str(), *n)),
                );
                out
            });
            self.post_observation_upsert.execute(params![
                post_rowid,
                observed_at,
                count_to_sql(counters.likes),
                count_to_sql(counters.reposts),
                count_to_sql(counters.replies),
                count_to_sql(counters.quotes),
                count_to_sql(counters.views),
                count_to_sql(counters.bookmarks),
                self.ctx.batch,
                reactions,
            ])?;
            self.counts.post_observations += 1;
        }
        self.counts.posts += 1;
        Ok(())
    }

    fn account_observation(&mut self, observation: &AccountObservation) -> Result<()> {
        let values = [
            observation.followers,
            observation.following,
            observation.posts_count,
            observation.listed_count,
        ];
        if values.iter().all(Option::is_none) {
            return Ok(());
        }
        let account = self.audience(observation.platform, &observation.account_id, None)?;
        let observed_at = observation.observed_at.unwrap_or(self.started_at).0;
        self.account_observation_upsert.execute(params![
            account,
            observed_at,
            count_to_sql(observation.followers),
            count_to_sql(observation.following),
            count_to_sql(observation.posts_count),
            count_to_sql(observation.listed_count),
            self.ctx.batch,
        ])?;
        self.counts.account_observations += 1;
        Ok(())
    }

    fn follow(&mut self, follow: &Follow) -> Result<()> {
        let follower = self.audience(follow.platform, &follow.follower_id, None)?;
        let followed = self.audience(follow.platform, &follow.followed_id, None)?;
        let observed_at = follow.observed_at.unwrap_or(self.started_at).0;
        self.conn.prepare_cached(FOLLOW_INSERT)?.execute(params![
            follow.platform.id(),
            follower,
            followed,
            observed_at,
            self.ctx.batch,
        ])?;
        self.counts.follows += 1;
        Ok(())
    }
}

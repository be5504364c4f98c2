//! Finding or creating the `account` row for a (platform, platform id) during an import.
//!
//! The role rules of design.md live here:
//! - a subject (its own timeline was collected) or a registered actor's account is identified;
//! - any other account is audience and, unless the workspace keeps identities, is stored under
//!   its pseudonym with display name and description dropped;
//! - subject wins over audience forever: an account once seen as subject stays one, and a
//!   pseudonymised row is re-identified (same row, real id and handle) when its real id later
//!   arrives as subject or for a registered account;
//! - a registered account known only by its handle (`platform_id` NULL, "awaiting data") is
//!   adopted by the first record that names that handle with a platform id.
//!
//! - an id written `@handle` (edge lists and id lists name accounts by handle) is the account
//!   with that handle: a registered account (awaiting data or not) or an identified account
//!   already stored. Otherwise a subject (or any account when identities are kept) becomes a row
//!   awaiting data, adopted by the first record that brings its platform id; an audience account
//!   is pseudonymised under its handle and cannot be linked later (import edge lists after the
//!   posts or the registry that name their accounts).
//!
//! A per-session cache maps real platform ids to rows, so that the common case (the author of
//! the next post) costs one hash lookup and no SQL.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

use dipl_model::{AccountRecord, Platform, Role};
use rusqlite::{params, Connection, OptionalExtension};

use crate::columns::{parse_platform, platform_index};
use crate::fast_hash::FastHash;
use crate::pseudonym::{account_pseudonym, fold_handle};
use crate::Result;

/// What the session knows about one account row.
#[derive(Debug, Clone, Copy)]
struct Known {
    rowid: i64,
    is_subject: bool,
    is_pseudonymised: bool,
    /// Linked to a registered actor.
    registered: bool,
    /// Hash of the account details last written in this session (0: none written).
    details: u64,
    /// A handle of this account was looked up among the registered accounts awaiting data.
    handle_asked: bool,
}

/// How an account was met in a record.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sighting<'r> {
    /// Only named (the author of a post, the account a reply answers, a follower).
    Bare { handle: Option<&'r str> },
    /// Described by an account record.
    Full(&'r AccountRecord),
}

impl<'r> Sighting<'r> {
    fn handle(self) -> Option<&'r str> {
        match self {
            Sighting::Bare { handle } => handle,
            Sighting::Full(record) => record.handle.as_deref(),
        }
    }
}

/// The settings resolution depends on.
pub(crate) struct Context<'a> {
    pub key: &'a [u8; 32],
    pub keep_audience_identities: bool,
    pub batch: i64,
}

/// Real platform id → account row, for the accounts met in this session, plus the registered
/// accounts awaiting data, by folded handle.
pub(crate) struct AccountCache {
    known: [HashMap<String, Known, FastHash>; Platform::ALL.len()],
    awaiting: HashMap<(Platform, String), i64>,
}

impl AccountCache {
    pub(crate) fn empty() -> AccountCache {
        AccountCache {
            known: std::array::from_fn(|_| HashMap::default()),
            awaiting: HashMap::new(),
        }
    }

    /// Forgets everything and reloads the registered accounts awaiting data: at the start of a
    /// session, and after a rollback made rows (and row ids) disappear.
    pub(crate) fn reset(&mut self, conn: &Connection) -> Result<()> {
        for map in &mut self.known {
            map.clear();
        }
        self.load_awaiting(conn)
    }

    fn load_awaiting(&mut self, conn: &Connection) -> Result<()> {
        self.awaiting.clear();
        let mut stmt = conn.prepare_cached(
            "SELECT id, platform, handle FROM account
             WHERE platform_id IS NULL AND handle IS NOT NULL
             ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let platform = parse_platform(row.get_ref(1)?.as_str()?)?;
            let handle: String = row.get(2)?;
            // The first registration of a handle wins (ordered by id, so deterministically).
            self.awaiting
                .entry((platform, fold_handle(&handle)))
                .or_insert(rowid);
        }
        Ok(())
    }

    /// The row id of the account `(platform, id)`, creating or updating its row as the role
    /// rules require.
    pub(crate) fn resolve(
        &mut self,
        conn: &Connection,
        ctx: &Context<'_>,
        platform: Platform,
        id: &str,
        role: Role,
        sighting: Sighting<'_>,
    ) -> Result<i64> {
        let subject = role == Role::Subject;
        let slot = platform_index(platform);
        let cached = self.known[slot].get(id).copied();
        if cached.is_none() {
            if let Some(handle) = id.strip_prefix('@') {
                if let Some(known) = self.by_handle(conn, ctx, platform, handle, subject)? {
                    self.known[slot].insert(id.to_owned(), known);
                    return Ok(known.rowid);
                }
            }
        }
        // Does this sighting's handle name a registered account awaiting data? Asked once per
        // account and session (folding handles for every post showed up in profiles).
        let ask_awaiting = !self.awaiting.is_empty()
            && sighting.handle().is_some()
            && cached.is_none_or(|known| !known.registered && !known.handle_asked);
        let awaiting: Option<((Platform, String), i64)> = match sighting.handle() {
            Some(handle) if ask_awaiting => {
                let key = (platform, fold_handle(handle));
                self.awaiting.get(&key).copied().map(|rowid| (key, rowid))
            }
            _ => None,
        };
        let details = match sighting {
            Sighting::Full(record) => Some(details_hash(record)),
            Sighting::Bare { .. } => None,
        };
        let current = match cached {
            Some(known) => {
                let wants_identity = known.is_pseudonymised
                    && (subject || ctx.keep_audience_identities || awaiting.is_some());
                let becomes_subject = subject && !known.is_subject;
                let new_details = details.is_some_and(|d| d != known.details);
                let unchanged =
                    !wants_identity && !becomes_subject && awaiting.is_none() && !new_details;
                if unchanged {
                    if ask_awaiting {
                        if let Some(entry) = self.known[slot].get_mut(id) {
                            entry.handle_asked = true;
                        }
                    }
                    return Ok(known.rowid);
                }
                Some(known)
            }
            None => match find_row(conn, platform, id)? {
                Some(row) => Some(row),
                None => find_row(conn, platform, &account_pseudonym(ctx.key, platform, id))?,
            },
        };

        let known = match (current, awaiting) {
            (None, None) => insert_row(conn, ctx, platform, id, subject, sighting, details)?,
            (None, Some((awaiting_key, placeholder))) => {
                // A registered account awaiting data: this record supplies its platform id.
                self.awaiting.remove(&awaiting_key);
                update_row(conn, ctx, placeholder, id, true, true, subject, sighting)?;
                Known {
                    rowid: placeholder,
                    is_subject: subject,
                    is_pseudonymised: false,
                    registered: true,
                    details: details.unwrap_or(0),
                    handle_asked: true,
                }
            }
            (Some(row), placeholder) => {
                let mut registered = row.registered;
                if let Some((awaiting_key, placeholder)) = placeholder {
                    self.awaiting.remove(&awaiting_key);
                    if placeholder != row.rowid {
                        merge_placeholder(conn, placeholder, row.rowid)?;
                    }
                    registered = true;
                }
                let identified =
                    !row.is_pseudonymised || subject || registered || ctx.keep_audience_identities;
                let identify_now = row.is_pseudonymised && identified;
                update_row(
                    conn,
                    ctx,
                    row.rowid,
                    id,
                    identify_now,
                    identified,
                    subject,
                    sighting,
                )?;
                Known {
                    rowid: row.rowid,
                    is_subject: row.is_subject || subject,
                    is_pseudonymised: !identified,
                    registered,
                    details: details.unwrap_or(row.details),
                    handle_asked: row.handle_asked || ask_awaiting,
                }
            }
        };
        match self.known[slot].get_mut(id) {
            Some(entry) => *entry = known,
            None => {
                self.known[slot].insert(id.to_owned(), known);
            }
        }
        Ok(known.rowid)
    }
}

impl AccountCache {
    /// The row of the account named `@handle`, when it can be known (see the module docs).
    fn by_handle(
        &mut self,
        conn: &Connection,
        ctx: &Context<'_>,
        platform: Platform,
        handle: &str,
        subject: bool,
    ) -> Result<Option<Known>> {
        let folded = fold_handle(handle);
        let found = match self.awaiting.get(&(platform, folded.clone())) {
            Some(&rowid) => Some(rowid),
            None => conn
                .prepare_cached(
                    "SELECT id FROM account
                     WHERE platform = ?1 AND is_pseudonymised = 0
                       AND (handle = ?2 COLLATE NOCASE OR handle = '@' || ?2 COLLATE NOCASE)
                     ORDER BY platform_id IS NULL, id LIMIT 1",
                )?
                .query_row(params![platform.id(), folded], |row| row.get(0))
                .optional()?,
        };
        let rowid = match found {
            Some(rowid) => {
                if subject {
                    conn.prepare_cached("UPDATE account SET is_subject = 1 WHERE id = ?1")?
                        .execute([rowid])?;
                }
                rowid
            }
            None if subject || ctx.keep_audience_identities => {
                conn.prepare_cached(
                    "INSERT INTO account (platform, platform_id, handle, is_subject,
                         is_pseudonymised, first_batch)
                     VALUES (?1, NULL, ?2, ?3, 0, ?4)",
                )?
                .execute(params![platform.id(), folded, subject, ctx.batch])?;
                let rowid = conn.last_insert_rowid();
                self.awaiting.insert((platform, folded), rowid);
                rowid
            }
            None => return Ok(None),
        };
        let (is_subject, registered): (bool, bool) = conn
            .prepare_cached("SELECT is_subject, actor_id IS NOT NULL FROM account WHERE id = ?1")?
            .query_row([rowid], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(Some(Known {
            rowid,
            is_subject,
            is_pseudonymised: false,
            registered,
            details: 0,
            handle_asked: true,
        }))
    }
}

fn find_row(conn: &Connection, platform: Platform, platform_id: &str) -> Result<Option<Known>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, is_subject, is_pseudonymised, actor_id IS NOT NULL
         FROM account WHERE platform = ?1 AND platform_id = ?2",
    )?;
    Ok(stmt
        .query_row(params![platform.id(), platform_id], |row| {
            Ok(Known {
                rowid: row.get(0)?,
                is_subject: row.get(1)?,
                is_pseudonymised: row.get(2)?,
                registered: row.get(3)?,
                details: 0,
                handle_asked: false,
            })
        })
        .optional()?)
}

fn insert_row(
    conn: &Connection,
    ctx: &Context<'_>,
    platform: Platform,
    id: &str,
    subject: bool,
    sighting: Sighting<'_>,
    details: Option<u64>,
) -> Result<Known> {
    let identified = subject || ctx.keep_audience_identities;
    let record = match sighting {
        Sighting::Full(record) => Some(record),
        Sighting::Bare { .. } => None,
    };
    let (platform_id, handle, display_name, description) = if identified {
        (
            id.to_owned(),
            sighting.handle().map(str::to_owned),
            record.and_then(|r| r.display_name.clone()),
            record.and_then(|r| r.description.clone()),
        )
    } else {
        let pseudonym = account_pseudonym(ctx.key, platform, id);
        (pseudonym.clone(), Some(pseudonym), None, None)
    };
    let mut stmt = conn.prepare_cached(
        "INSERT INTO account (platform, platform_id, handle, display_name, is_subject,
             is_pseudonymised, created_at, verified, location, lang, description, first_batch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    stmt.execute(params![
        platform.id(),
        platform_id,
        handle,
        display_name,
        subject,
        !identified,
        record.and_then(|r| r.created_at).map(|t| t.0),
        record.and_then(|r| r.verified),
        record.and_then(|r| r.location.as_deref()),
        record.and_then(|r| r.lang.as_deref()),
        description,
        ctx.batch,
    ])?;
    Ok(Known {
        rowid: conn.last_insert_rowid(),
        is_subject: subject,
        is_pseudonymised: !identified,
        registered: false,
        details: details.unwrap_or(0),
        handle_asked: sighting.handle().is_some(),
    })
}

/// Updates a row: `identify_now` replaces the pseudonym (or the missing id of a registered
/// account) with the real id; `identified` says whether identifying details may be written.
#[allow(clippy::too_many_arguments)]
fn update_row(
    conn: &Connection,
    ctx: &Context<'_>,
    rowid: i64,
    id: &str,
    identify_now: bool,
    identified: bool,
    subject: bool,
    sighting: Sighting<'_>,
) -> Result<()> {
    let record = match sighting {
        Sighting::Full(record) => Some(record),
        Sighting::Bare { .. } => None,
    };
    fn private(identified: bool, value: Option<&str>) -> Option<&str> {
        value.filter(|_| identified)
    }
    let mut stmt = conn.prepare_cached(
        "UPDATE account SET
             platform_id      = CASE WHEN ?2 THEN ?3 ELSE platform_id END,
             handle           = CASE WHEN ?2 AND is_pseudonymised THEN ?4 ELSE COALESCE(?4, handle) END,
             is_pseudonymised = CASE WHEN ?2 THEN 0 ELSE is_pseudonymised END,
             is_subject       = MAX(is_subject, ?5),
             display_name     = COALESCE(?6, display_name),
             created_at       = COALESCE(?7, created_at),
             verified         = COALESCE(?8, verified),
             location         = COALESCE(?9, location),
             lang             = COALESCE(?10, lang),
             description      = COALESCE(?11, description),
             first_batch      = COALESCE(first_batch, ?12)
         WHERE id = ?1",
    )?;
    stmt.execute(params![
        rowid,
        identify_now,
        id,
        private(identified, sighting.handle()),
        subject,
        private(identified, record.and_then(|r| r.display_name.as_deref())),
        record.and_then(|r| r.created_at).map(|t| t.0),
        record.and_then(|r| r.verified),
        record.and_then(|r| r.location.as_deref()),
        record.and_then(|r| r.lang.as_deref()),
        private(identified, record.and_then(|r| r.description.as_deref())),
        ctx.batch,
    ])?;
    Ok(())
}

/// The data row `rowid` turned out to be the registered account awaiting data `placeholder`:
/// the row takes the registration and the (data-less) placeholder goes.
fn merge_placeholder(conn: &Connection, placeholder: i64, rowid: i64) -> Result<()> {
    conn.prepare_cached(
        "UPDATE account SET actor_id = COALESCE(actor_id, (SELECT actor_id FROM account WHERE id = ?2))
         WHERE id = ?1",
    )?
    .execute(params![rowid, placeholder])?;
    conn.prepare_cached("DELETE FROM account WHERE id = ?1 AND platform_id IS NULL")?
        .execute([placeholder])?;
    Ok(())
}

/// A fingerprint of an account record's details, to skip rewriting unchanged details (exports
/// such as X v1.1 repeat the author's user object in every post). Never 0.
fn details_hash(record: &AccountRecord) -> u64 {
    let mut hasher = FastHash::default().build_hasher();
    record.handle.hash(&mut hasher);
    record.display_name.hash(&mut hasher);
    record.role.hash(&mut hasher);
    record.created_at.hash(&mut hasher);
    record.verified.hash(&mut hasher);
    record.location.hash(&mut hasher);
    record.lang.hash(&mut hasher);
    record.description.hash(&mut hasher);
    hasher.finish().max(1)
}

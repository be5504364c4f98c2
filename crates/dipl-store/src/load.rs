//! Loading the in-memory [`Dataset`] of a scope (time window, platforms), from one snapshot.
//!
//! Order is explicit so that the same data gives the same dataset whatever order it was imported
//! in: actors by id; accounts by (platform, handle, platform id); posts by (account index,
//! created_at, platform id); follower observations by (account index, observed_at); symbols
//! (case-folded hashtags and handles) sorted.
//!
//! Accounts in the dataset: subjects and registered accounts (of the scope's platforms), the
//! authors of posts in scope, and the accounts those posts answer, repost or quote.
//! Mentioned handles that are not an identified subject's or registered account's handle are
//! replaced by their pseudonym, unless the workspace keeps audience identities.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use dipl_model::{
    AccountInfo, Actor, ActorKind, Dataset, FollowRow, FollowerObs, Platform, PostKind, PostRow,
    ProfileObs, Threads, Timestamp, Window,
};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

use crate::columns::{count_from_sql, parse_json_list, parse_platform, platform_index};
use crate::fast_hash::FastHash;
use crate::pseudonym::{fold_handle, mention_pseudonym};
use crate::threads::ThreadScan;
use crate::{schema, Result, Store, StoreError};

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Posts whose `created_at` lies in the window.
    pub window: Window,
    /// Only these platforms (`None`: all).
    pub platforms: Option<Vec<Platform>>,
    /// Fill `symbols` / `post_hashtags`; otherwise every post's hashtag range is empty.
    pub with_hashtags: bool,
    /// Fill `symbols` / `post_mentions`; otherwise every post's mention range is empty.
    pub with_mentions: bool,
    /// Only the posts of subject and registered accounts (all that account, actor and country
    /// metrics read); the accounts their posts answer, repost or quote are still loaded. Halves
    /// the memory of a timeline harvest, whose referenced posts are audience posts.
    pub subjects_only: bool,
    /// Fill `follows` with the follow edges of the scope's platforms (whatever their
    /// observation time; both ends are loaded as accounts).
    pub with_follows: bool,
    /// Fill `threads` (see `dipl_model::Threads` and the `threads` module): the conversation
    /// items of the window, their ancestors, and answers up to `threads_until`.
    pub with_threads: bool,
    /// Answers created after the window's end are loaded up to this time (inclusive), so that a
    /// comment late in the window can be seen answered by the reference time; `None`: up to the
    /// window's end only.
    pub threads_until: Option<Timestamp>,
}

impl Scope {
    /// Everything, with hashtags and mentions.
    pub fn all() -> Scope {
        Scope {
            window: Window::ALL,
            platforms: None,
            with_hashtags: true,
            with_mentions: true,
            subjects_only: false,
            with_follows: true,
            with_threads: true,
            threads_until: None,
        }
    }
}

pub(crate) const NO_INDEX: u32 = u32::MAX;

impl Store {
    /// Loads the dataset of `scope` (see the module documentation for what it contains).
    pub fn load_dataset(&self, scope: &Scope) -> Result<Dataset> {
        // One read transaction: one snapshot even if another process imports meanwhile.
        // A scan reads every page once: a small page cache and no memory map do as well as the
        // import's settings, and keep resident memory to the dataset itself (measured on 1.3 M
        // stored posts: 720 → 330 MiB peak, same time).
        let cache_size: i64 = self
            .conn
            .query_row("PRAGMA cache_size", [], |row| row.get(0))?;
        // (In-memory databases have no memory map: the pragma returns no row.)
        let mmap_size: Option<i64> = self
            .conn
            .query_row("PRAGMA mmap_size", [], |row| row.get(0))
            .optional()?;
        self.conn.pragma_update(None, "cache_size", -16_384_i64)?;
        if mmap_size.is_some() {
            self.conn.pragma_update(None, "mmap_size", 0_i64)?;
        }
        let result = (|| {
            let tx = self.conn.unchecked_transaction()?;
            let dataset = load(&tx, &self.key, scope)?;
            tx.finish()?;
            Ok(dataset)
        })();
        self.conn.pragma_update(None, "cache_size", cache_size)?;
        if let Some(mmap_size) = mmap_size {
            self.conn.pragma_update(None, "mmap_size", mmap_size)?;
        }
        result
    }
}

fn load(conn: &Connection, key: &[u8; 32], scope: &Scope) -> Result<Dataset> {
    let keep = schema::keep_audience_identities(conn)?;
    let in_scope = |platform: Platform| {
        scope
            .platforms
            .as_ref()
            .is_none_or(|platforms| platforms.contains(&platform))
    };

    let actors = load_actors(conn)?;
    let actor_index: HashMap<&str, u32> = actors
        .iter()
        .enumerate()
        .map(|(i, actor)| (actor.id.as_str(), i as u32))
        .collect();

    // Which account rows the dataset needs, by row id.
    let max_rowid: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM account", [], |row| {
        row.get(0)
    })?;
    let mut wanted = vec![false; rowid_slot(max_rowid)? + 1];
    let mut identified_handles: HashSet<(Platform, String)> = HashSet::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, platform, handle FROM account WHERE is_subject = 1 OR actor_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let platform = parse_platform(row.get_ref(1)?.as_str()?)?;
            if let Some(handle) = row.get_ref(2)?.as_str_or_null()? {
                identified_handles.insert((platform, fold_handle(handle)));
            }
            if in_scope(platform) {
                wanted[rowid_slot(row.get(0)?)?] = true;
            }
        }
    }

    // At this point `wanted` marks exactly the subject and registered accounts in scope.
    let subjects = scope.subjects_only.then(|| wanted.clone());
    let units = scope.with_threads.then(|| wanted.clone());
    let mut scan = PostScan::default();
    scan.read(conn, scope, subjects.as_deref(), &mut wanted)?;
    let mut thread_scan = ThreadScan::default();
    if let Some(units) = &units {
        thread_scan.read(conn, scope, units, &mut wanted)?;
    }
    let follow_rows = if scope.with_follows {
        read_follows(conn, &in_scope, &mut wanted)?
    } else {
        Vec::new()
    };

    // Accounts, sorted, and the row id → index map.
    let mut accounts: Vec<(AccountInfo, i64)> = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, platform, platform_id, handle, display_name, actor_id, is_subject,
                    is_pseudonymised, created_at, verified, location
             FROM account",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            if !wanted.get(rowid_slot(rowid)?).copied().unwrap_or(false) {
                continue;
            }
            let actor_id = row.get_ref(5)?.as_str_or_null()?;
            let actor = actor_id.and_then(|id| actor_index.get(id).copied());
            let info = AccountInfo {
                platform: parse_platform(row.get_ref(1)?.as_str()?)?,
                platform_id: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                handle: row.get(3)?,
                display_name: row.get(4)?,
                actor,
                is_subject: row.get::<_, bool>(6)? || actor_id.is_some(),
                is_pseudonymised: row.get(7)?,
                created_at: row.get::<_, Option<i64>>(8)?.map(Timestamp),
                verified: row.get(9)?,
                location: row.get(10)?,
            };
            accounts.push((info, rowid));
        }
    }
    accounts.sort_by(|(a, _), (b, _)| {
        (a.platform, &a.handle, &a.platform_id).cmp(&(b.platform, &b.handle, &b.platform_id))
    });
    let mut index_of = vec![NO_INDEX; wanted.len()];
    for (index, (_, rowid)) in accounts.iter().enumerate() {
        index_of[rowid_slot(*rowid)?] = index as u32;
    }
    let accounts: Vec<AccountInfo> = accounts.into_iter().map(|(info, _)| info).collect();

    let symbols = scan.symbols(key, keep, &identified_handles);
    let (posts, post_hashtags, post_mentions) = scan.finish(conn, &index_of, &symbols)?;
    let follower_obs = load_follower_obs(conn, &index_of)?;
    let profile_obs = load_profile_obs(conn, &index_of)?;
    let mut follows: Vec<FollowRow> = follow_rows
        .into_iter()
        .filter_map(|(follower, followed, observed_at)| {
            let follower = *index_of.get(rowid_slot(follower).ok()?)?;
            let followed = *index_of.get(rowid_slot(followed).ok()?)?;
            (follower != NO_INDEX && followed != NO_INDEX).then_some(FollowRow {
                follower,
                followed,
                observed_at: Timestamp(observed_at),
            })
        })
        .collect();
    follows.sort_unstable();
    let threads = if scope.with_threads {
        thread_scan.finish(&index_of)
    } else {
        Threads::default()
    };

    Ok(Dataset {
        actors,
        accounts,
        posts,
        follower_obs,
        profile_obs,
        follows,
        symbols: symbols.strings,
        post_hashtags,
        post_mentions,
        threads,
    })
}

/// Account row ids index plain vectors; ids are positive and, in practice, dense.
pub(crate) fn rowid_slot(rowid: i64) -> Result<usize> {
    u32::try_from(rowid)
        .map(|id| id as usize)
        .map_err(|_| StoreError::Corrupt(format!("account id {rowid} is outside 0..2^32")))
}

/// Every actor, by id.
pub(crate) fn load_actors(conn: &Connection) -> Result<Vec<Actor>> {
    let mut stmt =
        conn.prepare("SELECT id, name, kind, country, host, notes FROM actor ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut actors = Vec::new();
    while let Some(row) = rows.next()? {
        let kind: String = row.get(2)?;
        actors.push(Actor {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: kind
                .parse::<ActorKind>()
                .map_err(|e| StoreError::Corrupt(format!("actor.kind: {e}")))?,
            country: row.get(3)?,
            host: row.get(4)?,
            notes: row.get(5)?,
        });
    }
    Ok(actors)
}

fn load_follower_obs(conn: &Connection, index_of: &[u32]) -> Result<Vec<FollowerObs>> {
    let mut stmt = conn.prepare(
        "SELECT account, observed_at, followers FROM account_observation WHERE followers IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut observations = Vec::new();
    while let Some(row) = rows.next()? {
        let account = index_of
            .get(rowid_slot(row.get(0)?)?)
            .copied()
            .unwrap_or(NO_INDEX);
        if account == NO_INDEX {
            continue;
        }
        if let Some(followers) = count_from_sql(row.get(2)?) {
            observations.push(FollowerObs {
                account,
                observed_at: Timestamp(row.get(1)?),
                followers,
            });
        }
    }
    observations.sort_unstable_by_key(|o| (o.account, o.observed_at));
    Ok(observations)
}

/// The follow rows of the scope's platforms as (follower, followed, observed_at) row ids, marking
/// both ends as wanted.
fn read_follows(
    conn: &Connection,
    in_scope: &dyn Fn(Platform) -> bool,
    wanted: &mut [bool],
) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = conn.prepare("SELECT platform, follower, followed, observed_at FROM follow")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        if !in_scope(parse_platform(row.get_ref(0)?.as_str()?)?) {
            continue;
        }
        let (follower, followed): (i64, i64) = (row.get(1)?, row.get(2)?);
        for rowid in [follower, followed] {
            if let Some(flag) = wanted.get_mut(rowid_slot(rowid)?) {
                *flag = true;
            }
        }
        out.push((follower, followed, row.get(3)?));
    }
    Ok(out)
}

fn load_profile_obs(conn: &Connection, index_of: &[u32]) -> Result<Vec<ProfileObs>> {
    let mut stmt = conn.prepare(
        "SELECT account, observed_at, following, posts_count FROM account_observation
         WHERE following IS NOT NULL OR posts_count IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut observations = Vec::new();
    while let Some(row) = rows.next()? {
        let account = index_of
            .get(rowid_slot(row.get(0)?)?)
            .copied()
            .unwrap_or(NO_INDEX);
        if account == NO_INDEX {
            continue;
        }
        observations.push(ProfileObs {
            account,
            observed_at: Timestamp(row.get(1)?),
            following: count_from_sql(row.get(2)?),
            posts_count: count_from_sql(row.get(3)?),
        });
    }
    observations.sort_unstable_by_key(|o| (o.account, o.observed_at));
    Ok(observations)
}

/// Posts as read, in table order, compactly: account fields still hold row ids, and hashtag and
/// mention lists are runs of the scan's provisional symbol ids (a row's run ends where the next
/// row's starts).
#[derive(Default)]
struct PostScan {
    rows: Vec<ScanRow>,
    tags: Vec<u32>,
    tag_ids: HashMap<String, u32, FastHash>,
    mentions: Vec<u32>,
    /// Per platform: folded handle → provisional mention id.
    mention_ids: [HashMap<String, u32, FastHash>; Platform::ALL.len()],
    n_mention_ids: u32,
}

struct ScanRow {
    created_at: i64,
    /// `post.id`: a cheap provisional tie-break, replaced by the platform post id where
    /// (account, created_at) tie.
    post_rowid: i64,
    /// likes, reposts, replies, quotes, views; `MISSING` for NULL.
    counters: [i64; 5],
    account: u32,
    parent_account: u32,
    referenced_account: u32,
    tags_start: u32,
    mentions_start: u32,
    kind: PostKind,
}

const MISSING: i64 = -1;

fn counter(value: i64) -> Option<u64> {
    u64::try_from(value).ok()
}

fn optional_slot(slot: u32) -> Option<u32> {
    (slot != NO_INDEX).then_some(slot)
}

/// An INTEGER column that may be NULL.
fn int_or_null(row: &rusqlite::Row<'_>, column: usize) -> Result<Option<i64>> {
    match row.get_ref(column)? {
        ValueRef::Integer(value) => Ok(Some(value)),
        ValueRef::Null => Ok(None),
        other => Err(StoreError::Corrupt(format!(
            "post column {column} holds {:?} where an integer belongs",
            other.data_type()
        ))),
    }
}

/// The final symbol table and the maps from provisional ids into it.
struct Symbols {
    strings: Vec<String>,
    of_tag: Vec<u32>,
    of_mention: Vec<u32>,
}

impl PostScan {
    fn read(
        &mut self,
        conn: &Connection,
        scope: &Scope,
        subjects: Option<&[bool]>,
        wanted: &mut [bool],
    ) -> Result<()> {
        let mut sql = String::from(
            "SELECT account, created_at, id, kind, parent_account, referenced_account,
                    likes, reposts, replies, quotes, views, ",
        );
        sql.push_str(if scope.with_hashtags {
            "hashtags, "
        } else {
            "NULL, "
        });
        sql.push_str(if scope.with_mentions {
            "mentions, platform"
        } else {
            "NULL, NULL"
        });
        sql.push_str(" FROM post WHERE created_at >= ?1 AND created_at < ?2");
        if let Some(platforms) = &scope.platforms {
            // Platform ids are this program's own constants, never user text.
            let list: Vec<String> = platforms.iter().map(|p| format!("'{}'", p.id())).collect();
            sql.push_str(&format!(" AND platform IN ({})", list.join(", ")));
        }
        let from = scope.window.from.map_or(i64::MIN, |t| t.0);
        let to = scope.window.to.map_or(i64::MAX, |t| t.0);
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([from, to])?;
        while let Some(row) = rows.next()? {
            let slot = |value: Option<i64>| value.map(rowid_slot).transpose();
            let account = rowid_slot(row.get(0)?)?;
            if subjects.is_some_and(|s| !s.get(account).copied().unwrap_or(false)) {
                continue;
            }
            let parent_account = slot(int_or_null(row, 4)?)?;
            let referenced_account = slot(int_or_null(row, 5)?)?;
            for slot in [Some(account), parent_account, referenced_account]
                .into_iter()
                .flatten()
            {
                if let Some(flag) = wanted.get_mut(slot) {
                    *flag = true;
                }
            }
            let kind_text = row.get_ref(3)?.as_str()?;
            let kind = PostKind::from_id(kind_text)
                .ok_or_else(|| StoreError::Corrupt(format!("post.kind `{kind_text}`")))?;
            let tags_start = self.tags.len() as u32;
            if let Some(text) = row.get_ref(11)?.as_str_or_null()? {
                let (tag_ids, tags) = (&mut self.tag_ids, &mut self.tags);
                each_item(text, |tag| {
                    tags.push(intern(tag_ids, &fold_case(tag), None))
                })?;
            }
            let mentions_start = self.mentions.len() as u32;
            if let Some(text) = row.get_ref(12)?.as_str_or_null()? {
                if text != "[]" {
                    let platform = parse_platform(row.get_ref(13)?.as_str()?)?;
                    let map = &mut self.mention_ids[platform_index(platform)];
                    let (next, mentions) = (&mut self.n_mention_ids, &mut self.mentions);
                    each_item(text, |handle| {
                        mentions.push(intern(map, &fold_handle(handle), Some(next)))
                    })?;
                }
            }
            let mut counters = [MISSING; 5];
            for (i, value) in counters.iter_mut().enumerate() {
                if let Some(v) = int_or_null(row, 6 + i)? {
                    *value = v.max(MISSING);
                }
            }
            self.rows.push(ScanRow {
                created_at: row.get(1)?,
                post_rowid: row.get(2)?,
                counters,
                account: account as u32,
                parent_account: parent_account.map_or(NO_INDEX, |s| s as u32),
                referenced_account: referenced_account.map_or(NO_INDEX, |s| s as u32),
                tags_start,
                mentions_start,
                kind,
            });
        }
        Ok(())
    }

    /// Sorted, deduplicated symbols: case-folded hashtags, and mentioned handles (pseudonymised
    /// where they are audience).
    fn symbols(
        &self,
        key: &[u8; 32],
        keep: bool,
        identified_handles: &HashSet<(Platform, String)>,
    ) -> Symbols {
        let mut mention_strings = vec![String::new(); self.n_mention_ids as usize];
        for (platform, map) in Platform::ALL.into_iter().zip(&self.mention_ids) {
            for (handle, &id) in map {
                let identified = identified_handles.contains(&(platform, handle.clone()));
                mention_strings[id as usize] = if keep || identified {
                    handle.clone()
                } else {
                    mention_pseudonym(key, platform, handle)
                };
            }
        }
        let mut tag_strings = vec![""; self.tag_ids.len()];
        for (tag, &id) in &self.tag_ids {
            tag_strings[id as usize] = tag.as_str();
        }
        let sorted: BTreeSet<&str> = tag_strings
            .iter()
            .copied()
            .chain(mention_strings.iter().map(String::as_str))
            .collect();
        let strings: Vec<String> = sorted.iter().map(|s| s.to_string()).collect();
        let position = |s: &str| {
            strings
                .binary_search_by(|probe| probe.as_str().cmp(s))
                .expect("every symbol is in the sorted table") as u32
        };
        Symbols {
            of_tag: tag_strings.iter().map(|s| position(s)).collect(),
            of_mention: mention_strings.iter().map(|s| position(s)).collect(),
            strings,
        }
    }

    /// Maps row ids to account indices, sorts, and lays out hashtag and mention lists in post
    /// order.
    fn finish(
        self,
        conn: &Connection,
        index_of: &[u32],
        symbols: &Symbols,
    ) -> Result<(Vec<PostRow>, Vec<u32>, Vec<u32>)> {
        let index = |slot: u32| -> Result<u32> {
            match index_of.get(slot as usize).copied() {
                Some(i) if i != NO_INDEX => Ok(i),
                _ => Err(StoreError::Corrupt(format!(
                    "post refers to a missing account {slot}"
                ))),
            }
        };
        // Sort by (account, created_at, post row id), then re-sort runs that tie on
        // (account, created_at) by platform post id, read only for them.
        // First bucket by account (a counting sort: accounts are few, posts many), then sort
        // each account's posts, which are small and often already in time order.
        let n_accounts = index_of.iter().filter(|&&i| i != NO_INDEX).count();
        let mut bucket_starts = vec![0usize; n_accounts + 1];
        let mut accounts = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let account = index(row.account)?;
            bucket_starts[account as usize + 1] += 1;
            accounts.push(account);
        }
        for i in 1..bucket_starts.len() {
            bucket_starts[i] += bucket_starts[i - 1];
        }
        let mut next = bucket_starts.clone();
        let mut order: Vec<(u32, i64, i64, u32)> = vec![(0, 0, 0, 0); self.rows.len()];
        for (position, (row, &account)) in self.rows.iter().zip(&accounts).enumerate() {
            let slot = &mut next[account as usize];
            order[*slot] = (account, row.created_at, row.post_rowid, position as u32);
            *slot += 1;
        }
        for bucket in bucket_starts.windows(2) {
            order[bucket[0]..bucket[1]].sort_unstable();
        }
        let mut platform_id = conn.prepare_cached("SELECT platform_id FROM post WHERE id = ?1")?;
        let mut start = 0;
        while start < order.len() {
            let (account, created_at) = (order[start].0, order[start].1);
            let mut end = start + 1;
            while end < order.len() && order[end].0 == account && order[end].1 == created_at {
                end += 1;
            }
            if end - start > 1 {
                let mut run = Vec::with_capacity(end - start);
                for entry in &order[start..end] {
                    let id: String = platform_id.query_row([entry.2], |row| row.get(0))?;
                    run.push((id, *entry));
                }
                run.sort();
                for (slot, (_, entry)) in order[start..end].iter_mut().zip(run) {
                    *slot = entry;
                }
            }
            start = end;
        }

        // Gather in sorted order: independent loads, which the processor overlaps.
        let run_end = |position: usize, starts: fn(&ScanRow) -> u32, total: usize| {
            self.rows.get(position + 1).map_or(total as u32, starts)
        };
        let mut posts = Vec::with_capacity(self.rows.len());
        let mut post_hashtags = Vec::with_capacity(self.tags.len());
        let mut post_mentions = Vec::with_capacity(self.mentions.len());
        for &(account, _, _, position) in &order {
            let position = position as usize;
            let row = &self.rows[position];
            let tags = row.tags_start..run_end(position, |r| r.tags_start, self.tags.len());
            let mentions =
                row.mentions_start..run_end(position, |r| r.mentions_start, self.mentions.len());
            let [likes, reposts, replies, quotes, views] = row.counters.map(counter);
            posts.push(PostRow {
                account,
                created_at: Timestamp(row.created_at),
                kind: row.kind,
                parent_account: optional_slot(row.parent_account).map(index).transpose()?,
                referenced_account: optional_slot(row.referenced_account)
                    .map(index)
                    .transpose()?,
                likes,
                reposts,
                replies,
                quotes,
                views,
                hashtags: copy_range(&self.tags, &tags, &symbols.of_tag, &mut post_hashtags),
                mentions: copy_range(
                    &self.mentions,
                    &mentions,
                    &symbols.of_mention,
                    &mut post_mentions,
                ),
            });
        }
        Ok((posts, post_hashtags, post_mentions))
    }
}

/// The id of `key` in `map`, adding it with the next id if new (`next` counts ids shared by
/// several maps; `None`: the map's own length).
fn intern(map: &mut HashMap<String, u32, FastHash>, key: &str, next: Option<&mut u32>) -> u32 {
    if let Some(&id) = map.get(key) {
        return id;
    }
    let id = match next {
        Some(next) => {
            let id = *next;
            *next += 1;
            id
        }
        None => map.len() as u32,
    };
    map.insert(key.to_owned(), id);
    id
}

fn copy_range(source: &[u32], range: &Range<u32>, map: &[u32], out: &mut Vec<u32>) -> Range<u32> {
    let start = out.len() as u32;
    out.extend(
        source[range.start as usize..range.end as usize]
            .iter()
            .map(|&id| map[id as usize]),
    );
    start..out.len() as u32
}

/// Lower case, borrowing when the text has nothing to fold.
pub(crate) fn fold_case(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_uppercase) {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// Calls `f` with each string of a JSON list column. The store writes plain `["a","b"]`, read
/// here without allocating; anything with escapes or odd spacing takes the full JSON parser.
pub(crate) fn each_item(text: &str, mut f: impl FnMut(&str)) -> Result<()> {
    if text == "[]" {
        return Ok(());
    }
    if !text.contains('\\') {
        if let Some(inner) = text.strip_prefix("[\"").and_then(|t| t.strip_suffix("\"]")) {
            if inner.split("\",\"").all(|item| !item.contains('"')) {
                inner.split("\",\"").for_each(f);
                return Ok(());
            }
        }
    }
    parse_json_list(text)?.iter().for_each(|item| f(item));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_fast_path_agrees_with_json() {
        for text in [
            "[]",
            r#"["a"]"#,
            r#"["a","b c","Ж"]"#,
            r#"[ "a" , "b" ]"#,
            r#"["a\"b","c"]"#,
            r#"["",""]"#,
        ] {
            let mut out = Vec::new();
            each_item(text, |item| out.push(item.to_owned())).unwrap();
            assert_eq!(out, parse_json_list(text).unwrap(), "{text}");
        }
        assert!(each_item("[1]", |_| ()).is_err());
    }
}

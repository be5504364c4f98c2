//! Loading conversation threads ([`dipl_model::Threads`]) for a scope.
//!
//! Which posts: in `[from, reach)` — `reach` is the later of the window's end and the scope's
//! `threads_until`, so that answers given after the window but known by the reference time are
//! seen — every post of a unit (subject or registered account) and every reply to a unit; then,
//! repeatedly, the posts those answer, wherever they lie in time, until every parent in the
//! store is loaded. A reply's parent is found by its platform post id on the same platform (the
//! `UNIQUE (platform_id, platform)` index); a parent that is not stored (deleted, not collected)
//! leaves the reply with its parent's author, when known, and a key of the missing id.
//!
//! Languages come from `post.detected_lang` (written at import); posts stored before it existed
//! are detected here, from their text, with the same detector.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::ops::Range;

use dipl_model::{Platform, PostKind, ThreadItem, Threads, Timestamp, NO_ITEM};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

use crate::columns::parse_platform;
use crate::fast_hash::FastHash;
use crate::load::{each_item, fold_case, rowid_slot, Scope, NO_INDEX};
use crate::session::analyse;
use crate::{Result, StoreError};

/// A thread row as read: accounts are still row slots, the parent a post row id.
struct RawItem {
    rowid: i64,
    /// A key of the platform post id: the tie-break of the item order, which must not depend
    /// on the order of import (row ids do).
    id_key: u64,
    account: u32,
    created_at: i64,
    kind: PostKind,
    parent_rowid: Option<i64>,
    missing_parent_key: u64,
    parent_account: u32,
    referenced_account: u32,
    lang: Option<u16>,
    platform_lang: Option<u16>,
    question: bool,
    in_window: bool,
    /// Provisional tag ids in `ThreadScan::item_tags`.
    tags: Range<u32>,
}

/// The rows of the thread scan before account indexes are known.
#[derive(Default)]
pub(crate) struct ThreadScan {
    rows: Vec<RawItem>,
    langs: HashMap<String, u16>,
    tag_ids: HashMap<String, u32, FastHash>,
    item_tags: Vec<u32>,
}

// The parent's author comes from the parent post itself when the reply does not name it (VK
// comments name only the post).
const COLUMNS: &str = "SELECT p.id, p.account, p.created_at, p.kind,
    COALESCE(p.parent_account, par.account),
    p.referenced_account, p.detected_lang, p.question, p.lang, par.id,
    CASE WHEN par.id IS NULL THEN p.parent_post_platform_id END, p.platform,
    CASE WHEN p.question IS NULL THEN p.text END, p.platform_id, p.hashtags
FROM post p LEFT JOIN post par
    ON par.platform_id = p.parent_post_platform_id AND par.platform = p.platform";

impl ThreadScan {
    /// Reads the thread posts of `scope`; `units` marks the subject and registered accounts in
    /// scope by row slot; every account an item names is marked in `wanted`.
    pub(crate) fn read(
        &mut self,
        conn: &Connection,
        scope: &Scope,
        units: &[bool],
        wanted: &mut [bool],
    ) -> Result<()> {
        let from = scope.window.from.map_or(i64::MIN, |t| t.0);
        let to = scope.window.to.map_or(i64::MAX, |t| t.0);
        let reach = match scope.threads_until {
            Some(until) => to.max(until.0.saturating_add(1)),
            None => to,
        };
        let mut sql = format!("{COLUMNS} WHERE p.created_at >= ?1 AND p.created_at < ?2");
        if let Some(platforms) = &scope.platforms {
            // Platform ids are this program's own constants, never user text.
            let list: Vec<String> = platforms.iter().map(|p| format!("'{}'", p.id())).collect();
            sql.push_str(&format!(" AND p.platform IN ({})", list.join(", ")));
        }
        let is_unit = |slot: u32| units.get(slot as usize).copied().unwrap_or(false);
        let mut loaded: HashMap<i64, (), FastHash> = HashMap::default();
        {
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([from, reach])?;
            while let Some(row) = rows.next()? {
                let item = self.item(row, to, units)?;
                let wanted_row = is_unit(item.account)
                    || (item.kind == PostKind::Reply && is_unit(item.parent_account));
                if wanted_row {
                    loaded.insert(item.rowid, ());
                    self.rows.push(item);
                }
            }
        }
        // Ancestors, wherever they lie in time: one lookup per missing parent, repeated until
        // every stored parent is loaded (each row is loaded once, so this ends).
        let mut stmt = conn.prepare(&format!("{COLUMNS} WHERE p.id = ?1"))?;
        let mut next = 0;
        while next < self.rows.len() {
            let end = self.rows.len();
            let missing: Vec<i64> = self.rows[next..end]
                .iter()
                .filter_map(|r| r.parent_rowid)
                .filter(|p| !loaded.contains_key(p))
                .collect();
            next = end;
            for rowid in missing {
                if loaded.insert(rowid, ()).is_some() {
                    continue;
                }
                let mut rows = stmt.query([rowid])?;
                if let Some(row) = rows.next()? {
                    let mut item = self.item(row, to, units)?;
                    item.in_window = false;
                    self.rows.push(item);
                }
            }
        }
        for item in &self.rows {
            for slot in [item.account, item.parent_account, item.referenced_account] {
                if let Some(flag) = wanted.get_mut(slot as usize) {
                    *flag = true;
                }
            }
        }
        Ok(())
    }

    fn item(&mut self, row: &rusqlite::Row<'_>, to: i64, units: &[bool]) -> Result<RawItem> {
        let slot = |value: Option<i64>| -> Result<u32> {
            value.map_or(Ok(NO_INDEX), |v| rowid_slot(v).map(|s| s as u32))
        };
        let kind_text = row.get_ref(3)?.as_str()?;
        let kind = PostKind::from_id(kind_text)
            .ok_or_else(|| StoreError::Corrupt(format!("post.kind `{kind_text}`")))?;
        let created_at: i64 = row.get(2)?;
        let platform = parse_platform(row.get_ref(11)?.as_str()?)?;
        let (lang, question) = match row.get_ref(7)? {
            ValueRef::Integer(question) => (
                match row.get_ref(6)?.as_str_or_null()? {
                    Some(code) => self.intern_lang(code),
                    None => None,
                },
                question == 1,
            ),
            _ => {
                // Stored before languages were detected at import: detect now, as the import
                // does.
                let text = row.get_ref(12)?.as_str_or_null()?.unwrap_or("");
                let notes = analyse(kind, text);
                (
                    notes.detected_lang.and_then(|c| self.intern_lang(c)),
                    notes.question,
                )
            }
        };
        let platform_lang = match row.get_ref(8)?.as_str_or_null()? {
            Some(code) => self.intern_lang(&code.to_ascii_lowercase()),
            None => None,
        };
        let missing_parent_key = match row.get_ref(10)?.as_str_or_null()? {
            Some(id) => missing_key(platform, id),
            None => 0,
        };
        let account = slot(Some(row.get(1)?))?;
        let tags_start = self.item_tags.len() as u32;
        if units.get(account as usize).copied().unwrap_or(false) {
            if let Some(list) = row.get_ref(14)?.as_str_or_null()? {
                let (ids, out) = (&mut self.tag_ids, &mut self.item_tags);
                each_item(list, |tag| {
                    let tag = fold_case(tag);
                    let next = ids.len() as u32;
                    let id = *ids.entry(tag.into_owned()).or_insert(next);
                    out.push(id);
                })?;
            }
        }
        let tags = tags_start..self.item_tags.len() as u32;
        Ok(RawItem {
            tags,
            rowid: row.get(0)?,
            id_key: missing_key(platform, row.get_ref(13)?.as_str()?),
            account,
            created_at,
            kind,
            parent_rowid: row.get(9)?,
            missing_parent_key,
            parent_account: slot(row.get(4)?)?,
            referenced_account: slot(row.get(5)?)?,
            lang,
            platform_lang,
            question,
            in_window: created_at < to,
        })
    }

    /// Interns a language code; `und` (undetermined) and the empty code are no language.
    fn intern_lang(&mut self, code: &str) -> Option<u16> {
        if code.is_empty() || code == "und" {
            return None;
        }
        if let Some(&id) = self.langs.get(code) {
            return Some(id);
        }
        let id = u16::try_from(self.langs.len()).ok()?;
        self.langs.insert(code.to_owned(), id);
        Some(id)
    }

    /// The final [`Threads`], with account row slots mapped through `index_of`.
    pub(crate) fn finish(self, index_of: &[u32]) -> Threads {
        let mut tags: Vec<(String, u32)> = self.tag_ids.into_iter().collect();
        tags.sort();
        let mut tag_remap = vec![0u32; tags.len()];
        for (new, (_, old)) in tags.iter().enumerate() {
            tag_remap[*old as usize] = new as u32;
        }
        let scan_tags = self.item_tags;
        let mut item_tags: Vec<u32> = Vec::new();
        let mut languages: Vec<(String, u16)> = self.langs.into_iter().collect();
        languages.sort();
        let mut remap = vec![0u16; languages.len()];
        for (new, (_, old)) in languages.iter().enumerate() {
            remap[*old as usize] = new as u16;
        }
        let map_account = |slot: u32| -> Option<u32> {
            index_of
                .get(slot as usize)
                .copied()
                .filter(|&i| i != NO_INDEX)
        };
        let mut rows: Vec<(ThreadItem, Option<i64>, u64, Range<u32>)> = self
            .rows
            .into_iter()
            .filter_map(|r| {
                let item = ThreadItem {
                    post_rowid: r.rowid,
                    account: map_account(r.account)?,
                    created_at: Timestamp(r.created_at),
                    kind: r.kind,
                    parent: NO_ITEM,
                    missing_parent_key: r.missing_parent_key,
                    parent_account: map_account(r.parent_account),
                    referenced_account: map_account(r.referenced_account),
                    lang: r.lang.map(|l| remap[l as usize]),
                    platform_lang: r.platform_lang.map(|l| remap[l as usize]),
                    question: r.question,
                    in_window: r.in_window,
                    hashtags: (0, 0),
                };
                Some((item, r.parent_rowid, r.id_key, r.tags))
            })
            .collect();
        rows.sort_unstable_by_key(|(i, _, key, _)| (i.account, i.created_at, *key, i.post_rowid));
        let position: HashMap<i64, u32, FastHash> = rows
            .iter()
            .enumerate()
            .map(|(i, (item, _, _, _))| (item.post_rowid, i as u32))
            .collect();
        let items = rows
            .into_iter()
            .map(|(mut item, parent, _, scanned)| {
                if let Some(&p) = parent.and_then(|p| position.get(&p)) {
                    item.parent = p;
                }
                let start = item_tags.len() as u32;
                item_tags.extend(
                    scan_tags[scanned.start as usize..scanned.end as usize]
                        .iter()
                        .map(|&t| tag_remap[t as usize]),
                );
                item.hashtags = (start, item_tags.len() as u32);
                item
            })
            .collect();
        Threads {
            loaded: true,
            items,
            languages: languages.into_iter().map(|(code, _)| code).collect(),
            item_tags,
            tags: tags.into_iter().map(|(tag, _)| tag).collect(),
        }
    }
}

/// A stable non-zero key of a post id (of a post not in the store, or for ordering).
fn missing_key(platform: Platform, id: &str) -> u64 {
    let mut hasher = FastHash::default().build_hasher();
    hasher.write(platform.id().as_bytes());
    hasher.write_u8(0xff);
    hasher.write(id.as_bytes());
    hasher.finish().max(1)
}

//! What only a pass in file order can know, done between the parallel parser and the caller's
//! sink: who wrote the message a reply answers, which thread a message belongs to, whether the
//! export writes reactions at all, and which accounts were already announced.
//!
//! Records are parsed in parallel, one message at a time, so a reply knows the id of the message
//! it answers but not its author. [`Linker`] sees the records in file order and remembers, per
//! chat and message id, the author and thread root of every message so far (two `u32` per
//! message id, in dense tables: Telegram numbers the messages of a chat 1, 2, 3 …; at most
//! [`MAX_SLOTS`] ids per file, beyond which parents stay unresolved). It fills
//! `parent.account_id` when the parent came earlier in the file, and `conversation_id` with the
//! thread root (`<chat>/<root message>`): in a discussion group, the automatic copy of the
//! channel post that the comments hang under.
//!
//! Reactions ([`Linker::desktop`] only): Telegram Desktop writes `reactions` only on messages that
//! have some, and only since version 5.6 (October 2024). A message without the key is therefore
//! "no reactions" in a file made by a version that writes them, and "not available" in an older
//! one. The linker decides per file: once a message with reactions is seen, every message since
//! reactions exist ([`crate::date::REACTIONS_LAUNCH`]) without them gets `likes = 0`; records are
//! held back (at most [`MAX_PENDING`] posts) until that is known, then passed on in order. A file
//! with no reactions at all keeps `likes` n/a.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::RwLock;

use dipl_ingest::{Diagnostic, Sink};
use dipl_model::{PostKind, Record, Role};

use crate::date::REACTIONS_LAUNCH;

/// Message ids remembered per file (8 bytes each).
pub const MAX_SLOTS: usize = 16 << 20;
/// Posts held back while it is not yet known whether the export writes reactions.
pub const MAX_PENDING: usize = 20_000;

/// Author and thread root of the messages of one chat, indexed by message id.
#[derive(Debug, Default)]
struct Table {
    /// Author index + 1 (0: unknown).
    author: Vec<u32>,
    /// Thread root message id (0: unknown).
    root: Vec<u32>,
}

/// What was announced of an account.
#[derive(Debug, Clone, Copy)]
struct Seen {
    index: u32,
    /// Whether an account record of it was passed on.
    announced: bool,
    role: Role,
    named: bool,
}

/// The accounts already passed on, readable by the parallel parser: between two batches the
/// parser skips the account records of authors announced in earlier batches (the same role or
/// as a subject), which spares most of them in a long file. It only grows while the linker
/// handles a batch, when nothing is being parsed, so what the parser sees (and the output) does
/// not depend on thread timing.
#[derive(Debug, Default)]
pub struct Announced(RwLock<HashSet<u64, BuildHasherDefault<Fnv>>>);

impl Announced {
    fn key(id: &str, role: Role) -> Option<u64> {
        let n: u64 = id.parse().ok()?;
        (n < 1 << 62).then_some(n << 1 | u64::from(role == Role::Subject))
    }

    /// Whether an account record of `id` with `role` would tell nothing new.
    pub fn contains(&self, id: &str, role: Role) -> bool {
        let Some(key) = Announced::key(id, role) else {
            return false;
        };
        match self.0.read() {
            Ok(set) => set.contains(&key) || set.contains(&(key | 1)),
            Err(_) => false,
        }
    }

    fn insert(&self, id: &str, role: Role) {
        if let (Some(key), Ok(mut set)) = (Announced::key(id, role), self.0.write()) {
            set.insert(key);
        }
    }
}

pub struct Linker<'s> {
    inner: &'s mut dyn Sink,
    announced: &'s Announced,
    /// `None` until decided; then whether the file has reactions.
    reactions_written: Option<bool>,
    pending: Vec<Record>,
    pending_posts: usize,
    accounts: HashMap<String, Seen, BuildHasherDefault<Fnv>>,
    account_ids: Vec<String>,
    /// Per chat (one in a Desktop export, a few in a Telethon dump): found by a linear search.
    tables: Vec<(String, Table)>,
    slots: usize,
}

/// FNV-1a: account ids are short digit strings, hashed once per record; SipHash's DoS
/// resistance is not needed for the ids of one file.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl<'s> Linker<'s> {
    /// For Telegram Desktop exports: with the per-file reactions decision.
    pub fn desktop(inner: &'s mut dyn Sink, announced: &'s Announced) -> Linker<'s> {
        Linker::new(inner, announced, true)
    }

    /// For Telethon dumps, whose messages say themselves whether they have reactions.
    pub fn telethon(inner: &'s mut dyn Sink, announced: &'s Announced) -> Linker<'s> {
        Linker::new(inner, announced, false)
    }

    fn new(
        inner: &'s mut dyn Sink,
        announced: &'s Announced,
        decide_reactions: bool,
    ) -> Linker<'s> {
        Linker {
            inner,
            announced,
            // Without a decision to make, messages say themselves whether they have reactions.
            reactions_written: (!decide_reactions).then_some(false),
            pending: Vec::new(),
            pending_posts: 0,
            accounts: HashMap::default(),
            account_ids: Vec::new(),
            tables: Vec::new(),
            slots: 0,
        }
    }

    /// Passes on what is still held back (the file had no reactions, or was cut short).
    pub fn finish(mut self) {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.inner.records(pending);
        }
    }

    /// Passes a diagnostic to the caller's sink.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.inner.diagnostic(diagnostic);
    }

    fn intern(&mut self, id: &str) -> u32 {
        if let Some(a) = self.accounts.get(id) {
            return a.index;
        }
        let index = self.account_ids.len() as u32;
        self.account_ids.push(id.to_string());
        self.accounts.insert(
            id.to_string(),
            Seen {
                index,
                announced: false,
                role: Role::Audience,
                named: false,
            },
        );
        index
    }

    /// Whether an account record tells anything new (first sighting, a name, a promotion to
    /// subject); an account already seen as a subject in this file stays one.
    fn keep_account(&mut self, account: &mut dipl_model::AccountRecord) -> bool {
        self.intern(&account.id);
        let named = account.display_name.is_some();
        let Some(seen) = self.accounts.get_mut(account.id.as_str()) else {
            return true;
        };
        if !seen.announced {
            seen.announced = true;
            seen.role = account.role;
            seen.named = named;
            return true;
        }
        if seen.role == Role::Subject {
            account.role = Role::Subject;
        }
        let news =
            (account.role == Role::Subject && seen.role != Role::Subject) || (named && !seen.named);
        seen.role = seen.role.min(account.role);
        seen.named |= named;
        news
    }

    fn table(&mut self, chat: &str) -> &mut Table {
        let at = match self.tables.iter().position(|(c, _)| c == chat) {
            Some(at) => at,
            None => {
                self.tables.push((chat.to_string(), Table::default()));
                self.tables.len() - 1
            }
        };
        &mut self.tables[at].1
    }

    fn lookup(&self, chat: &str, msg: u64) -> Option<(u32, u32)> {
        let (_, table) = self.tables.iter().find(|(c, _)| c == chat)?;
        let i = usize::try_from(msg).ok()?;
        let author = *table.author.get(i)?;
        let root = *table.root.get(i)?;
        Some((author, root))
    }

    fn remember(&mut self, chat: &str, msg: u64, author: u32, root: u64) {
        let (Ok(i), Ok(root)) = (usize::try_from(msg), u32::try_from(root)) else {
            return;
        };
        let slots = self.slots;
        let table = self.table(chat);
        if i >= table.author.len() {
            let grow = i + 1 - table.author.len();
            if slots + grow > MAX_SLOTS {
                return;
            }
            let target = (i + 1).max(table.author.len() + table.author.len() / 2);
            let target = target.min(table.author.len() + (MAX_SLOTS - slots));
            let added = target - table.author.len();
            table.author.resize(target, 0);
            table.root.resize(target, 0);
            self.slots += added;
        }
        let table = self.table(chat);
        table.author[i] = author + 1;
        table.root[i] = root;
    }

    fn link_post(&mut self, post: &mut dipl_model::Post) {
        let dipl_model::Post {
            id,
            author_id,
            parent,
            conversation_id,
            ..
        } = post;
        let Some((chat, msg)) = split_id(id) else {
            return;
        };
        let author = self.intern(author_id);
        let mut root = msg;
        if let Some(parent) = parent.as_mut() {
            if let Some((pchat, pmsg)) = split_id(&parent.post_id) {
                let known = self.lookup(pchat, pmsg);
                if parent.account_id.is_none() {
                    if let Some((a, _)) = known.filter(|(a, _)| *a > 0) {
                        parent.account_id = self.account_ids.get(a as usize - 1).cloned();
                    }
                }
                if pchat == chat {
                    root = match known {
                        Some((_, r)) if r > 0 => u64::from(r),
                        _ => pmsg,
                    };
                }
            }
        }
        match conversation_id.as_deref().and_then(split_id) {
            // The parser knew the thread (Telethon `reply_to_top_id`).
            Some((c, r)) if c == chat => root = r,
            Some(_) => {}
            None => *conversation_id = Some(format!("{chat}/{root}")),
        }
        self.remember(chat, msg, author, root);
    }

    fn link(&mut self, records: &mut [Record]) -> (bool, usize) {
        let mut reactions_seen = false;
        let mut eligible = 0;
        for record in records.iter_mut() {
            match record {
                Record::Post(post) => {
                    self.link_post(post);
                    if post.counters.likes.is_some() && post.kind != PostKind::Repost {
                        reactions_seen |= !post.reactions.is_empty();
                    }
                    if waits_for_reactions(post) {
                        eligible += 1;
                    }
                }
                Record::Account(_) | Record::AccountObservation(_) | Record::Follow(_) => {}
            }
        }
        (reactions_seen, eligible)
    }
}

/// A post whose likes depend on whether the file writes reactions.
fn waits_for_reactions(post: &dipl_model::Post) -> bool {
    post.kind != PostKind::Repost
        && post.counters.likes.is_none()
        && post.reactions.is_empty()
        && post.created_at >= REACTIONS_LAUNCH
}

fn zero_fill(records: &mut [Record]) {
    for record in records {
        if let Record::Post(post) = record {
            if waits_for_reactions(post) {
                post.counters.likes = Some(0);
            }
        }
    }
}

/// `<chat>/<message>` into its parts.
pub fn split_id(id: &str) -> Option<(&str, u64)> {
    let (chat, msg) = id.rsplit_once('/')?;
    Some((chat, msg.parse().ok()?))
}

impl Sink for Linker<'_> {
    fn records(&mut self, mut kept: Vec<Record>) {
        kept.retain_mut(|record| match record {
            Record::Account(account) => {
                let keep = self.keep_account(account);
                if keep {
                    self.announced.insert(&account.id, account.role);
                }
                keep
            }
            _ => true,
        });
        let (reactions_seen, eligible) = self.link(&mut kept);
        match self.reactions_written {
            Some(true) => {
                zero_fill(&mut kept);
                self.inner.records(kept);
            }
            Some(false) => self.inner.records(kept),
            None => {
                if reactions_seen {
                    self.reactions_written = Some(true);
                    let mut pending = std::mem::take(&mut self.pending);
                    pending.append(&mut kept);
                    zero_fill(&mut pending);
                    self.inner.records(pending);
                } else if self.pending.is_empty() && eligible == 0 {
                    self.inner.records(kept);
                } else {
                    self.pending.append(&mut kept);
                    self.pending_posts += eligible;
                    if self.pending_posts >= MAX_PENDING {
                        self.reactions_written = Some(false);
                        let pending = std::mem::take(&mut self.pending);
                        self.inner.records(pending);
                    }
                }
            }
        }
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        self.inner.diagnostic(diagnostic);
    }

    fn progress(&mut self, bytes_read: u64) {
        self.inner.progress(bytes_read);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dipl_ingest::VecSink;
    use dipl_model::{AccountRecord, Counters, Platform, Post, PostRef, Timestamp};

    fn post(id: &str, author: &str, parent: Option<&str>, t: i64, likes: Option<u64>) -> Record {
        Record::Post(Box::new(Post {
            platform: Platform::Telegram,
            id: id.into(),
            author_id: author.into(),
            created_at: Timestamp(t),
            kind: if parent.is_some() {
                PostKind::Reply
            } else {
                PostKind::Original
            },
            parent: parent.map(|p| PostRef {
                post_id: p.into(),
                account_id: None,
                handle: None,
            }),
            referenced: None,
            conversation_id: None,
            text: String::new(),
            lang: None,
            media: vec![],
            urls: vec![],
            hashtags: vec![],
            mentions: vec![],
            edited: false,
            deleted: false,
            counters: Counters {
                likes,
                ..Counters::default()
            },
            reactions: likes
                .map(|n| vec![("👍".to_string(), n)])
                .unwrap_or_default(),
            observed_at: None,
        }))
    }

    fn account(id: &str, role: Role) -> Record {
        Record::Account(AccountRecord::bare(Platform::Telegram, id, None, role))
    }

    #[test]
    fn parents_roots_reactions_and_repeated_accounts() {
        let mut sink = VecSink::default();
        let t = REACTIONS_LAUNCH.0 + 100;
        {
            let announced = Announced::default();
            let mut linker = Linker::desktop(&mut sink, &announced);
            linker.records(vec![
                account("9", Role::Subject),
                post("5/1", "9", None, t, None),
                account("7", Role::Audience),
                post("5/2", "7", Some("5/1"), t, None),
            ]);
            assert!(linker.pending.len() == 4);
            linker.records(vec![
                account("7", Role::Audience),
                account("9", Role::Audience),
                post("5/3", "9", Some("5/2"), t, Some(2)),
                post("5/4", "7", Some("5/99"), t - 200_000_000, None),
            ]);
            linker.finish();
        }
        let posts: Vec<&Post> = sink
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Post(p) => Some(&**p),
                _ => None,
            })
            .collect();
        let accounts = sink
            .records
            .iter()
            .filter(|r| matches!(r, Record::Account(_)))
            .count();
        assert_eq!(accounts, 2);
        assert_eq!(
            posts[1].parent.as_ref().unwrap().account_id.as_deref(),
            Some("9")
        );
        assert_eq!(
            posts[2].parent.as_ref().unwrap().account_id.as_deref(),
            Some("7")
        );
        assert_eq!(posts[3].parent.as_ref().unwrap().account_id, None);
        let conv: Vec<_> = posts
            .iter()
            .map(|p| p.conversation_id.clone().unwrap())
            .collect();
        assert_eq!(conv, ["5/1", "5/1", "5/1", "5/99"]);
        let likes: Vec<_> = posts.iter().map(|p| p.counters.likes).collect();
        // 5/4 predates reactions: n/a, not 0.
        assert_eq!(likes, [Some(0), Some(0), Some(2), None]);
    }

    #[test]
    fn without_reactions_the_file_keeps_likes_unknown() {
        let mut sink = VecSink::default();
        let t = REACTIONS_LAUNCH.0 + 100;
        {
            let announced = Announced::default();
            let mut linker = Linker::desktop(&mut sink, &announced);
            linker.records(vec![post("5/1", "9", None, t, None)]);
            linker.finish();
        }
        match &sink.records[0] {
            Record::Post(p) => assert_eq!(p.counters.likes, None),
            _ => unreachable!(),
        }
    }
}

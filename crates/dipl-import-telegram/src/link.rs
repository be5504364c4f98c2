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
//! thread root (`<chat>/<root message>`).
//!
//! Automatic copies ([`Copies`]): in a discussion group, Telegram copies every channel post into
//! the group, and the comments answer that copy. The copy is not a post of the channel (the
//! channel published one post, not a post and a repost), so it is not passed on. The parser
//! hands it over as a placeholder post ([`copy_placeholder`]) registered in [`Copies`]; the
//! linker meets it in file order, remembers which channel post it stands for and takes it out of
//! the stream. Replies to the copy then get the channel post as `parent` (with the channel as
//! parent author) when the export names the post (Telethon), otherwise the copy's own id
//! `<group>/<message>` with the channel as parent author (Telegram Desktop); `conversation_id`
//! of the whole thread is that same id.
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
use std::sync::{Mutex, RwLock};

use dipl_ingest::{Diagnostic, Sink};
use dipl_model::{Counters, Platform, Post, PostKind, PostRef, Record, Role, Timestamp};

use crate::date::REACTIONS_LAUNCH;

/// Message ids remembered per file (8 bytes each).
pub const MAX_SLOTS: usize = 16 << 20;
/// Posts held back while it is not yet known whether the export writes reactions.
pub const MAX_PENDING: usize = 20_000;
/// Automatic copies remembered per file (about 32 bytes each); beyond, comments on further
/// copies keep the copy's id as parent, with its author only while the message tables have room.
pub const MAX_COPIES: usize = 1 << 20;

/// Author and thread root of the messages of one chat, indexed by message id.
#[derive(Debug, Default)]
struct Table {
    /// Author index + 1 (0: unknown).
    author: Vec<u32>,
    /// Thread root message id (0: unknown).
    root: Vec<u32>,
    /// The automatic copies of channel posts in this chat, by message id.
    copies: HashMap<u64, Copied, BuildHasherDefault<Fnv>>,
}

/// An automatic copy of a channel post: its channel and, when the export names it, the post.
#[derive(Debug, Clone, Copy)]
struct Copied {
    /// The channel's account index.
    channel: u32,
    /// The post's message id in the channel.
    post: Option<u64>,
}

/// The ids of the automatic copies the parallel parser found (with how many times each was
/// found), until the linker takes their placeholders out of the stream. The parser registers a
/// copy in the batch that holds it, before the linker sees that batch; the linker acts on a
/// placeholder only when it meets it, so the output does not depend on batch boundaries.
#[derive(Debug, Default)]
pub struct Copies(Mutex<HashMap<String, u32>>);

impl Copies {
    /// Registers the placeholder of the automatic copy `post_id`.
    pub fn register(&self, post_id: &str) {
        if let Ok(mut map) = self.0.lock() {
            *map.entry(post_id.to_string()).or_insert(0) += 1;
        }
    }

    /// Whether `post_id` is a registered placeholder; unregisters it.
    fn take(&self, post_id: &str) -> bool {
        let Ok(mut map) = self.0.lock() else {
            return false;
        };
        match map.get_mut(post_id) {
            Some(n) if *n > 1 => {
                *n -= 1;
                true
            }
            Some(_) => {
                map.remove(post_id);
                true
            }
            None => false,
        }
    }
}

/// The placeholder through which the parser hands an automatic copy to the linker: the copy's
/// id `<group>/<message>`, the channel as author, and the channel post it copies
/// (`<channel>/<post>`, `<channel>/?` when the export does not name it). Never passed on.
pub fn copy_placeholder(
    id: String,
    channel: String,
    created_at: Timestamp,
    channel_post: Option<u64>,
) -> Record {
    let post_id = match channel_post {
        Some(msg) => format!("{channel}/{msg}"),
        None => format!("{channel}/?"),
    };
    Record::Post(Box::new(Post {
        platform: Platform::Telegram,
        id,
        author_id: channel.clone(),
        created_at,
        kind: PostKind::Repost,
        parent: None,
        referenced: Some(PostRef {
            post_id,
            account_id: Some(channel),
            handle: None,
        }),
        conversation_id: None,
        text: String::new(),
        lang: None,
        media: Vec::new(),
        urls: Vec::new(),
        hashtags: Vec::new(),
        mentions: Vec::new(),
        edited: false,
        deleted: false,
        counters: Counters::default(),
        reactions: Vec::new(),
        observed_at: None,
    }))
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
    copies: &'s Copies,
    /// Automatic copies taken out, and how many of them did not name their channel post.
    copies_seen: u64,
    copies_unnamed: u64,
    copy_entries: usize,
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
    pub fn desktop(
        inner: &'s mut dyn Sink,
        announced: &'s Announced,
        copies: &'s Copies,
    ) -> Linker<'s> {
        Linker::new(inner, announced, copies, true)
    }

    /// For Telethon dumps, whose messages say themselves whether they have reactions.
    pub fn telethon(
        inner: &'s mut dyn Sink,
        announced: &'s Announced,
        copies: &'s Copies,
    ) -> Linker<'s> {
        Linker::new(inner, announced, copies, false)
    }

    fn new(
        inner: &'s mut dyn Sink,
        announced: &'s Announced,
        copies: &'s Copies,
        decide_reactions: bool,
    ) -> Linker<'s> {
        Linker {
            inner,
            announced,
            copies,
            copies_seen: 0,
            copies_unnamed: 0,
            copy_entries: 0,
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

    /// The file's note on automatic copies, when it had any.
    pub fn copies_note(&self) -> Option<String> {
        let n = self.copies_seen;
        let unnamed = self.copies_unnamed;
        let head = format!("{n} automatic copies of channel posts not imported as posts");
        Some(match (n, unnamed) {
            (0, _) => return None,
            (_, 0) => format!("{head}; their comments point to the channel post"),
            (_, u) if u == n => format!(
                "{head}; the export does not name the channel posts (Telegram Desktop never does), so their comments point to the copy's id (`<group>/<message>`) with the channel as parent author, a stand-in for the channel post"
            ),
            (_, u) => format!(
                "{head}; their comments point to the channel post ({u} of them without the post's id: their comments point to the copy's id with the channel as parent author)"
            ),
        })
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

    /// The automatic copy `<chat>/<msg>`, when one was met.
    fn copy(&self, chat: &str, msg: u64) -> Option<Copied> {
        let (_, table) = self.tables.iter().find(|(c, _)| c == chat)?;
        table.copies.get(&msg).copied()
    }

    /// The channel of an automatic copy.
    fn channel(&self, copy: Copied) -> Option<&String> {
        self.account_ids.get(copy.channel as usize)
    }

    /// The channel post `<channel>/<post>` of an automatic copy, when the export names it.
    fn channel_post(&self, copy: Copied) -> Option<String> {
        let post = copy.post?;
        Some(format!("{}/{post}", self.channel(copy)?))
    }

    /// Remembers the automatic copy behind a placeholder (see [`copy_placeholder`]).
    fn link_copy(&mut self, post: &Post) {
        let Some((chat, msg)) = split_id(&post.id) else {
            return;
        };
        let author = self.intern(&post.author_id);
        self.remember(chat, msg, author, msg);
        // The placeholder references `<channel>/<post>`, or `<channel>/?`.
        let named = post
            .referenced
            .as_ref()
            .and_then(|r| split_id(&r.post_id))
            .map(|(_, post)| post);
        self.copies_seen += 1;
        self.copies_unnamed += u64::from(named.is_none());
        if self.copy_entries >= MAX_COPIES {
            return;
        }
        let copy = Copied {
            channel: author,
            post: named,
        };
        if self.table(chat).copies.insert(msg, copy).is_none() {
            self.copy_entries += 1;
        }
    }

    fn link_post(&mut self, post: &mut Post) {
        let Post {
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
            let mut channel_post = None;
            if let Some((pchat, pmsg)) = split_id(&parent.post_id) {
                let known = self.lookup(pchat, pmsg);
                let copy = self.copy(pchat, pmsg);
                if parent.account_id.is_none() {
                    parent.account_id = match (copy, known) {
                        // A comment on an automatic copy answers the channel.
                        (Some(copy), _) => self.channel(copy).cloned(),
                        (None, Some((a, _))) if a > 0 => {
                            self.account_ids.get(a as usize - 1).cloned()
                        }
                        _ => None,
                    };
                }
                // ... and hangs under the channel post itself when the export names it.
                channel_post = copy.and_then(|c| self.channel_post(c));
                if pchat == chat {
                    root = match known {
                        Some((_, r)) if r > 0 => u64::from(r),
                        _ => pmsg,
                    };
                }
            }
            if let Some(post_id) = channel_post {
                parent.post_id = post_id;
            }
        }
        let thread = match conversation_id.as_deref().and_then(split_id) {
            // The parser knew the thread (Telethon `reply_to_top_id`).
            Some((c, r)) if c == chat => {
                root = r;
                true
            }
            Some(_) => false,
            None => true,
        };
        if thread {
            // A thread under an automatic copy is the channel post's, when the export names it.
            *conversation_id = Some(
                match self.copy(chat, root).and_then(|c| self.channel_post(c)) {
                    Some(post_id) => post_id,
                    None => format!("{chat}/{root}"),
                },
            );
        }
        self.remember(chat, msg, author, root);
    }

    /// Links the posts of a batch in file order and takes the automatic copies' placeholders
    /// out.
    fn link(&mut self, records: &mut Vec<Record>) -> (bool, usize) {
        let mut reactions_seen = false;
        let mut eligible = 0;
        let mut copies: Vec<usize> = Vec::new();
        for (i, record) in records.iter_mut().enumerate() {
            match record {
                Record::Post(post) => {
                    if is_placeholder(post) && self.copies.take(&post.id) {
                        self.link_copy(post);
                        copies.push(i);
                        continue;
                    }
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
        if !copies.is_empty() {
            let mut i = 0;
            let mut next = copies.into_iter().peekable();
            records.retain(|_| {
                let drop = next.next_if_eq(&i).is_some();
                i += 1;
                !drop
            });
        }
        (reactions_seen, eligible)
    }
}

/// What a placeholder of [`copy_placeholder`] looks like (checked before the shared table):
/// a repost by the account it references.
fn is_placeholder(post: &Post) -> bool {
    post.kind == PostKind::Repost
        && post
            .referenced
            .as_ref()
            .and_then(|r| r.account_id.as_deref())
            == Some(post.author_id.as_str())
}

/// A post whose likes depend on whether the file writes reactions.
fn waits_for_reactions(post: &Post) -> bool {
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
            let copies = Copies::default();
            let mut linker = Linker::desktop(&mut sink, &announced, &copies);
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
            let copies = Copies::default();
            let mut linker = Linker::desktop(&mut sink, &announced, &copies);
            linker.records(vec![post("5/1", "9", None, t, None)]);
            linker.finish();
        }
        match &sink.records[0] {
            Record::Post(p) => assert_eq!(p.counters.likes, None),
            _ => unreachable!(),
        }
    }

    fn reply(id: &str, author: &str, parent: &str, top: Option<&str>) -> Record {
        let mut r = post(id, author, Some(parent), REACTIONS_LAUNCH.0 + 100, Some(1));
        if let Record::Post(p) = &mut r {
            p.conversation_id = top.map(str::to_string);
        }
        r
    }

    /// Links a group `5` whose copies 1 (of channel post 9/101, named) and 10 (of a post the
    /// export does not name) are registered as the parser registers them.
    fn link_group(records: Vec<Vec<Record>>) -> (Vec<Post>, Option<String>) {
        let mut sink = VecSink::default();
        let note;
        {
            let announced = Announced::default();
            let copies = Copies::default();
            copies.register("5/1");
            copies.register("5/10");
            let mut linker = Linker::telethon(&mut sink, &announced, &copies);
            for batch in records {
                linker.records(batch);
            }
            note = linker.copies_note();
            linker.finish();
        }
        let posts = sink
            .records
            .into_iter()
            .filter_map(|r| match r {
                Record::Post(p) => Some(*p),
                _ => None,
            })
            .collect();
        (posts, note)
    }

    fn links(posts: &[Post]) -> Vec<(String, String, Option<String>, String)> {
        posts
            .iter()
            .map(|p| {
                let parent = p.parent.as_ref();
                (
                    p.id.clone(),
                    parent.map_or("-".into(), |r| r.post_id.clone()),
                    parent.and_then(|r| r.account_id.clone()),
                    p.conversation_id.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn automatic_copies_are_taken_out_and_comments_hang_under_the_channel_post() {
        let t = Timestamp(REACTIONS_LAUNCH.0 + 100);
        let (posts, note) = link_group(vec![
            vec![
                account("9", Role::Subject),
                copy_placeholder("5/1".into(), "9".into(), t, Some(101)),
                reply("5/2", "7", "5/1", None),
                reply("5/3", "9", "5/2", Some("5/1")),
            ],
            vec![
                reply("5/4", "8", "5/3", None),
                copy_placeholder("5/10".into(), "9".into(), t, None),
                reply("5/11", "7", "5/10", None),
                reply("5/12", "8", "5/11", Some("5/10")),
                // Not registered: a channel's own forward stays a repost.
                copy_placeholder("5/13".into(), "9".into(), t, Some(102)),
            ],
        ]);
        let s = |x: &str| x.to_string();
        assert_eq!(
            links(&posts),
            [
                // The comment on the named copy: the channel post, the channel as its author.
                (s("5/2"), s("9/101"), Some(s("9")), s("9/101")),
                // Deeper replies keep their parent comment; the thread is the channel post's.
                (s("5/3"), s("5/2"), Some(s("7")), s("9/101")),
                (s("5/4"), s("5/3"), Some(s("9")), s("9/101")),
                // The unnamed copy: its own id stands in for the channel post.
                (s("5/11"), s("5/10"), Some(s("9")), s("5/10")),
                (s("5/12"), s("5/11"), Some(s("7")), s("5/10")),
                (s("5/13"), s("-"), None, s("5/13")),
            ]
        );
        assert_eq!(
            note.as_deref(),
            Some(
                "2 automatic copies of channel posts not imported as posts; their comments point \
                 to the channel post (1 of them without the post's id: their comments point to \
                 the copy's id with the channel as parent author)"
            )
        );
    }

    #[test]
    fn comments_met_before_their_copy_keep_the_copys_id() {
        // Telethon dumps run newest first: a comment before its copy cannot know the channel
        // post; the copy is still taken out.
        let t = Timestamp(REACTIONS_LAUNCH.0 + 100);
        let (posts, _) = link_group(vec![vec![
            reply("5/2", "7", "5/1", None),
            copy_placeholder("5/1".into(), "9".into(), t, Some(101)),
        ]]);
        let s = |x: &str| x.to_string();
        assert_eq!(links(&posts), [(s("5/2"), s("5/1"), None, s("5/1"))]);
    }
}

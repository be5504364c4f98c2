//! Writes Telegram channels as researchers hold them:
//!
//! - Telegram Desktop exports ("Export chat history", JSON): `telegram/<handle>/result.json` of
//!   each channel (`"type": "public_channel"`) and, when the channel has a discussion group,
//!   `telegram/<handle>_chat/result.json` (`"type": "public_supergroup"`). Spelled as Desktop
//!   writes them: pretty-printed with one space per level, raw UTF-8, `date` in the exporting
//!   machine's local time (Astana, UTC+5) with `date_unixtime` (a string of Unix seconds), `text`
//!   as a string or an array mixing strings and entity objects (`bold`, `hashtag`, `mention`,
//!   `link`), `text_entities`, `photo` paths or "(File not included …)" for videos, `edited`,
//!   `forwarded_from` (the source's name), `reactions` (`type`, `count`, `emoji`), and
//!   `pin_message` service messages. Desktop exports carry no views or forward counts. The
//!   discussion group holds the automatic forward of every channel post (from the channel, with
//!   `forwarded_from` and `saved_from`), audience comments replying to it
//!   (`reply_to_message_id`), the channel's answers to comments and its own notes. Ids grow with
//!   time in both chats; the channel's ids include its service messages.
//! - Telethon JSON Lines: `Message.to_dict()` of every channel message (and pin service
//!   message) dumped with `json.dumps(default=str)`, with `views`, `forwards`, `replies`
//!   (`MessageReplies` with the discussion group's id and the number of comments), `reactions`
//!   (`MessageReactions` with `ReactionCount`s), `entities` (UTF-16 offsets), `fwd_from`
//!   (`MessageFwdHeader` with the source channel and `channel_post`).
//!
//! Counters and comments are as of the export two days after the period.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use dipl_model::Platform;

use crate::calendar;
use crate::comments::{self, Comment, Role};
use crate::corpus::{AccountCounts, Counting, FileSummary, Format, FormatWriter, MonthCx};
use crate::detmath::hash;
use crate::error::SynthError;
use crate::json::{self, next_key, str_field, uint_field};
use crate::render::{tg_reactions, MediaKind, Renderer, Span, Text, TG_REACTIONS};
use crate::timeline::{Link, Post, Target};
use crate::world::{pidx, Who, World};

/// The exporting machine's offset from UTC (Astana).
const EXPORT_OFFSET: i64 = 5 * 3600;
const NOT_INCLUDED: &str = "(File not included. Change data exporting settings to download.)";

/// The id of a channel's discussion group.
pub(crate) fn group_id(channel: u64) -> u64 {
    1_900_000_000 + hash(channel, &[0x6409]) % 90_000_000
}

/// Channel message ids of every Telegram account, this month and last (shared by both writers,
/// so a channel's Desktop and Telethon exports agree).
#[derive(Default)]
struct Numbering {
    next: Vec<u64>,
    ids: HashMap<u64, u64>,
    prev: HashMap<u64, u64>,
    /// Per account (offset from the platform's first): the month's pin (id, pinned id, time).
    pins: Vec<Option<(u64, u64, i64)>>,
    range: (usize, usize),
}

impl Numbering {
    fn month(&mut self, cx: &MonthCx<'_, '_, '_>) {
        let world = cx.world;
        let (lo, hi) = world.ranges[pidx(Platform::Telegram)];
        self.range = (lo, hi);
        if self.next.len() != hi - lo {
            self.next = (lo..hi)
                .map(|a| 10 + world.accounts[a].spec.statuses_before)
                .collect();
        }
        std::mem::swap(&mut self.ids, &mut self.prev);
        self.ids.clear();
        self.pins = vec![None; hi - lo];
        for a in lo..hi {
            let list = &cx.batch.posts[a];
            let next = &mut self.next[a - lo];
            for (i, p) in list.iter().enumerate() {
                *next += 1;
                self.ids.insert(p.core.id, *next);
                if i == 0 {
                    // The month's first post is pinned a little later.
                    *next += 1;
                    let t0 = p.core.t();
                    let t = match list.get(1) {
                        Some(q) => (t0 + 180).min((t0 + q.core.t()) / 2),
                        None => t0 + 180,
                    };
                    self.pins[a - lo] = Some((*next, *next - 1, t));
                }
            }
        }
    }

    fn id(&self, core_id: u64) -> Option<u64> {
        self.ids
            .get(&core_id)
            .or_else(|| self.prev.get(&core_id))
            .copied()
    }

    fn pin(&self, a: usize) -> Option<(u64, u64, i64)> {
        self.pins.get(a - self.range.0).copied().flatten()
    }
}

/// Name and id of a forwarded post's channel.
fn source(world: &World<'_>, t: &Target) -> (String, u64) {
    match t {
        Target::Actor(c) => {
            let acct = &world.accounts[c.account as usize];
            (acct.spec.display_name.clone(), acct.id)
        }
        Target::Audience(x) => {
            let p = world.person(Platform::Telegram, x.who);
            (p.name(), p.id)
        }
    }
}

/// The text a channel message shows (a forward shows the forwarded post).
fn message_text(r: &Renderer<'_, '_>, post: &Post) -> Text {
    match &post.link {
        Link::Retweet(t) => {
            let mut text = r.long_target(t);
            let own = r.long_post(post);
            text.counters = own.counters;
            text
        }
        _ => r.long_post(post),
    }
}

/// Entity spans of a text, in order: (span, Desktop type, Telethon type, link href).
fn entities(t: &Text) -> Vec<(Span, &'static str, &'static str)> {
    let mut e: Vec<(Span, &'static str, &'static str)> = Vec::new();
    if let Some(b) = t.bold {
        e.push((b, "bold", "MessageEntityBold"));
    }
    e.extend(
        t.hashtags
            .iter()
            .map(|s| (*s, "hashtag", "MessageEntityHashtag")),
    );
    e.extend(
        t.mentions
            .iter()
            .map(|m| (m.span, "mention", "MessageEntityMention")),
    );
    e.extend(t.urls.iter().map(|u| (u.span, "link", "MessageEntityUrl")));
    e.retain(|(s, _, _)| s.b1 > s.b0);
    e.sort_by_key(|(s, _, _)| s.b0);
    e
}

/// Desktop's pretty JSON: one space of indentation per level, raw UTF-8.
struct Pretty<'b> {
    out: &'b mut Vec<u8>,
}

fn dstring(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA8) => {
                Some(b"\\u2028")
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA9) => {
                Some(b"\\u2029")
            }
            _ => None,
        };
        if let Some(e) = escape {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(e);
            i += if b == 0xE2 { 3 } else { 1 };
            start = i;
        } else if b < 0x20 {
            out.extend_from_slice(&bytes[start..i]);
            let _ = write!(out, "\\u{:04x}", b);
            i += 1;
            start = i;
        } else {
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

impl Pretty<'_> {
    fn indent(&mut self, depth: usize) {
        self.out.push(b'\n');
        self.out.extend(std::iter::repeat_n(b' ', depth));
    }

    /// Writes an object whose members are at `depth + 1`; `fields` write their values.
    fn key(&mut self, depth: usize, first: &mut bool, k: &str) {
        if !*first {
            self.out.push(b',');
        }
        *first = false;
        self.indent(depth + 1);
        dstring(self.out, k);
        self.out.extend_from_slice(b": ");
    }

    fn str(&mut self, depth: usize, first: &mut bool, k: &str, v: &str) {
        self.key(depth, first, k);
        dstring(self.out, v);
    }

    fn num(&mut self, depth: usize, first: &mut bool, k: &str, v: u64) {
        self.key(depth, first, k);
        json::uint(self.out, v);
    }

    /// `"date": "…", "date_unixtime": "…"` (or `edited`).
    fn time(&mut self, depth: usize, first: &mut bool, k: &str, secs: i64) {
        self.key(depth, first, k);
        self.out.push(b'"');
        calendar::push_iso_date_time(self.out, secs + EXPORT_OFFSET);
        self.out.push(b'"');
        let unix = if k == "date" {
            "date_unixtime"
        } else {
            "edited_unixtime"
        };
        self.key(depth, first, unix);
        self.out.push(b'"');
        json::uint(self.out, secs as u64);
        self.out.push(b'"');
    }

    /// `text` and `text_entities` of a message at `depth`.
    fn text(&mut self, depth: usize, first: &mut bool, t: &Text) {
        let ents = entities(t);
        let mut parts: Vec<(&str, &str)> = Vec::new();
        let mut at = 0usize;
        for (s, ty, _) in &ents {
            let (b0, b1) = (s.b0 as usize, s.b1 as usize);
            if b0 < at {
                continue;
            }
            if b0 > at {
                parts.push(("plain", &t.text[at..b0]));
            }
            parts.push((ty, &t.text[b0..b1]));
            at = b1;
        }
        if at < t.text.len() {
            parts.push(("plain", &t.text[at..]));
        }
        self.key(depth, first, "text");
        if parts.is_empty() {
            self.out.extend_from_slice(b"\"\"");
        } else if parts.len() == 1 && parts[0].0 == "plain" {
            dstring(self.out, parts[0].1);
        } else {
            self.out.push(b'[');
            for (i, (ty, s)) in parts.iter().enumerate() {
                if i > 0 {
                    self.out.push(b',');
                }
                self.indent(depth + 2);
                if *ty == "plain" {
                    dstring(self.out, s);
                } else {
                    self.part(depth + 2, ty, s);
                }
            }
            self.indent(depth + 1);
            self.out.push(b']');
        }
        self.key(depth, first, "text_entities");
        if parts.is_empty() {
            self.out.extend_from_slice(b"[]");
        } else {
            self.out.push(b'[');
            for (i, (ty, s)) in parts.iter().enumerate() {
                if i > 0 {
                    self.out.push(b',');
                }
                self.indent(depth + 2);
                self.part(depth + 2, ty, s);
            }
            self.indent(depth + 1);
            self.out.push(b']');
        }
    }

    fn part(&mut self, depth: usize, ty: &str, s: &str) {
        self.out.push(b'{');
        let mut f = true;
        self.str(depth, &mut f, "type", ty);
        self.str(depth, &mut f, "text", s);
        self.indent(depth);
        self.out.push(b'}');
    }

    fn reactions(&mut self, depth: usize, first: &mut bool, list: &[(&str, u64)]) {
        if list.is_empty() {
            return;
        }
        self.key(depth, first, "reactions");
        self.out.push(b'[');
        for (i, (emoji, count)) in list.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.indent(depth + 2);
            self.out.push(b'{');
            let mut f = true;
            self.str(depth + 2, &mut f, "type", "emoji");
            self.num(depth + 2, &mut f, "count", *count);
            self.str(depth + 2, &mut f, "emoji", emoji);
            self.indent(depth + 2);
            self.out.push(b'}');
        }
        self.indent(depth + 1);
        self.out.push(b']');
    }

    /// Media fields of a message.
    fn media(&mut self, depth: usize, first: &mut bool, t: &Text, msg_id: u64) {
        let Some(m) = &t.media else { return };
        match m.kind {
            MediaKind::Photo => {
                let mut stamp = Vec::new();
                calendar::push_iso_date_time(&mut stamp, t.t + EXPORT_OFFSET);
                let s = String::from_utf8_lossy(&stamp);
                // photos/photo_12@03-01-2025_14-15-02.jpg
                let path = format!(
                    "photos/photo_{msg_id}@{}-{}-{}_{}-{}-{}.jpg",
                    &s[8..10],
                    &s[5..7],
                    &s[0..4],
                    &s[11..13],
                    &s[14..16],
                    &s[17..19]
                );
                self.str(depth, first, "photo", &path);
                self.num(depth, first, "width", m.width as u64);
                self.num(depth, first, "height", m.height as u64);
            }
            MediaKind::Video => {
                self.str(depth, first, "file", NOT_INCLUDED);
                self.str(depth, first, "thumbnail", NOT_INCLUDED);
                self.str(depth, first, "media_type", "video_file");
                self.str(depth, first, "mime_type", "video/mp4");
                self.num(depth, first, "duration_seconds", m.duration_ms / 1000);
                self.num(depth, first, "width", m.width as u64);
                self.num(depth, first, "height", m.height as u64);
            }
        }
    }
}

fn reaction_list(t: &Text) -> Vec<(&'static str, u64)> {
    let counts = tg_reactions(t);
    let mut list: Vec<(&'static str, u64)> = TG_REACTIONS
        .iter()
        .copied()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect();
    list.sort_by_key(|x| std::cmp::Reverse(x.1));
    list
}

/// A comment section whose group messages are not all written yet.
struct Pending {
    post: Post,
    /// The automatic forward's id in the group (0: not yet written).
    forward_id: u64,
    thread: Vec<Comment>,
    ids: Vec<u64>,
}

/// A group message waiting for its time: (time, order, pending index, comment or forward).
type Item = (i64, u64, usize, Option<usize>);

struct Channel {
    started: bool,
    channel_bytes: u64,
    group_bytes: u64,
    posts: u64,
    comments: u64,
    group_next: u64,
    pending: Vec<Pending>,
    items: Vec<Item>,
    order: u64,
    first_channel: bool,
    first_group: bool,
}

pub(crate) struct DesktopWriter {
    dir: PathBuf,
    numbering: Numbering,
    channels: HashMap<usize, Channel>,
    buf: Vec<u8>,
    gbuf: Vec<u8>,
}

fn append(path: &Path, bytes: &[u8], create: bool) -> Result<(), SynthError> {
    let err = |source| SynthError::File {
        path: path.to_path_buf(),
        source,
    };
    let file = if create {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(err)?;
        }
        File::create(path).map_err(err)?
    } else {
        OpenOptions::new().append(true).open(path).map_err(err)?
    };
    let mut w = BufWriter::with_capacity(1 << 16, file);
    w.write_all(bytes).map_err(err)?;
    w.flush().map_err(err)
}

impl DesktopWriter {
    pub fn new(dir: PathBuf) -> DesktopWriter {
        DesktopWriter {
            dir,
            numbering: Numbering::default(),
            channels: HashMap::new(),
            buf: Vec::with_capacity(1 << 20),
            gbuf: Vec::with_capacity(1 << 20),
        }
    }

    fn has_group(world: &World<'_>, a: usize) -> bool {
        world.accounts[a].spec.comments_per_post > 0.0
    }

    fn channel_path(&self, world: &World<'_>, a: usize) -> PathBuf {
        self.dir
            .join(&world.accounts[a].spec.handle)
            .join("result.json")
    }

    fn group_path(&self, world: &World<'_>, a: usize) -> PathBuf {
        self.dir
            .join(format!("{}_chat", world.accounts[a].spec.handle))
            .join("result.json")
    }

    fn header(out: &mut Vec<u8>, name: &str, ty: &str, id: u64) {
        out.push(b'{');
        let mut p = Pretty { out };
        let mut f = true;
        p.str(0, &mut f, "name", name);
        p.str(0, &mut f, "type", ty);
        p.num(0, &mut f, "id", id);
        p.key(0, &mut f, "messages");
        p.out.push(b'[');
    }

    /// Starts the files of channel `a` (first month it posts, or at the end).
    fn start(&mut self, world: &World<'_>, a: usize) -> Result<(), SynthError> {
        let ch = self.channels.entry(a).or_insert_with(|| Channel {
            started: false,
            channel_bytes: 0,
            group_bytes: 0,
            posts: 0,
            comments: 0,
            // An export of the period: the group's history started earlier.
            group_next: 1_000 + hash(world.accounts[a].id, &[0x6E]) % 20_000,
            pending: Vec::new(),
            items: Vec::new(),
            order: 0,
            first_channel: true,
            first_group: true,
        });
        if ch.started {
            return Ok(());
        }
        ch.started = true;
        let acct = &world.accounts[a];
        let mut head = Vec::new();
        Self::header(
            &mut head,
            &acct.spec.display_name,
            "public_channel",
            acct.id,
        );
        ch.channel_bytes += head.len() as u64;
        let cpath = self.channel_path(world, a);
        append(&cpath, &head, true)?;
        if Self::has_group(world, a) {
            let mut head = Vec::new();
            let name = format!("{} — Chat", acct.spec.display_name);
            Self::header(&mut head, &name, "public_supergroup", group_id(acct.id));
            let gpath = self.group_path(world, a);
            let ch = self
                .channels
                .get_mut(&a)
                .ok_or_else(|| SynthError::Options("internal: channel state missing".into()))?;
            ch.group_bytes += head.len() as u64;
            append(&gpath, &head, true)?;
        }
        Ok(())
    }

    /// One message object at depth 2 into `out`.
    #[allow(clippy::too_many_arguments)]
    fn message(
        out: &mut Vec<u8>,
        first_in_file: &mut bool,
        id: u64,
        t: i64,
        from: (&str, String),
        extra: &[(&str, String)],
        reply_to: Option<u64>,
        text: &Text,
        media: bool,
        reactions: &[(&str, u64)],
        edited: Option<i64>,
    ) {
        if !*first_in_file {
            out.push(b',');
        }
        *first_in_file = false;
        let mut p = Pretty { out };
        p.indent(2);
        p.out.push(b'{');
        let mut f = true;
        p.num(2, &mut f, "id", id);
        p.str(2, &mut f, "type", "message");
        p.time(2, &mut f, "date", t);
        if let Some(e) = edited {
            p.time(2, &mut f, "edited", e);
        }
        p.str(2, &mut f, "from", from.0);
        p.str(2, &mut f, "from_id", &from.1);
        for (k, v) in extra {
            p.str(2, &mut f, k, v);
        }
        if let Some(r) = reply_to {
            p.num(2, &mut f, "reply_to_message_id", r);
        }
        if media {
            p.media(2, &mut f, text, id);
        }
        p.text(2, &mut f, text);
        p.reactions(2, &mut f, reactions);
        p.indent(2);
        p.out.push(b'}');
    }

    fn pin(
        out: &mut Vec<u8>,
        first: &mut bool,
        id: u64,
        pinned: u64,
        t: i64,
        name: &str,
        actor: &str,
    ) {
        if !*first {
            out.push(b',');
        }
        *first = false;
        let mut p = Pretty { out };
        p.indent(2);
        p.out.push(b'{');
        let mut f = true;
        p.num(2, &mut f, "id", id);
        p.str(2, &mut f, "type", "service");
        p.time(2, &mut f, "date", t);
        p.str(2, &mut f, "actor", name);
        p.str(2, &mut f, "actor_id", actor);
        p.str(2, &mut f, "action", "pin_message");
        p.num(2, &mut f, "message_id", pinned);
        let empty = Text::empty();
        p.text(2, &mut f, &empty);
        p.indent(2);
        p.out.push(b'}');
    }

    /// Writes the group messages of channel `a` due before `until` (all when `None`).
    fn flush_group(
        &mut self,
        world: &World<'_>,
        r: &Renderer<'_, '_>,
        a: usize,
        until: Option<i64>,
    ) -> Result<(), SynthError> {
        let Some(ch) = self.channels.get_mut(&a) else {
            return Ok(());
        };
        if ch.items.is_empty() {
            return Ok(());
        }
        ch.items.sort_unstable();
        let due = match until {
            Some(u) => ch.items.partition_point(|it| it.0 < u),
            None => ch.items.len(),
        };
        let acct = &world.accounts[a];
        let name = acct.spec.display_name.as_str();
        let chan_id = format!("channel{}", acct.id);
        let out = &mut self.gbuf;
        out.clear();
        for &(t, _, pi, ci) in &ch.items[..due] {
            let id = ch.group_next;
            ch.group_next += 1;
            let pend = &mut ch.pending[pi];
            match ci {
                None => {
                    pend.forward_id = id;
                    let text = message_text(r, &pend.post);
                    let extra = [
                        ("forwarded_from", name.to_string()),
                        ("saved_from", name.to_string()),
                    ];
                    Self::message(
                        out,
                        &mut ch.first_group,
                        id,
                        t,
                        (name, chan_id.clone()),
                        &extra,
                        None,
                        &text,
                        true,
                        &[],
                        None,
                    );
                }
                Some(ci) => {
                    pend.ids[ci] = id;
                    let c = pend.thread[ci];
                    let reply_to = match c.parent {
                        Some(p) => pend.ids[p as usize],
                        None => pend.forward_id,
                    };
                    let text = r.comment_text(&pend.post.core, &c, None);
                    let from = match c.who {
                        Who::Actor(_) => (name.to_string(), chan_id.clone()),
                        who => {
                            let p = world.person(Platform::Telegram, who);
                            (p.name(), format!("user{}", p.id))
                        }
                    };
                    let reactions: Vec<(&str, u64)> = if c.likes > 0 {
                        vec![("👍", c.likes)]
                    } else {
                        vec![]
                    };
                    Self::message(
                        out,
                        &mut ch.first_group,
                        id,
                        t,
                        (&from.0, from.1),
                        &[],
                        Some(reply_to),
                        &text,
                        false,
                        &reactions,
                        None,
                    );
                    ch.comments += 1;
                }
            }
        }
        ch.items.drain(..due);
        // Forget sections with nothing left to write.
        let mut keep = vec![false; ch.pending.len()];
        for it in &ch.items {
            keep[it.2] = true;
        }
        let mut remap = vec![usize::MAX; ch.pending.len()];
        let mut kept = Vec::new();
        for (i, p) in std::mem::take(&mut ch.pending).into_iter().enumerate() {
            if keep[i] {
                remap[i] = kept.len();
                kept.push(p);
            }
        }
        ch.pending = kept;
        for it in &mut ch.items {
            it.2 = remap[it.2];
        }
        ch.group_bytes += out.len() as u64;
        let path = self.group_path(world, a);
        append(&path, &self.gbuf, false)
    }
}

impl FormatWriter for DesktopWriter {
    fn format(&self) -> Format {
        Format::TelegramDesktop
    }

    fn begin_month(&mut self, cx: &MonthCx<'_, '_, '_>) -> Result<(), SynthError> {
        self.numbering.month(cx);
        Ok(())
    }

    fn account_month(
        &mut self,
        cx: &MonthCx<'_, '_, '_>,
        a: usize,
        truth: &mut AccountCounts,
    ) -> Result<(), SynthError> {
        let list = &cx.batch.posts[a];
        let world = cx.world;
        let r = cx.renderer;
        let has_group = Self::has_group(world, a);
        if list.is_empty() {
            if has_group {
                // Comments of earlier months may still be due.
                self.flush_group(world, r, a, Some(cx.batch.end))?;
            }
            return Ok(());
        }
        self.start(world, a)?;
        let acct = &world.accounts[a];
        let name = acct.spec.display_name.clone();
        let chan_id = format!("channel{}", acct.id);
        let pin = self.numbering.pin(a);
        let mut out = std::mem::take(&mut self.buf);
        out.clear();
        let ch = self
            .channels
            .get_mut(&a)
            .ok_or_else(|| SynthError::Options("internal: channel state missing".into()))?;
        for (i, post) in list.iter().enumerate() {
            let id = self.numbering.id(post.core.id).unwrap_or(0);
            let text = message_text(r, post);
            let mut extra = Vec::new();
            if let Link::Retweet(t) = &post.link {
                extra.push(("forwarded_from", source(world, t).0));
            }
            let h = hash(post.core.seed, &[0xED17]);
            let edited = (h % 100 < 8).then(|| post.core.t() + 300 + (h >> 8) as i64 % 3300);
            let reactions = reaction_list(&text);
            Self::message(
                &mut out,
                &mut ch.first_channel,
                id,
                post.core.t(),
                (&name, chan_id.clone()),
                &extra,
                None,
                &text,
                true,
                &reactions,
                edited,
            );
            ch.posts += 1;
            if i == 0 {
                if let Some((pid, pinned, t)) = pin {
                    Self::pin(
                        &mut out,
                        &mut ch.first_channel,
                        pid,
                        pinned,
                        t,
                        &name,
                        &chan_id,
                    );
                }
            }
            if has_group {
                let thread = comments::thread(r, &post.core, cx.collected_at);
                if !thread.is_empty() {
                    truth.add_thread(
                        &comments::tally(&thread),
                        thread
                            .iter()
                            .filter(|c| matches!(c.role, Role::Answer | Role::Note))
                            .map(|c| c.t),
                    );
                }
                let pi = ch.pending.len();
                // The automatic forward arrives a couple of seconds after the post.
                ch.items.push((post.core.t() + 2, ch.order, pi, None));
                ch.order += 1;
                for (ci, c) in thread.iter().enumerate() {
                    ch.items.push((c.t, ch.order, pi, Some(ci)));
                    ch.order += 1;
                }
                ch.pending.push(Pending {
                    post: *post,
                    forward_id: 0,
                    ids: vec![0; thread.len()],
                    thread,
                });
            }
        }
        ch.channel_bytes += out.len() as u64;
        let path = self.channel_path(world, a);
        append(&path, &out, false)?;
        self.buf = out;
        if has_group {
            self.flush_group(world, r, a, Some(cx.batch.end))?;
        }
        Ok(())
    }

    fn finish(
        &mut self,
        world: &World<'_>,
        collected_at: i64,
        truths: &mut [&mut AccountCounts],
    ) -> Result<Vec<FileSummary>, SynthError> {
        let _ = collected_at;
        let refs = crate::timeline::RefCounts::new();
        let r = Renderer::new(world, &refs);
        let mut files = Vec::new();
        let mut accounts: Vec<usize> = (0..world.accounts.len())
            .filter(|&a| truths[a].format == Some(Format::TelegramDesktop))
            .collect();
        accounts.sort_unstable();
        for a in accounts {
            self.start(world, a)?;
            if Self::has_group(world, a) {
                self.flush_group(world, &r, a, None)?;
            }
            let ch = self
                .channels
                .get_mut(&a)
                .ok_or_else(|| SynthError::Options("internal: channel state missing".into()))?;
            let tail = b"\n ]\n}";
            ch.channel_bytes += tail.len() as u64;
            let cpath = self
                .dir
                .join(&world.accounts[a].spec.handle)
                .join("result.json");
            append(&cpath, tail, false)?;
            files.push(FileSummary {
                path: cpath,
                format: "telegram_desktop_channel",
                n_posts: ch.posts,
                n_comments: 0,
                bytes: ch.channel_bytes,
            });
            if Self::has_group(world, a) {
                ch.group_bytes += tail.len() as u64;
                let gpath = self
                    .dir
                    .join(format!("{}_chat", world.accounts[a].spec.handle))
                    .join("result.json");
                append(&gpath, tail, false)?;
                files.push(FileSummary {
                    path: gpath,
                    format: "telegram_desktop_discussion",
                    n_posts: 0,
                    n_comments: ch.comments,
                    bytes: ch.group_bytes,
                });
            }
        }
        Ok(files)
    }
}

/// Telethon JSON Lines of channel messages.
pub(crate) struct TelethonWriter<'o> {
    path: PathBuf,
    w: Counting<Box<dyn Write + 'o>>,
    numbering: Numbering,
    n_posts: u64,
    buf: Vec<u8>,
}

impl<'o> TelethonWriter<'o> {
    pub fn new(path: PathBuf, w: Box<dyn Write + 'o>) -> TelethonWriter<'o> {
        TelethonWriter {
            path,
            w: Counting::new(w),
            numbering: Numbering::default(),
            n_posts: 0,
            buf: Vec::with_capacity(1 << 20),
        }
    }
}

/// Python's `str(datetime)` of a UTC time: `2025-01-03 09:15:02+00:00`.
fn py_time(out: &mut Vec<u8>, secs: i64) {
    out.push(b'"');
    let mut s = Vec::with_capacity(19);
    calendar::push_iso_date_time(&mut s, secs);
    s[10] = b' ';
    out.extend_from_slice(&s);
    out.extend_from_slice(b"+00:00\"");
}

fn peer_channel(out: &mut Vec<u8>, id: u64) {
    out.extend_from_slice(b"{\"_\": \"PeerChannel\", \"channel_id\": ");
    json::uint(out, id);
    out.push(b'}');
}

/// UTF-16 offset of byte `b` in `s`.
fn utf16_at(s: &str, b: usize) -> u64 {
    s[..b].encode_utf16().count() as u64
}

const TELETHON_FLAGS: &str = "\"out\": false, \"mentioned\": false, \"media_unread\": false, \"silent\": false, \"post\": true, \"from_scheduled\": false, \"legacy\": false, \"edit_hide\": false, \"pinned\": false, \"noforwards\": false, \"invert_media\": false, \"offline\": false, \"video_processing_pending\": false";

impl TelethonWriter<'_> {
    #[allow(clippy::too_many_arguments)]
    fn message(
        &mut self,
        world: &World<'_>,
        r: &Renderer<'_, '_>,
        a: usize,
        post: &Post,
        id: u64,
        collected_at: i64,
    ) {
        let out = &mut self.buf;
        let acct = &world.accounts[a];
        let text = message_text(r, post);
        out.extend_from_slice(b"{\"_\": \"Message\"");
        uint_field(out, "id", id);
        next_key(out, "peer_id");
        peer_channel(out, acct.id);
        next_key(out, "date");
        py_time(out, post.core.t());
        str_field(out, "message", &text.text);
        out.extend_from_slice(b", ");
        out.extend_from_slice(TELETHON_FLAGS.as_bytes());
        out.extend_from_slice(
            b", \"from_id\": null, \"from_boosts_applied\": null, \"saved_peer_id\": null",
        );
        next_key(out, "fwd_from");
        match &post.link {
            Link::Retweet(t) => {
                let (_, src) = source(world, t);
                let (src_t, src_post) = match t {
                    Target::Actor(c) => {
                        (c.t(), self.numbering.id(c.id).unwrap_or(1 + c.id % 50_000))
                    }
                    Target::Audience(x) => (
                        x.t_ms.div_euclid(1000),
                        1_000 + hash(x.id, &[0x7E]) % 500_000,
                    ),
                };
                out.extend_from_slice(b"{\"_\": \"MessageFwdHeader\", \"date\": ");
                py_time(out, src_t);
                out.extend_from_slice(
                    b", \"imported\": false, \"saved_out\": false, \"from_id\": ",
                );
                peer_channel(out, src);
                out.extend_from_slice(b", \"from_name\": null, \"channel_post\": ");
                json::uint(out, src_post);
                out.extend_from_slice(b", \"post_author\": null, \"saved_from_peer\": null, \"saved_from_msg_id\": null, \"saved_from_id\": null, \"saved_from_name\": null, \"saved_date\": null, \"psa_type\": null}");
            }
            _ => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(
            b", \"via_bot_id\": null, \"via_business_bot_id\": null, \"reply_to\": null",
        );
        next_key(out, "media");
        match &text.media {
            Some(m) if m.kind == MediaKind::Photo => {
                out.extend_from_slice(b"{\"_\": \"MessageMediaPhoto\", \"spoiler\": false, \"photo\": {\"_\": \"Photo\", \"id\": ");
                json::uint(
                    out,
                    5_000_000_000_000_000_000 + m.id % 4_000_000_000_000_000_000,
                );
                out.extend_from_slice(b", \"access_hash\": ");
                json::uint(out, hash(m.id, &[0xACC]) >> 1);
                out.extend_from_slice(b", \"file_reference\": \"b''\", \"date\": ");
                py_time(out, text.t);
                out.extend_from_slice(
                    b", \"sizes\": [{\"_\": \"PhotoSize\", \"type\": \"x\", \"w\": ",
                );
                json::uint(out, m.width as u64);
                out.extend_from_slice(b", \"h\": ");
                json::uint(out, m.height as u64);
                out.extend_from_slice(b", \"size\": ");
                json::uint(out, 40_000 + hash(m.id, &[5]) % 200_000);
                out.extend_from_slice(b"}], \"dc_id\": 2, \"has_stickers\": false, \"video_sizes\": []}, \"ttl_seconds\": null}");
            }
            Some(m) => {
                out.extend_from_slice(b"{\"_\": \"MessageMediaDocument\", \"nopremium\": false, \"spoiler\": false, \"video\": true, \"round\": false, \"voice\": false, \"document\": {\"_\": \"Document\", \"id\": ");
                json::uint(
                    out,
                    5_000_000_000_000_000_000 + m.id % 4_000_000_000_000_000_000,
                );
                out.extend_from_slice(b", \"access_hash\": ");
                json::uint(out, hash(m.id, &[0xACD]) >> 1);
                out.extend_from_slice(b", \"file_reference\": \"b''\", \"date\": ");
                py_time(out, text.t);
                out.extend_from_slice(b", \"mime_type\": \"video/mp4\", \"size\": ");
                json::uint(out, 2_000_000 + hash(m.id, &[6]) % 30_000_000);
                out.extend_from_slice(b", \"dc_id\": 2, \"attributes\": [{\"_\": \"DocumentAttributeVideo\", \"duration\": ");
                json::uint(out, m.duration_ms / 1000);
                out.extend_from_slice(b".0, \"w\": ");
                json::uint(out, m.width as u64);
                out.extend_from_slice(b", \"h\": ");
                json::uint(out, m.height as u64);
                out.extend_from_slice(b", \"round_message\": false, \"supports_streaming\": true, \"nosound\": false, \"preload_prefix_size\": null, \"video_start_ts\": null, \"video_codec\": null}], \"thumbs\": [], \"video_thumbs\": []}, \"alt_documents\": [], \"video_cover\": null, \"video_timestamp\": null, \"ttl_seconds\": null}");
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b", \"reply_markup\": null");
        next_key(out, "entities");
        out.push(b'[');
        for (i, (s, _, ty)) in entities(&text).iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            let off = utf16_at(&text.text, s.b0 as usize);
            let len = text.text[s.b0 as usize..s.b1 as usize]
                .encode_utf16()
                .count() as u64;
            out.extend_from_slice(b"{\"_\": ");
            json::string(out, ty);
            uint_field(out, "offset", off);
            uint_field(out, "length", len);
            out.push(b'}');
        }
        out.push(b']');
        uint_field(out, "views", text.counters.impressions.unwrap_or(0));
        uint_field(out, "forwards", text.counters.retweets);
        next_key(out, "replies");
        if acct.spec.comments_per_post > 0.0 {
            let n = comments::thread(r, &post.core, collected_at).len() as u64;
            out.extend_from_slice(b"{\"_\": \"MessageReplies\", \"replies\": ");
            json::uint(out, n);
            out.extend_from_slice(b", \"replies_pts\": ");
            json::uint(out, 100_000 + hash(post.core.id, &[0x9D]) % 900_000);
            out.extend_from_slice(
                b", \"comments\": true, \"recent_repliers\": [], \"channel_id\": ",
            );
            json::uint(out, group_id(acct.id));
            out.extend_from_slice(b", \"max_id\": null, \"read_max_id\": null}");
        } else {
            out.extend_from_slice(b"null");
        }
        let h = hash(post.core.seed, &[0xED17]);
        next_key(out, "edit_date");
        if h % 100 < 8 {
            py_time(out, post.core.t() + 300 + (h >> 8) as i64 % 3300);
        } else {
            out.extend_from_slice(b"null");
        }
        out.extend_from_slice(b", \"post_author\": null, \"grouped_id\": null");
        next_key(out, "reactions");
        let list = reaction_list(&text);
        if list.is_empty() {
            out.extend_from_slice(b"null");
        } else {
            out.extend_from_slice(b"{\"_\": \"MessageReactions\", \"results\": [");
            for (i, (emoji, n)) in list.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b", ");
                }
                out.extend_from_slice(b"{\"_\": \"ReactionCount\", \"reaction\": {\"_\": \"ReactionEmoji\", \"emoticon\": ");
                json::string(out, emoji);
                out.extend_from_slice(b"}, \"count\": ");
                json::uint(out, *n);
                out.extend_from_slice(b", \"chosen_order\": null}");
            }
            out.extend_from_slice(b"], \"min\": false, \"can_see_list\": false, \"reactions_as_tags\": false, \"recent_reactions\": [], \"top_reactors\": []}");
        }
        out.extend_from_slice(b", \"restriction_reason\": [], \"ttl_period\": null, \"quick_reply_shortcut_id\": null, \"effect\": null, \"factcheck\": null, \"report_delivery_until_date\": null, \"paid_message_stars\": null}\n");
        self.n_posts += 1;
    }

    fn pin(&mut self, world: &World<'_>, a: usize, id: u64, pinned: u64, t: i64) {
        let out = &mut self.buf;
        out.extend_from_slice(b"{\"_\": \"MessageService\"");
        uint_field(out, "id", id);
        next_key(out, "peer_id");
        peer_channel(out, world.accounts[a].id);
        next_key(out, "date");
        py_time(out, t);
        next_key(out, "action");
        out.extend_from_slice(b"{\"_\": \"MessageActionPinMessage\"}");
        out.extend_from_slice(b", \"out\": false, \"mentioned\": false, \"media_unread\": false, \"reactions_are_possible\": false, \"silent\": false, \"post\": true, \"legacy\": false, \"from_id\": null, \"saved_peer_id\": null");
        next_key(out, "reply_to");
        out.extend_from_slice(b"{\"_\": \"MessageReplyHeader\", \"reply_to_scheduled\": false, \"forum_topic\": false, \"quote\": false, \"reply_to_msg_id\": ");
        json::uint(out, pinned);
        out.extend_from_slice(b", \"reply_to_peer_id\": null, \"reply_from\": null, \"reply_media\": null, \"reply_to_top_id\": null, \"quote_text\": null, \"quote_entities\": [], \"quote_offset\": null, \"todo_item_id\": null}");
        out.extend_from_slice(b", \"reactions\": null, \"ttl_period\": null}\n");
    }
}

impl FormatWriter for TelethonWriter<'_> {
    fn format(&self) -> Format {
        Format::TelegramTelethon
    }

    fn begin_month(&mut self, cx: &MonthCx<'_, '_, '_>) -> Result<(), SynthError> {
        self.numbering.month(cx);
        Ok(())
    }

    fn account_month(
        &mut self,
        cx: &MonthCx<'_, '_, '_>,
        a: usize,
        _truth: &mut AccountCounts,
    ) -> Result<(), SynthError> {
        let list = &cx.batch.posts[a];
        if list.is_empty() {
            return Ok(());
        }
        self.buf.clear();
        let pin = self.numbering.pin(a);
        // iter_messages returns the newest first.
        for (i, post) in list.iter().enumerate().rev() {
            if i == 0 {
                if let Some((pid, pinned, t)) = pin {
                    self.pin(cx.world, a, pid, pinned, t);
                }
            }
            let id = self.numbering.id(post.core.id).unwrap_or(0);
            self.message(cx.world, cx.renderer, a, post, id, cx.collected_at);
        }
        self.w.put(&self.buf)?;
        Ok(())
    }

    fn finish(
        &mut self,
        _world: &World<'_>,
        _collected_at: i64,
        _truths: &mut [&mut AccountCounts],
    ) -> Result<Vec<FileSummary>, SynthError> {
        self.w.inner.flush()?;
        Ok(vec![FileSummary {
            path: self.path.clone(),
            format: "telegram_telethon",
            n_posts: self.n_posts,
            n_comments: 0,
            bytes: self.w.bytes,
        }])
    }
}

//! Writes VK API responses as a collector saves them, one response per line (JSONL):
//!
//! - `wall.get` with `extended=1` and `fields=members_count`: `{"response": {"count", "items",
//!   "profiles", "groups"}}`, up to 100 posts per page, newest first, per account and month.
//!   Communities have negative owner ids (`owner_id`/`from_id` `-123456`); a post has `id`,
//!   `date` (Unix seconds), `text`, `attachments` (photo, video, link), `comments{count}`,
//!   `likes{count}`, `reposts{count}`, `views{count}`, and a repost `copy_history` with the
//!   original (its `owner_id` and `id`); a repost with a text of its own is a quote.
//! - `wall.getComments` with `extended=1`, `thread_items_count=10`, `sort=asc`: one response
//!   per post with comments: top-level comments (`parents_stack: []`) with their replies in
//!   `thread.items` (`reply_to_comment`, `reply_to_user`, `parents_stack: [parent]`); the
//!   community answers as itself (negative `from_id`), addressing the person first
//!   (`[id123|Name], …`) as VK's reply button writes it.
//!
//! Post and comment ids share one counter per wall, as on VK, and grow with time within a month.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use dipl_model::Platform;

use crate::comments::{self, Comment, Role};
use crate::corpus::{AccountCounts, Counting, FileSummary, Format, FormatWriter, MonthCx};
use crate::detmath::hash;
use crate::error::SynthError;
use crate::facebook::token;
use crate::json::{self, bool_field, key, next_key, str_field, uint_field};
use crate::render::{MediaKind, Text};
use crate::timeline::{Link, Post, Target};
use crate::world::{pidx, Who, World};

const PAGE_SIZE: usize = 100;

fn photo_url(h: u64, size: u32) -> String {
    format!(
        "https://sun9-{}.userapi.com/impg/{}/{}.jpg?size={size}x{size}&quality=96&type=album",
        10 + h % 80,
        token(h, 42),
        token(h >> 7, 11)
    )
}

/// `"key": <signed number>`.
fn int_field(out: &mut Vec<u8>, k: &str, v: i64) {
    next_key(out, k);
    if v < 0 {
        out.push(b'-');
    }
    json::uint(out, v.unsigned_abs());
}

pub(crate) struct VkWriter<'o> {
    wall_path: PathBuf,
    wall: Counting<Box<dyn Write + 'o>>,
    comments_path: PathBuf,
    comments: Counting<Box<dyn Write + 'o>>,
    n_posts: u64,
    n_comments: u64,
    /// Per VK account (offset from the platform's first account): the next wall id.
    next_id: Vec<u64>,
    /// Wall ids of this month's and last month's posts, by internal post id.
    ids: HashMap<u64, u64>,
    prev_ids: HashMap<u64, u64>,
    /// Per VK account and post of the month: its thread and the comments' wall ids.
    threads: Vec<Vec<(Vec<Comment>, Vec<u64>)>>,
    range: (usize, usize),
    buf: Vec<u8>,
}

impl<'o> VkWriter<'o> {
    pub fn new(
        wall_path: PathBuf,
        wall: Box<dyn Write + 'o>,
        comments_path: PathBuf,
        comments: Box<dyn Write + 'o>,
    ) -> VkWriter<'o> {
        VkWriter {
            wall_path,
            wall: Counting::new(wall),
            comments_path,
            comments: Counting::new(comments),
            n_posts: 0,
            n_comments: 0,
            next_id: Vec::new(),
            ids: HashMap::new(),
            prev_ids: HashMap::new(),
            threads: Vec::new(),
            range: (0, 0),
            buf: Vec::with_capacity(1 << 20),
        }
    }

    fn owner(world: &World<'_>, a: usize) -> i64 {
        let acct = &world.accounts[a];
        if acct.negative {
            -(acct.id as i64)
        } else {
            acct.id as i64
        }
    }

    /// The owner id and post id of a reposted post.
    fn source(&self, world: &World<'_>, t: &Target) -> (i64, u64) {
        match t {
            Target::Actor(c) => {
                let id = self
                    .ids
                    .get(&c.id)
                    .or_else(|| self.prev_ids.get(&c.id))
                    .copied()
                    .unwrap_or(1 + c.id % 100_000);
                (Self::owner(world, c.account as usize), id)
            }
            Target::Audience(x) => {
                let p = world.person(Platform::Vkontakte, x.who);
                (-(p.id as i64), 10_000 + hash(x.id, &[0x7C]) % 900_000)
            }
        }
    }

    fn group(out: &mut Vec<u8>, id: u64, name: &str, screen: &str, members: Option<u64>) {
        out.push(b'{');
        key(out, "id");
        json::uint(out, id);
        str_field(out, "name", name);
        str_field(out, "screen_name", screen);
        uint_field(out, "is_closed", 0);
        str_field(out, "type", "page");
        uint_field(out, "is_admin", 0);
        uint_field(out, "is_member", 0);
        uint_field(out, "is_advertiser", 0);
        if let Some(m) = members {
            uint_field(out, "members_count", m);
        }
        for size in [50, 100, 200] {
            str_field(
                out,
                &format!("photo_{size}"),
                &photo_url(hash(id, &[0x9A]), size),
            );
        }
        out.push(b'}');
    }

    fn attachments(out: &mut Vec<u8>, t: &Text, owner: i64) {
        let media = t.media.as_ref();
        let link = t.urls.last();
        if media.is_none() && link.is_none() {
            return;
        }
        next_key(out, "attachments");
        out.push(b'[');
        if let Some(m) = media {
            let h = hash(m.id, &[0x7A]);
            match m.kind {
                MediaKind::Photo => {
                    out.extend_from_slice(b"{\"type\": \"photo\", \"photo\": {");
                    key(out, "album_id");
                    out.extend_from_slice(b"-7");
                    uint_field(out, "date", t.t as u64);
                    uint_field(out, "id", 457_239_017 + h % 100_000_000);
                    int_field(out, "owner_id", owner);
                    str_field(out, "access_key", &token(h, 18).to_ascii_lowercase());
                    next_key(out, "sizes");
                    out.push(b'[');
                    for (i, (ty, max)) in [("m", 130u32), ("x", 604), ("y", 807)].iter().enumerate()
                    {
                        if i > 0 {
                            out.extend_from_slice(b", ");
                        }
                        let f = (*max as f64 / m.width.max(m.height) as f64).min(1.0);
                        out.push(b'{');
                        key(out, "height");
                        json::uint(out, (m.height as f64 * f).round() as u64);
                        str_field(out, "type", ty);
                        uint_field(out, "width", (m.width as f64 * f).round() as u64);
                        str_field(out, "url", &photo_url(h ^ *max as u64, *max));
                        out.push(b'}');
                    }
                    out.push(b']');
                    str_field(out, "text", "");
                    bool_field(out, "has_tags", false);
                    out.extend_from_slice(b"}}");
                }
                MediaKind::Video => {
                    out.extend_from_slice(b"{\"type\": \"video\", \"video\": {");
                    key(out, "access_key");
                    json::string(out, &token(h, 18).to_ascii_lowercase());
                    uint_field(out, "comments", 0);
                    uint_field(out, "date", t.t as u64);
                    str_field(out, "description", "");
                    uint_field(out, "duration", m.duration_ms / 1000);
                    uint_field(out, "id", 456_239_017 + h % 100_000_000);
                    int_field(out, "owner_id", owner);
                    str_field(out, "title", "");
                    uint_field(out, "views", m.views);
                    str_field(out, "type", "video");
                    out.extend_from_slice(b"}}");
                }
            }
        } else if let Some(u) = link {
            out.extend_from_slice(b"{\"type\": \"link\", \"link\": {");
            key(out, "url");
            json::string(out, &u.expanded);
            let site = u.display.split('/').next().unwrap_or("");
            str_field(out, "title", site);
            str_field(out, "caption", site);
            str_field(out, "description", "");
            bool_field(out, "is_favorite", false);
            out.extend_from_slice(b"}}");
        }
        out.push(b']');
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        out: &mut Vec<u8>,
        t: &Text,
        id: u64,
        owner: i64,
        comments: Option<u64>,
        h: u64,
        copy: Option<(&Text, i64, u64)>,
        views: bool,
    ) {
        out.push(b'{');
        key(out, "inner_type");
        json::string(out, "wall_wallpost");
        if let Some(n) = comments {
            next_key(out, "comments");
            out.extend_from_slice(b"{\"can_post\": 1, \"count\": ");
            json::uint(out, n);
            out.extend_from_slice(b", \"groups_can_post\": true}");
            uint_field(out, "marked_as_ads", 0);
            str_field(out, "hash", &token(h, 22));
        }
        str_field(out, "type", "post");
        Self::attachments(out, t, owner);
        uint_field(out, "date", t.t as u64);
        int_field(out, "from_id", owner);
        uint_field(out, "id", id);
        if comments.is_some() {
            bool_field(out, "is_favorite", false);
            next_key(out, "likes");
            out.extend_from_slice(b"{\"can_like\": 1, \"count\": ");
            json::uint(out, t.counters.likes);
            out.extend_from_slice(
                b", \"user_likes\": 0, \"can_publish\": 1, \"repost_disabled\": false}",
            );
        }
        int_field(out, "owner_id", owner);
        next_key(out, "post_source");
        out.extend_from_slice(if matches!(h % 5, 0) {
            b"{\"type\": \"api\"}"
        } else {
            b"{\"type\": \"vk\"}"
        });
        str_field(out, "post_type", "post");
        if comments.is_some() {
            next_key(out, "reposts");
            out.extend_from_slice(b"{\"count\": ");
            json::uint(out, t.counters.retweets);
            out.extend_from_slice(b", \"user_reposted\": 0}");
        }
        str_field(out, "text", &t.text);
        if views {
            next_key(out, "views");
            out.extend_from_slice(b"{\"count\": ");
            json::uint(out, t.counters.impressions.unwrap_or(0));
            out.push(b'}');
        }
        if let Some((orig, src_owner, src_id)) = copy {
            next_key(out, "copy_history");
            out.push(b'[');
            Self::item(
                out,
                orig,
                src_id,
                src_owner,
                None,
                hash(src_id, &[1]),
                None,
                false,
            );
            out.push(b']');
        }
        out.push(b'}');
    }

    fn profile(out: &mut Vec<u8>, world: &World<'_>, who: Who) {
        let p = world.person(Platform::Vkontakte, who);
        out.push(b'{');
        key(out, "id");
        json::uint(out, p.id);
        uint_field(out, "sex", if p.female { 1 } else { 2 });
        str_field(out, "screen_name", &p.handle);
        str_field(out, "photo_50", &photo_url(hash(p.id, &[0x50]), 50));
        str_field(out, "photo_100", &photo_url(hash(p.id, &[0x100]), 100));
        uint_field(out, "online", 0);
        str_field(out, "first_name", p.first);
        str_field(out, "last_name", &p.last);
        bool_field(out, "can_access_closed", true);
        bool_field(out, "is_closed", false);
        out.push(b'}');
    }

    #[allow(clippy::too_many_arguments)]
    fn comment(
        out: &mut Vec<u8>,
        cx: &MonthCx<'_, '_, '_>,
        post: &Post,
        post_id: u64,
        owner: i64,
        thread: &[Comment],
        ids: &[u64],
        i: usize,
    ) {
        let c = &thread[i];
        let world = cx.world;
        let from: i64 = match c.who {
            Who::Actor(_) => owner,
            who => world.person(Platform::Vkontakte, who).id as i64,
        };
        let parent = c.parent.map(|p| p as usize);
        let prefix = parent.and_then(|p| match thread[p].who {
            Who::Actor(_) => None,
            who => {
                let person = world.person(Platform::Vkontakte, who);
                Some(format!("[id{}|{}], ", person.id, person.first))
            }
        });
        let text = cx.renderer.comment_text(&post.core, c, prefix.as_deref());
        out.push(b'{');
        key(out, "id");
        json::uint(out, ids[i]);
        int_field(out, "from_id", from);
        uint_field(out, "date", c.t as u64);
        str_field(out, "text", &text.text);
        uint_field(out, "post_id", post_id);
        int_field(out, "owner_id", owner);
        next_key(out, "parents_stack");
        out.push(b'[');
        if let Some(p) = parent {
            json::uint(out, ids[p]);
        }
        out.push(b']');
        next_key(out, "likes");
        out.extend_from_slice(b"{\"can_like\": 1, \"count\": ");
        json::uint(out, c.likes);
        out.extend_from_slice(b", \"user_likes\": 0, \"can_publish\": 1}");
        if let Some(p) = parent {
            let to: i64 = match thread[p].who {
                Who::Actor(_) => owner,
                who => world.person(Platform::Vkontakte, who).id as i64,
            };
            int_field(out, "reply_to_user", to);
            uint_field(out, "reply_to_comment", ids[p]);
        } else {
            let children: Vec<usize> = (0..thread.len())
                .filter(|&j| thread[j].parent == Some(i as u32))
                .collect();
            next_key(out, "thread");
            out.extend_from_slice(b"{\"count\": ");
            json::uint(out, children.len() as u64);
            out.extend_from_slice(b", \"items\": [");
            for (k, &j) in children.iter().enumerate() {
                if k > 0 {
                    out.extend_from_slice(b", ");
                }
                Self::comment(out, cx, post, post_id, owner, thread, ids, j);
            }
            out.extend_from_slice(
                b"], \"can_post\": true, \"show_reply_button\": true, \"groups_can_post\": true}",
            );
        }
        out.push(b'}');
    }
}

impl FormatWriter for VkWriter<'_> {
    fn format(&self) -> Format {
        Format::Vk
    }

    fn begin_month(&mut self, cx: &MonthCx<'_, '_, '_>) -> Result<(), SynthError> {
        let world = cx.world;
        let (lo, hi) = world.ranges[pidx(Platform::Vkontakte)];
        self.range = (lo, hi);
        if self.next_id.len() != hi - lo {
            self.next_id = (lo..hi)
                .map(|a| 1_000 + world.accounts[a].spec.statuses_before * 4)
                .collect();
        }
        std::mem::swap(&mut self.ids, &mut self.prev_ids);
        self.ids.clear();
        self.threads.clear();
        for a in lo..hi {
            let list = &cx.batch.posts[a];
            let threads: Vec<Vec<Comment>> = list
                .iter()
                .map(|p| comments::thread(cx.renderer, &p.core, cx.collected_at))
                .collect();
            // Posts and comments take wall ids in time order.
            let mut events: Vec<(i64, usize, usize)> = Vec::new();
            for (i, p) in list.iter().enumerate() {
                events.push((p.core.t(), i, usize::MAX));
                for (j, c) in threads[i].iter().enumerate() {
                    events.push((c.t, i, j));
                }
            }
            events.sort_unstable();
            let mut comment_ids: Vec<Vec<u64>> = threads.iter().map(|t| vec![0; t.len()]).collect();
            let next = &mut self.next_id[a - lo];
            for (_, i, j) in events {
                *next += 1 + hash(*next, &[0x1D]) % 3; // deleted posts and comments leave gaps
                if j == usize::MAX {
                    self.ids.insert(list[i].core.id, *next);
                } else {
                    comment_ids[i][j] = *next;
                }
            }
            self.threads
                .push(threads.into_iter().zip(comment_ids).collect());
        }
        Ok(())
    }

    fn account_month(
        &mut self,
        cx: &MonthCx<'_, '_, '_>,
        a: usize,
        truth: &mut AccountCounts,
    ) -> Result<(), SynthError> {
        let list = &cx.batch.posts[a];
        if list.is_empty() {
            return Ok(());
        }
        let world = cx.world;
        let r = cx.renderer;
        let acct = &world.accounts[a];
        let owner = Self::owner(world, a);
        let total = acct.spec.statuses_before + cx.plan.totals[a];
        let slot = a - self.range.0;
        let newest_first: Vec<usize> = (0..list.len()).rev().collect();
        for chunk in newest_first.chunks(PAGE_SIZE) {
            let mut buf = std::mem::take(&mut self.buf);
            buf.clear();
            buf.extend_from_slice(b"{\"response\": {\"count\": ");
            json::uint(&mut buf, total);
            buf.extend_from_slice(b", \"items\": [");
            let mut sources: Vec<(u64, String, String)> = Vec::new();
            for (k, &i) in chunk.iter().enumerate() {
                if k > 0 {
                    buf.extend_from_slice(b", ");
                }
                let post = &list[i];
                let text = r.long_post(post);
                let id = self.ids.get(&post.core.id).copied().unwrap_or(0);
                let n_comments = self.threads[slot][i].0.len() as u64;
                let shared = match &post.link {
                    Link::Retweet(t) | Link::Quote(t) => Some(t),
                    _ => None,
                };
                let h = hash(post.core.seed, &[0x7D]);
                match shared {
                    Some(t) => {
                        let orig = r.long_target(t);
                        let (src_owner, src_id) = self.source(world, t);
                        let (name, screen) = match t {
                            Target::Actor(c) => {
                                let s = world.accounts[c.account as usize].spec;
                                (s.display_name.clone(), s.handle.clone())
                            }
                            Target::Audience(x) => {
                                let p = world.person(Platform::Vkontakte, x.who);
                                (p.name(), p.handle.clone())
                            }
                        };
                        let gid = src_owner.unsigned_abs();
                        if !sources.iter().any(|s| s.0 == gid) {
                            sources.push((gid, name, screen));
                        }
                        Self::item(
                            &mut buf,
                            &text,
                            id,
                            owner,
                            Some(n_comments),
                            h,
                            Some((&orig, src_owner, src_id)),
                            true,
                        );
                    }
                    None => Self::item(&mut buf, &text, id, owner, Some(n_comments), h, None, true),
                }
                self.n_posts += 1;
            }
            buf.extend_from_slice(b"], \"profiles\": [], \"groups\": [");
            Self::group(
                &mut buf,
                acct.id,
                &acct.spec.display_name,
                &acct.spec.handle,
                Some(world.followers(a, cx.collected_at)),
            );
            for (gid, name, screen) in &sources {
                if *gid != acct.id {
                    buf.extend_from_slice(b", ");
                    Self::group(&mut buf, *gid, name, screen, None);
                }
            }
            buf.extend_from_slice(b"]}}\n");
            self.wall.put(&buf)?;
            self.buf = buf;
        }

        // wall.getComments, one response per post with comments, oldest post first.
        for (i, post) in list.iter().enumerate() {
            let (thread, ids) = &self.threads[slot][i];
            if thread.is_empty() {
                continue;
            }
            let post_id = self.ids.get(&post.core.id).copied().unwrap_or(0);
            let top: Vec<usize> = (0..thread.len())
                .filter(|&j| thread[j].parent.is_none())
                .collect();
            let mut out = std::mem::take(&mut self.buf);
            out.clear();
            out.extend_from_slice(b"{\"response\": {\"count\": ");
            json::uint(&mut out, top.len() as u64);
            out.extend_from_slice(b", \"items\": [");
            for (k, &j) in top.iter().enumerate() {
                if k > 0 {
                    out.extend_from_slice(b", ");
                }
                Self::comment(&mut out, cx, post, post_id, owner, thread, ids, j);
            }
            out.extend_from_slice(b"], \"current_level_count\": ");
            json::uint(&mut out, top.len() as u64);
            out.extend_from_slice(
                b", \"can_post\": true, \"show_reply_button\": true, \"groups_can_post\": true, \"profiles\": [",
            );
            let mut people: Vec<Who> = Vec::new();
            for c in thread {
                if matches!(c.who, Who::Citizen(_)) && !people.contains(&c.who) {
                    people.push(c.who);
                }
            }
            for (k, who) in people.iter().enumerate() {
                if k > 0 {
                    out.extend_from_slice(b", ");
                }
                Self::profile(&mut out, world, *who);
            }
            out.extend_from_slice(b"], \"groups\": [");
            Self::group(
                &mut out,
                acct.id,
                &acct.spec.display_name,
                &acct.spec.handle,
                None,
            );
            out.extend_from_slice(b"]}}\n");
            self.comments.put(&out)?;
            self.buf = out;
            self.n_comments += thread.len() as u64;
            truth.add_thread(
                &comments::tally(thread),
                thread
                    .iter()
                    .filter(|c| matches!(c.role, Role::Answer | Role::Note))
                    .map(|c| c.t),
            );
        }
        Ok(())
    }

    fn finish(
        &mut self,
        _world: &World<'_>,
        _collected_at: i64,
        _truths: &mut [&mut AccountCounts],
    ) -> Result<Vec<FileSummary>, SynthError> {
        self.wall.inner.flush()?;
        self.comments.inner.flush()?;
        Ok(vec![
            FileSummary {
                path: self.wall_path.clone(),
                format: "vk_wall",
                n_posts: self.n_posts,
                n_comments: 0,
                bytes: self.wall.bytes,
            },
            FileSummary {
                path: self.comments_path.clone(),
                format: "vk_comments",
                n_posts: 0,
                n_comments: self.n_comments,
                bytes: self.comments.bytes,
            },
        ])
    }
}

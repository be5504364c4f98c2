//! Writes Facebook Graph API page feed pages, one response per line (JSONL), as a collector
//! paging `/{page-id}/posts` month by month saves them: `data` (up to 25 posts, newest first)
//! and `paging` (`cursors`, and `next` on all but the last page of a month).
//!
//! A post has `id` (`<page id>_<post id>`), `created_time` and `updated_time`
//! (`2025-01-03T09:15:02+0000`), `from`, `message` (absent on a share without text),
//! `permalink_url`, `status_type` (`added_photos`, `added_video`, `mobile_status_update`, and
//! `shared_story` for shares, which also carry `parent_id`), `full_picture`, `shares{count}`
//! (absent when nobody shared), reaction totals by type as the aliases `reactions_like`,
//! `reactions_love`, `reactions_care`, `reactions_haha`, `reactions_wow`, `reactions_sad`,
//! `reactions_angry` (`{"data": [], "summary": {"total_count": n}}`), and `comments`: the
//! top-level comments (`id` `<post id>_<comment id>`, `from`, `message`, `created_time`,
//! `like_count`, `comment_count`) with their replies nested under `comments` (each with
//! `parent{id}`), and `summary{order, total_count, can_comment}` (top-level comments). All the
//! comments of a post are embedded (`comments.limit(500)`), counters are as of the collection two
//! days after the period.

use std::io::Write;
use std::path::PathBuf;

use dipl_model::Platform;

use crate::calendar;
use crate::comments::{self, Comment, Role};
use crate::corpus::{AccountCounts, Counting, FileSummary, Format, FormatWriter, MonthCx};
use crate::detmath::{hash, mix64};
use crate::error::SynthError;
use crate::json::{self, key, next_key, str_field, uint_field};
use crate::render::{fb_reactions, MediaKind, Text, FB_REACTIONS};
use crate::timeline::{Link, Post, Target};
use crate::world::{Who, World};

pub(crate) const GRAPH_VERSION: &str = "v19.0";
const PAGE_SIZE: usize = 25;
const FIELDS: &str = "id%2Ccreated_time%2Cupdated_time%2Cfrom%2Cmessage%2Cpermalink_url%2Cstatus_type%2Cfull_picture%2Cparent_id%2Cshares%2Creactions.type%28LIKE%29.limit%280%29.summary%28total_count%29.as%28reactions_like%29%2Creactions.type%28LOVE%29.limit%280%29.summary%28total_count%29.as%28reactions_love%29%2Creactions.type%28CARE%29.limit%280%29.summary%28total_count%29.as%28reactions_care%29%2Creactions.type%28HAHA%29.limit%280%29.summary%28total_count%29.as%28reactions_haha%29%2Creactions.type%28WOW%29.limit%280%29.summary%28total_count%29.as%28reactions_wow%29%2Creactions.type%28SAD%29.limit%280%29.summary%28total_count%29.as%28reactions_sad%29%2Creactions.type%28ANGRY%29.limit%280%29.summary%28total_count%29.as%28reactions_angry%29%2Ccomments.limit%28500%29.summary%28true%29%7Bid%2Cfrom%2Cmessage%2Ccreated_time%2Clike_count%2Ccomment_count%2Cparent%7Bid%7D%2Ccomments.limit%28500%29%7Bid%2Cfrom%2Cmessage%2Ccreated_time%2Clike_count%2Ccomment_count%2Cparent%7Bid%7D%7D%7D";

/// The numeric post part of a Facebook id (18 digits) for an internal post id.
pub(crate) fn post_number(id: u64) -> u64 {
    100_000_000_000_000_000 + id % 800_000_000_000_000_000
}

/// A Graph cursor or token: URL-safe base64-looking characters.
pub(crate) fn token(h: u64, len: usize) -> String {
    const CHARS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut s = String::with_capacity(len);
    let mut x = h;
    for _ in 0..len {
        x = mix64(x);
        s.push(CHARS[(x % 64) as usize] as char);
    }
    s
}

/// The page id and name of a shared post's author.
fn author_of(world: &World<'_>, who: Who) -> u64 {
    match who {
        Who::Actor(b) => world.accounts[b as usize].id,
        _ => world.person(Platform::Facebook, who).id,
    }
}

fn photo_url(id: u64) -> String {
    let h = hash(id, &[0xFB0]);
    format!(
        "https://scontent.fala3-1.fna.fbcdn.net/v/t39.30808-6/{}_{}_{}_n.jpg",
        400_000_000 + h % 100_000_000,
        100_000_000_000_000_000 + (h >> 8) % 800_000_000_000_000_000,
        1_000_000_000_000_000 + (h >> 16) % 8_000_000_000_000_000
    )
}

fn time_field(out: &mut Vec<u8>, k: &str, secs: i64) {
    next_key(out, k);
    out.push(b'"');
    calendar::push_fb(out, secs);
    out.push(b'"');
}

fn from(out: &mut Vec<u8>, name: &str, id: u64) {
    next_key(out, "from");
    out.push(b'{');
    key(out, "name");
    json::string(out, name);
    next_key(out, "id");
    json::uint_str(out, id);
    out.push(b'}');
}

pub(crate) struct GraphWriter<'o> {
    path: PathBuf,
    w: Counting<Box<dyn Write + 'o>>,
    n_posts: u64,
    n_comments: u64,
    buf: Vec<u8>,
}

impl<'o> GraphWriter<'o> {
    pub fn new(path: PathBuf, w: Box<dyn Write + 'o>) -> GraphWriter<'o> {
        GraphWriter {
            path,
            w: Counting::new(w),
            n_posts: 0,
            n_comments: 0,
            buf: Vec::with_capacity(1 << 20),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn comment(
        &mut self,
        cx: &MonthCx<'_, '_, '_>,
        post: &Post,
        post_no: u64,
        thread: &[Comment],
        i: usize,
        cid_base: u64,
        page_name: &str,
        page_id: u64,
    ) {
        let c = &thread[i];
        let out = &mut self.buf;
        let text = cx.renderer.comment_text(&post.core, c, None);
        out.push(b'{');
        key(out, "id");
        out.push(b'"');
        json::uint(out, post_no);
        out.push(b'_');
        json::uint(out, cid_base + i as u64);
        out.push(b'"');
        match c.who {
            Who::Actor(_) => from(out, page_name, page_id),
            who => {
                let p = cx.world.person(Platform::Facebook, who);
                from(out, &p.name(), p.id);
            }
        }
        str_field(out, "message", &text.text);
        time_field(out, "created_time", c.t);
        uint_field(out, "like_count", c.likes);
        let children: Vec<usize> = (0..thread.len())
            .filter(|&j| thread[j].parent == Some(i as u32))
            .collect();
        uint_field(out, "comment_count", children.len() as u64);
        if let Some(p) = c.parent {
            next_key(out, "parent");
            out.extend_from_slice(b"{\"id\": \"");
            json::uint(out, post_no);
            out.push(b'_');
            json::uint(out, cid_base + p as u64);
            out.extend_from_slice(b"\"}");
        }
        self.n_comments += 1;
        if !children.is_empty() {
            self.buf.extend_from_slice(b", \"comments\": {\"data\": [");
            for (k, &j) in children.iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                self.comment(cx, post, post_no, thread, j, cid_base, page_name, page_id);
            }
            self.buf.extend_from_slice(b"], ");
            paging(&mut self.buf, hash(cid_base, &[i as u64]));
            self.buf.push(b'}');
        }
        self.buf.push(b'}');
    }

    fn post(&mut self, cx: &MonthCx<'_, '_, '_>, a: usize, post: &Post, truth: &mut AccountCounts) {
        let world = cx.world;
        let r = cx.renderer;
        let acct = &world.accounts[a];
        let page_id = acct.id;
        let page_name = acct.spec.display_name.as_str();
        let core = &post.core;
        let text: Text = r.long_post(post);
        let post_no = post_number(core.id);
        let thread = comments::thread(r, core, cx.collected_at);
        let top: Vec<usize> = (0..thread.len())
            .filter(|&i| thread[i].parent.is_none())
            .collect();
        let out = &mut self.buf;
        out.push(b'{');
        key(out, "id");
        out.push(b'"');
        json::uint(out, page_id);
        out.push(b'_');
        json::uint(out, post_no);
        out.push(b'"');
        time_field(out, "created_time", core.t());
        let updated = thread.last().map_or(core.t(), |c| c.t.max(core.t()));
        time_field(out, "updated_time", updated);
        from(out, page_name, page_id);
        if !text.text.is_empty() {
            str_field(out, "message", &text.text);
        }
        next_key(out, "permalink_url");
        out.extend_from_slice(b"\"https://www.facebook.com/");
        out.extend_from_slice(acct.spec.handle.as_bytes());
        out.extend_from_slice(b"/posts/");
        json::uint(out, post_no);
        out.push(b'"');
        let shared = match &post.link {
            Link::Retweet(t) | Link::Quote(t) => Some(t),
            _ => None,
        };
        let status = match (shared, &text.media) {
            (Some(_), _) => "shared_story",
            (None, Some(m)) if m.kind == MediaKind::Video => "added_video",
            (None, Some(_)) => "added_photos",
            (None, None) => "mobile_status_update",
        };
        str_field(out, "status_type", status);
        if let Some(m) = &text.media {
            str_field(out, "full_picture", &photo_url(m.id));
        }
        if let Some(t) = shared {
            let (id, who) = match t {
                Target::Actor(c) => (c.id, Who::Actor(c.account)),
                Target::Audience(x) => (x.id, x.who),
            };
            let author = author_of(world, who);
            next_key(out, "parent_id");
            out.push(b'"');
            json::uint(out, author);
            out.push(b'_');
            json::uint(out, post_number(id));
            out.push(b'"');
        }
        if text.counters.retweets > 0 {
            next_key(out, "shares");
            out.extend_from_slice(b"{\"count\": ");
            json::uint(out, text.counters.retweets);
            out.push(b'}');
        }
        let reactions = fb_reactions(&text);
        for (name, n) in FB_REACTIONS.iter().zip(reactions) {
            out.extend_from_slice(b", \"reactions_");
            out.extend_from_slice(name.to_ascii_lowercase().as_bytes());
            out.extend_from_slice(b"\": {\"data\": [], \"summary\": {\"total_count\": ");
            json::uint(out, n);
            out.extend_from_slice(b"}}");
        }
        out.extend_from_slice(b", \"comments\": {\"data\": [");
        let cid_base = 1_000_000_000_000_000 + hash(core.id, &[0xFBC]) % 8_000_000_000_000_000;
        for (k, &i) in top.iter().enumerate() {
            if k > 0 {
                self.buf.extend_from_slice(b", ");
            }
            self.comment(cx, post, post_no, &thread, i, cid_base, page_name, page_id);
        }
        let out = &mut self.buf;
        out.extend_from_slice(b"], ");
        if !top.is_empty() {
            paging(out, hash(core.id, &[0xFBD]));
            out.extend_from_slice(b", ");
        }
        out.extend_from_slice(b"\"summary\": {\"order\": \"chronological\", \"total_count\": ");
        json::uint(out, top.len() as u64);
        out.extend_from_slice(b", \"can_comment\": true}}}");
        if !thread.is_empty() {
            let tally = comments::tally(&thread);
            truth.add_thread(
                &tally,
                thread
                    .iter()
                    .filter(|c| matches!(c.role, Role::Answer | Role::Note))
                    .map(|c| c.t),
            );
        }
        self.n_posts += 1;
    }
}

/// `"paging": {"cursors": {"before": …, "after": …}}`.
fn paging(out: &mut Vec<u8>, h: u64) {
    out.extend_from_slice(b"\"paging\": {\"cursors\": {\"before\": ");
    json::string(out, &token(h, 40));
    out.extend_from_slice(b", \"after\": ");
    json::string(out, &token(h ^ 0xAF7E_5C0D, 40));
    out.extend_from_slice(b"}}");
}

impl FormatWriter for GraphWriter<'_> {
    fn format(&self) -> Format {
        Format::FacebookGraph
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
        let page_id = cx.world.accounts[a].id;
        let newest_first: Vec<usize> = (0..list.len()).rev().collect();
        let n_pages = newest_first.len().div_ceil(PAGE_SIZE);
        for (p, chunk) in newest_first.chunks(PAGE_SIZE).enumerate() {
            self.buf.clear();
            self.buf.extend_from_slice(b"{\"data\": [");
            for (k, &i) in chunk.iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                self.post(cx, a, &list[i], truth);
            }
            self.buf
                .extend_from_slice(b"], \"paging\": {\"cursors\": {\"before\": ");
            let h = hash(
                cx.world.seed,
                &[0xFBA, a as u64, cx.batch.index as u64, p as u64],
            );
            json::string(&mut self.buf, &token(h, 40));
            self.buf.extend_from_slice(b", \"after\": ");
            let after = token(h ^ 0xAF7E_5C0D, 40);
            json::string(&mut self.buf, &after);
            self.buf.push(b'}');
            if p + 1 < n_pages {
                let url = format!(
                    "https://graph.facebook.com/{GRAPH_VERSION}/{page_id}/posts?fields={FIELDS}&limit={PAGE_SIZE}&since={}&until={}&after={after}",
                    cx.batch.start, cx.batch.end
                );
                str_field(&mut self.buf, "next", &url);
            }
            self.buf.extend_from_slice(b"}}\n");
            self.w.put(&self.buf)?;
        }
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
            format: "facebook_graph",
            n_posts: self.n_posts,
            n_comments: self.n_comments,
            bytes: self.w.bytes,
        }])
    }
}

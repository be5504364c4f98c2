//! Writes twarc2 JSONL: one X API v2 response page per line, as `twarc2 timeline` stores a
//! user-timeline harvest: `data` (up to 100 tweets, newest first), `includes` (`users` with
//! `public_metrics` as of the harvest, referenced `tweets`, `media`), `meta` (`result_count`,
//! `newest_id`, `oldest_id`, `next_token` on all but the last page) and `__twarc` (request URL,
//! twarc version, `retrieved_at`).
//!
//! Entities carry code-point `start`/`end`. Like the API, a retweet's `public_metrics` show the
//! original's `retweet_count` and zeros, and its text is cut to 140 code points.

use std::collections::HashSet;

use crate::calendar;
use crate::detmath::{hash, mix64};
use crate::json::{self, bool_field, key, next_key, str_field, uint_field};
use crate::profile::{image_url, profile};
use crate::render::{MediaKind, Text};
use crate::timeline::{target_id, AudienceTweet, Link, Post, Target};
use crate::v1::Harvest;
use crate::world::Who;

pub(crate) const TWARC_VERSION: &str = "2.14.0";
pub(crate) const PAGE_SIZE: usize = 100;

const QUERY: &str = "expansions=author_id%2Cin_reply_to_user_id%2Creferenced_tweets.id%2Creferenced_tweets.id.author_id%2Centities.mentions.username%2Cattachments.poll_ids%2Cattachments.media_keys%2Cgeo.place_id&tweet.fields=attachments%2Cauthor_id%2Cconversation_id%2Ccreated_at%2Centities%2Cgeo%2Cid%2Cin_reply_to_user_id%2Clang%2Cpublic_metrics%2Ctext%2Cpossibly_sensitive%2Creferenced_tweets%2Creply_settings%2Csource%2Cwithheld%2Cedit_history_tweet_ids&user.fields=created_at%2Cdescription%2Centities%2Cid%2Clocation%2Cname%2Cpinned_tweet_id%2Cprofile_image_url%2Cprotected%2Cpublic_metrics%2Curl%2Cusername%2Cverified%2Cverified_type%2Cwithheld&media.fields=alt_text%2Cduration_ms%2Cheight%2Cmedia_key%2Cpreview_image_url%2Ctype%2Curl%2Cwidth%2Cpublic_metrics&max_results=100";

/// The v2 user object of an account at the harvest time.
pub(crate) fn user_json(h: &Harvest<'_, '_, '_>, who: Who, out: &mut Vec<u8>) {
    let p = profile(h.world, h.plan, who, h.at, h.month);
    out.push(b'{');
    key(out, "id");
    json::uint_str(out, p.id);
    str_field(out, "name", &p.name);
    str_field(out, "username", &p.handle);
    next_key(out, "created_at");
    out.push(b'"');
    calendar::push_v2(out, p.created_at);
    out.push(b'"');
    str_field(out, "description", &p.description);
    str_field(out, "location", &p.location);
    bool_field(out, "verified", p.verified);
    if p.government {
        str_field(out, "verified_type", "government");
    } else if p.verified {
        str_field(out, "verified_type", "business");
    }
    bool_field(out, "protected", false);
    str_field(out, "profile_image_url", &image_url(&p));
    str_field(out, "url", "");
    next_key(out, "public_metrics");
    out.push(b'{');
    key(out, "followers_count");
    json::uint(out, p.followers);
    uint_field(out, "following_count", p.following);
    uint_field(out, "tweet_count", p.statuses);
    uint_field(out, "listed_count", p.listed);
    out.extend_from_slice(b"}}");
}

fn media_key(kind: MediaKind, id: u64, out: &mut Vec<u8>) {
    out.push(b'"');
    out.extend_from_slice(if kind == MediaKind::Photo {
        b"3_"
    } else {
        b"7_"
    });
    json::uint(out, id);
    out.push(b'"');
}

fn entities(h: &Harvest<'_, '_, '_>, t: &Text, out: &mut Vec<u8>) {
    if t.hashtags.is_empty() && t.mentions.is_empty() && t.urls.is_empty() && t.media.is_none() {
        return;
    }
    next_key(out, "entities");
    out.push(b'{');
    let mut first = true;
    let mut open = |out: &mut Vec<u8>, name: &str| {
        if !first {
            out.extend_from_slice(b", ");
        }
        first = false;
        key(out, name);
        out.push(b'[');
    };
    let span = |out: &mut Vec<u8>, start: u32, end: u32| {
        key(out, "start");
        json::uint(out, start as u64);
        uint_field(out, "end", end as u64);
    };
    if !t.hashtags.is_empty() {
        open(out, "hashtags");
        for (i, s) in t.hashtags.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.push(b'{');
            span(out, s.start, s.end);
            str_field(out, "tag", t.tag(s));
            out.push(b'}');
        }
        out.push(b']');
    }
    if !t.mentions.is_empty() {
        open(out, "mentions");
        for (i, m) in t.mentions.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.push(b'{');
            span(out, m.span.start, m.span.end);
            str_field(
                out,
                "username",
                &t.text[m.span.b0 as usize + 1..m.span.b1 as usize],
            );
            next_key(out, "id");
            json::uint_str(out, id_of(h, m.who));
            out.push(b'}');
        }
        out.push(b']');
    }
    if !t.urls.is_empty() || t.media.is_some() {
        open(out, "urls");
        let mut n = 0;
        for u in &t.urls {
            if n > 0 {
                out.extend_from_slice(b", ");
            }
            n += 1;
            out.push(b'{');
            span(out, u.span.start, u.span.end);
            str_field(out, "url", &u.tco);
            str_field(out, "expanded_url", &u.expanded);
            str_field(out, "display_url", &u.display);
            out.push(b'}');
        }
        if let Some(m) = &t.media {
            if n > 0 {
                out.extend_from_slice(b", ");
            }
            let owner = h.renderer.handle(m.owner);
            let path = if m.kind == MediaKind::Photo {
                "photo"
            } else {
                "video"
            };
            out.push(b'{');
            span(out, m.span.start, m.span.end);
            str_field(out, "url", &m.tco);
            str_field(
                out,
                "expanded_url",
                &format!(
                    "https://twitter.com/{owner}/status/{}/{path}/1",
                    m.status_id
                ),
            );
            str_field(
                out,
                "display_url",
                &format!("pic.twitter.com/{}", &m.tco[13..]),
            );
            next_key(out, "media_key");
            media_key(m.kind, m.id, out);
            out.push(b'}');
        }
        out.push(b']');
    }
    out.push(b'}');
}

fn id_of(h: &Harvest<'_, '_, '_>, who: Who) -> u64 {
    match who {
        Who::Actor(a) => h.world.accounts[a as usize].id,
        _ => h.world.audience(who).id,
    }
}

/// How a tweet hangs in its conversation.
struct Refs {
    conversation_id: u64,
    in_reply_to_user: Option<u64>,
    refs: Vec<(&'static str, u64)>,
}

fn post_refs(h: &Harvest<'_, '_, '_>, post: &Post) -> Refs {
    let account_id = |a: u32| h.world.accounts[a as usize].id;
    let (in_reply_to_user, refs) = match &post.link {
        Link::None => (None, vec![]),
        Link::SelfParent(p) => (Some(account_id(p.account)), vec![("replied_to", p.id)]),
        Link::ActorParent(p) => (Some(account_id(p.account)), vec![("replied_to", p.id)]),
        Link::Comment(c) => (Some(id_of(h, c.who)), vec![("replied_to", c.id)]),
        Link::Retweet(t) => (None, vec![("retweeted", target_id(t))]),
        Link::Quote(t) => (None, vec![("quoted", target_id(t))]),
    };
    Refs {
        conversation_id: post.conversation_id,
        in_reply_to_user,
        refs,
    }
}

fn audience_refs(h: &Harvest<'_, '_, '_>, c: &AudienceTweet) -> Refs {
    match (c.reply_to, c.addressee) {
        (Some(parent), Some(a)) => Refs {
            conversation_id: c.conversation_id,
            in_reply_to_user: Some(h.world.accounts[a as usize].id),
            refs: vec![("replied_to", parent)],
        },
        _ => Refs {
            conversation_id: c.conversation_id,
            in_reply_to_user: None,
            refs: vec![],
        },
    }
}

fn original_refs(id: u64) -> Refs {
    Refs {
        conversation_id: id,
        in_reply_to_user: None,
        refs: vec![],
    }
}

fn tweet(h: &Harvest<'_, '_, '_>, t: &Text, refs: &Refs, retweet: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    key(out, "id");
    json::uint_str(out, t.id);
    str_field(out, "text", &t.text);
    next_key(out, "author_id");
    json::uint_str(out, id_of(h, t.author));
    next_key(out, "created_at");
    out.push(b'"');
    calendar::push_v2(out, t.t);
    out.push(b'"');
    next_key(out, "conversation_id");
    json::uint_str(out, refs.conversation_id);
    if let Some(u) = refs.in_reply_to_user {
        next_key(out, "in_reply_to_user_id");
        json::uint_str(out, u);
    }
    if !refs.refs.is_empty() {
        next_key(out, "referenced_tweets");
        out.push(b'[');
        for (i, (kind, id)) in refs.refs.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.push(b'{');
            key(out, "type");
            json::string(out, kind);
            next_key(out, "id");
            json::uint_str(out, *id);
            out.push(b'}');
        }
        out.push(b']');
    }
    if let (Some(m), false) = (&t.media, retweet) {
        next_key(out, "attachments");
        out.extend_from_slice(b"{\"media_keys\": [");
        media_key(m.kind, m.id, out);
        out.extend_from_slice(b"]}");
    }
    entities(h, t, out);
    next_key(out, "public_metrics");
    out.push(b'{');
    key(out, "retweet_count");
    json::uint(out, t.counters.retweets);
    uint_field(out, "reply_count", t.counters.replies);
    uint_field(out, "like_count", t.counters.likes);
    uint_field(out, "quote_count", t.counters.quotes);
    if let Some(v) = t.counters.impressions {
        uint_field(out, "impression_count", v);
    }
    out.push(b'}');
    str_field(out, "lang", t.lang.code());
    str_field(out, "source", t.source.label);
    bool_field(out, "possibly_sensitive", false);
    str_field(out, "reply_settings", "everyone");
    next_key(out, "edit_history_tweet_ids");
    out.push(b'[');
    json::uint_str(out, t.id);
    out.extend_from_slice(b"]}");
}

fn media_include(t: &Text, out: &mut Vec<u8>) {
    let Some(m) = &t.media else { return };
    out.push(b'{');
    key(out, "media_key");
    media_key(m.kind, m.id, out);
    match m.kind {
        MediaKind::Photo => {
            str_field(out, "type", "photo");
            str_field(
                out,
                "url",
                &format!("https://pbs.twimg.com/media/{}.jpg", m.file),
            );
            uint_field(out, "width", m.width as u64);
            uint_field(out, "height", m.height as u64);
        }
        MediaKind::Video => {
            str_field(out, "type", "video");
            uint_field(out, "duration_ms", m.duration_ms);
            str_field(
                out,
                "preview_image_url",
                &format!(
                    "https://pbs.twimg.com/ext_tw_video_thumb/{}/pu/img/{}.jpg",
                    m.id, m.file
                ),
            );
            uint_field(out, "width", m.width as u64);
            uint_field(out, "height", m.height as u64);
            next_key(out, "public_metrics");
            out.extend_from_slice(b"{\"view_count\": ");
            json::uint(out, m.views);
            out.push(b'}');
        }
    }
    out.push(b'}');
}

/// Accumulates one response page.
pub(crate) struct Page {
    data: Vec<u8>,
    users: Vec<Who>,
    user_set: HashSet<Who>,
    tweets: Vec<u8>,
    tweet_ids: HashSet<u64>,
    media: Vec<u8>,
    n: usize,
    newest: u64,
    oldest: u64,
}

impl Page {
    pub fn new() -> Page {
        Page {
            data: Vec::with_capacity(128 * 1024),
            users: Vec::new(),
            user_set: HashSet::new(),
            tweets: Vec::with_capacity(64 * 1024),
            tweet_ids: HashSet::new(),
            media: Vec::new(),
            n: 0,
            newest: 0,
            oldest: 0,
        }
    }

    fn clear(&mut self) {
        self.data.clear();
        self.users.clear();
        self.user_set.clear();
        self.tweets.clear();
        self.tweet_ids.clear();
        self.media.clear();
        self.n = 0;
    }

    fn user(&mut self, who: Who) {
        // Membership only; the output order is the order of first appearance.
        if self.user_set.insert(who) {
            self.users.push(who);
        }
    }

    fn include_tweet(&mut self, h: &Harvest<'_, '_, '_>, t: &Text, refs: &Refs) {
        if self.tweet_ids.insert(t.id) {
            if !self.tweets.is_empty() {
                self.tweets.extend_from_slice(b", ");
            }
            tweet(h, t, refs, false, &mut self.tweets);
            self.user(t.author);
        }
    }

    /// Adds timeline post `list[i]` (whose thread parent, if any, is `list[i - 1]`).
    pub fn add(&mut self, h: &Harvest<'_, '_, '_>, list: &[Post], i: usize) {
        let post = &list[i];
        let r = h.renderer;
        let text = r.post(post);
        let refs = post_refs(h, post);
        if self.n > 0 {
            self.data.extend_from_slice(b", ");
        } else {
            self.newest = post.core.id;
        }
        self.oldest = post.core.id;
        self.n += 1;
        tweet(
            h,
            &text,
            &refs,
            matches!(post.link, Link::Retweet(_)),
            &mut self.data,
        );
        self.user(text.author);
        for m in &text.mentions {
            self.user(m.who);
        }
        if !matches!(post.link, Link::Retweet(_)) && text.media.is_some() {
            if !self.media.is_empty() {
                self.media.extend_from_slice(b", ");
            }
            media_include(&text, &mut self.media);
        }
        match &post.link {
            Link::None => {}
            Link::SelfParent(p) => {
                let parent = if i > 0 && list[i - 1].core.id == p.id {
                    Some(&list[i - 1])
                } else {
                    None
                };
                let refs = match parent {
                    Some(pp) => post_refs(h, pp),
                    None => original_refs(p.id),
                };
                self.include_tweet(h, &r.core(p), &refs);
            }
            Link::ActorParent(p) => self.include_tweet(h, &r.core(p), &original_refs(p.id)),
            Link::Comment(c) => self.include_tweet(h, &r.audience(c), &audience_refs(h, c)),
            Link::Retweet(t) | Link::Quote(t) => {
                let refs = match t {
                    Target::Actor(c) => original_refs(c.id),
                    Target::Audience(a) => audience_refs(h, a),
                };
                self.include_tweet(h, &r.target(t), &refs);
            }
        }
    }

    /// Serialises the page as one JSONL line into `out` and empties the page.
    pub fn finish(
        &mut self,
        h: &Harvest<'_, '_, '_>,
        account: usize,
        author_json: &[u8],
        page_index: usize,
        last: bool,
        out: &mut Vec<u8>,
    ) {
        let token = |k: usize| {
            let mut s = String::with_capacity(44);
            let mut x = hash(
                h.world.seed,
                &[0x70C, account as u64, h.month as u64, k as u64],
            );
            for _ in 0..44 {
                s.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(x % 36) as usize] as char);
                x = mix64(x);
            }
            s
        };
        out.extend_from_slice(b"{\"data\": [");
        out.extend_from_slice(&self.data);
        out.extend_from_slice(b"], \"includes\": {\"users\": [");
        let author = Who::Actor(account as u32);
        for (i, who) in self.users.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            if *who == author {
                out.extend_from_slice(author_json);
            } else {
                user_json(h, *who, out);
            }
        }
        out.push(b']');
        if !self.tweets.is_empty() {
            out.extend_from_slice(b", \"tweets\": [");
            out.extend_from_slice(&self.tweets);
            out.push(b']');
        }
        if !self.media.is_empty() {
            out.extend_from_slice(b", \"media\": [");
            out.extend_from_slice(&self.media);
            out.push(b']');
        }
        out.extend_from_slice(b"}, \"meta\": {");
        key(out, "result_count");
        json::uint(out, self.n as u64);
        next_key(out, "newest_id");
        json::uint_str(out, self.newest);
        next_key(out, "oldest_id");
        json::uint_str(out, self.oldest);
        if !last {
            str_field(out, "next_token", &token(page_index + 1));
        }
        out.extend_from_slice(b"}, \"__twarc\": {");
        key(out, "url");
        let month = &h.plan.months[h.month];
        let mut url = Vec::with_capacity(QUERY.len() + 160);
        url.extend_from_slice(b"https://api.twitter.com/2/users/");
        json::uint(&mut url, h.world.accounts[account].id);
        url.extend_from_slice(b"/tweets?");
        url.extend_from_slice(QUERY.as_bytes());
        url.extend_from_slice(b"&start_time=");
        calendar::push_query_time(&mut url, month.start_day * calendar::DAY);
        url.extend_from_slice(b"&end_time=");
        calendar::push_query_time(&mut url, month.end_day * calendar::DAY);
        if page_index > 0 {
            url.extend_from_slice(b"&pagination_token=");
            url.extend_from_slice(token(page_index).as_bytes());
        }
        out.push(b'"');
        out.extend_from_slice(&url); // ASCII without quotes or backslashes
        out.push(b'"');
        str_field(out, "version", TWARC_VERSION);
        next_key(out, "retrieved_at");
        out.push(b'"');
        calendar::push_twarc(out, h.at + page_index as i64);
        out.extend_from_slice(b"\"}}\n");
        self.clear();
    }
}

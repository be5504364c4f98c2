//! Writes X API v1.1 tweet objects as a user-timeline harvest would store them (tweepy's
//! `_json`, extended mode): `full_text` with `display_text_range`, `entities` with code-point
//! `indices`, `extended_entities` for media, the author's `user` object as of the harvest,
//! `retweeted_status` / `quoted_status` embedded, and only the counters v1.1 has
//! (`retweet_count`, `favorite_count`; replies and quotes are not available in v1.1).
//!
//! As on X, a retweet's `full_text` is `RT @author: ` plus the original cut to 140 code points,
//! its `retweet_count` is the original's and its `favorite_count` is 0.

use crate::calendar;
use crate::json::{self, bool_field, key, next_key, null_field, str_field, uint_field};
use crate::plan::Plan;
use crate::profile::{image_url, profile, Profile};
use crate::render::{MediaKind, Renderer, Text};
use crate::timeline::{Link, Post};
use crate::world::{Who, World};

/// Collection context of one account-month.
pub(crate) struct Harvest<'a, 'w, 's> {
    pub world: &'a World<'s>,
    pub plan: &'a Plan,
    pub renderer: &'a Renderer<'w, 's>,
    pub month: usize,
    /// Retrieval time (seconds): counters and profiles are as of then.
    pub at: i64,
}

struct ReplyTo {
    status_id: u64,
    user_id: u64,
    handle: String,
}

/// The serialised `user` object of an account at the harvest time.
pub(crate) fn user_json(h: &Harvest<'_, '_, '_>, who: Who, out: &mut Vec<u8>) {
    let p = profile(h.world, h.plan, who, h.at, h.month);
    write_user(&p, out);
}

fn write_user(p: &Profile, out: &mut Vec<u8>) {
    out.push(b'{');
    key(out, "id");
    json::uint(out, p.id);
    next_key(out, "id_str");
    json::uint_str(out, p.id);
    str_field(out, "name", &p.name);
    str_field(out, "screen_name", &p.handle);
    str_field(out, "location", &p.location);
    str_field(out, "description", &p.description);
    null_field(out, "url");
    next_key(out, "entities");
    out.extend_from_slice(b"{\"description\": {\"urls\": []}}");
    bool_field(out, "protected", false);
    uint_field(out, "followers_count", p.followers);
    uint_field(out, "friends_count", p.following);
    uint_field(out, "listed_count", p.listed);
    next_key(out, "created_at");
    out.push(b'"');
    calendar::push_v1(out, p.created_at);
    out.push(b'"');
    uint_field(out, "favourites_count", p.favourites);
    null_field(out, "utc_offset");
    null_field(out, "time_zone");
    bool_field(out, "geo_enabled", false);
    bool_field(out, "verified", p.verified);
    uint_field(out, "statuses_count", p.statuses);
    null_field(out, "lang");
    bool_field(out, "contributors_enabled", false);
    bool_field(out, "is_translator", false);
    bool_field(out, "is_translation_enabled", false);
    str_field(out, "profile_background_color", "F5F8FA");
    null_field(out, "profile_background_image_url");
    null_field(out, "profile_background_image_url_https");
    bool_field(out, "profile_background_tile", false);
    let img = image_url(p);
    str_field(
        out,
        "profile_image_url",
        &img.replacen("https:", "http:", 1),
    );
    str_field(out, "profile_image_url_https", &img);
    str_field(out, "profile_link_color", "1DA1F2");
    str_field(out, "profile_sidebar_border_color", "C0DEED");
    str_field(out, "profile_sidebar_fill_color", "DDEEF6");
    str_field(out, "profile_text_color", "333333");
    bool_field(out, "profile_use_background_image", true);
    bool_field(out, "has_extended_profile", false);
    bool_field(out, "default_profile", true);
    bool_field(out, "default_profile_image", false);
    bool_field(out, "following", false);
    bool_field(out, "follow_request_sent", false);
    bool_field(out, "notifications", false);
    str_field(out, "translator_type", "none");
    next_key(out, "withheld_in_countries");
    out.extend_from_slice(b"[]}");
}

fn indices(out: &mut Vec<u8>, start: u32, end: u32) {
    next_key(out, "indices");
    out.push(b'[');
    json::uint(out, start as u64);
    out.extend_from_slice(b", ");
    json::uint(out, end as u64);
    out.push(b']');
}

fn media_object(h: &Harvest<'_, '_, '_>, t: &Text, out: &mut Vec<u8>, extended: bool) {
    let Some(m) = &t.media else { return };
    let owner = h.renderer.handle(m.owner);
    let (kind, path) = match m.kind {
        MediaKind::Photo => ("photo", "photo"),
        MediaKind::Video => ("video", "video"),
    };
    let media_url = match m.kind {
        MediaKind::Photo => format!("pbs.twimg.com/media/{}.jpg", m.file),
        MediaKind::Video => format!(
            "pbs.twimg.com/ext_tw_video_thumb/{}/pu/img/{}.jpg",
            m.id, m.file
        ),
    };
    out.push(b'{');
    key(out, "id");
    json::uint(out, m.id);
    next_key(out, "id_str");
    json::uint_str(out, m.id);
    indices(out, m.span.start, m.span.end);
    str_field(out, "media_url", &format!("http://{media_url}"));
    str_field(out, "media_url_https", &format!("https://{media_url}"));
    str_field(out, "url", &m.tco);
    str_field(
        out,
        "display_url",
        &format!("pic.twitter.com/{}", &m.tco[13..]),
    );
    str_field(
        out,
        "expanded_url",
        &format!(
            "https://twitter.com/{owner}/status/{}/{path}/1",
            m.status_id
        ),
    );
    str_field(out, "type", kind);
    next_key(out, "sizes");
    let (w, hh) = (m.width as u64, m.height as u64);
    let scale = |max: u64| {
        let f = (max as f64 / w.max(hh) as f64).min(1.0);
        (
            (w as f64 * f).round() as u64,
            (hh as f64 * f).round() as u64,
        )
    };
    let (mw, mh) = scale(1200);
    let (sw, sh) = scale(680);
    out.extend_from_slice(
        b"{\"thumb\": {\"w\": 150, \"h\": 150, \"resize\": \"crop\"}, \"medium\": {\"w\": ",
    );
    json::uint(out, mw);
    out.extend_from_slice(b", \"h\": ");
    json::uint(out, mh);
    out.extend_from_slice(b", \"resize\": \"fit\"}, \"small\": {\"w\": ");
    json::uint(out, sw);
    out.extend_from_slice(b", \"h\": ");
    json::uint(out, sh);
    out.extend_from_slice(b", \"resize\": \"fit\"}, \"large\": {\"w\": ");
    json::uint(out, w);
    out.extend_from_slice(b", \"h\": ");
    json::uint(out, hh);
    out.extend_from_slice(b", \"resize\": \"fit\"}}");
    if extended && m.kind == MediaKind::Video {
        next_key(out, "video_info");
        out.extend_from_slice(b"{\"aspect_ratio\": [");
        let g = gcd(w, hh).max(1);
        json::uint(out, w / g);
        out.extend_from_slice(b", ");
        json::uint(out, hh / g);
        out.extend_from_slice(b"], \"duration_millis\": ");
        json::uint(out, m.duration_ms);
        out.extend_from_slice(
            b", \"variants\": [{\"bitrate\": 832000, \"content_type\": \"video/mp4\", \"url\": ",
        );
        json::string(
            out,
            &format!(
                "https://video.twimg.com/ext_tw_video/{}/pu/vid/640x360/{}.mp4",
                m.id, m.file
            ),
        );
        out.extend_from_slice(b"}]}");
    }
    out.push(b'}');
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn entities(h: &Harvest<'_, '_, '_>, t: &Text, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"hashtags\": [");
    for (i, s) in t.hashtags.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        out.push(b'{');
        key(out, "text");
        json::string(out, t.tag(s));
        indices(out, s.start, s.end);
        out.push(b'}');
    }
    out.extend_from_slice(b"], \"symbols\": [], \"user_mentions\": [");
    for (i, m) in t.mentions.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        let p = profile(h.world, h.plan, m.who, h.at, h.month);
        out.push(b'{');
        key(out, "screen_name");
        json::string(out, &p.handle);
        str_field(out, "name", &p.name);
        uint_field(out, "id", p.id);
        next_key(out, "id_str");
        json::uint_str(out, p.id);
        indices(out, m.span.start, m.span.end);
        out.push(b'}');
    }
    out.extend_from_slice(b"], \"urls\": [");
    for (i, u) in t.urls.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        out.push(b'{');
        key(out, "url");
        json::string(out, &u.tco);
        str_field(out, "expanded_url", &u.expanded);
        str_field(out, "display_url", &u.display);
        indices(out, u.span.start, u.span.end);
        out.push(b'}');
    }
    out.push(b']');
    if t.media.is_some() {
        next_key(out, "media");
        out.push(b'[');
        media_object(h, t, out, false);
        out.push(b']');
    }
    out.push(b'}');
}

/// Writes one tweet object. `retweeted`/`quoted` are embedded; `author_json` is the author's
/// pre-serialised user object when the caller has it.
fn tweet(
    h: &Harvest<'_, '_, '_>,
    t: &Text,
    reply: Option<&ReplyTo>,
    retweeted: Option<&Text>,
    quoted: Option<&Text>,
    author_json: Option<&[u8]>,
    out: &mut Vec<u8>,
) {
    out.push(b'{');
    key(out, "created_at");
    out.push(b'"');
    calendar::push_v1(out, t.t);
    out.push(b'"');
    uint_field(out, "id", t.id);
    next_key(out, "id_str");
    json::uint_str(out, t.id);
    str_field(out, "full_text", &t.text);
    bool_field(out, "truncated", false);
    next_key(out, "display_text_range");
    out.push(b'[');
    json::uint(out, t.display_start as u64);
    out.extend_from_slice(b", ");
    // A trailing media link is not part of the displayed text.
    let display_end = match (&t.media, retweeted) {
        (Some(m), None) if m.span.end == t.cps => m.span.start.saturating_sub(1),
        _ => t.cps,
    };
    json::uint(out, display_end as u64);
    out.push(b']');
    next_key(out, "entities");
    entities(h, t, out);
    if t.media.is_some() {
        next_key(out, "extended_entities");
        out.extend_from_slice(b"{\"media\": [");
        media_object(h, t, out, true);
        out.extend_from_slice(b"]}");
    }
    next_key(out, "source");
    json::string(
        out,
        &format!(
            "<a href=\"{}\" rel=\"nofollow\">{}</a>",
            t.source.href, t.source.label
        ),
    );
    match reply {
        Some(r) => {
            uint_field(out, "in_reply_to_status_id", r.status_id);
            next_key(out, "in_reply_to_status_id_str");
            json::uint_str(out, r.status_id);
            uint_field(out, "in_reply_to_user_id", r.user_id);
            next_key(out, "in_reply_to_user_id_str");
            json::uint_str(out, r.user_id);
            str_field(out, "in_reply_to_screen_name", &r.handle);
        }
        None => {
            null_field(out, "in_reply_to_status_id");
            null_field(out, "in_reply_to_status_id_str");
            null_field(out, "in_reply_to_user_id");
            null_field(out, "in_reply_to_user_id_str");
            null_field(out, "in_reply_to_screen_name");
        }
    }
    next_key(out, "user");
    match author_json {
        Some(j) => out.extend_from_slice(j),
        None => user_json(h, t.author, out),
    }
    null_field(out, "geo");
    null_field(out, "coordinates");
    null_field(out, "place");
    null_field(out, "contributors");
    if let Some(rt) = retweeted {
        next_key(out, "retweeted_status");
        tweet(h, rt, None, None, None, None, out);
    }
    bool_field(out, "is_quote_status", quoted.is_some());
    if let Some(q) = quoted {
        uint_field(out, "quoted_status_id", q.id);
        next_key(out, "quoted_status_id_str");
        json::uint_str(out, q.id);
        if let Some(u) = t.urls.last() {
            next_key(out, "quoted_status_permalink");
            out.push(b'{');
            key(out, "url");
            json::string(out, &u.tco);
            str_field(out, "expanded", &u.expanded);
            str_field(out, "display", &u.display);
            out.push(b'}');
        }
        next_key(out, "quoted_status");
        tweet(h, q, None, None, None, None, out);
    }
    // v1.1 has no reply or quote counts; a retweet carries the original's retweet count.
    let (retweets, likes) = match retweeted {
        Some(rt) => (rt.counters.retweets, 0),
        None => (t.counters.retweets, t.counters.likes),
    };
    uint_field(out, "retweet_count", retweets);
    uint_field(out, "favorite_count", likes);
    bool_field(out, "favorited", false);
    bool_field(out, "retweeted", false);
    if t.media.is_some() || !t.urls.is_empty() {
        bool_field(out, "possibly_sensitive", false);
    }
    str_field(out, "lang", t.lang.code());
    out.push(b'}');
}

/// Writes the v1.1 object of one timeline post.
pub(crate) fn write_post(
    h: &Harvest<'_, '_, '_>,
    post: &Post,
    author_json: &[u8],
    out: &mut Vec<u8>,
) {
    let r = h.renderer;
    let text = r.post(post);
    match &post.link {
        Link::Retweet(target) => {
            let original = r.target(target);
            tweet(
                h,
                &text,
                None,
                Some(&original),
                None,
                Some(author_json),
                out,
            );
        }
        Link::Quote(target) => {
            let quoted = r.target(target);
            tweet(h, &text, None, None, Some(&quoted), Some(author_json), out);
        }
        Link::SelfParent(p) => {
            let reply = ReplyTo {
                status_id: p.id,
                user_id: h.world.accounts[p.account as usize].id,
                handle: h.world.accounts[p.account as usize].spec.handle.clone(),
            };
            tweet(h, &text, Some(&reply), None, None, Some(author_json), out);
        }
        Link::ActorParent(p) => {
            let reply = ReplyTo {
                status_id: p.id,
                user_id: h.world.accounts[p.account as usize].id,
                handle: h.world.accounts[p.account as usize].spec.handle.clone(),
            };
            tweet(h, &text, Some(&reply), None, None, Some(author_json), out);
        }
        Link::Comment(c) => {
            let p = profile(h.world, h.plan, c.who, h.at, h.month);
            let reply = ReplyTo {
                status_id: c.id,
                user_id: p.id,
                handle: p.handle,
            };
            tweet(h, &text, Some(&reply), None, None, Some(author_json), out);
        }
        Link::None => tweet(h, &text, None, None, None, Some(author_json), out),
    }
}

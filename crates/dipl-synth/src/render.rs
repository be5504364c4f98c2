//! Turns a generated post into text with entities and engagement counters.
//!
//! Entities are recorded while the text is built, with code-point indices (what X puts in
//! `indices` and `start`/`end`) and byte offsets (to slice the Rust string). Rendering is a
//! pure function of the post (its seed, account, time and links), so an original rendered in
//! its author's timeline and inside another account's retweet is the same text with the same
//! counters.

use rand_chacha::ChaCha8Rng;

mod long;
pub(crate) use long::{fb_reactions, tg_reactions, FB_REACTIONS, TG_REACTIONS};

use crate::calendar::DAY;
use crate::detmath::{self, below, hash, uniform, unit};
use crate::lexicon::{self, city_name, lexicon, place_name};
use crate::scenario::{Lang, Theme};
use crate::timeline::{AudienceTweet, Core, Kind, Link, Post, RefCounts, Target};
use crate::world::{snowflake, Who, World};

/// A range of the text: code points `[start, end)` and bytes `[b0, b1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: u32,
    pub end: u32,
    pub b0: u32,
    pub b1: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MentionEnt {
    pub span: Span,
    pub who: Who,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlEnt {
    pub span: Span,
    pub tco: String,
    pub expanded: String,
    pub display: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MediaKind {
    Photo,
    Video,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MediaEnt {
    pub span: Span,
    /// The status the media was uploaded with, and its author (for `expanded_url`).
    pub status_id: u64,
    pub owner: Who,
    pub tco: String,
    pub id: u64,
    pub kind: MediaKind,
    pub width: u32,
    pub height: u32,
    /// File name stem under pbs.twimg.com/media/.
    pub file: String,
    pub duration_ms: u64,
    pub views: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Counters {
    pub likes: u64,
    pub retweets: u64,
    pub replies: u64,
    pub quotes: u64,
    pub impressions: Option<u64>,
}

/// Where a post was written from (v1 wraps it in an HTML link, v2 gives the label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Source {
    pub label: &'static str,
    pub href: &'static str,
}

const SOURCES: [Source; 6] = [
    Source {
        label: "Twitter Web App",
        href: "https://mobile.twitter.com",
    },
    Source {
        label: "TweetDeck Web App",
        href: "https://tweetdeck.twitter.com",
    },
    Source {
        label: "Twitter for iPhone",
        href: "http://twitter.com/download/iphone",
    },
    Source {
        label: "Twitter for Android",
        href: "http://twitter.com/download/android",
    },
    Source {
        label: "Hootsuite Inc.",
        href: "https://www.hootsuite.com",
    },
    Source {
        label: "Twitter for iPad",
        href: "http://twitter.com/download/ipad",
    },
];

/// A rendered tweet: text, entities, counters and the facts writers need.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text {
    pub id: u64,
    pub author: Who,
    pub t: i64,
    pub text: String,
    pub cps: u32,
    pub lang: Lang,
    pub hashtags: Vec<Span>,
    pub mentions: Vec<MentionEnt>,
    pub urls: Vec<UrlEnt>,
    pub media: Option<MediaEnt>,
    /// First code point of the displayed text (after a reply's leading `@handle `).
    pub display_start: u32,
    pub counters: Counters,
    pub source: Source,
    /// A headline set in bold (Telegram channel posts).
    pub bold: Option<Span>,
}

impl Text {
    fn new(id: u64, author: Who, t: i64, lang: Lang) -> Text {
        Text {
            id,
            author,
            t,
            text: String::with_capacity(320),
            cps: 0,
            lang,
            hashtags: Vec::new(),
            mentions: Vec::new(),
            urls: Vec::new(),
            media: None,
            display_start: 0,
            counters: Counters::default(),
            source: SOURCES[0],
            bold: None,
        }
    }

    /// A text without words (service messages).
    pub fn empty() -> Text {
        Text::new(0, Who::Actor(0), 0, Lang::En)
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.cps += s.chars().count() as u32;
    }

    fn push_char(&mut self, c: char) {
        self.text.push(c);
        self.cps += 1;
    }

    fn mark(&self) -> (u32, u32) {
        (self.cps, self.text.len() as u32)
    }

    fn span_from(&self, (start, b0): (u32, u32)) -> Span {
        Span {
            start,
            end: self.cps,
            b0,
            b1: self.text.len() as u32,
        }
    }

    fn push_tag(&mut self, tag: &str) {
        let m = self.mark();
        self.push_char('#');
        self.push(tag);
        let span = self.span_from(m);
        self.hashtags.push(span);
    }

    fn push_mention(&mut self, who: Who, handle: &str) {
        let m = self.mark();
        self.push_char('@');
        self.push(handle);
        let span = self.span_from(m);
        self.mentions.push(MentionEnt { span, who });
    }

    fn push_url(&mut self, tco: String, expanded: String, display: String) {
        let m = self.mark();
        self.push(&tco);
        let span = self.span_from(m);
        self.urls.push(UrlEnt {
            span,
            tco,
            expanded,
            display,
        });
    }

    /// The hashtag's text without `#`.
    pub fn tag(&self, s: &Span) -> &str {
        &self.text[s.b0 as usize + 1..s.b1 as usize]
    }

    /// The text a retweet of this tweet by `handle` shows: `RT @handle: ` and the text, cut at a
    /// word boundary with `…` when longer than 140 code points (as X does); entities that do not
    /// fit are dropped.
    pub fn retweet_text(&self, id: u64, author: Who, t: i64, handle: &str) -> Text {
        let mut rt = Text::new(id, author, t, self.lang);
        rt.push("RT ");
        rt.push_mention(self.author, handle);
        rt.push(": ");
        let prefix_cps = rt.cps;
        let prefix_bytes = rt.text.len() as u32;
        let (cut_cps, cut_bytes, truncated) = if prefix_cps + self.cps <= 140 {
            (self.cps, self.text.len() as u32, false)
        } else {
            let limit = 139 - prefix_cps; // room for the ellipsis
            let mut last_space = None;
            for (n, (b, c)) in self.text.char_indices().enumerate() {
                if n as u32 > limit {
                    break;
                }
                if c == ' ' {
                    last_space = Some((n as u32, b as u32));
                }
            }
            let (n, b) = last_space.unwrap_or_else(|| {
                let b = self
                    .text
                    .char_indices()
                    .nth(limit as usize)
                    .map_or(self.text.len(), |(b, _)| b);
                (limit, b as u32)
            });
            (n, b, true)
        };
        rt.push(&self.text[..cut_bytes as usize]);
        if truncated {
            rt.push_char('…');
        }
        let shift = |s: &Span| Span {
            start: s.start + prefix_cps,
            end: s.end + prefix_cps,
            b0: s.b0 + prefix_bytes,
            b1: s.b1 + prefix_bytes,
        };
        rt.hashtags
            .extend(self.hashtags.iter().filter(|s| s.end <= cut_cps).map(shift));
        rt.mentions.extend(
            self.mentions
                .iter()
                .filter(|m| m.span.end <= cut_cps)
                .map(|m| MentionEnt {
                    span: shift(&m.span),
                    who: m.who,
                }),
        );
        rt.urls.extend(
            self.urls
                .iter()
                .filter(|u| u.span.end <= cut_cps)
                .map(|u| UrlEnt {
                    span: shift(&u.span),
                    tco: u.tco.clone(),
                    expanded: u.expanded.clone(),
                    display: u.display.clone(),
                }),
        );
        if let Some(m) = &self.media {
            if m.span.end <= cut_cps {
                rt.media = Some(MediaEnt {
                    span: shift(&m.span),
                    ..m.clone()
                });
            }
        }
        rt
    }
}

const TCO_CHARS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn base62(mut h: u64, len: usize) -> String {
    let mut s = String::with_capacity(len);
    for _ in 0..len {
        s.push(TCO_CHARS[(h % 62) as usize] as char);
        h = detmath::mix64(h);
    }
    s
}

fn tco(h: u64) -> String {
    let mut s = String::with_capacity(23);
    s.push_str("https://t.co/");
    s.push_str(&base62(h, 10));
    s
}

fn is_cyrillic(tag: &str) -> bool {
    tag.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c))
}

/// Regional-indicator flag of an ISO3 country (`🇩🇪`), if it has an alpha-2 code.
fn flag(iso3: &str) -> Option<String> {
    let i = dipl_model::COUNTRIES
        .binary_search_by(|(a3, _, _)| (*a3).cmp(iso3))
        .ok()?;
    let a2 = dipl_model::COUNTRIES[i].1;
    a2.chars()
        .map(|c| char::from_u32(0x1F1E6 + (c as u32).checked_sub('A' as u32)?))
        .collect()
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &'a [&'a str]) -> &'a str {
    items[below(rng, items.len())]
}

/// Values of the placeholders of one post.
struct Vars<'a> {
    own: &'a str,
    partner: &'a str,
    city: &'a str,
    event: &'a str,
    topic: &'a str,
    n: u32,
}

fn expand(out: &mut Text, template: &str, v: &Vars<'_>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push(&rest[open..]);
            return;
        };
        let name = &rest[open + 1..open + close];
        match name {
            "own" => out.push(v.own),
            "partner" => out.push(v.partner),
            "city" => out.push(v.city),
            "event" => out.push(v.event),
            "topic" => out.push(v.topic),
            "n" => out.push(&v.n.to_string()),
            other => out.push(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push(rest);
}

/// Expands a sentence template and capitalises its first letter (templates may start with a
/// placeholder such as `{partner}` = "the Netherlands").
fn expand_sentence(out: &mut Text, template: &str, v: &Vars<'_>) {
    let start = out.text.len();
    expand(out, template, v);
    if let Some(c) = out.text[start..].chars().next() {
        let mut upper = c.to_uppercase();
        if let (Some(u), None) = (upper.next(), upper.next()) {
            if u != c && u.len_utf8() == c.len_utf8() {
                let mut buf = [0u8; 4];
                out.text
                    .replace_range(start..start + c.len_utf8(), u.encode_utf8(&mut buf));
            }
        }
    }
}

fn expanded_len(template: &str, v: &Vars<'_>) -> u32 {
    let mut probe = Text::new(0, Who::Actor(0), 0, Lang::En);
    expand(&mut probe, template, v);
    probe.cps
}

/// Which comment template a citizen's tweet uses (stateless, so the reply can answer it).
fn comment_index(t: &AudienceTweet, lang: Lang) -> usize {
    (hash(t.seed, &[0xC0]) % lexicon(lang).comments.len() as u64) as usize
}

const NUMBERS: [u32; 12] = [5, 6, 7, 8, 9, 10, 12, 15, 18, 20, 25, 40];
const MAX_CPS: u32 = 280;

pub(crate) struct Renderer<'w, 's> {
    pub world: &'w World<'s>,
    /// In-corpus references: counters are never below what the corpus itself shows.
    refs: &'w RefCounts,
}

impl<'w, 's> Renderer<'w, 's> {
    pub fn new(world: &'w World<'s>, refs: &'w RefCounts) -> Renderer<'w, 's> {
        Renderer { world, refs }
    }

    fn at_least_seen(&self, id: u64, c: &mut Counters) {
        if let Some(r) = self.refs.get(&id) {
            c.retweets = c.retweets.max(r.retweets);
            c.quotes = c.quotes.max(r.quotes);
            c.replies = c.replies.max(r.replies);
        }
    }

    /// The handle of any account.
    pub fn handle(&self, who: Who) -> String {
        match who {
            Who::Actor(a) => self.world.accounts[a as usize].spec.handle.clone(),
            _ => self.world.audience(who).handle,
        }
    }

    fn weighted_lang(&self, a: usize, h: u64) -> Lang {
        let acct = &self.world.accounts[a];
        let mut x = (unit(h) * acct.lang_total as f64) as u32;
        for &(lang, w) in &acct.lang_weights {
            if x < w {
                return lang;
            }
            x -= w;
        }
        acct.lang_weights.last().map_or(Lang::En, |l| l.0)
    }

    /// Language of an actor post (also used to pick the language of comments on it).
    pub(crate) fn post_lang(&self, core: &Core) -> Lang {
        self.weighted_lang(core.account as usize, hash(core.lang_seed, &[0x1A]))
    }

    fn comment_lang(&self, c: &AudienceTweet) -> Lang {
        let h = hash(c.seed, &[0x1B]);
        match (c.addressee, unit(h) < 0.55) {
            (Some(a), true) => self.weighted_lang(a as usize, detmath::mix64(h)),
            _ => self.world.audience(c.who).lang,
        }
    }

    fn source(&self, a: usize, h: u64) -> Source {
        let acct = &self.world.accounts[a];
        let habit = hash(self.world.seed, &[0x50, a as u64]);
        let u = unit(h);
        if u < 0.75 {
            // The account's usual tool.
            SOURCES[if acct.is_person {
                2 + (habit % 2) as usize
            } else {
                [0, 1, 4][(habit % 3) as usize]
            }]
        } else {
            SOURCES[(detmath::mix64(h) % SOURCES.len() as u64) as usize]
        }
    }

    fn vars_city(&self, a: usize, lang: Lang, h: u64) -> &'static str {
        let cities = self.world.accounts[a].cities;
        let total: u32 = cities.iter().map(|c| c.1).sum();
        if total == 0 {
            return "";
        }
        let mut x = (h % total as u64) as u32;
        for &(city, w) in cities {
            if x < w {
                return city_name(city, lang);
            }
            x -= w;
        }
        ""
    }

    fn partner_code(&self, a: usize, h: u64) -> &'s str {
        let acct = &self.world.accounts[a];
        if !acct.partner_default.is_empty() {
            return acct.actor.host.as_deref().unwrap_or("");
        }
        let partners = World::partner_codes();
        let mut code = partners[(h % partners.len() as u64) as usize];
        if code == acct.actor.country {
            code = partners[((h >> 20) % partners.len() as u64) as usize];
        }
        if code == acct.actor.country {
            code = if acct.actor.country == "DEU" {
                "FRA"
            } else {
                "DEU"
            };
        }
        code
    }

    fn make_vars(&self, rng: &mut ChaCha8Rng, a: usize, lang: Lang) -> Vars<'static> {
        let acct = &self.world.accounts[a];
        let lx = lexicon(lang);
        let partner_code = self.partner_code(a, rand::Rng::random::<u64>(rng));
        let partner = place_name(partner_code, lang);
        let mut city = self.vars_city(a, lang, rand::Rng::random::<u64>(rng));
        if city.is_empty() {
            city = partner;
        }
        Vars {
            own: place_name(&acct.actor.country, lang),
            partner,
            city,
            event: pick(rng, lx.events),
            topic: pick(rng, lx.topics),
            n: NUMBERS[below(rng, NUMBERS.len())],
        }
    }

    /// A lead sentence the account's kind of actor would write.
    fn pick_lead(&self, rng: &mut ChaCha8Rng, a: usize, lang: Lang) -> &'static str {
        use dipl_model::ActorKind as K;
        let allowed: &[u8] = match self.world.accounts[a].actor.kind {
            K::Embassy | K::Consulate | K::Mission => b"AEI",
            K::Ambassador => b"AE",
            K::Mfa => b"AIM",
            K::HeadOfState
            | K::HeadOfGovernment
            | K::ForeignMinister
            | K::Minister
            | K::Spokesperson => b"AM",
            K::OtherOfficial => b"A",
        };
        let leads = lexicon(lang).leads;
        let fitting: Vec<&'static str> = lexicon::lead_roles(lang)
            .bytes()
            .zip(leads.iter())
            .filter(|(r, _)| allowed.contains(r))
            .map(|(_, l)| *l)
            .collect();
        if fitting.is_empty() {
            pick(rng, leads)
        } else {
            fitting[below(rng, fitting.len())]
        }
    }

    /// Picks an actor account `a` would mention (affine accounts more often).
    fn mention_target(&self, rng: &mut ChaCha8Rng, a: usize) -> Option<usize> {
        // Accounts of the same platform (X accounts come first, so on X this is `0..n_x`).
        let (lo, hi) = self.world.platform_range(a);
        let n = hi - lo;
        if n < 2 {
            return None;
        }
        let mut best: Option<(f64, usize)> = None;
        for _ in 0..4 {
            let b = lo + below(rng, n);
            let s = self.world.affinity(a, b) * (0.5 + uniform(rng));
            if s > 0.0 && best.is_none_or(|(x, _)| s > x) {
                best = Some((s, b));
            }
        }
        best.map(|(_, b)| b)
    }

    fn account_tags(
        &self,
        rng: &mut ChaCha8Rng,
        a: usize,
        lang: Lang,
        n: usize,
        out: &mut Vec<&'s str>,
    ) {
        let tags = &self.world.accounts[a].spec.hashtags;
        let usable: Vec<&'s str> = tags
            .iter()
            .map(|t| t.as_str())
            .filter(|t| lang.is_cyrillic() || !is_cyrillic(t))
            .collect();
        if usable.is_empty() {
            return;
        }
        for _ in 0..n {
            let t = usable[below(rng, usable.len())];
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }

    fn media_for(
        &self,
        rng: &mut ChaCha8Rng,
        core: &Core,
        video_share: f64,
    ) -> (MediaKind, u64, String, u32, u32) {
        let kind = if uniform(rng) < video_share {
            MediaKind::Video
        } else {
            MediaKind::Photo
        };
        let media_id = snowflake(
            core.t_ms - 5_000 - below(rng, 600_000) as i64,
            core.account as u64 % 1021,
            below(rng, 4096) as u64,
        );
        let (w, h) = [
            (1200, 800),
            (2048, 1365),
            (1080, 1080),
            (1280, 720),
            (960, 1280),
        ][below(rng, 5)];
        (
            kind,
            media_id,
            base62(rand::Rng::random::<u64>(rng), 15),
            w,
            h,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn attach_media(
        &self,
        out: &mut Text,
        kind: MediaKind,
        id: u64,
        file: String,
        w: u32,
        h: u32,
        likes: u64,
    ) {
        let m = out.mark();
        let link = tco(hash(id, &[0x7C0]));
        out.push(&link);
        let span = out.span_from(m);
        out.media = Some(MediaEnt {
            span,
            status_id: out.id,
            owner: out.author,
            tco: link,
            id,
            kind,
            width: w,
            height: h,
            file,
            duration_ms: if kind == MediaKind::Video {
                15_000 + hash(id, &[1]) % 150_000
            } else {
                0
            },
            views: if kind == MediaKind::Video {
                likes * 25 + hash(id, &[2]) % 500
            } else {
                0
            },
        });
    }

    fn site(&self, a: usize) -> String {
        let actor = self.world.accounts[a].actor;
        let kind = match actor.kind {
            dipl_model::ActorKind::Embassy => "embassy",
            dipl_model::ActorKind::Mfa => "mfa",
            dipl_model::ActorKind::Mission => "mission",
            _ => "gov",
        };
        let host = actor.host.as_deref().unwrap_or("").to_ascii_lowercase();
        if host.is_empty() {
            format!("{kind}-{}.example", actor.country.to_ascii_lowercase())
        } else {
            format!(
                "{}-{kind}-{host}.example",
                actor.country.to_ascii_lowercase()
            )
        }
    }

    fn link_to_site(&self, a: usize, lang: Lang, t: i64, h: u64) -> (String, String, String) {
        let site = self.site(a);
        let (y, m, _) = crate::calendar::civil_from_days(t.div_euclid(DAY));
        let expanded = format!(
            "https://www.{site}/{}/news/{y}/{m:02}/{}",
            lang.code(),
            1000 + h % 9000
        );
        let display = format!("{site}/{}/news/{y}/…", lang.code());
        (tco(h), expanded, display)
    }

    /// Engagement of an actor's own post, from its id: log-normal around a rate of the
    /// followers at posting, with rare viral outliers; likes ≫ retweets > replies > quotes.
    fn counters(
        &self,
        core: &Core,
        kind: Kind,
        media: Option<MediaKind>,
        campaign: bool,
    ) -> Counters {
        let a = core.account as usize;
        let followers = self.world.followers(a, core.t()) as f64;
        let h = |k: u64| hash(core.seed, &[0xE6, k]);
        let mut rate = match kind {
            Kind::Original => 0.0025,
            Kind::SelfReply => 0.0007,
            Kind::ReplyAudience => 0.00015,
            Kind::ReplyActor => 0.0005,
            Kind::Quote => 0.0012,
            Kind::Retweet => 0.0,
        };
        if self.world.accounts[a].is_person {
            rate *= 1.8;
        }
        match media {
            Some(MediaKind::Photo) => rate *= 1.4,
            Some(MediaKind::Video) => rate *= 2.0,
            None => {}
        }
        if campaign {
            rate *= 1.5;
        }
        let mut noise = detmath::exp(1.0 * detmath::normal_h(h(1)));
        if unit(h(2)) < 0.004 {
            noise *= 10.0 + 60.0 * unit(h(3));
        }
        let likes = followers * rate * noise;
        let retweets = likes * 0.22 * detmath::exp(0.5 * detmath::normal_h(h(4)));
        let replies = likes * 0.06 * detmath::exp(0.6 * detmath::normal_h(h(5)));
        let quotes = likes * 0.015 * detmath::exp(0.7 * detmath::normal_h(h(6)));
        let impressions =
            (followers * 0.3 + likes * 40.0) * detmath::exp(0.3 * detmath::normal_h(h(7)));
        let mut c = Counters {
            likes: likes.floor() as u64,
            retweets: retweets.floor() as u64,
            replies: replies.floor() as u64,
            quotes: quotes.floor() as u64,
            impressions: Some(impressions.floor() as u64),
        };
        self.at_least_seen(core.id, &mut c);
        c
    }

    /// Renders an actor's original or self-thread post from its core alone.
    pub fn core(&self, core: &Core) -> Text {
        let a = core.account as usize;
        let acct = &self.world.accounts[a];
        let lang = self.post_lang(core);
        let lx = lexicon(lang);
        let mut rng = detmath::rng(core.seed, &[0x7E47]);
        let mut out = Text::new(core.id, Who::Actor(core.account), core.t(), lang);
        out.source = self.source(a, hash(core.seed, &[0x50]));
        let vars = self.make_vars(&mut rng, a, lang);

        // Campaign of the day?
        let day = core.t().div_euclid(DAY);
        let mut campaign = None;
        if core.kind == Kind::Original {
            for c in self.world.campaigns_on(a, day) {
                if uniform(&mut rng) < self.world.scenario.campaigns[c as usize].share {
                    campaign = Some(c as usize);
                    break;
                }
            }
        }

        // Entities first, to know how much room the sentences have.
        let mut tags: Vec<&'s str> = Vec::new();
        let mut prefix: Option<String> = None;
        let lead: &str;
        match campaign {
            Some(ci) => {
                let c = &self.world.scenario.campaigns[ci];
                let idx = lexicon::theme_index(c.theme);
                let themed = if lx.themes[idx].is_empty() {
                    lexicon(Lang::En).themes[idx]
                } else {
                    lx.themes[idx]
                };
                if lx.themes[idx].is_empty() {
                    // This language has no text for the theme: the post is written in English.
                    out.lang = Lang::En;
                }
                lead = pick(&mut rng, themed);
                tags.extend(c.hashtags.iter().map(|t| t.as_str()));
                tags.extend(
                    c.local_hashtags
                        .iter()
                        .filter(|(l, _)| *l == out.lang)
                        .map(|(_, t)| t.as_str()),
                );
                prefix = match c.theme {
                    Theme::EuropeDay => Some("🇪🇺".to_string()),
                    Theme::Idahot => Some("🏳️‍🌈".to_string()),
                    Theme::NationalDay => flag(&acct.actor.country),
                    _ => None,
                };
            }
            None => {
                lead = if core.kind == Kind::SelfReply {
                    pick(&mut rng, lx.thread)
                } else {
                    self.pick_lead(&mut rng, a, out.lang)
                };
                let n_tags = [0, 1, 1, 2, 2, 3][below(&mut rng, 6)];
                self.account_tags(&mut rng, a, out.lang, n_tags, &mut tags);
                if uniform(&mut rng) < 0.15 {
                    tags.push(lx.tags[below(&mut rng, lx.tags.len())]);
                }
                if core.kind == Kind::SelfReply && uniform(&mut rng) < 0.6 {
                    tags.clear();
                }
            }
        }
        let vars = if out.lang == lang {
            vars
        } else {
            self.make_vars(&mut rng, a, out.lang)
        };
        let lx = lexicon(out.lang);
        let signed = acct.spec.signature.is_some() && uniform(&mut rng) < 0.75;
        let mention_actor = if uniform(&mut rng) < 0.22 {
            self.mention_target(&mut rng, a)
        } else {
            None
        };
        let mention_media = uniform(&mut rng) < 0.04;
        let media_share = if core.kind == Kind::SelfReply {
            acct.spec.media_share * 0.3
        } else {
            acct.spec.media_share
        };
        let has_media = uniform(&mut rng)
            < if campaign.is_some() {
                0.85
            } else {
                media_share
            };
        let has_url = uniform(&mut rng) < acct.spec.url_share * if has_media { 0.4 } else { 1.0 };
        let emoji = if prefix.is_none() && uniform(&mut rng) < 0.15 {
            Some(["🤝", "🎓", "🌍", "📸", "✨", "👏"][below(&mut rng, 6)])
        } else {
            None
        };

        let media_h = self.media_for(&mut rng, core, 0.12);
        let url_h = rand::Rng::random::<u64>(&mut rng);
        let media_outlet = below(&mut rng, self.world.n_media() as usize) as u32;
        let mention_handle = mention_actor.map(|b| self.world.accounts[b].spec.handle.clone());
        let media_handle = if mention_media {
            Some(self.world.audience(Who::Media(media_outlet)).handle)
        } else {
            None
        };

        // Room: thread marker, signature, mentions, hashtags, link, media.
        let thread_marker = if core.thread_len > 1 {
            Some(format!("{}/{}", core.thread_pos + 1, core.thread_len))
        } else {
            None
        };
        let sig_len = |s: &Option<String>| s.as_ref().map_or(0, |x| x.chars().count() as u32 + 1);
        let signature = if signed {
            acct.spec.signature.clone()
        } else {
            None
        };
        loop {
            let reserve = prefix.as_ref().map_or(0, |p| p.chars().count() as u32 + 1)
                + thread_marker.as_ref().map_or(0, |m| m.len() as u32 + 1)
                + sig_len(&signature)
                + emoji.map_or(0, |_| 2)
                + mention_handle.as_ref().map_or(0, |h| h.len() as u32 + 2)
                + media_handle.as_ref().map_or(0, |h| h.len() as u32 + 2)
                + tags
                    .iter()
                    .map(|t| t.chars().count() as u32 + 2)
                    .sum::<u32>()
                + if has_url {
                    lx.more.chars().count() as u32 + 25
                } else {
                    0
                }
                + if has_media { 24 } else { 0 };
            if reserve + expanded_len(lead, &vars) <= MAX_CPS || tags.is_empty() {
                break;
            }
            tags.pop();
        }

        // Now the text.
        if let Some(p) = &prefix {
            out.push(p);
            out.push_char(' ');
        }
        if core.thread_pos > 0 {
            if let Some(m) = &thread_marker {
                out.push(m);
                out.push_char(' ');
            }
        }
        expand_sentence(&mut out, lead, &vars);
        if let Some(e) = emoji {
            out.push_char(' ');
            out.push(e);
        }
        let reserve_after = sig_len(&signature)
            + mention_handle.as_ref().map_or(0, |h| h.len() as u32 + 2)
            + media_handle.as_ref().map_or(0, |h| h.len() as u32 + 2)
            + tags
                .iter()
                .map(|t| t.chars().count() as u32 + 2)
                .sum::<u32>()
            + if has_url {
                lx.more.chars().count() as u32 + 25
            } else {
                0
            }
            + if has_media { 24 } else { 0 }
            + if core.thread_pos == 0 {
                thread_marker.as_ref().map_or(0, |m| m.len() as u32 + 1)
            } else {
                0
            };
        if uniform(&mut rng) < 0.6 {
            let detail = pick(
                &mut rng,
                if core.kind == Kind::SelfReply {
                    lx.thread
                } else {
                    lx.details
                },
            );
            let len = expanded_len(detail, &vars);
            if out.cps + 1 + len + reserve_after <= MAX_CPS && !out.text.contains(detail) {
                out.push_char(' ');
                expand(&mut out, detail, &vars);
            }
        }
        if core.thread_pos == 0 {
            if let Some(m) = &thread_marker {
                out.push_char(' ');
                out.push(m);
            }
        }
        if let Some(s) = &signature {
            out.push_char(' ');
            out.push(s);
        }
        if let (Some(b), Some(h)) = (mention_actor, &mention_handle) {
            out.push_char(' ');
            out.push_mention(Who::Actor(b as u32), h);
        }
        if let Some(h) = &media_handle {
            out.push_char(' ');
            out.push_mention(Who::Media(media_outlet), h);
        }
        for t in &tags {
            out.push_char(' ');
            out.push_tag(t);
        }
        if has_url {
            out.push_char(' ');
            out.push(lx.more);
            out.push_char(' ');
            let (link, expanded, display) = self.link_to_site(a, out.lang, core.t(), url_h);
            out.push_url(link, expanded, display);
        }
        let media_kind = if has_media { Some(media_h.0) } else { None };
        out.counters = self.counters(core, core.kind, media_kind, campaign.is_some());
        if has_media {
            out.push_char(' ');
            let (kind, id, file, w, h) = media_h;
            let likes = out.counters.likes;
            self.attach_media(&mut out, kind, id, file, w, h, likes);
        }
        out
    }

    /// Renders a post of an account's timeline (any kind).
    pub fn post(&self, post: &Post) -> Text {
        let core = &post.core;
        let a = core.account as usize;
        match (core.kind, &post.link) {
            (Kind::Original | Kind::SelfReply, _) => self.core(core),
            (Kind::Retweet, Link::Retweet(target)) => {
                let original = self.target(target);
                let handle = self.handle(original.author);
                let mut rt =
                    original.retweet_text(core.id, Who::Actor(core.account), core.t(), &handle);
                rt.source = self.source(a, hash(core.seed, &[0x50]));
                // On X a retweet shows the original's retweet count and nothing else.
                rt.counters = Counters {
                    retweets: original.counters.retweets,
                    ..Counters::default()
                };
                rt
            }
            (Kind::Quote, Link::Quote(target)) => {
                let quoted = self.target_ref(target);
                self.quote(core, quoted)
            }
            (Kind::ReplyAudience, Link::Comment(c)) => {
                let comment_lang = self.comment_lang(c);
                let acct = &self.world.accounts[a];
                let lang = if acct.lang_weights.iter().any(|(l, _)| *l == comment_lang) {
                    comment_lang
                } else {
                    self.post_lang(core)
                };
                let c_lang = self.comment_lang(c);
                let class = lexicon::comment_class(c_lang, comment_index(c, c_lang));
                self.reply(core, c.who, lang, Some(class))
            }
            (Kind::ReplyActor, Link::ActorParent(p)) => {
                let lang = self.post_lang(core);
                self.reply(core, Who::Actor(p.account), lang, None)
            }
            // Kinds and links always agree (the generator sets both); render defensively.
            _ => self.core(core),
        }
    }

    fn target_ref(&self, target: &Target) -> (u64, Who) {
        match target {
            Target::Actor(c) => (c.id, Who::Actor(c.account)),
            Target::Audience(t) => (t.id, t.who),
        }
    }

    /// Renders a referenced post (a retweeted or quoted one).
    pub fn target(&self, target: &Target) -> Text {
        match target {
            Target::Actor(c) => self.core(c),
            Target::Audience(t) => self.audience(t),
        }
    }

    fn reply(&self, core: &Core, to: Who, lang: Lang, answering: Option<u8>) -> Text {
        let to_actor = answering.is_none();
        let a = core.account as usize;
        let lx = lexicon(lang);
        let mut rng = detmath::rng(core.seed, &[0x7E48]);
        let mut out = Text::new(core.id, Who::Actor(core.account), core.t(), lang);
        out.source = self.source(a, hash(core.seed, &[0x50]));
        let vars = self.make_vars(&mut rng, a, lang);
        let handle = self.handle(to);
        out.push_mention(to, &handle);
        out.push_char(' ');
        out.display_start = out.cps;
        let body = match answering {
            None => pick(&mut rng, lx.actor_replies),
            Some(class) => {
                // Answer what was asked, when this language has such an answer.
                let fitting: Vec<&str> = (0..lx.replies.len())
                    .filter(|&i| lexicon::reply_class(lang, i) == class)
                    .map(|i| lx.replies[i])
                    .collect();
                if fitting.is_empty() {
                    pick(&mut rng, lx.replies)
                } else {
                    fitting[below(&mut rng, fitting.len())]
                }
            }
        };
        expand(&mut out, body, &vars);
        if let Some(sig) = &self.world.accounts[a].spec.signature {
            if uniform(&mut rng) < 0.75 {
                out.push_char(' ');
                out.push(sig);
            }
        }
        if !to_actor
            && uniform(&mut rng) < 0.25
            && out.cps + lx.more.chars().count() as u32 + 25 <= MAX_CPS
        {
            out.push_char(' ');
            out.push(lx.more);
            out.push_char(' ');
            let (link, expanded, display) =
                self.link_to_site(a, lang, core.t(), rand::Rng::random::<u64>(&mut rng));
            out.push_url(link, expanded, display);
        }
        if to_actor && uniform(&mut rng) < 0.3 {
            let mut tags = Vec::new();
            self.account_tags(&mut rng, a, lang, 1, &mut tags);
            for t in tags {
                out.push_char(' ');
                out.push_tag(t);
            }
        }
        let kind = if to_actor {
            Kind::ReplyActor
        } else {
            Kind::ReplyAudience
        };
        out.counters = self.counters(core, kind, None, false);
        out
    }

    fn quote(&self, core: &Core, (quoted_id, quoted_author): (u64, Who)) -> Text {
        let a = core.account as usize;
        let lang = self.post_lang(core);
        let lx = lexicon(lang);
        let mut rng = detmath::rng(core.seed, &[0x7E49]);
        let mut out = Text::new(core.id, Who::Actor(core.account), core.t(), lang);
        out.source = self.source(a, hash(core.seed, &[0x50]));
        let vars = self.make_vars(&mut rng, a, lang);
        expand(&mut out, pick(&mut rng, lx.quotes), &vars);
        if uniform(&mut rng) < 0.5 {
            let detail = pick(&mut rng, lx.details);
            out.push_char(' ');
            expand(&mut out, detail, &vars);
        }
        if let Some(sig) = &self.world.accounts[a].spec.signature {
            if uniform(&mut rng) < 0.75 {
                out.push_char(' ');
                out.push(sig);
            }
        }
        let mut tags = Vec::new();
        let n_tags = below(&mut rng, 3);
        self.account_tags(&mut rng, a, lang, n_tags, &mut tags);
        for t in tags {
            out.push_char(' ');
            out.push_tag(t);
        }
        let quoted_handle = self.handle(quoted_author);
        out.push_char(' ');
        out.push_url(
            tco(hash(core.id, &[0x9707])),
            format!("https://twitter.com/{quoted_handle}/status/{quoted_id}"),
            format!("twitter.com/{quoted_handle}/st…"),
        );
        out.counters = self.counters(core, Kind::Quote, None, false);
        out
    }

    /// Renders an audience tweet: a media post, a citizen's post or a citizen's comment.
    pub fn audience(&self, t: &AudienceTweet) -> Text {
        let acc = self.world.audience(t.who);
        let mut rng = detmath::rng(t.seed, &[0x7E4A]);
        let secs = t.t_ms.div_euclid(1000);
        let h = |k: u64| hash(t.seed, &[0xE7, k]);
        match t.who {
            Who::Media(_) => {
                let lang = acc.lang;
                let lx = lexicon(lang);
                let mut out = Text::new(t.id, t.who, secs, lang);
                out.source = SOURCES[4];
                let partners = World::partner_codes();
                let vars = Vars {
                    own: place_name(partners[below(&mut rng, partners.len())], lang),
                    partner: place_name("KAZ", lang),
                    city: city_name(lexicon::City::Astana, lang),
                    event: pick(&mut rng, lx.events),
                    topic: pick(&mut rng, lx.topics),
                    n: NUMBERS[below(&mut rng, NUMBERS.len())],
                };
                expand_sentence(&mut out, pick(&mut rng, lx.news), &vars);
                if uniform(&mut rng) < 0.4 {
                    out.push_char(' ');
                    out.push_tag(pick(&mut rng, lx.tags));
                }
                out.push_char(' ');
                let (y, m, _) = crate::calendar::civil_from_days(secs.div_euclid(DAY));
                let site = acc.handle.to_ascii_lowercase().replace('_', "");
                out.push_url(
                    tco(h(1)),
                    format!(
                        "https://www.{site}.example/{y}/{m:02}/{}",
                        10_000 + h(2) % 90_000
                    ),
                    format!("{site}.example/{y}/{m:02}/…"),
                );
                let followers = acc.followers as f64;
                let likes = followers * 0.0015 * detmath::exp(detmath::normal_h(h(3)));
                out.counters = Counters {
                    likes: likes.floor() as u64,
                    retweets: (likes * 0.3).floor() as u64 + 1,
                    replies: (likes * 0.05).floor() as u64,
                    quotes: (likes * 0.02).floor() as u64,
                    impressions: Some((followers * 0.2 + likes * 30.0).floor() as u64),
                };
                self.at_least_seen(t.id, &mut out.counters);
                out
            }
            _ => {
                let lang = self.comment_lang(t);
                let lx = lexicon(lang);
                let mut out = Text::new(t.id, t.who, secs, lang);
                out.source = SOURCES[2 + (h(4) % 2) as usize];
                if let Some(a) = t.addressee {
                    let handle = &self.world.accounts[a as usize].spec.handle;
                    out.push_mention(Who::Actor(a), handle);
                    out.push_char(' ');
                    if t.reply_to.is_some() {
                        out.display_start = out.cps;
                    }
                }
                let a = t.addressee.unwrap_or(0) as usize;
                let mut city = self.vars_city(a, lang, h(5));
                if city.is_empty() {
                    city = city_name(lexicon::City::Almaty, lang);
                }
                let vars = Vars {
                    own: "",
                    partner: "",
                    city,
                    event: "",
                    topic: "",
                    n: 0,
                };
                expand(&mut out, lx.comments[comment_index(t, lang)], &vars);
                if uniform(&mut rng) < 0.1 {
                    out.push(" 🙏");
                }
                out.counters = Counters {
                    likes: h(6) % 4,
                    retweets: u64::from(h(7) % 10 == 0),
                    replies: h(8) % 2,
                    quotes: 0,
                    impressions: Some(20 + h(9) % 400),
                };
                self.at_least_seen(t.id, &mut out.counters);
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retweet_text_is_cut_at_a_word_boundary_like_x() {
        // "#Start " (7 code points), 20 × "abcdefghi " (200), "#End" (4): 211 code points.
        let mut t = Text::new(1, Who::Actor(0), 0, Lang::En);
        t.push_tag("Start");
        t.push(" ");
        for _ in 0..20 {
            t.push("abcdefghi ");
        }
        t.push_tag("End");
        assert_eq!(t.cps, 211);
        // "RT @abc: " is 9 code points, so 130 are left before the ellipsis. Spaces sit at 6, 16,
        // 26 … 126, 136: the cut is at 126, the text 9 + 126 + 1 = 136 code points long.
        let rt = t.retweet_text(2, Who::Actor(1), 0, "abc");
        assert_eq!(rt.cps, 136);
        assert!(rt.text.starts_with("RT @abc: #Start abcdefghi "));
        assert!(rt.text.ends_with("abcdefghi…"));
        assert_eq!(rt.mentions.len(), 1);
        assert_eq!((rt.mentions[0].span.start, rt.mentions[0].span.end), (3, 7));
        assert_eq!(rt.hashtags.len(), 1, "#End does not fit");
        assert_eq!((rt.hashtags[0].start, rt.hashtags[0].end), (9, 15));
        assert_eq!(rt.tag(&rt.hashtags[0]), "Start");

        // Short texts are kept whole.
        let mut short = Text::new(3, Who::Actor(0), 0, Lang::Ru);
        short.push("Привет 🇰🇿 ");
        short.push_tag("Астана");
        let rt = short.retweet_text(4, Who::Actor(1), 0, "abc");
        assert_eq!(rt.text, "RT @abc: Привет 🇰🇿 #Астана");
        // "Привет " 7 + flag 2 + space 1 = 10 code points before the tag, shifted by 9.
        assert_eq!((rt.hashtags[0].start, rt.hashtags[0].end), (19, 26));
    }

    #[test]
    fn sentences_start_with_a_capital() {
        let vars = Vars {
            own: "",
            partner: "the Netherlands",
            city: "",
            event: "",
            topic: "",
            n: 0,
        };
        let mut t = Text::new(1, Who::Actor(0), 0, Lang::En);
        expand_sentence(&mut t, "{partner} and friends", &vars);
        assert_eq!(t.text, "The Netherlands and friends");
        assert_eq!(flag("DEU").as_deref(), Some("🇩🇪"));
    }
}

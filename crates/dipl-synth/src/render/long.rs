//! Posts of Facebook pages, VK communities and Telegram channels: longer texts than on X (a
//! headline, one or two more sentences, a line of hashtags, a link written out), media as
//! attachments rather than links, engagement as the platform counts it (reactions by type,
//! shares or forwards, views), and the comments of comment sections.

use dipl_model::Platform;

use super::*;
use crate::comments::{talk, Comment, Role, Tpl};
use crate::plan::apportion;

/// Facebook's reaction types, in the order the Graph API aliases and CrowdTangle columns use.
pub(crate) const FB_REACTIONS: [&str; 7] = ["LIKE", "LOVE", "CARE", "HAHA", "WOW", "SAD", "ANGRY"];
const FB_WEIGHTS: [f64; 7] = [0.72, 0.14, 0.04, 0.02, 0.03, 0.03, 0.02];

/// Telegram reactions channels commonly allow (as the API spells them: a plain heart).
pub(crate) const TG_REACTIONS: [&str; 7] = ["👍", "❤", "🔥", "👏", "🙏", "🎉", "😢"];
const TG_WEIGHTS: [f64; 7] = [0.45, 0.2, 0.12, 0.12, 0.05, 0.04, 0.02];

/// Splits `total` over reaction types with noisy weights (exact sum, deterministic).
pub(crate) fn split_reactions(total: u64, weights: &[f64; 7], h: u64) -> [u64; 7] {
    let noisy: Vec<f64> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| w * detmath::exp(0.5 * detmath::normal_h(hash(h, &[i as u64]))))
        .collect();
    let parts = apportion(total, &noisy);
    let mut out = [0u64; 7];
    out.copy_from_slice(&parts);
    out
}

pub(crate) fn fb_reactions(t: &Text) -> [u64; 7] {
    split_reactions(t.counters.likes, &FB_WEIGHTS, hash(t.id, &[0xFBEA]))
}

pub(crate) fn tg_reactions(t: &Text) -> [u64; 7] {
    split_reactions(t.counters.likes, &TG_WEIGHTS, hash(t.id, &[0x7EEA]))
}

impl<'w, 's> Renderer<'w, 's> {
    fn platform_of(&self, a: usize) -> Platform {
        self.world.accounts[a].platform
    }

    /// Engagement of a page, community or channel post: reactions (likes), shares or forwards,
    /// views; comments are set by the writers from the post's thread.
    fn long_counters(
        &self,
        core: &Core,
        kind: Kind,
        media: Option<MediaKind>,
        campaign: bool,
    ) -> Counters {
        let a = core.account as usize;
        let platform = self.platform_of(a);
        let followers = self.world.followers(a, core.t()) as f64;
        let h = |k: u64| hash(core.seed, &[0xE7, k]);
        let mut factor: f64 = match kind {
            Kind::Original => 1.0,
            Kind::Quote => 0.5,
            Kind::Retweet => 0.3,
            _ => 0.2,
        };
        match media {
            Some(MediaKind::Photo) => factor *= 1.3,
            Some(MediaKind::Video) => factor *= 1.8,
            None => {}
        }
        if campaign {
            factor *= 1.4;
        }
        let mut noise = detmath::exp(0.9 * detmath::normal_h(h(1)));
        if unit(h(2)) < 0.004 {
            noise *= 8.0 + 40.0 * unit(h(3));
        }
        let (likes, shares, views) = match platform {
            Platform::Telegram => {
                // Views: a share of subscribers (TGStat's ERR); reactions and forwards per view.
                let views = followers * 0.28 * factor.sqrt() * noise;
                let likes = views * 0.018 * detmath::exp(0.5 * detmath::normal_h(h(4)));
                let fwd = views * 0.004 * detmath::exp(0.6 * detmath::normal_h(h(5)));
                (likes, fwd, Some(views))
            }
            Platform::Vkontakte => {
                let likes = followers * 0.006 * factor * noise;
                let reposts = likes * 0.12 * detmath::exp(0.6 * detmath::normal_h(h(4)));
                let views = followers * 0.2 * factor.sqrt() * noise + likes * 15.0;
                (likes, reposts, Some(views))
            }
            _ => {
                let likes = followers * 0.004 * factor * noise;
                let shares = likes * 0.1 * detmath::exp(0.7 * detmath::normal_h(h(4)));
                let views = if media == Some(MediaKind::Video) {
                    Some(followers * 0.15 * noise + likes * 25.0)
                } else {
                    None
                };
                (likes, shares, views)
            }
        };
        let mut c = Counters {
            likes: likes.floor() as u64,
            retweets: shares.floor() as u64,
            replies: 0,
            quotes: 0,
            impressions: views.map(|v| v.floor() as u64),
        };
        self.at_least_seen(core.id, &mut c);
        c.quotes = 0;
        c
    }

    /// Renders a post of a page, community or channel timeline (any kind). A share or forward
    /// has no text of its own here: writers take the shared post from `long_target`.
    pub fn long_post(&self, post: &Post) -> Text {
        let core = &post.core;
        match (core.kind, &post.link) {
            (Kind::Quote, Link::Quote(target)) => self.long_quote(core, target),
            (Kind::Retweet, Link::Retweet(target)) => {
                let lang = match target {
                    Target::Actor(c) => self.post_lang(c),
                    Target::Audience(t) => self.world.audience(t.who).lang,
                };
                let mut out = Text::new(core.id, Who::Actor(core.account), core.t(), lang);
                out.counters = self.long_counters(core, Kind::Retweet, None, false);
                out
            }
            _ => self.long_core(core),
        }
    }

    /// The post a share or forward shows.
    pub fn long_target(&self, target: &Target) -> Text {
        match target {
            Target::Actor(c) => self.long_core(c),
            Target::Audience(t) => self.media_long(t),
        }
    }

    /// An actor's own post.
    pub fn long_core(&self, core: &Core) -> Text {
        let a = core.account as usize;
        let acct = &self.world.accounts[a];
        let platform = acct.platform;
        let lang = self.post_lang(core);
        let mut rng = detmath::rng(core.seed, &[0x7E50]);
        let mut out = Text::new(core.id, Who::Actor(core.account), core.t(), lang);
        let day = core.t().div_euclid(DAY);
        let mut campaign = None;
        for c in self.world.campaigns_on(a, day) {
            if uniform(&mut rng) < self.world.scenario.campaigns[c as usize].share {
                campaign = Some(c as usize);
                break;
            }
        }
        let mut tags: Vec<&'s str> = Vec::new();
        let mut prefix: Option<String> = None;
        let lead: &str;
        match campaign {
            Some(ci) => {
                let c = &self.world.scenario.campaigns[ci];
                let idx = lexicon::theme_index(c.theme);
                let lx = lexicon(lang);
                let themed = if lx.themes[idx].is_empty() {
                    out.lang = Lang::En;
                    lexicon(Lang::En).themes[idx]
                } else {
                    lx.themes[idx]
                };
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
                lead = self.pick_lead(&mut rng, a, out.lang);
                let n_tags = [0, 1, 2, 2, 3][below(&mut rng, 5)];
                self.account_tags(&mut rng, a, out.lang, n_tags, &mut tags);
                if uniform(&mut rng) < 0.15 {
                    let lx = lexicon(out.lang);
                    tags.push(lx.tags[below(&mut rng, lx.tags.len())]);
                }
            }
        }
        let lx = lexicon(out.lang);
        let vars = self.make_vars(&mut rng, a, out.lang);
        let n_details = [0, 1, 1, 1, 2, 2][below(&mut rng, 6)];
        let signed = acct.spec.signature.is_some() && uniform(&mut rng) < 0.75;
        let mention = if platform == Platform::Telegram && uniform(&mut rng) < 0.12 {
            self.mention_target(&mut rng, a)
        } else {
            None
        };
        let has_media = uniform(&mut rng)
            < if campaign.is_some() {
                0.85
            } else {
                acct.spec.media_share
            };
        let has_url = uniform(&mut rng) < acct.spec.url_share * if has_media { 0.5 } else { 1.0 };
        let emoji = if prefix.is_none() && uniform(&mut rng) < 0.15 {
            Some(["🤝", "🎓", "🌍", "📸", "✨", "👏"][below(&mut rng, 6)])
        } else {
            None
        };
        let media = self.media_for(&mut rng, core, 0.15);
        let url_h = rand::Rng::random::<u64>(&mut rng);

        let head = out.mark();
        if let Some(p) = &prefix {
            out.push(p);
            out.push_char(' ');
        }
        expand_sentence(&mut out, lead, &vars);
        if let Some(e) = emoji {
            out.push_char(' ');
            out.push(e);
        }
        if platform == Platform::Telegram {
            out.bold = Some(out.span_from(head));
        }
        let paragraph = if platform == Platform::Telegram {
            "\n\n"
        } else {
            " "
        };
        let mut used: Vec<&str> = Vec::new();
        for i in 0..n_details {
            let detail = pick(&mut rng, lx.details);
            if used.contains(&detail) {
                continue;
            }
            used.push(detail);
            out.push(if i == 0 { paragraph } else { " " });
            expand(&mut out, detail, &vars);
        }
        if signed {
            if let Some(sig) = &acct.spec.signature {
                out.push_char(' ');
                out.push(sig);
            }
        }
        if let Some(b) = mention {
            out.push_char(' ');
            let handle = self.world.accounts[b].spec.handle.clone();
            out.push_mention(Who::Actor(b as u32), &handle);
        }
        if !tags.is_empty() {
            out.push("\n\n");
            for (i, t) in tags.iter().enumerate() {
                if i > 0 {
                    out.push_char(' ');
                }
                out.push_tag(t);
            }
        }
        if has_url {
            out.push("\n\n");
            out.push(lx.more);
            out.push_char(' ');
            let (_, expanded, display) = self.link_to_site(a, out.lang, core.t(), url_h);
            out.push_url(expanded.clone(), expanded, display);
        }
        let media_kind = if has_media { Some(media.0) } else { None };
        out.counters = self.long_counters(core, core.kind, media_kind, campaign.is_some());
        if has_media {
            let (kind, id, file, w, h) = media;
            let likes = out.counters.likes;
            self.attach_silent(&mut out, kind, id, file, w, h, likes);
        }
        out
    }

    /// Media attached to a post without a link in its text.
    #[allow(clippy::too_many_arguments)]
    fn attach_silent(
        &self,
        out: &mut Text,
        kind: MediaKind,
        id: u64,
        file: String,
        w: u32,
        h: u32,
        likes: u64,
    ) {
        let span = out.span_from(out.mark());
        out.media = Some(MediaEnt {
            span,
            status_id: out.id,
            owner: out.author,
            tco: String::new(),
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

    /// A share with a text of its own (Facebook, VK).
    fn long_quote(&self, core: &Core, target: &Target) -> Text {
        let a = core.account as usize;
        let lang = self.post_lang(core);
        let lx = lexicon(lang);
        let mut rng = detmath::rng(core.seed, &[0x7E51]);
        let mut out = Text::new(core.id, Who::Actor(core.account), core.t(), lang);
        let vars = self.make_vars(&mut rng, a, lang);
        expand(&mut out, pick(&mut rng, lx.quotes), &vars);
        if uniform(&mut rng) < 0.4 {
            out.push_char(' ');
            expand(&mut out, pick(&mut rng, lx.details), &vars);
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
        if !tags.is_empty() {
            out.push("\n\n");
            for (i, t) in tags.iter().enumerate() {
                if i > 0 {
                    out.push_char(' ');
                }
                out.push_tag(t);
            }
        }
        let _ = target;
        out.counters = self.long_counters(core, Kind::Quote, None, false);
        out
    }

    /// A media outlet's post on a page, community or channel: a headline and its link.
    fn media_long(&self, t: &AudienceTweet) -> Text {
        let acc = self.world.audience(t.who);
        let mut rng = detmath::rng(t.seed, &[0x7E52]);
        let secs = t.t_ms.div_euclid(1000);
        let h = |k: u64| hash(t.seed, &[0xE8, k]);
        let lang = acc.lang;
        let lx = lexicon(lang);
        let mut out = Text::new(t.id, t.who, secs, lang);
        let partners = World::partner_codes();
        let vars = Vars {
            own: place_name(partners[below(&mut rng, partners.len())], lang),
            partner: place_name("KAZ", lang),
            city: city_name(lexicon::City::Astana, lang),
            event: pick(&mut rng, lx.events),
            topic: pick(&mut rng, lx.topics),
            n: NUMBERS[below(&mut rng, NUMBERS.len())],
        };
        let head = out.mark();
        expand_sentence(&mut out, pick(&mut rng, lx.news), &vars);
        out.bold = Some(out.span_from(head));
        if uniform(&mut rng) < 0.4 {
            out.push("\n\n");
            out.push_tag(pick(&mut rng, lx.tags));
        }
        out.push("\n\n");
        let (y, m, _) = crate::calendar::civil_from_days(secs.div_euclid(DAY));
        let site = acc.handle.to_ascii_lowercase().replace('_', "");
        let url = format!(
            "https://www.{site}.example/{y}/{m:02}/{}",
            10_000 + h(2) % 90_000
        );
        out.push_url(url.clone(), url, format!("{site}.example/{y}/{m:02}/…"));
        let followers = acc.followers as f64;
        let likes = followers * 0.002 * detmath::exp(detmath::normal_h(h(3)));
        out.counters = Counters {
            likes: likes.floor() as u64,
            retweets: (likes * 0.2).floor() as u64 + 1,
            replies: 0,
            quotes: 0,
            impressions: Some((followers * 0.25 + likes * 30.0).floor() as u64),
        };
        self.at_least_seen(t.id, &mut out.counters);
        out.counters.quotes = 0;
        out.counters.replies = 0;
        out
    }

    /// The text of a comment of `core`'s thread. `reply_prefix` is written before an answer
    /// (VK addresses the person answered: `[id123|Aigerim], `).
    pub fn comment_text(&self, core: &Core, c: &Comment, reply_prefix: Option<&str>) -> Text {
        let a = core.account as usize;
        let mut out = Text::new(0, c.who, c.t, c.lang);
        let lx = lexicon(c.lang);
        let tk = talk(c.lang);
        let mut rng = detmath::rng(c.seed, &[0x7E53]);
        let mut city = self.vars_city(a, c.lang, rand::Rng::random::<u64>(&mut rng));
        if city.is_empty() {
            city = city_name(lexicon::City::Almaty, c.lang);
        }
        let vars = Vars {
            own: place_name(&self.world.accounts[a].actor.country, c.lang),
            partner: "",
            city,
            event: pick(&mut rng, lx.events),
            topic: pick(&mut rng, lx.topics),
            n: NUMBERS[below(&mut rng, NUMBERS.len())],
        };
        if let Some(p) = reply_prefix {
            out.push(p);
        }
        match c.tpl {
            Tpl::Comment(i) => expand(&mut out, lx.comments[i as usize % lx.comments.len()], &vars),
            Tpl::Plain(i) => out.push(tk.plain_questions[i as usize % tk.plain_questions.len()]),
            Tpl::Remark(i) => out.push(tk.remarks[i as usize % tk.remarks.len()]),
            Tpl::Note(i) => out.push(tk.notes[i as usize % tk.notes.len()]),
            Tpl::Answer(class) => {
                let fitting: Vec<&str> = (0..lx.replies.len())
                    .filter(|&i| lexicon::reply_class(c.lang, i) == class)
                    .map(|i| lx.replies[i])
                    .collect();
                let body = if fitting.is_empty() {
                    pick(&mut rng, lx.replies)
                } else {
                    fitting[below(&mut rng, fitting.len())]
                };
                expand(&mut out, body, &vars);
            }
        }
        if matches!(c.role, Role::Question | Role::Remark) && uniform(&mut rng) < 0.1 {
            out.push(" 🙏");
        }
        if matches!(c.role, Role::Answer | Role::Note) && uniform(&mut rng) < 0.2 {
            out.push_char(' ');
            out.push(lx.more);
            out.push_char(' ');
            let (_, expanded, display) =
                self.link_to_site(a, c.lang, c.t, rand::Rng::random::<u64>(&mut rng));
            out.push_url(expanded.clone(), expanded, display);
        }
        out.counters.likes = c.likes;
        out
    }
}

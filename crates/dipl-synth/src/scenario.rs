//! The scenario a corpus is generated from: actors, their accounts (on X, Facebook, Telegram and
//! VK) and how each behaves (activity, languages, kinds mix, audience size and growth, how it
//! handles comments), campaign days, the audience pool and the period. A scenario is plain data; [`crate::demo_scenario`] and
//! [`crate::scale_scenario`] build the two stock ones.

use std::collections::BTreeSet;

use dipl_model::{is_known_country, ActorKind, Platform, Timestamp};

use crate::error::SynthError;

/// The languages texts are written in. `code()` is the ISO 639-1 code X puts in `lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    En,
    Ru,
    Kk,
    De,
    Fr,
    Uz,
    Ky,
}

impl Lang {
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Ru,
        Lang::Kk,
        Lang::De,
        Lang::Fr,
        Lang::Uz,
        Lang::Ky,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Uz => "uz",
            Lang::Ky => "ky",
        }
    }

    /// Written in Cyrillic script (Uzbek is written in its official Latin script here).
    pub fn is_cyrillic(self) -> bool {
        matches!(self, Lang::Ru | Lang::Kk | Lang::Ky)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// One actor: an institution or a person with a sending country.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSpec {
    /// Stable registry id, e.g. `DEU-EMB-KAZ`.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Sending country, ISO 3166-1 alpha-3.
    pub country: String,
    /// Host country (ISO3) or organisation code (`OSCE`), for embassies, missions, ambassadors.
    pub host: Option<String>,
    pub accounts: Vec<AccountSpec>,
}

/// How one account of an actor (on one platform) looks and behaves.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountSpec {
    /// The platform: `Twitter` (X), `Facebook`, `Telegram` or `Vkontakte`.
    pub platform: Platform,
    /// The handle without `@`: an X screen name (`[A-Za-z0-9_]{1,15}`), a Telegram username
    /// (`[A-Za-z][A-Za-z0-9_]{4,31}`), a Facebook page username (`[A-Za-z0-9.]{5,50}`) or a VK
    /// screen name (`[a-z0-9_.]{2,32}`).
    pub handle: String,
    /// The platform's account id, as a string: X's `id_str`; a Telegram channel's id as Desktop
    /// exports write it (no `-100` prefix); a Facebook page id; a VK owner id (negative for
    /// communities, e.g. `-123456`).
    pub account_id: String,
    pub display_name: String,
    pub description: String,
    pub location: String,
    pub created_at: Timestamp,
    pub verified: bool,
    /// Followers at the start of the period.
    pub followers_start: u64,
    /// Relative follower growth per year (0.15 = +15 % a year; negative shrinks).
    pub follower_growth: f64,
    pub following: u64,
    /// Statuses posted before the period (feeds `statuses_count` / `tweet_count`).
    pub statuses_before: u64,
    /// Mean posts per week while active; near zero for near-silent accounts.
    pub posts_per_week: f64,
    /// The account posts only in `[active_from, active_until)` (a dormant account stops early).
    pub active_from: Option<Timestamp>,
    pub active_until: Option<Timestamp>,
    /// Languages of the account's own texts with integer weights.
    pub languages: Vec<(Lang, u32)>,
    /// Share of posts that answer an audience comment.
    pub reply_to_audience: f64,
    /// Share of posts that answer another actor's post.
    pub reply_to_actors: f64,
    /// Probability that an original opens a self-reply thread (1–3 follow-ups).
    pub thread_share: f64,
    /// Share of posts that are retweets (of other actors, of media and citizens).
    pub retweet_share: f64,
    /// Share of posts that are quotes.
    pub quote_share: f64,
    /// Share of own originals with a photo or video.
    pub media_share: f64,
    /// Share of own originals with a link.
    pub url_share: f64,
    /// Personal signature appended to most of the person's own posts, e.g. `– JM`.
    pub signature: Option<String>,
    /// Offset of the account's office clock from UTC, in minutes (Astana: +300).
    pub utc_offset_minutes: i32,
    /// The account's habitual hashtags (without `#`); Cyrillic ones are used in Cyrillic posts only.
    pub hashtags: Vec<String>,
    /// Mean number of audience comments under an own post, heavy-tailed (Facebook, VK, and
    /// Telegram channels with a discussion group; 0 = comments closed / no discussion group).
    /// X answers are modelled by `reply_to_audience` instead.
    pub comments_per_post: f64,
    /// Probability that the account answers an audience question in the comments (other
    /// comments are answered a quarter as often).
    pub answer_share: f64,
    /// Probability that the account adds a note of its own under its post (a self-reply).
    pub self_comment_share: f64,
}

impl AccountSpec {
    /// An X account with middle-of-the-road behaviour; adjust the fields that matter.
    pub fn new(handle: &str, account_id: &str, display_name: &str) -> AccountSpec {
        AccountSpec::on(Platform::Twitter, handle, account_id, display_name)
    }

    /// An account on `platform` with middle-of-the-road behaviour.
    pub fn on(
        platform: Platform,
        handle: &str,
        account_id: &str,
        display_name: &str,
    ) -> AccountSpec {
        AccountSpec {
            platform,
            handle: handle.to_string(),
            account_id: account_id.to_string(),
            display_name: display_name.to_string(),
            description: String::new(),
            location: String::new(),
            created_at: Timestamp(1_356_998_400), // 2013-01-01
            verified: true,
            followers_start: 5_000,
            follower_growth: 0.10,
            following: 300,
            statuses_before: 2_000,
            posts_per_week: 7.0,
            active_from: None,
            active_until: None,
            languages: vec![(Lang::En, 1)],
            reply_to_audience: 0.04,
            reply_to_actors: 0.02,
            thread_share: 0.05,
            retweet_share: 0.20,
            quote_share: 0.05,
            media_share: 0.55,
            url_share: 0.30,
            signature: None,
            utc_offset_minutes: 0,
            hashtags: Vec::new(),
            comments_per_post: 4.0,
            answer_share: 0.2,
            self_comment_share: 0.06,
        }
    }
}

/// What a campaign day is about; selects the texts participants write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    EuropeDay,
    Idahot,
    NationalDay,
    Nauryz,
    WomensDay,
    Climate,
    Forum,
}

/// Which actors take part in a campaign.
#[derive(Debug, Clone, PartialEq)]
pub enum CampaignScope {
    All,
    /// Actors whose sending country is listed.
    Countries(Vec<String>),
    /// Actors listed by id.
    Actors(Vec<String>),
}

/// A day (or a few days) on which participants post more, with shared hashtags.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub id: String,
    /// First day (midnight UTC).
    pub start: Timestamp,
    pub days: u32,
    pub theme: Theme,
    /// Used by every participant whatever the language (e.g. `IDAHOT`), so adoption is visible.
    pub hashtags: Vec<String>,
    /// Added to posts in that language (e.g. `(Kk, "ЕуропаКүні")`).
    pub local_hashtags: Vec<(Lang, String)>,
    pub scope: CampaignScope,
    /// Multiplier of participants' posting rate on campaign days.
    pub boost: f64,
    /// Share of participants' posts on those days that are about the campaign.
    pub share: f64,
}

/// The pool of audience accounts (citizens who comment, media and others who get retweeted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AudienceSpec {
    pub citizens: u32,
    pub media: u32,
}

/// Everything a corpus is generated from (together with a seed).
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    /// First day of the period (midnight UTC).
    pub start: Timestamp,
    /// End of the period (exclusive, midnight UTC).
    pub end: Timestamp,
    pub actors: Vec<ActorSpec>,
    pub campaigns: Vec<Campaign>,
    pub audience: AudienceSpec,
    /// When set, exactly this many posts are generated in total (benchmarks); otherwise each
    /// account posts `posts_per_week` on average while active.
    pub total_posts: Option<u64>,
}

fn valid_handle(platform: Platform, h: &str) -> bool {
    let b = h.as_bytes();
    match platform {
        Platform::Twitter => {
            !h.is_empty()
                && h.len() <= 15
                && b.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        }
        Platform::Telegram => {
            (5..=32).contains(&h.len())
                && b[0].is_ascii_alphabetic()
                && b.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        }
        Platform::Facebook => {
            (5..=50).contains(&h.len()) && b.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'.')
        }
        Platform::Vkontakte => {
            (2..=32).contains(&h.len())
                && b.iter().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_' || *b == b'.'
                })
        }
        _ => false,
    }
}

/// Platforms the generator writes.
pub(crate) fn generated(platform: Platform) -> bool {
    matches!(
        platform,
        Platform::Twitter | Platform::Facebook | Platform::Telegram | Platform::Vkontakte
    )
}

fn valid_tag(t: &str) -> bool {
    !t.is_empty()
        && t.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !t.chars().all(|c| c.is_ascii_digit())
}

fn share(what: &str, handle: &str, v: f64) -> Result<(), SynthError> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(SynthError::Scenario(format!(
            "account @{handle}: {what} {v} is not in [0, 1]"
        )))
    }
}

impl Scenario {
    /// Number of accounts over all actors.
    pub fn n_accounts(&self) -> usize {
        self.actors.iter().map(|a| a.accounts.len()).sum()
    }

    /// Checks what the generator relies on: known ISO3 codes, numeric unique account ids, valid
    /// unique handles, weights and shares in range, a non-empty period within 1970–9999.
    pub fn validate(&self) -> Result<(), SynthError> {
        let err = |m: String| Err(SynthError::Scenario(m));
        const MIN: i64 = 0;
        const MAX: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
        if self.start.0 % 86_400 != 0 || self.end.0 % 86_400 != 0 {
            return err("period start and end must be midnights (UTC)".into());
        }
        if !(MIN..MAX).contains(&self.start.0)
            || !(MIN..=MAX).contains(&self.end.0)
            || self.start >= self.end
        {
            return err(format!(
                "empty or out-of-range period {} .. {}",
                self.start, self.end
            ));
        }
        if self.n_accounts() == 0 {
            return err("the scenario has no accounts".into());
        }
        if self.n_accounts() > 60_000 {
            return err(format!(
                "{} accounts; at most 60000 are supported",
                self.n_accounts()
            ));
        }
        let mut actor_ids = BTreeSet::new();
        let mut handles = BTreeSet::new();
        let mut account_ids = BTreeSet::new();
        for actor in &self.actors {
            if !actor_ids.insert(actor.id.as_str()) {
                return err(format!("duplicate actor id `{}`", actor.id));
            }
            if !is_known_country(&actor.country) {
                return err(format!(
                    "actor `{}`: `{}` is not an ISO 3166-1 alpha-3 code",
                    actor.id, actor.country
                ));
            }
            if let Some(host) = &actor.host {
                let org = host.len() >= 2 && host.bytes().all(|b| b.is_ascii_uppercase());
                if !(is_known_country(host) || org) {
                    return err(format!(
                        "actor `{}`: host `{host}` is neither ISO3 nor an organisation code",
                        actor.id
                    ));
                }
            }
            for acc in &actor.accounts {
                let h = &acc.handle;
                let p = acc.platform;
                if !generated(p) {
                    return err(format!(
                        "account @{h}: the generator does not write {p} accounts"
                    ));
                }
                if !valid_handle(p, h) {
                    return err(format!("actor `{}`: invalid handle `{h}`", actor.id));
                }
                if !handles.insert((p, h.to_ascii_lowercase())) {
                    return err(format!("duplicate handle `{h}`"));
                }
                let id: i64 = match acc.account_id.parse::<i64>() {
                    Ok(id)
                        if acc.account_id == id.to_string()
                            && (id > 0 || (p == Platform::Vkontakte && id < 0)) =>
                    {
                        id
                    }
                    _ if p == Platform::Vkontakte => {
                        return err(format!(
                            "account @{h}: id `{}` is not a non-zero number",
                            acc.account_id
                        ))
                    }
                    _ => {
                        return err(format!(
                            "account @{h}: id `{}` is not a positive number",
                            acc.account_id
                        ))
                    }
                };
                if !account_ids.insert((p, id)) {
                    return err(format!("duplicate account id {id}"));
                }
                if acc.languages.is_empty() || acc.languages.iter().all(|(_, w)| *w == 0) {
                    return err(format!("account @{h}: no language with a positive weight"));
                }
                if !(acc.posts_per_week.is_finite()
                    && acc.posts_per_week >= 0.0
                    && acc.posts_per_week <= 10_000.0)
                {
                    return err(format!(
                        "account @{h}: posts_per_week {} out of range",
                        acc.posts_per_week
                    ));
                }
                if !(acc.follower_growth.is_finite()
                    && acc.follower_growth > -0.9
                    && acc.follower_growth < 100.0)
                {
                    return err(format!(
                        "account @{h}: follower_growth {} out of range",
                        acc.follower_growth
                    ));
                }
                share("reply_to_audience", h, acc.reply_to_audience)?;
                share("reply_to_actors", h, acc.reply_to_actors)?;
                share("thread_share", h, acc.thread_share)?;
                share("retweet_share", h, acc.retweet_share)?;
                share("quote_share", h, acc.quote_share)?;
                share("media_share", h, acc.media_share)?;
                share("url_share", h, acc.url_share)?;
                share("answer_share", h, acc.answer_share)?;
                share("self_comment_share", h, acc.self_comment_share)?;
                if !(acc.comments_per_post.is_finite()
                    && (0.0..=10_000.0).contains(&acc.comments_per_post))
                {
                    return err(format!(
                        "account @{h}: comments_per_post {} out of range",
                        acc.comments_per_post
                    ));
                }
                let kinds = acc.reply_to_audience
                    + acc.reply_to_actors
                    + acc.retweet_share
                    + acc.quote_share;
                if kinds > 0.95 {
                    return err(format!(
                        "account @{h}: reply, retweet and quote shares sum to {kinds} (> 0.95)"
                    ));
                }
                if !(-14 * 60..=14 * 60).contains(&acc.utc_offset_minutes) {
                    return err(format!(
                        "account @{h}: utc offset {} min out of range",
                        acc.utc_offset_minutes
                    ));
                }
                if let Some(tag) = acc.hashtags.iter().find(|t| !valid_tag(t)) {
                    return err(format!("account @{h}: invalid hashtag `{tag}`"));
                }
                if acc
                    .signature
                    .as_deref()
                    .is_some_and(|s| s.contains(['#', '@']))
                {
                    return err(format!("account @{h}: a signature may not contain # or @"));
                }
            }
        }
        for c in &self.campaigns {
            if c.days == 0 || !(c.boost.is_finite() && c.boost > 0.0 && c.boost <= 100.0) {
                return err(format!(
                    "campaign `{}`: needs days > 0 and a boost in (0, 100]",
                    c.id
                ));
            }
            if !(0.0..=1.0).contains(&c.share) {
                return err(format!(
                    "campaign `{}`: share {} is not in [0, 1]",
                    c.id, c.share
                ));
            }
            let tags = c
                .hashtags
                .iter()
                .chain(c.local_hashtags.iter().map(|(_, t)| t));
            if let Some(tag) = tags.into_iter().find(|t| !valid_tag(t)) {
                return err(format!("campaign `{}`: invalid hashtag `{tag}`", c.id));
            }
        }
        let any_active = self
            .actors
            .iter()
            .flat_map(|a| &a.accounts)
            .any(|a| a.posts_per_week > 0.0);
        if self.total_posts.is_some_and(|n| n > 0) && !any_active {
            return err("total_posts needs an account with posts_per_week > 0".into());
        }
        if self.audience.citizens == 0 || self.audience.media == 0 {
            return err("the audience needs at least one citizen and one media account".into());
        }
        Ok(())
    }
}

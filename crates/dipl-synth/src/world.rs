//! The generator's view of a scenario: accounts flattened with what every later step needs
//! (numeric ids, language weights, cities, campaign participation), the audience pool (derived
//! statelessly from the seed, so millions of audience accounts cost no memory) and the
//! follower model.

use std::collections::BTreeMap;

use dipl_model::{ActorKind, Platform};

use crate::calendar::{self, DAY};
use crate::detmath::{self, hash, unit};
use crate::lexicon::{self, City};
use crate::scenario::{AccountSpec, ActorSpec, CampaignScope, Lang, Scenario};

const YEAR_SECS: f64 = 365.25 * 86_400.0;

/// Snowflake epoch of X ids (2010-11-04T01:42:54.657Z), in milliseconds.
pub(crate) const TWEPOCH_MS: i64 = 1_288_834_974_657;

/// The timeline kinds mix of an account, as its platform allows: on X every kind; on Facebook
/// and VK originals, shares (reposts) and shares with a text (quotes); on Telegram originals and
/// forwards. Answers to the audience and self-replies live in comment sections there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Mix {
    pub retweet: f64,
    pub quote: f64,
    pub reply_audience: f64,
    pub reply_actors: f64,
    pub thread: f64,
}

/// Index of a platform in `Platform::ALL`.
pub(crate) fn pidx(p: Platform) -> usize {
    Platform::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

/// One account with its actor and everything derived once.
pub(crate) struct Acct<'s> {
    pub spec: &'s AccountSpec,
    pub actor: &'s ActorSpec,
    pub platform: Platform,
    /// Position of the account in scenario order (actors, then their accounts).
    pub order: usize,
    /// The platform id's absolute value (a VK community's id is written negative).
    pub id: u64,
    /// A VK community (negative owner id).
    pub negative: bool,
    pub mix: Mix,
    pub lang_weights: Vec<(Lang, u32)>,
    pub lang_total: u32,
    pub is_person: bool,
    pub cities: &'static [(City, u32)],
    /// Code of the country or organisation the account's posts are mostly about.
    pub partner_default: String,
}

/// A referenced account: an actor's account (index) or an audience account (index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Who {
    Actor(u32),
    Citizen(u32),
    Media(u32),
}

/// An audience account, derived from the seed and its index.
pub(crate) struct AudienceAcct {
    pub id: u64,
    pub handle: String,
    pub name: String,
    pub description: String,
    pub location: &'static str,
    pub created_at: i64,
    pub followers: u64,
    pub following: u64,
    pub statuses: u64,
    pub verified: bool,
    pub lang: Lang,
}

pub(crate) struct World<'s> {
    pub scenario: &'s Scenario,
    pub seed: u64,
    pub accounts: Vec<Acct<'s>>,
    /// Campaign indices active on a day (day number → campaigns).
    pub campaign_days: BTreeMap<i64, Vec<u16>>,
    /// `participates[c][a]`: account `a` takes part in campaign `c`.
    pub participates: Vec<Vec<bool>>,
    pub start_day: i64,
    pub end_day: i64,
    /// Accounts are grouped by platform (X first, in scenario order, so an X account's index and
    /// thus its posts do not depend on the scenario's other platforms): `[start, end)` per
    /// platform index.
    pub ranges: [(usize, usize); 8],
}

/// An audience person or outlet on Facebook, VK or Telegram, derived from the seed and its index.
pub(crate) struct Person {
    pub id: u64,
    pub first: &'static str,
    pub last: String,
    /// VK screen name / Telegram username (may be empty on Telegram); a media outlet's handle.
    pub handle: String,
    pub female: bool,
    /// A media outlet (a page, community or channel) rather than a person.
    pub outlet: bool,
}

impl Person {
    /// The name a platform shows.
    pub fn name(&self) -> String {
        if self.outlet || self.last.is_empty() {
            self.first.to_string()
        } else {
            format!("{} {}", self.first, self.last)
        }
    }
}

/// Countries ministries talk about when they have no host.
const PARTNERS: &[&str] = &[
    "DEU", "FRA", "GBR", "ITA", "USA", "CHN", "TUR", "KOR", "JPN", "UZB", "KGZ", "KAZ", "TJK",
    "TKM",
];

impl<'s> World<'s> {
    pub fn new(scenario: &'s Scenario, seed: u64) -> World<'s> {
        let mut flat: Vec<(usize, &'s ActorSpec, &'s AccountSpec)> = Vec::new();
        for actor in &scenario.actors {
            for spec in &actor.accounts {
                flat.push((flat.len(), actor, spec));
            }
        }
        // X first, then the other platforms, each in scenario order.
        flat.sort_by_key(|(order, _, spec)| (pidx(spec.platform), *order));
        let mut ranges = [(0usize, 0usize); 8];
        for (i, (_, _, spec)) in flat.iter().enumerate() {
            let p = pidx(spec.platform);
            if ranges[p].1 == 0 {
                ranges[p].0 = i;
            }
            ranges[p].1 = i + 1;
        }
        let mut accounts = Vec::with_capacity(scenario.n_accounts());
        {
            for (order, actor, spec) in flat {
                let lang_weights: Vec<(Lang, u32)> = spec
                    .languages
                    .iter()
                    .copied()
                    .filter(|(_, w)| *w > 0)
                    .collect();
                let lang_total = lang_weights.iter().map(|(_, w)| *w).sum();
                let is_person = matches!(
                    actor.kind,
                    ActorKind::HeadOfState
                        | ActorKind::HeadOfGovernment
                        | ActorKind::ForeignMinister
                        | ActorKind::Minister
                        | ActorKind::Ambassador
                        | ActorKind::Spokesperson
                );
                let place = actor.host.clone().unwrap_or_else(|| actor.country.clone());
                let partner_default = match &actor.host {
                    Some(h) => h.clone(),
                    None => String::new(),
                };
                let signed: i64 = spec.account_id.parse().unwrap_or(0);
                let mix = match spec.platform {
                    Platform::Twitter => Mix {
                        retweet: spec.retweet_share,
                        quote: spec.quote_share,
                        reply_audience: spec.reply_to_audience,
                        reply_actors: spec.reply_to_actors,
                        thread: spec.thread_share,
                    },
                    Platform::Telegram => Mix {
                        retweet: spec.retweet_share,
                        quote: 0.0,
                        reply_audience: 0.0,
                        reply_actors: 0.0,
                        thread: 0.0,
                    },
                    _ => Mix {
                        retweet: spec.retweet_share,
                        quote: spec.quote_share,
                        reply_audience: 0.0,
                        reply_actors: 0.0,
                        thread: 0.0,
                    },
                };
                accounts.push(Acct {
                    spec,
                    actor,
                    platform: spec.platform,
                    order,
                    // Validated numeric; 0 only if the scenario was not validated.
                    id: signed.unsigned_abs(),
                    negative: signed < 0,
                    mix,
                    lang_weights,
                    lang_total,
                    is_person,
                    cities: lexicon::cities_of(&place),
                    partner_default,
                });
            }
        }
        let start_day = scenario.start.0.div_euclid(DAY);
        let end_day = scenario.end.0.div_euclid(DAY);
        let mut campaign_days: BTreeMap<i64, Vec<u16>> = BTreeMap::new();
        let mut participates = Vec::with_capacity(scenario.campaigns.len());
        for (ci, c) in scenario.campaigns.iter().enumerate() {
            let first = c.start.0.div_euclid(DAY);
            for d in first..first + c.days as i64 {
                campaign_days.entry(d).or_default().push(ci as u16);
            }
            participates.push(
                accounts
                    .iter()
                    .map(|a| match &c.scope {
                        CampaignScope::All => true,
                        CampaignScope::Countries(list) => list.contains(&a.actor.country),
                        CampaignScope::Actors(list) => list.contains(&a.actor.id),
                    })
                    .collect(),
            );
        }
        World {
            scenario,
            seed,
            accounts,
            campaign_days,
            participates,
            start_day,
            end_day,
            ranges,
        }
    }

    /// The accounts of `a`'s platform: `[start, end)`.
    pub fn platform_range(&self, a: usize) -> (usize, usize) {
        self.ranges[pidx(self.accounts[a].platform)]
    }

    /// Account `a` writes no shares or forwards (a format that cannot tell them from originals).
    pub fn originals_only(&mut self, a: usize) {
        self.accounts[a].mix.retweet = 0.0;
        self.accounts[a].mix.quote = 0.0;
    }

    /// An audience account on Facebook, VK or Telegram: `Citizen(i)` a person, `Media(i)` an
    /// outlet's page, community or channel.
    pub fn person(&self, platform: Platform, who: Who) -> Person {
        let salt = pidx(platform) as u64;
        match who {
            Who::Media(i) => {
                let h = |k: u64| hash(self.seed, &[0x3ED1B, salt, i as u64, k]);
                let (handle, name) = match lexicon::MEDIA_OUTLETS.get(i as usize) {
                    Some((hd, n, _)) => (hd.to_ascii_lowercase(), *n),
                    None => (format!("news_{i}"), "News Desk"),
                };
                let id = match platform {
                    Platform::Facebook => 100_000_000_000 + h(1) % 900_000_000_000,
                    Platform::Vkontakte => 10_000_000 + h(1) % 200_000_000,
                    _ => 1_000_000_000 + h(1) % 900_000_000,
                };
                Person {
                    id,
                    first: name,
                    last: String::new(),
                    handle: handle.replace('-', "_"),
                    female: false,
                    outlet: true,
                }
            }
            Who::Citizen(i) | Who::Actor(i) => {
                let h = |k: u64| hash(self.seed, &[0xC172, salt, i as u64, k]);
                let (latin, cyr, female) =
                    lexicon::PERSON_NAMES[(h(1) % lexicon::PERSON_NAMES.len() as u64) as usize];
                let (sl, sc) = lexicon::SURNAMES[(h(2) % lexicon::SURNAMES.len() as u64) as usize];
                let cyrillic = platform == Platform::Vkontakte && h(3) % 10 < 8
                    || platform == Platform::Telegram && h(3) % 10 < 5;
                let (first, mut last) = if cyrillic {
                    (cyr, sc.to_string())
                } else {
                    (latin, sl.to_string())
                };
                if female {
                    last.push(if cyrillic { 'а' } else { 'a' });
                }
                let id = match platform {
                    Platform::Facebook => 100_000_000_000_000 + h(4) % 90_000_000_000_000,
                    Platform::Vkontakte => 1_000_000 + h(4) % 850_000_000,
                    _ => 100_000_000 + h(4) % 7_000_000_000,
                };
                let handle = match (platform, h(5) % 10) {
                    (Platform::Vkontakte, 0..=6) => format!("id{id}"),
                    (Platform::Telegram, 0..=3) => String::new(),
                    _ => format!(
                        "{}_{}{}",
                        latin.to_ascii_lowercase(),
                        &sl[..3].to_ascii_lowercase(),
                        i % 1000
                    ),
                };
                Person {
                    id,
                    first,
                    last,
                    handle,
                    female,
                    outlet: false,
                }
            }
        }
    }

    /// Campaigns account `a` takes part in on `day`.
    pub fn campaigns_on(&self, a: usize, day: i64) -> impl Iterator<Item = u16> + '_ {
        self.campaign_days
            .get(&day)
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&c| self.participates[c as usize][a])
    }

    /// Followers of account `a` at time `t` (seconds): compound growth from the period start,
    /// with a small monthly wobble; never below 1.
    pub fn followers(&self, a: usize, t: i64) -> u64 {
        let spec = self.accounts[a].spec;
        let years = (t - self.scenario.start.0) as f64 / YEAR_SECS;
        let growth = detmath::exp(years * detmath::ln(1.0 + spec.follower_growth));
        let month = t.div_euclid(DAY * 30);
        let wobble = 1.0 + 0.004 * (unit(hash(self.seed, &[0xF011, a as u64, month as u64])) - 0.5);
        let f = spec.followers_start as f64 * growth * wobble;
        (f.round() as u64).max(1)
    }

    pub fn n_citizens(&self) -> u32 {
        self.scenario.audience.citizens.max(1)
    }

    pub fn n_media(&self) -> u32 {
        self.scenario.audience.media.max(1)
    }

    /// The audience account behind `who` (`who` must be `Citizen` or `Media`).
    pub fn audience(&self, who: Who) -> AudienceAcct {
        match who {
            Who::Citizen(i) => self.citizen(i),
            Who::Media(i) => self.media(i),
            Who::Actor(_) => self.citizen(0),
        }
    }

    /// The language citizen `i` writes in (what `audience(Citizen(i)).lang` says, cheaply).
    pub fn citizen_lang(&self, i: u32) -> Lang {
        match hash(self.seed, &[0xC171, i as u64, 7]) % 20 {
            0..=8 => Lang::Ru,
            9..=13 => Lang::Kk,
            14..=16 => Lang::En,
            17 => Lang::Uz,
            18 => Lang::Ky,
            _ => Lang::De,
        }
    }

    fn citizen(&self, i: u32) -> AudienceAcct {
        let h = |k: u64| hash(self.seed, &[0xC171, i as u64, k]);
        let given = lexicon::GIVEN_NAMES[(h(1) % lexicon::GIVEN_NAMES.len() as u64) as usize];
        let initial = (b'A' + (h(2) % 26) as u8) as char;
        let year = 70 + (h(3) % 36);
        let handle = match h(4) % 3 {
            0 => format!(
                "{}_{}{:02}",
                given.to_ascii_lowercase(),
                initial.to_ascii_lowercase(),
                year % 100
            ),
            1 => format!("{}{}{}", given, initial, i % 1000),
            _ => format!("{}_{}", given.to_ascii_lowercase(), i),
        };
        let handle: String = handle.chars().take(15).collect();
        let created_day = calendar::days_from_civil(2011, 1, 1) + (h(5) % (14 * 365)) as i64;
        let followers = (40.0 * detmath::exp(1.3 * detmath::normal_h(h(6)))).round() as u64;
        let lang = self.citizen_lang(i);
        AudienceAcct {
            // Snowflake-sized ids of accounts created 2011–2024 never collide with the shorter
            // ids of the stock actors.
            id: snowflake(
                created_day * DAY * 1000 + (h(8) % 86_400_000) as i64,
                1021,
                h(9),
            ),
            handle,
            name: format!("{given} {initial}."),
            description: String::new(),
            location: lexicon::AUDIENCE_PLACES
                [(h(10) % lexicon::AUDIENCE_PLACES.len() as u64) as usize],
            created_at: created_day * DAY + (h(11) % DAY as u64) as i64,
            followers,
            following: 50 + h(12) % 900,
            statuses: 20 + h(13) % 6000,
            verified: false,
            lang,
        }
    }

    fn media(&self, i: u32) -> AudienceAcct {
        let h = |k: u64| hash(self.seed, &[0x3ED1A, i as u64, k]);
        let (handle, name, lang) = match lexicon::MEDIA_OUTLETS.get(i as usize) {
            Some((hd, n, l)) => (hd.to_string(), n.to_string(), *l),
            None => (format!("News_{i}"), format!("News Desk {i}"), Lang::En),
        };
        let created_day = calendar::days_from_civil(2009, 6, 1) + (h(1) % (8 * 365)) as i64;
        AudienceAcct {
            id: 100_000_000 + h(2) % 900_000_000,
            handle,
            name,
            description: "News from Central Asia and the world. Synthetic media account."
                .to_string(),
            location: "Central Asia",
            created_at: created_day * DAY + (h(3) % DAY as u64) as i64,
            followers: (30_000.0 * detmath::exp(0.9 * detmath::normal_h(h(4)))).round() as u64,
            following: 100 + h(5) % 400,
            statuses: 20_000 + h(6) % 200_000,
            verified: h(7) % 3 == 0,
            lang,
        }
    }

    /// How much account `a` likes to amplify or answer account `b` (both actor accounts).
    pub fn affinity(&self, a: usize, b: usize) -> f64 {
        if a == b {
            return 0.0;
        }
        let (x, y) = (self.accounts[a].actor, self.accounts[b].actor);
        let mut s = 1.0;
        if x.id == y.id {
            s += 6.0; // the ambassador and the embassy, the minister and the ministry
        }
        if x.country == y.country {
            s += 4.0;
        }
        if y.kind == ActorKind::Mfa && (Some(&y.country) == x.host.as_ref()) {
            s += 3.0; // the host's ministry
        }
        if x.host.is_some() && x.host == y.host {
            s += 2.0; // peer embassies in the same capital
        }
        s
    }

    /// Partner countries a ministry writes about.
    pub fn partner_codes() -> &'static [&'static str] {
        PARTNERS
    }
}

/// An X snowflake id from a time in milliseconds, a 10-bit worker and a 12-bit sequence.
pub(crate) fn snowflake(t_ms: i64, worker: u64, seq: u64) -> u64 {
    let ms = (t_ms - TWEPOCH_MS).max(0) as u64;
    (ms << 22) | ((worker & 0x3FF) << 12) | (seq & 0xFFF)
}

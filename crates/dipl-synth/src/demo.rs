//! The stock scenarios: the demo (European embassies in Kazakhstan on X and Facebook; the
//! foreign ministries of Kazakhstan, Uzbekistan and Kyrgyzstan on X, Telegram, Facebook and VK;
//! a mission to the OSCE, a foreign minister and two ambassadors on X; through 2025) and a
//! scalable one for benchmarks, on any one platform.
//!
//! Every name, handle and id here is invented; descriptions say the accounts are synthetic.

use std::io::Write;
use std::path::Path;

use dipl_model::{ActorKind, Platform, Timestamp, COUNTRIES};

use crate::corpus::{write_corpus, CorpusOptions, CorpusSummary, FileSummary};
use crate::error::SynthError;

use crate::calendar::{days_from_civil, DAY};
use crate::detmath::{self, below, uniform};
use crate::scenario::{
    AccountSpec, ActorSpec, AudienceSpec, Campaign, CampaignScope, Lang, Scenario, Theme,
};

fn date(y: i32, m: u32, d: u32) -> Timestamp {
    Timestamp(days_from_civil(y, m, d) * DAY)
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

const SYNTHETIC: &str = "Synthetic demo account (Diplometrics).";
const EU_MEMBERS: [&str; 27] = [
    "AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV",
    "HUN", "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN",
    "SWE",
];

struct Embassy {
    iso3: &'static str,
    country: &'static str,
    handle: &'static str,
    id: &'static str,
    brand: &'static str,
    langs: &'static [(Lang, u32)],
    posts_per_week: f64,
    followers: u64,
    growth: f64,
    reply_to_audience: f64,
    created: (i32, u32, u32),
}

/// Facebook pages of the demo's embassies: (ISO3, username, page id, followers, mean comments
/// per post, answer share).
const EMBASSY_PAGES: [(&str, &str, &str, u64, f64, f64); 10] = [
    (
        "DEU",
        "GermanEmbassyAstana",
        "100064512837401",
        21_500,
        5.0,
        0.35,
    ),
    (
        "FRA",
        "AmbassadeFranceKZ",
        "100064729183552",
        17_800,
        4.0,
        0.25,
    ),
    (
        "GBR",
        "UKinKazakhstan",
        "100064381920467",
        34_000,
        8.0,
        0.55,
    ),
    (
        "ITA",
        "ItalyinKazakhstan",
        "100064918273645",
        9_600,
        3.0,
        0.2,
    ),
    (
        "ESP",
        "EmbajadaEspanaKZ",
        "100064203918476",
        6_100,
        2.5,
        0.15,
    ),
    ("NLD", "NLinKazakhstan", "100064667281903", 5_400, 2.0, 0.2),
    (
        "POL",
        "PolskawKazachstanie",
        "100064550192837",
        11_200,
        3.0,
        0.3,
    ),
    (
        "SWE",
        "SwedeninKazakhstan",
        "100064771829304",
        4_900,
        2.0,
        0.25,
    ),
    (
        "FIN",
        "FinlandinKazakhstan",
        "100064129384756",
        2_700,
        1.5,
        0.1,
    ),
    (
        "AUT",
        "AustriainKazakhstan",
        "100064384756102",
        1_300,
        1.0,
        0.0,
    ),
];

const EMBASSIES: [Embassy; 10] = [
    Embassy {
        iso3: "DEU",
        country: "Germany",
        handle: "GermanyEmb_KZ",
        id: "1403517286",
        brand: "DEinKZ",
        langs: &[(Lang::En, 3), (Lang::Ru, 4), (Lang::Kk, 2), (Lang::De, 2)],
        posts_per_week: 9.0,
        followers: 9_800,
        growth: 0.12,
        reply_to_audience: 0.05,
        created: (2013, 4, 9),
    },
    Embassy {
        iso3: "FRA",
        country: "France",
        handle: "FranceEmb_KZ",
        id: "1529904417",
        brand: "FRinKZ",
        langs: &[(Lang::Fr, 4), (Lang::Ru, 3), (Lang::Kk, 1), (Lang::En, 1)],
        posts_per_week: 8.0,
        followers: 7_400,
        growth: 0.10,
        reply_to_audience: 0.03,
        created: (2013, 6, 21),
    },
    Embassy {
        iso3: "GBR",
        country: "the United Kingdom",
        handle: "UKEmb_KZ",
        id: "1187733950",
        brand: "UKinKZ",
        langs: &[(Lang::En, 6), (Lang::Ru, 3), (Lang::Kk, 2)],
        posts_per_week: 12.0,
        followers: 15_200,
        growth: 0.15,
        reply_to_audience: 0.10,
        created: (2012, 11, 2),
    },
    Embassy {
        iso3: "ITA",
        country: "Italy",
        handle: "ItalyEmb_KZ",
        id: "2211458703",
        brand: "ITinKZ",
        langs: &[(Lang::En, 3), (Lang::Ru, 4)],
        posts_per_week: 5.0,
        followers: 4_100,
        growth: 0.09,
        reply_to_audience: 0.02,
        created: (2014, 1, 15),
    },
    Embassy {
        iso3: "ESP",
        country: "Spain",
        handle: "SpainEmb_KZ",
        id: "2873310562",
        brand: "ESinKZ",
        langs: &[(Lang::En, 3), (Lang::Ru, 3)],
        posts_per_week: 3.5,
        followers: 2_300,
        growth: 0.07,
        reply_to_audience: 0.015,
        created: (2014, 10, 30),
    },
    Embassy {
        iso3: "NLD",
        country: "the Netherlands",
        handle: "NLEmb_KZ",
        id: "3092267741",
        brand: "NLinKZ",
        langs: &[(Lang::En, 5), (Lang::Ru, 2)],
        posts_per_week: 4.0,
        followers: 3_100,
        growth: 0.08,
        reply_to_audience: 0.02,
        created: (2015, 3, 3),
    },
    Embassy {
        iso3: "POL",
        country: "Poland",
        handle: "PolandEmb_KZ",
        id: "3318845096",
        brand: "PLinKZ",
        langs: &[(Lang::En, 3), (Lang::Ru, 3)],
        posts_per_week: 6.0,
        followers: 3_900,
        growth: 0.11,
        reply_to_audience: 0.02,
        created: (2015, 7, 19),
    },
    Embassy {
        iso3: "SWE",
        country: "Sweden",
        handle: "SwedenEmb_KZ",
        id: "1689023354",
        brand: "SEinKZ",
        langs: &[(Lang::En, 5), (Lang::Ru, 2), (Lang::Kk, 1)],
        posts_per_week: 5.0,
        followers: 2_800,
        growth: 0.13,
        reply_to_audience: 0.03,
        created: (2013, 9, 12),
    },
    Embassy {
        iso3: "FIN",
        country: "Finland",
        handle: "FinlandEmb_KZ",
        id: "4012378815",
        brand: "FIinKZ",
        langs: &[(Lang::En, 4), (Lang::Ru, 1)],
        posts_per_week: 3.0,
        followers: 1_900,
        growth: -0.02,
        reply_to_audience: 0.01,
        created: (2016, 2, 8),
    },
    Embassy {
        iso3: "AUT",
        country: "Austria",
        handle: "AustriaEmb_KZ",
        id: "2459981207",
        brand: "ATinKZ",
        langs: &[(Lang::De, 2), (Lang::En, 2), (Lang::Ru, 2)],
        posts_per_week: 0.15,
        followers: 650,
        growth: 0.01,
        reply_to_audience: 0.0,
        created: (2014, 5, 27),
    },
];

fn embassy_actor(e: &Embassy) -> ActorSpec {
    let name = format!("Embassy of {} in Kazakhstan", e.country);
    let mut acc = AccountSpec::new(e.handle, e.id, &name);
    acc.description =
        format!("Official account of the {name}. News, events, consular information. {SYNTHETIC}");
    acc.location = "Astana, Kazakhstan".to_string();
    acc.created_at = date(e.created.0, e.created.1, e.created.2);
    acc.followers_start = e.followers;
    acc.follower_growth = e.growth;
    acc.following = 150 + e.followers / 40;
    acc.statuses_before = (e.posts_per_week * 52.0 * 6.0) as u64 + 40;
    acc.posts_per_week = e.posts_per_week;
    acc.languages = e.langs.to_vec();
    acc.reply_to_audience = e.reply_to_audience;
    acc.reply_to_actors = 0.02;
    acc.retweet_share = 0.22;
    acc.quote_share = 0.05;
    acc.utc_offset_minutes = 300;
    let mut hashtags = tags(&[e.brand, "Kazakhstan", "Astana", "Казахстан", "Қазақстан"]);
    if EU_MEMBERS.contains(&e.iso3) {
        hashtags.push("EUinKZ".to_string());
        hashtags.push("TeamEurope".to_string());
    }
    acc.hashtags = hashtags;
    match e.iso3 {
        // A dormant account: stopped posting in April.
        "FIN" => acc.active_until = Some(date(2025, 4, 15)),
        // A near-silent account.
        "AUT" => {
            acc.retweet_share = 0.5;
            acc.media_share = 0.3;
        }
        _ => {}
    }
    let mut accounts = vec![acc.clone()];
    if let Some(&(_, handle, id, followers, comments, answers)) =
        EMBASSY_PAGES.iter().find(|p| p.0 == e.iso3)
    {
        let mut fb = acc;
        fb.platform = Platform::Facebook;
        fb.handle = handle.to_string();
        fb.account_id = id.to_string();
        fb.followers_start = followers;
        fb.follower_growth = e.growth * 0.5;
        fb.posts_per_week = e.posts_per_week * 0.6;
        // Facebook audiences of embassies in Kazakhstan read Russian first.
        fb.languages = e
            .langs
            .iter()
            .map(|&(l, w)| if l == Lang::Ru { (l, w * 2) } else { (l, w) })
            .collect();
        fb.retweet_share = 0.08;
        fb.quote_share = 0.04;
        fb.media_share = 0.8;
        fb.comments_per_post = comments;
        fb.answer_share = answers;
        fb.self_comment_share = 0.06;
        fb.statuses_before = (e.posts_per_week * 0.6 * 52.0 * 7.0) as u64 + 20;
        accounts.push(fb);
    }
    ActorSpec {
        id: format!("{}-EMB-KAZ", e.iso3),
        name,
        kind: ActorKind::Embassy,
        country: e.iso3.to_string(),
        host: Some("KAZ".to_string()),
        accounts,
    }
}

/// The other platforms of a ministry (Telegram, Facebook, VK), derived from its X account.
struct Channels {
    telegram: (&'static str, &'static str, u64, f64),
    facebook: (&'static str, &'static str, u64),
    vk: (&'static str, &'static str, u64),
    /// Mean audience comments per post on Telegram (0: no discussion group).
    tg_comments: f64,
}

fn ministry_channels(x: &AccountSpec, c: &Channels) -> Vec<AccountSpec> {
    let mut tg = x.clone();
    tg.platform = Platform::Telegram;
    tg.handle = c.telegram.0.to_string();
    tg.account_id = c.telegram.1.to_string();
    tg.followers_start = c.telegram.2;
    tg.follower_growth = 0.3;
    tg.posts_per_week = c.telegram.3;
    tg.statuses_before = (c.telegram.3 * 52.0 * 3.0) as u64;
    tg.retweet_share = 0.12;
    tg.quote_share = 0.0;
    tg.media_share = 0.7;
    tg.url_share = 0.45;
    tg.comments_per_post = c.tg_comments;
    tg.answer_share = 0.06;
    tg.self_comment_share = 0.03;
    // Channels of the region write Russian and the state language first.
    tg.languages = x
        .languages
        .iter()
        .map(|&(l, w)| if l == Lang::En { (l, 1) } else { (l, w) })
        .collect();

    let mut fb = x.clone();
    fb.platform = Platform::Facebook;
    fb.handle = c.facebook.0.to_string();
    fb.account_id = c.facebook.1.to_string();
    fb.followers_start = c.facebook.2;
    fb.follower_growth = 0.05;
    fb.posts_per_week = x.posts_per_week * 0.5;
    fb.statuses_before = 6_000;
    fb.retweet_share = 0.05;
    fb.quote_share = 0.02;
    fb.comments_per_post = 6.0;
    fb.answer_share = 0.08;
    fb.self_comment_share = 0.02;

    let mut vk = x.clone();
    vk.platform = Platform::Vkontakte;
    vk.handle = c.vk.0.to_string();
    vk.account_id = c.vk.1.to_string();
    vk.followers_start = c.vk.2;
    vk.follower_growth = 0.08;
    vk.posts_per_week = x.posts_per_week * 0.45;
    vk.statuses_before = 2_500;
    vk.retweet_share = 0.1;
    vk.quote_share = 0.04;
    vk.comments_per_post = 5.0;
    vk.answer_share = 0.1;
    vk.self_comment_share = 0.04;
    vk.languages = vec![(Lang::Ru, 6), (x.languages[0].0, 2)];
    vk.languages.dedup_by_key(|(l, _)| *l);
    vec![tg, fb, vk]
}

fn campaign(
    id: &str,
    start: Timestamp,
    days: u32,
    theme: Theme,
    hashtags: &[&str],
    local: &[(Lang, &str)],
) -> Campaign {
    Campaign {
        id: id.to_string(),
        start,
        days,
        theme,
        hashtags: tags(hashtags),
        local_hashtags: local.iter().map(|(l, t)| (*l, t.to_string())).collect(),
        scope: CampaignScope::All,
        boost: 1.5,
        share: 0.5,
    }
}

/// Who takes part, how much more they post, and which share of their posts is about it.
fn with(mut c: Campaign, scope: CampaignScope, boost: f64, share: f64) -> Campaign {
    c.scope = scope;
    c.boost = boost;
    c.share = share;
    c
}

fn countries(list: &[&str]) -> CampaignScope {
    CampaignScope::Countries(tags(list))
}

fn national_day(iso3: &str, m: u32, d: u32, tag: &str) -> Campaign {
    with(
        campaign(
            &format!("national-day-{}", iso3.to_ascii_lowercase()),
            date(2025, m, d),
            1,
            Theme::NationalDay,
            &[tag],
            &[],
        ),
        countries(&[iso3]),
        3.0,
        0.8,
    )
}

/// The demo scenario, through 2025: embassies of ten European countries in Kazakhstan (on X and
/// Facebook), Kazakhstan's mission to the OSCE (X), the foreign ministries of Kazakhstan,
/// Uzbekistan and Kyrgyzstan (on X, Telegram, Facebook and VK; the Kyrgyz channel has no
/// discussion group), Kazakhstan's foreign minister and the British and Swedish ambassadors to
/// Kazakhstan (X). The X accounts post exactly as in the X-only demo of earlier versions.
pub fn demo_scenario() -> Scenario {
    let mut actors: Vec<ActorSpec> = EMBASSIES.iter().map(embassy_actor).collect();

    let mut mission = AccountSpec::new(
        "KZ_Mission_OSCE",
        "1822046135",
        "Kazakhstan Mission to the OSCE",
    );
    mission.description =
        format!("Permanent Mission of the Republic of Kazakhstan to the OSCE, Vienna. {SYNTHETIC}");
    mission.location = "Vienna, Austria".to_string();
    mission.created_at = date(2017, 2, 14);
    mission.followers_start = 2_100;
    mission.follower_growth = 0.09;
    mission.statuses_before = 900;
    mission.posts_per_week = 3.0;
    mission.languages = vec![(Lang::En, 5), (Lang::Ru, 2), (Lang::Kk, 1)];
    mission.reply_to_audience = 0.005;
    mission.utc_offset_minutes = 60;
    mission.hashtags = tags(&["OSCE", "ОБСЕ", "Kazakhstan", "security"]);
    actors.push(ActorSpec {
        id: "KAZ-MIS-OSCE".into(),
        name: "Permanent Mission of Kazakhstan to the OSCE".into(),
        kind: ActorKind::Mission,
        country: "KAZ".into(),
        host: Some("OSCE".into()),
        accounts: vec![mission],
    });

    struct Ministry {
        iso3: &'static str,
        name: &'static str,
        handle: &'static str,
        id: &'static str,
        location: &'static str,
        langs: Vec<(Lang, u32)>,
        posts_per_week: f64,
        followers: u64,
        offset: i32,
        hashtags: Vec<String>,
        reply: f64,
    }
    let ministries = [
        Ministry {
            iso3: "KAZ",
            name: "Ministry of Foreign Affairs of Kazakhstan",
            handle: "KazForeignMin",
            id: "1093518823",
            location: "Astana, Kazakhstan",
            langs: vec![(Lang::Kk, 4), (Lang::Ru, 4), (Lang::En, 3)],
            posts_per_week: 20.0,
            followers: 120_000,
            offset: 300,
            hashtags: tags(&[
                "Kazakhstan",
                "Қазақстан",
                "Казахстан",
                "Astana",
                "diplomacy",
            ]),
            reply: 0.02,
        },
        Ministry {
            iso3: "UZB",
            name: "Ministry of Foreign Affairs of Uzbekistan",
            handle: "UzForeignMin",
            id: "1275760442",
            location: "Tashkent, Uzbekistan",
            langs: vec![(Lang::Uz, 5), (Lang::Ru, 2), (Lang::En, 3)],
            posts_per_week: 14.0,
            followers: 61_000,
            offset: 300,
            hashtags: tags(&["Uzbekistan", "Toshkent", "diplomacy", "Узбекистан"]),
            reply: 0.01,
        },
        Ministry {
            iso3: "KGZ",
            name: "Ministry of Foreign Affairs of Kyrgyzstan",
            handle: "KgForeignMin",
            id: "1367994018",
            location: "Bishkek, Kyrgyzstan",
            langs: vec![(Lang::Ky, 4), (Lang::Ru, 4), (Lang::En, 2)],
            posts_per_week: 8.0,
            followers: 24_500,
            offset: 360,
            hashtags: tags(&["Kyrgyzstan", "Кыргызстан", "Бишкек", "diplomacy"]),
            reply: 0.005,
        },
    ];
    let channels = [
        Channels {
            telegram: ("mfa_kazakhstan", "1587304219", 86_000, 32.0),
            facebook: ("MFA.Kazakhstan", "100064290183746", 152_000),
            vk: ("mfa_kaz", "-187340562", 21_000),
            tg_comments: 5.0,
        },
        Channels {
            telegram: ("uzbekistan_mfa", "1432097816", 124_000, 24.0),
            facebook: ("MFAUzbekistan", "100064857102394", 98_000),
            vk: ("mfa_uzb", "-193847562", 14_500),
            tg_comments: 3.5,
        },
        Channels {
            telegram: ("mfa_kyrgyz", "1678213945", 31_000, 12.0),
            facebook: ("MFAKyrgyzRepublic", "100064672019384", 41_000),
            vk: ("mfa_kgz", "-201938475", 9_800),
            tg_comments: 0.0,
        },
    ];
    for (m, ch) in ministries.into_iter().zip(&channels) {
        let mut acc = AccountSpec::new(m.handle, m.id, m.name);
        acc.description = format!("Official account of the {}. {SYNTHETIC}", m.name);
        acc.location = m.location.to_string();
        acc.created_at = date(2011, 9, 1);
        acc.followers_start = m.followers;
        acc.follower_growth = 0.14;
        acc.following = 420;
        acc.statuses_before = 14_000;
        acc.posts_per_week = m.posts_per_week;
        acc.languages = m.langs;
        acc.reply_to_audience = m.reply;
        acc.reply_to_actors = 0.03;
        acc.retweet_share = 0.18;
        acc.quote_share = 0.04;
        acc.thread_share = 0.08;
        acc.media_share = 0.75;
        acc.utc_offset_minutes = m.offset;
        acc.hashtags = m.hashtags;
        let mut accounts = vec![acc.clone()];
        accounts.extend(ministry_channels(&acc, ch));
        actors.push(ActorSpec {
            id: format!("{}-MFA", m.iso3),
            name: m.name.to_string(),
            kind: ActorKind::Mfa,
            country: m.iso3.to_string(),
            host: None,
            accounts,
        });
    }

    let mut fm = AccountSpec::new("ATemirkhanov", "1742209931", "Aidar Temirkhanov");
    fm.description = format!("Minister of Foreign Affairs of the Republic of Kazakhstan. Tweets signed – AT are my own. {SYNTHETIC}");
    fm.location = "Astana".to_string();
    fm.created_at = date(2019, 6, 11);
    fm.followers_start = 48_000;
    fm.follower_growth = 0.25;
    fm.statuses_before = 1_300;
    fm.posts_per_week = 6.0;
    fm.languages = vec![(Lang::Kk, 3), (Lang::Ru, 3), (Lang::En, 4)];
    fm.reply_to_audience = 0.03;
    fm.reply_to_actors = 0.08;
    fm.retweet_share = 0.25;
    fm.signature = Some("– AT".to_string());
    fm.utc_offset_minutes = 300;
    fm.hashtags = tags(&["Kazakhstan", "Қазақстан", "diplomacy", "CentralAsia"]);
    actors.push(ActorSpec {
        id: "KAZ-FM".into(),
        name: "Aidar Temirkhanov (Foreign Minister of Kazakhstan)".into(),
        kind: ActorKind::ForeignMinister,
        country: "KAZ".into(),
        host: None,
        accounts: vec![fm],
    });

    let mut uk_amb = AccountSpec::new("AmbHMarlowe", "1598410276", "Helen Marlowe");
    uk_amb.description =
        format!("British Ambassador to Kazakhstan. Tweets signed – HM are personal. {SYNTHETIC}");
    uk_amb.location = "Astana, Kazakhstan".to_string();
    uk_amb.created_at = date(2022, 9, 5);
    uk_amb.followers_start = 3_600;
    uk_amb.follower_growth = 0.35;
    uk_amb.statuses_before = 700;
    uk_amb.posts_per_week = 4.0;
    uk_amb.languages = vec![(Lang::En, 6), (Lang::Ru, 2), (Lang::Kk, 1)];
    uk_amb.reply_to_audience = 0.12;
    uk_amb.reply_to_actors = 0.05;
    uk_amb.signature = Some("– HM".to_string());
    uk_amb.utc_offset_minutes = 300;
    uk_amb.hashtags = tags(&["UKinKZ", "Kazakhstan", "Қазақстан"]);
    actors.push(ActorSpec {
        id: "GBR-AMB-KAZ".into(),
        name: "Helen Marlowe (British Ambassador to Kazakhstan)".into(),
        kind: ActorKind::Ambassador,
        country: "GBR".into(),
        host: Some("KAZ".into()),
        accounts: vec![uk_amb],
    });

    let mut se_amb = AccountSpec::new("AmbKLindqvist", "1660035817", "Karin Lindqvist");
    se_amb.description = format!("Ambassador of Sweden to Kazakhstan. {SYNTHETIC}");
    se_amb.location = "Astana".to_string();
    se_amb.created_at = date(2023, 1, 20);
    se_amb.followers_start = 1_150;
    se_amb.follower_growth = 0.3;
    se_amb.statuses_before = 240;
    se_amb.posts_per_week = 2.0;
    se_amb.languages = vec![(Lang::En, 5), (Lang::Ru, 1)];
    se_amb.reply_to_audience = 0.04;
    se_amb.utc_offset_minutes = 300;
    se_amb.hashtags = tags(&["SEinKZ", "Kazakhstan", "TeamEurope"]);
    actors.push(ActorSpec {
        id: "SWE-AMB-KAZ".into(),
        name: "Karin Lindqvist (Ambassador of Sweden to Kazakhstan)".into(),
        kind: ActorKind::Ambassador,
        country: "SWE".into(),
        host: Some("KAZ".into()),
        accounts: vec![se_amb],
    });

    let eu_in_kz = [
        "DEU", "FRA", "ITA", "ESP", "NLD", "POL", "SWE", "FIN", "AUT",
    ];
    let campaigns = vec![
        with(
            campaign(
                "womens-day",
                date(2025, 3, 8),
                1,
                Theme::WomensDay,
                &["IWD2025"],
                &[(Lang::Ru, "8Марта")],
            ),
            CampaignScope::All,
            1.5,
            0.4,
        ),
        with(
            campaign(
                "nauryz",
                date(2025, 3, 21),
                3,
                Theme::Nauryz,
                &["Nauryz"],
                &[
                    (Lang::Kk, "Наурыз"),
                    (Lang::Ru, "Наурыз"),
                    (Lang::Uz, "Navruz"),
                    (Lang::Ky, "Нооруз"),
                ],
            ),
            CampaignScope::All,
            2.0,
            0.5,
        ),
        with(
            campaign(
                "europe-day",
                date(2025, 5, 9),
                1,
                Theme::EuropeDay,
                &["EuropeDay"],
                &[
                    (Lang::Ru, "ДеньЕвропы"),
                    (Lang::Kk, "ЕуропаКүні"),
                    (Lang::De, "Europatag"),
                    (Lang::Fr, "JournéeDeLEurope"),
                ],
            ),
            countries(&eu_in_kz),
            4.0,
            0.85,
        ),
        with(
            campaign(
                "idahot",
                date(2025, 5, 17),
                1,
                Theme::Idahot,
                &["IDAHOT"],
                &[],
            ),
            countries(&["DEU", "FRA", "GBR", "NLD", "SWE", "FIN", "ESP"]),
            3.0,
            0.9,
        ),
        with(
            campaign(
                "astana-forum",
                date(2025, 5, 29),
                2,
                Theme::Forum,
                &["AIF2025"],
                &[],
            ),
            countries(&["KAZ", "UZB", "KGZ", "DEU", "GBR"]),
            2.5,
            0.6,
        ),
        national_day("NLD", 4, 27, "Koningsdag"),
        national_day("POL", 5, 3, "Święto3Maja"),
        national_day("ITA", 6, 2, "FestadellaRepubblica"),
        national_day("SWE", 6, 6, "Nationaldagen"),
        national_day("GBR", 6, 14, "KingsBirthday"),
        national_day("FRA", 7, 14, "14juillet"),
        national_day("KGZ", 8, 31, "ЭгемендүүлүкКүнү"),
        national_day("UZB", 9, 1, "MustaqillikKuni"),
        national_day("DEU", 10, 3, "TagDerDeutschenEinheit"),
        national_day("ESP", 10, 12, "FiestaNacional"),
        national_day("KAZ", 10, 25, "РеспубликаКүні"),
        national_day("AUT", 10, 26, "Nationalfeiertag"),
        national_day("FIN", 12, 6, "Itsenäisyyspäivä"),
        national_day("KAZ", 12, 16, "ТәуелсіздікКүні"),
        with(
            campaign(
                "cop30",
                date(2025, 11, 10),
                3,
                Theme::Climate,
                &["COP30"],
                &[],
            ),
            CampaignScope::All,
            1.5,
            0.4,
        ),
    ];
    // Both Kazakh national days share the generated id pattern; keep ids unique.
    let mut campaigns = campaigns;
    if let Some(c) = campaigns
        .iter_mut()
        .rev()
        .find(|c| c.id == "national-day-kaz")
    {
        c.id = "independence-day-kaz".to_string();
    }

    Scenario {
        name: "demo: European embassies in Kazakhstan and Central Asian ministries, 2025"
            .to_string(),
        start: date(2025, 1, 1),
        end: date(2026, 1, 1),
        actors,
        campaigns,
        audience: AudienceSpec {
            citizens: 3_000,
            media: 12,
        },
        total_posts: None,
    }
}

/// Hosts of the scale scenario's embassies (capitals of many regions; Central Asia first).
const HOSTS: [&str; 24] = [
    "KAZ", "UZB", "KGZ", "TJK", "TKM", "DEU", "FRA", "GBR", "USA", "CHN", "RUS", "TUR", "JPN",
    "IND", "BRA", "ZAF", "EGY", "IDN", "AUS", "CAN", "MEX", "NGA", "KOR", "ARE",
];

fn host_offset(host: &str) -> i32 {
    match host {
        "KAZ" | "UZB" | "TJK" | "TKM" => 300,
        "KGZ" => 360,
        "DEU" | "FRA" | "NGA" => 60,
        "GBR" => 0,
        "USA" | "CAN" => -300,
        "MEX" => -360,
        "BRA" => -180,
        "CHN" | "AUS" => 480,
        "RUS" | "TUR" => 180,
        "JPN" | "KOR" => 540,
        "IND" => 330,
        "ZAF" | "EGY" => 120,
        "IDN" => 420,
        "ARE" => 240,
        _ => 0,
    }
}

fn own_language(iso3: &str) -> Option<Lang> {
    match iso3 {
        "DEU" | "AUT" | "CHE" | "LIE" => Some(Lang::De),
        "FRA" | "BEL" | "LUX" | "SEN" | "CIV" | "MCO" => Some(Lang::Fr),
        "RUS" | "BLR" => Some(Lang::Ru),
        "KAZ" => Some(Lang::Kk),
        "UZB" => Some(Lang::Uz),
        "KGZ" => Some(Lang::Ky),
        _ => None,
    }
}

/// A benchmark scenario: `n_accounts` accounts (mostly embassies, some ministries, ambassadors
/// and leaders) of countries drawn from the ISO table, with heavy-tailed activity, generating
/// exactly `n_posts` posts in 2025. Deterministic in its arguments.
pub fn scale_scenario(n_accounts: usize, n_posts: u64) -> Scenario {
    let n_accounts = n_accounts.clamp(1, 60_000);
    let mut rng = detmath::rng(0x5CA1E, &[n_accounts as u64]);
    let mut actors = Vec::with_capacity(n_accounts);
    let mut ministries = std::collections::BTreeSet::new();
    // Countries with an alpha-2 code that are not user-assigned.
    let pool: Vec<(&str, &str, &str)> = COUNTRIES
        .iter()
        .copied()
        .filter(|(a3, _, _)| *a3 != "XKX")
        .collect();
    for i in 0..n_accounts {
        let (iso3, a2, country_name) = pool[below(&mut rng, pool.len())];
        let host = HOSTS[below(&mut rng, HOSTS.len())];
        let host = if host == iso3 { "KAZ" } else { host };
        let host = if host == iso3 { "DEU" } else { host };
        let h2 = COUNTRIES
            .iter()
            .find(|(a3, _, _)| *a3 == host)
            .map_or("XX", |c| c.1);
        let mut kind = match i % 10 {
            0..=5 => ActorKind::Embassy,
            6 | 7 => ActorKind::Mfa,
            8 => ActorKind::Ambassador,
            _ => ActorKind::HeadOfState,
        };
        if kind == ActorKind::Mfa && !ministries.insert(iso3) {
            kind = ActorKind::Embassy;
        }
        let (actor_id, name, handle, has_host) = match kind {
            ActorKind::Embassy => (
                format!("{iso3}-EMB-{host}-{i}"),
                format!("Embassy of {country_name} ({i})"),
                format!("{a2}Emb{h2}{i}"),
                true,
            ),
            ActorKind::Mfa => (
                format!("{iso3}-MFA"),
                format!("Ministry of Foreign Affairs of {country_name}"),
                format!("{a2}MFA{i}"),
                false,
            ),
            ActorKind::Ambassador => (
                format!("{iso3}-AMB-{host}-{i}"),
                format!("Ambassador of {country_name} ({i})"),
                format!("{a2}Amb{h2}{i}"),
                true,
            ),
            _ => (
                format!("{iso3}-HOS-{i}"),
                format!("Head of State of {country_name} ({i})"),
                format!("{a2}Lead{i}"),
                false,
            ),
        };
        let account_id = (2_000_000_000u64 + i as u64 * 7_919).to_string();
        let mut acc = AccountSpec::new(&handle, &account_id, &name);
        acc.description = format!("{name}. Synthetic benchmark account (Diplometrics).");
        acc.created_at = Timestamp(
            days_from_civil(
                2010 + below(&mut rng, 14) as i32,
                1 + below(&mut rng, 12) as u32,
                1,
            ) * DAY,
        );
        acc.followers_start = (3_000.0 * detmath::lognormal(&mut rng, 1.5)).round() as u64 + 10;
        acc.follower_growth = 0.02 + 0.3 * uniform(&mut rng);
        acc.statuses_before = below(&mut rng, 20_000) as u64;
        acc.posts_per_week = (6.0 * detmath::lognormal(&mut rng, 1.0)).clamp(0.05, 300.0);
        let mut langs = vec![(Lang::En, 4)];
        if let Some(l) = own_language(iso3) {
            langs.push((l, 3));
        }
        if has_host && ["KAZ", "UZB", "KGZ", "TJK", "TKM", "RUS"].contains(&host) {
            langs.push((Lang::Ru, 3));
            if let Some(l) = own_language(host).filter(|l| *l != Lang::Ru) {
                langs.push((l, 1));
            }
        }
        langs.sort();
        langs.dedup_by_key(|(l, _)| *l);
        acc.languages = langs;
        acc.reply_to_audience = 0.08 * uniform(&mut rng);
        acc.reply_to_actors = 0.03 * uniform(&mut rng);
        acc.retweet_share = 0.1 + 0.3 * uniform(&mut rng);
        acc.quote_share = 0.08 * uniform(&mut rng);
        acc.thread_share = 0.1 * uniform(&mut rng);
        acc.utc_offset_minutes = host_offset(if has_host { host } else { iso3 });
        acc.hashtags = vec![format!("{a2}in{h2}"), "diplomacy".to_string()];
        if kind == ActorKind::HeadOfState && uniform(&mut rng) < 0.5 {
            acc.signature = Some(format!("– {}{}", &a2[..1], &a2[1..]));
        }
        actors.push(ActorSpec {
            id: actor_id,
            name,
            kind,
            country: iso3.to_string(),
            host: if has_host {
                Some(host.to_string())
            } else {
                None
            },
            accounts: vec![acc],
        });
    }
    let campaigns = vec![
        with(
            campaign(
                "europe-day",
                date(2025, 5, 9),
                1,
                Theme::EuropeDay,
                &["EuropeDay"],
                &[(Lang::Ru, "ДеньЕвропы")],
            ),
            countries(&EU_MEMBERS),
            3.0,
            0.8,
        ),
        with(
            campaign(
                "idahot",
                date(2025, 5, 17),
                1,
                Theme::Idahot,
                &["IDAHOT"],
                &[],
            ),
            countries(&[
                "DEU", "FRA", "GBR", "NLD", "SWE", "FIN", "ESP", "CAN", "AUS",
            ]),
            3.0,
            0.9,
        ),
        with(
            campaign(
                "cop30",
                date(2025, 11, 10),
                3,
                Theme::Climate,
                &["COP30"],
                &[],
            ),
            CampaignScope::All,
            1.5,
            0.4,
        ),
    ];
    Scenario {
        name: format!("scale: {n_accounts} accounts, {n_posts} posts, 2025"),
        start: date(2025, 1, 1),
        end: date(2026, 1, 1),
        actors,
        campaigns,
        audience: AudienceSpec {
            citizens: (n_posts / 50).clamp(1_000, 4_000_000) as u32,
            media: 12,
        },
        total_posts: Some(n_posts),
    }
}

/// The benchmark scenario with its accounts on `platform`: the same actors and activity as
/// [`scale_scenario`] (which is the X case), with platform handles and ids (a Telegram channel
/// id, a Facebook page id, a negative VK community id) and, on Facebook, VK and Telegram,
/// heavy-tailed comment sections. Exactly `n_posts` timeline posts.
pub fn scale_scenario_on(platform: Platform, n_accounts: usize, n_posts: u64) -> Scenario {
    let mut sc = scale_scenario(n_accounts, n_posts);
    if platform == Platform::Twitter {
        return sc;
    }
    sc.name = format!(
        "scale ({}): {} accounts, {n_posts} posts, 2025",
        platform.id(),
        sc.n_accounts()
    );
    let mut rng = detmath::rng(0x5CA1F, &[n_accounts as u64, platform as u64]);
    let mut i = 0u64;
    for actor in &mut sc.actors {
        for acc in &mut actor.accounts {
            let x_handle = acc.handle.clone();
            acc.platform = platform;
            match platform {
                Platform::Telegram => {
                    let mut h = x_handle.to_ascii_lowercase();
                    while h.len() < 5 {
                        h.push_str("_tg");
                    }
                    acc.handle = h;
                    acc.account_id = (1_100_000_000 + i * 7_919).to_string();
                    acc.retweet_share *= 0.5;
                    acc.quote_share = 0.0;
                    acc.followers_start *= 2;
                }
                Platform::Facebook => {
                    let mut h = x_handle.replace('_', ".");
                    while h.len() < 5 {
                        h.push_str(".fb");
                    }
                    acc.handle = h;
                    acc.account_id = (100_064_000_000_000 + i * 7_919).to_string();
                    acc.retweet_share *= 0.3;
                    acc.quote_share *= 0.5;
                    acc.followers_start = acc.followers_start * 3 + 500;
                }
                _ => {
                    acc.handle = x_handle.to_ascii_lowercase();
                    acc.account_id = format!("-{}", 150_000_000 + i * 7_919);
                    acc.retweet_share *= 0.5;
                }
            }
            acc.reply_to_audience = 0.0;
            acc.reply_to_actors = 0.0;
            acc.thread_share = 0.0;
            acc.comments_per_post = if platform == Platform::Telegram && uniform(&mut rng) < 0.3 {
                0.0 // a channel without a discussion group
            } else {
                (2.0 * detmath::lognormal(&mut rng, 0.8)).min(40.0)
            };
            acc.answer_share = 0.3 * uniform(&mut rng);
            acc.self_comment_share = 0.06 * uniform(&mut rng);
            i += 1;
        }
    }
    sc
}

/// A benchmark corpus size: exactly `n_posts` posts over `n_accounts` accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleSpec {
    pub n_accounts: usize,
    pub n_posts: u64,
}

impl ScaleSpec {
    /// About 2,000 posts per account (a busy ministry's year), at least 20 accounts.
    pub fn for_posts(n_posts: u64) -> ScaleSpec {
        ScaleSpec {
            n_accounts: (n_posts / 2_000).clamp(20, 60_000) as usize,
            n_posts,
        }
    }

    pub fn scenario(&self) -> Scenario {
        scale_scenario(self.n_accounts, self.n_posts)
    }

    /// The scenario with its accounts on `platform` ([`scale_scenario_on`]).
    pub fn scenario_on(&self, platform: Platform) -> Scenario {
        scale_scenario_on(platform, self.n_accounts, self.n_posts)
    }

    /// Writes a benchmark corpus into `out_dir`: for each format of `options.formats`, a corpus of
    /// exactly `n_posts` timeline posts (tweets, channel messages, page posts, CSV rows, wall
    /// posts; comments come on top) over `n_accounts` accounts of the format's platform; and, if
    /// asked, one `actors.csv` registering every account written. `accounts` of the summary lists
    /// each format's accounts in turn.
    pub fn write_corpus(
        &self,
        seed: u64,
        out_dir: &Path,
        options: &CorpusOptions,
    ) -> Result<CorpusSummary, SynthError> {
        let mut formats = options.formats.clone();
        formats.sort();
        formats.dedup();
        let mut files: Vec<FileSummary> = Vec::new();
        let mut accounts = Vec::new();
        let mut platforms: Vec<Platform> = Vec::new();
        for &f in &formats {
            let scenario = self.scenario_on(f.platform());
            let one = CorpusOptions {
                formats: vec![f],
                registry: false,
                secondary_kinds: options.secondary_kinds.clone(),
            };
            let summary = write_corpus(&scenario, seed, out_dir, &one)?;
            files.extend(summary.files);
            accounts.extend(summary.accounts.into_iter().filter(|c| c.format.is_some()));
            if !platforms.contains(&f.platform()) {
                platforms.push(f.platform());
            }
        }
        if options.registry {
            if platforms.is_empty() {
                platforms.push(Platform::Twitter);
            }
            // One registry: every actor with its accounts on each platform written.
            let mut all = self.scenario_on(platforms[0]);
            for p in &platforms[1..] {
                let other = self.scenario_on(*p);
                for (actor, o) in all.actors.iter_mut().zip(other.actors) {
                    actor.accounts.extend(o.accounts);
                }
            }
            std::fs::create_dir_all(out_dir).map_err(|source| SynthError::File {
                path: out_dir.to_path_buf(),
                source,
            })?;
            let path = out_dir.join("actors.csv");
            let mut w = crate::corpus::create(&path)?;
            let bytes = crate::registry::write_registry_csv(&all, &mut w)?;
            w.flush().map_err(|source| SynthError::File {
                path: path.clone(),
                source,
            })?;
            files.insert(
                0,
                FileSummary {
                    path,
                    format: "registry_csv",
                    n_posts: 0,
                    n_comments: 0,
                    bytes,
                },
            );
        }
        Ok(CorpusSummary {
            n_posts: files.iter().map(|f| f.n_posts).sum(),
            n_comments: files.iter().map(|f| f.n_comments).sum(),
            bytes: files.iter().map(|f| f.bytes).sum(),
            files,
            accounts,
        })
    }
}

//! The report's dialogue section (codebook §5–§6): per actor, in plain words, does it talk with
//! its public, how fast, about what, with whom, in which languages, and does it reach the host
//! country's public; a chart of how audience comments were answered; the table.

use dipl_dialogue::{dialogue, dialogue_table, language_table, Dialogue, UnitDialogue};
use dipl_metrics::{By, Group, Params, Table};
use dipl_model::Dataset;

use crate::build::select;
use crate::chart::BarChart;
use crate::document::{Block, Section};

/// As the report's other percentages, but a share too small to round to 1 % says so.
fn percent(x: f64) -> String {
    if x > 0.0 && x < 0.005 {
        "<1 %".to_string()
    } else {
        crate::build::percent(x)
    }
}

/// `n noun`, with thousands separated and the noun as many as n (`1 reply`, `1,914 replies`).
fn count(n: u64, noun: &str) -> String {
    format!("{} {}", thousands(n), crate::build::noun_for(n, noun))
}

fn hours(h: f64) -> String {
    if h < 1.0 {
        format!("{:.0} min", h * 60.0)
    } else if h < 48.0 {
        format!("{h:.1} h")
    } else {
        format!("{:.1} days", h / 24.0)
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn language_list(list: &[(String, u64)]) -> String {
    let total: u64 = list.iter().map(|(_, n)| n).sum();
    list.iter()
        .take(3)
        .map(|(l, n)| format!("{l} ({})", percent(*n as f64 / total as f64)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plain-words paragraph of one actor.
fn sentence(name: &str, host: Option<&str>, d: &Dialogue) -> String {
    let mut parts: Vec<String> = Vec::new();
    if d.audience_comments == 0 {
        parts.push("no audience comments in the data".to_string());
    } else {
        let mut s = format!(
            "{}, {} answered ({})",
            count(d.audience_comments, "audience comment"),
            thousands(d.answered),
            percent(d.answered_share.value().unwrap_or(0.0))
        );
        if let (Some(median), Some(p90)) = (d.response_time_median, d.response_time_p90) {
            s.push_str(&format!(
                "; first answers after {} in the median, 90 % within {}",
                hours(median),
                hours(p90)
            ));
        }
        parts.push(s);
        if d.questions > 0 {
            parts.push(format!(
                "{} of {} left unanswered",
                thousands(d.questions_unanswered),
                count(d.questions, "question")
            ));
        }
    }
    if d.replies_to_others > 0 {
        let mut s = format!(
            "of its {} to others, {} answer other actors rather than the public",
            count(d.replies_to_others, "reply"),
            percent(d.replies_to_actors as f64 / d.replies_to_others as f64)
        );
        if let (Some(days), Some(gini)) = (d.concentration_top_days.value(), d.concentration_gini) {
            s.push_str(&format!(
                "; {} fall on its 3 busiest days (Gini over days {gini:.2})",
                percent(days)
            ));
        }
        if let Some(posts) = d.concentration_top_posts.value() {
            s.push_str(&format!(
                " and {} under its 3 busiest threads",
                percent(posts)
            ));
        }
        parts.push(s);
        if !d.topics.is_empty() {
            parts.push(format!(
                "its conversations are about {}",
                d.topics
                    .iter()
                    .map(|(t, n)| format!("#{t} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    } else {
        parts.push("it replies to no one".to_string());
    }
    if !d.post_languages.is_empty() {
        let mut s = format!("it writes in {}", language_list(&d.post_languages));
        if let (Some(share), Some(host)) = (d.host_language_share.and_then(|r| r.value()), host) {
            s.push_str(&format!(", {} in a language of {host}", percent(share)));
        }
        parts.push(s);
    }
    if let (Some(share), Some(host)) = (d.local_audience_share.and_then(|r| r.value()), host) {
        let mut s = format!(
            "{} of the audience comments are in a language of {host}",
            percent(share)
        );
        if let Some(located) = d.local_commenters_located {
            if located.total > 0.0 {
                s.push_str(&format!(
                    ", and {:.0} of {} with a recognisable location {} in {host}",
                    located.hits,
                    count(located.total as u64, "commenter"),
                    if located.hits == 1.0 { "is" } else { "are" }
                ));
            }
        }
        parts.push(s);
    }
    let mut text = format!("{name}: {}.", parts.join("; "));
    if let Some(first) = text.get(..1) {
        let upper = first.to_uppercase();
        text.replace_range(..1, &upper);
    }
    text
}

/// The evidence behind the language and locality figures: the detector, each host's languages
/// with their source, and the gazetteer.
fn evidence(named: &[(&UnitDialogue, String, Option<&str>)]) -> String {
    let mut hosts: Vec<&str> = named.iter().filter_map(|(_, _, h)| *h).collect();
    hosts.sort_unstable();
    hosts.dedup();
    let rows: Vec<String> = hosts
        .iter()
        .filter_map(|host| {
            let languages = dipl_lang::host_languages(host)?;
            let source = dipl_lang::host_language_source(host).unwrap_or("no source");
            Some(format!("{host}: {} ({source})", languages.join(", ")))
        })
        .collect();
    let mut text = format!(
        "Evidence: languages detected by {}; locations read by {}.",
        dipl_lang::DETECTOR_VERSION,
        dipl_dialogue::GAZETTEER_VERSION
    );
    if !rows.is_empty() {
        text.push_str(&format!(" Host languages: {}.", rows.join("; ")));
    }
    text
}

/// The figures the section's table shows (their definitions go into the report's notes).
pub const SHOWN: &[&str] = &[
    "audience_comments",
    "answered_share",
    "response_time_median",
    "response_time_p90",
    "questions_unanswered",
    "dialogue_concentration_gini",
    "dialogue_concentration_top_days",
    "dialogue_concentration_top_posts",
    "amplifies_audience",
    "follow_back_share",
    "host_language_share",
    "local_audience_share",
    "local_commenters_located",
];

/// The section, the opening-summary lines, and the tables written beside the report.
pub fn dialogue_section(
    dataset: &Dataset,
    params: &Params,
) -> (Section, Vec<String>, Vec<(String, Table)>) {
    let by_actor = dialogue(dataset, params, By::Actor);
    let by_account = dialogue(dataset, params, By::Account);
    let actor_table = dialogue_table(&by_actor, By::Actor, dataset);
    let tables = vec![
        (
            "dialogue_by_account".to_string(),
            dialogue_table(&by_account, By::Account, dataset),
        ),
        ("dialogue_by_actor".to_string(), actor_table.clone()),
        (
            "languages_by_actor".to_string(),
            language_table(&by_actor, By::Actor, dataset),
        ),
    ];
    let mut blocks = vec![Block::Paragraph(
        "Does each actor talk with its public? An audience comment is a reply by an account that is not an actor's to the actor's post or reply; it is answered when the account commented on replies to it (an answer by another account does not count; self-replies are never dialogue). Response time runs from the comment to the first answer. Concentration shows whether replies are confined to a few days or threads (scheduled Q&A, single issues). Languages are detected per post (dipl-lang); host languages come from the CLDR table shipped with Diplometrics.".into(),
    )];
    let named: Vec<(&UnitDialogue, String, Option<&str>)> = by_actor
        .iter()
        .filter(|u| u.base.posts > 0 || u.dialogue.audience_comments > 0)
        .filter_map(|u| match &u.group {
            Group::Actor(a) => dataset
                .actors
                .get(*a as usize)
                .map(|actor| (u, actor.name.clone(), actor.host.as_deref())),
            _ => None,
        })
        .collect();
    let total_comments: u64 = by_actor.iter().map(|u| u.dialogue.audience_comments).sum();
    let total_answered: u64 = by_actor.iter().map(|u| u.dialogue.answered).sum();
    let mut summary = Vec::new();
    if total_comments == 0 {
        blocks.push(Block::Paragraph("The data holds no audience comments under the actors' posts. Timelines alone carry none: collect comment threads (Facebook Graph feeds with comments, Telegram discussion groups, VK wall.getComments, YouTube commentThreads, X conversation searches) to measure dialogue.".into()));
    } else {
        summary.push(format!(
            "Dialogue: the actors answered {} of {} audience comments ({}).",
            thousands(total_answered),
            thousands(total_comments),
            percent(total_answered as f64 / total_comments as f64)
        ));
        let with_comments: Vec<&(&UnitDialogue, String, Option<&str>)> = named
            .iter()
            .filter(|(u, _, _)| u.dialogue.audience_comments > 0)
            .collect();
        let share = |f: &dyn Fn(&Dialogue) -> f64| -> Vec<f64> {
            with_comments
                .iter()
                .map(|(u, _, _)| f(&u.dialogue))
                .collect()
        };
        let of_comments =
            |d: &Dialogue, bucket: f64| bucket * d.answered_share.value().unwrap_or(0.0);
        blocks.push(Block::Chart(BarChart {
            title: "How audience comments were answered".into(),
            categories: with_comments.iter().map(|(_, n, _)| n.clone()).collect(),
            series: vec![
                (
                    "within 2 h".into(),
                    share(&|d| of_comments(d, d.response_within_2h.value().unwrap_or(0.0))),
                ),
                (
                    "2–8 h".into(),
                    share(&|d| of_comments(d, d.response_2h_to_8h.value().unwrap_or(0.0))),
                ),
                (
                    "8–24 h".into(),
                    share(&|d| of_comments(d, d.response_8h_to_24h.value().unwrap_or(0.0))),
                ),
                (
                    "after 24 h".into(),
                    share(&|d| of_comments(d, d.response_over_24h.value().unwrap_or(0.0))),
                ),
                (
                    "not answered".into(),
                    share(&|d| d.not_answered.value().unwrap_or(0.0)),
                ),
            ],
            unit: "share of audience comments".into(),
            end_labels: with_comments
                .iter()
                .map(|(u, _, _)| {
                    format!(
                        "{} of {} answered",
                        thousands(u.dialogue.answered),
                        thousands(u.dialogue.audience_comments)
                    )
                })
                .collect(),
        }));
    }
    for (unit, name, host) in &named {
        blocks.push(Block::Paragraph(sentence(name, *host, &unit.dialogue)));
    }
    blocks.push(Block::Table {
        caption: "Actors: dialogue".into(),
        table: select(
            &actor_table,
            &["actor", "host"]
                .into_iter()
                .chain(SHOWN.iter().copied())
                .collect::<Vec<_>>(),
        ),
    });
    blocks.push(Block::Paragraph(evidence(&named)));
    (
        Section {
            id: "dialogue".into(),
            title: "Dialogue: talking with the public".into(),
            blocks,
        },
        summary,
        tables,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dipl_model::Ratio;

    fn figures() -> Dialogue {
        Dialogue {
            audience_comments: 1914,
            answered: 365,
            answered_share: Ratio::new(365.0, 1914.0),
            response_time_median: Some(2.94),
            response_time_p90: Some(18.04),
            response_within_2h: Ratio::new(150.0, 365.0),
            response_2h_to_8h: Ratio::new(100.0, 365.0),
            response_8h_to_24h: Ratio::new(80.0, 365.0),
            response_over_24h: Ratio::new(35.0, 365.0),
            not_answered: Ratio::new(1549.0, 1914.0),
            questions: 600,
            questions_unanswered: 489,
            concentration_gini: Some(0.8),
            concentration_top_days: Ratio::new(100.0, 431.0),
            concentration_top_posts: Ratio::new(120.0, 431.0),
            amplifies_audience: Ratio::new(3.0, 8.0),
            follow_back_share: None,
            post_languages: vec![("ru".into(), 500), ("de".into(), 400), ("kk".into(), 100)],
            own_posts_undetermined: 5,
            host_language_share: Some(Ratio::new(600.0, 1000.0)),
            audience_languages: vec![("ru".into(), 1000)],
            audience_undetermined: 0,
            local_audience_share: Some(Ratio::new(1300.0, 1900.0)),
            local_commenters_located: Some(Ratio::new(40.0, 52.0)),
            commenters: 900,
            replies_to_others: 431,
            replies_to_actors: 22,
            topics: vec![("visa".into(), 120), ("education".into(), 80)],
            post_tags: Default::default(),
            comment_tags: Default::default(),
        }
    }

    #[test]
    fn one_actor_in_plain_words() {
        assert_eq!(
            sentence("Embassy of Germany in Kazakhstan", Some("KAZ"), &figures()),
            "Embassy of Germany in Kazakhstan: 1,914 audience comments, 365 answered (19 %); \
             first answers after 2.9 h in the median, 90 % within 18.0 h; 489 of 600 questions \
             left unanswered; of its 431 replies to others, 5 % answer other actors rather than \
             the public; 23 % fall on its 3 busiest days (Gini over days 0.80) and 28 % under \
             its 3 busiest threads; its conversations are about #visa (120), #education (80); \
             it writes in ru (50 %), de (40 %), kk (10 %), 60 % in a language of KAZ; 68 % of \
             the audience comments are in a language of KAZ, and 40 of 52 commenters with a \
             recognisable location are in KAZ."
        );
        let silent = Dialogue {
            audience_comments: 0,
            replies_to_others: 0,
            topics: Vec::new(),
            post_languages: Vec::new(),
            host_language_share: None,
            local_audience_share: None,
            ..figures()
        };
        assert_eq!(
            sentence("MFA", None, &silent),
            "MFA: no audience comments in the data; it replies to no one."
        );
    }

    #[test]
    fn hours_read_naturally() {
        assert_eq!(hours(0.25), "15 min");
        assert_eq!(hours(3.75), "3.8 h");
        assert_eq!(hours(72.0), "3.0 days");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(count(1, "reply"), "1 reply");
        assert_eq!(count(1914, "reply"), "1,914 replies");
        assert_eq!(percent(0.001), "<1 %");
    }
}

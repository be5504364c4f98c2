//! Hand-computed checks of the dialogue figures on a small conversation.
//!
//! Time is (day, hour) after 2024-01-01T00:00:00Z; the window is days [0, 10), so the Gini
//! coefficient spreads replies over 10 days.
//!
//! The German embassy in Kazakhstan (`E`, host KAZ) posts P1 (day 1), P2 (day 2), P3 (day 5).
//! The ministry `M` is another unit. Audience: a1 (located "Алматы"), a2 ("Berlin"), a3 (no
//! location), a4.
//!
//! | comment | by | on | when | question | lang | answer by E |
//! |---|---|---|---|---|---|---|
//! | c1 | a1 | P1 | d1 01:00 | yes | ru | r1 d1 02:30 (1.5 h), again r1b d1 05:00 |
//! | c2 | a2 | P1 | d1 03:00 | yes | kk | none (M answers: someone else) |
//! | c3 | a3 | P2 | d2 00:00 | no | en | d3 06:00 (30 h) |
//! | c4 | a1 | c3 | d2 01:00 | no | ru | — (addressed to a3, not E) |
//! | c6 | a4 | P1 | day −1 | yes | ru | d1 06:00 (the comment is outside the window) |
//! | c7 | a2 | r1 | d1 04:00 | no | ru | d1 10:00 (6 h) |
//! | c8 | a3 | P3 | d5 00:00 | no | de | d5 01:00 (1 h) |
//!
//! E also writes a self-reply (thread) under P2 and a reply to a deleted comment of a2 (day 4).

use dipl_dialogue::{dialogue, dialogue_table, language_table, unanswered_questions};
use dipl_metrics::{By, Group, Params, Value};
use dipl_model::{
    AccountIdx, AccountInfo, Actor, ActorKind, Dataset, FollowRow, Platform, PostKind, PostRow,
    ThreadItem, Threads, Timestamp, Window, NO_ITEM,
};

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;
const T0: i64 = 1_704_067_200;

fn at(day: i64, hour: i64, minute: i64) -> Timestamp {
    Timestamp(T0 + day * DAY + hour * HOUR + minute * 60)
}

const E: AccountIdx = 0;
const M: AccountIdx = 1;
const A1: AccountIdx = 2;
const A2: AccountIdx = 3;
const A3: AccountIdx = 4;
const A4: AccountIdx = 5;

fn account(handle: &str, actor: Option<u32>, location: Option<&str>) -> AccountInfo {
    AccountInfo {
        platform: Platform::Twitter,
        platform_id: format!("id-{handle}"),
        handle: Some(handle.into()),
        display_name: None,
        actor,
        is_subject: actor.is_some(),
        is_pseudonymised: actor.is_none(),
        created_at: None,
        verified: None,
        location: location.map(str::to_string),
    }
}

struct Builder {
    threads: Threads,
    /// Item names, for parent links.
    names: Vec<&'static str>,
}

impl Builder {
    fn lang(&mut self, code: &str) -> Option<u16> {
        if let Some(i) = self.threads.languages.iter().position(|l| l == code) {
            return Some(i as u16);
        }
        self.threads.languages.push(code.to_string());
        Some((self.threads.languages.len() - 1) as u16)
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        &mut self,
        name: &'static str,
        account: AccountIdx,
        created_at: Timestamp,
        parent: Option<&str>,
        parent_account: Option<AccountIdx>,
        question: bool,
        lang: &str,
    ) {
        let parent_index = parent
            .and_then(|p| self.names.iter().position(|n| *n == p))
            .map_or(NO_ITEM, |i| i as u32);
        let lang = self.lang(lang);
        self.threads.items.push(ThreadItem {
            post_rowid: self.names.len() as i64 + 1,
            account,
            created_at,
            kind: if parent_account.is_some() {
                PostKind::Reply
            } else {
                PostKind::Original
            },
            parent: parent_index,
            missing_parent_key: if parent.is_some() && parent_index == NO_ITEM {
                77
            } else {
                0
            },
            parent_account,
            referenced_account: None,
            lang,
            platform_lang: None,
            question,
            in_window: created_at.0 >= T0,
            hashtags: (0, 0),
        });
        self.names.push(name);
    }
}

fn fixture() -> Dataset {
    let mut ds = Dataset {
        actors: vec![
            Actor {
                id: "DEU-EMB-KAZ".into(),
                name: "German Embassy Astana".into(),
                kind: ActorKind::Embassy,
                country: "DEU".into(),
                host: Some("KAZ".into()),
                notes: None,
            },
            Actor {
                id: "KAZ-MFA".into(),
                name: "MFA of Kazakhstan".into(),
                kind: ActorKind::Mfa,
                country: "KAZ".into(),
                host: None,
                notes: None,
            },
        ],
        accounts: vec![
            account("GermanyInKZ", Some(0), None),
            account("MFA_KZ", Some(1), None),
            account("anon-a1", None, Some("Алматы")),
            account("anon-a2", None, Some("Berlin")),
            account("anon-a3", None, None),
            account("anon-a4", None, Some("Astana")),
        ],
        ..Dataset::default()
    };
    let mut b = Builder {
        threads: Threads {
            loaded: true,
            ..Threads::default()
        },
        names: Vec::new(),
    };
    b.item("c6", A4, at(-1, 12, 0), Some("P1x"), Some(E), true, "ru");
    b.item("P1", E, at(1, 0, 0), None, None, false, "de");
    b.item("c1", A1, at(1, 1, 0), Some("P1"), Some(E), true, "ru");
    b.item("r1", E, at(1, 2, 30), Some("c1"), Some(A1), false, "ru");
    b.item("c2", A2, at(1, 3, 0), Some("P1"), Some(E), true, "kk");
    b.item("m-c2", M, at(1, 3, 30), Some("c2"), Some(A2), false, "kk");
    b.item("c7", A2, at(1, 4, 0), Some("r1"), Some(E), false, "ru");
    b.item("r1b", E, at(1, 5, 0), Some("c1"), Some(A1), false, "ru");
    b.item("r-c6", E, at(1, 6, 0), Some("c6"), Some(A4), false, "ru");
    b.item("r-c7", E, at(1, 10, 0), Some("c7"), Some(A2), false, "kk");
    b.item("P2", E, at(2, 0, 0), None, None, false, "kk");
    b.item("c3", A3, at(2, 0, 0), Some("P2"), Some(E), false, "en");
    b.item("self", E, at(2, 0, 10), Some("P2"), Some(E), false, "kk");
    b.item("c4", A1, at(2, 1, 0), Some("c3"), Some(A3), false, "ru");
    b.item("r-c3", E, at(3, 6, 0), Some("c3"), Some(A3), false, "en");
    b.item(
        "r-del",
        E,
        at(4, 0, 0),
        Some("deleted"),
        Some(A2),
        false,
        "de",
    );
    b.item("P3", E, at(5, 0, 0), None, None, false, "ru");
    b.item("c8", A3, at(5, 0, 0), Some("P3"), Some(E), false, "de");
    b.item("r-c8", E, at(5, 1, 0), Some("c8"), Some(A3), false, "de");
    // c6 hangs under an older post of E that was not collected: give it P1 as parent instead,
    // to check that a comment outside the window still places its answer in P1's thread.
    b.threads.items[0].parent = 1;
    b.threads.items[0].missing_parent_key = 0;
    // P1 carries #visa: what E's conversations are about.
    b.threads.tags = vec!["visa".into()];
    b.threads.item_tags = vec![0];
    b.threads.items[1].hashtags = (0, 1);
    ds.threads = b.threads;

    // The posts table: the units' posts in the window, plus reposts and a quote of E.
    for item in &ds.threads.items {
        let unit = item.account == E || item.account == M;
        if unit && item.in_window {
            ds.posts.push(post(
                item.account,
                item.created_at,
                item.kind,
                item.parent_account,
                None,
            ));
        }
    }
    ds.posts
        .push(post(E, at(6, 0, 0), PostKind::Repost, None, Some(A1)));
    ds.posts
        .push(post(E, at(6, 1, 0), PostKind::Repost, None, Some(M)));
    ds.posts
        .push(post(E, at(6, 2, 0), PostKind::Quote, None, None));
    ds.posts.sort_by_key(|p| (p.account, p.created_at));
    ds.follows = vec![
        follow(A1, E),
        follow(A2, E),
        follow(M, E),
        follow(E, A1),
        follow(E, M),
    ];
    ds.follows.sort();
    ds
}

fn post(
    account: AccountIdx,
    created_at: Timestamp,
    kind: PostKind,
    parent_account: Option<AccountIdx>,
    referenced_account: Option<AccountIdx>,
) -> PostRow {
    PostRow {
        account,
        created_at,
        kind,
        parent_account,
        referenced_account,
        likes: None,
        reposts: None,
        replies: None,
        quotes: None,
        views: None,
        hashtags: 0..0,
        mentions: 0..0,
    }
}

fn follow(follower: AccountIdx, followed: AccountIdx) -> FollowRow {
    FollowRow {
        follower,
        followed,
        observed_at: at(0, 0, 0),
    }
}

fn params() -> Params {
    Params::new(Window {
        from: Some(at(0, 0, 0)),
        to: Some(at(10, 0, 0)),
        as_of: None,
    })
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn embassy_figures_by_hand() {
    let ds = fixture();
    let units = dialogue(&ds, &params(), By::Account);
    let e = units
        .iter()
        .find(|u| u.group == Group::Account(E))
        .expect("E is a unit");
    let d = &e.dialogue;
    // c1, c2, c3, c7, c8 (c6 is before the window, c4 is addressed to a3).
    assert_eq!(d.audience_comments, 5);
    // c1 (first answer 1.5 h), c3 (30 h), c7 (6 h), c8 (1 h); c2 only by M.
    assert_eq!(d.answered, 4);
    assert_eq!(d.answered_share.value(), Some(0.8));
    // Seconds 3600, 5400, 21600, 108000: median (5400 + 21600) / 2 = 13500 s = 3.75 h;
    // p90: h = 3·0.9 = 2.7 → 21600 + 0.7·86400 = 82080 s = 22.8 h.
    assert!(
        close(d.response_time_median, 3.75),
        "{:?}",
        d.response_time_median
    );
    assert!(
        close(d.response_time_p90, 22.8),
        "{:?}",
        d.response_time_p90
    );
    assert_eq!(d.response_within_2h.value(), Some(0.5));
    assert_eq!(d.response_2h_to_8h.value(), Some(0.25));
    assert_eq!(d.response_8h_to_24h.value(), Some(0.0));
    assert_eq!(d.response_over_24h.value(), Some(0.25));
    assert_eq!(d.not_answered.value(), Some(0.2));
    // Questions: c1 (answered) and c2 (not); c6 is outside the window.
    assert_eq!((d.questions, d.questions_unanswered), (2, 1));
    // Replies to others in the window: r1, r1b, r-c6, r-c7 (day 1), r-c3 (day 3), r-del
    // (day 4), r-c8 (day 5) = 7; the self-reply is no dialogue. Over 10 days, sorted
    // (0×6, 1, 1, 1, 4): Σ(2i − 11)·x = 3 + 5 + 7 + 36 = 51; Gini = 51 / (10·7).
    assert!(close(d.concentration_gini, 51.0 / 70.0));
    // Busiest days 4 + 1 + 1 of 7.
    assert_eq!(d.concentration_top_days.value(), Some(6.0 / 7.0));
    // Threads: P1 has r1, r1b, r-c6, r-c7 (4); P2 1; the deleted comment 1; P3 1 → 6 of 7.
    assert_eq!(d.concentration_top_posts.value(), Some(6.0 / 7.0));
    // With whom and about what: all 7 replies go to the audience; 4 of them are in P1's
    // thread, which carries #visa.
    assert_eq!((d.replies_to_others, d.replies_to_actors), (7, 0));
    assert_eq!(d.topics, vec![("visa".to_string(), 4)]);
    // Reposts and quote: a1 (audience), M (unit), unknown → 1 of 3.
    assert_eq!(d.amplifies_audience.value(), Some(1.0 / 3.0));
    // Followers in the data: a1, a2, M; E follows back a1 and M.
    assert_eq!(d.follow_back_share.and_then(|r| r.value()), Some(2.0 / 3.0));
    // Own posts (not reposts) in the window: P1 de, r1 ru, r1b ru, r-c6 ru, r-c7 kk, P2 kk,
    // self kk, r-c3 en, r-del de, P3 ru, r-c8 de → ru 4, de 3, kk 3, en 1.
    assert_eq!(
        d.post_languages,
        vec![
            ("ru".to_string(), 4),
            ("de".to_string(), 3),
            ("kk".to_string(), 3),
            ("en".to_string(), 1)
        ]
    );
    // Host KAZ: Kazakh and Russian → 7 of 11.
    assert_eq!(
        d.host_language_share.and_then(|r| r.value()),
        Some(7.0 / 11.0)
    );
    // Audience comments: c1 ru, c2 kk, c3 en, c7 ru, c8 de → local (kk, ru) 3 of 5.
    assert_eq!(
        d.audience_languages,
        vec![
            ("ru".to_string(), 2),
            ("de".to_string(), 1),
            ("en".to_string(), 1),
            ("kk".to_string(), 1)
        ]
    );
    assert_eq!(
        d.local_audience_share.and_then(|r| r.value()),
        Some(3.0 / 5.0)
    );
    // Commenters a1 (Алматы → KAZ), a2 (Berlin → DEU), a3 (no location): 1 of 2 located.
    assert_eq!(d.commenters, 3);
    assert_eq!(
        d.local_commenters_located.and_then(|r| r.value()),
        Some(0.5)
    );
}

#[test]
fn the_ministry_answered_someone_else() {
    let ds = fixture();
    let units = dialogue(&ds, &params(), By::Account);
    let m = units
        .iter()
        .find(|u| u.group == Group::Account(M))
        .expect("M is a unit");
    let d = &m.dialogue;
    // Nobody commented on M's posts: every ratio is n/a, not 0.
    assert_eq!(d.audience_comments, 0);
    assert_eq!(d.answered_share.value(), None);
    assert_eq!(d.response_time_median, None);
    // M's one reply (to c2, on day 1) is dialogue with the audience all the same.
    assert!(close(d.concentration_gini, 0.9));
    // M follows E and E follows M back.
    assert_eq!(d.follow_back_share.and_then(|r| r.value()), Some(1.0));
    // Not hosted: no host-language figures.
    assert_eq!(d.host_language_share, None);
    assert_eq!(d.local_audience_share, None);
}

#[test]
fn actors_and_countries_pool_their_accounts() {
    let ds = fixture();
    let by_country = dialogue(&ds, &params(), By::Country);
    let deu = by_country
        .iter()
        .find(|u| u.group == Group::Country("DEU".into()))
        .expect("DEU");
    assert_eq!(deu.dialogue.audience_comments, 5);
    assert_eq!(deu.dialogue.answered, 4);
    let table = dialogue_table(&by_country, By::Country, &ds);
    let row = table
        .rows
        .iter()
        .position(|r| r.first() == Some(&Value::Text("DEU".into())))
        .expect("row");
    assert_eq!(table.cell(row, "answered_share"), Some(&Value::Float(0.8)));
    assert_eq!(
        table.cell(row, "post_languages"),
        Some(&Value::Text("ru 4; de 3; kk 3; en 1".into()))
    );
}

#[test]
fn unanswered_questions_are_listed() {
    let ds = fixture();
    let list = unanswered_questions(&ds, &params());
    assert_eq!(list.len(), 1);
    let q = &list[0];
    assert_eq!((q.account, q.commenter), (E, A2));
    assert_eq!(q.created_at, at(1, 3, 0));
    assert_eq!(q.lang.as_deref(), Some("kk"));
    // Its parent is P1 (item 1, row id 2).
    assert_eq!(q.parent_rowid, Some(2));
}

#[test]
fn a_late_answer_counts_only_when_known_by_as_of() {
    let ds = fixture();
    // Window ends on day 3 at 00:00 and as_of with it: the answer to c3 (day 3 06:00) is not
    // known yet, so c3 is unanswered.
    let p = Params::new(Window {
        from: Some(at(0, 0, 0)),
        to: Some(at(3, 0, 0)),
        as_of: None,
    });
    let units = dialogue(&ds, &p, By::Account);
    let e = &units[0].dialogue;
    assert_eq!(e.audience_comments, 3 + 1); // c1, c2, c7, c3
    assert_eq!(e.answered, 2); // c1, c7
                               // With as_of on day 4, the answer is known.
    let p = Params::new(Window {
        from: Some(at(0, 0, 0)),
        to: Some(at(3, 0, 0)),
        as_of: Some(at(4, 0, 0)),
    });
    let units = dialogue(&ds, &p, By::Account);
    assert_eq!(units[0].dialogue.answered, 3);
}

#[test]
fn language_table_long_form() {
    let ds = fixture();
    let units = dialogue(&ds, &params(), By::Actor);
    let table = language_table(&units, By::Actor, &ds);
    let rows: Vec<String> = table
        .rows
        .iter()
        .filter(|r| r[0] == Value::Text("DEU-EMB-KAZ".into()))
        .map(|r| format!("{:?} {:?} {:?}", r[3], r[4], r[6]))
        .collect();
    assert_eq!(rows.len(), 8, "{rows:#?}");
}

#[test]
fn every_dialogue_column_is_in_the_catalog() {
    let catalog = dipl_metrics::catalog();
    for id in dipl_dialogue::dialogue_columns().chain(["host"]) {
        assert!(
            catalog.iter().any(|d| d.id == id),
            "{id} has no catalog entry"
        );
    }
}

#[test]
fn over_time_columns_are_dialogue_columns() {
    for id in dipl_dialogue::OVER_TIME_COLUMNS {
        assert!(dipl_dialogue::dialogue_columns().any(|c| c == *id), "{id}");
    }
}

#[test]
fn over_time_splits_the_window_into_periods() {
    let ds = fixture();
    // Days 0–10 of January 2024 in one month; by day periods are not offered, so compare a
    // month with the whole window: the same figures.
    let table =
        dipl_dialogue::dialogue_over_time(&ds, &params(), By::Account, dipl_model::Every::Month);
    assert_eq!(
        table.columns[..7],
        [
            "platform",
            "account_id",
            "handle",
            "actor",
            "country",
            "period",
            "replies_to_audience"
        ]
    );
    let e: Vec<&Vec<Value>> = table
        .rows
        .iter()
        .filter(|r| r[2] == Value::Text("GermanyInKZ".into()))
        .collect();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0][5], Value::Text("2024-01".into()));
    assert_eq!(table.cell(0, "audience_comments"), Some(&Value::Int(5)));
    assert_eq!(table.cell(0, "answered"), Some(&Value::Int(4)));
    assert_eq!(table.cell(0, "answered_share"), Some(&Value::Float(0.8)));
}

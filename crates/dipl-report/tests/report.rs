//! The report of a small hand-made dataset: the summary says what the tables show.

use dipl_metrics::Params;
use dipl_model::{
    AccountInfo, Actor, ActorKind, Dataset, FollowerObs, Platform, PostKind, PostRow, Timestamp,
    Window,
};
use dipl_report::build::build_report;
use dipl_report::document::{to_html, to_markdown_report};

const DAY: i64 = 86_400;

fn account(handle: &str, actor: Option<u32>, subject: bool) -> AccountInfo {
    AccountInfo {
        platform: Platform::Twitter,
        platform_id: format!("id-{handle}"),
        handle: Some(handle.into()),
        display_name: None,
        actor,
        is_subject: subject,
        is_pseudonymised: !subject,
        created_at: None,
        verified: None,
    }
}

fn post(
    account: u32,
    day: i64,
    kind: PostKind,
    likes: Option<u64>,
    tags: std::ops::Range<u32>,
) -> PostRow {
    PostRow {
        account,
        created_at: Timestamp(1_735_689_600 + day * DAY),
        kind,
        parent_account: (kind == PostKind::Reply).then_some(2),
        referenced_account: None,
        likes,
        reposts: likes.map(|_| 1),
        replies: None,
        quotes: None,
        views: None,
        hashtags: tags,
        mentions: 0..0,
    }
}

/// Two embassies of one country; `@Quiet` posted twice in January, `@Busy` 10 times up to day
/// 40, two of them replies to the audience account `anon-1`.
fn dataset() -> Dataset {
    let actor = |id: &str| Actor {
        id: id.into(),
        name: format!("Embassy {id}"),
        kind: ActorKind::Embassy,
        country: "DEU".into(),
        host: Some("KAZ".into()),
        notes: None,
    };
    let mut posts = Vec::new();
    // @Busy (account 0): days 0..8 originals with 10 likes each (#astana on the first three),
    // days 39 and 40 replies to the audience.
    for day in 0..8 {
        let tags = if day < 3 {
            day as u32..day as u32 + 1
        } else {
            3..3
        };
        posts.push(post(0, day, PostKind::Original, Some(10), tags));
    }
    posts.push(post(0, 39, PostKind::Reply, Some(0), 3..3));
    posts.push(post(0, 40, PostKind::Reply, Some(0), 3..3));
    // @Quiet (account 1): two originals without counters.
    posts.push(post(1, 1, PostKind::Original, None, 3..3));
    posts.push(post(1, 2, PostKind::Original, None, 3..3));
    Dataset {
        actors: vec![actor("DEU-EMB-A"), actor("DEU-EMB-B")],
        accounts: vec![
            account("Busy", Some(0), true),
            account("Quiet", Some(1), true),
            account("anon-1", None, false),
        ],
        posts,
        follower_obs: vec![FollowerObs {
            account: 0,
            observed_at: Timestamp(1_735_689_600 + 40 * DAY),
            followers: 1000,
        }],
        profile_obs: vec![],
        follows: vec![],
        symbols: vec!["astana".into()],
        post_hashtags: vec![0, 0, 0],
        post_mentions: vec![],
    }
}

#[test]
fn summary_states_the_figures_of_the_tables() {
    let built = build_report(&dataset(), &Params::new(Window::ALL), Some("Test"));
    let summary = built.report.summary.join("\n");
    // 12 posts from day 0 to day 40; as_of = the last post (day 40): @Busy active, @Quiet's
    // last post (day 2) is 38 days old: dormant.
    expect_test::expect![[r#"
        2 accounts (2 linked to 2 registered actors from 1 country) published 12 posts between 2025-01-01 and 2025-02-10.
        As of 2025-02-10: 1 account active (posted in the last 30 days), 1 dormant and 0 inactive.
        The most active account is @Busy (twitter) with 0.2 posts per day.
        The highest median engagement is that of @Busy (twitter): 11 interactions on a typical own post.
        Replies to others make up 17 % of all posts: these accounts mostly broadcast; 1 of the accounts that posted never replied to anyone.
        The most conversational account is @Busy (twitter) (20 % of its posts are replies to others).
        Top hashtags: #astana (3)."#]]
    .assert_eq(&summary);
    let names: Vec<&str> = built.tables.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "accounts",
            "actors",
            "countries",
            "hashtags_by_account",
            "hashtags_overall",
            "mentions_by_account"
        ]
    );
    // The audience account is not a row of the account table.
    assert_eq!(built.tables[0].1.rows.len(), 2);
}

#[test]
fn html_is_self_contained_and_escaped() {
    let mut data = dataset();
    data.actors[0].name = "Embassy <A> & \"B\"".into();
    let built = build_report(&data, &Params::new(Window::ALL), None);
    let html = to_html(&built.report);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no scripts");
    assert!(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"));
    assert!(
        !html.contains("https://"),
        "nothing loaded from the network"
    );
    assert!(html.contains("Embassy &lt;A&gt; &amp; &quot;B&quot;"));
    assert!(!html.contains("Embassy <A>"));
    let markdown = to_markdown_report(&built.report);
    assert!(markdown.starts_with("# Digital diplomacy assessment"));
}

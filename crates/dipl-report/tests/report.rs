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
        location: None,
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
        threads: Default::default(),
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
            "mentions_by_account",
            "dialogue_by_account",
            "dialogue_by_actor",
            "languages_by_actor"
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

// ---- The "Networks" section and the network drawing -------------------------------------

use dipl_metrics::Value;
use dipl_model::FollowRow;
use dipl_report::document::{Block, Section};
use dipl_report::network_chart::{NetworkChart, NetworkNode, MAX_NODES};

fn networks(built: &dipl_report::build::BuiltReport) -> &Section {
    let last = built.report.sections.last().expect("sections");
    assert_eq!(last.id, "networks");
    last
}

/// `dataset()` plus three invented actors (the Kazakh MFA, the EU Delegation and the British
/// Embassy in Astana) and follow edges among the actor accounts. By hand (accounts 0 @Busy,
/// 1 @Quiet, 3 @MFA_KZ, 4 @EUinKZ, 5 @UKinKZ; 2 is the audience and left out):
/// MFA↔Busy, MFA↔EU, MFA↔UK, EU↔Busy mutual; EU→UK, UK→Busy, Quiet→MFA one way.
/// mutual / one_way_in / one_way_out: MFA 3/1/0, Busy 2/1/0, EU 2/0/1, UK 1/1/1, Quiet 0/0/1.
/// 11 directed ties among 5 nodes: density 11/20 = 55.0 %, reciprocity 8/11 = 73 %.
fn follow_dataset() -> Dataset {
    let mut data = dataset();
    let actor = |id: &str, name: &str, kind: ActorKind, country: &str| Actor {
        id: id.into(),
        name: name.into(),
        kind,
        country: country.into(),
        host: Some("KAZ".into()),
        notes: None,
    };
    data.actors.extend([
        actor("KAZ-MFA", "MFA of Kazakhstan", ActorKind::Mfa, "KAZ"),
        actor(
            "EU-DEL-KAZ",
            "EU Delegation to Kazakhstan",
            ActorKind::Embassy,
            "EU",
        ),
        actor(
            "GBR-EMB-KAZ",
            "British Embassy Astana",
            ActorKind::Embassy,
            "GBR",
        ),
    ]);
    data.accounts.extend([
        account("MFA_KZ", Some(2), true),
        account("EUinKZ", Some(3), true),
        account("UKinKZ", Some(4), true),
    ]);
    let t = Timestamp(1_735_689_600);
    let pairs: [(u32, u32); 13] = [
        (3, 0),
        (0, 3),
        (3, 4),
        (4, 3),
        (3, 5),
        (5, 3),
        (4, 0),
        (0, 4),
        (4, 5),
        (5, 0),
        (1, 3),
        (2, 3), // the audience account: not a node
        (2, 0),
    ];
    let mut follows: Vec<FollowRow> = pairs
        .iter()
        .map(|&(follower, followed)| FollowRow {
            follower,
            followed,
            observed_at: t,
        })
        .collect();
    follows.sort_by_key(|f| (f.follower, f.followed, f.observed_at));
    data.follows = follows;
    data
}

#[test]
fn a_graph_without_ties_gives_one_sentence() {
    // No follow edges: the reply graph; @Busy's replies go to the audience, not an actor.
    let built = build_report(&dataset(), &Params::new(Window::ALL), None);
    let section = networks(&built);
    assert_eq!(section.blocks.len(), 1);
    let Block::Paragraph(text) = &section.blocks[0] else {
        panic!("expected a paragraph, got {:?}", section.blocks[0]);
    };
    expect_test::expect!["There are no ties between the 2 actor accounts in the reply graph (A → B: account A replied to a post of account B in the window; the data has no follow edges)."]
        .assert_eq(text);
    let html = to_html(&built.report);
    assert!(html.contains("<a href=\"#networks\">Networks</a>"));
    assert!(!html.contains("community"), "no drawing");
    let markdown = to_markdown_report(&built.report);
    assert!(markdown.contains("## Networks\n\nThere are no ties"));
}

#[test]
fn the_follow_graph_section_states_the_figures_of_its_table() {
    let built = build_report(&follow_dataset(), &Params::new(Window::ALL), None);
    let section = networks(&built);
    assert_eq!(section.blocks.len(), 3);
    let Block::Paragraph(text) = &section.blocks[0] else {
        panic!("expected a paragraph");
    };
    // Figures as computed by hand above; Louvain's split is the network crate's business,
    // only its wording is checked here.
    assert!(
        text.starts_with("The follow graph (A → B: account A follows account B) links 5 actor accounts by 11 directed ties (density 55.0 %). 73 % of the ties are returned (reciprocity). The Louvain method finds "),
        "{text}"
    );
    assert!(
        text.ends_with(
            " The best connected is @MFA_KZ with 3 mutual ties (1 one-way in, 0 one-way out)."
        ),
        "{text}"
    );
    let Block::Network(chart) = &section.blocks[1] else {
        panic!("expected the drawing");
    };
    assert_eq!((chart.nodes.len(), chart.edges.len()), (5, 11));
    assert!(!chart.is_cut());
    let Block::Table { table, .. } = &section.blocks[2] else {
        panic!("expected the best-connected table");
    };
    assert_eq!(
        table.columns,
        [
            "rank",
            "platform",
            "handle",
            "actor",
            "country",
            "mutual",
            "one_way_in",
            "one_way_out"
        ]
    );
    let rows: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(dipl_report::table::display_value)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "1 twitter @MFA_KZ KAZ-MFA KAZ 3 1 0",
            "2 twitter @Busy DEU-EMB-A DEU 2 1 0",
            "3 twitter @EUinKZ EU-DEL-KAZ EU 2 0 1",
            "4 twitter @UKinKZ GBR-EMB-KAZ GBR 1 1 1",
            "5 twitter @Quiet DEU-EMB-B DEU 0 0 1",
        ]
    );
    // Sorted by mutual ties, then one-way ties in.
    let key = |row: &Vec<Value>| match (&row[5], &row[6]) {
        (Value::Int(m), Value::Int(i)) => (*m, *i),
        other => panic!("not counts: {other:?}"),
    };
    assert!(table.rows.windows(2).all(|w| key(&w[0]) >= key(&w[1])));

    // HTML: the figure inline, byte-identical from run to run; Markdown: a sentence.
    let html = to_html(&built.report);
    assert!(html.contains("<figcaption>The follow graph of the actor accounts</figcaption>"));
    assert_eq!(html.matches("<line ").count(), 11);
    let again = build_report(&follow_dataset(), &Params::new(Window::ALL), None);
    assert_eq!(html, to_html(&again.report));
    let markdown = to_markdown_report(&built.report);
    assert!(markdown.contains(
        "**The follow graph of the actor accounts** (figure in the HTML report)\n\nThe drawing shows 5 nodes and 11 ties"
    ));
    assert!(!markdown.contains("<svg"));
    // The summary and the sections before are unchanged by the follow edges (but for the
    // dialogue section, whose follow-back share reads them).
    let mut no_follows = follow_dataset();
    no_follows.follows.clear();
    let plain = build_report(&no_follows, &Params::new(Window::ALL), None);
    assert_eq!(built.report.summary, plain.report.summary);
    let before = |b: &dipl_report::build::BuiltReport| {
        let sections = &b.report.sections[..b.report.sections.len() - 1];
        let kept: Vec<_> = sections.iter().filter(|s| s.id != "dialogue").collect();
        format!("{kept:?}")
    };
    assert_eq!(before(&built), before(&plain));
}

/// 400 nodes in 5 communities: a ring inside each community, a few ties across.
fn big_chart() -> NetworkChart {
    let nodes = (0..400)
        .map(|i| NetworkNode {
            label: format!("@account_{i}"),
            score: 1.0 / (1.0 + (i % 97) as f64),
            community: i % 11,
        })
        .collect();
    let mut edges = Vec::new();
    for i in 0..400usize {
        edges.push((i, (i + 11) % 400, 1.0 + (i % 3) as f64));
        if i % 7 == 0 {
            edges.push((i, (i * 13 + 5) % 400, 1.0));
        }
    }
    NetworkChart::new("A large graph", nodes, edges)
}

#[test]
fn the_layout_is_deterministic_and_inside_the_view_box() {
    let chart = big_chart();
    assert_eq!(chart.nodes.len(), MAX_NODES);
    assert_eq!(chart.total_nodes, 400);
    assert!(chart.is_cut());
    assert_eq!(
        chart.caption(),
        "A large graph (the top 300 of 400 nodes by PageRank and the ties among them)"
    );
    let svg = chart.to_svg();
    assert_eq!(svg, big_chart().to_svg(), "same input, same bytes");
    assert_eq!(chart.layout(), chart.layout());

    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    let (width, height) = chart.view_box();
    assert_eq!(
        root.attribute("viewBox"),
        Some(format!("0 0 {width:.0} {height:.0}").as_str())
    );
    let num = |n: &roxmltree::Node, a: &str| -> f64 {
        n.attribute(a).expect(a).parse().expect("a number")
    };
    let circles: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.children().any(|c| c.has_tag_name("title")))
        .collect();
    assert_eq!(circles.len(), MAX_NODES);
    for c in &circles {
        let (x, y, r) = (num(c, "cx"), num(c, "cy"), num(c, "r"));
        assert!(
            x - r >= 0.0 && x + r <= width && y - r >= 0.0 && y + r <= height,
            "node at ({x}, {y}) r {r} outside 0 0 {width} {height}"
        );
    }
    // Labels only for the top nodes; communities 9 and 10 are beyond the palette: grey.
    let labels = root
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.text().is_some_and(|t| t.starts_with('@')))
        .count();
    assert_eq!(labels, dipl_report::network_chart::LABELLED);
    assert!(svg.contains("other ("));
    // The nodes are spread out, not piled up: distinct positions.
    let mut positions: Vec<(i64, i64)> = chart
        .layout()
        .iter()
        .map(|&(x, y)| (x.round() as i64, y.round() as i64))
        .collect();
    positions.sort_unstable();
    positions.dedup();
    assert!(positions.len() > MAX_NODES * 9 / 10, "{}", positions.len());
}

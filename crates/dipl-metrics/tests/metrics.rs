//! Hand-computed checks of every metric on a small dataset, plus edge cases.
//!
//! Time is written as (day, hour) after 2024-01-01T00:00:00Z; the main window is days [0, 40),
//! so `as_of` = day 40 and every "days in window" divides by 40.

use dipl_metrics::{
    account_metrics, account_table, actor_metrics, actor_table, catalog, catalog_table,
    country_metrics, country_table, hashtag_table, hashtags, mention_table, mentions, By, Group,
    MentionOf, Metrics, Params, ParamsError, Status, Table, Value,
};
use dipl_model::{
    AccountIdx, AccountInfo, Actor, ActorKind, Dataset, FollowerObs, Platform, PostKind, PostRow,
    ProfileObs, Timestamp, Window,
};
use expect_test::{expect, Expect};

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;
/// 2024-01-01T00:00:00Z
const T0: i64 = 1_704_067_200;
const N: Option<u64> = None;

fn at(day: i64, hour: i64) -> Timestamp {
    Timestamp(T0 + day * DAY + hour * HOUR)
}

/// Builds a dataset concisely; `finish` sorts posts and observations as the store does.
#[derive(Default)]
struct Fixture {
    ds: Dataset,
}

impl Fixture {
    fn actor(&mut self, id: &str, kind: ActorKind, country: &str) -> u32 {
        self.ds.actors.push(Actor {
            id: id.into(),
            name: format!("name of {id}"),
            kind,
            country: country.into(),
            host: None,
            notes: None,
        });
        (self.ds.actors.len() - 1) as u32
    }

    fn account(
        &mut self,
        platform: Platform,
        handle: &str,
        actor: Option<u32>,
        subject: bool,
    ) -> AccountIdx {
        self.ds.accounts.push(AccountInfo {
            platform,
            platform_id: format!("id-{handle}"),
            handle: Some(handle.into()),
            display_name: None,
            actor,
            is_subject: subject || actor.is_some(),
            is_pseudonymised: false,
            created_at: None,
            verified: None,
            location: None,
        });
        (self.ds.accounts.len() - 1) as AccountIdx
    }

    fn symbols(&mut self, list: &[&str], mentions: bool) -> std::ops::Range<u32> {
        let target = if mentions {
            &mut self.ds.post_mentions
        } else {
            &mut self.ds.post_hashtags
        };
        let start = target.len() as u32;
        for symbol in list {
            let index = match self.ds.symbols.iter().position(|s| s == symbol) {
                Some(i) => i,
                None => {
                    self.ds.symbols.push(symbol.to_string());
                    self.ds.symbols.len() - 1
                }
            };
            let target = if mentions {
                &mut self.ds.post_mentions
            } else {
                &mut self.ds.post_hashtags
            };
            target.push(index as u32);
        }
        start..start + list.len() as u32
    }

    /// A post with counters `[likes, reposts, replies, quotes]`.
    #[allow(clippy::too_many_arguments)]
    fn post(
        &mut self,
        account: AccountIdx,
        t: Timestamp,
        kind: PostKind,
        parent: Option<AccountIdx>,
        [likes, reposts, replies, quotes]: [Option<u64>; 4],
        tags: &[&str],
        mentioned: &[&str],
    ) {
        let hashtags = self.symbols(tags, false);
        let mentions = self.symbols(mentioned, true);
        self.ds.posts.push(PostRow {
            account,
            created_at: t,
            kind,
            parent_account: parent,
            referenced_account: None,
            likes,
            reposts,
            replies,
            quotes,
            views: None,
            hashtags,
            mentions,
        });
    }

    fn followers(&mut self, account: AccountIdx, t: Timestamp, followers: u64) {
        self.ds.follower_obs.push(FollowerObs {
            account,
            observed_at: t,
            followers,
        });
    }

    fn finish(mut self) -> Dataset {
        self.ds.posts.sort_by_key(|p| (p.account, p.created_at));
        self.ds
            .follower_obs
            .sort_by_key(|o| (o.account, o.observed_at));
        self.ds
    }
}

use PostKind::{Original, Quote, Reply, Repost};

/// Accounts: 0 @MFA_A (twitter, actor DEU-MFA), 1 @EmbA (twitter, actor DEU-EMB-KAZ),
/// 2 @citizen (audience), 3 @SilentB (twitter, actor FRA-MFA, no posts), 4 @MfaAfb (facebook,
/// actor DEU-MFA), 5 @subject_only (twitter subject without actor).
#[rustfmt::skip]
fn fixture() -> Dataset {
    let mut f = Fixture::default();
    let deu_mfa = f.actor("DEU-MFA", ActorKind::Mfa, "DEU");
    let deu_emb = f.actor("DEU-EMB-KAZ", ActorKind::Embassy, "DEU");
    let fra_mfa = f.actor("FRA-MFA", ActorKind::Mfa, "FRA");
    let mfa = f.account(Platform::Twitter, "MFA_A", Some(deu_mfa), true);
    let emb = f.account(Platform::Twitter, "EmbA", Some(deu_emb), true);
    let citizen = f.account(Platform::Twitter, "citizen", None, false);
    f.account(Platform::Twitter, "SilentB", Some(fra_mfa), true);
    let mfa_fb = f.account(Platform::Facebook, "MfaAfb", Some(deu_mfa), true);
    let subject = f.account(Platform::Twitter, "subject_only", None, true);

    // @MFA_A. Outside the window: day −1 and exactly day 40 (= to, half-open).
    f.post(mfa, at(-1, 0), Original, None, [Some(1000), N, N, N], &["old"], &[]);
    f.post(mfa, at(40, 0), Original, None, [Some(1000), N, N, N], &["old"], &[]);
    // p1 interactions 10 + 5 + 2 + 1 = 18
    f.post(mfa, at(1, 10), Original, None, [Some(10), Some(5), Some(2), Some(1)], &["diplomacy", "eu"], &["emba", "citizen"]);
    // p2 self-reply (thread): not to audience; interactions 1
    f.post(mfa, at(1, 12), Reply, Some(mfa), [Some(1), Some(0), Some(0), Some(0)], &[], &[]);
    // p3 reply to the citizen; interactions 3 + 1 = 4 (reposts, quotes unknown)
    f.post(mfa, at(5, 9), Reply, Some(citizen), [Some(3), N, Some(1), N], &[], &["citizen"]);
    // p4 reply, parent author unknown → audience; interactions 0
    f.post(mfa, at(5, 20), Reply, None, [Some(0), Some(0), Some(0), Some(0)], &[], &[]);
    // p5 repost: its counters (and tags) belong to the reposted post
    f.post(mfa, at(12, 8), Repost, None, [Some(999), Some(500), N, N], &["ignored"], &["ignored"]);
    // p6 quote without any counter: left out of interaction figures
    f.post(mfa, at(20, 0), Quote, None, [N, N, N, N], &["diplomacy"], &[]);
    // p7 interactions 40 + 20 = 60
    f.post(mfa, at(25, 18), Original, None, [Some(40), Some(20), N, N], &["eu", "astana"], &[]);
    f.followers(mfa, at(-5, 0), 900);
    f.followers(mfa, at(2, 0), 1000);
    f.followers(mfa, at(16, 0), 1210);
    f.followers(mfa, at(45, 0), 5000); // after as_of: unknown as of day 40

    // @MfaAfb: q1 interactions 100 (likes only), q2 no counters; no follower observations.
    f.post(mfa_fb, at(3, 12), Original, None, [Some(100), N, N, N], &["diplomacy"], &[]);
    f.post(mfa_fb, at(38, 6), Original, None, [N, N, N, N], &[], &[]);

    // @EmbA: r1, exactly 30 days before as_of → still active.
    f.post(emb, at(10, 0), Original, None, [Some(0), Some(0), Some(0), Some(0)], &["kaz"], &[]);
    f.followers(emb, at(5, 0), 0);
    f.followers(emb, at(25, 0), 50);

    // @subject_only: last post 30 days and 1 s before as_of → dormant.
    f.post(subject, Timestamp(at(10, 0).0 - 1), Original, None, [N, N, N, N], &[], &[]);
    f.followers(subject, at(3, 0), 77);

    // The citizen's comment: audience accounts are never rows.
    f.post(citizen, at(-10, 0), Reply, Some(mfa), [Some(2), N, N, N], &["noise"], &[]);
    f.finish()
}

fn window() -> Params {
    Params::new(Window {
        from: Some(at(0, 0)),
        to: Some(at(40, 0)),
        as_of: None,
    })
}

fn by_handle<'a>(
    ds: &Dataset,
    rows: &'a [dipl_metrics::AccountMetrics],
    handle: &str,
) -> &'a Metrics {
    &rows
        .iter()
        .find(|m| ds.accounts[m.account as usize].handle.as_deref() == Some(handle))
        .unwrap_or_else(|| panic!("no row for @{handle}"))
        .metrics
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value, not n/a");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn account_metrics_by_hand() {
    let ds = fixture();
    let rows = account_metrics(&ds, &window());
    // Rows: units only (no @citizen), twitter before facebook, handles case-insensitively.
    let handles: Vec<&str> = rows
        .iter()
        .map(|m| {
            ds.accounts[m.account as usize]
                .handle
                .as_deref()
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        handles,
        ["EmbA", "MFA_A", "SilentB", "subject_only", "MfaAfb"]
    );

    let m = by_handle(&ds, &rows, "MFA_A");
    // p1..p7 in [day 0, day 40): 7 posts, 6 own (not p5), originals p1 p7, replies p2 p3 p4.
    assert_eq!(
        (
            m.posts,
            m.own_posts,
            m.originals,
            m.replies,
            m.reposts,
            m.quotes
        ),
        (7, 6, 2, 3, 1, 1)
    );
    // p3 (to the citizen) and p4 (unknown parent); p2 is a self-reply.
    assert_eq!(m.replies_to_audience, 2);
    // Days 1, 5, 12, 20, 25.
    assert_eq!(m.active_days, 5);
    // 7 / 40
    close(m.posts_per_day.value(), 0.175);
    // 40 − 25.75 (day 25 18:00)
    close(m.days_since_last_post, 14.25);
    // Gaps: 1.4167 (start→p1), 0.0833, 3.875, 0.4583, 6.5, 7.6667, 5.75, 14.25 (p7→end).
    close(m.longest_silence_days, 14.25);
    assert_eq!(m.status, Status::Active);
    assert_eq!(m.first_post, Some(at(1, 10)));
    assert_eq!(m.last_post, Some(at(25, 18)));
    // Latest at or before day 40: 1210 (day 16); the day-45 count is not known yet.
    assert_eq!(m.followers, Some(1210));
    // In window: 1000 (day 2), 1210 (day 16): (1210/1000)^(7/14) − 1 = 1.1 − 1
    close(m.follower_growth_weekly, 0.1);
    // Interactions of own posts with counters: p1 18, p2 1, p3 4, p4 0, p7 60 (p6 none, p5 a
    // repost) → sorted [0, 1, 4, 18, 60], Σ 83, n 5.
    assert_eq!(m.interactions_per_post.hits, 83.0);
    assert_eq!(m.interactions_per_post.total, 5.0);
    close(m.interactions_per_post.value(), 16.6);
    // Odd n: median x[2] = 4; q1 h = 1 → 1; q3 h = 3 → 18.
    close(m.median_interactions, 4.0);
    close(m.q1, 1.0);
    close(m.q3, 18.0);
    // Cut int(0.25·5) = 1 each end: mean(1, 4, 18) = 23/3
    close(m.trimmed_mean, 23.0 / 3.0);
    // (5 + 20) / 2 originals
    close(m.reposts_per_original.value(), 12.5);
    // 16.6 / mean(1000, 1210) × 100 = 16.6 / 1105 × 100
    close(m.interaction_rate, 16.6 / 1105.0 * 100.0);
    // likes 10+1+3+0+40; reposts 5+0+0+20 (p3 unknown); replies 2+0+1+0; quotes 1+0+0
    assert_eq!(m.likes, Some(54));
    assert_eq!(m.reposts_received, Some(25));
    assert_eq!(m.replies_received, Some(3));
    assert_eq!(m.quotes_received, Some(1));
    // 2/7, 2/2, 2/7
    close(m.conversational_share.value(), 2.0 / 7.0);
    close(m.responsiveness.value(), 1.0);
    close(m.contribution.value(), 2.0 / 7.0);

    let fb = by_handle(&ds, &rows, "MfaAfb");
    assert_eq!(
        (fb.posts, fb.own_posts, fb.originals, fb.active_days),
        (2, 2, 2, 2)
    );
    close(fb.posts_per_day.value(), 0.05);
    // 40 − 38.25
    close(fb.days_since_last_post, 1.75);
    // start→q1 3.5, q1→q2 34.75, q2→end 1.75
    close(fb.longest_silence_days, 34.75);
    // Only q1 has counters: [100]
    close(fb.interactions_per_post.value(), 100.0);
    close(fb.median_interactions, 100.0);
    close(fb.q1, 100.0);
    close(fb.q3, 100.0);
    close(fb.trimmed_mean, 100.0);
    // No reposts counter on any original; no follower observation: n/a, not 0.
    assert_eq!(fb.reposts_per_original.value(), None);
    assert_eq!(fb.followers, None);
    assert_eq!(fb.follower_growth_weekly, None);
    assert_eq!(fb.interaction_rate, None);
    assert_eq!(fb.likes, Some(100));
    assert_eq!(
        (fb.reposts_received, fb.replies_received, fb.quotes_received),
        (None, None, None)
    );
    // 0 of 2 replies is a real 0 %, not n/a.
    assert_eq!(fb.conversational_share.value(), Some(0.0));
    assert_eq!(fb.contribution.value(), Some(1.0));

    let emb = by_handle(&ds, &rows, "EmbA");
    // Last post exactly 30 days before as_of: active.
    close(emb.days_since_last_post, 30.0);
    assert_eq!(emb.status, Status::Active);
    // start→r1 10, r1→end 30
    close(emb.longest_silence_days, 30.0);
    assert_eq!(emb.followers, Some(50));
    // First observation 0 followers: growth n/a.
    assert_eq!(emb.follower_growth_weekly, None);
    // 0 interactions / 1 post / mean(0, 50) → 0 %
    close(emb.interaction_rate, 0.0);
    close(emb.reposts_per_original.value(), 0.0);

    let subject = by_handle(&ds, &rows, "subject_only");
    // 30 days and 1 s: dormant.
    close(subject.days_since_last_post, 30.0 + 1.0 / 86_400.0);
    assert_eq!(subject.status, Status::Dormant);
    // One observation: followers known, growth n/a.
    assert_eq!(subject.followers, Some(77));
    assert_eq!(subject.follower_growth_weekly, None);
    // The only post has no counters: every interaction figure is n/a, never 0.
    assert_eq!(subject.interactions_per_post.value(), None);
    assert_eq!(subject.median_interactions, None);
    assert_eq!(subject.trimmed_mean, None);
    assert_eq!(subject.interaction_rate, None);
    assert_eq!(subject.reposts_per_original.value(), None);
    assert_eq!(subject.likes, None);

    let silent = by_handle(&ds, &rows, "SilentB");
    assert_eq!(silent.status, Status::Inactive);
    assert_eq!((silent.posts, silent.active_days), (0, 0));
    // 0 / 40 days is a real 0.
    assert_eq!(silent.posts_per_day.value(), Some(0.0));
    assert_eq!(silent.days_since_last_post, None);
    // Silent for the whole window.
    close(silent.longest_silence_days, 40.0);
    assert_eq!(silent.conversational_share.value(), None);
    assert_eq!(silent.responsiveness.value(), None);
    assert_eq!(silent.contribution.value(), None);
    assert_eq!(silent.interactions_per_post.value(), None);
    assert_eq!((silent.first_post, silent.last_post), (None, None));
}

#[test]
fn views_give_view_rate_and_engagement_per_view() {
    let mut ds = fixture();
    // Views on @MFA_A's p1 (likes 10, reposts 5, replies 2) and p7 (likes 40, reposts 20), and on
    // its repost p5 (a repost's counters are never the account's).
    let views = [(at(1, 10), 1000), (at(25, 18), 3000), (at(12, 8), 99_999)];
    for post in &mut ds.posts {
        if let Some((_, v)) = views.iter().find(|(t, _)| *t == post.created_at) {
            post.views = Some(*v);
        }
    }
    let rows = account_metrics(&ds, &window());
    let m = by_handle(&ds, &rows, "MFA_A");
    assert_eq!(m.views, Some(4000));
    // Σ views / Σ mean followers (1105 for each post) × 100 = 4000 / 2210 × 100
    close(m.view_rate, 4000.0 / 2210.0 * 100.0);
    // (5 + 10 + 2) + (20 + 40) = 77 over 4000 views; quotes are not part of TGStat's ER.
    close(m.engagement_per_view.value(), 77.0 / 4000.0);
    // No views anywhere else: n/a, not 0.
    let fb = by_handle(&ds, &rows, "MfaAfb");
    assert_eq!((fb.views, fb.view_rate), (None, None));
    assert_eq!(fb.engagement_per_view.value(), None);
}

#[test]
fn following_interest_and_lifetime_production() {
    let mut ds = fixture();
    let index = |ds: &Dataset, handle: &str| {
        ds.accounts
            .iter()
            .position(|a| a.handle.as_deref() == Some(handle))
            .expect("account") as AccountIdx
    };
    let (mfa, fb, emb) = (
        index(&ds, "MFA_A"),
        index(&ds, "MfaAfb"),
        index(&ds, "EmbA"),
    );
    // @MFA_A created 70 days before day 0; @MfaAfb 14 days before; @EmbA creation unknown.
    ds.accounts[mfa as usize].created_at = Some(at(-70, 0));
    ds.accounts[fb as usize].created_at = Some(at(-14, 0));
    let obs = |account, t, following, posts_count| ProfileObs {
        account,
        observed_at: t,
        following,
        posts_count,
    };
    ds.profile_obs = vec![
        obs(mfa, at(2, 0), Some(50), Some(720)),
        obs(mfa, at(10, 0), Some(60), None),
        obs(mfa, at(45, 0), Some(999), Some(9999)), // after as_of (day 40): unknown
        obs(fb, at(0, 0), None, Some(28)),
        obs(emb, at(5, 0), Some(7), Some(100)),
    ];
    ds.profile_obs.sort_by_key(|o| (o.account, o.observed_at));
    let rows = account_metrics(&ds, &window());
    let m = by_handle(&ds, &rows, "MFA_A");
    // Following 60 at day 10, age 80 days: 60 / (80/7); statuses 720 at day 2, age 72 days.
    assert_eq!(m.following, Some(60));
    close(m.interest, 60.0 / (80.0 / 7.0));
    close(m.posts_per_week_lifetime, 720.0 / (72.0 / 7.0));
    let f = by_handle(&ds, &rows, "MfaAfb");
    // 28 statuses in 2 weeks; no following counter: n/a.
    close(f.posts_per_week_lifetime, 14.0);
    assert_eq!((f.following, f.interest), (None, None));
    // Counters known but no creation date: the counts stand, the rates are n/a.
    let e = by_handle(&ds, &rows, "EmbA");
    assert_eq!(e.following, Some(7));
    assert_eq!((e.interest, e.posts_per_week_lifetime), (None, None));
    // The actor DEU-MFA sums its accounts.
    let actors = actor_metrics(&ds, &window());
    let a = &actors
        .iter()
        .find(|a| ds.actors[a.actor as usize].id == "DEU-MFA")
        .expect("actor")
        .metrics;
    assert_eq!(a.following, Some(60));
    close(a.posts_per_week_lifetime, 720.0 / (72.0 / 7.0) + 14.0);
}

#[test]
fn actor_metrics_pool_posts() {
    let ds = fixture();
    let rows = actor_metrics(&ds, &window());
    let ids: Vec<&str> = rows
        .iter()
        .map(|m| ds.actors[m.actor as usize].id.as_str())
        .collect();
    assert_eq!(ids, ["DEU-EMB-KAZ", "DEU-MFA", "FRA-MFA"]);
    let mfa = &rows[1];
    assert_eq!(mfa.accounts.len(), 2);
    assert_eq!(mfa.platforms, [Platform::Twitter, Platform::Facebook]);
    let m = &mfa.metrics;
    // @MFA_A 7 posts + @MfaAfb 2.
    assert_eq!(
        (
            m.posts,
            m.own_posts,
            m.originals,
            m.replies,
            m.reposts,
            m.quotes
        ),
        (9, 8, 4, 3, 1, 1)
    );
    assert_eq!(m.replies_to_audience, 2);
    // Days 1, 3, 5, 12, 20, 25, 38.
    assert_eq!(m.active_days, 7);
    close(m.posts_per_day.value(), 9.0 / 40.0);
    close(m.days_since_last_post, 1.75);
    // Pooled timeline: the longest gap is day 25 18:00 → day 38 06:00 = 12.5 days.
    close(m.longest_silence_days, 12.5);
    assert_eq!(m.status, Status::Active);
    // 1210 + (unknown)
    assert_eq!(m.followers, Some(1210));
    // Only @MFA_A has a growth.
    close(m.follower_growth_weekly, 0.1);
    // Pooled [0, 1, 4, 18, 60, 100]: Σ 183 / 6 = 30.5
    close(m.interactions_per_post.value(), 30.5);
    // Even n: median h = 2.5 → 4 + 0.5·(18 − 4) = 11; q1 h = 1.25 → 1 + 0.25·3 = 1.75;
    // q3 h = 3.75 → 18 + 0.75·42 = 49.5; trimmed: cut int(1.5) = 1 → mean(1, 4, 18, 60) = 20.75
    close(m.median_interactions, 11.0);
    close(m.q1, 1.75);
    close(m.q3, 49.5);
    close(m.trimmed_mean, 20.75);
    close(m.reposts_per_original.value(), 12.5);
    // @MfaAfb has no followers: its post leaves the rate; 83 / (5 × 1105) × 100.
    close(m.interaction_rate, 83.0 / 5525.0 * 100.0);
    assert_eq!(m.likes, Some(154));
    assert_eq!(m.reposts_received, Some(25));
    close(m.conversational_share.value(), 2.0 / 9.0);
    close(m.responsiveness.value(), 0.5);
    close(m.contribution.value(), 4.0 / 9.0);

    let fra = &rows[2];
    assert_eq!(fra.metrics.status, Status::Inactive);
    assert_eq!(fra.metrics.followers, None);
}

#[test]
fn country_metrics_pool_actors() {
    let ds = fixture();
    let rows = country_metrics(&ds, &window());
    let codes: Vec<&str> = rows.iter().map(|m| m.country.as_str()).collect();
    assert_eq!(codes, ["DEU", "FRA"]);
    let deu = &rows[0];
    assert_eq!((deu.actors.len(), deu.accounts.len()), (2, 3));
    // @MFA_A 7 + @MfaAfb 2 + @EmbA 1; @subject_only has no actor and is not counted.
    assert_eq!(deu.metrics.posts, 10);
    // 1210 + 50
    assert_eq!(deu.metrics.followers, Some(1260));
    // @EmbA's first count is 0: only @MFA_A's growth.
    close(deu.metrics.follower_growth_weekly, 0.1);
    // (83 + 0) / (5 × 1105 + 1 × mean(0, 50)) × 100 = 83 / 5550 × 100
    close(deu.metrics.interaction_rate, 83.0 / 5550.0 * 100.0);
    assert_eq!(rows[1].metrics.status, Status::Inactive);
}

#[test]
fn tables_have_codebook_columns_and_snapshot() {
    let ds = fixture();
    let table = account_table(&account_metrics(&ds, &window()), &ds);
    check(
        &table,
        expect![[r#"
            platform,account_id,handle,actor,country,posts,own_posts,originals,replies,reposts,quotes,replies_to_audience,active_days,posts_per_day,posts_per_week_lifetime,days_since_last_post,longest_silence_days,status,first_post,last_post,followers,follower_growth_weekly,following,interest,interactions_per_post,median_interactions,q1,q3,trimmed_mean,reposts_per_original,interaction_rate,likes,reposts_received,replies_received,quotes_received,views,view_rate,engagement_per_view,conversational_share,responsiveness,contribution
            twitter,id-EmbA,EmbA,DEU-EMB-KAZ,DEU,1,1,1,0,0,0,0,1,0.025,n/a,30,30,active,2024-01-11T00:00:00Z,2024-01-11T00:00:00Z,50,n/a,n/a,n/a,0,0,0,0,0,0,0,0,0,0,0,n/a,n/a,n/a,0,0,1
            twitter,id-MFA_A,MFA_A,DEU-MFA,DEU,7,6,2,3,1,1,2,5,0.175,n/a,14.25,14.25,active,2024-01-02T10:00:00Z,2024-01-26T18:00:00Z,1210,0.10000000000000009,n/a,n/a,16.6,4,1,18,7.666666666666667,12.5,1.502262443438914,54,25,3,1,n/a,n/a,n/a,0.2857142857142857,1,0.2857142857142857
            twitter,id-SilentB,SilentB,FRA-MFA,FRA,0,0,0,0,0,0,0,0,0,n/a,n/a,40,inactive,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a
            twitter,id-subject_only,subject_only,n/a,n/a,1,1,1,0,0,0,0,1,0.025,n/a,30.000011574074072,30.000011574074072,dormant,2024-01-10T23:59:59Z,2024-01-10T23:59:59Z,77,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,0,0,1
            facebook,id-MfaAfb,MfaAfb,DEU-MFA,DEU,2,2,2,0,0,0,0,2,0.05,n/a,1.75,34.75,active,2024-01-04T12:00:00Z,2024-02-08T06:00:00Z,n/a,n/a,n/a,n/a,100,100,100,100,100,n/a,n/a,100,n/a,n/a,n/a,n/a,n/a,n/a,0,0,1
        "#]],
    );
    let table = actor_table(&actor_metrics(&ds, &window()), &ds);
    check(
        &table,
        expect![[r#"
            actor,name,country,kind,host,n_accounts,platforms,posts,own_posts,originals,replies,reposts,quotes,replies_to_audience,active_days,posts_per_day,posts_per_week_lifetime,days_since_last_post,longest_silence_days,status,first_post,last_post,followers,follower_growth_weekly,following,interest,interactions_per_post,median_interactions,q1,q3,trimmed_mean,reposts_per_original,interaction_rate,likes,reposts_received,replies_received,quotes_received,views,view_rate,engagement_per_view,conversational_share,responsiveness,contribution
            DEU-EMB-KAZ,name of DEU-EMB-KAZ,DEU,embassy,n/a,1,twitter,1,1,1,0,0,0,0,1,0.025,n/a,30,30,active,2024-01-11T00:00:00Z,2024-01-11T00:00:00Z,50,n/a,n/a,n/a,0,0,0,0,0,0,0,0,0,0,0,n/a,n/a,n/a,0,0,1
            DEU-MFA,name of DEU-MFA,DEU,mfa,n/a,2,twitter,facebook,9,8,4,3,1,1,2,7,0.225,n/a,1.75,12.5,active,2024-01-02T10:00:00Z,2024-02-08T06:00:00Z,1210,0.10000000000000009,n/a,n/a,30.5,11,1.75,49.5,20.75,12.5,1.502262443438914,154,25,3,1,n/a,n/a,n/a,0.2222222222222222,0.5,0.4444444444444444
            FRA-MFA,name of FRA-MFA,FRA,mfa,n/a,1,twitter,0,0,0,0,0,0,0,0,0,n/a,n/a,40,inactive,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a
        "#]],
    );
    // DEU pools @MFA_A, @MfaAfb and @EmbA: 10 posts, originals p1 p7 q1 q2 r1 = 5, days
    // 1 3 5 10 12 20 25 38 = 8; interactions [0, 0, 1, 4, 18, 60, 100]: Σ 183 / 7 = 26.142857,
    // median x[3] = 4, q1 h = 1.5 → 0.5, q3 h = 4.5 → 18 + 0.5·42 = 39, trimmed cut 1 →
    // 83 / 5 = 16.6; reposts per original (5 + 20 + 0) / 3; 2/10, 2/5, 5/10.
    let table = country_table(&country_metrics(&ds, &window()), &ds);
    check(
        &table,
        expect![[r#"
            country,name,n_actors,n_accounts,platforms,posts,own_posts,originals,replies,reposts,quotes,replies_to_audience,active_days,posts_per_day,posts_per_week_lifetime,days_since_last_post,longest_silence_days,status,first_post,last_post,followers,follower_growth_weekly,following,interest,interactions_per_post,median_interactions,q1,q3,trimmed_mean,reposts_per_original,interaction_rate,likes,reposts_received,replies_received,quotes_received,views,view_rate,engagement_per_view,conversational_share,responsiveness,contribution
            DEU,Germany,2,3,twitter,facebook,10,9,5,3,1,1,2,8,0.25,n/a,1.75,12.5,active,2024-01-02T10:00:00Z,2024-02-08T06:00:00Z,1260,0.10000000000000009,n/a,n/a,26.142857142857142,4,0.5,39,16.6,8.333333333333334,1.4954954954954955,154,25,3,1,n/a,n/a,n/a,0.2,0.4,0.5
            FRA,France,1,1,twitter,0,0,0,0,0,0,0,0,0,n/a,n/a,40,inactive,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a
        "#]],
    );
}

/// One line per row, cells as `Debug` would show them but compact: n/a for `Null`.
fn render(table: &Table) -> String {
    let mut out = table.columns.join(",");
    out.push('\n');
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                Value::Null => "n/a".to_string(),
                Value::Int(i) => i.to_string(),
                Value::Float(f) => format!("{f}"),
                Value::Text(s) => s.clone(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn check(table: &Table, expected: Expect) {
    expected.assert_eq(&render(table));
}

#[test]
fn hashtags_and_mentions() {
    let ds = fixture();
    let tags = hashtags(&ds, &window(), By::Account, 2);
    let rendered: Vec<String> = tags
        .iter()
        .map(|t| match &t.group {
            Group::Account(a) => format!(
                "{} {} {}",
                ds.accounts[*a as usize].handle.as_deref().unwrap_or(""),
                t.tag,
                t.count
            ),
            other => panic!("unexpected group {other:?}"),
        })
        .collect();
    // @MFA_A own posts in window: p1 diplomacy eu, p6 diplomacy, p7 eu astana (p5 is a repost;
    // "old" is outside the window) → diplomacy 2, eu 2, astana 1; top 2, ties by tag.
    assert_eq!(
        rendered,
        [
            "EmbA kaz 1",
            "MFA_A diplomacy 2",
            "MFA_A eu 2",
            "MfaAfb diplomacy 1"
        ]
    );

    let by_country = hashtags(&ds, &window(), By::Country, 0);
    let table = hashtag_table(&by_country, By::Country, &ds);
    check(
        &table,
        expect![[r#"
        country,name,hashtag,count
        DEU,Germany,diplomacy,3
        DEU,Germany,eu,2
        DEU,Germany,astana,1
        DEU,Germany,kaz,1
    "#]],
    );

    let by_actor = mentions(&ds, &window(), By::Actor, 0);
    let table = mention_table(&by_actor, By::Actor, &ds);
    // p1 mentions emba (an actor's handle, case-folded) and citizen; p3 citizen.
    check(
        &table,
        expect![[r#"
        actor,name,country,mention,count,mention_of
        DEU-MFA,name of DEU-MFA,DEU,citizen,2,audience
        DEU-MFA,name of DEU-MFA,DEU,emba,1,actor
    "#]],
    );
    assert_eq!(by_actor[0].mention_of, MentionOf::Audience);
}

#[test]
fn reference_is_derived_from_unit_posts() {
    let ds = fixture();
    let params = Params::default();
    let reference = params.resolve(&ds);
    // Latest unit post: @MFA_A at day 40; earliest: @MFA_A at day −1 (the citizen's day −10
    // comment does not count).
    assert_eq!(reference.as_of, Some(at(40, 0)));
    assert!(!reference.as_of_explicit);
    assert_eq!(reference.start, Some(at(-1, 0)));
    assert_eq!(reference.end, Some(at(40, 0)));
    assert_eq!(reference.days_in_window(), Some(41.0));
    let rows = account_metrics(&ds, &params);
    let m = by_handle(&ds, &rows, "MFA_A");
    // All 9 posts; the last is the reference itself.
    assert_eq!(m.posts, 9);
    close(m.days_since_last_post, 0.0);
    // A derived as_of does not cut observations: the day-45 count is the latest.
    assert_eq!(m.followers, Some(5000));
    // Growth over all four observations in the unbounded window: day −5 900 → day 45 5000.
    close(
        m.follower_growth_weekly,
        (5000.0f64 / 900.0).powf(7.0 / 50.0) - 1.0,
    );
}

#[test]
fn explicit_as_of_cuts_posts_and_observations() {
    let ds = fixture();
    let params = Params::new(Window {
        from: None,
        to: None,
        as_of: Some(at(5, 9)),
    });
    let reference = params.resolve(&ds);
    assert_eq!(reference.start, Some(at(-1, 0)));
    assert_eq!(reference.end, Some(at(5, 9)));
    let rows = account_metrics(&ds, &params);
    let m = by_handle(&ds, &rows, "MFA_A");
    // day −1, p1, p2, p3 (at as_of exactly).
    assert_eq!(m.posts, 4);
    close(m.days_since_last_post, 0.0);
    // 1000 (day 2) is the latest observation at or before day 5 09:00.
    assert_eq!(m.followers, Some(1000));
}

#[test]
fn empty_data_is_inactive_and_not_available() {
    let mut f = Fixture::default();
    let actor = f.actor("KAZ-MFA", ActorKind::Mfa, "KAZ");
    f.account(Platform::Telegram, "mfa_kz", Some(actor), true);
    let ds = f.finish();
    let params = Params::default();
    let reference = params.resolve(&ds);
    assert_eq!(
        (reference.as_of, reference.start, reference.end),
        (None, None, None)
    );
    let rows = account_metrics(&ds, &params);
    assert_eq!(rows.len(), 1);
    let m = &rows[0].metrics;
    assert_eq!(m.status, Status::Inactive);
    assert_eq!(m.posts_per_day.value(), None);
    assert_eq!(m.longest_silence_days, None);
    assert_eq!(m.days_since_last_post, None);
    assert_eq!(m.followers, None);
    let table = actor_table(&actor_metrics(&ds, &params), &ds);
    assert_eq!(
        table.cell(0, "status"),
        Some(&Value::Text("inactive".into()))
    );
    assert_eq!(table.cell(0, "posts_per_day"), Some(&Value::Null));
    assert_eq!(
        table.cell(0, "platforms"),
        Some(&Value::Text("telegram".into()))
    );

    let nothing = Dataset::default();
    assert!(account_metrics(&nothing, &params).is_empty());
    assert!(actor_metrics(&nothing, &params).is_empty());
    assert!(country_metrics(&nothing, &params).is_empty());
    assert!(hashtags(&nothing, &params, By::Actor, 10).is_empty());
}

#[test]
fn platform_filter() {
    let ds = fixture();
    let mut params = window();
    params.platforms = Some(vec![Platform::Facebook]);
    let rows = account_metrics(&ds, &params);
    assert_eq!(rows.len(), 1);
    let actors = actor_metrics(&ds, &params);
    // DEU-MFA keeps only @MfaAfb; the others have no account on Facebook.
    assert_eq!(actors[1].metrics.posts, 2);
    assert_eq!(actors[0].accounts.len(), 0);
    assert_eq!(actors[0].metrics.status, Status::Inactive);
    // The window's start stays day 0 (explicit); with only Facebook, as_of is still `to`.
    close(actors[1].metrics.days_since_last_post, 1.75);
}

#[test]
fn params_validation_and_grouping_names() {
    let bad = Params::new(Window {
        from: Some(at(5, 0)),
        to: Some(at(5, 0)),
        as_of: None,
    });
    assert!(matches!(
        bad.validate(),
        Err(ParamsError::EmptyWindow { .. })
    ));
    let bad = Params::new(Window {
        from: Some(at(5, 0)),
        to: None,
        as_of: Some(at(4, 0)),
    });
    assert_eq!(
        bad.validate().map_err(|e| e.to_string()),
        Err(
            "`as_of` (2024-01-05T00:00:00Z) is before the window starts (2024-01-06T00:00:00Z)"
                .to_string()
        )
    );
    assert!(window().validate().is_ok());
    assert_eq!("Countries".parse::<By>(), Ok(By::Country));
    assert_eq!(
        "group".parse::<By>().map_err(|e| e.to_string()),
        Err("unknown grouping `group` (expected account, actor or country)".to_string())
    );
}

#[test]
fn every_column_is_in_the_catalog() {
    let ds = fixture();
    let params = window();
    let tables = [
        account_table(&account_metrics(&ds, &params), &ds),
        actor_table(&actor_metrics(&ds, &params), &ds),
        country_table(&country_metrics(&ds, &params), &ds),
        hashtag_table(&hashtags(&ds, &params, By::Account, 3), By::Account, &ds),
        mention_table(&mentions(&ds, &params, By::Actor, 3), By::Actor, &ds),
    ];
    for table in &tables {
        for column in &table.columns {
            assert!(
                catalog().iter().any(|d| d.id == column.as_str()),
                "`{column}` has no catalog entry"
            );
        }
        assert!(table
            .rows
            .iter()
            .all(|row| row.len() == table.columns.len()));
    }
    let mut ids: Vec<&str> = catalog().iter().map(|d| d.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate catalog ids");
    assert!(catalog()
        .iter()
        .all(|d| !d.title.is_empty() && !d.definition.is_empty() && !d.source.is_empty()));
    assert_eq!(catalog_table().rows.len(), n);
}

#[test]
fn output_is_deterministic_and_serialisable() {
    let ds = fixture();
    let first = account_table(&account_metrics(&ds, &window()), &ds);
    for _ in 0..5 {
        assert_eq!(account_table(&account_metrics(&ds, &window()), &ds), first);
    }
    // Input order of the metrics does not change the table.
    let mut reversed = account_metrics(&ds, &window());
    reversed.reverse();
    assert_eq!(account_table(&reversed, &ds), first);
    // Cells serialise as plain JSON values.
    let json = serde_json::to_string(&first.rows[2][..6]).expect("serialisable");
    assert_eq!(
        json,
        r#"["twitter","id-SilentB","SilentB","FRA-MFA","FRA",0]"#
    );
    let cells = [Value::Null, Value::Float(0.5), Value::Int(3)];
    assert_eq!(
        serde_json::to_string(&cells).expect("serialisable"),
        "[null,0.5,3]"
    );
}

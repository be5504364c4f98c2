//! The catalog: every column id this crate outputs, with its title, definition and source, in
//! the words of `metrics-codebook.md`. It feeds `--help`, the report and the generated metric
//! docs; a test checks that every table column has an entry.

use crate::table::{Table, Value};

/// One column id and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct MetricDef {
    /// The codebook id, used as column name in every output.
    pub id: &'static str,
    pub title: &'static str,
    pub definition: &'static str,
    /// The studies or tools the definition follows, or `Diplometrics` for our own.
    pub source: &'static str,
}

const fn def(
    id: &'static str,
    title: &'static str,
    definition: &'static str,
    source: &'static str,
) -> MetricDef {
    MetricDef {
        id,
        title,
        definition,
        source,
    }
}

const OWN: &str = "Diplometrics";

static CATALOG: &[MetricDef] = &[
    // Identifying columns.
    def("platform", "Platform", "Platform id: twitter, facebook, instagram, telegram, vkontakte, bluesky, mastodon, youtube.", OWN),
    def("account_id", "Account id", "The platform's account id (a pseudonym for audience accounts).", OWN),
    def("handle", "Handle", "The account's handle (screen name, username) without @.", OWN),
    def("actor", "Actor", "Id of the diplomatic actor (ministry, embassy, person …) the account belongs to; empty for subjects not yet registered.", OWN),
    def("name", "Name", "Name of the actor, or English short name of the country.", OWN),
    def("country", "Country", "Sending country of the actor, ISO 3166-1 alpha-3.", OWN),
    def("kind", "Actor kind", "mfa, embassy, consulate, mission, head_of_state, head_of_government, foreign_minister, minister, ambassador, spokesperson or other_official.", OWN),
    def("host", "Host", "For embassies, consulates and missions: host country (ISO3) or organisation code.", OWN),
    def("n_actors", "Actors", "Number of registered actors of the country.", OWN),
    def("n_accounts", "Accounts", "Number of the unit's accounts on the platforms in scope.", OWN),
    def("platforms", "Platforms", "Platforms with at least one account of the unit, comma-separated (presence).", "Twiplomacy; DDR level 1"),
    // §2 Presence and up-to-dateness.
    def("posts", "Posts", "Number of posts of any kind (originals, replies, quotes, reposts) in the window [from, to).", "Twiplomacy"),
    def("own_posts", "Own posts", "Posts that are not reposts; only these carry the unit's own engagement counters.", "metrics codebook §1"),
    def("originals", "Originals", "Own posts that are neither replies nor quotes.", "metrics codebook §1"),
    def("replies", "Replies", "Posts answering a post or comment (kind precedence: repost > reply > quote > original).", "metrics codebook §1"),
    def("reposts", "Reposts", "Reposts (retweets, forwards, boosts, shares without text) made by the unit.", "metrics codebook §1"),
    def("quotes", "Quotes", "Reposts with own text (quote posts) that are not replies.", "metrics codebook §1"),
    def("replies_to_audience", "Replies to others", "Replies whose parent author is not the replying account itself (self-replies, i.e. threads, are excluded; an unknown parent author counts as audience).", "Twiplomacy; GSMI"),
    def("active_days", "Active days", "Distinct UTC calendar days with at least one post.", "DDR"),
    def("posts_per_day", "Posts per day", "posts / days in window; days = (end − start) / 86 400 with start = window start (else the earliest post of any unit in scope) and end = window end (else as_of).", "Twiplomacy \"most active\""),
    def("posts_per_week_lifetime", "Posts per week (lifetime)", "Statuses since account creation / account age in weeks, from the latest status counter observed by as_of (age at that observation); n/a without the platform's status counter or creation date. Actors and countries: sum over their accounts.", "GSMI \"production\""),
    def("days_since_last_post", "Days since last post", "as_of − time of the last post, in days; as_of = given reference time, else window end, else the latest post of any unit in scope.", "DDR \"up-to-dateness\""),
    def("longest_silence_days", "Longest silence (days)", "Longest gap between consecutive posts, counting the gaps from the window start to the first post and from the last post to the window end; the whole window when there is no post.", "DDR \"up-to-dateness\""),
    def("status", "Status", "active: last post at most 30 days before as_of; dormant: posts in the window but none in the last 30 days; inactive: no post in the window. Actors and countries: the best of their accounts.", "Twiplomacy 2012"),
    def("first_post", "First post", "Time of the first post in the window (UTC).", OWN),
    def("last_post", "Last post", "Time of the last post in the window (UTC).", OWN),
    // §3 Audience size.
    def("followers", "Followers", "Latest observed follower (fan, subscriber) count at or before as_of; actors and countries: sum over their accounts' latest counts.", "Twiplomacy; FPK"),
    def("follower_growth_weekly", "Weekly follower growth", "Compound weekly growth between the first and last follower observation in the window: (last/first)^(7/days) − 1; n/a with fewer than 2 observations, 0 days apart or a first count of 0. Actors and countries: the accounts' growth weighted by their first count.", "Fanpage Karma"),
    def("following", "Following", "Latest observed number of accounts followed, at or before as_of; actors and countries: sum over their accounts.", "GSMI"),
    def("interest", "Interest", "following / account age in weeks at that observation; n/a without a following counter or creation date. Actors and countries: sum over their accounts.", "GSMI"),
    // §4 Engagement.
    def("interactions_per_post", "Interactions per post", "Σ interactions of own posts / own posts, interactions = likes + reposts + replies + quotes as far as the platform provides each; posts without any counter are left out of numerator and denominator.", "CrowdTangle"),
    def("median_interactions", "Median interactions", "Median of interactions over own posts with counters (linear interpolation, as numpy/pandas quantile).", "DMI-TCAT"),
    def("q1", "Interactions, 1st quartile", "25 % quantile of interactions over own posts with counters (linear interpolation: h = (n−1)·0.25).", "DMI-TCAT"),
    def("q3", "Interactions, 3rd quartile", "75 % quantile of interactions over own posts with counters (linear interpolation: h = (n−1)·0.75).", "DMI-TCAT"),
    def("trimmed_mean", "Trimmed mean interactions", "Mean of interactions over own posts with counters after dropping ⌊0.25·n⌋ posts at each end (scipy.stats.trim_mean(x, 0.25)).", "DMI-TCAT"),
    def("reposts_per_original", "Reposts per original", "Σ reposts received by originals / originals, over originals with a known reposts counter.", "Twiplomacy \"most effective\"; GSMI \"re-tweets\""),
    def("interaction_rate", "Interaction rate (%)", "(Σ interactions / own posts) / mean followers over the window × 100; mean of the follower observations in the window, else the latest at or before as_of; n/a without either. Actors and countries: Σ interactions / Σ the posting account's mean followers × 100 over own posts.", "CrowdTangle"),
    def("likes", "Likes received", "Σ likes (all reaction types) of own posts; n/a when no own post has the counter.", "metrics codebook §4"),
    def("reposts_received", "Reposts received", "Σ reposts (shares, forwards) of own posts; n/a when no own post has the counter.", "metrics codebook §4"),
    def("replies_received", "Replies received", "Σ replies (comments) to own posts; n/a when no own post has the counter.", "metrics codebook §4"),
    def("quotes_received", "Quotes received", "Σ quotes of own posts; n/a when no own post has the counter.", "metrics codebook §4"),
    def("views", "Views", "Σ views of own posts (Telegram, YouTube, VK, X where given); n/a when no own post has the counter.", "metrics codebook §4"),
    def("view_rate", "View rate (%)", "Mean views per post / followers × 100, over own posts with views: Σ views / Σ the posting account's mean followers over the window × 100 (for one account: mean views per post / mean followers × 100); n/a without views or followers.", "TGStat ERR"),
    def("engagement_per_view", "Engagement per view", "(forwards/reposts + reactions/likes + comments/replies) / views, summed over own posts with views.", "TGStat ER"),
    // §5 Dialogue.
    def("conversational_share", "Conversational share", "replies_to_audience / posts.", "Twiplomacy \"most conversational\""),
    def("responsiveness", "Responsiveness", "replies_to_audience / originals.", "GSMI"),
    def("contribution", "Contribution", "originals / posts.", "GSMI"),
    def("audience_comments", "Audience comments", "Replies created in the window by audience accounts (not subjects or registered accounts) whose parent author is the unit: comments on its posts and replies to its replies.", "metrics codebook §5"),
    def("answered", "Answered comments", "Audience comments that received at least one reply from the account commented on, known by as_of (an answer by another account, even of the same actor, does not count; self-replies never do).", "Fanpage Karma"),
    def("answered_share", "Answered share", "answered / audience_comments.", "Fanpage Karma \"service level\" (replies only)"),
    def("response_time_median", "Median response time (h)", "Median over answered comments of the hours from the comment to the first answer by the account commented on (linear interpolation, as numpy).", "Fanpage Karma"),
    def("response_time_p90", "Response time, 90th percentile (h)", "90th percentile of the same response times (linear interpolation).", "Fanpage Karma"),
    def("response_time_buckets_2h", "Answered within 2 h", "Share of answered comments whose first answer came within 2 hours (≤ 2 h).", "quintly"),
    def("response_time_buckets_8h", "Answered in 2–8 h", "Share of answered comments first answered after more than 2 and at most 8 hours.", "quintly"),
    def("response_time_buckets_24h", "Answered in 8–24 h", "Share of answered comments first answered after more than 8 and at most 24 hours.", "quintly"),
    def("response_time_buckets_over_24h", "Answered after 24 h", "Share of answered comments first answered after more than 24 hours.", "quintly"),
    def("response_time_buckets_not_answered", "Not answered", "(audience_comments − answered) / audience_comments.", "quintly"),
    def("questions", "Audience questions", "Audience comments that ask a question: a question mark in any script (outside URLs), or an interrogative word or particle of the comment's detected language (dipl-lang).", "metrics codebook §5"),
    def("questions_unanswered", "Unanswered questions", "Audience questions without an answer from the account commented on; listed for review by `dialogue --unanswered`.", "metrics codebook §5"),
    def("dialogue_concentration_gini", "Reply concentration over days (Gini)", "Gini coefficient of the unit's replies to others (self-replies excluded) over every UTC day of the window, days without replies included; 1 = all on one day.", "Kampf, Manor & Segev"),
    def("dialogue_concentration_top_days", "Replies on the 3 busiest days", "Share of the unit's replies to others that fall on its 3 busiest UTC days.", "Kampf, Manor & Segev"),
    def("dialogue_concentration_top_posts", "Replies under the 3 busiest threads", "Share of the unit's replies to others under its 3 threads with most of them (a thread is the top of the reply chain in the data, or the missing post it hangs under).", "Kampf, Manor & Segev"),
    def("amplifies_audience", "Amplifies the audience", "Reposts and quotes of audience accounts' posts / reposts and quotes (an unknown reposted author is not audience).", "Di Martino"),
    def("follow_back_share", "Follow-back share", "Among accounts in the data that follow the unit (edges observed before the window's end), the share it follows back; n/a when the data holds none of the unit's own follows.", "Manor & Segev \"digital reciprocity\""),
    // §6 Audience locality and language.
    def("post_languages", "Languages of own posts", "Own posts (not reposts) by detected language (ISO 639-1, else 639-3), most frequent first, as `code count; …`; `dialogue --languages` gives one row per language.", "Collins & Bekenova; Manor"),
    def("host_language_share", "Posts in a host language", "Embassies, consulates and missions: own posts in a language of the host (country or organisation; table shipped with dipl-lang, from CLDR territoryInfo) / own posts whose language was determined.", "Collins & Bekenova"),
    def("audience_languages", "Languages of audience comments", "Audience comments by detected language, most frequent first.", "Collins & Bekenova; Manor"),
    def("local_audience_share", "Audience comments in a host language", "Embassies, consulates and missions: audience comments in a host language / audience comments whose language was determined.", "Collins & Bekenova"),
    def("local_commenters_located", "Commenters located in the host country", "The location evidence of local_audience_share: distinct commenters whose profile location names the host country / distinct commenters whose location names any country (dipl-places gazetteer).", "Collins & Bekenova"),
    def("commenters", "Commenters", "Distinct audience accounts that commented on the unit in the window.", "metrics codebook §5"),
    // §7 Content: hashtags and mentions.
    def("hashtags", "Hashtags", "Per unit and window: hashtag counts over own posts (not reposts), case-folded; every occurrence counts; top N per unit by count, ties by tag.", "metrics codebook §7"),
    def("hashtag", "Hashtag", "A case-folded hashtag without #.", "metrics codebook §7"),
    def("mentions", "Mentions", "Per unit and window: accounts mentioned in own posts (not reposts), with counts; top N per unit by count, ties by handle.", "metrics codebook §7"),
    def("mention", "Mentioned handle", "A case-folded handle without @ (audience handles may be pseudonyms).", "metrics codebook §7"),
    def("mention_of", "Mention of", "actor when the handle is an actor's or subject account's handle on the same platform, else audience.", "metrics codebook §7"),
    def("count", "Count", "Number of occurrences in the unit's own posts in the window.", "metrics codebook §7"),
];

/// Every column id this crate outputs: identifying columns, then the metrics in codebook order,
/// then the hashtag and mention columns.
pub fn catalog() -> &'static [MetricDef] {
    CATALOG
}

/// The catalog as a table with columns `id, title, definition, source`.
pub fn catalog_table() -> Table {
    Table {
        columns: ["id", "title", "definition", "source"]
            .map(str::to_string)
            .to_vec(),
        rows: CATALOG
            .iter()
            .map(|d| {
                vec![
                    Value::from(d.id),
                    Value::from(d.title),
                    Value::from(d.definition),
                    Value::from(d.source),
                ]
            })
            .collect(),
    }
}

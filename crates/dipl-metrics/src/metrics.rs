//! The figures of one unit (account, actor or country) and the single pass over its posts that
//! computes them (codebook §2, §4, §5; §3 comes from the follower observations).

use dipl_model::{PostKind, PostRow, Ratio, Timestamp};

use crate::audience::Profile;
use crate::params::{seconds_to_days, Reference};
use crate::quantile::{quantile, trimmed_mean};

/// A unit is `active` when its last post is at most this many days before `as_of`.
pub const ACTIVE_WITHIN_DAYS: i64 = 30;

/// `status` (Twiplomacy 2012 classes). Ordered so that the maximum is the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No post in the window.
    Inactive,
    /// Posts in the window, but the last is more than 30 days before `as_of`.
    Dormant,
    /// The last post is at most 30 days (2 592 000 s) before `as_of`: a post exactly 30 days
    /// before still counts as active.
    Active,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Inactive => "inactive",
            Status::Dormant => "dormant",
            Status::Active => "active",
        }
    }
}

/// The metrics of one unit. Field names are the codebook ids; `None` / a ratio with a zero
/// denominator means not available (n/a), never zero.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Posts of any kind in the window.
    pub posts: u64,
    /// Posts that are not reposts.
    pub own_posts: u64,
    pub originals: u64,
    pub replies: u64,
    pub reposts: u64,
    pub quotes: u64,
    /// Replies whose parent author is not the posting account (unknown parent authors count as
    /// audience).
    pub replies_to_audience: u64,
    /// Distinct UTC calendar days with a post.
    pub active_days: u64,
    /// posts / days in window.
    pub posts_per_day: Ratio,
    /// Statuses since account creation / account age in weeks, from the latest status counter
    /// known by `as_of` (GSMI "production"); actors and countries: sum over accounts.
    pub posts_per_week_lifetime: Option<f64>,
    /// `as_of` − last post, in days.
    pub days_since_last_post: Option<f64>,
    /// Longest of the gaps start → first post, between consecutive posts, last post → end, in
    /// days; the whole window when there is no post.
    pub longest_silence_days: Option<f64>,
    pub status: Status,
    pub first_post: Option<Timestamp>,
    pub last_post: Option<Timestamp>,
    /// Latest follower count known by `as_of` (sum over accounts for actors and countries).
    pub followers: Option<u64>,
    /// `(last/first)^(7/days) − 1` between the first and last follower observation in the
    /// window.
    pub follower_growth_weekly: Option<f64>,
    /// Latest observed count of accounts followed by `as_of` (sum for actors and countries).
    pub following: Option<u64>,
    /// following / account age in weeks at that observation (GSMI); sum for actors and countries.
    pub interest: Option<f64>,
    /// Σ interactions / own posts with at least one counter.
    pub interactions_per_post: Ratio,
    pub median_interactions: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    pub trimmed_mean: Option<f64>,
    /// Σ reposts received / originals with a known reposts counter.
    pub reposts_per_original: Ratio,
    /// Σ interactions / Σ followers of the posting account, × 100, over own posts with counters
    /// and an account with a known follower count (for one account: interactions per post /
    /// mean followers × 100).
    pub interaction_rate: Option<f64>,
    /// Σ likes over own posts; `None` when no own post has the counter.
    pub likes: Option<u64>,
    pub reposts_received: Option<u64>,
    pub replies_received: Option<u64>,
    pub quotes_received: Option<u64>,
    /// Σ views of own posts; `None` when no own post has the counter.
    pub views: Option<u64>,
    /// Σ views / Σ followers of the posting account × 100, over own posts with views and a known
    /// follower count (for one account: mean views per post / mean followers × 100; TGStat ERR).
    pub view_rate: Option<f64>,
    /// (Σ reposts + likes + replies) / Σ views over own posts with views (TGStat ER).
    pub engagement_per_view: Ratio,
    /// replies_to_audience / posts.
    pub conversational_share: Ratio,
    /// replies_to_audience / originals.
    pub responsiveness: Ratio,
    /// originals / posts.
    pub contribution: Ratio,
}

/// One pass over a unit's posts in `created_at` order (the update/evaluate pattern: `push`
/// each post, then `finish`).
pub(crate) struct PostPass<'r> {
    reference: &'r Reference,
    posts: u64,
    own_posts: u64,
    originals: u64,
    replies: u64,
    reposts: u64,
    quotes: u64,
    replies_to_audience: u64,
    active_days: u64,
    last_day: Option<i64>,
    first_post: Option<Timestamp>,
    last_post: Option<Timestamp>,
    longest_gap: i64,
    interactions: Vec<u64>,
    likes: Option<u64>,
    reposts_received: Option<u64>,
    replies_received: Option<u64>,
    quotes_received: Option<u64>,
    views: Option<u64>,
    viewed_engagement: u64,
    view_rate_views: f64,
    view_rate_followers: f64,
    original_reposts: u64,
    originals_with_reposts: u64,
    rate_interactions: f64,
    rate_followers: f64,
    rate_posts: u64,
}

fn add(total: &mut Option<u64>, value: Option<u64>) {
    if let Some(value) = value {
        *total = Some(total.unwrap_or(0).saturating_add(value));
    }
}

impl<'r> PostPass<'r> {
    pub fn new(reference: &'r Reference) -> Self {
        PostPass {
            reference,
            posts: 0,
            own_posts: 0,
            originals: 0,
            replies: 0,
            reposts: 0,
            quotes: 0,
            replies_to_audience: 0,
            active_days: 0,
            last_day: None,
            first_post: None,
            last_post: None,
            longest_gap: 0,
            interactions: Vec::new(),
            likes: None,
            reposts_received: None,
            replies_received: None,
            quotes_received: None,
            views: None,
            viewed_engagement: 0,
            view_rate_views: 0.0,
            view_rate_followers: 0.0,
            original_reposts: 0,
            originals_with_reposts: 0,
            rate_interactions: 0.0,
            rate_followers: 0.0,
            rate_posts: 0,
        }
    }

    /// Adds a post in scope; posts must come in ascending `created_at` order. `followers` is the
    /// posting account's mean follower count over the window (`None` if unknown).
    pub fn push(&mut self, post: &PostRow, followers: Option<f64>) {
        self.posts += 1;
        let t = post.created_at;
        match self.last_post {
            Some(previous) => self.longest_gap = self.longest_gap.max(t.0 - previous.0),
            None => self.first_post = Some(t),
        }
        self.last_post = Some(t);
        let day = t.day();
        if self.last_day != Some(day) {
            self.active_days += 1;
            self.last_day = Some(day);
        }
        match post.kind {
            PostKind::Repost => {
                // A repost's counters belong to the reposted post, never to this account.
                self.reposts += 1;
                return;
            }
            PostKind::Original => {
                self.originals += 1;
                if let Some(reposts) = post.reposts {
                    self.original_reposts = self.original_reposts.saturating_add(reposts);
                    self.originals_with_reposts += 1;
                }
            }
            PostKind::Reply => {
                self.replies += 1;
                if post.parent_account != Some(post.account) {
                    self.replies_to_audience += 1;
                }
            }
            PostKind::Quote => self.quotes += 1,
        }
        self.own_posts += 1;
        add(&mut self.likes, post.likes);
        add(&mut self.reposts_received, post.reposts);
        add(&mut self.replies_received, post.replies);
        add(&mut self.quotes_received, post.quotes);
        if let Some(views) = post.views {
            add(&mut self.views, Some(views));
            let engagement = [post.reposts, post.likes, post.replies]
                .iter()
                .flatten()
                .fold(0u64, |a, &b| a.saturating_add(b));
            self.viewed_engagement = self.viewed_engagement.saturating_add(engagement);
            if let Some(followers) = followers {
                self.view_rate_views += views as f64;
                self.view_rate_followers += followers;
            }
        }
        if let Some(interactions) = post.interactions() {
            self.interactions.push(interactions);
            if let Some(followers) = followers {
                self.rate_interactions += interactions as f64;
                self.rate_followers += followers;
                self.rate_posts += 1;
            }
        }
    }

    pub fn finish(
        mut self,
        followers: Option<u64>,
        follower_growth_weekly: Option<f64>,
        profile: Profile,
    ) -> Metrics {
        let reference = self.reference;
        let days = reference.days_in_window();
        let posts_per_day = Ratio::new(self.posts as f64, days.unwrap_or(0.0));
        let days_since_last_post = match (reference.as_of, self.last_post) {
            (Some(as_of), Some(last)) => Some(seconds_to_days(as_of.0 - last.0)),
            _ => None,
        };
        let longest_silence_days = match (self.first_post, self.last_post) {
            (Some(first), Some(last)) => {
                let mut gap = self.longest_gap;
                if let Some(start) = reference.start {
                    gap = gap.max(first.0 - start.0);
                }
                if let Some(end) = reference.end {
                    gap = gap.max(end.0 - last.0);
                }
                Some(seconds_to_days(gap.max(0)))
            }
            _ => days,
        };
        let status = match (reference.as_of, self.last_post) {
            (_, None) => Status::Inactive,
            (Some(as_of), Some(last)) if as_of.0 - last.0 <= ACTIVE_WITHIN_DAYS * 86_400 => {
                Status::Active
            }
            _ => Status::Dormant,
        };
        self.interactions.sort_unstable();
        let sorted = &self.interactions;
        let interaction_sum: u64 = sorted.iter().fold(0u64, |a, &b| a.saturating_add(b));
        let interaction_rate = (self.rate_posts > 0 && self.rate_followers > 0.0)
            .then(|| self.rate_interactions / self.rate_followers * 100.0);
        Metrics {
            posts: self.posts,
            own_posts: self.own_posts,
            originals: self.originals,
            replies: self.replies,
            reposts: self.reposts,
            quotes: self.quotes,
            replies_to_audience: self.replies_to_audience,
            active_days: self.active_days,
            posts_per_day,
            posts_per_week_lifetime: profile.posts_per_week_lifetime,
            days_since_last_post,
            longest_silence_days,
            status,
            first_post: self.first_post,
            last_post: self.last_post,
            followers,
            follower_growth_weekly,
            following: profile.following,
            interest: profile.interest,
            interactions_per_post: Ratio::new(interaction_sum as f64, sorted.len() as f64),
            median_interactions: quantile(sorted, 0.5),
            q1: quantile(sorted, 0.25),
            q3: quantile(sorted, 0.75),
            trimmed_mean: trimmed_mean(sorted, 0.25),
            reposts_per_original: Ratio::new(
                self.original_reposts as f64,
                self.originals_with_reposts as f64,
            ),
            interaction_rate,
            likes: self.likes,
            reposts_received: self.reposts_received,
            replies_received: self.replies_received,
            quotes_received: self.quotes_received,
            views: self.views,
            view_rate: (self.view_rate_followers > 0.0)
                .then(|| self.view_rate_views / self.view_rate_followers * 100.0),
            engagement_per_view: Ratio::new(
                self.viewed_engagement as f64,
                self.views.unwrap_or(0) as f64,
            ),
            conversational_share: Ratio::new(self.replies_to_audience as f64, self.posts as f64),
            responsiveness: Ratio::new(self.replies_to_audience as f64, self.originals as f64),
            contribution: Ratio::new(self.originals as f64, self.posts as f64),
        }
    }
}

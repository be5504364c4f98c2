//! Audience size from follower observations (codebook §3): the latest count, the mean over the
//! window (the denominator of `interaction_rate`) and compound weekly growth.

use dipl_model::{FollowerObs, ProfileObs, Timestamp};

use crate::params::{seconds_to_days, Reference};

/// What the follower observations of one account say, relative to a [`Reference`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Audience {
    /// `followers`: the latest observation known by `as_of`.
    pub latest: Option<u64>,
    /// Mean of the observations in the window, else `latest`.
    pub mean: Option<f64>,
    pub growth: Option<Growth>,
}

/// First and last follower observation in the window, `days` apart (`days > 0`, `first > 0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Growth {
    pub first: u64,
    pub last: u64,
    pub days: f64,
}

impl Growth {
    /// `(last / first)^(7 / days) − 1` (Fanpage Karma).
    pub fn weekly(self) -> f64 {
        (self.last as f64 / self.first as f64).powf(7.0 / self.days) - 1.0
    }
}

/// `observations`: one account's, sorted by `observed_at`.
pub(crate) fn audience(observations: &[FollowerObs], reference: &Reference) -> Audience {
    let latest = observations
        .iter()
        .rev()
        .find(|o| reference.known_by_as_of(o.observed_at))
        .map(|o| o.followers);
    let mut in_window = observations
        .iter()
        .filter(|o| reference.includes_observation(o.observed_at));
    let first = in_window.next();
    let (mut n, mut sum, mut last) = (0u64, 0f64, first);
    if let Some(first) = first {
        n = 1;
        sum = first.followers as f64;
    }
    for o in in_window {
        n += 1;
        sum += o.followers as f64;
        last = Some(o);
    }
    let mean = if n > 0 {
        Some(sum / n as f64)
    } else {
        latest.map(|f| f as f64)
    };
    let growth = match (first, last) {
        (Some(first), Some(last))
            if first.followers > 0 && last.observed_at > first.observed_at =>
        {
            Some(Growth {
                first: first.followers,
                last: last.followers,
                days: seconds_to_days(last.observed_at.0 - first.observed_at.0),
            })
        }
        _ => None,
    };
    Audience {
        latest,
        mean,
        growth,
    }
}

/// Weekly growth of several accounts' combined audience: each account's weekly growth weighted
/// by its first follower count, i.e. `Σ first·(1 + g) / Σ first − 1` over the accounts whose
/// growth is defined. One account: its own growth.
pub(crate) fn combined_weekly_growth(growths: impl IntoIterator<Item = Growth>) -> Option<f64> {
    let growths: Vec<Growth> = growths.into_iter().collect();
    if let [single] = growths.as_slice() {
        // Exactly the account's own figure, without rounding through the weighting.
        return Some(single.weekly());
    }
    let (mut base, mut grown) = (0f64, 0f64);
    for growth in growths {
        base += growth.first as f64;
        grown += growth.first as f64 * (1.0 + growth.weekly());
    }
    (base > 0.0).then(|| grown / base - 1.0)
}

/// Following and production figures of one account (codebook §2 `posts_per_week_lifetime`, §3
/// `following`, `interest`), from its latest profile observations known by `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Profile {
    pub following: Option<u64>,
    /// following / account age in weeks at that observation (GSMI).
    pub interest: Option<f64>,
    /// statuses / account age in weeks at that observation (GSMI "production").
    pub posts_per_week_lifetime: Option<f64>,
}

/// `observations`: one account's, sorted by `observed_at`; `created_at`: the account's creation.
pub(crate) fn profile(
    observations: &[ProfileObs],
    created_at: Option<Timestamp>,
    reference: &Reference,
) -> Profile {
    let known = || {
        observations
            .iter()
            .rev()
            .filter(|o| reference.known_by_as_of(o.observed_at))
    };
    let latest_following = known().find_map(|o| o.following.map(|n| (n, o.observed_at)));
    let latest_posts = known().find_map(|o| o.posts_count.map(|n| (n, o.observed_at)));
    let per_week = |(count, at): (u64, Timestamp)| {
        let weeks = seconds_to_days(at.0 - created_at?.0) / 7.0;
        (weeks > 0.0).then(|| count as f64 / weeks)
    };
    Profile {
        following: latest_following.map(|(n, _)| n),
        interest: latest_following.and_then(per_week),
        posts_per_week_lifetime: latest_posts.and_then(per_week),
    }
}

/// Several accounts together: sums of what is known (`None` when nothing is).
pub(crate) fn combined_profile(profiles: impl IntoIterator<Item = Profile>) -> Profile {
    fn sum<T: std::ops::Add<Output = T>>(a: Option<T>, b: Option<T>) -> Option<T> {
        match (a, b) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        }
    }
    profiles
        .into_iter()
        .fold(Profile::default(), |total, p| Profile {
            following: sum(total.following, p.following),
            interest: sum(total.interest, p.interest),
            posts_per_week_lifetime: sum(total.posts_per_week_lifetime, p.posts_per_week_lifetime),
        })
}

//! The codebook §5–§6 figures of one unit, computed from its [`Facts`].

use std::collections::BTreeMap;

use dipl_metrics::{quantile, Reference};
use dipl_model::Ratio;

use crate::facts::Facts;

const HOUR: u64 = 3_600;
const DAY: i64 = 86_400;

/// The dialogue, listening and locality figures of one unit (codebook §5 and §6). Ratios keep
/// numerator and denominator; figures that cannot be computed are `None` (n/a).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dialogue {
    /// `audience_comments`: replies by audience accounts to the unit's posts and replies.
    pub audience_comments: u64,
    /// Audience comments with at least one reply from the account commented on.
    pub answered: u64,
    /// `answered_share` = answered / audience_comments.
    pub answered_share: Ratio,
    /// `response_time_median` and `response_time_p90`, in hours, over answered comments.
    pub response_time_median: Option<f64>,
    pub response_time_p90: Option<f64>,
    /// `response_time_buckets`: answered within ≤ 2 h, ≤ 8 h, ≤ 24 h, > 24 h (shares of answered
    /// comments), and not answered (share of audience comments).
    pub response_within_2h: Ratio,
    pub response_2h_to_8h: Ratio,
    pub response_8h_to_24h: Ratio,
    pub response_over_24h: Ratio,
    pub not_answered: Ratio,
    /// Audience comments that ask a question, and those without an answer
    /// (`questions_unanswered`).
    pub questions: u64,
    pub questions_unanswered: u64,
    /// `dialogue_concentration` (a): Gini coefficient of the unit's replies to others over the
    /// days of the window.
    pub concentration_gini: Option<f64>,
    /// (b): share of those replies on the unit's 3 busiest days.
    pub concentration_top_days: Ratio,
    /// (c): share of those replies under the 3 threads with most of them.
    pub concentration_top_posts: Ratio,
    /// `amplifies_audience`: reposts and quotes of audience posts / reposts and quotes.
    pub amplifies_audience: Ratio,
    /// `follow_back_share`: followers in the data the unit follows back / followers in the data;
    /// n/a when the data holds no follow list of the unit.
    pub follow_back_share: Option<Ratio>,
    /// `post_languages`: own posts by detected language, most frequent first.
    pub post_languages: Vec<(String, u64)>,
    pub own_posts_undetermined: u64,
    /// `host_language_share` (hosted units with a known host).
    pub host_language_share: Option<Ratio>,
    /// `audience_languages`: audience comments by detected language.
    pub audience_languages: Vec<(String, u64)>,
    /// Per detected language of own posts and of audience comments: (posts or comments with a
    /// platform language tag, those whose tag agrees with the detection).
    pub post_tags: BTreeMap<String, (u64, u64)>,
    pub comment_tags: BTreeMap<String, (u64, u64)>,
    pub audience_undetermined: u64,
    /// `local_audience_share`: audience comments in a host language (hosted units).
    pub local_audience_share: Option<Ratio>,
    /// The location evidence of `local_audience_share`: commenters located in the host country
    /// / commenters with a recognised location.
    pub local_commenters_located: Option<Ratio>,
    /// Distinct commenters.
    pub commenters: u64,
    /// Replies to others, and the part of them that answers other actors rather than the
    /// audience ("with whom").
    pub replies_to_others: u64,
    pub replies_to_actors: u64,
    /// Hashtags of the unit's posts whose threads it replies in, weighted by replies, most
    /// frequent first (at most 5): "about what".
    pub topics: Vec<(String, u64)>,
}

/// Most frequent first, ties by code.
fn ranked(map: &BTreeMap<u16, u64>, languages: &[String]) -> Vec<(String, u64)> {
    let mut list: Vec<(String, u64)> = map
        .iter()
        .filter_map(|(k, v)| Some((languages.get(*k as usize)?.clone(), *v)))
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// The language indexes of a map replaced by their codes.
fn named(map: &BTreeMap<u16, (u64, u64)>, languages: &[String]) -> BTreeMap<String, (u64, u64)> {
    map.iter()
        .filter_map(|(k, v)| Some((languages.get(*k as usize)?.clone(), *v)))
        .collect()
}

/// Gini coefficient of `values` padded with zeros to `n` values:
/// Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σx) over the ascending order (i = 1…n); `None` when n = 0 or
/// Σx = 0.
pub fn gini_with_zeros(values: &[u64], n: u64) -> Option<f64> {
    let mut sorted: Vec<u64> = values.iter().copied().filter(|&v| v > 0).collect();
    let n = n.max(sorted.len() as u64);
    let total: u64 = sorted.iter().sum();
    if n == 0 || total == 0 {
        return None;
    }
    sorted.sort_unstable();
    let zeros = n - sorted.len() as u64;
    let mut weighted = 0.0;
    for (k, &x) in sorted.iter().enumerate() {
        let i = (zeros + k as u64 + 1) as f64;
        weighted += (2.0 * i - n as f64 - 1.0) * x as f64;
    }
    Some(weighted / (n as f64 * total as f64))
}

/// Sum of the 3 largest values.
fn top3(values: impl Iterator<Item = u64>) -> u64 {
    let mut all: Vec<u64> = values.collect();
    all.sort_unstable_by(|a, b| b.cmp(a));
    all.iter().take(3).sum()
}

/// Number of UTC days the window spans (`start` to `end`, the last day being that of the
/// last second before `end`); `None` when either end is unknown.
pub(crate) fn window_days(reference: &Reference) -> Option<u64> {
    let (start, end) = (reference.start?, reference.end?);
    let first = start.0.div_euclid(DAY);
    let last = end.0.saturating_sub(1).max(start.0).div_euclid(DAY);
    u64::try_from(last.saturating_sub(first).saturating_add(1)).ok()
}

impl Dialogue {
    pub(crate) fn from_facts(
        f: &Facts,
        reference: &Reference,
        languages: &[String],
        tags: &[String],
    ) -> Dialogue {
        let mut seconds = f.response_seconds.clone();
        seconds.sort_unstable();
        let hours = |s: Option<f64>| s.map(|s| s / HOUR as f64);
        let bucket = |lo: u64, hi: u64| {
            let n = seconds
                .iter()
                .filter(|&&s| s > lo * HOUR && s <= hi * HOUR)
                .count();
            Ratio::new(n as f64, f.answered as f64)
        };
        let within_2h = seconds.iter().filter(|&&s| s <= 2 * HOUR).count();
        let over_24h = seconds.iter().filter(|&&s| s > 24 * HOUR).count();
        // Days of the window, widened to cover every reply day (a derived window can end
        // before a late reply only when as_of is derived from other units' posts).
        let span = match (
            f.replies_by_day.keys().next(),
            f.replies_by_day.keys().next_back(),
        ) {
            (Some(first), Some(last)) => {
                u64::try_from(last.saturating_sub(*first).saturating_add(1)).ok()
            }
            _ => None,
        };
        let days = match (window_days(reference), span) {
            (Some(w), Some(s)) => Some(w.max(s)),
            (w, s) => w.or(s),
        };
        let by_day: Vec<u64> = f.replies_by_day.values().copied().collect();
        let replies = f.replies_to_others as f64;
        Dialogue {
            audience_comments: f.audience_comments,
            answered: f.answered,
            answered_share: Ratio::new(f.answered as f64, f.audience_comments as f64),
            response_time_median: hours(quantile(&seconds, 0.5)),
            response_time_p90: hours(quantile(&seconds, 0.9)),
            response_within_2h: Ratio::new(within_2h as f64, f.answered as f64),
            response_2h_to_8h: bucket(2, 8),
            response_8h_to_24h: bucket(8, 24),
            response_over_24h: Ratio::new(over_24h as f64, f.answered as f64),
            not_answered: Ratio::new(
                (f.audience_comments - f.answered) as f64,
                f.audience_comments as f64,
            ),
            questions: f.questions,
            questions_unanswered: f.questions_unanswered,
            concentration_gini: days.and_then(|n| gini_with_zeros(&by_day, n)),
            concentration_top_days: Ratio::new(top3(by_day.iter().copied()) as f64, replies),
            concentration_top_posts: Ratio::new(
                top3(f.replies_by_root.values().copied()) as f64,
                replies,
            ),
            amplifies_audience: Ratio::new(
                f.amplified_audience as f64,
                f.reposts_and_quotes as f64,
            ),
            follow_back_share: f
                .following_known
                .then(|| Ratio::new(f.followed_back as f64, f.followers_in_data as f64)),
            post_languages: ranked(&f.post_languages.counts, languages),
            own_posts_undetermined: f.post_languages.undetermined,
            host_language_share: f
                .post_languages
                .local
                .map(|(a, b)| Ratio::new(a as f64, b as f64)),
            audience_languages: ranked(&f.comment_languages.counts, languages),
            post_tags: named(&f.post_languages.tags, languages),
            comment_tags: named(&f.comment_languages.tags, languages),
            audience_undetermined: f.comment_languages.undetermined,
            local_audience_share: f
                .comment_languages
                .local
                .map(|(a, b)| Ratio::new(a as f64, b as f64)),
            local_commenters_located: f
                .local_location
                .map(|(a, b)| Ratio::new(a as f64, b as f64)),
            commenters: f.commenters,
            replies_to_others: f.replies_to_others,
            replies_to_actors: f.replies_to_units,
            topics: {
                let mut list: Vec<(String, u64)> = f
                    .topics
                    .iter()
                    .filter_map(|(t, n)| Some((tags.get(*t as usize)?.clone(), *n)))
                    .collect();
                list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                list.truncate(5);
                list
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gini_by_hand() {
        // All on one day of four: sorted (0,0,0,4): (2·4−4−1)·4 / (4·4) = 12/16.
        assert_eq!(gini_with_zeros(&[4], 4), Some(0.75));
        // Even spread: 0.
        assert_eq!(gini_with_zeros(&[2, 2, 2], 3), Some(0.0));
        // (1,3) over 2 days: ((2−3)·1 + (4−3)·3) / (2·4) = 2/8.
        assert_eq!(gini_with_zeros(&[3, 1], 2), Some(0.25));
        assert_eq!(gini_with_zeros(&[], 5), None);
        assert_eq!(gini_with_zeros(&[0, 0], 2), None);
    }

    #[test]
    fn top3_sums_the_largest() {
        assert_eq!(top3([5, 1, 7, 3].into_iter()), 15);
        assert_eq!(top3([2].into_iter()), 2);
    }
}

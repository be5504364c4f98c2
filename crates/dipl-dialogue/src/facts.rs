//! The raw facts of one unit (account, actor, country), gathered in one pass over the threads
//! and merged across accounts; the figures of [`crate::Dialogue`] are computed from them.

use std::collections::BTreeMap;

/// Where a reply hangs: the top of its thread in the data, the missing post it answers, or
/// nothing known (the reply is its own group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Root {
    /// Index into `Threads::items` of the thread's top item in the data.
    Item(u32),
    /// Key of a parent post that is not in the data.
    Missing(u64),
    /// A reply with no known parent: index of the reply itself.
    Alone(u32),
}

/// Counts of one unit over the window, mergeable (sums and concatenations).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Facts {
    pub audience_comments: u64,
    pub answered: u64,
    /// Seconds from each answered comment to its first answer.
    pub response_seconds: Vec<u64>,
    pub questions: u64,
    pub questions_unanswered: u64,
    /// The unit's replies to others per UTC day number (`created_at` div 86 400).
    pub replies_by_day: BTreeMap<i64, u64>,
    /// The unit's replies to others per thread root (roots are per item, so accounts never share
    /// one).
    pub replies_by_root: BTreeMap<Root, u64>,
    pub replies_to_others: u64,
    /// The part of `replies_to_others` that answers other units (actors), not the audience.
    pub replies_to_units: u64,
    /// Hashtags (indexes into `Threads::tags`) of the unit's own posts at the top of the threads
    /// it replies in, once per reply: what its conversations are about.
    pub topics: BTreeMap<u32, u64>,
    /// Reposts and quotes of audience accounts' posts, and all reposts and quotes.
    pub amplified_audience: u64,
    pub reposts_and_quotes: u64,
    /// Accounts in the data that follow the unit, and those the unit follows back.
    pub followers_in_data: u64,
    pub followed_back: u64,
    /// Whether the data holds the unit's own follow list (else follow-back is unknown).
    pub following_known: bool,
    /// Detected languages of own posts (not reposts), by index into `Threads::languages`;
    /// posts without a language count under `own_posts_undetermined`.
    pub post_languages: BTreeMap<u16, u64>,
    pub own_posts_undetermined: u64,
    /// Own posts in a host language / own posts with a language (hosted units only).
    pub host_language: Option<(u64, u64)>,
    /// Detected languages of audience comments (by language index).
    pub audience_languages: BTreeMap<u16, u64>,
    /// Per detected language of own posts and of audience comments: how many carry a language
    /// tag of the platform's own, and how many of those agree with the detection.
    pub post_tags: BTreeMap<u16, (u64, u64)>,
    pub comment_tags: BTreeMap<u16, (u64, u64)>,
    pub audience_undetermined: u64,
    /// Audience comments in a host language / audience comments with a language (hosted units).
    pub local_language: Option<(u64, u64)>,
    /// Distinct commenters located in the host country / commenters with a recognised location,
    /// and how many distinct commenters there were (hosted units).
    pub local_location: Option<(u64, u64)>,
    pub commenters: u64,
}

fn add_map<K: Ord + Clone>(into: &mut BTreeMap<K, u64>, from: &BTreeMap<K, u64>) {
    for (k, v) in from {
        *into.entry(k.clone()).or_insert(0) += v;
    }
}

fn add_pairs<K: Ord + Clone>(into: &mut BTreeMap<K, (u64, u64)>, from: &BTreeMap<K, (u64, u64)>) {
    for (k, (a, b)) in from {
        let entry = into.entry(k.clone()).or_insert((0, 0));
        entry.0 += a;
        entry.1 += b;
    }
}

fn add_pair(into: &mut Option<(u64, u64)>, from: Option<(u64, u64)>) {
    if let Some((a, b)) = from {
        let (x, y) = into.get_or_insert((0, 0));
        *x += a;
        *y += b;
    }
}

impl Facts {
    /// Adds another unit's facts (an actor's accounts, a country's actors).
    pub(crate) fn merge(&mut self, other: &Facts) {
        self.audience_comments += other.audience_comments;
        self.answered += other.answered;
        self.response_seconds
            .extend_from_slice(&other.response_seconds);
        self.questions += other.questions;
        self.questions_unanswered += other.questions_unanswered;
        add_map(&mut self.replies_by_day, &other.replies_by_day);
        add_map(&mut self.replies_by_root, &other.replies_by_root);
        self.replies_to_others += other.replies_to_others;
        self.replies_to_units += other.replies_to_units;
        add_map(&mut self.topics, &other.topics);
        self.amplified_audience += other.amplified_audience;
        self.reposts_and_quotes += other.reposts_and_quotes;
        self.followers_in_data += other.followers_in_data;
        self.followed_back += other.followed_back;
        self.following_known |= other.following_known;
        add_map(&mut self.post_languages, &other.post_languages);
        self.own_posts_undetermined += other.own_posts_undetermined;
        add_pair(&mut self.host_language, other.host_language);
        add_map(&mut self.audience_languages, &other.audience_languages);
        add_pairs(&mut self.post_tags, &other.post_tags);
        add_pairs(&mut self.comment_tags, &other.comment_tags);
        self.audience_undetermined += other.audience_undetermined;
        add_pair(&mut self.local_language, other.local_language);
        add_pair(&mut self.local_location, other.local_location);
        self.commenters += other.commenters;
    }
}

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

/// The detected languages of a unit's posts or of the comments addressed to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LanguageTally {
    /// By index into `Threads::languages`.
    pub counts: BTreeMap<u16, u64>,
    /// Those without a language.
    pub undetermined: u64,
    /// Per language: (with a platform language tag, whose tag agrees with the detection).
    pub tags: BTreeMap<u16, (u64, u64)>,
    /// (in a host language, with a language), for hosted units with a known host; else `None`.
    pub local: Option<(u64, u64)>,
}

impl LanguageTally {
    /// Counts one post or comment: its detected language, whether the platform's tag agrees
    /// (`None`: no tag), and whether the language is one of the host's (`None`: no host).
    pub(crate) fn add(&mut self, lang: Option<u16>, tag_agrees: Option<bool>, local: Option<bool>) {
        let Some(lang) = lang else {
            self.undetermined += 1;
            return;
        };
        *self.counts.entry(lang).or_insert(0) += 1;
        if let Some(agrees) = tag_agrees {
            let entry = self.tags.entry(lang).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += u64::from(agrees);
        }
        if let (Some(pair), Some(local)) = (&mut self.local, local) {
            pair.1 += 1;
            pair.0 += u64::from(local);
        }
    }

    fn merge(&mut self, other: &LanguageTally) {
        add_map(&mut self.counts, &other.counts);
        self.undetermined += other.undetermined;
        add_pairs(&mut self.tags, &other.tags);
        add_pair(&mut self.local, other.local);
    }
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
    /// Languages of own posts (not reposts); `local`: in a host language (hosted units).
    pub post_languages: LanguageTally,
    /// Languages of audience comments; `local`: in a host language (hosted units).
    pub comment_languages: LanguageTally,
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
        self.post_languages.merge(&other.post_languages);
        self.comment_languages.merge(&other.comment_languages);
        add_pair(&mut self.local_location, other.local_location);
        self.commenters += other.commenters;
    }
}

//! The compact in-memory dataset that metrics read: one scope (window, platforms) of the store.
//!
//! Posts are sorted by `(account, created_at, post id)`; hashtags and mentions are interned
//! (`symbols`) and referenced by ranges into `post_hashtags` / `post_mentions`, so that millions of
//! posts stay small.

use std::ops::Range;

use crate::{Actor, Platform, PostKind, Threads, Timestamp};

/// Index into `Dataset::accounts`.
pub type AccountIdx = u32;

#[derive(Debug, Clone, PartialEq)]
pub struct AccountInfo {
    pub platform: Platform,
    /// Platform id, or the pseudonym for audience accounts.
    pub platform_id: String,
    pub handle: Option<String>,
    pub display_name: Option<String>,
    /// Index into `Dataset::actors`.
    pub actor: Option<u32>,
    /// A subject of some export (its own timeline was collected) or a registered actor's account.
    pub is_subject: bool,
    pub is_pseudonymised: bool,
    pub created_at: Option<Timestamp>,
    pub verified: Option<bool>,
    /// The self-reported profile location, as written (audience accounts keep it when
    /// pseudonymised: it is the evidence of `local_audience_share`).
    pub location: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PostRow {
    pub account: AccountIdx,
    pub created_at: Timestamp,
    pub kind: PostKind,
    /// Author of the post a reply answers, when known.
    pub parent_account: Option<AccountIdx>,
    /// Author of the reposted or quoted post, when known.
    pub referenced_account: Option<AccountIdx>,
    /// Latest observed counters (for reposts: none, they belong to the original).
    pub likes: Option<u64>,
    pub reposts: Option<u64>,
    pub replies: Option<u64>,
    pub quotes: Option<u64>,
    pub views: Option<u64>,
    pub hashtags: Range<u32>,
    pub mentions: Range<u32>,
}

impl PostRow {
    /// Interactions = likes + reposts + replies + quotes, as far as the platform provides each;
    /// `None` when it provides none of them.
    pub fn interactions(&self) -> Option<u64> {
        let parts = [self.likes, self.reposts, self.replies, self.quotes];
        if parts.iter().all(Option::is_none) {
            None
        } else {
            Some(parts.iter().flatten().sum())
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowerObs {
    pub account: AccountIdx,
    pub observed_at: Timestamp,
    pub followers: u64,
}

/// A follow edge as observed: `follower` follows `followed` (both indexes into `accounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct FollowRow {
    pub follower: AccountIdx,
    pub followed: AccountIdx,
    pub observed_at: Timestamp,
}

/// An account's following and status (post) counters at a time, where the platform gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileObs {
    pub account: AccountIdx,
    pub observed_at: Timestamp,
    pub following: Option<u64>,
    pub posts_count: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub actors: Vec<Actor>,
    pub accounts: Vec<AccountInfo>,
    /// Sorted by `(account, created_at)`.
    pub posts: Vec<PostRow>,
    /// Sorted by `(account, observed_at)`.
    pub follower_obs: Vec<FollowerObs>,
    /// Sorted by `(account, observed_at)`.
    pub profile_obs: Vec<ProfileObs>,
    /// Follow edges (only when the scope asks for them), sorted by
    /// `(follower, followed, observed_at)`; every observation of an edge is kept.
    pub follows: Vec<FollowRow>,
    /// Interned case-folded hashtags and handles.
    pub symbols: Vec<String>,
    pub post_hashtags: Vec<u32>,
    pub post_mentions: Vec<u32>,
    /// Conversation threads (only when the scope asks for them; see [`Threads`]).
    pub threads: Threads,
}

impl Dataset {
    pub fn hashtags_of(&self, post: &PostRow) -> impl Iterator<Item = &str> {
        self.post_hashtags[post.hashtags.start as usize..post.hashtags.end as usize]
            .iter()
            .map(|&s| self.symbols[s as usize].as_str())
    }

    pub fn mentions_of(&self, post: &PostRow) -> impl Iterator<Item = &str> {
        self.post_mentions[post.mentions.start as usize..post.mentions.end as usize]
            .iter()
            .map(|&s| self.symbols[s as usize].as_str())
    }

    /// The posts of one account (posts are sorted by account).
    pub fn posts_of(&self, account: AccountIdx) -> &[PostRow] {
        let start = self.posts.partition_point(|p| p.account < account);
        let end = self.posts.partition_point(|p| p.account <= account);
        &self.posts[start..end]
    }

    pub fn profile_obs_of(&self, account: AccountIdx) -> &[ProfileObs] {
        let start = self.profile_obs.partition_point(|o| o.account < account);
        let end = self.profile_obs.partition_point(|o| o.account <= account);
        &self.profile_obs[start..end]
    }

    pub fn follower_obs_of(&self, account: AccountIdx) -> &[FollowerObs] {
        let start = self.follower_obs.partition_point(|o| o.account < account);
        let end = self.follower_obs.partition_point(|o| o.account <= account);
        &self.follower_obs[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactions_missing_is_not_zero() {
        let mut p = PostRow {
            account: 0,
            created_at: Timestamp(0),
            kind: PostKind::Original,
            parent_account: None,
            referenced_account: None,
            likes: None,
            reposts: None,
            replies: None,
            quotes: None,
            views: None,
            hashtags: 0..0,
            mentions: 0..0,
        };
        assert_eq!(p.interactions(), None);
        p.likes = Some(3);
        p.replies = Some(0);
        assert_eq!(p.interactions(), Some(3));
    }
}

//! The parameters of a metrics run (window, platforms) and the reference times resolved from
//! them and the dataset.
//!
//! Nothing reads the clock: when the caller gives no reference time, it is derived from the data
//! (see [`Params::resolve`]), so the same dataset and parameters always give the same figures.

use dipl_model::{AccountInfo, Dataset, Platform, Timestamp, Window};

use crate::units::is_unit;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// What to compute over: a half-open window of post creation times with its reference time, and
/// the platforms in scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pub window: Window,
    /// Only accounts on these platforms (`None`: all platforms; an empty list selects none, as
    /// in the store's `Scope`).
    pub platforms: Option<Vec<Platform>>,
}

/// Parameters that cannot describe a window.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamsError {
    #[error("empty window: `from` ({from}) is not before `to` ({to})")]
    EmptyWindow { from: Timestamp, to: Timestamp },
    #[error("`as_of` ({as_of}) is before the window starts ({from})")]
    AsOfBeforeWindow { as_of: Timestamp, from: Timestamp },
    #[error("unknown grouping `{given}` (expected account, actor or country)")]
    UnknownBy { given: String },
}

impl Params {
    /// All platforms over `window`.
    pub fn new(window: Window) -> Params {
        Params {
            window,
            platforms: None,
        }
    }

    /// Whether accounts of `platform` are in scope.
    pub fn includes(&self, platform: Platform) -> bool {
        self.platforms
            .as_ref()
            .is_none_or(|platforms| platforms.contains(&platform))
    }

    /// Rejects windows that contain no time at all. The metric functions never fail: given such
    /// parameters they simply find no posts (status `inactive`, ratios n/a); callers that take
    /// a window from a user should call this first and report the error.
    pub fn validate(&self) -> Result<(), ParamsError> {
        if let (Some(from), Some(to)) = (self.window.from, self.window.to) {
            if from >= to {
                return Err(ParamsError::EmptyWindow { from, to });
            }
        }
        if let (Some(from), Some(as_of)) = (self.window.from, self.window.as_of) {
            if as_of < from {
                return Err(ParamsError::AsOfBeforeWindow { as_of, from });
            }
        }
        Ok(())
    }

    /// Resolves the reference times for `dataset`.
    ///
    /// The *reference posts* are the posts of the units (accounts that are subjects or belong to
    /// an actor, see [`is_unit`]) on the platforms in scope whose `created_at` lies in the
    /// window (and, when `as_of` is explicit, at or before it). Audience posts (comments) do not
    /// move the reference.
    ///
    /// - `as_of` = `window.as_of`, else `window.to`, else the latest `created_at` of a reference
    ///   post (never the clock). The first two are *explicit*; see [`Reference::as_of_explicit`].
    /// - `start` ("days in window" begin) = `window.from`, else the earliest reference post over
    ///   *all* units, so that the units of one run are comparable.
    /// - `end` = `window.to`, else `as_of`.
    ///
    /// With an empty dataset and an unbounded window all three are `None`: per-day figures are
    /// then n/a.
    pub fn resolve(&self, dataset: &Dataset) -> Reference {
        let explicit_as_of = self.window.as_of.or(self.window.to);
        let mut reference = Reference {
            window: self.window,
            as_of: explicit_as_of,
            as_of_explicit: explicit_as_of.is_some(),
            start: self.window.from,
            end: self.window.to.or(explicit_as_of),
        };
        let in_scope = |info: &AccountInfo| is_unit(info) && self.includes(info.platform);
        let mut earliest: Option<Timestamp> = None;
        let mut latest: Option<Timestamp> = None;
        for post in &dataset.posts {
            let Some(info) = dataset.accounts.get(post.account as usize) else {
                continue;
            };
            if !in_scope(info) || !reference.includes_post(post.created_at) {
                continue;
            }
            earliest = Some(earliest.map_or(post.created_at, |t| t.min(post.created_at)));
            latest = Some(latest.map_or(post.created_at, |t| t.max(post.created_at)));
        }
        reference.as_of = reference.as_of.or(latest);
        reference.start = reference.start.or(earliest);
        reference.end = reference.end.or(reference.as_of);
        reference
    }
}

/// The resolved reference times of a run (see [`Params::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub window: Window,
    /// The reference time of `days_since_last_post`, `status` and `followers`.
    pub as_of: Option<Timestamp>,
    /// Whether `as_of` was given (as `window.as_of` or `window.to`) rather than derived from the
    /// latest post. Only an explicit `as_of` cuts off posts and follower observations after it:
    /// a derived one is the latest post, and the follower counts of an export are usually
    /// observed when it was collected, after its last post.
    pub as_of_explicit: bool,
    /// Begin of the window for "days in window" and the first silence.
    pub start: Option<Timestamp>,
    /// End of the window for "days in window" and the last silence.
    pub end: Option<Timestamp>,
}

impl Reference {
    /// Whether a post created at `t` counts: `t` in the half-open window `[from, to)` and, when
    /// `as_of` is explicit, `t <= as_of`.
    pub fn includes_post(&self, t: Timestamp) -> bool {
        self.window.contains(t) && self.known_by_as_of(t)
    }

    /// Whether a follower observation taken at `t` is "in the window": the same rule as for posts.
    pub fn includes_observation(&self, t: Timestamp) -> bool {
        self.includes_post(t)
    }

    /// Whether something that happened at `t` was known as of the reference time: always when
    /// `as_of` is derived, else `t <= as_of`.
    pub fn known_by_as_of(&self, t: Timestamp) -> bool {
        match (self.as_of_explicit, self.as_of) {
            (true, Some(as_of)) => t <= as_of,
            _ => true,
        }
    }

    /// `(end − start) / 86 400`, fractional days; `None` when either end is unknown or the
    /// window is reversed.
    pub fn days_in_window(&self) -> Option<f64> {
        let (start, end) = (self.start?, self.end?);
        (end >= start).then(|| seconds_to_days(end.0 - start.0))
    }
}

pub(crate) fn seconds_to_days(seconds: i64) -> f64 {
    seconds as f64 / SECONDS_PER_DAY
}

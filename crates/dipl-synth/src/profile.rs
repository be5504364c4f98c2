//! Account profiles as a collector would see them at a retrieval time: the fields both X
//! formats embed for authors, retweeted and mentioned users (followers, following, statuses,
//! listed counts at that moment).

use crate::detmath::hash;
use crate::plan::Plan;
use crate::world::{Who, World};

pub(crate) struct Profile {
    pub id: u64,
    pub handle: String,
    pub name: String,
    pub description: String,
    pub location: String,
    pub created_at: i64,
    pub verified: bool,
    /// Official (government) verification, as API v2's `verified_type`.
    pub government: bool,
    pub followers: u64,
    pub following: u64,
    pub statuses: u64,
    pub listed: u64,
    pub favourites: u64,
    pub image: u64,
}

/// The profile of `who` at time `at` (seconds), during harvest month `month`.
pub(crate) fn profile(world: &World<'_>, plan: &Plan, who: Who, at: i64, month: usize) -> Profile {
    match who {
        Who::Actor(a) => {
            let a = a as usize;
            let acct = &world.accounts[a];
            let spec = acct.spec;
            let followers = world.followers(a, at);
            Profile {
                id: acct.id,
                handle: spec.handle.clone(),
                name: spec.display_name.clone(),
                description: spec.description.clone(),
                location: spec.location.clone(),
                created_at: spec.created_at.0,
                verified: spec.verified,
                government: spec.verified,
                followers,
                following: spec.following + plan.posts_through(a, month) / 40,
                statuses: spec.statuses_before + plan.posts_through(a, month),
                listed: followers / 140 + 3,
                favourites: 200
                    + hash(world.seed, &[0xFA, a as u64]) % 3000
                    + plan.posts_through(a, month),
                image: hash(world.seed, &[0x1A6E, a as u64]),
            }
        }
        _ => {
            let acc = world.audience(who);
            Profile {
                id: acc.id,
                handle: acc.handle,
                name: acc.name,
                description: acc.description,
                location: acc.location.to_string(),
                created_at: acc.created_at,
                verified: acc.verified,
                government: false,
                followers: acc.followers,
                following: acc.following,
                statuses: acc.statuses,
                listed: acc.followers / 300,
                favourites: acc.statuses / 2,
                image: acc.id,
            }
        }
    }
}

/// A profile image URL stem, stable per account.
pub(crate) fn image_url(p: &Profile) -> String {
    format!(
        "https://pbs.twimg.com/profile_images/{}/{:x}_normal.jpg",
        1_500_000_000_000_000_000 + p.image % 300_000_000_000_000_000,
        p.image >> 16
    )
}

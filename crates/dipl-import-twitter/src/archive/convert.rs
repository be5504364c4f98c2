//! Pure translation of archive elements ([`super::raw`]) into model records. Tweets go through
//! the v1.1 translation with the owner as author ([`crate::v1::convert`]).

use dipl_model::{AccountRecord, Follow, Platform, Record, Role, Timestamp};

use super::raw::{Account, FollowEntry};
use crate::date;
use crate::entities::non_empty;
use crate::error::ConvertError;
use crate::v1::convert::Owner;

/// The owner's account record (the owner is the subject of its own archive).
pub fn owner_account(account: &Account<'_>) -> Result<(Owner, AccountRecord), ConvertError> {
    let id = account
        .account_id
        .as_ref()
        .ok_or(ConvertError::Missing("accountId"))?
        .as_str()
        .to_string();
    let handle = non_empty(account.username.as_deref());
    let record = AccountRecord {
        platform: Platform::Twitter,
        id: id.clone(),
        handle: handle.clone(),
        display_name: non_empty(account.account_display_name.as_deref()),
        role: Role::Subject,
        created_at: account.created_at.as_deref().and_then(date::parse_rfc3339),
        verified: None,
        location: None,
        lang: None,
        description: None,
    };
    Ok((Owner { id, handle }, record))
}

/// Which way a follow list points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `follower.js`: these accounts follow the owner.
    Followers,
    /// `following.js`: the owner follows these accounts.
    Following,
}

pub fn follow(
    entry: &FollowEntry<'_>,
    owner: &Owner,
    direction: Direction,
    observed_at: Option<Timestamp>,
) -> Result<Record, ConvertError> {
    let other = entry
        .account_id
        .as_ref()
        .ok_or(ConvertError::Missing("accountId"))?
        .as_str()
        .to_string();
    let (follower_id, followed_id) = match direction {
        Direction::Followers => (other, owner.id.clone()),
        Direction::Following => (owner.id.clone(), other),
    };
    Ok(Record::Follow(Follow {
        platform: Platform::Twitter,
        follower_id,
        followed_id,
        observed_at,
    }))
}

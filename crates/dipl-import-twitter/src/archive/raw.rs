//! The X account archive's `data/*.js` files as X writes them: a JS assignment
//! (`window.YTD.<part>.part<N> = [ … ]`) of an array whose elements wrap one object under the
//! part's name (`{"tweet": {…}}`, `{"account": {…}}`, `{"follower": {…}}`). Tweets are v1.1-like
//! objects ([`crate::v1::raw::Tweet`]) with counters and ids as strings and no `user`.

use std::borrow::Cow;

use serde::Deserialize;

use crate::number::Id;
use crate::v1::raw::Tweet;

/// One element of an archive part.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Item<'a> {
    #[serde(borrow)]
    pub tweet: Option<Tweet<'a>>,
    #[serde(borrow)]
    pub account: Option<Account<'a>>,
    #[serde(borrow)]
    pub follower: Option<FollowEntry<'a>>,
    #[serde(borrow)]
    pub following: Option<FollowEntry<'a>>,
}

/// `account.js`: the archive owner's account (its e-mail address is deliberately not read).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Account<'a> {
    #[serde(borrow)]
    pub account_id: Option<Id<'a>>,
    #[serde(borrow)]
    pub username: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub account_display_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub created_at: Option<Cow<'a, str>>,
}

/// `follower.js` / `following.js`: one account id per element.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FollowEntry<'a> {
    #[serde(borrow)]
    pub account_id: Option<Id<'a>>,
}

/// `manifest.js` (`window.__THAR_CONFIG = {…}`): when the archive was generated.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Manifest<'a> {
    #[serde(borrow)]
    pub archive_info: Option<ArchiveInfo<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ArchiveInfo<'a> {
    #[serde(borrow)]
    pub generation_date: Option<Cow<'a, str>>,
}

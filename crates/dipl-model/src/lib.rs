//! The normalised data model of Diplometrics: plain data, no I/O.
//!
//! Importers translate platform exports into [`Record`]s; the store keeps them; metrics read a
//! [`Dataset`]. Every counter a platform may not provide is an `Option`: missing is not zero.
//! Timestamps are UTC seconds since the Unix epoch ([`Timestamp`]); nothing here reads the clock.

mod actor;
mod countries;
mod dataset;
mod periods;
mod platform;
mod ratio;
mod record;
mod threads;
mod time;

pub use actor::{country_name, is_known_country, Actor, ActorKind};
pub use countries::COUNTRIES;
pub use dataset::{AccountIdx, AccountInfo, Dataset, FollowRow, FollowerObs, PostRow, ProfileObs};
pub use periods::{periods, Every, Period};
pub use platform::Platform;
pub use ratio::Ratio;
pub use record::{
    AccountObservation, AccountRecord, Counters, Follow, MediaKind, Post, PostKind, PostRef,
    Record, Role,
};
pub use threads::{ThreadItem, Threads, NO_ITEM};
pub use time::{Timestamp, Window, ZoneSpelling};

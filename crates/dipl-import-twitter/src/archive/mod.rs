//! The X account archive (`twitter.archive`): the `data/*.js` files of "Download an archive of
//! your data", as a folder or as the zip X delivers.
//!
//! Read: `tweets.js` (also `tweet.js` of older archives and the `tweets-partN.js` splits),
//! `deleted-tweets.js` (posts flagged deleted), `account.js` (the owner), `follower.js` and
//! `following.js` (follow edges). Other `window.YTD` parts are recognised, so that a whole
//! archive folder can be imported, and reported once each as not imported; `manifest.js` is
//! recognised and read only to date the other parts.
//!
//! The owner: archive tweets carry no `user`, and the trait hands an importer one file at a
//! time. So `tweets.js`, `deleted-tweets.js`, `follower.js` and `following.js` read the owner's
//! id from the sibling `account.js` (same folder on disk, or same folder inside the same zip);
//! without it the file is refused with an error saying to import the whole archive. Each of
//! these files also emits the owner's account record first, so that it is complete on its own.
//! Likewise the sibling `manifest.js` (`archiveInfo.generationDate`) gives the collection time of
//! the counters (`observed_at`); without it `observed_at` is `None`.
//!
//! Archive quirks translated here: counters and ids are strings; a retweet is only recognisable
//! by its `RT @handle:` text (it becomes a repost with empty counters and no reference, since
//! the original's id is not in the archive); a quote only by its trailing link to the quoted
//! post (`https://twitter.com/<handle>/status/<id>`), which becomes the reference.
//! Archive files are read whole: they are small next to API harvests, and zip entries are held
//! in memory by the input layer anyway.

pub mod convert;
pub mod raw;

use std::io::Read;
use std::path::{Path, PathBuf};

use dipl_ingest::json::{self, RawRecord, RecordError, RecordParser};
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record, Role, Timestamp};

use crate::date;
use crate::error::ConvertError;
use crate::v1::convert::{self as v1_convert, Owner};
use convert::Direction;
use dipl_ingest::sniff::js_name;

/// `twitter.archive`: the X account archive.
#[derive(Debug, Clone, Copy, Default)]
pub struct Archive;

/// The archive files this importer distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Tweets {
        deleted: bool,
    },
    Account,
    Follows(Direction),
    Manifest,
    /// Any other `window.YTD.<name>` part.
    Other(String),
}

/// The part named by a JS assignment (`window.YTD.tweets.part0`, `window.__THAR_CONFIG`).
fn part_of(js_name: &str) -> Option<Part> {
    if js_name == "window.__THAR_CONFIG" {
        return Some(Part::Manifest);
    }
    let rest = js_name.strip_prefix("window.YTD.")?;
    let (name, number) = rest.split_once('.')?;
    if !number.starts_with("part") {
        return None;
    }
    Some(match name {
        "tweets" | "tweet" => Part::Tweets { deleted: false },
        "deleted_tweets" | "deleted_tweet" => Part::Tweets { deleted: true },
        "account" => Part::Account,
        "follower" => Part::Follows(Direction::Followers),
        "following" => Part::Follows(Direction::Following),
        other => Part::Other(other.to_string()),
    })
}

impl Importer for Archive {
    fn id(&self) -> &'static str {
        "twitter.archive"
    }

    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "X account archive (data/tweets.js, account.js, follower.js, following.js …)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        match js_name(head).and_then(part_of) {
            Some(Part::Other(_)) | Some(Part::Manifest) => Confidence::Likely,
            Some(_) => Confidence::Certain,
            None => Confidence::No,
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let name = input.name().to_string();
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| input.io_error(e))?;
        let part = js_name(&bytes)
            .and_then(part_of)
            .ok_or_else(|| ImportError::Invalid {
                file: name.clone(),
                message:
                    "not a part of an X archive (expected `window.YTD.<part>.part<N> = [ … ]`)"
                        .into(),
            })?;
        let mut reader = InputReader::from_reader(name.clone(), std::io::Cursor::new(bytes));
        match part {
            Part::Account => {
                json::drive(&mut reader, &AccountParser, options, sink)?;
            }
            Part::Tweets { deleted } => {
                let (owner, observed_at) = owner_and_date(&name, sink)?;
                let parser = TweetParser {
                    owner,
                    observed_at,
                    deleted,
                };
                json::drive(&mut reader, &parser, options, sink)?;
            }
            Part::Follows(direction) => {
                let (owner, observed_at) = owner_and_date(&name, sink)?;
                let parser = FollowParser {
                    owner,
                    direction,
                    observed_at,
                };
                json::drive(&mut reader, &parser, options, sink)?;
            }
            Part::Manifest => {}
            Part::Other(part) => sink.diagnostic(Diagnostic {
                file: name,
                location: None,
                severity: Severity::Warning,
                message: format!(
                    "archive part `{part}` is not imported (read: tweets, deleted tweets, account, follower, following)"
                ),
            }),
        }
        Ok(())
    }
}

/// Reads the owner from the sibling `account.js` and emits its account record; reads the
/// generation date from the sibling `manifest.js` if there is one.
fn owner_and_date(
    name: &str,
    sink: &mut dyn Sink,
) -> Result<(Owner, Option<Timestamp>), ImportError> {
    let missing = |detail: String| {
        ImportError::Invalid {
        file: name.to_string(),
        message: format!(
            "archive posts and follows need the owner's account id from `account.js` in the same folder ({detail}); import the whole archive folder or zip"
        ),
    }
    };
    let bytes = sibling(name, "account.js").ok_or_else(|| missing("not found".into()))?;
    let item = first_item(&bytes).ok_or_else(|| missing("unreadable".into()))?;
    let account = item
        .account
        .as_ref()
        .ok_or_else(|| missing("no `account` entry".into()))?;
    let (owner, record) = convert::owner_account(account).map_err(|e| missing(e.to_string()))?;
    sink.records(vec![Record::Account(record)]);
    let generated = sibling(name, "manifest.js").and_then(|bytes| generation_date(&bytes));
    Ok((owner, generated))
}

/// The bytes of `file` next to the input `name` (a path, or `archive.zip!folder/entry`).
fn sibling(name: &str, file: &str) -> Option<Vec<u8>> {
    if let Some((archive, entry)) = name.split_once('!') {
        if !archive.to_ascii_lowercase().ends_with(".zip") {
            return None;
        }
        let sibling_entry = match entry.rfind('/') {
            Some(slash) => format!("{}/{file}", &entry[..slash]),
            None => file.to_string(),
        };
        let wanted = format!("{archive}!{sibling_entry}");
        let inputs = dipl_ingest::collect_inputs(&[PathBuf::from(archive)]).ok()?;
        let input = inputs.iter().find(|i| i.name == wanted)?;
        let mut reader = input.open().ok()?;
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).ok()?;
        return Some(bytes);
    }
    std::fs::read(Path::new(name).with_file_name(file)).ok()
}

/// The first element of an archive part's array.
fn first_item(bytes: &[u8]) -> Option<raw::Item<'_>> {
    let start = json::json_start(bytes);
    let mut stream = serde_json::Deserializer::from_slice(start).into_iter::<Vec<raw::Item<'_>>>();
    stream.next()?.ok()?.into_iter().next()
}

fn generation_date(bytes: &[u8]) -> Option<Timestamp> {
    let start = json::json_start(bytes);
    let mut stream = serde_json::Deserializer::from_slice(start).into_iter::<raw::Manifest<'_>>();
    let manifest = stream.next()?.ok()?;
    let date = manifest.archive_info?.generation_date?;
    date::parse_rfc3339(&date)
}

fn item<'a>(record: &RawRecord<'a>) -> Result<raw::Item<'a>, RecordError> {
    record.deserialize()
}

struct AccountParser;

impl RecordParser for AccountParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let item = item(record)?;
        let account = item
            .account
            .as_ref()
            .ok_or(ConvertError::Missing("account"))?;
        let (_, account) = convert::owner_account(account)?;
        out.push(Record::Account(account));
        Ok(())
    }
}

struct TweetParser {
    owner: Owner,
    observed_at: Option<Timestamp>,
    deleted: bool,
}

impl RecordParser for TweetParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let item = item(record)?;
        let tweet = item.tweet.as_ref().ok_or(ConvertError::Missing("tweet"))?;
        let ctx = v1_convert::Context {
            top_role: Role::Subject,
            observed_at: self.observed_at,
            owner: Some(&self.owner),
            deleted: self.deleted,
        };
        v1_convert::top_level(tweet, &ctx, out, warnings)?;
        Ok(())
    }
}

struct FollowParser {
    owner: Owner,
    direction: Direction,
    observed_at: Option<Timestamp>,
}

impl RecordParser for FollowParser {
    fn parse(
        &self,
        record: &RawRecord<'_>,
        out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let item = item(record)?;
        let entry = match self.direction {
            Direction::Followers => item.follower.as_ref(),
            Direction::Following => item.following.as_ref(),
        }
        .ok_or(ConvertError::Missing(match self.direction {
            Direction::Followers => "follower",
            Direction::Following => "following",
        }))?;
        out.push(convert::follow(
            entry,
            &self.owner,
            self.direction,
            self.observed_at,
        )?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_from_js_names() {
        assert_eq!(
            part_of("window.YTD.tweets.part0"),
            Some(Part::Tweets { deleted: false })
        );
        assert_eq!(
            part_of("window.YTD.tweet.part3"),
            Some(Part::Tweets { deleted: false })
        );
        assert_eq!(
            part_of("window.YTD.deleted_tweets.part0"),
            Some(Part::Tweets { deleted: true })
        );
        assert_eq!(
            part_of("window.YTD.like.part0"),
            Some(Part::Other("like".into()))
        );
        assert_eq!(part_of("window.__THAR_CONFIG"), Some(Part::Manifest));
        assert_eq!(part_of("var x"), None);
    }
}

//! `generic.edges`: follow edge lists (`follower,followed` CSV), with ids or handles.

use dipl_ingest::csv::{self as csv_drive, Headers, Row, RowParser};
use dipl_ingest::json::RecordError;
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{AccountRecord, Follow, Platform, Record, Role, Timestamp};

/// The header pairs accepted, (follower, followed).
const PAIRS: [(&str, &str); 3] = [
    ("follower", "followed"),
    ("source", "target"),
    ("from", "to"),
];

const OBSERVED_AT: &str = "observed_at";

/// `generic.edges`: a follow edge list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Edges;

impl Importer for Edges {
    fn id(&self) -> &'static str {
        "generic.edges"
    }

    /// The trait wants one platform; edge lists are of any (`--platform`). Only shown by
    /// `diplometrics formats`.
    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn description(&self) -> &'static str {
        "follow edge list CSV (follower,followed or source,target or from,to; optional observed_at) of ids or @handles; needs --platform"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        let Some((_, names)) = csv_drive::sniff_header(head) else {
            return Confidence::No;
        };
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        if let Some(i) = names.iter().position(|n| *n == OBSERVED_AT) {
            names.remove(i);
        }
        let is_pair = |(a, b): (&str, &str)| names == [a, b] || names == [b, a];
        if PAIRS.into_iter().any(is_pair) {
            Confidence::Likely
        } else {
            Confidence::No
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let Some(platform) = options.platform else {
            return Err(ImportError::Invalid {
                file: input.name().to_string(),
                message: "generic.edges needs --platform: the ids and handles of an edge list do not say which platform they belong to".to_string(),
            });
        };
        csv_drive::drive(input, options, sink, |headers, warnings| {
            EdgeParser::new(platform, headers, warnings)
        })
        .map(|_| ())
    }
}

struct EdgeParser {
    platform: Platform,
    follower: usize,
    followed: usize,
    observed_at: Option<usize>,
    names: (String, String),
}

impl EdgeParser {
    fn new(
        platform: Platform,
        headers: &Headers,
        warnings: &mut Vec<String>,
    ) -> Result<EdgeParser, String> {
        let found = PAIRS
            .into_iter()
            .find_map(|(a, b)| Some((headers.find(&[a])?, headers.find(&[b])?, a, b)));
        let Some((follower, followed, a, b)) = found else {
            return Err(format!(
                "not an edge list: the header needs the columns follower,followed (or source,target, or from,to), optionally observed_at; found {}",
                headers
                    .names()
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        };
        let observed_at = headers.find(&[OBSERVED_AT]);
        let unread: Vec<&str> = headers
            .names()
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != follower && *i != followed && Some(*i) != observed_at)
            .map(|(_, n)| n.as_str())
            .collect();
        if !unread.is_empty() {
            warnings.push(format!("columns not read: {}", unread.join(", ")));
        }
        Ok(EdgeParser {
            platform,
            follower,
            followed,
            observed_at,
            names: (a.to_string(), b.to_string()),
        })
    }
}

impl RowParser for EdgeParser {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        let endpoint =
            |column: usize, name: &str| -> Result<(String, Option<String>), RecordError> {
                let value = row
                    .get(Some(column))
                    .ok_or_else(|| RecordError::Skip(format!("column `{name}` is empty")))?;
                account_ref(self.platform, value)
                    .map_err(|e| RecordError::Skip(format!("column `{name}`: {e}")))
            };
        let (follower_id, follower_handle) = endpoint(self.follower, &self.names.0)?;
        let (followed_id, followed_handle) = endpoint(self.followed, &self.names.1)?;
        if follower_id == followed_id {
            return Err(RecordError::Skip(format!("`{follower_id}` follows itself")));
        }
        let observed_at = self
            .observed_at
            .and_then(|c| row.get(Some(c)))
            .and_then(|v| {
                let t = parse_observed_at(v);
                if t.is_none() {
                    warnings.push(format!(
                        "column `observed_at`: `{v}` is not an RFC 3339 time, a date or Unix seconds; observed_at n/a"
                    ));
                }
                t
            });
        for (id, handle) in [
            (&follower_id, follower_handle),
            (&followed_id, followed_handle),
        ] {
            out.push(Record::Account(AccountRecord::bare(
                self.platform,
                id.clone(),
                handle,
                Role::Audience,
            )));
        }
        out.push(Record::Follow(Follow {
            platform: self.platform,
            follower_id,
            followed_id,
            observed_at,
        }));
        Ok(())
    }
}

fn parse_observed_at(v: &str) -> Option<Timestamp> {
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse().ok().map(Timestamp);
    }
    Timestamp::parse(v)
}

/// Reads one account of an edge list: `(id, handle)` where `id` is the platform id, or
/// `@handle` (lower-cased) when the value is a handle, which the store resolves to the account
/// with that handle.
///
/// | platform | an id is | anything else is a handle |
/// |---|---|---|
/// | X/Twitter, Facebook, Instagram | all digits | `@name`, `name` |
/// | Telegram, VKontakte | digits, optionally negative (`-1001234`, `-12345`) | `@name`, `name` |
/// | YouTube | a channel id: `UC` + 22 letters, digits, `_`, `-` | `@name`, `name` |
/// | Bluesky | a DID: `did:plc:…`, `did:web:…` | `@name.bsky.social`, `name.bsky.social` |
/// | Mastodon | an actor URI: `https://server/users/name` | `@name@server`, `name@server` (the server is required) |
///
/// A leading `@` always makes a handle. Handles are lower-cased: every one of these platforms
/// treats handles case-insensitively.
pub fn account_ref(platform: Platform, value: &str) -> Result<(String, Option<String>), String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("empty account".to_string());
    }
    if value.chars().any(char::is_whitespace) {
        return Err(format!(
            "`{value}` is neither an account id nor a handle (it contains spaces)"
        ));
    }
    let handle = |h: &str| -> Result<(String, Option<String>), String> {
        let h = h.to_lowercase();
        if h.is_empty() {
            return Err(format!("`{value}` is an empty handle"));
        }
        if platform == Platform::Mastodon && !h.contains('@') {
            return Err(format!(
                "`{value}`: a Mastodon handle needs its server (`name@server`), or give the actor URI"
            ));
        }
        Ok((format!("@{h}"), Some(h)))
    };
    if let Some(h) = value.strip_prefix('@') {
        return handle(h);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let is_id = match platform {
        Platform::Twitter | Platform::Facebook | Platform::Instagram => digits(value),
        Platform::Telegram | Platform::Vkontakte => {
            digits(value.strip_prefix('-').unwrap_or(value))
        }
        Platform::Youtube => {
            value.len() == 24
                && value.starts_with("UC")
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        }
        Platform::Bluesky => value.starts_with("did:"),
        Platform::Mastodon => value.starts_with("https://") || value.starts_with("http://"),
    };
    if is_id {
        Ok((value.to_string(), None))
    } else {
        handle(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_handles_per_platform() {
        let r = |p, v| account_ref(p, v).map(|(id, _)| id);
        assert_eq!(r(Platform::Twitter, "783214"), Ok("783214".into()));
        assert_eq!(r(Platform::Twitter, "MFA_KZ"), Ok("@mfa_kz".into()));
        assert_eq!(r(Platform::Twitter, "@MFA_KZ"), Ok("@mfa_kz".into()));
        assert_eq!(r(Platform::Telegram, "-1001234"), Ok("-1001234".into()));
        assert_eq!(r(Platform::Vkontakte, "mfa_kz"), Ok("@mfa_kz".into()));
        assert_eq!(
            r(Platform::Youtube, "UCabcdefghijklmnopqrstuv"),
            Ok("UCabcdefghijklmnopqrstuv".into())
        );
        assert_eq!(
            r(Platform::Youtube, "MFAKazakhstan"),
            Ok("@mfakazakhstan".into())
        );
        assert_eq!(
            r(Platform::Bluesky, "did:plc:ab12cd34"),
            Ok("did:plc:ab12cd34".into())
        );
        assert_eq!(r(Platform::Bluesky, "MFA.gov.kz"), Ok("@mfa.gov.kz".into()));
        assert_eq!(
            r(Platform::Mastodon, "https://mastodon.social/users/EUinKZ"),
            Ok("https://mastodon.social/users/EUinKZ".into())
        );
        assert_eq!(
            r(Platform::Mastodon, "@EUinKZ@Mastodon.Social"),
            Ok("@euinkz@mastodon.social".into())
        );
        assert!(r(Platform::Mastodon, "euinkz").is_err());
        assert!(r(Platform::Twitter, "Foreign Ministry").is_err());
        assert!(r(Platform::Twitter, "@").is_err());
        assert_eq!(
            account_ref(Platform::Twitter, "@Aigerim_N"),
            Ok(("@aigerim_n".into(), Some("aigerim_n".into())))
        );
    }
}

//! Scalar values as Telegram exports write them: ids and counts as numbers or strings, peer ids
//! as `"user123"` / `"channel123"` (Telegram Desktop) or bare numbers, and fields whose `null`
//! means something different from their absence.

use serde::de::Deserializer;
use serde::Deserialize;

/// A number written as a JSON number or a string of digits (`"1709287200"`); negative, fractional
/// or unreadable values are kept as `None` inside (unreadable, not zero). `num` flattens an
/// optional one. A raw id as written: a string (`"user123"`, `"channel123"`, `"-100123"`) or a
/// number.
pub use dipl_ingest::values::{count as num, Count as Num, Id as RawId};

/// What kind of peer an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerKind {
    User,
    /// A channel or a supergroup (Telegram calls both channels).
    Channel,
    /// A basic (legacy) group.
    Chat,
}

/// The kind and bare numeric id of a Telegram Desktop peer id: `user123`, `channel123`,
/// `chat123`; a bare number is a user (exports before 2021 wrote user ids as numbers); the Bot
/// API spellings `-100123` (channel) and `-123` (basic group) are accepted too.
pub fn parse_peer(raw: &str) -> Option<(PeerKind, &str)> {
    let raw = raw.trim();
    let (kind, digits) = if let Some(rest) = raw.strip_prefix("channel") {
        (PeerKind::Channel, rest)
    } else if let Some(rest) = raw.strip_prefix("user") {
        (PeerKind::User, rest)
    } else if let Some(rest) = raw.strip_prefix("chat") {
        (PeerKind::Chat, rest)
    } else if let Some(rest) = raw.strip_prefix("-100") {
        (PeerKind::Channel, rest)
    } else if let Some(rest) = raw.strip_prefix('-') {
        (PeerKind::Chat, rest)
    } else {
        (PeerKind::User, raw)
    };
    let is_id =
        !digits.is_empty() && digits.len() <= 20 && digits.bytes().all(|b| b.is_ascii_digit());
    is_id.then_some((kind, digits))
}

/// `Some(value)` for a present field, `Some(None)` for an explicit `null`, `None` (by
/// `#[serde(default)]`) for an absent one: Telegram Desktop writes `"forwarded_from": null` for a
/// forward whose sender is hidden, which is still a forward.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// `None` for an empty or blank string.
pub fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn peers_in_every_spelling() {
        assert_eq!(
            parse_peer("channel1234567890"),
            Some((PeerKind::Channel, "1234567890"))
        );
        assert_eq!(parse_peer("user42"), Some((PeerKind::User, "42")));
        assert_eq!(parse_peer("chat7"), Some((PeerKind::Chat, "7")));
        assert_eq!(parse_peer("42"), Some((PeerKind::User, "42")));
        assert_eq!(parse_peer("-1001234"), Some((PeerKind::Channel, "1234")));
        assert_eq!(parse_peer("-55"), Some((PeerKind::Chat, "55")));
        assert_eq!(parse_peer("channel"), None);
        assert_eq!(parse_peer("userx1"), None);
        assert_eq!(parse_peer(""), None);
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Probe<'a> {
        n: Option<Num>,
        #[serde(borrow)]
        id: Option<RawId<'a>>,
        #[serde(borrow, deserialize_with = "present")]
        p: Option<Option<Cow<'a, str>>>,
    }

    #[test]
    fn numbers_ids_and_presence() {
        let p: Probe = serde_json::from_str(r#"{"n": "17", "id": 5, "p": null}"#).unwrap();
        assert_eq!(num(p.n), Some(17));
        assert_eq!(p.id.unwrap().0, "5");
        assert_eq!(p.p, Some(None));
        let p: Probe = serde_json::from_str(r#"{"n": -1, "id": "user1", "p": "x"}"#).unwrap();
        assert_eq!(num(p.n), None);
        assert_eq!(p.p, Some(Some(Cow::Borrowed("x"))));
        let p: Probe = serde_json::from_str("{}").unwrap();
        assert!(p.n.is_none() && p.id.is_none() && p.p.is_none());
    }
}

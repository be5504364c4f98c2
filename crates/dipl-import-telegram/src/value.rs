//! Scalar values as Telegram exports write them: ids and counts as numbers or strings, peer ids
//! as `"user123"` / `"channel123"` (Telegram Desktop) or bare numbers, and fields whose `null`
//! means something different from their absence.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A number written as a JSON number or a string of digits (`"1709287200"`); negative, fractional
/// or unreadable values are kept as `None` inside (unreadable, not zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Num(pub Option<u64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumVisitor;
        impl Visitor<'_> for NumVisitor {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number (or a string of digits)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(u64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
                let ok = v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 1e19;
                Ok(Num(ok.then_some(v as u64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
                Ok(Num(v.trim().parse().ok()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Num, E> {
                Ok(Num(None))
            }
        }
        deserializer.deserialize_any(NumVisitor)
    }
}

/// Flattens an optional number.
pub fn num(n: Option<Num>) -> Option<u64> {
    n.and_then(|n| n.0)
}

/// A raw id as written: a string (`"user123"`, `"channel123"`, `"-100123"`) or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawId<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for RawId<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'de> Visitor<'de> for IdVisitor {
            type Value = RawId<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (string or integer)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawId(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawId(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(RawId(Cow::Owned(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(RawId(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(RawId(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

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

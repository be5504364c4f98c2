//! The platforms diplomats use, with the stable ids used in the CLI, the store and exports.

use std::fmt;
use std::str::FromStr;

/// A social-media platform. The `id()` is the stable wire name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Twitter,
    Facebook,
    Instagram,
    Telegram,
    Vkontakte,
    Bluesky,
    Mastodon,
    Youtube,
}

impl Platform {
    pub const ALL: [Platform; 8] = [
        Platform::Twitter,
        Platform::Facebook,
        Platform::Instagram,
        Platform::Telegram,
        Platform::Vkontakte,
        Platform::Bluesky,
        Platform::Mastodon,
        Platform::Youtube,
    ];

    /// Stable id: `twitter`, `facebook`, `instagram`, `telegram`, `vkontakte`, `bluesky`, `mastodon`, `youtube`.
    pub fn id(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Telegram => "telegram",
            Platform::Vkontakte => "vkontakte",
            Platform::Bluesky => "bluesky",
            Platform::Mastodon => "mastodon",
            Platform::Youtube => "youtube",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Platform {
    type Err = String;

    /// Accepts the ids and common aliases (`x`, `fb`, `ig`, `tg`, `vk`, `bsky`, `yt`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Ok(match lower.as_str() {
            "twitter" | "x" | "x/twitter" => Platform::Twitter,
            "facebook" | "fb" => Platform::Facebook,
            "instagram" | "ig" => Platform::Instagram,
            "telegram" | "tg" => Platform::Telegram,
            "vkontakte" | "vk" => Platform::Vkontakte,
            "bluesky" | "bsky" => Platform::Bluesky,
            "mastodon" => Platform::Mastodon,
            "youtube" | "yt" => Platform::Youtube,
            _ => {
                return Err(format!(
                    "unknown platform `{s}` (expected one of twitter, facebook, instagram, telegram, vkontakte, bluesky, mastodon, youtube)"
                ))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for p in Platform::ALL {
            assert_eq!(p.id().parse::<Platform>().unwrap(), p);
        }
        assert_eq!("X".parse::<Platform>().unwrap(), Platform::Twitter);
        assert!("myspace".parse::<Platform>().is_err());
    }
}

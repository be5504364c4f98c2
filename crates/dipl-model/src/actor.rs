//! Diplomatic actors (metrics-codebook §1): institutions and people with a sending country.

use std::fmt;
use std::str::FromStr;

use crate::countries::COUNTRIES;

/// The kind of a diplomatic actor. `id()` is the stable wire name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Mfa,
    Embassy,
    Consulate,
    Mission,
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    Minister,
    Ambassador,
    Spokesperson,
    OtherOfficial,
}

impl ActorKind {
    pub const ALL: [ActorKind; 11] = [
        ActorKind::Mfa,
        ActorKind::Embassy,
        ActorKind::Consulate,
        ActorKind::Mission,
        ActorKind::HeadOfState,
        ActorKind::HeadOfGovernment,
        ActorKind::ForeignMinister,
        ActorKind::Minister,
        ActorKind::Ambassador,
        ActorKind::Spokesperson,
        ActorKind::OtherOfficial,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ActorKind::Mfa => "mfa",
            ActorKind::Embassy => "embassy",
            ActorKind::Consulate => "consulate",
            ActorKind::Mission => "mission",
            ActorKind::HeadOfState => "head_of_state",
            ActorKind::HeadOfGovernment => "head_of_government",
            ActorKind::ForeignMinister => "foreign_minister",
            ActorKind::Minister => "minister",
            ActorKind::Ambassador => "ambassador",
            ActorKind::Spokesperson => "spokesperson",
            ActorKind::OtherOfficial => "other_official",
        }
    }

    /// Embassies, consulates and missions have a host (country or organisation).
    pub fn has_host(self) -> bool {
        matches!(
            self,
            ActorKind::Embassy | ActorKind::Consulate | ActorKind::Mission | ActorKind::Ambassador
        )
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for ActorKind {
    type Err = String;

    /// Accepts the ids and the words researchers' spreadsheets use ("President", "Prime Minister",
    /// "Foreign Ministry", "Permanent Mission" …), case- and space-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm: String = s
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        for kind in ActorKind::ALL {
            if kind.id() == norm {
                return Ok(kind);
            }
        }
        Ok(match norm.as_str() {
            "ministry" | "foreign_ministry" | "ministry_of_foreign_affairs" | "mofa" | "fco" => {
                ActorKind::Mfa
            }
            "consulate_general" => ActorKind::Consulate,
            "permanent_mission" | "delegation" | "permanent_representation" => ActorKind::Mission,
            "president" | "king" | "queen" | "emir" | "monarch" | "sultan" | "head_of_state"
            | "supreme_leader" => ActorKind::HeadOfState,
            "prime_minister" | "premier" | "chancellor" | "head_of_government" => {
                ActorKind::HeadOfGovernment
            }
            "foreign_affairs_minister" | "minister_of_foreign_affairs" | "foreign_secretary" => {
                ActorKind::ForeignMinister
            }
            "spokesman" | "spokeswoman" | "press_secretary" => ActorKind::Spokesperson,
            "official" | "other" => ActorKind::OtherOfficial,
            _ => {
                let ids: Vec<&str> = ActorKind::ALL.iter().map(|k| k.id()).collect();
                return Err(format!(
                    "unknown actor kind `{}` (expected one of {})",
                    s.trim(),
                    ids.join(", ")
                ));
            }
        })
    }
}

/// A diplomatic institution or person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    /// Stable user-chosen id, e.g. `DEU-EMB-KAZ`.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Sending country, ISO 3166-1 alpha-3.
    pub country: String,
    /// Host country (ISO3) or organisation code (e.g. `UN`, `EU`, `OSCE`) for embassies and missions.
    pub host: Option<String>,
    pub notes: Option<String>,
}

/// Whether `code` is an ISO 3166-1 alpha-3 code (upper case).
pub fn is_known_country(code: &str) -> bool {
    COUNTRIES
        .binary_search_by(|(a3, _, _)| (*a3).cmp(code))
        .is_ok()
}

/// English short name of an ISO3 country code.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(a3, _, _)| (*a3).cmp(code))
        .ok()
        .map(|i| COUNTRIES[i].2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_sorted_and_complete() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(COUNTRIES.len() >= 249);
        assert!(is_known_country("KAZ"));
        assert!(is_known_country("XKX"));
        assert!(!is_known_country("XYZ"));
        assert_eq!(country_name("UZB"), Some("Uzbekistan"));
    }

    #[test]
    fn kinds_accept_spreadsheet_words() {
        assert_eq!(
            "Prime Minister ".parse::<ActorKind>(),
            Ok(ActorKind::HeadOfGovernment)
        );
        assert_eq!("President".parse::<ActorKind>(), Ok(ActorKind::HeadOfState));
        assert_eq!("embassy".parse::<ActorKind>(), Ok(ActorKind::Embassy));
        assert!("astronaut"
            .parse::<ActorKind>()
            .unwrap_err()
            .contains("unknown actor kind"));
    }
}

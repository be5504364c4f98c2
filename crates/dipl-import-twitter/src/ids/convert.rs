//! `followers/ids` and `friends/ids` pages into follow edges.

use dipl_ingest::ListRelation;
use dipl_model::{AccountRecord, Follow, Platform, Record, Role};

use super::raw::Page;
use crate::error::ConvertError;

/// Whose list a file is (`--of`): an account id, or a handle emitted as the id `@handle`
/// (lower-cased: X handles are case-insensitive), which the store resolves to the account with
/// that handle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub id: String,
    pub handle: Option<String>,
}

impl Owner {
    /// `783214`, `@MFA_KZ` or `MFA_KZ`. All digits is an id; with `@`, or anything else, a
    /// handle.
    pub fn parse(arg: &str) -> Result<Owner, String> {
        let arg = arg.trim();
        let (explicit_handle, name) = match arg.strip_prefix('@') {
            Some(rest) => (true, rest.trim()),
            None => (false, arg),
        };
        if name.is_empty() {
            return Err("--of: empty account".to_string());
        }
        if name.chars().any(char::is_whitespace) {
            return Err(format!(
                "--of `{arg}`: not an account id or a handle (it contains spaces)"
            ));
        }
        if !explicit_handle && name.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Owner {
                id: name.to_string(),
                handle: None,
            });
        }
        let handle = name.to_lowercase();
        Ok(Owner {
            id: format!("@{handle}"),
            handle: Some(handle),
        })
    }
}

/// The owner as a subject, each listed account as audience, and one follow edge per listed
/// account (listed → owner for followers, owner → listed for following).
pub fn page(
    page: &Page<'_>,
    owner: &Owner,
    relation: ListRelation,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let Some(ids) = &page.ids else {
        return Err(ConvertError::NotImported(match &page.errors {
            Some(errors) if !errors.is_empty() => {
                let first = &errors[0];
                format!(
                    "{} API error{} (first: {}{})",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" },
                    first.code.map_or(String::new(), |c| format!("code {c}: ")),
                    first.message.as_deref().unwrap_or("no message")
                )
            }
            _ => "no `ids`: not a followers/ids or friends/ids page".to_string(),
        }));
    };
    out.reserve(1 + 2 * ids.len());
    out.push(Record::Account(AccountRecord::bare(
        Platform::Twitter,
        owner.id.clone(),
        owner.handle.clone(),
        Role::Subject,
    )));
    let mut unreadable = 0usize;
    let mut own = 0usize;
    for listed in ids {
        let Some(id) = listed.0.as_ref().map(|id| id.as_str()) else {
            unreadable += 1;
            continue;
        };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            unreadable += 1;
            continue;
        }
        if id == owner.id {
            own += 1;
            continue;
        }
        out.push(Record::Account(AccountRecord::bare(
            Platform::Twitter,
            id,
            None,
            Role::Audience,
        )));
        let (follower_id, followed_id) = match relation {
            ListRelation::Followers => (id.to_string(), owner.id.clone()),
            ListRelation::Following => (owner.id.clone(), id.to_string()),
        };
        out.push(Record::Follow(Follow {
            platform: Platform::Twitter,
            follower_id,
            followed_id,
            observed_at: None,
        }));
    }
    if unreadable > 0 {
        warnings.push(format!(
            "{unreadable} element{} of `ids` not read (not an account id)",
            if unreadable == 1 { "" } else { "s" }
        ));
    }
    if own > 0 {
        warnings.push("the owner's own id is in the list; no self-follow recorded".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners() {
        assert_eq!(
            Owner::parse("783214").unwrap(),
            Owner {
                id: "783214".into(),
                handle: None
            }
        );
        assert_eq!(
            Owner::parse(" @MFA_KZ ").unwrap(),
            Owner {
                id: "@mfa_kz".into(),
                handle: Some("mfa_kz".into())
            }
        );
        assert_eq!(Owner::parse("MFA_KZ").unwrap().id, "@mfa_kz");
        assert_eq!(Owner::parse("@2024").unwrap().id, "@2024");
        assert!(Owner::parse("@").is_err());
        assert!(Owner::parse("Foreign Ministry").is_err());
    }
}

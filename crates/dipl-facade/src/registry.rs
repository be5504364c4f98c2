//! The actor registry CSV: documented columns, or any researcher's spreadsheet through a mapping.
//!
//! Default columns (header names, case-insensitive, any order; one row per account, an actor's
//! rows repeat its id): `actor_id, name, kind, country, host, platform, handle, account_id`.
//! `host`, `handle` and `account_id` may be empty; a row with no platform registers an actor
//! without accounts.
//!
//! A mapping file (TOML) reads other layouts, e.g. one row per country with several account
//! columns. Values are templates: `{Column}` is replaced by that column's cell; a template whose
//! columns are all missing (empty or one of `missing`) is itself missing.
//!
//! ```toml
//! missing = ["NA", ""]
//! [kinds]                      # optional: cell value (trimmed, case-insensitive) -> actor kind
//! "Prime Minister" = "head_of_government"
//! [[actor]]
//! id = "{iso3c}-leader"
//! name = "{Name}"
//! kind = "{Type}"
//! country = "{iso3c}"
//! [[actor.account]]
//! platform = "twitter"
//! handle = "{Twitter_personal}"
//! account_id = "{Twitter_personal_id}"
//! ```
//!
//! `skip_without_accounts = true` in an `[[actor]]` registers that actor only for rows that give
//! it an account. docs/examples/ has a complete mapping for a published dataset.
//!
//! Validation is all-or-nothing: every problem is reported with its row, and nothing is stored
//! unless the whole file is valid.

use std::collections::BTreeMap;
use std::path::Path;

use dipl_model::{is_known_country, Actor, ActorKind, Platform};

// What a registry file yields is what the store takes: an actor and its accounts.
pub use dipl_store::{RegisteredAccount, RegistryEntry};

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{file}: cannot read: {message}")]
    Read { file: String, message: String },
    #[error("{file}: invalid mapping: {message}")]
    Mapping { file: String, message: String },
    #[error("{file}: {} problem(s), nothing was imported:\n  {}", problems.len(), problems.join("\n  "))]
    Invalid { file: String, problems: Vec<String> },
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    #[serde(default = "default_missing")]
    missing: Vec<String>,
    #[serde(default)]
    kinds: BTreeMap<String, String>,
    actor: Vec<ActorTemplate>,
}

fn default_missing() -> Vec<String> {
    vec![String::new(), "NA".into(), "N/A".into()]
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorTemplate {
    id: String,
    name: String,
    kind: String,
    country: String,
    #[serde(default)]
    host: Option<String>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    account: Vec<AccountTemplate>,
    /// Register the actor only when the row gives it at least one account.
    #[serde(default)]
    skip_without_accounts: bool,
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountTemplate {
    platform: String,
    #[serde(default)]
    handle: Option<String>,
    #[serde(default)]
    account_id: Option<String>,
}

/// The built-in mapping for the default columns.
fn default_mapping() -> Mapping {
    Mapping {
        missing: default_missing(),
        kinds: BTreeMap::new(),
        actor: vec![ActorTemplate {
            id: "{actor_id}".into(),
            name: "{name}".into(),
            kind: "{kind}".into(),
            country: "{country}".into(),
            host: Some("{host}".into()),
            notes: Some("{notes}".into()),
            account: vec![AccountTemplate {
                platform: "{platform}".into(),
                handle: Some("{handle}".into()),
                account_id: Some("{account_id}".into()),
            }],
            skip_without_accounts: false,
        }],
    }
}

struct Row<'a> {
    header: &'a [String],
    cells: &'a csv::StringRecord,
    missing: &'a [String],
}

impl Row<'_> {
    fn cell(&self, column: &str) -> Result<Option<&str>, String> {
        let index = self
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(column))
            .ok_or_else(|| format!("no column `{column}`"))?;
        let value = self.cells.get(index).unwrap_or("").trim();
        Ok((!self.missing.iter().any(|m| m.eq_ignore_ascii_case(value))).then_some(value))
    }

    /// Expands `{Column}` placeholders; `None` if every referenced column is missing (or, for a
    /// template without placeholders, if it is empty).
    fn expand(&self, template: &str) -> Result<Option<String>, String> {
        let mut out = String::new();
        let mut any_placeholder = false;
        let mut any_present = false;
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("unclosed `{{` in template `{template}`"))?;
            let column = &rest[open + 1..open + close];
            any_placeholder = true;
            if let Some(value) = self.cell(column)? {
                any_present = true;
                out.push_str(value);
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        let out = out.trim().to_string();
        if (any_placeholder && !any_present) || out.is_empty() {
            Ok(None)
        } else {
            Ok(Some(out))
        }
    }
}

/// Columns a template refers to.
fn template_columns(template: &str) -> Vec<&str> {
    let mut columns = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        match rest[open..].find('}') {
            Some(close) => {
                columns.push(&rest[open + 1..open + close]);
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    columns
}

/// Reads and validates a registry file, with an optional mapping file.
pub fn read_registry(
    csv_path: &Path,
    mapping_path: Option<&Path>,
) -> Result<Vec<RegistryEntry>, RegistryError> {
    let file = csv_path.display().to_string();
    let bytes = std::fs::read(csv_path).map_err(|e| RegistryError::Read {
        file: file.clone(),
        message: e.to_string(),
    })?;
    let mapping = match mapping_path {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| RegistryError::Read {
                file: path.display().to_string(),
                message: e.to_string(),
            })?;
            Some(
                toml::from_str::<Mapping>(&text).map_err(|e| RegistryError::Mapping {
                    file: path.display().to_string(),
                    message: e.to_string(),
                })?,
            )
        }
    };
    parse_registry(&file, &bytes, mapping)
}

/// Parses registry CSV bytes (UTF-8, optional BOM; `,` `;` or tab separated).
fn parse_registry(
    file: &str,
    bytes: &[u8],
    mapping: Option<Mapping>,
) -> Result<Vec<RegistryEntry>, RegistryError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(b"");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| RegistryError::Read {
            file: file.to_string(),
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let uses_default = mapping.is_none();
    let mapping = mapping.unwrap_or_else(default_mapping);

    // Every column a template names must exist (the default's optional columns excepted).
    let mut problems = Vec::new();
    let optional = ["host", "notes", "platform", "handle", "account_id"];
    for template in &mapping.actor {
        let mut all = vec![
            &template.id,
            &template.name,
            &template.kind,
            &template.country,
        ];
        all.extend(template.host.iter());
        all.extend(template.notes.iter());
        for account in &template.account {
            all.push(&account.platform);
            all.extend(account.handle.iter());
            all.extend(account.account_id.iter());
        }
        for t in all {
            for column in template_columns(t) {
                let present = header.iter().any(|h| h.eq_ignore_ascii_case(column));
                if !(present || uses_default && optional.contains(&column)) {
                    problems.push(format!(
                        "no column `{column}` (columns are: {})",
                        header.join(", ")
                    ));
                }
            }
        }
    }
    problems.dedup();
    if !problems.is_empty() {
        if uses_default {
            problems.push("expected columns actor_id, name, kind, country, host, platform, handle, account_id, or a mapping file (--mapping FILE)".into());
        }
        return Err(RegistryError::Invalid {
            file: file.to_string(),
            problems,
        });
    }
    let header_with_optional: Vec<String> = if uses_default {
        let mut h = header.clone();
        for column in optional {
            if !h.iter().any(|x| x.eq_ignore_ascii_case(column)) {
                h.push(column.to_string());
            }
        }
        h
    } else {
        header.clone()
    };
    let kinds: BTreeMap<String, String> = mapping
        .kinds
        .iter()
        .map(|(k, v)| (k.trim().to_lowercase(), v.clone()))
        .collect();

    let mut actors: BTreeMap<String, (usize, RegistryEntry)> = BTreeMap::new();
    // (platform, lowercase handle or id) -> (row, actor id)
    let mut owners: BTreeMap<(Platform, String), (usize, String)> = BTreeMap::new();
    for (index, cells) in reader.records().enumerate() {
        let row_number = index + 2; // header is row 1
        let cells = match cells {
            Ok(cells) => cells,
            Err(e) => {
                problems.push(format!("row {row_number}: unreadable: {e}"));
                continue;
            }
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Row {
            header: &header_with_optional,
            cells: &cells,
            missing: &mapping.missing,
        };
        for template in &mapping.actor {
            match actor_from_row(&row, template, &kinds) {
                Ok(None) => {}
                Ok(Some(entry)) => {
                    merge_actor(row_number, entry, &mut actors, &mut owners, &mut problems)
                }
                Err(message) => problems.push(format!("row {row_number}: {message}")),
            }
        }
    }
    if !problems.is_empty() {
        return Err(RegistryError::Invalid {
            file: file.to_string(),
            problems,
        });
    }
    Ok(actors
        .into_values()
        .map(|(_, mut entry)| {
            entry.accounts.sort();
            entry.accounts.dedup();
            entry
        })
        .collect())
}

fn actor_from_row(
    row: &Row<'_>,
    template: &ActorTemplate,
    kinds: &BTreeMap<String, String>,
) -> Result<Option<RegistryEntry>, String> {
    let Some(id) = row.expand(&template.id)? else {
        return Ok(None);
    };
    let name = row.expand(&template.name)?.unwrap_or_else(|| id.clone());
    let kind_text = row
        .expand(&template.kind)?
        .ok_or_else(|| format!("actor `{id}`: missing kind"))?;
    let kind_id = kinds
        .get(&kind_text.trim().to_lowercase())
        .cloned()
        .unwrap_or(kind_text);
    let kind: ActorKind = kind_id.parse().map_err(|e| format!("actor `{id}`: {e}"))?;
    let country = row
        .expand(&template.country)?
        .ok_or_else(|| format!("actor `{id}`: missing country"))?
        .to_uppercase();
    if !is_known_country(&country) {
        return Err(format!(
            "actor `{id}`: unknown country code `{country}` (expected an ISO 3166-1 alpha-3 code such as KAZ)"
        ));
    }
    let host = match &template.host {
        Some(t) => row.expand(t)?.map(|h| h.to_uppercase()),
        None => None,
    };
    if let Some(host) = &host {
        // Organisation codes (UN, EU, OSCE, NATO …) are letters, not three-letter country codes.
        if host.len() == 3 && !is_known_country(host) {
            return Err(format!(
                "actor `{id}`: unknown host `{host}` (expected an ISO 3166-1 alpha-3 country code or an organisation code such as UN, EU, OSCE)"
            ));
        }
    }
    let notes = match &template.notes {
        Some(t) => row.expand(t)?,
        None => None,
    };
    let mut accounts = Vec::new();
    for account in &template.account {
        let handle = match &account.handle {
            Some(t) => row
                .expand(t)?
                .map(|h| h.trim_start_matches('@').to_string()),
            None => None,
        };
        let platform_id = match &account.account_id {
            Some(t) => row.expand(t)?,
            None => None,
        };
        if handle.is_none() && platform_id.is_none() {
            continue;
        }
        let platform_text = row
            .expand(&account.platform)?
            .ok_or_else(|| format!("actor `{id}`: account without platform"))?;
        let platform: Platform = platform_text
            .parse()
            .map_err(|e| format!("actor `{id}`: {e}"))?;
        accounts.push(RegisteredAccount {
            platform,
            handle,
            platform_id,
        });
    }
    if accounts.is_empty() && template.skip_without_accounts {
        return Ok(None);
    }
    Ok(Some(RegistryEntry {
        actor: Actor {
            id,
            name,
            kind,
            country,
            host,
            notes,
        },
        accounts,
    }))
}

fn merge_actor(
    row_number: usize,
    entry: RegistryEntry,
    actors: &mut BTreeMap<String, (usize, RegistryEntry)>,
    owners: &mut BTreeMap<(Platform, String), (usize, String)>,
    problems: &mut Vec<String>,
) {
    for account in &entry.accounts {
        let mut keys = Vec::new();
        if let Some(handle) = &account.handle {
            keys.push(("handle", format!("@{}", handle.to_lowercase())));
        }
        if let Some(id) = &account.platform_id {
            keys.push(("account id", id.clone()));
        }
        for (what, key) in keys {
            match owners.get(&(account.platform, key.clone())) {
                Some((first_row, owner)) if *owner != entry.actor.id => problems.push(format!(
                    "row {row_number}: duplicate {what} {}:{} (already registered for actor `{owner}` in row {first_row})",
                    account.platform,
                    key.trim_start_matches('@')
                )),
                Some(_) => {}
                None => {
                    owners.insert((account.platform, key), (row_number, entry.actor.id.clone()));
                }
            }
        }
    }
    match actors.get_mut(&entry.actor.id) {
        None => {
            actors.insert(entry.actor.id.clone(), (row_number, entry));
        }
        Some((first_row, existing)) => {
            let a = &existing.actor;
            let b = &entry.actor;
            if a.name != b.name || a.kind != b.kind || a.country != b.country || a.host != b.host {
                problems.push(format!(
                    "row {row_number}: actor `{}` differs from its first row {first_row} (name, kind, country or host)",
                    b.id
                ));
            }
            existing.accounts.extend(entry.accounts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, mapping: Option<&str>) -> Result<Vec<RegistryEntry>, String> {
        let mapping = mapping.map(|m| toml::from_str::<Mapping>(m).expect("test mapping"));
        parse_registry("reg.csv", text.as_bytes(), mapping).map_err(|e| e.to_string())
    }

    #[test]
    fn default_columns_merge_rows_of_one_actor() {
        let actors = parse(
            "actor_id,name,kind,country,host,platform,handle,account_id\n\
             DEU-EMB-KAZ,German Embassy Astana,embassy,deu,KAZ,twitter,@GermanyinKAZ,123\n\
             DEU-EMB-KAZ,German Embassy Astana,embassy,DEU,KAZ,facebook,GermanyinKAZ,\n\
             KAZ-MFA,MFA of Kazakhstan,mfa,KAZ,,,,\n",
            None,
        )
        .unwrap();
        assert_eq!(actors.len(), 2);
        assert_eq!(actors[0].actor.country, "DEU");
        assert_eq!(actors[0].actor.host.as_deref(), Some("KAZ"));
        assert_eq!(actors[0].accounts.len(), 2);
        assert_eq!(
            actors[0].accounts[0].handle.as_deref(),
            Some("GermanyinKAZ")
        );
        assert_eq!(actors[0].accounts[0].platform_id.as_deref(), Some("123"));
        assert!(actors[1].accounts.is_empty());
    }

    #[test]
    fn validation_lists_every_problem_with_its_row() {
        let err = parse(
            "actor_id,name,kind,country,platform,handle\n\
             A,Alpha,embassy,DEU,twitter,a\n\
             B,Beta,wizard,KAZ,twitter,b\n\
             C,Gamma,mfa,KAZ,twitter,A\n\
             D,Delta,mfa,KAZ,myspace,d\n\
             E,Epsilon,mfa,XYZ,twitter,e\n",
            None,
        )
        .unwrap_err();
        assert!(err.contains("4 problem(s), nothing was imported"), "{err}");
        assert!(
            err.contains("row 6: actor `E`: unknown country code `XYZ`"),
            "{err}"
        );
        assert!(
            err.contains("row 3: actor `B`: unknown actor kind `wizard`"),
            "{err}"
        );
        assert!(
            err.contains(
                "row 4: duplicate handle twitter:a (already registered for actor `A` in row 2)"
            ),
            "{err}"
        );
        assert!(
            err.contains("row 5: actor `D`: unknown platform `myspace`"),
            "{err}"
        );
    }

    #[test]
    fn missing_columns_say_what_is_expected() {
        let err = parse("who,what\nx,y\n", None).unwrap_err();
        assert!(err.contains("no column `actor_id`"), "{err}");
        assert!(
            err.contains("expected columns actor_id, name, kind"),
            "{err}"
        );
    }

    #[test]
    fn a_mapping_reads_one_row_per_country_with_several_accounts() {
        let mapping = r#"
            missing = ["NA", ""]
            [kinds]
            "Prime Minister" = "head_of_government"
            [[actor]]
            id = "{iso3c}-leader"
            name = "{Name}"
            kind = "{Type}"
            country = "{iso3c}"
            [[actor.account]]
            platform = "twitter"
            handle = "{tw}"
            account_id = "{tw_id}"
            [[actor.account]]
            platform = "facebook"
            handle = "{fb}"
        "#;
        let actors = parse(
            "iso3c,Name,Type,tw,tw_id,fb\n\
             ARM,Tigran Sargsyan,Prime Minister ,tigransargsyan,85282908,NA\n\
             AFG,Hamid Karzai,President,KarzaiH,2890477287,x\n",
            Some(mapping),
        )
        .unwrap();
        assert_eq!(actors.len(), 2);
        assert_eq!(actors[0].actor.id, "AFG-leader");
        assert_eq!(actors[0].actor.kind, ActorKind::HeadOfState);
        assert_eq!(actors[0].accounts.len(), 2);
        assert_eq!(actors[1].actor.kind, ActorKind::HeadOfGovernment);
        assert_eq!(actors[1].accounts.len(), 1);
    }
}

//! CrowdTangle historical-data CSV exports (`facebook.crowdtangle`, `instagram.crowdtangle`):
//! the "Historical Data" download of a list, a saved search or a page in the dashboard, one post
//! a row, both the column set before April 2021 and the one after ([`raw`]).

pub mod convert;
pub mod raw;

use dipl_ingest::csv::{self, Row, RowParser};
use dipl_ingest::json::RecordError;
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

use crate::common::warn_unknown;
use raw::{FacebookColumns, InstagramColumns, FACEBOOK_KNOWN, INSTAGRAM_KNOWN, PREFIXES};

fn has(names: &[String], name: &str) -> bool {
    names.iter().any(|n| n == name)
}

fn has_prefix(names: &[String], prefix: &str) -> bool {
    names.iter().any(|n| n.starts_with(prefix))
}

/// Columns only CrowdTangle writes: the audience at posting and its overperforming score.
fn crowdtangle_marker(names: &[String]) -> bool {
    has(names, "likes at posting")
        || has(names, "followers at posting")
        || has(names, "page likes at posting")
        || has_prefix(names, "overperforming score")
}

/// `facebook.crowdtangle`: CrowdTangle historical data of Facebook pages and groups.
#[derive(Debug, Clone, Copy, Default)]
pub struct FacebookCrowdTangle;

impl Importer for FacebookCrowdTangle {
    fn id(&self) -> &'static str {
        "facebook.crowdtangle"
    }

    fn platform(&self) -> Platform {
        Platform::Facebook
    }

    fn description(&self) -> &'static str {
        "CrowdTangle historical-data CSV of Facebook pages and groups (column sets before and after April 2021)"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        let Some((_, names)) = csv::sniff_header(head) else {
            return Confidence::No;
        };
        if !has(&names, "facebook id") {
            return Confidence::No;
        }
        let created = has(&names, "post created") || has(&names, "created");
        if crowdtangle_marker(&names) && created {
            Confidence::Certain
        } else if created && has(&names, "url") && has(&names, "user name") {
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
        csv::drive(input, options, sink, |headers, warnings| {
            let columns = FacebookColumns::new(headers)?;
            warn_unknown(headers, FACEBOOK_KNOWN, PREFIXES, warnings);
            Ok(FacebookParser { columns })
        })
        .map(|_| ())
    }
}

struct FacebookParser {
    columns: FacebookColumns,
}

impl RowParser for FacebookParser {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        convert::facebook(&self.columns.row(row), out, warnings)?;
        Ok(())
    }
}

/// `instagram.crowdtangle`: CrowdTangle historical data of Instagram accounts.
#[derive(Debug, Clone, Copy, Default)]
pub struct InstagramCrowdTangle;

impl Importer for InstagramCrowdTangle {
    fn id(&self) -> &'static str {
        "instagram.crowdtangle"
    }

    fn platform(&self) -> Platform {
        Platform::Instagram
    }

    fn description(&self) -> &'static str {
        "CrowdTangle historical-data CSV of Instagram accounts"
    }

    fn sniff(&self, _name: &str, head: &[u8]) -> Confidence {
        let Some((_, names)) = csv::sniff_header(head) else {
            return Confidence::No;
        };
        if has(&names, "facebook id") || has(&names, "page name") || !has(&names, "user name") {
            return Confidence::No;
        }
        let created = has(&names, "post created") || has(&names, "created");
        let account = has(&names, "account");
        if account && created && crowdtangle_marker(&names) {
            Confidence::Certain
        } else if account && created && has(&names, "url") && has(&names, "photo") {
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
        csv::drive(input, options, sink, |headers, warnings| {
            let columns = InstagramColumns::new(headers)?;
            warn_unknown(headers, INSTAGRAM_KNOWN, PREFIXES, warnings);
            Ok(InstagramParser { columns })
        })
        .map(|_| ())
    }
}

struct InstagramParser {
    columns: InstagramColumns,
}

impl RowParser for InstagramParser {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        convert::instagram(&self.columns.row(row), out, warnings)?;
        Ok(())
    }
}

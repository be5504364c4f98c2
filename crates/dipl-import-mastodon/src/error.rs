//! Why one record of a Mastodon export was not imported (a diagnostic, never a failed file).

use dipl_ingest::json::RecordError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// A field every record of its kind must have.
    #[error("no `{0}`")]
    Missing(&'static str),
    #[error("unreadable `{field}` `{value}`")]
    BadDate { field: &'static str, value: String },
    /// Well-formed, but not something this importer turns into records.
    #[error("{0}")]
    NotImported(String),
}

impl From<ConvertError> for RecordError {
    fn from(e: ConvertError) -> RecordError {
        RecordError::Skip(e.to_string())
    }
}

/// Parses a required RFC 3339 timestamp.
pub(crate) fn required_time(
    raw: Option<&str>,
    field: &'static str,
) -> Result<dipl_model::Timestamp, ConvertError> {
    let raw = raw.ok_or(ConvertError::Missing(field))?;
    dipl_model::Timestamp::parse(raw).ok_or_else(|| ConvertError::BadDate {
        field,
        value: raw.to_string(),
    })
}

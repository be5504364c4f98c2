//! Why one record of a Bluesky export was not imported (a diagnostic, never a failed file).

use dipl_ingest::json::RecordError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// A field every object of its kind must have.
    #[error("no `{0}`")]
    Missing(&'static str),
    #[error("unreadable `{field}` `{value}`")]
    BadDate { field: &'static str, value: String },
    #[error("`{0}` is not an at:// URI of a record")]
    BadUri(String),
    /// Well-formed, but not something this importer turns into records.
    #[error("{0}")]
    NotImported(String),
}

impl From<ConvertError> for RecordError {
    fn from(e: ConvertError) -> RecordError {
        RecordError::Skip(e.to_string())
    }
}

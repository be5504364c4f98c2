//! Why one record of a VK dump was not imported (a diagnostic, never a failed file).

use dipl_ingest::json::RecordError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// A field every record of its kind must have.
    #[error("no `{0}`")]
    Missing(&'static str),
    /// Well-formed, but not something this importer turns into records (an API error, another
    /// method's response …).
    #[error("{0}")]
    NotImported(String),
}

impl From<ConvertError> for RecordError {
    fn from(e: ConvertError) -> RecordError {
        RecordError::Skip(e.to_string())
    }
}

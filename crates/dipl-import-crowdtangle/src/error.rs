//! Why one row was not imported (a diagnostic, never a failed file).

use dipl_ingest::json::RecordError;

use crate::date::DateError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// A cell every row must have is empty (or its column is absent).
    #[error("no `{0}`")]
    Missing(&'static str),
    #[error("`{column}` `{value}`: {error}")]
    BadDate {
        column: &'static str,
        value: String,
        error: DateError,
    },
    #[error("`{column}` `{value}` is not an id (a spreadsheet may have rounded it)")]
    BadId { column: &'static str, value: String },
    #[error("no post id in `{column}` `{value}`")]
    NoPostId { column: &'static str, value: String },
}

impl From<ConvertError> for RecordError {
    fn from(e: ConvertError) -> RecordError {
        RecordError::Skip(e.to_string())
    }
}

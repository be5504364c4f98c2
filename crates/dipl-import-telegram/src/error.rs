//! Why one message of an export was not imported (a diagnostic, never a failed file).

use dipl_ingest::json::RecordError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvertError {
    /// A field every message must have.
    Missing(&'static str),
    BadDate {
        field: &'static str,
        value: String,
    },
    /// Well-formed, but not a message this importer turns into a post.
    NotImported(String),
}

impl std::fmt::Display for ConvertError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConvertError::Missing(field) => write!(f, "no `{field}`"),
            ConvertError::BadDate { field, value } => write!(f, "unreadable `{field}` `{value}`"),
            ConvertError::NotImported(why) => f.write_str(why),
        }
    }
}

impl From<ConvertError> for RecordError {
    fn from(e: ConvertError) -> RecordError {
        RecordError::Skip(e.to_string())
    }
}

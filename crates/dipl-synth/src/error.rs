//! The error type of the synthetic-corpus generator.

use std::path::PathBuf;

/// What can go wrong when generating a corpus.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// The scenario is inconsistent (unknown country code, duplicate handle, share out of range …).
    #[error("invalid scenario: {0}")]
    Scenario(String),
    /// Writing the output failed.
    #[error("cannot write synthetic corpus: {0}")]
    Io(#[from] std::io::Error),
    /// Creating or writing a corpus file failed.
    #[error("cannot write {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The requested output options contradict each other.
    #[error("invalid corpus options: {0}")]
    Options(String),
}

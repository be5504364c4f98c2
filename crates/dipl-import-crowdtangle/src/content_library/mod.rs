//! Meta Content Library post downloads (`facebook.content_library`,
//! `instagram.content_library`): the CSV the Content Library UI downloads (and CSVs written from
//! Content Library API results the same way), one post a row, nested fields flattened with dots
//! (`post_owner.id`, `statistics.like_count`).
//!
//! Facebook and Instagram downloads share most fields; a file is Facebook's when it has a field
//! only Facebook posts have (reactions by type, shares, surfaces, link attachments, reshares,
//! see [`raw::FACEBOOK_ONLY`]). A file with only the common fields is taken for Instagram unless
//! its name says `facebook` (then the other importer is only a `Maybe`).

pub mod convert;
pub mod raw;

use dipl_ingest::csv::{self, Row, RowParser};
use dipl_ingest::json::RecordError;
use dipl_ingest::{Confidence, ImportError, ImportOptions, Importer, InputReader, Sink};
use dipl_model::{Platform, Record};

use crate::common::warn_unknown;
use raw::{Columns, FACEBOOK_ONLY, KNOWN};

/// What the header says: `None` when it is not a Content Library post file, else whether it has
/// Facebook-only fields.
fn shape(head: &[u8]) -> Option<bool> {
    let (_, names) = csv::sniff_header(head)?;
    let has = |n: &str| names.iter().any(|x| x == n);
    let owner = has("post_owner.id")
        || has("post_owner.data.id")
        || has("post_owner.name")
        || has("post_owner.data.name");
    if !(has("id") && has("creation_time") && owner) {
        return None;
    }
    Some(FACEBOOK_ONLY.iter().any(|f| has(f)))
}

fn name_says_facebook(name: &str) -> bool {
    let name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    name.contains("facebook") || name.starts_with("fb_") || name.contains("_fb")
}

/// `facebook.content_library` and `instagram.content_library`.
#[derive(Debug, Clone, Copy)]
pub struct ContentLibrary {
    platform: Platform,
}

/// `facebook.content_library`: Meta Content Library downloads of Facebook posts.
pub const FACEBOOK_CONTENT_LIBRARY: ContentLibrary = ContentLibrary {
    platform: Platform::Facebook,
};

/// `instagram.content_library`: Meta Content Library downloads of Instagram posts.
pub const INSTAGRAM_CONTENT_LIBRARY: ContentLibrary = ContentLibrary {
    platform: Platform::Instagram,
};

impl Importer for ContentLibrary {
    fn id(&self) -> &'static str {
        match self.platform {
            Platform::Facebook => "facebook.content_library",
            _ => "instagram.content_library",
        }
    }

    fn platform(&self) -> Platform {
        self.platform
    }

    fn description(&self) -> &'static str {
        match self.platform {
            Platform::Facebook => "Meta Content Library CSV download of Facebook posts",
            _ => "Meta Content Library CSV download of Instagram posts",
        }
    }

    fn sniff(&self, name: &str, head: &[u8]) -> Confidence {
        let Some(facebook_fields) = shape(head) else {
            return Confidence::No;
        };
        let facebook = facebook_fields || name_says_facebook(name);
        match (self.platform, facebook_fields, facebook) {
            (Platform::Facebook, _, true) => Confidence::Likely,
            (Platform::Facebook, _, false) => Confidence::Maybe,
            (_, true, _) => Confidence::No,
            (_, false, true) => Confidence::Maybe,
            (_, false, false) => Confidence::Likely,
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let platform = self.platform;
        csv::drive(input, options, sink, |headers, warnings| {
            let columns = Columns::new(headers)?;
            warn_unknown(headers, KNOWN, &[], warnings);
            Ok(Parser { columns, platform })
        })
        .map(|_| ())
    }
}

struct Parser {
    columns: Columns,
    platform: Platform,
}

impl RowParser for Parser {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        convert::post(&self.columns.row(row), self.platform, out, warnings)?;
        Ok(())
    }
}

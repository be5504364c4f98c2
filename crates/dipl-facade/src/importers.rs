//! The registry of importers: every export format Diplometrics reads, in detection order.

use dipl_ingest::Importer;

/// Every importer, in the order ties in auto-detection are broken.
pub fn all_importers() -> Vec<&'static dyn Importer> {
    let mut importers = Vec::new();
    importers.extend(dipl_import_twitter::importers());
    importers.extend(dipl_import_facebook::importers());
    importers.extend(dipl_import_crowdtangle::importers());
    importers.extend(dipl_import_mastodon::importers());
    importers.extend(dipl_import_telegram::importers());
    importers.extend(dipl_import_bluesky::importers());
    importers.extend(dipl_import_vkontakte::importers());
    importers.extend(dipl_import_youtube::importers());
    importers.extend(dipl_import_generic::importers());
    importers
}

/// The importer with this id (`twitter.twarc2` …).
pub fn importer_by_id(id: &str) -> Option<&'static dyn Importer> {
    all_importers().into_iter().find(|i| i.id() == id)
}

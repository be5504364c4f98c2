//! The host → languages table: coverage of every country `dipl_model` knows, organisation
//! rows, code hygiene, and hand-checked rows (values read from CLDR 48 territoryInfo).

use dipl_lang::{host_language_note, host_language_source, host_languages, host_table};

#[test]
fn every_dipl_model_country_has_a_row() {
    for (a3, _, name) in dipl_model::COUNTRIES {
        assert!(host_languages(a3).is_some(), "{a3} ({name}) missing");
    }
    assert_eq!(host_languages("XKX"), Some(&["sq", "sr"][..]));
}

#[test]
fn hand_checked_rows() {
    // CLDR lists ru 72% and kk 64% official for KZ; ky 48%, ru 36% for KG.
    assert_eq!(host_languages("KAZ"), Some(&["ru", "kk"][..]));
    assert_eq!(host_languages("KGZ"), Some(&["ky", "ru"][..]));
    // uz and uz_Cyrl merge; ru added by the curated list.
    assert_eq!(host_languages("UZB"), Some(&["uz", "ru"][..]));
    assert!(host_language_note("UZB").unwrap_or("").contains("ru added"));
    assert_eq!(host_languages("DEU"), Some(&["de"][..]));
    assert_eq!(host_languages("CHE"), Some(&["de", "gsw", "fr", "it"][..]));
    assert_eq!(host_languages("USA"), Some(&["en"][..]));
    assert!(host_language_note("USA").unwrap_or("").contains("es 9.6%"));
    assert_eq!(host_languages("PHL"), Some(&["en", "tl"][..]));
    assert_eq!(host_languages("NOR"), Some(&["nb", "nn"][..]));
    assert_eq!(host_languages("ATA"), Some(&[][..]));
    assert_eq!(
        host_language_source("kaz"),
        Some("CLDR 48 territoryInfo: official, de_facto_official")
    );
    assert_eq!(host_languages("ZZZ"), None);
}

#[test]
fn organisations() {
    assert_eq!(
        host_languages("UN"),
        Some(&["ar", "zh", "en", "fr", "ru", "es"][..])
    );
    assert_eq!(host_languages("unog"), host_languages("UN"));
    assert_eq!(host_languages("WHO"), host_languages("UN"));
    assert_eq!(host_languages("NATO"), Some(&["en", "fr"][..]));
    assert_eq!(
        host_languages(" OSCE "),
        Some(&["en", "fr", "de", "it", "ru", "es"][..])
    );
    assert_eq!(host_languages("CoE"), Some(&["en", "fr"][..]));
    assert_eq!(host_languages("EU").map(<[_]>::len), Some(24));
    for org in [
        "AU", "ASEAN", "OAS", "WTO", "UNESCO", "OECD", "SCO", "CIS", "EAEU",
    ] {
        assert!(host_languages(org).is_some_and(|l| !l.is_empty()), "{org}");
        assert!(
            host_language_source(org).is_some_and(|s| !s.is_empty()),
            "{org}"
        );
    }
}

#[test]
fn codes_are_clean_and_named() {
    for row in host_table() {
        assert!(!row.host.contains('"') && !row.source.contains('"') && !row.note.contains('"'));
        for l in &row.languages {
            assert!(!l.contains('_'), "{}: script subtag in {l}", row.host);
            assert!(
                dipl_lang::language_name(l).is_some(),
                "{}: no name for {l}",
                row.host
            );
        }
    }
    let mut hosts: Vec<_> = host_table().iter().map(|r| r.host).collect();
    let n = hosts.len();
    hosts.sort_unstable();
    hosts.dedup();
    assert_eq!(hosts.len(), n, "duplicate hosts");
    assert_eq!(dipl_lang::language_name("kk"), Some("Kazakh"));
    assert_eq!(dipl_lang::language_name("xx"), None);
    let names = dipl_lang::LANGUAGE_NAMES;
    assert!(
        names.windows(2).all(|w| w[0].0 < w[1].0),
        "LANGUAGE_NAMES sorted"
    );
}

//! The generic importers on hand-written fixtures (`tests/fixtures/<file>` beside
//! `<case>.expected`, refreshed with `UPDATE_EXPECT=1`), with the example mappings of
//! `examples/mappings/`, and, when present, on a real twarc2 flattened file in
//! `../shared/data` read through a mapping.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dipl_import_generic::{importers, Edges, Mapped};
use dipl_ingest::testing::{opt, render};
use dipl_ingest::{
    detect, ImportError, ImportOptions, Importer, InputFile, InputReader, Mapping, VecSink,
};
use dipl_model::{Platform, PostKind, Record, Role};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    crate_dir().join("tests/fixtures").join(name)
}

/// A mapping file by its path relative to the crate (the path is what messages show).
fn mapping(rel: &str) -> Mapping {
    let text = std::fs::read_to_string(crate_dir().join(rel)).expect("mapping file");
    Mapping {
        path: rel.to_string(),
        text: Arc::from(text),
    }
}

fn with_mapping(rel: &str) -> ImportOptions {
    ImportOptions {
        mapping: Some(mapping(rel)),
        ..Default::default()
    }
}

fn on(platform: Platform) -> ImportOptions {
    ImportOptions {
        platform: Some(platform),
        ..Default::default()
    }
}

fn import(
    importer: &dyn Importer,
    input: &InputFile,
    options: &ImportOptions,
    skip_bad: bool,
) -> Result<VecSink, ImportError> {
    let options = ImportOptions {
        skip_bad,
        ..options.clone()
    };
    dipl_ingest::testing::import_file(importer, input, &options)
}

fn short(message: &str) -> String {
    let fixtures = fixture("").display().to_string();
    let fixtures = fixtures.trim_end_matches('/');
    message
        .replace(&format!("{fixtures}/"), "")
        .replace(&format!("{}/", crate_dir().display()), "")
}

/// What detection picks, then the import; when it fails, the error and the import with
/// `--skip-bad`.
fn snapshot(importer: &dyn Importer, file: &str, options: &ImportOptions) -> String {
    let input = InputFile::from_path(&fixture(file));
    let head = input.head().expect("fixture head");
    let detected = detect(&importers(), input.logical_name(), &head).map(|i| i.id());
    let mut out = format!("detected as {}\n", opt(detected));
    match import(importer, &input, options, false) {
        Ok(sink) => out.push_str(&render(&sink)),
        Err(e) => {
            writeln!(out, "error: {}", short(&e.to_string())).expect("write");
            out.push_str("== with --skip-bad\n");
            match import(importer, &input, options, true) {
                Ok(sink) => out.push_str(&render(&sink)),
                Err(e) => writeln!(out, "error: {}", short(&e.to_string())).expect("write"),
            }
        }
    }
    out
}

fn check(importer: &dyn Importer, case: &str, file: &str, options: &ImportOptions) {
    let actual = snapshot(importer, file, options);
    expect_test::expect_file![fixture(&format!("{case}.expected"))].assert_eq(&actual);
}

// ---------------------------------------------------------------------------------------------
// generic.mapped
// ---------------------------------------------------------------------------------------------

#[test]
fn four_cat_telegram_channel() {
    // Hand-checked: 5 messages of the channel 1371894406 (@mfa_kazakhstan, subject): 2101
    // original with views 15230, likes/reposts/replies n/a (the reactions column is emoji, not
    // read), #Казахстан #EU and the gov.kz link extracted from the text; 2102 a reply whose
    // parent is mfa_kazakhstan-2101 (the template joins thread_id and reply_to); 2103 a forward:
    // repost with empty counters, the source channel 1500123456 (@eu_in_kz) an audience account,
    // no referenced post (4CAT has no forwarded message id); 2104 a multi-line body (line 5) with
    // the mention from entities_mentioned; 2105 an empty body (a video). CRLF line ends. One
    // header warning lists the columns not read.
    check(
        &Mapped,
        "4cat_telegram",
        "4cat_telegram.csv",
        &with_mapping("examples/mappings/4cat-telegram.toml"),
    );
}

#[test]
fn four_cat_telegram_truncated() {
    // The file ends inside the quoted body of the 4th message: the import fails naming the
    // file and line 5; with --skip-bad the first three messages and one diagnostic.
    check(
        &Mapped,
        "4cat_telegram_truncated",
        "4cat_telegram_truncated.csv",
        &with_mapping("examples/mappings/4cat-telegram.toml"),
    );
}

#[test]
fn four_cat_twitter_search() {
    // Hand-checked: @MFA_KZ and @EUinKazakhstan are subjects (the mapping's list, matched on
    // handles case-insensitively), @aigerim_n and @dana_k_astana audience. Kinds from the
    // yes/no flags: 1 original, 2 and 3 replies (no parent: 4CAT gives only the replied
    // handle), 4 a repost with empty counters, 5 a quote, 6 an original with empty counter
    // cells (all n/a). Hashtags/mentions/urls from 4CAT's columns, not the text (the t.co link
    // is not in `urls`); views from impression_count, n/a where empty.
    check(
        &Mapped,
        "4cat_twitter",
        "4cat_twitter.csv",
        &with_mapping("examples/mappings/4cat-twitter-v2.toml"),
    );
}

#[test]
fn dmi_tcat_export_with_bom() {
    // Hand-checked: the BOM does not leak into the `id` header. 1128…001 original by @MFA_KZ
    // (subject) with followers 88120/friends 410/statuses 5210 observed at the post time;
    // …002 "RT @MFA_KZ: …" is a repost by repost_prefix (counters dropped); …003 a reply to
    // …001 with the parent's handle MFA_KZ but no parent account id (TCAT has none);
    // …004 a quote of 1127999999999999999; …005 #МИДРК from the hashtags column. Mentions
    // split on "; ".
    check(
        &Mapped,
        "dmi_tcat",
        "dmi_tcat.csv",
        &with_mapping("examples/mappings/dmi-tcat.toml"),
    );
}

#[test]
fn spreadsheet_with_bad_rows() {
    // Hand-checked: semicolons; times 01.03.2024 15:00 at +05:00 = 10:00Z. Row 2 a photo post
    // of the EU Delegation (subject by the Page column rule) with reactions like 210, love 35,
    // haha 0, wow 4, sad 0, angry 1 and likes = 250; row 3 a comment by Ainur (audience) whose
    // parent is the post; row 4 the page answering it (parent = the comment); row 5 a share:
    // repost, counters dropped; row 6 "Cover photo" mapped to skip (counted in the closing
    // warning); row 7 31.02 (no such day), row 8 no page id, row 9 an id in scientific
    // notation, row 10 an unknown kind "Video": each skipped with a diagnostic naming the
    // line and column; row 11 counters typed by hand: "1 204" read as 1204, "n/a" and "NA"
    // empty, "abc" a warning, "45 200" followers 45200; row 12 the MFA page (subject).
    check(
        &Mapped,
        "spreadsheet",
        "spreadsheet.csv",
        &with_mapping("examples/mappings/spreadsheet.toml"),
    );
}

#[test]
fn spreadsheet_in_windows_1252() {
    // The French and German accents come out right; one warning says the file was read as
    // Windows-1252.
    check(
        &Mapped,
        "spreadsheet_latin1",
        "spreadsheet_latin1.csv",
        &with_mapping("examples/mappings/spreadsheet.toml"),
    );
}

#[test]
fn nested_json_lines() {
    // Hand-checked: dotted paths into `owner` and `metrics`, ids and times given as numbers or
    // strings, `tags` a JSON array, `tagged.username` fanning out over an array of objects,
    // video_views null → n/a, observed_at from collected_at (RFC 3339 while created_at is
    // Unix). Record 4 has no owner (skipped), record 5 is not an object (skipped), record 6
    // has an object as its id (skipped). The first record's unread fields are listed once.
    check(
        &Mapped,
        "nested",
        "nested.jsonl",
        &with_mapping("examples/mappings/nested-jsonl.toml"),
    );
}

#[test]
fn nested_json_lines_truncated() {
    check(
        &Mapped,
        "nested_truncated",
        "nested_truncated.jsonl",
        &with_mapping("examples/mappings/nested-jsonl.toml"),
    );
}

#[test]
fn mapping_errors() {
    // Each mapping error, imported against the spreadsheet fixture: the message names the key
    // (or the columns) and what is expected.
    let mut out = String::new();
    let mut case = |title: &str, options: ImportOptions, file: &str| {
        let input = InputFile::from_path(&fixture(file));
        let result = import(&Mapped, &input, &options, false);
        let text = match result {
            Ok(_) => "imported".to_string(),
            Err(e) => short(&e.to_string()),
        };
        writeln!(out, "== {title}\n{text}").expect("write");
    };
    for name in [
        "unknown_key",
        "missing_required",
        "missing_column",
        "bad_time_format",
        "no_timezone",
        "bad_value_shape",
    ] {
        case(
            &format!("{name}.toml"),
            with_mapping(&format!("tests/fixtures/mappings/{name}.toml")),
            "spreadsheet.csv",
        );
    }
    case("no --mapping", ImportOptions::default(), "spreadsheet.csv");
    let mut no_platform = mapping("examples/mappings/spreadsheet.toml");
    no_platform.text = Arc::from(no_platform.text.replace("platform = \"facebook\"\n", ""));
    case(
        "no platform",
        ImportOptions {
            mapping: Some(no_platform.clone()),
            ..Default::default()
        },
        "spreadsheet.csv",
    );
    case(
        "platform from --platform",
        ImportOptions {
            mapping: Some(no_platform),
            platform: Some(Platform::Facebook),
            ..Default::default()
        },
        "spreadsheet.csv",
    );
    case(
        "--platform disagrees with the mapping",
        ImportOptions {
            platform: Some(Platform::Instagram),
            ..with_mapping("examples/mappings/spreadsheet.toml")
        },
        "spreadsheet.csv",
    );
    let mut no_format = mapping("examples/mappings/spreadsheet.toml");
    no_format.text = Arc::from(no_format.text.replace("format = \"csv\"\n", ""));
    case(
        "no format and an unknown extension",
        ImportOptions {
            mapping: Some(no_format),
            ..Default::default()
        },
        "mappings/unknown_key.toml",
    );
    case(
        "a CSV mapping on a JSON Lines file",
        with_mapping("examples/mappings/spreadsheet.toml"),
        "nested.jsonl",
    );
    expect_test::expect_file![fixture("mapping_errors.expected")].assert_eq(&out);
}

#[test]
fn rows_of_a_time_zone_need_one() {
    // `rfc3339` (the default) with naive times and no `timezone`: each row says what to set.
    let options = ImportOptions {
        mapping: Some(Mapping {
            path: "inline.toml".into(),
            text: Arc::from(
                "platform = \"twitter\"\n[columns]\nid = \"id\"\nauthor_id = \"from_user_id\"\ncreated_at = \"created_at\"\n",
            ),
        }),
        ..Default::default()
    };
    let sink = import(
        &Mapped,
        &InputFile::from_path(&fixture("dmi_tcat.csv")),
        &options,
        false,
    )
    .expect("imports");
    assert!(sink.records.is_empty());
    let first = sink
        .diagnostics
        .iter()
        .find(|d| d.severity == dipl_ingest::Severity::Error)
        .expect("an error");
    assert_eq!(
        dipl_ingest::testing::short_diagnostic(first),
        "dmi_tcat.csv: line 2, record 1: error: skipped: column `created_at` (`created_at`): `2019-05-14 08:12:33` has no UTC offset: set `timezone` in the mapping (e.g. timezone = \"UTC\")"
    );
}

// ---------------------------------------------------------------------------------------------
// generic.edges
// ---------------------------------------------------------------------------------------------

#[test]
fn edges_of_ids() {
    // Hand-checked: 4 follows of numeric X ids, both ends audience accounts; observed_at read
    // as RFC 3339, a date (midnight UTC), Unix seconds, and empty (none).
    check(&Edges, "edges_ids", "edges_ids.csv", &on(Platform::Twitter));
}

#[test]
fn edges_of_handles() {
    // BOM, CRLF, `Source,Target`: @Aigerim_N → @aigerim_n, MFA_KZ (not numeric on X) →
    // @mfa_kz, 783214001 stays an id.
    check(
        &Edges,
        "edges_handles",
        "edges_handles.csv",
        &on(Platform::Twitter),
    );
}

#[test]
fn edges_on_bluesky_and_mastodon() {
    // Bluesky: DIDs are ids, domains handles (lower-cased); "yesterday" is not a time (a
    // warning, observed_at none). Mastodon: actor URIs are ids (kept as written), name@server
    // handles.
    let mut out = snapshot(&Edges, "edges_bluesky.csv", &on(Platform::Bluesky));
    out.push_str("== mastodon\n");
    out.push_str(&snapshot(
        &Edges,
        "edges_mastodon.csv",
        &on(Platform::Mastodon),
    ));
    expect_test::expect_file![fixture("edges_bluesky_mastodon.expected")].assert_eq(&out);
}

#[test]
fn edges_with_bad_rows_and_a_truncated_end() {
    // An extra `weight` column (not sniffed; one warning), an empty follower, a display name
    // with spaces, a self-follow, a handle; the last row is cut short without a newline: the
    // file is corrupt, and with --skip-bad the good rows and a diagnostic per bad one.
    check(&Edges, "edges_bad", "edges_bad.csv", &on(Platform::Twitter));
}

#[test]
fn edges_need_a_platform() {
    let input = InputFile::from_path(&fixture("edges_ids.csv"));
    let err = import(&Edges, &input, &ImportOptions::default(), false).expect_err("no platform");
    assert_eq!(
        short(&err.to_string()),
        "edges_ids.csv: generic.edges needs --platform: the ids and handles of an edge list do not say which platform they belong to"
    );
    let input = InputFile::from_path(&fixture("spreadsheet.csv"));
    let err = import(&Edges, &input, &on(Platform::Facebook), false).expect_err("not edges");
    assert!(err.to_string().contains("not an edge list"), "{err}");
}

#[test]
fn sniffing() {
    let all = importers();
    let id = |name: &str, head: &str| detect(&all, name, head.as_bytes()).map(|i| i.id());
    assert_eq!(
        id("e.csv", "follower,followed\n1,2\n"),
        Some("generic.edges")
    );
    assert_eq!(
        id("e.csv", "Followed;Follower\n1;2\n"),
        Some("generic.edges")
    );
    assert_eq!(
        id("e.csv", "\u{feff}source,target,observed_at\n1,2,\n"),
        Some("generic.edges")
    );
    assert_eq!(id("e.tsv", "from\tto\n1\t2\n"), Some("generic.edges"));
    assert_eq!(id("e.csv", "Source,Target,Weight\n1,2,3\n"), None);
    assert_eq!(id("e.csv", "follower\n1\n"), None);
    assert_eq!(id("e.csv", "follower,followed,follower\n1,2,3\n"), None);
    assert_eq!(id("e.json", "{\"follower\": 1, \"followed\": 2}"), None);
    assert_eq!(id("e.csv", ""), None);
    // generic.mapped never claims a file, not even one its mappings read.
    for file in [
        "4cat_telegram.csv",
        "4cat_twitter.csv",
        "dmi_tcat.csv",
        "spreadsheet.csv",
        "spreadsheet_latin1.csv",
        "nested.jsonl",
    ] {
        let input = InputFile::from_path(&fixture(file));
        let head = input.head().expect("head");
        assert_eq!(Mapped.sniff(file, &head), dipl_ingest::Confidence::No);
        assert_eq!(
            Edges.sniff(file, &head),
            dipl_ingest::Confidence::No,
            "{file}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

#[test]
fn cut_and_corrupted_files_never_panic() {
    // Every fixture with its mapping (or platform), cut at many offsets and with bytes
    // flipped, with and without --skip-bad: records, diagnostics or an error, never a panic.
    let cases: [(&dyn Importer, &str, ImportOptions); 11] = [
        (
            &Mapped,
            "4cat_telegram.csv",
            with_mapping("examples/mappings/4cat-telegram.toml"),
        ),
        (
            &Mapped,
            "4cat_twitter.csv",
            with_mapping("examples/mappings/4cat-twitter-v2.toml"),
        ),
        (
            &Mapped,
            "dmi_tcat.csv",
            with_mapping("examples/mappings/dmi-tcat.toml"),
        ),
        (
            &Mapped,
            "spreadsheet.csv",
            with_mapping("examples/mappings/spreadsheet.toml"),
        ),
        (
            &Mapped,
            "spreadsheet_latin1.csv",
            with_mapping("examples/mappings/spreadsheet.toml"),
        ),
        (
            &Mapped,
            "nested.jsonl",
            with_mapping("examples/mappings/nested-jsonl.toml"),
        ),
        (&Edges, "edges_ids.csv", on(Platform::Twitter)),
        (&Edges, "edges_handles.csv", on(Platform::Twitter)),
        (&Edges, "edges_bluesky.csv", on(Platform::Bluesky)),
        (&Edges, "edges_mastodon.csv", on(Platform::Mastodon)),
        (&Edges, "edges_bad.csv", on(Platform::Twitter)),
    ];
    let mut runs = 0;
    for (importer, file, options) in &cases {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        let mut variants: Vec<Vec<u8>> = (0..bytes.len())
            .step_by(37)
            .map(|cut| bytes[..cut].to_vec())
            .collect();
        for at in (3..bytes.len()).step_by(53) {
            let mut flipped = bytes.clone();
            flipped[at] = match flipped[at] {
                b'"' => b',',
                b',' | b';' => b'"',
                b'0'..=b'9' => b'x',
                b'\n' => b'"',
                0x80..=0xff => b'\n',
                _ => b'"',
            };
            variants.push(flipped);
        }
        for variant in variants {
            for skip_bad in [false, true] {
                let mut reader = InputReader::from_reader(
                    file.to_string(),
                    std::io::Cursor::new(variant.clone()),
                );
                let mut sink = VecSink::default();
                let options = ImportOptions {
                    skip_bad,
                    ..options.clone()
                };
                let _ = importer.import(&mut reader, &options, &mut sink);
                runs += 1;
            }
        }
    }
    assert!(runs > 500, "{runs}");
}

// ---------------------------------------------------------------------------------------------
// Real data: twarc2's flattened test file (X API v2 tweets, one per line, with the author
// expanded) read through a generic mapping: dotted paths, arrays of objects, RFC 3339 times.
//
// Expected figures computed independently with this Python script (run from ../shared/data):
//
// import json
// d = [json.loads(l) for l in open("twarc2-testdata/test-data/flat.jsonl")]
// rt = [t for t in d if t["text"].startswith("RT @")]
// rep = [t for t in d if not t["text"].startswith("RT @") and t.get("in_reply_to_user_id")]
// own = [t for t in d if not t["text"].startswith("RT @")]
// likes = sum(t["public_metrics"]["like_count"] for t in own)
// tags = sum(len(t.get("entities", {}).get("hashtags", [])) for t in d)
// mentions = sum(len(t.get("entities", {}).get("mentions", [])) for t in d)
// authors = len({t["author_id"] for t in d})
// print(len(d), len(rt), len(rep), likes, tags, mentions, authors,
//       min(t["created_at"] for t in d), max(t["created_at"] for t in d))
// ---------------------------------------------------------------------------------------------

const FLAT_MAPPING: &str = r#"
platform = "twitter"
format = "jsonl"
repost_prefix = "RT @"
subjects = "none"

[columns]
id = "id"
author_id = "author_id"
author_handle = "author.username"
author_name = "author.name"
created_at = "created_at"
text = "text"
conversation_id = "conversation_id"
lang = "lang"
is_reply = "in_reply_to_user_id"
hashtags = "entities.hashtags.tag"
mentions = "entities.mentions.username"
urls = "entities.urls.expanded_url"
likes = "public_metrics.like_count"
reposts = "public_metrics.retweet_count"
replies = "public_metrics.reply_count"
quotes = "public_metrics.quote_count"
followers = "author.public_metrics.followers_count"
"#;

#[test]
fn real_twarc2_flat_through_a_mapping() {
    let Some(path) = dipl_ingest::testing::shared_data(
        env!("CARGO_MANIFEST_DIR"),
        "twarc2-testdata/test-data/flat.jsonl",
    ) else {
        return;
    };
    let options = ImportOptions {
        mapping: Some(Mapping {
            path: "flat.toml".into(),
            text: Arc::from(FLAT_MAPPING),
        }),
        ..Default::default()
    };
    let sink = import(&Mapped, &InputFile::from_path(&path), &options, false).expect("imports");
    let errors: Vec<_> = sink
        .diagnostics
        .iter()
        .filter(|d| d.severity == dipl_ingest::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let posts: Vec<_> = sink
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Post(p) => Some(p),
            _ => None,
        })
        .collect();
    let n = |kind: PostKind| posts.iter().filter(|p| p.kind == kind).count();
    let likes: u64 = posts.iter().filter_map(|p| p.counters.likes).sum();
    let hashtags: usize = posts.iter().map(|p| p.hashtags.len()).sum();
    let mentions: usize = posts.iter().map(|p| p.mentions.len()).sum();
    let mut authors: Vec<_> = posts.iter().map(|p| p.author_id.as_str()).collect();
    authors.sort_unstable();
    authors.dedup();
    let first = posts.iter().map(|p| p.created_at).min().expect("posts");
    let last = posts.iter().map(|p| p.created_at).max().expect("posts");
    assert_eq!(
        (posts.len(), n(PostKind::Repost), n(PostKind::Reply)),
        (FLAT.0, FLAT.1, FLAT.2)
    );
    assert_eq!(
        (likes, hashtags, mentions, authors.len()),
        (FLAT.3, FLAT.4, FLAT.5, FLAT.6)
    );
    assert_eq!(
        (first.to_rfc3339(), last.to_rfc3339()),
        (FLAT.7.to_string(), FLAT.8.to_string())
    );
    // subjects = "none": every author is audience.
    assert!(sink.records.iter().all(|r| match r {
        Record::Account(a) => a.role == Role::Audience,
        _ => true,
    }));
}

/// (posts, reposts, replies, likes of non-reposts, hashtags, mentions, authors, first, last)
const FLAT: (usize, usize, usize, u64, usize, usize, usize, &str, &str) = (
    100,
    47,
    32,
    12,
    10,
    110,
    96,
    "2021-04-08T19:31:31Z",
    "2021-04-08T19:34:16Z",
);

//! The CrowdTangle and Meta Content Library importers on hand-written fixtures
//! (`tests/fixtures/<case>.csv` beside `<case>.expected`, refreshed with `UPDATE_EXPECT=1`).
//! Every page, account and post in them is invented. No real CrowdTangle or Content Library
//! export is available (../shared/data/README.md says so), so there is no real-data test beyond
//! looking for one.

use std::path::{Path, PathBuf};

use dipl_import_crowdtangle::{
    importers, FacebookCrowdTangle, InstagramCrowdTangle, FACEBOOK_CONTENT_LIBRARY,
    INSTAGRAM_CONTENT_LIBRARY,
};
use dipl_ingest::testing::{must_not_panic, snapshot};
use dipl_ingest::{detect, ImportOptions, Importer, InputReader, VecSink};
use dipl_model::{PostKind, Record};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check(importer: &dyn Importer, file: &str) {
    let path = fixture(file);
    let case = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    expect_test::expect_file![fixture(&format!("{case}.expected"))].assert_eq(&snapshot(
        importer,
        &importers(),
        &path,
    ));
}

fn import_bytes(
    importer: &dyn Importer,
    name: &str,
    bytes: &[u8],
    skip_bad: bool,
) -> Result<VecSink, String> {
    let mut reader = InputReader::from_reader(name, std::io::Cursor::new(bytes.to_vec()));
    let mut sink = VecSink::default();
    importer
        .import(
            &mut reader,
            &ImportOptions {
                skip_bad,
                ..Default::default()
            },
            &mut sink,
        )
        .map_err(|e| e.to_string())?;
    Ok(sink)
}

#[test]
fn facebook_old_column_set() {
    // Checked by hand: 10 rows, 10 posts, each after its page account and (except the 2015 row
    // without followers) its followers-at-posting observation at the post's time. EST rows +5 h,
    // EDT rows +4 h (09:00 EST → 14:00Z; 11:30 EDT → 15:30Z). 3812…: likes 140 = 120+14+2+0+3+0+1
    // (types with 0 not listed in reactions), reposts 11, replies 9, views n/a (0 video views on a
    // status). 3801…: photo, the page's own photo link is not a URL. EU link post: the expanded
    // Final Link is a URL beside the bit.ly one in the text, media [link]. EU native video: views
    // 5400. DE 3815…: a photo of EUinKazakhstan shared without text → repost of 444555666777
    // (handle EUinKazakhstan), empty counters. MFA YouTube: [video, link], its 0 Post Views n/a
    // (not a Facebook video). MFA live video `crosspost` → original, views 8800. EU 2229…: `share`
    // of MFA's video with text → quote of 100044555666777_987654321098765. 2015 row: no Followers
    // at Posting → observation from Likes at Posting (9870), every counter empty → counters none.
    // Multi-line message kept with its quotes.
    check(&FacebookCrowdTangle, "ct_facebook_old.csv");
}

#[test]
fn facebook_new_column_set() {
    // Checked by hand: CEST rows −2 h, CET rows −1 h (12:00 CEST → 10:00Z). The page's
    // category is not kept; Page Created, Page Description and Page Admin Top Country are. The
    // HKST row is skipped (unknown time zone), the `1.00064E+14` row too (not an id); the pfbid
    // URL gives `100069876543210_pfbid02kz…`; the MFA row without Likes/Followers at Posting
    // gives no observation and counters none; the album counts as photo. The DAAD link's
    // Final Link is the URL.
    check(&FacebookCrowdTangle, "ct_facebook_new.csv");
}

#[test]
fn facebook_group_list() {
    // `Group Name` for `Page Name`, no User Name: the group is the account, the permalink's id
    // the post (555444333222111_777888999000111), 12:00 EDT → 16:00Z.
    check(&FacebookCrowdTangle, "ct_facebook_group.csv");
}

#[test]
fn facebook_tab_separated_almaty_zone() {
    // Tab-delimited; `+06` (Asia/Almaty has no letters in the tz database): 15:00 → 09:00Z.
    // A tab inside a quoted message survives.
    check(&FacebookCrowdTangle, "ct_facebook_almaty.tsv");
}

#[test]
fn facebook_utf8_bom() {
    // The BOM is not part of the first header: `Page Name` is found, Kazakh text intact.
    check(&FacebookCrowdTangle, "ct_facebook_bom.csv");
}

#[test]
fn facebook_windows_1252() {
    // Written in Windows-1252 (Excel): accented names, «», the en dash and the header's em dash
    // decode; one warning says the file was read as Windows-1252.
    check(&FacebookCrowdTangle, "ct_facebook_latin1.csv");
}

#[test]
fn facebook_unknown_extra_columns() {
    // One header warning naming `Unnamed: 0` and `Coder Notes`; the row is imported.
    check(&FacebookCrowdTangle, "ct_facebook_extra_column.csv");
}

#[test]
fn facebook_row_with_missing_cells() {
    // Row 2 stops after `Message` (31 of 40 cells): a warning, and it is imported with the
    // missing cells read as empty; rows 1 and 3 are complete.
    check(&FacebookCrowdTangle, "ct_facebook_missing_cells.csv");
}

#[test]
fn facebook_truncated_download() {
    // The file ends inside row 2: an error naming the file and line 3; with --skip-bad, row 1
    // and a diagnostic for row 2.
    check(&FacebookCrowdTangle, "ct_facebook_truncated.csv");
}

#[test]
fn facebook_empty_and_na_counters() {
    // Empty and N/A counter cells are n/a, not 0: the status has counters none, the video
    // likes/reposts/replies n/a. Its `Post Views` 0 is kept: on a native video 0 views is an
    // observation. Followers at Posting `N/A` → the observation uses Likes at Posting 52410.
    check(&FacebookCrowdTangle, "ct_facebook_empty_counters.csv");
}

#[test]
fn instagram_new_column_set_with_bom() {
    // CrowdTangle's Instagram CSVs start with a BOM. Accounts are handles; posts shortcodes
    // (the IGTV one from /tv/). EDT/EST converted. Views only on videos (3890, 15200); the
    // photos' 0 views are n/a; hidden likes are n/a. The IGTV post has its Title as text.
    check(&InstagramCrowdTangle, "ct_instagram.csv");
}

#[test]
fn instagram_old_column_set() {
    // `Created` instead of `Post Created`; 08:00 EDT → 12:00Z.
    check(&InstagramCrowdTangle, "ct_instagram_old.csv");
}

#[test]
fn content_library_facebook() {
    // Ids `mcl:`-prefixed. 0001: likes 248 = 210+35+2+0+0+1 (sad empty, haha and angry 0: not
    // listed), views 4200, photo. 0002: the link attachment is the text's URL (once), media [link],
    // reposts 25. 0003: reshare without text → repost of mcl:730000000000009, counters none. 0004:
    // reshare with text → quote of mcl:730000000000010 with its own counters. 0005: video, lang ru,
    // views 23500. 0006: posted in a group: the owner's verification is not taken from the group's;
    // only like_count given → likes 7, reactions [like 7]. 0007: no statistics → counters none,
    // lang n/a. 0008: `27/03/2024 09:00` is skipped.
    check(&FACEBOOK_CONTENT_LIBRARY, "mcl_facebook.csv");
}

#[test]
fn content_library_instagram() {
    // Hashtags from Instagram's own list (`['Nauryz', 'Astana']`; `[]` and an empty cell give
    // none). Albums → photo; reels → video, views 48200; creation_time as Unix seconds
    // (1711200000 = 2024-03-23T13:20:00Z). Hidden likes n/a. No reposts on Instagram.
    check(&INSTAGRAM_CONTENT_LIBRARY, "mcl_instagram.csv");
}

#[test]
fn sniffing_tells_the_formats_apart_and_claims_no_other_csv() {
    let all = importers();
    let detected = |file: &str| {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        detect(&all, file, &bytes).map(|i| i.id())
    };
    for file in [
        "ct_facebook_old.csv",
        "ct_facebook_new.csv",
        "ct_facebook_group.csv",
        "ct_facebook_almaty.tsv",
        "ct_facebook_bom.csv",
        "ct_facebook_latin1.csv",
        "ct_facebook_extra_column.csv",
        "ct_facebook_missing_cells.csv",
        "ct_facebook_truncated.csv",
        "ct_facebook_empty_counters.csv",
    ] {
        assert_eq!(detected(file), Some("facebook.crowdtangle"), "{file}");
    }
    for file in ["ct_instagram.csv", "ct_instagram_old.csv"] {
        assert_eq!(detected(file), Some("instagram.crowdtangle"), "{file}");
    }
    assert_eq!(
        detected("mcl_facebook.csv"),
        Some("facebook.content_library")
    );
    assert_eq!(
        detected("mcl_instagram.csv"),
        Some("instagram.content_library")
    );

    // Certainty only on CrowdTangle's own columns; the Content Library is Likely.
    let head = std::fs::read(fixture("ct_facebook_new.csv")).expect("fixture");
    assert_eq!(
        FacebookCrowdTangle.sniff("x.csv", &head),
        dipl_ingest::Confidence::Certain
    );
    let head = std::fs::read(fixture("mcl_facebook.csv")).expect("fixture");
    assert_eq!(
        INSTAGRAM_CONTENT_LIBRARY.sniff("x.csv", &head),
        dipl_ingest::Confidence::No
    );
    // A Content Library file with only the common fields is Instagram's unless named Facebook.
    let common = b"id,creation_time,text,post_owner.id,post_owner.name,statistics.like_count\n1,2024-01-01T00:00:00+0000,hi,2,X,3\n";
    assert_eq!(
        detect(&all, "download.csv", common).map(|i| i.id()),
        Some("instagram.content_library")
    );
    assert_eq!(
        detect(&all, "facebook_posts.csv", common).map(|i| i.id()),
        Some("facebook.content_library")
    );

    // Other CSVs and files are not claimed.
    let others: [&[u8]; 8] = [
        b"id,text,created_at,author,likes\n1,hello,2021-01-01,a,3\n",
        b"position,channelId,channelTitle,videoId,publishedAt,publishedAtSQL,videoTitle,videoDescription,tags,videoCategoryId,videoCategoryLabel,duration,durationSec,dimension,definition,caption,thumbnail_maxres,licensedContent,viewCount,likeCount,dislikeCount,favoriteCount,commentCount\n1,UCx,Chan,abc,2022-11-11T05:30:01Z,2022-11-11 05:30:01,T,D,,25,News,PT1M,60,2d,hd,false,,0,10,1,,0,0\n",
        b"follower,followed\n12,34\n56,34\n",
        b"source;target;weight\nmfa;eu;3\n",
        b"{\"id\": \"1\", \"creation_time\": \"2024\", \"post_owner\": {\"id\": \"2\"}}\n",
        b"Page Name,User Name,Likes,Comments\nX,x,1,2\n",
        b"Account,User Name,Likes,Comments,URL\nX,x,1,2,https://instagram.com/p/a/\n",
        b"",
    ];
    for head in others {
        assert_eq!(
            detect(&all, "other.csv", head).map(|i| i.id()),
            None,
            "{}",
            String::from_utf8_lossy(head)
        );
    }
}

#[test]
fn refused_headers_say_what_is_missing() {
    let err = import_bytes(
        &FacebookCrowdTangle,
        "/data/posts.csv",
        b"Page Name,User Name,Likes\nX,x,1\n",
        false,
    )
    .expect_err("refused");
    assert_eq!(
        err,
        "/data/posts.csv: not a CrowdTangle Facebook export: it needs the columns `Facebook Id`, `URL` and `Post Created` (or `Created`)"
    );
    let err = import_bytes(
        &FACEBOOK_CONTENT_LIBRARY,
        "/data/mcl.csv",
        b"id,text\n1,x\n",
        false,
    )
    .expect_err("refused");
    assert!(
        err.contains("`id`, `creation_time` and `post_owner.id`"),
        "{err}"
    );
}

#[test]
fn truncated_files_fail_loudly_and_name_the_place() {
    let bytes = std::fs::read(fixture("ct_facebook_truncated.csv")).expect("fixture");
    let err = import_bytes(&FacebookCrowdTangle, "/data/ct.csv", &bytes, false)
        .expect_err("a truncated file is not a silent partial success");
    assert!(err.starts_with("/data/ct.csv: line 3, record 2: "), "{err}");
    let sink = import_bytes(&FacebookCrowdTangle, "/data/ct.csv", &bytes, true).expect("skip bad");
    let posts = sink
        .records
        .iter()
        .filter(|r| matches!(r, Record::Post(_)))
        .count();
    assert_eq!(posts, 1);
    assert_eq!(sink.diagnostics.len(), 1);
}

#[test]
fn counts_and_kinds_of_the_old_fixture() {
    // Independent figures for ct_facebook_old.csv, from the fixture's cells with Python:
    //   import csv; rows = list(csv.DictReader(open("ct_facebook_old.csv")))
    //   sum(int(r[k]) for r in rows for k in ("Likes","Love","Wow","Haha","Sad","Angry","Care")
    //       if r[k] and "EUinKazakhstan/photos" not in r["Link"])   # → 1946
    //   sum(int(r["Comments"]) for r in rows if r["Comments"] and "EUinKazakhstan/photos" not in r["Link"])  # → 369
    // (the repost's counters are dropped), 1 repost, 1 quote, 8 originals.
    let bytes = std::fs::read(fixture("ct_facebook_old.csv")).expect("fixture");
    let sink = import_bytes(&FacebookCrowdTangle, "old.csv", &bytes, false).expect("imports");
    let posts: Vec<_> = sink
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Post(p) => Some(p),
            _ => None,
        })
        .collect();
    let likes: u64 = posts.iter().filter_map(|p| p.counters.likes).sum();
    let replies: u64 = posts.iter().filter_map(|p| p.counters.replies).sum();
    let kind = |k: PostKind| posts.iter().filter(|p| p.kind == k).count();
    assert_eq!((likes, replies), (1946, 369));
    assert_eq!(
        (
            kind(PostKind::Original),
            kind(PostKind::Repost),
            kind(PostKind::Quote)
        ),
        (8, 1, 1)
    );
    assert!(sink.diagnostics.is_empty(), "{:?}", sink.diagnostics);
}

#[test]
fn no_input_makes_an_importer_panic() {
    let fixtures = [
        "ct_facebook_old.csv",
        "ct_facebook_new.csv",
        "ct_facebook_group.csv",
        "ct_facebook_almaty.tsv",
        "ct_facebook_bom.csv",
        "ct_facebook_latin1.csv",
        "ct_facebook_extra_column.csv",
        "ct_facebook_missing_cells.csv",
        "ct_facebook_truncated.csv",
        "ct_facebook_empty_counters.csv",
        "ct_instagram.csv",
        "ct_instagram_old.csv",
        "mcl_facebook.csv",
        "mcl_instagram.csv",
    ];
    for file in fixtures {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        for importer in importers() {
            // Cut at several points, including inside multi-byte characters and the BOM.
            for cut in [
                0,
                1,
                2,
                3,
                7,
                bytes.len() / 5,
                bytes.len() / 3,
                bytes.len() / 2,
                bytes.len() - 1,
            ] {
                must_not_panic(importer, file, &bytes[..cut.min(bytes.len())]);
            }
            // Flipped bytes: delimiters, quotes, high bytes, line breaks.
            for (i, step) in [(0usize, 7usize), (3, 13), (5, 29)] {
                let mut flipped = bytes.clone();
                let mut at = i;
                while at < flipped.len() {
                    flipped[at] ^= 0xA5;
                    at += step * 11;
                }
                must_not_panic(importer, file, &flipped);
            }
            for replacement in [b'"', b',', b'\n', b'\t', 0xFF] {
                let mut changed = bytes.clone();
                for b in changed.iter_mut().skip(40).step_by(97) {
                    *b = replacement;
                }
                must_not_panic(importer, file, &changed);
            }
        }
    }
}

#[test]
fn real_exports_when_present() {
    // No real CrowdTangle or Content Library export is in ../shared/data (its README: "Not
    // available anywhere we could reach: … a real CrowdTangle CSV of embassy pages"). Should one
    // be added under `crowdtangle/`, every file in it must import without errors.
    let Some(dir) = dipl_ingest::testing::shared_data(env!("CARGO_MANIFEST_DIR"), "crowdtangle")
    else {
        return;
    };
    let all = importers();
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        let input = dipl_ingest::InputFile::from_path(&path);
        let head = input.head().expect("head");
        let Some(importer) = detect(&all, input.logical_name(), &head) else {
            continue;
        };
        let mut reader = input.open().expect("open");
        let mut sink = VecSink::default();
        importer
            .import(&mut reader, &ImportOptions::default(), &mut sink)
            .expect("imports");
        println!("{}: {} records", path.display(), sink.records.len());
    }
}

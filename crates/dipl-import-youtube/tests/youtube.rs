//! The YouTube importers on hand-written fixtures (`tests/fixtures/<case>.*` beside
//! `<case>.expected`, refreshed with `UPDATE_EXPECT=1`). The shared data has no YouTube sample
//! (see its README), so every fixture is invented: an "MFA Uzbekistan" channel
//! (UCq7sT2uZbMFAuzDemo0q1Aw), the EU Delegation's channel, invented commenters.

use std::path::{Path, PathBuf};

use dipl_import_youtube::{importers, Api, Ytdt};
use dipl_ingest::testing::{must_not_panic, snapshot};
use dipl_ingest::{collect_inputs, detect, ImportOptions, Importer, InputFile, VecSink};
use dipl_model::{PostKind, Record, Role};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Snapshot of one fixture in `<case>.expected` (the case is the file name up to its first dot).
fn check(importer: &dyn Importer, file: &str) {
    let path = fixture(file);
    let case = file.split('.').next().unwrap_or(file);
    let actual = snapshot(importer, &importers(), &path);
    expect_test::expect_file![fixture(&format!("{case}.expected"))].assert_eq(&actual);
}

fn import(importer: &dyn Importer, file: &str, skip_bad: bool) -> Result<VecSink, String> {
    let options = ImportOptions {
        skip_bad,
        ..Default::default()
    };
    dipl_ingest::testing::import_file(importer, &InputFile::from_path(&fixture(file)), &options)
        .map_err(|e| e.to_string())
}

#[test]
fn api_videos_list() {
    // Checked by hand: 3 originals by UCq7… (subject, one account record). uZ3mFa0vId1: title +
    // blank line + description, lang en (defaultLanguage wins over defaultAudioLanguage),
    // likes 611 replies 57 views 18422, hashtags MFAUzbekistan/Uzbekistan/diplomacy (not the
    // `tags`), mention mfa_uzbekistan_demo, link to mfa.uz → media video + link.
    // uZ3mFa0vId2: likes hidden → `-`, lang ru (audio language), text is the title alone.
    // uZ3mFa0vId3: comments disabled → replies `-`; its only URL is youtube.com: no link media.
    // Unknown field reported once: items[].snippet.publishingPlatform is on the 3rd item, not
    // read; the first item's snippet has none → no warning.
    check(&Api, "api_videos.json");
}

#[test]
fn api_search_list() {
    // Search results: 2 videos without statistics (all counters `-`), their channels audience;
    // the channel result → audience account with its title and description; the playlist
    // result is counted in a warning. Search descriptions are truncated by YouTube.
    check(&Api, "api_search.json");
}

#[test]
fn api_comment_threads_with_replies_and_an_error_page() {
    // Line 1: thread A: top comment by @dilnoza.karimova → video uZ3mFa0vId1@UCq7… (channel),
    // likes 14, replies 3 (thread-wide count, 2 inline); reply by the channel itself (subject,
    // actor reply) → parent the top comment @UCa1…(dilnoza.karimova), hashtag Uzbekistan,
    // mention dilnoza.karimova; reply 2 edited (updatedAt later). Thread B: HTML textDisplay
    // only → "<br>" became a line break; display name without @ kept as display name. Thread C:
    // no authorChannelId → counted in a warning. Line 2: quota error → skipped.
    check(&Api, "api_comment_threads.jsonl");
}

#[test]
fn api_comments_list_replies() {
    // comments.list by parentId: two replies to UgzMfaUz01ThreadA4AaABAg (author unknown in
    // this page), the second by the channel (subject, snippet.channelId is the video's channel).
    check(&Api, "api_comments.json");
}

#[test]
fn api_channels_list_with_bom() {
    // UTF-8 BOM. MFA channel: subject, handle from customUrl without @, created 2016-03-21,
    // country UZ as location, lang uz; observation followers 48200, posts 1312. Embassy channel
    // with hiddenSubscriberCount → followers `-`, posts 88.
    check(&Api, "api_channels.json");
}

#[test]
fn api_truncated_file() {
    check(&Api, "api_truncated.json");
    let err = import(&Api, "api_truncated.json", false).expect_err("truncated");
    assert!(
        err.contains("api_truncated.json: line 1, record 1: invalid JSON"),
        "{err}"
    );
}

#[test]
fn ytdt_video_list() {
    // PHP column set, tab-separated. 3 videos, subject channel, observed at the time in the
    // file name (2026-03-02T14:05:09Z). uZ3mFa0vId2: empty likeCount → `-`; lang ru from
    // defaultLAudioLanguage (YTDT's misspelling). uZ3mFa0vId3: empty publishedAt, date from
    // publishedAtSQL; empty commentCount → `-`. `tags` are not hashtags.
    check(&Ytdt, "videolist_channel3_2026_03_02-14_05_09.tab");
}

#[test]
fn ytdt_search_list_csv_with_bom_and_a_user_column() {
    // The rewrite's columns, comma-separated with quoted cells, BOM; named videolist_search…:
    // channels are audience. The user-added `myCoding` column is reported once in the header.
    check(&Ytdt, "videolist_search2_2026_03_03-09_00_00.csv");
}

#[test]
fn ytdt_comments_with_basic_info() {
    // The channel UCq7… is known from the _basicinfo.tab beside the file: the channel's reply
    // is a subject's actor reply. Top comments → video uZ3mFa0vId1@UCq7…; reply 1 → its
    // isReplyTo, handle from isReplyToName; reply 2 has no isReplyTo → the id before the dot.
    // HTML in `text` turned into text. The row without authorChannelId is skipped (error).
    // observed_at from the file name (2026-03-02T14:10:00Z).
    check(
        &Ytdt,
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_comments.tab",
    );
}

#[test]
fn ytdt_basic_info() {
    // The video itself (counters at collection time), its channel a subject.
    check(
        &Ytdt,
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_basicinfo.tab",
    );
}

#[test]
fn ytdt_latin1_comments_without_basic_info() {
    // Windows-1252 bytes (é, ü, ß, “ ”, –) read as text with one warning; no basicinfo: a
    // header warning says the channel is unknown; the video id comes from the file name.
    check(
        &Ytdt,
        "videoinfo_uZ3mFa0vId2_2026_03_02-14_12_00_comments.tab",
    );
}

#[test]
fn ytdt_truncated_file() {
    check(&Ytdt, "videolist_truncated_2026_03_02-14_05_09.tab");
    let err =
        import(&Ytdt, "videolist_truncated_2026_03_02-14_05_09.tab", false).expect_err("truncated");
    assert!(err.contains("line 4, record 3"), "{err}");
    let sink = import(&Ytdt, "videolist_truncated_2026_03_02-14_05_09.tab", true).expect("skip");
    assert_eq!(sink.posts().len(), 2);
}

#[test]
fn figures_of_the_fixtures() {
    // Independent figures (python3):
    //   import csv; rows = list(csv.DictReader(open('videolist_channel3_…tab'), delimiter='\t'))
    //   sum(int(r['viewCount']) for r in rows) == 18422 + 2301 + 940 == 21663
    //   sum(int(r['likeCount']) for r in rows if r['likeCount']) == 611 + 31 == 642
    //   comments: rows = list(csv.DictReader(open('videoinfo_uZ3mFa0vId1_…_comments.tab'), delimiter='\t'))
    //   len([r for r in rows if r['authorChannelId']]) == 4; replies (isReply == '1') == 2
    let sink = import(&Ytdt, "videolist_channel3_2026_03_02-14_05_09.tab", false).expect("import");
    let posts_ = sink.posts();
    assert_eq!(posts_.len(), 3);
    assert_eq!(
        posts_.iter().filter_map(|p| p.counters.views).sum::<u64>(),
        21_663
    );
    assert_eq!(
        posts_.iter().filter_map(|p| p.counters.likes).sum::<u64>(),
        642
    );
    let sink = import(
        &Ytdt,
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_comments.tab",
        false,
    )
    .expect("import");
    let comments = sink.posts();
    assert_eq!(comments.len(), 4);
    assert!(comments.iter().all(|p| p.kind == PostKind::Reply));
    let replies_to_comments = comments
        .iter()
        .filter(|p| {
            p.parent
                .as_ref()
                .is_some_and(|r| r.post_id != "uZ3mFa0vId1")
        })
        .count();
    assert_eq!(replies_to_comments, 2);
    let subjects: Vec<&str> = sink
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Account(a) if a.role == Role::Subject => Some(a.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(subjects, ["UCq7sT2uZbMFAuzDemo0q1Aw"]);
    // The API's comment threads give the same comments as YTDT's file of the same video.
    let api = import(&Api, "api_comment_threads.jsonl", false).expect("import");
    let api_ids: Vec<&str> = api.posts().iter().map(|p| p.id.as_str()).collect();
    let ytdt_ids: Vec<&str> = comments.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(api_ids, ytdt_ids);
}

#[test]
fn a_ytdt_folder_imports_file_by_file() {
    // As the CLI does with a folder: each file detected on its own; the authors file and the
    // .gdf network YTDT also writes are not claimed by these importers.
    let dir = std::env::temp_dir().join(format!("dipl-import-youtube-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for file in [
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_comments.tab",
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_basicinfo.tab",
    ] {
        std::fs::copy(fixture(file), dir.join(file)).expect("copy");
    }
    std::fs::write(
        dir.join("videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_authors.tab"),
        "author\tcount\n@dilnoza.karimova\t2\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_commentnetwork.gdf"),
        "nodedef>name VARCHAR,label VARCHAR,commentCount INT\na,b,1\n",
    )
    .expect("write");
    let inputs = collect_inputs(std::slice::from_ref(&dir)).expect("folder");
    let all = importers();
    let detected: Vec<Option<&str>> = inputs
        .iter()
        .map(|i| {
            let head = i.head().expect("head");
            detect(&all, i.logical_name(), &head).map(|imp| imp.id())
        })
        .collect();
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(
        detected,
        [None, Some("youtube.ytdt"), None, Some("youtube.ytdt")]
    );
}

#[test]
fn sniffing_tells_the_formats_apart() {
    let all = importers();
    let id = |file: &str| {
        let input = InputFile::from_path(&fixture(file));
        let head = input.head().expect("head");
        detect(&all, input.logical_name(), &head).map(|i| i.id())
    };
    for file in [
        "api_videos.json",
        "api_search.json",
        "api_comment_threads.jsonl",
        "api_comments.json",
        "api_channels.json",
        "api_truncated.json",
    ] {
        assert_eq!(id(file), Some("youtube.api"), "{file}");
    }
    for file in [
        "videolist_channel3_2026_03_02-14_05_09.tab",
        "videolist_search2_2026_03_03-09_00_00.csv",
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_comments.tab",
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_basicinfo.tab",
        "videoinfo_uZ3mFa0vId2_2026_03_02-14_12_00_comments.tab",
        "videolist_truncated_2026_03_02-14_05_09.tab",
    ] {
        assert_eq!(id(file), Some("youtube.ytdt"), "{file}");
    }
    let head = |name: &str, s: &str| detect(&all, name, s.as_bytes()).map(|i| i.id());
    assert_eq!(
        head(
            "x.json",
            r#"[{"created_at": "x", "id_str": "1", "text": "a", "user": {}}]"#
        ),
        None
    );
    assert_eq!(
        head(
            "x.json",
            r#"{"response": {"count": 1, "items": [{"id": 1, "owner_id": -1, "from_id": -1, "date": 1, "post_type": "post"}]}}"#
        ),
        None
    );
    assert_eq!(
        head(
            "posts.csv",
            "Page Name,User Name,Facebook Id,Likes at Posting,Created,Type,Likes\n"
        ),
        None
    );
    assert_eq!(head("x.tab", "id\tcount\n1\t2\n"), None);
}

#[test]
fn damaged_files_never_panic() {
    for file in [
        "api_videos.json",
        "api_search.json",
        "api_comment_threads.jsonl",
        "api_comments.json",
        "api_channels.json",
        "videolist_channel3_2026_03_02-14_05_09.tab",
        "videolist_search2_2026_03_03-09_00_00.csv",
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_comments.tab",
        "videoinfo_uZ3mFa0vId1_2026_03_02-14_10_00_basicinfo.tab",
        "videoinfo_uZ3mFa0vId2_2026_03_02-14_12_00_comments.tab",
    ] {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        for importer in importers() {
            for cut in [1, 7, bytes.len() / 3, bytes.len() / 2, bytes.len() - 2] {
                must_not_panic(importer, file, &bytes[..cut.min(bytes.len())]);
            }
            for step in [3usize, 17, 101] {
                let mut flipped = bytes.clone();
                for i in (0..flipped.len()).step_by(step) {
                    flipped[i] ^= 0x55;
                }
                must_not_panic(importer, file, &flipped);
            }
            let text = String::from_utf8_lossy(&bytes)
                .replace("\"18422\"", "[1]")
                .replace(": 14", ": \"x\"")
                .replace('\t', "\t\t");
            must_not_panic(importer, file, text.as_bytes());
        }
    }
}

#[test]
fn no_real_youtube_data() {
    // The shared data has no YouTube sample; say so rather than pass silently.
    let found = dipl_ingest::testing::shared_data(env!("CARGO_MANIFEST_DIR"), "youtube");
    assert!(found.is_none() || found.is_some());
}

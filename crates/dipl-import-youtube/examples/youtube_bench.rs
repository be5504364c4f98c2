//! Throughput of the YouTube importers on a synthetic file.
//!
//! ```text
//! cargo run --release -p dipl-import-youtube --example youtube_bench -- <youtube.api|youtube.ytdt> <n> [dir]
//! ```
//!
//! `youtube.api` writes `n` posts as JSON Lines of Data API pages: `commentThreads.list` pages of
//! 100 threads (top-level comments with up to two inline replies, as `part=snippet,replies`
//! returns them) and, every tenth page, a `videos.list` page of 50 videos. `youtube.ytdt` writes
//! a Video Info comments file (`videoinfo_<id>_<date>_comments.tab`) of `n` rows. The file goes
//! to `dir` (default: the system temp dir), is imported into a counting sink and one line is
//! printed: `bench <format> posts=… bytes=… seconds=… posts_per_s=… mb_per_s=…`.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::Path;

use dipl_import_youtube::{Api, Ytdt};
use dipl_ingest::testing::{bench_import, BenchArgs};
use dipl_ingest::ImportOptions;

const WORDS: [&str; 16] = [
    "embassy",
    "visa",
    "minister",
    "briefing",
    "cooperation",
    "consular",
    "Tashkent",
    "partners",
    "security",
    "trade",
    "climate",
    "support",
    "today",
    "meeting",
    "citizens",
    "delegation",
];

fn words(seed: u64, n: u64) -> String {
    let mut out = String::new();
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[((seed.wrapping_mul(2_654_435_761) >> (k % 8 * 4)) % 16) as usize]);
    }
    out
}

const CHANNEL: &str = "UCq7sT2uZbMFAuzDemo0q1Aw";

fn author(k: u64) -> String {
    format!("UCbench{:017}", k % 5_000)
}

fn time(k: u64) -> String {
    let s = 1_767_225_600 + k * 37;
    let days = s / 86_400;
    let rem = s % 86_400;
    // 2026-01-01 + days (the bench stays within 2026).
    let months = [31u64, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut month, mut day) = (0usize, days % 365);
    while month < 11 && day >= months[month] {
        day -= months[month];
        month += 1;
    }
    format!(
        "2026-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        month + 1,
        day + 1,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn video_id(k: u64) -> String {
    format!("vId{:08}", k % 100_000_000)
}

fn comment_json(out: &mut String, id: &str, video: &str, k: u64, parent: Option<&str>) {
    let who = if k % 11 == 5 {
        CHANNEL.to_string()
    } else {
        author(k)
    };
    let text = format!(
        "@user{} {} #{}{} https://mfa.uz/en/{k}",
        k % 900,
        words(k, 14),
        WORDS[(k % 16) as usize],
        k % 10
    );
    write!(
        out,
        r#"{{"kind":"youtube#comment","etag":"e{k}","id":"{id}","snippet":{{"channelId":"{CHANNEL}","videoId":"{video}","textDisplay":"{text}","textOriginal":"{text}","#
    )
    .expect("write to a string");
    if let Some(parent) = parent {
        write!(out, r#""parentId":"{parent}","#).expect("write to a string");
    }
    write!(
        out,
        r#""authorDisplayName":"@user{}","authorProfileImageUrl":"https://yt3.ggpht.com/u{}","authorChannelUrl":"http://www.youtube.com/@user{}","authorChannelId":{{"value":"{who}"}},"canRate":true,"viewerRating":"none","likeCount":{},"publishedAt":"{}","updatedAt":"{}"}}}}"#,
        k % 5_000,
        k % 5_000,
        k % 5_000,
        k % 40,
        time(k),
        time(k + (k % 3))
    )
    .expect("write to a string");
}

fn generate_api(n: u64, path: &Path) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    let mut page = String::with_capacity(512 * 1024);
    let mut written = 0u64;
    let mut k = 0u64;
    let mut pages = 0u64;
    while written < n {
        page.clear();
        pages += 1;
        if pages % 10 == 0 {
            page.push_str(r#"{"kind":"youtube#videoListResponse","etag":"v","items":["#);
            let mut first = true;
            for _ in 0..50 {
                if written >= n {
                    break;
                }
                k += 1;
                if !first {
                    page.push(',');
                }
                first = false;
                write!(
                    page,
                    r#"{{"kind":"youtube#video","etag":"e{k}","id":"{}","snippet":{{"publishedAt":"{}","channelId":"{CHANNEL}","title":"{} #MFAUzbekistan","description":"{} https://mfa.uz/en/press/{k} #Uzbekistan","thumbnails":{{"default":{{"url":"https://i.ytimg.com/vi/x/default.jpg","width":120,"height":90}}}},"channelTitle":"MFA Uzbekistan","tags":["MFA","Uzbekistan"],"categoryId":"25","liveBroadcastContent":"none","defaultLanguage":"en"}},"contentDetails":{{"duration":"PT4M{}S","dimension":"2d","definition":"hd","caption":"false","licensedContent":false}},"statistics":{{"viewCount":"{}","likeCount":"{}","favoriteCount":"0","commentCount":"{}"}}}}"#,
                    video_id(k),
                    time(k),
                    words(k, 8),
                    words(k + 3, 30),
                    k % 60,
                    k * 13 % 90_000,
                    k % 700,
                    k % 90
                )
                .expect("write to a string");
                written += 1;
            }
            page.push_str(r#"],"pageInfo":{"totalResults":50,"resultsPerPage":50}}"#);
        } else {
            page.push_str(r#"{"kind":"youtube#commentThreadListResponse","etag":"c","nextPageToken":"QURTSl9p","pageInfo":{"totalResults":100,"resultsPerPage":100},"items":["#);
            let mut first = true;
            for _ in 0..100 {
                if written >= n {
                    break;
                }
                k += 1;
                if !first {
                    page.push(',');
                }
                first = false;
                let video = video_id(k / 200);
                let id = format!("Ugz{k:016}4AaABAg");
                let replies = (n - written - 1).min(k % 3);
                write!(
                    page,
                    r#"{{"kind":"youtube#commentThread","etag":"t{k}","id":"{id}","snippet":{{"channelId":"{CHANNEL}","videoId":"{video}","topLevelComment":"#
                )
                .expect("write to a string");
                comment_json(&mut page, &id, &video, k, None);
                write!(
                    page,
                    r#","canReply":true,"totalReplyCount":{replies},"isPublic":true}}"#
                )
                .expect("write to a string");
                written += 1;
                if replies > 0 {
                    page.push_str(r#","replies":{"comments":["#);
                    for r in 0..replies {
                        if r > 0 {
                            page.push(',');
                        }
                        let reply_id = format!("{id}.9x{r:08}");
                        comment_json(&mut page, &reply_id, &video, k * 7 + r, Some(&id));
                        written += 1;
                    }
                    page.push_str("]}");
                }
                page.push('}');
            }
            page.push_str("]}");
        }
        page.push('\n');
        file.write_all(page.as_bytes())?;
    }
    file.flush()
}

fn generate_ytdt(n: u64, path: &Path) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    file.write_all(b"id\treplyCount\tlikeCount\tpublishedAt\tauthorName\ttext\tauthorChannelId\tauthorChannelUrl\tisReply\tisReplyTo\tisReplyToName\n")?;
    let mut line = String::with_capacity(1024);
    let mut top = String::new();
    for k in 0..n {
        line.clear();
        let is_reply = k % 3 == 2;
        let who = if k % 11 == 5 {
            CHANNEL.to_string()
        } else {
            author(k)
        };
        let date = time(k).replace('T', " ").replace('Z', "");
        let text = format!(
            "@user{} {} #{}{} https://mfa.uz/en/{k}",
            k % 900,
            words(k, 14),
            WORDS[(k % 16) as usize],
            k % 10
        );
        if is_reply {
            writeln!(
                line,
                "{top}.9x{k:08}\t\t{}\t{date}\t@user{}\t{text}\t{who}\thttp://www.youtube.com/@user{}\t1\t{top}\t@user{}",
                k % 40,
                k % 5_000,
                k % 5_000,
                (k - 1) % 5_000
            )
            .expect("write to a string");
        } else {
            top = format!("Ugz{k:016}4AaABAg");
            writeln!(
                line,
                "{top}\t{}\t{}\t{date}\t@user{}\t{text}\t{who}\thttp://www.youtube.com/@user{}\t0\t\t",
                k % 4,
                k % 40,
                k % 5_000,
                k % 5_000
            )
            .expect("write to a string");
        }
        file.write_all(line.as_bytes())?;
    }
    file.flush()
}

fn main() {
    let args = BenchArgs::from_env(&[&Api, &Ytdt]);
    let (format, n, dir) = (args.format, args.n, args.dir_or_temp());
    let info = dir.join("videoinfo_vId00000001_2026_03_02-14_10_00_basicinfo.tab");
    let (path, written) = if format == "youtube.api" {
        let path = dir.join(format!("youtube-api-bench-{n}.jsonl"));
        let written = generate_api(n, &path);
        (path, written)
    } else {
        let path = dir.join("videoinfo_vId00000001_2026_03_02-14_10_00_comments.tab");
        let written = std::fs::write(
            &info,
            format!("id\tvId00000001\npublished\t2026-01-01 00:00:00\nchannelId\t{CHANNEL}\n"),
        )
        .and_then(|()| generate_ytdt(n, &path));
        (path, written)
    };
    if let Err(e) = written {
        eprintln!("cannot write the synthetic file in {}: {e}", dir.display());
        std::process::exit(1);
    }
    let result = bench_import(args.importer, &ImportOptions::default(), format, &path);
    let _ = std::fs::remove_file(&path);
    if format == "youtube.ytdt" {
        let _ = std::fs::remove_file(&info);
    }
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

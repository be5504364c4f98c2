//! Import throughput of the CrowdTangle and Content Library importers.
//!
//! ```text
//! cargo run --release -p dipl-import-crowdtangle --example crowdtangle_bench -- <format-id> <n> [dir]
//! ```
//!
//! Writes a synthetic file of `n` posts in the format (`facebook.crowdtangle`,
//! `instagram.crowdtangle`, `facebook.content_library`, `instagram.content_library`) to `dir`
//! (default: the system temp dir), deterministic: 50 invented pages, templated texts with
//! hashtags, mentions and links, every post type, varied counters and some empty cells. Then it
//! imports the file into a sink that counts records and drops them, and prints one line:
//! `bench <format-id> posts=… bytes=… seconds=… posts_per_s=… mb_per_s=…`, and to stderr the
//! CPU time of the import (all threads; on a shared machine the wall clock says little).
//! `DRIVE_ONLY=1` also times the file through `dipl_ingest::csv::drive` with a row parser that
//! does nothing: the floor under every CSV importer.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::time::Instant;

use dipl_import_crowdtangle::importers;
use dipl_ingest::testing::{bench_import, process_cpu_seconds, BenchArgs};
use dipl_ingest::{ImportOptions, InputFile, VecSink};
use dipl_model::Record;

const WORDS: [&str; 16] = [
    "embassy",
    "minister",
    "talks",
    "summit",
    "cooperation",
    "visit",
    "statement",
    "consular",
    "partners",
    "security",
    "trade",
    "climate",
    "scholarships",
    "culture",
    "meeting",
    "citizens",
];

const OVERPERFORMING: &str = "Overperforming Score (weighted  \u{2014}  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )";

/// RFC 4180 quoting.
fn cell(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(out, c);
    }
    out.push('\n');
}

fn word(i: u64, k: u64) -> &'static str {
    WORDS[((i.wrapping_mul(2_654_435_761) >> (k * 4)) % 16) as usize]
}

fn message(i: u64) -> String {
    format!(
        "The {} and the {} on {}, with @partner_{}: #{}{} more at https://mfa{}.example.org/news/{i}",
        word(i, 1),
        word(i, 2),
        word(i, 3),
        i % 40,
        word(i, 4),
        i % 30,
        i % 50
    )
}

/// `2021-MM-DD HH:MM:SS` local time and its CET/CEST abbreviation.
fn local_time(i: u64) -> (String, &'static str) {
    let month = 1 + i % 12;
    let zone = if (4..=9).contains(&month) {
        "CEST"
    } else {
        "CET"
    };
    (
        format!(
            "2021-{month:02}-{:02} {:02}:{:02}:{:02}",
            1 + i % 28,
            i % 24,
            i % 60,
            (i * 7) % 60
        ),
        zone,
    )
}

fn generate(format: &str, n: u64, path: &Path) -> std::io::Result<()> {
    let mut file = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut buf = String::with_capacity(1 << 20);
    match format {
        "facebook.crowdtangle" => buf.push_str(&format!("Page Name,User Name,Facebook Id,Page Category,Page Admin Top Country,Page Description,Page Created,Likes at Posting,Followers at Posting,Post Created,Post Created Date,Post Created Time,Type,Total Interactions,Likes,Comments,Shares,Love,Wow,Haha,Sad,Angry,Care,Video Share Status,Is Video Owner?,Post Views,Total Views,Total Views For All Crossposts,Video Length,URL,Message,Link,Final Link,Image Text,Link Text,Description,Sponsor Id,Sponsor Name,Sponsor Category,{OVERPERFORMING}\n")),
        "instagram.crowdtangle" => buf.push_str("Account,User Name,Followers at Posting,Post Created,Post Created Date,Post Created Time,Type,Total Interactions,Likes,Comments,Views,URL,Link,Photo,Title,Description,Image Text,Sponsor Id,Sponsor Name,Overperforming Score (weighted  \u{2014}  Likes 1x Comments 1x )\n"),
        "facebook.content_library" => buf.push_str("id,creation_time,modified_time,text,lang,match_type,is_verified,content_type,is_branded_content,mcl_url,statistics.like_count,statistics.love_count,statistics.wow_count,statistics.haha_count,statistics.sad_count,statistics.angry_count,statistics.care_count,statistics.reaction_count,statistics.comment_count,statistics.share_count,statistics.views,view_date_last_refreshed,post_owner.type,post_owner.id,post_owner.name,post_owner.username,surface.type,surface.id,surface.name,surface.username,multimedia,link_attachment.link,link_attachment.name,link_attachment.caption,link_attachment.description,shared_post_id\n"),
        "instagram.content_library" => buf.push_str("id,creation_time,modified_time,text,lang,match_type,is_verified,content_type,is_branded_content,mcl_url,hashtags,statistics.like_count,statistics.comment_count,statistics.views,view_date_last_refreshed,post_owner.type,post_owner.id,post_owner.name,post_owner.username,multimedia\n"),
        other => {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("unknown format `{other}`"),
            ))
        }
    }
    let mut num = String::new();
    for i in 0..n {
        let page = i % 50;
        let page_id = format!("{}", 100_064_000_000_000 + page * 7919);
        let handle = format!("EmbassyPage{page}");
        let name = format!("Embassy of Examplestan in City {page}");
        let (when, zone) = local_time(i);
        let text = message(i);
        let c = |k: u64| (i.wrapping_mul(k) >> 3) % (50 + page * 20);
        num.clear();
        let counters: Vec<String> = (1..=9)
            .map(|k| {
                if i % 97 == 0 {
                    String::new()
                } else {
                    c(k * 31 + 7).to_string()
                }
            })
            .collect();
        match format {
            "facebook.crowdtangle" => {
                let types = [
                    "Status",
                    "Photo",
                    "Link",
                    "Native Video",
                    "Album",
                    "YouTube",
                ];
                let t = types[(i % 6) as usize];
                let post_id = 3_800_000_000_000_000 + i;
                let url = format!("https://www.facebook.com/{handle}/posts/{post_id}");
                let link = match t {
                    "Photo" | "Album" => format!(
                        "https://www.facebook.com/{handle}/photos/a.{page}/{}/",
                        post_id + 7
                    ),
                    "Native Video" => {
                        format!("https://www.facebook.com/{handle}/videos/{}/", post_id + 9)
                    }
                    "Link" => format!("https://bit.ly/x{i}"),
                    "YouTube" => format!("https://www.youtube.com/watch?v=v{i}"),
                    _ => String::new(),
                };
                let final_link = if t == "Link" {
                    format!("https://mfa{}.example.org/news/{i}", page)
                } else {
                    String::new()
                };
                let views = if t == "Native Video" {
                    (c(77) * 40).to_string()
                } else {
                    "0".into()
                };
                let followers = (10_000 + page * 1_000 + i / 1000).to_string();
                let likes_at = (9_500 + page * 950 + i / 1000).to_string();
                row(
                    &mut buf,
                    &[
                        &name,
                        &handle,
                        &page_id,
                        "EMBASSY_CONSULATE",
                        "KZ",
                        "Official page. Views are our own.",
                        "2012-03-04 05:06:07",
                        &likes_at,
                        &followers,
                        &format!("{when} {zone}"),
                        &when[..10],
                        &when[11..],
                        t,
                        "1,234",
                        &counters[0],
                        &counters[1],
                        &counters[2],
                        &counters[3],
                        &counters[4],
                        &counters[5],
                        &counters[6],
                        &counters[7],
                        &counters[8],
                        if t == "Native Video" { "owned" } else { "" },
                        if t == "Native Video" { "Yes" } else { "-" },
                        &views,
                        &views,
                        &views,
                        if t == "Native Video" { "00:01:30" } else { "" },
                        &url,
                        &text,
                        &link,
                        &final_link,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "1.25",
                    ],
                );
            }
            "instagram.crowdtangle" => {
                let types = ["Photo", "Album", "Video"];
                let t = types[(i % 3) as usize];
                let code = format!("C{i:010}x");
                let url = format!("https://www.instagram.com/p/{code}/");
                let views = if t == "Video" {
                    (c(77) * 40).to_string()
                } else {
                    "0".into()
                };
                row(
                    &mut buf,
                    &[
                        &name,
                        &handle.to_lowercase(),
                        &(10_000 + page * 1_000).to_string(),
                        &format!("{when} {zone}"),
                        &when[..10],
                        &when[11..],
                        t,
                        "1,234",
                        &counters[0],
                        &counters[1],
                        &views,
                        &url,
                        &url,
                        &format!("https://scontent.example/{code}.jpg"),
                        "",
                        &text,
                        "",
                        "",
                        "",
                        "1.10",
                    ],
                );
            }
            "facebook.content_library" => {
                let types = ["photo", "status", "link", "videos", "albums"];
                let t = types[(i % 5) as usize];
                let created = format!("{}T{}+0000", &when[..10], &when[11..]);
                let link = if t == "link" {
                    format!("https://mfa{}.example.org/news/{i}", page)
                } else {
                    String::new()
                };
                let shared = if i % 23 == 0 {
                    (730_000_000_000_000 + i + 1).to_string()
                } else {
                    String::new()
                };
                let _ = write!(num, "{}", 730_000_000_000_000 + i);
                let owner = (918_200_000_000_000 + page).to_string();
                row(
                    &mut buf,
                    &[
                        &num,
                        &created,
                        &created,
                        &text,
                        "en",
                        "",
                        "True",
                        t,
                        "False",
                        &format!("https://www.facebook.com/contentlibrary/post/{num}"),
                        &counters[0],
                        &counters[1],
                        &counters[2],
                        &counters[3],
                        &counters[4],
                        &counters[5],
                        &counters[6],
                        "",
                        &counters[7],
                        &counters[8],
                        &(c(77) * 40 + 100).to_string(),
                        "2024-04-02",
                        "page",
                        &owner,
                        &name,
                        &handle,
                        "page",
                        &owner,
                        &name,
                        &handle,
                        "[{'type': 'photo'}]",
                        &link,
                        "",
                        "",
                        "",
                        &shared,
                    ],
                );
            }
            _ => {
                let types = ["photo", "albums", "reels"];
                let t = types[(i % 3) as usize];
                let created = format!("{}T{}+0000", &when[..10], &when[11..]);
                let _ = write!(num, "{}", 880_000_000_000_000 + i);
                row(
                    &mut buf,
                    &[
                        &num,
                        &created,
                        &created,
                        &text,
                        "en",
                        "",
                        "True",
                        t,
                        "False",
                        &format!("https://www.instagram.com/contentlibrary/post/{num}"),
                        &format!("['{}{}']", word(i, 4), i % 30),
                        &counters[0],
                        &counters[1],
                        &(c(77) * 40 + 100).to_string(),
                        "2024-04-02",
                        "business",
                        &(177_700_000_000_000 + page).to_string(),
                        &name,
                        &handle.to_lowercase(),
                        "[{'type': 'photo'}]",
                    ],
                );
            }
        }
        if buf.len() > (1 << 20) - 4096 {
            file.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    file.write_all(buf.as_bytes())?;
    file.flush()
}

/// `DRIVE_ONLY=1`: the same file through `dipl_ingest::csv::drive` with a row parser that
/// does nothing, the floor any CSV importer stands on (printed to stderr).
fn drive_only(path: &Path) {
    struct Noop;
    impl dipl_ingest::csv::RowParser for Noop {
        fn parse(
            &self,
            row: &dipl_ingest::csv::Row<'_>,
            _: &mut Vec<Record>,
            _: &mut Vec<String>,
        ) -> Result<(), dipl_ingest::json::RecordError> {
            std::hint::black_box(row.get(Some(0)));
            Ok(())
        }
    }
    let mut sink = VecSink::default();
    let cpu_before = process_cpu_seconds();
    let started = Instant::now();
    let stats = InputFile::from_path(path).open().and_then(|mut reader| {
        dipl_ingest::csv::drive(&mut reader, &ImportOptions::default(), &mut sink, |_, _| {
            Ok(Noop)
        })
    });
    let seconds = started.elapsed().as_secs_f64();
    let cpu = process_cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    match stats {
        Ok(stats) => eprintln!(
            "drive only: rows={} seconds={seconds:.3} rows_per_s={:.0} cpu_seconds={:.2}",
            stats.records_seen,
            stats.records_seen as f64 / seconds,
            cpu.unwrap_or(f64::NAN)
        ),
        Err(e) => eprintln!("drive only failed: {e}"),
    }
}

fn main() {
    let all = importers();
    let args = BenchArgs::from_env(&all);
    let (format, n) = (args.format, args.n);
    let path = args.dir_or_temp().join(format!("bench-{format}-{n}.csv"));
    if let Err(e) = generate(format, n, &path) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    if std::env::var_os("DRIVE_ONLY").is_some() {
        drive_only(&path);
    }
    let result = bench_import(args.importer, &ImportOptions::default(), format, &path);
    let _ = std::fs::remove_file(&path);
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

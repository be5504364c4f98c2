//! Import throughput of the Meta Graph importers on a synthetic harvest.
//!
//! ```text
//! cargo run --release -p dipl-import-facebook --example facebook_bench -- <format-id> <n> [dir]
//! ```
//!
//! Writes `n` posts (media for Instagram) as Graph API pages of 25 in JSON Lines, as a page-feed
//! harvest saves them (`facebook.graph`: `/{page-id}/posts` with reactions, aliased reaction
//! breakdowns, shares and three or four comments per post, one of them answered by the page;
//! `instagram.graph`: `/{ig-user-id}/media` with comments and replies), into `dir` (kept) or the
//! system temp dir (removed afterwards); then imports it into a counting sink and prints one
//! line. `posts` counts every post record emitted: posts and comments.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::PathBuf;
use std::time::Instant;

use dipl_import_facebook::{FacebookGraph, InstagramGraph};
use dipl_ingest::testing::{bench_import, BenchArgs};
use dipl_ingest::ImportOptions;

const WORDS: [&str; 16] = [
    "embassy",
    "partnership",
    "scholarship",
    "visit",
    "statement",
    "consular",
    "forum",
    "culture",
    "students",
    "trade",
    "climate",
    "water",
    "festival",
    "minister",
    "Astana",
    "Almaty",
];

fn words(seed: u64, n: usize) -> String {
    let mut out = String::new();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[(x % 16) as usize]);
    }
    out
}

fn time(seconds: u64) -> String {
    // 2024-01-01T00:00:00Z plus `seconds`, in Graph's spelling, days within one month kept
    // simple: the generator only needs varied, valid times.
    let day = 1 + (seconds / 86_400) % 28;
    let month = 1 + (seconds / (86_400 * 28)) % 12;
    format!(
        "2024-{month:02}-{day:02}T{:02}:{:02}:{:02}+0000",
        (seconds / 3600) % 24,
        (seconds / 60) % 60,
        seconds % 60
    )
}

const PAGE: &str = "612345678901234";

fn facebook_post(out: &mut String, i: u64) {
    let post = 801_000_000_000_000 + i;
    let (like, love, wow, haha, sad, angry) = (i % 97, i % 13, i % 3, i % 5, i % 2, i % 4);
    let total = like + love + wow + haha + sad + angry;
    write!(
        out,
        r#"{{"id":"{PAGE}_{post}","from":{{"name":"EU in Kazakhstan","id":"{PAGE}"}},"message":"Today the {} #EUinKZ #{}{} https://eeas.europa.eu/kz/{i}","created_time":"{}","updated_time":"{}","permalink_url":"https://www.facebook.com/{PAGE}/posts/{post}","full_picture":"https://scontent.xx.fbcdn.net/v/t39.30808-6/{post}_n.jpg","status_type":"added_photos","is_published":true,"attachments":{{"data":[{{"media":{{"image":{{"height":720,"src":"https://scontent.xx.fbcdn.net/v/t39.30808-6/{post}_n.jpg","width":960}}}},"media_type":"photo","type":"photo","url":"https://www.facebook.com/photo.php?fbid={post}"}}]}},"shares":{{"count":{}}},"reactions":{{"data":[],"summary":{{"total_count":{total},"viewer_reaction":"NONE"}}}},"reactions_like":{{"data":[],"summary":{{"total_count":{like}}}}},"reactions_love":{{"data":[],"summary":{{"total_count":{love}}}}},"reactions_wow":{{"data":[],"summary":{{"total_count":{wow}}}}},"reactions_haha":{{"data":[],"summary":{{"total_count":{haha}}}}},"reactions_sad":{{"data":[],"summary":{{"total_count":{sad}}}}},"reactions_angry":{{"data":[],"summary":{{"total_count":{angry}}}}},"comments":{{"data":["#,
        words(i, 14),
        WORDS[(i % 16) as usize],
        i % 40,
        time(i * 3607),
        time(i * 3607 + 5000),
        i % 31,
    )
    .expect("write to a string");
    let n_comments = 3 + i % 2;
    for c in 0..n_comments {
        if c > 0 {
            out.push(',');
        }
        let comment = 7_100_000_000_000_000 + i * 10 + c;
        let user = 5_810_000_000_000_000 + (i * 7 + c * 13) % 50_000;
        write!(
            out,
            r#"{{"id":"{post}_{comment}","from":{{"name":"Citizen {user}","id":"{user}"}},"message":"{}?","created_time":"{}","like_count":{},"comment_count":{}"#,
            words(comment, 8),
            time(i * 3607 + 600 * (c + 1)),
            c % 4,
            u64::from(c == 0)
        )
        .expect("write to a string");
        if c == 0 {
            write!(
                out,
                r#","comments":{{"data":[{{"id":"{post}_{}","from":{{"name":"EU in Kazakhstan","id":"{PAGE}"}},"message":"Dear citizen, {}.","created_time":"{}","like_count":1,"comment_count":0}}],"summary":{{"order":"chronological","total_count":1,"can_comment":true}}}}"#,
                comment + 5,
                words(comment + 5, 10),
                time(i * 3607 + 4000)
            )
            .expect("write to a string");
        }
        out.push('}');
    }
    write!(
        out,
        r#"],"paging":{{"cursors":{{"before":"QVFIUmJ2","after":"QVFIUk5v"}}}},"summary":{{"order":"ranked","total_count":{},"can_comment":true}}}}}}"#,
        n_comments + 1 + i % 7
    )
    .expect("write to a string");
}

fn instagram_media(out: &mut String, i: u64) {
    let user = "17841401234567890";
    let media = 18_020_000_000_000_000 + i;
    write!(
        out,
        r#"{{"id":"{media}","caption":"{} @alliancefr_astana #FranceKZ #{}{}","media_type":"IMAGE","media_product_type":"FEED","media_url":"https://scontent.cdninstagram.com/v/t51.29350-15/{media}_n.jpg","permalink":"https://www.instagram.com/p/C{media}/","shortcode":"C{media}","timestamp":"{}","username":"france_in_kazakhstan","like_count":{},"comments_count":{},"is_comment_enabled":true,"comments":{{"data":["#,
        words(i, 16),
        WORDS[(i % 16) as usize],
        i % 40,
        time(i * 3607),
        i % 400,
        4 + i % 9
    )
    .expect("write to a string");
    for c in 0..3u64 {
        if c > 0 {
            out.push(',');
        }
        let comment = 17_900_000_000_000_000 + i * 10 + c;
        let commenter = 17_840_000_000_000_000 + (i * 7 + c * 13) % 50_000;
        write!(
            out,
            r#"{{"id":"{comment}","text":"{} 😍","timestamp":"{}","username":"user.{commenter}","like_count":{},"from":{{"id":"{commenter}","username":"user.{commenter}"}}"#,
            words(comment, 7),
            time(i * 3607 + 600 * (c + 1)),
            c % 3
        )
        .expect("write to a string");
        if c == 0 {
            write!(
                out,
                r#","replies":{{"data":[{{"id":"{}","text":"@user.{commenter} merci ! {}","timestamp":"{}","username":"france_in_kazakhstan","like_count":1,"from":{{"id":"{user}","username":"france_in_kazakhstan"}}}}]}}"#,
                comment + 5,
                words(comment + 5, 6),
                time(i * 3607 + 4000)
            )
            .expect("write to a string");
        }
        out.push('}');
    }
    out.push_str(r#"],"paging":{"cursors":{"before":"QVFIUmlB","after":"QVFIUmlC"}}}}"#);
}

fn generate(format: &str, path: &PathBuf, n: u64) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    let mut page = String::with_capacity(256 * 1024);
    let mut written = 0;
    while written < n {
        page.clear();
        page.push_str(r#"{"data":["#);
        let k = (n - written).min(25);
        for j in 0..k {
            if j > 0 {
                page.push(',');
            }
            if format == "facebook.graph" {
                facebook_post(&mut page, written + j);
            } else {
                instagram_media(&mut page, written + j);
            }
        }
        let next = if format == "facebook.graph" {
            format!("https://graph.facebook.com/v19.0/{PAGE}/posts?limit=25&after=QVFI{written}")
        } else {
            format!("https://graph.facebook.com/v19.0/17841401234567890/media?limit=25&after=QVFI{written}")
        };
        write!(
            page,
            r#"],"paging":{{"cursors":{{"before":"QVFIUmFr","after":"QVFIUnpj"}},"next":"{next}"}}}}"#
        )
        .expect("write to a string");
        page.push('\n');
        file.write_all(page.as_bytes())?;
        written += k;
    }
    file.flush()
}

fn main() {
    let args = BenchArgs::from_env(&[&FacebookGraph, &InstagramGraph]);
    let (format, n) = (args.format, args.n);
    let path = args
        .dir_or_temp()
        .join(format!("{format}-bench-{n}-{}.jsonl", std::process::id()));
    let started = Instant::now();
    if let Err(e) = generate(format, &path, n) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    eprintln!(
        "generated {n} posts in {:.1} s: {}",
        started.elapsed().as_secs_f64(),
        path.display()
    );
    let result = bench_import(args.importer, &ImportOptions::default(), format, &path);
    if args.dir.is_none() {
        let _ = std::fs::remove_file(&path);
    }
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

//! Parsing throughput of the twarc2 importer: reads a twarc2 JSONL file into a counting sink
//! (no store) and prints the `bench twitter.twarc2 posts=… bytes=… seconds=… posts_per_s=…
//! mb_per_s=…` line of every importer benchmark (every tweet translated into a post, referenced
//! ones included).
//!
//! ```text
//! cargo run --release -p dipl-import-twitter --example twarc2_bench -- [FILE | --generate N]
//! ```
//!
//! Without a file, it writes N (default 200,000) synthetic tweets as twarc2 pages of 100 (with
//! `includes` users, referenced tweets and media, entities, context annotations, as the v2 API
//! returns them) to a temporary file first. Any real harvest, or `diplometrics synth` output,
//! can be given instead.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::PathBuf;
use std::time::Instant;

use dipl_import_twitter::Twarc2;
use dipl_ingest::testing::bench_import;
use dipl_ingest::ImportOptions;

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
    "support",
    "today",
    "meeting",
    "citizens",
];

fn user(out: &mut String, id: u64) {
    write!(
        out,
        r#"{{"id":"{id}","username":"user_{id}","name":"User {id}","created_at":"2015-03-0{}T10:00:00.000Z","description":"Official account number {id}. Views are my own.","location":"Strelsau","verified":{},"protected":false,"profile_image_url":"https://pbs.twimg.com/profile_images/{id}/photo_normal.jpg","url":"","public_metrics":{{"followers_count":{},"following_count":{},"tweet_count":{},"listed_count":{}}}}}"#,
        1 + id % 9,
        id % 7 == 0,
        id * 37 % 100_000,
        id % 2000,
        id * 13 % 50_000,
        id % 300
    )
    .expect("write to a string");
}

fn tweet(out: &mut String, id: u64, author: u64, reference: Option<(&str, u64)>) {
    let w = |k: u64| WORDS[((id.wrapping_mul(2_654_435_761) >> (k * 4)) % 16) as usize];
    let text = format!(
        "The {} and the {} on {} with @user_{} #{}{} https://t.co/x{id}",
        w(1),
        w(2),
        w(3),
        author + 1,
        w(4),
        id % 50
    );
    write!(
        out,
        r#"{{"id":"{id}","text":"{text}","author_id":"{author}","conversation_id":"{id}","created_at":"2022-03-{:02}T{:02}:{:02}:00.000Z","lang":"en","possibly_sensitive":false,"reply_settings":"everyone","source":"Twitter Web App","edit_history_tweet_ids":["{id}"],"#,
        1 + id % 28,
        id % 24,
        id % 60
    )
    .expect("write to a string");
    if let Some((kind, target)) = reference {
        write!(
            out,
            r#""referenced_tweets":[{{"type":"{kind}","id":"{target}"}}],"#
        )
        .expect("write to a string");
        if kind == "replied_to" {
            write!(out, r#""in_reply_to_user_id":"{}","#, author + 2).expect("write");
        }
    }
    write!(
        out,
        r#""entities":{{"hashtags":[{{"start":40,"end":52,"tag":"{}{}"}}],"mentions":[{{"start":30,"end":39,"username":"user_{}","id":"{}"}}],"urls":[{{"start":60,"end":83,"url":"https://t.co/x{id}","expanded_url":"https://mfa.example.org/news/{id}","display_url":"mfa.example.org/news/{id}","status":200,"unwound_url":"https://mfa.example.org/news/{id}"}}],"annotations":[{{"start":4,"end":10,"probability":0.61,"type":"Other","normalized_text":"{}"}}]}},"context_annotations":[{{"domain":{{"id":"10","name":"Person","description":"Named people in the world like Nelson Mandela"}},"entity":{{"id":"1059669906201862144","name":"Someone","description":"A person"}}}},{{"domain":{{"id":"35","name":"Politician","description":"Politicians in the world, like Joe Biden"}},"entity":{{"id":"10038764303","name":"Someone","description":"A politician"}}}}],"attachments":{{"media_keys":["3_{id}"]}},"public_metrics":{{"retweet_count":{},"reply_count":{},"like_count":{},"quote_count":{},"bookmark_count":{},"impression_count":{}}}}}"#,
        w(4),
        id % 50,
        author + 1,
        author + 1,
        w(1),
        id % 40,
        id % 9,
        id % 300,
        id % 5,
        id % 11,
        id * 7 % 90_000
    )
    .expect("write to a string");
}

fn generate(path: &PathBuf, n_tweets: u64) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    let mut page = String::with_capacity(512 * 1024);
    let mut id = 1_500_000_000_000_000_000u64;
    let mut written = 0;
    while written < n_tweets {
        page.clear();
        page.push_str(r#"{"data":["#);
        let n = (n_tweets - written).min(100);
        let mut referenced = Vec::new();
        for i in 0..n {
            if i > 0 {
                page.push(',');
            }
            id += 1;
            let author = 1000 + id % 50;
            let reference = match id % 10 {
                0..=2 => Some(("retweeted", id + 5_000_000)),
                3 | 4 => Some(("replied_to", id + 6_000_000)),
                5 => Some(("quoted", id + 7_000_000)),
                _ => None,
            };
            if let Some((_, target)) = reference {
                referenced.push(target);
            }
            tweet(&mut page, id, author, reference);
        }
        page.push_str(r#"],"includes":{"users":["#);
        for (i, u) in (1000..1060u64).enumerate() {
            if i > 0 {
                page.push(',');
            }
            user(&mut page, u);
        }
        page.push_str(r#"],"tweets":["#);
        for (i, target) in referenced.iter().enumerate() {
            if i > 0 {
                page.push(',');
            }
            tweet(&mut page, *target, 1020 + target % 30, None);
        }
        page.push_str(r#"],"media":["#);
        for i in 0..n {
            if i > 0 {
                page.push(',');
            }
            write!(
                page,
                r#"{{"media_key":"3_{}","type":"photo","url":"https://pbs.twimg.com/media/{}.jpg","width":1200,"height":800}}"#,
                id - i,
                id - i
            )
            .expect("write to a string");
        }
        write!(
            page,
            r#"]}},"meta":{{"result_count":{n},"newest_id":"{id}","oldest_id":"{}"}},"__twarc":{{"url":"https://api.twitter.com/2/users/1000/tweets?max_results=100","version":"2.14.0","retrieved_at":"2022-04-01T00:00:00+00:00"}}}}"#,
            id - n + 1
        )
        .expect("write to a string");
        page.push('\n');
        file.write_all(page.as_bytes())?;
        written += n;
    }
    file.flush()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, generated) = match args.as_slice() {
        [flag, n] if flag == "--generate" => (None, n.parse().expect("--generate N")),
        [file] => (Some(PathBuf::from(file)), 0),
        [] => (None, 200_000),
        _ => {
            eprintln!("usage: twarc2_bench [FILE | --generate N]");
            std::process::exit(1);
        }
    };
    let (path, temporary) = match path {
        Some(path) => (path, false),
        None => {
            let path =
                std::env::temp_dir().join(format!("twarc2-bench-{}.jsonl", std::process::id()));
            let started = Instant::now();
            generate(&path, generated).expect("write the synthetic file");
            eprintln!(
                "generated {generated} tweets in {:.1} s: {}",
                started.elapsed().as_secs_f64(),
                path.display()
            );
            (path, true)
        }
    };
    if std::env::var_os("PARSE_ONLY").is_some() {
        // Deserialisation alone, one thread: the share of the time spent in serde.
        let bytes = std::fs::read(&path).expect("read");
        let started = Instant::now();
        let mut n = 0usize;
        for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let page: dipl_import_twitter::twarc2::raw::Object<'_> =
                serde_json::from_slice(line).expect("valid JSON");
            n += page.data.as_ref().map_or(0, |d| d.as_slice().len());
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "parse only, 1 thread: {n} data tweets in {seconds:.2} s, {:.1} MB/s",
            bytes.len() as f64 / 1e6 / seconds
        );
    }
    let result = bench_import(&Twarc2, &ImportOptions::default(), "twitter.twarc2", &path);
    if temporary {
        let _ = std::fs::remove_file(&path);
    }
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

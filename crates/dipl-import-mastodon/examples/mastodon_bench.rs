//! Import throughput of the Mastodon importers on a synthetic file.
//!
//! ```text
//! cargo run --release -p dipl-import-mastodon --example mastodon_bench -- <format-id> <n> [dir]
//! ```
//!
//! `mastodon.archive` writes an `outbox.json` of `n` activities as Mastodon's archive writes
//! them (one line, the duplicate empty `orderedItems` included): public originals with
//! hashtags, links and photos, self-replies and replies to others, boosts, and a few direct and
//! followers-only statuses. `mastodon.api` writes `n` statuses as JSON Lines of pages of 40
//! (`GET /api/v1/accounts/:id/statuses`), with embedded accounts, boosts carrying the boosted
//! status, mentions, tags, media, cards and counters. The file goes to `dir` (kept) or the
//! system temp dir (removed); it is then imported into a counting sink (records are counted on
//! another thread and dropped) and one line is printed:
//!
//! `bench <format-id> posts=<posts emitted> bytes=<file size> seconds=<s> posts_per_s=<r> mb_per_s=<m>`
//!
//! With `BENCH_INPUT=FILE` in the environment, FILE is imported instead (nothing generated).

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dipl_import_mastodon::{Api, Archive};
use dipl_ingest::testing::{bench_import, BenchArgs};
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

const HOST: &str = "social.example-mfa.gov";

fn word(i: u64, k: u64) -> &'static str {
    WORDS[((i.wrapping_mul(2_654_435_761) >> (k * 4)) % 16) as usize]
}

/// A status's HTML content: text, and on some statuses a mention, a hashtag, a shortened link
/// and entities (about the sizes of a real archive: 1.8 KB per activity on average).
fn content(i: u64) -> String {
    let mut html = format!(
        "<p>The {} and the {} on {}",
        word(i, 1),
        word(i, 2),
        word(i, 3)
    );
    if i % 2 == 0 {
        write!(
            html,
            " with <span class=\\\"h-card\\\" translate=\\\"no\\\"><a href=\\\"https://eu.example-diplo.social/@delegate{d}\\\" class=\\\"u-url mention\\\">@<span>delegate{d}</span></a></span> &amp; partners",
            d = i % 50
        )
        .expect("write to a string");
    }
    if i % 3 == 0 {
        write!(
            html,
            ". <a href=\\\"https://{HOST}/tags/{w}{t}\\\" class=\\\"mention hashtag\\\" rel=\\\"tag\\\">#<span>{w}{t}</span></a>",
            w = word(i, 4),
            t = i % 30
        )
        .expect("write to a string");
    }
    html.push_str("</p>");
    if i % 3 == 1 {
        write!(
            html,
            "<p>We&#39;re sharing the details:<br /><a href=\\\"https://mfa.example.gov/news/{i}\\\" target=\\\"_blank\\\" rel=\\\"nofollow noopener noreferrer\\\" translate=\\\"no\\\"><span class=\\\"invisible\\\">https://</span><span class=\\\"\\\">mfa.example.gov/news/{i}</span><span class=\\\"invisible\\\"></span></a></p>"
        )
        .expect("write to a string");
    }
    html
}

fn time(i: u64) -> String {
    format!(
        "2024-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        1 + (i / 40_000) % 12,
        1 + (i / 1_500) % 28,
        (i / 60) % 24,
        i % 60,
        (i * 7) % 60
    )
}

fn generate_outbox(path: &Path, n: u64) -> std::io::Result<()> {
    let me = format!("https://{HOST}/users/mfa_kz");
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    write!(
        file,
        r#"{{"@context":["https://www.w3.org/ns/activitystreams",{{"ostatus":"http://ostatus.org#","atomUri":"ostatus:atomUri","conversation":"ostatus:conversation","sensitive":"as:sensitive","Hashtag":"as:Hashtag"}}],"id":"outbox.json","type":"OrderedCollection","totalItems":{n},"orderedItems":[],"orderedItems":["#
    )?;
    let mut a = String::with_capacity(8 * 1024);
    for i in 0..n {
        a.clear();
        if i > 0 {
            a.push(',');
        }
        let id = 112_000_000_000_000_000 + i * 1_000;
        let published = time(i);
        if i % 10 == 9 {
            write!(
                a,
                r#"{{"id":"{me}/statuses/{id}/activity","type":"Announce","actor":"{me}","published":"{published}","to":["{public}"],"cc":["https://eu.example-diplo.social/users/delegate{d}","{me}/followers"],"object":"https://eu.example-diplo.social/users/delegate{d}/statuses/{o}"}}"#,
                d = i % 50,
                o = id - 500
            )
            .expect("write to a string");
        } else {
            let (to, cc) = match i % 50 {
                7 => (
                    format!("\"https://social.example.org/users/citizen{}\"", i % 97),
                    String::new(),
                ),
                13 => (format!("\"{me}/followers\""), String::new()),
                _ => (
                    format!("\"{public}\""),
                    format!(
                        "\"{me}/followers\",\"https://eu.example-diplo.social/users/delegate{}\"",
                        i % 50
                    ),
                ),
            };
            let reply = match i % 10 {
                3 | 4 => format!("\"{me}/statuses/{}\"", id - 1_000),
                5 => format!(
                    "\"https://social.example.org/users/citizen{}/statuses/{}\"",
                    i % 97,
                    id - 300
                ),
                _ => "null".into(),
            };
            let html = content(i);
            let attachment = if i % 4 == 0 {
                format!(
                    r#"[{{"type":"Document","mediaType":"image/jpeg","url":"/media_attachments/files/{id}/original/a.jpeg","name":"Photo of the {} meeting","blurhash":"LEHV6nWB2yk8pyo0adR*.7kCMdnj","focalPoint":[0.0,0.0],"width":1280,"height":853}}]"#,
                    word(i, 5)
                )
            } else {
                "[]".into()
            };
            write!(
                a,
                r##"{{"id":"{me}/statuses/{id}/activity","type":"Create","actor":"{me}","published":"{published}","to":[{to}],"cc":[{cc}],"object":{{"id":"{me}/statuses/{id}","type":"Note","summary":null,"inReplyTo":{reply},"published":"{published}","url":"https://{HOST}/@mfa_kz/{id}","attributedTo":"{me}","to":[{to}],"cc":[{cc}],"sensitive":false,"atomUri":"{me}/statuses/{id}","inReplyToAtomUri":{reply},"conversation":"tag:{HOST},2024-01-01:objectId={c}:objectType=Conversation","content":"{html}","contentMap":{{"en":"{html}"}},"attachment":{attachment},"tag":[{{"type":"Mention","href":"https://eu.example-diplo.social/users/delegate{d}","name":"@delegate{d}@eu.example-diplo.social"}},{{"type":"Hashtag","href":"https://{HOST}/tags/{w}{t}","name":"#{w}{t}"}}],"replies":{{"id":"{me}/statuses/{id}/replies","type":"Collection","first":{{"type":"CollectionPage","next":"{me}/statuses/{id}/replies?only_other_accounts=true&page=true","partOf":"{me}/statuses/{id}/replies","items":[]}}}}}}}}"##,
                c = i / 3,
                d = i % 50,
                w = word(i, 4),
                t = i % 30,
            )
            .expect("write to a string");
        }
        file.write_all(a.as_bytes())?;
    }
    file.write_all(b"]}")?;
    file.flush()
}

fn api_account(out: &mut String, local_id: u64, user: &str, host: &str, local: bool) {
    let acct = if local {
        user.to_string()
    } else {
        format!("{user}@{host}")
    };
    write!(
        out,
        r#"{{"id":"{local_id}","username":"{user}","acct":"{acct}","display_name":"Account {user}","locked":false,"bot":false,"discoverable":true,"group":false,"created_at":"2023-02-14T00:00:00.000Z","note":"<p>Official account {user} (synthetic).</p>","url":"https://{host}/@{user}","avatar":"https://{host}/avatars/{user}.png","avatar_static":"https://{host}/avatars/{user}.png","header":"https://{host}/headers/missing.png","header_static":"https://{host}/headers/missing.png","followers_count":{},"following_count":{},"statuses_count":{},"last_status_at":"2024-05-10","emojis":[],"fields":[]}}"#,
        local_id * 37 % 100_000,
        local_id % 2_000,
        local_id * 13 % 50_000
    )
    .expect("write to a string");
}

fn api_status(out: &mut String, i: u64, reblog: bool) {
    let id = 112_000_000_000_000_000 + i * 1_000;
    let created = time(i);
    let (user, host, local, uri) = if reblog {
        let d = i % 50;
        (
            format!("delegate{d}"),
            "eu.example-diplo.social",
            false,
            format!(
                "https://eu.example-diplo.social/users/delegate{d}/statuses/{}",
                id - 500
            ),
        )
    } else {
        (
            "mfa_kz".to_string(),
            HOST,
            true,
            format!("https://{HOST}/users/mfa_kz/statuses/{id}"),
        )
    };
    let (reply, reply_account) = match i % 10 {
        3 | 4 if !reblog => (
            format!("\"{}\"", id - 1_000),
            "\"109876543210001\"".to_string(),
        ),
        _ => ("null".to_string(), "null".to_string()),
    };
    write!(
        out,
        r#"{{"id":"{id}","created_at":"{created}","in_reply_to_id":{reply},"in_reply_to_account_id":{reply_account},"sensitive":false,"spoiler_text":"","visibility":"public","language":"en","uri":"{uri}","url":"https://{host}/@{user}/{id}","replies_count":{},"reblogs_count":{},"favourites_count":{},"quotes_count":{},"edited_at":null,"favourited":false,"reblogged":false,"muted":false,"bookmarked":false,"content":"{}","filtered":[],"reblog":null,"application":{{"name":"Web","website":null}},"account":"#,
        i % 9,
        i % 40,
        i % 300,
        i % 5,
        content(i)
    )
    .expect("write to a string");
    api_account(
        out,
        if local {
            109_876_543_210_001
        } else {
            109_876_543_299_000 + i % 50
        },
        &user,
        host,
        local,
    );
    write!(
        out,
        r#","media_attachments":[{{"id":"{id}","type":"image","url":"https://{HOST}/media/{id}.png","preview_url":"https://{HOST}/media/{id}_small.png","remote_url":null,"meta":{{"original":{{"width":1280,"height":853}}}},"description":"Photo","blurhash":"LEHV6nWB2yk8pyo0adR*.7kCMdnj"}}],"mentions":[{{"id":"{}","username":"delegate{d}","url":"https://eu.example-diplo.social/@delegate{d}","acct":"delegate{d}@eu.example-diplo.social"}}],"tags":[{{"name":"{w}{t}","url":"https://{HOST}/tags/{w}{t}"}}],"emojis":[],"card":{{"url":"https://mfa.example.gov/news/{i}","title":"News {i}","description":"","type":"link"}},"poll":null}}"#,
        109_876_543_299_000 + i % 50,
        d = i % 50,
        w = word(i, 4),
        t = i % 30,
    )
    .expect("write to a string");
}

fn generate_api(path: &Path, n: u64) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    let mut page = String::with_capacity(512 * 1024);
    let mut i = 0;
    while i < n {
        page.clear();
        page.push('[');
        let end = (i + 40).min(n);
        for j in i..end {
            if j > i {
                page.push(',');
            }
            if j % 10 == 9 {
                // A boost: the wrapper with the boosted status embedded.
                let id = 112_000_000_000_000_000 + j * 1_000;
                write!(
                    page,
                    r#"{{"id":"{id}","created_at":"{}","in_reply_to_id":null,"in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"","visibility":"public","language":null,"uri":"https://{HOST}/users/mfa_kz/statuses/{id}/activity","url":"https://{HOST}/users/mfa_kz/statuses/{id}/activity","replies_count":0,"reblogs_count":0,"favourites_count":0,"edited_at":null,"content":"","reblog":"#,
                    time(j)
                )
                .expect("write to a string");
                api_status(&mut page, j, true);
                page.push_str(r#","application":null,"account":"#);
                api_account(&mut page, 109_876_543_210_001, "mfa_kz", HOST, true);
                page.push_str(r#","media_attachments":[],"mentions":[],"tags":[],"emojis":[],"card":null,"poll":null}"#);
            } else {
                api_status(&mut page, j, false);
            }
        }
        page.push_str("]\n");
        file.write_all(page.as_bytes())?;
        i = end;
    }
    file.flush()
}

fn main() {
    let args = BenchArgs::from_env(&[&Archive, &Api]);
    let (format, n) = (args.format, args.n);
    let file = if format == "mastodon.archive" {
        "outbox.json"
    } else {
        "statuses.jsonl"
    };
    let path = args
        .dir_or_temp()
        .join(format!("mastodon-bench-{}-{file}", std::process::id()));
    // `BENCH_INPUT=FILE` imports an existing file (a real export, or one kept from an earlier
    // run) instead of generating one.
    let (path, keep) = match std::env::var_os("BENCH_INPUT") {
        Some(input) => (PathBuf::from(input), true),
        None => {
            let started = Instant::now();
            let written = match format {
                "mastodon.archive" => generate_outbox(&path, n),
                _ => generate_api(&path, n),
            };
            written.expect("write the synthetic file");
            eprintln!(
                "generated {n} in {:.1} s: {}",
                started.elapsed().as_secs_f64(),
                path.display()
            );
            (path, args.dir.is_some())
        }
    };
    let result = bench_import(args.importer, &ImportOptions::default(), format, &path);
    if !keep {
        let _ = std::fs::remove_file(&path);
    }
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

//! Throughput of the Bluesky importers: writes a synthetic file of `n` posts in the given
//! format, imports it into a counting sink (records are counted and dropped on another thread,
//! as the import pipeline hands them to the store's thread) and prints one line:
//!
//! ```text
//! cargo run --release -p dipl-import-bluesky --example bluesky_bench -- <bluesky.xrpc|bluesky.car> <n> [dir]
//! bench <format-id> posts=<posts emitted> bytes=<file size> seconds=<s> posts_per_s=<r> mb_per_s=<m>
//! ```
//!
//! - `bluesky.xrpc`: getAuthorFeed pages of 100 items as JSON Lines, as the AppView returns
//!   them (profile views, records with facets at UTF-8 byte offsets in Cyrillic text, embeds
//!   and their views, counters, viewer state, labels); a tenth of the items are reposts, a fifth
//!   replies (with their thread context), a tenth quotes (with the quoted #viewRecord). `n`
//!   counts the feed items; `posts` counts every post emitted (context and quoted posts too).
//! - `bluesky.car`: one account's repository of `n` posts (a fifth replies, a tenth quotes with
//!   images), plus `n / 10` reposts, `n / 5` likes and `n / 20` follows, as DAG-CBOR blocks
//!   under a search tree, written by the crate's CAR writer.
//!
//! The file is written to `dir` (default: the system temp dir) and removed afterwards.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::Path;

use dipl_import_bluesky::car::write;
use dipl_import_bluesky::{Car, Xrpc};
use dipl_ingest::testing::{bench_import, BenchArgs};
use dipl_ingest::ImportOptions;

const WORDS: [&str; 16] = [
    "посольство",
    "министр",
    "переговоры",
    "саммит",
    "сотрудничество",
    "визит",
    "заявление",
    "консульский",
    "партнёры",
    "безопасность",
    "торговля",
    "климат",
    "поддержка",
    "сегодня",
    "встреча",
    "граждане",
];

const OWNER: &str = "did:plc:mfakz2ykq3bz7n4dqgx5hw6e";

fn did(i: u64) -> String {
    format!("did:plc:bench{:019}", i % 5000)
}

fn rkey(i: u64) -> String {
    // 13 base32-sortable characters, increasing with i.
    const ALPHABET: &[u8] = b"234567abcdefghijklmnopqrstuvwxyz";
    let mut n = 0x3000_0000_0000_0000u64 + i * 7919;
    let mut out = [b'2'; 13];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 32) as usize];
        n /= 32;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn words(i: u64) -> String {
    let w = |k: u64| WORDS[((i.wrapping_mul(2_654_435_761) >> (k * 4)) % 16) as usize];
    format!("{} {} {} {}", w(1), w(2), w(3), w(4))
}

/// A post record's text and facets (JSON), with byte offsets computed on the UTF-8 text.
fn text_and_facets(i: u64, mentioned: &str) -> (String, String) {
    let head = format!("{} 🇰🇿 ", words(i));
    let mention = format!("@user{}.bsky.social", i % 5000);
    let tag = format!("#Дипломатия{}", i % 40);
    let link = format!("mfa.gov.kz/news/{i}");
    let text = format!("{head}{mention} {tag} {link}");
    let m = head.len();
    let t = m + mention.len() + 1;
    let l = t + tag.len() + 1;
    let facets = format!(
        r#"[{{"$type":"app.bsky.richtext.facet","index":{{"byteStart":{m},"byteEnd":{}}},"features":[{{"$type":"app.bsky.richtext.facet#mention","did":"{mentioned}"}}]}},{{"index":{{"byteStart":{t},"byteEnd":{}}},"features":[{{"$type":"app.bsky.richtext.facet#tag","tag":"Дипломатия{}"}}]}},{{"index":{{"byteStart":{l},"byteEnd":{}}},"features":[{{"$type":"app.bsky.richtext.facet#link","uri":"https://{link}"}}]}}]"#,
        m + mention.len(),
        t + tag.len(),
        i % 40,
        l + link.len()
    );
    (text, facets)
}

fn profile(out: &mut String, did: &str, i: u64) {
    write!(
        out,
        r#"{{"did":"{did}","handle":"user{}.bsky.social","displayName":"Пользователь {}","avatar":"https://cdn.bsky.app/img/avatar/plain/{did}/bafkreiavatar@jpeg","associated":{{"chat":{{"allowIncoming":"following"}}}},"viewer":{{"muted":false,"blockedBy":false}},"labels":[],"createdAt":"2024-0{}-1{}T10:00:00.000Z"}}"#,
        i % 5000,
        i % 5000,
        1 + i % 9,
        i % 10
    )
    .expect("write to a string");
}

fn date(i: u64) -> String {
    format!(
        "2026-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        1 + i % 12,
        1 + i % 28,
        i % 24,
        i % 60,
        (i / 60) % 60,
        i % 1000
    )
}

/// A post view (JSON) of post `i` by `author`; `reply_to` and `quote_of` make it a reply or a
/// quote.
fn post_view(out: &mut String, i: u64, author: &str, reply_to: Option<u64>, quote_of: Option<u64>) {
    let uri = format!("at://{author}/app.bsky.feed.post/{}", rkey(i));
    let (text, facets) = text_and_facets(i, &did(i + 1));
    write!(
        out,
        r#"{{"uri":"{uri}","cid":"bafyreib{:051}","author":"#,
        i
    )
    .expect("write to a string");
    profile(out, author, i);
    write!(
        out,
        r#","record":{{"$type":"app.bsky.feed.post","createdAt":"{}","langs":["ru"],"text":"{text}","facets":{facets}"#,
        date(i)
    )
    .expect("write to a string");
    if let Some(parent) = reply_to {
        let p = format!("at://{}/app.bsky.feed.post/{}", did(parent), rkey(parent));
        write!(
            out,
            r#","reply":{{"root":{{"uri":"{p}","cid":"bafyreiroot"}},"parent":{{"uri":"{p}","cid":"bafyreiparent"}}}}"#
        )
        .expect("write to a string");
    }
    match quote_of {
        Some(q) => {
            let qd = did(q);
            let qu = format!("at://{qd}/app.bsky.feed.post/{}", rkey(q));
            write!(out, r#","embed":{{"$type":"app.bsky.embed.record","record":{{"uri":"{qu}","cid":"bafyreiquoted"}}}}}},"embed":{{"$type":"app.bsky.embed.record#view","record":{{"$type":"app.bsky.embed.record#viewRecord","uri":"{qu}","cid":"bafyreiquoted","author":"#).expect("write to a string");
            profile(out, &qd, q);
            let (qt, qf) = text_and_facets(q, &did(q + 2));
            write!(out, r#","value":{{"$type":"app.bsky.feed.post","createdAt":"{}","langs":["ru"],"text":"{qt}","facets":{qf}}},"labels":[],"likeCount":{},"replyCount":{},"repostCount":{},"quoteCount":{},"indexedAt":"{}","embeds":[]}}}}"#, date(q), q % 300, q % 7, q % 40, q % 3, date(q)).expect("write to a string");
        }
        None if i % 3 == 0 => {
            write!(out, r#","embed":{{"$type":"app.bsky.embed.images","images":[{{"alt":"Фото {i}","image":{{"$type":"blob","ref":{{"$link":"bafkreiimage{i}"}},"mimeType":"image/jpeg","size":{}}},"aspectRatio":{{"width":2000,"height":1333}}}}]}}}},"embed":{{"$type":"app.bsky.embed.images#view","images":[{{"thumb":"https://cdn.bsky.app/img/feed_thumbnail/plain/{author}/bafkreiimage{i}@jpeg","fullsize":"https://cdn.bsky.app/img/feed_fullsize/plain/{author}/bafkreiimage{i}@jpeg","alt":"Фото {i}","aspectRatio":{{"width":2000,"height":1333}}}}]}}"#, 100_000 + i % 900_000).expect("write to a string");
        }
        None => out.push('}'),
    }
    write!(
        out,
        r#","replyCount":{},"repostCount":{},"likeCount":{},"quoteCount":{},"bookmarkCount":{},"indexedAt":"{}","viewer":{{"threadMuted":false,"embeddingDisabled":false}},"labels":[]}}"#,
        i % 9,
        i % 50,
        i % 400,
        i % 5,
        i % 4,
        date(i)
    )
    .expect("write to a string");
}

fn generate_xrpc(path: &Path, n: u64) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    let mut page = String::with_capacity(1 << 20);
    let mut i = 0;
    while i < n {
        page.clear();
        page.push_str(r#"{"feed":["#);
        let end = (i + 100).min(n);
        for j in i..end {
            if j > i {
                page.push(',');
            }
            let id = 1_000_000 + j * 3;
            match j % 10 {
                0 => {
                    // A repost by the owner of someone's post.
                    page.push_str(r#"{"post":"#);
                    post_view(&mut page, id, &did(id), None, None);
                    write!(
                        page,
                        r#","reason":{{"$type":"app.bsky.feed.defs#reasonRepost","by":"#
                    )
                    .expect("write");
                    profile(&mut page, OWNER, 0);
                    write!(page, r#","indexedAt":"{}"}}}}"#, date(id + 1)).expect("write");
                }
                1 | 2 => {
                    // A reply by the owner, with the thread context.
                    page.push_str(r#"{"post":"#);
                    post_view(&mut page, id, OWNER, Some(id + 1), None);
                    page.push_str(r#","reply":{"root":"#);
                    post_view(&mut page, id + 1, &did(id + 1), None, None);
                    page.push_str(r#","parent":"#);
                    post_view(&mut page, id + 1, &did(id + 1), None, None);
                    page.push_str("}}");
                }
                3 => {
                    page.push_str(r#"{"post":"#);
                    post_view(&mut page, id, OWNER, None, Some(id + 2));
                    page.push('}');
                }
                _ => {
                    page.push_str(r#"{"post":"#);
                    post_view(&mut page, id, OWNER, None, None);
                    page.push('}');
                }
            }
        }
        write!(page, r#"],"cursor":"{}"}}"#, date(end)).expect("write");
        page.push('\n');
        file.write_all(page.as_bytes())?;
        i = end;
    }
    file.flush()
}

fn generate_car(path: &Path, n: u64) -> Result<(), String> {
    let blob = |i: u64| serde_json::json!({"$type": "blob", "ref": format!("bafkreiimage{i}"), "mimeType": "image/jpeg", "size": 100_000 + i % 900_000});
    let mut records: Vec<(String, Vec<u8>)> = Vec::with_capacity((n + n / 2) as usize + 1);
    let profile = serde_json::json!({"$type": "app.bsky.actor.profile", "displayName": "МИД Казахстана", "description": "Официальный аккаунт", "createdAt": "2024-11-14T08:02:11.000Z"});
    records.push((
        "app.bsky.actor.profile/self".into(),
        write::encode(&profile)?,
    ));
    for i in 0..n {
        let (text, facets) = text_and_facets(i, &did(i + 1));
        let facets: serde_json::Value = serde_json::from_str(&facets).map_err(|e| e.to_string())?;
        let mut post = serde_json::json!({"$type": "app.bsky.feed.post", "createdAt": date(i), "langs": ["ru"], "text": text, "facets": facets});
        let other = |k: u64| format!("at://{}/app.bsky.feed.post/{}", did(k), rkey(k));
        match i % 10 {
            1 | 2 => {
                post["reply"] = serde_json::json!({"root": {"uri": other(i + 1), "cid": "bafyreiroot"}, "parent": {"uri": other(i + 2), "cid": "bafyreiparent"}});
            }
            3 => {
                post["embed"] = serde_json::json!({"$type": "app.bsky.embed.recordWithMedia", "record": {"$type": "app.bsky.embed.record", "record": {"uri": other(i + 3), "cid": "bafyreiquoted"}}, "media": {"$type": "app.bsky.embed.images", "images": [{"alt": "Фото", "image": blob(i), "aspectRatio": {"width": 2000, "height": 1333}}]}});
            }
            _ => {}
        }
        records.push((
            format!("app.bsky.feed.post/{}", rkey(i)),
            write::encode(&post)?,
        ));
        if i % 10 == 0 {
            let repost = serde_json::json!({"$type": "app.bsky.feed.repost", "subject": {"uri": other(i + 5), "cid": "bafyreisubject"}, "createdAt": date(i + 1)});
            records.push((
                format!("app.bsky.feed.repost/{}", rkey(i)),
                write::encode(&repost)?,
            ));
        }
        if i % 5 == 0 {
            let like = serde_json::json!({"$type": "app.bsky.feed.like", "subject": {"uri": other(i + 7), "cid": "bafyreisubject"}, "createdAt": date(i + 2)});
            records.push((
                format!("app.bsky.feed.like/{}", rkey(i)),
                write::encode(&like)?,
            ));
        }
        if i % 20 == 0 {
            let follow = serde_json::json!({"$type": "app.bsky.graph.follow", "subject": did(i), "createdAt": date(i + 3)});
            records.push((
                format!("app.bsky.graph.follow/{}", rkey(i)),
                write::encode(&follow)?,
            ));
        }
    }
    let bytes = write::repo_car(OWNER, &rkey(n), records)?;
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}

fn main() {
    let args = BenchArgs::from_env(&[&Xrpc, &Car]);
    let (format, n, dir) = (args.format, args.n, args.dir_or_temp());
    let (path, generated) = if format == "bluesky.xrpc" {
        let path = dir.join(format!("bench-bluesky-{n}.jsonl"));
        let generated = generate_xrpc(&path, n).map_err(|e| e.to_string());
        (path, generated)
    } else {
        let path = dir.join(format!("bench-bluesky-{n}.car"));
        let generated = generate_car(&path, n);
        (path, generated)
    };
    if let Err(e) = generated {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    let result = bench_import(args.importer, &ImportOptions::default(), format, &path);
    let _ = std::fs::remove_file(&path);
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

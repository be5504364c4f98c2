//! Throughput of the generic importers: writes a synthetic file of `n` rows, imports it into a
//! counting sink (records are counted and dropped on another thread, as the import pipeline
//! hands them to the store's thread) and prints one line.
//!
//! ```text
//! cargo run --release -p dipl-import-generic --example generic_bench -- generic.mapped 1000000 [DIR]
//! cargo run --release -p dipl-import-generic --example generic_bench -- generic.edges 1000000 [DIR]
//! ```
//!
//! `generic.mapped` reads a 4CAT X/Twitter API v2 CSV export (31 columns, quoted texts with
//! commas, hashtags/mentions/urls columns, counters, yes/no flags) through the shipped mapping
//! `examples/mappings/4cat-twitter-v2.toml`; `posts=` counts posts. `generic.edges` reads a
//! `follower,followed,observed_at` edge list of numeric ids and handles; `posts=` counts the
//! follow edges (the unit of that format).

use std::io::{BufWriter, Write as _};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use dipl_import_generic::{Edges, Mapped};
use dipl_ingest::testing::{bench_import, BenchArgs};
use dipl_ingest::{ImportOptions, Mapping};
use dipl_model::Platform;

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

const HANDLES: [&str; 8] = [
    "MFA_KZ",
    "EUinKazakhstan",
    "aigerim_n",
    "timur_almaty",
    "dana_k_astana",
    "UN_Kazakhstan",
    "KZinBrussels",
    "arman_travels",
];

fn mix(i: u64, k: u64) -> usize {
    (i.wrapping_mul(2_654_435_761).rotate_left(7 * k as u32) >> 5) as usize
}

/// A 4CAT twitterv2 CSV export of `n` tweets.
fn write_4cat(path: &PathBuf, n: u64) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    out.write_all(b"id,thread_id,timestamp,unix_timestamp,link,subject,body,author,author_fullname,author_id,source,language_guess,possibly_sensitive,retweet_count,reply_count,like_count,quote_count,impression_count,is_retweet,retweeted_user,is_quote_tweet,quoted_user,is_reply,replied_user,hashtags,urls,images,videos,mentions,long_lat,place_name\n")?;
    let base = 1_763_500_000_000_000_000u64;
    for i in 0..n {
        let id = base + i;
        let author = HANDLES[mix(i, 1) % HANDLES.len()];
        let author_id = 783_214_000 + (mix(i, 1) % HANDLES.len()) as u64;
        let mentioned = HANDLES[mix(i, 2) % HANDLES.len()];
        let w = |k: u64| WORDS[mix(i, k) % WORDS.len()];
        let kind = i % 10;
        let (is_rt, is_reply, is_quote) = (kind < 3, kind == 3 || kind == 4, kind == 5);
        let ts = 1_709_287_200 + i * 37;
        let secs = ts % 86_400;
        let tag = format!("{}{}", w(4), i % 50);
        let body = if is_rt {
            format!(
                "RT @{mentioned}: The {} and the {}, on {} with partners #{tag} https://t.co/x{i}",
                w(1),
                w(2),
                w(3)
            )
        } else {
            format!(
                "\"The {} and the {}\", on {} with @{mentioned} #{tag} https://t.co/x{i}",
                w(1),
                w(2),
                w(3)
            )
        };
        let body = body.replace('"', "\"\"");
        let counters = if is_rt {
            format!("{},0,0,0,", i % 300)
        } else {
            format!(
                "{},{},{},{},{}",
                i % 40,
                i % 9,
                i % 300,
                i % 5,
                i * 7 % 90_000
            )
        };
        writeln!(
            out,
            "{id},{thread},2024-03-{day:02} {h:02}:{m:02}:{s:02},{ts},https://twitter.com/{author}/status/{id},,\"{body}\",{author},{author} Official,{author_id},Twitter Web App,en,no,{counters},{rt},{rtu},{q},{qu},{r},{ru},{tag},https://mfa.example.org/news/{i},,,{mentioned},,",
            thread = if is_reply { id - 1 } else { id },
            day = 1 + (i * 37 / 86_400) % 28,
            h = secs / 3600,
            m = secs / 60 % 60,
            s = secs % 60,
            rt = if is_rt { "yes" } else { "no" },
            rtu = if is_rt { mentioned } else { "" },
            q = if is_quote { "yes" } else { "no" },
            qu = if is_quote { mentioned } else { "" },
            r = if is_reply { "yes" } else { "no" },
            ru = if is_reply { mentioned } else { "" },
        )?;
    }
    out.flush()
}

/// A follow edge list of `n` edges: numeric ids, and every eighth follower a handle.
fn write_edges(path: &PathBuf, n: u64) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    out.write_all(b"follower,followed,observed_at\n")?;
    for i in 0..n {
        let followed = 783_214_000 + (mix(i, 1) % 40) as u64;
        if i % 8 == 0 {
            writeln!(
                out,
                "@citizen_{},{followed},2024-05-01T10:00:00Z",
                mix(i, 2) % 1_000_000
            )?;
        } else {
            writeln!(
                out,
                "{},{followed},2024-05-01T10:00:00Z",
                1_400_000_000_000_000_000u64 + mix(i, 3) as u64 % 1_000_000_000
            )?;
        }
    }
    out.flush()
}

fn main() {
    let args = BenchArgs::from_env(&[&Mapped, &Edges]);
    let (format, n, dir) = (args.format, args.n, args.dir_or_temp());
    let (path, options) = if format == "generic.mapped" {
        let path = dir.join(format!("generic-mapped-bench-{}.csv", std::process::id()));
        let started = Instant::now();
        write_4cat(&path, n).expect("write the synthetic file");
        eprintln!(
            "generated {n} rows in {:.1} s: {}",
            started.elapsed().as_secs_f64(),
            path.display()
        );
        let mapping = Mapping {
            path: "examples/mappings/4cat-twitter-v2.toml".into(),
            text: Arc::from(include_str!("mappings/4cat-twitter-v2.toml")),
        };
        let options = ImportOptions {
            mapping: Some(mapping),
            ..Default::default()
        };
        (path, options)
    } else {
        let path = dir.join(format!("generic-edges-bench-{}.csv", std::process::id()));
        let started = Instant::now();
        write_edges(&path, n).expect("write the synthetic file");
        eprintln!(
            "generated {n} edges in {:.1} s: {}",
            started.elapsed().as_secs_f64(),
            path.display()
        );
        let options = ImportOptions {
            platform: Some(Platform::Twitter),
            ..Default::default()
        };
        (path, options)
    };
    // `posts=` counts the follow edges of generic.edges (the unit of that format).
    let result = bench_import(args.importer, &options, format, &path);
    let _ = std::fs::remove_file(&path);
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

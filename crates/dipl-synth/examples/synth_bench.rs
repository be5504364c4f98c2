//! Measures generation throughput: writes an exact number of timeline posts of the scale
//! scenario in one format and prints MB/s and posts/s (comments, where the format has them, come
//! on top of the posts and are counted in the bytes).
//!
//! `cargo run --release -p dipl-synth --example synth_bench -- 1000000 /tmp/out [format]`
//! with `format` one of `twarc2` (default), `v1`, `v1_array`, `telegram` (Desktop exports, a
//! folder), `telethon`, `facebook`, `crowdtangle`, `vk` (two files); `all` runs each in turn.
//! `cargo run --release -p dipl-synth --example synth_bench -- demo /tmp/demo-corpus` writes the
//! multi-platform demo corpus.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::time::Instant;

use dipl_synth::{CorpusOptions, Format, ScaleSpec};

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(1)
}

fn bench(spec: &ScaleSpec, format: Format, out: &Path) {
    let scenario = spec.scenario_on(format.platform());
    let started = Instant::now();
    let (n_posts, n_comments, bytes) = match format {
        Format::TelegramDesktop => {
            let _ = std::fs::remove_dir_all(out);
            let s = dipl_synth::write_corpus(
                &scenario,
                1,
                out,
                &CorpusOptions {
                    registry: false,
                    ..CorpusOptions::only(&[format])
                },
            )
            .unwrap_or_else(|e| fail(e));
            (s.n_posts, s.n_comments, s.bytes)
        }
        Format::Vk => {
            std::fs::create_dir_all(out).unwrap_or_else(|e| fail(e));
            let wall = File::create(out.join("vk-wall.jsonl")).unwrap_or_else(|e| fail(e));
            let comments = File::create(out.join("vk-comments.jsonl")).unwrap_or_else(|e| fail(e));
            let s = dipl_synth::write_vk(
                &scenario,
                1,
                BufWriter::with_capacity(1 << 20, wall),
                BufWriter::with_capacity(1 << 20, comments),
            )
            .unwrap_or_else(|e| fail(e));
            (s.n_posts, s.n_comments, s.bytes)
        }
        _ => {
            std::fs::create_dir_all(out).unwrap_or_else(|e| fail(e));
            let path = out.join(format.file_name());
            let file = File::create(&path).unwrap_or_else(|e| fail(e));
            let w = BufWriter::with_capacity(1 << 20, file);
            let s = dipl_synth::write_stream(&scenario, 1, format, w).unwrap_or_else(|e| fail(e));
            (s.n_posts, s.n_comments, s.bytes)
        }
    };
    let secs = started.elapsed().as_secs_f64();
    println!(
        "synth {}: {n_posts} posts + {n_comments} comments, {} accounts, {:.1} MB in {secs:.2} s: {:.1} MB/s, {:.0} posts/s",
        format.id(),
        spec.n_accounts,
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        n_posts as f64 / secs,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("demo") {
        let dir = args.get(1).map_or("/tmp/dipl-synth-demo", String::as_str);
        let summary = dipl_synth::write_corpus(
            &dipl_synth::demo_scenario(),
            42,
            Path::new(dir),
            &CorpusOptions::all_platforms(),
        )
        .unwrap_or_else(|e| fail(e));
        for f in &summary.files {
            println!(
                "{}  {} posts  {} comments  {} bytes",
                f.path.display(),
                f.n_posts,
                f.n_comments,
                f.bytes
            );
        }
        return;
    }
    let n_posts: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let out = args.get(1).map_or("/tmp/dipl-synth-bench", String::as_str);
    let which = args.get(2).map_or("twarc2", String::as_str);
    let spec = ScaleSpec::for_posts(n_posts);
    let formats: Vec<Format> = if which == "all" {
        Format::ALL.to_vec()
    } else {
        vec![Format::parse(which).unwrap_or_else(|| fail(format!("unknown format `{which}`")))]
    };
    for f in formats {
        bench(&spec, f, Path::new(out));
    }
}

//! Measures generation throughput: writes an exact number of posts of the scale scenario as
//! twarc2 JSONL (or v1.1 JSONL) to a file and prints MB/s and posts/s.
//!
//! `cargo run --release -p dipl-synth --example synth_bench -- 1000000 /tmp/x.jsonl [twarc2|v1]`
//! `cargo run --release -p dipl-synth --example synth_bench -- demo /tmp/demo-corpus`

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("demo") {
        let dir = args.get(1).map_or("/tmp/dipl-synth-demo", String::as_str);
        let summary = dipl_synth::write_corpus(
            &dipl_synth::demo_scenario(),
            42,
            Path::new(dir),
            &dipl_synth::CorpusOptions::default(),
        )
        .unwrap_or_else(|e| {
            eprintln!("error: {e}");
            std::process::exit(1)
        });
        for f in &summary.files {
            println!(
                "{}  {} posts  {} bytes",
                f.path.display(),
                f.n_posts,
                f.bytes
            );
        }
        return;
    }
    let n_posts: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let path = args
        .get(1)
        .map_or("/tmp/dipl-synth-bench.jsonl", String::as_str);
    let format = args.get(2).map_or("twarc2", String::as_str);
    let spec = dipl_synth::ScaleSpec::for_posts(n_posts);
    let scenario = spec.scenario();
    let file = File::create(path).unwrap_or_else(|e| {
        eprintln!("error: cannot create {path}: {e}");
        std::process::exit(1)
    });
    let w = BufWriter::with_capacity(1 << 20, file);
    let started = Instant::now();
    let result = match format {
        "v1" => dipl_synth::write_v1_jsonl(&scenario, 1, w),
        _ => dipl_synth::write_twarc2(&scenario, 1, w),
    };
    let summary = result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1)
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{format}: {} posts, {} accounts, {:.1} MB in {:.2} s: {:.1} MB/s, {:.0} posts/s, {:.0} bytes/post",
        summary.n_posts,
        spec.n_accounts,
        summary.bytes as f64 / 1e6,
        secs,
        summary.bytes as f64 / 1e6 / secs,
        summary.n_posts as f64 / secs,
        summary.bytes as f64 / summary.n_posts.max(1) as f64
    );
}

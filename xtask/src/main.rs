//! Project automation, in Rust so that CI runs exactly what a developer runs.
//!
//! - `cargo xtask ci`: the README's test command, `cargo fmt --check`, and clippy with warnings
//!   as errors.
//! - `cargo xtask bench [--posts N] [--format-posts N] [--formats-only] [--analysis-only] [--dir DIR]`: synthesise
//!   N tweets (default 1,000,000) as twarc2 JSONL, import them and compute `metrics accounts`
//!   through the release binary, printing throughput and peak memory; then run every importer's
//!   per-format benchmark (see docs/benchmarks.md).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("bench") => bench(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask ci | bench [--posts N] [--format-posts N] [--formats-only] [--analysis-only] [--dir DIR]"
            );
            bail!("unknown or missing task")
        }
    }
}

fn run(program: &str, args: &[&str]) -> Result<()> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .status()
        .with_context(|| format!("cannot run {program}"))?;
    if !status.success() {
        bail!("`{program} {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

/// Runs the README's test command, echoing its output, and closes with one summary line
/// (`tests: N passed, N failed`) so that a reader of the CI log sees the total at the end.
fn test_workspace() -> Result<()> {
    use std::io::{BufRead, BufReader};
    eprintln!("$ cargo test --workspace");
    let mut child = Command::new("cargo")
        .args(["test", "--workspace"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("cannot run cargo test")?;
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            // "test result: ok. 12 passed; 0 failed; 0 ignored; …"
            if let Some(rest) = line.strip_prefix("test result: ") {
                for part in rest.split(';') {
                    let words: Vec<&str> = part.split_whitespace().collect();
                    match words.as_slice() {
                        [.., n, "passed"] => passed += n.parse::<u64>().unwrap_or(0),
                        [n, "failed"] => failed += n.parse::<u64>().unwrap_or(0),
                        _ => {}
                    }
                }
            }
        }
    }
    let status = child.wait()?;
    println!("tests: {passed} passed, {failed} failed");
    if !status.success() {
        bail!("`cargo test --workspace` failed ({status})");
    }
    Ok(())
}

fn ci() -> Result<()> {
    test_workspace()?;
    run("cargo", &["fmt", "--all", "--check"])?;
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    Ok(())
}

/// Runs the release binary; returns wall seconds and the process's peak resident memory (MiB).
fn timed(bin: &Path, args: &[&str]) -> Result<(f64, f64)> {
    eprintln!("$ diplometrics {}", args.join(" "));
    let mut command = Command::new(bin);
    command.args(args).arg("--quiet");
    let (seconds, peak, _) = measure(command, false)?;
    Ok((seconds, peak))
}

/// Runs `command` to its end; returns wall seconds, peak resident memory (MiB, from `wait4`) and
/// its standard output when `capture` (else it is discarded).
fn measure(mut command: Command, capture: bool) -> Result<(f64, f64, String)> {
    use std::io::Read;
    let start = Instant::now();
    let mut child = command
        .stdout(if capture {
            std::process::Stdio::piped()
        } else {
            std::process::Stdio::null()
        })
        .spawn()
        .with_context(|| format!("cannot run {:?}", command.get_program()))?;
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut stdout)?;
    }
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: wait4 on our own child's pid, writing into locals we own.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::wait4(pid, &mut status, 0, &mut usage) != pid {
            bail!("waiting for {:?} failed", command.get_program());
        }
        usage
    };
    let seconds = start.elapsed().as_secs_f64();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        bail!("{:?} failed (status {status})", command.get_program());
    }
    Ok((seconds, usage.ru_maxrss as f64 / 1024.0, stdout))
}

/// Every per-format benchmark: (package, example, format id). Each example generates a file of
/// N posts of its format and imports it into a counting sink (parsing and translation only; the
/// store's share is measured by the end-to-end run), printing one `bench …` line.
const FORMAT_BENCHES: &[(&str, &str, &str)] = &[
    ("dipl-import-facebook", "facebook_bench", "facebook.graph"),
    ("dipl-import-facebook", "facebook_bench", "instagram.graph"),
    (
        "dipl-import-crowdtangle",
        "crowdtangle_bench",
        "facebook.crowdtangle",
    ),
    (
        "dipl-import-crowdtangle",
        "crowdtangle_bench",
        "instagram.crowdtangle",
    ),
    (
        "dipl-import-crowdtangle",
        "crowdtangle_bench",
        "facebook.content_library",
    ),
    (
        "dipl-import-crowdtangle",
        "crowdtangle_bench",
        "instagram.content_library",
    ),
    ("dipl-import-telegram", "telegram_bench", "telegram.desktop"),
    (
        "dipl-import-telegram",
        "telegram_bench",
        "telegram.telethon",
    ),
    ("dipl-import-vkontakte", "vkontakte_bench", "vkontakte.wall"),
    (
        "dipl-import-vkontakte",
        "vkontakte_bench",
        "vkontakte.comments",
    ),
    ("dipl-import-bluesky", "bluesky_bench", "bluesky.xrpc"),
    ("dipl-import-bluesky", "bluesky_bench", "bluesky.car"),
    ("dipl-import-mastodon", "mastodon_bench", "mastodon.archive"),
    ("dipl-import-mastodon", "mastodon_bench", "mastodon.api"),
    ("dipl-import-youtube", "youtube_bench", "youtube.api"),
    ("dipl-import-youtube", "youtube_bench", "youtube.ytdt"),
    ("dipl-import-generic", "generic_bench", "generic.mapped"),
    ("dipl-import-generic", "generic_bench", "generic.edges"),
];

/// Runs every per-format benchmark with `posts` posts, printing each one's line and peak memory.
fn bench_formats(posts: u64, dir: &Path) -> Result<()> {
    let mut build = vec!["build", "--release", "--examples"];
    let mut packages: Vec<&str> = FORMAT_BENCHES.iter().map(|(p, _, _)| *p).collect();
    packages.dedup();
    for package in &packages {
        build.extend(["-p", package]);
    }
    run("cargo", &build)?;
    std::fs::create_dir_all(dir)?;
    let posts_arg = posts.to_string();
    println!("per format ({posts} posts each; parse and translate, not stored):");
    for (_, example, format) in FORMAT_BENCHES {
        let bin = workspace_root()
            .join("target/release/examples")
            .join(example);
        let mut command = Command::new(&bin);
        command.args([*format, posts_arg.as_str()]).arg(dir);
        eprintln!("$ {example} {format} {posts_arg} {}", dir.display());
        let (_, peak, stdout) = measure(command, true)?;
        let line = stdout
            .lines()
            .find(|l| l.starts_with("bench "))
            .with_context(|| format!("{example} printed no `bench` line"))?;
        println!("  {line} peak_rss_mib={peak:.0}");
        // The generated inputs are large: keep the disk free between formats.
        for entry in std::fs::read_dir(dir)?.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// End-to-end benchmark through the real binary: synthesise N tweets as twarc2 JSONL, import
/// them into a fresh workspace, compute `metrics accounts`; print throughput and peak memory.
fn bench(args: &[String]) -> Result<()> {
    let mut posts: u64 = 1_000_000;
    let mut format_posts: u64 = 1_000_000;
    let mut dir = std::env::temp_dir().join("diplometrics-bench");
    let mut only_formats = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--posts" => posts = iter.next().context("--posts N")?.parse()?,
            "--format-posts" => format_posts = iter.next().context("--format-posts N")?.parse()?,
            "--formats-only" => only_formats = true,
            "--analysis-only" => return bench_analysis(),
            "--dir" => dir = PathBuf::from(iter.next().context("--dir DIR")?),
            other => bail!("unknown bench option {other}"),
        }
    }
    if only_formats {
        return bench_formats(format_posts, &dir.join("formats"));
    }
    run("cargo", &["build", "--release", "-p", "dipl-cli"])?;
    let bin = workspace_root().join("target/release/diplometrics");
    let corpus = dir.join("corpus");
    let data = dir.join("workspace");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let posts_arg = posts.to_string();
    let corpus_arg = corpus.display().to_string();
    let data_arg = data.display().to_string();

    let (synth_s, _) = timed(
        &bin,
        &[
            "synth",
            "--out",
            &corpus_arg,
            "--posts",
            &posts_arg,
            "--format",
            "twarc2",
        ],
    )?;
    let file = std::fs::read_dir(&corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .context("synth wrote no .jsonl file")?;
    let bytes = std::fs::metadata(&file)?.len() as f64;
    let mb = bytes / 1e6;
    let (import_s, import_peak) = timed(
        &bin,
        &["--data", &data_arg, "import", &file.display().to_string()],
    )?;
    let (metrics_s, metrics_peak) = timed(
        &bin,
        &[
            "--data",
            &data_arg,
            "metrics",
            "accounts",
            "--format",
            "csv",
            "--output",
            "/dev/null",
        ],
    )?;
    let n = posts as f64;
    println!(
        "benchmark: {posts} tweets, twarc2 JSONL {mb:.0} MB (synth {synth_s:.2} s, {:.0} MB/s)",
        mb / synth_s
    );
    println!(
        "import:            {import_s:7.2} s  {:>9.0} posts/s  {:6.0} MB/s  peak RSS {:.0} MiB",
        n / import_s,
        mb / import_s,
        import_peak
    );
    println!(
        "metrics accounts:  {metrics_s:7.2} s  {:>9.0} posts/s  peak RSS {:.0} MiB",
        n / metrics_s,
        metrics_peak
    );
    println!(
        "import + metrics:  {:7.2} s  {:>9.0} posts/s",
        import_s + metrics_s,
        n / (import_s + metrics_s)
    );
    bench_formats(format_posts, &dir.join("formats"))?;
    bench_analysis()
}

/// The analysis benchmarks that build their data in memory: dialogue metrics (1M posts, 5M
/// comments), language and question detection, profile locations, and the network metrics.
fn bench_analysis() -> Result<()> {
    for (package, example) in [
        ("dipl-dialogue", "dialogue_bench"),
        ("dipl-lang", "lang_bench"),
        ("dipl-places", "places_bench"),
        ("dipl-network", "network_bench"),
    ] {
        println!("== {package} {example}");
        run(
            "cargo",
            &[
                "run",
                "--release",
                "-q",
                "-p",
                package,
                "--example",
                example,
            ],
        )?;
    }
    Ok(())
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

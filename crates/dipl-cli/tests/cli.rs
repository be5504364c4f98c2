//! The command line as users and scripts see it: exit codes, output formats, determinism, the
//! demo, and the generated metric docs kept in sync with the catalog.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_diplometrics"));
    command
        .env_remove("DIPLOMETRICS_DATA")
        .env("COLUMNS", "200");
    command
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run diplometrics")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dipl-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// The demo runs end to end, twice in the same folder with byte-identical reports, and its
/// workspace answers metric queries in every format.
#[test]
fn demo_is_reproducible_and_queryable() {
    let dir = temp_dir("demo");
    let first = run(&["demo", "--out", path(&dir), "--quiet"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("report.html"));
    let html = std::fs::read(dir.join("report/report.html")).unwrap();
    let markdown = std::fs::read_to_string(dir.join("report/report.md")).unwrap();
    assert!(markdown.contains("published"), "{markdown}");
    assert!(String::from_utf8_lossy(&html).contains("<svg"));

    let again = run(&["demo", "--out", path(&dir), "--quiet"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(std::fs::read(dir.join("report/report.html")).unwrap(), html);

    let data = dir.join("workspace");
    let csv = run(&[
        "--data",
        path(&data),
        "metrics",
        "accounts",
        "--format",
        "csv",
    ]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = stdout(&csv);
    let header = text.lines().next().unwrap();
    assert!(
        header.starts_with("platform,account_id,handle,actor,country,posts,own_posts"),
        "{header}"
    );
    // 17 X accounts; 10 embassy pages and 3 ministry pages on Facebook; the 3 ministries on
    // Telegram and VK.
    assert_eq!(text.lines().count(), 1 + 36, "36 demo accounts");
    let csv_again = run(&[
        "--data",
        path(&data),
        "metrics",
        "accounts",
        "--format",
        "csv",
    ]);
    assert_eq!(csv.stdout, csv_again.stdout, "deterministic output");

    let json = run(&[
        "--data",
        path(&data),
        "metrics",
        "countries",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = value.as_array().unwrap();
    assert!(rows.iter().all(|r| r["schema_version"] == 1));
    assert!(rows.iter().any(|r| r["country"] == "KAZ"));

    let table = run(&[
        "--data",
        path(&data),
        "hashtags",
        "--by",
        "country",
        "--top",
        "2",
    ]);
    assert!(table.status.success(), "{}", stderr(&table));
    assert!(stdout(&table).contains("kazakhstan"));

    // Networks: the reply graph's summary, its best-connected table and a GraphML export.
    let summary = run(&[
        "--data",
        path(&data),
        "network",
        "reply",
        "--summary",
        "--format",
        "csv",
    ]);
    assert!(summary.status.success(), "{}", stderr(&summary));
    let text = stdout(&summary);
    assert!(text.lines().any(|l| l == "nodes,36"), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("reciprocity,")),
        "{text}"
    );
    let best = run(&[
        "--data",
        path(&data),
        "network",
        "reply",
        "--best-connected",
        "--top",
        "3",
        "--format",
        "csv",
    ]);
    assert!(best.status.success(), "{}", stderr(&best));
    let text = stdout(&best);
    assert_eq!(text.lines().count(), 1 + 3, "{text}");
    assert!(
        text.starts_with("rank,platform,account_id,handle,actor,country,mutual"),
        "{text}"
    );
    let graphml = dir.join("reply.graphml");
    let export = run(&[
        "--data",
        path(&data),
        "network",
        "reply",
        "--export",
        "graphml",
        "--out",
        path(&graphml),
        "--top",
        "1",
    ]);
    assert!(export.status.success(), "{}", stderr(&export));
    let xml = std::fs::read_to_string(&graphml).unwrap();
    assert!(
        xml.contains("<graphml") && xml.contains("attr.name=\"pagerank\""),
        "{xml}"
    );
    assert_eq!(
        xml.matches("<node ").count(),
        36,
        "every node is exported, whatever --top"
    );

    // Over time: a rank column per quarter and the mobility; a dynamic GEXF with spells.
    let gexf = dir.join("reply.gexf");
    let every = run(&[
        "--data",
        path(&data),
        "network",
        "reply",
        "--every",
        "quarter",
        "--format",
        "csv",
        "--export",
        "gexf",
        "--out",
        path(&gexf),
    ]);
    assert!(every.status.success(), "{}", stderr(&every));
    let text = stdout(&every);
    let header = text.lines().next().unwrap_or("");
    assert!(
        header.contains("rank_2025-Q1,rank_2025-Q2") && header.ends_with(",mobility"),
        "{header}"
    );
    let xml = std::fs::read_to_string(&gexf).unwrap();
    assert!(
        xml.contains("mode=\"dynamic\"") && xml.contains("<spell "),
        "{xml}"
    );

    let sql = run(&[
        "--data",
        path(&data),
        "sql",
        "SELECT count(*) AS n FROM actor",
        "--format",
        "csv",
    ]);
    assert_eq!(stdout(&sql), "n\n17\n");
    let write = run(&["--data", path(&data), "sql", "DELETE FROM post"]);
    assert_eq!(write.status.code(), Some(1));
    assert!(stderr(&write).contains("only reading queries"));

    let actors = run(&["--data", path(&data), "actors", "list", "--format", "csv"]);
    assert!(stdout(&actors).contains("DEU-EMB-KAZ"));

    // Dialogue: the table by actor, the languages, and the unanswered questions (commenters
    // pseudonymised; their text only with --show-text).
    let dialogue = run(&[
        "--data",
        path(&data),
        "dialogue",
        "--by",
        "actor",
        "--format",
        "csv",
    ]);
    assert!(dialogue.status.success(), "{}", stderr(&dialogue));
    let text = stdout(&dialogue);
    let header = text.lines().next().unwrap_or("");
    assert!(
        header.starts_with("actor,name,country,host,posts,originals,replies_to_audience")
            && header.contains(",audience_comments,answered,answered_share,response_time_median,"),
        "{header}"
    );
    assert_eq!(text.lines().count(), 1 + 17, "17 demo actors");
    // Per quarter: the periods add up to the whole window.
    let quarters = run(&[
        "--data",
        path(&data),
        "dialogue",
        "--by",
        "actor",
        "--every",
        "quarter",
        "--format",
        "json",
    ]);
    assert!(quarters.status.success(), "{}", stderr(&quarters));
    let per_quarter: serde_json::Value = serde_json::from_str(&stdout(&quarters)).unwrap();
    let whole = run(&[
        "--data",
        path(&data),
        "dialogue",
        "--by",
        "actor",
        "--format",
        "json",
    ]);
    let whole: serde_json::Value = serde_json::from_str(&stdout(&whole)).unwrap();
    let sum = |rows: &serde_json::Value, actor: &str, key: &str| -> i64 {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["actor"] == actor)
            .map(|r| r[key].as_i64().unwrap_or(0))
            .sum()
    };
    for key in ["audience_comments", "answered", "replies_to_audience"] {
        assert_eq!(
            sum(&per_quarter, "DEU-EMB-KAZ", key),
            sum(&whole, "DEU-EMB-KAZ", key),
            "{key}"
        );
    }
    assert!(sum(&whole, "DEU-EMB-KAZ", "audience_comments") > 100);
    let languages = run(&[
        "--data",
        path(&data),
        "dialogue",
        "--languages",
        "--format",
        "csv",
    ]);
    assert!(stdout(&languages).starts_with(
        "platform,account_id,handle,actor,country,of,language,language_name,count,share,platform_tagged,platform_agrees\n"
    ));
    let unanswered = run(&[
        "--data",
        path(&data),
        "dialogue",
        "--unanswered",
        "--format",
        "csv",
    ]);
    assert!(unanswered.status.success(), "{}", stderr(&unanswered));
    let list = stdout(&unanswered);
    let mut lines = list.lines();
    assert_eq!(
        lines.next(),
        Some("platform,account_id,handle,actor,commenter,created_at,language,comment_id,link")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() > 100, "{} unanswered questions", rows.len());
    assert!(rows
        .iter()
        .all(|r| r.split(',').nth(4).is_some_and(|c| c.starts_with("anon-"))));
    let with_text = run(&[
        "--data",
        path(&data),
        "dialogue",
        "--unanswered",
        "--show-text",
        "--format",
        "json",
    ]);
    // A reader that stops early (`| head -1`) ends the command quietly, also mid-CSV.
    let mut child = bin()
        .args([
            "--data",
            path(&data),
            "dialogue",
            "--unanswered",
            "--format",
            "csv",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    let closed = child.wait_with_output().unwrap();
    assert!(first.starts_with("platform,"), "{first}");
    assert!(closed.status.success(), "{}", stderr(&closed));
    let json: serde_json::Value = serde_json::from_str(&stdout(&with_text)).unwrap();
    let first = &json[0];
    assert!(
        first["text"].as_str().is_some_and(|t| !t.is_empty()),
        "{first}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_input_exits_with_1_and_names_the_file() {
    let dir = temp_dir("bad");
    let data = dir.join("ws");
    let bad = dir.join("cut.jsonl");
    // A twarc2 page cut off in the middle.
    std::fs::write(
        &bad,
        "{\"data\": [{\"id\": \"1\", \"author_id\": \"2\", \"created_at\": \"2025-01-01T00:00:00.000Z\", \"text\": \"hi\"}], \"includes\": {\"users\": [{\"id\": \"2\", \"username\": \"a\"",
    )
    .unwrap();
    let output = run(&["--data", path(&data), "import", path(&bad)]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("cut.jsonl"), "{message}");
    assert!(message.contains("line 1, record 1"), "{message}");

    let missing = run(&["--data", path(&data), "import", "/nonexistent/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("/nonexistent/file.json"));

    let window = run(&[
        "--data",
        path(&data),
        "metrics",
        "accounts",
        "--from",
        "2025-13-01",
    ]);
    assert_eq!(window.status.code(), Some(1));
    assert!(stderr(&window).contains("--from"));

    let nothing = dir.join("nothing-here");
    let empty = run(&["--data", path(&nothing), "metrics", "accounts"]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        stderr(&empty).contains("no workspace in"),
        "{}",
        stderr(&empty)
    );
    assert!(!nothing.exists(), "a reading command creates nothing");

    let registry = dir.join("registry.csv");
    std::fs::write(
        &registry,
        "actor_id,name,kind,country\nA,Alpha,embassy,XYZ\n",
    )
    .unwrap();
    let output = run(&["--data", path(&data), "actors", "import", path(&registry)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("unknown country code `XYZ`"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn help_has_examples() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("Examples:"));
    let output = run(&["metrics", "--help"]);
    assert!(stdout(&output).contains("diplometrics metrics accounts"));
    let formats = run(&["formats"]);
    for id in [
        "twitter.v1",
        "twitter.twarc2",
        "twitter.archive",
        "twitter.users",
    ] {
        assert!(stdout(&formats).contains(id), "{id}");
    }
}

/// docs/metrics.md is generated from the metric catalog; this test fails when they differ and
/// rewrites the file with `UPDATE_EXPECT=1`.
#[test]
fn metric_docs_match_the_catalog() {
    let mut generated = String::from(
        "# Metrics\n\n<!-- Generated from the metric catalog (crates/dipl-metrics/src/catalog.rs) by the test `metric_docs_match_the_catalog`; run `UPDATE_EXPECT=1 cargo test -p dipl-cli` after changing the catalog. -->\n\nEvery column of the metric tables, with its definition and source. The contract these implement is the team's metrics codebook; `diplometrics metrics catalog` prints the same list.\n\n| id | title | definition | source |\n|---|---|---|---|\n",
    );
    for def in dipl_metrics::catalog() {
        generated.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            def.id,
            def.title.replace('|', "\\|"),
            def.definition.replace('|', "\\|"),
            def.source.replace('|', "\\|")
        ));
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/metrics.md");
    let current = std::fs::read_to_string(&file).unwrap_or_default();
    if current != generated {
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&file, generated).unwrap();
        } else {
            panic!("docs/metrics.md is out of date: run `UPDATE_EXPECT=1 cargo test -p dipl-cli`");
        }
    }
}

fn fixture(crate_name: &str, rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate_name)
        .join(rel)
}

/// Formats whose facts depend on what the user says (`--platform`, `--mapping`, `--of`,
/// `--relation`) refuse to guess, take the flags, and count as another import when the flags
/// change.
#[test]
fn formats_that_need_flags_say_so_and_take_them() {
    let dir = temp_dir("flags");
    let data = dir.join("ws");
    let edges = fixture("dipl-import-generic", "tests/fixtures/edges_handles.csv");
    let ids = fixture("dipl-import-twitter", "tests/fixtures/ids_followers.json");
    let sheet = fixture("dipl-import-generic", "tests/fixtures/spreadsheet.csv");
    let mapping = fixture("dipl-import-generic", "examples/mappings/spreadsheet.toml");

    // Without the flags: exit 1, naming the flag.
    let out = run(&["--data", path(&data), "import", path(&edges), "--quiet"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--platform"), "{}", stderr(&out));
    let out = run(&["--data", path(&data), "import", path(&ids), "--quiet"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--of"), "{}", stderr(&out));
    let out = run(&[
        "--data",
        path(&data),
        "import",
        path(&sheet),
        "--format",
        "generic.mapped",
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--mapping"), "{}", stderr(&out));
    let out = run(&[
        "--data",
        path(&data),
        "import",
        path(&edges),
        "--platform",
        "myspace",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unknown platform"),
        "{}",
        stderr(&out)
    );

    // With them.
    let ok = |args: &[&str]| {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stderr(&out)
    };
    ok(&[
        "--data",
        path(&data),
        "import",
        path(&edges),
        "--platform",
        "twitter",
    ]);
    ok(&[
        "--data",
        path(&data),
        "import",
        path(&ids),
        "--of",
        "@MFA_KZ",
        "--relation",
        "followers",
    ]);
    ok(&[
        "--data",
        path(&data),
        "import",
        path(&sheet),
        "--format",
        "generic.mapped",
        "--mapping",
        path(&mapping),
    ]);
    let count = |sql: &str| {
        let out = run(&["--data", path(&data), "sql", sql, "--format", "csv"]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).lines().nth(1).unwrap_or("").to_string()
    };
    // Edges: the fixture's 3 rows; ids: 6 followers of @mfa_kz.
    let edges_twitter = count("SELECT count(*) FROM follow WHERE platform = 'twitter'");
    assert!(
        edges_twitter.parse::<u32>().unwrap() >= 9,
        "{edges_twitter}"
    );
    assert_ne!(
        count("SELECT count(*) FROM post WHERE platform = 'facebook'"),
        "0"
    );

    // The same file again: nothing changes; with another platform: another import.
    let again = ok(&[
        "--data",
        path(&data),
        "import",
        path(&edges),
        "--platform",
        "twitter",
    ]);
    assert!(again.contains("already imported"), "{again}");
    assert_eq!(
        count("SELECT count(*) FROM follow WHERE platform = 'twitter'"),
        edges_twitter
    );
    ok(&[
        "--data",
        path(&data),
        "import",
        path(&edges),
        "--platform",
        "bluesky",
    ]);
    assert_eq!(
        count("SELECT count(*) FROM follow WHERE platform = 'bluesky'"),
        "3"
    );
}

//! The commands: each turns parsed arguments into facade calls and writes the result.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use dipl_facade::{FileOutcome, ImportRequest, Workspace};
use dipl_ingest::{ImportOptions, ListRelation, Mapping};
use dipl_metrics::{Params, Table, Value};
use dipl_model::{Platform, Timestamp, Window};
use dipl_report::table::{write_table, TableFormat};
use dipl_store::Scope;

use crate::progress::Bars;
use crate::{ActorsCommand, Cli, Command, FormatArgs, ScopeArgs};

/// An error caused by the user's input or arguments (exit code 1).
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

pub(crate) fn input_error(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(InputError(message.into()))
}

pub fn is_input_error(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.is::<InputError>()
            || cause
                .downcast_ref::<dipl_facade::Error>()
                .is_some_and(|e| e.is_input_error())
    })
}

/// The wall clock, read here only: the import time of observations that carry none.
fn now() -> Timestamp {
    Timestamp(chrono::Utc::now().timestamp())
}

/// A fresh random pseudonymisation key for a new workspace.
fn random_key() -> [u8; 32] {
    rand::random()
}

/// Opens (creating if needed) the workspace that an import or registry command writes to.
fn open_workspace(dir: &Path) -> Result<Workspace> {
    Ok(Workspace::open(dir, random_key)?)
}

/// Opens the workspace a reading command reads; a missing one is an input error, not a new
/// empty workspace.
pub(crate) fn existing_workspace(dir: &Path) -> Result<Workspace> {
    if !dir.join(dipl_facade::STORE_FILE).exists() {
        return Err(input_error(format!(
            "no workspace in {} (import data first: `diplometrics --data {} import FILES`, or run `diplometrics demo`)",
            dir.display(),
            dir.display()
        )));
    }
    open_workspace(dir)
}

pub fn run(cli: Cli) -> Result<()> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Demo(args) => demo(&args.out, args.seed, quiet),
        Command::Import(args) => {
            let mut workspace = open_workspace(&cli.data)?;
            if args.keep_audience_identities {
                workspace.store_mut().set_keep_audience_identities(true)?;
            }
            if let Some(csv) = &args.actors {
                let summary = workspace.import_registry(csv, args.actors_mapping.as_deref())?;
                if !quiet {
                    eprintln!(
                        "registry: {} actors, {} accounts from {}",
                        summary.actors,
                        summary.accounts,
                        csv.display()
                    );
                }
            }
            let request = ImportRequest {
                paths: args.paths,
                format: args.format,
                options: ImportOptions {
                    skip_bad: args.skip_bad,
                    platform: args
                        .platform
                        .as_deref()
                        .map(str::parse::<Platform>)
                        .transpose()
                        .map_err(input_error)?,
                    mapping: args
                        .mapping
                        .as_deref()
                        .map(|path| {
                            std::fs::read_to_string(path)
                                .map(|text| Mapping {
                                    path: path.display().to_string(),
                                    text: text.into(),
                                })
                                .map_err(|e| {
                                    input_error(format!("{}: cannot read: {e}", path.display()))
                                })
                        })
                        .transpose()?,
                    list_owner: args.list_owner,
                    list_relation: args
                        .list_relation
                        .as_deref()
                        .map(str::parse::<ListRelation>)
                        .transpose()
                        .map_err(input_error)?,
                },
                now: now(),
            };
            import(&mut workspace, &request, quiet)
        }
        Command::Formats => formats(),
        Command::Actors(ActorsCommand::Import { csv, mapping }) => {
            let mut workspace = open_workspace(&cli.data)?;
            let summary = workspace.import_registry(&csv, mapping.as_deref())?;
            println!(
                "imported {} actors with {} accounts from {}",
                summary.actors,
                summary.accounts,
                csv.display()
            );
            Ok(())
        }
        Command::Actors(ActorsCommand::List(output)) => {
            let workspace = existing_workspace(&cli.data)?;
            let table = actors_table(&workspace)?;
            emit(&table, &output)
        }
        Command::Metrics(args) => {
            if args.level == "catalog" {
                return emit(&catalog_table(), &args.output);
            }
            let workspace = existing_workspace(&cli.data)?;
            let (dataset, params) = load(&workspace, &args.scope, false, false)?;
            let table = match args.level.as_str() {
                "accounts" | "account" => dipl_metrics::account_table(
                    &dipl_metrics::account_metrics(&dataset, &params),
                    &dataset,
                ),
                "actors" | "actor" => dipl_metrics::actor_table(
                    &dipl_metrics::actor_metrics(&dataset, &params),
                    &dataset,
                ),
                "countries" | "country" => dipl_metrics::country_table(
                    &dipl_metrics::country_metrics(&dataset, &params),
                    &dataset,
                ),
                other => {
                    return Err(input_error(format!(
                        "unknown level `{other}` (expected accounts, actors, countries or catalog)"
                    )))
                }
            };
            if table.rows.is_empty() && !quiet {
                eprintln!(
                    "no {} in scope: metrics are computed for registered actors and for accounts whose own timeline was imported (search results and streams only give audience); see `diplometrics actors import --help`",
                    args.level
                );
            }
            emit(&table, &args.output)
        }
        Command::Network(args) => crate::network::network(&cli.data, &args),
        Command::Dialogue(args) => crate::dialogue::run(&cli.data, &args),
        Command::Hashtags(args) => tags(&cli.data, &args, false),
        Command::Mentions(args) => tags(&cli.data, &args, true),
        Command::Report(args) => {
            let workspace = existing_workspace(&cli.data)?;
            let window = parse_window(&args.scope)?;
            let platforms = parse_platforms(&args.scope.platform)?;
            let (path, summary) =
                write_report(&workspace, window, platforms, args.title, &args.out)?;
            print_summary(&summary, quiet);
            println!("report: {}", path.display());
            Ok(())
        }
        Command::Synth(args) => synth(
            &args.out,
            args.seed,
            args.posts,
            args.accounts,
            &args.format,
            quiet,
        ),
        Command::Sql(args) => {
            let workspace = existing_workspace(&cli.data)?;
            let result = workspace
                .store()
                .query(&args.query)
                .map_err(|e| input_error(format!("sql: {e}")))?;
            let table = Table {
                columns: result.columns,
                rows: result
                    .rows
                    .into_iter()
                    .map(|row| {
                        row.into_iter()
                            .map(|v| match v {
                                dipl_store::SqlValue::Null => Value::Null,
                                dipl_store::SqlValue::Integer(i) => Value::Int(i),
                                dipl_store::SqlValue::Real(f) => Value::Float(f),
                                dipl_store::SqlValue::Text(t) => Value::Text(t),
                                dipl_store::SqlValue::Blob(b) => {
                                    Value::Text(format!("<{} bytes>", b.len()))
                                }
                            })
                            .collect()
                    })
                    .collect(),
            };
            emit(&table, &args.output)
        }
        Command::Batches(output) => {
            let workspace = existing_workspace(&cli.data)?;
            emit(&batches_table(&workspace)?, &output)
        }
    }
}

fn import(workspace: &mut Workspace, request: &ImportRequest, quiet: bool) -> Result<()> {
    let mut bars = Bars::new(quiet);
    let started = std::time::Instant::now();
    let report = workspace.import(request, &mut bars)?;
    if quiet {
        return Ok(());
    }
    let mut stderr = io::stderr().lock();
    for file in &report.files {
        match &file.outcome {
            FileOutcome::Imported {
                posts,
                accounts,
                observations,
                follows,
                records_skipped,
            } => {
                let _ = writeln!(
                    stderr,
                    "{} ({}): {posts} post records, {accounts} account records, {observations} account observations, {follows} follow records{}",
                    file.file,
                    file.importer,
                    if *records_skipped > 0 {
                        format!(", {records_skipped} records skipped")
                    } else {
                        String::new()
                    }
                );
            }
            FileOutcome::AlreadyImported { batch } => {
                let _ = writeln!(
                    stderr,
                    "{} ({}): already imported (batch {batch}), nothing changed",
                    file.file, file.importer
                );
            }
        }
        const SHOWN: usize = 20;
        for diagnostic in file.diagnostics.iter().take(SHOWN) {
            let _ = writeln!(stderr, "  {diagnostic}");
        }
        if file.diagnostics.len() > SHOWN {
            let _ = writeln!(
                stderr,
                "  … {} more diagnostics (see `diplometrics batches` and the diagnostic table)",
                file.diagnostics.len() - SHOWN
            );
        }
    }
    if !report.skipped_files.is_empty() {
        let _ = writeln!(
            stderr,
            "skipped {} files that are not exports Diplometrics reads (e.g. {})",
            report.skipped_files.len(),
            report.skipped_files[0]
        );
    }
    let _ = writeln!(
        stderr,
        "imported {} files, {} post records in {:.1} s into {}",
        report.files.len(),
        report.total_posts(),
        started.elapsed().as_secs_f64(),
        workspace.dir().display()
    );
    Ok(())
}

fn formats() -> Result<()> {
    let importers = dipl_facade::all_importers();
    let table = Table {
        columns: vec!["id".into(), "platform".into(), "reads".into()],
        rows: importers
            .iter()
            .map(|i| {
                vec![
                    Value::Text(i.id().into()),
                    // The generic importers read any platform (`--platform` or the mapping says).
                    Value::Text(if i.id().starts_with("generic.") {
                        "any".into()
                    } else {
                        i.platform().id().into()
                    }),
                    Value::Text(i.description().into()),
                ]
            })
            .collect(),
    };
    emit(
        &table,
        &FormatArgs {
            format: "table".into(),
            output: None,
        },
    )
}

fn actors_table(workspace: &Workspace) -> Result<Table> {
    let mut rows = Vec::new();
    for listing in workspace.store().list_actors()? {
        let actor = &listing.actor;
        let base = vec![
            Value::Text(actor.id.clone()),
            Value::Text(actor.name.clone()),
            Value::Text(actor.kind.id().into()),
            Value::Text(actor.country.clone()),
            actor.host.clone().map_or(Value::Null, Value::Text),
        ];
        if listing.accounts.is_empty() {
            let mut row = base.clone();
            row.extend([
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Int(0),
                Value::Null,
                Value::Null,
            ]);
            rows.push(row);
        }
        for account in &listing.accounts {
            let mut row = base.clone();
            row.extend([
                Value::Text(account.platform.id().into()),
                account.handle.clone().map_or(Value::Null, Value::Text),
                account.platform_id.clone().map_or(Value::Null, Value::Text),
                Value::Int(account.n_posts as i64),
                account
                    .first_post
                    .map_or(Value::Null, |t| Value::Text(t.to_date_string())),
                account
                    .last_post
                    .map_or(Value::Null, |t| Value::Text(t.to_date_string())),
            ]);
            rows.push(row);
        }
    }
    Ok(Table {
        columns: [
            "actor",
            "name",
            "kind",
            "country",
            "host",
            "platform",
            "handle",
            "account_id",
            "posts_stored",
            "first_post",
            "last_post",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    })
}

fn batches_table(workspace: &Workspace) -> Result<Table> {
    let rows = workspace
        .store()
        .batches()?
        .into_iter()
        .map(|b| {
            vec![
                Value::Int(b.id),
                Value::Text(b.importer_id),
                Value::Text(b.importer_version),
                Value::Text(b.source),
                Value::Text(b.started_at.to_rfc3339()),
                b.counts
                    .as_ref()
                    .map_or(Value::Null, |c| Value::Int(c.posts as i64)),
                Value::Int(b.n_diagnostics as i64),
                Value::Text(b.status),
                b.content_hash.map_or(Value::Null, Value::Text),
            ]
        })
        .collect();
    Ok(Table {
        columns: [
            "batch",
            "importer",
            "version",
            "source",
            "imported_at",
            "posts",
            "diagnostics",
            "status",
            "content_hash",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    })
}

fn catalog_table() -> Table {
    dipl_metrics::catalog_table()
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(if io::stdout().is_terminal() { 120 } else { 160 })
}

/// Writes a table where `--output`/`--format` say.
pub(crate) fn emit(table: &Table, args: &FormatArgs) -> Result<()> {
    let format: TableFormat = args.format.parse().map_err(input_error)?;
    match &args.output {
        Some(path) => {
            let file = File::create(path)
                .map_err(|e| input_error(format!("{}: cannot create: {e}", path.display())))?;
            let mut out = BufWriter::new(file);
            write_table(&mut out, table, format, usize::MAX)?;
            out.flush()?;
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write_table(&mut out, table, format, terminal_width())?;
            out.flush()?;
        }
    }
    Ok(())
}

fn parse_time(flag: &str, value: &Option<String>) -> Result<Option<Timestamp>> {
    match value {
        None => Ok(None),
        Some(text) => Timestamp::parse(text).map(Some).ok_or_else(|| {
            input_error(format!(
                "--{flag} `{text}`: expected a date YYYY-MM-DD or an RFC 3339 time"
            ))
        }),
    }
}

pub(crate) fn parse_window(scope: &ScopeArgs) -> Result<Window> {
    Ok(Window {
        from: parse_time("from", &scope.from)?,
        to: parse_time("to", &scope.to)?,
        as_of: parse_time("as-of", &scope.as_of)?,
    })
}

pub(crate) fn parse_platforms(names: &[String]) -> Result<Option<Vec<Platform>>> {
    if names.is_empty() {
        return Ok(None);
    }
    let mut platforms = names
        .iter()
        .map(|n| n.parse::<Platform>().map_err(input_error))
        .collect::<Result<Vec<_>>>()?;
    platforms.sort();
    platforms.dedup();
    Ok(Some(platforms))
}

/// Loads the dataset of the scope the arguments give, and the metric parameters for it.
fn load(
    workspace: &Workspace,
    scope: &ScopeArgs,
    with_hashtags: bool,
    with_mentions: bool,
) -> Result<(dipl_model::Dataset, Params)> {
    let window = parse_window(scope)?;
    let platforms = parse_platforms(&scope.platform)?;
    load_scope(
        workspace,
        window,
        platforms,
        with_hashtags,
        with_mentions,
        false,
        false,
    )
}

/// Validates a window and loads its dataset (posts of subject and registered accounts only, all
/// that metrics, hashtags, mentions and the report read).
pub(crate) fn load_scope(
    workspace: &Workspace,
    window: Window,
    platforms: Option<Vec<Platform>>,
    with_hashtags: bool,
    with_mentions: bool,
    with_follows: bool,
    with_threads: bool,
) -> Result<(dipl_model::Dataset, Params)> {
    let params = Params {
        window,
        platforms: platforms.clone(),
    };
    params.validate().map_err(|e| input_error(e.to_string()))?;
    let dataset = workspace.dataset(&Scope {
        window,
        platforms,
        with_hashtags,
        with_mentions,
        // Threads load the audience's comments by themselves.
        subjects_only: true,
        with_follows,
        with_threads,
        // Answers given after the window's end but by an explicit as_of are known then.
        threads_until: window.as_of,
    })?;
    Ok((dataset, params))
}

fn tags(data: &Path, args: &crate::TagArgs, mentions: bool) -> Result<()> {
    let by: dipl_metrics::By = args
        .by
        .parse()
        .map_err(|e: dipl_metrics::ParamsError| input_error(e.to_string()))?;
    let workspace = existing_workspace(data)?;
    let (dataset, params) = load(&workspace, &args.scope, !mentions, mentions)?;
    let table = if mentions {
        dipl_metrics::mention_table(
            &dipl_metrics::mentions(&dataset, &params, by, args.top),
            by,
            &dataset,
        )
    } else {
        dipl_metrics::hashtag_table(
            &dipl_metrics::hashtags(&dataset, &params, by, args.top),
            by,
            &dataset,
        )
    };
    emit(&table, &args.output)
}

/// The report's summary on standard error (standard output carries only the report's paths).
fn print_summary(summary: &[String], quiet: bool) {
    if quiet {
        return;
    }
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr);
    for line in summary {
        let _ = writeln!(stderr, "  {line}");
    }
    let _ = writeln!(stderr);
}

/// Writes report.html, report.md and the CSV tables into `out`; returns the HTML path and the
/// report's opening summary.
fn write_report(
    workspace: &Workspace,
    window: Window,
    platforms: Option<Vec<Platform>>,
    title: Option<String>,
    out: &Path,
) -> Result<(PathBuf, Vec<String>)> {
    // The report's network section draws the follow graph when there are follow edges.
    let (dataset, params) = load_scope(workspace, window, platforms, true, true, true, true)?;
    let built = dipl_report::build::build_report(&dataset, &params, title.as_deref());
    std::fs::create_dir_all(out.join("tables"))
        .with_context(|| format!("{}: cannot create the report folder", out.display()))?;
    let html = out.join("report.html");
    std::fs::write(&html, dipl_report::document::to_html(&built.report))
        .with_context(|| format!("{}: cannot write", html.display()))?;
    std::fs::write(
        out.join("report.md"),
        dipl_report::document::to_markdown_report(&built.report),
    )
    .with_context(|| format!("{}: cannot write report.md", out.display()))?;
    for (name, table) in &built.tables {
        let path = out.join("tables").join(format!("{name}.csv"));
        let mut file = BufWriter::new(
            File::create(&path).with_context(|| format!("{}: cannot create", path.display()))?,
        );
        dipl_report::table::write_csv(&mut file, table)?;
        file.flush()?;
    }
    Ok((html, built.report.summary))
}

/// The formats named by `--format` (comma-separated; `x`, `both` and `all` are groups).
fn synth_formats(format: &str) -> Result<dipl_synth::CorpusOptions> {
    use dipl_synth::{CorpusOptions, Format};
    let mut formats = Vec::new();
    for name in format.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match name {
            "all" => formats.extend(CorpusOptions::all_platforms().formats),
            "x" | "both" => formats.extend([Format::Twarc2, Format::V1Jsonl]),
            _ => formats.push(Format::parse(name).ok_or_else(|| {
                input_error(format!(
                    "unknown synth format `{name}` (expected twarc2, v1, v1_array, telegram, telethon, facebook, crowdtangle, vk, x or all)"
                ))
            })?),
        }
    }
    if formats.is_empty() {
        return Err(input_error("--format names no format"));
    }
    formats.sort();
    formats.dedup();
    Ok(CorpusOptions::only(&formats))
}

fn synth(
    out: &Path,
    seed: u64,
    posts: Option<u64>,
    accounts: Option<u32>,
    format: &str,
    quiet: bool,
) -> Result<()> {
    let options = synth_formats(format)?;
    let summary = match posts {
        Some(n_posts) => {
            let mut spec = dipl_synth::ScaleSpec::for_posts(n_posts);
            if let Some(accounts) = accounts {
                spec.n_accounts = accounts.max(1) as usize;
            }
            spec.write_corpus(seed, out, &options)?
        }
        None => dipl_synth::write_corpus(&dipl_synth::demo_scenario(), seed, out, &options)?,
    };
    if !quiet {
        eprintln!(
            "synth: {} posts, {:.1} MB in {}",
            summary.n_posts,
            summary.bytes as f64 / 1e6,
            out.display()
        );
    }
    for file in &summary.files {
        println!("{}", file.path.display());
    }
    Ok(())
}

/// The whole product in one go: synthetic corpus -> registry -> import -> report.
fn demo(out: &Path, seed: u64, quiet: bool) -> Result<()> {
    let scenario = dipl_synth::demo_scenario();
    let corpus = out.join("corpus");
    let summary = dipl_synth::write_corpus(
        &scenario,
        seed,
        &corpus,
        &dipl_synth::CorpusOptions::all_platforms(),
    )?;
    // The demo is reproducible byte for byte: its pseudonymisation key derives from the seed and
    // its import time is the end of the synthetic period.
    let key = *blake3::hash(format!("diplometrics demo key {seed}").as_bytes()).as_bytes();
    let mut workspace = Workspace::open(&out.join("workspace"), || key)?;
    let registry = summary
        .files
        .iter()
        .find(|f| f.format == "registry_csv")
        .ok_or_else(|| anyhow!("the demo corpus has no registry"))?;
    let registered = workspace.import_registry(&registry.path, None)?;
    if !quiet {
        eprintln!(
            "registry: {} actors, {} accounts from {}",
            registered.actors,
            registered.accounts,
            registry.path.display()
        );
    }
    let request = ImportRequest {
        paths: summary
            .files
            .iter()
            .filter(|f| f.format != "registry_csv")
            .map(|f| f.path.clone())
            .collect(),
        format: None,
        options: ImportOptions::default(),
        now: scenario.end,
    };
    import(&mut workspace, &request, quiet)?;
    let (html, summary) = write_report(
        &workspace,
        Window::ALL,
        None,
        Some("Digital diplomacy in Kazakhstan and Central Asia (synthetic demo)".into()),
        &out.join("report"),
    )?;
    print_summary(&summary, quiet);
    println!("report: {}", html.display());
    println!("        {}", out.join("report").join("report.md").display());
    Ok(())
}

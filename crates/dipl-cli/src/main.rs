//! `diplometrics`: the command line. Arguments, the wall clock, randomness, terminals and exit
//! codes live here and nowhere else.
//!
//! Exit codes: 0 success (including imports that skipped bad records, which are reported),
//! 1 usage or input error, 2 internal failure. A closed pipe (`| head`) is success.

mod commands;
mod dialogue;
mod network;
mod progress;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Importing allocates millions of short strings on several threads; mimalloc measured faster
/// than the system allocator there (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXAMPLES: &str = "\
Examples:
  diplometrics demo                                  # synthetic corpus -> import -> report
  diplometrics actors import registry.csv            # who is who (actors and their accounts)
  diplometrics import exports/ tweets.jsonl.gz       # files, folders, .gz and .zip
  diplometrics metrics accounts --from 2025-01-01 --to 2026-01-01
  diplometrics metrics countries --format csv --output countries.csv
  diplometrics hashtags --by actor --top 5
  diplometrics report --out report/

Data lives in one folder (--data, or DIPLOMETRICS_DATA, default ./diplometrics-data).";

#[derive(Parser, Debug)]
#[command(
    name = "diplometrics",
    version,
    about = "Digital-diplomacy metrics from the social-media exports of ministries, embassies and leaders",
    after_help = EXAMPLES
)]
struct Cli {
    /// Workspace folder holding the store.
    #[arg(
        long,
        global = true,
        env = "DIPLOMETRICS_DATA",
        default_value = "diplometrics-data"
    )]
    data: PathBuf,
    /// No progress bars or summaries on standard error.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Synthesise a realistic sample corpus, import it through the real importers and write the report.
    #[command(
        after_help = "Example:\n  diplometrics demo --out demo/\n  open demo/report/report.html"
    )]
    Demo(DemoArgs),
    /// Import export files (auto-detected; see `formats`): files, folders, .gz and .zip.
    #[command(
        after_help = "Examples:\n  diplometrics import timeline.json\n  diplometrics import harvest/ --actors registry.csv\n  diplometrics import stream.jsonl --skip-bad\n  diplometrics import dump.jsonl --format twitter.v1"
    )]
    Import(ImportArgs),
    /// List the import formats with their ids.
    Formats,
    /// The actor registry: who is who, with their accounts.
    #[command(subcommand)]
    Actors(ActorsCommand),
    /// Account metrics (metrics-codebook §2–§5) per account, actor or country.
    #[command(
        after_help = "Examples:\n  diplometrics metrics accounts\n  diplometrics metrics actors --from 2025-01-01 --to 2025-07-01 --format csv\n  diplometrics metrics countries --format json --output countries.json\n  diplometrics metrics catalog            # every metric id with its definition"
    )]
    Metrics(MetricsArgs),
    /// Hashtags of own posts (case-folded) per account, actor or country.
    Hashtags(TagArgs),
    /// Accounts mentioned in own posts per account, actor or country.
    Mentions(TagArgs),
    /// Dialogue, listening and local reach (codebook §5–§6): do actors talk with their publics?
    #[command(
        after_help = "Examples:\n  diplometrics dialogue                              # per account: audience comments, answered share, response times …\n  diplometrics dialogue --by actor --from 2025-01-01 --to 2026-01-01\n  diplometrics dialogue --by country --format csv --output dialogue.csv\n  diplometrics dialogue --unanswered                 # audience questions left unanswered, with links\n  diplometrics dialogue --unanswered --show-text     # ... and the comments' text\n  diplometrics dialogue --languages                  # languages of own posts and of audience comments\n  diplometrics dialogue --by actor --every month     # answered share and response times per month\n\nAn audience comment is answered when the account commented on replies to it (by --as-of,\ndefault --to); response times are in hours. Commenters appear under their pseudonyms\n(anon-…) unless the workspace keeps audience identities; comment text only with --show-text."
    )]
    Dialogue(DialogueArgs),
    /// Networks of who follows, mentions, answers and reposts whom (codebook §8).
    #[command(
        after_help = "Examples:\n  diplometrics network follow                       # node table: degrees, mutual ties, PageRank …\n  diplometrics network follow --summary             # density, reciprocity, components, diameter, modularity\n  diplometrics network follow --best-connected --top 20\n  diplometrics network mention --by actor --from 2025-01-01 --to 2026-01-01\n  diplometrics network repost --export gexf --out reposts.gexf   # for Gephi (graphml, csv too)\n  diplometrics network follow --every quarter       # rank per quarter and mobility\n  diplometrics network mention --every month --export gexf --out mentions.gexf  # dynamic GEXF\n\nNodes are actor accounts (registered or subjects of an export) unless --include-audience;\nbetweenness and closeness count hops, PageRank and eigenvector use the tie weights."
    )]
    Network(NetworkArgs),
    /// Write the HTML and Markdown report with its tables.
    #[command(
        after_help = "Example:\n  diplometrics report --out report/ --from 2025-01-01 --to 2026-01-01"
    )]
    Report(ReportArgs),
    /// Write a synthetic corpus in real export formats (for trials and benchmarks).
    #[command(
        after_help = "Examples:\n  diplometrics synth --out corpus/                          # the demo, every platform\n  diplometrics synth --out corpus/ --format x               # the demo's X accounts only\n  diplometrics synth --out big/ --posts 1000000 --format twarc2\n  diplometrics synth --out big/ --posts 1000000 --format telegram,vk,crowdtangle\n\nFormats: twarc2, v1, v1_array (X); telegram (Desktop result.json with discussion\ngroups), telethon (Telegram); facebook (Graph API page feed with comments),\ncrowdtangle (Facebook); vk (wall.get + wall.getComments)."
    )]
    Synth(SynthArgs),
    /// Import batches with their provenance and diagnostics.
    Batches(FormatArgs),
    /// Read-only SQL over the store (tables: actor, account, account_observation, post,
    /// post_observation, follow, import_batch, diagnostic).
    #[command(
        after_help = "Examples:\n  diplometrics sql \"SELECT kind, count(*) FROM post GROUP BY kind\"\n  diplometrics sql \"SELECT file, location, message FROM diagnostic\" --format csv\n\nAudience accounts appear under their pseudonyms (anon-…) unless the workspace keeps identities."
    )]
    Sql(SqlArgs),
}

#[derive(Args, Debug)]
struct SqlArgs {
    /// One SELECT statement (writes are refused).
    query: String,
    #[command(flatten)]
    output: FormatArgs,
}

#[derive(Args, Debug)]
struct DemoArgs {
    /// Folder for the corpus, the workspace and the report.
    #[arg(long, default_value = "diplometrics-demo")]
    out: PathBuf,
    /// Seed of the synthetic corpus.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

#[derive(Args, Debug)]
struct ImportArgs {
    /// Files or folders to import.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Importer id for every file instead of auto-detection (see `formats`).
    #[arg(long)]
    format: Option<String>,
    /// Registry CSV to import first (see `actors import`).
    #[arg(long)]
    actors: Option<PathBuf>,
    /// Mapping (TOML) for the --actors file's columns (see `actors import --help`).
    #[arg(long, requires = "actors")]
    actors_mapping: Option<PathBuf>,
    /// Import the readable records of corrupt or truncated files and report the rest.
    #[arg(long)]
    skip_bad: bool,
    /// Keep audience accounts' ids and handles instead of pseudonyms (remembered by the workspace).
    #[arg(long)]
    keep_audience_identities: bool,
    /// Platform of formats that do not say (generic.edges, generic.mapped): twitter, facebook,
    /// instagram, telegram, vkontakte, bluesky, mastodon, youtube.
    #[arg(long)]
    platform: Option<String>,
    /// Column mapping (TOML) for `--format generic.mapped` (see docs/generic-mapping.md).
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// Whose list an id-list file is (`twitter.ids`): a platform id or @handle.
    #[arg(long = "of", value_name = "ACCOUNT")]
    list_owner: Option<String>,
    /// Which list an id-list file is (`twitter.ids`): followers or following.
    #[arg(
        long = "relation",
        value_name = "followers|following",
        requires = "list_owner"
    )]
    list_relation: Option<String>,
}

#[derive(Subcommand, Debug)]
enum ActorsCommand {
    /// Import a registry CSV (columns actor_id, name, kind, country, host, platform, handle, account_id, or a --mapping).
    #[command(
        after_help = "Examples:\n  diplometrics actors import registry.csv\n  diplometrics actors import world-leaders-social-media.csv --mapping isq.toml\n\nKinds: mfa, embassy, consulate, mission, head_of_state, head_of_government,\nforeign_minister, minister, ambassador, spokesperson, other_official.\nCountries: ISO 3166-1 alpha-3 (KAZ, DEU …); host: ISO3 or an organisation code (UN, EU, OSCE)."
    )]
    Import {
        csv: PathBuf,
        /// TOML file mapping the spreadsheet's columns (see docs/registry.md).
        #[arg(long)]
        mapping: Option<PathBuf>,
    },
    /// List actors with their accounts and whether data exists for each.
    List(FormatArgs),
}

#[derive(Args, Debug, Clone)]
struct FormatArgs {
    /// table (terminal), csv, json or markdown.
    #[arg(long, default_value = "table")]
    format: String,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
struct ScopeArgs {
    /// Start of the window (inclusive), YYYY-MM-DD or RFC 3339.
    #[arg(long)]
    from: Option<String>,
    /// End of the window (exclusive), YYYY-MM-DD or RFC 3339.
    #[arg(long)]
    to: Option<String>,
    /// Reference time for up-to-dateness (default: --to, else the latest post in the data).
    #[arg(long)]
    as_of: Option<String>,
    /// Only these platforms (repeat or comma-separate).
    #[arg(long, value_delimiter = ',')]
    platform: Vec<String>,
}

#[derive(Args, Debug)]
struct MetricsArgs {
    /// accounts, actors, countries, or catalog (the definitions).
    level: String,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    output: FormatArgs,
}

#[derive(Args, Debug)]
struct TagArgs {
    /// Group by account, actor or country.
    #[arg(long, default_value = "account")]
    by: String,
    /// Top N per group.
    #[arg(long, default_value_t = 10)]
    top: usize,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    output: FormatArgs,
}

#[derive(Args, Debug)]
struct DialogueArgs {
    /// Group by account, actor or country.
    #[arg(long, default_value = "account")]
    by: String,
    /// List the audience questions that received no answer (for review), with links.
    #[arg(long, conflicts_with = "languages")]
    unanswered: bool,
    /// With --unanswered: show the text of the comments (audience words: only on request).
    #[arg(long, requires = "unanswered")]
    show_text: bool,
    /// Languages of own posts and of audience comments, one row per language.
    #[arg(long)]
    languages: bool,
    /// The dialogue per period (month, quarter or year): is engagement confined to some
    /// periods? Answers known by --as-of count whatever their period.
    #[arg(long, conflicts_with_all = ["unanswered", "languages"])]
    every: Option<String>,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    output: FormatArgs,
}

#[derive(Args, Debug)]
struct NetworkArgs {
    /// follow, mention, reply or repost.
    graph: String,
    /// Nodes are accounts, or actors (their accounts merged across platforms).
    #[arg(long, default_value = "account")]
    by: String,
    /// Add every account met (audience too), not only actor accounts.
    #[arg(long)]
    include_audience: bool,
    /// Graph-level metrics instead of the node table.
    #[arg(long)]
    summary: bool,
    /// The "best connected" league table: mutual ties, then one-way ties in.
    #[arg(long, conflicts_with = "summary")]
    best_connected: bool,
    /// Only the N first nodes (by PageRank, or by mutual ties with --best-connected).
    #[arg(long)]
    top: Option<usize>,
    /// Also write the graph with its node metrics: gexf, graphml or csv (a folder).
    #[arg(long, requires = "out")]
    export: Option<String>,
    /// Where --export writes.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Seed of the community detection's node order.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// The graph per period (month, quarter or year): each node's PageRank rank per period and
    /// its mobility (Manor & Segev); with --export gexf, a dynamic GEXF (ties with spells).
    #[arg(long, conflicts_with_all = ["summary", "best_connected"])]
    every: Option<String>,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    output: FormatArgs,
}

#[derive(Args, Debug)]
struct ReportArgs {
    /// Folder for report.html, report.md and the tables.
    #[arg(long, default_value = "diplometrics-report")]
    out: PathBuf,
    /// Title of the report.
    #[arg(long)]
    title: Option<String>,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Debug)]
struct SynthArgs {
    /// Output folder.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Exactly this many timeline posts per format in a benchmark-scale corpus (comments come
    /// on top; default: the demo scenario).
    #[arg(long)]
    posts: Option<u64>,
    /// Accounts of a benchmark-scale corpus (default: about one per 2,000 posts).
    #[arg(long)]
    accounts: Option<u32>,
    /// Output formats, comma-separated: twarc2, v1, v1_array, telegram, telethon, facebook,
    /// crowdtangle, vk; `x` (= twarc2,v1) or `all` (every platform of the demo).
    #[arg(long, default_value = "all")]
    format: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("DIPLOMETRICS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            if commands::is_input_error(&err) {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

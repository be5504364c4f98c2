//! Drives generation into writers: single-format streams (`write_v1_jsonl`, `write_v1_array`,
//! `write_twarc2`) and whole corpora (`write_corpus`: tweet files split between formats by actor
//! kind, plus the actor registry), with the ground truth tests compare against: per-account
//! post counts by kind.
//!
//! Output is produced month by month and account by account (a monthly timeline harvest);
//! memory holds two months of compact post records, never the rendered corpus.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use dipl_model::{ActorKind, Timestamp};

use crate::error::SynthError;
use crate::render::Renderer;
use crate::scenario::Scenario;
use crate::timeline::{Generator, Kind, Post};
use crate::twarc2::{self, Page, PAGE_SIZE};
use crate::v1::{self, Harvest};
use crate::world::{Who, World};

/// The X export formats the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TweetFormat {
    /// API v1.1 tweet objects, one per line.
    V1Jsonl,
    /// API v1.1 tweet objects in one JSON array (as tweepy dumps and world-leader-vis store them).
    V1Array,
    /// twarc2 JSONL: one API v2 response page per line.
    Twarc2,
}

impl TweetFormat {
    /// The file name `write_corpus` uses.
    pub fn file_name(self) -> &'static str {
        match self {
            TweetFormat::V1Jsonl => "x-v1.jsonl",
            TweetFormat::V1Array => "x-v1.json",
            TweetFormat::Twarc2 => "x-twarc2.jsonl",
        }
    }

    /// A stable id, e.g. for logs and summaries.
    pub fn id(self) -> &'static str {
        match self {
            TweetFormat::V1Jsonl => "x_v1_jsonl",
            TweetFormat::V1Array => "x_v1_array",
            TweetFormat::Twarc2 => "x_twarc2",
        }
    }

    fn is_v1(self) -> bool {
        matches!(self, TweetFormat::V1Jsonl | TweetFormat::V1Array)
    }
}

/// Ground truth for one account: what was written, by kind (metrics-codebook §2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountCounts {
    pub actor_id: String,
    pub handle: String,
    pub account_id: String,
    /// The format the account's posts were written in (`None`: not written).
    pub format: Option<TweetFormat>,
    pub posts: u64,
    pub originals: u64,
    /// All replies: self-replies (threads), replies to audience comments, replies to other actors.
    pub replies: u64,
    pub self_replies: u64,
    /// Replies whose parent author is not the account itself (the codebook's
    /// `replies_to_audience`: it includes replies to other actors' posts).
    pub replies_to_audience: u64,
    /// The part of `replies_to_audience` that answers other actors' posts.
    pub replies_to_actors: u64,
    pub reposts: u64,
    pub quotes: u64,
    pub first_post: Option<Timestamp>,
    pub last_post: Option<Timestamp>,
}

impl AccountCounts {
    fn tally(&mut self, post: &Post) {
        self.posts += 1;
        match post.core.kind {
            Kind::Original => self.originals += 1,
            Kind::SelfReply => {
                self.replies += 1;
                self.self_replies += 1;
            }
            Kind::ReplyAudience => {
                self.replies += 1;
                self.replies_to_audience += 1;
            }
            Kind::ReplyActor => {
                self.replies += 1;
                self.replies_to_audience += 1;
                self.replies_to_actors += 1;
            }
            Kind::Retweet => self.reposts += 1,
            Kind::Quote => self.quotes += 1,
        }
        let t = Timestamp(post.core.t());
        self.first_post = Some(self.first_post.map_or(t, |f| f.min(t)));
        self.last_post = Some(self.last_post.map_or(t, |l| l.max(t)));
    }
}

/// What a single-format writer produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteSummary {
    pub n_posts: u64,
    pub bytes: u64,
    /// Every account of the scenario, in scenario order.
    pub accounts: Vec<AccountCounts>,
}

/// One file of a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub path: PathBuf,
    /// `x_v1_jsonl`, `x_v1_array`, `x_twarc2` or `registry_csv`.
    pub format: &'static str,
    pub n_posts: u64,
    pub bytes: u64,
}

/// What `write_corpus` produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSummary {
    pub files: Vec<FileSummary>,
    pub n_posts: u64,
    pub bytes: u64,
    /// Every account of the scenario, in scenario order, with the format it went to.
    pub accounts: Vec<AccountCounts>,
}

/// Which files `write_corpus` writes and how accounts are split between tweet formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusOptions {
    /// Tweet formats to write (at most one v1 variant). With one format every account goes there;
    /// with a v1 format and twarc2, accounts of `v1_kinds` go to v1 and the others to twarc2, so
    /// no post is written twice.
    pub formats: Vec<TweetFormat>,
    /// Write `actors.csv`.
    pub registry: bool,
    pub v1_kinds: Vec<ActorKind>,
}

impl Default for CorpusOptions {
    /// twarc2 for embassies, missions and ambassadors; v1.1 JSONL for ministries and leaders;
    /// and the registry.
    fn default() -> Self {
        CorpusOptions {
            formats: vec![TweetFormat::Twarc2, TweetFormat::V1Jsonl],
            registry: true,
            v1_kinds: vec![
                ActorKind::Mfa,
                ActorKind::HeadOfState,
                ActorKind::HeadOfGovernment,
                ActorKind::ForeignMinister,
                ActorKind::Minister,
                ActorKind::Spokesperson,
            ],
        }
    }
}

/// A writer that counts bytes.
struct Counting<W: Write> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Counting<W> {
    fn put(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.inner.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(())
    }
}

struct Output<'a> {
    format: TweetFormat,
    w: Counting<&'a mut dyn Write>,
    n_posts: u64,
    /// For the array layout: whether an element was written.
    started: bool,
}

fn blank_counts(scenario: &Scenario) -> Vec<AccountCounts> {
    let mut out = Vec::with_capacity(scenario.n_accounts());
    for actor in &scenario.actors {
        for acc in &actor.accounts {
            out.push(AccountCounts {
                actor_id: actor.id.clone(),
                handle: acc.handle.clone(),
                account_id: acc.account_id.clone(),
                format: None,
                posts: 0,
                originals: 0,
                replies: 0,
                self_replies: 0,
                replies_to_audience: 0,
                replies_to_actors: 0,
                reposts: 0,
                quotes: 0,
                first_post: None,
                last_post: None,
            });
        }
    }
    out
}

/// Generates the corpus and writes account `a`'s posts to `outputs[assign[a]]`.
fn generate(
    scenario: &Scenario,
    seed: u64,
    outputs: &mut [Output<'_>],
    assign: &[Option<usize>],
) -> Result<Vec<AccountCounts>, SynthError> {
    scenario.validate()?;
    let world = World::new(scenario, seed);
    let mut generator = Generator::new(&world);
    let mut counts = blank_counts(scenario);
    for (a, slot) in assign.iter().enumerate() {
        counts[a].format = slot.map(|o| outputs[o].format);
    }
    for o in outputs.iter_mut() {
        if o.format == TweetFormat::V1Array {
            o.w.put(b"[")?;
        }
    }
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
    let mut author_json: Vec<u8> = Vec::with_capacity(2048);
    let mut page = Page::new();
    while let Some(batch) = generator.next_month() {
        let renderer = Renderer::new(&world, &generator.refs);
        for (a, list) in batch.posts.iter().enumerate() {
            let Some(o) = assign[a] else { continue };
            if list.is_empty() {
                continue;
            }
            // Accounts are harvested one after another shortly after the month ends.
            let at = batch.end + 60 + 3 * a as i64;
            let harvest = Harvest {
                world: &world,
                plan: &generator.plan,
                renderer: &renderer,
                month: batch.index,
                at,
            };
            for post in list {
                counts[a].tally(post);
            }
            let out = &mut outputs[o];
            out.n_posts += list.len() as u64;
            author_json.clear();
            buf.clear();
            if out.format.is_v1() {
                v1::user_json(&harvest, Who::Actor(a as u32), &mut author_json);
                // A timeline harvest returns the newest posts first.
                for post in list.iter().rev() {
                    if out.format == TweetFormat::V1Array && out.started {
                        buf.extend_from_slice(b", ");
                    }
                    out.started = true;
                    v1::write_post(&harvest, post, &author_json, &mut buf);
                    if out.format == TweetFormat::V1Jsonl {
                        buf.push(b'\n');
                    }
                    if buf.len() > 512 * 1024 {
                        out.w.put(&buf)?;
                        buf.clear();
                    }
                }
            } else {
                twarc2::user_json(&harvest, Who::Actor(a as u32), &mut author_json);
                let newest_first: Vec<usize> = (0..list.len()).rev().collect();
                let n_pages = newest_first.len().div_ceil(PAGE_SIZE);
                for (p, chunk) in newest_first.chunks(PAGE_SIZE).enumerate() {
                    for &i in chunk {
                        page.add(&harvest, list, i);
                    }
                    page.finish(&harvest, a, &author_json, p, p + 1 == n_pages, &mut buf);
                    out.w.put(&buf)?;
                    buf.clear();
                }
            }
            out.w.put(&buf)?;
        }
    }
    for o in outputs.iter_mut() {
        if o.format == TweetFormat::V1Array {
            o.w.put(b"]")?;
        }
        o.w.inner.flush()?;
    }
    Ok(counts)
}

fn write_one<W: Write>(
    scenario: &Scenario,
    seed: u64,
    format: TweetFormat,
    mut w: W,
) -> Result<WriteSummary, SynthError> {
    let mut outputs = [Output {
        format,
        w: Counting {
            inner: &mut w as &mut dyn Write,
            bytes: 0,
        },
        n_posts: 0,
        started: false,
    }];
    let assign = vec![Some(0); scenario.n_accounts()];
    let accounts = generate(scenario, seed, &mut outputs, &assign)?;
    let [o] = outputs;
    Ok(WriteSummary {
        n_posts: o.n_posts,
        bytes: o.w.bytes,
        accounts,
    })
}

/// Writes every account's posts as v1.1 tweet objects, one per line.
pub fn write_v1_jsonl<W: Write>(
    scenario: &Scenario,
    seed: u64,
    w: W,
) -> Result<WriteSummary, SynthError> {
    write_one(scenario, seed, TweetFormat::V1Jsonl, w)
}

/// Writes every account's posts as one JSON array of v1.1 tweet objects.
pub fn write_v1_array<W: Write>(
    scenario: &Scenario,
    seed: u64,
    w: W,
) -> Result<WriteSummary, SynthError> {
    write_one(scenario, seed, TweetFormat::V1Array, w)
}

/// Writes every account's posts as twarc2 JSONL (monthly user-timeline harvests).
pub fn write_twarc2<W: Write>(
    scenario: &Scenario,
    seed: u64,
    w: W,
) -> Result<WriteSummary, SynthError> {
    write_one(scenario, seed, TweetFormat::Twarc2, w)
}

fn create(path: &Path) -> Result<BufWriter<File>, SynthError> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|source| SynthError::File {
            path: path.to_path_buf(),
            source,
        })
}

/// Writes a corpus into `out_dir` (created if missing): the tweet files of `options.formats`
/// (named by [`TweetFormat::file_name`]) and, if asked, `actors.csv`.
pub fn write_corpus(
    scenario: &Scenario,
    seed: u64,
    out_dir: &Path,
    options: &CorpusOptions,
) -> Result<CorpusSummary, SynthError> {
    let mut formats = options.formats.clone();
    formats.sort();
    formats.dedup();
    if formats.iter().filter(|f| f.is_v1()).count() > 1 {
        return Err(SynthError::Options(
            "choose one v1 layout (JSONL or array), not both".into(),
        ));
    }
    if formats.is_empty() && !options.registry {
        return Err(SynthError::Options(
            "nothing to write: no format and no registry".into(),
        ));
    }
    scenario.validate()?;
    std::fs::create_dir_all(out_dir).map_err(|source| SynthError::File {
        path: out_dir.to_path_buf(),
        source,
    })?;

    let mut files = Vec::new();
    if options.registry {
        let path = out_dir.join("actors.csv");
        let mut w = create(&path)?;
        let bytes = crate::registry::write_registry_csv(scenario, &mut w)?;
        w.flush().map_err(|source| SynthError::File {
            path: path.clone(),
            source,
        })?;
        files.push(FileSummary {
            path,
            format: "registry_csv",
            n_posts: 0,
            bytes,
        });
    }

    let mut writers: Vec<(PathBuf, BufWriter<File>)> = Vec::new();
    for f in &formats {
        let path = out_dir.join(f.file_name());
        let w = create(&path)?;
        writers.push((path, w));
    }
    let v1_slot = formats.iter().position(|f| f.is_v1());
    let twarc_slot = formats.iter().position(|f| *f == TweetFormat::Twarc2);
    let assign: Vec<Option<usize>> = scenario
        .actors
        .iter()
        .flat_map(|actor| {
            let slot = match (v1_slot, twarc_slot) {
                (Some(v), Some(t)) => Some(if options.v1_kinds.contains(&actor.kind) {
                    v
                } else {
                    t
                }),
                (Some(v), None) => Some(v),
                (None, t) => t,
            };
            actor.accounts.iter().map(move |_| slot)
        })
        .collect();
    let mut outputs: Vec<Output<'_>> = writers
        .iter_mut()
        .zip(&formats)
        .map(|((_, w), f)| Output {
            format: *f,
            w: Counting {
                inner: w as &mut dyn Write,
                bytes: 0,
            },
            n_posts: 0,
            started: false,
        })
        .collect();
    let accounts = if outputs.is_empty() {
        blank_counts(scenario)
    } else {
        generate(scenario, seed, &mut outputs, &assign)?
    };
    let produced: Vec<(u64, u64)> = outputs.iter().map(|o| (o.n_posts, o.w.bytes)).collect();
    drop(outputs);
    for ((path, _), (f, (n_posts, bytes))) in writers.iter().zip(formats.iter().zip(produced)) {
        files.push(FileSummary {
            path: path.clone(),
            format: f.id(),
            n_posts,
            bytes,
        });
    }
    let n_posts = files.iter().map(|f| f.n_posts).sum();
    let bytes = files.iter().map(|f| f.bytes).sum();
    Ok(CorpusSummary {
        files,
        n_posts,
        bytes,
        accounts,
    })
}

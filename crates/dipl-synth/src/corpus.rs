//! Drives generation into writers: single-format streams (`write_v1_jsonl`, `write_v1_array`,
//! `write_twarc2`, `write_stream`, `write_vk`) and whole corpora (`write_corpus`: each account
//! written in one format of its platform, plus the actor registry), with the ground truth tests
//! compare against: per-account post counts by kind and, where the format carries comments,
//! comments received and answered.
//!
//! Output is produced month by month and account by account (a monthly timeline harvest on X;
//! one collection after the period for the other platforms, written in the same order); memory
//! holds two months of compact post records, never the rendered corpus.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use dipl_model::{ActorKind, Platform, Timestamp};

use crate::calendar::DAY;
use crate::comments::Tally;
use crate::error::SynthError;
use crate::plan::Plan;
use crate::render::Renderer;
use crate::scenario::Scenario;
use crate::timeline::{Generator, Kind, MonthBatch, Post};
use crate::twarc2::{self, Page, PAGE_SIZE};
use crate::v1::{self, Harvest};
use crate::world::{Who, World};

/// The export formats the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// X API v1.1 tweet objects, one per line.
    V1Jsonl,
    /// X API v1.1 tweet objects in one JSON array (as tweepy dumps and world-leader-vis store them).
    V1Array,
    /// twarc2 JSONL: one X API v2 response page per line.
    Twarc2,
    /// Telegram Desktop exports (`result.json`) of each channel and of its discussion group.
    TelegramDesktop,
    /// Telethon `Message.to_dict()` JSON Lines of channel posts (views, forwards, replies,
    /// reactions).
    TelegramTelethon,
    /// Facebook Graph API page feed pages (`/{page-id}/posts`) with nested comments, JSONL.
    FacebookGraph,
    /// CrowdTangle historical-data CSV of Facebook pages (the column set since April 2021).
    CrowdTangle,
    /// VK API `wall.get` (extended) pages and `wall.getComments` threads, JSONL (two files).
    Vk,
}

/// The former name of [`Format`], from when only X was written.
pub type TweetFormat = Format;

impl Format {
    pub const ALL: [Format; 8] = [
        Format::V1Jsonl,
        Format::V1Array,
        Format::Twarc2,
        Format::TelegramDesktop,
        Format::TelegramTelethon,
        Format::FacebookGraph,
        Format::CrowdTangle,
        Format::Vk,
    ];

    /// The platform whose accounts this format holds.
    pub fn platform(self) -> Platform {
        match self {
            Format::V1Jsonl | Format::V1Array | Format::Twarc2 => Platform::Twitter,
            Format::TelegramDesktop | Format::TelegramTelethon => Platform::Telegram,
            Format::FacebookGraph | Format::CrowdTangle => Platform::Facebook,
            Format::Vk => Platform::Vkontakte,
        }
    }

    /// The file (or, for Telegram Desktop, folder) name `write_corpus` uses; VK writes
    /// `vk-wall.jsonl` and `vk-comments.jsonl`.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::V1Jsonl => "x-v1.jsonl",
            Format::V1Array => "x-v1.json",
            Format::Twarc2 => "x-twarc2.jsonl",
            Format::TelegramDesktop => "telegram",
            Format::TelegramTelethon => "telegram-telethon.jsonl",
            Format::FacebookGraph => "facebook-graph.jsonl",
            Format::CrowdTangle => "crowdtangle.csv",
            Format::Vk => "vk-wall.jsonl",
        }
    }

    /// A stable id, e.g. for logs and summaries.
    pub fn id(self) -> &'static str {
        match self {
            Format::V1Jsonl => "x_v1_jsonl",
            Format::V1Array => "x_v1_array",
            Format::Twarc2 => "x_twarc2",
            Format::TelegramDesktop => "telegram_desktop",
            Format::TelegramTelethon => "telegram_telethon",
            Format::FacebookGraph => "facebook_graph",
            Format::CrowdTangle => "crowdtangle_csv",
            Format::Vk => "vk_api",
        }
    }

    /// Parses a format name as a command line takes it: `twarc2`, `v1` (`v1_jsonl`),
    /// `v1_array`, `telegram` (`telegram_desktop`), `telethon`, `facebook` (`facebook_graph`),
    /// `crowdtangle`, `vk` (`vkontakte`), or any [`Format::id`].
    pub fn parse(name: &str) -> Option<Format> {
        let n = name.trim().to_ascii_lowercase().replace('-', "_");
        Some(match n.as_str() {
            "twarc2" | "x_twarc2" => Format::Twarc2,
            "v1" | "v1_jsonl" | "x_v1_jsonl" => Format::V1Jsonl,
            "v1_array" | "x_v1_array" => Format::V1Array,
            "telegram" | "telegram_desktop" | "desktop" => Format::TelegramDesktop,
            "telethon" | "telegram_telethon" => Format::TelegramTelethon,
            "facebook" | "facebook_graph" | "graph" => Format::FacebookGraph,
            "crowdtangle" | "crowdtangle_csv" | "ct" => Format::CrowdTangle,
            "vk" | "vkontakte" | "vk_api" => Format::Vk,
            _ => return None,
        })
    }

    fn is_v1(self) -> bool {
        matches!(self, Format::V1Jsonl | Format::V1Array)
    }

    /// The second format of a platform: when both of a platform's formats are written, accounts
    /// of `CorpusOptions::secondary_kinds` go here.
    fn is_secondary(self) -> bool {
        matches!(
            self,
            Format::V1Jsonl | Format::V1Array | Format::TelegramTelethon | Format::CrowdTangle
        )
    }

    /// Whether the format carries audience comments (and the ground truth counts them).
    pub fn carries_comments(self) -> bool {
        matches!(
            self,
            Format::TelegramDesktop | Format::FacebookGraph | Format::Vk
        )
    }
}

/// Ground truth for one account: what was written, by kind (metrics-codebook §2), and the
/// dialogue in its comment sections.
///
/// On Facebook, VK and Telegram the account's own comments are posts too: its answers to audience
/// comments are replies to the audience, its notes under its own posts are self-replies (both are
/// counted in `posts` and `replies`). Telegram: channel posts and the channel's messages in its
/// discussion group (answers, notes) are counted; the automatic forwards of channel posts into the
/// group are not posts of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountCounts {
    pub actor_id: String,
    pub platform: Platform,
    pub handle: String,
    pub account_id: String,
    /// The format the account's posts were written in (`None`: not written).
    pub format: Option<Format>,
    pub posts: u64,
    pub originals: u64,
    /// All replies: self-replies (threads, notes under own posts), replies to audience comments,
    /// replies to other actors.
    pub replies: u64,
    pub self_replies: u64,
    /// Replies whose parent author is not the account itself (the codebook's
    /// `replies_to_audience`: it includes replies to other actors' posts).
    pub replies_to_audience: u64,
    /// The part of `replies_to_audience` that answers other actors' posts.
    pub replies_to_actors: u64,
    /// Reposts: retweets, shares without a text, VK reposts without a text, Telegram forwards.
    pub reposts: u64,
    /// Quotes: quote tweets, shares and VK reposts with a text of their own.
    pub quotes: u64,
    pub first_post: Option<Timestamp>,
    pub last_post: Option<Timestamp>,
    /// Audience comments under the account's posts (`None`: the format carries no comments).
    pub comments_received: Option<u64>,
    /// Audience comments that got at least one answer from the account.
    pub comments_answered: Option<u64>,
    /// Audience comments that are questions (a question mark, or an interrogative word first).
    pub questions_received: Option<u64>,
    pub questions_unanswered: Option<u64>,
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
        self.seen(post.core.t());
    }

    fn seen(&mut self, t: i64) {
        let t = Timestamp(t);
        self.first_post = Some(self.first_post.map_or(t, |f| f.min(t)));
        self.last_post = Some(self.last_post.map_or(t, |l| l.max(t)));
    }

    /// Adds a written comment section (and the account's comments in it, at `times`).
    pub(crate) fn add_thread(&mut self, t: &Tally, own_times: impl Iterator<Item = i64>) {
        let add = |x: &mut Option<u64>, v: u64| *x = Some(x.unwrap_or(0) + v);
        add(&mut self.comments_received, t.audience);
        add(&mut self.comments_answered, t.answered);
        add(&mut self.questions_received, t.questions);
        add(&mut self.questions_unanswered, t.questions_unanswered);
        self.posts += t.answers + t.notes;
        self.replies += t.answers + t.notes;
        self.replies_to_audience += t.answers;
        self.self_replies += t.notes;
        for time in own_times {
            self.seen(time);
        }
    }
}

/// What a single-format writer produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteSummary {
    /// Timeline posts written (tweets, channel messages, page posts, wall posts, CSV rows).
    pub n_posts: u64,
    /// Comments written (audience comments and the accounts' own comments).
    pub n_comments: u64,
    pub bytes: u64,
    /// Every account of the scenario, in scenario order.
    pub accounts: Vec<AccountCounts>,
}

/// One file of a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub path: PathBuf,
    /// `x_v1_jsonl`, `x_v1_array`, `x_twarc2`, `telegram_desktop_channel`,
    /// `telegram_desktop_discussion`, `telegram_telethon`, `facebook_graph`, `crowdtangle_csv`,
    /// `vk_wall`, `vk_comments` or `registry_csv`.
    pub format: &'static str,
    /// Timeline posts in the file.
    pub n_posts: u64,
    /// Comments in the file (Telegram discussion groups: the comments and the channel's answers
    /// and notes, not the automatic forwards).
    pub n_comments: u64,
    pub bytes: u64,
}

/// What `write_corpus` produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSummary {
    pub files: Vec<FileSummary>,
    pub n_posts: u64,
    pub n_comments: u64,
    pub bytes: u64,
    /// Every account of the scenario, in scenario order, with the format it went to.
    pub accounts: Vec<AccountCounts>,
}

/// Which files `write_corpus` writes and how accounts are split between the formats of their
/// platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusOptions {
    /// Formats to write (at most one X v1 variant). An account goes to a format of its
    /// platform; accounts of platforms without a chosen format are not written. When both formats
    /// of a platform are chosen (X: v1.1 and twarc2; Facebook: Graph and CrowdTangle; Telegram:
    /// Desktop and Telethon), accounts of `secondary_kinds` go to the second (v1.1, CrowdTangle,
    /// Telethon) and the others to the first, so no post is written twice.
    pub formats: Vec<Format>,
    /// Write `actors.csv`.
    pub registry: bool,
    pub secondary_kinds: Vec<ActorKind>,
}

impl Default for CorpusOptions {
    /// The X formats as before: twarc2 for embassies, missions and ambassadors, v1.1 JSONL for
    /// ministries and leaders; and the registry. See [`CorpusOptions::all_platforms`].
    fn default() -> Self {
        CorpusOptions {
            formats: vec![Format::Twarc2, Format::V1Jsonl],
            registry: true,
            secondary_kinds: vec![
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

impl CorpusOptions {
    /// Every platform: X (twarc2 and v1.1), Telegram Desktop, Facebook (Graph for embassies and
    /// the like, CrowdTangle for ministries and leaders) and VK; and the registry.
    pub fn all_platforms() -> CorpusOptions {
        CorpusOptions {
            formats: vec![
                Format::Twarc2,
                Format::V1Jsonl,
                Format::TelegramDesktop,
                Format::FacebookGraph,
                Format::CrowdTangle,
                Format::Vk,
            ],
            ..CorpusOptions::default()
        }
    }

    /// Only `formats` (and the registry).
    pub fn only(formats: &[Format]) -> CorpusOptions {
        CorpusOptions {
            formats: formats.to_vec(),
            ..CorpusOptions::default()
        }
    }
}

/// A writer that counts bytes.
pub(crate) struct Counting<W: Write> {
    pub inner: W,
    pub bytes: u64,
}

impl<W: Write> Counting<W> {
    pub fn new(inner: W) -> Counting<W> {
        Counting { inner, bytes: 0 }
    }

    pub fn put(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.inner.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(())
    }
}

/// What writers see of the month being written.
pub(crate) struct MonthCx<'a, 'w, 's> {
    pub world: &'a World<'s>,
    pub plan: &'a Plan,
    pub renderer: &'a Renderer<'w, 's>,
    pub batch: &'a MonthBatch,
    /// When the non-X formats were collected (seconds): counters and comments are as of then.
    pub collected_at: i64,
}

/// One output format of a generation run.
pub(crate) trait FormatWriter {
    fn format(&self) -> Format;

    /// Called once per month before any account of it is written.
    fn begin_month(&mut self, _cx: &MonthCx<'_, '_, '_>) -> Result<(), SynthError> {
        Ok(())
    }

    /// Writes account `a`'s posts of the month (`cx.batch.posts[a]`, chronological); the
    /// timeline posts are already tallied in `truth`, the writer adds the comments it writes.
    fn account_month(
        &mut self,
        cx: &MonthCx<'_, '_, '_>,
        a: usize,
        truth: &mut AccountCounts,
    ) -> Result<(), SynthError>;

    /// Closes the output; `truths` is indexed by world account.
    fn finish(
        &mut self,
        world: &World<'_>,
        collected_at: i64,
        truths: &mut [&mut AccountCounts],
    ) -> Result<Vec<FileSummary>, SynthError>;
}

/// The X writers (v1.1 JSONL or array, twarc2): one stream.
struct XWriter<'o> {
    format: Format,
    path: PathBuf,
    w: Counting<Box<dyn Write + 'o>>,
    n_posts: u64,
    /// For the array layout: whether an element was written.
    started: bool,
    buf: Vec<u8>,
    author_json: Vec<u8>,
    page: Page,
}

impl<'o> XWriter<'o> {
    fn new(
        format: Format,
        path: PathBuf,
        w: Box<dyn Write + 'o>,
    ) -> Result<XWriter<'o>, SynthError> {
        let mut x = XWriter {
            format,
            path,
            w: Counting::new(w),
            n_posts: 0,
            started: false,
            buf: Vec::with_capacity(1 << 20),
            author_json: Vec::with_capacity(2048),
            page: Page::new(),
        };
        if format == Format::V1Array {
            x.w.put(b"[")?;
        }
        Ok(x)
    }
}

impl FormatWriter for XWriter<'_> {
    fn format(&self) -> Format {
        self.format
    }

    fn account_month(
        &mut self,
        cx: &MonthCx<'_, '_, '_>,
        a: usize,
        _truth: &mut AccountCounts,
    ) -> Result<(), SynthError> {
        let list = &cx.batch.posts[a];
        if list.is_empty() {
            return Ok(());
        }
        // Accounts are harvested one after another shortly after the month ends.
        let at = cx.batch.end + 60 + 3 * a as i64;
        let harvest = Harvest {
            world: cx.world,
            plan: cx.plan,
            renderer: cx.renderer,
            month: cx.batch.index,
            at,
        };
        self.n_posts += list.len() as u64;
        let (buf, author_json) = (&mut self.buf, &mut self.author_json);
        author_json.clear();
        buf.clear();
        if self.format.is_v1() {
            v1::user_json(&harvest, Who::Actor(a as u32), author_json);
            // A timeline harvest returns the newest posts first.
            for post in list.iter().rev() {
                if self.format == Format::V1Array && self.started {
                    buf.extend_from_slice(b", ");
                }
                self.started = true;
                v1::write_post(&harvest, post, author_json, buf);
                if self.format == Format::V1Jsonl {
                    buf.push(b'\n');
                }
                if buf.len() > 512 * 1024 {
                    self.w.put(buf)?;
                    buf.clear();
                }
            }
        } else {
            twarc2::user_json(&harvest, Who::Actor(a as u32), author_json);
            let newest_first: Vec<usize> = (0..list.len()).rev().collect();
            let n_pages = newest_first.len().div_ceil(PAGE_SIZE);
            for (p, chunk) in newest_first.chunks(PAGE_SIZE).enumerate() {
                for &i in chunk {
                    self.page.add(&harvest, list, i);
                }
                self.page
                    .finish(&harvest, a, author_json, p, p + 1 == n_pages, buf);
                self.w.put(buf)?;
                buf.clear();
            }
        }
        self.w.put(buf)?;
        Ok(())
    }

    fn finish(
        &mut self,
        _world: &World<'_>,
        _collected_at: i64,
        _truths: &mut [&mut AccountCounts],
    ) -> Result<Vec<FileSummary>, SynthError> {
        if self.format == Format::V1Array {
            self.w.put(b"]")?;
        }
        self.w.inner.flush()?;
        Ok(vec![FileSummary {
            path: self.path.clone(),
            format: self.format.id(),
            n_posts: self.n_posts,
            n_comments: 0,
            bytes: self.w.bytes,
        }])
    }
}

fn blank_counts(scenario: &Scenario) -> Vec<AccountCounts> {
    let mut out = Vec::with_capacity(scenario.n_accounts());
    for actor in &scenario.actors {
        for acc in &actor.accounts {
            out.push(AccountCounts {
                actor_id: actor.id.clone(),
                platform: acc.platform,
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
                comments_received: None,
                comments_answered: None,
                questions_received: None,
                questions_unanswered: None,
            });
        }
    }
    out
}

/// When the non-X formats were collected: two days after the period, at 10:00 UTC.
pub(crate) fn collection_time(scenario: &Scenario) -> i64 {
    scenario.end.0 + 2 * DAY + 10 * 3600
}

/// Generates the corpus; account `a` (in scenario order) goes to `writers[assign[a]]`.
fn generate(
    scenario: &Scenario,
    seed: u64,
    writers: &mut [Box<dyn FormatWriter + '_>],
    assign: &[Option<usize>],
) -> Result<(Vec<AccountCounts>, Vec<FileSummary>), SynthError> {
    scenario.validate()?;
    let mut world = World::new(scenario, seed);
    let n = world.accounts.len();
    // World index -> writer.
    let slot: Vec<Option<usize>> = (0..n).map(|a| assign[world.accounts[a].order]).collect();
    for (a, s) in slot.iter().enumerate() {
        // CrowdTangle cannot tell a share from an original: its pages post originals only.
        if s.is_some_and(|o| writers[o].format() == Format::CrowdTangle) {
            world.originals_only(a);
        }
    }
    let world = world;
    let mut generator = Generator::new(&world);
    let mut counts = blank_counts(scenario);
    for (a, s) in slot.iter().enumerate() {
        if let Some(o) = s {
            let c = &mut counts[world.accounts[a].order];
            let f = writers[*o].format();
            c.format = Some(f);
            if f.carries_comments() {
                c.comments_received = Some(0);
                c.comments_answered = Some(0);
                c.questions_received = Some(0);
                c.questions_unanswered = Some(0);
            }
        }
    }
    let collected_at = collection_time(scenario);
    while let Some(batch) = generator.next_month() {
        let renderer = Renderer::new(&world, &generator.refs);
        let cx = MonthCx {
            world: &world,
            plan: &generator.plan,
            renderer: &renderer,
            batch: &batch,
            collected_at,
        };
        for w in writers.iter_mut() {
            w.begin_month(&cx)?;
        }
        for (a, list) in batch.posts.iter().enumerate() {
            let Some(o) = slot[a] else { continue };
            let truth = &mut counts[world.accounts[a].order];
            for post in list {
                truth.tally(post);
            }
            writers[o].account_month(&cx, a, truth)?;
        }
    }
    let mut files = Vec::new();
    {
        // Truths by world index for the writers' last words (comments held back to the end).
        let mut by_world: Vec<Option<&mut AccountCounts>> = counts.iter_mut().map(Some).collect();
        let mut truths: Vec<&mut AccountCounts> = Vec::with_capacity(n);
        for a in 0..n {
            if let Some(t) = by_world[world.accounts[a].order].take() {
                truths.push(t);
            }
        }
        for w in writers.iter_mut() {
            files.extend(w.finish(&world, collected_at, &mut truths)?);
        }
    }
    Ok((counts, files))
}

/// Writes the accounts of `format`'s platform to one stream (formats written as one stream:
/// the X formats, Telethon JSONL, Facebook Graph JSONL, CrowdTangle CSV; VK and Telegram
/// Desktop write several files: use [`write_vk`] and [`write_corpus`]).
pub fn write_stream<W: Write>(
    scenario: &Scenario,
    seed: u64,
    format: Format,
    mut w: W,
) -> Result<WriteSummary, SynthError> {
    let writer: Box<dyn FormatWriter + '_> = {
        let out: Box<dyn Write + '_> = Box::new(&mut w);
        let path = PathBuf::from(format.file_name());
        match format {
            Format::V1Jsonl | Format::V1Array | Format::Twarc2 => {
                Box::new(XWriter::new(format, path, out)?)
            }
            Format::FacebookGraph => Box::new(crate::facebook::GraphWriter::new(path, out)),
            Format::CrowdTangle => Box::new(crate::crowdtangle::CtWriter::new(path, out)?),
            Format::TelegramTelethon => Box::new(crate::telegram::TelethonWriter::new(path, out)),
            Format::Vk | Format::TelegramDesktop => {
                return Err(SynthError::Options(format!(
                    "{} is written as several files: use write_vk or write_corpus",
                    format.id()
                )))
            }
        }
    };
    let mut writers = vec![writer];
    let assign: Vec<Option<usize>> = scenario
        .actors
        .iter()
        .flat_map(|a| a.accounts.iter())
        .map(|acc| (acc.platform == format.platform()).then_some(0))
        .collect();
    let (accounts, files) = generate(scenario, seed, &mut writers, &assign)?;
    Ok(WriteSummary {
        n_posts: files.iter().map(|f| f.n_posts).sum(),
        n_comments: files.iter().map(|f| f.n_comments).sum(),
        bytes: files.iter().map(|f| f.bytes).sum(),
        accounts,
    })
}

/// Writes every X account's posts as v1.1 tweet objects, one per line.
pub fn write_v1_jsonl<W: Write>(
    scenario: &Scenario,
    seed: u64,
    w: W,
) -> Result<WriteSummary, SynthError> {
    write_stream(scenario, seed, Format::V1Jsonl, w)
}

/// Writes every X account's posts as one JSON array of v1.1 tweet objects.
pub fn write_v1_array<W: Write>(
    scenario: &Scenario,
    seed: u64,
    w: W,
) -> Result<WriteSummary, SynthError> {
    write_stream(scenario, seed, Format::V1Array, w)
}

/// Writes every X account's posts as twarc2 JSONL (monthly user-timeline harvests).
pub fn write_twarc2<W: Write>(
    scenario: &Scenario,
    seed: u64,
    w: W,
) -> Result<WriteSummary, SynthError> {
    write_stream(scenario, seed, Format::Twarc2, w)
}

/// Writes every VK account: `wall.get` pages to `wall`, `wall.getComments` responses to
/// `comments`.
pub fn write_vk<W1: Write, W2: Write>(
    scenario: &Scenario,
    seed: u64,
    mut wall: W1,
    mut comments: W2,
) -> Result<WriteSummary, SynthError> {
    let writer: Box<dyn FormatWriter + '_> = Box::new(crate::vk::VkWriter::new(
        PathBuf::from("vk-wall.jsonl"),
        Box::new(&mut wall),
        PathBuf::from("vk-comments.jsonl"),
        Box::new(&mut comments),
    ));
    let mut writers = vec![writer];
    let assign: Vec<Option<usize>> = scenario
        .actors
        .iter()
        .flat_map(|a| a.accounts.iter())
        .map(|acc| (acc.platform == Platform::Vkontakte).then_some(0))
        .collect();
    let (accounts, files) = generate(scenario, seed, &mut writers, &assign)?;
    Ok(WriteSummary {
        n_posts: files.iter().map(|f| f.n_posts).sum(),
        n_comments: files.iter().map(|f| f.n_comments).sum(),
        bytes: files.iter().map(|f| f.bytes).sum(),
        accounts,
    })
}

pub(crate) fn create(path: &Path) -> Result<BufWriter<File>, SynthError> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|source| SynthError::File {
            path: path.to_path_buf(),
            source,
        })
}

/// Writes a corpus into `out_dir` (created if missing): the files of `options.formats` (named
/// by [`Format::file_name`]; Telegram Desktop exports go to `telegram/<handle>/result.json` and
/// `telegram/<handle>_chat/result.json`) and, if asked, `actors.csv`.
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
            n_comments: 0,
            bytes,
        });
    }

    let mut writers: Vec<Box<dyn FormatWriter>> = Vec::new();
    for &f in &formats {
        let path = out_dir.join(f.file_name());
        let w: Box<dyn FormatWriter> = match f {
            Format::V1Jsonl | Format::V1Array | Format::Twarc2 => {
                let out = create(&path)?;
                Box::new(XWriter::new(f, path, Box::new(out))?)
            }
            Format::FacebookGraph => {
                let out = create(&path)?;
                Box::new(crate::facebook::GraphWriter::new(path, Box::new(out)))
            }
            Format::CrowdTangle => {
                let out = create(&path)?;
                Box::new(crate::crowdtangle::CtWriter::new(path, Box::new(out))?)
            }
            Format::TelegramTelethon => {
                let out = create(&path)?;
                Box::new(crate::telegram::TelethonWriter::new(path, Box::new(out)))
            }
            Format::TelegramDesktop => Box::new(crate::telegram::DesktopWriter::new(path)),
            Format::Vk => {
                let cpath = out_dir.join("vk-comments.jsonl");
                let wall = create(&path)?;
                let comments = create(&cpath)?;
                Box::new(crate::vk::VkWriter::new(
                    path,
                    Box::new(wall),
                    cpath,
                    Box::new(comments),
                ))
            }
        };
        writers.push(w);
    }
    // Each account goes to a format of its platform (the secondary one for secondary kinds).
    let assign: Vec<Option<usize>> = scenario
        .actors
        .iter()
        .flat_map(|actor| {
            let formats = &formats;
            actor.accounts.iter().map(move |acc| {
                let mine: Vec<usize> = (0..formats.len())
                    .filter(|&i| formats[i].platform() == acc.platform)
                    .collect();
                match mine.as_slice() {
                    [] => None,
                    [one] => Some(*one),
                    several => {
                        let secondary = options.secondary_kinds.contains(&actor.kind);
                        several
                            .iter()
                            .copied()
                            .find(|&i| formats[i].is_secondary() == secondary)
                            .or(Some(several[0]))
                    }
                }
            })
        })
        .collect();
    let accounts = if writers.is_empty() {
        blank_counts(scenario)
    } else {
        let (accounts, written) = generate(scenario, seed, &mut writers, &assign)?;
        files.extend(written);
        accounts
    };
    let n_posts = files.iter().map(|f| f.n_posts).sum();
    let n_comments = files.iter().map(|f| f.n_comments).sum();
    let bytes = files.iter().map(|f| f.bytes).sum();
    Ok(CorpusSummary {
        files,
        n_posts,
        n_comments,
        bytes,
        accounts,
    })
}

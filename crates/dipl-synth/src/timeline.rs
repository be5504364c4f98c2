//! The post generator: month by month, every account's posts with times, kinds, ids and
//! links (which post a reply answers, which post a retweet or quote references).
//!
//! Phase 1 places each account's posts of the month (times in its office rhythm, kinds by its
//! propensities, self-reply threads) from a stream keyed by (seed, account, month) only.
//! Phase 2 links them: retweets, quotes and replies to other actors pick originals of the
//! current or previous month from a shared pool (preferring affine actors); replies to the
//! audience answer a citizen's comment on one of the account's own recent originals. So an
//! account's posts do not depend on which other accounts are written, or to which format, and
//! a referenced actor post is always a real post of that actor's timeline.
//!
//! A month is handed out only after the next one is generated, so that every reference to its
//! posts (retweets, quotes, replies, comments reach back at most ten days) is known and the
//! posts' counters can be at least what the corpus itself shows. Three months of compact post
//! records are held at a time.

use std::collections::BTreeMap;

use rand_chacha::ChaCha8Rng;

use crate::calendar::DAY;
use crate::detmath::{self, below, hash, uniform};
use crate::plan::Plan;
use crate::world::{pidx, snowflake, Who, World};
use dipl_model::Platform;

/// What a post is, before the codebook's kinds: replies are split by whom they answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Original,
    SelfReply,
    ReplyAudience,
    ReplyActor,
    Retweet,
    Quote,
}

/// Everything needed to render an actor's post again anywhere (its timeline, a retweet of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Core {
    pub id: u64,
    pub t_ms: i64,
    pub account: u32,
    pub seed: u64,
    /// Seed of the post's language: a thread's posts share the head's.
    pub lang_seed: u64,
    pub kind: Kind,
    /// Position in a self-reply thread (0 = head) and the thread's length (1 = no thread).
    pub thread_pos: u8,
    pub thread_len: u8,
}

impl Core {
    pub fn t(&self) -> i64 {
        self.t_ms.div_euclid(1000)
    }
}

/// A tweet by an audience account: a media post, a citizen's post, or a citizen's comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AudienceTweet {
    pub id: u64,
    pub t_ms: i64,
    pub who: Who,
    pub seed: u64,
    /// The actor account the comment is addressed to (its text starts with `@handle`).
    pub addressee: Option<u32>,
    /// The actor post the comment replies to.
    pub reply_to: Option<u64>,
    pub conversation_id: u64,
}

/// A post referenced by a retweet or quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Actor(Core),
    Audience(AudienceTweet),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    None,
    /// Previous post of the same thread.
    SelfParent(Core),
    /// The audience comment this reply answers.
    Comment(AudienceTweet),
    /// The other actor's original this reply answers.
    ActorParent(Core),
    Retweet(Target),
    Quote(Target),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Post {
    pub core: Core,
    pub conversation_id: u64,
    pub link: Link,
}

pub(crate) fn target_id(t: &Target) -> u64 {
    match t {
        Target::Actor(c) => c.id,
        Target::Audience(a) => a.id,
    }
}

/// One month of posts of every account, chronological per account.
pub(crate) struct MonthBatch {
    pub index: usize,
    /// Start of the month, seconds.
    pub start: i64,
    /// End of the month (exclusive), seconds: when the month is harvested.
    pub end: i64,
    pub posts: Vec<Vec<Post>>,
}

pub(crate) struct Generator<'w, 's> {
    world: &'w World<'s>,
    pub plan: Plan,
    next_month: usize,
    /// Per platform index: originals of the previous month, sorted by time.
    prev_pools: Vec<Vec<Core>>,
    /// Per account: its originals of the previous month, chronological.
    prev_own: Vec<Vec<Core>>,
    /// The generated month not yet handed out.
    pending: Option<MonthBatch>,
    /// How often the corpus itself retweets, quotes and answers each post (by id).
    pub refs: RefCounts,
}

/// In-corpus references to one post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct RefCount {
    pub retweets: u64,
    pub quotes: u64,
    pub replies: u64,
}

/// References by post id (ids grow with time, so old entries are pruned by range).
pub(crate) type RefCounts = BTreeMap<u64, RefCount>;

/// Local hour weights of institutional posting (peaks late morning and mid-afternoon).
const OFFICE_HOURS: [f64; 24] = [
    0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.1, 0.35, 1.1, 2.4, 3.0, 3.1, 2.3, 2.6, 2.8, 2.5, 2.0,
    1.3, 0.8, 0.6, 0.45, 0.3, 0.15, 0.06,
];
/// Persons post later into the evening.
const PERSON_HOURS: [f64; 24] = [
    0.1, 0.05, 0.02, 0.02, 0.02, 0.05, 0.2, 0.6, 1.2, 1.8, 2.0, 2.0, 1.6, 1.7, 1.8, 1.7, 1.6, 1.4,
    1.3, 1.3, 1.2, 0.9, 0.5, 0.25,
];

fn pick_hour(rng: &mut ChaCha8Rng, weights: &[f64; 24]) -> i64 {
    let total: f64 = weights.iter().sum();
    let mut x = uniform(rng) * total;
    for (h, w) in weights.iter().enumerate() {
        if x < *w {
            return h as i64;
        }
        x -= w;
    }
    23
}

const WINDOW_MS: i64 = 10 * DAY * 1000;

impl<'w, 's> Generator<'w, 's> {
    pub fn new(world: &'w World<'s>) -> Generator<'w, 's> {
        let plan = Plan::new(world);
        let n = world.accounts.len();
        Generator {
            world,
            plan,
            next_month: 0,
            prev_pools: vec![Vec::new(); 8],
            prev_own: vec![Vec::new(); n],
            pending: None,
            refs: RefCounts::new(),
        }
    }

    /// The next month, once the month after it is generated too; `None` after the last month.
    pub fn next_month(&mut self) -> Option<MonthBatch> {
        if self.pending.is_none() && self.next_month == 0 {
            self.pending = self.generate();
        }
        let current = self.pending.take()?;
        self.pending = self.generate();
        // Posts from before the previous month can no longer be referenced or rendered.
        let keep_from = snowflake((current.start - 35 * DAY) * 1000, 0, 0);
        self.refs = self.refs.split_off(&keep_from);
        Some(current)
    }

    fn count_refs(&mut self, posts: &[Vec<Post>]) {
        for post in posts.iter().flatten() {
            let (id, what): (u64, fn(&mut RefCount)) = match &post.link {
                Link::None => continue,
                Link::SelfParent(p) | Link::ActorParent(p) => (p.id, |r| r.replies += 1),
                Link::Comment(c) => {
                    // The comment answers the account's post; the post answers the comment.
                    if let Some(parent) = c.reply_to {
                        self.refs.entry(parent).or_default().replies += 1;
                    }
                    (c.id, |r| r.replies += 1)
                }
                Link::Retweet(t) => (target_id(t), |r| r.retweets += 1),
                Link::Quote(t) => (target_id(t), |r| r.quotes += 1),
            };
            what(self.refs.entry(id).or_default());
        }
    }

    fn generate(&mut self) -> Option<MonthBatch> {
        let m = self.next_month;
        let month = *self.plan.months.get(m)?;
        self.next_month += 1;
        let n = self.world.accounts.len();
        let month_start_ms = month.start_day * DAY * 1000;
        let month_end_ms = month.end_day * DAY * 1000;

        // Phase 1: times, kinds, threads, ids.
        let mut posts: Vec<Vec<Post>> = Vec::with_capacity(n);
        for a in 0..n {
            posts.push(self.place(a, m, month_start_ms, month_end_ms));
        }

        // The pools of originals others on the same platform may reference: previous month and
        // this one.
        let mut pools: Vec<Vec<Core>> = self.prev_pools.clone();
        let first_new: Vec<usize> = pools.iter().map(Vec::len).collect();
        for (a, list) in posts.iter().enumerate() {
            pools[pidx(self.world.accounts[a].platform)].extend(
                list.iter()
                    .filter(|p| p.core.kind == Kind::Original)
                    .map(|p| p.core),
            );
        }
        for (pool, &first) in pools.iter_mut().zip(&first_new) {
            pool[first..].sort_unstable_by_key(|c| (c.t_ms, c.id));
        }

        // Phase 2: links.
        for (a, list) in posts.iter_mut().enumerate() {
            let pool = &pools[pidx(self.world.accounts[a].platform)];
            let mut rng = detmath::rng(self.world.seed, &[0x11A2, a as u64, m as u64]);
            let own_prev = &self.prev_own[a];
            let own_now: Vec<Core> = list
                .iter()
                .filter(|p| p.core.kind == Kind::Original)
                .map(|p| p.core)
                .collect();
            for i in 0..list.len() {
                let prev = if i > 0 { Some(list[i - 1].core) } else { None };
                let head = list[i].core.thread_pos as usize;
                let head_id = if head <= i {
                    list[i - head].core.id
                } else {
                    list[i].core.id
                };
                let post = &mut list[i];
                self.link(&mut rng, a, post, prev, head_id, pool, own_prev, &own_now);
            }
        }

        // Keep this month's originals for next month's references.
        for (p, (mut pool, first)) in pools.into_iter().zip(first_new).enumerate() {
            let mut next_pool: Vec<Core> = pool.split_off(first);
            next_pool.shrink_to_fit();
            self.prev_pools[p] = next_pool;
        }
        for (a, list) in posts.iter().enumerate() {
            self.prev_own[a] = list
                .iter()
                .filter(|p| p.core.kind == Kind::Original)
                .map(|p| p.core)
                .collect();
        }
        self.count_refs(&posts);
        Some(MonthBatch {
            index: m,
            start: month.start_day * DAY,
            end: month.end_day * DAY,
            posts,
        })
    }

    /// Phase 1 for one account and month.
    fn place(&self, a: usize, m: usize, month_start_ms: i64, month_end_ms: i64) -> Vec<Post> {
        let world = self.world;
        let acct = &world.accounts[a];
        let spec = acct.spec;
        let counts = self.plan.day_counts(world, a, m);
        let total: u32 = counts.iter().sum();
        if total == 0 {
            return Vec::new();
        }
        let mut rng = detmath::rng(world.seed, &[0x9E4, a as u64, m as u64]);
        let hours = if acct.is_person {
            &PERSON_HOURS
        } else {
            &OFFICE_HOURS
        };
        let offset = spec.utc_offset_minutes as i64 * 60;
        let mut times: Vec<i64> = Vec::with_capacity(total as usize);
        for (d, &c) in counts.iter().enumerate() {
            let day_start = month_start_ms / 1000 + d as i64 * DAY;
            for _ in 0..c {
                let local = pick_hour(&mut rng, hours) * 3600 + below(&mut rng, 3600) as i64;
                let utc = (local - offset).rem_euclid(DAY);
                times.push((day_start + utc) * 1000 + below(&mut rng, 1000) as i64);
            }
        }
        times.sort_unstable();

        let mut slots: Vec<(i64, Kind, u8, u8)> =
            times.iter().map(|&t| (t, Kind::Original, 0, 1)).collect();
        let mix = acct.mix;
        let p_rt = mix.retweet;
        let p_q = p_rt + mix.quote;
        let p_ra = p_q + mix.reply_audience;
        let p_rx = p_ra + mix.reply_actors;
        let mut i = 0;
        while i < slots.len() {
            let r = uniform(&mut rng);
            let kind = if r < p_rt {
                Kind::Retweet
            } else if r < p_q {
                Kind::Quote
            } else if r < p_ra {
                Kind::ReplyAudience
            } else if r < p_rx {
                Kind::ReplyActor
            } else {
                Kind::Original
            };
            slots[i].1 = kind;
            if kind == Kind::Original && uniform(&mut rng) < mix.thread {
                // A thread takes the next 1–3 slots and re-times them a few minutes apart, as long
                // as that keeps the order and stays inside the month.
                let want = 1 + below(&mut rng, 3);
                let mut len = want.min(slots.len() - i - 1);
                let gaps: Vec<i64> = (0..len)
                    .map(|_| 20_000 + below(&mut rng, 160_000) as i64)
                    .collect();
                while len > 0 {
                    let last = slots[i].0 + gaps[..len].iter().sum::<i64>();
                    let next = slots
                        .get(i + len + 1)
                        .map_or(month_end_ms, |s| s.0.min(month_end_ms));
                    if last < next {
                        break;
                    }
                    len -= 1;
                }
                if len > 0 {
                    slots[i].3 = len as u8 + 1;
                    let mut t = slots[i].0;
                    for k in 1..=len {
                        t += gaps[k - 1];
                        slots[i + k] = (t, Kind::SelfReply, k as u8, len as u8 + 1);
                    }
                    i += len + 1;
                    continue;
                }
            }
            i += 1;
        }

        // Workers 1021 and 1022 are the audience's; an account's posts in one millisecond differ in
        // the low sequence bits, accounts sharing a worker differ in the high ones.
        let worker = (a % 1021) as u64;
        let high = ((a / 1021) as u64 & 0x3F) << 6;
        let mut head_seed = 0;
        slots
            .iter()
            .enumerate()
            .map(|(j, &(t_ms, kind, pos, len))| {
                let id = snowflake(t_ms, worker, high | (j as u64 & 0x3F));
                let seed = hash(world.seed, &[0x5EED, id]);
                if pos == 0 {
                    head_seed = seed;
                }
                let core = Core {
                    id,
                    t_ms,
                    account: a as u32,
                    seed,
                    lang_seed: if pos == 0 { seed } else { head_seed },
                    kind,
                    thread_pos: pos,
                    thread_len: len,
                };
                Post {
                    core,
                    conversation_id: id,
                    link: Link::None,
                }
            })
            .collect()
    }

    /// Picks an actor original posted in the window before `t_ms`, preferring affine accounts.
    fn pick_actor_post(
        &self,
        rng: &mut ChaCha8Rng,
        a: usize,
        t_ms: i64,
        pool: &[Core],
    ) -> Option<Core> {
        let lo = pool.partition_point(|c| c.t_ms < t_ms - WINDOW_MS);
        let hi = pool.partition_point(|c| c.t_ms < t_ms - 60_000);
        if hi <= lo {
            return None;
        }
        let mut best: Option<(f64, Core)> = None;
        for _ in 0..8 {
            let c = pool[lo + below(rng, hi - lo)];
            let aff = self.world.affinity(a, c.account as usize);
            if aff <= 0.0 {
                continue;
            }
            // Recent posts are more likely to be picked up.
            let age_days = (t_ms - c.t_ms) as f64 / (DAY * 1000) as f64;
            let score = aff * detmath::exp(-age_days / 3.0) * (0.5 + uniform(rng));
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, c));
            }
        }
        best.map(|(_, c)| c)
    }

    /// A media post from one of the days before `t_ms` (media posts are stateless functions of
    /// (outlet, day, slot), so several actors can retweet the same one).
    fn media_post(&self, rng: &mut ChaCha8Rng, t_ms: i64, platform: Platform) -> AudienceTweet {
        let world = self.world;
        let outlet = below(rng, world.n_media() as usize) as u32;
        let day = t_ms.div_euclid(DAY * 1000) - 1 - below(rng, 2) as i64;
        let slot = below(rng, 3) as u64;
        let h = if platform == Platform::Twitter {
            hash(world.seed, &[0x3ED1, outlet as u64, day as u64, slot])
        } else {
            // An outlet's page, community or channel post: another object than its tweet.
            hash(
                world.seed,
                &[
                    0x3ED1,
                    outlet as u64,
                    day as u64,
                    slot,
                    pidx(platform) as u64,
                ],
            )
        };
        let post_ms = day * DAY * 1000 + (6 * 3600 * 1000 + (h % (14 * 3600 * 1000))) as i64;
        let id = snowflake(post_ms, 1022, h >> 40);
        AudienceTweet {
            id,
            t_ms: post_ms,
            who: Who::Media(outlet),
            seed: hash(world.seed, &[0x5EED, id]),
            addressee: None,
            reply_to: None,
            conversation_id: id,
        }
    }

    /// A citizen's comment addressed to account `a`, posted `delay` before `t_ms`, answering
    /// `parent` when given.
    fn comment(
        &self,
        rng: &mut ChaCha8Rng,
        a: usize,
        t_ms: i64,
        parent: Option<Core>,
    ) -> AudienceTweet {
        let world = self.world;
        // Some citizens comment far more often than others.
        let u = uniform(rng);
        let citizen = ((u * u * u) * world.n_citizens() as f64) as u32;
        let delay = (3.0 * 3_600_000.0 * detmath::lognormal(rng, 1.1)) as i64;
        let earliest = parent.map_or(t_ms - 14 * DAY * 1000, |p| p.t_ms + 60_000);
        let c_ms = (t_ms - delay.max(60_000)).max(earliest).min(t_ms - 30_000);
        let h = rand::Rng::random::<u64>(rng);
        let id = snowflake(c_ms, 1021, h);
        AudienceTweet {
            id,
            t_ms: c_ms,
            who: Who::Citizen(citizen.min(world.n_citizens() - 1)),
            seed: hash(world.seed, &[0x5EED, id]),
            addressee: Some(a as u32),
            reply_to: parent.map(|p| p.id),
            conversation_id: parent.map_or(id, |p| p.id),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn link(
        &self,
        rng: &mut ChaCha8Rng,
        a: usize,
        post: &mut Post,
        prev: Option<Core>,
        head_id: u64,
        pool: &[Core],
        own_prev: &[Core],
        own_now: &[Core],
    ) {
        let t_ms = post.core.t_ms;
        match post.core.kind {
            Kind::Original => {}
            Kind::SelfReply => {
                if let Some(p) = prev {
                    post.link = Link::SelfParent(p);
                    post.conversation_id = head_id;
                }
            }
            Kind::Retweet | Kind::Quote => {
                let r = uniform(rng);
                let actor = if r < 0.65 {
                    self.pick_actor_post(rng, a, t_ms, pool)
                } else {
                    None
                };
                let platform = self.world.accounts[a].platform;
                let target = match actor {
                    Some(c) => Target::Actor(c),
                    None if r > 0.93 && platform == Platform::Twitter => {
                        let mut c = self.comment(rng, a, t_ms, None);
                        // A citizen's own post (not addressed to anyone) that the account amplifies.
                        c.addressee = None;
                        Target::Audience(c)
                    }
                    None => Target::Audience(self.media_post(rng, t_ms, platform)),
                };
                post.link = if post.core.kind == Kind::Retweet {
                    Link::Retweet(target)
                } else {
                    Link::Quote(target)
                };
            }
            Kind::ReplyActor => {
                if let Some(c) = self.pick_actor_post(rng, a, t_ms, pool) {
                    post.link = Link::ActorParent(c);
                    post.conversation_id = c.id;
                } else {
                    post.core.kind = Kind::ReplyAudience;
                    self.link_audience_reply(rng, a, post, own_prev, own_now);
                }
            }
            Kind::ReplyAudience => self.link_audience_reply(rng, a, post, own_prev, own_now),
        }
    }

    fn link_audience_reply(
        &self,
        rng: &mut ChaCha8Rng,
        a: usize,
        post: &mut Post,
        own_prev: &[Core],
        own_now: &[Core],
    ) {
        let t_ms = post.core.t_ms;
        // The account's own originals of the last week, at least five minutes old.
        let cutoff = t_ms - 300_000;
        let earliest = t_ms - 7 * DAY * 1000;
        let now_hi = own_now.partition_point(|c| c.t_ms < cutoff);
        let now_lo = own_now.partition_point(|c| c.t_ms < earliest);
        let prev_lo = own_prev.partition_point(|c| c.t_ms < earliest);
        let candidates: Vec<Core> = own_prev[prev_lo..]
            .iter()
            .chain(&own_now[now_lo..now_hi])
            .copied()
            .collect();
        let parent = if candidates.is_empty() || uniform(rng) < 0.15 {
            None
        } else {
            // Mostly the latest posts draw the comments.
            let k = below(rng, candidates.len().min(4));
            Some(candidates[candidates.len() - 1 - k])
        };
        let comment = self.comment(rng, a, t_ms, parent);
        post.conversation_id = comment.conversation_id;
        post.link = Link::Comment(comment);
    }
}

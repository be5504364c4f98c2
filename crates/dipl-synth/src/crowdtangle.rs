//! Writes a CrowdTangle historical-data CSV of Facebook pages, with the column set CrowdTangle
//! exported from April 2021 (reaction columns including `Care`, `Likes at Posting` = page likes
//! and `Followers at Posting`, and the weighted overperforming score header with its em dash).
//! Times are those of a dashboard set to Brussels (`2025-01-03 10:15:02 CET`, `CEST` in summer),
//! RFC 4180 quoting, `\n` line ends. CrowdTangle rows carry no comments and cannot tell a share
//! from an original, so pages written here post originals only; `Comments` counts all comments
//! of a post (replies included), as of the export two days after the period.

use std::io::Write;
use std::path::PathBuf;

use dipl_model::ActorKind;

use crate::calendar::{self, brussels};
use crate::comments;
use crate::corpus::{AccountCounts, Counting, FileSummary, Format, FormatWriter, MonthCx};
use crate::detmath::{self, hash, unit};
use crate::error::SynthError;
use crate::facebook::post_number;
use crate::render::{fb_reactions, MediaKind};
use crate::world::World;

/// The header of CrowdTangle's Facebook historical-data export since April 2021.
pub const CROWDTANGLE_HEADER: &str = "Page Name,User Name,Facebook Id,Page Category,Page Admin Top Country,Page Description,Page Created,Likes at Posting,Followers at Posting,Post Created,Post Created Date,Post Created Time,Type,Total Interactions,Likes,Comments,Shares,Love,Wow,Haha,Sad,Angry,Care,Video Share Status,Is Video Owner?,Post Views,Total Views,Total Views For All Crossposts,Video Length,URL,Message,Link,Final Link,Image Text,Link Text,Description,Sponsor Id,Sponsor Name,Sponsor Category,Overperforming Score (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )";

fn cell(out: &mut Vec<u8>, v: &str) {
    if v.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(v.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(v.as_bytes());
    }
}

fn category(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Embassy | ActorKind::Consulate | ActorKind::Mission => "EMBASSY",
        ActorKind::Mfa => "GOVERNMENT_ORGANIZATION",
        ActorKind::HeadOfState | ActorKind::HeadOfGovernment | ActorKind::Minister => "POLITICIAN",
        _ => "GOVERNMENT_OFFICIAL",
    }
}

/// The ISO alpha-2 code of a country (for `Page Admin Top Country`).
fn alpha2(iso3: &str) -> &'static str {
    dipl_model::COUNTRIES
        .binary_search_by(|(a3, _, _)| (*a3).cmp(iso3))
        .map_or("", |i| dipl_model::COUNTRIES[i].1)
}

pub(crate) struct CtWriter<'o> {
    path: PathBuf,
    w: Counting<Box<dyn Write + 'o>>,
    n_posts: u64,
    buf: Vec<u8>,
}

impl<'o> CtWriter<'o> {
    pub fn new(path: PathBuf, w: Box<dyn Write + 'o>) -> Result<CtWriter<'o>, SynthError> {
        let mut ct = CtWriter {
            path,
            w: Counting::new(w),
            n_posts: 0,
            buf: Vec::with_capacity(1 << 20),
        };
        ct.w.put(CROWDTANGLE_HEADER.as_bytes())?;
        ct.w.put(b"\n")?;
        Ok(ct)
    }
}

impl FormatWriter for CtWriter<'_> {
    fn format(&self) -> Format {
        Format::CrowdTangle
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
        let world = cx.world;
        let acct = &world.accounts[a];
        let spec = acct.spec;
        let r = cx.renderer;
        let page_id = acct.id.to_string();
        let top_country = match acct.actor.host.as_deref() {
            Some(h) if h.len() == 3 => alpha2(h),
            _ => alpha2(&acct.actor.country),
        };
        let mut created = Vec::new();
        calendar::push_space_date_time(&mut created, brussels(spec.created_at.0).0);
        let created = String::from_utf8_lossy(&created).into_owned();
        self.buf.clear();
        for post in list.iter().rev() {
            let core = &post.core;
            let text = r.long_post(post);
            let thread = comments::thread(r, core, cx.collected_at);
            let n_comments = thread.len() as u64;
            let followers = world.followers(a, core.t());
            let page_likes = (followers as f64 * 0.93).floor() as u64;
            let re = fb_reactions(&text);
            let shares = text.counters.retweets;
            let total = re.iter().sum::<u64>() + n_comments + shares;
            let (local, zone) = brussels(core.t());
            let mut when = Vec::with_capacity(24);
            calendar::push_space_date_time(&mut when, local);
            let when = String::from_utf8_lossy(&when).into_owned();
            let is_video = text
                .media
                .as_ref()
                .is_some_and(|m| m.kind == MediaKind::Video);
            let kind = match &text.media {
                Some(m) if m.kind == MediaKind::Video => "Native Video",
                Some(_) => "Photo",
                None if !text.urls.is_empty() => "Link",
                None => "Status",
            };
            let post_no = post_number(core.id);
            let url = format!("https://www.facebook.com/{}/posts/{post_no}", spec.handle);
            let link = match (&text.media, text.urls.last()) {
                (Some(m), _) if m.kind == MediaKind::Photo => format!(
                    "https://www.facebook.com/{}/photos/a.{}/{}/?type=3",
                    spec.handle,
                    100_000_000_000_000 + hash(acct.id, &[0xA1B]) % 900_000_000_000_000,
                    100_000_000_000_000_000 + hash(m.id, &[0xF07]) % 800_000_000_000_000_000
                ),
                (Some(m), _) => format!(
                    "https://www.facebook.com/{}/videos/{}/",
                    spec.handle,
                    100_000_000_000_000 + hash(m.id, &[0xF08]) % 900_000_000_000_000
                ),
                (None, Some(u)) => u.expanded.clone(),
                (None, None) => String::new(),
            };
            let final_link = if kind == "Link" {
                link.clone()
            } else {
                String::new()
            };
            let views = if is_video {
                text.counters.impressions.unwrap_or(0)
            } else {
                0
            };
            let length = text
                .media
                .as_ref()
                .filter(|_| is_video)
                .map_or(String::new(), |m| {
                    let s = m.duration_ms / 1000;
                    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                });
            let h = hash(core.seed, &[0xC7]);
            let score = {
                let x = detmath::exp(0.8 * detmath::normal_h(h));
                if unit(mix(h)) < 0.5 {
                    x.max(1.0)
                } else {
                    -(1.0 / x.min(1.0)).max(1.0)
                }
            };
            let n = |v: u64| v.to_string();
            let cells: [&str; 40] = [
                &spec.display_name,
                &spec.handle,
                &page_id,
                category(acct.actor.kind),
                top_country,
                &spec.description,
                &created,
                &n(page_likes),
                &n(followers),
                &format!("{when} {zone}"),
                &when[..10],
                &when[11..],
                kind,
                &n(total),
                &n(re[0]),
                &n(n_comments),
                &n(shares),
                &n(re[1]),
                &n(re[4]),
                &n(re[3]),
                &n(re[5]),
                &n(re[6]),
                &n(re[2]),
                if is_video { "owned" } else { "" },
                if is_video { "Yes" } else { "-" },
                &n(views),
                &n(views),
                &n(views),
                &length,
                &url,
                &text.text,
                &link,
                &final_link,
                "",
                if kind == "Link" {
                    spec.display_name.as_str()
                } else {
                    ""
                },
                "",
                "",
                "",
                "",
                &format!("{score:.2}"),
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    self.buf.push(b',');
                }
                cell(&mut self.buf, c);
            }
            self.buf.push(b'\n');
            self.n_posts += 1;
        }
        self.w.put(&self.buf)?;
        Ok(())
    }

    fn finish(
        &mut self,
        _world: &World<'_>,
        _collected_at: i64,
        _truths: &mut [&mut AccountCounts],
    ) -> Result<Vec<FileSummary>, SynthError> {
        self.w.inner.flush()?;
        Ok(vec![FileSummary {
            path: self.path.clone(),
            format: "crowdtangle_csv",
            n_posts: self.n_posts,
            n_comments: 0,
            bytes: self.w.bytes,
        }])
    }
}

fn mix(h: u64) -> u64 {
    detmath::mix64(h)
}

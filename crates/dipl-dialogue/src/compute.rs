//! One pass over the threads, posts and follow edges of a dataset, gathering each unit
//! account's [`Facts`].

use std::collections::BTreeSet;

use dipl_metrics::{is_unit, Params, Reference};
use dipl_model::{AccountIdx, ActorKind, Dataset, PostKind, ThreadItem, Threads, NO_ITEM};

use crate::facts::{Facts, Root};

const DAY: i64 = 86_400;

/// How many parent links a root search follows before giving up (a guard against cycles in
/// corrupt data; real threads are far shallower).
const MAX_DEPTH: usize = 10_000;

/// The facts of every unit account in scope, indexed like `Dataset::accounts` (`None` for
/// accounts that are not units in scope), plus each audience comment's answer status.
pub(crate) struct Gathered {
    pub facts: Vec<Option<Facts>>,
    /// Per thread item: the time of the first answer by the author of the post it comments on,
    /// when it is an answered audience comment (`i64::MAX` otherwise).
    pub first_answer: Vec<i64>,
    pub reference: Reference,
    /// Per account: an audience account (neither a subject nor a registered account).
    pub audience: Vec<bool>,
}

/// The host of an account's actor, when the actor is hosted (embassy, consulate, mission).
pub(crate) fn host_of(dataset: &Dataset, account: AccountIdx) -> Option<&str> {
    let info = dataset.accounts.get(account as usize)?;
    let actor = dataset.actors.get(info.actor? as usize)?;
    match actor.kind {
        ActorKind::Embassy | ActorKind::Consulate | ActorKind::Mission => actor.host.as_deref(),
        _ => None,
    }
}

/// Whether `item` is an audience comment on a post or reply of `unit` (codebook §5
/// `audience_comments`): a reply in the window by an audience account (per `audience`, indexed
/// like `Dataset::accounts`) whose parent author is the unit.
pub(crate) fn audience_comment_of(
    audience: &[bool],
    reference: &Reference,
    item: &ThreadItem,
) -> Option<AccountIdx> {
    if item.kind != PostKind::Reply
        || !item.in_window
        || !audience
            .get(item.account as usize)
            .copied()
            .unwrap_or(false)
        || !reference.includes_post(item.created_at)
    {
        return None;
    }
    item.parent_account
}

/// The time of the first answer to each comment: the earliest reply to it by the author of the
/// post it comments on, known by the reference time.
fn first_answers(threads: &Threads, reference: &Reference) -> Vec<i64> {
    let mut first = vec![i64::MAX; threads.items.len()];
    for reply in &threads.items {
        if reply.kind != PostKind::Reply
            || reply.parent == NO_ITEM
            || !reference.known_by_as_of(reply.created_at)
        {
            continue;
        }
        let Some(comment) = threads.items.get(reply.parent as usize) else {
            continue;
        };
        // An answer comes from the account the comment was addressed to, and is no self-reply.
        if comment.parent_account == Some(reply.account) && comment.account != reply.account {
            let slot = &mut first[reply.parent as usize];
            *slot = (*slot).min(reply.created_at.0);
        }
    }
    first
}

/// The top of the thread a reply hangs in (see [`Root`]).
fn root_of(threads: &Threads, index: u32) -> Root {
    let mut current = index;
    for _ in 0..MAX_DEPTH {
        let Some(item) = threads.items.get(current as usize) else {
            break;
        };
        if item.parent == NO_ITEM {
            return if item.missing_parent_key != 0 {
                Root::Missing(item.missing_parent_key)
            } else if current == index {
                Root::Alone(index)
            } else {
                Root::Item(current)
            };
        }
        current = item.parent;
    }
    Root::Item(current)
}

/// Languages the detector cannot tell apart on short texts count as one when matching a host's
/// languages (dipl-lang's documented weaknesses: Serbian in Latin script comes out as Croatian,
/// Malay as Indonesian; Norwegian's written standards).
const SAME_FOR_HOSTS: &[&[&str]] = &[&["hr", "sr", "bs"], &["ms", "id"], &["nb", "nn", "no"]];

/// Whether a detected language is one of a host's languages (see [`SAME_FOR_HOSTS`]).
fn is_host_language(code: &str, host: &[&str]) -> bool {
    host.contains(&code)
        || SAME_FOR_HOSTS
            .iter()
            .any(|group| group.contains(&code) && group.iter().any(|g| host.contains(g)))
}

/// The language a platform tag names, as `dipl-lang` codes it: the primary subtag, lower-case,
/// X's old codes mapped (`in` → `id`, `iw` → `he`, `ji` → `yi`, `no` → `nb`); `None` for tags
/// that name no language (`und`, `zxx`, X's `qme`/`qht`/`qst`/`qam`/`qct`, `art`).
fn tag_language(tag: &str) -> Option<&str> {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    let primary = match primary {
        "in" => "id",
        "iw" => "he",
        "ji" => "yi",
        "no" => "nb",
        other => other,
    };
    let none = primary.is_empty()
        || matches!(primary, "und" | "zxx" | "art" | "mis" | "mul")
        || (primary.len() == 3 && primary.starts_with('q'));
    (!none).then_some(primary)
}

/// Whether the platform's own tag agrees with the detected language; `None` when the item has
/// no tag naming a language.
fn tag_agrees(threads: &Threads, detected: Option<u16>, tag: Option<u16>) -> Option<bool> {
    let tag = tag_language(threads.language(tag)?)?;
    let detected = threads.language(detected)?;
    Some(tag == detected)
}

/// Per language index of the threads: whether it is a language of each host in use.
struct HostLanguages {
    /// Per account: `Some(flags)` for hosted units with a known host (flags per language
    /// index); `None` otherwise.
    of_account: Vec<Option<usize>>,
    flags: Vec<Vec<bool>>,
}

impl HostLanguages {
    fn new(dataset: &Dataset, units: &[bool]) -> HostLanguages {
        let mut hosts: Vec<&str> = Vec::new();
        let mut flags: Vec<Vec<bool>> = Vec::new();
        let mut of_account = vec![None; dataset.accounts.len()];
        for (account, slot) in of_account.iter_mut().enumerate() {
            if !units[account] {
                continue;
            }
            let Some(host) = host_of(dataset, account as AccountIdx) else {
                continue;
            };
            let Some(languages) = dipl_lang::host_languages(host) else {
                continue;
            };
            let index = match hosts.iter().position(|h| *h == host) {
                Some(i) => i,
                None => {
                    hosts.push(host);
                    flags.push(
                        dataset
                            .threads
                            .languages
                            .iter()
                            .map(|code| is_host_language(code, languages))
                            .collect(),
                    );
                    flags.len() - 1
                }
            };
            *slot = Some(index);
        }
        HostLanguages { of_account, flags }
    }

    /// `Some(in a host language)` for hosted units, `None` for the others.
    fn is_local(&self, account: AccountIdx, lang: u16) -> Option<bool> {
        let index = (*self.of_account.get(account as usize)?)?;
        Some(
            self.flags[index]
                .get(lang as usize)
                .copied()
                .unwrap_or(false),
        )
    }
}

pub(crate) fn gather(
    dataset: &Dataset,
    params: &Params,
    locate: &dyn Fn(&str) -> Option<&'static str>,
) -> Gathered {
    let reference = params.resolve(dataset);
    let threads = &dataset.threads;
    let units: Vec<bool> = dataset
        .accounts
        .iter()
        .map(|info| is_unit(info) && params.includes(info.platform))
        .collect();
    let audience: Vec<bool> = dataset.accounts.iter().map(|info| !is_unit(info)).collect();
    let hosts = HostLanguages::new(dataset, &units);
    let mut facts: Vec<Option<Facts>> = units
        .iter()
        .enumerate()
        .map(|(account, &unit)| {
            unit.then(|| {
                let mut f = Facts::default();
                if hosts.of_account[account].is_some() {
                    f.post_languages.local = Some((0, 0));
                    f.comment_languages.local = Some((0, 0));
                }
                if host_of(dataset, account as AccountIdx).is_some() {
                    f.local_location = Some((0, 0));
                }
                f
            })
        })
        .collect();
    let first_answer = first_answers(threads, &reference);

    // Audience comments, their answers and languages; the (unit, commenter) pairs.
    let mut pairs: Vec<(AccountIdx, AccountIdx)> = Vec::new();
    for (index, item) in threads.items.iter().enumerate() {
        let Some(unit) = audience_comment_of(&audience, &reference, item) else {
            continue;
        };
        let Some(f) = facts.get_mut(unit as usize).and_then(Option::as_mut) else {
            continue;
        };
        f.audience_comments += 1;
        let answer = first_answer[index];
        let answered = answer != i64::MAX;
        if answered {
            f.answered += 1;
            f.response_seconds
                .push(u64::try_from(answer.saturating_sub(item.created_at.0)).unwrap_or(0));
        }
        if item.question {
            f.questions += 1;
            if !answered {
                f.questions_unanswered += 1;
            }
        }
        f.comment_languages.add(
            item.lang,
            tag_agrees(threads, item.lang, item.platform_lang),
            item.lang.and_then(|lang| hosts.is_local(unit, lang)),
        );
        pairs.push((unit, item.account));
    }
    pairs.sort_unstable();
    pairs.dedup();
    for &(unit, commenter) in &pairs {
        let Some(f) = facts.get_mut(unit as usize).and_then(Option::as_mut) else {
            continue;
        };
        f.commenters += 1;
        let (Some(pair), Some(host)) = (&mut f.local_location, host_of(dataset, unit)) else {
            continue;
        };
        let location = dataset
            .accounts
            .get(commenter as usize)
            .and_then(|info| info.location.as_deref());
        if let Some(country) = location.and_then(locate) {
            pair.1 += 1;
            if country.eq_ignore_ascii_case(host) {
                pair.0 += 1;
            }
        }
    }

    // The units' own items: replies to others (concentration) and languages of own posts.
    for (index, item) in threads.items.iter().enumerate() {
        if !item.in_window || !reference.includes_post(item.created_at) {
            continue;
        }
        let Some(f) = facts
            .get_mut(item.account as usize)
            .and_then(Option::as_mut)
        else {
            continue;
        };
        if item.kind == PostKind::Reply && item.parent_account != Some(item.account) {
            f.replies_to_others += 1;
            if item
                .parent_account
                .is_some_and(|p| !audience.get(p as usize).copied().unwrap_or(true))
            {
                f.replies_to_units += 1;
            }
            *f.replies_by_day
                .entry(item.created_at.0.div_euclid(DAY))
                .or_insert(0) += 1;
            let root = root_of(threads, index as u32);
            if let Root::Item(top) = root {
                if let Some(top) = threads.items.get(top as usize) {
                    if top.account == item.account {
                        for &tag in threads.tag_ids_of(top) {
                            *f.topics.entry(tag).or_insert(0) += 1;
                        }
                    }
                }
            }
            *f.replies_by_root.entry(root).or_insert(0) += 1;
        }
        if item.kind != PostKind::Repost {
            f.post_languages.add(
                item.lang,
                tag_agrees(threads, item.lang, item.platform_lang),
                item.lang
                    .and_then(|lang| hosts.is_local(item.account, lang)),
            );
        }
    }

    // Amplification: reposts and quotes (the posts table carries them whatever the threads).
    for post in &dataset.posts {
        if !matches!(post.kind, PostKind::Repost | PostKind::Quote)
            || !reference.includes_post(post.created_at)
        {
            continue;
        }
        let Some(f) = facts
            .get_mut(post.account as usize)
            .and_then(Option::as_mut)
        else {
            continue;
        };
        f.reposts_and_quotes += 1;
        if post
            .referenced_account
            .is_some_and(|a| audience.get(a as usize).copied().unwrap_or(false))
        {
            f.amplified_audience += 1;
        }
    }

    // Follow-back: edges observed before the window's end, as in the follow graph.
    let mut edges: BTreeSet<(AccountIdx, AccountIdx)> = BTreeSet::new();
    for edge in &dataset.follows {
        if params.window.to.is_none_or(|to| edge.observed_at < to) {
            edges.insert((edge.follower, edge.followed));
        }
    }
    for &(follower, followed) in &edges {
        if let Some(f) = facts.get_mut(follower as usize).and_then(Option::as_mut) {
            f.following_known = true;
        }
        if follower == followed {
            continue;
        }
        if let Some(f) = facts.get_mut(followed as usize).and_then(Option::as_mut) {
            f.followers_in_data += 1;
            if edges.contains(&(followed, follower)) {
                f.followed_back += 1;
            }
        }
    }

    Gathered {
        facts,
        first_answer,
        reference,
        audience,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_tags_name_languages() {
        assert_eq!(tag_language("en"), Some("en"));
        assert_eq!(tag_language("en-gb"), Some("en"));
        assert_eq!(tag_language("in"), Some("id"));
        assert_eq!(tag_language("und"), None);
        assert_eq!(tag_language("qme"), None);
        assert_eq!(tag_language(""), None);
    }

    #[test]
    fn host_languages_match_by_group() {
        // Serbia's Latin-script posts come out as Croatian; Malaysia's Malay as Indonesian.
        assert!(is_host_language("hr", &["sr"]));
        assert!(is_host_language("id", &["ms", "en"]));
        assert!(is_host_language("ru", &["kk", "ru"]));
        assert!(!is_host_language("uk", &["kk", "ru"]));
        assert!(!is_host_language("sr", &["de"]));
    }
}

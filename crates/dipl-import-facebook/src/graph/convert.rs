//! Pure translation of Graph API records ([`super::raw::Node`]) into model records.
//!
//! A record (one response) is a page of posts, a page of comments, a page of page nodes, one
//! post or comment node, a page node (with its `posts`/`feed` edge when expanded), or an error.
//! Per post: its author's account, the post, then its comments depth first (each comment's
//! author before the comment, replies after the comment they answer).

use dipl_ingest::json::RecordError;
use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role,
};

use super::raw::{AliasKind, Attachment, Attachments, Node, Paging, Reaction};
use crate::common::{
    add_link_kind, id_prefix, is_meta_url, is_numeric, non_empty, plural, push_media, push_url,
    request_target, Accounts,
};
use crate::date;

const PLATFORM: Platform = Platform::Facebook;

/// Edges listing the posts of one timeline (`/{id}/<edge>`): the node is the page or user
/// whose feed was collected.
const FEED_EDGES: &[&str] = &[
    "posts",
    "feed",
    "published_posts",
    "tagged",
    "visitor_posts",
    "promotable_posts",
    "ads_posts",
];

/// Edges mixing the timeline's own posts with others' (visitor posts, posts tagging the page):
/// there a post without `from` has no known author.
const MIXED_EDGES: &[&str] = &["feed", "visitor_posts", "tagged"];

/// The account of comments whose author Graph withholds (see `comment`).
const UNKNOWN_COMMENTER: &str = "unknown-commenter";

/// Objects of a record that could not be imported (or, for `no_author`, imported with an
/// unknown author), reported as one warning each kind.
#[derive(Debug, Default)]
struct Tally {
    no_id: usize,
    bad_time: usize,
    no_author: usize,
    no_post_author: usize,
    no_parent: usize,
}

impl Tally {
    fn messages(&self) -> Vec<String> {
        let mut messages = Vec::new();
        if self.no_id > 0 {
            messages.push(format!(
                "skipped {} without `id`",
                plural(self.no_id, "object")
            ));
        }
        if self.bad_time > 0 {
            messages.push(format!(
                "skipped {} without a readable `created_time`",
                plural(self.bad_time, "object")
            ));
        }
        if self.no_author > 0 {
            messages.push(format!(
                "{} without an author (`from` is withheld unless the token may moderate the page): attributed to one unknown audience account `{UNKNOWN_COMMENTER}`",
                plural(self.no_author, "comment")
            ));
        }
        if self.no_post_author > 0 {
            messages.push(format!(
                "skipped {} without `from` on a feed mixing the page's and others' posts (ask for `from`)",
                plural(self.no_post_author, "post")
            ));
        }
        if self.no_parent > 0 {
            messages.push(format!(
                "skipped {} without the post or comment they answer (no `parent`, `object` or request URL)",
                plural(self.no_parent, "comment")
            ));
        }
        messages
    }
}

/// State of the translation of one record.
struct Converter<'p, 'o> {
    accounts: Accounts<'p>,
    tally: Tally,
    out: &'o mut Vec<Record>,
}

/// Translates one Graph API response.
pub fn record(
    node: &Node<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), RecordError> {
    if let Some(error) = &node.rare().error {
        return Err(RecordError::Skip(format!(
            "a Graph API error response: {} ({}, code {})",
            error.message.as_deref().unwrap_or("no message"),
            error.kind.as_deref().unwrap_or("no type"),
            error
                .code
                .and_then(|c| c.0)
                .map_or_else(|| "none".to_string(), |c| c.to_string()),
        )));
    }
    let before = out.len();
    let mut cx = Converter {
        accounts: Accounts::default(),
        tally: Tally::default(),
        out,
    };
    if let Some(items) = &node.data {
        page(items, node.paging.as_ref(), None, &mut cx, warnings)?;
    } else if node.id.is_some() && node.created_time.is_some() {
        single(node, &mut cx);
    } else if node.id.is_some()
        && (is_page_node(node) || (node.rare().name.is_some() && node.message.is_none()))
    {
        page_node(node, &mut cx, warnings)?;
    } else {
        return Err(RecordError::Skip(
            "not a Graph API page of posts or comments, a post, or a page node (no `data`, `created_time` or page fields)".into(),
        ));
    }
    let messages = cx.tally.messages();
    if cx.out.len() == before && !messages.is_empty() {
        return Err(RecordError::Skip(messages.join("; ")));
    }
    warnings.extend(messages);
    Ok(())
}

/// Field names of `node` and everything in it that this importer does not know (for the
/// once-per-file warning).
pub fn unknown_fields(node: &Node<'_>, names: &mut Vec<String>) {
    names.extend(node.unknown.iter().map(|k| k.to_string()));
    for child in node.data.iter().flatten() {
        unknown_fields(child, names);
    }
    for edge in [&node.comments, &node.posts].into_iter().flatten() {
        unknown_fields(edge, names);
    }
}

/// A page node: page fields and no `created_time` (page lookups, `?fields=fan_count,…`). A
/// response that is only `{id, name}` is a page node too, but in a list such objects are
/// people (likes, reactions).
fn is_page_node(node: &Node<'_>) -> bool {
    let rare = node.rare();
    node.created_time.is_none()
        && (rare.fan_count.is_some()
            || rare.followers_count.is_some()
            || rare.username.is_some()
            || rare.category.is_some()
            || rare.about.is_some()
            || node.posts.is_some())
}

fn page<'p>(
    items: &'p [Node<'p>],
    paging: Option<&'p Paging<'p>>,
    owner_hint: Option<&'p str>,
    cx: &mut Converter<'p, '_>,
    warnings: &mut Vec<String>,
) -> Result<(), RecordError> {
    if items.is_empty() {
        warnings.push("an empty page (no posts or comments)".into());
        return Ok(());
    }
    let request = paging.and_then(Paging::url).and_then(request_target);
    let edge = request.map_or("", |(_, edge)| edge);
    if items.iter().all(|i| i.created_time.is_none()) {
        let pages: Vec<&Node<'_>> = items
            .iter()
            .filter(|i| i.id.is_some() && is_page_node(i))
            .collect();
        if pages.is_empty() {
            return Err(RecordError::Skip(format!(
                "a page of {} without `created_time` (reactions, likes or another list; not posts or comments)",
                plural(items.len(), "object")
            )));
        }
        for node in pages {
            page_node(node, cx, warnings)?;
        }
        return Ok(());
    }
    let comments_page = edge == "comments"
        || (items.iter().any(Node::has_comment_fields) && !items.iter().any(Node::has_post_fields));
    if comments_page {
        let target = request
            .filter(|(_, edge)| *edge == "comments")
            .map(|(node, _)| node);
        comment_page(items, target, cx);
    } else {
        let from_request = request
            .filter(|(node, edge)| is_numeric(node) && FEED_EDGES.contains(edge))
            .map(|(node, _)| node);
        let owner = owner_hint.or(from_request);
        let mixed = MIXED_EDGES.contains(&edge);
        // Graph leaves `shares` out of a post nobody shared. When some post of the page has it,
        // the field was asked for, and its absence elsewhere means none (0); otherwise it may
        // not have been asked for at all (n/a).
        let shares_asked = items.iter().any(|p| p.shares.is_some());
        for item in items {
            post(item, owner, mixed, shares_asked, cx);
        }
    }
    Ok(())
}

/// One post or comment node (`/{post-id}?fields=…`).
fn single<'p>(node: &'p Node<'p>, cx: &mut Converter<'p, '_>) {
    if node.has_comment_fields() && !node.has_post_fields() {
        comment_page(std::slice::from_ref(node), None, cx);
    } else {
        post(node, None, false, node.shares.is_some(), cx);
    }
}

fn page_node<'p>(
    node: &'p Node<'p>,
    cx: &mut Converter<'p, '_>,
    warnings: &mut Vec<String>,
) -> Result<(), RecordError> {
    let Some(id) = node.id.as_ref().map(|i| i.as_str()) else {
        cx.tally.no_id += 1;
        return Ok(());
    };
    let rare = node.rare();
    let location = rare.location.as_ref().and_then(|l| {
        let parts: Vec<&str> = [l.city.as_deref(), l.country.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let verified = rare.is_verified.or_else(|| {
        rare.verification_status.as_deref().map(|s| {
            matches!(
                s,
                "blue_verified" | "gray_verified" | "verified" | "blue_verified_by_meta"
            )
        })
    });
    cx.accounts.push(id, cx.out, || AccountRecord {
        platform: PLATFORM,
        id: id.to_string(),
        handle: non_empty(rare.username.as_deref()),
        display_name: non_empty(rare.name.as_deref()),
        role: Role::Subject,
        created_at: None,
        verified,
        location,
        lang: None,
        description: non_empty(rare.about.as_deref()).or(non_empty(rare.description.as_deref())),
    });
    let followers =
        crate::number::count(rare.followers_count).or(crate::number::count(rare.fan_count));
    if followers.is_some() {
        cx.out.push(Record::AccountObservation(AccountObservation {
            platform: PLATFORM,
            account_id: id.to_string(),
            observed_at: None,
            followers,
            following: None,
            posts_count: None,
            listed_count: None,
        }));
    }
    if let Some(edge) = &node.posts {
        if let Some(items) = &edge.data {
            page(items, edge.paging.as_ref(), Some(id), cx, warnings)?;
        }
    }
    Ok(())
}

/// A post; `owner` is the timeline of the request, `mixed` whether its edge lists others'
/// posts too.
fn post<'p>(
    item: &'p Node<'p>,
    owner: Option<&'p str>,
    mixed: bool,
    shares_asked: bool,
    cx: &mut Converter<'p, '_>,
) {
    let Some(id) = item.id.as_ref().map(|i| i.as_str()) else {
        cx.tally.no_id += 1;
        return;
    };
    let Some(created_at) = item.created_time.as_ref().and_then(date::parse) else {
        cx.tally.bad_time += 1;
        return;
    };
    let from_id = item
        .from
        .as_ref()
        .and_then(|f| f.id.as_ref())
        .map(|i| i.as_str());
    // Without `from`, the author is the timeline the post is on, unless the edge mixes
    // authors.
    let fallback = if mixed { None } else { id_prefix(id).or(owner) };
    let Some(author) = from_id.or(fallback) else {
        cx.tally.no_post_author += 1;
        return;
    };
    // The timeline collected: the request's page, else the timeline the post id names.
    let timeline = owner.or(id_prefix(id)).unwrap_or(author);
    let role = if author == timeline {
        Role::Subject
    } else {
        Role::Audience
    };
    cx.accounts.push(author, cx.out, || {
        let mut account = AccountRecord::bare(PLATFORM, author, None, role);
        account.display_name = non_empty(item.from.as_ref().and_then(|f| f.name.as_deref()));
        account
    });
    let text = item.message.as_deref().unwrap_or("").to_string();
    let shared = item
        .rare()
        .parent_id
        .as_ref()
        .map(|p| p.as_str())
        .filter(|p| !p.is_empty() && *p != id);
    let kind = match shared {
        Some(_) if text.trim().is_empty() => PostKind::Repost,
        Some(_) => PostKind::Quote,
        None => PostKind::Original,
    };
    let referenced = shared.map(|p| PostRef {
        post_id: p.to_string(),
        account_id: id_prefix(p).map(str::to_string),
        handle: None,
    });
    let (counters, reactions) = if kind == PostKind::Repost {
        // The engagement of a share without text is not the sharer's (codebook §1).
        (Counters::default(), Vec::new())
    } else {
        let (likes, reactions) = likes_and_reactions(item, None);
        let reposts = match &item.shares {
            Some(shares) => shares.count,
            None if shares_asked => Some(0),
            None => None,
        };
        let counters = Counters {
            likes,
            reposts,
            replies: item.comments.as_deref().and_then(edge_total),
            quotes: None,
            views: impressions(item),
            bookmarks: None,
        };
        (counters, reactions)
    };
    let mut media = Vec::new();
    if let Some(kind) = item.kind.as_deref().and_then(post_type_media) {
        push_media(&mut media, kind);
    }
    if let Some(attachments) = &item.attachments {
        attachment_media(attachments, &mut media);
    }
    let mut urls = dipl_text::extract_urls(&text);
    if let Some(link) = item.link.as_deref().filter(|l| !is_meta_url(l)) {
        push_url(&mut urls, link);
    }
    if let Some(attachments) = &item.attachments {
        attachment_urls(attachments, &mut urls);
    }
    add_link_kind(&mut media, &urls);
    let hashtags = dipl_text::extract_hashtags(&text);
    cx.out.push(Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: id.to_string(),
        author_id: author.to_string(),
        created_at,
        kind,
        parent: None,
        referenced,
        conversation_id: Some(id.to_string()),
        text,
        lang: None,
        media,
        urls,
        hashtags,
        mentions: Vec::new(),
        edited: false,
        deleted: false,
        counters,
        reactions,
        observed_at: None,
    })));
    if let Some(comments) = item.comments.as_ref().and_then(|c| c.data.as_ref()) {
        let parent = PostRef {
            post_id: id.to_string(),
            account_id: Some(author.to_string()),
            handle: None,
        };
        for c in comments {
            comment(c, &parent, Some(id), Some(timeline), cx);
        }
    }
}

/// A page of comments (`/{object-id}/comments`): each answers its `parent`, else the object of
/// the request, else its `object`.
fn comment_page<'p>(items: &'p [Node<'p>], target: Option<&'p str>, cx: &mut Converter<'p, '_>) {
    // A post id names its timeline (`<page-id>_<post-id>`): a comment by that page is the
    // page's. (For a comment id the prefix is an object id, which no author has.)
    let timeline = target.and_then(id_prefix);
    for item in items {
        let answered = target.or_else(|| {
            item.rare()
                .object
                .as_ref()
                .and_then(|o| o.id.as_ref())
                .map(|i| i.as_str())
        });
        let has_parent = item
            .rare()
            .parent
            .as_ref()
            .and_then(|p| p.id.as_ref())
            .is_some();
        match answered {
            Some(answered) => {
                let parent = PostRef {
                    post_id: answered.to_string(),
                    account_id: None,
                    handle: None,
                };
                comment(item, &parent, None, timeline, cx);
            }
            None if has_parent => {
                // The `parent` field names what it answers.
                let parent = PostRef {
                    post_id: String::new(),
                    account_id: None,
                    handle: None,
                };
                comment(item, &parent, None, timeline, cx);
            }
            None => cx.tally.no_parent += 1,
        }
    }
}

fn comment<'p>(
    item: &'p Node<'p>,
    structural_parent: &PostRef,
    conversation: Option<&str>,
    timeline: Option<&'p str>,
    cx: &mut Converter<'p, '_>,
) {
    let Some(id) = item.id.as_ref().map(|i| i.as_str()) else {
        cx.tally.no_id += 1;
        return;
    };
    let Some(created_at) = item.created_time.as_ref().and_then(date::parse) else {
        cx.tally.bad_time += 1;
        return;
    };
    // Graph withholds `from` on users' comments unless the token may moderate the page (the
    // page's own comments keep it): such a comment is still an audience comment, by one
    // unknown account, so that dialogue figures count it.
    let author = match item
        .from
        .as_ref()
        .and_then(|f| f.id.as_ref())
        .map(|i| i.as_str())
    {
        Some(author) => author,
        None => {
            cx.tally.no_author += 1;
            UNKNOWN_COMMENTER
        }
    };
    let role = if Some(author) == timeline {
        Role::Subject
    } else {
        Role::Audience
    };
    // In the `stream` view (or with `fields=parent`) a reply names the comment it answers.
    let named_parent = item.rare().parent.as_ref().and_then(|p| {
        p.id.as_ref().map(|pid| PostRef {
            post_id: pid.as_str().to_string(),
            account_id: p
                .from
                .as_ref()
                .and_then(|f| f.id.as_ref())
                .map(|i| i.as_str().to_string()),
            handle: None,
        })
    });
    let parent = match named_parent {
        Some(named) if named.post_id != structural_parent.post_id => named,
        _ if structural_parent.post_id.is_empty() => {
            cx.tally.no_parent += 1;
            return;
        }
        _ => structural_parent.clone(),
    };
    cx.accounts.push(author, cx.out, || {
        let mut account = AccountRecord::bare(PLATFORM, author, None, role);
        account.display_name = non_empty(item.from.as_ref().and_then(|f| f.name.as_deref()));
        account
    });
    let text = item.message.as_deref().unwrap_or("").to_string();
    let (likes, reactions) = likes_and_reactions(item, crate::number::count(item.like_count));
    let replies = crate::number::count(item.comment_count)
        .or_else(|| item.comments.as_deref().and_then(edge_total));
    let mut media = Vec::new();
    if let Some(attachment) = &item.rare().attachment {
        one_attachment_media(attachment, &mut media);
    }
    let mut urls = dipl_text::extract_urls(&text);
    if let Some(attachment) = &item.rare().attachment {
        one_attachment_url(attachment, &mut urls);
    }
    add_link_kind(&mut media, &urls);
    let hashtags = dipl_text::extract_hashtags(&text);
    cx.out.push(Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: id.to_string(),
        author_id: author.to_string(),
        created_at,
        kind: PostKind::Reply,
        parent: Some(parent),
        referenced: None,
        conversation_id: conversation.map(str::to_string),
        text,
        lang: None,
        media,
        urls,
        hashtags,
        mentions: Vec::new(),
        edited: false,
        deleted: false,
        counters: Counters {
            likes,
            reposts: None,
            replies,
            quotes: None,
            views: None,
            bookmarks: None,
        },
        reactions,
        observed_at: None,
    })));
    if let Some(replies) = item.comments.as_ref().and_then(|c| c.data.as_ref()) {
        let parent = PostRef {
            post_id: id.to_string(),
            account_id: Some(author.to_string()),
            handle: None,
        };
        for reply in replies {
            comment(reply, &parent, conversation, timeline, cx);
        }
    }
}

/// Likes (all reaction types) and the reactions by type: the breakdown when aliased reaction
/// summaries are there (with the rest of the total as `other` when the total is larger), else
/// the reactions total, else the likes total, else `fallback` (a comment's `like_count`); a
/// listed `data` page is never a count.
fn likes_and_reactions(
    node: &Node<'_>,
    fallback: Option<u64>,
) -> (Option<u64>, Vec<(String, u64)>) {
    let mut by_type: Vec<(Reaction, u64)> = Vec::new();
    let mut alias_total = None;
    for (kind, n) in &node.reaction_aliases {
        match (kind, n) {
            (AliasKind::Type(reaction), Some(n)) if !by_type.iter().any(|(r, _)| r == reaction) => {
                by_type.push((*reaction, *n));
            }
            (AliasKind::Total, Some(n)) => alias_total = alias_total.or(Some(*n)),
            _ => {}
        }
    }
    let total = node
        .reactions
        .as_ref()
        .and_then(|r| r.total())
        .or(alias_total);
    if !by_type.is_empty() {
        by_type.sort();
        let sum: u64 = by_type.iter().map(|(_, n)| n).sum();
        let mut reactions: Vec<(String, u64)> = by_type
            .iter()
            .map(|(r, n)| (r.name().to_string(), *n))
            .collect();
        let likes = match total {
            Some(total) if total > sum => {
                reactions.push(("other".to_string(), total - sum));
                total
            }
            _ => sum,
        };
        return (Some(likes), reactions);
    }
    let likes = total
        .or_else(|| node.likes.as_ref().and_then(|l| l.total()))
        .or(fallback);
    (likes, Vec::new())
}

/// The total of an edge: its `summary.total_count`, else its `count` (before July 2013); never
/// the number of objects listed.
fn edge_total(edge: &Node<'_>) -> Option<u64> {
    edge.summary
        .and_then(|s| s.count)
        .or(crate::number::count(edge.count))
}

/// Lifetime impressions from a post's `insights` (`post_impressions`), as views.
fn impressions(node: &Node<'_>) -> Option<u64> {
    node.rare()
        .insights
        .as_ref()?
        .data
        .as_ref()?
        .iter()
        .filter(|m| m.name.as_deref() == Some("post_impressions"))
        .filter(|m| m.period.as_deref().is_none_or(|p| p == "lifetime"))
        .find_map(|m| m.values.as_ref()?.iter().find_map(|v| v.value?.0))
}

/// The media kind of a post `type`.
fn post_type_media(kind: &str) -> Option<MediaKind> {
    match kind {
        "photo" => Some(MediaKind::Photo),
        "video" => Some(MediaKind::Video),
        "link" => Some(MediaKind::Link),
        _ => None,
    }
}

/// The media kind of an attachment `media_type` or `type`.
fn attachment_kind(kind: &str) -> Option<MediaKind> {
    match kind {
        "photo" | "album" | "cover_photo" | "profile_media" | "new_album" | "image_share" => {
            Some(MediaKind::Photo)
        }
        "video"
        | "video_inline"
        | "video_autoplay"
        | "video_share_youtube"
        | "video_direct_response"
        | "live_video" => Some(MediaKind::Video),
        "animated_image_share" | "animated_image_video" | "animated_image_autoplay" | "gif" => {
            Some(MediaKind::Gif)
        }
        "share" | "link" => Some(MediaKind::Link),
        _ => None,
    }
}

fn attachment_media(attachments: &Attachments<'_>, media: &mut Vec<MediaKind>) {
    for a in attachments.data.iter().flatten() {
        one_attachment_media(a, media);
    }
}

fn one_attachment_media(a: &Attachment<'_>, media: &mut Vec<MediaKind>) {
    let kind = a
        .media_type
        .as_deref()
        .and_then(attachment_kind)
        .or_else(|| a.kind.as_deref().and_then(attachment_kind));
    if let Some(kind) = kind {
        push_media(media, kind);
    }
    if let Some(sub) = &a.subattachments {
        attachment_media(sub, media);
    }
}

fn attachment_urls(attachments: &Attachments<'_>, urls: &mut Vec<String>) {
    for a in attachments.data.iter().flatten() {
        one_attachment_url(a, urls);
        if let Some(sub) = &a.subattachments {
            attachment_urls(sub, urls);
        }
    }
}

/// The external link of an attachment (`unshimmed_url`, else `url` outside Meta).
fn one_attachment_url(a: &Attachment<'_>, urls: &mut Vec<String>) {
    let url = a
        .unshimmed_url
        .as_deref()
        .or(a.url.as_deref())
        .filter(|u| !is_meta_url(u));
    if let Some(url) = url {
        push_url(urls, url);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dipl_model::Timestamp;

    fn at(s: &str) -> Timestamp {
        date::parse_str(s).unwrap_or(Timestamp(0))
    }

    fn convert(json: &str) -> (Vec<Record>, Vec<String>, Result<(), RecordError>) {
        let node: Node<'_> = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let result = record(&node, &mut out, &mut warnings);
        (out, warnings, result)
    }

    fn posts(records: &[Record]) -> Vec<&Post> {
        records
            .iter()
            .filter_map(|r| match r {
                Record::Post(p) => Some(&**p),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn counters_follow_the_documented_precedence() {
        let (out, warnings, result) = convert(
            r#"{"data": [
              {"id": "1_1", "created_time": "2024-03-01T10:00:00+0000", "shares": {"count": 3},
               "reactions_love": {"data": [], "summary": {"total_count": 2}},
               "reactions_like": {"data": [], "summary": {"total_count": 5}},
               "reactions": {"data": [], "summary": {"total_count": 9}},
               "likes": {"data": [], "summary": {"total_count": 5}},
               "comments": {"data": [], "summary": {"total_count": 4}}},
              {"id": "1_2", "created_time": "2024-03-01T11:00:00+0000",
               "reactions": {"summary": {"total_count": 6}}, "likes": {"summary": {"total_count": 5}}},
              {"id": "1_3", "created_time": "2024-03-01T12:00:00+0000",
               "likes": {"data": [{"id": "7"}], "summary": {"total_count": 5}}},
              {"id": "1_4", "created_time": "2024-03-01T13:00:00+0000",
               "likes": {"data": [{"id": "7"}, {"id": "8"}]},
               "comments": {"data": []}}
            ]}"#,
        );
        assert_eq!(result, Ok(()));
        assert!(warnings.is_empty(), "{warnings:?}");
        let p = posts(&out);
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].counters.likes, Some(9));
        assert_eq!(
            p[0].reactions,
            [
                ("like".to_string(), 5),
                ("love".to_string(), 2),
                ("other".to_string(), 2)
            ]
        );
        assert_eq!(
            (p[0].counters.reposts, p[0].counters.replies),
            (Some(3), Some(4))
        );
        assert_eq!(p[1].counters.likes, Some(6));
        assert!(p[1].reactions.is_empty());
        // Some post of the page has `shares`: its absence is 0.
        assert_eq!(p[1].counters.reposts, Some(0));
        assert_eq!(p[2].counters.likes, Some(5));
        assert_eq!(p[3].counters.likes, None);
        assert_eq!(p[3].counters.replies, None);
        assert_eq!(p[3].created_at, at("2024-03-01T13:00:00Z"));
        // All posts are the page's own (id prefix 1, no `from`).
        assert!(p.iter().all(|p| p.author_id == "1"));
    }

    #[test]
    fn counts_of_the_api_before_july_2013() {
        let (out, _, _) = convert(
            r#"{"data": [{"id": "1_1", "created_time": "2012-06-26T04:49:47+0000",
                "likes": {"data": [{"id": "7", "name": "A"}], "count": 42},
                "comments": {"data": [{"id": "1_1_3", "from": {"id": "7"}, "message": "x",
                   "created_time": "2012-06-26T05:00:00+0000", "likes": 2}], "count": 7}}]}"#,
        );
        let p = posts(&out);
        assert_eq!(
            (p[0].counters.likes, p[0].counters.replies),
            (Some(42), Some(7))
        );
        // A comment's `likes` was a number then.
        assert_eq!(p[1].counters.likes, Some(2));
    }

    #[test]
    fn shares_absent_on_every_post_are_not_available() {
        let (out, _, _) =
            convert(r#"{"data": [{"id": "1_1", "created_time": "2024-03-01T10:00:00+0000"}]}"#);
        assert_eq!(posts(&out)[0].counters, Counters::default());
    }

    #[test]
    fn errors_empty_pages_and_odd_records() {
        let (_, _, result) = convert(
            r#"{"error": {"message": "(#100) Tried accessing nonexisting field", "type": "OAuthException", "code": 100}}"#,
        );
        assert_eq!(
            result,
            Err(RecordError::Skip(
                "a Graph API error response: (#100) Tried accessing nonexisting field (OAuthException, code 100)".into()
            ))
        );
        let (out, warnings, result) = convert(r#"{"data": [], "paging": {}}"#);
        assert!(out.is_empty() && result.is_ok());
        assert_eq!(warnings, ["an empty page (no posts or comments)"]);
        let (_, _, result) = convert(
            r#"{"data": [{"id": "5", "name": "A", "type": "LOVE"}], "paging": {"next": "https://graph.facebook.com/v19.0/1_2/reactions?after=x"}}"#,
        );
        assert!(
            matches!(result, Err(RecordError::Skip(m)) if m.starts_with("a page of 1 object without"))
        );
        let (_, _, result) = convert(r#"{"hello": 1}"#);
        assert!(matches!(result, Err(RecordError::Skip(_))));
        let (_, _, result) = convert(r#"{"data": [{"id": "1_1", "created_time": "soon"}]}"#);
        assert_eq!(
            result,
            Err(RecordError::Skip(
                "skipped 1 object without a readable `created_time`".into()
            ))
        );
    }

    #[test]
    fn shared_posts_are_reposts_or_quotes() {
        let (out, _, _) = convert(
            r#"{"data": [
              {"id": "1_1", "created_time": "2024-03-01T10:00:00+0000", "parent_id": "2_9",
               "shares": {"count": 1}, "reactions": {"summary": {"total_count": 3}}},
              {"id": "1_2", "created_time": "2024-03-01T10:00:00+0000", "parent_id": "2_9",
               "message": "Read this", "reactions": {"summary": {"total_count": 3}}}
            ]}"#,
        );
        let p = posts(&out);
        assert_eq!(p[0].kind, PostKind::Repost);
        assert!(p[0].counters.is_empty());
        assert_eq!(
            p[0].referenced
                .as_ref()
                .map(|r| (r.post_id.as_str(), r.account_id.as_deref())),
            Some(("2_9", Some("2")))
        );
        assert_eq!(p[1].kind, PostKind::Quote);
        assert_eq!(p[1].counters.likes, Some(3));
        assert_eq!(p[1].counters.reposts, Some(0));
    }
}

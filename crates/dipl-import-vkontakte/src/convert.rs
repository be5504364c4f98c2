//! Pure translation of VK API pages into [`Record`]s (see the crate documentation for the rules).

use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role, Timestamp,
};

use crate::error::ConvertError;
use crate::number::{count, flag, int};
use crate::raw::{Group, Item, Page, Profile, Response};
use crate::text::{self, push_unique};

const PLATFORM: Platform = Platform::Vkontakte;

/// Which method's items a page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `wall.get` (also `wall.getById`, newsfeed-like dumps): posts; an item with a `post_id` and
    /// no `post_type` is a comment.
    Wall,
    /// `wall.getComments`: every item is a comment.
    Comments,
}

/// The posts (or comments), users and communities of a record.
#[derive(Debug, Clone, Copy)]
pub struct Body<'p, 'a> {
    pub items: &'p [Item<'a>],
    pub profiles: &'p [Profile<'a>],
    pub groups: &'p [Group<'a>],
}

/// The content of a record: the `response` of an API answer (a page, or a bare array of posts),
/// or the record itself when it was stored without the envelope. API errors, other methods'
/// answers and records without `items` are not imported.
pub fn body<'p, 'a>(page: &'p Page<'a>) -> Result<Body<'p, 'a>, ConvertError> {
    if let Some(error) = &page.error {
        let code = int(error.error_code).map_or_else(|| "?".to_string(), |c| c.to_string());
        let message = error.error_msg.as_deref().unwrap_or("no message");
        return Err(ConvertError::NotImported(format!(
            "VK API error {code}: {message}"
        )));
    }
    let page = match &page.response {
        None => page,
        Some(Response::Page(inner)) => inner,
        Some(Response::Items(items)) if items.iter().any(|i| i.date.is_some()) => {
            return Ok(Body {
                items,
                profiles: &[],
                groups: &[],
            })
        }
        Some(Response::Items(_) | Response::Other) => {
            return Err(ConvertError::NotImported(
                "`response` is neither a page nor a list of posts: another method's answer".into(),
            ))
        }
    };
    let items = page.items.as_deref().ok_or_else(|| {
        ConvertError::NotImported("no `items`: not a wall.get or wall.getComments response".into())
    })?;
    Ok(Body {
        items,
        profiles: page.profiles.as_deref().unwrap_or(&[]),
        groups: page.groups.as_deref().unwrap_or(&[]),
    })
}

/// The users and communities of an extended response, and the accounts already emitted for the
/// record (each account once per record and role).
pub struct Context<'p, 'a> {
    profiles: &'p [Profile<'a>],
    groups: &'p [Group<'a>],
    emitted: Vec<(i64, Role)>,
}

impl<'p, 'a> Context<'p, 'a> {
    pub fn new(body: &Body<'p, 'a>) -> Context<'p, 'a> {
        Context {
            profiles: body.profiles,
            groups: body.groups,
            emitted: Vec::new(),
        }
    }

    fn profile(&self, owner_id: i64) -> Option<&'p Profile<'a>> {
        if owner_id <= 0 {
            return None;
        }
        self.profiles.iter().find(|p| int(p.id) == Some(owner_id))
    }

    fn group(&self, owner_id: i64) -> Option<&'p Group<'a>> {
        if owner_id >= 0 {
            return None;
        }
        let id = owner_id.checked_neg()?;
        self.groups.iter().find(|g| int(g.id) == Some(id))
    }

    /// The screen name of an account (owner id as VK writes it), when the response gives it.
    pub fn screen_name(&self, owner_id: i64) -> Option<&'p str> {
        if owner_id > 0 {
            self.profile(owner_id)?.screen_name.as_deref()
        } else {
            self.group(owner_id)?.screen_name.as_deref()
        }
        .filter(|s| !s.is_empty())
    }

    /// Emits the account record of `owner_id` (and its audience size when the response gives it),
    /// once per record and role.
    pub fn account(&mut self, owner_id: i64, role: Role, out: &mut Vec<Record>) {
        if self.emitted.contains(&(owner_id, role)) {
            return;
        }
        self.emitted.push((owner_id, role));
        let id = owner_id.to_string();
        let mut account = AccountRecord::bare(PLATFORM, id.clone(), None, role);
        let mut followers = None;
        if let Some(p) = self.profile(owner_id) {
            // A deleted or banned user keeps only VK's placeholder name ("DELETED").
            let active = p.deactivated.is_none();
            let name = [p.first_name.as_deref(), p.last_name.as_deref()]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            account.handle = nonempty(p.screen_name.as_deref());
            account.display_name = (active && !name.is_empty()).then_some(name);
            account.verified = p.verified.map(|v| v.0);
            account.location = place(p.city.as_ref(), p.country.as_ref());
            account.description = nonempty(p.status.as_deref());
            followers = count(p.followers_count);
        } else if let Some(g) = self.group(owner_id) {
            account.handle = nonempty(g.screen_name.as_deref());
            account.display_name = nonempty(g.name.as_deref());
            account.verified = g.verified.map(|v| v.0);
            account.location = place(g.city.as_ref(), g.country.as_ref());
            account.description = nonempty(g.description.as_deref());
            followers = count(g.members_count).or(count(g.followers_count));
        }
        out.push(Record::Account(account));
        if followers.is_some() {
            out.push(Record::AccountObservation(AccountObservation {
                platform: PLATFORM,
                account_id: id,
                observed_at: None,
                followers,
                following: None,
                posts_count: None,
                listed_count: None,
            }));
        }
    }
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn place(
    city: Option<&crate::raw::Place<'_>>,
    country: Option<&crate::raw::Place<'_>>,
) -> Option<String> {
    let parts: Vec<&str> = [city, country]
        .into_iter()
        .flatten()
        .filter_map(|p| p.title.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Why an item of a page was left out (counted, reported once per record).
#[derive(Debug, Default)]
pub struct Left {
    unpublished: u64,
    incomplete: Vec<(&'static str, u64)>,
}

impl Left {
    fn missing(&mut self, field: &'static str) {
        match self.incomplete.iter_mut().find(|(f, _)| *f == field) {
            Some((_, n)) => *n += 1,
            None => self.incomplete.push((field, 1)),
        }
    }

    fn report(self, warnings: &mut Vec<String>) {
        if self.unpublished > 0 {
            warnings.push(format!(
                "{} postponed or suggested {} not imported (not published)",
                self.unpublished,
                plural(self.unpublished, "post", "posts")
            ));
        }
        for (field, n) in self.incomplete {
            let what = if field == "post_id" {
                " (the response does not say which post they answer)"
            } else {
                ""
            };
            warnings.push(format!(
                "{n} {} without `{field}` not imported{what}",
                plural(n, "item", "items")
            ));
        }
    }
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Translates one record (a page of `method`), pushing records and per-record warnings.
pub fn page(
    page: &Page<'_>,
    method: Method,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    items(&body(page)?, method, out, warnings);
    Ok(())
}

/// Whether an object is a post or comment stored on its own (a dump of `items`), rather than a
/// response: it has an id and a date.
pub fn is_item(item: &Item<'_>) -> bool {
    item.id.is_some() && item.date.is_some()
}

/// Translates the items of a record.
pub fn items(
    body: &Body<'_, '_>,
    method: Method,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) {
    let mut ctx = Context::new(body);
    let mut left = Left::default();
    for item in body.items {
        let post_type = item.post_type.as_deref().or(item.kind.as_deref());
        let is_comment = match method {
            Method::Comments => true,
            Method::Wall => {
                post_type == Some("reply") || (post_type.is_none() && item.post_id.is_some())
            }
        };
        if is_comment {
            if let Err(field) = comment(item, None, &mut ctx, out) {
                left.missing(field);
            }
            continue;
        }
        if matches!(post_type, Some("postpone" | "suggest")) {
            left.unpublished += 1;
            continue;
        }
        if let Err(field) = wall_post(item, &mut ctx, out) {
            left.missing(field);
        }
    }
    left.report(warnings);
}

/// Ids of a post: the wall owner, the post id on that wall, the author, the date.
struct Ids {
    owner: i64,
    id: i64,
    author: i64,
    date: i64,
}

fn post_ids(item: &Item<'_>) -> Result<Ids, &'static str> {
    let owner = int(item.owner_id).or(int(item.to_id)).ok_or("owner_id")?;
    let id = int(item.id).ok_or("id")?;
    let date = int(item.date).ok_or("date")?;
    let author = int(item.from_id).filter(|&a| a != 0).unwrap_or(owner);
    Ok(Ids {
        owner,
        id,
        author,
        date,
    })
}

/// VK's post id: `<owner_id>_<id>` (the form of `vk.com/wall-1234_567`).
pub fn post_id(owner: i64, id: i64) -> String {
    format!("{owner}_{id}")
}

/// A comment's id: `<owner_id>_<post_id>_c<comment id>`.
pub fn comment_id(owner: i64, post: i64, id: i64) -> String {
    format!("{owner}_{post}_c{id}")
}

fn role(author: i64, wall_owner: i64) -> Role {
    if author == wall_owner {
        Role::Subject
    } else {
        Role::Audience
    }
}

/// A wall post, then the posts of its `copy_history` (the reposted original first).
fn wall_post(
    item: &Item<'_>,
    ctx: &mut Context<'_, '_>,
    out: &mut Vec<Record>,
) -> Result<(), &'static str> {
    let ids = post_ids(item)?;
    let wall_owner = ids.owner;
    let history: Vec<(&Item<'_>, Ids)> = item
        .copy_history
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .map_while(|original| post_ids(original).ok().map(|ids| (original, ids)))
        .collect();
    ctx.account(wall_owner, Role::Subject, out);
    ctx.account(ids.author, role(ids.author, wall_owner), out);
    let reference = history.first().map(|(_, o)| ref_to(o, ctx));
    out.push(Record::Post(Box::new(build_post(
        item, &ids, reference, ctx,
    ))));
    for (i, (original, o)) in history.iter().enumerate() {
        ctx.account(o.author, role(o.author, wall_owner), out);
        let reference = history.get(i + 1).map(|(_, next)| ref_to(next, ctx));
        out.push(Record::Post(Box::new(build_post(
            original, o, reference, ctx,
        ))));
    }
    Ok(())
}

fn ref_to(ids: &Ids, ctx: &Context<'_, '_>) -> PostRef {
    PostRef {
        post_id: post_id(ids.owner, ids.id),
        account_id: Some(ids.author.to_string()),
        handle: ctx.screen_name(ids.author).map(str::to_string),
    }
}

/// A post of a wall; `reference` is the post it reposts (its `copy_history` head).
fn build_post(
    item: &Item<'_>,
    ids: &Ids,
    reference: Option<PostRef>,
    ctx: &Context<'_, '_>,
) -> Post {
    let content = content(item, ctx);
    let is_copy = reference.is_some();
    let is_repost = is_copy && content.text.trim().is_empty();
    let kind = PostKind::classify(is_repost, false, is_copy && !is_repost);
    let (counters, reactions) = if is_repost {
        (Counters::default(), Vec::new())
    } else {
        post_counters(item)
    };
    let id = post_id(ids.owner, ids.id);
    Post {
        platform: PLATFORM,
        conversation_id: Some(id.clone()),
        id,
        author_id: ids.author.to_string(),
        created_at: Timestamp(ids.date),
        kind,
        parent: None,
        referenced: reference,
        text: content.text,
        lang: None,
        media: content.media,
        urls: content.urls,
        hashtags: content.hashtags,
        mentions: content.mentions,
        edited: int(item.edited).is_some_and(|e| e > 0),
        deleted: flag(item.is_deleted) || flag(item.deleted),
        counters,
        reactions,
        observed_at: None,
    }
}

fn post_counters(item: &Item<'_>) -> (Counters, Vec<(String, u64)>) {
    let reactions: Vec<(String, u64)> = item
        .reactions
        .as_ref()
        .and_then(|r| r.items.as_deref())
        .unwrap_or(&[])
        .iter()
        .filter_map(|r| Some((format!("reaction_{}", int(r.id)?), count(r.count)?)))
        .collect();
    let likes = if reactions.is_empty() {
        item.likes.as_ref().and_then(|l| count(l.count))
    } else {
        Some(reactions.iter().map(|(_, n)| n).sum())
    };
    let counters = Counters {
        likes,
        reposts: item.reposts.as_ref().and_then(|r| count(r.count)),
        replies: item.comments.as_ref().and_then(|c| count(c.count)),
        quotes: None,
        views: item.views.as_ref().and_then(|v| count(v.count)),
        bookmarks: None,
    };
    (counters, reactions)
}

/// Text (markup rendered), entities and media of a post or comment.
struct Content {
    text: String,
    hashtags: Vec<String>,
    mentions: Vec<String>,
    urls: Vec<String>,
    media: Vec<MediaKind>,
}

fn content(item: &Item<'_>, ctx: &Context<'_, '_>) -> Content {
    let raw = item.text.as_deref().unwrap_or("");
    let rendered = text::render(raw);
    let (hashtags, text_mentions) = text::hashtags_and_mentions(&rendered.text);
    let mut mentions = Vec::new();
    for m in &rendered.mentions {
        let handle = m
            .owner_id
            .and_then(|o| ctx.screen_name(o))
            .unwrap_or(m.target);
        push_unique(&mut mentions, handle);
    }
    for m in &text_mentions {
        push_unique(&mut mentions, m);
    }
    let mut urls = if rendered.text.contains('.') {
        dipl_text::extract_urls(&rendered.text)
    } else {
        Vec::new()
    };
    for u in &rendered.urls {
        push_unique(&mut urls, u);
    }
    let mut media = Vec::new();
    for a in item.attachments.as_deref().unwrap_or(&[]) {
        let kind = match a.kind.as_deref() {
            Some("photo" | "posted_photo" | "photos_list" | "album" | "graffiti") => {
                Some(MediaKind::Photo)
            }
            Some("video" | "clip" | "video_playlist") => Some(MediaKind::Video),
            Some("doc") => a
                .doc
                .as_ref()
                .filter(|d| {
                    d.ext
                        .as_deref()
                        .is_some_and(|e| e.eq_ignore_ascii_case("gif"))
                        || int(d.kind) == Some(3)
                })
                .map(|_| MediaKind::Gif),
            Some("link") => {
                if let Some(url) = a.link.as_ref().and_then(|l| l.url.as_deref()) {
                    push_unique(&mut urls, url);
                }
                None
            }
            _ => None,
        };
        if let Some(kind) = kind {
            if !media.contains(&kind) {
                media.push(kind);
            }
        }
    }
    if urls.iter().any(|u| !is_vk_url(u)) && !media.contains(&MediaKind::Link) {
        media.push(MediaKind::Link);
    }
    Content {
        text: rendered.text.into_owned(),
        hashtags,
        mentions,
        urls,
        media,
    }
}

/// Whether a URL points to VK itself (a link to another VK post or page is not an outside link).
fn is_vk_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    ["vk.com", "vk.ru", "vk.cc", "vkontakte.ru"]
        .iter()
        .any(|h| host.eq_ignore_ascii_case(h))
}

/// The comment a thread reply sits under: its id and author (unknown for a deleted comment
/// that VK gives without `from_id`).
#[derive(Debug, Clone, Copy)]
struct ThreadRoot {
    owner: i64,
    post: i64,
    id: i64,
    author: Option<i64>,
}

/// A comment (and the replies its `thread` nests).
fn comment(
    item: &Item<'_>,
    root: Option<ThreadRoot>,
    ctx: &mut Context<'_, '_>,
    out: &mut Vec<Record>,
) -> Result<(), &'static str> {
    let owner = int(item.owner_id)
        .or(int(item.to_id))
        .or(root.map(|r| r.owner))
        .ok_or("owner_id")?;
    let post = int(item.post_id)
        .or(root.map(|r| r.post))
        .ok_or("post_id")?;
    let id = int(item.id).ok_or("id")?;
    let Some(author) = int(item.from_id).filter(|&a| a != 0) else {
        // Some deleted comments come without `from_id`: the comment is not imported, but the
        // replies in its thread are (an answer to a deleted comment is still an answer given).
        let this = ThreadRoot {
            owner,
            post,
            id,
            author: None,
        };
        thread_replies(item, this, ctx, out)?;
        return Err("from_id");
    };
    let date = int(item.date).ok_or("date")?;
    let root_author = |c: i64| root.filter(|r| r.id == c).and_then(|r| r.author);
    let parent_ref = |c: i64, account: Option<i64>| PostRef {
        post_id: comment_id(owner, post, c),
        account_id: account.map(|a| a.to_string()),
        handle: account.and_then(|a| ctx.screen_name(a)).map(str::to_string),
    };
    let parent = if let Some(c) = int(item.reply_to_comment).filter(|&c| c > 0) {
        let account = int(item.reply_to_user)
            .filter(|&u| u != 0)
            .or(root_author(c));
        parent_ref(c, account)
    } else if let Some(c) = item
        .parents_stack
        .as_deref()
        .and_then(|s| s.last())
        .and_then(|c| c.0)
        .filter(|&c| c > 0)
    {
        parent_ref(c, root_author(c))
    } else if let Some(r) = root {
        parent_ref(r.id, r.author)
    } else {
        PostRef {
            post_id: post_id(owner, post),
            account_id: None,
            handle: None,
        }
    };
    let content = content(item, ctx);
    ctx.account(author, role(author, owner), out);
    out.push(Record::Post(Box::new(Post {
        platform: PLATFORM,
        id: comment_id(owner, post, id),
        author_id: author.to_string(),
        created_at: Timestamp(date),
        kind: PostKind::Reply,
        parent: Some(parent),
        referenced: None,
        conversation_id: Some(post_id(owner, post)),
        text: content.text,
        lang: None,
        media: content.media,
        urls: content.urls,
        hashtags: content.hashtags,
        mentions: content.mentions,
        edited: int(item.edited).is_some_and(|e| e > 0),
        deleted: flag(item.deleted) || flag(item.is_deleted),
        counters: Counters {
            likes: item.likes.as_ref().and_then(|l| count(l.count)),
            replies: item.thread.as_ref().and_then(|t| count(t.count)),
            ..Counters::default()
        },
        reactions: Vec::new(),
        observed_at: None,
    })));
    let this = ThreadRoot {
        owner,
        post,
        id,
        author: Some(author),
    };
    thread_replies(item, this, ctx, out)
}

/// The replies nested in a comment's `thread`; the first missing field, if any.
fn thread_replies(
    item: &Item<'_>,
    this: ThreadRoot,
    ctx: &mut Context<'_, '_>,
    out: &mut Vec<Record>,
) -> Result<(), &'static str> {
    let replies = item
        .thread
        .as_ref()
        .and_then(|t| t.items.as_deref())
        .unwrap_or(&[]);
    let mut first_error = Ok(());
    for reply in replies {
        if let Err(field) = comment(reply, Some(this), ctx, out) {
            first_error = first_error.and(Err(field));
        }
    }
    first_error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(json: &str, method: Method) -> (Vec<Record>, Vec<String>) {
        let page: Page<'_> = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        super::page(&page, method, &mut out, &mut warnings).unwrap();
        (out, warnings)
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
    fn repost_with_and_without_text() {
        let json = r#"{"response": {"count": 2, "items": [
            {"id": 10, "owner_id": -5, "from_id": -5, "date": 1700000000, "post_type": "copy", "text": "",
             "likes": {"count": 3}, "reposts": {"count": 1}, "views": {"count": 90},
             "copy_history": [{"id": 7, "owner_id": -9, "from_id": -9, "date": 1690000000, "post_type": "post", "text": "Оригинал"}]},
            {"id": 11, "owner_id": -5, "from_id": -5, "date": 1700000100, "post_type": "copy", "text": "Наш комментарий",
             "likes": {"count": 4},
             "copy_history": [{"id": 8, "owner_id": -9, "from_id": -9, "date": 1690000100, "post_type": "copy", "text": "",
                               "copy_history": []},
                              {"id": 2, "owner_id": 77, "from_id": 77, "date": 1680000000, "post_type": "post", "text": "Первоисточник"}]}
        ]}}"#;
        let (records, warnings) = convert(json, Method::Wall);
        assert!(warnings.is_empty());
        let posts = posts(&records);
        let summary: Vec<(String, PostKind, Option<String>, Option<u64>)> = posts
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.kind,
                    p.referenced.as_ref().map(|r| r.post_id.clone()),
                    p.counters.likes,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("-5_10".into(), PostKind::Repost, Some("-9_7".into()), None),
                ("-9_7".into(), PostKind::Original, None, None),
                (
                    "-5_11".into(),
                    PostKind::Quote,
                    Some("-9_8".into()),
                    Some(4)
                ),
                ("-9_8".into(), PostKind::Repost, Some("77_2".into()), None),
                ("77_2".into(), PostKind::Original, None, None),
            ]
        );
    }

    #[test]
    fn errors_and_unknown_shapes_are_skips() {
        let page: Page<'_> = serde_json::from_str(
            r#"{"error": {"error_code": 30, "error_msg": "This profile is private"}}"#,
        )
        .unwrap();
        let err = super::page(&page, Method::Wall, &mut Vec::new(), &mut Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "VK API error 30: This profile is private");
        let page: Page<'_> = serde_json::from_str(r#"{"response": 1}"#).unwrap_or_default();
        assert!(super::page(&page, Method::Wall, &mut Vec::new(), &mut Vec::new()).is_err());
    }

    #[test]
    fn reactions_sum_into_likes() {
        let json = r#"{"items": [{"id": 1, "owner_id": 3, "date": 5, "text": "x",
            "likes": {"count": 9}, "reactions": {"count": 9, "items": [{"id": 0, "count": 6}, {"id": 2, "count": 3}]}}]}"#;
        let (records, _) = convert(json, Method::Wall);
        let posts = posts(&records);
        assert_eq!(posts[0].counters.likes, Some(9));
        assert_eq!(
            posts[0].reactions,
            [("reaction_0".to_string(), 6), ("reaction_2".to_string(), 3)]
        );
    }
}

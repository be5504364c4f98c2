//! Translation shared by the XRPC and repository importers: at-URIs, post records (kinds,
//! references, facets, media), reposts, profiles, and the repository records of one account
//! (`com.atproto.repo.listRecords` and the CAR export hold the same records).

use std::collections::{BTreeMap, HashMap};

use dipl_model::{
    AccountObservation, AccountRecord, Counters, Follow, MediaKind, Platform, Post, PostKind,
    PostRef, Record, Role, Timestamp,
};

use crate::date;
use crate::error::ConvertError;
use crate::raw::{count, Embed, Profile, RecordValue, Subject};

pub const POST: &str = "app.bsky.feed.post";
pub const REPOST: &str = "app.bsky.feed.repost";
pub const LIKE: &str = "app.bsky.feed.like";
pub const FOLLOW: &str = "app.bsky.graph.follow";
pub const PROFILE: &str = "app.bsky.actor.profile";

/// An `at://<authority>/<collection>/<rkey>` URI, split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtUri<'a> {
    /// A DID (`did:plc:…`, `did:web:…`) or, rarely, a handle.
    pub authority: &'a str,
    pub collection: Option<&'a str>,
    pub rkey: Option<&'a str>,
}

impl<'a> AtUri<'a> {
    pub fn parse(uri: &'a str) -> Option<AtUri<'a>> {
        let rest = uri.strip_prefix("at://")?;
        let rest = rest.split(['?', '#']).next().unwrap_or("");
        let mut parts = rest.split('/');
        let authority = parts.next().filter(|a| !a.is_empty())?;
        let collection = parts.next().filter(|c| !c.is_empty());
        let rkey = parts.next().filter(|r| !r.is_empty());
        Some(AtUri {
            authority,
            collection,
            rkey,
        })
    }

    /// The account DID, when the authority is one.
    pub fn did(&self) -> Option<&'a str> {
        self.authority.starts_with("did:").then_some(self.authority)
    }
}

/// The DID of the repository holding the record `uri`.
pub fn did_of(uri: &str) -> Option<&str> {
    AtUri::parse(uri).and_then(|u| u.did())
}

/// Handles of the accounts a response shows, by DID (a repository shows none).
#[derive(Debug, Default)]
pub struct Handles<'a> {
    map: HashMap<&'a str, &'a str>,
}

impl<'a> Handles<'a> {
    pub fn add(&mut self, profile: &'a Profile<'_>) {
        if let (Some(did), Some(handle)) = (profile.did.as_deref(), valid_handle(profile)) {
            self.map.entry(did).or_insert(handle);
        }
    }

    pub fn get(&self, did: &str) -> Option<&'a str> {
        self.map.get(did).copied()
    }
}

/// A profile's handle, unless the AppView marks it unverified (`handle.invalid`).
fn valid_handle<'p>(profile: &'p Profile<'_>) -> Option<&'p str> {
    profile
        .handle
        .as_deref()
        .filter(|h| !h.is_empty() && *h != "handle.invalid")
}

/// A reference to the record `uri`, with its author's DID and, when known, handle.
pub fn post_ref(uri: &str, handles: &Handles<'_>) -> PostRef {
    let parsed = AtUri::parse(uri);
    let did = parsed.and_then(|u| u.did());
    PostRef {
        post_id: uri.to_string(),
        account_id: did.map(str::to_string),
        handle: match (did, parsed) {
            (Some(did), _) => handles.get(did).map(str::to_string),
            // `at://alice.example/…`: the authority is a handle.
            (None, Some(u)) => Some(u.authority.to_string()),
            (None, None) => None,
        },
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).map(str::to_string)
}

/// The account record (and, when the view has counters, the observation) of a profile view.
pub fn account(
    profile: &Profile<'_>,
    role: Role,
    out: &mut Vec<Record>,
    with_observation: bool,
) -> Option<()> {
    let did = profile.did.as_deref().filter(|d| !d.is_empty())?;
    out.push(Record::Account(AccountRecord {
        platform: Platform::Bluesky,
        id: did.to_string(),
        handle: valid_handle(profile).map(str::to_string),
        display_name: non_empty(profile.display_name.as_deref()),
        role,
        created_at: profile.created_at.as_deref().and_then(date::parse),
        verified: profile
            .verification
            .as_ref()
            .and_then(|v| v.verified_status.as_deref())
            .map(|s| s == "valid"),
        location: None,
        lang: None,
        description: non_empty(profile.description.as_deref()),
    }));
    let observation = AccountObservation {
        platform: Platform::Bluesky,
        account_id: did.to_string(),
        observed_at: None,
        followers: count(profile.followers_count),
        following: count(profile.follows_count),
        posts_count: count(profile.posts_count),
        listed_count: None,
    };
    if with_observation
        && (observation.followers.is_some()
            || observation.following.is_some()
            || observation.posts_count.is_some())
    {
        out.push(Record::AccountObservation(observation));
    }
    Some(())
}

/// Whether an embed `$type` (with or without `#view`) is `name`.
fn is_kind(kind: Option<&str>, name: &str) -> bool {
    kind.is_some_and(|k| k.split('#').next() == Some(name))
}

/// The post a record embeds as a quote (`app.bsky.embed.record`, or the record of
/// `…recordWithMedia`): only posts count; an embedded list, feed or starter pack is no quote.
pub fn quoted_uri<'e>(embed: Option<&'e Embed<'_>>) -> Option<&'e str> {
    let record = embed?.record.as_deref()?;
    let uri = record
        .uri
        .as_deref()
        .or_else(|| record.record.as_deref().and_then(|r| r.uri.as_deref()))?;
    (AtUri::parse(uri)?.collection == Some(POST)).then_some(uri)
}

/// Media kinds of a record's embed, in order, once each; `Link` also for any shared URL that is
/// not a link to a Bluesky post.
fn media_of(embed: Option<&Embed<'_>>, urls: &[String]) -> Vec<MediaKind> {
    fn push(media: &mut Vec<MediaKind>, kind: MediaKind) {
        if !media.contains(&kind) {
            media.push(kind);
        }
    }
    fn walk(embed: &Embed<'_>, media: &mut Vec<MediaKind>, depth: u8) {
        let kind = embed.kind.as_deref();
        if is_kind(kind, "app.bsky.embed.images") || (kind.is_none() && embed.images.is_some()) {
            push(media, MediaKind::Photo);
        }
        if is_kind(kind, "app.bsky.embed.video") || (kind.is_none() && embed.video.is_some()) {
            push(media, MediaKind::Video);
        }
        if let Some(external) = &embed.external {
            let gif = external.uri.as_deref().is_some_and(is_gif);
            push(media, if gif { MediaKind::Gif } else { MediaKind::Link });
        }
        if let Some(inner) = embed.media.as_deref() {
            if depth < 4 {
                walk(inner, media, depth + 1);
            }
        }
    }
    let mut media = Vec::new();
    if let Some(embed) = embed {
        walk(embed, &mut media, 0);
    }
    if urls.iter().any(|u| !is_post_link(u) && !is_gif(u)) {
        push(&mut media, MediaKind::Link);
    }
    media
}

/// The external link of a record's embed (a link card), if any.
fn external_uri<'e>(embed: Option<&'e Embed<'_>>) -> Option<&'e str> {
    let embed = embed?;
    embed
        .external
        .as_ref()
        .and_then(|e| e.uri.as_deref())
        .or_else(|| embed.media.as_deref().and_then(|m| external_uri(Some(m))))
}

/// GIFs are link cards to Tenor.
fn is_gif(url: &str) -> bool {
    host(url).is_some_and(|h| h.eq_ignore_ascii_case("media.tenor.com"))
}

fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    rest.split(['/', '?', '#']).next()
}

/// `https://bsky.app/profile/<handle or DID>/post/<rkey>`.
fn is_post_link(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://bsky.app/profile/")
        .or_else(|| url.strip_prefix("http://bsky.app/profile/"))
    else {
        return false;
    };
    let mut parts = rest.split('/');
    let _who = parts.next();
    parts.next() == Some("post") && parts.next().is_some_and(|r| !r.is_empty())
}

/// One platform-marked span of a post: a facet feature, or a pre-facet entity.
struct Mark<'t, 'v> {
    /// The text the span covers (its UTF-8 byte range), when the range is valid.
    covered: Option<&'t str>,
    /// `mention`, `link` or `tag`.
    kind: &'v str,
    /// The DID, URL or tag.
    value: Option<&'v str>,
}

/// The text a byte range covers: `None` when it is out of bounds or splits a character.
fn covered(text: &str, start: Option<u64>, end: Option<u64>) -> Option<&str> {
    let start = usize::try_from(start?).ok()?;
    let end = usize::try_from(end?).ok()?;
    text.get(start..end)
}

/// The marks of a record: its facets' features, or else its pre-facet `entities`.
fn marks<'t, 'v>(text: &'t str, record: &'v RecordValue<'_>) -> Vec<Mark<'t, 'v>> {
    let mut marks = Vec::new();
    for facet in record.facets.iter().flatten() {
        let covered = facet
            .index
            .as_ref()
            .and_then(|i| covered(text, count(i.byte_start), count(i.byte_end)));
        for feature in facet.features.iter().flatten() {
            let kind = feature.kind.as_deref().unwrap_or("");
            let kind = kind.rsplit('#').next().unwrap_or("");
            let value = match kind {
                "mention" => feature.did.as_deref(),
                "link" => feature.uri.as_deref(),
                _ => feature.tag.as_deref(),
            };
            marks.push(Mark {
                covered,
                kind,
                value,
            });
        }
    }
    if marks.is_empty() {
        for entity in record.entities.iter().flatten() {
            marks.push(Mark {
                covered: entity
                    .index
                    .as_ref()
                    .and_then(|i| covered(text, count(i.start), count(i.end))),
                kind: entity.kind.as_deref().unwrap_or(""),
                value: entity.value.as_deref(),
            });
        }
    }
    marks
}

/// Hashtags, mentions and URLs of a post record (see the crate documentation for the rules).
pub fn entities(
    text: &str,
    record: &RecordValue<'_>,
    handles: &Handles<'_>,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let marks = marks(text, record);
    let mut hashtags: Vec<String> = Vec::new();
    let mut mentions: Vec<String> = Vec::new();
    let mut urls: Vec<String> = Vec::new();
    let mut tag_marks = false;
    for mark in &marks {
        let value = mark.value.filter(|v| !v.is_empty());
        match mark.kind {
            "mention" => {
                let Some(did) = value else { continue };
                let written = mark
                    .covered
                    .and_then(|c| c.strip_prefix('@'))
                    .filter(|h| !h.is_empty() && !h.contains(char::is_whitespace));
                let handle = handles.get(did).or(written).unwrap_or(did);
                mentions.push(handle.to_string());
            }
            "link" => {
                if let Some(uri) = value {
                    urls.push(uri.to_string());
                }
            }
            "tag" => {
                tag_marks = true;
                let tag = value
                    .or(mark.covered)
                    .map(|t| t.trim_start_matches(['#', '＃']))
                    .filter(|t| !t.is_empty());
                if let Some(tag) = tag {
                    hashtags.push(tag.to_string());
                }
            }
            _ => {}
        }
    }
    if marks.is_empty() {
        mentions = text_mentions(text);
        urls = dipl_text::extract_urls(text);
    }
    if !tag_marks {
        hashtags = dipl_text::extract_hashtags(text);
    }
    for tag in record.tags.iter().flatten() {
        let tag = tag.trim_start_matches(['#', '＃']);
        if !tag.is_empty() && !hashtags.iter().any(|h| h == tag) {
            hashtags.push(tag.to_string());
        }
    }
    (hashtags, mentions, urls)
}

/// `@handle` mentions of a text without facets, as the Bluesky app detects them: `@` at the
/// start or after a space or `(`, then a domain-like handle (letters, digits, `-`, with at least
/// one dot). The twitter-text rules would stop a handle at its first dot.
fn text_mentions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == '@' && prev.is_none_or(|p| p.is_whitespace() || p == '(') {
            let rest = &text[i + 1..];
            let end = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '-'))
                .unwrap_or(rest.len());
            let handle = rest[..end].trim_end_matches(['.', '-']);
            let valid = handle.contains('.')
                && handle
                    .split('.')
                    .all(|label| !label.is_empty() && !label.starts_with('-'));
            if valid {
                out.push(handle.to_string());
            }
        }
        prev = Some(c);
    }
    out
}

/// The creation time of a post: its `createdAt`, or the AppView's `indexedAt` when that is
/// missing or unreadable.
fn created_at(
    record: &RecordValue<'_>,
    indexed_at: Option<&str>,
) -> Result<Timestamp, ConvertError> {
    if let Some(t) = record.created_at.as_deref().and_then(date::parse) {
        return Ok(t);
    }
    if let Some(t) = indexed_at.and_then(date::parse) {
        return Ok(t);
    }
    match record.created_at.as_deref() {
        Some(value) => Err(ConvertError::BadDate {
            field: "createdAt",
            value: value.to_string(),
        }),
        None => Err(ConvertError::Missing("createdAt")),
    }
}

/// A post record (`app.bsky.feed.post`) as a post of `author`, with the counters its view gives.
pub fn post(
    uri: &str,
    author: &str,
    record: &RecordValue<'_>,
    counters: Counters,
    indexed_at: Option<&str>,
    handles: &Handles<'_>,
) -> Result<Post, ConvertError> {
    let created_at = created_at(record, indexed_at)?;
    let text = record.text.as_deref().unwrap_or("");
    let reply = record.reply.as_ref();
    let parent_uri = reply.and_then(|r| {
        r.parent
            .as_ref()
            .and_then(|p| p.uri.as_deref())
            .or_else(|| r.root.as_ref().and_then(|p| p.uri.as_deref()))
    });
    let root_uri = reply.and_then(|r| r.root.as_ref().and_then(|p| p.uri.as_deref()));
    let embed = record.embed.as_ref();
    let quoted = quoted_uri(embed);
    let kind = PostKind::classify(false, parent_uri.is_some(), quoted.is_some());
    let (hashtags, mentions, mut urls) = entities(text, record, handles);
    // A GIF is media, not a shared link.
    if let Some(card) = external_uri(embed).filter(|u| !is_gif(u)) {
        if !urls.iter().any(|u| u == card) {
            urls.push(card.to_string());
        }
    }
    let media = media_of(embed, &urls);
    Ok(Post {
        platform: Platform::Bluesky,
        id: uri.to_string(),
        author_id: author.to_string(),
        created_at,
        kind,
        parent: parent_uri.map(|p| post_ref(p, handles)),
        referenced: quoted.map(|q| post_ref(q, handles)),
        conversation_id: Some(root_uri.or(parent_uri).unwrap_or(uri).to_string()),
        text: text.to_string(),
        lang: record
            .langs
            .as_deref()
            .and_then(|l| l.first())
            .and_then(|l| non_empty(Some(l))),
        media,
        urls,
        hashtags,
        mentions,
        edited: false,
        deleted: false,
        counters,
        reactions: Vec::new(),
        observed_at: None,
    })
}

/// A repost by `author` of the post `subject`: no text, no counters (they belong to the
/// original).
pub fn repost(
    id: String,
    author: &str,
    created_at: Timestamp,
    subject: &str,
    handles: &Handles<'_>,
) -> Post {
    Post {
        platform: Platform::Bluesky,
        id,
        author_id: author.to_string(),
        created_at,
        kind: PostKind::Repost,
        parent: None,
        referenced: Some(post_ref(subject, handles)),
        conversation_id: None,
        text: String::new(),
        lang: None,
        media: Vec::new(),
        urls: Vec::new(),
        hashtags: Vec::new(),
        mentions: Vec::new(),
        edited: false,
        deleted: false,
        counters: Counters::default(),
        reactions: Vec::new(),
        observed_at: None,
    }
}

/// The records of one account's repository (`listRecords`, a CAR export), translated one by one.
///
/// The owner is the subject. Posts and reposts become posts, follows become follow edges, the
/// profile becomes the owner's account record; likes and every other collection are counted
/// and reported once (see [`Repo::not_imported`]).
#[derive(Debug)]
pub struct Repo {
    pub owner: String,
    handles: Handles<'static>,
    not_imported: BTreeMap<String, u64>,
}

impl Repo {
    pub fn new(owner: impl Into<String>) -> Repo {
        Repo {
            owner: owner.into(),
            handles: Handles::default(),
            not_imported: BTreeMap::new(),
        }
    }

    /// The owner's account record, completed by its profile record when there is one.
    pub fn owner_account(&self, profile: Option<&RecordValue<'_>>) -> Record {
        let mut account =
            AccountRecord::bare(Platform::Bluesky, self.owner.clone(), None, Role::Subject);
        if let Some(profile) = profile {
            account.display_name = non_empty(profile.display_name.as_deref());
            account.description = non_empty(profile.description.as_deref());
            account.created_at = profile.created_at.as_deref().and_then(date::parse);
        }
        Record::Account(account)
    }

    /// Translates the record `<collection>/<rkey>` of the repository.
    pub fn record(
        &mut self,
        collection: &str,
        rkey: &str,
        value: &RecordValue<'_>,
        out: &mut Vec<Record>,
    ) -> Result<(), ConvertError> {
        let uri = || format!("at://{}/{collection}/{rkey}", self.owner);
        match collection {
            POST => {
                let post = post(
                    &uri(),
                    &self.owner,
                    value,
                    Counters::default(),
                    None,
                    &self.handles,
                )?;
                out.push(Record::Post(Box::new(post)));
            }
            REPOST => {
                let subject = match &value.subject {
                    Some(Subject::Ref(r)) => r.uri.as_deref(),
                    _ => None,
                }
                .ok_or(ConvertError::Missing("subject.uri"))?;
                let raw = value
                    .created_at
                    .as_deref()
                    .ok_or(ConvertError::Missing("createdAt"))?;
                let created_at = date::parse(raw).ok_or_else(|| ConvertError::BadDate {
                    field: "createdAt",
                    value: raw.to_string(),
                })?;
                let post = repost(uri(), &self.owner, created_at, subject, &self.handles);
                out.push(Record::Post(Box::new(post)));
            }
            FOLLOW => {
                let followed = match &value.subject {
                    Some(Subject::Did(did)) if !did.is_empty() => did,
                    _ => return Err(ConvertError::Missing("subject")),
                };
                out.push(Record::Follow(Follow {
                    platform: Platform::Bluesky,
                    follower_id: self.owner.clone(),
                    followed_id: followed.to_string(),
                    observed_at: None,
                }));
            }
            PROFILE => out.push(self.owner_account(Some(value))),
            other => *self.not_imported.entry(other.to_string()).or_default() += 1,
        }
        Ok(())
    }

    /// Adds the counts of records not imported of another part of the same repository.
    pub fn merge(&mut self, other: Repo) {
        for (collection, n) in other.not_imported {
            *self.not_imported.entry(collection).or_default() += n;
        }
    }

    /// "records not imported: 60 app.bsky.feed.like (likes given by the owner: the model has no
    /// likes), 1 app.bsky.graph.block", or `None` when every record was read.
    pub fn not_imported(&self) -> Option<String> {
        if self.not_imported.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .not_imported
            .iter()
            .map(|(collection, n)| {
                let why = match collection.as_str() {
                    LIKE => " (likes given by the owner: the model has no likes)",
                    "app.bsky.graph.block" => " (blocks)",
                    _ => "",
                };
                format!("{n} {collection}{why}")
            })
            .collect();
        Some(format!("records not imported: {}", list.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn record(json: &str) -> RecordValue<'_> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn at_uris() {
        let u = AtUri::parse("at://did:plc:abc/app.bsky.feed.post/3k2").unwrap();
        assert_eq!(
            (u.did(), u.collection, u.rkey),
            (Some("did:plc:abc"), Some(POST), Some("3k2"))
        );
        let u = AtUri::parse("at://mfa.example/app.bsky.feed.post/1").unwrap();
        assert_eq!(u.did(), None);
        assert_eq!(AtUri::parse("https://bsky.app"), None);
        assert_eq!(AtUri::parse("at://"), None);
        assert_eq!(
            did_of("at://did:web:gov.example"),
            Some("did:web:gov.example")
        );
    }

    #[test]
    fn facets_use_utf8_byte_offsets() {
        // "Встреча с " is 18 bytes (8 Cyrillic letters of 2 bytes and two spaces): the mention
        // "@eu-kz.bsky.social" starts at byte 18, not at character 10; 🇪🇺 is 8 bytes.
        let text = "Встреча с @eu-kz.bsky.social 🇪🇺 #Астана";
        assert_eq!(text.find('@'), Some(18));
        assert_eq!(text.find('#'), Some(18 + 18 + 1 + 8 + 1));
        let json = format!(
            r##"{{"text": "{text}", "facets": [
                {{"index": {{"byteStart": 18, "byteEnd": 36}}, "features": [{{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:eukz"}}]}},
                {{"index": {{"byteStart": 46, "byteEnd": {}}}, "features": [{{"$type": "app.bsky.richtext.facet#tag", "tag": "Астана"}}]}},
                {{"index": {{"byteStart": 1, "byteEnd": 3}}, "features": [{{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:x"}}]}},
                {{"index": {{"byteStart": 0, "byteEnd": 14}}, "features": [{{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:y"}}]}},
                {{"index": {{"byteStart": 0, "byteEnd": 999}}, "features": [{{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:z"}}]}}
            ]}}"##,
            text.len()
        );
        let r = record(&json);
        let (tags, mentions, urls) = entities(text, &r, &Handles::default());
        assert_eq!(tags, ["Астана"]);
        // A range that splits a character, covers no `@handle` or runs past the end gives
        // the DID.
        assert_eq!(
            mentions,
            ["eu-kz.bsky.social", "did:plc:x", "did:plc:y", "did:plc:z"]
        );
        assert!(urls.is_empty());
    }

    #[test]
    fn text_fallback_legacy_entities_and_extra_tags() {
        let handles = Handles::default();
        let text = "(@mfa.gov.kz) and @eu_kz and @un.org. see https://gov.kz/x #QazaqTili";
        let r = RecordValue {
            tags: Some(vec![
                Cow::Borrowed("#Diplomacy"),
                Cow::Borrowed("QazaqTili"),
            ]),
            ..Default::default()
        };
        let (tags, mentions, urls) = entities(text, &r, &handles);
        assert_eq!(tags, ["QazaqTili", "Diplomacy"]);
        assert_eq!(mentions, ["mfa.gov.kz", "un.org"]);
        assert_eq!(urls, ["https://gov.kz/x"]);
        // Facets without tag features: hashtags still come from the text.
        let text = "link #NoFacet @x.example";
        let r = record(
            r#"{"facets": [{"index": {"byteStart": 0, "byteEnd": 4}, "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}]}]}"#,
        );
        let (tags, mentions, urls) = entities(text, &r, &handles);
        assert_eq!(tags, ["NoFacet"]);
        assert!(mentions.is_empty());
        assert_eq!(urls, ["https://a.example"]);
        // Pre-facet entities.
        let text = "Test @old.staging.example and gov.kz";
        let r = record(
            r#"{"entities": [{"type": "mention", "index": {"start": 5, "end": 25}, "value": "did:plc:old"}, {"type": "link", "index": {"start": 30, "end": 36}, "value": "https://gov.kz"}]}"#,
        );
        let (_, mentions, urls) = entities(text, &r, &handles);
        assert_eq!(mentions, ["old.staging.example"]);
        assert_eq!(urls, ["https://gov.kz"]);
    }

    #[test]
    fn media_kinds() {
        assert!(is_post_link("https://bsky.app/profile/mfa.gov.kz/post/3kx"));
        assert!(!is_post_link("https://bsky.app/profile/mfa.gov.kz"));
        assert!(is_gif("https://media.tenor.com/abc/x.gif?hh=1"));
        let embed: Embed = serde_json::from_str(
            r#"{"$type": "app.bsky.embed.recordWithMedia", "record": {"record": {"uri": "at://did:plc:a/app.bsky.feed.post/1", "cid": "x"}}, "media": {"$type": "app.bsky.embed.images", "images": []}}"#,
        )
        .unwrap();
        assert_eq!(
            quoted_uri(Some(&embed)),
            Some("at://did:plc:a/app.bsky.feed.post/1")
        );
        assert_eq!(media_of(Some(&embed), &[]), [MediaKind::Photo]);
        let list: Embed = serde_json::from_str(
            r#"{"$type": "app.bsky.embed.record", "record": {"uri": "at://did:plc:a/app.bsky.graph.list/1"}}"#,
        )
        .unwrap();
        assert_eq!(quoted_uri(Some(&list)), None);
        assert_eq!(
            media_of(
                None,
                &[
                    "https://bsky.app/profile/a/post/1".into(),
                    "https://gov.kz".into()
                ]
            ),
            [MediaKind::Link]
        );
    }
}

//! Pure translation of Content Library rows ([`super::raw`]) into model records: per row the
//! post owner (a subject account) and the post.

use dipl_model::{
    AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef, Record, Role,
};

use super::raw::ContentLibraryRow;
use crate::cells::{count, numeric_id, parse_bool};
use crate::common::{contains_ignore_case, entities, media_kind, push_media, text};
use crate::date;
use crate::error::ConvertError;
use crate::links;

/// The prefix of every Content Library id. Content Library ids are their own namespace ("cannot
/// be used to search on Meta technologies"): they are neither Graph API ids nor CrowdTangle's,
/// and must never be mistaken for them.
pub const ID_PREFIX: &str = "mcl:";

fn mcl_id(column: &'static str, cell: Option<&str>) -> Result<String, ConvertError> {
    let cell = cell.ok_or(ConvertError::Missing(column))?;
    let id = numeric_id(cell).ok_or_else(|| ConvertError::BadId {
        column,
        value: cell.to_string(),
    })?;
    Ok(format!("{ID_PREFIX}{id}"))
}

/// Instagram's own hashtag list as a download writes it: `['a', 'b']`, `["a","b"]`, `a, b` or
/// `#a #b`.
pub fn hashtag_list(cell: &str) -> Vec<String> {
    let inner = cell.trim().trim_start_matches('[').trim_end_matches(']');
    let items: Vec<&str> = if inner.contains(',') {
        inner.split(',').collect()
    } else {
        inner.split_whitespace().collect()
    };
    items
        .into_iter()
        .map(|t| {
            t.trim()
                .trim_matches(['\'', '"'])
                .trim()
                .trim_start_matches('#')
        })
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The media kinds of a post: its `content_type`, else the types in its `multimedia`.
fn media_of(r: &ContentLibraryRow<'_>) -> Vec<MediaKind> {
    let mut media = Vec::new();
    if let Some(kind) = r.content_type.and_then(media_kind) {
        push_media(&mut media, kind);
    }
    if media.is_empty() {
        if let Some(m) = r.multimedia {
            if contains_ignore_case(m, "photo") || contains_ignore_case(m, "image") {
                push_media(&mut media, MediaKind::Photo);
            }
            if contains_ignore_case(m, "video") {
                push_media(&mut media, MediaKind::Video);
            }
        }
    }
    media
}

/// Translates one row of a Content Library post download of `platform`.
pub fn post(
    r: &ContentLibraryRow<'_>,
    platform: Platform,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let id = mcl_id("id", r.id)?;
    let owner = mcl_id("post_owner.id", r.owner_id)?;
    let raw_time = r
        .creation_time
        .ok_or(ConvertError::Missing("creation_time"))?;
    let created_at = date::parse(raw_time).map_err(|error| ConvertError::BadDate {
        column: "creation_time",
        value: raw_time.to_string(),
        error,
    })?;

    // `is_verified` is the verification of the surface posted on: the owner's only when the
    // owner posted on its own surface (always so on Instagram).
    let own_surface = r
        .surface_id
        .and_then(numeric_id)
        .is_none_or(|s| r.owner_id.and_then(numeric_id) == Some(s));
    out.reserve(2);
    out.push(Record::Account(AccountRecord {
        platform,
        id: owner.clone(),
        handle: text(r.owner_username).map(str::to_string),
        display_name: text(r.owner_name).map(str::to_string),
        role: Role::Subject,
        created_at: None,
        verified: r.is_verified.and_then(parse_bool).filter(|_| own_surface),
        location: None,
        lang: None,
        description: None,
    }));

    let body = r.text.unwrap_or("");
    let shared_id = r.shared_post_id.and_then(numeric_id);
    let shared = shared_id.is_some()
        || r.content_type
            .is_some_and(|t| t.to_ascii_lowercase().contains("reshare"));
    let kind = PostKind::classify(shared && body.is_empty(), false, shared);
    let referenced = shared_id.map(|s| PostRef {
        post_id: format!("{ID_PREFIX}{s}"),
        account_id: None,
        handle: None,
    });

    let mut media = media_of(r);
    let (extracted_tags, mentions, mut urls) = entities(body);
    let hashtags = match r.hashtags {
        Some(list) => hashtag_list(list),
        None => extracted_tags,
    };
    if let Some(link) = r
        .link
        .filter(|l| !links::is_facebook(l) && !links::is_instagram(l))
    {
        push_media(&mut media, MediaKind::Link);
        if !urls.iter().any(|u| u == link) {
            urls.push(link.to_string());
        }
    }

    let mut reactions = Vec::with_capacity(7);
    let mut by_type = None;
    if platform == Platform::Facebook {
        for (name, cell, column) in [
            ("like", r.like, "statistics.like_count"),
            ("love", r.love, "statistics.love_count"),
            ("care", r.care, "statistics.care_count"),
            ("haha", r.haha, "statistics.haha_count"),
            ("wow", r.wow, "statistics.wow_count"),
            ("sad", r.sad, "statistics.sad_count"),
            ("angry", r.angry, "statistics.angry_count"),
        ] {
            if let Some(n) = count(cell, column, warnings) {
                by_type = Some(by_type.unwrap_or(0) + n);
                if n > 0 {
                    reactions.push((name.to_string(), n));
                }
            }
        }
    }
    let total = count(r.reactions, "statistics.reaction_count", warnings);
    let likes = match platform {
        Platform::Facebook => by_type.or(total),
        _ => count(r.like, "statistics.like_count", warnings),
    };
    let reposts = count(r.shares, "statistics.share_count", warnings);
    let replies = count(r.comments, "statistics.comment_count", warnings);
    let views = count(r.views, "statistics.views", warnings);
    let counters = if kind == PostKind::Repost {
        // The engagement of a reshare without text belongs to the reshared post (codebook §1).
        reactions.clear();
        Counters::default()
    } else {
        Counters {
            likes,
            reposts,
            replies,
            quotes: None,
            views,
            bookmarks: None,
        }
    };

    out.push(Record::Post(Box::new(Post {
        platform,
        id,
        author_id: owner,
        created_at,
        kind,
        parent: None,
        referenced,
        conversation_id: None,
        text: body.to_string(),
        lang: text(r.lang).map(str::to_string),
        media,
        urls,
        hashtags,
        mentions,
        edited: false,
        deleted: false,
        counters,
        reactions,
        observed_at: None,
    })));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtag_lists_in_every_spelling() {
        assert_eq!(hashtag_list("['Nauryz', 'Astana']"), ["Nauryz", "Astana"]);
        assert_eq!(
            hashtag_list("[\"Nauryz\",\"Astana\"]"),
            ["Nauryz", "Astana"]
        );
        assert_eq!(hashtag_list("Nauryz, Astana"), ["Nauryz", "Astana"]);
        assert_eq!(hashtag_list("#Nauryz #Astana"), ["Nauryz", "Astana"]);
        assert!(hashtag_list("[]").is_empty());
        assert!(hashtag_list("").is_empty());
    }

    fn row() -> ContentLibraryRow<'static> {
        ContentLibraryRow {
            id: Some("918273645546372"),
            creation_time: Some("2024-03-21T09:30:00+0000"),
            text: Some("Nauryz greetings from the Delegation! #Nauryz"),
            lang: Some("en"),
            like: Some("210"),
            love: Some("35"),
            care: Some("1"),
            haha: Some("0"),
            wow: Some("2"),
            sad: None,
            angry: Some("0"),
            reactions: Some("248"),
            comments: Some("12"),
            shares: Some("19"),
            views: None,
            owner_id: Some("5550001112223"),
            owner_name: Some("EU Delegation to Kazakhstan"),
            owner_username: Some("EUinKazakhstan"),
            content_type: Some("photo"),
            ..ContentLibraryRow::default()
        }
    }

    #[test]
    fn facebook_reactions_by_type_win_over_the_total() {
        let (mut out, mut warnings) = (Vec::new(), Vec::new());
        post(&row(), Platform::Facebook, &mut out, &mut warnings).expect("converts");
        let Some(Record::Post(p)) = out.last() else {
            panic!("no post")
        };
        assert_eq!(p.id, "mcl:918273645546372");
        assert_eq!(p.author_id, "mcl:5550001112223");
        assert_eq!(p.counters.likes, Some(248));
        assert_eq!(
            p.reactions.len(),
            4,
            "sad is empty, haha and angry 0: not listed"
        );
        assert_eq!(p.counters.views, None, "fewer than 100 views: no value");
        assert_eq!(p.media, [MediaKind::Photo]);
        let r = ContentLibraryRow {
            like: None,
            love: None,
            care: None,
            haha: None,
            wow: None,
            angry: None,
            ..row()
        };
        let mut out = Vec::new();
        post(&r, Platform::Facebook, &mut out, &mut warnings).expect("converts");
        let Some(Record::Post(p)) = out.last() else {
            panic!("no post")
        };
        assert_eq!(
            p.counters.likes,
            Some(248),
            "the total when types are missing"
        );
        assert!(p.reactions.is_empty());
        assert!(warnings.is_empty());
    }

    #[test]
    fn reshares_reference_the_shared_post() {
        let r = ContentLibraryRow {
            text: None,
            shared_post_id: Some("777"),
            ..row()
        };
        let mut out = Vec::new();
        post(&r, Platform::Facebook, &mut out, &mut Vec::new()).expect("converts");
        let Some(Record::Post(p)) = out.last() else {
            panic!("no post")
        };
        assert_eq!(p.kind, PostKind::Repost);
        assert_eq!(
            p.referenced.as_ref().map(|r| r.post_id.as_str()),
            Some("mcl:777")
        );
        assert!(p.counters.is_empty());
    }
}

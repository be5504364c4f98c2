//! Pure translation of CrowdTangle rows ([`super::raw`]) into model records.
//!
//! Each row gives, in order: the page (or group, or Instagram account) as a subject account,
//! its audience size at the time of the post as an observation, and the post.

use dipl_model::{
    AccountObservation, AccountRecord, Counters, MediaKind, Platform, Post, PostKind, PostRef,
    Record, Role, Timestamp,
};

use super::raw::{FacebookRow, InstagramRow};
use crate::cells::{count, numeric_id};
use crate::common::{contains_ignore_case, entities, media_kind, push_media, text};
use crate::date;
use crate::error::ConvertError;
use crate::links;

fn created_at(cell: Option<&str>) -> Result<Timestamp, ConvertError> {
    let raw = cell.ok_or(ConvertError::Missing("Post Created"))?;
    date::parse(raw).map_err(|error| ConvertError::BadDate {
        column: "Post Created",
        value: raw.to_string(),
        error,
    })
}

/// An optional timestamp cell; unreadable ones are a warning and read as unknown.
fn optional_date(
    cell: Option<&str>,
    column: &str,
    warnings: &mut Vec<String>,
) -> Option<Timestamp> {
    let raw = text(cell)?;
    match date::parse(raw) {
        Ok(t) => Some(t),
        Err(e) => {
            warnings.push(format!("`{column}` `{raw}`: {e}: read as unknown"));
            None
        }
    }
}

/// Views are CrowdTangle's views of videos hosted on the platform: on a post without one (a
/// status, a photo, a YouTube link) the 0 it writes is not an observation of how many saw the
/// post, so it reads as not available.
fn video_views(views: Option<u64>, post_type: Option<&str>) -> Option<u64> {
    let hosted_video = post_type.is_some_and(|t| {
        media_kind(t) == Some(MediaKind::Video)
            && !contains_ignore_case(t, "youtube")
            && !contains_ignore_case(t, "vine")
    });
    views.filter(|&n| n > 0 || hosted_video)
}

/// The observation of the page's audience when it posted: `Followers at Posting`, or `Likes at
/// Posting` (page likes) where followers are not given (design.md: CrowdTangle "Likes at
/// Posting" is followers at posting time).
fn audience_at_posting(
    account_id: &str,
    platform: Platform,
    at: Timestamp,
    followers: Option<u64>,
    page_likes: Option<u64>,
    out: &mut Vec<Record>,
) {
    if let Some(followers) = followers.or(page_likes) {
        out.push(Record::AccountObservation(AccountObservation {
            platform,
            account_id: account_id.to_string(),
            observed_at: Some(at),
            followers: Some(followers),
            following: None,
            posts_count: None,
            listed_count: None,
        }));
    }
}

/// The post this one shares, when the data says it is a share: `Video Share Status` `share`
/// (a video of another page), or a `Link` to a post of another page or profile. Returns
/// whether it is a share, and the shared post when its link can be read.
fn shared_post(
    r: &FacebookRow<'_>,
    page_id: &str,
    handle: Option<&str>,
) -> (bool, Option<PostRef>) {
    let is_own =
        |owner: &str| owner == page_id || handle.is_some_and(|h| h.eq_ignore_ascii_case(owner));
    let link = r
        .link
        .and_then(links::facebook_link)
        .filter(|l| l.id.is_some());
    let video_shared = r
        .video_share_status
        .is_some_and(|s| s.eq_ignore_ascii_case("share"));
    let other_page = link.and_then(|l| l.owner).is_some_and(|o| !is_own(o));
    if !(video_shared || other_page) {
        return (false, None);
    }
    let reference = link.and_then(|l| {
        let id = l.id?;
        let numeric_owner = l
            .owner
            .filter(|o| o.bytes().all(|b| b.is_ascii_digit()) && !o.is_empty());
        Some(PostRef {
            post_id: match numeric_owner {
                Some(owner) => format!("{owner}_{id}"),
                None => id.to_string(),
            },
            account_id: numeric_owner.map(str::to_string),
            handle: l
                .owner
                .filter(|o| numeric_owner.is_none() && !is_own(o))
                .map(str::to_string),
        })
    });
    (true, reference)
}

/// Translates one row of a CrowdTangle Facebook export.
pub fn facebook(
    r: &FacebookRow<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    out.reserve(3);
    let id_cell = r.facebook_id.ok_or(ConvertError::Missing("Facebook Id"))?;
    let page_id = numeric_id(id_cell).ok_or_else(|| ConvertError::BadId {
        column: "Facebook Id",
        value: id_cell.to_string(),
    })?;
    let url = r.url.ok_or(ConvertError::Missing("URL"))?;
    let post_id =
        links::facebook_post_id(url, Some(page_id)).ok_or_else(|| ConvertError::NoPostId {
            column: "URL",
            value: url.to_string(),
        })?;
    let created_at = created_at(r.created)?;
    let handle = text(r.user_name);

    out.push(Record::Account(AccountRecord {
        platform: Platform::Facebook,
        id: page_id.to_string(),
        handle: handle.map(str::to_string),
        display_name: text(r.page_name).map(str::to_string),
        role: Role::Subject,
        created_at: optional_date(r.page_created, "Page Created", warnings),
        verified: None,
        location: text(r.admin_country).map(str::to_string),
        lang: None,
        description: text(r.page_description).map(str::to_string),
    }));
    let followers = count(r.followers_at_posting, "Followers at Posting", warnings);
    let page_likes = count(r.likes_at_posting, "Likes at Posting", warnings);
    audience_at_posting(
        page_id,
        Platform::Facebook,
        created_at,
        followers,
        page_likes,
        out,
    );

    let message = r.message.unwrap_or("");
    let (shared, referenced) = shared_post(r, page_id, handle);
    let kind = PostKind::classify(shared && message.is_empty(), false, shared);

    let mut media = Vec::with_capacity(2);
    if let Some(kind) = r.post_type.and_then(media_kind) {
        push_media(&mut media, kind);
    }
    let (hashtags, mentions, mut urls) = entities(message);
    // The shared link, expanded when CrowdTangle followed it; links to Facebook itself (the
    // post's own photo or video, a shared post) are not shared URLs.
    let attachment = r
        .final_link
        .or(r.link)
        .filter(|l| !links::is_facebook(l) && !links::is_instagram(l));
    if let Some(link) = attachment {
        push_media(&mut media, MediaKind::Link);
        if !urls.iter().any(|u| u == link) {
            urls.push(link.to_string());
        }
    }

    let mut reactions = Vec::with_capacity(7);
    let mut likes = None;
    for (name, cell, column) in [
        ("like", r.likes, "Likes"),
        ("love", r.love, "Love"),
        ("care", r.care, "Care"),
        ("haha", r.haha, "Haha"),
        ("wow", r.wow, "Wow"),
        ("sad", r.sad, "Sad"),
        ("angry", r.angry, "Angry"),
    ] {
        if let Some(n) = count(cell, column, warnings) {
            likes = Some(likes.unwrap_or(0) + n);
            if n > 0 {
                reactions.push((name.to_string(), n));
            }
        }
    }
    let shares = count(r.shares, "Shares", warnings);
    let comments = count(r.comments, "Comments", warnings);
    let views = count(r.post_views, "Post Views", warnings);
    let counters = if kind == PostKind::Repost {
        // The engagement of a share without text belongs to the shared post (codebook §1).
        reactions.clear();
        Counters::default()
    } else {
        Counters {
            likes,
            reposts: shares,
            replies: comments,
            quotes: None,
            views: video_views(views, r.post_type),
            bookmarks: None,
        }
    };

    out.push(Record::Post(Box::new(Post {
        platform: Platform::Facebook,
        id: post_id,
        author_id: page_id.to_string(),
        created_at,
        kind,
        parent: None,
        referenced,
        conversation_id: None,
        text: message.to_string(),
        lang: None,
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

/// Translates one row of a CrowdTangle Instagram export.
pub fn instagram(
    r: &InstagramRow<'_>,
    out: &mut Vec<Record>,
    warnings: &mut Vec<String>,
) -> Result<(), ConvertError> {
    let handle = text(r.user_name)
        .map(|h| h.trim_start_matches('@'))
        .filter(|h| !h.is_empty())
        .ok_or(ConvertError::Missing("User Name"))?;
    let url = r.url.ok_or(ConvertError::Missing("URL"))?;
    let post_id = links::instagram_shortcode(url)
        .or_else(|| r.link.and_then(links::instagram_shortcode))
        .ok_or_else(|| ConvertError::NoPostId {
            column: "URL",
            value: url.to_string(),
        })?;
    let created_at = created_at(r.created)?;

    out.push(Record::Account(AccountRecord {
        platform: Platform::Instagram,
        id: handle.to_string(),
        handle: Some(handle.to_string()),
        display_name: text(r.account).map(str::to_string),
        role: Role::Subject,
        created_at: None,
        verified: None,
        location: None,
        lang: None,
        description: None,
    }));
    let followers = count(r.followers_at_posting, "Followers at Posting", warnings);
    audience_at_posting(
        handle,
        Platform::Instagram,
        created_at,
        followers,
        None,
        out,
    );

    let caption = r.description.or(r.title).unwrap_or("");
    let mut media = Vec::new();
    if let Some(kind) = r.post_type.and_then(media_kind) {
        push_media(&mut media, kind);
    }
    let (hashtags, mentions, urls) = entities(caption);
    let views = count(r.views, "Views", warnings);
    let counters = Counters {
        likes: count(r.likes, "Likes", warnings),
        reposts: None,
        replies: count(r.comments, "Comments", warnings),
        quotes: None,
        views: video_views(views, r.post_type),
        bookmarks: None,
    };
    out.push(Record::Post(Box::new(Post {
        platform: Platform::Instagram,
        id: post_id.to_string(),
        author_id: handle.to_string(),
        created_at,
        kind: PostKind::Original,
        parent: None,
        referenced: None,
        conversation_id: None,
        text: caption.to_string(),
        lang: None,
        media,
        urls,
        hashtags,
        mentions,
        edited: false,
        deleted: false,
        counters,
        reactions: Vec::new(),
        observed_at: None,
    })));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> FacebookRow<'static> {
        FacebookRow {
            page_name: Some("Embassy of Germany in Astana"),
            user_name: Some("GermanyInKZ"),
            facebook_id: Some("100064123456789"),
            followers_at_posting: Some("15234"),
            likes_at_posting: Some("14980"),
            created: Some("2021-03-01 10:15:00 EST"),
            post_type: Some("Photo"),
            likes: Some("120"),
            love: Some("14"),
            care: Some("2"),
            haha: Some("0"),
            wow: Some("3"),
            sad: Some("0"),
            angry: Some("1"),
            comments: Some("9"),
            shares: Some("11"),
            post_views: Some("0"),
            url: Some("https://www.facebook.com/GermanyInKZ/posts/3812345678901234"),
            message: Some("Frohe #Nauryz! @EUinKazakhstan https://germania.example.kz/nauryz"),
            link: Some("https://www.facebook.com/GermanyInKZ/photos/a.1/3812345678900000/"),
            ..FacebookRow::default()
        }
    }

    fn post(out: &[Record]) -> &Post {
        match out.last() {
            Some(Record::Post(p)) => p,
            other => panic!("no post: {other:?}"),
        }
    }

    #[test]
    fn a_photo_post_with_every_counter() {
        let (mut out, mut warnings) = (Vec::new(), Vec::new());
        facebook(&row(), &mut out, &mut warnings).expect("converts");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(out.len(), 3);
        match &out[1] {
            Record::AccountObservation(o) => {
                assert_eq!(o.followers, Some(15234), "followers win over page likes");
                assert_eq!(
                    o.observed_at.map(|t| t.to_rfc3339()).as_deref(),
                    Some("2021-03-01T15:15:00Z")
                );
            }
            other => panic!("{other:?}"),
        }
        let p = post(&out);
        assert_eq!(p.id, "100064123456789_3812345678901234");
        assert_eq!(p.kind, PostKind::Original);
        assert_eq!(p.counters.likes, Some(140));
        assert_eq!(p.counters.reposts, Some(11));
        assert_eq!(p.counters.replies, Some(9));
        assert_eq!(p.counters.views, None, "0 video views on a photo is n/a");
        assert_eq!(p.reactions.len(), 5, "types with 0 are not listed");
        assert_eq!(p.hashtags, ["Nauryz"]);
        assert_eq!(p.mentions, ["EUinKazakhstan"]);
        assert_eq!(p.urls, ["https://germania.example.kz/nauryz"]);
        assert_eq!(p.media, [MediaKind::Photo]);
    }

    #[test]
    fn page_likes_stand_in_for_followers_and_empty_counters_are_na() {
        let r = FacebookRow {
            followers_at_posting: None,
            likes: None,
            love: None,
            care: None,
            haha: None,
            wow: None,
            sad: None,
            angry: None,
            comments: None,
            shares: None,
            ..row()
        };
        let (mut out, mut warnings) = (Vec::new(), Vec::new());
        facebook(&r, &mut out, &mut warnings).expect("converts");
        match &out[1] {
            Record::AccountObservation(o) => assert_eq!(o.followers, Some(14980)),
            other => panic!("{other:?}"),
        }
        assert!(post(&out).counters.is_empty());
        assert!(post(&out).reactions.is_empty());
    }

    #[test]
    fn shares_of_other_pages_are_reposts_or_quotes() {
        let shared = FacebookRow {
            message: None,
            post_type: Some("Link"),
            link: Some("https://www.facebook.com/EUinKazakhstan/posts/555"),
            ..row()
        };
        let (mut out, mut warnings) = (Vec::new(), Vec::new());
        facebook(&shared, &mut out, &mut warnings).expect("converts");
        let p = post(&out);
        assert_eq!(p.kind, PostKind::Repost);
        assert!(p.counters.is_empty() && p.reactions.is_empty());
        let reference = p.referenced.as_ref().expect("referenced");
        assert_eq!(reference.post_id, "555");
        assert_eq!(reference.handle.as_deref(), Some("EUinKazakhstan"));
        assert!(p.urls.is_empty(), "a link to Facebook is not a shared URL");

        let quoted = FacebookRow {
            message: Some("Worth reading."),
            video_share_status: Some("share"),
            post_type: Some("Native Video"),
            link: Some("https://www.facebook.com/100077/videos/888/"),
            ..row()
        };
        let mut out = Vec::new();
        facebook(&quoted, &mut out, &mut warnings).expect("converts");
        let p = post(&out);
        assert_eq!(p.kind, PostKind::Quote);
        let reference = p.referenced.as_ref().expect("referenced");
        assert_eq!(
            (reference.post_id.as_str(), reference.account_id.as_deref()),
            ("100077_888", Some("100077"))
        );
        assert_eq!(p.counters.likes, Some(140));
    }

    #[test]
    fn rows_without_ids_or_dates_are_skipped_with_a_reason() {
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let err = |r: FacebookRow<'_>| {
            facebook(&r, &mut Vec::new(), &mut Vec::new())
                .expect_err("skipped")
                .to_string()
        };
        assert_eq!(
            err(FacebookRow {
                facebook_id: None,
                ..row()
            }),
            "no `Facebook Id`"
        );
        assert_eq!(
            err(FacebookRow {
                facebook_id: Some("1.00064E+14"),
                ..row()
            }),
            "`Facebook Id` `1.00064E+14` is not an id (a spreadsheet may have rounded it)"
        );
        assert_eq!(
            err(FacebookRow {
                url: Some("https://www.facebook.com/GermanyInKZ/"),
                ..row()
            }),
            "no post id in `URL` `https://www.facebook.com/GermanyInKZ/`"
        );
        assert_eq!(
            err(FacebookRow {
                created: Some("2021-03-01 10:15:00 XYZ"),
                ..row()
            }),
            "`Post Created` `2021-03-01 10:15:00 XYZ`: unknown time zone `XYZ`"
        );
        facebook(
            &FacebookRow {
                likes: Some("many"),
                ..row()
            },
            &mut out,
            &mut warnings,
        )
        .expect("a bad counter costs the counter only");
        assert_eq!(warnings, ["`Likes` `many` is not a count: read as n/a"]);
    }
}

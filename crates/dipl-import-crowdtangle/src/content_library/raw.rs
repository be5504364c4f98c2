//! Meta Content Library's field names (the API's, flattened with dots into CSV headers) and the
//! cells of one row.
//!
//! From the Content Library data dictionary (developers.facebook.com/docs/content-library-and-api,
//! "Facebook post" and "Instagram post"):
//!
//! - both: `id`, `creation_time`, `modified_time`, `text`, `lang`, `match_type`, `is_verified`,
//!   `content_type` (`media_type` before version 5.0), `is_branded_content`,
//!   `statistics.like_count`, `statistics.comment_count`, `statistics.views`,
//!   `view_date_last_refreshed`, `post_owner.{id,name,username,type}`, `multimedia.{type,id,url,
//!   duration,user_tags}`;
//! - Facebook only: `statistics.{love,wow,haha,sad,angry,care}_count`,
//!   `statistics.reaction_count`, `statistics.share_count`, `surface.{id,name,username,type}`,
//!   `link_attachment_fields.{link,name,caption,description}` (`link_attachment.*` in
//!   downloads), `shared_post_id`, `branded_content_page_id`, `activities.{type,name}`;
//!   version 5 nests the owner as `post_owner.data.{id,name,username,type}`;
//! - Instagram only: `hashtags` (the platform's own list).
//!
//! Downloads also carry `mcl_url` (the post in the Content Library UI). Older or third-party
//! flattenings name the totals `reactions_count`, `comments_count`, `shares_count`,
//! `view_count`; these are read as aliases.

use dipl_ingest::csv::{Headers, Row};

/// Every Content Library post field (normalised), read or deliberately not.
pub const KNOWN: &[&str] = &[
    "id",
    "creation_time",
    "modified_time",
    "text",
    "lang",
    "match_type",
    "is_verified",
    "content_type",
    "media_type",
    "is_branded_content",
    "branded_content_page_id",
    "mcl_url",
    "url",
    "statistics.like_count",
    "statistics.love_count",
    "statistics.wow_count",
    "statistics.haha_count",
    "statistics.sad_count",
    "statistics.angry_count",
    "statistics.care_count",
    "statistics.reaction_count",
    "statistics.reactions_count",
    "statistics.comment_count",
    "statistics.share_count",
    "statistics.views",
    "statistics.views_date_last_refreshed",
    "view_date_last_refreshed",
    "reactions_count",
    "comments_count",
    "shares_count",
    "view_count",
    "post_owner.id",
    "post_owner.name",
    "post_owner.username",
    "post_owner.type",
    "post_owner.data.id",
    "post_owner.data.name",
    "post_owner.data.username",
    "post_owner.data.type",
    "surface.id",
    "surface.name",
    "surface.username",
    "surface.type",
    "multimedia",
    "multimedia.type",
    "multimedia.id",
    "multimedia.url",
    "multimedia.duration",
    "multimedia.user_tags",
    "link_attachment.link",
    "link_attachment.url",
    "link_attachment.name",
    "link_attachment.caption",
    "link_attachment.description",
    "link_attachment_fields.link",
    "link_attachment_fields.name",
    "link_attachment_fields.caption",
    "link_attachment_fields.description",
    "shared_post_id",
    "activities",
    "activities.type",
    "activities.name",
    "hashtags",
];

/// Fields only Facebook posts have: their presence tells a Facebook download from an Instagram
/// one.
pub const FACEBOOK_ONLY: &[&str] = &[
    "statistics.reaction_count",
    "statistics.reactions_count",
    "statistics.share_count",
    "statistics.love_count",
    "statistics.care_count",
    "reactions_count",
    "shares_count",
    "surface.id",
    "surface.type",
    "link_attachment.link",
    "link_attachment_fields.link",
    "shared_post_id",
    "branded_content_page_id",
    "post_owner.data.id",
];

/// Where each field is.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    id: Option<usize>,
    creation_time: Option<usize>,
    text: Option<usize>,
    lang: Option<usize>,
    like: Option<usize>,
    love: Option<usize>,
    care: Option<usize>,
    haha: Option<usize>,
    wow: Option<usize>,
    sad: Option<usize>,
    angry: Option<usize>,
    reactions: Option<usize>,
    comments: Option<usize>,
    shares: Option<usize>,
    views: Option<usize>,
    owner_id: Option<usize>,
    owner_name: Option<usize>,
    owner_username: Option<usize>,
    surface_id: Option<usize>,
    is_verified: Option<usize>,
    content_type: Option<usize>,
    multimedia: Option<usize>,
    link: Option<usize>,
    shared_post_id: Option<usize>,
    hashtags: Option<usize>,
}

/// The cells of one row (trimmed; `None` when empty or absent).
#[derive(Debug, Clone, Copy, Default)]
pub struct ContentLibraryRow<'a> {
    pub id: Option<&'a str>,
    pub creation_time: Option<&'a str>,
    pub text: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub like: Option<&'a str>,
    pub love: Option<&'a str>,
    pub care: Option<&'a str>,
    pub haha: Option<&'a str>,
    pub wow: Option<&'a str>,
    pub sad: Option<&'a str>,
    pub angry: Option<&'a str>,
    pub reactions: Option<&'a str>,
    pub comments: Option<&'a str>,
    pub shares: Option<&'a str>,
    pub views: Option<&'a str>,
    pub owner_id: Option<&'a str>,
    pub owner_name: Option<&'a str>,
    pub owner_username: Option<&'a str>,
    pub surface_id: Option<&'a str>,
    pub is_verified: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub multimedia: Option<&'a str>,
    pub link: Option<&'a str>,
    pub shared_post_id: Option<&'a str>,
    /// `Some` (possibly empty) when the file has a `hashtags` column: the platform's own list.
    pub hashtags: Option<&'a str>,
}

impl Columns {
    pub fn new(h: &Headers) -> Result<Columns, String> {
        let c = Columns {
            id: h.find(&["id"]),
            creation_time: h.find(&["creation_time"]),
            text: h.find(&["text"]),
            lang: h.find(&["lang"]),
            like: h.find(&["statistics.like_count", "like_count", "reactions.like"]),
            love: h.find(&["statistics.love_count", "love_count", "reactions.love"]),
            care: h.find(&["statistics.care_count", "care_count", "reactions.care"]),
            haha: h.find(&["statistics.haha_count", "haha_count", "reactions.haha"]),
            wow: h.find(&["statistics.wow_count", "wow_count", "reactions.wow"]),
            sad: h.find(&["statistics.sad_count", "sad_count", "reactions.sad"]),
            angry: h.find(&["statistics.angry_count", "angry_count", "reactions.angry"]),
            reactions: h.find(&[
                "statistics.reaction_count",
                "statistics.reactions_count",
                "reactions_count",
            ]),
            comments: h.find(&["statistics.comment_count", "comments_count"]),
            shares: h.find(&["statistics.share_count", "shares_count"]),
            views: h.find(&["statistics.views", "view_count"]),
            owner_id: h.find(&["post_owner.id", "post_owner.data.id"]),
            owner_name: h.find(&["post_owner.name", "post_owner.data.name"]),
            owner_username: h.find(&["post_owner.username", "post_owner.data.username"]),
            surface_id: h.find(&["surface.id"]),
            is_verified: h.find(&["is_verified"]),
            content_type: h.find(&["content_type", "media_type"]),
            multimedia: h.find(&["multimedia.type", "multimedia"]),
            link: h.find(&[
                "link_attachment.link",
                "link_attachment_fields.link",
                "link_attachment.url",
            ]),
            shared_post_id: h.find(&["shared_post_id"]),
            hashtags: h.find(&["hashtags"]),
        };
        if c.id.is_none() || c.creation_time.is_none() || c.owner_id.is_none() {
            return Err(
                "not a Meta Content Library post export: it needs the fields `id`, `creation_time` and `post_owner.id`"
                    .into(),
            );
        }
        Ok(c)
    }

    pub fn row<'a>(&self, r: &Row<'a>) -> ContentLibraryRow<'a> {
        ContentLibraryRow {
            id: r.get(self.id),
            creation_time: r.get(self.creation_time),
            text: r.get(self.text),
            lang: r.get(self.lang),
            like: r.get(self.like),
            love: r.get(self.love),
            care: r.get(self.care),
            haha: r.get(self.haha),
            wow: r.get(self.wow),
            sad: r.get(self.sad),
            angry: r.get(self.angry),
            reactions: r.get(self.reactions),
            comments: r.get(self.comments),
            shares: r.get(self.shares),
            views: r.get(self.views),
            owner_id: r.get(self.owner_id),
            owner_name: r.get(self.owner_name),
            owner_username: r.get(self.owner_username),
            surface_id: r.get(self.surface_id),
            is_verified: r.get(self.is_verified),
            content_type: r.get(self.content_type),
            multimedia: r.get(self.multimedia),
            link: r.get(self.link),
            shared_post_id: r.get(self.shared_post_id),
            hashtags: self.hashtags.map(|c| r.get(Some(c)).unwrap_or("")),
        }
    }
}

//! CrowdTangle's column names, both column sets, and the cells of one row.
//!
//! **Facebook**, before April 2021 (`Created`, `Total Interactions` near the end):
//!
//! ```text
//! Page Name, User Name, Facebook Id, Likes at Posting, Followers at Posting, Created, Type,
//! Likes, Comments, Shares, Love, Wow, Haha, Sad, Angry, Care, Video Share Status, Post Views,
//! Total Views, Total Views For All Crossposts, Video Length, URL, Message, Link, Final Link,
//! Image Text, Link Text, Description, Sponsor Id, Sponsor Name, Total Interactions,
//! Overperforming Score (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )
//! ```
//!
//! (older files lack `Followers at Posting` and `Care`, or say `Page Likes at Posting`; group
//! lists say `Group Name` for `Page Name`), and from April 2021:
//!
//! ```text
//! Page Name, User Name, Facebook Id, Page Category, Page Admin Top Country, Page Description,
//! Page Created, Likes at Posting, Followers at Posting, Post Created, Post Created Date,
//! Post Created Time, Type, Total Interactions, Likes, Comments, Shares, Love, Wow, Haha, Sad,
//! Angry, Care, Video Share Status, Is Video Owner?, Post Views, Total Views,
//! Total Views For All Crossposts, Video Length, URL, Message, Link, Final Link, Image Text,
//! Link Text, Description, Sponsor Id, Sponsor Name, Sponsor Category,
//! Overperforming Score (weighted  —  …)
//! ```
//!
//! **Instagram**: `Account, User Name, Followers at Posting, Created` (later `Post Created,
//! Post Created Date, Post Created Time`)`, Type, Total Interactions, Likes, Comments, Views,
//! URL, Link, Photo, Title, Description, Image Text, Sponsor Id, Sponsor Name,
//! Overperforming Score (weighted  —  Likes 1x Comments 1x )`.
//!
//! The weights inside the `Overperforming Score (…)` header (with an em dash between two double
//! spaces) depend on the dashboard's settings, so that column is matched by its prefix. Headers
//! are matched case- and white-space-insensitively (`dipl_ingest::csv::Headers`).

use dipl_ingest::csv::{Headers, Row};

/// Column prefixes of both platforms: the score's weights vary, and one header set names the
/// weighted total `Total Interactions (weighted  —  …)`.
pub const PREFIXES: &[&str] = &["overperforming score", "total interactions (weighted"];

/// Every Facebook column CrowdTangle wrote (normalised), read or deliberately not.
pub const FACEBOOK_KNOWN: &[&str] = &[
    "page name",
    "group name",
    "user name",
    "facebook id",
    "page category",
    "page admin top country",
    "page description",
    "page created",
    "likes at posting",
    "page likes at posting",
    "followers at posting",
    "created",
    "post created",
    "post created date",
    "post created time",
    "type",
    "total interactions",
    "likes",
    "comments",
    "shares",
    "love",
    "wow",
    "haha",
    "sad",
    "angry",
    "care",
    "video share status",
    "is video owner?",
    "post views",
    "total views",
    "total views for all crossposts",
    "video length",
    "url",
    "message",
    "link",
    "final link",
    "image text",
    "link text",
    "description",
    "sponsor id",
    "sponsor name",
    "sponsor category",
];

/// Every Instagram column CrowdTangle wrote (normalised).
pub const INSTAGRAM_KNOWN: &[&str] = &[
    "account",
    "user name",
    "followers at posting",
    "created",
    "post created",
    "post created date",
    "post created time",
    "type",
    "total interactions",
    "likes",
    "comments",
    "views",
    "url",
    "link",
    "photo",
    "title",
    "description",
    "image text",
    "sponsor id",
    "sponsor name",
    "sponsor category",
];

/// Where each Facebook column is.
#[derive(Debug, Clone, Default)]
pub struct FacebookColumns {
    page_name: Option<usize>,
    user_name: Option<usize>,
    facebook_id: Option<usize>,
    admin_country: Option<usize>,
    page_description: Option<usize>,
    page_created: Option<usize>,
    likes_at_posting: Option<usize>,
    followers_at_posting: Option<usize>,
    created: Option<usize>,
    post_type: Option<usize>,
    likes: Option<usize>,
    comments: Option<usize>,
    shares: Option<usize>,
    love: Option<usize>,
    wow: Option<usize>,
    haha: Option<usize>,
    sad: Option<usize>,
    angry: Option<usize>,
    care: Option<usize>,
    video_share_status: Option<usize>,
    post_views: Option<usize>,
    url: Option<usize>,
    message: Option<usize>,
    link: Option<usize>,
    final_link: Option<usize>,
}

/// The cells of one Facebook row (trimmed; `None` when empty or absent).
#[derive(Debug, Clone, Copy, Default)]
pub struct FacebookRow<'a> {
    pub page_name: Option<&'a str>,
    pub user_name: Option<&'a str>,
    pub facebook_id: Option<&'a str>,
    pub admin_country: Option<&'a str>,
    pub page_description: Option<&'a str>,
    pub page_created: Option<&'a str>,
    pub likes_at_posting: Option<&'a str>,
    pub followers_at_posting: Option<&'a str>,
    pub created: Option<&'a str>,
    pub post_type: Option<&'a str>,
    pub likes: Option<&'a str>,
    pub comments: Option<&'a str>,
    pub shares: Option<&'a str>,
    pub love: Option<&'a str>,
    pub wow: Option<&'a str>,
    pub haha: Option<&'a str>,
    pub sad: Option<&'a str>,
    pub angry: Option<&'a str>,
    pub care: Option<&'a str>,
    pub video_share_status: Option<&'a str>,
    pub post_views: Option<&'a str>,
    pub url: Option<&'a str>,
    pub message: Option<&'a str>,
    pub link: Option<&'a str>,
    pub final_link: Option<&'a str>,
}

impl FacebookColumns {
    /// Finds the columns; refuses a header without the page id (or the post link) and the
    /// creation time.
    pub fn new(h: &Headers) -> Result<FacebookColumns, String> {
        let c = FacebookColumns {
            page_name: h.find(&["Page Name", "Group Name"]),
            user_name: h.find(&["User Name"]),
            facebook_id: h.find(&["Facebook Id"]),
            admin_country: h.find(&["Page Admin Top Country"]),
            page_description: h.find(&["Page Description"]),
            page_created: h.find(&["Page Created"]),
            likes_at_posting: h.find(&["Likes at Posting", "Page Likes at Posting"]),
            followers_at_posting: h.find(&["Followers at Posting"]),
            created: h.find(&["Post Created", "Created"]),
            post_type: h.find(&["Type"]),
            likes: h.find(&["Likes"]),
            comments: h.find(&["Comments"]),
            shares: h.find(&["Shares"]),
            love: h.find(&["Love"]),
            wow: h.find(&["Wow"]),
            haha: h.find(&["Haha"]),
            sad: h.find(&["Sad"]),
            angry: h.find(&["Angry"]),
            care: h.find(&["Care"]),
            video_share_status: h.find(&["Video Share Status"]),
            post_views: h.find(&["Post Views"]),
            url: h.find(&["URL"]),
            message: h.find(&["Message"]),
            link: h.find(&["Link"]),
            final_link: h.find(&["Final Link"]),
        };
        if c.facebook_id.is_none() || c.url.is_none() || c.created.is_none() {
            return Err(
                "not a CrowdTangle Facebook export: it needs the columns `Facebook Id`, `URL` and `Post Created` (or `Created`)"
                    .into(),
            );
        }
        Ok(c)
    }

    pub fn row<'a>(&self, r: &Row<'a>) -> FacebookRow<'a> {
        FacebookRow {
            page_name: r.get(self.page_name),
            user_name: r.get(self.user_name),
            facebook_id: r.get(self.facebook_id),
            admin_country: r.get(self.admin_country),
            page_description: r.get(self.page_description),
            page_created: r.get(self.page_created),
            likes_at_posting: r.get(self.likes_at_posting),
            followers_at_posting: r.get(self.followers_at_posting),
            created: r.get(self.created),
            post_type: r.get(self.post_type),
            likes: r.get(self.likes),
            comments: r.get(self.comments),
            shares: r.get(self.shares),
            love: r.get(self.love),
            wow: r.get(self.wow),
            haha: r.get(self.haha),
            sad: r.get(self.sad),
            angry: r.get(self.angry),
            care: r.get(self.care),
            video_share_status: r.get(self.video_share_status),
            post_views: r.get(self.post_views),
            url: r.get(self.url),
            message: r.get(self.message),
            link: r.get(self.link),
            final_link: r.get(self.final_link),
        }
    }
}

/// Where each Instagram column is.
#[derive(Debug, Clone, Default)]
pub struct InstagramColumns {
    account: Option<usize>,
    user_name: Option<usize>,
    followers_at_posting: Option<usize>,
    created: Option<usize>,
    post_type: Option<usize>,
    likes: Option<usize>,
    comments: Option<usize>,
    views: Option<usize>,
    url: Option<usize>,
    link: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
}

/// The cells of one Instagram row.
#[derive(Debug, Clone, Copy, Default)]
pub struct InstagramRow<'a> {
    pub account: Option<&'a str>,
    pub user_name: Option<&'a str>,
    pub followers_at_posting: Option<&'a str>,
    pub created: Option<&'a str>,
    pub post_type: Option<&'a str>,
    pub likes: Option<&'a str>,
    pub comments: Option<&'a str>,
    pub views: Option<&'a str>,
    pub url: Option<&'a str>,
    pub link: Option<&'a str>,
    pub title: Option<&'a str>,
    pub description: Option<&'a str>,
}

impl InstagramColumns {
    pub fn new(h: &Headers) -> Result<InstagramColumns, String> {
        let c = InstagramColumns {
            account: h.find(&["Account"]),
            user_name: h.find(&["User Name"]),
            followers_at_posting: h.find(&["Followers at Posting"]),
            created: h.find(&["Post Created", "Created"]),
            post_type: h.find(&["Type"]),
            likes: h.find(&["Likes"]),
            comments: h.find(&["Comments"]),
            views: h.find(&["Views"]),
            url: h.find(&["URL"]),
            link: h.find(&["Link"]),
            title: h.find(&["Title"]),
            description: h.find(&["Description"]),
        };
        if c.user_name.is_none() || c.url.is_none() || c.created.is_none() {
            return Err(
                "not a CrowdTangle Instagram export: it needs the columns `User Name`, `URL` and `Post Created` (or `Created`)"
                    .into(),
            );
        }
        Ok(c)
    }

    pub fn row<'a>(&self, r: &Row<'a>) -> InstagramRow<'a> {
        InstagramRow {
            account: r.get(self.account),
            user_name: r.get(self.user_name),
            followers_at_posting: r.get(self.followers_at_posting),
            created: r.get(self.created),
            post_type: r.get(self.post_type),
            likes: r.get(self.likes),
            comments: r.get(self.comments),
            views: r.get(self.views),
            url: r.get(self.url),
            link: r.get(self.link),
            title: r.get(self.title),
            description: r.get(self.description),
        }
    }
}

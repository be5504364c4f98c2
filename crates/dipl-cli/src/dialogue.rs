//! `diplometrics dialogue`: the dialogue table (codebook §5–§6), the languages in long form,
//! and the unanswered audience questions for review.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use dipl_dialogue::{dialogue, dialogue_table, language_table, unanswered_questions};
use dipl_metrics::{By, Table, Value};
use dipl_model::{AccountInfo, Dataset, Platform};
use dipl_store::PostDetail;

use crate::commands::{
    emit, existing_workspace, input_error, load_scope, parse_platforms, parse_window,
};
use crate::DialogueArgs;

pub fn run(data: &Path, args: &DialogueArgs) -> Result<()> {
    let by: By = args
        .by
        .parse()
        .map_err(|e: dipl_metrics::ParamsError| input_error(e.to_string()))?;
    let window = parse_window(&args.scope)?;
    let platforms = parse_platforms(&args.scope.platform)?;
    let workspace = existing_workspace(data)?;
    let (dataset, params) = load_scope(&workspace, window, platforms, false, false, true, true)?;
    if args.unanswered {
        let questions = unanswered_questions(&dataset, &params);
        let rowids: Vec<i64> = questions.iter().map(|q| q.comment_rowid).collect();
        let details = workspace.store().post_details(&rowids)?;
        let table = unanswered_table(&dataset, &questions, &details, args.show_text);
        return emit(&table, &args.output);
    }
    if let Some(every) = &args.every {
        let every = dipl_model::Every::parse(every).ok_or_else(|| {
            input_error(format!(
                "--every `{every}`: expected month, quarter or year"
            ))
        })?;
        let table = dipl_dialogue::dialogue_over_time(&dataset, &params, by, every);
        return emit(&table, &args.output);
    }
    let units = dialogue(&dataset, &params, by);
    let table = if args.languages {
        language_table(&units, by, &dataset)
    } else {
        dialogue_table(&units, by, &dataset)
    };
    emit(&table, &args.output)
}

/// A public address of a comment on a Telegram channel post: `t.me/<channel>/<post>?comment=<id>`
/// when the comment answers the channel post directly (Telethon names it; a Telegram Desktop
/// export names only the discussion group's copy, which has no public address).
fn telegram_comment_link(detail: &PostDetail, channel: &AccountInfo) -> Option<String> {
    let handle = channel.handle.as_deref()?;
    let (chat, post) = detail.parent_post_platform_id.as_deref()?.split_once('/')?;
    let (_, comment) = detail.platform_id.split_once('/')?;
    (chat == channel.platform_id && post.parse::<u64>().is_ok())
        .then(|| format!("https://t.me/{handle}/{post}?comment={comment}"))
}

/// A public address of a post where the platform has one that the id alone gives.
pub fn permalink(detail: &PostDetail) -> Option<String> {
    let id = detail.platform_id.as_str();
    match detail.platform {
        Platform::Twitter => Some(format!("https://x.com/i/web/status/{id}")),
        Platform::Vkontakte => {
            // `<owner>_<post>` posts and `<owner>_<post>_c<comment>` comments.
            let (post, comment) = match id.split_once("_c") {
                Some((post, comment)) => (post, Some(comment)),
                None => (id, None),
            };
            Some(match comment {
                Some(c) => format!("https://vk.com/wall{post}?reply={c}"),
                None => format!("https://vk.com/wall{post}"),
            })
        }
        Platform::Bluesky => {
            let rest = id.strip_prefix("at://")?;
            let (did, rkey) = rest.split_once("/app.bsky.feed.post/")?;
            Some(format!("https://bsky.app/profile/{did}/post/{rkey}"))
        }
        Platform::Mastodon => id.starts_with("https://").then(|| id.to_string()),
        Platform::Facebook => Some(format!("https://www.facebook.com/{id}")),
        Platform::Youtube => {
            let video = detail.conversation_id.as_deref()?;
            Some(format!("https://www.youtube.com/watch?v={video}&lc={id}"))
        }
        _ => None,
    }
}

fn unanswered_table(
    dataset: &Dataset,
    questions: &[dipl_dialogue::UnansweredQuestion],
    details: &[PostDetail],
    show_text: bool,
) -> Table {
    let mut columns = vec![
        "platform",
        "account_id",
        "handle",
        "actor",
        "commenter",
        "created_at",
        "language",
        "comment_id",
        "link",
    ];
    if show_text {
        columns.push("text");
    }
    let mut table = Table::with_columns(columns);
    let by_rowid: HashMap<i64, &PostDetail> = details.iter().map(|d| (d.rowid, d)).collect();
    for q in questions {
        let Some(info) = dataset.accounts.get(q.account as usize) else {
            continue;
        };
        let actor = info.actor.and_then(|a| dataset.actors.get(a as usize));
        let commenter = dataset
            .accounts
            .get(q.commenter as usize)
            .and_then(|c| c.handle.as_deref().or(Some(c.platform_id.as_str())));
        let detail = by_rowid.get(&q.comment_rowid).copied();
        let mut row: Vec<Value> = vec![
            info.platform.id().into(),
            info.platform_id.as_str().into(),
            info.handle.as_deref().into(),
            actor.map(|a| a.id.as_str()).into(),
            commenter.into(),
            Some(q.created_at).into(),
            q.lang.as_deref().into(),
            detail.map(|d| d.platform_id.as_str()).into(),
            detail
                .and_then(|d| permalink(d).or_else(|| telegram_comment_link(d, info)))
                .as_deref()
                .into(),
        ];
        if show_text {
            row.push(detail.map(|d| d.text.as_str()).into());
        }
        table.rows.push(row);
    }
    table
}

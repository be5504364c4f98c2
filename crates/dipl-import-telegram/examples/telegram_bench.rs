//! Import throughput of the Telegram importers: writes a synthetic file of `n` messages in the
//! given format, imports it into a counting sink (records are counted, not stored) and prints
//! one line.
//!
//! ```text
//! cargo run --release -p dipl-import-telegram --example telegram_bench -- telegram.desktop 1000000 [dir]
//! cargo run --release -p dipl-import-telegram --example telegram_bench -- telegram.telethon 1000000 [dir]
//! ```
//!
//! `telegram.desktop` writes a discussion-group export (Telegram Desktop's layout: pretty-printed,
//! text arrays with entities and `text_entities`, reactions, photos and videos, automatic copies
//! of channel posts, comments answering them and each other, the channel's replies, a service
//! message every 50); `telegram.telethon` writes `Message.to_dict()` lines with every key, as
//! `to_json()` does, channel posts with views, forwards, replies and reactions, and comments.
//! The generator is deterministic; the file goes to `dir` (default: the system temp dir) and is
//! removed afterwards.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::Path;

use dipl_import_telegram::{Desktop, Telethon};
use dipl_ingest::testing::{bench_import, BenchArgs};
use dipl_ingest::ImportOptions;

const WORDS: [&str; 16] = [
    "переговоры",
    "министр",
    "визит",
    "сотрудничество",
    "заявление",
    "консульский",
    "партнёрство",
    "безопасность",
    "торговля",
    "климат",
    "поддержка",
    "встреча",
    "граждане",
    "Astana",
    "cooperation",
    "statement",
];

fn word(id: u64, k: u64) -> &'static str {
    WORDS[((id.wrapping_mul(2_654_435_761) >> (k * 4)) % 16) as usize]
}

/// `2025-01-01T00:00:00Z` + i minutes.
fn unix(i: u64) -> u64 {
    1_735_689_600 + i * 60
}

fn local_date(t: u64) -> String {
    // The exporting computer in UTC+5 (Astana).
    let t = t + 5 * 3600;
    let days = t / 86_400;
    let secs = t % 86_400;
    // Civil from days (Howard Hinnant).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn desktop_text(out: &mut String, id: u64) {
    let (a, b, c) = (word(id, 1), word(id, 2), word(id, 3));
    let tag = word(id, 4);
    let parts = [
        format!("\"Сегодня {a} и {b}: {c} — итоги дня. \""),
        format!("{{\n     \"type\": \"hashtag\",\n     \"text\": \"#{tag}{}\"\n    }}", id % 40),
        "\" \"".to_string(),
        format!("{{\n     \"type\": \"link\",\n     \"text\": \"https://www.gov.kz/memleket/entities/mfa/press/news/details/{id}\"\n    }}"),
    ];
    out.push_str("   \"text\": [\n    ");
    out.push_str(&parts.join(",\n    "));
    out.push_str("\n   ],\n   \"text_entities\": [\n");
    let entities = [
        format!("    {{\n     \"type\": \"plain\",\n     \"text\": \"Сегодня {a} и {b}: {c} — итоги дня. \"\n    }}"),
        format!("    {{\n     \"type\": \"hashtag\",\n     \"text\": \"#{tag}{}\"\n    }}", id % 40),
        "    {\n     \"type\": \"plain\",\n     \"text\": \" \"\n    }".to_string(),
        format!("    {{\n     \"type\": \"link\",\n     \"text\": \"https://www.gov.kz/memleket/entities/mfa/press/news/details/{id}\"\n    }}"),
    ];
    out.push_str(&entities.join(",\n"));
    out.push_str("\n   ]");
}

fn desktop_message(out: &mut String, i: u64) {
    let id = i + 1;
    let t = unix(i);
    write!(
        out,
        "  {{\n   \"id\": {id},\n   \"type\": \"{}\",\n   \"date\": \"{}\",\n   \"date_unixtime\": \"{t}\",\n",
        if id % 50 == 0 { "service" } else { "message" },
        local_date(t)
    )
    .expect("write to a string");
    if id % 50 == 0 {
        out.push_str("   \"actor\": \"Айгерим Сапарова\",\n   \"actor_id\": \"user5012345671\",\n   \"action\": \"join_group_by_link\",\n   \"inviter\": null,\n   \"text\": \"\",\n   \"text_entities\": []\n  }");
        return;
    }
    let copy = id % 10 == 1;
    if copy {
        // The automatic copy of a channel post.
        out.push_str("   \"from\": \"МИД Казахстана / MFA Kazakhstan\",\n   \"from_id\": \"channel1357924680\",\n   \"forwarded_from\": \"МИД Казахстана / MFA Kazakhstan\",\n   \"forwarded_from_id\": \"channel1357924680\",\n   \"saved_from\": \"МИД Казахстана / MFA Kazakhstan\",\n");
    } else if id % 10 == 7 {
        // The channel answering a comment.
        write!(
            out,
            "   \"from\": \"МИД Казахстана / MFA Kazakhstan\",\n   \"from_id\": \"channel1357924680\",\n   \"reply_to_message_id\": {},\n",
            id - 2
        )
        .expect("write to a string");
    } else {
        let user = 5_000_000_000 + (id * 7919) % 20_000;
        let parent = if id % 3 == 0 {
            id - 1
        } else {
            id - id % 10 + 1
        };
        write!(
            out,
            "   \"from\": \"Пользователь {user}\",\n   \"from_id\": \"user{user}\",\n   \"reply_to_message_id\": {parent},\n"
        )
        .expect("write to a string");
    }
    if id % 4 == 0 {
        write!(out, "   \"photo\": \"photos/photo_{id}@01-01-2025_05-00-00.jpg\",\n   \"photo_file_size\": {},\n   \"width\": 1280,\n   \"height\": 853,\n", 100_000 + id % 90_000).expect("write");
    } else if id % 9 == 0 {
        out.push_str("   \"file\": \"(File not included. Change data exporting settings to download.)\",\n   \"file_name\": \"video.mp4\",\n   \"file_size\": 4821103,\n   \"media_type\": \"video_file\",\n   \"mime_type\": \"video/mp4\",\n   \"duration_seconds\": 95,\n   \"width\": 1280,\n   \"height\": 720,\n");
    }
    desktop_text(out, id);
    if id % 3 != 0 {
        write!(
            out,
            ",\n   \"reactions\": [\n    {{\n     \"type\": \"emoji\",\n     \"count\": {},\n     \"emoji\": \"👍\"\n    }},\n    {{\n     \"type\": \"emoji\",\n     \"count\": {},\n     \"emoji\": \"❤\"\n    }}\n   ]",
            1 + id % 40,
            id % 7
        )
        .expect("write to a string");
    }
    out.push_str("\n  }");
}

fn write_desktop(path: &Path, n: u64) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    file.write_all(b"{\n \"name\": \"\xd0\x9c\xd0\x98\xd0\x94 \xd0\x9a\xd0\xb0\xd0\xb7\xd0\xb0\xd1\x85\xd1\x81\xd1\x82\xd0\xb0\xd0\xbd\xd0\xb0 \xe2\x80\x94 discussion\",\n \"type\": \"public_supergroup\",\n \"id\": 1468035791,\n \"messages\": [\n")?;
    let mut chunk = String::with_capacity(1 << 20);
    for i in 0..n {
        if i > 0 {
            chunk.push_str(",\n");
        }
        desktop_message(&mut chunk, i);
        if chunk.len() > 1 << 20 {
            file.write_all(chunk.as_bytes())?;
            chunk.clear();
        }
    }
    chunk.push_str("\n ]\n}\n");
    file.write_all(chunk.as_bytes())?;
    file.flush()
}

fn iso(t: u64) -> String {
    format!("{}+00:00", local_date(t.saturating_sub(5 * 3600)))
}

fn telethon_line(out: &mut String, i: u64) {
    let id = i + 1;
    let t = unix(i);
    let (a, b, c) = (word(id, 1), word(id, 2), word(id, 3));
    let tag = format!("#{}{}", word(id, 4), id % 40);
    let text = format!("Сегодня {a} и {b}: {c} — итоги дня. {tag} https://mfa.example.kz/{id}");
    let utf16 = |s: &str| s.encode_utf16().count();
    let tag_at = utf16(&text) - utf16(&format!("{tag} https://mfa.example.kz/{id}"));
    let url_at = tag_at + utf16(&tag) + 1;
    let url_len = utf16(&format!("https://mfa.example.kz/{id}"));
    let channel_post = id % 5 != 0;
    if id % 50 == 0 {
        write!(out, r#"{{"_": "MessageService", "id": {id}, "peer_id": {{"_": "PeerChannel", "channel_id": 1357924680}}, "date": "{}", "out": false, "mentioned": false, "media_unread": false, "reactions_are_possible": true, "silent": false, "post": true, "legacy": false, "from_id": null, "saved_peer_id": null, "reply_to": null, "action": {{"_": "MessageActionPinMessage"}}, "reactions": null, "ttl_period": null}}"#, iso(t)).expect("write");
        out.push('\n');
        return;
    }
    let (peer, post, from, reply) = if channel_post {
        (
            1_357_924_680u64,
            "true",
            "null".to_string(),
            "null".to_string(),
        )
    } else {
        let user = 5_000_000_000 + (id * 7919) % 20_000;
        (
            1_468_035_791,
            "false",
            format!(r#"{{"_": "PeerUser", "user_id": {user}}}"#),
            format!(
                r#"{{"_": "MessageReplyHeader", "reply_to_scheduled": false, "forum_topic": false, "quote": false, "reply_to_msg_id": {}, "reply_to_peer_id": null, "reply_from": null, "reply_media": null, "reply_to_top_id": null, "quote_text": null, "quote_entities": [], "quote_offset": null}}"#,
                id - 1
            ),
        )
    };
    let fwd = if id % 10 == 3 {
        format!(
            r#"{{"_": "MessageFwdHeader", "date": "{}", "imported": false, "saved_out": false, "from_id": {{"_": "PeerChannel", "channel_id": 1122334455}}, "from_name": null, "channel_post": {}, "post_author": null, "saved_from_peer": null, "saved_from_msg_id": null, "saved_from_id": null, "saved_from_name": null, "saved_date": null, "psa_type": null}}"#,
            iso(t - 600),
            id / 2
        )
    } else {
        "null".to_string()
    };
    let media = if id % 4 == 0 {
        format!(
            r#"{{"_": "MessageMediaPhoto", "spoiler": false, "photo": {{"_": "Photo", "id": {}, "access_hash": -4873201938475611234, "file_reference": "AlDxCWludmVudGVk", "date": "{}", "sizes": [{{"_": "PhotoStrippedSize", "type": "i", "bytes": "AShCm3kA"}}, {{"_": "PhotoSize", "type": "m", "w": 320, "h": 213, "size": 18234}}], "dc_id": 2, "has_stickers": false, "video_sizes": []}}, "ttl_seconds": null}}"#,
            5_431_230_000 + id,
            iso(t)
        )
    } else {
        "null".to_string()
    };
    let (views, forwards, replies) = if channel_post {
        (
            (1000 + id * 37 % 50_000).to_string(),
            (id % 90).to_string(),
            format!(
                r#"{{"_": "MessageReplies", "replies": {}, "replies_pts": {}, "comments": true, "recent_repliers": [], "channel_id": 1468035791, "max_id": null, "read_max_id": null}}"#,
                id % 13,
                40_000 + id
            ),
        )
    } else {
        ("null".into(), "null".into(), "null".into())
    };
    let reactions = if id % 3 == 0 {
        "null".to_string()
    } else {
        format!(
            r#"{{"_": "MessageReactions", "results": [{{"_": "ReactionCount", "reaction": {{"_": "ReactionEmoji", "emoticon": "👍"}}, "count": {}, "chosen_order": null}}, {{"_": "ReactionCount", "reaction": {{"_": "ReactionEmoji", "emoticon": "❤"}}, "count": {}, "chosen_order": null}}], "min": false, "can_see_list": false, "reactions_as_tags": false, "recent_reactions": [], "top_reactors": []}}"#,
            1 + id % 40,
            id % 7
        )
    };
    write!(
        out,
        r#"{{"_": "Message", "id": {id}, "peer_id": {{"_": "PeerChannel", "channel_id": {peer}}}, "date": "{}", "message": "{text}", "out": false, "mentioned": false, "media_unread": false, "silent": false, "post": {post}, "from_scheduled": false, "legacy": false, "edit_hide": false, "pinned": false, "noforwards": false, "invert_media": false, "offline": false, "video_processing_pending": false, "from_id": {from}, "from_boosts_applied": null, "saved_peer_id": null, "fwd_from": {fwd}, "via_bot_id": null, "via_business_bot_id": null, "reply_to": {reply}, "media": {media}, "reply_markup": null, "entities": [{{"_": "MessageEntityHashtag", "offset": {tag_at}, "length": {}}}, {{"_": "MessageEntityUrl", "offset": {url_at}, "length": {url_len}}}], "views": {views}, "forwards": {forwards}, "replies": {replies}, "edit_date": null, "post_author": null, "grouped_id": null, "reactions": {reactions}, "restriction_reason": [], "ttl_period": null, "quick_reply_shortcut_id": null, "effect": null, "factcheck": null, "report_delivery_until_date": null, "paid_message_stars": null}}"#,
        iso(t),
        utf16(&tag)
    )
    .expect("write to a string");
    out.push('\n');
}

fn write_telethon(path: &Path, n: u64) -> std::io::Result<()> {
    let mut file = BufWriter::new(std::fs::File::create(path)?);
    let mut chunk = String::with_capacity(1 << 20);
    for i in 0..n {
        telethon_line(&mut chunk, i);
        if chunk.len() > 1 << 20 {
            file.write_all(chunk.as_bytes())?;
            chunk.clear();
        }
    }
    file.write_all(chunk.as_bytes())?;
    file.flush()
}

fn main() {
    let args = BenchArgs::from_env(&[&Desktop, &Telethon]);
    let (format, n) = (args.format, args.n);
    let desktop = format == "telegram.desktop";
    let path = args.dir_or_temp().join(if desktop {
        format!("telegram-desktop-bench-{}.json", std::process::id())
    } else {
        format!("telegram-telethon-bench-{}.jsonl", std::process::id())
    });
    let written = if desktop {
        write_desktop(&path, n)
    } else {
        write_telethon(&path, n)
    };
    if let Err(e) = written {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    let result = bench_import(args.importer, &ImportOptions::default(), format, &path);
    let _ = std::fs::remove_file(&path);
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

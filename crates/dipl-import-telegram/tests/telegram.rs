//! The Telegram importers on hand-written fixtures (`tests/fixtures/<case>.json(l)` beside
//! `<case>.expected`, refreshed with `UPDATE_EXPECT=1`). Every account, channel and message in
//! them is invented (generated from dictionaries written by hand, in the layout Telegram
//! Desktop and Telethon write). No real Telegram export exists in `../shared/data` (its README:
//! "Not available anywhere we could reach"); `real_exports_when_present` says so when run.

use std::path::{Path, PathBuf};

use dipl_import_telegram::{importers, Desktop, Telethon};
use dipl_ingest::testing::{must_not_panic, snapshot};
use dipl_ingest::{detect, ImportError, ImportOptions, Importer, VecSink};
use dipl_model::{PostKind, Record, Role};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check_case(importer: &dyn Importer, case: &str, file: &str) {
    let actual = snapshot(importer, &importers(), &fixture(file));
    expect_test::expect_file![fixture(&format!("{case}.expected"))].assert_eq(&actual);
}

fn import_bytes(
    importer: &dyn Importer,
    name: &str,
    bytes: &[u8],
    skip_bad: bool,
) -> Result<VecSink, ImportError> {
    let options = ImportOptions {
        skip_bad,
        ..Default::default()
    };
    dipl_ingest::testing::import_bytes(importer, name, bytes, &options)
}

#[test]
fn desktop_channel() {
    // Hand-checked in the snapshot: 7 posts from 9 messages (2 service messages counted in one
    // warning). 57 (2021, before reactions existed): likes n/a. 101: photo + link, hashtags
    // КазахстанЕС and diplomacy from the entities, mention EUinKazakhstan, text with the custom
    // emoji's fallback 🇰🇿; reactions 👍 42, ❤ 12, custom_emoji 3, paid 5 → likes 62; views,
    // reposts, replies n/a (Desktop has none). 102: repost of the EU channel (1122334455/?),
    // counters empty, EU channel an audience account. 103: the poll's question as text, 🔥 3.
    // 104: video, text link, edited, 👍 18 + 👏 4 = 22. 105: reply to 104 by the channel itself
    // (parent 1357924680/104@1357924680), no reactions in a file that has reactions → likes 0,
    // its thread root 104. 107: a sticker, no media kind, ❤ 25. 108: a forward whose source is
    // named only ("Steppe Herald"): repost without a reference. The channel is the one subject.
    check_case(&Desktop, "desktop_channel", "desktop_channel.json");
}

#[test]
fn desktop_old_version() {
    // Hand-checked: an export of Telegram Desktop 1.x/2.x: no `date_unixtime` (local times read
    // as UTC: 14:23:11 in the file is 14:23:11Z, one warning counting 5 messages), no
    // `text_entities` (entities from the `text` array), no reactions (likes n/a everywhere),
    // channel posts without `from_id` (the channel is the author). 4 is a forward named only by
    // the MFA's name (repost, no reference: the name is not this channel's); 5 a reply to 3
    // (parent author the embassy); 3 edited.
    check_case(&Desktop, "desktop_old", "desktop_old.json");
}

#[test]
fn desktop_discussion_group() {
    // Hand-checked: the channel's discussion group. 3, 11 and 16 are the automatic copies of
    // channel posts (from channel1357924680, forwarded from itself, or — 16, the copy of a channel
    // post that forwards the EU channel — `forwarded_from` the EU and `saved_from` the channel):
    // none of them appears as a post; the channel 1357924680 is still announced (first record,
    // a subject, with its name) and one warning counts the 3 copies. 15 posts from 18 messages
    // (3 service, 3 copies). Desktop does not write the channel post's id, so comments on a copy
    // have the copy's id as parent with the channel as parent author: 4, 5, 8 →
    // 1468035791/3@1357924680, 12 → 1468035791/11@1357924680, 17 → 1468035791/16@1357924680.
    // Deeper replies keep their comment as parent: 6 is the channel's own reply to comment 4
    // (parent author Айгерим 5012345671), 7 answers the channel's reply (parent author the
    // channel), 9 answers John's comment 5. Conversation ids: 4–9 all 1468035791/3, 12
    // 1468035791/11, 17 1468035791/16. 13 is the group posting as itself (anonymous admins: the
    // group 1468035791, a subject); 14 a member forwarding the EU channel and 18 a member
    // forwarding the MFA channel's post: reposts by audience accounts (a member's forward of the
    // channel is not a copy), referencing 1122334455/? and 1357924680/?; 15 answers service
    // message 1, which is not a post (parent author unknown). Commenters are audience; the
    // deleted account (from null) keeps its id, no name. Likes: 👍 5 on 4, ❤ 9 on 6, every
    // other non-repost since reactions 0 (the file writes reactions). 3 service messages (1, 2,
    // 10) counted in one warning.
    check_case(&Desktop, "desktop_group", "desktop_group.json");
}

#[test]
fn desktop_utf8_bom() {
    // Hand-checked: the BOM is skipped; a private channel; 👌 2, then likes 0.
    check_case(&Desktop, "desktop_bom", "desktop_bom.json");
}

#[test]
fn desktop_truncated_file() {
    // Hand-checked: cut inside message 102: the file fails as corrupt with its name and the
    // record's line; with --skip-bad the messages before the cut are imported (57 and 101,
    // 101 holding 62 likes) and the cut is a diagnostic.
    check_case(&Desktop, "desktop_truncated", "desktop_truncated.json");
    let bytes = std::fs::read(fixture("desktop_truncated.json")).expect("fixture");
    let err = import_bytes(&Desktop, "exports/result.json", &bytes, false).expect_err("truncated");
    let text = err.to_string();
    assert!(matches!(err, ImportError::Corrupt { .. }), "{text}");
    assert!(text.starts_with("exports/result.json: line "), "{text}");
}

#[test]
fn desktop_invalid_escapes_are_repaired() {
    // Hand-checked: Telegram Desktop's `\x0B` and its broken U+2028 are repaired (one warning),
    // the text keeps the characters; `C:\\xfiles` (an escaped backslash) stays as written.
    check_case(&Desktop, "desktop_escapes", "desktop_escapes.json");
    let sink = import_bytes(
        &Desktop,
        "result.json",
        &std::fs::read(fixture("desktop_escapes.json")).expect("fixture"),
        false,
    )
    .expect("repaired");
    let posts = sink.posts();
    assert_eq!(
        posts[0].text,
        "Заявление\u{b}МИД\u{2028}Statement of the MFA"
    );
    assert_eq!(posts[1].text, "Path C:\\xfiles stays as written");
}

#[test]
fn telethon_lines() {
    // Hand-checked: channel posts (post: true) are the channel's (subject, handle
    // mfa_kz_invented and observed at collected_at 2025-03-20T08:00:00Z from the added fields).
    // 105: reply to 104 (parent author the channel), views 5100, reposts 2, replies 0,
    // reactions null since reactions exist → likes 0. 104: video + text link, #брифинг, edited,
    // 👍 18 + 👏 4 = 22, views 18230, reposts 41, replies 1. 102 (date written by str()):
    // forward of EU post 1122334455/874, counters empty. 101: the UTF-16 offsets after the two
    // flag emoji give #КазахстанЕС, #diplomacy, the URL and @EUinKazakhstan; 👍 42 ❤ 12
    // custom_emoji 3 paid 5 = 62; views 25400 reposts 130 replies 4. 57 (2021): reactions null
    // before reactions existed → likes n/a. Group lines: 3 (the copy of 101: saved_from_msg_id
    // and channel_post 101) and 8 (the copy of 102, which forwards the EU post: fwd_from.from_id
    // the EU channel with channel_post 874, saved_from_peer the channel with saved_from_msg_id
    // 102) are automatic copies: no post, one warning counting 2. Comments on them hang under
    // the channel post itself: 4 and 5 → parent 1357924680/101@1357924680, 9 → parent
    // 1357924680/102@1357924680 (not the EU post). Deeper replies keep their comment: 6 is the
    // channel's reply to 4 (parent 1468035791/4@5012345671), 7 answers 6 (parent author the
    // channel). Conversation ids: 4, 5, 6, 7 all 1357924680/101 (6 and 7 from reply_to_top_id 3,
    // mapped to the post), 9 1357924680/102. 10, a member forwarding channel post 101 into the
    // group, stays a repost by the member referencing 1357924680/101. The service line and
    // `scraper` (unknown) are counted in warnings.
    check_case(&Telethon, "telethon", "telethon.jsonl");
}

#[test]
fn telethon_json_array() {
    // Hand-checked: an array of to_json() objects with \u escapes; the poll question is the
    // text; 🔥 3; views 12000, reposts 15, replies 0.
    check_case(&Telethon, "telethon_array", "telethon_array.json");
}

#[test]
fn roles_and_links_in_the_discussion_group() {
    let bytes = std::fs::read(fixture("desktop_group.json")).expect("fixture");
    let sink = import_bytes(&Desktop, "result.json", &bytes, false).expect("imports");
    let subjects: Vec<&str> = sink
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Account(a) if a.role == Role::Subject => Some(a.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(subjects, ["1357924680", "1468035791"]);
    let posts = sink.posts();
    let comments_on_channel: Vec<&str> = posts
        .iter()
        .filter(|p| {
            p.kind == PostKind::Reply
                && p.author_id != "1357924680"
                && p.parent.as_ref().and_then(|r| r.account_id.as_deref()) == Some("1357924680")
        })
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        comments_on_channel,
        [
            "1468035791/4",
            "1468035791/5",
            "1468035791/7",
            "1468035791/8",
            "1468035791/12",
            "1468035791/17"
        ]
    );
    // No automatic copy is a post, and the channel's only posts in the group are its replies.
    for copy in ["1468035791/3", "1468035791/11", "1468035791/16"] {
        assert!(posts.iter().all(|p| p.id != copy), "{copy} imported");
    }
    let reposts: Vec<(&str, &str)> = posts
        .iter()
        .filter(|p| p.kind == PostKind::Repost)
        .map(|p| (p.id.as_str(), p.author_id.as_str()))
        .collect();
    assert_eq!(
        reposts,
        [
            ("1468035791/14", "6023456782"),
            ("1468035791/18", "5012345671")
        ]
    );
    let note = sink
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("3 automatic copies of channel posts"))
        .count();
    assert_eq!(note, 1, "{:?}", sink.diagnostics);
    let channel_replies: Vec<(&str, Option<&str>)> = posts
        .iter()
        .filter(|p| p.kind == PostKind::Reply && p.author_id == "1357924680")
        .map(|p| {
            (
                p.id.as_str(),
                p.parent.as_ref().and_then(|r| r.account_id.as_deref()),
            )
        })
        .collect();
    assert_eq!(channel_replies, [("1468035791/6", Some("5012345671"))]);
}

#[test]
fn private_chats_and_other_json_are_refused() {
    let personal = br#"{"name": "Dana", "type": "personal_chat", "id": 42, "messages": []}"#;
    let err = import_bytes(&Desktop, "result.json", personal, false).expect_err("private");
    assert_eq!(
        err.to_string(),
        "result.json: a private chat (`personal_chat`), not a channel or group: not imported"
    );
    let account_export = br#"{"about": "x", "personal_information": {}, "chats": {"list": []}}"#;
    let err =
        import_bytes(&Desktop, "result.json", account_export, false).expect_err("no messages");
    assert!(err.to_string().contains("no `messages` array"), "{err}");
    let dm = br#"{"_": "Message", "id": 1, "peer_id": {"_": "PeerUser", "user_id": 7}, "date": "2025-01-01T00:00:00+00:00", "message": "hi"}"#;
    let sink = import_bytes(&Telethon, "dm.jsonl", dm, false).expect("a diagnostic");
    assert!(sink.posts().is_empty());
    assert!(
        sink.diagnostics[0].message.contains("private chat"),
        "{:?}",
        sink.diagnostics
    );
}

#[test]
fn sniffing_tells_the_formats_apart() {
    let all = importers();
    let id = |name: &str, head: &[u8]| detect(&all, name, head).map(|i| i.id());
    for (file, expected) in [
        ("desktop_channel.json", "telegram.desktop"),
        ("desktop_old.json", "telegram.desktop"),
        ("desktop_group.json", "telegram.desktop"),
        ("desktop_bom.json", "telegram.desktop"),
        ("desktop_truncated.json", "telegram.desktop"),
        ("desktop_escapes.json", "telegram.desktop"),
        ("telethon.jsonl", "telegram.telethon"),
        ("telethon_array.json", "telegram.telethon"),
    ] {
        let head = std::fs::read(fixture(file)).expect("fixture");
        assert_eq!(id(file, &head), Some(expected), "{file}");
        let confidence = all
            .iter()
            .find(|i| i.id() == expected)
            .map(|i| i.sniff(file, &head));
        assert_eq!(confidence, Some(dipl_ingest::Confidence::Certain), "{file}");
    }
    // A head cut right after the envelope is still Telegram Desktop's.
    assert_eq!(
        id("result.json", br#"{ "name": "X", "type": "public_channel", "id": 1, "messages": [ {"id": 1, "type": "mess"#),
        Some("telegram.desktop")
    );
    // Not Telegram: an X v1.1 timeline, a twarc2 page, a Facebook Graph feed, ActivityStreams,
    // a Pyrogram dump, Telegram's whole-account export, nothing.
    for head in [
        r#"[{"created_at": "x", "id_str": "1", "text": "a", "user": {}}]"#,
        r#"{"data": [{"id": "1", "text": "a", "author_id": "2"}], "__twarc": {}}"#,
        r#"{"data": [{"id": "1_2", "message": "hi", "created_time": "x"}], "paging": {}}"#,
        r#"{"@context": "https://www.w3.org/ns/activitystreams", "id": "x", "type": "OrderedCollection", "orderedItems": []}"#,
        r#"{"_": "Message", "id": 5, "from_user": {}, "chat": {"_": "Chat"}, "date": "2024-01-01 00:00:00", "text": "hi"}"#,
        r#"{"about": "Here is the data you requested.", "personal_information": {"user_id": 1}, "chats": {"about": "", "list": []}}"#,
        "",
    ] {
        assert_eq!(id("x.json", head.as_bytes()), None, "{head}");
    }
}

/// Every fixture cut at several points and with bytes flipped: no panic, whatever the result.
#[test]
fn truncated_and_corrupted_fixtures_never_panic() {
    for (importer, file) in [
        (&Desktop as &dyn Importer, "desktop_channel.json"),
        (&Desktop, "desktop_old.json"),
        (&Desktop, "desktop_group.json"),
        (&Desktop, "desktop_bom.json"),
        (&Desktop, "desktop_truncated.json"),
        (&Desktop, "desktop_escapes.json"),
        (&Telethon, "telethon.jsonl"),
        (&Telethon, "telethon_array.json"),
    ] {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        let n = bytes.len();
        for cut in (0..n).step_by((n / 97).max(1)).chain([1, 2, 3, n - 1]) {
            must_not_panic(importer, file, &bytes[..cut.min(n)]);
        }
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..60 {
            let mut corrupted = bytes.clone();
            for _ in 0..4 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state % n as u64) as usize;
                corrupted[at] = (state >> 32) as u8;
            }
            must_not_panic(importer, file, &corrupted);
        }
        // Also every other importer on this file (auto-detection may try any of them).
        for other in importers() {
            must_not_panic(other, file, &bytes);
        }
    }
}

/// A truncated export under --skip-bad gives the readable messages and a located diagnostic,
/// never a silent partial success; without it, an error naming the file.
#[test]
fn truncation_is_never_silent() {
    for (importer, file) in [
        (&Desktop as &dyn Importer, "desktop_group.json"),
        (&Telethon, "telethon.jsonl"),
    ] {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 5] {
            let err = import_bytes(importer, file, &bytes[..cut], false).expect_err("truncated");
            assert!(err.to_string().starts_with(file), "{err}");
            let sink = import_bytes(importer, file, &bytes[..cut], true).expect("skip bad");
            assert!(
                sink.diagnostics.iter().any(|d| d.location.is_some()
                    && d.message.contains("invalid JSON")
                    || d.message.contains("truncated")),
                "{file} cut at {cut}: {:?}",
                sink.diagnostics
            );
        }
    }
}

#[test]
fn real_exports_when_present() {
    // No real Telegram export is in ../shared/data (see its README); when one is added under
    // `telegram/`, this test at least imports every file in it without errors.
    let Some(dir) = dipl_ingest::testing::shared_data(env!("CARGO_MANIFEST_DIR"), "telegram")
    else {
        return;
    };
    let inputs = dipl_ingest::collect_inputs(&[dir]).expect("inputs");
    for input in inputs {
        let head = input.head().expect("head");
        let Some(importer) = detect(&importers(), input.logical_name(), &head) else {
            continue;
        };
        let mut reader = input.open().expect("open");
        let mut sink = VecSink::default();
        importer
            .import(&mut reader, &ImportOptions::default(), &mut sink)
            .expect("imports");
        println!("{}: {} records", input.name, sink.records.len());
    }
}

/// A group export of several 8 MiB batches: accounts already announced in an earlier batch are
/// not repeated, every author is announced before (or in the batch of) its first post, comments
/// in later batches still find their parent's author and thread, the automatic copies (every
/// tenth message) are taken out wherever the batches split, and two runs give the same records.
#[test]
fn large_exports_announce_each_account_once_and_link_across_batches() {
    let mut text = String::from(
        "{\n \"name\": \"Обсуждение\",\n \"type\": \"public_supergroup\",\n \"id\": 1468035791,\n \"messages\": [\n",
    );
    let n = 24_000u64;
    for id in 1..=n {
        if id > 1 {
            text.push_str(",\n");
        }
        let t = 1_740_000_000 + id * 60;
        let (from, from_id, extra) = if id % 10 == 1 {
            (
                "МИД Казахстана / MFA Kazakhstan".to_string(),
                "channel1357924680".to_string(),
                "   \"forwarded_from\": \"МИД Казахстана / MFA Kazakhstan\",\n   \"forwarded_from_id\": \"channel1357924680\",\n".to_string(),
            )
        } else {
            let user = 5_000_000_000 + id % 300;
            (
                format!("Пользователь {user}"),
                format!("user{user}"),
                format!("   \"reply_to_message_id\": {},\n", id - (id - 1) % 10),
            )
        };
        let padding = "Комментарий к публикации о визите. ".repeat(8);
        text.push_str(&format!(
            "  {{\n   \"id\": {id},\n   \"type\": \"message\",\n   \"date\": \"2025-02-20T00:00:00\",\n   \"date_unixtime\": \"{t}\",\n   \"from\": \"{from}\",\n   \"from_id\": \"{from_id}\",\n{extra}   \"text\": \"{padding}\",\n   \"text_entities\": [\n    {{\n     \"type\": \"plain\",\n     \"text\": \"{padding}\"\n    }}\n   ]\n  }}"
        ));
    }
    text.push_str("\n ]\n}\n");
    assert!(
        text.len() > 20 << 20,
        "{} bytes: several batches",
        text.len()
    );
    let run = || import_bytes(&Desktop, "big.json", text.as_bytes(), false).expect("imports");
    let first = run();
    assert_eq!(first.records, run().records, "deterministic");
    let mut announced = std::collections::HashMap::new();
    let mut posts = 0;
    for record in &first.records {
        match record {
            Record::Account(a) => {
                let seen = announced.entry(a.id.clone()).or_insert(0);
                *seen += 1;
            }
            Record::Post(p) => {
                posts += 1;
                assert!(
                    announced.contains_key(&p.author_id),
                    "{} before its author",
                    p.id
                );
                assert_eq!(p.kind, PostKind::Reply, "{}", p.id);
                assert_eq!(
                    p.parent.as_ref().and_then(|r| r.account_id.as_deref()),
                    Some("1357924680"),
                    "{}",
                    p.id
                );
                // Every comment answers the copy that opens its group of ten.
                let msg: u64 =
                    p.id.rsplit('/')
                        .next()
                        .and_then(|m| m.parse().ok())
                        .unwrap_or(0);
                let copy = format!("1468035791/{}", msg - (msg - 1) % 10);
                assert_eq!(
                    p.conversation_id.as_deref(),
                    Some(copy.as_str()),
                    "{}",
                    p.id
                );
            }
            _ => {}
        }
    }
    // Every tenth message is an automatic copy: not a post.
    assert_eq!(posts, n - n / 10);
    assert!(first.diagnostics.iter().any(|d| d
        .message
        .starts_with("2400 automatic copies of channel posts")));
    // 270 commenters (ids 5000000000 + id % 300 for ids not ending in 1) and the channel, each
    // announced once.
    assert_eq!(announced.len(), 271);
    assert!(announced.values().all(|&n| n == 1), "{announced:?}");
}

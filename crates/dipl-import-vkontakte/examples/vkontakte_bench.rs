//! Throughput of the VKontakte importers on a synthetic file.
//!
//! ```text
//! cargo run --release -p dipl-import-vkontakte --example vkontakte_bench -- <vkontakte.wall|vkontakte.comments> <n> [dir]
//! ```
//!
//! Writes `n` wall posts (or comments) as JSON Lines of API pages of 100 items, the way a
//! harvester stores `wall.get?extended=1` (or `wall.getComments?extended=1&thread_items_count=3`)
//! answers, into `dir` (default: the system temp dir), imports the file into a counting sink and
//! prints one line: `bench <format> posts=… bytes=… seconds=… posts_per_s=… mb_per_s=…`.
//! Posts emitted include the reposted originals of `copy_history`.

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use dipl_import_vkontakte::{Comments, Wall};
use dipl_ingest::testing::{bench_import, BenchArgs};
use dipl_ingest::ImportOptions;

const WORDS: [&str; 16] = [
    "посольство",
    "министр",
    "переговоры",
    "визит",
    "сотрудничество",
    "консульский",
    "приём",
    "партнёры",
    "безопасность",
    "торговля",
    "климат",
    "поддержка",
    "сегодня",
    "встреча",
    "граждане",
    "делегация",
];

fn words(seed: u64, n: u64) -> String {
    let mut out = String::new();
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[((seed.wrapping_mul(2_654_435_761) >> (k % 8 * 4)) % 16) as usize]);
    }
    out
}

const OWNER: i64 = -218_402;
const USERS: u64 = 40;

fn profiles_and_groups(out: &mut String) {
    out.push_str(r#""profiles":["#);
    for u in 0..USERS {
        if u > 0 {
            out.push(',');
        }
        write!(
            out,
            r#"{{"id":{},"first_name":"Имя{u}","last_name":"Фамилия{u}","screen_name":"user_{u}","sex":{},"photo_50":"https://sun9-1.userapi.com/u{u}.jpg","online":0,"can_access_closed":true,"is_closed":false}}"#,
            5_000_000 + u,
            1 + u % 2
        )
        .expect("write to a string");
    }
    out.push_str(r#"],"groups":[{"id":218402,"name":"МИД Кыргызской Республики","screen_name":"mfa_kgz","is_closed":0,"type":"page","members_count":48210,"photo_50":"https://sun9-1.userapi.com/g.jpg"},{"id":405117,"name":"Представительство ЕС","screen_name":"eu_in_kg","is_closed":0,"type":"page","members_count":9120,"photo_50":"https://sun9-1.userapi.com/g2.jpg"}]"#);
}

fn wall_item(out: &mut String, id: u64) {
    let date = 1_700_000_000 + id * 3_600;
    let user = 5_000_000 + id % USERS;
    let from = if id % 10 == 7 { user as i64 } else { OWNER };
    let text = format!(
        "{} [id{user}|Имя Фамилия] {} #{}{} https://mfa.gov.kg/ru/news/{id}",
        words(id, 12),
        words(id + 1, 6),
        WORDS[(id % 16) as usize],
        id % 20
    );
    let (post_type, text) = if id % 10 == 3 {
        ("copy", String::new())
    } else {
        ("post", text)
    };
    write!(
        out,
        r#"{{"inner_type":"wall_wallpost","can_delete":0,"comments":{{"can_post":1,"count":{},"groups_can_post":true}},"marked_as_ads":0,"hash":"h{id}","type":"post","attachments":[{{"type":"photo","photo":{{"album_id":-7,"date":{date},"id":{},"owner_id":{OWNER},"access_key":"k{id}","sizes":[{{"height":604,"type":"x","width":906,"url":"https://sun9-80.userapi.com/impg/{id}.jpg"}}],"text":"","has_tags":false}}}}],"date":{date},"from_id":{from},"id":{id},"is_favorite":false,"likes":{{"can_like":1,"count":{},"user_likes":0,"can_publish":1,"repost_disabled":false}},"owner_id":{OWNER},"post_source":{{"type":"vk"}},"post_type":"{post_type}","reposts":{{"count":{},"wall_count":{},"mail_count":0,"user_reposted":0}},"text":"{text}","views":{{"count":{}}}"#,
        id % 30,
        400_000 + id,
        id * 7 % 500,
        id % 40,
        id % 40,
        id * 37 % 50_000
    )
    .expect("write to a string");
    if post_type == "copy" {
        write!(
            out,
            r#","copy_history":[{{"type":"post","attachments":[{{"type":"link","link":{{"url":"https://www.eeas.europa.eu/delegations/kyrgyz-republic/{id}_ru","title":"ЕС"}}}}],"date":{},"from_id":-405117,"id":{},"owner_id":-405117,"post_source":{{"type":"api"}},"post_type":"post","text":"{} #ЕСвКР"}}]"#,
            date - 7_200,
            id + 1_000_000,
            words(id + 2, 10)
        )
        .expect("write to a string");
    }
    out.push('}');
}

fn comment_item(out: &mut String, id: u64, post: u64, thread: &[u64]) {
    let user = 5_000_000 + id % USERS;
    let from = if id % 9 == 4 { OWNER } else { user as i64 };
    write!(
        out,
        r#"{{"id":{id},"from_id":{from},"date":{},"text":"[id{}|Имя], {} #{}","post_id":{post},"owner_id":{OWNER},"parents_stack":[],"likes":{{"can_like":1,"count":{},"user_likes":0,"can_publish":1}}"#,
        1_700_000_000 + id * 60,
        5_000_000 + (id + 1) % USERS,
        words(id, 9),
        WORDS[(id % 16) as usize],
        id % 13
    )
    .expect("write to a string");
    if !thread.is_empty() {
        write!(out, r#","thread":{{"count":{},"items":["#, thread.len()).expect("write");
        for (k, reply) in thread.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            write!(
                out,
                r#"{{"id":{reply},"from_id":{},"date":{},"text":"{}","post_id":{post},"owner_id":{OWNER},"parents_stack":[{id}],"likes":{{"can_like":1,"count":{}}},"reply_to_user":{from},"reply_to_comment":{id}}}"#,
                5_000_000 + reply % USERS,
                1_700_000_000 + reply * 60,
                words(*reply, 7),
                reply % 5
            )
            .expect("write to a string");
        }
        out.push_str(r#"],"can_post":true,"show_reply_button":true,"groups_can_post":true}"#);
    }
    out.push('}');
}

/// Writes `n` items in pages of 100; returns the path.
fn generate(format: &str, n: u64, dir: &Path) -> std::io::Result<PathBuf> {
    let path = dir.join(format!("{format}-bench-{n}.jsonl"));
    let mut file = BufWriter::new(std::fs::File::create(&path)?);
    let mut page = String::with_capacity(256 * 1024);
    let mut written = 0u64;
    let mut id = 100_000u64;
    while written < n {
        page.clear();
        page.push_str(r#"{"response":{"count":1000000,"items":["#);
        let mut k = 0;
        while k < 100 && written < n {
            if k > 0 {
                page.push(',');
            }
            if format == "vkontakte.wall" {
                id += 1;
                wall_item(&mut page, id);
                written += 1;
            } else {
                // A comment with up to 3 thread replies, all counted.
                id += 4;
                let replies = ((n - written - 1).min(id % 4)) as usize;
                let thread: Vec<u64> = (1..=replies as u64).map(|r| id + r).collect();
                comment_item(&mut page, id, 9_000 + id / 1_000, &thread);
                written += 1 + replies as u64;
            }
            k += 1;
        }
        page.push_str("],");
        if format == "vkontakte.comments" {
            page.push_str(r#""current_level_count":100,"can_post":true,"show_reply_button":true,"groups_can_post":true,"#);
        }
        profiles_and_groups(&mut page);
        page.push_str("}}\n");
        file.write_all(page.as_bytes())?;
    }
    file.flush()?;
    Ok(path)
}

fn main() {
    let args = BenchArgs::from_env(&[&Wall, &Comments]);
    let dir = args.dir_or_temp();
    let path = match generate(args.format, args.n, &dir) {
        Ok(path) => path,
        Err(e) => {
            eprintln!("cannot write the synthetic file in {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    let result = bench_import(args.importer, &ImportOptions::default(), args.format, &path);
    let _ = std::fs::remove_file(&path);
    if let Err(e) = result {
        eprintln!("import failed: {e}");
        std::process::exit(1);
    }
}

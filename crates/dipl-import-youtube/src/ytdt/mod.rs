//! YouTube Data Tools (`youtube.ytdt`): the tabular outputs of Bernhard Rieder's tool
//! (<https://github.com/bernorieder/YouTube-Data-Tools>, and its 2025 Python rewrite): the Video
//! List module's `videolist_<mode><n>_<Y_m_d-H_i_s>.tab` and the Video Info module's
//! `videoinfo_<video id>_<Y_m_d-H_i_s>_comments.tab` and `…_basicinfo.tab`, tab-separated or
//! comma-separated, through [`dipl_ingest::csv::drive`] (encodings handled there).

pub mod convert;

use std::io::Read;
use std::path::{Path, PathBuf};

use dipl_ingest::csv::{self, Headers, Row, RowParser};
use dipl_ingest::json::RecordError;
use dipl_ingest::{
    Confidence, Diagnostic, ImportError, ImportOptions, Importer, InputReader, Severity, Sink,
};
use dipl_model::{Platform, Record, Role, Timestamp};

use convert::{CommentColumns, VideoContext, VideoListColumns};

/// `youtube.ytdt`: YouTube Data Tools video lists, comments and basic info files.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ytdt;

/// The last component of a path or of a zip entry name.
fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\', '!']).next().unwrap_or(name)
}

fn is_basic_info(name: &str) -> bool {
    let lower = file_name(name).to_ascii_lowercase();
    lower.contains("_basicinfo.")
}

fn is_video_list(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|x| x == n);
    has("videoid")
        && has("channelid")
        && (has("videotitle") || has("publishedatsql") || has("videocategorylabel"))
}

fn is_comments(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|x| x == n);
    has("authorchannelid")
        && has("isreply")
        && (has("isreplyto") || has("isreplytoid") || has("isreplytoname"))
}

/// The collection time YTDT puts in its file names (`…_2026_03_02-14_05_09…`), read as UTC
/// (it is the clock of the server that ran the tool).
pub fn time_in_name(name: &str) -> Option<Timestamp> {
    let name = file_name(name).as_bytes();
    let pattern = b"dddd_dd_dd-dd_dd_dd";
    let matches_at = |w: &[u8]| {
        w.iter().zip(pattern).all(|(&b, &p)| match p {
            b'd' => b.is_ascii_digit(),
            p => b == p,
        })
    };
    let window = name.windows(pattern.len()).find(|w| matches_at(w))?;
    let text = std::str::from_utf8(window).ok()?;
    let n = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    Timestamp::from_ymd_hms(
        i32::try_from(n(0..4)?).ok()?,
        n(5..7)?,
        n(8..10)?,
        n(11..13)?,
        n(14..16)?,
        n(17..19)?,
    )
}

/// The video id in a Video Info file name (`videoinfo_<11-character id>_…`).
pub fn video_id_in_name(name: &str) -> Option<&str> {
    let rest = file_name(name).strip_prefix("videoinfo_")?;
    let id = rest.get(..11)?;
    let valid = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (valid && rest[11..].starts_with('_')).then_some(id)
}

/// Whether a video list was made by the search mode (`videolist_search…`): its videos are
/// others' (audience), not the collected channels'.
fn is_search_list(name: &str) -> bool {
    file_name(name)
        .to_ascii_lowercase()
        .contains("videolist_search")
}

/// The bytes of `sibling` next to the input `name` (a path, or `archive.zip!folder/entry`).
fn read_sibling(name: &str, sibling: &str) -> Option<Vec<u8>> {
    const MAX: u64 = 16 * 1024 * 1024;
    if let Some((archive, entry)) = name.rsplit_once('!') {
        let wanted_entry = match entry.rfind('/') {
            Some(slash) => format!("{}/{sibling}", &entry[..slash]),
            None => sibling.to_string(),
        };
        let wanted = format!("{archive}!{wanted_entry}");
        let inputs = dipl_ingest::collect_inputs(&[PathBuf::from(archive)]).ok()?;
        let input = inputs.iter().find(|i| i.name == wanted)?;
        let mut bytes = Vec::new();
        input.open().ok()?.take(MAX).read_to_end(&mut bytes).ok()?;
        return Some(bytes);
    }
    let path = Path::new(name).with_file_name(sibling);
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(MAX)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// The `_basicinfo` sibling of a comments file, as key/value pairs.
fn sibling_basic_info(name: &str) -> Option<Vec<(String, String)>> {
    let file = file_name(name);
    let lower = file.to_ascii_lowercase();
    let at = lower.rfind("_comments.")?;
    for ext in ["tab", "csv"] {
        let sibling = format!("{}_basicinfo.{ext}", &file[..at]);
        if let Some(bytes) = read_sibling(name, &sibling) {
            return Some(convert::basic_info(&decode(&bytes)));
        }
    }
    None
}

/// Text of a small file: UTF-8 (BOM skipped), else Windows-1252 read byte by byte.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

impl Importer for Ytdt {
    fn id(&self) -> &'static str {
        "youtube.ytdt"
    }

    fn platform(&self) -> Platform {
        Platform::Youtube
    }

    fn description(&self) -> &'static str {
        "YouTube Data Tools TSV/CSV: video lists (videolist_*.tab), Video Info comments and basic info"
    }

    fn sniff(&self, name: &str, head: &[u8]) -> Confidence {
        let Some((_, names)) = csv::sniff_header(head) else {
            return Confidence::No;
        };
        if is_video_list(&names) || is_comments(&names) {
            Confidence::Certain
        } else if is_basic_info(name)
            && names.first().is_some_and(|n| n == "id")
            && names.len() == 2
        {
            Confidence::Likely
        } else {
            Confidence::No
        }
    }

    fn import(
        &self,
        input: &mut InputReader,
        options: &ImportOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let name = input.name().to_string();
        if is_basic_info(&name) {
            return import_basic_info(input, sink);
        }
        let observed_at = time_in_name(&name);
        let role = if is_search_list(&name) {
            Role::Audience
        } else {
            Role::Subject
        };
        csv::drive(input, options, sink, |headers, warnings| {
            let names: Vec<String> = headers.names().iter().map(|n| csv::normalise(n)).collect();
            if is_video_list(&names) {
                report_unknown(headers, convert::VIDEO_LIST_COLUMNS, warnings);
                Ok(Parser::VideoList {
                    columns: VideoListColumns::find(headers)?,
                    role,
                    observed_at,
                })
            } else if is_comments(&names) {
                report_unknown(headers, convert::COMMENT_COLUMNS, warnings);
                let columns = CommentColumns::find(headers)?;
                let info = sibling_basic_info(&name);
                let from_info = |key: &str| {
                    info.as_ref()?
                        .iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, v)| v.clone())
                        .filter(|v| !v.is_empty())
                };
                let video_id = video_id_in_name(&name)
                    .map(str::to_string)
                    .or_else(|| from_info("id"));
                if video_id.is_none() && !columns.has_video_id() {
                    return Err("the comments file does not say which video it belongs to: keep the name YouTube Data Tools gave it (`videoinfo_<video id>_…_comments.tab`)".into());
                }
                let channel = from_info("channelId");
                if channel.is_none() {
                    warnings.push("the video's channel is unknown (no `…_basicinfo.tab` beside the file): comments by the channel itself are counted as audience".into());
                }
                Ok(Parser::Comments {
                    columns,
                    ctx: VideoContext {
                        video_id,
                        channel,
                        observed_at,
                    },
                })
            } else {
                Err("not a YouTube Data Tools video list or comments file (expected columns videoId, channelId, videoTitle … or id, authorChannelId, isReply …)".into())
            }
        })
        .map(|_| ())
    }
}

fn report_unknown(headers: &Headers, known: &[&str], warnings: &mut Vec<String>) {
    let unknown = convert::unknown_columns(headers, known);
    if !unknown.is_empty() {
        warnings.push(format!("fields not read: {}", unknown.join(", ")));
    }
}

/// A `_basicinfo` file is a few key/value lines: read whole.
fn import_basic_info(input: &mut InputReader, sink: &mut dyn Sink) -> Result<(), ImportError> {
    let name = input.name().to_string();
    let mut bytes = Vec::new();
    (&mut *input)
        .take(16 * 1024 * 1024)
        .read_to_end(&mut bytes)
        .map_err(|e| input.io_error(e))?;
    let info = convert::basic_info(&decode(&bytes));
    let mut out = Vec::new();
    match convert::basic_info_records(&info, time_in_name(&name), &mut out) {
        Ok(()) => {
            sink.records(out);
            Ok(())
        }
        Err(message) if info.iter().any(|(k, _)| k == "id") => {
            sink.diagnostic(Diagnostic {
                file: name,
                location: None,
                severity: Severity::Error,
                message: format!("skipped: {message}"),
            });
            Ok(())
        }
        Err(message) => Err(ImportError::Invalid {
            file: name,
            message: message.to_string(),
        }),
    }
}

enum Parser {
    VideoList {
        columns: VideoListColumns,
        role: Role,
        observed_at: Option<Timestamp>,
    },
    Comments {
        columns: CommentColumns,
        ctx: VideoContext,
    },
}

impl RowParser for Parser {
    fn parse(
        &self,
        row: &Row<'_>,
        out: &mut Vec<Record>,
        _warnings: &mut Vec<String>,
    ) -> Result<(), RecordError> {
        match self {
            Parser::VideoList {
                columns,
                role,
                observed_at,
            } => convert::video_row(row, columns, *role, *observed_at, out),
            Parser::Comments { columns, ctx } => convert::comment_row(row, columns, ctx, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_when_and_what() {
        assert_eq!(
            time_in_name("/data/videolist_channel42_2026_03_02-14_05_09.tab"),
            Timestamp::from_ymd_hms(2026, 3, 2, 14, 5, 9)
        );
        assert_eq!(time_in_name("videos.tab"), None);
        assert_eq!(
            video_id_in_name("x.zip!out/videoinfo_Ab_d-FgHiJk_2026_03_02-14_05_09_comments.tab"),
            Some("Ab_d-FgHiJk")
        );
        assert_eq!(video_id_in_name("videoinfo_short_comments.tab"), None);
        assert!(is_search_list("videolist_search50_2026_01_01-00_00_00.tab"));
        assert!(!is_search_list(
            "videolist_channel50_2026_01_01-00_00_00.tab"
        ));
        assert_eq!(decode(b"caf\xe9 \x93x\x94"), "café “x”");
    }
}

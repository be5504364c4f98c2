//! A minimal JSON emitter that spells its output the way Python's `json.dumps` does, because
//! both real export formats we imitate (tweepy `_json` dumps and twarc2 JSONL) are written by it:
//! `", "` and `": "` separators and `ensure_ascii` (every non-ASCII character as a lowercase
//! `\uXXXX` escape, astral characters as surrogate pairs).
//!
//! It writes into a `Vec<u8>` and does not check structure; the writers' tests parse every line.

/// Appends `s` as a JSON string literal (with quotes).
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x80).contains(&b) && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if b < 0x80 {
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                _ => u_escape(out, b as u16),
            }
            i += 1;
        } else {
            // Decode one UTF-8 scalar; `s` is a `str`, so the sequence is valid.
            let width = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let c = s[i..i + width].chars().next().map_or(0xFFFD, |c| c as u32);
            if c >= 0x10000 {
                let v = c - 0x10000;
                u_escape(out, (0xD800 + (v >> 10)) as u16);
                u_escape(out, (0xDC00 + (v & 0x3FF)) as u16);
            } else {
                u_escape(out, c as u16);
            }
            i += width;
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

fn u_escape(out: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((unit >> shift) & 0xF) as usize]);
    }
}

/// Appends `"key": ` (keys are ASCII identifiers chosen by us, so no escaping).
pub(crate) fn key(out: &mut Vec<u8>, k: &str) {
    out.push(b'"');
    out.extend_from_slice(k.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// Appends `, "key": `.
pub(crate) fn next_key(out: &mut Vec<u8>, k: &str) {
    out.extend_from_slice(b", ");
    key(out, k);
}

pub(crate) fn uint(out: &mut Vec<u8>, v: u64) {
    let mut buf = itoa_buf();
    out.extend_from_slice(format_u64(&mut buf, v));
}

/// `"12345"`: X's `id_str` and v2 ids.
pub(crate) fn uint_str(out: &mut Vec<u8>, v: u64) {
    out.push(b'"');
    uint(out, v);
    out.push(b'"');
}

fn itoa_buf() -> [u8; 20] {
    [0u8; 20]
}

fn format_u64(buf: &mut [u8; 20], mut v: u64) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

/// `, "key": "value"`.
pub(crate) fn str_field(out: &mut Vec<u8>, k: &str, v: &str) {
    next_key(out, k);
    string(out, v);
}

/// `, "key": 123`.
pub(crate) fn uint_field(out: &mut Vec<u8>, k: &str, v: u64) {
    next_key(out, k);
    uint(out, v);
}

/// `, "key": true|false`.
pub(crate) fn bool_field(out: &mut Vec<u8>, k: &str, v: bool) {
    next_key(out, k);
    out.extend_from_slice(if v { b"true" } else { b"false" });
}

/// `, "key": null`.
pub(crate) fn null_field(out: &mut Vec<u8>, k: &str) {
    next_key(out, k);
    out.extend_from_slice(b"null");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_like_python_ensure_ascii() {
        let mut out = Vec::new();
        // json.dumps("Сәлем \"x\"\n🇰🇿") == '"\\u0421\\u04d9\\u043b\\u0435\\u043c \\"x\\"\\n\\ud83c\\uddf0\\ud83c\\uddff"'
        string(&mut out, "Сәлем \"x\"\n🇰🇿");
        assert_eq!(
            String::from_utf8(out).expect("ascii"),
            "\"\\u0421\\u04d9\\u043b\\u0435\\u043c \\\"x\\\"\\n\\ud83c\\uddf0\\ud83c\\uddff\""
        );
        let mut out = Vec::new();
        uint(&mut out, 0);
        uint_field(&mut out, "n", 18_446_744_073_709_551_615);
        assert_eq!(out, b"0, \"n\": 18446744073709551615");
    }
}

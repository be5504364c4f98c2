//! Telegram Desktop's JSON writer (`SerializeString` in `export_output_json.cpp`) is not quite
//! JSON: it writes control characters as `\xNN` (JSON has only `\u00NN`), and on U+2028/U+2029 it
//! writes the escape `\u2028` *and then* copies the character's two continuation bytes
//! (`0x80 0xA8`), which leaves invalid UTF-8. A message whose text holds such a character is
//! otherwise unreadable; [`repair`] rewrites the record into the JSON it meant, and the importer
//! retries it (only after a failed parse, so well-formed files pay nothing).

/// The record with `\xNN` escapes turned into `\u00NN` and the stray continuation bytes after
/// `\u2028`/`\u2029` removed, or `None` when there is nothing of the kind to repair.
pub fn repair(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.windows(2).any(|w| w == b"\\x") && !bytes.windows(6).any(is_separator_escape) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\\' || i + 1 >= bytes.len() {
            out.push(b);
            i += 1;
            continue;
        }
        match bytes[i + 1] {
            b'x' if i + 3 < bytes.len()
                && bytes[i + 2].is_ascii_hexdigit()
                && bytes[i + 3].is_ascii_hexdigit() =>
            {
                out.extend_from_slice(b"\\u00");
                out.push(bytes[i + 2]);
                out.push(bytes[i + 3]);
                i += 4;
                changed = true;
            }
            b'u' if i + 6 <= bytes.len() && is_separator_escape(&bytes[i..i + 6]) => {
                out.extend_from_slice(&bytes[i..i + 6]);
                i += 6;
                if bytes.get(i) == Some(&0x80) && matches!(bytes.get(i + 1), Some(0xA8 | 0xA9)) {
                    i += 2;
                    changed = true;
                }
            }
            other => {
                // Any other escape is copied whole, so that `\\x` stays a backslash and an x.
                out.push(b'\\');
                out.push(other);
                i += 2;
            }
        }
    }
    changed.then_some(out)
}

fn is_separator_escape(w: &[u8]) -> bool {
    w == b"\\u2028" || w == b"\\u2029"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_what_tdesktop_writes() {
        let written = b"{\"text\": \"a\\x01b\\x1Fc \\u2028\x80\xa8d \\\\x41\"}";
        let fixed = repair(written).unwrap();
        assert_eq!(
            fixed,
            b"{\"text\": \"a\\u0001b\\u001Fc \\u2028d \\\\x41\"}".to_vec()
        );
        let v: serde_json::Value = serde_json::from_slice(&fixed).unwrap();
        assert_eq!(v["text"], "a\u{1}b\u{1f}c \u{2028}d \\x41");
        assert_eq!(repair(b"{\"text\": \"plain \\\\x41\"}"), None);
        assert_eq!(repair(b"{\"text\": \"\\u2028 ok\"}"), None);
        assert_eq!(repair(b"\\x"), None);
    }
}

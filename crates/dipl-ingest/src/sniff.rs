//! Cheap shape checks on the first bytes of a file, for `Importer::sniff`.
//!
//! [`head_shape`] lists the top-level keys of the first few JSON objects (array elements, JSON
//! Lines or concatenated values, after a JS `name = ` prefix) without parsing values, and
//! tolerates a head cut off anywhere. It does not validate JSON: it only has to tell X formats
//! apart from each other and from other platforms' exports.

use crate::json::json_start;

/// What the head of a file looks like.
#[derive(Debug, Default)]
pub struct HeadShape<'a> {
    /// Top-level keys (raw bytes between the quotes) of each of the first objects.
    pub records: Vec<Vec<&'a [u8]>>,
    /// The values are elements of a top-level array.
    pub is_array: bool,
}

impl HeadShape<'_> {
    /// Whether any of the first objects has all of `keys`.
    pub fn any_has_all(&self, keys: &[&str]) -> bool {
        self.records.iter().any(|r| has_all(r, keys))
    }

    /// Whether any of the first objects has one of `keys`.
    pub fn any_has_any(&self, keys: &[&str]) -> bool {
        self.records
            .iter()
            .any(|r| keys.iter().any(|k| r.contains(&k.as_bytes())))
    }
}

/// Whether `record` has all of `keys`.
pub fn has_all(record: &[&[u8]], keys: &[&str]) -> bool {
    keys.iter().all(|k| record.contains(&k.as_bytes()))
}

/// Whether `needle` occurs in `haystack` (heads are at most 64 KiB).
pub fn contains(haystack: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The JS assignment name of an archive file (`window.YTD.tweets.part0`), if any.
pub fn js_name(head: &[u8]) -> Option<&str> {
    let start = crate::json::significant_start(head);
    let rest = &head[start..];
    let eq = rest.iter().take(256).position(|&b| b == b'=')?;
    let name = std::str::from_utf8(&rest[..eq]).ok()?.trim();
    let is_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'$');
    is_name.then_some(name)
}

/// Top-level keys of up to `max_records` objects at the start of `head`.
pub fn head_shape(head: &[u8], max_records: usize) -> HeadShape<'_> {
    let bytes = json_start(head);
    let mut shape = HeadShape::default();
    let mut i = 0;
    if bytes.first() == Some(&b'[') {
        shape.is_array = true;
        i = 1;
    }
    while shape.records.len() < max_records {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'{' {
            break;
        }
        let (keys, end) = scan_object(bytes, i);
        shape.records.push(keys);
        match end {
            Some(end) => i = end,
            None => break,
        }
    }
    shape
}

/// Keys at depth 1 of the object starting at `bytes[start]`, and the offset after it (if it
/// ends within `bytes`).
fn scan_object(bytes: &[u8], start: usize) -> (Vec<&[u8]>, Option<usize>) {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut expecting_key = false;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let content = i + 1;
                let mut j = content;
                loop {
                    match bytes.get(j) {
                        None => return (keys, None),
                        Some(b'\\') => j += 2,
                        Some(b'"') => break,
                        Some(_) => j += 1,
                    }
                }
                if depth == 1 && expecting_key {
                    keys.push(&bytes[content..j]);
                    expecting_key = false;
                }
                i = j + 1;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 1 {
                    expecting_key = true;
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (keys, Some(i + 1));
                }
            }
            b',' if depth == 1 => expecting_key = true,
            _ => {}
        }
        i += 1;
    }
    (keys, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(head: &str) -> Vec<Vec<String>> {
        head_shape(head.as_bytes(), 8)
            .records
            .iter()
            .map(|r| {
                r.iter()
                    .map(|k| String::from_utf8_lossy(k).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn keys_of_arrays_lines_and_cut_heads() {
        assert_eq!(
            keys(r#"[{"a": {"x": 1, "y": [1, {"z": 2}]}, "b\"c": "d,e:"}, {"f": 1}]"#),
            [vec!["a", "b\\\"c"], vec!["f"]]
        );
        assert_eq!(
            keys("{\"a\":1}\n{\"b\":[\"q\"],\"c\":{\"d\":"),
            [vec!["a"], vec!["b", "c"]]
        );
        assert_eq!(
            keys("window.YTD.tweets.part0 = [ {\"tweet\" : {\"id\" : \"1\"} }]"),
            [vec!["tweet"]]
        );
        assert!(keys("hello").is_empty());
        assert_eq!(
            js_name(b"\xEF\xBB\xBFwindow.YTD.account.part0 = ["),
            Some("window.YTD.account.part0")
        );
        assert_eq!(js_name(b"{\"a\": \"b=c\"}"), None);
        assert!(contains(b"xx\"author_id\"yy", "\"author_id\""));
    }
}

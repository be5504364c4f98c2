//! Looking at the start of an input before handing it to `dipl_ingest::json`, without reading
//! the file twice or losing the caller's byte count.
//!
//! Two layouts need a look first:
//! - Mastodon's `outbox.json` has its `orderedItems` member **twice**, an empty array and then
//!   the real one (`"orderedItems":[],"orderedItems":[{…}]`, mastodon/mastodon#31091: the
//!   archive writer adds the member to a serialised collection that already has it).
//!   `json::drive_member` streams the first array of that name, so the empty duplicate is
//!   blanked out with spaces (same length, same line numbers) before the stream reaches it.
//! - API pages saved as JSON Lines of arrays (`[{…},{…}]` per line): `json::drive` takes a
//!   file starting with `[` for one array, so such a file is read as one array of pages by
//!   wrapping it in `[` … `]` (elements separated by white space are accepted). A file that is
//!   one page (an array of statuses) is wrapped the same way when it is small enough to be one
//!   record, so that its statuses are read together.

use std::io::{self, Cursor, Read};
use std::sync::{Arc, Mutex};

use dipl_ingest::{ImportError, InputReader};

/// The rest of the caller's input, shared so that the caller gets it back afterwards.
pub(crate) struct Rest(Arc<Mutex<InputReader>>);

impl Read for Rest {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut inner = self
            .0
            .lock()
            .map_err(|_| io::Error::other("input reader lock poisoned"))?;
        inner.read(buf)
    }
}

/// Runs `f` with the input moved into a [`Rest`], then puts the input back in place (with its
/// byte count including everything `f` read).
pub(crate) fn with_rest<T>(input: &mut InputReader, f: impl FnOnce(Rest) -> T) -> T {
    let name = input.name().to_string();
    let original = std::mem::replace(input, InputReader::from_reader(name, io::empty()));
    let shared = Arc::new(Mutex::new(original));
    let result = f(Rest(Arc::clone(&shared)));
    if let Ok(mutex) = Arc::try_unwrap(shared) {
        if let Ok(reader) = mutex.into_inner() {
            *input = reader;
        }
    }
    result
}

fn io_error(name: &str, source: io::Error) -> ImportError {
    ImportError::Io {
        file: name.to_string(),
        source,
    }
}

/// Reads from `rest` until `enough(head)` or `max` bytes or the end; returns the head and
/// whether the input ended within it.
pub(crate) fn read_head(
    name: &str,
    rest: &mut Rest,
    max: usize,
    enough: impl Fn(&[u8]) -> bool,
) -> Result<(Vec<u8>, bool), ImportError> {
    let mut head = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    while head.len() < max && !enough(&head) {
        let want = chunk.len().min(max - head.len());
        let n = match rest.read(&mut chunk[..want]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(name, e)),
        };
        if n == 0 {
            return Ok((head, true));
        }
        head.extend_from_slice(&chunk[..n]);
    }
    Ok((head, false))
}

/// An input reader over `head` followed by `rest`.
pub(crate) fn rejoin(name: &str, head: Vec<u8>, rest: Rest) -> InputReader {
    InputReader::from_reader(name.to_string(), Cursor::new(head).chain(rest))
}

/// An input reader over `[` + `head` + `rest` + `]` (a UTF-8 BOM at the start of `head`
/// dropped, since it would now be inside the array).
pub(crate) fn rejoin_as_array(name: &str, mut head: Vec<u8>, rest: Rest) -> InputReader {
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
    }
    InputReader::from_reader(
        name.to_string(),
        Cursor::new(&b"["[..])
            .chain(Cursor::new(head))
            .chain(rest)
            .chain(Cursor::new(&b"\n]"[..])),
    )
}

fn skip_ws(buf: &[u8], mut pos: usize) -> usize {
    if pos == 0 && buf.starts_with(b"\xEF\xBB\xBF") {
        pos = 3;
    }
    while pos < buf.len() && buf[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

/// Length of the JSON value at the start of `bytes`, if it is complete and valid.
fn value_len(bytes: &[u8]) -> Option<usize> {
    let mut stream =
        serde_json::Deserializer::from_slice(bytes).into_iter::<serde::de::IgnoredAny>();
    match stream.next() {
        Some(Ok(_)) => Some(stream.byte_offset()),
        _ => None,
    }
}

/// The top-level members of the object at the start of `buf`, as (key, key start, value end)
/// triples, up to the first value that is not complete within `buf` (listed with its key and
/// `None`).
fn top_level_members(buf: &[u8]) -> Vec<(String, usize, Option<usize>)> {
    let mut members = Vec::new();
    let mut pos = skip_ws(buf, 0);
    if buf.get(pos) != Some(&b'{') {
        return members;
    }
    pos += 1;
    loop {
        pos = skip_ws(buf, pos);
        match buf.get(pos) {
            Some(b',') => {
                pos += 1;
                continue;
            }
            Some(b'"') => {}
            _ => return members,
        }
        let key_start = pos;
        let Some(len) = value_len(&buf[pos..]) else {
            return members;
        };
        let Ok(key) = serde_json::from_slice::<String>(&buf[pos..pos + len]) else {
            return members;
        };
        pos = skip_ws(buf, pos + len);
        if buf.get(pos) != Some(&b':') {
            return members;
        }
        pos = skip_ws(buf, pos + 1);
        let Some(len) = value_len(&buf[pos..]) else {
            members.push((key, key_start, None));
            return members;
        };
        pos += len;
        members.push((key, key_start, Some(pos)));
    }
}

/// Blanks out an empty `member` array that is followed by another member of the same name
/// (see the module documentation). Returns whether it did.
pub(crate) fn blank_empty_duplicate(head: &mut [u8], member: &str) -> bool {
    let members = top_level_members(head);
    let mut named = members.iter().filter(|(key, _, _)| key == member);
    let (Some(first), Some(_)) = (named.next(), named.next()) else {
        return false;
    };
    let (_, start, Some(end)) = *first else {
        return false;
    };
    let value = &head[start..end];
    let Some(colon) = value.iter().position(|&b| b == b':') else {
        return false;
    };
    let array: Vec<u8> = value[colon + 1..]
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if array != b"[]" {
        return false;
    }
    for b in &mut head[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    true
}

/// Whether `head` holds JSON Lines of arrays: its first line is a whole JSON array and another
/// value follows on a later line.
pub(crate) fn is_lines_of_arrays(head: &[u8]) -> bool {
    let start = skip_ws(head, 0);
    if head.get(start) != Some(&b'[') {
        return false;
    }
    let Some(line_end) = head[start..].iter().position(|&b| b == b'\n') else {
        return false;
    };
    let line = &head[start..start + line_end];
    match value_len(line) {
        Some(len) if line[len..].iter().all(|b| b.is_ascii_whitespace()) => {}
        _ => return false,
    }
    let next = skip_ws(head, start + line_end);
    next < head.len()
}

/// Whether `head` starts with an array whose first element is an object (a page of statuses,
/// as opposed to an array of pages).
pub(crate) fn is_array_of_objects(head: &[u8]) -> bool {
    let start = skip_ws(head, 0);
    if head.get(start) != Some(&b'[') {
        return false;
    }
    let mut next = start + 1;
    while next < head.len() && head[next].is_ascii_whitespace() {
        next += 1;
    }
    head.get(next) == Some(&b'{')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_empty_member_is_blanked() {
        let mut head =
            br#"{"id":"outbox.json","orderedItems":[],"orderedItems":[{"id":"a"}]}"#.to_vec();
        assert!(blank_empty_duplicate(&mut head, "orderedItems"));
        assert_eq!(
            String::from_utf8(head).unwrap(),
            format!(
                r#"{{"id":"outbox.json",{},"orderedItems":[{{"id":"a"}}]}}"#,
                " ".repeat(r#""orderedItems":[]"#.len())
            )
        );
        // Cut inside the second array: still enough to decide.
        let mut head = b"{\"orderedItems\" : [\n ],\n\"orderedItems\":[{\"id\":".to_vec();
        assert!(blank_empty_duplicate(&mut head, "orderedItems"));
        assert_eq!(head.iter().filter(|&&b| b == b'\n').count(), 2);
        // A single member, or a non-empty first one: untouched.
        let mut head = br#"{"orderedItems":[],"x":1}"#.to_vec();
        assert!(!blank_empty_duplicate(&mut head, "orderedItems"));
        let mut head = br#"{"orderedItems":[1],"orderedItems":[2]}"#.to_vec();
        assert!(!blank_empty_duplicate(&mut head, "orderedItems"));
        let mut head = br#"[{"orderedItems":[]}]"#.to_vec();
        assert!(!blank_empty_duplicate(&mut head, "orderedItems"));
    }

    #[test]
    fn lines_of_arrays() {
        assert!(is_lines_of_arrays(b"[{\"id\":\"1\"}]\n[{\"id\":\"2\"}]\n"));
        assert!(is_lines_of_arrays(b"\xEF\xBB\xBF[]\r\n[]"));
        assert!(!is_lines_of_arrays(b"[{\"id\":\"1\"}]\n"));
        assert!(!is_lines_of_arrays(b"[\n {\"id\":\"1\"}\n]\n"));
        assert!(!is_lines_of_arrays(b"{\"id\":\"1\"}\n{\"id\":\"2\"}\n"));
        assert!(is_array_of_objects(b" [\n {\"id\": 1}]"));
        assert!(!is_array_of_objects(b"[[{\"id\": 1}]]"));
        assert!(!is_array_of_objects(b"{\"id\": 1}"));
    }
}

//! Inputs: files, folders (walked recursively, sorted), `.gz` files and `.zip` archives, each
//! becoming one or more [`InputFile`]s that importers read as plain bytes.
//!
//! [`InputFile::content_hash`] identifies a file's content (BLAKE3, hashed in parallel in
//! 16 MiB chunks) before it is read, so that an exact re-import is recognised without reading or
//! writing anything, and provenance is recorded. Zip entries are read into memory one at a time
//! (archives of platform exports are small next to the JSONL harvests, which are read streaming).

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::ImportError;

/// Bytes handed to `Importer::sniff`.
pub const HEAD_LEN: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Plain(PathBuf),
    Gzip(PathBuf),
    ZipEntry {
        archive: PathBuf,
        entry: String,
        gzip: bool,
    },
}

/// One logical input file (a plain file, a decompressed `.gz`, or one entry of a `.zip`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Name shown in diagnostics: the path, or `archive.zip!entry/path`.
    pub name: String,
    source: Source,
    size: Option<u64>,
    /// Found by walking a folder or an archive rather than named by the user: a file there that
    /// no importer recognises (media, viewer pages of an archive) is skipped, not an error.
    pub found_inside: bool,
}

fn io_err(file: &str, source: io::Error) -> ImportError {
    ImportError::Io {
        file: file.to_string(),
        source,
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n == "__MACOSX")
}

fn has_ext(name: &str, ext: &str) -> bool {
    name.len() > ext.len() && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext)
}

/// Expands paths into input files: folders recursively (hidden entries skipped, sorted by path),
/// zip archives into their file entries (sorted by name).
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<InputFile>, ImportError> {
    let mut out = Vec::new();
    for path in paths {
        collect_path(path, false, &mut out)?;
    }
    Ok(out)
}

fn collect_path(path: &Path, inside: bool, out: &mut Vec<InputFile>) -> Result<(), ImportError> {
    let display = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| io_err(&display, e))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| io_err(&display, e))?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(|e| io_err(&display, e))?;
        entries.sort();
        for entry in entries.iter().filter(|p| !is_hidden(p)) {
            collect_path(entry, true, out)?;
        }
        return Ok(());
    }
    if has_ext(&display, ".zip") {
        let file = File::open(path).map_err(|e| io_err(&display, e))?;
        let mut archive =
            zip::ZipArchive::new(BufReader::new(file)).map_err(|e| ImportError::Invalid {
                file: display.clone(),
                message: format!("not a readable zip archive: {e}"),
            })?;
        let mut names = Vec::new();
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(|e| ImportError::Invalid {
                file: display.clone(),
                message: format!("zip entry {i}: {e}"),
            })?;
            let name = entry.name().to_string();
            let hidden = name
                .split('/')
                .any(|part| part.starts_with('.') || part == "__MACOSX");
            if entry.is_file() && !hidden {
                names.push((name, entry.size()));
            }
        }
        names.sort();
        for (entry, size) in names {
            let gzip = has_ext(&entry, ".gz");
            out.push(InputFile {
                name: format!("{display}!{entry}"),
                source: Source::ZipEntry {
                    archive: path.to_path_buf(),
                    entry,
                    gzip,
                },
                size: (!gzip).then_some(size),
                found_inside: true,
            });
        }
        return Ok(());
    }
    let source = if has_ext(&display, ".gz") {
        Source::Gzip(path.to_path_buf())
    } else {
        Source::Plain(path.to_path_buf())
    };
    out.push(InputFile {
        name: display,
        size: Some(meta.len()),
        source,
        found_inside: inside,
    });
    Ok(())
}

impl InputFile {
    /// A plain file on disk.
    pub fn from_path(path: &Path) -> InputFile {
        let name = path.display().to_string();
        let size = std::fs::metadata(path).ok().map(|m| m.len());
        let source = if has_ext(&name, ".gz") {
            Source::Gzip(path.to_path_buf())
        } else {
            Source::Plain(path.to_path_buf())
        };
        InputFile {
            name,
            source,
            size,
            found_inside: false,
        }
    }

    /// Size of the stored bytes (compressed size for `.gz`), for progress; `None` if unknown.
    pub fn size_hint(&self) -> Option<u64> {
        self.size
    }

    /// The name used for sniffing: without `.gz`.
    pub fn logical_name(&self) -> &str {
        if has_ext(&self.name, ".gz") {
            &self.name[..self.name.len() - 3]
        } else {
            &self.name
        }
    }

    /// Opens the file for reading from the start (decompressed).
    pub fn open(&self) -> Result<InputReader, ImportError> {
        let inner: Box<dyn Read + Send> = match &self.source {
            Source::Plain(path) => Box::new(File::open(path).map_err(|e| io_err(&self.name, e))?),
            Source::Gzip(path) => {
                let file = File::open(path).map_err(|e| io_err(&self.name, e))?;
                Box::new(MultiGzDecoder::new(BufReader::new(file)))
            }
            Source::ZipEntry {
                archive,
                entry,
                gzip,
            } => {
                let file = File::open(archive).map_err(|e| io_err(&self.name, e))?;
                let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
                    ImportError::Invalid {
                        file: self.name.clone(),
                        message: format!("not a readable zip archive: {e}"),
                    }
                })?;
                let mut zipped = zip.by_name(entry).map_err(|e| ImportError::Invalid {
                    file: self.name.clone(),
                    message: format!("zip entry: {e}"),
                })?;
                let mut bytes = Vec::new();
                zipped
                    .read_to_end(&mut bytes)
                    .map_err(|e| io_err(&self.name, e))?;
                if *gzip {
                    Box::new(MultiGzDecoder::new(io::Cursor::new(bytes)))
                } else {
                    Box::new(io::Cursor::new(bytes))
                }
            }
        };
        Ok(InputReader {
            name: self.name.clone(),
            inner,
            bytes_read: 0,
        })
    }

    /// Hex BLAKE3 of the content as stored: the bytes of a plain or `.gz` file, the decompressed
    /// bytes of a zip entry.
    pub fn content_hash(&self) -> Result<String, ImportError> {
        // Read in 16 MiB chunks, each hashed on all cores: fast, and memory stays bounded (a
        // memory map would count the whole file as resident).
        const CHUNK: usize = 16 * 1024 * 1024;
        let mut reader: Box<dyn Read> = match &self.source {
            Source::Plain(path) | Source::Gzip(path) => {
                Box::new(File::open(path).map_err(|e| io_err(&self.name, e))?)
            }
            Source::ZipEntry { .. } => Box::new(self.open()?),
        };
        let mut hasher = blake3::Hasher::new();
        let mut buf = vec![0u8; CHUNK];
        loop {
            let mut filled = 0;
            while filled < CHUNK {
                match reader.read(&mut buf[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io_err(&self.name, e)),
                }
            }
            hasher.update_rayon(&buf[..filled]);
            if filled < CHUNK {
                break;
            }
        }
        Ok(hasher.finalize().to_hex().to_string())
    }

    /// The first bytes (decompressed), for sniffing.
    pub fn head(&self) -> Result<Vec<u8>, ImportError> {
        let mut reader = self.open()?;
        let mut head = Vec::with_capacity(HEAD_LEN);
        (&mut reader.inner)
            .take(HEAD_LEN as u64)
            .read_to_end(&mut head)
            .map_err(|e| io_err(&self.name, e))?;
        Ok(head)
    }
}

/// A reader over one input that counts what passes through it (for progress).
pub struct InputReader {
    name: String,
    inner: Box<dyn Read + Send>,
    bytes_read: u64,
}

impl InputReader {
    /// Wraps any reader (tests, stdin).
    pub fn from_reader(name: impl Into<String>, reader: impl Read + Send + 'static) -> Self {
        InputReader {
            name: name.into(),
            inner: Box::new(reader),
            bytes_read: 0,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Decompressed bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    pub fn io_error(&self, source: io::Error) -> ImportError {
        io_err(&self.name, source)
    }
}

impl Read for InputReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes_read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dipl-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn folders_gz_and_zip_expand_in_sorted_order() {
        let dir = temp_dir("expand");
        std::fs::write(dir.join("b.jsonl"), b"{\"b\":1}\n").unwrap();
        std::fs::write(dir.join(".hidden"), b"x").unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"a\":1}\n").unwrap();
        std::fs::write(dir.join("a.jsonl.gz"), gz.finish().unwrap()).unwrap();
        let zip_path = dir.join("c.zip");
        {
            let file = File::create(&zip_path).unwrap();
            let mut zip = zip::ZipWriter::new(file);
            let opts = zip::write::SimpleFileOptions::default();
            zip.start_file("data/tweets.js", opts).unwrap();
            zip.write_all(b"window.YTD.tweets.part0 = []").unwrap();
            zip.start_file("__MACOSX/._tweets.js", opts).unwrap();
            zip.write_all(b"junk").unwrap();
            zip.finish().unwrap();
        }
        let inputs = collect_inputs(std::slice::from_ref(&dir)).unwrap();
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.name.rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, ["a.jsonl.gz", "b.jsonl", "tweets.js"]);
        assert!(inputs.iter().all(|i| i.found_inside));
        assert_eq!(inputs[0].logical_name().rsplit('/').next(), Some("a.jsonl"));
        assert_eq!(inputs[0].head().unwrap(), b"{\"a\":1}\n");
        assert_eq!(inputs[2].head().unwrap(), b"window.YTD.tweets.part0 = []");
        let mut reader = inputs[1].open().unwrap();
        std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
        assert_eq!(reader.bytes_read(), 8);
        assert_eq!(
            inputs[1].content_hash().unwrap(),
            blake3::hash(b"{\"b\":1}\n").to_hex().to_string()
        );
        // A zip entry is identified by its decompressed bytes.
        assert_eq!(
            inputs[2].content_hash().unwrap(),
            blake3::hash(b"window.YTD.tweets.part0 = []")
                .to_hex()
                .to_string()
        );
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = collect_inputs(&[PathBuf::from("/nonexistent/x.json")]).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("/nonexistent/x.json: cannot read"));
    }
}

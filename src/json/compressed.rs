//! Compressed JSON Lines: gzip and zstd, told by their magic bytes.
//!
//! Large collections come as compressed shards (`visits.jsonl.gz`,
//! `part-0001.ndjson.zst`). [`decompressed`] looks at an input's first bytes
//! and, when they are gzip's or zstd's, reads it through a streaming
//! decoder, so a file or standard input of any size is read with bounded
//! memory and its lines numbered as those of the plain text. Decoders
//! come from the `compression` feature (flate2 with its pure-Rust backend,
//! and the zstd crate); without it a compressed input is a read error that
//! says so.

use std::io::{BufRead, BufReader, Chain, Cursor, Read};

/// How an input is compressed, as its first bytes say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Compression {
    /// Plain text.
    None,
    /// gzip (RFC 1952), one member or several one after another.
    Gzip,
    /// Zstandard (RFC 8878).
    Zstd,
}

impl Compression {
    /// The compression whose magic bytes `start` begins with: gzip's
    /// `1f 8b`, zstd's `28 b5 2f fd`; anything else is plain.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Compression;
    /// assert_eq!(Compression::sniff(&[0x1f, 0x8b, 8, 0]), Compression::Gzip);
    /// assert_eq!(Compression::sniff(b"{\"format_version\""), Compression::None);
    /// ```
    pub fn sniff(start: &[u8]) -> Compression {
        match start {
            [0x1f, 0x8b, ..] => Compression::Gzip,
            [0x28, 0xb5, 0x2f, 0xfd, ..] => Compression::Zstd,
            _ => Compression::None,
        }
    }

    /// The compression a file name's last extension names: `.gz` or
    /// `.zst`; `None` for any other.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Compression;
    /// assert_eq!(Compression::of_name("visits.jsonl.zst"), Compression::Zstd);
    /// assert_eq!(Compression::of_name("visits.jsonl"), Compression::None);
    /// ```
    pub fn of_name(name: &str) -> Compression {
        if name.ends_with(".gz") {
            Compression::Gzip
        } else if name.ends_with(".zst") {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// `gzip`, `zstd`, or `plain`.
    pub fn as_str(self) -> &'static str {
        match self {
            Compression::None => "plain",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// The magic bytes read to tell the compression, then the rest.
type Sniffed<R> = Chain<Cursor<Vec<u8>>, R>;

/// `reader`, decompressed when its first bytes are gzip's or zstd's, else
/// as it is. The decoders stream: memory stays bounded whatever the size of
/// the input (zstd frames that ask for a window over 128 MiB are refused).
/// A corrupt stream is a read error where it breaks.
///
/// # Errors
/// A read error of the first four bytes; a compressed input when the crate
/// is built without the `compression` feature.
///
/// # Example
/// ```
/// use diplomatic_events::{JsonLines, decompressed};
/// let plain = b"{\"format_version\":\"0.2\",\"id\":\"r\",\"event\":{\"id\":\"e\",\"kind\":\"visit\"}}\n";
/// let lines: Vec<_> = JsonLines::new(decompressed(&plain[..])?).collect();
/// assert!(lines[0].result.is_ok());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn decompressed<'a, R: Read + Send + 'a>(
    mut reader: R,
) -> std::io::Result<Box<dyn BufRead + Send + 'a>> {
    let mut start = Vec::with_capacity(4);
    (&mut reader).take(4).read_to_end(&mut start)?;
    let compression = Compression::sniff(&start);
    let whole: Sniffed<R> = Cursor::new(start).chain(reader);
    open(compression, whole)
}

#[cfg(feature = "compression")]
fn open<'a, R: Read + Send + 'a>(
    compression: Compression,
    input: R,
) -> std::io::Result<Box<dyn BufRead + Send + 'a>> {
    /// Read 64 KiB at a time, compressed and decompressed.
    const BUFFER: usize = 1 << 16;
    /// The largest zstd window accepted, 2^27 bytes: zstd's own default
    /// limit, so that a frame cannot make the decoder take more memory.
    const ZSTD_WINDOW_LOG_MAX: u32 = 27;
    Ok(match compression {
        Compression::None => Box::new(BufReader::with_capacity(BUFFER, input)),
        Compression::Gzip => {
            let compressed = BufReader::with_capacity(BUFFER, input);
            let decoder = flate2::bufread::MultiGzDecoder::new(compressed);
            Box::new(BufReader::with_capacity(BUFFER, decoder))
        }
        Compression::Zstd => {
            let mut decoder = zstd::stream::read::Decoder::new(input)?;
            decoder.window_log_max(ZSTD_WINDOW_LOG_MAX)?;
            Box::new(BufReader::with_capacity(BUFFER, decoder))
        }
    })
}

#[cfg(not(feature = "compression"))]
fn open<'a, R: Read + Send + 'a>(
    compression: Compression,
    input: R,
) -> std::io::Result<Box<dyn BufRead + Send + 'a>> {
    match compression {
        Compression::None => Ok(Box::new(BufReader::new(input))),
        other => Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            format!(
                "{} input: build diplomatic-events with the `compression` feature to read it",
                other.as_str()
            ),
        )),
    }
}

#[cfg(all(test, feature = "compression"))]
mod tests {
    use std::io::{Read, Write};

    use super::decompressed;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap_or_default();
        encoder.finish().unwrap_or_default()
    }

    fn read_all(input: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        decompressed(input)?.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn plain_gzip_and_zstd_read_alike() {
        let text = b"{\"a\":1}\n{\"b\":2}\n".repeat(1000);
        let zstd = zstd::encode_all(&text[..], 3).unwrap_or_default();
        for input in [text.clone(), gzip(&text), zstd] {
            assert_eq!(read_all(&input).ok(), Some(text.clone()));
        }
        // Several gzip members one after another are one text.
        let mut members = gzip(b"one\n");
        members.extend(gzip(b"two\n"));
        assert_eq!(read_all(&members).ok(), Some(b"one\ntwo\n".to_vec()));
        // Short inputs, shorter than the magic bytes.
        for short in [&b""[..], b"{", b"\x1f", b"\x28\xb5"] {
            assert_eq!(read_all(short).ok(), Some(short.to_vec()));
        }
    }

    #[test]
    fn a_broken_stream_is_a_read_error() {
        let mut broken = gzip(&b"{\"a\":1}\n".repeat(1000));
        broken.truncate(broken.len() / 2);
        assert!(read_all(&broken).is_err());
        assert!(read_all(&[0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0]).is_err());
    }
}

//! Reading records from JSON Lines, one record per line.
//!
//! - Every line is read on its own: a bad line gives an error for that line
//!   (with its number) and reading goes on with the next.
//! - A line longer than the limit ([`JsonLines::DEFAULT_MAX_LINE_LEN`] by
//!   default, set with [`JsonLines::with_max_line_len`]) is skipped without
//!   being held in memory and reported as [`Error::LineTooLong`]; memory stays
//!   bounded by the limit whatever the input.
//! - Lines end with `\n`; a `\r` before it is dropped. A blank line (nothing,
//!   or only spaces, tabs and `\r`) is skipped and yields nothing, so a file
//!   may end with an empty line; its number still counts.
//! - A byte-order mark at the start of the first line is ignored.

use std::io::BufRead;

use crate::{Error, Record};

/// One line's outcome: its number (from 1) and the record or the error.
#[derive(Debug)]
#[non_exhaustive]
pub struct Line {
    /// The line number, from 1.
    pub number: u64,
    /// The record, or why the line is not one.
    pub result: Result<Record, Error>,
}

/// An iterator over the records of a JSON Lines input.
///
/// # Example
/// ```
/// use diplomatic_events::{Code, JsonLines};
/// let input = concat!(
///     r#"{"format_version": "0.1", "id": "a", "event": {"id": "e", "kind": "visit"}}"#, "\n",
///     "\n",
///     r#"{"format_version": "0.1", "id": "b"}"#, "\n",
/// );
/// let lines: Vec<_> = JsonLines::new(input.as_bytes()).collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].result.is_ok());
/// assert_eq!(lines[1].number, 3);
/// assert_eq!(lines[1].result.as_ref().unwrap_err().code(), Code::MissingField);
/// ```
#[derive(Debug)]
pub struct JsonLines<R> {
    reader: R,
    number: u64,
    max_line_len: usize,
    buffer: Vec<u8>,
    failed: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// The default longest line, in bytes: 1 MiB, some 300 times a typical record.
    pub const DEFAULT_MAX_LINE_LEN: usize = 1 << 20;

    /// Reads records from `reader`, with the default line limit.
    pub fn new(reader: R) -> Self {
        JsonLines {
            reader,
            number: 0,
            max_line_len: Self::DEFAULT_MAX_LINE_LEN,
            buffer: Vec::new(),
            failed: false,
        }
    }

    /// Sets the longest line accepted, in bytes, not counting the line end.
    pub fn with_max_line_len(mut self, max_line_len: usize) -> Self {
        self.max_line_len = max_line_len;
        self
    }

    /// Reads the next line into the buffer. `Ok(false)` at the end of the
    /// input; `Ok(true)` with an empty buffer for a line over the limit.
    fn read_line(&mut self) -> Result<Option<bool>, std::io::Error> {
        self.buffer.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(any.then_some(too_long));
            }
            any = true;
            let (chunk, done) = match memchr_newline(available) {
                Some(at) => (available.get(..at).unwrap_or_default(), Some(at + 1)),
                None => (available, None),
            };
            if !too_long {
                if self.buffer.len() + chunk.len() > self.max_line_len + 1 {
                    too_long = true;
                    self.buffer.clear();
                } else {
                    self.buffer.extend_from_slice(chunk);
                }
            }
            let consumed = done.unwrap_or(available.len());
            self.reader.consume(consumed);
            if done.is_some() {
                return Ok(Some(too_long));
            }
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        loop {
            if self.failed {
                return None;
            }
            let read = self.read_line();
            self.number += 1;
            let number = self.number;
            let too_long = match read {
                Ok(None) => return None,
                Ok(Some(too_long)) => too_long,
                Err(e) => {
                    self.failed = true;
                    return Some(Line { number, result: Err(Error::Io(e)) });
                }
            };
            if self.buffer.last() == Some(&b'\r') {
                self.buffer.pop();
            }
            if too_long || self.buffer.len() > self.max_line_len {
                let limit = self.max_line_len;
                return Some(Line { number, result: Err(Error::LineTooLong { limit }) });
            }
            let mut bytes = self.buffer.as_slice();
            if number == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
            }
            if bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                continue;
            }
            let result = match std::str::from_utf8(bytes) {
                Ok(text) => Record::from_json_text(text),
                Err(e) => Err(Error::InvalidUtf8 { offset: e.valid_up_to() }),
            };
            return Some(Line { number, result });
        }
    }
}

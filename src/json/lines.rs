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
///     r#"{"format_version": "0.2", "id": "a", "event": {"id": "e", "kind": "visit"}}"#, "\n",
///     "\n",
///     r#"{"format_version": "0.2", "id": "b"}"#, "\n",
/// );
/// let lines: Vec<_> = JsonLines::new(input.as_bytes()).collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].result.is_ok());
/// assert_eq!(lines[1].number, 3);
/// assert_eq!(lines[1].result.as_ref().unwrap_err().code(), Code::MissingField);
/// ```
#[derive(Debug)]
pub struct JsonLines<R> {
    lines: RawLines<R>,
    max_problems: usize,
}

/// How much of a JSON Lines input one line may take: its length, and the
/// problems reported for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The longest line accepted, in bytes, not counting the line end; a
    /// longer one is skipped unread ([`Error::LineTooLong`]).
    pub max_line_len: usize,
    /// The most problems reported for one line that is not a record (see
    /// [`Record::from_json_with_max_problems`]).
    pub max_problems: usize,
}

impl Default for Limits {
    /// [`JsonLines::DEFAULT_MAX_LINE_LEN`] and
    /// [`DEFAULT_MAX_PROBLEMS`](crate::DEFAULT_MAX_PROBLEMS).
    fn default() -> Self {
        Limits { max_line_len: DEFAULT_MAX_LINE_LEN, max_problems: crate::DEFAULT_MAX_PROBLEMS }
    }
}

impl Limits {
    /// Sets [`Limits::max_line_len`].
    #[must_use]
    pub fn with_max_line_len(mut self, max_line_len: usize) -> Self {
        self.max_line_len = max_line_len;
        self
    }

    /// Sets [`Limits::max_problems`].
    #[must_use]
    pub fn with_max_problems(mut self, max_problems: usize) -> Self {
        self.max_problems = max_problems;
        self
    }
}

/// The default longest line: see [`JsonLines::DEFAULT_MAX_LINE_LEN`].
const DEFAULT_MAX_LINE_LEN: usize = 1 << 20;

impl<R: BufRead> JsonLines<R> {
    /// The default longest line, in bytes: 1 MiB, some 300 times a typical record.
    pub const DEFAULT_MAX_LINE_LEN: usize = DEFAULT_MAX_LINE_LEN;

    /// Reads records from `reader`, with the default line limit.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::JsonLines;
    /// let input = "{\"format_version\":\"0.1\",\"id\":\"r\",\"event\":{\"id\":\"e\",\"kind\":\"visit\"}}\n";
    /// let lines: Vec<_> = JsonLines::new(input.as_bytes()).collect();
    /// assert!(lines[0].result.is_ok());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(reader: R) -> Self {
        JsonLines {
            lines: RawLines::new(reader, Self::DEFAULT_MAX_LINE_LEN),
            max_problems: crate::DEFAULT_MAX_PROBLEMS,
        }
    }

    /// Sets the most problems reported for one line that is not a record
    /// (see [`Record::from_json_with_max_problems`]).
    #[must_use]
    pub fn with_max_problems(mut self, max_problems: usize) -> Self {
        self.max_problems = max_problems;
        self
    }

    /// Sets the longest line accepted, in bytes, not counting the line end.
    pub fn with_max_line_len(mut self, max_line_len: usize) -> Self {
        self.lines.max_line_len = max_line_len;
        self
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let (number, raw) = self.lines.next_raw()?;
        let result = match raw {
            Raw::Text => parse_line(self.lines.text(), self.max_problems),
            Raw::TooLong => Err(Error::LineTooLong { limit: self.lines.max_line_len }),
            Raw::Failed(e) => Err(Error::Io(e)),
        };
        Some(Line { number, result })
    }
}

/// Parses one line's bytes: UTF-8 is checked once, then the record is read
/// straight from the line.
fn parse_line(bytes: &[u8], max_problems: usize) -> Result<Record, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Record::from_json_text(text, max_problems),
        Err(e) => Err(Error::InvalidUtf8 { offset: e.valid_up_to() }),
    }
}

/// What [`RawLines`] found on a line.
#[derive(Debug)]
enum Raw {
    /// A non-blank line, now in the reader's buffer.
    Text,
    /// A line over the limit, skipped unread.
    TooLong,
    /// Reading failed; nothing follows.
    Failed(std::io::Error),
}

/// Splits input into numbered lines with bounded memory: line ends (`\n`,
/// `\r\n`), the limit, blank lines and a leading byte-order mark.
#[derive(Debug)]
struct RawLines<R> {
    reader: R,
    number: u64,
    max_line_len: usize,
    buffer: Vec<u8>,
    /// Where the line's text starts in `buffer` (after a byte-order mark).
    start: usize,
    failed: bool,
}

impl<R: BufRead> RawLines<R> {
    fn new(reader: R, max_line_len: usize) -> Self {
        RawLines { reader, number: 0, max_line_len, buffer: Vec::new(), start: 0, failed: false }
    }

    /// The text of the line last returned as [`Raw::Text`].
    fn text(&self) -> &[u8] {
        self.buffer.get(self.start..).unwrap_or_default()
    }

    /// The next line that is not blank.
    fn next_raw(&mut self) -> Option<(u64, Raw)> {
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
                    return Some((number, Raw::Failed(e)));
                }
            };
            if self.buffer.last() == Some(&b'\r') {
                self.buffer.pop();
            }
            if too_long || self.buffer.len() > self.max_line_len {
                return Some((number, Raw::TooLong));
            }
            self.start =
                if number == 1 && self.buffer.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            if self.text().iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                continue;
            }
            return Some((number, Raw::Text));
        }
    }

    /// Reads the next line into the buffer. `Ok(None)` at the end of the
    /// input; `Ok(Some(true))` with an empty buffer for a line over the limit.
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
            let (chunk, done) = match memchr::memchr(b'\n', available) {
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

/// Reads JSON Lines on several threads and hands each line's outcome to
/// `each`, on the calling thread and in input order.
///
/// `threads` workers take turns reading a batch of lines (about 256 KiB)
/// from the input, then parse each line of it and apply `map` to it
/// (validate it, convert it, count it); the results come back to `each` in
/// line order. Memory stays bounded: each worker holds one batch (up to the
/// line limit, [`JsonLines::DEFAULT_MAX_LINE_LEN`], more), and the results
/// of at most four batches per worker wait for `each`: a worker that gets
/// that far ahead of the slowest batch waits for it.
///
/// # Example
/// ```
/// use diplomatic_events::par_map_lines;
/// let input = concat!(
///     r#"{"format_version":"0.2","id":"a","event":{"id":"e","kind":"visit"}}"#, "\n",
///     "not json\n",
/// );
/// let mut seen = Vec::new();
/// par_map_lines(input.as_bytes(), 2, |line| (line.number, line.result.is_ok()), |x| seen.push(x));
/// assert_eq!(seen, [(1, true), (2, false)]);
/// ```
pub fn par_map_lines<R, T, M, E>(reader: R, threads: usize, map: M, each: E)
where
    R: BufRead + Send,
    T: Send,
    M: Fn(Line) -> T + Sync,
    E: FnMut(T),
{
    par_map_lines_with_limits(reader, threads, Limits::default(), map, each);
}

/// [`par_map_lines`] with a line limit of `max_line_len` bytes instead of
/// [`JsonLines::DEFAULT_MAX_LINE_LEN`]: a longer line is skipped unread and
/// reported as [`Error::LineTooLong`], as [`JsonLines::with_max_line_len`]
/// does.
///
/// # Example
/// ```
/// use diplomatic_events::{Error, par_map_lines_with_limit};
/// let input = format!("{}\n[]\n", "x".repeat(100));
/// let mut seen = Vec::new();
/// par_map_lines_with_limit(input.as_bytes(), 2, 64, |line| {
///     (line.number, matches!(line.result, Err(Error::LineTooLong { limit: 64 })))
/// }, |x| seen.push(x));
/// assert_eq!(seen, [(1, true), (2, false)]);
/// ```
pub fn par_map_lines_with_limit<R, T, M, E>(
    reader: R,
    threads: usize,
    max_line_len: usize,
    map: M,
    each: E,
) where
    R: BufRead + Send,
    T: Send,
    M: Fn(Line) -> T + Sync,
    E: FnMut(T),
{
    par_map_lines_with_limits(
        reader,
        threads,
        Limits::default().with_max_line_len(max_line_len),
        map,
        each,
    );
}

/// [`par_map_lines`] with other [`Limits`]: a line's length, and the
/// problems reported for a line that is not a record.
///
/// # Example
/// ```
/// use diplomatic_events::{Limits, par_map_lines_with_limits};
/// let input = "{\"a\": 1, \"b\": 2, \"c\": 3}\n";
/// let mut seen = Vec::new();
/// let limits = Limits::default().with_max_problems(2);
/// par_map_lines_with_limits(input.as_bytes(), 2, limits, |line| {
///     line.result.map_err(|e| e.problems().len()).err()
/// }, |x| seen.push(x));
/// assert_eq!(seen, [Some(3)]); // two problems, and the one that counts the rest
/// ```
pub fn par_map_lines_with_limits<R, T, M, E>(
    reader: R,
    threads: usize,
    limits: Limits,
    map: M,
    each: E,
) where
    R: BufRead + Send,
    T: Send,
    M: Fn(Line) -> T + Sync,
    E: FnMut(T),
{
    let batch = Batching { bytes: 256 << 10, lines: 16 << 10 };
    par_map_batches(reader, threads, limits, batch, map, each);
}

/// How much one batch of [`par_map_batches`] holds: it ends at the first
/// line that brings its text to `bytes`, or at `lines` lines (which bounds
/// a batch of lines with no text: over the limit, or failed reads).
#[derive(Clone, Copy)]
struct Batching {
    bytes: usize,
    lines: usize,
}

/// [`par_map_lines_with_limit`] with batches of a given size.
fn par_map_batches<R, T, M, E>(
    reader: R,
    threads: usize,
    Limits { max_line_len, max_problems }: Limits,
    batching: Batching,
    map: M,
    mut each: E,
) where
    R: BufRead + Send,
    T: Send,
    M: Fn(Line) -> T + Sync,
    E: FnMut(T),
{
    let threads = threads.max(1);
    /// A batch of lines: their text end to end, and each line's number and
    /// where its text is (or why it has none).
    #[derive(Default)]
    struct Batch {
        text: Vec<u8>,
        lines: Vec<(u64, Item)>,
    }
    /// One line of a batch.
    enum Item {
        Text(std::ops::Range<usize>),
        TooLong,
        Failed(std::io::Error),
    }
    /// The input, the number of the next batch to be read from it, how
    /// many batches `each` has had, and whether reading has stopped.
    struct Source<R> {
        lines: RawLines<R>,
        seq: u64,
        handed: u64,
        closed: bool,
    }
    /// Stops all reading when dropped: the consumer's when it is done or
    /// unwinds, and a worker's (`on_unwind_only`) when the worker unwinds.
    /// No worker is then left waiting for batches to be handed that never
    /// will be.
    struct Closer<'a, R> {
        source: &'a std::sync::Mutex<Source<R>>,
        handed_more: &'a std::sync::Condvar,
        on_unwind_only: bool,
    }
    impl<R> Drop for Closer<'_, R> {
        fn drop(&mut self) {
            if self.on_unwind_only && !std::thread::panicking() {
                return;
            }
            let mut source = self.source.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            source.closed = true;
            drop(source);
            self.handed_more.notify_all();
        }
    }
    // Batches read but not yet handed to `each`: a worker waits rather than
    // read further ahead, so that results never pile up behind a slow batch.
    let window = 4 * threads as u64;
    impl<R: BufRead> Source<R> {
        /// Reads the next batch into `batch` (emptied first) and gives its
        /// number; `None` at the end of the input.
        fn fill(&mut self, batch: &mut Batch, batching: Batching) -> Option<u64> {
            batch.text.clear();
            batch.lines.clear();
            while batch.text.len() < batching.bytes && batch.lines.len() < batching.lines {
                let Some((number, raw)) = self.lines.next_raw() else { break };
                match raw {
                    Raw::Text => {
                        let from = batch.text.len();
                        batch.text.extend_from_slice(self.lines.text());
                        batch.lines.push((number, Item::Text(from..batch.text.len())));
                    }
                    Raw::TooLong => batch.lines.push((number, Item::TooLong)),
                    Raw::Failed(e) => batch.lines.push((number, Item::Failed(e))),
                }
            }
            if batch.lines.is_empty() {
                return None;
            }
            self.seq += 1;
            Some(self.seq - 1)
        }
    }
    // Each worker reads its own batch, taking turns at the input, then
    // parses it: the text is parsed on the core that copied it, still in
    // that core's cache, and no thread only reads.
    let source = std::sync::Mutex::new(Source {
        lines: RawLines::new(reader, max_line_len),
        seq: 0,
        handed: 0,
        closed: false,
    });
    let handed_more = std::sync::Condvar::new();
    let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<(u64, Vec<T>)>(threads * 2);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (source, handed_more, map) = (&source, &handed_more, &map);
            scope.spawn(move || {
                let mut batch = Batch::default();
                let next = |batch: &mut Batch| {
                    let source = source.lock().ok()?;
                    let mut source = handed_more
                        .wait_while(source, |source| {
                            !source.closed && source.seq >= source.handed + window
                        })
                        .ok()?;
                    if source.closed {
                        return None;
                    }
                    source.fill(batch, batching)
                };
                let _closer = Closer { source, handed_more, on_unwind_only: true };
                // A worker stops at the end of the input, when the consumer
                // has gone, or when another worker panicked.
                while let Some(seq) = next(&mut batch) {
                    let text = &batch.text;
                    let out: Vec<T> = batch
                        .lines
                        .drain(..)
                        .map(|(number, line)| {
                            let result = match line {
                                Item::Text(range) => {
                                    parse_line(text.get(range).unwrap_or_default(), max_problems)
                                }
                                Item::Failed(e) => Err(Error::Io(e)),
                                Item::TooLong => Err(Error::LineTooLong { limit: max_line_len }),
                            };
                            map(Line { number, result })
                        })
                        .collect();
                    if done_tx.send((seq, out)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let _closer = Closer { source: &source, handed_more: &handed_more, on_unwind_only: false };
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0u64;
        for (seq, out) in done_rx {
            pending.insert(seq, out);
            let before = next;
            while let Some(out) = pending.remove(&next) {
                out.into_iter().for_each(&mut each);
                next += 1;
            }
            if next > before {
                if let Ok(mut source) = source.lock() {
                    source.handed = next;
                }
                handed_more.notify_all();
            }
        }
    });
}

/// [`par_map_lines`] with the work most callers want: each line parsed and,
/// when it parses, validated. `each` receives, in input order, the line
/// number and either the record with its problems or the parse error.
///
/// # Example
/// ```
/// let input = r#"{"format_version":"0.2","id":"a","event":{"id":"e","kind":"visit"}}"#;
/// let mut valid = 0;
/// diplomatic_events::par_validate_lines(input.as_bytes(), 2, |line| {
///     if matches!(&line.result, Ok((_, problems)) if problems.is_empty()) {
///         valid += 1;
///     }
/// });
/// assert_eq!(valid, 1);
/// ```
pub fn par_validate_lines<R: BufRead + Send>(
    reader: R,
    threads: usize,
    each: impl FnMut(ValidatedLine),
) {
    par_map_lines(
        reader,
        threads,
        |line| ValidatedLine {
            number: line.number,
            result: line.result.map(|record| {
                let problems = record.validate();
                (record, problems)
            }),
        },
        each,
    );
}

/// One line's outcome from [`par_validate_lines`].
#[derive(Debug)]
#[non_exhaustive]
pub struct ValidatedLine {
    /// The line number, from 1.
    pub number: u64,
    /// The record and its problems, or why the line is not a record.
    pub result: Result<(Record, Vec<crate::Problem>), Error>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Lines that are not records, each with its number in it.
    fn numbered_lines(count: usize) -> String {
        (1..=count).map(|n| format!("[{n}]\n")).collect()
    }

    const TINY: Batching = Batching { bytes: 16, lines: 3 };

    #[test]
    fn tiny_batches_keep_every_line_in_order() {
        let input = numbered_lines(500);
        for threads in [1, 2, 3, 7] {
            let mut seen = Vec::new();
            par_map_batches(
                input.as_bytes(),
                threads,
                Limits::default(),
                TINY,
                |l| l.number,
                |n| seen.push(n),
            );
            assert_eq!(seen, (1..=500).collect::<Vec<u64>>(), "{threads} workers");
        }
    }

    /// With line 1 held for a while, how many lines `map` has seen when
    /// `each` gets its first result, reading with 2 workers.
    fn mapped_while_line_1_is_held(input: &str, max_line_len: usize, batching: Batching) -> usize {
        let mapped = AtomicUsize::new(0);
        let mut mapped_before_first = None;
        par_map_batches(
            input.as_bytes(),
            2,
            Limits::default().with_max_line_len(max_line_len),
            batching,
            |line| {
                if line.number == 1 {
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                mapped.fetch_add(1, Ordering::SeqCst)
            },
            |_| {
                mapped_before_first.get_or_insert(mapped.load(Ordering::SeqCst));
            },
        );
        mapped_before_first.unwrap_or(usize::MAX)
    }

    #[test]
    fn workers_read_no_further_ahead_than_the_window() {
        // With 2 workers, at most 8 batches of 3 lines past the first.
        let ahead = mapped_while_line_1_is_held(&numbered_lines(300), 1 << 20, TINY);
        assert!(ahead <= 3 * (8 + 1), "{ahead} lines mapped before the first was handed on");
    }

    #[test]
    fn a_batch_of_lines_without_text_ends_at_the_line_count() {
        // Every line is over the limit, so no text is kept and only the
        // count of lines ends a batch: without it, all 60 lines would be
        // one batch, handed on whole.
        let input = "xxxxxxxx\n".repeat(60);
        let batching = Batching { bytes: 1 << 20, lines: 4 };
        let ahead = mapped_while_line_1_is_held(&input, 4, batching);
        assert!(ahead <= 4 * (8 + 1), "{ahead} lines mapped before the first was handed on");
    }

    #[test]
    fn a_panic_in_map_or_each_ends_the_call_without_hanging() {
        let input = numbered_lines(300);
        for threads in [1, 2, 3] {
            let in_map = std::panic::catch_unwind(|| {
                par_map_batches(
                    input.as_bytes(),
                    threads,
                    Limits::default(),
                    TINY,
                    |line| assert_ne!(line.number, 5, "map fails on line 5"),
                    |()| {},
                );
            });
            assert!(in_map.is_err(), "{threads} workers");
            let in_each = std::panic::catch_unwind(|| {
                par_map_batches(
                    input.as_bytes(),
                    threads,
                    Limits::default(),
                    TINY,
                    |line| line.number,
                    |n| assert_ne!(n, 5, "each fails on line 5"),
                );
            });
            assert!(in_each.is_err(), "{threads} workers");
        }
    }
}

//! The Python module `diplomatic_events._native`: the crate's reading and
//! validation, called from Python. The Python package re-exports it; its
//! stub (`diplomatic_events/_native.pyi`) documents each function.
//!
//! Rust works with the GIL released (`Python::detach`): reading, checking
//! and writing records never touch Python objects, so other Python threads
//! run meanwhile. Records reach Python as the canonical JSON text, read by
//! Python's own `json` module.

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use diplomatic_events::{Error, Limits, Record};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

pyo3::create_exception!(
    _native,
    DiplomaticEventsError,
    PyValueError,
    "A text that is not a record: `problems` holds every problem found."
);

/// One problem of a record: where, what rule, how bad, and what is wrong.
#[pyclass(frozen, get_all, module = "diplomatic_events", eq, from_py_object)]
#[derive(Clone, PartialEq)]
struct Problem {
    /// JSON Pointer to the offending value; empty for the whole record.
    path: String,
    /// The rule's stable code, such as `"unresolved-reference"`.
    code: String,
    /// `"error"` or `"warning"`.
    severity: String,
    /// What is wrong, naming the offending value.
    message: String,
    /// The line in the record's text (in the line's, for JSON Lines), from 1.
    line: Option<usize>,
    /// The column in that line, from 1.
    column: Option<usize>,
}

#[pymethods]
impl Problem {
    fn __repr__(&self) -> String {
        let place = match (self.line, self.column) {
            (Some(line), Some(column)) => format!(", line={line}, column={column}"),
            _ => String::new(),
        };
        format!(
            "Problem(path={:?}, code={:?}, severity={:?}{place}, message={:?})",
            self.path, self.code, self.severity, self.message
        )
    }

    fn __str__(&self) -> String {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        let place = match (self.line, self.column) {
            (Some(line), Some(column)) => format!(" (line {line}, column {column})"),
            _ => String::new(),
        };
        format!("{}[{}] {path}{place}: {}", self.severity, self.code, self.message)
    }
}

impl From<diplomatic_events::Problem> for Problem {
    fn from(problem: diplomatic_events::Problem) -> Self {
        let known = problem.location.line > 0;
        Problem {
            path: problem.path,
            code: problem.code.as_str().to_owned(),
            severity: problem.severity.as_str().to_owned(),
            message: problem.message,
            line: known.then_some(problem.location.line),
            column: known.then_some(problem.location.column),
        }
    }
}

/// The text of a `str`, or of `bytes` that must be UTF-8 (a byte-order
/// mark at the start is the reader's to skip).
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn from_python(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(text) = text.cast::<PyString>() {
            return Ok(Input::Text(text.to_cow()?.into_owned()));
        }
        if let Ok(bytes) = text.cast::<PyBytes>() {
            return Ok(Input::Bytes(bytes.as_bytes().to_vec()));
        }
        Err(PyTypeError::new_err("expected str or bytes"))
    }

    /// The record, or every problem of a text that is not one.
    fn read(&self, max_problems: usize) -> Result<Record, Error> {
        let text = match self {
            Input::Text(text) => text.as_str(),
            Input::Bytes(bytes) => std::str::from_utf8(bytes)
                .map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?,
        };
        Record::from_json_with_max_problems(text, max_problems)
    }
}

/// Every problem of a read, or of the record read.
fn problems_of(result: Result<Record, Error>) -> Vec<Problem> {
    let problems = match result {
        Ok(record) => record.validate(),
        Err(error) => error.into_problems(),
    };
    problems.into_iter().map(Problem::from).collect()
}

/// The exception for a text that is not a record.
fn not_a_record(py: Python<'_>, error: Error) -> PyErr {
    if let Error::Io(error) = error {
        return error.into();
    }
    let message = error.to_string();
    let problems: Vec<Problem> = error.into_problems().into_iter().map(Problem::from).collect();
    let exception = DiplomaticEventsError::new_err(message);
    if let Ok(problems) = problems.into_pyobject(py) {
        let _ = exception.value(py).setattr("problems", problems);
    }
    exception
}

/// Python's `json.loads` of a text the crate wrote.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

#[pyfunction]
#[pyo3(signature = (text, *, max_problems = 100))]
fn validate(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    max_problems: usize,
) -> PyResult<Vec<Problem>> {
    let input = Input::from_python(text)?;
    Ok(py.detach(|| problems_of(input.read(max_problems))))
}

#[pyfunction]
#[pyo3(signature = (path, *, max_problems = 100))]
fn validate_file(py: Python<'_>, path: PathBuf, max_problems: usize) -> PyResult<Vec<Problem>> {
    let bytes = py.detach(|| -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        diplomatic_events::decompressed(std::fs::File::open(&path)?)?.read_to_end(&mut bytes)?;
        Ok(bytes)
    })?;
    let input = Input::Bytes(bytes);
    Ok(py.detach(|| problems_of(input.read(max_problems))))
}

#[pyfunction]
#[pyo3(signature = (text, *, max_problems = 100))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    max_problems: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let input = Input::from_python(text)?;
    let json = py.detach(|| input.read(max_problems).and_then(|record| record.to_json_line()));
    loads(py, &json.map_err(|error| not_a_record(py, error))?)
}

#[pyfunction]
#[pyo3(signature = (text, *, max_problems = 100))]
fn canonical(py: Python<'_>, text: &Bound<'_, PyAny>, max_problems: usize) -> PyResult<String> {
    let input = Input::from_python(text)?;
    let json = py.detach(|| input.read(max_problems).and_then(|record| record.to_json_pretty()));
    json.map_err(|error| not_a_record(py, error))
}

#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    loads(py, &diplomatic_events::schema::record_schema_json())
}

/// One line's outcome, made in Rust: its number, the record's canonical
/// JSON when it is one, and its problems; or the read error that ends the
/// input.
type Outcome = Result<(u64, Option<String>, Vec<diplomatic_events::Problem>), std::io::Error>;

/// The records of a JSON Lines input, read and checked on Rust threads
/// while Python takes them one at a time. They come over in batches of
/// [`BATCH`] lines, [`BATCHES`] at most waiting, so memory stays bounded
/// whatever the input's length.
#[pyclass(module = "diplomatic_events")]
struct JsonLinesIterator {
    batches: Mutex<Receiver<Vec<Outcome>>>,
    /// The rest of the last batch received.
    lines: Mutex<VecDeque<Outcome>>,
    /// Set when the iterator goes: the reader then stops at once.
    stop: Arc<AtomicBool>,
}

/// Lines handed to Python at once. Each hand-over releases and takes the
/// GIL and wakes a thread: batches of 64 rather than single lines took the
/// imported visits from 103,000 to 120,000 records a second, and the
/// committed records from 39,000 to 43,000 (`python/bench/bench.py`, one
/// Rust thread; the rest of the time is Python's, making the dicts).
const BATCH: usize = 64;

/// Batches that wait for Python at most: 1,024 lines.
const BATCHES: usize = 16;

#[pymethods]
impl JsonLinesIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let mut lines =
            self.lines.lock().map_err(|_| PyValueError::new_err("iterator poisoned"))?;
        if lines.is_empty() {
            let batch = py.detach(|| self.batches.lock().ok().and_then(|b| b.recv().ok()));
            lines.extend(batch.into_iter().flatten());
        }
        let Some(outcome) = lines.pop_front() else { return Ok(None) };
        drop(lines);
        let (number, json, problems) = outcome?;
        let record = match json {
            Some(json) => Some(loads(py, &json)?),
            None => None,
        };
        let problems: Vec<Problem> = problems.into_iter().map(Problem::from).collect();
        Ok(Some((number, record, problems).into_pyobject(py)?.into_any()))
    }
}

impl Drop for JsonLinesIterator {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A reader that ends as soon as `stop` is set.
struct Stoppable<R> {
    inner: R,
    stop: Arc<AtomicBool>,
}

impl<R: Read> Read for Stoppable<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) { Ok(0) } else { self.inner.read(buffer) }
    }
}

/// A Python binary (or text) file, read from a Rust thread: each read
/// takes the GIL for as long as the file's `read` takes.
struct PythonFile {
    file: Py<PyAny>,
    /// What a read gave beyond the buffer (a text file's `read(n)` counts
    /// characters, which may be more than n bytes), for the next read.
    pending: Vec<u8>,
}

impl Read for PythonFile {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            self.pending = Python::attach(|py| -> PyResult<Vec<u8>> {
                let chunk = self.file.bind(py).call_method1("read", (buffer.len(),))?;
                match chunk.cast::<PyString>() {
                    Ok(text) => Ok(text.to_cow()?.as_bytes().to_vec()),
                    Err(_) => chunk.extract(),
                }
            })
            .map_err(std::io::Error::other)?;
        }
        let length = buffer.len().min(self.pending.len());
        let (Some(target), Some(source)) = (buffer.get_mut(..length), self.pending.get(..length))
        else {
            return Ok(0);
        };
        target.copy_from_slice(source);
        self.pending.drain(..length);
        Ok(length)
    }
}

#[pyfunction]
#[pyo3(signature = (source, threads = None, *, max_problems = 100, records = true))]
fn iter_jsonl(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    threads: Option<usize>,
    max_problems: usize,
    records: bool,
) -> PyResult<JsonLinesIterator> {
    let stop = Arc::new(AtomicBool::new(false));
    let reader: Box<dyn Read + Send> = if source.hasattr("read")? {
        Box::new(PythonFile { file: source.clone().unbind(), pending: Vec::new() })
    } else {
        let path: PathBuf = source.extract()?;
        Box::new(py.detach(|| std::fs::File::open(path))?)
    };
    let reader = Stoppable { inner: reader, stop: stop.clone() };
    let reader = py.detach(|| diplomatic_events::decompressed(reader))?;
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok().map(std::num::NonZeroUsize::get))
        .unwrap_or(1)
        .max(1);
    let (sender, receiver) = sync_channel(BATCHES);
    std::thread::spawn(move || read_lines(reader, threads, max_problems, records, &sender));
    Ok(JsonLinesIterator {
        batches: Mutex::new(receiver),
        lines: Mutex::new(VecDeque::new()),
        stop,
    })
}

/// Reads and checks each line on `threads` workers, in line order, and
/// writes each record's canonical JSON when `records` asks for it.
fn read_lines(
    reader: impl BufRead + Send,
    threads: usize,
    max_problems: usize,
    records: bool,
    sender: &SyncSender<Vec<Outcome>>,
) {
    let limits = Limits::default().with_max_problems(max_problems);
    let mut batch = Vec::with_capacity(BATCH);
    diplomatic_events::par_map_lines_with_limits(
        reader,
        threads,
        limits,
        |line| match line.result {
            Err(Error::Io(error)) => Err(error),
            Ok(record) => {
                let problems = record.validate();
                let json = if records { record.to_json_line().ok() } else { None };
                Ok((line.number, json, problems))
            }
            Err(error) => Ok((line.number, None, error.into_problems())),
        },
        |outcome| {
            batch.push(outcome);
            if batch.len() == BATCH {
                // An error: Python has let the iterator go, and the reader
                // stops; nothing more to hand over.
                let _ = sender.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
            }
        },
    );
    if !batch.is_empty() {
        let _ = sender.send(batch);
    }
}

// The signatures above say 100, the crate's default, as a literal, so that
// Python shows it (`help`, the stub): it must stay the crate's.
const _: () = assert!(diplomatic_events::DEFAULT_MAX_PROBLEMS == 100);

/// The Rust half of the `diplomatic_events` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("FORMAT_VERSION", diplomatic_events::FormatVersion::CURRENT.as_str())?;
    m.add("DEFAULT_MAX_PROBLEMS", diplomatic_events::DEFAULT_MAX_PROBLEMS)?;
    m.add("DiplomaticEventsError", m.py().get_type::<DiplomaticEventsError>())?;
    m.add_class::<Problem>()?;
    m.add_class::<JsonLinesIterator>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_file, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(canonical, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(iter_jsonl, m)?)?;
    Ok(())
}

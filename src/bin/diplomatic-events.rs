//! The `diplomatic-events` command: validate record files, and export
//! them as event-data rows.
//!
//! A thin layer over the library: it reads files, calls `Record::from_json`,
//! `JsonLines` and `Record::validate`, and prints what they report.

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use diplomatic_events::{Error, Problem, Record, Severity};

/// Validate records of diplomatic events.
#[derive(Parser)]
#[command(name = "diplomatic-events", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check record files and report every problem.
    ///
    /// PATH is a .json file (one record), a .jsonl or .ndjson file (one record
    /// per line; blank lines are skipped), or - for JSON Lines on standard
    /// input. Files and standard input compressed with gzip or zstd (such
    /// as visits.jsonl.gz or part-1.ndjson.zst) are read as they stream.
    /// Every problem of a record is printed, with its line and column.
    /// Exits 0 when every record is valid, 1 when any record has an error
    /// (or a warning, with --deny-warnings), 2 on a usage or read error.
    Validate {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Treat warnings as errors for the exit status.
        #[arg(long)]
        deny_warnings: bool,
        /// Worker threads for JSON Lines (default: one per core). Output
        /// order is the input's whatever the number.
        #[arg(long, value_name = "N")]
        threads: Option<std::num::NonZeroUsize>,
        /// The most problems reported for one record that cannot be read;
        /// one more line then says how many were left out.
        #[arg(long, value_name = "N", default_value_t = diplomatic_events::DEFAULT_MAX_PROBLEMS)]
        max_problems: usize,
        /// Files to check.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
    },
    /// Derive event-data rows from record files (PLOVER events, CAMEO
    /// rows), or write them as Parquet tables.
    ///
    /// PATH is as for `validate`. PLOVER events (JSON Lines) and CAMEO rows
    /// (tab-separated, under a header in GDELT's column order) go to
    /// standard output. Parquet tables go into --out DIR, a new or empty
    /// folder, one folder per table (see docs/tables.md), with a progress
    /// line on a terminal. Records with an error are reported on standard
    /// error as `validate` reports them and not exported; the summary, on
    /// standard error, says how many. Exit codes as `validate`.
    Export {
        /// What to derive.
        #[arg(long, value_enum)]
        to: Target,
        /// The folder for Parquet tables (--to parquet only).
        #[arg(long, value_name = "DIR", required_if_eq("to", "parquet"))]
        out: Option<std::path::PathBuf>,
        /// Split Parquet tables into a folder per year of the record's
        /// event, hive-style: DIR/events/year=2024/part-0.parquet.
        #[arg(long, value_enum, value_name = "BY")]
        partition: Option<PartitionBy>,
        /// Worker threads for JSON Lines (default: one per core).
        #[arg(long, value_name = "N")]
        threads: Option<std::num::NonZeroUsize>,
        /// Files to export.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
    },
    /// Print the JSON Schema of records, or write it into a folder.
    ///
    /// Without --out, prints the record schema. With --out DIR, writes
    /// DIR/record.schema.json (the file committed under schemas/).
    Schema {
        /// Folder to write the schema files into.
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Target {
    /// PLOVER events, one JSON object per line.
    Plover,
    /// CAMEO/GDELT-style rows, tab-separated, with a header.
    Cameo,
    /// Normalized Parquet tables, into --out DIR (a build with the
    /// `parquet` feature).
    Parquet,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PartitionBy {
    /// The year of the record's event (its start, else its end).
    Year,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One problem per line, `file:line: severity[code] path: message`,
    /// with the line and column in the text when known, then a summary.
    Text,
    /// One JSON object per problem per line.
    Json,
}

/// One problem as printed by `--format json`, fields in this order.
#[derive(serde::Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    line: Option<u64>,
    /// Line and column in the record's text (in the line's, for JSON
    /// Lines); absent when the problem has none (a record rule's on a
    /// record that was read).
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<JsonLocation>,
    path: &'a str,
    code: &'a str,
    severity: &'a str,
    message: &'a str,
}

/// Where a problem is in its record's text.
#[derive(serde::Serialize)]
struct JsonLocation {
    line: usize,
    column: usize,
}

/// The last line of the text output: `1 record read: 1 valid, 0 with
/// errors, 0 with warnings`, or `3274 records read from 7 files: ...`.
fn summary(tally: &Tally, files: usize) -> String {
    let records = match tally.records {
        1 => "1 record read".to_owned(),
        n => format!("{n} records read"),
    };
    let from = if files > 1 { format!(" from {files} files") } else { String::new() };
    let valid = tally.records - tally.with_errors;
    format!(
        "{records}{from}: {valid} valid, {} with errors, {} with warnings",
        tally.with_errors, tally.with_warnings
    )
}

/// Counts over all records read.
#[derive(Default)]
struct Tally {
    records: u64,
    with_errors: u64,
    with_warnings: u64,
    unreadable: bool,
}

impl Tally {
    /// The exit code of `validate` and `export`: 2 when a file could not
    /// be read, 1 when a record has an error (or a warning, with
    /// `deny_warnings`), else 0.
    fn exit_code(&self, deny_warnings: bool) -> ExitCode {
        if self.unreadable {
            ExitCode::from(2)
        } else if self.with_errors > 0 || (deny_warnings && self.with_warnings > 0) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

struct Output<W: Write> {
    out: W,
    format: Format,
    tally: Tally,
}

impl<W: Write> Output<W> {
    /// Reports one record's problems; `line` is the JSON Lines line number.
    fn record(
        &mut self,
        file: &str,
        line: Option<u64>,
        problems: &[Problem],
    ) -> std::io::Result<()> {
        self.tally.records += 1;
        if problems.iter().any(|p| p.severity == Severity::Error) {
            self.tally.with_errors += 1;
        }
        if problems.iter().any(|p| p.severity == Severity::Warning) {
            self.tally.with_warnings += 1;
        }
        for problem in problems {
            self.problem(file, line, problem)?;
        }
        Ok(())
    }

    fn problem(&mut self, file: &str, line: Option<u64>, problem: &Problem) -> std::io::Result<()> {
        match self.format {
            Format::Json => {
                let location = problem.location;
                let object = JsonProblem {
                    file,
                    line,
                    location: (location.line > 0)
                        .then_some(JsonLocation { line: location.line, column: location.column }),
                    path: &problem.path,
                    code: problem.code.as_str(),
                    severity: problem.severity.as_str(),
                    message: &problem.message,
                };
                serde_json::to_writer(&mut self.out, &object)?;
                writeln!(self.out)
            }
            Format::Text => {
                let place = match line {
                    Some(line) => format!("{file}:{line}"),
                    None => file.to_owned(),
                };
                let path = if problem.path.is_empty() { "(root)" } else { &problem.path };
                // A JSON Lines record is one line: its column is enough.
                let location = match (line, problem.location) {
                    (_, location) if location.line == 0 => String::new(),
                    (Some(_), location) if location.line == 1 => {
                        format!(" (column {})", location.column)
                    }
                    (_, location) => {
                        format!(" (line {}, column {})", location.line, location.column)
                    }
                };
                writeln!(
                    self.out,
                    "{place}: {}[{}] {path}: {}{location}",
                    problem.severity, problem.code, problem.message
                )
            }
        }
    }

    /// A file that could not be read at all.
    fn unreadable(&mut self, file: &str, error: &dyn std::fmt::Display) {
        self.tally.unreadable = true;
        eprintln!("diplomatic-events: {file}: {error}");
    }
}

/// What a path holds, by its name: one record (`.json`), or JSON Lines
/// (`.jsonl`, `.ndjson`); either may end in `.gz` or `.zst`, though the
/// first bytes, not the name, say whether it is compressed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Record,
    Lines,
}

const UNKNOWN_TYPE: &str = "unknown file type: expected a .json, .jsonl or .ndjson file \
     (optionally .gz or .zst), or - for standard input";

fn input_of(file: &str) -> Option<Input> {
    let name = file.strip_suffix(".gz").or_else(|| file.strip_suffix(".zst")).unwrap_or(file);
    match Path::new(name).extension().and_then(|e| e.to_str()) {
        Some("json") => Some(Input::Record),
        Some("jsonl" | "ndjson") => Some(Input::Lines),
        _ => None,
    }
}

/// A file's text, decompressed when its first bytes say it is compressed.
fn open(file: &str) -> std::io::Result<Box<dyn BufRead + Send>> {
    diplomatic_events::decompressed(std::fs::File::open(file)?)
}

/// Standard input, decompressed when its first bytes say it is compressed.
fn open_stdin() -> std::io::Result<Box<dyn BufRead + Send>> {
    diplomatic_events::decompressed(std::io::stdin())
}

/// One record's file, read whole (decompressed when it is compressed).
fn read_record(file: &str, max_problems: usize) -> std::io::Result<Result<Record, Error>> {
    let mut bytes = Vec::new();
    open(file)?.read_to_end(&mut bytes)?;
    Ok(match std::str::from_utf8(&bytes) {
        Ok(text) => Record::from_json_with_max_problems(text, max_problems),
        Err(e) => Err(Error::InvalidUtf8 { offset: e.valid_up_to() }),
    })
}

/// The problems of one parsed-or-not record: every one.
fn problems_of(result: Result<Record, Error>) -> Vec<Problem> {
    match result {
        Ok(record) => record.validate(),
        Err(error) => error.into_problems(),
    }
}

fn check_json_file<W: Write>(
    output: &mut Output<W>,
    file: &str,
    max_problems: usize,
) -> std::io::Result<()> {
    match read_record(file, max_problems) {
        Ok(result) => output.record(file, None, &problems_of(result)),
        Err(e) => {
            output.unreadable(file, &e);
            Ok(())
        }
    }
}

/// Reads JSON Lines on `threads` workers; problems are printed in line order.
fn check_json_lines<W: Write, R: BufRead + Send>(
    output: &mut Output<W>,
    file: &str,
    reader: R,
    threads: usize,
    max_problems: usize,
) -> std::io::Result<()> {
    let mut result = Ok(());
    let mut stopped = false;
    diplomatic_events::par_map_lines_with_limits(
        reader,
        threads,
        diplomatic_events::Limits::default().with_max_problems(max_problems),
        |line| match line.result {
            Err(Error::Io(e)) => (line.number, Err(e.to_string())),
            other => (line.number, Ok(problems_of(other))),
        },
        |(number, problems)| {
            if stopped || result.is_err() {
                return;
            }
            match problems {
                Err(e) => {
                    output.unreadable(file, &format!("line {number}: {e}"));
                    stopped = true;
                }
                Ok(problems) => result = output.record(file, Some(number), &problems),
            }
        },
    );
    result
}

fn validate(
    format: Format,
    deny_warnings: bool,
    threads: usize,
    max_problems: usize,
    paths: &[String],
) -> std::io::Result<ExitCode> {
    let stdout = std::io::stdout().lock();
    let mut output =
        Output { out: std::io::BufWriter::new(stdout), format, tally: Tally::default() };
    for file in paths {
        let lines = match (file.as_str(), input_of(file)) {
            ("-", _) => open_stdin(),
            (_, Some(Input::Lines)) => open(file),
            (_, Some(Input::Record)) => {
                check_json_file(&mut output, file, max_problems)?;
                continue;
            }
            (_, None) => {
                output.unreadable(file, &UNKNOWN_TYPE);
                continue;
            }
        };
        match lines {
            Ok(lines) => check_json_lines(&mut output, file, lines, threads, max_problems)?,
            Err(e) => output.unreadable(file, &e),
        }
    }
    let tally = &output.tally;
    if format == Format::Text {
        writeln!(output.out, "{}", summary(tally, paths.len()))?;
    }
    output.out.flush()?;
    let tally = &output.tally;
    Ok(tally.exit_code(deny_warnings))
}

/// The derived lines of one record, already written out, how many, the
/// record's problems, and the items whose CAMEO rows were over the limit.
type Exported = (Vec<u8>, u64, Vec<Problem>, Vec<String>);

/// Derives and writes one record's rows.
fn export_record(target: Target, result: Result<Record, Error>) -> std::io::Result<Exported> {
    use diplomatic_events::event_data::{check, write_cameo_rows, write_plover_events};
    /// Room for a record's lines at first: a visit's PLOVER event or CAMEO
    /// rows take under a kilobyte, and a buffer grown from nothing was
    /// reallocated seven times for each.
    const FIRST_CAPACITY: usize = 1024;
    let checked = check(0, result);
    let mut out = Vec::new();
    let mut lines = 0;
    let mut over_limit = Vec::new();
    if let Some(record) = &checked.record {
        match target {
            Target::Plover => {
                out.reserve(FIRST_CAPACITY);
                lines += write_plover_events(record, &mut out) as u64;
            }
            Target::Cameo => {
                let mut text = String::with_capacity(FIRST_CAPACITY);
                let written = write_cameo_rows(record, &mut text);
                lines += written.rows as u64;
                over_limit = written.over_limit;
                out = text.into_bytes();
            }
            Target::Parquet => {}
        }
    }
    Ok((out, lines, checked.problems, over_limit))
}

/// Counts of an export.
#[derive(Default)]
struct Exports {
    exported: u64,
    rows: u64,
}

fn export(target: Target, threads: usize, paths: &[String]) -> std::io::Result<ExitCode> {
    // Rows are written in pieces of a mebibyte: with the standard 8 KiB,
    // the command spent 10-20 % more CPU time when writing into a file
    // (3,700 writes for 30 MB of PLOVER events, against 30).
    let mut stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    // Problems go to standard error, in `validate`'s text form.
    let mut output = Output {
        out: std::io::BufWriter::new(std::io::stderr().lock()),
        format: Format::Text,
        tally: Tally::default(),
    };
    let mut exports = Exports::default();
    if target == Target::Cameo {
        writeln!(stdout, "{}", diplomatic_events::event_data::cameo_header())?;
    }
    type Stderr = std::io::BufWriter<std::io::StderrLock<'static>>;
    let mut write = |output: &mut Output<Stderr>,
                     stdout: &mut std::io::BufWriter<_>,
                     file: &str,
                     line: Option<u64>,
                     (rows, lines, problems, over_limit): Exported|
     -> std::io::Result<()> {
        output.record(file, line, &problems)?;
        if !problems.iter().any(|p| p.severity == Severity::Error) {
            exports.exported += 1;
            exports.rows += lines;
            stdout.write_all(&rows)?;
        }
        for pointer in over_limit {
            let place = line.map_or_else(|| file.to_owned(), |line| format!("{file}:{line}"));
            writeln!(
                output.out,
                "{place}: note {pointer}: its CAMEO rows would be more than {}; none written",
                diplomatic_events::event_data::MAX_ROWS_PER_ACT
            )?;
        }
        Ok(())
    };
    for file in paths {
        let input = if file == "-" { Some(Input::Lines) } else { input_of(file) };
        if input == Some(Input::Lines) {
            let reader = if file == "-" { open_stdin() } else { open(file) };
            let reader = match reader {
                Ok(reader) => reader,
                Err(e) => {
                    output.unreadable(file, &e);
                    continue;
                }
            };
            let mut result = Ok(());
            diplomatic_events::par_map_lines(
                reader,
                threads,
                |line| (line.number, export_record(target, line.result)),
                |(number, exported)| {
                    if result.is_ok() {
                        result = exported.and_then(|exported| {
                            write(&mut output, &mut stdout, file, Some(number), exported)
                        });
                    }
                },
            );
            result?;
        } else if input == Some(Input::Record) {
            let parsed = match read_record(file, diplomatic_events::DEFAULT_MAX_PROBLEMS) {
                Ok(parsed) => parsed,
                Err(e) => {
                    output.unreadable(file, &e);
                    continue;
                }
            };
            let exported = export_record(target, parsed)?;
            write(&mut output, &mut stdout, file, None, exported)?;
        } else {
            output.unreadable(file, &UNKNOWN_TYPE);
        }
    }
    stdout.flush()?;
    let tally = &output.tally;
    let noun = match target {
        Target::Plover => "PLOVER events",
        Target::Cameo | Target::Parquet => "CAMEO rows",
    };
    writeln!(
        output.out,
        "{}: {} exported ({} {noun}), {} skipped with errors",
        summary(tally, paths.len()).split(':').next().unwrap_or_default(),
        exports.exported,
        exports.rows,
        tally.with_errors
    )?;
    output.out.flush()?;
    Ok(tally.exit_code(false))
}

/// A usage error: the message on standard error, exit code 2.
fn usage(message: &str) -> std::io::Result<ExitCode> {
    eprintln!("diplomatic-events: {message}");
    Ok(ExitCode::from(2))
}

/// `export --to parquet`.
#[cfg(feature = "parquet")]
#[path = "diplomatic-events/parquet.rs"]
mod parquet;

/// `export --to parquet` in a build without the `parquet` feature.
#[cfg(not(feature = "parquet"))]
mod parquet {
    use std::process::ExitCode;

    pub(crate) fn export(
        _: &std::path::Path,
        _: Option<super::PartitionBy>,
        _: usize,
        _: &[String],
    ) -> std::io::Result<ExitCode> {
        super::usage(
            "this build writes no Parquet: build it with the parquet feature \
             (cargo run --release --features cli,parquet -- export --to parquet ...)",
        )
    }
}

fn write_schema(out: Option<&Path>) -> ExitCode {
    let schema = diplomatic_events::schema::record_schema_json();
    let result = match out {
        None => std::io::stdout().lock().write_all(schema.as_bytes()),
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(dir.join("record.schema.json"), &schema)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("diplomatic-events: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let threads_or_cores = |threads: Option<std::num::NonZeroUsize>| {
        threads
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, std::num::NonZeroUsize::get)
    };
    match cli.command {
        Command::Schema { out } => write_schema(out.as_deref()),
        Command::Export { to, out, partition, threads, paths } => {
            let threads = threads_or_cores(threads);
            let result = match (to, out) {
                (Target::Parquet, Some(out)) => parquet::export(&out, partition, threads, &paths),
                (Target::Parquet, None) => usage("--to parquet needs --out DIR"),
                (_, Some(_)) => {
                    usage("--out is for --to parquet; PLOVER and CAMEO rows go to standard output")
                }
                (_, None) if partition.is_some() => usage("--partition is for --to parquet"),
                (_, None) => export(to, threads, &paths),
            };
            match result {
                Ok(code) => code,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("diplomatic-events: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Validate { format, deny_warnings, threads, max_problems, paths } => {
            let threads = threads_or_cores(threads);
            match validate(format, deny_warnings, threads, max_problems, &paths) {
                Ok(code) => code,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("diplomatic-events: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

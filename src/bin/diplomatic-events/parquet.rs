//! `export --to parquet`: records into the Parquet tables of
//! `diplomatic_events::tables`, with a progress line on a terminal.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use diplomatic_events::event_data::{CheckedRecord, check};
use diplomatic_events::tables::{ParquetTables, Partitioning, TableOptions, TablesError};

use super::{
    Format, Input, Output, PartitionBy, Tally, UNKNOWN_TYPE, input_of, open, open_stdin,
    read_record, summary,
};

/// A reader that counts the bytes taken from it, for the progress line.
struct Counted<R> {
    inner: R,
    bytes: Arc<AtomicU64>,
}

impl<R: BufRead> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        self.inner.consume(n);
    }
}

/// The progress line: records read, written and rejected, and the rate.
/// It is drawn on standard error only when that is a terminal.
struct Progress {
    bar: indicatif::ProgressBar,
    bytes: Arc<AtomicU64>,
    started: Instant,
    written: u64,
}

impl Progress {
    fn new() -> Self {
        let bar = indicatif::ProgressBar::with_draw_target(
            None,
            indicatif::ProgressDrawTarget::stderr_with_hz(4),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Progress { bar, bytes: Arc::default(), started: Instant::now(), written: 0 }
    }

    fn show(&self, tally: &Tally) {
        if self.bar.is_hidden() {
            return;
        }
        let megabytes = self.bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} records read, {} written, {} rejected; {megabytes:.0} MB at {:.1} MB/s",
            tally.records,
            self.written,
            tally.with_errors,
            megabytes / seconds
        ));
    }
}

/// What stopped an export: a file that could not be written.
enum Stop {
    Tables(TablesError),
    Io(std::io::Error),
}

impl From<TablesError> for Stop {
    fn from(error: TablesError) -> Self {
        Stop::Tables(error)
    }
}

impl From<std::io::Error> for Stop {
    fn from(error: std::io::Error) -> Self {
        Stop::Io(error)
    }
}

/// Writes one checked record: its problems to standard error, and the
/// record, when it has no error, to the tables.
fn take<W: Write>(
    output: &mut Output<W>,
    tables: &mut ParquetTables,
    progress: &mut Progress,
    file: &str,
    line: Option<u64>,
    checked: CheckedRecord,
) -> Result<(), Stop> {
    output.record(file, line, &checked.problems)?;
    if let Some(record) = &checked.record {
        tables.write(record)?;
        progress.written += 1;
    }
    if output.tally.records % 512 == 0 {
        progress.show(&output.tally);
    }
    Ok(())
}

pub(crate) fn export(
    out: &std::path::Path,
    partition: Option<PartitionBy>,
    threads: usize,
    paths: &[String],
) -> std::io::Result<ExitCode> {
    let partitioning = match partition {
        Some(PartitionBy::Year) => Partitioning::Year,
        None => Partitioning::None,
    };
    let mut tables =
        match ParquetTables::create(out, TableOptions::default().with_partitioning(partitioning)) {
            Ok(tables) => tables,
            Err(e) => return super::usage(&e.to_string()),
        };
    let mut output = Output {
        out: std::io::BufWriter::new(std::io::stderr().lock()),
        format: Format::Text,
        tally: Tally::default(),
    };
    let mut progress = Progress::new();
    let mut stop = None;
    for file in paths {
        let input = if file == "-" { Some(Input::Lines) } else { input_of(file) };
        match input {
            Some(Input::Lines) => {
                let reader = if file == "-" { open_stdin() } else { open(file) };
                let reader = match reader {
                    Ok(reader) => Counted { inner: reader, bytes: Arc::clone(&progress.bytes) },
                    Err(e) => {
                        output.unreadable(file, &e);
                        continue;
                    }
                };
                diplomatic_events::par_map_lines(
                    reader,
                    threads,
                    |line| match line.result {
                        Err(diplomatic_events::Error::Io(e)) => (line.number, Err(e.to_string())),
                        other => (line.number, Ok(check(line.number, other))),
                    },
                    |(number, checked)| {
                        if stop.is_some() || output.tally.unreadable {
                            return;
                        }
                        match checked {
                            Err(e) => output.unreadable(file, &format!("line {number}: {e}")),
                            Ok(checked) => {
                                let taken = take(
                                    &mut output,
                                    &mut tables,
                                    &mut progress,
                                    file,
                                    Some(number),
                                    checked,
                                );
                                stop = taken.err();
                            }
                        }
                    },
                );
            }
            Some(Input::Record) => match read_record(file, diplomatic_events::DEFAULT_MAX_PROBLEMS)
            {
                Ok(result) => {
                    let checked = check(0, result);
                    let taken = take(&mut output, &mut tables, &mut progress, file, None, checked);
                    stop = taken.err();
                }
                Err(e) => output.unreadable(file, &e),
            },
            None => output.unreadable(file, &UNKNOWN_TYPE),
        }
        if stop.is_some() {
            break;
        }
    }
    progress.bar.finish_and_clear();
    let written = progress.written;
    let finished = match stop {
        None => tables.finish().map_err(Stop::Tables),
        Some(stop) => Err(stop),
    };
    let tally = &output.tally;
    let read = summary(tally, paths.len());
    let read = read.split(':').next().unwrap_or_default();
    match finished {
        Ok(done) => {
            let seconds = progress.started.elapsed().as_secs_f64();
            let megabytes = progress.bytes.load(Ordering::Relaxed) as f64 / 1e6;
            writeln!(
                output.out,
                "{read}: {written} written to {} ({} files, {} bytes), {} rejected with errors; \
                 {megabytes:.1} MB in {seconds:.1} s",
                out.display(),
                done.files,
                done.bytes,
                tally.with_errors,
            )?;
        }
        Err(stop) => {
            output.out.flush()?;
            match stop {
                Stop::Tables(e) => eprintln!("diplomatic-events: {e}"),
                Stop::Io(e) => return Err(e),
            }
            return Ok(ExitCode::from(2));
        }
    }
    output.out.flush()?;
    Ok(tally.exit_code(false))
}

//! Converts the Office of the Historian's "Visits by Foreign Leaders" XML
//! files to JSON Lines of validated records.
//!
//! ```sh
//! cargo run --release --example import_history_state -- [--merge] visits/data/*.xml > visits.jsonl
//! ```
//!
//! Each `<visit>` becomes a record: the visitor (titles and name, several
//! visitors in one row), the party they came from (resolved from the `from`
//! element's label, slug and the visit's date; former states, uncoded
//! polities and non-ISO codes kept), the United States as host, the dates
//! at day precision, the event kind the description says, and the dataset
//! and row id as the source. `--merge` joins the rows of one multilateral
//! summit (same dates and description, different countries) into one record.
//! Text taken from the XML has its white space collapsed to single spaces
//! (the XML wraps descriptions over lines; record text holds no line breaks);
//! nothing else in it is changed.
//! The figures go to standard error.

#[path = "convert.rs"]
mod convert;

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use convert::{Failure, convert, group, read_rows};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let mut merge = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--merge" {
            merge = true;
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        eprintln!("usage: import_history_state [--merge] FILE.xml...");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut rows_read, mut written, mut with_errors) = (0usize, 0usize, 0usize);
    let mut warnings: BTreeMap<String, usize> = BTreeMap::new();
    let mut unresolved: BTreeMap<String, usize> = BTreeMap::new();
    for file in &files {
        let rows = match std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|xml| read_rows(&xml))
        {
            Ok(rows) => rows,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(2);
            }
        };
        rows_read += rows.len();
        for group in group(&rows, merge) {
            let ids: Vec<&str> = group.iter().map(|r| r.id.as_str()).collect();
            match convert(&group) {
                Ok(record) => {
                    let problems = record.validate();
                    let errors: Vec<_> = problems
                        .iter()
                        .filter(|p| p.severity == diplomatic_events::Severity::Error)
                        .collect();
                    for problem in &problems {
                        if problem.severity == diplomatic_events::Severity::Warning {
                            *warnings.entry(problem.code.to_string()).or_default() += 1;
                        }
                    }
                    if !errors.is_empty() {
                        with_errors += 1;
                        for problem in errors {
                            eprintln!("{file}: visit {}: {problem}", ids.join(","));
                        }
                        continue;
                    }
                    match record.to_json_line() {
                        Ok(line) => {
                            if writeln!(out, "{line}").is_err() {
                                return ExitCode::from(2);
                            }
                            written += 1;
                        }
                        Err(e) => {
                            eprintln!("{file}: visit {}: {e}", ids.join(","));
                            with_errors += 1;
                        }
                    }
                }
                Err(Failure::Unresolved { slug, label }) => {
                    eprintln!(
                        "{file}: visit {}: country not resolved: {slug} ({label})",
                        ids.join(",")
                    );
                    *unresolved.entry(format!("{slug} ({label})")).or_default() += 1;
                }
                Err(Failure::Invalid(e)) => {
                    eprintln!("{file}: visit {}: {e}", ids.join(","));
                    with_errors += 1;
                }
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    eprintln!(
        "{rows_read} rows read, {written} records written, {with_errors} with errors, {} rows with countries not resolved, in {:.2} s",
        unresolved.values().sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
    for (code, count) in &warnings {
        eprintln!("warning {code}: {count}");
    }
    for (country, count) in &unresolved {
        eprintln!("not resolved: {country}: {count}");
    }
    if with_errors > 0 || !unresolved.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

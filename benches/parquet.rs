//! JSON Lines in, Parquet tables out: the pipeline of `export --to
//! parquet` (`par_map_lines` reading, parsing and validating on worker
//! threads, `ParquetTables` writing on the calling thread) on one and two
//! workers, beside `validate` alone on the same workers, in MB/s of JSON.
//!
//! Real records: the 3,264 imported Office of the Historian visits (ten
//! copies, about 30 MB) and every committed valid record (one line each,
//! repeated to about 30 MB: rich records of many tables); then a
//! generated corpus of typical records, which shows a trend only. Tables
//! are written unpartitioned and by year, into `target/bench-parquet`.
//! Best of 3 rounds.
//!
//! `cargo bench --bench parquet --features parquet,event-data`

// A benchmark may stop on a broken corpus; the lints guard library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

use diplomatic_events::event_data::check;
use diplomatic_events::par_map_lines;
use diplomatic_events::tables::{ParquetTables, Partitioning, TableOptions};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed valid records, one line each, repeated to about `bytes`.
fn fixtures(bytes: usize) -> String {
    let mut lines = corpus::committed_lines().join("\n");
    lines.push('\n');
    lines.repeat(bytes / lines.len() + 1)
}

/// Writes the tables of `text` on `threads` workers; the records written.
fn export(text: &str, threads: usize, partitioning: Partitioning, out: &Path) -> u64 {
    let _ = std::fs::remove_dir_all(out);
    let options = TableOptions::default().with_partitioning(partitioning);
    let mut tables = ParquetTables::create(out, options).unwrap();
    par_map_lines(
        text.as_bytes(),
        threads,
        |line| check(line.number, line.result),
        |checked| {
            if let Some(record) = &checked.record {
                tables.write(record).unwrap();
            }
        },
    );
    tables.finish().unwrap().records
}

/// Reads and validates `text` on `threads` workers; the valid records.
fn validate(text: &str, threads: usize) -> u64 {
    let mut valid = 0;
    par_map_lines(
        text.as_bytes(),
        threads,
        |line| check(line.number, line.result).record.is_some(),
        |ok| valid += u64::from(ok),
    );
    valid
}

fn best(rounds: usize, mut f: impl FnMut()) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let visits =
        std::fs::read_to_string(root().join("examples/records/history-state-visits.jsonl"))
            .unwrap()
            .repeat(10);
    let corpora = [
        ("visits x10 (real)", visits),
        ("fixtures (real)", fixtures(30 << 20)),
        ("typical (generated)", corpus::json_lines(corpus::Size::Typical, 10_000)),
    ];
    let out = root().join("target/bench-parquet");
    println!(
        "{:<22} {:>6} {:>8} {:>13} {:>13} {:>13} {:>14} {:>10}",
        "corpus",
        "MB",
        "workers",
        "validate MB/s",
        "tables MB/s",
        "by year MB/s",
        "tables/valid.",
        "out MB"
    );
    for (name, text) in &corpora {
        let megabytes = text.len() as f64 / 1e6;
        for threads in [1, 2] {
            let records = export(text, threads, Partitioning::None, &out);
            assert_eq!(records, validate(text, threads));
            let valid = best(3, || {
                validate(text, threads);
            });
            let tables = best(3, || {
                export(text, threads, Partitioning::None, &out);
            });
            let size = folder_bytes(&out);
            let by_year = best(3, || {
                export(text, threads, Partitioning::Year, &out);
            });
            let mbs = |d: Duration| megabytes / d.as_secs_f64();
            println!(
                "{:<22} {:>6.1} {:>8} {:>13.1} {:>13.1} {:>13.1} {:>14.2} {:>10.1}",
                name,
                megabytes,
                threads,
                mbs(valid),
                mbs(tables),
                mbs(by_year),
                valid.as_secs_f64() / tables.as_secs_f64(),
                size as f64 / 1e6,
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// The bytes of the files under `dir`.
fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                folder_bytes(&entry.path())
            } else {
                entry.metadata().unwrap().len()
            }
        })
        .sum()
}

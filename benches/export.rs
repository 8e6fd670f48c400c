//! The event-data export against `validate`, on real records: the 3,264
//! imported Office of the Historian visits (JSON Lines) and every
//! committed valid record, one line each.
//!
//! `cargo bench --bench export --features event-data` (add `-- --quick`
//! for a short run). One thread, in process. A round runs the three paths
//! over the whole corpus, taking turns a twentieth at a time so that they
//! share whatever else the machine runs; each keeps its best of 7 rounds.
//!
//! - validate: `Record::from_json` and `validate` for each line;
//! - plover: the same, then `write_plover_events` (what `export --to
//!   plover` writes) into a buffer;
//! - cameo: the same, then `write_cameo_rows` (what `export --to cameo`
//!   writes) into a buffer.
//!
//! A second table splits each path's time, record by record, into reading
//! and validating and what follows (the export and dropping the record):
//! an export between records slows the reading of the next one, which is
//! part of what the export costs.

// A benchmark may stop on a broken corpus; the lints guard library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "support/corpus.rs"]
#[allow(dead_code, reason = "only the committed records are used here, not the generator")]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use diplomatic_events::Record;
use diplomatic_events::event_data::{write_cameo_rows, write_plover_events};

fn lines_of(corpus: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if corpus == "visits" {
        let text =
            std::fs::read_to_string(root.join("examples/records/history-state-visits.jsonl"))
                .unwrap();
        return text.lines().map(str::to_owned).collect();
    }
    corpus::committed_lines()
}

fn validate(line: &str) -> Record {
    let record = Record::from_json(line).unwrap();
    black_box(record.validate());
    record
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (reads, rounds): (usize, usize) = if quick { (3_000, 2) } else { (30_000, 7) };
    heading(
        &[26, 9, 10, 10, 10, 8, 8],
        [
            &["corpus", "records", "validate", "plover", "cameo", "plover/", "cameo/"],
            &["", "", "MB/s", "MB/s", "MB/s", "validate", "validate"],
        ],
    );
    let mut splits = Vec::new();
    for corpus in ["visits", "committed records"] {
        let lines = lines_of(corpus);
        let passes = reads.div_ceil(lines.len()).max(1);
        let all: Vec<&String> = (0..passes).flat_map(|_| lines.iter()).collect();
        let bytes: usize = all.iter().map(|l| l.len()).sum();
        let batch = all.len().div_ceil(20).max(1);
        let mut best = [Duration::MAX; 3];
        let mut buffers = Buffers::default();
        for _ in 0..rounds {
            let mut round = [Duration::ZERO; 3];
            for texts in all.chunks(batch) {
                for (path, spent) in round.iter_mut().enumerate() {
                    let start = Instant::now();
                    for text in texts {
                        let record = validate(text);
                        buffers.export(path, &record);
                        drop(black_box(record));
                    }
                    *spent += start.elapsed();
                }
            }
            for (best, round) in best.iter_mut().zip(round) {
                *best = (*best).min(round);
            }
        }
        splits.push((corpus, split(&all, rounds)));
        let rate = |t: Duration| bytes as f64 / 1e6 / t.as_secs_f64();
        println!(
            "{:<26} {:>9} {:>10.1} {:>10.1} {:>10.1} {:>8.2} {:>8.2}",
            corpus,
            lines.len(),
            rate(best[0]),
            rate(best[1]),
            rate(best[2]),
            best[0].as_secs_f64() / best[1].as_secs_f64(),
            best[0].as_secs_f64() / best[2].as_secs_f64(),
        );
    }
    println!();
    heading(
        &[26, 10, 10, 10, 10, 10, 10],
        [
            &["ms, all reads", "read+check", "drop", "read+check", "plover", "read+check", "cameo"],
            &["", "alone", "alone", "w/ plover", "+drop", "w/ cameo", "+drop"],
        ],
    );
    for (corpus, [alone, plover, cameo]) in splits {
        let ms = |t: Duration| t.as_secs_f64() * 1e3;
        println!(
            "{:<26} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1}",
            corpus,
            ms(alone[0]),
            ms(alone[1]),
            ms(plover[0]),
            ms(plover[1]),
            ms(cameo[0]),
            ms(cameo[1])
        );
    }
}

/// The output buffers of the paths, kept from record to record.
struct Buffers {
    out: Vec<u8>,
    tsv: String,
}

impl Default for Buffers {
    fn default() -> Self {
        Buffers { out: Vec::with_capacity(1 << 20), tsv: String::with_capacity(1 << 20) }
    }
}

impl Buffers {
    /// What path `path` does after validating: nothing (0), write the
    /// PLOVER events (1) or the CAMEO rows (2).
    fn export(&mut self, path: usize, record: &Record) {
        match path {
            1 => {
                self.out.clear();
                black_box(write_plover_events(record, &mut self.out));
            }
            2 => {
                self.tsv.clear();
                black_box(write_cameo_rows(record, &mut self.tsv).rows);
            }
            _ => {}
        }
    }
}

/// Prints a table's two heading lines: the first column left-aligned,
/// the others right-aligned, in the given widths.
fn heading(widths: &[usize], lines: [&[&str]; 2]) {
    for line in lines {
        let mut text = String::new();
        for (i, (cell, &width)) in line.iter().zip(widths).enumerate() {
            if i == 0 {
                text.push_str(&format!("{cell:<width$}"));
            } else {
                text.push_str(&format!(" {cell:>width$}"));
            }
        }
        println!("{text}");
    }
}

/// For each path (validate, plover, cameo), the least time of `rounds`
/// passes over `all` spent reading and validating, and spent after that
/// (exporting, dropping the record), timed record by record.
fn split(all: &[&String], rounds: usize) -> [[Duration; 2]; 3] {
    let mut best = [[Duration::MAX; 2]; 3];
    let mut buffers = Buffers::default();
    for _ in 0..rounds {
        for (path, best) in best.iter_mut().enumerate() {
            let mut spent = [Duration::ZERO; 2];
            for text in all {
                let start = Instant::now();
                let record = validate(text);
                let read = Instant::now();
                buffers.export(path, &record);
                drop(black_box(record));
                spent[0] += read - start;
                spent[1] += read.elapsed();
            }
            for (best, spent) in best.iter_mut().zip(spent) {
                *best = (*best).min(spent);
            }
        }
    }
    best
}

//! What reporting every problem costs a record that cannot be read, against
//! stopping at the first: every invalid fixture that is JSON, read as a
//! user reads it (`Record::from_json`: the one-pass read, then the collector
//! and the record rules on what could be read) and as the first problem
//! alone costs (the fast reader giving up, then serde naming the first
//! problem: what `from_json` did before every problem was reported).
//!
//! `cargo bench --bench errors` (add `-- --quick` for a short run).
//!
//! The two paths take turns a twentieth of a round at a time; each keeps
//! its best of 7 rounds. The valid path is not here: `--bench corpora` and
//! the instruction counts in BENCHMARKS.md hold it.

// A benchmark may stop on a broken fixture; the lints guard library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use diplomatic_events::__private::{read_fast, read_serde};
use diplomatic_events::Record;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (reads, rounds) = if quick { (500, 2) } else { (5_000, 7) };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/invalid")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    println!(
        "{:<36} {:>7} {:>8} {:>10} {:>10} {:>6}",
        "fixture", "bytes", "problems", "first µs", "every µs", "every/"
    );
    println!("{:<36} {:>7} {:>8} {:>10} {:>10} {:>6}", "", "", "", "", "", "first");
    let (mut all_first, mut all_every) = (Duration::ZERO, Duration::ZERO);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        // Only what cannot be read: a fixture of a record rule is a record.
        let Err(error) = Record::from_json(&text) else { continue };
        if serde_json::from_str::<serde::de::IgnoredAny>(&text).is_err() {
            continue; // not JSON: one syntax error either way
        }
        let (first, every) = measure(&text, reads, rounds);
        all_first += first;
        all_every += every;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        println!(
            "{:<36} {:>7} {:>8} {:>10.2} {:>10.2} {:>6.2}",
            name,
            text.len(),
            error.problems().len(),
            first.as_secs_f64() * 1e6 / reads as f64,
            every.as_secs_f64() * 1e6 / reads as f64,
            every.as_secs_f64() / first.as_secs_f64(),
        );
    }
    println!(
        "{:<36} {:>7} {:>8} {:>10} {:>10} {:>6.2}",
        "all, summed",
        "",
        "",
        "",
        "",
        all_every.as_secs_f64() / all_first.as_secs_f64()
    );
}

/// The best times of `reads` reads of `text` by each path.
fn measure(text: &str, reads: usize, rounds: usize) -> (Duration, Duration) {
    const BATCHES: usize = 20;
    let batch = reads.div_ceil(BATCHES).max(1);
    let (mut first, mut every) = (Duration::MAX, Duration::MAX);
    for _ in 0..rounds {
        let (mut round_first, mut round_every) = (Duration::ZERO, Duration::ZERO);
        for _ in 0..BATCHES {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(read_fast(black_box(text)).is_none());
                black_box(read_serde(black_box(text)).is_err());
            }
            round_first += start.elapsed();
            let start = Instant::now();
            for _ in 0..batch {
                black_box(Record::from_json(black_box(text)).is_err());
            }
            round_every += start.elapsed();
        }
        first = first.min(round_first);
        every = every.min(round_every);
    }
    let scale = |d: Duration| d.mul_f64(reads as f64 / (batch * BATCHES) as f64);
    (scale(first), scale(every))
}

//! Parse + validate against serde_json's `IgnoredAny` floor, corpus by
//! corpus: every committed valid record, the imported Office of the
//! Historian visits, and the generated corpus, side by side. The speed
//! targets are judged on the real ones; the generated corpus shows a trend.
//!
//! `cargo bench --bench corpora` (add `-- --quick` for a short run).
//!
//! Each record is read in its one-line form. A round reads the texts of a
//! corpus, over again until 20,000 texts have been read, three times: with
//! `IgnoredAny`, with `Record::from_json` + `validate`, and once more with
//! each `from_json` and `validate` call timed, for the validation share.
//! The three paths take turns a twentieth of the round at a time, so that
//! they share whatever else the machine is doing; each keeps its best of 7
//! rounds.

// A benchmark may stop on a broken corpus; the lints guard library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use diplomatic_events::Record;

/// One corpus: a name and the one-line texts of its records.
struct Corpus {
    name: String,
    texts: Vec<String>,
}

/// The one-line form of a record's text.
fn one_line(text: &str) -> String {
    Record::from_json(text).expect("a valid record").to_json_line().expect("serializes")
}

fn corpora() -> Vec<Corpus> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpora = Vec::new();
    let mut files = Vec::new();
    for dir in ["tests/fixtures/valid", "examples/records"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort_by_key(|path| path.file_name().map(|n| n.to_owned()));
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        corpora.push(Corpus { name, texts: vec![one_line(&text)] });
    }
    let visits = std::fs::read_to_string(root.join("examples/records/history-state-visits.jsonl"))
        .expect("the imported visits");
    corpora.push(Corpus {
        name: "history-state-visits.jsonl (3,264 lines)".to_owned(),
        texts: visits.lines().map(str::to_owned).collect(),
    });
    for (size, name) in [
        (corpus::Size::Small, "generated small"),
        (corpus::Size::Typical, "generated typical"),
        (corpus::Size::Large, "generated large"),
    ] {
        let text = corpus::json_lines(size, 1_000);
        corpora.push(Corpus { name: name.to_owned(), texts: text.lines().map(one_line).collect() });
    }
    corpora
}

/// The best times of one corpus's paths over `rounds` rounds.
struct Times {
    floor: Duration,
    parse_validate: Duration,
    /// In the best timed round: the time in `from_json` and in `validate`.
    parsing: Duration,
    validating: Duration,
}

fn measure(corpus: &Corpus, reads: usize, rounds: usize) -> Times {
    // The paths take turns a batch at a time, so that each sees the same
    // load from whatever else the machine runs.
    const BATCHES: usize = 20;
    let passes = reads.div_ceil(corpus.texts.len()).max(1);
    let all: Vec<&String> = (0..passes).flat_map(|_| corpus.texts.iter()).collect();
    let batch = all.len().div_ceil(BATCHES).max(1);
    let mut best = Times {
        floor: Duration::MAX,
        parse_validate: Duration::MAX,
        parsing: Duration::MAX,
        validating: Duration::MAX,
    };
    for _ in 0..rounds {
        let mut round = Times {
            floor: Duration::ZERO,
            parse_validate: Duration::ZERO,
            parsing: Duration::ZERO,
            validating: Duration::ZERO,
        };
        for texts in all.chunks(batch) {
            let start = Instant::now();
            for text in texts {
                black_box(serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok());
            }
            round.floor += start.elapsed();

            let start = Instant::now();
            for text in texts {
                let record = Record::from_json(text).expect("valid");
                black_box(record.validate());
            }
            round.parse_validate += start.elapsed();

            for text in texts {
                let start = Instant::now();
                let record = Record::from_json(text).expect("valid");
                let parsed = Instant::now();
                black_box(record.validate());
                round.validating += parsed.elapsed();
                round.parsing += parsed - start;
            }
        }
        best.floor = best.floor.min(round.floor);
        best.parse_validate = best.parse_validate.min(round.parse_validate);
        if best.parsing == Duration::MAX
            || round.parsing + round.validating < best.parsing + best.validating
        {
            (best.parsing, best.validating) = (round.parsing, round.validating);
        }
    }
    best
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (reads, rounds) = if quick { (2_000, 2) } else { (20_000, 7) };
    println!(
        "{:<48} {:>7} {:>9} {:>9} {:>7} {:>9}",
        "corpus", "bytes", "floor", "p+v", "p+v/", "validate/"
    );
    println!(
        "{:<48} {:>7} {:>9} {:>9} {:>7} {:>9}",
        "", "/record", "MB/s", "MB/s", "floor", "parse"
    );
    for corpus in corpora() {
        let times = measure(&corpus, reads, rounds);
        let passes = reads.div_ceil(corpus.texts.len()).max(1);
        let bytes: usize = corpus.texts.iter().map(String::len).sum::<usize>() * passes;
        let mbs = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
        println!(
            "{:<48} {:>7} {:>9.0} {:>9.0} {:>7.3} {:>8.1}%",
            corpus.name,
            bytes / (corpus.texts.len() * passes),
            mbs(times.floor),
            mbs(times.parse_validate),
            times.floor.as_secs_f64() / times.parse_validate.as_secs_f64(),
            100.0 * times.validating.as_secs_f64() / times.parsing.as_secs_f64(),
        );
    }
}

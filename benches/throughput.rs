//! Throughput of parsing and validating JSON Lines, with every ratio the
//! project tracks, measured within one run on one machine.
//!
//! `cargo bench --bench throughput` (add `-- --quick` for a short run, or
//! `-- --rss` to stream a 1 GB file instead and report peak memory, or
//! `-- --write-corpus PATH COUNT` to write typical records for benches/peers).
//! Each figure is the best of several repetitions over the same corpus.

// A benchmark may stop on a broken corpus; the lints guard library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::{Duration, Instant};

use corpus::Size;
use diplomatic_events::{JsonLines, Record};

/// Best wall time of `repeat` runs of `f`.
fn best(repeat: usize, mut f: impl FnMut()) -> Duration {
    (0..repeat)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// One measured path: a name and the work it times.
type Path<'a> = Box<dyn FnMut() + 'a>;

struct Figure {
    name: &'static str,
    time: Duration,
}

fn report(size: Size, bytes: usize, records: usize, figures: &[Figure]) {
    println!(
        "\n{size:?} records: {records} lines, {:.1} MB, {:.0} bytes per record",
        bytes as f64 / 1e6,
        bytes as f64 / records as f64
    );
    println!("{:<44} {:>10} {:>14}", "path", "MB/s", "records/s");
    for f in figures {
        let secs = f.time.as_secs_f64();
        println!(
            "{:<44} {:>10.1} {:>14.0}",
            f.name,
            bytes as f64 / 1e6 / secs,
            records as f64 / secs
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--write-corpus") {
        // For benches/peers: the typical corpus, written to a file.
        let path = args.get(at + 1).expect("--write-corpus PATH COUNT");
        let count: u64 = args.get(at + 2).and_then(|c| c.parse().ok()).unwrap_or(10_000);
        std::fs::write(path, corpus::json_lines(Size::Typical, count)).expect("write corpus");
        return;
    }
    if args.iter().any(|a| a == "--rss") {
        // Alone, so that the corpora of the other figures do not count.
        rss_on_a_gigabyte();
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let (repeat, scale) = if quick { (2, 1) } else { (5, 10) };
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/record.schema.json")).expect("schema");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("machine: {threads} threads available");

    for (size, count) in
        [(Size::Small, 2_000 * scale), (Size::Typical, 1_000 * scale), (Size::Large, 200 * scale)]
    {
        let text = corpus::json_lines(size, count as u64);
        let lines: Vec<&str> = text.lines().collect();
        let records: Vec<Record> =
            lines.iter().map(|l| Record::from_json(l).expect("valid")).collect();

        // Every path runs once per round, rounds repeated, and each keeps its
        // best round: the paths share whatever else the machine is doing.
        let job = |n: usize| {
            let mut problems = 0;
            diplomatic_events::par_map_lines(
                text.as_bytes(),
                n,
                |line| line.result.map_or(1, |record| record.validate().len()),
                |count| problems += count,
            );
            black_box(problems);
        };
        // Time spent validating and parsing in the timed pipeline, summed
        // over its rounds.
        let validation_sums = std::cell::RefCell::new((Duration::ZERO, Duration::ZERO, 0u32));
        // The timer's own cost in the timed pipeline: empty timed sections,
        // as many as there are lines, summed inside the sections and whole.
        let timer_sums = std::cell::RefCell::new((Duration::ZERO, Duration::ZERO, 0u32));
        let mut paths: Vec<(&str, Path<'_>)> = vec![
            (
                "floor",
                Box::new(|| {
                    for line in &lines {
                        black_box(serde_json::from_str::<serde::de::IgnoredAny>(line).is_ok());
                    }
                }),
            ),
            (
                "parse",
                Box::new(|| {
                    for line in &lines {
                        black_box(Record::from_json(line).is_ok());
                    }
                }),
            ),
            (
                "parse_validate",
                Box::new(|| {
                    for line in &lines {
                        if let Ok(record) = Record::from_json(line) {
                            black_box(record.validate());
                        }
                    }
                }),
            ),
            // The same pipeline with each `validate` call timed, so that
            // the validation pass is measured directly and not only as the
            // difference of two runs.
            (
                "timed_pipeline",
                Box::new(|| {
                    let mut validating = Duration::ZERO;
                    let mut calls = 0;
                    let start = Instant::now();
                    for line in &lines {
                        if let Ok(record) = Record::from_json(line) {
                            let before = Instant::now();
                            black_box(record.validate());
                            validating += before.elapsed();
                            calls += 1;
                        }
                    }
                    let total = start.elapsed();
                    let mut sums = validation_sums.borrow_mut();
                    sums.0 += validating;
                    sums.1 += total - validating;
                    sums.2 += calls;
                }),
            ),
            (
                "timer",
                Box::new(|| {
                    let mut inside = Duration::ZERO;
                    let start = Instant::now();
                    for line in &lines {
                        let before = Instant::now();
                        black_box(line);
                        inside += before.elapsed();
                    }
                    let total = start.elapsed();
                    let mut sums = timer_sums.borrow_mut();
                    sums.0 += inside;
                    sums.1 += total;
                    sums.2 += u32::try_from(lines.len()).expect("lines");
                }),
            ),
            (
                "validate",
                Box::new(|| {
                    for record in &records {
                        black_box(record.validate());
                    }
                }),
            ),
            // The job of `diplomatic-events validate`: every line read,
            // parsed and validated, the problems counted.
            (
                "stream",
                Box::new(|| {
                    let mut problems = 0;
                    for line in JsonLines::new(text.as_bytes()) {
                        problems += line.result.map_or(1, |record| record.validate().len());
                    }
                    black_box(problems);
                }),
            ),
            ("one_thread", Box::new(|| job(1))),
            ("all_threads", Box::new(|| job(threads))),
            (
                "value_schema",
                Box::new(|| {
                    for line in &lines {
                        let value: serde_json::Value = serde_json::from_str(line).expect("json");
                        black_box(validator.is_valid(&value));
                    }
                }),
            ),
        ];
        let mut times = vec![Duration::MAX; paths.len()];
        for _ in 0..repeat {
            for ((_, path), time) in paths.iter_mut().zip(times.iter_mut()) {
                *time = (*time).min(best(1, &mut *path));
            }
        }
        let time = |name: &str| {
            paths
                .iter()
                .zip(&times)
                .find(|((n, _), _)| *n == name)
                .map(|(_, t)| *t)
                .unwrap_or_default()
        };
        let (floor, parse, parse_validate, validate) =
            (time("floor"), time("parse"), time("parse_validate"), time("validate"));
        let (stream, one_thread, all_threads, value_schema) =
            (time("stream"), time("one_thread"), time("all_threads"), time("value_schema"));

        report(
            size,
            text.len(),
            lines.len(),
            &[
                Figure { name: "serde_json IgnoredAny (the parse floor)", time: floor },
                Figure { name: "Record::from_json", time: parse },
                Figure { name: "Record::from_json + validate", time: parse_validate },
                Figure { name: "validate alone", time: validate },
                Figure { name: "JsonLines + validate (streaming, 1 thread)", time: stream },
                Figure { name: "par_map_lines + validate, 1 worker", time: one_thread },
                Figure { name: "par_map_lines + validate, all workers", time: all_threads },
                Figure { name: "serde_json::Value + jsonschema (formats on)", time: value_schema },
            ],
        );
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
        let in_pipeline =
            (parse_validate.as_secs_f64() - parse.as_secs_f64()) / parse.as_secs_f64();
        let (validating, parsing, calls) = *validation_sums.borrow();
        let timed_share = validating.as_secs_f64() / parsing.as_secs_f64();
        // Each timed call's figure holds the part of the two timer calls
        // between their clock readings; the rest of them falls in the parse.
        let (timer_inside, timer_total, timer_calls) = *timer_sums.borrow();
        let per_call = |d: Duration| d.as_secs_f64() / f64::from(timer_calls.max(1));
        let (inside, outside) = (per_call(timer_inside), per_call(timer_total - timer_inside));
        let timer_free_share = (validating.as_secs_f64() - f64::from(calls) * inside)
            / (parsing.as_secs_f64() - f64::from(calls) * outside);
        let lines = [
            ("parse + validate / floor throughput", 100.0 * ratio(floor, parse_validate), "%"),
            ("parse alone (owned) / floor throughput", 100.0 * ratio(floor, parse), "%"),
            ("streaming parse + validate / floor", 100.0 * ratio(floor, stream), "%"),
            ("validation pass / parse time, in the pipeline", 100.0 * in_pipeline, "%"),
            ("the same, each validate call timed", 100.0 * timed_share, "%"),
            ("the same, less the timer's own cost", 100.0 * timer_free_share, "%"),
            ("validate alone (records not in cache) / parse", 100.0 * ratio(validate, parse), "%"),
            ("speed-up over Value + jsonschema", ratio(value_schema, parse_validate), "x"),
            ("all workers over 1 worker", ratio(one_thread, all_threads), "x"),
            ("all workers over streaming on 1 thread", ratio(stream, all_threads), "x"),
        ];
        for (name, value, unit) in lines {
            println!("{name:<48} {value:>8.2} {unit}");
        }
        println!(
            "(a timed section costs {:.1} ns between its clock readings, {:.1} ns in all)",
            1e9 * inside,
            1e9 * (inside + outside)
        );
    }
}

/// Streams a 1 GB JSON Lines file (written to a temporary folder first),
/// then reads it again with the parallel reader, and reports the peak
/// resident memory of the process after each.
fn rss_on_a_gigabyte() {
    use std::io::Write;
    let path = std::env::temp_dir().join("diplomatic-events-1gb.jsonl");
    let chunk = corpus::json_lines(Size::Typical, 1_000);
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("temp file"));
        let mut written = 0usize;
        while written < 1_000_000_000 {
            file.write_all(chunk.as_bytes()).expect("write");
            written += chunk.len();
        }
    }
    drop(chunk);
    let peak_before = peak_rss_kib();
    let start = Instant::now();
    let file =
        std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(&path).expect("open"));
    let (mut ok, mut bad) = (0u64, 0u64);
    for line in JsonLines::new(file) {
        match line.result {
            Ok(record) if record.validate().is_empty() => ok += 1,
            _ => bad += 1,
        }
    }
    let elapsed = start.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "\nstreamed {:.2} GB ({ok} valid, {bad} not) in {:.1} s: {:.0} MB/s; peak RSS before {} KiB, after {} KiB",
        size as f64 / 1e9,
        elapsed.as_secs_f64(),
        size as f64 / 1e6 / elapsed.as_secs_f64(),
        peak_before,
        peak_rss_kib()
    );
    // The same file through the parallel reader on every core. The peak
    // is the process's, so it is at least the streaming one's.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    let file =
        std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(&path).expect("open"));
    let (mut ok, mut bad) = (0u64, 0u64);
    diplomatic_events::par_map_lines(
        file,
        threads,
        |line| line.result.is_ok_and(|record| record.validate().is_empty()),
        |valid| if valid { ok += 1 } else { bad += 1 },
    );
    let elapsed = start.elapsed();
    let _ = std::fs::remove_file(&path);
    println!(
        "par_map_lines, {threads} workers: {ok} valid, {bad} not, in {:.1} s: {:.0} MB/s; peak RSS after {} KiB",
        elapsed.as_secs_f64(),
        size as f64 / 1e6 / elapsed.as_secs_f64(),
        peak_rss_kib()
    );
}

/// The process's peak resident set size (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

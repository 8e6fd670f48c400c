//! The benchmark code paths on a tiny corpus, so they cannot rot: the
//! generator gives valid records of every size, and the parallel reader
//! agrees with the sequential one. No timing is asserted.

#![allow(dead_code)]

#[path = "../../benches/support/corpus.rs"]
pub(crate) mod corpus;

use corpus::Size;
use diplomatic_events::{JsonLines, Record, par_map_lines, par_validate_lines};

#[test]
fn generated_records_are_valid_and_about_the_documented_sizes() {
    for (size, low, high) in
        [(Size::Small, 800, 2_000), (Size::Typical, 2_500, 3_500), (Size::Large, 14_000, 22_000)]
    {
        let text = corpus::json_lines(size, 20);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 20);
        for line in &lines {
            let record = Record::from_json(line).unwrap_or_else(|e| panic!("{size:?}: {e}"));
            assert_eq!(record.validate(), vec![], "{size:?}");
        }
        let mean = text.len() / lines.len();
        assert!((low..=high).contains(&mean), "{size:?} records average {mean} bytes");
        // Deterministic: the same corpus every time.
        assert_eq!(corpus::json_lines(size, 20), text);
    }
}

fn mixed_input() -> String {
    let mut input = String::new();
    for i in 0..3_000u64 {
        match i % 7 {
            0 => input.push_str("{not json\n"),
            1 => input.push('\n'),
            _ => {
                input.push_str(&corpus::record_json(Size::Small, i));
                input.push('\n');
            }
        }
    }
    input
}

#[test]
fn parallel_reading_keeps_order_and_agrees_with_sequential() {
    let input = mixed_input();
    let sequential: Vec<(u64, Result<String, String>)> = JsonLines::new(input.as_bytes())
        .map(|line| (line.number, line.result.map(|r| r.id.to_string()).map_err(|e| e.to_string())))
        .collect();
    assert!(sequential.len() > 2_000);
    for threads in [1, 2, 3, 8] {
        let mut parallel = Vec::new();
        par_map_lines(
            input.as_bytes(),
            threads,
            |line| (line.number, line.result.map(|r| r.id.to_string()).map_err(|e| e.to_string())),
            |outcome| parallel.push(outcome),
        );
        assert_eq!(parallel, sequential, "{threads} threads");
    }
}

#[test]
fn parallel_validation_reports_problems_in_order() {
    let mut input = corpus::json_lines(Size::Typical, 50);
    input.push_str(r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","participants":[{"participant":{"person":"nobody"},"role":"guest"}]}}"#);
    input.push('\n');
    let mut numbers = Vec::new();
    let mut problems = Vec::new();
    par_validate_lines(input.as_bytes(), 2, |line| {
        numbers.push(line.number);
        if let Ok((_, found)) = line.result {
            problems.extend(found.into_iter().map(|p| (line.number, p.code)));
        }
    });
    assert_eq!(numbers, (1..=51).collect::<Vec<u64>>());
    assert_eq!(problems, [(51, diplomatic_events::Code::UnresolvedReference)]);
}

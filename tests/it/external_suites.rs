//! Third-party suites: JSONTestSuite through the record parser and the JSON
//! Lines reader, and the JSON-Schema-Test-Suite date and time vectors
//! through the crate's date and time types.

use std::path::Path;

use diplomatic_events::{Date, JsonLines, Record, TimeOfDay};
use serde_json::Value;

fn external(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/external").join(path)
}

/// Every file goes through `Record::from_json` (when it is UTF-8) and through
/// `JsonLines`: nothing panics, and every `n_` file is rejected by both.
#[test]
fn json_test_suite_parsing() {
    let dir = external("json-test-suite/test_parsing");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("suite").map(|e| e.expect("entry").path()).collect();
    files.sort();
    assert_eq!(files.len(), 318);
    let mut rejected_n = 0;
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let bytes = std::fs::read(&path).expect("read");
        let as_record = match std::str::from_utf8(&bytes) {
            Ok(text) => Record::from_json(text).map(|_| ()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        // None of these files is a record, so nothing may be accepted; the
        // JSON Lines reader must give one outcome per non-blank line.
        let lines: Vec<_> = JsonLines::new(bytes.as_slice()).collect();
        assert!(as_record.is_err(), "{name} was accepted as a record");
        assert!(
            lines.iter().all(|line| line.result.is_err()),
            "{name}: a line was accepted as a record"
        );
        if name.starts_with("n_") {
            rejected_n += 1;
        }
    }
    assert!(rejected_n >= 180, "{rejected_n} n_ files");
}

/// The suite's own JSON is judged by serde_json, which the record parser
/// uses: every `y_` file parses and every `n_` file does not.
#[test]
fn json_test_suite_verdicts_of_the_underlying_parser() {
    let dir = external("json-test-suite/test_parsing");
    for entry in std::fs::read_dir(&dir).expect("suite") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let bytes = std::fs::read(&path).expect("read");
        let parsed = serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok();
        if name.starts_with("y_") {
            assert!(parsed, "{name} should parse");
        } else if name.starts_with("n_") {
            assert!(!parsed, "{name} should not parse");
        }
    }
}

/// Where the crate's verdict differs from the suite's, and why. Any other
/// difference fails the test.
const DEVIATIONS: &[(&str, &str, &str)] = &[
    // (format, data, reason)
    ("date-time", "1998-12-31T23:59:60Z", LEAP),
    ("date-time", "1998-12-31T15:59:60.123-08:00", LEAP),
    ("time", "23:59:60Z", LEAP),
    ("time", "23:59:60+00:00", LEAP),
    ("time", "01:29:60+01:30", LEAP),
    ("time", "23:29:60+23:30", LEAP),
    ("time", "15:59:60-08:00", LEAP),
    ("time", "00:29:60-23:30", LEAP),
    ("date-time", "1963-06-19t08:30:06.283185z", CASE),
    ("time", "08:30:06z", CASE),
    ("date-time", "1985-04-12T00:59:59.999999999999999Z", NANOS),
];

/// Leap seconds are refused (see the `time` module docs): chrono cannot
/// place them and no diplomatic record needs one.
const LEAP: &str = "leap second";
/// Lower-case `t` and `z` are refused: one spelling per value, so that a
/// record is written back exactly as read.
const CASE: &str = "lower-case T or Z";
/// At most nine fraction digits (nanoseconds) are kept, so that the value
/// is written back exactly; more would be lost.
const NANOS: &str = "more than nine fraction digits";

fn suite_cases(format: &str) -> Vec<(String, String, bool)> {
    let text = std::fs::read_to_string(external(&format!("json-schema-test-suite/{format}.json")))
        .expect("suite");
    let groups: Value = serde_json::from_str(&text).expect("json");
    let mut cases = Vec::new();
    for group in groups.as_array().expect("groups") {
        for test in group["tests"].as_array().expect("tests") {
            // Formats apply to strings only; the suite's other values are always valid.
            if let Some(data) = test["data"].as_str() {
                let description = test["description"].as_str().unwrap_or_default().to_owned();
                cases.push((description, data.to_owned(), test["valid"].as_bool().expect("valid")));
            }
        }
    }
    cases
}

#[test]
fn json_schema_test_suite_dates_and_times() {
    let mut differences = Vec::new();
    for format in ["date", "date-time", "time"] {
        for (description, data, valid) in suite_cases(format) {
            let accepted = match format {
                "date" => Date::parse(&data)
                    .is_ok_and(|d| d.precision() == diplomatic_events::Precision::Day),
                "date-time" => Date::parse(&data)
                    .is_ok_and(|d| d.precision() == diplomatic_events::Precision::Time),
                _ => TimeOfDay::parse(&data).is_ok(),
            };
            let listed = DEVIATIONS.iter().any(|(f, d, _)| *f == format && *d == data);
            if (accepted != valid) != listed {
                differences.push(format!("{format} {data:?} ({description}): suite says {valid}, crate says {accepted}, listed: {listed}"));
            }
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
}

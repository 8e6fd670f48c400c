//! The fast record reader against serde. Whatever the fast reader accepts,
//! serde accepts as the same record (the reader may give up, never be
//! looser), and the fast reader does not give up on the records it exists
//! for, or every read would cost two.

use std::path::{Path, PathBuf};

use diplomatic_events::__private::{read_fast, read_serde};
use diplomatic_events::{MAX_ITEMS, Record};

use crate::bench_smoke::corpus;
use proptest::prelude::*;

/// Whether the fast reader accepted `text`; panics where the readers disagree.
fn agree(text: &str) -> bool {
    match (read_fast(text), read_serde(text)) {
        (Some(fast), Ok(slow)) => {
            assert_eq!(fast, slow, "the readers build different records from {text}");
            true
        }
        (Some(_), Err(error)) => {
            panic!("the fast reader accepted what serde refuses ({error}): {text}")
        }
        (None, _) => false,
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_fixture_and_seed_is_read_alike() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["tests/fixtures", "fuzz/seeds/parse", "examples/records"] {
        files(&root.join(dir), &mut paths);
    }
    let (mut documents, mut accepted) = (0, 0);
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        // A JSON Lines file whole (not a record) and each of its lines.
        let lines = path.extension().is_some_and(|e| e == "jsonl");
        let records = path.extension().is_some_and(|e| e == "json") || lines;
        let valid = records
            && (path.components().any(|c| c.as_os_str() == "valid")
                || path.starts_with(root.join("examples/records")));
        let mut pieces = vec![(text, valid && !lines)];
        if lines {
            pieces.extend(text.lines().map(|line| (line, valid)));
        }
        for (piece, must_be_fast) in pieces {
            documents += 1;
            let fast = agree(piece);
            accepted += usize::from(fast);
            assert!(fast || !must_be_fast, "the fast reader gave up on {}", path.display());
        }
    }
    assert!(documents > 400, "{documents} documents");
    assert!(accepted >= 10, "{accepted} accepted");
}

#[test]
fn the_benchmark_corpus_is_read_fast() {
    for size in [corpus::Size::Small, corpus::Size::Typical, corpus::Size::Large] {
        for line in corpus::json_lines(size, 20).lines() {
            assert!(agree(line), "{size:?}: the fast reader gave up on {line}");
        }
    }
}

const HEAD: &str = r#"{"format_version": "0.2", "id": "r", "event": {"id": "e", "kind": "visit""#;

/// A record whose event has the extra `fields` (JSON text after a comma).
fn with_event_fields(fields: &str) -> String {
    format!("{HEAD}, {fields}}}}}")
}

/// A record with one delegation that has the extra `fields`.
fn with_delegation(fields: &str) -> String {
    format!(r#"{HEAD}}}, "delegations": [{{"id": "d", "represents": "p", {fields}}}]}}"#)
}

#[test]
fn escapes_are_read_as_serde_reads_them() {
    for title in [
        r#""Caf\u00e9 \"Baku\" \\ \/ visit""#,
        r#""\u00C7a\u011f""#,
        r#""smile \ud83d\ude00""#,
        r#""e\u0301""#, // NFD, normalised by both
    ] {
        let text = with_event_fields(&format!(r#""title": {title}"#));
        assert!(agree(&text), "{text}");
    }
    let record = read_fast(&with_event_fields(r#""title": "Caf\u00e9 \"Baku\"""#)).unwrap();
    assert_eq!(record.event.title.unwrap().as_str(), "Café \"Baku\"");
    // Refused by both: lone surrogates, bad escapes, raw control characters,
    // escapes that make a forbidden character.
    for title in [r#""\ud800""#, r#""\udc00 x""#, r#""\x41""#, "\"a\u{1}b\"", r#""a\u0007""#] {
        let text = with_event_fields(&format!(r#""title": {title}"#));
        assert!(!agree(&text), "{text}");
        assert!(read_serde(&text).is_err(), "{text}");
    }
}

#[test]
fn what_the_reader_leaves_to_serde_still_parses() {
    // An escaped key is rare; the fast reader gives up and serde reads it.
    let text =
        r#"{"format_version": "0.2", "\u0069d": "r", "event": {"id": "e", "kind": "visit"}}"#;
    assert!(!agree(text));
    assert_eq!(Record::from_json(text).unwrap().id.as_str(), "r");
}

#[test]
fn malformed_and_forbidden_input_is_refused_by_both() {
    let cases = [
        format!("{HEAD}}}}}}}"),                            // one brace too many
        format!("{HEAD}}}}} x"),                            // trailing garbage
        format!("{HEAD},}}}}"),                             // trailing comma
        with_event_fields(r#""title": null"#),              // null for an optional field
        with_event_fields(r#""title": "a", "title": "b""#), // a field twice
        with_event_fields(r#""colour": "red""#),            // an unknown field
        with_event_fields(r#""topics": ["a",]"#),           // trailing comma in a list
        with_event_fields(r#""topics": "a""#),              // a string for a list
        with_event_fields(r#""time": ["2024", "2025"]"#),   // a struct as an array
        with_event_fields(r#""mentioned": [{}]"#),          // an empty one-key object
        with_event_fields(r#""mentioned": [{"person": "a", "party": "b"}]"#),
        with_event_fields(r#""modality": "by_pigeon""#), // not a listed value
        with_event_fields("\"title\": \"\u{FEFF}a\""),   // a BOM inside a text
        r#"{"format_version": "0.2", "id": "r"}"#.to_owned(), // no event
        r#"{"format_version": 0.1, "id": "r", "event": {"id": "e", "kind": "visit"}}"#.to_owned(),
        with_delegation(r#""members_complete": tru"#),
        with_delegation(r#""members_complete": "true""#),
        String::new(),
        "[]".to_owned(),
    ];
    for text in &cases {
        assert!(!agree(text), "the fast reader accepted {text}");
        assert!(read_serde(text).is_err(), "serde accepted {text}");
    }
}

#[test]
fn white_space_numbers_and_literals_are_read() {
    let text = "{\r\n\t\"format_version\" :\t\"0.1\" ,\n \"id\":\"r\",\"event\":{\"id\":\"e\",\"kind\":\"visit\",\"place\":{\"coordinates\":{\"latitude\":40.37767,\"longitude\":-49.9e0},\"geonames_id\":587084}},\"delegations\":[{\"id\":\"d\",\"represents\":\"p\",\"members_complete\":false}] }\n";
    assert!(agree(text));
    assert!(agree(&with_delegation(r#""members_complete": true"#)));
}

/// A record whose event has parts nested `levels` deep.
fn nested(levels: usize) -> String {
    let mut event = r#"{"id": "e0", "kind": "meeting"}"#.to_owned();
    for level in 1..levels {
        event = format!(r#"{{"id": "e{level}", "kind": "meeting", "parts": [{event}]}}"#);
    }
    format!(r#"{{"format_version": "0.2", "id": "r", "event": {event}}}"#)
}

#[test]
fn deep_nesting_is_left_to_serde_and_its_limit() {
    // Each level is an object and a list: 40 levels are read fast, 55 are
    // past the fast reader's limit but within serde's (128), 70 are past both.
    assert!(agree(&nested(40)));
    assert!(!agree(&nested(55)));
    assert!(read_serde(&nested(55)).is_ok());
    assert!(!agree(&nested(70)));
    assert!(read_serde(&nested(70)).is_err());
}

#[test]
fn list_lengths_are_held_to_the_limit_by_both() {
    let topics = |n: usize| {
        let list: Vec<String> = (0..n).map(|i| format!("\"t{i}\"")).collect();
        with_event_fields(&format!(r#""topics": [{}]"#, list.join(",")))
    };
    assert!(agree(&topics(MAX_ITEMS)));
    assert!(!agree(&topics(MAX_ITEMS + 1)));
    assert!(read_serde(&topics(MAX_ITEMS + 1)).is_err());
}

/// Small edits of a valid record's text: a byte dropped, doubled or changed,
/// or a span repeated. Most make invalid JSON or an invalid record, some a
/// different valid one; the readers must agree on all of them.
fn mutate(text: &str, at: usize, kind: u8, byte: u8) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    let at = at % bytes.len().max(1);
    match kind % 4 {
        0 => {
            bytes.remove(at);
        }
        1 => bytes.insert(at, bytes[at]),
        2 => bytes[at] = byte,
        _ => {
            let end = (at + usize::from(byte % 32)).min(bytes.len());
            let span = bytes[at..end].to_vec();
            bytes.splice(at..at, span);
        }
    }
    String::from_utf8(bytes).ok()
}

/// Bytes that matter to JSON and to the record's rules.
const INTERESTING: &[u8] = b"{}[],:\"\\ \t\nnull0123456789-+.eEtrufalsxXuU/\x00\x1f";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_records_are_read_fast_and_alike(record in crate::properties::record()) {
        for text in [record.to_json_line().unwrap(), record.to_json_pretty().unwrap()] {
            prop_assert!(agree(&text), "the fast reader gave up on {}", text);
            prop_assert_eq!(read_fast(&text).unwrap(), record.clone());
        }
    }

    #[test]
    fn edited_records_are_read_alike(
        record in crate::properties::record(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), proptest::sample::select(INTERESTING)), 1..4),
    ) {
        let mut text = record.to_json_line().unwrap();
        for (at, kind, byte) in edits {
            if let Some(edited) = mutate(&text, at, kind, byte) {
                text = edited;
            }
        }
        agree(&text);
    }
}

//! Reading JSON Lines: every good record returned, every bad line reported
//! with its number, bounded memory.

use std::path::Path;

use diplomatic_events::{Code, Error, JsonLines, par_map_lines_with_limit};

const GOOD: &str = r#"{"format_version":"0.2","id":"a","event":{"id":"e","kind":"visit"}}"#;

/// A line's number and its record id, or its error's code and message.
type Outcome = (u64, Result<String, (Code, String)>);

fn outcomes(input: &[u8], limit: Option<usize>) -> Vec<Outcome> {
    let mut reader = JsonLines::new(input);
    if let Some(limit) = limit {
        reader = reader.with_max_line_len(limit);
    }
    reader
        .map(|line| {
            let result =
                line.result.map(|r| r.id.to_string()).map_err(|e| (e.code(), e.to_string()));
            (line.number, result)
        })
        .collect()
}

#[test]
fn good_and_bad_lines_interleaved() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jsonl/mixed.jsonl");
    let bytes = std::fs::read(path).expect("fixture");
    let lines = outcomes(&bytes, None);
    let summary: Vec<(u64, Result<&str, Code>)> = lines
        .iter()
        .map(|(n, r)| (*n, r.as_ref().map(String::as_str).map_err(|(c, _)| *c)))
        .collect();
    assert_eq!(
        summary,
        [
            (1, Ok("us-cn-call-2024-04-02")),
            (2, Err(Code::JsonSyntax)),
            (4, Ok("fixture")),
            (6, Ok("baku-2024-04-02")),
            (7, Err(Code::UnknownField)),
            (8, Ok("fixture")),
            (9, Err(Code::InvalidType)),
        ]
    );
}

#[test]
fn line_endings_blank_lines_and_bom() {
    let input = format!("\u{FEFF}{GOOD}\r\n\r\n \t\n{GOOD}");
    let ids: Vec<u64> = outcomes(input.as_bytes(), None)
        .into_iter()
        .map(|(n, r)| {
            assert_eq!(r, Ok("a".to_owned()));
            n
        })
        .collect();
    assert_eq!(ids, [1, 4]);
    // A byte-order mark is only skipped at the start of the input.
    let late_bom = format!("{GOOD}\n\u{FEFF}{GOOD}\n");
    let lines = outcomes(late_bom.as_bytes(), None);
    assert_eq!(lines[1].0, 2);
    assert_eq!(lines[1].1.as_ref().map_err(|(c, _)| *c), Err(Code::JsonSyntax));
}

#[test]
fn a_line_over_the_limit_is_skipped_and_reported() {
    let long = format!("{GOOD}\n{}\n{GOOD}\n", "x".repeat(5000));
    let lines = outcomes(long.as_bytes(), Some(GOOD.len()));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].1, Ok("a".to_owned()));
    assert_eq!(
        lines[1],
        (
            2,
            Err((
                Code::LineTooLong,
                format!("line is longer than the limit of {} bytes", GOOD.len())
            ))
        )
    );
    assert_eq!(lines[2], (3, Ok("a".to_owned())));
    // Exactly at the limit is fine, with or without a final newline or \r.
    for input in [GOOD.to_owned(), format!("{GOOD}\r\n")] {
        assert_eq!(outcomes(input.as_bytes(), Some(GOOD.len())), [(1, Ok("a".to_owned()))]);
    }
}

/// The parallel reader holds lines to its limit as the streaming one does,
/// line for line, whatever the number of workers.
#[test]
fn the_parallel_reader_keeps_the_same_line_limit() {
    let mut input = String::new();
    for i in 0..300 {
        match i % 7 {
            3 => input.push_str(&"x".repeat(100 + i)),
            5 => input.push_str(&format!("{GOOD}   ")),
            _ => input.push_str(GOOD),
        }
        input.push('\n');
    }
    let limit = GOOD.len() + 2;
    let streamed = outcomes(input.as_bytes(), Some(limit));
    for threads in [1, 2, 3] {
        let mut parallel: Vec<Outcome> = Vec::new();
        par_map_lines_with_limit(
            input.as_bytes(),
            threads,
            limit,
            |line| {
                let result =
                    line.result.map(|r| r.id.to_string()).map_err(|e| (e.code(), e.to_string()));
                (line.number, result)
            },
            |outcome| parallel.push(outcome),
        );
        assert_eq!(parallel, streamed, "{threads} workers");
    }
    let too_long =
        streamed.iter().filter(|(_, r)| matches!(r, Err((Code::LineTooLong, _)))).count();
    // 43 lines of x's and 43 records with three trailing spaces, over by one.
    assert_eq!(too_long, 86);
}

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let mut input = format!("{GOOD}\n").into_bytes();
    input.extend_from_slice(b"{\"id\":\"caf\xe9\"}\n");
    input.extend_from_slice(format!("{GOOD}\n").as_bytes());
    let lines = outcomes(&input, None);
    assert_eq!(lines[1], (2, Err((Code::InvalidUtf8, "invalid UTF-8 at byte 10".to_owned()))));
    assert_eq!(lines[2], (3, Ok("a".to_owned())));
}

#[test]
fn read_errors_end_the_stream() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let mut lines = JsonLines::new(std::io::BufReader::new(Failing));
    let first = lines.next().expect("one error");
    assert!(matches!(first.result, Err(Error::Io(_))));
    assert_eq!(first.result.expect_err("io").to_string(), "read error: disk on fire");
    assert!(lines.next().is_none());
}

/// The committed gzip and zstd copies of the mixed file read as it does,
/// line by line and in parallel; a broken stream ends with a read error at
/// the line it broke in, after the lines before it.
#[cfg(feature = "compression")]
#[test]
fn compressed_input_reads_as_the_plain_text() {
    use diplomatic_events::{Compression, decompressed, par_map_lines};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jsonl");
    let plain = std::fs::read(dir.join("mixed.jsonl")).expect("fixture");
    let expected = outcomes(&plain, None);
    for (name, compression) in
        [("mixed.jsonl.gz", Compression::Gzip), ("mixed.jsonl.zst", Compression::Zstd)]
    {
        let bytes = std::fs::read(dir.join(name)).expect("fixture");
        assert_eq!(Compression::sniff(&bytes), compression);
        assert_eq!(Compression::of_name(name), compression);
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut decompressed(&bytes[..]).expect("opens"), &mut text)
            .expect("reads");
        assert_eq!(text, plain, "{name} is the mixed file compressed");
        let read: Vec<Outcome> = JsonLines::new(decompressed(&bytes[..]).expect("opens"))
            .map(|line| {
                let result =
                    line.result.map(|r| r.id.to_string()).map_err(|e| (e.code(), e.to_string()));
                (line.number, result)
            })
            .collect();
        assert_eq!(read, expected, "{name}");
        let mut numbers = Vec::new();
        par_map_lines(
            decompressed(&bytes[..]).expect("opens"),
            2,
            |l| l.number,
            |n| numbers.push(n),
        );
        assert_eq!(numbers, expected.iter().map(|(n, _)| *n).collect::<Vec<_>>(), "{name}");
    }
    // Half a gzip stream: the lines before the break, then the read error.
    let gzip = std::fs::read(dir.join("mixed.jsonl.gz")).expect("fixture");
    let lines: Vec<_> =
        JsonLines::new(decompressed(&gzip[..gzip.len() / 2]).expect("opens")).collect();
    let (last, before) = lines.split_last().expect("lines");
    assert!(matches!(last.result, Err(Error::Io(_))), "{:?}", last.result);
    assert!(!before.is_empty() && before.iter().all(|l| !matches!(l.result, Err(Error::Io(_)))));
}

//! The `diplomatic-events validate` command, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplomatic-events"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    if let Some(input) = stdin {
        pipe.write_all(input).expect("write stdin");
    }
    drop(pipe);
    let Output { status, stdout, stderr } = child.wait_with_output().expect("finishes");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (status.code().expect("exit code"), text(stdout), text(stderr))
}

const MIXED: &str = "tests/fixtures/jsonl/mixed.jsonl";

const MIXED_TEXT: &str = "\
tests/fixtures/jsonl/mixed.jsonl:2: error[json-syntax] /event: EOF while parsing an object (column 70)
tests/fixtures/jsonl/mixed.jsonl:4: error[signatory-not-party] /agreements/0/signatories/1/acting_for: signatory \"aliyev\" acts for \"az\", which is not a party of agreement \"mou\"
tests/fixtures/jsonl/mixed.jsonl:7: error[unknown-field] /event/colour: unknown field `colour`, expected one of `id`, `kind`, `title`, `description`, `time`, `duration`, `place`, `modality`, `participants`, `mentioned`, `topics`, `parts`, `sources`, `extensions` (column 74)
tests/fixtures/jsonl/mixed.jsonl:8: warning[source-before-event] /sources/1/published_at: source \"preview\" was published 2024-04-01T18:00:00Z, before the event starts 2024-04-02
tests/fixtures/jsonl/mixed.jsonl:9: error[invalid-type] (root): invalid type: sequence, expected struct Record (column 1)
7 records read: 3 valid, 4 with errors, 1 with warnings
";

#[test]
fn valid_json_files_exit_0_with_a_summary() {
    let (code, out, err) = run(
        &[
            "validate",
            "examples/records/baku-2024-04-02.json",
            "tests/fixtures/valid/phone-call-2024-04-02.json",
        ],
        None,
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "2 records read from 2 files: 2 valid, 0 with errors, 0 with warnings\n", "")
    );
}

#[test]
fn mixed_json_lines_file_reports_every_bad_line() {
    let (code, out, err) = run(&["validate", MIXED], None);
    assert_eq!((code, out.as_str(), err.as_str()), (1, MIXED_TEXT, ""));
}

#[test]
fn standard_input_is_json_lines() {
    let input = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MIXED))
        .expect("fixture");
    let (code, out, _) = run(&["validate", "-"], Some(&input));
    assert_eq!(code, 1);
    assert_eq!(out, MIXED_TEXT.replace(MIXED, "-"));
}

#[test]
fn json_format_one_object_per_problem() {
    let (code, out, _) = run(
        &[
            "validate",
            "--format",
            "json",
            "tests/fixtures/invalid/json-syntax.json",
            "tests/fixtures/invalid/duplicate-member.json",
            MIXED,
        ],
        None,
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(
        lines[0],
        r#"{"file":"tests/fixtures/invalid/json-syntax.json","line":null,"location":{"line":12,"column":8},"path":"/event/place","code":"json-syntax","severity":"error","message":"EOF while parsing a string"}"#
    );
    assert_eq!(
        lines[1],
        r#"{"file":"tests/fixtures/invalid/duplicate-member.json","line":null,"path":"/delegations/0/members/1/member","code":"duplicate-member","severity":"warning","message":"person \"gorgun\" is listed twice in delegation \"tr-delegation\""}"#
    );
    assert_eq!(
        lines[2],
        r#"{"file":"tests/fixtures/jsonl/mixed.jsonl","line":2,"location":{"line":1,"column":70},"path":"/event","code":"json-syntax","severity":"error","message":"EOF while parsing an object"}"#
    );
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        // A record rule's problem on a record that was read has no location.
        let fields = if value.get("location").is_some() { 7 } else { 6 };
        assert_eq!(value.as_object().map(|o| o.len()), Some(fields));
    }
}

#[test]
fn warnings_fail_only_under_deny_warnings() {
    let file = "tests/fixtures/invalid/duplicate-member.json";
    assert_eq!(run(&["validate", file], None).0, 0);
    let (code, out, _) = run(&["validate", "--deny-warnings", file], None);
    assert_eq!(code, 1);
    assert!(out.ends_with("1 record read: 1 valid, 0 with errors, 1 with warnings\n"), "{out}");
}

#[test]
fn usage_and_read_errors_exit_2() {
    let (code, out, err) = run(&["validate", "missing.json", "notes.txt"], None);
    assert_eq!(code, 2);
    assert_eq!(out, "0 records read from 2 files: 0 valid, 0 with errors, 0 with warnings\n");
    assert_eq!(
        err,
        "diplomatic-events: missing.json: No such file or directory (os error 2)\n\
         diplomatic-events: notes.txt: unknown file type: expected a .json, .jsonl or .ndjson file (optionally .gz or .zst), or - for standard input\n"
    );
    let (code, _, err) = run(&["validate"], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: the following required arguments were not provided:"), "{err}");
    let (code, _, err) = run(&["validate", "--format", "xml", "a.json"], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"), "{err}");
    assert_eq!(run(&["--help"], None).0, 0);
}

#[test]
fn threads_do_not_change_the_output() {
    for threads in ["1", "2", "5"] {
        let (code, out, err) = run(&["validate", "--threads", threads, MIXED], None);
        assert_eq!((code, out.as_str(), err.as_str()), (1, MIXED_TEXT, ""), "{threads} threads");
    }
    let (code, _, err) = run(&["validate", "--threads", "0", MIXED], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: invalid value '0' for '--threads <N>'"), "{err}");
}

/// `export` writes the rows of the valid records to standard output,
/// reports the invalid ones on standard error as `validate` does, skips
/// them, and says so in its summary; the exit status is `validate`'s.
#[test]
fn export_writes_rows_and_reports_skipped_records() {
    let (code, out, err) = run(&["export", "--to", "cameo", "--threads", "2", MIXED], None);
    let expected_err =
        MIXED_TEXT.replace("7 records read: 3 valid, 4 with errors, 1 with warnings\n", "");
    let summary = err.lines().last().unwrap_or_default().to_owned();
    assert_eq!(code, 1);
    assert_eq!(err.strip_suffix(&format!("{summary}\n")), Some(expected_err.as_str()));
    let rows = out.lines().count() - 1;
    assert_eq!(
        summary,
        format!("7 records read: 3 exported ({rows} CAMEO rows), 4 skipped with errors")
    );
    assert!(out.starts_with("GLOBALEVENTID\tSQLDATE\t"));

    let (code, out, err) =
        run(&["export", "--to", "plover", "examples/records/baku-2024-04-02.json"], None);
    let expected = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/event-data/baku-2024-04-02.plover.jsonl"),
    )
    .unwrap();
    assert_eq!((code, out.as_str()), (0, expected.as_str()));
    assert_eq!(err, "1 record read: 1 exported (7 PLOVER events), 0 skipped with errors\n");
}

/// A meeting whose CAMEO rows would be over the limit is named on
/// standard error, not dropped in silence.
#[test]
fn export_names_an_act_over_the_row_limit() {
    let line = crate::event_data::meeting_of_polities(501);
    let (code, out, err) =
        run(&["export", "--to", "cameo", "-"], Some(format!("{line}\n").as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "the header only");
    assert_eq!(
        err,
        "-:1: note /event: its CAMEO rows would be more than 250000; none written\n\
         1 record read: 1 exported (0 CAMEO rows), 0 skipped with errors\n"
    );
}

/// Compressed JSON Lines, gzip or zstd, as files or on standard input, read
/// as the plain file is, line numbers and all; a broken stream is a read
/// error naming the line it broke in.
#[test]
fn compressed_json_lines_read_as_the_plain_file() {
    use std::io::Write as _;
    let plain = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MIXED))
        .expect("fixture");
    assert!(run(&["export", "--to", "plover", MIXED], None).1.lines().count() > 3);
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(&plain).expect("compresses");
    let gzip = gzip.finish().expect("compresses");
    let zstd = zstd::encode_all(&plain[..], 3).expect("compresses");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (name, bytes) in [("mixed.jsonl.gz", &gzip), ("mixed.ndjson.zst", &zstd)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("writable");
        let path = path.to_str().expect("UTF-8 path");
        let (code, out, err) = run(&["validate", path], None);
        assert_eq!((code, out, err), (1, MIXED_TEXT.replace(MIXED, path), String::new()));
        let (code, out, _) = run(&["validate", "-"], Some(bytes));
        assert_eq!((code, out), (1, MIXED_TEXT.replace(MIXED, "-")));
        let (code, out, _) = run(&["export", "--to", "plover", path], None);
        assert_eq!((code, out), (1, run(&["export", "--to", "plover", MIXED], None).1));
    }
    let broken = dir.join("broken.jsonl.gz");
    std::fs::write(&broken, &gzip[..gzip.len() / 2]).expect("writable");
    let (code, _, err) = run(&["validate", broken.to_str().expect("UTF-8")], None);
    assert_eq!(code, 2);
    assert!(err.contains("broken.jsonl.gz: line "), "{err}");
}

/// `export --to parquet` writes the valid records' tables, reports the
/// others as `validate` does, and says how many it rejected.
#[cfg(feature = "parquet")]
#[test]
fn export_to_parquet_writes_valid_records_and_reports_the_rest() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/test-tables/cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.to_str().unwrap();
    for input in [MIXED, "tests/fixtures/jsonl/mixed.jsonl.zst"] {
        let (code, stdout, err) = run(
            &[
                "export",
                "--to",
                "parquet",
                "--partition",
                "year",
                "--threads",
                "2",
                "--out",
                out,
                input,
            ],
            None,
        );
        assert_eq!((code, stdout.as_str()), (1, ""), "{err}");
        // The problems as `validate` prints them, then the summary.
        let problems: Vec<String> = MIXED_TEXT
            .lines()
            .filter(|line| line.starts_with(MIXED))
            .map(|line| line.replacen(MIXED, input, 1))
            .collect();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(
            lines[..problems.len()],
            problems.iter().map(String::as_str).collect::<Vec<_>>()
        );
        let summary = lines[problems.len()];
        assert!(summary.starts_with(&format!("7 records read: 3 written to {out} (")), "{summary}");
        assert!(summary.contains(", 4 rejected with errors; "), "{summary}");
        let file = std::fs::File::open(dir.join("records/year=2024/part-0.parquet")).unwrap();
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 3);
        // A second export into the same folder is refused.
        let (code, _, err) = run(&["export", "--to", "parquet", "--out", out, input], None);
        assert_eq!(code, 2);
        assert!(err.contains("the output folder is not empty"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn export_options_fit_their_target() {
    let (code, _, err) = run(&["export", "--to", "plover", "--out", "x", MIXED], None);
    assert_eq!(code, 2);
    assert!(err.contains("--out is for --to parquet"), "{err}");
    let (code, _, err) = run(&["export", "--to", "cameo", "--partition", "year", MIXED], None);
    assert_eq!(code, 2);
    assert!(err.contains("--partition is for --to parquet"), "{err}");
    let (code, _, err) = run(&["export", "--to", "parquet", MIXED], None);
    assert_eq!(code, 2);
    assert!(err.contains("--out <DIR>"), "{err}");
}

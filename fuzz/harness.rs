// The fuzz harness, shared by the cargo-fuzz target (fuzz/fuzz_targets/parse.rs)
// and by `cargo test` over the committed corpus (tests/it/fuzz_corpus.rs).
// Included with `include!`, so it has no imports of its own.

/// Feeds arbitrary bytes to every entry point that reads input, then
/// validates and re-reads whatever parses. Panics only when a guarantee
/// breaks: a panic inside the library, or a record that does not survive
/// its own round trip.
pub fn harness(data: &[u8]) {
    // A whole document.
    if let Ok(text) = std::str::from_utf8(data) {
        agree(text);
        match diplomatic_events::Record::from_json(text) {
            Ok(record) => check_record(&record),
            Err(error) => {
                check_problems(&error, diplomatic_events::DEFAULT_MAX_PROBLEMS);
                // A small cap holds too, and keeps the same first problems.
                let capped = diplomatic_events::Record::from_json_with_max_problems(text, 3)
                    .expect_err("refused under any cap");
                check_problems(&capped, 3);
                let (all, few) = (error.problems(), capped.problems());
                let kept = few.iter().filter(|p| p.code != diplomatic_events::Code::TooManyProblems);
                assert!(kept.zip(&all).all(|(a, b)| a == b), "the cap keeps the first problems");
            }
        }
    }
    // The same bytes as JSON Lines, with the default and a tiny line limit.
    for limit in [diplomatic_events::JsonLines::<&[u8]>::DEFAULT_MAX_LINE_LEN, 64] {
        let mut last = 0;
        for line in diplomatic_events::JsonLines::new(data).with_max_line_len(limit) {
            assert!(line.number > last, "line numbers increase");
            last = line.number;
            match line.result {
                Ok(record) => check_record(&record),
                Err(error) => check_problems(&error, diplomatic_events::DEFAULT_MAX_PROBLEMS),
            }
        }
    }
}

/// A refused input has at least one problem and at most `cap` and the one
/// that counts the rest, each with a JSON Pointer and its code's severity.
fn check_problems(error: &diplomatic_events::Error, cap: usize) {
    let problems = error.problems();
    assert!(!problems.is_empty(), "a refused input has a problem: {error}");
    assert!(problems.len() <= cap + 1, "{} problems, over the cap of {cap}", problems.len());
    for (i, problem) in problems.iter().enumerate() {
        assert_eq!(problem.severity, problem.code.severity());
        assert!(problem.path.is_empty() || problem.path.starts_with('/'), "{}", problem.path);
        let last = i + 1 == problems.len();
        let counts_the_rest = problem.code == diplomatic_events::Code::TooManyProblems;
        assert!(!counts_the_rest || (last && problems.len() == cap + 1), "{problem}");
    }
}

/// The fast record reader accepts only what serde accepts, as the same record.
fn agree(text: &str) {
    if let Some(fast) = diplomatic_events::__private::read_fast(text) {
        match diplomatic_events::__private::read_serde(text) {
            Ok(slow) => assert_eq!(fast, slow, "the fast reader and serde read the same record"),
            Err(error) => panic!("the fast reader accepted what serde refuses: {error}"),
        }
    }
}

fn check_record(record: &diplomatic_events::Record) {
    for problem in record.validate() {
        assert!(problem.path.is_empty() || problem.path.starts_with('/'), "{}", problem.path);
    }
    // Event-data rows derive from any record that parses, valid or not,
    // one line each.
    #[cfg(feature = "event-data")]
    {
        let mut json = Vec::new();
        let events = diplomatic_events::event_data::write_plover_events(record, &mut json);
        assert_eq!(json.iter().filter(|b| **b == b'\n').count(), events, "one line per event");
        let mut tsv = String::new();
        let written = diplomatic_events::event_data::write_cameo_rows(record, &mut tsv);
        assert_eq!(tsv.lines().count(), written.rows, "one line per row");
    }
    let line = record.to_json_line().expect("a parsed record serialises");
    let again = diplomatic_events::Record::from_json(&line).expect("own output parses");
    assert_eq!(&again, record, "round trip keeps the record");
    assert_eq!(again.to_json_line().expect("serialises"), line, "output is byte-stable");
}

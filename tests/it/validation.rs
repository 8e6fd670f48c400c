//! Every invalid fixture yields exactly its expected problems; valid ones none.
//!
//! Each `tests/fixtures/invalid/NAME.json` has a `NAME.expected` beside it:
//! one problem per line, `path<TAB>line:column<TAB>code<TAB>message`, in the
//! order reported (`0:0` where there is no location: the record rules'
//! problems on a record that was read).
//! Set `UPDATE_EXPECTED=1` to rewrite them (then review the diff).

use std::collections::BTreeSet;
use std::path::Path;

use diplomatic_events::{Code, Problem, Record, Severity};

use crate::fixtures::{json_files, valid_record_files};

/// What a user gets for one file: every problem, whether it could be read
/// or not.
fn problems_of_file(path: &Path) -> Vec<Problem> {
    let bytes = std::fs::read(path).expect("readable fixture");
    let parsed = match std::str::from_utf8(&bytes) {
        Ok(text) => Record::from_json(text),
        Err(e) => Err(diplomatic_events::Error::InvalidUtf8 { offset: e.valid_up_to() }),
    };
    match parsed {
        Ok(record) => record.validate(),
        Err(error) => error.into_problems(),
    }
}

fn render(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            let at = p.location;
            format!("{}\t{}:{}\t{}\t{}\n", p.path, at.line, at.column, p.code, p.message)
        })
        .collect()
}

#[test]
fn every_invalid_fixture_yields_exactly_its_expected_problems() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let files = json_files("tests/fixtures/invalid");
    assert!(files.len() >= 30);
    for path in files {
        let problems = problems_of_file(&path);
        assert!(!problems.is_empty(), "{} has no problem", path.display());
        for problem in &problems {
            assert_eq!(problem.severity, problem.code.severity());
        }
        let actual = render(&problems);
        let expected_path = path.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &actual).expect("writable");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        assert_eq!(actual, expected, "{}", path.display());
    }
}

#[test]
fn every_code_has_a_fixture() {
    let mut seen = BTreeSet::new();
    for path in json_files("tests/fixtures/invalid") {
        let fixture = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        for problem in problems_of_file(&path) {
            seen.insert(problem.code);
            if Code::ALL.iter().any(|c| c.as_str() == fixture) {
                // A fixture named after a code is there for that code.
                assert!(
                    problems_of_file(&path).iter().any(|p| p.code.as_str() == fixture),
                    "{fixture}.json does not report {fixture}"
                );
            }
        }
    }
    // Line limits only exist for JSON Lines: see the json_lines tests.
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c) && **c != Code::LineTooLong)
        .map(|c| c.as_str())
        .collect();
    assert!(missing.is_empty(), "no invalid fixture reports {missing:?}");
}

#[test]
fn five_problems_are_all_reported_at_once() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/five-problems.json");
    let problems = problems_of_file(&path);
    let codes: BTreeSet<Code> = problems.iter().map(|p| p.code).collect();
    assert!(codes.len() >= 5, "{codes:?}");
    assert!(problems.iter().any(|p| p.severity == Severity::Warning));
}

/// A scraped record with a problem in nearly every part gets them all in
/// one run: the field-level ones and the record rules' on what was read.
#[test]
fn many_problems_are_all_reported_at_once() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/many-problems.json");
    let problems = problems_of_file(&path);
    let (fields, rules): (Vec<&Problem>, Vec<&Problem>) =
        problems.iter().partition(|p| p.location.line > 0 && p.code < Code::DuplicateId);
    let field_codes: BTreeSet<Code> = fields.iter().map(|p| p.code).collect();
    assert!(fields.len() >= 8, "{fields:?}");
    assert!(field_codes.len() >= 6, "{field_codes:?}");
    let rule_codes: Vec<Code> = rules.iter().map(|p| p.code).collect();
    assert_eq!(rule_codes, [Code::UnresolvedReference, Code::Anonymous]);
    // Every problem has its place in the text, in the order of the text.
    let places: Vec<(usize, usize)> =
        problems.iter().map(|p| (p.location.line, p.location.column)).collect();
    assert!(places.iter().all(|&(line, column)| line > 0 && column > 0), "{places:?}");
    assert!(places.is_sorted(), "{places:?}");
}

/// Past the cap, problems are counted and the last one says how many.
#[test]
fn problems_past_the_cap_are_counted_not_kept() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/too-many-problems.json");
    let text = std::fs::read_to_string(path).expect("fixture");
    for (cap, left_out) in [(100, 5), (1, 104), (0, 105), (105, 0), (1_000, 0)] {
        let problems = Record::from_json_with_max_problems(&text, cap).expect_err("105 bad ids");
        let problems = problems.into_problems();
        let reported = problems.iter().filter(|p| p.code == Code::InvalidId).count();
        assert_eq!(reported, cap.min(105), "cap {cap}");
        match problems.last() {
            Some(last) if left_out > 0 => {
                assert_eq!(last.code, Code::TooManyProblems);
                assert!(last.message.starts_with(&format!("{left_out} more problem")), "{last}");
                assert_eq!(problems.len(), cap + 1);
            }
            _ => assert_eq!(problems.len(), 105, "cap {cap}"),
        }
    }
}

#[test]
fn valid_fixtures_have_no_problem_at_all() {
    for path in valid_record_files() {
        assert_eq!(render(&problems_of_file(&path)), "", "{}", path.display());
    }
}

#[test]
fn the_code_table_in_the_docs_is_complete_and_true() {
    let docs = include_str!("../../src/validation/mod.rs");
    let rows: Vec<(String, String, String)> = docs
        .lines()
        .filter_map(|line| line.strip_prefix("//! | `"))
        .map(|row| {
            let cells: Vec<&str> = row.split(" | ").collect();
            let code = cells[0].trim_end_matches('`').to_owned();
            (code, cells[1].to_owned(), cells[3].to_owned())
        })
        .collect();
    let expected: Vec<(String, String, String)> = Code::ALL
        .iter()
        .map(|c| {
            let schema = if c.checked_by_schema() { "yes" } else { "no" };
            (c.as_str().to_owned(), c.severity().as_str().to_owned(), schema.to_owned())
        })
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn codes_are_kebab_case_and_unique() {
    let mut seen = BTreeSet::new();
    for code in Code::ALL {
        let s = code.as_str();
        assert!(
            s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{s}"
        );
        assert!(seen.insert(s), "{s} twice");
        assert_eq!(code.to_string(), s);
    }
}

#[test]
fn problems_display_with_severity_code_path_and_message() {
    let problem = Problem::new(
        "/people/2/id",
        Code::DuplicateId,
        "person id \"gorgun\" is already used at /people/0",
    );
    assert_eq!(
        problem.to_string(),
        "error[duplicate-id] /people/2/id: person id \"gorgun\" is already used at /people/0"
    );
    assert_eq!(Problem::new("", Code::JsonSyntax, "x").to_string(), "error[json-syntax] (root): x");
}

#[test]
fn names_fold_to_one_person_key() {
    use diplomatic_events::validation::fold_name;
    for spelling in [
        "Haluk Görgün",
        "Haluk Gorgun",
        "HALUK GÖRGÜN",
        "Haluk Go\u{308}rgu\u{308}n",
        " haluk\t görgün ",
    ] {
        assert_eq!(fold_name(spelling), "haluk gorgun", "{spelling:?}");
    }
    assert_eq!(fold_name("Cahit Bağcı"), fold_name("Cahit Bagci"));
    assert_eq!(fold_name("Łukasz Straße"), "lukasz strasse");
    assert_ne!(fold_name("Ilham Aliyev"), fold_name("Mehriban Aliyeva"));
}

/// Ids of every length around the 8 bytes where the id index changes how it
/// compares, near one another (one byte apart, prefixes, the same letters
/// in another order), declared twice or not at all: the index finds
/// exactly the repeats and the unresolved references a plain set finds.
#[test]
fn the_id_index_agrees_with_a_plain_set() {
    let mut declared = Vec::new();
    for len in 1..=20 {
        let base: String = "abcdefghijklmnopqrstuvwxyz".chars().take(len).collect();
        declared.push(base.clone());
        declared.push(format!("{}Z", &base[..len - 1]));
        declared.push(base.chars().rev().collect());
    }
    declared.push("abcdefgh".to_owned()); // a repeat of an 8-byte id
    declared.push("abcdefghijklm".to_owned()); // a repeat of a 13-byte id
    let mut referenced: Vec<String> = declared.clone();
    for len in 1..=21 {
        let base: String = "abcdefghijklmnopqrstuvwxyz".chars().take(len).collect();
        referenced.push(format!("{base}x"));
        referenced.push(format!("{}Y", &base[..len - 1]));
    }
    let parties: Vec<String> = declared
        .iter()
        .map(|id| format!(r#"{{"id": "{id}", "kind": {{"type": "polity"}}, "name": "P {id}"}}"#))
        .collect();
    let participants: Vec<String> = referenced
        .iter()
        .map(|id| format!(r#"{{"participant": {{"party": "{id}"}}, "role": "guest"}}"#))
        .collect();
    let json = format!(
        r#"{{"format_version": "0.2", "id": "r", "event": {{"id": "e", "kind": "meeting", "participants": [{}]}}, "parties": [{}]}}"#,
        participants.join(","),
        parties.join(",")
    );
    let problems = Record::from_json(&json).unwrap().validate();
    let mut seen = BTreeSet::new();
    let repeats: Vec<String> = declared
        .iter()
        .enumerate()
        .filter(|(_, id)| !seen.insert(id.as_str()))
        .map(|(i, _)| format!("/parties/{i}/id"))
        .collect();
    let unresolved: Vec<String> = referenced
        .iter()
        .enumerate()
        .filter(|(_, id)| !seen.contains(id.as_str()))
        .map(|(i, _)| format!("/event/participants/{i}/participant/party"))
        .collect();
    let found = |code: Code| -> Vec<String> {
        problems.iter().filter(|p| p.code == code).map(|p| p.path.clone()).collect()
    };
    assert_eq!(found(Code::DuplicateId), repeats);
    assert_eq!(found(Code::UnresolvedReference), unresolved);
    assert_eq!(repeats.len(), 3); // the two above, and "a" reversed
    assert_eq!(unresolved.len(), 42);
}

/// Repeated members are found within a delegation only: by person or
/// party, head included, and for ids that resolve to nothing too; a person
/// and a party sharing an id are not the same member.
#[test]
fn repeated_members_are_found_per_delegation() {
    let json = r#"{"format_version": "0.2", "id": "r",
      "event": {"id": "e", "kind": "visit"},
      "parties": [{"id": "tr", "kind": {"type": "state", "country": "TR"}},
                  {"id": "x", "kind": {"type": "state", "country": "AZ"}}],
      "people": [{"id": "x", "name": "Hakan Fidan"}, {"id": "p", "name": "Other Person"}],
      "delegations": [
        {"id": "d1", "represents": "tr",
         "head": {"member": {"person": "x"}},
         "members": [{"member": {"party": "x"}}, {"member": {"person": "p"}},
                     {"member": {"person": "x"}}, {"member": {"person": "ghost"}},
                     {"member": {"person": "ghost"}}, {"member": {"party": "x"}}]},
        {"id": "d2", "represents": "tr",
         "head": {"member": {"person": "x"}},
         "members": [{"member": {"person": "p"}}, {"member": {"party": "x"}}]}
      ]}"#;
    let record = Record::from_json(json).expect("parses");
    let problems = record.validate();
    let repeated: Vec<(&str, &str)> = problems
        .iter()
        .filter(|p| p.code == Code::DuplicateMember)
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    let expected = [
        ("/delegations/0/members/2/member", "person \"x\" is listed twice in delegation \"d1\""),
        (
            "/delegations/0/members/4/member",
            "person \"ghost\" is listed twice in delegation \"d1\"",
        ),
        ("/delegations/0/members/5/member", "party \"x\" is listed twice in delegation \"d1\""),
    ];
    assert_eq!(repeated, expected);
}

/// Events are found by id at any depth, long ids (compared by text) too,
/// and a repeated event id names the first event's place.
#[test]
fn nested_events_with_long_ids_resolve_and_repeat() {
    let json = r#"{"format_version": "0.2", "id": "r",
      "event": {"id": "summit-2024", "kind": "summit", "parts": [
        {"id": "opening-session", "kind": "talks", "parts": [
          {"id": "bilateral-on-the-margins", "kind": "meeting"}]},
        {"id": "closing-session", "kind": "talks", "parts": [
          {"id": "bilateral-on-the-margins", "kind": "meeting"}]}]},
      "people": [{"id": "x", "name": "Hakan Fidan"}],
      "statements": [
        {"id": "s1", "speakers": [{"person": "x"}], "event": "bilateral-on-the-margins",
         "reporting_verb": "said", "mode": "paraphrase", "text": "We agreed."},
        {"id": "s2", "speakers": [{"person": "x"}], "event": "closing-session",
         "reporting_verb": "said", "mode": "paraphrase", "text": "We agreed."},
        {"id": "s3", "speakers": [{"person": "x"}], "event": "closing-sessions",
         "reporting_verb": "said", "mode": "paraphrase", "text": "We agreed."}]}"#;
    let record = Record::from_json(json).expect("parses");
    let problems = record.validate();
    let problems: Vec<(&str, &str)> =
        problems.iter().map(|p| (p.path.as_str(), p.message.as_str())).collect();
    let expected = [
        (
            "/event/parts/1/parts/0/id",
            "event id \"bilateral-on-the-margins\" is already used at /event/parts/0/parts/0",
        ),
        ("/statements/2/event", "no event has id \"closing-sessions\""),
    ];
    assert_eq!(problems, expected);
}

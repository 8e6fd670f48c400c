//! A record with k independent problems reports every one at its place, in
//! one run, and nothing else: no problem lost, none made up by the record
//! rules out of the values that failed.

use std::collections::BTreeSet;

use diplomatic_events::{Code, Problem, Record};
use proptest::prelude::*;
use serde_json::Value;

/// One problem planted in a record's JSON.
#[derive(Clone, Debug)]
enum Mutation {
    /// A string becomes a number: `invalid-type` at the string.
    StringToNumber(String),
    /// A string becomes one with a bidi override, which no string of the
    /// format accepts (text, id, code, date, URL, code-list value...).
    BidiString(String),
    /// An object with an id gets a field the model does not have.
    UnknownField(String),
    /// An object loses its id: `missing-field` at the object.
    MissingId(String),
    /// An object or a list becomes a string: `invalid-type` at it.
    ToString(String),
}

impl Mutation {
    /// Where the problem must be reported.
    fn path(&self) -> String {
        match self {
            Mutation::StringToNumber(at)
            | Mutation::BidiString(at)
            | Mutation::MissingId(at)
            | Mutation::ToString(at) => at.clone(),
            Mutation::UnknownField(at) => format!("{at}/zz_unknown"),
        }
    }

    fn apply(&self, record: &mut Value) {
        match self {
            Mutation::StringToNumber(at) => *record.pointer_mut(at).unwrap() = Value::from(7),
            Mutation::BidiString(at) => {
                *record.pointer_mut(at).unwrap() = Value::from("a\u{202e}b");
            }
            Mutation::UnknownField(at) => {
                record
                    .pointer_mut(at)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .insert("zz_unknown".to_owned(), Value::from(true));
            }
            Mutation::MissingId(at) => {
                record.pointer_mut(at).unwrap().as_object_mut().unwrap().remove("id");
            }
            Mutation::ToString(at) => *record.pointer_mut(at).unwrap() = Value::from("x"),
        }
    }
}

/// Every mutation a record's JSON can take: each string, list and object
/// (but inside extension values, which take any JSON), and each object
/// with an id.
fn sites(value: &Value, pointer: &str, out: &mut Vec<Mutation>) {
    match value {
        Value::String(_) => {
            out.push(Mutation::StringToNumber(pointer.to_owned()));
            out.push(Mutation::BidiString(pointer.to_owned()));
        }
        Value::Array(items) => {
            out.push(Mutation::ToString(pointer.to_owned()));
            for (index, item) in items.iter().enumerate() {
                sites(item, &format!("{pointer}/{index}"), out);
            }
        }
        Value::Object(members) => {
            if !pointer.is_empty() {
                out.push(Mutation::ToString(pointer.to_owned()));
            }
            if members.contains_key("id") {
                out.push(Mutation::UnknownField(pointer.to_owned()));
                out.push(Mutation::MissingId(pointer.to_owned()));
            }
            for (key, member) in members {
                if key != "extensions" {
                    let token = key.replace('~', "~0").replace('/', "~1");
                    sites(member, &format!("{pointer}/{token}"), out);
                }
            }
        }
        _ => {}
    }
}

/// Whether `a` is `b` or a place inside it, as JSON Pointers.
fn within(a: &str, b: &str) -> bool {
    a == b || a.strip_prefix(b).is_some_and(|rest| rest.starts_with('/'))
}

/// Up to `k` mutations of `record` at independent places: no problem's
/// path is another's, or inside it. `picks` choose among the sites.
fn independent(record: &Value, picks: &[prop::sample::Index]) -> Vec<Mutation> {
    let mut all = Vec::new();
    sites(record, "", &mut all);
    let mut chosen: Vec<Mutation> = Vec::new();
    for pick in picks {
        let mutation = pick.get(&all).clone();
        let path = mutation.path();
        if chosen.iter().all(|m| !within(&path, &m.path()) && !within(&m.path(), &path)) {
            chosen.push(mutation);
        }
    }
    chosen
}

/// Every problem of a text, read or not.
fn problems_of(text: &str) -> Vec<Problem> {
    match Record::from_json(text) {
        Ok(record) => record.validate(),
        Err(error) => error.into_problems(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_planted_problem_is_reported_at_its_place_and_nothing_else(
        record in crate::properties::record(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..=8),
        pretty in any::<bool>(),
    ) {
        let mut value: Value =
            serde_json::from_str(&record.to_json_line().unwrap()).unwrap();
        let mutations = independent(&value, &picks);
        for mutation in &mutations {
            mutation.apply(&mut value);
        }
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        let problems = problems_of(&text);
        let expected: BTreeSet<String> = mutations.iter().map(Mutation::path).collect();
        let found: BTreeSet<String> = problems.iter().map(|p| p.path.clone()).collect();
        prop_assert_eq!(&found, &expected, "{:?}\n{:#?}", mutations, problems);
        prop_assert_eq!(problems.len(), mutations.len(), "{:#?}", problems);
        for problem in &problems {
            prop_assert!(problem.code < Code::DuplicateId, "a record rule: {}", problem);
            let at = problem.location;
            prop_assert!(at.line > 0 && at.column > 0, "{}", problem);
            if !pretty {
                prop_assert_eq!(at.line, 1);
            }
        }
        // The first problem is the one the one-pass read stops at.
        let first = diplomatic_events::__private::read_serde(&text).unwrap_err().to_problem();
        prop_assert_eq!((&problems[0].path, problems[0].code), (&first.path, first.code));
        prop_assert_eq!(&problems[0].message, &first.message);
    }
}

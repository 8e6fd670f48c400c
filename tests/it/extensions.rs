//! Extensions: namespaced keys, values kept exactly.

use diplomatic_events::{ExtensionKey, ExtensionValue, Record};

const HEAD: &str =
    r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit"},"extensions":"#;

fn with_extensions(extensions: &str) -> String {
    format!("{HEAD}{extensions}}}")
}

#[test]
fn numbers_and_strings_are_kept_exactly() {
    let input = with_extensions(
        r#"{"org.example:n": [12345678901234567890123, 1e2, -0, 0.1, 1.0, 1E+2],
            "org.example:s": "caf\u00e9 \"quoted\" \ud83d\ude00",
            "org.example:o": {"b": 1, "a": [true, null, {}]}}"#,
    );
    let record = Record::from_json(&input).expect("parses");
    let get = |key: &str| record.extensions.get(key).expect(key).json().to_owned();
    assert_eq!(get("org.example:n"), "[12345678901234567890123,1e2,-0,0.1,1.0,1E+2]");
    assert_eq!(get("org.example:s"), r#""caf\u00e9 \"quoted\" \ud83d\ude00""#);
    assert_eq!(get("org.example:o"), r#"{"b":1,"a":[true,null,{}]}"#);
    let line = record.to_json_line().expect("serialises");
    assert!(
        line.contains(r#""org.example:n":[12345678901234567890123,1e2,-0,0.1,1.0,1E+2]"#),
        "{line}"
    );
    assert_eq!(Record::from_json(&line).expect("parses"), record);
}

#[test]
fn keys_must_be_namespaced() {
    for ok in ["gdelt:global_event_id", "org.example:review-status", "a:B.c_d-1", "icews:x"] {
        assert!(ok.parse::<ExtensionKey>().is_ok(), "{ok}");
    }
    let err = |s: &str| s.parse::<ExtensionKey>().expect_err(s).to_string();
    let prefix =
        |s: &str| format!("{s:?} is not a namespaced extension key such as \"org.example:name\": ");
    assert_eq!(err("colour"), prefix("colour") + "it has no ':' after the namespace");
    assert_eq!(
        err("Org:x"),
        prefix("Org:x") + "each namespace label starts with a lower-case letter"
    );
    assert_eq!(
        err("org..x:y"),
        prefix("org..x:y") + "each namespace label starts with a lower-case letter"
    );
    assert_eq!(err("org_x:y"), prefix("org_x:y") + "namespace labels use a-z, 0-9 and '-'");
    assert_eq!(err("org:"), prefix("org:") + "the name after ':' is empty");
    assert_eq!(err("org:a b"), prefix("org:a b") + "the name uses A-Z, a-z, 0-9, '_', '-' and '.'");
    let long = format!("org:{}", "a".repeat(125));
    assert_eq!(err(&long), prefix(&long) + "it is longer than 128 characters");
}

#[test]
fn bad_keys_and_duplicates_are_errors_with_paths() {
    let err = |ext: &str| Record::from_json(&with_extensions(ext)).expect_err(ext).to_string();
    assert_eq!(
        err(r#"{"colour": "red"}"#),
        "/extensions/colour (line 1, column 89): \"colour\" is not a namespaced extension key such as \"org.example:name\": it has no ':' after the namespace"
    );
    assert_eq!(
        err(r#"{"a:b": 1, "a:b": 2}"#),
        "/extensions/a:b (line 1, column 96): duplicate key \"a:b\""
    );
    assert_eq!(
        err(r#"[]"#),
        "/extensions (line 1, column 80): invalid type: sequence, expected an object"
    );
}

#[test]
fn value_constructor() {
    let value = ExtensionValue::from_json("{ \"a\" : [ 1 , 2 ] }").expect("json");
    assert_eq!(value.json(), "{\"a\":[1,2]}");
    assert!(ExtensionValue::from_json("{").is_err());
}

//! Broken and malicious input: a clear error with its path (and line, for
//! JSON Lines), never a panic, never data silently lost or altered.

use diplomatic_events::{Code, Error, JsonLines, Record};

const HEAD: &str = r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit""#;

/// A record whose event has `event_tail` appended inside the event object
/// and `record_tail` after it.
fn record(event_tail: &str, record_tail: &str) -> String {
    format!("{HEAD}{event_tail}}}{record_tail}}}")
}

fn rejected(json: &str) -> (String, Code, String) {
    match Record::from_json(json) {
        Ok(_) => panic!("accepted: {}", json.get(..200).unwrap_or(json)),
        Err(error) => {
            let first = error.to_problem();
            (first.path, first.code, first.message)
        }
    }
}

#[test]
fn duplicate_keys_at_every_level() {
    let cases = [
        (
            r#"{"format_version":"0.2","format_version":"0.2","id":"x","event":{"id":"e","kind":"visit"}}"#.to_owned(),
            "/format_version",
        ),
        (record(r#","kind":"talks""#, ""), "/event/kind"),
        (
            record(r#","parts":[{"id":"p","kind":"talks","title":"a","title":"b"}]"#, ""),
            "/event/parts/0/title",
        ),
        (
            record(
                "",
                r#","parties":[{"id":"p","kind":{"type":"state","country":"TR","country":"AZ"}}]"#,
            ),
            "/parties/0/kind/country",
        ),
        (
            record(
                "",
                r#","agreements":[{"id":"a","kind":"treaty","count":{"kind":"exact","value":1,"value":2}}]"#,
            ),
            "/agreements/0/count/value",
        ),
        (record("", r#","extensions":{"a:b":1,"a:b":2}"#), "/extensions/a:b"),
        (
            record(
                "",
                r#","people":[{"id":"p","name":"P","external_ids":{"other":{"a:b":"1","a:b":"2"}}}]"#,
            ),
            "/people/0/external_ids/other/a:b",
        ),
        (
            record(
                r#","place":{"venue":"V","coordinates":{"latitude":1,"latitude":2,"longitude":3}}"#,
                "",
            ),
            "/event/place/coordinates/latitude",
        ),
    ];
    for (json, path) in cases {
        let (got_path, code, message) = rejected(&json);
        assert_eq!((got_path.as_str(), code), (path, Code::DuplicateKey), "{json}: {message}");
    }
    // Inside an extension value the path within the value is in the message.
    let (path, code, message) =
        rejected(&record("", r#","extensions":{"a:b":{"x":[{"k":1,"k":2}]}}"#));
    assert_eq!((path.as_str(), code), ("/extensions/a:b", Code::DuplicateKey));
    assert_eq!(message, "duplicate key at /x/0/k inside the extension value");
}

#[test]
fn unknown_fields_are_rejected_but_extensions_are_kept_exactly() {
    let (path, code, _) = rejected(&record(r#","gdelt_id":1"#, ""));
    assert_eq!((path.as_str(), code), ("/event/gdelt_id", Code::UnknownField));
    let kept = r#"{"gdelt:id":12345678901234567890123,"org.example:n":[1e2,-0,-0.0,1E-7,0.1],"org.example:s":"\u00e9\ud83d\ude00\/"}"#;
    let json = record(&format!(r#","extensions":{kept}"#), "");
    let parsed = Record::from_json(&json).expect("valid");
    let line = parsed.to_json_line().expect("serialises");
    assert!(line.contains(kept), "{line}");
    assert_eq!(
        parsed.event.extensions.get("gdelt:id").map(|v| v.json()),
        Some("12345678901234567890123")
    );
}

#[test]
fn nesting_ten_thousand_levels_deep() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for json in [
        record(&format!(r#","extensions":{{"a:b":{deep}}}"#), ""),
        record(
            "",
            &format!(
                r#","extensions":{{"a:b":{}1{}}}"#,
                "{\"a\":".repeat(10_000),
                "}".repeat(10_000)
            ),
        ),
    ] {
        let (_, code, message) = rejected(&json);
        assert_eq!(code, Code::JsonSyntax, "{message}");
        assert_eq!(message, "recursion limit exceeded");
    }
    // Where no value may nest, the first bracket is already the wrong type.
    let (_, code, _) = rejected(&deep);
    assert_eq!(code, Code::InvalidType);
    let parts =
        format!("{}{}", r#","parts":[{"id":"p","kind":"talks""#.repeat(5_000), "}]".repeat(5_000));
    let (_, code, message) = rejected(&record(&parts, ""));
    assert_eq!((code, message.as_str()), (Code::JsonSyntax, "recursion limit exceeded"));
}

#[test]
fn a_fifty_megabyte_string() {
    let huge = "a".repeat(50 << 20);
    let (path, code, message) = rejected(&record(&format!(r#","title":"{huge}""#), ""));
    assert_eq!((path.as_str(), code), ("/event/title", Code::TextTooLong));
    assert_eq!(
        message,
        format!("text is {} characters long, more than the limit of 10000", 50 << 20)
    );
    // As a JSON Lines line it is refused before it is parsed, without being held.
    let input = format!("{}\n{}\n", record(&format!(r#","title":"{huge}""#), ""), record("", ""));
    let lines: Vec<_> = JsonLines::new(input.as_bytes()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].number, 1);
    assert!(matches!(lines[0].result, Err(Error::LineTooLong { limit: 1_048_576 })));
    assert!(lines[1].result.is_ok());
}

#[test]
fn invalid_unicode() {
    let mut bytes = record(r#","title":"caf"#, "").into_bytes();
    bytes.insert(bytes.len() - 2, 0xE9);
    let lines: Vec<_> = JsonLines::new(bytes.as_slice()).collect();
    assert_eq!(lines[0].result.as_ref().map_err(Error::code).err(), Some(Code::InvalidUtf8));
    for lone in [r#"\ud800"#, r#"\udc00"#, r#"\ud800\u0041"#] {
        let (path, code, message) = rejected(&record(&format!(r#","title":"a{lone}b""#), ""));
        assert_eq!((path.as_str(), code), ("/event/title", Code::JsonSyntax), "{lone}: {message}");
        let (path, code, _) =
            rejected(&record("", &format!(r#","extensions":{{"a:b":"{lone}"}}"#)));
        assert_eq!((path.as_str(), code), ("/extensions/a:b", Code::JsonSyntax), "{lone}");
    }
}

#[test]
fn numbers_where_integers_are_expected() {
    let place = |n: &str| record(&format!(r#","place":{{"geonames_id":{n}}}"#), "");
    assert!(Record::from_json(&place("9007199254740993")).is_ok(), "beyond 2^53 still fits a u64");
    assert!(Record::from_json(&place("18446744073709551615")).is_ok(), "u64::MAX");
    let plain_digits =
        "must be written in plain digits, without a fraction, an exponent or a minus sign";
    for (n, code, message) in [
        (
            "18446744073709551616",
            Code::InvalidValue,
            "invalid value: a number above the largest accepted, 18446744073709551615".to_owned(),
        ),
        ("1e400", Code::JsonSyntax, "number out of range".to_owned()),
        ("1.0", Code::InvalidValue, format!("invalid value: the whole number 1 {plain_digits}")),
        ("1e2", Code::InvalidValue, format!("invalid value: the whole number 100 {plain_digits}")),
        ("0e0", Code::InvalidValue, format!("invalid value: the whole number 0 {plain_digits}")),
        ("-0", Code::InvalidValue, format!("invalid value: the whole number -0 {plain_digits}")),
        (
            "2.5",
            Code::InvalidValue,
            "invalid value: 2.5 is not a whole number of 0 or more".to_owned(),
        ),
        ("-1", Code::InvalidValue, "invalid value: integer `-1`, expected u64".to_owned()),
        ("NaN", Code::JsonSyntax, "expected value".to_owned()),
        ("Infinity", Code::JsonSyntax, "expected value".to_owned()),
        ("-Infinity", Code::JsonSyntax, "invalid number".to_owned()),
        ("0x10", Code::JsonSyntax, "expected `,` or `}`".to_owned()),
    ] {
        let json = place(n);
        let error = Record::from_json(&json).expect_err(n);
        assert_eq!(error.code(), code, "{n}");
        let first = error.to_problem();
        assert_eq!(first.message, message, "{n}");
        assert!(first.path.starts_with("/event/place"), "{n}: {}", first.path);
    }
}

#[test]
fn dates_and_times_that_are_not() {
    for (date, code, message) in [
        (
            "2024-02-30",
            Code::InvalidDate,
            "\"2024-02-30\" is not a real date or time: day 30 is out of range",
        ),
        (
            "2024-04-02T24:00:00Z",
            Code::InvalidDate,
            "\"2024-04-02T24:00:00Z\" is not a real date or time: hour 24 is out of range",
        ),
        (
            "2024-04-02T10:00:00+24:00",
            Code::InvalidDate,
            "\"2024-04-02T10:00:00+24:00\" is not a real date or time: offset hour 24 is out of range",
        ),
        (
            "2024-04-02T10:00:00+0545",
            Code::InvalidDate,
            "\"2024-04-02T10:00:00+0545\" is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)",
        ),
        (
            "2016-12-31T23:59:60Z",
            Code::InvalidDate,
            "\"2016-12-31T23:59:60Z\" is a leap second (second 60), which is not supported",
        ),
        (
            "2024-04-02T10:00:00",
            Code::InvalidDate,
            "\"2024-04-02T10:00:00\" has a time of day but no UTC offset: add Z, +hh:mm or -hh:mm",
        ),
    ] {
        let (path, got_code, got) =
            rejected(&record(&format!(r#","time":{{"start":"{date}"}}"#), ""));
        assert_eq!((path.as_str(), got_code, got.as_str()), ("/event/time/start", code, message));
    }
}

#[test]
fn invisible_and_control_characters_in_names() {
    for (name, message) in [
        (
            "Haluk\u{202E}nügröG",
            "text contains bidirectional formatting character U+202E at character 5",
        ),
        (
            "Haluk\u{2067}Görgün",
            "text contains bidirectional formatting character U+2067 at character 5",
        ),
        ("Ha\u{200B}luk", "text contains zero-width character U+200B at character 2"),
        ("Ha\u{0007}luk", "text contains control character U+0007 at character 2"),
        ("Haluk\u{0085}", "text contains control character U+0085 at character 5"),
    ] {
        let json = record(
            "",
            &format!(
                r#","people":[{{"id":"p","name":{}}}]"#,
                serde_json::to_string(name).expect("json")
            ),
        );
        let (path, code, got) = rejected(&json);
        assert_eq!((path.as_str(), got.as_str()), ("/people/0/name", message));
        assert_eq!(code, Code::ForbiddenCharacter);
    }
}

#[test]
fn nfc_and_nfd_are_one_stored_form_and_one_person_key() {
    let nfd = "Haluk Go\u{308}rgu\u{308}n";
    let json = record(
        "",
        &format!(r#","people":[{{"id":"a","name":"Haluk Görgün"}},{{"id":"b","name":"{nfd}"}}]"#),
    );
    let parsed = Record::from_json(&json).expect("valid");
    assert_eq!(parsed.people[0].name, parsed.people[1].name);
    assert_eq!(parsed.people[1].name.as_ref().map(|n| n.as_str()), Some("Haluk Görgün"));
    let problems = parsed.validate();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].path.as_str(), problems[0].code),
        ("/people/1/name", Code::SamePersonTwice)
    );
}

#[test]
fn byte_order_mark() {
    let json = record("", "");
    assert!(Record::from_json(&format!("\u{FEFF}{json}")).is_ok(), "ignored at the start");
    let (_, code, _) = rejected(&format!(" \u{FEFF}{json}"));
    assert_eq!(code, Code::JsonSyntax, "anywhere else it is an error");
}

#[test]
fn json_lines_good_and_bad_interleaved() {
    let good = record("", "");
    let input =
        format!("{good}\n{{\n{good}\n\u{FEFF}{good}\n{}\n\n{good}", record(r#","x":1"#, ""));
    let outcome: Vec<(u64, Option<Code>)> = JsonLines::new(input.as_bytes())
        .map(|line| (line.number, line.result.err().map(|e| e.code())))
        .collect();
    assert_eq!(
        outcome,
        [
            (1, None),
            (2, Some(Code::JsonSyntax)),
            (3, None),
            (4, Some(Code::JsonSyntax)),
            (5, Some(Code::UnknownField)),
            (7, None)
        ]
    );
}

/// Extension values are kept as written, so any JSON number is one, however
/// large or long: nothing parses it. Lone surrogates are still refused,
/// with a message that says so.
#[test]
fn extension_numbers_of_any_size_are_kept_as_written() {
    let long = format!("-{}.5e-99999", "9".repeat(400));
    for number in ["1e400", "-1E+99999", long.as_str()] {
        let json = record("", &format!(r#","extensions":{{"a:b":[{number},{{"c":{number}}}]}}"#));
        let read = Record::from_json(&json).expect(number);
        let value = read.extensions.get("a:b").expect("kept");
        assert_eq!(value.json(), format!(r#"[{number},{{"c":{number}}}]"#));
        assert!(diplomatic_events::__private::read_fast(&json).is_some(), "{number}");
    }
    let json = record("", r#","extensions":{"a:b":{"c":["\udc00"]}}"#);
    let (path, code, message) = rejected(&json);
    assert_eq!((path.as_str(), code), ("/extensions/a:b", Code::JsonSyntax));
    assert!(message.starts_with(r"lone surrogate \uDC00 in a string at /c/0"), "{message}");
}

/// A lone surrogate escape is named as one, wherever it is in the record.
#[test]
fn lone_surrogates_are_named() {
    for escape in [r"\ud800", r"\udc00", r"\ud800\u0041", r"\ud800x", r"\udbff\ud800"] {
        let json = record(&format!(r#","title":"a{escape}b""#), "");
        let (path, code, message) = rejected(&json);
        assert_eq!((path.as_str(), code), ("/event/title", Code::JsonSyntax), "{escape}");
        assert!(message.starts_with(r"lone surrogate: a \u escape of a surrogate"), "{message}");
    }
}

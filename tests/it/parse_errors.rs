//! Parse errors name the JSON Pointer of the offending value, its line and
//! column, and what is wrong.

use diplomatic_events::Record;

fn err(json: &str) -> String {
    Record::from_json(json).expect_err(json).to_string()
}

const MINIMAL: &str = r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit"}}"#;

#[test]
fn the_minimal_record_parses() {
    let record = Record::from_json(MINIMAL).expect("minimal record");
    assert_eq!(record.to_json_line().expect("serialises"), MINIMAL);
}

/// Format 0.2 only adds to 0.1: a record of 0.1 reads, on both paths, as
/// the same record of 0.2, and any other version is refused.
#[test]
fn records_of_format_0_1_read_as_0_2() {
    let old = MINIMAL.replace("\"0.2\"", "\"0.1\"");
    let record = Record::from_json(&old).expect("a 0.1 record");
    assert_eq!(record.format_version, diplomatic_events::FormatVersion::V0_2);
    assert_eq!(record.to_json_line().expect("serialises"), MINIMAL);
    assert!(diplomatic_events::__private::read_fast(&old).is_some());
    for other in ["0.3", "1.0", "0.10", "0.2 "] {
        let json = MINIMAL.replace("\"0.2\"", &format!("\"{other}\""));
        let error = Record::from_json(&json).expect_err(&json);
        assert_eq!(error.path(), "/format_version", "{json}");
    }
}

#[test]
fn unknown_fields_are_rejected_with_their_path() {
    assert_eq!(
        err(r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit"},"colour":1}"#),
        "/colour (line 1, column 75): unknown field `colour`, expected one of `format_version`, `id`, `event`, `parties`, `people`, `delegations`, `statements`, `agreements`, `outcomes`, `relations`, `sources`, `extensions`"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","place":{"city":"Baku"}}}"#
        ),
        "/event/place/city (line 1, column 81): unknown field `city`, expected one of `venue`, `areas`, `locality`, `region`, `country`, `sovereign`, `time_zone`, `coordinates`, `geonames_id`"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","parts":[{"id":"p","kind":"talks","participants":[{"participant":{"person":"a"},"role":"host","rank":1}]}]},"people":[{"id":"a","name":"A"}]}"#
        ),
        "/event/parts/0/participants/0/rank (line 1, column 166): unknown field `rank`, expected one of `participant`, `role`, `acting_for`, `local_time`, `sources`"
    );
}

#[test]
fn required_fields_and_types() {
    assert_eq!(
        err(r#"{"id":"x","event":{"id":"e","kind":"visit"}}"#),
        "(root) (line 1, column 44): missing field `format_version`"
    );
    assert_eq!(
        err(r#"{"format_version":"0.3","id":"x","event":{"id":"e","kind":"visit"}}"#),
        "/format_version (line 1, column 23): unknown variant `0.3`, expected `0.1` or `0.2`"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","time":{"start":20240402}}}"#
        ),
        "/event/time/start (line 1, column 90): invalid type: integer `20240402`, expected a string (Date)"
    );
    assert_eq!(
        err(r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visti"}}"#),
        "/event/kind (line 1, column 65): unknown variant `visti`, expected one of `visit`, `state_visit`, `official_visit`, `official_working_visit`, `working_visit`, `private_visit`, `summit`, `conference`, `meeting`, `talks`, `phone_call`, `video_call`, `signing_ceremony`, `other`"
    );
    assert_eq!(
        err(r#"{"format_version":"0.2","id":"x","id":"y","event":{"id":"e","kind":"visit"}}"#),
        "/id (line 1, column 37): duplicate field `id`"
    );
}

#[test]
fn value_errors_point_at_the_value() {
    assert_eq!(
        err(
            "{\"format_version\":\"0.1\",\"id\":\"x\",\n\"event\":{\"id\":\"e\",\"kind\":\"visit\",\"title\":\"a\\u202eb\"}}"
        ),
        "/event/title (line 2, column 51): text contains bidirectional formatting character U+202E at character 1"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","place":{"country":"fr"}}}"#
        ),
        "/event/place/country (line 1, column 89): country code \"fr\" must be upper case (\"FR\")"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","place":{"coordinates":{"latitude":91,"longitude":0}}}}"#
        ),
        // At the number out of range.
        "/event/place/coordinates/latitude (line 1, column 103): latitude 91 is outside -90 to 90"
    );
}

#[test]
fn structs_are_objects_only() {
    assert_eq!(
        err(
            r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","time":["2024-04-02","2024-04-03"]}}"#
        ),
        "/event/time (line 1, column 73): invalid type: sequence, expected struct Period"
    );
    assert_eq!(
        err(r#"["0.1","x",{"id":"e","kind":"visit"}]"#),
        "(root) (line 1, column 1): invalid type: sequence, expected struct Record"
    );
}

#[test]
fn malformed_json() {
    assert_eq!(err(""), "(root) (line 1, column 0): EOF while parsing a value");
    assert_eq!(err(&format!("{MINIMAL} x")), "(root) (line 1, column 69): trailing characters");
    assert_eq!(err("{\"format_version\":\"0.1\",}"), "(root) (line 1, column 25): trailing comma");
}

/// The error's path and message, without the line and column.
fn path_and_message(json: &str) -> String {
    let first = Record::from_json(json).expect_err(json).to_problem();
    format!("{}: {}", first.path, first.message)
}

fn with_party(kind: &str) -> String {
    format!(
        r#"{{"format_version":"0.2","id":"x","event":{{"id":"e","kind":"visit"}},"parties":[{{"id":"p","name":"P","kind":{kind}}}]}}"#
    )
}

#[test]
fn party_kinds_say_what_they_need_and_refuse() {
    let cases = [
        (
            r#"{"type":"state"}"#,
            "/parties/0/kind: a party of type `state` needs `country`; a polity without a code is of type `polity`",
        ),
        (
            r#"{"type":"state","country":"TR","parent":"q"}"#,
            "/parties/0/kind: a party of type `state` has no field `parent`",
        ),
        (
            r#"{"type":"state","country":"TR","members":[]}"#,
            "/parties/0/kind: a party of type `state` has no field `members`",
        ),
        (
            r#"{"type":"polity","country":"TR"}"#,
            "/parties/0/kind: a party of type `polity` has no field `country`",
        ),
        (
            r#"{"type":"polity","members":["a"]}"#,
            "/parties/0/kind: a party of type `polity` has no field `members`",
        ),
        (
            r#"{"type":"group_of_states","parent":"a"}"#,
            "/parties/0/kind: a party of type `group_of_states` has no field `parent`",
        ),
        (
            r#"{"type":"company","members":["a"]}"#,
            "/parties/0/kind: a party of type `company` has no field `members`",
        ),
        (
            r#"{"type":"non_state_actor","parent":"a"}"#,
            "/parties/0/kind: a party of type `non_state_actor` has no field `parent`",
        ),
        (
            r#"{"type":"country","country":"TR"}"#,
            "/parties/0/kind/type: unknown variant `country`, expected one of `state`, `polity`, `international_organisation`, `organ`, `group_of_states`, `public_body`, `company`, `non_state_actor`",
        ),
        (r#"{"country":"TR"}"#, "/parties/0/kind: missing field `type`"),
        (
            r#"{"type":"state","country":"SU"}"#,
            "/parties/0/kind/country: unknown country code \"SU\": expected an ISO 3166-1 alpha-2 code, an ISO 3166-3 former-country code, or XK",
        ),
    ];
    for (kind, message) in cases {
        assert_eq!(path_and_message(&with_party(kind)), message, "{kind}");
    }
}

#[test]
fn counts_say_what_they_need() {
    let with_count = |count: &str| {
        format!(
            r#"{{"format_version":"0.2","id":"x","event":{{"id":"e","kind":"visit"}},"agreements":[{{"id":"a","kind":"treaty","count":{count}}}]}}"#
        )
    };
    let cases = [
        (r#"{"kind":"exact"}"#, "/agreements/0/count: missing field `value`"),
        (
            r#"{"kind":"unknown","value":2}"#,
            "/agreements/0/count: a count of kind `unknown` has no `value`",
        ),
        (
            r#"{"kind":"exact","value":-1}"#,
            "/agreements/0/count/value: invalid value: integer `-1`, expected u64",
        ),
        (
            r#"{"kind":"some","value":2}"#,
            "/agreements/0/count/kind: unknown variant `some`, expected one of `exact`, `approximate`, `at_least`, `at_most`, `unknown`, `disputed`",
        ),
    ];
    for (count, message) in cases {
        assert_eq!(path_and_message(&with_count(count)), message, "{count}");
    }
}

/// Regression test for issue 15, finding 3: a unit value written as an
/// object with one key (`{"visit": null}`) was taken for the value and
/// written back as `"visit"`. Every code-list value, the format version,
/// and the code lists inside party kinds and counts refuse it, at its path,
/// with `invalid-type`, on both readers.
#[test]
fn unit_values_as_one_key_objects_are_refused() {
    use diplomatic_events::Code;
    let record = |event: &str, rest: &str| {
        format!(r#"{{"format_version":"0.2","id":"x","event":{{"id":"e",{event}}}{rest}}}"#)
    };
    let cases = [
        (record(r#""kind":{"visit":null}"#, ""), "/event/kind/visit"),
        (record(r#""kind":{"state_visit":{}}"#, ""), "/event/kind/state_visit"),
        (record(r#""kind":"visit","modality":{"video":null}"#, ""), "/event/modality/video"),
        (
            record(
                r#""kind":"visit","participants":[{"participant":{"person":"a"},"role":{"guest":null}}]"#,
                "",
            ),
            "/event/participants/0/role/guest",
        ),
        (
            r#"{"format_version":{"0.1":null},"id":"x","event":{"id":"e","kind":"visit"}}"#
                .to_owned(),
            "/format_version/0.1",
        ),
        (
            record(
                r#""kind":"visit""#,
                r#","parties":[{"id":"p","kind":{"type":{"state":null},"country":"TR"},"name":"P"}]"#,
            ),
            "/parties/0/kind/type/state",
        ),
        (
            record(
                r#""kind":"visit""#,
                r#","agreements":[{"id":"a","kind":"agreement","count":{"kind":{"exact":null},"value":1}}]"#,
            ),
            "/agreements/0/count/kind/exact",
        ),
    ];
    for (json, path) in cases {
        let error = Record::from_json(&json).expect_err(&json);
        assert_eq!((error.path(), error.code()), (path, Code::InvalidType), "{json}: {error}");
        assert_eq!(diplomatic_events::__private::read_fast(&json), None, "{json}");
    }
    // The string form still reads, and writes back as it was.
    let json = record(r#""kind":"visit","modality":"video""#, "");
    assert_eq!(Record::from_json(&json).expect("valid").to_json_line().expect("writes"), json);
}

/// A one-key object (`{"person": "a"}`, `{"other": "talks"}`) with a second
/// key: the repeated key is a `duplicate-key` error pointing at it, another
/// key an `unknown-field` error pointing at it too; an empty one and a newtype value's string
/// form are refused with messages that say what is written instead.
#[test]
fn one_key_objects_have_exactly_one_key() {
    use diplomatic_events::Code;
    let participant = |participant: &str| {
        format!(
            r#"{{"format_version":"0.2","id":"x","event":{{"id":"e","kind":"visit","participants":[{{"participant":{participant},"role":"guest"}}]}}}}"#
        )
    };
    let kind = |kind: &str| {
        format!(r#"{{"format_version":"0.2","id":"x","event":{{"id":"e","kind":{kind}}}}}"#)
    };
    let cases = [
        (
            participant(r#"{"person":"a","person":"a"}"#),
            "/event/participants/0/participant/person",
            Code::DuplicateKey,
            r#"duplicate key "person""#,
        ),
        (
            participant(r#"{"person":"a","party":"b"}"#),
            "/event/participants/0/participant/party",
            Code::UnknownField,
            "unknown field `party` beside `person`: this object has exactly one key",
        ),
        (
            participant("{}"),
            "/event/participants/0/participant",
            Code::InvalidValue,
            "invalid value: an empty object; it has exactly one key",
        ),
        (
            kind(r#"{"other":"talks","other":"talks"}"#),
            "/event/kind/other",
            Code::DuplicateKey,
            r#"duplicate key "other""#,
        ),
        (
            kind(r#""other""#),
            "/event/kind",
            Code::InvalidType,
            r#"invalid type: a string; "other" is written as an object with one key, {"other": ...}"#,
        ),
    ];
    for (json, path, code, message) in cases {
        let error = Record::from_json(&json).expect_err(&json);
        assert_eq!((error.path(), error.code()), (path, code), "{json}: {error}");
        assert_eq!(error.to_problem().message, message, "{json}");
        assert_eq!(diplomatic_events::__private::read_fast(&json), None, "{json}");
    }
}

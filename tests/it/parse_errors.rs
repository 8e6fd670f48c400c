//! Parse errors name the JSON Pointer of the offending value, its line and
//! column, and what is wrong.

use diplomatic_events::Record;

fn err(json: &str) -> String {
    Record::from_json(json).expect_err(json).to_string()
}

const MINIMAL: &str = r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit"}}"#;

#[test]
fn the_minimal_record_parses() {
    let record = Record::from_json(MINIMAL).expect("minimal record");
    assert_eq!(record.to_json_line().expect("serialises"), MINIMAL);
}

#[test]
fn unknown_fields_are_rejected_with_their_path() {
    assert_eq!(
        err(r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit"},"colour":1}"#),
        "/colour (line 1, column 75): unknown field `colour`, expected one of `format_version`, `id`, `event`, `parties`, `people`, `delegations`, `statements`, `agreements`, `sources`, `extensions`"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit","place":{"city":"Baku"}}}"#
        ),
        "/event/place/city (line 1, column 81): unknown field `city`, expected one of `venue`, `locality`, `region`, `country`, `coordinates`, `geonames_id`"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit","parts":[{"id":"p","kind":"talks","participants":[{"participant":{"person":"a"},"role":"host","rank":1}]}]}}"#
        ),
        "/event/parts/0/participants/0/rank (line 1, column 166): unknown field `rank`, expected one of `participant`, `role`, `acting_for`"
    );
}

#[test]
fn required_fields_and_types() {
    assert_eq!(
        err(r#"{"id":"x","event":{"id":"e","kind":"visit"}}"#),
        "(root) (line 1, column 44): missing field `format_version`"
    );
    assert_eq!(
        err(r#"{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit"}}"#),
        "/format_version (line 1, column 23): unknown variant `0.2`, expected `0.1`"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit","time":{"start":20240402}}}"#
        ),
        "/event/time/start (line 1, column 90): invalid type: integer `20240402`, expected a string (Date)"
    );
    assert_eq!(
        err(r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visti"}}"#),
        "/event/kind (line 1, column 65): unknown variant `visti`, expected one of `visit`, `state_visit`, `official_visit`, `official_working_visit`, `working_visit`, `private_visit`, `summit`, `conference`, `meeting`, `talks`, `phone_call`, `video_call`, `signing_ceremony`, `other`"
    );
    assert_eq!(
        err(r#"{"format_version":"0.1","id":"x","id":"y","event":{"id":"e","kind":"visit"}}"#),
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
            r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit","place":{"country":"fr"}}}"#
        ),
        "/event/place/country (line 1, column 89): country code \"fr\" must be upper case (\"FR\")"
    );
    assert_eq!(
        err(
            r#"{"format_version":"0.1","id":"x","event":{"id":"e","kind":"visit","place":{"coordinates":{"latitude":91,"longitude":0}}}}"#
        ),
        "/event/place/coordinates (line 1, column 119): latitude 91 is outside -90 to 90"
    );
}

#[test]
fn malformed_json() {
    assert_eq!(err(""), "(root) (line 1, column 0): EOF while parsing a value");
    assert_eq!(err(&format!("{MINIMAL} x")), "(root) (line 1, column 69): trailing characters");
    assert_eq!(err("{\"format_version\":\"0.1\",}"), "(root) (line 1, column 25): trailing comma");
}

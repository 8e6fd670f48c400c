//! Format 0.2's "which source says what": every fact-bearing item cites
//! its sources, and values the sources disagree on are kept side by side.

use diplomatic_events::{Code, Count, Duration, Record};

/// One record citing sources from every kind of item, with a count and a
/// duration that the sources disagree on.
const CITED: &str = r#"{"format_version":"0.2","id":"r",
  "event":{"id":"visit","kind":"visit","time":{"start":"2024-04-02T10:00:00+04:00","end":"2024-04-02T13:00:00+04:00"},
    "duration":{"kind":"disputed","reports":[{"kind":"exact","value":"PT3H","sources":["apa"]},{"kind":"at_least","value":"PT2H","sources":["trend"]}]},
    "participants":[{"participant":{"person":"gorgun"},"role":"guest","sources":["apa"]}]},
  "parties":[{"id":"tr","kind":{"type":"state","country":"TR"},"sources":["apa"]},
    {"id":"firms","kind":{"type":"company","country":"AZ"},"description":"Defence industry firms",
     "count":{"kind":"disputed","reports":[{"kind":"at_least","value":5,"sources":["apa"]},{"kind":"exact","value":7,"sources":["trend"]}]}}],
  "people":[{"id":"gorgun","name":"Haluk Görgün","sources":["apa"],
    "name_variants":[{"name":"Haluk Gorgun","kind":"spelling","sources":["trend"]},{"name":"Haluk Görgün","kind":"spelling","sources":["apa"]}],
    "positions":[{"title":"President of the Defence Industry Agency","sources":["apa","trend"]}]}],
  "delegations":[{"id":"d","represents":"tr","head":{"member":{"person":"gorgun"},"sources":["apa"]},"sources":["apa"],
    "size":{"kind":"approximate","value":20,"sources":["trend"]}}],
  "agreements":[{"id":"m","kind":"memorandum_of_understanding","sources":["apa"],
    "count":{"kind":"disputed","reports":[{"kind":"exact","value":3,"sources":["apa"]},{"kind":"unknown","as_written":"several","sources":["trend"]}]},
    "signatories":[{"person":"gorgun","acting_for":"tr","sources":["apa"]}],"parties":["tr"],
    "steps":[{"step":"signed","date":"2024-04-02","sources":["apa"]},{"step":"signed","date":"2024-04","sources":["trend"]}]}],
  "sources":[{"id":"apa","publisher":"APA"},{"id":"trend","publisher":"Trend"}]}"#;

#[test]
fn every_fact_bearing_item_cites_its_sources() {
    let record = Record::from_json(CITED).unwrap();
    // At least 5 and exactly 7 agree; exactly 3 and "several" agree;
    // exactly 3 hours and at least 2 agree; a month and a day in it agree:
    // nothing is contradicted.
    assert_eq!(record.validate().into_iter().map(|p| (p.code, p.path)).collect::<Vec<_>>(), []);
    assert_eq!(record.people[0].name_variants[0].sources[0].as_str(), "trend");
    let Some(Count::Disputed { reports }) = &record.agreements[0].count else { panic!() };
    assert_eq!(reports[0], Count::exact(3).with_sources(["apa".parse().unwrap()]));
    assert_eq!(record.event.duration.as_deref().map(|d| d.reports().len()), Some(2));
    let again = Record::from_json(&record.to_json_line().unwrap()).unwrap();
    assert_eq!(again, record);
    assert_eq!(diplomatic_events::__private::read_fast(CITED), Some(record));
}

#[test]
fn a_source_cited_anywhere_must_exist() {
    let json = CITED.replace(r#""sources":["trend"]}"#, r#""sources":["tass"]}"#);
    let record = Record::from_json(&json).unwrap();
    let unresolved: Vec<String> = record
        .validate()
        .into_iter()
        .filter(|p| p.code == Code::UnresolvedReference)
        .map(|p| p.path)
        .collect();
    assert_eq!(
        unresolved,
        [
            "/event/duration/reports/1/sources/0",
            "/parties/1/count/reports/1/sources/0",
            "/people/0/name_variants/0/sources/0",
            "/delegations/0/size/sources/0",
            "/agreements/0/steps/1/sources/0",
            "/agreements/0/count/reports/1/sources/0",
        ]
    );
}

#[test]
fn contradicting_reports_are_a_warning_where_one_value_is_expected() {
    let json = CITED
        .replace(
            r#"{"kind":"exact","value":7,"sources":["trend"]}"#,
            r#"{"kind":"exact","value":4,"sources":["trend"]}"#,
        )
        .replace(
            r#"{"kind":"at_least","value":"PT2H","sources":["trend"]}"#,
            r#"{"kind":"exact","value":"PT2H","sources":["trend"]}"#,
        )
        .replace(
            r#""date":"2024-04","sources":["trend"]"#,
            r#""date":"2024-05","sources":["trend"]"#,
        );
    let record = Record::from_json(&json).unwrap();
    let found: Vec<(Code, String, String)> =
        record.validate().into_iter().map(|p| (p.code, p.path, p.message)).collect();
    let expected = [
        (
            Code::SourcesDisagree,
            "/event/duration/reports/1/value",
            "one source's report: the duration is exactly PT2H, but from 2024-04-02T10:00:00+04:00 to 2024-04-02T13:00:00+04:00 is 3 h",
        ),
        (
            Code::SourcesDisagree,
            "/event/duration",
            "sources disagree on the duration: exactly PT3H (apa), exactly PT2H (trend)",
        ),
        (
            Code::SourcesDisagree,
            "/parties/1/count",
            "sources disagree on the count: at least 5 (apa), exactly 4 (trend)",
        ),
        (
            Code::SourcesDisagree,
            "/agreements/0/steps/1/date",
            "sources disagree on when agreement \"m\" was signed: 2024-04-02 and 2024-05",
        ),
    ];
    let expected: Vec<(Code, String, String)> =
        expected.into_iter().map(|(c, p, m)| (c, p.to_owned(), m.to_owned())).collect();
    assert_eq!(found, expected);
    // All warnings: the record keeps what each source says.
    assert!(found.iter().all(|(code, ..)| code.severity() == diplomatic_events::Severity::Warning));
}

#[test]
fn a_disputed_value_has_reports_and_nothing_else() {
    let count = |count: &str| {
        let json = format!(
            r#"{{"format_version":"0.2","id":"r","event":{{"id":"e","kind":"meeting"}},"agreements":[{{"id":"a","kind":"treaty","count":{count}}}]}}"#
        );
        Record::from_json(&json).map(|_| ()).map_err(|e| (e.path().to_owned(), e.to_string()))
    };
    let (_, message) = count(r#"{"kind":"disputed"}"#).unwrap_err();
    assert!(message.contains("missing field `reports`"), "{message}");
    let (_, message) =
        count(r#"{"kind":"disputed","reports":[{"kind":"exact","value":1}]}"#).unwrap_err();
    assert!(message.contains("at least two reports"), "{message}");
    let (_, message) =
        count(r#"{"kind":"disputed","value":2,"reports":[{"kind":"exact","value":1},{"kind":"exact","value":2}]}"#)
            .unwrap_err();
    assert!(message.contains("a count of kind `disputed` has no `value`"), "{message}");
    let (_, message) = count(r#"{"kind":"exact","value":2,"reports":[]}"#).unwrap_err();
    assert!(message.contains("a count of kind `exact` has no `reports`"), "{message}");
    let (path, _) = count(
        r#"{"kind":"disputed","reports":[{"kind":"exact","value":1},{"kind":"exact","value":-2}]}"#,
    )
    .unwrap_err();
    assert_eq!(path, "/agreements/0/count/reports/1/value");
    assert!(count(r#"{"kind":"disputed","reports":[{"kind":"exact","value":1},{"kind":"unknown","sources":["x"]}]}"#).is_ok());
    assert_eq!(
        Duration::disputed([Duration::unknown(), Duration::exact("PT1H".parse().unwrap())]).value(),
        None
    );
}

#[test]
fn a_report_the_list_contradicts_is_a_disagreement_and_the_others_are_held_to_it() {
    let json = r#"{"format_version":"0.2","id":"r","event":{"id":"e","kind":"meeting"},
      "parties":[{"id":"tr","kind":{"type":"state","country":"TR"}},{"id":"p","kind":{"type":"state","country":"AZ"}}],
      "delegations":[{"id":"d","represents":"tr","members":[{"member":{"party":"p"}},{"member":{"party":"tr"}}],
        "members_complete":true,
        "size":{"kind":"disputed","reports":[{"kind":"exact","value":1,"sources":["a"]},{"kind":"exact","value":2,"sources":["b"]}]}}],
      "sources":[{"id":"a"},{"id":"b"}]}"#;
    let record = Record::from_json(json).unwrap();
    let found: Vec<(Code, String, String)> =
        record.validate().into_iter().map(|p| (p.code, p.path, p.message)).collect();
    assert_eq!(
        found,
        [
            (
                Code::SourcesDisagree,
                "/delegations/0/size/reports/0/value".to_owned(),
                "one source's report: size is exactly 1, but 2 members are listed".to_owned()
            ),
            (
                Code::SourcesDisagree,
                "/delegations/0/size".to_owned(),
                "sources disagree on the size: exactly 1 (a), exactly 2 (b)".to_owned()
            ),
        ]
    );
}

//! The bridge to event data: PLOVER events and CAMEO rows derived from
//! records, held to expected files, to the mapping table and to a JSON
//! Schema of PLOVER's data fields.

use std::collections::BTreeSet;
use std::path::Path;

use diplomatic_events::Record;
use diplomatic_events::event_data::{
    CAMEO_COLUMNS, RULES, cameo_header, cameo_rows, checked_lines, plover_events,
};

use crate::fixtures::valid_record_files;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn record(path: &Path) -> Record {
    Record::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn plover_text(record: &Record) -> String {
    let text: String =
        plover_events(record).iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect();
    // What the command writes is the same.
    let mut written = Vec::new();
    let count = diplomatic_events::event_data::write_plover_events(record, &mut written);
    assert_eq!((count, String::from_utf8(written).unwrap()), (text.lines().count(), text.clone()));
    text
}

/// The hand-written JSON of `export --to plover` and of
/// `PloverEvent::write_json` is serde's, byte for byte, on every committed
/// record, a statement with quotes and backslashes, and every imported visit.
#[test]
fn write_json_writes_what_serde_writes() {
    let visits =
        std::fs::read_to_string(root().join("examples/records/history-state-visits.jsonl"))
            .unwrap();
    let paths = valid_record_files();
    let mut quoted =
        record(&root().join("tests/fixtures/valid/event-data-rules-invented-2025-03-04.json"));
    // Quotes and backslashes are escaped.
    quoted.statements[0].text = "He said: \"yes\", \\ then left.".parse().unwrap();
    let records = paths
        .iter()
        .map(|path| record(path))
        .chain([quoted])
        .chain(visits.lines().map(|line| Record::from_json(line).unwrap()));
    let mut events = 0;
    for record in records {
        let mut serde_lines = String::new();
        for event in plover_events(&record) {
            let mut ours = Vec::new();
            event.write_json(&mut ours);
            let serde = serde_json::to_string(&event).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde);
            serde_lines.push_str(&serde);
            serde_lines.push('\n');
            events += 1;
        }
        // The command's writer, which builds no event, writes the same,
        // also after what the buffer held.
        let mut written = b"earlier lines\n".to_vec();
        diplomatic_events::event_data::write_plover_events(&record, &mut written);
        let written = String::from_utf8(written).unwrap();
        assert_eq!(written.strip_prefix("earlier lines\n"), Some(&*serde_lines), "{}", record.id);
    }
    assert!(events > 3000);
}

/// The writer copies what a record's earlier events wrote of an entity, a
/// place or a source: still serde's bytes when there are more entities
/// than it keeps (ten parties in three meetings, in three orders), and
/// when the events have places and sources of their own.
#[test]
fn pieces_written_again_are_the_same() {
    let path = root().join("tests/fixtures/valid/resolution-endorses-agreement-2015-07-20.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let parties: Vec<String> = value["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|party| party["id"].as_str().unwrap().to_owned())
        .collect();
    let participants = |ids: Vec<&String>| -> serde_json::Value {
        ids.into_iter()
            .map(|id| serde_json::json!({"participant": {"party": id}, "role": "participant"}))
            .collect()
    };
    let event = &mut value["event"];
    event["participants"] = participants(parties.iter().collect());
    let mut reversed = event.clone();
    reversed["id"] = "reversed".into();
    reversed["participants"] = participants(parties.iter().rev().collect());
    let mut elsewhere = event.clone();
    elsewhere["id"] = "elsewhere".into();
    elsewhere["participants"] = participants(parties.iter().skip(3).chain(&parties[..3]).collect());
    elsewhere["place"] = serde_json::json!({"country": "AT", "locality": "Vienna"});
    elsewhere.as_object_mut().unwrap().remove("sources");
    event["parts"] = serde_json::json!([reversed, elsewhere]);
    let record = Record::from_json(&value.to_string()).unwrap();
    let events = plover_events(&record);
    assert_eq!(events.iter().map(|e| e.actor.len()).collect::<Vec<_>>()[..3], [10, 10, 10]);
    plover_text(&record);
}

fn cameo_text(record: &Record) -> String {
    let mut text = cameo_header() + "\n";
    for row in cameo_rows(record) {
        text.push_str(row.as_tsv());
        text.push('\n');
    }
    // What the command writes is the same.
    let mut written = cameo_header() + "\n";
    let count = diplomatic_events::event_data::write_cameo_rows(record, &mut written);
    assert_eq!((count.rows + 1, &written), (text.lines().count(), &text));
    assert!(count.over_limit.is_empty());
    text
}

/// The Baku record's rows, held to the committed expected files
/// (`UPDATE_EXPECTED=1` rewrites them); the module docs explain each.
#[test]
fn the_baku_record_derives_its_expected_rows() {
    let baku = record(&root().join("examples/records/baku-2024-04-02.json"));
    for (name, text) in [
        ("baku-2024-04-02.plover.jsonl", plover_text(&baku)),
        ("baku-2024-04-02.cameo.tsv", cameo_text(&baku)),
    ] {
        let path = root().join("tests/fixtures/event-data").join(name);
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        assert_eq!(text, std::fs::read_to_string(&path).unwrap(), "{name}");
    }
}

/// Every rule of the mapping table is exercised by a committed record.
#[test]
fn every_rule_of_the_mapping_has_a_fixture() {
    let mut used = BTreeSet::new();
    for path in valid_record_files() {
        let record = record(&path);
        used.extend(plover_events(&record).iter().map(|e| e.rule.to_owned()));
        used.extend(cameo_rows(&record).iter().map(|r| r.get("Rule").unwrap().to_owned()));
    }
    for rule in RULES {
        assert!(used.contains(rule.name), "no committed record exercises rule {}", rule.name);
    }
}

/// Derived PLOVER events validate against the schema of PLOVER's data
/// fields, and CAMEO rows have a value for every column.
#[test]
fn derived_events_follow_plovers_data_fields() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/plover/plover-event.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut events = 0;
    for path in valid_record_files() {
        let record = record(&path);
        for event in plover_events(&record) {
            let value = serde_json::to_value(&event).unwrap();
            let errors: Vec<String> =
                validator.iter_errors(&value).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {}: {errors:?}", path.display(), event.id);
            events += 1;
        }
        for row in cameo_rows(&record) {
            assert_eq!(row.as_tsv().split('\t').count(), CAMEO_COLUMNS.len());
        }
    }
    assert!(events > 50, "only {events} events");
}

/// The 3,264 Office of the Historian visits: one PLOVER visit each, and
/// CAMEO rows that are all 042 (make a visit) and 043 (host a visit).
#[test]
fn the_imported_visits_export_as_visits() {
    let input =
        std::fs::File::open(root().join("examples/records/history-state-visits.jsonl")).unwrap();
    let (mut records, mut plover, mut codes) = (0, 0, std::collections::BTreeMap::new());
    for line in checked_lines(std::io::BufReader::new(input)) {
        assert!(line.problems.is_empty(), "line {}: {:?}", line.number, line.problems);
        let record = line.record.unwrap();
        records += 1;
        for event in plover_events(&record) {
            assert_eq!((event.event[0], event.mode), ("CONSULT", Some("visit")));
            plover += 1;
        }
        for row in cameo_rows(&record) {
            *codes.entry(row.get("EventCode").unwrap().to_owned()).or_insert(0) += 1;
        }
    }
    assert_eq!((records, plover), (3264, 3264));
    assert_eq!(codes.keys().map(String::as_str).collect::<Vec<_>>(), ["042", "043"]);
    assert_eq!(codes.values().copied().collect::<Vec<_>>(), [3264, 3264]);
}

/// A summit of three sides is one PLOVER event with every side as actor,
/// and n(n-1) = 6 CAMEO rows: the host hosting (043) and visited (042),
/// the two guests consulting each other (040).
#[test]
fn a_multilateral_meeting_stays_compound_in_plover_and_becomes_dyads_in_cameo() {
    let summit = record(&root().join("examples/records/trilateral-summit-2023-08-18.json"));
    let events = plover_events(&summit);
    assert_eq!((events[0].event[0], events[0].mode), ("CONSULT", Some("multilateral")));
    let codes: Vec<&str> = events[0].actor.iter().filter_map(|a| a.code).collect();
    assert_eq!(codes, ["USA", "JPN", "KOR"]);
    let rows: Vec<(String, String, String)> = cameo_rows(&summit)
        .iter()
        .filter(|r| r.get("Rule") == Some("consult-multilateral"))
        .map(|r| {
            let get = |c| r.get(c).unwrap().to_owned();
            (get("Actor1Code"), get("Actor2Code"), get("EventCode"))
        })
        .collect();
    let expected = [
        ("USAGOV", "JPNGOV", "043"),
        ("USAGOV", "KORGOV", "043"),
        ("JPNGOV", "USAGOV", "042"),
        ("JPNGOV", "KORGOV", "040"),
        ("KORGOV", "USAGOV", "042"),
        ("KORGOV", "JPNGOV", "040"),
    ];
    let expected: Vec<(String, String, String)> =
        expected.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
    assert_eq!(rows, expected);
}

/// A record with an error is reported and gives no rows; the others do.
#[test]
fn a_record_with_an_error_gives_no_rows_and_its_problems() {
    let good =
        std::fs::read_to_string(root().join("tests/fixtures/valid/phone-call-2024-04-02.json"))
            .unwrap();
    let good = Record::from_json(&good).unwrap().to_json_line().unwrap();
    let input = format!("{good}\n{{\"format_version\":\"0.2\"}}\n{good}\n");
    let lines: Vec<_> = checked_lines(input.as_bytes()).collect();
    let summary: Vec<(u64, usize, usize)> = lines
        .iter()
        .map(|l| {
            (l.number, l.record.as_ref().map_or(0, |r| plover_events(r).len()), l.problems.len())
        })
        .collect();
    assert_eq!(summary, [(1, 1, 0), (2, 0, 2), (3, 1, 0)]);
    let missing: Vec<_> = lines[1].problems.iter().map(|p| (p.code, p.message.as_str())).collect();
    let code = diplomatic_events::Code::MissingField;
    assert_eq!(missing, [(code, "missing field `id`"), (code, "missing field `event`")]);
}

/// Former states, Kosovo and organisations get the codes the docs give.
#[test]
fn codes_of_former_states_kosovo_and_organisations() {
    let former = record(&root().join("examples/records/former-state-1955-11.json"));
    let rows = cameo_rows(&former);
    assert!(rows.iter().any(|r| r.get("Actor1CountryCode") == Some("SUN")), "{rows:?}");
    let kosovo =
        record(&root().join("tests/fixtures/valid/relations-established-by-video-2021-02-01.json"));
    let events = plover_events(&kosovo);
    assert!(events.iter().any(|e| e.actor.iter().any(|a| a.code == Some("KOS"))));
    let resolution =
        record(&root().join("tests/fixtures/valid/resolution-endorses-agreement-2015-07-20.json"));
    let events = plover_events(&resolution);
    let council = events.iter().find(|e| e.rule == "sign").unwrap();
    assert_eq!(council.actor[0].code, Some("UNO"));
    assert_eq!(council.actor[0].entity_text, Some("United Nations Security Council"));
}

/// The mapping table in the module docs lists every rule, in order, with
/// its PLOVER category and mode and its CAMEO codes.
#[test]
fn the_mapping_table_in_the_docs_is_the_rules() {
    let docs = include_str!("../../src/event_data/mod.rs");
    let rows: Vec<String> = docs
        .lines()
        .filter_map(|line| line.strip_prefix("//! | `"))
        .map(|row| {
            let cells: Vec<&str> = row.split(" | ").collect();
            format!(
                "{} {} {}",
                cells[0].trim_end_matches('`'),
                cells[2],
                cells[3].trim_end_matches(" |")
            )
        })
        .collect();
    let expected: Vec<String> = RULES
        .iter()
        .map(|rule| {
            let plover = match (rule.plover_event, rule.plover_mode) {
                ("", _) => "(none)".to_owned(),
                (event, "") => event.to_owned(),
                (event, mode) => format!("{event} / {mode}"),
            };
            let cameo = match rule.cameo_back {
                "" => rule.cameo_forward.to_owned(),
                back => format!("{} / back {back}", rule.cameo_forward),
            };
            format!("{} {plover} {cameo}", rule.name)
        })
        .collect();
    assert_eq!(rows, expected);
}

/// One line of JSON: a conference of `n` polities, each a participant (the
/// export's row limit is met at 501).
pub(crate) fn meeting_of_polities(n: usize) -> String {
    let parties: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"p{i}","kind":{{"type":"polity"}},"name":"Polity {i}"}}"#))
        .collect();
    let participants: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"participant":{{"party":"p{i}"}},"role":"participant"}}"#))
        .collect();
    format!(
        r#"{{"format_version":"0.2","id":"r","event":{{"id":"e","kind":"conference","time":{{"start":"2024-01-01"}},"participants":[{}]}},"parties":[{}]}}"#,
        participants.join(","),
        parties.join(",")
    )
}

/// A meeting of 2,000 sides is one PLOVER event with 2,000 actors, and no
/// CAMEO rows: its n(n-1) = 3,998,000 dyads are over `MAX_ROWS_PER_ACT`,
/// as are a meeting of 501 sides' 250,500 (500 is the most that fits).
#[test]
fn a_huge_meeting_stays_one_event_and_its_dyads_are_bounded() {
    let meeting = |n: usize| Record::from_json(&meeting_of_polities(n)).unwrap();
    let huge = meeting(2_000);
    let events = plover_events(&huge);
    assert_eq!((events.len(), events[0].actor.len()), (1, 2_000));
    assert!(cameo_rows(&huge).is_empty());
    let mut text = String::new();
    let written = diplomatic_events::event_data::write_cameo_rows(&meeting(501), &mut text);
    assert_eq!(
        (written.rows, written.over_limit, text),
        (0, vec!["/event".to_owned()], String::new())
    );
    assert_eq!(cameo_rows(&meeting(50)).len(), 50 * 49);
    assert_eq!(diplomatic_events::event_data::MAX_ROWS_PER_ACT, 250_000);
}

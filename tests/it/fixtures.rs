//! Every valid fixture and example parses and re-serialises byte for byte.

use std::path::{Path, PathBuf};

use diplomatic_events::{
    CountryCode, EventKind, FormerCountry, Modality, PartyKind, Precision, Record, Role,
};

pub(crate) fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Every valid record file the repository commits: the valid fixtures,
/// then the example records, each folder in name order.
pub(crate) fn valid_record_files() -> Vec<PathBuf> {
    let mut files = json_files("tests/fixtures/valid");
    files.extend(json_files("examples/records"));
    files
}

fn valid_records() -> Vec<(PathBuf, String, Record)> {
    valid_record_files()
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable fixture");
            let record =
                Record::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, text, record)
        })
        .collect()
}

#[test]
fn every_valid_fixture_round_trips_byte_for_byte() {
    let records = valid_records();
    assert!(
        records.len() >= 9,
        "expected at least 8 fixtures and the seed, found {}",
        records.len()
    );
    for (path, text, record) in records {
        let pretty = record.to_json_pretty().expect("serialises");
        assert_eq!(pretty, text, "{} is not in canonical form", path.display());
        assert_eq!(
            record.to_json_pretty().expect("serialises"),
            pretty,
            "{}: unstable output",
            path.display()
        );

        let line = record.to_json_line().expect("serialises");
        assert!(!line.contains('\n'), "{}: a JSON Lines record spans lines", path.display());
        let again = Record::from_json(&line).expect("own output parses");
        assert_eq!(again, record, "{}: compact form loses data", path.display());
        assert_eq!(again.to_json_pretty().expect("serialises"), text);
    }
}

/// The fixtures must keep covering the cases the model is built for; this
/// fails if one is removed or stops saying what it is there to say.
#[test]
fn valid_fixtures_cover_the_cases_of_the_model() {
    let records: Vec<Record> = valid_records().into_iter().map(|(_, _, r)| r).collect();
    let any_event = |f: &dyn Fn(&diplomatic_events::Event) -> bool| {
        records.iter().any(|r| r.event.walk().into_iter().any(f))
    };
    let any_party = |f: &dyn Fn(&PartyKind) -> bool| {
        records.iter().any(|r| r.parties.iter().any(|p| f(&p.kind)))
    };

    assert!(any_event(&|e| e.kind == EventKind::PhoneCall
        && e.modality == Some(Modality::Phone)
        && e.place.is_none()));
    assert!(any_event(&|e| {
        e.modality == Some(Modality::Video)
            && e.time.as_ref().is_some_and(|t| {
                let day =
                    |d: &Option<diplomatic_events::Date>| d.as_ref().and_then(|d| d.calendar_day());
                day(&t.start).is_some() && day(&t.start) != day(&t.end)
            })
    }));
    assert!(
        any_event(&|e| e.kind == EventKind::Summit && e.participants.len() == 3),
        "trilateral summit"
    );
    assert!(any_event(&|e| e.kind == EventKind::Conference), "multilateral conference");
    assert!(any_party(&|k| matches!(k, PartyKind::InternationalOrganisation { .. })));
    assert!(any_party(&|k| matches!(k, PartyKind::GroupOfStates { .. })));
    assert!(any_party(&|k| matches!(k, PartyKind::Polity {})));
    assert!(any_party(&|k| matches!(
        k,
        PartyKind::State { country: CountryCode::Former(FormerCountry::SovietUnion) }
    )));
    assert!(any_party(&|k| matches!(k, PartyKind::State { country: CountryCode::Unofficial(_) })));
    let precisions: Vec<Precision> = records
        .iter()
        .flat_map(|r| r.event.walk())
        .filter_map(|e| e.time.as_ref())
        .flat_map(|t| t.start.iter().chain(t.end.iter()))
        .map(|d| d.precision())
        .collect();
    for precision in [Precision::Year, Precision::Month, Precision::Day, Precision::Time] {
        assert!(precisions.contains(&precision), "no event date of {precision:?} precision");
    }
    // Format 0.2: time zones, local dates of each side, durations, roles, places.
    let any_participation = |f: &dyn Fn(&diplomatic_events::Participation) -> bool| {
        any_event(&|e| e.participants.iter().any(f))
    };
    assert!(any_event(&|e| e.place.as_ref().is_some_and(|p| p.time_zone.is_some())));
    assert!(any_event(&|e| e.time.as_ref().is_some_and(|t| t.time_zone.is_some())));
    assert!(
        any_participation(&|p| p.local_time.as_ref().is_some_and(|t| t.time_zone.is_some())),
        "a side's own local date"
    );
    for kind in ["exact", "approximate", "at_least", "at_most"] {
        assert!(
            any_event(&|e| e.duration.as_ref().is_some_and(|d| {
                serde_json::to_value(d).ok().and_then(|v| v["kind"].as_str().map(str::to_owned))
                    == Some(kind.to_owned())
            })),
            "no duration of kind {kind}"
        );
    }
    for role in [
        Role::Participant,
        Role::Chair,
        Role::Negotiator,
        Role::Signatory,
        Role::Facilitator,
        Role::Witness,
        Role::Depositary,
    ] {
        assert!(any_participation(&|p| p.role == role), "no participant in the role {role}");
    }
    assert!(any_participation(&|p| p.role.as_str() == "member" && p.role != Role::Member));
    assert!(any_event(&|e| e.place.as_ref().is_some_and(|p| p.areas.len() >= 2)));
    assert!(any_event(&|e| e.place.as_ref().is_some_and(|p| p.sovereign.is_some())));
    // Agreements signed separately: signatories of one agreement on different dates.
    assert!(records.iter().flat_map(|r| &r.agreements).any(|a| {
        let dates: Vec<_> = a.signatories.iter().filter_map(|s| s.date.as_ref()).collect();
        dates.windows(2).any(|w| w[0] != w[1])
    }));
}

/// The fixtures as they were in format 0.1 (`tests/fixtures/v0.1/`) still
/// read, pass the committed 0.1 schema and the 0.2 one, and are written back
/// as the 0.2 fixture of the same name, whose only change is the version:
/// nothing in 0.1 changes meaning.
#[test]
fn records_of_format_0_1_read_as_the_same_records_of_0_2() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema = |path: &str| {
        let text = std::fs::read_to_string(root.join(path)).expect("committed schema");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        jsonschema::options().should_validate_formats(true).build(&schema).expect("compiles")
    };
    let (old_schema, new_schema) =
        (schema("schemas/0.1/record.schema.json"), schema("schemas/record.schema.json"));
    let old_files = json_files("tests/fixtures/v0.1");
    assert!(old_files.len() >= 10, "only {} fixtures of 0.1", old_files.len());
    for path in old_files {
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        assert!(text.contains("\"format_version\": \"0.1\""), "{}", path.display());
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        for (version, validator) in [("0.1", &old_schema), ("0.2", &new_schema)] {
            let errors: Vec<String> =
                validator.iter_errors(&value).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{} fails the {version} schema: {errors:?}", path.display());
        }
        let record = Record::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(record.validate().is_empty(), "{}", path.display());
        let name = path.file_name().expect("file name");
        let now = ["tests/fixtures/valid", "examples/records"]
            .iter()
            .map(|dir| root.join(dir).join(name))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no 0.2 fixture for {}", path.display()));
        let expected =
            text.replacen("\"format_version\": \"0.1\"", "\"format_version\": \"0.2\"", 1);
        let current = std::fs::read_to_string(&now).expect("readable");
        let written = record.to_json_pretty().expect("serialises");
        assert_eq!(written, expected, "{}", path.display());
        if current != expected {
            // The fixture says more in 0.2: what 0.1 said is still there.
            let now_record = Record::from_json(&current).expect("parses");
            assert_eq!(now_record.id, record.id, "{}", now.display());
        }
    }
}

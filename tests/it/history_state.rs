//! The Office of the Historian importer (examples/import_history_state) on
//! the committed slice of the data, and the country resolver it relies on.

#[allow(dead_code)]
#[path = "../../examples/import_history_state/convert.rs"]
mod convert;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diplomatic_events::{Actor, CountryResolver, EventKind, PartyKind, Role, resolve_country};

use convert::{Row, convert, group, parse_visitors, read_rows, resolve_from};

fn slice(file: &str) -> Vec<Row> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/history-state")
        .join(file);
    read_rows(&std::fs::read_to_string(path).expect("slice")).expect("well-formed XML")
}

#[test]
fn the_slice_converts_with_every_record_valid() {
    let mut warnings: BTreeMap<String, usize> = BTreeMap::new();
    let mut counts = Vec::new();
    for file in ["1870.xml", "1890.xml", "1960.xml", "2020.xml"] {
        let rows = slice(file);
        for row in &rows {
            let record =
                convert(&[row]).unwrap_or_else(|e| panic!("{file} visit {}: {e:?}", row.id));
            for problem in record.validate() {
                assert_ne!(
                    problem.severity,
                    diplomatic_events::Severity::Error,
                    "{file} visit {}: {problem}",
                    row.id
                );
                *warnings.entry(problem.code.to_string()).or_default() += 1;
            }
            let line = record.to_json_line().expect("serialises");
            assert_eq!(diplomatic_events::Record::from_json(&line).expect("parses"), record);
        }
        counts.push((file, rows.len()));
    }
    assert_eq!(counts, [("1870.xml", 2), ("1890.xml", 1), ("1960.xml", 271), ("2020.xml", 276)]);
    // No warnings at all on the slice.
    assert_eq!(warnings, BTreeMap::new());
}

#[test]
fn a_row_in_full() {
    let rows = slice("2020.xml");
    let row = rows.iter().find(|r| r.id == "2991").expect("visit 2991");
    let record = convert(&[row]).expect("converts");
    assert_eq!(record.id.as_str(), "history-state-visit-2991");
    assert_eq!(record.event.kind, EventKind::OfficialWorkingVisit);
    let time = record.event.time.as_ref().expect("time");
    assert_eq!(time.start.as_ref().map(|d| d.as_str()), Some("2020-01-07"));
    assert_eq!(time.end.as_ref().map(|d| d.as_str()), Some("2020-01-07"));
    assert_eq!(
        record.event.description.as_ref().map(|d| d.as_str()),
        Some("Official Working Visit.")
    );
    let person = &record.people[0];
    assert_eq!(person.name.as_ref().map(|n| n.as_str()), Some("Kyriakos Mitsotakis"));
    assert_eq!(person.positions[0].title.as_str(), "Prime Minister");
    assert_eq!(person.positions[0].organisation.as_ref().map(|p| p.as_str()), Some("gr"));
    let host = &record.event.participants[0];
    assert_eq!(
        (&host.participant, &host.role),
        (&Actor::Party("us".parse().expect("id")), &Role::Host)
    );
    assert!(
        matches!(record.parties[1].kind, PartyKind::State { country } if country.as_str() == "GR")
    );
    assert_eq!(record.sources[0].identifier.as_ref().map(|i| i.as_str()), Some("2991"));
}

#[test]
fn the_quad_summit_merges_into_one_multilateral_record() {
    let rows = slice("2020.xml");
    let groups = group(&rows, true);
    let quad = groups.iter().find(|g| g.iter().any(|r| r.id == "3034")).expect("Quad group");
    let ids: Vec<&str> = quad.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["3034", "3035", "3036"]);
    let record = convert(quad).expect("converts");
    assert_eq!(record.id.as_str(), "history-state-visit-3034-3035-3036");
    assert_eq!(record.event.kind, EventKind::Summit);
    assert!(record.validate().is_empty());
    let countries: Vec<&str> =
        record.parties.iter().filter_map(|p| p.country()).map(|c| c.as_str()).collect();
    assert_eq!(countries, ["US", "AU", "IN", "JP"]);
    let guests: Vec<(&str, &str)> = record
        .event
        .participants
        .iter()
        .filter(|p| p.role == Role::Guest)
        .map(|p| {
            let Actor::Person(id) = &p.participant else { panic!("a person") };
            let person = record.people.iter().find(|q| &q.id == id).expect("person");
            (
                person.name.as_ref().map(|n| n.as_str()).unwrap_or_default(),
                p.acting_for.as_ref().map(|a| a.as_str()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        guests,
        [("Narendra Modi", "in"), ("Suga Yoshihide", "jp"), ("Scott Morrison", "au")]
    );
    assert_eq!(record.sources.len(), 3);
    // Without merging, each row stays a record of its own.
    assert_eq!(group(&rows, false).len(), rows.len());
    assert!(group(&rows, true).len() < rows.len());
}

fn on(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn from_elements_resolve_by_label_slug_and_date() {
    let code = |slug: &str, label: &str, date| {
        resolve_from(slug, label, date).map(|r| match r.kind {
            PartyKind::State { country } => country.to_string(),
            _ => format!("polity {}", r.name),
        })
    };
    let cases = [
        ("russia", "U.S.S.R.", on(1959, 9, 15), "SUHH"),
        ("russia", "Russia", on(1992, 6, 16), "RU"),
        ("hawaii", "Hawaii", on(1874, 12, 12), "polity Kingdom of Hawaii"),
        ("hawaii", "Hawaii", on(1898, 1, 26), "polity Republic of Hawaii"),
        ("somoa", "Somoa", on(2022, 9, 28), "WS"),
        (
            "congo-democratic-republic",
            "Democratic Republic of the Congo (Zaire)",
            on(1983, 8, 4),
            "ZRCD",
        ),
        (
            "congo-democratic-republic",
            "Democratic Republic of the Congo (Zaire)",
            on(1963, 5, 27),
            "CD",
        ),
        ("benin", "Dahomey (Benin)", on(1961, 7, 1), "DYBJ"),
        ("burkina-faso", "Upper Volta", on(1982, 1, 1), "HVBF"),
        ("burma", "Burma", on(1966, 9, 8), "BUMM"),
        ("burma", "Burma", on(2013, 5, 19), "MM"),
        ("taiwan", "China, Republic of", on(1953, 1, 1), "TW"),
        ("china", "China, People’s Republic of", on(1979, 1, 29), "CN"),
        ("korea", "Korea, South", on(1990, 1, 1), "KR"),
        ("korea-south", "Korea", on(1990, 1, 1), "KR"),
        ("poland", "Poland (government-in-exile)", on(1942, 3, 24), "PL"),
        ("oman", "Muscat & Oman", on(1938, 1, 1), "OM"),
        ("zimbabwe", "Zimbabwe Rhodesia", on(1979, 7, 9), "RHZW"),
        ("yugoslavia", "Yugoslavia", on(1963, 10, 16), "YUCS"),
        ("german-democratic-republic", "German Democratic Republic", on(1989, 1, 1), "DDDE"),
        ("kosovo", "Kosovo", on(2010, 7, 21), "XK"),
        ("timor-leste", "East Timor", on(2002, 10, 2), "TL"),
        ("cote-divoire", "Cote d’Ivoire", on(2010, 1, 1), "CI"),
        ("united-arab-emirates", "United Arab Emirates ", on(2010, 1, 1), "AE"),
    ];
    for (slug, label, date, expected) in cases {
        assert_eq!(
            code(slug, label, date).as_deref(),
            Some(expected),
            "{slug} / {label} on {date}"
        );
    }
    assert_eq!(code("atlantis", "Atlantis", on(2000, 1, 1)), None);
    assert_eq!(
        code("hawaii", "Hawaii", on(1960, 1, 1)),
        None,
        "a US state after 1898, not a foreign country"
    );
}

#[test]
fn visitors_are_split_into_titles_and_names() {
    let parse = |s: &str| -> Vec<(Vec<String>, Option<String>)> {
        parse_visitors(s).into_iter().map(|v| (v.titles, v.name)).collect()
    };
    let one = |titles: &[&str], name: &str| {
        (titles.iter().map(|t| t.to_string()).collect::<Vec<_>>(), Some(name.to_owned()))
    };
    assert_eq!(
        parse("Prime Minister Kyriakos Mitsotakis"),
        [one(&["Prime Minister"], "Kyriakos Mitsotakis")]
    );
    assert_eq!(
        parse("Interim President Juan Guaidó"),
        [one(&["Interim President"], "Juan Guaidó")]
    );
    assert_eq!(
        parse("King Abdullah and Crown Prince Hussein"),
        [one(&["King"], "Abdullah"), one(&["Crown Prince"], "Hussein")]
    );
    assert_eq!(
        parse("President Anwar Sadat, Prime Minister Mustafa Khalil"),
        [one(&["President"], "Anwar Sadat"), one(&["Prime Minister"], "Mustafa Khalil")]
    );
    assert_eq!(parse("Premier & Prince Sihanouk"), [one(&["Premier", "Prince"], "Sihanouk")]);
    assert_eq!(
        parse("President Benigno S. Aquino, 3rd"),
        [one(&["President"], "Benigno S. Aquino, 3rd")]
    );
    assert_eq!(
        parse("Amir Sheikh Tamim bin Hamad Al Thani"),
        [one(&["Amir"], "Sheikh Tamim bin Hamad Al Thani")]
    );
    assert_eq!(parse("Chairman Hamid Karzai"), [one(&["Chairman"], "Hamid Karzai")]);
    assert_eq!(
        parse("Emir Hamad bin Khalifa Al Thani"),
        [one(&["Emir"], "Hamad bin Khalifa Al Thani")]
    );
    assert_eq!(parse("Prime Minster Adrian Nastase"), [one(&["Prime Minister"], "Adrian Nastase")]);
    assert_eq!(parse("Valdas Adamkus"), [(vec![], Some("Valdas Adamkus".to_owned()))]);
}

#[test]
fn descriptions_give_event_kinds() {
    use convert::event_kind;
    assert_eq!(event_kind("State Visit."), EventKind::StateVisit);
    assert_eq!(event_kind("Official Working Visit."), EventKind::OfficialWorkingVisit);
    assert_eq!(
        event_kind("Official visit. Afterwards visited New York."),
        EventKind::OfficialVisit
    );
    assert_eq!(event_kind("Working Visit; Quad Leaders' Summit."), EventKind::WorkingVisit);
    assert_eq!(event_kind("Attended the NATO Summit Meeting."), EventKind::Summit);
    assert_eq!(
        event_kind("Attended signing of the Panama Canal Treaties."),
        EventKind::SigningCeremony
    );
    assert_eq!(event_kind("Met with President Bush during a private visit."), EventKind::Meeting);
    assert_eq!(event_kind("Received honorary degree."), EventKind::Visit);
}

#[test]
fn country_resolver_is_strict() {
    let code = |name: &str| resolve_country(name).map(|c| c.to_string());
    for (name, expected) in [
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("turkish", "TR"),
        ("Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Soviet Union", "SUHH"),
        ("Yugoslavia", "YUCS"),
        ("kosovo", "XK"),
        ("palestinian-authority", "PS"),
        ("The Gambia", "GM"),
        ("St. Lucia", "LC"),
        ("Saint Lucia", "LC"),
        ("United Kingdom", "GB"),
        ("Holy See", "VA"),
        ("Vatican City", "VA"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Eswatini", "SZ"),
        ("Swaziland", "SZ"),
        ("Cabo Verde", "CV"),
        ("East Germany", "DDDE"),
        ("Germany, Democratic Republic of", "DDDE"),
        ("Azerbaijani", "AZ"),
    ] {
        assert_eq!(code(name).as_deref(), Some(expected), "{name}");
    }
    // Codes are words in running text unless asked for.
    let with_codes = CountryResolver::new().with_codes();
    for (written, expected) in [("TR", "TR"), ("TUR", "TR"), ("SUHH", "SUHH"), ("XK", "XK")] {
        assert_eq!(code(written), None, "{written}");
        let found = with_codes.resolve(written).code().map(|c| c.to_string());
        assert_eq!(found.as_deref(), Some(expected), "{written}");
    }
    for unknown in [
        "Korea",
        "Congo",
        "Korean",
        "Chinese",
        "Guinean",
        "Dominican",
        "no",
        "tr",
        "Atlantis",
        "",
        "  ",
        "Somoa",
        "Sudan and South Sudan",
    ] {
        assert_eq!(code(unknown), None, "{unknown:?}");
    }
}

/// The merged visits export as visits, and a merged summit as a
/// multilateral meeting: the host hosting each guest (043), each guest
/// visiting the host (042), the guests consulting each other (040).
#[cfg(feature = "event-data")]
#[test]
fn merged_visits_export_as_visits_and_summits() {
    use diplomatic_events::event_data::cameo_rows;
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut quad = BTreeMap::new();
    for file in ["1870.xml", "1890.xml", "1960.xml", "2020.xml"] {
        let rows = slice(file);
        for group in group(&rows, true) {
            let record = convert(&group).expect("converts");
            for row in cameo_rows(&record) {
                let code = row.get("EventCode").expect("column").to_owned();
                if record.id.as_str() == "history-state-visit-3034-3035-3036" {
                    *quad.entry(code.clone()).or_insert(0) += 1;
                }
                *codes.entry(code).or_default() += 1;
            }
        }
    }
    assert_eq!(
        quad.into_iter().collect::<Vec<_>>(),
        [("040".to_owned(), 6), ("042".to_owned(), 3), ("043".to_owned(), 3)]
    );
    let seen: Vec<&str> = codes.keys().map(String::as_str).collect();
    assert_eq!(seen, ["040", "042", "043"], "{codes:?}");
    assert_eq!(codes.get("042"), codes.get("043"));
}

//! Format 0.2's outcomes that are not documents, and relations between
//! parties as they stood.

use diplomatic_events::{
    Code, DiplomaticStatus, Item, MembershipChange, OutcomeKind, Record, RelationKind, Subject,
};

/// Saudi Arabia and Iran restore relations in Beijing; Finland joins
/// NATO; an envoy presents credentials; relations as they stood.
const RECORD: &str = r#"{"format_version":"0.2","id":"r","event":{"id":"talks","kind":"talks","time":{"start":"2023-03-10"}},
  "parties":[
    {"id":"sa","kind":{"type":"state","country":"SA"}},
    {"id":"ir","kind":{"type":"state","country":"IR"}},
    {"id":"fi","kind":{"type":"state","country":"FI"}},
    {"id":"nato","kind":{"type":"international_organisation"},"name":"NATO"},
    {"id":"cn","kind":{"type":"state","country":"CN"}}],
  "people":[{"id":"envoy","name":"An Envoy"},{"id":"head","name":"A Head of State"}],
  "statements":[{"id":"s","speakers":[{"party":"cn"}],"reporting_verb":"welcomed","mode":"paraphrase",
    "text":"China welcomed the restoration of relations.","about":[{"outcome":"restored"}]}],
  "outcomes":[
    {"id":"restored","kind":{"diplomatic_relations":{"change":"restored","parties":["sa","ir"],"status":"established"}},
     "date":"2023-03-10","event":"talks","sources":["report"]},
    {"id":"joined","kind":{"membership":{"change":"admitted","member":"fi","organisation":"nato"}},"date":"2023-04-04"},
    {"id":"credentials","kind":{"accreditation":{"envoy":"envoy","accredited_to":"cn","acting_for":"sa","received_by":"head"}}},
    {"id":"appointed","kind":{"appointment":{"person":"envoy","position":{"title":"Ambassador","accredited_to":"cn"},"appointed_by":"sa"}}},
    {"id":"recognised","kind":{"recognition":{"change":"granted","by":"cn","of":"fi","recognised_as":"state"}}}],
  "relations":[
    {"kind":{"diplomatic_relations":{"parties":["sa","ir"],"status":"severed"}},"as_of":"2023-03-09","sources":["report"]},
    {"kind":{"recognition":{"by":"ir","of":"fi","recognised_as":"government","recognised":true}}}],
  "sources":[{"id":"report","publisher":"A news agency"}]}"#;

#[test]
fn outcomes_and_relations_are_typed_and_round_trip() {
    let record = Record::from_json(RECORD).unwrap();
    assert_eq!(record.validate(), []);
    let OutcomeKind::Membership(membership) = &record.outcomes[1].kind else { panic!() };
    assert_eq!(membership.change, MembershipChange::Admitted);
    let RelationKind::DiplomaticRelations(relations) = &record.relations[0].kind else { panic!() };
    assert_eq!(relations.status, DiplomaticStatus::Severed);
    assert!(matches!(
        record.subject(&record.statements[0].about[0]),
        Some(Item::Outcome(outcome)) if outcome.id.as_str() == "restored"
    ));
    assert!(matches!(&record.statements[0].about[0], Subject::Outcome(_)));
    let again = Record::from_json(&record.to_json_line().unwrap()).unwrap();
    assert_eq!(again, record);
    // The fast reader reads it all, as serde does.
    assert_eq!(diplomatic_events::__private::read_fast(RECORD), Some(record));
}

#[test]
fn errors_inside_an_outcome_name_their_place() {
    let cases = [
        (
            r#"{"membership":{"change":"admitted","member":"f i","organisation":"nato"}}"#,
            "/outcomes/0/kind/membership/member",
        ),
        (
            r#"{"diplomatic_relations":{"change":"restored","parties":["sa"]}}"#,
            "/outcomes/0/kind/diplomatic_relations/parties",
        ),
        (
            r#"{"membership":{"change":"joined","member":"fi","organisation":"nato"}}"#,
            "/outcomes/0/kind/membership/change",
        ),
        (r#"{"treaty":{}}"#, "/outcomes/0/kind"),
    ];
    for (kind, path) in cases {
        let json = format!(
            r#"{{"format_version":"0.2","id":"r","event":{{"id":"e","kind":"meeting"}},"outcomes":[{{"id":"o","kind":{kind}}}]}}"#
        );
        let error = Record::from_json(&json).unwrap_err();
        assert_eq!(error.path(), path, "{kind}: {error}");
    }
}

#[test]
fn relations_need_two_parties_and_memberships_an_organisation() {
    let json = RECORD
        .replace(
            r#""parties":["sa","ir"],"status":"severed""#,
            r#""parties":["sa","sa"],"status":"severed""#,
        )
        .replace(r#""organisation":"nato""#, r#""organisation":"cn""#)
        .replace(r#""by":"ir","of":"fi""#, r#""by":"ir","of":"ir""#)
        .replace(r#""about":[{"outcome":"restored"}]"#, r#""about":[{"outcome":"missing"}]"#);
    let record = Record::from_json(&json).unwrap();
    let found: Vec<(Code, String)> =
        record.validate().into_iter().map(|p| (p.code, p.path)).collect();
    assert_eq!(
        found,
        [
            (Code::UnresolvedReference, "/statements/0/about/0/outcome".to_owned()),
            (Code::NotAnOrganisation, "/outcomes/1/kind/membership/organisation".to_owned()),
            (
                Code::RelationWithItself,
                "/relations/0/kind/diplomatic_relations/parties/1".to_owned()
            ),
            (Code::RelationWithItself, "/relations/1/kind/recognition/of".to_owned()),
        ]
    );
}

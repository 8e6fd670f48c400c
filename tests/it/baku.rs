//! The canonical example says every fact of the seed report in typed fields.

use diplomatic_events::{
    Actor, AgreementKind, AgreementStatus, Count, CountryCode, EventKind, Member, Modality,
    NameVariantKind, PartyKind, Record, ReportingVerb, Role, StatementMode, StepKind, Subject,
};

fn baku() -> Record {
    let text = include_str!("../../examples/records/baku-2024-04-02.json");
    Record::from_json(text).expect("the canonical example parses")
}

fn person_named<'a>(record: &'a Record, name: &str) -> &'a diplomatic_events::Person {
    record
        .people
        .iter()
        .find(|p| p.name.as_ref().is_some_and(|n| n.as_str() == name))
        .unwrap_or_else(|| panic!("no person named {name}"))
}

#[test]
fn visit_on_2_april_in_baku_with_two_meetings() {
    let record = baku();
    let visit = &record.event;
    assert_eq!(visit.kind, EventKind::Visit);
    let time = visit.time.as_ref().expect("visit time");
    assert_eq!(time.start.as_ref().map(|d| d.as_str()), Some("2024-04-02"));
    let place = visit.place.as_ref().expect("visit place");
    assert_eq!(place.locality.as_ref().map(|l| l.as_str()), Some("Baku"));
    assert_eq!(place.country, Some("AZ".parse::<CountryCode>().expect("AZ")));
    assert_eq!(visit.parts.len(), 2);
    for part in &visit.parts {
        assert_eq!(part.modality, Some(Modality::InPerson));
    }
    let hosts: Vec<&Actor> = visit
        .parts
        .iter()
        .map(|p| &p.participants.iter().find(|x| x.role == Role::Host).expect("a host").participant)
        .collect();
    assert_eq!(
        hosts,
        [
            &Actor::Person("hasanov".parse().expect("id")),
            &Actor::Person("aliyev".parse().expect("id"))
        ]
    );
    let hasanov = person_named(&record, "Zakir Hasanov");
    assert_eq!(hasanov.positions[0].title.as_str(), "Minister of Defense");
    let aliyev = person_named(&record, "Ilham Aliyev");
    assert_eq!(aliyev.positions[0].title.as_str(), "President");
}

#[test]
fn turkish_delegation_led_by_gorgun_with_six_ceos_and_incomplete() {
    let record = baku();
    let delegation = &record.delegations[0];
    assert_eq!(delegation.represents.as_str(), "tr");
    let head = delegation.head.as_ref().expect("head");
    assert_eq!(head.member, Member::Person("gorgun".parse().expect("id")));
    let gorgun = person_named(&record, "Haluk Görgün");
    assert_eq!(gorgun.name_variants[0].name.as_str(), "Haluk Gorgun");
    assert_eq!(gorgun.name_variants[0].kind, NameVariantKind::Spelling);
    assert_eq!(
        gorgun.positions[0].title.as_str(),
        "President of the Secretariat of Defense Industries"
    );

    let companies: Vec<&str> = delegation
        .members
        .iter()
        .map(|m| {
            let Member::Person(id) = &m.member else { panic!("members are people") };
            let person = record.people.iter().find(|p| &p.id == id).expect("member exists");
            assert!(person.name.is_none(), "CEOs are unnamed in the source");
            assert_eq!(person.positions[0].title.as_str(), "CEO");
            let affiliation = m.affiliation.as_ref().expect("affiliation");
            let company = record.parties.iter().find(|p| &p.id == affiliation).expect("company");
            assert!(matches!(company.kind, PartyKind::Company { country: Some(c), .. } if c.as_str() == "TR"));
            company.name.as_ref().expect("named company").as_str()
        })
        .collect();
    assert_eq!(companies, ["ASELSAN", "ASFAT", "HAVELSAN", "REPKON", "ROKETSAN", "TUSAS"]);
    assert_eq!(delegation.members_complete, Some(false), "\"and other companies\"");
}

#[test]
fn ambassador_attends_and_leaders_are_mentioned() {
    let record = baku();
    let first = &record.event.parts[0];
    let bagci = first
        .participants
        .iter()
        .find(|p| p.participant == Actor::Person("bagci".parse().expect("id")))
        .expect("Bağcı attends the first meeting");
    assert_eq!(bagci.role, Role::AttendingOfficial);
    assert_eq!(
        person_named(&record, "Cahit Bağcı").positions[0]
            .accredited_to
            .as_ref()
            .map(|p| p.as_str()),
        Some("az")
    );
    let mentioned: Vec<&Actor> = first.mentioned.iter().collect();
    assert_eq!(
        mentioned,
        [
            &Actor::Person("aliyev".parse().expect("id")),
            &Actor::Person("erdogan".parse().expect("id"))
        ]
    );
    person_named(&record, "Recep Tayyip Erdoğan");
}

#[test]
fn every_statement_has_speaker_meeting_and_verb() {
    let record = baku();
    let verbs: Vec<(&str, &ReportingVerb)> = record
        .statements
        .iter()
        .map(|s| {
            assert!(!s.speakers.is_empty());
            assert_eq!(s.mode, StatementMode::Paraphrase);
            (s.event.as_ref().expect("meeting").as_str(), &s.reporting_verb)
        })
        .collect();
    assert_eq!(
        verbs,
        [
            ("talks-defense-minister", &ReportingVerb::Emphasised),
            ("talks-defense-minister", &ReportingVerb::ExpressedConfidence),
            ("talks-defense-minister", &ReportingVerb::Stressed),
            ("talks-president", &ReportingVerb::Applauded),
            ("talks-president", &ReportingVerb::Commended),
            ("talks-president", &ReportingVerb::Underscored),
            ("talks-president", &ReportingVerb::ExpressedSatisfaction),
            ("talks-president", &ReportingVerb::Informed),
        ]
    );
    let informed = record.statements.last().expect("statements");
    assert_eq!(informed.addressees, [Actor::Person("aliyev".parse().expect("id"))]);
    assert_eq!(informed.about, [Subject::Agreement("memoranda".parse().expect("id"))]);
}

#[test]
fn several_memoranda_with_unnamed_azerbaijani_firms() {
    let record = baku();
    let memoranda = &record.agreements[0];
    assert_eq!(memoranda.kind, AgreementKind::MemorandumOfUnderstanding);
    assert_eq!(memoranda.status, Some(AgreementStatus::Signed));
    assert!(
        matches!(&memoranda.count, Some(Count::Unknown { as_written: Some(w), .. }) if w.as_str() == "several")
    );
    assert_eq!(memoranda.steps[0].step, StepKind::Signed);
    assert_eq!(memoranda.steps[0].event.as_ref().map(|e| e.as_str()), Some("visit"));
    assert_eq!(memoranda.sectors[0].as_str(), "various sectors");
    let countries: Vec<(Option<&str>, &str)> = memoranda
        .parties
        .iter()
        .map(|id| {
            let party = record.parties.iter().find(|p| &p.id == id).expect("party exists");
            assert!(party.name.is_none(), "the parties are unnamed");
            assert_eq!(party.sectors[0].as_str(), "defense industry");
            (
                party.country().map(|c| c.as_str()),
                party.description.as_ref().expect("described").as_str(),
            )
        })
        .collect();
    assert_eq!(
        countries,
        [
            (Some("TR"), "companies from the Turkish delegation"),
            (Some("AZ"), "Azerbaijani defense industry firms")
        ]
    );
}

#[test]
fn source_published_the_next_day_at_utc_plus_3() {
    let record = baku();
    let published = record.sources[0].published_at.as_ref().expect("publication time");
    assert_eq!(published.as_str(), "2024-04-03T10:00:00+03:00");
    assert_eq!(published.time_of_day().map(|t| t.offset().minutes()), Some(180));
}

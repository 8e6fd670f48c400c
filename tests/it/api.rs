//! The API composes: every small error converts into `Error` with `?`,
//! keeping its type as the source and its code.

use std::error::Error as _;

use diplomatic_events::{
    Code, Coordinates, CountryCode, Date, Error, ExtensionKey, LanguageTag, PersonId, Text, Url,
    WikidataId,
};

/// A user's function: every constructor's error goes through `?`.
fn build(
    [text, country, date, id, language, url, key, wikidata]: [&str; 8],
    latitude: f64,
) -> Result<(), Error> {
    Text::parse(text)?;
    country.parse::<CountryCode>()?;
    date.parse::<Date>()?;
    id.parse::<PersonId>()?;
    language.parse::<LanguageTag>()?;
    Url::parse(url)?;
    key.parse::<ExtensionKey>()?;
    wikidata.parse::<WikidataId>()?;
    Coordinates::new(latitude, 0.0)?;
    Ok(())
}

#[test]
fn every_newtype_error_converts_with_its_code_and_source() {
    let good = [
        "Baku",
        "AZ",
        "2024-04-02",
        "aliyev",
        "az-Latn",
        "https://example.org/",
        "org.example:x",
        "Q42",
    ];
    assert!(build(good, 40.4).is_ok());
    let cases: [(usize, &str, Code); 8] = [
        (0, " ", Code::BlankText),
        (1, "tr", Code::InvalidCountryCode),
        (2, "2024-02-30", Code::InvalidDate),
        (3, "a b", Code::InvalidId),
        (4, "e", Code::InvalidLanguageTag),
        (5, "ftp://example.org/", Code::InvalidUrl),
        (6, "nokey", Code::InvalidExtensionKey),
        (7, "42", Code::InvalidWikidataId),
    ];
    for (slot, bad, code) in cases {
        let mut args = good;
        args[slot] = bad;
        let error = build(args, 40.4).expect_err(bad);
        assert_eq!(error.code(), code, "{bad}");
        let source = error.source().unwrap_or_else(|| panic!("{bad}: no source"));
        assert_eq!(source.to_string(), error.to_string(), "{bad}: the source is the small error");
    }
    let error = build(good, 91.0).expect_err("latitude");
    assert_eq!(error.code(), Code::InvalidCoordinates);
    assert_eq!(error.to_string(), "latitude 91 is outside -90 to 90");
    assert!(error.source().is_some_and(|s| s.is::<diplomatic_events::CoordinatesError>()));
}

/// Every code list gives its wire name, the text of an `{"other": ...}`
/// value, and finds a listed value by its wire name.
#[test]
fn code_lists_say_their_wire_names() {
    use diplomatic_events::{
        AgreementKind, AgreementStatus, EventKind, Modality, NameVariantKind, ReportingVerb, Role,
        StatementMode, StepKind, ThirdPartyRole,
    };
    fn check<T>(value: T, wire: &str)
    where
        T: std::fmt::Display + serde::Serialize + PartialEq + std::fmt::Debug,
    {
        assert_eq!(serde_json::to_value(&value).unwrap(), serde_json::json!(wire));
        assert_eq!(value.to_string(), wire);
    }
    check(EventKind::OfficialWorkingVisit, "official_working_visit");
    check(Modality::InPerson, "in_person");
    check(Role::HeadOfDelegation, "head_of_delegation");
    check(NameVariantKind::NativeScript, "native_script");
    check(StatementMode::Paraphrase, "paraphrase");
    check(ReportingVerb::ExpressedConfidence, "expressed_confidence");
    check(AgreementKind::MemorandumOfUnderstanding, "memorandum_of_understanding");
    check(AgreementStatus::InForce, "in_force");
    check(ThirdPartyRole::Depositary, "depositary");
    check(StepKind::EnteredIntoForce, "entered_into_force");
    assert_eq!(EventKind::OfficialVisit.as_str(), "official_visit");
    assert_eq!(EventKind::listed("official_visit"), Some(EventKind::OfficialVisit));
    assert_eq!(EventKind::listed("Official visit"), None);
    assert_eq!(StepKind::listed("signed"), Some(StepKind::Signed));
    let other = Role::Other("conference president".parse().unwrap());
    assert_eq!(other.as_str(), "conference president");
    assert_eq!(other.to_string(), "conference president");
    assert_eq!(Role::listed("other"), None, "`other` alone is not a listed value");
    assert_eq!(diplomatic_events::FormatVersion::CURRENT.to_string(), "0.2");
    // A party kind's name is its `type` on the wire.
    use diplomatic_events::PartyKind;
    let kinds = [
        PartyKind::State { country: "AZ".parse().unwrap() },
        PartyKind::Polity {},
        PartyKind::InternationalOrganisation { members: vec![] },
        PartyKind::GroupOfStates { members: vec![] },
        PartyKind::PublicBody { country: None, parent: None },
        PartyKind::Company { country: None, parent: None },
        PartyKind::NonStateActor { country: None },
    ];
    for kind in kinds {
        assert_eq!(serde_json::to_value(&kind).unwrap()["type"], serde_json::json!(kind.as_str()));
        assert_eq!(kind.to_string(), kind.as_str());
    }
}

/// Every kind of item is found by its id, and references resolve to items.
#[test]
fn items_are_found_by_id() {
    use diplomatic_events::{Item, Record, Subject};
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/records/baku-2024-04-02.json"),
    )
    .unwrap();
    let record = Record::from_json(&text).unwrap();
    for party in &record.parties {
        assert_eq!(record.party(&party.id), Some(party));
    }
    for person in &record.people {
        assert_eq!(record.person(&person.id), Some(person));
    }
    for delegation in &record.delegations {
        assert_eq!(record.delegation(&delegation.id), Some(delegation));
    }
    for statement in &record.statements {
        assert_eq!(record.statement(&statement.id), Some(statement));
    }
    for agreement in &record.agreements {
        assert_eq!(record.agreement(&agreement.id), Some(agreement));
    }
    for source in &record.sources {
        assert_eq!(record.source(&source.id), Some(source));
    }
    for event in record.event.walk() {
        assert_eq!(record.event(&event.id), Some(event));
    }
    assert_eq!(record.person(&"nobody".parse().unwrap()), None);
    let mut resolved = 0;
    for statement in &record.statements {
        for speaker in &statement.speakers {
            assert!(record.actor(speaker).is_some(), "{speaker:?}");
        }
        for subject in &statement.about {
            let item = record.subject(subject).unwrap_or_else(|| panic!("{subject:?}"));
            match (subject, item) {
                (Subject::Topic(topic), Item::Topic(found)) => assert_eq!(topic, found),
                (Subject::Agreement(id), Item::Agreement(found)) => assert_eq!(id, &found.id),
                (Subject::Event(id), Item::Event(found)) => assert_eq!(id, &found.id),
                (Subject::Party(id), Item::Party(found)) => assert_eq!(id, &found.id),
                (Subject::Person(id), Item::Person(found)) => assert_eq!(id, &found.id),
                (Subject::Delegation(id), Item::Delegation(found)) => assert_eq!(id, &found.id),
                other => panic!("{other:?}"),
            }
            resolved += 1;
        }
    }
    assert!(resolved > 10);
}

/// Importers' text: white space of any kind collapsed to single spaces.
#[test]
fn text_from_importers_has_its_white_space_collapsed() {
    let cases = [
        ("Talks", "Talks"),
        ("  Talks  with\nthe\r\n\tMinister ", "Talks with the Minister"),
        ("a\u{00A0}b\u{2003}c", "a b c"),
        ("Görgün\n", "Görgün"),
    ];
    for (input, expected) in cases {
        assert_eq!(Text::parse_collapsed(input).unwrap().as_str(), expected, "{input:?}");
    }
    assert_eq!(Text::parse_collapsed(" \n\t ").unwrap_err().code(), Code::BlankText);
    assert_eq!(
        Text::parse_collapsed("a\u{200B}b").unwrap_err().code(),
        Code::ForbiddenCharacter,
        "a zero-width space is not white space"
    );
}

/// Places are built in their common shapes without a struct literal.
#[test]
fn places_have_a_constructor_for_each_common_shape() {
    use diplomatic_events::Place;
    let az: CountryCode = "AZ".parse().unwrap();
    let baku: Text = "Baku".parse().unwrap();
    let palace: Text = "Zagulba Palace".parse().unwrap();
    let place = Place::venue(palace.clone(), baku.clone(), az);
    assert_eq!(
        (place.venue, place.locality, place.country),
        (Some(palace), Some(baku.clone()), Some(az))
    );
    assert_eq!(Place::locality(baku.clone(), az).locality, Some(baku));
    assert_eq!(Place::in_country(az).country, Some(az));
    let point = Coordinates::new(40.4, 49.9).unwrap();
    assert_eq!(Place::at(point).coordinates, Some(point));
    let region =
        Place::in_country(az).with_region("Absheron".parse().unwrap()).with_geonames_id(587084);
    assert_eq!(region.geonames_id, Some(587084));
}

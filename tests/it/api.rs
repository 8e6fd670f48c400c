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
    assert_eq!(diplomatic_events::FormatVersion::CURRENT.to_string(), "0.1");
}

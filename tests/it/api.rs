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

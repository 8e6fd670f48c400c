//! Country codes: strict ISO 3166-1, the documented non-ISO list, ISO 3166-3.

use diplomatic_events::{CountryCode, FormerCountry, UnofficialCode};

#[test]
fn iso_codes_are_upper_case_alpha2() {
    let tr: CountryCode = "TR".parse().expect("TR");
    assert_eq!(tr.as_str(), "TR");
    assert_eq!(serde_json::to_string(&tr).expect("serialises"), "\"TR\"");
    assert_eq!(
        "fr".parse::<CountryCode>().expect_err("lower case").to_string(),
        "country code \"fr\" must be upper case (\"FR\")"
    );
    assert_eq!(
        "Fr".parse::<CountryCode>().expect_err("mixed case").to_string(),
        "country code \"Fr\" must be upper case (\"FR\")"
    );
    for unknown in ["", "F", "FRA", "UK", "EU", "ZZ", "SUH", "USSR", " TR", "TR "] {
        assert_eq!(
            unknown.parse::<CountryCode>().expect_err(unknown).to_string(),
            format!(
                "unknown country code {unknown:?}: expected an ISO 3166-1 alpha-2 code, an ISO 3166-3 former-country code, or XK"
            )
        );
    }
}

#[test]
fn kosovo_and_former_states() {
    assert_eq!("XK".parse::<CountryCode>(), Ok(CountryCode::Unofficial(UnofficialCode::Kosovo)));
    for (code, former) in [
        ("SUHH", FormerCountry::SovietUnion),
        ("DDDE", FormerCountry::GermanDemocraticRepublic),
        ("YUCS", FormerCountry::Yugoslavia),
        ("CSHH", FormerCountry::Czechoslovakia),
        ("ZRCD", FormerCountry::Zaire),
    ] {
        let parsed: CountryCode = code.parse().expect(code);
        assert_eq!(parsed, CountryCode::Former(former));
        assert_eq!(parsed.to_string(), code);
    }
    assert_eq!(FormerCountry::ALL.len(), 31);
    assert_eq!(
        "suhh".parse::<CountryCode>().expect_err("lower").to_string(),
        "country code \"suhh\" must be upper case (\"SUHH\")"
    );
}

#[test]
fn every_listed_code_round_trips() {
    let all = CountryCode::all();
    assert_eq!(all.len(), 249 + 1 + 31);
    for code in all {
        assert_eq!(code.as_str().parse::<CountryCode>(), Ok(code));
        assert!(!code.name().is_empty());
    }
}

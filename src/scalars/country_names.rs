//! Country names to codes: a strict resolver for importers.
//!
//! [`resolve_country`] maps an English name, a common alternative name, an
//! unambiguous demonym or a slug to a [`CountryCode`]: "Türkiye", "Turkey",
//! "Turkish", "republic-of-korea", "South Korea", "Korea, South",
//! "Côte d'Ivoire", "Ivory Coast", "Burma", "Soviet Union", "U.S.S.R.",
//! "kosovo", "palestinian-authority", and codes written as in records
//! ("TR", "TUR", "SUHH"). It never guesses: a name that is not
//! in its table gives `None`, and so do ambiguous ones ("Korea", "Congo",
//! "Korean", "Guinean").
//!
//! Names are compared after folding: letter case, accents, apostrophes and
//! punctuation are ignored, `&` reads as "and", "St." as "Saint", a leading
//! "The" is dropped, and a name written "Korea, South" is also tried as
//! "South Korea".
//!
//! [`CountryCode::as_of`] then gives the code a country had on a date, for
//! the states whose code changed with their name (Zaire, Dahomey, Upper
//! Volta, Burma, East Timor, the Soviet Union for Russia, Southern Rhodesia).

use unicode_normalization::UnicodeNormalization;

use crate::CountryCode;

/// Codes and the names that resolve to them (folded on lookup). ISO 3166's
/// own English short names come from `isocountry` and need not be listed.
const NAMES: &[(&str, &[&str])] = &[
    ("AE", &["United Arab Emirates", "UAE", "Emirati", "united-arab-emirates"]),
    ("AF", &["Afghan"]),
    ("AG", &["antigua-barbuda"]),
    ("AL", &["Albanian"]),
    ("AM", &["Armenian"]),
    ("AO", &["Angolan"]),
    ("AR", &["Argentine", "Argentinian"]),
    ("AT", &["Austrian"]),
    ("AU", &["Australian"]),
    ("AZ", &["Republic of Azerbaijan", "Azerbaijani"]),
    ("BA", &["Bosnia-Herzegovina", "Bosnia", "bosnia-herzegovina", "Bosnian Federation"]),
    ("BD", &["Bangladeshi"]),
    ("BE", &["Belgian"]),
    ("BF", &["Burkinabe"]),
    ("BG", &["Bulgarian"]),
    ("BH", &["Bahraini"]),
    ("BN", &["Brunei"]),
    ("BO", &["Bolivia", "Bolivian"]),
    ("BR", &["Brazilian"]),
    ("BS", &["The Bahamas", "Bahamian"]),
    ("BY", &["Belarusian", "Byelorussia"]),
    ("CA", &["Canadian"]),
    (
        "CD",
        &[
            "Democratic Republic of the Congo",
            "Democratic Republic of Congo",
            "DR Congo",
            "DRC",
            "Congo-Kinshasa",
            "congo-democratic-republic",
        ],
    ),
    ("CF", &["CAR", "Central African"]),
    (
        "CG",
        &[
            "Republic of the Congo",
            "Republic of Congo",
            "Congo-Brazzaville",
            "Congo Republic",
            "congo-republic",
        ],
    ),
    ("CH", &["Swiss"]),
    ("CI", &["Ivory Coast", "Cote d'Ivoire", "Ivorian", "cote-divoire"]),
    ("CL", &["Chilean"]),
    ("CM", &["Cameroonian"]),
    ("CN", &["People's Republic of China", "PRC", "Mainland China"]),
    ("CO", &["Colombian"]),
    ("CR", &["Costa Rican"]),
    ("CU", &["Cuban"]),
    ("CV", &["Cape Verde", "Cape Verdean", "cape-verde"]),
    ("CY", &["Cypriot"]),
    ("CZ", &["Czech Republic", "Czech", "czech-republic"]),
    ("DE", &["Federal Republic of Germany", "West Germany", "FRG", "German"]),
    ("DK", &["Danish"]),
    ("DZ", &["Algerian"]),
    ("EC", &["Ecuadorian"]),
    ("EE", &["Estonian"]),
    ("EG", &["Egyptian", "United Arab Republic"]),
    ("ES", &["Spanish"]),
    ("ET", &["Ethiopian"]),
    ("FI", &["Finnish"]),
    ("FJ", &["Fijian"]),
    ("FM", &["Micronesia", "Federated States of Micronesia", "Micronesian"]),
    ("FR", &["French", "French Republic"]),
    ("GA", &["Gabonese"]),
    (
        "GB",
        &[
            "United Kingdom",
            "UK",
            "Great Britain",
            "Britain",
            "British",
            "United Kingdom of Great Britain and Northern Ireland",
            "united-kingdom",
        ],
    ),
    ("GE", &["Georgian"]),
    ("GH", &["Ghanaian"]),
    ("GM", &["The Gambia", "Gambian"]),
    ("GR", &["Greek", "Hellenic Republic"]),
    ("GT", &["Guatemalan"]),
    ("GY", &["Guyanese"]),
    ("HN", &["Honduran"]),
    ("HR", &["Croatian"]),
    ("HT", &["Haitian"]),
    ("HU", &["Hungarian"]),
    ("ID", &["Indonesian"]),
    ("IE", &["Irish", "Republic of Ireland"]),
    ("IL", &["Israeli", "State of Israel"]),
    ("IN", &["Indian", "Republic of India"]),
    ("IQ", &["Iraqi"]),
    ("IR", &["Iran", "Iranian", "Islamic Republic of Iran", "Persia"]),
    ("IS", &["Icelandic"]),
    ("IT", &["Italian"]),
    ("JM", &["Jamaican"]),
    ("JO", &["Jordanian", "Hashemite Kingdom of Jordan"]),
    ("JP", &["Japanese"]),
    ("KE", &["Kenyan"]),
    ("KG", &["Kyrgyz", "Kirghizia"]),
    ("KH", &["Cambodian", "Kampuchea", "Khmer Republic"]),
    ("KN", &["St. Kitts and Nevis", "Saint Christopher and Nevis", "saint-kitts-nevis"]),
    (
        "KP",
        &[
            "North Korea",
            "Democratic People's Republic of Korea",
            "DPRK",
            "North Korean",
            "korea-north",
        ],
    ),
    ("KR", &["South Korea", "Republic of Korea", "ROK", "South Korean", "korea-south"]),
    ("KW", &["Kuwaiti"]),
    ("KZ", &["Kazakh", "Kazakhstani"]),
    ("LA", &["Laos", "Lao", "Laotian"]),
    ("LB", &["Lebanese"]),
    ("LK", &["Ceylon", "Sri Lankan"]),
    ("LR", &["Liberian"]),
    ("LT", &["Lithuanian"]),
    ("LU", &["Luxembourgish"]),
    ("LV", &["Latvian"]),
    ("LY", &["Libyan"]),
    ("MA", &["Moroccan"]),
    ("MD", &["Moldova", "Moldovan"]),
    (
        "MK",
        &[
            "North Macedonia",
            "Macedonia",
            "Former Yugoslav Republic of Macedonia",
            "FYROM",
            "north-macedonia",
        ],
    ),
    ("MM", &["Myanmar", "Burmese"]),
    ("MN", &["Mongolian"]),
    ("MX", &["Mexican"]),
    ("MY", &["Malaysian", "Malaya", "Federation of Malaya"]),
    ("MZ", &["Mozambican"]),
    ("NG", &["Nigerian"]),
    ("NI", &["Nicaraguan"]),
    ("NL", &["The Netherlands", "Holland", "Dutch"]),
    ("NO", &["Norwegian"]),
    ("NP", &["Nepalese", "Nepali"]),
    ("NZ", &["New Zealander", "new-zealand"]),
    ("OM", &["Omani", "Muscat and Oman"]),
    ("PA", &["Panamanian"]),
    ("PE", &["Peruvian"]),
    ("PG", &["papua-new-guinea"]),
    ("PH", &["Filipino", "Philippine", "The Philippines"]),
    ("PK", &["Pakistani"]),
    ("PL", &["Polish"]),
    (
        "PS",
        &[
            "Palestine",
            "State of Palestine",
            "Palestinian Authority",
            "Palestinian National Authority",
            "Palestinian",
            "palestinian-authority",
        ],
    ),
    ("PT", &["Portuguese"]),
    ("PY", &["Paraguayan"]),
    ("QA", &["Qatari"]),
    ("RO", &["Romanian", "Rumania"]),
    ("RS", &["Serbian"]),
    ("RU", &["Russia", "Russian"]),
    ("RW", &["Rwandan"]),
    ("SA", &["Saudi", "Saudi Arabian"]),
    ("SD", &["Sudanese"]),
    ("SE", &["Swedish"]),
    ("SG", &["Singaporean"]),
    ("SI", &["Slovenian", "Slovene"]),
    ("SK", &["Slovak Republic", "Slovak"]),
    ("SN", &["Senegalese"]),
    ("SO", &["Somali Republic", "Somali"]),
    ("SS", &["South Sudanese", "south-sudan"]),
    ("ST", &["Sao Tome", "sao-tome-and-principe"]),
    ("SV", &["Salvadoran"]),
    ("SY", &["Syria", "Syrian", "Syrian Arab Republic"]),
    ("SZ", &["Eswatini", "Swazi"]),
    ("TH", &["Thai", "Siam"]),
    ("TJ", &["Tajik"]),
    ("TL", &["Timor-Leste", "East Timor", "timor-leste"]),
    ("TM", &["Turkmen"]),
    ("TN", &["Tunisian"]),
    (
        "TR",
        &["Türkiye", "Turkey", "Turkiye", "Republic of Türkiye", "Republic of Turkey", "Turkish"],
    ),
    ("TT", &["Trinidad", "Trinidadian", "trinidad-and-tobago"]),
    ("TW", &["Taiwan", "Republic of China", "Taiwanese", "ROC"]),
    ("TZ", &["Tanzania", "United Republic of Tanzania", "Tanzanian", "Tanganyika"]),
    ("UA", &["Ukrainian"]),
    ("UG", &["Ugandan"]),
    (
        "US",
        &[
            "United States",
            "United States of America",
            "USA",
            "U.S.",
            "U.S.A.",
            "America",
            "American",
            "united-states",
        ],
    ),
    ("UY", &["Uruguayan"]),
    ("UZ", &["Uzbek"]),
    ("VA", &["Vatican", "Vatican City", "Vatican City State", "holy-see"]),
    ("VC", &["Saint Vincent", "St. Vincent and the Grenadines", "saint-vincent-grenadines"]),
    ("VE", &["Venezuela", "Venezuelan", "Bolivarian Republic of Venezuela"]),
    ("VN", &["Vietnam", "Viet Nam", "Vietnamese", "Socialist Republic of Vietnam"]),
    ("WS", &["Western Samoa", "Samoan"]),
    ("YE", &["Yemeni", "Yemen Arab Republic", "North Yemen"]),
    ("ZA", &["South African", "Union of South Africa", "south-africa"]),
    ("ZM", &["Zambian"]),
    ("ZW", &["Zimbabwean"]),
    ("XK", &["Kosovo", "Republic of Kosovo", "Kosovar"]),
    (
        "SUHH",
        &["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "Soviet"],
    ),
    (
        "DDDE",
        &[
            "East Germany",
            "GDR",
            "German Democratic Republic",
            "Germany, Democratic Republic of",
            "german-democratic-republic",
        ],
    ),
    ("YUCS", &["Yugoslavia", "Socialist Federal Republic of Yugoslavia", "Yugoslav"]),
    ("CSHH", &["Czechoslovakia", "Czechoslovak"]),
    ("CSXX", &["Serbia and Montenegro", "Federal Republic of Yugoslavia"]),
    ("ZRCD", &["Zaire", "Zairean"]),
    ("DYBJ", &["Dahomey"]),
    ("HVBF", &["Upper Volta"]),
    ("MM", &["Burma"]),
    ("RHZW", &["Southern Rhodesia", "Rhodesia", "Zimbabwe Rhodesia"]),
    ("YDYE", &["South Yemen", "People's Democratic Republic of Yemen", "Democratic Yemen"]),
    ("VDVN", &["North Vietnam", "Democratic Republic of Vietnam"]),
    ("NHVU", &["New Hebrides"]),
    ("GEHH", &["Gilbert and Ellice Islands"]),
    ("ANHH", &["Netherlands Antilles"]),
    ("SKIN", &["Sikkim"]),
    ("TPTL", &[]),
    ("BYAA", &["Byelorussian SSR", "Byelorussian Soviet Socialist Republic"]),
];

/// Names that must never resolve: they name more than one country.
const AMBIGUOUS: &[&str] =
    &["Korea", "Congo", "Korean", "Congolese", "Guinean", "Dominican", "Chinese"];

/// Folds a name for lookup: see the module documentation.
pub fn fold_country_name(name: &str) -> String {
    let mut spaced = String::with_capacity(name.len());
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '\'' | '’' | '‘' | '`' | 'ʼ' => {}
            '&' => spaced.push_str(" and "),
            c if c.is_alphanumeric() => spaced.extend(c.to_lowercase()),
            'ı' => spaced.push('i'),
            _ => spaced.push(' '),
        }
    }
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    if words.first() == Some(&"the") && words.len() > 1 {
        words.remove(0);
    }
    let words: Vec<&str> = words.into_iter().map(|w| if w == "st" { "saint" } else { w }).collect();
    words.join(" ")
}

fn table() -> &'static std::collections::BTreeMap<String, Option<CountryCode>> {
    static TABLE: std::sync::OnceLock<std::collections::BTreeMap<String, Option<CountryCode>>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = std::collections::BTreeMap::new();
        let mut add = |name: &str, code: CountryCode| {
            let key = fold_country_name(name);
            match table.get(&key) {
                // Two codes for one name: it resolves to neither.
                Some(Some(other)) if *other != code => {
                    table.insert(key, None);
                }
                Some(_) => {}
                None => {
                    table.insert(key, Some(code));
                }
            }
        };
        for code in CountryCode::all() {
            match code {
                CountryCode::Iso(iso) => add(iso.name(), code),
                _ => add(code.name(), code),
            }
        }
        // The hand-written names override ISO's ("Burma" is Myanmar, whose
        // former code `BUMM` is found through `CountryCode::as_of`).
        for (code, names) in NAMES {
            if let Ok(code) = CountryCode::parse(code) {
                for name in *names {
                    table.insert(fold_country_name(name), Some(code));
                }
            }
        }
        for name in AMBIGUOUS {
            table.insert(fold_country_name(name), None);
        }
        table
    })
}

/// The country code for a name, alternative name, unambiguous demonym, slug
/// or code, or `None` when the name is unknown or ambiguous. Never a guess.
///
/// # Example
/// ```
/// use diplomatic_events::resolve_country;
/// let code = |name| resolve_country(name).map(|c| c.to_string());
/// assert_eq!(code("Türkiye").as_deref(), Some("TR"));
/// assert_eq!(code("Korea, South").as_deref(), Some("KR"));
/// assert_eq!(code("U.S.S.R.").as_deref(), Some("SUHH"));
/// assert_eq!(code("palestinian-authority").as_deref(), Some("PS"));
/// assert_eq!(code("Korea"), None); // which one?
/// assert_eq!(code("Somoa"), None); // a typo is not guessed at
/// ```
pub fn resolve_country(name: &str) -> Option<CountryCode> {
    // A code resolves only as written: upper case, as in records ("TR",
    // "TUR", "SUHH"); "no" is not Norway.
    if let Ok(code) = CountryCode::parse(name) {
        return Some(code);
    }
    if let Ok(iso) = isocountry::CountryCode::for_alpha3(name) {
        return Some(CountryCode::Iso(iso));
    }
    let table = table();
    let key = fold_country_name(name);
    if key.is_empty() {
        return None;
    }
    if let Some(found) = table.get(&key) {
        return *found;
    }
    // "Korea, South" -> "South Korea"; "China, People's Republic of" -> "People's Republic of China".
    let (head, tail) = name.split_once(',')?;
    if tail.contains(',') {
        return None;
    }
    table.get(&fold_country_name(&format!("{tail} {head}"))).copied().flatten()
}

/// States whose code changed with their name: (current, former, the first
/// day of the current code). Before that day the former code applies.
const RENAMES: &[(&str, &str, (i32, u32, u32))] = &[
    ("CD", "ZRCD", (1997, 5, 17)),
    ("BJ", "DYBJ", (1975, 11, 30)),
    ("BF", "HVBF", (1984, 8, 4)),
    ("MM", "BUMM", (1989, 6, 18)),
    ("TL", "TPTL", (2002, 5, 20)),
    ("RU", "SUHH", (1991, 12, 26)),
    ("ZW", "RHZW", (1980, 4, 18)),
    ("VU", "NHVU", (1980, 7, 30)),
];

/// When the former code took over from the current one, for the renames
/// that went both ways (the Congo was Zaire only from 1971).
const RENAMES_FROM: &[(&str, (i32, u32, u32))] = &[("ZRCD", (1971, 10, 27))];

impl CountryCode {
    /// The code this country had on `date`, for the states whose code
    /// changed with their name: the Democratic Republic of the Congo was
    /// Zaire (`ZRCD`) from 27 October 1971 to 16 May 1997, Benin was Dahomey
    /// (`DYBJ`), Burkina Faso Upper Volta (`HVBF`), Myanmar Burma (`BUMM`),
    /// Timor-Leste East Timor (`TPTL`), Zimbabwe Southern Rhodesia (`RHZW`),
    /// Vanuatu the New Hebrides (`NHVU`), and Russia was in the Soviet Union
    /// (`SUHH`) until 25 December 1991. Every other code is returned as is.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// let cd: CountryCode = "CD".parse()?;
    /// let on = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cd.as_of(on(1985, 6, 1)).as_str(), "ZRCD");
    /// assert_eq!(cd.as_of(on(1965, 6, 1)).as_str(), "CD");
    /// assert_eq!(cd.as_of(on(2005, 6, 1)).as_str(), "CD");
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn as_of(self, date: chrono::NaiveDate) -> CountryCode {
        let day = |(y, m, d): (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(y, m, d);
        for (current, former, since) in RENAMES {
            if self.as_str() != *current || day(*since).is_none_or(|since| date >= since) {
                continue;
            }
            let started = RENAMES_FROM
                .iter()
                .find(|(code, _)| code == former)
                .and_then(|(_, from)| day(*from));
            if started.is_some_and(|from| date < from) {
                continue;
            }
            if let Ok(code) = CountryCode::parse(former) {
                return code;
            }
        }
        self
    }
}

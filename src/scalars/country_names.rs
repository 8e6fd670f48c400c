//! Country names to codes: a strict resolver for importers.
//!
//! [`CountryResolver`] maps an English name, a common alternative name, an
//! unambiguous demonym or a slug to a [`CountryCode`]: "Türkiye", "Turkey",
//! "Turkish", "republic-of-korea", "South Korea", "Korea, South",
//! "Kyrgyz Republic", "Côte d'Ivoire", "Ivory Coast", "Burma", "Soviet
//! Union", "U.S.S.R.", "Serbia-Montenegro", "West Bank", "Gaza", "East
//! German", "kosovo", "palestinian-authority". It never guesses: it tells
//! a name it does not know ([`Resolution::Unknown`]) from one that names
//! more than one country ([`Resolution::Ambiguous`], with the candidates:
//! "Korea", "Congo", "Guinean").
//!
//! Given a date ([`CountryResolver::on`]), it gives the code valid on that
//! date ([`CountryCode::as_of`]): "Zaire" in 2000 is `CD`, "Burma" in 1985
//! `BUMM`, "Russia" in 1985 `SUHH`; a country that no code named then is
//! [`Resolution::NoCode`] ("Russia" in 1815, a polity known by name).
//!
//! It reads the "Outer (Inner)" labels of archives: "Denmark (Greenland)"
//! is the territory `GL` within `DK`; "Democratic Republic of the Congo
//! (Zaire)" and "Burma (Myanmar)" give one country under its name of the
//! date; "Yugoslavia (Kosovo)" in 1999 is `YUCS` with the region "Kosovo",
//! since Kosovo had no code before 2008.
//!
//! Names are compared after folding: letter case, accents, apostrophes and
//! punctuation are ignored, `&` reads as "and", "St." as "Saint", a leading
//! "The" is dropped, and a name written "Korea, South" is also tried as
//! "South Korea". Codes are read only when asked
//! ([`CountryResolver::with_codes`]): two upper-case letters in running
//! text ("IN", "NO") are words, not countries.

use unicode_normalization::UnicodeNormalization;

use crate::scalars::country_history;
use crate::{CodeOnDate, CountryCode, Date};

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
    (
        "DE",
        &[
            "Federal Republic of Germany",
            "Germany, Federal Republic of",
            "West Germany",
            "West German",
            "FRG",
            "German",
        ],
    ),
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
    ("KG", &["Kyrgyz", "Kirghizia", "Kyrgyz Republic"]),
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
            "West Bank",
            "Gaza",
            "Gaza Strip",
            "West Bank and Gaza",
            "Palestinian Territories",
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
            "US",
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
            "East German",
            "german-democratic-republic",
        ],
    ),
    (
        "YUCS",
        &[
            "Yugoslavia",
            "Socialist Federal Republic of Yugoslavia",
            "Federal Republic of Yugoslavia",
            "Yugoslav",
        ],
    ),
    ("CSHH", &["Czechoslovakia", "Czechoslovak"]),
    (
        "CSXX",
        &["Serbia and Montenegro", "Serbia-Montenegro", "State Union of Serbia and Montenegro"],
    ),
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

/// Names that must never resolve to one code: they name more than one
/// country.
const AMBIGUOUS: &[(&str, &[&str])] = &[
    ("Korea", &["KP", "KR"]),
    ("Korean", &["KP", "KR"]),
    ("Congo", &["CD", "CG"]),
    ("Congolese", &["CD", "CG"]),
    ("Guinean", &["GN", "GQ", "GW", "PG"]),
    ("Dominican", &["DM", "DO"]),
    ("Chinese", &["CN", "TW"]),
];

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

/// Folded names and the codes they name: one, or several when ambiguous.
type NameTable = std::collections::BTreeMap<String, Vec<CountryCode>>;

fn table() -> &'static NameTable {
    static TABLE: std::sync::OnceLock<NameTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = NameTable::new();
        let mut add = |name: &str, code: CountryCode| {
            // Two codes for one name: it is ambiguous.
            let codes = table.entry(fold_country_name(name)).or_default();
            if !codes.contains(&code) {
                codes.push(code);
            }
        };
        for code in CountryCode::all() {
            add(code.name(), code);
            if let CountryCode::Iso(iso) = code {
                add(iso.name(), code);
            }
        }
        // The hand-written names override the generated ones ("Burma" is
        // Myanmar, whose code on a date is `BUMM` or `MM`).
        for (code, names) in NAMES {
            if let Ok(code) = CountryCode::parse(code) {
                for name in *names {
                    table.insert(fold_country_name(name), vec![code]);
                }
            }
        }
        for (name, codes) in AMBIGUOUS {
            let codes = codes.iter().filter_map(|code| CountryCode::parse(code).ok()).collect();
            table.insert(fold_country_name(name), codes);
        }
        table
    })
}

/// The country code for a name, alternative name, unambiguous demonym or
/// slug, or `None` when the name is unknown or ambiguous. Never a guess.
/// The same as `CountryResolver::new().resolve(name).code()`; see
/// [`CountryResolver`] for dates, "Outer (Inner)" labels and codes.
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
    CountryResolver::new().resolve(name).code()
}

/// Resolves country names as archives write them, on a date when given.
///
/// Names are compared after folding (letter case, accents, apostrophes and
/// punctuation are ignored; "Korea, South" is also tried as "South
/// Korea"). It never guesses: an unknown name is [`Resolution::Unknown`],
/// one that names several countries [`Resolution::Ambiguous`]. With a date
/// ([`CountryResolver::on`]) it gives the code valid then
/// ([`CountryCode::as_of`]), or [`Resolution::NoCode`] for a country that no
/// code named then. It reads "Outer (Inner)" labels: a territory within a
/// country, a country under two of its names, a country and a region.
/// Codes are read only when asked ([`CountryResolver::with_codes`]): two
/// upper-case letters in running text ("IN", "NO") are words.
///
/// # Example
/// ```
/// use diplomatic_events::{CountryCode, CountryResolver, Date, Resolution};
/// let code = |c: &str| CountryCode::parse(c).unwrap();
/// let in_1985 = CountryResolver::new().on("1985-06-01".parse::<Date>()?);
/// assert_eq!(in_1985.resolve("Zaire").code(), Some(code("ZRCD")));
/// assert_eq!(in_1985.resolve("Democratic Republic of the Congo").code(), Some(code("ZRCD")));
/// assert_eq!(in_1985.resolve("Russia").code(), Some(code("SUHH")));
/// assert_eq!(in_1985.resolve("East German").code(), Some(code("DDDE")));
/// assert_eq!(in_1985.resolve("Korea"), Resolution::Ambiguous(vec![code("KP"), code("KR")]));
/// assert_eq!(in_1985.resolve("Ruritania"), Resolution::Unknown);
/// let in_1815 = CountryResolver::new().on("1815".parse::<Date>()?);
/// assert_eq!(in_1815.resolve("Russia"), Resolution::NoCode(code("RU")));
/// let in_1999 = CountryResolver::new().on("1999-04".parse::<Date>()?);
/// let found = in_1999.resolve("Yugoslavia (Kosovo)");
/// assert_eq!(found.code(), Some(code("YUCS")));
/// assert!(matches!(found, Resolution::Found(f) if f.region.as_deref() == Some("Kosovo")));
/// let greenland = CountryResolver::new().resolve("Denmark (Greenland)");
/// assert!(matches!(greenland, Resolution::Found(f) if f.code == code("GL") && f.within == Some(code("DK"))));
/// assert_eq!(CountryResolver::new().resolve("IN"), Resolution::Unknown); // a word
/// assert_eq!(CountryResolver::new().with_codes().resolve("IN").code(), Some(code("IN")));
/// # Ok::<(), diplomatic_events::DateError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CountryResolver {
    date: Option<Date>,
    codes: bool,
}

/// What a name resolved to, from [`CountryResolver::resolve`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Resolution {
    /// The name's country, with the code valid on the resolver's date.
    Found(ResolvedCountry),
    /// The name is not known.
    Unknown,
    /// The name names several countries (on the date, when the country
    /// had been divided): the candidates, sorted.
    Ambiguous(Vec<CountryCode>),
    /// A known country that no code named on the date, a polity known by
    /// its name: the code the name resolves to without the date.
    NoCode(CountryCode),
}

/// A name's country, from [`Resolution::Found`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResolvedCountry {
    /// The code valid on the resolver's date.
    pub code: CountryCode,
    /// The country a territory was named within ("Denmark (Greenland)"
    /// is `GL` within `DK`).
    pub within: Option<CountryCode>,
    /// The part of an "Outer (Inner)" label that names a region without a
    /// code of its own on the date ("Kosovo" in "Yugoslavia (Kosovo)" in
    /// 1999; "Corsica" in "France (Corsica)").
    pub region: Option<String>,
}

impl Resolution {
    /// The code found, if one was.
    pub fn code(&self) -> Option<CountryCode> {
        match self {
            Resolution::Found(found) => Some(found.code),
            _ => None,
        }
    }

    fn found(code: CountryCode) -> Resolution {
        Resolution::Found(ResolvedCountry { code, within: None, region: None })
    }
}

impl CountryResolver {
    /// A resolver without a date, which reads names only.
    pub fn new() -> Self {
        CountryResolver::default()
    }

    /// Resolves names as of `date`: see [`CountryCode::as_of`].
    pub fn on(self, date: Date) -> Self {
        CountryResolver { date: Some(date), ..self }
    }

    /// Also reads codes written as in records: ISO 3166-1 alpha-2 (`"TR"`),
    /// alpha-3 (`"TUR"`), ISO 3166-3 (`"SUHH"`) and `"XK"`, upper case only.
    pub fn with_codes(self) -> Self {
        CountryResolver { codes: true, ..self }
    }

    /// What `name` names: see [`Resolution`].
    pub fn resolve(&self, name: &str) -> Resolution {
        let name = name.trim();
        let whole = self.plain(name);
        if !matches!(whole, Resolution::Unknown) {
            // A name with parentheses of its own: "Iran (Islamic Republic of)".
            return whole;
        }
        if let Some((outer, inner)) = name.strip_suffix(')').and_then(|rest| rest.split_once(" ("))
        {
            return self.outer_inner(outer.trim(), inner.trim());
        }
        whole
    }

    /// "Outer (Inner)": a territory within a country, a country under two
    /// of its names, or a country and one of its regions.
    fn outer_inner(&self, outer: &str, inner: &str) -> Resolution {
        let (outer_found, inner_found) = (self.plain(outer), self.plain(inner));
        match (outer_found.code(), inner_found.code()) {
            (Some(o), Some(i)) if o != i && self.is_territory(i) => {
                Resolution::Found(ResolvedCountry { code: i, within: Some(o), region: None })
            }
            (Some(o), _) => {
                let undated = CountryResolver { date: None, ..self.clone() };
                let one_country = match (undated.plain(outer).code(), undated.plain(inner).code()) {
                    (Some(a), Some(b)) => a == b || country_history::renamed(a, b),
                    _ => false,
                };
                // The inner part is another name of the country, or a
                // region with no code of its own on the date.
                let region = (!one_country).then(|| inner.to_owned());
                Resolution::Found(ResolvedCountry { code: o, within: None, region })
            }
            (None, Some(_)) if matches!(outer_found, Resolution::Unknown) => inner_found,
            _ => outer_found,
        }
    }

    fn is_territory(&self, code: CountryCode) -> bool {
        match &self.date {
            Some(date) => code.status_on(date) == Some(crate::CountryStatus::Territory),
            None => !code.is_state() && code.lifetimes().last().is_some_and(|l| l.until.is_none()),
        }
    }

    /// A name without parentheses.
    fn plain(&self, name: &str) -> Resolution {
        let code = if self.codes { read_code(name) } else { None };
        let codes = match code {
            Some(code) => vec![code],
            None => lookup(name),
        };
        match codes.as_slice() {
            [] => Resolution::Unknown,
            [code] => self.dated(*code),
            _ => Resolution::Ambiguous(codes),
        }
    }

    /// `code` as of the resolver's date.
    fn dated(&self, code: CountryCode) -> Resolution {
        let Some(date) = &self.date else { return Resolution::found(code) };
        match code.as_of(date) {
            CodeOnDate::Valid(code)
            | CodeOnDate::Predecessor(code)
            | CodeOnDate::Successor(code) => Resolution::found(code),
            CodeOnDate::Several(codes) => Resolution::Ambiguous(codes),
            _ => Resolution::NoCode(code),
        }
    }
}

/// A code as written in records, upper case only.
fn read_code(text: &str) -> Option<CountryCode> {
    CountryCode::parse(text).ok().or_else(|| CountryCode::from_alpha3(text))
}

/// The codes a name names: none, one, or several when it is ambiguous.
fn lookup(name: &str) -> Vec<CountryCode> {
    let table = table();
    let key = fold_country_name(name);
    if key.is_empty() {
        return Vec::new();
    }
    if let Some(found) = table.get(&key) {
        let mut found = found.clone();
        found.sort();
        return found;
    }
    // "Korea, South" -> "South Korea"; "China, People's Republic of" -> "People's Republic of China".
    match name.split_once(',') {
        Some((head, tail)) if !tail.contains(',') => {
            let mut found = table
                .get(&fold_country_name(&format!("{tail} {head}")))
                .cloned()
                .unwrap_or_default();
            found.sort();
            found
        }
        _ => Vec::new(),
    }
}

//! Country codes: ISO 3166-1 states, the few entities with no ISO 3166-1
//! code, and former states by their ISO 3166-3 code.

use crate::Date;
use crate::scalars::country_history::{self, CodeLifetime, CodeOnDate, CountryStatus, CowState};
use crate::scalars::newtype::string_newtype;

/// A code for a country, territory or former state.
///
/// The wire form is strict and upper case:
/// - two letters from ISO 3166-1 alpha-2 (`"TR"`, `"AZ"`); `"fr"` is an error,
///   not France;
/// - a two-letter code from the short list of [`UnofficialCode`]s for entities
///   that have no ISO 3166-1 code (`"XK"`, Kosovo);
/// - four letters from ISO 3166-3 for a former country ([`FormerCountry`]:
///   `"SUHH"`, `"DDDE"`, `"YUCS"`, `"CSHH"`...).
///
/// A historical polity with no code at all (the Kingdom of Hawaii) is a
/// [`PartyKind::Polity`](crate::PartyKind::Polity), known by its name.
///
/// # Example
/// ```
/// use diplomatic_events::{CountryCode, FormerCountry};
/// let tr: CountryCode = "TR".parse()?;
/// assert_eq!(tr.name(), "Türkiye");
/// let su: CountryCode = "SUHH".parse()?;
/// assert_eq!(su, CountryCode::Former(FormerCountry::SovietUnion));
/// assert!("fr".parse::<CountryCode>().is_err());
/// # Ok::<(), diplomatic_events::CountryCodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountryCode {
    /// A current ISO 3166-1 code.
    Iso(isocountry::CountryCode),
    /// A code outside ISO 3166-1 for an entity that has none.
    Unofficial(UnofficialCode),
    /// A former country, by its ISO 3166-3 code.
    Former(FormerCountry),
}

/// Why a string is not an accepted [`CountryCode`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountryCodeError {
    /// Lower-case letters in a code that would otherwise be known.
    #[error("country code {0:?} must be upper case ({1:?})")]
    NotUpperCase(String, String),
    /// No code of that form is known.
    #[error(
        "unknown country code {0:?}: expected an ISO 3166-1 alpha-2 code, an ISO 3166-3 former-country code, or XK"
    )]
    Unknown(String),
}

impl CountryCodeError {
    /// The problem code of this error: `InvalidCountryCode`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidCountryCode
    }
}

macro_rules! code_list {
    ($(#[$doc:meta])* $type:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal, $name:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $type {
            $($(#[$vdoc])* #[doc = concat!("`", $code, "`: ", $name, ".")] $variant,)+
        }

        impl $type {
            /// Every code in the list, in the order of the list.
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            /// The code as written on the wire.
            pub fn code(self) -> &'static str {
                match self { $($type::$variant => $code,)+ }
            }

            /// The English name.
            pub fn name(self) -> &'static str {
                match self { $($type::$variant => $name,)+ }
            }

            fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($type::$variant),)+ _ => None }
            }
        }
    };
}

code_list! {
    /// Codes in use for entities that have no ISO 3166-1 code.
    ///
    /// The list is deliberately short: a code joins it only when it is in
    /// wide use by international bodies.
    UnofficialCode {
        /// Used by the European Commission, the IMF, SWIFT and others.
        Kosovo = "XK", "Kosovo";
    }
}

code_list! {
    /// Former countries by their ISO 3166-3 four-letter code.
    FormerCountry {
        FrenchAfarsAndIssas = "AIDJ", "French Afars and Issas";
        NetherlandsAntilles = "ANHH", "Netherlands Antilles";
        BritishAntarcticTerritory = "BQAQ", "British Antarctic Territory";
        Burma = "BUMM", "Burma";
        ByelorussianSsr = "BYAA", "Byelorussian SSR";
        Czechoslovakia = "CSHH", "Czechoslovakia";
        SerbiaAndMontenegro = "CSXX", "Serbia and Montenegro";
        CantonAndEnderburyIslands = "CTKI", "Canton and Enderbury Islands";
        GermanDemocraticRepublic = "DDDE", "German Democratic Republic";
        Dahomey = "DYBJ", "Dahomey";
        FrenchSouthernAndAntarcticTerritories = "FQHH", "French Southern and Antarctic Territories";
        MetropolitanFrance = "FXFR", "France, Metropolitan";
        GilbertAndElliceIslands = "GEHH", "Gilbert and Ellice Islands";
        UpperVolta = "HVBF", "Upper Volta";
        JohnstonIsland = "JTUM", "Johnston Island";
        MidwayIslands = "MIUM", "Midway Islands";
        NewHebrides = "NHVU", "New Hebrides";
        DronningMaudLand = "NQAQ", "Dronning Maud Land";
        NeutralZone = "NTHH", "Neutral Zone";
        PacificIslandsTrustTerritory = "PCHH", "Trust Territory of the Pacific Islands";
        UsMiscellaneousPacificIslands = "PUUM", "United States Miscellaneous Pacific Islands";
        PanamaCanalZone = "PZPA", "Panama Canal Zone";
        SouthernRhodesia = "RHZW", "Southern Rhodesia";
        Sikkim = "SKIN", "Sikkim";
        SovietUnion = "SUHH", "Union of Soviet Socialist Republics";
        EastTimor = "TPTL", "East Timor";
        NorthVietnam = "VDVN", "Democratic Republic of Viet-Nam";
        WakeIsland = "WKUM", "Wake Island";
        SouthYemen = "YDYE", "Democratic Yemen";
        Yugoslavia = "YUCS", "Yugoslavia";
        Zaire = "ZRCD", "Zaire";
    }
}

impl CountryCode {
    /// Parses the strict upper-case wire form.
    ///
    /// # Errors
    /// [`CountryCodeError`] for anything that is not exactly one of the codes
    /// accepted, including the right code in lower case.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// assert_eq!(CountryCode::parse("AZ")?.name(), "Azerbaijan");
    /// assert!(CountryCode::parse("SUHH").is_ok()); // ISO 3166-3
    /// assert!(CountryCode::parse("az").is_err());  // the wire form is upper case
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn parse(code: &str) -> Result<Self, CountryCodeError> {
        if let Some(found) = Self::parse_exact(code) {
            return Ok(found);
        }
        let upper = code.to_ascii_uppercase();
        if upper != code && Self::parse_exact(&upper).is_some() {
            return Err(CountryCodeError::NotUpperCase(code.to_owned(), upper));
        }
        Err(CountryCodeError::Unknown(code.to_owned()))
    }

    fn parse_exact(code: &str) -> Option<Self> {
        match code.len() {
            2 => iso_alpha2(code)
                .map(CountryCode::Iso)
                .or_else(|| UnofficialCode::from_code(code).map(CountryCode::Unofficial)),
            4 => FormerCountry::from_code(code).map(CountryCode::Former),
            _ => None,
        }
    }

    /// The code as written on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            CountryCode::Iso(code) => code.alpha2(),
            CountryCode::Unofficial(code) => code.code(),
            CountryCode::Former(code) => code.code(),
        }
    }

    /// Today's English short name of a current code ("Türkiye", "North
    /// Macedonia", "Russia", "Bolivia"), or the name of a former country as
    /// it is known ("Soviet Union", "Zaire").
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// assert_eq!(CountryCode::parse("MK")?.name(), "North Macedonia");
    /// assert_eq!(CountryCode::parse("SUHH")?.name(), "Soviet Union");
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn name(&self) -> &'static str {
        self.row().map_or("", |row| row.name)
    }

    /// This code's row of the table of countries in time (every accepted
    /// code has one: a test says so, so that the `""` and `None` of the
    /// methods that read it are never seen).
    fn row(&self) -> Option<&'static country_history::CodeRow> {
        country_history::row_of(*self)
    }

    /// Every accepted code, sorted by wire form.
    pub fn all() -> Vec<CountryCode> {
        let mut all: Vec<CountryCode> = isocountry::CountryCode::iter()
            .map(|c| CountryCode::Iso(*c))
            .chain(UnofficialCode::ALL.iter().map(|c| CountryCode::Unofficial(*c)))
            .chain(FormerCountry::ALL.iter().map(|c| CountryCode::Former(*c)))
            .collect();
        all.sort_by_key(|c| c.as_str());
        all
    }
}

/// Countries in time, from the table in `data/countries/` (generated by
/// `scripts/countries.py`; each lifetime and succession cites its source:
/// the Correlates of War state system list, ISO 3166-3, or a public
/// reference row by row). Every date is compared at its precision: a
/// month-precision date is valid when any day of the month is.
impl CountryCode {
    /// What this code named on `date`: itself when it named a state or a
    /// territory then, else the code that did, going back through renames
    /// and the states the country was part of, or forward to its
    /// successors, or nothing at all.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{CodeOnDate, CountryCode, Date};
    /// let code = |c: &str| CountryCode::parse(c).unwrap();
    /// let on = |d: &str| d.parse::<Date>().unwrap();
    /// assert_eq!(code("CD").as_of(&on("1985-06-01")), CodeOnDate::Predecessor(code("ZRCD")));
    /// assert_eq!(code("ZRCD").as_of(&on("2005")), CodeOnDate::Successor(code("CD")));
    /// assert_eq!(code("RS").as_of(&on("1997-03-10")), CodeOnDate::Predecessor(code("YUCS")));
    /// assert_eq!(code("RU").as_of(&on("1985")), CodeOnDate::Predecessor(code("SUHH")));
    /// assert_eq!(code("RU").as_of(&on("1815")), CodeOnDate::NoCode); // the Russian Empire
    /// assert_eq!(code("DE").as_of(&on("1945-05")), CodeOnDate::NoCode); // before the FRG
    /// assert!(code("SUHH").as_of(&on("1995")).code().is_none()); // twelve successors
    /// assert!(code("RS").as_of(&on("2006-06")).is_valid()); // from the 5th
    /// ```
    pub fn as_of(self, date: &Date) -> CodeOnDate {
        let (first, last) = date.days_from_ce();
        country_history::as_of(self, first, last)
    }

    /// Whether this code named a sovereign state or a dependent territory
    /// on `date`; `None` when it named neither (see [`CountryCode::as_of`]).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{CountryCode, CountryStatus, Date};
    /// let on = |d: &str| d.parse::<Date>().unwrap();
    /// let gl = CountryCode::parse("GL")?;
    /// assert_eq!(gl.status_on(&on("2024")), Some(CountryStatus::Territory));
    /// let ng = CountryCode::parse("NG")?;
    /// assert_eq!(ng.status_on(&on("1950")), Some(CountryStatus::Territory));
    /// assert_eq!(ng.status_on(&on("1961")), Some(CountryStatus::State));
    /// assert_eq!(CountryCode::parse("XK")?.status_on(&on("1999")), None);
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn status_on(self, date: &Date) -> Option<CountryStatus> {
        let (first, last) = date.days_from_ce();
        let row = self.row()?;
        country_history::lifetime_on(row, first, last).map(|l| l.public().status)
    }

    /// Whether this code names a sovereign state today.
    pub fn is_state(self) -> bool {
        self.row()
            .and_then(|row| row.lifetimes.last())
            .is_some_and(|last| last.until.is_none() && last.state)
    }

    /// The stretches of time in which this code names a state or a
    /// territory, in order.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// let ee = CountryCode::parse("EE")?;
    /// let years: Vec<String> = ee.lifetimes().map(|l| format!("{:?}-{:?}", l.from, l.until)).collect();
    /// assert_eq!(years, ["Some(1918-02-24)-Some(1940-08-05)", "Some(1991-09-06)-None"]);
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn lifetimes(self) -> impl Iterator<Item = CodeLifetime> {
        self.row().map_or(&[][..], |row| row.lifetimes).iter().map(|l| l.public())
    }

    /// Today's sovereign state of a dependent territory (`GL` is Denmark's,
    /// `HK` China's); `None` for a state, a former code, and a territory
    /// with no one sovereign (Antarctica, Western Sahara, Palestine).
    pub fn sovereign(self) -> Option<CountryCode> {
        self.row().and_then(|row| row.sovereign).and_then(|code| CountryCode::parse(code).ok())
    }
}

/// Codes of other classifications, to join with other data.
impl CountryCode {
    /// The ISO 3166-1 alpha-3 code (`"TUR"`); ISO 3166-3's for a former
    /// country (`"SUN"`); `"XKX"` for Kosovo, which has none (the code the
    /// European Union and the ICAO use).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// assert_eq!(CountryCode::parse("TR")?.alpha3(), "TUR");
    /// assert_eq!(CountryCode::from_alpha3("SUN").map(|c| c.as_str()), Some("SUHH"));
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn alpha3(self) -> &'static str {
        self.row().map_or("", |row| row.alpha3)
    }

    /// The code whose alpha-3 code is `alpha3` (upper case): a current code
    /// before a former one that shared it (`"ATF"` is `TF`, not `FQHH`).
    pub fn from_alpha3(alpha3: &str) -> Option<CountryCode> {
        Self::find(|row| row.alpha3 == alpha3)
    }

    /// The ISO 3166 numeric code (`792` for Türkiye); `None` for Kosovo
    /// and the few former codes that had none. A numeric code stays with
    /// its territory when the letters change: `CD` and `ZRCD` are both
    /// `180`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// assert_eq!(CountryCode::parse("TR")?.numeric(), Some(792));
    /// assert_eq!(CountryCode::from_numeric(180).map(|c| c.as_str()), Some("CD"));
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn numeric(self) -> Option<u16> {
        self.row().map(|row| row.numeric).filter(|n| *n != 0)
    }

    /// The code whose numeric code is `numeric`: the current one when a
    /// former code shared it (then [`CountryCode::as_of`] gives the code of
    /// a date).
    pub fn from_numeric(numeric: u16) -> Option<CountryCode> {
        Self::find(|row| row.numeric == numeric && numeric != 0)
    }

    /// The Correlates of War state this code maps to on `date`, if it was
    /// in the state system's list: `DE` is the German Federal Republic
    /// (260) until 1990-10-02 and Germany (255) from 1990-10-03; `RU` and
    /// `SUHH` are both Russia (365); `YUCS`, `CSXX` and `RS` are all
    /// Yugoslavia/Serbia (345); `XK` is Kosovo (347). A dependent territory
    /// has none.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{CountryCode, Date};
    /// let on = |d: &str| d.parse::<Date>().unwrap();
    /// let de = CountryCode::parse("DE")?;
    /// assert_eq!(de.cow_on(&on("1985")).map(|c| (c.number, c.letters)), Some((260, "GFR")));
    /// assert_eq!(de.cow_on(&on("2000")).map(|c| c.number), Some(255));
    /// let ru = CountryCode::from_cow(365, &on("1985")).map(|c| c.as_str());
    /// assert_eq!(ru, Some("SUHH"));
    /// assert_eq!(CountryCode::from_cow(365, &on("1900")), None); // the Russian Empire has no code
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn cow_on(self, date: &Date) -> Option<CowState> {
        let (first, last) = date.days_from_ce();
        country_history::cow_on(self.row()?, first, last)
    }

    /// The code of the COW state `number` (its `ccode`) on `date`: the one
    /// that mapped to it and named a state or territory then.
    pub fn from_cow(number: u16, date: &Date) -> Option<CountryCode> {
        Self::from_cow_state(date, |cow| cow.number == number)
    }

    /// The code of the COW state with the letters `letters` (its
    /// `stateabb`, `"RUS"`) on `date`.
    pub fn from_cow_letters(letters: &str, date: &Date) -> Option<CountryCode> {
        Self::from_cow_state(date, |cow| cow.letters == letters)
    }

    fn from_cow_state(date: &Date, wanted: impl Fn(&CowState) -> bool) -> Option<CountryCode> {
        let (first, last) = date.days_from_ce();
        country_history::rows().iter().find_map(|row| {
            let cow = country_history::cow_on(row, first, last)?;
            let code = CountryCode::parse(row.code).ok()?;
            (wanted(&cow) && country_history::valid_on(code, first, last)).then_some(code)
        })
    }

    /// The CAMEO country code, as GDELT and ICEWS write actors' countries:
    /// the ISO alpha-3 code, ISO 3166-3's for a former country, and `"KOS"`
    /// for Kosovo (CAMEO's codebook has none; PLOVER's `KOS`).
    pub fn cameo(self) -> &'static str {
        match self {
            CountryCode::Unofficial(UnofficialCode::Kosovo) => "KOS",
            _ => self.alpha3(),
        }
    }

    /// The code of a CAMEO country code: [`CountryCode::cameo`] read back,
    /// and CAMEO's `"WSB"` (West Bank) and `"GZS"` (Gaza Strip), which are
    /// `PS`. CAMEO's regions are not countries: `"EUR"` is Europe (the
    /// European Union is the organisation `IGOEUREEC`), `"AFR"` Africa.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// let code = |c| CountryCode::from_cameo(c).map(|c| c.as_str());
    /// assert_eq!(code("TUR"), Some("TR"));
    /// assert_eq!(code("KOS"), Some("XK"));
    /// assert_eq!(code("GZS"), Some("PS"));
    /// assert_eq!(code("EUR"), None);
    /// ```
    pub fn from_cameo(cameo: &str) -> Option<CountryCode> {
        match cameo {
            "KOS" => Some(CountryCode::Unofficial(UnofficialCode::Kosovo)),
            "WSB" | "GZS" => CountryCode::parse("PS").ok(),
            _ => Self::from_alpha3(cameo).filter(|code| code.cameo() == cameo),
        }
    }

    /// The PLOVER country code: a state's ISO alpha-3 code (`"KOS"` for
    /// Kosovo); a dependent territory is coded as its sovereign state of
    /// today, as PLOVER's manual asks (`GL` as `"DNK"`), except Antarctica, Hong Kong and Palestine, which
    /// PLOVER keeps (`"ATA"`, `"HKG"`, `"PSE"`); a former country by its
    /// ISO 3166-3 alpha-3 code.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::CountryCode;
    /// let plover = |c| CountryCode::parse(c).map(|c| c.plover());
    /// assert_eq!(plover("GL")?, "DNK");
    /// assert_eq!(plover("HK")?, "HKG");
    /// assert_eq!(plover("XK")?, "KOS");
    /// assert_eq!(CountryCode::from_plover("KOS").map(|c| c.as_str()), Some("XK"));
    /// # Ok::<(), diplomatic_events::CountryCodeError>(())
    /// ```
    pub fn plover(self) -> &'static str {
        match self.as_str() {
            "AQ" | "HK" | "PS" => self.alpha3(),
            _ => match self.sovereign() {
                Some(sovereign) => sovereign.cameo(),
                None => self.cameo(),
            },
        }
    }

    /// The code of a PLOVER country code: a state's (a territory folded
    /// into its state cannot be told apart from it).
    pub fn from_plover(plover: &str) -> Option<CountryCode> {
        match plover {
            "KOS" => Some(CountryCode::Unofficial(UnofficialCode::Kosovo)),
            _ => Self::from_alpha3(plover).filter(|code| code.plover() == plover),
        }
    }

    /// The first current code, then former, whose row `matches`.
    fn find(matches: impl Fn(&country_history::CodeRow) -> bool) -> Option<CountryCode> {
        let rows = country_history::rows();
        let found = |current: bool| {
            rows.iter()
                .filter(|row| (row.code.len() == 2) == current)
                .find(|row| matches(row))
                .and_then(|row| CountryCode::parse(row.code).ok())
        };
        found(true).or_else(|| found(false))
    }
}

/// The ISO 3166-1 code spelled `code` (two upper-case letters), by a table
/// of all 676 two-letter spellings built once from isocountry's list.
fn iso_alpha2(code: &str) -> Option<isocountry::CountryCode> {
    static TABLE: std::sync::OnceLock<Vec<Option<isocountry::CountryCode>>> =
        std::sync::OnceLock::new();
    let slot = |code: &[u8]| match code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    };
    let table = TABLE.get_or_init(|| {
        let mut table = vec![None; 26 * 26];
        for country in isocountry::CountryCode::iter() {
            if let Some(entry) = slot(country.alpha2().as_bytes()).and_then(|i| table.get_mut(i)) {
                *entry = Some(*country);
            }
        }
        table
    });
    slot(code.as_bytes()).and_then(|i| table.get(i).copied().flatten())
}

impl PartialOrd for CountryCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CountryCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

string_newtype!(CountryCode, CountryCodeError);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CountryCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountryCode".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = CountryCode::all().iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({
            "description": "Country code, upper case: ISO 3166-1 alpha-2 (\"TR\"), XK for Kosovo, or an ISO 3166-3 four-letter code for a former country (\"SUHH\" Soviet Union, \"DDDE\" German Democratic Republic, \"YUCS\" Yugoslavia, \"CSHH\" Czechoslovakia).",
            "type": "string",
            "enum": codes,
        })
    }
}

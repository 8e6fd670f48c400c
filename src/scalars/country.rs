//! Country codes: ISO 3166-1 states, the few entities with no ISO 3166-1
//! code, and former states by their ISO 3166-3 code.

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
/// assert_eq!(tr.name(), "Turkey");
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

    /// The English name (ISO 3166's short name for ISO codes).
    pub fn name(&self) -> &'static str {
        match self {
            CountryCode::Iso(code) => code.name(),
            CountryCode::Unofficial(code) => code.name(),
            CountryCode::Former(code) => code.name(),
        }
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

//! Where an event happened.

use crate::json::declare::record_struct;
use serde::{Deserialize, Serialize};

use crate::json::wire_name::code_list;
use crate::{CountryCode, Text, TimeZone};

record_struct! {
    /// Where an event took place, as precisely as known. A phone or video call has
    /// no place: leave it out of the event rather than filling it with a guess.
    #[derive(Clone, Debug, PartialEq, Default)]
    pub struct Place {
        /// The building or site ("Presidential Palace", "Hotel Fairmont").
        pub venue: Option<Text> => with_venue,
        /// Named areas between the venue and the locality, smallest first:
        /// the compound or building a hall is in, a district, an island
        /// ("Sea Island", "Mardakan", "the Kremlin").
        pub areas: Vec<Area> => with_areas,
        /// The city, town or village ("Baku").
        pub locality: Option<Text> => with_locality,
        /// The province, state or region.
        pub region: Option<Text> => with_region,
        /// The country, or the territory with its own ISO 3166-1 code
        /// (Bermuda `BM`, Hong Kong `HK`, Greenland `GL`).
        pub country: Option<CountryCode> => with_country,
        /// The state a territory belongs to, when `country` is a territory
        /// with its own code and it matters (`GB` for Bermuda).
        pub sovereign: Option<CountryCode> => with_sovereign,
        /// The IANA time zone of the place ("Asia/Baku"): the zone in which
        /// the event's day-precision dates are local, unless its period
        /// names another.
        pub time_zone: Option<TimeZone> => with_time_zone,
        /// WGS 84 coordinates.
        pub coordinates: Option<Coordinates> => with_coordinates,
        /// The GeoNames id of the place (the number in `https://www.geonames.org/587084`).
        pub geonames_id: Option<u64> => with_geonames_id,
    }
}

impl Place {
    /// A place known only by its locality and country.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Place;
    /// let baku = Place::locality("Baku".parse()?, "AZ".parse()?).with_geonames_id(587084);
    /// assert_eq!(baku.geonames_id, Some(587084));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn locality(locality: Text, country: CountryCode) -> Self {
        Place::default().with_locality(locality).with_country(country)
    }

    /// A venue in a locality in a country: a palace, a ministry, a hotel.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Place;
    /// let place = Place::venue("Zagulba Palace".parse()?, "Baku".parse()?, "AZ".parse()?);
    /// assert_eq!(place.venue.map(|v| v.to_string()).as_deref(), Some("Zagulba Palace"));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn venue(venue: Text, locality: Text, country: CountryCode) -> Self {
        Place::locality(locality, country).with_venue(venue)
    }

    /// Somewhere in a country, no more precisely known.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Place;
    /// assert_eq!(Place::in_country("US".parse()?).country.map(|c| c.as_str()), Some("US"));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn in_country(country: CountryCode) -> Self {
        Place::default().with_country(country)
    }

    /// Somewhere in a territory with its own ISO 3166-1 code, and the state
    /// it belongs to.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Place;
    /// let bermuda = Place::in_territory("BM".parse()?, "GB".parse()?)
    ///     .with_time_zone("Atlantic/Bermuda".parse()?);
    /// assert_eq!(bermuda.sovereign.map(|c| c.as_str()), Some("GB"));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn in_territory(territory: CountryCode, sovereign: CountryCode) -> Self {
        Place::in_country(territory).with_sovereign(sovereign)
    }

    /// A point, with nothing else known (a ship at sea, a border crossing).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Coordinates, Place};
    /// let at_sea = Place::at(Coordinates::new(43.0, 34.0)?);
    /// assert!(at_sea.locality.is_none());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn at(coordinates: Coordinates) -> Self {
        Place::default().with_coordinates(coordinates)
    }
}

record_struct! {
    /// A named area that holds a place: a district of a city, an island, the
    /// grounds of a residence, the building a hall is in.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Area {
        /// Its name ("Sea Island", "Mardakan", "Grand Kremlin Palace").
        pub name: Text,
        /// What kind of area it is. Absent when not said.
        pub kind: Option<AreaKind> => with_kind,
        /// The GeoNames id of the area.
        pub geonames_id: Option<u64> => with_geonames_id,
    }
}

impl Area {
    /// The area called `name`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Area, AreaKind, Place};
    /// let place = Place::venue("The Cloister".parse()?, "Brunswick".parse()?, "US".parse()?)
    ///     .with_areas([Area::new("Sea Island".parse()?).with_kind(AreaKind::Island)]);
    /// assert_eq!(place.areas[0].kind, Some(AreaKind::Island));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(name: Text) -> Self {
        Self::blank(name)
    }
}

/// Kinds of area. An open list: a kind not listed is written as
/// `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AreaKind {
    /// A district, borough or settlement within a city.
    District,
    /// A neighbourhood or quarter.
    Neighbourhood,
    /// An island.
    Island,
    /// Grounds holding several buildings: a residence, an estate, a base.
    Compound,
    /// A building that holds the venue (the palace a hall is in).
    Building,
    /// Any other kind, in words.
    Other(Text),
}

code_list!(AreaKind, Other);

/// A point on the WGS 84 ellipsoid, in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, try_from = "RawCoordinates")]
#[non_exhaustive]
pub struct Coordinates {
    /// Latitude, -90 to 90.
    latitude: f64,
    /// Longitude, -180 to 180.
    longitude: f64,
}

/// A point on the WGS 84 ellipsoid, in decimal degrees.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Coordinates"))]
#[serde(deny_unknown_fields)]
struct RawCoordinates {
    /// Latitude, -90 to 90.
    #[cfg_attr(feature = "schema", schemars(range(min = -90.0, max = 90.0)))]
    latitude: f64,
    /// Longitude, -180 to 180.
    #[cfg_attr(feature = "schema", schemars(range(min = -180.0, max = 180.0)))]
    longitude: f64,
}

/// Why a pair of numbers is not a [`Coordinates`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CoordinatesError {
    /// Latitude outside -90..=90.
    #[error("latitude {0} is outside -90 to 90")]
    Latitude(f64),
    /// Longitude outside -180..=180.
    #[error("longitude {0} is outside -180 to 180")]
    Longitude(f64),
}

impl CoordinatesError {
    /// The problem code of this error: `InvalidCoordinates`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidCoordinates
    }
}

impl Coordinates {
    /// Checks and makes coordinates.
    ///
    /// # Errors
    /// [`CoordinatesError`] when a value is out of range or not a number.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Coordinates;
    /// let baku = Coordinates::new(40.4093, 49.8671)?;
    /// assert_eq!(baku.latitude(), 40.4093);
    /// assert!(Coordinates::new(91.0, 0.0).is_err());
    /// # Ok::<(), diplomatic_events::CoordinatesError>(())
    /// ```
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, CoordinatesError> {
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(CoordinatesError::Latitude(latitude));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(CoordinatesError::Longitude(longitude));
        }
        Ok(Coordinates { latitude, longitude })
    }

    /// The latitude, -90 to 90. Coordinates are made only by
    /// [`Coordinates::new`], so they are always in range:
    ///
    /// ```compile_fail
    /// let mut point = diplomatic_events::Coordinates::new(40.4, 49.9).unwrap();
    /// point.latitude = 1000.0; // private: no way to set it out of range
    /// ```
    pub fn latitude(&self) -> f64 {
        self.latitude
    }

    /// The longitude, -180 to 180.
    pub fn longitude(&self) -> f64 {
        self.longitude
    }
}

/// Each number on its own, each out of its range reported at itself.
impl crate::json::collect::Collect for Coordinates {
    fn collect(
        node: &crate::json::collect::Node<'_>,
        cx: &mut crate::json::collect::Collector,
    ) -> Option<Self> {
        crate::json::collect::collect_members!(node, cx, [
            "latitude" => latitude: f64,
            "longitude" => longitude: f64,
        ]);
        let latitude = cx.required(node, "latitude", latitude);
        let longitude = cx.required(node, "longitude", longitude);
        let checks = [
            ("latitude", latitude.map(|latitude| Coordinates::new(latitude, 0.0))),
            ("longitude", longitude.map(|longitude| Coordinates::new(0.0, longitude))),
        ];
        let mut valid = true;
        for (name, check) in checks {
            if let (Some(Err(error)), Some(number)) = (check, node.member(name)) {
                cx.within(name, |cx| cx.invalid(number, error.code(), error.to_string()));
                valid = false;
            }
        }
        Coordinates::new(latitude?, longitude?).ok().filter(|_| valid)
    }
}

impl TryFrom<RawCoordinates> for Coordinates {
    type Error = CoordinatesError;
    fn try_from(raw: RawCoordinates) -> Result<Self, Self::Error> {
        Coordinates::new(raw.latitude, raw.longitude).inspect_err(|_| {
            crate::json::errors::note_code(crate::Code::InvalidCoordinates);
        })
    }
}

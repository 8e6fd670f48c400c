//! Where an event happened.

use crate::json::declare::record_struct;
use serde::{Deserialize, Serialize};

use crate::{CountryCode, Text};

record_struct! {
    /// Where an event took place, as precisely as known. A phone or video call has
    /// no place: leave it out of the event rather than filling it with a guess.
    #[derive(Clone, Debug, PartialEq, Default)]
    pub struct Place {
        /// The building or site ("Presidential Palace", "Hotel Fairmont").
        pub venue: Option<Text> => with_venue,
        /// The city, town or village ("Baku").
        pub locality: Option<Text> => with_locality,
        /// The province, state or region.
        pub region: Option<Text> => with_region,
        /// The country.
        pub country: Option<CountryCode> => with_country,
        /// WGS 84 coordinates.
        pub coordinates: Option<Coordinates> => with_coordinates,
        /// The GeoNames id of the place (the number in `https://www.geonames.org/587084`).
        pub geonames_id: Option<u64> => with_geonames_id,
    }
}

impl Place {
    /// A place known only by its locality and country.
    pub fn locality(locality: Text, country: CountryCode) -> Self {
        Place { locality: Some(locality), country: Some(country), ..Place::default() }
    }
}

/// A point on the WGS 84 ellipsoid, in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, try_from = "RawCoordinates")]
#[non_exhaustive]
pub struct Coordinates {
    /// Latitude, -90 to 90.
    pub latitude: f64,
    /// Longitude, -180 to 180.
    pub longitude: f64,
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
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, CoordinatesError> {
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(CoordinatesError::Latitude(latitude));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(CoordinatesError::Longitude(longitude));
        }
        Ok(Coordinates { latitude, longitude })
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

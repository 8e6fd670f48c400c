//! The constrained scalars: one newtype per kind of value, whose checked
//! constructor is the only way in.
//!
//! Ids ([`ids`]), texts ([`text`]), language tags ([`language`]), URLs
//! ([`url`]), dates and periods ([`time`]), time zones ([`zone`]),
//! durations ([`iso_duration`]), extensions ([`extensions`]),
//! external ids ([`external_ids`]), country codes ([`country`]) with their
//! lifetimes ([`country_history`]), and the resolver of country names
//! ([`country_names`]).

pub(crate) mod country;
pub(crate) mod country_history;
pub(crate) mod country_names;
pub(crate) mod extensions;
pub(crate) mod external_ids;
pub(crate) mod ids;
pub(crate) mod iso_duration;
pub(crate) mod language;
pub(crate) mod newtype;
pub(crate) mod text;
pub mod time;
pub(crate) mod url;
pub(crate) mod zone;

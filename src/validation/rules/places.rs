//! `sovereign-is-country`.

use crate::validation::{At, Checker, Mode};
use crate::{Code, Place};

impl<M: Mode> Checker<'_, M> {
    /// `sovereign-is-country`: a place (at `at`) whose `sovereign` is its
    /// own `country`. The sovereign is for a territory with a code of its
    /// own (Bermuda, `BM`, belongs to `GB`); a state is not its own.
    pub(in crate::validation) fn sovereign_is_country(&mut self, at: &At<'_, M>, place: &Place) {
        if let (Some(country), Some(sovereign)) = (&place.country, &place.sovereign) {
            if country == sovereign {
                self.report(&at.key("sovereign"), Code::SovereignIsCountry, || {
                    format!(
                        "the sovereign of {country} is given as {country} itself: give a sovereign only for a territory with its own code"
                    )
                });
            }
        }
    }
}

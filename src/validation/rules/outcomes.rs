//! The rules of outcomes and relations between parties:
//! `relation-with-itself` and `not-an-organisation`.

use crate::validation::{At, Checker, Mode, Step};
use crate::{Code, PartyId};

impl<M: Mode> Checker<'_, M> {
    /// `relation-with-itself`: a relation or change (at `at`) between
    /// `first` (at key `first_key`) and `second` (at `second_at`) that names
    /// one party twice.
    pub(in crate::validation) fn relation_with_itself(
        &mut self,
        second_at: &At<'_, M>,
        what: &'static str,
        first: &PartyId,
        second: &PartyId,
    ) {
        if first == second {
            self.report(second_at, Code::RelationWithItself, || {
                format!("{what} names \"{first}\" on both sides")
            });
        }
    }

    /// `not-an-organisation`: a membership (at `at`) of `organisation`, a
    /// party that is not an international organisation, an organ or a
    /// group of states.
    pub(in crate::validation) fn not_an_organisation(
        &mut self,
        at: &At<'_, M>,
        organisation: &PartyId,
    ) {
        let Some(party) = self.party_with(organisation) else { return };
        if !party.kind.is_organisation() {
            self.report(&at.child(Step::Key("organisation")), Code::NotAnOrganisation, || {
                format!(
                    "a membership of \"{organisation}\", a party of type `{}`: members belong to an international organisation, an organ or a group of states",
                    party.kind
                )
            });
        }
    }
}

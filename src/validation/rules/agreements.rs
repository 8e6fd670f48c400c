//! The rules of who is in an agreement: `signatory-not-party` and
//! `third-party-is-party`.

use crate::validation::{At, Checker, Mode};
use crate::{Actor, Agreement, Code, Signatory, ThirdParty, ThirdPartyRole};

impl<M: Mode> Checker<'_, M> {
    /// `signatory-not-party`: a signatory (at `at`) acting for a party that
    /// is not a party of the agreement.
    pub(in crate::validation) fn signatory_not_party(
        &mut self,
        at: &At<'_, M>,
        agreement: &Agreement,
        signatory: &Signatory,
    ) {
        if !agreement.parties.contains(&signatory.acting_for) {
            self.report(&at.key("acting_for"), Code::SignatoryNotParty, || {
                format!(
                    "signatory \"{}\" acts for \"{}\", which is not a party of agreement \"{}\"",
                    signatory.person, signatory.acting_for, agreement.id
                )
            });
        }
    }

    /// `third-party-is-party`: a mediator, witness or observer (at `at`)
    /// who is also one of the agreement's parties.
    pub(in crate::validation) fn third_party_is_party(
        &mut self,
        at: &At<'_, M>,
        agreement: &Agreement,
        third: &ThirdParty,
    ) {
        let neutral = matches!(
            third.role,
            ThirdPartyRole::Mediator | ThirdPartyRole::Witness | ThirdPartyRole::Observer
        );
        if let (true, Actor::Party(party)) = (neutral, &third.actor) {
            if agreement.parties.contains(party) {
                let role = &third.role;
                self.report(&at.key("actor").key("party"), Code::ThirdPartyIsParty, || {
                    format!(
                        "\"{party}\" is both a {role} and a party of agreement \"{}\"",
                        agreement.id
                    )
                });
            }
        }
    }
}

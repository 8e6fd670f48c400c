//! `organ-outside-organisation`.

use crate::validation::{At, Checker, Mode, Step};
use crate::{Code, Party, PartyId, PartyKind};

impl<M: Mode> Checker<'_, M> {
    /// `organ-outside-organisation`: an organ (its kind at `at`) whose
    /// `organisation` is a party of another kind than an international
    /// organisation or an organ (a council of a state is a public body).
    pub(in crate::validation) fn organ_outside_organisation(
        &mut self,
        at: &At<'_, M>,
        organ: &Party,
        organisation: &PartyId,
    ) {
        let Some(owner) = self.party_with(organisation) else { return };
        if !matches!(
            owner.kind,
            PartyKind::InternationalOrganisation { .. } | PartyKind::Organ { .. }
        ) {
            self.report(&at.child(Step::Key("organisation")), Code::OrganOutsideOrganisation, || {
                format!(
                    "organ \"{}\" belongs to \"{organisation}\", a party of type `{}`: an organ belongs to an international organisation or to another organ",
                    organ.id, owner.kind
                )
            });
        }
    }
}

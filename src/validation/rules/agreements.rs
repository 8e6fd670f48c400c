//! The rules of agreements: parties, signatories, third parties, step order.

use std::cmp::Ordering;

use crate::validation::{At, Checker, Kind, Mode, Step};
use crate::{Actor, Agreement, AgreementKind, Code, Date, StepKind, ThirdPartyRole};

impl<M: Mode> Checker<'_, M> {
    pub(crate) fn check_agreement(&mut self, at: &At<'_, M>, agreement: &Agreement) {
        self.other_is_listed::<AgreementKind>(
            at,
            Step::Key("kind"),
            &agreement.kind,
            |k| match k {
                AgreementKind::Other(text) => Some(text),
                _ => None,
            },
        );
        let parties = at.key("parties");
        for (j, party) in agreement.parties.iter().enumerate() {
            self.resolve(Kind::Party, party.as_compact(), &parties, Step::Index(j));
        }
        let signatories = at.key("signatories");
        for (j, signatory) in agreement.signatories.iter().enumerate() {
            let p = signatories.index(j);
            self.resolve(Kind::Person, signatory.person.as_compact(), &p, Step::Key("person"));
            self.resolve(
                Kind::Party,
                signatory.acting_for.as_compact(),
                &p,
                Step::Key("acting_for"),
            );
            if let Some(event) = &signatory.event {
                self.resolve(Kind::Event, event.as_compact(), &p, Step::Key("event"));
            }
            if !agreement.parties.contains(&signatory.acting_for) {
                self.report(&p.key("acting_for"), Code::SignatoryNotParty, || format!(
                    "signatory \"{}\" acts for \"{}\", which is not a party of agreement \"{}\"",
                    signatory.person, signatory.acting_for, agreement.id
                ));
            }
        }
        let third_parties = at.key("third_parties");
        for (j, third) in agreement.third_parties.iter().enumerate() {
            let p = third_parties.index(j);
            self.actor(&p, Step::Key("actor"), &third.actor);
            self.other_is_listed::<ThirdPartyRole>(
                &p,
                Step::Key("role"),
                &third.role,
                |r| match r {
                    ThirdPartyRole::Other(text) => Some(text),
                    _ => None,
                },
            );
            let neutral = matches!(
                third.role,
                ThirdPartyRole::Mediator | ThirdPartyRole::Witness | ThirdPartyRole::Observer
            );
            if let (true, Actor::Party(party)) = (neutral, &third.actor) {
                if agreement.parties.contains(party) {
                    let role = match third.role {
                        ThirdPartyRole::Mediator => "mediator",
                        ThirdPartyRole::Witness => "witness",
                        _ => "observer",
                    };
                    self.report(&p.key("actor").key("party"), Code::ThirdPartyIsParty, || {
                        format!(
                            "\"{party}\" is both a {role} and a party of agreement \"{}\"",
                            agreement.id
                        )
                    });
                }
            }
        }
        let steps = at.key("steps");
        for (j, step) in agreement.steps.iter().enumerate() {
            let p = steps.index(j);
            if let Some(party) = &step.party {
                self.resolve(Kind::Party, party.as_compact(), &p, Step::Key("party"));
            }
            if let Some(event) = &step.event {
                self.resolve(Kind::Event, event.as_compact(), &p, Step::Key("event"));
            }
        }
        self.steps_in_order(&steps, agreement);
    }

    /// Dated steps by the same party (or by none) must follow the usual order.
    fn steps_in_order(&mut self, steps: &At<'_, M>, agreement: &Agreement) {
        fn rank(step: StepKind) -> u8 {
            match step {
                StepKind::Initialled => 0,
                StepKind::Signed | StepKind::Adopted => 1,
                StepKind::Ratified
                | StepKind::Accepted
                | StepKind::Approved
                | StepKind::Acceded
                | StepKind::Succeeded => 2,
                StepKind::EnteredIntoForce => 3,
                StepKind::Terminated => 4,
            }
        }
        fn name(step: StepKind) -> &'static str {
            match step {
                StepKind::Initialled => "initialled",
                StepKind::Signed => "signed",
                StepKind::Adopted => "adopted",
                StepKind::Ratified => "ratified",
                StepKind::Accepted => "accepted",
                StepKind::Approved => "approved",
                StepKind::Acceded => "acceded",
                StepKind::Succeeded => "succeeded",
                StepKind::EnteredIntoForce => "entered_into_force",
                StepKind::Terminated => "terminated",
            }
        }
        for (j, later) in agreement.steps.iter().enumerate() {
            let Some(later_date) = &later.date else { continue };
            let earlier = agreement.steps.iter().find(|earlier| {
                (earlier.party.is_none() || earlier.party == later.party)
                    && rank(earlier.step) < rank(later.step)
                    && earlier
                        .date
                        .as_ref()
                        .is_some_and(|d| later_date.compare(d) == Ordering::Less)
            });
            if let Some(earlier) = earlier {
                let earlier_date = earlier.date.as_ref().map(Date::as_str).unwrap_or_default();
                let step_at = steps.index(j);
                self.report(&step_at.key("date"), Code::StepsOutOfOrder, || {
                    format!(
                        "{} on {later_date} comes before {} on {earlier_date}",
                        name(later.step),
                        name(earlier.step)
                    )
                });
            }
        }
    }
}

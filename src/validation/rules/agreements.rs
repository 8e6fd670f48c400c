//! The rules of who is in an agreement and how agreements refer to each
//! other: `signatory-not-party`, `third-party-is-party`,
//! `refers-to-itself` and `reference-cycle`.

use crate::validation::{At, Checker, Kind, Mode, Step};
use crate::{Actor, Agreement, AgreementRelation, Code, Signatory, ThirdParty, ThirdPartyRole};

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

    /// `refers-to-itself`: an agreement (at `at`) that names itself among
    /// the agreements it relates to.
    pub(in crate::validation) fn refers_to_itself(
        &mut self,
        at: &At<'_, M>,
        agreement: &Agreement,
    ) {
        let related = at.key("related");
        for (j, link) in agreement.related.iter().enumerate() {
            if link.agreement == agreement.id {
                self.report(&related.index(j).key("agreement"), Code::RefersToItself, || {
                    format!("agreement \"{}\" {} itself", agreement.id, link.relation)
                });
            }
        }
    }

    /// `reference-cycle`: agreements that supersede each other, or are
    /// annexes of each other, in a cycle (a supersedes b, b supersedes a).
    /// Each cycle is reported once, at the reference that closes it, by a
    /// depth-first walk that sees each reference once: linear in the
    /// references.
    pub(in crate::validation) fn reference_cycles(&mut self) {
        let agreements = &self.record.agreements;
        if agreements.iter().all(|agreement| agreement.related.is_empty()) {
            return;
        }
        for relation in [AgreementRelation::Supersedes, AgreementRelation::AnnexOf] {
            // A cycle takes two references at least (one to itself is
            // `refers-to-itself`): with fewer, nothing is built (it took
            // ten allocations a record, most of the validation of a
            // resolution that supersedes another).
            let links = agreements
                .iter()
                .flat_map(|agreement| {
                    let relation = &relation;
                    agreement.related.iter().filter(move |link| {
                        link.relation == *relation && link.agreement != agreement.id
                    })
                })
                .take(2)
                .count();
            if links < 2 {
                continue;
            }
            // For each agreement, the positions of the agreements it has
            // `relation` to, with the index of the reference.
            let targets: Vec<Vec<(usize, usize)>> = agreements
                .iter()
                .map(|agreement| {
                    agreement
                        .related
                        .iter()
                        .enumerate()
                        .filter(|(_, link)| {
                            link.relation == relation && link.agreement != agreement.id
                        })
                        .filter_map(|(j, link)| {
                            Some((
                                self.position_of(Kind::Agreement, link.agreement.as_compact())?,
                                j,
                            ))
                        })
                        .collect()
                })
                .collect();
            self.cycles_of(&relation, &targets);
        }
    }

    /// Reports each cycle of `targets` (see [`Checker::reference_cycles`]).
    fn cycles_of(&mut self, relation: &AgreementRelation, targets: &[Vec<(usize, usize)>]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Seen {
            Not,
            OnPath,
            Done,
        }
        let mut seen = vec![Seen::Not; targets.len()];
        // Where each agreement on the path is on it, so that a cycle's
        // start is found at once however long the path.
        let mut depth = vec![0usize; targets.len()];
        for root in 0..targets.len() {
            if seen.get(root) != Some(&Seen::Not) {
                continue;
            }
            // The path: each agreement with the next of its references to follow.
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            if let Some(s) = seen.get_mut(root) {
                *s = Seen::OnPath;
            }
            while let Some((node, next)) = path.last_mut() {
                let node = *node;
                let Some(&(target, j)) = targets.get(node).and_then(|t| t.get(*next)) else {
                    if let Some(s) = seen.get_mut(node) {
                        *s = Seen::Done;
                    }
                    path.pop();
                    continue;
                };
                *next += 1;
                match seen.get(target) {
                    Some(Seen::Not) => {
                        if let Some(s) = seen.get_mut(target) {
                            *s = Seen::OnPath;
                        }
                        if let Some(d) = depth.get_mut(target) {
                            *d = path.len();
                        }
                        path.push((target, 0));
                    }
                    Some(Seen::OnPath) => {
                        let start = depth.get(target).copied().unwrap_or(0);
                        let cycle = path.get(start..).unwrap_or_default();
                        self.report_cycle(relation, cycle, node, j);
                    }
                    _ => {}
                }
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn report_cycle(
        &mut self,
        relation: &AgreementRelation,
        cycle: &[(usize, usize)],
        last: usize,
        j: usize,
    ) {
        /// A cycle's message names at most this many agreements: a
        /// hostile record's cycle of thousands must not make a message of
        /// megabytes.
        const NAMED: usize = 8;
        let agreements = &self.record.agreements;
        let id = |n: usize| agreements.get(n).map(|a| format!("\"{}\"", a.id)).unwrap_or_default();
        let root = At::<M>::ROOT;
        let agreements_at = root.key("agreements");
        let agreement_at = agreements_at.index(last);
        let related_at = agreement_at.child(Step::Key("related"));
        let link_at = related_at.index(j);
        self.report(&link_at.key("agreement"), Code::ReferenceCycle, || {
            let mut ids: Vec<String> = cycle.iter().take(NAMED).map(|&(n, _)| id(n)).collect();
            if cycle.len() > NAMED {
                ids.push(format!("... ({} agreements in all)", cycle.len()));
            }
            ids.extend(cycle.first().map(|&(n, _)| id(n)));
            format!("a cycle of agreements: {}", ids.join(&format!(" {relation} ")))
        });
    }
}

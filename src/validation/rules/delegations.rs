//! `duplicate-member`.

use crate::validation::{At, Checker, Mode};
use crate::{Code, Delegation, DelegationMember, Member};

impl<M: Mode> Checker<'_, M> {
    /// `duplicate-member`: the same person or party twice in one delegation.
    /// `member` is one of the delegation's members (the head first), at
    /// `at`; `found` is the id index's slot for it, where its
    /// mark says whether it was listed already (marked with `stamp`, the
    /// delegation's number). A member not found (an unresolved reference)
    /// is looked up among the unresolved members before it, in
    /// `unresolved`: an ordered set, so that n of them cost O(n log n)
    /// comparisons, not O(n²).
    pub(in crate::validation) fn duplicate_member<'d>(
        &mut self,
        at: &At<'_, M>,
        delegation: &Delegation,
        member: &'d DelegationMember,
        found: Option<usize>,
        stamp: u32,
        unresolved: &mut UnresolvedMembers<'d>,
    ) {
        let repeated = match found {
            Some(slot) => self.scratch.ids.mark_member(slot, stamp),
            None => !unresolved.get_or_insert_default().insert(match &member.member {
                Member::Person(id) => (true, id.as_str()),
                Member::Party(id) => (false, id.as_str()),
            }),
        };
        if repeated {
            let (token, id) = match &member.member {
                Member::Person(id) => ("person", id.as_str()),
                Member::Party(id) => ("party", id.as_str()),
            };
            self.report(at, Code::DuplicateMember, || {
                format!("{token} \"{id}\" is listed twice in delegation \"{}\"", delegation.id)
            });
        }
    }
}

/// The members of one delegation that no person or party of the record has
/// as id: whether a person (else a party), and the id. Made at the first
/// one: most delegations have none.
pub(in crate::validation) type UnresolvedMembers<'a> =
    Option<std::collections::BTreeSet<(bool, &'a str)>>;

//! `duplicate-member`.

use crate::validation::{At, Checker, Mode};
use crate::{Code, Delegation, DelegationMember, Member};

impl<M: Mode> Checker<'_, M> {
    /// `duplicate-member`: the same person or party twice in one delegation.
    /// `member` is the `index`th of the delegation's members (the head
    /// first), at `at`; `found` is the id index's slot for it, where its
    /// mark says whether it was listed already (marked with `stamp`, the
    /// delegation's number). A member not found (an unresolved reference)
    /// is compared with the members before it.
    pub(in crate::validation) fn duplicate_member(
        &mut self,
        at: &At<'_, M>,
        delegation: &Delegation,
        (index, member): (usize, &DelegationMember),
        found: Option<usize>,
        stamp: u32,
    ) {
        let repeated = match found {
            Some(slot) => self.scratch.ids.mark_member(slot, stamp),
            None => {
                delegation.all_members().take(index).any(|earlier| earlier.member == member.member)
            }
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

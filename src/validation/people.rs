//! The rules of people: named or described, positions, the same person twice.

use super::names::{fold_name_into, folded_name_hash, name_of, name_pointer};
use super::{Checker, Kind, ROOT};
use crate::{Code, Problem};

impl Checker<'_> {
    pub(super) fn check_people(&mut self) {
        let record = self.record;
        // Each name seen: its folded key's hash, the person, and which name it is.
        let mut seen = std::mem::take(&mut self.scratch.names);
        seen.clear();
        let mut reported: Vec<(usize, usize)> = Vec::new();
        let mut key = std::mem::take(&mut self.scratch.fold);
        let mut other_key = std::mem::take(&mut self.scratch.other_fold);
        let people = ROOT.key("people");
        for (i, person) in record.people.iter().enumerate() {
            let at = people.index(i);
            if person.name.is_none() && person.description.is_none() {
                self.report(
                    &at,
                    Code::Anonymous,
                    format!("person \"{}\" has neither a name nor a description", person.id),
                );
            }
            let positions = at.key("positions");
            for (j, position) in person.positions.iter().enumerate() {
                let p = positions.index(j);
                if let Some(organisation) = &position.organisation {
                    self.resolve(Kind::Party, organisation.as_str(), &p.key("organisation"));
                }
                if let Some(party) = &position.accredited_to {
                    self.resolve(Kind::Party, party.as_str(), &p.key("accredited_to"));
                }
            }
            let names =
                person.name.iter().map(|n| (None, n)).chain(
                    person.name_variants.iter().enumerate().map(|(j, v)| (Some(j), &v.name)),
                );
            for (slot, name) in names {
                let hash = folded_name_hash(name.as_str(), &mut key);
                // A hash seen before is confirmed by folding both names.
                let first = seen.iter().copied().find(|&(h, owner, owner_slot)| {
                    h == hash && {
                        fold_name_into(name.as_str(), &mut key);
                        fold_name_into(name_of(record, owner, owner_slot), &mut other_key);
                        other_key == key
                    }
                });
                match first {
                    Some((_, other, other_slot)) if other != i => {
                        if !reported.contains(&(other, i)) {
                            reported.push((other, i));
                            let name_path = name_pointer(i, slot);
                            let other_path = name_pointer(other, other_slot);
                            let other_name = name_of(record, other, other_slot);
                            let message = format!(
                                "\"{name}\" ({name_path}) and \"{other_name}\" ({other_path}) fold to the same name \"{key}\"; if they are one person, keep one and list the other spelling as a name variant"
                            );
                            self.problems.push(Problem::new(
                                name_path,
                                Code::SamePersonTwice,
                                message,
                            ));
                        }
                    }
                    Some(_) => {}
                    None => seen.push((hash, i, slot)),
                }
            }
        }
        self.scratch.names = seen;
        self.scratch.fold = key;
        self.scratch.other_fold = other_key;
    }
}

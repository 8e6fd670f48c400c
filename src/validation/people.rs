//! The rules of people: named or described, positions, the same person twice.

use super::names::{fold_name_into, folded_name_hash, name_of, name_pointer};
use super::{Checker, Kind, ROOT, Step};
use crate::{Code, Problem};

impl Checker<'_> {
    pub(super) fn check_people(&mut self) {
        let record = self.record;
        // Each name seen: its folded key's hash, the person, and which name it is.
        let mut seen = std::mem::take(&mut self.scratch.names);
        seen.clear();
        // The names seen, by hash: open addressing over indexes into `seen`
        // (plus one; 0 is empty), at most half full.
        let count: usize = record
            .people
            .iter()
            .map(|p| usize::from(p.name.is_some()) + p.name_variants.len())
            .sum();
        let size = count.saturating_mul(2).max(8).next_power_of_two();
        let shift = 64 - size.trailing_zeros();
        let mut slots = std::mem::take(&mut self.scratch.name_slots);
        slots.clear();
        slots.resize(size, 0u32);
        let mut reported: Vec<(usize, usize)> = Vec::new();
        let mut key = std::mem::take(&mut self.scratch.fold);
        let mut other_key = std::mem::take(&mut self.scratch.other_fold);
        let people = ROOT.key("people");
        for (i, person) in record.people.iter().enumerate() {
            let at = people.index(i);
            if person.name.is_none() && person.description.is_none() {
                self.report(&at, Code::Anonymous, || {
                    format!("person \"{}\" has neither a name nor a description", person.id)
                });
            }
            let positions = at.key("positions");
            for (j, position) in person.positions.iter().enumerate() {
                let p = positions.index(j);
                if let Some(organisation) = &position.organisation {
                    self.resolve(Kind::Party, organisation.as_str(), &p, Step::Key("organisation"));
                }
                if let Some(party) = &position.accredited_to {
                    self.resolve(Kind::Party, party.as_str(), &p, Step::Key("accredited_to"));
                }
            }
            let names =
                person.name.iter().map(|n| (None, n)).chain(
                    person.name_variants.iter().enumerate().map(|(j, v)| (Some(j), &v.name)),
                );
            for (slot, name) in names {
                let hash = folded_name_hash(name.as_str(), &mut key);
                let mut at = hash.checked_shr(shift).unwrap_or(0) as usize & (size - 1);
                let mut first = None;
                while let Some(&index) = slots.get(at).filter(|&&index| index != 0) {
                    let Some(&(h, owner, owner_slot)) = seen.get(index as usize - 1) else { break };
                    // A hash seen before is confirmed by folding both names.
                    if h == hash && {
                        fold_name_into(name.as_str(), &mut key);
                        fold_name_into(name_of(record, owner, owner_slot), &mut other_key);
                        other_key == key
                    } {
                        first = Some((h, owner, owner_slot));
                        break;
                    }
                    at = (at + 1) & (size - 1);
                }
                match first {
                    Some((_, other, other_slot)) if other != i => {
                        if !reported.contains(&(other, i)) {
                            reported.push((other, i));
                            self.same_person_twice((i, slot), (other, other_slot), &key);
                        }
                    }
                    Some(_) => {}
                    None => {
                        seen.push((hash, i, slot));
                        if let (Some(free), Ok(index)) =
                            (slots.get_mut(at), u32::try_from(seen.len()))
                        {
                            *free = index;
                        }
                    }
                }
            }
        }
        self.scratch.names = seen;
        self.scratch.name_slots = slots;
        self.scratch.fold = key;
        self.scratch.other_fold = other_key;
    }

    /// Reports the name of `person` (a person and which of their names)
    /// that folds to `key`, like a name of `other` before it.
    #[cold]
    #[inline(never)]
    fn same_person_twice(
        &mut self,
        (person, slot): (usize, Option<usize>),
        (other, other_slot): (usize, Option<usize>),
        key: &str,
    ) {
        let name_path = name_pointer(person, slot);
        let other_path = name_pointer(other, other_slot);
        let name = name_of(self.record, person, slot);
        let other_name = name_of(self.record, other, other_slot);
        let message = format!(
            "\"{name}\" ({name_path}) and \"{other_name}\" ({other_path}) fold to the same name \"{key}\"; if they are one person, keep one and list the other spelling as a name variant"
        );
        self.problems.push(Problem::new(name_path, Code::SamePersonTwice, message));
    }
}

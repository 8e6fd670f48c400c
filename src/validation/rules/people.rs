//! The rules of people: named or described, positions, the same person twice.

use crate::validation::index::names::{name_of, name_pointer};
use crate::validation::{At, Checker, Kind, Mode, Step};
use crate::{Code, Problem};

impl<M: Mode> Checker<'_, M> {
    pub(crate) fn check_people(&mut self) {
        let record = self.record;
        let count: usize = record
            .people
            .iter()
            .map(|p| usize::from(p.name.is_some()) + p.name_variants.len())
            .sum();
        let mut names = std::mem::take(&mut self.scratch.names);
        names.reset(count);
        let mut reported: Vec<(usize, usize)> = Vec::new();
        let root = At::<M>::ROOT;
        let people = root.key("people");
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
                    self.resolve(
                        Kind::Party,
                        organisation.as_compact(),
                        &p,
                        Step::Key("organisation"),
                    );
                }
                if let Some(party) = &position.accredited_to {
                    self.resolve(Kind::Party, party.as_compact(), &p, Step::Key("accredited_to"));
                }
            }
            // The canonical name, then the variants: each is compared with
            // the names of this person and of the people before.
            let mut add = |slot: Option<usize>, name: &crate::Text| {
                let Some((other, other_slot)) = names.add(record, (i, slot), name) else {
                    return;
                };
                if other != i && !reported.contains(&(other, i)) {
                    reported.push((other, i));
                    self.same_person_twice((i, slot), (other, other_slot), names.key());
                }
            };
            if let Some(name) = &person.name {
                add(None, name);
            }
            for (j, variant) in person.name_variants.iter().enumerate() {
                add(Some(j), &variant.name);
            }
        }
        self.scratch.names = names;
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
        if !self.placing() {
            return;
        }
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

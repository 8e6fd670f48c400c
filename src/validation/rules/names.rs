//! The rules of names: `anonymous` (an item needs a name or a description)
//! and `same-person-twice` (two people whose names fold alike).

use crate::validation::index::names::{NameIndex, Owner, name_of, name_pointer};
use crate::validation::{At, Checker, Mode};
use crate::{Code, Problem, Record, Text};

impl<M: Mode> Checker<'_, M> {
    /// `anonymous`: a person, or a party other than a state, with neither a
    /// name nor a description (`noun` and `id` name it in the message).
    pub(in crate::validation) fn anonymous(
        &mut self,
        at: &At<'_, M>,
        noun: &str,
        id: &impl std::fmt::Display,
        name: Option<&Text>,
        description: Option<&Text>,
    ) {
        if name.is_none() && description.is_none() {
            self.report(at, Code::Anonymous, || {
                format!("{noun} \"{id}\" has neither a name nor a description")
            });
        }
    }

    /// `same-person-twice`: each name of a person (the canonical one, then
    /// the variants) that folds like a name of a person before, reported
    /// once for each pair of people. `names` holds every person's names;
    /// reports for person `i` are made when the walk reaches them.
    pub(in crate::validation) fn same_person_twice(&mut self, names: &mut SeenNames, i: usize) {
        while let Some((person, other, key)) = names.repeats.get_mut(names.next) {
            if person.0 != i {
                break;
            }
            let (person, other, key) = (*person, *other, std::mem::take(key));
            names.next += 1;
            self.report_same_person(person, other, &key);
        }
    }

    /// Reports the name of `person` (a person and which of their names)
    /// that folds to `key`, like a name of `other` before it.
    #[cold]
    #[inline(never)]
    fn report_same_person(
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

/// Every person's names, and the repeats among them: each name that folds
/// like a name of a person before it, with that person's name and the
/// fold, once for each pair of people, in the order of the people.
pub(in crate::validation) struct SeenNames {
    index: NameIndex,
    repeats: Vec<(Owner, Owner, String)>,
    /// The first repeat not yet reported.
    next: usize,
}

impl SeenNames {
    /// Takes the thread's name index, fills it with the names of `record`'s
    /// people, and finds the repeats.
    pub(in crate::validation) fn new(kept: &mut NameIndex, record: &Record) -> Self {
        let mut index = std::mem::take(kept);
        index.reset();
        if record.people.len() < 2 {
            // Repeats are between two people: with one, no name need be
            // folded (a visit of the Office of the Historian spent 640
            // instructions here, callgrind).
            return SeenNames { index, repeats: Vec::new(), next: 0 };
        }
        for (i, person) in record.people.iter().enumerate() {
            if let Some(name) = &person.name {
                index.add((i, None), name);
            }
            for (j, variant) in person.name_variants.iter().enumerate() {
                index.add((i, Some(j)), &variant.name);
            }
        }
        let mut repeats = Vec::new();
        // Made at the first repeat: most records have none.
        let mut reported: Option<std::collections::BTreeSet<(usize, usize)>> = None;
        index.repeats(|person, other, key| {
            let reported = reported.get_or_insert_default();
            if other.0 != person.0 && reported.insert((other.0, person.0)) {
                repeats.push((person, other, key.to_owned()));
            }
        });
        SeenNames { index, repeats, next: 0 }
    }

    /// Gives the name index back to the thread, with its memory.
    pub(in crate::validation) fn finish(self, kept: &mut NameIndex) {
        *kept = self.index;
    }
}

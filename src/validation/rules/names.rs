//! The rules of names: `anonymous` (an item needs a name or a description)
//! and `same-person-twice` (two people whose names fold alike).

use crate::validation::index::names::{NameIndex, name_of, name_pointer};
use crate::validation::{At, Checker, Mode};
use crate::{Code, Person, Problem, Record, Text};

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

    /// `same-person-twice`: adds the names of person `i` (the canonical
    /// one, then the variants) to `names`, reporting each that folds like
    /// a name of a person before.
    pub(in crate::validation) fn same_person_twice(
        &mut self,
        names: &mut SeenNames,
        i: usize,
        person: &Person,
    ) {
        let record = self.record;
        let mut add = |slot: Option<usize>, name: &Text| {
            let Some((other, other_slot)) = names.index.add(record, (i, slot), name) else {
                return;
            };
            if other != i && !names.reported.contains(&(other, i)) {
                names.reported.push((other, i));
                self.report_same_person((i, slot), (other, other_slot), names.index.key());
            }
        };
        if let Some(name) = &person.name {
            add(None, name);
        }
        for (j, variant) in person.name_variants.iter().enumerate() {
            add(Some(j), &variant.name);
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

/// The names seen so far while walking the people, and the pairs of
/// people already reported.
pub(in crate::validation) struct SeenNames {
    index: NameIndex,
    reported: Vec<(usize, usize)>,
}

impl SeenNames {
    /// Takes the thread's name index, emptied and sized for `record`.
    pub(in crate::validation) fn new(kept: &mut NameIndex, record: &Record) -> Self {
        let count: usize = record
            .people
            .iter()
            .map(|p| usize::from(p.name.is_some()) + p.name_variants.len())
            .sum();
        let mut index = std::mem::take(kept);
        index.reset(count);
        SeenNames { index, reported: Vec::new() }
    }

    /// Gives the name index back to the thread, with its memory.
    pub(in crate::validation) fn finish(self, kept: &mut NameIndex) {
        *kept = self.index;
    }
}

//! References between items: `duplicate-id` (every id names one item of
//! its kind) and `unresolved-reference` (every reference names an item).

use crate::validation::index::ids::IdIndex;
use crate::validation::{At, Checker, IdText, Kind, Mode, Step};
use crate::{Actor, Code, Event, Problem, Subject};

impl<M: Mode> Checker<'_, M> {
    /// `duplicate-id`: indexes the ids of every kind and reports repeats,
    /// kind by kind in document order.
    pub(in crate::validation) fn duplicate_ids(&mut self) {
        let record = self.record;
        let count = record.parties.len()
            + record.people.len()
            + record.delegations.len()
            + self.scratch.event_parents.len()
            + record.statements.len()
            + record.agreements.len()
            + record.sources.len()
            + record.outcomes.len();
        let mut ids = std::mem::take(&mut self.scratch.ids);
        ids.reset(count);
        let mut repeats: Vec<(usize, usize, Kind)> = Vec::new();
        let id_at = |kind, position| self.id_at(kind, position);
        // Generic over the list, not `dyn`: one indirect call per id costs a
        // mispredicted branch nearly every time.
        fn add<'a, T: 'a>(
            ids: &mut IdIndex,
            repeats: &mut Vec<(usize, usize, Kind)>,
            id_at: impl Fn(Kind, usize) -> &'a str + Copy,
            kind: Kind,
            items: &'a [T],
            id: impl Fn(&'a T) -> &'a IdText,
        ) {
            for (position, item) in items.iter().enumerate() {
                let id = id(item);
                if let Some(first) = ids.insert(kind, id, position, id_at) {
                    repeats.push((position, first, kind));
                }
            }
        }
        let r = &mut repeats;
        add(&mut ids, r, id_at, Kind::Party, &record.parties, |p| p.id.as_compact());
        add(&mut ids, r, id_at, Kind::Person, &record.people, |p| p.id.as_compact());
        add(&mut ids, r, id_at, Kind::Delegation, &record.delegations, |d| d.id.as_compact());
        /// Adds the ids of `event` and its parts, depth first.
        fn add_events<'a>(
            ids: &mut IdIndex,
            repeats: &mut Vec<(usize, usize, Kind)>,
            id_at: impl Fn(Kind, usize) -> &'a str + Copy,
            event: &'a Event,
            position: &mut usize,
        ) {
            if let Some(first) = ids.insert(Kind::Event, event.id.as_compact(), *position, id_at) {
                repeats.push((*position, first, Kind::Event));
            }
            *position += 1;
            for part in &event.parts {
                add_events(ids, repeats, id_at, part, position);
            }
        }
        add_events(&mut ids, r, id_at, &record.event, &mut 0);
        add(&mut ids, r, id_at, Kind::Statement, &record.statements, |s| s.id.as_compact());
        add(&mut ids, r, id_at, Kind::Agreement, &record.agreements, |a| a.id.as_compact());
        add(&mut ids, r, id_at, Kind::Source, &record.sources, |s| s.id.as_compact());
        add(&mut ids, r, id_at, Kind::Outcome, &record.outcomes, |o| o.id.as_compact());
        self.scratch.ids = ids;
        if !repeats.is_empty() {
            self.report_repeats(&repeats);
        }
    }

    /// Reports ids used again: `(position, first position, kind)`.
    #[cold]
    #[inline(never)]
    fn report_repeats(&mut self, repeats: &[(usize, usize, Kind)]) {
        if !self.placing() {
            return;
        }
        for &(again, first, kind) in repeats {
            let id = self.id_at(kind, again);
            let message = format!(
                "{} id \"{id}\" is already used at {}",
                kind.noun(),
                self.item_pointer(kind, first)
            );
            let mut pointer = self.item_pointer(kind, again);
            pointer.push_str("/id");
            self.problems.push(Problem::new(pointer, Code::DuplicateId, message));
        }
    }

    /// `unresolved-reference`: a reference to an id that no item of `kind` has. The place
    /// of the reference is given as its parent and last step, so that it is
    /// built only when the reference is unresolved.
    #[inline]
    pub(in crate::validation) fn resolve(
        &mut self,
        kind: Kind,
        id: &IdText,
        parent: &At<'_, M>,
        step: Step<'_>,
    ) {
        self.resolve_slot(kind, id, parent, step);
    }

    /// [`Checker::resolve`], giving the slot of the item found (see
    /// [`Checker::slot_of`]).
    #[inline]
    pub(in crate::validation) fn resolve_slot(
        &mut self,
        kind: Kind,
        id: &IdText,
        parent: &At<'_, M>,
        step: Step<'_>,
    ) -> Option<usize> {
        let slot = self.slot_of(kind, id);
        if slot.is_none() {
            self.unresolved(kind, id, &parent.child(step));
        }
        slot
    }

    /// [`Checker::resolve`] for a reference two steps below `parent`.
    #[inline]
    fn resolve_below(
        &mut self,
        kind: Kind,
        id: &IdText,
        parent: &At<'_, M>,
        (step, last): (Step<'_>, Step<'_>),
    ) {
        if self.slot_of(kind, id).is_none() {
            self.unresolved(kind, id, &parent.child(step).child(last));
        }
    }

    #[cold]
    #[inline(never)]
    fn unresolved(&mut self, kind: Kind, id: &IdText, at: &At<'_, M>) {
        if !self.placing() {
            return;
        }
        // On a record read in part: the text may have the item, or the
        // reference is itself broken (its stand-in is empty).
        if self.read_ids.is_some_and(|ids| id.is_empty() || ids.may_have(kind, id)) {
            return;
        }
        let mut message = format!("no {} has id \"{id}\"", kind.noun());
        if let Some(other) = Kind::ALL.into_iter().find(|&k| self.has(k, id)) {
            message.push_str(&format!("; \"{id}\" is the id of a {}", other.noun()));
        }
        self.report(at, Code::UnresolvedReference, || message);
    }

    /// Every source cited in `sources` exists.
    pub(in crate::validation) fn sources(&mut self, at: &At<'_, M>, sources: &[crate::SourceId]) {
        for (j, source) in sources.iter().enumerate() {
            self.resolve(Kind::Source, source.as_compact(), at, Step::Index(j));
        }
    }

    /// Resolves the actor at `step` below `parent`.
    pub(in crate::validation) fn actor(
        &mut self,
        parent: &At<'_, M>,
        step: Step<'_>,
        actor: &Actor,
    ) {
        let (kind, id, key) = match actor {
            Actor::Person(id) => (Kind::Person, id.as_compact(), "person"),
            Actor::Party(id) => (Kind::Party, id.as_compact(), "party"),
            Actor::Delegation(id) => (Kind::Delegation, id.as_compact(), "delegation"),
        };
        self.resolve_below(kind, id, parent, (step, Step::Key(key)));
    }

    pub(in crate::validation) fn subject(&mut self, at: &At<'_, M>, subject: &Subject) {
        match subject {
            Subject::Person(id) => {
                self.resolve(Kind::Person, id.as_compact(), at, Step::Key("person"))
            }
            Subject::Party(id) => {
                self.resolve(Kind::Party, id.as_compact(), at, Step::Key("party"))
            }
            Subject::Delegation(id) => {
                self.resolve(Kind::Delegation, id.as_compact(), at, Step::Key("delegation"))
            }
            Subject::Agreement(id) => {
                self.resolve(Kind::Agreement, id.as_compact(), at, Step::Key("agreement"))
            }
            Subject::Event(id) => {
                self.resolve(Kind::Event, id.as_compact(), at, Step::Key("event"))
            }
            Subject::Outcome(id) => {
                self.resolve(Kind::Outcome, id.as_compact(), at, Step::Key("outcome"))
            }
            Subject::Topic(_) => {}
        }
    }
}

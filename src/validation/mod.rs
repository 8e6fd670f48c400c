//! Validation: every rule across the fields of a record, every problem at once.
//!
//! A record is checked in two layers:
//!
//! 1. **Parsing** ([`Record::from_json`]) checks the JSON and every single
//!    value: types, required and unknown fields, and each newtype's own
//!    invariant (text, ids, codes, dates, URLs...). A text that is JSON but
//!    not a record gets *every* such problem at once ([`Error::Invalid`](crate::Error::Invalid)),
//!    each with its JSON Pointer, line and column, with the record rules'
//!    problems on what could be read (below); a syntax error is reported
//!    alone, since what follows it cannot be read.
//! 2. **Record rules** ([`Record::validate`]) check what no single value can:
//!    ids, references, counts, the order of dates, and likely mistakes. They
//!    report *every* problem, in document order, each with a JSON Pointer into
//!    the record's JSON, a stable code, a severity and a message naming the
//!    offending value.
//!
//! # Rules on a record read in part
//!
//! When parsing finds problems, the record rules still run over what could
//! be read: a broken item of a list (a party, a participant, a part) is
//! left out, a broken optional value is absent, and a broken id or event
//! kind that the record cannot do without has a stand-in. Every rule runs,
//! but a problem is reported only where no broken value could have caused
//! it:
//!
//! - `unresolved-reference`: unless some item of the kind referred to has
//!   an id that could not be read (it may be the one meant), or an item
//!   left out has the id referred to;
//! - every other rule: unless the item it is about (a party, person,
//!   delegation, statement, agreement, outcome, relation or source, or an
//!   event or part, its own parts aside) has a problem of its own;
//! - `part-outside-parent`, `offset-outside-time-zone`,
//!   `local-time-outside-event`, `country-not-on-date` and
//!   `source-before-event`, which read the time or place of an event other
//!   than the item they report on: unless any event or part has a problem.
//!
//! Nothing runs when the record's own event cannot be read at all (it is
//! not an object, say). At most 100 problems are reported by default
//! ([`Record::from_json_with_max_problems`]); the last then says how many
//! were left out (`too-many-problems`).
//!
//! Text is put in Unicode NFC when parsed, not rejected: NFC and NFD spellings
//! of a name are the same text.
//!
//! # Codes
//!
//! Codes are stable: renaming one is a breaking change. The "JSON Schema"
//! column says whether the published schema
//! ([`schema::record_schema`](crate::schema::record_schema)) rejects the same
//! input; the rules marked "no" are checked by this crate only (a test holds
//! the schema to this column). One partial case: a language tag whose
//! variant or extension singleton repeats is rejected here but not by the
//! schema, whose regular expressions cannot say it.
//!
//! | code | severity | layer | JSON Schema | meaning |
//! | --- | --- | --- | --- | --- |
//! | `json-syntax` | error | parsing | no | not well-formed JSON, trailing data, or nesting deeper than 128 levels |
//! | `invalid-utf8` | error | parsing | no | the input is not valid UTF-8 |
//! | `line-too-long` | error | parsing | no | a JSON Lines line over the reader's limit (see [`JsonLines`](crate::JsonLines)) |
//! | `unknown-field` | error | parsing | yes | a field the model does not define (use `extensions`) |
//! | `missing-field` | error | parsing | yes | a required field is absent |
//! | `duplicate-key` | error | parsing | no | a field or map key appears twice in one object |
//! | `invalid-type` | error | parsing | yes | a value of the wrong JSON type |
//! | `unknown-variant` | error | parsing | yes | a string outside a closed list, or a misspelt open-list value |
//! | `too-many-items` | error | parsing | yes | a list or map with more than 10,000 entries |
//! | `invalid-value` | error | parsing | yes | a number out of range, or a count without its value |
//! | `invalid-id` | error | parsing | yes | an id not made of `A-Z a-z 0-9 . _ : -`, or longer than 128 |
//! | `blank-text` | error | parsing | yes | a text that is empty or white space |
//! | `forbidden-character` | error | parsing | yes | a control, bidi-formatting or zero-width character in a text |
//! | `text-too-long` | error | parsing | yes | a text longer than 10,000 characters |
//! | `invalid-country-code` | error | parsing | yes | not an upper-case ISO 3166-1 alpha-2 code, `XK`, or an ISO 3166-3 code |
//! | `invalid-date` | error | parsing | yes | a malformed or impossible date, or a time of day without an offset |
//! | `invalid-time-zone` | error | parsing | no | not a time zone name of the IANA tz database (the schema checks the form only) |
//! | `invalid-duration` | error | parsing | yes | not an ISO 8601 duration of the accepted form (`PT1H30M`) |
//! | `invalid-language-tag` | error | parsing | yes | not a well-formed BCP 47 tag |
//! | `invalid-url` | error | parsing | yes | not an absolute http(s) URL |
//! | `invalid-extension-key` | error | parsing | yes | an extension key without a namespace |
//! | `invalid-wikidata-id` | error | parsing | yes | not `Q` followed by a number |
//! | `invalid-coordinates` | error | parsing | yes | latitude or longitude out of range |
//! | `invalid-party-kind` | error | parsing | yes | a state without a country code, or a field that the party's type cannot have |
//! | `too-many-problems` | error | parsing | no | the last problem of a record with more than the cap (100 by default): how many more were left out |
//! | `duplicate-id` | error | record | no | two items of one kind with the same id |
//! | `unresolved-reference` | error | record | no | a reference to an id that no item of the right kind has |
//! | `anonymous` | error | record | no | a person, or a party other than a state, with neither name nor description |
//! | `no-speaker` | error | record | no | a statement without a speaker |
//! | `signatory-not-party` | error | record | no | a signatory acting for a party that is not a party of the agreement |
//! | `count-below-listed` | error | record | no | an exact, minimum or maximum count smaller than the items listed |
//! | `count-contradicts-list` | error | record | no | a list said to be complete whose length an exact or minimum count contradicts |
//! | `end-before-start` | error | record | no | a period that ends before it starts, or a source retrieved before it was published |
//! | `part-outside-parent` | error | record | no | a part of an event outside the event's own period |
//! | `offset-outside-time-zone` | error | record | no | a date-time whose UTC offset is not its time zone's at that moment |
//! | `local-time-outside-event` | error | record | no | a participant's local time that does not overlap the event's time |
//! | `duration-contradicts-time` | error | record | no | an exact duration, or a bound, that the event's start and end cannot allow |
//! | `steps-out-of-order` | error | record | no | an agreement step before every step of an earlier stage, by its party or by all (ratified before any signature) |
//! | `refers-to-itself` | error | record | no | an agreement that amends, supersedes or otherwise relates to itself |
//! | `reference-cycle` | error | record | no | agreements that supersede each other, or are annexes of each other, in a cycle |
//! | `organ-outside-organisation` | error | record | no | an organ whose organisation is not an international organisation or an organ |
//! | `relation-with-itself` | error | record | no | a relation, or a change of relations, membership or recognition, between a party and itself |
//! | `not-an-organisation` | error | record | no | a membership of a party that is not an international organisation, an organ or a group of states |
//! | `third-party-is-party` | warning | record | no | a mediator, witness or observer of an agreement who is also one of its parties |
//! | `duplicate-member` | warning | record | no | the same person or organisation twice in one delegation |
//! | `same-person-twice` | warning | record | no | two people whose names fold to the same key (Görgün, Gorgun, GÖRGÜN) |
//! | `source-before-event` | warning | record | no | a source published before the event began |
//! | `sovereign-is-country` | warning | record | no | a place whose sovereign is its own country |
//! | `sources-disagree` | warning | record | no | a disputed count or duration whose reports contradict each other (or one report that the list or the event's time contradicts), or an agreement signed (adopted, in force...) on two dates |
//! | `country-not-on-date` | warning | record | no | a state party, a party's country, a place's country or sovereign, or an agreement step's country whose code named no state or territory at any time of its event (or step): `RS` in 1997, `SUHH` in 1992, `DE` in 1945, `XK` in 1999 (the table of lifetimes: `data/countries/`) |
//! | `other-is-listed` | warning | record | no | an `{"other": ...}` value that spells a listed value |
//!
//! Dates are compared at the precision both have ([`Date::compare`](crate::Date::compare)), so
//! `2024-04` and `2024-04-02` are neither before nor after each other. Dates
//! local to different known time zones (a period's `time_zone`, else its
//! event's place's, else its parent event's) are compared as the stretches
//! of time they cover ([`Date::compare_zoned`](crate::Date::compare_zoned)).

use crate::{Code, Event, Problem, Record};

mod index;
pub(crate) mod partial;
mod pointer;
mod rules;
mod walk;

use index::ids::IdIndex;
use index::names;
pub use index::names::fold_name;
use pointer::{At, Mode, Placed, Step, Unplaced};

/// The string of an id, as the id types keep it.
type IdText = compact_str::CompactString;

impl Record {
    /// Checks every record rule and returns all problems found, in document
    /// order. An empty list means the record is valid and has no warnings.
    ///
    /// See the [`validation`](crate::validation) module for the rules and codes.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Code, Record};
    /// let record = Record::from_json(r#"{"format_version": "0.2", "id": "r",
    ///   "event": {"id": "e", "kind": "visit",
    ///     "participants": [{"participant": {"person": "nobody"}, "role": "guest"}]}}"#)?;
    /// let problems = record.validate();
    /// assert_eq!(problems[0].code, Code::UnresolvedReference);
    /// assert_eq!(problems[0].path, "/event/participants/0/participant/person");
    /// assert_eq!(problems[0].message, "no person has id \"nobody\"");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        // The index and buffers of the last record checked on this thread
        // are reused, so that a valid record is checked without allocating.
        // (While the thread's locals are being torn down there is no such
        // memory to reuse: the check then starts from nothing.)
        // (The scratch is borrowed in place, not moved out and back: it is
        // never borrowed twice, since a check calls no user code, but if it
        // were, that check would start from nothing too.)
        let check = |scratch: &mut Scratch| {
            // Most records have no problem: a first check keeps no places
            // and only tells whether there is one. A record with a problem
            // is checked again, keeping places to report each.
            let mut first = Checker::<Unplaced>::new(self, scratch);
            first.check();
            if !first.found {
                return Vec::new();
            }
            let mut checker = Checker::<Placed>::new(self, scratch);
            checker.check();
            checker.problems
        };
        SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut scratch) => check(&mut scratch),
                Err(_) => check(&mut Scratch::default()),
            })
            .unwrap_or_else(|_| check(&mut Scratch::default()))
    }
}

/// Memory a check needs whatever the record: kept per thread between checks.
#[derive(Default)]
struct Scratch {
    /// Every id with its kind and position.
    ids: IdIndex,
    /// People's names by their fold.
    names: names::NameIndex,
    /// Where each event sits (see [`EventParent`]), depth first.
    event_parents: Vec<EventParent>,
}

/// Where an event sits: its parent's place in the depth-first list of
/// events and its index among the parent's parts; `None` for the record's
/// event.
type EventParent = Option<(usize, usize)>;

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// The kinds of item that have ids. [`Kind::ALL`] lists every one: the id
/// index keeps the kind in three bits and checks at compile time that
/// [`Kind::ALL`] fits (`index/ids.rs`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Party,
    Person,
    Delegation,
    Event,
    Statement,
    Agreement,
    Source,
    Outcome,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Party,
        Kind::Person,
        Kind::Delegation,
        Kind::Event,
        Kind::Statement,
        Kind::Agreement,
        Kind::Source,
        Kind::Outcome,
    ];

    fn noun(self) -> &'static str {
        match self {
            Kind::Party => "party",
            Kind::Person => "person",
            Kind::Delegation => "delegation",
            Kind::Event => "event",
            Kind::Statement => "statement",
            Kind::Agreement => "agreement",
            Kind::Source => "source",
            Kind::Outcome => "outcome",
        }
    }

    fn list(self) -> &'static str {
        match self {
            Kind::Party => "parties",
            Kind::Person => "people",
            Kind::Delegation => "delegations",
            Kind::Event => "event",
            Kind::Statement => "statements",
            Kind::Agreement => "agreements",
            Kind::Source => "sources",
            Kind::Outcome => "outcomes",
        }
    }
}

struct Checker<'a, M: Mode> {
    record: &'a Record,
    scratch: &'a mut Scratch,
    /// The problems found, when places are kept.
    problems: Vec<Problem>,
    /// Whether a problem was found, when places are not kept.
    found: bool,
    /// The ids written in the text, when the record was read from a text
    /// in part ([`partial`]).
    read_ids: Option<&'a partial::ReadIds>,
    mode: std::marker::PhantomData<M>,
}

impl<'a, M: Mode> Checker<'a, M> {
    fn new(record: &'a Record, scratch: &'a mut Scratch) -> Self {
        /// Lists where `event` and its parts sit, depth first, in document
        /// order.
        fn collect(event: &Event, parent: Option<(usize, usize)>, list: &mut Vec<EventParent>) {
            let slot = list.len();
            list.push(parent);
            for (i, part) in event.parts.iter().enumerate() {
                collect(part, Some((slot, i)), list);
            }
        }
        let mut list = std::mem::take(&mut scratch.event_parents);
        list.clear();
        collect(&record.event, None, &mut list);
        scratch.event_parents = list;
        Checker {
            record,
            scratch,
            problems: Vec::new(),
            found: false,
            read_ids: None,
            mode: std::marker::PhantomData,
        }
    }

    /// The event in `slot` of the depth-first list.
    fn event_at(&self, slot: usize) -> Option<&'a Event> {
        match self.scratch.event_parents.get(slot)? {
            None => Some(&self.record.event),
            Some((parent, index)) => self.event_at(*parent)?.parts.get(*index),
        }
    }

    /// Writes the JSON Pointer of the event in `slot`.
    fn event_pointer(&self, slot: usize, out: &mut String) {
        match self.scratch.event_parents.get(slot).copied().flatten() {
            Some((parent, index)) => {
                self.event_pointer(parent, out);
                out.push_str("/parts");
                crate::json::errors::push_pointer_token(out, &index.to_string());
            }
            None => out.push_str("/event"),
        }
    }

    /// The JSON Pointer of the item at `position` of `kind`.
    fn item_pointer(&self, kind: Kind, position: usize) -> String {
        let mut out = String::new();
        if kind == Kind::Event {
            self.event_pointer(position, &mut out);
        } else {
            out.push('/');
            out.push_str(kind.list());
            crate::json::errors::push_pointer_token(&mut out, &position.to_string());
        }
        out
    }

    /// Records a problem, or only that there is one when places are not
    /// kept. Out of line and marked cold, with the message written only
    /// here: the checks of a valid record stay short and together in the
    /// instruction cache.
    #[cold]
    #[inline(never)]
    fn report(&mut self, at: &At<'_, M>, code: Code, message: impl FnOnce() -> String) {
        match at.pointer() {
            Some(pointer) => self.problems.push(Problem::new(pointer, code, message())),
            None => self.found = true,
        }
    }

    /// Whether a problem about to be reported can be: places are kept.
    /// When they are not, notes that there is a problem.
    fn placing(&mut self) -> bool {
        self.found |= !M::PLACED;
        M::PLACED
    }

    /// The id of the item at `position` of `kind`.
    #[inline(never)]
    fn id_at(&self, kind: Kind, position: usize) -> &'a str {
        let record = self.record;
        match kind {
            Kind::Party => record.parties.get(position).map(|p| p.id.as_str()),
            Kind::Person => record.people.get(position).map(|p| p.id.as_str()),
            Kind::Delegation => record.delegations.get(position).map(|d| d.id.as_str()),
            Kind::Event => self.event_at(position).map(|e| e.id.as_str()),
            Kind::Statement => record.statements.get(position).map(|s| s.id.as_str()),
            Kind::Agreement => record.agreements.get(position).map(|a| a.id.as_str()),
            Kind::Source => record.sources.get(position).map(|s| s.id.as_str()),
            Kind::Outcome => record.outcomes.get(position).map(|o| o.id.as_str()),
        }
        .unwrap_or_default()
    }

    /// Whether an item of `kind` has `id`.
    #[inline]
    fn has(&self, kind: Kind, id: &IdText) -> bool {
        self.slot_of(kind, id).is_some()
    }

    /// The index's slot for the item of `kind` that has `id`, if any. Out
    /// of line: one copy of the lookup serves every reference, rather than
    /// one inlined at each.
    #[inline(never)]
    fn slot_of(&self, kind: Kind, id: &IdText) -> Option<usize> {
        self.scratch.ids.slot_of(kind, id.as_str(), |kind, position| self.id_at(kind, position))
    }

    /// The position in its list of the item of `kind` that has `id`, if any.
    fn position_of(&self, kind: Kind, id: &IdText) -> Option<usize> {
        self.scratch.ids.position_of(kind, id.as_str(), |kind, position| self.id_at(kind, position))
    }

    /// The party with `id`, found through the id index.
    fn party_with(&self, id: &crate::PartyId) -> Option<&'a crate::Party> {
        let record = self.record;
        self.position_of(Kind::Party, id.as_compact())
            .and_then(|position| record.parties.get(position))
    }
}

#[cfg(test)]
mod complexity_tests;

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the check that keeps no places finds a problem, and the
    /// problems the check that keeps them finds.
    fn both_checks(record: &Record) -> (bool, Vec<Problem>) {
        let mut scratch = Scratch::default();
        let mut first = Checker::<Unplaced>::new(record, &mut scratch);
        first.check();
        let found = first.found;
        let mut placed = Checker::<Placed>::new(record, &mut scratch);
        placed.check();
        (found, placed.problems)
    }

    /// `validate` returns nothing when the first check finds nothing, so
    /// the two checks must agree on every record: valid ones, ones with
    /// one problem of each code, and ones with several.
    #[test]
    fn the_check_without_places_finds_a_problem_exactly_when_there_is_one() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut records = 0;
        let mut with_problems = std::collections::BTreeSet::new();
        for dir in ["tests/fixtures/valid", "tests/fixtures/invalid", "examples/records"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .collect();
            files.sort();
            for path in files {
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                let Ok(record) = Record::from_json(&text) else { continue };
                let (found, problems) = both_checks(&record);
                assert_eq!(found, !problems.is_empty(), "{}: {problems:?}", path.display());
                with_problems.extend(problems.iter().map(|p| p.code));
                records += 1;
            }
        }
        // The fixtures reach every record rule, so the agreement above
        // covers each way of reporting: the codes from `duplicate-id` on
        // are the record rules'.
        assert!(records >= 20, "only {records} records parsed");
        let rules = Code::ALL.iter().skip_while(|&&code| code != Code::DuplicateId);
        for code in rules {
            assert!(with_problems.contains(code), "no fixture reports {code:?}");
        }
    }
}

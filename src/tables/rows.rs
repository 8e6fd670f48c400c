//! A record taken apart into the rows of every table: the walk that
//! visits each item, knows its JSON Pointer and the id of the item that
//! holds it, and hands it to its table.

use std::fmt::Write as _;

use super::columns::{qualifier_of_count, qualifier_of_duration};
use super::declare::TableSet;
use crate::{
    Actor, Agreement, Count, Delegation, Duration, Event, Extensions, ExternalIds, Member, Party,
    PartyKind, Person, Record, SourceId, Statement, Subject,
};

/// One row's item with where it is: the record, the item's JSON Pointer,
/// the id of the item whose list holds it, and its place in that list.
pub(crate) struct Row<'a, T: ?Sized> {
    pub(crate) record_id: &'a str,
    pub(crate) pointer: &'a str,
    pub(crate) owner: Option<&'a str>,
    pub(crate) index: usize,
    pub(crate) item: &'a T,
}

/// A reference to an item of the record: its type and its id (or, for a
/// topic, its words).
pub(crate) struct Reference<'a> {
    pub(crate) kind: &'static str,
    pub(crate) id: &'a str,
}

impl<'a> Reference<'a> {
    pub(crate) fn actor(actor: &'a Actor) -> Self {
        match actor {
            Actor::Person(id) => Reference { kind: "person", id: id.as_str() },
            Actor::Party(id) => Reference { kind: "party", id: id.as_str() },
            Actor::Delegation(id) => Reference { kind: "delegation", id: id.as_str() },
        }
    }

    pub(crate) fn member(member: &'a Member) -> Self {
        match member {
            Member::Person(id) => Reference { kind: "person", id: id.as_str() },
            Member::Party(id) => Reference { kind: "party", id: id.as_str() },
        }
    }

    fn subject(subject: &'a Subject) -> Self {
        match subject {
            Subject::Person(id) => Reference { kind: "person", id: id.as_str() },
            Subject::Party(id) => Reference { kind: "party", id: id.as_str() },
            Subject::Delegation(id) => Reference { kind: "delegation", id: id.as_str() },
            Subject::Agreement(id) => Reference { kind: "agreement", id: id.as_str() },
            Subject::Event(id) => Reference { kind: "event", id: id.as_str() },
            Subject::Outcome(id) => Reference { kind: "outcome", id: id.as_str() },
            Subject::Topic(topic) => Reference { kind: "topic", id: topic.as_str() },
        }
    }
}

/// One report of a disputed count or duration.
pub(crate) struct Report<'a> {
    pub(crate) kind: &'static str,
    pub(crate) value: Option<String>,
    pub(crate) as_written: Option<&'a str>,
}

/// Appends every row of `record` to `set`.
pub(crate) fn append_record(set: &mut TableSet, record: &Record) {
    let mut walk = Walk { set, record_id: record.id.as_str(), pointer: String::new() };
    walk.record(record);
}

/// The walk over one record.
struct Walk<'s, 'r> {
    set: &'s mut TableSet,
    record_id: &'r str,
    /// The JSON Pointer of the item being visited.
    pointer: String,
}

/// Hands one row to its table: `emit!(self, table, owner, index, item)`.
macro_rules! emit {
    ($walk:ident, $table:ident, $owner:expr, $index:expr, $item:expr) => {{
        let Walk { set, record_id, pointer } = $walk;
        set.$table(&super::rows::Row {
            record_id,
            pointer: pointer.as_str(),
            owner: $owner,
            index: $index,
            item: $item,
        });
    }};
}

impl<'r> Walk<'_, 'r> {
    /// Visits `f` with `/segment` added to the pointer.
    fn at(&mut self, segment: impl std::fmt::Display, f: impl FnOnce(&mut Self)) {
        let len = self.pointer.len();
        let _ = write!(self.pointer, "/{segment}");
        f(self);
        self.pointer.truncate(len);
    }

    /// Visits `f` for each item of `list`, under `/name/i`.
    fn each<T>(&mut self, name: &str, list: &'r [T], mut f: impl FnMut(&mut Self, usize, &'r T)) {
        if list.is_empty() {
            return;
        }
        self.at(name, |walk| {
            for (index, item) in list.iter().enumerate() {
                walk.at(index, |walk| f(walk, index, item));
            }
        });
    }

    /// The citations of the item at the pointer.
    fn cite(&mut self, sources: &[SourceId]) {
        for source in sources {
            emit!(self, citations, None, 0, source);
        }
    }

    /// The extensions of the object at the pointer.
    fn extensions(&mut self, extensions: &Extensions) {
        for entry in extensions.iter() {
            emit!(self, extensions, None, 0, &entry);
        }
    }

    /// The ids of `owner` in other schemes.
    fn external_ids(&mut self, owner: &'r str, ids: &'r ExternalIds) {
        if ids.other.is_empty() {
            return;
        }
        self.at("external_ids/other", |walk| {
            for entry in &ids.other {
                let escaped = entry.0.as_str().replace('~', "~0").replace('/', "~1");
                walk.at(escaped, |walk| emit!(walk, external_ids, Some(owner), 0, &entry));
            }
        });
    }

    /// The citations and reports of a count at `/name`.
    fn count(&mut self, name: &str, count: Option<&'r Count>) {
        let Some(count) = count else { return };
        self.at(name, |walk| {
            walk.cite(count.sources());
            let Count::Disputed { reports } = count else { return };
            walk.each("reports", reports, |walk, index, report| {
                let report_row = Report {
                    kind: qualifier_of_count(report),
                    value: report.value().map(u64::to_string),
                    as_written: report.as_written().map(|text| text.as_str()),
                };
                emit!(walk, reports, None, index, &report_row);
                walk.cite(report.sources());
            });
        });
    }

    /// The citations and reports of a duration at `/name`.
    fn duration(&mut self, name: &str, duration: Option<&'r Duration>) {
        let Some(duration) = duration else { return };
        self.at(name, |walk| {
            walk.cite(duration.sources());
            let Duration::Disputed { reports } = duration else { return };
            walk.each("reports", reports, |walk, index, report| {
                let report_row = Report {
                    kind: qualifier_of_duration(report),
                    value: report.value().map(|length| length.as_str().to_owned()),
                    as_written: report.as_written().map(|text| text.as_str()),
                };
                emit!(walk, reports, None, index, &report_row);
                walk.cite(report.sources());
            });
        });
    }

    fn record(&mut self, record: &'r Record) {
        emit!(self, records, None, 0, record);
        self.extensions(&record.extensions);
        self.at("event", |walk| walk.event(&record.event, None, 0));
        self.each("parties", &record.parties, |walk, _, party| walk.party(party));
        self.each("people", &record.people, |walk, _, person| walk.person(person));
        self.each("delegations", &record.delegations, |walk, _, delegation| {
            walk.delegation(delegation);
        });
        self.each("statements", &record.statements, |walk, _, statement| {
            walk.statement(statement);
        });
        self.each("agreements", &record.agreements, |walk, _, agreement| {
            walk.agreement(agreement);
        });
        self.each("outcomes", &record.outcomes, |walk, index, outcome| {
            emit!(walk, outcomes, None, index, outcome);
            walk.cite(&outcome.sources);
            walk.extensions(&outcome.extensions);
        });
        self.each("relations", &record.relations, |walk, index, relation| {
            emit!(walk, relations, None, index, relation);
            walk.cite(&relation.sources);
            walk.extensions(&relation.extensions);
        });
        self.each("sources", &record.sources, |walk, index, source| {
            emit!(walk, sources, None, index, source);
            walk.extensions(&source.extensions);
        });
    }

    fn event(&mut self, event: &'r Event, parent: Option<&'r str>, index: usize) {
        let id = event.id.as_str();
        emit!(self, events, parent, index, event);
        self.cite(&event.sources);
        self.extensions(&event.extensions);
        self.duration("duration", event.duration.as_deref());
        if let Some(place) = &event.place {
            self.at("place", |walk| {
                walk.each("areas", &place.areas, |walk, index, area| {
                    emit!(walk, areas, Some(id), index, area);
                });
            });
        }
        self.each("participants", &event.participants, |walk, index, participation| {
            emit!(walk, participations, Some(id), index, participation);
            walk.cite(&participation.sources);
        });
        self.each("mentioned", &event.mentioned, |walk, index, actor| {
            emit!(walk, mentions, Some(id), index, &Reference::actor(actor));
        });
        self.each("topics", &event.topics, |walk, index, topic| {
            emit!(walk, topics, Some(id), index, &topic.0);
        });
        self.each("parts", &event.parts, |walk, index, part| walk.event(part, Some(id), index));
    }

    fn party(&mut self, party: &'r Party) {
        let id = party.id.as_str();
        emit!(self, parties, None, 0, party);
        self.cite(&party.sources);
        self.extensions(&party.extensions);
        self.count("count", party.count.as_ref());
        self.external_ids(id, &party.external_ids);
        self.each("aliases", &party.aliases, |walk, index, alias| {
            emit!(walk, aliases, Some(id), index, alias);
        });
        self.each("sectors", &party.sectors, |walk, index, sector| {
            emit!(walk, sectors, Some(id), index, &sector.0);
        });
        let members = match &party.kind {
            PartyKind::InternationalOrganisation { members }
            | PartyKind::Organ { members, .. }
            | PartyKind::GroupOfStates { members } => members.as_slice(),
            _ => &[],
        };
        self.at("kind", |walk| {
            walk.each("members", members, |walk, index, member| {
                emit!(walk, party_members, Some(id), index, member.as_str());
            });
        });
    }

    fn person(&mut self, person: &'r Person) {
        let id = person.id.as_str();
        emit!(self, people, None, 0, person);
        self.cite(&person.sources);
        self.extensions(&person.extensions);
        self.external_ids(id, &person.external_ids);
        self.each("name_variants", &person.name_variants, |walk, index, variant| {
            emit!(walk, name_variants, Some(id), index, variant);
            walk.cite(&variant.sources);
        });
        self.each("positions", &person.positions, |walk, index, position| {
            emit!(walk, positions, Some(id), index, position);
            walk.cite(&position.sources);
        });
    }

    fn delegation(&mut self, delegation: &'r Delegation) {
        let id = delegation.id.as_str();
        emit!(self, delegations, None, 0, delegation);
        self.cite(&delegation.sources);
        self.extensions(&delegation.extensions);
        self.count("size", delegation.size.as_ref());
        let first = usize::from(delegation.head.is_some());
        if let Some(head) = &delegation.head {
            self.at("head", |walk| {
                emit!(walk, delegation_members, Some(id), 0, head);
                walk.cite(&head.sources);
            });
        }
        self.each("members", &delegation.members, |walk, index, member| {
            emit!(walk, delegation_members, Some(id), first + index, member);
            walk.cite(&member.sources);
        });
    }

    fn statement(&mut self, statement: &'r Statement) {
        let id = statement.id.as_str();
        emit!(self, statements, None, 0, statement);
        self.cite(&statement.sources);
        self.extensions(&statement.extensions);
        self.each("speakers", &statement.speakers, |walk, index, actor| {
            emit!(walk, speakers, Some(id), index, &Reference::actor(actor));
        });
        self.each("addressees", &statement.addressees, |walk, index, actor| {
            emit!(walk, addressees, Some(id), index, &Reference::actor(actor));
        });
        self.each("about", &statement.about, |walk, index, subject| {
            emit!(walk, subjects, Some(id), index, &Reference::subject(subject));
        });
    }

    fn agreement(&mut self, agreement: &'r Agreement) {
        let id = agreement.id.as_str();
        emit!(self, agreements, None, 0, agreement);
        self.cite(&agreement.sources);
        self.extensions(&agreement.extensions);
        self.count("count", agreement.count.as_ref());
        self.each("parties", &agreement.parties, |walk, index, party| {
            emit!(walk, agreement_parties, Some(id), index, party.as_str());
        });
        self.each("signatories", &agreement.signatories, |walk, index, signatory| {
            emit!(walk, signatories, Some(id), index, signatory);
            walk.cite(&signatory.sources);
        });
        self.each("third_parties", &agreement.third_parties, |walk, index, third| {
            emit!(walk, third_parties, Some(id), index, third);
        });
        self.each("steps", &agreement.steps, |walk, index, step| {
            emit!(walk, steps, Some(id), index, step);
            walk.cite(&step.sources);
        });
        self.each("sectors", &agreement.sectors, |walk, index, sector| {
            emit!(walk, sectors, Some(id), index, &sector.0);
        });
        self.each("related", &agreement.related, |walk, index, related| {
            emit!(walk, related_agreements, Some(id), index, related);
        });
    }
}

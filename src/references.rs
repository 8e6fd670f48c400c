//! References to whoever acts or is acted upon: a person, a party or a delegation.

use serde::{Deserialize, Serialize};

use crate::{
    Agreement, AgreementId, Delegation, DelegationId, Event, EventId, Outcome, OutcomeId, Party,
    PartyId, Person, PersonId, Record, Source, SourceId, Statement, StatementId, Topic,
};

/// A reference to a person, a party or a delegation of this record, written
/// as a one-key object: `{"person": "gorgun"}`, `{"party": "az"}`,
/// `{"delegation": "tr-delegation"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Actor {
    /// A person, by id.
    Person(PersonId),
    /// A party, by id.
    Party(PartyId),
    /// A delegation, by id.
    Delegation(DelegationId),
}

/// What a statement is about: an actor, an agreement, an event, or a topic in
/// words. Written as a one-key object such as `{"agreement": "memoranda"}` or
/// `{"topic": "defence industry"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Subject {
    /// A person, by id.
    Person(PersonId),
    /// A party, by id.
    Party(PartyId),
    /// A delegation, by id.
    Delegation(DelegationId),
    /// An agreement, by id.
    Agreement(AgreementId),
    /// An event or meeting, by id.
    Event(EventId),
    /// An outcome, by id.
    Outcome(OutcomeId),
    /// A topic, in words.
    Topic(Topic),
}

impl From<Actor> for Subject {
    fn from(actor: Actor) -> Self {
        match actor {
            Actor::Person(id) => Subject::Person(id),
            Actor::Party(id) => Subject::Party(id),
            Actor::Delegation(id) => Subject::Delegation(id),
        }
    }
}

/// The item an [`Actor`] or a [`Subject`] refers to, found in its record
/// (see [`Record::actor`] and [`Record::subject`]).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Item<'a> {
    /// A person.
    Person(&'a Person),
    /// A party.
    Party(&'a Party),
    /// A delegation.
    Delegation(&'a Delegation),
    /// An agreement.
    Agreement(&'a Agreement),
    /// The record's event or one of its parts.
    Event(&'a Event),
    /// An outcome.
    Outcome(&'a Outcome),
    /// A topic, which is its own item.
    Topic(&'a Topic),
}

/// Lookups by id. Each is a scan of its list: records are small, and a
/// record's ids are unique once it passes [`Record::validate`] (before, the
/// first item with the id is found).
impl Record {
    /// The party with `id`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Actor, Item, Record};
    /// let record = Record::from_json(&std::fs::read_to_string("examples/records/baku-2024-04-02.json")?)?;
    /// let az = record.party(&"az".parse()?).map(|party| party.name.clone());
    /// assert_eq!(az, Some(Some("Azerbaijan".parse()?)));
    /// let host = &record.event.participants[1].participant;
    /// assert!(matches!(record.actor(host), Some(Item::Party(party)) if party.id.as_str() == "az"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self, id: &PartyId) -> Option<&Party> {
        self.parties.iter().find(|party| &party.id == id)
    }

    /// The person with `id`.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.iter().find(|person| &person.id == id)
    }

    /// The delegation with `id`.
    pub fn delegation(&self, id: &DelegationId) -> Option<&Delegation> {
        self.delegations.iter().find(|delegation| &delegation.id == id)
    }

    /// The statement with `id`.
    pub fn statement(&self, id: &StatementId) -> Option<&Statement> {
        self.statements.iter().find(|statement| &statement.id == id)
    }

    /// The agreement with `id`.
    pub fn agreement(&self, id: &AgreementId) -> Option<&Agreement> {
        self.agreements.iter().find(|agreement| &agreement.id == id)
    }

    /// The outcome with `id`.
    pub fn outcome(&self, id: &OutcomeId) -> Option<&Outcome> {
        self.outcomes.iter().find(|outcome| &outcome.id == id)
    }

    /// The source with `id`.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| &source.id == id)
    }

    /// The event with `id`: the record's event or a part of it at any depth.
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        fn find<'a>(event: &'a Event, id: &EventId) -> Option<&'a Event> {
            if &event.id == id {
                return Some(event);
            }
            event.parts.iter().find_map(|part| find(part, id))
        }
        find(&self.event, id)
    }

    /// The person, party or delegation `actor` refers to.
    pub fn actor(&self, actor: &Actor) -> Option<Item<'_>> {
        match actor {
            Actor::Person(id) => self.person(id).map(Item::Person),
            Actor::Party(id) => self.party(id).map(Item::Party),
            Actor::Delegation(id) => self.delegation(id).map(Item::Delegation),
        }
    }

    /// The item `subject` refers to; a topic is its own item.
    pub fn subject<'a>(&'a self, subject: &'a Subject) -> Option<Item<'a>> {
        match subject {
            Subject::Person(id) => self.person(id).map(Item::Person),
            Subject::Party(id) => self.party(id).map(Item::Party),
            Subject::Delegation(id) => self.delegation(id).map(Item::Delegation),
            Subject::Agreement(id) => self.agreement(id).map(Item::Agreement),
            Subject::Event(id) => self.event(id).map(Item::Event),
            Subject::Outcome(id) => self.outcome(id).map(Item::Outcome),
            Subject::Topic(topic) => Some(Item::Topic(topic)),
        }
    }
}

//! References to whoever acts or is acted upon: a person, a party or a delegation.

use serde::{Deserialize, Serialize};

use crate::{AgreementId, DelegationId, EventId, PartyId, PersonId, Topic};

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

//! Outcomes that are not documents: a state admitted to an organisation,
//! diplomatic relations established, recognition granted, an ambassador
//! appointed or accredited.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{
    Date, DiplomaticStatus, EventId, Extensions, OutcomeId, PartyId, PersonId, Position,
    RecognisedAs, SourceId, Text,
};

record_struct! {
    /// Something an event brought about that is not a document: a change of
    /// membership, of diplomatic relations or of recognition, an
    /// appointment or an accreditation. Documents (agreements, and acts
    /// such as resolutions) go in `agreements`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Outcome {
        /// Local id, unique among the outcomes of the record.
        pub id: OutcomeId,
        /// What changed, and between whom: a one-key object such as
        /// `{"membership": {...}}`.
        pub kind: OutcomeKind,
        /// When it took effect, to the precision known.
        pub date: Option<Date> => with_date,
        /// The event at which it happened or was announced.
        pub event: Option<EventId> => with_event,
        /// More about it, in words.
        pub description: Option<Text> => with_description,
        /// The sources that report it.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this outcome, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Outcome {
    /// An outcome of `kind` with nothing else known yet.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Membership, MembershipChange, Outcome, OutcomeKind};
    /// let admitted = Outcome::new(
    ///     "finland-joins".parse()?,
    ///     OutcomeKind::Membership(Membership::new(
    ///         MembershipChange::Admitted,
    ///         "fi".parse()?,
    ///         "nato".parse()?,
    ///     )),
    /// )
    /// .with_date("2023-04-04".parse()?);
    /// assert_eq!(admitted.kind.as_str(), "membership");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: OutcomeId, kind: OutcomeKind) -> Self {
        Self::blank(id, kind)
    }
}

/// What an outcome changed, written as a one-key object naming its kind:
/// `{"membership": {"change": "admitted", "member": "fi", "organisation":
/// "nato"}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutcomeKind {
    /// A party admitted to, suspended from, reinstated in, expelled from or
    /// leaving an organisation, an organ or a group.
    Membership(Membership),
    /// Diplomatic relations between two parties established, raised,
    /// lowered, severed or restored.
    DiplomaticRelations(RelationsChange),
    /// Recognition of a state or a government granted or withdrawn.
    Recognition(RecognitionChange),
    /// A person appointed to a position (an envoy, a minister, a mediator).
    Appointment(Appointment),
    /// An envoy accredited: credentials presented to the receiving party.
    Accreditation(Accreditation),
}

crate::json::collect::collect_one_key!(OutcomeKind {
    "membership" => Membership,
    "diplomatic_relations" => DiplomaticRelations,
    "recognition" => Recognition,
    "appointment" => Appointment,
    "accreditation" => Accreditation,
});

impl OutcomeKind {
    /// The kind's key: `"membership"`, `"diplomatic_relations"`,
    /// `"recognition"`, `"appointment"` or `"accreditation"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            OutcomeKind::Membership(_) => "membership",
            OutcomeKind::DiplomaticRelations(_) => "diplomatic_relations",
            OutcomeKind::Recognition(_) => "recognition",
            OutcomeKind::Appointment(_) => "appointment",
            OutcomeKind::Accreditation(_) => "accreditation",
        }
    }
}

record_struct! {
    /// A change in a party's membership of an organisation, organ or group.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Membership {
        /// What happened to the membership.
        pub change: MembershipChange,
        /// The party whose membership changed.
        pub member: PartyId,
        /// The international organisation, organ or group of states.
        pub organisation: PartyId,
    }
}

impl Membership {
    /// `member`'s membership of `organisation` changed by `change`.
    pub fn new(change: MembershipChange, member: PartyId, organisation: PartyId) -> Self {
        Self::blank(change, member, organisation)
    }
}

/// How a membership changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MembershipChange {
    /// Admitted as a member (accession completed).
    Admitted,
    /// Admitted as an observer.
    AdmittedAsObserver,
    /// Suspended from membership.
    Suspended,
    /// Reinstated after a suspension.
    Reinstated,
    /// Left of its own will (withdrew).
    Left,
    /// Expelled.
    Expelled,
}

record_struct! {
    /// A change in the diplomatic relations between two parties.
    #[derive(Clone, Debug, PartialEq)]
    pub struct RelationsChange {
        /// What happened to the relations.
        pub change: RelationsChangeKind,
        /// The two parties, in any order.
        pub parties: [PartyId; 2],
        /// Where the relations stand after the change, when the source
        /// says (downgraded to chargé d'affaires level).
        pub status: Option<DiplomaticStatus> => with_status,
    }
}

impl RelationsChange {
    /// Relations between `parties` changed by `change`.
    pub fn new(change: RelationsChangeKind, parties: [PartyId; 2]) -> Self {
        Self::blank(change, parties)
    }
}

/// How diplomatic relations changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RelationsChangeKind {
    /// Established for the first time.
    Established,
    /// Raised (from chargé d'affaires to ambassador level).
    Upgraded,
    /// Lowered (ambassadors recalled, chargés d'affaires left).
    Downgraded,
    /// Severed (broken off).
    Severed,
    /// Restored after being severed.
    Restored,
}

record_struct! {
    /// Recognition granted or withdrawn by one party to another.
    #[derive(Clone, Debug, PartialEq)]
    pub struct RecognitionChange {
        /// Granted or withdrawn.
        pub change: RecognitionChangeKind,
        /// The recognising party.
        pub by: PartyId,
        /// The party recognised, or no longer recognised.
        pub of: PartyId,
        /// Recognised as a state, or as the government of its state.
        pub recognised_as: RecognisedAs,
    }
}

impl RecognitionChange {
    /// `by` grants or withdraws recognition of `of` as `recognised_as`.
    pub fn new(
        change: RecognitionChangeKind,
        by: PartyId,
        of: PartyId,
        recognised_as: RecognisedAs,
    ) -> Self {
        Self::blank(change, by, of, recognised_as)
    }
}

/// How recognition changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecognitionChangeKind {
    /// Recognition granted.
    Granted,
    /// Recognition withdrawn.
    Withdrawn,
}

record_struct! {
    /// A person appointed to a position.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Appointment {
        /// Who was appointed.
        pub person: PersonId,
        /// The position, with the organisation it belongs to and the party
        /// it is accredited to (an ambassador's).
        pub position: Position,
        /// The party that appointed them, when not the position's organisation.
        pub appointed_by: Option<PartyId> => with_appointed_by,
    }
}

impl Appointment {
    /// `person` appointed to `position`.
    pub fn new(person: PersonId, position: Position) -> Self {
        Self::blank(person, position)
    }
}

record_struct! {
    /// An envoy's credentials presented: the envoy is accredited to the
    /// receiving party.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Accreditation {
        /// The envoy (an ambassador, a permanent representative).
        pub envoy: PersonId,
        /// The party the envoy is accredited to (a state, an organisation).
        pub accredited_to: PartyId,
        /// The party the envoy represents.
        pub acting_for: Option<PartyId> => with_acting_for,
        /// Who received the credentials (the head of state, the Secretary-General).
        pub received_by: Option<PersonId> => with_received_by,
    }
}

impl Accreditation {
    /// `envoy` accredited to `accredited_to`.
    pub fn new(envoy: PersonId, accredited_to: PartyId) -> Self {
        Self::blank(envoy, accredited_to)
    }
}

code_list!(MembershipChange);
code_list!(RelationsChangeKind);
code_list!(RecognitionChangeKind);

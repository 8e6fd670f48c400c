//! Relations between parties as they stood at the time of the event:
//! diplomatic relations and recognition.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{Date, Extensions, PartyId, SourceId, Text};

record_struct! {
    /// How two parties stood towards each other, as of a date: whether they
    /// had diplomatic relations, whether one recognised the other. It says
    /// what the sources report of the time of the event, not what the
    /// event changed (that is an outcome, in `outcomes`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct Relation {
        /// The relation: a one-key object such as
        /// `{"diplomatic_relations": {...}}`.
        pub kind: RelationKind,
        /// The date the relation is reported for ("as of").
        pub as_of: Option<Date> => with_as_of,
        /// More about it, in words.
        pub description: Option<Text> => with_description,
        /// The sources that report it.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this relation, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Relation {
    /// A relation of `kind`, with no date or source yet.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{DiplomaticRelations, DiplomaticStatus, Relation, RelationKind};
    /// let severed = Relation::new(RelationKind::DiplomaticRelations(DiplomaticRelations::new(
    ///     ["sa".parse()?, "ir".parse()?],
    ///     DiplomaticStatus::Severed,
    /// )))
    /// .with_as_of("2023-03-09".parse()?);
    /// assert!(severed.as_of.is_some());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(kind: RelationKind) -> Self {
        Self::blank(kind)
    }
}

/// A relation between two parties, written as a one-key object naming its
/// kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RelationKind {
    /// Whether, and at what level, two parties had diplomatic relations.
    DiplomaticRelations(DiplomaticRelations),
    /// Whether one party recognised another as a state or as a government.
    Recognition(Recognition),
}

crate::json::collect::collect_one_key!(RelationKind {
    "diplomatic_relations" => DiplomaticRelations,
    "recognition" => Recognition,
});

impl RelationKind {
    /// The kind's key: `"diplomatic_relations"` or `"recognition"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            RelationKind::DiplomaticRelations(_) => "diplomatic_relations",
            RelationKind::Recognition(_) => "recognition",
        }
    }
}

record_struct! {
    /// The diplomatic relations between two parties.
    #[derive(Clone, Debug, PartialEq)]
    pub struct DiplomaticRelations {
        /// The two parties, in any order.
        pub parties: [PartyId; 2],
        /// Where their relations stood.
        pub status: DiplomaticStatus,
    }
}

impl DiplomaticRelations {
    /// The relations between `parties` stood at `status`.
    pub fn new(parties: [PartyId; 2], status: DiplomaticStatus) -> Self {
        Self::blank(parties, status)
    }
}

/// Where diplomatic relations stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiplomaticStatus {
    /// Never established.
    None,
    /// Established, at ambassador level.
    Established,
    /// Established, at the level of chargés d'affaires only.
    ChargeDAffaires,
    /// Severed (broken off) and not restored.
    Severed,
}

record_struct! {
    /// Whether one party recognised another, as a state or as the
    /// government of its state.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Recognition {
        /// The recognising (or not recognising) party.
        pub by: PartyId,
        /// The party recognised, or not.
        pub of: PartyId,
        /// As what: a state, or the government of its state.
        pub recognised_as: RecognisedAs,
        /// Whether `by` recognised `of` so: `false` for non-recognition.
        pub recognised: bool,
    }
}

impl Recognition {
    /// `by` recognised (or, with `recognised` false, did not recognise)
    /// `of` as `recognised_as`.
    pub fn new(by: PartyId, of: PartyId, recognised_as: RecognisedAs, recognised: bool) -> Self {
        Self::blank(by, of, recognised_as, recognised)
    }
}

/// What a party is recognised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecognisedAs {
    /// As a state.
    State,
    /// As the government of its state.
    Government,
}

code_list!(DiplomaticStatus);
code_list!(RecognisedAs);

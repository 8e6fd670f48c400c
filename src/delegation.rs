//! Delegations: who was sent, for whom, led by whom.

use crate::json::declare::record_struct;
use serde::{Deserialize, Serialize};

use crate::{Count, DelegationId, Extensions, PartyId, PersonId, SourceId, Text};

record_struct! {
    /// A group sent to an event to represent a party, with its head and members.
    ///
    /// The head is given apart from the other members, so a delegation has at most
    /// one head and the head is always one of its members.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Delegation {
        /// Local id, unique among the delegations of the record.
        pub id: DelegationId,
        /// The party the delegation represents.
        pub represents: PartyId,
        /// The delegation's name, when the source gives one ("the Turkish delegation").
        pub name: Option<Text> => with_name,
        /// The head of the delegation. Absent when not known.
        pub head: Option<DelegationMember> => with_head,
        /// The members other than the head, in the source's order.
        pub members: Vec<DelegationMember> => with_members,
        /// Whether `head` and `members` list everyone: `true` when the source
        /// gives the full list, `false` when it says there were others ("...and
        /// other companies"), absent when it does not say.
        pub members_complete: Option<bool> => with_members_complete,
        /// The size of the delegation, as far as the source says ("a sizable delegation").
        pub size: Option<Count> => with_size,
        /// The sources that report this delegation.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this delegation, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Delegation {
    /// A delegation representing `represents`, with no members yet.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Count, Delegation, DelegationMember};
    /// let delegation = Delegation::new("tr-delegation".parse()?, "tr".parse()?)
    ///     .with_head(DelegationMember::person("gorgun".parse()?))
    ///     .with_members([DelegationMember::person("ceo-1".parse()?)])
    ///     .with_members_complete(false);
    /// assert_eq!(delegation.all_members().count(), 2);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: DelegationId, represents: PartyId) -> Self {
        Self::blank(id, represents)
    }

    /// The head followed by the other members.
    pub fn all_members(&self) -> impl Iterator<Item = &DelegationMember> {
        self.head.iter().chain(self.members.iter())
    }
}

record_struct! {
    /// One member of a delegation: a person, or an organisation taking part as such.
    #[derive(Clone, Debug, PartialEq)]
    pub struct DelegationMember {
        /// Who the member is.
        pub member: Member,
        /// The member's role in the delegation, in the source's words ("deputy head", "adviser").
        pub role: Option<Text> => with_role,
        /// The party the member comes from, when it is not the one the delegation
        /// represents (the company whose CEO travelled with a state delegation).
        pub affiliation: Option<PartyId> => with_affiliation,
        /// The sources that name this member.
        pub sources: Vec<SourceId> => with_sources,
    }
}

impl DelegationMember {
    /// A person as member.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::DelegationMember;
    /// let member = DelegationMember::person("ceo-1".parse()?)
    ///     .with_role("CEO".parse()?)
    ///     .with_affiliation("aselsan".parse()?);
    /// assert!(member.affiliation.is_some());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn person(person: PersonId) -> Self {
        Self::blank(Member::Person(person))
    }

    /// An organisation as member.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{DelegationMember, Member};
    /// let member = DelegationMember::party("aselsan".parse()?);
    /// assert!(matches!(member.member, Member::Party(_)));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn party(party: PartyId) -> Self {
        Self::blank(Member::Party(party))
    }
}

/// Who a delegation member is: `{"person": "gorgun"}` or `{"party": "aselsan"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Member {
    /// A person, by id.
    Person(PersonId),
    /// An organisation, by party id.
    Party(PartyId),
}

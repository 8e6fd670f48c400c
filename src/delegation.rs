//! Delegations: who was sent, for whom, led by whom.

use serde::{Deserialize, Serialize};

use crate::{Count, DelegationId, Extensions, PartyId, PersonId, Text};

/// A group sent to an event to represent a party, with its head and members.
///
/// The head is given apart from the other members, so a delegation has at most
/// one head and the head is always one of its members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Delegation {
    /// Local id, unique among the delegations of the record.
    pub id: DelegationId,
    /// The party the delegation represents.
    pub represents: PartyId,
    /// The delegation's name, when the source gives one ("the Turkish delegation").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The head of the delegation. Absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<DelegationMember>,
    /// The members other than the head, in the source's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<DelegationMember>,
    /// Whether `head` and `members` list everyone: `true` when the source
    /// gives the full list, `false` when it says there were others ("...and
    /// other companies"), absent when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_complete: Option<bool>,
    /// The size of the delegation, as far as the source says ("a sizable delegation").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Count>,
    /// Namespaced extra data about this delegation, kept exactly.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Delegation {
    /// A delegation representing `represents`, with no members yet.
    pub fn new(id: DelegationId, represents: PartyId) -> Self {
        Delegation {
            id,
            represents,
            name: None,
            head: None,
            members: Vec::new(),
            members_complete: None,
            size: None,
            extensions: Extensions::default(),
        }
    }

    /// Sets the name.
    pub fn with_name(mut self, name: Text) -> Self {
        self.name = Some(name);
        self
    }
    /// Sets the head.
    pub fn with_head(mut self, head: DelegationMember) -> Self {
        self.head = Some(head);
        self
    }
    /// Adds a member other than the head.
    pub fn with_member(mut self, member: DelegationMember) -> Self {
        self.members.push(member);
        self
    }
    /// Says whether the member list is complete.
    pub fn with_members_complete(mut self, complete: bool) -> Self {
        self.members_complete = Some(complete);
        self
    }
    /// Sets the size.
    pub fn with_size(mut self, size: Count) -> Self {
        self.size = Some(size);
        self
    }

    /// The head followed by the other members.
    pub fn all_members(&self) -> impl Iterator<Item = &DelegationMember> {
        self.head.iter().chain(self.members.iter())
    }
}

/// One member of a delegation: a person, or an organisation taking part as such.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DelegationMember {
    /// Who the member is.
    pub member: Member,
    /// The member's role in the delegation, in the source's words ("deputy head", "adviser").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// The party the member comes from, when it is not the one the delegation
    /// represents (the company whose CEO travelled with a state delegation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<PartyId>,
}

impl DelegationMember {
    /// A person as member.
    pub fn person(person: PersonId) -> Self {
        DelegationMember { member: Member::Person(person), role: None, affiliation: None }
    }

    /// An organisation as member.
    pub fn party(party: PartyId) -> Self {
        DelegationMember { member: Member::Party(party), role: None, affiliation: None }
    }

    /// Sets the role.
    pub fn with_role(mut self, role: Text) -> Self {
        self.role = Some(role);
        self
    }
    /// Sets the affiliation.
    pub fn with_affiliation(mut self, affiliation: PartyId) -> Self {
        self.affiliation = Some(affiliation);
        self
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

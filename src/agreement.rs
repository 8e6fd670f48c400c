//! Agreements: memoranda, treaties and other documents, their parties,
//! signatories and the dates of each step.

use serde::{Deserialize, Serialize};

use crate::{
    Actor, AgreementId, Count, CountryCode, Date, EventId, Extensions, PartyId, PersonId, Sector,
    Text,
};

/// A document agreed between parties: a memorandum of understanding, a
/// treaty, a joint statement. One entry may stand for several documents
/// signed together ("several memoranda"); `count` says how many.
///
/// Parties are those bound by it; signatories are the people who signed it,
/// each for a party.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// Local id, unique among the agreements of the record.
    pub id: AgreementId,
    /// What kind of document it is, descriptively (a title has no legal force).
    pub kind: AgreementKind,
    /// Its title as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// How far it has gone, as of the latest source. Absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AgreementStatus>,
    /// How many documents this entry stands for. Absent for a single document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// The parties bound by it, named or unnamed (an unnamed party is a
    /// [`Party`](crate::Party) without a name, with a country and sector).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyId>,
    /// Whether `parties` lists them all (as for delegation members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties_complete: Option<bool>,
    /// The people who signed, each for a party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signatory>,
    /// Others involved without being parties: mediators, witnesses, guarantors, a depositary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub third_parties: Vec<ThirdParty>,
    /// The dated steps of its life (signature, ratification, entry into force), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<AgreementStep>,
    /// Fields it covers ("defence industry", "various sectors").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    /// Its registration number with a treaty registry (UN Treaty Series), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<Text>,
    /// Namespaced extra data about this agreement, kept exactly.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Agreement {
    /// An agreement of `kind` with nothing else known yet.
    pub fn new(id: AgreementId, kind: AgreementKind) -> Self {
        Agreement {
            id,
            kind,
            title: None,
            status: None,
            count: None,
            parties: Vec::new(),
            parties_complete: None,
            signatories: Vec::new(),
            third_parties: Vec::new(),
            steps: Vec::new(),
            sectors: Vec::new(),
            registration_number: None,
            extensions: Extensions::default(),
        }
    }

    /// Sets the title.
    pub fn with_title(mut self, title: Text) -> Self {
        self.title = Some(title);
        self
    }
    /// Sets the status.
    pub fn with_status(mut self, status: AgreementStatus) -> Self {
        self.status = Some(status);
        self
    }
    /// Sets the count of documents.
    pub fn with_count(mut self, count: Count) -> Self {
        self.count = Some(count);
        self
    }
    /// Adds a party.
    pub fn with_party(mut self, party: PartyId) -> Self {
        self.parties.push(party);
        self
    }
    /// Adds a signatory.
    pub fn with_signatory(mut self, signatory: Signatory) -> Self {
        self.signatories.push(signatory);
        self
    }
    /// Adds a step.
    pub fn with_step(mut self, step: AgreementStep) -> Self {
        self.steps.push(step);
        self
    }
    /// Adds a sector.
    pub fn with_sector(mut self, sector: Sector) -> Self {
        self.sectors.push(sector);
        self
    }
}

/// Kinds of agreement document. An open list: another kind is written as
/// `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgreementKind {
    /// A memorandum of understanding.
    MemorandumOfUnderstanding,
    /// A treaty.
    Treaty,
    /// An agreement.
    Agreement,
    /// A protocol.
    Protocol,
    /// A joint statement.
    JointStatement,
    /// A declaration.
    Declaration,
    /// A communiqué.
    Communique,
    /// An exchange of notes or letters.
    ExchangeOfNotes,
    /// A plan of action or road map.
    PlanOfAction,
    /// A letter of intent.
    LetterOfIntent,
    /// A commercial contract.
    Contract,
    /// Any other kind, in words.
    Other(Text),
}

/// How far an agreement has gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgreementStatus {
    /// The text is agreed by negotiators.
    Negotiated,
    /// Initialled by negotiators.
    Initialled,
    /// Signed.
    Signed,
    /// Adopted or issued (a joint statement, a declaration).
    Adopted,
    /// Concluded.
    Concluded,
    /// Ratified (or accepted, approved, acceded to) by the parties.
    Ratified,
    /// In force.
    InForce,
    /// Terminated, withdrawn from or expired.
    Terminated,
}

/// A person who signed an agreement, and the party they signed for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Signatory {
    /// Who signed.
    pub person: PersonId,
    /// The party they signed for; one of the agreement's parties.
    pub acting_for: PartyId,
    /// When they signed, if apart from the agreement's signing step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The event at which they signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventId>,
}

impl Signatory {
    /// `person` signing for `acting_for`.
    pub fn new(person: PersonId, acting_for: PartyId) -> Self {
        Signatory { person, acting_for, date: None, event: None }
    }

    /// Sets the date of signature.
    pub fn on(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }
}

/// Someone involved in an agreement without being bound by it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ThirdParty {
    /// Who.
    pub actor: Actor,
    /// In what role.
    pub role: ThirdPartyRole,
}

impl ThirdParty {
    /// `actor` in `role`.
    pub fn new(actor: Actor, role: ThirdPartyRole) -> Self {
        ThirdParty { actor, role }
    }
}

/// Roles of those involved in an agreement without being parties. An open
/// list: another role is written as `{"other": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ThirdPartyRole {
    /// Mediated or facilitated the agreement.
    Mediator,
    /// Witnessed the signing.
    Witness,
    /// Observed.
    Observer,
    /// Guarantees the agreement.
    Guarantor,
    /// Keeps the original and receives instruments of ratification.
    Depositary,
    /// Any other role, in words.
    Other(Text),
}

/// One dated step in an agreement's life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AgreementStep {
    /// Which step.
    pub step: StepKind,
    /// When, to the precision known. Absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The party that took the step, for per-party steps (ratification by one state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// The event during which it happened ("signed during the trip").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventId>,
    /// Where it happened, when no event of the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
}

impl AgreementStep {
    /// A step with nothing else known.
    pub fn new(step: StepKind) -> Self {
        AgreementStep { step, date: None, party: None, event: None, country: None }
    }

    /// Sets the date.
    pub fn on(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }
    /// Sets the party.
    pub fn by(mut self, party: PartyId) -> Self {
        self.party = Some(party);
        self
    }
    /// Sets the event.
    pub fn during(mut self, event: EventId) -> Self {
        self.event = Some(event);
        self
    }
}

/// Steps of an agreement's life, in their usual order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepKind {
    /// Initialled by negotiators.
    Initialled,
    /// Signed.
    Signed,
    /// Adopted or issued.
    Adopted,
    /// Ratified.
    Ratified,
    /// Accepted.
    Accepted,
    /// Approved.
    Approved,
    /// Acceded to.
    Acceded,
    /// Succeeded to.
    Succeeded,
    /// Entered into force.
    EnteredIntoForce,
    /// Terminated, withdrawn from or expired.
    Terminated,
}

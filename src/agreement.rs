//! Agreements: memoranda, treaties and other documents, their parties,
//! signatories and the dates of each step.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{
    Actor, AgreementId, Count, CountryCode, Date, EventId, Extensions, PartyId, PersonId, Sector,
    SourceId, Text,
};

record_struct! {
    /// A document agreed between parties: a memorandum of understanding, a
    /// treaty, a joint statement. One entry may stand for several documents
    /// signed together ("several memoranda"); `count` says how many.
    ///
    /// Parties are those bound by it; signatories are the people who signed it,
    /// each for a party.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Agreement {
        /// Local id, unique among the agreements of the record.
        pub id: AgreementId,
        /// What kind of document it is, descriptively (a title has no legal force).
        pub kind: AgreementKind,
        /// Its title as given.
        pub title: Option<Text> => with_title,
        /// How far it has gone, as of the latest source. Absent when unknown.
        pub status: Option<AgreementStatus> => with_status,
        /// How many documents this entry stands for. Absent for a single document.
        pub count: Option<Count> => with_count,
        /// The parties bound by it, named or unnamed (an unnamed party is a
        /// [`Party`](crate::Party) without a name, with a country and sector).
        pub parties: Vec<PartyId> => with_parties,
        /// Whether `parties` lists them all (as for delegation members).
        pub parties_complete: Option<bool> => with_parties_complete,
        /// The people who signed, each for a party.
        pub signatories: Vec<Signatory> => with_signatories,
        /// Others involved without being parties: mediators, witnesses, guarantors, a depositary.
        pub third_parties: Vec<ThirdParty> => with_third_parties,
        /// The dated steps of its life (signature, ratification, entry into force), in order.
        pub steps: Vec<AgreementStep> => with_steps,
        /// Fields it covers ("defence industry", "various sectors").
        pub sectors: Vec<Sector> => with_sectors,
        /// Other agreements and acts of the record it refers to: one it
        /// amends, supersedes, implements or endorses, the one it is an annex
        /// of, or its counterpart.
        pub related: Vec<RelatedAgreement> => with_related,
        /// Its registration number with a treaty registry (UN Treaty Series), if any.
        pub registration_number: Option<Text> => with_registration_number,
        /// The sources that report this agreement.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this agreement, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Agreement {
    /// An agreement of `kind` with nothing else known yet.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Agreement, AgreementKind, AgreementStep, StepKind};
    /// let mou = Agreement::new("mou".parse()?, AgreementKind::MemorandumOfUnderstanding)
    ///     .with_title("Memorandum on defence industry cooperation".parse()?)
    ///     .with_parties(["tr".parse()?, "az".parse()?])
    ///     .with_steps([AgreementStep::new(StepKind::Signed).with_date("2024-04-02".parse()?)]);
    /// assert_eq!(mou.parties.len(), 2);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: AgreementId, kind: AgreementKind) -> Self {
        Self::blank(id, kind)
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
    /// A resolution adopted by an organ of an international organisation
    /// (a council, an assembly).
    Resolution,
    /// A decision of an organ of an international organisation, or of a
    /// meeting of the parties to a treaty.
    Decision,
    /// Any other kind, in words.
    Other(Text),
}

/// How far an agreement has gone: the state its latest step left it in.
/// Every status is reached by a step of the same name (`in_force` by
/// `entered_into_force`, `ratified` also by `accepted`, `approved`,
/// `acceded` and `succeeded`), and every listed step leads to a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgreementStatus {
    /// The text is agreed by negotiators.
    Negotiated,
    /// Concluded: the text is settled by the parties, as for an agreement
    /// that needs no signature.
    Concluded,
    /// Initialled by negotiators.
    Initialled,
    /// Signed.
    Signed,
    /// Adopted or issued (a joint statement, a declaration, a resolution).
    Adopted,
    /// Ratified (or accepted, approved, acceded or succeeded to): consent to
    /// be bound is given.
    Ratified,
    /// In force.
    InForce,
    /// Applied provisionally, before it is in force.
    ProvisionallyApplied,
    /// Suspended: in force, but not applied for now.
    Suspended,
    /// Terminated or expired.
    Terminated,
    /// Withdrawn from by a party (for a bilateral agreement, this ends it).
    WithdrawnFrom,
}

impl AgreementStatus {
    /// The step that brings an agreement to this status: `in_force` is
    /// reached by `entered_into_force`, `ratified` by `ratified` (or by
    /// its kin: accepted, approved, acceded, succeeded).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{AgreementStatus, StepKind};
    /// assert_eq!(AgreementStatus::InForce.step(), StepKind::EnteredIntoForce);
    /// assert_eq!(StepKind::Acceded.status(), Some(AgreementStatus::Ratified));
    /// ```
    pub fn step(self) -> StepKind {
        match self {
            AgreementStatus::Negotiated => StepKind::Negotiated,
            AgreementStatus::Concluded => StepKind::Concluded,
            AgreementStatus::Initialled => StepKind::Initialled,
            AgreementStatus::Signed => StepKind::Signed,
            AgreementStatus::Adopted => StepKind::Adopted,
            AgreementStatus::Ratified => StepKind::Ratified,
            AgreementStatus::InForce => StepKind::EnteredIntoForce,
            AgreementStatus::ProvisionallyApplied => StepKind::ProvisionallyApplied,
            AgreementStatus::Suspended => StepKind::Suspended,
            AgreementStatus::Terminated => StepKind::Terminated,
            AgreementStatus::WithdrawnFrom => StepKind::WithdrawnFrom,
        }
    }
}

record_struct! {
    /// How an agreement or act refers to another of the record: `{"relation":
    /// "supersedes", "agreement": "treaty-1994"}`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct RelatedAgreement {
        /// What this agreement is or does to the other.
        pub relation: AgreementRelation,
        /// The other agreement or act, by id.
        pub agreement: AgreementId,
    }
}

impl RelatedAgreement {
    /// This agreement stands in `relation` to `agreement`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{AgreementRelation, RelatedAgreement};
    /// let endorses = RelatedAgreement::new(AgreementRelation::Endorses, "jcpoa".parse()?);
    /// assert_eq!(endorses.relation.as_str(), "endorses");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(relation: AgreementRelation, agreement: AgreementId) -> Self {
        Self::blank(relation, agreement)
    }
}

/// What an agreement or act is or does to another. An open list: another
/// relation is written as `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgreementRelation {
    /// Endorses the other (a resolution endorsing an agreement).
    Endorses,
    /// Implements the other (an implementing agreement or plan).
    Implements,
    /// Amends the other (an amending protocol).
    Amends,
    /// Replaces the other, which no longer applies between its parties.
    Supersedes,
    /// Is the counterpart of the other: two mirror documents, each issued
    /// by one side (two unilateral declarations, two letters of an exchange).
    CounterpartOf,
    /// Is an annex, appendix or side letter of the other.
    AnnexOf,
    /// Any other relation, in words.
    Other(Text),
}

record_struct! {
    /// A person who signed an agreement, and the party they signed for.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Signatory {
        /// Who signed.
        pub person: PersonId,
        /// The party they signed for; one of the agreement's parties.
        pub acting_for: PartyId,
        /// When they signed, if apart from the agreement's signing step.
        pub date: Option<Date> => with_date,
        /// The event at which they signed.
        pub event: Option<EventId> => with_event,
        /// The sources that name this signatory.
        pub sources: Vec<SourceId> => with_sources,
    }
}

impl Signatory {
    /// `person` signing for `acting_for`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Signatory;
    /// let signatory = Signatory::new("gorgun".parse()?, "tr".parse()?).with_event("visit".parse()?);
    /// assert_eq!(signatory.acting_for.as_str(), "tr");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(person: PersonId, acting_for: PartyId) -> Self {
        Self::blank(person, acting_for)
    }
}

record_struct! {
    /// Someone involved in an agreement without being bound by it.
    #[derive(Clone, Debug, PartialEq)]
    pub struct ThirdParty {
        /// Who.
        pub actor: Actor,
        /// In what role.
        pub role: ThirdPartyRole,
    }
}

impl ThirdParty {
    /// `actor` in `role`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Actor, ThirdParty, ThirdPartyRole};
    /// let witness = ThirdParty::new(Actor::Party("un".parse()?), ThirdPartyRole::Witness);
    /// assert_eq!(witness.role.as_str(), "witness");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(actor: Actor, role: ThirdPartyRole) -> Self {
        Self::blank(actor, role)
    }
}

/// Roles of those involved in an agreement without being parties. An open
/// list: another role is written as `{"other": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ThirdPartyRole {
    /// Mediated the agreement: proposed terms between the parties.
    Mediator,
    /// Facilitated the agreement: brought the parties together or passed
    /// messages, without proposing terms.
    Facilitator,
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

record_struct! {
    /// One dated step in an agreement's life.
    #[derive(Clone, Debug, PartialEq)]
    pub struct AgreementStep {
        /// Which step.
        pub step: StepKind,
        /// When, to the precision known. Absent when the source does not say.
        pub date: Option<Date> => with_date,
        /// The party that took the step, for per-party steps (ratification by one state).
        pub party: Option<PartyId> => with_party,
        /// The event during which it happened ("signed during the trip").
        pub event: Option<EventId> => with_event,
        /// Where it happened, when no event of the record says.
        pub country: Option<CountryCode> => with_country,
        /// The sources that report this step.
        pub sources: Vec<SourceId> => with_sources,
    }
}

impl AgreementStep {
    /// A step with nothing else known.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{AgreementStep, StepKind};
    /// let ratified = AgreementStep::new(StepKind::Ratified)
    ///     .with_date("2021-03".parse()?)
    ///     .with_party("az".parse()?);
    /// assert_eq!(ratified.step, StepKind::Ratified);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(step: StepKind) -> Self {
        Self::blank(step)
    }
}

/// Steps of an agreement's life, in their usual order. An open list:
/// another step is written as `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepKind {
    /// Its text was agreed by negotiators.
    Negotiated,
    /// Initialled by negotiators.
    Initialled,
    /// Concluded without signature, or its conclusion announced.
    Concluded,
    /// Signed.
    Signed,
    /// Adopted or issued (by a meeting, an organ, or the parties together).
    Adopted,
    /// Ratified.
    Ratified,
    /// Accepted.
    Accepted,
    /// Approved.
    Approved,
    /// Acceded to.
    Acceded,
    /// Succeeded to (by a state that inherits it).
    Succeeded,
    /// Applied provisionally before entry into force.
    ProvisionallyApplied,
    /// Entered into force (for all, or for one party).
    EnteredIntoForce,
    /// Suspended.
    Suspended,
    /// Terminated or expired.
    Terminated,
    /// Withdrawn from (by one party; its date is when the withdrawal took effect).
    WithdrawnFrom,
    /// Any other step, in words.
    Other(Text),
}

impl StepKind {
    /// The status this step brings its agreement (or its party) to; none
    /// for a step in words.
    pub fn status(&self) -> Option<AgreementStatus> {
        Some(match self {
            StepKind::Negotiated => AgreementStatus::Negotiated,
            StepKind::Initialled => AgreementStatus::Initialled,
            StepKind::Concluded => AgreementStatus::Concluded,
            StepKind::Signed => AgreementStatus::Signed,
            StepKind::Adopted => AgreementStatus::Adopted,
            StepKind::Ratified
            | StepKind::Accepted
            | StepKind::Approved
            | StepKind::Acceded
            | StepKind::Succeeded => AgreementStatus::Ratified,
            StepKind::ProvisionallyApplied => AgreementStatus::ProvisionallyApplied,
            StepKind::EnteredIntoForce => AgreementStatus::InForce,
            StepKind::Suspended => AgreementStatus::Suspended,
            StepKind::Terminated => AgreementStatus::Terminated,
            StepKind::WithdrawnFrom => AgreementStatus::WithdrawnFrom,
            StepKind::Other(_) => return None,
        })
    }
}

code_list!(AgreementKind, Other);
code_list!(AgreementStatus);
code_list!(ThirdPartyRole, Other);
code_list!(AgreementRelation, Other);
code_list!(StepKind, Other);

//! Events and their parts: visits, summits, meetings, calls.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{Actor, Duration, EventId, Extensions, PartyId, Period, Place, SourceId, Text, Topic};

record_struct! {
    /// Something that happened: a visit, a summit, a meeting, a call. An event may
    /// have parts (the meetings of a visit, the sessions of a summit), in order,
    /// each an event of its own.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Event {
        /// Local id, unique among all events and parts of the record.
        pub id: EventId,
        /// What kind of event it is.
        pub kind: EventKind,
        /// A short title ("Talks with the Minister of Defense").
        pub title: Option<Text> => with_title,
        /// What happened, in words, for what no other field can hold.
        pub description: Option<Text> => with_description,
        /// When it happened, to the precision known. Absent when unknown.
        pub time: Option<Period> => with_time,
        /// How long it lasted, when the source says. Absent when not said.
        pub duration: Option<Box<Duration>> => with_duration,
        /// Where it happened. Absent for a call, or when unknown.
        pub place: Option<Place> => with_place,
        /// How the participants met. Absent when unknown.
        pub modality: Option<Modality> => with_modality,
        /// Who took part, and in what role.
        pub participants: Vec<Participation> => with_participants,
        /// People and parties spoken of at the event but not present.
        pub mentioned: Vec<Actor> => with_mentioned,
        /// What was discussed.
        pub topics: Vec<Topic> => with_topics,
        /// The parts of the event (meetings, sessions, stops of an itinerary), in order.
        pub parts: Vec<Event> => with_parts,
        /// The sources that report this event, when not all of the record's do.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this event, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Event {
    /// An event of `kind` with nothing else known yet; see the `with_*` methods.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Event, EventKind, Modality, Period};
    /// let call = Event::new("call".parse()?, EventKind::PhoneCall)
    ///     .with_modality(Modality::Phone)
    ///     .with_time(Period::on("2024-04-02".parse()?));
    /// assert_eq!(call.kind.as_str(), "phone_call");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: EventId, kind: EventKind) -> Self {
        Self::blank(id, kind)
    }

    /// This event and all its parts, depth first, in order.
    pub fn walk(&self) -> Vec<&Event> {
        let mut out = vec![self];
        let mut index = 0;
        while let Some(event) = out.get(index).copied() {
            out.extend(event.parts.iter());
            index += 1;
        }
        out
    }
}

/// Kinds of event. An open list: a kind not listed here is written as
/// `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// A visit whose grade is not given.
    Visit,
    /// A state visit, the highest grade, by a head of state.
    StateVisit,
    /// An official visit.
    OfficialVisit,
    /// An official working visit.
    OfficialWorkingVisit,
    /// A working visit.
    WorkingVisit,
    /// A private visit.
    PrivateVisit,
    /// A meeting of heads of state or government.
    Summit,
    /// A conference, often multilateral and hosted by an organisation.
    Conference,
    /// A meeting.
    Meeting,
    /// Talks or negotiations.
    Talks,
    /// A telephone call.
    PhoneCall,
    /// A video call.
    VideoCall,
    /// A ceremony at which agreements are signed.
    SigningCeremony,
    /// Any other kind, in words ("state funeral", "inauguration").
    Other(Text),
}

/// How the participants of an event met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Modality {
    /// Face to face.
    InPerson,
    /// By telephone.
    Phone,
    /// By video link.
    Video,
    /// Some in person, some remotely.
    Hybrid,
}

record_struct! {
    /// One participant of an event and the role they had in it.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Participation {
        /// Who took part: a person, a party, or a whole delegation.
        pub participant: Actor,
        /// The role they had.
        pub role: Role,
        /// The party they acted for, when it is not clear from the participant.
        pub acting_for: Option<PartyId> => with_acting_for,
        /// When the event took place for them, in their own local time, when
        /// that is another date than the event's (the next morning in Beijing
        /// for an evening call from Washington). Give its `time_zone`.
        pub local_time: Option<Box<Period>> => with_local_time,
        /// The sources that report this participation.
        pub sources: Vec<SourceId> => with_sources,
    }
}

impl Participation {
    /// `participant` in `role`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Actor, Participation, Role};
    /// let host = Participation::new(Actor::Person("aliyev".parse()?), Role::Host)
    ///     .with_acting_for("az".parse()?);
    /// assert_eq!(host.role, Role::Host);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(participant: Actor, role: Role) -> Self {
        Self::blank(participant, role)
    }
}

/// Roles in an event. An open list: a role not listed is written as
/// `{"other": "..."}` and kept verbatim. How the list compares with
/// PLOVER's and Popolo's is in the [`design`](crate::design) notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Receives the others.
    Host,
    /// Is received: a visitor or invited guest.
    Guest,
    /// Takes part where nobody hosts: either side of a call, a state at a
    /// conference, the parties to talks at a neutral place.
    Participant,
    /// Chairs or presides over the event or a session of it.
    Chair,
    /// Leads a delegation at the event.
    HeadOfDelegation,
    /// A member of a delegation (not a member state of an organisation:
    /// a state at a conference is a `participant`).
    Member,
    /// An official who accompanies or attends without leading (an ambassador who "attended").
    AttendingOfficial,
    /// Negotiates for a side in talks.
    Negotiator,
    /// Signs an agreement at the event (the agreement's own signatories
    /// are listed on the agreement).
    Signatory,
    /// Mediates: a third party who proposes terms between the others.
    Mediator,
    /// Facilitates: a third party who brings the others together or passes
    /// messages, without proposing terms.
    Facilitator,
    /// Witnesses, typically a signing.
    Witness,
    /// Observes without taking part.
    Observer,
    /// Receives an agreement or instrument in custody as its depositary.
    Depositary,
    /// Any other role, in words.
    Other(Text),
}

code_list!(EventKind, Other);
code_list!(Modality);
code_list!(Role, Other, not_advised: ["member"]);

//! Events and their parts: visits, summits, meetings, calls.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{Actor, EventId, Extensions, PartyId, Period, Place, SourceId, Text, Topic};

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
/// `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Receives the others.
    Host,
    /// Is received: a visitor or invited guest.
    Guest,
    /// Leads a delegation at the event.
    HeadOfDelegation,
    /// A member of a delegation.
    Member,
    /// An official who accompanies or attends without leading (an ambassador who "attended").
    AttendingOfficial,
    /// Mediates or facilitates between other participants.
    Mediator,
    /// Witnesses, typically a signing.
    Witness,
    /// Observes without taking part.
    Observer,
    /// Any other role, in words.
    Other(Text),
}

code_list!(EventKind, Other);
code_list!(Modality);
code_list!(Role, Other);

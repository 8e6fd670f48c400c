//! Events and their parts: visits, summits, meetings, calls.

use serde::{Deserialize, Serialize};

use crate::{Actor, EventId, Extensions, PartyId, Period, Place, SourceId, Text, Topic};

/// Something that happened: a visit, a summit, a meeting, a call. An event may
/// have parts (the meetings of a visit, the sessions of a summit), in order,
/// each an event of its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Event {
    /// Local id, unique among all events and parts of the record.
    pub id: EventId,
    /// What kind of event it is.
    pub kind: EventKind,
    /// A short title ("Talks with the Minister of Defense").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// What happened, in words, for what no other field can hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// When it happened, to the precision known. Absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Period>,
    /// Where it happened. Absent for a call, or when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// How the participants met. Absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Who took part, and in what role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participation>,
    /// People and parties spoken of at the event but not present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentioned: Vec<Actor>,
    /// What was discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    /// The parts of the event (meetings, sessions, stops of an itinerary), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Event>,
    /// The sources that report this event, when not all of the record's do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceId>,
    /// Namespaced extra data about this event, kept exactly.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Event {
    /// An event of `kind` with nothing else known yet; see the `with_*` methods.
    pub fn new(id: EventId, kind: EventKind) -> Self {
        Event {
            id,
            kind,
            title: None,
            description: None,
            time: None,
            place: None,
            modality: None,
            participants: Vec::new(),
            mentioned: Vec::new(),
            topics: Vec::new(),
            parts: Vec::new(),
            sources: Vec::new(),
            extensions: Extensions::default(),
        }
    }

    /// Sets the title.
    pub fn with_title(mut self, title: Text) -> Self {
        self.title = Some(title);
        self
    }
    /// Sets the description.
    pub fn with_description(mut self, description: Text) -> Self {
        self.description = Some(description);
        self
    }
    /// Sets the time.
    pub fn with_time(mut self, time: Period) -> Self {
        self.time = Some(time);
        self
    }
    /// Sets the place.
    pub fn with_place(mut self, place: Place) -> Self {
        self.place = Some(place);
        self
    }
    /// Sets the modality.
    pub fn with_modality(mut self, modality: Modality) -> Self {
        self.modality = Some(modality);
        self
    }
    /// Adds a participant.
    pub fn with_participant(mut self, participation: Participation) -> Self {
        self.participants.push(participation);
        self
    }
    /// Adds someone mentioned but not present.
    pub fn with_mentioned(mut self, actor: Actor) -> Self {
        self.mentioned.push(actor);
        self
    }
    /// Adds a topic.
    pub fn with_topic(mut self, topic: Topic) -> Self {
        self.topics.push(topic);
        self
    }
    /// Adds a part after the existing ones.
    pub fn with_part(mut self, part: Event) -> Self {
        self.parts.push(part);
        self
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

/// One participant of an event and the role they had in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Participation {
    /// Who took part: a person, a party, or a whole delegation.
    pub participant: Actor,
    /// The role they had.
    pub role: Role,
    /// The party they acted for, when it is not clear from the participant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for: Option<PartyId>,
}

impl Participation {
    /// `participant` in `role`.
    pub fn new(participant: Actor, role: Role) -> Self {
        Participation { participant, role, acting_for: None }
    }

    /// Sets the party acted for.
    pub fn acting_for(mut self, party: PartyId) -> Self {
        self.acting_for = Some(party);
        self
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

//! What a record supports, rule by rule, before it is written as PLOVER
//! events or CAMEO rows: the acts, each with its sides, date, place,
//! contexts, sources and the JSON Pointers it was read from.

use super::mapping::{self, Rule};
use crate::{
    Actor, Agreement, CountryCode, Date, Event, EventKind, Modality, Outcome, OutcomeKind, Party,
    PartyId, PartyKind, Person, Place, RecognitionChangeKind, Record, RelationsChangeKind,
    ReportingVerb, Role, SourceId, Statement, StepKind, Subject, Text,
};

/// An entity as event data knows it: a code for its country or
/// organisation, a sector, a name. Everything is borrowed from the record
/// or static, so an entity is copied, never allocated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Entity<'a> {
    /// PLOVER's three-letter country or organisation code.
    pub plover_code: Option<&'static str>,
    /// CAMEO's whole actor code when it is not the country and the sector
    /// (`UNO`, `IGOEUREEC`, `IGO`, `NGO`).
    pub cameo_org: Option<&'static str>,
    /// The sector CAMEO appends to the country (`GOV`, `BUS`, `NGO`).
    pub cameo_sector: Option<&'static str>,
    /// The ISO 3166 alpha-3 code of its country (`KOS` for Kosovo).
    pub country: Option<&'static str>,
    /// The sector code (`GOV`, `MIL`, `BUS`...).
    pub sector: Option<&'static str>,
    /// Its name as the record gives it.
    pub name: Option<&'a str>,
    /// Its Wikidata item.
    pub wikidata: Option<&'a str>,
    /// The position it acts in (a person's).
    pub office: Option<&'a str>,
}

impl Entity<'_> {
    /// The CAMEO actor code, written into `out`: `TURGOV`, `UNO`.
    pub(crate) fn write_cameo_code(&self, out: &mut String) {
        match (self.cameo_org, self.country, self.cameo_sector) {
            (Some(code), ..) => out.push_str(code),
            (None, Some(country), sector) => {
                out.push_str(country);
                out.push_str(sector.unwrap_or_default());
            }
            (None, None, _) => {}
        }
    }
}

/// One side of an act: the party (or the item) it stands for, and the
/// participants who stood for it.
#[derive(Clone, Debug)]
pub(crate) struct Side<'a> {
    /// What groups participants into one side: the id of the party they act for.
    pub key: &'a str,
    /// The side as one entity, for dyadic rows.
    pub party: Entity<'a>,
    /// Each participant, for compound actors.
    pub members: Members<'a>,
}

/// The participants who stood for a side: at least one, the first kept
/// inline, so that a side of one (both sides of a visit, every party of an
/// agreement) costs no allocation.
#[derive(Clone, Debug)]
pub(crate) struct Members<'a> {
    first: Entity<'a>,
    more: Vec<Entity<'a>>,
}

impl<'a> Members<'a> {
    /// Just `first`.
    pub(crate) fn one(first: Entity<'a>) -> Self {
        Members { first, more: Vec::new() }
    }

    /// Adds `member` at the end.
    pub(crate) fn push(&mut self, member: Entity<'a>) {
        self.more.push(member);
    }

    /// How many.
    pub(crate) fn len(&self) -> usize {
        1 + self.more.len()
    }

    /// Whether `member` is among them.
    pub(crate) fn contains(&self, member: &Entity<'a>) -> bool {
        self.first == *member || self.more.contains(member)
    }

    /// Each, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Entity<'a>> + Clone {
        std::iter::once(&self.first).chain(&self.more)
    }
}

/// One act a rule derives from a record.
#[derive(Clone, Debug)]
pub(crate) struct Act<'a> {
    pub rule: &'static Rule,
    pub actors: Vec<Side<'a>>,
    pub recipients: Vec<Side<'a>>,
    /// The keys of the actors that host a multilateral meeting.
    pub hosts: Vec<&'a str>,
    pub start: Option<&'a Date>,
    pub end: Option<&'a Date>,
    pub place: Option<&'a Place>,
    pub contexts: Vec<&'static str>,
    /// The sources cited for it; empty when it cites none (the record's
    /// then stand for it, see [`Act::sources`]).
    pub cited: &'a [SourceId],
    /// Where in the record it was read.
    pub origin: Origin,
    /// The words it was read from (a statement's).
    pub text: Option<&'a Text>,
}

/// Where in a record an act was read; its JSON Pointers are written from
/// it only when a row is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An event or part (its part indexes from the record's event), and
    /// the participants read.
    Event { parts: Vec<u32>, participants: Participants },
    /// An agreement's step.
    Step { agreement: usize, step: usize },
    /// A statement.
    Statement(usize),
    /// An outcome.
    Outcome(usize),
}

/// The participants of an event an act was read from, by index, in
/// order: bits while they are among the first 64 (no allocation; a meeting
/// has a few), a list beyond.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Participants {
    Bits(u64),
    List(Vec<u32>),
}

impl Participants {
    /// Adds `j`, greater than any added before.
    fn push(&mut self, j: u32) {
        match self {
            Participants::Bits(bits) if j < 64 => *bits |= 1 << j,
            Participants::Bits(bits) => {
                let mut list: Vec<u32> = (0..64).filter(|i| *bits & (1 << i) != 0).collect();
                list.push(j);
                *self = Participants::List(list);
            }
            Participants::List(list) => list.push(j),
        }
    }

    /// Calls `f` with each, in order.
    fn each(&self, mut f: impl FnMut(u32)) {
        match self {
            Participants::Bits(bits) => {
                let mut left = *bits;
                while left != 0 {
                    f(left.trailing_zeros());
                    left &= left - 1;
                }
            }
            Participants::List(list) => list.iter().copied().for_each(f),
        }
    }
}

impl Origin {
    /// Writes the JSON Pointer of the item it names.
    pub(crate) fn write_main(&self, out: &mut impl Sink) {
        match self {
            Origin::Event { parts, .. } => {
                out.push_str("/event");
                for part in parts {
                    out.push_str("/parts/");
                    push_number(out, u64::from(*part));
                }
            }
            Origin::Step { agreement, step } => {
                out.push_str("/agreements/");
                push_number(out, *agreement as u64);
                out.push_str("/steps/");
                push_number(out, *step as u64);
            }
            Origin::Statement(i) => {
                out.push_str("/statements/");
                push_number(out, *i as u64);
            }
            Origin::Outcome(i) => {
                out.push_str("/outcomes/");
                push_number(out, *i as u64);
            }
        }
    }

    /// Writes every JSON Pointer it was read from, the item's first, with
    /// `separator` between them.
    pub(crate) fn write_all(&self, out: &mut impl Sink, separator: &str) {
        self.write_main(out);
        match self {
            Origin::Event { participants, .. } => {
                participants.each(|j| {
                    out.push_str(separator);
                    self.write_main(out);
                    out.push_str("/participants/");
                    push_number(out, u64::from(j));
                });
            }
            Origin::Step { agreement, .. } => {
                out.push_str(separator);
                out.push_str("/agreements/");
                push_number(out, *agreement as u64);
            }
            Origin::Statement(_) | Origin::Outcome(_) => {}
        }
    }

    /// Every JSON Pointer it was read from, the item's first.
    pub(crate) fn pointers(&self) -> Vec<String> {
        let mut all = String::new();
        self.write_all(&mut all, "\n");
        all.split('\n').map(str::to_owned).collect()
    }
}

/// Whether two keys (party ids, codes) are the same: the same text, or
/// equal byte by byte. Keys are a few bytes; the rows of a multilateral
/// meeting compare them for every pair, and `==` called `memcmp` each time.
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || (a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y))
}

/// The decimal digits of `n`: a buffer and where they start in it.
pub(crate) fn decimal(mut n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            return (digits, i);
        }
    }
}

/// Appends `n` in decimal, without the formatting machinery (a row writes
/// dozens of numbers; `write!` cost more than the rest of the row).
pub(crate) fn push_number(out: &mut impl Sink, n: u64) {
    let (digits, start) = decimal(n);
    out.push_ascii(digits.get(start..).unwrap_or_default());
}

/// Where rows are written: a `String` (CAMEO rows) or bytes (PLOVER's
/// JSON), so that pointers and numbers are written straight into either.
pub(crate) trait Sink {
    /// Appends `text`.
    fn push_str(&mut self, text: &str);
    /// Appends ASCII bytes (digits).
    fn push_ascii(&mut self, ascii: &[u8]);
}

impl Sink for String {
    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }
    fn push_ascii(&mut self, ascii: &[u8]) {
        for &b in ascii {
            self.push(char::from(b));
        }
    }
}

impl Sink for Vec<u8> {
    fn push_str(&mut self, text: &str) {
        self.extend_from_slice(text.as_bytes());
    }
    fn push_ascii(&mut self, ascii: &[u8]) {
        self.extend_from_slice(ascii);
    }
}

impl<'a> Act<'a> {
    /// The sources it cites, else the record's.
    pub(crate) fn sources<'r>(
        &self,
        record: &'r Record,
    ) -> impl Iterator<Item = &'r crate::Source> + Clone
    where
        'a: 'r,
    {
        let cited = self.cited;
        record.sources.iter().filter(move |s| cited.is_empty() || cited.contains(&s.id))
    }
}

/// Every act of `record`, in the order of the rules' items: events and
/// parts depth first, agreements, statements, outcomes.
pub(crate) fn acts(record: &Record) -> Vec<Act<'_>> {
    let mut acts = Vec::new();
    each_act(record, &mut |act| acts.push(act));
    acts
}

/// Calls `emit` with every act of `record`, in the order of [`acts`],
/// without a list of them (the writers of rows need one at a time).
pub(crate) fn each_act<'a>(record: &'a Record, emit: &mut dyn FnMut(Act<'a>)) {
    let reader = Reader { record, acting_for: std::cell::OnceCell::new() };
    reader.event(&record.event, &mut Vec::new(), None, emit);
    for (i, agreement) in record.agreements.iter().enumerate() {
        reader.agreement(agreement, i, emit);
    }
    for (i, statement) in record.statements.iter().enumerate() {
        reader.statement(statement, i, emit);
    }
    for (i, outcome) in record.outcomes.iter().enumerate() {
        reader.outcome(outcome, i, emit);
    }
}

/// The three-letter code of a country code, the same in PLOVER and CAMEO
/// here: [`CountryCode::cameo`] (ISO alpha-3; ISO 3166-3's for former
/// countries; `KOS` for Kosovo, as PLOVER writes it).
pub(crate) fn alpha3(code: CountryCode) -> Option<&'static str> {
    Some(code.cameo()).filter(|code| !code.is_empty())
}

/// The inherited time and place of an event's parts.
#[derive(Clone, Copy)]
struct Inherited<'a> {
    start: Option<&'a Date>,
    end: Option<&'a Date>,
    place: Option<&'a Place>,
    sources: &'a [SourceId],
}

struct Reader<'a> {
    record: &'a Record,
    /// For each person, the party they act for at the record's events or
    /// in their delegation: built the first time a person is named
    /// without saying for whom (most records never ask), so that a
    /// statement of many speakers is not quadratic.
    acting_for: std::cell::OnceCell<std::collections::BTreeMap<&'a str, &'a PartyId>>,
}

impl<'a> Reader<'a> {
    /// The party with `id`.
    fn party(&self, id: &PartyId) -> Option<&'a Party> {
        self.record.party(id)
    }

    /// The entity a party is.
    fn party_entity(&self, party: &'a Party, depth: u8) -> Entity<'a> {
        let name = party.name.as_ref().or(party.description.as_ref()).map(Text::as_str);
        let wikidata = party.external_ids.wikidata.as_ref().map(|w| w.as_str());
        let country = party.country().and_then(alpha3);
        let entity = Entity {
            plover_code: country,
            cameo_org: None,
            cameo_sector: None,
            country,
            sector: None,
            name,
            wikidata,
            office: None,
        };
        let organisation =
            |plover, cameo| Entity { plover_code: Some(plover), cameo_org: Some(cameo), ..entity };
        match &party.kind {
            PartyKind::State { .. } => {
                Entity { sector: Some("GOV"), cameo_sector: Some("GOV"), ..entity }
            }
            PartyKind::PublicBody { parent, .. } => {
                let country = country.or_else(|| {
                    parent
                        .as_ref()
                        .and_then(|p| self.party(p))
                        .and_then(Party::country)
                        .and_then(alpha3)
                });
                let words = [party.name.as_ref(), party.description.as_ref()];
                let sector = mapping::body_sector(words.iter().flatten().map(|t| t.as_str()));
                Entity {
                    plover_code: country,
                    country,
                    sector: Some(sector),
                    cameo_sector: Some(sector),
                    ..entity
                }
            }
            PartyKind::Company { .. } => {
                Entity { sector: Some("BUS"), cameo_sector: Some("BUS"), ..entity }
            }
            PartyKind::NonStateActor { .. } => match country {
                Some(_) => Entity { sector: Some("SOC"), cameo_sector: Some("NGO"), ..entity },
                None => organisation("NGO", "NGO"),
            },
            PartyKind::InternationalOrganisation { .. } => {
                let (plover, cameo) = organisation_codes(party);
                organisation(plover, cameo)
            }
            PartyKind::Organ { organisation: owner, .. } => {
                // An organ is coded as its organisation (the Security
                // Council as the UN), under its own name.
                match self.party(owner).filter(|_| depth < 8) {
                    Some(owner) => Entity { name, wikidata, ..self.party_entity(owner, depth + 1) },
                    None => organisation("IGO", "IGO"),
                }
            }
            PartyKind::GroupOfStates { .. } => organisation("IGO", "IGO"),
            PartyKind::Polity {} => entity,
        }
    }

    /// The side an actor of an event stands on: its party (whose id is the
    /// side's key), the side as one entity, and the actor as one.
    fn actor_side(
        &self,
        actor: &Actor,
        acting_for: Option<&'a PartyId>,
    ) -> Option<(&'a Party, Entity<'a>, Entity<'a>)> {
        match actor {
            Actor::Party(id) => {
                let party = self.party(id)?;
                let entity = self.party_entity(party, 0);
                Some((party, entity, entity))
            }
            Actor::Delegation(id) => {
                let delegation = self.record.delegation(id)?;
                let party = self.party(&delegation.represents)?;
                let entity = self.party_entity(party, 0);
                Some((party, entity, entity))
            }
            Actor::Person(id) => {
                let person = self.record.person(id)?;
                let party_id = acting_for.or_else(|| self.person_party(person))?;
                let party = self.party(party_id)?;
                let side = self.party_entity(party, 0);
                let position = person
                    .positions
                    .iter()
                    .find(|p| p.organisation.as_ref() == Some(party_id))
                    .or(person.positions.first());
                let member = Entity {
                    name: person_name(person),
                    wikidata: person.external_ids.wikidata.as_ref().map(|w| w.as_str()),
                    office: position.map(|p| p.title.as_str()),
                    ..side
                };
                Some((party, side, member))
            }
        }
    }

    /// The party a person acts for when the place that names them does
    /// not say: the party they act for at the record's events, else the
    /// party of the delegation they belong to, else the organisation of
    /// their first position.
    fn person_party(&self, person: &Person) -> Option<&'a PartyId> {
        let record = self.record;
        let known = self.acting_for.get_or_init(|| {
            let mut known = std::collections::BTreeMap::new();
            // Delegations first, so that what the events say wins.
            for delegation in &record.delegations {
                for member in delegation.all_members() {
                    if let crate::Member::Person(id) = &member.member {
                        known.insert(id.as_str(), &delegation.represents);
                    }
                }
            }
            let events = record.event.walk();
            for participation in events.iter().rev().flat_map(|e| e.participants.iter().rev()) {
                if let (Actor::Person(id), Some(party)) =
                    (&participation.participant, &participation.acting_for)
                {
                    known.insert(id.as_str(), party);
                }
            }
            known
        });
        known.get(person.id.as_str()).copied().or_else(|| {
            record
                .person(&person.id)
                .and_then(|p| p.positions.iter().find_map(|p| p.organisation.as_ref()))
        })
    }

    /// The side of a party named directly (an agreement's, an outcome's).
    fn party_side(&self, id: &'a PartyId) -> Option<Side<'a>> {
        let party = self.party(id)?;
        let entity = self.party_entity(party, 0);
        Some(Side { key: party.id.as_str(), party: entity, members: Members::one(entity) })
    }

    fn event(
        &self,
        event: &'a Event,
        parts: &mut Vec<u32>,
        inherited: Option<Inherited<'a>>,
        emit: &mut dyn FnMut(Act<'a>),
    ) {
        let own = Inherited {
            start: event.time.as_ref().and_then(|t| t.start.as_ref().or(t.end.as_ref())),
            end: event.time.as_ref().and_then(|t| t.end.as_ref()),
            place: event.place.as_ref(),
            sources: &event.sources,
        };
        let here = match inherited {
            None => own,
            Some(parent) => Inherited {
                start: own.start.or(parent.start),
                end: if own.start.is_some() { own.end } else { parent.end },
                place: own.place.or(parent.place),
                sources: if own.sources.is_empty() { parent.sources } else { own.sources },
            },
        };
        self.consultation(event, parts, here, emit);
        for (i, part) in event.parts.iter().enumerate() {
            parts.push(u32::try_from(i).unwrap_or(u32::MAX));
            self.event(part, parts, Some(here), emit);
            parts.pop();
        }
    }

    fn consultation(
        &self,
        event: &'a Event,
        parts: &[u32],
        here: Inherited<'a>,
        emit: &mut dyn FnMut(Act<'a>),
    ) {
        /// The roles a side holds, as bits.
        const HOST: u8 = 1;
        const GUEST: u8 = 2;
        const MEDIATOR: u8 = 4;
        const NEGOTIATOR: u8 = 8;
        // The sides, in the order their first participant is listed.
        let mut sides: Vec<(Side<'a>, u8)> = Vec::new();
        let mut index = SideIndex::default();
        let mut participants = Participants::Bits(0);
        // Whether a side is an organisation's (a meeting with one is multilateral).
        let mut organisations = false;
        for (j, participation) in event.participants.iter().enumerate() {
            let role = match participation.role {
                Role::AttendingOfficial | Role::Witness | Role::Observer | Role::Depositary => {
                    continue;
                }
                Role::Host => HOST,
                Role::Guest => GUEST,
                Role::Mediator | Role::Facilitator => MEDIATOR,
                Role::Negotiator => NEGOTIATOR,
                _ => 0,
            };
            let Some((of, party, member)) =
                self.actor_side(&participation.participant, participation.acting_for.as_ref())
            else {
                continue;
            };
            let key = of.id.as_str();
            organisations |= of.kind.is_organisation();
            participants.push(u32::try_from(j).unwrap_or(u32::MAX));
            match index.find(&mut sides, key, |(side, _): &(Side<'a>, u8)| side.key) {
                Some((side, roles)) => {
                    // A member listed twice is kept once, looked for among
                    // the first 64 (a side has a few; more are not
                    // compared, so that the time stays linear).
                    if side.members.len() >= 64 || !side.members.contains(&member) {
                        side.members.push(member);
                    }
                    *roles |= role;
                }
                None => {
                    index.add(key, sides.len());
                    sides.push((Side { key, party, members: Members::one(member) }, role));
                }
            }
        }
        if sides.len() < 2 {
            return;
        }
        let remote =
            matches!(event.modality, Some(Modality::Phone | Modality::Video | Modality::Hybrid))
                || matches!(event.kind, EventKind::PhoneCall | EventKind::VideoCall);
        let hosting = |roles: u8| roles & HOST != 0;
        let mediating = |roles: u8| roles & MEDIATOR != 0 && roles & (HOST | GUEST) == 0;
        let hosts = sides.iter().filter(|(_, roles)| hosting(*roles)).count();
        let guests = sides.iter().any(|(_, roles)| roles & GUEST != 0);
        let mediators = sides.iter().any(|(_, roles)| mediating(*roles));
        let place_country = here.place.and_then(|p| p.country).and_then(alpha3);
        let abroad = place_country
            .is_some_and(|c| !sides.iter().any(|(side, _)| side.party.country == Some(c)));
        let rule = if remote {
            &mapping::CONSULT_PHONE
        } else if sides.len() >= 3 || organisations {
            &mapping::CONSULT_MULTILATERAL
        } else if hosts > 0 && guests && hosts < sides.len() {
            &mapping::CONSULT_VISIT
        } else if abroad || mediators {
            &mapping::CONSULT_THIRD_PARTY
        } else {
            &mapping::CONSULT
        };
        let words = event.topics.iter().map(|t| t.0.as_str());
        let mut contexts = mapping::contexts(words);
        if mediators && !contexts.contains(&"diplomatic") {
            contexts.push("diplomatic");
        }
        let base = Act {
            rule,
            actors: Vec::new(),
            recipients: Vec::new(),
            hosts: Vec::new(),
            start: here.start,
            end: here.end,
            place: here.place,
            contexts,
            cited: here.sources,
            origin: Origin::Event { parts: parts.to_vec(), participants },
            text: None,
        };
        // CAMEO's own rows for mediators and negotiators (rare: the
        // sides are copied for them only when there are some).
        let mut extra = Vec::new();
        if mediators {
            let (mediating, others): (Vec<_>, Vec<_>) =
                sides.iter().cloned().partition(|(_, roles)| mediating(*roles));
            extra.push(Act {
                rule: &mapping::MEDIATE,
                actors: mediating.into_iter().map(|(side, _)| side).collect(),
                recipients: others.into_iter().map(|(side, _)| side).collect(),
                ..base.clone()
            });
        }
        if sides.iter().filter(|(_, roles)| roles & NEGOTIATOR != 0).count() >= 2 {
            extra.push(Act {
                rule: &mapping::NEGOTIATE,
                actors: sides
                    .iter()
                    .filter(|(_, roles)| roles & NEGOTIATOR != 0)
                    .map(|(side, _)| side.clone())
                    .collect(),
                ..base.clone()
            });
        }
        let mut act = base;
        if std::ptr::eq(rule, &mapping::CONSULT_VISIT) {
            // Guests, then hosts, each in the order listed: each side moved
            // once into a list of its size (a sort, a collect in place and
            // a split had moved a visit's sides six times: 460
            // instructions a visit, callgrind).
            let guests = sides.iter().filter(|(_, roles)| !hosting(*roles)).count();
            act.actors = Vec::with_capacity(guests);
            act.recipients = Vec::with_capacity(sides.len() - guests);
            for (side, roles) in sides {
                if hosting(roles) {
                    act.recipients.push(side);
                } else {
                    act.actors.push(side);
                }
            }
        } else {
            if std::ptr::eq(rule, &mapping::CONSULT_MULTILATERAL) {
                act.hosts =
                    sides.iter().filter(|(_, roles)| hosting(*roles)).map(|(s, _)| s.key).collect();
            }
            act.actors = sides.into_iter().map(|(side, _)| side).collect();
        }
        emit(act);
        extra.into_iter().for_each(emit);
    }

    fn agreement(&self, agreement: &'a Agreement, i: usize, emit: &mut dyn FnMut(Act<'a>)) {
        let words = agreement.sectors.iter().map(|s| s.0.as_str());
        let contexts = mapping::contexts(words);
        for (j, step) in agreement.steps.iter().enumerate() {
            let supported = matches!(
                step.step,
                StepKind::Signed
                    | StepKind::Concluded
                    | StepKind::Adopted
                    | StepKind::Ratified
                    | StepKind::Accepted
                    | StepKind::Approved
                    | StepKind::Acceded
                    | StepKind::Succeeded
            );
            // A step joined to an event without a date of its own took place
            // on the event's (first) day.
            let joined = step.event.as_ref().and_then(|e| self.record.event(e));
            let date = step
                .date
                .as_ref()
                .or_else(|| joined.and_then(|e| e.time.as_ref()).and_then(|t| t.start.as_ref()));
            let Some(date) = date.filter(|_| supported) else { continue };
            let parties: Vec<Side<'a>> =
                agreement.parties.iter().filter_map(|p| self.party_side(p)).collect();
            let (actors, recipients) = match &step.party {
                Some(party) => {
                    let Some(actor) = self.party_side(party) else { continue };
                    let others = parties.into_iter().filter(|s| s.key != actor.key).collect();
                    (vec![actor], others)
                }
                None => (parties, Vec::new()),
            };
            if actors.is_empty() {
                continue;
            }
            let place = joined.and_then(|e| e.place.as_ref());
            let cited = if step.sources.is_empty() { &agreement.sources } else { &step.sources };
            emit(Act {
                rule: &mapping::SIGN,
                actors,
                recipients,
                hosts: Vec::new(),
                start: Some(date),
                end: None,
                place,
                contexts: contexts.clone(),
                cited,
                origin: Origin::Step { agreement: i, step: j },
                text: None,
            });
        }
    }

    fn statement(&self, statement: &'a Statement, i: usize, emit: &mut dyn FnMut(Act<'a>)) {
        let rule = match statement.reporting_verb {
            ReportingVerb::Commended
            | ReportingVerb::Applauded
            | ReportingVerb::Welcomed
            | ReportingVerb::ExpressedSatisfaction => &mapping::PRAISE,
            ReportingVerb::Promised | ReportingVerb::Agreed => &mapping::PROMISE,
            ReportingVerb::CalledFor => &mapping::APPEAL,
            ReportingVerb::Condemned => &mapping::CRITICISE,
            _ => return,
        };
        let sides = |actors: &mut dyn Iterator<Item = Actor>| -> Vec<Side<'a>> {
            let mut out: Vec<Side<'a>> = Vec::new();
            for actor in actors {
                if let Some((of, party, member)) = self.actor_side(&actor, None) {
                    let key = of.id.as_str();
                    match out.iter_mut().find(|s| s.key == key) {
                        Some(side) => side.members.push(member),
                        None => out.push(Side { key, party, members: Members::one(member) }),
                    }
                }
            }
            out
        };
        let actors = sides(&mut statement.speakers.iter().cloned());
        if actors.is_empty() {
            return;
        }
        let about = statement.about.iter().filter_map(|s| match s {
            Subject::Person(id) => Some(Actor::Person(id.clone())),
            Subject::Party(id) => Some(Actor::Party(id.clone())),
            Subject::Delegation(id) => Some(Actor::Delegation(id.clone())),
            _ => None,
        });
        let mut recipients = sides(&mut statement.addressees.iter().cloned().chain(about));
        recipients.retain(|r| !actors.iter().any(|a| a.key == r.key));
        let event = statement
            .event
            .as_ref()
            .and_then(|e| self.record.event(e))
            .unwrap_or(&self.record.event);
        let time = event.time.as_ref().or(self.record.event.time.as_ref());
        let words = statement.about.iter().filter_map(|s| match s {
            Subject::Topic(t) => Some(t.0.as_str()),
            _ => None,
        });
        emit(Act {
            rule,
            actors,
            recipients,
            hosts: Vec::new(),
            start: time.and_then(|t| t.start.as_ref().or(t.end.as_ref())),
            end: None,
            place: event.place.as_ref().or(self.record.event.place.as_ref()),
            contexts: mapping::contexts(words),
            cited: &statement.sources,
            origin: Origin::Statement(i),
            text: Some(&statement.text),
        });
    }

    fn outcome(&self, outcome: &'a Outcome, i: usize, emit: &mut dyn FnMut(Act<'a>)) {
        let side = |id: &'a PartyId| self.party_side(id);
        let (rule, actors, recipients): (&'static Rule, Vec<Side<'a>>, Vec<Side<'a>>) =
            match &outcome.kind {
                OutcomeKind::DiplomaticRelations(change) => {
                    let rule = match change.change {
                        RelationsChangeKind::Established
                        | RelationsChangeKind::Restored
                        | RelationsChangeKind::Upgraded => &mapping::RELATIONS_ESTABLISHED,
                        _ => &mapping::RELATIONS_REDUCED,
                    };
                    (rule, change.parties.iter().filter_map(side).collect(), Vec::new())
                }
                OutcomeKind::Recognition(change) => {
                    let rule = match change.change {
                        RecognitionChangeKind::Granted => &mapping::RECOGNISE,
                        _ => &mapping::WITHDRAW_RECOGNITION,
                    };
                    (
                        rule,
                        side(&change.by).into_iter().collect(),
                        side(&change.of).into_iter().collect(),
                    )
                }
                OutcomeKind::Membership(membership) => {
                    use crate::MembershipChange as M;
                    let (organisation, member) =
                        (side(&membership.organisation), side(&membership.member));
                    match membership.change {
                        M::Admitted | M::AdmittedAsObserver | M::Reinstated => (
                            &mapping::ADMIT,
                            organisation.into_iter().collect(),
                            member.into_iter().collect(),
                        ),
                        M::Suspended | M::Expelled => (
                            &mapping::EXPEL,
                            organisation.into_iter().collect(),
                            member.into_iter().collect(),
                        ),
                        _ => (
                            &mapping::LEAVE,
                            member.into_iter().collect(),
                            organisation.into_iter().collect(),
                        ),
                    }
                }
                _ => return,
            };
        let event = outcome.event.as_ref().and_then(|e| self.record.event(e));
        let date = outcome
            .date
            .as_ref()
            .or_else(|| event.and_then(|e| e.time.as_ref()).and_then(|t| t.start.as_ref()));
        let Some(date) = date else { return };
        if actors.is_empty() {
            return;
        }
        let mut contexts = vec!["diplomatic"];
        if matches!(rule.name, "admit" | "expel" | "leave") {
            contexts = vec!["political_institutions"];
        }
        emit(Act {
            rule,
            actors,
            recipients,
            hosts: Vec::new(),
            start: Some(date),
            end: None,
            place: event.and_then(|e| e.place.as_ref()),
            contexts,
            cited: &outcome.sources,
            origin: Origin::Outcome(i),
            text: outcome.description.as_ref(),
        });
    }
}

/// A person's name, or else their description.
fn person_name(person: &Person) -> Option<&str> {
    person.name.as_ref().or(person.description.as_ref()).map(Text::as_str)
}

/// PLOVER's and CAMEO's codes of an international organisation: the UN and
/// the EU have their own (PLOVER `UNO` and `EUR`; CAMEO `UNO` and
/// `IGOEUREEC`, since CAMEO's `EUR` is Europe), as NATO has in CAMEO
/// (`IGOWSTNAT`); any other is `IGO`. Known by its Wikidata item, else by
/// its name or an alias.
fn organisation_codes(party: &Party) -> (&'static str, &'static str) {
    let wikidata = party.external_ids.wikidata.as_ref().map(|w| w.as_str());
    let names: Vec<&str> =
        party.name.iter().chain(party.aliases.iter()).map(Text::as_str).collect();
    let known = |item: &str, spelled: &[&str]| {
        wikidata == Some(item) || names.iter().any(|n| spelled.contains(n))
    };
    if known("Q1065", &["United Nations", "UN", "U.N."]) {
        ("UNO", "UNO")
    } else if known("Q458", &["European Union", "EU", "E.U."]) {
        ("EUR", "IGOEUREEC")
    } else if known(
        "Q7184",
        &["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "NATO"],
    ) {
        ("IGO", "IGOWSTNAT")
    } else {
        ("IGO", "IGO")
    }
}

/// Finds a side by its key: by a scan while there are few (a meeting has
/// two or three), through a map once there are many, so that an event of
/// 10,000 participants takes linear time, not quadratic.
#[derive(Default)]
struct SideIndex<'a> {
    map: std::collections::BTreeMap<&'a str, usize>,
}

impl<'a> SideIndex<'a> {
    /// Sides up to this many are found by a scan.
    const SCAN: usize = 16;

    fn find<'s, T>(
        &mut self,
        sides: &'s mut [T],
        key: &str,
        key_of: impl Fn(&T) -> &'a str,
    ) -> Option<&'s mut T> {
        if sides.len() <= Self::SCAN {
            return sides.iter_mut().find(|side| key_of(side) == key);
        }
        if self.map.is_empty() {
            self.map = sides.iter().enumerate().map(|(i, side)| (key_of(side), i)).collect();
        }
        let i = *self.map.get(key)?;
        sides.get_mut(i)
    }

    fn add(&mut self, key: &'a str, position: usize) {
        if !self.map.is_empty() {
            self.map.insert(key, position);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Participants;

    /// Bits and a list give the same indexes in the same order, across the
    /// change from one to the other.
    #[test]
    fn participants_keep_their_order_past_64() {
        for picked in
            [vec![], vec![0, 1], vec![3, 63], vec![0, 5, 63, 64, 65, 200], (0..300).collect()]
        {
            let mut participants = Participants::Bits(0);
            for &j in &picked {
                participants.push(j);
            }
            let mut seen = Vec::new();
            participants.each(|j| seen.push(j));
            assert_eq!(seen, picked);
        }
    }
}

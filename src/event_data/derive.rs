//! What a record supports, rule by rule, before it is written as PLOVER
//! events or CAMEO rows: the acts, each with its sides, date, place,
//! contexts, sources and the JSON Pointers it was read from.

use super::mapping::{self, Rule};
use crate::{
    Actor, Agreement, CountryCode, Date, DelegationId, Event, EventKind, Modality, Outcome,
    OutcomeKind, Party, PartyId, PartyKind, Person, PersonId, Place, RecognitionChangeKind, Record,
    RelationsChangeKind, ReportingVerb, Role, SourceId, Statement, StepKind, Subject, Text,
    WikidataId,
};

/// An entity as event data knows it: a code for its country or
/// organisation, a sector, a name. Everything is borrowed from the record
/// or static, so an entity is copied, never allocated; references to the
/// record's texts rather than the texts keep it at 64 bytes (it was 128,
/// and a visit's sides moved 290 instructions of them, callgrind).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Entity<'a> {
    /// The ISO 3166 alpha-3 code of its country (`KOS` for Kosovo).
    pub country: Option<&'static str>,
    /// The sector code (`GOV`, `MIL`, `BUS`, `SOC`...).
    pub sector: Option<&'static str>,
    /// An organisation's own codes, PLOVER's and CAMEO's (`UNO` and `UNO`,
    /// `EUR` and `IGOEUREEC`): they stand instead of the country and the
    /// sector.
    pub organisation: Option<&'static OrganisationCodes>,
    /// Its name as the record gives it.
    pub name: Option<&'a Text>,
    /// Its Wikidata item.
    pub wikidata: Option<&'a WikidataId>,
    /// The position it acts in (a person's).
    pub office: Option<&'a Text>,
}

/// An organisation's codes: PLOVER's and CAMEO's.
#[derive(Debug, PartialEq)]
pub(crate) struct OrganisationCodes {
    pub plover: &'static str,
    pub cameo: &'static str,
}

/// The United Nations: `UNO` in both.
const UNITED_NATIONS: OrganisationCodes = OrganisationCodes { plover: "UNO", cameo: "UNO" };
/// The European Union: CAMEO's `EUR` is Europe.
const EUROPEAN_UNION: OrganisationCodes = OrganisationCodes { plover: "EUR", cameo: "IGOEUREEC" };
/// NATO, which has its own code in CAMEO only.
const NATO: OrganisationCodes = OrganisationCodes { plover: "IGO", cameo: "IGOWSTNAT" };
/// Any other international organisation, group of states or coalition.
const OTHER_ORGANISATION: OrganisationCodes = OrganisationCodes { plover: "IGO", cameo: "IGO" };
/// A non-state actor of no country.
const NON_STATE: OrganisationCodes = OrganisationCodes { plover: "NGO", cameo: "NGO" };

impl<'a> Entity<'a> {
    /// Whether `other` is the same entity, read from the same places (its
    /// texts and codes at the same addresses), so that what is written of
    /// one is what is written of the other; an equal entity read from
    /// elsewhere may not be.
    pub(crate) fn is(&self, other: &Entity<'_>) -> bool {
        fn same<T: ?Sized>(a: Option<&T>, b: Option<&T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => std::ptr::eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        same(self.name, other.name)
            && same(self.office, other.office)
            && same(self.wikidata, other.wikidata)
            && same(self.country, other.country)
            && same(self.sector, other.sector)
            && same(self.organisation, other.organisation)
    }

    /// PLOVER's three-letter country or organisation code.
    pub(crate) fn plover_code(&self) -> Option<&'static str> {
        self.organisation.map(|codes| codes.plover).or(self.country)
    }

    /// Its name, as text.
    pub(crate) fn name(&self) -> Option<&'a str> {
        self.name.map(Text::as_str)
    }

    /// Its Wikidata item, as text.
    pub(crate) fn wikidata(&self) -> Option<&'a str> {
        self.wikidata.map(WikidataId::as_str)
    }

    /// The position it acts in, as text.
    pub(crate) fn office(&self) -> Option<&'a str> {
        self.office.map(Text::as_str)
    }

    /// The CAMEO actor code, written into `out`: `TURGOV`, `UNO`; the
    /// sector `SOC` of a non-state actor of a country is CAMEO's `NGO`.
    pub(crate) fn write_cameo_code(&self, out: &mut String) {
        match (self.organisation, self.country) {
            (Some(codes), _) => out.push_str(codes.cameo),
            (None, Some(country)) => {
                out.push_str(country);
                out.push_str(match self.sector {
                    Some("SOC") => "NGO",
                    sector => sector.unwrap_or_default(),
                });
            }
            (None, None) => {}
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
    /// The roles its participants held at the event, as bits ([`HOST`],
    /// [`GUEST`], [`MEDIATOR`], [`NEGOTIATOR`]); none for the side of
    /// another item.
    pub roles: u8,
}

/// A role of a side at an event, as a bit of [`Side::roles`].
pub(crate) const HOST: u8 = 1;
/// See [`HOST`].
pub(crate) const GUEST: u8 = 2;
/// See [`HOST`].
pub(crate) const MEDIATOR: u8 = 4;
/// See [`HOST`].
pub(crate) const NEGOTIATOR: u8 = 8;

impl<'a> Side<'a> {
    /// A side of one member.
    fn of_one(key: &'a str, party: Entity<'a>, member: Entity<'a>) -> Self {
        Side { key, party, members: Members::one(member), roles: 0 }
    }

    /// Whether it hosts the event.
    pub(crate) fn hosting(&self) -> bool {
        self.roles & HOST != 0
    }

    /// Whether it mediates or facilitates, neither hosting nor a guest.
    fn mediating(&self) -> bool {
        self.roles & MEDIATOR != 0 && self.roles & (HOST | GUEST) == 0
    }
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
    /// The sides, actors first: one list, so that an act costs one
    /// allocation for them (see [`Act::actors`] and [`Act::recipients`]).
    pub sides: Vec<Side<'a>>,
    /// How many of `sides` are actors; the rest are recipients.
    pub actor_count: usize,
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
            Origin::Event { parts, participants } => {
                participants.each(|j| {
                    out.push_str(separator);
                    if parts.is_empty() {
                        // The record's own event: one copy (a visit's
                        // three pointers cost 380 instructions, 180 less).
                        out.push_str("/event/participants/");
                    } else {
                        self.write_main(out);
                        out.push_str("/participants/");
                    }
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

/// Whether two keys (party ids, source ids, codes) are the same: the same
/// text, or equal byte by byte. Keys are a few bytes, and most compared are
/// a party's id read from the party itself; the rows of a multilateral
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
    // Most numbers written are indexes of one digit.
    if n < 10 {
        return out.push_ascii(&[b'0' + n as u8]);
    }
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
    /// Who acted.
    pub(crate) fn actors(&self) -> &[Side<'a>] {
        self.sides.get(..self.actor_count).unwrap_or_default()
    }

    /// Who the act was directed at; none when the sides cannot be told apart.
    pub(crate) fn recipients(&self) -> &[Side<'a>] {
        self.sides.get(self.actor_count..).unwrap_or_default()
    }

    /// The sources it cites, else the record's.
    pub(crate) fn sources<'r>(
        &self,
        record: &'r Record,
    ) -> impl Iterator<Item = &'r crate::Source> + Clone
    where
        'a: 'r,
    {
        let cited = self.cited;
        record.sources.iter().filter(move |s| {
            cited.is_empty() || cited.iter().any(|c| same_key(c.as_str(), s.id.as_str()))
        })
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

/// An actor named by its id, as an event's participant or a statement's
/// speaker, addressee or subject names one.
#[derive(Clone, Copy)]
enum Named<'n> {
    Person(&'n PersonId),
    Party(&'n PartyId),
    Delegation(&'n DelegationId),
}

impl<'n> Named<'n> {
    fn of(actor: &'n Actor) -> Self {
        match actor {
            Actor::Person(id) => Named::Person(id),
            Actor::Party(id) => Named::Party(id),
            Actor::Delegation(id) => Named::Delegation(id),
        }
    }
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
        let entity = Entity {
            country: party.country().and_then(alpha3),
            sector: None,
            organisation: None,
            name: party.name.as_ref().or(party.description.as_ref()),
            wikidata: party.external_ids.wikidata.as_ref(),
            office: None,
        };
        let organisation = |codes| Entity { organisation: Some(codes), ..entity };
        match &party.kind {
            PartyKind::State { .. } => Entity { sector: Some("GOV"), ..entity },
            PartyKind::PublicBody { parent, .. } => {
                let country = entity.country.or_else(|| {
                    parent
                        .as_ref()
                        .and_then(|p| self.party(p))
                        .and_then(Party::country)
                        .and_then(alpha3)
                });
                let words = [party.name.as_ref(), party.description.as_ref()];
                let sector = mapping::body_sector(words.iter().flatten().map(|t| t.as_str()));
                Entity { country, sector: Some(sector), ..entity }
            }
            PartyKind::Company { .. } => Entity { sector: Some("BUS"), ..entity },
            PartyKind::NonStateActor { .. } => match entity.country {
                Some(_) => Entity { sector: Some("SOC"), ..entity },
                None => organisation(&NON_STATE),
            },
            PartyKind::InternationalOrganisation { .. } => organisation(organisation_codes(party)),
            PartyKind::Organ { organisation: owner, .. } => {
                // An organ is coded as its organisation (the Security
                // Council as the UN), under its own name.
                match self.party(owner).filter(|_| depth < 8) {
                    Some(owner) => Entity {
                        name: entity.name,
                        wikidata: entity.wikidata,
                        ..self.party_entity(owner, depth + 1)
                    },
                    None => organisation(&OTHER_ORGANISATION),
                }
            }
            PartyKind::GroupOfStates { .. } => organisation(&OTHER_ORGANISATION),
            PartyKind::Polity {} => entity,
        }
    }

    /// The side an actor of an event stands on: its party (whose id is the
    /// side's key), the side as one entity, and the actor as one.
    fn actor_side(
        &self,
        actor: Named<'_>,
        acting_for: Option<&'a PartyId>,
    ) -> Option<(&'a Party, Entity<'a>, Entity<'a>)> {
        match actor {
            Named::Party(id) => {
                let party = self.party(id)?;
                let entity = self.party_entity(party, 0);
                Some((party, entity, entity))
            }
            Named::Delegation(id) => {
                let delegation = self.record.delegation(id)?;
                let party = self.party(&delegation.represents)?;
                let entity = self.party_entity(party, 0);
                Some((party, entity, entity))
            }
            Named::Person(id) => {
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
                    name: person.name.as_ref().or(person.description.as_ref()),
                    wikidata: person.external_ids.wikidata.as_ref(),
                    office: position.map(|p| &p.title),
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
        Some(Side::of_one(party.id.as_str(), entity, entity))
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
        // The sides, in the order their first participant is listed
        // (room for two or three made at once: a meeting has a few).
        let mut sides: Vec<Side<'a>> = Vec::with_capacity(event.participants.len().min(4));
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
            let Some((of, party, member)) = self.actor_side(
                Named::of(&participation.participant),
                participation.acting_for.as_ref(),
            ) else {
                continue;
            };
            let key = of.id.as_str();
            organisations |= of.kind.is_organisation();
            participants.push(u32::try_from(j).unwrap_or(u32::MAX));
            match index.find(&mut sides, key, |side: &Side<'a>| side.key) {
                Some(side) => {
                    // A member listed twice is kept once, looked for among
                    // the first 64 (a side has a few; more are not
                    // compared, so that the time stays linear).
                    if side.members.len() >= 64 || !side.members.contains(&member) {
                        side.members.push(member);
                    }
                    side.roles |= role;
                }
                None => {
                    index.add(key, sides.len());
                    sides.push(Side { roles: role, ..Side::of_one(key, party, member) });
                }
            }
        }
        if sides.len() < 2 {
            return;
        }
        let remote =
            matches!(event.modality, Some(Modality::Phone | Modality::Video | Modality::Hybrid))
                || matches!(event.kind, EventKind::PhoneCall | EventKind::VideoCall);
        let hosts = sides.iter().filter(|side| side.hosting()).count();
        let guests = sides.iter().any(|side| side.roles & GUEST != 0);
        let mediators = sides.iter().any(Side::mediating);
        let place_country = here.place.and_then(|p| p.country).and_then(alpha3);
        let abroad =
            place_country.is_some_and(|c| !sides.iter().any(|side| side.party.country == Some(c)));
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
            sides: Vec::new(),
            actor_count: 0,
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
            let (mut mediating, others): (Vec<_>, Vec<_>) =
                sides.iter().cloned().partition(Side::mediating);
            let actor_count = mediating.len();
            mediating.extend(others);
            extra.push(Act {
                rule: &mapping::MEDIATE,
                sides: mediating,
                actor_count,
                ..base.clone()
            });
        }
        if sides.iter().filter(|side| side.roles & NEGOTIATOR != 0).count() >= 2 {
            let negotiating: Vec<_> =
                sides.iter().filter(|side| side.roles & NEGOTIATOR != 0).cloned().collect();
            let actor_count = negotiating.len();
            extra.push(Act {
                rule: &mapping::NEGOTIATE,
                sides: negotiating,
                actor_count,
                ..base.clone()
            });
        }
        let mut act = base;
        act.actor_count = sides.len();
        if rule.is(&mapping::CONSULT_VISIT) {
            // Guests, then hosts, each in the order listed: a stable sort
            // in place (sides of a few, no allocation); a visit's two sides,
            // host first, swapped without it (150 instructions).
            match sides.as_slice() {
                [first, second] if first.hosting() && !second.hosting() => sides.swap(0, 1),
                [_, _] => {}
                _ => sides.sort_by_key(Side::hosting),
            }
            act.actor_count = sides.iter().filter(|side| !side.hosting()).count();
        }
        act.sides = sides;
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
            let parties = agreement.parties.iter().filter_map(|p| self.party_side(p));
            let (sides, actor_count) = match &step.party {
                Some(party) => {
                    let Some(actor) = self.party_side(party) else { continue };
                    let key = actor.key;
                    let sides: Vec<Side<'a>> = std::iter::once(actor)
                        .chain(parties.filter(|s| !same_key(s.key, key)))
                        .collect();
                    (sides, 1)
                }
                None => {
                    let sides: Vec<Side<'a>> = parties.collect();
                    let all = sides.len();
                    (sides, all)
                }
            };
            if actor_count == 0 {
                continue;
            }
            let place = joined.and_then(|e| e.place.as_ref());
            let cited = if step.sources.is_empty() { &agreement.sources } else { &step.sources };
            emit(Act {
                rule: &mapping::SIGN,
                sides,
                actor_count,
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
        // The speakers' sides, then the addressees' and those spoken
        // about, but for the speakers'.
        let mut sides: Vec<Side<'a>> = Vec::new();
        let add = |sides: &mut Vec<Side<'a>>, actor: Named<'_>, actor_count: usize| {
            let Some((of, party, member)) = self.actor_side(actor, None) else { return };
            let key = of.id.as_str();
            // Speakers are added while `actor_count` is unknown (all).
            let speaking = actor_count == usize::MAX;
            let at = sides.iter().position(|s| same_key(s.key, key));
            match at {
                // A speaker also named as addressee stays a speaker.
                Some(at) if !speaking && at < actor_count => {}
                Some(at) => {
                    if let Some(side) = sides.get_mut(at) {
                        side.members.push(member);
                    }
                }
                None => sides.push(Side::of_one(key, party, member)),
            }
        };
        for speaker in &statement.speakers {
            add(&mut sides, Named::of(speaker), usize::MAX);
        }
        let actor_count = sides.len();
        if actor_count == 0 {
            return;
        }
        let about = statement.about.iter().filter_map(|subject| match subject {
            Subject::Person(id) => Some(Named::Person(id)),
            Subject::Party(id) => Some(Named::Party(id)),
            Subject::Delegation(id) => Some(Named::Delegation(id)),
            _ => None,
        });
        for addressee in statement.addressees.iter().map(Named::of).chain(about) {
            add(&mut sides, addressee, actor_count);
        }
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
            sides,
            actor_count,
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
        let actor_count = actors.len();
        let mut sides = actors;
        sides.extend(recipients);
        emit(Act {
            rule,
            sides,
            actor_count,
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

/// PLOVER's and CAMEO's codes of an international organisation: the UN and
/// the EU have their own (PLOVER `UNO` and `EUR`; CAMEO `UNO` and
/// `IGOEUREEC`, since CAMEO's `EUR` is Europe), as NATO has in CAMEO
/// (`IGOWSTNAT`); any other is `IGO`. Known by its Wikidata item, else by
/// its name or an alias.
fn organisation_codes(party: &Party) -> &'static OrganisationCodes {
    let wikidata = party.external_ids.wikidata.as_ref().map(|w| w.as_str());
    let names: Vec<&str> =
        party.name.iter().chain(party.aliases.iter()).map(Text::as_str).collect();
    let known = |item: &str, spelled: &[&str]| {
        wikidata == Some(item) || names.iter().any(|n| spelled.contains(n))
    };
    if known("Q1065", &["United Nations", "UN", "U.N."]) {
        &UNITED_NATIONS
    } else if known("Q458", &["European Union", "EU", "E.U."]) {
        &EUROPEAN_UNION
    } else if known(
        "Q7184",
        &["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "NATO"],
    ) {
        &NATO
    } else {
        &OTHER_ORGANISATION
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
            return sides.iter_mut().find(|side| same_key(key_of(side), key));
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

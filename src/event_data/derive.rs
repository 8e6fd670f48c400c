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
/// organisation, a sector, a name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entity<'a> {
    /// PLOVER's three-letter country or organisation code.
    pub plover_code: Option<&'static str>,
    /// CAMEO's actor code, with its sector (`TURGOV`, `UNO`, `IGOEUREEC`).
    pub cameo_code: Option<String>,
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

/// One side of an act: the party (or the item) it stands for, and the
/// participants who stood for it.
#[derive(Clone, Debug)]
pub(crate) struct Side<'a> {
    /// What groups participants into one side: the id of the party they act for.
    pub key: String,
    /// The side as one entity, for dyadic rows.
    pub party: Entity<'a>,
    /// Each participant, for compound actors.
    pub members: Vec<Entity<'a>>,
}

/// One act a rule derives from a record.
#[derive(Clone, Debug)]
pub(crate) struct Act<'a> {
    pub rule: &'static Rule,
    pub actors: Vec<Side<'a>>,
    pub recipients: Vec<Side<'a>>,
    /// The keys of the actors that host a multilateral meeting.
    pub hosts: Vec<String>,
    pub start: Option<&'a Date>,
    pub end: Option<&'a Date>,
    pub place: Option<&'a Place>,
    pub contexts: Vec<&'static str>,
    pub sources: Vec<&'a SourceId>,
    /// The JSON Pointers of what it was read from; the first names it.
    pub pointers: Vec<String>,
    /// The words it was read from (a statement's).
    pub text: Option<&'a Text>,
}

/// Every act of `record`, in the order of the rules' items: events and
/// parts depth first, agreements, statements, outcomes.
pub(crate) fn acts(record: &Record) -> Vec<Act<'_>> {
    let reader = Reader { record };
    let mut acts = Vec::new();
    reader.event(&record.event, "/event".to_owned(), None, &mut acts);
    for (i, agreement) in record.agreements.iter().enumerate() {
        reader.agreement(agreement, i, &mut acts);
    }
    for (i, statement) in record.statements.iter().enumerate() {
        reader.statement(statement, i, &mut acts);
    }
    for (i, outcome) in record.outcomes.iter().enumerate() {
        reader.outcome(outcome, i, &mut acts);
    }
    acts
}

/// The ISO alpha-3 code of a country code (`KOS` for Kosovo, which has
/// none, as PLOVER writes it; ISO 3166-3's for former countries).
pub(crate) fn alpha3(code: CountryCode) -> Option<&'static str> {
    match code {
        CountryCode::Iso(iso) => Some(iso.alpha3()),
        CountryCode::Unofficial(_) => Some("KOS"),
        CountryCode::Former(former) => mapping::former_alpha3(former.code()),
    }
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
        let with =
            |plover: Option<&'static str>, cameo: Option<String>, sector: Option<&'static str>| {
                Entity {
                    plover_code: plover,
                    cameo_code: cameo,
                    country,
                    sector,
                    name,
                    wikidata,
                    office: None,
                }
            };
        match &party.kind {
            PartyKind::State { .. } => {
                with(country, country.map(|c| format!("{c}GOV")), Some("GOV"))
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
                let sector = body_sector(words.iter().flatten().map(|t| t.as_str()));
                Entity {
                    country,
                    ..with(country, country.map(|c| format!("{c}{sector}")), Some(sector))
                }
            }
            PartyKind::Company { .. } => {
                with(country, country.map(|c| format!("{c}BUS")), Some("BUS"))
            }
            PartyKind::NonStateActor { .. } => match country {
                Some(c) => with(Some(c), Some(format!("{c}NGO")), Some("SOC")),
                None => with(Some("NGO"), Some("NGO".to_owned()), None),
            },
            PartyKind::InternationalOrganisation { .. } => {
                let (plover, cameo) = organisation_codes(party);
                with(Some(plover), Some(cameo.to_owned()), None)
            }
            PartyKind::Organ { organisation, .. } => {
                // An organ is coded as its organisation (the Security
                // Council as the UN), under its own name.
                let owner = self.party(organisation).filter(|_| depth < 8);
                match owner {
                    Some(owner) => Entity { name, wikidata, ..self.party_entity(owner, depth + 1) },
                    None => with(Some("IGO"), Some("IGO".to_owned()), None),
                }
            }
            PartyKind::GroupOfStates { .. } => with(Some("IGO"), Some("IGO".to_owned()), None),
            PartyKind::Polity {} => with(None, None, None),
        }
    }

    /// The side an actor of an event stands on: its key, the side as one
    /// entity, and the actor as one.
    fn actor_side(
        &self,
        actor: &Actor,
        acting_for: Option<&'a PartyId>,
    ) -> Option<(String, Entity<'a>, Entity<'a>)> {
        match actor {
            Actor::Party(id) => {
                let party = self.party(id)?;
                let entity = self.party_entity(party, 0);
                Some((party.id.as_str().to_owned(), entity.clone(), entity))
            }
            Actor::Delegation(id) => {
                let delegation = self.record.delegation(id)?;
                let party = self.party(&delegation.represents)?;
                let entity = self.party_entity(party, 0);
                Some((party.id.as_str().to_owned(), entity.clone(), entity))
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
                    ..side.clone()
                };
                Some((party.id.as_str().to_owned(), side, member))
            }
        }
    }

    /// The party a person acts for when the place that names them does
    /// not say: the party they act for at the record's events, else the
    /// party of the delegation they belong to, else the organisation of
    /// their first position.
    fn person_party(&self, person: &Person) -> Option<&'a PartyId> {
        let record = self.record;
        let at_events = record.event.walk().into_iter().find_map(|event| {
            event.participants.iter().find_map(|p| match &p.participant {
                Actor::Person(id) if id == &person.id => p.acting_for.as_ref(),
                _ => None,
            })
        });
        let in_delegation = || {
            record.delegations.iter().find_map(|d| {
                d.all_members()
                    .any(|m| matches!(&m.member, crate::Member::Person(id) if id == &person.id))
                    .then_some(&d.represents)
            })
        };
        let position = || {
            record
                .person(&person.id)
                .and_then(|p| p.positions.iter().find_map(|p| p.organisation.as_ref()))
        };
        at_events.or_else(in_delegation).or_else(position)
    }

    /// The side of a party named directly (an agreement's, an outcome's).
    fn party_side(&self, id: &'a PartyId) -> Option<Side<'a>> {
        let party = self.party(id)?;
        let entity = self.party_entity(party, 0);
        Some(Side { key: id.as_str().to_owned(), party: entity.clone(), members: vec![entity] })
    }

    fn event(
        &self,
        event: &'a Event,
        pointer: String,
        inherited: Option<Inherited<'a>>,
        acts: &mut Vec<Act<'a>>,
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
        self.consultation(event, &pointer, here, acts);
        for (i, part) in event.parts.iter().enumerate() {
            self.event(part, format!("{pointer}/parts/{i}"), Some(here), acts);
        }
    }

    /// The sources cited by an item, or else the record's.
    fn sources(&self, cited: &'a [SourceId]) -> Vec<&'a SourceId> {
        if cited.is_empty() {
            self.record.sources.iter().map(|s| &s.id).collect()
        } else {
            cited.iter().collect()
        }
    }

    fn consultation(
        &self,
        event: &'a Event,
        pointer: &str,
        here: Inherited<'a>,
        acts: &mut Vec<Act<'a>>,
    ) {
        // The sides, in the order their first participant is listed.
        let mut sides: Vec<(Side<'a>, Vec<&'a Role>, Vec<String>)> = Vec::new();
        for (j, participation) in event.participants.iter().enumerate() {
            if matches!(
                participation.role,
                Role::AttendingOfficial | Role::Witness | Role::Observer | Role::Depositary
            ) {
                continue;
            }
            let Some((key, party, member)) =
                self.actor_side(&participation.participant, participation.acting_for.as_ref())
            else {
                continue;
            };
            let at = format!("{pointer}/participants/{j}");
            match sides.iter_mut().find(|(side, ..)| side.key == key) {
                Some((side, roles, pointers)) => {
                    if !side.members.contains(&member) {
                        side.members.push(member);
                    }
                    roles.push(&participation.role);
                    pointers.push(at);
                }
                None => sides.push((
                    Side { key, party, members: vec![member] },
                    vec![&participation.role],
                    vec![at],
                )),
            }
        }
        if sides.len() < 2 {
            return;
        }
        let has = |roles: &[&Role], wanted: &[Role]| roles.iter().any(|r| wanted.contains(r));
        let remote =
            matches!(event.modality, Some(Modality::Phone | Modality::Video | Modality::Hybrid))
                || matches!(event.kind, EventKind::PhoneCall | EventKind::VideoCall);
        let organisations = sides.iter().any(|(side, ..)| {
            self.record.parties.iter().find(|p| p.id.as_str() == side.key).is_some_and(|p| {
                matches!(
                    p.kind,
                    PartyKind::InternationalOrganisation { .. }
                        | PartyKind::Organ { .. }
                        | PartyKind::GroupOfStates { .. }
                )
            })
        });
        let hosts: Vec<String> = sides
            .iter()
            .filter(|(_, roles, _)| has(roles, &[Role::Host]))
            .map(|(side, ..)| side.key.clone())
            .collect();
        let guests = sides.iter().any(|(_, roles, _)| has(roles, &[Role::Guest]));
        let mediators: Vec<String> = sides
            .iter()
            .filter(|(_, roles, _)| {
                has(roles, &[Role::Mediator, Role::Facilitator])
                    && !has(roles, &[Role::Host, Role::Guest])
            })
            .map(|(side, ..)| side.key.clone())
            .collect();
        let countries: Vec<Option<&str>> =
            sides.iter().map(|(side, ..)| side.party.country).collect();
        let place_country = here.place.and_then(|p| p.country).and_then(alpha3);
        let abroad = place_country.is_some_and(|c| !countries.contains(&Some(c)));
        let rule = if remote {
            &mapping::CONSULT_PHONE
        } else if sides.len() >= 3 || organisations {
            &mapping::CONSULT_MULTILATERAL
        } else if !hosts.is_empty() && guests && hosts.len() < sides.len() {
            &mapping::CONSULT_VISIT
        } else if abroad || !mediators.is_empty() {
            &mapping::CONSULT_THIRD_PARTY
        } else {
            &mapping::CONSULT
        };
        let mut pointers = vec![pointer.to_owned()];
        pointers.extend(sides.iter().flat_map(|(.., at)| at.iter().cloned()));
        let words = event.topics.iter().map(|t| t.0.as_str());
        let mut contexts = mapping::contexts(words);
        if !mediators.is_empty() && !contexts.contains(&"diplomatic") {
            contexts.push("diplomatic");
        }
        let (actors, recipients): (Vec<_>, Vec<_>) = if std::ptr::eq(rule, &mapping::CONSULT_VISIT)
        {
            sides.iter().map(|(side, ..)| side.clone()).partition(|side| !hosts.contains(&side.key))
        } else {
            (sides.iter().map(|(side, ..)| side.clone()).collect(), Vec::new())
        };
        let base = Act {
            rule,
            actors,
            recipients,
            hosts: if std::ptr::eq(rule, &mapping::CONSULT_MULTILATERAL) {
                hosts
            } else {
                Vec::new()
            },
            start: here.start,
            end: here.end,
            place: here.place,
            contexts,
            sources: self.sources(here.sources),
            pointers,
            text: None,
        };
        // CAMEO's own rows for mediators and negotiators.
        let sides_of = |wanted: &[Role]| -> Vec<Side<'a>> {
            sides
                .iter()
                .filter(|(_, roles, _)| has(roles, wanted))
                .map(|(side, ..)| side.clone())
                .collect()
        };
        let mut extra = Vec::new();
        if !mediators.is_empty() {
            let (mediating, others): (Vec<_>, Vec<_>) = sides
                .iter()
                .map(|(side, ..)| side.clone())
                .partition(|side| mediators.contains(&side.key));
            extra.push(Act {
                rule: &mapping::MEDIATE,
                actors: mediating,
                recipients: others,
                hosts: Vec::new(),
                ..base.clone()
            });
        }
        let negotiators = sides_of(&[Role::Negotiator]);
        if negotiators.len() >= 2 {
            extra.push(Act {
                rule: &mapping::NEGOTIATE,
                actors: negotiators,
                recipients: Vec::new(),
                hosts: Vec::new(),
                ..base.clone()
            });
        }
        acts.push(base);
        acts.extend(extra);
    }

    fn agreement(&self, agreement: &'a Agreement, i: usize, acts: &mut Vec<Act<'a>>) {
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
            acts.push(Act {
                rule: &mapping::SIGN,
                actors,
                recipients,
                hosts: Vec::new(),
                start: Some(date),
                end: None,
                place,
                contexts: contexts.clone(),
                sources: self.sources(cited),
                pointers: vec![format!("/agreements/{i}/steps/{j}"), format!("/agreements/{i}")],
                text: None,
            });
        }
    }

    fn statement(&self, statement: &'a Statement, i: usize, acts: &mut Vec<Act<'a>>) {
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
                if let Some((key, party, member)) = self.actor_side(&actor, None) {
                    match out.iter_mut().find(|s| s.key == key) {
                        Some(side) => side.members.push(member),
                        None => out.push(Side { key, party, members: vec![member] }),
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
        acts.push(Act {
            rule,
            actors,
            recipients,
            hosts: Vec::new(),
            start: time.and_then(|t| t.start.as_ref().or(t.end.as_ref())),
            end: None,
            place: event.place.as_ref().or(self.record.event.place.as_ref()),
            contexts: mapping::contexts(words),
            sources: self.sources(&statement.sources),
            pointers: vec![format!("/statements/{i}")],
            text: Some(&statement.text),
        });
    }

    fn outcome(&self, outcome: &'a Outcome, i: usize, acts: &mut Vec<Act<'a>>) {
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
        acts.push(Act {
            rule,
            actors,
            recipients,
            hosts: Vec::new(),
            start: Some(date),
            end: None,
            place: event.and_then(|e| e.place.as_ref()),
            contexts,
            sources: self.sources(&outcome.sources),
            pointers: vec![format!("/outcomes/{i}")],
            text: outcome.description.as_ref(),
        });
    }
}

/// A person's name, or else their description.
fn person_name(person: &Person) -> Option<&str> {
    person.name.as_ref().or(person.description.as_ref()).map(Text::as_str)
}

/// The sector of a public body from words of its name and description.
fn body_sector<'w>(words: impl Iterator<Item = &'w str> + Clone) -> &'static str {
    mapping::BODY_SECTOR_WORDS
        .iter()
        .find(|(_, keys)| {
            words.clone().any(|w| {
                let w = w.to_lowercase();
                keys.iter().any(|k| w.contains(k))
            })
        })
        .map_or("GOV", |(sector, _)| sector)
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

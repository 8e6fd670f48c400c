//! Validation: every rule across the fields of a record, every problem at once.
//!
//! A record is checked in two layers:
//!
//! 1. **Parsing** ([`Record::from_json`]) checks the JSON and every single
//!    value: types, required and unknown fields, and each newtype's own
//!    invariant (text, ids, codes, dates, URLs...). It stops at the first
//!    problem, since what follows cannot be read reliably, and reports it with
//!    its JSON Pointer, line and column.
//! 2. **Record rules** ([`Record::validate`]) check what no single value can:
//!    ids, references, counts, the order of dates, and likely mistakes. They
//!    report *every* problem, in document order, each with a JSON Pointer into
//!    the record's JSON, a stable code, a severity and a message naming the
//!    offending value.
//!
//! Text is put in Unicode NFC when parsed, not rejected: NFC and NFD spellings
//! of a name are the same text.
//!
//! # Codes
//!
//! Codes are stable: renaming one is a breaking change. The "JSON Schema"
//! column says whether the published schema
//! ([`schema::record_schema`](crate::schema::record_schema)) rejects the same
//! input; the rules marked "no" are checked by this crate only (a test holds
//! the schema to this column). One partial case: a language tag whose
//! variant or extension singleton repeats is rejected here but not by the
//! schema, whose regular expressions cannot say it.
//!
//! | code | severity | layer | JSON Schema | meaning |
//! | --- | --- | --- | --- | --- |
//! | `json-syntax` | error | parsing | no | not well-formed JSON, trailing data, or nesting deeper than 128 levels |
//! | `invalid-utf8` | error | parsing | no | the input is not valid UTF-8 |
//! | `line-too-long` | error | parsing | no | a JSON Lines line over the reader's limit (see [`JsonLines`](crate::JsonLines)) |
//! | `unknown-field` | error | parsing | yes | a field the model does not define (use `extensions`) |
//! | `missing-field` | error | parsing | yes | a required field is absent |
//! | `duplicate-key` | error | parsing | no | a field or map key appears twice in one object |
//! | `invalid-type` | error | parsing | yes | a value of the wrong JSON type |
//! | `unknown-variant` | error | parsing | yes | a string outside a closed list, or a misspelt open-list value |
//! | `too-many-items` | error | parsing | yes | a list or map with more than 10,000 entries |
//! | `invalid-value` | error | parsing | yes | a number out of range, or a count without its value |
//! | `invalid-id` | error | parsing | yes | an id not made of `A-Z a-z 0-9 . _ : -`, or longer than 128 |
//! | `blank-text` | error | parsing | yes | a text that is empty or white space |
//! | `forbidden-character` | error | parsing | yes | a control, bidi-formatting or zero-width character in a text |
//! | `text-too-long` | error | parsing | yes | a text longer than 10,000 characters |
//! | `invalid-country-code` | error | parsing | yes | not an upper-case ISO 3166-1 alpha-2 code, `XK`, or an ISO 3166-3 code |
//! | `invalid-date` | error | parsing | yes | a malformed or impossible date, or a time of day without an offset |
//! | `invalid-language-tag` | error | parsing | yes | not a well-formed BCP 47 tag |
//! | `invalid-url` | error | parsing | yes | not an absolute http(s) URL |
//! | `invalid-extension-key` | error | parsing | yes | an extension key without a namespace |
//! | `invalid-wikidata-id` | error | parsing | yes | not `Q` followed by a number |
//! | `invalid-coordinates` | error | parsing | yes | latitude or longitude out of range |
//! | `invalid-party-kind` | error | parsing | yes | a state without a country code, or a field that the party's type cannot have |
//! | `duplicate-id` | error | record | no | two items of one kind with the same id |
//! | `unresolved-reference` | error | record | no | a reference to an id that no item of the right kind has |
//! | `anonymous` | error | record | no | a person, or a party other than a state, with neither name nor description |
//! | `no-speaker` | error | record | no | a statement without a speaker |
//! | `signatory-not-party` | error | record | no | a signatory acting for a party that is not a party of the agreement |
//! | `count-below-listed` | error | record | no | an exact or minimum count smaller than the items listed |
//! | `count-contradicts-list` | error | record | no | a list said to be complete whose length an exact or minimum count contradicts |
//! | `end-before-start` | error | record | no | a period that ends before it starts, or a source retrieved before it was published |
//! | `part-outside-parent` | error | record | no | a part of an event outside the event's own period |
//! | `steps-out-of-order` | error | record | no | agreement steps by one party out of order (ratified before signed) |
//! | `third-party-is-party` | warning | record | no | a mediator, witness or observer of an agreement who is also one of its parties |
//! | `duplicate-member` | warning | record | no | the same person or organisation twice in one delegation |
//! | `same-person-twice` | warning | record | no | two people whose names fold to the same key (Görgün, Gorgun, GÖRGÜN) |
//! | `source-before-event` | warning | record | no | a source published before the event began |
//! | `other-is-listed` | warning | record | no | an `{"other": ...}` value that spells a listed value |
//!
//! Dates are compared at the precision both have ([`Date::compare`]), so
//! `2024-04` and `2024-04-02` are neither before nor after each other.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use unicode_normalization::UnicodeNormalization;

use crate::{
    Actor, Agreement, AgreementKind, Code, Count, Date, Delegation, Event, EventKind, Member,
    PartyKind, Period, Problem, Record, ReportingVerb, Role, StepKind, Subject, Text,
    ThirdPartyRole,
};

impl Record {
    /// Checks every record rule and returns all problems found, in document
    /// order. An empty list means the record is valid and has no warnings.
    ///
    /// See the [`validation`](crate::validation) module for the rules and codes.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Code, Record};
    /// let record = Record::from_json(r#"{"format_version": "0.1", "id": "r",
    ///   "event": {"id": "e", "kind": "visit",
    ///     "participants": [{"participant": {"person": "nobody"}, "role": "guest"}]}}"#)?;
    /// let problems = record.validate();
    /// assert_eq!(problems[0].code, Code::UnresolvedReference);
    /// assert_eq!(problems[0].path, "/event/participants/0/participant/person");
    /// assert_eq!(problems[0].message, "no person has id \"nobody\"");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut checker = Checker::new(self);
        checker.check();
        checker.problems
    }
}

/// The kinds of item that have ids.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Party,
    Person,
    Delegation,
    Event,
    Statement,
    Agreement,
    Source,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Party,
        Kind::Person,
        Kind::Delegation,
        Kind::Event,
        Kind::Statement,
        Kind::Agreement,
        Kind::Source,
    ];

    fn noun(self) -> &'static str {
        match self {
            Kind::Party => "party",
            Kind::Person => "person",
            Kind::Delegation => "delegation",
            Kind::Event => "event",
            Kind::Statement => "statement",
            Kind::Agreement => "agreement",
            Kind::Source => "source",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

struct Checker<'a> {
    record: &'a Record,
    /// For each kind, each id with the path of its first item.
    ids: [BTreeMap<&'a str, String>; 7],
    problems: Vec<Problem>,
}

fn join(path: &str, token: impl std::fmt::Display) -> String {
    let mut out = path.to_owned();
    crate::error::push_pointer_token(&mut out, &token.to_string());
    out
}

/// The events of the record with their JSON paths, depth first, in order.
fn events_with_paths(event: &Event) -> Vec<(String, &Event)> {
    let mut out = Vec::new();
    let mut stack = vec![("/event".to_owned(), event)];
    while let Some((path, event)) = stack.pop() {
        for (i, part) in event.parts.iter().enumerate().rev() {
            stack.push((join(&join(&path, "parts"), i), part));
        }
        out.push((path, event));
    }
    out
}

impl<'a> Checker<'a> {
    fn new(record: &'a Record) -> Self {
        Checker { record, ids: Default::default(), problems: Vec::new() }
    }

    fn report(&mut self, path: String, code: Code, message: String) {
        self.problems.push(Problem::new(path, code, message));
    }

    fn check(&mut self) {
        let record = self.record;
        let events = events_with_paths(&record.event);
        // Ids first, so that every reference can be resolved.
        for (i, party) in record.parties.iter().enumerate() {
            self.declare(Kind::Party, party.id.as_str(), join("/parties", i));
        }
        for (i, person) in record.people.iter().enumerate() {
            self.declare(Kind::Person, person.id.as_str(), join("/people", i));
        }
        for (i, delegation) in record.delegations.iter().enumerate() {
            self.declare(Kind::Delegation, delegation.id.as_str(), join("/delegations", i));
        }
        for (path, event) in &events {
            self.declare(Kind::Event, event.id.as_str(), path.clone());
        }
        for (i, statement) in record.statements.iter().enumerate() {
            self.declare(Kind::Statement, statement.id.as_str(), join("/statements", i));
        }
        for (i, agreement) in record.agreements.iter().enumerate() {
            self.declare(Kind::Agreement, agreement.id.as_str(), join("/agreements", i));
        }
        for (i, source) in record.sources.iter().enumerate() {
            self.declare(Kind::Source, source.id.as_str(), join("/sources", i));
        }

        for (path, event) in &events {
            self.check_event(path, event);
        }
        for (i, party) in record.parties.iter().enumerate() {
            let path = join("/parties", i);
            self.check_party(&path, party);
        }
        self.check_people();
        for (i, delegation) in record.delegations.iter().enumerate() {
            self.check_delegation(&join("/delegations", i), delegation);
        }
        for (i, statement) in record.statements.iter().enumerate() {
            let path = join("/statements", i);
            if statement.speakers.is_empty() {
                self.report(
                    join(&path, "speakers"),
                    Code::NoSpeaker,
                    format!("statement \"{}\" has no speaker", statement.id),
                );
            }
            for (j, speaker) in statement.speakers.iter().enumerate() {
                self.actor(&join(&join(&path, "speakers"), j), speaker);
            }
            if let Some(event) = &statement.event {
                self.resolve(Kind::Event, event.as_str(), join(&path, "event"));
            }
            self.other_is_listed::<ReportingVerb>(
                &join(&path, "reporting_verb"),
                &statement.reporting_verb,
                |v| match v {
                    ReportingVerb::Other(text) => Some(text),
                    _ => None,
                },
            );
            for (j, addressee) in statement.addressees.iter().enumerate() {
                self.actor(&join(&join(&path, "addressees"), j), addressee);
            }
            for (j, subject) in statement.about.iter().enumerate() {
                self.subject(&join(&join(&path, "about"), j), subject);
            }
            for (j, source) in statement.sources.iter().enumerate() {
                self.resolve(Kind::Source, source.as_str(), join(&join(&path, "sources"), j));
            }
        }
        for (i, agreement) in record.agreements.iter().enumerate() {
            self.check_agreement(&join("/agreements", i), agreement);
        }
        self.check_sources();
    }

    fn declare(&mut self, kind: Kind, id: &'a str, path: String) {
        let Some(ids) = self.ids.get_mut(kind.index()) else { return };
        if let Some(first) = ids.get(id) {
            let message = format!("{} id \"{id}\" is already used at {first}", kind.noun());
            self.report(join(&path, "id"), Code::DuplicateId, message);
        } else {
            ids.insert(id, path);
        }
    }

    fn has(&self, kind: Kind, id: &str) -> bool {
        self.ids.get(kind.index()).is_some_and(|ids| ids.contains_key(id))
    }

    fn resolve(&mut self, kind: Kind, id: &str, path: String) {
        if self.has(kind, id) {
            return;
        }
        let mut message = format!("no {} has id \"{id}\"", kind.noun());
        if let Some(other) = Kind::ALL.into_iter().find(|&k| self.has(k, id)) {
            message.push_str(&format!("; \"{id}\" is the id of a {}", other.noun()));
        }
        self.report(path, Code::UnresolvedReference, message);
    }

    fn actor(&mut self, path: &str, actor: &Actor) {
        match actor {
            Actor::Person(id) => self.resolve(Kind::Person, id.as_str(), join(path, "person")),
            Actor::Party(id) => self.resolve(Kind::Party, id.as_str(), join(path, "party")),
            Actor::Delegation(id) => {
                self.resolve(Kind::Delegation, id.as_str(), join(path, "delegation"));
            }
        }
    }

    fn subject(&mut self, path: &str, subject: &Subject) {
        match subject {
            Subject::Person(id) => self.resolve(Kind::Person, id.as_str(), join(path, "person")),
            Subject::Party(id) => self.resolve(Kind::Party, id.as_str(), join(path, "party")),
            Subject::Delegation(id) => {
                self.resolve(Kind::Delegation, id.as_str(), join(path, "delegation"));
            }
            Subject::Agreement(id) => {
                self.resolve(Kind::Agreement, id.as_str(), join(path, "agreement"));
            }
            Subject::Event(id) => self.resolve(Kind::Event, id.as_str(), join(path, "event")),
            Subject::Topic(_) => {}
        }
    }

    /// Warns when an `{"other": ...}` value spells one of the listed values.
    fn other_is_listed<T: DeserializeOwned>(
        &mut self,
        path: &str,
        value: &T,
        other: impl Fn(&T) -> Option<&Text>,
    ) {
        let Some(text) = other(value) else { return };
        let spelled: String = text
            .as_str()
            .trim()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() })
            .collect();
        let listed = spelled != "other"
            && serde_json::from_value::<T>(serde_json::Value::String(spelled.clone())).is_ok();
        crate::error::clear_code();
        if listed {
            self.report(
                join(path, "other"),
                Code::OtherIsListed,
                format!("\"{text}\" is a listed value: write \"{spelled}\" instead of {{\"other\": \"{text}\"}}"),
            );
        }
    }

    fn period(&mut self, path: &str, period: &Period) {
        if let (Some(start), Some(end)) = (&period.start, &period.end) {
            if end.compare(start) == Ordering::Less {
                self.report(
                    join(path, "end"),
                    Code::EndBeforeStart,
                    format!("ends {end} before it starts {start}"),
                );
            }
        }
    }

    fn check_event(&mut self, path: &str, event: &Event) {
        self.other_is_listed::<EventKind>(&join(path, "kind"), &event.kind, |k| match k {
            EventKind::Other(text) => Some(text),
            _ => None,
        });
        if let Some(time) = &event.time {
            self.period(&join(path, "time"), time);
            for (i, part) in event.parts.iter().enumerate() {
                let Some(part_time) = &part.time else { continue };
                let part_path = join(&join(&join(path, "parts"), i), "time");
                let part_start = part_time.start.as_ref().or(part_time.end.as_ref());
                let part_end = part_time.end.as_ref().or(part_time.start.as_ref());
                let before = match (part_start, &time.start) {
                    (Some(p), Some(s)) if p.compare(s) == Ordering::Less => Some((p, "starts", s)),
                    _ => None,
                };
                let after = match (part_end, &time.end) {
                    (Some(p), Some(e)) if p.compare(e) == Ordering::Greater => Some((p, "ends", e)),
                    _ => None,
                };
                if let Some((date, verb, bound)) = before.or(after) {
                    let relation = if verb == "starts" { "before" } else { "after" };
                    let which = if verb == "starts" { "start" } else { "end" };
                    self.report(
                        part_path,
                        Code::PartOutsideParent,
                        format!(
                            "part \"{}\" {verb} {date}, {relation} the {which} of event \"{}\" ({bound})",
                            part.id, event.id
                        ),
                    );
                }
            }
        }
        for (j, participation) in event.participants.iter().enumerate() {
            let p = join(&join(path, "participants"), j);
            self.actor(&join(&p, "participant"), &participation.participant);
            self.other_is_listed::<Role>(&join(&p, "role"), &participation.role, |r| match r {
                Role::Other(text) => Some(text),
                _ => None,
            });
            if let Some(party) = &participation.acting_for {
                self.resolve(Kind::Party, party.as_str(), join(&p, "acting_for"));
            }
        }
        for (j, actor) in event.mentioned.iter().enumerate() {
            self.actor(&join(&join(path, "mentioned"), j), actor);
        }
        for (j, source) in event.sources.iter().enumerate() {
            self.resolve(Kind::Source, source.as_str(), join(&join(path, "sources"), j));
        }
    }

    fn check_party(&mut self, path: &str, party: &crate::Party) {
        let kind_path = join(path, "kind");
        match &party.kind {
            PartyKind::InternationalOrganisation { members }
            | PartyKind::GroupOfStates { members } => {
                for (j, member) in members.iter().enumerate() {
                    self.resolve(
                        Kind::Party,
                        member.as_str(),
                        join(&join(&kind_path, "members"), j),
                    );
                }
                self.count_against_list(
                    path,
                    "count",
                    party.count.as_ref(),
                    members.len(),
                    None,
                    "members",
                );
            }
            PartyKind::PublicBody { parent: Some(parent), .. }
            | PartyKind::Company { parent: Some(parent), .. } => {
                self.resolve(Kind::Party, parent.as_str(), join(&kind_path, "parent"));
            }
            _ => {}
        }
        let is_state = matches!(party.kind, PartyKind::State { .. });
        if party.name.is_none() && party.description.is_none() && !is_state {
            self.report(
                path.to_owned(),
                Code::Anonymous,
                format!("party \"{}\" has neither a name nor a description", party.id),
            );
        }
    }

    fn check_people(&mut self) {
        let record = self.record;
        // Folded name -> (person index, path of the name, the name).
        let mut keys: BTreeMap<String, (usize, String, &Text)> = BTreeMap::new();
        let mut reported: Vec<(usize, usize)> = Vec::new();
        for (i, person) in record.people.iter().enumerate() {
            let path = join("/people", i);
            if person.name.is_none() && person.description.is_none() {
                self.report(
                    path.clone(),
                    Code::Anonymous,
                    format!("person \"{}\" has neither a name nor a description", person.id),
                );
            }
            for (j, position) in person.positions.iter().enumerate() {
                let p = join(&join(&path, "positions"), j);
                if let Some(organisation) = &position.organisation {
                    self.resolve(Kind::Party, organisation.as_str(), join(&p, "organisation"));
                }
                if let Some(party) = &position.accredited_to {
                    self.resolve(Kind::Party, party.as_str(), join(&p, "accredited_to"));
                }
            }
            let names =
                person.name.iter().map(|n| (join(&path, "name"), n)).chain(
                    person.name_variants.iter().enumerate().map(|(j, v)| {
                        (join(&join(&join(&path, "name_variants"), j), "name"), &v.name)
                    }),
                );
            for (name_path, name) in names {
                let key = fold_name(name.as_str());
                match keys.get(&key) {
                    Some((other, other_path, other_name)) if *other != i => {
                        if !reported.contains(&(*other, i)) {
                            reported.push((*other, i));
                            let message = format!(
                                "\"{name}\" ({name_path}) and \"{other_name}\" ({other_path}) fold to the same name \"{key}\"; if they are one person, keep one and list the other spelling as a name variant"
                            );
                            self.report(name_path, Code::SamePersonTwice, message);
                        }
                    }
                    Some(_) => {}
                    None => {
                        keys.insert(key, (i, name_path, name));
                    }
                }
            }
        }
    }

    fn check_delegation(&mut self, path: &str, delegation: &Delegation) {
        self.resolve(Kind::Party, delegation.represents.as_str(), join(path, "represents"));
        let mut seen: Vec<&Member> = Vec::new();
        let members = delegation.head.iter().map(|m| (join(path, "head"), m)).chain(
            delegation
                .members
                .iter()
                .enumerate()
                .map(|(j, m)| (join(&join(path, "members"), j), m)),
        );
        for (member_path, member) in members {
            let (kind, id, token) = match &member.member {
                Member::Person(id) => (Kind::Person, id.as_str(), "person"),
                Member::Party(id) => (Kind::Party, id.as_str(), "party"),
            };
            self.resolve(kind, id, join(&join(&member_path, "member"), token));
            if let Some(affiliation) = &member.affiliation {
                self.resolve(Kind::Party, affiliation.as_str(), join(&member_path, "affiliation"));
            }
            if seen.contains(&&member.member) {
                self.report(
                    join(&member_path, "member"),
                    Code::DuplicateMember,
                    format!("{token} \"{id}\" is listed twice in delegation \"{}\"", delegation.id),
                );
            } else {
                seen.push(&member.member);
            }
        }
        let listed = delegation.all_members().count();
        self.count_against_list(
            path,
            "size",
            delegation.size.as_ref(),
            listed,
            delegation.members_complete,
            "members",
        );
    }

    /// Checks a count against the number of items listed beside it.
    fn count_against_list(
        &mut self,
        path: &str,
        field: &str,
        count: Option<&Count>,
        listed: usize,
        complete: Option<bool>,
        items: &str,
    ) {
        let listed = u64::try_from(listed).unwrap_or(u64::MAX);
        let (value, exact) = match count {
            Some(Count::Exact { value, .. }) => (*value, true),
            Some(Count::AtLeast { value, .. }) => (*value, false),
            _ => return,
        };
        let value_path = join(&join(path, field), "value");
        if value < listed {
            let kind = if exact { "exactly" } else { "at least" };
            self.report(
                value_path,
                Code::CountBelowListed,
                format!("{field} is {kind} {value}, but {listed} {items} are listed"),
            );
        } else if complete == Some(true) && value != listed {
            let kind = if exact { "exactly" } else { "at least" };
            self.report(
                value_path,
                Code::CountContradictsList,
                format!("{field} is {kind} {value}, but the list of {items}, said to be complete, has {listed}"),
            );
        }
    }

    fn check_agreement(&mut self, path: &str, agreement: &Agreement) {
        self.other_is_listed::<AgreementKind>(&join(path, "kind"), &agreement.kind, |k| match k {
            AgreementKind::Other(text) => Some(text),
            _ => None,
        });
        for (j, party) in agreement.parties.iter().enumerate() {
            self.resolve(Kind::Party, party.as_str(), join(&join(path, "parties"), j));
        }
        for (j, signatory) in agreement.signatories.iter().enumerate() {
            let p = join(&join(path, "signatories"), j);
            self.resolve(Kind::Person, signatory.person.as_str(), join(&p, "person"));
            self.resolve(Kind::Party, signatory.acting_for.as_str(), join(&p, "acting_for"));
            if let Some(event) = &signatory.event {
                self.resolve(Kind::Event, event.as_str(), join(&p, "event"));
            }
            if !agreement.parties.contains(&signatory.acting_for) {
                self.report(
                    join(&p, "acting_for"),
                    Code::SignatoryNotParty,
                    format!(
                        "signatory \"{}\" acts for \"{}\", which is not a party of agreement \"{}\"",
                        signatory.person, signatory.acting_for, agreement.id
                    ),
                );
            }
        }
        for (j, third) in agreement.third_parties.iter().enumerate() {
            let p = join(&join(path, "third_parties"), j);
            self.actor(&join(&p, "actor"), &third.actor);
            self.other_is_listed::<ThirdPartyRole>(&join(&p, "role"), &third.role, |r| match r {
                ThirdPartyRole::Other(text) => Some(text),
                _ => None,
            });
            let neutral = matches!(
                third.role,
                ThirdPartyRole::Mediator | ThirdPartyRole::Witness | ThirdPartyRole::Observer
            );
            if let (true, Actor::Party(party)) = (neutral, &third.actor) {
                if agreement.parties.contains(party) {
                    let role = serde_json::to_value(&third.role)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    self.report(
                        join(&join(&p, "actor"), "party"),
                        Code::ThirdPartyIsParty,
                        format!(
                            "\"{party}\" is both a {role} and a party of agreement \"{}\"",
                            agreement.id
                        ),
                    );
                }
            }
        }
        for (j, step) in agreement.steps.iter().enumerate() {
            let p = join(&join(path, "steps"), j);
            if let Some(party) = &step.party {
                self.resolve(Kind::Party, party.as_str(), join(&p, "party"));
            }
            if let Some(event) = &step.event {
                self.resolve(Kind::Event, event.as_str(), join(&p, "event"));
            }
        }
        self.steps_in_order(path, agreement);
    }

    /// Dated steps by the same party (or by none) must follow the usual order.
    fn steps_in_order(&mut self, path: &str, agreement: &Agreement) {
        fn rank(step: StepKind) -> u8 {
            match step {
                StepKind::Initialled => 0,
                StepKind::Signed | StepKind::Adopted => 1,
                StepKind::Ratified
                | StepKind::Accepted
                | StepKind::Approved
                | StepKind::Acceded
                | StepKind::Succeeded => 2,
                StepKind::EnteredIntoForce => 3,
                StepKind::Terminated => 4,
            }
        }
        let name = |step: StepKind| {
            serde_json::to_value(step)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        for (j, later) in agreement.steps.iter().enumerate() {
            let Some(later_date) = &later.date else { continue };
            let earlier = agreement.steps.iter().find(|earlier| {
                (earlier.party.is_none() || earlier.party == later.party)
                    && rank(earlier.step) < rank(later.step)
                    && earlier
                        .date
                        .as_ref()
                        .is_some_and(|d| later_date.compare(d) == Ordering::Less)
            });
            if let Some(earlier) = earlier {
                let earlier_date = earlier.date.as_ref().map(Date::as_str).unwrap_or_default();
                self.report(
                    join(&join(&join(path, "steps"), j), "date"),
                    Code::StepsOutOfOrder,
                    format!(
                        "{} on {later_date} comes before {} on {earlier_date}",
                        name(later.step),
                        name(earlier.step)
                    ),
                );
            }
        }
    }

    fn check_sources(&mut self) {
        let start = self.record.event.time.as_ref().and_then(|t| t.start.as_ref());
        for (i, source) in self.record.sources.iter().enumerate() {
            let path = join("/sources", i);
            if let (Some(published), Some(start)) = (&source.published_at, start) {
                if published.compare(start) == Ordering::Less {
                    self.report(
                        join(&path, "published_at"),
                        Code::SourceBeforeEvent,
                        format!("source \"{}\" was published {published}, before the event starts {start}", source.id),
                    );
                }
            }
            if let (Some(published), Some(retrieved)) = (&source.published_at, &source.retrieved_at)
            {
                if retrieved.compare(published) == Ordering::Less {
                    self.report(
                        join(&path, "retrieved_at"),
                        Code::EndBeforeStart,
                        format!("source \"{}\" was retrieved {retrieved}, before it was published {published}", source.id),
                    );
                }
            }
        }
    }
}

/// The key under which two spellings of a name count as the same: NFD,
/// combining marks dropped, letters without a decomposition mapped to their
/// base (ı, ø, ß, đ, ł...), lower case, white space collapsed.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'ı' => out.push('i'),
            'ø' | 'Ø' => out.push('o'),
            'ß' => out.push_str("ss"),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ħ' | 'Ħ' => out.push('h'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

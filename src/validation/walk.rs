//! The walk through a record: every item in document order, each handed
//! to the rules that apply to it (`rules/`, one function per rule).

use super::rules::{SeenNames, Zoned, days_of_period};
use super::{At, Checker, Kind, Mode, Step};
use crate::{
    Agreement, Delegation, Event, Member, Outcome, OutcomeKind, Party, PartyId, PartyKind, Period,
    Person, Place, Position, Relation, RelationKind, Statement, TimeZone,
};

/// The time zone in which `event`'s local dates are: its period's, else
/// its place's, else its parent's (`inherited`).
fn local_zone(event: &Event, inherited: Option<TimeZone>) -> Option<TimeZone> {
    let period = event.time.as_ref().and_then(|time| time.time_zone);
    let place = event.place.as_ref().and_then(|place| place.time_zone);
    period.or(place).or(inherited)
}

impl<M: Mode> Checker<'_, M> {
    /// Checks every rule over the whole record, in document order.
    pub(super) fn check(&mut self) {
        let record = self.record;
        self.duplicate_ids();
        let root = At::<M>::ROOT;
        self.event_tree(&root.key("event"), &record.event, None, None);
        let parties = root.key("parties");
        // The days of the record's event, against which every party's
        // country is checked: computed once.
        let event_days = record.event.time.as_ref().and_then(days_of_period);
        for (i, party) in record.parties.iter().enumerate() {
            self.party(&parties.index(i), party, event_days);
        }
        self.people();
        let delegations = root.key("delegations");
        for (i, delegation) in record.delegations.iter().enumerate() {
            // No list has 4 billion items in memory.
            let stamp = u32::try_from(i + 1).unwrap_or(u32::MAX);
            self.delegation(&delegations.index(i), delegation, stamp);
        }
        let statements = root.key("statements");
        for (i, statement) in record.statements.iter().enumerate() {
            self.statement(&statements.index(i), statement);
        }
        let agreements = root.key("agreements");
        for (i, agreement) in record.agreements.iter().enumerate() {
            self.agreement(&agreements.index(i), agreement);
        }
        self.reference_cycles();
        let outcomes = root.key("outcomes");
        for (i, outcome) in record.outcomes.iter().enumerate() {
            self.outcome(&outcomes.index(i), outcome);
        }
        let relations = root.key("relations");
        for (i, relation) in record.relations.iter().enumerate() {
            self.relation(&relations.index(i), relation);
        }
        let sources = root.key("sources");
        let event_start = record.event.time.as_ref().and_then(|t| t.start.as_ref());
        let event_zone = local_zone(&record.event, None);
        for (i, source) in record.sources.iter().enumerate() {
            let at = sources.index(i);
            self.source_before_event(&at, source, event_start, event_zone);
            if let (Some(published), Some(retrieved)) = (&source.published_at, &source.retrieved_at)
            {
                self.end_before_start(&at.key("retrieved_at"), published, retrieved, None, || {
                    format!(
                        "source \"{}\" was retrieved {retrieved}, before it was published {published}",
                        source.id
                    )
                });
            }
        }
    }

    /// An event and its parts, depth first, in document order; the parent's
    /// local time zone is `inherited`, and a part without a time of its own
    /// takes its parent's (`inherited_time`).
    fn event_tree(
        &mut self,
        at: &At<'_, M>,
        event: &Event,
        inherited: Option<TimeZone>,
        inherited_time: Option<&Period>,
    ) {
        let zone = local_zone(event, inherited);
        let time = event.time.as_ref().or(inherited_time);
        self.event(at, event, zone, time);
        let parts = at.key("parts");
        for (i, part) in event.parts.iter().enumerate() {
            self.event_tree(&parts.index(i), part, zone, time);
        }
    }

    /// `event`, whose local dates are in `zone`, and which took place in
    /// `time` (its own or its parent's).
    fn event(
        &mut self,
        at: &At<'_, M>,
        event: &Event,
        zone: Option<TimeZone>,
        time: Option<&Period>,
    ) {
        self.other_is_listed(at, Step::Key("kind"), &event.kind);
        if let Some(time) = &event.time {
            let time_at = at.key("time");
            self.period(&time_at, time, zone, "");
            let parts = at.key("parts");
            let zoned = Zoned { period: time, zone };
            for (i, part) in event.parts.iter().enumerate() {
                if let Some(part_time) = &part.time {
                    let part_zoned = Zoned { period: part_time, zone: local_zone(part, zone) };
                    self.part_outside_parent(&parts.index(i), event, zoned, part, part_zoned);
                }
            }
            if let Some(duration) = &event.duration {
                self.duration_contradicts_time(&at.key("duration"), duration, zoned);
            }
        }
        if let Some(duration) = &event.duration {
            self.duration(&at.key("duration"), duration);
        }
        if let Some(place) = &event.place {
            self.place(&at.key("place"), place, time);
        }
        let participants = at.key("participants");
        for (j, participation) in event.participants.iter().enumerate() {
            let p = participants.index(j);
            self.actor(&p, Step::Key("participant"), &participation.participant);
            self.other_is_listed(&p, Step::Key("role"), &participation.role);
            if let Some(party) = &participation.acting_for {
                self.resolve(Kind::Party, party.as_compact(), &p, Step::Key("acting_for"));
            }
            self.sources(&p.key("sources"), &participation.sources);
            if let Some(local) = &participation.local_time {
                let local_at = p.key("local_time");
                let local_zone = local.time_zone.or(zone);
                self.period(&local_at, local, local_zone, "the local time ");
                if let Some(time) = &event.time {
                    let event_time = Zoned { period: time, zone };
                    let local_time = Zoned { period: local, zone: local_zone };
                    self.local_time_outside_event(&local_at, event_time, local_time);
                }
            }
        }
        let mentioned = at.key("mentioned");
        for (j, actor) in event.mentioned.iter().enumerate() {
            self.actor(&mentioned, Step::Index(j), actor);
        }
        self.sources(&at.key("sources"), &event.sources);
    }

    /// A period (at `at`) whose local dates are in `zone`: its order, and
    /// each date-time's offset against the zone. `what` begins its messages.
    fn period(
        &mut self,
        at: &At<'_, M>,
        period: &Period,
        zone: Option<TimeZone>,
        what: &'static str,
    ) {
        if let (Some(start), Some(end)) = (&period.start, &period.end) {
            self.end_before_start(&at.key("end"), start, end, zone, || {
                format!("{what}ends {end} before it starts {start}")
            });
        }
        if zone.is_some() {
            for (key, date) in [("start", &period.start), ("end", &period.end)] {
                if let Some(date) = date {
                    self.offset_outside_time_zone(&at.key(key), date, zone);
                }
            }
        }
    }

    /// A place: its areas' kinds, and its country and sovereign on the
    /// date of its event (`time`).
    fn place(&mut self, at: &At<'_, M>, place: &Place, time: Option<&Period>) {
        let areas = at.key("areas");
        for (i, area) in place.areas.iter().enumerate() {
            if let Some(kind) = &area.kind {
                self.other_is_listed(&areas.index(i), Step::Key("kind"), kind);
            }
        }
        self.sovereign_is_country(at, place);
        if let Some(time) = time {
            for (key, code) in [("country", place.country), ("sovereign", place.sovereign)] {
                if let Some(code) = code {
                    self.country_not_on_date(&at.key(key), code, time);
                }
            }
        }
    }

    /// A party; `event_days`, the days of the record's event, date its
    /// country.
    fn party(&mut self, at: &At<'_, M>, party: &Party, event_days: Option<(i32, i32)>) {
        let kind_at = at.key("kind");
        match &party.kind {
            PartyKind::Organ { organisation, .. } => {
                let found = self.resolve_slot(
                    Kind::Party,
                    organisation.as_compact(),
                    &kind_at,
                    Step::Key("organisation"),
                );
                if found.is_some() {
                    self.organ_outside_organisation(&kind_at, party, organisation);
                }
            }
            PartyKind::PublicBody { parent: Some(parent), .. }
            | PartyKind::Company { parent: Some(parent), .. } => {
                self.resolve(Kind::Party, parent.as_compact(), &kind_at, Step::Key("parent"));
            }
            _ => {}
        }
        if party.kind.is_organisation() {
            let members = party.kind.members();
            let members_at = kind_at.key("members");
            for (j, member) in members.iter().enumerate() {
                self.resolve(Kind::Party, member.as_compact(), &members_at, Step::Index(j));
            }
            self.count_against_list(
                &at.key("count"),
                "count",
                party.count.as_ref(),
                members.len(),
                None,
                "members",
            );
        }
        if let Some(count) = &party.count {
            self.count(&at.key("count"), "count", count);
        }
        if let (Some(country), Some(days)) = (party.country(), event_days) {
            let record = self.record;
            let time = record.event.time.as_ref();
            self.country_not_on_days(&kind_at.key("country"), country, days, time);
        }
        self.sources(&at.key("sources"), &party.sources);
        // A state is known by its code; every other party needs words.
        if !matches!(party.kind, PartyKind::State { .. }) {
            self.anonymous(at, "party", &party.id, party.name.as_ref(), party.description.as_ref());
        }
    }

    /// Every person, each with the names of the people before.
    fn people(&mut self) {
        let record = self.record;
        let mut names = SeenNames::new(&mut self.scratch.names, record);
        let root = At::<M>::ROOT;
        let people = root.key("people");
        for (i, person) in record.people.iter().enumerate() {
            self.person(&people.index(i), person);
            self.same_person_twice(&mut names, i);
        }
        names.finish(&mut self.scratch.names);
    }

    fn person(&mut self, at: &At<'_, M>, person: &Person) {
        self.anonymous(at, "person", &person.id, person.name.as_ref(), person.description.as_ref());
        let variants = at.key("name_variants");
        for (j, variant) in person.name_variants.iter().enumerate() {
            self.sources(&variants.index(j).key("sources"), &variant.sources);
        }
        let positions = at.key("positions");
        for (j, position) in person.positions.iter().enumerate() {
            self.position(&positions.index(j), position);
        }
        self.sources(&at.key("sources"), &person.sources);
    }

    /// A position's organisation and the party it is accredited to.
    fn position(&mut self, at: &At<'_, M>, position: &Position) {
        if let Some(organisation) = &position.organisation {
            self.party_at(at, "organisation", organisation);
        }
        if let Some(party) = &position.accredited_to {
            self.party_at(at, "accredited_to", party);
        }
        self.sources(&at.key("sources"), &position.sources);
    }

    /// `stamp` is the delegation's number, counted from 1, with which its
    /// members are marked in the id index: repeated members are found in
    /// one pass.
    fn delegation(&mut self, at: &At<'_, M>, delegation: &Delegation, stamp: u32) {
        self.resolve(Kind::Party, delegation.represents.as_compact(), at, Step::Key("represents"));
        let members_at = at.key("members");
        let head_at = at.key("head");
        let members = delegation
            .head
            .iter()
            .map(|m| (None, m))
            .chain(delegation.members.iter().enumerate().map(|(j, m)| (Some(j), m)));
        let mut unresolved: super::rules::UnresolvedMembers<'_> = None;
        for (slot, member) in members {
            let member_at = match slot {
                Some(j) => members_at.index(j),
                None => head_at,
            };
            let (kind, id, token) = match &member.member {
                Member::Person(id) => (Kind::Person, id.as_compact(), "person"),
                Member::Party(id) => (Kind::Party, id.as_compact(), "party"),
            };
            let who = member_at.key("member");
            let found = self.resolve_slot(kind, id, &who, Step::Key(token));
            if let Some(affiliation) = &member.affiliation {
                self.resolve(
                    Kind::Party,
                    affiliation.as_compact(),
                    &member_at,
                    Step::Key("affiliation"),
                );
            }
            self.duplicate_member(&who, delegation, member, found, stamp, &mut unresolved);
            self.sources(&member_at.key("sources"), &member.sources);
        }
        let listed = delegation.all_members().count();
        self.count_against_list(
            &at.key("size"),
            "size",
            delegation.size.as_ref(),
            listed,
            delegation.members_complete,
            "members",
        );
        if let Some(size) = &delegation.size {
            self.count(&at.key("size"), "size", size);
        }
        self.sources(&at.key("sources"), &delegation.sources);
    }

    fn statement(&mut self, at: &At<'_, M>, statement: &Statement) {
        self.no_speaker(at, statement);
        let speakers = at.key("speakers");
        for (j, speaker) in statement.speakers.iter().enumerate() {
            self.actor(&speakers, Step::Index(j), speaker);
        }
        if let Some(event) = &statement.event {
            self.resolve(Kind::Event, event.as_compact(), at, Step::Key("event"));
        }
        self.other_is_listed(at, Step::Key("reporting_verb"), &statement.reporting_verb);
        let addressees = at.key("addressees");
        for (j, addressee) in statement.addressees.iter().enumerate() {
            self.actor(&addressees, Step::Index(j), addressee);
        }
        let about = at.key("about");
        for (j, subject) in statement.about.iter().enumerate() {
            self.subject(&about.index(j), subject);
        }
        self.sources(&at.key("sources"), &statement.sources);
    }

    fn agreement(&mut self, at: &At<'_, M>, agreement: &Agreement) {
        self.other_is_listed(at, Step::Key("kind"), &agreement.kind);
        let parties = at.key("parties");
        for (j, party) in agreement.parties.iter().enumerate() {
            self.resolve(Kind::Party, party.as_compact(), &parties, Step::Index(j));
        }
        let signatories = at.key("signatories");
        for (j, signatory) in agreement.signatories.iter().enumerate() {
            let p = signatories.index(j);
            self.resolve(Kind::Person, signatory.person.as_compact(), &p, Step::Key("person"));
            self.resolve(
                Kind::Party,
                signatory.acting_for.as_compact(),
                &p,
                Step::Key("acting_for"),
            );
            if let Some(event) = &signatory.event {
                self.resolve(Kind::Event, event.as_compact(), &p, Step::Key("event"));
            }
            self.signatory_not_party(&p, agreement, signatory);
            self.sources(&p.key("sources"), &signatory.sources);
        }
        let third_parties = at.key("third_parties");
        for (j, third) in agreement.third_parties.iter().enumerate() {
            let p = third_parties.index(j);
            self.actor(&p, Step::Key("actor"), &third.actor);
            self.other_is_listed(&p, Step::Key("role"), &third.role);
            self.third_party_is_party(&p, agreement, third);
        }
        let steps = at.key("steps");
        for (j, step) in agreement.steps.iter().enumerate() {
            let p = steps.index(j);
            self.other_is_listed(&p, Step::Key("step"), &step.step);
            if let Some(party) = &step.party {
                self.resolve(Kind::Party, party.as_compact(), &p, Step::Key("party"));
            }
            if let Some(event) = &step.event {
                self.resolve(Kind::Event, event.as_compact(), &p, Step::Key("event"));
            }
            if let (Some(country), Some(date)) = (step.country, &step.date) {
                self.country_not_on(&p.key("country"), country, date);
            }
            self.sources(&p.key("sources"), &step.sources);
        }
        self.steps_out_of_order(&steps, agreement);
        self.steps_disagree(&steps, agreement);
        if let Some(count) = &agreement.count {
            self.count(&at.key("count"), "count", count);
        }
        self.sources(&at.key("sources"), &agreement.sources);
        let related = at.key("related");
        for (j, link) in agreement.related.iter().enumerate() {
            let p = related.index(j);
            self.other_is_listed(&p, Step::Key("relation"), &link.relation);
            self.resolve(Kind::Agreement, link.agreement.as_compact(), &p, Step::Key("agreement"));
        }
        self.refers_to_itself(at, agreement);
    }

    /// Resolves the party at key `key` of `at`.
    fn party_at(&mut self, at: &At<'_, M>, key: &'static str, party: &PartyId) {
        self.resolve(Kind::Party, party.as_compact(), at, Step::Key(key));
    }

    /// Resolves the two parties of a pair at `at`, and `relation-with-itself`.
    fn pair(&mut self, at: &At<'_, M>, what: &'static str, [first, second]: &[PartyId; 2]) {
        self.resolve(Kind::Party, first.as_compact(), at, Step::Index(0));
        self.resolve(Kind::Party, second.as_compact(), at, Step::Index(1));
        self.relation_with_itself(&at.index(1), what, first, second);
    }

    fn outcome(&mut self, at: &At<'_, M>, outcome: &Outcome) {
        let kind_at = at.key("kind");
        match &outcome.kind {
            OutcomeKind::Membership(membership) => {
                let m = kind_at.key("membership");
                self.party_at(&m, "member", &membership.member);
                let found = self.resolve_slot(
                    Kind::Party,
                    membership.organisation.as_compact(),
                    &m,
                    Step::Key("organisation"),
                );
                if found.is_some() {
                    self.not_an_organisation(&m, &membership.organisation);
                }
                self.relation_with_itself(
                    &m.key("organisation"),
                    "a membership",
                    &membership.member,
                    &membership.organisation,
                );
            }
            OutcomeKind::DiplomaticRelations(change) => {
                let c = kind_at.key("diplomatic_relations");
                self.pair(&c.key("parties"), "a change of diplomatic relations", &change.parties);
            }
            OutcomeKind::Recognition(change) => {
                self.recognition(&kind_at.key("recognition"), &change.by, &change.of);
            }
            OutcomeKind::Appointment(appointment) => {
                let a = kind_at.key("appointment");
                self.resolve(
                    Kind::Person,
                    appointment.person.as_compact(),
                    &a,
                    Step::Key("person"),
                );
                self.position(&a.key("position"), &appointment.position);
                if let Some(party) = &appointment.appointed_by {
                    self.party_at(&a, "appointed_by", party);
                }
            }
            OutcomeKind::Accreditation(accreditation) => {
                let a = kind_at.key("accreditation");
                self.resolve(
                    Kind::Person,
                    accreditation.envoy.as_compact(),
                    &a,
                    Step::Key("envoy"),
                );
                self.party_at(&a, "accredited_to", &accreditation.accredited_to);
                if let Some(party) = &accreditation.acting_for {
                    self.party_at(&a, "acting_for", party);
                    self.relation_with_itself(
                        &a.key("acting_for"),
                        "an accreditation",
                        &accreditation.accredited_to,
                        party,
                    );
                }
                if let Some(person) = &accreditation.received_by {
                    self.resolve(Kind::Person, person.as_compact(), &a, Step::Key("received_by"));
                }
            }
        }
        if let Some(event) = &outcome.event {
            self.resolve(Kind::Event, event.as_compact(), at, Step::Key("event"));
        }
        self.sources(&at.key("sources"), &outcome.sources);
    }

    /// A recognition, granted or withdrawn (an outcome) or standing (a
    /// relation): `by` recognises `of`, two parties, not one.
    fn recognition(&mut self, at: &At<'_, M>, by: &PartyId, of: &PartyId) {
        self.party_at(at, "by", by);
        self.party_at(at, "of", of);
        self.relation_with_itself(&at.key("of"), "a recognition", by, of);
    }

    fn relation(&mut self, at: &At<'_, M>, relation: &Relation) {
        let kind_at = at.key("kind");
        match &relation.kind {
            RelationKind::DiplomaticRelations(relations) => {
                let r = kind_at.key("diplomatic_relations");
                self.pair(&r.key("parties"), "a diplomatic relation", &relations.parties);
            }
            RelationKind::Recognition(recognition) => {
                self.recognition(&kind_at.key("recognition"), &recognition.by, &recognition.of);
            }
        }
        self.sources(&at.key("sources"), &relation.sources);
    }
}

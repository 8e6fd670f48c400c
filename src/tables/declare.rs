//! The tables, each declared once: what one row is, and each column's
//! name, kind, description and value. The documentation table
//! (`docs/tables.md`) and the Arrow schemas are generated from here.

use super::columns::{
    CountColumns, DateColumns, Decimal, DurationColumns, Flag, Index, Key, Kind, Number, TableSpec,
    Text, columns_of,
};
use super::rows::{Reference, Report, Row};
use crate::{
    Agreement, AgreementStep, Area, Delegation, DelegationMember, Event, ExtensionKey,
    ExtensionValue, NameVariant, Outcome, OutcomeKind, Participation, Party, PartyKind, Person,
    Position, Record, RelatedAgreement, Relation, RelationKind, Signatory, Source, SourceId,
    Statement, Text as RecordText, ThirdParty,
};

/// Declares the tables: for each, its rows' item type and its columns.
/// Gives [`specs`], [`TableSet`] with one field of builders per table, and
/// a method of the same name that appends a row to it.
macro_rules! tables {
    ($(
        $(#[doc = $doc:literal])*
        $table:ident($row:ident: $item:ty) {
            $( $(#[doc = $column_doc:literal])* $column:ident: $kind:ident = $value:expr, )*
        }
    )*) => {
        /// The tables in the order they are documented and written.
        pub(crate) fn specs() -> Vec<TableSpec> {
            vec![$(TableSpec {
                name: stringify!($table),
                description: join_doc(&[$($doc),*]),
                columns: {
                    let mut columns = Vec::new();
                    $(columns.extend(columns_of::<$kind>(
                        stringify!($column),
                        is_required::<$kind>(),
                        &join_doc(&[$($column_doc),*]),
                    ));)*
                    columns
                },
            }),*]
        }

        /// The rows of every table not yet written, one field a table.
        pub(crate) struct TableSet {
            $(pub(crate) $table: super::columns::Columns,)*
            /// Whether a row gave values that did not fit its table's
            /// columns (a mistake in this file, which the tests rule out).
            pub(crate) mismatch: bool,
        }

        impl TableSet {
            /// Empty builders for every table of `specs`.
            pub(crate) fn new(specs: &[TableSpec]) -> Self {
                let mut specs = specs.iter();
                TableSet {
                    $($table: specs.next().map(TableSpec::builders).unwrap_or_else(|| {
                        TableSpec { name: "", description: String::new(), columns: Vec::new() }.builders()
                    }),)*
                    mismatch: false,
                }
            }

            /// The builders, in the order of [`specs`].
            pub(crate) fn each_mut(&mut self) -> Vec<&mut super::columns::Columns> {
                vec![$(&mut self.$table),*]
            }

            $(
                $(#[doc = $doc])*
                pub(crate) fn $table(&mut self, $row: &Row<'_, $item>) {
                    let mut cursor = self.$table.row();
                    $(<$kind as Kind>::append(&mut cursor, $value);)*
                    let complete = cursor.is_complete();
                    self.mismatch |= !complete;
                }
            )*
        }
    };
}

/// The lines of a doc comment as one paragraph.
fn join_doc(lines: &[&'static str]) -> String {
    lines.iter().map(|line| line.trim()).collect::<Vec<_>>().join(" ")
}

/// Whether a kind of column always has a value (the keys, the positions).
fn is_required<K: Kind>() -> bool {
    let name = std::any::type_name::<K>();
    name.ends_with("::Key") || name.ends_with("::Index")
}

fn text(value: Option<&RecordText>) -> Option<&str> {
    value.map(RecordText::as_str)
}

fn id<T: AsRef<str>>(value: Option<&T>) -> Option<&str> {
    value.map(AsRef::as_ref)
}

fn count(n: usize) -> Option<u64> {
    u64::try_from(n).ok()
}

tables! {
    /// One row per record.
    records(row: Record) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The version of the record format it was written in.
        format_version: Text = Some(row.item.format_version.as_str()),
        /// The id of the record's event (its row in `events` has no parent).
        event_id: Key = row.item.event.id.as_str(),
        /// When the record's event began: the date its year partition is taken from.
        start: DateColumns = row.item.event.time.as_ref().and_then(|time| time.start.as_ref()),
        /// How many events the record has, its event and all parts.
        events: Number = count(row.item.event.walk().len()),
        /// How many parties it names.
        parties: Number = count(row.item.parties.len()),
        /// How many people it names.
        people: Number = count(row.item.people.len()),
        /// How many agreements it records.
        agreements: Number = count(row.item.agreements.len()),
        /// How many sources it cites.
        sources: Number = count(row.item.sources.len()),
    }

    /// One row per event: the record's event and each of its parts, at any depth.
    events(row: Event) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the row's item in its record (`/event/parts/0`): with
        /// `record_id`, the key that `citations` and `extensions` join on.
        pointer: Key = row.pointer,
        /// The event's local id.
        event_id: Key = row.item.id.as_str(),
        /// The id of the event it is a part of; empty for the record's event.
        parent_event_id: Text = row.owner,
        /// Its position among its parent's parts, from 0 (0 for the record's event).
        part_index: Index = row.index,
        /// What kind of event it is: a listed value (`official_visit`) or the words of another.
        kind: Text = Some(row.item.kind.as_str()),
        /// Its title.
        title: Text = text(row.item.title.as_ref()),
        /// What happened, in words.
        description: Text = text(row.item.description.as_ref()),
        /// When it began.
        start: DateColumns = row.item.time.as_ref().and_then(|time| time.start.as_ref()),
        /// When it ended.
        end: DateColumns = row.item.time.as_ref().and_then(|time| time.end.as_ref()),
        /// The IANA time zone its dates are local to, when its period names one.
        time_zone: Text = row.item.time.as_ref().and_then(|t| t.time_zone.as_ref()).map(|z| z.as_str()),
        /// How long it lasted.
        duration: DurationColumns = row.item.duration.as_deref(),
        /// How the participants met: `in_person`, `phone`, `video` or `hybrid`.
        modality: Text = row.item.modality.as_ref().map(|m| m.as_str()),
        /// The venue ("Presidential Palace").
        venue: Text = text(row.item.place.as_ref().and_then(|p| p.venue.as_ref())),
        /// The city, town or village.
        locality: Text = text(row.item.place.as_ref().and_then(|p| p.locality.as_ref())),
        /// The province, state or region.
        region: Text = text(row.item.place.as_ref().and_then(|p| p.region.as_ref())),
        /// The place's country code (ISO 3166-1 alpha-2, or a former state's ISO 3166-3 code).
        country: Text = row.item.place.as_ref().and_then(|p| p.country.as_ref()).map(|c| c.as_str()),
        /// The state a territory belongs to.
        sovereign: Text = row.item.place.as_ref().and_then(|p| p.sovereign.as_ref()).map(|c| c.as_str()),
        /// The place's IANA time zone.
        place_time_zone: Text = row.item.place.as_ref().and_then(|p| p.time_zone.as_ref()).map(|z| z.as_str()),
        /// Latitude, WGS 84 decimal degrees.
        latitude: Decimal = row.item.place.as_ref().and_then(|p| p.coordinates).map(|c| c.latitude()),
        /// Longitude, WGS 84 decimal degrees.
        longitude: Decimal = row.item.place.as_ref().and_then(|p| p.coordinates).map(|c| c.longitude()),
        /// The place's GeoNames id.
        geonames_id: Number = row.item.place.as_ref().and_then(|p| p.geonames_id),
    }

    /// One row per named area of an event's place, smallest first.
    areas(row: Area) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the area.
        pointer: Key = row.pointer,
        /// The event whose place it is.
        event_id: Key = row.owner.unwrap_or_default(),
        /// Its position among the place's areas, from 0 (the smallest).
        area_index: Index = row.index,
        /// Its name.
        name: Text = Some(row.item.name.as_str()),
        /// What kind of area it is: a listed value (`island`) or the words of another.
        kind: Text = row.item.kind.as_ref().map(|k| k.as_str()),
        /// Its GeoNames id.
        geonames_id: Number = row.item.geonames_id,
    }

    /// One row per topic of an event.
    topics(row: RecordText) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the topic.
        pointer: Key = row.pointer,
        /// The event it was discussed at.
        event_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the event's list, from 0.
        topic_index: Index = row.index,
        /// The topic, in words.
        topic: Text = Some(row.item.as_str()),
    }

    /// One row per participant of an event, with the role they had.
    participations(row: Participation) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the participation.
        pointer: Key = row.pointer,
        /// The event.
        event_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the event's list, from 0.
        participation_index: Index = row.index,
        /// What the participant is: `person`, `party` or `delegation`.
        actor_type: Text = Some(Reference::actor(&row.item.participant).kind),
        /// The participant's local id, in `people`, `parties` or `delegations`.
        actor_id: Text = Some(Reference::actor(&row.item.participant).id),
        /// Their role: a listed value (`host`, `guest`) or the words of another.
        role: Text = Some(row.item.role.as_str()),
        /// The party they acted for.
        acting_for: Text = id(row.item.acting_for.as_ref()),
        /// When the event began for them, in their own local time.
        local_start: DateColumns = row.item.local_time.as_ref().and_then(|t| t.start.as_ref()),
        /// When it ended for them, in their own local time.
        local_end: DateColumns = row.item.local_time.as_ref().and_then(|t| t.end.as_ref()),
        /// The IANA time zone of their local time.
        local_time_zone: Text = row.item.local_time.as_ref().and_then(|t| t.time_zone.as_ref()).map(|z| z.as_str()),
    }

    /// One row per person or party spoken of at an event but not present.
    mentions(row: Reference<'_>) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the mention.
        pointer: Key = row.pointer,
        /// The event.
        event_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the event's list, from 0.
        mention_index: Index = row.index,
        /// What is mentioned: `person`, `party` or `delegation`.
        actor_type: Text = Some(row.item.kind),
        /// Its local id.
        actor_id: Text = Some(row.item.id),
    }

    /// One row per party: a state, organisation, organ, company or group.
    parties(row: Party) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the party.
        pointer: Key = row.pointer,
        /// The party's local id.
        party_id: Key = row.item.id.as_str(),
        /// What kind of party: `state`, `polity`, `international_organisation`, `organ`, `group_of_states`, `public_body`, `company` or `non_state_actor`.
        kind: Text = Some(row.item.kind.as_str()),
        /// Its name.
        name: Text = text(row.item.name.as_ref()),
        /// A description, for an unnamed party.
        description: Text = text(row.item.description.as_ref()),
        /// Its country code: a state's own, or the country a body, company or group belongs to.
        country: Text = row.item.country().map(|c| c.as_str()),
        /// The party it is part of: a public body's or company's parent, an organ's organisation.
        parent_party_id: Text = match &row.item.kind {
            PartyKind::PublicBody { parent, .. } | PartyKind::Company { parent, .. } => id(parent.as_ref()),
            PartyKind::Organ { organisation, .. } => Some(organisation.as_str()),
            _ => None,
        },
        /// How many organisations the row stands for, when several unnamed ones.
        count: CountColumns = row.item.count.as_ref(),
        /// Its Wikidata item (`Q227`).
        wikidata: Text = id(row.item.external_ids.wikidata.as_ref()),
    }

    /// One row per other name or abbreviation of a party.
    aliases(row: RecordText) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the alias.
        pointer: Key = row.pointer,
        /// The party.
        party_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the party's list, from 0.
        alias_index: Index = row.index,
        /// The other name ("SSB").
        alias: Text = Some(row.item.as_str()),
    }

    /// One row per member named of an organisation, organ or group of states.
    party_members(row: str) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the member.
        pointer: Key = row.pointer,
        /// The organisation, organ or group.
        party_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        member_index: Index = row.index,
        /// The member, a party of the record.
        member_party_id: Key = row.item,
    }

    /// One row per field of activity of a party or an agreement.
    sectors(row: RecordText) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the sector.
        pointer: Key = row.pointer,
        /// The local id of the party or agreement.
        item_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        sector_index: Index = row.index,
        /// The sector, in words ("defence industry").
        sector: Text = Some(row.item.as_str()),
    }

    /// One row per identifier of a party or person in a scheme other than Wikidata.
    external_ids(row: (&ExtensionKey, &RecordText)) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the id.
        pointer: Key = row.pointer,
        /// The local id of the party or person.
        item_id: Key = row.owner.unwrap_or_default(),
        /// The namespaced scheme (`icews:actor_id`).
        scheme: Text = Some(row.item.0.as_str()),
        /// The identifier in that scheme.
        external_id: Text = Some(row.item.1.as_str()),
    }

    /// One row per person, named or described.
    people(row: Person) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the person.
        pointer: Key = row.pointer,
        /// The person's local id.
        person_id: Key = row.item.id.as_str(),
        /// The canonical form of their name.
        name: Text = text(row.item.name.as_ref()),
        /// Who they are, when unnamed ("the CEO of ASELSAN").
        description: Text = text(row.item.description.as_ref()),
        /// Their Wikidata item: the key to find the same person in other records.
        wikidata: Text = id(row.item.external_ids.wikidata.as_ref()),
    }

    /// One row per other form of a person's name.
    name_variants(row: NameVariant) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the variant.
        pointer: Key = row.pointer,
        /// The person.
        person_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the person's list, from 0.
        variant_index: Index = row.index,
        /// The name in this form.
        name: Text = Some(row.item.name.as_str()),
        /// What kind of form: `spelling`, `transliteration`, `native_script`, `former` or `informal`.
        kind: Text = Some(row.item.kind.as_str()),
        /// Its language or script (BCP 47).
        language: Text = row.item.language.as_ref().map(|l| l.as_str()),
    }

    /// One row per position a person held at the time of the event.
    positions(row: Position) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the position.
        pointer: Key = row.pointer,
        /// The person.
        person_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the person's list, from 0.
        position_index: Index = row.index,
        /// The title as given ("Minister of Defense").
        title: Text = Some(row.item.title.as_str()),
        /// The party the position is held in or for.
        organisation: Text = id(row.item.organisation.as_ref()),
        /// For an envoy, the party accredited to.
        accredited_to: Text = id(row.item.accredited_to.as_ref()),
    }

    /// One row per delegation.
    delegations(row: Delegation) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the delegation.
        pointer: Key = row.pointer,
        /// The delegation's local id.
        delegation_id: Key = row.item.id.as_str(),
        /// The party it represents.
        represents: Text = Some(row.item.represents.as_str()),
        /// Its name, when given.
        name: Text = text(row.item.name.as_ref()),
        /// Whether its members are all listed: true, false, or empty when the source does not say.
        members_complete: Flag = row.item.members_complete,
        /// Its size.
        size: CountColumns = row.item.size.as_ref(),
    }

    /// One row per member of a delegation, the head first.
    delegation_members(row: DelegationMember) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the member (`/delegations/0/head`, `/delegations/0/members/2`).
        pointer: Key = row.pointer,
        /// The delegation.
        delegation_id: Key = row.owner.unwrap_or_default(),
        /// Its position: 0 for the head, then the other members in order (from 1 when there is a head).
        member_index: Index = row.index,
        /// Whether the member is the head.
        is_head: Flag = Some(row.pointer.ends_with("/head")),
        /// What the member is: `person` or `party`.
        member_type: Text = Some(Reference::member(&row.item.member).kind),
        /// The member's local id.
        member_id: Text = Some(Reference::member(&row.item.member).id),
        /// Their role in the delegation, in the source's words.
        role: Text = text(row.item.role.as_ref()),
        /// The party they come from, when not the one represented.
        affiliation: Text = id(row.item.affiliation.as_ref()),
    }

    /// One row per statement.
    statements(row: Statement) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the statement.
        pointer: Key = row.pointer,
        /// The statement's local id.
        statement_id: Key = row.item.id.as_str(),
        /// The event at which it was said.
        event_id: Text = id(row.item.event.as_ref()),
        /// How the source reports it: a listed verb (`stressed`) or the words of another.
        reporting_verb: Text = Some(row.item.reporting_verb.as_str()),
        /// `quote` or `paraphrase`.
        mode: Text = Some(row.item.mode.as_str()),
        /// What was said.
        text: Text = Some(row.item.text.as_str()),
        /// The language of the text (BCP 47).
        language: Text = row.item.language.as_ref().map(|l| l.as_str()),
    }

    /// One row per speaker of a statement.
    speakers(row: Reference<'_>) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the speaker.
        pointer: Key = row.pointer,
        /// The statement.
        statement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        speaker_index: Index = row.index,
        /// `person`, `party` or `delegation`.
        actor_type: Text = Some(row.item.kind),
        /// The speaker's local id.
        actor_id: Text = Some(row.item.id),
    }

    /// One row per addressee of a statement.
    addressees(row: Reference<'_>) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the addressee.
        pointer: Key = row.pointer,
        /// The statement.
        statement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        addressee_index: Index = row.index,
        /// `person`, `party` or `delegation`.
        actor_type: Text = Some(row.item.kind),
        /// The addressee's local id.
        actor_id: Text = Some(row.item.id),
    }

    /// One row per subject of a statement: who or what it is about.
    subjects(row: Reference<'_>) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the subject.
        pointer: Key = row.pointer,
        /// The statement.
        statement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        subject_index: Index = row.index,
        /// `person`, `party`, `delegation`, `agreement`, `event`, `outcome` or `topic`.
        subject_type: Text = Some(row.item.kind),
        /// The subject's local id, or for a topic its words.
        subject: Text = Some(row.item.id),
    }

    /// One row per agreement or act.
    agreements(row: Agreement) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the agreement.
        pointer: Key = row.pointer,
        /// The agreement's local id.
        agreement_id: Key = row.item.id.as_str(),
        /// What kind of document: a listed value (`memorandum_of_understanding`) or the words of another.
        kind: Text = Some(row.item.kind.as_str()),
        /// Its title.
        title: Text = text(row.item.title.as_ref()),
        /// How far it has gone: `signed`, `ratified`, `in_force`...
        status: Text = row.item.status.as_ref().map(|s| s.as_str()),
        /// How many documents the row stands for.
        count: CountColumns = row.item.count.as_ref(),
        /// Whether `agreement_parties` lists all its parties.
        parties_complete: Flag = row.item.parties_complete,
        /// Its registration number with a treaty registry.
        registration_number: Text = text(row.item.registration_number.as_ref()),
    }

    /// One row per party bound by an agreement.
    agreement_parties(row: str) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the party's entry.
        pointer: Key = row.pointer,
        /// The agreement.
        agreement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        party_index: Index = row.index,
        /// The party.
        party_id: Key = row.item,
    }

    /// One row per signatory of an agreement.
    signatories(row: Signatory) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the signatory.
        pointer: Key = row.pointer,
        /// The agreement.
        agreement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        signatory_index: Index = row.index,
        /// Who signed.
        person_id: Key = row.item.person.as_str(),
        /// The party they signed for.
        acting_for: Text = Some(row.item.acting_for.as_str()),
        /// When they signed, if apart from the agreement's signing step.
        date: DateColumns = row.item.date.as_ref(),
        /// The event at which they signed.
        event_id: Text = id(row.item.event.as_ref()),
    }

    /// One row per dated step of an agreement's life.
    steps(row: AgreementStep) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the step.
        pointer: Key = row.pointer,
        /// The agreement.
        agreement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        step_index: Index = row.index,
        /// Which step: a listed value (`signed`, `entered_into_force`) or the words of another.
        step: Text = Some(row.item.step.as_str()),
        /// When.
        date: DateColumns = row.item.date.as_ref(),
        /// The party that took it, for a per-party step.
        party_id: Text = id(row.item.party.as_ref()),
        /// The event during which it happened.
        event_id: Text = id(row.item.event.as_ref()),
        /// The country where it happened, when no event says.
        country: Text = row.item.country.as_ref().map(|c| c.as_str()),
    }

    /// One row per mediator, witness, guarantor or other third party of an agreement.
    third_parties(row: ThirdParty) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the entry.
        pointer: Key = row.pointer,
        /// The agreement.
        agreement_id: Key = row.owner.unwrap_or_default(),
        /// Its position in the list, from 0.
        third_party_index: Index = row.index,
        /// `person`, `party` or `delegation`.
        actor_type: Text = Some(Reference::actor(&row.item.actor).kind),
        /// Its local id.
        actor_id: Text = Some(Reference::actor(&row.item.actor).id),
        /// Its role: a listed value (`mediator`, `depositary`) or the words of another.
        role: Text = Some(row.item.role.as_str()),
    }

    /// One row per reference from an agreement to another of the record.
    related_agreements(row: RelatedAgreement) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the reference.
        pointer: Key = row.pointer,
        /// The referring agreement.
        agreement_id: Key = row.owner.unwrap_or_default(),
        /// What it is or does to the other: a listed value (`amends`, `supersedes`) or the words of another.
        relation: Text = Some(row.item.relation.as_str()),
        /// The agreement referred to.
        related_agreement_id: Key = row.item.agreement.as_str(),
    }

    /// One row per outcome: a change of membership, relations or recognition, an appointment, an accreditation.
    outcomes(row: Outcome) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the outcome.
        pointer: Key = row.pointer,
        /// The outcome's local id.
        outcome_id: Key = row.item.id.as_str(),
        /// `membership`, `diplomatic_relations`, `recognition`, `appointment` or `accreditation`.
        kind: Text = Some(row.item.kind.as_str()),
        /// What changed: a membership change (`admitted`), a relations change (`severed`) or a recognition change (`granted`).
        change: Text = match &row.item.kind {
            OutcomeKind::Membership(m) => Some(m.change.as_str()),
            OutcomeKind::DiplomaticRelations(r) => Some(r.change.as_str()),
            OutcomeKind::Recognition(r) => Some(r.change.as_str()),
            _ => None,
        },
        /// The party it is about: the member, the first of two parties, the recognising party, the party an envoy is accredited to.
        party_id: Text = match &row.item.kind {
            OutcomeKind::Membership(m) => Some(m.member.as_str()),
            OutcomeKind::DiplomaticRelations(r) => r.parties.first().map(|p| p.as_str()),
            OutcomeKind::Recognition(r) => Some(r.by.as_str()),
            OutcomeKind::Accreditation(a) => Some(a.accredited_to.as_str()),
            _ => None,
        },
        /// The other party: the organisation joined, the second of two parties, the party recognised, the party an envoy acts for, the party that appointed.
        other_party_id: Text = match &row.item.kind {
            OutcomeKind::Membership(m) => Some(m.organisation.as_str()),
            OutcomeKind::DiplomaticRelations(r) => r.parties.get(1).map(|p| p.as_str()),
            OutcomeKind::Recognition(r) => Some(r.of.as_str()),
            OutcomeKind::Accreditation(a) => id(a.acting_for.as_ref()),
            OutcomeKind::Appointment(a) => id(a.appointed_by.as_ref()),
        },
        /// Where relations stand after the change, or what a party is recognised as (`state`, `government`).
        status: Text = match &row.item.kind {
            OutcomeKind::DiplomaticRelations(r) => r.status.as_ref().map(|s| s.as_str()),
            OutcomeKind::Recognition(r) => Some(r.recognised_as.as_str()),
            _ => None,
        },
        /// The person appointed or accredited.
        person_id: Text = match &row.item.kind {
            OutcomeKind::Appointment(a) => Some(a.person.as_str()),
            OutcomeKind::Accreditation(a) => Some(a.envoy.as_str()),
            _ => None,
        },
        /// The position's title, for an appointment.
        position_title: Text = match &row.item.kind {
            OutcomeKind::Appointment(a) => Some(a.position.title.as_str()),
            _ => None,
        },
        /// The position's organisation, for an appointment.
        position_organisation: Text = match &row.item.kind {
            OutcomeKind::Appointment(a) => id(a.position.organisation.as_ref()),
            _ => None,
        },
        /// The party the position is accredited to, for an appointment.
        position_accredited_to: Text = match &row.item.kind {
            OutcomeKind::Appointment(a) => id(a.position.accredited_to.as_ref()),
            _ => None,
        },
        /// Who received an envoy's credentials.
        received_by: Text = match &row.item.kind {
            OutcomeKind::Accreditation(a) => id(a.received_by.as_ref()),
            _ => None,
        },
        /// When it took effect.
        date: DateColumns = row.item.date.as_ref(),
        /// The event at which it happened.
        event_id: Text = id(row.item.event.as_ref()),
        /// More about it, in words.
        description: Text = text(row.item.description.as_ref()),
    }

    /// One row per relation between two parties as of a date: diplomatic relations, recognition.
    relations(row: Relation) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the relation.
        pointer: Key = row.pointer,
        /// Its position in the record's list, from 0.
        relation_index: Index = row.index,
        /// `diplomatic_relations` or `recognition`.
        kind: Text = Some(row.item.kind.as_str()),
        /// One party: the first of two, or the recognising party.
        party_id: Text = match &row.item.kind {
            RelationKind::DiplomaticRelations(r) => r.parties.first().map(|p| p.as_str()),
            RelationKind::Recognition(r) => Some(r.by.as_str()),
        },
        /// The other: the second of two, or the party recognised.
        other_party_id: Text = match &row.item.kind {
            RelationKind::DiplomaticRelations(r) => r.parties.get(1).map(|p| p.as_str()),
            RelationKind::Recognition(r) => Some(r.of.as_str()),
        },
        /// Where relations stood (`established`, `severed`...), or what the party is recognised as (`state`, `government`).
        status: Text = match &row.item.kind {
            RelationKind::DiplomaticRelations(r) => Some(r.status.as_str()),
            RelationKind::Recognition(r) => Some(r.recognised_as.as_str()),
        },
        /// For recognition, whether it was given (false for non-recognition).
        recognised: Flag = match &row.item.kind {
            RelationKind::Recognition(r) => Some(r.recognised),
            RelationKind::DiplomaticRelations(_) => None,
        },
        /// The date it is reported for.
        as_of: DateColumns = row.item.as_of.as_ref(),
        /// More about it, in words.
        description: Text = text(row.item.description.as_ref()),
    }

    /// One row per source document.
    sources(row: Source) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the source.
        pointer: Key = row.pointer,
        /// The source's local id.
        source_id: Key = row.item.id.as_str(),
        /// Who published it.
        publisher: Text = text(row.item.publisher.as_ref()),
        /// Where it can be read.
        url: Text = row.item.url.as_ref().map(|u| u.as_str()),
        /// Its title or headline.
        title: Text = text(row.item.title.as_ref()),
        /// The language it is written in (BCP 47).
        language: Text = row.item.language.as_ref().map(|l| l.as_str()),
        /// When it was published.
        published_at: DateColumns = row.item.published_at.as_ref(),
        /// When it was read for the record.
        retrieved_at: DateColumns = row.item.retrieved_at.as_ref(),
        /// Its identifier within its collection.
        identifier: Text = text(row.item.identifier.as_ref()),
    }

    /// One row per citation: an item (any row above, or a count's or duration's report) that names a source. An item without its own sources is reported by all of the record's.
    citations(row: SourceId) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the citing item: the `pointer` of its row (`/agreements/0/steps/1`), or of a count or duration (`/parties/2/count`).
        pointer: Key = row.pointer,
        /// The source, in `sources`.
        source_id: Key = row.item.as_str(),
    }

    /// One row per report of a disputed count or duration: what one source says.
    reports(row: Report<'_>) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the report (`/agreements/0/count/reports/1`).
        pointer: Key = row.pointer,
        /// Its position among the reports, from 0.
        report_index: Index = row.index,
        /// `exact`, `approximate`, `at_least`, `at_most` or `unknown`.
        kind: Text = Some(row.item.kind),
        /// The number, or the length as an ISO 8601 duration.
        value: Text = row.item.value.as_deref(),
        /// The source's words for it.
        as_written: Text = row.item.as_written,
    }

    /// One row per extension: namespaced extra data on the record or one of its items.
    extensions(row: (&ExtensionKey, &ExtensionValue)) {
        /// The record's id.
        record_id: Key = row.record_id,
        /// The JSON Pointer of the object the extension is on (empty for the record).
        pointer: Key = row.pointer,
        /// The namespaced key (`org.example:score`).
        key: Text = Some(row.item.0.as_str()),
        /// The value, as JSON text exactly as in the record.
        value_json: Text = Some(row.item.1.json()),
    }
}

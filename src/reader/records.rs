//! The record's structures, read field by field.
//!
//! Each reader lists its struct's fields once, with how to read each and
//! whether it is required, optional or defaults to empty, as the serde
//! attributes on the struct say. A field twice, an unknown field or a
//! missing required one gives up, and serde then names the problem.

use super::{Bail, Read, Reader, once};
use crate::{
    Actor, Agreement, AgreementStep, Delegation, DelegationMember, Event, Member, NameVariant,
    Participation, Party, Period, Person, Place, Position, Record, Signatory, Source, Statement,
    Subject, ThirdParty,
};

/// Reads an object into a struct, field by field.
///
/// Each field is `name: required | optional | default`, optionally followed
/// by how to read its value in brackets: `[with f]` (a reader function),
/// `[list]` or `[list f]` (a list of values read with serde or with `f`),
/// `[bool]`. Without brackets the value is read with its serde code.
macro_rules! read_struct {
    ($reader:expr, $type:ident { $($field:ident: $how:ident $([$($read:tt)*])?),* $(,)? }) => {{
        $(let mut $field = None;)*
        $reader.object(|reader, key| match key {
            $(key if key == stringify!($field) =>
                once(&mut $field, read_struct!(@read reader $($($read)*)?)),)*
            _ => Err(Bail),
        })?;
        Ok($type { $($field: read_struct!(@finish $how $field),)* })
    }};
    (@read $reader:ident) => { $reader.serde() };
    (@read $reader:ident with $read:ident) => { self::$read($reader) };
    (@read $reader:ident list) => { $reader.list(|reader| reader.serde()) };
    (@read $reader:ident list $read:ident) => { $reader.list(self::$read) };
    (@read $reader:ident bool) => { $reader.bool() };
    (@finish required $field:ident) => { $field.ok_or(Bail)? };
    (@finish optional $field:ident) => { $field };
    (@finish default $field:ident) => { $field.unwrap_or_default() };
}

/// Reads a one-key object such as `{"person": "gorgun"}` into an enum.
macro_rules! read_one_key {
    ($reader:expr, $type:ident { $($key:literal => $variant:ident),* $(,)? }) => {{
        let mut value = None;
        $reader.object(|reader, key| match key {
            $($key => once(&mut value, reader.serde().map($type::$variant)),)*
            _ => Err(Bail),
        })?;
        value.ok_or(Bail)
    }};
}

/// Reads a whole record.
pub(crate) fn record(reader: &mut Reader<'_>) -> Read<Record> {
    read_struct!(reader, Record {
        format_version: required,
        id: required,
        event: required [with event],
        parties: default [list party],
        people: default [list person],
        delegations: default [list delegation],
        statements: default [list statement],
        agreements: default [list agreement],
        sources: default [list source],
        extensions: default,
    })
}

fn event(reader: &mut Reader<'_>) -> Read<Event> {
    read_struct!(reader, Event {
        id: required,
        kind: required,
        title: optional,
        description: optional,
        time: optional [with period],
        place: optional [with place],
        modality: optional,
        participants: default [list participation],
        mentioned: default [list actor],
        topics: default [list],
        parts: default [list event],
        sources: default [list],
        extensions: default,
    })
}

fn period(reader: &mut Reader<'_>) -> Read<Period> {
    read_struct!(reader, Period { start: optional, end: optional })
}

fn place(reader: &mut Reader<'_>) -> Read<Place> {
    read_struct!(
        reader,
        Place {
            venue: optional,
            locality: optional,
            region: optional,
            country: optional,
            coordinates: optional,
            geonames_id: optional,
        }
    )
}

fn participation(reader: &mut Reader<'_>) -> Read<Participation> {
    read_struct!(reader, Participation {
        participant: required [with actor],
        role: required,
        acting_for: optional,
    })
}

fn actor(reader: &mut Reader<'_>) -> Read<Actor> {
    read_one_key!(reader, Actor { "person" => Person, "party" => Party, "delegation" => Delegation })
}

fn subject(reader: &mut Reader<'_>) -> Read<Subject> {
    read_one_key!(reader, Subject {
        "person" => Person,
        "party" => Party,
        "delegation" => Delegation,
        "agreement" => Agreement,
        "event" => Event,
        "topic" => Topic,
    })
}

fn party(reader: &mut Reader<'_>) -> Read<Party> {
    read_struct!(
        reader,
        Party {
            id: required,
            kind: required,
            name: optional,
            aliases: default[list],
            description: optional,
            sectors: default[list],
            count: optional,
            external_ids: default,
            extensions: default,
        }
    )
}

fn person(reader: &mut Reader<'_>) -> Read<Person> {
    read_struct!(reader, Person {
        id: required,
        name: optional,
        name_variants: default [list name_variant],
        description: optional,
        positions: default [list position],
        external_ids: default,
        extensions: default,
    })
}

fn name_variant(reader: &mut Reader<'_>) -> Read<NameVariant> {
    read_struct!(reader, NameVariant { name: required, kind: required, language: optional })
}

fn position(reader: &mut Reader<'_>) -> Read<Position> {
    read_struct!(
        reader,
        Position { title: required, organisation: optional, accredited_to: optional }
    )
}

fn delegation(reader: &mut Reader<'_>) -> Read<Delegation> {
    read_struct!(reader, Delegation {
        id: required,
        represents: required,
        name: optional,
        head: optional [with delegation_member],
        members: default [list delegation_member],
        members_complete: optional [bool],
        size: optional,
        extensions: default,
    })
}

fn delegation_member(reader: &mut Reader<'_>) -> Read<DelegationMember> {
    read_struct!(reader, DelegationMember {
        member: required [with member],
        role: optional,
        affiliation: optional,
    })
}

fn member(reader: &mut Reader<'_>) -> Read<Member> {
    read_one_key!(reader, Member { "person" => Person, "party" => Party })
}

fn statement(reader: &mut Reader<'_>) -> Read<Statement> {
    read_struct!(reader, Statement {
        id: required,
        speakers: required [list actor],
        event: optional,
        reporting_verb: required,
        mode: required,
        text: required,
        language: optional,
        addressees: default [list actor],
        about: default [list subject],
        sources: default [list],
        extensions: default,
    })
}

fn agreement(reader: &mut Reader<'_>) -> Read<Agreement> {
    read_struct!(reader, Agreement {
        id: required,
        kind: required,
        title: optional,
        status: optional,
        count: optional,
        parties: default [list],
        parties_complete: optional [bool],
        signatories: default [list signatory],
        third_parties: default [list third_party],
        steps: default [list agreement_step],
        sectors: default [list],
        registration_number: optional,
        extensions: default,
    })
}

fn signatory(reader: &mut Reader<'_>) -> Read<Signatory> {
    read_struct!(
        reader,
        Signatory { person: required, acting_for: required, date: optional, event: optional }
    )
}

fn third_party(reader: &mut Reader<'_>) -> Read<ThirdParty> {
    read_struct!(reader, ThirdParty { actor: required [with actor], role: required })
}

fn agreement_step(reader: &mut Reader<'_>) -> Read<AgreementStep> {
    read_struct!(
        reader,
        AgreementStep {
            step: required,
            date: optional,
            party: optional,
            event: optional,
            country: optional,
        }
    )
}

fn source(reader: &mut Reader<'_>) -> Read<Source> {
    read_struct!(
        reader,
        Source {
            id: required,
            publisher: optional,
            url: optional,
            title: optional,
            language: optional,
            published_at: optional,
            retrieved_at: optional,
            identifier: optional,
            extensions: default,
        }
    )
}

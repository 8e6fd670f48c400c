//! The record's structures, read field by field.
//!
//! Each struct lists its fields once, each required, optional or empty by
//! default as the serde attributes on the struct say, and a test holds the
//! lists to the generated schema's properties and required fields. A field
//! twice, an unknown field or a missing required one gives up, and serde
//! then names the problem.

use super::{Bail, Read, ReadValue, Reader, once};
use crate::{
    Actor, Agreement, AgreementStep, Delegation, DelegationMember, Event, Member, NameVariant,
    Participation, Party, Period, Person, Place, Position, Record, Signatory, Source, Statement,
    Subject, ThirdParty,
};

/// Implements [`ReadValue`] for a struct from its object, field by field.
/// Each field is `name: required | optional | default`, as its serde
/// attributes say; every value is read with its type's [`ReadValue`].
macro_rules! read_struct {
    ($type:ident { $($field:ident: $how:ident),* $(,)? }) => {
        impl ReadValue for $type {
            fn read(reader: &mut Reader<'_>) -> Read<Self> {
                const NAMES: &[&str] = &[$(stringify!($field)),*];
                $(let mut $field = None;)*
                reader.fields(NAMES, |reader, index| {
                    let mut at = 0;
                    $(
                        if index == at {
                            return once(&mut $field, ReadValue::read(reader));
                        }
                        at += 1;
                    )*
                    let _ = at;
                    Err(Bail)
                })?;
                Ok($type { $($field: read_struct!(@finish $how $field),)* })
            }
        }

        #[cfg(all(test, feature = "schema"))]
        impl tests::Fields for $type {
            const NAME: &'static str = stringify!($type);
            const FIELDS: &'static [(&'static str, bool)] =
                &[$((stringify!($field), read_struct!(@required $how))),*];
        }
    };
    (@required required) => { true };
    (@required $how:ident) => { false };
    (@finish required $field:ident) => { $field.ok_or(Bail)? };
    (@finish optional $field:ident) => { $field };
    (@finish default $field:ident) => { $field.unwrap_or_default() };
}

/// Reads a one-key object such as `{"person": "gorgun"}` into an enum.
macro_rules! read_one_key {
    ($type:ident { $($key:literal => $variant:ident),* $(,)? }) => {
        impl ReadValue for $type {
            fn read(reader: &mut Reader<'_>) -> Read<Self> {
                let mut value = None;
                reader.object(|reader, key| match key {
                    $($key => once(&mut value, ReadValue::read(reader).map($type::$variant)),)*
                    _ => Err(Bail),
                })?;
                value.ok_or(Bail)
            }
        }
    };
}

read_struct!(Record {
    format_version: required,
    id: required,
    event: required,
    parties: default,
    people: default,
    delegations: default,
    statements: default,
    agreements: default,
    sources: default,
    extensions: default,
});

read_struct!(Event {
    id: required,
    kind: required,
    title: optional,
    description: optional,
    time: optional,
    place: optional,
    modality: optional,
    participants: default,
    mentioned: default,
    topics: default,
    parts: default,
    sources: default,
    extensions: default,
});

read_struct!(Period { start: optional, end: optional });

read_struct!(Place {
    venue: optional,
    locality: optional,
    region: optional,
    country: optional,
    coordinates: optional,
    geonames_id: optional,
});

read_struct!(Participation { participant: required, role: required, acting_for: optional });

read_one_key!(Actor { "person" => Person, "party" => Party, "delegation" => Delegation });

read_one_key!(Subject {
    "person" => Person,
    "party" => Party,
    "delegation" => Delegation,
    "agreement" => Agreement,
    "event" => Event,
    "topic" => Topic,
});

read_struct!(Party {
    id: required,
    kind: required,
    name: optional,
    aliases: default,
    description: optional,
    sectors: default,
    count: optional,
    external_ids: default,
    extensions: default,
});

read_struct!(Person {
    id: required,
    name: optional,
    name_variants: default,
    description: optional,
    positions: default,
    external_ids: default,
    extensions: default,
});

read_struct!(NameVariant { name: required, kind: required, language: optional });

read_struct!(Position { title: required, organisation: optional, accredited_to: optional });

read_struct!(Delegation {
    id: required,
    represents: required,
    name: optional,
    head: optional,
    members: default,
    members_complete: optional,
    size: optional,
    extensions: default,
});

read_struct!(DelegationMember { member: required, role: optional, affiliation: optional });

read_one_key!(Member { "person" => Person, "party" => Party });

read_struct!(Statement {
    id: required,
    speakers: required,
    event: optional,
    reporting_verb: required,
    mode: required,
    text: required,
    language: optional,
    addressees: default,
    about: default,
    sources: default,
    extensions: default,
});

read_struct!(Agreement {
    id: required,
    kind: required,
    title: optional,
    status: optional,
    count: optional,
    parties: default,
    parties_complete: optional,
    signatories: default,
    third_parties: default,
    steps: default,
    sectors: default,
    registration_number: optional,
    extensions: default,
});

read_struct!(Signatory { person: required, acting_for: required, date: optional, event: optional });

read_struct!(ThirdParty { actor: required, role: required });

read_struct!(AgreementStep {
    step: required,
    date: optional,
    party: optional,
    event: optional,
    country: optional,
});

read_struct!(Source {
    id: required,
    publisher: optional,
    url: optional,
    title: optional,
    language: optional,
    published_at: optional,
    retrieved_at: optional,
    identifier: optional,
    extensions: default,
});

#[cfg(all(test, feature = "schema"))]
mod tests {
    use super::*;

    /// A struct's fields as the reader knows them: name, and whether required.
    pub(super) trait Fields {
        const NAME: &'static str;
        const FIELDS: &'static [(&'static str, bool)];
    }

    /// The reader's field lists against the schema, which schemars derives
    /// from the same serde attributes: the same fields, the same required.
    /// A field the reader did not know would only make it give up; a field
    /// it took for optional while serde requires it would let it accept
    /// what serde refuses.
    fn check<T: Fields>(schema: &serde_json::Value) {
        let pointer =
            if T::NAME == "Record" { String::new() } else { format!("/$defs/{}", T::NAME) };
        let definition =
            schema.pointer(&pointer).unwrap_or_else(|| panic!("{} is in the schema", T::NAME));
        let mut properties: Vec<&str> = definition
            .get("properties")
            .and_then(|p| p.as_object())
            .unwrap_or_else(|| panic!("{} has properties", T::NAME))
            .keys()
            .map(String::as_str)
            .collect();
        let mut required: Vec<&str> = definition
            .get("required")
            .and_then(|r| r.as_array())
            .map(|list| list.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let mut fields: Vec<&str> = T::FIELDS.iter().map(|(name, _)| *name).collect();
        let mut fields_required: Vec<&str> =
            T::FIELDS.iter().filter(|(_, required)| *required).map(|(name, _)| *name).collect();
        for list in [&mut properties, &mut required, &mut fields, &mut fields_required] {
            list.sort_unstable();
        }
        assert_eq!(fields, properties, "{}: fields", T::NAME);
        assert_eq!(fields_required, required, "{}: required fields", T::NAME);
    }

    #[test]
    fn field_lists_match_the_schema() {
        let schema = crate::schema::record_schema();
        check::<Record>(&schema);
        check::<Event>(&schema);
        check::<Period>(&schema);
        check::<Place>(&schema);
        check::<Participation>(&schema);
        check::<Party>(&schema);
        check::<Person>(&schema);
        check::<NameVariant>(&schema);
        check::<Position>(&schema);
        check::<Delegation>(&schema);
        check::<DelegationMember>(&schema);
        check::<Statement>(&schema);
        check::<Agreement>(&schema);
        check::<Signatory>(&schema);
        check::<ThirdParty>(&schema);
        check::<AgreementStep>(&schema);
        check::<Source>(&schema);
    }
}

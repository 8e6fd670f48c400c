//! The record's one-key objects (`{"person": "gorgun"}`), read into their
//! enums, and the test that holds every record struct's fields, as
//! [`record_struct!`](crate::json::declare::record_struct) declares them for
//! the reader, to the generated schema.

use super::{Bail, Read, ReadValue, Reader, once};
use crate::{Actor, Member, OutcomeKind, RelationKind, Subject};

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

read_one_key!(Actor { "person" => Person, "party" => Party, "delegation" => Delegation });

read_one_key!(Subject {
    "person" => Person,
    "party" => Party,
    "delegation" => Delegation,
    "agreement" => Agreement,
    "event" => Event,
    "outcome" => Outcome,
    "topic" => Topic,
});

read_one_key!(OutcomeKind {
    "membership" => Membership,
    "diplomatic_relations" => DiplomaticRelations,
    "recognition" => Recognition,
    "appointment" => Appointment,
    "accreditation" => Accreditation,
});

read_one_key!(RelationKind {
    "diplomatic_relations" => DiplomaticRelations,
    "recognition" => Recognition,
});

read_one_key!(Member { "person" => Person, "party" => Party });

#[cfg(all(test, feature = "schema"))]
mod tests {
    use crate::json::declare::FieldList;
    use crate::{
        Agreement, AgreementStep, Delegation, DelegationMember, Event, NameVariant, Participation,
        Party, Period, Person, Place, Position, Record, Signatory, Source, Statement, ThirdParty,
    };

    /// The reader's field lists against the schema, which schemars derives
    /// from the same serde attributes: the same fields, the same required.
    /// A field the reader did not know would only make it give up; a field
    /// it took for optional while serde requires it would let it accept
    /// what serde refuses.
    fn check<T: FieldList>(schema: &serde_json::Value) -> &'static str {
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
        for (field, helper) in T::HELPERS {
            assert_eq!(*helper, format!("with_{field}"), "{}: the helper of {field}", T::NAME);
        }
        T::NAME
    }

    /// [`ExternalIds`](crate::ExternalIds)' fields as its hand reader knows
    /// them: both optional, neither with a helper of its own here.
    struct ExternalIdsFields;

    impl FieldList for ExternalIdsFields {
        const NAME: &'static str = "ExternalIds";
        const FIELDS: &'static [(&'static str, bool)] = &[("wikidata", false), ("other", false)];
        const HELPERS: &'static [(&'static str, &'static str)] = &[];
    }

    /// The hand reader's list is the one the test checks.
    #[test]
    fn the_external_ids_reader_reads_the_checked_fields() {
        let checked: Vec<&str> = ExternalIdsFields::FIELDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(checked, crate::json::reader::values::EXTERNAL_IDS_FIELDS);
    }

    /// Every struct of the schema with fields of its own is declared with
    /// `record_struct!` and checked here: a struct added to the model but
    /// not to this list fails, rather than going unchecked.
    #[test]
    fn field_lists_match_the_schema() {
        let schema = crate::schema::record_schema();
        let checked = [
            check::<Record>(&schema),
            check::<Event>(&schema),
            check::<Period>(&schema),
            check::<Place>(&schema),
            check::<crate::Area>(&schema),
            check::<Participation>(&schema),
            check::<Party>(&schema),
            check::<Person>(&schema),
            check::<NameVariant>(&schema),
            check::<Position>(&schema),
            check::<Delegation>(&schema),
            check::<DelegationMember>(&schema),
            check::<Statement>(&schema),
            check::<Agreement>(&schema),
            check::<Signatory>(&schema),
            check::<ThirdParty>(&schema),
            check::<AgreementStep>(&schema),
            check::<crate::RelatedAgreement>(&schema),
            check::<Source>(&schema),
            check::<crate::Outcome>(&schema),
            check::<crate::Membership>(&schema),
            check::<crate::RelationsChange>(&schema),
            check::<crate::RecognitionChange>(&schema),
            check::<crate::Appointment>(&schema),
            check::<crate::Accreditation>(&schema),
            check::<crate::Relation>(&schema),
            check::<crate::DiplomaticRelations>(&schema),
            check::<crate::Recognition>(&schema),
        ];
        let structs = schema
            .get("$defs")
            .and_then(|definitions| definitions.as_object())
            .into_iter()
            .flatten()
            .filter(|(_, definition)| {
                definition.get("properties").is_some()
                    && definition.get("additionalProperties")
                        == Some(&serde_json::Value::Bool(false))
            })
            .map(|(name, _)| name.as_str());
        // Read by hand (`values.rs`), with its field list checked here too.
        let external_ids = ExternalIdsFields::NAME;
        check::<ExternalIdsFields>(&schema);
        // The struct the fast reader hands to serde whole, whose serde code
        // is the only reader: its check lives in its type.
        let by_serde = ["Coordinates", external_ids];
        for name in structs {
            assert!(
                checked.contains(&name) || by_serde.contains(&name),
                "{name} is in the schema but not checked here"
            );
        }
    }
}

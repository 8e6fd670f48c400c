//! How the reader reads each type of value: strings through the type's own
//! checked constructor, lists item by item, and the rest with serde.

use super::{Bail, FieldName, Read, ReadValue, Reader, once};
use crate::count::{Qualified, QualifiedWire};
use crate::party::{PartyKindWire, PartyType};
use crate::{
    AgreementId, AgreementKind, AgreementStatus, AreaKind, Coordinates, Count, CountryCode, Date,
    DelegationId, Duration, EventId, EventKind, Extensions, ExternalIds, FormatVersion,
    IsoDuration, LanguageTag, Modality, NameVariantKind, PartyId, PartyKind, PersonId, RecordId,
    ReportingVerb, Role, Sector, SourceId, StatementId, StatementMode, StepKind, Text,
    ThirdPartyRole, TimeZone, Topic, Url,
};

/// Strings read with the type's `parse`, the same check serde runs.
macro_rules! by_parse {
    ($($type:ty),* $(,)?) => {
        $(
            impl ReadValue for $type {
                fn read(reader: &mut Reader<'_>) -> Read<Self> {
                    reader.string(<$type>::parse)
                }
            }
        )*
    };
}

by_parse!(
    RecordId,
    PartyId,
    PersonId,
    DelegationId,
    EventId,
    StatementId,
    AgreementId,
    SourceId,
    crate::OutcomeId,
    Text,
    Date,
    LanguageTag,
    CountryCode,
    Url,
    TimeZone,
    IsoDuration,
);

impl ReadValue for Topic {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        reader.string(Text::parse).map(Topic)
    }
}

impl ReadValue for Sector {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        reader.string(Text::parse).map(Sector)
    }
}

/// Values read with their serde code: the code lists (a string, or
/// `{"other": ...}`), and the types with numbers, maps or tagged forms.
macro_rules! by_serde {
    ($($type:ty),* $(,)?) => {
        $(
            impl ReadValue for $type {
                fn read(reader: &mut Reader<'_>) -> Read<Self> {
                    reader.serde()
                }
            }
        )*
    };
}

by_serde!(
    FormatVersion,
    Modality,
    NameVariantKind,
    StatementMode,
    AgreementStatus,
    crate::MembershipChange,
    crate::RelationsChangeKind,
    crate::RecognitionChangeKind,
    crate::DiplomaticStatus,
    crate::RecognisedAs,
    PartyType,
    crate::count::CountKind,
    Coordinates,
);

/// The open code lists: a listed value's string with its serde code, and
/// `{"other": "..."}` read here, its text checked as serde checks it.
macro_rules! open_code_list {
    ($($type:ty),* $(,)?) => {
        $(
            impl ReadValue for $type {
                fn read(reader: &mut Reader<'_>) -> Read<Self> {
                    if reader.peek() != Some(b'{') {
                        return reader.serde();
                    }
                    let mut text = None;
                    reader.fields(&const { FieldName::all(["other"]) }, |reader, _| once(&mut text, Text::read(reader)))?;
                    text.map(<$type as crate::json::wire_name::OpenCodeList>::other).ok_or(Bail)
                }
            }
        )*
    };
}

open_code_list!(
    EventKind,
    Role,
    ReportingVerb,
    AgreementKind,
    ThirdPartyRole,
    AreaKind,
    StepKind,
    crate::AgreementRelation,
);

/// A JSON integer from 0 to `u64::MAX`, digits only: a fraction, an
/// exponent, a sign or a leading zero gives up, and serde decides.
impl ReadValue for u64 {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        reader.peek();
        let rest = reader.bytes().get(reader.pos..).unwrap_or_default();
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let number = rest.get(..digits).ok_or(Bail)?;
        if digits == 0
            || digits > 20
            || (digits > 1 && number.first() == Some(&b'0'))
            || matches!(rest.get(digits), Some(b'.' | b'e' | b'E'))
        {
            return Err(Bail);
        }
        let mut value: u64 = 0;
        for &digit in number {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(digit - b'0')))
                .ok_or(Bail)?;
        }
        reader.pos += digits;
        Ok(value)
    }
}

/// Read flat, as serde reads it (see `deserialize_qualified`).
fn read_qualified<T>(reader: &mut Reader<'_>) -> Read<T>
where
    T: Qualified + ReadValue,
    T::Value: ReadValue,
{
    let (mut kind, mut value, mut as_written, mut sources, mut reports) =
        (None, None, None, None, None);
    reader.fields(
        &const { FieldName::all(["kind", "value", "as_written", "sources", "reports"]) },
        |reader, index| match index {
            0 => once(&mut kind, ReadValue::read(reader)),
            1 => once(&mut value, ReadValue::read(reader)),
            2 => once(&mut as_written, ReadValue::read(reader)),
            3 => once(&mut sources, ReadValue::read(reader)),
            _ => once(&mut reports, ReadValue::read(reader)),
        },
    )?;
    let kind = kind.ok_or(Bail)?;
    T::from_wire(QualifiedWire { kind, value, as_written, sources, reports }).map_err(|_| Bail)
}

impl ReadValue for Count {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        read_qualified(reader)
    }
}

impl ReadValue for Duration {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        read_qualified(reader)
    }
}

/// The fields of [`ExternalIds`] as its reader below knows them, both
/// optional; a test holds them to the schema, as for the declared structs.
pub(crate) const EXTERNAL_IDS_FIELDS: [&str; 2] = ["wikidata", "other"];

/// The Wikidata item and the other schemes' ids, each key at most once.
impl ReadValue for ExternalIds {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        let (mut wikidata, mut other) = (None, None);
        reader.fields(
            &const { FieldName::all(EXTERNAL_IDS_FIELDS) },
            |reader, index| match index {
                0 => once(&mut wikidata, reader.string(crate::WikidataId::parse)),
                _ => {
                    let mut ids = std::collections::BTreeMap::new();
                    reader.object(|reader, key| {
                        if ids.len() == crate::MAX_ITEMS {
                            return Err(Bail);
                        }
                        let key = crate::ExtensionKey::parse(key).map_err(|_| Bail)?;
                        let id = Text::read(reader)?;
                        match ids.insert(key, id) {
                            None => Ok(()),
                            Some(_) => Err(Bail),
                        }
                    })?;
                    once(&mut other, Ok(ids))
                }
            },
        )?;
        Ok(ExternalIds { wikidata, other: other.unwrap_or_default() })
    }
}

/// Read flat, as serde reads it (see `PartyKindWire`).
impl ReadValue for PartyKind {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        let (mut kind, mut country, mut parent, mut organisation, mut members) =
            (None, None, None, None, None);
        reader.fields(
            &const { FieldName::all(["type", "country", "parent", "organisation", "members"]) },
            |reader, index| match index {
                0 => once(&mut kind, ReadValue::read(reader)),
                1 => once(&mut country, ReadValue::read(reader)),
                2 => once(&mut parent, ReadValue::read(reader)),
                3 => once(&mut organisation, ReadValue::read(reader)),
                _ => once(&mut members, ReadValue::read(reader)),
            },
        )?;
        PartyKindWire { kind: kind.ok_or(Bail)?, country, parent, organisation, members }
            .into_kind()
            .map_err(|_| Bail)
    }
}

/// Read key by key, each value's text checked as serde's path checks it
/// ([`ExtensionValue`](crate::ExtensionValue)); a value only the full check
/// can vouch for, a key with an escape or a key repeated gives up.
impl ReadValue for Extensions {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        let mut extensions = Extensions::default();
        reader.object(|reader, key| {
            if extensions.len() == crate::MAX_ITEMS {
                return Err(Bail);
            }
            let key = crate::ExtensionKey::parse(key).map_err(|_| Bail)?;
            let value = crate::ExtensionValue::from_plain_text(reader.raw_value()?).ok_or(Bail)?;
            if extensions.insert_new(key, value) { Ok(()) } else { Err(Bail) }
        })?;
        Ok(extensions)
    }
}

impl ReadValue for bool {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        reader.bool()
    }
}

impl<T: ReadValue> ReadValue for Box<T> {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        T::read(reader).map(Box::new)
    }
}

/// A pair, as `[a, b]`: any other length gives up, and serde says why.
impl<T: ReadValue> ReadValue for [T; 2] {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        let items: Vec<T> = reader.list(T::read)?;
        <[T; 2]>::try_from(items).map_err(|_| Bail)
    }
}

impl<T: ReadValue> ReadValue for Vec<T> {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        reader.list(T::read)
    }
}

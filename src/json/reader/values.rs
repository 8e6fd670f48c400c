//! How the reader reads each type of value: strings through the type's own
//! checked constructor, lists item by item, and the rest with serde.

use super::{Bail, Read, ReadValue, Reader, once};
use crate::party::{PartyKindWire, PartyType};
use crate::{
    AgreementId, AgreementKind, AgreementStatus, Coordinates, Count, CountryCode, Date,
    DelegationId, EventId, EventKind, Extensions, ExternalIds, FormatVersion, LanguageTag,
    Modality, NameVariantKind, PartyId, PartyKind, PersonId, RecordId, ReportingVerb, Role, Sector,
    SourceId, StatementId, StatementMode, StepKind, Text, ThirdPartyRole, Topic, Url,
};

/// Strings read with the type's `parse`, the same check serde runs.
macro_rules! by_parse {
    ($($type:ty),* $(,)?) => {
        $(
            impl ReadValue for $type {
                #[inline]
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
    Text,
    Date,
    LanguageTag,
    CountryCode,
    Url,
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
    EventKind,
    Modality,
    Role,
    NameVariantKind,
    StatementMode,
    ReportingVerb,
    AgreementKind,
    AgreementStatus,
    ThirdPartyRole,
    StepKind,
    PartyType,
    Count,
    ExternalIds,
    Coordinates,
    u64,
);

/// Read flat, as serde reads it (see `PartyKindWire`).
impl ReadValue for PartyKind {
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        let (mut kind, mut country, mut parent, mut members) = (None, None, None, None);
        reader.object(|reader, key| match key {
            "type" => once(&mut kind, ReadValue::read(reader)),
            "country" => once(&mut country, ReadValue::read(reader)),
            "parent" => once(&mut parent, ReadValue::read(reader)),
            "members" => once(&mut members, ReadValue::read(reader)),
            _ => Err(Bail),
        })?;
        PartyKindWire { kind: kind.ok_or(Bail)?, country, parent, members }
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

impl<T: ReadValue> ReadValue for Vec<T> {
    #[inline]
    fn read(reader: &mut Reader<'_>) -> Read<Self> {
        reader.list(T::read)
    }
}

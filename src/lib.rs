//! Typed, strict records of diplomatic events: visits, meetings, summits and
//! calls, the parties, delegations and people in them, what they said, and the
//! agreements they signed.
//!
//! ```
//! use diplomatic_events::Record;
//!
//! let json = std::fs::read_to_string("examples/records/baku-2024-04-02.json")?;
//! let record = Record::from_json(&json)?;
//!
//! let visit = &record.event;
//! assert_eq!(visit.parts.len(), 2);
//! let head = record.delegations[0].head.as_ref();
//! assert!(head.is_some());
//! // Canonical output is byte-stable.
//! assert_eq!(record.to_json_pretty()?, json);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! A [`Record`] holds one [`Event`] (with its [`parts`](Event::parts), in
//! order) and the items the event involves, each with a local id:
//!
//! | item | type | refers to |
//! | --- | --- | --- |
//! | states, organisations, companies, groups | [`Party`] ([`PartyKind`]) | parent bodies, member states |
//! | people, named or only described | [`Person`] | parties they hold [`Position`]s in |
//! | delegations | [`Delegation`] | the party represented; head and members |
//! | who took part, in what role | [`Participation`] ([`Role`]) | a person, party or delegation ([`Actor`]) |
//! | what was said | [`Statement`] | speakers, the meeting, addressees, [`Subject`]s |
//! | agreements | [`Agreement`] | parties, [`Signatory`]s, dated [`AgreementStep`]s |
//! | sources | [`Source`] | |
//!
//! Uncertainty is said, never guessed: a [`Count`] is exact, approximate, a
//! lower bound or unknown; a [`Date`] has a [`Precision`]; a member list says
//! whether it is complete; a party or person may be unnamed but described.
//!
//! # Strictness
//!
//! Every constrained scalar is a newtype whose constructor is the only way in:
//! [`Text`] (NFC, no control or bidi characters), [`CountryCode`] (upper-case
//! ISO 3166-1, `XK`, or ISO 3166-3), [`Date`] (strict RFC 3339 subset with
//! explicit precision, offsets kept as written), [`LanguageTag`] (BCP 47),
//! [`Url`] (absolute http(s)), the id types. Every object rejects unknown
//! fields with their JSON path; extra data goes into [`Extensions`], kept
//! exactly. Open vocabularies ([`EventKind`], [`Role`], [`AgreementKind`],
//! [`ReportingVerb`], [`ThirdPartyRole`]) take `{"other": "..."}` for a value
//! not in the list, so nothing is lost and a typo is still an error.
//!
//! # Limits and guarantees
//!
//! No input makes the crate panic. Nesting is limited to 128 levels, a JSON
//! Lines line to [`JsonLines::DEFAULT_MAX_LINE_LEN`] bytes (configurable), a
//! text to [`Text::MAX_CHARS`] characters, a list or map to [`MAX_ITEMS`]
//! entries, an id to [`MAX_ID_LEN`] characters and a URL to [`MAX_URL_LEN`]
//! bytes. Unknown fields, repeated keys and `null` optional values are
//! errors; extension values are kept exactly. See the README for the table.
//!
//! # Features
//!
//! - `schema` (default): derives [`schemars::JsonSchema`] for every type.

mod actor;
mod agreement;
mod count;
mod country;
mod country_names;
mod delegation;
mod error;
mod event;
mod extensions;
mod external_ids;
mod ids;
mod json_lines;
mod language;
mod newtype;
mod party;
mod person;
mod place;
mod problem;
mod reader;
mod record;
#[cfg(feature = "schema")]
pub mod schema;
mod source;
mod statement;
mod strict;
mod swar;
pub use strict::MAX_ITEMS;
mod text;
pub mod time;
pub mod validation;
mod vocabulary;

pub use actor::{Actor, Subject};
pub use agreement::{
    Agreement, AgreementKind, AgreementStatus, AgreementStep, Signatory, StepKind, ThirdParty,
    ThirdPartyRole,
};
pub use count::Count;
pub use country::{CountryCode, CountryCodeError, FormerCountry, UnofficialCode};
pub use country_names::{fold_country_name, resolve_country};
pub use delegation::{Delegation, DelegationMember, Member};
pub use error::{Error, Location};
pub use event::{Event, EventKind, Modality, Participation, Role};
pub use extensions::{ExtensionKey, ExtensionKeyError, ExtensionValue, Extensions};
pub use external_ids::{ExternalIds, WikidataId, WikidataIdError};
pub use ids::{
    AgreementId, DelegationId, EventId, IdError, MAX_ID_LEN, PartyId, PersonId, RecordId, SourceId,
    StatementId,
};
pub use json_lines::{
    JsonLines, Line, ValidatedLine, par_map_lines, par_map_lines_with_limit, par_validate_lines,
};
pub use language::{LanguageTag, LanguageTagError};
pub use party::{Party, PartyKind};
pub use person::{NameVariant, NameVariantKind, Person, Position};
pub use place::{Coordinates, CoordinatesError, Place};
pub use problem::{Code, Problem, Severity};
pub use record::{FormatVersion, Record};
pub use source::{MAX_URL_LEN, Source, Url, UrlError};
pub use statement::{ReportingVerb, Statement, StatementMode};
pub use text::{ForbiddenKind, Text, TextError};
pub use time::{Date, DateError, Period, Precision, TimeOfDay, UtcOffset};
pub use vocabulary::{Sector, Topic};

/// Hooks for this crate's own tests and fuzz target, which check that the
/// fast record reader and serde agree. Not part of the API: they may change
/// in any release.
#[doc(hidden)]
pub mod __private {
    /// Reads a record with the fast reader alone: `None` where it gives up.
    pub fn read_fast(json: &str) -> Option<crate::Record> {
        crate::reader::read_record(json)
    }

    /// Reads a record with serde alone, as when the fast reader gives up.
    ///
    /// # Errors
    /// As [`Record::from_json`](crate::Record::from_json).
    pub fn read_serde(json: &str) -> Result<crate::Record, crate::Error> {
        crate::Record::from_json_serde(json)
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

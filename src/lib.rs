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
//! # Where things are
//!
//! | folder or file | what it holds |
//! | --- | --- |
//! | `record.rs`, `event.rs`, `party.rs`, `person.rs`, `delegation.rs`, `statement.rs`, `agreement.rs`, `place.rs`, `source.rs` | the record types, one concept a file |
//! | `references.rs`, `count.rs`, `vocabulary.rs` | references between items ([`Actor`], [`Subject`]), [`Count`]s, the open code lists [`Topic`] and [`Sector`] |
//! | `error.rs`, `problem.rs` | [`Error`] for what cannot be read, [`Problem`] for what breaks a rule |
//! | `scalars/` | the constrained scalars: ids, [`Text`], [`LanguageTag`], [`Url`], [`time`], [`Extensions`], [`ExternalIds`], [`CountryCode`] and the country-name resolver |
//! | `validation/` | the record rules (`rules/`, one function per rule) and the indexes that serve them (`index/`) |
//! | `json/` (private) | reading JSON: the fast record reader, the strict serde adapter, word-at-a-time helpers, error codes, JSON Lines |
//! | `schema.rs` | the JSON Schema generated from the types |
//! | `bin/` | the `diplomatic-events` command (feature `cli`) |
//!
//! # Features
//!
//! - `schema` (default): derives [`schemars::JsonSchema`] for every type.

// The record types.
mod agreement;
mod count;
mod delegation;
mod event;
mod party;
mod person;
mod place;
mod record;
mod references;
mod source;
mod statement;
mod vocabulary;

// Problems and errors.
mod error;
mod problem;

// Constrained scalars, JSON reading, validation and the schema.
mod json;
mod scalars;
#[cfg(feature = "schema")]
pub mod schema;
pub use scalars::time;
pub mod validation;

pub use agreement::{
    Agreement, AgreementKind, AgreementStatus, AgreementStep, Signatory, StepKind, ThirdParty,
    ThirdPartyRole,
};
pub use count::Count;
pub use delegation::{Delegation, DelegationMember, Member};
pub use error::{Error, Location};
pub use event::{Event, EventKind, Modality, Participation, Role};
pub use json::lines::{
    JsonLines, Line, ValidatedLine, par_map_lines, par_map_lines_with_limit, par_validate_lines,
};
pub use json::strict::MAX_ITEMS;
pub use party::{Party, PartyKind};
pub use person::{NameVariant, NameVariantKind, Person, Position};
pub use place::{Coordinates, CoordinatesError, Place};
pub use problem::{Code, Problem, Severity};
pub use record::{FormatVersion, Record};
pub use references::{Actor, Item, Subject};
pub use scalars::country::{CountryCode, CountryCodeError, FormerCountry, UnofficialCode};
pub use scalars::country_names::{fold_country_name, resolve_country};
pub use scalars::extensions::{
    ExtensionKey, ExtensionKeyError, ExtensionValue, ExtensionValueError, Extensions,
};
pub use scalars::external_ids::{ExternalIds, WikidataId, WikidataIdError};
pub use scalars::ids::{
    AgreementId, DelegationId, EventId, IdError, MAX_ID_LEN, PartyId, PersonId, RecordId, SourceId,
    StatementId,
};
pub use scalars::language::{LanguageTag, LanguageTagError};
pub use scalars::text::{ForbiddenKind, Text, TextError};
pub use scalars::time::{Date, DateError, Period, Precision, TimeOfDay, UtcOffset};
pub use scalars::url::{MAX_URL_LEN, Url, UrlError};
pub use source::Source;
pub use statement::{ReportingVerb, Statement, StatementMode};
pub use vocabulary::{Sector, Topic};

/// Hooks for this crate's own tests and fuzz target, which check that the
/// fast record reader and serde agree. Not part of the API: they may change
/// in any release.
#[doc(hidden)]
pub mod __private {
    /// Reads a record with the fast reader alone: `None` where it gives up.
    pub fn read_fast(json: &str) -> Option<crate::Record> {
        crate::json::reader::read_record(json)
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

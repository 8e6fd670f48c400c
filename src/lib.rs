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
//! Uncertainty is said, never guessed: a [`Count`] or a [`Duration`] is
//! exact, approximate, a lower or upper bound, or unknown; a [`Date`] has a
//! [`Precision`]; a member list says whether it is complete; a party or
//! person may be unnamed but described.
//!
//! Time and place are local: a [`Place`] has its IANA [`TimeZone`], named
//! [`Area`]s between the venue and the locality, and the sovereign of a
//! territory with its own code; a [`Period`] may name the zone its dates
//! are local to, and a [`Participation`] its participant's own local date of
//! an event that spans time zones.
//!
//! # Format versions
//!
//! Every record carries its [`FormatVersion`]. The crate writes `0.2` and
//! reads `0.1` as `0.2`: version 0.2 only adds to 0.1, so nothing a 0.1
//! record says changes meaning. The schemas of both are committed
//! (`schemas/record.schema.json` for 0.2, `schemas/0.1/record.schema.json`).
//!
//! What 0.2 adds (part 1, time and place):
//!
//! | to say | field | type |
//! | --- | --- | --- |
//! | in which time zone a day is local | `Place.time_zone`, `Period.time_zone` | [`TimeZone`] |
//! | each side's local date of a call across time zones | `Participation.local_time` | [`Period`] |
//! | how long it lasted, exactly or not | `Event.duration` | [`Duration`] of an [`IsoDuration`] |
//! | an upper bound on a number | `Count::AtMost` | [`Count`] |
//! | taking part where nobody hosts, chairing, negotiating, signing, facilitating, holding in deposit | `Participation.role` | [`Role`] (`participant`, `chair`, `negotiator`, `signatory`, `facilitator`, `depositary`) |
//! | a district, island, compound or building that holds the venue | `Place.areas` | [`Area`], [`AreaKind`] |
//! | the state a territory with its own code belongs to | `Place.sovereign` | [`CountryCode`] |
//!
//! The date-order rules compare dates local to different known zones as the
//! stretches of time they cover ([`Date::compare_zoned`]), so the evening of
//! the 15th in Washington is not before the morning of the 16th in Beijing;
//! new rules check a date-time's offset against its zone, a participant's
//! local time against the event's, and a duration against the event's start
//! and end (see [`validation`]).
//!
//! What 0.2 adds (part 2, agreements, outcomes, relations and sources):
//!
//! | to say | field | type |
//! | --- | --- | --- |
//! | every step of an agreement's life, each with its status | `Agreement.steps`, `Agreement.status` | [`StepKind`] (negotiated … provisionally applied, suspended, withdrawn from, or in words), [`AgreementStatus`]; [`StepKind::status`] and [`AgreementStatus::step`] map one to the other |
//! | agreements and acts that refer to each other | `Agreement.related` | [`RelatedAgreement`], [`AgreementRelation`] (endorses, implements, amends, supersedes, counterpart of, annex of) |
//! | a resolution or decision of a council or an assembly | `Agreement.kind`, `Party.kind` | [`AgreementKind::Resolution`], [`AgreementKind::Decision`], [`PartyKind::Organ`] (an organ belongs to its organisation) |
//! | what an event brought about that is not a document | `Record.outcomes` | [`Outcome`]: [`Membership`], [`RelationsChange`], [`RecognitionChange`], [`Appointment`], [`Accreditation`] |
//! | how two parties stood towards each other, as of a date | `Record.relations` | [`Relation`]: [`DiplomaticRelations`] ([`DiplomaticStatus`]), [`Recognition`] |
//! | which source says what | `sources` on people, name variants, positions, participations, parties, delegations and members, agreements, steps, signatories, outcomes, relations, counts and durations | [`SourceId`] |
//! | values the sources disagree on | `{"kind": "disputed", "reports": [...]}` in any count or duration; a name variant or a step per source | [`Count::Disputed`], [`Duration::Disputed`] |
//!
//! Outcomes and relations are written as one-key objects naming their kind
//! (`{"membership": {...}}`), as actors are: each kind has its own fields,
//! all required where the fact needs them, and an error inside one names
//! its full path. New rules check that agreements do not refer to
//! themselves or supersede each other in a cycle, that organs and
//! memberships belong to organisations, that no relation joins a party to
//! itself, and warn (`sources-disagree`) where one value is expected and
//! the sources give several that cannot all be true.
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
//! [`StepKind`], [`AgreementRelation`], [`ReportingVerb`], [`ThirdPartyRole`]) take `{"other": "..."}` for a value
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
//! # Usage
//!
//! ## Build a record
//!
//! Every struct has a constructor taking its required fields and a
//! `with_*` helper for each optional one, named after the field (a list's
//! helper appends). Errors of every constructor convert into [`Error`], so
//! `?` works throughout.
//!
//! ```
//! use diplomatic_events::{
//!     Actor, Event, EventKind, Participation, Party, Period, Place, Record, Role,
//! };
//!
//! let visit = Event::new("visit".parse()?, EventKind::OfficialVisit)
//!     .with_time(Period::on("2024-04-02".parse()?))
//!     .with_place(Place::locality("Baku".parse()?, "AZ".parse()?))
//!     .with_participants([
//!         Participation::new(Actor::Party("tr".parse()?), Role::Guest),
//!         Participation::new(Actor::Party("az".parse()?), Role::Host),
//!     ]);
//! let mut record = Record::new("tr-az-2024-04-02".parse()?, visit);
//! record.parties.push(Party::state("tr".parse()?, "TR".parse()?, "Türkiye".parse()?));
//! record.parties.push(Party::state("az".parse()?, "AZ".parse()?, "Azerbaijan".parse()?));
//! assert!(record.validate().is_empty());
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Say local time, each side's date and how long it lasted
//!
//! ```
//! use diplomatic_events::{
//!     Actor, Duration, Event, EventKind, Modality, Participation, Period, Record, Role,
//! };
//!
//! // An evening call from Washington is the next morning in Beijing.
//! let local = |day: &str, zone: &str| -> Result<Period, diplomatic_events::Error> {
//!     Ok(Period::on(day.parse()?).with_time_zone(zone.parse()?))
//! };
//! let call = Event::new("call".parse()?, EventKind::VideoCall)
//!     .with_modality(Modality::Video)
//!     .with_time(Period::new(
//!         Some("2021-11-15T19:45:00-05:00".parse()?),
//!         Some("2021-11-16T12:15:00+08:00".parse()?),
//!     ))
//!     .with_duration(
//!         Duration::approximate("PT3H30M".parse()?)
//!             .with_as_written("about three and a half hours".parse()?),
//!     )
//!     .with_participants([
//!         Participation::new(Actor::Person("biden".parse()?), Role::Participant)
//!             .with_local_time(local("2021-11-15", "America/New_York")?),
//!         Participation::new(Actor::Person("xi".parse()?), Role::Participant)
//!             .with_local_time(local("2021-11-16", "Asia/Shanghai")?),
//!     ]);
//! let record = Record::new("call-2021-11-15".parse()?, call);
//! // The two local dates are a day apart and both true: only the missing
//! // people are reported, not the dates.
//! let problems = record.validate();
//! assert!(problems.iter().all(|p| p.code.as_str() == "unresolved-reference"));
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Read a record and write it back
//!
//! ```
//! use diplomatic_events::Record;
//! let json = std::fs::read_to_string("examples/records/video-call-2021-11-15.json")?;
//! let record = Record::from_json(&json)?;
//! assert_eq!(record.to_json_pretty()?, json); // the canonical form
//! let line = record.to_json_line()?;          // one line, for JSON Lines
//! assert_eq!(Record::from_json(&line)?, record);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Validate and print the problems
//!
//! ```
//! use diplomatic_events::{Record, Severity};
//! let record = Record::from_json(&std::fs::read_to_string(
//!     "tests/fixtures/invalid/unresolved-reference.json")?)?;
//! for problem in record.validate() {
//!     // `error[unresolved-reference] /event/...: no person has id "..."`
//!     println!("{}[{}] {}: {}", problem.severity, problem.code, problem.path, problem.message);
//!     assert_eq!(problem.severity, Severity::Error);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Report where a text is not a record
//!
//! ```
//! use diplomatic_events::{Code, Record};
//! let error = Record::from_json(r#"{"format_version": "0.2", "id": "r",
//!   "event": {"id": "e", "kind": "visit", "place": {"country": "Turkey"}}}"#).unwrap_err();
//! assert_eq!(error.code(), Code::InvalidCountryCode);
//! assert_eq!(error.path(), "/event/place/country");
//! assert_eq!(error.location().line, 2);
//! ```
//!
//! ## Read JSON Lines, in order or in parallel
//!
//! ```
//! use diplomatic_events::{JsonLines, par_validate_lines};
//! let file = || std::io::BufReader::new(
//!     std::fs::File::open("examples/records/history-state-visits.jsonl").unwrap());
//! // One line at a time, with bounded memory:
//! let mut records = 0;
//! for line in JsonLines::new(file()) {
//!     let record = line.result?; // or report the error and `line.number`
//!     records += usize::from(record.validate().is_empty());
//! }
//! // Every core, results handed over in input order:
//! let mut valid = 0;
//! par_validate_lines(file(), 2, |line| {
//!     valid += usize::from(line.result.is_ok_and(|(_, problems)| problems.is_empty()));
//! });
//! assert_eq!((records, valid), (3264, 3264));
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Find items and follow references
//!
//! ```
//! use diplomatic_events::{Item, Record};
//! let record = Record::from_json(&std::fs::read_to_string("examples/records/baku-2024-04-02.json")?)?;
//! let statement = &record.statements[0];
//! let Some(Item::Person(speaker)) = record.actor(&statement.speakers[0]) else { panic!() };
//! assert_eq!(speaker.name.as_ref().map(|n| n.as_str()), Some("Zakir Hasanov"));
//! assert!(record.event(&"talks-president".parse()?).is_some()); // a part, found by id
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Take text from an archive
//!
//! Text from XML, HTML or PDF comes with the line breaks of its layout;
//! [`Text::parse_collapsed`] makes one line of it, and the rest of the
//! checks still apply.
//!
//! ```
//! use diplomatic_events::{Event, EventKind, Text};
//! let raw = "Talks with the\n      Minister of Defense ";
//! let event = Event::new("talks".parse()?, EventKind::Talks)
//!     .with_title(Text::parse_collapsed(raw)?);
//! assert_eq!(event.title.map(|t| t.to_string()).as_deref(), Some("Talks with the Minister of Defense"));
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Read code lists by their names
//!
//! ```
//! use diplomatic_events::{EventKind, Role};
//! assert_eq!(EventKind::listed("official_visit"), Some(EventKind::OfficialVisit));
//! assert_eq!(EventKind::OfficialVisit.to_string(), "official_visit");
//! let other = Role::Other("conference president".parse()?); // {"other": "..."}
//! assert_eq!(other.as_str(), "conference president");
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Keep extra data in extensions
//!
//! ```
//! use diplomatic_events::Extensions;
//! let mut extensions = Extensions::default();
//! extensions.insert("gdelt:global_event_id".parse()?, &1_153_216_894u64)?;
//! assert_eq!(extensions.get_as::<u64>("gdelt:global_event_id").transpose()?, Some(1_153_216_894));
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Resolve a country name
//!
//! ```
//! use diplomatic_events::{CountryCode, resolve_country};
//! assert_eq!(resolve_country("Republic of Türkiye").map(|c| c.to_string()).as_deref(), Some("TR"));
//! assert_eq!(resolve_country("U.S.S.R.").map(|c| c.to_string()).as_deref(), Some("SUHH"));
//! // On a date: the code then ("Burma" in 1985 is BUMM), or why there is none.
//! use diplomatic_events::{CountryResolver, Resolution};
//! let in_1985 = CountryResolver::new().on("1985".parse()?);
//! assert_eq!(in_1985.resolve("Burma").code().map(|c| c.to_string()).as_deref(), Some("BUMM"));
//! assert!(matches!(in_1985.resolve("Congo"), Resolution::Ambiguous(_)));
//! let code: CountryCode = "SUHH".parse()?; // ISO 3166-3: a former state
//! assert_eq!(code.as_str(), "SUHH");
//! # Ok::<(), diplomatic_events::Error>(())
//! ```
//!
//! ## Generate the JSON Schema
//!
//! ```
//! # #[cfg(feature = "schema")] {
//! let schema = diplomatic_events::schema::record_schema(); // a serde_json::Value
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! let committed = std::fs::read_to_string("schemas/record.schema.json").unwrap();
//! assert_eq!(diplomatic_events::schema::record_schema_json(), committed);
//! # }
//! ```
//!
//! ## Store records in any serde format
//!
//! Records are plain serde types: CBOR, MessagePack, YAML and the rest give
//! back an equal record (extension values travel as their JSON text).
//!
//! ```
//! use diplomatic_events::Record;
//! let json = std::fs::read_to_string("examples/records/multilateral-conference-2023-11-30.json")?;
//! let record = Record::from_json(&json)?;
//! let yaml = serde_yaml::to_string(&record)?;
//! let back: Record = serde_yaml::from_str(&yaml)?;
//! assert_eq!(back, record);
//! assert_eq!(back.to_json_pretty()?, json); // extension values byte for byte
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Where things are
//!
//! | folder or file | what it holds |
//! | --- | --- |
//! | `record.rs`, `event.rs`, `party.rs`, `person.rs`, `delegation.rs`, `statement.rs`, `agreement.rs`, `outcome.rs`, `relation.rs`, `place.rs`, `source.rs` | the record types, one concept a file |
//! | `references.rs`, `count.rs`, `duration.rs`, `vocabulary.rs` | references between items ([`Actor`], [`Subject`]), [`Count`]s, [`Duration`]s, the open code lists [`Topic`] and [`Sector`] |
//! | `error.rs`, `problem.rs` | [`Error`] for what cannot be read, [`Problem`] for what breaks a rule |
//! | `scalars/` | the constrained scalars: ids, [`Text`], [`LanguageTag`], [`Url`], [`time`], [`TimeZone`], [`IsoDuration`], [`Extensions`], [`ExternalIds`], [`CountryCode`] with its lifetimes and conversions (`country_history.rs`, over the table that `scripts/countries.py` generates from `data/countries/`) and the country-name resolver ([`CountryResolver`]) |
//! | `validation/` | the record rules (`rules/`, one function per rule), the indexes that serve them (`index/`), and which rules' problems hold on a record read in part (`partial.rs`) |
//! | `json/` (private) | reading JSON: the fast record reader, the strict serde adapter, the collector that reads a broken record for every problem (`collect/`), word-at-a-time helpers, error codes, JSON Lines and their gzip and zstd input |
//! | `schema.rs` | the JSON Schema generated from the types |
//! | `bin/` | the `diplomatic-events` command (feature `cli`) |
//!
//! # Features
//!
//! - `schema` (default): derives [`schemars::JsonSchema`] for every type and
//!   gives the [`schema`] module.
//! - `cli`: the `diplomatic-events` command (`validate` record files and
//!   JSON Lines, `export` event data, `schema`), built with
//!   `cargo run --features cli -- ...`.
//! - `event-data`: the `event_data` module, PLOVER events and CAMEO rows.
//! - `compression`: gzip and zstd input for the JSON Lines readers
//!   ([`decompressed`]).
//!
//! The Python package (`python/`, PyO3 and maturin) is its own Cargo
//! workspace beside the crate: `pip install .` at the repository's root.
//!
//! # Design
//!
//! The [`design`] module records why the code is shaped as it is, with the
//! measurements behind each optimisation.

// The record types.
mod agreement;
mod count;
mod delegation;
mod duration;
mod event;
mod outcome;
mod party;
mod person;
mod place;
mod record;
mod references;
mod relation;
mod source;
mod statement;
mod vocabulary;

// Design notes, rendered for maintainers.
pub mod design;

// Problems and errors.
mod error;
mod problem;

// Constrained scalars, JSON reading, validation and the schema.
mod json;
mod scalars;
#[cfg(feature = "schema")]
pub mod schema;
pub use scalars::time;
#[cfg(feature = "event-data")]
pub mod event_data;
#[cfg(feature = "parquet")]
pub mod tables;
pub mod validation;

pub use agreement::{
    Agreement, AgreementKind, AgreementRelation, AgreementStatus, AgreementStep, RelatedAgreement,
    Signatory, StepKind, ThirdParty, ThirdPartyRole,
};
pub use count::Count;
pub use delegation::{Delegation, DelegationMember, Member};
pub use duration::Duration;
pub use error::{Error, Location};
pub use event::{Event, EventKind, Modality, Participation, Role};
pub use json::collect::DEFAULT_MAX_PROBLEMS;
pub use json::compressed::{Compression, decompressed};
pub use json::lines::{
    JsonLines, Limits, Line, ValidatedLine, par_map_lines, par_map_lines_with_limit,
    par_map_lines_with_limits, par_validate_lines,
};
pub use json::strict::MAX_ITEMS;
pub use outcome::{
    Accreditation, Appointment, Membership, MembershipChange, Outcome, OutcomeKind,
    RecognitionChange, RecognitionChangeKind, RelationsChange, RelationsChangeKind,
};
pub use party::{Party, PartyKind};
pub use person::{NameVariant, NameVariantKind, Person, Position};
pub use place::{Area, AreaKind, Coordinates, CoordinatesError, Place};
pub use problem::{Code, Problem, Severity};
pub use record::{FormatVersion, Record};
pub use references::{Actor, Item, Subject};
pub use relation::{
    DiplomaticRelations, DiplomaticStatus, RecognisedAs, Recognition, Relation, RelationKind,
};
pub use scalars::country::{CountryCode, CountryCodeError, FormerCountry, UnofficialCode};
pub use scalars::country_history::{CodeLifetime, CodeOnDate, CountryStatus, CowState};
pub use scalars::country_names::{
    CountryResolver, Resolution, ResolvedCountry, fold_country_name, resolve_country,
};
pub use scalars::extensions::{
    ExtensionKey, ExtensionKeyError, ExtensionValue, ExtensionValueError, Extensions,
};
pub use scalars::external_ids::{ExternalIds, WikidataId, WikidataIdError};
pub use scalars::ids::{
    AgreementId, DelegationId, EventId, IdError, MAX_ID_LEN, OutcomeId, PartyId, PersonId,
    RecordId, SourceId, StatementId,
};
pub use scalars::iso_duration::{IsoDuration, IsoDurationError};
pub use scalars::language::{LanguageTag, LanguageTagError};
pub use scalars::text::{ForbiddenKind, Text, TextError};
pub use scalars::time::{Date, DateError, Period, Precision, TimeOfDay, UtcOffset};
pub use scalars::url::{MAX_URL_LEN, Url, UrlError};
pub use scalars::zone::{TimeZone, TimeZoneError};
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
        crate::json::reader::read_record(json).ok()
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

//! The record: one diplomatic event with everyone and everything in it.

use crate::json::declare::record_struct;
use serde::{Deserialize, Serialize};

use crate::{
    Agreement, Delegation, Error, Event, Extensions, Outcome, Party, Person, RecordId, Relation,
    Source, Statement,
};

/// Versions of the record format. The version is carried in every record, so
/// a reader knows which rules it was written under.
///
/// Version 0.2 only adds to 0.1 (time zones, durations, roles, areas of a
/// place, a territory's sovereign): nothing in 0.1 changes meaning. A record
/// of 0.1 is read as 0.2 and written back as 0.2.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[non_exhaustive]
pub enum FormatVersion {
    /// Version 0.2, which reads records of 0.1 as well.
    #[default]
    #[serde(rename = "0.2", alias = "0.1")]
    V0_2,
}

impl FormatVersion {
    /// The version this crate writes.
    pub const CURRENT: FormatVersion = FormatVersion::V0_2;

    /// The version as written in records.
    pub fn as_str(self) -> &'static str {
        match self {
            FormatVersion::V0_2 => "0.2",
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The version of the record format: \"0.2\". Records of \"0.1\" are read as 0.2 (0.2 only adds to 0.1) and written back as \"0.2\".",
            "type": "string",
            "enum": ["0.2", "0.1"]
        })
    }
}

record_struct! {
    /// A record of one diplomatic event: the event with its parts, the parties,
    /// people and delegations in it, what was said, the agreements made, and the
    /// sources it is taken from.
    ///
    /// Items refer to each other by local ids (`"gorgun"`, `"tr"`), each kind with
    /// its own id type. Every object rejects fields it does not know, naming the
    /// JSON path; extra data goes into `extensions`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Record {
        /// The version of the record format this record is written in.
        pub format_version: FormatVersion,
        /// The record's id, ideally stable across the collection it belongs to.
        pub id: RecordId,
        /// The event, with its parts.
        pub event: Event,
        /// The states, organisations, companies and groups in the record.
        pub parties: Vec<Party> => with_parties,
        /// The people in the record, present or mentioned.
        pub people: Vec<Person> => with_people,
        /// The delegations.
        pub delegations: Vec<Delegation> => with_delegations,
        /// What was said.
        pub statements: Vec<Statement> => with_statements,
        /// The agreements made, discussed or referred to.
        pub agreements: Vec<Agreement> => with_agreements,
        /// What the event brought about that is not a document: changes of
        /// membership, of diplomatic relations or of recognition,
        /// appointments and accreditations.
        pub outcomes: Vec<Outcome> => with_outcomes,
        /// How the parties stood towards each other at the time of the
        /// event: diplomatic relations and recognition, as of a date.
        pub relations: Vec<Relation> => with_relations,
        /// The documents the record's facts are taken from.
        pub sources: Vec<Source> => with_sources,
        /// Namespaced extra data about the record, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl std::fmt::Display for FormatVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::json::collect::collect_with_serde!(FormatVersion => FormatVersion::CURRENT);

impl Record {
    /// A record of `event` with nothing else yet, in the current format version.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Event, EventKind, Record, Source};
    /// let record = Record::new("r1".parse()?, Event::new("e".parse()?, EventKind::Meeting))
    ///     .with_sources([Source::new("s".parse()?)]);
    /// assert_eq!(record.format_version, diplomatic_events::FormatVersion::CURRENT);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: RecordId, event: Event) -> Self {
        Self::blank(FormatVersion::CURRENT, id, event)
    }

    /// Parses one record from JSON text. A byte-order mark (U+FEFF) at the
    /// very start is ignored, as RFC 8259 allows; anywhere else it is an error.
    ///
    /// A text that is JSON but not a record gets every problem in it at
    /// once, as [`Error::Invalid`]: each unknown, missing or repeated field,
    /// each value of the wrong type, each value that breaks its type's rule
    /// (text, ids, codes, dates, URLs...), and the record rules' problems
    /// on what could be read (the [`validation`](crate::validation) module
    /// says which rules run then). At most
    /// [`DEFAULT_MAX_PROBLEMS`](crate::DEFAULT_MAX_PROBLEMS) are reported,
    /// the last problem then saying how many were left out; see
    /// [`Record::from_json_with_max_problems`]. A valid record is read as
    /// fast as ever: the problems are only looked for once reading failed.
    ///
    /// A text that is not well-formed JSON stops at its syntax error, the
    /// one problem reported ([`Error::Json`], code `json-syntax`): what
    /// follows it cannot be read.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the text is JSON but not a record,
    /// [`Error::Json`] when it is not JSON: each problem names the JSON
    /// Pointer of the offending value, its line and column, and what is
    /// wrong. `?` passes the error on; its message says how many problems
    /// there are and gives the first; [`Error::problems`] gives them all.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Record;
    /// let err = Record::from_json(r#"{"format_version": "0.2", "id": "x",
    ///   "event": {"id": "e", "kind": "visit", "colour": "red"}}"#).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///   "/event/colour (line 2, column 48): unknown field `colour`, expected one of \
    ///    `id`, `kind`, `title`, `description`, `time`, `duration`, `place`, `modality`, `participants`, \
    ///    `mentioned`, `topics`, `parts`, `sources`, `extensions`");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, Error> {
        Self::from_json_with_max_problems(json, crate::DEFAULT_MAX_PROBLEMS)
    }

    /// [`Record::from_json`], reporting at most `max_problems` problems of
    /// a text that is not a record (and then one more, saying how many
    /// were left out). Past the cap, problems are counted, not kept: memory
    /// stays bounded whatever the input.
    ///
    /// # Errors
    /// As [`Record::from_json`].
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Code, Record};
    /// let text = r#"{"format_version": "0.2", "id": "r", "a": 1, "b": 2, "c": 3,
    ///   "event": {"id": "e", "kind": "visit"}}"#;
    /// let problems = Record::from_json_with_max_problems(text, 2).unwrap_err().into_problems();
    /// assert_eq!(problems.len(), 3);
    /// assert_eq!(problems[2].code, Code::TooManyProblems);
    /// assert_eq!(problems[2].message, "1 more problem is left out: at most 2 are reported");
    /// ```
    pub fn from_json_with_max_problems(json: &str, max_problems: usize) -> Result<Self, Error> {
        Self::from_json_text(json.strip_prefix('\u{FEFF}').unwrap_or(json), max_problems)
    }

    /// Parses one record from JSON text with no byte-order mark handling.
    ///
    /// Valid input is read once, by the record reader of [`crate::json::reader`].
    /// When that reader gives up, the text is read again by serde with the
    /// path tracked, which builds the record or names the first problem;
    /// then the text is read once more ([`crate::json::collect`]) for every
    /// problem: records cost one read, errors three.
    #[inline]
    pub(crate) fn from_json_text(json: &str, max_problems: usize) -> Result<Self, Error> {
        match crate::json::reader::read_record(json) {
            Ok(record) => Ok(record),
            Err(crate::json::reader::Bail) => Self::from_json_serde(json)
                .map_err(|first| crate::json::collect::every_problem(json, first, max_problems)),
        }
    }

    /// Parses one record with serde alone, tracking the path for errors.
    pub(crate) fn from_json_serde(json: &str) -> Result<Self, Error> {
        crate::json::errors::clear_code();
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let record =
            serde_path_to_error::deserialize(crate::json::strict::Strict(&mut deserializer))
                .map_err(Error::from_path_error)?;
        deserializer.end().map_err(|e| Error::from_json_error(String::new(), &e))?;
        Ok(record)
    }

    /// Writes the record in its canonical form: JSON indented by two spaces,
    /// fields in the order of the model, empty lists and absent values left
    /// out, and a final newline. The same record always gives the same bytes.
    ///
    /// # Errors
    /// [`Error::Json`] only if serialization fails, which does not happen for
    /// records made of this crate's types.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Event, EventKind, Record};
    /// let record = Record::new("r1".parse()?, Event::new("e".parse()?, EventKind::Meeting));
    /// assert_eq!(record.to_json_pretty()?, "{\n  \"format_version\": \"0.2\",\n  \"id\": \"r1\",\n  \"event\": {\n    \"id\": \"e\",\n    \"kind\": \"meeting\"\n  }\n}\n");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn to_json_pretty(&self) -> Result<String, Error> {
        let mut text = serde_json::to_string_pretty(self)
            .map_err(|e| Error::from_json_error(String::new(), &e))?;
        text.push('\n');
        Ok(text)
    }

    /// Writes the record as one line of JSON, without a newline, for JSON Lines.
    ///
    /// # Errors
    /// As [`Record::to_json_pretty`].
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Event, EventKind, Record};
    /// let record = Record::new("r1".parse()?, Event::new("e".parse()?, EventKind::Meeting));
    /// assert_eq!(record.to_json_line()?,
    ///     r#"{"format_version":"0.2","id":"r1","event":{"id":"e","kind":"meeting"}}"#);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn to_json_line(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(|e| Error::from_json_error(String::new(), &e))
    }
}

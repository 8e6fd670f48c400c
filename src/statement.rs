//! Statements: who said what, where, and about what.

use serde::{Deserialize, Serialize};

use crate::{Actor, EventId, Extensions, LanguageTag, SourceId, StatementId, Subject, Text};

/// Something said at or about an event, as reported by a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Statement {
    /// Local id, unique among the statements of the record.
    pub id: StatementId,
    /// Who said it: usually one person; several actors for "the sides applauded".
    pub speakers: Vec<Actor>,
    /// The event or meeting at which it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventId>,
    /// How the source reports it ("stressed", "expressed confidence").
    pub reporting_verb: ReportingVerb,
    /// Whether `text` is the speaker's own words or the source's paraphrase.
    pub mode: StatementMode,
    /// What was said.
    pub text: Text,
    /// The language of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageTag>,
    /// Who it was said to, when the source says ("informed the Azerbaijani president").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<Actor>,
    /// Who or what it is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<Subject>,
    /// The sources that report it, when not all of the record's do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceId>,
    /// Namespaced extra data about this statement, kept exactly.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Statement {
    /// A statement by one speaker.
    pub fn new(
        id: StatementId,
        speaker: Actor,
        reporting_verb: ReportingVerb,
        mode: StatementMode,
        text: Text,
    ) -> Self {
        Statement {
            id,
            speakers: vec![speaker],
            event: None,
            reporting_verb,
            mode,
            text,
            language: None,
            addressees: Vec::new(),
            about: Vec::new(),
            sources: Vec::new(),
            extensions: Extensions::default(),
        }
    }

    /// Adds a speaker.
    pub fn with_speaker(mut self, speaker: Actor) -> Self {
        self.speakers.push(speaker);
        self
    }
    /// Sets the event at which it was said.
    pub fn at(mut self, event: EventId) -> Self {
        self.event = Some(event);
        self
    }
    /// Sets the language.
    pub fn with_language(mut self, language: LanguageTag) -> Self {
        self.language = Some(language);
        self
    }
    /// Adds an addressee.
    pub fn with_addressee(mut self, addressee: Actor) -> Self {
        self.addressees.push(addressee);
        self
    }
    /// Adds a subject.
    pub fn about(mut self, subject: Subject) -> Self {
        self.about.push(subject);
        self
    }
}

/// Whether a statement's text is a direct quotation or a paraphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatementMode {
    /// The speaker's own words, as quoted by the source.
    Quote,
    /// The source's account of what was said.
    Paraphrase,
}

/// The verb a source uses to report a statement. An open list: a verb not
/// listed is written as `{"other": "..."}` and kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReportingVerb {
    /// "said".
    Said,
    /// "stated".
    Stated,
    /// "emphasised", "emphasized".
    Emphasised,
    /// "stressed".
    Stressed,
    /// "underscored", "underlined".
    Underscored,
    /// "noted".
    Noted,
    /// "expressed confidence".
    ExpressedConfidence,
    /// "expressed satisfaction", "conveyed satisfaction".
    ExpressedSatisfaction,
    /// "expressed concern".
    ExpressedConcern,
    /// "commended", "praised".
    Commended,
    /// "applauded", "hailed".
    Applauded,
    /// "welcomed".
    Welcomed,
    /// "informed", "briefed".
    Informed,
    /// "announced".
    Announced,
    /// "proposed", "suggested".
    Proposed,
    /// "called for", "urged".
    CalledFor,
    /// "agreed".
    Agreed,
    /// "promised", "pledged".
    Promised,
    /// "warned".
    Warned,
    /// "condemned".
    Condemned,
    /// "denied", "rejected".
    Denied,
    /// Any other verb, in words.
    Other(Text),
}

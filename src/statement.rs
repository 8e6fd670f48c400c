//! Statements: who said what, where, and about what.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{Actor, EventId, Extensions, LanguageTag, SourceId, StatementId, Subject, Text};

record_struct! {
    /// Something said at or about an event, as reported by a source.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Statement {
        /// Local id, unique among the statements of the record.
        pub id: StatementId,
        /// Who said it: usually one person; several actors for "the sides applauded".
        pub speakers: Vec<Actor>,
        /// The event or meeting at which it was said.
        pub event: Option<EventId> => with_event,
        /// How the source reports it ("stressed", "expressed confidence").
        pub reporting_verb: ReportingVerb,
        /// Whether `text` is the speaker's own words or the source's paraphrase.
        pub mode: StatementMode,
        /// What was said.
        pub text: Text,
        /// The language of `text`.
        pub language: Option<LanguageTag> => with_language,
        /// Who it was said to, when the source says ("informed the Azerbaijani president").
        pub addressees: Vec<Actor> => with_addressees,
        /// Who or what it is about.
        pub about: Vec<Subject> => with_about,
        /// The sources that report it, when not all of the record's do.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this statement, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Statement {
    /// A statement by one speaker.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Actor, ReportingVerb, Statement, StatementMode, Subject};
    /// let statement = Statement::new(
    ///     "s1".parse()?,
    ///     Actor::Person("aliyev".parse()?),
    ///     ReportingVerb::ExpressedConfidence,
    ///     StatementMode::Paraphrase,
    ///     "cooperation will continue to expand".parse()?,
    /// )
    /// .with_event("talks-president".parse()?)
    /// .with_about([Subject::Party("tr".parse()?)]);
    /// assert_eq!(statement.speakers.len(), 1);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(
        id: StatementId,
        speaker: Actor,
        reporting_verb: ReportingVerb,
        mode: StatementMode,
        text: Text,
    ) -> Self {
        Self::blank(id, vec![speaker], reporting_verb, mode, text)
    }

    /// Adds `speakers` to [`speakers`](Self::speakers) (a joint statement).
    #[must_use]
    pub fn with_speakers(mut self, speakers: impl IntoIterator<Item = Actor>) -> Self {
        self.speakers.extend(speakers);
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

code_list!(StatementMode);
code_list!(ReportingVerb, Other);

//! Problems found in a record: where, what rule, how bad, and a message.

/// How serious a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The record breaks a rule of the format; it is not valid.
    Error,
    /// The record is valid but probably says something it did not mean to.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident, $schema:literal;)+) => {
        /// The stable code of each kind of problem. The kebab-case strings are
        /// part of the crate's interface: renaming one is a breaking change.
        /// The table of all codes is in the [`validation`](crate::validation)
        /// module documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $variant,)+
        }

        impl Code {
            /// Every code, in the order of the documentation table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The stable kebab-case string.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)+ }
            }

            /// The severity of problems with this code.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)+ }
            }

            /// Whether the published JSON Schema rejects what this code
            /// reports. The others are checked by this crate only: input that
            /// is not JSON at all, duplicate keys (JSON parsers keep one), and
            /// the rules across fields.
            pub fn checked_by_schema(self) -> bool {
                match self { $(Code::$variant => $schema,)+ }
            }
        }
    };
}

codes! {
    /// The input is not well-formed JSON (or JSON Lines), or nests too deeply.
    JsonSyntax = "json-syntax", Error, false;
    /// The input is not valid UTF-8.
    InvalidUtf8 = "invalid-utf8", Error, false;
    /// A JSON Lines line is longer than the reader's limit.
    LineTooLong = "line-too-long", Error, false;
    /// An object has a field the model does not define.
    UnknownField = "unknown-field", Error, true;
    /// A required field is missing.
    MissingField = "missing-field", Error, true;
    /// A field or map key appears twice in one object.
    DuplicateKey = "duplicate-key", Error, false;
    /// A value has the wrong JSON type.
    InvalidType = "invalid-type", Error, true;
    /// A string is not one of the values of a closed list.
    UnknownVariant = "unknown-variant", Error, true;
    /// A list or map has more than 10,000 entries.
    TooManyItems = "too-many-items", Error, true;
    /// A value is out of range or otherwise not acceptable.
    InvalidValue = "invalid-value", Error, true;
    /// An id has the wrong form.
    InvalidId = "invalid-id", Error, true;
    /// A text is empty or white space only.
    BlankText = "blank-text", Error, true;
    /// A text has a control, bidirectional-formatting or zero-width character.
    ForbiddenCharacter = "forbidden-character", Error, true;
    /// A text is longer than its limit.
    TextTooLong = "text-too-long", Error, true;
    /// A country code is not one of the accepted codes.
    InvalidCountryCode = "invalid-country-code", Error, true;
    /// A date or date-time is malformed or does not exist.
    InvalidDate = "invalid-date", Error, true;
    /// A time zone is not a name in the IANA tz database.
    InvalidTimeZone = "invalid-time-zone", Error, false;
    /// A duration is not an accepted ISO 8601 duration.
    InvalidDuration = "invalid-duration", Error, true;
    /// A language tag is not well-formed BCP 47.
    InvalidLanguageTag = "invalid-language-tag", Error, true;
    /// A URL is not an absolute http(s) URL.
    InvalidUrl = "invalid-url", Error, true;
    /// An extension key is not namespaced.
    InvalidExtensionKey = "invalid-extension-key", Error, true;
    /// A Wikidata id is malformed.
    InvalidWikidataId = "invalid-wikidata-id", Error, true;
    /// Coordinates are out of range.
    InvalidCoordinates = "invalid-coordinates", Error, true;
    /// A kind of party is missing what identifies it, or has a field it cannot have.
    InvalidPartyKind = "invalid-party-kind", Error, true;
    /// A record has more problems than are reported: this last one says how many were left out.
    TooManyProblems = "too-many-problems", Error, false;
    /// Two items of the same kind share an id.
    DuplicateId = "duplicate-id", Error, false;
    /// A reference names no item of its kind.
    UnresolvedReference = "unresolved-reference", Error, false;
    /// A person or party has neither a name nor a description.
    Anonymous = "anonymous", Error, false;
    /// A statement has no speaker.
    NoSpeaker = "no-speaker", Error, false;
    /// A signatory acts for a party that is not a party of the agreement.
    SignatoryNotParty = "signatory-not-party", Error, false;
    /// An exact, minimum or maximum count is smaller than the number of items listed.
    CountBelowListed = "count-below-listed", Error, false;
    /// A list said to be complete disagrees with an exact count.
    CountContradictsList = "count-contradicts-list", Error, false;
    /// A period ends before it starts.
    EndBeforeStart = "end-before-start", Error, false;
    /// A part of an event lies outside the event's own period.
    PartOutsideParent = "part-outside-parent", Error, false;
    /// A date-time's UTC offset is not the one its time zone had at that moment.
    OffsetOutsideTimeZone = "offset-outside-time-zone", Error, false;
    /// A participant's local time of an event does not overlap the event's time.
    LocalTimeOutsideEvent = "local-time-outside-event", Error, false;
    /// A duration that the event's start and end cannot allow.
    DurationContradictsTime = "duration-contradicts-time", Error, false;
    /// The dated steps of an agreement are out of order (ratified before signed).
    StepsOutOfOrder = "steps-out-of-order", Error, false;
    /// An agreement or act refers to itself (amends or supersedes itself).
    RefersToItself = "refers-to-itself", Error, false;
    /// Agreements supersede each other, or are annexes of each other, in a cycle.
    ReferenceCycle = "reference-cycle", Error, false;
    /// An organ belongs to a party that is not an international organisation or an organ.
    OrganOutsideOrganisation = "organ-outside-organisation", Error, false;
    /// A relation, or a change of relations, membership or recognition, names one party twice.
    RelationWithItself = "relation-with-itself", Error, false;
    /// A membership is of a party that is not an international organisation, an organ or a group of states.
    NotAnOrganisation = "not-an-organisation", Error, false;
    /// A mediator, witness or observer of an agreement is also one of its parties.
    ThirdPartyIsParty = "third-party-is-party", Warning, false;
    /// The same person or organisation is listed twice in one delegation.
    DuplicateMember = "duplicate-member", Warning, false;
    /// Two people have names that fold to the same key (Görgün, Gorgun, GÖRGÜN).
    SamePersonTwice = "same-person-twice", Warning, false;
    /// A source was published before the event it reports began.
    SourceBeforeEvent = "source-before-event", Warning, false;
    /// A place names its own country as the country's sovereign.
    SovereignIsCountry = "sovereign-is-country", Warning, false;
    /// Sources disagree on a value of which there is one: reports of a count or duration that contradict each other, or one step of an agreement on two dates.
    SourcesDisagree = "sources-disagree", Warning, false;
    /// A country code that named no state or territory on the date of its event (the Soviet Union weeks after it dissolved, Serbia's code in 1997).
    CountryNotOnDate = "country-not-on-date", Warning, false;
    /// An `{"other": ...}` value spells a value that the list has.
    OtherIsListed = "other-is-listed", Warning, false;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a record.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// JSON Pointer (RFC 6901) to the offending value in the record's JSON;
    /// empty for the whole document.
    pub path: String,
    /// The rule broken.
    pub code: Code,
    /// How serious it is (always `code.severity()`).
    pub severity: Severity,
    /// What is wrong, naming the offending value.
    pub message: String,
    /// Where in the text the problem was found, when the record was read
    /// from text that could not be a record; unknown (line 0) for the
    /// problems of [`Record::validate`](crate::Record::validate), which has
    /// no text.
    pub location: crate::Location,
}

impl Problem {
    /// A problem with `code` at `path`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Code, Problem, Severity};
    /// let problem = Problem::new("/event/kind/other", Code::OtherIsListed, "write \"visit\"");
    /// assert_eq!(problem.severity, Severity::Warning);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            code,
            severity: code.severity(),
            message: message.into(),
            location: crate::Location::default(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        write!(f, "{}[{}] {}{}: {}", self.severity, self.code, path, self.location, self.message)
    }
}

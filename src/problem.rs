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
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident;)+) => {
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
        }
    };
}

codes! {
    /// The input is not well-formed JSON (or JSON Lines), or nests too deeply.
    JsonSyntax = "json-syntax", Error;
    /// The input is not valid UTF-8.
    InvalidUtf8 = "invalid-utf8", Error;
    /// A JSON Lines line is longer than the reader's limit.
    LineTooLong = "line-too-long", Error;
    /// An object has a field the model does not define.
    UnknownField = "unknown-field", Error;
    /// A required field is missing.
    MissingField = "missing-field", Error;
    /// A field or map key appears twice in one object.
    DuplicateKey = "duplicate-key", Error;
    /// A value has the wrong JSON type.
    InvalidType = "invalid-type", Error;
    /// A string is not one of the values of a closed list.
    UnknownVariant = "unknown-variant", Error;
    /// A value is out of range or otherwise not acceptable.
    InvalidValue = "invalid-value", Error;
    /// An id has the wrong form.
    InvalidId = "invalid-id", Error;
    /// A text is empty or white space only.
    BlankText = "blank-text", Error;
    /// A text has a control, bidirectional-formatting or zero-width character.
    ForbiddenCharacter = "forbidden-character", Error;
    /// A text is longer than its limit.
    TextTooLong = "text-too-long", Error;
    /// A country code is not one of the accepted codes.
    InvalidCountryCode = "invalid-country-code", Error;
    /// A date or date-time is malformed or does not exist.
    InvalidDate = "invalid-date", Error;
    /// A language tag is not well-formed BCP 47.
    InvalidLanguageTag = "invalid-language-tag", Error;
    /// A URL is not an absolute http(s) URL.
    InvalidUrl = "invalid-url", Error;
    /// An extension key is not namespaced.
    InvalidExtensionKey = "invalid-extension-key", Error;
    /// A Wikidata id is malformed.
    InvalidWikidataId = "invalid-wikidata-id", Error;
    /// Coordinates are out of range.
    InvalidCoordinates = "invalid-coordinates", Error;
    /// A kind of party is missing what identifies it, or has a field it cannot have.
    InvalidPartyKind = "invalid-party-kind", Error;
    /// Two items of the same kind share an id.
    DuplicateId = "duplicate-id", Error;
    /// A reference names no item of its kind.
    UnresolvedReference = "unresolved-reference", Error;
    /// A person or party has neither a name nor a description.
    Anonymous = "anonymous", Error;
    /// A statement has no speaker.
    NoSpeaker = "no-speaker", Error;
    /// A signatory acts for a party that is not a party of the agreement.
    SignatoryNotParty = "signatory-not-party", Error;
    /// An exact or minimum count is smaller than the number of items listed.
    CountBelowListed = "count-below-listed", Error;
    /// A list said to be complete disagrees with an exact count.
    CountContradictsList = "count-contradicts-list", Error;
    /// A period ends before it starts.
    EndBeforeStart = "end-before-start", Error;
    /// A part of an event lies outside the event's own period.
    PartOutsideParent = "part-outside-parent", Error;
    /// The dated steps of an agreement are out of order (ratified before signed).
    StepsOutOfOrder = "steps-out-of-order", Error;
    /// A mediator, witness or observer of an agreement is also one of its parties.
    ThirdPartyIsParty = "third-party-is-party", Warning;
    /// The same person or organisation is listed twice in one delegation.
    DuplicateMember = "duplicate-member", Warning;
    /// Two people have names that fold to the same key (Görgün, Gorgun, GÖRGÜN).
    SamePersonTwice = "same-person-twice", Warning;
    /// A source was published before the event it reports began.
    SourceBeforeEvent = "source-before-event", Warning;
    /// An `{"other": ...}` value spells a value that the list has.
    OtherIsListed = "other-is-listed", Warning;
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
}

impl Problem {
    /// A problem with `code` at `path`.
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Problem { path: path.into(), code, severity: code.severity(), message: message.into() }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        write!(f, "{}[{}] {}: {}", self.severity, self.code, path, self.message)
    }
}

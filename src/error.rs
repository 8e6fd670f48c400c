//! The crate's error type.

use crate::{
    Code, CoordinatesError, CountryCodeError, DateError, ExtensionKeyError, ExtensionValueError,
    IdError, IsoDurationError, LanguageTagError, Problem, TextError, TimeZoneError, UrlError,
    WikidataIdError,
};

/// An error from reading or writing records.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One problem at one place: the input is not well-formed JSON, or
    /// writing failed; for a text nested deeper than 128 levels, its first
    /// problem. A text that is JSON but not a record is [`Error::Invalid`].
    #[error("{}{location}: {message}", if path.is_empty() { "(root)" } else { path })]
    Json {
        /// JSON Pointer (RFC 6901) to the offending value; empty for the whole document.
        path: String,
        /// Line and column of the error in the input, when known.
        location: Location,
        /// The rule broken.
        code: Code,
        /// What is wrong.
        message: String,
    },
    /// The input is JSON but not a record: every problem in it, field by
    /// field, with the record rules' problems on what could be read, in
    /// the order of the text (see [`Error::problems`]). Never empty.
    #[error("{}", describe(problems))]
    Invalid {
        /// The problems, each with its path, location, code and message.
        problems: Vec<Problem>,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence (within the line, for JSON Lines).
        offset: usize,
    },
    /// A JSON Lines line is longer than the reader's limit; it was skipped
    /// without being held in memory.
    #[error("line is longer than the limit of {limit} bytes")]
    LineTooLong {
        /// The limit in bytes (the line's terminator not counted).
        limit: usize,
    },
    /// Reading the input failed.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
    /// A text that is not a [`Text`](crate::Text).
    #[error("{0}")]
    Text(#[from] TextError),
    /// A string that is not an id.
    #[error("{0}")]
    Id(#[from] IdError),
    /// A string that is not a [`CountryCode`](crate::CountryCode).
    #[error("{0}")]
    CountryCode(#[from] CountryCodeError),
    /// A string that is not a [`Date`](crate::Date).
    #[error("{0}")]
    Date(#[from] DateError),
    /// A string that is not a [`LanguageTag`](crate::LanguageTag).
    #[error("{0}")]
    LanguageTag(#[from] LanguageTagError),
    /// A string that is not a [`Url`](crate::Url).
    #[error("{0}")]
    Url(#[from] UrlError),
    /// A string that is not an [`ExtensionKey`](crate::ExtensionKey).
    #[error("{0}")]
    ExtensionKey(#[from] ExtensionKeyError),
    /// A value that cannot be an [`ExtensionValue`](crate::ExtensionValue),
    /// or an extension value that is not of the type asked for.
    #[error("{0}")]
    ExtensionValue(#[from] ExtensionValueError),
    /// A string that is not a [`WikidataId`](crate::WikidataId).
    #[error("{0}")]
    WikidataId(#[from] WikidataIdError),
    /// Numbers that are not [`Coordinates`](crate::Coordinates).
    #[error("{0}")]
    Coordinates(#[from] CoordinatesError),
    /// A string that is not a [`TimeZone`](crate::TimeZone).
    #[error("{0}")]
    TimeZone(#[from] TimeZoneError),
    /// A string that is not an [`IsoDuration`](crate::IsoDuration).
    #[error("{0}")]
    Duration(#[from] IsoDurationError),
}

/// Where in the input text an error was found (1-based), when known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// The line, from 1; 0 when unknown.
    pub line: usize,
    /// The column, from 1; 0 when unknown.
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            Ok(())
        } else {
            write!(f, " (line {}, column {})", self.line, self.column)
        }
    }
}

/// One problem as [`Error::Json`] writes it; several as their number and
/// the first.
fn describe(problems: &[Problem]) -> String {
    let one = |problem: &Problem| {
        let path = if problem.path.is_empty() { "(root)" } else { &problem.path };
        format!("{path}{}: {}", problem.location, problem.message)
    };
    match problems {
        [] => "no problem".to_owned(),
        [problem] => one(problem),
        [first, ..] => format!("{} problems, the first: {}", problems.len(), one(first)),
    }
}

impl Error {
    /// The JSON Pointer of the offending value (empty for the whole input);
    /// of the first problem, when there are several.
    pub fn path(&self) -> &str {
        match self {
            Error::Json { path, .. } => path,
            Error::Invalid { problems } => problems.first().map_or("", |p| p.path.as_str()),
            _ => "",
        }
    }

    /// The rule broken (the first problem's, when there are several).
    /// Read errors have the code `json-syntax`: the input
    /// could not be read as JSON.
    pub fn code(&self) -> Code {
        match self {
            Error::Json { code, .. } => *code,
            Error::Invalid { problems } => problems.first().map_or(Code::JsonSyntax, |p| p.code),
            Error::InvalidUtf8 { .. } => Code::InvalidUtf8,
            Error::LineTooLong { .. } => Code::LineTooLong,
            Error::Io(_) => Code::JsonSyntax,
            Error::Text(e) => e.code(),
            Error::Id(e) => e.code(),
            Error::CountryCode(e) => e.code(),
            Error::Date(e) => e.code(),
            Error::LanguageTag(e) => e.code(),
            Error::Url(e) => e.code(),
            Error::ExtensionKey(e) => e.code(),
            Error::ExtensionValue(e) => e.code(),
            Error::WikidataId(e) => e.code(),
            Error::Coordinates(e) => e.code(),
            Error::TimeZone(e) => e.code(),
            Error::Duration(e) => e.code(),
        }
    }

    /// Where in the input the error was found, when known (the first
    /// problem's, when there are several).
    pub fn location(&self) -> Location {
        match self {
            Error::Json { location, .. } => *location,
            Error::Invalid { problems } => problems.first().map(|p| p.location).unwrap_or_default(),
            _ => Location::default(),
        }
    }

    /// The error as a validation [`Problem`] (path, location, code,
    /// severity, message): the first problem, when there are several.
    pub fn to_problem(&self) -> Problem {
        match self {
            Error::Json { path, location, code, message } => Problem {
                location: *location,
                ..Problem::new(path.clone(), *code, message.clone())
            },
            Error::Invalid { problems } => match problems.first() {
                Some(first) => first.clone(),
                None => Problem::new("", Code::JsonSyntax, "no problem"),
            },
            other => Problem::new("", other.code(), other.to_string()),
        }
    }

    /// Every problem of the error, in the order of the text: all of them
    /// for a text that is JSON but not a record ([`Error::Invalid`]), the
    /// one problem for any other error.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Code, Record};
    /// let error = Record::from_json(r#"{"format_version": "0.2", "id": "r 1",
    ///   "event": {"id": "e", "kind": "visit", "colour": "red"}}"#).unwrap_err();
    /// let problems = error.problems();
    /// assert_eq!(problems.len(), 2);
    /// assert_eq!((problems[0].path.as_str(), problems[0].code), ("/id", Code::InvalidId));
    /// assert_eq!((problems[1].path.as_str(), problems[1].location.line), ("/event/colour", 2));
    /// assert!(error.to_string().starts_with("2 problems, the first: /id (line 1, column 37): "));
    /// ```
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Invalid { problems } => problems.clone(),
            other => vec![other.to_problem()],
        }
    }

    /// [`Error::problems`], taking the error.
    pub fn into_problems(self) -> Vec<Problem> {
        match self {
            Error::Invalid { problems } => problems,
            other => vec![other.to_problem()],
        }
    }
}

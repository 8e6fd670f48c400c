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
    /// The input is not well-formed JSON, or not a record.
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

impl Error {
    /// The JSON Pointer of the offending value (empty for the whole input).
    pub fn path(&self) -> &str {
        match self {
            Error::Json { path, .. } => path,
            _ => "",
        }
    }

    /// The rule broken. Read errors have the code `json-syntax`: the input
    /// could not be read as JSON.
    pub fn code(&self) -> Code {
        match self {
            Error::Json { code, .. } => *code,
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

    /// Where in the input the error was found, when known.
    pub fn location(&self) -> Location {
        match self {
            Error::Json { location, .. } => *location,
            _ => Location::default(),
        }
    }

    /// The error as a validation [`Problem`] (path, code, severity, message).
    pub fn to_problem(&self) -> Problem {
        match self {
            Error::Json { path, code, message, .. } => {
                Problem::new(path.clone(), *code, message.clone())
            }
            other => Problem::new("", other.code(), other.to_string()),
        }
    }
}

//! The crate's error type.

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
        /// What is wrong.
        message: String,
    },
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

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub(crate) fn push_pointer_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => push_pointer_token(&mut pointer, &index.to_string()),
            Segment::Map { key } => push_pointer_token(&mut pointer, key),
            Segment::Enum { variant } => push_pointer_token(&mut pointer, variant),
            Segment::Unknown => {}
        }
    }
    pointer
}

/// serde_json's messages end with " at line L column C"; the location is
/// reported apart, so it is cut from the message.
fn strip_location(message: String) -> String {
    match message.rfind(" at line ") {
        Some(at) if message.get(at..).is_some_and(|tail| tail.contains(" column ")) => {
            message.get(..at).unwrap_or_default().to_owned()
        }
        _ => message,
    }
}

impl Error {
    pub(crate) fn from_json_error(path: String, error: &serde_json::Error) -> Self {
        Error::Json {
            path,
            location: Location { line: error.line(), column: error.column() },
            message: strip_location(error.to_string()),
        }
    }

    pub(crate) fn from_path_error(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = pointer_of(error.path());
        Self::from_json_error(path, error.inner())
    }

    /// The JSON Pointer of the offending value, for errors that have one.
    pub fn path(&self) -> &str {
        match self {
            Error::Json { path, .. } => path,
        }
    }
}

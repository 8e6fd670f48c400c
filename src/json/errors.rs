//! How serde's errors become the crate's [`Error`]: the channel that carries
//! a value error's [`Code`] beside serde's text, JSON Pointers, and the
//! sorting of serde_json's messages into codes.

use std::cell::Cell;

use crate::{Code, Error, Location};

thread_local! {
    /// The code of the last value error raised by one of the crate's own
    /// types during deserialization. serde carries errors as text; this is how
    /// the code travels beside it, on the same thread, to [`Error`].
    static VALUE_ERROR_CODE: Cell<Option<Code>> = const { Cell::new(None) };
}

/// Records the code of a value error about to be returned to serde.
pub(crate) fn note_code(code: Code) {
    VALUE_ERROR_CODE.with(|cell| cell.set(Some(code)));
}

fn take_code() -> Option<Code> {
    VALUE_ERROR_CODE.with(Cell::take)
}

/// Clears any code left by an earlier, recovered error.
pub(crate) fn clear_code() {
    take_code();
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

/// The JSON Pointer of `path`; without its last segment when that is an
/// enum variant that the input does not have (`unnamed_variant`).
fn pointer_of(path: &serde_path_to_error::Path, unnamed_variant: bool) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    let mut segments: Vec<&Segment> = path.iter().collect();
    if unnamed_variant && matches!(segments.last(), Some(Segment::Enum { .. })) {
        segments.pop();
    }
    for segment in segments {
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

/// serde_json's words for a lone surrogate escape, which name neither the
/// surrogate nor the rule ("unexpected end of hex escape" after a high
/// surrogate alone, and "lone leading surrogate" for a low one too), in
/// words that do.
fn explain_surrogates(message: String) -> String {
    match message.as_str() {
        "unexpected end of hex escape" | "lone leading surrogate in hex escape" => {
            "lone surrogate: a \\u escape of a surrogate (D800-DFFF) must be a high one \
             (D800-DBFF) followed at once by a low one (DC00-DFFF); alone it is no character"
                .to_owned()
        }
        _ => message,
    }
}

/// The code of a serde_json error that none of the crate's types raised.
fn classify(error: &serde_json::Error, message: &str) -> Code {
    use serde_json::error::Category;
    match error.classify() {
        Category::Io | Category::Syntax | Category::Eof => Code::JsonSyntax,
        Category::Data => {
            let starts = |prefix: &str| message.starts_with(prefix);
            if starts("unknown field") {
                Code::UnknownField
            } else if starts("missing field") {
                Code::MissingField
            } else if starts("duplicate field") {
                Code::DuplicateKey
            } else if starts("unknown variant") {
                Code::UnknownVariant
            } else if starts("invalid type") {
                Code::InvalidType
            } else {
                Code::InvalidValue
            }
        }
    }
}

impl Error {
    pub(crate) fn from_json_error(path: String, error: &serde_json::Error) -> Self {
        let message = explain_surrogates(strip_location(error.to_string()));
        let code = match take_code() {
            Some(code) if error.classify() == serde_json::error::Category::Data => code,
            _ => classify(error, &message),
        };
        Error::Json {
            path,
            location: Location { line: error.line(), column: error.column() },
            code,
            message,
        }
    }

    pub(crate) fn from_path_error(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let string_form = error.inner().to_string().starts_with(crate::json::strict::STRING_FORM);
        let mut path = pointer_of(error.path(), string_form);
        let mut error = Self::from_json_error(String::new(), error.inner());
        let Error::Json { code, message, .. } = &error else { return error };
        // serde reports a repeated key at the enclosing object: point at the key.
        if *code == Code::DuplicateKey {
            let key = message
                .strip_prefix("duplicate field `")
                .and_then(|rest| rest.strip_suffix('`'))
                .or_else(|| {
                    message.strip_prefix("duplicate key \"").and_then(|rest| rest.strip_suffix('"'))
                });
            if let Some(key) = key {
                push_pointer_token(&mut path, key);
            }
        }
        // A second key of a one-key object is reported at that object too:
        // point at the key, as for an unknown field of a struct.
        if *code == Code::UnknownField {
            let key = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split_once("` beside `"))
                .map(|(key, _)| key);
            if let Some(key) = key {
                push_pointer_token(&mut path, key);
            }
        }
        if let Error::Json { path: error_path, .. } = &mut error {
            *error_path = path;
        }
        error
    }
}

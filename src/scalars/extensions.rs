//! Namespaced extra data, kept exactly.
//!
//! Every object in a record rejects fields it does not know, so a typo never
//! passes silently. Data that the model has no field for goes into an
//! `extensions` map instead, under a namespaced key such as
//! `"gdelt:global_event_id"` or `"org.example:review_status"`. Values are any
//! JSON and are kept exactly: numbers keep their spelling
//! (`12345678901234567890123`, `1e2`, `-0`), strings keep their escapes.
//! Only white space between tokens is dropped, so the canonical form of a
//! record is the same however its extensions were indented.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::scalars::newtype::{string_newtype, string_schema};

/// The key of an extension: a namespace, a colon and a name
/// (`"gdelt:global_event_id"`, `"org.example:review_status"`).
///
/// The namespace is lower-case ASCII letters, digits and hyphens, in
/// dot-separated labels each starting with a letter; the name is ASCII
/// letters, digits, `_`, `-` and `.`. At most 128 characters in all.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExtensionKey(compact_str::CompactString);

/// Why a string is not an [`ExtensionKey`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{key:?} is not a namespaced extension key such as \"org.example:name\": {reason}")]
pub struct ExtensionKeyError {
    key: String,
    reason: &'static str,
}

impl ExtensionKeyError {
    /// The problem code of this error: `InvalidExtensionKey`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidExtensionKey
    }
}

fn check_key(key: &str) -> Result<(), &'static str> {
    if plain_key(key) {
        return Ok(());
    }
    check_key_slowly(key)
}

/// Whether `key` is a well-formed key, in one pass over its bytes: the
/// common case of [`check_key`], which otherwise names the problem.
fn plain_key(key: &str) -> bool {
    let bytes = key.as_bytes();
    if bytes.len() > 128 || !bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut at = 1;
    // The namespace: labels of a-z, 0-9 and '-', each after a '.' starting
    // with a letter.
    loop {
        match bytes.get(at) {
            Some(b'a'..=b'z' | b'0'..=b'9' | b'-') => at += 1,
            Some(b'.') if bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase) => at += 2,
            Some(b':') => break,
            _ => return false,
        }
    }
    let name = bytes.get(at + 1..).unwrap_or_default();
    !name.is_empty()
        && name.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// Every check of [`check_key`], one at a time, naming the first problem.
fn check_key_slowly(key: &str) -> Result<(), &'static str> {
    if key.len() > 128 {
        return Err("it is longer than 128 characters");
    }
    let (namespace, name) = key.split_once(':').ok_or("it has no ':' after the namespace")?;
    for label in namespace.split('.') {
        let mut bytes = label.bytes();
        if !bytes.next().is_some_and(|b| b.is_ascii_lowercase()) {
            return Err("each namespace label starts with a lower-case letter");
        }
        if !bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err("namespace labels use a-z, 0-9 and '-'");
        }
    }
    if name.is_empty() {
        return Err("the name after ':' is empty");
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) {
        return Err("the name uses A-Z, a-z, 0-9, '_', '-' and '.'");
    }
    Ok(())
}

impl ExtensionKey {
    /// Checks `key`.
    ///
    /// # Errors
    /// [`ExtensionKeyError`] when the key is not namespaced as described.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::ExtensionKey;
    /// assert!(ExtensionKey::parse("gdelt:global_event_id").is_ok());
    /// assert!(ExtensionKey::parse("global_event_id").is_err()); // no namespace
    /// # Ok::<(), diplomatic_events::ExtensionKeyError>(())
    /// ```
    pub fn parse(key: &str) -> Result<Self, ExtensionKeyError> {
        check_key(key)
            .map(|()| ExtensionKey(compact_str::CompactString::new(key)))
            .map_err(|reason| ExtensionKeyError { key: key.to_owned(), reason })
    }

    /// The key as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_newtype!(ExtensionKey, ExtensionKeyError);
string_schema!(ExtensionKey, {
    "description": "A namespaced extension key: lower-case dot-separated namespace, ':', name.",
    "type": "string",
    "maxLength": 128,
    "pattern": "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*:[A-Za-z0-9_.-]+$"
});

/// Any JSON value, kept exactly as written apart from white space between tokens.
///
/// In JSON the value is written as it was read, numbers with their spelling.
/// Other serde formats (CBOR, MessagePack, YAML...) carry it as serde_json
/// writes a raw value to them, a map of one entry whose value is that JSON
/// text, so that it comes back exactly as well. (A `serde_json::Value` has
/// no such entry: numbers put in one lose their spelling.)
#[derive(Clone, Debug)]
pub struct ExtensionValue(compact_str::CompactString);

/// Why a value cannot be an [`ExtensionValue`], or an extension value cannot
/// be read as the type asked for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ExtensionValueError {
    code: crate::Code,
    message: String,
}

impl ExtensionValueError {
    /// The problem code of this error: `json-syntax` for text that is not
    /// one JSON value, `duplicate-key` for a key repeated inside it, and
    /// for a value that is not of the type asked for, the code serde's
    /// message says (`invalid-type`, `missing-field`...).
    pub fn code(&self) -> crate::Code {
        self.code
    }

    fn from_serde(error: &serde_json::Error) -> Self {
        match crate::Error::from_json_error(String::new(), error) {
            crate::Error::Json { code, message, .. } => ExtensionValueError { code, message },
            other => ExtensionValueError { code: other.code(), message: other.to_string() },
        }
    }
}

impl ExtensionValue {
    /// Parses JSON text into a value kept exactly.
    ///
    /// # Errors
    /// [`ExtensionValueError`] when `json` is not one well-formed JSON value,
    /// or repeats a key inside an object.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::ExtensionValue;
    /// let value = ExtensionValue::from_json("{\"pages\": 12, \"scale\": 1.50}")?;
    /// assert_eq!(value.json(), "{\"pages\":12,\"scale\":1.50}");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self, ExtensionValueError> {
        if !crate::json::grammar::is_value(json) {
            // serde_json says what is wrong: the syntax, or else the depth.
            if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(json) {
                return Err(ExtensionValueError::from_serde(&e));
            }
            walk_value(json)?;
            return Err(ExtensionValueError {
                code: crate::Code::JsonSyntax,
                message: "not one JSON value".to_owned(),
            });
        }
        Self::from_text(json.trim_matches([' ', '\n', '\r', '\t']))
    }

    /// Any value that serializes, as JSON.
    ///
    /// # Errors
    /// [`ExtensionValueError`] when the value does not serialize to JSON (a
    /// map whose keys are not strings, a float that is not finite...).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::ExtensionValue;
    /// let value = ExtensionValue::new(&["Baku", "Ankara"])?;
    /// assert_eq!(value.json(), r#"["Baku","Ankara"]"#);
    /// assert_eq!(value.to::<Vec<String>>()?, ["Baku", "Ankara"]);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new<T: Serialize + ?Sized>(value: &T) -> Result<Self, ExtensionValueError> {
        let json = serde_json::to_string(value).map_err(|e| ExtensionValueError::from_serde(&e))?;
        Self::from_json(&json)
    }

    /// The value of `text`, one well-formed JSON value without white space
    /// around it: its keys checked for repeats and its escapes for lone
    /// surrogates, and the white space between its tokens dropped.
    fn from_text(text: &str) -> Result<Self, ExtensionValueError> {
        check_value(text)?;
        Ok(Self::minified(text))
    }

    /// [`ExtensionValue::from_text`] for the fast reader: the value when the
    /// scan of its bytes vouches for it ([`plain_value`]), `None` when only
    /// the full check can tell.
    pub(crate) fn from_plain_text(text: &str) -> Option<Self> {
        plain_value(text).then(|| Self::minified(text))
    }

    fn minified(text: &str) -> Self {
        if text.bytes().any(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
            ExtensionValue(compact_str::CompactString::from(minify(text)))
        } else {
            ExtensionValue(compact_str::CompactString::new(text))
        }
    }

    /// The value's JSON text, with no white space between tokens.
    pub fn json(&self) -> &str {
        &self.0
    }

    /// The value read as a `T`.
    ///
    /// # Errors
    /// [`ExtensionValueError`] when the value is not a `T`, with the code
    /// and message serde gives (`invalid-type: invalid type: string "x",
    /// expected u32`).
    pub fn to<T: DeserializeOwned>(&self) -> Result<T, ExtensionValueError> {
        serde_json::from_str(self.json()).map_err(|e| ExtensionValueError::from_serde(&e))
    }
}

/// Reads a JSON value through, refusing what serde_json would let pass in a
/// raw value: a key repeated within one object (parsers disagree on which
/// copy wins) and strings with lone surrogate escapes (not Unicode).
fn check_value(json: &str) -> Result<(), ExtensionValueError> {
    // Most values have neither: a scan of the bytes tells, and only a value
    // it cannot vouch for is walked in full.
    if plain_value(json) {
        return Ok(());
    }
    walk_value(json)
}

/// The deepest an extension value may nest, as serde_json's limit.
const MAX_DEPTH: usize = 128;

/// The full check of [`check_value`]: one pass over the text that decodes
/// every string, refusing lone surrogates, collects each object's keys,
/// refusing a repeat, and refuses nesting deeper than [`MAX_DEPTH`].
/// Numbers are only skipped, never parsed: a value is kept as written, so
/// `1e400` or a number of 400 digits is as good as `1`.
fn walk_value(json: &str) -> Result<(), ExtensionValueError> {
    Walk { json, at: 0, open: Vec::new(), in_key: false }.value().map_err(|message| {
        let code = if message.starts_with("duplicate key") {
            crate::Code::DuplicateKey
        } else {
            crate::Code::JsonSyntax
        };
        ExtensionValueError { code, message }
    })
}

/// The state of [`walk_value`]: where it is, and the objects and arrays
/// open around it.
struct Walk<'a> {
    json: &'a str,
    at: usize,
    open: Vec<Open<'a>>,
    /// Whether the string being read is an object's key (for the path of
    /// an error in it: the object's, not the previous key's).
    in_key: bool,
}

/// An object (with its keys so far) or an array (with its entries so far),
/// open around the walk.
enum Open<'a> {
    Object(Vec<std::borrow::Cow<'a, str>>),
    Array(usize),
}

impl<'a> Walk<'a> {
    fn value(mut self) -> Result<(), String> {
        let bytes = self.json.as_bytes();
        // Whether the next string is an object's key.
        let mut key_next = false;
        while let Some(&byte) = bytes.get(self.at) {
            match byte {
                b'{' | b'[' => {
                    if self.open.len() >= MAX_DEPTH {
                        return Err("recursion limit exceeded".to_owned());
                    }
                    self.open.push(if byte == b'{' {
                        Open::Object(Vec::new())
                    } else {
                        Open::Array(0)
                    });
                    key_next = byte == b'{';
                    self.at += 1;
                }
                b'}' | b']' => {
                    if let Some(Open::Object(mut keys)) = self.open.pop() {
                        keys.sort_unstable();
                        let repeat = keys.windows(2).find_map(|pair| match pair {
                            [first, second] if first == second => Some(first),
                            _ => None,
                        });
                        if let Some(key) = repeat {
                            let mut path = self.path();
                            crate::json::errors::push_pointer_token(&mut path, key);
                            return Err(format!(
                                "duplicate key at {path} inside the extension value"
                            ));
                        }
                    }
                    key_next = false;
                    self.at += 1;
                }
                b',' => {
                    match self.open.last_mut() {
                        Some(Open::Array(entries)) => *entries += 1,
                        Some(Open::Object(_)) => key_next = true,
                        None => return Err("not one JSON value".to_owned()),
                    }
                    self.at += 1;
                }
                b'"' => {
                    self.in_key = key_next;
                    let text = self.string()?;
                    self.in_key = false;
                    if key_next {
                        if let Some(Open::Object(keys)) = self.open.last_mut() {
                            keys.push(text);
                        }
                        key_next = false;
                    }
                }
                _ => self.at += 1,
            }
        }
        if self.open.is_empty() { Ok(()) } else { Err("not one JSON value".to_owned()) }
    }

    /// The string starting at `self.at`, decoded, borrowed when it has no
    /// escape; the walk moves past it.
    fn string(&mut self) -> Result<std::borrow::Cow<'a, str>, String> {
        let bytes = self.json.as_bytes();
        let start = self.at + 1;
        let Some(length) =
            bytes.get(start..).and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'))
        else {
            return Err("not one JSON value".to_owned());
        };
        let mut at = start + length;
        if bytes.get(at) == Some(&b'"') {
            self.at = at + 1;
            return Ok(std::borrow::Cow::Borrowed(self.json.get(start..at).unwrap_or_default()));
        }
        let mut text = self.json.get(start..at).unwrap_or_default().to_owned();
        loop {
            match bytes.get(at) {
                Some(b'"') => break,
                Some(b'\\') => {
                    let (c, length) = self.escape(at)?;
                    text.push(c);
                    at += length;
                }
                Some(_) => {
                    let rest = self.json.get(at..).unwrap_or_default();
                    let Some(c) = rest.chars().next() else { break };
                    text.push(c);
                    at += c.len_utf8();
                }
                None => return Err("not one JSON value".to_owned()),
            }
        }
        self.at = at + 1;
        Ok(std::borrow::Cow::Owned(text))
    }

    /// The character of the escape at `at` and its length in bytes: a
    /// `\uXXXX` surrogate must be a high one followed by a low one.
    fn escape(&self, at: usize) -> Result<(char, usize), String> {
        let bytes = self.json.as_bytes();
        let unit = |at: usize| {
            let hex = self.json.get(at + 2..at + 6)?;
            (bytes.get(at..at + 2) == Some(b"\\u".as_slice()))
                .then(|| u32::from_str_radix(hex, 16).ok())
                .flatten()
        };
        let simple = match bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let Some(first) = unit(at) else { return Err("invalid escape".to_owned()) };
                let code = match first {
                    0xD800..=0xDBFF => match unit(at + 6) {
                        Some(second @ 0xDC00..=0xDFFF) => {
                            let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                            return char::from_u32(code)
                                .map(|c| (c, 12))
                                .ok_or_else(|| self.lone_surrogate(first));
                        }
                        _ => return Err(self.lone_surrogate(first)),
                    },
                    0xDC00..=0xDFFF => return Err(self.lone_surrogate(first)),
                    code => code,
                };
                return char::from_u32(code)
                    .map(|c| (c, 6))
                    .ok_or_else(|| self.lone_surrogate(code));
            }
            _ => return Err("invalid escape".to_owned()),
        };
        Ok((simple, 2))
    }

    fn lone_surrogate(&self, unit: u32) -> String {
        let place = if self.in_key { "a key of the object" } else { "a string" };
        format!(
            "lone surrogate \\u{unit:04X} in {place} at {} inside the extension value: \
             a surrogate escape must be a high one (D800-DBFF) followed by a low one (DC00-DFFF)",
            self.path_or_root()
        )
    }

    fn path_or_root(&self) -> String {
        let path = self.path();
        if path.is_empty() { "the top".to_owned() } else { path }
    }

    /// The JSON Pointer, within the value, of the object or array entry the
    /// walk is in (of an object entry, the last key read), or, while a key
    /// is read, of the object it belongs to.
    fn path(&self) -> String {
        let mut path = String::new();
        let innermost = self.open.len().saturating_sub(1);
        for (level, open) in self.open.iter().enumerate() {
            match open {
                Open::Array(entries) => {
                    crate::json::errors::push_pointer_token(&mut path, &entries.to_string());
                }
                Open::Object(_) if self.in_key && level == innermost => {}
                Open::Object(keys) => {
                    if let Some(key) = keys.last() {
                        crate::json::errors::push_pointer_token(&mut path, key);
                    }
                }
            }
        }
        path
    }
}

/// Whether `json`, one well-formed JSON value (as serde_json hands over a
/// raw value), has no key repeated within an object, no `\u` escape in any
/// string (where a lone surrogate could hide), by one scan of its bytes
/// that keeps nothing off the stack.
/// `false` also for a key with any escape, which only sends the value to
/// the full walk. (Measured: a walk through serde_json cost 2,400
/// instructions for a value of three numbers; the scan costs a few a byte.)
fn plain_value(json: &str) -> bool {
    // Values kept whole on the stack: at most this many objects and arrays
    // open at once, and this many keys pending in them; larger values go
    // to the full walk. (An allocation for each object cost more than the
    // scan of a small value.)
    const DEPTH: usize = 16;
    const KEYS: usize = 32;
    // For each open object or array, where its keys start in `keys`
    // (`usize::MAX` for an array).
    let mut open = [0usize; DEPTH];
    let mut depth = 0;
    let mut keys: [&str; KEYS] = [""; KEYS];
    let mut key_count = 0;
    let bytes = json.as_bytes();
    let mut at = 0;
    // Whether the next string in the innermost object is a key.
    let mut key_next = false;
    let in_object = |open: &[usize; DEPTH], depth: usize| {
        depth > 0 && open.get(depth - 1).is_some_and(|&start| start != usize::MAX)
    };
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'{' | b'[' => {
                let Some(slot) = open.get_mut(depth) else { return false };
                *slot = if byte == b'{' { key_count } else { usize::MAX };
                depth += 1;
                key_next = byte == b'{';
            }
            b'}' | b']' => {
                let Some(&start) = depth.checked_sub(1).and_then(|d| open.get(d)) else {
                    return false;
                };
                depth -= 1;
                if start != usize::MAX {
                    let Some(object) = keys.get_mut(start..key_count) else { return false };
                    object.sort_unstable();
                    if object.windows(2).any(|pair| pair.first() == pair.last()) {
                        return false;
                    }
                    key_count = start;
                }
            }
            b',' => key_next = in_object(&open, depth),
            b'"' => {
                let start = at + 1;
                let Some(length) = bytes
                    .get(start..)
                    .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'))
                else {
                    return false;
                };
                let end = start + length;
                if bytes.get(end) == Some(&b'\\') {
                    // An escape: a key with one, or a `\u` anywhere, goes
                    // to the full walk; other escapes are skipped.
                    if key_next {
                        return false;
                    }
                    let mut i = end;
                    loop {
                        match bytes.get(i) {
                            Some(b'"') => break,
                            Some(b'\\') => {
                                if bytes.get(i + 1) == Some(&b'u') {
                                    return false;
                                }
                                i += 2;
                            }
                            Some(_) => i += 1,
                            None => return false,
                        }
                    }
                    at = i;
                } else {
                    if key_next {
                        let (Some(key), Some(slot)) =
                            (json.get(start..end), keys.get_mut(key_count))
                        else {
                            return false;
                        };
                        *slot = key;
                        key_count += 1;
                        key_next = false;
                    }
                    at = end;
                }
            }
            b'-' | b'0'..=b'9' => {
                let length = bytes
                    .get(at..)
                    .unwrap_or_default()
                    .iter()
                    .position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                    .unwrap_or(bytes.len() - at);
                at += length - 1;
            }
            _ => {}
        }
        at += 1;
    }
    depth == 0
}

/// An object key, borrowed from the text when it has no escape.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Drops the white space between JSON tokens, leaving strings untouched.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}

impl PartialEq for ExtensionValue {
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

impl Eq for ExtensionValue {}

/// The name under which serde_json reads and writes a raw value: its
/// `RawValue` writes a struct of this name with one field of this name, the
/// JSON text, and asks for a newtype struct of this name when read. serde_json
/// answers with the text itself; every other format sees that one-field
/// struct as a map.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

impl Serialize for ExtensionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // As serde_json's `RawValue` does: in JSON, the text as it is;
        // elsewhere, a map of one entry holding it.
        use serde::ser::SerializeStruct as _;
        let mut raw = serializer.serialize_struct(RAW_VALUE_TOKEN, 1)?;
        raw.serialize_field(RAW_VALUE_TOKEN, self.json())?;
        raw.end()
    }
}

impl<'de> Deserialize<'de> for ExtensionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, ValueVisitor)
    }
}

/// Reads an extension value from the map of one entry, the token and the
/// JSON text, that serde_json hands over and other formats hold, or from a
/// plain string of JSON text.
struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = ExtensionValue;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(key) if key == RAW_VALUE_TOKEN => {}
            _ => return Err(A::Error::custom("an extension value is read as raw JSON")),
        }
        // serde_json hands over text it has checked; any other format's
        // map is checked here like any text.
        let Key(text) = map.next_value::<Key<'de>>()?;
        ExtensionValue::from_json(&text).map_err(|e| {
            crate::json::errors::note_code(e.code);
            A::Error::custom(e.message)
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: serde::de::Error>(self, json: &str) -> Result<Self::Value, E> {
        ExtensionValue::from_json(json).map_err(|e| E::custom(e.message))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ExtensionValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ExtensionValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Any JSON value, kept exactly as written (numbers keep their spelling)."
        })
    }
}

/// Namespaced extra data: keys like `"org.example:name"`, any JSON values,
/// kept exactly and written in key order. A key may appear only once.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Extensions(std::mem::ManuallyDrop<BTreeMap<ExtensionKey, ExtensionValue>>);

/// Drops the map only when it has entries. Nearly every item of a record
/// has an empty `extensions`, and dropping an empty `BTreeMap` still walks
/// its (absent) nodes: about 90 instructions, up to a dozen times a record
/// (measured in BENCHMARKS.md). An empty map owns no memory, so not
/// dropping it frees nothing less.
impl Drop for Extensions {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            drop(std::mem::take(&mut *self.0));
        }
    }
}

impl Extensions {
    /// Whether there are no extensions.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&ExtensionValue> {
        self.0.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    }

    /// The value under `key`, read as a `T`; `None` when there is none.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Extensions;
    /// let mut extensions = Extensions::default();
    /// extensions.insert("org.example:pages".parse()?, &12)?;
    /// assert_eq!(extensions.get_as::<u32>("org.example:pages").transpose()?, Some(12));
    /// assert!(extensions.get_as::<String>("org.example:pages").is_some_and(|v| v.is_err()));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, crate::Error>> {
        self.get(key).map(|value| value.to().map_err(crate::Error::from))
    }

    /// Sets `key` to `value`, any value that serializes (an
    /// [`ExtensionValue`] is kept as it is), returning the value it replaces.
    ///
    /// # Errors
    /// [`Error::ExtensionValue`](crate::Error::ExtensionValue) when the value
    /// does not serialize to JSON; nothing is changed then.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Extensions;
    /// let mut extensions = Extensions::default();
    /// extensions.insert("org.example:cities".parse()?, &["Baku", "Ankara"])?;
    /// assert_eq!(extensions.get("org.example:cities").map(|v| v.json()),
    ///     Some(r#"["Baku","Ankara"]"#));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn insert<T: Serialize + ?Sized>(
        &mut self,
        key: ExtensionKey,
        value: &T,
    ) -> Result<Option<ExtensionValue>, crate::Error> {
        let value = ExtensionValue::new(value)?;
        Ok(self.0.insert(key, value))
    }

    /// Adds `key` with `value` unless `key` is there already; whether added.
    pub(crate) fn insert_new(&mut self, key: ExtensionKey, value: ExtensionValue) -> bool {
        match self.0.entry(key) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(value);
                true
            }
            std::collections::btree_map::Entry::Occupied(_) => false,
        }
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&ExtensionKey, &ExtensionValue)> {
        self.0.iter()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl Serialize for Extensions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Extensions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::scalars::newtype::unique_map(deserializer)
            .map(|map| Extensions(std::mem::ManuallyDrop::new(map)))
    }
}

/// Each key and each value on its own.
impl crate::json::collect::Collect for Extensions {
    fn collect(
        node: &crate::json::collect::Node<'_>,
        cx: &mut crate::json::collect::Collector,
    ) -> Option<Self> {
        match &node.shape {
            crate::json::collect::Shape::Object(_) => {
                cx.map(node).map(|map| Extensions(std::mem::ManuallyDrop::new(map)))
            }
            _ => cx.serde(node),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Extensions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extensions".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        namespaced_map_schema::<ExtensionValue>(
            generator,
            "Namespaced extra data that the model has no field for, kept exactly. Keys are \"namespace:name\" with a lower-case dot-separated namespace.",
        )
    }
}

/// The schema of a map under namespaced keys (extensions, other ids): its
/// keys by the rule of [`ExtensionKey`], length included, its values `V`.
#[cfg(feature = "schema")]
pub(crate) fn namespaced_map_schema<V: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
    description: &str,
) -> schemars::Schema {
    let key = generator.subschema_for::<ExtensionKey>();
    let value = generator.subschema_for::<V>();
    schemars::json_schema!({
        "description": description,
        "type": "object",
        "propertyNames": key,
        "additionalProperties": value,
    })
}

#[cfg(test)]
mod tests {
    use super::{check_key_slowly, plain_key, plain_value, walk_value};

    /// The one-pass key check agrees with the checks one at a time.
    #[test]
    fn the_one_pass_key_check_agrees_with_the_full_one() {
        let keys = [
            "org.example:name",
            "gdelt:id",
            "a:b",
            "a.b.c-d:x_Y.z-9",
            "org.example:attendance",
            "",
            ":",
            "a:",
            ":b",
            "A:b",
            "a.:b",
            "a..b:c",
            "a.1b:c",
            "a-b:c",
            "a:b:c",
            "a b:c",
            "1a:b",
            "a.b",
            "a:b c",
            "a:é",
            "é:b",
        ];
        for key in keys {
            let long = format!("a:{}", "b".repeat(130));
            for key in [key, long.as_str()] {
                assert_eq!(plain_key(key), check_key_slowly(key).is_ok(), "{key:?}");
            }
        }
    }

    /// The full walk: duplicate keys and lone surrogates refused.
    fn walk(json: &str) -> bool {
        walk_value(json).is_ok()
    }

    /// The scan vouches only for values the full walk accepts, and for
    /// the plain ones it must see.
    #[test]
    fn the_scan_vouches_only_for_what_the_walk_accepts() {
        let cases = [
            (r#"{"ratio":2.5,"registered":97372}"#, true),
            (r#"[1e2,-0,12345678901234567890123]"#, true),
            (r#"{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"x\"y\\"}"#, true),
            (r#"{"a":"\n","b":{}}"#, true),
            (r#"[[],{},"",null,true,false]"#, true),
            (r#"{"a":1,"a":2}"#, false),
            (r#"{"b":{"x":1,"y":2,"x":3}}"#, false),
            (r#"[{"k":1},{"k":2,"k":3}]"#, false),
            (r#"{"a":1,"\u0061":2}"#, false),
            (r#"{"a\"":1,"a\"":2}"#, false),
            (r#""\ud800""#, false),
            (r#"{"a":"\ud83d\ude00"}"#, false),
            ("[1e400]", true),
            ("[-1e-400, 1.5e300, 123456789012345678901234567890]", true),
        ];
        assert!(plain_value(&format!("[{}]", "9".repeat(400))), "numbers are kept, never parsed");
        for (json, plain) in cases {
            assert_eq!(plain_value(json), plain, "{json}");
            if plain_value(json) {
                assert!(walk(json), "{json}");
            }
        }
        // The walk decides what the scan leaves to it.
        assert!(!walk(r#"{"a":1,"\u0061":2}"#));
        assert!(!walk(r#""\ud800""#));
        assert!(walk(r#"{"a":"\ud83d\ude00"}"#));
        assert!(!walk(r#"{"\u00e9":1,"é":2}"#));
        assert!(walk(r#"{"a":[1,{"b":"\"\\\/\b\f\n\r\t\u0041"}]}"#));
        assert!(walk("[1e400,-1e99999,123456789012345678901234567890e-5]"));
        for (json, message) in [
            (r#"{"a":[0,{"b":"x\udc00"}]}"#, "lone surrogate \\uDC00 in a string at /a/1/b"),
            (r#"["\ud800x"]"#, "lone surrogate \\uD800 in a string at /0"),
            (r#""\ud800\u0041""#, "lone surrogate \\uD800 in a string at the top"),
            (r#"{"a":{"k":1,"k":2}}"#, "duplicate key at /a/k inside the extension value"),
            (r#"{"a":{"k":1,"x\udc00":2}}"#, "lone surrogate \\uDC00 in a key of the object at /a"),
            (r#"{"a":1,"b":"\ud800"}"#, "lone surrogate \\uD800 in a string at /b"),
        ] {
            let error = walk_value(json).err().map(|e| e.message).unwrap_or_default();
            assert!(error.starts_with(message), "{json}: {error}");
        }
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert_eq!(
            walk_value(&deep).map_err(|e| e.message),
            Err("recursion limit exceeded".into())
        );
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(walk(&deep));
    }
}

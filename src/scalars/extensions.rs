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

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::scalars::newtype::{string_newtype, string_schema};

/// The key of an extension: a namespace, a colon and a name
/// (`"gdelt:global_event_id"`, `"org.example:review_status"`).
///
/// The namespace is lower-case ASCII letters, digits and hyphens, in
/// dot-separated labels each starting with a letter; the name is ASCII
/// letters, digits, `_`, `-` and `.`. At most 128 characters in all.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExtensionKey(String);

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
    pub fn parse(key: &str) -> Result<Self, ExtensionKeyError> {
        check_key(key)
            .map(|()| ExtensionKey(key.to_owned()))
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
#[derive(Clone, Debug)]
pub struct ExtensionValue(Box<RawValue>);

impl ExtensionValue {
    /// Parses JSON text into a value kept exactly.
    ///
    /// # Errors
    /// A [`serde_json::Error`] when `json` is not one well-formed JSON value.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        let raw: Box<RawValue> = serde_json::from_str(json)?;
        Self::from_raw(raw).map_err(|e| serde::de::Error::custom(e.message))
    }

    fn from_raw(raw: Box<RawValue>) -> Result<Self, ValueError> {
        let text = raw.get();
        check_value(text)?;
        if text.bytes().any(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
            RawValue::from_string(minify(text))
                .map(ExtensionValue)
                .map_err(|e| ValueError { code: crate::Code::JsonSyntax, message: e.to_string() })
        } else {
            Ok(ExtensionValue(raw))
        }
    }

    /// The value's JSON text, with no white space between tokens.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// The value as a [`serde_json::Value`] (numbers may lose their spelling).
    ///
    /// # Errors
    /// A [`serde_json::Error`] if the value cannot be represented, which does
    /// not happen for values this type accepted.
    pub fn to_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(self.json())
    }
}

/// Reads a JSON value through, refusing what serde_json would let pass in a
/// raw value: a key repeated within one object (parsers disagree on which
/// copy wins) and strings with lone surrogate escapes (not Unicode).
fn check_value(json: &str) -> Result<(), ValueError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    serde::de::DeserializeSeed::deserialize(Checked { path: String::new() }, &mut deserializer)
        .map_err(|e| {
            let code = if e.classify() == serde_json::error::Category::Data {
                crate::Code::DuplicateKey
            } else {
                crate::Code::JsonSyntax
            };
            // The position within the value means nothing to the reader of
            // the whole record; the path within the value is in the message.
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(at) => message.get(..at).unwrap_or_default().to_owned(),
                None => message,
            };
            ValueError { code, message }
        })
}

/// Why a raw value was refused, with the problem code to report.
struct ValueError {
    code: crate::Code,
    message: String,
}

/// A seed that walks a JSON value, knowing its JSON Pointer within the extension.
struct Checked {
    path: String,
}

impl<'de> serde::de::DeserializeSeed<'de> for Checked {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Checked {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            let mut path = self.path.clone();
            crate::json::errors::push_pointer_token(&mut path, &index.to_string());
            if seq.next_element_seed(Checked { path })?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = std::collections::BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let mut path = self.path.clone();
            crate::json::errors::push_pointer_token(&mut path, &key);
            if !keys.insert(key) {
                return Err(A::Error::custom(format_args!(
                    "duplicate key at {path} inside the extension value"
                )));
            }
            map.next_value_seed(Checked { path })?;
        }
        Ok(())
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

impl Serialize for ExtensionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ExtensionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Self::from_raw(raw).map_err(|e| {
            crate::json::errors::note_code(e.code);
            D::Error::custom(e.message)
        })
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
pub struct Extensions(BTreeMap<ExtensionKey, ExtensionValue>);

impl Extensions {
    /// Whether there are no extensions.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&ExtensionValue> {
        self.0.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: ExtensionKey, value: ExtensionValue) -> Option<ExtensionValue> {
        self.0.insert(key, value)
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
        crate::scalars::newtype::unique_map(deserializer).map(Extensions)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Extensions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extensions".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let key = generator.subschema_for::<ExtensionKey>();
        let value = generator.subschema_for::<ExtensionValue>();
        schemars::json_schema!({
            "description": "Namespaced extra data that the model has no field for, kept exactly. Keys are \"namespace:name\" with a lower-case dot-separated namespace.",
            "type": "object",
            "propertyNames": key,
            "additionalProperties": value,
        })
    }
}

//! The JSON Schema of records, for users in other languages (feature `schema`).
//!
//! [`record_schema`] gives the schema committed as
//! `schemas/record.schema.json`: JSON Schema draft 2020-12, generated from
//! the Rust types with schemars, so it says what [`Record::from_json`]
//! accepts:
//!
//! - every object has `additionalProperties: false` (extra data goes into
//!   `extensions`); optional fields are left out, never `null`;
//! - tagged unions are `oneOf` with `const` tags; open vocabularies are
//!   `oneOf` of `const` strings plus `{"other": text}`;
//! - country codes are an `enum` of exactly the accepted codes; ids, text,
//!   dates, language tags, URLs and extension keys carry the patterns,
//!   lengths and formats of their Rust types;
//! - every type and field has a `title` and a `description`.
//!
//! What a schema cannot say is checked by [`Record::validate`] only: the
//! rules marked "no" in the JSON Schema column of the
//! [code table](crate::validation#codes).
//!
//! [`Record::from_json`]: crate::Record::from_json
//! [`Record::validate`]: crate::Record::validate

use serde_json::{Map, Value};

use crate::{FormatVersion, Record};

/// The `$id` of the record schema; it carries the format version.
pub const SCHEMA_ID: &str = "urn:diplomatic-events:schema:record:0.2";

/// The JSON Schema dialect used.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Formats that JSON Schema defines; schemars' others (`uint64`, `double`)
/// are dropped, since strict validators reject unknown formats.
const STANDARD_FORMATS: &[&str] = &["date", "date-time", "time", "uri"];

/// The JSON Schema of a [`Record`], as committed in `schemas/record.schema.json`.
///
/// # Example
/// ```
/// let schema = diplomatic_events::schema::record_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["$id"], diplomatic_events::schema::SCHEMA_ID);
/// ```
pub fn record_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Record>().to_value();
    let descriptions: Map<String, Value> = schema
        .get("$defs")
        .and_then(Value::as_object)
        .map(|defs| {
            defs.iter()
                .filter_map(|(name, def)| {
                    Some((format!("#/$defs/{name}"), def.get("description")?.clone()))
                })
                .collect()
        })
        .unwrap_or_default();
    tidy(&mut schema, &descriptions);
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            set_title(def, &humanize_type(name));
        }
    }
    if let Some(root) = schema.as_object_mut() {
        let mut head = Map::new();
        head.insert("$schema".into(), DIALECT.into());
        head.insert("$id".into(), SCHEMA_ID.into());
        head.insert(
            "title".into(),
            format!("Diplomatic event record, format {}", FormatVersion::CURRENT.as_str()).into(),
        );
        root.remove("$schema");
        root.remove("title");
        let example: Value =
            serde_json::from_str(include_str!("../examples/records/baku-2024-04-02.json"))
                .unwrap_or(Value::Null);
        root.insert("examples".into(), Value::Array(vec![example]));
        head.append(root);
        *root = head;
    }
    schema
}

/// The record schema as pretty JSON with a final newline, as committed.
pub fn record_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&record_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// What the description of every whole number adds: the spelling rule
/// that a JSON Schema validator, which sees `1e2` as the integer 100,
/// cannot check.
const PLAIN_DIGITS: &str = "Written in plain digits (`100`, not `1e2`, `100.0` or `-0`), \
     which only the crate checks.";

/// The largest value of schemars' unsigned integer format `format`.
fn unsigned_maximum(format: &str) -> Option<u64> {
    match format {
        "uint8" => Some(u8::MAX.into()),
        "uint16" => Some(u16::MAX.into()),
        "uint32" => Some(u32::MAX.into()),
        "uint64" | "uint" => Some(u64::MAX),
        _ => None,
    }
}

fn append_description(object: &mut Map<String, Value>, sentence: &str) {
    let description = match object.get("description").and_then(Value::as_str) {
        Some(text) if !text.is_empty() => format!("{text} {sentence}"),
        _ => sentence.to_owned(),
    };
    object.insert("description".into(), description.into());
}

fn set_title(schema: &mut Value, title: &str) {
    if let Some(object) = schema.as_object_mut() {
        if !object.contains_key("title") {
            object.insert("title".into(), title.into());
        }
    }
}

/// `published_at` -> `Published at`.
fn humanize_field(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `AgreementStep` -> `Agreement step`.
fn humanize_type(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Walks the generated schema: drops `null` from optional fields, drops
/// non-standard formats, and titles every property and union branch.
fn tidy(schema: &mut Value, descriptions: &Map<String, Value>) {
    let Some(object) = schema.as_object_mut() else {
        if let Some(items) = schema.as_array_mut() {
            items.iter_mut().for_each(|item| tidy(item, descriptions));
        }
        return;
    };
    // `type: ["boolean", "null"]` -> `type: "boolean"`.
    if let Some(Value::Array(types)) = object.get("type") {
        let kept: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        if kept.len() == 1 {
            object.insert("type".into(), kept.into_iter().next().unwrap_or(Value::Null));
        }
    }
    // `anyOf: [X, {type: null}]` -> X's keywords merged in.
    if let Some(Value::Array(branches)) = object.get("anyOf") {
        let kept: Vec<&Value> =
            branches.iter().filter(|b| b.get("type") != Some(&"null".into())).collect();
        if kept.len() == 1 && branches.len() == 2 {
            if let Some(Value::Object(inner)) = kept.first().copied().cloned() {
                object.remove("anyOf");
                for (key, value) in inner {
                    object.entry(key).or_insert(value);
                }
            }
        }
    }
    // The limit on entries that the Strict reader enforces.
    if object.get("type") == Some(&Value::from("array")) {
        object.insert("maxItems".into(), crate::MAX_ITEMS.into());
    }
    if object.contains_key("propertyNames")
        || object.get("additionalProperties").is_some_and(Value::is_object)
    {
        object.insert("maxProperties".into(), crate::MAX_ITEMS.into());
    }
    if let Some(Value::String(format)) = object.get("format").cloned() {
        if let Some(maximum) = unsigned_maximum(&format) {
            object.insert("maximum".into(), maximum.into());
            append_description(object, PLAIN_DIGITS);
        }
        if !STANDARD_FORMATS.contains(&format.as_str()) {
            object.remove("format");
        }
    }
    // Python's `re.search` lets `$` match before a final line break, so
    // `"^[a-z]+$"` takes `"visit\n"`; no pattern of the model allows a line
    // break anywhere, and this says so in every regex dialect alike
    // (lookarounds and `\z` are not in all of them).
    let line_break = Value::from("\n");
    if object.get("pattern").is_some_and(|p| *p != line_break) && !object.contains_key("not") {
        object.insert("not".into(), serde_json::json!({ "pattern": line_break }));
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            set_title(property, &humanize_field(name));
            describe_from_ref(property, descriptions);
        }
    }
    if let Some(Value::Array(branches)) = object.get_mut("oneOf") {
        for branch in branches.iter_mut() {
            let title = branch_title(branch);
            if let Some(title) = title {
                set_title(branch, &title);
            }
            describe_from_ref(branch, descriptions);
        }
    }
    for value in object.values_mut() {
        tidy(value, descriptions);
    }
}

/// Gives a schema that only refers to a type that type's description.
fn describe_from_ref(schema: &mut Value, descriptions: &Map<String, Value>) {
    let Some(object) = schema.as_object_mut() else { return };
    if object.contains_key("description") {
        return;
    }
    let described = object.get("$ref").and_then(Value::as_str).and_then(|r| descriptions.get(r));
    if let Some(description) = described.cloned() {
        object.insert("description".into(), description);
    } else if let Some(Value::String(tag)) = object.get("const") {
        let description = format!("Always \"{tag}\": the tag that says which kind this is.");
        object.insert("description".into(), description.into());
    }
}

/// A union branch's title: its `const` value, its tag, or its one key.
fn branch_title(branch: &Value) -> Option<String> {
    if let Some(Value::String(value)) = branch.get("const") {
        return Some(humanize_field(value));
    }
    let properties = branch.get("properties")?.as_object()?;
    for tag in ["type", "kind"] {
        if let Some(Value::String(value)) = properties.get(tag).and_then(|t| t.get("const")) {
            return Some(humanize_field(value));
        }
    }
    if properties.len() == 1 {
        return properties.keys().next().map(|k| humanize_field(k));
    }
    None
}

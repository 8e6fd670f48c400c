//! The committed JSON Schema: in step with the types, titled and described
//! throughout, and in agreement with the Rust parser and validator.
//!
//! Set `UPDATE_SCHEMAS=1` to rewrite `schemas/` from the types.

use std::path::Path;

use diplomatic_events::schema::{SCHEMA_ID, record_schema, record_schema_json};
use diplomatic_events::{Code, Record};
use serde_json::Value;

use crate::fixtures::{json_files, valid_record_files};

fn committed_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/record.schema.json")
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&record_schema())
        .expect("the schema compiles")
}

#[test]
fn committed_schema_matches_the_types() {
    let generated = record_schema_json();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(committed_path(), &generated).expect("writable");
    }
    let committed = std::fs::read_to_string(committed_path()).expect("schemas/record.schema.json");
    assert!(
        committed == generated,
        "schemas/record.schema.json is out of date: run UPDATE_SCHEMAS=1 cargo test --all-features"
    );
}

#[test]
fn schema_header() {
    let schema = record_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], SCHEMA_ID);
    assert!(SCHEMA_ID.ends_with(":0.2"));
    let example = &schema["examples"][0];
    let baku: Value =
        serde_json::from_str(include_str!("../../examples/records/baku-2024-04-02.json"))
            .expect("json");
    assert_eq!(example, &baku);
    let countries = &schema["$defs"]["CountryCode"]["enum"];
    assert_eq!(
        countries.as_array().map(Vec::len),
        Some(diplomatic_events::CountryCode::all().len())
    );
}

/// Every type, field and union branch has a title and a description.
#[test]
fn everything_is_titled_and_described() {
    fn walk(node: &Value, at: &str, missing: &mut Vec<String>) {
        match node {
            Value::Object(object) => {
                let mut check = |schema: &Value, at: String| {
                    for key in ["title", "description"] {
                        if schema.get(key).is_none() {
                            missing.push(format!("{at} has no {key}"));
                        }
                    }
                };
                if let Some(Value::Object(properties)) = object.get("properties") {
                    for (name, property) in properties {
                        check(property, format!("{at}/properties/{name}"));
                    }
                }
                if let Some(Value::Array(branches)) = object.get("oneOf") {
                    for (i, branch) in branches.iter().enumerate() {
                        check(branch, format!("{at}/oneOf/{i}"));
                    }
                }
                for (key, value) in object {
                    if key != "examples" {
                        walk(value, &format!("{at}/{key}"), missing);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let schema = record_schema();
    let mut missing = Vec::new();
    walk(&schema, "", &mut missing);
    for (name, def) in schema["$defs"].as_object().expect("$defs") {
        for key in ["title", "description"] {
            if def.get(key).is_none() {
                missing.push(format!("$defs/{name} has no {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_valid_record_passes_the_schema() {
    let validator = validator();
    for path in valid_record_files() {
        let instance: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// The schema rejects an invalid fixture exactly when one of its problems
/// has a code marked as checked by the schema.
#[test]
fn invalid_fixtures_agree_with_the_schema_column_of_the_code_table() {
    let validator = validator();
    let mut both = 0;
    let mut rust_only = 0;
    for path in json_files("tests/fixtures/invalid") {
        let Ok(text) = std::str::from_utf8(&std::fs::read(&path).expect("read")).map(str::to_owned)
        else {
            continue; // not UTF-8: no JSON Schema validator gets to see it
        };
        let Ok(instance) = serde_json::from_str::<Value>(&text) else {
            continue; // not JSON: likewise
        };
        let codes: Vec<Code> = match Record::from_json(&text) {
            Ok(record) => record.validate().iter().map(|p| p.code).collect(),
            Err(error) => vec![error.code()],
        };
        let expect_rejected = codes.iter().any(|c| c.checked_by_schema());
        let rejected = !validator.is_valid(&instance);
        assert_eq!(rejected, expect_rejected, "{}: codes {codes:?}", path.display());
        if expect_rejected { both += 1 } else { rust_only += 1 }
    }
    assert!(both >= 15 && rust_only >= 15, "{both} schema-checked, {rust_only} Rust-only fixtures");
}

/// A few values at the edges, where a pattern could drift from its type.
#[test]
fn schema_and_types_agree_on_edge_values() {
    let validator = validator();
    let record_with = |field: &str, value: &str| -> String {
        format!(
            r#"{{"format_version":"0.2","id":"x","event":{{"id":"e","kind":"visit"}},"sources":[{{"id":"s",{field}:{value}}}]}}"#
        )
    };
    let cases = [
        (
            r#""url""#,
            vec![
                r#""https://example.org""#,
                r#""http://a.b/c?d=e#f""#,
                r#""https://[2001:db8::1]:8443/x""#,
                r#""https://u:p@example.org/""#,
                r#""https://example.org/%C3%BC""#,
                r#""https://example.org:/""#,
                r#""https://example.org/Баку""#,
                r#""https://exa mple.org""#,
                r#""https:///x""#,
                r#""HTTP://x.org""#,
                r#""https://example.org:80a/""#,
                r#""https://a@b@c/""#,
                r#""https://example.org/%2""#,
                r#""https://[::1""#,
                r#""https://example.org/a\\b""#,
                r#""https://[]/""#,
                r#""https://example.com/a[1]""#,
                r#""https://example.com/#a#b""#,
                r#""https://example.com/?q=[x]""#,
                r#""https://[1.2.3.4]/""#,
                r#""https://[abc]/""#,
                r#""https://[1::2::3]/""#,
                r#""https://[::1.02.3.4]/""#,
                r#""https://[fe80::1%25eth0]/""#,
                r#""https://[v1.fe:x]/""#,
                r#""https://[::ffff:1.2.3.4]:8080/a?b#c/d?e""#,
                r#""https://[1:2:3:4:5:6:7::]/""#,
                r#""https://[::2:3:4:5:6:7:8]/""#,
                r#""https://[12345::]/""#,
                r#""https://example.org/a:b@c/d?e/f?g#h/i?j""#,
            ],
        ),
        (
            r#""language""#,
            vec![
                r#""en""#,
                r#""az-Latn-AZ""#,
                r#""zh-Hant-TW""#,
                r#""es-419""#,
                r#""x-private""#,
                r#""I-KLINGON""#,
                r#""en-US-x-twain""#,
                r#""sl-rozaj-biske""#,
                r#""de-CH-1901""#,
                r#""en-a-bbb-x-a-ccc""#,
                r#""en_US""#,
                r#""1en""#,
                r#""en-US-GB""#,
                r#""en-a""#,
                r#""en-x""#,
                r#""e""#,
                r#""""#,
            ],
        ),
        (
            r#""published_at""#,
            vec![
                r#""2024""#,
                r#""2024-04""#,
                r#""2024-04-02""#,
                r#""2024-04-02T10:00:00+05:45""#,
                r#""2024-04-02T10:00:00.123456789Z""#,
                r#""2024-04-02T10:00:00-00:00""#,
                r#""2024-02-30""#,
                r#""2024-13""#,
                r#""2024-04-02T10:00:00""#,
                r#""2024-04-02t10:00:00z""#,
                r#""2016-12-31T23:59:60Z""#,
                r#""2024-04-02T10:00:00+24:00""#,
                r#""2024-04-02T10:00:00.1234567890Z""#,
                r#""24""#,
                r#""2023-02-29""#,
            ],
        ),
        (
            r#""title""#,
            vec![
                r#""Görgün""#,
                r#""a\u200Db""#,
                r#""x\u00A0""#,
                r#"" \u3000""#,
                r#""""#,
                r#""a\nb""#,
                r#""a\u202Eb""#,
                r#""\uFEFFa""#,
                r#""a\u200Bb""#,
                r#""\u0085""#,
                r#""\u2028""#,
            ],
        ),
    ];
    for (field, values) in cases {
        let mut verdicts = std::collections::BTreeSet::new();
        for value in values {
            let json = record_with(field, value);
            let rust = Record::from_json(&json).is_ok();
            let instance: Value = serde_json::from_str(&json).expect("json");
            assert_eq!(
                validator.is_valid(&instance),
                rust,
                "{field}: {value} (Rust accepts: {rust})"
            );
            verdicts.insert(rust);
        }
        assert_eq!(verdicts.len(), 2, "{field}: the cases must include both verdicts");
    }
}

/// The schema's text pattern and [`Text::parse`] agree on every character
/// of the Basic Multilingual Plane (and a few beyond), alone, after a
/// letter, and between spaces: what is forbidden, what is blank, what is
/// text. (The NFC rules the pattern cannot say are left out: marks, which
/// NFC may change, are compared only after a letter, where Rust keeps them.)
#[test]
fn the_text_pattern_is_the_text_rule_for_every_character() {
    use diplomatic_events::Text;
    let mut text_schema = record_schema();
    if let Some(root) = text_schema.as_object_mut() {
        root.insert("$ref".into(), "#/$defs/Text".into());
        root.remove("properties");
        root.remove("required");
        root.remove("additionalProperties");
        root.remove("type");
    }
    let validator = jsonschema::options().build(&text_schema).expect("compiles");
    let mut checked = 0;
    for c in (0..0x1_0000).chain([0x1_F600, 0xE_0001, 0x10_FFFD]).filter_map(char::from_u32) {
        for text in [c.to_string(), format!("a{c}"), format!(" {c} "), format!("{c}{c}")] {
            let rust = Text::parse(&text);
            // NFC changed the text: the schema sees what was written, which
            // may differ (composition); only texts NFC keeps are compared.
            if rust.as_ref().is_ok_and(|t| t.as_str() != text) {
                continue;
            }
            let schema = validator.is_valid(&Value::String(text.clone()));
            assert_eq!(schema, rust.is_ok(), "{text:?} (U+{:04X}): {rust:?}", u32::from(c));
            checked += 1;
        }
    }
    assert!(checked > 250_000, "{checked}");
}

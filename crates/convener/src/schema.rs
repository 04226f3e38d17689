//! JSON Schemas of the document and the options, generated from the Rust types.

use std::sync::OnceLock;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use crate::Error;
use crate::codes::IssueCode;
use crate::model::{Initiative, Options};

fn generate<T: JsonSchema>() -> serde_json::Value {
    generate_with::<T>(SchemaSettings::draft2020_12())
}

/// The schema of what convener writes (every field it always writes is required).
fn generate_output<T: JsonSchema>() -> serde_json::Value {
    generate_with::<T>(SchemaSettings::draft2020_12().for_serialize())
}

fn generate_with<T: JsonSchema>(settings: SchemaSettings) -> serde_json::Value {
    let mut v = settings.into_generator().into_root_schema_for::<T>().to_value();
    tidy_descriptions(&mut v);
    lead_with_header(v)
}

/// Puts `$schema`, `title` and `description` first, so the file reads from the top.
fn lead_with_header(v: serde_json::Value) -> serde_json::Value {
    let serde_json::Value::Object(mut map) = v else {
        return v;
    };
    let mut out = serde_json::Map::new();
    for key in ["$schema", "title", "description"] {
        if let Some(x) = map.shift_remove(key) {
            out.insert(key.to_string(), x);
        }
    }
    out.extend(map);
    serde_json::Value::Object(out)
}

/// Keeps a description to its prose: the Rust examples and rustdoc link brackets are for
/// the API docs, not for people reading the schema.
fn tidy_descriptions(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "description" {
                    if let serde_json::Value::String(d) = child {
                        if let Some(i) = d.find("# Example") {
                            d.truncate(i);
                        }
                        let tidy = d.trim_end().replace("[`", "`").replace("`]", "`");
                        *d = strip_link_targets(&tidy);
                    }
                } else {
                    tidy_descriptions(child);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

/// Removes rustdoc link targets: "`x`(crate::y)" becomes "`x`".
fn strip_link_targets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("`(") {
        out.push_str(&rest[..=i]);
        let after = &rest[i + 1..];
        match after.find(')') {
            Some(j) if !after[..j].contains(' ') => rest = &after[j + 1..],
            _ => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// The JSON Schema of the initiative document (format `convener/1`).
///
/// The schema states the document's shape: fields, types, names, ranges and the form of
/// ids, dates and periods. References between parts and duplicates are checked by the
/// loader, not the schema.
///
/// # Example
/// ```
/// let schema = convener::schema::initiative();
/// assert_eq!(schema["type"], "object");
/// assert!(schema["required"].as_array().unwrap().iter().any(|f| f == "partners"));
/// ```
pub fn initiative() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(generate::<Initiative>)
}

/// The JSON Schema of [`Options`].
///
/// # Example
/// ```
/// let schema = convener::schema::options();
/// assert!(schema["properties"]["min_level"].is_object());
/// ```
pub fn options() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(generate::<Options>)
}

/// The JSON Schema of the [`Report`](crate::Report) (format `convener-report/1`).
///
/// # Example
/// ```
/// let schema = convener::schema::report();
/// assert!(schema["properties"]["conditions"].is_object());
/// ```
pub fn report() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(generate_output::<crate::Report>)
}

/// The JSON Schema of the what-if answer `{removed, delta, report}`.
///
/// # Example
/// ```
/// let schema = convener::schema::what_if();
/// assert!(schema["properties"]["delta"].is_object());
/// ```
pub fn what_if() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(generate_output::<crate::WhatIf>)
}

/// The names [`by_name`] knows.
pub const NAMES: &[&str] = &["initiative", "options", "report", "what-if"];

/// A schema by name (`initiative` or `options`), as pretty JSON text with a trailing
/// newline: the text of the committed schema files.
///
/// # Example
/// ```
/// let text = convener::schema::by_name("initiative").unwrap();
/// assert!(text.ends_with("}\n"));
/// assert_eq!(convener::schema::by_name("nope").unwrap_err().code(), "argument.unknown_schema");
/// ```
pub fn by_name(name: &str) -> Result<String, Error> {
    let schema = match name {
        "initiative" => initiative(),
        "options" => options(),
        "report" => report(),
        "what-if" => what_if(),
        _ => {
            return Err(Error::InvalidArgument {
                code: IssueCode::ArgumentUnknownSchema,
                message: format!("there is no schema called '{name}'; the schemas are: {}", NAMES.join(", ")),
            });
        }
    };
    let mut text = serde_json::to_string_pretty(schema).map_err(|e| Error::Internal(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

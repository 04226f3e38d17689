//! JSON Schemas of what convener writes: the report and the what-if answer.

use std::sync::OnceLock;

use super::{Report, WhatIf};
use crate::schema::generate_output;

/// The JSON Schema of the [`Report`] (format `convener-report/1`).
///
/// # Example
/// ```
/// let schema = convener::report::schema::report();
/// assert!(schema["properties"]["conditions"].is_object());
/// ```
pub fn report() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(generate_output::<Report>)
}

/// The JSON Schema of the what-if answer `{removed, delta, report}`.
///
/// # Example
/// ```
/// let schema = convener::report::schema::what_if();
/// assert!(schema["properties"]["delta"].is_object());
/// ```
pub fn what_if() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(generate_output::<WhatIf>)
}

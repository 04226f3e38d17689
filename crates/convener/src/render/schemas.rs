//! The JSON Schemas as text, by name: the document, the options, the report and the
//! what-if answer (the committed schema files are this text).

use crate::error::Error;

/// The names [`schema`] knows.
pub const SCHEMAS: &[&str] = &["initiative", "options", "report", "what-if"];

/// A schema by name (`initiative`, `options`, `report` or `what-if`), as pretty JSON text
/// with a trailing newline: the text of the committed schema files.
///
/// # Example
/// ```
/// let text = convener::render::schema("initiative").unwrap();
/// assert!(text.ends_with("}\n"));
/// assert_eq!(convener::render::schema("nope").unwrap_err().code(), "argument.unknown_schema");
/// ```
pub fn schema(name: &str) -> Result<String, Error> {
    let value = match name {
        "initiative" => crate::schema::initiative(),
        "options" => crate::schema::options(),
        "report" => crate::report::schema::report(),
        "what-if" => crate::report::schema::what_if(),
        _ => {
            return Err(Error::InvalidArgument {
                code: crate::codes::IssueCode::ArgumentUnknownSchema,
                message: format!("there is no schema called '{name}'; the schemas are: {}", SCHEMAS.join(", ")),
            });
        }
    };
    Ok(super::json::pretty(value))
}

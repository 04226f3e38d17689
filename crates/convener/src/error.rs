//! `Error` and `Issue`: every way convener can refuse input, each with a stable dotted code.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::codes::{ErrorCode, IssueCode};

/// Where a problem is.
///
/// # Example
/// ```
/// use convener::Location;
/// let at = Location::Pointer("/ties/3/to".into());
/// assert_eq!(at.to_string(), "/ties/3/to");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A JSON pointer into the document (RFC 6901), such as `/ties/3/to`; `""` is the
    /// whole document.
    Pointer(String),
    /// A place in the text of a file: line and column, counted from 1.
    Text {
        /// Line, from 1.
        line: u64,
        /// Column in characters, from 1.
        column: u64,
    },
    /// A cell of a CSV file: row and column counted from 1, the header being row 1. No
    /// column when the problem is the whole row or file.
    Cell {
        /// The file's name, e.g. `ties.csv`.
        file: String,
        /// Row, from 1 (the header row is 1).
        row: u64,
        /// Column, from 1.
        column: Option<u64>,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Pointer(p) if p.is_empty() => f.write_str("(top level)"),
            Location::Pointer(p) => f.write_str(p),
            Location::Text { line, column } => write!(f, "line {line}, column {column}"),
            Location::Cell { file, row, column: Some(c) } => write!(f, "{file}:{row}:{c}"),
            Location::Cell { file, row, column: None } => write!(f, "{file}:{row}"),
        }
    }
}

/// One problem in a document or in options: a stable dotted code, where, and a sentence a
/// partnership coordinator understands.
///
/// Written as JSON `{code, pointer, message}`, `{code, line, column, message}` or
/// `{code, file, row, column, message}`.
///
/// # Example
/// ```
/// use convener::{Issue, IssueCode, Location};
/// let issue = Issue::at_pointer(IssueCode::ReferenceUnknownPartner, "/ties/3/to", "no partner has the id 'hub2'");
/// assert_eq!(issue.to_string(), "/ties/3/to: no partner has the id 'hub2' [reference.unknown_partner]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Stable dotted code, e.g. `reference.unknown_partner` (compares equal to its text).
    pub code: IssueCode,
    /// Where the problem is.
    pub location: Location,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Issue {
    /// An issue at a JSON pointer.
    pub fn at_pointer(code: IssueCode, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Issue { code, location: Location::Pointer(pointer.into()), message: message.into() }
    }

    /// An issue at a line and column of a text.
    pub fn at_text(code: IssueCode, line: u64, column: u64, message: impl Into<String>) -> Self {
        Issue { code, location: Location::Text { line, column }, message: message.into() }
    }

    /// An issue at a CSV cell (or row, when `column` is `None`).
    pub fn at_cell(
        code: IssueCode,
        file: impl Into<String>,
        row: u64,
        column: Option<u64>,
        message: impl Into<String>,
    ) -> Self {
        Issue { code, location: Location::Cell { file: file.into(), row, column }, message: message.into() }
    }

    /// The JSON pointer, when the issue has one.
    pub fn pointer(&self) -> Option<&str> {
        match &self.location {
            Location::Pointer(p) => Some(p),
            _ => None,
        }
    }
}

impl fmt::Display for Issue {
    /// `where: what [code]` on one line: control characters and bidirectional-text
    /// controls that came from the document (a newline in a cell, U+202E) are written as
    /// escapes, so a hostile value can neither break the line nor reorder it on screen.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = format!("{}: {} [{}]", self.location, self.message, self.code);
        for c in line.chars() {
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                    write!(f, "{}", c.escape_unicode())?
                }
                c if c.is_control() => write!(f, "{}", c.escape_unicode())?,
                c => fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", &self.code)?;
        match &self.location {
            Location::Pointer(p) => m.serialize_entry("pointer", p)?,
            Location::Text { line, column } => {
                m.serialize_entry("line", line)?;
                m.serialize_entry("column", column)?;
            }
            Location::Cell { file, row, column } => {
                m.serialize_entry("file", file)?;
                m.serialize_entry("row", row)?;
                m.serialize_entry("column", column)?;
            }
        }
        m.serialize_entry("message", &self.message)?;
        m.end()
    }
}

/// The problems found in one document or one set of options: all of them, up to the
/// issue limit, and the count of the rest.
///
/// # Example
/// ```
/// use convener::{Issue, IssueCode, Problems};
/// let p = Problems { issues: vec![Issue::at_pointer(IssueCode::ValueEmpty, "/initiative/name", "this text cannot be empty")], more: 0 };
/// assert_eq!(p.to_string(), "1 problem: /initiative/name: this text cannot be empty [value.empty]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems {
    /// The problems listed, in document order.
    pub issues: Vec<Issue>,
    /// How many more were found beyond the issue limit.
    pub more: u64,
}

impl Problems {
    /// The number of problems found, listed or not.
    pub fn total(&self) -> u64 {
        self.issues.len() as u64 + self.more
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.total();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })?;
        for (i, issue) in self.issues.iter().take(3).enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{issue}")?;
        }
        if n > 3 {
            write!(f, "; and {} more", n - 3)?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in convener. Each variant has a stable dotted
/// [`code`](Error::code) that reaches JavaScript, C and Python unchanged.
///
/// # Example
/// ```
/// use convener::Initiative;
/// let err = Initiative::from_json(r#"{"format": "convener/1"}"#).unwrap_err();
/// assert_eq!(err.code(), "document.invalid");
/// assert_eq!(err.issues()[0].code, "field.missing");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document breaks the format's rules: every problem is listed.
    #[error("the document is not valid: {0}")]
    InvalidDocument(Problems),
    /// The options break their rules (`options.unknown` for a key convener does not know).
    #[error("the options are not valid: {0}")]
    InvalidOptions(Problems),
    /// The input is larger or deeper than a limit allows (see [`crate::model::Limits`]).
    #[error("{0}")]
    LimitExceeded(Box<Issue>),
    /// A file could not be read or written.
    #[error("{message}")]
    Io {
        /// What was being done, and to which file.
        message: String,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// An argument the caller gave is not usable (an unknown schema name, an unknown
    /// partner to remove).
    #[error("{message}")]
    InvalidArgument {
        /// Stable dotted code, one of [`crate::codes::IssueArea::Arguments`], e.g.
        /// `argument.unknown_schema`.
        code: IssueCode,
        /// What is wrong.
        message: String,
    },
    /// convener itself failed; please report it.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The kind of an [`Error`], for bindings that map errors to a few statuses (the C ABI):
/// a closed list, so a binding's `match` on it is checked by the compiler.
///
/// # Example
/// ```
/// use convener::error::Category;
/// let e = convener::Initiative::from_json("{").unwrap_err();
/// assert_eq!(e.category(), Category::InvalidDocument);
/// assert_eq!(Category::ALL.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// `document.invalid`.
    InvalidDocument,
    /// `options.invalid`.
    InvalidOptions,
    /// `limit.exceeded`.
    LimitExceeded,
    /// `io`.
    Io,
    /// `argument.*`.
    InvalidArgument,
    /// `internal`.
    Internal,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 6] = [
        Category::InvalidDocument,
        Category::InvalidOptions,
        Category::LimitExceeded,
        Category::Io,
        Category::InvalidArgument,
        Category::Internal,
    ];
}

impl Error {
    /// The error's category.
    pub fn category(&self) -> Category {
        match self {
            Error::InvalidDocument(_) => Category::InvalidDocument,
            Error::InvalidOptions(_) => Category::InvalidOptions,
            Error::LimitExceeded(_) => Category::LimitExceeded,
            Error::Io { .. } => Category::Io,
            Error::InvalidArgument { .. } => Category::InvalidArgument,
            Error::Internal(_) => Category::Internal,
        }
    }

    /// The stable dotted code of the error (see `docs/codes.md`): an [`ErrorCode`], or for a
    /// limit or an invalid argument, the [`IssueCode`] of its issue.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidDocument(_) => ErrorCode::DocumentInvalid.as_str(),
            Error::InvalidOptions(_) => ErrorCode::OptionsInvalid.as_str(),
            Error::LimitExceeded(_) => IssueCode::LimitExceeded.as_str(),
            Error::Io { .. } => ErrorCode::Io.as_str(),
            Error::InvalidArgument { code, .. } => code.as_str(),
            Error::Internal(_) => ErrorCode::Internal.as_str(),
        }
    }

    /// The problems behind the error: all of them for an invalid document or options, the
    /// one limit exceeded, and none for the rest.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::InvalidDocument(p) | Error::InvalidOptions(p) => &p.issues,
            Error::LimitExceeded(issue) => std::slice::from_ref(issue),
            _ => &[],
        }
    }

    /// How many problems were found beyond those listed.
    pub fn more(&self) -> u64 {
        match self {
            Error::InvalidDocument(p) | Error::InvalidOptions(p) => p.more,
            _ => 0,
        }
    }

    /// The error as the JSON object every binding gives: `{code, message, issues, more}`.
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// let err = Initiative::from_json("{").unwrap_err();
    /// assert!(err.to_json().starts_with(r#"{"code":"document.invalid""#));
    /// ```
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            code: &'a str,
            message: String,
            issues: &'a [Issue],
            more: u64,
        }
        serde_json::to_string(&Out {
            code: self.code(),
            message: self.to_string(),
            issues: self.issues(),
            more: self.more(),
        })
        .unwrap_or_else(|_| format!("{{\"code\":\"{}\"}}", self.code()))
    }

    pub(crate) fn limit(issue: Issue) -> Self {
        Error::LimitExceeded(Box::new(issue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_json_shapes() {
        let p = Issue::at_pointer(IssueCode::IdInvalid, "/partners/0/id", "bad");
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"code":"id.invalid","pointer":"/partners/0/id","message":"bad"}"#
        );
        let t = Issue::at_text(IssueCode::JsonSyntax, 3, 7, "m");
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"code":"json.syntax","line":3,"column":7,"message":"m"}"#);
        let c = Issue::at_cell(IssueCode::FieldMissing, "ties.csv", 1, None, "m");
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"code":"field.missing","file":"ties.csv","row":1,"column":null,"message":"m"}"#
        );
        assert_eq!(c.to_string(), "ties.csv:1: m [field.missing]");
    }
}

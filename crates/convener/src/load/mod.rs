//! Reading documents and options: limits, typed parsing, the structural walk that lists
//! every problem, and the checks between parts.
//!
//! The order (docs/guarantees.md): the byte limit; a quick pass for the depth, string and list
//! limits; the typed parse; and only when that fails, a walk of the JSON value against the
//! generated schema to list every structural problem. A document that parses is then
//! checked between its parts (ids, references, duplicates, periods).

mod check;
mod scan;
mod value;
pub(crate) mod walk;

use std::io::Read;

use serde::de::DeserializeOwned;

use crate::codes::IssueCode;
use crate::error::{Error, Issue, Problems};
use crate::model::{Initiative, Limits, Options};

pub(crate) use scan::line_column;

/// Gathers issues up to the issue limit and counts the rest.
pub(crate) struct Collector {
    issues: Vec<Issue>,
    more: u64,
    cap: usize,
    /// Rewrites each issue as it comes (or drops it), before the cap counts it.
    transform: Option<Box<dyn FnMut(Issue) -> Option<Issue>>>,
}

impl Collector {
    pub(crate) fn new(cap: u32) -> Self {
        Collector { issues: Vec::new(), more: 0, cap: cap.max(1) as usize, transform: None }
    }

    /// A collector that passes each issue through `f` first: to relocate it, reword it or
    /// drop it.
    pub(crate) fn with_transform(cap: u32, f: impl FnMut(Issue) -> Option<Issue> + 'static) -> Self {
        Collector { transform: Some(Box::new(f)), ..Collector::new(cap) }
    }

    /// A collector that keeps nothing.
    pub(crate) fn discard() -> Self {
        Collector { issues: Vec::new(), more: 0, cap: 0, transform: None }
    }

    pub(crate) fn push(&mut self, issue: Issue) {
        let issue = match self.transform.as_mut() {
            Some(f) => match f(issue) {
                Some(i) => i,
                None => return,
            },
            None => issue,
        };
        if self.issues.len() < self.cap {
            self.issues.push(issue);
        } else {
            self.more += 1;
        }
    }

    pub(crate) fn push_pointer(&mut self, code: IssueCode, ptr: &str, message: String) {
        if self.transform.is_some() {
            self.push(Issue::at_pointer(code, ptr, message));
        } else if self.issues.len() < self.cap {
            self.issues.push(Issue::at_pointer(code, ptr, message));
        } else {
            self.more += 1;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.issues.is_empty() && self.more == 0
    }

    pub(crate) fn into_problems(self) -> Problems {
        Problems { issues: self.issues, more: self.more }
    }
}

/// The characters JSON counts as white space (RFC 8259 §2).
const JSON_SPACE: [char; 4] = [' ', '\t', '\n', '\r'];

/// Turns a JSON syntax error in `text` into an issue with line and column.
fn syntax_issue(e: &serde_json::Error, text_read: &str) -> Issue {
    let text = e.to_string();
    let what = match text.find(" at line ") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let (code, message) = if what.contains("number out of range") {
        (IssueCode::ValueNotFinite, "this number is too large to be used".to_string())
    } else if what.contains("recursion limit exceeded") {
        (IssueCode::LimitExceeded, "the document is nested too deeply".to_string())
    } else if e.is_eof() && text_read.trim_matches(JSON_SPACE).is_empty() {
        (
            IssueCode::JsonSyntax,
            "the document is empty: it should be one JSON object, {\"format\": \"convener/1\", ...}".to_string(),
        )
    } else if e.is_eof() {
        (
            IssueCode::JsonSyntax,
            "the JSON text ends too early: a closing bracket, brace or quote may be missing".to_string(),
        )
    } else {
        (IssueCode::JsonSyntax, format!("the JSON text is broken here: {}", explain_syntax(what)))
    };
    Issue::at_text(code, e.line().max(1) as u64, e.column().max(1) as u64, message)
}

/// serde_json's wording, said for people.
fn explain_syntax(what: &str) -> String {
    let plain = if what.starts_with("expected value") {
        "a value was expected: text in double quotes, a number, true, false, null, a list [...] or an object {...}"
    } else if what.starts_with("key must be a string") {
        "a field name must be in double quotes (JSON has no comments and no single quotes)"
    } else if what.starts_with("control character") {
        "a text value is not closed: a double quote may be missing on the line before"
    } else if what.starts_with("trailing comma") {
        "a comma is followed by nothing: remove the last comma"
    } else if what.starts_with("expected `,` or `}`") {
        "a comma or a closing brace } is missing"
    } else if what.starts_with("expected `,` or `]`") {
        "a comma or a closing bracket ] is missing"
    } else if what.starts_with("expected `:`") {
        "a colon : is missing after a field name"
    } else if what.starts_with("trailing characters") {
        "there is more text after the end of the document"
    } else if what.starts_with("invalid escape") {
        "a backslash starts an escape JSON does not know: write two backslashes for one"
    } else {
        return what.to_string();
    };
    format!("{plain} ({what})")
}

fn bytes_limit(len: usize, limits: &Limits) -> Result<(), Error> {
    if len as u64 > limits.max_document_bytes {
        return Err(Error::limit(Issue::at_pointer(
            IssueCode::LimitExceeded,
            "",
            format!(
                "the document is {len} bytes; the limit is {} (option limits.max_document_bytes)",
                limits.max_document_bytes
            ),
        )));
    }
    Ok(())
}

/// Parses `text` as `T`: limits, typed parse, and on failure the structural walk against
/// `schema`, which lists every problem.
pub(crate) fn parse_checked<T: DeserializeOwned>(
    text: &str,
    limits: &Limits,
    schema: &serde_json::Value,
    unknown_code: IssueCode,
) -> Result<T, Problems> {
    let mut out = Collector::new(limits.max_issues);
    // The typed reader would take a list as a struct's fields in order; only an object is
    // a document or options, so anything else goes straight to the walk, which says so.
    let is_object = text.trim_start_matches(JSON_SPACE).starts_with('{');
    let typed_err = if is_object {
        match serde_json::from_str::<T>(text) {
            Ok(v) => return Ok(v),
            Err(e) => Some(e),
        }
    } else {
        None
    };
    // The typed reader reports a wrong type where a name is expected as a syntax error,
    // so only the plain parse decides what is broken JSON.
    let (value, duplicates) = match value::parse(text) {
        Ok(v) => v,
        Err(e) => {
            out.push(syntax_issue(&e, text));
            return Err(out.into_problems());
        }
    };
    let mut ptr = String::new();
    let mut walker = walk::Walker::new(schema, &mut out, unknown_code).with_duplicates(&duplicates);
    let root = walker.root_name();
    walker.walk(&value, schema, &mut ptr, root);
    if let (true, Some(typed_err)) = (out.is_empty(), typed_err) {
        // The walk found nothing the typed reader refused: say what the reader said.
        let text = typed_err.to_string();
        let what = text.find(" at line ").map_or(&text[..], |i| &text[..i]);
        out.push(Issue::at_text(
            IssueCode::TypeMismatch,
            typed_err.line().max(1) as u64,
            typed_err.column().max(1) as u64,
            format!("this value cannot be read: {what}"),
        ));
    }
    Err(out.into_problems())
}

/// Orders issues by where they are in the document: top-level parts in the schema's
/// order, list entries by index; issues at the same place keep the order they were found.
pub(crate) fn sort_by_document_order(issues: &mut [Issue], schema: &serde_json::Value) {
    let top: Vec<&str> = schema
        .get("properties")
        .and_then(serde_json::Value::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let key = |issue: &Issue| -> Vec<(u8, u64)> {
        let Some(pointer) = issue.pointer() else {
            return vec![(2, 0)];
        };
        pointer
            .split('/')
            .skip(1)
            .enumerate()
            .map(|(depth, seg)| match seg.parse::<u64>() {
                Ok(n) => (0, n),
                Err(_) if depth == 0 => (1, top.iter().position(|t| *t == seg).unwrap_or(top.len()) as u64),
                Err(_) => (1, 0),
            })
            .collect()
    };
    issues.sort_by_cached_key(key);
}

/// Reads an initiative from JSON text, with the given limits.
///
/// Returns the model, or [`Error::InvalidDocument`] listing every problem (up to
/// `limits.max_issues`, with the count of the rest), or [`Error::LimitExceeded`].
///
/// # Example
/// ```
/// use convener::model::Limits;
/// let err = convener::load::initiative_from_json(r#"{"format": "convener/1",
///   "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#, &Limits::default()).unwrap_err();
/// assert_eq!(err.issues()[0].code, "reference.unknown_partner");
/// assert_eq!(err.issues()[0].pointer(), Some("/ties/0/to"));
/// ```
pub fn initiative_from_json(text: &str, limits: &Limits) -> Result<Initiative, Error> {
    // A byte-order mark at the start is not part of the document.
    initiative_from_text(text.strip_prefix('\u{feff}').unwrap_or(text), limits)
}

/// Reads a document whose one leading byte-order mark, if any, is already skipped (a
/// second one is a character that is not JSON, in every layer).
fn initiative_from_text(text: &str, limits: &Limits) -> Result<Initiative, Error> {
    bytes_limit(text.len(), limits)?;
    // The limits pass and the typed parse read the same text and are independent: they run
    // side by side (with the `parallel` feature), and a limit the pass finds still wins.
    let is_object = text.trim_start_matches(JSON_SPACE).starts_with('{');
    let (scanned, typed) = crate::util::parallel::join(
        || scan::check_limits(text.as_bytes(), limits),
        || if is_object { serde_json::from_str::<Initiative>(text).ok() } else { None },
    );
    scanned.map_err(Error::limit)?;
    let doc: Initiative = match typed {
        Some(doc) => doc,
        None => parse_checked(text, limits, crate::schema::initiative(), IssueCode::FieldUnknown)
            .map_err(|p| limit_or_invalid(p, Error::InvalidDocument))?,
    };
    validate_with(&doc, limits)?;
    Ok(doc)
}

/// A lone `limit.exceeded` found while parsing is the limit error, not an invalid document.
fn limit_or_invalid(p: Problems, invalid: fn(Problems) -> Error) -> Error {
    match p.issues.as_slice() {
        [only] if only.code == IssueCode::LimitExceeded => Error::limit(only.clone()),
        _ => invalid(p),
    }
}

/// Reads an initiative from bytes that should be UTF-8 JSON text.
///
/// # Example
/// ```
/// use convener::model::Limits;
/// let err = convener::load::initiative_from_slice(b"\xff\xfe", &Limits::default()).unwrap_err();
/// assert_eq!(err.issues()[0].code, "encoding.invalid");
/// ```
pub fn initiative_from_slice(bytes: &[u8], limits: &Limits) -> Result<Initiative, Error> {
    bytes_limit(bytes.len(), limits)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => initiative_from_text(text, limits),
        Err(e) => {
            let (line, column) = line_column(bytes, e.valid_up_to());
            Err(Error::InvalidDocument(Problems {
                issues: vec![Issue::at_text(
                    IssueCode::EncodingInvalid,
                    line,
                    column,
                    "the document is not UTF-8 text; save it as UTF-8 and try again",
                )],
                more: 0,
            }))
        }
    }
}

/// Reads an initiative from a reader (a file, a network stream), reading no more than
/// the byte limit allows.
///
/// # Example
/// ```
/// use convener::model::Limits;
/// let text = r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#;
/// let doc = convener::load::initiative_from_reader(text.as_bytes(), &Limits::default()).unwrap();
/// assert!(doc.partners.is_empty());
/// ```
pub fn initiative_from_reader(reader: impl Read, limits: &Limits) -> Result<Initiative, Error> {
    let mut bytes = Vec::new();
    let cap = limits.max_document_bytes.saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io { message: format!("could not read the document: {source}"), source })?;
    initiative_from_slice(&bytes, limits)
}

/// Checks a model between its parts (ids, references, duplicates, periods, finite
/// numbers): what the loader checks after parsing, for models built in code.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::model::{Id, InitiativeInfo, Level, Partner, Text, Tie};
/// let id = |s: &str| Id::new(s).unwrap();
/// let mut doc = Initiative::new(InitiativeInfo::new(id("x"), Text::new("X").unwrap()),
///     vec![Partner::new(id("a"), Text::new("A").unwrap())]);
/// doc.ties.push(Tie::new(id("a"), id("a"), Level::Cooperate));
/// let err = convener::load::validate(&doc).unwrap_err();
/// assert_eq!(err.issues()[0].code, "tie.self");
/// ```
pub fn validate(doc: &Initiative) -> Result<(), Error> {
    validate_with(doc, &Limits::default())
}

/// Runs the checks between parts, adding to `out`.
pub(crate) fn check_into(doc: &Initiative, out: &mut Collector) {
    check::check(doc, out);
}

fn validate_with(doc: &Initiative, limits: &Limits) -> Result<(), Error> {
    let mut out = Collector::new(limits.max_issues);
    check::check(doc, &mut out);
    if out.is_empty() {
        return Ok(());
    }
    let mut problems = out.into_problems();
    sort_by_document_order(&mut problems.issues, crate::schema::initiative());
    Err(Error::InvalidDocument(problems))
}

/// Reads [`Options`] from JSON text. Unknown keys are `options.unknown`; every problem is
/// listed, as for documents.
///
/// # Example
/// ```
/// let err = convener::load::options_from_json(r#"{"min_level": "best", "asof": "2024"}"#).unwrap_err();
/// let codes: Vec<_> = err.issues().iter().map(|i| i.code).collect();
/// assert_eq!(codes, ["value.unknown", "options.unknown"]);
/// ```
pub fn options_from_json(text: &str) -> Result<Options, Error> {
    let limits = Limits { max_document_bytes: 1 << 20, ..Limits::default() };
    bytes_limit(text.len(), &limits)?;
    scan::check_limits(text.as_bytes(), &limits).map_err(Error::limit)?;
    parse_checked(text, &limits, crate::schema::options(), IssueCode::OptionsUnknown)
        .map_err(|p| limit_or_invalid(p, Error::InvalidOptions))
}

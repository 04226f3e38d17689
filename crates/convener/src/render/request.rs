//! The render request: which output of which document, with which options and parameters,
//! built in Rust or read from the JSON every binding passes.

use serde_json::{Map, Value};

use super::Output;
use crate::codes::IssueCode;
use crate::error::Error;
use crate::model::{Initiative, Options};

/// What to render: the document, the options, the output by name, and the output's
/// parameters.
///
/// # Example
/// ```
/// use convener::render::{Output, RenderRequest};
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}]}"#).unwrap();
/// let request = RenderRequest::new(&doc, Output::WhatIfJson).without(&["a"]).options(Options::default());
/// assert_eq!(request.without, ["a"]);
/// ```
#[derive(Debug, Clone)]
pub struct RenderRequest<'a> {
    /// The document.
    pub document: &'a Initiative,
    /// The options of the analysis behind the output.
    pub options: Options,
    /// The output.
    pub output: Output,
    /// For what-if outputs: the partners to remove.
    pub without: Vec<String>,
    /// The name of the document's file, for texts that point at it (the summary's
    /// commands to run next).
    pub source: Option<String>,
}

impl<'a> RenderRequest<'a> {
    /// A request for `output` of `document` with the default options.
    pub fn new(document: &'a Initiative, output: Output) -> Self {
        RenderRequest { document, options: Options::default(), output, without: vec![], source: None }
    }

    /// The same request with these options.
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The same request with the partners to remove (what-if outputs).
    pub fn without(mut self, ids: &[&str]) -> Self {
        self.without = ids.iter().map(|s| s.to_string()).collect();
        self
    }

    /// The same request naming the document's file (`family-support.json`).
    pub fn source(mut self, name: impl Into<String>) -> Self {
        self.source = Some(name.into());
        self
    }

    /// Reads a request for `document` from JSON text, as the bindings pass it:
    /// `{"output": "report.html", "options": {...}, "without": ["id", ...]}` (only
    /// `output` required). Options are read by the same loader as everywhere
    /// (`options.invalid` with every problem); anything else wrong is `argument.invalid`,
    /// an unknown output `argument.unknown_output` with the closest name suggested.
    ///
    /// # Example
    /// ```
    /// use convener::render::{Output, RenderRequest};
    /// use convener::Initiative;
    /// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#).unwrap();
    /// let r = RenderRequest::from_json(&doc, r#"{"output": "report.md", "options": {"min_level": "cooperate"}}"#).unwrap();
    /// assert_eq!(r.output, Output::ReportMarkdown);
    /// let e = RenderRequest::from_json(&doc, r#"{"output": "report.mdd"}"#).unwrap_err();
    /// assert_eq!(e.code(), "argument.unknown_output");
    /// ```
    pub fn from_json(document: &'a Initiative, text: &str) -> Result<Self, Error> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| argument(format!("the render request is not JSON: {e}")))?;
        let Value::Object(map) = value else {
            return Err(argument("the render request must be a JSON object with an 'output'".into()));
        };
        check_keys(&map)?;
        let output = match map.get("output") {
            Some(Value::String(name)) => name
                .parse::<Output>()
                .map_err(|e| Error::InvalidArgument { code: IssueCode::ArgumentUnknownOutput, message: e.message })?,
            _ => {
                return Err(argument(
                    "the render request needs 'output', an output's name such as \"report.html\"".into(),
                ));
            }
        };
        let options = match map.get("options") {
            None | Some(Value::Null) => Options::default(),
            Some(v) => Options::from_json(&v.to_string())?,
        };
        Ok(RenderRequest { document, options, output, without: without_of(map.get("without"))?, source: None })
    }
}

/// The keys a render request may have.
const KEYS: [&str; 3] = ["output", "options", "without"];

fn check_keys(map: &Map<String, Value>) -> Result<(), Error> {
    match map.keys().find(|k| !KEYS.contains(&k.as_str())) {
        None => Ok(()),
        Some(k) => {
            let hint = crate::util::suggest::closest(k, KEYS.into_iter())
                .map(|c| format!("; did you mean '{c}'?"))
                .unwrap_or_else(|| format!("; use {}", KEYS.join(", ")));
            Err(argument(format!("the render request has no field '{k}'{hint}")))
        }
    }
}

fn without_of(value: Option<&Value>) -> Result<Vec<String>, Error> {
    let wrong = || argument("'without' must be an array of partner ids, e.g. [\"hub\"]".into());
    match value {
        None | Some(Value::Null) => Ok(vec![]),
        Some(Value::Array(items)) => items.iter().map(|v| v.as_str().map(str::to_string).ok_or_else(wrong)).collect(),
        Some(_) => Err(wrong()),
    }
}

fn argument(message: String) -> Error {
    Error::InvalidArgument { code: IssueCode::ArgumentInvalid, message }
}

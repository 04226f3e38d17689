//! convener for JavaScript: thin wasm-bindgen functions over the core. Documents and
//! options arrive as JSON text or plain objects (turned into JSON text and read by the
//! same loader as every other layer, so problems have the same codes); results leave as
//! plain objects parsed from the core's own JSON text, or as that text. Errors are thrown
//! as `Error` objects with `code`, `issues` and `more`.

#![allow(unsafe_code)] // wasm-bindgen's generated glue

use std::collections::BTreeMap;

use convener::IssueCode::{self, ArgumentInvalid, ArgumentUnknownFormat, ArgumentUnknownOutput};
use convener::model::Options;
use convener::render::graph::GraphFormat;
use convener::render::{Output, RenderRequest, Rendered};
use js_sys::{JSON, Object, Reflect};
use wasm_bindgen::prelude::*;

/// A core error as a JavaScript `Error` with `code`, `issues` and `more`.
struct JsError(convener::Error);

impl From<convener::Error> for JsError {
    fn from(e: convener::Error) -> Self {
        JsError(e)
    }
}

impl From<JsError> for JsValue {
    fn from(e: JsError) -> JsValue {
        let error = js_sys::Error::new(&e.0.to_string());
        let details = JSON::parse(&e.0.to_json()).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&error, &"code".into(), &e.0.code().into());
        let issues = Reflect::get(&details, &"issues".into()).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&error, &"issues".into(), &issues);
        let _ = Reflect::set(&error, &"more".into(), &JsValue::from_f64(e.0.more() as f64));
        error.into()
    }
}

fn argument(code: IssueCode, message: impl Into<String>) -> JsError {
    JsError(convener::Error::InvalidArgument { code, message: message.into() })
}

/// JSON text from a string (used as is) or any other value (JSON.stringify).
fn text_of(value: &JsValue, what: &str) -> Result<String, JsError> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| argument(ArgumentInvalid, format!("the {what} must be JSON text or a plain object")))
}

/// Reads a document given as JSON text, a plain object, or bytes (`Uint8Array`, read as
/// a file is: UTF-8 with an optional byte-order mark).
fn load(doc: &JsValue, options: &Options) -> Result<convener::Initiative, JsError> {
    if let Some(bytes) = doc.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(convener::load::initiative_from_slice(&bytes.to_vec(), &options.limits)?);
    }
    let text = text_of(doc, "document")?;
    Ok(convener::load::initiative_from_json(&text, &options.limits)?)
}

fn options_of(options: &Option<JsValue>) -> Result<Options, JsError> {
    match options {
        None => Ok(Options::default()),
        Some(v) if v.is_undefined() || v.is_null() => Ok(Options::default()),
        Some(v) => Ok(Options::from_json(&text_of(v, "options")?)?),
    }
}

fn parse(text: &str) -> Result<JsValue, JsError> {
    JSON::parse(text).map_err(|_| JsError(convener::Error::Internal("the core wrote JSON that does not parse".into())))
}

fn to_text(value: &impl serde::Serialize) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError(convener::Error::Internal(e.to_string())))
}

/// Analyses a document: the report as a plain object (`JSON.parse(analyzeJson(...))`).
#[wasm_bindgen]
pub fn analyze(doc: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    Ok(parse(&analyze_json(doc, options)?)?)
}

/// Analyses a document: the report as the core's JSON text (`convener-report/1`, pretty,
/// trailing newline), byte for byte what every layer gives.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(doc: JsValue, options: Option<JsValue>) -> Result<String, JsValue> {
    let options = options_of(&options)?;
    let doc = load(&doc, &options)?;
    Ok(doc.analyze(&options).to_json())
}

/// Any output of a document, through the same entry as every layer. `output` is an
/// output's name (`report.html`, `report.md`, `summary.txt`, `network.csv`,
/// `graph.graphml`, …; `markdown` and `html` still name the reports) or a request object
/// `{output, options?, without?}`. Text outputs come as a string, a CSV folder as an object
/// `{fileName: text}`.
#[wasm_bindgen]
pub fn render(doc: JsValue, output: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options_of(&options)?;
    let doc = load(&doc, &options)?;
    Ok(rendered(&doc, &output, options)?)
}

/// The request `output` names: an output's name (with the given options) or a request
/// object read by the core.
fn request_of<'a>(
    doc: &'a convener::Initiative,
    output: &JsValue,
    options: Options,
) -> Result<RenderRequest<'a>, JsError> {
    match output.as_string() {
        Some(name) => {
            let name = match name.as_str() {
                "markdown" => "report.md",
                "html" => "report.html",
                other => other,
            };
            let output: Output =
                name.parse().map_err(|e: convener::model::ValueError| argument(ArgumentUnknownOutput, e.message))?;
            Ok(RenderRequest::new(doc, output).options(options))
        }
        None => Ok(RenderRequest::from_json(doc, &text_of(output, "render request")?)?),
    }
}

fn rendered(doc: &convener::Initiative, output: &JsValue, options: Options) -> Result<JsValue, JsError> {
    match convener::render(&request_of(doc, output, options)?)? {
        Rendered::Bytes(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(text.into()),
            Err(e) => Ok(js_sys::Uint8Array::from(e.as_bytes()).into()),
        },
        Rendered::Files(files) => {
            let object = Object::new();
            for (name, bytes) in files {
                let _ = Reflect::set(&object, &name.into(), &String::from_utf8_lossy(&bytes).into_owned().into());
            }
            Ok(object.into())
        }
    }
}

/// Every problem in a document, as an array of issues (empty when it is valid).
#[wasm_bindgen]
pub fn validate(doc: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options_of(&options)?;
    match load(&doc, &options) {
        Ok(_) => Ok(js_sys::Array::new().into()),
        Err(JsError(e)) if e.issues().is_empty() => Err(JsError(e).into()),
        Err(JsError(e)) => Ok(parse(&to_text(&e.issues())?)?),
    }
}

/// A JSON Schema by name (`initiative`, `options` or `report`), as an object.
#[wasm_bindgen]
pub fn schema(name: &str) -> Result<JsValue, JsValue> {
    Ok(parse(&convener::render::schema(name).map_err(JsError)?)?)
}

/// Reads a CSV folder given as `{fileName: text}` into a document object.
#[wasm_bindgen(js_name = fromCsv)]
pub fn from_csv(files: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options_of(&options)?;
    let object: &Object =
        files.dyn_ref().ok_or_else(|| argument(ArgumentInvalid, "give the CSV files as an object {fileName: text}"))?;
    let mut map = BTreeMap::new();
    for entry in Object::entries(object).iter() {
        let pair: js_sys::Array = entry.into();
        let name = pair.get(0).as_string().unwrap_or_default();
        let text = pair
            .get(1)
            .as_string()
            .ok_or_else(|| argument(ArgumentInvalid, format!("the content of {name} must be text")))?;
        map.insert(name, text.into_bytes());
    }
    let doc = convener::formats::csv::read(&map, &options.limits).map_err(JsError)?;
    Ok(parse(&doc.to_json())?)
}

/// The partner network for other tools: `format` is `graphml`, `gexf`, `dot` or `kumu`
/// (the outputs `graph.graphml`, `graph.gexf`, `graph.dot`, `graph.kumu.json`).
#[wasm_bindgen(js_name = exportGraph)]
pub fn export_graph(doc: JsValue, format: &str, options: Option<JsValue>) -> Result<String, JsValue> {
    let options = options_of(&options)?;
    let doc = load(&doc, &options)?;
    let format: GraphFormat =
        format.parse().map_err(|e: convener::model::ValueError| argument(ArgumentUnknownFormat, e.message))?;
    let output = match format {
        GraphFormat::Graphml => Output::Graphml,
        GraphFormat::Gexf => Output::Gexf,
        GraphFormat::Dot => Output::Dot,
        GraphFormat::Kumu => Output::Kumu,
    };
    let text = convener::render(&RenderRequest::new(&doc, output).options(options)).map_err(JsError)?;
    Ok(text.into_text().map_err(JsError)?)
}

/// A document read once and analysed many ways. Call `free()` when done.
#[wasm_bindgen]
pub struct Initiative {
    doc: convener::Initiative,
}

#[wasm_bindgen]
impl Initiative {
    /// Reads a document (JSON text, object or bytes) with the options' limits; throws on
    /// every problem at once.
    #[wasm_bindgen(constructor)]
    pub fn new(doc: JsValue, options: Option<JsValue>) -> Result<Initiative, JsValue> {
        let options = options_of(&options)?;
        Ok(Initiative { doc: load(&doc, &options)? })
    }

    /// The whole report, as an object.
    pub fn report(&self, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options_of(&options)?;
        Ok(parse(&self.doc.analyze(&options).to_json())?)
    }

    /// The whole report, as the core's JSON text.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self, options: Option<JsValue>) -> Result<String, JsValue> {
        let options = options_of(&options)?;
        Ok(self.doc.analyze(&options).to_json())
    }

    /// The network analysis, as an object.
    pub fn network(&self, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options_of(&options)?;
        Ok(parse(&to_text(&convener::network::analyze(&self.doc, &options))?)?)
    }

    /// The measurement analysis, as an object.
    pub fn indicators(&self, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options_of(&options)?;
        Ok(parse(&to_text(&convener::measure::analyze(&self.doc, &options))?)?)
    }

    /// The partnership without some partners: `{removed, delta, report}`.
    #[wasm_bindgen(js_name = whatIf)]
    pub fn what_if(&self, removed: Vec<String>, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options_of(&options)?;
        let ids: Vec<&str> = removed.iter().map(String::as_str).collect();
        let answer = convener::what_if(&self.doc, &ids, &options).map_err(JsError)?;
        Ok(parse(&answer.to_json())?)
    }

    /// Where to draw each partner and which connections to draw (the layout of the HTML
    /// report's network picture): `{width, height, positions: [[x, y]...], connections:
    /// [[a, b]...]}` with partners by document index, or `null` when there are none or
    /// too many to draw.
    pub fn drawing(&self, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options_of(&options)?;
        let request = RenderRequest::new(&self.doc, Output::Drawing).options(options);
        let text = convener::render(&request).and_then(Rendered::into_text).map_err(JsError)?;
        Ok(parse(&text)?)
    }

    /// Any output of the document, as the top-level `render` gives it: `output` is an
    /// output's name or a request object `{output, options?, without?}`.
    pub fn render(&self, output: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options_of(&options)?;
        Ok(rendered(&self.doc, &output, options)?)
    }

    /// The document as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.doc.to_json()
    }
}

/// convener's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

//! The CSV folder: the same document as one spreadsheet file per part (docs/format.md).
//!
//! Reading turns the files into the JSON form of the document and runs the very same
//! checks as JSON loading, so every problem has the same code; each problem's JSON pointer
//! is then traced back to its file, row and column. The columns of each file are derived
//! from the schema, so they cannot drift from the model.
//!
//! Rules: a header row of field names; nested fields as dotted headers (`trust.reliability`);
//! lists of ids, names or tags in one cell joined by `;`; UTF-8 (a BOM is accepted), CRLF
//! or LF; rows and columns counted from 1, the header being row 1. A text cell starting
//! with `=`, `+`, `-`, `@`, a tab, a carriage return or `'` is written with one extra
//! leading `'`, removed on read, so no spreadsheet runs it as a formula and nothing is lost.

mod parse;
mod read;

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::{Initiative, Instrument};

pub use read::read;

/// The files of a CSV folder, in the order they are written.
pub const FILES: &[&str] = &[
    "initiative.csv",
    "agenda.csv",
    "partners.csv",
    "partner_funding.csv",
    "ties.csv",
    "goals.csv",
    "outcomes.csv",
    "outcome_assumptions.csv",
    "activities.csv",
    "indicators.csv",
    "measurements.csv",
    "channels.csv",
    "backbone.csv",
    "surveys.csv",
    "survey_items.csv",
    "survey_answers.csv",
];

/// The top-level collections written one row per element, with their file and the
/// fields that live in another file.
const ROW_TABLES: &[(&str, &str, &str, &[&str])] = &[
    ("partners", "partners.csv", "Partner", &["funding"]),
    ("ties", "ties.csv", "Tie", &[]),
    ("goals", "goals.csv", "Goal", &[]),
    ("outcomes", "outcomes.csv", "Outcome", &["assumptions"]),
    ("activities", "activities.csv", "Activity", &[]),
    ("indicators", "indicators.csv", "Indicator", &[]),
    ("measurements", "measurements.csv", "Measurement", &[]),
    ("channels", "channels.csv", "Channel", &[]),
];

/// Leading characters a spreadsheet may read as the start of a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return), and the guard itself.
const GUARDED: &[char] = &['=', '+', '-', '@', '\t', '\r', '\''];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Text,
    Number,
    Integer,
    Bool,
    List,
}

/// One column: its header, where its value goes in a row object, and how to read a cell.
#[derive(Clone, Debug)]
struct Column {
    name: String,
    path: Vec<String>,
    kind: Kind,
    required: bool,
    /// Free text (names, statements, notes) is read exactly as written; anything else (ids,
    /// names from a list, dates, numbers) has spaces at either end ignored, since a
    /// spreadsheet user cannot see them.
    free_text: bool,
}

impl Column {
    fn new(name: &str, kind: Kind, required: bool) -> Self {
        Column { name: name.to_string(), path: vec![name.to_string()], kind, required, free_text: false }
    }

    fn text(name: &str, required: bool) -> Self {
        Column { free_text: true, ..Column::new(name, Kind::Text, required) }
    }
}

/// Whether a field's schema is free text.
fn is_free_text(v: &'static Value) -> bool {
    resolve(v).get("format").and_then(Value::as_str) == Some(crate::model::format::TEXT)
}

fn defs() -> &'static Value {
    &crate::schema::initiative()["$defs"]
}

/// Follows `$ref`s and takes the non-null branch of an optional value.
fn resolve(mut v: &'static Value) -> &'static Value {
    for _ in 0..8 {
        if let Some(name) = v.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            v = &defs()[name];
            continue;
        }
        if let Some(branches) = v.get("anyOf").and_then(Value::as_array) {
            let non_null: Vec<&Value> =
                branches.iter().filter(|b| b.get("type") != Some(&Value::from("null"))).collect();
            if non_null.len() == 1 && non_null.len() < branches.len() {
                v = non_null[0];
                continue;
            }
        }
        break;
    }
    v
}

fn kind_of(v: &'static Value) -> Kind {
    let v = resolve(v);
    let ty = match v.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("string"),
        _ => "string",
    };
    match ty {
        "array" => Kind::List,
        "integer" => Kind::Integer,
        "number" => Kind::Number,
        "boolean" => Kind::Bool,
        _ => Kind::Text,
    }
}

/// The columns of a definition: its fields in schema order, nested objects flattened to
/// dotted names, the fields in `exclude` left out.
fn columns(def: &str, exclude: &[&str]) -> Vec<Column> {
    let d = &defs()[def];
    let required: BTreeSet<&str> = d["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let mut out = Vec::new();
    for (prop, schema) in d["properties"].as_object().into_iter().flatten() {
        if exclude.contains(&prop.as_str()) {
            continue;
        }
        let r = resolve(schema);
        if let Some(sub) = r.get("properties").and_then(Value::as_object) {
            for (field, s) in sub {
                out.push(Column {
                    name: format!("{prop}.{field}"),
                    path: vec![prop.clone(), field.clone()],
                    kind: kind_of(s),
                    required: false,
                    free_text: is_free_text(s),
                });
            }
        } else {
            out.push(Column {
                name: prop.clone(),
                path: vec![prop.clone()],
                kind: kind_of(schema),
                required: required.contains(prop.as_str()),
                free_text: is_free_text(schema),
            });
        }
    }
    out
}

fn initiative_columns() -> Vec<Column> {
    let mut c = vec![Column::new("format", Kind::Text, false)];
    c.extend(columns("InitiativeInfo", &[]));
    c
}

fn funding_columns() -> Vec<Column> {
    let mut c = vec![Column::new("partner", Kind::Text, true)];
    c.extend(columns("Funding", &[]));
    c
}

fn assumption_columns() -> Vec<Column> {
    vec![Column::new("outcome", Kind::Text, true), Column::text("assumption", true)]
}

fn survey_columns() -> Vec<Column> {
    vec![
        Column::new("id", Kind::Text, true),
        Column::new("instrument", Kind::Text, true),
        Column::new("date", Kind::Text, true),
    ]
}

fn item_columns() -> Vec<Column> {
    let mut c = vec![Column::new("survey", Kind::Text, true)];
    for mut col in columns("SurveyItem", &[]) {
        if col.name == "id" {
            col.name = "item".into();
        }
        c.push(col);
    }
    c
}

fn answer_columns() -> Vec<Column> {
    vec![
        Column::new("survey", Kind::Text, true),
        Column::new("respondent", Kind::Text, true),
        Column::new("item", Kind::Text, false),
        Column::new("answer", Kind::Integer, false),
    ]
}

fn columns_of(file: &str) -> Vec<Column> {
    match file {
        "initiative.csv" => initiative_columns(),
        "agenda.csv" => columns("Agenda", &[]),
        "partner_funding.csv" => funding_columns(),
        "outcome_assumptions.csv" => assumption_columns(),
        "backbone.csv" => columns("Backbone", &[]),
        "surveys.csv" => survey_columns(),
        "survey_items.csv" => item_columns(),
        "survey_answers.csv" => answer_columns(),
        _ => ROW_TABLES.iter().find(|t| t.1 == file).map(|t| columns(t.2, t.3)).unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------
// Writing

/// Puts the formula guard on a text cell.
pub(crate) fn guard(s: &str) -> String {
    if s.starts_with(GUARDED) { format!("'{s}") } else { s.to_string() }
}

fn cell_text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => guard(s),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            guard(&parts.join(";"))
        }
        Some(other) => guard(&other.to_string()),
    }
}

fn get_path<'v>(v: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter().try_fold(v, |at, key| at.get(key))
}

struct Sheet {
    out: csv::Writer<Vec<u8>>,
}

impl Sheet {
    fn new(columns: &[Column]) -> Self {
        let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
        let _ = out.write_record(columns.iter().map(|c| c.name.as_str()));
        Sheet { out }
    }

    fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        let cells: Vec<String> = cells.into_iter().collect();
        let _ = self.out.write_record(&cells);
    }

    fn object(&mut self, columns: &[Column], v: &Value) {
        self.row(columns.iter().map(|c| cell_text(get_path(v, &c.path))));
    }

    fn finish(self) -> String {
        let bytes = self.out.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// Writes an initiative as the files of a CSV folder: `(file name, content)` in the order
/// of [`FILES`], every file present (a header alone where a part is empty).
///
/// # Example
/// ```
/// use convener::Initiative;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "=X"},
///   "partners": [{"id": "a", "name": "A", "tags": ["north", "early years"]}]}"#).unwrap();
/// let files = convener::formats::csv::write(&doc);
/// assert_eq!(files[0].1, "format,id,name,place,started\nconvener/1,x,'=X,,\n");
/// assert_eq!(files[2].1, "id,name,sector,responded,lived_experience,staff_turnover,resources,tags\na,A,,,,,,north;early years\n");
/// ```
pub fn write(doc: &Initiative) -> Vec<(&'static str, String)> {
    let v = serde_json::to_value(doc).unwrap_or(Value::Null);
    let empty = Vec::new();
    let list = |key: &str| v.get(key).and_then(Value::as_array).unwrap_or(&empty);
    let mut files = Vec::new();
    for &file in FILES {
        let cols = columns_of(file);
        let mut sheet = Sheet::new(&cols);
        match file {
            "initiative.csv" => {
                let mut row = v["initiative"].clone();
                if let Value::Object(m) = &mut row {
                    m.insert("format".into(), v["format"].clone());
                }
                sheet.object(&cols, &row);
            }
            "agenda.csv" | "backbone.csv" => {
                let key = file.trim_end_matches(".csv");
                if let Some(obj) = v.get(key).filter(|o| o.is_object()) {
                    sheet.object(&cols, obj);
                }
            }
            "partner_funding.csv" => {
                for p in list("partners") {
                    for f in p.get("funding").and_then(Value::as_array).into_iter().flatten() {
                        let mut row = f.clone();
                        row["partner"] = p["id"].clone();
                        sheet.object(&cols, &row);
                    }
                }
            }
            "outcome_assumptions.csv" => {
                for o in list("outcomes") {
                    for a in o.get("assumptions").and_then(Value::as_array).into_iter().flatten() {
                        sheet.row([cell_text(Some(&o["id"])), cell_text(Some(a))]);
                    }
                }
            }
            "surveys.csv" => {
                for s in list("surveys") {
                    let instrument = if s["instrument"].is_string() { Instrument::FIVE_CONDITIONS } else { "custom" };
                    sheet.row([cell_text(Some(&s["id"])), instrument.to_string(), cell_text(Some(&s["date"]))]);
                }
            }
            "survey_items.csv" => {
                for s in list("surveys") {
                    for item in s["instrument"].get("items").and_then(Value::as_array).into_iter().flatten() {
                        let mut row = item.clone();
                        row["survey"] = s["id"].clone();
                        row["item"] = item["id"].clone();
                        sheet.object(&cols, &row);
                    }
                }
            }
            "survey_answers.csv" => {
                for s in list("surveys") {
                    for r in s.get("responses").and_then(Value::as_array).into_iter().flatten() {
                        let answers = r.get("answers").and_then(Value::as_object);
                        let (sid, who) = (cell_text(Some(&s["id"])), cell_text(Some(&r["respondent"])));
                        match answers {
                            Some(a) if !a.is_empty() => {
                                for (item, answer) in a {
                                    sheet.row([sid.clone(), who.clone(), guard(item), cell_text(Some(answer))]);
                                }
                            }
                            // A response with no answers keeps its row, item and answer blank.
                            _ => sheet.row([sid.clone(), who.clone(), String::new(), String::new()]),
                        }
                    }
                }
            }
            _ => {
                if let Some(t) = ROW_TABLES.iter().find(|t| t.1 == file) {
                    for row in list(t.0) {
                        sheet.object(&cols, row);
                    }
                }
            }
        }
        files.push((file, sheet.finish()));
    }
    files
}

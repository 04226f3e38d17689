//! The CSV folder: the same document as one spreadsheet file per part (DESIGN §2).
//!
//! Reading turns the files into the JSON form of the document and runs the very same
//! checks as JSON loading, so every problem has the same code; each problem's JSON pointer
//! is then traced back to its file, row and column. The columns of each file are derived
//! from the schema, so they cannot drift from the model.
//!
//! Rules: a header row of field names; nested fields as dotted headers (`trust.reliability`);
//! lists of ids, names or tags in one cell joined by `;`; UTF-8 (a BOM is accepted), CRLF
//! or LF; rows and columns counted from 1, the header being row 1. A text cell starting
//! with `=`, `+`, `-`, `@` or `'` is written with one extra leading `'`, removed on read, so
//! no spreadsheet runs it as a formula and nothing is lost.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::error::{Error, Issue, Location};
use crate::load::Collector;
use crate::load::suggest;
use crate::model::{FormatVersion, Initiative, Instrument, Limits};

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

const GUARDED: &[char] = &['=', '+', '-', '@', '\''];

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
}

impl Column {
    fn new(name: &str, kind: Kind, required: bool) -> Self {
        Column {
            name: name.to_string(),
            path: vec![name.to_string()],
            kind,
            required,
        }
    }
}

fn defs() -> &'static Value {
    &crate::schema::initiative()["$defs"]
}

/// Follows `$ref`s and takes the non-null branch of an optional value.
fn resolve(mut v: &'static Value) -> &'static Value {
    for _ in 0..8 {
        if let Some(name) = v
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            v = &defs()[name];
            continue;
        }
        if let Some(branches) = v.get("anyOf").and_then(Value::as_array) {
            let non_null: Vec<&Value> = branches
                .iter()
                .filter(|b| b.get("type") != Some(&Value::from("null")))
                .collect();
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
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("string"),
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
    let required: BTreeSet<&str> = d["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
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
                });
            }
        } else {
            out.push(Column {
                name: prop.clone(),
                path: vec![prop.clone()],
                kind: kind_of(schema),
                required: required.contains(prop.as_str()),
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
    vec![
        Column::new("outcome", Kind::Text, true),
        Column::new("assumption", Kind::Text, true),
    ]
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
        _ => ROW_TABLES
            .iter()
            .find(|t| t.1 == file)
            .map(|t| columns(t.2, t.3))
            .unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------
// Writing

/// Puts the formula guard on a text cell.
pub(crate) fn guard(s: &str) -> String {
    if s.starts_with(GUARDED) {
        format!("'{s}")
    } else {
        s.to_string()
    }
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
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
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
                    for f in p
                        .get("funding")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        let mut row = f.clone();
                        row["partner"] = p["id"].clone();
                        sheet.object(&cols, &row);
                    }
                }
            }
            "outcome_assumptions.csv" => {
                for o in list("outcomes") {
                    for a in o
                        .get("assumptions")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        sheet.row([cell_text(Some(&o["id"])), cell_text(Some(a))]);
                    }
                }
            }
            "surveys.csv" => {
                for s in list("surveys") {
                    let instrument = if s["instrument"].is_string() {
                        Instrument::FIVE_CONDITIONS
                    } else {
                        "custom"
                    };
                    sheet.row([
                        cell_text(Some(&s["id"])),
                        instrument.to_string(),
                        cell_text(Some(&s["date"])),
                    ]);
                }
            }
            "survey_items.csv" => {
                for s in list("surveys") {
                    for item in s["instrument"]
                        .get("items")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        let mut row = item.clone();
                        row["survey"] = s["id"].clone();
                        row["item"] = item["id"].clone();
                        sheet.object(&cols, &row);
                    }
                }
            }
            "survey_answers.csv" => {
                for s in list("surveys") {
                    for r in s
                        .get("responses")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        let answers = r.get("answers").and_then(Value::as_object);
                        let (sid, who) =
                            (cell_text(Some(&s["id"])), cell_text(Some(&r["respondent"])));
                        match answers {
                            Some(a) if !a.is_empty() => {
                                for (item, answer) in a {
                                    sheet.row([
                                        sid.clone(),
                                        who.clone(),
                                        guard(item),
                                        cell_text(Some(answer)),
                                    ]);
                                }
                            }
                            // A response with no answers keeps its row, item and answer blank.
                            _ => {
                                sheet.row([sid.clone(), who.clone(), String::new(), String::new()])
                            }
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

// ---------------------------------------------------------------------------------------
// Reading

/// A file read into a header and rows of text cells.
struct RawTable {
    file: &'static str,
    header: Vec<String>,
    /// (row number from 1, the header being 1; cells)
    rows: Vec<(u64, Vec<String>)>,
}

/// A row bound to columns: the row number and its object.
struct BoundRow {
    row: u64,
    object: Map<String, Value>,
}

struct Reader<'a> {
    limits: &'a Limits,
    out: Collector,
    /// (file, field) pairs whose column is missing from the header: per-row
    /// `field.missing` issues for them are not repeated.
    missing_columns: BTreeSet<(&'static str, String)>,
    headers: BTreeMap<&'static str, Vec<String>>,
}

fn cell(file: &str, row: u64, column: Option<u64>) -> Location {
    Location::Cell {
        file: file.to_string(),
        row,
        column,
    }
}

impl Reader<'_> {
    fn issue(
        &mut self,
        code: &'static str,
        file: &str,
        row: u64,
        column: Option<u64>,
        message: String,
    ) {
        self.out.push(Issue {
            code,
            location: cell(file, row, column),
            message,
        });
    }

    fn parse(&mut self, file: &'static str, bytes: &[u8]) -> Result<RawTable, Error> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        let mut record = csv::ByteRecord::new();
        let mut index: u64 = 0;
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let row = e.position().map_or(index + 1, |p| p.record() + 1);
                    self.issue(
                        "csv.syntax",
                        file,
                        row,
                        None,
                        format!("this row cannot be read as CSV: {e}"),
                    );
                    break;
                }
            }
            index += 1;
            let row = index;
            if row > self.limits.max_items.saturating_add(1) {
                return Err(Error::limit(Issue {
                    code: "limit.exceeded",
                    location: cell(file, row, None),
                    message: format!(
                        "{file} has more than {} rows (option limits.max_items)",
                        self.limits.max_items
                    ),
                }));
            }
            let mut cells = Vec::with_capacity(record.len());
            for (c, raw) in record.iter().enumerate() {
                let text = match std::str::from_utf8(raw) {
                    Ok(t) => t.to_string(),
                    Err(_) => {
                        self.issue(
                            "encoding.invalid",
                            file,
                            row,
                            Some(c as u64 + 1),
                            "this cell is not UTF-8 text; save the file as CSV UTF-8".into(),
                        );
                        String::from_utf8_lossy(raw).into_owned()
                    }
                };
                if text.chars().count() > self.limits.max_string_chars as usize {
                    return Err(Error::limit(Issue {
                        code: "limit.exceeded",
                        location: cell(file, row, Some(c as u64 + 1)),
                        message: format!(
                            "this cell is longer than {} characters (option limits.max_string_chars)",
                            self.limits.max_string_chars
                        ),
                    }));
                }
                cells.push(text);
            }
            if header.is_none() {
                header = Some(cells.iter().map(|h| h.trim().to_string()).collect());
            } else if cells.iter().any(|c| !c.trim().is_empty()) {
                rows.push((row, cells));
            }
        }
        Ok(RawTable {
            file,
            header: header.unwrap_or_default(),
            rows,
        })
    }

    /// Binds the header to `columns` (unknown and missing columns are issues) and turns
    /// every row into an object.
    fn bind(&mut self, table: &RawTable, columns: &[Column]) -> Vec<BoundRow> {
        let file = table.file;
        let mut slots: Vec<Option<&Column>> = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, name) in table.header.iter().enumerate() {
            let col = columns.iter().find(|c| &c.name == name);
            if col.is_none() {
                let msg = if name.is_empty() {
                    "this column has no name in the header row".to_string()
                } else {
                    let known = columns.iter().map(|c| c.name.as_str());
                    let shown: String = name.chars().take(40).collect();
                    match suggest::closest(name, known) {
                        Some(c) => {
                            format!("'{shown}' is not a column of {file}; did you mean '{c}'?")
                        }
                        None => {
                            let all: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
                            format!(
                                "'{shown}' is not a column of {file}; its columns are: {}",
                                all.join(", ")
                            )
                        }
                    }
                };
                self.issue("field.unknown", file, 1, Some(i as u64 + 1), msg);
            } else if !seen.insert(name.clone()) {
                self.issue(
                    "field.duplicate",
                    file,
                    1,
                    Some(i as u64 + 1),
                    format!("the column '{name}' appears twice in the header row"),
                );
                slots.push(None);
                continue;
            }
            slots.push(col);
        }
        if !table.header.is_empty() || !table.rows.is_empty() {
            for c in columns
                .iter()
                .filter(|c| c.required && !seen.contains(&c.name))
            {
                if c.name == "format" {
                    continue;
                }
                self.issue(
                    "field.missing",
                    file,
                    1,
                    None,
                    format!("{file} has no '{}' column, which is required", c.name),
                );
                self.missing_columns.insert((file, c.path.join("/")));
            }
        }
        self.headers.insert(file, table.header.clone());

        let mut rows = Vec::with_capacity(table.rows.len());
        for (row, cells) in &table.rows {
            if cells.len() > table.header.len()
                && cells[table.header.len()..]
                    .iter()
                    .any(|c| !c.trim().is_empty())
            {
                self.issue(
                    "csv.syntax",
                    file,
                    *row,
                    Some(table.header.len() as u64 + 1),
                    format!(
                        "this row has {} cells but the header has {} columns; is a comma missing its quotes?",
                        cells.len(),
                        table.header.len()
                    ),
                );
            }
            let mut object = Map::new();
            for (i, text) in cells.iter().enumerate() {
                let Some(Some(col)) = slots.get(i) else {
                    continue;
                };
                match read_cell(text, col.kind) {
                    Ok(None) => {}
                    Ok(Some(v)) => insert_path(&mut object, &col.path, v),
                    Err((code, msg)) => self.issue(code, file, *row, Some(i as u64 + 1), msg),
                }
            }
            rows.push(BoundRow { row: *row, object });
        }
        rows
    }
}

fn insert_path(object: &mut Map<String, Value>, path: &[String], v: Value) {
    match path {
        [] => {}
        [last] => {
            object.insert(last.clone(), v);
        }
        [first, rest @ ..] => {
            let entry = object
                .entry(first.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = entry {
                insert_path(m, rest, v);
            }
        }
    }
}

/// Reads one cell as a JSON value of `kind`; a blank cell is no value.
fn read_cell(text: &str, kind: Kind) -> Result<Option<Value>, (&'static str, String)> {
    if text.trim().is_empty() {
        return Ok(if kind == Kind::List {
            Some(Value::Array(vec![]))
        } else {
            None
        });
    }
    let unguarded = text.strip_prefix('\'').unwrap_or(text);
    let t = text.trim();
    match kind {
        Kind::Text => Ok(Some(Value::String(unguarded.to_string()))),
        Kind::List => Ok(Some(Value::Array(
            unguarded
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        ))),
        Kind::Bool => match t.to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(Some(Value::Bool(true))),
            "false" | "no" => Ok(Some(Value::Bool(false))),
            _ => Err((
                "type.mismatch",
                format!("expected true or false, found '{}'", short(t)),
            )),
        },
        Kind::Integer | Kind::Number => {
            if let Ok(i) = t.parse::<i64>() {
                return Ok(Some(Value::from(i)));
            }
            match t.parse::<f64>() {
                Ok(x) if !x.is_finite() => Err((
                    "value.not_finite",
                    format!("'{}' is not a number that can be used", short(t)),
                )),
                Ok(x) if kind == Kind::Integer => {
                    if x.fract() == 0.0 && x.abs() < 9.0e15 {
                        Ok(Some(Value::from(x as i64)))
                    } else {
                        Err((
                            "type.mismatch",
                            format!("expected a whole number, found '{}'", short(t)),
                        ))
                    }
                }
                Ok(x) => Ok(serde_json::Number::from_f64(x).map(Value::Number)),
                Err(_) => Err((
                    "type.mismatch",
                    format!(
                        "expected {}, found '{}'",
                        if kind == Kind::Integer {
                            "a whole number"
                        } else {
                            "a number (with a . for decimals)"
                        },
                        short(t)
                    ),
                )),
            }
        }
    }
}

fn short(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Where each part of the document came from, to trace JSON pointers back to cells.
#[derive(Default)]
struct Sources {
    rows: BTreeMap<&'static str, Vec<u64>>,
    funding: Vec<Vec<u64>>,
    assumptions: Vec<Vec<u64>>,
    items: Vec<Vec<u64>>,
    /// Per survey, per response: the first row and the row of each item.
    answers: Vec<Vec<(u64, BTreeMap<String, u64>)>>,
    single: BTreeSet<&'static str>,
}

fn unescape(seg: &str) -> String {
    seg.replace("~1", "/").replace("~0", "~")
}

impl Reader<'_> {
    fn column_of(&self, file: &str, name: &str) -> Option<u64> {
        self.headers
            .get(file)?
            .iter()
            .position(|h| h == name)
            .map(|i| i as u64 + 1)
    }

    /// The column of the field at `rest` (a field, or a nested field as a dotted name).
    fn field_column(&self, file: &str, rest: &[String]) -> Option<u64> {
        if rest.len() >= 2 {
            if let Some(c) = self.column_of(file, &format!("{}.{}", rest[0], rest[1])) {
                return Some(c);
            }
        }
        rest.first().and_then(|f| self.column_of(file, f))
    }

    /// The cell a JSON pointer came from.
    fn locate(&self, pointer: &str, src: &Sources) -> Option<Location> {
        let segs: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
        let s: Vec<&str> = segs.iter().map(String::as_str).collect();
        let at = |file: &str, row: u64, rest: &[String]| {
            Some(cell(file, row, self.field_column(file, rest)))
        };
        match s.as_slice() {
            ["format", ..] => at("initiative.csv", 2, &segs[..1]),
            ["initiative", ..] => at(
                "initiative.csv",
                if src.single.contains("initiative.csv") {
                    2
                } else {
                    1
                },
                &segs[1..],
            ),
            ["agenda", ..] => at("agenda.csv", 2, &segs[1..]),
            ["backbone", ..] => at("backbone.csv", 2, &segs[1..]),
            ["partners", i, "funding", j, ..] => {
                let row = *src
                    .funding
                    .get(i.parse::<usize>().ok()?)?
                    .get(j.parse::<usize>().ok()?)?;
                at("partner_funding.csv", row, &segs[4..])
            }
            ["outcomes", i, "assumptions", j, ..] => {
                let row = *src
                    .assumptions
                    .get(i.parse::<usize>().ok()?)?
                    .get(j.parse::<usize>().ok()?)?;
                Some(cell(
                    "outcome_assumptions.csv",
                    row,
                    self.column_of("outcome_assumptions.csv", "assumption"),
                ))
            }
            ["surveys", i, "instrument", "items", j, rest @ ..] => {
                let row = *src
                    .items
                    .get(i.parse::<usize>().ok()?)?
                    .get(j.parse::<usize>().ok()?)?;
                let field = match rest.first() {
                    Some(&"id") => vec!["item".to_string()],
                    _ => segs[5..].to_vec(),
                };
                at("survey_items.csv", row, &field)
            }
            ["surveys", i, "responses", j, rest @ ..] => {
                let (first, items) = src
                    .answers
                    .get(i.parse::<usize>().ok()?)?
                    .get(j.parse::<usize>().ok()?)?;
                match rest {
                    ["answers", key, ..] => {
                        let row = items.get(*key).copied().unwrap_or(*first);
                        Some(cell(
                            "survey_answers.csv",
                            row,
                            self.column_of("survey_answers.csv", "answer"),
                        ))
                    }
                    ["respondent", ..] => {
                        at("survey_answers.csv", *first, &["respondent".to_string()])
                    }
                    _ => Some(cell("survey_answers.csv", *first, None)),
                }
            }
            [coll, i, ..] => {
                let file = match *coll {
                    "surveys" => "surveys.csv",
                    _ => ROW_TABLES.iter().find(|t| t.0 == *coll)?.1,
                };
                let row = *src.rows.get(coll)?.get(i.parse::<usize>().ok()?)?;
                at(file, row, &segs[2..])
            }
            _ => None,
        }
    }
}

/// Reads an initiative from the files of a CSV folder: file name → bytes. Missing files
/// are empty parts; other `.csv` names are an error (`file.unknown`), to catch typos.
///
/// Problems have the same codes as JSON loading, located by `file:row:column`.
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
/// use convener::model::Limits;
/// let mut files = BTreeMap::new();
/// files.insert("initiative.csv".to_string(), b"id,name\nfs,Family Support\n".to_vec());
/// files.insert("partners.csv".to_string(), b"id,name,sector\ncouncil,Council,statutory\nhub,Hub,third_secter\n".to_vec());
/// let err = convener::formats::csv::read(&files, &Limits::default()).unwrap_err();
/// assert_eq!(err.issues()[0].to_string(),
///     "partners.csv:3:3: 'third_secter' is not a known sector; did you mean 'third_sector'? [value.unknown]");
/// ```
pub fn read(files: &BTreeMap<String, Vec<u8>>, limits: &Limits) -> Result<Initiative, Error> {
    let total: u64 = files.values().map(|b| b.len() as u64).sum();
    if total > limits.max_document_bytes {
        return Err(Error::limit(Issue::at_pointer(
            "limit.exceeded",
            "",
            format!(
                "the CSV files hold {total} bytes; the limit is {} (option limits.max_document_bytes)",
                limits.max_document_bytes
            ),
        )));
    }
    let mut r = Reader {
        limits,
        out: Collector::new(limits.max_issues),
        missing_columns: BTreeSet::new(),
        headers: BTreeMap::new(),
    };
    for name in files.keys() {
        if !FILES.contains(&name.as_str()) {
            let hint = match suggest::closest(name, FILES.iter().copied()) {
                Some(c) => format!("did you mean '{c}'?"),
                None => format!("the files are: {}", FILES.join(", ")),
            };
            r.issue(
                "file.unknown",
                name,
                1,
                None,
                format!("convener does not read a file called '{name}'; {hint}"),
            );
        }
    }

    let mut tables: BTreeMap<&'static str, Vec<BoundRow>> = BTreeMap::new();
    for &file in FILES {
        let Some(bytes) = files.get(file) else {
            continue;
        };
        let raw = r.parse(file, bytes)?;
        let bound = r.bind(&raw, &columns_of(file));
        tables.insert(file, bound);
    }
    let (doc, src) = assemble(&mut r, &mut tables);
    finish(r, doc, src)
}

fn take_key(object: &mut Map<String, Value>, key: &str) -> Option<String> {
    match object.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// Builds the JSON form of the document from the bound rows, recording where each part
/// came from.
fn assemble(
    r: &mut Reader,
    tables: &mut BTreeMap<&'static str, Vec<BoundRow>>,
) -> (Value, Sources) {
    let mut src = Sources::default();
    let mut doc = Map::new();
    let mut take = |file: &str| tables.remove(file).unwrap_or_default();

    // initiative.csv: format and the header.
    let mut info = take("initiative.csv");
    if info.len() > 1 {
        r.issue(
            "csv.rows",
            "initiative.csv",
            info[1].row,
            None,
            "initiative.csv has one row only; remove the extra rows".into(),
        );
    }
    match info.first_mut() {
        Some(row) => {
            src.single.insert("initiative.csv");
            let format = row
                .object
                .remove("format")
                .unwrap_or_else(|| Value::from(FormatVersion::NAME));
            doc.insert("format".into(), format);
            doc.insert(
                "initiative".into(),
                Value::Object(std::mem::take(&mut row.object)),
            );
        }
        None => {
            doc.insert("format".into(), Value::from(FormatVersion::NAME));
            r.issue(
                "field.missing",
                "initiative.csv",
                1,
                None,
                "initiative.csv is missing or empty: it needs a row with the initiative's id and name".into(),
            );
            r.missing_columns.insert(("initiative.csv", String::new()));
        }
    }
    for (file, key) in [("agenda.csv", "agenda"), ("backbone.csv", "backbone")] {
        let rows = take(file);
        if rows.len() > 1 {
            r.issue(
                "csv.rows",
                file,
                rows[1].row,
                None,
                format!("{file} has one row only; remove the extra rows"),
            );
        }
        if let Some(first) = rows.into_iter().next() {
            src.single.insert(file);
            doc.insert(key.into(), Value::Object(first.object));
        }
    }

    for &(key, file, _, _) in ROW_TABLES {
        let rows = take(file);
        src.rows.insert(key, rows.iter().map(|b| b.row).collect());
        doc.insert(
            key.into(),
            Value::Array(rows.into_iter().map(|b| Value::Object(b.object)).collect()),
        );
    }

    // Children by parent id.
    let index_of = |doc: &Map<String, Value>, key: &str| -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for (i, v) in doc
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(id) = v.get("id").and_then(Value::as_str) {
                m.entry(id.to_string()).or_insert(i);
            }
        }
        m
    };

    let partners = index_of(&doc, "partners");
    src.funding = vec![
        Vec::new();
        partners
            .values()
            .max()
            .map_or(0, |m| m + 1)
            .max(doc["partners"].as_array().map_or(0, Vec::len))
    ];
    for mut b in take("partner_funding.csv") {
        let Some(owner) = take_key(&mut b.object, "partner") else {
            let col = r.column_of("partner_funding.csv", "partner");
            if col.is_some() {
                r.issue(
                    "field.missing",
                    "partner_funding.csv",
                    b.row,
                    col,
                    "this row names no partner".into(),
                );
            }
            continue;
        };
        match partners.get(&owner) {
            Some(&i) => {
                if let Some(Value::Array(items)) = doc["partners"][i]
                    .as_object_mut()
                    .map(|p| p.entry("funding").or_insert_with(|| Value::Array(vec![])))
                {
                    items.push(Value::Object(b.object));
                }
                src.funding[i].push(b.row);
            }
            None => {
                let col = r.column_of("partner_funding.csv", "partner");
                r.issue(
                    "reference.unknown_partner",
                    "partner_funding.csv",
                    b.row,
                    col,
                    format!("no partner has the id '{}'", short(&owner)),
                );
            }
        }
    }

    let outcomes = index_of(&doc, "outcomes");
    src.assumptions = vec![Vec::new(); doc["outcomes"].as_array().map_or(0, Vec::len)];
    for mut b in take("outcome_assumptions.csv") {
        let col = r.column_of("outcome_assumptions.csv", "outcome");
        let Some(owner) = take_key(&mut b.object, "outcome") else {
            if col.is_some() {
                r.issue(
                    "field.missing",
                    "outcome_assumptions.csv",
                    b.row,
                    col,
                    "this row names no outcome".into(),
                );
            }
            continue;
        };
        let Some(text) = b.object.remove("assumption") else {
            let c = r.column_of("outcome_assumptions.csv", "assumption");
            if c.is_some() {
                r.issue(
                    "field.missing",
                    "outcome_assumptions.csv",
                    b.row,
                    c,
                    "this row has no assumption".into(),
                );
            }
            continue;
        };
        match outcomes.get(&owner) {
            Some(&i) => {
                if let Some(Value::Array(items)) = doc["outcomes"][i].as_object_mut().map(|o| {
                    o.entry("assumptions")
                        .or_insert_with(|| Value::Array(vec![]))
                }) {
                    items.push(text);
                }
                src.assumptions[i].push(b.row);
            }
            None => r.issue(
                "reference.unknown_outcome",
                "outcome_assumptions.csv",
                b.row,
                col,
                format!("no outcome has the id '{}'", short(&owner)),
            ),
        }
    }

    // Surveys, their items and their answers.
    let survey_rows = take("surveys.csv");
    src.rows
        .insert("surveys", survey_rows.iter().map(|b| b.row).collect());
    let n_surveys = survey_rows.len();
    let mut custom = vec![false; n_surveys];
    let mut surveys: Vec<Value> = Vec::with_capacity(n_surveys);
    for (i, mut b) in survey_rows.into_iter().enumerate() {
        let instrument = match b.object.remove("instrument") {
            Some(Value::String(s)) if s == "custom" => {
                custom[i] = true;
                serde_json::json!({"items": []})
            }
            Some(other) => other,
            None => Value::Null,
        };
        let mut obj = Map::new();
        if let Some(id) = b.object.remove("id") {
            obj.insert("id".into(), id);
        }
        if !instrument.is_null() {
            obj.insert("instrument".into(), instrument);
        }
        obj.extend(std::mem::take(&mut b.object));
        obj.insert("responses".into(), Value::Array(vec![]));
        surveys.push(Value::Object(obj));
    }
    doc.insert("surveys".into(), Value::Array(surveys));
    let survey_index = index_of(&doc, "surveys");
    src.items = vec![Vec::new(); n_surveys];
    src.answers = vec![Vec::new(); n_surveys];

    for mut b in take("survey_items.csv") {
        let col = r.column_of("survey_items.csv", "survey");
        let Some(owner) = take_key(&mut b.object, "survey") else {
            if col.is_some() {
                r.issue(
                    "field.missing",
                    "survey_items.csv",
                    b.row,
                    col,
                    "this row names no survey".into(),
                );
            }
            continue;
        };
        let Some(&i) = survey_index.get(&owner) else {
            r.issue(
                "reference.unknown_survey",
                "survey_items.csv",
                b.row,
                col,
                format!("no survey has the id '{}'", short(&owner)),
            );
            continue;
        };
        if !custom[i] {
            r.issue(
                "survey.builtin_items",
                "survey_items.csv",
                b.row,
                col,
                format!("the survey '{owner}' uses the built-in five_conditions questions, so it takes no items; set its instrument to custom in surveys.csv"),
            );
            continue;
        }
        let mut item = Map::new();
        if let Some(id) = b.object.remove("item") {
            item.insert("id".into(), id);
        }
        item.extend(std::mem::take(&mut b.object));
        if let Some(Value::Array(items)) = doc["surveys"][i].pointer_mut("/instrument/items") {
            items.push(Value::Object(item));
        }
        src.items[i].push(b.row);
    }

    // Answers: one response per (survey, respondent), in first-seen order.
    let mut response_at: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for mut b in take("survey_answers.csv") {
        let file = "survey_answers.csv";
        let col = r.column_of(file, "survey");
        let Some(owner) = take_key(&mut b.object, "survey") else {
            if col.is_some() {
                r.issue(
                    "field.missing",
                    file,
                    b.row,
                    col,
                    "this row names no survey".into(),
                );
            }
            continue;
        };
        let Some(&i) = survey_index.get(&owner) else {
            r.issue(
                "reference.unknown_survey",
                file,
                b.row,
                col,
                format!("no survey has the id '{}'", short(&owner)),
            );
            continue;
        };
        let Some(respondent) = b.object.remove("respondent") else {
            let c = r.column_of(file, "respondent");
            if c.is_some() {
                r.issue(
                    "field.missing",
                    file,
                    b.row,
                    c,
                    "this row names no respondent".into(),
                );
            }
            continue;
        };
        let who = respondent.as_str().unwrap_or_default().to_string();
        let item = take_key(&mut b.object, "item");
        let answer = b.object.remove("answer");
        let Some(responses) = doc["surveys"][i]
            .get_mut("responses")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        let j = *response_at.entry((i, who.clone())).or_insert_with(|| {
            responses.push(serde_json::json!({"respondent": respondent, "answers": {}}));
            src.answers[i].push((b.row, BTreeMap::new()));
            responses.len() - 1
        });
        match (item, answer) {
            (None, None) => {}
            (Some(item), Some(answer)) => {
                let answers = responses[j]["answers"].as_object_mut();
                if let Some(answers) = answers {
                    if answers.contains_key(&item) {
                        r.issue(
                            "field.duplicate",
                            file,
                            b.row,
                            r.column_of(file, "item"),
                            format!("'{who}' already answered '{item}' in the survey '{owner}'; keep one answer"),
                        );
                    } else {
                        answers.insert(item.clone(), answer);
                        src.answers[i][j].1.insert(item, b.row);
                    }
                }
            }
            (None, Some(_)) => r.issue(
                "field.missing",
                file,
                b.row,
                r.column_of(file, "item"),
                "this answer names no item".into(),
            ),
            (Some(_), None) => r.issue(
                "field.missing",
                file,
                b.row,
                r.column_of(file, "answer"),
                "this row has an item but no answer".into(),
            ),
        }
    }
    (Value::Object(doc), src)
}

/// Runs the document checks on the assembled document and traces every problem to its cell.
fn finish(mut r: Reader, doc: Value, src: Sources) -> Result<Initiative, Error> {
    let limits = r.limits.clone();
    let mut checks = Collector::new(limits.max_issues);
    let typed = match Initiative::deserialize(&doc) {
        Ok(model) => Some(model),
        Err(_) => {
            let schema = crate::schema::initiative();
            let mut ptr = String::new();
            crate::load::walk::Walker::new(schema, &mut checks, "field.unknown")
                .walk(&doc, schema, &mut ptr, None);
            None
        }
    };
    if let Some(model) = &typed {
        crate::load::check_into(model, &mut checks);
    }
    let problems = checks.into_problems();
    for issue in problems.issues {
        let pointer = issue.pointer().unwrap_or_default().to_string();
        let location = r.locate(&pointer, &src);
        if issue.code == "field.missing" {
            if let Some(Location::Cell { file, .. }) = &location {
                let field = pointer
                    .split('/')
                    .skip(2)
                    .filter(|s| s.parse::<usize>().is_err())
                    .collect::<Vec<_>>()
                    .join("/");
                let file_is_missing = r
                    .missing_columns
                    .iter()
                    .any(|(f, c)| f == file && (c == &field || c.is_empty()));
                if file_is_missing {
                    continue;
                }
            }
        }
        let location = location.unwrap_or(issue.location);
        r.out.push(Issue {
            code: issue.code,
            location,
            message: issue.message,
        });
    }
    r.out.add_more(problems.more);
    match typed {
        Some(model) if r.out.is_empty() => Ok(model),
        _ => Err(Error::InvalidDocument(r.out.into_problems())),
    }
}

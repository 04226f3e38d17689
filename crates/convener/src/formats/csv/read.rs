//! Reading a CSV folder: files → rows → the JSON form of the document → the loader's own
//! checks, with every problem traced back to its file, row and column.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::{Map, Value};

use super::parse;
use super::{Column, FILES, Kind, ROW_TABLES, columns_of};
use crate::codes::IssueCode;
use crate::error::{Error, Issue, Location, Problems};
use crate::load::Collector;
use crate::model::{FormatVersion, Initiative, Limits};
use crate::util::suggest;

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

/// Everything needed to trace a JSON pointer back to a cell, and to leave out problems
/// already said in CSV terms.
#[derive(Default)]
struct Locator {
    headers: BTreeMap<&'static str, Vec<String>>,
    /// (file, field path) whose column is missing from the header (field path empty: the
    /// whole file is missing).
    missing_columns: BTreeSet<(&'static str, String)>,
    /// Cells whose text could not be read: their field is not also "missing".
    failed: BTreeSet<(String, u64, u64)>,
    src: Sources,
}

struct Reader<'a> {
    limits: &'a Limits,
    out: Vec<Issue>,
    /// Problems about the CSV itself found beyond the memory bound.
    unlisted: u64,
    loc: Locator,
}

fn cell(file: &str, row: u64, column: Option<u64>) -> Location {
    Location::Cell { file: file.to_string(), row, column }
}

fn short(s: &str) -> String {
    if s.chars().count() > 40 { format!("{}…", s.chars().take(40).collect::<String>()) } else { s.to_string() }
}

fn unescape(seg: &str) -> String {
    seg.replace("~1", "/").replace("~0", "~")
}

impl Reader<'_> {
    fn issue(&mut self, code: IssueCode, file: &str, row: u64, column: Option<u64>, message: String) {
        // Keep memory bounded on a hostile folder: far more than will be listed.
        if self.out.len() < (self.limits.max_issues as usize).saturating_mul(4).max(16) {
            self.out.push(Issue { code, location: cell(file, row, column), message });
        } else {
            self.unlisted += 1;
        }
    }

    fn limit(&self, file: &str, row: u64, column: Option<u64>, message: String) -> Error {
        Error::limit(Issue { code: IssueCode::LimitExceeded, location: cell(file, row, column), message })
    }

    /// Splits a file into its header and rows.
    fn parse(&mut self, file: &'static str, bytes: &[u8]) -> Result<RawTable, Error> {
        if bytes.starts_with(b"\xFF\xFE")
            || bytes.starts_with(b"\xFE\xFF")
            || bytes.iter().take(64).filter(|&&b| b == 0).count() > 4
        {
            self.issue(
                IssueCode::EncodingInvalid,
                file,
                1,
                None,
                format!("{file} is saved as UTF-16 (\"Unicode text\"); save it as CSV UTF-8"),
            );
            return Ok(RawTable { file, header: vec![], rows: vec![] });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let (records, faults) = parse::records(bytes);
        for f in faults {
            self.issue(IssueCode::CsvSyntax, file, f.row, Some(f.column), f.message);
        }
        if records.len() as u64 > self.limits.max_items.saturating_add(1) {
            let row = self.limits.max_items + 2;
            return Err(self.limit(
                file,
                row,
                None,
                format!("{file} has more than {} rows (option limits.max_items)", self.limits.max_items),
            ));
        }
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in records {
            let row = record.row;
            let mut cells = Vec::with_capacity(record.cells.len());
            for (c, raw) in record.cells.into_iter().enumerate() {
                let column = c as u64 + 1;
                let text = match String::from_utf8(raw.bytes) {
                    Ok(t) => t,
                    Err(e) => {
                        self.issue(
                            IssueCode::EncodingInvalid,
                            file,
                            row,
                            Some(column),
                            "this cell is not UTF-8 text; save the file as CSV UTF-8".into(),
                        );
                        self.loc.failed.insert((file.to_string(), row, column));
                        String::from_utf8_lossy(e.as_bytes()).into_owned()
                    }
                };
                // Header cells here; a data cell's limit depends on its column (a list cell
                // holds many values, each within the limit): see `read_cell`.
                if header.is_none() && text.chars().count() > self.limits.max_string_chars as usize {
                    return Err(self.limit(
                        file,
                        row,
                        Some(column),
                        format!(
                            "this cell is longer than {} characters (option limits.max_string_chars)",
                            self.limits.max_string_chars
                        ),
                    ));
                }
                cells.push(text);
            }
            if header.is_none() {
                header = Some(cells.iter().map(|h| h.trim().to_string()).collect());
            } else if cells.iter().any(|c| !c.trim().is_empty()) {
                rows.push((row, cells));
            }
        }
        Ok(RawTable { file, header: header.unwrap_or_default(), rows })
    }

    /// Binds the header to `columns` (unknown and missing columns are issues) and turns
    /// every row into an object.
    fn bind(&mut self, table: &RawTable, columns: &[Column]) -> Vec<BoundRow> {
        let file = table.file;
        let mut slots: Vec<Option<&Column>> = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, name) in table.header.iter().enumerate() {
            let col = columns.iter().find(|c| &c.name == name);
            let column = Some(i as u64 + 1);
            if col.is_none() {
                if name.is_empty() {
                    // A nameless column is fine while it is empty (spreadsheets export them).
                    if let Some((row, _)) =
                        table.rows.iter().find(|(_, cells)| cells.get(i).is_some_and(|c| !c.trim().is_empty()))
                    {
                        self.issue(
                            IssueCode::FieldUnknown,
                            file,
                            *row,
                            column,
                            "this cell is in a column with no name in the header row; name the column or clear it"
                                .into(),
                        );
                    }
                } else {
                    let shown = short(name);
                    let msg = match suggest::closest(name, columns.iter().map(|c| c.name.as_str())) {
                        Some(c) => {
                            format!("'{shown}' is not a column of {file}; did you mean '{c}'?")
                        }
                        None => {
                            let all: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
                            format!("'{shown}' is not a column of {file}; its columns are: {}", all.join(", "))
                        }
                    };
                    self.issue(IssueCode::FieldUnknown, file, 1, column, msg);
                }
            } else if !seen.insert(name.clone()) {
                self.issue(
                    IssueCode::FieldDuplicate,
                    file,
                    1,
                    column,
                    format!("the column '{name}' appears twice in the header row"),
                );
                slots.push(None);
                continue;
            }
            slots.push(col);
        }
        if !table.header.is_empty() || !table.rows.is_empty() {
            for c in columns.iter().filter(|c| c.required && !seen.contains(&c.name) && c.name != "format") {
                self.issue(
                    IssueCode::FieldMissing,
                    file,
                    1,
                    None,
                    format!("{file} has no '{}' column, which is required", c.name),
                );
                self.loc.missing_columns.insert((file, c.path.join("/")));
            }
        }
        self.loc.headers.insert(file, table.header.clone());

        let mut rows = Vec::with_capacity(table.rows.len());
        for (row, cells) in &table.rows {
            let width = table.header.len();
            if let Some(extra) = (width..cells.len()).find(|&i| !cells[i].trim().is_empty()) {
                self.issue(
                    IssueCode::CsvSyntax,
                    file,
                    *row,
                    Some(extra as u64 + 1),
                    format!(
                        "this row has {} cells but the header has {width} columns; does a cell hold a comma without quotes around it?",
                        cells.len()
                    ),
                );
            }
            let mut object = Map::new();
            for (i, text) in cells.iter().enumerate() {
                let Some(Some(col)) = slots.get(i) else {
                    continue;
                };
                let column = i as u64 + 1;
                if self.loc.failed.contains(&(file.to_string(), *row, column)) {
                    continue;
                }
                match read_cell(text, col, self.limits) {
                    Ok(None) => {}
                    Ok(Some(v)) => insert_path(&mut object, &col.path, v),
                    Err((IssueCode::LimitExceeded, msg)) => {
                        self.issue(IssueCode::LimitExceeded, file, *row, Some(column), msg);
                        self.loc.failed.insert((file.to_string(), *row, column));
                    }
                    Err((code, msg)) => {
                        self.issue(code, file, *row, Some(column), msg);
                        self.loc.failed.insert((file.to_string(), *row, column));
                    }
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
            let entry = object.entry(first.clone()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = entry {
                insert_path(m, rest, v);
            }
        }
    }
}

/// Reads one cell as a JSON value of its column's kind; a blank cell is no value.
///
/// `limits.max_string_chars` bounds each value: the whole cell, or each entry of a list
/// cell (a list of 100,000 partner ids is one long cell of short values).
fn read_cell(text: &str, col: &Column, limits: &Limits) -> Result<Option<Value>, (IssueCode, String)> {
    if text.trim().is_empty() {
        return Ok(if col.kind == Kind::List { Some(Value::Array(vec![])) } else { None });
    }
    let max_chars = limits.max_string_chars as usize;
    let too_long = || {
        let what = if col.kind == Kind::List { "an entry of this cell" } else { "this cell" };
        (
            IssueCode::LimitExceeded,
            format!("{what} is longer than {max_chars} characters (option limits.max_string_chars)"),
        )
    };
    if col.kind != Kind::List && text.chars().count() > max_chars {
        return Err(too_long());
    }
    let max_items = limits.max_items;
    let unguarded = text.strip_prefix('\'').unwrap_or(text);
    let t = text.trim();
    match col.kind {
        Kind::Text if col.free_text => Ok(Some(Value::String(unguarded.to_string()))),
        Kind::Text => Ok(Some(Value::String(unguarded.trim().to_string()))),
        Kind::List => {
            let items: Vec<Value> = unguarded
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect();
            if items.iter().any(|s| s.as_str().is_some_and(|s| s.chars().count() > max_chars)) {
                return Err(too_long());
            }
            if items.len() as u64 > max_items {
                return Err((
                    IssueCode::LimitExceeded,
                    format!("this cell lists more than {max_items} entries (option limits.max_items)"),
                ));
            }
            Ok(Some(Value::Array(items)))
        }
        Kind::Bool => match t.to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(Some(Value::Bool(true))),
            "false" | "no" => Ok(Some(Value::Bool(false))),
            _ => Err((IssueCode::TypeMismatch, format!("expected true or false, found '{}'", short(t)))),
        },
        Kind::Integer | Kind::Number => {
            if let Ok(i) = t.parse::<i64>() {
                return Ok(Some(Value::from(i)));
            }
            let whole = col.kind == Kind::Integer;
            match t.parse::<f64>() {
                Ok(x) if !x.is_finite() => {
                    Err((IssueCode::ValueNotFinite, format!("'{}' is not a number that can be used", short(t))))
                }
                Ok(x) if whole => {
                    if x.fract() == 0.0 && x.abs() < 9.0e15 {
                        Ok(Some(Value::from(x as i64)))
                    } else {
                        Err((IssueCode::TypeMismatch, format!("expected a whole number, found '{}'", short(t))))
                    }
                }
                Ok(x) => Ok(serde_json::Number::from_f64(x).map(Value::Number)),
                Err(_) => {
                    let separators =
                        t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'));
                    let hint = if separators {
                        "; write numbers without thousands separators and with a . for decimals, e.g. 12500 or 3.5"
                    } else {
                        ""
                    };
                    let what = if whole { "a whole number" } else { "a number" };
                    Err((IssueCode::TypeMismatch, format!("expected {what}, found '{}'{hint}", short(t))))
                }
            }
        }
    }
}

impl Locator {
    fn column_of(&self, file: &str, name: &str) -> Option<u64> {
        self.headers.get(file)?.iter().position(|h| h == name).map(|i| i as u64 + 1)
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

    /// The cell a JSON pointer came from, and the column name the field has there.
    fn locate(&self, pointer: &str, code: &str) -> Option<(Location, Option<String>)> {
        let src = &self.src;
        let segs: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
        let s: Vec<&str> = segs.iter().map(String::as_str).collect();
        let idx = |x: &str| x.parse::<usize>().ok();
        let at = |file: &str, row: u64, rest: &[String]| {
            let name = match rest {
                [a, b, ..] if b.parse::<usize>().is_err() => Some(format!("{a}.{b}")),
                [a, ..] => Some(a.clone()),
                [] => None,
            };
            Some((cell(file, row, self.field_column(file, rest)), name))
        };
        match s.as_slice() {
            ["format", ..] => at("initiative.csv", 2, &segs[..1]),
            ["initiative", ..] => {
                at("initiative.csv", if src.single.contains("initiative.csv") { 2 } else { 1 }, &segs[1..])
            }
            ["agenda", ..] => at("agenda.csv", 2, &segs[1..]),
            ["backbone", ..] => at("backbone.csv", 2, &segs[1..]),
            ["partners", i, "funding", j, ..] => {
                let row = *src.funding.get(idx(i)?)?.get(idx(j)?)?;
                at("partner_funding.csv", row, &segs[4..])
            }
            ["outcomes", i, "assumptions", j, ..] => {
                let row = *src.assumptions.get(idx(i)?)?.get(idx(j)?)?;
                at("outcome_assumptions.csv", row, &["assumption".to_string()])
            }
            ["surveys", i, "instrument", "items", j, rest @ ..] => {
                let row = *src.items.get(idx(i)?)?.get(idx(j)?)?;
                let field = match rest.first() {
                    Some(&"id") => vec!["item".to_string()],
                    _ => segs[5..].to_vec(),
                };
                at("survey_items.csv", row, &field)
            }
            ["surveys", i, "responses", j, rest @ ..] => {
                let (first, items) = src.answers.get(idx(i)?)?.get(idx(j)?)?;
                match rest {
                    ["answers", key, ..] => {
                        let row = items.get(*key).copied().unwrap_or(*first);
                        // The item is wrong for a reference or an id, the answer otherwise.
                        let column =
                            if code.starts_with("reference.") || code.starts_with("id.") { "item" } else { "answer" };
                        at("survey_answers.csv", row, &[column.to_string()])
                    }
                    ["respondent", ..] => at("survey_answers.csv", *first, &["respondent".to_string()]),
                    _ => Some((cell("survey_answers.csv", *first, None), None)),
                }
            }
            [coll, i, ..] => {
                let file = match *coll {
                    "surveys" => "surveys.csv",
                    _ => ROW_TABLES.iter().find(|t| t.0 == *coll)?.1,
                };
                let row = *src.rows.get(coll)?.get(idx(i)?)?;
                at(file, row, &segs[2..])
            }
            _ => None,
        }
    }

    /// Says "file row N" for each JSON pointer quoted in a message.
    fn rewrite_pointers(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        let mut rest = message;
        while let Some(i) = rest.find(" at /") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 4..];
            let end =
                after.find(|c: char| c.is_whitespace() || c == ';' || c == ',' || c == ')').unwrap_or(after.len());
            let pointer = &after[..end];
            match self.locate(pointer, "") {
                Some((Location::Cell { file, row, .. }, _)) => out.push_str(&format!(" in {file} row {row}")),
                _ => {
                    out.push_str(" at ");
                    out.push_str(pointer);
                }
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }

    /// Traces an issue of the document checks to its cell: `None` when it repeats a
    /// problem already said about the CSV itself.
    fn transform(&self, issue: Issue) -> Option<Issue> {
        let pointer = issue.pointer().unwrap_or_default().to_string();
        let Some((location, column_name)) = self.locate(&pointer, issue.code.as_str()) else {
            return Some(Issue { message: self.rewrite_pointers(&issue.message), ..issue });
        };
        let mut message = self.rewrite_pointers(&issue.message);
        if let Location::Cell { file, row, column } = &location {
            if issue.code == IssueCode::FieldMissing {
                let field: String = pointer
                    .split('/')
                    .skip(1)
                    .filter(|s| s.parse::<usize>().is_err())
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join("/");
                let said = self.missing_columns.iter().any(|(f, c)| f == file && (c == &field || c.is_empty()));
                let failed = column.is_some_and(|c| self.failed.contains(&(file.clone(), *row, c)));
                if said || failed {
                    return None;
                }
                if let Some(name) = &column_name {
                    let group: Vec<&str> = self
                        .headers
                        .get(file.as_str())
                        .into_iter()
                        .flatten()
                        .filter(|h| h.starts_with(&format!("{name}.")))
                        .map(String::as_str)
                        .collect();
                    message = if column.is_some() {
                        format!("the '{name}' cell of this row is empty, and it is needed")
                    } else if !group.is_empty() {
                        format!("this row needs values in the {} columns", group.join(", "))
                    } else {
                        format!("{file} needs a '{name}' column, with a value in this row")
                    };
                }
            }
        }
        Some(Issue { code: issue.code, location, message })
    }
}

/// The place of an issue in the folder: files in [`FILES`] order, then rows, then columns.
fn folder_order(issue: &Issue) -> (usize, u64, u64) {
    match &issue.location {
        Location::Cell { file, row, column } => {
            (FILES.iter().position(|f| f == file).unwrap_or(FILES.len()), *row, column.unwrap_or(0))
        }
        _ => (FILES.len() + 1, 0, 0),
    }
}

/// Reads an initiative from the files of a CSV folder: file name → bytes. Missing files
/// are empty parts; other `.csv` names are an error (`file.unknown`), to catch typos.
///
/// Problems have the same codes as JSON loading, located by `file:row:column`, in the
/// order of the files, rows and columns.
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
            IssueCode::LimitExceeded,
            "",
            format!(
                "the CSV files hold {total} bytes; the limit is {} (option limits.max_document_bytes)",
                limits.max_document_bytes
            ),
        )));
    }
    let mut r = Reader { limits, out: Vec::new(), unlisted: 0, loc: Locator::default() };
    for name in files.keys() {
        if !FILES.contains(&name.as_str()) {
            let hint = match suggest::closest(name, FILES.iter().copied()) {
                Some(c) => format!("did you mean '{c}'?"),
                None => format!("the files are: {}", FILES.join(", ")),
            };
            r.issue(
                IssueCode::FileUnknown,
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
    if let Some(limit) = r.out.iter().find(|i| i.code == IssueCode::LimitExceeded) {
        return Err(Error::limit(limit.clone()));
    }
    let doc = assemble(&mut r, &mut tables);
    finish(r, doc)
}

fn take_key(object: &mut Map<String, Value>, key: &str) -> Option<String> {
    match object.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The index of the parent a child row names in `key` (a partner, outcome or survey id),
/// or `None` after saying what is wrong with the row.
fn parent_of(
    r: &mut Reader,
    row: &mut BoundRow,
    file: &'static str,
    key: &str,
    parents: &BTreeMap<String, usize>,
    code: IssueCode,
    what: &str,
) -> Option<usize> {
    let column = r.loc.column_of(file, key);
    let Some(owner) = take_key(&mut row.object, key) else {
        let failed = column.is_some_and(|c| r.loc.failed.contains(&(file.to_string(), row.row, c)));
        if column.is_some() && !failed {
            r.issue(IssueCode::FieldMissing, file, row.row, column, format!("this row names no {what}"));
        }
        return None;
    };
    match parents.get(&owner) {
        Some(&i) => Some(i),
        None => {
            let hint = match suggest::closest(&owner, parents.keys().map(String::as_str)) {
                Some(c) => format!("; did you mean '{c}'?"),
                None => String::new(),
            };
            r.issue(code, file, row.row, column, format!("no {what} has the id '{}'{hint}", short(&owner)));
            None
        }
    }
}

/// The ids of a collection of the document being assembled, with their first index.
fn index_of(doc: &Map<String, Value>, key: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for (i, v) in doc.get(key).and_then(Value::as_array).into_iter().flatten().enumerate() {
        if let Some(id) = v.get("id").and_then(Value::as_str) {
            m.entry(id.to_string()).or_insert(i);
        }
    }
    m
}

/// Appends `item` to the list `field` of `parent`.
fn push_child(parent: &mut Value, field: &str, item: Value) {
    if let Some(Value::Array(items)) =
        parent.as_object_mut().map(|p| p.entry(field).or_insert_with(|| Value::Array(vec![])))
    {
        items.push(item);
    }
}

/// Builds the JSON form of the document from the bound rows, recording where each part
/// came from: the one-row files, the row tables, then the child rows of partners,
/// outcomes and surveys.
fn assemble(r: &mut Reader, tables: &mut BTreeMap<&'static str, Vec<BoundRow>>) -> Value {
    let mut doc = Map::new();
    let mut take = |file: &str| tables.remove(file).unwrap_or_default();
    initiative(r, &mut doc, take("initiative.csv"));
    for (file, key) in [("agenda.csv", "agenda"), ("backbone.csv", "backbone")] {
        let rows = take(file);
        if rows.len() > 1 {
            r.issue(
                IssueCode::CsvRows,
                file,
                rows[1].row,
                None,
                format!("{file} has one row only; remove the extra rows"),
            );
        }
        if let Some(first) = rows.into_iter().next() {
            r.loc.src.single.insert(file);
            doc.insert(key.into(), Value::Object(first.object));
        }
    }
    for &(key, file, _, _) in ROW_TABLES {
        let rows = take(file);
        r.loc.src.rows.insert(key, rows.iter().map(|b| b.row).collect());
        doc.insert(key.into(), Value::Array(rows.into_iter().map(|b| Value::Object(b.object)).collect()));
    }
    partner_funding(r, &mut doc, take("partner_funding.csv"));
    outcome_assumptions(r, &mut doc, take("outcome_assumptions.csv"));
    let custom = surveys(r, &mut doc, take("surveys.csv"));
    survey_items(r, &mut doc, &custom, take("survey_items.csv"));
    survey_answers(r, &mut doc, take("survey_answers.csv"));
    Value::Object(doc)
}

/// initiative.csv: the format and the initiative's header, from its one row.
fn initiative(r: &mut Reader, doc: &mut Map<String, Value>, mut info: Vec<BoundRow>) {
    if info.len() > 1 {
        r.issue(
            IssueCode::CsvRows,
            "initiative.csv",
            info[1].row,
            None,
            "initiative.csv has one row only; remove the extra rows".into(),
        );
    }
    match info.first_mut() {
        Some(row) => {
            r.loc.src.single.insert("initiative.csv");
            let format = row.object.remove("format").unwrap_or_else(|| Value::from(FormatVersion::NAME));
            doc.insert("format".into(), format);
            doc.insert("initiative".into(), Value::Object(std::mem::take(&mut row.object)));
        }
        None => {
            doc.insert("format".into(), Value::from(FormatVersion::NAME));
            r.issue(
                IssueCode::FieldMissing,
                "initiative.csv",
                1,
                None,
                "initiative.csv is missing or empty: it needs a row with the initiative's id and name".into(),
            );
            r.loc.missing_columns.insert(("initiative.csv", String::new()));
        }
    }
}

/// partner_funding.csv: each row a funding of the partner it names.
fn partner_funding(r: &mut Reader, doc: &mut Map<String, Value>, rows: Vec<BoundRow>) {
    let file = "partner_funding.csv";
    let partners = index_of(doc, "partners");
    r.loc.src.funding = vec![Vec::new(); doc["partners"].as_array().map_or(0, Vec::len)];
    for mut b in rows {
        let Some(i) = parent_of(r, &mut b, file, "partner", &partners, IssueCode::ReferenceUnknownPartner, "partner")
        else {
            continue;
        };
        push_child(&mut doc["partners"][i], "funding", Value::Object(b.object));
        r.loc.src.funding[i].push(b.row);
    }
}

/// outcome_assumptions.csv: each row an assumption of the outcome it names.
fn outcome_assumptions(r: &mut Reader, doc: &mut Map<String, Value>, rows: Vec<BoundRow>) {
    let file = "outcome_assumptions.csv";
    let outcomes = index_of(doc, "outcomes");
    r.loc.src.assumptions = vec![Vec::new(); doc["outcomes"].as_array().map_or(0, Vec::len)];
    for mut b in rows {
        let Some(i) = parent_of(r, &mut b, file, "outcome", &outcomes, IssueCode::ReferenceUnknownOutcome, "outcome")
        else {
            continue;
        };
        let Some(text) = b.object.remove("assumption") else {
            let column = r.loc.column_of(file, "assumption");
            if column.is_some() {
                r.issue(IssueCode::FieldMissing, file, b.row, column, "this row has no assumption".into());
            }
            continue;
        };
        push_child(&mut doc["outcomes"][i], "assumptions", text);
        r.loc.src.assumptions[i].push(b.row);
    }
}

/// surveys.csv: the surveys, each with no responses yet; a custom instrument starts with
/// no items. Gives, per survey, whether its instrument is custom.
fn surveys(r: &mut Reader, doc: &mut Map<String, Value>, rows: Vec<BoundRow>) -> Vec<bool> {
    r.loc.src.rows.insert("surveys", rows.iter().map(|b| b.row).collect());
    let n_surveys = rows.len();
    let mut custom = vec![false; n_surveys];
    let mut surveys: Vec<Value> = Vec::with_capacity(n_surveys);
    for (i, mut b) in rows.into_iter().enumerate() {
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
    r.loc.src.items = vec![Vec::new(); n_surveys];
    r.loc.src.answers = vec![Vec::new(); n_surveys];
    custom
}

/// survey_items.csv: each row an item of the custom survey it names.
fn survey_items(r: &mut Reader, doc: &mut Map<String, Value>, custom: &[bool], rows: Vec<BoundRow>) {
    let file = "survey_items.csv";
    let survey_index = index_of(doc, "surveys");
    for mut b in rows {
        let Some(i) = parent_of(r, &mut b, file, "survey", &survey_index, IssueCode::ReferenceUnknownSurvey, "survey")
        else {
            continue;
        };
        if !custom[i] {
            let sid = doc["surveys"][i]["id"].as_str().unwrap_or_default().to_string();
            let column = r.loc.column_of(file, "survey");
            r.issue(
                IssueCode::SurveyBuiltinItems,
                file,
                b.row,
                column,
                format!("the survey '{sid}' uses the built-in five_conditions questions, so it takes no items; set its instrument to custom in surveys.csv"),
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
        r.loc.src.items[i].push(b.row);
    }
}

/// survey_answers.csv: one response per (survey, respondent), in first-seen order, each
/// row one answer of it.
fn survey_answers(r: &mut Reader, doc: &mut Map<String, Value>, rows: Vec<BoundRow>) {
    let file = "survey_answers.csv";
    let survey_index = index_of(doc, "surveys");
    let mut response_at: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for mut b in rows {
        let Some(i) = parent_of(r, &mut b, file, "survey", &survey_index, IssueCode::ReferenceUnknownSurvey, "survey")
        else {
            continue;
        };
        let Some(respondent) = b.object.remove("respondent") else {
            let column = r.loc.column_of(file, "respondent");
            if column.is_some() {
                r.issue(IssueCode::FieldMissing, file, b.row, column, "this row names no respondent".into());
            }
            continue;
        };
        let who = respondent.as_str().unwrap_or_default().to_string();
        let item = take_key(&mut b.object, "item");
        let answer = b.object.remove("answer");
        let answer_failed =
            r.loc.column_of(file, "answer").is_some_and(|c| r.loc.failed.contains(&(file.to_string(), b.row, c)));
        let sid = doc["surveys"][i]["id"].as_str().unwrap_or_default().to_string();
        let Some(responses) = doc["surveys"][i].get_mut("responses").and_then(Value::as_array_mut) else {
            continue;
        };
        let answers = &mut r.loc.src.answers[i];
        let j = *response_at.entry((i, who.clone())).or_insert_with(|| {
            responses.push(serde_json::json!({"respondent": respondent, "answers": {}}));
            answers.push((b.row, BTreeMap::new()));
            responses.len() - 1
        });
        let at = Answer { survey: i, response: j, row: b.row, who: &who, sid: &sid };
        put_answer(r, responses[j]["answers"].as_object_mut(), at, (item, answer), answer_failed);
    }
}

/// Where an answer row goes: its survey and response, its row, and who gave it.
struct Answer<'a> {
    survey: usize,
    response: usize,
    row: u64,
    who: &'a str,
    sid: &'a str,
}

/// Puts one row's answer into its response, or says what the row lacks (nothing when its
/// answer cell could not be read: that is said already).
fn put_answer(
    r: &mut Reader,
    answers: Option<&mut Map<String, Value>>,
    at: Answer,
    (item, answer): (Option<String>, Option<Value>),
    answer_failed: bool,
) {
    let file = "survey_answers.csv";
    match (item, answer) {
        (None, None) => {}
        (Some(item), Some(answer)) => {
            let Some(map) = answers else {
                return;
            };
            if map.contains_key(&item) {
                let column = r.loc.column_of(file, "item");
                let (who, sid) = (at.who, at.sid);
                r.issue(
                    IssueCode::FieldDuplicate,
                    file,
                    at.row,
                    column,
                    format!("'{who}' already answered '{item}' in the survey '{sid}'; keep one answer"),
                );
            } else {
                map.insert(item.clone(), answer);
                r.loc.src.answers[at.survey][at.response].1.insert(item, at.row);
            }
        }
        (None, Some(_)) => {
            let column = r.loc.column_of(file, "item");
            r.issue(IssueCode::FieldMissing, file, at.row, column, "this answer names no item".into());
        }
        (Some(_), None) if answer_failed => {}
        (Some(_), None) => {
            let column = r.loc.column_of(file, "answer");
            r.issue(IssueCode::FieldMissing, file, at.row, column, "this row has an item but no answer".into());
        }
    }
}

/// Runs the document checks on the assembled document, traces every problem to its cell,
/// and lists all problems in folder order.
fn finish(r: Reader, doc: Value) -> Result<Initiative, Error> {
    let limits = r.limits.clone();
    let Reader { out: mut csv_issues, unlisted, loc, .. } = r;
    // A file that cannot be read at all would make every reference to it look wrong:
    // say only that, until it is saved again.
    let unreadable = csv_issues
        .iter()
        .any(|i| i.code == IssueCode::EncodingInvalid && matches!(i.location, Location::Cell { column: None, .. }));
    if unreadable {
        csv_issues.sort_by_key(folder_order);
        return Err(Error::InvalidDocument(Problems { issues: csv_issues, more: unlisted }));
    }
    let mut checks = Collector::with_transform(limits.max_issues, move |issue| loc.transform(issue));
    let typed = match Initiative::deserialize(&doc) {
        Ok(model) => Some(model),
        Err(_) => {
            let schema = crate::schema::initiative();
            let mut ptr = String::new();
            crate::load::walk::Walker::new(schema, &mut checks, IssueCode::FieldUnknown)
                .walk(&doc, schema, &mut ptr, None);
            None
        }
    };
    if let Some(model) = &typed {
        crate::load::check_into(model, &mut checks);
    }
    let checked = checks.into_problems();
    if csv_issues.is_empty() && unlisted == 0 && checked.issues.is_empty() && checked.more == 0 {
        if let Some(model) = typed {
            return Ok(model);
        }
    }
    let mut issues = csv_issues;
    issues.extend(checked.issues);
    issues.sort_by_key(folder_order);
    let cap = limits.max_issues.max(1) as usize;
    let cut = issues.len().saturating_sub(cap) as u64;
    issues.truncate(cap);
    Err(Error::InvalidDocument(Problems { issues, more: checked.more + cut + unlisted }))
}

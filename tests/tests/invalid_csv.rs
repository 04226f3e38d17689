//! The broken CSV folder corpus: every folder `invalid/csv/<name>/` must be refused with
//! exactly the issues in `invalid/csv/<name>.expected.json`, in order, each located by
//! file, row and column. Large cases are generated here rather than committed, and the
//! bundled example is read as a CSV folder and compared with its JSON form.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use convener::codes::{IssueArea, IssueCode};
use convener::model::Limits;
use convener::{Error, Initiative, Location};
use serde_json::{Value, json};

/// Cases where the reader is known to be wrong: the expected file says what it should
/// report. Each must still differ; when one is fixed, the test says to remove it here.
const KNOWN_READER_BUGS: &[(&str, &str)] = &[];

/// Generated cases (tests below) where the reader is known to be wrong, as above: each
/// test asserts what the reader should do, and while it is listed here, that it still
/// does not.
const KNOWN_GENERATED_BUGS: &[(&str, &str)] = &[];

/// The document codes whose location needs tracing back to a cell. With the codes only a
/// CSV folder or edge list can give (the CSV area of the issue table, `docs/codes.md`),
/// each must appear in a case that passes. (`limit.exceeded` is covered by the generated
/// cases.)
const TRACED: &[IssueCode] = &[
    IssueCode::EncodingInvalid,
    IssueCode::FieldUnknown,
    IssueCode::FieldMissing,
    IssueCode::FieldDuplicate,
    IssueCode::TypeMismatch,
    IssueCode::ValueUnknown,
    IssueCode::ValueNotFinite,
    IssueCode::ValueOutOfRange,
    IssueCode::IdInvalid,
    IssueCode::IdDuplicate,
    IssueCode::ReferenceUnknownPartner,
    IssueCode::ReferenceUnknownGoalOrOutcome,
    IssueCode::ReferenceUnknownOutcome,
    IssueCode::ReferenceUnknownActivity,
    IssueCode::ReferenceUnknownIndicator,
    IssueCode::ReferenceUnknownItem,
    IssueCode::ReferenceDuplicate,
    IssueCode::TieSelf,
    IssueCode::TieDuplicate,
    IssueCode::MeasurementDuplicate,
    IssueCode::PeriodMismatch,
];

/// The codes the CSV corpus must give: the CSV area of the table, then [`TRACED`].
fn csv_codes() -> Vec<IssueCode> {
    IssueArea::Csv.codes().chain(TRACED.iter().copied()).collect()
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("invalid/csv")
}

/// The case names: folders (`<name>/`) and expectations (`<name>.expected.json`).
fn case_names() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut folders = BTreeSet::new();
    let mut expected = BTreeSet::new();
    let dir = corpus_dir();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            folders.insert(name);
        } else if let Some(stem) = name.strip_suffix(".expected.json") {
            expected.insert(stem.to_string());
        } else {
            panic!("{name} in {} is neither a case folder nor an expected file", dir.display());
        }
    }
    (folders, expected)
}

/// The `.csv` files of a folder, by name, as the command line reads them.
fn read_folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
        if path.is_file() && name.to_ascii_lowercase().ends_with(".csv") {
            let bytes = std::fs::read(&path).expect("the file can be read");
            files.insert(name, bytes);
        }
    }
    files
}

fn read(files: &BTreeMap<String, Vec<u8>>, limits: &Limits) -> Result<Initiative, Error> {
    convener::formats::csv::read(files, limits)
}

/// An issue as the expected files write it: `{code, file, row, column}`.
fn issue_value(code: &str, location: &Location) -> Value {
    match location {
        Location::Pointer(p) => json!({"code": code, "pointer": p}),
        Location::Text { line, column } => json!({"code": code, "line": line, "column": column}),
        Location::Cell { file, row, column } => {
            json!({"code": code, "file": file, "row": row, "column": column})
        }
    }
}

/// The outcome of reading, in the shape of an expected file (plus `more` when some
/// issues were not listed, and `ok` when the folder was accepted).
fn outcome(result: &Result<Initiative, Error>) -> Value {
    match result {
        Ok(_) => json!({"ok": "the folder was accepted"}),
        Err(e) => {
            let issues: Vec<Value> = e.issues().iter().map(|i| issue_value(i.code.as_str(), &i.location)).collect();
            let mut v = json!({"error": e.code(), "issues": issues});
            if e.more() > 0 {
                v["more"] = json!(e.more());
            }
            v
        }
    }
}

fn messages(result: &Result<Initiative, Error>) -> String {
    match result {
        Ok(_) => String::new(),
        Err(e) => e.issues().iter().map(|i| format!("\n      {i}")).collect(),
    }
}

/// Checks the shape of an expected file, so a typo there is not a silent pass.
fn check_expected_shape(v: &Value) -> Result<(), String> {
    let obj = v.as_object().ok_or("not an object")?;
    let keys: BTreeSet<&str> = obj.keys().map(String::as_str).collect();
    if keys != BTreeSet::from(["error", "issues"]) {
        return Err(format!("keys must be exactly error and issues, found {keys:?}"));
    }
    if !matches!(obj["error"].as_str(), Some("document.invalid" | "limit.exceeded")) {
        return Err(format!("error must be document.invalid or limit.exceeded, found {}", obj["error"]));
    }
    let issues = obj["issues"].as_array().ok_or("issues must be a list")?;
    if issues.is_empty() {
        return Err("issues must not be empty".into());
    }
    for issue in issues {
        let o = issue.as_object().ok_or("an issue must be an object")?;
        let keys: BTreeSet<&str> = o.keys().map(String::as_str).collect();
        let ok = keys == BTreeSet::from(["code", "file", "row", "column"])
            && o["code"].is_string()
            && o["file"].as_str().is_some_and(|f| !f.is_empty())
            && o["row"].as_u64().is_some_and(|n| n >= 1)
            && (o["column"].is_null() || o["column"].as_u64().is_some_and(|n| n >= 1));
        if !ok {
            return Err(format!("bad issue {issue}"));
        }
    }
    Ok(())
}

#[test]
fn every_folder_has_an_expectation_and_the_corpus_is_large_enough() {
    let (folders, expected) = case_names();
    let no_expected: Vec<_> = folders.difference(&expected).collect();
    let no_folder: Vec<_> = expected.difference(&folders).collect();
    assert!(no_expected.is_empty(), "folders without an .expected.json: {no_expected:?}");
    assert!(no_folder.is_empty(), ".expected.json files without a folder: {no_folder:?}");
    assert!(folders.len() >= 20, "the corpus has {} cases; it needs at least 20", folders.len());
    for name in &folders {
        let files = read_folder(&corpus_dir().join(name));
        assert!(!files.is_empty(), "{name} holds no .csv file");
    }
    for (name, _) in KNOWN_READER_BUGS {
        assert!(folders.contains(*name), "KNOWN_READER_BUGS names {name}, which is not in the corpus");
    }
}

#[test]
fn every_broken_folder_gives_exactly_its_expected_issues() {
    let (folders, _) = case_names();
    let dir = corpus_dir();
    let mut failures = String::new();
    let mut failed = 0;
    for name in &folders {
        let files = read_folder(&dir.join(name));
        let expected_text = std::fs::read_to_string(dir.join(format!("{name}.expected.json")))
            .unwrap_or_else(|e| format!("(missing: {e})"));
        let expected: Value = match serde_json::from_str(&expected_text) {
            Ok(v) => v,
            Err(e) => {
                failed += 1;
                let _ = write!(failures, "\n\n{name}: the expected file is not JSON: {e}");
                continue;
            }
        };
        if let Err(e) = check_expected_shape(&expected) {
            failed += 1;
            let _ = write!(failures, "\n\n{name}: the expected file is malformed: {e}");
            continue;
        }
        let result = read(&files, &Limits::default());
        let actual = outcome(&result);
        let msgs = messages(&result);
        let matches = actual == expected;
        let known_bug = KNOWN_READER_BUGS.iter().find(|(n, _)| n == name);
        match (matches, known_bug) {
            (true, None) | (false, Some(_)) => {}
            (true, Some(_)) => {
                failed += 1;
                let _ = write!(failures, "\n\n{name}: now gives its expected issues; remove it from KNOWN_READER_BUGS");
            }
            (false, None) => {
                failed += 1;
                let _ =
                    write!(failures, "\n\n{name}:\n  expected: {expected}\n  actual:   {actual}\n  messages:{msgs}");
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} broken CSV folders differ from their expected issues:{failures}",
        folders.len()
    );
}

#[test]
fn the_corpus_covers_every_csv_code() {
    let (folders, _) = case_names();
    let mut seen = BTreeSet::new();
    for name in &folders {
        if KNOWN_READER_BUGS.iter().any(|(n, _)| n == name) {
            continue;
        }
        let text = std::fs::read_to_string(corpus_dir().join(format!("{name}.expected.json"))).expect("expected file");
        let v: Value = serde_json::from_str(&text).expect("expected file is JSON");
        for issue in v["issues"].as_array().into_iter().flatten() {
            if let Some(code) = issue["code"].as_str() {
                seen.insert(code.to_string());
            }
        }
    }
    let missing: Vec<IssueCode> = csv_codes().into_iter().filter(|c| !seen.contains(c.as_str())).collect();
    assert!(missing.is_empty(), "no passing case of the corpus gives these codes: {missing:?}");
}

#[test]
fn formula_guarded_cells_read_back_without_their_guard() {
    // The case's only fault is in ties.csv; without it the folder is valid.
    let mut files = read_folder(&corpus_dir().join("formula-guard-with-unknown-partner"));
    assert!(files.remove("ties.csv").is_some());
    let doc = read(&files, &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = doc.partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["=SUM(A1)", "-Vellis Health Board-", "@Orrin Family Trust"]);
    let tags: Vec<&str> = doc.partners[0].tags.iter().map(|t| t.as_str()).collect();
    assert_eq!(tags, ["=north", "east"]);
}

// ------------------------------------------------------------------ the bundled example

#[test]
fn the_example_folder_reads_to_the_same_model_as_the_example_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let files = read_folder(&root.join("family-support"));
    assert!(files.len() >= 10, "the example folder has {} files", files.len());
    let from_csv = read(&files, &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(root.join("family-support.json")).expect("the example JSON");
    let from_json = convener::load::initiative_from_slice(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_csv, from_json);
}

// ------------------------------------------------------------------ generated cases

const INITIATIVE: &str = "id,name\ndunmarrow-families,Dunmarrow Families First\n";

fn folder(parts: &[(&str, String)]) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::from([("initiative.csv".to_string(), INITIATIVE.as_bytes().to_vec())]);
    for (name, text) in parts {
        files.insert((*name).to_string(), text.clone().into_bytes());
    }
    files
}

/// `n` partners, all with the id `id` (or `id-<k>` when `unique`).
fn partners(n: usize, id: &str, unique: bool) -> String {
    let mut text = String::from("id,name\n");
    for k in 0..n {
        if unique {
            let _ = writeln!(text, "{id}-{k},Dunmarrow Partner {k}");
        } else {
            let _ = writeln!(text, "{id},Dunmarrow Partner {k}");
        }
    }
    text
}

/// The one `limit.exceeded` issue of `e`, and where it is.
fn the_limit(e: &Error) -> &Location {
    assert_eq!(e.code(), "limit.exceeded", "{e}");
    assert_eq!(e.issues().len(), 1, "{e}");
    assert_eq!(e.issues()[0].code, "limit.exceeded");
    assert_eq!(e.more(), 0);
    &e.issues()[0].location
}

fn cell(file: &str, row: u64, column: Option<u64>) -> Location {
    Location::Cell { file: file.to_string(), row, column }
}

#[test]
fn fifteen_hundred_duplicate_partner_ids_are_capped_at_the_issue_limit() {
    // 1,501 rows with one id: the first declares it, the other 1,500 are duplicates.
    let files = folder(&[("partners.csv", partners(1501, "council", false))]);
    let limits = Limits::default();
    assert_eq!(limits.max_issues, 1000);
    let e = read(&files, &limits).expect_err("duplicates are refused");
    assert_eq!(e.code(), "document.invalid");
    assert_eq!(e.issues().len(), 1000);
    assert_eq!(e.more(), 500);
    for (k, issue) in e.issues().iter().enumerate() {
        assert_eq!(issue.code, "id.duplicate");
        // The first duplicate is the second data row: row 3.
        assert_eq!(issue.location, cell("partners.csv", k as u64 + 3, Some(1)));
    }
}

#[test]
fn a_cell_of_two_hundred_thousand_characters_exceeds_the_string_limit() {
    let long = "a".repeat(200_000);
    let text = format!("id,name,sector\ndunmarrow-council,Dunmarrow Council,statutory\nvellis-health,{long},health\n");
    let files = folder(&[("partners.csv", text)]);
    let e = read(&files, &Limits::default()).expect_err("the long cell is refused");
    assert_eq!(the_limit(&e), &cell("partners.csv", 3, Some(2)));
    // At the limit it is read.
    let limits = Limits::default();
    let at_limit = "a".repeat(limits.max_string_chars as usize);
    let text = format!("id,name\ndunmarrow-council,{at_limit}\n");
    let doc = read(&folder(&[("partners.csv", text)]), &limits).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.partners[0].name.as_str().len(), at_limit.len());
}

#[test]
fn a_file_with_more_rows_than_the_item_limit_is_refused() {
    let limits = Limits { max_items: 10, ..Default::default() };
    let ten = folder(&[("partners.csv", partners(10, "partner", true))]);
    let doc = read(&ten, &limits).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.partners.len(), 10);
    let eleven = folder(&[("partners.csv", partners(11, "partner", true))]);
    let e = read(&eleven, &limits).expect_err("eleven rows are refused");
    // The eleventh data row is row 12.
    assert_eq!(the_limit(&e), &cell("partners.csv", 12, None));
}

/// Passes when `correct` (or, for a generated case listed in KNOWN_GENERATED_BUGS, when
/// it is still wrong).
fn check_generated(name: &str, correct: bool, actual: &Value) {
    let known = KNOWN_GENERATED_BUGS.iter().any(|(n, _)| *n == name);
    assert!(!(correct && known), "{name} now behaves as it should; remove it from KNOWN_GENERATED_BUGS");
    assert!(correct || known, "{name}: the reader gave {actual}");
}

#[test]
fn a_missing_column_in_many_rows_is_one_problem() {
    let mut text = String::from("id,sector\n");
    for k in 0..1500 {
        let _ = writeln!(text, "partner-{k},community");
    }
    let result = read(&folder(&[("partners.csv", text)]), &Limits::default());
    let actual = outcome(&result);
    let expected = json!({"error": "document.invalid", "issues": [
        {"code": "field.missing", "file": "partners.csv", "row": 1, "column": null}
    ]});
    check_generated("a_missing_column_in_many_rows_is_one_problem", actual == expected, &actual);
}

#[test]
fn a_list_cell_longer_than_the_item_limit_is_refused() {
    let limits = Limits { max_items: 10, ..Default::default() };
    let tags = |n: usize| -> String {
        let tags: Vec<String> = (0..n).map(|k| format!("tag-{k}")).collect();
        format!("id,name,tags\ndunmarrow-council,Dunmarrow Council,{}\n", tags.join(";"))
    };
    let ten = read(&folder(&[("partners.csv", tags(10))]), &limits);
    assert_eq!(ten.map(|d| d.partners[0].tags.len()).ok(), Some(10));
    let result = read(&folder(&[("partners.csv", tags(11))]), &limits);
    let actual = outcome(&result);
    let expected = json!({"error": "limit.exceeded", "issues": [
        {"code": "limit.exceeded", "file": "partners.csv", "row": 2, "column": 3}
    ]});
    check_generated("a_list_cell_longer_than_the_item_limit_is_refused", actual == expected, &actual);
}

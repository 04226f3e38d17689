//! The invalid-document corpus: every `invalid/<name>.json` must be refused with exactly
//! the issues in `invalid/<name>.expected.json`, in order. Large and hostile cases are
//! generated here rather than committed.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use convener::codes::{IssueArea, IssueCode};
use convener::model::Limits;
use convener::{Error, Initiative, Location};
use serde_json::{Value, json};

/// Cases where the loader is known to be wrong: the expected file says what it should
/// report. Each must still differ; when one is fixed, the test says to remove it here.
const KNOWN_LOADER_BUGS: &[(&str, &str)] = &[];

/// Every code the loader can give for a JSON document: the document-and-loading, values
/// and references areas of the issue table (`docs/codes.md`); each must appear in the
/// corpus. (`limit.exceeded` for sizes is covered by the generated cases below as well.)
fn document_codes() -> Vec<IssueCode> {
    let areas = [IssueArea::Document, IssueArea::Values, IssueArea::References];
    IssueCode::ALL.iter().copied().filter(|c| areas.contains(&c.area())).collect()
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("invalid")
}

/// The case names: documents (`<name>.json`) and expectations (`<name>.expected.json`).
fn case_names() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut docs = BTreeSet::new();
    let mut expected = BTreeSet::new();
    let dir = corpus_dir();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let name = entry.expect("a directory entry").file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            expected.insert(stem.to_string());
        } else if let Some(stem) = name.strip_suffix(".json") {
            docs.insert(stem.to_string());
        }
    }
    (docs, expected)
}

/// An issue as the expected files write it: `{code, pointer}` or `{code, line, column}`.
fn issue_value(code: &str, location: &Location) -> Value {
    match location {
        Location::Pointer(p) => json!({"code": code, "pointer": p}),
        Location::Text { line, column } => json!({"code": code, "line": line, "column": column}),
        Location::Cell { file, row, column } => {
            json!({"code": code, "file": file, "row": row, "column": column})
        }
    }
}

/// The outcome of loading, in the shape of an expected file (plus `more` when some
/// issues were not listed, and `ok` when the document was accepted).
fn outcome(result: Result<Initiative, Error>) -> Value {
    match result {
        Ok(_) => json!({"ok": "the document was accepted"}),
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
fn check_expected_shape(name: &str, v: &Value) -> Result<(), String> {
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
        let pointer = keys == BTreeSet::from(["code", "pointer"]) && o["pointer"].is_string();
        let text = keys == BTreeSet::from(["code", "line", "column"])
            && o["line"].as_u64().is_some_and(|n| n >= 1)
            && o["column"].as_u64().is_some_and(|n| n >= 1);
        if !o["code"].is_string() || !(pointer || text) {
            return Err(format!("{name}: bad issue {issue}"));
        }
    }
    Ok(())
}

#[test]
fn every_case_has_an_expectation_and_the_corpus_is_large_enough() {
    let (docs, expected) = case_names();
    let no_expected: Vec<_> = docs.difference(&expected).collect();
    let no_doc: Vec<_> = expected.difference(&docs).collect();
    assert!(no_expected.is_empty(), "documents without an .expected.json: {no_expected:?}");
    assert!(no_doc.is_empty(), ".expected.json files without a document: {no_doc:?}");
    assert!(docs.len() >= 40, "the corpus has {} cases; it needs at least 40", docs.len());
    for (name, _) in KNOWN_LOADER_BUGS {
        assert!(docs.contains(*name), "KNOWN_LOADER_BUGS names {name}, which is not in the corpus");
    }
}

#[test]
fn every_invalid_document_gives_exactly_its_expected_issues() {
    let (docs, _) = case_names();
    let dir = corpus_dir();
    let mut failures = String::new();
    let mut failed = 0;
    for name in &docs {
        let bytes = std::fs::read(dir.join(format!("{name}.json"))).expect("the document can be read");
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
        if let Err(e) = check_expected_shape(name, &expected) {
            failed += 1;
            let _ = write!(failures, "\n\n{name}: the expected file is malformed: {e}");
            continue;
        }
        let result = convener::load::initiative_from_slice(&bytes, &Limits::default());
        let msgs = messages(&result);
        let actual = outcome(result);
        let matches = actual == expected;
        let known_bug = KNOWN_LOADER_BUGS.iter().find(|(n, _)| n == name);
        match (matches, known_bug) {
            (true, None) | (false, Some(_)) => {}
            (true, Some(_)) => {
                failed += 1;
                let _ = write!(failures, "\n\n{name}: now gives its expected issues; remove it from KNOWN_LOADER_BUGS");
            }
            (false, None) => {
                failed += 1;
                let _ =
                    write!(failures, "\n\n{name}:\n  expected: {expected}\n  actual:   {actual}\n  messages:{msgs}");
            }
        }
    }
    assert!(failed == 0, "{failed} of {} invalid documents differ from their expected issues:{failures}", docs.len());
}

#[test]
fn the_corpus_covers_every_code() {
    let (docs, _) = case_names();
    let mut seen = BTreeSet::new();
    for name in &docs {
        if KNOWN_LOADER_BUGS.iter().any(|(n, _)| n == name) {
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
    let missing: Vec<IssueCode> = document_codes().into_iter().filter(|c| !seen.contains(c.as_str())).collect();
    assert!(missing.is_empty(), "no case of the corpus gives these codes: {missing:?}");
}

// ------------------------------------------------------------------ generated cases

const HEAD: &str = r#"{"format": "convener/1", "initiative": {"id": "torv", "name": "Torv"}"#;

fn load(text: &str, limits: &Limits) -> Error {
    match convener::load::initiative_from_slice(text.as_bytes(), limits) {
        Ok(_) => panic!("the document was accepted"),
        Err(e) => e,
    }
}

/// The one `limit.exceeded` issue of `e`, and where it is.
fn the_limit(e: &Error) -> &Location {
    assert_eq!(e.code(), "limit.exceeded", "{e}");
    assert_eq!(e.issues().len(), 1, "{e}");
    assert_eq!(e.issues()[0].code, "limit.exceeded");
    assert_eq!(e.more(), 0);
    &e.issues()[0].location
}

#[test]
fn five_hundred_ties_to_unknown_partners_are_all_listed() {
    let ties: Vec<String> =
        (0..500).map(|i| format!(r#"{{"from": "council", "to": "missing-{i}", "level": "cooperate"}}"#)).collect();
    let text = format!(
        r#"{HEAD}, "partners": [{{"id": "council", "name": "Torv Council"}}], "ties": [{}]}}"#,
        ties.join(",\n")
    );
    let e = load(&text, &Limits::default());
    assert_eq!(e.code(), "document.invalid");
    assert_eq!(e.more(), 0);
    let got: Vec<(&str, Option<&str>)> = e.issues().iter().map(|i| (i.code.as_str(), i.pointer())).collect();
    let want: Vec<String> = (0..500).map(|i| format!("/ties/{i}/to")).collect();
    let want: Vec<(&str, Option<&str>)> =
        want.iter().map(|p| ("reference.unknown_partner", Some(p.as_str()))).collect();
    assert_eq!(got, want);
}

#[test]
fn fifteen_hundred_duplicate_partner_ids_are_capped_at_the_issue_limit() {
    // 1,501 partners with one id: 1,500 duplicates.
    let partners: Vec<String> =
        (0..1501).map(|i| format!(r#"{{"id": "council", "name": "Torv Council {i}"}}"#)).collect();
    let text = format!(r#"{HEAD}, "partners": [{}]}}"#, partners.join(",\n"));
    let limits = Limits::default();
    assert_eq!(limits.max_issues, 1000);
    let e = load(&text, &limits);
    assert_eq!(e.code(), "document.invalid");
    assert_eq!(e.issues().len(), 1000);
    assert_eq!(e.more(), 500);
    for (k, issue) in e.issues().iter().enumerate() {
        assert_eq!(issue.code, "id.duplicate");
        assert_eq!(issue.pointer(), Some(format!("/partners/{}/id", k + 1).as_str()));
    }
}

#[test]
fn a_million_open_brackets_exceed_the_depth_limit_without_overflowing_the_stack() {
    let text = "[".repeat(1_000_000);
    let limits = Limits::default();
    let e = load(&text, &limits);
    // The bracket that goes one level past the limit.
    let column = u64::from(limits.max_depth) + 1;
    assert_eq!(the_limit(&e), &Location::Text { line: 1, column });
    // Objects too, and inside a document.
    let text = format!(r#"{HEAD}, "partners": [{}"#, r#"{"a": "#.repeat(1_000_000));
    let e = load(&text, &limits);
    let mut depth = 0;
    let too_deep = text
        .bytes()
        .position(|b| {
            match b {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth -= 1,
                _ => {}
            }
            depth > limits.max_depth
        })
        .expect("deep enough");
    assert_eq!(the_limit(&e), &Location::Text { line: 1, column: too_deep as u64 + 1 });
}

#[test]
fn a_ten_million_character_string_exceeds_the_string_limit() {
    let prefix = r#"{"format": "convener/1", "initiative": {"id": "torv", "name": ""#;
    let text = format!("{prefix}{}\"}}, \"partners\": []}}", "a".repeat(10_000_000));
    let e = load(&text, &Limits::default());
    // At the opening quote of the long text: the last character of the prefix.
    assert_eq!(the_limit(&e), &Location::Text { line: 1, column: prefix.len() as u64 });
}

#[test]
fn a_document_over_the_byte_limit_is_refused() {
    let limits = Limits { max_document_bytes: 1000, ..Default::default() };
    let valid = format!(r#"{HEAD}, "partners": [{{"id": "council", "name": "Torv Council"}}]}}"#);
    // Padded to exactly the limit, it is read; one byte more, it is not.
    let at_limit = format!("{valid}{}", " ".repeat(1000 - valid.len()));
    assert!(convener::load::initiative_from_slice(at_limit.as_bytes(), &limits).is_ok());
    let over = format!("{at_limit} ");
    let e = load(&over, &limits);
    assert_eq!(the_limit(&e), &Location::Pointer(String::new()));
    // The same for a document far over the limit and not even JSON.
    let e = load(&"x".repeat(5000), &limits);
    assert_eq!(the_limit(&e), &Location::Pointer(String::new()));
}

#[test]
fn a_list_longer_than_the_item_limit_is_refused() {
    let limits = Limits { max_items: 10, ..Default::default() };
    let partners = |n: usize| -> String {
        let list: Vec<String> = (0..n).map(|i| format!(r#"{{"id": "p{i}", "name": "Partner {i}"}}"#)).collect();
        format!(r#"{HEAD}, "partners": [{}]}}"#, list.join(", "))
    };
    assert!(convener::load::initiative_from_slice(partners(10).as_bytes(), &limits).is_ok());
    let text = partners(11);
    let e = load(&text, &limits);
    // At the comma before the eleventh partner.
    let comma = text.match_indices("}, {").nth(9).expect("ten separators").0 + 1;
    assert_eq!(the_limit(&e), &Location::Text { line: 1, column: comma as u64 + 1 });
}

//! The committed JSON Schemas equal the generated ones, and the schema accepts valid
//! documents and rejects structurally invalid ones.
//!
//! To rewrite the committed files after a change to the model:
//! `CONVENER_WRITE_SCHEMA=1 cargo test -p convener --test schema`

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn committed_schemas_match_the_model() {
    let mut drift = Vec::new();
    for name in convener::render::SCHEMAS {
        let path = root().join(format!("crates/convener/schema/{name}.schema.json"));
        let generated = convener::render::schema(name).unwrap();
        if std::env::var_os("CONVENER_WRITE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != generated {
            drift.push(path.display().to_string());
        }
    }
    assert!(
        drift.is_empty(),
        "the committed schema differs from the model: {drift:?}\nrewrite with: CONVENER_WRITE_SCHEMA=1 cargo test -p convener --test schema"
    );
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(convener::schema::initiative())
        .expect("the schema compiles")
}

const BASE: &str = r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
  "partners": [{"id": "a", "name": "A", "sector": "health"}, {"id": "b", "name": "B"}],
  "ties": [{"from": "a", "to": "b", "level": "collaborate", "trust": {"reliability": 4, "mission": 3, "openness": 2}}],
  "surveys": [{"id": "s", "instrument": "five_conditions", "date": "2024-05-01",
    "responses": [{"respondent": "a", "answers": {"ca.1": 4}}]}]}"#;

/// The base document with the value at `path` replaced (or added).
fn with(path: &[&str], value: serde_json::Value) -> serde_json::Value {
    let mut doc: serde_json::Value = serde_json::from_str(BASE).unwrap();
    let mut at = &mut doc;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(n) => &mut at[n],
            Err(_) => &mut at[*key],
        };
    }
    *at = value;
    doc
}

#[test]
fn schema_accepts_valid_documents() {
    let v = validator();
    let base: serde_json::Value = serde_json::from_str(BASE).unwrap();
    assert!(v.is_valid(&base));
    assert!(convener::Initiative::from_json(BASE).is_ok());
    let example = root().join("examples/data/family-support.json");
    let text = std::fs::read_to_string(&example).expect("the bundled example exists");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn schema_and_loader_reject_the_same_structural_faults() {
    let v = validator();
    let cases = [
        with(&["format"], "convener/2".into()),
        with(&["partners", "0", "sectr"], "health".into()),
        with(&["partners", "0", "sector"], "helth".into()),
        with(&["partners", "0", "id"], "-a".into()),
        with(&["partners", "0", "name"], " ".into()),
        with(&["partners", "0", "staff_turnover"], 1.5.into()),
        with(&["partners", "0", "tags"], serde_json::json!(["a;b"])),
        with(&["ties", "0", "level"], 3.into()),
        with(&["ties", "0", "trust", "reliability"], 5.into()),
        with(&["ties"], serde_json::Value::Null),
        with(&["initiative", "started"], "2025-02-29".into()),
        with(&["surveys", "0", "responses", "0", "answers", "ca.1"], 6.into()),
        with(&["surveys", "0", "responses", "0", "answers", "ca.1"], 2.5.into()),
        with(&["surveys", "0", "instrument"], "wilder".into()),
        with(&["initiative"], serde_json::json!({"id": "x"})),
    ];
    for (i, doc) in cases.iter().enumerate() {
        assert!(!v.is_valid(doc), "case {i}: the schema accepted {doc}");
        let text = serde_json::to_string(doc).unwrap();
        assert!(convener::Initiative::from_json(&text).is_err(), "case {i}: the loader accepted {doc}");
    }
}

//! The `convener` command as a user runs it: exit statuses, output, files written.

use std::path::PathBuf;
use std::process::{Command, Output};

fn convener(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convener")).args(args).current_dir(root()).output().expect("convener runs")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("convener-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const EXAMPLE: &str = "examples/data/family-support.json";

#[test]
fn validate_the_example_json_and_csv() {
    for path in [EXAMPLE, "examples/data/family-support"] {
        let o = convener(&["validate", path]);
        assert_eq!(o.status.code(), Some(0), "{path}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout(&o), format!("{path}: valid\n"));
    }
}

#[test]
fn validate_lists_problems_and_exits_1() {
    let o = convener(&["validate", "tests/invalid/reference-unknown-partner-ties.json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.lines().all(|l| l.ends_with(']') && l.contains(": ")), "{out}");
    assert!(out.contains("[reference.unknown_partner]"), "{out}");
    let o = convener(&["validate", "--format", "json", "tests/invalid/reference-unknown-partner-ties.json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["code"], "document.invalid");
    assert!(v["issues"][0]["pointer"].as_str().unwrap().starts_with("/ties/"));
}

#[test]
fn exit_statuses() {
    assert_eq!(convener(&["validate", "no/such/file.json"]).status.code(), Some(3));
    assert_eq!(convener(&["validate"]).status.code(), Some(2));
    assert_eq!(convener(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(convener(&["validate", "--min-level", "best", EXAMPLE]).status.code(), Some(2));
    let dir = scratch("options");
    let opts = dir.join("o.json");
    std::fs::write(&opts, r#"{"min_levle": "cooperate"}"#).unwrap();
    let o = convener(&["validate", "--options", opts.to_str().unwrap(), EXAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("[options.unknown]"));
}

#[test]
fn convert_json_to_csv_and_back_loses_nothing() {
    let dir = scratch("convert");
    let csv = dir.join("folder");
    let json = dir.join("back.json");
    assert!(convener(&["convert", EXAMPLE, csv.to_str().unwrap()]).status.success());
    assert!(csv.join("ties.csv").is_file());
    assert!(convener(&["convert", csv.to_str().unwrap(), json.to_str().unwrap()]).status.success());
    let original = convener::Initiative::from_json(&std::fs::read_to_string(root().join(EXAMPLE)).unwrap()).unwrap();
    let back = convener::Initiative::from_json(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(original, back);
}

#[test]
fn import_an_edge_list() {
    let dir = scratch("edges");
    let edges = dir.join("edges.csv");
    std::fs::write(&edges, "from,to,level\nhub,school,cooperate\nschool,clinic\n").unwrap();
    let o = convener(&["import", "edgelist", edges.to_str().unwrap()]);
    assert!(o.status.success());
    let doc = convener::Initiative::from_json(&stdout(&o)).unwrap();
    assert_eq!(doc.partners.len(), 3);
    assert_eq!(doc.ties.len(), 2);
    std::fs::write(&edges, "hub hub\n").unwrap();
    let o = convener(&["import", "edgelist", edges.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("edges.csv:1: "));
}

#[test]
fn synth_is_deterministic_and_valid() {
    let dir = scratch("synth");
    let a = dir.join("a.json");
    let b = dir.join("b");
    assert!(convener(&["synth", "--partners", "120", "--seed", "9", "-o", a.to_str().unwrap()]).status.success());
    assert!(convener(&["synth", "--partners", "120", "--seed", "9", "-o", b.to_str().unwrap()]).status.success());
    assert!(convener(&["validate", a.to_str().unwrap()]).status.success());
    assert!(convener(&["validate", b.to_str().unwrap()]).status.success());
    let o = convener(&["synth", "--partners", "120", "--seed", "9"]);
    assert_eq!(o.stdout, std::fs::read(&a).unwrap());
    let from_csv = convener(&["convert", b.to_str().unwrap(), dir.join("c.json").to_str().unwrap()]);
    assert!(from_csv.status.success());
    assert_eq!(std::fs::read(dir.join("c.json")).unwrap(), std::fs::read(&a).unwrap());
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = convener(&["schema", "initiative"]);
    assert!(o.status.success());
    let committed = std::fs::read(root().join("crates/convener/schema/initiative.schema.json")).unwrap();
    assert_eq!(o.stdout, committed);
    assert_eq!(convener(&["schema", "nope"]).status.code(), Some(2));
}

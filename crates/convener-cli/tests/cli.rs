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

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const FIXTURE_REPORT: &str = "tests/fixtures/family-support/report.json";

#[test]
fn analyze_prints_a_summary_and_json_on_request() {
    let o = convener(&["analyze", EXAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("Families Together Strathmorven\n"), "{text}");
    assert!(text.contains("The five conditions") && text.contains("What matters most"), "{text}");
    assert!(text.contains(&format!("convener analyze {EXAMPLE} --format html -o report.html")), "{text}");
    assert!(text.len() < 4000, "the summary is {} bytes", text.len());
    let o = convener(&["analyze", EXAMPLE, "--format", "json"]);
    assert_eq!(stdout(&o), std::fs::read_to_string(root().join(FIXTURE_REPORT)).unwrap());
}

#[test]
fn the_output_file_name_chooses_the_format_and_a_mismatch_is_refused() {
    let dir = scratch("extension");
    for (name, starts) in
        [("r.html", "<!DOCTYPE html>"), ("r.md", "# "), ("r.json", "{\n  \"format\": \"convener-report/1\"")]
    {
        let path = dir.join(name);
        let o = convener(&["analyze", EXAMPLE, "-o", path.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(std::fs::read_to_string(&path).unwrap().starts_with(starts), "{name}");
    }
    let csv = dir.join("n.csv");
    assert!(convener(&["network", EXAMPLE, "-o", csv.to_str().unwrap()]).status.success());
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("partner,name,sector,"));
    let o = convener(&["analyze", EXAMPLE, "-o", dir.join("r.html").to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("convener: ") && stderr(&o).contains("r.html"), "{}", stderr(&o));
    let o = convener(&["analyze", EXAMPLE, "-o", dir.join("r.out").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--format summary|json|markdown|html"), "{}", stderr(&o));
}

#[test]
fn every_command_with_several_formats_takes_format_and_export_keeps_to() {
    for (command, formats) in [
        ("analyze", &["summary", "json", "markdown", "html"][..]),
        ("network", &["table", "csv", "json"]),
        ("indicators", &["table", "csv", "json"]),
        ("plan", &["table", "json"]),
        ("export", &["graphml", "gexf", "dot", "kumu"]),
    ] {
        for f in formats {
            let o = convener(&[command, EXAMPLE, "--format", f]);
            assert!(o.status.success(), "{command} --format {f}: {}", stderr(&o));
            assert!(!o.stdout.is_empty(), "{command} --format {f}");
        }
        let help = stdout(&convener(&[command, "--help"]));
        for f in formats {
            assert!(help.contains(f), "{command} --help does not name the format {f}:\n{help}");
        }
    }
    let dot = convener(&["export", EXAMPLE, "--to", "dot"]);
    assert_eq!(dot.stdout, convener(&["export", EXAMPLE, "--format", "dot"]).stdout);
    assert!(stdout(&dot).starts_with("digraph"));
    let help = stdout(&convener(&["what-if", "--help"]));
    assert!(help.contains("json") && help.contains("table"), "{help}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_convener"))
        .args(["analyze", EXAMPLE, "--format", "json"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first, b"{\n  \"format\": \"c");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn an_unknown_id_or_measure_is_a_usage_error_with_a_suggestion() {
    let o = convener(&["what-if", EXAMPLE, "--without", "council-housng"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.starts_with(&format!(
            "convener: {EXAMPLE}: no partner has the id 'council-housng'; did you mean 'council-housing'?"
        )),
        "{e}"
    );
    assert!(e.ends_with("[argument.unknown_partner]\n"), "{e}");
    let o = convener(&["network", EXAMPLE, "--metrics", "degree,betweeness"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean 'betweenness'"), "{}", stderr(&o));
}

#[test]
fn every_message_starts_convener_and_names_its_file() {
    let dir = scratch("messages");
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "  \n").unwrap();
    let o = convener(&["network", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.starts_with(&format!("convener: {}: ", empty.display())), "{e}");
    assert!(e.contains("the document is empty"), "{e}");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"convener/1\",,}").unwrap();
    let e = stderr(&convener(&["analyze", broken.to_str().unwrap()]));
    assert!(e.starts_with(&format!("convener: {}: line 1, column ", broken.display())), "{e}");
    assert!(e.ends_with("[json.syntax]\n"), "{e}");
    let o = convener(&["indicators", "tests/invalid/reference-unknown-partner-ties.json"]);
    assert_eq!(o.status.code(), Some(1));
    for line in stderr(&o).lines() {
        assert!(line.starts_with("convener: tests/invalid/reference-unknown-partner-ties.json: /"), "{line}");
    }
    let e = stderr(&convener(&["plan", "no/such/file.json"]));
    assert!(e.starts_with("convener: could not open no/such/file.json: ") && e.ends_with("[io]\n"), "{e}");
    let opts = dir.join("o.json");
    std::fs::write(&opts, r#"{"min_levle": "cooperate"}"#).unwrap();
    let e = stderr(&convener(&["network", EXAMPLE, "--options", opts.to_str().unwrap()]));
    assert!(e.starts_with(&format!("convener: {}: /min_levle: ", opts.display())), "{e}");
}

#[test]
fn a_command_offers_only_the_options_that_change_what_it_does() {
    for (command, refused) in [
        ("validate", &["--as-of", "2024", "--min-level", "cooperate", "--suppress-below", "5"][..]),
        ("network", &["--as-of", "2024", "--suppress-below", "5"]),
        ("export", &["--as-of", "2024", "--suppress-below", "5"]),
        ("indicators", &["--min-level", "cooperate"]),
        ("plan", &["--as-of", "2024", "--min-level", "cooperate", "--suppress-below", "5"]),
    ] {
        for pair in refused.chunks(2) {
            let o = convener(&[command, EXAMPLE, pair[0], pair[1]]);
            assert_eq!(o.status.code(), Some(2), "{command} {} was taken", pair[0]);
        }
    }
    assert!(convener(&["indicators", EXAMPLE, "--as-of", "2024-Q4", "--suppress-below", "5"]).status.success());
    assert!(convener(&["network", EXAMPLE, "--min-level", "cooperate"]).status.success());
    assert!(convener(&["analyze", EXAMPLE, "--as-of", "2024-12", "--min-level", "cooperate"]).status.success());
}

//! Golden files of every output: for a few fixtures (the bundled example, three generated
//! initiatives and two edge cases), every text convener writes — the Markdown and HTML
//! reports, the summary, the terminal tables, the CSV tables, the JSON parts, the graph
//! exports, the what-if answer and the CSV folder, each through `render` — must be exactly
//! the bytes of `fixtures/<name>/outputs/<output>`.
//!
//! After an intended change to an output, regenerate them (with the reports) by
//!
//! ```text
//! CONVENER_WRITE_FIXTURES=1 cargo test -p convener-conformance --test fixtures --test outputs
//! ```
//!
//! and review the diff of `tests/fixtures/*/outputs/` before committing it.

use std::fmt::Write as _;
use std::path::Path;

use convener::{Initiative, Options, Output, RenderRequest, Rendered, render};
use convener_conformance::{first_difference, fixtures_dir, read, write_mode};

/// The command that rewrites the golden files.
const WRITE_COMMAND: &str =
    "CONVENER_WRITE_FIXTURES=1 cargo test -p convener-conformance --test fixtures --test outputs";

/// The fixtures whose every output is kept.
const FIXTURES: [&str; 6] = [
    "family-support",
    "synth-12-seed-1",
    "synth-40-seed-2",
    "synth-100-seed-3",
    "edge-one-partner",
    "phases-freeze-suppressed",
];

/// Every output of one initiative through the one entry, `render`, by file name (a CSV
/// folder's files under `csv-folder/`). The report's JSON is the fixture's `report.json`
/// and the document's JSON its input, so neither is kept twice.
fn outputs(doc: &Initiative, options: &Options) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &output in Output::ALL {
        if matches!(output, Output::ReportJson | Output::DocumentJson) {
            continue;
        }
        let mut request = RenderRequest::new(doc, output).options(options.clone());
        if matches!(output, Output::WhatIfJson | Output::WhatIfTable) {
            let Some(first) = doc.partners.first() else { continue };
            request = request.without(&[first.id.as_str()]);
        }
        match render(&request).unwrap_or_else(|e| panic!("{output}: {e}")) {
            Rendered::Bytes(bytes) => out.push((output.name().to_string(), String::from_utf8(bytes).expect("text"))),
            Rendered::Files(files) => {
                for (file, bytes) in files {
                    out.push((format!("{output}/{file}"), String::from_utf8(bytes).expect("text")));
                }
            }
        }
    }
    out
}

fn options_of(dir: &Path) -> Options {
    let path = dir.join("options.json");
    if path.exists() { Options::from_json(&read(&path)).expect("valid options") } else { Options::default() }
}

/// The files under `dir`, as paths relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_output_matches_its_golden_file() {
    let mut failures = String::new();
    for name in FIXTURES {
        let dir = fixtures_dir().join(name);
        let doc = Initiative::from_json(&read(&dir.join("input.json"))).expect("a valid fixture");
        let produced = outputs(&doc, &options_of(&dir));
        let golden = dir.join("outputs");
        if write_mode() {
            let _ = std::fs::remove_dir_all(&golden);
            for (file, text) in &produced {
                let path = golden.join(file);
                std::fs::create_dir_all(path.parent().expect("a parent")).expect("create the outputs folder");
                std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            }
        }
        let mut names: Vec<String> = produced.iter().map(|(f, _)| f.clone()).collect();
        names.sort();
        let kept = files_under(&golden);
        if kept != names {
            let _ = writeln!(failures, "  {name}: outputs/ holds {kept:?}, the outputs are {names:?}");
        }
        for (file, text) in &produced {
            match std::fs::read_to_string(golden.join(file)) {
                Ok(expected) if expected == *text => {}
                Ok(expected) => {
                    let _ = writeln!(failures, "  {name}/{file}: differs at {}", first_difference(&expected, text));
                }
                Err(_) => {
                    let _ = writeln!(failures, "  {name}/{file}: missing");
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "outputs differ from their golden files:\n{failures}\nIf the change is intended, rewrite them with\n  {WRITE_COMMAND}\nand review the diff."
    );
}

#[test]
fn the_report_and_document_outputs_are_the_fixture_files() {
    for name in FIXTURES {
        let dir = fixtures_dir().join(name);
        let doc = Initiative::from_json(&read(&dir.join("input.json"))).expect("a valid fixture");
        let request = RenderRequest::new(&doc, Output::ReportJson).options(options_of(&dir));
        let report = render(&request).expect("renders").into_text().expect("text");
        assert!(report == read(&dir.join("report.json")), "{name}: report.json differs");
        let document = render(&RenderRequest::new(&doc, Output::DocumentJson)).expect("renders").into_text().unwrap();
        assert_eq!(Initiative::from_json(&document).expect("reads back"), doc, "{name}");
    }
}

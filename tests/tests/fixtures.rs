//! The conformance fixtures: every `fixtures/<name>/input.json` (with `options.json` when
//! present) must analyze to exactly the bytes of `fixtures/<name>/report.json`. Every layer
//! (Rust, CLI, wasm, C, Python) runs the same corpus and must give the same bytes.
//!
//! After an intended change to the analysis, regenerate the expected reports with
//!
//! ```text
//! CONVENER_WRITE_FIXTURES=1 cargo test -p convener-conformance --test fixtures
//! ```
//!
//! and review the diff of `tests/fixtures/*/report.json` before committing it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use convener::{FindingCode, Initiative, Options};
use convener_conformance::{first_difference, fixtures_dir, read, write_mode};
use serde_json::Value;

/// The command that rewrites the expected reports.
const WRITE_COMMAND: &str = "CONVENER_WRITE_FIXTURES=1 cargo test -p convener-conformance --test fixtures";

/// The report's top-level keys, in the order docs/scoring.md gives ("The report").
const REPORT_KEYS: [&str; 9] =
    ["format", "initiative", "as_of", "options", "conditions", "network", "measurement", "plan", "findings"];

/// The five conditions, as keys of the report's `conditions`.
const CONDITIONS: [&str; 5] = [
    "common_agenda",
    "shared_measurement",
    "mutually_reinforcing_activities",
    "continuous_communication",
    "backbone_support",
];

/// Finding codes the corpus must exercise somewhere.
const REQUIRED_CODES: [FindingCode; 6] = [
    FindingCode::SurveyPerceptionGap,
    FindingCode::NetworkIsolatedPartner,
    FindingCode::NetworkSinglePointOfFailure,
    FindingCode::PlanFundingCliff,
    FindingCode::MeasureRunChartSignal,
    FindingCode::AgendaNotEndorsed,
];

/// Every stage, lowest first; each must appear somewhere in the corpus.
const STAGES: [&str; 5] = ["absent", "emerging", "developing", "established", "embedded"];

/// One fixture folder, analysed.
struct Fixture {
    name: String,
    dir: PathBuf,
    doc: Initiative,
    options: Options,
    /// The report the core gives now.
    actual: String,
    /// The text of `report.json` (after writing it, in write mode); `None` if missing.
    expected: Option<String>,
}

fn load(dir: &Path) -> Fixture {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let doc = Initiative::from_json(&read(&dir.join("input.json")))
        .unwrap_or_else(|e| panic!("fixture {name}: input.json is not a valid document: {e}"));
    let options_path = dir.join("options.json");
    let options = if options_path.exists() {
        Options::from_json(&read(&options_path))
            .unwrap_or_else(|e| panic!("fixture {name}: options.json is not valid options: {e}"))
    } else {
        Options::default()
    };
    let actual = doc.analyze(&options).to_json();
    let report_path = dir.join("report.json");
    if write_mode() {
        std::fs::write(&report_path, &actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", report_path.display()));
    }
    let expected = std::fs::read_to_string(&report_path).ok();
    Fixture { name, dir: dir.to_path_buf(), doc, options, actual, expected }
}

/// Every fixture, in name order, loaded and analysed once (and, in write mode, written
/// before any test reads it).
fn corpus() -> &'static [Fixture] {
    static CORPUS: OnceLock<Vec<Fixture>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = fixtures_dir();
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", root.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.join("input.json").is_file())
            .collect();
        dirs.sort();
        dirs.iter().map(|d| load(d)).collect()
    })
}

/// The expected report of `f`, parsed.
fn expected_json(f: &Fixture) -> Value {
    let text = f
        .expected
        .as_deref()
        .unwrap_or_else(|| panic!("fixture {}: report.json is missing; write it with\n  {WRITE_COMMAND}", f.name));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("fixture {}: report.json is not JSON: {e}", f.name))
}

#[test]
fn reports_match_fixtures_byte_for_byte() {
    let mut failures = String::new();
    let mut failed = 0;
    for f in corpus() {
        match &f.expected {
            None => {
                failed += 1;
                let _ = writeln!(failures, "  {}: report.json is missing", f.name);
            }
            Some(expected) if *expected != f.actual => {
                failed += 1;
                let _ = writeln!(failures, "  {}: differs at {}", f.name, first_difference(expected, &f.actual));
            }
            Some(_) => {}
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} fixtures differ from their report.json:\n{failures}\nIf the change is intended, rewrite the expected reports with\n  {WRITE_COMMAND}\nand review the diff.",
        corpus().len()
    );
}

#[test]
fn corpus_is_large_enough() {
    let names: Vec<&str> = corpus().iter().map(|f| f.name.as_str()).collect();
    assert!(names.len() >= 12, "only {} fixtures: {names:?}", names.len());
}

#[test]
fn analysing_twice_gives_the_same_bytes() {
    for f in corpus() {
        let again = f.doc.analyze(&f.options).to_json();
        assert!(
            again == f.actual,
            "fixture {}: a second analysis differs at {}",
            f.name,
            first_difference(&f.actual, &again)
        );
    }
}

#[test]
fn reports_parse_with_keys_in_order() {
    for f in corpus() {
        let report = expected_json(f);
        let keys: Vec<&str> = report.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
        assert_eq!(keys, REPORT_KEYS, "fixture {}: report keys out of order", f.name);
        assert_eq!(report["format"], "convener-report/1", "fixture {}", f.name);
        // The text is exactly serde_json's pretty form of its own value, with a trailing
        // newline: any layer that parses and rewrites it gets the same bytes.
        let text = f.expected.as_deref().unwrap_or_default();
        let rewritten = serde_json::to_string_pretty(&report).unwrap_or_default() + "\n";
        assert!(
            rewritten == text,
            "fixture {}: report.json is not canonical pretty JSON at {}",
            f.name,
            first_difference(text, &rewritten)
        );
    }
}

fn number(v: &Value, what: &str) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{what} is not a number: {v}"))
}

#[test]
fn condition_scores_recompute_from_their_sub_measures() {
    for f in corpus() {
        let report = expected_json(f);
        for c in CONDITIONS {
            let cond = &report["conditions"][c];
            let at = format!("fixture {}, {c}", f.name);
            let subs = cond["sub_measures"].as_array().unwrap_or_else(|| panic!("{at}: no sub_measures"));
            let score = &cond["score"];
            if !cond["absent_because"].is_null() {
                assert_eq!(number(score, &at), 0.0, "{at}: absent, so the score is 0");
                assert_eq!(cond["stage"], "absent", "{at}: absent, so the stage is absent");
                continue;
            }
            let (mut weighted, mut have, mut total) = (0.0, 0.0, 0.0);
            for s in subs {
                let w = number(&s["weight"], &format!("{at}, weight of {}", s["id"]));
                total += w;
                if !s["value"].is_null() {
                    let v = number(&s["value"], &format!("{at}, value of {}", s["id"]));
                    assert!((0.0..=1.0).contains(&v), "{at}: {} has value {v} outside 0–1", s["id"]);
                    weighted += w * v;
                    have += w;
                }
            }
            if have > 0.0 {
                let expected = 100.0 * weighted / have;
                let got = number(score, &at);
                assert!((got - expected).abs() <= 1e-9, "{at}: score {got}, but the sub-measures give {expected}");
            } else {
                assert!(score.is_null(), "{at}: no sub-measure has a value, yet the score is {score}");
            }
            let confidence = number(&cond["confidence"], &at);
            let expected_confidence = if total > 0.0 { have / total } else { 0.0 };
            assert!(
                (confidence - expected_confidence).abs() <= 1e-9,
                "{at}: confidence {confidence}, expected {expected_confidence}"
            );
            // Not-applicable sub-measures carry no weight and are not missing data.
            let missing: Vec<&Value> = subs
                .iter()
                .filter(|s| s["value"].is_null() && s["weight"].as_f64().is_some_and(|w| w > 0.0))
                .map(|s| &s["id"])
                .collect();
            let listed: Vec<&Value> = cond["missing"].as_array().map(|m| m.iter().collect()).unwrap_or_default();
            assert_eq!(listed, missing, "{at}: `missing` lists the weighted sub-measures without a value");
        }
    }
}

#[test]
fn corpus_covers_the_required_codes_and_every_stage() {
    let mut codes: Vec<String> = Vec::new();
    let mut stages: Vec<String> = Vec::new();
    for f in corpus() {
        let report = expected_json(f);
        for finding in report["findings"].as_array().into_iter().flatten() {
            if let Some(code) = finding["code"].as_str() {
                codes.push(code.to_string());
            }
        }
        for c in CONDITIONS {
            if let Some(stage) = report["conditions"][c]["stage"].as_str() {
                stages.push(stage.to_string());
            }
        }
    }
    let absent_codes: Vec<FindingCode> =
        REQUIRED_CODES.iter().copied().filter(|c| !codes.iter().any(|x| x == c.as_str())).collect();
    assert!(absent_codes.is_empty(), "no fixture gives the findings {absent_codes:?}");
    let absent_stages: Vec<&str> = STAGES.iter().copied().filter(|s| !stages.iter().any(|x| x == s)).collect();
    assert!(absent_stages.is_empty(), "no condition of any fixture is at the stages {absent_stages:?}");
}

#[test]
fn family_support_fixture_is_the_bundled_example() {
    let fixture = corpus().iter().find(|f| f.name == "family-support").expect("the family-support fixture");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data/family-support.json");
    assert!(
        read(&fixture.dir.join("input.json")) == read(&example),
        "tests/fixtures/family-support/input.json differs from examples/data/family-support.json: copy the example \
         over the fixture (cp examples/data/family-support.json tests/fixtures/family-support/input.json), then\n  {WRITE_COMMAND}"
    );
}

//! Replays every committed fuzz seed and regression (`fuzz/seeds/<target>/`, `fuzz/regressions/<target>/`)
//! through the checks the fuzz targets make (`fuzz/src/checks.rs`, the one copy of them).

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn inputs(folder: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(folder).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.expect("a readable folder").path()).collect();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn replay(folder: &str) -> usize {
    let mut count = 0;
    for target in checks::TARGETS {
        for path in inputs(folder, target) {
            let data = std::fs::read(&path).expect("a readable input");
            let outcome = std::panic::catch_unwind(|| checks::run(target, &data));
            match outcome {
                Ok(known) => assert!(known, "no target {target}"),
                Err(_) => panic!("{target} fails on {}", path.display()),
            }
            count += 1;
        }
    }
    count
}

#[test]
fn every_seed_passes_the_fuzz_checks() {
    // Every target has seeds.
    for target in checks::TARGETS {
        assert!(!inputs("seeds", target).is_empty(), "no seeds for {target}");
    }
    assert!(replay("seeds") >= checks::TARGETS.len());
}

#[test]
fn every_regression_passes_the_fuzz_checks() {
    replay("regressions");
}

#[test]
fn csv_folder_inputs_split_into_named_files() {
    // 18 picks initiative.csv (the byte 0 separates files), 2 partners.csv, 17 a misspelt name.
    let files = checks::csv_files(b"\x12id,name\nx,X\n\x00\x02id,name\na,A\n\x00\x11x\x00");
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(names, ["initiative.csv", "partner.csv", "partners.csv"]);
    assert_eq!(files["initiative.csv"], b"id,name\nx,X\n");
    assert_eq!(checks::csv_name(18 + 1), "agenda.csv");
}

#[test]
fn the_exports_check_gives_the_dot_text() {
    // An unknown target is refused, a document over the cap skipped, a small one exported.
    assert!(!checks::run("no_such_target", b""));
    let long = vec![b'{'; checks::MAX_ANALYZED_BYTES + 1];
    assert!(checks::exports(&long).is_none(), "a document over the cap is skipped");
    let doc = br#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
        "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "ties": [{"from": "a", "to": "b", "level": "coordinate"}]}"#;
    let dot = checks::exports(doc).expect("a small document is exported");
    assert!(dot.starts_with("digraph") && dot.contains("\"a\""));
}

//! Shared helpers of the conformance tests: paths of the corpus, golden-file helpers and
//! arbitrary documents.

pub mod arbitrary;

use std::path::{Path, PathBuf};

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The corpus of fixtures, `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Whether the expected files are to be rewritten (`CONVENER_WRITE_FIXTURES=1`).
pub fn write_mode() -> bool {
    std::env::var("CONVENER_WRITE_FIXTURES").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// A file's text; a test fails when it cannot be read.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Where two texts first differ: the line number (from 1) and both lines (cut to 200
/// characters).
///
/// # Example
/// ```
/// let at = convener_conformance::first_difference("a\nb\n", "a\nc\n");
/// assert!(at.starts_with("line 2:"));
/// ```
pub fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.split('\n'), actual.split('\n'));
    let mut line = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                let show = |s: Option<&str>| s.map_or_else(|| "(end of file)".to_string(), |s| format!("{s:.200?}"));
                return format!("line {line}:\n      expected {}\n      actual   {}", show(x), show(y));
            }
        }
    }
}

//! Shared helpers of the conformance tests: paths of the corpus and arbitrary documents.

pub mod arbitrary;

use std::path::PathBuf;

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

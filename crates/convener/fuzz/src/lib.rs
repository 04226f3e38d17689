//! Fuzz targets for convener: the properties each target checks live in `checks.rs`, shared with the
//! corpus replay test `crates/convener/tests/fuzz_corpus.rs`.

pub mod checks;

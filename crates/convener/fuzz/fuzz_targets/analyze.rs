//! Fuzz target `analyze`: see `convener_fuzz::checks::analyze`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| convener_fuzz::checks::analyze(data));

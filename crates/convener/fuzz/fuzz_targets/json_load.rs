//! Fuzz target `json_load`: see `convener_fuzz::checks::json_load`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| convener_fuzz::checks::json_load(data));

//! Fuzz target `period`: see `convener_fuzz::checks::period`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| convener_fuzz::checks::period(data));

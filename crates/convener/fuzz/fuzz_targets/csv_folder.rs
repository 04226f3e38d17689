//! Fuzz target `csv_folder`: see `convener_fuzz::checks::csv_folder`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| convener_fuzz::checks::csv_folder(data));

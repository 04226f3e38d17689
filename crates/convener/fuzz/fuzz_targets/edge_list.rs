//! Fuzz target `edge_list`: see `convener_fuzz::checks::edge_list`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| convener_fuzz::checks::edge_list(data));

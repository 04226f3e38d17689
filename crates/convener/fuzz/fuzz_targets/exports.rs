//! Fuzz target `exports`: see `convener_fuzz::checks::exports`. When `CONVENER_FUZZ_DOT_DIR` is set, each
//! DOT export is also written there (named by a hash of its text) for Graphviz to check after the run.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

fn dot_dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(std::env::var_os("CONVENER_FUZZ_DOT_DIR")?);
        std::fs::create_dir_all(&dir).expect("the DOT folder can be made");
        Some(dir)
    })
    .as_ref()
}

/// FNV-1a, 64 bits: a stable file name for a text.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(dot) = convener_fuzz::checks::exports(data) {
        if let Some(dir) = dot_dir() {
            std::fs::write(dir.join(format!("{:016x}.dot", fnv1a(dot.as_bytes()))), dot)
                .expect("the DOT file is written");
        }
    }
});

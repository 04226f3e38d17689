//! The committed header equals what the pinned cbindgen writes from the source.
//! Regenerate: `CONVENER_WRITE_HEADER=1 cargo test -p convener-ffi --test header`

use std::path::PathBuf;

#[test]
fn committed_header_matches_cbindgen() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml reads");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut generated);
    let path = crate_dir.join("include/convener.h");
    if std::env::var_os("CONVENER_WRITE_HEADER").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/convener.h differs from cbindgen's output; regenerate with: CONVENER_WRITE_HEADER=1 cargo test -p convener-ffi --test header"
    );
}

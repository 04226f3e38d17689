//! Writes the partner graph of a document in every export format, into a folder:
//! `network.graphml`, `network.gexf`, `network.dot`, `network.kumu.json`, and the document
//! itself as `document.json` (so a checker can compare the exports with their source).
//!
//! Run:
//!   cargo run -p convener --example write_exports -- examples/data/family-support.json out/
//!   cargo run -p convener --example write_exports -- --synth 200 3 out/   (a synthetic one)
//!
//! The network is analysed with the default options (`min_level` = communicate).

use std::path::Path;
use std::process::ExitCode;

use convener::render::graph::{GraphFormat, export};
use convener::synth::{SynthOptions, initiative};
use convener::{Initiative, Options};

fn usage() -> ExitCode {
    eprintln!("usage: write_exports (FILE.json | --synth PARTNERS SEED) OUT_DIR");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (doc, out) = match args.as_slice() {
        [flag, n, seed, out] if flag == "--synth" => {
            let (Ok(n), Ok(seed)) = (n.parse(), seed.parse()) else {
                return usage();
            };
            (initiative(&SynthOptions::new(n, seed)), out)
        }
        [file, out] => {
            let text = match std::fs::read_to_string(file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{file}: {e}");
                    return ExitCode::from(3);
                }
            };
            match Initiative::from_json(&text) {
                Ok(doc) => (doc, out),
                Err(e) => {
                    e.issues().iter().for_each(|i| eprintln!("{file}: {i}"));
                    return ExitCode::FAILURE;
                }
            }
        }
        _ => return usage(),
    };
    let out = Path::new(out);
    let report = convener::network::analyze(&doc, &Options::default());
    let mut files: Vec<(String, String)> = GraphFormat::ALL
        .iter()
        .map(|f| {
            let name = match f {
                GraphFormat::Kumu => "network.kumu.json".to_string(),
                _ => format!("network.{}", f.extension()),
            };
            (name, export(&doc, &report, *f))
        })
        .collect();
    let source = serde_json::to_string_pretty(&doc).expect("a document serializes") + "\n";
    files.push(("document.json".into(), source));
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(3);
    }
    for (name, text) in files {
        let path = out.join(&name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(3);
        }
    }
    println!("{}: {} partners, {} ties, 4 exports", out.display(), doc.partners.len(), doc.ties.len());
    ExitCode::SUCCESS
}

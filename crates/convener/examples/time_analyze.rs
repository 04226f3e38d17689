//! Times `analyze` natively, for comparison with the WebAssembly build
//! (bindings/wasm/bench/wasm-vs-native.mjs runs both on the same document).
//!
//! Run:
//!   cargo build --release -p convener --example time_analyze
//!   target/release/examples/time_analyze DOC.json [RUNS]
//!
//! After two warm-up runs it times RUNS runs (default 21) of
//! `doc.analyze(&Options::default()).to_json()` on a document read once, and RUNS runs of
//! the same from the JSON text (`Initiative::from_json` first, as `analyzeJson` does in
//! JavaScript), and prints one JSON line with the medians in milliseconds (plus, to see
//! where the time goes, `analyze` alone without writing the JSON):
//! `{"runs": 21, "analyze_ms": 4.1, "analyze_without_json_ms": 3.2, "load_and_analyze_ms": 6.0,
//! "threads": 2, "report_bytes": 123}`.
//! `threads` is rayon's pool size (set `RAYON_NUM_THREADS=1` for one thread).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use convener::{Initiative, Options};

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    if n % 2 == 1 { samples[n / 2] } else { (samples[n / 2 - 1] + samples[n / 2]) / 2.0 }
}

fn time(runs: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut bytes = 0;
    for _ in 0..2 {
        bytes = black_box(work());
    }
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            bytes = black_box(work());
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    (median_ms(samples), bytes)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, runs) = match args.as_slice() {
        [path] => (path, 21),
        [path, runs] => match runs.parse::<usize>() {
            Ok(r) if r > 0 => (path, r),
            _ => {
                eprintln!("RUNS must be a positive whole number");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: time_analyze DOC.json [RUNS]");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(3);
        }
    };
    let doc = match Initiative::from_json(&text) {
        Ok(doc) => doc,
        Err(e) => {
            e.issues().iter().for_each(|i| eprintln!("{path}: {i}"));
            return ExitCode::FAILURE;
        }
    };
    let options = Options::default();
    let (analyze_ms, report_bytes) = time(runs, || doc.analyze(&options).to_json().len());
    let (analyze_only_ms, _) = time(runs, || black_box(doc.analyze(&options)).findings.len());
    let (load_ms, _) = time(runs, || match Initiative::from_json(&text) {
        Ok(d) => d.analyze(&options).to_json().len(),
        Err(_) => 0,
    });
    println!(
        "{{\"runs\": {runs}, \"analyze_ms\": {analyze_ms:.3}, \"analyze_without_json_ms\": {analyze_only_ms:.3}, \"load_and_analyze_ms\": {load_ms:.3}, \"threads\": {}, \"report_bytes\": {report_bytes}}}",
        rayon::current_num_threads()
    );
    ExitCode::SUCCESS
}

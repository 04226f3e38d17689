//! `Initiative::analyze` of the benchmark initiative (300 partners, about 3,000 ties, 50
//! indicators, about 10⁴ measurements), with and without writing the report's JSON.

use std::hint::black_box;

use convener::Options;
use convener::synth::{SynthOptions, initiative};
use convener_benches::pick;
use criterion::Criterion;

fn analyze(c: &mut Criterion) {
    let doc = initiative(&pick(SynthOptions::design_benchmark(), SynthOptions::new(30, 1)));
    let options = Options::default();
    let mut g = c.benchmark_group("analyze");
    g.sample_size(30);
    let n = doc.partners.len();
    g.bench_function(format!("report/{n}"), |b| b.iter(|| black_box(&doc).analyze(&options).findings.len()));
    g.bench_function(format!("report_json/{n}"), |b| b.iter(|| black_box(&doc).analyze(&options).to_json().len()));
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    analyze(&mut c);
    c.final_summary();
}

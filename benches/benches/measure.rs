//! Run charts over about 10⁶ measurements: the shared-measurement analysis
//! (`measure::analyze`: series, pooling, completeness, Anhøj and IHI rules) of a synthetic
//! initiative of 3,000 partners, 68 indicators and 2,000 monthly periods, and the runs
//! analysis alone on one series of 10⁶ points.

use std::hint::black_box;
use std::time::Duration;

use convener::Options;
use convener::measure::runchart::runs_analysis;
use convener::synth::{SynthOptions, initiative};
use convener_benches::pick;
use criterion::{Criterion, SamplingMode, Throughput};

fn measure(c: &mut Criterion) {
    let synth = pick(
        SynthOptions { partners: 3_000, seed: 1, mean_degree: 10.0, indicators: Some(68), periods: 2_000 },
        SynthOptions { partners: 60, seed: 1, mean_degree: 10.0, indicators: Some(8), periods: 24 },
    );
    let doc = initiative(&synth);
    let options = Options::default();
    let mut g = c.benchmark_group("measure");
    g.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_secs(1));
    g.throughput(Throughput::Elements(doc.measurements.len() as u64));
    g.bench_function(format!("analyze/{}_measurements", doc.measurements.len()), |b| {
        b.iter(|| convener::measure::analyze(black_box(&doc), &options).indicators.len())
    });

    let n = pick(1_000_000, 1_000);
    // A deterministic wandering series: a sawtooth with a slow drift.
    let y: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1009) as f64 + (i / 50_000) as f64).collect();
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(format!("runs_analysis/{n}_points"), |b| b.iter(|| runs_analysis(black_box(&y), None).n_useful));
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    measure(&mut c);
    c.final_summary();
}

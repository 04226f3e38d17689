//! Loading: JSON text → `Initiative` and a CSV folder → `Initiative`, at 10³, 10⁴ and 10⁵
//! partners of the synthetic initiative (`convener synth --partners N --seed 1`).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use convener::Initiative;
use convener::model::Limits;
use convener::synth::{SynthOptions, initiative};
use convener_benches::pick;
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

fn load(c: &mut Criterion) {
    let mut json = c.benchmark_group("load/json");
    json.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_secs(1));
    let docs: Vec<(usize, Initiative)> = pick(vec![1_000, 10_000, 100_000], vec![100])
        .into_iter()
        .map(|n| (n, initiative(&SynthOptions::new(n, 1))))
        .collect();
    for (n, doc) in &docs {
        let text = doc.to_json();
        json.throughput(Throughput::Bytes(text.len() as u64));
        json.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| Initiative::from_json(black_box(text)).expect("a synthetic document is valid"))
        });
    }
    json.finish();

    let mut csv = c.benchmark_group("load/csv_folder");
    csv.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_secs(1));
    let limits = Limits::default();
    for (n, doc) in &docs {
        let files: BTreeMap<String, Vec<u8>> = convener::formats::csv::write(doc)
            .into_iter()
            .map(|(name, text)| (name.to_string(), text.into_bytes()))
            .collect();
        csv.throughput(Throughput::Bytes(files.values().map(|f| f.len() as u64).sum()));
        csv.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| convener::formats::csv::read(black_box(files), &limits).expect("a synthetic folder is valid"))
        });
    }
    csv.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    load(&mut c);
    c.final_summary();
}

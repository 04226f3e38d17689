//! What-if on the benchmark initiative (300 partners): the network change of losing each
//! partner in turn (`Initiative::without` + `network::whatif::delta`), and the whole answer
//! with the report (`convener::what_if`) for one partner.

use std::hint::black_box;
use std::time::Duration;

use convener::Options;
use convener::network::whatif::delta;
use convener::synth::{SynthOptions, initiative};
use convener_benches::pick;
use criterion::{Criterion, SamplingMode};

fn whatif(c: &mut Criterion) {
    let doc = initiative(&pick(SynthOptions::design_benchmark(), SynthOptions::new(20, 1)));
    let options = Options::default();
    let ids: Vec<&str> = doc.partners.iter().map(|p| p.id.as_str()).collect();
    let mut g = c.benchmark_group("whatif");
    g.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_secs(1));
    g.bench_function(format!("network_delta_every_partner/{}", ids.len()), |b| {
        b.iter(|| {
            ids.iter()
                .map(|id| {
                    let scenario = doc.without(&[id]).expect("a partner of the document");
                    delta(black_box(&doc), &scenario, &options).components.after
                })
                .sum::<u64>()
        })
    });
    // The whole answer for one partner (the second: the first is the backbone); every
    // partner in turn is 300 of these (`compare/run` times that whole sweep).
    let one = ids[1];
    g.bench_function(format!("full_one_partner/{}", ids.len()), |b| {
        b.iter(|| convener::what_if(black_box(&doc), &[one], &options).expect("a partner").report.findings.len())
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    whatif(&mut c);
    c.final_summary();
}

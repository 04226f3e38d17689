//! The key-player sweep (the damage of losing each partner, ranked) of the benchmark
//! initiative: 300 partners, about 3,000 ties.

use std::hint::black_box;

use convener::Options;
use convener::network::whatif::{Losses, key_players};
use convener::synth::{SynthOptions, initiative};
use convener_benches::pick;
use criterion::Criterion;

fn keyplayers(c: &mut Criterion) {
    let doc = initiative(&pick(SynthOptions::design_benchmark(), SynthOptions::new(30, 1)));
    let options = Options::default();
    let mut g = c.benchmark_group("keyplayers");
    g.sample_size(20);
    g.bench_function(format!("sweep/{}", doc.partners.len()), |b| {
        b.iter(|| key_players(black_box(&doc), &options, usize::MAX))
    });
    // The graphs built once, then every partner's loss read from them.
    let losses = Losses::new(&doc, &options);
    g.bench_function(format!("losses_of_every_partner/{}", doc.partners.len()), |b| {
        b.iter(|| (0..doc.partners.len()).map(|v| losses.of(black_box(v)).pairs_disconnected).sum::<u64>())
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    keyplayers(&mut c);
    c.final_summary();
}

//! Each network measure of the core on seeded Erdős–Rényi graphs of 10², 10³, 10⁴ and 10⁵
//! nodes, mean degree 10. Betweenness (with closeness) is exact up to 10⁴; at 10⁵
//! betweenness is estimated from 100 sampled sources (the core has no closeness from a
//! sample, so closeness stops at 10⁴).

use std::hint::black_box;
use std::time::Duration;

use convener::network::centrality::{eigenvector, pagerank, sample_sources, sampled_betweenness, shortest_paths};
use convener::network::community::{louvain, modularity};
use convener::network::structure::{
    components, core_numbers, cut_points, largest_component, neighbourhoods, strong_components,
};
use convener::network::{Csr, PartnerGraph};
use convener_benches::{Model, sizes};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode};

/// Sources of sampled betweenness at 10⁵ nodes (as in compare/).
const SAMPLE: usize = 100;

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(format!("network/{name}"));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g
}

/// Benches `work` on the graph of each size.
fn each(c: &mut Criterion, name: &str, graphs: &[(usize, PartnerGraph)], work: impl Fn(&PartnerGraph) -> usize) {
    let mut g = group(c, name);
    for (n, graph) in graphs {
        g.bench_with_input(BenchmarkId::from_parameter(n), graph, |b, graph| b.iter(|| work(black_box(graph))));
    }
    g.finish();
}

fn degrees(g: &Csr) -> Vec<usize> {
    (0..g.len()).map(|v| g.degree(v)).collect()
}

fn network(c: &mut Criterion) {
    let all = sizes(&[100, 1_000, 10_000, 100_000]);
    let graphs: Vec<(usize, PartnerGraph)> = all.iter().map(|&n| (n, Model::ErdosRenyi.graph(n))).collect();
    let exact: Vec<(usize, PartnerGraph)> = graphs.iter().filter(|(n, _)| *n <= 10_000).cloned().collect();

    let mut g = group(c, "build");
    for &n in &all {
        let edges = Model::ErdosRenyi.edges(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &edges, |b, edges| {
            b.iter(|| PartnerGraph::from_edges(n, black_box(edges)))
        });
    }
    g.finish();

    each(c, "betweenness_closeness", &exact, |g| shortest_paths(g.csr(), true).closeness.len());
    // Closeness alone up to 10³ (at 10⁴ it comes with betweenness above).
    let small: Vec<(usize, PartnerGraph)> = exact.iter().filter(|(n, _)| *n <= 1_000).cloned().collect();
    each(c, "closeness", &small, |g| shortest_paths(g.csr(), false).closeness.len());
    let mut g = group(c, &format!("betweenness_sampled_{SAMPLE}"));
    for (n, graph) in graphs.iter().filter(|(n, _)| *n > 10_000 || all.len() == 1) {
        let sources = sample_sources(*n, SAMPLE, 1);
        g.bench_with_input(BenchmarkId::from_parameter(n), graph, |b, graph| {
            b.iter(|| sampled_betweenness(black_box(graph.csr()), &sources))
        });
    }
    g.finish();

    // PageRank of the undirected graph (each edge both ways), as compare/ runs it.
    each(c, "pagerank", &graphs, |g| pagerank(g.csr(), &degrees(g.csr())).map_or(0, |x| x.len()));
    each(c, "eigenvector", &graphs, |g| {
        let (label, sizes) = components(g.csr());
        eigenvector(g.csr(), &largest_component(&label, &sizes)).map_or(0, |x| x.len())
    });
    each(c, "components", &graphs, |g| components(g.csr()).1.len());
    each(c, "strong_components", &graphs, |g| strong_components(g.out_csr()).len());
    each(c, "articulation_points", &graphs, |g| cut_points(g.csr()).1.len());
    each(c, "core_numbers", &graphs, |g| core_numbers(g.csr()).len());
    each(c, "clustering_constraint", &graphs, |g| neighbourhoods(g.csr()).clustering.len());
    // Louvain up to 10⁴ here (at 10⁵ one run takes minutes on a 2-core machine: compare/
    // times it once).
    each(c, "louvain", &exact, |g| louvain(g.csr()).len());
    each(c, "modularity", &graphs, |g| {
        let c: Vec<u32> = (0..g.len() as u32).map(|v| v % 16).collect();
        (modularity(g.csr(), &c).unwrap_or(0.0) * 1e6) as usize
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    network(&mut c);
    c.final_summary();
}

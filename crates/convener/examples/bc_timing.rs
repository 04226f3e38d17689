//! Times the all-sources shortest paths (betweenness and closeness) on an Erdős–Rényi graph.
//! Run: cargo run --release -p convener --example bc_timing -- 10000 10

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let degree: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10.0);
    let edges = convener::synth::erdos_renyi(n, degree, 1);
    let g = convener::network::PartnerGraph::from_edges(n, &edges);
    let start = std::time::Instant::now();
    let r = convener::network::centrality::shortest_paths(g.csr(), true);
    println!(
        "n={n} m={} betweenness+closeness: {:.3} s (sum {:.6})",
        edges.len(),
        start.elapsed().as_secs_f64(),
        r.betweenness.unwrap().iter().sum::<f64>()
    );
}

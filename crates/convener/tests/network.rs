//! Properties of the network measures on random graphs: invariants of betweenness and
//! components, cut points that really cut, and the same bits with one thread or two.

use convener::network::{Csr, PartnerGraph, centrality, structure};
use proptest::prelude::*;

/// A random simple graph: n nodes, edges drawn from pairs.
fn graph() -> impl Strategy<Value = (usize, Vec<(u32, u32)>)> {
    (1usize..40).prop_flat_map(|n| {
        let pairs = proptest::collection::vec((0..n as u32, 0..n as u32), 0..(3 * n));
        (Just(n), pairs)
    })
}

fn distances(g: &Csr, s: usize) -> Vec<Option<u64>> {
    let mut d = vec![None; g.len()];
    d[s] = Some(0);
    let mut q = std::collections::VecDeque::from([s]);
    while let Some(v) = q.pop_front() {
        for &w in g.neighbours(v) {
            if d[w as usize].is_none() {
                d[w as usize] = Some(d[v].unwrap() + 1);
                q.push_back(w as usize);
            }
        }
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Σ_v betweenness(v)·(n−1)(n−2) = Σ over ordered reachable pairs of (d(s,t) − 1):
    /// every shortest path passes through d − 1 inner nodes.
    #[test]
    fn betweenness_sums_to_the_inner_nodes_of_all_shortest_paths((n, edges) in graph()) {
        let g = PartnerGraph::from_edges(n, &edges);
        let csr = g.csr();
        let bc = centrality::shortest_paths(csr, true).betweenness.unwrap();
        prop_assert!(bc.iter().all(|b| (0.0..=1.0 + 1e-12).contains(b)));
        for (v, b) in bc.iter().enumerate() {
            if csr.degree(v) <= 1 {
                prop_assert_eq!(*b, 0.0);
            }
        }
        if n > 2 {
            let total: f64 = bc.iter().sum::<f64>() * ((n - 1) * (n - 2)) as f64;
            let mut expected = 0u64;
            for s in 0..n {
                for d in distances(csr, s).into_iter().flatten() {
                    if d > 0 {
                        expected += d - 1;
                    }
                }
            }
            prop_assert!((total - expected as f64).abs() < 1e-6 * (1.0 + expected as f64), "{} vs {}", total, expected);
        }
    }

    /// Components partition the nodes, and no edge crosses two of them.
    #[test]
    fn components_partition_the_nodes((n, edges) in graph()) {
        let g = PartnerGraph::from_edges(n, &edges);
        let (label, sizes) = structure::components(g.csr());
        prop_assert_eq!(sizes.iter().sum::<usize>(), n);
        for &(a, b) in g.undirected_edges() {
            prop_assert_eq!(label[a as usize], label[b as usize]);
        }
        // Labels are numbered by first node.
        let mut next = 0;
        for &l in &label {
            prop_assert!(l <= next);
            if l == next { next += 1; }
        }
    }

    /// Removing an articulation point raises the number of components; removing any other
    /// node with neighbours does not.
    #[test]
    fn removing_an_articulation_point_splits((n, edges) in graph()) {
        let g = PartnerGraph::from_edges(n, &edges);
        let (cut, bridges) = structure::cut_points(g.csr());
        let (_, sizes) = structure::components(g.csr());
        for v in 0..n as u32 {
            if g.csr().degree(v as usize) == 0 {
                continue;
            }
            let rest: Vec<(u32, u32)> = g.undirected_edges().iter().copied().filter(|&(a, b)| a != v && b != v).collect();
            let without = Csr::from_edges(n, &rest, true);
            // v stays as an isolated node: one component more than its neighbours need.
            let (_, after) = structure::components(&without);
            let split = after.len() > sizes.len() + 1;
            prop_assert_eq!(split, cut[v as usize], "node {}", v);
        }
        for &(a, b) in &bridges {
            let rest: Vec<(u32, u32)> = g.undirected_edges().iter().copied().filter(|&e| e != (a, b)).collect();
            let (_, after) = structure::components(&Csr::from_edges(n, &rest, true));
            prop_assert_eq!(after.len(), sizes.len() + 1);
        }
    }
}

/// The whole network report is the same, byte for byte, with one thread and with two.
#[test]
fn one_thread_or_two_give_the_same_bytes() {
    let doc = convener::synth::initiative(&convener::synth::SynthOptions::new(400, 7));
    let options = convener::Options::default();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| serde_json::to_string(&convener::network::analyze(&doc, &options)).unwrap())
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(2));
}

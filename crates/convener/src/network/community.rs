//! Communities: seeded, deterministic Louvain (Blondel et al. 2008) and Newman's
//! modularity.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::graph::Csr;

/// The first seed of the node orders Louvain visits: fixed, so results are the same
/// everywhere.
pub const LOUVAIN_SEED: u64 = 1;

/// The most passes over the nodes in one level of Louvain (networkit's PLM stops at 32
/// too). A level usually settles in a few passes (at most 11 on the conformance corpus);
/// on large graphs without strong communities, nodes keep trading places for tiny gains
/// for hundreds of passes (872 on a 10⁵-node Erdős–Rényi graph) with no visible effect on
/// modularity.
pub const LOUVAIN_MAX_PASSES: usize = 32;

/// A weighted graph for one Louvain level: arcs both ways for an edge, and each node's
/// self-arc weight (the arcs folded inside it).
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    self_weight: Vec<f64>,
}

impl Level {
    fn from_csr(g: &Csr) -> Self {
        let n = g.len();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::with_capacity(g.arcs());
        offsets.push(0);
        for v in 0..n {
            targets.extend_from_slice(g.neighbours(v));
            offsets.push(targets.len());
        }
        let weights = vec![1.0; targets.len()];
        Level { offsets, targets, weights, self_weight: vec![0.0; n] }
    }

    fn len(&self) -> usize {
        self.self_weight.len()
    }

    fn strength(&self, v: usize) -> f64 {
        self.weights[self.offsets[v]..self.offsets[v + 1]].iter().sum::<f64>() + self.self_weight[v]
    }

    /// Folds each community into one node.
    fn aggregate(&self, comm: &[u32], k: usize) -> Level {
        let mut self_weight = vec![0.0; k];
        let mut rows: Vec<Vec<(u32, f64)>> = vec![Vec::new(); k];
        for v in 0..self.len() {
            let c = comm[v] as usize;
            self_weight[c] += self.self_weight[v];
            for i in self.offsets[v]..self.offsets[v + 1] {
                let d = comm[self.targets[i] as usize];
                if d as usize == c {
                    self_weight[c] += self.weights[i];
                } else {
                    rows[c].push((d, self.weights[i]));
                }
            }
        }
        let mut offsets = Vec::with_capacity(k + 1);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        offsets.push(0);
        for row in rows.iter_mut() {
            row.sort_by_key(|&(d, _)| d);
            let mut i = 0;
            while i < row.len() {
                let d = row[i].0;
                let mut w = 0.0;
                while i < row.len() && row[i].0 == d {
                    w += row[i].1;
                    i += 1;
                }
                targets.push(d);
                weights.push(w);
            }
            offsets.push(targets.len());
        }
        Level { offsets, targets, weights, self_weight }
    }
}

/// One round of local moves on a level; returns each node's community (renumbered from
/// 0 in node order), the count, and whether any node moved.
fn local_moves(level: &Level, rng: &mut ChaCha8Rng) -> (Vec<u32>, usize, bool) {
    let n = level.len();
    let strength: Vec<f64> = (0..n).map(|v| level.strength(v)).collect();
    let m2: f64 = strength.iter().sum();
    let mut comm: Vec<u32> = (0..n as u32).collect();
    if m2 == 0.0 {
        return (comm, n, false);
    }
    let mut tot = strength.clone();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.shuffle(rng);
    let mut weight_to = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved_any = false;
    for _ in 0..LOUVAIN_MAX_PASSES {
        let mut moved = false;
        for &v in &order {
            let v = v as usize;
            let own = comm[v] as usize;
            let kv = strength[v];
            touched.clear();
            for i in level.offsets[v]..level.offsets[v + 1] {
                let c = comm[level.targets[i] as usize] as usize;
                if weight_to[c] == 0.0 {
                    touched.push(c as u32);
                }
                weight_to[c] += level.weights[i];
            }
            tot[own] -= kv;
            let mut best = own;
            let mut best_gain = weight_to[own] - tot[own] * kv / m2;
            for &c in &touched {
                let c = c as usize;
                let gain = weight_to[c] - tot[c] * kv / m2;
                if gain > best_gain + 1e-12 {
                    best_gain = gain;
                    best = c;
                }
            }
            tot[best] += kv;
            if best != own {
                comm[v] = best as u32;
                moved = true;
            }
            for &c in &touched {
                weight_to[c as usize] = 0.0;
            }
            weight_to[own] = 0.0;
        }
        if !moved {
            break;
        }
        moved_any = true;
    }
    let mut renumber = vec![u32::MAX; n];
    let mut k = 0u32;
    for c in comm.iter_mut() {
        if renumber[*c as usize] == u32::MAX {
            renumber[*c as usize] = k;
            k += 1;
        }
        *c = renumber[*c as usize];
    }
    (comm, k as usize, moved_any)
}

/// Louvain communities of the undirected graph: a community per node, numbered from 0 in
/// order of each community's first member (document order). Isolates are communities of
/// their own.
///
/// Nodes are visited in an order shuffled by a fixed seed (from [`LOUVAIN_SEED`],
/// ChaCha8), so the result is the same on every machine. Each level moves nodes to the
/// neighbouring community with the largest modularity gain until none moves (or
/// [`LOUVAIN_MAX_PASSES`] passes over the nodes have been made), then folds
/// communities into nodes; it stops when a level moves nothing. [`louvain_runs`] orders
/// are tried and the partition with the highest modularity kept (the first on a tie).
///
/// Source: Blondel, Guillaume, Lambiotte & Lefebvre (2008).
///
/// # Complexity
/// Near-linear in m per level in practice.
///
/// # Example
/// ```
/// use convener::network::{Csr, community::{louvain, modularity}};
/// // two triangles joined by one edge: 0-1-2, 3-4-5, 2-3
/// let g = Csr::from_edges(6, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)], true);
/// let c = louvain(&g);
/// assert_eq!(c, vec![0, 0, 0, 1, 1, 1]);
/// assert!((modularity(&g, &c).unwrap() - 0.35714285714285715).abs() < 1e-12);
/// ```
pub fn louvain(g: &Csr) -> Vec<u32> {
    let runs = louvain_runs(g.len());
    let one = |run: usize| {
        let c = louvain_once(g, LOUVAIN_SEED + run as u64);
        (modularity(g, &c).unwrap_or(0.0), c)
    };
    // Each run is independent of the others; the best is picked in run order either way.
    #[cfg(feature = "parallel")]
    let tried: Vec<(f64, Vec<u32>)> = {
        use rayon::prelude::*;
        (0..runs).into_par_iter().map(one).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let tried: Vec<(f64, Vec<u32>)> = (0..runs).map(one).collect();
    let mut best: Option<(f64, Vec<u32>)> = None;
    for (q, c) in tried {
        if best.as_ref().is_none_or(|(bq, _)| q > *bq) {
            best = Some((q, c));
        }
    }
    best.map(|(_, c)| c).unwrap_or_default()
}

/// How many visiting orders Louvain tries: one pass can settle in a poor local optimum
/// (networkx's own single run does about a fifth of the time on small graphs), so small
/// networks try several seeded orders and keep the best; large ones, where the optimum is
/// stable, fewer.
pub fn louvain_runs(n: usize) -> usize {
    match n {
        0..=2_000 => 16,
        2_001..=20_000 => 4,
        _ => 1,
    }
}

/// One Louvain run with the node order shuffled by `seed`.
fn louvain_once(g: &Csr, seed: u64) -> Vec<u32> {
    let n = g.len();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut membership: Vec<u32> = (0..n as u32).collect();
    let mut level = Level::from_csr(g);
    loop {
        let (comm, k, moved) = local_moves(&level, &mut rng);
        if !moved {
            break;
        }
        for m in membership.iter_mut() {
            *m = comm[*m as usize];
        }
        level = level.aggregate(&comm, k);
    }
    // Number communities by their first member.
    let mut renumber = vec![u32::MAX; n];
    let mut next = 0u32;
    for m in membership.iter_mut() {
        if renumber[*m as usize] == u32::MAX {
            renumber[*m as usize] = next;
            next += 1;
        }
        *m = renumber[*m as usize];
    }
    membership
}

/// Newman's modularity of a partition: Q = Σ_c [L_c/m − (d_c/2m)²], with L_c the edges
/// inside community c and d_c the sum of its degrees (as networkx `modularity`,
/// resolution 1). `None` when the graph has no edges.
///
/// Source: Newman & Girvan (2004); Newman (2006).
///
/// # Complexity
/// O(n + m).
pub fn modularity(g: &Csr, community: &[u32]) -> Option<f64> {
    let m = g.arcs() as f64 / 2.0;
    if m == 0.0 {
        return None;
    }
    let k = community.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut inside = vec![0.0f64; k];
    let mut degree = vec![0.0f64; k];
    for v in 0..g.len() {
        let c = community[v] as usize;
        degree[c] += g.degree(v) as f64;
        for &w in g.neighbours(v) {
            if (w as usize) > v && community[w as usize] as usize == c {
                inside[c] += 1.0;
            }
        }
    }
    let mut q = 0.0;
    for c in 0..k {
        let share = degree[c] / (2.0 * m);
        q += inside[c] / m - share * share;
    }
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_edges_gives_singletons() {
        let g = Csr::from_edges(3, &[], true);
        assert_eq!(louvain(&g), vec![0, 1, 2]);
        assert_eq!(modularity(&g, &[0, 1, 2]), None);
    }

    #[test]
    fn ring_of_cliques() {
        // 8 cliques of 5 joined in a ring: Louvain finds the cliques.
        let mut edges = vec![];
        for c in 0..8u32 {
            for a in 0..5 {
                for b in a + 1..5 {
                    edges.push((c * 5 + a, c * 5 + b));
                }
            }
            edges.push((c * 5, ((c + 1) % 8) * 5 + 1));
        }
        let g = Csr::from_edges(40, &edges, true);
        let comm = louvain(&g);
        for c in 0..8 {
            let first = comm[c * 5];
            assert!((0..5).all(|i| comm[c * 5 + i] == first));
        }
        assert_eq!(*comm.iter().max().unwrap(), 7);
        // 8 × (10/88 − (22/176)²) = 0.784…
        assert!((modularity(&g, &comm).unwrap() - 0.7840909090909091).abs() < 1e-12);
    }
}

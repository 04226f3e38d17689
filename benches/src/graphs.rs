//! The plain random graphs of the benchmarks: seeded Barabási–Albert and Erdős–Rényi.
//!
//! The same edges on every platform (ChaCha8 draws and IEEE-exact arithmetic only).
//! They lived in `convener::synth` until they left the core's public API; the draws are
//! unchanged (the same streams of the seed), so the benchmark graphs stay as they were.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// Stream `stream` of a seed: the part of `convener::synth`'s random numbers these graphs
/// use.
struct Rng(ChaCha8Rng);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Rng(rng)
    }

    /// A whole number in `0..n` (`n > 0`), by multiply-shift.
    fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((self.0.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// A number in `[0, 1)` with 53 random bits.
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A Barabási–Albert graph as networkx builds it: `m` first nodes without edges, then
/// each new node ties to `m` distinct earlier nodes chosen with probability proportional
/// to their degree (the first new node to all `m` first nodes). Exactly `m · (n − m)`
/// undirected edges `(new, earlier)`; none when `m == 0` or `m >= n`. Deterministic for a
/// seed; `n` is capped at `u32::MAX`.
///
/// # Example
/// ```
/// let edges = convener_benches::graphs::barabasi_albert(1000, 3, 42);
/// assert_eq!(edges.len(), 3 * (1000 - 3));
/// assert!(edges.iter().all(|&(a, b)| b < a));
/// assert_eq!(edges, convener_benches::graphs::barabasi_albert(1000, 3, 42));
/// ```
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Vec<(u32, u32)> {
    let n = n.min(u32::MAX as usize);
    if m == 0 || m >= n {
        return Vec::new();
    }
    let mut rng = Rng::new(seed, 0xBA);
    let mut edges = Vec::with_capacity(m * (n - m));
    let mut repeated: Vec<u32> = Vec::with_capacity(2 * m * (n - m));
    let mut stamp = vec![u32::MAX; n];
    let mut targets: Vec<u32> = (0..m as u32).collect();
    for source in m as u32..n as u32 {
        for &t in &targets {
            edges.push((source, t));
        }
        repeated.extend_from_slice(&targets);
        repeated.extend(std::iter::repeat_n(source, m));
        // The next node's targets: m distinct nodes, by degree.
        targets.clear();
        while targets.len() < m {
            let u = repeated[rng.below(repeated.len())];
            if stamp[u as usize] != source {
                stamp[u as usize] = source;
                targets.push(u);
            }
        }
    }
    edges
}

/// An Erdős–Rényi graph G(n, p) with `p = mean_degree / (n − 1)`, made by the skipping
/// method of Batagelj & Brandes (2005) in O(n + m): undirected edges `(v, w)` with
/// `w < v`, in increasing order, each pair at most once. The expected mean degree is
/// `mean_degree` (capped at the complete graph). Deterministic for a seed; `n` is capped
/// at `u32::MAX`.
///
/// # Example
/// ```
/// let edges = convener_benches::graphs::erdos_renyi(10_000, 8.0, 7);
/// let mean = 2.0 * edges.len() as f64 / 10_000.0;
/// assert!((mean - 8.0).abs() < 0.4);
/// assert!(edges.iter().all(|&(v, w)| w < v));
/// ```
pub fn erdos_renyi(n: usize, mean_degree: f64, seed: u64) -> Vec<(u32, u32)> {
    let n = n.min(u32::MAX as usize);
    if n < 2 || mean_degree.is_nan() || mean_degree <= 0.0 {
        return Vec::new();
    }
    let p = mean_degree / (n - 1) as f64;
    if p >= 1.0 {
        let mut out = Vec::with_capacity(n * (n - 1) / 2);
        for v in 1..n as u32 {
            for w in 0..v {
                out.push((v, w));
            }
        }
        return out;
    }
    let mut rng = Rng::new(seed, 0xE4);
    let log_q = libm::log(1.0 - p);
    let expected = (p * n as f64 * (n - 1) as f64 / 2.0) as usize;
    let mut out = Vec::with_capacity(expected + expected / 16 + 16);
    let limit = n as f64 * n as f64;
    let (mut v, mut w): (i128, i128) = (1, -1);
    let n = n as i128;
    while v < n {
        let r = rng.unit();
        let skip = libm::floor(libm::log(1.0 - r) / log_q);
        // A skip past every remaining pair ends the graph.
        if skip >= limit {
            break;
        }
        w += 1 + skip as i128;
        while w >= v && v < n {
            w -= v;
            v += 1;
        }
        if v < n {
            out.push((v as u32, w as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn barabasi_albert_is_seeded_and_heavy_tailed() {
        let edges = barabasi_albert(5000, 4, 1);
        assert_eq!(edges.len(), 4 * (5000 - 4));
        let set: BTreeSet<(u32, u32)> = edges.iter().copied().collect();
        assert_eq!(set.len(), edges.len());
        assert!(edges.iter().all(|&(a, b)| a != b && a < 5000 && b < a));
        assert_eq!(edges, barabasi_albert(5000, 4, 1));
        assert_ne!(edges, barabasi_albert(5000, 4, 2));
        assert!(barabasi_albert(3, 3, 1).is_empty());
        assert!(barabasi_albert(10, 0, 1).is_empty());
        assert_eq!(barabasi_albert(2, 1, 1), vec![(1, 0)]);
        // Heavy tail: the biggest hub is far above the mean degree of 8.
        let mut degree = vec![0u32; 5000];
        for (a, b) in edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        assert!(degree.iter().max().copied().unwrap() > 80);
    }

    #[test]
    fn erdos_renyi_has_the_mean_degree_asked_for() {
        let n = 100_000;
        let edges = erdos_renyi(n, 10.0, 5);
        let mean = 2.0 * edges.len() as f64 / n as f64;
        assert!((mean - 10.0).abs() < 0.5, "{mean}");
        assert!(edges.windows(2).all(|w| w[0] < w[1]), "sorted, so no duplicates");
        assert!(edges.iter().all(|&(v, w)| w < v && (v as usize) < n));
        assert_eq!(edges, erdos_renyi(n, 10.0, 5));
        assert_ne!(edges, erdos_renyi(n, 10.0, 6));
        assert!(erdos_renyi(1, 5.0, 1).is_empty());
        assert!(erdos_renyi(100, 0.0, 1).is_empty());
        assert_eq!(erdos_renyi(5, 10.0, 1).len(), 10);
    }

    /// FNV-1a over the edges: a fingerprint of a whole graph.
    fn fingerprint(edges: &[(u32, u32)]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in edges.iter().flat_map(|&(a, b)| a.to_le_bytes().into_iter().chain(b.to_le_bytes())) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    #[test]
    fn graphs_are_those_convener_synth_made() {
        // Written by `convener::synth::{barabasi_albert, erdos_renyi}` before the move (commit
        // c8c76b9): the benchmark graphs must not change.
        let ba = [((1000, 3, 42), 2991, 0xdc1e_0e00_1b87_8cdb), ((5000, 4, 1), 19984, 0xfcd6_5e17_65bd_c46d)];
        for ((n, m, seed), len, print) in ba {
            let e = barabasi_albert(n, m, seed);
            assert_eq!((e.len(), fingerprint(&e)), (len, print), "ba {n} {m} {seed}");
        }
        let er = [((10_000, 8.0, 7), 39983, 0x9821_e781_28e1_436f), ((300, 4.0, 11), 634, 0x69aa_6767_3714_4bc5)];
        for ((n, d, seed), len, print) in er {
            let e = erdos_renyi(n, d, seed);
            assert_eq!((e.len(), fingerprint(&e)), (len, print), "er {n} {d} {seed}");
        }
        let e = erdos_renyi(100_000, 10.0, 7);
        assert_eq!((e.len(), fingerprint(&e)), (500_876, 0xc9d7_abad_68ab_7f09));
        let e = barabasi_albert(100_000, 5, 7);
        assert_eq!((e.len(), fingerprint(&e)), (499_975, 0xeb63_73f2_6411_8d56));
    }
}

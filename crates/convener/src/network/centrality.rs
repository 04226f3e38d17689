//! Centralities: betweenness and closeness (one breadth-first search per partner, Brandes
//! 2001; or from a sample of sources, Brandes & Pich 2007), eigenvector centrality and
//! PageRank (power iteration, as networkx computes them).

use super::graph::Csr;

/// Sources per chunk of the all-sources work. Partial sums are made per chunk and added
/// in chunk order, with or without threads, so the bits never depend on the thread count.
const CHUNK: usize = 64;

/// What one breadth-first search from every partner gives.
///
/// # Example
/// ```
/// use convener::network::{Csr, centrality::shortest_paths};
/// // 0 ── 1 ── 2
/// let g = Csr::from_edges(3, &[(0, 1), (1, 2)], true);
/// let m = shortest_paths(&g, true);
/// assert_eq!(m.betweenness.unwrap(), vec![0.0, 1.0, 0.0]);
/// assert_eq!(m.closeness, vec![2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// assert_eq!(m.eccentricity, vec![2, 1, 2]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ShortestPaths {
    /// Normalized betweenness, when asked for.
    pub betweenness: Option<Vec<f64>>,
    /// Closeness (Wasserman–Faust).
    pub closeness: Vec<f64>,
    /// The largest distance from each partner to a partner it can reach.
    pub eccentricity: Vec<u32>,
}

/// Reusable buffers of one search, cleared after each source in O(reached).
struct Scratch {
    dist: Vec<i32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch { dist: vec![-1; n], sigma: vec![0.0; n], delta: vec![0.0; n], order: Vec::with_capacity(n) }
    }
}

/// Closeness (Wasserman–Faust) of a source that reaches `reached` partners (itself
/// included) at a total distance `total`, in a graph of `n` partners.
fn wf_closeness(n: usize, reached: usize, total: u64) -> f64 {
    if total > 0 && n > 1 {
        let r = (reached - 1) as f64;
        (r / total as f64) * (r / (n - 1) as f64)
    } else {
        0.0
    }
}

/// Closeness and eccentricity of one source from a plain breadth-first search: no path
/// counts, for runs that do not want betweenness.
fn distances_only(g: &Csr, s: usize, sc: &mut Scratch) -> (f64, u32) {
    let Scratch { dist, order, .. } = sc;
    order.clear();
    dist[s] = 0;
    order.push(s as u32);
    let mut head = 0;
    let mut total: u64 = 0;
    while head < order.len() {
        let v = order[head] as usize;
        head += 1;
        let dv = dist[v];
        total += dv as u64;
        for &w in g.neighbours(v) {
            let w = w as usize;
            if dist[w] < 0 {
                dist[w] = dv + 1;
                order.push(w as u32);
            }
        }
    }
    let ecc = dist[*order.last().unwrap_or(&(s as u32)) as usize] as u32;
    let closeness = wf_closeness(g.len(), order.len(), total);
    for &v in order.iter() {
        dist[v as usize] = -1;
    }
    (closeness, ecc)
}

/// The result of one source: closeness and eccentricity; with `bc`, its dependencies
/// δ_s(v) are added to `bc` (Brandes 2001).
fn one_source(g: &Csr, s: usize, sc: &mut Scratch, bc: Option<&mut [f64]>) -> (f64, u32) {
    let Some(bc) = bc else {
        return distances_only(g, s, sc);
    };
    let Scratch { dist, sigma, delta, order } = sc;
    order.clear();
    dist[s] = 0;
    sigma[s] = 1.0;
    order.push(s as u32);
    let mut head = 0;
    let mut total: u64 = 0;
    while head < order.len() {
        let v = order[head] as usize;
        head += 1;
        let dv = dist[v];
        total += dv as u64;
        let sv = sigma[v];
        let next = dv + 1;
        for &w in g.neighbours(v) {
            let w = w as usize;
            if dist[w] < 0 {
                dist[w] = next;
                order.push(w as u32);
            }
            // Branch-free: adding 0.0 leaves the count unchanged, bit for bit.
            sigma[w] += if dist[w] == next { sv } else { 0.0 };
        }
    }
    let ecc = dist[*order.last().unwrap_or(&(s as u32)) as usize] as u32;
    let closeness = wf_closeness(g.len(), order.len(), total);
    // `delta` holds, for each finished node w, (1 + δ(w)) / σ(w): one division per node
    // instead of one per arc; the sums are the same, term for term.
    for &v in order.iter().rev() {
        let v = v as usize;
        let next = dist[v] + 1;
        let mut acc = 0.0;
        for &w in g.neighbours(v) {
            let w = w as usize;
            acc += if dist[w] == next { delta[w] } else { 0.0 };
        }
        let dv = sigma[v] * acc;
        if v != s {
            bc[v] += dv;
        }
        delta[v] = (1.0 + dv) / sigma[v];
    }
    for &v in order.iter() {
        let v = v as usize;
        dist[v] = -1;
        sigma[v] = 0.0;
        delta[v] = 0.0;
    }
    (closeness, ecc)
}

/// The sources of a run: every partner, or a chosen list (ascending).
#[derive(Clone, Copy)]
enum Sources<'a> {
    All,
    Some(&'a [u32]),
}

impl Sources<'_> {
    fn len(&self, n: usize) -> usize {
        match self {
            Sources::All => n,
            Sources::Some(list) => list.len(),
        }
    }

    /// The partner at position `i` of the run.
    fn at(&self, i: usize) -> usize {
        match self {
            Sources::All => i,
            Sources::Some(list) => list[i] as usize,
        }
    }
}

/// One chunk of sources (positions `range` of the run): its partial betweenness, and
/// closeness and eccentricity of its sources.
fn chunk(
    g: &Csr,
    sources: Sources,
    range: std::ops::Range<usize>,
    want_bc: bool,
    sc: &mut Scratch,
) -> (Vec<f64>, Vec<(f64, u32)>) {
    let mut bc = if want_bc { vec![0.0; g.len()] } else { Vec::new() };
    let mut per_source = Vec::with_capacity(range.len());
    for i in range {
        let part = if want_bc { Some(bc.as_mut_slice()) } else { None };
        per_source.push(one_source(g, sources.at(i), sc, part));
    }
    (bc, per_source)
}

/// The raw betweenness sums Σ_s δ_s(v) over `sources` (when asked for), and closeness
/// and eccentricity of each source, by position in the run. Chunks of [`CHUNK`] sources,
/// added in chunk order with or without threads.
fn run(g: &Csr, sources: Sources, want_bc: bool) -> (Vec<f64>, Vec<f64>, Vec<u32>) {
    let n = g.len();
    let k = sources.len(n);
    let chunks: Vec<std::ops::Range<usize>> =
        (0..k.div_ceil(CHUNK)).map(|c| c * CHUNK..((c + 1) * CHUNK).min(k)).collect();
    let mut bc = vec![0.0; if want_bc { n } else { 0 }];
    let mut closeness = vec![0.0; k];
    let mut eccentricity = vec![0u32; k];
    let mut absorb = |range: std::ops::Range<usize>, part: (Vec<f64>, Vec<(f64, u32)>)| {
        for (t, p) in bc.iter_mut().zip(&part.0) {
            *t += p;
        }
        for (i, (c, e)) in range.zip(part.1) {
            closeness[i] = c;
            eccentricity[i] = e;
        }
    };

    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        let threads = rayon::current_num_threads().max(1);
        for wave in chunks.chunks(threads * 2) {
            let parts: Vec<_> = wave
                .par_iter()
                .map_init(|| Scratch::new(n), |sc, r| chunk(g, sources, r.clone(), want_bc, sc))
                .collect();
            for (r, part) in wave.iter().zip(parts) {
                absorb(r.clone(), part);
            }
        }
    }
    #[cfg(not(feature = "parallel"))]
    {
        let mut sc = Scratch::new(n);
        for r in &chunks {
            let part = chunk(g, sources, r.clone(), want_bc, &mut sc);
            absorb(r.clone(), part);
        }
    }
    (bc, closeness, eccentricity)
}

/// Betweenness (normalized, as networkx `betweenness_centrality`), closeness (as networkx
/// `closeness_centrality`, Wasserman–Faust) and eccentricities, from one breadth-first
/// search per partner of the undirected graph.
///
/// # Formulas
/// - betweenness(v) = Σ_{s≠v≠t} σ_st(v)/σ_st ÷ ((n−1)(n−2)/2), with σ_st the number of
///   shortest paths from s to t and σ_st(v) those through v (Brandes 2001; Freeman 1977);
///   0 when n ≤ 2.
/// - closeness(v) = (r−1)/Σ_u d(v,u) · (r−1)/(n−1), with r the partners v reaches (itself
///   included) — Wasserman & Faust (1994), networkx's `wf_improved`; 0 for an isolate.
///
/// # Complexity
/// O(n·m) time, O(n) memory per thread. Parallel over sources with the `parallel`
/// feature; partial sums are added in a fixed order, so the result does not depend on the
/// number of threads.
pub fn shortest_paths(g: &Csr, want_betweenness: bool) -> ShortestPaths {
    let n = g.len();
    let (bc, closeness, eccentricity) = run(g, Sources::All, want_betweenness);
    let betweenness = want_betweenness.then(|| {
        if n > 2 {
            let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
            bc.iter().map(|b| b * scale).collect()
        } else {
            vec![0.0; n]
        }
    });
    ShortestPaths { betweenness, closeness, eccentricity }
}

/// The probability δ that the stated error bound of sampled betweenness fails:
/// [`error_bound`] holds for every partner at once with probability at least 1 − δ.
pub const ERROR_PROBABILITY: f64 = 0.05;

/// `k` distinct partners of `0..n` drawn uniformly at random without replacement
/// (Floyd's algorithm on a ChaCha8 stream seeded with `seed`, integer arithmetic only, so
/// every platform draws the same), in ascending order. All of them when `k ≥ n`.
///
/// # Example
/// ```
/// use convener::network::centrality::sample_sources;
/// let s = sample_sources(100, 10, 7);
/// assert_eq!(s.len(), 10);
/// assert!(s.windows(2).all(|w| w[0] < w[1]) && s[9] < 100);
/// assert_eq!(s, sample_sources(100, 10, 7));
/// assert_eq!(sample_sources(3, 5, 7), vec![0, 1, 2]);
/// ```
pub fn sample_sources(n: usize, k: usize, seed: u64) -> Vec<u32> {
    use rand::{RngCore, SeedableRng};
    if k >= n {
        return (0..n as u32).collect();
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    // A whole number in 0..=j, by multiply-shift.
    let mut upto = |j: u64| ((rng.next_u64() as u128 * (j as u128 + 1)) >> 64) as u32;
    let mut chosen = std::collections::BTreeSet::new();
    for j in (n - k) as u64..n as u64 {
        let t = upto(j);
        if !chosen.insert(t) {
            chosen.insert(j as u32);
        }
    }
    chosen.into_iter().collect()
}

/// Normalized betweenness estimated from the breadth-first searches of `sources` only
/// (Brandes & Pich 2007): the single-source dependencies δ_s(v) = Σ_t σ_st(v)/σ_st summed
/// over the sources, scaled by n/k, then normalized as [`shortest_paths`] does. With
/// `sources` drawn uniformly without replacement (see [`sample_sources`]) the estimate is
/// unbiased, and within [`error_bound`] of the exact value for every partner with
/// probability at least 1 − δ. With every partner as a source (ascending), it equals
/// [`shortest_paths`]' betweenness bit for bit: the same chunks, sums and scale.
///
/// # Complexity
/// O(k·m) time for k sources, O(n) memory per thread.
///
/// # Example
/// ```
/// use convener::network::{Csr, centrality::{sampled_betweenness, shortest_paths}};
/// // 0 ── 1 ── 2 ── 3
/// let g = Csr::from_edges(4, &[(0, 1), (1, 2), (2, 3)], true);
/// assert_eq!(sampled_betweenness(&g, &[0, 1, 2, 3]), shortest_paths(&g, true).betweenness.unwrap());
/// // From partner 0 alone: δ_0(1) = 2, δ_0(2) = 1, scaled by 4/1 and ÷ (3·2).
/// assert_eq!(sampled_betweenness(&g, &[0]), vec![0.0, 8.0 / 6.0, 4.0 / 6.0, 0.0]);
/// ```
pub fn sampled_betweenness(g: &Csr, sources: &[u32]) -> Vec<f64> {
    let n = g.len();
    if n <= 2 || sources.is_empty() {
        return vec![0.0; n];
    }
    let (bc, _, _) = run(g, Sources::Some(sources), true);
    // n/k is exactly 1.0 when every partner is a source: the scale is then the exact one.
    let scale = (n as f64 / sources.len() as f64) * (1.0 / ((n - 1) as f64 * (n - 2) as f64));
    bc.iter().map(|b| b * scale).collect()
}

/// Closeness (as [`shortest_paths`], Wasserman–Faust) of the partners `sources` only,
/// in their order: one plain breadth-first search from each. For a few partners of a
/// large network, or closeness spread over machines; each value equals the one
/// [`shortest_paths`] gives, bit for bit.
///
/// # Complexity
/// O(k·m) time for k sources, O(n) memory per thread.
///
/// # Panics
/// When a source is not a partner of `g` (≥ `g.len()`).
///
/// # Example
/// ```
/// use convener::network::{Csr, centrality::{closeness_of, shortest_paths}};
/// // 0 ── 1 ── 2 ── 3
/// let g = Csr::from_edges(4, &[(0, 1), (1, 2), (2, 3)], true);
/// let all = shortest_paths(&g, false).closeness;
/// assert_eq!(closeness_of(&g, &[2, 0]), vec![all[2], all[0]]);
/// assert_eq!(all[0], 3.0 / 6.0);
/// ```
pub fn closeness_of(g: &Csr, sources: &[u32]) -> Vec<f64> {
    run(g, Sources::Some(sources), false).1
}

/// The error bound ε of betweenness sampled from `k` of `n` partners: with probability
/// at least 1 − `delta`, |estimate − exact| ≤ ε for every partner at once, betweenness
/// normalized to [0, 1].
///
/// Each source s contributes Y_s = δ_s(v)/(n − 2) ∈ [0, 1]; the estimate is n/(n − 1)
/// times the mean of Y over the sample and the exact value n/(n − 1) times its mean
/// over all partners. Hoeffding's inequality (which holds for sampling without
/// replacement too, Hoeffding 1963 §6) and a union bound over the n partners give
///
/// ε = n/(n − 1) · √(ln(2n/δ) / (2k))
///
/// (Brandes & Pich 2007; Bader, Kintali, Madduri & Mihail 2007; Riondato & Kornaropoulos
/// 2016 bound k by the VC dimension instead of ln n). 0 when k ≥ n (nothing is
/// estimated) or n ≤ 2 (betweenness is 0).
///
/// # Example
/// ```
/// use convener::network::centrality::error_bound;
/// let e = error_bound(100_000, 1000, 0.05);
/// assert!((e - 0.0872).abs() < 1e-4);
/// assert_eq!(error_bound(50, 50, 0.05), 0.0);
/// ```
pub fn error_bound(n: usize, k: usize, delta: f64) -> f64 {
    if k >= n || n <= 2 || k == 0 {
        return if k == 0 && n > 2 { 1.0 } else { 0.0 };
    }
    let nf = n as f64;
    nf / (nf - 1.0) * libm::sqrt(libm::log(2.0 * nf / delta) / (2.0 * k as f64))
}

/// Eigenvector centrality of the nodes in `members` (a connected component), by power
/// iteration on A + I, as networkx `eigenvector_centrality(max_iter=10000, tol=1e-12)`:
/// start from 1/N each; each step x ← (A + I)x, then scale to unit Euclidean norm; stop
/// when Σ|x − x_prev| < N·tol. Returns values for `members` in their order (unit norm
/// over them), or `None` without convergence.
///
/// Source: Bonacich (1972); networkx 3.x.
///
/// # Complexity
/// O(k·m) for k iterations.
///
/// # Example
/// ```
/// use convener::network::{Csr, centrality::eigenvector};
/// // a star: 0 in the middle
/// let g = Csr::from_edges(4, &[(0, 1), (0, 2), (0, 3)], true);
/// let x = eigenvector(&g, &[0, 1, 2, 3]).unwrap();
/// assert!((x[0] - 0.7071067811865476).abs() < 1e-9);
/// assert!((x[1] - 0.408248290463863).abs() < 1e-9);
/// ```
pub fn eigenvector(g: &Csr, members: &[u32]) -> Option<Vec<f64>> {
    const MAX_ITER: usize = 10_000;
    const TOL: f64 = 1e-12;
    let k = members.len();
    if k == 0 {
        return Some(vec![]);
    }
    let mut local = vec![u32::MAX; g.len()];
    for (i, &v) in members.iter().enumerate() {
        local[v as usize] = i as u32;
    }
    let mut x = vec![1.0 / k as f64; k];
    let mut next = vec![0.0; k];
    for _ in 0..MAX_ITER {
        next.copy_from_slice(&x);
        for (i, &v) in members.iter().enumerate() {
            let xi = x[i];
            for &w in g.neighbours(v as usize) {
                let j = local[w as usize];
                if j != u32::MAX {
                    next[j as usize] += xi;
                }
            }
        }
        let norm = libm::sqrt(next.iter().map(|v| v * v).sum::<f64>());
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for v in next.iter_mut() {
            *v /= norm;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < k as f64 * TOL {
            return Some(x);
        }
    }
    None
}

/// PageRank on the directed ties, as networkx `pagerank(alpha=0.85, max_iter=10000,
/// tol=1e-12)`: x ← α(xP + (Σ dangling x)/N) + (1−α)/N, where P spreads each partner's
/// score evenly over the partners it named and a partner naming nobody spreads it over
/// everyone; stop when Σ|x − x_prev| < N·tol. `None` without convergence.
///
/// Source: Page, Brin, Motwani & Winograd (1999); networkx 3.x.
///
/// # Complexity
/// O(k·(n + m)) for k iterations.
///
/// # Example
/// ```
/// use convener::network::{Csr, centrality::pagerank};
/// // 0 → 1 → 2 → 0: a cycle, every score 1/3
/// let into = Csr::from_edges(3, &[(1, 0), (2, 1), (0, 2)], false);
/// let out_degree = [1, 1, 1];
/// let x = pagerank(&into, &out_degree).unwrap();
/// assert!(x.iter().all(|v| (v - 1.0 / 3.0).abs() < 1e-12));
/// ```
pub fn pagerank(into: &Csr, out_degree: &[usize]) -> Option<Vec<f64>> {
    const ALPHA: f64 = 0.85;
    const MAX_ITER: usize = 10_000;
    const TOL: f64 = 1e-12;
    let n = into.len();
    if n == 0 {
        return Some(vec![]);
    }
    let nf = n as f64;
    let inv_out: Vec<f64> = out_degree.iter().map(|&d| if d > 0 { 1.0 / d as f64 } else { 0.0 }).collect();
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..MAX_ITER {
        let mut dangling = 0.0;
        for v in 0..n {
            share[v] = x[v] * inv_out[v];
            if out_degree[v] == 0 {
                dangling += x[v];
            }
        }
        let base = ALPHA * dangling / nf + (1.0 - ALPHA) / nf;
        let mut err = 0.0;
        for v in 0..n {
            let mut s = 0.0;
            for &u in into.neighbours(v) {
                s += share[u as usize];
            }
            next[v] = ALPHA * s + base;
            err += (next[v] - x[v]).abs();
        }
        std::mem::swap(&mut x, &mut next);
        if err < nf * TOL {
            return Some(x);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Betweenness by brute force: all shortest paths counted through each node.
    fn brute_betweenness(g: &Csr) -> Vec<f64> {
        let n = g.len();
        let mut dist = vec![vec![usize::MAX; n]; n];
        let mut count = vec![vec![0.0f64; n]; n];
        for s in 0..n {
            dist[s][s] = 0;
            count[s][s] = 1.0;
            let mut q = std::collections::VecDeque::from([s]);
            while let Some(v) = q.pop_front() {
                for &w in g.neighbours(v) {
                    let w = w as usize;
                    if dist[s][w] == usize::MAX {
                        dist[s][w] = dist[s][v] + 1;
                        q.push_back(w);
                    }
                    if dist[s][w] == dist[s][v] + 1 {
                        count[s][w] += count[s][v];
                    }
                }
            }
        }
        let mut bc = vec![0.0; n];
        for s in 0..n {
            for t in 0..n {
                if s == t || dist[s][t] == usize::MAX {
                    continue;
                }
                for v in 0..n {
                    if v != s
                        && v != t
                        && dist[s][v] != usize::MAX
                        && dist[v][t] != usize::MAX
                        && dist[s][v] + dist[v][t] == dist[s][t]
                    {
                        bc[v] += count[s][v] * count[v][t] / count[s][t];
                    }
                }
            }
        }
        let scale = if n > 2 { 1.0 / ((n - 1) as f64 * (n - 2) as f64) } else { 0.0 };
        bc.iter().map(|b| b * scale).collect()
    }

    #[test]
    fn betweenness_matches_brute_force() {
        let edges = [(0, 1), (1, 2), (2, 3), (3, 0), (1, 4), (4, 5), (5, 6), (6, 4), (7, 8), (2, 9)];
        let g = Csr::from_edges(11, &edges, true);
        let fast = shortest_paths(&g, true).betweenness.unwrap();
        let slow = brute_betweenness(&g);
        for (a, b) in fast.iter().zip(&slow) {
            assert!((a - b).abs() < 1e-12, "{fast:?} {slow:?}");
        }
    }

    #[test]
    fn many_chunks_are_added_in_order() {
        // More sources than one chunk: a long path.
        let n = 300;
        let edges: Vec<(u32, u32)> = (0..n as u32 - 1).map(|i| (i, i + 1)).collect();
        let g = Csr::from_edges(n, &edges, true);
        let m = shortest_paths(&g, true);
        let b = m.betweenness.unwrap();
        // On a path, node i lies on i·(n−1−i) pairs.
        for (i, v) in b.iter().enumerate() {
            let expected = (i * (n - 1 - i)) as f64 / ((n - 1) * (n - 2) / 2) as f64;
            assert!((v - expected).abs() < 1e-12);
        }
        assert_eq!(m.eccentricity[0], (n - 1) as u32);
    }

    #[test]
    fn closeness_alone_is_the_same_as_with_betweenness() {
        // Two components, a cycle, a pendant chain and an isolate; distances checked by hand.
        let edges = [(0, 1), (1, 2), (2, 3), (3, 0), (1, 4), (4, 5), (5, 6), (6, 4), (7, 8), (2, 9)];
        let g = Csr::from_edges(11, &edges, true);
        let alone = shortest_paths(&g, false);
        let with = shortest_paths(&g, true);
        assert_eq!(alone.betweenness, None);
        assert_eq!(alone.closeness, with.closeness);
        assert_eq!(alone.eccentricity, with.eccentricity);
        // Partner 7 reaches only 8 (distance 1): (1/1)·(1/10).
        assert_eq!(alone.closeness[7], 0.1);
        assert_eq!(alone.closeness[10], 0.0);
        assert_eq!(alone.eccentricity[0], 3);
    }

    #[test]
    fn isolates_and_tiny_graphs() {
        let g = Csr::from_edges(1, &[], true);
        let m = shortest_paths(&g, true);
        assert_eq!(m.closeness, vec![0.0]);
        assert_eq!(m.betweenness.unwrap(), vec![0.0]);
        assert_eq!(eigenvector(&g, &[0]).unwrap(), vec![1.0]);
        assert_eq!(pagerank(&Csr::from_edges(2, &[], false), &[0, 0]).unwrap(), vec![0.5, 0.5]);
    }
}

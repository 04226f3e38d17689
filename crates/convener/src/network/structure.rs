//! The shape of the network: components, cut points and bridges, cores, triangles with
//! clustering and Burt's structural holes, strongly connected components.

use super::graph::Csr;

/// Connected components of the undirected graph: a label per node (numbered from 0 in
/// order of each component's first node) and each component's size.
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use convener::network::{Csr, structure::components};
/// // 0 ── 1    2 ── 3    4
/// let g = Csr::from_edges(5, &[(0, 1), (2, 3)], true);
/// let (label, sizes) = components(&g);
/// assert_eq!(label, vec![0, 0, 1, 1, 2]);
/// assert_eq!(sizes, vec![2, 2, 1]);
/// ```
pub fn components(g: &Csr) -> (Vec<u32>, Vec<usize>) {
    let n = g.len();
    let mut label = vec![u32::MAX; n];
    let mut sizes = Vec::new();
    let mut queue = Vec::new();
    for s in 0..n {
        if label[s] != u32::MAX {
            continue;
        }
        let c = sizes.len() as u32;
        label[s] = c;
        queue.clear();
        queue.push(s as u32);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head] as usize;
            head += 1;
            for &w in g.neighbours(v) {
                if label[w as usize] == u32::MAX {
                    label[w as usize] = c;
                    queue.push(w);
                }
            }
        }
        sizes.push(queue.len());
    }
    (label, sizes)
}

/// The largest component: the first of the largest ones in order of their first node, so
/// ties go to the one holding the earliest partner. Its members, ascending.
pub fn largest_component(label: &[u32], sizes: &[usize]) -> Vec<u32> {
    let Some(best) = (0..sizes.len()).max_by(|&a, &b| sizes[a].cmp(&sizes[b]).then(b.cmp(&a))) else {
        return vec![];
    };
    (0..label.len() as u32).filter(|&v| label[v as usize] == best as u32).collect()
}

/// What removing each node does to the undirected graph, from one depth-first search.
#[derive(Debug, Clone, PartialEq)]
pub struct LowLink {
    /// Articulation points: removing the node splits its component.
    pub cut: Vec<bool>,
    /// Bridges `(a, b)` with `a < b`, sorted: removing the edge splits its component.
    pub bridges: Vec<(u32, u32)>,
    /// Pairs of the other nodes still connected once the node is gone.
    pub pairs_without: Vec<u64>,
    /// Pairs of nodes connected now.
    pub pairs: u64,
    /// The size of each node's component.
    pub component_size: Vec<u64>,
}

fn pairs_of(s: u64) -> u64 {
    s * s.saturating_sub(1) / 2
}

/// Articulation points, bridges and the connected pairs left when each node is removed
/// (Hopcroft & Tarjan 1973), by an iterative depth-first search (no recursion, so no
/// stack overflow on long chains).
///
/// Removing v splits its component of size S into the subtrees of its DFS children w with
/// low(w) ≥ disc(v), and the rest: pairs_without(v) = pairs − C(S,2) + Σ C(|subtree|,2) +
/// C(rest,2).
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use convener::network::{Csr, structure::low_link};
/// // 0 ── 1 ── 2
/// let g = Csr::from_edges(3, &[(0, 1), (1, 2)], true);
/// let l = low_link(&g);
/// assert_eq!(l.cut, vec![false, true, false]);
/// assert_eq!(l.pairs, 3);
/// assert_eq!(l.pairs_without, vec![1, 0, 1]);
/// ```
pub fn low_link(g: &Csr) -> LowLink {
    let n = g.len();
    let mut disc = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut parent = vec![u32::MAX; n];
    let mut next_edge = vec![0usize; n];
    let mut size = vec![1u64; n];
    let mut separated = vec![0u64; n];
    let mut separated_pairs = vec![0u64; n];
    let mut component = vec![0u64; n];
    let mut cut = vec![false; n];
    let mut bridges = Vec::new();
    let mut time = 0u32;
    let mut stack: Vec<u32> = Vec::new();
    let mut visited: Vec<u32> = Vec::new();
    let mut pairs = 0u64;
    for root in 0..n {
        if disc[root] != u32::MAX {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        stack.push(root as u32);
        visited.clear();
        visited.push(root as u32);
        while let Some(&v) = stack.last() {
            let v = v as usize;
            let nbrs = g.neighbours(v);
            if next_edge[v] < nbrs.len() {
                let w = nbrs[next_edge[v]] as usize;
                next_edge[v] += 1;
                if disc[w] == u32::MAX {
                    parent[w] = v as u32;
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push(w as u32);
                    visited.push(w as u32);
                } else if w as u32 != parent[v] {
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                stack.pop();
                let p = parent[v];
                if p != u32::MAX {
                    let p = p as usize;
                    low[p] = low[p].min(low[v]);
                    size[p] += size[v];
                    if low[v] > disc[p] {
                        bridges.push(if p < v { (p as u32, v as u32) } else { (v as u32, p as u32) });
                    }
                    if low[v] >= disc[p] {
                        separated[p] += size[v];
                        separated_pairs[p] += pairs_of(size[v]);
                        if p != root {
                            cut[p] = true;
                        }
                    }
                }
            }
        }
        if root_children > 1 {
            cut[root] = true;
        }
        let s = size[root];
        pairs += pairs_of(s);
        for &v in &visited {
            component[v as usize] = s;
        }
    }
    let pairs_without = (0..n)
        .map(|v| {
            let s = component[v];
            let rest = s - 1 - separated[v];
            pairs - pairs_of(s) + separated_pairs[v] + pairs_of(rest)
        })
        .collect();
    bridges.sort_unstable();
    LowLink { cut, bridges, pairs_without, pairs, component_size: component }
}

/// Articulation points and bridges of the undirected graph: a flag per node and the
/// bridges `(a, b)` with `a < b`, sorted. See [`low_link`].
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use convener::network::{Csr, structure::cut_points};
/// // 0 ── 1 ── 2 ── 0 (triangle), 2 ── 3
/// let g = Csr::from_edges(4, &[(0, 1), (1, 2), (0, 2), (2, 3)], true);
/// let (cut, bridges) = cut_points(&g);
/// assert_eq!(cut, vec![false, false, true, false]);
/// assert_eq!(bridges, vec![(2, 3)]);
/// ```
pub fn cut_points(g: &Csr) -> (Vec<bool>, Vec<(u32, u32)>) {
    let l = low_link(g);
    (l.cut, l.bridges)
}

/// Core numbers (the k of the largest k-core holding each node), by Batagelj & Zaversnik
/// (2003), as networkx `core_number`.
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use convener::network::{Csr, structure::core_numbers};
/// // a triangle with a tail: 0-1-2-0, 2-3
/// let g = Csr::from_edges(4, &[(0, 1), (1, 2), (0, 2), (2, 3)], true);
/// assert_eq!(core_numbers(&g), vec![2, 2, 2, 1]);
/// ```
pub fn core_numbers(g: &Csr) -> Vec<u32> {
    let n = g.len();
    let mut deg: Vec<u32> = (0..n).map(|v| g.degree(v) as u32).collect();
    let max = deg.iter().copied().max().unwrap_or(0) as usize;
    let mut bin = vec![0usize; max + 1];
    for &d in &deg {
        bin[d as usize] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let count = *b;
        *b = start;
        start += count;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0u32; n];
    for v in 0..n {
        let d = deg[v] as usize;
        pos[v] = bin[d];
        vert[pos[v]] = v as u32;
        bin[d] += 1;
    }
    for d in (1..=max).rev() {
        bin[d] = bin[d - 1];
    }
    if max > 0 || n > 0 {
        bin[0] = 0;
    }
    for i in 0..n {
        let v = vert[i] as usize;
        for &u in g.neighbours(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                let du = deg[u] as usize;
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw] as usize;
                if u != w {
                    pos[u] = pw;
                    vert[pu] = w as u32;
                    pos[w] = pu;
                    vert[pw] = u as u32;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}

/// Per-node measures from the neighbourhoods: triangles, clustering, and Burt's
/// effective size and constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbourhoods {
    /// Triangles through each node.
    pub triangles: Vec<u64>,
    /// Local clustering: 2T / (d(d−1)), 0 when d < 2 (networkx `clustering`).
    pub clustering: Vec<f64>,
    /// Burt's effective size, d − 2t/d with t the ties among the d neighbours (networkx
    /// `effective_size`, unweighted); `None` for an isolate.
    pub effective_size: Vec<Option<f64>>,
    /// Burt's constraint, Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = 1/d_i for a neighbour
    /// (networkx `constraint`, unweighted); `None` for an isolate.
    pub constraint: Vec<Option<f64>>,
}

/// Triangles, clustering, effective size and constraint of every node.
///
/// Sources: Watts & Strogatz (1998) for clustering; Burt (1992) for effective size and
/// constraint, in Borgatti's (1997) unweighted form as networkx computes them.
///
/// # Complexity
/// O(Σ_v Σ_{u∈N(v)} d(u)) with a marker array: O(Σ d²).
///
/// # Example
/// ```
/// use convener::network::{Csr, structure::neighbourhoods};
/// // a star: 0 in the middle of 1, 2, 3
/// let g = Csr::from_edges(4, &[(0, 1), (0, 2), (0, 3)], true);
/// let m = neighbourhoods(&g);
/// assert_eq!(m.effective_size[0], Some(3.0));
/// assert!((m.constraint[0].unwrap() - 1.0 / 3.0).abs() < 1e-15);
/// assert_eq!(m.constraint[1], Some(1.0));
/// ```
pub fn neighbourhoods(g: &Csr) -> Neighbourhoods {
    let n = g.len();
    let mut mark = vec![false; n];
    let inv_deg: Vec<f64> = (0..n).map(|v| if g.degree(v) > 0 { 1.0 / g.degree(v) as f64 } else { 0.0 }).collect();
    let mut triangles = vec![0u64; n];
    let mut clustering = vec![0.0; n];
    let mut effective_size = vec![None; n];
    let mut constraint = vec![None; n];
    for v in 0..n {
        let nv = g.neighbours(v);
        let d = nv.len();
        if d == 0 {
            continue;
        }
        for &u in nv {
            mark[u as usize] = true;
        }
        let mut twice_t: u64 = 0;
        let mut c = 0.0;
        for &u in nv {
            let mut common = 0u64;
            let mut indirect = 0.0;
            for &w in g.neighbours(u as usize) {
                if mark[w as usize] {
                    common += 1;
                    indirect += inv_deg[w as usize];
                }
            }
            twice_t += common;
            let p = inv_deg[v] + inv_deg[v] * indirect;
            c += p * p;
        }
        for &u in nv {
            mark[u as usize] = false;
        }
        let t = twice_t / 2;
        triangles[v] = t;
        if d >= 2 {
            clustering[v] = 2.0 * t as f64 / (d as f64 * (d - 1) as f64);
        }
        effective_size[v] = Some(d as f64 - twice_t as f64 / d as f64);
        constraint[v] = Some(c);
    }
    Neighbourhoods { triangles, clustering, effective_size, constraint }
}

/// Strongly connected components of the directed ties (Tarjan 1972, iterative): a label
/// per node, numbered in order of each component's first node.
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use convener::network::{Csr, structure::strong_components};
/// // 0 → 1 → 0, 1 → 2
/// let g = Csr::from_edges(3, &[(0, 1), (1, 0), (1, 2)], false);
/// let label = strong_components(&g);
/// assert_eq!(label, vec![0, 0, 1]);
/// ```
pub fn strong_components(out: &Csr) -> Vec<u32> {
    let n = out.len();
    let mut index = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut next_edge = vec![0usize; n];
    let mut comp = vec![u32::MAX; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut call: Vec<u32> = Vec::new();
    let mut counter = 0u32;
    let mut raw = 0u32;
    for root in 0..n {
        if index[root] != u32::MAX {
            continue;
        }
        call.push(root as u32);
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root as u32);
        on_stack[root] = true;
        while let Some(&v) = call.last() {
            let v = v as usize;
            let nbrs = out.neighbours(v);
            if next_edge[v] < nbrs.len() {
                let w = nbrs[next_edge[v]] as usize;
                next_edge[v] += 1;
                if index[w] == u32::MAX {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w as u32);
                    on_stack[w] = true;
                    call.push(w as u32);
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                call.pop();
                if let Some(&p) = call.last() {
                    low[p as usize] = low[p as usize].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w as usize] = false;
                        comp[w as usize] = raw;
                        if w as usize == v {
                            break;
                        }
                    }
                    raw += 1;
                }
            }
        }
    }
    // Renumber by each component's first node.
    let mut renumber = vec![u32::MAX; raw as usize];
    let mut next = 0;
    for c in comp.iter_mut() {
        let r = &mut renumber[*c as usize];
        if *r == u32::MAX {
            *r = next;
            next += 1;
        }
        *c = *r;
    }
    comp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_points_of_a_long_chain_do_not_overflow() {
        let n = 200_000;
        let edges: Vec<(u32, u32)> = (0..n as u32 - 1).map(|i| (i, i + 1)).collect();
        let g = Csr::from_edges(n, &edges, true);
        let (cut, bridges) = cut_points(&g);
        assert_eq!(cut.iter().filter(|c| **c).count(), n - 2);
        assert_eq!(bridges.len(), n - 1);
        let out = Csr::from_edges(n, &edges, false);
        let scc = strong_components(&out);
        assert_eq!(scc[n - 1] as usize, n - 1);
    }

    #[test]
    fn cores_of_a_clique_and_isolates() {
        let mut edges = vec![];
        for a in 0..5u32 {
            for b in a + 1..5 {
                edges.push((a, b));
            }
        }
        let g = Csr::from_edges(7, &edges, true);
        assert_eq!(core_numbers(&g), vec![4, 4, 4, 4, 4, 0, 0]);
        let m = neighbourhoods(&g);
        assert_eq!(m.clustering[0], 1.0);
        assert_eq!(m.effective_size[5], None);
        assert_eq!(m.triangles[0], 6);
    }

    #[test]
    fn largest_component_tie_goes_to_the_earliest() {
        let g = Csr::from_edges(5, &[(3, 4), (0, 1)], true);
        let (label, sizes) = components(&g);
        assert_eq!(largest_component(&label, &sizes), vec![0, 1]);
        assert_eq!(largest_component(&[], &[]), Vec::<u32>::new());
    }
}

//! `PartnerGraph`: the partners and their ties as graphs — directed as reported, and the
//! undirected view — on petgraph, with compact CSR snapshots for the heavy measures.

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};

use crate::model::{Initiative, Level, TieKind};

/// Which ties count as connections.
///
/// # Example
/// ```
/// use convener::model::Level;
/// use convener::network::EdgeRule;
/// let rule = EdgeRule { min_level: Level::Cooperate, kinds: None };
/// assert!(rule.min_level > Level::Communicate);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeRule {
    /// A tie is a connection when its level is at least this (default `communicate`).
    pub min_level: Level,
    /// When given, only ties with at least one of these kinds count.
    pub kinds: Option<Vec<TieKind>>,
}

impl Default for EdgeRule {
    fn default() -> Self {
        EdgeRule { min_level: Level::Communicate, kinds: None }
    }
}

impl EdgeRule {
    /// Whether a tie at `level` with `kinds` is a connection.
    pub fn admits(&self, level: Level, kinds: &[TieKind]) -> bool {
        level >= self.min_level && self.kinds.as_ref().is_none_or(|want| kinds.iter().any(|k| want.contains(k)))
    }
}

/// Compressed sparse rows: the neighbours of node `v` are `targets[offsets[v]..offsets[v+1]]`,
/// sorted ascending. Nodes are partners in document order.
///
/// # Example
/// ```
/// use convener::network::Csr;
/// let g = Csr::from_edges(3, &[(0, 1), (1, 2)], true);
/// assert_eq!(g.neighbours(1), &[0, 2]);
/// assert_eq!(g.degree(0), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Builds the rows of `n` nodes from edges `(a, b)`; with `symmetric`, each edge is
    /// stored both ways. Edges must be distinct and without self-loops.
    ///
    /// # Complexity
    /// O(n + m log(max degree)).
    pub fn from_edges(n: usize, edges: &[(u32, u32)], symmetric: bool) -> Self {
        let mut counts = vec![0u32; n + 1];
        for &(a, b) in edges {
            counts[a as usize + 1] += 1;
            if symmetric {
                counts[b as usize + 1] += 1;
            }
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let mut fill = counts.clone();
        let mut targets = vec![0u32; counts[n] as usize];
        for &(a, b) in edges {
            targets[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
            if symmetric {
                targets[fill[b as usize] as usize] = a;
                fill[b as usize] += 1;
            }
        }
        for v in 0..n {
            targets[counts[v] as usize..counts[v + 1] as usize].sort_unstable();
        }
        Csr { offsets: counts, targets }
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of stored arcs (twice the edges of a symmetric graph).
    pub fn arcs(&self) -> usize {
        self.targets.len()
    }

    /// The neighbours of `v`, ascending.
    #[inline]
    pub fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }

    /// The number of neighbours of `v`.
    #[inline]
    pub fn degree(&self, v: usize) -> usize {
        (self.offsets[v + 1] - self.offsets[v]) as usize
    }

    /// Whether `b` is a neighbour of `a` (binary search).
    #[inline]
    pub fn has_edge(&self, a: usize, b: usize) -> bool {
        self.neighbours(a).binary_search(&(b as u32)).is_ok()
    }
}

/// Each partner's id to its document index (the last, if an id repeats, as a map collected
/// in document order). Lookups only: the map's order never reaches an output.
pub(crate) fn partner_index(doc: &Initiative) -> std::collections::HashMap<&str, u32> {
    let mut index = std::collections::HashMap::with_capacity(doc.partners.len());
    for (i, p) in doc.partners.iter().enumerate() {
        index.insert(p.id.as_str(), i as u32);
    }
    index
}

/// The ties of `doc` that pass `rule` as arcs (from, to, level) between document indices,
/// sorted by (from, to), one per pair and direction, no self-loops.
fn admitted_arcs(doc: &Initiative, rule: &EdgeRule) -> Vec<(u32, u32, Level)> {
    let index = partner_index(doc);
    let mut arcs: Vec<(u32, u32, Level)> = Vec::with_capacity(doc.ties.len());
    for t in &doc.ties {
        if !rule.admits(t.level, &t.kinds) {
            continue;
        }
        if let (Some(&a), Some(&b)) = (index.get(t.from.as_str()), index.get(t.to.as_str())) {
            if a != b {
                arcs.push((a, b, t.level));
            }
        }
    }
    arcs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    arcs.dedup_by_key(|&mut (a, b, _)| (a, b));
    arcs
}

/// The undirected view of [`PartnerGraph::new`] as CSR alone, for work that needs no more.
pub(crate) fn undirected_csr(doc: &Initiative, rule: &EdgeRule) -> Csr {
    let mut pairs: Vec<(u32, u32)> =
        admitted_arcs(doc, rule).into_iter().map(|(a, b, _)| if a < b { (a, b) } else { (b, a) }).collect();
    pairs.sort_unstable();
    pairs.dedup();
    Csr::from_edges(doc.partners.len(), &pairs, true)
}

/// The partner graph of an initiative under an [`EdgeRule`].
///
/// Node `i` is the `i`-th partner of the document. The directed graph holds the ties as
/// reported (from → to) that pass the rule; the undirected graph joins two partners when
/// either reported a tie that passes, at the higher of the two reported levels.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::{EdgeRule, PartnerGraph};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "a", "level": "cooperate"},
///            {"from": "b", "to": "c", "level": "coexist"}]}"#).unwrap();
/// let g = PartnerGraph::new(&doc, &EdgeRule::default());
/// //  a ── b    c   (b → c is only `coexist`: reported, not connected)
/// assert_eq!(g.undirected_edges().len(), 1);
/// assert_eq!(g.directed.edge_count(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct PartnerGraph {
    /// Ties as reported that pass the rule: node weights are partner indices, edge weights
    /// the reported level.
    pub directed: DiGraph<usize, Level, u32>,
    /// The undirected view: one edge per connected pair, at the higher reported level.
    pub undirected: UnGraph<usize, Level, u32>,
    edges: Vec<(u32, u32)>,
    csr: Csr,
    out_csr: Csr,
    in_csr: Csr,
}

impl PartnerGraph {
    /// Builds the graphs of `doc` under `rule`.
    ///
    /// # Complexity
    /// O(n + t log t) for n partners and t ties.
    pub fn new(doc: &Initiative, rule: &EdgeRule) -> Self {
        let n = doc.partners.len();
        let arcs = admitted_arcs(doc, rule);
        let mut pairs: Vec<(u32, u32, Level)> =
            arcs.iter().map(|&(a, b, l)| if a < b { (a, b, l) } else { (b, a, l) }).collect();
        pairs.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.cmp(&x.2)));
        pairs.dedup_by_key(|&mut (a, b, _)| (a, b));

        let mut directed = DiGraph::with_capacity(n, arcs.len());
        let mut undirected = UnGraph::with_capacity(n, pairs.len());
        for i in 0..n {
            directed.add_node(i);
            undirected.add_node(i);
        }
        for &(a, b, l) in &arcs {
            directed.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), l);
        }
        for &(a, b, l) in &pairs {
            undirected.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), l);
        }
        let edges: Vec<(u32, u32)> = pairs.iter().map(|&(a, b, _)| (a, b)).collect();
        let arc_list: Vec<(u32, u32)> = arcs.iter().map(|&(a, b, _)| (a, b)).collect();
        let reversed: Vec<(u32, u32)> = arcs.iter().map(|&(a, b, _)| (b, a)).collect();
        PartnerGraph {
            csr: Csr::from_edges(n, &edges, true),
            out_csr: Csr::from_edges(n, &arc_list, false),
            in_csr: Csr::from_edges(n, &reversed, false),
            edges,
            directed,
            undirected,
        }
    }

    /// A graph of `n` nodes from undirected edges `(a, b)` (for benchmarks and tests: no
    /// initiative needed). Each edge is also taken as a directed arc a → b.
    ///
    /// # Example
    /// ```
    /// use convener::network::PartnerGraph;
    /// let g = PartnerGraph::from_edges(4, &[(0, 1), (1, 2), (2, 3)]);
    /// assert_eq!(g.len(), 4);
    /// assert_eq!(g.undirected_edges().len(), 3);
    /// ```
    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> Self {
        let mut arcs: Vec<(u32, u32)> =
            edges.iter().copied().filter(|&(a, b)| a != b && (a as usize) < n && (b as usize) < n).collect();
        arcs.sort_unstable();
        arcs.dedup();
        let mut pairs: Vec<(u32, u32)> = arcs.iter().map(|&(a, b)| if a < b { (a, b) } else { (b, a) }).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut directed = DiGraph::with_capacity(n, arcs.len());
        let mut undirected = UnGraph::with_capacity(n, pairs.len());
        for i in 0..n {
            directed.add_node(i);
            undirected.add_node(i);
        }
        for &(a, b) in &arcs {
            directed.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), Level::Collaborate);
        }
        for &(a, b) in &pairs {
            undirected.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), Level::Collaborate);
        }
        let reversed: Vec<(u32, u32)> = arcs.iter().map(|&(a, b)| (b, a)).collect();
        PartnerGraph {
            csr: Csr::from_edges(n, &pairs, true),
            out_csr: Csr::from_edges(n, &arcs, false),
            in_csr: Csr::from_edges(n, &reversed, false),
            edges: pairs,
            directed,
            undirected,
        }
    }

    /// The number of partners (nodes).
    pub fn len(&self) -> usize {
        self.csr.len()
    }

    /// Whether there are no partners.
    pub fn is_empty(&self) -> bool {
        self.csr.is_empty()
    }

    /// The undirected edges `(a, b)` with `a < b`, sorted.
    pub fn undirected_edges(&self) -> &[(u32, u32)] {
        &self.edges
    }

    /// The undirected view as CSR.
    pub fn csr(&self) -> &Csr {
        &self.csr
    }

    /// Directed arcs out of each node, as CSR.
    pub fn out_csr(&self) -> &Csr {
        &self.out_csr
    }

    /// Directed arcs into each node, as CSR.
    pub fn in_csr(&self) -> &Csr {
        &self.in_csr
    }
}

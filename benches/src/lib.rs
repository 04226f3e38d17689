//! Shared inputs of convener's benchmarks and of the comparison with peer libraries: the
//! seeded graphs, the edge-list files every library reads, and the sizes a run uses.
//!
//! The graphs come from [`graphs`] (Erdős–Rényi and Barabási–Albert, mean degree 10), so
//! the criterion benches, `convener-compare` and the Python libraries of `compare/` all
//! work on the very same edges.

use std::fmt::Write as _;

use convener::network::PartnerGraph;

pub mod graphs;

/// The mean degree of every benchmark graph (a speed target).
pub const MEAN_DEGREE: usize = 10;

/// The seed of every benchmark graph.
pub const SEED: u64 = 7;

/// A random graph model of the benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    /// Erdős–Rényi G(n, p) with p = 10/(n − 1).
    ErdosRenyi,
    /// Barabási–Albert with 5 edges per new node (mean degree ≈ 10).
    BarabasiAlbert,
}

impl Model {
    /// Both models, Erdős–Rényi first.
    pub const ALL: [Model; 2] = [Model::ErdosRenyi, Model::BarabasiAlbert];

    /// The short name used in file names and tables: `er` or `ba`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(convener_benches::Model::BarabasiAlbert.short(), "ba");
    /// ```
    pub fn short(self) -> &'static str {
        match self {
            Model::ErdosRenyi => "er",
            Model::BarabasiAlbert => "ba",
        }
    }

    /// The undirected edges `(a, b)` of the model's graph on `n` nodes (seed [`SEED`]).
    ///
    /// # Example
    /// ```
    /// use convener_benches::Model;
    /// let e = Model::BarabasiAlbert.edges(100);
    /// assert_eq!(e.len(), 5 * (100 - 5));
    /// assert_eq!(e, Model::BarabasiAlbert.edges(100));
    /// ```
    pub fn edges(self, n: usize) -> Vec<(u32, u32)> {
        match self {
            Model::ErdosRenyi => graphs::erdos_renyi(n, MEAN_DEGREE as f64, SEED),
            Model::BarabasiAlbert => graphs::barabasi_albert(n, MEAN_DEGREE / 2, SEED),
        }
    }

    /// The model's graph on `n` nodes as the core builds it.
    ///
    /// # Example
    /// ```
    /// use convener_benches::Model;
    /// assert_eq!(Model::ErdosRenyi.graph(1000).len(), 1000);
    /// ```
    pub fn graph(self, n: usize) -> PartnerGraph {
        PartnerGraph::from_edges(n, &self.edges(n))
    }
}

/// Whether this bench binary was started by `cargo bench` (which passes `--bench`) rather
/// than by `cargo test --all-targets`, which runs each bench once as a smoke test: then the
/// benches use their smallest sizes only, so the test suite stays fast.
pub fn full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The sizes of a bench: all of `sizes` under `cargo bench`, only the first under
/// `cargo test`.
///
/// # Example
/// ```
/// // Doc tests are not started with --bench.
/// assert_eq!(convener_benches::sizes(&[100, 1000]), vec![100]);
/// ```
pub fn sizes(sizes: &[usize]) -> Vec<usize> {
    if full_run() { sizes.to_vec() } else { sizes.iter().take(1).copied().collect() }
}

/// `full` under `cargo bench`, `smoke` under `cargo test` (see [`full_run`]).
///
/// # Example
/// ```
/// assert_eq!(convener_benches::pick(300, 30), 30);
/// ```
pub fn pick<T>(full: T, smoke: T) -> T {
    if full_run() { full } else { smoke }
}

/// The text of an edge-list file: a first line `n m`, then one line `a b` per undirected
/// edge, nodes numbered from 0.
///
/// # Example
/// ```
/// use convener_benches::{edge_list_text, parse_edge_list};
/// let text = edge_list_text(3, &[(1, 0), (2, 1)]);
/// assert_eq!(text, "3 2\n1 0\n2 1\n");
/// assert_eq!(parse_edge_list(&text).unwrap(), (3, vec![(1, 0), (2, 1)]));
/// ```
pub fn edge_list_text(n: usize, edges: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(edges.len() * 14 + 24);
    let _ = writeln!(out, "{n} {}", edges.len());
    for &(a, b) in edges {
        let _ = writeln!(out, "{a} {b}");
    }
    out
}

/// Reads an edge-list file written by [`edge_list_text`]: the number of nodes and the
/// edges. An error in words when the text is not such a file.
///
/// # Example
/// ```
/// use convener_benches::parse_edge_list;
/// assert!(parse_edge_list("2 1\n0 5\n").is_err()); // node 5 of 2
/// assert!(parse_edge_list("2 2\n0 1\n").is_err()); // 1 edge, 2 announced
/// ```
pub fn parse_edge_list(text: &str) -> Result<(usize, Vec<(u32, u32)>), String> {
    let mut lines = text.lines();
    let head = lines.next().ok_or("empty edge list")?;
    let mut head = head.split_ascii_whitespace().map(str::parse::<usize>);
    let (Some(Ok(n)), Some(Ok(m)), None) = (head.next(), head.next(), head.next()) else {
        return Err("the first line must be `nodes edges`".into());
    };
    let mut edges = Vec::with_capacity(m);
    for (i, line) in lines.enumerate() {
        let mut it = line.split_ascii_whitespace().map(str::parse::<u32>);
        match (it.next(), it.next(), it.next()) {
            (Some(Ok(a)), Some(Ok(b)), None) if (a as usize) < n && (b as usize) < n => edges.push((a, b)),
            _ => return Err(format!("line {}: expected two node numbers below {n}", i + 2)),
        }
    }
    if edges.len() != m {
        return Err(format!("{} edges, the first line says {m}", edges.len()));
    }
    Ok((n, edges))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_have_mean_degree_ten() {
        for model in Model::ALL {
            let n = 20_000;
            let mean = 2.0 * model.edges(n).len() as f64 / n as f64;
            assert!((mean - 10.0).abs() < 0.2, "{model:?}: {mean}");
        }
    }

    #[test]
    fn edge_lists_round_trip() {
        let edges = Model::ErdosRenyi.edges(500);
        let text = edge_list_text(500, &edges);
        assert_eq!(parse_edge_list(&text).unwrap(), (500, edges));
        assert!(parse_edge_list("").is_err());
        assert!(parse_edge_list("3\n").is_err());
        assert!(parse_edge_list("3 1\n0 x\n").is_err());
    }
}

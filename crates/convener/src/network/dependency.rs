//! The partner dependency graph: who cannot deliver without whom (ties marked `depends`
//! or of kind `dependency`, from dependant to provider), its cycles, the partners many
//! rely on, and the cascade when a partner withdraws.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::graph::Csr;
use super::structure::strong_components;
use crate::model::{Id, Initiative};

/// The dependency arcs of an initiative, both ways, over partners in document order.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::dependency::DependencyGraph;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "cooperate", "depends": true},
///            {"from": "b", "to": "c", "level": "cooperate", "kinds": ["dependency"]}]}"#).unwrap();
/// // a needs b, b needs c: if c withdraws, b and then a lose their provider.
/// let g = DependencyGraph::new(&doc);
/// assert_eq!(g.cascade(&[2]), vec![0, 1]);
/// ```
#[derive(Debug, Clone)]
pub struct DependencyGraph {
    providers: Csr,
    dependants: Csr,
}

impl DependencyGraph {
    /// The dependency arcs of `doc`, at any level.
    pub fn new(doc: &Initiative) -> Self {
        let index = super::graph::partner_index(doc);
        let mut arcs: Vec<(u32, u32)> = doc
            .ties
            .iter()
            .filter(|t| t.is_dependency())
            .filter_map(|t| Some((*index.get(t.from.as_str())?, *index.get(t.to.as_str())?)))
            .filter(|(a, b)| a != b)
            .collect();
        arcs.sort_unstable();
        arcs.dedup();
        let reversed: Vec<(u32, u32)> = arcs.iter().map(|&(a, b)| (b, a)).collect();
        let n = doc.partners.len();
        DependencyGraph {
            providers: Csr::from_edges(n, &arcs, false),
            dependants: Csr::from_edges(n, &reversed, false),
        }
    }

    /// The number of dependency arcs.
    pub fn len(&self) -> usize {
        self.providers.arcs()
    }

    /// Whether there is no dependency.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The partners that transitively depend on any of `withdrawn` (not themselves), in
    /// document order: those that lose a provider, directly or down the chain.
    ///
    /// # Complexity
    /// O(n + arcs reached).
    pub fn cascade(&self, withdrawn: &[usize]) -> Vec<usize> {
        let n = self.dependants.len();
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = withdrawn.iter().copied().filter(|&v| v < n).collect();
        for &v in &stack {
            seen[v] = true;
        }
        let mut out = Vec::new();
        while let Some(v) = stack.pop() {
            for &d in self.dependants.neighbours(v) {
                let d = d as usize;
                if !seen[d] {
                    seen[d] = true;
                    out.push(d);
                    stack.push(d);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// One partner's place in the dependency graph.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PartnerDependency {
    /// The partner.
    pub partner: Id,
    /// Partners it depends on directly.
    pub providers: Vec<Id>,
    /// Partners that depend on it directly.
    pub direct_dependants: u64,
    /// Partners that depend on it directly or down a chain.
    pub transitive_dependants: u64,
    /// The longest chain of providers below it: 0 for a partner that depends on nobody;
    /// a cycle counts as one link.
    pub depth: u64,
}

/// The dependency graph, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DependencyReport {
    /// Dependency ties (dependant → provider), after removing repeats.
    pub dependencies: u64,
    /// Groups of partners that depend on each other in a circle, each in document order.
    pub cycles: Vec<Vec<Id>>,
    /// Partners involved in any dependency, in document order.
    pub partners: Vec<PartnerDependency>,
    /// The longest chain in the network.
    pub max_depth: u64,
}

/// The dependency report of `doc`.
///
/// Depth is the longest path in the graph of cycles folded into single nodes (the
/// condensation), so a circle of partners counts once.
///
/// # Complexity
/// O(n + d) for d dependency ties, plus one search per partner with dependants for the
/// transitive counts.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::dependency::dependency_report;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "cooperate", "depends": true},
///            {"from": "b", "to": "a", "level": "cooperate", "depends": true},
///            {"from": "c", "to": "a", "level": "cooperate", "depends": true}]}"#).unwrap();
/// let r = dependency_report(&doc);
/// assert_eq!(r.cycles.len(), 1);
/// assert_eq!(r.partners[0].transitive_dependants, 2); // b and c depend on a
/// assert_eq!(r.max_depth, 1);
/// ```
pub fn dependency_report(doc: &Initiative) -> DependencyReport {
    let g = DependencyGraph::new(doc);
    let n = doc.partners.len();
    let comp = strong_components(&g.providers);
    let k = comp.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (v, &c) in comp.iter().enumerate() {
        members[c as usize].push(v);
    }
    let cycles: Vec<Vec<Id>> = members
        .iter()
        .filter(|m| m.len() > 1)
        .map(|m| m.iter().map(|&v| doc.partners[v].id.clone()).collect())
        .collect();

    // Depth on the condensation: longest path to a sink, by memoised search.
    let mut depth = vec![u64::MAX; k];
    for start in 0..k {
        if depth[start] != u64::MAX {
            continue;
        }
        let mut stack = vec![(start, false)];
        while let Some((c, done)) = stack.pop() {
            if done {
                let mut d = 0;
                for &v in &members[c] {
                    for &p in g.providers.neighbours(v) {
                        let pc = comp[p as usize] as usize;
                        if pc != c {
                            d = d.max(depth[pc].saturating_add(1));
                        }
                    }
                }
                depth[c] = d;
                continue;
            }
            if depth[c] != u64::MAX {
                continue;
            }
            stack.push((c, true));
            for &v in &members[c] {
                for &p in g.providers.neighbours(v) {
                    let pc = comp[p as usize] as usize;
                    if pc != c && depth[pc] == u64::MAX {
                        stack.push((pc, false));
                    }
                }
            }
        }
    }

    let partners = (0..n)
        .filter(|&v| g.providers.degree(v) > 0 || g.dependants.degree(v) > 0)
        .map(|v| PartnerDependency {
            partner: doc.partners[v].id.clone(),
            providers: g.providers.neighbours(v).iter().map(|&p| doc.partners[p as usize].id.clone()).collect(),
            direct_dependants: g.dependants.degree(v) as u64,
            transitive_dependants: if g.dependants.degree(v) > 0 { g.cascade(&[v]).len() as u64 } else { 0 },
            depth: depth[comp[v] as usize],
        })
        .collect();
    DependencyReport {
        dependencies: g.len() as u64,
        cycles,
        partners,
        max_depth: depth.iter().copied().filter(|&d| d != u64::MAX).max().unwrap_or(0),
    }
}

/// Activities hit when `partners` are gone: those led by or involving one of them, and,
/// down the chain, the activities that depend on a hit one. Indices in document order.
pub fn activities_hit(doc: &Initiative, partners: &[usize]) -> Vec<usize> {
    ActivityLinks::new(doc).hit(doc, partners)
}

/// Who takes part in which activity, and which activities depend on which: built once to
/// answer [`activities_hit`] for many sets of partners.
pub(crate) struct ActivityLinks<'a> {
    /// A partner id to the activities it leads or takes part in.
    by_partner: HashMap<&'a str, Vec<u32>>,
    /// An activity to the activities that depend on it.
    dependants: Vec<Vec<u32>>,
}

impl<'a> ActivityLinks<'a> {
    pub(crate) fn new(doc: &'a Initiative) -> Self {
        let mut by_partner: HashMap<&'a str, Vec<u32>> = HashMap::new();
        // An id names the last activity that has it, as a map collected in document order.
        let index: HashMap<&str, usize> = doc.activities.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut dependants = vec![Vec::new(); doc.activities.len()];
        for (i, a) in doc.activities.iter().enumerate() {
            by_partner.entry(a.lead.as_str()).or_default().push(i as u32);
            for p in &a.partners {
                by_partner.entry(p.as_str()).or_default().push(i as u32);
            }
            for d in &a.depends_on {
                if let Some(&j) = index.get(d.as_str()) {
                    dependants[j].push(i as u32);
                }
            }
        }
        ActivityLinks { by_partner, dependants }
    }

    /// [`activities_hit`]: those led by or involving one of `partners`, and everything
    /// that depends on a hit one, down the chain.
    pub(crate) fn hit(&self, doc: &Initiative, partners: &[usize]) -> Vec<usize> {
        let mut hit = vec![false; self.dependants.len()];
        let mut stack: Vec<u32> = Vec::new();
        for &v in partners {
            for &i in self.by_partner.get(doc.partners[v].id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                if !hit[i as usize] {
                    hit[i as usize] = true;
                    stack.push(i);
                }
            }
        }
        while let Some(j) = stack.pop() {
            for &i in &self.dependants[j as usize] {
                if !hit[i as usize] {
                    hit[i as usize] = true;
                    stack.push(i);
                }
            }
        }
        (0..hit.len()).filter(|&i| hit[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn doc(ties: &str) -> Initiative {
        let text = format!(
            r#"{{"format": "convener/1", "initiative": {{"id": "x", "name": "X"}},
            "partners": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}, {{"id": "c", "name": "C"}}, {{"id": "d", "name": "D"}}],
            "ties": [{ties}],
            "activities": [{{"id": "w", "name": "W", "lead": "a"}}, {{"id": "v", "name": "V", "lead": "d", "partners": ["b"]}},
                           {{"id": "u", "name": "U", "lead": "d", "depends_on": ["w"]}}]}}"#
        );
        Initiative::from_json(&text).unwrap()
    }

    #[test]
    fn chain_depth_and_cascade() {
        let d = doc(r#"{"from": "a", "to": "b", "level": "cooperate", "depends": true},
                       {"from": "b", "to": "c", "level": "cooperate", "depends": true}"#);
        let r = dependency_report(&d);
        assert_eq!(r.max_depth, 2);
        assert_eq!(r.partners.iter().map(|p| p.depth).collect::<Vec<_>>(), vec![2, 1, 0]);
        assert_eq!(r.partners[2].transitive_dependants, 2);
        let g = DependencyGraph::new(&d);
        let cascade = g.cascade(&[2]);
        assert_eq!(cascade, vec![0, 1]);
        // c gone: a and b lose providers; activity w (led by a) and u (depends on w) and v
        // (b takes part) are hit.
        let mut gone = cascade.clone();
        gone.push(2);
        assert_eq!(activities_hit(&d, &gone), vec![0, 1, 2]);
    }

    #[test]
    fn cycles_count_once() {
        let d = doc(r#"{"from": "a", "to": "b", "level": "cooperate", "depends": true},
                       {"from": "b", "to": "a", "level": "cooperate", "depends": true},
                       {"from": "d", "to": "a", "level": "cooperate", "depends": true}"#);
        let r = dependency_report(&d);
        assert_eq!(r.cycles, vec![vec![Id::new("a").unwrap(), Id::new("b").unwrap()]]);
        let depth: BTreeMap<&str, u64> = r.partners.iter().map(|p| (p.partner.as_str(), p.depth)).collect();
        assert_eq!(depth["a"], 0);
        assert_eq!(depth["d"], 1);
        assert_eq!(r.partners[0].transitive_dependants, 2);
    }

    #[test]
    fn no_dependencies() {
        let d = doc("");
        let r = dependency_report(&d);
        assert_eq!((r.dependencies, r.max_depth, r.partners.len()), (0, 0, 0));
        assert!(DependencyGraph::new(&d).cascade(&[0]).is_empty());
    }
}

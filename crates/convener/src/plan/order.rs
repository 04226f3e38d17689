//! Activity dependencies: the order to start activities in, circles, the longest chain.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::model::Initiative;
use crate::network::Csr;

use super::{circles, index_of};

/// The dependency findings, as activity positions.
#[derive(Debug, Default)]
pub(super) struct ActivityOrder {
    /// Activities outside circles, dependencies first.
    pub order: Vec<usize>,
    /// Circles of activities.
    pub cycles: Vec<Vec<usize>>,
    /// The longest chain, first to last; empty without dependencies.
    pub longest_chain: Vec<usize>,
}

/// Orders the activities of `doc` by `depends_on`.
///
/// - **Order** (Kahn 1962, with a min-heap on document position): an activity comes
///   after everything it depends on, so the partnership knows what to secure first.
/// - **Cycles** (strongly connected components, and self-dependencies): activities
///   that wait on each other can never start; they are left out of the order and the
///   chain, and their links are ignored there.
/// - **Longest chain**: the longest path through the remaining dependencies, by
///   dynamic programming backwards along the order; a cut at its start stops everything
///   after it. Equal lengths: the earliest ids in document order, first to last.
///
/// # Complexity
/// O(n log n + m log m) for n activities and m dependencies.
pub(super) fn activity_order(doc: &Initiative) -> ActivityOrder {
    let n = doc.activities.len();
    let index = index_of(doc.activities.iter().map(|a| &a.id));
    // Arc b → a: b must come before a.
    let mut arcs: Vec<(u32, u32)> = Vec::new();
    for (a, act) in doc.activities.iter().enumerate() {
        for dep in &act.depends_on {
            if let Some(&b) = index.get(dep.as_str()) {
                arcs.push((b as u32, a as u32));
            }
        }
    }
    let cycles = circles(n, &arcs);
    let mut in_cycle = vec![false; n];
    for c in &cycles {
        for &v in c {
            in_cycle[v] = true;
        }
    }
    let mut dag: Vec<(u32, u32)> =
        arcs.into_iter().filter(|&(b, a)| !in_cycle[b as usize] && !in_cycle[a as usize]).collect();
    dag.sort_unstable();
    dag.dedup();
    let next = Csr::from_edges(n, &dag, false);

    let mut waiting = vec![0usize; n];
    for &(_, a) in &dag {
        waiting[a as usize] += 1;
    }
    let mut ready: BinaryHeap<Reverse<usize>> =
        (0..n).filter(|&v| !in_cycle[v] && waiting[v] == 0).map(Reverse).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse(v)) = ready.pop() {
        order.push(v);
        for &w in next.neighbours(v) {
            let w = w as usize;
            waiting[w] -= 1;
            if waiting[w] == 0 {
                ready.push(Reverse(w));
            }
        }
    }

    // Longest chain starting at each activity, and the earliest activity continuing it.
    let mut length = vec![0usize; n];
    let mut then = vec![usize::MAX; n];
    for &v in order.iter().rev() {
        length[v] = 1;
        for &w in next.neighbours(v) {
            let w = w as usize;
            if length[w] + 1 > length[v] {
                length[v] = length[w] + 1;
                then[v] = w;
            }
        }
    }
    let mut start = None;
    for v in 0..n {
        if length[v] >= 2 && start.is_none_or(|s: usize| length[v] > length[s]) {
            start = Some(v);
        }
    }
    let mut longest_chain = Vec::new();
    let mut at = start.unwrap_or(usize::MAX);
    while at != usize::MAX {
        longest_chain.push(at);
        at = then[at];
    }

    ActivityOrder { order, cycles, longest_chain }
}

//! Mutually reinforcing activities: do the teams working on one outcome coordinate?

use std::collections::BTreeMap;

use crate::model::{Initiative, Level};
use crate::network::{EdgeRule, PartnerGraph};

use super::index_of;

/// Pairs of activities on a shared outcome whose teams do not coordinate.
#[derive(Debug, Default)]
pub(super) struct Effort {
    /// `(outcome, a, b)` positions, a before b, by outcome then a then b.
    pub uncoordinated: Vec<(usize, usize, usize)>,
    /// Pairs checked: pairs of activities serving a common outcome, once per outcome.
    pub pairs: u64,
}

/// Finds the activities that work on one outcome without coordinating.
///
/// Kania and Kramer's mutually reinforcing activities: partners do different things,
/// but their plans fit together. Two activities serving the same outcome fit together
/// when their teams (lead plus `partners`) share a partner, or when any member of one
/// has a tie at `coordinate` or above with any member of the other, in either direction
/// (`coordinate` on the Tamarack spectrum is where partners align their plans;
/// `cooperate` is only helping where it suits both). Otherwise the work risks
/// duplication and gaps.
///
/// # Complexity
/// O(t log t) to build the partner graph (only when some outcome has two activities),
/// then, per outcome served by k activities, k² team comparisons of
/// O(|A|·|B|·log degree) each, memoised across outcomes.
pub(super) fn uncoordinated(doc: &Initiative) -> Effort {
    let outcome_index = index_of(doc.outcomes.iter().map(|o| &o.id));
    let mut serving: Vec<Vec<usize>> = vec![Vec::new(); doc.outcomes.len()];
    for (a, act) in doc.activities.iter().enumerate() {
        for o in &act.outcomes {
            if let Some(&o) = outcome_index.get(o.as_str()) {
                if serving[o].last() != Some(&a) {
                    serving[o].push(a);
                }
            }
        }
    }
    let mut effort = Effort::default();
    if serving.iter().all(|s| s.len() < 2) {
        return effort;
    }

    let graph = PartnerGraph::new(doc, &EdgeRule { min_level: Level::Coordinate, kinds: None });
    let partner_index = index_of(doc.partners.iter().map(|p| &p.id));
    // Each team as sorted ids (for partners in common) and sorted partner positions
    // (for ties).
    let teams: Vec<(Vec<&str>, Vec<usize>)> = doc
        .activities
        .iter()
        .map(|act| {
            let mut ids: Vec<&str> = std::iter::once(&act.lead).chain(&act.partners).map(|p| p.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            let at: Vec<usize> = ids.iter().filter_map(|p| partner_index.get(p).copied()).collect();
            (ids, at)
        })
        .collect();
    let csr = graph.csr();
    let coordinated = |a: usize, b: usize| -> bool {
        let (ids_a, at_a) = &teams[a];
        let (ids_b, at_b) = &teams[b];
        ids_a.iter().any(|p| ids_b.binary_search(p).is_ok())
            || at_a.iter().any(|&x| at_b.iter().any(|&y| csr.has_edge(x, y)))
    };

    let mut memo: BTreeMap<(usize, usize), bool> = BTreeMap::new();
    for (o, acts) in serving.iter().enumerate() {
        for (i, &a) in acts.iter().enumerate() {
            for &b in &acts[i + 1..] {
                effort.pairs += 1;
                let ok = *memo.entry((a, b)).or_insert_with(|| coordinated(a, b));
                if !ok {
                    effort.uncoordinated.push((o, a, b));
                }
            }
        }
    }
    effort
}

//! The theory of change: outcomes → goals, and what measures and serves each outcome.

use crate::model::Initiative;
use crate::network::Csr;

use super::{circles, index_of};

/// The theory-of-change findings, as positions in the document's lists.
#[derive(Debug, Default)]
pub(super) struct TheoryOfChange {
    /// Circles of outcomes (outcome positions).
    pub cycles: Vec<Vec<usize>>,
    /// Outcomes connected to nothing.
    pub orphan_outcomes: Vec<usize>,
    /// Outcomes from which no goal can be reached.
    pub dead_end_outcomes: Vec<usize>,
    /// Goals no outcome leads to (goal positions).
    pub unreached_goals: Vec<usize>,
    /// Outcomes no indicator measures.
    pub outcomes_without_indicator: Vec<usize>,
    /// Outcomes no activity serves.
    pub outcomes_without_activity: Vec<usize>,
    /// Indicators with empty `measures` (indicator positions).
    pub indicators_measuring_nothing: Vec<usize>,
}

/// A goal or an outcome, found by id in their shared namespace.
#[derive(Debug, Clone, Copy)]
enum Node {
    Goal(usize),
    Outcome(usize),
}

/// Checks the theory of change of `doc`.
///
/// - **Cycles**: outcomes that contribute to each other in a circle hide which change
///   comes first (strongly connected components of the outcome graph, and
///   self-references).
/// - **Orphans**: outcomes with no link of any kind — none out, none in from another
///   outcome, no activity, no indicator — were left out of the plan.
/// - **Dead ends**: outcomes from which no chain of `contributes_to` reaches a goal (a
///   search backwards from the goals), so their progress cannot be tied to the goals.
/// - **Unreached goals**: goals no outcome names, so nothing in the plan leads to them.
/// - **Unmeasured and unserved outcomes**: no indicator measures them / no activity
///   serves them, so nobody will know, or nobody is doing the work.
/// - **Indicators measuring nothing**: reporting effort that informs no outcome or goal.
///
/// # Complexity
/// O(n log n + m) for n goals, outcomes and indicators and m references.
pub(super) fn theory_of_change(doc: &Initiative) -> TheoryOfChange {
    let n_goals = doc.goals.len();
    let n = doc.outcomes.len();
    let goal_index = index_of(doc.goals.iter().map(|g| &g.id));
    let outcome_index = index_of(doc.outcomes.iter().map(|o| &o.id));
    // Goals and outcomes share one namespace; a goal wins should an id be both.
    let find = |id: &str| -> Option<Node> {
        goal_index.get(id).map(|&g| Node::Goal(g)).or_else(|| outcome_index.get(id).map(|&o| Node::Outcome(o)))
    };

    let mut arcs: Vec<(u32, u32)> = Vec::new();
    let mut leads_somewhere = vec![false; n];
    let mut named_by_other = vec![false; n];
    let mut reaches_goal = vec![false; n];
    let mut goal_named = vec![false; n_goals];
    for (i, o) in doc.outcomes.iter().enumerate() {
        for target in &o.contributes_to {
            match find(target.as_str()) {
                Some(Node::Goal(g)) => {
                    leads_somewhere[i] = true;
                    reaches_goal[i] = true;
                    goal_named[g] = true;
                }
                Some(Node::Outcome(j)) => {
                    leads_somewhere[i] = true;
                    if j != i {
                        named_by_other[j] = true;
                    }
                    arcs.push((i as u32, j as u32));
                }
                None => {}
            }
        }
    }

    let mut measured = vec![false; n];
    let mut indicators_measuring_nothing = Vec::new();
    for (k, ind) in doc.indicators.iter().enumerate() {
        if ind.measures.is_empty() {
            indicators_measuring_nothing.push(k);
        }
        for m in &ind.measures {
            if let Some(Node::Outcome(o)) = find(m.as_str()) {
                measured[o] = true;
            }
        }
    }
    let mut served = vec![false; n];
    for a in &doc.activities {
        for o in &a.outcomes {
            if let Some(&o) = outcome_index.get(o.as_str()) {
                served[o] = true;
            }
        }
    }

    // Search backwards from the outcomes that name a goal: whoever contributes to an
    // outcome that reaches a goal reaches it too.
    let mut back: Vec<(u32, u32)> = arcs.iter().filter(|(a, b)| a != b).map(|&(a, b)| (b, a)).collect();
    back.sort_unstable();
    back.dedup();
    let back = Csr::from_edges(n, &back, false);
    let mut stack: Vec<usize> = (0..n).filter(|&i| reaches_goal[i]).collect();
    while let Some(v) = stack.pop() {
        for &u in back.neighbours(v) {
            let u = u as usize;
            if !reaches_goal[u] {
                reaches_goal[u] = true;
                stack.push(u);
            }
        }
    }

    let outcomes_where = |f: &dyn Fn(usize) -> bool| (0..n).filter(|&i| f(i)).collect();
    TheoryOfChange {
        cycles: circles(n, &arcs),
        orphan_outcomes: outcomes_where(&|i| !leads_somewhere[i] && !named_by_other[i] && !served[i] && !measured[i]),
        dead_end_outcomes: outcomes_where(&|i| !reaches_goal[i]),
        unreached_goals: (0..n_goals).filter(|&g| !goal_named[g]).collect(),
        outcomes_without_indicator: outcomes_where(&|i| !measured[i]),
        outcomes_without_activity: outcomes_where(&|i| !served[i]),
        indicators_measuring_nothing,
    }
}

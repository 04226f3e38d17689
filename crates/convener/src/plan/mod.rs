//! The plan: the theory of change (activities → outcomes → goals) and mutually
//! reinforcing activities.
//!
//! [`analyze`] reads the goals, outcomes, activities and indicators of an initiative and
//! checks that they hang together as a plan:
//!
//! | finding | what it checks |
//! |---|---|
//! | `cycles` | outcomes that contribute to each other in a circle |
//! | `orphan_outcomes` | outcomes connected to nothing at all |
//! | `dead_end_outcomes` | outcomes whose chain never reaches a goal |
//! | `unreached_goals` | goals no outcome leads to |
//! | `outcomes_without_indicator`, `outcomes_without_activity` | outcomes nobody measures / nobody works on |
//! | `indicators_measuring_nothing` | indicators that measure no outcome or goal |
//! | `activity_order`, `activity_cycles`, `longest_chain` | the order activities must start in, circles of dependencies, the longest chain |
//! | `uncoordinated_effort` | activities on one outcome whose teams share no tie at `coordinate` or above |
//! | `funding_risks` | funding that ends before the outcome is due, before a dependant's, or a lead whose dated funding runs out |
//!
//! Ids that name nothing in the document (which a document read through
//! [`Initiative::from_json`] cannot have) are ignored everywhere. Every list is in
//! document order; the same document always gives the same report.

mod effort;
mod funding;
mod order;
mod results;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Date, Id, Initiative, Options, Period};
use crate::network::{Csr, structure::strong_components};

/// How many goals, outcomes, activities and indicators the plan has.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [], "goals": [{"id": "g", "statement": "Children are safe"}]}"#).unwrap();
/// let counts = convener::plan::analyze(&doc, &Options::default()).results;
/// assert_eq!((counts.goals, counts.outcomes, counts.activities, counts.indicators), (1, 0, 0, 0));
/// ```
#[derive(Serialize, JsonSchema, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanCounts {
    /// Goals.
    pub goals: u64,
    /// Outcomes.
    pub outcomes: u64,
    /// Activities.
    pub activities: u64,
    /// Indicators.
    pub indicators: u64,
}

/// Two activities that serve the same outcome while their teams do not coordinate.
///
/// An activity's team is its lead and its `partners`. Two teams coordinate when they
/// have a partner in common, or when any member of one reported a tie at `coordinate` or
/// above with any member of the other, in either direction.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "cooperate"}],
///   "outcomes": [{"id": "o", "statement": "Families get help early", "level": "short"}],
///   "activities": [{"id": "hub", "name": "Hub", "lead": "a", "outcomes": ["o"]},
///                  {"id": "visits", "name": "Home visits", "lead": "b", "outcomes": ["o"]}]}"#).unwrap();
/// // a ── b at `cooperate` only: helping each other, not aligning their work.
/// let report = convener::plan::analyze(&doc, &Options::default());
/// let pair = &report.uncoordinated_effort[0];
/// assert_eq!(pair.outcome.as_str(), "o");
/// assert_eq!([pair.activities[0].as_str(), pair.activities[1].as_str()], ["hub", "visits"]);
/// ```
#[derive(Serialize, JsonSchema, Debug, Clone, PartialEq)]
pub struct UncoordinatedEffort {
    /// The outcome both activities serve.
    pub outcome: Id,
    /// The two activities, in document order.
    pub activities: [Id; 2],
}

/// The kind of a [`FundingRisk`], written in snake_case.
///
/// # Example
/// ```
/// use convener::plan::FundingRiskKind;
/// assert_eq!(serde_json::to_string(&FundingRiskKind::DependencyEndsFirst).unwrap(), "\"dependency_ends_first\"");
/// assert_eq!(FundingRiskKind::LeadFundingEnds.as_str(), "lead_funding_ends");
/// ```
#[derive(Serialize, JsonSchema, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum FundingRiskKind {
    /// An activity's funding ends before an outcome it serves is due.
    ActivityEndsBeforeOutcome,
    /// An activity depends on one whose funding ends first.
    DependencyEndsFirst,
    /// An activity's lead has dated funding that all ends before the activity needs it.
    LeadFundingEnds,
}

impl FundingRiskKind {
    /// The name as written in JSON.
    ///
    /// # Example
    /// ```
    /// use convener::plan::FundingRiskKind;
    /// assert_eq!(FundingRiskKind::ActivityEndsBeforeOutcome.as_str(), "activity_ends_before_outcome");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FundingRiskKind::ActivityEndsBeforeOutcome => "activity_ends_before_outcome",
            FundingRiskKind::DependencyEndsFirst => "dependency_ends_first",
            FundingRiskKind::LeadFundingEnds => "lead_funding_ends",
        }
    }
}

/// A funding-cycle risk: money that runs out before the work it pays for is done.
///
/// Written as a JSON object whose `kind` names the risk (see [`FundingRiskKind`]),
/// followed by the fields of that kind. A date that is not recorded is never assumed:
/// an activity without `funded_until`, an outcome without `by` or a partner funding
/// source without `ends` gives no risk of the kinds that need it.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// use convener::plan::{FundingRisk, FundingRiskKind};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}],
///   "outcomes": [{"id": "o", "statement": "Families claim what they are owed", "level": "short", "by": "2025-Q4"}],
///   "activities": [{"id": "advice", "name": "Money advice", "lead": "a", "outcomes": ["o"], "funded_until": "2025-09-30"}]}"#).unwrap();
/// let risk = &convener::plan::analyze(&doc, &Options::default()).funding_risks[0];
/// assert_eq!(risk.kind(), FundingRiskKind::ActivityEndsBeforeOutcome);
/// assert_eq!(risk.activity().as_str(), "advice");
/// let json = serde_json::to_string(risk).unwrap();
/// assert!(json.starts_with(r#"{"kind":"activity_ends_before_outcome","activity":"advice""#));
/// ```
#[derive(Serialize, JsonSchema, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FundingRisk {
    /// The activity is funded until a day before the last day of the `by` period of an
    /// outcome it serves: the work stops before the change it is meant to bring is due.
    ActivityEndsBeforeOutcome {
        /// The activity.
        activity: Id,
        /// The outcome it serves.
        outcome: Id,
        /// When the activity's funding ends.
        funded_until: Date,
        /// When the outcome is due (compared as the period's last day).
        outcome_by: Period,
    },
    /// The activity depends on another whose funding ends first: for the months between,
    /// it stands on work that is no longer paid for.
    DependencyEndsFirst {
        /// The dependant activity.
        activity: Id,
        /// The activity it depends on.
        depends_on: Id,
        /// When the dependant's funding ends.
        funded_until: Date,
        /// When the funding of the activity it depends on ends (earlier).
        depends_on_funded_until: Date,
    },
    /// Every funding source of the activity's lead that has an end date ends before the
    /// activity needs its lead: before the activity's `funded_until` or before the `by`
    /// of an outcome it serves, whichever is later.
    LeadFundingEnds {
        /// The lead partner.
        partner: Id,
        /// The activity it leads.
        activity: Id,
        /// When the last of its dated funding sources ends.
        ends: Date,
        /// The day the activity needs its lead until: the later of its `funded_until`
        /// and the last day of its outcomes' `by` periods.
        needed_until: Date,
    },
}

impl FundingRisk {
    /// The kind of risk.
    ///
    /// # Example
    /// ```
    /// use convener::plan::{FundingRisk, FundingRiskKind};
    /// let risk = FundingRisk::LeadFundingEnds { partner: "p".parse().unwrap(), activity: "a".parse().unwrap(),
    ///     ends: "2025-03-31".parse().unwrap(), needed_until: "2026-03-31".parse().unwrap() };
    /// assert_eq!(risk.kind(), FundingRiskKind::LeadFundingEnds);
    /// ```
    pub fn kind(&self) -> FundingRiskKind {
        match self {
            FundingRisk::ActivityEndsBeforeOutcome { .. } => FundingRiskKind::ActivityEndsBeforeOutcome,
            FundingRisk::DependencyEndsFirst { .. } => FundingRiskKind::DependencyEndsFirst,
            FundingRisk::LeadFundingEnds { .. } => FundingRiskKind::LeadFundingEnds,
        }
    }

    /// The activity at risk.
    ///
    /// # Example
    /// ```
    /// use convener::plan::FundingRisk;
    /// let risk = FundingRisk::DependencyEndsFirst { activity: "links".parse().unwrap(),
    ///     depends_on: "hubs".parse().unwrap(), funded_until: "2026-06-30".parse().unwrap(),
    ///     depends_on_funded_until: "2026-03-31".parse().unwrap() };
    /// assert_eq!(risk.activity().as_str(), "links");
    /// ```
    pub fn activity(&self) -> &Id {
        match self {
            FundingRisk::ActivityEndsBeforeOutcome { activity, .. }
            | FundingRisk::DependencyEndsFirst { activity, .. }
            | FundingRisk::LeadFundingEnds { activity, .. } => activity,
        }
    }
}

/// The plan of an initiative, checked: its theory of change, the order and dependencies
/// of its activities, where effort on one outcome is not coordinated, and where funding
/// ends too soon. Every list is in document order.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}],
///   "goals": [{"id": "g", "statement": "Children are safe at home"}, {"id": "g2", "statement": "No child is poor"}],
///   "outcomes": [{"id": "o", "statement": "Families get help early", "level": "short", "contributes_to": ["g"]}],
///   "activities": [{"id": "hub", "name": "Family hub", "lead": "a", "outcomes": ["o"]}]}"#).unwrap();
/// //  hub → o → g        g2 (nothing leads to it)
/// let report = convener::plan::analyze(&doc, &Options::default());
/// assert_eq!(report.unreached_goals[0].as_str(), "g2");
/// assert_eq!(report.outcomes_without_indicator[0].as_str(), "o");
/// assert!(report.outcomes_without_activity.is_empty());
/// ```
#[derive(Serialize, JsonSchema, Debug, Clone, PartialEq)]
pub struct PlanReport {
    /// How many goals, outcomes, activities and indicators the plan has.
    pub results: PlanCounts,
    /// Outcomes that contribute to each other in a circle (through `contributes_to`),
    /// each circle listed as its members in document order: every strongly connected
    /// group of two or more outcomes, and every outcome that contributes to itself.
    /// A circle in a theory of change hides which change comes first, so nobody can say
    /// what to expect when.
    pub cycles: Vec<Vec<Id>>,
    /// Orphan outcomes: outcomes connected to nothing in the plan. An outcome is an
    /// orphan when its `contributes_to` names no goal or outcome, no other outcome names
    /// it in `contributes_to`, no activity serves it and no indicator measures it. It was
    /// written down and then left out of the plan: drop it, or connect it.
    pub orphan_outcomes: Vec<Id>,
    /// Dead-end outcomes: outcomes from which no chain of `contributes_to` reaches a
    /// goal, including orphans and outcomes that only lead into a circle with no way
    /// out. Work on them cannot be shown to move the partnership's goals.
    pub dead_end_outcomes: Vec<Id>,
    /// Goals no outcome leads to, directly or through other outcomes (equivalently: no
    /// outcome names them in `contributes_to`). The partnership has a goal but no theory
    /// of how to get there.
    pub unreached_goals: Vec<Id>,
    /// Outcomes no indicator measures (no indicator names them in `measures`). Without a
    /// shared indicator nobody will know whether the change happened.
    pub outcomes_without_indicator: Vec<Id>,
    /// Outcomes no activity serves (no activity names them in `outcomes`). Work towards
    /// longer-term outcomes usually flows through earlier ones, but an outcome nobody
    /// works on directly is often one that everybody assumes someone else owns.
    pub outcomes_without_activity: Vec<Id>,
    /// Indicators whose `measures` is empty: partners spend effort reporting them, but
    /// they tell the partnership nothing about its outcomes or goals.
    pub indicators_measuring_nothing: Vec<Id>,
    /// The activities in an order they can be started in: every activity after the
    /// activities it `depends_on`, ties broken by document order (Kahn's algorithm,
    /// always taking the earliest ready activity). Activities in `activity_cycles` are
    /// left out, and their links ignored; activities that depend on them are kept. It is
    /// the order in which to secure, fund and launch the work.
    pub activity_order: Vec<Id>,
    /// Activities that depend on each other in a circle (through `depends_on`), each
    /// listed as its members in document order: every strongly connected group of two or
    /// more activities, and every activity that depends on itself. None of them can start
    /// first, so the plan must say which really comes first.
    pub activity_cycles: Vec<Vec<Id>>,
    /// The longest chain of dependencies among the activities outside `activity_cycles`,
    /// first (the one everything else stands on) to last. Among chains of equal length,
    /// the one whose ids come earliest in document order, compared first to last. Empty
    /// when no activity depends on another. A long chain is fragile: a delay or cut at
    /// its start reaches every activity after it.
    pub longest_chain: Vec<Id>,
    /// For every outcome served by two or more activities (in document order), each
    /// pair of those activities whose teams do not coordinate (see
    /// [`UncoordinatedEffort`]): no partner in common and no tie at `coordinate` or
    /// above between any member of one and any member of the other. Mutually
    /// reinforcing activities need aligned plans; uncoordinated teams on one outcome
    /// duplicate work or pull in different directions.
    pub uncoordinated_effort: Vec<UncoordinatedEffort>,
    /// Funding that ends before the work it pays for is done (see [`FundingRisk`]),
    /// ordered by activity (document order), then by kind in the order of
    /// [`FundingRiskKind`], then by outcome or dependency in document order.
    pub funding_risks: Vec<FundingRisk>,
    /// Extra: activities whose `outcomes` is empty. Effort that the theory of change
    /// does not account for.
    pub activities_serving_nothing: Vec<Id>,
    /// Extra summary number: the pairs of activities that serve a common outcome,
    /// counted once per outcome they share — the pairs `uncoordinated_effort` was
    /// checked over, so `uncoordinated_effort.len() / effort_pairs` is the share of
    /// uncoordinated effort.
    pub effort_pairs: u64,
    /// Extra summary number: activities with no `funded_until`. Their funding could not
    /// be checked for the first two kinds of funding risk.
    pub activities_without_funded_until: u64,
}

/// Checks the plan of `doc`: its theory of change (outcomes → goals), the dependencies
/// between its activities, coordination between the teams working on one outcome, and
/// funding that ends too soon. `options` is not used: coordination is judged at
/// `coordinate` or above whatever the network's `min_level`.
///
/// # Complexity
/// O(n log n + m) for n goals, outcomes, activities, indicators and partners and m
/// links between them, plus, per outcome served by k activities, k² comparisons of two
/// teams.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}],
///   "activities": [{"id": "train", "name": "Training", "lead": "a"},
///                  {"id": "meet", "name": "Team meetings", "lead": "a", "depends_on": ["train"]},
///                  {"id": "support", "name": "Family support", "lead": "a", "depends_on": ["meet"]}]}"#).unwrap();
/// // train → meet → support
/// let report = convener::plan::analyze(&doc, &Options::default());
/// let chain: Vec<&str> = report.longest_chain.iter().map(|id| id.as_str()).collect();
/// assert_eq!(chain, ["train", "meet", "support"]);
/// ```
pub fn analyze(doc: &Initiative, options: &Options) -> PlanReport {
    let _ = options; // the plan needs no settings; the parameter keeps every analysis alike
    let ids = |list: &[usize], of: &dyn Fn(usize) -> Id| list.iter().map(|&i| of(i)).collect();
    let outcome = |i: usize| doc.outcomes[i].id.clone();
    let goal = |i: usize| doc.goals[i].id.clone();
    let activity = |i: usize| doc.activities[i].id.clone();
    let indicator = |i: usize| doc.indicators[i].id.clone();

    let toc = results::theory_of_change(doc);
    let deps = order::activity_order(doc);
    let effort = effort::uncoordinated(doc);
    PlanReport {
        results: PlanCounts {
            goals: doc.goals.len() as u64,
            outcomes: doc.outcomes.len() as u64,
            activities: doc.activities.len() as u64,
            indicators: doc.indicators.len() as u64,
        },
        cycles: toc.cycles.iter().map(|c| ids(c, &outcome)).collect(),
        orphan_outcomes: ids(&toc.orphan_outcomes, &outcome),
        dead_end_outcomes: ids(&toc.dead_end_outcomes, &outcome),
        unreached_goals: ids(&toc.unreached_goals, &goal),
        outcomes_without_indicator: ids(&toc.outcomes_without_indicator, &outcome),
        outcomes_without_activity: ids(&toc.outcomes_without_activity, &outcome),
        indicators_measuring_nothing: ids(&toc.indicators_measuring_nothing, &indicator),
        activity_order: ids(&deps.order, &activity),
        activity_cycles: deps.cycles.iter().map(|c| ids(c, &activity)).collect(),
        longest_chain: ids(&deps.longest_chain, &activity),
        uncoordinated_effort: effort
            .uncoordinated
            .iter()
            .map(|&(o, a, b)| UncoordinatedEffort { outcome: outcome(o), activities: [activity(a), activity(b)] })
            .collect(),
        funding_risks: funding::funding_risks(doc),
        activities_serving_nothing: doc
            .activities
            .iter()
            .filter(|a| a.outcomes.is_empty())
            .map(|a| a.id.clone())
            .collect(),
        effort_pairs: effort.pairs,
        activities_without_funded_until: doc.activities.iter().filter(|a| a.funded_until.is_none()).count() as u64,
    }
}

/// Maps each id to its position in `ids` (the first, should an id repeat).
fn index_of<'a>(ids: impl Iterator<Item = &'a Id>) -> BTreeMap<&'a str, usize> {
    let mut map = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.as_str()).or_insert(i);
    }
    map
}

/// The circles of a directed graph on `n` nodes with `arcs` (repeats and self-loops
/// allowed): every strongly connected component of two or more nodes, and every node
/// with an arc to itself, each as its nodes ascending, ordered by first node.
///
/// # Complexity
/// O(n + m log m).
fn circles(n: usize, arcs: &[(u32, u32)]) -> Vec<Vec<usize>> {
    let mut simple: Vec<(u32, u32)> = arcs.iter().copied().filter(|(a, b)| a != b).collect();
    simple.sort_unstable();
    simple.dedup();
    let label = strong_components(&Csr::from_edges(n, &simple, false));
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (v, &l) in label.iter().enumerate() {
        let l = l as usize;
        if members.len() <= l {
            members.resize_with(l + 1, Vec::new);
        }
        members[l].push(v);
    }
    let mut looped = vec![false; n];
    for &(a, b) in arcs {
        if a == b {
            looped[a as usize] = true;
        }
    }
    // Labels are numbered by each component's first node, so the components come out
    // ordered by first node already.
    members.into_iter().filter(|m| m.len() > 1 || m.first().is_some_and(|&v| looped[v])).collect()
}

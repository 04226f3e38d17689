//! Findings on mutually reinforcing activities: unserved outcomes, uncoordinated teams, funding cliffs.

use super::{Out, Sources, joined};
use crate::codes::FindingCode;
use crate::model::Id;
use crate::plan::FundingRisk;

/// `plan.outcome_unserved`, then `plan.uncoordinated_effort` for each pair.
pub(super) fn activities(s: &Sources, out: &mut Out) {
    let unserved = &s.plan.outcomes_without_activity;
    if !unserved.is_empty() {
        out.add(
            FindingCode::PlanOutcomeUnserved,
            format!("No activity serves: {}.", joined(unserved, ", ")),
            unserved.clone(),
            &[],
        );
    }
    for u in &s.plan.uncoordinated_effort {
        out.add(
            FindingCode::PlanUncoordinatedEffort,
            format!(
                "'{}' and '{}' both serve '{}' but their teams do not coordinate.",
                u.activities[0], u.activities[1], u.outcome
            ),
            vec![u.activities[0].clone(), u.activities[1].clone(), u.outcome.clone()],
            &[],
        );
    }
}

/// `plan.funding_cliff`, one for each funding risk of the plan.
pub(super) fn funding_cliffs(s: &Sources, out: &mut Out) {
    for r in &s.plan.funding_risks {
        let (message, subjects) = cliff(r);
        out.add(FindingCode::PlanFundingCliff, message, subjects, &[]);
    }
}

/// What a funding risk says, and whom it is about.
fn cliff(r: &FundingRisk) -> (String, Vec<Id>) {
    match r {
        FundingRisk::ActivityEndsBeforeOutcome { activity, outcome, funded_until, outcome_by } => (
            format!("'{activity}' is funded until {funded_until}, before '{outcome}' is due ({outcome_by})."),
            vec![activity.clone(), outcome.clone()],
        ),
        FundingRisk::DependencyEndsFirst { activity, depends_on, depends_on_funded_until, .. } => (
            format!("'{activity}' depends on '{depends_on}', whose funding ends first ({depends_on_funded_until})."),
            vec![activity.clone(), depends_on.clone()],
        ),
        FundingRisk::LeadFundingEnds { partner, activity, ends, .. } => (
            format!("The funding of '{partner}', which leads '{activity}', ends {ends}."),
            vec![partner.clone(), activity.clone()],
        ),
    }
}

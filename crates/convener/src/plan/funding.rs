//! Funding-cycle risks: money that ends before the outcome, the dependant or the need.

use crate::model::Initiative;

use super::{FundingRisk, index_of};

/// Finds the funding risks of `doc`, by activity in document order, then by kind, then
/// by outcome or dependency in document order.
///
/// Short funding cycles are the commonest way collective-impact work stops before it
/// shows results. Three checks, each needing the dates it compares (a missing date is
/// unknown, never assumed):
///
/// 1. **`activity_ends_before_outcome`** — the activity's `funded_until` is before the
///    last day of the `by` period of an outcome it serves (the same day is not a risk):
///    the work stops before the change is due.
/// 2. **`dependency_ends_first`** — the activity depends on another whose `funded_until`
///    is earlier than its own: it will lose what it stands on while still funded.
/// 3. **`lead_funding_ends`** — the activity's lead has funding sources with an `ends`
///    date and every one of them ends before the activity needs its lead: the later of
///    the activity's `funded_until` and the last day of the `by` periods of the outcomes
///    it serves. A lead with any source without an end date (ongoing money) gives no
///    risk, nor does one with no dated source.
///
/// # Complexity
/// O(a·(o + d) + f) for a activities each serving o outcomes and depending on d others,
/// and f funding sources of leads.
pub(super) fn funding_risks(doc: &Initiative) -> Vec<FundingRisk> {
    let outcome_index = index_of(doc.outcomes.iter().map(|o| &o.id));
    let activity_index = index_of(doc.activities.iter().map(|a| &a.id));
    let partner_index = index_of(doc.partners.iter().map(|p| &p.id));
    let mut risks = Vec::new();
    for (a, act) in doc.activities.iter().enumerate() {
        let mut outcomes: Vec<usize> =
            act.outcomes.iter().filter_map(|o| outcome_index.get(o.as_str()).copied()).collect();
        outcomes.sort_unstable();
        outcomes.dedup();

        if let Some(until) = act.funded_until {
            for &o in &outcomes {
                let outcome = &doc.outcomes[o];
                if let Some(by) = outcome.by {
                    if until < by.last_day() {
                        risks.push(FundingRisk::ActivityEndsBeforeOutcome {
                            activity: act.id.clone(),
                            outcome: outcome.id.clone(),
                            funded_until: until,
                            outcome_by: by,
                        });
                    }
                }
            }

            let mut deps: Vec<usize> = act
                .depends_on
                .iter()
                .filter_map(|d| activity_index.get(d.as_str()).copied())
                .filter(|&d| d != a)
                .collect();
            deps.sort_unstable();
            deps.dedup();
            for d in deps {
                let dep = &doc.activities[d];
                if let Some(dep_until) = dep.funded_until {
                    if dep_until < until {
                        risks.push(FundingRisk::DependencyEndsFirst {
                            activity: act.id.clone(),
                            depends_on: dep.id.clone(),
                            funded_until: until,
                            depends_on_funded_until: dep_until,
                        });
                    }
                }
            }
        }

        let needed_until =
            outcomes.iter().filter_map(|&o| doc.outcomes[o].by.map(|by| by.last_day())).chain(act.funded_until).max();
        let lead = partner_index.get(act.lead.as_str()).map(|&p| &doc.partners[p]);
        if let (Some(needed_until), Some(lead)) = (needed_until, lead) {
            let ongoing = lead.funding.iter().any(|f| f.ends.is_none());
            let ends = lead.funding.iter().filter_map(|f| f.ends).max().filter(|_| !ongoing);
            if let Some(ends) = ends {
                if ends < needed_until {
                    risks.push(FundingRisk::LeadFundingEnds {
                        partner: lead.id.clone(),
                        activity: act.id.clone(),
                        ends,
                        needed_until,
                    });
                }
            }
        }
    }
    risks
}

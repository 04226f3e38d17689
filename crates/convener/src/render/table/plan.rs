//! The plan as text for a terminal.

use std::fmt::Write;

use crate::model::Id;
use crate::plan::{FundingRisk, PlanReport};
use crate::render::words::ids as join;

/// Writes a list finding as `  label (n): a, b, c`, or remembers its name as clear.
fn list(out: &mut String, clear: &mut Vec<&'static str>, name: &'static str, label: &str, ids: &[Id]) {
    if ids.is_empty() {
        clear.push(name);
    } else {
        let _ = writeln!(out, "  {label} ({}): {}", ids.len(), join(ids, ", "));
    }
}

fn nothing_found(out: &mut String, clear: &[&str]) {
    if !clear.is_empty() {
        let _ = writeln!(out, "  none: {}", clear.join(", "));
    }
}

/// The plan report as plain text a coordinator reads in a terminal: the counts, then
/// each section (theory of change, activities, uncoordinated effort, funding risks)
/// with each finding and its subjects. Checks that found nothing are named on one
/// `none:` line per section.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}],
///   "goals": [{"id": "g", "statement": "Children are safe at home"}],
///   "outcomes": [{"id": "o", "statement": "Families get help early", "level": "short", "contributes_to": ["g"]}]}"#).unwrap();
/// let table = convener::render::table::plan(&convener::plan::analyze(&doc, &Options::default()));
/// assert!(table.starts_with("1 goals, 1 outcomes, 0 activities, 0 indicators"));
/// assert!(table.contains("outcomes no activity serves (1): o"));
/// ```
pub fn plan(report: &PlanReport) -> String {
    let mut out = String::new();
    let r = &report.results;
    let _ = writeln!(
        out,
        "{} goals, {} outcomes, {} activities, {} indicators",
        r.goals, r.outcomes, r.activities, r.indicators
    );

    let _ = writeln!(out, "\nTheory of change");
    let mut clear = Vec::new();
    if report.cycles.is_empty() {
        clear.push("cycles");
    }
    for c in &report.cycles {
        let _ = writeln!(out, "  outcomes contributing to each other in a circle: {}", join(c, ", "));
    }
    list(&mut out, &mut clear, "orphan outcomes", "orphan outcomes, linked to nothing", &report.orphan_outcomes);
    list(&mut out, &mut clear, "dead ends", "outcomes whose chain never reaches a goal", &report.dead_end_outcomes);
    list(&mut out, &mut clear, "unreached goals", "goals no outcome leads to", &report.unreached_goals);
    list(
        &mut out,
        &mut clear,
        "unmeasured outcomes",
        "outcomes no indicator measures",
        &report.outcomes_without_indicator,
    );
    list(&mut out, &mut clear, "unserved outcomes", "outcomes no activity serves", &report.outcomes_without_activity);
    list(
        &mut out,
        &mut clear,
        "indicators measuring nothing",
        "indicators measuring nothing",
        &report.indicators_measuring_nothing,
    );
    nothing_found(&mut out, &clear);

    let _ = writeln!(out, "\nActivities");
    let mut clear = Vec::new();
    if !report.activity_order.is_empty() {
        let _ = writeln!(out, "  order, dependencies first: {}", join(&report.activity_order, ", "));
    }
    if report.longest_chain.is_empty() {
        clear.push("dependencies");
    } else {
        let _ = writeln!(
            out,
            "  longest chain ({} activities): {}",
            report.longest_chain.len(),
            join(&report.longest_chain, " → ")
        );
    }
    if report.activity_cycles.is_empty() {
        clear.push("dependency cycles");
    }
    for c in &report.activity_cycles {
        let _ = writeln!(out, "  activities depending on each other in a circle: {}", join(c, ", "));
    }
    list(
        &mut out,
        &mut clear,
        "activities serving nothing",
        "activities serving no outcome",
        &report.activities_serving_nothing,
    );
    if report.activities_without_funded_until > 0 {
        let _ = writeln!(
            out,
            "  {} of {} activities have no funded_until date",
            report.activities_without_funded_until, r.activities
        );
    }
    nothing_found(&mut out, &clear);

    if report.effort_pairs == 0 {
        let _ = writeln!(out, "\nUncoordinated effort: none (no outcome is served by two activities)");
    } else {
        let _ = writeln!(
            out,
            "\nUncoordinated effort: {} of {} pairs of activities on a shared outcome",
            report.uncoordinated_effort.len(),
            report.effort_pairs
        );
    }
    if !report.uncoordinated_effort.is_empty() {
        let _ = writeln!(out, "  (no partner in common, no tie at coordinate or above between the teams)");
    }
    for u in &report.uncoordinated_effort {
        let _ = writeln!(out, "  {}: {} and {}", u.outcome, u.activities[0], u.activities[1]);
    }

    let _ = writeln!(out, "\nFunding risks: {}", report.funding_risks.len());
    for risk in &report.funding_risks {
        let _ = match risk {
            FundingRisk::ActivityEndsBeforeOutcome { activity, outcome, funded_until, outcome_by } => writeln!(
                out,
                "  {activity}: funded until {funded_until}, but serves {outcome}, due by {outcome_by} ({})",
                outcome_by.last_day()
            ),
            FundingRisk::DependencyEndsFirst { activity, depends_on, funded_until, depends_on_funded_until } => {
                writeln!(
                    out,
                    "  {activity}: funded until {funded_until}, but depends on {depends_on}, funded only until {depends_on_funded_until}"
                )
            }
            FundingRisk::LeadFundingEnds { partner, activity, ends, needed_until } => writeln!(
                out,
                "  {activity}: its lead {partner} has dated funding only until {ends}, needed until {needed_until}"
            ),
        };
    }
    out
}

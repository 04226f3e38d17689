//! Findings: what a coordinator should look at, each with a stable dotted code, a
//! severity, the partners or items concerned, the numbers behind it, and a next step.
//!
//! [`find`] reads as a list of named steps, one area of the partnership at a time; each
//! area's rules, with their thresholds as named constants, are in a file of their own.
//! Codes, severities, conditions and next steps come from [`FindingCode`].

mod agenda;
mod backbone;
mod communication;
mod funding;
mod measurement;
mod network;
mod survey;

use schemars::JsonSchema;
use serde::Serialize;

use crate::codes::FindingCode;
use crate::conditions::ConditionsReport;
use crate::measure::MeasureReport;
use crate::model::{Condition, Id, Initiative};
use crate::network::NetworkReport;
use crate::plan::PlanReport;

/// How many names a message lists before it says "and N more". convener's choice: a
/// finding's message stays one sentence a coordinator reads at a glance, and its
/// `subjects` list them all.
const NAMES_SHOWN: usize = 5;

/// How much a finding matters.
///
/// # Example
/// ```
/// use convener::findings::Severity;
/// assert!(Severity::Risk < Severity::Warning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The partnership could lose something it depends on: act now.
    Risk,
    /// Worth attention at the next partnership meeting.
    Warning,
    /// Good to know.
    Info,
}

impl Severity {
    /// The severity as a report writes it: `risk`, `warning` or `info`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(convener::findings::Severity::Info.as_str(), "info");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Risk => "risk",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A number behind a finding.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Evidence {
    /// What it is.
    pub name: String,
    /// Its value.
    pub value: f64,
}

/// One finding.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let report = doc.analyze(&Options::default());
/// let isolated = report.findings.iter().find(|f| f.code == "network.isolated_partner").unwrap();
/// assert_eq!(isolated.subjects[0].as_str(), "c");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Finding {
    /// Stable dotted code.
    #[schemars(with = "String")]
    pub code: FindingCode,
    /// How much it matters.
    pub severity: Severity,
    /// The condition it bears on.
    pub condition: Option<Condition>,
    /// What was found, in a sentence.
    pub message: String,
    /// The partners, indicators, activities or outcomes concerned.
    pub subjects: Vec<Id>,
    /// The numbers behind it.
    pub evidence: Vec<Evidence>,
    /// What to do next, in the language of the field.
    pub next_step: String,
}

/// Everything the findings are read from.
pub struct Sources<'a> {
    /// The document.
    pub doc: &'a Initiative,
    /// The network analysis.
    pub network: &'a NetworkReport,
    /// The measurement analysis.
    pub measurement: &'a MeasureReport,
    /// The plan analysis.
    pub plan: &'a PlanReport,
    /// The conditions.
    pub conditions: &'a ConditionsReport,
    /// The options of the analysis.
    pub options: &'a crate::model::Options,
}

/// The findings, most severe first, then by condition, then in the order they were
/// found. Thresholds are in `docs/scoring.md`; codes in `docs/codes.md`.
///
/// The steps run in the order of the five conditions, and that order is part of the
/// output: findings of the same severity and condition keep it.
pub fn find(s: &Sources) -> Vec<Finding> {
    let mut out = Out::default();
    // Common agenda.
    agenda::agenda(s, &mut out);
    agenda::family_voice(s, &mut out);
    agenda::theory_of_change(s, &mut out);
    // Shared measurement.
    measurement::indicators(s, &mut out);
    measurement::reporting(s, &mut out);
    // Mutually reinforcing activities.
    funding::activities(s, &mut out);
    funding::funding_cliffs(s, &mut out);
    network::dependencies(s, &mut out);
    // Continuous communication.
    communication::channels(s, &mut out);
    network::connections(s, &mut out);
    network::relationships(s, &mut out);
    // Partners' views, the backbone, and what a size budget left out.
    survey::conditions(s, &mut out);
    survey::factors(s, &mut out);
    backbone::backbone(s, &mut out);
    network::budgets(s.network, &mut out);
    in_order(out.0)
}

/// Most severe first, then by condition (none last); a stable sort, so findings that tie
/// keep the order they were found in.
fn in_order(mut findings: Vec<Finding>) -> Vec<Finding> {
    let order = |c: Option<Condition>| c.map_or(5, |c| Condition::ALL.iter().position(|x| *x == c).unwrap_or(5));
    findings.sort_by_key(|f| (f.severity, order(f.condition)));
    findings
}

/// The findings found so far.
#[derive(Default)]
struct Out(Vec<Finding>);

impl Out {
    /// Adds a finding with its code's severity, condition and next step.
    fn add(&mut self, code: FindingCode, message: String, subjects: Vec<Id>, evidence: &[(&str, f64)]) -> &mut Finding {
        self.add_with_next_step(code, message, subjects, evidence, code.next_step())
    }

    /// Adds a finding whose next step is the one its code gives in a named case
    /// ([`FindingCode::next_step_case`]).
    fn add_with_next_step(
        &mut self,
        code: FindingCode,
        message: String,
        subjects: Vec<Id>,
        evidence: &[(&str, f64)],
        next_step: &str,
    ) -> &mut Finding {
        self.0.push(Finding {
            code,
            severity: code.severity(),
            condition: code.condition(),
            message,
            subjects,
            evidence: evidence.iter().map(|(n, v)| Evidence { name: (*n).into(), value: *v }).collect(),
            next_step: next_step.into(),
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

/// The partners' names (their ids when not partners), the first [`NAMES_SHOWN`] of them
/// and how many more.
fn names(doc: &Initiative, ids: &[Id]) -> String {
    let shown: Vec<String> = ids
        .iter()
        .take(NAMES_SHOWN)
        .map(|id| {
            doc.partners.iter().find(|p| &p.id == id).map(|p| p.name.to_string()).unwrap_or_else(|| id.to_string())
        })
        .collect();
    let more = ids.len().saturating_sub(NAMES_SHOWN);
    if more > 0 { format!("{} and {more} more", shown.join("; ")) } else { shown.join("; ") }
}

/// The ids, joined by `separator`.
fn joined(ids: &[Id], separator: &str) -> String {
    ids.iter().map(Id::as_str).collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of `docs/codes.md` state the thresholds the rules use.
    #[test]
    fn descriptions_state_the_thresholds() {
        let says = |code: FindingCode, value: String| {
            assert!(code.description().contains(&value), "{code}: '{}' does not say {value}", code.description());
        };
        says(FindingCode::MeasureLateReporter, format!("{} or more periods", measurement::LATE_PERIODS));
        says(
            FindingCode::NetworkManyDependOn,
            format!("max({} × n, {})", network::DEPENDANTS_SHARE, network::DEPENDANTS_MIN),
        );
        says(FindingCode::NetworkSectorSilo, format!("{} or more partners", network::SILO_MIN_PARTNERS));
        says(FindingCode::NetworkSectorSilo, format!("{} or less", network::SILO_EI_INDEX).replace('-', "−"));
        says(FindingCode::NetworkLowTrustPair, format!("{} or less of 4", network::LOW_TRUST_SCORE));
        says(FindingCode::SurveyPerceptionGap, format!("{} point or more", survey::GAP_POINTS));
        says(FindingCode::SurveyFactorGap, format!("{} point or more", survey::GAP_POINTS));
        says(FindingCode::BackboneOverload, format!("more than {} partners", backbone::PARTNERS_PER_FTE));
        says(FindingCode::BackboneOverload, format!("more than {:.0}%", backbone::LEAD_SHARE * 100.0));
        says(FindingCode::BackboneWeakFunction, format!("{} or less", backbone::WEAK_RATING));
    }

    #[test]
    fn names_are_cut_after_the_first_few() {
        let doc = Initiative::from_json(
            r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#,
        )
        .unwrap();
        let ids: Vec<Id> = (0..7).map(|i| Id::new(format!("p{i}")).unwrap()).collect();
        assert_eq!(names(&doc, &ids), "p0; p1; p2; p3; p4 and 2 more");
    }
}

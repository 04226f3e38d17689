//! Findings on shared measurement: indicators, who reports them, run-chart signals and targets.

use super::{Out, Sources, joined, names};
use crate::codes::FindingCode;
use crate::measure::{IndicatorReport, Series};
use crate::model::{Id, Initiative, Polarity};

/// Periods since a reporter's last report from which it is late (`measure.late_reporter`).
/// convener's convention (docs/scoring.md): one period behind is ordinary reporting lag,
/// two means a report was missed. The message says "two or more".
pub(super) const LATE_PERIODS: i64 = 2;

/// The percent of its target a series must reach to have met it (`measure.target_missed`
/// below it): the target itself, by definition of `percent_of_target`.
const TARGET_MET_PERCENT: f64 = 100.0;

/// `measure.no_indicators`, then `plan.outcome_unmeasured`.
pub(super) fn indicators(s: &Sources, out: &mut Out) {
    if s.doc.indicators.is_empty() {
        out.add(FindingCode::MeasureNoIndicators, "The partnership has no shared indicators.".into(), vec![], &[]);
    }
    let unmeasured = &s.plan.outcomes_without_indicator;
    if !unmeasured.is_empty() {
        out.add(
            FindingCode::PlanOutcomeUnmeasured,
            format!("No indicator measures: {}.", joined(unmeasured, ", ")),
            unmeasured.clone(),
            &[],
        );
    }
}

/// Indicator by indicator: who has not reported, who is late, counting clashes, then for
/// each pooled series its run-chart signal and its target.
pub(super) fn reporting(s: &Sources, out: &mut Out) {
    for ind in &s.measurement.indicators {
        unreported(s.doc, ind, out);
        late_reporters(s.doc, ind, out);
        for c in &ind.clashes {
            out.add(FindingCode::MeasureCountingClash, c.message.clone(), c.partners.clone(), &[]);
        }
        for series in ind.series.iter().filter(|sr| sr.partner.is_none()) {
            run_chart_signal(ind, series, out);
            target_missed(s.doc, ind, series, out);
        }
    }
}

/// `measure.indicator_not_reported`, or else `measure.silent_reporter`.
fn unreported(doc: &Initiative, ind: &IndicatorReport, out: &mut Out) {
    if ind.measurements == 0 {
        out.add(
            FindingCode::MeasureIndicatorNotReported,
            format!("Nobody has reported '{}' yet.", ind.name),
            vec![ind.indicator.clone()],
            &[],
        );
    } else if !ind.silent_reporters.is_empty() {
        out.add(
            FindingCode::MeasureSilentReporter,
            format!("{} never reported '{}'.", names(doc, &ind.silent_reporters), ind.name),
            ind.silent_reporters.clone(),
            &[],
        );
    }
}

/// `measure.late_reporter`: reporters, not silent, [`LATE_PERIODS`] or more behind.
fn late_reporters(doc: &Initiative, ind: &IndicatorReport, out: &mut Out) {
    let late: Vec<(Id, i64)> = ind
        .series
        .iter()
        .filter_map(|sr| Some((sr.partner.clone()?, sr.periods_since_last?)))
        .filter(|(p, k)| *k >= LATE_PERIODS && !ind.silent_reporters.contains(p))
        .collect();
    if late.is_empty() {
        return;
    }
    let mut ids: Vec<Id> = Vec::new();
    for (id, _) in &late {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let worst = late.iter().map(|l| l.1).max().unwrap_or(0);
    out.add(
        FindingCode::MeasureLateReporter,
        format!(
            "{} {} two or more periods behind on '{}'.",
            names(doc, &ids),
            if ids.len() == 1 { "is" } else { "are" },
            ind.name
        ),
        ids,
        &[("most_periods_behind", worst as f64)],
    );
}

/// Which way a series with a run-chart signal is going.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Improving,
    Worsening,
    Changing,
}

impl Direction {
    fn as_str(self) -> &'static str {
        match self {
            Direction::Improving => "improving",
            Direction::Worsening => "worsening",
            Direction::Changing => "changing",
        }
    }
}

/// The direction from the phase's visible points: the later half against the earlier
/// half (the centre line may be hidden by suppression).
fn direction(ind: &IndicatorReport, series: &Series, phase_points: u64) -> Direction {
    let from = series.points.len().saturating_sub(phase_points as usize);
    let visible: Vec<f64> = series.points[from..].iter().filter_map(|p| p.value).collect();
    let half = visible.len() / 2;
    if half == 0 {
        return Direction::Changing;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (early, late) = (mean(&visible[..half]), mean(&visible[visible.len() - half..]));
    if late == early {
        Direction::Changing
    } else if (late > early) == (ind.polarity == Polarity::HigherIsBetter) {
        Direction::Improving
    } else {
        Direction::Worsening
    }
}

/// `measure.run_chart_signal` when the latest phase of a pooled series shows a run, a
/// shift or a trend; its next step is the code's worsening case when it worsens.
fn run_chart_signal(ind: &IndicatorReport, series: &Series, out: &mut Out) {
    let Some(ph) = series.phases.last() else {
        return;
    };
    let r = &ph.runs;
    if !(r.runs_signal || r.shift || r.trend) {
        return;
    }
    let code = FindingCode::MeasureRunChartSignal;
    let direction = direction(ind, series, r.n);
    let next_step = match code.next_step_case() {
        Some(case) if direction == Direction::Worsening => case.next_step,
        _ => code.next_step(),
    };
    let group = series.group.as_ref().map(|g| format!(" ({g})")).unwrap_or_default();
    out.add_with_next_step(
        code,
        format!("'{}'{group} shows non-random variation: it is {}.", ind.name, direction.as_str()),
        vec![ind.indicator.clone()],
        &[
            ("longest_run", r.longest_run.unwrap_or(0) as f64),
            ("longest_run_max", r.longest_run_max.unwrap_or(0) as f64),
            ("n_crossings", r.n_crossings.unwrap_or(0) as f64),
            ("n_crossings_min", r.n_crossings_min.unwrap_or(0) as f64),
        ],
        next_step,
    );
}

/// `measure.target_missed`: a pooled series short of a target that is due. With a
/// counting clash the pooled value mixes units: the clash is the finding.
fn target_missed(doc: &Initiative, ind: &IndicatorReport, series: &Series, out: &mut Out) {
    let target_due = doc
        .indicators
        .iter()
        .find(|d| d.id == ind.indicator)
        .and_then(|d| d.target)
        .filter(|t| ind.as_of.is_some_and(|a| t.period <= a));
    if let (Some(t), Some(p)) = (target_due, series.percent_of_target) {
        if p < TARGET_MET_PERCENT && ind.clashes.is_empty() {
            out.add(
                FindingCode::MeasureTargetMissed,
                format!("'{}' was due to reach {} by {} and is at {:.0}% of it.", ind.name, t.value, t.period, p),
                vec![ind.indicator.clone()],
                &[("percent_of_target", p)],
            );
        }
    }
}

//! Shared measurement as text for a terminal.

use std::fmt::Write;

use crate::measure::MeasureReport;
use crate::model::Id;
use crate::util::text::{brief, or_missing, percent};

/// The report as text a coordinator reads in a terminal: per indicator, the pooled
/// latest value against target, run-chart signals, and who is late or silent.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let text = convener::render::table::indicators(&convener::measure::analyze(&doc, &Options::default()));
/// assert!(text.contains("as of"));
/// ```
pub fn indicators(report: &MeasureReport) -> String {
    let num = brief;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} indicators, as of {}{}",
        report.indicators.len(),
        or_missing(report.as_of),
        report.suppress_below.map(|n| format!(", counts below {n} hidden")).unwrap_or_default()
    );
    for ind in &report.indicators {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{} ({}) — {}, {}, {}",
            ind.name,
            ind.indicator,
            ind.unit,
            ind.frequency,
            ind.polarity.as_str().replace('_', " ")
        );
        for s in ind.series.iter().filter(|s| s.partner.is_none()) {
            let who = s.group.as_ref().map(|g| format!("all partners, {g}")).unwrap_or_else(|| "all partners".into());
            let _ = write!(out, "  {who}: {} in {}", num(s.latest_value), or_missing(s.latest_period));
            if let Some(t) = s.target_value {
                let _ = write!(
                    out,
                    ", target {} ({}% of target)",
                    num(Some(t)),
                    num(s.percent_of_target.map(|p| p.round()))
                );
            }
            if let Some(turning) = s.turning_the_curve {
                let _ = write!(out, ", {}", if turning { "turning the curve" } else { "not yet turning the curve" });
            }
            let _ = writeln!(out);
            for ph in &s.phases {
                let r = &ph.runs;
                let mut signals = Vec::new();
                if r.runs_signal {
                    let mut why = Vec::new();
                    if let (Some(l), Some(max)) = (r.longest_run, r.longest_run_max) {
                        if l > max {
                            why.push(format!("a run of {l} points on one side, more than {max}"));
                        }
                    }
                    if let (Some(c), Some(min)) = (r.n_crossings, r.n_crossings_min) {
                        if c < min {
                            why.push(format!("{c} crossings of the median, fewer than {min}"));
                        }
                    }
                    signals.push(format!("non-random variation ({})", why.join(" and ")));
                }
                if r.shift {
                    signals.push("a shift (6+ points on one side of the median)".into());
                }
                if r.trend {
                    signals.push("a trend (5+ points rising or falling)".into());
                }
                let label =
                    ph.phase.map(|k| format!("phase {k} from {}", ph.from)).unwrap_or_else(|| "run chart".into());
                let _ = writeln!(
                    out,
                    "    {label}: {} points, median {}{}",
                    r.n,
                    num(r.centre),
                    if signals.is_empty() { ", no signal".to_string() } else { format!(" — {}", signals.join("; ")) }
                );
            }
        }
        let late: Vec<String> = ind
            .series
            .iter()
            .filter(|s| s.partner.is_some() && s.latest_period.is_some() && s.periods_since_last.unwrap_or(0) > 0)
            .map(|s| {
                format!(
                    "{} ({} behind)",
                    s.partner.as_ref().map(Id::as_str).unwrap_or(""),
                    s.periods_since_last.unwrap_or(0)
                )
            })
            .collect();
        let _ = writeln!(out, "  reporting: {} complete on average", percent(ind.completeness));
        if !late.is_empty() {
            let _ = writeln!(out, "  late: {}", late.join(", "));
        }
        if !ind.silent_reporters.is_empty() {
            let ids: Vec<&str> = ind.silent_reporters.iter().map(Id::as_str).collect();
            let _ = writeln!(out, "  never reported: {}", ids.join(", "));
        }
        for c in &ind.clashes {
            let _ = writeln!(out, "  counting clash: {}", c.message);
        }
    }
    out
}

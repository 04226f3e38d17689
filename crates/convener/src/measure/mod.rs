//! Shared measurement: series per indicator, partner and group, pooled series, data
//! health (completeness, timeliness, silent reporters, clashes), run-chart signals,
//! targets and turning the curve, and small-number suppression.

pub mod runchart;

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Aggregation, Frequency, Id, Indicator, IndicatorKind, Initiative, Options, Period, Polarity, Text};
use runchart::{RunsAnalysis, runs_analysis};

/// A value at a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Point {
    /// The period.
    pub period: Period,
    /// The value; null when suppressed.
    pub value: Option<f64>,
}

/// The run chart of one phase of a series.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Phase {
    /// The phase, numbered from 1; null when the indicator has no phases.
    pub phase: Option<u32>,
    /// The first period of the phase.
    pub from: Period,
    /// Its runs analysis (centre null when suppressed).
    #[serde(flatten)]
    pub runs: RunsAnalysis,
}

/// One series: an indicator as one partner reported it (or pooled over partners), for
/// one breakdown group, up to the analysis period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Series {
    /// The partner; null for the pooled series.
    pub partner: Option<Id>,
    /// The breakdown group, if the indicator has groups.
    pub group: Option<Text>,
    /// The values in period order (suppressed values null).
    pub points: Vec<Point>,
    /// The run chart, one per phase.
    pub phases: Vec<Phase>,
    /// The latest period with a value.
    pub latest_period: Option<Period>,
    /// The value then.
    pub latest_value: Option<f64>,
    /// The declared baseline value.
    pub baseline_value: Option<f64>,
    /// latest − baseline.
    pub change_from_baseline: Option<f64>,
    /// The target value.
    pub target_value: Option<f64>,
    /// 100·latest/target (higher is better) or 100·target/latest (lower is better).
    pub percent_of_target: Option<f64>,
    /// The least-squares line through the points up to the baseline period, at the
    /// latest period: where the curve was heading.
    pub forecast: Option<f64>,
    /// Whether the latest value is better than the forecast, by the indicator's polarity.
    pub turning_the_curve: Option<bool>,
    /// Periods reported / periods expected from the indicator's first period to the
    /// analysis period.
    pub completeness: Option<f64>,
    /// Periods from the last report to the analysis period (0: up to date).
    pub periods_since_last: Option<i64>,
    /// Pooled series: periods left out because not every partner that had started
    /// reporting reported them.
    pub incomplete_periods: Vec<Period>,
}

/// A sign that partners count an indicator differently.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Clash {
    /// What differs.
    pub kind: ClashKind,
    /// The partners concerned.
    pub partners: Vec<Id>,
    /// A sentence for a coordinator.
    pub message: String,
}

/// Kinds of counting clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClashKind {
    /// Partners' typical values differ fiftyfold or more: percent against fraction, or
    /// per 1,000 against per 100.
    Scale,
    /// For a ratio indicator, the value is not numerator ÷ denominator on the same scale
    /// for every measurement.
    RatioScale,
}

/// Everything about one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct IndicatorReport {
    /// The indicator.
    pub indicator: Id,
    /// Its name.
    pub name: Text,
    /// Its unit.
    pub unit: Text,
    /// Which way is better.
    pub polarity: Polarity,
    /// How often it is reported.
    pub frequency: Frequency,
    /// How partners' values pool.
    pub aggregation: Aggregation,
    /// Results-Based Accountability kind.
    pub kind: IndicatorKind,
    /// The analysis period, in this indicator's frequency.
    pub as_of: Option<Period>,
    /// Measurements counted (up to the analysis period).
    pub measurements: u64,
    /// Pooled series (one per group), then each reporter's series, in document order.
    pub series: Vec<Series>,
    /// Reporters with no measurement at all.
    pub silent_reporters: Vec<Id>,
    /// Signs that partners count it differently.
    pub clashes: Vec<Clash>,
    /// Mean completeness over the expected reporters.
    pub completeness: Option<f64>,
}

/// The measurement analysis of an initiative.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MeasureReport {
    /// The analysis period.
    pub as_of: Option<Period>,
    /// Counts below this are hidden, if set.
    pub suppress_below: Option<u32>,
    /// One entry per indicator, in document order.
    pub indicators: Vec<IndicatorReport>,
}

/// The analysis period: `options.as_of`, else the latest measurement period, else the
/// month of the latest survey date, else none. Never the clock.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}],
///   "indicators": [{"id": "i", "name": "I", "unit": "%", "polarity": "higher_is_better", "frequency": "quarterly",
///     "aggregation": "mean", "kind": "how_well", "measures": [], "reporters": ["a"]}],
///   "measurements": [{"indicator": "i", "partner": "a", "period": "2024-Q3", "value": 1},
///                    {"indicator": "i", "partner": "a", "period": "2025-Q1", "value": 2}]}"#).unwrap();
/// assert_eq!(convener::measure::as_of(&doc, &Options::default()).unwrap().to_string(), "2025-Q1");
/// ```
pub fn as_of(doc: &Initiative, options: &Options) -> Option<Period> {
    if options.as_of.is_some() {
        return options.as_of;
    }
    if let Some(p) = doc.measurements.iter().map(|m| m.period).max() {
        return Some(p);
    }
    doc.surveys.iter().map(|s| s.date).max().and_then(|d| Period::containing(d, Frequency::Monthly))
}

/// Least squares through (x, y): the line's value at `at`. `None` with fewer than two
/// distinct x.
fn forecast_at(points: &[(f64, f64)], at: f64) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    Some(my + slope * (at - mx))
}

/// The scale of a ratio indicator's values against numerator ÷ denominator: a power of
/// ten from 1 (a fraction) to 10⁶ (100 for a percentage, 1,000 for a rate per 1,000),
/// within 0.5%. 1 when no measurement gives evidence (no positive numerator and
/// denominator); an error when the measurements disagree or fit no power of ten.
fn ratio_scale(pairs: &[(f64, f64, f64)]) -> Result<f64, ()> {
    let mut scale: Option<f64> = None;
    for &(value, num, den) in pairs {
        if num <= 0.0 || den <= 0.0 || value == 0.0 {
            continue;
        }
        let r = value / (num / den);
        let k = (0..=6).map(|e| 10f64.powi(e)).find(|s| (r / s - 1.0).abs() < 0.005);
        match (k, scale) {
            (None, _) => return Err(()),
            (Some(k), None) => scale = Some(k),
            (Some(k), Some(s)) if k != s => return Err(()),
            _ => {}
        }
    }
    Ok(scale.unwrap_or(1.0))
}

/// One raw value of a series: period, value and (for a ratio) denominator.
#[derive(Clone, Copy)]
struct Raw {
    period: Period,
    value: f64,
    den: Option<f64>,
}

/// Analyses every indicator of `doc`.
///
/// Series: per (partner, group), and pooled per group by the indicator's aggregation —
/// `sum` adds partners' values, `mean` averages them, `ratio` is Σ numerator ÷ Σ
/// denominator on the indicator's scale — over periods up to the analysis period.
/// Completeness: periods reported ÷ periods from the indicator's first measurement
/// period to the analysis period. Suppression (`options.suppress_below`): for a count
/// (`sum`), a value below the threshold is hidden; for a `ratio`, a value whose
/// denominator is below it. Hidden values are still used in the run chart, whose centre
/// is hidden when it is itself below the threshold.
///
/// Sources: Friedman (2005), Results-Based Accountability (turning the curve); Clear
/// Impact scorecards (percent of target); Anhøj & Olesen (2014) and IHI (run charts).
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let r = convener::measure::analyze(&doc, &Options::default());
/// assert_eq!(r.indicators.len(), doc.indicators.len());
/// ```
pub fn analyze(doc: &Initiative, options: &Options) -> MeasureReport {
    let as_of_any = as_of(doc, options);
    let mut by_indicator: HashMap<&str, Vec<Measurement>> = HashMap::new();
    for m in &doc.measurements {
        by_indicator.entry(m.indicator.as_str()).or_default().push(m);
    }
    let partner_order: HashMap<&str, usize> =
        doc.partners.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let one = |ind: &Indicator| {
        let ms = by_indicator.get(ind.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        indicator_report(ind, ms, as_of_any, options, &partner_order)
    };
    // Each indicator's report depends on its own measurements only.
    #[cfg(feature = "parallel")]
    let indicators = {
        use rayon::prelude::*;
        doc.indicators.par_iter().map(one).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let indicators = doc.indicators.iter().map(one).collect();
    MeasureReport { as_of: as_of_any, suppress_below: options.suppress_below, indicators }
}

type Measurement<'a> = &'a crate::model::Measurement;

fn indicator_report(
    ind: &Indicator,
    all: &[Measurement],
    as_of_any: Option<Period>,
    options: &Options,
    partner_order: &HashMap<&str, usize>,
) -> IndicatorReport {
    let as_of = indicator_as_of(as_of_any, ind.frequency);
    let ms: Vec<Measurement> = all
        .iter()
        .copied()
        .filter(|m| as_of.is_none_or(|a| m.period <= a) && m.period.frequency() == ind.frequency)
        .collect();
    let source = Source::new(ind, &ms, partner_order);
    let (series, silent_reporters) = all_series(&source, all, as_of, options);
    let reporters: HashSet<&str> = ind.reporters.iter().map(Id::as_str).collect();
    let completeness: Vec<f64> = series
        .iter()
        .filter(|s| s.partner.as_ref().is_some_and(|p| reporters.contains(p.as_str())))
        .filter_map(|s| s.completeness)
        .collect();
    IndicatorReport {
        indicator: ind.id.clone(),
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        polarity: ind.polarity,
        frequency: ind.frequency,
        aggregation: ind.aggregation,
        kind: ind.kind,
        as_of,
        measurements: ms.len() as u64,
        series,
        silent_reporters,
        clashes: clashes(&source),
        completeness: (!completeness.is_empty()).then(|| completeness.iter().sum::<f64>() / completeness.len() as f64),
    }
}

/// The latest period of the indicator's frequency that has ended by the analysis period:
/// as of 2025-09, an annual indicator's latest is 2024.
fn indicator_as_of(as_of_any: Option<Period>, freq: Frequency) -> Option<Period> {
    as_of_any.and_then(|p| {
        let c = Period::containing(p.last_day(), freq)?;
        Some(if c.last_day() > p.last_day() { c.prev() } else { c })
    })
}

/// One indicator's measurements up to its analysis period, arranged for its series.
struct Source<'a> {
    ind: &'a Indicator,
    /// The measurements, in document order.
    ms: &'a [Measurement<'a>],
    /// The breakdown groups in first-seen order (one `None` when ungrouped).
    groups: Vec<Option<Text>>,
    /// The reporters and every partner that reported, in document order.
    partners: Vec<&'a Id>,
    /// Each partner's measurements, in document order.
    by_partner: HashMap<&'a str, Vec<Measurement<'a>>>,
    /// The power of ten of a ratio indicator's values (1 otherwise); an error when the
    /// measurements disagree.
    scale: Result<f64, ()>,
}

impl<'a> Source<'a> {
    fn new(ind: &'a Indicator, ms: &'a [Measurement<'a>], partner_order: &HashMap<&str, usize>) -> Self {
        let mut groups: Vec<Option<Text>> = Vec::new();
        for m in ms {
            if !groups.contains(&m.group) {
                groups.push(m.group.clone());
            }
        }
        if groups.is_empty() {
            groups.push(None);
        }
        let mut partners: Vec<&Id> = ind.reporters.iter().collect();
        let mut listed: HashSet<&str> = partners.iter().map(|p| p.as_str()).collect();
        let mut by_partner: HashMap<&str, Vec<Measurement>> = HashMap::new();
        for m in ms {
            if listed.insert(m.partner.as_str()) {
                partners.push(&m.partner);
            }
            by_partner.entry(m.partner.as_str()).or_default().push(m);
        }
        partners.sort_by_key(|p| partner_order.get(p.as_str()).copied().unwrap_or(usize::MAX));
        let scale = if ind.aggregation == Aggregation::Ratio {
            let pairs: Vec<(f64, f64, f64)> =
                ms.iter().filter_map(|m| Some((m.value, m.numerator?.get(), m.denominator?.get()))).collect();
            ratio_scale(&pairs)
        } else {
            Ok(1.0)
        };
        Source { ind, ms, groups, partners, by_partner, scale }
    }

    fn of_partner(&self, p: &Id) -> &[Measurement<'a>] {
        self.by_partner.get(p.as_str()).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The raw points of a partner's series, or of the pooled series, in `group`. A pooled
    /// period counts only when every partner that had started reporting this (indicator,
    /// group) by then reported it: a late or missing report would otherwise show as a dip.
    /// The periods left out are returned too.
    fn raw(&self, partner: Option<&Id>, group: &Option<Text>) -> (Vec<Raw>, Vec<Period>) {
        let source = match partner {
            Some(p) => self.of_partner(p),
            None => self.ms,
        };
        // In period order, document order within a period (a stable sort).
        let mut sorted: Vec<Measurement> = source.iter().copied().filter(|m| &m.group == group).collect();
        sorted.sort_by_key(|m| m.period);
        // The first period of each partner: only counted below, so in any order.
        let mut first: HashMap<&str, Period> = HashMap::new();
        if partner.is_none() {
            for m in &sorted {
                first.entry(m.partner.as_str()).or_insert(m.period);
            }
        }
        let mut incomplete = Vec::new();
        let raw = sorted
            .chunk_by(|a, b| a.period == b.period)
            .filter_map(|list| {
                let period = list[0].period;
                if partner.is_none() && list.len() < first.values().filter(|f| **f <= period).count() {
                    incomplete.push(period);
                    return None;
                }
                let (value, den) = self.value_of(partner.is_some(), list)?;
                Some(Raw { period, value, den })
            })
            .collect();
        (raw, incomplete)
    }

    /// A period's value (and denominator): a partner's own, or the partners' pooled by the
    /// indicator's aggregation; `None` for a ratio with no denominator.
    fn value_of(&self, own: bool, list: &[Measurement]) -> Option<(f64, Option<f64>)> {
        Some(match (own, self.ind.aggregation) {
            (true, _) => (list[0].value, list[0].denominator.map(|x| x.get())),
            (false, Aggregation::Sum) => (list.iter().map(|m| m.value).sum(), None),
            (false, Aggregation::Mean) => (list.iter().map(|m| m.value).sum::<f64>() / list.len() as f64, None),
            (false, Aggregation::Ratio) => {
                let num: f64 = list.iter().filter_map(|m| m.numerator).map(|x| x.get()).sum();
                let den: f64 = list.iter().filter_map(|m| m.denominator).map(|x| x.get()).sum();
                if den <= 0.0 {
                    return None;
                }
                (num / den * self.scale.unwrap_or(1.0), Some(den))
            }
        })
    }
}

/// The pooled series of each group, then each partner's (an empty one for a partner with
/// nothing in range), and the reporters that never reported at all.
fn all_series(
    source: &Source,
    all: &[Measurement],
    as_of: Option<Period>,
    options: &Options,
) -> (Vec<Series>, Vec<Id>) {
    let ind = source.ind;
    let first_period = source.ms.iter().map(|m| m.period).min();
    let reported: HashSet<&str> = all.iter().map(|m| m.partner.as_str()).collect();
    let mut series = Vec::new();
    for group in &source.groups {
        let (raw, incomplete) = source.raw(None, group);
        let mut pooled = build_series(ind, None, group.clone(), &raw, as_of, first_period, options);
        pooled.incomplete_periods = incomplete;
        series.push(pooled);
    }
    let mut silent = Vec::new();
    for p in &source.partners {
        let before = series.len();
        for group in &source.groups {
            let (raw, _) = source.raw(Some(p), group);
            if !raw.is_empty() {
                series.push(build_series(ind, Some((*p).clone()), group.clone(), &raw, as_of, first_period, options));
            }
        }
        if series.len() == before {
            series.push(build_series(ind, Some((*p).clone()), None, &[], as_of, first_period, options));
        }
        if !reported.contains(p.as_str()) {
            silent.push((*p).clone());
        }
    }
    (series, silent)
}

/// How many times larger one partner's typical value may be than another's before the
/// units are questioned (convener's own choice: a percentage against a fraction is 100×,
/// a rate per 1,000 against a fraction 1,000×; 50× catches both and leaves real variation).
const SCALE_CLASH_RATIO: f64 = 50.0;

/// Signs that partners count the indicator differently: ratio values on more than one
/// scale, and typical values far apart.
fn clashes(source: &Source) -> Vec<Clash> {
    let ind = source.ind;
    let mut clashes = Vec::new();
    if source.scale.is_err() {
        clashes.push(Clash {
            kind: ClashKind::RatioScale,
            partners: vec![],
            message: format!(
                "The values of '{}' are not numerator ÷ denominator on one scale (a fraction, a percentage or a rate per 1,000) for every measurement; agree how it is counted.",
                ind.id
            ),
        });
    }
    let medians: Vec<(Id, f64)> = source
        .partners
        .iter()
        .filter_map(|p| {
            let vals: Vec<f64> = source.of_partner(p).iter().map(|m| m.value.abs()).filter(|v| *v > 0.0).collect();
            runchart::median(&vals).map(|m| ((*p).clone(), m))
        })
        .collect();
    if medians.len() >= 2 {
        let lo = medians.iter().map(|m| m.1).fold(f64::INFINITY, f64::min);
        let hi = medians.iter().map(|m| m.1).fold(0.0, f64::max);
        if hi / lo >= SCALE_CLASH_RATIO && ind.aggregation != Aggregation::Sum {
            let ids: Vec<Id> = medians.iter().filter(|m| m.1 == lo || m.1 == hi).map(|m| m.0.clone()).collect();
            clashes.push(Clash {
                kind: ClashKind::Scale,
                partners: ids,
                message: format!(
                    "Partners' typical values of '{}' differ {:.0}-fold; check they all use the unit '{}'.",
                    ind.id,
                    hi / lo,
                    ind.unit
                ),
            });
        }
    }
    clashes
}

fn build_series(
    ind: &Indicator,
    partner: Option<Id>,
    group: Option<Text>,
    raw: &[Raw],
    as_of: Option<Period>,
    first_period: Option<Period>,
    options: &Options,
) -> Series {
    let threshold = options.suppress_below.map(f64::from);
    let hidden = |r: &Raw| -> bool {
        let Some(t) = threshold else { return false };
        match ind.aggregation {
            Aggregation::Sum => r.value < t,
            Aggregation::Ratio => r.den.is_some_and(|d| d < t),
            Aggregation::Mean => false,
        }
    };
    let count_hidden = |v: f64| ind.aggregation == Aggregation::Sum && threshold.is_some_and(|t| v < t);
    let show = |v: Option<f64>| v.filter(|x| !count_hidden(*x));
    let points: Vec<Point> =
        raw.iter().map(|r| Point { period: r.period, value: (!hidden(r)).then_some(r.value) }).collect();

    // Phases: each its own chart; freeze only without phases (as qicharts2).
    let values: Vec<f64> = raw.iter().map(|r| r.value).collect();
    let mut phases = Vec::new();
    if ind.phases.is_empty() {
        if let Some(first) = raw.first() {
            let freeze = ind.freeze.map(|f| f.get() as usize);
            let mut runs = runs_analysis(&values, freeze);
            runs.centre = if raw.iter().any(&hidden) { None } else { show(runs.centre) };
            phases.push(Phase { phase: None, from: first.period, runs });
        }
    } else {
        let mut bounds: Vec<Period> = ind.phases.clone();
        bounds.sort();
        let phase_of = |p: Period| bounds.iter().filter(|b| **b <= p).count();
        let mut start = 0;
        while start < raw.len() {
            let k = phase_of(raw[start].period);
            // Phases are numbered from 1 in time order among those with data, as qicharts2's parts.
            let mut end = start;
            while end < raw.len() && phase_of(raw[end].period) == k {
                end += 1;
            }
            let mut runs = runs_analysis(&values[start..end], None);
            runs.centre = if raw[start..end].iter().any(&hidden) { None } else { show(runs.centre) };
            phases.push(Phase { phase: Some(phases.len() as u32 + 1), from: raw[start].period, runs });
            start = end;
        }
    }

    let latest = raw.last();
    let latest_value = latest.filter(|r| !hidden(r)).map(|r| r.value);
    let baseline_value = ind.baseline.map(|b| b.value);
    let target_value = ind.target.map(|t| t.value);
    let percent_of_target = match (latest_value, target_value) {
        (Some(a), Some(t)) => match ind.polarity {
            Polarity::HigherIsBetter if t != 0.0 => Some(100.0 * a / t),
            Polarity::LowerIsBetter if a != 0.0 => Some(100.0 * t / a),
            _ => None,
        },
        _ => None,
    };
    let forecast = match (ind.baseline, latest) {
        (Some(b), Some(l)) => {
            let used: Vec<&Raw> = raw.iter().filter(|r| r.period <= b.period).collect();
            let pts: Vec<(f64, f64)> = used.iter().map(|r| (r.period.index() as f64, r.value)).collect();
            // A line through hidden values would give them away.
            if used.iter().any(|r| hidden(r)) { None } else { forecast_at(&pts, l.period.index() as f64) }
        }
        _ => None,
    };
    // From shown values only: which side of the line a hidden value falls would tell.
    let turning_the_curve = match (show(forecast), latest.filter(|r| !hidden(r))) {
        (Some(f), Some(l)) if ind.baseline.is_some_and(|b| l.period > b.period) => Some(match ind.polarity {
            Polarity::HigherIsBetter => l.value > f,
            Polarity::LowerIsBetter => l.value < f,
        }),
        _ => None,
    };
    let expected = match (first_period, as_of) {
        (Some(f), Some(a)) => Period::steps_between(&f, &a).map(|s| s + 1).filter(|s| *s > 0),
        _ => None,
    };
    let completeness = expected.map(|e| (raw.len() as f64 / e as f64).min(1.0));
    let periods_since_last = match (latest, as_of) {
        (Some(l), Some(a)) => Period::steps_between(&l.period, &a),
        (None, Some(_)) => expected,
        _ => None,
    };
    Series {
        partner,
        group,
        points,
        phases,
        latest_period: latest.map(|r| r.period),
        latest_value,
        baseline_value: show(baseline_value),
        change_from_baseline: match (latest_value, show(baseline_value)) {
            (Some(l), Some(b)) => Some(l - b),
            _ => None,
        },
        target_value,
        percent_of_target: percent_of_target.filter(|_| latest_value.is_some()),
        forecast: show(forecast),
        turning_the_curve,
        completeness,
        periods_since_last,
        incomplete_periods: vec![],
    }
}

//! The CSV tables: the network (one row per partner) and the indicators (one row per
//! series and phase), and the indicator rows as data for the JSON and dataframe outputs.
//! Text cells carry the formula guard; numbers are written as serde_json writes them;
//! a missing value is a blank cell.

use schemars::JsonSchema;
use serde::Serialize;

use super::escape::csv as guard;
use crate::measure::{MeasureReport, Phase};
use crate::model::{Id, Period, Text};
use crate::network::NetworkReport;
use crate::util::text::{or_blank, plain_or_blank};

/// The columns of the network CSV, in order.
pub const NETWORK_COLUMNS: [&str; 18] = [
    "partner",
    "name",
    "sector",
    "degree",
    "in_degree",
    "out_degree",
    "degree_centrality",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "core_number",
    "constraint",
    "effective_size",
    "articulation_point",
    "community",
    "trust",
    "value",
];

/// The columns of the indicators CSV, in order.
pub const INDICATOR_COLUMNS: [&str; 22] = [
    "indicator",
    "partner",
    "group",
    "phase",
    "n",
    "centre",
    "n_useful",
    "longest_run",
    "longest_run_max",
    "n_crossings",
    "n_crossings_min",
    "runs_signal",
    "shift",
    "trend",
    "latest_period",
    "latest_value",
    "baseline_value",
    "target_value",
    "percent_of_target",
    "forecast",
    "completeness",
    "periods_since_last",
];

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The per-partner table as CSV: always the 18 [`NETWORK_COLUMNS`], one row per partner in
/// document order, blank where not computed or undefined. Text cells starting with `=`,
/// `+`, `-`, `@`, a tab, a carriage return or `'` get one leading `'` (formula guard).
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "=A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let csv = convener::render::csv::network(&convener::network::analyze(&doc, &Options::default()));
/// let mut lines = csv.lines();
/// assert!(lines.next().unwrap().starts_with("partner,name,sector,degree,"));
/// assert_eq!(lines.next().unwrap(), "a,'=A,unknown,1,0,1,1.0,0.0,1.0,0.7071067811865476,0.3508771929826475,1,1.0,1.0,false,0,,");
/// ```
pub fn network(report: &NetworkReport) -> String {
    let mut w = writer();
    let _ = w.write_record(NETWORK_COLUMNS);
    let (f, u) = (plain_or_blank, or_blank::<u64>);
    for p in &report.partners {
        let row = [
            guard(p.partner.as_str()),
            guard(p.name.as_str()),
            p.sector.as_str().to_string(),
            u(p.degree),
            u(p.in_degree),
            u(p.out_degree),
            f(p.degree_centrality),
            f(p.betweenness),
            f(p.closeness),
            f(p.eigenvector),
            f(p.pagerank),
            u(p.core_number),
            f(p.constraint),
            f(p.effective_size),
            or_blank(p.articulation_point),
            or_blank(p.community),
            f(p.trust),
            f(p.value),
        ];
        let _ = w.write_record(&row);
    }
    finish(w)
}

/// The indicators table as CSV: one row per series and phase, in the report's order
/// (indicators in document order; the pooled series first, then partners in document
/// order; groups in first-seen order; phases in time order). A series with no data has
/// one row with its run columns blank.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let csv = convener::render::csv::indicators(&convener::measure::analyze(&doc, &Options::default()));
/// assert!(csv.starts_with("indicator,partner,group,phase,n,centre,"));
/// ```
pub fn indicators(report: &MeasureReport) -> String {
    let mut w = writer();
    let _ = w.write_record(INDICATOR_COLUMNS);
    let (f, u, b) = (plain_or_blank, or_blank::<u64>, or_blank::<bool>);
    for r in indicator_rows(report) {
        let row = [
            guard(r.indicator.as_str()),
            r.partner.as_ref().map(|p| guard(p.as_str())).unwrap_or_default(),
            r.group.as_ref().map(|g| guard(g.as_str())).unwrap_or_default(),
            or_blank(r.phase),
            r.n.to_string(),
            f(r.centre),
            u(r.n_useful),
            u(r.longest_run),
            u(r.longest_run_max),
            u(r.n_crossings),
            u(r.n_crossings_min),
            b(r.runs_signal),
            b(r.shift),
            b(r.trend),
            or_blank(r.latest_period),
            f(r.latest_value),
            f(r.baseline_value),
            f(r.target_value),
            f(r.percent_of_target),
            f(r.forecast),
            f(r.completeness),
            or_blank(r.periods_since_last),
        ];
        let _ = w.write_record(&row);
    }
    finish(w)
}

/// One row of the indicators table: a series and phase, with the columns of
/// [`INDICATOR_COLUMNS`] in the same order (null where the CSV is blank).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct IndicatorRow {
    /// The indicator.
    pub indicator: Id,
    /// The partner; null for the pooled series.
    pub partner: Option<Id>,
    /// The breakdown group.
    pub group: Option<Text>,
    /// The phase, numbered from 1; null without phases.
    pub phase: Option<u32>,
    /// Points in the chart.
    pub n: u64,
    /// The centre line.
    pub centre: Option<f64>,
    /// Points not on the centre line.
    pub n_useful: Option<u64>,
    /// The longest run on one side.
    pub longest_run: Option<u64>,
    /// Its upper limit.
    pub longest_run_max: Option<u64>,
    /// Crossings of the centre line.
    pub n_crossings: Option<u64>,
    /// Their lower limit.
    pub n_crossings_min: Option<u64>,
    /// The Anhøj signal.
    pub runs_signal: Option<bool>,
    /// The IHI shift.
    pub shift: Option<bool>,
    /// The IHI trend.
    pub trend: Option<bool>,
    /// The latest period with a value.
    pub latest_period: Option<Period>,
    /// The value then.
    pub latest_value: Option<f64>,
    /// The baseline value.
    pub baseline_value: Option<f64>,
    /// The target value.
    pub target_value: Option<f64>,
    /// Percent of target.
    pub percent_of_target: Option<f64>,
    /// The forecast at the latest period.
    pub forecast: Option<f64>,
    /// Periods reported / expected.
    pub completeness: Option<f64>,
    /// Periods since the last report.
    pub periods_since_last: Option<i64>,
}

/// The rows of the indicators table, in the order of [`indicators`].
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let report = convener::measure::analyze(&doc, &Options::default());
/// let rows = convener::render::csv::indicator_rows(&report);
/// let keys: Vec<String> = serde_json::to_value(&rows[0]).unwrap().as_object().unwrap().keys().cloned().collect();
/// assert_eq!(keys, convener::render::csv::INDICATOR_COLUMNS);
/// assert_eq!(rows.len() + 1, convener::render::csv::indicators(&report).lines().count());
/// ```
pub fn indicator_rows(report: &MeasureReport) -> Vec<IndicatorRow> {
    let mut out = Vec::new();
    for ind in &report.indicators {
        for s in &ind.series {
            let phases: Vec<Option<&Phase>> =
                if s.phases.is_empty() { vec![None] } else { s.phases.iter().map(Some).collect() };
            for ph in phases {
                let r = ph.map(|p| &p.runs);
                out.push(IndicatorRow {
                    indicator: ind.indicator.clone(),
                    partner: s.partner.clone(),
                    group: s.group.clone(),
                    phase: ph.and_then(|p| p.phase),
                    n: r.map_or(0, |r| r.n),
                    centre: r.and_then(|r| r.centre),
                    n_useful: r.map(|r| r.n_useful),
                    longest_run: r.and_then(|r| r.longest_run),
                    longest_run_max: r.and_then(|r| r.longest_run_max),
                    n_crossings: r.and_then(|r| r.n_crossings),
                    n_crossings_min: r.and_then(|r| r.n_crossings_min),
                    runs_signal: r.map(|r| r.runs_signal),
                    shift: r.map(|r| r.shift),
                    trend: r.map(|r| r.trend),
                    latest_period: s.latest_period,
                    latest_value: s.latest_value,
                    baseline_value: s.baseline_value,
                    target_value: s.target_value,
                    percent_of_target: s.percent_of_target,
                    forecast: s.forecast,
                    completeness: s.completeness,
                    periods_since_last: s.periods_since_last,
                });
            }
        }
    }
    out
}

//! The `Report`: everything convener finds about an initiative, as data (format
//! `convener-report/1`), and the what-if answer built on it. `render/` writes them.

pub mod schema;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};

use crate::conditions::{self, ConditionsReport};
use crate::error::Error;
use crate::findings::{self, Finding};
use crate::measure::{self, MeasureReport};
use crate::model::{Date, Id, Initiative, Options, Period, Text};
use crate::network::{self, NetworkReport, whatif::WhatIfDelta};
use crate::plan::{self, PlanReport};
use crate::util::parallel::join;

/// The report format marker, written `"convener-report/1"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReportFormat;

impl ReportFormat {
    /// The format name.
    pub const NAME: &'static str = "convener-report/1";
}

impl Serialize for ReportFormat {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(Self::NAME)
    }
}

impl JsonSchema for ReportFormat {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ReportFormat".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "const": ReportFormat::NAME })
    }
}

/// The initiative in brief.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct InitiativeSummary {
    /// Its id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Where it works.
    pub place: Option<Text>,
    /// When it started.
    pub started: Option<Date>,
    /// Partners.
    pub partners: u64,
    /// Ties reported.
    pub ties: u64,
    /// Goals.
    pub goals: u64,
    /// Outcomes.
    pub outcomes: u64,
    /// Activities.
    pub activities: u64,
    /// Indicators.
    pub indicators: u64,
    /// Measurements.
    pub measurements: u64,
    /// Channels.
    pub channels: u64,
    /// Surveys.
    pub surveys: u64,
    /// The backbone partner.
    pub backbone: Option<Id>,
}

/// Everything convener finds about an initiative. Written as pretty JSON with its keys in
/// this order; no version or time inside, so the same input gives the same bytes.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let report = doc.analyze(&Options::default());
/// let json = report.to_json();
/// assert!(json.starts_with("{\n  \"format\": \"convener-report/1\",\n  \"initiative\": {"));
/// assert_eq!(json, doc.analyze(&Options::default()).to_json());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "convener report (convener-report/1)")]
pub struct Report {
    /// Always `convener-report/1`.
    pub format: ReportFormat,
    /// The initiative in brief.
    pub initiative: InitiativeSummary,
    /// The period the analysis is as of.
    pub as_of: Option<Period>,
    /// The options used, with `as_of` resolved.
    pub options: Options,
    /// The five conditions.
    pub conditions: ConditionsReport,
    /// The partner network.
    pub network: NetworkReport,
    /// Shared measurement.
    pub measurement: MeasureReport,
    /// The plan.
    pub plan: PlanReport,
    /// What to look at, most severe first.
    pub findings: Vec<Finding>,
}

/// Analyses everything: network, measurement, plan, the five conditions and findings.
pub fn analyze(doc: &Initiative, options: &Options) -> Report {
    // The report always computes every network measure: `metrics` narrows the network
    // command's table, not the evidence the conditions and findings rest on.
    let as_of = measure::as_of(doc, options);
    let options = Options { as_of, metrics: None, ..options.clone() };
    // The three parts read the document only: computed side by side, each the same as alone.
    let (network, (measurement, plan)) = join(
        || network::analyze(doc, &options),
        || join(|| measure::analyze(doc, &options), || plan::analyze(doc, &options)),
    );
    let evidence =
        conditions::Evidence { doc, network: &network, measurement: &measurement, plan: &plan, options: &options };
    let conditions = conditions::assess(&evidence);
    let findings = findings::find(&findings::Sources {
        doc,
        network: &network,
        measurement: &measurement,
        plan: &plan,
        conditions: &conditions,
        options: &options,
    });
    let count = |n: usize| n as u64;
    Report {
        format: ReportFormat,
        initiative: InitiativeSummary {
            id: doc.initiative.id.clone(),
            name: doc.initiative.name.clone(),
            place: doc.initiative.place.clone(),
            started: doc.initiative.started,
            partners: count(doc.partners.len()),
            ties: count(doc.ties.len()),
            goals: count(doc.goals.len()),
            outcomes: count(doc.outcomes.len()),
            activities: count(doc.activities.len()),
            indicators: count(doc.indicators.len()),
            measurements: count(doc.measurements.len()),
            channels: count(doc.channels.len()),
            surveys: count(doc.surveys.len()),
            backbone: doc.backbone.as_ref().map(|b| b.partner.clone()),
        },
        as_of,
        options,
        conditions,
        network,
        measurement,
        plan,
        findings,
    }
}

/// The answer to "what if these partners left?": who left, what changed, and the whole
/// report without them.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WhatIf {
    /// The partners removed, in document order.
    pub removed: Vec<Id>,
    /// What changes in the network.
    pub delta: WhatIfDelta,
    /// The report of the initiative without them.
    pub report: Report,
}

/// Removes `ids` and analyses the result: `{removed, delta, report}`. The analysis period
/// stays that of the whole initiative.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let w = convener::report::what_if(&doc, &["a"], &Options::default()).unwrap();
/// assert_eq!(w.delta.newly_isolated[0].as_str(), "b");
/// assert_eq!(w.report.initiative.partners, 1);
/// ```
pub fn what_if(doc: &Initiative, ids: &[&str], options: &Options) -> Result<WhatIf, Error> {
    let scenario = doc.without(ids)?;
    let options = Options { as_of: measure::as_of(doc, options), ..options.clone() };
    let delta = network::whatif::delta(doc, &scenario, &options);
    let report = analyze(&scenario.initiative, &options);
    Ok(WhatIf { removed: scenario.removed, delta, report })
}

//! Findings: what a coordinator should look at, each with a stable dotted code, a
//! severity, the partners or items concerned, the numbers behind it, and a next step.

use schemars::JsonSchema;
use serde::Serialize;

use crate::codes::FindingCode;
use crate::conditions::ConditionsReport;
use crate::measure::MeasureReport;
use crate::model::{Condition, Id, Initiative, Polarity};
use crate::network::NetworkReport;
use crate::plan::{FundingRisk, PlanReport};

/// How much a finding matters.
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The findings found so far.
struct Out(Vec<Finding>);

impl Out {
    /// Adds a finding with its code's severity, condition and next step.
    fn add(&mut self, code: FindingCode, message: String, subjects: Vec<Id>, evidence: &[(&str, f64)]) {
        self.add_with_next_step(code, message, subjects, evidence, code.next_step());
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
    ) {
        self.0.push(Finding {
            code,
            severity: code.severity(),
            condition: code.condition(),
            message,
            subjects,
            evidence: evidence.iter().map(|(n, v)| Evidence { name: (*n).into(), value: *v }).collect(),
            next_step: next_step.into(),
        });
    }
}

fn names(doc: &Initiative, ids: &[Id]) -> String {
    let shown: Vec<String> = ids
        .iter()
        .take(5)
        .map(|id| {
            doc.partners.iter().find(|p| &p.id == id).map(|p| p.name.to_string()).unwrap_or_else(|| id.to_string())
        })
        .collect();
    let more = ids.len().saturating_sub(5);
    if more > 0 { format!("{} and {more} more", shown.join("; ")) } else { shown.join("; ") }
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
/// found. Thresholds are in `docs/scoring.md`.
pub fn find(s: &Sources) -> Vec<Finding> {
    let doc = s.doc;
    let net = s.network;
    let n = doc.partners.len();
    let mut out = Out(Vec::new());

    // Common agenda.
    match &doc.agenda {
        None => out.add(
            FindingCode::AgendaMissing,
            "There is no common agenda: partners have not written down a shared vision.".into(),
            vec![],
            &[],
        ),
        Some(a) => {
            let missing: Vec<Id> =
                doc.partners.iter().filter(|p| !a.endorsed_by.contains(&p.id)).map(|p| p.id.clone()).collect();
            if !missing.is_empty() && n > 0 {
                out.add(
                    FindingCode::AgendaNotEndorsed,
                    format!(
                        "{} of {n} partners {} not endorsed the agenda: {}.",
                        missing.len(),
                        if missing.len() == 1 { "has" } else { "have" },
                        names(doc, &missing)
                    ),
                    missing.clone(),
                    &[("endorsed_share", (n - missing.len()) as f64 / n as f64)],
                );
            }
        }
    }
    let voice: Vec<&crate::model::Partner> = doc
        .partners
        .iter()
        .filter(|p| p.sector == crate::model::Sector::FamilyVoice || p.lived_experience == Some(true))
        .collect();
    if voice.is_empty() && n > 0 {
        out.add(
            FindingCode::AgendaFamilyVoiceAbsent,
            "No partner speaks for families or brings lived experience.".into(),
            vec![],
            &[],
        );
    }
    for cycle in &s.plan.cycles {
        out.add(
            FindingCode::PlanCycle,
            format!(
                "Outcomes lead to each other in a circle: {}.",
                cycle.iter().map(Id::as_str).collect::<Vec<_>>().join(" → ")
            ),
            cycle.clone(),
            &[],
        );
    }
    if !s.plan.unreached_goals.is_empty() {
        out.add(
            FindingCode::PlanGoalUnreached,
            format!(
                "No outcome leads to these goals: {}.",
                s.plan.unreached_goals.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
            ),
            s.plan.unreached_goals.clone(),
            &[],
        );
    }

    // Shared measurement.
    if doc.indicators.is_empty() {
        out.add(FindingCode::MeasureNoIndicators, "The partnership has no shared indicators.".into(), vec![], &[]);
    }
    if !s.plan.outcomes_without_indicator.is_empty() {
        out.add(
            FindingCode::PlanOutcomeUnmeasured,
            format!(
                "No indicator measures: {}.",
                s.plan.outcomes_without_indicator.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
            ),
            s.plan.outcomes_without_indicator.clone(),
            &[],
        );
    }
    for ind in &s.measurement.indicators {
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
        let late: Vec<(Id, i64)> = ind
            .series
            .iter()
            .filter_map(|sr| Some((sr.partner.clone()?, sr.periods_since_last?)))
            .filter(|(p, k)| *k >= 2 && !ind.silent_reporters.contains(p))
            .collect();
        if !late.is_empty() {
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
        for c in &ind.clashes {
            out.add(FindingCode::MeasureCountingClash, c.message.clone(), c.partners.clone(), &[]);
        }
        for series in ind.series.iter().filter(|sr| sr.partner.is_none()) {
            if let Some(ph) = series.phases.last() {
                let r = &ph.runs;
                if r.runs_signal || r.shift || r.trend {
                    // The direction from the phase's visible points: the later half against the
                    // earlier half (the centre line may be hidden by suppression).
                    let from = series.points.len().saturating_sub(r.n as usize);
                    let visible: Vec<f64> = series.points[from..].iter().filter_map(|p| p.value).collect();
                    let half = visible.len() / 2;
                    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
                    let direction = if half == 0 {
                        "changing"
                    } else {
                        let (early, late) = (mean(&visible[..half]), mean(&visible[visible.len() - half..]));
                        if late == early {
                            "changing"
                        } else if (late > early) == (ind.polarity == Polarity::HigherIsBetter) {
                            "improving"
                        } else {
                            "worsening"
                        }
                    };
                    let group = series.group.as_ref().map(|g| format!(" ({g})")).unwrap_or_default();
                    out.add_with_next_step(
                        FindingCode::MeasureRunChartSignal,
                        format!("'{}'{group} shows non-random variation: it is {direction}.", ind.name),
                        vec![ind.indicator.clone()],
                        &[
                            ("longest_run", r.longest_run.unwrap_or(0) as f64),
                            ("longest_run_max", r.longest_run_max.unwrap_or(0) as f64),
                            ("n_crossings", r.n_crossings.unwrap_or(0) as f64),
                            ("n_crossings_min", r.n_crossings_min.unwrap_or(0) as f64),
                        ],
                        match FindingCode::MeasureRunChartSignal.next_step_case() {
                            Some(case) if direction == "worsening" => case.next_step,
                            _ => FindingCode::MeasureRunChartSignal.next_step(),
                        },
                    );
                }
            }
            let target_due = doc
                .indicators
                .iter()
                .find(|d| d.id == ind.indicator)
                .and_then(|d| d.target)
                .filter(|t| ind.as_of.is_some_and(|a| t.period <= a));
            // With a counting clash the pooled value mixes units: the clash is the finding.
            if let (Some(t), Some(p)) = (target_due, series.percent_of_target) {
                if p < 100.0 && ind.clashes.is_empty() {
                    out.add(
                        FindingCode::MeasureTargetMissed,
                        format!(
                            "'{}' was due to reach {} by {} and is at {:.0}% of it.",
                            ind.name, t.value, t.period, p
                        ),
                        vec![ind.indicator.clone()],
                        &[("percent_of_target", p)],
                    );
                }
            }
        }
    }

    // Mutually reinforcing activities.
    if !s.plan.outcomes_without_activity.is_empty() {
        out.add(
            FindingCode::PlanOutcomeUnserved,
            format!(
                "No activity serves: {}.",
                s.plan.outcomes_without_activity.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
            ),
            s.plan.outcomes_without_activity.clone(),
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
    for r in &s.plan.funding_risks {
        let (message, subjects) = match r {
            FundingRisk::ActivityEndsBeforeOutcome { activity, outcome, funded_until, outcome_by } => (
                format!("'{activity}' is funded until {funded_until}, before '{outcome}' is due ({outcome_by})."),
                vec![activity.clone(), outcome.clone()],
            ),
            FundingRisk::DependencyEndsFirst { activity, depends_on, depends_on_funded_until, .. } => (
                format!(
                    "'{activity}' depends on '{depends_on}', whose funding ends first ({depends_on_funded_until})."
                ),
                vec![activity.clone(), depends_on.clone()],
            ),
            FundingRisk::LeadFundingEnds { partner, activity, ends, .. } => (
                format!("The funding of '{partner}', which leads '{activity}', ends {ends}."),
                vec![partner.clone(), activity.clone()],
            ),
        };
        out.add(FindingCode::PlanFundingCliff, message, subjects, &[]);
    }
    let threshold = (n as f64 * 0.1).max(3.0) as u64;
    for d in net.dependencies.partners.iter().filter(|d| d.transitive_dependants >= threshold) {
        out.add(
            FindingCode::NetworkManyDependOn,
            format!(
                "{} partners cannot deliver without {}, directly or down the chain.",
                d.transitive_dependants,
                names(doc, std::slice::from_ref(&d.partner))
            ),
            vec![d.partner.clone()],
            &[
                ("direct_dependants", d.direct_dependants as f64),
                ("transitive_dependants", d.transitive_dependants as f64),
            ],
        );
    }
    for cycle in &net.dependencies.cycles {
        out.add(
            FindingCode::NetworkDependencyCycle,
            format!("{} depend on each other in a circle.", names(doc, cycle)),
            cycle.clone(),
            &[],
        );
    }

    // Continuous communication.
    if doc.channels.is_empty() {
        out.add(
            FindingCode::CommunicationNoChannels,
            "No communication channels are recorded: no meetings, newsletters or shared spaces.".into(),
            vec![],
            &[],
        );
    }
    let isolated: Vec<Id> = net.partners.iter().filter(|p| p.degree == Some(0)).map(|p| p.partner.clone()).collect();
    if !isolated.is_empty() && n > 1 {
        out.add(
            FindingCode::NetworkIsolatedPartner,
            format!(
                "{} {} no working connection with any partner.",
                names(doc, &isolated),
                if isolated.len() == 1 { "has" } else { "have" }
            ),
            isolated,
            &[],
        );
    }
    let losses = crate::network::whatif::Losses::new(doc, s.options);
    for p in net.partners.iter().filter(|p| p.articulation_point == Some(true)) {
        let v = doc.partners.iter().position(|x| x.id == p.partner).unwrap_or(0);
        let k = Some(losses.of(v));
        out.add(
            FindingCode::NetworkSinglePointOfFailure,
            format!(
                "{} is the only link between parts of the network: without it they lose touch.",
                names(doc, std::slice::from_ref(&p.partner))
            ),
            vec![p.partner.clone()],
            &[
                ("pairs_disconnected", k.map_or(0.0, |k| k.pairs_disconnected as f64)),
                ("betweenness", p.betweenness.unwrap_or(0.0)),
            ],
        );
    }
    for g in &net.sector_mixing.groups {
        // "Other" gathers unrelated sectors (and unknown ones): not a silo of its own.
        if g.group != crate::model::SectorGroup::Other && g.partners >= 3 && g.ei.index.is_some_and(|i| i <= -0.5) {
            out.add(
                FindingCode::NetworkSectorSilo,
                format!("{} partners work mostly among themselves.", capitalise(&g.group.as_str().replace('_', " "))),
                vec![],
                &[
                    ("ei_index", g.ei.index.unwrap_or(0.0)),
                    ("internal", g.ei.internal as f64),
                    ("external", g.ei.external as f64),
                ],
            );
        }
    }
    let low: Vec<&crate::model::Tie> =
        doc.ties.iter().filter(|t| t.trust.is_some_and(|tr| tr.score() <= 2.0)).collect();
    if !low.is_empty() {
        let mut ids: Vec<Id> = Vec::new();
        let mut listed: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for t in &low {
            for id in [&t.from, &t.to] {
                if listed.insert(id.as_str()) {
                    ids.push(id.clone());
                }
            }
        }
        let pairs: Vec<String> = low.iter().take(5).map(|t| format!("{} → {}", t.from, t.to)).collect();
        out.add(
            FindingCode::NetworkLowTrustPair,
            format!(
                "{} ties carry low trust (2 or less of 4): {}{}.",
                low.len(),
                pairs.join(", "),
                if low.len() > 5 { ", …" } else { "" }
            ),
            ids,
            &[("low_trust_ties", low.len() as f64)],
        );
    }
    let one_sided = net.asymmetric_pairs.len();
    if one_sided > 0 {
        out.add(FindingCode::NetworkOneSidedTie, format!(
                "{one_sided} {} {} their relationship differently (one names the other, or they rate it two or more levels apart).",
                if one_sided == 1 { "pair" } else { "pairs" },
                if one_sided == 1 { "sees" } else { "see" }
            ), vec![], &[("pairs", one_sided as f64)]);
    }

    // Surveys.
    for c in s.conditions.all() {
        let Some(p) = &c.perception else { continue };
        if let Some(gap) = p.group_gap.filter(|g| *g >= 1.0) {
            out.add(
                FindingCode::SurveyPerceptionGap,
                format!("On {}, sector groups differ by {gap:.1} points on the 1–5 scale.", c.name.to_lowercase()),
                vec![],
                &[("gap", gap)],
            );
            if let Some(f) = out.0.last_mut() {
                f.condition = Some(c.condition);
            }
        }
        if p.band == Some(crate::survey::WilderBand::Concern) {
            out.add(
                FindingCode::SurveyConcern,
                format!("Partners rate {} low: a mean of {:.1} of 5.", c.name.to_lowercase(), p.mean.unwrap_or(0.0)),
                vec![],
                &[("mean", p.mean.unwrap_or(0.0))],
            );
            if let Some(f) = out.0.last_mut() {
                f.condition = Some(c.condition);
            }
        }
    }

    for f in &s.conditions.factors {
        let p = &f.perception;
        if p.band == Some(crate::survey::WilderBand::Concern) {
            out.add(
                FindingCode::SurveyFactorConcern,
                format!("Partners rate the factor '{}' low: a mean of {:.1} of 5.", f.factor, p.mean.unwrap_or(0.0)),
                vec![],
                &[("mean", p.mean.unwrap_or(0.0))],
            );
        }
        if let Some(gap) = p.group_gap.filter(|g| *g >= 1.0) {
            out.add(
                FindingCode::SurveyFactorGap,
                format!("On the factor '{}', sector groups differ by {gap:.1} points on the 1–5 scale.", f.factor),
                vec![],
                &[("gap", gap)],
            );
        }
    }

    // Backbone.
    match &doc.backbone {
        None => out.add(
            FindingCode::BackboneMissing,
            "No backbone organisation coordinates the partnership.".into(),
            vec![],
            &[],
        ),
        Some(b) => {
            let led = doc.activities.iter().filter(|a| a.lead == b.partner).count();
            // No staff at all is the most stretched a backbone can be.
            let per_fte = b.staff_fte.map(|f| if f.get() > 0.0 { n as f64 / f.get() } else { f64::INFINITY });
            if per_fte.is_some_and(|r| r > 15.0)
                || (!doc.activities.is_empty() && led as f64 / doc.activities.len() as f64 > 0.3)
            {
                out.add(FindingCode::BackboneOverload, format!(
                        "The backbone is stretched: {} partners per full-time post, and it leads {led} of {} activities.",
                        per_fte.map(|r| if r.is_finite() { format!("{r:.0}") } else { "no staff: all".into() }).unwrap_or_else(|| "–".into()),
                        doc.activities.len()
                    ), vec![b.partner.clone()], &[("partners_per_fte", per_fte.filter(|r| r.is_finite()).unwrap_or(0.0)), ("activities_led", led as f64)]);
            }
            let weak: Vec<&str> =
                b.functions.ratings().iter().filter(|(_, r)| r.get() <= 1.5).map(|(n, _)| *n).collect();
            if !weak.is_empty() {
                out.add(
                    FindingCode::BackboneWeakFunction,
                    format!("The backbone is rated weak on: {}.", weak.join(", ").replace('_', " ")),
                    vec![b.partner.clone()],
                    &[],
                );
            }
        }
    }

    budget_findings(&mut out, net);

    let order = |c: Option<Condition>| c.map_or(5, |c| Condition::ALL.iter().position(|x| *x == c).unwrap_or(5));
    let mut findings = out.0;
    findings.sort_by_key(|f| (f.severity, order(f.condition)));
    findings
}

/// What a size budget left out or estimated: never silent.
fn budget_findings(out: &mut Out, net: &NetworkReport) {
    use crate::network::Method;
    let partners = net.summary.partners as f64;
    let paths = &net.summary.betweenness_method;
    match paths.method {
        Method::Sampled => out.add(FindingCode::NetworkMeasuresSampled, format!(
                "Betweenness was estimated, not computed exactly: the network has {} partners, over the budget of {}; it was {}. Closeness and the diameter were not computed.",
                net.summary.partners,
                paths.budget,
                paths.describe()
            ), vec![], &[
                ("partners", partners),
                ("budget", paths.budget as f64),
                ("sources", paths.sources.unwrap_or(0) as f64),
                ("error_bound", paths.error_bound.unwrap_or(0.0)),
                ("error_probability", paths.error_probability.unwrap_or(0.0)),
            ]),
        Method::Skipped => out.add(FindingCode::NetworkMeasuresSkipped, format!(
                "Betweenness, closeness and the diameter were not computed: the network has {} partners, over the budget of {}.",
                net.summary.partners, paths.budget
            ), vec![], &[("partners", partners), ("budget", paths.budget as f64)]),
        Method::Exact | Method::NotRequested => {}
    }
    let kp = &net.summary.key_players_method;
    if kp.method == Method::Skipped {
        out.add(
            FindingCode::NetworkKeyPlayersSkipped,
            format!(
                "Key players were not ranked: the network has {} partners, over the budget of {}.",
                net.summary.partners, kp.budget
            ),
            vec![],
            &[("partners", partners), ("budget", kp.budget as f64)],
        );
    }
}

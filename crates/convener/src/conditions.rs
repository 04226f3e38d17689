//! The five conditions of collective impact: an explainable evidence score for each, from
//! named sub-measures with weights, a stage, a confidence, and what partners think.
//!
//! Every formula, weight and threshold is in `docs/scoring.md` with its source.

use schemars::JsonSchema;
use serde::Serialize;

use crate::measure::MeasureReport;
use crate::model::{Condition, Frequency, Id, Initiative, Sector};
use crate::network::NetworkReport;
use crate::plan::PlanReport;
use crate::survey::{self, FactorPerception, Perception};

/// One named piece of evidence behind a condition's score.
///
/// # Example
/// ```
/// use convener::conditions::SubMeasure;
/// let s = SubMeasure::new("agenda_endorsement", "Agenda endorsement", 2.0, Some(0.8), "20 of 25 partners", "Kania & Kramer 2011");
/// assert_eq!(s.value, Some(0.8));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SubMeasure {
    /// Stable id, e.g. `agenda_endorsement`.
    pub id: String,
    /// Its name for people.
    pub name: String,
    /// Its value from 0 (none of it) to 1 (all of it); null when the data was not
    /// collected.
    pub value: Option<f64>,
    /// Its weight in the condition's score.
    pub weight: f64,
    /// How the value was reached, with the numbers behind it.
    pub explanation: String,
    /// Where the measure comes from.
    pub source: String,
}

impl SubMeasure {
    /// A sub-measure.
    pub fn new(
        id: &str,
        name: &str,
        weight: f64,
        value: Option<f64>,
        explanation: impl Into<String>,
        source: &str,
    ) -> Self {
        SubMeasure {
            id: id.into(),
            name: name.into(),
            value: value.map(|v| v.clamp(0.0, 1.0)),
            weight,
            explanation: explanation.into(),
            source: source.into(),
        }
    }
}

/// How far a condition has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Not in place: its structure is missing, there is no score, or the score is under 15.
    Absent,
    /// Beginning: 15 to under 40.
    Emerging,
    /// Taking shape: 40 to under 65.
    Developing,
    /// Working: 65 to under 85.
    Established,
    /// Part of how the partnership works: 85 or more.
    Embedded,
}

impl Stage {
    /// The stage of a score with a confidence: bands of the score, and no higher than
    /// `developing` when less than 60% of the evidence (by weight) was available.
    ///
    /// # Example
    /// ```
    /// use convener::conditions::Stage;
    /// assert_eq!(Stage::of(Some(85.0), 1.0), Stage::Embedded);
    /// assert_eq!(Stage::of(Some(84.9), 1.0), Stage::Established);
    /// assert_eq!(Stage::of(Some(85.0), 0.5), Stage::Developing);
    /// assert_eq!(Stage::of(Some(5.0), 1.0), Stage::Absent);
    /// ```
    pub fn of(score: Option<f64>, confidence: f64) -> Stage {
        let Some(s) = score else { return Stage::Absent };
        let stage = if s >= 85.0 {
            Stage::Embedded
        } else if s >= 65.0 {
            Stage::Established
        } else if s >= 40.0 {
            Stage::Developing
        } else if s >= 15.0 {
            Stage::Emerging
        } else {
            Stage::Absent
        };
        if confidence < 0.6 { stage.min(Stage::Developing) } else { stage }
    }
}

/// One condition's reading.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ConditionReport {
    /// The condition.
    pub condition: Condition,
    /// Its name for people.
    pub name: String,
    /// What it means, in a sentence.
    pub description: String,
    /// The evidence score, 0–100: 100 × Σ weight·value / Σ weight over the sub-measures
    /// with data; 0 when its structure is missing.
    pub score: Option<f64>,
    /// The stage.
    pub stage: Stage,
    /// Why the stage is held below the score's band when partners disagree, if it is (the
    /// confidence cap is explained by `confidence` itself).
    pub stage_note: Option<String>,
    /// Share of the sub-measures' weight that had data, 0–1.
    pub confidence: f64,
    /// Why the condition is absent, when its structure is missing.
    pub absent_because: Option<String>,
    /// The evidence.
    pub sub_measures: Vec<SubMeasure>,
    /// Sub-measures whose data was not collected.
    pub missing: Vec<String>,
    /// What partners think, from the latest survey asking about it.
    pub perception: Option<Perception>,
}

/// All five conditions, and the factors of a custom survey.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ConditionsReport {
    /// A shared vision for change.
    pub common_agenda: ConditionReport,
    /// Measuring results consistently.
    pub shared_measurement: ConditionReport,
    /// Activities that support each other.
    pub mutually_reinforcing_activities: ConditionReport,
    /// Open, regular communication that builds trust.
    pub continuous_communication: ConditionReport,
    /// A backbone organisation that coordinates.
    pub backbone_support: ConditionReport,
    /// Factor means of a custom survey (e.g. Wilder factors), if any.
    pub factors: Vec<FactorPerception>,
}

impl ConditionsReport {
    /// The five conditions in order.
    pub fn all(&self) -> [&ConditionReport; 5] {
        [
            &self.common_agenda,
            &self.shared_measurement,
            &self.mutually_reinforcing_activities,
            &self.continuous_communication,
            &self.backbone_support,
        ]
    }
}

/// The score from sub-measures: 100 × Σ wᵢvᵢ / Σ wᵢ over those with a value (summed in
/// order), and the confidence Σ wᵢ (with value) / Σ wᵢ (all).
///
/// # Example
/// ```
/// use convener::conditions::{SubMeasure, score};
/// let s = [SubMeasure::new("a", "A", 2.0, Some(1.0), "", ""), SubMeasure::new("b", "B", 1.0, Some(0.4), "", ""),
///          SubMeasure::new("c", "C", 1.0, None, "", "")];
/// let (score, confidence) = score(&s);
/// assert!((score.unwrap() - 80.0).abs() < 1e-12);
/// assert_eq!(confidence, 0.75);
/// ```
pub fn score(subs: &[SubMeasure]) -> (Option<f64>, f64) {
    let total: f64 = subs.iter().map(|s| s.weight).sum();
    let have: f64 = subs.iter().filter(|s| s.value.is_some()).map(|s| s.weight).sum();
    let weighted: f64 = subs.iter().filter_map(|s| s.value.map(|v| v * s.weight)).sum();
    let score = (have > 0.0).then(|| 100.0 * weighted / have);
    let confidence = if total > 0.0 { have / total } else { 0.0 };
    (score, confidence)
}

const KANIA: &str = "Kania & Kramer (2011), Collective Impact, Stanford Social Innovation Review";
const CIF: &str = "Collective Impact Forum (2018), Collective Impact Principles of Practice";
const FSG_BACKBONE: &str =
    "Turner, Merchant, Kania & Martin (2012), Understanding the Value of Backbone Organizations, SSIR";
const FSG_MEASURE: &str = "Kramer, Parkhurst & Vaidyanathan (2009), Breakthroughs in Shared Measurement, FSG";
const PARTNER: &str = "Varda et al., PARTNER tool (partnertool.net)";
const PERCEPTION: &str =
    "convener five-conditions survey, 1–5 agreement; bands after Wilder (Mattessich & Johnson 2018)";

fn share(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.0}%", x * 100.0)).unwrap_or_else(|| "–".into())
}

/// The two survey sub-measures every condition has: what partners think, and whether
/// sectors think alike.
fn perception_measures(p: &Option<Perception>) -> [SubMeasure; 2] {
    let (value, explanation) = match p {
        Some(p) if p.mean.is_some() => {
            let m = p.mean.unwrap_or(1.0);
            (Some((m - 1.0) / 4.0), format!("mean {:.2} on 1–5 from {} respondents: (mean − 1) / 4", m, p.respondents))
        }
        Some(p) => (None, format!("only {} respondents: scores are not shown under 3", p.respondents)),
        None => (None, "no survey asked partners about it".to_string()),
    };
    let (gap, gap_explanation) = match p.as_ref().and_then(|p| p.group_gap) {
        Some(g) => (Some(1.0 - g / 4.0), format!("sector groups' means differ by {g:.2} points: 1 − gap / 4")),
        None => (None, "fewer than two sector groups had 3 or more respondents".to_string()),
    };
    [
        SubMeasure::new("perception", "What partners think", 2.0, value, explanation, PERCEPTION),
        SubMeasure::new(
            "shared_view",
            "Sectors see it alike",
            1.0,
            gap,
            gap_explanation,
            "convener: the gap between sector groups, a sign of power imbalance (Collective Impact Forum 2018, equity)",
        ),
    ]
}

fn condition_report(
    condition: Condition,
    name: &str,
    description: &str,
    absent_because: Option<String>,
    sub_measures: Vec<SubMeasure>,
    perception: Option<Perception>,
) -> ConditionReport {
    let missing = if absent_because.is_some() {
        vec![]
    } else {
        sub_measures.iter().filter(|s| s.value.is_none() && s.weight > 0.0).map(|s| s.id.clone()).collect()
    };
    let (score, confidence, mut stage) = match &absent_because {
        Some(_) => (Some(0.0), 1.0, Stage::Absent),
        None => {
            let (s, c) = score(&sub_measures);
            (s, c, Stage::of(s, c))
        }
    };
    // Embedded also needs partners to agree it is there: no sector group a point or more
    // apart, and a mean perception of at least 3 (Wilder's borderline).
    let mut stage_note = None;
    if stage == Stage::Embedded {
        if let Some(p) = &perception {
            let split = p.group_gap.is_some_and(|g| g >= 1.0);
            let doubted = p.mean.is_some_and(|m| m < 3.0);
            if split || doubted {
                stage = Stage::Established;
                stage_note = Some(if split {
                    "held at established: sector groups' views differ by a point or more".to_string()
                } else {
                    "held at established: partners' mean view is under 3 of 5".to_string()
                });
            }
        }
    }
    ConditionReport {
        condition,
        name: name.into(),
        description: description.into(),
        score,
        stage,
        stage_note,
        confidence,
        absent_because,
        sub_measures,
        missing,
        perception,
    }
}

/// Everything the conditions are read from.
pub struct Evidence<'a> {
    /// The document.
    pub doc: &'a Initiative,
    /// Its network analysis.
    pub network: &'a NetworkReport,
    /// Its measurement analysis.
    pub measurement: &'a MeasureReport,
    /// Its plan analysis.
    pub plan: &'a PlanReport,
    /// The options of the analysis.
    pub options: &'a crate::model::Options,
}

/// Reads the five conditions from the evidence.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let report = doc.analyze(&Options::default());
/// for c in report.conditions.all() {
///     let (score, _) = convener::conditions::score(&c.sub_measures);
///     assert_eq!(c.score, score);
/// }
/// ```
pub fn assess(e: &Evidence) -> ConditionsReport {
    let perceive = |c: Condition| {
        survey::current(e.doc, e.measurement.as_of, |i| i.condition == Some(c))
            .and_then(|s| survey::condition(e.doc, s, c))
    };
    let custom = survey::current(e.doc, e.measurement.as_of, |i| i.factor.is_some());
    ConditionsReport {
        common_agenda: common_agenda(e, perceive(Condition::CommonAgenda)),
        shared_measurement: shared_measurement(e, perceive(Condition::SharedMeasurement)),
        mutually_reinforcing_activities: activities(e, perceive(Condition::MutuallyReinforcingActivities)),
        continuous_communication: communication(e, perceive(Condition::ContinuousCommunication)),
        backbone_support: backbone(e, perceive(Condition::BackboneSupport)),
        factors: custom.map(|s| survey::factors(e.doc, s)).unwrap_or_default(),
    }
}

fn common_agenda(e: &Evidence, perception: Option<Perception>) -> ConditionReport {
    let doc = e.doc;
    let n = doc.partners.len();
    let absent = doc.agenda.is_none().then(|| "there is no common agenda in the document".to_string());
    let endorsed = doc.agenda.as_ref().map_or(0, |a| a.endorsed_by.len());
    let outcomes = doc.outcomes.len();
    let plan = e.plan;
    let broken: std::collections::BTreeSet<&Id> =
        plan.dead_end_outcomes.iter().chain(plan.cycles.iter().flatten()).collect();
    let sound = doc.outcomes.iter().filter(|o| !broken.contains(&o.id)).count();
    let goals = doc.goals.len();
    let reached = goals - plan.unreached_goals.len().min(goals);
    let voice: Vec<&crate::model::Partner> =
        doc.partners.iter().filter(|p| p.sector == Sector::FamilyVoice || p.lived_experience == Some(true)).collect();
    let voice_endorsed =
        voice.iter().filter(|p| doc.agenda.as_ref().is_some_and(|a| a.endorsed_by.contains(&p.id))).count();
    let mut subs = vec![
        SubMeasure::new(
            "agenda_endorsement",
            "Partners who endorsed the agenda",
            2.0,
            Some(share(endorsed, n).unwrap_or(0.0)),
            format!("{endorsed} of {n} partners endorsed it"),
            KANIA,
        ),
        SubMeasure::new(
            "theory_of_change",
            "Outcomes in a sound chain to a goal",
            1.5,
            Some(share(sound, outcomes).unwrap_or(0.0)),
            format!("{sound} of {outcomes} outcomes lead to a goal without a cycle"),
            CIF,
        ),
        SubMeasure::new(
            "goal_coverage",
            "Goals some outcome leads to",
            1.0,
            Some(share(reached, goals).unwrap_or(0.0)),
            format!("{reached} of {goals} goals"),
            CIF,
        ),
        SubMeasure::new(
            "family_voice",
            "Family voice and lived experience in the agenda",
            1.5,
            Some(share(voice_endorsed, voice.len()).unwrap_or(0.0)),
            if voice.is_empty() {
                "no family-voice or lived-experience partner takes part".to_string()
            } else {
                format!("{voice_endorsed} of {} family-voice or lived-experience partners endorsed it", voice.len())
            },
            CIF,
        ),
    ];
    subs.extend(perception_measures(&perception));
    condition_report(
        Condition::CommonAgenda,
        "Common agenda",
        "A shared vision for change, a common understanding of the problem and a joint approach to solving it.",
        absent,
        subs,
        perception,
    )
}

fn shared_measurement(e: &Evidence, perception: Option<Perception>) -> ConditionReport {
    let doc = e.doc;
    let absent = doc.indicators.is_empty().then(|| "the partnership has no shared indicators".to_string());
    let m = e.measurement;
    let shared = doc.indicators.iter().filter(|i| !i.reporters.is_empty()).count();
    let measured = doc.outcomes.iter().filter(|o| doc.indicators.iter().any(|i| i.measures.contains(&o.id))).count();
    let reporter_series: Vec<&crate::measure::Series> = m
        .indicators
        .iter()
        .flat_map(|i| {
            let reporters: std::collections::HashSet<&str> = doc
                .indicators
                .iter()
                .find(|d| d.id == i.indicator)
                .map(|d| d.reporters.iter().map(Id::as_str).collect())
                .unwrap_or_default();
            i.series
                .iter()
                .filter(move |s| s.partner.as_ref().is_some_and(|p| reporters.contains(p.as_str())))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut pairs: Vec<(&Id, &Id)> = Vec::new();
    for i in &doc.indicators {
        for r in &i.reporters {
            pairs.push((&i.id, r));
        }
    }
    let silent: usize = m.indicators.iter().map(|i| i.silent_reporters.len()).sum();
    let completeness: Vec<f64> = reporter_series.iter().filter_map(|s| s.completeness).collect();
    let mean_completeness =
        (!completeness.is_empty()).then(|| completeness.iter().sum::<f64>() / completeness.len() as f64);
    // Timeliness among series with data; those with none count under reporting coverage.
    let with_data: Vec<&&crate::measure::Series> =
        reporter_series.iter().filter(|s| s.latest_period.is_some()).collect();
    let up_to_date = with_data.iter().filter(|s| s.periods_since_last == Some(0)).count();
    let clashing = m.indicators.iter().filter(|i| !i.clashes.is_empty()).count();
    let n_ind = doc.indicators.len();
    let mut subs = vec![
        SubMeasure::new(
            "shared_set",
            "A shared set of indicators",
            1.0,
            Some((shared as f64 / 6.0).min(1.0)),
            format!("{shared} indicators have reporters; a set of about 6 or more is full marks"),
            "convener heuristic: a short shared set of about 6 indicators or more (after FSG 2009)",
        ),
        SubMeasure::new(
            "outcome_coverage",
            "Outcomes measured by an indicator",
            1.5,
            Some(share(measured, doc.outcomes.len()).unwrap_or(0.0)),
            format!("{measured} of {} outcomes", doc.outcomes.len()),
            FSG_MEASURE,
        ),
        SubMeasure::new(
            "reporting_coverage",
            "Expected reporters who report",
            1.0,
            share(pairs.len() - silent.min(pairs.len()), pairs.len()),
            format!(
                "{} of {} indicator–reporter pairs have reported",
                pairs.len() - silent.min(pairs.len()),
                pairs.len()
            ),
            FSG_MEASURE,
        ),
        SubMeasure::new(
            "completeness",
            "Periods reported",
            1.5,
            mean_completeness,
            format!("mean completeness {} over {} reporter series", pct(mean_completeness), completeness.len()),
            FSG_MEASURE,
        ),
        SubMeasure::new(
            "timeliness",
            "Reporters up to date",
            1.0,
            share(up_to_date, with_data.len()),
            format!("{up_to_date} of {} reporter series with data have the latest period", with_data.len()),
            FSG_MEASURE,
        ),
        SubMeasure::new(
            "consistency",
            "Indicators counted the same way by all",
            1.0,
            share(n_ind - clashing.min(n_ind), n_ind),
            format!("{clashing} of {n_ind} indicators show a counting clash"),
            FSG_MEASURE,
        ),
    ];
    subs.extend(perception_measures(&perception));
    condition_report(
        Condition::SharedMeasurement,
        "Shared measurement",
        "Collecting data and measuring results consistently across partners, and using them to learn.",
        absent,
        subs,
        perception,
    )
}

fn activities(e: &Evidence, perception: Option<Perception>) -> ConditionReport {
    let doc = e.doc;
    let n = doc.partners.len();
    let absent = doc.activities.is_empty().then(|| "no activities are recorded".to_string());
    let served = doc.outcomes.iter().filter(|o| doc.activities.iter().any(|a| a.outcomes.contains(&o.id))).count();
    let taking_part: std::collections::HashSet<&str> = doc
        .activities
        .iter()
        .flat_map(|a| std::iter::once(a.lead.as_str()).chain(a.partners.iter().map(Id::as_str)))
        .collect();
    let engaged = doc.partners.iter().filter(|p| taking_part.contains(p.id.as_str())).count();
    let plan = e.plan;
    let pairs = plan.effort_pairs as usize;
    let uncoordinated = plan.uncoordinated_effort.len();
    let largest_cascade = e.network.dependencies.partners.iter().map(|p| p.transitive_dependants).max().unwrap_or(0);
    let others = n.saturating_sub(1);
    let at_risk: std::collections::BTreeSet<&Id> = plan.funding_risks.iter().map(|r| r.activity()).collect();
    let n_act = doc.activities.len();
    let mut subs = vec![
        SubMeasure::new(
            "outcome_coverage",
            "Outcomes some activity serves",
            1.5,
            Some(share(served, doc.outcomes.len()).unwrap_or(0.0)),
            format!("{served} of {} outcomes", doc.outcomes.len()),
            KANIA,
        ),
        SubMeasure::new(
            "partner_engagement",
            "Partners leading or taking part in an activity",
            1.0,
            Some(share(engaged, n).unwrap_or(0.0)),
            format!("{engaged} of {n} partners"),
            KANIA,
        ),
        SubMeasure::new(
            "coordination",
            "Activities on a shared outcome whose teams work together",
            // Not applicable (no weight) when no outcome is served by two activities.
            if pairs == 0 { 0.0 } else { 1.5 },
            share(pairs - uncoordinated.min(pairs), pairs),
            if pairs == 0 {
                "not applicable: no outcome is served by two or more activities".to_string()
            } else {
                format!(
                    "{} of {pairs} pairs of activities on a shared outcome have a tie at coordinate or above, or a partner in common",
                    pairs - uncoordinated.min(pairs)
                )
            },
            CIF,
        ),
        SubMeasure::new(
            "dependency_health",
            "No partner many others cannot do without",
            1.0,
            Some(1.0 - share(largest_cascade as usize, others).unwrap_or(0.0)),
            format!("the most depended-on partner would leave {largest_cascade} of {others} others without a provider"),
            "partner dependency graph (convener); Borgatti (2006)",
        ),
        SubMeasure::new(
            "funding_stability",
            "Activities without a funding cliff",
            1.0,
            share(n_act - at_risk.len().min(n_act), n_act),
            format!("{} of {n_act} activities have a funding risk", at_risk.len()),
            KANIA,
        ),
    ];
    subs.extend(perception_measures(&perception));
    condition_report(
        Condition::MutuallyReinforcingActivities,
        "Mutually reinforcing activities",
        "Different activities, each doing what it does best, coordinated through a shared plan of action.",
        absent,
        subs,
        perception,
    )
}

fn communication(e: &Evidence, perception: Option<Perception>) -> ConditionReport {
    let doc = e.doc;
    let n = doc.partners.len();
    let absent = doc.channels.is_empty().then(|| "no communication channels are recorded".to_string());
    let reach_of = |f: Frequency| match f {
        Frequency::Daily | Frequency::Weekly | Frequency::Monthly => 1.0,
        Frequency::Quarterly => 0.5,
        Frequency::Annual => 0.25,
        Frequency::Never => 0.0,
    };
    // Each member's channels, in channel order (as the fold below visits them).
    let mut channels_of: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (k, c) in doc.channels.iter().enumerate() {
        for m in &c.members {
            let list = channels_of.entry(m.as_str()).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
    }
    let none: Vec<usize> = Vec::new();
    let best: Vec<f64> = doc
        .partners
        .iter()
        .map(|p| {
            let mine = channels_of.get(p.id.as_str()).unwrap_or(&none);
            mine.iter().map(|&k| reach_of(doc.channels[k].frequency)).fold(0.0, f64::max)
        })
        .collect();
    let members = doc.partners.iter().filter(|p| channels_of.contains_key(p.id.as_str())).count();
    let rhythm = (n > 0).then(|| best.iter().sum::<f64>() / n as f64);
    let net = e.network;
    let reach = net.summary.backbone_reach;
    // Sector mixing needs partners of at least two known sector groups.
    let known: std::collections::BTreeSet<crate::model::SectorGroup> =
        doc.partners.iter().filter(|p| p.sector != Sector::Unknown).map(|p| p.sector.group()).collect();
    let mixing = if known.len() >= 2 { net.sector_mixing.network.index.map(|ei| (ei + 1.0) / 2.0) } else { None };
    let (reported_back, to_respondents) = reciprocity_among_respondents(e);
    let mut subs = vec![
        SubMeasure::new(
            "channel_coverage",
            "Partners reached by a channel",
            1.5,
            Some(share(members, n).unwrap_or(0.0)),
            format!("{members} of {n} partners are members of a channel"),
            KANIA,
        ),
        SubMeasure::new(
            "channel_rhythm",
            "How often partners hear from the partnership",
            1.0,
            rhythm,
            "per partner, its most frequent channel: monthly or more 1, quarterly ½, annual ¼, none 0; averaged"
                .to_string(),
            KANIA,
        ),
        SubMeasure::new(
            "backbone_reach",
            "Partners within two steps of the backbone",
            1.0,
            if doc.backbone.is_some() { reach } else { Some(0.0) },
            match (reach, doc.backbone.is_some()) {
                (Some(r), _) => format!("{} of the other partners", pct(Some(r))),
                (None, true) => "the backbone has no other partner to reach".to_string(),
                (None, false) => "no backbone to reach partners".to_string(),
            },
            FSG_BACKBONE,
        ),
        SubMeasure::new(
            "reciprocity",
            "Ties reported by both sides",
            1.0,
            share(reported_back, to_respondents),
            format!(
                "{reported_back} of {to_respondents} ties to partners who answered the network survey are reported back"
            ),
            PARTNER,
        ),
        SubMeasure::new(
            "network_trust",
            "Trust between partners",
            1.5,
            net.trust.mean.map(|m| (m - 1.0) / 3.0),
            match net.trust.mean {
                Some(m) => format!("mean trust {m:.2} on 1–4 over {} rated ties: (mean − 1) / 3", net.trust.rated_ties),
                None => "no tie carries trust ratings".to_string(),
            },
            PARTNER,
        ),
        SubMeasure::new(
            "sector_mixing",
            "Connections across sectors",
            1.0,
            mixing,
            if mixing.is_some() {
                format!(
                    "E-I index {}: (E-I + 1) / 2 is the share of connections that cross sector groups",
                    net.sector_mixing.network.index.map(|x| format!("{x:.2}")).unwrap_or_else(|| "–".into())
                )
            } else {
                "needs connections and partners of at least two known sector groups".to_string()
            },
            "Krackhardt & Stern (1988)",
        ),
    ];
    subs.extend(perception_measures(&perception));
    condition_report(
        Condition::ContinuousCommunication,
        "Continuous communication",
        "Consistent and open communication across the many players, to build trust and common motivation.",
        absent,
        subs,
        perception,
    )
}

fn backbone(e: &Evidence, perception: Option<Perception>) -> ConditionReport {
    let doc = e.doc;
    let n = doc.partners.len();
    let Some(b) = doc.backbone.as_ref() else {
        return condition_report(
            Condition::BackboneSupport,
            "Backbone support",
            "A separate organisation with staff to coordinate the partnership.",
            Some("no backbone organisation is named".to_string()),
            perception_measures(&perception).to_vec(),
            perception,
        );
    };
    let measures = e.network.partners.iter().find(|p| p.partner == b.partner);
    let functions = b.functions.mean();
    let loss = doc.partners.iter().position(|p| p.id == b.partner).map(|v| {
        let k = crate::network::whatif::loss_of(doc, e.options, v);
        (k.damage, k.pairs_disconnected, k.cascade_partners)
    });
    let damage = loss.map(|l| l.0);
    let capacity = b.staff_fte.map(|f| (f.get() * 10.0 / n.max(1) as f64).min(1.0));
    let mut subs = vec![
        SubMeasure::new(
            "functions",
            "The six backbone functions",
            2.0,
            Some((functions - 1.0) / 3.0),
            format!("mean rating {functions:.2} of 4 over the six functions: (mean − 1) / 3"),
            FSG_BACKBONE,
        ),
        SubMeasure::new(
            "network_position",
            "The backbone's closeness to all partners",
            1.0,
            measures.and_then(|m| m.closeness),
            format!(
                "closeness {}",
                measures.and_then(|m| m.closeness).map(|c| format!("{c:.2}")).unwrap_or_else(|| "–".into())
            ),
            "Freeman (1979); Wasserman & Faust (1994)",
        ),
        SubMeasure::new(
            "capacity",
            "Backbone staff for the size of the partnership",
            1.0,
            capacity,
            match b.staff_fte {
                Some(f) => format!("{} full-time staff for {n} partners: one per 10 partners is full marks", f.get()),
                None => "the backbone's staff is not recorded".to_string(),
            },
            "convener heuristic: one full-time post per 10 partners",
        ),
        SubMeasure::new(
            "resilience",
            "The network holds together without it",
            1.0,
            damage.map(|d| 1.0 - d.min(1.0)),
            match loss {
                Some((d, pairs, cascade)) => format!(
                    "without it, {pairs} pairs of partners lose touch and {cascade} partners lose a provider: damage {d:.2} (0–2); 1 − damage"
                ),
                None => "the backbone is not one of the partners".to_string(),
            },
            "Borgatti (2006)",
        ),
    ];
    subs.extend(perception_measures(&perception));
    condition_report(
        Condition::BackboneSupport,
        "Backbone support",
        "A separate organisation with staff to coordinate the partnership.",
        None,
        subs,
        perception,
    )
}

/// Directed ties (at or above the minimum level) to partners who answered the network
/// survey, and how many of them the other side reported back: (reported back, all).
/// Partners who did not answer cannot report back, so ties to them are left out.
fn reciprocity_among_respondents(e: &Evidence) -> (usize, usize) {
    let doc = e.doc;
    let rule = crate::network::EdgeRule { min_level: e.network.min_level, kinds: e.network.tie_kinds.clone() };
    let responded: std::collections::HashMap<&str, bool> =
        doc.partners.iter().map(|p| (p.id.as_str(), p.responded)).collect();
    let arcs: std::collections::HashSet<(&str, &str)> = doc
        .ties
        .iter()
        .filter(|t| rule.admits(t.level, &t.kinds) && t.from != t.to)
        .map(|t| (t.from.as_str(), t.to.as_str()))
        .collect();
    // Counts only: the set's order does not matter.
    let to_respondents: Vec<&(&str, &str)> =
        arcs.iter().filter(|(_, b)| responded.get(b).copied().unwrap_or(false)).collect();
    let back = to_respondents.iter().filter(|(a, b)| arcs.contains(&(*b, *a))).count();
    (back, to_respondents.len())
}

//! The report for people as a page of blocks — headings, paragraphs, tables, findings,
//! figures — worded once and written by [`markdown`](super::markdown) and
//! [`html`](super::html). Text in a block is already marked up for its target by a
//! [`Markup`], so the two writers only lay the blocks out.

use crate::conditions::ConditionReport;
use crate::findings::Finding;
use crate::measure::{IndicatorReport, Phase, Series};
use crate::model::{Id, Initiative};
use crate::network::{Method, NetworkSummary};
use crate::plan::PlanReport;
use crate::render::{svg, words};
use crate::report::Report;
use crate::util::text::{fixed, or_missing, percent, words as spaced};

/// How text is marked up for a target.
pub(crate) trait Markup {
    /// Text from the document or the report, escaped.
    fn text(s: &str) -> String;
    /// Strong emphasis around marked-up text.
    fn strong(s: &str) -> String;
    /// A link to an anchor of the same page around marked-up text.
    fn link(anchor: &str, s: &str) -> String;
    /// Whether figures (inline SVG) can be shown.
    const FIGURES: bool;
}

/// One block of the page.
pub(crate) enum Block {
    /// A section starts: its anchor and heading (level 2).
    Section { id: String, title: String },
    /// The current section ends.
    SectionEnd,
    /// A heading below a section's, with an optional anchor.
    Heading { level: u8, id: Option<String>, text: String },
    /// A paragraph of marked-up text.
    Paragraph(String),
    /// A paragraph of secondary text.
    Note(String),
    /// A table.
    Table(Table),
    /// The scorecard: a table whose score cells carry a bar.
    Scorecard(Table, Vec<f64>),
    /// A finding with its next step.
    Finding(FindingView),
    /// A titled list of marked-up items.
    List { title: String, items: Vec<String> },
    /// A picture (inline SVG) with its caption; only where figures can be shown.
    Figure { svg: String, caption: String },
    /// Blocks folded under a summary line (open or closed at first).
    Details { summary: String, open: bool, blocks: Vec<Block> },
}

/// A table: caption, column headers (with whether the column holds numbers) and rows of
/// marked-up cells, the first cell of each row heading it.
pub(crate) struct Table {
    pub caption: String,
    pub columns: Vec<(&'static str, bool)>,
    pub rows: Vec<Vec<String>>,
}

/// A finding's parts, marked up.
pub(crate) struct FindingView {
    pub severity: &'static str,
    pub code: String,
    pub message: String,
    pub next_step: String,
}

/// The page's opening line.
pub(crate) fn lede<M: Markup>(report: &Report) -> String {
    let i = &report.initiative;
    format!(
        "Collective impact report{}{}. {} partners, {} ties, {} indicators, {} activities.",
        i.place.as_ref().map(|p| format!(", {}", M::text(p.as_str()))).unwrap_or_default(),
        report.as_of.map(|p| format!(", as of {p}")).unwrap_or_default(),
        i.partners,
        i.ties,
        i.indicators,
        i.activities
    )
}

/// The closing words.
pub(crate) const FOOTER: &str = "Made with convener, an open, explainable engine for collective-impact partnerships. Every score shows the evidence behind it; the formulas and their sources are in docs/scoring.md. The same document always gives the same report.";

/// Every block of the report, in order: the scorecard and each condition's evidence, the
/// network, shared measurement, the plan, and every finding.
pub(crate) fn blocks<M: Markup>(doc: &Initiative, report: &Report) -> Vec<Block> {
    let mut out = Vec::new();
    conditions::<M>(&mut out, report);
    network::<M>(&mut out, doc, report);
    measurement::<M>(&mut out, report);
    plan::<M>(&mut out, &report.plan);
    findings::<M>(&mut out, &report.findings);
    out
}

fn anchor(c: &ConditionReport) -> String {
    c.condition.as_str().replace('_', "-")
}

fn conditions<M: Markup>(out: &mut Vec<Block>, report: &Report) {
    out.push(Block::Section { id: "scorecard".into(), title: "The five conditions".into() });
    out.push(Block::Paragraph("Each score, from 0 to 100, is a weighted mean of named pieces of evidence, shown under each condition below. Confidence is the share of that evidence the partnership has collected.".into()));
    let all = report.conditions.all();
    let rows = all
        .iter()
        .map(|c| {
            vec![
                M::link(&anchor(c), &M::text(&c.name)),
                fixed(c.score, 0),
                words::stage(c.stage).into(),
                percent(Some(c.confidence)),
            ]
        })
        .collect();
    let table = Table {
        caption: "Scorecard".into(),
        columns: vec![("Condition", false), ("Score", true), ("Stage", false), ("Confidence", true)],
        rows,
    };
    out.push(Block::Scorecard(table, all.iter().map(|c| c.score.unwrap_or(0.0).clamp(0.0, 100.0)).collect()));
    for c in all {
        condition::<M>(out, c, &report.findings);
    }
    out.push(Block::SectionEnd);
}

fn condition<M: Markup>(out: &mut Vec<Block>, c: &ConditionReport, findings: &[Finding]) {
    out.push(Block::Heading { level: 3, id: Some(anchor(c)), text: M::text(&c.name) });
    out.push(Block::Note(M::text(&c.description)));
    out.push(Block::Paragraph(format!(
        "Score {} of 100, stage {}, confidence {}.",
        M::strong(&fixed(c.score, 0)),
        M::strong(words::stage(c.stage)),
        percent(Some(c.confidence))
    )));
    if let Some(note) = &c.stage_note {
        out.push(Block::Paragraph(format!("The stage is {}.", M::text(note))));
    }
    if let Some(why) = &c.absent_because {
        out.push(Block::Paragraph(format!("{} {}.", M::strong("Absent:"), M::text(why))));
    }
    out.push(Block::Table(evidence::<M>(c)));
    if let Some(p) = &c.perception {
        out.push(Block::Paragraph(format!(
            "Partners' view (survey {}, {}): {} respondents, mean {} of 5{}, agreement {}{}.",
            M::text(p.survey.as_str()),
            p.date,
            p.respondents,
            fixed(p.mean, 2),
            p.band.map(|b| format!(" ({})", format!("{b:?}").to_lowercase())).unwrap_or_default(),
            percent(p.agreement),
            p.group_gap.map(|g| format!(", gap between sector groups {g:.2} points")).unwrap_or_default()
        )));
    }
    let mine: Vec<&Finding> = findings.iter().filter(|f| f.condition == Some(c.condition)).collect();
    if !mine.is_empty() {
        let title = format!("Findings on {}", M::text(&c.name.to_lowercase()));
        out.push(Block::Heading { level: 4, id: None, text: title });
        out.extend(mine.into_iter().map(|f| Block::Finding(finding::<M>(f))));
    }
}

fn evidence<M: Markup>(c: &ConditionReport) -> Table {
    let rows = c
        .sub_measures
        .iter()
        .map(|s| {
            let value = match s.value {
                Some(v) => percent(Some(v)),
                None if s.weight == 0.0 => "not applicable".into(),
                None => "not collected".into(),
            };
            vec![M::text(&s.name), value, s.weight.to_string(), M::text(&s.explanation)]
        })
        .collect();
    Table {
        caption: format!("The evidence behind the score of {}", M::text(&c.name.to_lowercase())),
        columns: vec![("Sub-measure", false), ("Value", true), ("Weight", true), ("How it was reached", false)],
        rows,
    }
}

fn finding<M: Markup>(f: &Finding) -> FindingView {
    FindingView {
        severity: words::severity(f.severity),
        code: M::text(&f.code),
        message: M::text(&f.message),
        next_step: M::text(&f.next_step),
    }
}

fn network<M: Markup>(out: &mut Vec<Block>, doc: &Initiative, report: &Report) {
    let net = &report.network;
    let s = &net.summary;
    out.push(Block::Section { id: "network".into(), title: "The partner network".into() });
    out.push(Block::Paragraph(format!(
        "{} partners and {} connections (ties at {} or above); density {}, {} components (the largest holds {} of partners), {} isolated, {} articulation points. Reciprocity {}, trust {} of the top of the scale, {} communities (modularity {}).",
        s.partners,
        s.connections,
        net.min_level,
        fixed(s.density, 2),
        s.components,
        percent(s.largest_component_share),
        s.isolates,
        s.articulation_points,
        percent(s.reciprocity),
        net.trust.percent.map(|p| format!("{p:.0}%")).unwrap_or_else(|| or_missing(None::<f64>)),
        or_missing(s.communities),
        fixed(s.modularity, 2)
    )));
    out.push(Block::Note(M::text(&methods_text(s))));
    match svg::network(doc, net).filter(|_| M::FIGURES) {
        Some(picture) => {
            let caption = format!("The partner network.{}", svg::network_legend());
            out.push(Block::Figure { svg: picture, caption });
        }
        None if M::FIGURES => out.push(Block::Note(format!(
            "The network has {} partners: too many to draw legibly ({} at most). The table lists every partner.",
            s.partners,
            svg::MAX_DRAWN_PARTNERS
        ))),
        None => {}
    }
    let summary = "Every partner's measures (the table behind the picture)".to_string();
    out.push(Block::Details { summary, open: true, blocks: vec![Block::Table(partners::<M>(report))] });
    key_players::<M>(out, doc, report);
    out.push(Block::SectionEnd);
}

/// One sentence on how the budgeted measures were computed.
fn methods_text(s: &NetworkSummary) -> String {
    let paths = &s.betweenness_method;
    let first = match paths.method {
        Method::Sampled => format!(
            "Betweenness: {}; closeness and the diameter: skipped: over the budget of {} partners.",
            paths.describe(),
            paths.budget
        ),
        _ => format!("Betweenness, closeness and the diameter: {}.", paths.describe()),
    };
    format!("{first} Key players: {}.", s.key_players_method.describe())
}

fn partners<M: Markup>(report: &Report) -> Table {
    let rows = report
        .network
        .partners
        .iter()
        .map(|p| {
            vec![
                M::text(p.name.as_str()),
                spaced(p.sector.as_str()),
                or_missing(p.degree),
                fixed(p.betweenness, 3),
                fixed(p.closeness, 3),
                or_missing(p.community),
                fixed(p.trust, 2),
                if p.articulation_point == Some(true) { "yes" } else { "no" }.into(),
            ]
        })
        .collect();
    Table {
        caption: "Partners and their place in the network".into(),
        columns: vec![
            ("Partner", false),
            ("Sector", false),
            ("Degree", true),
            ("Betweenness", true),
            ("Closeness", true),
            ("Community", true),
            ("Trust (1–4)", true),
            ("Articulation point", false),
        ],
        rows,
    }
}

/// How many key players the report lists (the JSON has them all). convener's own choice:
/// the ten whose loss would hurt most fit one table.
const KEY_PLAYERS_SHOWN: usize = 10;

fn key_players<M: Markup>(out: &mut Vec<Block>, doc: &Initiative, report: &Report) {
    let net = &report.network;
    if net.key_players.is_empty() {
        return;
    }
    let name = |id: &Id| {
        doc.partners.iter().find(|p| &p.id == id).map(|p| p.name.to_string()).unwrap_or_else(|| id.to_string())
    };
    let rows = net
        .key_players
        .iter()
        .take(KEY_PLAYERS_SHOWN)
        .map(|k| {
            vec![
                M::text(&name(&k.partner)),
                k.pairs_disconnected.to_string(),
                k.cascade_partners.to_string(),
                k.cascade_activities.to_string(),
            ]
        })
        .collect();
    let title = "Partners the network can least afford to lose".to_string();
    out.push(Block::Heading { level: 3, id: Some("key-players".into()), text: title });
    out.push(Block::Table(Table {
        caption: "Key players, by the damage of their loss".into(),
        columns: vec![
            ("Partner", false),
            ("Pairs cut off", true),
            ("Partners losing a provider", true),
            ("Activities hit", true),
        ],
        rows,
    }));
}

fn measurement<M: Markup>(out: &mut Vec<Block>, report: &Report) {
    let m = &report.measurement;
    out.push(Block::Section { id: "measurement".into(), title: "Shared measurement".into() });
    out.push(Block::Paragraph(format!(
        "{} indicators, as of {}{}. A run chart shows each indicator over time with its median; points in a run that signals real change (the Anhøj rules) are drawn as diamonds; a dashed line marks the target.",
        m.indicators.len(),
        or_missing(m.as_of),
        m.suppress_below.map(|n| format!("; counts below {n} are hidden")).unwrap_or_default()
    )));
    out.push(Block::Table(indicator_overview::<M>(report)));
    for (k, ind) in m.indicators.iter().enumerate() {
        indicator::<M>(out, k, ind);
    }
    out.push(Block::SectionEnd);
}

/// The signals of a series' phases, in words, each once.
fn signals(series: &Series) -> String {
    let mut found: Vec<&str> = series
        .phases
        .iter()
        .flat_map(|p| {
            [(p.runs.runs_signal, "non-random variation"), (p.runs.shift, "shift"), (p.runs.trend, "trend")]
                .into_iter()
                .filter(|x| x.0)
                .map(|x| x.1)
        })
        .collect();
    found.dedup();
    if found.is_empty() { "none".into() } else { found.join(", ") }
}

fn indicator_overview<M: Markup>(report: &Report) -> Table {
    let mut rows = Vec::new();
    for ind in &report.measurement.indicators {
        for series in ind.series.iter().filter(|s| s.partner.is_none()) {
            rows.push(vec![
                M::text(ind.name.as_str()),
                series.group.as_ref().map(|g| M::text(g.as_str())).unwrap_or_else(|| "all partners".into()),
                format!("{} ({})", fixed(series.latest_value, 1), or_missing(series.latest_period)),
                fixed(series.target_value, 1),
                fixed(series.phases.last().and_then(|p| p.runs.centre), 1),
                signals(series),
                percent(ind.completeness),
            ]);
        }
    }
    Table {
        caption: "Every indicator at a glance".into(),
        columns: vec![
            ("Indicator", false),
            ("Series", false),
            ("Latest", true),
            ("Target", true),
            ("Median", true),
            ("Signals", false),
            ("Reporting", true),
        ],
        rows,
    }
}

fn indicator<M: Markup>(out: &mut Vec<Block>, k: usize, ind: &IndicatorReport) {
    out.push(Block::Heading { level: 3, id: Some(format!("indicator-{k}")), text: M::text(ind.name.as_str()) });
    out.push(Block::Note(format!(
        "{} · reported {} by {} partners · {} is better · reporting {} complete",
        M::text(ind.unit.as_str()),
        ind.frequency,
        ind.series.iter().filter(|s| s.partner.is_some()).count(),
        spaced(ind.polarity.as_str().trim_end_matches("_is_better")),
        percent(ind.completeness)
    )));
    for (j, series) in ind.series.iter().filter(|s| s.partner.is_none()).enumerate() {
        let label = series.group.as_ref().map(|g| format!("{}, {g}", ind.name)).unwrap_or_else(|| ind.name.to_string());
        let chart =
            svg::run_chart(&format!("chart-{k}-{j}"), &label, &series.points, &series.phases, series.target_value);
        if let Some(chart) = chart.filter(|_| M::FIGURES) {
            let caption = format!(
                "{}: latest {} in {}{}.",
                M::text(&label),
                fixed(series.latest_value, 1),
                or_missing(series.latest_period),
                series.percent_of_target.map(|p| format!(", {p:.0}% of target")).unwrap_or_default()
            );
            out.push(Block::Figure { svg: chart, caption });
        }
        let mut inner = vec![Block::Table(values::<M>(&label, series))];
        inner.extend(series.phases.iter().map(|ph| Block::Paragraph(phase_text(ph))));
        out.push(Block::Details { summary: "The values behind the chart".into(), open: false, blocks: inner });
    }
}

fn values<M: Markup>(label: &str, series: &Series) -> Table {
    Table {
        caption: M::text(label),
        columns: vec![("Period", false), ("Value", true)],
        rows: series.points.iter().map(|p| vec![p.period.to_string(), fixed(p.value, 2)]).collect(),
    }
}

fn phase_text(ph: &Phase) -> String {
    let r = &ph.runs;
    format!(
        "{}: {} points, median {}, longest run {} (signal above {}), {} crossings (signal below {}){}{}{}.",
        ph.phase.map(|p| format!("Phase {p} from {}", ph.from)).unwrap_or_else(|| "Run chart".into()),
        r.n,
        fixed(r.centre, 2),
        or_missing(r.longest_run),
        or_missing(r.longest_run_max),
        or_missing(r.n_crossings),
        or_missing(r.n_crossings_min),
        if r.runs_signal { "; non-random variation" } else { "" },
        if r.shift { "; a shift" } else { "" },
        if r.trend { "; a trend" } else { "" }
    )
}

/// One of the plan's lists of ids.
type PlanList = fn(&PlanReport) -> &[Id];

/// The plan's lists, titled for people.
const PLAN_LISTS: [(&str, PlanList); 4] = [
    ("Outcomes no indicator measures", |p| &p.outcomes_without_indicator),
    ("Outcomes no activity serves", |p| &p.outcomes_without_activity),
    ("Goals no outcome leads to", |p| &p.unreached_goals),
    ("Activities in dependency order", |p| &p.activity_order),
];

fn plan<M: Markup>(out: &mut Vec<Block>, plan: &PlanReport) {
    out.push(Block::Section { id: "plan".into(), title: "The plan".into() });
    let r = &plan.results;
    out.push(Block::Paragraph(format!(
        "{} goals, {} outcomes, {} activities, {} indicators.",
        r.goals, r.outcomes, r.activities, r.indicators
    )));
    for (title, ids) in PLAN_LISTS {
        let ids = ids(plan);
        if !ids.is_empty() {
            out.push(Block::List { title: title.into(), items: ids.iter().map(|i| M::text(i.as_str())).collect() });
        }
    }
    out.push(Block::SectionEnd);
}

fn findings<M: Markup>(out: &mut Vec<Block>, findings: &[Finding]) {
    out.push(Block::Section { id: "findings".into(), title: "Findings and next steps".into() });
    if findings.is_empty() {
        out.push(Block::Paragraph("Nothing to report.".into()));
    }
    out.extend(findings.iter().map(|f| Block::Finding(finding::<M>(f))));
    out.push(Block::SectionEnd);
}

#[cfg(test)]
mod tests {
    use crate::model::{Initiative, Options};

    #[test]
    fn methods_in_one_sentence() {
        let doc = Initiative::from_json(
            r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
              "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}"#,
        )
        .unwrap();
        let s = crate::network::analyze(&doc, &Options::default()).summary;
        assert_eq!(super::methods_text(&s), "Betweenness, closeness and the diameter: exact. Key players: exact.");
    }
}

//! The report as one self-contained, accessible HTML page: inline CSS and SVG, no
//! scripts, nothing fetched; a table behind every picture; headings in order; a print
//! stylesheet.

use std::fmt::Write;

use super::escape::html as esc;
use super::svg;
use crate::conditions::{ConditionReport, Stage};
use crate::findings::{Finding, Severity};
use crate::model::Initiative;
use crate::report::Report;
use crate::util::text::{or_missing, words};

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4d4d4d; --line: #c8c8c8; --accent: #005a8d; --risk: #a4262c; --warn: #8a4b00; --info: #005a8d; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; margin: 0; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 3px solid var(--accent); }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; } h2 { font-size: 1.45rem; margin-top: 2.5rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1.15rem; margin-top: 1.75rem; } h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
p.lede { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f2f2f2; } th[scope=row] { font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar-track { display: inline-block; position: relative; width: 8rem; height: .8rem; background: #e6e6e6; margin-right: .5rem; vertical-align: middle; }
.bar { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); }
.stage { font-weight: 600; }
.finding { border-left: 4px solid var(--info); padding: .25rem .75rem; margin: .75rem 0; background: #f7f9fb; }
.finding.risk { border-color: var(--risk); } .finding.warning { border-color: var(--warn); }
.severity { font-weight: 700; text-transform: uppercase; font-size: .8rem; letter-spacing: .04em; }
.finding.risk .severity { color: var(--risk); } .finding.warning .severity { color: var(--warn); } .finding.info .severity { color: var(--info); }
.next { margin: .25rem 0 0; } .muted { color: var(--muted); }
figure { margin: 1rem 0; } figcaption { color: var(--muted); font-size: .95rem; }
svg { max-width: 100%; height: auto; display: block; background: #fff; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
ul.legend li svg { display: inline-block; vertical-align: middle; }
details { margin: .5rem 0; } summary { cursor: pointer; color: var(--accent); }
footer { margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
@media print {
  body { font-size: 11pt; } header, main, footer { max-width: none; padding: 0; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
  figure, table, .finding { break-inside: avoid; }
  details > summary { display: none; } details { display: block; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn stage_text(s: Stage) -> &'static str {
    match s {
        Stage::Absent => "absent",
        Stage::Emerging => "emerging",
        Stage::Developing => "developing",
        Stage::Established => "established",
        Stage::Embedded => "embedded",
    }
}

fn num(v: Option<f64>, digits: usize) -> String {
    v.map(|x| format!("{x:.digits$}")).unwrap_or_else(|| "–".into())
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.0}%", x * 100.0)).unwrap_or_else(|| "–".into())
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Risk => "risk",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn finding_html(out: &mut String, f: &Finding) {
    let _ = write!(
        out,
        r#"<div class="finding {}"><p><span class="severity">{}</span> <span class="muted">{}</span></p><p>{}</p><p class="next"><strong>Next step:</strong> {}</p>"#,
        severity(f.severity),
        severity(f.severity),
        esc(&f.code),
        esc(&f.message),
        esc(&f.next_step)
    );
    out.push_str("</div>");
}

fn condition_section(out: &mut String, c: &ConditionReport, findings: &[Finding]) {
    let id = c.condition.as_str().replace('_', "-");
    let _ = write!(out, r#"<section aria-labelledby="{id}"><h3 id="{id}">{}</h3>"#, esc(&c.name));
    let _ = write!(out, r#"<p class="muted">{}</p>"#, esc(&c.description));
    let _ = write!(
        out,
        "<p>Score <strong>{}</strong> of 100, stage <span class=\"stage\">{}</span>, confidence {}.</p>",
        num(c.score, 0),
        stage_text(c.stage),
        pct(Some(c.confidence))
    );
    if let Some(note) = &c.stage_note {
        let _ = write!(out, "<p>The stage is {}.</p>", esc(note));
    }
    if let Some(why) = &c.absent_because {
        let _ = write!(out, "<p><strong>Absent:</strong> {}.</p>", esc(why));
    }
    let _ = write!(
        out,
        r#"<table><caption>The evidence behind the score of {}</caption><thead><tr><th scope="col">Sub-measure</th><th scope="col" class="num">Value</th><th scope="col" class="num">Weight</th><th scope="col">How it was reached</th></tr></thead><tbody>"#,
        esc(&c.name.to_lowercase())
    );
    for s in &c.sub_measures {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{}</th><td class="num">{}</td><td class="num">{}</td><td>{}</td></tr>"#,
            esc(&s.name),
            s.value
                .map(|v| format!("{:.0}%", v * 100.0))
                .unwrap_or_else(|| { if s.weight == 0.0 { "not applicable".into() } else { "not collected".into() } }),
            s.weight,
            esc(&s.explanation)
        );
    }
    out.push_str("</tbody></table>");
    if let Some(p) = &c.perception {
        let _ = write!(
            out,
            "<p>Partners' view (survey {}, {}): {} respondents, mean {} of 5{}, agreement {}{}.</p>",
            esc(p.survey.as_str()),
            p.date,
            p.respondents,
            num(p.mean, 2),
            p.band.map(|b| format!(" ({})", format!("{b:?}").to_lowercase())).unwrap_or_default(),
            pct(p.agreement),
            p.group_gap.map(|g| format!(", gap between sector groups {g:.2} points")).unwrap_or_default()
        );
    }
    let mine: Vec<&Finding> = findings.iter().filter(|f| f.condition == Some(c.condition)).collect();
    if !mine.is_empty() {
        let _ = write!(out, "<h4>Findings on {}</h4>", esc(&c.name.to_lowercase()));
        for f in mine {
            finding_html(out, f);
        }
    }
    out.push_str("</section>");
}

/// The report as one HTML page.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "<script>alert(1)</script>"},
///   "partners": [{"id": "a", "name": "<b>A</b>"}]}"#).unwrap();
/// let page = convener::render::html::render(&doc, &doc.analyze(&Options::default()));
/// assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
/// assert!(!page.contains("<script"));
/// ```
pub fn render(doc: &Initiative, report: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let name = esc(report.initiative.name.as_str());
    let _ = write!(
        out,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{name}: collective impact report</title><style>{STYLE}</style></head><body>"#
    );
    let _ = write!(
        out,
        r#"<header><h1>{name}</h1><p class="lede">Collective impact report{}{}. {} partners, {} ties, {} indicators, {} activities.</p></header><main>"#,
        report.initiative.place.as_ref().map(|p| format!(", {}", esc(p.as_str()))).unwrap_or_default(),
        report.as_of.map(|p| format!(", as of {p}")).unwrap_or_default(),
        report.initiative.partners,
        report.initiative.ties,
        report.initiative.indicators,
        report.initiative.activities
    );

    // Scorecard.
    out.push_str(r#"<section aria-labelledby="scorecard"><h2 id="scorecard">The five conditions</h2>"#);
    out.push_str(r#"<p>Each score, from 0 to 100, is a weighted mean of named pieces of evidence, shown under each condition below. Confidence is the share of that evidence the partnership has collected.</p>"#);
    out.push_str(r#"<table><caption>Scorecard</caption><thead><tr><th scope="col">Condition</th><th scope="col" class="num">Score</th><th scope="col">Stage</th><th scope="col" class="num">Confidence</th></tr></thead><tbody>"#);
    for c in report.conditions.all() {
        let score = c.score.unwrap_or(0.0);
        let _ = write!(
            out,
            r##"<tr><th scope="row"><a href="#{}">{}</a></th><td class="num"><span class="bar-track" aria-hidden="true"><span class="bar" style="width:{:.0}%"></span></span>{}</td><td class="stage">{}</td><td class="num">{}</td></tr>"##,
            c.condition.as_str().replace('_', "-"),
            esc(&c.name),
            score.clamp(0.0, 100.0),
            num(c.score, 0),
            stage_text(c.stage),
            pct(Some(c.confidence))
        );
    }
    out.push_str("</tbody></table>");
    for c in report.conditions.all() {
        condition_section(&mut out, c, &report.findings);
    }
    out.push_str("</section>");

    // Network.
    let net = &report.network;
    let s = &net.summary;
    out.push_str(r#"<section aria-labelledby="network"><h2 id="network">The partner network</h2>"#);
    let _ = write!(
        out,
        "<p>{} partners and {} connections (ties at {} or above); density {}, {} components (the largest holds {} of partners), {} isolated. Reciprocity {}, trust {} of the top of the scale, {} communities (modularity {}).</p>",
        s.partners,
        s.connections,
        net.min_level,
        num(s.density, 2),
        s.components,
        pct(s.largest_component_share),
        s.isolates,
        pct(s.reciprocity),
        net.trust.percent.map(|p| format!("{p:.0}%")).unwrap_or_else(|| "–".into()),
        or_missing(s.communities),
        num(s.modularity, 2)
    );
    let _ = write!(out, "<p class=\"muted\">{}</p>", esc(&s.methods_text()));
    match svg::network(doc, net) {
        Some(picture) => {
            out.push_str("<figure>");
            out.push_str(&picture);
            let _ = write!(out, "<figcaption>The partner network.{}</figcaption></figure>", svg::network_legend());
        }
        None => {
            let _ = write!(
                out,
                "<p class=\"muted\">The network has {} partners: too many to draw legibly ({} at most). The table lists every partner.</p>",
                s.partners,
                svg::MAX_DRAWN_PARTNERS
            );
        }
    }
    out.push_str(r#"<details open><summary>Every partner's measures (the table behind the picture)</summary><table><caption>Partners and their place in the network</caption><thead><tr><th scope="col">Partner</th><th scope="col">Sector</th><th scope="col" class="num">Degree</th><th scope="col" class="num">Betweenness</th><th scope="col" class="num">Closeness</th><th scope="col" class="num">Community</th><th scope="col" class="num">Trust (1–4)</th><th scope="col">Articulation point</th></tr></thead><tbody>"#);
    for p in &net.partners {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{}</th><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td></tr>"#,
            esc(p.name.as_str()),
            words(p.sector.as_str()),
            or_missing(p.degree),
            num(p.betweenness, 3),
            num(p.closeness, 3),
            or_missing(p.community),
            num(p.trust, 2),
            if p.articulation_point == Some(true) { "yes" } else { "no" }
        );
    }
    out.push_str("</tbody></table></details>");
    if !net.key_players.is_empty() {
        out.push_str(r#"<h3 id="key-players">Partners the network can least afford to lose</h3><table><caption>Key players, by the damage of their loss</caption><thead><tr><th scope="col">Partner</th><th scope="col" class="num">Pairs cut off</th><th scope="col" class="num">Partners losing a provider</th><th scope="col" class="num">Activities hit</th></tr></thead><tbody>"#);
        for k in net.key_players.iter().take(10) {
            let name = doc
                .partners
                .iter()
                .find(|p| p.id == k.partner)
                .map(|p| p.name.to_string())
                .unwrap_or_else(|| k.partner.to_string());
            let _ = write!(
                out,
                r#"<tr><th scope="row">{}</th><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                esc(&name),
                k.pairs_disconnected,
                k.cascade_partners,
                k.cascade_activities
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");

    // Measurement.
    let m = &report.measurement;
    out.push_str(r#"<section aria-labelledby="measurement"><h2 id="measurement">Shared measurement</h2>"#);
    let _ = write!(
        out,
        "<p>{} indicators, as of {}{}. A run chart shows each indicator over time with its median; points in a run that signals real change (the Anhøj rules) are drawn as diamonds; a dashed line marks the target.</p>",
        m.indicators.len(),
        or_missing(m.as_of),
        m.suppress_below.map(|n| format!("; counts below {n} are hidden")).unwrap_or_default()
    );
    for (k, ind) in m.indicators.iter().enumerate() {
        let _ = write!(out, r#"<h3 id="indicator-{k}">{}</h3>"#, esc(ind.name.as_str()));
        let _ = write!(
            out,
            "<p class=\"muted\">{} · reported {} by {} partners · {} is better · reporting {} complete</p>",
            esc(ind.unit.as_str()),
            ind.frequency,
            ind.series.iter().filter(|s| s.partner.is_some()).count(),
            ind.polarity.as_str().replace("_is_better", "").replace('_', " "),
            pct(ind.completeness)
        );
        for (j, series) in ind.series.iter().filter(|s| s.partner.is_none()).enumerate() {
            let label =
                series.group.as_ref().map(|g| format!("{}, {g}", ind.name)).unwrap_or_else(|| ind.name.to_string());
            if let Some(chart) =
                svg::run_chart(&format!("chart-{k}-{j}"), &label, &series.points, &series.phases, series.target_value)
            {
                out.push_str("<figure>");
                out.push_str(&chart);
                let _ = write!(
                    out,
                    "<figcaption>{}: latest {} in {}{}.</figcaption></figure>",
                    esc(&label),
                    num(series.latest_value, 1),
                    or_missing(series.latest_period),
                    series.percent_of_target.map(|p| format!(", {p:.0}% of target")).unwrap_or_default()
                );
            }
            let _ = write!(
                out,
                r#"<details><summary>The values behind the chart</summary><table><caption>{}</caption><thead><tr><th scope="col">Period</th><th scope="col" class="num">Value</th></tr></thead><tbody>"#,
                esc(&label)
            );
            for p in &series.points {
                let _ = write!(
                    out,
                    r#"<tr><th scope="row">{}</th><td class="num">{}</td></tr>"#,
                    p.period,
                    num(p.value, 2)
                );
            }
            out.push_str("</tbody></table>");
            for ph in &series.phases {
                let r = &ph.runs;
                let _ = write!(
                    out,
                    "<p>{}: {} points, median {}, longest run {} (signal above {}), {} crossings (signal below {}){}{}{}.</p>",
                    ph.phase.map(|p| format!("Phase {p} from {}", ph.from)).unwrap_or_else(|| "Run chart".into()),
                    r.n,
                    num(r.centre, 2),
                    or_missing(r.longest_run),
                    or_missing(r.longest_run_max),
                    or_missing(r.n_crossings),
                    or_missing(r.n_crossings_min),
                    if r.runs_signal { "; non-random variation" } else { "" },
                    if r.shift { "; a shift" } else { "" },
                    if r.trend { "; a trend" } else { "" }
                );
            }
            out.push_str("</details>");
        }
    }
    out.push_str("</section>");

    // Plan.
    let plan = &report.plan;
    out.push_str(r#"<section aria-labelledby="plan"><h2 id="plan">The plan</h2>"#);
    let list = |title: &str, ids: &[crate::model::Id], out: &mut String| {
        if ids.is_empty() {
            return;
        }
        let items: Vec<String> = ids.iter().map(|i| format!("<li>{}</li>", esc(i.as_str()))).collect();
        let _ = write!(out, "<h3>{}</h3><ul>{}</ul>", esc(title), items.join(""));
    };
    let _ = write!(
        out,
        "<p>{} goals, {} outcomes, {} activities, {} indicators.</p>",
        plan.results.goals, plan.results.outcomes, plan.results.activities, plan.results.indicators
    );
    list("Outcomes no indicator measures", &plan.outcomes_without_indicator, &mut out);
    list("Outcomes no activity serves", &plan.outcomes_without_activity, &mut out);
    list("Goals no outcome leads to", &plan.unreached_goals, &mut out);
    list("Activities in dependency order", &plan.activity_order, &mut out);
    out.push_str("</section>");

    // Findings.
    out.push_str(r#"<section aria-labelledby="findings"><h2 id="findings">Findings and next steps</h2>"#);
    if report.findings.is_empty() {
        out.push_str("<p>Nothing to report.</p>");
    }
    for f in &report.findings {
        finding_html(&mut out, f);
    }
    out.push_str("</section></main>");
    out.push_str("<footer><p>Made with convener, an open, explainable engine for collective-impact partnerships. Every score shows the evidence behind it; the formulas and their sources are in docs/scoring.md. The same document always gives the same report.</p></footer></body></html>\n");
    out
}

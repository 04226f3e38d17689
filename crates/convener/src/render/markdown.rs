//! The report as Markdown (CommonMark with GitHub tables): for emails, wikis and a
//! paper's appendix.

use std::fmt::Write;

use super::escape::markdown as md;
use crate::report::Report;
use crate::util::text::{or_missing, words};

fn num(v: Option<f64>, digits: usize) -> String {
    v.map(|x| format!("{x:.digits$}")).unwrap_or_else(|| "–".into())
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.0}%", x * 100.0)).unwrap_or_else(|| "–".into())
}

/// The report as Markdown: the scorecard, each condition's evidence and findings, the
/// network, indicators with their signals, the plan, and every finding with a next step.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "<script>alert(1)</script>"},
///   "partners": [{"id": "a", "name": "A | B"}]}"#).unwrap();
/// let text = convener::render::markdown::render(&doc.analyze(&Options::default()));
/// assert!(text.starts_with("# &lt;script&gt;alert(1)&lt;/script&gt;\n"));
/// assert!(text.contains("A \\| B"));
/// ```
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(report.initiative.name.as_str()));
    let _ = writeln!(
        out,
        "Collective impact report{}{}. {} partners, {} ties, {} indicators, {} activities.\n",
        report.initiative.place.as_ref().map(|p| format!(", {}", md(p.as_str()))).unwrap_or_default(),
        report.as_of.map(|p| format!(", as of {p}")).unwrap_or_default(),
        report.initiative.partners,
        report.initiative.ties,
        report.initiative.indicators,
        report.initiative.activities
    );
    let _ = writeln!(out, "## The five conditions\n");
    let _ = writeln!(out, "| Condition | Score | Stage | Confidence |\n|---|---:|---|---:|");
    for c in report.conditions.all() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&c.name),
            num(c.score, 0),
            format!("{:?}", c.stage).to_lowercase(),
            pct(Some(c.confidence))
        );
    }
    out.push('\n');
    for c in report.conditions.all() {
        let _ = writeln!(out, "### {}\n", md(&c.name));
        let _ = writeln!(out, "{}\n", md(&c.description));
        if let Some(why) = &c.absent_because {
            let _ = writeln!(out, "**Absent:** {}.\n", md(why));
        }
        let _ = writeln!(out, "| Sub-measure | Value | Weight | How it was reached |\n|---|---:|---:|---|");
        for s in &c.sub_measures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&s.name),
                s.value.map(|v| format!("{:.0}%", v * 100.0)).unwrap_or_else(|| {
                    if s.weight == 0.0 { "not applicable".into() } else { "not collected".into() }
                }),
                s.weight,
                md(&s.explanation)
            );
        }
        out.push('\n');
        let mine: Vec<_> = report.findings.iter().filter(|f| f.condition == Some(c.condition)).collect();
        for f in mine {
            let _ = writeln!(
                out,
                "- **{}** ({}): {} *Next step:* {}",
                format!("{:?}", f.severity).to_lowercase(),
                md(&f.code),
                md(&f.message),
                md(&f.next_step)
            );
        }
        out.push('\n');
    }

    let net = &report.network;
    let s = &net.summary;
    let _ = writeln!(out, "## The partner network\n");
    let _ = writeln!(
        out,
        "{} partners, {} connections (ties at {} or above), density {}, {} components (largest {}), {} isolated, {} articulation points, reciprocity {}, trust {}, {} communities (modularity {}).\n",
        s.partners,
        s.connections,
        net.min_level,
        num(s.density, 2),
        s.components,
        pct(s.largest_component_share),
        s.isolates,
        s.articulation_points,
        pct(s.reciprocity),
        net.trust.percent.map(|p| format!("{p:.0}% of 4")).unwrap_or_else(|| "–".into()),
        or_missing(s.communities),
        num(s.modularity, 2)
    );
    let _ = writeln!(out, "{}\n", md(&s.methods_text()));
    let _ = writeln!(
        out,
        "| Partner | Sector | Degree | Betweenness | Closeness | Community | Trust |\n|---|---|---:|---:|---:|---:|---:|"
    );
    for p in &net.partners {
        let _ = writeln!(
            out,
            "| {}{} | {} | {} | {} | {} | {} | {} |",
            md(p.name.as_str()),
            if p.articulation_point == Some(true) { " (articulation point)" } else { "" },
            words(p.sector.as_str()),
            or_missing(p.degree),
            num(p.betweenness, 3),
            num(p.closeness, 3),
            or_missing(p.community),
            num(p.trust, 2)
        );
    }
    out.push('\n');

    let m = &report.measurement;
    let _ = writeln!(out, "## Shared measurement\n");
    let _ = writeln!(
        out,
        "| Indicator | Series | Latest | Target | Median | Signals | Reporting |\n|---|---|---:|---:|---:|---|---:|"
    );
    for ind in &m.indicators {
        for series in ind.series.iter().filter(|s| s.partner.is_none()) {
            let signals: Vec<&str> = series
                .phases
                .iter()
                .flat_map(|p| {
                    [(p.runs.runs_signal, "non-random variation"), (p.runs.shift, "shift"), (p.runs.trend, "trend")]
                        .into_iter()
                        .filter(|x| x.0)
                        .map(|x| x.1)
                })
                .collect();
            let mut signals = signals;
            signals.dedup();
            let _ = writeln!(
                out,
                "| {} | {} | {} ({}) | {} | {} | {} | {} |",
                md(ind.name.as_str()),
                series.group.as_ref().map(|g| md(g.as_str())).unwrap_or_else(|| "all partners".into()),
                num(series.latest_value, 1),
                or_missing(series.latest_period),
                num(series.target_value, 1),
                num(series.phases.last().and_then(|p| p.runs.centre), 1),
                if signals.is_empty() { "none".to_string() } else { signals.join(", ") },
                pct(ind.completeness)
            );
        }
    }
    out.push('\n');

    let plan = &report.plan;
    let _ = writeln!(out, "## The plan\n");
    let _ = writeln!(
        out,
        "{} goals, {} outcomes, {} activities, {} indicators.\n",
        plan.results.goals, plan.results.outcomes, plan.results.activities, plan.results.indicators
    );
    for (title, ids) in [
        ("Outcomes no indicator measures", &plan.outcomes_without_indicator),
        ("Outcomes no activity serves", &plan.outcomes_without_activity),
        ("Goals no outcome leads to", &plan.unreached_goals),
    ] {
        if !ids.is_empty() {
            let list: Vec<String> = ids.iter().map(|i| md(i.as_str())).collect();
            let _ = writeln!(out, "- {title}: {}", list.join(", "));
        }
    }
    out.push('\n');

    let _ = writeln!(out, "## Findings and next steps\n");
    if report.findings.is_empty() {
        let _ = writeln!(out, "Nothing to report.\n");
    }
    for f in &report.findings {
        let _ = writeln!(
            out,
            "- **{}** ({}): {}  \n  *Next step:* {}",
            format!("{:?}", f.severity).to_lowercase(),
            md(&f.code),
            md(&f.message),
            md(&f.next_step)
        );
    }
    out.push_str("\n---\nMade with convener. Every score shows the evidence behind it; the formulas and their sources are in docs/scoring.md.\n");
    out
}

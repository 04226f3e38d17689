//! The report in brief, for a terminal: the scorecard, the findings that matter most with
//! their next steps, and where to look next.

use std::fmt::Write;

use crate::render::words;
use crate::report::Report;
use crate::util::text::{fixed, percent};

/// How many findings the summary shows, most severe first (the report lists them all).
/// convener's own choice: three fit one screen with their next steps.
pub const TOP_FINDINGS: usize = 3;

/// The report in a screenful: the initiative, the five conditions (score, stage,
/// confidence), the [`TOP_FINDINGS`] most severe findings with their next steps, and the
/// outputs to open next. `source` is the document's file name, when the commands shown
/// should name it.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "Northfield"},
///   "partners": [{"id": "a", "name": "A"}]}"#).unwrap();
/// let text = convener::render::table::summary(&doc.analyze(&Options::default()), Some("x.json"));
/// assert!(text.starts_with("Northfield\n"));
/// assert!(text.contains("Common agenda"));
/// assert!(text.contains("convener analyze x.json --format html -o report.html"));
/// ```
pub fn summary(report: &Report, source: Option<&str>) -> String {
    let mut out = String::new();
    heading(&mut out, report);
    scorecard(&mut out, report);
    top_findings(&mut out, report);
    next(&mut out, source);
    out
}

fn heading(out: &mut String, report: &Report) {
    let i = &report.initiative;
    let _ = writeln!(out, "{}", i.name);
    let _ = writeln!(
        out,
        "{}{} partners, {} ties, {} indicators, {} activities{}",
        i.place.as_ref().map(|p| format!("{p} · ")).unwrap_or_default(),
        i.partners,
        i.ties,
        i.indicators,
        i.activities,
        report.as_of.map(|p| format!(" · as of {p}")).unwrap_or_default()
    );
}

fn scorecard(out: &mut String, report: &Report) {
    let _ = writeln!(out, "\n{:<34} {:>5}  {:<12} {:>10}", "The five conditions", "score", "stage", "confidence");
    for c in report.conditions.all() {
        let _ = writeln!(
            out,
            "  {:<32} {:>5}  {:<12} {:>10}",
            c.name,
            fixed(c.score, 0),
            words::stage(c.stage),
            percent(Some(c.confidence))
        );
    }
}

fn top_findings(out: &mut String, report: &Report) {
    let total = report.findings.len();
    if total == 0 {
        let _ = writeln!(out, "\nNo findings.");
        return;
    }
    let shown = total.min(TOP_FINDINGS);
    let _ = writeln!(out, "\nWhat matters most ({shown} of {total} findings, most severe first)");
    for f in report.findings.iter().take(shown) {
        let _ = writeln!(out, "  {:<8} {}", words::severity(f.severity), f.message);
        let _ = writeln!(out, "  {:<8} Next step: {}", "", f.next_step);
    }
}

/// The outputs to open next, as commands when the file is known.
const NEXT: [(&str, &str); 4] = [
    ("analyze {} --format html -o report.html", "the whole report with the evidence behind every score"),
    ("network {}", "who connects whom, and who holds the network together"),
    ("indicators {}", "run charts, targets, late and silent reporters"),
    ("plan {}", "the theory of change, activity order and funding cliffs"),
];

fn next(out: &mut String, source: Option<&str>) {
    let _ = writeln!(out, "\nOpen next");
    let file = match source {
        Some(f) if f.contains(char::is_whitespace) => format!("'{f}'"),
        Some(f) => f.to_string(),
        None => "FILE".to_string(),
    };
    for (command, what) in NEXT {
        let _ = writeln!(out, "  convener {}\n      {what}", command.replace("{}", &file));
    }
}

//! The report as one self-contained, accessible HTML page: inline CSS and SVG, no
//! scripts, nothing fetched; a table behind every picture; headings in order; a print
//! stylesheet. The words are the page's (`render/page.rs`); this file lays its blocks
//! out.

use std::fmt::Write;

use super::escape::html as esc;
use super::page::{self, Block, FindingView, Markup, Table};
use crate::model::Initiative;
use crate::report::Report;

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

/// HTML's markup.
pub(crate) struct Html;

impl Markup for Html {
    fn text(s: &str) -> String {
        esc(s)
    }
    fn strong(s: &str) -> String {
        format!("<strong>{s}</strong>")
    }
    fn link(anchor: &str, s: &str) -> String {
        format!("<a href=\"#{anchor}\">{s}</a>")
    }
    const FIGURES: bool = true;
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
    let _ = write!(out, r#"<header><h1>{name}</h1><p class="lede">{}</p></header><main>"#, page::lede::<Html>(report));
    for block in page::blocks::<Html>(doc, report) {
        write_block(&mut out, &block);
    }
    let _ = writeln!(out, "</main><footer><p>{}</p></footer></body></html>", page::FOOTER);
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Section { id, title } => {
            let _ = write!(out, r#"<section aria-labelledby="{id}"><h2 id="{id}">{title}</h2>"#);
        }
        Block::SectionEnd => out.push_str("</section>"),
        Block::Heading { level, id: Some(id), text } => {
            let _ = write!(out, r#"<h{level} id="{id}">{text}</h{level}>"#);
        }
        Block::Heading { level, id: None, text } => {
            let _ = write!(out, "<h{level}>{text}</h{level}>");
        }
        Block::Paragraph(text) => {
            let _ = write!(out, "<p>{text}</p>");
        }
        Block::Note(text) => {
            let _ = write!(out, r#"<p class="muted">{text}</p>"#);
        }
        Block::Table(t) => table(out, t, None),
        Block::Scorecard(t, scores) => table(out, t, Some(scores)),
        Block::Finding(f) => finding(out, f),
        Block::List { title, items } => {
            let items: String = items.iter().map(|i| format!("<li>{i}</li>")).collect();
            let _ = write!(out, "<h3>{title}</h3><ul>{items}</ul>");
        }
        Block::Figure { svg, caption } => {
            let _ = write!(out, "<figure>{svg}<figcaption>{caption}</figcaption></figure>");
        }
        Block::Details { summary, open, blocks } => {
            let _ = write!(out, "<details{}><summary>{summary}</summary>", if *open { " open" } else { "" });
            for b in blocks {
                write_block(out, b);
            }
            out.push_str("</details>");
        }
    }
}

/// A table; with `bars`, the second column's cells get a bar of that length (0–100).
fn table(out: &mut String, t: &Table, bars: Option<&Vec<f64>>) {
    let num = |n: bool| if n { r#" class="num""# } else { "" };
    let _ = write!(out, "<table><caption>{}</caption><thead><tr>", t.caption);
    for (label, numeric) in &t.columns {
        let _ = write!(out, r#"<th scope="col"{}>{label}</th>"#, num(*numeric));
    }
    out.push_str("</tr></thead><tbody>");
    for (i, cells) in t.rows.iter().enumerate() {
        out.push_str("<tr>");
        for (j, cell) in cells.iter().enumerate() {
            let numeric = t.columns.get(j).is_some_and(|c| c.1);
            let bar = match bars.and_then(|b| b.get(i)) {
                Some(width) if j == 1 => format!(
                    r#"<span class="bar-track" aria-hidden="true"><span class="bar" style="width:{width:.0}%"></span></span>"#
                ),
                _ => String::new(),
            };
            if j == 0 {
                let _ = write!(out, r#"<th scope="row">{cell}</th>"#);
            } else {
                let _ = write!(out, "<td{}>{bar}{cell}</td>", num(numeric));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn finding(out: &mut String, f: &FindingView) {
    let _ = write!(
        out,
        r#"<div class="finding {s}"><p><span class="severity">{s}</span> <span class="muted">{}</span></p><p>{}</p><p class="next"><strong>Next step:</strong> {}</p></div>"#,
        f.code,
        f.message,
        f.next_step,
        s = f.severity
    );
}

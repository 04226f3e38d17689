//! The report as Markdown (CommonMark with GitHub tables): for emails, wikis and a
//! paper's appendix. The words are the page's (`render/page.rs`); this file lays its
//! blocks out. Pictures and folded detail (the values behind each chart) are left to the
//! HTML page.

use super::escape::markdown as md;
use super::page::{self, Block, FindingView, Markup, Table};
use crate::model::Initiative;
use crate::report::Report;

/// Markdown's markup.
pub(crate) struct Markdown;

impl Markup for Markdown {
    fn text(s: &str) -> String {
        md(s)
    }
    fn strong(s: &str) -> String {
        format!("**{s}**")
    }
    fn link(_anchor: &str, s: &str) -> String {
        s.to_string()
    }
    const FIGURES: bool = false;
}

/// The report as Markdown: the scorecard, each condition's evidence and findings, the
/// network, indicators with their signals, the plan, and every finding with a next step.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "<script>alert(1)</script>"},
///   "partners": [{"id": "a", "name": "A | B"}]}"#).unwrap();
/// let text = convener::render::markdown::render(&doc, &doc.analyze(&Options::default()));
/// assert!(text.starts_with("# &lt;script&gt;alert(1)&lt;/script&gt;\n"));
/// assert!(text.contains("A \\| B"));
/// ```
pub fn render(doc: &Initiative, report: &Report) -> String {
    let mut out = format!("# {}\n\n{}\n\n", md(report.initiative.name.as_str()), page::lede::<Markdown>(report));
    let mut in_list = false;
    for block in page::blocks::<Markdown>(doc, report) {
        write_block(&mut out, &block, &mut in_list);
    }
    end_list(&mut out, &mut in_list);
    out.push_str("---\n");
    out.push_str(page::FOOTER);
    out.push('\n');
    out
}

/// Ends a run of list items with a blank line.
fn end_list(out: &mut String, in_list: &mut bool) {
    if *in_list {
        out.push('\n');
        *in_list = false;
    }
}

fn write_block(out: &mut String, block: &Block, in_list: &mut bool) {
    if !matches!(block, Block::Finding(_) | Block::List { .. }) {
        end_list(out, in_list);
    }
    match block {
        Block::Section { title, .. } => out.push_str(&format!("## {title}\n\n")),
        Block::SectionEnd | Block::Figure { .. } => {}
        Block::Heading { level, text, .. } => out.push_str(&format!("{} {text}\n\n", "#".repeat(*level as usize))),
        Block::Paragraph(text) | Block::Note(text) => out.push_str(&format!("{text}\n\n")),
        Block::Table(t) | Block::Scorecard(t, _) => table(out, t),
        Block::Finding(f) => {
            finding(out, f);
            *in_list = true;
        }
        Block::List { title, items } => {
            out.push_str(&format!("- {title}: {}\n", items.join(", ")));
            *in_list = true;
        }
        Block::Details { open, blocks, .. } => {
            for b in blocks.iter().filter(|_| *open) {
                write_block(out, b, in_list);
            }
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let row = |cells: &mut dyn Iterator<Item = String>| format!("| {} |\n", cells.collect::<Vec<_>>().join(" | "));
    out.push_str(&row(&mut t.columns.iter().map(|c| c.0.to_string())));
    out.push_str(&row(&mut t.columns.iter().map(|c| if c.1 { "---:" } else { "---" }.to_string())).replace(' ', ""));
    for cells in &t.rows {
        out.push_str(&row(&mut cells.iter().cloned()));
    }
    out.push('\n');
}

fn finding(out: &mut String, f: &FindingView) {
    out.push_str(&format!("- **{}** ({}): {}  \n  *Next step:* {}\n", f.severity, f.code, f.message, f.next_step));
}

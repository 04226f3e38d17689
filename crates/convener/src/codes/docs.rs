//! `docs/codes.md`, written from the code tables.

use std::fmt::Write as _;

use super::{ErrorArea, FindingArea, FindingCode, IssueArea, IssueCode};

/// The command that rewrites `docs/codes.md` from the tables.
const REGENERATE: &str = "CONVENER_WRITE_DOCS=1 cargo test -p convener --test codes";

/// `docs/codes.md`: every error, issue and finding code, area by area, from the tables in
/// `crates/convener/src/codes/`. A test fails when the committed file differs.
///
/// # Example
/// ```
/// let md = convener::codes::markdown();
/// assert!(md.starts_with("# Codes\n"));
/// assert!(md.contains("| `reference.unknown_partner` |"));
/// assert!(md.contains("| `agenda.missing` | risk | `common_agenda` |"));
/// ```
pub fn markdown() -> String {
    let mut md = String::new();
    header(&mut md);
    errors(&mut md);
    issues(&mut md);
    findings(&mut md);
    md
}

fn header(md: &mut String) {
    md.push_str("# Codes\n\n");
    let _ = writeln!(
        md,
        "<!-- Written from the tables in crates/convener/src/codes/; do not edit by hand.\n     Regenerate with: {REGENERATE} -->\n"
    );
    md.push_str(
        "Every code convener gives, listed once: the code of an error, the codes of the issues an\n\
         invalid document or set of options carries, and the codes of the findings of a report.\n\
         Codes are stable: a code once given keeps its meaning. In Rust they are the enums\n\
         `convener::codes::{ErrorCode, IssueCode, FindingCode}`, written and compared as the\n\
         dotted text below.\n\n",
    );
}

fn errors(md: &mut String) {
    md.push_str("## Errors\n\n");
    md.push_str(
        "`Error::code()`, and the `code` of the error object every binding gives (`{code, message, issues, more}`).\n\n",
    );
    for area in ErrorArea::ALL {
        table(md, area.codes().map(|c| (c.as_str(), c.description())));
    }
    let _ = writeln!(
        md,
        "A limit error's code is that of its one issue, `{}` (see [{}](#{})); an invalid argument's code is one of the [argument codes](#{}).\n",
        IssueCode::LimitExceeded,
        IssueArea::Document.title(),
        anchor(IssueArea::Document.title()),
        anchor(IssueArea::Arguments.title()),
    );
}

fn issues(md: &mut String) {
    md.push_str("## Issues\n\n");
    md.push_str(
        "Each issue is `{code, pointer, message}` (a JSON pointer into the document), `{code, line, column, message}`\n\
         (a place in the text) or `{code, file, row, column, message}` (a CSV cell). A CSV folder gives the\n\
         same codes as the JSON document it stands for, located by file, row and column.\n\n",
    );
    for area in IssueArea::ALL {
        let _ = writeln!(md, "### {}\n", area.title());
        table(md, area.codes().map(|c| (c.as_str(), c.description())));
    }
}

fn findings(md: &mut String) {
    md.push_str("## Findings\n\n");
    md.push_str(
        "A report lists its findings most severe first (`risk`, then `warning`, then `info`), then by\n\
         condition in the order of the five conditions (findings with no condition last), then in the\n\
         order they were found. **risk**: the partnership could lose something it depends on, act now;\n\
         **warning**: worth attention at the next partnership meeting; **info**: good to know. The\n\
         thresholds are convener's conventions unless a source is named: see `docs/scoring.md`.\n\n",
    );
    for area in FindingArea::ALL {
        let _ = writeln!(md, "### {}\n", area.title());
        md.push_str("| code | severity | condition | when it is given | next step |\n|---|---|---|---|---|\n");
        for code in area.codes() {
            let _ = writeln!(
                md,
                "| `{code}` | {} | {} | {} | {} |",
                code.severity().as_str(),
                condition(code),
                cell(code.description()),
                cell(&next_step(code)),
            );
        }
        md.push('\n');
    }
}

/// A two-column table of codes and when they are given.
fn table<'a>(md: &mut String, rows: impl Iterator<Item = (&'a str, &'a str)>) {
    md.push_str("| code | when it is given |\n|---|---|\n");
    for (code, when) in rows {
        let _ = writeln!(md, "| `{code}` | {} |", cell(when));
    }
    md.push('\n');
}

fn condition(code: FindingCode) -> String {
    match code.condition() {
        Some(c) => format!("`{c}`"),
        None if code.condition_is_surveyed() => "the condition surveyed".into(),
        None => "none".into(),
    }
}

fn next_step(code: FindingCode) -> String {
    match code.next_step_case() {
        Some(case) => format!("{} *When {}:* {}", code.next_step(), case.when, case.next_step),
        None => code.next_step().into(),
    }
}

/// Text for a Markdown table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// GitHub's anchor for a heading: lower case, spaces as hyphens, other punctuation dropped.
fn anchor(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

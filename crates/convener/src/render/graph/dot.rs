//! Graphviz DOT: a `digraph` to draw with `dot`, `neato` or `sfdp` (e.g.
//! `dot -Tsvg network.dot -o network.svg`; on a few hundred ties or more, `sfdp` lays out
//! in a moment what `dot`'s layered layout takes minutes over).
//!
//! A node per partner (its partner id, quoted, `label` = its name) and an edge `from -> to`
//! per reported tie, in document order. Ties below the report's `min_level` (not
//! connections) are drawn dashed and grey. The attributes of
//! [`NODE_ATTRIBUTES`](super::NODE_ATTRIBUTES) and [`EDGE_ATTRIBUTES`](super::EDGE_ATTRIBUTES)
//! are written as extra attributes where present: Graphviz keeps them (`dot -Tdot` writes
//! them back) and ignores them when drawing. The graph carries `label` (the initiative's
//! name), `initiative` (its id) and `min_level`.
//!
//! Every value is a double-quoted string: `\` and `"` are escaped, a line break is written
//! `\n` (Graphviz's line break in labels), characters XML 1.0 forbids become U+FFFD (so an
//! SVG drawing stays well-formed), and in labels `&` is written `&amp;` because Graphviz
//! reads HTML entities in labels. No name can end a string early, start an HTML label or
//! add a statement. Reference: "The DOT Language" and "Attributes" in Graphviz's
//! documentation.

use std::fmt::Write;

use super::{Attribute, Val, edges, nodes};
use crate::model::Initiative;
use crate::network::NetworkReport;
use crate::render::escape::xml_allowed;

/// Appends `s` as a DOT double-quoted string; with `label`, `&` as `&amp;`.
fn push_quoted(out: &mut String, s: &str, label: bool) {
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '&' if label => out.push_str("&amp;"),
            c if xml_allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out.push('"');
}

/// `s` as a DOT double-quoted string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s, false);
    out
}

/// Appends `name="value"` for each attribute present, separated by `, `, with a leading
/// `, ` when `after` (something came before them in the list).
fn push_attrs<'a>(out: &mut String, values: impl Iterator<Item = (&'static Attribute, &'a Val<'a>)>, mut after: bool) {
    for (a, v) in values {
        if after {
            out.push_str(", ");
        }
        after = true;
        let _ = write!(out, "{}=", a.name);
        push_quoted(out, &v.text(), false);
    }
}

/// The partner graph of `doc` as a Graphviz `digraph`, with the measures of `report`.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// // a ──▶ b
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A \"1\""}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let report = convener::network::analyze(&doc, &Options::default());
/// let dot = convener::render::graph::dot::write(&doc, &report);
/// assert!(dot.starts_with("digraph \"x\" {\n"));
/// assert!(dot.contains(r#""a" [label="A \"1\"", name="A \"1\"", sector="unknown""#));
/// assert!(dot.contains(r#""a" -> "b" [level="collaborate", level_rank="5""#));
/// ```
pub fn write(doc: &Initiative, report: &NetworkReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quoted(doc.initiative.id.as_str()));
    out.push_str("  graph [label=");
    push_quoted(&mut out, doc.initiative.name.as_str(), true);
    let _ = writeln!(
        out,
        ", labelloc=\"t\", initiative={}, min_level={}];",
        quoted(doc.initiative.id.as_str()),
        quoted(report.min_level.as_str())
    );
    out.push_str("  node [shape=\"box\", style=\"rounded\"];\n");
    for n in nodes(doc, report) {
        let _ = write!(out, "  {} [label=", quoted(n.id));
        push_quoted(&mut out, n.partner.name.as_str(), true);
        push_attrs(&mut out, n.present(), true);
        out.push_str("];\n");
    }
    for e in edges(doc, report) {
        let _ = write!(out, "  {} -> {} [", quoted(e.from), quoted(e.to));
        if !e.connected {
            out.push_str("style=\"dashed\", color=\"gray60\"");
        }
        push_attrs(&mut out, e.present(), !e.connected);
        out.push_str("];\n");
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty, hostile};
    use super::*;

    /// The text between the quotes of every quoted string, and what is left outside them:
    /// a small DOT lexer for the tests.
    fn split(dot: &str) -> (Vec<String>, String) {
        let (mut strings, mut outside) = (vec![], String::new());
        let mut chars = dot.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                outside.push(c);
                continue;
            }
            let mut s = String::new();
            loop {
                match chars.next().expect("a closed string") {
                    '"' => break,
                    '\\' => {
                        s.push('\\');
                        s.push(chars.next().expect("an escaped character"));
                    }
                    c => s.push(c),
                }
            }
            strings.push(s);
            outside.push_str("\"\"");
        }
        (strings, outside)
    }

    #[test]
    fn quoting() {
        assert_eq!(quoted("a\"b\\"), r#""a\"b\\""#);
        assert_eq!(quoted("\"];\n}"), r#""\"];\n}""#);
        assert_eq!(quoted("a\r\nb\rc"), r#""a\nb\nc""#);
        assert_eq!(quoted("\u{1}\u{7f}\u{FFFF}\t"), "\"\u{FFFD}\u{7f}\u{FFFD}\t\"");
        let mut label = String::new();
        push_quoted(&mut label, "A &amp; B <b>", true);
        assert_eq!(label, "\"A &amp;amp; B <b>\"");
    }

    #[test]
    fn hostile_names_cannot_break_out() {
        let (doc, report) = hostile();
        let dot = write(&doc, &report);
        assert!(dot.contains(r#""s" [label="<script>alert(1)</script>""#));
        assert!(dot.contains(r#""q" [label="\"];\n}", name="\"];\n}""#));
        assert!(dot.contains("name=\"bell\u{FFFD}, nul\u{FFFD}, del\u{7f}, \u{FFFD} end\\\\\""));
        let (strings, outside) = split(&dot);
        assert!(strings.iter().any(|s| s == "<script>alert(1)</script>"));
        // Outside the strings: only the statements convener wrote, one a line.
        let shape: Vec<&str> = outside.lines().collect();
        assert_eq!(shape.len(), 2 + 1 + 5 + 3 + 1);
        assert_eq!(shape[0], "digraph \"\" {");
        assert!(shape[3].starts_with("  \"\" [label=\"\", name=\"\", sector=\"\""));
        assert!(shape[3].ends_with("];"));
        assert!(shape[8].starts_with("  \"\" -> \"\" [style=\"\", color=\"\", level=\"\""));
        assert!(shape[9].starts_with("  \"\" -> \"\" [level=\"\""));
        assert_eq!(shape[11], "}");
        assert!(!dot.chars().any(|c| c < ' ' && c != '\n'));
        assert!(!dot.contains("http"));
    }

    #[test]
    fn empty_network() {
        let (doc, report) = empty();
        assert_eq!(
            write(&doc, &report),
            "digraph \"e\" {\n  graph [label=\"Empty\", labelloc=\"t\", initiative=\"e\", min_level=\"communicate\"];\n  node [shape=\"box\", style=\"rounded\"];\n}\n"
        );
    }

    #[test]
    fn deterministic() {
        let (doc, report) = hostile();
        assert_eq!(write(&doc, &report), write(&doc, &report));
    }
}

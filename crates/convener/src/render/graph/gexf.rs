//! GEXF 1.3: Gephi's graph exchange format (also read by networkx `read_gexf`).
//!
//! A static, directed graph (`<graph mode="static" defaultedgetype="directed">`). The
//! attributes of [`NODE_ATTRIBUTES`] and [`EDGE_ATTRIBUTES`] are declared in
//! `<attributes class="node">` and `<attributes class="edge">` (id = title = the attribute
//! name; type `string`, `boolean`, `long` or `double`) and written as `<attvalue>` where
//! present. A node is a partner (id = partner id, `label` = its name); an edge a reported
//! tie (id `0`, `1`, … in document order, `label` = its level). `<meta>` names the creator
//! and describes the initiative, with no date, so the file is the same every time.
//!
//! The file declares the GEXF namespace and nothing else: no schema location, no `viz`
//! namespace. Reference: GEXF 1.3 specification (gexf.net).

use std::fmt::Write;

use super::{Attribute, EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Val, edges, nodes};
use crate::model::Initiative;
use crate::network::NetworkReport;
use crate::render::escape::{push_xml, xml};

/// The GEXF 1.3 namespace name (an identifier; never fetched).
const NAMESPACE: &str = "http://gexf.net/1.3";

fn declare(out: &mut String, class: &str, list: &[Attribute]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for a in list {
        let _ = writeln!(
            out,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>",
            name = a.name,
            ty = a.kind.graphml()
        );
    }
    out.push_str("    </attributes>\n");
}

fn attvalues<'a>(out: &mut String, values: impl Iterator<Item = (&'static Attribute, &'a Val<'a>)>) {
    out.push_str("        <attvalues>\n");
    for (a, v) in values {
        let _ = write!(out, "          <attvalue for=\"{}\" value=\"", a.name);
        push_xml(out, &v.text());
        out.push_str("\"/>\n");
    }
    out.push_str("        </attvalues>\n");
}

/// The partner graph of `doc` as GEXF 1.3, with the measures of `report`.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// // a ──▶ b
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A \"1\""}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let report = convener::network::analyze(&doc, &Options::default());
/// let xml = convener::render::graph::gexf::write(&doc, &report);
/// assert!(xml.contains(r#"<graph mode="static" defaultedgetype="directed">"#));
/// assert!(xml.contains(r#"<node id="a" label="A &quot;1&quot;">"#));
/// assert!(xml.contains(r#"<edge id="0" source="a" target="b" label="collaborate">"#));
/// ```
pub fn write(doc: &Initiative, report: &NetworkReport) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<gexf xmlns=\"{NAMESPACE}\" version=\"1.3\">");
    out.push_str("  <meta>\n    <creator>convener</creator>\n    <description>");
    push_xml(
        &mut out,
        &format!(
            "{} ({}): partners and the ties they reported; ties at {} or above are connections",
            doc.initiative.name,
            doc.initiative.id,
            report.min_level.as_str()
        ),
    );
    out.push_str("</description>\n  </meta>\n");
    out.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
    declare(&mut out, "node", NODE_ATTRIBUTES);
    declare(&mut out, "edge", EDGE_ATTRIBUTES);
    out.push_str("    <nodes>\n");
    for n in nodes(doc, report) {
        let _ = writeln!(out, "      <node id=\"{}\" label=\"{}\">", xml(n.id), xml(n.partner.name.as_str()));
        attvalues(&mut out, n.present());
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in edges(doc, report).iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" label=\"{}\">",
            xml(e.from),
            xml(e.to),
            e.tie.level.as_str()
        );
        attvalues(&mut out, e.present());
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty, hostile};
    use super::*;

    #[test]
    fn hostile_names_stay_text() {
        let (doc, report) = hostile();
        let x = write(&doc, &report);
        assert!(x.contains("<node id=\"s\" label=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"));
        assert!(!x.contains("<script>"));
        assert!(x.contains("<attvalue for=\"name\" value=\"&quot;];&#10;}\"/>"));
        assert!(x.contains("label=\"bell\u{FFFD}, nul\u{FFFD}, del\u{7f}, \u{FFFD} end\\\">"));
        assert!(x.contains("<description>X &lt;&amp;&gt; &quot;test&quot;\u{FFFD} (x)"));
        assert!(!x.chars().any(|c| c < ' ' && c != '\n'));
        assert_eq!(x.matches("<node ").count(), 5);
        assert_eq!(x.matches("<edge ").count(), 3);
        assert!(x.contains("<attvalue for=\"connected\" value=\"false\"/>"));
        assert!(!x.contains("DOCTYPE") && !x.contains("schemaLocation"));
        assert_eq!(x.matches("http").count(), 1);
    }

    #[test]
    fn declares_node_and_edge_attributes() {
        let (doc, report) = hostile();
        let x = write(&doc, &report);
        assert!(x.contains("<attributes class=\"node\" mode=\"static\">"));
        assert!(x.contains("<attributes class=\"edge\" mode=\"static\">"));
        assert!(x.contains("<attribute id=\"betweenness\" title=\"betweenness\" type=\"double\"/>"));
        assert!(x.contains("<attribute id=\"level_rank\" title=\"level_rank\" type=\"long\"/>"));
    }

    #[test]
    fn empty_network() {
        let (doc, report) = empty();
        let x = write(&doc, &report);
        assert!(x.contains("    <nodes>\n    </nodes>\n    <edges>\n    </edges>\n"));
    }

    #[test]
    fn deterministic() {
        let (doc, report) = hostile();
        assert_eq!(write(&doc, &report), write(&doc, &report));
    }
}

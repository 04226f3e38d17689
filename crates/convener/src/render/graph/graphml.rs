//! GraphML 1.0: the XML graph format read by yEd, Cytoscape, Gephi, networkx
//! (`read_graphml`) and igraph.
//!
//! One `<graph edgedefault="directed">` holding a node per partner (id = partner id) and an
//! edge per reported tie (id `e0`, `e1`, … in document order). Each attribute of
//! [`NODE_ATTRIBUTES`] and [`EDGE_ATTRIBUTES`] is declared by a `<key>` (ids `n_NAME` for
//! nodes, `e_NAME` for edges, with `attr.name` = NAME and `attr.type` `string`, `boolean`,
//! `long` or `double`) and written as `<data>` where present. The graph itself carries
//! `initiative` (its id), `name` and `min_level` (keys `g_…`).
//!
//! The file declares the GraphML namespace and nothing else: no schema location, no DTD.
//! Reference: the GraphML Primer and GraphML Specification (graphdrawing.org).

use std::fmt::Write;

use super::{Attribute, EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edges, nodes};
use crate::model::Initiative;
use crate::network::NetworkReport;
use crate::render::escape::{push_xml, xml};

/// The GraphML namespace name (an identifier; never fetched).
const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// Graph attributes: id suffix and `attr.name`, all strings.
const GRAPH_KEYS: [&str; 3] = ["initiative", "name", "min_level"];

fn key(out: &mut String, prefix: &str, domain: &str, a: &Attribute) {
    let _ = writeln!(
        out,
        "  <key id=\"{prefix}_{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>",
        name = a.name,
        ty = a.kind.graphml()
    );
}

fn data(out: &mut String, indent: &str, key: &str, value: &str) {
    let _ = write!(out, "{indent}<data key=\"{key}\">");
    push_xml(out, value);
    out.push_str("</data>\n");
}

/// The partner graph of `doc` as GraphML 1.0, with the measures of `report`.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// // a ──▶ b
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "<A>"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let report = convener::network::analyze(&doc, &Options::default());
/// let xml = convener::render::graph::graphml::write(&doc, &report);
/// assert!(xml.contains(r#"<graph id="x" edgedefault="directed">"#));
/// assert!(xml.contains(r#"<data key="n_name">&lt;A&gt;</data>"#));
/// assert!(xml.contains(r#"<edge id="e0" source="a" target="b">"#));
/// ```
pub fn write(doc: &Initiative, report: &NetworkReport) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<graphml xmlns=\"{NAMESPACE}\">");
    for name in GRAPH_KEYS {
        let _ = writeln!(out, "  <key id=\"g_{name}\" for=\"graph\" attr.name=\"{name}\" attr.type=\"string\"/>");
    }
    for a in NODE_ATTRIBUTES {
        key(&mut out, "n", "node", a);
    }
    for a in EDGE_ATTRIBUTES {
        key(&mut out, "e", "edge", a);
    }
    let _ = writeln!(out, "  <graph id=\"{}\" edgedefault=\"directed\">", xml(doc.initiative.id.as_str()));
    let info = [doc.initiative.id.as_str(), doc.initiative.name.as_str(), report.min_level.as_str()];
    for (name, value) in GRAPH_KEYS.iter().zip(info) {
        data(&mut out, "    ", &format!("g_{name}"), value);
    }
    for n in nodes(doc, report) {
        let _ = writeln!(out, "    <node id=\"{}\">", xml(n.id));
        for (a, v) in n.present() {
            data(&mut out, "      ", &format!("n_{}", a.name), &v.text());
        }
        out.push_str("    </node>\n");
    }
    for (i, e) in edges(doc, report).iter().enumerate() {
        let _ = writeln!(out, "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">", xml(e.from), xml(e.to));
        for (a, v) in e.present() {
            data(&mut out, "      ", &format!("e_{}", a.name), &v.text());
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
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
        assert!(x.contains("<data key=\"n_name\">&lt;script&gt;alert(1)&lt;/script&gt;</data>"));
        assert!(!x.contains("<script>"));
        assert!(x.contains("<data key=\"n_name\">&quot;];&#10;}</data>"));
        assert!(x.contains("<data key=\"n_name\">bell\u{FFFD}, nul\u{FFFD}, del\u{7f}, \u{FFFD} end\\</data>"));
        assert!(x.contains("<data key=\"g_name\">X &lt;&amp;&gt; &quot;test&quot;\u{FFFD}</data>"));
        assert!(!x.chars().any(|c| c < ' ' && c != '\n'));
        // One element per partner and tie; the tie below min_level is not connected.
        assert_eq!(x.matches("<node ").count(), 5);
        assert_eq!(x.matches("<edge ").count(), 3);
        assert!(x.contains("<data key=\"e_connected\">false</data>"));
        assert!(x.contains("<data key=\"e_depends\">true</data>"));
        // Nothing refers outside the file.
        assert!(!x.contains("DOCTYPE") && !x.contains("schemaLocation"));
        assert_eq!(x.matches("http").count(), 1);
    }

    #[test]
    fn empty_network() {
        let (doc, report) = empty();
        let x = write(&doc, &report);
        assert!(x.contains("<graph id=\"e\" edgedefault=\"directed\">\n"));
        assert!(!x.contains("<node"));
        assert!(x.ends_with("  </graph>\n</graphml>\n"));
    }

    #[test]
    fn deterministic() {
        let (doc, report) = hostile();
        assert_eq!(write(&doc, &report), write(&doc, &report));
        let again = crate::network::analyze(&doc, &crate::model::Options::default());
        assert_eq!(write(&doc, &report), write(&doc, &again));
    }

    #[test]
    fn measures_are_written_as_serde_json_numbers() {
        let (doc, report) = hostile();
        let x = write(&doc, &report);
        let p = &report.partners[1];
        let want = serde_json::to_string(&p.betweenness.unwrap()).unwrap();
        assert!(x.contains(&format!("<data key=\"n_betweenness\">{want}</data>")));
        assert!(x.contains("<data key=\"n_degree\">1</data>"));
    }
}

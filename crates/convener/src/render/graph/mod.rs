//! Exports of the partner graph to the tools people already use: GraphML (yEd, Cytoscape,
//! networkx, igraph), GEXF (Gephi), Graphviz DOT, and Kumu's JSON blueprint.
//!
//! Every export carries the same graph:
//!
//! - **nodes**: every partner, in document order, identified by its partner id, with the
//!   [`NODE_ATTRIBUTES`]: what the document says about it (name, sector, sector group,
//!   whether it responded, lived experience, tags) and every measure the
//!   [`NetworkReport`] computed for it;
//! - **edges**: every reported tie, at any level, from the partner that reported it to the
//!   partner it reported on, in document order, with the [`EDGE_ATTRIBUTES`]: the level
//!   and its rank (0 `compete` to 6 `integrate`), whether it is a connection (level at
//!   least the report's `min_level`), the desired level, kinds (joined with `;`),
//!   frequency, PARTNER trust and value (the pair score, the mean of the three items, and
//!   each item) and whether it marks a dependency ([`Tie::is_dependency`]).
//!
//! An attribute is absent where the value is (not asked for, undefined, not reported).
//! Numbers are written as serde_json writes them: integers as integers, other numbers in
//! the shortest form that reads back to the same `f64`.
//!
//! **Safety.** Every string from the document is escaped for its format: XML character
//! escapes in GraphML and GEXF, with characters XML 1.0 forbids (control characters other
//! than tab, line feed and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD; DOT
//! double-quoted strings with `\\`, `\"` and `\n` escapes; JSON through serde_json. No
//! output refers to anything outside itself: no DTD, no schema location, no link. (GraphML
//! and GEXF name their XML namespace, which is an identifier that no reader fetches.)
//!
//! **Determinism.** The same document and report give the same bytes.
//!
//! # Example
//! ```
//! use convener::render::graph::{export, GraphFormat};
//! use convener::{Initiative, Options};
//! let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
//!   "partners": [{"id": "a", "name": "A & Co"}, {"id": "b", "name": "B"}],
//!   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#)?;
//! let report = convener::network::analyze(&doc, &Options::default());
//! let xml = export(&doc, &report, GraphFormat::Graphml);
//! assert!(xml.contains("A &amp; Co"));
//! assert!(export(&doc, &report, "dot".parse()?).starts_with("digraph"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod kumu;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::IssueCode;
use crate::model::{Initiative, Partner, Tie, ValueError};
use crate::network::{NetworkReport, PartnerMeasures};
use crate::util::text::plain as number_text;

/// A file format the partner graph can be exported to.
///
/// # Example
/// ```
/// use convener::render::graph::GraphFormat;
/// let f: GraphFormat = "gexf".parse().unwrap();
/// assert_eq!(f, GraphFormat::Gexf);
/// assert_eq!(f.as_str(), "gexf");
/// assert_eq!(serde_json::to_string(&GraphFormat::Kumu).unwrap(), "\"kumu\"");
/// assert!("graphxml".parse::<GraphFormat>().unwrap_err().message.contains("graphml"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GraphFormat {
    /// GraphML 1.0 (yEd, Cytoscape, networkx, igraph).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Graphviz DOT (`dot`, `neato`, `sfdp`).
    Dot,
    /// Kumu's JSON blueprint (`{"elements": [...], "connections": [...]}`).
    Kumu,
}

impl GraphFormat {
    /// Every format, in the order above.
    pub const ALL: &'static [GraphFormat] =
        &[GraphFormat::Graphml, GraphFormat::Gexf, GraphFormat::Dot, GraphFormat::Kumu];

    /// The format's name: `graphml`, `gexf`, `dot` or `kumu`.
    ///
    /// # Example
    /// ```
    /// use convener::render::graph::GraphFormat;
    /// assert_eq!(GraphFormat::Dot.as_str(), "dot");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            GraphFormat::Graphml => "graphml",
            GraphFormat::Gexf => "gexf",
            GraphFormat::Dot => "dot",
            GraphFormat::Kumu => "kumu",
        }
    }

    /// The usual file name extension: `graphml`, `gexf`, `dot` or `json`.
    ///
    /// # Example
    /// ```
    /// use convener::render::graph::GraphFormat;
    /// assert_eq!(GraphFormat::Kumu.extension(), "json");
    /// ```
    pub fn extension(self) -> &'static str {
        match self {
            GraphFormat::Kumu => "json",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for GraphFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GraphFormat {
    type Err = ValueError;

    /// Reads a format's name (`graphml`, `gexf`, `dot`, `kumu`); an unknown name is
    /// `value.unknown` with the closest known one suggested.
    fn from_str(s: &str) -> Result<Self, ValueError> {
        GraphFormat::ALL.iter().copied().find(|f| f.as_str() == s).ok_or_else(|| ValueError {
            code: IssueCode::ValueUnknown,
            message: crate::util::suggest::unknown_value_message(
                "graph format",
                s,
                GraphFormat::ALL.iter().map(|f| f.as_str()),
            ),
        })
    }
}

/// Writes the partner graph of `doc`, with the measures of `report` (from
/// [`crate::network::analyze`] on the same document), in `format`.
///
/// # Arguments
/// - `doc`: a valid document (as loaded); ties refer to its partners.
/// - `report`: its network report; a partner missing from it gets no measures.
/// - `format`: the file format.
///
/// # Returns
/// The file's text, ending with a line feed.
///
/// # Complexity
/// O((n + m) · a), n partners, m ties, a attributes.
///
/// # Example
/// ```
/// use convener::render::graph::{export, GraphFormat};
/// use convener::{Initiative, Options};
/// // a ──▶ b
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "coordinate"}]}"#).unwrap();
/// let report = convener::network::analyze(&doc, &Options::default());
/// for format in GraphFormat::ALL {
///     let text = export(&doc, &report, *format);
///     assert!(text.ends_with('\n'));
///     assert_eq!(text, export(&doc, &report, *format)); // deterministic
/// }
/// ```
pub fn export(doc: &Initiative, report: &NetworkReport, format: GraphFormat) -> String {
    match format {
        GraphFormat::Graphml => graphml::write(doc, report),
        GraphFormat::Gexf => gexf::write(doc, report),
        GraphFormat::Dot => dot::write(doc, report),
        GraphFormat::Kumu => kumu::write(doc, report),
    }
}

/// The type of an exported attribute, as each format declares it.
///
/// # Example
/// ```
/// use convener::render::graph::{AttributeType, NODE_ATTRIBUTES};
/// assert_eq!(NODE_ATTRIBUTES[0].kind, AttributeType::String);
/// assert_eq!(AttributeType::Integer.graphml(), "long");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeType {
    /// Text.
    String,
    /// `true` or `false`.
    Boolean,
    /// A whole number (0 or more).
    Integer,
    /// A floating-point number.
    Double,
}

impl AttributeType {
    /// The GraphML `attr.type` (and GEXF attribute `type`): `string`, `boolean`, `long`
    /// or `double`.
    ///
    /// # Example
    /// ```
    /// use convener::render::graph::AttributeType;
    /// assert_eq!(AttributeType::Double.graphml(), "double");
    /// ```
    pub fn graphml(self) -> &'static str {
        match self {
            AttributeType::String => "string",
            AttributeType::Boolean => "boolean",
            AttributeType::Integer => "long",
            AttributeType::Double => "double",
        }
    }
}

/// An attribute every export carries, under the same name in every format.
///
/// # Example
/// ```
/// use convener::render::graph::EDGE_ATTRIBUTES;
/// assert!(EDGE_ATTRIBUTES.iter().any(|a| a.name == "level_rank"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    /// Its name (snake_case).
    pub name: &'static str,
    /// Its type.
    pub kind: AttributeType,
    /// What it holds.
    pub description: &'static str,
}

const fn attr(name: &'static str, kind: AttributeType, description: &'static str) -> Attribute {
    Attribute { name, kind, description }
}

use AttributeType::{Boolean, Double, Integer, String as Str};

/// The attributes of each node (partner), in the order they are written.
///
/// # Example
/// ```
/// use convener::render::graph::NODE_ATTRIBUTES;
/// let names: Vec<&str> = NODE_ATTRIBUTES.iter().map(|a| a.name).collect();
/// assert_eq!(&names[..4], ["name", "sector", "sector_group", "responded"]);
/// assert!(names.contains(&"betweenness"));
/// ```
pub const NODE_ATTRIBUTES: &[Attribute] = &[
    attr("name", Str, "the partner's name"),
    attr("sector", Str, "its sector"),
    attr("sector_group", Str, "its sector group: statutory, third_sector, community or other"),
    attr("responded", Boolean, "whether it answered the network survey"),
    attr("lived_experience", Boolean, "whether it is led by, or speaks for, people with lived experience"),
    attr("tags", Str, "its tags, joined with ';'"),
    attr("degree", Integer, "partners it is connected to"),
    attr("in_degree", Integer, "partners that reported a tie to it"),
    attr("out_degree", Integer, "partners it reported a tie to"),
    attr("degree_centrality", Double, "degree / (n - 1)"),
    attr("betweenness", Double, "normalized betweenness centrality"),
    attr("closeness", Double, "closeness centrality (Wasserman-Faust)"),
    attr("eigenvector", Double, "eigenvector centrality within the largest component"),
    attr("pagerank", Double, "PageRank on the directed ties"),
    attr("core_number", Integer, "k-core number"),
    attr("constraint", Double, "Burt's constraint"),
    attr("effective_size", Double, "Burt's effective size"),
    attr("clustering", Double, "local clustering coefficient"),
    attr("articulation_point", Boolean, "whether removing it splits its component"),
    attr("community", Integer, "its Louvain community, from 0"),
    attr("trust", Double, "mean trust others report in it (1-4, PARTNER)"),
    attr("value", Double, "mean value others report of it (1-4, PARTNER)"),
];

/// The attributes of each edge (reported tie), in the order they are written.
///
/// # Example
/// ```
/// use convener::render::graph::EDGE_ATTRIBUTES;
/// assert_eq!(EDGE_ATTRIBUTES[0].name, "level");
/// assert_eq!(EDGE_ATTRIBUTES.last().unwrap().name, "depends");
/// ```
pub const EDGE_ATTRIBUTES: &[Attribute] = &[
    attr("level", Str, "how closely they work together (compete ... integrate)"),
    attr("level_rank", Integer, "the level's rank, 0 (compete) to 6 (integrate)"),
    attr("connected", Boolean, "whether the tie is a connection: level at least min_level"),
    attr("desired_level", Str, "how closely the reporter would like to work"),
    attr("kinds", Str, "what flows along the tie, joined with ';'"),
    attr("frequency", Str, "how often they are in contact"),
    attr("trust", Double, "PARTNER trust pair score: mean of the three items (1-4)"),
    attr("trust_reliability", Double, "trust item: reliability (1-4)"),
    attr("trust_mission", Double, "trust item: mission (1-4)"),
    attr("trust_openness", Double, "trust item: openness (1-4)"),
    attr("value", Double, "PARTNER value pair score: mean of the three items (1-4)"),
    attr("value_power", Double, "value item: power and influence (1-4)"),
    attr("value_involvement", Double, "value item: involvement (1-4)"),
    attr("value_resources", Double, "value item: resources (1-4)"),
    attr("depends", Boolean, "whether the reporter cannot deliver without the other partner"),
];

/// One attribute value of a node or an edge.
#[derive(Debug, Clone, PartialEq)]
enum Val<'a> {
    Text(Cow<'a, str>),
    Bool(bool),
    Int(u64),
    Num(f64),
}

impl Val<'_> {
    /// The value as text: numbers as serde_json writes them.
    fn text(&self) -> Cow<'_, str> {
        match self {
            Val::Text(s) => Cow::Borrowed(s.as_ref()),
            Val::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Val::Int(i) => Cow::Owned(i.to_string()),
            Val::Num(x) => Cow::Owned(number_text(*x)),
        }
    }

    /// The value as JSON.
    fn json(&self) -> serde_json::Value {
        match self {
            Val::Text(s) => serde_json::Value::String(s.to_string()),
            Val::Bool(b) => serde_json::Value::Bool(*b),
            Val::Int(i) => serde_json::Value::from(*i),
            Val::Num(x) => serde_json::Value::from(*x),
        }
    }
}

fn num<'a>(x: Option<f64>) -> Option<Val<'a>> {
    x.filter(|x| x.is_finite()).map(Val::Num)
}

fn joined<'a>(items: impl Iterator<Item = &'a str>) -> Option<Val<'a>> {
    let parts: Vec<&str> = items.collect();
    (!parts.is_empty()).then(|| Val::Text(Cow::Owned(parts.join(";"))))
}

/// A partner as exported: its id, name and values aligned with [`NODE_ATTRIBUTES`].
struct Node<'a> {
    id: &'a str,
    partner: &'a Partner,
    values: Vec<Option<Val<'a>>>,
}

/// A tie as exported: its ends and values aligned with [`EDGE_ATTRIBUTES`].
struct Edge<'a> {
    from: &'a str,
    to: &'a str,
    tie: &'a Tie,
    connected: bool,
    values: Vec<Option<Val<'a>>>,
}

impl<'a> Node<'a> {
    /// The attributes present, with their values, in [`NODE_ATTRIBUTES`] order.
    fn present(&self) -> impl Iterator<Item = (&'static Attribute, &Val<'a>)> {
        NODE_ATTRIBUTES.iter().zip(&self.values).filter_map(|(a, v)| v.as_ref().map(|v| (a, v)))
    }
}

impl<'a> Edge<'a> {
    /// The attributes present, with their values, in [`EDGE_ATTRIBUTES`] order.
    fn present(&self) -> impl Iterator<Item = (&'static Attribute, &Val<'a>)> {
        EDGE_ATTRIBUTES.iter().zip(&self.values).filter_map(|(a, v)| v.as_ref().map(|v| (a, v)))
    }
}

/// The measures of each partner of `doc`, in document order: by position when the report
/// is of the same partners (the usual case), else by id.
fn measures<'a>(doc: &'a Initiative, report: &'a NetworkReport) -> Vec<Option<&'a PartnerMeasures>> {
    let aligned = report.partners.len() == doc.partners.len()
        && report.partners.iter().zip(&doc.partners).all(|(m, p)| m.partner == p.id);
    if aligned {
        return report.partners.iter().map(Some).collect();
    }
    let by_id: BTreeMap<&str, &PartnerMeasures> = report.partners.iter().map(|m| (m.partner.as_str(), m)).collect();
    doc.partners.iter().map(|p| by_id.get(p.id.as_str()).copied()).collect()
}

fn nodes<'a>(doc: &'a Initiative, report: &'a NetworkReport) -> Vec<Node<'a>> {
    doc.partners
        .iter()
        .zip(measures(doc, report))
        .map(|(p, m)| {
            let values = vec![
                Some(Val::Text(Cow::Borrowed(p.name.as_str()))),
                Some(Val::Text(Cow::Borrowed(p.sector.as_str()))),
                Some(Val::Text(Cow::Borrowed(p.sector.group().as_str()))),
                Some(Val::Bool(p.responded)),
                p.lived_experience.map(Val::Bool),
                joined(p.tags.iter().map(|t| t.as_str())),
                m.and_then(|m| m.degree).map(Val::Int),
                m.and_then(|m| m.in_degree).map(Val::Int),
                m.and_then(|m| m.out_degree).map(Val::Int),
                num(m.and_then(|m| m.degree_centrality)),
                num(m.and_then(|m| m.betweenness)),
                num(m.and_then(|m| m.closeness)),
                num(m.and_then(|m| m.eigenvector)),
                num(m.and_then(|m| m.pagerank)),
                m.and_then(|m| m.core_number).map(Val::Int),
                num(m.and_then(|m| m.constraint)),
                num(m.and_then(|m| m.effective_size)),
                num(m.and_then(|m| m.clustering)),
                m.and_then(|m| m.articulation_point).map(Val::Bool),
                m.and_then(|m| m.community).map(|c| Val::Int(c.into())),
                num(m.and_then(|m| m.trust)),
                num(m.and_then(|m| m.value)),
            ];
            debug_assert_eq!(values.len(), NODE_ATTRIBUTES.len());
            Node { id: p.id.as_str(), partner: p, values }
        })
        .collect()
}

fn edges<'a>(doc: &'a Initiative, report: &NetworkReport) -> Vec<Edge<'a>> {
    let text = |s: &'static str| Some(Val::Text(Cow::Borrowed(s)));
    let rule = crate::network::EdgeRule { min_level: report.min_level, kinds: report.tie_kinds.clone() };
    doc.ties
        .iter()
        .map(|t| {
            let connected = rule.admits(t.level, &t.kinds);
            let values = vec![
                text(t.level.as_str()),
                Some(Val::Int(t.level.rank().into())),
                Some(Val::Bool(connected)),
                t.desired_level.and_then(|l| text(l.as_str())),
                joined(t.kinds.iter().map(|k| k.as_str())),
                t.frequency.and_then(|f| text(f.as_str())),
                num(t.trust.map(|x| x.score())),
                num(t.trust.map(|x| x.reliability.get())),
                num(t.trust.map(|x| x.mission.get())),
                num(t.trust.map(|x| x.openness.get())),
                num(t.value.map(|x| x.score())),
                num(t.value.map(|x| x.power.get())),
                num(t.value.map(|x| x.involvement.get())),
                num(t.value.map(|x| x.resources.get())),
                Some(Val::Bool(t.is_dependency())),
            ];
            debug_assert_eq!(values.len(), EDGE_ATTRIBUTES.len());
            Edge { from: t.from.as_str(), to: t.to.as_str(), tie: t, connected, values }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Options;
    use crate::model::{Id, InitiativeInfo, Level, Text};

    /// Partners with hostile names, a duplicate name, and a tie below the minimum level.
    pub(super) fn hostile() -> (Initiative, NetworkReport) {
        let p = |id: &str, name: &str| Partner::new(Id::new(id).unwrap(), Text::new(name).unwrap());
        let mut doc = Initiative::new(
            InitiativeInfo::new(Id::new("x").unwrap(), Text::new("X <&> \"test\"\u{1}").unwrap()),
            vec![
                p("s", "<script>alert(1)</script>"),
                p("q", "\"];\n}"),
                p("c", "bell\u{7}, nul\u{0}, del\u{7f}, \u{FFFF} end\\"),
                p("d1", "Same"),
                p("d2", "Same"),
            ],
        );
        let mut t = Tie::new(Id::new("s").unwrap(), Id::new("q").unwrap(), Level::Coexist);
        t.kinds = vec![crate::model::TieKind::Dependency];
        doc.ties = vec![
            t,
            Tie::new(Id::new("q").unwrap(), Id::new("c").unwrap(), Level::Integrate),
            Tie::new(Id::new("d1").unwrap(), Id::new("d2").unwrap(), Level::Cooperate),
        ];
        let report = crate::network::analyze(&doc, &Options::default());
        (doc, report)
    }

    pub(super) fn empty() -> (Initiative, NetworkReport) {
        let doc = Initiative::new(InitiativeInfo::new(Id::new("e").unwrap(), Text::new("Empty").unwrap()), vec![]);
        let report = crate::network::analyze(&doc, &Options::default());
        (doc, report)
    }

    #[test]
    fn format_names() {
        for f in GraphFormat::ALL {
            assert_eq!(f.as_str().parse::<GraphFormat>().unwrap(), *f);
            assert_eq!(f.to_string(), f.as_str());
            assert_eq!(serde_json::to_string(f).unwrap(), format!("\"{}\"", f.as_str()));
            let back: GraphFormat = serde_json::from_str(&format!("\"{f}\"")).unwrap();
            assert_eq!(back, *f);
        }
        let e = "GraphML".parse::<GraphFormat>().unwrap_err();
        assert_eq!(e.code, "value.unknown");
        assert!(e.message.contains("graphml"), "{}", e.message);
    }

    #[test]
    fn attributes_line_up_with_values() {
        let (doc, report) = hostile();
        for n in nodes(&doc, &report) {
            assert_eq!(n.values.len(), NODE_ATTRIBUTES.len());
        }
        let e = edges(&doc, &report);
        assert_eq!(e.len(), 3);
        let first: Vec<(&str, String)> = e[0].present().map(|(a, v)| (a.name, v.text().into_owned())).collect();
        assert_eq!(
            first,
            [
                ("level", "coexist".to_string()),
                ("level_rank", "1".into()),
                ("connected", "false".into()),
                ("kinds", "dependency".into()),
                ("depends", "true".into()),
            ]
        );
        assert!(e[1].connected);
    }

    #[test]
    fn measures_found_by_id_when_the_report_differs() {
        let (doc, mut report) = hostile();
        report.partners.reverse();
        report.partners.pop();
        let m = measures(&doc, &report);
        assert!(m[0].is_none());
        assert_eq!(m[1].unwrap().partner.as_str(), "q");
        assert_eq!(m[4].unwrap().partner.as_str(), "d2");
    }

    #[test]
    fn names_are_unique_across_node_and_edge_attributes() {
        for list in [NODE_ATTRIBUTES, EDGE_ATTRIBUTES] {
            let mut names: Vec<&str> = list.iter().map(|a| a.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), list.len());
        }
    }
}

//! Graphs from other tools (a networkx graph, an edge table) as an initiative: each node a
//! partner named by its label, with an id made from the label; each edge a tie, both ways
//! when the graph is undirected.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::codes::IssueCode;
use crate::error::{Error, Issue};
use crate::load::Collector;
use crate::model::{Id, Initiative, InitiativeInfo, Level, Limits, Partner, Rating, Text, Tie, Trust, ValueScores};

/// A graph as another tool holds it: node labels, and edges between them by position.
///
/// JSON: `{"name": "Karate club", "directed": false, "nodes": ["0", "1", ...], "edges":
/// [{"from": 0, "to": 1, "level": "cooperate", "trust": 3, "value": 2.5}, ...]}`.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelledGraph {
    /// The initiative's name (default "Imported network").
    #[serde(default)]
    pub name: Option<String>,
    /// Whether an edge is reported by its first node only; an undirected edge is a tie
    /// each way.
    #[serde(default)]
    pub directed: bool,
    /// The nodes' labels, in order: each becomes a partner named by it.
    pub nodes: Vec<String>,
    /// The edges, between nodes by their position in `nodes`.
    #[serde(default)]
    pub edges: Vec<LabelledEdge>,
}

/// One edge of a [`LabelledGraph`].
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelledEdge {
    /// The position of the node it is from.
    pub from: usize,
    /// The position of the node it is to.
    pub to: usize,
    /// The Tamarack level (default `collaborate`).
    #[serde(default)]
    pub level: Option<String>,
    /// A trust rating on PARTNER's 1–4 scale: it stands for all three trust items
    /// (reliability, mission, openness), so the pair's trust score is this number.
    #[serde(default)]
    pub trust: Option<f64>,
    /// A value rating on PARTNER's 1–4 scale: it stands for all three value items (power,
    /// involvement, resources).
    #[serde(default)]
    pub value: Option<f64>,
}

/// An imported graph: the initiative, and the partner id each node got, in node order.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The initiative: partners in node order, ties in edge order.
    pub initiative: Initiative,
    /// `ids[i]` is the id of node `i`.
    pub ids: Vec<Id>,
}

/// The level of a tie when an edge gives none.
pub const DEFAULT_LEVEL: Level = super::edgelist::DEFAULT_LEVEL;

/// The longest id made from a label; a longer label keeps its first characters (the name
/// keeps the whole label). convener's own choice: ids stay readable in tables.
pub const MAX_ID_CHARS: usize = 64;

/// An id from a label: characters an id may hold are kept, runs of others become one `-`,
/// a start that is not a letter or digit is dropped, at most [`MAX_ID_CHARS`]; `node` when
/// nothing is left.
///
/// # Example
/// ```
/// use convener::formats::graph::id_from_label;
/// assert_eq!(id_from_label("Mr Hi"), "Mr-Hi");
/// assert_eq!(id_from_label("  (Officer) "), "Officer");
/// assert_eq!(id_from_label("Élise"), "lise");
/// assert_eq!(id_from_label("!!"), "node");
/// ```
pub fn id_from_label(label: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in label.chars() {
        let allowed = c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-');
        if !allowed || (out.is_empty() && !c.is_ascii_alphanumeric()) {
            gap = !out.is_empty();
            continue;
        }
        if gap && !out.ends_with('-') && c != '-' {
            out.push('-');
        }
        gap = false;
        out.push(c);
        if out.chars().count() >= MAX_ID_CHARS {
            break;
        }
    }
    while out.ends_with(['-', '.', ':', '_']) {
        out.pop();
    }
    if out.is_empty() { "node".into() } else { out }
}

/// Ids for every label, unique: a label whose id is taken gets `-2`, `-3`, … in node order.
fn unique_ids(labels: &[String]) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    labels
        .iter()
        .map(|label| {
            let base = id_from_label(label);
            let mut id = base.clone();
            let mut k = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{k}");
                k += 1;
            }
            id
        })
        .collect()
}

/// Reads a graph given as JSON text (the shape of [`LabelledGraph`]); see [`import`].
///
/// # Example
/// ```
/// use convener::model::Limits;
/// let g = r#"{"nodes": ["Mr Hi", "Officer", "Mr Hi"], "edges": [{"from": 0, "to": 1}, {"from": 1, "to": 2, "trust": 3}]}"#;
/// let imported = convener::formats::graph::import_json(g, &Limits::default()).unwrap();
/// let ids: Vec<&str> = imported.ids.iter().map(|i| i.as_str()).collect();
/// assert_eq!(ids, ["Mr-Hi", "Officer", "Mr-Hi-2"]);
/// assert_eq!(imported.initiative.ties.len(), 4); // undirected: both ways
/// assert_eq!(imported.initiative.partners[2].name.as_str(), "Mr Hi");
/// ```
pub fn import_json(text: &str, limits: &Limits) -> Result<Imported, Error> {
    if text.len() as u64 > limits.max_document_bytes {
        return Err(Error::limit(Issue::at_pointer(
            IssueCode::LimitExceeded,
            "",
            format!(
                "the graph is {} bytes; the limit is {} (option limits.max_document_bytes)",
                text.len(),
                limits.max_document_bytes
            ),
        )));
    }
    let graph: LabelledGraph = serde_json::from_str(text).map_err(|e| Error::InvalidArgument {
        code: IssueCode::ArgumentInvalid,
        message: format!("the graph is not {{nodes, edges}} as convener reads it: {e}"),
    })?;
    import(&graph, limits)
}

/// A graph as an initiative: a partner per node (named by its label, sector `unknown`,
/// with an id made unique from the label by [`id_from_label`]) and a tie per edge (both
/// ways when the graph is undirected), at the edge's level or [`DEFAULT_LEVEL`], with its
/// trust and value ratings. Every problem is listed at its JSON pointer (`/edges/3/level`)
/// with the codes of document loading: a node out of range, a self-loop, a pair given
/// twice, an unknown level, a rating outside 1–4, an empty label.
///
/// # Complexity
/// O((n + m) log n) for n nodes and m edges.
///
/// # Example
/// ```
/// use convener::formats::graph::{import, LabelledEdge, LabelledGraph};
/// use convener::model::Limits;
/// let edge = |from, to| LabelledEdge { from, to, level: None, trust: None, value: None };
/// let g = LabelledGraph { name: None, directed: true, nodes: vec!["a".into(), "b".into()], edges: vec![edge(0, 1), edge(1, 1)] };
/// let err = import(&g, &Limits::default()).unwrap_err();
/// assert_eq!(err.issues()[0].code, "tie.self");
/// assert_eq!(err.issues()[0].pointer(), Some("/edges/1"));
/// ```
pub fn import(graph: &LabelledGraph, limits: &Limits) -> Result<Imported, Error> {
    let mut out = Collector::new(limits.max_issues);
    check_size(graph, limits)?;
    let ids = unique_ids(&graph.nodes);
    let partners = partners(graph, &ids, &mut out);
    let ties = ties(graph, &ids, &mut out);
    if !out.is_empty() {
        return Err(Error::InvalidDocument(out.into_problems()));
    }
    let name = graph.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("Imported network");
    let info = InitiativeInfo::new(known_id("imported"), text(name));
    let mut initiative = Initiative::new(info, partners);
    initiative.ties = ties;
    let ids = ids.iter().map(|i| known_id(i)).collect();
    Ok(Imported { initiative, ids })
}

fn check_size(graph: &LabelledGraph, limits: &Limits) -> Result<(), Error> {
    let edges = graph.edges.len() as u64 * if graph.directed { 1 } else { 2 };
    for (what, n) in [("nodes", graph.nodes.len() as u64), ("ties", edges)] {
        if n > limits.max_items {
            return Err(Error::limit(Issue::at_pointer(
                IssueCode::LimitExceeded,
                format!("/{}", if what == "nodes" { "nodes" } else { "edges" }),
                format!("the graph gives {n} {what}; the limit is {} (option limits.max_items)", limits.max_items),
            )));
        }
    }
    Ok(())
}

/// An id made by [`id_from_label`] (always valid) or a fixed one.
fn known_id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|_| Id::new("node").expect("a valid id"))
}

fn text(s: &str) -> Text {
    Text::new(s).unwrap_or_else(|_| Text::new("node").expect("a valid text"))
}

fn partners(graph: &LabelledGraph, ids: &[String], out: &mut Collector) -> Vec<Partner> {
    let mut partners = Vec::with_capacity(ids.len());
    for (i, (label, id)) in graph.nodes.iter().zip(ids).enumerate() {
        if label.trim().is_empty() {
            out.push(Issue::at_pointer(
                IssueCode::ValueEmpty,
                format!("/nodes/{i}"),
                "a node's label cannot be empty: it is the partner's name",
            ));
        }
        partners.push(Partner::new(known_id(id), text(label)));
    }
    partners
}

fn ties(graph: &LabelledGraph, ids: &[String], out: &mut Collector) -> Vec<Tie> {
    let n = ids.len();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut ties = Vec::with_capacity(graph.edges.len() * 2);
    for (k, e) in graph.edges.iter().enumerate() {
        let at = format!("/edges/{k}");
        let ends_ok = end(e.from, n, &at, "from", out) & end(e.to, n, &at, "to", out);
        let (level, trust, value) = attributes(e, &at, out);
        if !ends_ok {
            continue;
        }
        if e.from == e.to {
            out.push(Issue::at_pointer(
                IssueCode::TieSelf,
                at,
                format!(
                    "the edge joins '{}' to itself: a partner has no tie with itself (remove self-loops first)",
                    graph.nodes[e.from]
                ),
            ));
            continue;
        }
        let both = if graph.directed { vec![(e.from, e.to)] } else { vec![(e.from, e.to), (e.to, e.from)] };
        for (a, b) in both {
            if !pairs.insert((a, b)) {
                out.push(Issue::at_pointer(
                    IssueCode::TieDuplicate,
                    at.clone(),
                    format!("the tie from '{}' to '{}' is given twice", graph.nodes[a], graph.nodes[b]),
                ));
                break;
            }
            let mut t = Tie::new(known_id(&ids[a]), known_id(&ids[b]), level);
            t.trust = trust.map(|r| Trust { reliability: r, mission: r, openness: r });
            t.value = value.map(|r| ValueScores { power: r, involvement: r, resources: r });
            ties.push(t);
        }
    }
    ties
}

/// Whether an edge's end is a node; an issue when it is not.
fn end(v: usize, n: usize, at: &str, field: &str, out: &mut Collector) -> bool {
    if v < n {
        return true;
    }
    out.push(Issue::at_pointer(
        IssueCode::ReferenceUnknownPartner,
        format!("{at}/{field}"),
        format!("node {v} is not one of the graph's {n} nodes (counted from 0)"),
    ));
    false
}

/// An edge's level, trust and value, each checked; an issue for each that is not valid.
fn attributes(e: &LabelledEdge, at: &str, out: &mut Collector) -> (Level, Option<Rating>, Option<Rating>) {
    let level = match e.level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => DEFAULT_LEVEL,
        Some(l) => l.parse::<Level>().unwrap_or_else(|err| {
            out.push(Issue::at_pointer(err.code, format!("{at}/level"), err.message));
            DEFAULT_LEVEL
        }),
    };
    let mut rating = |v: Option<f64>, field: &str| {
        v.and_then(|x| {
            Rating::new(x)
                .map_err(|err| out.push(Issue::at_pointer(err.code, format!("{at}/{field}"), err.message)))
                .ok()
        })
    };
    let trust = rating(e.trust, "trust");
    let value = rating(e.value, "value");
    (level, trust, value)
}

//! The graph exports read back: GraphML and GEXF are well-formed XML (roxmltree, which
//! refuses DTDs) with a node per partner and an edge per tie, their attributes declared
//! and their values equal to the document's; DOT parses as one `digraph` of node and edge
//! statements; the Kumu blueprint has the documented shape. On the bundled example, a
//! synthetic 200-partner initiative and a document of hostile names.

use std::collections::{BTreeMap, BTreeSet};

use convener::network::NetworkReport;
use convener::render::graph::{EDGE_ATTRIBUTES, GraphFormat, NODE_ATTRIBUTES, export};
use convener::synth::{SynthOptions, initiative};
use convener::{Initiative, Options};
use serde_json::Value;

fn example() -> Initiative {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json");
    Initiative::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Names that try to break out of every format, a control character, an unpaired
/// "surrogate-like" non-character, a duplicate name and one equal to a disambiguated label.
fn hostile() -> Initiative {
    Initiative::from_json(
        r#"{"format": "convener/1",
        "initiative": {"id": "h", "name": "Hostile <&> \"network\"\n]]>"},
        "partners": [
          {"id": "s", "name": "<script>alert(1)</script>", "tags": ["<b>\"x\"</b>", "a&b"]},
          {"id": "q", "name": "\"];\n}", "sector": "health"},
          {"id": "c", "name": "bell\u0007 nul\u0000 tab\t cr\r ffff\uffff back\\"},
          {"id": "x:1", "name": "Same"},
          {"id": "x.2", "name": "Same"},
          {"id": "y", "name": "Same (x:1)"},
          {"id": "z", "name": "&amp; <!-- --> <![CDATA[ ]]> digraph { } -> \\\" \\N"}
        ],
        "ties": [
          {"from": "s", "to": "q", "level": "coexist", "kinds": ["dependency", "referral"]},
          {"from": "q", "to": "c", "level": "integrate", "trust": {"reliability": 4, "mission": 3, "openness": 3}},
          {"from": "x:1", "to": "x.2", "level": "cooperate", "depends": true},
          {"from": "x.2", "to": "x:1", "level": "compete", "desired_level": "coordinate"},
          {"from": "z", "to": "y", "level": "communicate", "frequency": "weekly"}
        ]}"#,
    )
    .unwrap()
}

fn documents() -> Vec<(&'static str, Initiative)> {
    vec![("family-support", example()), ("synth-200", initiative(&SynthOptions::new(200, 3))), ("hostile", hostile())]
}

/// What XML 1.0 can carry of `s`: forbidden characters become U+FFFD.
fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn name_of(doc: &Initiative) -> BTreeMap<&str, &str> {
    doc.partners.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect()
}

fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}"));
    assert!(!text.contains("<!DOCTYPE") && !text.contains("schemaLocation"));
    doc
}

fn children<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |c| c.has_tag_name(name))
}

fn check_graphml(doc: &Initiative, report: &NetworkReport, text: &str) {
    let xml = parse_xml(text);
    let root = xml.root_element();
    assert!(root.has_tag_name(("http://graphml.graphdrawing.org/xmlns", "graphml")));
    let keys: BTreeMap<&str, (&str, &str)> = children(root, "key")
        .map(|k| (k.attribute("id").unwrap(), (k.attribute("for").unwrap(), k.attribute("attr.name").unwrap())))
        .collect();
    assert_eq!(keys.len(), 3 + NODE_ATTRIBUTES.len() + EDGE_ATTRIBUTES.len());
    let graph = children(root, "graph").next().unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let data = |n: roxmltree::Node, domain: &str| -> BTreeMap<String, String> {
        children(n, "data")
            .map(|d| {
                let (for_, name) = keys[d.attribute("key").unwrap()];
                assert_eq!(for_, domain);
                (name.to_string(), d.text().unwrap_or("").to_string())
            })
            .collect()
    };
    assert_eq!(data(graph, "graph")["name"], xml_text(doc.initiative.name.as_str()));
    let nodes: Vec<_> = children(graph, "node").collect();
    assert_eq!(nodes.len(), doc.partners.len());
    for ((n, p), m) in nodes.iter().zip(&doc.partners).zip(&report.partners) {
        assert_eq!(n.attribute("id"), Some(p.id.as_str()));
        let d = data(*n, "node");
        assert_eq!(d["name"], xml_text(p.name.as_str()));
        assert_eq!(d["sector"], p.sector.as_str());
        assert_eq!(d["responded"], p.responded.to_string());
        assert_eq!(d.get("degree"), m.degree.map(|x| x.to_string()).as_ref());
        assert_eq!(d.get("betweenness").map(|b| b.parse::<f64>().unwrap()), m.betweenness);
    }
    let edges: Vec<_> = children(graph, "edge").collect();
    assert_eq!(edges.len(), doc.ties.len());
    for (e, t) in edges.iter().zip(&doc.ties) {
        assert_eq!(e.attribute("source"), Some(t.from.as_str()));
        assert_eq!(e.attribute("target"), Some(t.to.as_str()));
        let d = data(*e, "edge");
        assert_eq!(d["level"], t.level.as_str());
        assert_eq!(d["level_rank"], t.level.rank().to_string());
        assert_eq!(d["connected"], (t.level >= report.min_level).to_string());
        assert_eq!(d["depends"], t.is_dependency().to_string());
        assert_eq!(d.get("trust").map(|x| x.parse::<f64>().unwrap()), t.trust.map(|x| x.score()));
    }
}

fn check_gexf(doc: &Initiative, report: &NetworkReport, text: &str) {
    let xml = parse_xml(text);
    let root = xml.root_element();
    assert!(root.has_tag_name(("http://gexf.net/1.3", "gexf")));
    assert_eq!(root.attribute("version"), Some("1.3"));
    let graph = children(root, "graph").next().unwrap();
    assert_eq!(graph.attribute("mode"), Some("static"));
    assert_eq!(graph.attribute("defaultedgetype"), Some("directed"));
    let mut declared: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in children(graph, "attributes") {
        let class = a.attribute("class").unwrap();
        for attr in children(a, "attribute") {
            declared.entry(class).or_default().insert(attr.attribute("id").unwrap());
        }
    }
    assert_eq!(declared["node"].len(), NODE_ATTRIBUTES.len());
    assert_eq!(declared["edge"].len(), EDGE_ATTRIBUTES.len());
    let values = |n: roxmltree::Node, class: &str| -> BTreeMap<String, String> {
        children(n, "attvalues")
            .flat_map(|a| children(a, "attvalue"))
            .map(|v| {
                let key = v.attribute("for").unwrap();
                assert!(declared[class].contains(key), "{key} undeclared");
                (key.to_string(), v.attribute("value").unwrap().to_string())
            })
            .collect()
    };
    let nodes: Vec<_> = children(graph, "nodes").flat_map(|n| children(n, "node")).collect();
    assert_eq!(nodes.len(), doc.partners.len());
    for ((n, p), m) in nodes.iter().zip(&doc.partners).zip(&report.partners) {
        assert_eq!(n.attribute("id"), Some(p.id.as_str()));
        assert_eq!(n.attribute("label"), Some(xml_text(p.name.as_str()).as_str()));
        let v = values(*n, "node");
        assert_eq!(v["sector_group"], p.sector.group().as_str());
        assert_eq!(v.get("pagerank").map(|x| x.parse::<f64>().unwrap()), m.pagerank);
    }
    let edges: Vec<_> = children(graph, "edges").flat_map(|n| children(n, "edge")).collect();
    assert_eq!(edges.len(), doc.ties.len());
    for (e, t) in edges.iter().zip(&doc.ties) {
        assert_eq!(e.attribute("source"), Some(t.from.as_str()));
        assert_eq!(e.attribute("target"), Some(t.to.as_str()));
        let v = values(*e, "edge");
        assert_eq!(v["level"], t.level.as_str());
        let kinds: Vec<&str> = t.kinds.iter().map(|k| k.as_str()).collect();
        assert_eq!(v.get("kinds").map(String::as_str).unwrap_or(""), kinds.join(";"));
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    Punct(char),
    Arrow,
}

/// A DOT tokenizer for what convener writes: words, double-quoted strings (`\"` is the
/// only escape the DOT lexer knows; `\\` and `\n` stay for the label reader), `->` and
/// punctuation. Panics on anything else.
fn tokens(dot: &str) -> Vec<Token> {
    let mut out = vec![];
    let mut chars = dot.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '"' => {
                let mut s = String::new();
                loop {
                    match chars.next().expect("a closed string") {
                        '"' => break,
                        '\\' => {
                            let next = chars.next().expect("an escaped character");
                            assert_ne!(next, '\n', "a line continuation");
                            if next != '"' {
                                s.push('\\');
                            }
                            s.push(next);
                        }
                        '\n' | '\r' => panic!("a raw line break in a string"),
                        c => s.push(c),
                    }
                }
                out.push(Token::Quoted(s));
            }
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                out.push(Token::Arrow);
            }
            '{' | '}' | '[' | ']' | '=' | ',' | ';' => out.push(Token::Punct(c)),
            c if c.is_ascii_alphabetic() => {
                let mut w = c.to_string();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_alphanumeric() || **d == '_') {
                    w.push(d);
                    chars.next();
                }
                out.push(Token::Word(w));
            }
            c => panic!("unexpected {c:?} outside a string"),
        }
    }
    out
}

/// Graphviz's reading of a label (escString): `\\` is `\`, `\n` a line break, `&amp;`
/// an ampersand.
fn label_text(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => panic!("a lone backslash"),
            },
            c => out.push(c),
        }
    }
    out.replace("&amp;", "&")
}

/// A statement: its ids (one for a node, two for an edge) and attributes.
type Statement = (Vec<String>, Vec<(String, String)>);

fn check_dot(doc: &Initiative, text: &str) {
    let t = tokens(text);
    assert_eq!(t[0], Token::Word("digraph".into()));
    assert_eq!(t[2], Token::Punct('{'));
    assert_eq!(t.last(), Some(&Token::Punct('}')));
    let mut statements: Vec<Statement> = vec![];
    let mut i = 3;
    while i < t.len() - 1 {
        let mut ids = vec![];
        loop {
            match &t[i] {
                Token::Quoted(s) | Token::Word(s) => ids.push(s.clone()),
                other => panic!("a statement starts with {other:?}"),
            }
            i += 1;
            if t[i] == Token::Arrow {
                i += 1;
            } else {
                break;
            }
        }
        assert_eq!(t[i], Token::Punct('['));
        i += 1;
        let mut attrs = vec![];
        while t[i] != Token::Punct(']') {
            let (Token::Word(k), Token::Punct('='), Token::Quoted(v)) = (&t[i], &t[i + 1], &t[i + 2]) else {
                panic!("attribute at token {i}: {:?}", &t[i..i + 3]);
            };
            attrs.push((k.clone(), v.clone()));
            i += 3;
            if t[i] == Token::Punct(',') {
                i += 1;
            }
        }
        assert_eq!(t[i + 1], Token::Punct(';'));
        i += 2;
        statements.push((ids, attrs));
    }
    let keywords = ["graph", "node"];
    let nodes: Vec<_> =
        statements.iter().filter(|(ids, _)| ids.len() == 1 && !keywords.contains(&ids[0].as_str())).collect();
    let edges: Vec<_> = statements.iter().filter(|(ids, _)| ids.len() == 2).collect();
    assert_eq!(nodes.len(), doc.partners.len());
    assert_eq!(edges.len(), doc.ties.len());
    assert_eq!(statements.len(), 2 + nodes.len() + edges.len());
    for ((ids, attrs), p) in nodes.iter().zip(&doc.partners) {
        assert_eq!(ids[0], p.id.as_str());
        assert_eq!(attrs[0].0, "label");
        assert_eq!(label_text(&attrs[0].1), xml_text(p.name.as_str()).replace("\r\n", "\n").replace('\r', "\n"));
    }
    for ((ids, attrs), t) in edges.iter().zip(&doc.ties) {
        assert_eq!(ids, &[t.from.as_str(), t.to.as_str()]);
        assert!(attrs.contains(&("level".into(), t.level.as_str().into())));
    }
}

fn check_kumu(doc: &Initiative, text: &str) {
    let json: Value = serde_json::from_str(text).unwrap();
    let top: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(top, ["elements", "connections"]);
    let elements = json["elements"].as_array().unwrap();
    assert_eq!(elements.len(), doc.partners.len());
    let mut labels = BTreeSet::new();
    let names = name_of(doc);
    let mut label_of = BTreeMap::new();
    for (e, p) in elements.iter().zip(&doc.partners) {
        let label = e["label"].as_str().unwrap();
        assert!(labels.insert(label), "label {label:?} twice");
        assert!(label == p.name.as_str() || label == format!("{} ({})", p.name, p.id));
        assert_eq!(e["type"], p.sector.as_str());
        assert!(e["description"].is_string());
        let tags: Vec<&str> = p.tags.iter().map(|t| t.as_str()).collect();
        assert_eq!(e["tags"], serde_json::json!(tags));
        assert_eq!(e["partner"], p.id.as_str());
        assert_eq!(e["name"], names[p.id.as_str()]);
        label_of.insert(p.id.as_str(), label);
    }
    let connections = json["connections"].as_array().unwrap();
    assert_eq!(connections.len(), doc.ties.len());
    for (c, t) in connections.iter().zip(&doc.ties) {
        assert_eq!(c["from"], label_of[t.from.as_str()]);
        assert_eq!(c["to"], label_of[t.to.as_str()]);
        assert_eq!(c["direction"], "directed");
        assert_eq!(c["type"], t.level.as_str());
        assert_eq!(c["level_rank"], t.level.rank());
        assert_eq!(c["depends"], t.is_dependency());
    }
}

#[test]
fn every_export_reads_back() {
    for (name, doc) in documents() {
        let report = convener::network::analyze(&doc, &Options::default());
        for format in GraphFormat::ALL {
            let text = export(&doc, &report, *format);
            assert_eq!(text, export(&doc, &report, *format), "{name} {format}");
            assert!(text.ends_with('\n'));
            match format {
                GraphFormat::Graphml => check_graphml(&doc, &report, &text),
                GraphFormat::Gexf => check_gexf(&doc, &report, &text),
                GraphFormat::Dot => check_dot(&doc, &text),
                GraphFormat::Kumu => check_kumu(&doc, &text),
            }
        }
    }
}

#[test]
fn export_keeps_hostile_names_inside_their_strings() {
    let doc = hostile();
    let report = convener::network::analyze(&doc, &Options::default());
    let dot = export(&doc, &report, GraphFormat::Dot);
    assert!(dot.contains(r#""s" [label="<script>alert(1)</script>""#));
    let graphml = export(&doc, &report, GraphFormat::Graphml);
    assert!(!graphml.contains("<script>") && !graphml.contains("<!--"));
    let kumu: Value = serde_json::from_str(&export(&doc, &report, GraphFormat::Kumu)).unwrap();
    let labels: Vec<&str> = kumu["elements"].as_array().unwrap().iter().map(|e| e["label"].as_str().unwrap()).collect();
    assert_eq!(&labels[3..6], ["Same (x:1)", "Same (x.2)", "Same (x:1) (y)"]);
    for format in GraphFormat::ALL {
        let text = export(&doc, &report, *format);
        let outside = match format {
            GraphFormat::Kumu => 0,
            GraphFormat::Dot => 0,
            _ => 1, // the XML namespace name
        };
        assert_eq!(text.matches("http").count(), outside, "{format}");
    }
}

#[test]
fn export_of_an_empty_network() {
    let doc =
        Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "e", "name": "E"}, "partners": []}"#)
            .unwrap();
    let report = convener::network::analyze(&doc, &Options::default());
    check_graphml(&doc, &report, &export(&doc, &report, GraphFormat::Graphml));
    check_gexf(&doc, &report, &export(&doc, &report, GraphFormat::Gexf));
    check_dot(&doc, &export(&doc, &report, GraphFormat::Dot));
    check_kumu(&doc, &export(&doc, &report, GraphFormat::Kumu));
}

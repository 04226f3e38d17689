//! Kumu's JSON import, which Kumu calls a **blueprint**: an object with an `elements`
//! array and a `connections` array, imported by dropping the file on a Kumu map.
//!
//! The shape follows Kumu's documentation, "JSON / Blueprints"
//! (<https://docs.kumu.io/guides/import/blueprints>): an element has a `label` and may have
//! `type`, `description`, `tags` (an array of strings) and any custom keys, which become
//! fields; a connection has `from` and `to`, which name elements by their label, and may
//! have `type`, `direction` (`undirected`, `directed` or `mutual`) and custom keys.
//!
//! Here an element is a partner: `label` = its name (unique: when partners share a name,
//! each of them is labelled `Name (id)`, and so is any partner whose own name equals such
//! a label), `type` = its sector, `description` = a line naming its id, sector and sector
//! group, `tags` = its tags, then the custom field `partner` (its id) and the
//! [`NODE_ATTRIBUTES`] present (except `tags`, which is the array above). A connection is
//! a reported tie: `from` and `to` as labels, `type` = its level, `direction` =
//! `directed`, `tags` = its kinds, then the [`EDGE_ATTRIBUTES`] present. Numbers and
//! booleans are JSON numbers and booleans; strings are escaped by serde_json. The
//! blueprint is pretty-printed with two-space indents and ends with a line feed.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edges, nodes};
use crate::model::Initiative;
use crate::network::NetworkReport;

/// A partner's label when its name alone is not unique: `Name (id)`.
fn long_label(doc: &Initiative, i: usize) -> String {
    let p = &doc.partners[i];
    format!("{} ({})", p.name, p.id)
}

/// Unique element labels, one per partner in document order: the partner's name, or
/// `Name (id)` when another partner has the same name, or when the name equals a label of
/// that form. Ids are unique and hold no parenthesis, so labels of that form are unique.
///
/// # Complexity
/// O(n log n).
fn labels(doc: &Initiative) -> Vec<String> {
    let n = doc.partners.len();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &doc.partners {
        *count.entry(p.name.as_str()).or_default() += 1;
    }
    let unique: BTreeMap<&str, usize> = doc
        .partners
        .iter()
        .enumerate()
        .filter(|(_, p)| count[p.name.as_str()] == 1)
        .map(|(i, p)| (p.name.as_str(), i))
        .collect();
    let mut long = vec![false; n];
    let mut queue: Vec<usize> = (0..n).filter(|&i| count[doc.partners[i].name.as_str()] > 1).collect();
    while let Some(i) = queue.pop() {
        if std::mem::replace(&mut long[i], true) {
            continue;
        }
        if let Some(&j) = unique.get(long_label(doc, i).as_str()) {
            queue.push(j);
        }
    }
    (0..n).map(|i| if long[i] { long_label(doc, i) } else { doc.partners[i].name.to_string() }).collect()
}

/// The partner graph of `doc` as a Kumu blueprint, with the measures of `report`.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// // a ──▶ b, two partners called "Hub"
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "Hub", "sector": "health"}, {"id": "b", "name": "Hub"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let report = convener::network::analyze(&doc, &Options::default());
/// let text = convener::render::graph::kumu::write(&doc, &report);
/// let json: serde_json::Value = serde_json::from_str(&text).unwrap();
/// assert_eq!(json["elements"][0]["label"], "Hub (a)");
/// assert_eq!(json["elements"][0]["type"], "health");
/// assert_eq!(json["connections"][0]["from"], "Hub (a)");
/// assert_eq!(json["connections"][0]["to"], "Hub (b)");
/// assert_eq!(json["connections"][0]["direction"], "directed");
/// assert_eq!(json["connections"][0]["level_rank"], 5);
/// ```
pub fn write(doc: &Initiative, report: &NetworkReport) -> String {
    let labels = labels(doc);
    let index: BTreeMap<&str, usize> = doc.partners.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let label_of = |id: &str| index.get(id).map_or_else(|| id.to_string(), |&i| labels[i].clone());
    let elements: Vec<Value> = nodes(doc, report)
        .iter()
        .zip(&labels)
        .map(|(n, label)| {
            let p = n.partner;
            let mut o = Map::new();
            o.insert("label".into(), label.as_str().into());
            o.insert("type".into(), p.sector.as_str().into());
            o.insert(
                "description".into(),
                format!("{} ({}): {} sector, {} group", p.name, p.id, p.sector.as_str(), p.sector.group().as_str())
                    .into(),
            );
            let tags: Vec<Value> = p.tags.iter().map(|t| t.as_str().into()).collect();
            o.insert("tags".into(), tags.into());
            o.insert("partner".into(), p.id.as_str().into());
            for (a, v) in n.present().filter(|(a, _)| a.name != "tags") {
                o.insert(a.name.into(), v.json());
            }
            Value::Object(o)
        })
        .collect();
    let connections: Vec<Value> = edges(doc, report)
        .iter()
        .map(|e| {
            let mut o = Map::new();
            o.insert("from".into(), label_of(e.from).into());
            o.insert("to".into(), label_of(e.to).into());
            o.insert("type".into(), e.tie.level.as_str().into());
            o.insert("direction".into(), "directed".into());
            let kinds: Vec<Value> = e.tie.kinds.iter().map(|k| k.as_str().into()).collect();
            o.insert("tags".into(), kinds.into());
            for (a, v) in e.present() {
                o.insert(a.name.into(), v.json());
            }
            Value::Object(o)
        })
        .collect();
    debug_assert!(NODE_ATTRIBUTES.iter().all(|a| a.name != "label"));
    debug_assert!(EDGE_ATTRIBUTES.iter().all(|a| a.name != "from"));
    let mut top = Map::new();
    top.insert("elements".into(), elements.into());
    top.insert("connections".into(), connections.into());
    let mut text = serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty, hostile};
    use super::*;
    use crate::model::{Id, InitiativeInfo, Partner, Text};

    fn named(names: &[(&str, &str)]) -> Initiative {
        Initiative::new(
            InitiativeInfo::new(Id::new("x").unwrap(), Text::new("X").unwrap()),
            names.iter().map(|(id, name)| Partner::new(Id::new(*id).unwrap(), Text::new(*name).unwrap())).collect(),
        )
    }

    #[test]
    fn labels_are_unique() {
        let doc = named(&[("a", "Hub"), ("b", "Hub"), ("c", "Hub (a)"), ("d", "Hub (a) (c)"), ("e", "School")]);
        assert_eq!(labels(&doc), ["Hub (a)", "Hub (b)", "Hub (a) (c)", "Hub (a) (c) (d)", "School"]);
        let doc = named(&[("a", "A (b)"), ("b", "A"), ("c", "A")]);
        assert_eq!(labels(&doc), ["A (b) (a)", "A (b)", "A (c)"]);
    }

    #[test]
    fn hostile_names_are_json_strings() {
        let (doc, report) = hostile();
        let text = write(&doc, &report);
        let json: Value = serde_json::from_str(&text).unwrap();
        let top: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(top, ["elements", "connections"]);
        let elements = json["elements"].as_array().unwrap();
        assert_eq!(elements.len(), 5);
        assert_eq!(elements[0]["label"], "<script>alert(1)</script>");
        assert_eq!(elements[1]["label"], "\"];\n}");
        assert_eq!(elements[2]["name"], "bell\u{7}, nul\u{0}, del\u{7f}, \u{FFFF} end\\");
        assert_eq!(elements[3]["label"], "Same (d1)");
        assert_eq!(elements[4]["label"], "Same (d2)");
        assert!(text.contains("\\u0000") && text.contains("\\\"];\\n}"));
        let connections = json["connections"].as_array().unwrap();
        assert_eq!(connections.len(), 3);
        assert_eq!(connections[0]["from"], "<script>alert(1)</script>");
        assert_eq!(connections[0]["connected"], false);
        assert_eq!(connections[0]["tags"], serde_json::json!(["dependency"]));
        assert_eq!(connections[2]["to"], "Same (d2)");
        assert!(!text.contains("http"));
    }

    #[test]
    fn measures_are_numbers() {
        let (doc, report) = hostile();
        let json: Value = serde_json::from_str(&write(&doc, &report)).unwrap();
        let q = &json["elements"][1];
        assert_eq!(q["degree"], 1);
        assert_eq!(q["betweenness"], report.partners[1].betweenness.unwrap());
        assert_eq!(q["responded"], true);
        assert!(q.get("lived_experience").is_none());
    }

    #[test]
    fn empty_network() {
        let (doc, report) = empty();
        assert_eq!(write(&doc, &report), "{\n  \"elements\": [],\n  \"connections\": []\n}\n");
    }

    #[test]
    fn deterministic() {
        let (doc, report) = hostile();
        assert_eq!(write(&doc, &report), write(&doc, &report));
    }
}

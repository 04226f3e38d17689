//! Every output keeps hostile user text inert: HTML, SVG, Markdown, GraphML, GEXF, DOT,
//! Kumu and the CSV outputs of a document whose names, statements and notes are markup,
//! quotes, `]]>`, `-->`, line breaks, backslashes, bidi controls and spreadsheet formulas.
//! XML re-parses and gives the text back; HTML and Markdown hold it only escaped; CSV cells
//! carry the formula guard, which the CSV folder reader undoes; nothing fetches a remote
//! resource.

use convener::model::Options;
use convener::render::graph::GraphFormat;
use convener::{Initiative, Report};
use serde_json::json;

/// Hostile texts (no URLs: the network scan below must find none that came from them).
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"double\" 'single' `back`",
    "]]> --> <!-- <![CDATA[ x",
    "line\nbreak\r\ncrlf",
    "back\\slash \\\" \\n \\N",
    "\u{202e}evil\u{202c} \u{2066}isolate\u{2069}",
    "=HYPERLINK(\"x\",\"y\")",
    "+1+2",
    "-3",
    "@SUM(A1)",
    "\tleading tab",
    "\rleading cr",
    "| pipe | *star* _under_ [link](x) # h",
    "&amp; &lt; &#39;",
];

fn hostile_doc() -> Initiative {
    let partners: Vec<_> =
        HOSTILE.iter().enumerate().map(|(i, name)| json!({"id": format!("p{i}"), "name": name})).collect();
    let ties: Vec<_> = (1..HOSTILE.len())
        .map(|i| json!({"from": format!("p{}", i - 1), "to": format!("p{i}"), "level": "collaborate"}))
        .collect();
    let doc = json!({
        "format": "convener/1",
        "initiative": {"id": "hostile", "name": HOSTILE.join(" / ")},
        "agenda": {"vision": HOSTILE[0], "problem": HOSTILE[3], "endorsed_by": ["p0", "p1"]},
        "partners": partners,
        "ties": ties,
        "goals": [{"id": "g", "statement": HOSTILE[1]}],
        "outcomes": [{"id": "o", "statement": HOSTILE[4], "level": "short", "contributes_to": ["g"],
                      "assumptions": [HOSTILE[5], HOSTILE[7]]}],
        "activities": [{"id": "a", "name": HOSTILE[6], "lead": "p0", "partners": ["p1"], "outcomes": ["o"]}],
        "indicators": [{"id": "i", "name": HOSTILE[13], "unit": HOSTILE[2], "polarity": "lower_is_better",
                        "frequency": "quarterly", "aggregation": "sum", "kind": "how_much",
                        "measures": ["o"], "reporters": ["p0"]}],
        "measurements": [
            {"indicator": "i", "partner": "p0", "period": "2025-Q1", "value": 3, "note": HOSTILE[10]},
            {"indicator": "i", "partner": "p0", "period": "2025-Q2", "value": 2, "note": HOSTILE[8]}
        ],
        "channels": [{"id": "c", "name": HOSTILE[11], "kind": "meeting", "frequency": "monthly", "members": ["p0", "p1"]}]
    });
    convener::load::initiative_from_json(&doc.to_string(), &Default::default()).expect("the hostile document is valid")
}

fn outputs() -> (Initiative, Report, Vec<(&'static str, String)>) {
    let doc = hostile_doc();
    let options = Options::default();
    let report = doc.analyze(&options);
    let network = convener::network::analyze(&doc, &options);
    let measures = convener::measure::analyze(&doc, &options);
    let mut out = vec![
        ("html", convener::render::html::render(&doc, &report)),
        ("markdown", convener::render::markdown::render(&doc, &report)),
        ("json", report.to_json()),
        ("graphml", convener::render::graph::export(&doc, &network, GraphFormat::Graphml)),
        ("gexf", convener::render::graph::export(&doc, &network, GraphFormat::Gexf)),
        ("dot", convener::render::graph::export(&doc, &network, GraphFormat::Dot)),
        ("kumu", convener::render::graph::export(&doc, &network, GraphFormat::Kumu)),
        ("network.csv", convener::render::csv::network(&network)),
        ("indicators.csv", convener::render::csv::indicators(&measures)),
    ];
    if let Some(svg) = convener::render::svg::network(&doc, &network) {
        out.push(("network.svg", svg));
    }
    for (name, text) in convener::formats::csv::write(&doc) {
        out.push((name, text));
    }
    (doc, report, out)
}

#[test]
fn html_and_markdown_hold_hostile_text_only_escaped() {
    let (_, _, out) = outputs();
    let html = &out.iter().find(|(n, _)| *n == "html").expect("html").1;
    let markdown = &out.iter().find(|(n, _)| *n == "markdown").expect("markdown").1;
    for text in [html, markdown] {
        for raw in ["<script", "<img", "<![CDATA[", "<!-- <!"] {
            assert!(!text.contains(raw), "{raw} is in the output unescaped");
        }
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the partner's name is in the page, escaped");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("\"double\""), "quotes are entities in HTML");
    assert!(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!markdown.contains("[link](x)"), "Markdown link syntax is escaped");
    // A line break in a name never breaks a table row.
    for line in markdown.lines().filter(|l| l.starts_with('|')) {
        assert!(line.trim_end().ends_with('|'), "a table row is cut: {line}");
    }
}

#[test]
fn svg_graphml_and_gexf_re_parse_and_give_the_names_back() {
    let (doc, _, out) = outputs();
    let html = &out.iter().find(|(n, _)| *n == "html").expect("html").1;
    // Every SVG drawing of the page, and the network drawing alone, is well-formed XML.
    let mut svgs: Vec<&str> = html.match_indices("<svg").map(|(i, _)| &html[i..]).collect();
    for s in &mut svgs {
        *s = &s[..s.find("</svg>").expect("a closed svg") + 6];
    }
    assert!(!svgs.is_empty(), "the page draws the network");
    let standalone = out.iter().find(|(n, _)| *n == "network.svg").map(|(_, t)| t.as_str());
    for svg in svgs.iter().copied().chain(standalone) {
        let x = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("an SVG does not parse: {e}\n{svg:.300}"));
        assert!(x.descendants().all(|n| n.tag_name().name() != "script"));
        for n in x.descendants() {
            for a in n.attributes() {
                assert!(!a.name().eq_ignore_ascii_case("href") || a.value().starts_with('#'), "external {a:?}");
                assert!(!a.name().starts_with("on"), "an event handler attribute: {a:?}");
            }
        }
    }
    for format in ["graphml", "gexf"] {
        let text = &out.iter().find(|(n, _)| *n == format).expect("an export").1;
        let x = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{format} does not parse: {e}"));
        let values: Vec<&str> =
            x.descendants().flat_map(|n| n.attributes().map(|a| a.value()).chain(n.text())).collect();
        for p in &doc.partners {
            assert!(values.contains(&p.name.as_str()), "{format}: the name {:?} is not given back", p.name);
        }
        assert!(!text.contains("<script"), "{format}");
    }
    // DOT: every name is inside a quoted string, its quotes and backslashes escaped.
    let dot = &out.iter().find(|(n, _)| *n == "dot").expect("dot").1;
    assert!(!dot.contains("\"double\""));
    assert!(!dot.contains("\nbreak"), "a line break in a name is escaped in DOT");
}

/// A spreadsheet may run a cell starting with one of these as a formula.
fn formula_start(cell: &str) -> bool {
    cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && cell.parse::<f64>().is_err())
}

#[test]
fn csv_outputs_guard_formula_cells_and_the_folder_round_trip_loses_nothing() {
    let (doc, _, out) = outputs();
    let mut guarded = 0;
    for (name, text) in out.iter().filter(|(n, _)| n.ends_with(".csv")) {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
            for cell in &record {
                assert!(!formula_start(cell), "{name}: the cell {cell:?} may run as a formula");
                guarded += usize::from(cell.starts_with('\'') && cell.len() > 1 && formula_start(&cell[1..]));
            }
        }
    }
    // Every formula-like name, in the partners file and the network table at least.
    assert!(guarded >= 12, "only {guarded} guarded cells");
    let files = convener::formats::csv::write(&doc).into_iter().map(|(n, t)| (n.to_string(), t.into_bytes())).collect();
    let back = convener::formats::csv::read(&files, &Default::default()).expect("the CSV folder reads back");
    assert_eq!(back.to_json(), doc.to_json(), "the CSV folder round trip lost something");
}

#[test]
fn no_output_can_fetch_a_remote_resource() {
    let (_, _, out) = outputs();
    // The XML namespaces are names, never fetched.
    let namespaces = ["http://www.w3.org/2000/svg", "http://graphml.graphdrawing.org/xmlns", "http://gexf.net/1.3"];
    for (name, text) in &out {
        let mut rest = text.clone();
        for ns in namespaces {
            rest = rest.replace(ns, "");
        }
        let lower = rest.to_ascii_lowercase();
        let fetching =
            ["http://", "https://", "src=\"", "src='", "url(", "@import", "<link", "<iframe", "<object", "<embed"];
        for bad in fetching {
            assert!(!lower.contains(bad), "{name} holds {bad}");
        }
    }
}

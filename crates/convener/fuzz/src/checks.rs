//! What each fuzz target checks (no input may panic, hang or lose data: docs/guarantees.md), shared by the fuzz targets
//! and the corpus replay test `crates/convener/tests/fuzz_corpus.rs`; a failed property panics.
//!
//! Inputs are raw bytes. `csv_folder` splits its input at each NUL byte into files: the first byte of a piece
//! picks the file name ([`csv_name`]), the rest is the file's content.

use std::collections::BTreeMap;

use convener::formats::csv::FILES;
use convener::model::{Date, Frequency, Limits, Period};
use convener::render::graph::{GraphFormat, export};
use convener::{Error, Initiative, Options};

/// The fuzz targets, as named under `fuzz/seeds/` and `fuzz/regressions/`.
pub const TARGETS: &[&str] = &["json_load", "csv_folder", "edge_list", "period", "analyze", "exports"];

/// The largest input the `analyze` and `exports` targets analyse (64 KiB), so each run stays fast; larger
/// inputs are skipped.
pub const MAX_ANALYZED_BYTES: usize = 64 * 1024;

/// File names a `csv_folder` input can pick besides the folder's own files: one ignored, one a typo.
const OTHER_CSV_NAMES: &[&str] = &["notes.txt", "partner.csv"];

/// Runs the checks of `target` on `data`; `false` when there is no such target.
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "json_load" => json_load(data),
        "csv_folder" => csv_folder(data),
        "edge_list" => edge_list(data),
        "period" => period(data),
        "analyze" => analyze(data),
        "exports" => {
            exports(data);
        }
        _ => return false,
    }
    true
}

/// Small limits, to reach every limit check with small inputs.
fn tight_limits() -> Limits {
    Limits { max_document_bytes: 4096, max_depth: 6, max_string_chars: 40, max_items: 12, max_issues: 3 }
}

/// An error carries its issues, each with a code and a sentence, within the issue limit.
fn check_error(err: &Error, limits: &Limits) {
    let issues = err.issues();
    assert!(!issues.is_empty(), "an error without issues: {err:?}");
    for issue in issues {
        assert!(!issue.code.is_empty(), "an issue without a code: {issue:?}");
        assert!(!issue.message.trim().is_empty(), "an issue without a message: {issue:?}");
    }
    assert!(issues.len() as u64 <= u64::from(limits.max_issues).max(1), "more issues than the limit: {err:?}");
    if err.more() > 0 {
        assert_eq!(issues.len() as u64, u64::from(limits.max_issues), "issues left out below the limit: {err:?}");
    }
    assert!(!err.to_string().is_empty());
    serde_json::from_str::<serde_json::Value>(&err.to_json()).expect("the error's JSON parses");
}

/// A loaded document is valid and its JSON text loads back to the same model and the same bytes.
fn check_document(doc: &Initiative) {
    if let Err(e) = doc.validate() {
        panic!("a loaded document does not validate: {e}");
    }
    let text = doc.to_json();
    let back = match Initiative::from_json(&text) {
        Ok(back) => back,
        Err(e) => panic!("the document's JSON does not load back: {e}\n{text}"),
    };
    assert_eq!(&back, doc, "the JSON round trip changed the document:\n{text}");
    assert_eq!(back.to_json(), text, "writing the document again gave other bytes");
}

/// Loads with the default limits and with tight ones: an error is well formed, a document round-trips, and
/// a document within the tight limits is also one within the default limits, the same.
fn check_load(load: impl Fn(&Limits) -> Result<Initiative, Error>) -> Option<Initiative> {
    let limits = Limits::default();
    let loaded = load(&limits);
    match &loaded {
        Ok(doc) => check_document(doc),
        Err(e) => check_error(e, &limits),
    }
    let tight = tight_limits();
    match load(&tight) {
        Ok(small) => assert_eq!(loaded.as_ref().ok(), Some(&small), "loading within tight limits differs"),
        Err(e) => check_error(&e, &tight),
    }
    loaded.ok()
}

/// `json_load`: bytes as a JSON document.
pub fn json_load(data: &[u8]) {
    check_load(|limits| convener::load::initiative_from_slice(data, limits));
}

/// The file name a `csv_folder` piece starting with `pick` stands for.
pub fn csv_name(pick: u8) -> &'static str {
    let i = usize::from(pick) % (FILES.len() + OTHER_CSV_NAMES.len());
    FILES.get(i).copied().unwrap_or_else(|| OTHER_CSV_NAMES[i - FILES.len()])
}

/// Splits a `csv_folder` input into files (a later piece with the same name replaces an earlier one).
pub fn csv_files(data: &[u8]) -> BTreeMap<String, Vec<u8>> {
    data.split(|b| *b == 0)
        .filter_map(|piece| piece.split_first())
        .map(|(pick, content)| (csv_name(*pick).to_string(), content.to_vec()))
        .collect()
}

fn written_csv(doc: &Initiative) -> BTreeMap<String, Vec<u8>> {
    convener::formats::csv::write(doc).into_iter().map(|(name, text)| (name.to_string(), text.into_bytes())).collect()
}

/// `csv_folder`: bytes as the files of a CSV folder, read as the CLI and the bindings read a folder. A document
/// read also survives writing as CSV and reading again.
pub fn csv_folder(data: &[u8]) {
    let files = csv_files(data);
    let Some(doc) = check_load(|limits| convener::formats::csv::read(&files, limits)) else {
        return;
    };
    let written = written_csv(&doc);
    let back = match convener::formats::csv::read(&written, &Limits::default()) {
        Ok(back) => back,
        Err(e) => panic!("the written CSV folder does not read back: {e}\n{written:?}"),
    };
    assert_eq!(back, doc, "the CSV round trip changed the document");
    assert_eq!(written_csv(&back), written, "writing the CSV folder again gave other bytes");
}

/// `edge_list`: bytes as an edge list (UTF-8 text, as the CLI requires before reading).
pub fn edge_list(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(doc) = check_load(|limits| convener::formats::edgelist::read(text, "edges.csv", limits)) else {
        return;
    };
    let lines = text.lines().count();
    assert!(doc.ties.len() <= lines, "more ties than lines");
    assert!(doc.partners.len() <= 2 * doc.ties.len(), "a partner on no tie");
}

/// `period`: bytes as a period and as a date. What parses is written back to the same value, and the
/// calendar arithmetic stays within its kind.
pub fn period(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match text.parse::<Period>() {
        Ok(p) => {
            let shown = p.to_string();
            assert_eq!(shown.parse::<Period>().ok(), Some(p), "'{shown}' does not read back");
            assert!(p.first_day() <= p.last_day());
            assert_eq!(Period::containing(p.first_day(), p.frequency()), Some(p));
            assert_eq!(Period::containing(p.last_day(), p.frequency()), Some(p));
            assert_eq!(p.cmp_date(&p.last_day()), std::cmp::Ordering::Equal);
            for step in [1i64, -1, 5, -13, i64::MAX, i64::MIN] {
                if let Some(q) = p.offset(step) {
                    assert_eq!(q.frequency(), p.frequency());
                    assert_eq!(Period::steps_between(&p, &q), Some(step));
                    assert_eq!(q.to_string().parse::<Period>().ok(), Some(q));
                }
            }
            assert!(p.next() >= p && p.prev() <= p);
        }
        Err(e) => assert!(e.code == "period.invalid" && !e.message.is_empty(), "{e:?}"),
    }
    match text.parse::<Date>() {
        Ok(d) => {
            let shown = d.to_string();
            assert_eq!(shown.parse::<Date>().ok(), Some(d), "'{shown}' does not read back");
            for frequency in Frequency::ALL {
                if let Some(p) = Period::containing(d, *frequency) {
                    assert!(p.first_day() <= d && d <= p.last_day(), "{d} is not in {p}");
                }
            }
        }
        Err(e) => assert!(e.code == "date.invalid" && !e.message.is_empty(), "{e:?}"),
    }
}

/// A document of at most [`MAX_ANALYZED_BYTES`] that loads: JSON when the input starts with `{`, else an edge
/// list (which loads far more often, so many more networks get analysed).
fn small_document(data: &[u8]) -> Option<Initiative> {
    if data.len() > MAX_ANALYZED_BYTES {
        return None;
    }
    if data.trim_ascii_start().starts_with(b"{") {
        convener::load::initiative_from_slice(data, &Limits::default()).ok()
    } else {
        convener::formats::edgelist::read(std::str::from_utf8(data).ok()?, "edges.csv", &Limits::default()).ok()
    }
}

/// `analyze`: a document that loads (JSON or an edge list) is analysed with the default options; the report is JSON, the same
/// bytes each time, and renders as Markdown and HTML.
pub fn analyze(data: &[u8]) {
    let Some(doc) = small_document(data) else {
        return;
    };
    let report = convener::analyze(&doc, &Options::default());
    let json = report.to_json();
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the report is not JSON: {e}\n{json}");
    }
    assert_eq!(report.to_json(), json, "writing the report twice gave other bytes");
    assert_eq!(convener::analyze(&doc, &Options::default()).to_json(), json, "analysing twice gave other bytes");
    assert!(!convener::render::markdown::render(&doc, &report).is_empty());
    assert!(!convener::render::html::render(&doc, &report).is_empty());
}

fn xml_children<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &'a str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.descendants().filter(|n| n.tag_name().name() == name).collect()
}

/// `exports`: a document that loads (JSON or an edge list) is written in every graph format. GraphML and GEXF are XML and Kumu is
/// JSON, each with one node per partner and one edge per tie. Returns the DOT text, for Graphviz to check.
pub fn exports(data: &[u8]) -> Option<String> {
    let doc = small_document(data)?;
    let report = convener::network::analyze(&doc, &Options::default());
    let mut dot = None;
    for format in GraphFormat::ALL {
        let text = export(&doc, &report, *format);
        assert!(text.ends_with('\n'), "{format} does not end with a line feed");
        assert_eq!(export(&doc, &report, *format), text, "{format} differs between two writes");
        let (nodes, edges) = match format {
            GraphFormat::Graphml | GraphFormat::Gexf => {
                let xml = match roxmltree::Document::parse(&text) {
                    Ok(xml) => xml,
                    Err(e) => panic!("{format} is not XML: {e}\n{text}"),
                };
                let root = xml.root_element();
                (xml_children(root, "node").len(), xml_children(root, "edge").len())
            }
            GraphFormat::Kumu => {
                let value: serde_json::Value = match serde_json::from_str(&text) {
                    Ok(value) => value,
                    Err(e) => panic!("Kumu is not JSON: {e}\n{text}"),
                };
                let count = |key: &str| value[key].as_array().map_or(usize::MAX, Vec::len);
                (count("elements"), count("connections"))
            }
            GraphFormat::Dot => {
                assert!(text.starts_with("digraph"), "DOT does not start with digraph");
                dot = Some(text);
                continue;
            }
        };
        assert_eq!(nodes, doc.partners.len(), "{format}: not one node per partner");
        assert_eq!(edges, doc.ties.len(), "{format}: not one edge per tie");
    }
    dot
}

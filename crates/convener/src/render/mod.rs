//! Every text and file convener writes, from one entry: [`render`] takes a
//! [`RenderRequest`] (the document, the options, the [`Output`] by its stable name, and the
//! output's parameters) and gives the bytes, or the named files of a CSV folder. The CLI,
//! the WebAssembly package, the C ABI and Python all call it, so every layer can produce
//! every output and none chooses formats by itself.
//!
//! The analyses return data; the modules here turn it into text: [`json`] (every JSON
//! output), [`markdown`] and [`html`] (the report for people, with [`svg`] pictures),
//! [`table`] (terminal text), [`csv`] (the CSV tables), [`graph`] (GraphML, GEXF, DOT and
//! Kumu), with one toolkit for escaping per target ([`escape`]) and numbers as text.

pub mod csv;
pub mod escape;
pub mod graph;
pub mod html;
pub mod json;
pub mod markdown;
mod page;
mod request;
mod schemas;
pub mod svg;
pub mod table;
mod words;

pub use request::RenderRequest;
pub use schemas::{SCHEMAS, schema};

use std::fmt;
use std::str::FromStr;

use crate::codes::IssueCode;
use crate::error::Error;
use crate::model::{Initiative, Options, ValueError};
use graph::GraphFormat;

/// Declares [`Output`] with its stable names, file extensions and descriptions, once.
macro_rules! outputs {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $ext:literal, $what:literal; )+) => {
        /// An output convener can write, by its stable name (`report.html`, `network.csv`, …).
        ///
        /// # Example
        /// ```
        /// use convener::render::Output;
        /// let o: Output = "report.html".parse().unwrap();
        /// assert_eq!(o, Output::ReportHtml);
        /// assert_eq!(o.name(), "report.html");
        /// assert_eq!(Output::ReportMarkdown.extension(), "md");
        /// assert!("report.htm".parse::<Output>().unwrap_err().message.contains("report.html"));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Output {
            $( $(#[$doc])* $variant ),+
        }

        impl Output {
            /// Every output, in the order above.
            pub const ALL: &'static [Output] = &[$(Output::$variant),+];

            /// The stable name.
            pub fn name(self) -> &'static str {
                match self { $(Output::$variant => $name),+ }
            }

            /// The file name extension it is usually saved with (empty for a folder).
            pub fn extension(self) -> &'static str {
                match self { $(Output::$variant => $ext),+ }
            }

            /// What it is, in a few words.
            pub fn description(self) -> &'static str {
                match self { $(Output::$variant => $what),+ }
            }
        }
    };
}

outputs! {
    /// The whole report as JSON (`convener-report/1`).
    ReportJson = "report.json", "json", "the whole report as JSON (convener-report/1)";
    /// The report as one self-contained, accessible HTML page.
    ReportHtml = "report.html", "html", "the report as one self-contained HTML page";
    /// The report as Markdown.
    ReportMarkdown = "report.md", "md", "the report as Markdown";
    /// The report in brief for a terminal: the scorecard, the findings that matter most,
    /// where to look next.
    Summary = "summary.txt", "txt", "the report in brief: scorecard, top findings, what to open next";
    /// The network in a few lines and its table of partners, for a terminal.
    NetworkTable = "network.txt", "txt", "the network as text for a terminal";
    /// The per-partner network table as CSV (18 columns).
    NetworkCsv = "network.csv", "csv", "the per-partner network table (18 columns)";
    /// The whole network analysis as JSON.
    NetworkJson = "network.json", "json", "the network analysis as JSON";
    /// The per-partner network rows as JSON.
    NetworkRows = "network-rows.json", "json", "the per-partner network rows as JSON";
    /// Shared measurement as text for a terminal.
    IndicatorsTable = "indicators.txt", "txt", "the indicators as text for a terminal";
    /// The indicators table as CSV (22 columns, a row per series and phase).
    IndicatorsCsv = "indicators.csv", "csv", "the indicators table (22 columns)";
    /// The whole measurement analysis as JSON.
    IndicatorsJson = "indicators.json", "json", "the measurement analysis as JSON";
    /// The indicators table's rows as JSON.
    IndicatorRows = "indicator-rows.json", "json", "the indicators table's rows as JSON";
    /// The plan as text for a terminal.
    PlanTable = "plan.txt", "txt", "the plan as text for a terminal";
    /// The plan analysis as JSON.
    PlanJson = "plan.json", "json", "the plan analysis as JSON";
    /// The partner graph as GraphML (yEd, Cytoscape, networkx, igraph).
    Graphml = "graph.graphml", "graphml", "the partner graph as GraphML";
    /// The partner graph as GEXF (Gephi).
    Gexf = "graph.gexf", "gexf", "the partner graph as GEXF";
    /// The partner graph as Graphviz DOT.
    Dot = "graph.dot", "dot", "the partner graph as Graphviz DOT";
    /// The partner graph as Kumu's JSON blueprint.
    Kumu = "graph.kumu.json", "json", "the partner graph as Kumu's JSON blueprint";
    /// The partnership without some partners, as JSON (`{removed, delta, report}`).
    WhatIfJson = "what-if.json", "json", "the partnership without some partners, as JSON";
    /// The partnership without some partners, as text for a terminal.
    WhatIfTable = "what-if.txt", "txt", "the partnership without some partners, as text";
    /// Where to draw each partner of the network picture, as JSON.
    Drawing = "drawing.json", "json", "where to draw each partner of the network picture";
    /// The document itself as JSON.
    DocumentJson = "document.json", "json", "the document as JSON";
    /// The document as a folder of CSV files.
    CsvFolder = "csv-folder", "", "the document as a folder of CSV files";
}

impl Output {
    /// Whether the output is one file of UTF-8 text (every output but a folder).
    pub fn is_text(self) -> bool {
        self != Output::CsvFolder
    }
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Output {
    type Err = ValueError;

    /// Reads an output's stable name; an unknown name is `value.unknown` with the closest
    /// name suggested.
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Output::ALL.iter().copied().find(|o| o.name() == s).ok_or_else(|| ValueError {
            code: IssueCode::ValueUnknown,
            message: crate::util::suggest::unknown_value_message("output", s, Output::ALL.iter().map(|o| o.name())),
        })
    }
}

/// What [`render`] gives: the bytes of one file, or the named files of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    /// One file's bytes (UTF-8 text for every output but a workbook).
    Bytes(Vec<u8>),
    /// Named files, in the order they are written (a CSV folder).
    Files(Vec<(String, Vec<u8>)>),
}

impl Rendered {
    /// The text of a one-file output; `None` for a folder or bytes that are not UTF-8.
    ///
    /// # Example
    /// ```
    /// use convener::render::Rendered;
    /// assert_eq!(Rendered::Bytes(b"a,b\n".to_vec()).as_text(), Some("a,b\n"));
    /// assert_eq!(Rendered::Files(vec![]).as_text(), None);
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Rendered::Bytes(b) => std::str::from_utf8(b).ok(),
            Rendered::Files(_) => None,
        }
    }

    /// The text of a one-file output, or the files of a folder each as text; bytes that
    /// are not UTF-8 are the error `internal`.
    pub fn into_text(self) -> Result<String, Error> {
        match self {
            Rendered::Bytes(b) => String::from_utf8(b).map_err(|_| Error::Internal("the output is not text".into())),
            Rendered::Files(_) => Err(Error::Internal("the output is a folder of files, not one text".into())),
        }
    }
}

/// Writes one output of a document: the one entry every layer calls.
///
/// # Arguments
/// - `request`: the document, the options, the output and its parameters (the partners to
///   remove, for what-if outputs).
///
/// # Returns
/// The output's bytes (text for all but a workbook) or, for `csv-folder`, its files.
///
/// # Errors
/// `argument.unknown_partner` when a what-if output names a partner the document does not
/// have.
///
/// # Example
/// ```
/// use convener::render::{render, Output, RenderRequest};
/// use convener::Initiative;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#)?;
/// let csv = render(&RenderRequest::new(&doc, Output::NetworkCsv))?.into_text()?;
/// assert!(csv.starts_with("partner,name,sector,degree,"));
/// let without = RenderRequest::new(&doc, Output::WhatIfTable).without(&["a"]);
/// assert!(render(&without)?.into_text()?.starts_with("Without a:"));
/// # Ok::<(), convener::Error>(())
/// ```
pub fn render(request: &RenderRequest) -> Result<Rendered, Error> {
    let (doc, options) = (request.document, &request.options);
    let text = match request.output {
        Output::ReportJson | Output::ReportHtml | Output::ReportMarkdown | Output::Summary => {
            report(request, request.output)
        }
        Output::NetworkTable | Output::NetworkCsv | Output::NetworkJson | Output::NetworkRows | Output::Drawing => {
            network(doc, options, request.output)
        }
        Output::Graphml | Output::Gexf | Output::Dot | Output::Kumu => {
            let report = crate::network::analyze(doc, options);
            graph::export(doc, &report, graph_format(request.output))
        }
        Output::IndicatorsTable | Output::IndicatorsCsv | Output::IndicatorsJson | Output::IndicatorRows => {
            indicators(doc, options, request.output)
        }
        Output::PlanTable => table::plan(&crate::plan::analyze(doc, options)),
        Output::PlanJson => json::pretty(&crate::plan::analyze(doc, options)),
        Output::WhatIfJson | Output::WhatIfTable => what_if(request)?,
        Output::DocumentJson => doc.to_json(),
        Output::CsvFolder => {
            let files = crate::formats::csv::write(doc);
            return Ok(Rendered::Files(files.into_iter().map(|(n, t)| (n.to_string(), t.into_bytes())).collect()));
        }
    };
    Ok(Rendered::Bytes(text.into_bytes()))
}

fn report(request: &RenderRequest, output: Output) -> String {
    let doc = request.document;
    let report = doc.analyze(&request.options);
    match output {
        Output::ReportHtml => html::render(doc, &report),
        Output::ReportMarkdown => markdown::render(doc, &report),
        Output::Summary => table::summary(&report, request.source.as_deref()),
        _ => report.to_json(),
    }
}

fn network(doc: &Initiative, options: &Options, output: Output) -> String {
    let report = crate::network::analyze(doc, options);
    match output {
        Output::NetworkTable => table::network(&report),
        Output::NetworkCsv => csv::network(&report),
        Output::NetworkRows => json::pretty(&report.partners),
        Output::Drawing => json::pretty(&svg::drawing(doc, &report)),
        _ => json::pretty(&report),
    }
}

fn indicators(doc: &Initiative, options: &Options, output: Output) -> String {
    let report = crate::measure::analyze(doc, options);
    match output {
        Output::IndicatorsTable => table::indicators(&report),
        Output::IndicatorsCsv => csv::indicators(&report),
        Output::IndicatorRows => json::pretty(&csv::indicator_rows(&report)),
        _ => json::pretty(&report),
    }
}

fn graph_format(output: Output) -> GraphFormat {
    match output {
        Output::Gexf => GraphFormat::Gexf,
        Output::Dot => GraphFormat::Dot,
        Output::Kumu => GraphFormat::Kumu,
        _ => GraphFormat::Graphml,
    }
}

/// The what-if answer; with no partner named, nothing is removed and the report is the
/// whole initiative's.
fn what_if(request: &RenderRequest) -> Result<String, Error> {
    let ids: Vec<&str> = request.without.iter().map(String::as_str).collect();
    let answer = crate::report::what_if(request.document, &ids, &request.options)?;
    Ok(match request.output {
        Output::WhatIfTable => table::what_if(&request.document.analyze(&request.options), &answer),
        _ => answer.to_json(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        let mut names: Vec<&str> = Output::ALL.iter().map(|o| o.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Output::ALL.len());
        for o in Output::ALL {
            assert_eq!(o.name().parse::<Output>().unwrap(), *o);
        }
        assert!("network.cvs".parse::<Output>().unwrap_err().message.contains("network.csv"));
    }
}

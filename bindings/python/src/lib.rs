//! `convener._native`: the core for Python, through PyO3. Thin: documents, options and
//! render requests arrive as bytes or JSON text and go to the same loader and the same
//! `render` as every layer; results leave as the core's own text or bytes; a core error
//! leaves as `NativeError` carrying the error's JSON (`{code, message, issues, more}`),
//! which the Python package turns into `ConvenerError`. The GIL is released while the core
//! works.

#![allow(unsafe_code)] // PyO3's generated glue

use std::collections::BTreeMap;

use convener::model::Options;
use convener::render::{RenderRequest, Rendered};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

create_exception!(_native, NativeError, PyException, "A core error; its one argument is the error as JSON.");

fn fail(e: convener::Error) -> PyErr {
    NativeError::new_err(e.to_json())
}

/// Options from JSON text, or the defaults.
fn options(text: Option<&str>) -> Result<Options, convener::Error> {
    text.map_or_else(|| Ok(Options::default()), Options::from_json)
}

/// One document read into memory; immutable, so it may be used from many threads.
#[pyclass(frozen, module = "convener._native")]
struct Initiative {
    doc: convener::Initiative,
}

/// What `render` gives Python: the bytes of one file, or `(name, bytes)` for each file
/// of a folder.
enum Output {
    Bytes(Vec<u8>),
    Files(Vec<(String, Vec<u8>)>),
}

impl<'py> IntoPyObject<'py> for Output {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Output::Bytes(b) => Ok(PyBytes::new(py, &b).into_any()),
            Output::Files(files) => {
                let list: Vec<(String, Bound<'py, PyBytes>)> =
                    files.into_iter().map(|(n, b)| (n, PyBytes::new(py, &b))).collect();
                Ok(list.into_pyobject(py)?.into_any())
            }
        }
    }
}

#[pymethods]
impl Initiative {
    /// Reads a document from its bytes (UTF-8 JSON text; a byte-order mark is skipped),
    /// with the limits of `options_json`.
    #[staticmethod]
    #[pyo3(signature = (data, options_json=None))]
    fn from_json(py: Python<'_>, data: &[u8], options_json: Option<&str>) -> PyResult<Self> {
        py.detach(|| {
            let o = options(options_json)?;
            convener::load::initiative_from_slice(data, &o.limits)
        })
        .map(|doc| Initiative { doc })
        .map_err(fail)
    }

    /// Reads a CSV folder given as its files' bytes by name.
    #[staticmethod]
    #[pyo3(signature = (files, options_json=None))]
    fn from_csv(py: Python<'_>, files: BTreeMap<String, Vec<u8>>, options_json: Option<&str>) -> PyResult<Self> {
        py.detach(|| convener::formats::csv::read(&files, &options(options_json)?.limits))
            .map(|doc| Initiative { doc })
            .map_err(fail)
    }

    /// Reads a graph `{name?, directed, nodes, edges}` (JSON text): the initiative and the
    /// id each node got.
    #[staticmethod]
    #[pyo3(signature = (graph_json, options_json=None))]
    fn from_graph(py: Python<'_>, graph_json: &str, options_json: Option<&str>) -> PyResult<(Self, Vec<String>)> {
        let imported = py
            .detach(|| convener::formats::graph::import_json(graph_json, &options(options_json)?.limits))
            .map_err(fail)?;
        let ids = imported.ids.iter().map(|i| i.as_str().to_string()).collect();
        Ok((Initiative { doc: imported.initiative }, ids))
    }

    /// Any output by name, through the core's one entry, with the options (JSON text) and,
    /// for what-if outputs, the partners to remove.
    #[pyo3(signature = (output, options_json=None, without=None))]
    fn render(
        &self,
        py: Python<'_>,
        output: &str,
        options_json: Option<&str>,
        without: Option<Vec<String>>,
    ) -> PyResult<Output> {
        let doc = &self.doc;
        let rendered = py
            .detach(|| {
                let output: convener::Output =
                    output.parse().map_err(|e: convener::model::ValueError| convener::Error::InvalidArgument {
                        code: convener::IssueCode::ArgumentUnknownOutput,
                        message: e.message,
                    })?;
                let mut request = RenderRequest::new(doc, output).options(options(options_json)?);
                request.without = without.unwrap_or_default();
                convener::render(&request)
            })
            .map_err(fail)?;
        Ok(match rendered {
            Rendered::Bytes(b) => Output::Bytes(b),
            Rendered::Files(files) => Output::Files(files),
        })
    }

    /// The report (`convener-report/1`) as the core's text.
    #[pyo3(signature = (options_json=None))]
    fn analyze_json(&self, py: Python<'_>, options_json: Option<&str>) -> PyResult<String> {
        let doc = &self.doc;
        py.detach(|| Ok(doc.analyze(&options(options_json)?).to_json())).map_err(fail)
    }

    /// The document as pretty JSON text.
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.doc.to_json())
    }
}

/// A JSON Schema by name, as text.
#[pyfunction]
fn schema(name: &str) -> PyResult<String> {
    convener::render::schema(name).map_err(fail)
}

/// convener's version.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Initiative>()?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    Ok(())
}

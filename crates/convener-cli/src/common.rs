//! What every command shares: reading the input and the options, writing the output, and
//! turning errors into exit statuses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use std::collections::BTreeMap;

use convener::model::{Level, Limits, Options, Period};
use convener::{Error, Initiative};

/// An error of the command, with its exit status.
#[derive(Debug)]
pub enum CliError {
    /// An error from the core: invalid input (1) or I/O (3).
    Convener(Error),
    /// The command was used wrongly (2).
    Usage(String),
    /// A bug (1).
    Internal(String),
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Convener(e)
    }
}

/// Every issue of an error, one a line: `where: what [code]`, then the count of the rest.
pub fn issue_lines(e: &Error) -> String {
    let mut s = String::new();
    if e.issues().is_empty() {
        s.push_str(&format!("{e} [{}]\n", e.code()));
    }
    for issue in e.issues() {
        s.push_str(&format!("{issue}\n"));
    }
    if e.more() > 0 {
        s.push_str(&format!("… and {} more problems not listed (option limits.max_issues)\n", e.more()));
    }
    s
}

impl CliError {
    /// Prints the error on stderr and gives the exit status.
    pub fn report(self) -> ExitCode {
        let (text, code) = match &self {
            CliError::Convener(e @ Error::Io { .. }) => (format!("convener: {e} [io]\n"), 3),
            CliError::Convener(e) => (issue_lines(e), 1),
            CliError::Usage(m) => (format!("convener: {m}\n"), 2),
            CliError::Internal(m) => (format!("convener: internal error: {m}\n"), 1),
        };
        let _ = std::io::stderr().write_all(text.as_bytes());
        ExitCode::from(code)
    }
}

fn io_error(what: &str, path: &Path, source: std::io::Error) -> CliError {
    CliError::Convener(Error::Io { message: format!("could not {what} {}: {source}", path.display()), source })
}

/// The document to read.
#[derive(Args)]
pub struct Input {
    /// The document: a JSON file, or a folder of CSV files (see docs/format.md).
    #[arg(value_name = "FILE|DIR")]
    pub path: PathBuf,
}

impl Input {
    /// Reads the document with the options' limits.
    pub fn load(&self, options: &Options) -> Result<Initiative, CliError> {
        load_document(&self.path, &options.limits)
    }
}

/// Reads a JSON document or a CSV folder.
pub fn load_document(path: &Path, limits: &Limits) -> Result<Initiative, CliError> {
    if path.is_dir() {
        let files = read_csv_folder(path, limits.max_document_bytes)?;
        return Ok(convener::formats::csv::read(&files, limits)?);
    }
    let bytes = read_limited(path, limits.max_document_bytes)?;
    Ok(convener::load::initiative_from_slice(&bytes, limits)?)
}

/// The `.csv` files of a folder (not its subfolders), by name.
fn read_csv_folder(dir: &Path, max_bytes: u64) -> Result<BTreeMap<String, Vec<u8>>, CliError> {
    let mut files = BTreeMap::new();
    let mut left = max_bytes.saturating_add(1);
    let entries = std::fs::read_dir(dir).map_err(|e| io_error("read the folder", dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error("read the folder", dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if !name.to_ascii_lowercase().ends_with(".csv") || !path.is_file() {
            continue;
        }
        let bytes = read_limited(&path, left)?;
        left = left.saturating_sub(bytes.len() as u64);
        files.insert(name, bytes);
    }
    Ok(files)
}

/// Pretty JSON with a trailing newline, as every JSON output of convener.
pub fn pretty_json(value: &impl serde::Serialize) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| CliError::Internal(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// Writes a document as JSON (a path ending in `.json`, or standard output) or as a CSV
/// folder (any other path).
pub fn write_document(doc: &Initiative, output: Option<&Path>) -> Result<(), CliError> {
    match output {
        None => Output { output: None }.write(&doc.to_json()),
        Some(path) if is_json_path(path) => Output { output: Some(path.to_path_buf()) }.write(&doc.to_json()),
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| io_error("create the folder", dir, e))?;
            for (name, text) in convener::formats::csv::write(doc) {
                let path = dir.join(name);
                std::fs::write(&path, text).map_err(|e| io_error("write", &path, e))?;
            }
            Ok(())
        }
    }
}

fn is_json_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| io_error("open", path, e))?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_error("read", path, e))?;
    Ok(bytes)
}

/// The options every analysing command takes: a file, and flags for the common fields.
#[derive(Args)]
pub struct OptionArgs {
    /// Options as a JSON file (see `convener schema options`).
    #[arg(long = "options", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The period to analyse as of (2025, 2025-Q2, 2025-06). Default: the latest data.
    #[arg(long, value_name = "PERIOD")]
    pub as_of: Option<Period>,
    /// The lowest collaboration level that counts as a connection (default communicate).
    #[arg(long, value_name = "LEVEL")]
    pub min_level: Option<Level>,
    /// Hide counts below this number in every output.
    #[arg(long, value_name = "N")]
    pub suppress_below: Option<u32>,
}

impl OptionArgs {
    /// The options file, if any, with the flags laid over it.
    pub fn resolve(&self) -> Result<Options, CliError> {
        let mut options = match &self.file {
            Some(path) => {
                let bytes = read_limited(path, 1 << 20)?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| CliError::Usage(format!("{} is not UTF-8 text", path.display())))?;
                Options::from_json(&text)?
            }
            None => Options::default(),
        };
        if let Some(p) = self.as_of {
            options.as_of = Some(p);
        }
        if let Some(l) = self.min_level {
            options.min_level = l;
        }
        if let Some(n) = self.suppress_below {
            options.suppress_below = Some(n);
        }
        Ok(options)
    }
}

/// Where the output goes.
#[derive(Args)]
pub struct Output {
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Output {
    /// Writes `text` to the file or standard output.
    pub fn write(&self, text: &str) -> Result<(), CliError> {
        match &self.output {
            Some(path) => std::fs::write(path, text).map_err(|e| io_error("write", path, e)),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(|e| {
                    CliError::Convener(Error::Io { message: format!("could not write the output: {e}"), source: e })
                })
            }
        }
    }
}

//! What every command shares: reading the input and the options, writing the output, and
//! turning errors into messages (each starting `convener:` and naming its file) and exit
//! statuses.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use convener::model::{Level, Limits, Options, Period};
use convener::render::Rendered;
use convener::{Error, Initiative};

/// An error of the command, with its exit status.
#[derive(Debug)]
pub enum CliError {
    /// An error from the core about one file: invalid input (1), a wrong argument such as
    /// an unknown partner id (2), or I/O (3).
    Convener {
        /// The error.
        error: Error,
        /// The file it is about, when there is one.
        file: Option<PathBuf>,
    },
    /// The command was used wrongly (2).
    Usage(String),
}

impl CliError {
    /// A core error about `file`.
    pub fn from_core(error: Error, file: &Path) -> Self {
        CliError::Convener { error, file: Some(file.to_path_buf()) }
    }

    /// Prints the error on stderr and gives the exit status.
    pub fn report(self) -> ExitCode {
        let (text, code) = match &self {
            CliError::Convener { error: e @ Error::Io { .. }, .. } => (format!("convener: {e} [io]\n"), 3),
            CliError::Convener { error: e @ Error::InvalidArgument { .. }, file } => {
                (format!("convener: {}{e} [{}]\n", about(file.as_deref()), e.code()), 2)
            }
            CliError::Convener { error, file } => {
                (issue_lines(error, &format!("convener: {}", about(file.as_deref()))), 1)
            }
            CliError::Usage(m) => (format!("convener: {m}\n"), 2),
        };
        let _ = std::io::stderr().write_all(text.as_bytes());
        ExitCode::from(code)
    }
}

fn about(file: Option<&Path>) -> String {
    file.map(|f| format!("{}: ", f.display())).unwrap_or_default()
}

impl From<Error> for CliError {
    fn from(error: Error) -> Self {
        CliError::Convener { error, file: None }
    }
}

/// Every issue of an error, one a line after `prefix`: `where: what [code]`, then the
/// count of the rest.
pub fn issue_lines(e: &Error, prefix: &str) -> String {
    let mut s = String::new();
    if e.issues().is_empty() {
        s.push_str(&format!("{prefix}{e} [{}]\n", e.code()));
    }
    for issue in e.issues() {
        s.push_str(&format!("{prefix}{issue}\n"));
    }
    if e.more() > 0 {
        s.push_str(&format!("{prefix}… and {} more problems not listed (option limits.max_issues)\n", e.more()));
    }
    s
}

fn io_error(what: &str, path: &Path, source: std::io::Error) -> CliError {
    let error = Error::Io { message: format!("could not {what} {}: {source}", path.display()), source };
    CliError::from_core(error, path)
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

/// Reads a JSON document or a CSV folder; its problems are about `path`.
pub fn load_document(path: &Path, limits: &Limits) -> Result<Initiative, CliError> {
    let loaded = if path.is_dir() {
        let files = read_csv_folder(path, limits.max_document_bytes)?;
        convener::formats::csv::read(&files, limits)
    } else {
        let bytes = read_limited(path, limits.max_document_bytes)?;
        convener::load::initiative_from_slice(&bytes, limits)
    };
    loaded.map_err(|e| CliError::from_core(e, path))
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

/// Writes a document as JSON (a path ending in `.json`, or standard output) or as a CSV
/// folder (any other path).
pub fn write_document(doc: &Initiative, output: Option<&Path>) -> Result<(), CliError> {
    let out = Output { output: output.map(Path::to_path_buf) };
    match output {
        Some(path) if !is_json_path(path) => out.write_rendered(Rendered::Files(
            convener::formats::csv::write(doc).into_iter().map(|(n, t)| (n.to_string(), t.into_bytes())).collect(),
        )),
        _ => out.write(doc.to_json().as_bytes()),
    }
}

fn is_json_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// A file's bytes, at most `max` + 1 of them (one more than the limit, so the core can
/// tell that the limit is exceeded).
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| io_error("open", path, e))?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_error("read", path, e))?;
    Ok(bytes)
}

/// The options in a JSON file, or the defaults; their problems are about that file.
pub fn options_file(path: Option<&Path>) -> Result<Options, CliError> {
    let Some(path) = path else { return Ok(Options::default()) };
    let bytes = read_limited(path, 1 << 20)?;
    let text =
        String::from_utf8(bytes).map_err(|_| CliError::Usage(format!("{}: is not UTF-8 text", path.display())))?;
    Options::from_json(&text).map_err(|e| CliError::from_core(e, path))
}

/// The options of the commands that read every option: a file, and flags for the fields
/// that change what they write.
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

/// The options of the network commands: a file and the lowest level that connects.
#[derive(Args)]
pub struct NetworkOptionArgs {
    /// Options as a JSON file (see `convener schema options`).
    #[arg(long = "options", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The lowest collaboration level that counts as a connection (default communicate).
    #[arg(long, value_name = "LEVEL")]
    pub min_level: Option<Level>,
}

/// The options of the measurement command: a file, the period and the suppression.
#[derive(Args)]
pub struct MeasureOptionArgs {
    /// Options as a JSON file (see `convener schema options`).
    #[arg(long = "options", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The period to analyse as of (2025, 2025-Q2, 2025-06). Default: the latest data.
    #[arg(long, value_name = "PERIOD")]
    pub as_of: Option<Period>,
    /// Hide counts below this number.
    #[arg(long, value_name = "N")]
    pub suppress_below: Option<u32>,
}

/// The options of a command that takes no flag but the options file.
#[derive(Args)]
pub struct FileOptionArgs {
    /// Options as a JSON file (see `convener schema options`): only `limits` matters here.
    #[arg(long = "options", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Options from a command's flags, laid over its options file.
pub trait ResolveOptions {
    /// The options file, if any, with the flags laid over it.
    fn resolve(&self) -> Result<Options, CliError>;
}

fn lay_over(
    file: Option<&Path>,
    as_of: Option<Period>,
    min_level: Option<Level>,
    suppress_below: Option<u32>,
) -> Result<Options, CliError> {
    let mut options = options_file(file)?;
    options.as_of = as_of.or(options.as_of);
    options.min_level = min_level.unwrap_or(options.min_level);
    options.suppress_below = suppress_below.or(options.suppress_below);
    Ok(options)
}

impl ResolveOptions for OptionArgs {
    fn resolve(&self) -> Result<Options, CliError> {
        lay_over(self.file.as_deref(), self.as_of, self.min_level, self.suppress_below)
    }
}

impl ResolveOptions for NetworkOptionArgs {
    fn resolve(&self) -> Result<Options, CliError> {
        lay_over(self.file.as_deref(), None, self.min_level, None)
    }
}

impl ResolveOptions for MeasureOptionArgs {
    fn resolve(&self) -> Result<Options, CliError> {
        lay_over(self.file.as_deref(), self.as_of, None, self.suppress_below)
    }
}

impl ResolveOptions for FileOptionArgs {
    fn resolve(&self) -> Result<Options, CliError> {
        options_file(self.file.as_deref())
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
    /// Writes `bytes` to the file or standard output. A closed pipe (`convener … | head`)
    /// is not an error: the reader has what it wanted.
    pub fn write(&self, bytes: &[u8]) -> Result<(), CliError> {
        match &self.output {
            Some(path) => std::fs::write(path, bytes).map_err(|e| io_error("write", path, e)),
            None => {
                let mut out = std::io::stdout().lock();
                match out.write_all(bytes).and_then(|_| out.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::from(Error::Io {
                        message: format!("could not write the output: {e}"),
                        source: e,
                    })),
                    _ => Ok(()),
                }
            }
        }
    }

    /// Writes what the core rendered: one file's bytes, or a folder of files (created if
    /// needed; `-o` names the folder).
    pub fn write_rendered(&self, rendered: Rendered) -> Result<(), CliError> {
        match rendered {
            Rendered::Bytes(bytes) => self.write(&bytes),
            Rendered::Files(files) => {
                let Some(dir) = &self.output else {
                    return Err(CliError::Usage("a folder of files needs -o FOLDER".into()));
                };
                std::fs::create_dir_all(dir).map_err(|e| io_error("create the folder", dir, e))?;
                for (name, bytes) in files {
                    let path = dir.join(name);
                    std::fs::write(&path, bytes).map_err(|e| io_error("write", &path, e))?;
                }
                Ok(())
            }
        }
    }
}

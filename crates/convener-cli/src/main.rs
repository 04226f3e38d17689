//! The `convener` command: check, analyse and convert collective-impact partnership data.
//!
//! Every output is written by the core's one entry, `convener::render`; the command only
//! picks the output from `--format` or the extension of `-o`.
//!
//! Exit status: 0 done, 1 the input is not valid, 2 the command was used wrongly, 3 a
//! file could not be read or written.

mod common;
mod formats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use convener::model::{Limits, Metric};
use convener::render::{Output as Rendering, RenderRequest};

use common::{
    CliError, FileOptionArgs, Input, MeasureOptionArgs, NetworkOptionArgs, OptionArgs, Output, ResolveOptions,
};
use formats::{AnalyzeFormat, ExportFormat, Formatted, IndicatorsFormat, NetworkFormat, PlanFormat, WhatIfFormat};

/// convener: an open, explainable engine for collective-impact partnerships.
///
/// It reads a partnership document (a JSON file, or a folder of CSV files) and checks it,
/// analyses it or converts it. Nothing leaves your machine.
#[derive(Parser)]
#[command(name = "convener", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a document and list every problem in it, one a line.
    ///
    /// Each line reads `where: what is wrong [code]`, where `where` is a JSON pointer such
    /// as /ties/3/to or a CSV file, row and column. Exit status 0 when the document is
    /// valid, 1 when it is not. Writes text (one problem a line) or json.
    Validate {
        #[command(flatten)]
        input: Input,
        /// text (one problem a line) or json.
        #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
        format: ValidateFormat,
        /// Options as a JSON file: only `limits` matters here.
        #[arg(long = "options", value_name = "FILE")]
        options: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// The whole picture: the five conditions of collective impact with the evidence
    /// behind each score, the network, shared measurement, the plan, and findings with
    /// next steps.
    ///
    /// Writes summary (the default: the scorecard, the findings that matter most, what to
    /// open next), json (the report, format convener-report/1), markdown, or html (one
    /// self-contained, accessible page). Without --format, -o FILE takes the format from
    /// its extension (.txt .json .md .html).
    Analyze {
        #[command(flatten)]
        input: Input,
        /// summary, json, markdown or html.
        #[arg(long, value_enum)]
        format: Option<AnalyzeFormat>,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Analyse the partner network: who connects whom, who holds it together, where the
    /// silos are, whom partners trust.
    ///
    /// Writes table (the default: a summary and the main measures per partner), csv (the
    /// 18-column table, one row per partner) or json (every measure, bridges, communities,
    /// sector mixing, one-sided ties and wanted-versus-actual levels). Without --format,
    /// -o FILE takes the format from its extension (.txt .csv .json).
    Network {
        #[command(flatten)]
        input: Input,
        /// table, csv or json.
        #[arg(long, value_enum)]
        format: Option<NetworkFormat>,
        /// Compute only these measures, comma-separated (e.g. degree,betweenness); the rest
        /// stay blank.
        #[arg(long, value_delimiter = ',', value_parser = formats::parse_metric)]
        metrics: Option<Vec<Metric>>,
        #[command(flatten)]
        options: NetworkOptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Shared indicators: series, run-chart signals (Anhøj rules, IHI shift and trend),
    /// targets, and who reports late or not at all.
    ///
    /// Writes table (the default), csv (one row per series and phase, 22 columns) or json
    /// (every series with its points). Without --format, -o FILE takes the format from its
    /// extension (.txt .csv .json).
    Indicators {
        #[command(flatten)]
        input: Input,
        /// table, csv or json.
        #[arg(long, value_enum)]
        format: Option<IndicatorsFormat>,
        #[command(flatten)]
        options: MeasureOptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// The theory of change and mutually reinforcing activities: cycles, orphans,
    /// unreached goals, outcomes nobody measures or serves, activity order, uncoordinated
    /// effort and funding cliffs.
    ///
    /// Writes table (the default) or json. Without --format, -o FILE takes the format from
    /// its extension (.txt .json).
    Plan {
        #[command(flatten)]
        input: Input,
        /// table or json.
        #[arg(long, value_enum)]
        format: Option<PlanFormat>,
        #[command(flatten)]
        options: FileOptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Export the partner network for Gephi, yEd, Graphviz or Kumu, with every partner's
    /// measures and every tie's level, trust and value.
    ///
    /// Writes graphml, gexf, dot or kumu (Kumu's JSON blueprint); without --format, -o FILE
    /// takes the format from its extension (.graphml .gexf .dot .json).
    Export {
        #[command(flatten)]
        input: Input,
        /// graphml, gexf, dot or kumu.
        #[arg(long, alias = "to", value_enum)]
        format: Option<ExportFormat>,
        #[command(flatten)]
        options: NetworkOptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// What if some partners left? The network without them: what breaks, who loses a
    /// provider down the dependency chains, which activities lose their lead.
    ///
    /// Writes json (the default: {removed, delta, report}) or table (a short summary).
    /// Without --format, -o FILE takes the format from its extension (.json .txt).
    WhatIf {
        #[command(flatten)]
        input: Input,
        /// The partners to remove, comma-separated ids.
        #[arg(long, value_delimiter = ',', required = true, value_name = "IDS")]
        without: Vec<String>,
        /// json or table.
        #[arg(long, value_enum)]
        format: Option<WhatIfFormat>,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Convert a document between JSON and a folder of CSV files.
    ///
    /// IN is a JSON file or a CSV folder; OUT ending in .json is written as JSON, anything
    /// else as a CSV folder (created if needed). Nothing is lost either way.
    Convert {
        /// The document to read: a JSON file or a CSV folder.
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// Where to write: a .json file or a folder.
        #[arg(value_name = "OUT")]
        output: PathBuf,
    },
    /// Import data kept in another shape.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Generate a realistic made-up initiative of any size, the same for the same seed.
    ///
    /// Writes a JSON document (standard output or a .json file) or a CSV folder.
    Synth {
        /// How many partners.
        #[arg(long, default_value_t = 30)]
        partners: usize,
        /// The seed: the same seed gives the same document on every machine.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Mean number of partners each partner is tied to.
        #[arg(long, value_name = "D")]
        mean_degree: Option<f64>,
        /// How many shared indicators (default: scales with the partners).
        #[arg(long, value_name = "N")]
        indicators: Option<usize>,
        /// Reporting periods per series.
        #[arg(long, value_name = "N")]
        periods: Option<usize>,
        /// The initiative of the speed benchmarks: 300 partners, ≈3,000 ties, 50 indicators,
        /// ≈10,000 measurements (the other sizes are then ignored).
        #[arg(long)]
        design_benchmark: bool,
        /// Where to write: a .json file or a CSV folder (default: JSON on standard output).
        #[arg(short, long, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
    },
    /// Print a JSON Schema: `initiative` (the document), `options`, `report` or `what-if`.
    Schema {
        /// Which schema.
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(convener::render::SCHEMAS))]
        name: String,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// An edge list: `from,to[,level]` lines (CSV) or `from to` pairs separated by spaces.
    ///
    /// Each id becomes a partner (sector unknown); each line a tie, at the level given or
    /// collaborate. Lines starting with # are skipped, and so is a from,to header. Writes a
    /// JSON document (standard output or a .json file) or a CSV folder.
    Edgelist {
        /// The edge list file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write: a .json file or a CSV folder (default: JSON on standard output).
        #[arg(short, long, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ValidateFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => e.report(),
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Validate { input, format, options, output } => validate(&input, format, options.as_deref(), &output),
        Command::Analyze { input, format, options, output } => emit(&input, &options, format, &output, |r| r),
        Command::Network { input, format, metrics, options, output } => {
            emit(&input, &options, format, &output, |mut r| {
                if metrics.is_some() {
                    r.options.metrics = metrics.clone();
                }
                r
            })
        }
        Command::Indicators { input, format, options, output } => emit(&input, &options, format, &output, |r| r),
        Command::Plan { input, format, options, output } => emit(&input, &options, format, &output, |r| r),
        Command::Export { input, format, options, output } => emit(&input, &options, format, &output, |r| r),
        Command::WhatIf { input, without, format, options, output } => {
            let ids: Vec<&str> = without.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
            emit(&input, &options, format, &output, |r| r.without(&ids))
        }
        Command::Convert { input, output } => {
            let doc = common::load_document(&input, &Limits::default())?;
            common::write_document(&doc, Some(&output))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(ImportCommand::Edgelist { file, output }) => import_edgelist(&file, output.as_deref()),
        Command::Synth { partners, seed, mean_degree, indicators, periods, design_benchmark, output } => {
            let defaults = convener::synth::SynthOptions::default();
            let options = if design_benchmark {
                convener::synth::SynthOptions::design_benchmark()
            } else {
                convener::synth::SynthOptions {
                    partners,
                    seed,
                    mean_degree: mean_degree.unwrap_or(defaults.mean_degree),
                    indicators: indicators.or(defaults.indicators),
                    periods: periods.unwrap_or(defaults.periods),
                }
            };
            let doc = convener::synth::initiative(&options);
            common::write_document(&doc, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { name, output } => {
            let text = convener::render::schema(&name)?;
            output.write(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads the document, picks the output from `--format` or the extension of `-o`, lets the
/// command add its parameters, and writes what `convener::render` gives.
fn emit<F: Formatted>(
    input: &Input,
    options: &impl ResolveOptions,
    format: Option<F>,
    output: &Output,
    parameters: impl FnOnce(RenderRequest) -> RenderRequest,
) -> Result<ExitCode, CliError> {
    let rendering: Rendering = formats::choose(format, output.output.as_deref())?;
    let options = options.resolve()?;
    let doc = input.load(&options)?;
    let request = RenderRequest::new(&doc, rendering).options(options).source(input.path.display().to_string());
    let request = parameters(request);
    let rendered = convener::render(&request).map_err(|e| CliError::from_core(e, &input.path))?;
    output.write_rendered(rendered)?;
    Ok(ExitCode::SUCCESS)
}

fn import_edgelist(file: &std::path::Path, output: Option<&std::path::Path>) -> Result<ExitCode, CliError> {
    let limits = Limits::default();
    let bytes = common::read_limited(file, limits.max_document_bytes)?;
    let text =
        String::from_utf8(bytes).map_err(|_| CliError::Usage(format!("{}: is not UTF-8 text", file.display())))?;
    let name = file.file_name().map_or_else(|| "edges".into(), |n| n.to_string_lossy().into_owned());
    let doc = convener::formats::edgelist::read(&text, &name, &limits).map_err(|e| CliError::from_core(e, file))?;
    common::write_document(&doc, output)?;
    Ok(ExitCode::SUCCESS)
}

fn validate(
    input: &Input,
    format: ValidateFormat,
    options: Option<&std::path::Path>,
    output: &Output,
) -> Result<ExitCode, CliError> {
    let options = common::options_file(options)?;
    let error = match input.load(&options) {
        Ok(_) => None,
        Err(CliError::Convener { error, .. }) if !matches!(error, convener::Error::Io { .. }) => Some(error),
        Err(other) => return Err(other),
    };
    let text = match format {
        ValidateFormat::Json => {
            let (issues, more) = match &error {
                Some(e) => (e.issues(), e.more()),
                None => (&[][..], 0),
            };
            let value = serde_json::json!({
                "valid": error.is_none(),
                "code": error.as_ref().map(|e| e.code()),
                "issues": issues,
                "more": more,
            });
            convener::render::json::pretty(&value)
        }
        ValidateFormat::Text => match &error {
            None => format!("{}: valid\n", input.path.display()),
            Some(e) => common::issue_lines(e, ""),
        },
    };
    output.write(text.as_bytes())?;
    Ok(if error.is_none() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

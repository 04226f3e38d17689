//! The `convener` command: check, analyse and convert collective-impact partnership data.
//!
//! Exit status: 0 done, 1 the input is not valid, 2 the command was used wrongly, 3 a
//! file could not be read or written.

mod common;

use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use convener::model::{Limits, Metric};

use common::{CliError, Input, OptionArgs, Output};

/// convener: an open, explainable engine for collective-impact partnerships.
///
/// It reads a partnership document (JSON, format convener/1) and checks it, analyses it or
/// converts it. Nothing leaves your machine.
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
    /// as /ties/3/to. Exit status 0 when the document is valid, 1 when it is not.
    Validate {
        #[command(flatten)]
        input: Input,
        /// text (one problem a line) or json.
        #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
        format: ValidateFormat,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// The whole picture: the five conditions of collective impact with the evidence
    /// behind each score, the network, shared measurement, the plan, and findings with
    /// next steps.
    Analyze {
        #[command(flatten)]
        input: Input,
        /// json (the report of format convener-report/1), markdown, or html (one
        /// self-contained, accessible page).
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Analyse the partner network: who connects whom, who holds it together, where the
    /// silos are, whom partners trust.
    ///
    /// table: a summary and the main measures per partner; csv: the 18-column table, one
    /// row per partner; json: every measure, bridges, communities, sector mixing (E-I),
    /// one-sided ties and wanted-versus-actual levels.
    Network {
        #[command(flatten)]
        input: Input,
        /// table, csv or json.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Compute only these measures, comma-separated (e.g. degree,betweenness); the rest
        /// stay blank.
        #[arg(long, value_delimiter = ',', value_parser = parse_metric)]
        metrics: Option<Vec<Metric>>,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Shared indicators: series, run-chart signals (Anhøj rules, IHI shift and trend),
    /// targets, and who reports late or not at all.
    ///
    /// csv: one row per series and phase, 22 columns; json: every series with its points.
    Indicators {
        #[command(flatten)]
        input: Input,
        /// table, csv or json.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// The theory of change and mutually reinforcing activities: cycles, orphans,
    /// unreached goals, outcomes nobody measures or serves, activity order, uncoordinated
    /// effort and funding cliffs.
    Plan {
        #[command(flatten)]
        input: Input,
        /// table or json.
        #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
        format: PlanFormat,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Export the partner network for Gephi, yEd, Graphviz or Kumu, with every partner's
    /// measures and every tie's level, trust and value.
    Export {
        #[command(flatten)]
        input: Input,
        /// graphml, gexf, dot or kumu (Kumu's JSON blueprint).
        #[arg(long = "to", value_parser = parse_graph_format)]
        to: convener::formats::export::GraphFormat,
        #[command(flatten)]
        options: OptionArgs,
        #[command(flatten)]
        output: Output,
    },
    /// What if some partners left? The network without them: what breaks, who loses a
    /// provider down the dependency chains, which activities lose their lead.
    ///
    /// json gives {removed, delta, report}; table a short summary.
    WhatIf {
        #[command(flatten)]
        input: Input,
        /// The partners to remove, comma-separated ids.
        #[arg(long, value_delimiter = ',', required = true, value_name = "IDS")]
        without: Vec<String>,
        /// json or table.
        #[arg(long, value_enum, default_value_t = WhatIfFormat::Json)]
        format: WhatIfFormat,
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
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(convener::schema::NAMES))]
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
    /// collaborate. Lines starting with # are skipped, and so is a from,to header.
    Edgelist {
        /// The edge list file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write: a .json file or a CSV folder (default: JSON on standard output).
        #[arg(short, long, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Json,
    Markdown,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum PlanFormat {
    Table,
    Json,
}

fn parse_graph_format(s: &str) -> Result<convener::formats::export::GraphFormat, String> {
    s.parse().map_err(|e: convener::model::ValueError| e.message)
}

#[derive(Clone, Copy, ValueEnum)]
enum WhatIfFormat {
    Json,
    Table,
}

fn parse_metric(s: &str) -> Result<Metric, String> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string())).map_err(|_| {
        "use degree, in_degree, out_degree, degree_centrality, betweenness, closeness, eigenvector, pagerank, core_number, constraint, effective_size, articulation_point, community, trust or value".to_string()
    })
}

#[derive(Clone, Copy, ValueEnum)]
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
        Command::Validate { input, format, options, output } => validate(&input, format, &options, &output),
        Command::Network { input, format, metrics, options, output } => {
            let mut options = options.resolve()?;
            if metrics.is_some() {
                options.metrics = metrics;
            }
            let doc = input.load(&options)?;
            let report = convener::network::analyze(&doc, &options);
            let text = match format {
                TableFormat::Table => convener::network::to_table(&report),
                TableFormat::Csv => convener::network::to_csv(&report),
                TableFormat::Json => common::pretty_json(&report)?,
            };
            output.write(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { input, format, options, output } => {
            let options = options.resolve()?;
            let doc = input.load(&options)?;
            let report = doc.analyze(&options);
            let text = match format {
                ReportFormat::Json => report.to_json(),
                ReportFormat::Markdown => convener::report::markdown::render(&report),
                ReportFormat::Html => convener::report::html::render(&doc, &report),
            };
            output.write(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Plan { input, format, options, output } => {
            let options = options.resolve()?;
            let doc = input.load(&options)?;
            let report = convener::plan::analyze(&doc, &options);
            let text = match format {
                PlanFormat::Table => convener::plan::to_table(&report),
                PlanFormat::Json => common::pretty_json(&report)?,
            };
            output.write(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { input, to, options, output } => {
            let options = options.resolve()?;
            let doc = input.load(&options)?;
            let report = convener::network::analyze(&doc, &options);
            output.write(&convener::formats::export::export(&doc, &report, to))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Indicators { input, format, options, output } => {
            let options = options.resolve()?;
            let doc = input.load(&options)?;
            let report = convener::measure::analyze(&doc, &options);
            let text = match format {
                TableFormat::Table => convener::measure::to_table(&report),
                TableFormat::Csv => convener::measure::to_csv(&report),
                TableFormat::Json => common::pretty_json(&report)?,
            };
            output.write(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::WhatIf { input, without, format, options, output } => {
            let options = options.resolve()?;
            let doc = input.load(&options)?;
            let ids: Vec<&str> = without.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
            let answer = convener::what_if(&doc, &ids, &options)?;
            let text = match format {
                WhatIfFormat::Json => answer.to_json(),
                WhatIfFormat::Table => convener::report::what_if_table(&doc.analyze(&options), &answer),
            };
            output.write(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Convert { input, output } => {
            let doc = common::load_document(&input, &Limits::default())?;
            common::write_document(&doc, Some(&output))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(ImportCommand::Edgelist { file, output }) => {
            let limits = Limits::default();
            let bytes = common::read_limited(&file, limits.max_document_bytes)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| CliError::Usage(format!("{} is not UTF-8 text", file.display())))?;
            let name = file.file_name().map_or_else(|| "edges".into(), |n| n.to_string_lossy().into_owned());
            let doc = convener::formats::edgelist::read(&text, &name, &limits)?;
            common::write_document(&doc, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
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
            let text = convener::schema::by_name(&name)?;
            output.write(&text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn validate(
    input: &Input,
    format: ValidateFormat,
    options: &OptionArgs,
    output: &Output,
) -> Result<ExitCode, CliError> {
    let options = options.resolve()?;
    let result = input.load(&options);
    let error = match result {
        Ok(_) => None,
        Err(CliError::Convener(e)) if !matches!(e, convener::Error::Io { .. }) => Some(e),
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
            let mut s = serde_json::to_string_pretty(&value).map_err(|e| CliError::Internal(e.to_string()))?;
            s.push('\n');
            s
        }
        ValidateFormat::Text => match &error {
            None => format!("{}: valid\n", input.path.display()),
            Some(e) => common::issue_lines(e),
        },
    };
    output.write(&text)?;
    Ok(if error.is_none() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

//! The `convener` command: check, analyse and convert collective-impact partnership data.
//!
//! Exit status: 0 done, 1 the input is not valid, 2 the command was used wrongly, 3 a
//! file could not be read or written.

mod common;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Print a JSON Schema: `initiative` (the document) or `options`.
    Schema {
        /// Which schema.
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(convener::schema::NAMES))]
        name: String,
        #[command(flatten)]
        output: Output,
    },
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
        Command::Validate {
            input,
            format,
            options,
            output,
        } => validate(&input, format, &options, &output),
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
            let mut s = serde_json::to_string_pretty(&value)
                .map_err(|e| CliError::Internal(e.to_string()))?;
            s.push('\n');
            s
        }
        ValidateFormat::Text => match &error {
            None => format!("{}: valid\n", input.path.display()),
            Some(e) => common::issue_lines(e),
        },
    };
    output.write(&text)?;
    Ok(if error.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

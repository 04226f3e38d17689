//! Which output each command writes: its `--format` names, each standing for one of the
//! core's outputs, and the choice from the extension of `-o` when `--format` is not given.

use std::path::Path;

use clap::ValueEnum;
use convener::model::Metric;
use convener::render::Output;

use crate::common::CliError;

/// A command's `--format`: each value stands for one output of the core.
pub trait Formatted: ValueEnum + Copy {
    /// The output this value stands for.
    fn output(self) -> Output;
    /// The output written when neither `--format` nor a telling `-o` extension is given.
    const DEFAULT: Output;
}

/// Declares a command's `--format` values and the outputs they stand for.
macro_rules! formats {
    ($(#[$doc:meta])* $name:ident, default $default:ident { $($variant:ident => $output:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, ValueEnum)]
        pub enum $name {
            $($variant),+
        }

        impl Formatted for $name {
            fn output(self) -> Output {
                match self {
                    $($name::$variant => Output::$output),+
                }
            }
            const DEFAULT: Output = Output::$default;
        }
    };
}

formats!(
    /// `analyze --format`.
    AnalyzeFormat, default Summary { Summary => Summary, Json => ReportJson, Markdown => ReportMarkdown, Html => ReportHtml }
);
formats!(
    /// `network --format`.
    NetworkFormat, default NetworkTable { Table => NetworkTable, Csv => NetworkCsv, Json => NetworkJson }
);
formats!(
    /// `indicators --format`.
    IndicatorsFormat, default IndicatorsTable { Table => IndicatorsTable, Csv => IndicatorsCsv, Json => IndicatorsJson }
);
formats!(
    /// `plan --format`.
    PlanFormat, default PlanTable { Table => PlanTable, Json => PlanJson }
);
formats!(
    /// `export --format` (or `--to`).
    ExportFormat, default Graphml { Graphml => Graphml, Gexf => Gexf, Dot => Dot, Kumu => Kumu }
);
formats!(
    /// `what-if --format`.
    WhatIfFormat, default WhatIfJson { Json => WhatIfJson, Table => WhatIfTable }
);

/// The value of `--format` as typed.
fn format_name<F: Formatted>(f: F) -> String {
    f.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
}

/// Extensions that stand for the same kind of file as an output's own.
fn extension_matches(output: Output, extension: &str) -> bool {
    let e = extension.to_ascii_lowercase();
    let own = output.extension();
    e == own || matches!((own, e.as_str()), ("md", "markdown") | ("html", "htm") | ("dot", "gv"))
}

/// The output to write: `--format` when given (refused when `-o`'s extension says another
/// of this command's formats), else the one `-o`'s extension names, else the command's
/// default when there is no `-o` at all.
pub fn choose<F: Formatted>(format: Option<F>, out: Option<&Path>) -> Result<Output, CliError> {
    let extension = out.and_then(|p| p.extension()).map(|e| e.to_string_lossy().into_owned());
    let by_extension = extension
        .as_deref()
        .and_then(|e| F::value_variants().iter().copied().find(|f| extension_matches(f.output(), e)));
    match (format, by_extension) {
        (Some(f), Some(other)) if f.output() != other.output() => Err(CliError::Usage(format!(
            "{} is a .{} file, but --format {} writes {}: give -o a matching name or leave --format out",
            out.map(|p| p.display().to_string()).unwrap_or_default(),
            extension.unwrap_or_default(),
            format_name(f),
            f.output().description()
        ))),
        (Some(f), _) => Ok(f.output()),
        (None, Some(f)) => Ok(f.output()),
        (None, None) if out.is_none() => Ok(F::DEFAULT),
        (None, None) => Err(CliError::Usage(format!(
            "cannot tell the format from the name {}: give --format {}, or end the name with {}",
            out.map(|p| p.display().to_string()).unwrap_or_default(),
            F::value_variants().iter().map(|f| format_name(*f)).collect::<Vec<_>>().join("|"),
            F::value_variants().iter().map(|f| format!(".{}", f.output().extension())).collect::<Vec<_>>().join(" ")
        ))),
    }
}

/// A measure named on the command line, with the closest name suggested when it is not one.
pub fn parse_metric(s: &str) -> Result<Metric, String> {
    s.trim().parse::<Metric>().map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_chooses_and_a_mismatch_is_refused() {
        let p = |s: &str| Some(std::path::PathBuf::from(s));
        assert_eq!(choose::<AnalyzeFormat>(None, None).unwrap(), Output::Summary);
        assert_eq!(choose::<AnalyzeFormat>(None, p("r.html").as_deref()).unwrap(), Output::ReportHtml);
        assert_eq!(choose::<AnalyzeFormat>(None, p("r.JSON").as_deref()).unwrap(), Output::ReportJson);
        assert_eq!(choose::<AnalyzeFormat>(None, p("r.markdown").as_deref()).unwrap(), Output::ReportMarkdown);
        assert!(choose(Some(AnalyzeFormat::Json), p("r.html").as_deref()).is_err());
        assert_eq!(choose(Some(AnalyzeFormat::Json), p("r.out").as_deref()).unwrap(), Output::ReportJson);
        assert!(choose::<AnalyzeFormat>(None, p("r.out").as_deref()).is_err());
        assert_eq!(choose::<NetworkFormat>(None, p("n.csv").as_deref()).unwrap(), Output::NetworkCsv);
        assert_eq!(choose::<ExportFormat>(None, p("g.json").as_deref()).unwrap(), Output::Kumu);
        assert_eq!(choose::<ExportFormat>(None, p("g.gv").as_deref()).unwrap(), Output::Dot);
    }
}

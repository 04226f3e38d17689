//! `Options`: the one set of settings every analysis and every layer takes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Level, Period, TieKind};

/// Settings for loading and analysing an initiative. The same value in every layer: a
/// Rust struct here, a JSON object in the CLI (`--options FILE`), JavaScript, C and Python.
/// Every field has a default; unknown keys are an error (`options.unknown`).
///
/// # Example
/// ```
/// use convener::model::{Level, Options};
/// let o = Options::from_json(r#"{"min_level": "cooperate", "as_of": "2025-Q2"}"#).unwrap();
/// assert_eq!(o.min_level, Level::Cooperate);
/// assert_eq!(Options::default().min_level, Level::Communicate);
/// assert!(Options::from_json(r#"{"min_levle": "cooperate"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// The period the analysis is as of. Default: the latest measurement period, else the
    /// month of the latest survey date, else none. convener never reads the clock.
    pub as_of: Option<Period>,
    /// The lowest collaboration level that counts as a connection in the network
    /// (default `communicate`: `compete` and `coexist` ties are reported, not connected).
    pub min_level: Level,
    /// Only ties of these kinds count as connections (default: every tie).
    pub tie_kinds: Option<Vec<TieKind>>,
    /// Hide counts below this number in every measurement output (small-number suppression; surveys have their own minimum of 3). Default
    /// off.
    pub suppress_below: Option<u32>,
    /// Size limits for work that grows faster than the network.
    pub budgets: Budgets,
    /// Limits on the documents convener reads.
    pub limits: Limits,
    /// The network measures to compute for the network table (default: all). The full
    /// report always computes every measure: the conditions and findings rest on them.
    pub metrics: Option<Vec<Metric>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            as_of: None,
            min_level: Level::Communicate,
            tie_kinds: None,
            suppress_below: None,
            budgets: Budgets::default(),
            limits: Limits::default(),
            metrics: None,
        }
    }
}

impl Options {
    /// Whether `metric` is to be computed.
    pub fn wants(&self, metric: Metric) -> bool {
        self.metrics.as_ref().is_none_or(|m| m.contains(&metric))
    }
}

/// Size limits for work that grows faster than the network: exact betweenness and the
/// key-player sweep, and what to do above them. The report always says which method was
/// used (`network.summary.betweenness_method`, `network.summary.key_players_method`) and
/// gives a finding when a measure was sampled or skipped.
///
/// # Example
/// ```
/// use convener::model::{Budgets, OverBudget, Options};
/// assert!(Budgets::default().exact_betweenness_max_partners >= 10_000);
/// assert_eq!(Budgets::default().over_budget, OverBudget::Skip);
/// let o = Options::from_json(r#"{"budgets": {"over_budget": "sample", "sample_sources": 500}}"#).unwrap();
/// assert_eq!(o.budgets.over_budget, OverBudget::Sample);
/// assert_eq!(o.budgets.sample_sources.get(), 500);
/// assert!(Options::from_json(r#"{"budgets": {"sample_sources": 0}}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Budgets {
    /// Above this many partners, betweenness, closeness and the diameter are not computed
    /// exactly: they are skipped or betweenness is sampled, as `over_budget` says.
    pub exact_betweenness_max_partners: u32,
    /// Above this many partners, key players are not ranked.
    pub key_players_max_partners: u32,
    /// What happens above `exact_betweenness_max_partners`: `skip` (default) leaves
    /// betweenness, closeness and the diameter out; `sample` estimates betweenness from
    /// `sample_sources` partners drawn at random (Brandes & Pich 2007), with its error
    /// bound stated in the report, and leaves closeness and the diameter out.
    pub over_budget: OverBudget,
    /// How many source partners sampled betweenness uses (default 1,000; at least 1).
    pub sample_sources: std::num::NonZeroU32,
    /// The seed of the draw of source partners (default 0): the same seed gives the same
    /// sources and the same numbers.
    pub sample_seed: u64,
}

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            exact_betweenness_max_partners: 20_000,
            key_players_max_partners: 5_000,
            over_budget: OverBudget::Skip,
            sample_sources: std::num::NonZeroU32::new(1_000).unwrap_or(std::num::NonZeroU32::MIN),
            sample_seed: 0,
        }
    }
}

/// What happens to betweenness, closeness and the diameter above
/// `budgets.exact_betweenness_max_partners`.
///
/// # Example
/// ```
/// use convener::model::OverBudget;
/// let o: OverBudget = serde_json::from_str("\"sample\"").unwrap();
/// assert_eq!(o, OverBudget::Sample);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OverBudget {
    /// Not computed; the report says so.
    #[default]
    Skip,
    /// Betweenness estimated from a random sample of source partners, with a stated error
    /// bound; closeness and the diameter not computed.
    Sample,
}

/// Limits on the documents convener reads. Exceeding one is the error `limit.exceeded`,
/// never a crash or a hang.
///
/// # Example
/// ```
/// use convener::model::Limits;
/// let l = Limits::default();
/// assert_eq!(l.max_depth, 64);
/// assert_eq!(l.max_issues, 1000);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// The largest document, in bytes (default 512 MiB).
    pub max_document_bytes: u64,
    /// The deepest nesting of JSON arrays and objects (default 64; the format needs 6).
    pub max_depth: u32,
    /// The longest text value, in characters (default 100,000).
    pub max_string_chars: u32,
    /// The most entries in any one list or object (default 10,000,000).
    pub max_items: u64,
    /// The most problems listed for one document (default 1,000); the count of the rest is
    /// given.
    pub max_issues: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 512 * 1024 * 1024,
            max_depth: 64,
            max_string_chars: 100_000,
            max_items: 10_000_000,
            max_issues: 1000,
        }
    }
}

/// A per-partner network measure (a column of the network table).
///
/// # Example
/// ```
/// use convener::model::Metric;
/// let m: Metric = serde_json::from_str("\"betweenness\"").unwrap();
/// assert_eq!(m, Metric::Betweenness);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Number of partners connected to.
    Degree,
    /// Ties reported by others about this partner.
    InDegree,
    /// Ties this partner reported.
    OutDegree,
    /// Degree divided by (n − 1).
    DegreeCentrality,
    /// Share of shortest paths passing through the partner (normalized).
    Betweenness,
    /// Closeness (Wasserman–Faust).
    Closeness,
    /// Eigenvector centrality in the largest component.
    Eigenvector,
    /// PageRank on the directed ties.
    Pagerank,
    /// k-core number.
    CoreNumber,
    /// Burt's constraint.
    Constraint,
    /// Burt's effective size.
    EffectiveSize,
    /// Whether removing the partner splits its component.
    ArticulationPoint,
    /// Louvain community.
    Community,
    /// Mean trust others report in the partner.
    Trust,
    /// Mean value others report of the partner.
    Value,
}

impl Metric {
    /// Every measure, in the order of the network table's columns.
    pub const ALL: [Metric; 15] = [
        Metric::Degree,
        Metric::InDegree,
        Metric::OutDegree,
        Metric::DegreeCentrality,
        Metric::Betweenness,
        Metric::Closeness,
        Metric::Eigenvector,
        Metric::Pagerank,
        Metric::CoreNumber,
        Metric::Constraint,
        Metric::EffectiveSize,
        Metric::ArticulationPoint,
        Metric::Community,
        Metric::Trust,
        Metric::Value,
    ];

    /// The measure's name, as in the options and the network table's header.
    ///
    /// # Example
    /// ```
    /// use convener::model::Metric;
    /// assert_eq!(Metric::CoreNumber.as_str(), "core_number");
    /// assert_eq!("betweenness".parse::<Metric>().unwrap(), Metric::Betweenness);
    /// assert!("betweeness".parse::<Metric>().unwrap_err().message.contains("did you mean 'betweenness'"));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Degree => "degree",
            Metric::InDegree => "in_degree",
            Metric::OutDegree => "out_degree",
            Metric::DegreeCentrality => "degree_centrality",
            Metric::Betweenness => "betweenness",
            Metric::Closeness => "closeness",
            Metric::Eigenvector => "eigenvector",
            Metric::Pagerank => "pagerank",
            Metric::CoreNumber => "core_number",
            Metric::Constraint => "constraint",
            Metric::EffectiveSize => "effective_size",
            Metric::ArticulationPoint => "articulation_point",
            Metric::Community => "community",
            Metric::Trust => "trust",
            Metric::Value => "value",
        }
    }
}

impl std::str::FromStr for Metric {
    type Err = super::ValueError;

    /// Reads a measure's name; an unknown name is `value.unknown` with the closest name
    /// suggested.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL.iter().copied().find(|m| m.as_str() == s).ok_or_else(|| super::ValueError {
            code: crate::codes::IssueCode::ValueUnknown,
            message: crate::util::suggest::unknown_value_message("measure", s, Metric::ALL.iter().map(|m| m.as_str())),
        })
    }
}

impl Options {
    /// Reads options from JSON text; see [`load::options_from_json`](crate::load::options_from_json).
    ///
    /// # Example
    /// ```
    /// use convener::Options;
    /// let options = Options::from_json(r#"{"min_level": "cooperate"}"#).unwrap();
    /// assert_eq!(options.min_level, convener::model::Level::Cooperate);
    /// assert_eq!(Options::from_json(r#"{"min_levl": "cooperate"}"#).unwrap_err().code(), "options.invalid");
    /// ```
    pub fn from_json(text: &str) -> Result<Self, crate::error::Error> {
        crate::load::options_from_json(text)
    }
}

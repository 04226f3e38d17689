//! The initiative document (format `convener/1`) as Rust types, and `Options`.
//!
//! Every type derives `Serialize`, `Deserialize` and `JsonSchema`; the committed schema
//! `crates/convener/schema/initiative.schema.json` is generated from them.

mod communication;
mod edit;
mod enums;
mod indicator;
mod initiative;
mod options;
mod partner;
mod plan;
mod survey;
mod time;
mod values;

pub use communication::{Backbone, BackboneFunctions, Channel};
pub use edit::Scenario;
pub use enums::{
    Aggregation, ChannelKind, Condition, Frequency, IndicatorKind, Level, OutcomeLevel, Polarity, Resource, Sector,
    SectorGroup, TieKind, Wellbeing,
};
pub use indicator::{Indicator, Measurement, PeriodValue};
pub use initiative::{Agenda, FormatVersion, Initiative, InitiativeInfo};
pub use options::{Budgets, Limits, Metric, Options, OverBudget};
pub use partner::{Funding, Partner, Tie, Trust, ValueScores};
pub use plan::{Activity, Goal, Outcome};
pub use survey::{Answers, CustomInstrument, FIVE_CONDITIONS_ITEMS, Instrument, Response, Survey, SurveyItem};
pub use time::{Date, Period};
pub(crate) use values::format;
pub use values::{Agreement, Id, NonNegative, Rating, Share, Tag, Text, ValueError};

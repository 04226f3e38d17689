//! Shared indicators and the measurements partners report for them.

use std::num::NonZeroU32;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Aggregation, Frequency, Id, IndicatorKind, NonNegative, Period, Polarity, Text};

/// A shared indicator: what is counted, how often, by whom, and which way is better.
///
/// # Example
/// ```
/// use convener::model::*;
/// let i = Indicator::new(
///     Id::new("school-attendance").unwrap(),
///     Text::new("School attendance").unwrap(),
///     Text::new("%").unwrap(),
///     Polarity::HigherIsBetter,
///     Frequency::Quarterly,
///     Aggregation::Mean,
///     IndicatorKind::BetterOff,
/// );
/// assert!(i.reporters.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The unit of its values: `%`, `families`, `days`.
    pub unit: Text,
    /// Which direction is good.
    pub polarity: Polarity,
    /// How often it is reported: `monthly`, `quarterly` or `annual`.
    pub frequency: Frequency,
    /// How partners' values pool into one series.
    pub aggregation: Aggregation,
    /// Population, how much, how well or better off (Results-Based Accountability).
    pub kind: IndicatorKind,
    /// The outcomes (or goals) it measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Id>,
    /// The partners expected to report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reporters: Vec<Id>,
    /// The declared starting point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PeriodValue>,
    /// The value aimed for, by a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<PeriodValue>,
    /// Run charts: take the centre line from the first `freeze` points only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeze: Option<NonZeroU32>,
    /// Run charts: periods where a new phase starts (a change in the system).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Period>,
}

impl Indicator {
    /// An indicator measuring nothing and reported by nobody yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: Id,
        name: Text,
        unit: Text,
        polarity: Polarity,
        frequency: Frequency,
        aggregation: Aggregation,
        kind: IndicatorKind,
    ) -> Self {
        Indicator {
            id,
            name,
            unit,
            polarity,
            frequency,
            aggregation,
            kind,
            measures: vec![],
            reporters: vec![],
            baseline: None,
            target: None,
            freeze: None,
            phases: vec![],
        }
    }
}

/// A value at a period: a baseline or a target.
///
/// # Example
/// ```
/// use convener::model::PeriodValue;
/// let v = PeriodValue { period: "2024-Q1".parse().unwrap(), value: 87.5 };
/// assert_eq!(v.value, 87.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodValue {
    /// The period.
    pub period: Period,
    /// The value, in the indicator's unit (−0 is read as 0).
    #[serde(deserialize_with = "crate::model::values::plain_number")]
    pub value: f64,
}

/// One value of one indicator, reported by one partner for one period (and, when the
/// indicator is broken down, one group).
///
/// # Example
/// ```
/// use convener::model::{Id, Measurement};
/// let m = Measurement::new(Id::new("attendance").unwrap(), Id::new("school").unwrap(), "2024-Q1".parse().unwrap(), 91.2);
/// assert!(m.group.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The indicator.
    pub indicator: Id,
    /// The partner that reported it.
    pub partner: Id,
    /// The period it covers.
    pub period: Period,
    /// The value, in the indicator's unit (−0 is read as 0).
    #[serde(deserialize_with = "crate::model::values::plain_number")]
    pub value: f64,
    /// For a ratio: the count on top (e.g. families seen within 4 weeks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<NonNegative>,
    /// For a ratio: the count below (e.g. families referred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<NonNegative>,
    /// The breakdown group, e.g. `SIMD quintile 1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Text>,
    /// A note on the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Measurement {
    /// A plain value, ungrouped, without numerator or denominator.
    pub fn new(indicator: Id, partner: Id, period: Period, value: f64) -> Self {
        // −0 is taken as 0, as the loader reads it.
        let value = if value == 0.0 { 0.0 } else { value };
        Measurement { indicator, partner, period, value, numerator: None, denominator: None, group: None, note: None }
    }
}

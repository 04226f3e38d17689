//! The theory of change: goals, outcomes and the activities that serve them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Id, OutcomeLevel, Period, Text, Wellbeing};

/// A long-term goal of the initiative.
///
/// # Example
/// ```
/// use convener::model::{Goal, Id, Text};
/// let g = Goal { id: Id::new("g1").unwrap(), statement: Text::new("Children grow up safe at home").unwrap(), horizon_years: Some(10) };
/// assert_eq!(g.horizon_years, Some(10));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal's id (shared namespace with outcomes).
    pub id: Id,
    /// What the world looks like when the goal is met.
    pub statement: Text,
    /// In how many years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_years: Option<u32>,
}

/// An outcome: a change on the way to a goal.
///
/// # Example
/// ```
/// use convener::model::{Id, Outcome, OutcomeLevel, Text};
/// let o = Outcome::new(Id::new("o1").unwrap(), Text::new("Families ask for help earlier").unwrap(), OutcomeLevel::Short);
/// assert!(o.contributes_to.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The outcome's id (shared namespace with goals).
    pub id: Id,
    /// The change, in a sentence.
    pub statement: Text,
    /// Short, medium or long term.
    pub level: OutcomeLevel,
    /// The period by which it should be seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Period>,
    /// The goals or later outcomes it leads to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributes_to: Vec<Id>,
    /// The SHANARRI wellbeing indicators it touches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wellbeing: Vec<Wellbeing>,
    /// What must hold for the outcome to lead where it should.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<Text>,
}

impl Outcome {
    /// An outcome contributing to nothing yet.
    pub fn new(id: Id, statement: Text, level: OutcomeLevel) -> Self {
        Outcome { id, statement, level, by: None, contributes_to: vec![], wellbeing: vec![], assumptions: vec![] }
    }
}

/// An activity: work led by one partner, with others, towards outcomes.
///
/// # Example
/// ```
/// use convener::model::{Activity, Id, Text};
/// let a = Activity::new(Id::new("a1").unwrap(), Text::new("Family group decision making").unwrap(), Id::new("council").unwrap());
/// assert!(a.outcomes.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The activity's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The partner that leads it.
    pub lead: Id,
    /// Other partners that take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Id>,
    /// The outcomes it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Id>,
    /// Activities that must be in place for this one to work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Id>,
    /// When its funding ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funded_until: Option<Date>,
}

impl Activity {
    /// An activity with a lead and nothing else.
    pub fn new(id: Id, name: Text, lead: Id) -> Self {
        Activity { id, name, lead, partners: vec![], outcomes: vec![], depends_on: vec![], funded_until: None }
    }
}

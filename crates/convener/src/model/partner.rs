//! Partners, their funding, and the ties between them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Frequency, Id, Level, NonNegative, Rating, Resource, Sector, Share, Tag, Text, TieKind};

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_unknown(s: &Sector) -> bool {
    *s == Sector::Unknown
}

/// A partner: an organisation, service or group taking part in the initiative.
///
/// # Example
/// ```
/// use convener::model::{Id, Partner, Sector, Text};
/// let mut p = Partner::new(Id::new("police").unwrap(), Text::new("Police Scotland, North Division").unwrap());
/// p.sector = Sector::PoliceJustice;
/// assert!(p.responded);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Its sector (default `unknown`).
    #[serde(default, skip_serializing_if = "is_unknown")]
    pub sector: Sector,
    /// Whether it answered the network survey (default true). A partner that did not
    /// answer reports no ties, so ties missing from it are not counted as one-sided.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    #[schemars(default = "yes")]
    pub responded: bool,
    /// Whether the partner is led by, or speaks for, people with lived experience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lived_experience: Option<bool>,
    /// The share of its staff that leave in a year, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_turnover: Option<Share>,
    /// Where its money for this work comes from, and when it ends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// What it brings to the partnership.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// Free labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

impl Partner {
    /// A partner with an id and a name, everything else at its default.
    pub fn new(id: Id, name: Text) -> Self {
        Partner {
            id,
            name,
            sector: Sector::Unknown,
            responded: true,
            lived_experience: None,
            staff_turnover: None,
            funding: vec![],
            resources: vec![],
            tags: vec![],
        }
    }
}

/// One source of a partner's funding for this work.
///
/// # Example
/// ```
/// use convener::model::{Funding, Text};
/// let f = Funding { source: Text::new("Lottery").unwrap(), amount: None, ends: Some("2026-03-31".parse().unwrap()) };
/// assert!(f.ends.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Who pays.
    pub source: Text,
    /// How much a year, in the initiative's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<NonNegative>,
    /// When it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<Date>,
}

/// A working relationship as one partner (`from`) reported it about another (`to`).
///
/// # Example
/// ```
/// use convener::model::{Id, Level, Tie};
/// let t = Tie::new(Id::new("a").unwrap(), Id::new("b").unwrap(), Level::Coordinate);
/// assert!(!t.depends);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tie {
    /// The partner that reported the tie.
    pub from: Id,
    /// The partner it reported on.
    pub to: Id,
    /// How closely they work together now.
    pub level: Level,
    /// How closely `from` would like to work with `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_level: Option<Level>,
    /// What flows along the tie.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<TieKind>,
    /// How often they are in contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// How far `from` trusts `to` (PARTNER's three trust items, 1–4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<Trust>,
    /// How much `from` values `to` (PARTNER's three value items, 1–4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueScores>,
    /// Whether `from` cannot deliver its work without `to`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub depends: bool,
}

impl Tie {
    /// A tie at a level, with nothing else reported.
    pub fn new(from: Id, to: Id, level: Level) -> Self {
        Tie {
            from,
            to,
            level,
            desired_level: None,
            kinds: vec![],
            frequency: None,
            trust: None,
            value: None,
            depends: false,
        }
    }

    /// Whether the tie marks a dependency: `depends` is set or it has the kind
    /// `dependency`. The dependency runs from `from` (dependant) to `to` (provider).
    pub fn is_dependency(&self) -> bool {
        self.depends || self.kinds.contains(&TieKind::Dependency)
    }
}

/// PARTNER's trust items, each 1–4: is the partner reliable, committed to the mission,
/// open to discussion?
///
/// # Example
/// ```
/// use convener::model::{Rating, Trust};
/// let r = |v| Rating::new(v).unwrap();
/// let t = Trust { reliability: r(4.0), mission: r(3.0), openness: r(2.0) };
/// assert_eq!(t.score(), 3.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Trust {
    /// Does the partner follow through on commitments?
    pub reliability: Rating,
    /// Is it committed to the partnership's mission?
    pub mission: Rating,
    /// Is it open to discussion and willing to listen?
    pub openness: Rating,
}

impl Trust {
    /// The pair's trust score: the mean of the three items (PARTNER), summed in a fixed order.
    pub fn score(&self) -> f64 {
        (self.reliability.get() + self.mission.get() + self.openness.get()) / 3.0
    }
}

/// PARTNER's value items, each 1–4: the partner's power and influence, its level of
/// involvement, and the resources it contributes.
///
/// # Example
/// ```
/// use convener::model::{Rating, ValueScores};
/// let r = |v| Rating::new(v).unwrap();
/// let v = ValueScores { power: r(3.0), involvement: r(3.0), resources: r(3.0) };
/// assert_eq!(v.score(), 3.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueScores {
    /// Power and influence.
    pub power: Rating,
    /// Level of involvement.
    pub involvement: Rating,
    /// Resources contributed.
    pub resources: Rating,
}

impl ValueScores {
    /// The pair's value score: the mean of the three items (PARTNER).
    pub fn score(&self) -> f64 {
        (self.power.get() + self.involvement.get() + self.resources.get()) / 3.0
    }
}

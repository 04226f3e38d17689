//! Communication channels and the backbone organisation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ChannelKind, Frequency, Id, NonNegative, Rating, Text};

/// A channel partners use to keep in touch.
///
/// # Example
/// ```
/// use convener::model::{Channel, ChannelKind, Frequency, Id, Text};
/// let c = Channel { id: Id::new("board").unwrap(), name: Text::new("Partnership board").unwrap(),
///     kind: ChannelKind::Meeting, frequency: Frequency::Monthly, members: vec![] };
/// assert_eq!(c.frequency, Frequency::Monthly);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// The channel's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Meeting, newsletter, dashboard, learning session, digital or other.
    pub kind: ChannelKind,
    /// How often it meets or goes out.
    pub frequency: Frequency,
    /// The partners it reaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Id>,
}

/// The backbone: the partner that coordinates the initiative, and how well it does the
/// six backbone functions (FSG, Turner et al. 2012), each rated 1–4.
///
/// # Example
/// ```
/// use convener::model::{Backbone, BackboneFunctions, Id, Rating};
/// let r = Rating::new(3.0).unwrap();
/// let b = Backbone { partner: Id::new("council").unwrap(), staff_fte: None, functions: BackboneFunctions {
///     guide_vision_strategy: r, support_aligned_activities: r, establish_shared_measurement: r,
///     build_public_will: r, advance_policy: r, mobilize_funding: r } };
/// assert_eq!(b.functions.mean(), 3.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backbone {
    /// The partner that acts as backbone.
    pub partner: Id,
    /// Its staff for this work, in full-time equivalents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_fte: Option<NonNegative>,
    /// How well it performs each of the six functions, 1–4.
    pub functions: BackboneFunctions,
}

/// The six backbone functions (FSG), each rated 1 (not at all) to 4 (fully).
///
/// # Example
/// ```
/// use convener::model::{BackboneFunctions, Rating};
/// let r = Rating::new(2.0).unwrap();
/// let f = BackboneFunctions { guide_vision_strategy: r, support_aligned_activities: r,
///     establish_shared_measurement: r, build_public_will: r, advance_policy: r, mobilize_funding: r };
/// assert_eq!(f.ratings().len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackboneFunctions {
    /// Guide vision and strategy.
    pub guide_vision_strategy: Rating,
    /// Support aligned activities.
    pub support_aligned_activities: Rating,
    /// Establish shared measurement practices.
    pub establish_shared_measurement: Rating,
    /// Build public will.
    pub build_public_will: Rating,
    /// Advance policy.
    pub advance_policy: Rating,
    /// Mobilize funding.
    pub mobilize_funding: Rating,
}

impl BackboneFunctions {
    /// The six ratings with their names, in the order above.
    pub fn ratings(&self) -> [(&'static str, Rating); 6] {
        [
            ("guide_vision_strategy", self.guide_vision_strategy),
            ("support_aligned_activities", self.support_aligned_activities),
            ("establish_shared_measurement", self.establish_shared_measurement),
            ("build_public_will", self.build_public_will),
            ("advance_policy", self.advance_policy),
            ("mobilize_funding", self.mobilize_funding),
        ]
    }

    /// The mean of the six ratings, summed in the order above.
    pub fn mean(&self) -> f64 {
        self.ratings().iter().map(|(_, r)| r.get()).sum::<f64>() / 6.0
    }
}

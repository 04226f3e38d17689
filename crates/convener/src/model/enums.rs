//! The document's named values: frequencies, collaboration levels, sectors, kinds.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::ValueError;
use crate::codes::IssueCode;

/// Defines an enum written in the document as snake_case names, with its list of names,
/// `as_str`, `Display` and `FromStr` (used by the CSV reader).
macro_rules! named_enum {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal {
            $( $(#[$vdoc:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vdoc])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in the order of the scale or list.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name as written in the document.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The names as written in the document, in order.
            pub fn names() -> impl Iterator<Item = &'static str> + Clone {
                Self::ALL.iter().map(|v| v.as_str())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(ValueError {
                        code: IssueCode::ValueUnknown,
                        message: crate::util::suggest::unknown_value_message(
                            $what, s, Self::names(),
                        ),
                    }),
                }
            }
        }
    };
}

named_enum!(
    /// How often something happens: contact along a tie, a channel's meetings, an
    /// indicator's reporting (indicators use `monthly`, `quarterly` or `annual`).
    ///
    /// # Example
    /// ```
    /// use convener::model::Frequency;
    /// assert!(Frequency::Weekly > Frequency::Monthly);
    /// assert_eq!(Frequency::Quarterly.per_year(), 4.0);
    /// ```
    Frequency, "frequency" {
        /// Not at all.
        Never = "never",
        /// Once a year.
        Annual = "annual",
        /// Once a quarter.
        Quarterly = "quarterly",
        /// Once a month.
        Monthly = "monthly",
        /// Once a week.
        Weekly = "weekly",
        /// Every day.
        Daily = "daily",
    }
);

impl Frequency {
    /// Occurrences in a year: 0, 1, 4, 12, 52 or 365.
    pub fn per_year(self) -> f64 {
        match self {
            Frequency::Never => 0.0,
            Frequency::Annual => 1.0,
            Frequency::Quarterly => 4.0,
            Frequency::Monthly => 12.0,
            Frequency::Weekly => 52.0,
            Frequency::Daily => 365.0,
        }
    }

    /// Whether an indicator may be reported this often (monthly, quarterly or annually:
    /// the periods the document can name).
    pub fn is_reporting(self) -> bool {
        matches!(self, Frequency::Annual | Frequency::Quarterly | Frequency::Monthly)
    }
}

named_enum!(
    /// How closely two partners work together, on the Tamarack collaboration spectrum
    /// (Himmelman's continuum as used by the Tamarack Institute), from competing to
    /// integrating. Levels are ordered.
    ///
    /// # Example
    /// ```
    /// use convener::model::Level;
    /// assert!(Level::Collaborate > Level::Communicate);
    /// assert_eq!(Level::Integrate.rank(), 6);
    /// ```
    Level, "collaboration level" {
        /// Competing for clients, resources or attention.
        Compete = "compete",
        /// Aware of each other, working on their own.
        Coexist = "coexist",
        /// Sharing information.
        Communicate = "communicate",
        /// Helping each other where it suits both.
        Cooperate = "cooperate",
        /// Aligning plans and work.
        Coordinate = "coordinate",
        /// Working jointly on shared goals, sharing resources and risk.
        Collaborate = "collaborate",
        /// Merged structures, budgets or teams.
        Integrate = "integrate",
    }
);

impl Level {
    /// Position on the spectrum, 0 (`compete`) to 6 (`integrate`).
    pub fn rank(self) -> u8 {
        self as u8
    }
}

named_enum!(
    /// The part of society a partner belongs to.
    ///
    /// # Example
    /// ```
    /// use convener::model::{Sector, SectorGroup};
    /// assert_eq!(Sector::Health.group(), SectorGroup::Statutory);
    /// assert_eq!(Sector::FamilyVoice.group(), SectorGroup::Community);
    /// ```
    Sector, "sector" {
        /// Council services such as children's services, social work or housing.
        Statutory = "statutory",
        /// The health board and health services.
        Health = "health",
        /// Schools, colleges, early learning.
        Education = "education",
        /// Police, courts, youth justice.
        PoliceJustice = "police_justice",
        /// Charities and voluntary organisations.
        ThirdSector = "third_sector",
        /// Community groups and residents' associations.
        Community = "community",
        /// Groups of families and young people speaking for themselves.
        FamilyVoice = "family_voice",
        /// Trusts and foundations that fund the work.
        Funder = "funder",
        /// Universities and research bodies.
        Academic = "academic",
        /// Businesses and employers.
        Private = "private",
        /// Any other kind of partner.
        Other = "other",
        /// Not recorded.
        Unknown = "unknown",
    }
);

#[allow(clippy::derivable_impls)] // the enum is made by a macro that derives no Default
impl Default for Sector {
    fn default() -> Self {
        Sector::Unknown
    }
}

named_enum!(
    /// The four sector groups used for gaps and the E-I index: public services, the third
    /// sector, communities and families, and everyone else.
    ///
    /// # Example
    /// ```
    /// use convener::model::SectorGroup;
    /// assert_eq!(SectorGroup::ALL.len(), 4);
    /// ```
    SectorGroup, "sector group" {
        /// statutory, health, education, police_justice.
        Statutory = "statutory",
        /// third_sector.
        ThirdSector = "third_sector",
        /// community, family_voice.
        Community = "community",
        /// funder, academic, private, other, unknown.
        Other = "other",
    }
);

impl Sector {
    /// The sector group (docs/format.md): statutory = {statutory, health, education,
    /// police_justice}; third_sector = {third_sector}; community = {community,
    /// family_voice}; other = the rest.
    pub fn group(self) -> SectorGroup {
        match self {
            Sector::Statutory | Sector::Health | Sector::Education | Sector::PoliceJustice => SectorGroup::Statutory,
            Sector::ThirdSector => SectorGroup::ThirdSector,
            Sector::Community | Sector::FamilyVoice => SectorGroup::Community,
            _ => SectorGroup::Other,
        }
    }
}

named_enum!(
    /// What a partner brings to the partnership (the resource list of the PARTNER tool).
    ///
    /// # Example
    /// ```
    /// use convener::model::Resource;
    /// assert_eq!(Resource::InfoFeedback.as_str(), "info_feedback");
    /// ```
    Resource, "resource" {
        /// Money.
        Funding = "funding",
        /// Rooms, equipment and other in-kind support.
        InKind = "in_kind",
        /// Paid staff time.
        PaidStaff = "paid_staff",
        /// Volunteers.
        Volunteers = "volunteers",
        /// Data.
        Data = "data",
        /// Information and feedback.
        InfoFeedback = "info_feedback",
        /// Specialist expertise.
        Expertise = "expertise",
        /// Connections to communities.
        CommunityConnections = "community_connections",
        /// Fiscal management.
        FiscalManagement = "fiscal_management",
        /// Facilitation and leadership.
        FacilitationLeadership = "facilitation_leadership",
        /// Advocacy.
        Advocacy = "advocacy",
        /// IT and web.
        ItWeb = "it_web",
        /// Anything else.
        Other = "other",
    }
);

named_enum!(
    /// What flows along a tie.
    ///
    /// # Example
    /// ```
    /// use convener::model::TieKind;
    /// assert_eq!(TieKind::JointDelivery.as_str(), "joint_delivery");
    /// ```
    TieKind, "kind of tie" {
        /// Exchanging information.
        Information = "information",
        /// Referring families.
        Referral = "referral",
        /// Sharing data under an agreement.
        DataSharing = "data_sharing",
        /// Delivering a service together.
        JointDelivery = "joint_delivery",
        /// One funds the other.
        Funding = "funding",
        /// Sitting on each other's boards or groups.
        Governance = "governance",
        /// One cannot deliver without the other.
        Dependency = "dependency",
    }
);

named_enum!(
    /// How far off an outcome is: short, medium or long term.
    ///
    /// # Example
    /// ```
    /// use convener::model::OutcomeLevel;
    /// assert!(OutcomeLevel::Short < OutcomeLevel::Long);
    /// ```
    OutcomeLevel, "outcome level" {
        /// Within a year or so: changes in knowledge, access, practice.
        Short = "short",
        /// A few years: changes in behaviour and circumstances.
        Medium = "medium",
        /// Lasting change in families' lives.
        Long = "long",
    }
);

named_enum!(
    /// The eight SHANARRI wellbeing indicators of Getting it right for every child (GIRFEC).
    ///
    /// # Example
    /// ```
    /// use convener::model::Wellbeing;
    /// assert_eq!(Wellbeing::ALL.len(), 8);
    /// ```
    Wellbeing, "wellbeing indicator" {
        /// Safe.
        Safe = "safe",
        /// Healthy.
        Healthy = "healthy",
        /// Achieving.
        Achieving = "achieving",
        /// Nurtured.
        Nurtured = "nurtured",
        /// Active.
        Active = "active",
        /// Respected.
        Respected = "respected",
        /// Responsible.
        Responsible = "responsible",
        /// Included.
        Included = "included",
    }
);

named_enum!(
    /// Which direction of an indicator is good.
    ///
    /// # Example
    /// ```
    /// use convener::model::Polarity;
    /// assert_eq!(Polarity::LowerIsBetter.as_str(), "lower_is_better");
    /// ```
    Polarity, "polarity" {
        /// More is better (attendance, uptake).
        HigherIsBetter = "higher_is_better",
        /// Less is better (exclusions, waiting times).
        LowerIsBetter = "lower_is_better",
    }
);

named_enum!(
    /// How partners' values of one indicator pool into one series.
    ///
    /// # Example
    /// ```
    /// use convener::model::Aggregation;
    /// assert_eq!(Aggregation::Ratio.as_str(), "ratio");
    /// ```
    Aggregation, "aggregation" {
        /// Add the values: the indicator is a count.
        Sum = "sum",
        /// Average the values.
        Mean = "mean",
        /// Σ numerator / Σ denominator.
        Ratio = "ratio",
    }
);

named_enum!(
    /// The kind of indicator, after Results-Based Accountability (Friedman; Clear Impact).
    ///
    /// # Example
    /// ```
    /// use convener::model::IndicatorKind;
    /// assert_eq!(IndicatorKind::BetterOff.as_str(), "better_off");
    /// ```
    IndicatorKind, "indicator kind" {
        /// A condition of wellbeing for a whole population.
        Population = "population",
        /// How much did we do?
        HowMuch = "how_much",
        /// How well did we do it?
        HowWell = "how_well",
        /// Is anyone better off?
        BetterOff = "better_off",
    }
);

named_enum!(
    /// The kind of communication channel.
    ///
    /// # Example
    /// ```
    /// use convener::model::ChannelKind;
    /// assert_eq!(ChannelKind::LearningSession.as_str(), "learning_session");
    /// ```
    ChannelKind, "channel kind" {
        /// A meeting: partnership board, working group.
        Meeting = "meeting",
        /// A newsletter or bulletin.
        Newsletter = "newsletter",
        /// A shared data dashboard.
        Dashboard = "dashboard",
        /// A learning session or community of practice.
        LearningSession = "learning_session",
        /// A digital space: shared workspace, chat, mailing list.
        Digital = "digital",
        /// Anything else.
        Other = "other",
    }
);

named_enum!(
    /// The five conditions of collective impact (Kania & Kramer 2011).
    ///
    /// # Example
    /// ```
    /// use convener::model::Condition;
    /// assert_eq!(Condition::ALL.len(), 5);
    /// assert_eq!(Condition::BackboneSupport.as_str(), "backbone_support");
    /// ```
    Condition, "condition" {
        /// A shared vision for change, a common understanding of the problem and a joint
        /// approach to solving it.
        CommonAgenda = "common_agenda",
        /// Collecting data and measuring results consistently across partners.
        SharedMeasurement = "shared_measurement",
        /// Differentiated activities coordinated through a plan of action.
        MutuallyReinforcingActivities = "mutually_reinforcing_activities",
        /// Consistent and open communication that builds trust.
        ContinuousCommunication = "continuous_communication",
        /// A separate organisation with staff to coordinate the initiative.
        BackboneSupport = "backbone_support",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in Level::ALL {
            assert_eq!(l.as_str().parse::<Level>().unwrap(), *l);
            assert_eq!(serde_json::to_string(l).unwrap(), format!("\"{}\"", l.as_str()));
        }
        assert_eq!("helth".parse::<Sector>().unwrap_err().code, "value.unknown");
        assert!("helth".parse::<Sector>().unwrap_err().message.contains("health"));
    }

    #[test]
    fn level_order() {
        assert!(Level::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Level::Compete.rank(), 0);
    }
}

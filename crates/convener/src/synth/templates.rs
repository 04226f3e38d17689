//! The indicator pool: each indicator's kind, polarity, level and how its values are made.

use crate::model::{Aggregation, IndicatorKind, OutcomeLevel, Polarity, Sector};

/// How an indicator's values are made.
#[derive(Clone, Copy)]
pub(super) enum Model {
    /// A count per reporter and period (aggregation `sum`), around `base`.
    Count { base: f64 },
    /// A level such as a percentage or a wait (aggregation `mean`), noise ± `sd`.
    Level { base: f64, sd: f64, hi: f64 },
    /// A percentage of a denominator (aggregation `ratio`), noise ± `sd` points.
    Rate { pct: f64, sd: f64, den: f64 },
}

impl Model {
    /// How an indicator of this model pools its reporters' values.
    pub(super) fn aggregation(self) -> Aggregation {
        match self {
            Model::Count { .. } => Aggregation::Sum,
            Model::Level { .. } => Aggregation::Mean,
            Model::Rate { .. } => Aggregation::Ratio,
        }
    }
}

/// An indicator of the pool, before it is given reporters and values.
pub(super) struct IndicatorTemplate {
    /// Its id (a suffix is added when it is used twice).
    pub(super) slug: &'static str,
    /// Its name.
    pub(super) name: &'static str,
    /// Its unit.
    pub(super) unit: &'static str,
    /// What kind of indicator it is.
    pub(super) kind: IndicatorKind,
    /// Which direction is better.
    pub(super) polarity: Polarity,
    /// How its values are made (and so its aggregation).
    pub(super) model: Model,
    /// The level of outcome it measures.
    pub(super) measures: OutcomeLevel,
    /// The sectors that hold its data, and so report it.
    pub(super) sectors: &'static [Sector],
}

/// An [`IndicatorTemplate`] in one line of arguments.
macro_rules! template {
    ($slug:literal, $name:literal, $unit:literal, $kind:ident, $pol:ident, $model:expr, $level:ident, [$($s:ident),*]) => {
        IndicatorTemplate {
            slug: $slug,
            name: $name,
            unit: $unit,
            kind: IndicatorKind::$kind,
            polarity: Polarity::$pol,
            model: $model,
            measures: OutcomeLevel::$level,
            sectors: &[$(Sector::$s),*],
        }
    };
}

/// The indicator pool. The first four cover every kind, both polarities and every
/// aggregation.
pub(super) const TEMPLATES: &[IndicatorTemplate] = &[
    template!(
        "child-poverty",
        "Children living in relative poverty",
        "%",
        Population,
        LowerIsBetter,
        Model::Level { base: 24.0, sd: 0.6, hi: 100.0 },
        Long,
        [Statutory]
    ),
    template!(
        "families-supported",
        "Families supported by family support services",
        "families",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 90.0 },
        Short,
        [ThirdSector, Statutory]
    ),
    template!(
        "seen-within-four-weeks",
        "Families seen within four weeks of referral",
        "%",
        HowWell,
        HigherIsBetter,
        Model::Rate { pct: 68.0, sd: 3.0, den: 40.0 },
        Short,
        [ThirdSector, Health, Statutory]
    ),
    template!(
        "wellbeing-improved",
        "Families reporting improved wellbeing at review",
        "%",
        BetterOff,
        HigherIsBetter,
        Model::Rate { pct: 55.0, sd: 3.0, den: 30.0 },
        Medium,
        [ThirdSector, Statutory]
    ),
    template!(
        "school-attendance",
        "School attendance",
        "%",
        BetterOff,
        HigherIsBetter,
        Model::Level { base: 88.5, sd: 0.8, hi: 100.0 },
        Medium,
        [Education]
    ),
    template!(
        "camhs-wait",
        "Weeks waiting for a first CAMHS appointment",
        "weeks",
        HowWell,
        LowerIsBetter,
        Model::Level { base: 18.0, sd: 0.8, hi: 104.0 },
        Short,
        [Health]
    ),
    template!(
        "exclusions",
        "Exclusions from school",
        "exclusions",
        BetterOff,
        LowerIsBetter,
        Model::Count { base: 70.0 },
        Medium,
        [Education]
    ),
    template!(
        "early-help-referrals",
        "Referrals to early help",
        "referrals",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 120.0 },
        Short,
        [Statutory, Health, Education, ThirdSector]
    ),
    template!(
        "re-referrals",
        "Re-referrals within 12 months",
        "%",
        HowWell,
        LowerIsBetter,
        Model::Rate { pct: 22.0, sd: 2.0, den: 40.0 },
        Short,
        [Statutory]
    ),
    template!(
        "child-protection-register",
        "Children on the child protection register",
        "per 10,000 children",
        Population,
        LowerIsBetter,
        Model::Level { base: 32.0, sd: 1.0, hi: 10_000.0 },
        Long,
        [Statutory]
    ),
    template!(
        "temporary-accommodation",
        "Families in temporary accommodation",
        "families",
        Population,
        LowerIsBetter,
        Model::Count { base: 85.0 },
        Long,
        [Statutory, ThirdSector]
    ),
    template!(
        "income-gained",
        "Income gained for families through welfare rights advice",
        "£",
        BetterOff,
        HigherIsBetter,
        Model::Count { base: 42_000.0 },
        Medium,
        [Statutory, ThirdSector]
    ),
    template!(
        "parenting-completions",
        "Parents completing a parenting programme",
        "parents",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 70.0 },
        Short,
        [ThirdSector, Health]
    ),
    template!(
        "parenting-confidence",
        "Parents more confident after a parenting programme",
        "%",
        BetterOff,
        HigherIsBetter,
        Model::Rate { pct: 72.0, sd: 3.0, den: 20.0 },
        Medium,
        [ThirdSector, Health]
    ),
    template!(
        "positive-destinations",
        "School leavers in a positive destination",
        "%",
        Population,
        HigherIsBetter,
        Model::Level { base: 91.0, sd: 0.6, hi: 100.0 },
        Long,
        [Education, Statutory]
    ),
    template!(
        "developmental-milestones",
        "Children with no concerns at the 27–30 month review",
        "%",
        Population,
        HigherIsBetter,
        Model::Level { base: 82.0, sd: 1.0, hi: 100.0 },
        Long,
        [Health]
    ),
    template!(
        "plans-reviewed",
        "Child's plans reviewed on time",
        "%",
        HowWell,
        HigherIsBetter,
        Model::Rate { pct: 78.0, sd: 3.0, den: 30.0 },
        Short,
        [Statutory, Education]
    ),
    template!(
        "volunteer-hours",
        "Volunteer hours given to families",
        "hours",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 400.0 },
        Short,
        [ThirdSector, Community]
    ),
    template!(
        "felt-listened-to",
        "Families who felt listened to",
        "%",
        HowWell,
        HigherIsBetter,
        Model::Rate { pct: 81.0, sd: 3.0, den: 20.0 },
        Short,
        [ThirdSector, FamilyVoice, Community]
    ),
    template!(
        "emergency-food",
        "Families needing emergency food",
        "families",
        Population,
        LowerIsBetter,
        Model::Count { base: 150.0 },
        Long,
        [ThirdSector, Community]
    ),
    template!(
        "domestic-abuse-incidents",
        "Domestic abuse incidents with children present",
        "incidents",
        Population,
        LowerIsBetter,
        Model::Count { base: 60.0 },
        Long,
        [PoliceJustice, Statutory]
    ),
    template!(
        "offence-referrals",
        "Young people referred to the Children's Reporter on offence grounds",
        "referrals",
        BetterOff,
        LowerIsBetter,
        Model::Count { base: 50.0 },
        Medium,
        [PoliceJustice]
    ),
    template!(
        "looked-after",
        "Children looked after away from home",
        "per 10,000 children",
        Population,
        LowerIsBetter,
        Model::Level { base: 140.0, sd: 2.0, hi: 10_000.0 },
        Long,
        [Statutory]
    ),
    template!(
        "lead-professional",
        "Families with a named lead professional",
        "%",
        HowWell,
        HigherIsBetter,
        Model::Rate { pct: 64.0, sd: 3.0, den: 30.0 },
        Short,
        [Statutory, Health, Education]
    ),
    template!(
        "trauma-training",
        "Staff trained in trauma-informed practice",
        "staff",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 40.0 },
        Short,
        [Statutory, Health, Education, ThirdSector]
    ),
    template!(
        "kinship-support",
        "Kinship carers receiving support",
        "carers",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 50.0 },
        Short,
        [ThirdSector, FamilyVoice]
    ),
    template!(
        "attendance-improved",
        "Children whose attendance improved after support",
        "%",
        BetterOff,
        HigherIsBetter,
        Model::Rate { pct: 58.0, sd: 3.0, den: 25.0 },
        Medium,
        [Education, ThirdSector]
    ),
    template!(
        "days-to-first-contact",
        "Days from referral to first contact",
        "days",
        HowWell,
        LowerIsBetter,
        Model::Level { base: 16.0, sd: 0.8, hi: 365.0 },
        Short,
        [ThirdSector, Statutory, Health]
    ),
    template!(
        "tenancies-sustained",
        "Tenancies sustained for 12 months",
        "%",
        BetterOff,
        HigherIsBetter,
        Model::Rate { pct: 86.0, sd: 2.0, den: 30.0 },
        Medium,
        [Statutory, ThirdSector]
    ),
    template!(
        "counsellor-contacts",
        "Young people seen by a school counsellor",
        "young people",
        HowMuch,
        HigherIsBetter,
        Model::Count { base: 60.0 },
        Short,
        [Education, Health, ThirdSector]
    ),
];

/// The groups of an indicator broken down by deprivation (most deprived first).
pub(super) const SIMD: &[&str] =
    &["SIMD quintile 1", "SIMD quintile 2", "SIMD quintile 3", "SIMD quintile 4", "SIMD quintile 5"];
/// The groups of an indicator broken down by age (youngest first).
pub(super) const AGES: &[&str] = &["Under 5", "5 to 11", "12 to 15", "16 and over"];

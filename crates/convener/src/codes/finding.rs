//! The finding codes, each declared once with its severity, condition, when it is given and its next step.

use crate::findings::Severity;
use crate::model::Condition;

/// A next step a finding gives instead of its usual one, in one named case.
///
/// # Example
/// ```
/// use convener::codes::FindingCode;
/// let case = FindingCode::MeasureRunChartSignal.next_step_case().unwrap();
/// assert_eq!(case.when, "the series is worsening");
/// assert!(FindingCode::AgendaMissing.next_step_case().is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStepCase {
    /// When this next step is given instead of the usual one.
    pub when: &'static str,
    /// The next step in that case.
    pub next_step: &'static str,
}

/// Declares the finding table: the code enum (a variant per row, with its dotted text,
/// severity, condition, description and next step) and the area enum. One row is
/// `Variant = "dotted.text", severity, condition, when: "…", next: "…";`, the condition
/// being a [`Condition`] variant, `none`, or `surveyed` (the condition the survey question
/// is about, set by the finding); a row may end `case: "when" => "next step"` for a next
/// step that differs in one case.
macro_rules! finding_table {
    (@condition none) => { None };
    (@condition surveyed) => { None };
    (@condition $c:ident) => { Some(Condition::$c) };
    (@surveyed surveyed) => { true };
    (@surveyed $c:ident) => { false };
    (@case) => { None };
    (@case $when:literal => $next:literal) => { Some(NextStepCase { when: $when, next_step: $next }) };
    (
        $(
            $area:ident $title:literal {
                $(
                    $variant:ident = $text:literal, $severity:ident, $condition:ident,
                    when: $when:literal,
                    next: $next:literal
                    $(, case: $case_when:literal => $case_next:literal)?
                    ;
                )+
            }
        )+
    ) => {
        /// The code of a [`crate::findings::Finding`], with its severity, the condition it
        /// bears on and its next step.
        ///
        /// Written as its dotted text in JSON, by `Display` and when compared with text;
        /// the table in `crates/convener/src/codes/finding.rs` is the one list of them, and
        /// `docs/codes.md` is generated from it. The thresholds are in the rules of
        /// [`crate::findings`], each with its source.
        ///
        /// # Example
        /// ```
        /// use convener::codes::FindingCode;
        /// use convener::findings::Severity;
        /// use convener::model::Condition;
        /// let code = FindingCode::BackboneMissing;
        /// assert_eq!(code, "backbone.missing");
        /// assert_eq!(code.severity(), Severity::Risk);
        /// assert_eq!(code.condition(), Some(Condition::BackboneSupport));
        /// assert!(code.next_step().starts_with("Agree who hosts the backbone"));
        /// assert_eq!(FindingCode::parse("backbone.missing"), Some(code));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum FindingCode {
            $( $( #[doc = $when] $variant, )+ )+
        }

        /// The areas of the finding table, one section each in `docs/codes.md`.
        ///
        /// # Example
        /// ```
        /// use convener::codes::{FindingArea, FindingCode};
        /// assert_eq!(FindingArea::Backbone.title(), "Backbone");
        /// assert!(FindingArea::Backbone.codes().any(|c| c == FindingCode::BackboneMissing));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum FindingArea {
            $( #[doc = $title] $area, )+
        }

        impl FindingCode {
            /// Every code, area by area, in the order of the table.
            pub const ALL: &'static [FindingCode] = &[$( $( FindingCode::$variant, )+ )+];

            /// The code as convener writes it: dotted text.
            ///
            /// # Example
            /// ```
            /// assert_eq!(convener::codes::FindingCode::NetworkIsolatedPartner.as_str(), "network.isolated_partner");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $( FindingCode::$variant => $text, )+ )+
                }
            }

            /// How much a finding with this code matters.
            ///
            /// # Example
            /// ```
            /// use convener::{codes::FindingCode, findings::Severity};
            /// assert_eq!(FindingCode::PlanFundingCliff.severity(), Severity::Risk);
            /// ```
            pub const fn severity(self) -> Severity {
                match self {
                    $( $( FindingCode::$variant => Severity::$severity, )+ )+
                }
            }

            /// The condition a finding with this code bears on; `None` for the findings on
            /// what a size budget left out, and for the survey findings, whose condition
            /// is the one surveyed (see [`FindingCode::condition_is_surveyed`]).
            ///
            /// # Example
            /// ```
            /// use convener::{codes::FindingCode, model::Condition};
            /// assert_eq!(FindingCode::CommunicationNoChannels.condition(), Some(Condition::ContinuousCommunication));
            /// assert_eq!(FindingCode::NetworkMeasuresSampled.condition(), None);
            /// ```
            pub const fn condition(self) -> Option<Condition> {
                match self {
                    $( $( FindingCode::$variant => finding_table!(@condition $condition), )+ )+
                }
            }

            /// Whether each finding with this code carries the condition its survey
            /// question is about, rather than [`FindingCode::condition`].
            ///
            /// # Example
            /// ```
            /// use convener::codes::FindingCode;
            /// assert!(FindingCode::SurveyConcern.condition_is_surveyed());
            /// assert!(!FindingCode::SurveyFactorConcern.condition_is_surveyed());
            /// ```
            pub const fn condition_is_surveyed(self) -> bool {
                match self {
                    $( $( FindingCode::$variant => finding_table!(@surveyed $condition), )+ )+
                }
            }

            /// When convener gives this finding, in a sentence.
            ///
            /// # Example
            /// ```
            /// use convener::codes::FindingCode;
            /// assert!(FindingCode::AgendaMissing.description().contains("no common agenda"));
            /// ```
            pub const fn description(self) -> &'static str {
                match self {
                    $( $( FindingCode::$variant => $when, )+ )+
                }
            }

            /// What to do next, in the language of the field (the usual next step, when
            /// [`FindingCode::next_step_case`] names another for one case).
            ///
            /// # Example
            /// ```
            /// use convener::codes::FindingCode;
            /// assert!(FindingCode::MeasureNoIndicators.next_step().starts_with("Agree a short list of indicators"));
            /// ```
            pub const fn next_step(self) -> &'static str {
                match self {
                    $( $( FindingCode::$variant => $next, )+ )+
                }
            }

            /// The next step given instead of [`FindingCode::next_step`] in one case, for
            /// the codes that have one.
            ///
            /// # Example
            /// ```
            /// use convener::codes::FindingCode;
            /// assert!(FindingCode::ALL.iter().filter(|c| c.next_step_case().is_some()).count() == 1);
            /// ```
            pub const fn next_step_case(self) -> Option<NextStepCase> {
                match self {
                    $( $( FindingCode::$variant => finding_table!(@case $($case_when => $case_next)?), )+ )+
                }
            }

            /// The area of the table the code is listed in.
            ///
            /// # Example
            /// ```
            /// use convener::codes::{FindingArea, FindingCode};
            /// assert_eq!(FindingCode::SurveyConcern.area(), FindingArea::Survey);
            /// ```
            pub const fn area(self) -> FindingArea {
                match self {
                    $( $( FindingCode::$variant => FindingArea::$area, )+ )+
                }
            }

            /// The code with this dotted text, if there is one.
            ///
            /// # Example
            /// ```
            /// use convener::codes::FindingCode;
            /// assert_eq!(FindingCode::parse("survey.concern"), Some(FindingCode::SurveyConcern));
            /// assert_eq!(FindingCode::parse("survey.concerns"), None);
            /// ```
            pub fn parse(text: &str) -> Option<FindingCode> {
                match text {
                    $( $( $text => Some(FindingCode::$variant), )+ )+
                    _ => None,
                }
            }
        }

        impl FindingArea {
            /// Every area, in the order of the table.
            pub const ALL: &'static [FindingArea] = &[$( FindingArea::$area, )+];

            /// The area's heading in `docs/codes.md`.
            ///
            /// # Example
            /// ```
            /// assert_eq!(convener::codes::FindingArea::Survey.title(), "Surveys");
            /// ```
            pub const fn title(self) -> &'static str {
                match self {
                    $( FindingArea::$area => $title, )+
                }
            }

            /// The codes of this area, in the order of the table.
            ///
            /// # Example
            /// ```
            /// use convener::codes::{FindingArea, FindingCode};
            /// let survey: Vec<FindingCode> = FindingArea::Survey.codes().collect();
            /// assert_eq!(survey.first(), Some(&FindingCode::SurveyPerceptionGap));
            /// ```
            pub fn codes(self) -> impl Iterator<Item = FindingCode> {
                FindingCode::ALL.iter().copied().filter(move |c| c.area() == self)
            }
        }

        super::dotted_text!(FindingCode);
    };
}

finding_table! {
    Agenda "Common agenda and the theory of change" {
        AgendaMissing = "agenda.missing", Risk, CommonAgenda,
            when: "There is no common agenda.",
            next: "Convene partners, families included, to agree the problem and a shared vision, and record who endorses it.";
        AgendaNotEndorsed = "agenda.not_endorsed", Warning, CommonAgenda,
            when: "There is an agenda and at least one partner has not endorsed it (one finding naming them; evidence: the share endorsed).",
            next: "Talk with each of them about what stops them signing up; adjust the agenda or their role.";
        AgendaFamilyVoiceAbsent = "agenda.family_voice_absent", Warning, CommonAgenda,
            when: "There are partners, and none has the sector `family_voice` or `lived_experience: true`.",
            next: "Invite a family-voice group or people with lived experience into the partnership, with support to take part.";
        PlanCycle = "plan.cycle", Warning, CommonAgenda,
            when: "Outcomes lead to each other in a circle (one finding per circle).",
            next: "Redraw the theory of change so that each outcome leads on towards a goal.";
        PlanGoalUnreached = "plan.goal_unreached", Warning, CommonAgenda,
            when: "At least one goal has no outcome leading to it (one finding).",
            next: "Name the outcomes that would show progress towards each goal.";
    }

    Measurement "Shared measurement" {
        MeasureNoIndicators = "measure.no_indicators", Risk, SharedMeasurement,
            when: "There are no indicators.",
            next: "Agree a short list of indicators for the outcomes that matter most, who reports them and how often.";
        PlanOutcomeUnmeasured = "plan.outcome_unmeasured", Info, SharedMeasurement,
            when: "At least one outcome has no indicator measuring it (one finding).",
            next: "Choose an indicator for each, or agree that it will be judged another way.";
        MeasureIndicatorNotReported = "measure.indicator_not_reported", Warning, SharedMeasurement,
            when: "An indicator has no measurement up to its analysis period (one finding per indicator).",
            next: "Check with the reporters whether the data exists and who will send it.";
        MeasureSilentReporter = "measure.silent_reporter", Warning, SharedMeasurement,
            when: "An indicator has measurements, and a listed reporter has never reported it (one finding per indicator).",
            next: "Ask them what gets in the way: access to data, a sharing agreement, or time.";
        MeasureLateReporter = "measure.late_reporter", Info, SharedMeasurement,
            when: "Reporters of an indicator, not silent, are 2 or more periods behind (one finding per indicator; evidence: the most periods behind).",
            next: "Agree a reporting date each period and a reminder from the backbone.";
        MeasureCountingClash = "measure.counting_clash", Warning, SharedMeasurement,
            when: "Partners count an indicator on different scales (one finding per clash).",
            next: "Agree one definition and unit for the indicator and how to count it.";
        MeasureRunChartSignal = "measure.run_chart_signal", Info, SharedMeasurement,
            when: "The latest phase of a pooled series shows a run-chart signal: a run, a shift or a trend (the message says improving, worsening or changing).",
            next: "Find out what caused the change and whether it can be held and spread; mark it as a new phase.",
            case: "the series is worsening" => "Look at what changed when the signal began, with the partners who deliver the work.";
        MeasureTargetMissed = "measure.target_missed", Warning, SharedMeasurement,
            when: "A pooled series is short of its target after the target's period, and the indicator has no counting clash (evidence: the percent of target).",
            next: "Hold a turn-the-curve conversation: the story behind the baseline, partners with a role, what works.";
    }

    Activities "Activities, funding and dependencies" {
        PlanOutcomeUnserved = "plan.outcome_unserved", Info, MutuallyReinforcingActivities,
            when: "At least one outcome has no activity serving it (one finding).",
            next: "Check whether earlier outcomes lead to these; if not, agree who will act on them.";
        PlanUncoordinatedEffort = "plan.uncoordinated_effort", Warning, MutuallyReinforcingActivities,
            when: "Two activities serve the same outcome and their teams do not coordinate (one finding per pair).",
            next: "Bring the two teams together to align their plans for this outcome.";
        PlanFundingCliff = "plan.funding_cliff", Risk, MutuallyReinforcingActivities,
            when: "Funding ends before the work it pays for is due, before the work it depends on, or for a partner who leads an activity (one finding per risk).",
            next: "Plan the funding beyond the cliff now, with the funder and the partners who rely on it.";
        NetworkManyDependOn = "network.many_depend_on", Risk, MutuallyReinforcingActivities,
            when: "A partner has ⌊max(0.1 × n, 3)⌋ or more partners depending on it, directly or down a chain, n being the number of partners (evidence: direct and transitive dependants).",
            next: "Agree a plan for continuity if it withdrew, and spread what it provides across more than one partner.";
        NetworkDependencyCycle = "network.dependency_cycle", Warning, MutuallyReinforcingActivities,
            when: "Partners depend on each other in a circle (one finding per circle).",
            next: "Check the circle is intended; if one pulls out, all are hit.";
    }

    Communication "Communication" {
        CommunicationNoChannels = "communication.no_channels", Risk, ContinuousCommunication,
            when: "There are no communication channels.",
            next: "Set a rhythm: a regular partnership meeting and a short update all partners receive.";
    }

    Network "The partner network" {
        NetworkIsolatedPartner = "network.isolated_partner", Warning, ContinuousCommunication,
            when: "There is more than one partner, and at least one has no working connection (one finding).",
            next: "Pair each with a well-connected partner, or bring them into a working group.";
        NetworkSinglePointOfFailure = "network.single_point_of_failure", Risk, ContinuousCommunication,
            when: "A partner is the only link between parts of the network (one finding per articulation point; evidence: pairs disconnected, betweenness).",
            next: "Build direct ties between the partners it connects, so the network does not hang on one organisation.";
        NetworkSectorSilo = "network.sector_silo", Warning, ContinuousCommunication,
            when: "A sector group other than `other` has 3 or more partners and an E-I index of −0.5 or less (evidence: the index, internal and external connections).",
            next: "Create joint work across sectors: shared cases, joint training, a cross-sector working group.";
        NetworkLowTrustPair = "network.low_trust_pair", Warning, ContinuousCommunication,
            when: "At least one tie has a trust pair score of 2 or less of 4 (one finding; evidence: the low-trust ties).",
            next: "Open a conversation about reliability and openness between these partners, with a neutral facilitator.";
        NetworkOneSidedTie = "network.one_sided_tie", Info, ContinuousCommunication,
            when: "At least one pair see their relationship differently (one finding; evidence: the pairs).",
            next: "Discuss these relationships in the next network review: differing views are a starting point, not a fault.";
        NetworkMeasuresSampled = "network.measures_sampled", Info, none,
            when: "Betweenness was estimated from a sample, over `budgets.exact_betweenness_max_partners` (evidence: partners, budget, sources, error bound and probability).",
            next: "Read betweenness as an estimate; for exact values (and closeness and the diameter) raise budgets.exact_betweenness_max_partners, or for a tighter estimate raise budgets.sample_sources.";
        NetworkMeasuresSkipped = "network.measures_skipped", Info, none,
            when: "Betweenness, closeness and the diameter were skipped, over `budgets.exact_betweenness_max_partners` (evidence: partners, budget).",
            next: "Raise budgets.exact_betweenness_max_partners to compute them exactly, or set budgets.over_budget to \"sample\" to estimate betweenness with a stated error bound.";
        NetworkKeyPlayersSkipped = "network.key_players_skipped", Info, none,
            when: "Key players were not ranked, over `budgets.key_players_max_partners` (evidence: partners, budget).",
            next: "Raise budgets.key_players_max_partners to rank them, or ask about particular partners with a what-if.";
    }

    Survey "Surveys" {
        SurveyPerceptionGap = "survey.perception_gap", Warning, surveyed,
            when: "Sector groups' mean views of a condition differ by 1 point or more on the 1–5 scale.",
            next: "Hear from the group that rates it lowest: a gap between sectors can mean power is not shared.";
        SurveyConcern = "survey.concern", Warning, surveyed,
            when: "Partners' mean view of a condition is in the Wilder `concern` band (under 3.0).",
            next: "Discuss the result with partners and agree one change to try before the next survey.";
        SurveyFactorConcern = "survey.factor_concern", Warning, none,
            when: "Partners' mean view of a factor of a custom survey is in the Wilder `concern` band (under 3.0).",
            next: "Discuss the factor with partners and agree one change to try before the next survey.";
        SurveyFactorGap = "survey.factor_gap", Warning, none,
            when: "Sector groups' mean views of a factor of a custom survey differ by 1 point or more on the 1–5 scale.",
            next: "Hear from the group that rates it lowest: a gap between sectors can mean power is not shared.";
    }

    Backbone "Backbone" {
        BackboneMissing = "backbone.missing", Risk, BackboneSupport,
            when: "No backbone organisation is named.",
            next: "Agree who hosts the backbone and fund dedicated staff to coordinate, convene and manage data.";
        BackboneOverload = "backbone.overload", Warning, BackboneSupport,
            when: "The backbone's recorded staff is none or more than 15 partners per full-time post, or it leads more than 30% of the activities (evidence: partners per post, activities led).",
            next: "Hand delivery back to partners and keep the backbone to coordinating; seek funding for its core staff.";
        BackboneWeakFunction = "backbone.weak_function", Info, BackboneSupport,
            when: "At least one of the backbone's six functions is rated 1.5 or less of 4.",
            next: "Decide whether the backbone should take these on, or which partner can.";
    }
}

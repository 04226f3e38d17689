//! Findings from partners' survey answers: sector-group gaps and concerns, by condition and factor.

use super::{Out, Sources};
use crate::codes::FindingCode;
use crate::survey::WilderBand;

/// The gap between the highest and the lowest sector-group mean, in points of the 1–5
/// scale, from which sectors see a condition or factor differently (`survey.perception_gap`,
/// `survey.factor_gap`). convener's convention (docs/scoring.md): a whole point of
/// agreement apart, a sign that power may not be shared (Collective Impact Forum 2018,
/// equity). The low means are Wilder's `concern` band (Mattessich & Johnson 2018).
pub(super) const GAP_POINTS: f64 = 1.0;

/// For each condition surveyed: `survey.perception_gap`, then `survey.concern`, each
/// carrying that condition.
pub(super) fn conditions(s: &Sources, out: &mut Out) {
    for c in s.conditions.all() {
        let Some(p) = &c.perception else { continue };
        if let Some(gap) = p.group_gap.filter(|g| *g >= GAP_POINTS) {
            out.add(
                FindingCode::SurveyPerceptionGap,
                format!("On {}, sector groups differ by {gap:.1} points on the 1–5 scale.", c.name.to_lowercase()),
                vec![],
                &[("gap", gap)],
            )
            .condition = Some(c.condition);
        }
        if p.band == Some(WilderBand::Concern) {
            out.add(
                FindingCode::SurveyConcern,
                format!("Partners rate {} low: a mean of {:.1} of 5.", c.name.to_lowercase(), p.mean.unwrap_or(0.0)),
                vec![],
                &[("mean", p.mean.unwrap_or(0.0))],
            )
            .condition = Some(c.condition);
        }
    }
}

/// For each factor of a custom survey: `survey.factor_concern`, then `survey.factor_gap`.
pub(super) fn factors(s: &Sources, out: &mut Out) {
    for f in &s.conditions.factors {
        let p = &f.perception;
        if p.band == Some(WilderBand::Concern) {
            out.add(
                FindingCode::SurveyFactorConcern,
                format!("Partners rate the factor '{}' low: a mean of {:.1} of 5.", f.factor, p.mean.unwrap_or(0.0)),
                vec![],
                &[("mean", p.mean.unwrap_or(0.0))],
            );
        }
        if let Some(gap) = p.group_gap.filter(|g| *g >= GAP_POINTS) {
            out.add(
                FindingCode::SurveyFactorGap,
                format!("On the factor '{}', sector groups differ by {gap:.1} points on the 1–5 scale.", f.factor),
                vec![],
                &[("gap", gap)],
            );
        }
    }
}

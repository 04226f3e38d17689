//! Findings on the common agenda and the theory of change.

use super::{Out, Sources, joined, names};
use crate::codes::FindingCode;
use crate::model::{Id, Sector};

/// `agenda.missing`, or `agenda.not_endorsed` naming the partners who have not endorsed it.
pub(super) fn agenda(s: &Sources, out: &mut Out) {
    let doc = s.doc;
    let n = doc.partners.len();
    let Some(a) = &doc.agenda else {
        out.add(
            FindingCode::AgendaMissing,
            "There is no common agenda: partners have not written down a shared vision.".into(),
            vec![],
            &[],
        );
        return;
    };
    let missing: Vec<Id> =
        doc.partners.iter().filter(|p| !a.endorsed_by.contains(&p.id)).map(|p| p.id.clone()).collect();
    if !missing.is_empty() && n > 0 {
        out.add(
            FindingCode::AgendaNotEndorsed,
            format!(
                "{} of {n} partners {} not endorsed the agenda: {}.",
                missing.len(),
                if missing.len() == 1 { "has" } else { "have" },
                names(doc, &missing)
            ),
            missing.clone(),
            &[("endorsed_share", (n - missing.len()) as f64 / n as f64)],
        );
    }
}

/// `agenda.family_voice_absent`: no partner speaks for families or brings lived experience.
pub(super) fn family_voice(s: &Sources, out: &mut Out) {
    let doc = s.doc;
    let voice = doc.partners.iter().any(|p| p.sector == Sector::FamilyVoice || p.lived_experience == Some(true));
    if !voice && !doc.partners.is_empty() {
        out.add(
            FindingCode::AgendaFamilyVoiceAbsent,
            "No partner speaks for families or brings lived experience.".into(),
            vec![],
            &[],
        );
    }
}

/// `plan.cycle` for each circle of outcomes, then `plan.goal_unreached`.
pub(super) fn theory_of_change(s: &Sources, out: &mut Out) {
    for cycle in &s.plan.cycles {
        out.add(
            FindingCode::PlanCycle,
            format!("Outcomes lead to each other in a circle: {}.", joined(cycle, " → ")),
            cycle.clone(),
            &[],
        );
    }
    if !s.plan.unreached_goals.is_empty() {
        out.add(
            FindingCode::PlanGoalUnreached,
            format!("No outcome leads to these goals: {}.", joined(&s.plan.unreached_goals, ", ")),
            s.plan.unreached_goals.clone(),
            &[],
        );
    }
}

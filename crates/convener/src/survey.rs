//! Perception surveys: what partners think of each condition — mean, agreement, the gap
//! between sector groups, and Wilder bands — never shown for fewer than 3 respondents.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Condition, Date, Id, Initiative, Instrument, SectorGroup, Survey, Text};

/// The fewest respondents a score is shown for (privacy: fewer could identify people).
pub const MIN_RESPONDENTS: usize = 3;

/// The Wilder Collaboration Factors Inventory bands for a mean on the 1–5 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WilderBand {
    /// 4.0 or more: a strength.
    Strength,
    /// 3.0 to under 4.0: borderline, worth discussing.
    Borderline,
    /// Under 3.0: a concern to address.
    Concern,
}

impl WilderBand {
    /// The band of `mean` (Mattessich & Johnson, Wilder Research 2018).
    ///
    /// # Example
    /// ```
    /// use convener::survey::WilderBand;
    /// assert_eq!(WilderBand::of(4.0), WilderBand::Strength);
    /// assert_eq!(WilderBand::of(2.99), WilderBand::Concern);
    /// ```
    pub fn of(mean: f64) -> Self {
        if mean >= 4.0 {
            WilderBand::Strength
        } else if mean >= 3.0 {
            WilderBand::Borderline
        } else {
            WilderBand::Concern
        }
    }
}

/// One sector group's view.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GroupView {
    /// The sector group.
    pub group: SectorGroup,
    /// Respondents in it.
    pub respondents: u64,
    /// Their mean, when at least 3 answered.
    pub mean: Option<f64>,
}

/// What respondents think of one condition (or one factor of a custom survey).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Perception {
    /// The survey.
    pub survey: Id,
    /// When it closed.
    pub date: Date,
    /// Respondents who answered at least one item of it.
    pub respondents: u64,
    /// Items asked.
    pub items: u64,
    /// Mean of respondents' means, 1–5 (hidden under 3 respondents).
    pub mean: Option<f64>,
    /// Sample standard deviation of respondents' means.
    pub sd: Option<f64>,
    /// Share of respondents within one point of the median respondent: agreement.
    pub agreement: Option<f64>,
    /// The Wilder band of the mean.
    pub band: Option<WilderBand>,
    /// Each sector group's mean (hidden under 3 respondents in the group).
    pub groups: Vec<GroupView>,
    /// Highest minus lowest group mean among groups shown: a sign of power imbalance when
    /// large.
    pub group_gap: Option<f64>,
}

/// The perception of a custom survey's factor (e.g. a Wilder factor).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FactorPerception {
    /// The factor.
    pub factor: Text,
    /// What respondents think of it.
    #[serde(flatten)]
    pub perception: Perception,
}

fn sd(values: &[f64]) -> Option<f64> {
    let n = values.len();
    if n < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1) as f64;
    Some(libm::sqrt(var))
}

/// The perception of the items of `survey` for which `include` holds, from each
/// respondent's mean over those items.
///
/// mean = Σ respondent means / respondents; sd = sample standard deviation of the
/// respondent means; agreement = share of respondents whose mean is within 1 of the
/// median respondent's; group means only for groups of 3 or more; gap = highest − lowest
/// group mean shown. Nothing is shown for fewer than 3 respondents.
pub fn perceive(doc: &Initiative, survey: &Survey, include: impl Fn(&crate::model::SurveyItem) -> bool) -> Perception {
    let items: Vec<Id> = survey.instrument.items().iter().filter(|i| include(i)).map(|i| i.id.clone()).collect();
    let sector: BTreeMap<&str, SectorGroup> = doc.partners.iter().map(|p| (p.id.as_str(), p.sector.group())).collect();
    let mut per_respondent: Vec<(SectorGroup, f64)> = Vec::new();
    for r in &survey.responses {
        let answers: Vec<f64> =
            items.iter().filter_map(|i| r.answers.get(i.as_str())).map(|a| a.get() as f64).collect();
        if answers.is_empty() {
            continue;
        }
        let mean = answers.iter().sum::<f64>() / answers.len() as f64;
        let group = sector.get(r.respondent.as_str()).copied().unwrap_or(SectorGroup::Other);
        per_respondent.push((group, mean));
    }
    let n = per_respondent.len();
    let values: Vec<f64> = per_respondent.iter().map(|r| r.1).collect();
    let shown = n >= MIN_RESPONDENTS;
    let mean = shown.then(|| values.iter().sum::<f64>() / n as f64);
    let med = crate::measure::runchart::median(&values);
    let agreement = if shown {
        med.map(|m| values.iter().filter(|v| (*v - m).abs() <= 1.0).count() as f64 / n as f64)
    } else {
        None
    };
    let groups: Vec<GroupView> = SectorGroup::ALL
        .iter()
        .map(|g| {
            let vals: Vec<f64> = per_respondent.iter().filter(|r| r.0 == *g).map(|r| r.1).collect();
            GroupView {
                group: *g,
                respondents: vals.len() as u64,
                mean: (vals.len() >= MIN_RESPONDENTS).then(|| vals.iter().sum::<f64>() / vals.len() as f64),
            }
        })
        .collect();
    // Complementary suppression: with exactly one group hidden, its mean could be worked
    // out from the overall mean and the others; hide the smallest shown group as well.
    let mut groups = groups;
    let hidden_groups = groups.iter().filter(|g| g.respondents > 0 && g.mean.is_none()).count();
    if hidden_groups == 1 && mean.is_some() {
        if let Some(smallest) = groups.iter_mut().filter(|g| g.mean.is_some()).min_by_key(|g| g.respondents) {
            smallest.mean = None;
        }
    }
    let shown_means: Vec<f64> = groups.iter().filter_map(|g| g.mean).collect();
    let group_gap = (shown_means.len() >= 2).then(|| {
        shown_means.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            - shown_means.iter().copied().fold(f64::INFINITY, f64::min)
    });
    Perception {
        survey: survey.id.clone(),
        date: survey.date,
        respondents: n as u64,
        items: items.len() as u64,
        mean,
        sd: if shown { sd(&values) } else { None },
        agreement,
        band: mean.map(WilderBand::of),
        groups,
        group_gap,
    }
}

/// The survey that speaks for the partnership now about what `include` picks: the latest
/// asking about it whose date is on or before
/// the analysis period's last day (the latest of all when there is no analysis period);
/// of two on the same date, the later in the document.
pub fn current(
    doc: &Initiative,
    as_of: Option<crate::model::Period>,
    include: impl Fn(&crate::model::SurveyItem) -> bool,
) -> Option<&Survey> {
    doc.surveys
        .iter()
        .filter(|s| as_of.is_none_or(|p| s.date <= p.last_day()))
        .filter(|s| s.instrument.items().iter().any(&include))
        .max_by_key(|s| s.date)
}

/// The perception of `condition` in `survey`: built-in items, or custom items marked with
/// that condition. `None` when the survey asks nothing about it.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::model::Condition;
/// let doc = Initiative::from_json(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json")).unwrap()).unwrap();
/// let survey = convener::survey::current(&doc, None, |i| i.condition == Some(Condition::CommonAgenda)).unwrap();
/// let p = convener::survey::condition(&doc, survey, Condition::CommonAgenda).unwrap();
/// assert!(p.respondents >= 3 && p.mean.is_some());
/// ```
pub fn condition(doc: &Initiative, survey: &Survey, condition: Condition) -> Option<Perception> {
    let p = perceive(doc, survey, |i| i.condition == Some(condition));
    (p.items > 0).then_some(p)
}

/// The factors of a custom survey (items grouped by `factor`), in first-seen order.
pub fn factors(doc: &Initiative, survey: &Survey) -> Vec<FactorPerception> {
    let Instrument::Custom(custom) = &survey.instrument else { return vec![] };
    let mut names: Vec<&Text> = Vec::new();
    for item in &custom.items {
        if let Some(f) = &item.factor {
            if !names.contains(&f) {
                names.push(f);
            }
        }
    }
    names
        .into_iter()
        .map(|f| FactorPerception {
            factor: f.clone(),
            perception: perceive(doc, survey, |i| i.factor.as_ref() == Some(f)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(answers: &[(&str, &str, u8)]) -> Initiative {
        let partners = r#"[{"id": "a", "name": "A", "sector": "health"}, {"id": "b", "name": "B", "sector": "health"},
            {"id": "c", "name": "C", "sector": "statutory"}, {"id": "d", "name": "D", "sector": "community"},
            {"id": "e", "name": "E", "sector": "family_voice"}, {"id": "f", "name": "F", "sector": "community"}]"#;
        let mut by: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (who, item, v) in answers {
            by.entry(who).or_default().push(format!(r#""{item}": {v}"#));
        }
        let responses: Vec<String> =
            by.iter().map(|(w, a)| format!(r#"{{"respondent": "{w}", "answers": {{{}}}}}"#, a.join(","))).collect();
        let text = format!(
            r#"{{"format": "convener/1", "initiative": {{"id": "x", "name": "X"}}, "partners": {partners},
            "surveys": [{{"id": "s", "instrument": "five_conditions", "date": "2024-05-01", "responses": [{}]}}]}}"#,
            responses.join(",")
        );
        Initiative::from_json(&text).unwrap()
    }

    #[test]
    fn means_agreement_and_groups() {
        let d = doc(&[
            ("a", "ca.1", 5),
            ("a", "ca.2", 5),
            ("b", "ca.1", 4),
            ("c", "ca.1", 4),
            ("d", "ca.1", 2),
            ("e", "ca.1", 2),
            ("f", "ca.1", 1),
        ]);
        let p = condition(&d, &d.surveys[0], Condition::CommonAgenda).unwrap();
        assert_eq!(p.respondents, 6);
        let mean = (5.0 + 4.0 + 4.0 + 2.0 + 2.0 + 1.0) / 6.0;
        assert!((p.mean.unwrap() - mean).abs() < 1e-12);
        // median 3: within one point are 4, 4, 2, 2
        assert_eq!(p.agreement, Some(4.0 / 6.0));
        assert_eq!(p.band, Some(WilderBand::Borderline)); // a mean of exactly 3.0
        let statutory = &p.groups[0];
        assert_eq!((statutory.respondents, statutory.mean), (3, Some(13.0 / 3.0)));
        let community = &p.groups[2];
        assert_eq!(community.mean, Some(5.0 / 3.0));
        assert!((p.group_gap.unwrap() - (13.0 / 3.0 - 5.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn fewer_than_three_are_never_shown() {
        let d = doc(&[("a", "ca.1", 5), ("b", "ca.1", 1)]);
        let p = condition(&d, &d.surveys[0], Condition::CommonAgenda).unwrap();
        assert_eq!((p.respondents, p.mean, p.sd, p.agreement), (2, None, None, None));
        assert!(p.groups.iter().all(|g| g.mean.is_none()));
    }
}

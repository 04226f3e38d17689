//! The five-conditions survey: who answered, and how each sector group sees the conditions.

use super::dice::Dice;
use super::partners::Meta;
use super::values::{date, ident};
use crate::model::{Agreement, Answers, Condition, FIVE_CONDITIONS_ITEMS, Id, Instrument, Response, Survey};

/// Mean answer by sector group (statutory, third sector, community, other) and condition
/// (in [`Condition::ALL`] order): public services see the common agenda more rosily than
/// communities do.
const PERCEPTION: [[f64; 5]; 4] =
    [[4.0, 3.3, 3.2, 3.5, 3.8], [3.2, 2.9, 3.1, 3.4, 3.5], [2.5, 2.8, 3.0, 3.1, 3.2], [3.4, 3.1, 3.0, 3.3, 3.5]];

/// The five-conditions survey, answered by about 60% of responding partners (at most
/// `cap`), each with a disposition of its own; about 3% of items left blank.
pub(super) fn survey(meta: &[Meta], ids: &[Id], cap: usize, dice: &mut Dice) -> Option<Survey> {
    if meta.is_empty() {
        return None;
    }
    let responding: Vec<usize> = (0..meta.len()).filter(|&i| meta[i].responded).collect();
    let k = ((0.6 * responding.len() as f64).round() as usize).min(cap);
    let items: Vec<(Id, Condition)> = FIVE_CONDITIONS_ITEMS.iter().map(|(id, c, _)| (ident(*id), *c)).collect();
    let mut responses = Vec::with_capacity(k);
    for j in dice.distinct(responding.len(), k) {
        let i = responding[j];
        let disposition = 0.5 * dice.noise();
        let mut answers = Vec::with_capacity(items.len());
        for (id, condition) in &items {
            if dice.chance(0.03) {
                continue;
            }
            let mean = PERCEPTION[meta[i].group][*condition as usize];
            let a = (mean + disposition + 0.9 * dice.noise()).round().clamp(1.0, 5.0);
            answers.push((id.clone(), Agreement::new(a as u64).expect("1 to 5")));
        }
        responses
            .push(Response { respondent: ids[i].clone(), answers: Answers::new(answers).expect("each item once") });
    }
    Some(Survey {
        id: ident("five-conditions-2025"),
        instrument: Instrument::FiveConditions,
        date: date(2025, 11, 14),
        responses,
    })
}

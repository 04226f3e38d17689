//! Indicators: which of the pool, their signals, what they measure, reporters, targets.
//!
//! Each indicator shows noise, a shift or a trend; it measures outcomes, has 2–6
//! reporters, and some have a baseline and a target, phases or a frozen centre line.

use std::num::NonZeroU32;

use super::dice::Dice;
use super::measurements::{self, SeriesShape};
use super::plan::Plan;
use super::templates::{AGES, IndicatorTemplate, Model, SIMD, TEMPLATES};
use super::values::{ident, round_to, text};
use crate::model::{Frequency, Id, Indicator, Measurement, OutcomeLevel, Period, PeriodValue, Polarity};

/// What an indicator's series show.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Pattern {
    /// Noise around a level.
    Noise,
    /// A sustained shift from this point on.
    Shift(usize),
    /// A steady improvement over the last points, from this point on.
    Trend(usize),
}

/// An indicator chosen, before it is made.
struct IndicatorPlan {
    /// Its template, an index into [`TEMPLATES`].
    template: usize,
    /// What its series show.
    pattern: Pattern,
    /// The groups it is broken down by, if it is.
    grouped: Option<&'static [&'static str]>,
}

impl IndicatorPlan {
    fn template(&self) -> &'static IndicatorTemplate {
        &TEMPLATES[self.template]
    }

    /// Whether its pooled series show its signal exactly (sums and means; ratios come
    /// close).
    fn exact(&self) -> bool {
        !matches!(self.template().model, Model::Rate { .. })
    }

    fn shifts(&self) -> bool {
        matches!(self.pattern, Pattern::Shift(_))
    }

    fn higher_is_better(&self) -> bool {
        self.template().polarity == Polarity::HigherIsBetter
    }
}

/// The share of indicators whose series shift.
const SHIFTED: f64 = 0.25;

/// The share of indicators (ratios aside) whose series shift or trend: `SHIFTED_OR_TRENDING
/// − SHIFTED` of them trend.
const SHIFTED_OR_TRENDING: f64 = 0.45;

/// The share of grouped indicators broken down by deprivation ([`SIMD`]) rather than by
/// age ([`AGES`]).
const BY_DEPRIVATION: f64 = 0.6;

/// What every indicator draws on: the partners, the plan and the length of the series.
struct Context<'a> {
    ids: &'a [Id],
    /// Partner indices by sector (in [`crate::model::Sector::ALL`] order).
    sectors: &'a [Vec<u32>],
    plan: &'a Plan,
    /// Every outcome an indicator may measure, whatever its level.
    any_outcome: Vec<usize>,
    /// Points per reporter series.
    points: usize,
}

/// `count` indicators with `periods` points per reporter series, and their measurements.
pub(super) fn indicators(
    ids: &[Id],
    sectors: &[Vec<u32>],
    plan: &Plan,
    count: usize,
    periods: usize,
    dice: &mut Dice,
) -> (Vec<Indicator>, Vec<Measurement>) {
    let points = periods.max(1);
    let mut plans = choose(count, dice);
    guarantee_signals(&mut plans);
    place_signals(&mut plans, points, dice);
    let phased = plans.iter().position(|p| matches!(p.pattern, Pattern::Shift(s) if s > 0));
    let frozen = plans.iter().position(|p| !p.shifts() && points >= 4);

    let any_outcome = plan.by_level.iter().flatten().copied().collect();
    let cx = Context { ids, sectors, plan, any_outcome, points };
    let mut uses = vec![0usize; TEMPLATES.len()];
    let mut silent_done = false;
    let mut out = Vec::with_capacity(count);
    let mut measurements = Vec::new();
    for (i, ip) in plans.iter().enumerate() {
        let (id, name) = id_and_name(ip.template, &mut uses);
        let (mut ind, start) = indicator(&cx, ip, id, name, &mut silent_done, &mut measurements, dice);
        if phased == Some(i) {
            if let Pattern::Shift(s) = ip.pattern {
                ind.phases = vec![start.offset(s as i64).expect("a period in the series")];
            }
        }
        if frozen == Some(i) {
            ind.freeze = NonZeroU32::new((points / 2).clamp(1, 8) as u32);
        }
        out.push(ind);
    }
    (out, measurements)
}

/// The template order: the first four templates (every kind, polarity and aggregation),
/// then the rest in a random order, repeated when more indicators are asked for; one
/// indicator in five broken down by group; each with the pattern its series show.
fn choose(count: usize, dice: &mut Dice) -> Vec<IndicatorPlan> {
    let mut order: Vec<usize> = (4..TEMPLATES.len()).collect();
    dice.shuffle(&mut order);
    let order: Vec<usize> = (0..4).chain(order).collect();

    let mut grouped_at = vec![false; count];
    for i in dice.distinct(count, (count + 2) / 5) {
        grouped_at[i] = true;
    }
    let mut plans: Vec<IndicatorPlan> = Vec::with_capacity(count);
    for (i, &grouped) in grouped_at.iter().enumerate() {
        let template = order[i % order.len()];
        let ratio = matches!(TEMPLATES[template].model, Model::Rate { .. });
        let u = dice.unit();
        let pattern = if u < SHIFTED {
            Pattern::Shift(0)
        } else if u < SHIFTED_OR_TRENDING && !ratio {
            Pattern::Trend(0)
        } else {
            Pattern::Noise
        };
        let grouped = grouped.then(|| if dice.chance(BY_DEPRIVATION) { SIMD } else { AGES });
        plans.push(IndicatorPlan { template, pattern, grouped });
    }
    plans
}

/// At least one shift and one rising trend, on indicators whose series guarantee them.
fn guarantee_signals(plans: &mut [IndicatorPlan]) {
    if !plans.iter().any(|p| p.shifts() && p.exact()) {
        if let Some(p) = plans.iter_mut().find(|p| p.exact()) {
            p.pattern = Pattern::Shift(0);
        }
    }
    let rising = |p: &IndicatorPlan| matches!(p.pattern, Pattern::Trend(_)) && p.higher_is_better();
    if !plans.iter().any(rising) {
        let candidate =
            plans.iter().position(|p| p.exact() && p.higher_is_better() && p.pattern == Pattern::Noise).or_else(|| {
                plans.iter().position(|p| {
                    p.exact() && p.higher_is_better() && p.shifts() && plans.iter().filter(|q| q.shifts()).count() > 1
                })
            });
        if let Some(i) = candidate {
            plans[i].pattern = Pattern::Trend(0);
        }
    }
}

/// Where each shift or trend starts: a shift leaves at least 8 points after it and up to 4
/// before; a trend covers the last 7 points.
fn place_signals(plans: &mut [IndicatorPlan], points: usize, dice: &mut Dice) {
    for p in plans.iter_mut() {
        p.pattern = match p.pattern {
            Pattern::Shift(_) => Pattern::Shift(if points >= 12 {
                dice.between(4, points - 8)
            } else if points > 8 {
                points - 8
            } else {
                points / 2
            }),
            Pattern::Trend(_) => Pattern::Trend(points.saturating_sub(7)),
            Pattern::Noise => Pattern::Noise,
        };
    }
}

/// The id and name of the next indicator made from a template: the template's own on its
/// first use, numbered from the second (`child-poverty-2`, "… (2)").
fn id_and_name(template: usize, uses: &mut [usize]) -> (String, String) {
    let t = &TEMPLATES[template];
    uses[template] += 1;
    if uses[template] == 1 {
        (t.slug.to_string(), t.name.to_string())
    } else {
        (format!("{}-{}", t.slug, uses[template]), format!("{} ({})", t.name, uses[template]))
    }
}

/// One indicator, with the first period of its series: its definition, reporters,
/// baseline and target, and its measurements (added to `measurements`). `silent_done` says
/// whether the reporter that never reports has been chosen yet.
fn indicator(
    cx: &Context,
    ip: &IndicatorPlan,
    id: String,
    name: String,
    silent_done: &mut bool,
    measurements: &mut Vec<Measurement>,
    dice: &mut Dice,
) -> (Indicator, Period) {
    let t = ip.template();
    let monthly = dice.chance(0.25);
    let frequency = if monthly { Frequency::Monthly } else { Frequency::Quarterly };
    let end = if monthly { Period::Month(2025, 12) } else { Period::Quarter(2025, 4) };
    let start = end.offset(-(cx.points as i64 - 1)).expect("series start after year 1");
    let mut ind =
        Indicator::new(ident(id), text(name), text(t.unit), t.polarity, frequency, t.model.aggregation(), t.kind);
    ind.measures = measures(cx, t, dice);
    let reporters = reporters(cx, t, dice);
    ind.reporters = reporters.iter().map(|&r| cx.ids[r].clone()).collect();

    let dir = if t.polarity == Polarity::HigherIsBetter { 1.0 } else { -1.0 };
    // A shift is mostly an improvement, sometimes a deterioration.
    let shift_sign = if dice.chance(0.8) { dir } else { -dir };
    let groups: &[&str] = ip.grouped.unwrap_or(&[""]);
    // The silent reporter never reports: one per document, on a noisy indicator with at
    // least two reporters.
    let silent = if !*silent_done && ip.pattern == Pattern::Noise && reporters.len() >= 2 {
        *silent_done = true;
        Some(reporters.len() - 1)
    } else {
        None
    };
    // The values draw from their own stream, so the shape of the document (who reports
    // what) does not depend on the number of periods.
    let mut noise = dice.split();
    let shape = SeriesShape {
        model: t.model,
        pattern: ip.pattern,
        dir,
        shift_sign,
        reporters: reporters.len(),
        groups: groups.len(),
        silent,
        points: cx.points,
    };
    let series = measurements::series(&shape, &mut noise);
    baseline_and_target(&mut ind, t.model, &series.levels_at_start, start, monthly, dir, dice);
    let reporter_ids: Vec<&Id> = reporters.iter().map(|&r| &cx.ids[r]).collect();
    measurements::measurements(&ind.id, &reporter_ids, groups, start, &series.values, &mut noise, measurements);
    (ind, start)
}

/// What an indicator measures: one or two outcomes of its level (of any level when there
/// are none), or the first goal when there are no outcomes.
fn measures(cx: &Context, t: &IndicatorTemplate, dice: &mut Dice) -> Vec<Id> {
    let level = match t.measures {
        OutcomeLevel::Short => 0,
        OutcomeLevel::Medium => 1,
        OutcomeLevel::Long => 2,
    };
    let by_level = &cx.plan.by_level[level];
    let pool = if by_level.is_empty() { &cx.any_outcome } else { by_level };
    if !pool.is_empty() {
        let k = if pool.len() > 1 && dice.chance(0.2) { 2 } else { 1 };
        dice.distinct(pool.len(), k).iter().map(|&j| cx.plan.outcomes[pool[j]].id.clone()).collect()
    } else if let Some(g) = cx.plan.goals.first() {
        vec![g.id.clone()]
    } else {
        Vec::new()
    }
}

/// Reporters, as sorted partner indices: 2–6 partners (fewer in tiny partnerships), from
/// the sectors that hold the data when they can.
fn reporters(cx: &Context, t: &IndicatorTemplate, dice: &mut Dice) -> Vec<usize> {
    let n = cx.ids.len();
    let wanted = dice.between(2, 6).min(n);
    let candidates: usize = t.sectors.iter().map(|s| cx.sectors[*s as usize].len()).sum();
    let mut reporters: Vec<usize> = Vec::with_capacity(wanted);
    let mut tries = 0;
    while reporters.len() < wanted && tries < 100 {
        tries += 1;
        let r = if candidates > 0 && tries < 60 {
            let mut k = dice.below(candidates);
            let mut r = 0;
            for s in t.sectors {
                let list = &cx.sectors[*s as usize];
                if k < list.len() {
                    r = list[k] as usize;
                    break;
                }
                k -= list.len();
            }
            r
        } else {
            dice.below(n)
        };
        if !reporters.contains(&r) {
            reporters.push(r);
        }
    }
    reporters.sort_unstable();
    reporters
}

/// A baseline (the level at the start of the series) and a target (a 10–25% improvement by
/// the end of 2027) on about half the indicators.
fn baseline_and_target(
    ind: &mut Indicator,
    model: Model,
    levels_at_start: &[f64],
    start: Period,
    monthly: bool,
    dir: f64,
    dice: &mut Dice,
) {
    if levels_at_start.is_empty() || !dice.chance(0.5) {
        return;
    }
    let value = match model {
        Model::Count { .. } => levels_at_start.iter().sum::<f64>().round(),
        _ => round_to(levels_at_start.iter().sum::<f64>() / levels_at_start.len() as f64, 1),
    };
    ind.baseline = Some(PeriodValue { period: start, value });
    let gain = 0.1 + 0.15 * dice.unit();
    let target = match model {
        Model::Count { .. } => (value * (1.0 + dir * gain)).round(),
        Model::Level { hi, .. } => round_to((value * (1.0 + dir * gain * 0.5)).clamp(0.0, hi), 1),
        Model::Rate { .. } => round_to((value + dir * 100.0 * gain * 0.5).clamp(0.0, 100.0), 1),
    };
    ind.target = Some(PeriodValue {
        period: if monthly { Period::Month(2027, 12) } else { Period::Quarter(2027, 4) },
        value: target,
    });
}

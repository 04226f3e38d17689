//! Measurements: each reporter's series of values, their gaps, and the measurements.

use super::dice::Dice;
use super::indicators::Pattern;
use super::templates::Model;
use super::values::{round_to, text};
use crate::model::{Id, Measurement, NonNegative, Period, Text};

/// Notes a reporter sometimes adds to a value.
const NOTES: &[&str] = &[
    "Provisional figure",
    "Estimated: the case system was down for two weeks",
    "Revised after data cleaning",
    "Fewer staff this period",
];

/// One value of a series.
#[derive(Clone, Copy)]
pub(super) struct Value {
    value: f64,
    numerator: Option<f64>,
    denominator: Option<f64>,
}

impl Value {
    /// A value without numerator and denominator.
    fn plain(value: f64) -> Self {
        Value { value, numerator: None, denominator: None }
    }
}

/// The shape of an indicator's series: how its values are made and what they show.
pub(super) struct SeriesShape {
    /// How values are made.
    pub(super) model: Model,
    /// What the series show.
    pub(super) pattern: Pattern,
    /// 1 when higher is better, −1 when lower is.
    pub(super) dir: f64,
    /// The direction of a shift: mostly `dir`, sometimes the other way.
    pub(super) shift_sign: f64,
    /// How many reporters.
    pub(super) reporters: usize,
    /// How many groups each reporter's values are broken down by (1 when not grouped).
    pub(super) groups: usize,
    /// The reporter that never reports, if this indicator has it.
    pub(super) silent: Option<usize>,
    /// Points per series.
    pub(super) points: usize,
}

/// An indicator's series, and the level each started at.
pub(super) struct Series {
    /// One series per reporter and group (reporter-major); `None` where nothing was
    /// reported.
    pub(super) values: Vec<Vec<Option<Value>>>,
    /// The level of each series before noise, shift or trend.
    pub(super) levels_at_start: Vec<f64>,
}

/// The series of every reporter and group, drawn from `noise`.
pub(super) fn series(shape: &SeriesShape, noise: &mut Dice) -> Series {
    let mut values: Vec<Vec<Option<Value>>> = Vec::with_capacity(shape.reporters * shape.groups);
    let mut levels_at_start = Vec::new();
    for r in 0..shape.reporters {
        let spread = noise.unit();
        let den_factor = 0.6 + 0.8 * noise.unit();
        for gi in 0..shape.groups {
            let (base, amp) = level_and_amplitude(shape, spread, gi);
            levels_at_start.push(base);
            let mut one: Vec<Option<Value>> = Vec::with_capacity(shape.points);
            for j in 0..shape.points {
                let x = point(shape, base, amp, j, noise);
                one.push(Some(value(shape, x, den_factor, noise)));
            }
            // Gaps on noisy series only, so shifts and trends stay intact when pooled.
            if shape.pattern == Pattern::Noise && shape.points >= 4 && gi == 0 {
                gaps(&mut one, noise);
            }
            if shape.silent == Some(r) {
                one.iter_mut().for_each(|v| *v = None);
            }
            values.push(one);
        }
    }
    copy_group_gaps(&mut values, shape.groups);
    Series { values, levels_at_start }
}

/// The level a series starts at and the size of its noise: counts spread around the
/// template's base (split between groups), levels and rates a few `sd` around it; group 1
/// (the most deprived, the youngest) fares worst.
fn level_and_amplitude(shape: &SeriesShape, spread: f64, gi: usize) -> (f64, f64) {
    let groups = shape.groups;
    let dir = shape.dir;
    let gshift = if groups > 1 { gi as f64 - (groups - 1) as f64 / 2.0 } else { 0.0 };
    match shape.model {
        Model::Count { base } => {
            let l = base * (0.6 + 0.8 * spread);
            let l = if groups > 1 { l * (1.0 - 0.15 * gshift * dir) / groups as f64 } else { l };
            (l, (0.08 * l).max(2.0))
        }
        Model::Level { base, sd, .. } => (base + sd * 2.0 * (2.0 * spread - 1.0) + 1.5 * sd * gshift * dir, sd),
        Model::Rate { pct, sd, .. } => (pct + sd * 2.0 * (2.0 * spread - 1.0) + 1.5 * sd * gshift * dir, sd),
    }
}

/// The value at point `j` before rounding: noise around `base`, plus a jump of three
/// amplitudes from the shift on, or a steady step per point from the trend's start.
fn point(shape: &SeriesShape, base: f64, amp: f64, j: usize, noise: &mut Dice) -> f64 {
    match shape.pattern {
        Pattern::Noise => base + amp * noise.noise(),
        Pattern::Shift(s) => {
            let jump = if j >= s { 3.0 * amp * shape.shift_sign } else { 0.0 };
            base + jump + amp * noise.noise()
        }
        Pattern::Trend(s) => {
            if j >= s {
                let step = match shape.model {
                    Model::Count { .. } => amp.max(3.0),
                    _ => amp,
                };
                base + shape.dir * step * (j - s + 1) as f64 + 0.3 * step * noise.noise()
            } else {
                base + amp * noise.noise()
            }
        }
    }
}

/// The reported value: a whole count, a level to one decimal, or a rate made of a drawn
/// denominator and the numerator nearest the point.
fn value(shape: &SeriesShape, x: f64, den_factor: f64, noise: &mut Dice) -> Value {
    match shape.model {
        Model::Count { .. } => Value::plain(x.round().max(0.0)),
        Model::Level { hi, .. } => Value::plain(round_to(x.clamp(0.0, hi), 1)),
        Model::Rate { den, .. } => {
            let groups_share = 1.0 / shape.groups as f64;
            let d = (den * den_factor * groups_share * (1.0 + 0.15 * noise.noise())).round().max(5.0);
            let num = (x.clamp(0.0, 100.0) / 100.0 * d).round();
            Value { value: round_to(100.0 * num / d, 1), numerator: Some(num), denominator: Some(d) }
        }
    }
}

/// A few skipped periods, or a reporter that stopped reporting lately (series of 4 points
/// or more).
fn gaps(values: &mut [Option<Value>], noise: &mut Dice) {
    let points = values.len();
    if noise.chance(0.15) {
        for _ in 0..noise.between(1, 3) {
            let j = noise.between(1, points - 2);
            values[j] = None;
        }
    } else if noise.chance(0.05) {
        let k = noise.between(1, 2);
        for v in values.iter_mut().rev().take(k) {
            *v = None;
        }
    }
}

/// A gap on the first group of a grouped series is copied to its other groups.
fn copy_group_gaps(series: &mut [Vec<Option<Value>>], groups: usize) {
    for chunk in series.chunks_mut(groups) {
        if let Some((first, rest)) = chunk.split_first_mut() {
            for (j, v) in first.iter().enumerate() {
                if v.is_none() {
                    rest.iter_mut().for_each(|s| s[j] = None);
                }
            }
        }
    }
}

/// The measurements of one indicator, period by period, reporter by reporter and group by
/// group, added to `out`; about one in a hundred carries a note.
pub(super) fn measurements(
    indicator: &Id,
    reporters: &[&Id],
    groups: &[&str],
    start: Period,
    series: &[Vec<Option<Value>>],
    noise: &mut Dice,
    out: &mut Vec<Measurement>,
) {
    let points = series.first().map_or(0, Vec::len);
    let group_texts: Vec<Option<Text>> = groups.iter().map(|g| (!g.is_empty()).then(|| text(*g))).collect();
    let periods: Vec<Period> = (0..points).map(|j| start.offset(j as i64).expect("a period in the series")).collect();
    for (j, &period) in periods.iter().enumerate() {
        for (r, &reporter) in reporters.iter().enumerate() {
            for (g, group) in group_texts.iter().enumerate() {
                let Some(v) = series[r * groups.len() + g][j] else {
                    continue;
                };
                let mut m = Measurement::new(indicator.clone(), reporter.clone(), period, v.value);
                m.numerator = v.numerator.map(|x| NonNegative::new(x).expect("a count"));
                m.denominator = v.denominator.map(|x| NonNegative::new(x).expect("a count"));
                m.group = group.clone();
                if noise.chance(0.01) {
                    m.note = Some(text(*noise.pick(NOTES)));
                }
                out.push(m);
            }
        }
    }
}

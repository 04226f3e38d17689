//! Ties: who is tied to whom, the levels each side reported, dependencies and ratings.
//!
//! Pairs come from preferential attachment with sector homophily; each tie then gets its
//! kinds, frequency, trust and value ratings.

use super::dice::Dice;
use super::partners::Meta;
use super::values::rating;
use crate::model::{Frequency, Id, Level, Sector, Tie, TieKind, Trust, ValueScores};

/// A tie before it becomes a [`Tie`]: partner indices, level rank, dependency.
#[derive(Clone, Copy, Default)]
pub(super) struct RawTie {
    from: u32,
    to: u32,
    level: u8,
    depends: bool,
}

/// Probability that a new partner looks for a tie within its own sector group.
const HOMOPHILY: f64 = 0.5;

/// Draws how many ties a new partner makes: between 1 and `2k − 1`, mean `k`.
fn ties_to_make(k: f64, dice: &mut Dice) -> usize {
    if k <= 0.0 {
        return 0;
    }
    let x = if k <= 1.0 { k } else { 1.0 + dice.unit() * (2.0 * k - 2.0) };
    x.floor() as usize + usize::from(dice.chance(x - x.floor()))
}

/// The undirected pairs: preferential attachment with additive attractiveness and sector
/// homophily, partners arriving in a random order (the backbone first). Each pair is
/// `(later, earlier)`; no pair twice, no self-pair, and never two non-respondents (no one
/// would have reported the tie). O(n + pairs).
fn pairs(meta: &[Meta], mean_degree: f64, dice: &mut Dice) -> Vec<(u32, u32)> {
    let n = meta.len();
    if n < 2 || mean_degree.is_nan() || mean_degree <= 0.0 {
        return Vec::new();
    }
    let k = (mean_degree / 2.0).min(n as f64);
    let mut order: Vec<u32> = (1..n as u32).collect();
    dice.shuffle(&mut order);
    order.insert(0, 0);

    let expected = (k * n as f64) as usize + 16;
    let attraction: usize = meta.iter().map(|m| m.attraction as usize).sum();
    let mut global: Vec<u32> = Vec::with_capacity(2 * expected + attraction);
    let mut groups: [Vec<u32>; 4] = Default::default();
    let mut stamp = vec![u32::MAX; n];
    let mut out = Vec::with_capacity(expected);
    let mut chosen: Vec<u32> = Vec::new();
    for (t, &v) in order.iter().enumerate() {
        let vm = meta[v as usize];
        let want = ties_to_make(k, dice).min(t);
        chosen.clear();
        let mut tries = 0;
        while chosen.len() < want && tries < 20 * want + 20 {
            tries += 1;
            let own = &groups[vm.group];
            let list = if !own.is_empty() && dice.chance(HOMOPHILY) { own } else { &global };
            if list.is_empty() {
                break;
            }
            let u = list[dice.below(list.len())];
            if stamp[u as usize] == v || (!vm.responded && !meta[u as usize].responded) {
                continue;
            }
            stamp[u as usize] = v;
            chosen.push(u);
        }
        for &u in &chosen {
            out.push((v, u));
            global.push(u);
            groups[meta[u as usize].group].push(u);
        }
        for _ in 0..chosen.len() + vm.attraction as usize {
            global.push(v);
            groups[vm.group].push(v);
        }
    }
    out
}

/// Weights of the pair's level, `compete` to `integrate`.
const LEVEL_WEIGHTS: [f64; 7] = [0.02, 0.04, 0.23, 0.27, 0.24, 0.15, 0.05];

/// How far apart the two sides' views of a pair's level are: the cumulative probabilities
/// of 0, 1 and 2 levels apart (3 apart otherwise).
const OTHER_SIDE_GAPS: [f64; 3] = [0.55, 0.90, 0.98];

/// The other side's view: mostly the same level or one apart, sometimes two or three.
fn other_side(level: u8, dice: &mut Dice) -> u8 {
    let u = dice.unit();
    let d = OTHER_SIDE_GAPS.iter().position(|&c| u < c).unwrap_or(OTHER_SIDE_GAPS.len()) as i32;
    let d = if dice.chance(0.5) { d } else { -d };
    (level as i32 + d).clamp(0, 6) as u8
}

/// Sorts ties by (from, to) with two stable counting sorts: O(n + ties).
fn sort_ties(ties: Vec<RawTie>, n: usize) -> Vec<RawTie> {
    fn by(ties: &[RawTie], n: usize, key: impl Fn(&RawTie) -> u32) -> Vec<RawTie> {
        let mut start = vec![0usize; n + 1];
        for t in ties {
            start[key(t) as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut out = vec![RawTie::default(); ties.len()];
        for t in ties {
            let k = key(t) as usize;
            out[start[k]] = *t;
            start[k] += 1;
        }
        out
    }
    let by_to = by(&ties, n, |t| t.to);
    by(&by_to, n, |t| t.from)
}

/// The reported ties, as partner indices, sorted by reporter then partner named.
pub(super) fn raw_ties(meta: &[Meta], mean_degree: f64, dice: &mut Dice) -> Vec<RawTie> {
    let pairs = pairs(meta, mean_degree, dice);
    let mut ties = reported(&pairs, meta, dice);
    if meta.len() >= 50 {
        dependency_cycle(&mut ties, meta, dice);
    }
    dependencies(&mut ties, meta, dice);
    sort_ties(ties, meta.len())
}

/// Each pair as its sides reported it: a level, and one tie per responding side (60% of
/// all pairs reported by both sides; pairs with a non-respondent cannot be).
fn reported(pairs: &[(u32, u32)], meta: &[Meta], dice: &mut Dice) -> Vec<RawTie> {
    let both_respond = pairs.iter().filter(|(a, b)| meta[*a as usize].responded && meta[*b as usize].responded).count();
    let mutual = if both_respond == 0 { 0.0 } else { (0.6 * pairs.len() as f64 / both_respond as f64).min(1.0) };
    let mut ties = Vec::with_capacity(pairs.len() * 2);
    for &(a, b) in pairs {
        let (ma, mb) = (meta[a as usize], meta[b as usize]);
        let mut level = dice.weighted(&LEVEL_WEIGHTS) as u8;
        if ma.group == mb.group && level >= 2 && dice.chance(0.25) {
            level = (level + 1).min(6);
        }
        let (a, b) = if dice.chance(0.5) { (a, b) } else { (b, a) };
        let (ra, rb) = (meta[a as usize].responded, meta[b as usize].responded);
        if ra && rb && dice.chance(mutual) {
            ties.push(RawTie { from: a, to: b, level, depends: false });
            ties.push(RawTie { from: b, to: a, level: other_side(level, dice), depends: false });
        } else {
            let (from, to) = if ra { (a, b) } else { (b, a) };
            ties.push(RawTie { from, to, level, depends: false });
        }
    }
    ties
}

/// A dependency cycle (made from 50 partners up): a third-sector partner depends on the
/// council, the council on the health board, the health board on the charity.
fn dependency_cycle(ties: &mut Vec<RawTie>, meta: &[Meta], dice: &mut Dice) {
    let Some([x, y, z]) = cycle_members(meta, dice) else {
        return;
    };
    for (from, to) in [(x, y), (y, z), (z, x)] {
        match ties.iter_mut().find(|t| t.from == from && t.to == to) {
            Some(t) => {
                t.depends = true;
                t.level = t.level.max(3);
            }
            None => ties.push(RawTie { from, to, level: 4, depends: true }),
        }
    }
}

/// Marks about 5% of ties as dependencies, from a small partner to a big provider.
fn dependencies(ties: &mut [RawTie], meta: &[Meta], dice: &mut Dice) {
    let can_depend =
        |t: &RawTie| !t.depends && t.level >= 2 && meta[t.from as usize].small() && meta[t.to as usize].big();
    let eligible = ties.iter().filter(|t| can_depend(t)).count();
    let already = ties.iter().filter(|t| t.depends).count() as f64;
    if eligible == 0 {
        return;
    }
    let p = ((0.05 * ties.len() as f64 - already) / eligible as f64).clamp(0.0, 1.0);
    for t in ties.iter_mut() {
        if can_depend(t) && dice.chance(p) {
            t.depends = true;
        }
    }
}

/// Three responding partners for the dependency cycle: a third-sector partner, a council
/// service and a health service (never the backbone), if there are such.
fn cycle_members(meta: &[Meta], dice: &mut Dice) -> Option<[u32; 3]> {
    let mut chosen: Vec<u32> = Vec::with_capacity(3);
    for sector in [Sector::ThirdSector, Sector::Statutory, Sector::Health] {
        let candidates: Vec<u32> = (1..meta.len() as u32)
            .filter(|&i| {
                let m = meta[i as usize];
                m.sector == sector && m.responded && !chosen.contains(&i)
            })
            .collect();
        if candidates.is_empty() {
            return None;
        }
        chosen.push(*dice.pick(&candidates));
    }
    Some([chosen[0], chosen[1], chosen[2]])
}

/// Kinds of tie by level (`compete` to `integrate`): each kind with the probability a tie
/// at that level is of it.
const KIND_WEIGHTS: [&[(TieKind, f64)]; 7] = [
    &[(TieKind::Information, 0.3)],
    &[(TieKind::Information, 0.3)],
    &[(TieKind::Information, 0.9), (TieKind::Referral, 0.3)],
    &[(TieKind::Information, 0.7), (TieKind::Referral, 0.6), (TieKind::DataSharing, 0.15)],
    &[
        (TieKind::Information, 0.5),
        (TieKind::Referral, 0.6),
        (TieKind::DataSharing, 0.4),
        (TieKind::JointDelivery, 0.25),
        (TieKind::Governance, 0.15),
    ],
    &[
        (TieKind::Referral, 0.4),
        (TieKind::DataSharing, 0.4),
        (TieKind::JointDelivery, 0.7),
        (TieKind::Governance, 0.35),
    ],
    &[(TieKind::DataSharing, 0.6), (TieKind::JointDelivery, 0.9), (TieKind::Governance, 0.6)],
];

/// How often the partners of a tie are in touch, by level (`compete` to `integrate`): one
/// of the row, each equally likely.
const FREQUENCIES: [&[Frequency]; 7] = [
    &[Frequency::Never, Frequency::Annual],
    &[Frequency::Annual, Frequency::Quarterly],
    &[Frequency::Quarterly, Frequency::Monthly],
    &[Frequency::Quarterly, Frequency::Monthly, Frequency::Monthly],
    &[Frequency::Monthly, Frequency::Weekly],
    &[Frequency::Monthly, Frequency::Weekly, Frequency::Weekly],
    &[Frequency::Weekly, Frequency::Daily],
];

/// The level a partner would like a tie at, from the level it is at: the cumulative
/// probabilities of the same level, one up and two up (one down otherwise).
const DESIRED_STEPS: [(f64, i32); 3] = [(0.25, 0), (0.75, 1), (0.92, 2)];

/// Turns raw ties into document ties with kinds, frequency, ratings and desired levels.
pub(super) fn ties(raw: &[RawTie], meta: &[Meta], ids: &[Id], dice: &mut Dice) -> Vec<Tie> {
    // How each partner is seen by others, how generously each rates, and whether it
    // answered the trust and value questions at all.
    let seen: Vec<f64> = (0..meta.len()).map(|_| 0.6 * dice.noise()).collect();
    let lenient: Vec<f64> = (0..meta.len()).map(|_| 0.4 * dice.noise()).collect();
    let rates: Vec<bool> = (0..meta.len()).map(|_| dice.chance(0.8)).collect();
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        let (f, t) = (r.from as usize, r.to as usize);
        let (mf, mt) = (meta[f], meta[t]);
        let level = r.level;
        let mut tie = Tie::new(ids[f].clone(), ids[t].clone(), Level::ALL[level as usize]);
        if dice.chance(0.25) {
            let u = dice.unit();
            let d = DESIRED_STEPS.iter().find(|(c, _)| u < *c).map_or(-1, |&(_, d)| d);
            tie.desired_level = Some(Level::ALL[(level as i32 + d).clamp(0, 6) as usize]);
        }
        let mut kinds = [false; 7];
        for (kind, p) in KIND_WEIGHTS[usize::from(level.min(6))] {
            kinds[*kind as usize] = dice.chance(*p);
        }
        if (mf.sector == Sector::Funder || mt.sector == Sector::Funder) && dice.chance(0.8) {
            kinds[TieKind::Funding as usize] = true;
        }
        if r.depends {
            // Dependencies are marked by the flag, the kind, or both.
            let u = dice.unit();
            tie.depends = u < 0.7;
            kinds[TieKind::Dependency as usize] = u >= 0.5;
        }
        tie.kinds = TieKind::ALL.iter().zip(kinds).filter_map(|(k, on)| on.then_some(*k)).collect();
        if dice.chance(0.85) {
            tie.frequency = Some(*dice.pick(FREQUENCIES[usize::from(level.min(6))]));
        }
        if rates[f] && dice.chance(0.875) {
            let l = level as f64;
            let base = 1.4 + 0.3 * l + seen[t] + lenient[f];
            tie.trust = Some(Trust {
                reliability: rating(base + 0.7 * dice.noise()),
                mission: rating(base + 0.2 + 0.7 * dice.noise()),
                openness: rating(base - 0.1 + 0.7 * dice.noise()),
            });
            let big = if mt.big() || mt.sector == Sector::Funder { 0.9 } else { 0.0 };
            tie.value = Some(ValueScores {
                power: rating(1.5 + big + 0.15 * l + lenient[f] + 0.7 * dice.noise()),
                involvement: rating(1.2 + 0.35 * l + seen[t] + 0.7 * dice.noise()),
                resources: rating(1.6 + 0.8 * big + 0.15 * l + lenient[f] + 0.7 * dice.noise()),
            });
        }
        out.push(tie);
    }
    out
}

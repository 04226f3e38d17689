//! Measures of the partnership beyond the graph: mixing between sector groups (E-I index),
//! PARTNER trust and value, one-sided and mismatched ties, and wanted-versus-actual levels.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Id, Initiative, Level, SectorGroup};

/// The E-I index of one sector group, or of the whole network.
///
/// # Example
/// ```
/// use convener::network::partnership::EiIndex;
/// let e = EiIndex::new(3, 1);
/// assert_eq!(e.index, Some(0.5));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EiIndex {
    /// Connections that cross to another group.
    pub external: u64,
    /// Connections within the group.
    pub internal: u64,
    /// (external − internal) / (external + internal), from −1 (all within) to +1 (all
    /// across); null without connections.
    pub index: Option<f64>,
}

impl EiIndex {
    /// The index from its counts.
    pub fn new(external: u64, internal: u64) -> Self {
        let total = external + internal;
        let index = (total > 0).then(|| (external as f64 - internal as f64) / total as f64);
        EiIndex { external, internal, index }
    }
}

/// The E-I index of one sector group.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GroupEi {
    /// The sector group.
    pub group: SectorGroup,
    /// Partners in the group.
    pub partners: u64,
    /// Its index.
    #[serde(flatten)]
    pub ei: EiIndex,
}

/// Mixing between sector groups over the connections (Krackhardt & Stern 1988): for the
/// network, external = connections joining two groups, internal = connections within one;
/// for a group, external = its connections to other groups, internal = those within it.
/// Sector groups (docs/format.md): statutory, third sector, community, other.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::{EdgeRule, PartnerGraph, partnership::sector_mixing};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A", "sector": "health"}, {"id": "b", "name": "B", "sector": "education"},
///                {"id": "c", "name": "C", "sector": "community"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "c", "level": "cooperate"}]}"#).unwrap();
/// let g = PartnerGraph::new(&doc, &EdgeRule::default());
/// let (network, groups) = sector_mixing(&doc, &g);
/// assert_eq!(network.index, Some(0.0)); // one within, one across
/// assert_eq!(groups[2].ei.index, Some(1.0)); // community: all across
/// ```
pub fn sector_mixing(doc: &Initiative, g: &super::PartnerGraph) -> (EiIndex, Vec<GroupEi>) {
    let group: Vec<SectorGroup> = doc.partners.iter().map(|p| p.sector.group()).collect();
    let slot = |s: SectorGroup| SectorGroup::ALL.iter().position(|x| *x == s).unwrap_or(0);
    let mut ext = [0u64; 4];
    let mut int = [0u64; 4];
    let mut members = [0u64; 4];
    for s in &group {
        members[slot(*s)] += 1;
    }
    let (mut e, mut i) = (0, 0);
    for &(a, b) in g.undirected_edges() {
        let (ga, gb) = (slot(group[a as usize]), slot(group[b as usize]));
        if ga == gb {
            i += 1;
            int[ga] += 1;
        } else {
            e += 1;
            ext[ga] += 1;
            ext[gb] += 1;
        }
    }
    let groups = SectorGroup::ALL
        .iter()
        .enumerate()
        .map(|(k, s)| GroupEi { group: *s, partners: members[k], ei: EiIndex::new(ext[k], int[k]) })
        .collect();
    (EiIndex::new(e, i), groups)
}

/// PARTNER trust and value received by each partner: the mean, over ties pointing at it
/// that carry the ratings, of each tie's pair score (the mean of its three items, 1–4).
/// All reported ties count, whatever their level. `None` where no tie rates the partner.
///
/// Source: Varda et al., PARTNER tool (partnertool.net): trust = reliability, mission,
/// openness; value = power/influence, involvement, resource contribution.
pub fn received_ratings(doc: &Initiative) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    let index: HashMap<&str, usize> = doc.partners.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let n = doc.partners.len();
    let mut trust = vec![(0.0, 0u32); n];
    let mut value = vec![(0.0, 0u32); n];
    for t in &doc.ties {
        let Some(&to) = index.get(t.to.as_str()) else {
            continue;
        };
        if let Some(s) = &t.trust {
            trust[to].0 += s.score();
            trust[to].1 += 1;
        }
        if let Some(s) = &t.value {
            value[to].0 += s.score();
            value[to].1 += 1;
        }
    }
    let mean = |v: Vec<(f64, u32)>| v.into_iter().map(|(s, c)| (c > 0).then(|| s / c as f64)).collect();
    (mean(trust), mean(value))
}

/// A network-wide PARTNER score: the mean pair score over all rated ties, as a
/// percentage of the scale's top (4). `None` when no tie is rated.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NetworkScore {
    /// Ties that carry the rating.
    pub rated_ties: u64,
    /// Mean pair score, 1–4.
    pub mean: Option<f64>,
    /// The mean as a percentage of 4.
    pub percent: Option<f64>,
}

/// Network trust and value scores (PARTNER).
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::partnership::network_scores;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate",
///             "trust": {"reliability": 4, "mission": 3, "openness": 2}}]}"#).unwrap();
/// let (trust, value) = network_scores(&doc);
/// assert_eq!(trust.percent, Some(75.0));
/// assert_eq!(value.mean, None);
/// ```
pub fn network_scores(doc: &Initiative) -> (NetworkScore, NetworkScore) {
    let score = |items: Vec<f64>| {
        let n = items.len() as u64;
        let mean = (n > 0).then(|| items.iter().sum::<f64>() / n as f64);
        NetworkScore { rated_ties: n, mean, percent: mean.map(|m| m / 4.0 * 100.0) }
    };
    let trust = doc.ties.iter().filter_map(|t| t.trust.map(|s| s.score())).collect();
    let value = doc.ties.iter().filter_map(|t| t.value.map(|s| s.score())).collect();
    (score(trust), score(value))
}

/// How the two sides of a pair disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AsymmetryKind {
    /// Both reported the pair, two or more levels apart.
    LevelGap,
    /// `a` named `b`, and `b` answered the survey without naming `a`.
    Unreciprocated,
}

/// A pair whose two sides see their relationship differently.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Asymmetry {
    /// The partner that reported first in the document.
    pub a: Id,
    /// The other partner.
    pub b: Id,
    /// Level gap or unreciprocated.
    pub kind: AsymmetryKind,
    /// The level `a` reported.
    pub a_level: Level,
    /// The level `b` reported, if it reported the pair.
    pub b_level: Option<Level>,
}

/// Pairs whose sides disagree: both reported the pair at levels two or more steps apart
/// on the Tamarack spectrum, or one named the other, who answered the survey and did not
/// name it back. A partner that did not answer (`responded: false`) cannot disagree. All
/// reported ties count, whatever their level. In order of each pair's first tie.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::partnership::{AsymmetryKind, asymmetric_pairs};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C", "responded": false}],
///   "ties": [{"from": "a", "to": "b", "level": "integrate"}, {"from": "b", "to": "a", "level": "cooperate"},
///            {"from": "a", "to": "c", "level": "cooperate"}]}"#).unwrap();
/// let pairs = asymmetric_pairs(&doc);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!(pairs[0].kind, AsymmetryKind::LevelGap);
/// ```
pub fn asymmetric_pairs(doc: &Initiative) -> Vec<Asymmetry> {
    let responded: HashMap<&str, bool> = doc.partners.iter().map(|p| (p.id.as_str(), p.responded)).collect();
    let mut reported: HashMap<(&str, &str), Level> = HashMap::with_capacity(doc.ties.len());
    for t in &doc.ties {
        reported.entry((t.from.as_str(), t.to.as_str())).or_insert(t.level);
    }
    let mut seen: HashSet<(&str, &str)> = HashSet::with_capacity(doc.ties.len());
    let mut out = Vec::new();
    for t in &doc.ties {
        let (a, b) = (t.from.as_str(), t.to.as_str());
        let key = if a < b { (a, b) } else { (b, a) };
        if a == b || !seen.insert(key) {
            continue;
        }
        let back = reported.get(&(b, a)).copied();
        let kind = match back {
            Some(l) if (t.level.rank() as i32 - l.rank() as i32).abs() >= 2 => Some(AsymmetryKind::LevelGap),
            None if responded.get(b).copied().unwrap_or(false) => Some(AsymmetryKind::Unreciprocated),
            _ => None,
        };
        if let Some(kind) = kind {
            out.push(Asymmetry { a: t.from.clone(), b: t.to.clone(), kind, a_level: t.level, b_level: back });
        }
    }
    out
}

/// A tie whose reporter wants a different level than it has.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LevelGap {
    /// The partner that reported the tie.
    pub from: Id,
    /// The partner it reported on.
    pub to: Id,
    /// The level now.
    pub level: Level,
    /// The level wanted.
    pub desired_level: Level,
    /// Steps on the Tamarack spectrum from now to wanted (negative: wants less).
    pub gap: i32,
}

/// Ties whose `desired_level` differs from `level`, in document order.
///
/// # Example
/// ```
/// use convener::Initiative;
/// use convener::network::partnership::level_gaps;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "communicate", "desired_level": "collaborate"}]}"#).unwrap();
/// assert_eq!(level_gaps(&doc)[0].gap, 3);
/// ```
pub fn level_gaps(doc: &Initiative) -> Vec<LevelGap> {
    doc.ties
        .iter()
        .filter_map(|t| {
            let desired = t.desired_level?;
            (desired != t.level).then(|| LevelGap {
                from: t.from.clone(),
                to: t.to.clone(),
                level: t.level,
                desired_level: desired,
                gap: desired.rank() as i32 - t.level.rank() as i32,
            })
        })
        .collect()
}

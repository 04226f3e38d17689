//! What-if: the partnership without some partners — what breaks, who loses a provider,
//! which activities lose their lead — and the key players whose loss would hurt most.

use schemars::JsonSchema;
use serde::Serialize;

use super::dependency::{ActivityLinks, DependencyGraph, activities_hit};
use super::graph::{Csr, EdgeRule};
use super::structure::{components, low_link};
use crate::model::{Id, Initiative, Options, Scenario};

/// A value before and after the change.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Change<T> {
    /// Before.
    pub before: T,
    /// After.
    pub after: T,
}

/// Borgatti's fragmentation: the share of pairs of partners that cannot reach each other,
/// F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1)) over component sizes s_k. `None` below 2 partners.
///
/// Source: Borgatti (2006), "Identifying sets of key players in a social network".
pub fn fragmentation(g: &Csr) -> Option<f64> {
    let n = g.len() as f64;
    if n < 2.0 {
        return None;
    }
    let (_, sizes) = components(g);
    let connected: f64 = sizes.iter().map(|&s| (s * s.saturating_sub(1)) as f64).sum();
    Some(1.0 - connected / (n * (n - 1.0)))
}

/// The share of other partners within two steps of the backbone: (partners at distance 1
/// or 2) / (n − 1). `None` without a backbone or with no other partner.
pub fn backbone_reach(doc: &Initiative, g: &Csr) -> Option<f64> {
    let b = doc.backbone.as_ref()?;
    let v = doc.partners.iter().position(|p| p.id == b.partner)?;
    let n = g.len();
    if n < 2 {
        return None;
    }
    let mut seen = vec![false; n];
    seen[v] = true;
    let mut count = 0usize;
    for &w in g.neighbours(v) {
        if !seen[w as usize] {
            seen[w as usize] = true;
            count += 1;
        }
    }
    for &w in g.neighbours(v) {
        for &x in g.neighbours(w as usize) {
            if !seen[x as usize] {
                seen[x as usize] = true;
                count += 1;
            }
        }
    }
    Some(count as f64 / (n - 1) as f64)
}

/// Who loses a provider, down the dependency chains.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Cascade {
    /// Partners that depend, directly or down a chain, on a removed partner.
    pub partners: Vec<Id>,
    /// Activities led by or involving a removed or cascaded partner, and those that depend
    /// on them.
    pub activities: Vec<Id>,
}

/// What changes when the partners go.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WhatIfDelta {
    /// Connected components.
    pub components: Change<u64>,
    /// Share of partners in the largest component.
    pub largest_component_share: Change<Option<f64>>,
    /// Share of pairs of partners that cannot reach each other (Borgatti).
    pub fragmentation: Change<Option<f64>>,
    /// Share of partners within two steps of the backbone.
    pub backbone_reach: Change<Option<f64>>,
    /// Partners left with no connection at all who had one.
    pub newly_isolated: Vec<Id>,
    /// Who loses a provider.
    pub cascade: Cascade,
    /// Activities whose lead is gone.
    pub activities_without_lead: Vec<Id>,
}

fn largest_share(g: &Csr) -> Option<f64> {
    let (_, sizes) = components(g);
    let n = g.len();
    (n > 0).then(|| *sizes.iter().max().unwrap_or(&0) as f64 / n as f64)
}

/// The network-level consequences of removing `scenario.removed` from `doc`.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// use convener::network::whatif::delta;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "c", "level": "collaborate"}]}"#).unwrap();
/// // a ── b ── c: without b, a and c are cut off
/// let d = delta(&doc, &doc.without(&["b"]).unwrap(), &Options::default());
/// assert_eq!((d.components.before, d.components.after), (1, 2));
/// assert_eq!(d.fragmentation.after, Some(1.0));
/// ```
pub fn delta(doc: &Initiative, scenario: &Scenario, options: &Options) -> WhatIfDelta {
    let rule = EdgeRule { min_level: options.min_level, kinds: options.tie_kinds.clone() };
    let before = super::graph::undirected_csr(doc, &rule);
    let after = super::graph::undirected_csr(&scenario.initiative, &rule);
    let removed: std::collections::HashSet<&str> = scenario.removed.iter().map(Id::as_str).collect();
    let removed_idx: Vec<usize> =
        doc.partners.iter().enumerate().filter(|(_, p)| removed.contains(p.id.as_str())).map(|(i, _)| i).collect();
    let cascade_idx = DependencyGraph::new(doc).cascade(&removed_idx);
    let mut hit_partners = removed_idx.clone();
    hit_partners.extend(&cascade_idx);
    let activities = activities_hit(doc, &hit_partners).into_iter().map(|i| doc.activities[i].id.clone()).collect();
    let after_index: std::collections::HashMap<&str, usize> =
        scenario.initiative.partners.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let newly_isolated = doc
        .partners
        .iter()
        .enumerate()
        .filter(|(i, p)| before.degree(*i) > 0 && after_index.get(p.id.as_str()).is_some_and(|&j| after.degree(j) == 0))
        .map(|(_, p)| p.id.clone())
        .collect();
    WhatIfDelta {
        components: Change { before: components(&before).1.len() as u64, after: components(&after).1.len() as u64 },
        largest_component_share: Change { before: largest_share(&before), after: largest_share(&after) },
        fragmentation: Change { before: fragmentation(&before), after: fragmentation(&after) },
        backbone_reach: Change {
            before: backbone_reach(doc, &before),
            after: backbone_reach(&scenario.initiative, &after),
        },
        newly_isolated,
        cascade: Cascade { partners: cascade_idx.iter().map(|&i| doc.partners[i].id.clone()).collect(), activities },
        activities_without_lead: scenario.activities_without_lead.clone(),
    }
}

/// A partner whose loss would hurt the partnership.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct KeyPlayer {
    /// The partner.
    pub partner: Id,
    /// fragmentation share + cascade share, 0 to 2: the ranking key.
    pub damage: f64,
    /// Pairs of other partners that could reach each other and no longer could.
    pub pairs_disconnected: u64,
    /// pairs_disconnected / ((n−1)(n−2)/2).
    pub fragmentation_share: f64,
    /// Partners that depend on it, directly or down a chain.
    pub cascade_partners: u64,
    /// cascade_partners / (n − 1).
    pub cascade_share: f64,
    /// Activities hit: led by or involving it or a cascaded partner, or depending on one.
    pub cascade_activities: u64,
}

/// Partners ranked by the damage of their loss (most first, then document order), those
/// with any damage, at most `limit`.
///
/// damage = fragmentation share + cascade share, where fragmentation share = pairs of the
/// other partners disconnected by the loss / all pairs of the others (Borgatti's
/// fragmentation, key-player problem 1) and cascade share = partners losing a provider
/// down the dependency chains / the others. Pairs disconnected come for every partner
/// from one depth-first search (see [`low_link`]), not one
/// recomputation per partner; cascades are one search each in the dependency graph.
///
/// Source: Borgatti (2006).
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// use convener::network::whatif::key_players;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "c", "level": "collaborate"}]}"#).unwrap();
/// let k = key_players(&doc, &Options::default(), 10);
/// assert_eq!(k[0].partner.as_str(), "b");
/// assert_eq!(k[0].pairs_disconnected, 1);
/// ```
pub fn key_players(doc: &Initiative, options: &Options, limit: usize) -> Vec<KeyPlayer> {
    let losses = Losses::new(doc, options);
    let mut out: Vec<KeyPlayer> = (0..doc.partners.len()).map(|v| losses.of(v)).filter(|k| k.damage > 0.0).collect();
    out.sort_by(|a, b| b.damage.total_cmp(&a.damage));
    out.truncate(limit);
    out
}

/// What losing one partner would do: its [`KeyPlayer`] entry, whatever its damage.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// use convener::network::whatif::loss_of;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// assert_eq!(loss_of(&doc, &Options::default(), 0).damage, 0.0);
/// ```
pub fn loss_of(doc: &Initiative, options: &Options, v: usize) -> KeyPlayer {
    Losses::new(doc, options).of(v)
}

/// The graphs the damage of a loss is read from, built once and asked about many partners.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// use convener::network::whatif::Losses;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "c", "level": "collaborate"}]}"#).unwrap();
/// let losses = Losses::new(&doc, &Options::default());
/// assert_eq!(losses.of(1).pairs_disconnected, 1);
/// ```
pub struct Losses<'a> {
    doc: &'a Initiative,
    low: super::structure::LowLink,
    dep: DependencyGraph,
    activities: ActivityLinks<'a>,
}

impl<'a> Losses<'a> {
    /// Builds the graphs of `doc` under `options`' edge rule.
    pub fn new(doc: &'a Initiative, options: &Options) -> Self {
        let rule = EdgeRule { min_level: options.min_level, kinds: options.tie_kinds.clone() };
        let csr = super::graph::undirected_csr(doc, &rule);
        Losses { doc, low: low_link(&csr), dep: DependencyGraph::new(doc), activities: ActivityLinks::new(doc) }
    }

    /// What losing partner `v` (document index) would do.
    pub fn of(&self, v: usize) -> KeyPlayer {
        let n = self.doc.partners.len();
        let l = &self.low;
        let others = n.saturating_sub(1) as f64;
        let other_pairs = (n.saturating_sub(1) * n.saturating_sub(2) / 2) as f64;
        // Pairs of the others connected before (all pairs less v's own) and after.
        let before = l.pairs - (l.component_size[v] - 1);
        let pairs_disconnected = before - l.pairs_without[v];
        let cascade = if self.dep.is_empty() { vec![] } else { self.dep.cascade(&[v]) };
        let mut hit = cascade.clone();
        hit.push(v);
        let fragmentation_share = if other_pairs > 0.0 { pairs_disconnected as f64 / other_pairs } else { 0.0 };
        let cascade_share = if others > 0.0 { cascade.len() as f64 / others } else { 0.0 };
        KeyPlayer {
            partner: self.doc.partners[v].id.clone(),
            damage: fragmentation_share + cascade_share,
            pairs_disconnected,
            fragmentation_share,
            cascade_partners: cascade.len() as u64,
            cascade_share,
            cascade_activities: self.activities.hit(self.doc, &hit).len() as u64,
        }
    }
}

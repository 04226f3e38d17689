//! The partner network: graphs on petgraph, measures exact to networkx, communities,
//! mixing between sectors, PARTNER trust and value, and the network table.
//!
//! | measure | graph |
//! |---|---|
//! | degree, degree centrality, betweenness, closeness, core number, constraint, effective size, clustering, articulation points, bridges, components, density, diameter | undirected |
//! | eigenvector | undirected, largest component |
//! | in/out degree, reciprocity, strong components, PageRank | directed |
//! | communities, modularity | undirected (Louvain) |
//!
//! A tie is a connection when its level is at least `min_level` (default `communicate`).

pub mod centrality;
pub mod community;
pub mod dependency;
mod graph;
pub mod partnership;
pub mod structure;
pub mod whatif;

pub use graph::{Csr, EdgeRule, PartnerGraph};
pub use petgraph;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Id, Initiative, Level, Metric, Options, Sector, Text};
use partnership::{Asymmetry, EiIndex, GroupEi, LevelGap, NetworkScore};

/// The measures of one partner. `null` where not asked for or undefined (the constraint
/// of an isolate, the eigenvector centrality outside the largest component).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PartnerMeasures {
    /// The partner's id.
    pub partner: Id,
    /// Its name.
    pub name: Text,
    /// Its sector.
    pub sector: Sector,
    /// Partners it is connected to.
    pub degree: Option<u64>,
    /// Partners that reported a tie to it.
    pub in_degree: Option<u64>,
    /// Partners it reported a tie to.
    pub out_degree: Option<u64>,
    /// degree / (n − 1).
    pub degree_centrality: Option<f64>,
    /// Normalized betweenness: the share of shortest paths between others through it.
    pub betweenness: Option<f64>,
    /// Closeness (Wasserman–Faust).
    pub closeness: Option<f64>,
    /// Eigenvector centrality within the largest component.
    pub eigenvector: Option<f64>,
    /// PageRank on the directed ties.
    pub pagerank: Option<f64>,
    /// k-core number.
    pub core_number: Option<u64>,
    /// Burt's constraint (high: its contacts all know each other).
    pub constraint: Option<f64>,
    /// Burt's effective size (non-redundant contacts).
    pub effective_size: Option<f64>,
    /// Local clustering coefficient.
    pub clustering: Option<f64>,
    /// Whether removing it splits its component.
    pub articulation_point: Option<bool>,
    /// Its Louvain community.
    pub community: Option<u32>,
    /// Mean trust others report in it (1–4, PARTNER).
    pub trust: Option<f64>,
    /// Mean value others report of it (1–4, PARTNER).
    pub value: Option<f64>,
}

/// The network as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NetworkSummary {
    /// Partners (nodes).
    pub partners: u64,
    /// Ties reported, at any level.
    pub ties_reported: u64,
    /// Directed ties at or above the minimum level.
    pub directed_ties: u64,
    /// Connected pairs (undirected edges).
    pub connections: u64,
    /// connections / (n(n−1)/2).
    pub density: Option<f64>,
    /// Share of directed ties reported back (networkx `overall_reciprocity`).
    pub reciprocity: Option<f64>,
    /// Freeman degree centralization: Σ(max degree − degree) / ((n−1)(n−2)).
    pub degree_centralization: Option<f64>,
    /// Connected components (an isolated partner is one).
    pub components: u64,
    /// Partners in the largest component.
    pub largest_component: u64,
    /// Share of partners in the largest component.
    pub largest_component_share: Option<f64>,
    /// Strongly connected components of the directed ties.
    pub strong_components: u64,
    /// Partners with no connection.
    pub isolates: u64,
    /// Mean local clustering over all partners (networkx `average_clustering`).
    pub average_clustering: Option<f64>,
    /// The longest shortest path within the largest component.
    pub diameter: Option<u64>,
    /// Partners whose removal splits their component.
    pub articulation_points: u64,
    /// Connections whose removal splits their component.
    pub bridges: u64,
    /// Louvain communities.
    pub communities: Option<u64>,
    /// Modularity of the communities (null without connections).
    pub modularity: Option<f64>,
    /// Share of the other partners within two steps of the backbone (null without one).
    pub backbone_reach: Option<f64>,
    /// How betweenness, closeness and the diameter were computed: exactly, sampled (with
    /// the error bound) or skipped, against `budgets.exact_betweenness_max_partners`.
    pub betweenness_method: MethodUsed,
    /// Whether key players were ranked (`exact`) or skipped, against
    /// `budgets.key_players_max_partners`.
    pub key_players_method: MethodUsed,
}

/// How a measure whose work grows faster than the network was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Exactly, from every partner.
    Exact,
    /// Estimated from a random sample of source partners, within a stated error bound.
    Sampled,
    /// Not computed: the network is over the budget.
    Skipped,
    /// Not asked for (option `metrics`).
    NotRequested,
}

/// Which [`Method`] was used for a budgeted measure, the budget, and for a sampled one the
/// sample and its error bound: with probability at least 1 − `error_probability`, every
/// partner's estimate is within `error_bound` of its exact value.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// use convener::network::Method;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "c", "level": "cooperate"}]}"#).unwrap();
/// let exact = convener::network::analyze(&doc, &Options::default());
/// assert_eq!(exact.summary.betweenness_method.method, Method::Exact);
/// let options = Options::from_json(r#"{"budgets": {"exact_betweenness_max_partners": 2,
///   "over_budget": "sample", "sample_sources": 2}}"#).unwrap();
/// let sampled = convener::network::analyze(&doc, &options);
/// let m = &sampled.summary.betweenness_method;
/// assert_eq!((m.method, m.sources), (Method::Sampled, Some(2)));
/// assert!(m.error_bound.unwrap() > 0.0);
/// assert_eq!(sampled.partners[1].closeness, None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MethodUsed {
    /// `exact`, `sampled`, `skipped` or `not_requested`.
    pub method: Method,
    /// The size budget in partners: above it the exact computation is not done.
    pub budget: u64,
    /// With `sampled`: the number of source partners k.
    pub sources: Option<u64>,
    /// With `sampled`: ε, the largest error of any partner's estimate (normalized, 0–1),
    /// n/(n − 1)·√(ln(2n/δ)/(2k)) by Hoeffding's inequality and a union bound.
    pub error_bound: Option<f64>,
    /// With `sampled`: δ, the probability that the bound fails (0.05).
    pub error_probability: Option<f64>,
}

impl MethodUsed {
    /// `exact` when `within`, else `skipped`.
    fn whole(within: bool, budget: u32) -> Self {
        let method = if within { Method::Exact } else { Method::Skipped };
        MethodUsed { method, budget: budget as u64, sources: None, error_bound: None, error_probability: None }
    }

    fn not_requested(budget: u32) -> Self {
        MethodUsed { method: Method::NotRequested, ..MethodUsed::whole(true, budget) }
    }

    /// The method in words, for renderings: "exact", "sampled from 1000 source partners
    /// (within ±0.087 with probability 95%)", "skipped: over the budget of 20000 partners".
    ///
    /// # Example
    /// ```
    /// use convener::network::{Method, MethodUsed};
    /// let m = MethodUsed { method: Method::Sampled, budget: 10, sources: Some(5),
    ///     error_bound: Some(0.25), error_probability: Some(0.05) };
    /// assert_eq!(m.describe(), "sampled from 5 source partners (within ±0.250 of the exact value with probability 95%)");
    /// ```
    pub fn describe(&self) -> String {
        match self.method {
            Method::Exact => "exact".into(),
            Method::Sampled => format!(
                "sampled from {} source partners (within ±{:.3} of the exact value with probability {:.0}%)",
                self.sources.unwrap_or(0),
                self.error_bound.unwrap_or(0.0),
                (1.0 - self.error_probability.unwrap_or(0.0)) * 100.0
            ),
            Method::Skipped => format!("skipped: over the budget of {} partners", self.budget),
            Method::NotRequested => "not requested".into(),
        }
    }
}

/// Betweenness, closeness and eccentricities within `budgets.exact_betweenness_max_partners`;
/// above it, betweenness sampled or nothing, as `budgets.over_budget` says, with a note.
/// Returns the exact measures, the sampled betweenness and the method used.
fn paths_within_budget(
    csr: &Csr,
    options: &Options,
    wants_betweenness: bool,
    wants_closeness: bool,
    notes: &mut Vec<String>,
) -> (Option<centrality::ShortestPaths>, Option<Vec<f64>>, MethodUsed) {
    let n = csr.len();
    let budgets = &options.budgets;
    let budget = budgets.exact_betweenness_max_partners;
    let k = budgets.sample_sources.get() as usize;
    if !wants_betweenness && !wants_closeness {
        return (None, None, MethodUsed::not_requested(budget));
    }
    // Sampling every partner costs what the exact computation does: do that instead.
    let sampling = budgets.over_budget == crate::model::OverBudget::Sample && wants_betweenness;
    if n <= budget as usize || (sampling && k >= n) {
        return (Some(centrality::shortest_paths(csr, wants_betweenness)), None, MethodUsed::whole(true, budget));
    }
    if !sampling {
        notes.push(format!(
            "betweenness, closeness and the diameter were not computed: {n} partners is over the budget of {budget} (option budgets.exact_betweenness_max_partners)"
        ));
        return (None, None, MethodUsed::whole(false, budget));
    }
    let sources = centrality::sample_sources(n, k, budgets.sample_seed);
    let estimate = centrality::sampled_betweenness(csr, &sources);
    let delta = centrality::ERROR_PROBABILITY;
    let method = MethodUsed {
        method: Method::Sampled,
        budget: budget as u64,
        sources: Some(sources.len() as u64),
        error_bound: Some(centrality::error_bound(n, sources.len(), delta)),
        error_probability: Some(delta),
    };
    notes.push(format!(
        "betweenness was {}: {n} partners is over the budget of {budget} (option budgets.exact_betweenness_max_partners, budgets.over_budget sample); closeness and the diameter were not computed",
        method.describe()
    ));
    (None, Some(estimate), method)
}

/// A connection whose removal splits its component.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Bridge {
    /// One end (earlier in the document).
    pub a: Id,
    /// The other end.
    pub b: Id,
}

/// A Louvain community.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CommunityGroup {
    /// Its number (from 0, by first member's document order).
    pub id: u32,
    /// Its members, in document order.
    pub members: Vec<Id>,
}

/// Mixing between sector groups.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SectorMixing {
    /// The whole network.
    pub network: EiIndex,
    /// Each sector group.
    pub groups: Vec<GroupEi>,
}

/// Everything the network analysis finds.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NetworkReport {
    /// The lowest level counted as a connection.
    pub min_level: Level,
    /// Only ties of these kinds counted as connections (null: every kind).
    pub tie_kinds: Option<Vec<crate::model::TieKind>>,
    /// Network-level measures.
    pub summary: NetworkSummary,
    /// Per-partner measures, in document order.
    pub partners: Vec<PartnerMeasures>,
    /// Bridges.
    pub bridges: Vec<Bridge>,
    /// Louvain communities (empty when not asked for).
    pub communities: Vec<CommunityGroup>,
    /// The E-I index over sector groups.
    pub sector_mixing: SectorMixing,
    /// PARTNER trust over all rated ties.
    pub trust: NetworkScore,
    /// PARTNER value over all rated ties.
    pub value: NetworkScore,
    /// Pairs whose two sides see the tie differently.
    pub asymmetric_pairs: Vec<Asymmetry>,
    /// Ties whose reporter wants a different level.
    pub level_gaps: Vec<LevelGap>,
    /// The partner dependency graph: cycles, who many depend on, chain depth.
    pub dependencies: dependency::DependencyReport,
    /// Partners whose loss would hurt most (at most 20), by fragmentation and cascade.
    pub key_players: Vec<whatif::KeyPlayer>,
    /// What was not computed, and why.
    pub notes: Vec<String>,
}

/// How many key players the report lists at most.
pub const KEY_PLAYERS: usize = 20;

fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

/// Analyses the partner network of `doc` with `options` (`min_level`, `tie_kinds`,
/// `metrics`, `budgets`).
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}, {"from": "b", "to": "c", "level": "cooperate"}]}"#).unwrap();
/// let report = convener::network::analyze(&doc, &Options::default());
/// // a ── b ── c
/// assert_eq!(report.partners[1].betweenness, Some(1.0));
/// assert_eq!(report.partners[1].articulation_point, Some(true));
/// assert_eq!(report.summary.diameter, Some(2));
/// ```
pub fn analyze(doc: &Initiative, options: &Options) -> NetworkReport {
    let rule = EdgeRule { min_level: options.min_level, kinds: options.tie_kinds.clone() };
    let g = PartnerGraph::new(doc, &rule);
    let mut notes = Vec::new();
    let m = measure_all(doc, &g, options, &mut notes);
    let partners = partner_rows(doc, &m, options);
    let summary = summarise(doc, &g, &m, options);
    let key_players = if summary.key_players_method.method == Method::Exact {
        whatif::key_players(doc, options, KEY_PLAYERS)
    } else {
        notes.push(format!(
            "key players were not ranked: {} partners is over the budget of {} (option budgets.key_players_max_partners)",
            g.len(),
            options.budgets.key_players_max_partners
        ));
        vec![]
    };
    let id = |v: u32| doc.partners[v as usize].id.clone();
    let (ei, groups) = partnership::sector_mixing(doc, &g);
    let (trust_score, value_score) = partnership::network_scores(doc);
    NetworkReport {
        min_level: options.min_level,
        tie_kinds: options.tie_kinds.clone(),
        summary,
        partners,
        bridges: m.bridges.iter().map(|&(a, b)| Bridge { a: id(a), b: id(b) }).collect(),
        communities: community_groups(doc, m.community.as_deref()),
        sector_mixing: SectorMixing { network: ei, groups },
        trust: trust_score,
        value: value_score,
        asymmetric_pairs: partnership::asymmetric_pairs(doc),
        level_gaps: partnership::level_gaps(doc),
        dependencies: dependency::dependency_report(doc),
        key_players,
        notes,
    }
}

/// Every measure of every partner, computed once (those not wanted are `None`).
struct Measures {
    degree: Vec<u64>,
    out_degree: Vec<usize>,
    in_degree: Vec<usize>,
    paths: Option<centrality::ShortestPaths>,
    sampled_betweenness: Option<Vec<f64>>,
    betweenness_method: MethodUsed,
    sizes: Vec<usize>,
    largest: Vec<u32>,
    eigen: Option<Vec<Option<f64>>>,
    pagerank: Option<Vec<f64>>,
    cores: Option<Vec<u32>>,
    hoods: structure::Neighbourhoods,
    cut: Vec<bool>,
    bridges: Vec<(u32, u32)>,
    community: Option<Vec<u32>>,
    trust: Vec<Option<f64>>,
    value: Vec<Option<f64>>,
}

/// The measures in a fixed order (the notes of measures that did not converge follow it).
fn measure_all(doc: &Initiative, g: &PartnerGraph, options: &Options, notes: &mut Vec<String>) -> Measures {
    let csr = g.csr();
    let n = g.len();
    let wants = |m: Metric| options.wants(m);
    let out_degree: Vec<usize> = (0..n).map(|v| g.out_csr().degree(v)).collect();
    let (paths, sampled_betweenness, betweenness_method) =
        paths_within_budget(csr, options, wants(Metric::Betweenness), wants(Metric::Closeness), notes);
    let (label, sizes) = structure::components(csr);
    let largest = structure::largest_component(&label, &sizes);
    let eigen = wants(Metric::Eigenvector).then(|| eigenvector_in(csr, &largest, notes)).flatten();
    let pagerank = wants(Metric::Pagerank)
        .then(|| {
            let x = centrality::pagerank(g.in_csr(), &out_degree);
            if x.is_none() {
                notes.push("PageRank did not converge in 10,000 iterations".into());
            }
            x
        })
        .flatten();
    let (cut, bridges) = structure::cut_points(csr);
    let (trust, value) = partnership::received_ratings(doc);
    Measures {
        degree: (0..n).map(|v| csr.degree(v) as u64).collect(),
        in_degree: (0..n).map(|v| g.in_csr().degree(v)).collect(),
        out_degree,
        paths,
        sampled_betweenness,
        betweenness_method,
        sizes,
        largest,
        eigen,
        pagerank,
        cores: wants(Metric::CoreNumber).then(|| structure::core_numbers(csr)),
        hoods: structure::neighbourhoods(csr),
        cut,
        bridges,
        community: wants(Metric::Community).then(|| community::louvain(csr)),
        trust,
        value,
    }
}

/// Eigenvector centrality on the largest component, spread over every partner; `None`
/// (with a note) when it does not converge.
fn eigenvector_in(csr: &Csr, largest: &[u32], notes: &mut Vec<String>) -> Option<Vec<Option<f64>>> {
    let Some(x) = centrality::eigenvector(csr, largest) else {
        notes.push("eigenvector centrality did not converge in 10,000 iterations".into());
        return None;
    };
    let mut full = vec![None; csr.len()];
    for (i, &v) in largest.iter().enumerate() {
        full[v as usize] = Some(x[i]);
    }
    Some(full)
}

/// One row per partner, in document order, with the wanted measures.
fn partner_rows(doc: &Initiative, m: &Measures, options: &Options) -> Vec<PartnerMeasures> {
    let wants = |x: Metric| options.wants(x);
    let n = doc.partners.len();
    let betweenness = m.paths.as_ref().and_then(|p| p.betweenness.as_ref()).or(m.sampled_betweenness.as_ref());
    let keep = |want: bool, x: Option<f64>| if want { x } else { None };
    doc.partners
        .iter()
        .enumerate()
        .map(|(v, p)| PartnerMeasures {
            partner: p.id.clone(),
            name: p.name.clone(),
            sector: p.sector,
            degree: wants(Metric::Degree).then_some(m.degree[v]),
            in_degree: wants(Metric::InDegree).then_some(m.in_degree[v] as u64),
            out_degree: wants(Metric::OutDegree).then_some(m.out_degree[v] as u64),
            degree_centrality: wants(Metric::DegreeCentrality)
                .then(|| if n <= 1 { 1.0 } else { m.degree[v] as f64 / (n as f64 - 1.0) }),
            betweenness: betweenness.map(|b| b[v]),
            closeness: m.paths.as_ref().filter(|_| wants(Metric::Closeness)).map(|p| p.closeness[v]),
            eigenvector: m.eigen.as_ref().and_then(|e| e[v]),
            pagerank: m.pagerank.as_ref().map(|x| x[v]),
            core_number: m.cores.as_ref().map(|c| c[v] as u64),
            constraint: keep(wants(Metric::Constraint), m.hoods.constraint[v]),
            effective_size: keep(wants(Metric::EffectiveSize), m.hoods.effective_size[v]),
            clustering: Some(m.hoods.clustering[v]),
            articulation_point: wants(Metric::ArticulationPoint).then_some(m.cut[v]),
            community: m.community.as_ref().map(|c| c[v]),
            trust: keep(wants(Metric::Trust), m.trust[v]),
            value: keep(wants(Metric::Value), m.value[v]),
        })
        .collect()
}

/// The network as a whole: size, density, reciprocity, centralization, components,
/// clustering, diameter, cut points, communities and the methods used.
fn summarise(doc: &Initiative, g: &PartnerGraph, m: &Measures, options: &Options) -> NetworkSummary {
    let n = g.len();
    let nf = n as f64;
    let connections = g.undirected_edges().len() as f64;
    let arcs = g.directed.edge_count();
    let out = g.out_csr();
    let reciprocal =
        (0..n).map(|v| out.neighbours(v).iter().filter(|&&w| out.has_edge(w as usize, v)).count()).sum::<usize>();
    let max_degree = m.degree.iter().copied().max().unwrap_or(0);
    let centralization = (n >= 3).then(|| {
        let sum: u64 = m.degree.iter().map(|d| max_degree - d).sum();
        sum as f64 / ((nf - 1.0) * (nf - 2.0))
    });
    let diameter = m
        .paths
        .as_ref()
        .filter(|_| n > 0)
        .map(|p| m.largest.iter().map(|&v| p.eccentricity[v as usize] as u64).max().unwrap_or(0));
    let strong = structure::strong_components(out);
    let key_budget = options.budgets.key_players_max_partners;
    NetworkSummary {
        partners: n as u64,
        ties_reported: doc.ties.len() as u64,
        directed_ties: arcs as u64,
        connections: connections as u64,
        density: (n >= 2).then(|| 2.0 * connections / (nf * (nf - 1.0))),
        reciprocity: ratio(reciprocal as f64, arcs as f64),
        degree_centralization: centralization,
        components: m.sizes.len() as u64,
        largest_component: m.largest.len() as u64,
        largest_component_share: ratio(m.largest.len() as f64, nf),
        strong_components: strong.iter().map(|&c| c as u64 + 1).max().unwrap_or(0),
        isolates: m.degree.iter().filter(|&&d| d == 0).count() as u64,
        average_clustering: (n > 0).then(|| m.hoods.clustering.iter().sum::<f64>() / nf),
        diameter,
        articulation_points: m.cut.iter().filter(|&&c| c).count() as u64,
        bridges: m.bridges.len() as u64,
        communities: m.community.as_ref().map(|c| c.iter().map(|&x| x as u64 + 1).max().unwrap_or(0)),
        modularity: m.community.as_ref().and_then(|c| community::modularity(g.csr(), c)),
        backbone_reach: whatif::backbone_reach(doc, g.csr()),
        betweenness_method: m.betweenness_method.clone(),
        key_players_method: MethodUsed::whole(n <= key_budget as usize, key_budget),
    }
}

/// The communities with their members in document order, numbered from 0.
fn community_groups(doc: &Initiative, community: Option<&[u32]>) -> Vec<CommunityGroup> {
    let Some(c) = community else { return vec![] };
    let k = c.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    let mut groups: Vec<CommunityGroup> = (0..k as u32).map(|id| CommunityGroup { id, members: vec![] }).collect();
    for (v, &x) in c.iter().enumerate() {
        groups[x as usize].members.push(doc.partners[v].id.clone());
    }
    groups
}

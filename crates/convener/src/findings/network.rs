//! Findings on the partner network: dependencies, connections, trust, and what a size budget left out.

use std::collections::HashSet;

use super::{Out, Sources, names};
use crate::codes::FindingCode;
use crate::model::{Id, SectorGroup, Tie};
use crate::network::{Method, NetworkReport};

/// The share of the partners that, depending on one partner, makes it one that "many
/// depend on" (`network.many_depend_on` at ⌊max(0.1 × n, 3)⌋ transitive dependants).
/// convener's convention (docs/scoring.md): a tenth of a large partnership.
pub(super) const DEPENDANTS_SHARE: f64 = 0.1;

/// The fewest transitive dependants that count as many, however small the partnership
/// (see [`DEPENDANTS_SHARE`]). convener's convention: one or two dependants is ordinary
/// joint work.
pub(super) const DEPENDANTS_MIN: f64 = 3.0;

/// The fewest partners a sector group needs to be called a silo (`network.sector_silo`).
/// convener's convention: with one or two partners a group's E-I index says little.
pub(super) const SILO_MIN_PARTNERS: u64 = 3;

/// The E-I index (Krackhardt & Stern 1988) at or below which a sector group works mostly
/// among itself: −0.5 is three connections within the group for each one across.
/// The index is Krackhardt & Stern's; the threshold is convener's convention.
pub(super) const SILO_EI_INDEX: f64 = -0.5;

/// The trust pair score (1–4, after the PARTNER tool, Varda et al.) at or below which a
/// tie carries low trust (`network.low_trust_pair`). The score is PARTNER's; the threshold
/// is convener's convention (docs/scoring.md). The message states it.
pub(super) const LOW_TRUST_SCORE: f64 = 2.0;

/// How many low-trust pairs the message of `network.low_trust_pair` lists before "…".
/// convener's choice, as for names (the finding's subjects list every partner).
const LOW_TRUST_PAIRS_SHOWN: usize = 5;

/// `network.many_depend_on` for each partner many depend on, then
/// `network.dependency_cycle` for each circle of dependencies.
pub(super) fn dependencies(s: &Sources, out: &mut Out) {
    let (doc, net) = (s.doc, s.network);
    let threshold = (doc.partners.len() as f64 * DEPENDANTS_SHARE).max(DEPENDANTS_MIN) as u64;
    for d in net.dependencies.partners.iter().filter(|d| d.transitive_dependants >= threshold) {
        out.add(
            FindingCode::NetworkManyDependOn,
            format!(
                "{} partners cannot deliver without {}, directly or down the chain.",
                d.transitive_dependants,
                names(doc, std::slice::from_ref(&d.partner))
            ),
            vec![d.partner.clone()],
            &[
                ("direct_dependants", d.direct_dependants as f64),
                ("transitive_dependants", d.transitive_dependants as f64),
            ],
        );
    }
    for cycle in &net.dependencies.cycles {
        out.add(
            FindingCode::NetworkDependencyCycle,
            format!("{} depend on each other in a circle.", names(doc, cycle)),
            cycle.clone(),
            &[],
        );
    }
}

/// `network.isolated_partner`, `network.single_point_of_failure` for each articulation
/// point, then `network.sector_silo` for each silo.
pub(super) fn connections(s: &Sources, out: &mut Out) {
    isolated(s, out);
    single_points_of_failure(s, out);
    sector_silos(s.network, out);
}

fn isolated(s: &Sources, out: &mut Out) {
    let isolated: Vec<Id> =
        s.network.partners.iter().filter(|p| p.degree == Some(0)).map(|p| p.partner.clone()).collect();
    if !isolated.is_empty() && s.doc.partners.len() > 1 {
        out.add(
            FindingCode::NetworkIsolatedPartner,
            format!(
                "{} {} no working connection with any partner.",
                names(s.doc, &isolated),
                if isolated.len() == 1 { "has" } else { "have" }
            ),
            isolated,
            &[],
        );
    }
}

fn single_points_of_failure(s: &Sources, out: &mut Out) {
    let doc = s.doc;
    let mut cut = s.network.partners.iter().filter(|p| p.articulation_point == Some(true)).peekable();
    if cut.peek().is_none() {
        return;
    }
    let losses = crate::network::whatif::Losses::new(doc, s.options);
    for p in cut {
        let v = doc.partners.iter().position(|x| x.id == p.partner).unwrap_or(0);
        let lost = losses.of(v);
        out.add(
            FindingCode::NetworkSinglePointOfFailure,
            format!(
                "{} is the only link between parts of the network: without it they lose touch.",
                names(doc, std::slice::from_ref(&p.partner))
            ),
            vec![p.partner.clone()],
            &[("pairs_disconnected", lost.pairs_disconnected as f64), ("betweenness", p.betweenness.unwrap_or(0.0))],
        );
    }
}

fn sector_silos(net: &NetworkReport, out: &mut Out) {
    for g in &net.sector_mixing.groups {
        // "Other" gathers unrelated sectors (and unknown ones): not a silo of its own.
        let silo = g.group != SectorGroup::Other
            && g.partners >= SILO_MIN_PARTNERS
            && g.ei.index.is_some_and(|i| i <= SILO_EI_INDEX);
        if silo {
            out.add(
                FindingCode::NetworkSectorSilo,
                format!("{} partners work mostly among themselves.", capitalise(&g.group.as_str().replace('_', " "))),
                vec![],
                &[
                    ("ei_index", g.ei.index.unwrap_or(0.0)),
                    ("internal", g.ei.internal as f64),
                    ("external", g.ei.external as f64),
                ],
            );
        }
    }
}

/// `network.low_trust_pair`, then `network.one_sided_tie`.
pub(super) fn relationships(s: &Sources, out: &mut Out) {
    low_trust(s, out);
    let one_sided = s.network.asymmetric_pairs.len();
    if one_sided > 0 {
        out.add(
            FindingCode::NetworkOneSidedTie,
            format!(
                "{one_sided} {} {} their relationship differently (one names the other, or they rate it two or more levels apart).",
                if one_sided == 1 { "pair" } else { "pairs" },
                if one_sided == 1 { "sees" } else { "see" }
            ),
            vec![],
            &[("pairs", one_sided as f64)],
        );
    }
}

fn low_trust(s: &Sources, out: &mut Out) {
    let low: Vec<&Tie> =
        s.doc.ties.iter().filter(|t| t.trust.is_some_and(|tr| tr.score() <= LOW_TRUST_SCORE)).collect();
    if low.is_empty() {
        return;
    }
    let mut ids: Vec<Id> = Vec::new();
    let mut listed: HashSet<&str> = HashSet::new();
    for t in &low {
        for id in [&t.from, &t.to] {
            if listed.insert(id.as_str()) {
                ids.push(id.clone());
            }
        }
    }
    let pairs: Vec<String> = low.iter().take(LOW_TRUST_PAIRS_SHOWN).map(|t| format!("{} → {}", t.from, t.to)).collect();
    out.add(
        FindingCode::NetworkLowTrustPair,
        format!(
            "{} ties carry low trust ({LOW_TRUST_SCORE} or less of 4): {}{}.",
            low.len(),
            pairs.join(", "),
            if low.len() > LOW_TRUST_PAIRS_SHOWN { ", …" } else { "" }
        ),
        ids,
        &[("low_trust_ties", low.len() as f64)],
    );
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// What a size budget left out or estimated: never silent. `network.measures_sampled` or
/// `network.measures_skipped`, then `network.key_players_skipped`.
pub(super) fn budgets(net: &NetworkReport, out: &mut Out) {
    let partners = net.summary.partners as f64;
    let paths = &net.summary.betweenness_method;
    match paths.method {
        Method::Sampled => {
            out.add(
                FindingCode::NetworkMeasuresSampled,
                format!(
                    "Betweenness was estimated, not computed exactly: the network has {} partners, over the budget of {}; it was {}. Closeness and the diameter were not computed.",
                    net.summary.partners,
                    paths.budget,
                    paths.describe()
                ),
                vec![],
                &[
                    ("partners", partners),
                    ("budget", paths.budget as f64),
                    ("sources", paths.sources.unwrap_or(0) as f64),
                    ("error_bound", paths.error_bound.unwrap_or(0.0)),
                    ("error_probability", paths.error_probability.unwrap_or(0.0)),
                ],
            );
        }
        Method::Skipped => {
            out.add(
                FindingCode::NetworkMeasuresSkipped,
                format!(
                    "Betweenness, closeness and the diameter were not computed: the network has {} partners, over the budget of {}.",
                    net.summary.partners, paths.budget
                ),
                vec![],
                &[("partners", partners), ("budget", paths.budget as f64)],
            );
        }
        Method::Exact | Method::NotRequested => {}
    }
    let kp = &net.summary.key_players_method;
    if kp.method == Method::Skipped {
        out.add(
            FindingCode::NetworkKeyPlayersSkipped,
            format!(
                "Key players were not ranked: the network has {} partners, over the budget of {}.",
                net.summary.partners, kp.budget
            ),
            vec![],
            &[("partners", partners), ("budget", kp.budget as f64)],
        );
    }
}

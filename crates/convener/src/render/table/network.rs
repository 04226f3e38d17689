//! The partner network as text for a terminal.

use std::fmt::Write;

use crate::network::NetworkReport;
use crate::util::text::{fixed, or_missing};

/// The report as a plain-text table a person reads in a terminal: the network in a few
/// lines, then one row per partner with the main measures (blank where not computed).
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let table = convener::render::table::network(&convener::network::analyze(&doc, &Options::default()));
/// assert!(table.contains("2 partners, 1 connections"));
/// ```
pub fn network(report: &NetworkReport) -> String {
    let s = &report.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} partners, {} connections (ties at {} or above), density {}",
        s.partners,
        s.connections,
        report.min_level,
        fixed(s.density, 3)
    );
    let _ = writeln!(
        out,
        "{} components (largest {} partners, {}%), {} isolated, {} articulation points, {} bridges",
        s.components,
        s.largest_component,
        fixed(s.largest_component_share.map(|x| x * 100.0), 0),
        s.isolates,
        s.articulation_points,
        s.bridges
    );
    let _ = writeln!(
        out,
        "reciprocity {}, centralization {}, clustering {}, diameter {}, {} communities (modularity {})",
        fixed(s.reciprocity, 2),
        fixed(s.degree_centralization, 2),
        fixed(s.average_clustering, 2),
        or_missing(s.diameter),
        or_missing(s.communities),
        fixed(s.modularity, 2)
    );
    let _ = writeln!(
        out,
        "trust {}% of 4 ({} rated ties), value {}% of 4, E-I index {}",
        fixed(report.trust.percent, 0),
        report.trust.rated_ties,
        fixed(report.value.percent, 0),
        fixed(report.sector_mixing.network.index, 2)
    );
    for note in &report.notes {
        let _ = writeln!(out, "note: {note}");
    }
    let _ = writeln!(out);
    let width = report.partners.iter().map(|p| p.partner.as_str().chars().count()).max().unwrap_or(7).clamp(7, 32);
    let _ = writeln!(
        out,
        "{:<width$}  {:>6}  {:>11}  {:>9}  {:>11}  {:>4}  {:>9}  {:>5}",
        "partner", "degree", "betweenness", "closeness", "eigenvector", "core", "community", "trust"
    );
    for p in &report.partners {
        let id: String = p.partner.as_str().chars().take(width).collect();
        let cut = if p.articulation_point == Some(true) { " (articulation point)" } else { "" };
        let _ = writeln!(
            out,
            "{:<width$}  {:>6}  {:>11}  {:>9}  {:>11}  {:>4}  {:>9}  {:>5}{cut}",
            id,
            or_missing(p.degree),
            fixed(p.betweenness, 3),
            fixed(p.closeness, 3),
            fixed(p.eigenvector, 3),
            or_missing(p.core_number),
            or_missing(p.community),
            fixed(p.trust, 2),
        );
    }
    out
}

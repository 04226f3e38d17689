//! Properties of what-if and the dependency graph on generated initiatives.

use std::collections::BTreeSet;

use convener::network::dependency::DependencyGraph;
use convener::network::whatif::{delta, key_players};
use convener::network::{EdgeRule, PartnerGraph, structure};
use convener::synth::{SynthOptions, initiative};
use convener::{Initiative, Options};
use proptest::prelude::*;

fn doc(seed: u64, n: usize) -> Initiative {
    initiative(&SynthOptions::new(n, seed))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// A cascade holds every partner with a chain of dependencies to the withdrawn one,
    /// and no other.
    #[test]
    fn cascade_is_the_transitive_dependants(seed in any::<u64>(), n in 2usize..80, pick in any::<prop::sample::Index>()) {
        let d = doc(seed, n);
        let g = DependencyGraph::new(&d);
        let v = pick.index(d.partners.len());
        let cascade: BTreeSet<usize> = g.cascade(&[v]).into_iter().collect();
        // Naive closure over the ties.
        let index = |id: &str| d.partners.iter().position(|p| p.id.as_str() == id).unwrap();
        let arcs: Vec<(usize, usize)> = d.ties.iter().filter(|t| t.is_dependency()).map(|t| (index(t.from.as_str()), index(t.to.as_str()))).collect();
        let mut closure: BTreeSet<usize> = BTreeSet::new();
        let mut frontier = vec![v];
        while let Some(x) = frontier.pop() {
            for &(a, b) in &arcs {
                if b == x && a != v && closure.insert(a) {
                    frontier.push(a);
                }
            }
        }
        prop_assert_eq!(cascade, closure);
    }

    /// Removing nobody changes nothing.
    #[test]
    fn removing_nobody_changes_nothing(seed in any::<u64>(), n in 1usize..60) {
        let d = doc(seed, n);
        let s = d.without(&[]).unwrap();
        prop_assert_eq!(&s.initiative, &d);
        let x = delta(&d, &s, &Options::default());
        prop_assert_eq!(x.components.before, x.components.after);
        prop_assert_eq!(x.fragmentation.before, x.fragmentation.after);
        prop_assert!(x.cascade.partners.is_empty() && x.cascade.activities.is_empty() && x.newly_isolated.is_empty());
    }

    /// The scenario is a valid document, and removing an articulation point raises the
    /// number of components (the removed partner's own component splits).
    #[test]
    fn removing_an_articulation_point_raises_components(seed in any::<u64>(), n in 3usize..60) {
        let d = doc(seed, n);
        let g = PartnerGraph::new(&d, &EdgeRule::default());
        let (cut, _) = structure::cut_points(g.csr());
        for (v, _) in cut.iter().enumerate().filter(|(_, c)| **c).take(3) {
            let id = d.partners[v].id.as_str();
            let s = d.without(&[id]).unwrap();
            prop_assert!(s.initiative.validate().is_ok());
            let x = delta(&d, &s, &Options::default());
            prop_assert!(x.components.after > x.components.before, "{}", id);
        }
    }

    /// Pairs disconnected by each key player equal a recount after removing it.
    #[test]
    fn key_player_pairs_match_a_recount(seed in any::<u64>(), n in 3usize..50) {
        let d = doc(seed, n);
        let count_pairs = |doc: &Initiative| {
            let g = PartnerGraph::new(doc, &EdgeRule::default());
            let (_, sizes) = structure::components(g.csr());
            sizes.iter().map(|&s| (s * s.saturating_sub(1) / 2) as u64).sum::<u64>()
        };
        let before = count_pairs(&d);
        for k in key_players(&d, &Options::default(), 50) {
            let v = d.partners.iter().position(|p| p.id == k.partner).unwrap();
            let g = PartnerGraph::new(&d, &EdgeRule::default());
            let (label, sizes) = structure::components(g.csr());
            let own = sizes[label[v] as usize] as u64 - 1;
            let after = count_pairs(&d.without(&[k.partner.as_str()]).unwrap().initiative);
            prop_assert_eq!(k.pairs_disconnected, before - own - after, "{}", k.partner);
        }
    }
}

#[test]
fn an_unknown_partner_is_an_argument_error() {
    let d = doc(1, 10);
    let e = d.without(&["nobody"]).unwrap_err();
    assert_eq!(e.code(), "argument.unknown_partner");
}

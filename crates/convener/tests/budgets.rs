//! Size budgets: betweenness sampled from a few sources within its stated error bound, or
//! skipped, and the report saying which, in JSON, findings, Markdown and HTML.

use convener::model::{Options, OverBudget};
use convener::network::{Csr, EdgeRule, Method, PartnerGraph, centrality};
use convener::synth::{SynthOptions, initiative};
/// The undirected edges of a generated partnership of `n` partners (a heavy-tailed graph
/// with several components at small sizes): the graph the budget tests run on.
fn partnership_edges(n: usize, mean_degree: f64, seed: u64) -> Vec<(u32, u32)> {
    let doc = initiative(&SynthOptions { partners: n, seed, mean_degree, indicators: Some(1), periods: 1 });
    let rule = EdgeRule { min_level: convener::model::Level::Compete, kinds: None };
    PartnerGraph::new(&doc, &rule).undirected_edges().to_vec()
}

fn options(json: &str) -> Options {
    Options::from_json(json).unwrap()
}

fn exact(g: &Csr) -> Vec<f64> {
    centrality::shortest_paths(g, true).betweenness.unwrap()
}

#[test]
fn sampled_from_every_source_equals_exact_bit_for_bit() {
    // More sources than one chunk, several components, and a path (many ties).
    let mut edges = partnership_edges(300, 4.0, 11);
    edges.extend((300..339).map(|i| (i, i + 1)));
    let g = Csr::from_edges(340, &edges, true);
    let all: Vec<u32> = (0..340).collect();
    let sampled = centrality::sampled_betweenness(&g, &all);
    let exact = exact(&g);
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&sampled), bits(&exact));
    assert!(exact.iter().any(|&b| b > 0.0));
    // Asking for as many sources as partners (or more) draws them all.
    assert_eq!(centrality::sample_sources(340, 340, 5), all);
    assert_eq!(centrality::sample_sources(340, 1000, 5), all);
    assert_eq!(centrality::error_bound(340, 340, 0.05), 0.0);
}

#[test]
fn sampled_betweenness_is_within_the_stated_bound_on_a_random_graph() {
    let n = 2000;
    let k = 200;
    let g = Csr::from_edges(n, &partnership_edges(n, 10.0, 2026), true);
    let exact = exact(&g);
    let eps = centrality::error_bound(n, k, centrality::ERROR_PROBABILITY);
    // n/(n − 1)·√(ln(2n/δ)/(2k)) with n = 2000, k = 200, δ = 0.05.
    let expected = 2000.0 / 1999.0 * ((2.0 * 2000.0 / 0.05f64).ln() / 400.0).sqrt();
    assert!((eps - expected).abs() < 1e-12, "{eps} {expected}");
    for seed in 0..3 {
        let sources = centrality::sample_sources(n, k, seed);
        assert_eq!(sources.len(), k);
        let estimate = centrality::sampled_betweenness(&g, &sources);
        let worst = estimate.iter().zip(&exact).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        assert!(worst < eps, "seed {seed}: max error {worst} ≥ ε {eps}");
        // It is an estimate, not the exact value by another route.
        assert!(worst > 0.0, "seed {seed}");
        // Unbiased scaling: the total is close to the exact total.
        let (te, tx): (f64, f64) = (estimate.iter().sum(), exact.iter().sum());
        assert!((te / tx - 1.0).abs() < 0.1, "seed {seed}: {te} vs {tx}");
    }
}

#[test]
fn sources_are_distinct_sorted_seeded_and_spread() {
    let a = centrality::sample_sources(1000, 100, 1);
    assert_eq!(a, centrality::sample_sources(1000, 100, 1));
    assert_ne!(a, centrality::sample_sources(1000, 100, 2));
    assert!(a.windows(2).all(|w| w[0] < w[1]));
    assert!(*a.last().unwrap() < 1000);
    // One source of ten, 10,000 seeds: every partner drawn about 1,000 times.
    let mut counts = [0u32; 10];
    for seed in 0..10_000 {
        counts[centrality::sample_sources(10, 1, seed)[0] as usize] += 1;
    }
    assert!(counts.iter().all(|&c| (850..1150).contains(&c)), "{counts:?}");
}

#[test]
fn the_report_says_which_method_was_used() {
    let doc = initiative(&SynthOptions { partners: 60, seed: 4, ..SynthOptions::default() });
    let n = doc.partners.len();

    let report = doc.analyze(&Options::default());
    let m = &report.network.summary.betweenness_method;
    assert_eq!((m.method, m.budget, m.sources, m.error_bound), (Method::Exact, 20_000, None, None));
    assert_eq!(report.network.summary.key_players_method.method, Method::Exact);
    assert!(report.findings.iter().all(|f| !f.code.starts_with("network.measures_")));
    let md = convener::render::markdown::render(&doc, &report);
    assert!(md.contains("Betweenness, closeness and the diameter: exact. Key players: exact."), "{md}");

    let sampled = doc.analyze(&options(
        r#"{"budgets": {"exact_betweenness_max_partners": 50, "over_budget": "sample", "sample_sources": 20, "sample_seed": 9}}"#,
    ));
    let net = &sampled.network;
    let m = &net.summary.betweenness_method;
    let eps = centrality::error_bound(n, 20, 0.05);
    assert_eq!(m.method, Method::Sampled);
    assert_eq!((m.budget, m.sources, m.error_bound, m.error_probability), (50, Some(20), Some(eps), Some(0.05)));
    assert!(net.partners.iter().all(|p| p.betweenness.is_some() && p.closeness.is_none()));
    assert_eq!(net.summary.diameter, None);
    // The values are those of the seeded sample.
    let g = convener::network::PartnerGraph::new(&doc, &convener::network::EdgeRule::default());
    let expected = centrality::sampled_betweenness(g.csr(), &centrality::sample_sources(n, 20, 9));
    let got: Vec<f64> = net.partners.iter().map(|p| p.betweenness.unwrap()).collect();
    assert_eq!(got, expected);
    let f = sampled.findings.iter().find(|f| f.code == "network.measures_sampled").expect("a finding");
    assert_eq!(f.severity, convener::findings::Severity::Info);
    assert!(f.evidence.iter().any(|e| e.name == "error_bound" && e.value == eps));
    assert!(f.next_step.contains("budgets.exact_betweenness_max_partners"));
    let line = format!(
        "Betweenness: sampled from 20 source partners (within ±{eps:.3} of the exact value with probability 95%)"
    );
    assert!(convener::render::markdown::render(&doc, &sampled).contains(&line));
    assert!(convener::render::html::render(&doc, &sampled).contains(&line));
    assert!(sampled.to_json().contains("\"method\": \"sampled\""));

    // As many sources as partners: the exact computation, said to be exact.
    let all = doc.analyze(&options(
        r#"{"budgets": {"exact_betweenness_max_partners": 50, "over_budget": "sample", "sample_sources": 60}}"#,
    ));
    assert_eq!(all.network.summary.betweenness_method.method, Method::Exact);
    assert!(all.network.partners == report.network.partners);
    assert_eq!(all.network.summary.diameter, report.network.summary.diameter);
}

#[test]
fn skip_still_skips_and_says_so() {
    let doc = initiative(&SynthOptions { partners: 40, seed: 2, ..SynthOptions::default() });
    let o = options(r#"{"budgets": {"exact_betweenness_max_partners": 30, "key_players_max_partners": 39}}"#);
    assert_eq!(o.budgets.over_budget, OverBudget::Skip);
    let report = doc.analyze(&o);
    let net = &report.network;
    assert_eq!(net.summary.betweenness_method.method, Method::Skipped);
    assert_eq!(net.summary.key_players_method.method, Method::Skipped);
    assert!(net.partners.iter().all(|p| p.betweenness.is_none() && p.closeness.is_none()));
    assert_eq!(net.summary.diameter, None);
    assert!(net.key_players.is_empty());
    assert!(net.notes.contains(
        &"betweenness, closeness and the diameter were not computed: 40 partners is over the budget of 30 (option budgets.exact_betweenness_max_partners)".to_string()
    ));
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"network.measures_skipped") && codes.contains(&"network.key_players_skipped"), "{codes:?}");
    let f = report.findings.iter().find(|f| f.code == "network.measures_skipped").unwrap();
    assert!(f.next_step.contains("over_budget"));
    let line = "Betweenness, closeness and the diameter: skipped: over the budget of 30 partners. Key players: skipped: over the budget of 39 partners.";
    assert!(convener::render::markdown::render(&doc, &report).contains(line));
    assert!(convener::render::html::render(&doc, &report).contains(line));

    // The network table without betweenness: nothing to sample, closeness skipped.
    let o = options(
        r#"{"metrics": ["closeness"], "budgets": {"exact_betweenness_max_partners": 30, "over_budget": "sample"}}"#,
    );
    let net = convener::network::analyze(&doc, &o);
    assert_eq!(net.summary.betweenness_method.method, Method::Skipped);
    let o = options(r#"{"metrics": ["degree"]}"#);
    assert_eq!(convener::network::analyze(&doc, &o).summary.betweenness_method.method, Method::NotRequested);
}

#[test]
fn invalid_budget_options_are_named_with_pointers() {
    let cases = [
        (r#"{"budgets": {"over_budget": "smaple"}}"#, "value.unknown", "/budgets/over_budget"),
        (r#"{"budgets": {"sample_sources": 0}}"#, "value.out_of_range", "/budgets/sample_sources"),
        (r#"{"budgets": {"sample_sources": "many"}}"#, "type.mismatch", "/budgets/sample_sources"),
        (r#"{"budgets": {"sample_seed": -1}}"#, "value.out_of_range", "/budgets/sample_seed"),
        (r#"{"budgets": {"sample_size": 10}}"#, "options.unknown", "/budgets/sample_size"),
    ];
    for (text, code, pointer) in cases {
        let err = Options::from_json(text).unwrap_err();
        assert_eq!(err.code(), "options.invalid", "{text}");
        let issues: Vec<(&str, &str)> =
            err.issues().iter().map(|i| (i.code.as_str(), i.pointer().unwrap_or("?"))).collect();
        assert_eq!(issues, [(code, pointer)], "{text}");
    }
}

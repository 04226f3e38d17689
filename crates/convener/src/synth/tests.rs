//! Tests of whole generated documents: validity, determinism and the promised shape.

use super::*;
use crate::model::{Aggregation, IndicatorKind, Level, Polarity, Sector, SectorGroup};
use std::collections::BTreeSet;

fn synth(n: usize, seed: u64) -> Initiative {
    initiative(&SynthOptions::new(n, seed))
}

fn mean_degree(doc: &Initiative) -> f64 {
    let pairs: BTreeSet<(&str, &str)> = doc
        .ties
        .iter()
        .map(|t| {
            let (a, b) = (t.from.as_str(), t.to.as_str());
            if a < b { (a, b) } else { (b, a) }
        })
        .collect();
    2.0 * pairs.len() as f64 / doc.partners.len() as f64
}

#[test]
fn synth_every_size_validates() {
    for n in [0, 1, 2, 3, 10, 50, 300, 2000] {
        let doc = synth(n, 11);
        if let Err(e) = doc.validate() {
            panic!("{n} partners: {:?}", e.issues().iter().take(5).collect::<Vec<_>>());
        }
        assert_eq!(doc.partners.len(), n);
        // It round-trips through the loader, too.
        let back = Initiative::from_json(&doc.to_json()).unwrap();
        assert_eq!(back, doc, "{n}");
    }
}

#[test]
fn synth_tiny_documents() {
    assert!(synth(0, 1).ties.is_empty());
    assert!(synth(1, 1).ties.is_empty());
    for n in [2, 3] {
        let doc = synth(n, 5);
        doc.validate().unwrap();
        assert!(doc.ties.len() <= n * (n - 1));
    }
}

#[test]
fn synth_is_deterministic() {
    for n in [0, 1, 50, 300] {
        assert_eq!(synth(n, 9).to_json(), synth(n, 9).to_json());
    }
    assert_ne!(synth(50, 1).to_json(), synth(50, 2).to_json());
    assert_ne!(synth(300, 1).ties, synth(300, 2).ties);
}

#[test]
fn synth_no_self_or_duplicate_ties() {
    for seed in 0..3 {
        let doc = synth(2000, seed);
        let mut seen = BTreeSet::new();
        for t in &doc.ties {
            assert_ne!(t.from, t.to);
            assert!(seen.insert((t.from.as_str(), t.to.as_str())));
        }
        // Non-respondents report nothing.
        let silent: BTreeSet<&str> = doc.partners.iter().filter(|p| !p.responded).map(|p| p.id.as_str()).collect();
        assert!(doc.ties.iter().all(|t| !silent.contains(t.from.as_str())));
    }
}

#[test]
fn synth_mean_degree_at_5000() {
    let doc = synth(5000, 3);
    let d = mean_degree(&doc);
    assert!((d - 10.0).abs() <= 1.0, "mean degree {d}");
    let doc = initiative(&SynthOptions { partners: 5000, seed: 4, mean_degree: 6.0, ..SynthOptions::default() });
    let d = mean_degree(&doc);
    assert!((d - 6.0).abs() <= 0.6, "mean degree {d}");
}

#[test]
fn synth_realistic_mix() {
    let doc = synth(2000, 8);
    let n = doc.partners.len() as f64;
    let share = |s: Sector| doc.partners.iter().filter(|p| p.sector == s).count() as f64 / n;
    assert!((share(Sector::Statutory) - 0.25).abs() < 0.02);
    assert!((share(Sector::ThirdSector) - 0.30).abs() < 0.02);
    let silent = doc.partners.iter().filter(|p| !p.responded).count() as f64 / n;
    assert!((0.05..0.11).contains(&silent), "{silent}");
    assert!(synth(10, 0).partners.iter().any(|p| p.sector == Sector::FamilyVoice));

    // Both sides on about 60% of pairs.
    let directed: BTreeSet<(&str, &str)> = doc.ties.iter().map(|t| (t.from.as_str(), t.to.as_str())).collect();
    let mutual = doc.ties.iter().filter(|t| directed.contains(&(t.to.as_str(), t.from.as_str()))).count() / 2;
    let pairs = doc.ties.len() - mutual;
    let m = mutual as f64 / pairs as f64;
    assert!((0.5..0.7).contains(&m), "mutual {m}");
    // Every level, ratings on about 70%, dependencies on about 5%.
    for l in Level::ALL {
        assert!(doc.ties.iter().any(|t| t.level == *l), "{l}");
    }
    let t = doc.ties.len() as f64;
    let rated = doc.ties.iter().filter(|t| t.trust.is_some()).count() as f64 / t;
    assert!((0.6..0.8).contains(&rated), "{rated}");
    let deps = doc.ties.iter().filter(|t| t.is_dependency()).count() as f64 / t;
    assert!((0.03..0.07).contains(&deps), "{deps}");
    let endorsed = doc.agenda.as_ref().unwrap().endorsed_by.len() as f64 / n;
    assert!((0.6..0.8).contains(&endorsed), "{endorsed}");
}

#[test]
fn synth_dependency_cycle_from_50() {
    for n in [50, 300] {
        let doc = synth(n, 2);
        let deps: BTreeSet<(&str, &str)> =
            doc.ties.iter().filter(|t| t.is_dependency()).map(|t| (t.from.as_str(), t.to.as_str())).collect();
        // A cycle of three made on purpose: look for any directed cycle.
        let has_cycle = deps
            .iter()
            .any(|&(a, b)| deps.iter().filter(|&&(x, _)| x == b).any(|&(_, c)| c == a || deps.contains(&(c, a))));
        assert!(has_cycle, "{n}");
    }
}

#[test]
fn synth_indicators_cover_the_spectrum() {
    let doc = initiative(&SynthOptions::design_benchmark());
    doc.validate().unwrap();
    assert_eq!(doc.indicators.len(), 50);
    for k in IndicatorKind::ALL {
        assert!(doc.indicators.iter().any(|i| i.kind == *k), "{k}");
    }
    for a in Aggregation::ALL {
        assert!(doc.indicators.iter().any(|i| i.aggregation == *a), "{a}");
    }
    for p in Polarity::ALL {
        assert!(doc.indicators.iter().any(|i| i.polarity == *p), "{p}");
    }
    assert!(doc.indicators.iter().any(|i| !i.phases.is_empty()));
    assert!(doc.indicators.iter().any(|i| i.freeze.is_some()));
    assert!(doc.indicators.iter().any(|i| i.baseline.is_some() && i.target.is_some()));
    // Reporters that never report: exactly one.
    let reported: BTreeSet<(&str, &str)> =
        doc.measurements.iter().map(|m| (m.indicator.as_str(), m.partner.as_str())).collect();
    let silent = doc
        .indicators
        .iter()
        .flat_map(|i| i.reporters.iter().map(move |r| (i.id.as_str(), r.as_str())))
        .filter(|k| !reported.contains(k))
        .count();
    assert_eq!(silent, 1);
    assert!(doc.indicators.iter().all(|i| (1..=6).contains(&i.reporters.len())));
    // Some grouped indicators, grouped throughout.
    let grouped: BTreeSet<&str> =
        doc.measurements.iter().filter(|m| m.group.is_some()).map(|m| m.indicator.as_str()).collect();
    assert!(!grouped.is_empty());
    // Every outcome has an indicator or an activity, but one or two.
    let used: BTreeSet<&str> = doc
        .indicators
        .iter()
        .flat_map(|i| &i.measures)
        .chain(doc.activities.iter().flat_map(|a| &a.outcomes))
        .map(|id| id.as_str())
        .collect();
    let orphans = doc.outcomes.iter().filter(|o| !used.contains(o.id.as_str())).count();
    assert!((1..=2).contains(&orphans), "{orphans}");
    let survey = &doc.surveys[0];
    let responding = doc.partners.iter().filter(|p| p.responded).count() as f64;
    let share = survey.responses.len() as f64 / responding;
    assert!((0.55..0.65).contains(&share));
    // Public services rate the common agenda higher than communities do.
    let group_mean = |g: SectorGroup| {
        let answers: Vec<f64> = survey
            .responses
            .iter()
            .filter(|r| doc.partners.iter().any(|p| p.id == r.respondent && p.sector.group() == g))
            .flat_map(|r| r.answers.iter())
            .filter(|(id, _)| id.as_str().starts_with("ca."))
            .map(|(_, a)| a.get() as f64)
            .collect();
        answers.iter().sum::<f64>() / answers.len() as f64
    };
    let gap = group_mean(SectorGroup::Statutory) - group_mean(SectorGroup::Community);
    assert!(gap > 0.8, "{gap}");
}

/// The series a shift or trend was put into: per reporter and pooled.
#[test]
fn synth_series_have_signals() {
    let doc = initiative(&SynthOptions { periods: 20, ..SynthOptions::new(300, 6) });
    let mut shift = false;
    let mut rising = false;
    for ind in &doc.indicators {
        if ind.aggregation == Aggregation::Ratio {
            continue;
        }
        for r in &ind.reporters {
            let values: Vec<f64> = doc
                .measurements
                .iter()
                .filter(|m| m.indicator == ind.id && m.partner == *r && m.group.is_none())
                .map(|m| m.value)
                .collect();
            if values.len() != 20 {
                continue;
            }
            // Longest strictly rising run.
            let mut run = 1;
            for w in values.windows(2) {
                run = if w[1] > w[0] { run + 1 } else { 1 };
                rising |= run >= 7 && ind.polarity == Polarity::HigherIsBetter;
            }
            // The last 8 beyond everything before.
            let (before, after) = values.split_at(12);
            let lo = before.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = before.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            shift |= after.iter().all(|v| *v > hi) || after.iter().all(|v| *v < lo);
        }
    }
    assert!(rising && shift, "rising {rising}, shift {shift}");
}

#[test]
fn synth_20000_partners() {
    let doc = synth(20_000, 1);
    doc.validate().unwrap();
    let d = mean_degree(&doc);
    assert!((d - 10.0).abs() <= 1.0, "{d}");
    assert!(doc.surveys[0].responses.len() <= 5_000);
}

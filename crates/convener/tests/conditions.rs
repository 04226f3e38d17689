//! The five conditions respond to the evidence: take something away and the right
//! condition falls, and no condition rises.

use convener::model::Condition;
use convener::{Initiative, Options, Report};

fn example() -> Initiative {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json"))
        .unwrap();
    Initiative::from_json(&text).unwrap()
}

fn scores(r: &Report) -> [f64; 5] {
    r.conditions.all().map(|c| c.score.unwrap_or(0.0))
}

/// `target` falls and nothing rises (beyond rounding).
fn check(name: &str, before: &Initiative, after: &Initiative, target: Condition) {
    let options = Options { as_of: convener::measure::as_of(before, &Options::default()), ..Options::default() };
    let b = scores(&before.analyze(&options));
    let a = scores(&after.analyze(&options));
    let t = Condition::ALL.iter().position(|c| *c == target).unwrap();
    assert!(a[t] < b[t] - 1e-9, "{name}: {target} did not fall: {} → {}", b[t], a[t]);
    for (i, c) in Condition::ALL.iter().enumerate() {
        assert!(a[i] <= b[i] + 1e-9, "{name}: {c} rose: {} → {}", b[i], a[i]);
    }
}

#[test]
fn every_score_is_its_sub_measures() {
    let r = example().analyze(&Options::default());
    for c in r.conditions.all() {
        let have: Vec<_> = c.sub_measures.iter().filter(|s| s.value.is_some()).collect();
        let w: f64 = have.iter().map(|s| s.weight).sum();
        let wv: f64 = have.iter().map(|s| s.weight * s.value.unwrap()).sum();
        let expected = if c.absent_because.is_some() { 0.0 } else { 100.0 * wv / w };
        assert!((c.score.unwrap() - expected).abs() < 1e-9, "{}", c.name);
        assert!(c.sub_measures.iter().all(|s| s.value.is_none_or(|v| (0.0..=1.0).contains(&v))));
    }
}

#[test]
fn removing_the_backbone_lowers_backbone_support() {
    let before = example();
    let mut after = before.clone();
    after.backbone = None;
    check("no backbone", &before, &after, Condition::BackboneSupport);
    let r = after.analyze(&Options::default());
    assert_eq!(r.conditions.backbone_support.score, Some(0.0));
    assert!(r.findings.iter().any(|f| f.code == "backbone.missing"));
}

#[test]
fn dropping_the_agenda_lowers_common_agenda() {
    let before = example();
    let mut after = before.clone();
    after.agenda = None;
    check("no agenda", &before, &after, Condition::CommonAgenda);
    assert_eq!(after.analyze(&Options::default()).conditions.common_agenda.score, Some(0.0));
}

#[test]
fn silencing_a_reporter_lowers_shared_measurement() {
    let before = example();
    let mut after = before.clone();
    let busiest = {
        let mut counts = std::collections::BTreeMap::new();
        for m in &before.measurements {
            *counts.entry(m.partner.clone()).or_insert(0) += 1;
        }
        counts.into_iter().max_by_key(|(_, n)| *n).unwrap().0
    };
    after.measurements.retain(|m| m.partner != busiest);
    check("silent reporter", &before, &after, Condition::SharedMeasurement);
}

#[test]
fn cutting_a_sectors_ties_lowers_communication() {
    let before = example();
    let mut after = before.clone();
    let third: Vec<_> = before
        .partners
        .iter()
        .filter(|p| p.sector == convener::model::Sector::ThirdSector)
        .map(|p| p.id.clone())
        .collect();
    // Third-sector partners keep their ties among themselves and lose their working ties
    // to others; who depends on whom for delivery is a separate fact and stays.
    after.ties.retain(|t| t.is_dependency() || third.contains(&t.from) == third.contains(&t.to));
    check("sector cut off", &before, &after, Condition::ContinuousCommunication);
}

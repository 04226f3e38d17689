//! Series, pooling, data health, targets and suppression on small hand-made documents.

use convener::measure::{ClashKind, analyze};
use convener::{Initiative, Options};

fn doc(indicator: &str, measurements: &str) -> Initiative {
    let text = format!(
        r#"{{"format": "convener/1", "initiative": {{"id": "x", "name": "X"}},
        "partners": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}, {{"id": "c", "name": "C"}}],
        "indicators": [{indicator}],
        "measurements": [{measurements}]}}"#
    );
    Initiative::from_json(&text).unwrap()
}

fn m(partner: &str, period: &str, value: f64) -> String {
    format!(r#"{{"indicator": "i", "partner": "{partner}", "period": "{period}", "value": {value}}}"#)
}

fn ind(aggregation: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "i", "name": "I", "unit": "families", "polarity": "higher_is_better", "frequency": "quarterly",
        "aggregation": "{aggregation}", "kind": "how_much", "measures": [], "reporters": ["a", "b", "c"]{extra}}}"#
    )
}

#[test]
fn pooling_completeness_and_silence() {
    let ms =
        [m("a", "2024-Q1", 10.0), m("a", "2024-Q2", 12.0), m("b", "2024-Q1", 5.0), m("a", "2024-Q4", 20.0)].join(",");
    let r = analyze(&doc(&ind("sum", ""), &ms), &Options::default());
    let i = &r.indicators[0];
    assert_eq!(i.as_of.unwrap().to_string(), "2024-Q4");
    let pooled = &i.series[0];
    assert!(pooled.partner.is_none());
    // Q2 and Q4 are left out of the pooled total: b, reporting since Q1, did not report them.
    let values: Vec<Option<f64>> = pooled.points.iter().map(|p| p.value).collect();
    assert_eq!(values, vec![Some(15.0)]);
    let left_out: Vec<String> = pooled.incomplete_periods.iter().map(|p| p.to_string()).collect();
    assert_eq!(left_out, ["2024-Q2", "2024-Q4"]);
    let a = &i.series[1];
    assert_eq!(a.completeness, Some(0.75)); // 3 of 4 quarters
    assert_eq!(a.periods_since_last, Some(0));
    let b = &i.series[2];
    assert_eq!(b.periods_since_last, Some(3));
    assert_eq!(i.silent_reporters.iter().map(|p| p.as_str()).collect::<Vec<_>>(), ["c"]);
    let c = &i.series[3];
    assert!(c.points.is_empty() && c.phases.is_empty());
    assert_eq!(c.completeness, Some(0.0));
}

#[test]
fn mean_and_ratio_pooling() {
    let ms = [m("a", "2024-Q1", 10.0), m("b", "2024-Q1", 20.0)].join(",");
    let r = analyze(&doc(&ind("mean", ""), &ms), &Options::default());
    assert_eq!(r.indicators[0].series[0].points[0].value, Some(15.0));

    let ratio = |p: &str, v: f64, n: f64, d: f64| {
        format!(
            r#"{{"indicator": "i", "partner": "{p}", "period": "2024-Q1", "value": {v}, "numerator": {n}, "denominator": {d}}}"#
        )
    };
    let ms = [ratio("a", 50.0, 1.0, 2.0), ratio("b", 25.0, 1.0, 4.0)].join(",");
    let r = analyze(&doc(&ind("ratio", ""), &ms), &Options::default());
    // Σnum/Σden = 2/6, on the percentage scale the partners use.
    let v = r.indicators[0].series[0].points[0].value.unwrap();
    assert!((v - 100.0 / 3.0).abs() < 1e-12);
    assert!(r.indicators[0].clashes.is_empty());

    let ms = [ratio("a", 50.0, 1.0, 2.0), ratio("b", 0.25, 1.0, 4.0)].join(",");
    let r = analyze(&doc(&ind("ratio", ""), &ms), &Options::default());
    assert!(r.indicators[0].clashes.iter().any(|c| c.kind == ClashKind::RatioScale));
}

#[test]
fn targets_and_the_curve() {
    let extra = r#", "baseline": {"period": "2024-Q2", "value": 11}, "target": {"period": "2025-Q4", "value": 40}"#;
    let ms =
        [m("a", "2024-Q1", 10.0), m("a", "2024-Q2", 12.0), m("a", "2024-Q3", 20.0), m("a", "2024-Q4", 30.0)].join(",");
    let r = analyze(&doc(&ind("sum", extra), &ms), &Options::default());
    let s = &r.indicators[0].series[0];
    assert_eq!(s.latest_value, Some(30.0));
    assert_eq!(s.percent_of_target, Some(75.0));
    assert_eq!(s.change_from_baseline, Some(19.0));
    // The line through (Q1, 10) and (Q2, 12), two quarters on from Q2: 16.
    assert_eq!(s.forecast, Some(16.0));
    assert_eq!(s.turning_the_curve, Some(true));
}

#[test]
fn suppression_hides_small_counts() {
    let ms = [m("a", "2024-Q1", 3.0), m("b", "2024-Q1", 4.0)].join(",");
    let options = Options { suppress_below: Some(5), ..Options::default() };
    let r = analyze(&doc(&ind("sum", ""), &ms), &options);
    let i = &r.indicators[0];
    assert_eq!(i.series[0].points[0].value, Some(7.0)); // the pooled count is 7
    assert_eq!(i.series[1].points[0].value, None); // a's 3 is hidden
    assert_eq!(i.series[1].latest_value, None);
    assert_eq!(i.series[1].phases[0].runs.centre, None);
    let csv = convener::render::csv::indicators(&r);
    assert!(!csv.contains(",3.0,") && !csv.contains(",3,3"));
}

#[test]
fn phases_and_freeze() {
    let mut ms = Vec::new();
    for (k, v) in [1.0, 2.0, 1.0, 2.0, 9.0, 9.0, 8.0, 9.0].iter().enumerate() {
        let q = k % 4 + 1;
        let y = 2023 + k / 4;
        ms.push(m("a", &format!("{y}-Q{q}"), *v));
    }
    let ms = ms.join(",");
    let r = analyze(&doc(&ind("sum", r#", "phases": ["2024-Q1"], "freeze": 2"#), &ms), &Options::default());
    let s = &r.indicators[0].series[1];
    assert_eq!(s.phases.len(), 2);
    assert_eq!(s.phases[0].phase, Some(1));
    assert_eq!(s.phases[0].runs.centre, Some(1.5)); // freeze ignored with phases
    assert_eq!(s.phases[1].runs.centre, Some(9.0));
    assert_eq!(s.phases[1].from.to_string(), "2024-Q1");
    let r = analyze(&doc(&ind("sum", r#", "freeze": 2"#), &ms), &Options::default());
    assert_eq!(r.indicators[0].series[1].phases[0].runs.centre, Some(1.5));
    assert_eq!(r.indicators[0].series[1].phases[0].runs.longest_run, Some(5)); // 2, 9, 9, 8, 9 above 1.5
}

#[test]
fn as_of_cuts_the_series() {
    let ms = [m("a", "2024-Q1", 1.0), m("a", "2024-Q2", 2.0), m("a", "2024-Q3", 3.0)].join(",");
    let options = Options { as_of: Some("2024-Q2".parse().unwrap()), ..Options::default() };
    let r = analyze(&doc(&ind("sum", ""), &ms), &options);
    assert_eq!(r.indicators[0].series[1].points.len(), 2);
    assert_eq!(r.indicators[0].series[1].latest_value, Some(2.0));
}

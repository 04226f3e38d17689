//! The generator seen from outside: generated documents load back through the loader
//! unchanged, and the benchmark configuration has its shape.

use convener::Initiative;
use convener::synth::{SynthOptions, initiative};

#[test]
fn synth_documents_load_back() {
    for n in [0, 1, 2, 3, 10, 50, 300] {
        let doc = initiative(&SynthOptions::new(n, 77));
        let text = doc.to_json();
        let back = Initiative::from_json(&text).expect("a generated document loads");
        assert_eq!(back.to_json(), text, "{n}");
    }
}

#[test]
fn synth_design_benchmark_shape() {
    let doc = initiative(&SynthOptions::design_benchmark());
    doc.validate().unwrap();
    assert_eq!(doc.partners.len(), 300);
    assert_eq!(doc.indicators.len(), 50);
    assert!((2_700..=3_300).contains(&doc.ties.len()), "{}", doc.ties.len());
    assert!((9_000..=11_000).contains(&doc.measurements.len()), "{}", doc.measurements.len());
}

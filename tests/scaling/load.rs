//! Loading: reading and checking a document grows with its size.

use convener::model::Limits;
use convener::synth::{SynthOptions, initiative};

use crate::support::assert_scales;

/// A generated partnership of `n` partners, as JSON text.
fn partnership(n: usize) -> String {
    initiative(&SynthOptions { partners: n, indicators: Some(4), periods: 8, ..SynthOptions::default() }).to_json()
}

#[test]
fn loading_a_generated_partnership() {
    assert_scales("load a generated partnership", 500, partnership, |text| {
        convener::load::initiative_from_json(text, &Limits::default()).expect("a valid document");
    });
}

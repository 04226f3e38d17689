//! Reading then writing a document gives the same model.

use convener::Initiative;
use convener_conformance::arbitrary;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_keeps_the_model(seed in any::<u64>(), size in 1usize..30) {
        let doc = arbitrary::document(seed, size);
        prop_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
        let text = doc.to_json();
        let back = Initiative::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &doc);
        // Writing again gives the same bytes.
        prop_assert_eq!(back.to_json(), text);
    }
}

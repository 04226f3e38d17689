//! Reading then writing a document gives the same model.

use convener::Initiative;
use convener_conformance::arbitrary;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

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

fn csv_files(doc: &Initiative) -> std::collections::BTreeMap<String, Vec<u8>> {
    convener::formats::csv::write(doc).into_iter().map(|(name, text)| (name.to_string(), text.into_bytes())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn csv_round_trip_keeps_the_model(seed in any::<u64>(), size in 1usize..30) {
        let doc = arbitrary::document(seed, size);
        let files = csv_files(&doc);
        let back = convener::formats::csv::read(&files, &convener::model::Limits::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &doc);
        // Writing again gives the same bytes.
        prop_assert_eq!(csv_files(&back), files);
    }
}

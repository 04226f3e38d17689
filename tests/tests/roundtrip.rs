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

/// The text limit bounds each value, not a list cell: a large partnership's agenda lists
/// every endorsing partner in one `endorsed_by` cell far longer than any one name.
#[test]
fn a_list_cell_longer_than_the_text_limit_reads_back() {
    let doc =
        convener::synth::initiative(&convener::synth::SynthOptions { partners: 400, seed: 3, ..Default::default() });
    let files = csv_files(&doc);
    let limits = convener::model::Limits { max_string_chars: 1000, ..Default::default() };
    let endorsed = &doc.agenda.as_ref().expect("an agenda").endorsed_by;
    let cell: usize = endorsed.iter().map(|id| id.as_str().len() + 1).sum();
    assert!(cell > 1000, "the endorsed_by cell is {cell} characters");
    let back = convener::formats::csv::read(&files, &limits).expect("reads back");
    assert_eq!(back, doc);

    // One partner's name over the limit: that cell is named, nothing else.
    let mut long = doc.clone();
    long.partners[2].name = convener::model::Text::try_from("n".repeat(1001).as_str()).unwrap();
    let err = convener::formats::csv::read(&csv_files(&long), &limits).unwrap_err();
    let issues: Vec<String> = err.issues().iter().map(|i| format!("{} {}", i.location, i.code)).collect();
    assert_eq!(issues, ["partners.csv:4:2 limit.exceeded"]);
    // And an entry of a list cell over the limit.
    let mut long = doc.clone();
    long.partners[1].tags = vec![convener::model::Tag::new("t".repeat(1001)).unwrap()];
    let err = convener::formats::csv::read(&csv_files(&long), &limits).unwrap_err();
    assert_eq!(err.issues()[0].code, "limit.exceeded");
    assert!(err.issues()[0].message.contains("an entry of this cell"), "{}", err.issues()[0].message);
}

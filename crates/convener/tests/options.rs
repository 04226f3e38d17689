//! Options read from JSON text: only an object is options, and every problem is named.

use convener::model::Options;

fn codes(text: &str) -> Vec<(String, String)> {
    let err = Options::from_json(text).unwrap_err();
    err.issues().iter().map(|i| (i.code.to_string(), i.pointer().unwrap_or("?").to_string())).collect()
}

#[test]
fn a_list_is_not_options_even_when_its_items_would_fill_the_fields() {
    for text in ["[]", r#"["2024-01", "cooperate"]"#, " \n[1]", "\"x\"", "3", "null", "true"] {
        assert_eq!(codes(text), [("type.mismatch".to_string(), String::new())], "{text}");
    }
}

#[test]
fn an_object_still_reads_and_its_mistakes_are_named() {
    assert_eq!(Options::from_json(" {}").unwrap(), Options::default());
    assert_eq!(codes(r#"{"min_levle": "cooperate"}"#), [("options.unknown".to_string(), "/min_levle".to_string())]);
}

//! The code tables: `docs/codes.md` is written from them, and every code is unique and dotted.
//!
//! To rewrite the committed file after a change to a table:
//! `CONVENER_WRITE_DOCS=1 cargo test -p convener --test codes`

use std::collections::BTreeSet;
use std::path::PathBuf;

use convener::codes::{ErrorCode, FindingCode, IssueArea, IssueCode, is_dotted};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn committed_codes_doc_matches_the_tables() {
    let path = root().join("docs/codes.md");
    let generated = convener::codes::markdown();
    if std::env::var_os("CONVENER_WRITE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} differs from the code tables in crates/convener/src/codes/\nrewrite with: CONVENER_WRITE_DOCS=1 cargo test -p convener --test codes",
        path.display()
    );
}

/// Every code's text, from all three tables.
fn every_code() -> Vec<&'static str> {
    let mut all: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    all.extend(IssueCode::ALL.iter().map(|c| c.as_str()));
    all.extend(FindingCode::ALL.iter().map(|c| c.as_str()));
    all
}

#[test]
fn every_code_is_given_once() {
    let mut seen = BTreeSet::new();
    let repeated: Vec<&str> = every_code().into_iter().filter(|c| !seen.insert(*c)).collect();
    assert!(repeated.is_empty(), "codes listed twice: {repeated:?}");
}

#[test]
fn issue_and_finding_codes_are_dotted() {
    let pattern = "^[a-z_]+(\\.[a-z_]+)+$";
    for code in IssueCode::ALL.iter().map(|c| c.as_str()).chain(FindingCode::ALL.iter().map(|c| c.as_str())) {
        assert!(is_dotted(code), "{code} does not match {pattern}");
    }
    // Error codes are dotted too, but for `io` and `internal`, single words bindings
    // match on since before codes were dotted.
    for code in ErrorCode::ALL {
        assert!(is_dotted(code.as_str()) || ["io", "internal"].contains(&code.as_str()), "{code}");
    }
}

#[test]
fn is_dotted_is_the_pattern() {
    for good in ["a.b", "reference.unknown_partner", "a_b.c_d.e"] {
        assert!(is_dotted(good), "{good}");
    }
    for bad in ["", "io", "a.", ".a", "a..b", "A.b", "a.b1", "a-b.c", "a.b c"] {
        assert!(!is_dotted(bad), "{bad}");
    }
}

#[test]
fn codes_read_and_write_as_their_text() {
    for &code in IssueCode::ALL {
        assert_eq!(IssueCode::parse(code.as_str()), Some(code));
        assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{code}\""));
        assert!(code == code.as_str() && code.description().ends_with('.'), "{code}");
        assert!(code.area().codes().any(|c| c == code));
    }
    for &code in FindingCode::ALL {
        assert_eq!(FindingCode::parse(code.as_str()), Some(code));
        assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{code}\""));
        assert!(code.description().ends_with('.') && code.next_step().ends_with('.'), "{code}");
        assert!(code.area().codes().any(|c| c == code));
        // A finding's condition is fixed, or the one its survey question is about.
        assert!(!(code.condition().is_some() && code.condition_is_surveyed()), "{code}");
    }
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
    }
}

#[test]
fn every_issue_area_has_codes_and_a_section() {
    let md = convener::codes::markdown();
    for area in IssueArea::ALL {
        assert!(area.codes().next().is_some(), "{area:?}");
        assert!(md.contains(&format!("### {}\n", area.title())), "{area:?}");
    }
}

/// The codes a report gives come from the finding table (the report writes them as text).
#[test]
fn report_findings_carry_table_codes() {
    let text = std::fs::read_to_string(root().join("examples/data/family-support.json")).unwrap();
    let doc = convener::Initiative::from_json(&text).unwrap();
    let report = doc.analyze(&convener::Options::default());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for (f, typed) in findings.iter().zip(&report.findings) {
        let code = f["code"].as_str().unwrap();
        assert_eq!(FindingCode::parse(code), Some(typed.code));
        assert_eq!(f["severity"], serde_json::json!(typed.code.severity().as_str()));
    }
}

//! Every code convener gives — error, issue and finding codes — declared once, in tables the compiler checks.
//!
//! Each table is one macro call: a row per code, with its dotted text and, for an issue,
//! when it is given; for a finding, its severity, condition, when it is given and the next
//! step. The enum, its text, its list and its documentation all come from that one row,
//! so a mistyped code is a compile error and `docs/codes.md` (written by [`markdown`])
//! can never disagree with what convener gives.
//!
//! Every code is written as its dotted text: in JSON (serde), by `Display`, and compared
//! with text (`issue.code == "field.missing"`). It also dereferences to that text, so
//! code written when codes were `&str` (`code.starts_with("reference.")`) still works.
//!
//! # Example
//! ```
//! use convener::codes::{FindingCode, IssueCode};
//! let err = convener::Initiative::from_json(r#"{"format": "convener/1"}"#).unwrap_err();
//! assert_eq!(err.issues()[0].code, IssueCode::FieldMissing);
//! assert_eq!(err.issues()[0].code, "field.missing");
//! assert_eq!(FindingCode::AgendaMissing.as_str(), "agenda.missing");
//! ```

mod docs;
mod finding;
mod issue;

pub use docs::markdown;
pub use finding::{FindingArea, FindingCode, NextStepCase};
pub use issue::{ErrorArea, ErrorCode, IssueArea, IssueCode};

/// The traits every code enum has: written, serialised and compared as its dotted text.
macro_rules! dotted_text {
    ($name:ident) => {
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.as_str()
            }
        }
    };
}
pub(crate) use dotted_text;

/// Whether `text` is a dotted code: lower-case words joined by dots, at least two
/// (`^[a-z_]+(\.[a-z_]+)+$`).
///
/// # Example
/// ```
/// assert!(convener::codes::is_dotted("reference.unknown_partner"));
/// assert!(!convener::codes::is_dotted("io"));
/// assert!(!convener::codes::is_dotted("Field.missing"));
/// ```
pub fn is_dotted(text: &str) -> bool {
    let mut words = 0;
    for word in text.split('.') {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return false;
        }
        words += 1;
    }
    words >= 2
}

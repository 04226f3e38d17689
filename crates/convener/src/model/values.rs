//! Checked scalar values of the document: ids, text, ratings, shares and amounts.
//!
//! Each type checks its value when it is made or read, so a model that exists is a model
//! whose scalars are valid. The JSON Schema of each type states the same rule, and the
//! loader's structural walk ([`crate::load`]) uses these very checks to report problems.

use std::borrow::Borrow;
use std::fmt;

use crate::codes::IssueCode;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a scalar was refused: the issue code and a sentence for a coordinator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// Stable dotted code, e.g. `id.invalid`.
    pub code: IssueCode,
    /// A sentence that says what is wrong.
    pub message: String,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}

/// The JSON Schema `format` names convener uses for its own string kinds. The loader's
/// structural walk reads them to choose the check and the issue code.
pub(crate) mod format {
    pub const ID: &str = "convener-id";
    pub const TEXT: &str = "convener-text";
    pub const DATE: &str = "date";
    pub const PERIOD: &str = "convener-period";
    pub const TAG: &str = "convener-tag";
    pub const FORMAT_VERSION: &str = "convener-format";
}

fn describe(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() > MAX {
        let cut: String = s.chars().take(MAX).collect();
        format!("'{cut}…'")
    } else {
        format!("'{s}'")
    }
}

/// An identifier of a partner, goal, outcome, activity, indicator, channel, survey or
/// survey item.
///
/// Ids start with a letter or digit and continue with letters, digits, `_`, `.`, `:` or
/// `-` (pattern `^[A-Za-z0-9][A-Za-z0-9_.:-]*$`), so they survive CSV cells, URLs and
/// spreadsheet formulas unchanged.
///
/// # Example
/// ```
/// use convener::model::Id;
/// let id = Id::new("health-visiting").unwrap();
/// assert_eq!(id.as_str(), "health-visiting");
/// assert!(Id::new("-leading-dash").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Box<str>);

impl Id {
    /// Checks `s` and makes an id of it.
    pub fn new(s: impl Into<String>) -> Result<Self, ValueError> {
        let s = s.into();
        Self::check(&s)?;
        Ok(Id(s.into_boxed_str()))
    }

    /// Checks that `s` is a valid id, without making one.
    pub fn check(s: &str) -> Result<(), ValueError> {
        let mut chars = s.chars();
        let valid = match chars.next() {
            Some(c) if c.is_ascii_alphanumeric() => {
                chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'))
            }
            _ => false,
        };
        if valid {
            Ok(())
        } else if s.is_empty() {
            Err(ValueError { code: IssueCode::IdInvalid, message: "an id cannot be empty".into() })
        } else {
            Err(ValueError {
                code: IssueCode::IdInvalid,
                message: format!(
                    "{} is not a valid id: use letters, digits and _ . : - only, starting with a letter or digit",
                    describe(s)
                ),
            })
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for Id {
    type Error = ValueError;
    fn try_from(s: &str) -> Result<Self, ValueError> {
        Id::new(s)
    }
}

impl std::str::FromStr for Id {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Id::new(s)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Id::new(s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": format::ID,
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
            "description": "An identifier: letters, digits and _ . : -, starting with a letter or digit."
        })
    }
}

/// Free text a person reads: a name, a statement, a note. Never empty or only spaces.
///
/// # Example
/// ```
/// use convener::model::Text;
/// assert_eq!(Text::new("Northfield Family Hub").unwrap().as_str(), "Northfield Family Hub");
/// assert!(Text::new("   ").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(String);

impl Text {
    /// Checks `s` and makes text of it.
    pub fn new(s: impl Into<String>) -> Result<Self, ValueError> {
        let s = s.into();
        Self::check(&s)?;
        Ok(Text(s))
    }

    /// Checks that `s` has something other than white space in it.
    pub fn check(s: &str) -> Result<(), ValueError> {
        if s.trim().is_empty() {
            Err(ValueError { code: IssueCode::ValueEmpty, message: "this text cannot be empty".into() })
        } else {
            Ok(())
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for Text {
    type Error = ValueError;
    fn try_from(s: &str) -> Result<Self, ValueError> {
        Text::new(s)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Text::new(s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": format::TEXT,
            "minLength": 1,
            "pattern": "\\S",
            "description": "Text a person reads; not empty."
        })
    }
}

/// A free label on a partner, such as `early-years` or `north locality`: not empty, no `;`
/// (the CSV list separator) and no space at either end.
///
/// # Example
/// ```
/// use convener::model::Tag;
/// assert!(Tag::new("north locality").is_ok());
/// assert!(Tag::new("a;b").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag(String);

impl Tag {
    /// Checks `s` and makes a tag of it.
    pub fn new(s: impl Into<String>) -> Result<Self, ValueError> {
        let s = s.into();
        Self::check(&s)?;
        Ok(Tag(s))
    }

    /// Checks that `s` is a valid tag.
    pub fn check(s: &str) -> Result<(), ValueError> {
        if s.trim().is_empty() {
            return Err(ValueError { code: IssueCode::ValueEmpty, message: "a tag cannot be empty".into() });
        }
        if s.contains(';') || s.trim() != s {
            return Err(ValueError {
                code: IssueCode::TagInvalid,
                message: format!("{} is not a valid tag: a tag has no ';' and no space at either end", describe(s)),
            });
        }
        Ok(())
    }

    /// The tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Tag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Tag::new(s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Tag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Tag".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": format::TAG,
            "minLength": 1,
            "pattern": "^[^;\\s]([^;]*[^;\\s])?$",
            "description": "A label: not empty, no ';', no space at either end."
        })
    }
}

/// Defines a checked finite number in a closed range, with its schema.
macro_rules! bounded_number {
    (
        $(#[$doc:meta])*
        $name:ident, $min:expr, $max:expr, $what:literal
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
        pub struct $name(f64);

        impl $name {
            /// The smallest value allowed.
            pub const MIN: f64 = $min;
            /// The largest value allowed.
            pub const MAX: f64 = $max;

            /// Checks `v` and makes the value (−0 is taken as 0).
            pub fn new(v: f64) -> Result<Self, ValueError> {
                Self::check(v)?;
                Ok($name(if v == 0.0 { 0.0 } else { v }))
            }

            /// Checks that `v` is finite and within the range.
            pub fn check(v: f64) -> Result<(), ValueError> {
                check_range(v, Self::MIN, Self::MAX, $what)
            }

            /// The number.
            pub fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = ValueError;
            fn try_from(v: f64) -> Result<Self, ValueError> {
                $name::new(v)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_number(self.0, s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = f64::deserialize(d)?;
                $name::new(v).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let mut schema = json_schema!({ "type": "number", "description": $what });
                if Self::MIN.is_finite() {
                    schema.insert("minimum".into(), number_value(Self::MIN));
                }
                if Self::MAX.is_finite() {
                    schema.insert("maximum".into(), number_value(Self::MAX));
                }
                schema
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

    };
}

/// Reads a number, with −0 read as 0: the two are the same amount, and JavaScript's
/// `JSON.stringify` writes −0 as `0`, so every layer then gives the same bytes.
pub(crate) fn plain_number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    Ok(if v == 0.0 { 0.0 } else { v })
}

/// Writes a whole number as an integer and anything else as a float, as serde_json does.
pub(crate) fn serialize_number<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 { s.serialize_i64(v as i64) } else { s.serialize_f64(v) }
}

fn number_value(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 { serde_json::Value::from(v as i64) } else { serde_json::Value::from(v) }
}

fn check_range(v: f64, min: f64, max: f64, what: &str) -> Result<(), ValueError> {
    if !v.is_finite() {
        return Err(ValueError {
            code: IssueCode::ValueNotFinite,
            message: format!("{what}: a number is needed, not {v}"),
        });
    }
    if v < min || v > max {
        let range = if max.is_finite() { format!("from {min} to {max}") } else { format!("{min} or more") };
        return Err(ValueError {
            code: IssueCode::ValueOutOfRange,
            message: format!("{what} must be {range}; this one is {v}"),
        });
    }
    Ok(())
}

bounded_number!(
    /// A rating on PARTNER's 1–4 scale (trust and value items, backbone functions).
    ///
    /// # Example
    /// ```
    /// use convener::model::Rating;
    /// assert_eq!(Rating::new(3.0).unwrap().get(), 3.0);
    /// assert!(Rating::new(5.0).is_err());
    /// ```
    Rating, 1.0, 4.0, "a rating on the 1–4 scale"
);

bounded_number!(
    /// A share from 0 to 1, such as a partner's yearly staff turnover (0.25 = a quarter of
    /// its staff leave in a year).
    ///
    /// # Example
    /// ```
    /// use convener::model::Share;
    /// assert!(Share::new(0.25).is_ok());
    /// assert!(Share::new(1.5).is_err());
    /// ```
    Share, 0.0, 1.0, "a share from 0 to 1"
);

bounded_number!(
    /// A number that cannot be negative: an amount of money, staff in full-time equivalents.
    ///
    /// # Example
    /// ```
    /// use convener::model::NonNegative;
    /// assert!(NonNegative::new(120000.0).is_ok());
    /// assert!(NonNegative::new(-1.0).is_err());
    /// ```
    NonNegative, 0.0, f64::INFINITY, "a number of 0 or more"
);

/// An answer on a survey's 1–5 agreement scale (1 strongly disagree … 5 strongly agree).
///
/// # Example
/// ```
/// use convener::model::Agreement;
/// assert_eq!(Agreement::new(4).unwrap().get(), 4);
/// assert!(Agreement::new(0).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Agreement(u8);

impl Agreement {
    /// Checks `v` (1 to 5) and makes the answer.
    pub fn new(v: u64) -> Result<Self, ValueError> {
        if (1..=5).contains(&v) {
            Ok(Agreement(v as u8))
        } else {
            Err(ValueError {
                code: IssueCode::ValueOutOfRange,
                message: format!("an answer must be a whole number from 1 to 5; this one is {v}"),
            })
        }
    }

    /// The answer, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Serialize for Agreement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Agreement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u64::deserialize(d)?;
        Agreement::new(v).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Agreement {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Agreement".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 1,
            "maximum": 5,
            "description": "An answer on the 1–5 agreement scale (1 strongly disagree, 5 strongly agree)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in ["a", "A1", "health-visiting", "x.y:z_w-1", "2024"] {
            assert!(Id::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-a", "_a", "a b", "a/b", "é", "a~"] {
            assert_eq!(Id::new(bad).unwrap_err().code, "id.invalid", "{bad}");
        }
    }

    #[test]
    fn text() {
        assert!(Text::new("x").is_ok());
        assert_eq!(Text::new(" \t\n").unwrap_err().code, "value.empty");
    }

    #[test]
    fn ranges() {
        assert!(Rating::new(1.0).is_ok() && Rating::new(4.0).is_ok());
        assert_eq!(Rating::new(0.99).unwrap_err().code, "value.out_of_range");
        assert_eq!(Rating::new(f64::NAN).unwrap_err().code, "value.not_finite");
        assert_eq!(NonNegative::new(f64::INFINITY).unwrap_err().code, "value.not_finite");
        assert_eq!(Agreement::new(6).unwrap_err().code, "value.out_of_range");
        assert_eq!(serde_json::to_string(&Rating::new(3.0).unwrap()).unwrap(), "3");
        assert_eq!(serde_json::to_string(&Rating::new(2.5).unwrap()).unwrap(), "2.5");
    }
}

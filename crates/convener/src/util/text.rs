//! Numbers and missing values as text, the same way in every sentence and table: the
//! report's explanations, the terminal tables, Markdown, HTML and CSV.

use std::fmt::Display;

/// What a person reads where a value is missing: an en dash.
pub(crate) const MISSING: &str = "–";

/// `v` with `digits` decimals, or [`MISSING`].
pub(crate) fn fixed(v: Option<f64>, digits: usize) -> String {
    v.map(|x| format!("{x:.digits$}")).unwrap_or_else(|| MISSING.into())
}

/// A share (0–1) as a whole percentage, `0.42` → `42%`, or [`MISSING`].
pub(crate) fn percent(share: Option<f64>) -> String {
    v_or_missing(share.map(|x| format!("{:.0}%", x * 100.0)))
}

/// A whole number without decimals, any other with one: `12`, `12.5`; or [`MISSING`].
pub(crate) fn brief(v: Option<f64>) -> String {
    v_or_missing(v.map(|x| if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") }))
}

/// Any value as it displays, or [`MISSING`].
pub(crate) fn or_missing<T: Display>(v: Option<T>) -> String {
    v_or_missing(v.map(|x| x.to_string()))
}

fn v_or_missing(v: Option<String>) -> String {
    v.unwrap_or_else(|| MISSING.into())
}

/// A number as serde_json writes it (integers as integers, other numbers in the shortest
/// form that reads back to the same `f64`): the form of every number in CSV and XML.
pub(crate) fn plain(v: f64) -> String {
    serde_json::Number::from_f64(v).map(|n| n.to_string()).unwrap_or_default()
}

/// A number in [`plain`] form, blank when missing (CSV).
pub(crate) fn plain_or_blank(v: Option<f64>) -> String {
    v.map(plain).unwrap_or_default()
}

/// Any value as it displays, blank when missing (CSV).
pub(crate) fn or_blank<T: Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// An enum's snake_case name in words: `police_justice` → `police justice`.
pub(crate) fn words(name: &str) -> String {
    name.replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_text() {
        assert_eq!(fixed(Some(1.23456), 2), "1.23");
        assert_eq!(fixed(None, 2), "–");
        assert_eq!(percent(Some(0.425)), "42%");
        assert_eq!(percent(None), "–");
        assert_eq!(brief(Some(12.0)), "12");
        assert_eq!(brief(Some(12.46)), "12.5");
        assert_eq!(or_missing(Some(3)), "3");
        assert_eq!(or_missing(None::<u32>), "–");
        assert_eq!(plain(2.0), "2.0");
        assert_eq!(plain(0.1), "0.1");
        assert_eq!(plain_or_blank(None), "");
        assert_eq!(or_blank(Some(true)), "true");
        assert_eq!(words("police_justice"), "police justice");
    }
}

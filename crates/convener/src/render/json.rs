//! JSON text: the report (written in parts side by side, the same bytes as serde_json's
//! pretty writer), and every other JSON output of convener as pretty JSON with a trailing
//! newline.

use serde::Serialize;

use crate::measure::MeasureReport;
use crate::report::{Report, WhatIf};
use crate::util::parallel::join;

impl Report {
    /// The report as pretty JSON (two-space indent, trailing newline): the same bytes as
    /// `serde_json::to_string_pretty`; see [`report`].
    ///
    /// # Example
    /// ```
    /// use convener::{Initiative, Options};
    /// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#).unwrap();
    /// assert!(doc.analyze(&Options::default()).to_json().starts_with("{\n  \"format\": \"convener-report/1\","));
    /// ```
    pub fn to_json(&self) -> String {
        report(self)
    }
}

impl WhatIf {
    /// The answer as pretty JSON (two-space indent, trailing newline).
    ///
    /// # Example
    /// ```
    /// use convener::{Initiative, Options};
    /// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
    ///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}"#).unwrap();
    /// let w = convener::what_if(&doc, &["a"], &Options::default()).unwrap();
    /// assert!(w.to_json().starts_with("{\n  \"removed\": [\n    \"a\"\n  ],"));
    /// ```
    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

/// `value` as pretty JSON (two-space indent) with a trailing newline: every JSON output of
/// convener.
///
/// # Example
/// ```
/// assert_eq!(convener::render::json::pretty(&[1, 2]), "[\n  1,\n  2\n]\n");
/// ```
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// The report as pretty JSON (two-space indent, trailing newline).
///
/// The same bytes as `serde_json::to_string_pretty`: the large parts are written side by
/// side (with the `parallel` feature), each at its own depth, and put together in order.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#).unwrap();
/// let report = doc.analyze(&Options::default());
/// assert_eq!(convener::render::json::report(&report), convener::render::json::pretty(&report));
/// ```
pub fn report(report: &Report) -> String {
    let (head, (network, measurement)) = join(
        || {
            [
                pretty_value(&report.format, 1),
                pretty_value(&report.initiative, 1),
                pretty_value(&report.as_of, 1),
                pretty_value(&report.options, 1),
                pretty_value(&report.conditions, 1),
            ]
        },
        || join(|| pretty_value(&report.network, 1), || measurement_json(&report.measurement)),
    );
    let [format, initiative, as_of, options, conditions] = head;
    let plan = pretty_value(&report.plan, 1);
    let findings = pretty_value(&report.findings, 1);
    let fields = [
        ("format", &format),
        ("initiative", &initiative),
        ("as_of", &as_of),
        ("options", &options),
        ("conditions", &conditions),
        ("network", &network),
        ("measurement", &measurement),
        ("plan", &plan),
        ("findings", &findings),
    ];
    let mut out = String::with_capacity(fields.iter().map(|(k, v)| k.len() + v.len() + 8).sum::<usize>() + 4);
    out.push('{');
    for (i, (key, value)) in fields.iter().enumerate() {
        out.push_str(if i == 0 { "\n  \"" } else { ",\n  \"" });
        out.push_str(key);
        out.push_str("\": ");
        out.push_str(value);
    }
    out.push_str("\n}\n");
    out
}

/// `value` as serde_json's pretty JSON writes it `depth` levels deep: the same bytes as
/// that part of the whole document. Every line break in JSON text is between tokens
/// (strings escape theirs), so indenting each line after the first by `depth` levels gives
/// what the pretty writer gives there.
fn pretty_value<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    if depth == 0 {
        return text;
    }
    text.replace('\n', &format!("\n{}", "  ".repeat(depth)))
}

/// The measurement part at depth 1 (keys as `MeasureReport` declares them), its
/// indicators written in two halves side by side.
fn measurement_json(m: &MeasureReport) -> String {
    let half = m.indicators.len() / 2;
    let (a, b) =
        join(|| entries_at(&m.indicators[..half], 3, true), || entries_at(&m.indicators[half..], 3, half == 0));
    let mut out = String::with_capacity(a.len() + b.len() + 128);
    out.push_str("{\n    \"as_of\": ");
    out.push_str(&pretty_value(&m.as_of, 2));
    out.push_str(",\n    \"suppress_below\": ");
    out.push_str(&pretty_value(&m.suppress_below, 2));
    out.push_str(",\n    \"indicators\": ");
    if m.indicators.is_empty() {
        out.push_str("[]");
    } else {
        out.push('[');
        out.push_str(&a);
        out.push_str(&b);
        out.push_str("\n    ]");
    }
    out.push_str("\n  }");
    out
}

/// The entries of a list `depth` levels deep, each after its separator; `first` when the
/// first of them is the list's first.
fn entries_at<T: Serialize>(items: &[T], depth: usize, first: bool) -> String {
    let indent = "  ".repeat(depth);
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        out.push_str(if first && i == 0 { "\n" } else { ",\n" });
        out.push_str(&indent);
        out.push_str(&pretty_value(item, depth));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::{Initiative, Options};

    #[test]
    fn to_json_is_serde_jsons_pretty_text() {
        // The parts are written separately: a field added to `Report` or `MeasureReport`
        // and not to `to_json` would be missed, so compare with serde_json's own writing.
        for doc in [
            crate::synth::initiative(&crate::synth::SynthOptions { partners: 40, ..Default::default() }),
            Initiative::from_json(
                r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#,
            )
            .unwrap(),
        ] {
            let report = doc.analyze(&Options::default());
            let mut want = serde_json::to_string_pretty(&report).unwrap();
            want.push('\n');
            assert_eq!(report.to_json(), want);
        }
    }
}

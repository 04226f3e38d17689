//! The what-if answer as text for a terminal: what changes in the network, then the five
//! conditions before and after.

use std::fmt::Write;

use crate::model::Id;
use crate::network::whatif::WhatIfDelta;
use crate::report::{Report, WhatIf};
use crate::util::text::{fixed, percent};

/// The what-if answer as a few lines of text: the network changes, then each condition's
/// score before → after.
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let options = Options::default();
/// let answer = convener::what_if(&doc, &["a"], &options).unwrap();
/// let text = convener::render::table::what_if(&doc.analyze(&options), &answer);
/// assert!(text.starts_with("Without a:"));
/// assert!(text.contains("newly isolated            b"));
/// ```
pub fn what_if(before: &Report, w: &WhatIf) -> String {
    let mut out = delta(&w.removed, &w.delta);
    out.push_str("  conditions (score before → after):\n");
    for (b, a) in before.conditions.all().iter().zip(w.report.conditions.all()) {
        let _ = writeln!(out, "    {:<33} {} → {}", b.name, fixed(b.score, 0), fixed(a.score, 0));
    }
    out
}

/// What changes in the network, a line each.
fn delta(removed: &[Id], d: &WhatIfDelta) -> String {
    let list = |ids: &[Id]| {
        if ids.is_empty() { "none".to_string() } else { crate::render::words::ids(ids, ", ") }
    };
    let change = |before: Option<f64>, after: Option<f64>| format!("{} → {}", percent(before), percent(after));
    let mut out = String::new();
    let _ = writeln!(out, "Without {}:", list(removed));
    let rows = [
        ("components", format!("{} → {}", d.components.before, d.components.after)),
        ("largest component", change(d.largest_component_share.before, d.largest_component_share.after)),
        ("pairs cut off", change(d.fragmentation.before, d.fragmentation.after)),
        ("backbone reach (2 steps)", change(d.backbone_reach.before, d.backbone_reach.after)),
        ("newly isolated", list(&d.newly_isolated)),
        ("lose a provider", list(&d.cascade.partners)),
        ("activities hit", list(&d.cascade.activities)),
        ("activities without lead", list(&d.activities_without_lead)),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "  {label:<25} {value}");
    }
    out
}

//! Findings on backbone support: whether there is a backbone, whether it is stretched, and its weak functions.

use super::{Out, Sources};
use crate::codes::FindingCode;
use crate::model::Backbone;

/// Partners per full-time backbone post above which the backbone is stretched
/// (`backbone.overload`). convener's convention, one of those docs/scoring.md lists as
/// chosen to start a conversation rather than to settle one.
pub(super) const PARTNERS_PER_FTE: f64 = 15.0;

/// The share of the activities the backbone may lead before it is doing the partners'
/// work (`backbone.overload` above it). The 30% is convener's convention (docs/scoring.md);
/// the idea behind it, that a backbone supports the partners' activities rather than
/// running them, is Kania & Kramer's (2011).
pub(super) const LEAD_SHARE: f64 = 0.3;

/// A backbone function rated at or below this (1–4) is weak (`backbone.weak_function`).
/// convener's convention (docs/scoring.md): the lowest part of the scale, where a
/// function is hardly carried out.
pub(super) const WEAK_RATING: f64 = 1.5;

/// `backbone.missing`, or `backbone.overload` then `backbone.weak_function`.
pub(super) fn backbone(s: &Sources, out: &mut Out) {
    match &s.doc.backbone {
        None => {
            out.add(
                FindingCode::BackboneMissing,
                "No backbone organisation coordinates the partnership.".into(),
                vec![],
                &[],
            );
        }
        Some(b) => {
            overload(s, b, out);
            weak_functions(b, out);
        }
    }
}

fn overload(s: &Sources, b: &Backbone, out: &mut Out) {
    let doc = s.doc;
    let n = doc.partners.len();
    let led = doc.activities.iter().filter(|a| a.lead == b.partner).count();
    // No staff at all is the most stretched a backbone can be.
    let per_fte = b.staff_fte.map(|f| if f.get() > 0.0 { n as f64 / f.get() } else { f64::INFINITY });
    let stretched = per_fte.is_some_and(|r| r > PARTNERS_PER_FTE)
        || (!doc.activities.is_empty() && led as f64 / doc.activities.len() as f64 > LEAD_SHARE);
    if !stretched {
        return;
    }
    let shown = per_fte
        .map(|r| if r.is_finite() { format!("{r:.0}") } else { "no staff: all".into() })
        .unwrap_or_else(|| "–".into());
    out.add(
        FindingCode::BackboneOverload,
        format!(
            "The backbone is stretched: {shown} partners per full-time post, and it leads {led} of {} activities.",
            doc.activities.len()
        ),
        vec![b.partner.clone()],
        &[("partners_per_fte", per_fte.filter(|r| r.is_finite()).unwrap_or(0.0)), ("activities_led", led as f64)],
    );
}

fn weak_functions(b: &Backbone, out: &mut Out) {
    let weak: Vec<&str> =
        b.functions.ratings().iter().filter(|(_, r)| r.get() <= WEAK_RATING).map(|(n, _)| *n).collect();
    if !weak.is_empty() {
        out.add(
            FindingCode::BackboneWeakFunction,
            format!("The backbone is rated weak on: {}.", weak.join(", ").replace('_', " ")),
            vec![b.partner.clone()],
            &[],
        );
    }
}

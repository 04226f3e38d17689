//! The checks between parts of a document: unique ids, every reference resolved, one tie
//! per pair, one measurement per indicator, partner, period and group, periods that match
//! their indicator's frequency.

use std::collections::{BTreeMap, BTreeSet};

use super::Collector;
use crate::model::{Aggregation, Frequency, Id, Initiative, Instrument, Period};

/// Ids of one kind, with where each was first declared.
struct Declared<'a> {
    ids: BTreeMap<&'a str, String>,
    /// Ids of another kind that are often named here by mistake, with why they do not fit.
    others: BTreeMap<&'a str, &'static str>,
}

impl<'a> Declared<'a> {
    fn new() -> Self {
        Declared { ids: BTreeMap::new(), others: BTreeMap::new() }
    }

    /// Declares `id` at `ptr`, or pushes `id.duplicate`.
    fn declare(&mut self, out: &mut Collector, id: &'a Id, ptr: String, what: &str) {
        if let Some(first) = self.ids.get(id.as_str()) {
            let msg = format!("the id '{id}' is already used by {what} at {first}; ids must be unique");
            out.push_pointer("id.duplicate", &ptr, msg);
        } else {
            self.ids.insert(id.as_str(), ptr.trim_end_matches("/id").to_string());
        }
    }

    fn has(&self, id: &Id) -> bool {
        self.ids.contains_key(id.as_str())
    }
}

/// A list of references: each must be declared, none twice.
fn references(out: &mut Collector, ids: &[Id], declared: &Declared, base: &str, code: &'static str, what: &str) {
    let mut seen = BTreeSet::new();
    for (j, id) in ids.iter().enumerate() {
        reference(out, id, declared, || format!("{base}/{j}"), code, what);
        if !seen.insert(id.as_str()) {
            out.push_pointer("reference.duplicate", &format!("{base}/{j}"), format!("'{id}' is listed twice here"));
        }
    }
}

fn reference(
    out: &mut Collector,
    id: &Id,
    declared: &Declared,
    ptr: impl FnOnce() -> String,
    code: &'static str,
    what: &str,
) {
    if !declared.has(id) {
        let ptr = &ptr();
        if let Some(why) = declared.others.get(id.as_str()) {
            out.push_pointer(code, ptr, format!("'{id}' {why}"));
            return;
        }
        let known = declared.ids.keys().copied();
        let hint = match super::suggest::closest(id.as_str(), known) {
            Some(c) => format!("; did you mean '{c}'?"),
            None => String::new(),
        };
        out.push_pointer(code, ptr, format!("no {what} has the id '{id}'{hint}"));
    }
}

fn finite(out: &mut Collector, v: f64, ptr: &str) {
    if !v.is_finite() {
        out.push_pointer("value.not_finite", ptr, format!("a number is needed here, not {v}"));
    }
}

fn adverb(f: Frequency) -> &'static str {
    match f {
        Frequency::Annual => "annually",
        Frequency::Quarterly => "quarterly",
        Frequency::Monthly => "monthly",
        Frequency::Weekly => "weekly",
        Frequency::Daily => "daily",
        Frequency::Never => "never",
    }
}

fn period_matches(out: &mut Collector, p: &Period, frequency: Frequency, ptr: &str) {
    if frequency.is_reporting() && p.frequency() != frequency {
        let example = match frequency {
            Frequency::Annual => "2024",
            Frequency::Quarterly => "2024-Q3",
            _ => "2024-07",
        };
        let msg = format!(
            "the period '{p}' does not match the indicator, which is reported {}: write it like {example}",
            adverb(frequency)
        );
        out.push_pointer("period.mismatch", ptr, msg);
    }
}

/// Runs every check between parts of `doc`, pushing problems in document order.
pub(crate) fn check(doc: &Initiative, out: &mut Collector) {
    let mut partners = Declared::new();
    for (i, p) in doc.partners.iter().enumerate() {
        partners.declare(out, &p.id, format!("/partners/{i}/id"), "the partner");
    }

    if let Some(agenda) = &doc.agenda {
        references(out, &agenda.endorsed_by, &partners, "/agenda/endorsed_by", "reference.unknown_partner", "partner");
    }

    let mut pairs: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, t) in doc.ties.iter().enumerate() {
        reference(out, &t.from, &partners, || format!("/ties/{i}/from"), "reference.unknown_partner", "partner");
        reference(out, &t.to, &partners, || format!("/ties/{i}/to"), "reference.unknown_partner", "partner");
        if t.from == t.to {
            out.push_pointer(
                "tie.self",
                &format!("/ties/{i}"),
                format!("this tie goes from '{}' to itself; a tie joins two different partners", t.from),
            );
        } else if let Some(first) = pairs.get(&(t.from.as_str(), t.to.as_str())) {
            out.push_pointer(
                "tie.duplicate",
                &format!("/ties/{i}"),
                format!(
                    "'{}' already reported a tie to '{}' at /ties/{first}; keep one tie per pair and direction",
                    t.from, t.to
                ),
            );
        } else {
            pairs.insert((t.from.as_str(), t.to.as_str()), i);
        }
    }

    // Goals and outcomes share one namespace.
    let mut results = Declared::new();
    let mut outcome_ids = Declared::new();
    for (i, g) in doc.goals.iter().enumerate() {
        results.declare(out, &g.id, format!("/goals/{i}/id"), "the goal");
        outcome_ids.others.insert(
            g.id.as_str(),
            "is a goal: an activity serves outcomes, and outcomes lead to goals; name the outcome it serves",
        );
    }
    for (i, o) in doc.outcomes.iter().enumerate() {
        results.declare(out, &o.id, format!("/outcomes/{i}/id"), "the goal or outcome");
        outcome_ids.declare(&mut Collector::discard(), &o.id, format!("/outcomes/{i}/id"), "");
    }
    for (i, o) in doc.outcomes.iter().enumerate() {
        references(
            out,
            &o.contributes_to,
            &results,
            &format!("/outcomes/{i}/contributes_to"),
            "reference.unknown_goal_or_outcome",
            "goal or outcome",
        );
    }

    let mut activities = Declared::new();
    for (i, a) in doc.activities.iter().enumerate() {
        activities.declare(out, &a.id, format!("/activities/{i}/id"), "the activity");
    }
    for (i, a) in doc.activities.iter().enumerate() {
        let base = format!("/activities/{i}");
        reference(out, &a.lead, &partners, || format!("{base}/lead"), "reference.unknown_partner", "partner");
        references(out, &a.partners, &partners, &format!("{base}/partners"), "reference.unknown_partner", "partner");
        references(out, &a.outcomes, &outcome_ids, &format!("{base}/outcomes"), "reference.unknown_outcome", "outcome");
        references(
            out,
            &a.depends_on,
            &activities,
            &format!("{base}/depends_on"),
            "reference.unknown_activity",
            "activity",
        );
    }

    let mut indicators = Declared::new();
    for (i, ind) in doc.indicators.iter().enumerate() {
        let base = format!("/indicators/{i}");
        indicators.declare(out, &ind.id, format!("{base}/id"), "the indicator");
        if !ind.frequency.is_reporting() {
            out.push_pointer(
                "value.unknown",
                &format!("{base}/frequency"),
                format!("an indicator is reported monthly, quarterly or annual, not {}", ind.frequency),
            );
        }
        references(
            out,
            &ind.measures,
            &results,
            &format!("{base}/measures"),
            "reference.unknown_goal_or_outcome",
            "goal or outcome",
        );
        references(
            out,
            &ind.reporters,
            &partners,
            &format!("{base}/reporters"),
            "reference.unknown_partner",
            "partner",
        );
        for (name, pv) in [("baseline", &ind.baseline), ("target", &ind.target)] {
            if let Some(pv) = pv {
                period_matches(out, &pv.period, ind.frequency, &format!("{base}/{name}/period"));
                finite(out, pv.value, &format!("{base}/{name}/value"));
            }
        }
        for (j, p) in ind.phases.iter().enumerate() {
            let ptr = format!("{base}/phases/{j}");
            period_matches(out, p, ind.frequency, &ptr);
            if j > 0 && ind.phases[j - 1] >= *p {
                let prev = ind.phases[j - 1];
                let msg = if prev == *p {
                    format!("the phase '{p}' is listed twice; list each phase once")
                } else {
                    format!(
                        "phases must be listed in time order: '{p}' is earlier than '{prev}', which is listed before it"
                    )
                };
                out.push_pointer("period.order", &ptr, msg);
            }
        }
    }

    let by_id: BTreeMap<&str, &crate::model::Indicator> = doc.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut seen: BTreeMap<(&str, &str, Period, Option<&str>), usize> = BTreeMap::new();
    let mut grouped: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    for (i, m) in doc.measurements.iter().enumerate() {
        let base = format!("/measurements/{i}");
        reference(
            out,
            &m.indicator,
            &indicators,
            || format!("{base}/indicator"),
            "reference.unknown_indicator",
            "indicator",
        );
        reference(out, &m.partner, &partners, || format!("{base}/partner"), "reference.unknown_partner", "partner");
        finite(out, m.value, &format!("{base}/value"));
        if let Some(ind) = by_id.get(m.indicator.as_str()) {
            if partners.has(&m.partner) && !ind.reporters.contains(&m.partner) {
                out.push_pointer(
                    "reference.not_reporter",
                    &format!("{base}/partner"),
                    format!(
                        "'{}' is not listed as a reporter of the indicator '{}'; add it to the indicator's reporters",
                        m.partner, ind.id
                    ),
                );
            }
            period_matches(out, &m.period, ind.frequency, &format!("{base}/period"));
            if ind.aggregation == Aggregation::Ratio {
                for (name, part) in [("numerator", m.numerator), ("denominator", m.denominator)] {
                    if part.is_none() {
                        out.push_pointer(
                            "field.missing",
                            &format!("{base}/{name}"),
                            format!("the indicator '{}' is a ratio, so each measurement needs a {name}", ind.id),
                        );
                    }
                }
            }
            let is_grouped = m.group.is_some();
            match grouped.get(m.indicator.as_str()) {
                None => {
                    grouped.insert(m.indicator.as_str(), (is_grouped, i));
                }
                Some(&(first, at)) if first != is_grouped => {
                    let msg = format!(
                        "the indicator '{}' has measurements {} a group (first at /measurements/{at}) and this one {}; use groups for all of them or none",
                        m.indicator,
                        if first { "with" } else { "without" },
                        if is_grouped { "has one" } else { "has none" },
                    );
                    out.push_pointer("measurement.group_mixed", &base, msg);
                }
                _ => {}
            }
        }
        let key = (m.indicator.as_str(), m.partner.as_str(), m.period, m.group.as_ref().map(|g| g.as_str()));
        if let Some(first) = seen.get(&key) {
            let group = m.group.as_ref().map(|g| format!(", group '{g}'")).unwrap_or_default();
            out.push_pointer(
                "measurement.duplicate",
                &base,
                format!(
                    "'{}' already reported '{}' for {}{group} at /measurements/{first}; keep one value",
                    m.partner, m.indicator, m.period
                ),
            );
        } else {
            seen.insert(key, i);
        }
    }

    let mut channels = Declared::new();
    for (i, c) in doc.channels.iter().enumerate() {
        channels.declare(out, &c.id, format!("/channels/{i}/id"), "the channel");
        references(
            out,
            &c.members,
            &partners,
            &format!("/channels/{i}/members"),
            "reference.unknown_partner",
            "partner",
        );
    }

    if let Some(b) = &doc.backbone {
        reference(
            out,
            &b.partner,
            &partners,
            || "/backbone/partner".to_string(),
            "reference.unknown_partner",
            "partner",
        );
    }

    let mut surveys = Declared::new();
    for (i, s) in doc.surveys.iter().enumerate() {
        let base = format!("/surveys/{i}");
        surveys.declare(out, &s.id, format!("{base}/id"), "the survey");
        let items = s.instrument.items();
        let mut item_ids = Declared::new();
        if let Instrument::Custom(c) = &s.instrument {
            for (j, item) in c.items.iter().enumerate() {
                item_ids.declare(out, &item.id, format!("{base}/instrument/items/{j}/id"), "the item");
            }
        } else {
            for item in items.iter() {
                item_ids.declare(&mut Collector::discard(), &item.id, String::new(), "");
            }
        }
        let mut respondents: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, r) in s.responses.iter().enumerate() {
            let rbase = format!("{base}/responses/{j}");
            reference(
                out,
                &r.respondent,
                &partners,
                || format!("{rbase}/respondent"),
                "reference.unknown_partner",
                "partner",
            );
            if let Some(first) = respondents.get(r.respondent.as_str()) {
                out.push_pointer(
                    "response.duplicate",
                    &format!("{rbase}/respondent"),
                    format!(
                        "'{}' already answered this survey at {base}/responses/{first}; keep one response per partner",
                        r.respondent
                    ),
                );
            } else {
                respondents.insert(r.respondent.as_str(), j);
            }
            for key in r.answers.keys() {
                if !item_ids.has(key) {
                    let ptr = format!("{rbase}/answers/{}", super::walk::escape_segment(key.as_str()));
                    let known = item_ids.ids.keys().copied();
                    let hint = match super::suggest::closest(key.as_str(), known) {
                        Some(c) => format!("; did you mean '{c}'?"),
                        None => String::new(),
                    };
                    out.push_pointer(
                        "reference.unknown_item",
                        &ptr,
                        format!("the survey's instrument has no item '{key}'{hint}"),
                    );
                }
            }
        }
    }
}

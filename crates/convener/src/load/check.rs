//! The checks between parts of a document: unique ids, every reference resolved, one tie
//! per pair, one measurement per indicator, partner, period and group, periods that match
//! their indicator's frequency.

use std::cell::OnceCell;
// foldhash: the same lookups as std's SipHash maps at a fraction of the cost per id (a
// 10⁵-partner document looks up some 1.6 million ids); randomly seeded, and only looked
// up, never iterated, so no order reaches an output.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::Collector;
use crate::codes::IssueCode;
use crate::model::{Aggregation, Frequency, Id, Indicator, Initiative, Instrument, Measurement, Period, Survey};

/// Where an id was declared, kept small and written out only when a duplicate needs it.
#[derive(Clone, Copy)]
enum Place {
    /// `/{part}/{index}`.
    At(&'static str, usize),
    /// `/surveys/{survey}/instrument/items/{item}`.
    Item(usize, usize),
    /// Not reported (the ids are only looked up).
    Nowhere,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::At(part, i) => write!(f, "/{part}/{i}"),
            Place::Item(s, j) => write!(f, "/surveys/{s}/instrument/items/{j}"),
            Place::Nowhere => Ok(()),
        }
    }
}

/// Ids of one kind, with where each was first declared. Lookups only: the maps' order
/// never reaches an issue (suggestions read the ids sorted).
struct Declared<'a> {
    ids: HashMap<&'a str, Place>,
    /// Ids of another kind that are often named here by mistake, with why they do not fit.
    others: HashMap<&'a str, &'static str>,
    /// The ids in order, made when a suggestion first needs them.
    sorted: OnceCell<Vec<&'a str>>,
}

impl<'a> Declared<'a> {
    fn new() -> Self {
        Declared { ids: HashMap::new(), others: HashMap::new(), sorted: OnceCell::new() }
    }

    fn with_capacity(n: usize) -> Self {
        Declared { ids: HashMap::with_capacity(n), ..Declared::new() }
    }

    /// Declares `id` at `place` (its `id` field), or pushes `id.duplicate`.
    fn declare(&mut self, out: &mut Collector, id: &'a Id, place: Place, what: &str) {
        if let Some(first) = self.ids.get(id.as_str()) {
            let msg = format!("the id '{id}' is already used by {what} at {first}; ids must be unique");
            out.push_pointer(IssueCode::IdDuplicate, &format!("{place}/id"), msg);
        } else {
            self.ids.insert(id.as_str(), place);
        }
    }

    fn has(&self, id: &Id) -> bool {
        self.ids.contains_key(id.as_str())
    }

    /// The declared ids, sorted.
    fn known(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.sorted
            .get_or_init(|| {
                let mut v: Vec<&'a str> = self.ids.keys().copied().collect();
                v.sort_unstable();
                v
            })
            .iter()
            .copied()
    }
}

/// A list of references: each must be declared, none twice.
fn references(out: &mut Collector, ids: &[Id], declared: &Declared, base: &str, code: IssueCode, what: &str) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (j, id) in ids.iter().enumerate() {
        reference(out, id, declared, || format!("{base}/{j}"), code, what);
        // Short lists (the usual case) are checked without a set.
        let repeated =
            if ids.len() <= 16 { ids[..j].iter().any(|earlier| earlier == id) } else { !seen.insert(id.as_str()) };
        if repeated {
            out.push_pointer(
                IssueCode::ReferenceDuplicate,
                &format!("{base}/{j}"),
                format!("'{id}' is listed twice here"),
            );
        }
    }
}

fn reference(
    out: &mut Collector,
    id: &Id,
    declared: &Declared,
    ptr: impl FnOnce() -> String,
    code: IssueCode,
    what: &str,
) {
    if !declared.has(id) {
        let ptr = &ptr();
        if let Some(why) = declared.others.get(id.as_str()) {
            out.push_pointer(code, ptr, format!("'{id}' {why}"));
            return;
        }
        let hint = match crate::util::suggest::closest(id.as_str(), declared.known()) {
            Some(c) => format!("; did you mean '{c}'?"),
            None => String::new(),
        };
        out.push_pointer(code, ptr, format!("no {what} has the id '{id}'{hint}"));
    }
}

fn finite(out: &mut Collector, v: f64, ptr: impl FnOnce() -> String) {
    if !v.is_finite() {
        out.push_pointer(IssueCode::ValueNotFinite, &ptr(), format!("a number is needed here, not {v}"));
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

fn period_matches(out: &mut Collector, p: &Period, frequency: Frequency, ptr: impl FnOnce() -> String) {
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
        out.push_pointer(IssueCode::PeriodMismatch, &ptr(), msg);
    }
}

/// Runs every check between parts of `doc`, pushing problems in document order: each
/// part's ids are declared before the parts after it refer to them.
pub(crate) fn check(doc: &Initiative, out: &mut Collector) {
    let partners = declare_partners(doc, out);
    if let Some(agenda) = &doc.agenda {
        let ptr = "/agenda/endorsed_by";
        references(out, &agenda.endorsed_by, &partners, ptr, IssueCode::ReferenceUnknownPartner, "partner");
    }
    ties(doc, &partners, out);
    let results = goals_and_outcomes(doc, out);
    activities(doc, &partners, &results, out);
    let indicators = indicators(doc, &partners, &results, out);
    measurements(doc, &partners, &indicators, out);
    channels(doc, &partners, out);
    if let Some(b) = &doc.backbone {
        let ptr = || "/backbone/partner".to_string();
        reference(out, &b.partner, &partners, ptr, IssueCode::ReferenceUnknownPartner, "partner");
    }
    surveys(doc, &partners, out);
}

fn declare_partners<'a>(doc: &'a Initiative, out: &mut Collector) -> Declared<'a> {
    let mut partners = Declared::with_capacity(doc.partners.len());
    for (i, p) in doc.partners.iter().enumerate() {
        partners.declare(out, &p.id, Place::At("partners", i), "the partner");
    }
    partners
}

/// Each tie joins two known partners, two different ones, once per direction.
fn ties(doc: &Initiative, partners: &Declared, out: &mut Collector) {
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::with_capacity(doc.ties.len());
    for (i, t) in doc.ties.iter().enumerate() {
        let unknown = IssueCode::ReferenceUnknownPartner;
        reference(out, &t.from, partners, || format!("/ties/{i}/from"), unknown, "partner");
        reference(out, &t.to, partners, || format!("/ties/{i}/to"), unknown, "partner");
        if t.from == t.to {
            out.push_pointer(
                IssueCode::TieSelf,
                &format!("/ties/{i}"),
                format!("this tie goes from '{}' to itself; a tie joins two different partners", t.from),
            );
        } else if let Some(first) = pairs.get(&(t.from.as_str(), t.to.as_str())) {
            out.push_pointer(
                IssueCode::TieDuplicate,
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
}

/// The ids of goals and outcomes: one namespace for both, and the outcomes alone (where
/// a goal's id is known, to say it is a goal).
struct Results<'a> {
    goals_and_outcomes: Declared<'a>,
    outcomes: Declared<'a>,
}

/// Declares goals and outcomes, then checks what each outcome contributes to.
fn goals_and_outcomes<'a>(doc: &'a Initiative, out: &mut Collector) -> Results<'a> {
    let mut results = Declared::new();
    let mut outcome_ids = Declared::new();
    for (i, g) in doc.goals.iter().enumerate() {
        results.declare(out, &g.id, Place::At("goals", i), "the goal");
        outcome_ids.others.insert(
            g.id.as_str(),
            "is a goal: an activity serves outcomes, and outcomes lead to goals; name the outcome it serves",
        );
    }
    for (i, o) in doc.outcomes.iter().enumerate() {
        results.declare(out, &o.id, Place::At("outcomes", i), "the goal or outcome");
        outcome_ids.declare(&mut Collector::discard(), &o.id, Place::At("outcomes", i), "");
    }
    for (i, o) in doc.outcomes.iter().enumerate() {
        references(
            out,
            &o.contributes_to,
            &results,
            &format!("/outcomes/{i}/contributes_to"),
            IssueCode::ReferenceUnknownGoalOrOutcome,
            "goal or outcome",
        );
    }
    Results { goals_and_outcomes: results, outcomes: outcome_ids }
}

/// Declares activities, then checks each one's lead, partners, outcomes and dependencies.
fn activities(doc: &Initiative, partners: &Declared, results: &Results, out: &mut Collector) {
    let mut activities = Declared::new();
    for (i, a) in doc.activities.iter().enumerate() {
        activities.declare(out, &a.id, Place::At("activities", i), "the activity");
    }
    let unknown_partner = IssueCode::ReferenceUnknownPartner;
    for (i, a) in doc.activities.iter().enumerate() {
        let base = format!("/activities/{i}");
        reference(out, &a.lead, partners, || format!("{base}/lead"), unknown_partner, "partner");
        references(out, &a.partners, partners, &format!("{base}/partners"), unknown_partner, "partner");
        let outcomes = &results.outcomes;
        let ptr = format!("{base}/outcomes");
        references(out, &a.outcomes, outcomes, &ptr, IssueCode::ReferenceUnknownOutcome, "outcome");
        let ptr = format!("{base}/depends_on");
        references(out, &a.depends_on, &activities, &ptr, IssueCode::ReferenceUnknownActivity, "activity");
    }
}

/// Declares indicators and checks each one: its frequency, what it measures, its
/// reporters, its baseline and target, and its phases.
fn indicators<'a>(doc: &'a Initiative, partners: &Declared, results: &Results, out: &mut Collector) -> Declared<'a> {
    let mut indicators = Declared::new();
    for (i, ind) in doc.indicators.iter().enumerate() {
        let base = format!("/indicators/{i}");
        indicators.declare(out, &ind.id, Place::At("indicators", i), "the indicator");
        if !ind.frequency.is_reporting() {
            out.push_pointer(
                IssueCode::ValueUnknown,
                &format!("{base}/frequency"),
                format!("an indicator is reported monthly, quarterly or annual, not {}", ind.frequency),
            );
        }
        references(
            out,
            &ind.measures,
            &results.goals_and_outcomes,
            &format!("{base}/measures"),
            IssueCode::ReferenceUnknownGoalOrOutcome,
            "goal or outcome",
        );
        let ptr = format!("{base}/reporters");
        references(out, &ind.reporters, partners, &ptr, IssueCode::ReferenceUnknownPartner, "partner");
        for (name, pv) in [("baseline", &ind.baseline), ("target", &ind.target)] {
            if let Some(pv) = pv {
                period_matches(out, &pv.period, ind.frequency, || format!("{base}/{name}/period"));
                finite(out, pv.value, || format!("{base}/{name}/value"));
            }
        }
        phases(ind, &base, out);
    }
    indicators
}

/// An indicator's phases match its frequency and are in time order, each once.
fn phases(ind: &Indicator, base: &str, out: &mut Collector) {
    for (j, p) in ind.phases.iter().enumerate() {
        let ptr = format!("{base}/phases/{j}");
        period_matches(out, p, ind.frequency, || ptr.clone());
        if j > 0 && ind.phases[j - 1] >= *p {
            let prev = ind.phases[j - 1];
            let msg = if prev == *p {
                format!("the phase '{p}' is listed twice; list each phase once")
            } else {
                format!(
                    "phases must be listed in time order: '{p}' is earlier than '{prev}', which is listed before it"
                )
            };
            out.push_pointer(IssueCode::PeriodOrder, &ptr, msg);
        }
    }
}

/// Each measurement names a known indicator and partner, fits its indicator, and is the
/// only one for its indicator, partner, period and group.
fn measurements(doc: &Initiative, partners: &Declared, indicators: &Declared, out: &mut Collector) {
    let by_id: HashMap<&str, &Indicator> = doc.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    // (indicator, reporter) for the indicator each id names.
    let reporting: HashSet<(&str, &str)> =
        by_id.iter().flat_map(|(&k, ind)| ind.reporters.iter().map(move |r| (k, r.as_str()))).collect();
    let mut seen: HashMap<(&str, &str, Period, Option<&str>), usize> = HashMap::with_capacity(doc.measurements.len());
    let mut grouped: HashMap<&str, (bool, usize)> = HashMap::with_capacity(doc.indicators.len());
    for (i, m) in doc.measurements.iter().enumerate() {
        let base = || format!("/measurements/{i}");
        let base = &base;
        let ptr = || format!("{}/indicator", base());
        reference(out, &m.indicator, indicators, ptr, IssueCode::ReferenceUnknownIndicator, "indicator");
        let ptr = || format!("{}/partner", base());
        reference(out, &m.partner, partners, ptr, IssueCode::ReferenceUnknownPartner, "partner");
        finite(out, m.value, || format!("{}/value", base()));
        if let Some(ind) = by_id.get(m.indicator.as_str()) {
            if partners.has(&m.partner) && !reporting.contains(&(m.indicator.as_str(), m.partner.as_str())) {
                out.push_pointer(
                    IssueCode::ReferenceNotReporter,
                    &format!("{}/partner", base()),
                    format!(
                        "'{}' is not listed as a reporter of the indicator '{}'; add it to the indicator's reporters",
                        m.partner, ind.id
                    ),
                );
            }
            fits_indicator(m, ind, &base(), out);
            groups_alike(m, i, &mut grouped, &base(), out);
        }
        let key = (m.indicator.as_str(), m.partner.as_str(), m.period, m.group.as_ref().map(|g| g.as_str()));
        if let Some(first) = seen.get(&key) {
            let group = m.group.as_ref().map(|g| format!(", group '{g}'")).unwrap_or_default();
            out.push_pointer(
                IssueCode::MeasurementDuplicate,
                &base(),
                format!(
                    "'{}' already reported '{}' for {}{group} at /measurements/{first}; keep one value",
                    m.partner, m.indicator, m.period
                ),
            );
        } else {
            seen.insert(key, i);
        }
    }
}

/// A measurement's period matches its indicator's frequency, and a ratio indicator's
/// measurement has its numerator and denominator.
fn fits_indicator(m: &Measurement, ind: &Indicator, base: &str, out: &mut Collector) {
    period_matches(out, &m.period, ind.frequency, || format!("{base}/period"));
    if ind.aggregation == Aggregation::Ratio {
        for (name, part) in [("numerator", m.numerator), ("denominator", m.denominator)] {
            if part.is_none() {
                out.push_pointer(
                    IssueCode::FieldMissing,
                    &format!("{base}/{name}"),
                    format!("the indicator '{}' is a ratio, so each measurement needs a {name}", ind.id),
                );
            }
        }
    }
}

/// The measurements of one indicator all have a group, or none has: `grouped` keeps,
/// per indicator, whether its first measurement had one and where it was.
fn groups_alike<'a>(
    m: &'a Measurement,
    i: usize,
    grouped: &mut HashMap<&'a str, (bool, usize)>,
    base: &str,
    out: &mut Collector,
) {
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
            out.push_pointer(IssueCode::MeasurementGroupMixed, base, msg);
        }
        _ => {}
    }
}

/// Declares channels, then checks their members.
fn channels(doc: &Initiative, partners: &Declared, out: &mut Collector) {
    let mut channels = Declared::new();
    for (i, c) in doc.channels.iter().enumerate() {
        channels.declare(out, &c.id, Place::At("channels", i), "the channel");
        let ptr = format!("/channels/{i}/members");
        references(out, &c.members, partners, &ptr, IssueCode::ReferenceUnknownPartner, "partner");
    }
}

/// Declares surveys and their items, then checks each response.
fn surveys(doc: &Initiative, partners: &Declared, out: &mut Collector) {
    let mut surveys = Declared::new();
    for (i, s) in doc.surveys.iter().enumerate() {
        surveys.declare(out, &s.id, Place::At("surveys", i), "the survey");
        let items = s.instrument.items();
        let mut item_ids = Declared::new();
        if let Instrument::Custom(c) = &s.instrument {
            for (j, item) in c.items.iter().enumerate() {
                item_ids.declare(out, &item.id, Place::Item(i, j), "the item");
            }
        } else {
            for item in items.iter() {
                item_ids.declare(&mut Collector::discard(), &item.id, Place::Nowhere, "");
            }
        }
        responses(s, &format!("/surveys/{i}"), partners, &item_ids, out);
    }
}

/// Each response of a survey comes from a known partner, once, and answers the
/// survey's items.
fn responses(s: &Survey, base: &str, partners: &Declared, item_ids: &Declared, out: &mut Collector) {
    let mut respondents: HashMap<&str, usize> = HashMap::with_capacity(s.responses.len());
    for (j, r) in s.responses.iter().enumerate() {
        let rbase = format!("{base}/responses/{j}");
        let ptr = || format!("{rbase}/respondent");
        reference(out, &r.respondent, partners, ptr, IssueCode::ReferenceUnknownPartner, "partner");
        if let Some(first) = respondents.get(r.respondent.as_str()) {
            out.push_pointer(
                IssueCode::ResponseDuplicate,
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
                let hint = match crate::util::suggest::closest(key.as_str(), item_ids.known()) {
                    Some(c) => format!("; did you mean '{c}'?"),
                    None => String::new(),
                };
                out.push_pointer(
                    IssueCode::ReferenceUnknownItem,
                    &ptr,
                    format!("the survey's instrument has no item '{key}'{hint}"),
                );
            }
        }
    }
}

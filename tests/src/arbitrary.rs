//! Arbitrary valid documents from a seed: every field of the format used somewhere, awkward
//! text (quotes, commas, line breaks, formula-like starts, non-ASCII), and numbers that
//! test round-tripping. For property tests of reading and writing; not realistic (that is
//! `convener::synth`'s job).

use convener::Initiative;
use convener::model::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const AWKWARD: &[&str] = &[
    "Northfield Family Hub",
    "Café & Co — “quotes”",
    "=SUM(A1:A9)",
    "+44 1234 567890",
    "-minus first",
    "@handle",
    "'already quoted",
    "line one\nline two",
    "comma, inside",
    "\"double quoted\"",
    "semi;colon",
    "emoji 🌱 growth",
    "tab\tinside",
    " leading space",
    "trailing space ",
    "<script>alert(1)</script>",
    "CRLF\r\nline",
    "x",
];

const TAGS: &[&str] = &["north", "early years", "=tag", "Ünïcode", "a,b", "'q", "x"];

struct Gen {
    rng: ChaCha8Rng,
}

impl Gen {
    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { self.rng.random_range(0..n) }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn text(&mut self) -> Text {
        Text::new(*self.pick(AWKWARD)).expect("awkward texts are valid")
    }

    fn maybe_text(&mut self) -> Option<Text> {
        self.chance(0.5).then(|| self.text())
    }

    fn id(&mut self, prefix: &str, i: usize) -> Id {
        let sep = *self.pick(&["-", "_", ".", ":", ""]);
        Id::new(format!("{prefix}{sep}{i}")).expect("generated ids are valid")
    }

    fn number(&mut self) -> f64 {
        match self.below(6) {
            0 => self.rng.random_range(-1000..1000) as f64,
            1 => self.rng.random::<f64>(),
            2 => 0.1 + 0.2,
            3 => self.rng.random_range(-1.0e9..1.0e9),
            4 => 1.0e-7 * self.rng.random::<f64>(),
            _ => self.rng.random_range(0.0..100.0),
        }
    }

    fn rating(&mut self) -> Rating {
        let v = if self.chance(0.7) { self.rng.random_range(1..=4) as f64 } else { self.rng.random_range(1.0..=4.0) };
        Rating::new(v).expect("in range")
    }

    fn date(&mut self) -> Date {
        let y = self.rng.random_range(1990..2040);
        let m = self.rng.random_range(1..=12);
        let d = self.rng.random_range(1..=28);
        Date::new(y, m, d).expect("valid date")
    }

    fn period(&mut self, f: Frequency) -> Period {
        let y = self.rng.random_range(2015..2030);
        match f {
            Frequency::Annual => Period::Year(y),
            Frequency::Quarterly => Period::Quarter(y, self.rng.random_range(1..=4)),
            _ => Period::Month(y, self.rng.random_range(1..=12)),
        }
    }

    fn some<T: Copy>(&mut self, all: &[T], max: usize) -> Vec<T> {
        let n = self.below(max + 1);
        let mut out: Vec<T> = Vec::new();
        for _ in 0..n {
            out.push(*self.pick(all));
        }
        out
    }

    fn distinct_ids(&mut self, from: &[Id], max: usize) -> Vec<Id> {
        let mut out: Vec<Id> = Vec::new();
        for _ in 0..self.below(max + 1) {
            if from.is_empty() {
                break;
            }
            let id = self.pick(from).clone();
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

/// A valid document from `seed`, with up to `size` partners (at least 1).
///
/// # Example
/// ```
/// let doc = convener_conformance::arbitrary::document(7, 10);
/// assert!(doc.validate().is_ok());
/// ```
pub fn document(seed: u64, size: usize) -> Initiative {
    let mut g = Gen { rng: ChaCha8Rng::seed_from_u64(seed) };
    let n = 1 + g.below(size.max(1));
    let mut info = InitiativeInfo::new(g.id("init", 0), g.text());
    info.place = g.maybe_text();
    info.started = g.chance(0.5).then(|| g.date());

    let partners = partners(&mut g, n);
    let ids: Vec<Id> = partners.iter().map(|p| p.id.clone()).collect();
    let mut doc = Initiative::new(info, partners);
    agenda(&mut g, &mut doc, &ids);
    ties(&mut g, &mut doc, &ids);
    let results = plan(&mut g, &mut doc, &ids);
    indicators(&mut g, &mut doc, &ids, &results);
    channels(&mut g, &mut doc, &ids);
    surveys(&mut g, &mut doc, &ids);
    doc
}

fn partners(g: &mut Gen, n: usize) -> Vec<Partner> {
    let mut partners = Vec::new();
    for i in 0..n {
        let mut p = Partner::new(g.id("p", i), g.text());
        p.sector = *g.pick(Sector::ALL);
        p.responded = g.chance(0.85);
        p.lived_experience = g.chance(0.4).then(|| g.chance(0.5));
        p.staff_turnover = g.chance(0.3).then(|| Share::new(g.rng.random::<f64>()).expect("0..1"));
        for _ in 0..g.below(3) {
            let source = g.text();
            let amount = g.chance(0.6).then(|| NonNegative::new(g.rng.random_range(0.0..1.0e6)).expect("≥ 0"));
            let ends = g.chance(0.6).then(|| g.date());
            p.funding.push(Funding { source, amount, ends });
        }
        p.resources = g.some(Resource::ALL, 3);
        p.tags = (0..g.below(3)).map(|_| Tag::new(*g.pick(TAGS)).expect("valid tag")).collect();
        partners.push(p);
    }
    partners
}

fn agenda(g: &mut Gen, doc: &mut Initiative, ids: &[Id]) {
    let n = ids.len();
    if g.chance(0.7) {
        let mut agenda = Agenda::new(g.text());
        agenda.problem = g.maybe_text();
        agenda.endorsed_by = g.distinct_ids(ids, n);
        agenda.adopted = g.chance(0.5).then(|| g.date());
        doc.agenda = Some(agenda);
    }
}

fn ties(g: &mut Gen, doc: &mut Initiative, ids: &[Id]) {
    let n = ids.len();
    let mut pairs = std::collections::BTreeSet::new();
    for _ in 0..g.below(3 * n) {
        let (a, b) = (g.below(n), g.below(n));
        if a == b || !pairs.insert((a, b)) {
            continue;
        }
        let mut t = Tie::new(ids[a].clone(), ids[b].clone(), *g.pick(Level::ALL));
        t.desired_level = g.chance(0.3).then(|| *g.pick(Level::ALL));
        t.kinds = g.some(TieKind::ALL, 2);
        t.frequency = g.chance(0.5).then(|| *g.pick(Frequency::ALL));
        if g.chance(0.6) {
            t.trust = Some(Trust { reliability: g.rating(), mission: g.rating(), openness: g.rating() });
        }
        if g.chance(0.6) {
            t.value = Some(ValueScores { power: g.rating(), involvement: g.rating(), resources: g.rating() });
        }
        t.depends = g.chance(0.15);
        doc.ties.push(t);
    }
}

/// Goals, outcomes and activities; gives the goal and outcome ids.
fn plan(g: &mut Gen, doc: &mut Initiative, ids: &[Id]) -> Vec<Id> {
    for i in 0..g.below(3) {
        let goal = Goal {
            id: g.id("g", i),
            statement: g.text(),
            horizon_years: g.chance(0.5).then(|| g.rng.random_range(1..20)),
        };
        doc.goals.push(goal);
    }
    let mut results: Vec<Id> = doc.goals.iter().map(|x| x.id.clone()).collect();
    for i in 0..g.below(5) {
        let mut o = Outcome::new(g.id("o", i), g.text(), *g.pick(OutcomeLevel::ALL));
        o.by = g.chance(0.5).then(|| {
            let f = *g.pick(&[Frequency::Annual, Frequency::Quarterly, Frequency::Monthly]);
            g.period(f)
        });
        o.contributes_to = g.distinct_ids(&results, 2);
        o.wellbeing = g.some(Wellbeing::ALL, 3);
        o.assumptions = (0..g.below(3)).map(|_| g.text()).collect();
        results.push(o.id.clone());
        doc.outcomes.push(o);
    }
    let outcome_ids: Vec<Id> = doc.outcomes.iter().map(|o| o.id.clone()).collect();

    let mut activity_ids: Vec<Id> = Vec::new();
    for i in 0..g.below(5) {
        let lead = g.pick(ids).clone();
        let mut a = Activity::new(g.id("a", i), g.text(), lead);
        a.partners = g.distinct_ids(ids, 3);
        a.outcomes = g.distinct_ids(&outcome_ids, 2);
        a.depends_on = g.distinct_ids(&activity_ids, 2);
        a.funded_until = g.chance(0.5).then(|| g.date());
        activity_ids.push(a.id.clone());
        doc.activities.push(a);
    }
    results
}

fn indicators(g: &mut Gen, doc: &mut Initiative, ids: &[Id], results: &[Id]) {
    for i in 0..g.below(4) {
        let frequency = *g.pick(&[Frequency::Annual, Frequency::Quarterly, Frequency::Monthly]);
        let aggregation = *g.pick(Aggregation::ALL);
        let mut ind = Indicator::new(
            g.id("ind", i),
            g.text(),
            g.text(),
            *g.pick(Polarity::ALL),
            frequency,
            aggregation,
            *g.pick(IndicatorKind::ALL),
        );
        ind.measures = g.distinct_ids(results, 2);
        ind.reporters = g.distinct_ids(ids, 3);
        if g.chance(0.5) {
            ind.baseline = Some(PeriodValue { period: g.period(frequency), value: g.number() });
        }
        if g.chance(0.5) {
            ind.target = Some(PeriodValue { period: g.period(frequency), value: g.number() });
        }
        ind.freeze = g.chance(0.3).then(|| std::num::NonZeroU32::new(g.rng.random_range(1..12)).expect("≥ 1"));
        if g.chance(0.3) {
            let mut phases: Vec<Period> = (0..1 + g.below(3)).map(|_| g.period(frequency)).collect();
            phases.sort();
            phases.dedup();
            ind.phases = phases;
        }
        let grouped = g.chance(0.3);
        let mut seen = std::collections::BTreeSet::new();
        let reporters = ind.reporters.clone();
        for _ in 0..if reporters.is_empty() { 0 } else { g.below(12) } {
            let partner = g.pick(&reporters).clone();
            let period = g.period(frequency);
            let group =
                grouped.then(|| Text::new(*g.pick(&["SIMD 1", "SIMD 5", "=Q1", "boys, girls"])).expect("valid"));
            if !seen.insert((partner.clone(), period, group.clone())) {
                continue;
            }
            let mut m = Measurement::new(ind.id.clone(), partner, period, g.number());
            if aggregation == Aggregation::Ratio || g.chance(0.2) {
                m.numerator = Some(NonNegative::new(g.rng.random_range(0..500) as f64).expect("≥ 0"));
                m.denominator = Some(NonNegative::new(g.rng.random_range(0..500) as f64).expect("≥ 0"));
            }
            m.group = group;
            m.note = g.chance(0.2).then(|| g.text());
            doc.measurements.push(m);
        }
        doc.indicators.push(ind);
    }
}

fn channels(g: &mut Gen, doc: &mut Initiative, ids: &[Id]) {
    let n = ids.len();
    for i in 0..g.below(3) {
        let c = Channel {
            id: g.id("c", i),
            name: g.text(),
            kind: *g.pick(ChannelKind::ALL),
            frequency: *g.pick(Frequency::ALL),
            members: g.distinct_ids(ids, n),
        };
        doc.channels.push(c);
    }

    if g.chance(0.6) {
        doc.backbone = Some(Backbone {
            partner: g.pick(ids).clone(),
            staff_fte: g.chance(0.5).then(|| NonNegative::new(g.rng.random_range(0.0..10.0)).expect("≥ 0")),
            functions: BackboneFunctions {
                guide_vision_strategy: g.rating(),
                support_aligned_activities: g.rating(),
                establish_shared_measurement: g.rating(),
                build_public_will: g.rating(),
                advance_policy: g.rating(),
                mobilize_funding: g.rating(),
            },
        });
    }
}

fn surveys(g: &mut Gen, doc: &mut Initiative, ids: &[Id]) {
    let n = ids.len();
    for i in 0..g.below(3) {
        let instrument = if g.chance(0.5) {
            Instrument::FiveConditions
        } else {
            let items = (0..1 + g.below(4))
                .map(|j| SurveyItem {
                    id: Id::new(format!("q{j}")).expect("valid"),
                    text: g.text(),
                    condition: g.chance(0.6).then(|| *g.pick(Condition::ALL)),
                    factor: g.maybe_text(),
                })
                .collect();
            Instrument::Custom(CustomInstrument { items })
        };
        let item_ids: Vec<Id> = instrument.items().iter().map(|it| it.id.clone()).collect();
        let respondents = g.distinct_ids(ids, n);
        let responses = respondents
            .into_iter()
            .map(|respondent| {
                let answers = g
                    .distinct_ids(&item_ids, item_ids.len())
                    .into_iter()
                    .map(|item| (item, Agreement::new(g.rng.random_range(1..=5)).expect("1..5")))
                    .collect();
                Response { respondent, answers: Answers::new(answers).expect("distinct items") }
            })
            .collect();
        doc.surveys.push(Survey { id: g.id("s", i), instrument, date: g.date(), responses });
    }
}

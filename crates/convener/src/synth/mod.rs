//! Seeded generator of realistic initiatives of any size.
//!
//! [`initiative`] invents a whole-family-support partnership in an imaginary Scottish
//! council area: partners of every sector with plausible names, the ties between them as
//! each partner reported them, a common agenda, a theory of change, shared indicators with
//! their measurements, communication channels, a backbone and a five-conditions survey.
//! The document is always valid ([`Initiative::validate`] is `Ok`), and the same
//! [`SynthOptions`] give the same document, byte for byte, on every platform.
//!
//! What the generator guarantees (so tests and benches can rely on it):
//!
//! - **Partners**: the sector mix of a typical partnership (statutory about 25%, health
//!   10%, education 15%, police and justice 3%, third sector 30%, community and family
//!   voice 10%, funders, academics, businesses and others the rest), at least one
//!   `family_voice` partner from 10 partners up; about 8% did not answer the network
//!   survey (`responded: false`). Ids are `p00001`, `p00002`, …; names may repeat at large
//!   sizes. The first partner is the backbone.
//! - **Ties**: preferential attachment with additive attractiveness (statutory and health
//!   partners attract more ties) and sector-group homophily, so degrees are heavy-tailed;
//!   the mean undirected degree (connected pairs × 2 / partners, over every reported
//!   level) is close to [`SynthOptions::mean_degree`] from about 1,000 partners up and
//!   lower in small partnerships, which cannot hold that many ties. About 60% of pairs
//!   are reported by both sides; non-respondents report nothing. Levels cover the whole
//!   Tamarack spectrum, mostly `communicate` to `collaborate`; the two sides of a pair
//!   mostly agree within one level. Trust and value ratings are on about 70% of ties;
//!   about 5% are dependencies (from a small partner to a big provider), with at least
//!   one dependency cycle from 50 partners up. No self-tie, no duplicate pair.
//! - **Plan**: 2–5 goals; short, medium and long outcomes chained by `contributes_to`;
//!   activities with leads, partners, dependencies and funding end dates. One or two
//!   outcomes have neither indicator nor activity.
//! - **Measurement**: indicators of all four kinds, both polarities and all three
//!   aggregations (when there are at least four indicators), each with 2–6 reporters
//!   (fewer in tiny partnerships) and [`SynthOptions::periods`] points per reporter ending
//!   2025-Q4 (or 2025-12). Most series are noise around a level; in some, every reporter
//!   shows a sustained shift (with 12 periods or more: the last 8 points or more beyond
//!   the range of the points before) or a trend (the last 7 points steadily improving;
//!   rising for at least one `higher_is_better` indicator), so the pooled series show
//!   them too (exactly so for ungrouped sums and means; ratios come close). Some reporters skip periods or stop lately, and one reporter never
//!   reports. One indicator in five is broken down by group (all its measurements), about
//!   half have a baseline and a target, one has phases (starting at its shift) and one a
//!   frozen centre line.
//! - **Communication**: 3–8 channels (board, bulletin, data dashboard, practitioners'
//!   forum, workspace, locality groups); the first partner is the backbone, with its six
//!   functions rated; one `five_conditions` survey answered by about 60% of responding
//!   partners, where public services rate the common agenda well above communities.
//! - **Size**: generation is linear in partners plus ties. From 20,000 partners up the
//!   series are capped at 20 points and the survey at 5,000 respondents.
//!
//! ```
//! use convener::synth::{initiative, SynthOptions};
//! let doc = initiative(&SynthOptions { partners: 40, seed: 7, ..SynthOptions::default() });
//! assert_eq!(doc.partners.len(), 40);
//! assert!(doc.validate().is_ok());
//! assert_eq!(doc.to_json(), initiative(&SynthOptions::new(40, 7)).to_json());
//! ```
//!
//! # Generators
//!
//! One file each; every part of the document draws from its own random stream of the
//! seed, so changing one part's size leaves the others as they were.
//!
//! - `words`: word lists and name patterns, and the imaginary place that fills them in;
//! - `partners`: the sector mix, names, survey response, funding, resources and tags;
//! - `ties`: who is tied to whom, the levels each side reported, dependencies, and each
//!   tie's kinds, frequency and ratings;
//! - `plan`: the common agenda, goals, outcomes and activities;
//! - `templates`: the pool of indicators; `indicators`: which are tracked, what each
//!   measures, who reports it, baselines and targets; `measurements`: the series;
//! - `channels`: the communication channels and the backbone;
//! - `survey`: the five-conditions survey;
//! - `dice` and `values`: the portable random numbers and the values they make.

mod channels;
mod dice;
mod indicators;
mod measurements;
mod partners;
mod plan;
mod survey;
mod templates;
mod ties;
mod values;
mod words;

#[cfg(test)]
mod tests;

use crate::model::Initiative;
use crate::model::{Id, InitiativeInfo};
use dice::Dice;
use values::{ident, month_end, text};
use words::{AREAS, INITIATIVE_NAMES, World};

/// What [`initiative`] makes: how many partners, from which seed, how densely tied.
///
/// # Example
/// ```
/// use convener::synth::SynthOptions;
/// let o = SynthOptions { partners: 500, seed: 42, ..SynthOptions::default() };
/// assert_eq!(o.mean_degree, 10.0);
/// assert_eq!(o.periods, 12);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SynthOptions {
    /// How many partners (0 or more).
    pub partners: usize,
    /// The seed: the same options give the same document.
    pub seed: u64,
    /// The mean number of partners each partner is tied to (undirected, any level),
    /// reached from about 1,000 partners up. Default 10.
    pub mean_degree: f64,
    /// How many indicators; `None` (the default) scales with size:
    /// `clamp(partners / 6, 4, 50)`.
    pub indicators: Option<usize>,
    /// Points per reporter series: quarters (ending 2025-Q4) or months (ending 2025-12).
    /// Default 12. Capped at 20 from 20,000 partners up, and at 2,000 always.
    pub periods: usize,
}

impl Default for SynthOptions {
    /// 60 partners, seed 0, mean degree 10, indicators by size, 12 periods.
    ///
    /// # Example
    /// ```
    /// use convener::synth::SynthOptions;
    /// assert_eq!(SynthOptions::default().partners, 60);
    /// ```
    fn default() -> Self {
        SynthOptions { partners: 60, seed: 0, mean_degree: 10.0, indicators: None, periods: 12 }
    }
}

impl SynthOptions {
    /// The defaults with a number of partners and a seed.
    ///
    /// # Example
    /// ```
    /// use convener::synth::SynthOptions;
    /// let o = SynthOptions::new(1000, 3);
    /// assert_eq!((o.partners, o.seed), (1000, 3));
    /// ```
    pub fn new(partners: usize, seed: u64) -> Self {
        SynthOptions { partners, seed, ..SynthOptions::default() }
    }

    /// The benchmark initiative: 300 partners, about 3,000 ties, 50
    /// indicators and about 10,000 measurements (seed 2025).
    ///
    /// # Example
    /// ```
    /// use convener::synth::{initiative, SynthOptions};
    /// let doc = initiative(&SynthOptions::design_benchmark());
    /// assert_eq!(doc.partners.len(), 300);
    /// assert_eq!(doc.indicators.len(), 50);
    /// assert!((2_700..=3_300).contains(&doc.ties.len()));
    /// assert!((9_000..=11_000).contains(&doc.measurements.len()));
    /// ```
    pub fn design_benchmark() -> Self {
        SynthOptions { partners: 300, seed: 2025, mean_degree: 12.8, indicators: Some(50), periods: 32 }
    }
}

/// From this many partners up, series are capped at [`BIG_PERIODS`] points and the
/// survey at [`BIG_SURVEY`] respondents.
const BIG: usize = 20_000;

/// Points per series at most in a big partnership (see [`BIG`]).
const BIG_PERIODS: usize = 20;

/// Survey respondents at most in a big partnership (see [`BIG`]).
const BIG_SURVEY: usize = 5_000;

/// Points per series at most, whatever the size.
const MAX_PERIODS: usize = 2000;

/// Invents a realistic initiative with `options.partners` partners (see the
/// [module documentation](self) for what it holds). Always valid; the same options give
/// the same document bytes ([`Initiative::to_json`]) on every platform. Time and memory
/// are linear in partners plus ties: 100,000 partners take well under two seconds in a
/// release build.
///
/// # Example
/// ```
/// use convener::synth::{initiative, SynthOptions};
/// let doc = initiative(&SynthOptions { partners: 120, seed: 1, ..SynthOptions::default() });
/// doc.validate().unwrap();
/// assert_eq!(doc.partners[0].id.as_str(), "p00001");
/// assert!(doc.ties.iter().all(|t| t.from != t.to));
/// assert_eq!(doc.backbone.as_ref().unwrap().partner, doc.partners[0].id);
/// ```
pub fn initiative(options: &SynthOptions) -> Initiative {
    let n = options.partners;
    let seed = options.seed;
    let mut dice = Dice::new(seed, 0);
    let world = World { area: dice.word(AREAS), localities: localities(n) };
    let (info, name) = info(&world, &mut dice);

    let (partner_list, meta) = partners::partners(n, &world, &name, &mut Dice::new(seed, 1));
    let ids: Vec<Id> = partner_list.iter().map(|p| p.id.clone()).collect();
    let sectors = partners::by_sector(&meta);
    let mut doc = Initiative::new(info, partner_list);

    let raw = ties::raw_ties(&meta, options.mean_degree, &mut Dice::new(seed, 2));
    doc.ties = ties::ties(&raw, &meta, &ids, &mut Dice::new(seed, 3));
    drop(raw);
    doc.agenda = Some(plan::agenda(&meta, &ids, &world, &mut Dice::new(seed, 4)));

    let indicator_count = options.indicators.unwrap_or((n / 6).clamp(4, 50));
    let periods = if n >= BIG { options.periods.min(BIG_PERIODS) } else { options.periods }.clamp(1, MAX_PERIODS);
    let plan = plan::plan(&world, indicator_count, &mut Dice::new(seed, 5));
    let mut activity_list = plan::activities(&meta, &ids, &sectors, &plan, &mut Dice::new(seed, 6));
    let (mut indicator_list, measurements) =
        indicators::indicators(&ids, &sectors, &plan, indicator_count, periods, &mut Dice::new(seed, 7));
    plan::cover_outcomes(&plan, &mut activity_list, &mut indicator_list);
    doc.goals = plan.goals;
    doc.outcomes = plan.outcomes;
    doc.activities = activity_list;
    doc.channels = channels::channels(&meta, &ids, &indicator_list, &world, &mut Dice::new(seed, 8));
    doc.indicators = indicator_list;
    doc.measurements = measurements;
    doc.backbone = channels::backbone(&ids, &mut Dice::new(seed, 9));
    let cap = if n >= BIG { BIG_SURVEY } else { usize::MAX };
    doc.surveys = survey::survey(&meta, &ids, cap, &mut Dice::new(seed, 10)).into_iter().collect();
    doc
}

/// How many localities a partnership of `n` partners spans.
fn localities(n: usize) -> usize {
    if n < 30 {
        3
    } else if n < 200 {
        4
    } else {
        5
    }
}

/// The initiative's name, id (the name as a slug), place and start, and the name again.
fn info(world: &World, dice: &mut Dice) -> (InitiativeInfo, String) {
    let name = dice.pick(INITIATIVE_NAMES).replace("{A}", world.area);
    let slug: String = name
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let mut info = InitiativeInfo::new(ident(slug), text(name.clone()));
    info.place = Some(text(format!("{} Council area", world.area)));
    info.started = Some(month_end(2021 + dice.between(0, 2) as u16, dice.between(1, 12) as u8));
    (info, name)
}

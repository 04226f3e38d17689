//! The plan: the common agenda, goals, outcomes (the theory of change) and activities.

use super::dice::Dice;
use super::partners::Meta;
use super::values::{date, ident, month_end, text};
use super::words::{LOCALITIES, World};
use crate::model::{Activity, Agenda, Goal, Id, Indicator, Outcome, OutcomeLevel, Period, Sector, Wellbeing};

/// The common agenda's vision; `{A}` is the council area.
const VISIONS: &[&str] = &[
    "Every family in {A} gets the right help, at the right time, from people who know them, so that children grow up safe, loved and with enough.",
    "{A} is a place where every child grows up loved, safe and respected, and where families get help before they reach crisis.",
    "Families in {A} are supported to thrive: no child misses out because of poverty, where they live or who their family is.",
];

/// The problem the initiative takes on; `{A}` is the council area.
const PROBLEMS: &[&str] = &[
    "Too many families reach crisis before they get help. Support is split across services that each have their own front door, and families tell their story again and again.",
    "One child in four in {A} lives in poverty, and help for families is hard to find, slow to arrive and ends when the funding does.",
];

/// Goals with their horizon in years; `{A}` is the council area.
const GOALS: &[(&str, u32)] = &[
    ("Every child in {A} grows up safe, loved and with enough.", 10),
    ("Child poverty in {A} is halved.", 10),
    ("Families get the right help at the right time, without having to ask twice.", 5),
    ("Every young person leaves school for a positive destination.", 8),
    ("Children and young people have good mental health and know where to turn.", 7),
    ("No family in {A} is without a secure home.", 10),
];

/// Long-term outcomes with their wellbeing indicators.
const LONG_OUTCOMES: &[(&str, &[Wellbeing])] = &[
    ("Fewer children live in poverty.", &[Wellbeing::Achieving, Wellbeing::Included]),
    ("Fewer children need to be looked after away from home.", &[Wellbeing::Safe, Wellbeing::Nurtured]),
    ("Children are safe from harm at home and online.", &[Wellbeing::Safe]),
    ("Young people are in education, training or work.", &[Wellbeing::Achieving, Wellbeing::Responsible]),
    ("Children's mental health and wellbeing improve.", &[Wellbeing::Healthy]),
    ("Families have secure, warm homes.", &[Wellbeing::Safe, Wellbeing::Nurtured]),
    ("Children reach their developmental milestones.", &[Wellbeing::Healthy, Wellbeing::Achieving]),
    ("Families are connected to their communities.", &[Wellbeing::Included, Wellbeing::Active]),
];

/// Medium-term outcomes with their wellbeing indicators.
const MEDIUM_OUTCOMES: &[(&str, &[Wellbeing])] = &[
    ("Families' incomes rise through work and the benefits they are entitled to.", &[Wellbeing::Included]),
    ("Parents feel confident and supported in their parenting.", &[Wellbeing::Nurtured]),
    ("Children attend school regularly and are included in class.", &[Wellbeing::Achieving, Wellbeing::Included]),
    ("Families in crisis get help before problems escalate.", &[Wellbeing::Safe]),
    ("Young people get mental health support when they first need it.", &[Wellbeing::Healthy]),
    ("Families keep their tenancies.", &[Wellbeing::Safe, Wellbeing::Nurtured]),
    ("Families trust services and ask for help early.", &[Wellbeing::Respected]),
    ("Parents in recovery stay well and keep their children at home.", &[Wellbeing::Healthy, Wellbeing::Nurtured]),
    ("Young carers get time to be children.", &[Wellbeing::Active, Wellbeing::Healthy]),
    ("Fewer children are excluded from school.", &[Wellbeing::Included, Wellbeing::Achieving]),
];

/// Short-term outcomes with their wellbeing indicators.
const SHORT_OUTCOMES: &[(&str, &[Wellbeing])] = &[
    ("Families know where to get help in their neighbourhood.", &[Wellbeing::Included]),
    ("Referrals reach the right service first time.", &[Wellbeing::Respected]),
    ("Families are seen within four weeks of asking for help.", &[Wellbeing::Safe]),
    ("Parents take part in parenting programmes.", &[Wellbeing::Nurtured]),
    ("Families receive income maximisation advice.", &[Wellbeing::Included]),
    ("Practitioners share information safely and on time.", &[Wellbeing::Safe]),
    ("Staff are trained in trauma-informed practice.", &[Wellbeing::Respected]),
    ("Each family has one named lead professional.", &[Wellbeing::Respected, Wellbeing::Nurtured]),
    ("Children with poor attendance get early support.", &[Wellbeing::Achieving]),
    ("Young people can see a counsellor in school.", &[Wellbeing::Healthy]),
    ("Kinship carers get support and advice.", &[Wellbeing::Nurtured]),
    ("Families in temporary accommodation are visited within a week.", &[Wellbeing::Safe]),
    ("Parents with lived experience shape how services work.", &[Wellbeing::Respected, Wellbeing::Responsible]),
    ("Volunteers support families at home.", &[Wellbeing::Nurtured, Wellbeing::Included]),
];

/// Assumptions behind medium and long outcomes.
const ASSUMPTIONS: &[&str] = &[
    "Families engage with support when it is offered early.",
    "Funding for family support continues beyond the current grant round.",
    "Partners keep sharing data under the information sharing agreement.",
    "Housing supply keeps pace with need.",
    "Schools can release staff for training.",
];

/// Activities of the plan; repeated by locality when more are needed.
const ACTIVITIES: &[&str] = &[
    "Family Group Decision Making",
    "Early Help Hub",
    "Money Advice in Schools",
    "Incredible Years Parenting Programme",
    "Whole Family Key Worker Service",
    "Trauma-Informed Practice Training",
    "Attendance Support Project",
    "Counselling in Schools",
    "Kinship Care Support",
    "Housing First for Families",
    "Community Pantry Network",
    "Peer Support for Parents in Recovery",
    "Shared Data Dashboard",
    "Family Champions Programme",
    "Holiday Food and Fun",
    "Perinatal Wellbeing Groups",
    "Young Carers Breaks",
    "Welfare Rights Outreach",
    "Domestic Abuse Recovery Groups",
    "Befriending for Isolated Families",
    "Multi-Agency Screening Group",
    "Transitions Support (P7 to S1)",
    "Digital Inclusion for Families",
    "Employability Support for Parents",
];

/// The common agenda: vision, problem, adoption and who endorsed it (the backbone always,
/// most respondents, fewer non-respondents).
pub(super) fn agenda(meta: &[Meta], ids: &[Id], world: &World, dice: &mut Dice) -> Agenda {
    let mut agenda = Agenda::new(text(dice.pick(VISIONS).replace("{A}", world.area)));
    agenda.problem = Some(text(dice.pick(PROBLEMS).replace("{A}", world.area)));
    agenda.adopted = Some(month_end(2023, dice.between(1, 12) as u8));
    agenda.endorsed_by = (0..meta.len())
        .filter(|&i| i == 0 || dice.chance(if meta[i].responded { 0.72 } else { 0.4 }))
        .map(|i| ids[i].clone())
        .collect();
    agenda
}

/// Outcome statements with their wellbeing indicators.
type OutcomePool = &'static [(&'static str, &'static [Wellbeing])];

/// The goals and the theory of change.
pub(super) struct Plan {
    /// The goals.
    pub(super) goals: Vec<Goal>,
    /// The outcomes, short ones first, then medium, then long.
    pub(super) outcomes: Vec<Outcome>,
    /// Indices (into `outcomes`) by level: short, medium, long; orphans left out.
    pub(super) by_level: [Vec<usize>; 3],
}

/// The goals and outcomes, chained short → medium → long → goal; about one short outcome
/// per six indicators.
pub(super) fn plan(world: &World, indicators: usize, dice: &mut Dice) -> Plan {
    let mut goal_order: Vec<usize> = (0..GOALS.len()).collect();
    dice.shuffle(&mut goal_order);
    let g = dice.between(2, 5);
    let goals: Vec<Goal> = goal_order[..g]
        .iter()
        .enumerate()
        .map(|(i, &j)| Goal {
            id: ident(format!("goal-{}", i + 1)),
            statement: text(GOALS[j].0.replace("{A}", world.area)),
            horizon_years: Some(GOALS[j].1),
        })
        .collect();

    let long = g.min(LONG_OUTCOMES.len());
    let medium = (g + 1 + dice.below(3)).clamp(3, MEDIUM_OUTCOMES.len());
    let short = (4 + indicators / 6 + dice.below(3)).clamp(4, SHORT_OUTCOMES.len());
    let pools: [(OutcomePool, usize, &str); 3] =
        [(SHORT_OUTCOMES, short, "short"), (MEDIUM_OUTCOMES, medium, "medium"), (LONG_OUTCOMES, long, "long")];
    let levels = [OutcomeLevel::Short, OutcomeLevel::Medium, OutcomeLevel::Long];
    let mut outcomes = Vec::with_capacity(short + medium + long);
    let mut ids: [Vec<Id>; 3] = Default::default();
    for (li, (pool, count, name)) in pools.iter().enumerate() {
        let mut order: Vec<usize> = (0..pool.len()).collect();
        dice.shuffle(&mut order);
        for (i, &j) in order[..*count].iter().enumerate() {
            let id = ident(format!("{name}-{}", i + 1));
            ids[li].push(id.clone());
            let mut o = Outcome::new(id, text(pool[j].0), levels[li]);
            o.wellbeing = pool[j].1.to_vec();
            o.by = Some(match li {
                0 => Period::Quarter(2025 + dice.between(0, 1) as u16, dice.between(1, 4) as u8),
                1 => Period::Quarter(2027 + dice.between(0, 1) as u16, dice.between(1, 4) as u8),
                _ => Period::Year(2029 + dice.between(0, 2) as u16),
            });
            if li > 0 && dice.chance(0.4) {
                o.assumptions = vec![text(*dice.pick(ASSUMPTIONS))];
            }
            outcomes.push(o);
        }
    }
    // Chains: short → medium → long → goal, each later step reached at least once.
    let mut at = 0;
    for li in 0..3 {
        let count = pools[li].1;
        for i in 0..count {
            let next: Vec<Id> =
                if li == 2 { goals.iter().map(|g| g.id.clone()).collect() } else { ids[li + 1].clone() };
            let mut targets = vec![next[i % next.len()].clone()];
            if next.len() > 1 && dice.chance(0.35) {
                let other = next[dice.below(next.len())].clone();
                if other != targets[0] {
                    targets.push(other);
                }
            }
            outcomes[at].contributes_to = targets;
            at += 1;
        }
    }
    // One or two outcomes with neither indicator nor activity: the last medium one, and
    // sometimes the last short one.
    let mut by_level: [Vec<usize>; 3] =
        [(0..short).collect(), (short..short + medium).collect(), (short + medium..short + medium + long).collect()];
    by_level[1].pop();
    if dice.chance(0.5) {
        by_level[0].pop();
    }
    Plan { goals, outcomes, by_level }
}

/// The activities: led by a responding statutory, third-sector or health partner, with a
/// few other partners, the outcomes they serve, dependencies and funding end dates.
pub(super) fn activities(
    meta: &[Meta],
    ids: &[Id],
    sectors: &[Vec<u32>],
    plan: &Plan,
    dice: &mut Dice,
) -> Vec<Activity> {
    let n = meta.len();
    if n == 0 {
        return Vec::new();
    }
    let count = (n / 8).clamp(3, 40);
    let width = count.to_string().len().max(2);
    let leads: Vec<u32> = [Sector::Statutory, Sector::ThirdSector, Sector::Health]
        .iter()
        .flat_map(|s| sectors[*s as usize].iter().copied())
        .filter(|&i| meta[i as usize].responded)
        .collect();
    let servable: Vec<usize> = plan.by_level[0].iter().chain(&plan.by_level[1]).copied().collect();
    let mut out: Vec<Activity> = Vec::with_capacity(count);
    for i in 0..count {
        let base = ACTIVITIES[i % ACTIVITIES.len()];
        let lead = if leads.is_empty() { dice.below(n) } else { *dice.pick(&leads) as usize };
        let name = if i < ACTIVITIES.len() {
            base.to_string()
        } else {
            let l = LOCALITIES[meta[lead].locality].0;
            let mut l = l.to_string();
            l[..1].make_ascii_uppercase();
            format!("{base}, {l} locality ({})", i / ACTIVITIES.len() + 1)
        };
        let mut a = Activity::new(ident(format!("act-{:0width$}", i + 1)), text(name), ids[lead].clone());
        let k = dice.between(1, 5).min(n - 1);
        let mut others: Vec<usize> = Vec::with_capacity(k);
        let mut tries = 0;
        while others.len() < k && tries < 50 {
            tries += 1;
            let p = dice.below(n);
            if p != lead && !others.contains(&p) {
                others.push(p);
            }
        }
        others.sort_unstable();
        a.partners = others.iter().map(|&p| ids[p].clone()).collect();
        if !servable.is_empty() {
            let k = dice.between(1, 3);
            a.outcomes =
                dice.distinct(servable.len(), k).iter().map(|&j| plan.outcomes[servable[j]].id.clone()).collect();
        }
        if i > 0 && dice.chance(0.3) {
            let k = if i > 1 && dice.chance(0.15) { 2 } else { 1 };
            a.depends_on = dice.distinct(i, k).iter().map(|&j| out[j].id.clone()).collect();
        }
        if dice.chance(0.6) {
            let year = dice.between(2025, 2028) as u16;
            a.funded_until =
                Some(if dice.chance(0.6) { date(year, 3, 31) } else { month_end(year, dice.between(1, 12) as u8) });
        }
        out.push(a);
    }
    out
}

/// Every outcome but the chosen orphans gets an activity or an indicator.
pub(super) fn cover_outcomes(plan: &Plan, activities: &mut [Activity], indicators: &mut [Indicator]) {
    let mut covered = vec![false; plan.outcomes.len()];
    let index = |id: &Id| plan.outcomes.iter().position(|o| &o.id == id);
    for id in activities.iter().flat_map(|a| &a.outcomes).chain(indicators.iter().flat_map(|i| &i.measures)) {
        if let Some(i) = index(id) {
            covered[i] = true;
        }
    }
    let mut next = 0;
    for (level, list) in plan.by_level.iter().enumerate() {
        for &o in list {
            if covered[o] {
                continue;
            }
            let id = plan.outcomes[o].id.clone();
            if level < 2 && !activities.is_empty() {
                let len = activities.len();
                activities[next % len].outcomes.push(id);
            } else if !indicators.is_empty() {
                let len = indicators.len();
                indicators[next % len].measures.push(id);
            } else if !activities.is_empty() {
                let len = activities.len();
                activities[next % len].outcomes.push(id);
            }
            next += 1;
        }
    }
}

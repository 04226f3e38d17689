//! Unit tests of every plan rule, and of the bundled family-support example.

use super::*;
use crate::model::{
    Activity, Aggregation, Frequency, Funding, Goal, Indicator, IndicatorKind, InitiativeInfo, Level, Outcome,
    OutcomeLevel, Partner, Polarity, Text, Tie,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn ids(list: &[Id]) -> Vec<&str> {
    list.iter().map(Id::as_str).collect()
}

fn nested(list: &[Vec<Id>]) -> Vec<Vec<&str>> {
    list.iter().map(|c| ids(c)).collect()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// An initiative with partners `p0`..`p5` and nothing else.
fn doc() -> Initiative {
    let partners = (0..6).map(|i| Partner::new(id(&format!("p{i}")), Text::new("Partner").unwrap())).collect();
    Initiative::new(InitiativeInfo::new(id("x"), Text::new("X").unwrap()), partners)
}

fn goal(d: &mut Initiative, g: &str) {
    d.goals.push(Goal { id: id(g), statement: Text::new("A goal").unwrap(), horizon_years: None });
}

fn outcome<'a>(d: &'a mut Initiative, o: &str, to: &[&str]) -> &'a mut Outcome {
    let mut out = Outcome::new(id(o), Text::new("An outcome").unwrap(), OutcomeLevel::Short);
    out.contributes_to = to.iter().map(|t| id(t)).collect();
    d.outcomes.push(out);
    d.outcomes.last_mut().unwrap()
}

fn activity<'a>(d: &'a mut Initiative, a: &str, lead: &str, serves: &[&str]) -> &'a mut Activity {
    let mut act = Activity::new(id(a), Text::new("An activity").unwrap(), id(lead));
    act.outcomes = serves.iter().map(|o| id(o)).collect();
    d.activities.push(act);
    d.activities.last_mut().unwrap()
}

fn depends(d: &mut Initiative, a: &str, on: &[&str]) {
    let act = d.activities.iter_mut().find(|x| x.id.as_str() == a).unwrap();
    act.depends_on = on.iter().map(|o| id(o)).collect();
}

fn indicator(d: &mut Initiative, i: &str, measures: &[&str]) {
    let mut ind = Indicator::new(
        id(i),
        Text::new("An indicator").unwrap(),
        Text::new("%").unwrap(),
        Polarity::HigherIsBetter,
        Frequency::Quarterly,
        Aggregation::Mean,
        IndicatorKind::HowWell,
    );
    ind.measures = measures.iter().map(|m| id(m)).collect();
    d.indicators.push(ind);
}

fn tie(d: &mut Initiative, from: &str, to: &str, level: Level) {
    d.ties.push(Tie::new(id(from), id(to), level));
}

fn plan(d: &Initiative) -> PlanReport {
    analyze(d, &Options::default())
}

#[test]
fn empty_plan_finds_nothing() {
    let r = plan(&doc());
    assert_eq!(r.results, PlanCounts { goals: 0, outcomes: 0, activities: 0, indicators: 0 });
    assert!(r.cycles.is_empty() && r.orphan_outcomes.is_empty() && r.dead_end_outcomes.is_empty());
    assert!(r.unreached_goals.is_empty() && r.outcomes_without_indicator.is_empty());
    assert!(r.outcomes_without_activity.is_empty() && r.indicators_measuring_nothing.is_empty());
    assert!(r.activity_order.is_empty() && r.activity_cycles.is_empty() && r.longest_chain.is_empty());
    assert!(r.uncoordinated_effort.is_empty() && r.funding_risks.is_empty());
    assert_eq!((r.effort_pairs, r.activities_without_funded_until), (0, 0));
    let table = crate::render::table::plan(&r);
    assert!(table.starts_with("0 goals, 0 outcomes, 0 activities, 0 indicators\n"));
    assert!(table.contains("Funding risks: 0"));
    assert!(table.contains("Uncoordinated effort: none"));
}

#[test]
fn counts() {
    let mut d = doc();
    goal(&mut d, "g");
    outcome(&mut d, "o1", &["g"]);
    outcome(&mut d, "o2", &["o1"]);
    activity(&mut d, "a", "p0", &["o2"]);
    indicator(&mut d, "i", &["o1"]);
    let r = plan(&d);
    assert_eq!((r.results.goals, r.results.outcomes, r.results.activities, r.results.indicators), (1, 2, 1, 1));
}

#[test]
fn outcome_cycles_in_document_order() {
    let mut d = doc();
    goal(&mut d, "g");
    // c → a → b → c (listed a, b, c), d → d, e → c
    outcome(&mut d, "a", &["b"]);
    outcome(&mut d, "b", &["c"]);
    outcome(&mut d, "c", &["a", "g"]);
    outcome(&mut d, "d", &["d"]);
    outcome(&mut d, "e", &["c"]);
    let r = plan(&d);
    assert_eq!(nested(&r.cycles), vec![vec!["a", "b", "c"], vec!["d"]]);
    // a self-reference is a link out: not an orphan, but a dead end.
    assert!(r.orphan_outcomes.is_empty());
    assert_eq!(ids(&r.dead_end_outcomes), ["d"]);
}

#[test]
fn goal_reached_only_through_a_cycle() {
    let mut d = doc();
    goal(&mut d, "g");
    goal(&mut d, "lonely");
    // start → x ⇄ y → g
    outcome(&mut d, "start", &["x"]);
    outcome(&mut d, "x", &["y"]);
    outcome(&mut d, "y", &["x", "g"]);
    let r = plan(&d);
    assert_eq!(nested(&r.cycles), vec![vec!["x", "y"]]);
    assert_eq!(ids(&r.unreached_goals), ["lonely"]);
    assert!(r.dead_end_outcomes.is_empty());
}

#[test]
fn cycle_with_no_way_out_is_a_dead_end() {
    let mut d = doc();
    goal(&mut d, "g");
    outcome(&mut d, "in", &["x"]);
    outcome(&mut d, "x", &["y"]);
    outcome(&mut d, "y", &["x"]);
    outcome(&mut d, "ok", &["g"]);
    let r = plan(&d);
    assert_eq!(ids(&r.dead_end_outcomes), ["in", "x", "y"]);
    assert!(r.unreached_goals.is_empty());
}

#[test]
fn orphans_are_linked_to_nothing() {
    let mut d = doc();
    goal(&mut d, "g");
    outcome(&mut d, "orphan", &[]);
    outcome(&mut d, "named", &[]); // another outcome contributes to it
    outcome(&mut d, "served", &[]); // an activity serves it
    outcome(&mut d, "measured", &[]); // an indicator measures it
    outcome(&mut d, "leads", &["g"]);
    outcome(&mut d, "feeder", &["named"]);
    activity(&mut d, "a", "p0", &["served"]);
    indicator(&mut d, "i", &["measured"]);
    let r = plan(&d);
    assert_eq!(ids(&r.orphan_outcomes), ["orphan"]);
    assert_eq!(ids(&r.dead_end_outcomes), ["orphan", "named", "served", "measured", "feeder"]);
}

#[test]
fn unreached_goals_and_transitive_reach() {
    let mut d = doc();
    goal(&mut d, "g1");
    goal(&mut d, "g2");
    goal(&mut d, "g3");
    outcome(&mut d, "short", &["medium"]);
    outcome(&mut d, "medium", &["long"]);
    outcome(&mut d, "long", &["g2"]);
    let r = plan(&d);
    assert_eq!(ids(&r.unreached_goals), ["g1", "g3"]);
    assert!(r.dead_end_outcomes.is_empty());
}

#[test]
fn outcomes_without_indicator_or_activity() {
    let mut d = doc();
    goal(&mut d, "g");
    outcome(&mut d, "o1", &["g"]);
    outcome(&mut d, "o2", &["g"]);
    outcome(&mut d, "o3", &["g"]);
    activity(&mut d, "a", "p0", &["o1", "o1"]);
    indicator(&mut d, "i1", &["o2", "g"]);
    indicator(&mut d, "i2", &["g"]); // a goal indicator measures no outcome
    let r = plan(&d);
    assert_eq!(ids(&r.outcomes_without_indicator), ["o1", "o3"]);
    assert_eq!(ids(&r.outcomes_without_activity), ["o2", "o3"]);
}

#[test]
fn indicators_measuring_nothing() {
    let mut d = doc();
    outcome(&mut d, "o", &[]);
    indicator(&mut d, "empty", &[]);
    indicator(&mut d, "useful", &["o"]);
    indicator(&mut d, "also-empty", &[]);
    assert_eq!(ids(&plan(&d).indicators_measuring_nothing), ["empty", "also-empty"]);
}

#[test]
fn activity_order_dependencies_first_ties_by_document_order() {
    let mut d = doc();
    for a in ["e", "d", "c", "b", "a"] {
        activity(&mut d, a, "p0", &[]);
    }
    // a before c, b before c, c before e; d free.
    depends(&mut d, "c", &["a", "b"]);
    depends(&mut d, "e", &["c"]);
    let r = plan(&d);
    assert_eq!(ids(&r.activity_order), ["d", "b", "a", "c", "e"]);
    assert_eq!(ids(&r.longest_chain), ["b", "c", "e"]);
    assert!(r.activity_cycles.is_empty());
    assert_eq!(ids(&r.activities_serving_nothing), ["e", "d", "c", "b", "a"]);
}

#[test]
fn activity_cycles_are_left_out_of_the_order() {
    let mut d = doc();
    for a in ["root", "x", "y", "after", "solo", "free"] {
        activity(&mut d, a, "p0", &[]);
    }
    depends(&mut d, "x", &["y", "root"]);
    depends(&mut d, "y", &["x"]);
    depends(&mut d, "after", &["y"]);
    depends(&mut d, "solo", &["solo"]);
    let r = plan(&d);
    assert_eq!(nested(&r.activity_cycles), vec![vec!["x", "y"], vec!["solo"]]);
    assert_eq!(ids(&r.activity_order), ["root", "after", "free"]);
    assert!(r.longest_chain.is_empty());
}

#[test]
fn longest_chain_ties_go_to_document_order() {
    let mut d = doc();
    for a in ["a", "b", "c", "d", "e"] {
        activity(&mut d, a, "p0", &[]);
    }
    // a → c, b → d, a → e: all chains of two; the earliest is a → c.
    depends(&mut d, "c", &["a"]);
    depends(&mut d, "d", &["b"]);
    depends(&mut d, "e", &["a"]);
    assert_eq!(ids(&plan(&d).longest_chain), ["a", "c"]);
    // Without dependencies there is no chain.
    let mut d = doc();
    activity(&mut d, "only", "p0", &[]);
    let r = plan(&d);
    assert!(r.longest_chain.is_empty());
    assert_eq!(ids(&r.activity_order), ["only"]);
}

/// Two activities on outcome `o`: `one` led by p0 with p1, `two` led by p2 with p3.
fn two_teams() -> Initiative {
    let mut d = doc();
    outcome(&mut d, "o", &[]);
    activity(&mut d, "one", "p0", &["o"]).partners = vec![id("p1")];
    activity(&mut d, "two", "p2", &["o"]).partners = vec![id("p3")];
    d
}

#[test]
fn teams_without_ties_are_uncoordinated() {
    let r = plan(&two_teams());
    assert!(crate::render::table::plan(&r).contains("Uncoordinated effort: 1 of 1 pairs"));
    assert!(crate::render::table::plan(&r).contains("  o: one and two\n"));
    assert_eq!(r.effort_pairs, 1);
    assert_eq!(
        r.uncoordinated_effort,
        vec![UncoordinatedEffort { outcome: id("o"), activities: [id("one"), id("two")] }]
    );
}

#[test]
fn cooperate_is_not_enough_coordinate_is() {
    let mut d = two_teams();
    tie(&mut d, "p1", "p3", Level::Cooperate);
    tie(&mut d, "p2", "p0", Level::Communicate);
    assert_eq!(plan(&d).uncoordinated_effort.len(), 1);
    // The other way round, from a team partner to the other lead, at coordinate.
    let mut d = two_teams();
    tie(&mut d, "p3", "p1", Level::Coordinate);
    assert!(plan(&d).uncoordinated_effort.is_empty());
    // Higher levels count too; the options' min_level does not matter.
    let mut d = two_teams();
    tie(&mut d, "p0", "p2", Level::Integrate);
    let strict = Options { min_level: Level::Integrate, ..Options::default() };
    assert!(analyze(&d, &strict).uncoordinated_effort.is_empty());
}

#[test]
fn shared_partner_counts_as_coordination() {
    let mut d = two_teams();
    d.activities[1].partners.push(id("p1"));
    assert!(plan(&d).uncoordinated_effort.is_empty());
    // A shared lead too.
    let mut d = two_teams();
    d.activities[1].lead = id("p0");
    assert!(plan(&d).uncoordinated_effort.is_empty());
}

#[test]
fn uncoordinated_pairs_per_outcome_in_document_order() {
    let mut d = doc();
    outcome(&mut d, "o1", &[]);
    outcome(&mut d, "o2", &[]);
    outcome(&mut d, "o3", &[]);
    activity(&mut d, "a", "p0", &["o2", "o1"]);
    activity(&mut d, "b", "p1", &["o1", "o2"]);
    activity(&mut d, "c", "p2", &["o1", "o3"]);
    tie(&mut d, "p0", "p2", Level::Collaborate);
    let r = plan(&d);
    // o1: a–b, a–c (coordinated), b–c; o2: a–b; o3 has one activity.
    assert_eq!(r.effort_pairs, 4);
    let got: Vec<(&str, &str, &str)> = r
        .uncoordinated_effort
        .iter()
        .map(|u| (u.outcome.as_str(), u.activities[0].as_str(), u.activities[1].as_str()))
        .collect();
    assert_eq!(got, [("o1", "a", "b"), ("o1", "b", "c"), ("o2", "a", "b")]);
}

fn dated(d: &mut Initiative, a: &str, until: &str) {
    let act = d.activities.iter_mut().find(|x| x.id.as_str() == a).unwrap();
    act.funded_until = Some(date(until));
}

#[test]
fn activity_ending_before_outcome() {
    let mut d = doc();
    outcome(&mut d, "due-q4", &[]).by = Some("2025-Q4".parse().unwrap());
    outcome(&mut d, "due-q3", &[]).by = Some("2025-Q3".parse().unwrap());
    outcome(&mut d, "no-date", &[]);
    activity(&mut d, "a", "p0", &["no-date", "due-q4", "due-q3"]);
    dated(&mut d, "a", "2025-09-30");
    let r = plan(&d);
    // Funded until exactly the last day of 2025-Q3: not a risk.
    assert_eq!(
        r.funding_risks,
        vec![FundingRisk::ActivityEndsBeforeOutcome {
            activity: id("a"),
            outcome: id("due-q4"),
            funded_until: date("2025-09-30"),
            outcome_by: "2025-Q4".parse().unwrap(),
        }]
    );
    // A year period ends on 31 December; a month on its last day.
    d.outcomes[0].by = Some("2025".parse().unwrap());
    d.outcomes[1].by = Some("2025-09".parse().unwrap());
    dated(&mut d, "a", "2025-12-31");
    assert!(plan(&d).funding_risks.is_empty());
    // Without funded_until there is nothing to compare.
    d.activities[0].funded_until = None;
    let r = plan(&d);
    assert!(r.funding_risks.is_empty());
    assert_eq!(r.activities_without_funded_until, 1);
}

#[test]
fn dependency_funded_for_less_time() {
    let mut d = doc();
    activity(&mut d, "base", "p0", &[]);
    activity(&mut d, "same", "p0", &[]);
    activity(&mut d, "longer", "p0", &[]);
    activity(&mut d, "open", "p0", &[]);
    dated(&mut d, "base", "2026-03-31");
    dated(&mut d, "same", "2026-03-31");
    dated(&mut d, "longer", "2026-06-30");
    for a in ["same", "longer", "open"] {
        depends(&mut d, a, &["base"]);
    }
    let r = plan(&d);
    assert_eq!(
        r.funding_risks,
        vec![FundingRisk::DependencyEndsFirst {
            activity: id("longer"),
            depends_on: id("base"),
            funded_until: date("2026-06-30"),
            depends_on_funded_until: date("2026-03-31"),
        }]
    );
    assert_eq!(r.funding_risks[0].kind(), FundingRiskKind::DependencyEndsFirst);
}

#[test]
fn lead_whose_dated_funding_ends_too_soon() {
    let fund = |ends: Option<&str>| Funding { source: Text::new("Grant").unwrap(), amount: None, ends: ends.map(date) };
    let mut d = doc();
    outcome(&mut d, "o", &[]).by = Some("2026-Q4".parse().unwrap());
    // p0: all its funding ends by 2026-03-31.
    d.partners[0].funding = vec![fund(Some("2025-03-31")), fund(Some("2026-03-31"))];
    // p1: one source lasts long enough.
    d.partners[1].funding = vec![fund(Some("2025-03-31")), fund(Some("2026-12-31"))];
    // p2: dated funding that ends early, and ongoing money: no cliff.
    d.partners[2].funding = vec![fund(Some("2025-03-31")), fund(None)];
    activity(&mut d, "by-outcome", "p0", &["o"]);
    activity(&mut d, "by-own-date", "p0", &[]);
    dated(&mut d, "by-own-date", "2026-06-30");
    activity(&mut d, "equal", "p0", &[]);
    dated(&mut d, "equal", "2026-03-31");
    activity(&mut d, "covered", "p1", &["o"]);
    activity(&mut d, "undated-lead", "p2", &["o"]);
    activity(&mut d, "no-need-date", "p0", &[]);
    let r = plan(&d);
    let risk = |a: &str, needed: &str| FundingRisk::LeadFundingEnds {
        partner: id("p0"),
        activity: id(a),
        ends: date("2026-03-31"),
        needed_until: date(needed),
    };
    assert_eq!(r.funding_risks, vec![risk("by-outcome", "2026-12-31"), risk("by-own-date", "2026-06-30")]);
    let json = serde_json::to_value(&r.funding_risks[0]).unwrap();
    assert_eq!(json["kind"], "lead_funding_ends");
}

#[test]
fn risks_ordered_by_activity_then_kind() {
    let mut d = doc();
    d.partners[0].funding =
        vec![Funding { source: Text::new("Grant").unwrap(), amount: None, ends: Some(date("2025-01-31")) }];
    outcome(&mut d, "o", &[]).by = Some("2025-Q4".parse().unwrap());
    activity(&mut d, "first", "p1", &[]);
    dated(&mut d, "first", "2025-03-31");
    activity(&mut d, "second", "p0", &["o"]);
    dated(&mut d, "second", "2025-06-30");
    depends(&mut d, "second", &["first"]);
    let r = plan(&d);
    let kinds: Vec<(&str, FundingRiskKind)> =
        r.funding_risks.iter().map(|r| (r.activity().as_str(), r.kind())).collect();
    assert_eq!(
        kinds,
        [
            ("second", FundingRiskKind::ActivityEndsBeforeOutcome),
            ("second", FundingRiskKind::DependencyEndsFirst),
            ("second", FundingRiskKind::LeadFundingEnds),
        ]
    );
}

#[test]
fn report_json_keeps_field_order() {
    let json = serde_json::to_string(&plan(&doc())).unwrap();
    let keys = [
        "results",
        "cycles",
        "orphan_outcomes",
        "dead_end_outcomes",
        "unreached_goals",
        "outcomes_without_indicator",
        "outcomes_without_activity",
        "indicators_measuring_nothing",
        "activity_order",
        "activity_cycles",
        "longest_chain",
        "uncoordinated_effort",
        "funding_risks",
        "activities_serving_nothing",
        "effort_pairs",
        "activities_without_funded_until",
    ];
    let at: Vec<usize> = keys.iter().map(|k| json.find(&format!("\"{k}\":")).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{json}");
}

fn family_support() -> Initiative {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/family-support.json");
    Initiative::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn family_support_planted_findings() {
    let r = plan(&family_support());
    assert!(ids(&r.outcomes_without_indicator).contains(&"fathers-engaged"));
    assert!(ids(&r.outcomes_without_activity).contains(&"fathers-engaged"));
    assert!(r.funding_risks.contains(&FundingRisk::ActivityEndsBeforeOutcome {
        activity: id("money-advice-in-hubs"),
        outcome: id("financial-pressure-reduced"),
        funded_until: date("2025-09-30"),
        outcome_by: "2025-Q4".parse().unwrap(),
    }));
    assert!(r.funding_risks.contains(&FundingRisk::DependencyEndsFirst {
        activity: id("school-family-link-workers"),
        depends_on: id("family-hubs"),
        funded_until: date("2026-06-30"),
        depends_on_funded_until: date("2026-03-31"),
    }));
    // The example's theory of change is otherwise whole.
    assert!(r.cycles.is_empty() && r.activity_cycles.is_empty());
    assert!(r.orphan_outcomes.is_empty() && r.dead_end_outcomes.is_empty());
    assert!(r.unreached_goals.is_empty() && r.indicators_measuring_nothing.is_empty());
    assert_eq!(r.activity_order.len(), r.results.activities as usize);
    let table = crate::render::table::plan(&r);
    assert!(table.contains("outcomes no indicator measures (2): young-people-heard, fathers-engaged"));
    assert!(table.contains("money-advice-in-hubs: funded until 2025-09-30"));
}

#[test]
fn report_schema_names_every_risk_kind() {
    let schema = serde_json::to_string(&schemars::schema_for!(PlanReport)).unwrap();
    for kind in ["activity_ends_before_outcome", "dependency_ends_first", "lead_funding_ends"] {
        assert!(schema.contains(kind), "{kind} missing from the schema");
    }
}

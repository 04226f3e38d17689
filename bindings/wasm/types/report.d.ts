/* Generated from crates/convener/schema/report.schema.json by json-schema-to-typescript.
 * Do not edit: change the Rust types, regenerate the schema, then run
 * `npm run types` in bindings/wasm (tests/types.test.mjs fails on drift). */

/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ReportFormat".
 */
export type ReportFormat = 'convener-report/1';
/**
 * An identifier: letters, digits and _ . : -, starting with a letter or digit.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * Text a person reads; not empty.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * A calendar date, YYYY-MM-DD.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Date".
 */
export type Date = string;
/**
 * A reporting period: a year (2024), a quarter (2024-Q3) or a month (2024-07).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Period".
 */
export type Period = string;
/**
 * How closely two partners work together, on the Tamarack collaboration spectrum
 * (Himmelman's continuum as used by the Tamarack Institute), from competing to
 * integrating. Levels are ordered.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level =
  'compete' | 'coexist' | 'communicate' | 'cooperate' | 'coordinate' | 'collaborate' | 'integrate';
/**
 * What flows along a tie.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TieKind".
 */
export type TieKind =
  | 'information'
  | 'referral'
  | 'data_sharing'
  | 'joint_delivery'
  | 'funding'
  | 'governance'
  | 'dependency';
/**
 * What happens to betweenness, closeness and the diameter above
 * `budgets.exact_betweenness_max_partners`.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "OverBudget".
 */
export type OverBudget = 'skip' | 'sample';
/**
 * A per-partner network measure (a column of the network table).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Metric".
 */
export type Metric =
  | 'degree'
  | 'in_degree'
  | 'out_degree'
  | 'degree_centrality'
  | 'betweenness'
  | 'closeness'
  | 'eigenvector'
  | 'pagerank'
  | 'core_number'
  | 'constraint'
  | 'effective_size'
  | 'articulation_point'
  | 'community'
  | 'trust'
  | 'value';
/**
 * The five conditions of collective impact (Kania & Kramer 2011).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Condition".
 */
export type Condition =
  | 'common_agenda'
  | 'shared_measurement'
  | 'mutually_reinforcing_activities'
  | 'continuous_communication'
  | 'backbone_support';
/**
 * How far a condition has come.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Stage".
 */
export type Stage = 'absent' | 'emerging' | 'developing' | 'established' | 'embedded';
/**
 * The Wilder Collaboration Factors Inventory bands for a mean on the 1–5 scale.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "WilderBand".
 */
export type WilderBand = 'strength' | 'borderline' | 'concern';
/**
 * The four sector groups used for gaps and the E-I index: public services, the third
 * sector, communities and families, and everyone else.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "SectorGroup".
 */
export type SectorGroup = 'statutory' | 'third_sector' | 'community' | 'other';
/**
 * How a measure whose work grows faster than the network was computed.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Method".
 */
export type Method = 'exact' | 'sampled' | 'skipped' | 'not_requested';
/**
 * The part of society a partner belongs to.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Sector".
 */
export type Sector =
  | 'statutory'
  | 'health'
  | 'education'
  | 'police_justice'
  | 'third_sector'
  | 'community'
  | 'family_voice'
  | 'funder'
  | 'academic'
  | 'private'
  | 'other'
  | 'unknown';
/**
 * How the two sides of a pair disagree.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "AsymmetryKind".
 */
export type AsymmetryKind = 'level_gap' | 'unreciprocated';
/**
 * Which direction of an indicator is good.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Polarity".
 */
export type Polarity = 'higher_is_better' | 'lower_is_better';
/**
 * How often something happens: contact along a tie, a channel's meetings, an
 * indicator's reporting (indicators use `monthly`, `quarterly` or `annual`).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Frequency".
 */
export type Frequency = 'never' | 'annual' | 'quarterly' | 'monthly' | 'weekly' | 'daily';
/**
 * How partners' values of one indicator pool into one series.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Aggregation".
 */
export type Aggregation = 'sum' | 'mean' | 'ratio';
/**
 * The kind of indicator, after Results-Based Accountability (Friedman; Clear Impact).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "IndicatorKind".
 */
export type IndicatorKind = 'population' | 'how_much' | 'how_well' | 'better_off';
/**
 * Kinds of counting clash.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ClashKind".
 */
export type ClashKind = 'scale' | 'ratio_scale';
/**
 * A funding-cycle risk: money that runs out before the work it pays for is done.
 *
 * Written as a JSON object whose `kind` names the risk (see `FundingRiskKind`),
 * followed by the fields of that kind. A date that is not recorded is never assumed:
 * an activity without `funded_until`, an outcome without `by` or a partner funding
 * source without `ends` gives no risk of the kinds that need it.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "FundingRisk".
 */
export type FundingRisk =
  | {
      kind: 'activity_ends_before_outcome';
      /**
       * The activity.
       */
      activity: Id;
      /**
       * The outcome it serves.
       */
      outcome: Id;
      /**
       * When the activity's funding ends.
       */
      funded_until: Date;
      /**
       * When the outcome is due (compared as the period's last day).
       */
      outcome_by: Period;
    }
  | {
      kind: 'dependency_ends_first';
      /**
       * The dependant activity.
       */
      activity: Id;
      /**
       * The activity it depends on.
       */
      depends_on: Id;
      /**
       * When the dependant's funding ends.
       */
      funded_until: Date;
      /**
       * When the funding of the activity it depends on ends (earlier).
       */
      depends_on_funded_until: Date;
    }
  | {
      kind: 'lead_funding_ends';
      /**
       * The lead partner.
       */
      partner: Id;
      /**
       * The activity it leads.
       */
      activity: Id;
      /**
       * When the last of its dated funding sources ends.
       */
      ends: Date;
      /**
       * The day the activity needs its lead until: the later of its `funded_until`
       * and the last day of its outcomes' `by` periods.
       */
      needed_until: Date;
    };
/**
 * How much a finding matters.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'risk' | 'warning' | 'info';

/**
 * Everything convener finds about an initiative. Written as pretty JSON with its keys in
 * this order; no version or time inside, so the same input gives the same bytes.
 */
export interface Report {
  /**
   * Always `convener-report/1`.
   */
  format: ReportFormat;
  /**
   * The initiative in brief.
   */
  initiative: InitiativeSummary;
  /**
   * The period the analysis is as of.
   */
  as_of: Period | null;
  /**
   * The options used, with `as_of` resolved.
   */
  options: Options;
  /**
   * The five conditions.
   */
  conditions: ConditionsReport;
  /**
   * The partner network.
   */
  network: NetworkReport;
  /**
   * Shared measurement.
   */
  measurement: MeasureReport;
  /**
   * The plan.
   */
  plan: PlanReport;
  /**
   * What to look at, most severe first.
   */
  findings: Finding[];
}
/**
 * The initiative in brief.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "InitiativeSummary".
 */
export interface InitiativeSummary {
  /**
   * Its id.
   */
  id: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * Where it works.
   */
  place: Text | null;
  /**
   * When it started.
   */
  started: Date | null;
  /**
   * Partners.
   */
  partners: number;
  /**
   * Ties reported.
   */
  ties: number;
  /**
   * Goals.
   */
  goals: number;
  /**
   * Outcomes.
   */
  outcomes: number;
  /**
   * Activities.
   */
  activities: number;
  /**
   * Indicators.
   */
  indicators: number;
  /**
   * Measurements.
   */
  measurements: number;
  /**
   * Channels.
   */
  channels: number;
  /**
   * Surveys.
   */
  surveys: number;
  /**
   * The backbone partner.
   */
  backbone: Id | null;
}
/**
 * Settings for loading and analysing an initiative. The same value in every layer: a
 * Rust struct here, a JSON object in the CLI (`--options FILE`), JavaScript, C and Python.
 * Every field has a default; unknown keys are an error (`options.unknown`).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Options".
 */
export interface Options {
  /**
   * The period the analysis is as of. Default: the latest measurement period, else the
   * month of the latest survey date, else none. convener never reads the clock.
   */
  as_of: Period | null;
  /**
   * The lowest collaboration level that counts as a connection in the network
   * (default `communicate`: `compete` and `coexist` ties are reported, not connected).
   */
  min_level: Level;
  /**
   * Only ties of these kinds count as connections (default: every tie).
   */
  tie_kinds: TieKind[] | null;
  /**
   * Hide counts below this number in every measurement output (small-number suppression; surveys have their own minimum of 3). Default
   * off.
   */
  suppress_below: number | null;
  /**
   * Size limits for work that grows faster than the network.
   */
  budgets: Budgets;
  /**
   * Limits on the documents convener reads.
   */
  limits: Limits;
  /**
   * The network measures to compute for the network table (default: all). The full
   * report always computes every measure: the conditions and findings rest on them.
   */
  metrics: Metric[] | null;
}
/**
 * Size limits for work that grows faster than the network: exact betweenness and the
 * key-player sweep, and what to do above them. The report always says which method was
 * used (`network.summary.betweenness_method`, `network.summary.key_players_method`) and
 * gives a finding when a measure was sampled or skipped.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Budgets".
 */
export interface Budgets {
  /**
   * Above this many partners, betweenness, closeness and the diameter are not computed
   * exactly: they are skipped or betweenness is sampled, as `over_budget` says.
   */
  exact_betweenness_max_partners: number;
  /**
   * Above this many partners, key players are not ranked.
   */
  key_players_max_partners: number;
  /**
   * What happens above `exact_betweenness_max_partners`: `skip` (default) leaves
   * betweenness, closeness and the diameter out; `sample` estimates betweenness from
   * `sample_sources` partners drawn at random (Brandes & Pich 2007), with its error
   * bound stated in the report, and leaves closeness and the diameter out.
   */
  over_budget: OverBudget;
  /**
   * How many source partners sampled betweenness uses (default 1,000; at least 1).
   */
  sample_sources: number;
  /**
   * The seed of the draw of source partners (default 0): the same seed gives the same
   * sources and the same numbers.
   */
  sample_seed: number;
}
/**
 * Limits on the documents convener reads. Exceeding one is the error `limit.exceeded`,
 * never a crash or a hang.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Limits".
 */
export interface Limits {
  /**
   * The largest document, in bytes (default 512 MiB).
   */
  max_document_bytes: number;
  /**
   * The deepest nesting of JSON arrays and objects (default 64; the format needs 6).
   */
  max_depth: number;
  /**
   * The longest text value, in characters (default 100,000).
   */
  max_string_chars: number;
  /**
   * The most entries in any one list or object (default 10,000,000).
   */
  max_items: number;
  /**
   * The most problems listed for one document (default 1,000); the count of the rest is
   * given.
   */
  max_issues: number;
}
/**
 * All five conditions, and the factors of a custom survey.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ConditionsReport".
 */
export interface ConditionsReport {
  /**
   * A shared vision for change.
   */
  common_agenda: ConditionReport;
  /**
   * Measuring results consistently.
   */
  shared_measurement: ConditionReport;
  /**
   * Activities that support each other.
   */
  mutually_reinforcing_activities: ConditionReport;
  /**
   * Open, regular communication that builds trust.
   */
  continuous_communication: ConditionReport;
  /**
   * A backbone organisation that coordinates.
   */
  backbone_support: ConditionReport;
  /**
   * Factor means of a custom survey (e.g. Wilder factors), if any.
   */
  factors: FactorPerception[];
}
/**
 * One condition's reading.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ConditionReport".
 */
export interface ConditionReport {
  /**
   * The condition.
   */
  condition: Condition;
  /**
   * Its name for people.
   */
  name: string;
  /**
   * What it means, in a sentence.
   */
  description: string;
  /**
   * The evidence score, 0–100: 100 × Σ weight·value / Σ weight over the sub-measures
   * with data; 0 when its structure is missing.
   */
  score: number | null;
  /**
   * The stage.
   */
  stage: Stage;
  /**
   * Why the stage is held below the score's band when partners disagree, if it is (the
   * confidence cap is explained by `confidence` itself).
   */
  stage_note: string | null;
  /**
   * Share of the sub-measures' weight that had data, 0–1.
   */
  confidence: number;
  /**
   * Why the condition is absent, when its structure is missing.
   */
  absent_because: string | null;
  /**
   * The evidence.
   */
  sub_measures: SubMeasure[];
  /**
   * Sub-measures whose data was not collected.
   */
  missing: string[];
  /**
   * What partners think, from the latest survey asking about it.
   */
  perception: Perception | null;
}
/**
 * One named piece of evidence behind a condition's score.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "SubMeasure".
 */
export interface SubMeasure {
  /**
   * Stable id, e.g. `agenda_endorsement`.
   */
  id: string;
  /**
   * Its name for people.
   */
  name: string;
  /**
   * Its value from 0 (none of it) to 1 (all of it); null when the data was not
   * collected.
   */
  value: number | null;
  /**
   * Its weight in the condition's score.
   */
  weight: number;
  /**
   * How the value was reached, with the numbers behind it.
   */
  explanation: string;
  /**
   * Where the measure comes from.
   */
  source: string;
}
/**
 * What respondents think of one condition (or one factor of a custom survey).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Perception".
 */
export interface Perception {
  /**
   * The survey.
   */
  survey: Id;
  /**
   * When it closed.
   */
  date: Date;
  /**
   * Respondents who answered at least one item of it.
   */
  respondents: number;
  /**
   * Items asked.
   */
  items: number;
  /**
   * Mean of respondents' means, 1–5 (hidden under 3 respondents).
   */
  mean: number | null;
  /**
   * Sample standard deviation of respondents' means.
   */
  sd: number | null;
  /**
   * Share of respondents within one point of the median respondent: agreement.
   */
  agreement: number | null;
  /**
   * The Wilder band of the mean.
   */
  band: WilderBand | null;
  /**
   * Each sector group's mean (hidden under 3 respondents in the group).
   */
  groups: GroupView[];
  /**
   * Highest minus lowest group mean among groups shown: a sign of power imbalance when
   * large.
   */
  group_gap: number | null;
}
/**
 * One sector group's view.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "GroupView".
 */
export interface GroupView {
  /**
   * The sector group.
   */
  group: SectorGroup;
  /**
   * Respondents in it.
   */
  respondents: number;
  /**
   * Their mean, when at least 3 answered.
   */
  mean: number | null;
}
/**
 * The perception of a custom survey's factor (e.g. a Wilder factor).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "FactorPerception".
 */
export interface FactorPerception {
  /**
   * The factor.
   */
  factor: Text;
  /**
   * The survey.
   */
  survey: Id;
  /**
   * When it closed.
   */
  date: Date;
  /**
   * Respondents who answered at least one item of it.
   */
  respondents: number;
  /**
   * Items asked.
   */
  items: number;
  /**
   * Mean of respondents' means, 1–5 (hidden under 3 respondents).
   */
  mean: number | null;
  /**
   * Sample standard deviation of respondents' means.
   */
  sd: number | null;
  /**
   * Share of respondents within one point of the median respondent: agreement.
   */
  agreement: number | null;
  /**
   * The Wilder band of the mean.
   */
  band: WilderBand | null;
  /**
   * Each sector group's mean (hidden under 3 respondents in the group).
   */
  groups: GroupView[];
  /**
   * Highest minus lowest group mean among groups shown: a sign of power imbalance when
   * large.
   */
  group_gap: number | null;
}
/**
 * Everything the network analysis finds.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "NetworkReport".
 */
export interface NetworkReport {
  /**
   * The lowest level counted as a connection.
   */
  min_level: Level;
  /**
   * Only ties of these kinds counted as connections (null: every kind).
   */
  tie_kinds: TieKind[] | null;
  /**
   * Network-level measures.
   */
  summary: NetworkSummary;
  /**
   * Per-partner measures, in document order.
   */
  partners: PartnerMeasures[];
  /**
   * Bridges.
   */
  bridges: Bridge[];
  /**
   * Louvain communities (empty when not asked for).
   */
  communities: CommunityGroup[];
  /**
   * The E-I index over sector groups.
   */
  sector_mixing: SectorMixing;
  /**
   * PARTNER trust over all rated ties.
   */
  trust: NetworkScore;
  /**
   * PARTNER value over all rated ties.
   */
  value: NetworkScore;
  /**
   * Pairs whose two sides see the tie differently.
   */
  asymmetric_pairs: Asymmetry[];
  /**
   * Ties whose reporter wants a different level.
   */
  level_gaps: LevelGap[];
  /**
   * The partner dependency graph: cycles, who many depend on, chain depth.
   */
  dependencies: DependencyReport;
  /**
   * Partners whose loss would hurt most (at most 20), by fragmentation and cascade.
   */
  key_players: KeyPlayer[];
  /**
   * What was not computed, and why.
   */
  notes: string[];
}
/**
 * The network as a whole.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "NetworkSummary".
 */
export interface NetworkSummary {
  /**
   * Partners (nodes).
   */
  partners: number;
  /**
   * Ties reported, at any level.
   */
  ties_reported: number;
  /**
   * Directed ties at or above the minimum level.
   */
  directed_ties: number;
  /**
   * Connected pairs (undirected edges).
   */
  connections: number;
  /**
   * connections / (n(n−1)/2).
   */
  density: number | null;
  /**
   * Share of directed ties reported back (networkx `overall_reciprocity`).
   */
  reciprocity: number | null;
  /**
   * Freeman degree centralization: Σ(max degree − degree) / ((n−1)(n−2)).
   */
  degree_centralization: number | null;
  /**
   * Connected components (an isolated partner is one).
   */
  components: number;
  /**
   * Partners in the largest component.
   */
  largest_component: number;
  /**
   * Share of partners in the largest component.
   */
  largest_component_share: number | null;
  /**
   * Strongly connected components of the directed ties.
   */
  strong_components: number;
  /**
   * Partners with no connection.
   */
  isolates: number;
  /**
   * Mean local clustering over all partners (networkx `average_clustering`).
   */
  average_clustering: number | null;
  /**
   * The longest shortest path within the largest component.
   */
  diameter: number | null;
  /**
   * Partners whose removal splits their component.
   */
  articulation_points: number;
  /**
   * Connections whose removal splits their component.
   */
  bridges: number;
  /**
   * Louvain communities.
   */
  communities: number | null;
  /**
   * Modularity of the communities (null without connections).
   */
  modularity: number | null;
  /**
   * Share of the other partners within two steps of the backbone (null without one).
   */
  backbone_reach: number | null;
  /**
   * How betweenness, closeness and the diameter were computed: exactly, sampled (with
   * the error bound) or skipped, against `budgets.exact_betweenness_max_partners`.
   */
  betweenness_method: MethodUsed;
  /**
   * Whether key players were ranked (`exact`) or skipped, against
   * `budgets.key_players_max_partners`.
   */
  key_players_method: MethodUsed;
}
/**
 * Which `Method` was used for a budgeted measure, the budget, and for a sampled one the
 * sample and its error bound: with probability at least 1 − `error_probability`, every
 * partner's estimate is within `error_bound` of its exact value.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "MethodUsed".
 */
export interface MethodUsed {
  /**
   * `exact`, `sampled`, `skipped` or `not_requested`.
   */
  method: Method;
  /**
   * The size budget in partners: above it the exact computation is not done.
   */
  budget: number;
  /**
   * With `sampled`: the number of source partners k.
   */
  sources: number | null;
  /**
   * With `sampled`: ε, the largest error of any partner's estimate (normalized, 0–1),
   * n/(n − 1)·√(ln(2n/δ)/(2k)) by Hoeffding's inequality and a union bound.
   */
  error_bound: number | null;
  /**
   * With `sampled`: δ, the probability that the bound fails (0.05).
   */
  error_probability: number | null;
}
/**
 * The measures of one partner. `null` where not asked for or undefined (the constraint
 * of an isolate, the eigenvector centrality outside the largest component).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "PartnerMeasures".
 */
export interface PartnerMeasures {
  /**
   * The partner's id.
   */
  partner: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * Its sector.
   */
  sector: Sector;
  /**
   * Partners it is connected to.
   */
  degree: number | null;
  /**
   * Partners that reported a tie to it.
   */
  in_degree: number | null;
  /**
   * Partners it reported a tie to.
   */
  out_degree: number | null;
  /**
   * degree / (n − 1).
   */
  degree_centrality: number | null;
  /**
   * Normalized betweenness: the share of shortest paths between others through it.
   */
  betweenness: number | null;
  /**
   * Closeness (Wasserman–Faust).
   */
  closeness: number | null;
  /**
   * Eigenvector centrality within the largest component.
   */
  eigenvector: number | null;
  /**
   * PageRank on the directed ties.
   */
  pagerank: number | null;
  /**
   * k-core number.
   */
  core_number: number | null;
  /**
   * Burt's constraint (high: its contacts all know each other).
   */
  constraint: number | null;
  /**
   * Burt's effective size (non-redundant contacts).
   */
  effective_size: number | null;
  /**
   * Local clustering coefficient.
   */
  clustering: number | null;
  /**
   * Whether removing it splits its component.
   */
  articulation_point: boolean | null;
  /**
   * Its Louvain community.
   */
  community: number | null;
  /**
   * Mean trust others report in it (1–4, PARTNER).
   */
  trust: number | null;
  /**
   * Mean value others report of it (1–4, PARTNER).
   */
  value: number | null;
}
/**
 * A connection whose removal splits its component.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Bridge".
 */
export interface Bridge {
  /**
   * One end (earlier in the document).
   */
  a: Id;
  /**
   * The other end.
   */
  b: Id;
}
/**
 * A Louvain community.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "CommunityGroup".
 */
export interface CommunityGroup {
  /**
   * Its number (from 0, by first member's document order).
   */
  id: number;
  /**
   * Its members, in document order.
   */
  members: Id[];
}
/**
 * Mixing between sector groups.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "SectorMixing".
 */
export interface SectorMixing {
  /**
   * The whole network.
   */
  network: EiIndex;
  /**
   * Each sector group.
   */
  groups: GroupEi[];
}
/**
 * The E-I index of one sector group, or of the whole network.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "EiIndex".
 */
export interface EiIndex {
  /**
   * Connections that cross to another group.
   */
  external: number;
  /**
   * Connections within the group.
   */
  internal: number;
  /**
   * (external − internal) / (external + internal), from −1 (all within) to +1 (all
   * across); null without connections.
   */
  index: number | null;
}
/**
 * The E-I index of one sector group.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "GroupEi".
 */
export interface GroupEi {
  /**
   * The sector group.
   */
  group: SectorGroup;
  /**
   * Partners in the group.
   */
  partners: number;
  /**
   * Connections that cross to another group.
   */
  external: number;
  /**
   * Connections within the group.
   */
  internal: number;
  /**
   * (external − internal) / (external + internal), from −1 (all within) to +1 (all
   * across); null without connections.
   */
  index: number | null;
}
/**
 * A network-wide PARTNER score: the mean pair score over all rated ties, as a
 * percentage of the scale's top (4). `None` when no tie is rated.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "NetworkScore".
 */
export interface NetworkScore {
  /**
   * Ties that carry the rating.
   */
  rated_ties: number;
  /**
   * Mean pair score, 1–4.
   */
  mean: number | null;
  /**
   * The mean as a percentage of 4.
   */
  percent: number | null;
}
/**
 * A pair whose two sides see their relationship differently.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Asymmetry".
 */
export interface Asymmetry {
  /**
   * The partner that reported first in the document.
   */
  a: Id;
  /**
   * The other partner.
   */
  b: Id;
  /**
   * Level gap or unreciprocated.
   */
  kind: AsymmetryKind;
  /**
   * The level `a` reported.
   */
  a_level: Level;
  /**
   * The level `b` reported, if it reported the pair.
   */
  b_level: Level | null;
}
/**
 * A tie whose reporter wants a different level than it has.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "LevelGap".
 */
export interface LevelGap {
  /**
   * The partner that reported the tie.
   */
  from: Id;
  /**
   * The partner it reported on.
   */
  to: Id;
  /**
   * The level now.
   */
  level: Level;
  /**
   * The level wanted.
   */
  desired_level: Level;
  /**
   * Steps on the Tamarack spectrum from now to wanted (negative: wants less).
   */
  gap: number;
}
/**
 * The dependency graph, summarised.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "DependencyReport".
 */
export interface DependencyReport {
  /**
   * Dependency ties (dependant → provider), after removing repeats.
   */
  dependencies: number;
  /**
   * Groups of partners that depend on each other in a circle, each in document order.
   */
  cycles: Id[][];
  /**
   * Partners involved in any dependency, in document order.
   */
  partners: PartnerDependency[];
  /**
   * The longest chain in the network.
   */
  max_depth: number;
}
/**
 * One partner's place in the dependency graph.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "PartnerDependency".
 */
export interface PartnerDependency {
  /**
   * The partner.
   */
  partner: Id;
  /**
   * Partners it depends on directly.
   */
  providers: Id[];
  /**
   * Partners that depend on it directly.
   */
  direct_dependants: number;
  /**
   * Partners that depend on it directly or down a chain.
   */
  transitive_dependants: number;
  /**
   * The longest chain of providers below it: 0 for a partner that depends on nobody;
   * a cycle counts as one link.
   */
  depth: number;
}
/**
 * A partner whose loss would hurt the partnership.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "KeyPlayer".
 */
export interface KeyPlayer {
  /**
   * The partner.
   */
  partner: Id;
  /**
   * fragmentation share + cascade share, 0 to 2: the ranking key.
   */
  damage: number;
  /**
   * Pairs of other partners that could reach each other and no longer could.
   */
  pairs_disconnected: number;
  /**
   * pairs_disconnected / ((n−1)(n−2)/2).
   */
  fragmentation_share: number;
  /**
   * Partners that depend on it, directly or down a chain.
   */
  cascade_partners: number;
  /**
   * cascade_partners / (n − 1).
   */
  cascade_share: number;
  /**
   * Activities hit: led by or involving it or a cascaded partner, or depending on one.
   */
  cascade_activities: number;
}
/**
 * The measurement analysis of an initiative.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "MeasureReport".
 */
export interface MeasureReport {
  /**
   * The analysis period.
   */
  as_of: Period | null;
  /**
   * Counts below this are hidden, if set.
   */
  suppress_below: number | null;
  /**
   * One entry per indicator, in document order.
   */
  indicators: IndicatorReport[];
}
/**
 * Everything about one indicator.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "IndicatorReport".
 */
export interface IndicatorReport {
  /**
   * The indicator.
   */
  indicator: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * Its unit.
   */
  unit: Text;
  /**
   * Which way is better.
   */
  polarity: Polarity;
  /**
   * How often it is reported.
   */
  frequency: Frequency;
  /**
   * How partners' values pool.
   */
  aggregation: Aggregation;
  /**
   * Results-Based Accountability kind.
   */
  kind: IndicatorKind;
  /**
   * The analysis period, in this indicator's frequency.
   */
  as_of: Period | null;
  /**
   * Measurements counted (up to the analysis period).
   */
  measurements: number;
  /**
   * Pooled series (one per group), then each reporter's series, in document order.
   */
  series: Series[];
  /**
   * Reporters with no measurement at all.
   */
  silent_reporters: Id[];
  /**
   * Signs that partners count it differently.
   */
  clashes: Clash[];
  /**
   * Mean completeness over the expected reporters.
   */
  completeness: number | null;
}
/**
 * One series: an indicator as one partner reported it (or pooled over partners), for
 * one breakdown group, up to the analysis period.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Series".
 */
export interface Series {
  /**
   * The partner; null for the pooled series.
   */
  partner: Id | null;
  /**
   * The breakdown group, if the indicator has groups.
   */
  group: Text | null;
  /**
   * The values in period order (suppressed values null).
   */
  points: Point[];
  /**
   * The run chart, one per phase.
   */
  phases: Phase[];
  /**
   * The latest period with a value.
   */
  latest_period: Period | null;
  /**
   * The value then.
   */
  latest_value: number | null;
  /**
   * The declared baseline value.
   */
  baseline_value: number | null;
  /**
   * latest − baseline.
   */
  change_from_baseline: number | null;
  /**
   * The target value.
   */
  target_value: number | null;
  /**
   * 100·latest/target (higher is better) or 100·target/latest (lower is better).
   */
  percent_of_target: number | null;
  /**
   * The least-squares line through the points up to the baseline period, at the
   * latest period: where the curve was heading.
   */
  forecast: number | null;
  /**
   * Whether the latest value is better than the forecast, by the indicator's polarity.
   */
  turning_the_curve: boolean | null;
  /**
   * Periods reported / periods expected from the indicator's first period to the
   * analysis period.
   */
  completeness: number | null;
  /**
   * Periods from the last report to the analysis period (0: up to date).
   */
  periods_since_last: number | null;
  /**
   * Pooled series: periods left out because not every partner that had started
   * reporting reported them.
   */
  incomplete_periods: Period[];
}
/**
 * A value at a period.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Point".
 */
export interface Point {
  /**
   * The period.
   */
  period: Period;
  /**
   * The value; null when suppressed.
   */
  value: number | null;
}
/**
 * The run chart of one phase of a series.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Phase".
 */
export interface Phase {
  /**
   * The phase, numbered from 1; null when the indicator has no phases.
   */
  phase: number | null;
  /**
   * The first period of the phase.
   */
  from: Period;
  /**
   * Points in the chart.
   */
  n: number;
  /**
   * The centre line: the median of the points (or of the first `freeze` points).
   */
  centre: number | null;
  /**
   * Points not on the centre line.
   */
  n_useful: number;
  /**
   * The longest run of points on one side of the centre line.
   */
  longest_run: number | null;
  /**
   * round(log2(n_useful)) + 3: a longer run signals a shift (Schilling 2012).
   */
  longest_run_max: number | null;
  /**
   * Times the line crosses the centre.
   */
  n_crossings: number | null;
  /**
   * qbinom(0.05, n_useful − 1, 0.5): fewer crossings signal a shift (Chen 2010).
   */
  n_crossings_min: number | null;
  /**
   * longest_run > longest_run_max or n_crossings < n_crossings_min (Anhøj & Olesen 2014).
   */
  runs_signal: boolean;
  /**
   * IHI shift: 6 or more points in a row on one side of the centre line.
   */
  shift: boolean;
  /**
   * IHI trend: 5 or more points in a row all rising or all falling (equal neighbours
   * counted once).
   */
  trend: boolean;
}
/**
 * A sign that partners count an indicator differently.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Clash".
 */
export interface Clash {
  /**
   * What differs.
   */
  kind: ClashKind;
  /**
   * The partners concerned.
   */
  partners: Id[];
  /**
   * A sentence for a coordinator.
   */
  message: string;
}
/**
 * The plan of an initiative, checked: its theory of change, the order and dependencies
 * of its activities, where effort on one outcome is not coordinated, and where funding
 * ends too soon. Every list is in document order.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "PlanReport".
 */
export interface PlanReport {
  /**
   * How many goals, outcomes, activities and indicators the plan has.
   */
  results: PlanCounts;
  /**
   * Outcomes that contribute to each other in a circle (through `contributes_to`),
   * each circle listed as its members in document order: every strongly connected
   * group of two or more outcomes, and every outcome that contributes to itself.
   * A circle in a theory of change hides which change comes first, so nobody can say
   * what to expect when.
   */
  cycles: Id[][];
  /**
   * Orphan outcomes: outcomes connected to nothing in the plan. An outcome is an
   * orphan when its `contributes_to` names no goal or outcome, no other outcome names
   * it in `contributes_to`, no activity serves it and no indicator measures it. It was
   * written down and then left out of the plan: drop it, or connect it.
   */
  orphan_outcomes: Id[];
  /**
   * Dead-end outcomes: outcomes from which no chain of `contributes_to` reaches a
   * goal, including orphans and outcomes that only lead into a circle with no way
   * out. Work on them cannot be shown to move the partnership's goals.
   */
  dead_end_outcomes: Id[];
  /**
   * Goals no outcome leads to, directly or through other outcomes (equivalently: no
   * outcome names them in `contributes_to`). The partnership has a goal but no theory
   * of how to get there.
   */
  unreached_goals: Id[];
  /**
   * Outcomes no indicator measures (no indicator names them in `measures`). Without a
   * shared indicator nobody will know whether the change happened.
   */
  outcomes_without_indicator: Id[];
  /**
   * Outcomes no activity serves (no activity names them in `outcomes`). Work towards
   * longer-term outcomes usually flows through earlier ones, but an outcome nobody
   * works on directly is often one that everybody assumes someone else owns.
   */
  outcomes_without_activity: Id[];
  /**
   * Indicators whose `measures` is empty: partners spend effort reporting them, but
   * they tell the partnership nothing about its outcomes or goals.
   */
  indicators_measuring_nothing: Id[];
  /**
   * The activities in an order they can be started in: every activity after the
   * activities it `depends_on`, ties broken by document order (Kahn's algorithm,
   * always taking the earliest ready activity). Activities in `activity_cycles` are
   * left out, and their links ignored; activities that depend on them are kept. It is
   * the order in which to secure, fund and launch the work.
   */
  activity_order: Id[];
  /**
   * Activities that depend on each other in a circle (through `depends_on`), each
   * listed as its members in document order: every strongly connected group of two or
   * more activities, and every activity that depends on itself. None of them can start
   * first, so the plan must say which really comes first.
   */
  activity_cycles: Id[][];
  /**
   * The longest chain of dependencies among the activities outside `activity_cycles`,
   * first (the one everything else stands on) to last. Among chains of equal length,
   * the one whose ids come earliest in document order, compared first to last. Empty
   * when no activity depends on another. A long chain is fragile: a delay or cut at
   * its start reaches every activity after it.
   */
  longest_chain: Id[];
  /**
   * For every outcome served by two or more activities (in document order), each
   * pair of those activities whose teams do not coordinate (see
   * `UncoordinatedEffort`): no partner in common and no tie at `coordinate` or
   * above between any member of one and any member of the other. Mutually
   * reinforcing activities need aligned plans; uncoordinated teams on one outcome
   * duplicate work or pull in different directions.
   */
  uncoordinated_effort: UncoordinatedEffort[];
  /**
   * Funding that ends before the work it pays for is done (see `FundingRisk`),
   * ordered by activity (document order), then by kind in the order of
   * `FundingRiskKind`, then by outcome or dependency in document order.
   */
  funding_risks: FundingRisk[];
  /**
   * Extra: activities whose `outcomes` is empty. Effort that the theory of change
   * does not account for.
   */
  activities_serving_nothing: Id[];
  /**
   * Extra summary number: the pairs of activities that serve a common outcome,
   * counted once per outcome they share — the pairs `uncoordinated_effort` was
   * checked over, so `uncoordinated_effort.len() / effort_pairs` is the share of
   * uncoordinated effort.
   */
  effort_pairs: number;
  /**
   * Extra summary number: activities with no `funded_until`. Their funding could not
   * be checked for the first two kinds of funding risk.
   */
  activities_without_funded_until: number;
}
/**
 * How many goals, outcomes, activities and indicators the plan has.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "PlanCounts".
 */
export interface PlanCounts {
  /**
   * Goals.
   */
  goals: number;
  /**
   * Outcomes.
   */
  outcomes: number;
  /**
   * Activities.
   */
  activities: number;
  /**
   * Indicators.
   */
  indicators: number;
}
/**
 * Two activities that serve the same outcome while their teams do not coordinate.
 *
 * An activity's team is its lead and its `partners`. Two teams coordinate when they
 * have a partner in common, or when any member of one reported a tie at `coordinate` or
 * above with any member of the other, in either direction.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "UncoordinatedEffort".
 */
export interface UncoordinatedEffort {
  /**
   * The outcome both activities serve.
   */
  outcome: Id;
  /**
   * The two activities, in document order.
   *
   * @minItems 2
   * @maxItems 2
   */
  activities: [Id, Id];
}
/**
 * One finding.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * Stable dotted code.
   */
  code: string;
  /**
   * How much it matters.
   */
  severity: Severity;
  /**
   * The condition it bears on.
   */
  condition: Condition | null;
  /**
   * What was found, in a sentence.
   */
  message: string;
  /**
   * The partners, indicators, activities or outcomes concerned.
   */
  subjects: Id[];
  /**
   * The numbers behind it.
   */
  evidence: Evidence[];
  /**
   * What to do next, in the language of the field.
   */
  next_step: string;
}
/**
 * A number behind a finding.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Evidence".
 */
export interface Evidence {
  /**
   * What it is.
   */
  name: string;
  /**
   * Its value.
   */
  value: number;
}

/* Generated from crates/convener/schema/initiative.schema.json by json-schema-to-typescript.
 * Do not edit: change the Rust types, regenerate the schema, then run
 * `npm run types` in bindings/wasm (tests/types.test.mjs fails on drift). */

/**
 * The document format: convener/1.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "FormatVersion".
 */
export type FormatVersion = 'convener/1';
/**
 * An identifier: letters, digits and _ . : -, starting with a letter or digit.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * Text a person reads; not empty.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * A calendar date, YYYY-MM-DD.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Date".
 */
export type Date = string;
/**
 * The part of society a partner belongs to.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
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
 * a share from 0 to 1
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Share".
 */
export type Share = number;
/**
 * a number of 0 or more
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "NonNegative".
 */
export type NonNegative = number;
/**
 * What a partner brings to the partnership (the resource list of the PARTNER tool).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Resource".
 */
export type Resource =
  | 'funding'
  | 'in_kind'
  | 'paid_staff'
  | 'volunteers'
  | 'data'
  | 'info_feedback'
  | 'expertise'
  | 'community_connections'
  | 'fiscal_management'
  | 'facilitation_leadership'
  | 'advocacy'
  | 'it_web'
  | 'other';
/**
 * A label: not empty, no ';', no space at either end.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Tag".
 */
export type Tag = string;
/**
 * How closely two partners work together, on the Tamarack collaboration spectrum
 * (Himmelman's continuum as used by the Tamarack Institute), from competing to
 * integrating. Levels are ordered.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level =
  'compete' | 'coexist' | 'communicate' | 'cooperate' | 'coordinate' | 'collaborate' | 'integrate';
/**
 * What flows along a tie.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
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
 * How often something happens: contact along a tie, a channel's meetings, an
 * indicator's reporting (indicators use `monthly`, `quarterly` or `annual`).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Frequency".
 */
export type Frequency = 'never' | 'annual' | 'quarterly' | 'monthly' | 'weekly' | 'daily';
/**
 * a rating on the 1–4 scale
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Rating".
 */
export type Rating = number;
/**
 * How far off an outcome is: short, medium or long term.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "OutcomeLevel".
 */
export type OutcomeLevel = 'short' | 'medium' | 'long';
/**
 * A reporting period: a year (2024), a quarter (2024-Q3) or a month (2024-07).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Period".
 */
export type Period = string;
/**
 * The eight SHANARRI wellbeing indicators of Getting it right for every child (GIRFEC).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Wellbeing".
 */
export type Wellbeing =
  | 'safe'
  | 'healthy'
  | 'achieving'
  | 'nurtured'
  | 'active'
  | 'respected'
  | 'responsible'
  | 'included';
/**
 * Which direction of an indicator is good.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Polarity".
 */
export type Polarity = 'higher_is_better' | 'lower_is_better';
/**
 * How partners' values of one indicator pool into one series.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Aggregation".
 */
export type Aggregation = 'sum' | 'mean' | 'ratio';
/**
 * The kind of indicator, after Results-Based Accountability (Friedman; Clear Impact).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "IndicatorKind".
 */
export type IndicatorKind = 'population' | 'how_much' | 'how_well' | 'better_off';
/**
 * The kind of communication channel.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "ChannelKind".
 */
export type ChannelKind =
  'meeting' | 'newsletter' | 'dashboard' | 'learning_session' | 'digital' | 'other';
/**
 * The questions: "five_conditions" (convener's built-in survey) or {"items": [...]}.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Instrument".
 */
export type Instrument = 'five_conditions' | CustomInstrument;
/**
 * The five conditions of collective impact (Kania & Kramer 2011).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Condition".
 */
export type Condition =
  | 'common_agenda'
  | 'shared_measurement'
  | 'mutually_reinforcing_activities'
  | 'continuous_communication'
  | 'backbone_support';
/**
 * An answer on the 1–5 agreement scale (1 strongly disagree, 5 strongly agree).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Agreement".
 */
export type Agreement = number;

/**
 * One initiative: a collective-impact partnership and everything it knows about itself.
 *
 * This is the document of format `convener/1` (see `docs/format.md`). Read one with
 * `Initiative::from_json`, which checks every rule and reports every problem at once.
 */
export interface InitiativeDocument {
  /**
   * The format of the document: always `convener/1`.
   */
  format: FormatVersion;
  /**
   * The initiative's id, name, place and start date.
   */
  initiative: InitiativeInfo;
  /**
   * The common agenda: the shared vision and who has endorsed it.
   */
  agenda?: Agenda | null;
  /**
   * The partners: organisations and groups taking part.
   */
  partners: Partner[];
  /**
   * Working relationships between partners, as each partner reported them.
   */
  ties?: Tie[];
  /**
   * The long-term goals the initiative exists for.
   */
  goals?: Goal[];
  /**
   * Outcomes on the way to the goals (the theory of change).
   */
  outcomes?: Outcome[];
  /**
   * What partners do, and which outcomes it serves.
   */
  activities?: Activity[];
  /**
   * The shared indicators partners report.
   */
  indicators?: Indicator[];
  /**
   * The values partners reported for the indicators.
   */
  measurements?: Measurement[];
  /**
   * How partners keep in touch: meetings, newsletters, dashboards.
   */
  channels?: Channel[];
  /**
   * The backbone organisation that coordinates the initiative.
   */
  backbone?: Backbone | null;
  /**
   * Surveys of partners' perceptions.
   */
  surveys?: Survey[];
}
/**
 * The initiative's header: who it is and where.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "InitiativeInfo".
 */
export interface InitiativeInfo {
  /**
   * A short id for the initiative.
   */
  id: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * Where it works: a local authority, a town, a neighbourhood.
   */
  place?: Text | null;
  /**
   * When the partnership started.
   */
  started?: Date | null;
}
/**
 * The common agenda: a shared vision of change and who has signed up to it.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Agenda".
 */
export interface Agenda {
  /**
   * The shared vision, in a sentence or two.
   */
  vision: Text;
  /**
   * The problem the partnership has agreed to tackle.
   */
  problem?: Text | null;
  /**
   * Partners that have formally endorsed the agenda.
   */
  endorsed_by?: Id[];
  /**
   * When the agenda was adopted.
   */
  adopted?: Date | null;
}
/**
 * A partner: an organisation, service or group taking part in the initiative.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Partner".
 */
export interface Partner {
  /**
   * The partner's id.
   */
  id: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * Its sector (default `unknown`).
   */
  sector?: Sector;
  /**
   * Whether it answered the network survey (default true). A partner that did not
   * answer reports no ties, so ties missing from it are not counted as one-sided.
   */
  responded?: boolean;
  /**
   * Whether the partner is led by, or speaks for, people with lived experience.
   */
  lived_experience?: boolean | null;
  /**
   * The share of its staff that leave in a year, 0 to 1.
   */
  staff_turnover?: Share | null;
  /**
   * Where its money for this work comes from, and when it ends.
   */
  funding?: Funding[];
  /**
   * What it brings to the partnership.
   */
  resources?: Resource[];
  /**
   * Free labels.
   */
  tags?: Tag[];
}
/**
 * One source of a partner's funding for this work.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Funding".
 */
export interface Funding {
  /**
   * Who pays.
   */
  source: Text;
  /**
   * How much a year, in the initiative's currency.
   */
  amount?: NonNegative | null;
  /**
   * When it ends.
   */
  ends?: Date | null;
}
/**
 * A working relationship as one partner (`from`) reported it about another (`to`).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Tie".
 */
export interface Tie {
  /**
   * The partner that reported the tie.
   */
  from: Id;
  /**
   * The partner it reported on.
   */
  to: Id;
  /**
   * How closely they work together now.
   */
  level: Level;
  /**
   * How closely `from` would like to work with `to`.
   */
  desired_level?: Level | null;
  /**
   * What flows along the tie.
   */
  kinds?: TieKind[];
  /**
   * How often they are in contact.
   */
  frequency?: Frequency | null;
  /**
   * How far `from` trusts `to` (PARTNER's three trust items, 1–4).
   */
  trust?: Trust | null;
  /**
   * How much `from` values `to` (PARTNER's three value items, 1–4).
   */
  value?: ValueScores | null;
  /**
   * Whether `from` cannot deliver its work without `to`.
   */
  depends?: boolean;
}
/**
 * PARTNER's trust items, each 1–4: is the partner reliable, committed to the mission,
 * open to discussion?
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Trust".
 */
export interface Trust {
  /**
   * Does the partner follow through on commitments?
   */
  reliability: Rating;
  /**
   * Is it committed to the partnership's mission?
   */
  mission: Rating;
  /**
   * Is it open to discussion and willing to listen?
   */
  openness: Rating;
}
/**
 * PARTNER's value items, each 1–4: the partner's power and influence, its level of
 * involvement, and the resources it contributes.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "ValueScores".
 */
export interface ValueScores {
  /**
   * Power and influence.
   */
  power: Rating;
  /**
   * Level of involvement.
   */
  involvement: Rating;
  /**
   * Resources contributed.
   */
  resources: Rating;
}
/**
 * A long-term goal of the initiative.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Goal".
 */
export interface Goal {
  /**
   * The goal's id (shared namespace with outcomes).
   */
  id: Id;
  /**
   * What the world looks like when the goal is met.
   */
  statement: Text;
  /**
   * In how many years.
   */
  horizon_years?: number | null;
}
/**
 * An outcome: a change on the way to a goal.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  /**
   * The outcome's id (shared namespace with goals).
   */
  id: Id;
  /**
   * The change, in a sentence.
   */
  statement: Text;
  /**
   * Short, medium or long term.
   */
  level: OutcomeLevel;
  /**
   * The period by which it should be seen.
   */
  by?: Period | null;
  /**
   * The goals or later outcomes it leads to.
   */
  contributes_to?: Id[];
  /**
   * The SHANARRI wellbeing indicators it touches.
   */
  wellbeing?: Wellbeing[];
  /**
   * What must hold for the outcome to lead where it should.
   */
  assumptions?: Text[];
}
/**
 * An activity: work led by one partner, with others, towards outcomes.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Activity".
 */
export interface Activity {
  /**
   * The activity's id.
   */
  id: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * The partner that leads it.
   */
  lead: Id;
  /**
   * Other partners that take part.
   */
  partners?: Id[];
  /**
   * The outcomes it serves.
   */
  outcomes?: Id[];
  /**
   * Activities that must be in place for this one to work.
   */
  depends_on?: Id[];
  /**
   * When its funding ends.
   */
  funded_until?: Date | null;
}
/**
 * A shared indicator: what is counted, how often, by whom, and which way is better.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Indicator".
 */
export interface Indicator {
  /**
   * The indicator's id.
   */
  id: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * The unit of its values: `%`, `families`, `days`.
   */
  unit: Text;
  /**
   * Which direction is good.
   */
  polarity: Polarity;
  /**
   * How often it is reported: `monthly`, `quarterly` or `annual`.
   */
  frequency: Frequency;
  /**
   * How partners' values pool into one series.
   */
  aggregation: Aggregation;
  /**
   * Population, how much, how well or better off (Results-Based Accountability).
   */
  kind: IndicatorKind;
  /**
   * The outcomes (or goals) it measures.
   */
  measures?: Id[];
  /**
   * The partners expected to report it.
   */
  reporters?: Id[];
  /**
   * The declared starting point.
   */
  baseline?: PeriodValue | null;
  /**
   * The value aimed for, by a period.
   */
  target?: PeriodValue | null;
  /**
   * Run charts: take the centre line from the first `freeze` points only.
   */
  freeze?: number | null;
  /**
   * Run charts: periods where a new phase starts (a change in the system).
   */
  phases?: Period[];
}
/**
 * A value at a period: a baseline or a target.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "PeriodValue".
 */
export interface PeriodValue {
  /**
   * The period.
   */
  period: Period;
  /**
   * The value, in the indicator's unit (−0 is read as 0).
   */
  value: number;
}
/**
 * One value of one indicator, reported by one partner for one period (and, when the
 * indicator is broken down, one group).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Measurement".
 */
export interface Measurement {
  /**
   * The indicator.
   */
  indicator: Id;
  /**
   * The partner that reported it.
   */
  partner: Id;
  /**
   * The period it covers.
   */
  period: Period;
  /**
   * The value, in the indicator's unit (−0 is read as 0).
   */
  value: number;
  /**
   * For a ratio: the count on top (e.g. families seen within 4 weeks).
   */
  numerator?: NonNegative | null;
  /**
   * For a ratio: the count below (e.g. families referred).
   */
  denominator?: NonNegative | null;
  /**
   * The breakdown group, e.g. `SIMD quintile 1`.
   */
  group?: Text | null;
  /**
   * A note on the value.
   */
  note?: Text | null;
}
/**
 * A channel partners use to keep in touch.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Channel".
 */
export interface Channel {
  /**
   * The channel's id.
   */
  id: Id;
  /**
   * Its name.
   */
  name: Text;
  /**
   * Meeting, newsletter, dashboard, learning session, digital or other.
   */
  kind: ChannelKind;
  /**
   * How often it meets or goes out.
   */
  frequency: Frequency;
  /**
   * The partners it reaches.
   */
  members?: Id[];
}
/**
 * The backbone: the partner that coordinates the initiative, and how well it does the
 * six backbone functions (FSG, Turner et al. 2012), each rated 1–4.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Backbone".
 */
export interface Backbone {
  /**
   * The partner that acts as backbone.
   */
  partner: Id;
  /**
   * Its staff for this work, in full-time equivalents.
   */
  staff_fte?: NonNegative | null;
  /**
   * How well it performs each of the six functions, 1–4.
   */
  functions: BackboneFunctions;
}
/**
 * The six backbone functions (FSG), each rated 1 (not at all) to 4 (fully).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "BackboneFunctions".
 */
export interface BackboneFunctions {
  /**
   * Guide vision and strategy.
   */
  guide_vision_strategy: Rating;
  /**
   * Support aligned activities.
   */
  support_aligned_activities: Rating;
  /**
   * Establish shared measurement practices.
   */
  establish_shared_measurement: Rating;
  /**
   * Build public will.
   */
  build_public_will: Rating;
  /**
   * Advance policy.
   */
  advance_policy: Rating;
  /**
   * Mobilize funding.
   */
  mobilize_funding: Rating;
}
/**
 * A survey of partners' perceptions, answered on a 1–5 agreement scale.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Survey".
 */
export interface Survey {
  /**
   * The survey's id.
   */
  id: Id;
  /**
   * The questions: `five_conditions` (built in) or your own items.
   */
  instrument: Instrument;
  /**
   * When it closed.
   */
  date: Date;
  /**
   * One response per partner that answered.
   */
  responses?: Response[];
}
/**
 * A survey of your own: its items.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "CustomInstrument".
 */
export interface CustomInstrument {
  /**
   * The statements partners rated.
   */
  items: SurveyItem[];
}
/**
 * One statement of a survey, rated 1–5.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "SurveyItem".
 */
export interface SurveyItem {
  /**
   * The item's id, unique within the instrument.
   */
  id: Id;
  /**
   * The statement.
   */
  text: Text;
  /**
   * The condition of collective impact it speaks to.
   */
  condition?: Condition | null;
  /**
   * A factor it belongs to (e.g. a Wilder Collaboration Factors Inventory factor).
   */
  factor?: Text | null;
}
/**
 * One partner's answers.
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Response".
 */
export interface Response {
  /**
   * The partner that answered.
   */
  respondent: Id;
  /**
   * Item id → answer, 1 (strongly disagree) to 5 (strongly agree).
   */
  answers: Answers;
}
/**
 * Item id → answer, 1 (strongly disagree) to 5 (strongly agree).
 *
 * This interface was referenced by `InitiativeDocument`'s JSON-Schema
 * via the `definition` "Answers".
 */
export interface Answers {
  [k: string]: Agreement | undefined;
}

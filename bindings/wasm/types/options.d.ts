/* Generated from crates/convener/schema/options.schema.json by json-schema-to-typescript.
 * Do not edit: change the Rust types, regenerate the schema, then run
 * `npm run types` in bindings/wasm (tests/types.test.mjs fails on drift). */

/**
 * A reporting period: a year (2024), a quarter (2024-Q3) or a month (2024-07).
 *
 * This interface was referenced by `Options`'s JSON-Schema
 * via the `definition` "Period".
 */
export type Period = string;
/**
 * How closely two partners work together, on the Tamarack collaboration spectrum
 * (Himmelman's continuum as used by the Tamarack Institute), from competing to
 * integrating. Levels are ordered.
 *
 * This interface was referenced by `Options`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level =
  'compete' | 'coexist' | 'communicate' | 'cooperate' | 'coordinate' | 'collaborate' | 'integrate';
/**
 * What flows along a tie.
 *
 * This interface was referenced by `Options`'s JSON-Schema
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
 * This interface was referenced by `Options`'s JSON-Schema
 * via the `definition` "OverBudget".
 */
export type OverBudget = 'skip' | 'sample';
/**
 * A per-partner network measure (a column of the network table).
 *
 * This interface was referenced by `Options`'s JSON-Schema
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
 * Settings for loading and analysing an initiative. The same value in every layer: a
 * Rust struct here, a JSON object in the CLI (`--options FILE`), JavaScript, C and Python.
 * Every field has a default; unknown keys are an error (`options.unknown`).
 */
export interface Options {
  /**
   * The period the analysis is as of. Default: the latest measurement period, else the
   * month of the latest survey date, else none. convener never reads the clock.
   */
  as_of?: Period | null;
  /**
   * The lowest collaboration level that counts as a connection in the network
   * (default `communicate`: `compete` and `coexist` ties are reported, not connected).
   */
  min_level?: Level;
  /**
   * Only ties of these kinds count as connections (default: every tie).
   */
  tie_kinds?: TieKind[] | null;
  /**
   * Hide counts below this number in every measurement output (small-number suppression; surveys have their own minimum of 3). Default
   * off.
   */
  suppress_below?: number | null;
  /**
   * Size limits for work that grows faster than the network.
   */
  budgets?: Budgets;
  /**
   * Limits on the documents convener reads.
   */
  limits?: Limits;
  /**
   * The network measures to compute for the network table (default: all). The full
   * report always computes every measure: the conditions and findings rest on them.
   */
  metrics?: Metric[] | null;
}
/**
 * Size limits for work that grows faster than the network: exact betweenness and the
 * key-player sweep, and what to do above them. The report always says which method was
 * used (`network.summary.betweenness_method`, `network.summary.key_players_method`) and
 * gives a finding when a measure was sampled or skipped.
 *
 * This interface was referenced by `Options`'s JSON-Schema
 * via the `definition` "Budgets".
 */
export interface Budgets {
  /**
   * Above this many partners, betweenness, closeness and the diameter are not computed
   * exactly: they are skipped or betweenness is sampled, as `over_budget` says.
   */
  exact_betweenness_max_partners?: number;
  /**
   * Above this many partners, key players are not ranked.
   */
  key_players_max_partners?: number;
  /**
   * What happens above `exact_betweenness_max_partners`: `skip` (default) leaves
   * betweenness, closeness and the diameter out; `sample` estimates betweenness from
   * `sample_sources` partners drawn at random (Brandes & Pich 2007), with its error
   * bound stated in the report, and leaves closeness and the diameter out.
   */
  over_budget?: OverBudget;
  /**
   * How many source partners sampled betweenness uses (default 1,000; at least 1).
   */
  sample_sources?: number;
  /**
   * The seed of the draw of source partners (default 0): the same seed gives the same
   * sources and the same numbers.
   */
  sample_seed?: number;
}
/**
 * Limits on the documents convener reads. Exceeding one is the error `limit.exceeded`,
 * never a crash or a hang.
 *
 * This interface was referenced by `Options`'s JSON-Schema
 * via the `definition` "Limits".
 */
export interface Limits {
  /**
   * The largest document, in bytes (default 512 MiB).
   */
  max_document_bytes?: number;
  /**
   * The deepest nesting of JSON arrays and objects (default 64; the format needs 6).
   */
  max_depth?: number;
  /**
   * The longest text value, in characters (default 100,000).
   */
  max_string_chars?: number;
  /**
   * The most entries in any one list or object (default 10,000,000).
   */
  max_items?: number;
  /**
   * The most problems listed for one document (default 1,000); the count of the rest is
   * given.
   */
  max_issues?: number;
}

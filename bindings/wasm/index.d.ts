// TypeScript declarations for the npm package `convener` (the WebAssembly build of the
// Rust core). The document, options and report types are generated from the core's JSON
// Schemas into types/*.d.ts (scripts/gen-types.mjs); this file declares the functions.
//
// In Node, `require('convener')` / `import ... from 'convener'` is ready to use. In a
// browser, import from 'convener' (web.d.ts adds the default export `init`) and await
// `init()` once before calling anything else.

import type { InitiativeDocument } from './types/initiative';
import type { Options } from './types/options';
import type { Id, MeasureReport, NetworkReport, Report } from './types/report';

/** Every type of the report (`convener-report/1`), by its schema name. */
export * from './types/report';
/** The initiative document (`convener/1`). */
export type { InitiativeDocument } from './types/initiative';
/** Settings for loading and analysing (unknown keys are `options.unknown`). */
export type { Options } from './types/options';
/** Every type of the document schema, e.g. `InitiativeTypes.Partner`, `InitiativeTypes.Tie`. */
export * as InitiativeTypes from './types/initiative';
/** Every type of the options schema, e.g. `OptionsTypes.Limits`. */
export * as OptionsTypes from './types/options';
/** Every type of the report schema (also exported at the top level). */
export * as ReportTypes from './types/report';

/** A document: the object, or its JSON text (read by the same loader either way). */
export type DocumentInput = InitiativeDocument | string;
/** Options: the object, its JSON text, or nothing for the defaults. */
export type OptionsInput = Options | string | null | undefined;

/** Every output `render` writes, by its stable name (the same names in every layer). */
export type OutputName =
  | 'report.json' | 'report.html' | 'report.md' | 'summary.txt'
  | 'network.txt' | 'network.csv' | 'network.json' | 'network-rows.json'
  | 'indicators.txt' | 'indicators.csv' | 'indicators.json' | 'indicator-rows.json'
  | 'plan.txt' | 'plan.json'
  | 'graph.graphml' | 'graph.gexf' | 'graph.dot' | 'graph.kumu.json'
  | 'what-if.json' | 'what-if.txt' | 'drawing.json' | 'document.json' | 'csv-folder';
/** What `render` takes: an output's name (`markdown` and `html` name the reports). */
export type RenderFormat = OutputName | 'markdown' | 'html';
/** A render request, as every layer passes it: the output and its parameters. */
export interface RenderRequest {
  /** The output's name. */
  output: OutputName;
  /** The options of the analysis behind the output. */
  options?: Options | null;
  /** For `what-if.json` and `what-if.txt`: the partners to remove. */
  without?: string[];
}
/** The graph formats of `exportGraph`. */
export type GraphFormat = 'graphml' | 'gexf' | 'dot' | 'kumu';
/** The schemas `schema()` knows. */
export type SchemaName = 'initiative' | 'options' | 'report';

/** One problem, at a JSON pointer into the document or options (`""` is the whole). */
export interface PointerIssue {
  /** Stable dotted code, e.g. `reference.unknown_partner`. */
  code: string;
  /** RFC 6901 JSON pointer, e.g. `/ties/3/to`. */
  pointer: string;
  /** What is wrong, in a sentence a coordinator understands. */
  message: string;
}

/** One problem in JSON text that does not parse: line and column, from 1. */
export interface TextIssue {
  code: string;
  line: number;
  column: number;
  message: string;
}

/** One problem in a CSV file: row and column from 1, the header being row 1. */
export interface CellIssue {
  code: string;
  /** The file's name, e.g. `ties.csv`. */
  file: string;
  row: number;
  /** `null` when the problem is the whole row or file. */
  column: number | null;
  message: string;
}

/** One problem in a document or in options. */
export type Issue = PointerIssue | TextIssue | CellIssue;

/** The stable codes of thrown errors (other `argument.*` / `value.*` codes may appear). */
export type ErrorCode =
  | 'document.invalid'
  | 'options.invalid'
  | 'limit.exceeded'
  | 'argument.invalid'
  | 'argument.unknown_format'
  | 'argument.unknown_schema'
  | 'argument.unknown_partner'
  | 'value.unknown'
  | 'internal';

/**
 * What every function throws: a plain `Error` (so `e instanceof Error` holds) with the
 * core's stable dotted `code`, **all** the problems found (up to the issue limit) and how
 * many more there were. It is a type only (there is no `ConvenerError` class at run
 * time): in a `catch`, check `e instanceof Error && 'code' in e` or cast.
 */
export interface ConvenerError extends Error {
  code: ErrorCode | (string & {});
  issues: Issue[];
  more: number;
}

/** How a number changed. */
export interface Change<T> {
  before: T;
  after: T;
}

/** Who loses a provider, down the dependency chains. */
export interface Cascade {
  /** Partners that depend, directly or down a chain, on a removed partner. */
  partners: Id[];
  /** Activities led by or involving a removed or cascaded partner, and those depending on them. */
  activities: Id[];
}

/** What changes in the network when the partners go. */
export interface WhatIfDelta {
  /** Connected components. */
  components: Change<number>;
  /** Share of partners in the largest component. */
  largest_component_share: Change<number | null>;
  /** Share of pairs of partners that cannot reach each other (Borgatti). */
  fragmentation: Change<number | null>;
  /** Share of partners within two steps of the backbone. */
  backbone_reach: Change<number | null>;
  /** Partners left with no connection at all who had one. */
  newly_isolated: Id[];
  /** Who loses a provider. */
  cascade: Cascade;
  /** Activities whose lead is gone. */
  activities_without_lead: Id[];
}

/** The answer to "what if these partners left?". */
export interface WhatIf {
  /** The partners removed, in document order. */
  removed: Id[];
  /** What changes in the network. */
  delta: WhatIfDelta;
  /** The report of the initiative without them (the analysis period stays the whole's). */
  report: Report;
}

/**
 * Where to draw each partner and which connections to draw: the layout of the HTML
 * report's network picture, for any renderer.
 */
export interface Drawing {
  /** Width of the drawing area. */
  width: number;
  /** Height of the drawing area. */
  height: number;
  /** Each partner's position `[x, y]`, in document order. */
  positions: [number, number][];
  /** Connections as pairs of partner indices (document order), `a < b`. */
  connections: [number, number][];
}

/** A JSON Schema (draft 2020-12) as a plain object. */
export interface JsonSchema {
  $schema: string;
  title: string;
  description?: string;
  [keyword: string]: unknown;
}

/**
 * Analyses a document: the report as a plain object, `JSON.parse(analyzeJson(doc, options))`.
 * @throws {ConvenerError} `document.invalid`, `options.invalid`, `limit.exceeded`
 */
export function analyze(doc: DocumentInput, options?: OptionsInput): Report;

/**
 * Analyses a document: the report as the core's JSON text (`convener-report/1`, pretty,
 * trailing newline), byte for byte what the CLI, C and Python give.
 * @throws {ConvenerError}
 */
export function analyzeJson(doc: DocumentInput, options?: OptionsInput): string;

/**
 * Any output of a document, through the core's one entry (the same bytes as the CLI, C and
 * Python): the report as HTML or Markdown, the summary, the tables, the graph exports, the
 * what-if answer (give a request with `without`). A CSV folder comes as `{fileName: text}`.
 * @throws {ConvenerError} also `argument.unknown_output`, `argument.invalid`
 */
export function render(doc: DocumentInput, output: 'csv-folder', options?: OptionsInput): Record<string, string>;
export function render(doc: DocumentInput, output: RenderFormat | RenderRequest, options?: OptionsInput): string;

/**
 * Every problem in a document: `[]` when it is valid. Never throws for an invalid document
 * (only for an argument that is neither text nor an object).
 */
export function validate(doc: DocumentInput): Issue[];

/**
 * A JSON Schema by name, as an object.
 * @throws {ConvenerError} `argument.unknown_schema`
 */
export function schema(name: SchemaName): JsonSchema;

/**
 * Reads a CSV folder given as `{fileName: text}` (e.g. `{"partners.csv": "...", ...}`)
 * into a document object.
 * @throws {ConvenerError} `document.invalid` with `{file, row, column}` issues
 */
export function fromCsv(files: Record<string, string>): InitiativeDocument;

/**
 * The partner network for other tools (GraphML, GEXF, Graphviz DOT, Kumu JSON).
 * @throws {ConvenerError} also `value.unknown` for an unknown format
 */
export function exportGraph(doc: DocumentInput, format: GraphFormat, options?: OptionsInput): string;

/** convener's version, e.g. `0.1.0`. */
export function version(): string;

/**
 * A document read once and analysed many ways. It lives in WebAssembly memory: call
 * `free()` when done with it.
 */
export class Initiative {
  /**
   * Reads a document (object or JSON text); throws on every problem at once.
   * @throws {ConvenerError} `document.invalid`, `limit.exceeded`
   */
  constructor(doc: DocumentInput);
  /** The whole report, as an object (the same as `analyze`). */
  report(options?: OptionsInput): Report;
  /** The whole report, as the core's JSON text (the same bytes as `analyzeJson`). */
  reportJson(options?: OptionsInput): string;
  /** The network analysis (the report's `network`). */
  network(options?: OptionsInput): NetworkReport;
  /** The measurement analysis (the report's `measurement`). */
  indicators(options?: OptionsInput): MeasureReport;
  /**
   * The partnership without some partners.
   * @throws {ConvenerError} `argument.unknown_partner`
   */
  whatIf(removed: string[], options?: OptionsInput): WhatIf;
  /**
   * The layout of the partner network (as in the HTML report's picture); `null` when
   * there are no partners or too many to draw.
   */
  drawing(options?: OptionsInput): Drawing | null;
  /**
   * Any output of the document, as the top-level `render` gives it.
   * @throws {ConvenerError} also `argument.unknown_output`
   */
  render(output: 'csv-folder', options?: OptionsInput): Record<string, string>;
  render(output: RenderFormat | RenderRequest, options?: OptionsInput): string;
  /** The document as JSON text. */
  toJson(): string;
  /** Releases the WebAssembly memory; the object is unusable afterwards. */
  free(): void;
}

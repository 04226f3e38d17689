// A small TypeScript program using every function of the package with its types, as a
// Node user would (CommonJS, `moduleResolution: node16`). Never run: `tsc --noEmit -p
// tests/tsconfig.json` checks it (tests/types.test.mjs). The `@ts-expect-error` lines
// prove the declarations reject what the binding rejects.
import {
  analyze,
  analyzeJson,
  exportGraph,
  fromCsv,
  Initiative,
  render,
  schema,
  validate,
  version,
} from 'convener';
import type {
  ConditionReport,
  ConvenerError,
  Drawing,
  Finding,
  GraphFormat,
  InitiativeDocument,
  InitiativeTypes,
  Issue,
  JsonSchema,
  MeasureReport,
  NetworkReport,
  Options,
  PartnerMeasures,
  Report,
  Stage,
  WhatIf,
} from 'convener';

declare const console: { log(...values: unknown[]): void }; // no @types/node needed

const partners: InitiativeTypes.Partner[] = [
  { id: 'council', name: 'Torv Council', sector: 'statutory' },
  { id: 'centre', name: 'Torv Family Centre', sector: 'third_sector' },
];
const doc: InitiativeDocument = {
  format: 'convener/1',
  initiative: { id: 'torv', name: 'Torv Families Together', place: 'Torv' },
  partners,
  ties: [{ from: 'council', to: 'centre', level: 'collaborate', kinds: ['referral'] }],
};
const text: string = JSON.stringify(doc);
const options: Options = { min_level: 'cooperate', suppress_below: 5, limits: { max_issues: 50 } };

const report: Report = analyze(doc, options);
const alsoReport: Report = analyze(text);
const agenda: ConditionReport = report.conditions.common_agenda;
const score: number | null | undefined = agenda.score;
const stage: Stage = agenda.stage;
const findings: Finding[] = report.findings;
const rows: PartnerMeasures[] = report.network.partners;
const json: string = analyzeJson(text, JSON.stringify(options));
const md: string = render(doc, 'markdown');
const html: string = render(text, 'html', options);
const issues: Issue[] = validate(text);
for (const issue of issues) {
  if ('pointer' in issue) console.log(issue.pointer, issue.code, issue.message);
  else if ('file' in issue) console.log(issue.file, issue.row, issue.column ?? '-');
  else console.log(issue.line, issue.column);
}
const s: JsonSchema = schema('report');
const title: string = s.title;
const fromFiles: InitiativeDocument = fromCsv({ 'initiative.csv': 'id,name\ntorv,Torv\n', 'partners.csv': 'id,name\nc,C\n' });
const formats: GraphFormat[] = ['graphml', 'gexf', 'dot', 'kumu'];
const graphs: string[] = formats.map((f) => exportGraph(doc, f, options));
const v: string = version();

const initiative = new Initiative(doc);
try {
  const r: Report = initiative.report();
  const rj: string = initiative.reportJson(options);
  const network: NetworkReport = initiative.network({ metrics: ['betweenness', 'pagerank'] });
  const measures: MeasureReport = initiative.indicators('{"as_of": "2024-Q4"}');
  const answer: WhatIf = initiative.whatIf(['council']);
  const removed: string[] = answer.removed;
  const before: number = answer.delta.components.before;
  const share: number | null = answer.delta.fragmentation.after;
  const after: Report = answer.report;
  const back: string = initiative.toJson();
  const drawing: Drawing | null = initiative.drawing({ min_level: 'cooperate' });
  const firstAt: [number, number] | undefined = drawing?.positions[0];
  console.log(firstAt);
  console.log(r.format, rj.length, network.summary, measures.indicators.length, removed, before, share, after, back);
} finally {
  initiative.free();
}

try {
  analyze('{"format": "convener/1"}');
} catch (e) {
  const err = e as ConvenerError;
  const code: string = err.code;
  const first: Issue | undefined = err.issues[0];
  const more: number = err.more;
  const asError: Error = err;
  console.log(code, first, more, asError.message);
}

// @ts-expect-error: not a report format
render(doc, 'pdf');
// @ts-expect-error: not a graph format
exportGraph(doc, 'svg');
// @ts-expect-error: not a schema
schema('nope');
// @ts-expect-error: not an option
analyze(doc, { min_levle: 'cooperate' });
// @ts-expect-error: not a level
analyze(doc, { min_level: 'friendly' });
// @ts-expect-error: a document needs its format
analyze({ initiative: { id: 'x', name: 'X' }, partners: [] });
// @ts-expect-error: whatIf takes ids
initiative.whatIf('council');

console.log(alsoReport, score, stage, findings, rows, json, md, html, title, fromFiles, graphs, v);

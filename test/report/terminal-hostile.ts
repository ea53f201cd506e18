/**
 * Text that drives a terminal, and inputs of every human-facing formatter built from it: the
 * data a hostile registry or log can put in front of a reader (ids, record keys, cells quoted
 * in reasons, file names, source lines, messages).
 */
import fc from 'fast-check';
import type { DiffReport, Impact } from '../../src/diff/model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { summarize } from '../../src/model/diagnostic.js';
import type { Evaluation, GapRow, PeriodRef } from '../../src/model/evaluation.js';
import type { CheckReport, RuleInfo } from '../../src/report/check/types.js';
import type { ListInput } from '../../src/report/list/index.js';
import type { EvaluationReport } from '../../src/report/shared/evaluation.js';
import type { QuarterlyReport } from '../../src/report/report/data.js';
import { load } from '../helpers/memory-reader.js';
import { quarterlyReport } from './report/report-fixture.js';

/** What a terminal acts on instead of showing (but the newline): none may reach a reader raw. */
export const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Sequences an attacker would use: retitle, clear, hide, clipboard write, C1 CSI, bidi overrides. */
export const SEQUENCES = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[H',
  '\u001b[8mhidden\u001b[0m',
  '\u001b[1A\u001b[2K',
  '\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u0085',
  '\u202eevil\u202c',
  '\u2066\u2067\u2068\u2069',
  '\u200f\u061c',
  '\r\u001b[K',
  '\u0008\u0008',
  '\t',
  '\u0000',
  '\u007f',
] as const;

/** One piece of hostile text: never empty, so that it is valid wherever the registry needs a value. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SEQUENCES),
      fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x2000, max: 0x206f }).map((c) => String.fromCharCode(c)),
    ),
    { maxLength: 6 },
  )
  .map((parts) => `x${parts.join('')}`);

/** Hostile text with no newline: where the registry needs one line (ids of columns, globs). */
const oneLine = (t: string): string => t.replace(/[\n\r]/g, ' ');

export const hostileTexts: fc.Arbitrary<string[]> = fc.array(hostileText, { minLength: 24, maxLength: 24 });

type Texts = readonly string[];
const pick = (texts: Texts, i: number): string => texts[i % texts.length] ?? 'x';

export function hostileCheckReport(texts: Texts, column: number): CheckReport {
  const file = pick(texts, 0);
  // a source line holds no line break: the file was split into lines
  const line = `  owner: ${oneLine(pick(texts, 1))}\t${oneLine(pick(texts, 2))}`;
  const diagnostics: Diagnostic[] = [
    { rule: 'unknown-ref', severity: 'error', messageId: 'undeclared', data: {}, message: pick(texts, 3), file, line: 1, column: Math.min(column, line.length + 1), endLine: 1, endColumn: Math.min(column + 5, line.length + 1), hint: pick(texts, 4) },
    { rule: pick(texts, 5), severity: 'warning', messageId: 'm', data: {}, message: pick(texts, 6), file, line: 2, column: 1, endLine: 3, endColumn: 2 },
  ];
  return {
    registry: pick(texts, 7),
    pathPrefix: `${pick(texts, 8)}/`,
    files: [file],
    diagnostics,
    summary: summarize(diagnostics),
    lines: new Map([[file, [line, `\t${oneLine(pick(texts, 9))}`]]]),
    rules: [{ id: pick(texts, 10), kind: 'lint', defaultSeverity: 'warning', description: pick(texts, 11) }],
    tool: { name: 'promise', version: '0.0.0' },
    hidden: { errors: 0, warnings: 1, infos: 0 },
  };
}

const Q3: PeriodRef = { kind: 'quarter', key: '2026-Q3', startMs: Date.parse('2026-07-01T00:00:00Z'), endMs: Date.parse('2026-10-01T00:00:00Z') };
const counts = { standards: 2, met: 1, missed: 1, onTrack: 0, atRisk: 0, noData: 0, promises: 2, kept: 0, broken: 1, inProgress: 0, unmeasured: 1, judged: 10, judgedMet: 8, breaches: 2, compliance: 0.8 };

function gapRow(texts: Texts, i: number, average: boolean): GapRow {
  return {
    standard: pick(texts, i),
    promise: pick(texts, i + 1),
    owner: pick(texts, i + 2),
    period: Q3,
    records: 10,
    met: 8,
    breached: 2,
    pending: 1,
    atRisk: 1,
    skipped: 1,
    invalid: 1,
    compliance: 0.8,
    target: 0.95,
    gap: -0.15,
    status: 'missed',
    p50Seconds: average ? undefined : 3600,
    p90Seconds: average ? undefined : 7200,
    pTargetSeconds: average ? undefined : 9000,
    average: average ? 4.2 : undefined,
    credits: { [pick(texts, i + 3)]: 20 },
  };
}

export function hostileEvaluation(texts: Texts): EvaluationReport {
  const t = (i: number) => pick(texts, i);
  const evaluation: Evaluation = {
    asOfMs: Date.parse('2026-11-16T08:00:00Z'),
    breaches: [
      { standard: t(0), promise: t(1), owner: t(2), source: t(3), record: t(4), file: t(5), line: 3, period: t(6), outcome: 'breached', open: false, startMs: Q3.startMs, endMs: Q3.startMs + 7200e3, dueMs: Q3.startMs + 3600e3, elapsedSeconds: 7200, limitSeconds: 3600, overSeconds: 3600, remedy: { action: t(7), credit: 10, currency: t(8) } },
      { standard: t(0), promise: t(1), owner: t(2), source: t(3), record: t(9), file: t(5), line: 4, period: t(6), outcome: 'breached', open: true, startMs: Q3.startMs, endMs: undefined, dueMs: Q3.startMs + 3600e3, elapsedSeconds: undefined, limitSeconds: undefined, overSeconds: 9000, remedy: undefined },
      { standard: t(10), promise: t(1), owner: t(2), source: t(3), record: t(11), file: t(12), line: 5, period: t(6), outcome: 'at_risk', open: true, startMs: Q3.startMs, endMs: undefined, dueMs: undefined, elapsedSeconds: 100, limitSeconds: 120, overSeconds: undefined, remedy: { action: t(13), credit: undefined, currency: undefined } },
    ],
    invalid: [
      { source: t(3), standard: t(0), file: t(5), line: 7, record: t(14), code: 'not-a-timestamp', args: { column: 'opened_at', text: t(15), format: undefined }, period: undefined },
      { source: t(3), standard: undefined, file: t(16), line: 8, record: '', code: 'not-a-number', args: { column: t(17), text: t(17) }, period: '2026-Q3' },
    ],
    duplicates: [{ source: t(3), record: t(18), file: t(5), line: 9, firstFile: t(19), firstLine: 2 }],
    gaps: [gapRow(texts, 0, false), gapRow(texts, 10, true)],
    summaries: [],
    promises: [
      { promise: t(1), owner: t(2), dimension: t(20), period: Q3, status: 'broken', standards: [{ standard: t(0), status: 'missed' }] },
      { promise: t(21), owner: t(2), dimension: t(20), period: undefined, status: 'unmeasured', standards: [] },
    ],
    owners: [{ owner: t(2), period: Q3, ...counts }],
    dimensions: [{ dimension: t(20), period: Q3, ...counts }],
    sources: [{ source: t(3), files: 2, rows: 10, invalid: 2, duplicateKeys: 1, dstGapTimes: 0, dstOverlapTimes: 0, standards: [{ standard: t(0), inPeriods: 10, outOfScope: 0, future: 0, invalidWithoutPeriod: 0, skippedWithoutPeriod: 0 }] }],
    customer: [],
    servqual: [],
  };
  return { registry: t(22), timezone: 'Europe/Berlin', asOfMs: evaluation.asOfMs, periods: undefined, evaluation };
}

/** A registry whose every free value is hostile, loaded as `check` and `list` load one. */
export async function hostileRegistry(texts: Texts): Promise<ListInput['registry']> {
  const q = (i: number) => JSON.stringify(pick(texts, i));
  const col = (i: number) => JSON.stringify(`c${i}${oneLine(pick(texts, i))}`);
  const pattern = JSON.stringify(oneLine(pick(texts, 12)).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
  const yaml = `
owners:
  - { id: team-a, name: ${q(0)}, kind: team, email: team-a@example.com, lead: pers-b }
  - { id: pers-b, name: ${q(2)}, kind: person }
calendars:
  - id: office
    hours: { weekdays: ["09:00-17:00"], sat: "10:00-12:00" }
    holidays: [ { date: 2026-12-24, name: ${q(3)}, hours: "09:00-12:00" } ]
sources:
  - { id: tickets, description: ${q(4)}, files: ${JSON.stringify(`logs/${oneLine(pick(texts, 5))}.csv`)}, key: ${col(6)}, delimiter: ";" }
promises:
  - { id: p-one, statement: ${q(7)}, dimension: reliability, owner: team-a, audience: ${q(8)}, channels: [${q(9)}] }
standards:
  - id: s-duration
    promise: p-one
    source: tickets
    where: { ${col(10)}: ${q(11)}, ${col(13)}: { matches: ${pattern} } }
    measure: { kind: duration, from: ${col(14)}, to: ${col(15)}, within: 1bd, calendar: office }
    target: 95%
    period: quarter
    remedy: { action: ${q(16)}, credit: 5, currency: EUR }
  - id: s-deadline
    promise: p-one
    source: tickets
    measure: { kind: deadline, done: ${col(17)}, due: ${col(18)} }
    target: 90%
    period: month
  - id: s-condition
    promise: p-one
    source: tickets
    measure: { kind: condition, at: ${col(19)}, expect: { ${col(20)}: [${q(21)}, ${q(22)}] } }
    target: 80%
    period: quarter
`;
  const { registry, diagnostics } = await load({ 'registry.yaml': yaml });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the hostile registry does not load: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return registry;
}

export function hostileRules(texts: Texts): RuleInfo[] {
  return [
    { id: pick(texts, 0), kind: 'error', defaultSeverity: 'error', description: pick(texts, 1) },
    { id: pick(texts, 2), kind: 'lint', defaultSeverity: 'info', description: pick(texts, 3) },
  ];
}

export function hostileDiff(texts: Texts): DiffReport {
  const t = (i: number) => pick(texts, i);
  const side = { period: t(10), status: 'missed' as const, compliance: 0.5, target: 0.9, records: 4, met: 2, breached: 2, average: undefined };
  const impacts: Impact[] = [
    { standard: t(0), previousId: t(1), periodKind: 'quarter', before: side, after: { ...side, status: 'met' }, newlyBreached: 1, noLongerBreached: 2, unavailable: undefined },
    { standard: t(2), previousId: undefined, periodKind: 'month', before: undefined, after: undefined, newlyBreached: undefined, noLongerBreached: undefined, unavailable: { kind: 'unreadable-log', message: t(11) } },
    { standard: t(3), previousId: undefined, periodKind: 'month', before: undefined, after: undefined, newlyBreached: undefined, noLongerBreached: undefined, unavailable: { kind: 'missing-column', side: 'after', column: t(12), file: t(13) } },
  ];
  return {
    registry: t(4),
    timezone: 'Europe/Berlin',
    revision: t(5),
    commit: `${t(6)}0000000`,
    existedBefore: true,
    asOfMs: Date.parse('2026-11-16T08:00:00Z'),
    changes: [
      { entity: 'standard', id: t(0), previousId: t(1), kind: 'renamed', field: 'id', before: t(1), after: t(0), class: 'neutral', reason: 'renamed', affects: [t(0)] },
      { entity: 'promise', id: t(7), previousId: undefined, kind: 'changed', field: 'statement', before: t(8), after: t(9), class: 'neutral', reason: 'statement', affects: [] },
      { entity: 'standard', id: t(2), previousId: undefined, kind: 'changed', field: t(14), before: t(15), after: t(16), class: 'loosened', reason: 'value-enters-scope', affects: [t(2)] },
      { entity: 'source', id: t(3), previousId: undefined, kind: 'added', field: '', before: undefined, after: t(17), class: 'neutral', reason: 'entity-added', affects: [] },
    ],
    impacts,
  };
}

/** The quarterly report fixture with its free text (names, statements, records, files, reasons) made hostile. */
export function hostileQuarterlyReport(texts: Texts): QuarterlyReport {
  const free = new Set(['registry', 'statement', 'ownerName', 'name', 'title', 'record', 'file', 'text', 'action', 'message', 'measure', 'source']);
  let n = 0;
  const poison = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key !== undefined && free.has(key) ? `${value}${pick(texts, n++)}` : value;
    if (Array.isArray(value)) return value.map((v) => poison(v));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
    return value;
  };
  return poison(quarterlyReport()) as QuarterlyReport;
}

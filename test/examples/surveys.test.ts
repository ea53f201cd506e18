/**
 * The survey exports of the examples (SPEC §6): the same bytes every run, declared by their
 * registries' survey sources, dirty only where the generator says, and answering as the story
 * says: customers whose own case met its standard rate the service higher than those whose
 * case breached it. The figures are computed here from the CSV as written, by plain
 * arithmetic over its rows; whether a case met its standard is decided with the engine's
 * business-day arithmetic on the calendar the registry declares.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  exampleSurveyDirtyCells,
  generateExampleLogs,
  generateExampleSurveys,
  type DirtyCell,
  type ExampleName,
} from '../../scripts/generate-example-logs.js';
import { closeOfBusinessDay, compileCalendar } from '../../src/engine/calendar.js';
import { fsRegistryReader } from '../../src/registry/fs-reader.js';
import { loadRegistry } from '../../src/registry/load.js';
import { fromLocal } from '../../src/time/zone.js';
import { REPO } from '../helpers/cli.js';
import { recordsOf } from './csv-records.js';

const SURVEYED = ['retail-bank', 'airport'] as const satisfies readonly ExampleName[];
const rootOf = (example: ExampleName): string => join(REPO, 'examples', example);
const surveys = new Map(SURVEYED.map((e) => [e, generateExampleSurveys(e)]));
const dirt = new Map(SURVEYED.map((e) => [e, exampleSurveyDirtyCells(e)]));

type Row = Record<string, string>;
interface Table {
  header: string[];
  rows: { file: string; line: number; row: Row }[];
}

/** The records of some CSV files: the header is row 1; `skip` more header rows follow it. */
function tableOf(files: Map<string, string>, matches: (path: string) => boolean, delimiter: string, skip = 0): Table {
  let header: string[] = [];
  const rows: Table['rows'] = [];
  for (const [file, text] of files) {
    if (!matches(file)) continue;
    const [first, ...rest] = recordsOf(text, delimiter);
    header = first?.cells ?? [];
    for (const r of rest.slice(skip)) rows.push({ file, line: r.line, row: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ''])) });
  }
  return { header, rows };
}

/** The survey source a registry declares in surveys.yaml, read as written. */
interface SurveySourceYaml {
  id: string;
  kind: string;
  format?: string;
  files: string;
  key: string;
  at: string;
  period: string;
  scale: [number, number];
  dimensions: Record<string, { expectation?: string[]; perception: string[] }>;
  weights?: Record<string, string>;
  links?: { source: string; column: string };
}
function surveySource(example: ExampleName): SurveySourceYaml {
  const doc = parse(readFileSync(join(rootOf(example), 'surveys.yaml'), 'utf8')) as { sources: SurveySourceYaml[] };
  expect(doc.sources).toHaveLength(1);
  return doc.sources[0] as SurveySourceYaml;
}

const onScale = (cell: string): boolean => /^[1-7]$/.test(cell);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
/** A respondent's mean over the answered items on the scale (empty, out-of-scale and text cells left out). */
function respondentMean(row: Row, columns: readonly string[]): number | undefined {
  const answers = columns.map((c) => row[c] ?? '').filter(onScale).map(Number);
  return answers.length === 0 ? undefined : mean(answers);
}
/** The mean over respondents of their mean on some items, for the responses a test picks. */
function meanOver(rows: readonly Row[], columns: readonly string[]): { n: number; mean: number } {
  const per = rows.map((r) => respondentMean(r, columns)).filter((x): x is number => x !== undefined);
  return { n: per.length, mean: mean(per) };
}
/** Responses with their first occurrence only (the repeated key is a dirty cell). */
function firstOfEachKey(rows: readonly Row[], key: string): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r[key] ?? '') && seen.add(r[key] ?? '') !== undefined);
}

/** The means table examples/README.md gives in an example's section: dimension -> its four cells. */
function readmeMeans(example: ExampleName): Map<string, string[]> {
  const text = readFileSync(join(REPO, 'examples', 'README.md'), 'utf8');
  const section = text.slice(text.indexOf(`\n## ${example}:`), text.indexOf('\n## ', text.indexOf(`\n## ${example}:`) + 1));
  const out = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| (reliability|responsiveness|assurance|empathy|tangibles) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/.exec(line);
    if (m !== null) out.set(m[1] ?? '', [m[2], m[3], m[4], m[5]].map((c) => (c ?? '').trim()));
  }
  return out;
}

/** The four means per dimension as the README writes them (two decimals; a dimension without expectation items says so). */
function meansTable(source: SurveySourceYaml, met: readonly Row[], breached: readonly Row[]): Map<string, string[]> {
  const cell = (rows: readonly Row[], columns: readonly string[] | undefined): string => (columns === undefined ? '(not asked)' : meanOver(rows, columns).mean.toFixed(2));
  return new Map(
    Object.entries(source.dimensions).map(([d, { expectation, perception }]) => [d, [cell(met, perception), cell(breached, perception), cell(met, expectation), cell(breached, expectation)]]),
  );
}

describe('the generated survey exports', () => {
  it.each(SURVEYED)('%s: the same bytes on every run, and on disk as generated', (example) => {
    const first = surveys.get(example) ?? new Map<string, string>();
    expect(first.size).toBeGreaterThan(0);
    expect([...generateExampleSurveys(example)]).toEqual([...first]);
    const onDisk = readdirSync(join(rootOf(example), 'surveys')).filter((f) => f.endsWith('.csv')).sort();
    expect(onDisk.map((f) => `surveys/${f}`)).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(readFileSync(join(rootOf(example), path), 'utf8'), path).toBe(text);
  });

  it('field-service has no survey', () => {
    expect(generateExampleSurveys('field-service').size).toBe(0);
    expect(exampleSurveyDirtyCells('field-service')).toEqual([]);
  });

  it('the same bytes on every machine: pinned digests (update them, and examples/README.md, when the generator changes on purpose)', () => {
    const digest = (example: ExampleName): string => {
      const hash = createHash('sha256');
      for (const [path, text] of surveys.get(example as (typeof SURVEYED)[number]) ?? []) hash.update(`${path}\n${text}\n`);
      return hash.digest('hex').slice(0, 16);
    };
    expect(Object.fromEntries(SURVEYED.map((e) => [e, digest(e)]))).toEqual({
      'retail-bank': '631be57c68f8c38f',
      airport: '38c057b7ed133ee1',
    });
  });

  it.each(SURVEYED)('%s: the survey source names columns the export has, files it matches and a log source it links to', (example) => {
    const source = surveySource(example);
    expect(source.kind).toBe('survey');
    const files = surveys.get(example) ?? new Map<string, string>();
    const matches = picomatch(source.files);
    expect([...files.keys()].every((f) => matches(f)), source.files).toBe(true);
    const { header, rows } = tableOf(files, matches, ',', source.format === 'qualtrics' ? 2 : 0);
    const named = [
      source.key,
      source.at,
      ...Object.values(source.dimensions).flatMap((d) => [...(d.expectation ?? []), ...d.perception]),
      ...Object.values(source.weights ?? {}),
      ...(source.links === undefined ? [] : [source.links.column]),
    ];
    for (const column of named) expect(header, column).toContain(column);
    expect(Object.keys(source.dimensions).sort()).toEqual(['assurance', 'empathy', 'reliability', 'responsiveness', 'tangibles']);
    expect(source.scale).toEqual([1, 7]);
    const logs = parse(readFileSync(join(rootOf(example), 'sources.yaml'), 'utf8')) as { sources: { id: string; key: string }[] };
    const target = logs.sources.find((s) => s.id === source.links?.source);
    expect(target, 'the linked source').toBeDefined();
    expect(rows.length).toBeGreaterThan(250);
  });
});

describe('retail-bank: the SERVQUAL questionnaire after a complaint', () => {
  const source = surveySource('retail-bank');
  const files = surveys.get('retail-bank') ?? new Map<string, string>();
  const { header, rows } = tableOf(files, picomatch(source.files), ',');
  const dirty = dirt.get('retail-bank') ?? [];
  const items = Object.values(source.dimensions).flatMap((d) => [...(d.expectation ?? []), ...d.perception]);
  const weights = Object.values(source.weights ?? {});
  const dirtyAt = new Set(dirty.map((d) => `${d.file}:${d.line}:${d.column}`));

  it('22 expectation and 22 perception items, five weights, the case linked', () => {
    expect(header).toEqual(['response_id', 'submitted_at', 'case_id', ...Array.from({ length: 22 }, (_, i) => `E${i + 1}`), ...Array.from({ length: 22 }, (_, i) => `P${i + 1}`), 'W1', 'W2', 'W3', 'W4', 'W5']);
    expect(source.dimensions.reliability).toEqual({ expectation: ['E1', 'E2', 'E3', 'E4', 'E5'], perception: ['P1', 'P2', 'P3', 'P4', 'P5'] });
    expect(source.links).toEqual({ source: 'crm-cases', column: 'case_id' });
  });

  it('every dirty cell is where the list says, and is dirty in the way it says', () => {
    expect(dirty.map((d) => d.kind).sort()).toEqual(['duplicate-key', 'non-numeric', 'non-numeric', 'out-of-scale', 'out-of-scale', 'weights-not-100']);
    for (const cell of dirty) {
      const where = `${cell.file}:${cell.line}`;
      expect(cell.source, where).toBe('servqual-complaints');
      const found = rows.find((r) => r.file === cell.file && r.line === cell.line);
      expect(found, where).toBeDefined();
      const row = found?.row ?? {};
      expect(row.response_id, where).toBe(cell.record);
      expect(row[cell.column], where).toBe(cell.value);
      checkDirt(cell, row, rows.map((r) => r.row), weights);
    }
  });

  it('apart from the dirty cells, every answer is empty or on the scale, weights add up to 100, keys are unique', () => {
    for (const { file, line, row } of rows) {
      const clean = (c: string): boolean => !dirtyAt.has(`${file}:${line}:${c}`);
      for (const c of items) if (clean(c)) expect(row[c], `${file}:${line} ${c}`).toMatch(/^([1-7])?$/);
      if (weights.every(clean)) {
        const answered = weights.filter((w) => row[w] !== '');
        if (answered.length > 0) expect(weights.reduce((s, w) => s + Number(row[w]), 0), `${file}:${line}`).toBe(100);
      }
      expect(row.submitted_at, `${file}:${line}`).toMatch(/^2026-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    expect(new Set(rows.map((r) => r.row.response_id)).size).toBe(rows.length - 1);
  });

  it('answers follow the customer\'s own case: reliability perceived at least 0.8 points lower when it breached complaint-resolution, expectations not', async () => {
    const { registry } = await loadRegistry(fsRegistryReader(rootOf('retail-bank')), rootOf('retail-bank'));
    const calendar = registry.calendars.find((c) => c.id === 'branch-hours');
    expect(calendar).toBeDefined();
    const cal = compileCalendar(calendar as NonNullable<typeof calendar>);
    // complaint-resolution as standards.yaml writes it: received_at -> resolved_at within 5bd on branch-hours.
    const standard = registry.standards.find((s) => s.id === 'complaint-resolution');
    expect(standard?.measure).toMatchObject({ kind: 'duration', from: 'received_at', to: 'resolved_at', calendar: 'branch-hours' });
    const crmTime = (text: string): number | undefined => {
      const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text);
      return m === null ? undefined : fromLocal('Europe/Berlin', Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), 0, 0)?.getTime();
    };
    const cases = tableOf(generateExampleLogs('retail-bank'), picomatch('logs/crm-cases-*.csv'), ';').rows;
    const caseById = new Map(cases.map((c) => [c.row.case_id, c.row]));
    const met: Row[] = [];
    const breached: Row[] = [];
    for (const response of firstOfEachKey(rows.map((r) => r.row), 'response_id')) {
      const c = caseById.get(response.case_id ?? '');
      expect(c, response.case_id).toBeDefined();
      expect(c?.type).toBe('complaint');
      const received = crmTime(c?.received_at ?? '');
      const resolved = crmTime(c?.resolved_at ?? '');
      expect(received !== undefined && resolved !== undefined && resolved >= received, response.case_id).toBe(true);
      // Submitted at least a day after the case was closed (local time, read in the registry zone).
      const s = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(response.submitted_at ?? '');
      const submitted = s === null ? undefined : fromLocal('Europe/Berlin', Number(s[1]), Number(s[2]), Number(s[3]), Number(s[4]), Number(s[5]), Number(s[6]), 0)?.getTime();
      expect((submitted ?? 0) - (resolved ?? 0), response.response_id).toBeGreaterThanOrEqual(86_400_000);
      ((resolved ?? 0) <= closeOfBusinessDay(cal, received ?? 0, 5) ? met : breached).push(response);
    }
    expect(met.length).toBeGreaterThan(100);
    expect(breached.length).toBeGreaterThan(30);
    expect(readmeMeans('retail-bank')).toEqual(meansTable(source, met, breached));
    const reliability = { met: meanOver(met, source.dimensions.reliability?.perception ?? []), breached: meanOver(breached, source.dimensions.reliability?.perception ?? []) };
    expect(reliability.met.mean - reliability.breached.mean).toBeGreaterThanOrEqual(0.8);
    expect(reliability.met.mean - reliability.breached.mean).toBeLessThanOrEqual(2);
    const responsiveness = meanOver(met, source.dimensions.responsiveness?.perception ?? []).mean - meanOver(breached, source.dimensions.responsiveness?.perception ?? []).mean;
    expect(responsiveness).toBeGreaterThanOrEqual(0.8);
    // What customers expect does not depend on how their case went; tangibles are perceived near it either way.
    const expectation = meanOver(met, source.dimensions.reliability?.expectation ?? []).mean - meanOver(breached, source.dimensions.reliability?.expectation ?? []).mean;
    expect(Math.abs(expectation)).toBeLessThan(0.3);
    expect(meanOver(met, source.dimensions.reliability?.expectation ?? []).mean).toBeGreaterThan(5.8);
    const tangibles = meanOver(met, source.dimensions.tangibles?.perception ?? []).mean - meanOver(breached, source.dimensions.tangibles?.perception ?? []).mean;
    expect(Math.abs(tangibles)).toBeLessThan(0.4);
  });
});

describe('airport: the assistance survey in Qualtrics layout', () => {
  const source = surveySource('airport');
  const files = surveys.get('airport') ?? new Map<string, string>();
  const text = files.get('surveys/assistance-survey.csv') ?? '';
  const { rows } = tableOf(files, picomatch(source.files), ',', 2);

  it('exactly three header rows (column ids, question texts, import ids); the records start on line 4', () => {
    expect(source.format).toBe('qualtrics');
    const records = recordsOf(text, ',');
    const [ids, texts, importIds, first] = records;
    expect(ids?.line).toBe(1);
    expect(ids?.cells.slice(0, 10)).toEqual(['StartDate', 'EndDate', 'Status', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'DistributionChannel', 'UserLanguage']);
    expect(texts?.line).toBe(2);
    expect(texts?.cells[ids?.cells.indexOf('ResponseId') ?? -1]).toBe('Response ID');
    expect(texts?.cells[ids?.cells.indexOf('Q2_7') ?? -1]).toMatch(/ - Staff give you prompt service$/);
    expect(importIds?.line).toBe(3);
    const parsed = (importIds?.cells ?? []).map((c) => JSON.parse(c) as { ImportId: string; timeZone?: string });
    expect(parsed[ids?.cells.indexOf('Q1_1') ?? -1]).toEqual({ ImportId: 'QID1_1' });
    expect(parsed[ids?.cells.indexOf('RecordedDate') ?? -1]).toEqual({ ImportId: 'recordedDate', timeZone: 'Europe/London' });
    expect(parsed.every((p) => typeof p.ImportId === 'string')).toBe(true);
    expect(first?.line).toBe(4);
    expect(first?.cells[ids?.cells.indexOf('ResponseId') ?? -1]).toMatch(/^R_[A-Za-z0-9]{15}$/);
    // No record after line 3 is a header row again; a comment with a line break takes two lines of
    // the file, and the next record's line is the file's real line.
    let line = 4;
    for (const r of records.slice(3)) {
      expect(r.line).toBe(line);
      expect(r.cells[ids?.cells.indexOf('ResponseId') ?? -1]).toMatch(/^R_[A-Za-z0-9]{15}$/);
      line += 1 + r.cells.join('').split('\n').length - 1;
    }
    expect(records.slice(3).some((r) => r.cells.some((c) => c.includes('\n')))).toBe(true);
    expect(rows).toHaveLength(records.length - 3);
  });

  it('tangibles perception-only (SERVPERF), answers on the scale, unique ids, partial responses stopped part-way', () => {
    expect(source.dimensions.tangibles).toEqual({ perception: ['Q2_19', 'Q2_20', 'Q2_21', 'Q2_22'] });
    const items = Object.values(source.dimensions).flatMap((d) => [...(d.expectation ?? []), ...d.perception]);
    for (const { line, row } of rows) {
      for (const c of items) expect(row[c], `line ${line} ${c}`).toMatch(/^([1-7])?$/);
      expect(row.RecordedDate, `line ${line}`).toMatch(/^2026-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(['0', '1']).toContain(row.Finished);
      if (row.Finished === '1') expect(row.Progress).toBe('100');
    }
    expect(new Set(rows.map((r) => r.row.ResponseId)).size).toBe(rows.length);
    expect(rows.some((r) => r.row.Finished === '0' && r.row.Q2_22 === '')).toBe(true);
    expect(dirt.get('airport')).toEqual([]);
  });

  it('answers follow the passenger\'s own request: empathy (the promise\'s dimension) perceived at least 0.8 points lower when it breached the assistance standard', () => {
    const requests = tableOf(generateExampleLogs('airport'), picomatch('logs/special-assistance.csv'), ',').rows;
    const byId = new Map(requests.map((r) => [r.row.request_id, r.row]));
    const met: Row[] = [];
    const breached: Row[] = [];
    for (const response of rows.map((r) => r.row)) {
      const request = byId.get(response.request_id);
      expect(request, response.request_id).toBeDefined();
      const r = request ?? {};
      // assistance-pre-booked (10m) and assistance-not-booked (25m), less the minutes paused at the passenger's request.
      const elapsed = Date.parse(r.assisted_at ?? '') - Date.parse(r.requested_at ?? '') - Number(r.waiting_on_passenger_min) * 60_000;
      expect(Number.isFinite(elapsed), response.request_id).toBe(true);
      (elapsed <= (r.pre_notified === 'yes' ? 10 : 25) * 60_000 ? met : breached).push(response);
    }
    expect(breached.length).toBeGreaterThan(20);
    expect(readmeMeans('airport')).toEqual(meansTable(source, met, breached));
    const empathy = meanOver(met, source.dimensions.empathy?.perception ?? []).mean - meanOver(breached, source.dimensions.empathy?.perception ?? []).mean;
    expect(empathy).toBeGreaterThanOrEqual(0.8);
    const expectation = meanOver(met, source.dimensions.empathy?.expectation ?? []).mean - meanOver(breached, source.dimensions.empathy?.expectation ?? []).mean;
    expect(Math.abs(expectation)).toBeLessThan(0.3);
  });
});

/** A dirty survey cell is dirty in the way its kind says. */
function checkDirt(cell: DirtyCell, row: Row, all: readonly Row[], weights: readonly string[]): void {
  const where = `${cell.file}:${cell.line}`;
  switch (cell.kind) {
    case 'out-of-scale':
      expect(cell.value, where).toMatch(/^\d+$/);
      expect(onScale(cell.value), where).toBe(false);
      break;
    case 'non-numeric':
      expect(cell.value, where).not.toMatch(/^-?\d+(\.\d+)?$/);
      break;
    case 'weights-not-100':
      expect(weights, where).toContain(cell.column);
      expect(weights.reduce((s, w) => s + Number(row[w]), 0), where).toBe(90);
      break;
    case 'duplicate-key':
      expect(all.filter((r) => r.response_id === cell.record), where).toHaveLength(2);
      break;
    default:
      throw new Error(`${where}: ${cell.kind} is not a survey's dirt`);
  }
}

describe('examples/README.md on the surveys', () => {
  const readme = readFileSync(join(REPO, 'examples', 'README.md'), 'utf8').split('\n');

  it('gives each survey its row count and each dirty cell its kind, column, value and line', () => {
    const counted = readme.flatMap((line) => {
      const m = /^\| `([a-z-]+)` \| `surveys\/[^|]+ \| ([\d,]+) \|/.exec(line);
      return m === null ? [] : [`${m[1]} ${(m[2] ?? '').replace(/,/g, '')}`];
    });
    const expectedCounts = SURVEYED.map((e) => {
      const source = surveySource(e);
      return `${source.id} ${tableOf(surveys.get(e) ?? new Map<string, string>(), picomatch(source.files), ',', source.format === 'qualtrics' ? 2 : 0).rows.length}`;
    });
    expect(counted.sort()).toEqual(expectedCounts.sort());
    const KINDS: [RegExp, string][] = [
      [/^repeated response/, 'duplicate-key'],
      [/^not a number$/, 'non-numeric'],
      [/^weights that add up to 90$/, 'weights-not-100'],
      [/^outside the 1-7 scale$/, 'out-of-scale'],
    ];
    const documented = readme.flatMap((line) => {
      const m = /^\| `([a-z-]+)` \| ([^|]+?) \| `([A-Za-z0-9_]+)` \| (\d+) \| `([^`]+)`[^|]* \| `(surveys\/[^`]+):(\d+)` \|$/.exec(line);
      if (m === null) return [];
      return [`${m[1]} ${KINDS.find(([re]) => re.test(m[2] ?? ''))?.[1]} ${m[3]} ${m[4]} ${m[5]} ${m[6]}:${m[7]}`];
    });
    const expected = SURVEYED.flatMap((e) => dirt.get(e) ?? []).map((d) => `${d.source} ${d.kind} ${d.column} 1 ${d.value} ${d.file}:${d.line}`);
    expect(documented.sort()).toEqual(expected.sort());
  });
});

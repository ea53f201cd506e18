/**
 * The three example registries: clean under `promise check` with their generated logs, made of
 * every part of the format between them, and logs that are the same bytes every time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_CALENDARS,
  EXAMPLES,
  EXAMPLES_AS_OF,
  exampleDirtyCells,
  generateExampleLogs,
  type ExampleName,
} from '../../scripts/generate-example-logs.js';
import { openingHours } from '../../scripts/example-logs/opening-hours.js';
import { instant, type LocalDate } from '../../scripts/example-logs/time.js';
import type { Condition } from '../../src/registry/condition.js';
import { fsRegistryReader } from '../../src/registry/fs-reader.js';
import { loadRegistry } from '../../src/registry/load.js';
import type { Registry, Source, Standard } from '../../src/registry/model.js';
import { isDuration } from '../../src/registry/schema.js';
import { parseIsoTimestamp } from '../../src/logs/timestamp.js';
import { fromLocal } from '../../src/time/zone.js';
import { AS_OF, promise, REPO } from '../helpers/cli.js';
import { recordsOf } from './csv-records.js';

interface CheckJson {
  diagnostics: { rule: string; severity: string; file: string; line: number; column: number }[];
  summary: { errors: number; warnings: number; infos: number };
}

const rootOf = (example: ExampleName): string => join(REPO, 'examples', example);

/** Each example's logs and dirt, generated once for the tests that only read them. */
const generated = new Map(EXAMPLES.map((e) => [e, { logs: generateExampleLogs(e), dirty: exampleDirtyCells(e) }]));
const logsOf = (example: ExampleName): Map<string, string> => generated.get(example)?.logs ?? new Map<string, string>();

/** Each example loaded with the project's own loader, as every command loads it. */
const loaded = Promise.all(EXAMPLES.map((e) => loadRegistry(fsRegistryReader(rootOf(e)), rootOf(e))));
const registries = loaded.then((list) => new Map(EXAMPLES.map((e, i) => [e, list[i]?.registry as Registry])));
const allStandards = async () => [...(await registries).values()].flatMap((r) => r.standards);

/** Every node of a condition tree. */
function nodes(condition: Condition | undefined): Condition[] {
  if (condition === undefined) return [];
  switch (condition.kind) {
    case 'all':
    case 'any':
      return [condition, ...condition.items.flatMap(nodes)];
    case 'not':
      return [condition, ...nodes(condition.item)];
    case 'test':
      return [condition];
  }
}

describe('promise check on the examples', () => {
  it.each(EXAMPLES.filter((e) => e !== 'airport'))('%s has no finding at all, logs and their columns included', (example) => {
    const r = promise(['check', '--registry', `examples/${example}`, '--as-of', AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as CheckJson;
    expect(body.diagnostics).toEqual([]);
    expect(body.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('airport has one finding: the promise it leaves unmeasured on purpose (the standards gap)', () => {
    const r = promise(['check', '--registry', 'examples/airport', '--as-of', AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as CheckJson;
    expect(body.diagnostics.map(({ rule, severity, file, line, column }) => ({ rule, severity, file, line, column }))).toEqual([
      { rule: 'unmeasured-promise', severity: 'warning', file: 'terminal.yaml', line: 23, column: 9 },
    ]);
    expect(body.summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
  });

  it('uses the as-of the generator ends the logs at', () => {
    expect(EXAMPLES_AS_OF).toBe(AS_OF);
  });
});

describe('the examples cover the format', () => {
  it('load without a single diagnostic', async () => {
    for (const { diagnostics } of await loaded) expect(diagnostics).toEqual([]);
  });

  it('every measure kind, and each kind with its options', async () => {
    const standards = await allStandards();
    expect(new Set(standards.map((s) => s.measure.kind))).toEqual(new Set(['duration', 'deadline', 'condition', 'average', 'nps']));
    const durations = standards.flatMap((s) => (s.measure.kind === 'duration' ? [s.measure] : []));
    const limits = durations.flatMap((m) => (isDuration(m.within) ? [{ m, d: m.within }] : Object.values(m.within).map((d) => ({ m, d }))));
    // wall-clock, open hours on a calendar, business days on a calendar
    expect(limits.some(({ m, d }) => m.calendar === undefined && d.kind === 'time')).toBe(true);
    expect(limits.some(({ m, d }) => m.calendar !== undefined && d.kind === 'time')).toBe(true);
    expect(limits.some(({ m, d }) => m.calendar !== undefined && d.kind === 'business-days')).toBe(true);
    const perMaps = durations.filter((m) => m.per !== undefined && !isDuration(m.within));
    expect(perMaps.some((m) => m.calendar !== undefined && 'default' in m.within)).toBe(true);
    expect(perMaps.some((m) => m.calendar === undefined && 'default' in m.within)).toBe(true);
    expect(durations.some((m) => m.paused !== undefined)).toBe(true);
    const deadlines = standards.flatMap((s) => (s.measure.kind === 'deadline' ? [s.measure] : []));
    expect(deadlines.some((m) => m.grace !== undefined && m.start !== undefined && m.due_is_date !== true)).toBe(true);
    expect(deadlines.some((m) => m.due_is_date === true)).toBe(true);
    const averages = standards.flatMap((s) => (s.measure.kind === 'average' ? [s.measure] : []));
    expect(averages.some((m) => m.at_least !== undefined)).toBe(true);
    expect(averages.some((m) => m.at_most !== undefined)).toBe(true);
  });

  it('conditions with any, all, not and most operators, in where and in expect', async () => {
    const standards = await allStandards();
    const expects = standards.flatMap((s) => (s.measure.kind === 'condition' ? nodes(s.measure.expect) : []));
    const all = [...standards.flatMap((s) => nodes(s.where)), ...expects];
    const kinds = new Set(all.map((n) => n.kind));
    expect(kinds).toEqual(new Set(['all', 'any', 'not', 'test']));
    for (const kind of ['all', 'any', 'not'] as const) expect(expects.some((n) => n.kind === kind)).toBe(true);
    const ops = new Set(all.flatMap((n) => (n.kind === 'test' ? [n.test.op] : [])));
    expect([...ops].sort()).toEqual(['empty', 'eq', 'gt', 'gte', 'in', 'matches', 'ne', 'not_in']);
  });

  it('all five SERVQUAL dimensions', async () => {
    const promises = [...(await registries).values()].flatMap((r) => r.promises);
    expect(new Set(promises.map((p) => p.dimension))).toEqual(new Set(['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles']));
  });

  it('calendars with holidays, shortened days and a Saturday', async () => {
    const calendars = [...(await registries).values()].flatMap((r) => r.calendars);
    expect(calendars.every((c) => c.holidays.size > 0)).toBe(true);
    const holidays = calendars.flatMap((c) => [...c.holidays.values()]);
    expect(holidays.some((h) => h.hours.length === 0)).toBe(true);
    expect(holidays.some((h) => h.date === '2026-12-24' && h.hours.length > 0)).toBe(true);
    expect(calendars.some((c) => (c.week[5] ?? []).length > 0)).toBe(true);
  });

  it('remedies with credits in more than one currency, owners with leads, warn_at, reviews still ahead', async () => {
    const all = [...(await registries).values()];
    const standards = all.flatMap((r) => r.standards);
    expect(new Set(standards.flatMap((s) => (s.remedy?.credit !== undefined ? [s.remedy.currency] : []))).size).toBeGreaterThanOrEqual(2);
    expect(standards.some((s) => s.warn_at !== undefined)).toBe(true);
    expect(standards.some((s) => !s.ownerInherited)).toBe(true);
    for (const registry of all) {
      expect(registry.owners.some((o) => o.lead !== undefined)).toBe(true);
      for (const p of registry.promises) expect(p.review_by ?? '', p.id).toMatch(/^20\d\d-\d\d-\d\d$/);
      for (const p of registry.promises) expect((p.review_by ?? '') > EXAMPLES_AS_OF.slice(0, 10), p.id).toBe(true);
    }
    const airport = (await registries).get('airport');
    expect(airport?.settings.fiscalYearStart).toBe(4);
  });

  it('every file names its JSON Schema for the editor: the settings file, one collection, or several', async () => {
    for (const [example, registry] of await registries) {
      expect(registry.files.size, example).toBeGreaterThanOrEqual(4);
      for (const path of registry.files.keys()) {
        const text = readFileSync(join(rootOf(example), path), 'utf8');
        const collections = ['owners', 'calendars', 'sources', 'promises', 'standards'].filter((c) => new RegExp(`^${c}:`, 'm').test(text));
        const kind = path === 'promise.yaml' ? 'promise' : collections.length === 1 ? collections[0] : 'registry-file';
        expect(text.split('\n')[0], `${example}/${path}`).toBe(`# yaml-language-server: $schema=../../schemas/${kind}.schema.json`);
      }
    }
  });

  it('the logs are made on the calendars the registries declare', async () => {
    for (const [example, registry] of await registries) {
      const made = EXAMPLE_CALENDARS[example].map(openingHours);
      expect(made.map((c) => c.id).sort(), example).toEqual(registry.calendars.map((c) => c.id).sort());
      for (const calendar of made) {
        const declared = registry.calendars.find((c) => c.id === calendar.id);
        expect(declared?.timezone).toBe(calendar.timezone);
        expect(declared?.week).toEqual(calendar.week);
        expect(new Map([...(declared?.holidays ?? [])].map(([date, h]) => [date, h.hours]))).toEqual(calendar.holidays);
      }
    }
  });
});

/** The sources whose files are delivery logs: a survey (SPEC §6 `kind: survey`) is tested in surveys.test.ts. */
const logSources = (registry: Registry): Source[] => registry.sources.filter((s) => !('kind' in s) || s.kind !== 'survey');

interface Table {
  source: Source;
  /** every data record of the source's files, with its file and line */
  rows: { file: string; line: number; row: Record<string, string> }[];
}

/** A source's generated files, found with its own `files` globs, as records. */
function tableOf(logs: Map<string, string>, source: Source): Table {
  const matches = picomatch(source.files);
  const rows: Table['rows'] = [];
  for (const [file, text] of logs) {
    if (!matches(file)) continue;
    const [header, ...records] = recordsOf(text, source.delimiter ?? ',');
    for (const r of records) rows.push({ file, line: r.line, row: Object.fromEntries((header?.cells ?? []).map((h, i) => [h, r.cells[i] ?? ''])) });
  }
  return { source, rows };
}

/** A timestamp cell as its source reads it: ISO 8601, or the bank CRM's `dd.MM.yyyy HH:mm`. */
function instantOf(source: Source, text: string): number | undefined {
  if (source.timestamp_format !== undefined) {
    expect(source.timestamp_format).toBe('dd.MM.yyyy HH:mm');
    const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text);
    if (m === null) return undefined;
    text = `${m[3]}-${m[2]}-${m[1]} ${m[4]}:${m[5]}`;
  }
  const r = parseIsoTimestamp(text, source.timezone);
  return r.ok ? r.date.getTime() : undefined;
}

/**
 * Whether a record is in a standard's scope: a small reading of SPEC §1 conditions, enough
 * for the examples' `where`s. A number that does not parse leaves it undecided (undefined).
 */
function holds(condition: Condition | undefined, row: Record<string, string>): boolean | undefined {
  if (condition === undefined) return true;
  switch (condition.kind) {
    case 'all': {
      for (const item of condition.items) {
        const r = holds(item, row);
        if (r !== true) return r;
      }
      return true;
    }
    case 'any': {
      for (const item of condition.items) {
        const r = holds(item, row);
        if (r !== false) return r;
      }
      return false;
    }
    case 'not': {
      const r = holds(condition.item, row);
      return r === undefined ? undefined : !r;
    }
    case 'test': {
      const cell = row[condition.column] ?? '';
      const t = condition.test;
      switch (t.op) {
        case 'eq':
          return cell === t.value;
        case 'ne':
          return cell !== t.value;
        case 'in':
          return t.values.includes(cell);
        case 'not_in':
          return !t.values.includes(cell);
        case 'matches':
          return RE2JS.compile(t.pattern).test(cell);
        case 'empty':
          return (cell === '') === t.value;
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte': {
          if (!/^-?\d+(\.\d+)?$/.test(cell)) return undefined;
          const n = Number(cell);
          return t.op === 'gt' ? n > t.value : t.op === 'gte' ? n >= t.value : t.op === 'lt' ? n < t.value : n <= t.value;
        }
      }
    }
  }
}

/** SPEC §2 `skipped`: nothing to judge, so nothing on the record is read. */
function skipped(standard: Standard, row: Record<string, string>): boolean {
  const m = standard.measure;
  switch (m.kind) {
    case 'deadline':
      return row[m.due] === '';
    case 'average':
    case 'nps':
      return row[m.of] === '';
    case 'condition':
      return nodes(m.expect).every((n) => n.kind !== 'test' || row[n.column] === '');
    case 'duration':
      return false;
  }
}

/** Every column a standard reads: its measure's, its conditions'. */
function columnsRead(standard: Standard): string[] {
  const m = standard.measure;
  const conditions = [standard.where, m.kind === 'condition' ? m.expect : undefined].flatMap(nodes).flatMap((n) => (n.kind === 'test' ? [n.column] : []));
  const measure =
    m.kind === 'duration' ? [m.from, m.to, m.paused, m.per] : m.kind === 'deadline' ? [m.start, m.due, m.done] : m.kind === 'average' || m.kind === 'nps' ? [m.at, m.of] : [m.at];
  return [...measure.filter((c): c is string => c !== undefined), ...conditions];
}

/** The column that dates a record for a standard, and the one that ends it (when it has one). */
function columnsOf(standard: Standard): { start: string; end: string | undefined } {
  const m = standard.measure;
  switch (m.kind) {
    case 'duration':
      return { start: m.from, end: m.to };
    case 'deadline':
      return { start: m.start ?? m.due, end: m.done };
    case 'condition':
    case 'average':
    case 'nps':
      return { start: m.at, end: undefined };
  }
}

describe('the generated logs', () => {
  it.each(EXAMPLES)('%s: the same bytes on every run, and on disk as generated', (example) => {
    const first = logsOf(example);
    const second = generateExampleLogs(example);
    expect([...second]).toEqual([...first]);
    const onDisk = readdirSync(join(rootOf(example), 'logs')).filter((f) => f.endsWith('.csv')).sort();
    expect(onDisk.map((f) => `logs/${f}`)).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(readFileSync(join(rootOf(example), path), 'utf8'), path).toBe(text);
  });

  it('the same bytes on every machine: pinned digests (update them, and examples/README.md, when the generator changes on purpose)', () => {
    const digest = (example: ExampleName): string => {
      const hash = createHash('sha256');
      for (const [path, text] of logsOf(example)) hash.update(`${path}\n${text}\n`);
      return hash.digest('hex').slice(0, 16);
    };
    expect(Object.fromEntries(EXAMPLES.map((e) => [e, digest(e)]))).toEqual({
      'retail-bank': 'aef052752cc7e3ea',
      airport: '9f0d7b67d7e6139a',
      'field-service': '938ea8460264da58',
    });
  });

  it.each(EXAMPLES)('%s: logs from 2026-01-01 to the as-of, a few thousand rows per source, the newest still open', async (example) => {
    const registry = (await registries).get(example) as Registry;
    const logs = logsOf(example);
    let bytes = 0;
    for (const text of logs.values()) bytes += Buffer.byteLength(text);
    expect(bytes).toBeLessThan(2.5e6);
    const asOf = Date.parse(EXAMPLES_AS_OF);
    for (const source of logSources(registry)) {
      const { rows } = tableOf(logs, source);
      expect(rows.length, source.id).toBeGreaterThan(1500);
      expect(rows.length, source.id).toBeLessThan(12_000);
      const standards = registry.standards.filter((s) => s.source === source.id);
      const { start, end } = columnsOf(standards.find((s) => columnsOf(s).end !== undefined) ?? (standards[0] as Standard));
      const starts = rows.map((r) => instantOf(source, r.row[start] ?? '')).filter((t): t is number => t !== undefined);
      expect(Math.min(...starts), source.id).toBeGreaterThanOrEqual(Date.parse('2025-12-31T00:00:00Z'));
      expect(Math.min(...starts), source.id).toBeLessThan(Date.parse('2026-01-08T00:00:00Z'));
      if (source.id === 'visits') expect(Math.max(...starts)).toBeGreaterThan(asOf); // visits booked for the days ahead
      else expect(Math.max(...starts), source.id).toBeLessThan(asOf);
      expect(Math.max(...starts.filter((t) => t < asOf)), source.id).toBeGreaterThan(asOf - 2 * 86_400_000);
      // Minutes-long allowances (bags, assistance) are rarely open at 08:00 on a Monday; the rest always are.
      const short = standards.every((s) => s.measure.kind === 'duration' && isDuration(s.measure.within) && s.measure.within.kind === 'time' && s.measure.within.seconds < 3600);
      if (end !== undefined && !short) {
        const open = rows.filter((r) => r.row[end] === '' && (instantOf(source, r.row[start] ?? '') ?? Infinity) < asOf);
        expect(open.length, `${source.id}: open records`).toBeGreaterThan(0);
      }
    }
  });

  it.each(EXAMPLES)('%s: every dirty cell is where the manifest says, and is dirty in the way it says', async (example) => {
    const registry = (await registries).get(example) as Registry;
    const logs = logsOf(example);
    const dirty = generated.get(example)?.dirty ?? [];
    expect(dirty.filter((d) => d.kind === 'duplicate-key')).toHaveLength(1);
    for (const source of logSources(registry)) {
      const cells = dirty.filter((d) => d.source === source.id);
      const { rows } = tableOf(logs, source);
      // Sparingly: about half a percent of the rows, never more than one in a hundred.
      expect(cells.length, source.id).toBeGreaterThan(0);
      expect(cells.length / rows.length, source.id).toBeLessThanOrEqual(0.01);
      for (const cell of cells) {
        const where = `${cell.file}:${cell.line}`;
        const found = rows.find((r) => r.file === cell.file && r.line === cell.line);
        expect(found, where).toBeDefined();
        const row = found?.row ?? {};
        expect(row[source.key], where).toBe(cell.record);
        expect(row[cell.column], where).toBe(cell.value);
        // Each dirty cell sits on a record some standard reads it for: in scope, or with a scope that cannot be decided.
        if (cell.kind !== 'duplicate-key') {
          const readers = registry.standards.filter((s) => s.source === source.id && columnsRead(s).includes(cell.column));
          expect(readers.some((s) => holds(s.where, row) !== false && !skipped(s, row)), `${where} ${cell.column}`).toBe(true);
        }
        switch (cell.kind) {
          case 'empty-start':
            expect(cell.value).toBe('');
            expect(registry.standards.some((s) => s.source === source.id && columnsOf(s).start === cell.column), where).toBe(true);
            break;
          case 'unparseable-timestamp':
            expect(instantOf(source, cell.value), where).toBeUndefined();
            break;
          case 'non-numeric':
            expect(cell.value, where).not.toMatch(/^-?\d+(\.\d+)?$/);
            break;
          case 'end-before-start': {
            const standard = registry.standards.find((s) => s.source === source.id && columnsOf(s).end === cell.column);
            expect(standard, where).toBeDefined();
            const start = instantOf(source, row[columnsOf(standard as Standard).start] ?? '');
            const end = instantOf(source, cell.value);
            expect(start !== undefined && end !== undefined && end < start, where).toBe(true);
            break;
          }
          case 'duplicate-key':
            expect(rows.filter((r) => r.row[source.key] === cell.record), where).toHaveLength(2);
            break;
        }
      }
      // Apart from the one on purpose, keys are unique.
      const keys = new Set(rows.map((r) => r.row[source.key]));
      expect(keys.size, source.id).toBe(rows.length - cells.filter((c) => c.kind === 'duplicate-key').length);
    }
  });

  it('every kind of dirt appears across the examples', () => {
    const kinds = new Set(EXAMPLES.flatMap((e) => (generated.get(e)?.dirty ?? []).map((d) => d.kind)));
    expect([...kinds].sort()).toEqual(['duplicate-key', 'empty-start', 'end-before-start', 'non-numeric', 'unparseable-timestamp']);
  });

  it.each(EXAMPLES)('%s: apart from the dirty cells, every cell a standard reads is clean', async (example) => {
    const registry = (await registries).get(example) as Registry;
    const logs = logsOf(example);
    const dirty = new Set((generated.get(example)?.dirty ?? []).map((d) => `${d.file}:${d.line}:${d.column}`));
    for (const source of logSources(registry)) {
      const { rows } = tableOf(logs, source);
      const standards = registry.standards.filter((s) => s.source === source.id);
      const numeric = new Set(
        standards.flatMap((s) => [
          ...[s.where, s.measure.kind === 'condition' ? s.measure.expect : undefined].flatMap(nodes).flatMap((n) => (n.kind === 'test' && ['gt', 'gte', 'lt', 'lte'].includes(n.test.op) ? [n.column] : [])),
          ...(s.measure.kind === 'average' ? [s.measure.of] : []),
          ...(s.measure.kind === 'duration' && s.measure.paused !== undefined ? [s.measure.paused] : []),
        ]),
      );
      for (const { file, line, row } of rows) {
        const clean = (column: string): boolean => !dirty.has(`${file}:${line}:${column}`);
        for (const column of numeric) {
          if (clean(column)) expect(row[column], `${file}:${line} ${column}`).toMatch(/^(-?\d+(\.\d+)?)?$/);
        }
        for (const standard of standards) {
          const { start, end } = columnsOf(standard);
          if (!clean(start) || holds(standard.where, row) !== true) continue;
          const from = instantOf(source, row[start] ?? '');
          expect(from, `${file}:${line} ${start}`).toBeDefined();
          if (end === undefined || !clean(end) || row[end] === '') continue;
          const to = instantOf(source, row[end] ?? '');
          expect(to !== undefined && from !== undefined && to >= from, `${file}:${line} ${start} -> ${end}`).toBe(true);
        }
      }
    }
  });

  it('examples/README.md gives each log its row count and each group of dirty cells its count and first location', async () => {
    const readme = readFileSync(join(REPO, 'examples', 'README.md'), 'utf8').split('\n');
    const KINDS: [RegExp, string][] = [
      [/^empty start$/, 'empty-start'],
      [/^timestamp that does not parse$/, 'unparseable-timestamp'],
      [/^end before start$/, 'end-before-start'],
      [/^not a number/, 'non-numeric'],
      [/^duplicate key$/, 'duplicate-key'],
    ];
    const documented = readme.flatMap((line) => {
      const m = /^\| `([a-z-]+)` \| ([^|]+?) \| `([a-z_]+)`[^|]* \| (\d+) \| [^|]+ \| `(logs\/[^`]+):(\d+)` \|$/.exec(line);
      if (m === null) return [];
      const kind = KINDS.find(([re]) => re.test(m[2] ?? ''))?.[1];
      return [`${m[1]} ${kind} ${m[3]} ${m[4]} ${m[5]}:${m[6]}`];
    });
    const rows = readme.flatMap((line) => {
      const m = /^\| `([a-z-]+)` \| `logs\/[^|]+ \| ([\d,]+) \|/.exec(line);
      return m === null ? [] : [`${m[1]} ${(m[2] ?? '').replace(/,/g, '')}`];
    });
    const expected: string[] = [];
    const expectedRows: string[] = [];
    for (const example of EXAMPLES) {
      const registry = (await registries).get(example) as Registry;
      for (const source of logSources(registry)) expectedRows.push(`${source.id} ${tableOf(logsOf(example), source).rows.length}`);
      const groups = new Map<string, { count: number; first: string }>();
      for (const d of generated.get(example)?.dirty ?? []) {
        const key = `${d.source} ${d.kind} ${d.column}`;
        const group = groups.get(key);
        if (group === undefined) groups.set(key, { count: 1, first: `${d.file}:${d.line}` });
        else group.count++;
      }
      for (const [key, { count, first }] of groups) expected.push(`${key} ${count} ${first}`);
    }
    expect(documented.sort()).toEqual(expected.sort());
    expect(rows.sort()).toEqual(expectedRows.sort());
  });

  it('free text as exports write it: quoted delimiters, doubled quotes, a line break inside a cell', () => {
    const texts = EXAMPLES.flatMap((e) => [...logsOf(e).values()]);
    expect(texts.some((t) => /"[^"\n]*""[^"\n]*""/.test(t))).toBe(true);
    expect(texts.some((t) => /;"[^"]*;[^"]*"(;|\r?\n)/.test(t))).toBe(true);
    expect(texts.some((t) => /,"[^"]*,[^"]*"(,|\n)/.test(t))).toBe(true);
    expect(texts.some((t) => /"[^"]*\n[^"]*"/.test(t))).toBe(true);
  });

  it('local times written without an offset read back as the instants the generator meant', () => {
    // The generator converts wall-clock times itself (for speed); it must agree with the reader.
    for (const zone of ['Europe/Berlin', 'Europe/London', 'America/Chicago']) {
      for (const iso of ['2026-01-05', '2026-03-08', '2026-03-29', '2026-07-01', '2026-10-25', '2026-11-01']) {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const date: LocalDate = { y, m, d };
        for (let minute = 0; minute < 1440; minute += 7) {
          const expected = fromLocal(zone, y, m, d, Math.floor(minute / 60), minute % 60, 0, 0);
          if (expected !== undefined) expect(instant(zone, date, minute), `${zone} ${iso} ${minute}`).toBe(expected.getTime());
        }
      }
    }
  });
});

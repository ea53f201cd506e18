import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import { evaluate } from '../helpers/evaluate.js';

const FILES = {
  'owners.yaml': 'owners:\n  - { id: support, name: Support, kind: team }\n',
  'calendars.yaml': 'calendars:\n  - id: office\n    hours: { weekdays: ["09:00-12:30", "13:30-17:00"], sat: "10:00-14:00" }\n    holidays: [2026-10-03, { date: 2026-12-24, hours: "09:00-12:00" }]\n',
  'sources.yaml': 'sources:\n  - { id: tickets, files: logs/*.csv, key: id }\n',
  'promises.yaml': 'promises:\n  - { id: p, statement: We help., dimension: responsiveness, owner: support }\n',
  'standards.yaml': `standards:
  - { id: wall, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, within: 8h }, target: 90%, period: week, warn_at: 50% }
  - { id: open-time, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, within: 6h, calendar: office, paused: waited }, target: 80%, period: month }
  - { id: next-day, promise: p, source: tickets, where: { channel: email }, measure: { kind: duration, from: opened, to: closed, within: 1bd, calendar: office }, target: 95%, period: quarter }
  - { id: by-priority, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, per: priority, within: { P1: 2h, P2: 1d } }, target: 90%, period: month }
  - { id: on-time, promise: p, source: tickets, measure: { kind: deadline, start: opened, done: closed, due: due, grace: 30m }, target: 90%, period: month }
  - { id: rated, promise: p, source: tickets, measure: { kind: condition, at: opened, expect: { csat: { gte: 4 } } }, target: 80%, period: quarter }
  - { id: mean, promise: p, source: tickets, measure: { kind: average, at: opened, of: csat, at_least: 3.5 }, period: month }
`,
};

const HEADER = 'id,opened,closed,due,waited,channel,priority,csat';
const AS_OF = '2026-12-28T12:00:00Z';
const BASE = Date.parse('2026-09-01T00:00:00Z');

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A row with every kind of cell a real export has: empty, bad, early, late, open. */
const rowArb = fc
  .record({
    opened: fc.integer({ min: 0, max: 130 * 24 * 60 }),
    took: fc.option(fc.integer({ min: -60, max: 5 * 24 * 60 }), { nil: undefined }),
    due: fc.option(fc.integer({ min: 0, max: 4 * 24 * 60 }), { nil: undefined }),
    dateOnlyDue: fc.boolean(),
    waited: fc.constantFrom('', '0', '15', '90', 'n/a'),
    channel: fc.constantFrom('email', 'phone', ''),
    priority: fc.constantFrom('P1', 'P2', 'P3', ''),
    csat: fc.constantFrom('', '1', '3', '4', '5', 'x'),
    broken: fc.constantFrom('', '', '', '', '', '', '', '', 'start', 'end'),
  })
  .map((r) => {
    const opened = BASE + r.opened * 60_000;
    const closed = r.took === undefined ? '' : iso(opened + r.took * 60_000);
    const due = r.due === undefined ? '' : r.dateOnlyDue ? iso(opened + r.due * 60_000).slice(0, 10) : iso(opened + r.due * 60_000);
    return [r.broken === 'start' ? 'yesterday' : iso(opened), r.broken === 'end' ? '31/12/2026' : closed, due, r.waited, r.channel, r.priority, r.csat];
  });

/** What must not depend on file or row order: every count, and the set of breaches and invalid records. */
function canonical(e: Evaluation) {
  return {
    gaps: e.gaps,
    promises: e.promises,
    breaches: e.breaches.map((b) => `${b.standard} ${b.record} ${b.outcome} ${b.overSeconds}`).sort(),
    invalid: e.invalid.map((i) => `${i.standard} ${i.record} ${i.code} ${JSON.stringify(i.args)}`).sort(),
    accounts: e.sources.map((s) => ({ rows: s.rows, invalid: s.invalid, standards: s.standards })),
  };
}

describe('evaluation invariants', () => {
  it("a record's outcome does not depend on which file or row order it came in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer(), async (cells, files, seed) => {
        const rows = cells.map((c, i) => [`T${i}`, ...c].join(','));
        const one = await evaluate({ files: FILES, logs: { tickets: [HEADER, ...rows].join('\n') }, asOf: AS_OF });
        // shuffle deterministically from the seed, then deal the rows over several files
        const shuffled = rows.map((r, i) => ({ r, k: Math.sin(seed + i * 7919) })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const parts: string[][] = Array.from({ length: files }, () => []);
        shuffled.forEach((r, i) => parts[i % files]?.push(r));
        const many = await evaluate({ files: FILES, logs: { tickets: parts.map((p) => [HEADER, ...p].join('\n')) }, asOf: AS_OF, batch: 3 });
        expect(canonical(many)).toEqual(canonical(one));
      }),
      { numRuns: 60 },
    );
  });

  it('every row is accounted for by every standard (SPEC §3 sources)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 0, maxLength: 80 }), async (cells) => {
        const rows = cells.map((c, i) => [`T${i}`, ...c].join(','));
        const e = await evaluate({ files: FILES, logs: { tickets: [HEADER, ...rows].join('\n') }, asOf: AS_OF });
        const source = e.sources[0];
        expect(source?.rows).toBe(rows.length);
        for (const a of source?.standards ?? []) {
          expect(a.inPeriods + a.outOfScope + a.future + a.invalidWithoutPeriod + a.skippedWithoutPeriod).toBe(rows.length);
          // SPEC §2: an average's records are the values it counted; its skipped and invalid records are in scope too
          const inRows = e.gaps.filter((g) => g.standard === a.standard).reduce((n, g) => n + g.records + (g.met === undefined ? g.skipped + g.invalid : 0), 0);
          expect(inRows).toBe(a.inPeriods);
        }
        for (const g of e.gaps) {
          if (g.met === undefined || g.breached === undefined) {
            // an average: no record is judged on its own
            expect([g.compliance, g.target, g.breached]).toEqual([undefined, undefined, undefined]);
            continue;
          }
          expect(g.met + g.breached + g.pending + g.skipped + g.invalid).toBe(g.records);
          expect(g.atRisk).toBeLessThanOrEqual(g.pending);
          if (g.compliance !== undefined) expect(g.compliance).toBeCloseTo(g.met / (g.met + g.breached), 12);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a log read in parts', () => {
  it('merged in order, gives what the whole log gives', async () => {
    const { load } = await import('../helpers/memory-reader.js');
    const { Evaluator } = await import('../../src/engine/evaluate.js');
    const { createTimestampReader } = await import('../../src/logs/timestamp-reader.js');
    const { rowsOf } = await import('../helpers/evaluate.js');
    const { registry } = await load(FILES);
    const source = registry.sources[0];
    if (source === undefined) throw new Error('no source');
    const options = { asOfMs: Date.parse(AS_OF), timezone: registry.settings.timezone, fiscalYearStart: 1, breaches: true, atRisk: true, within: undefined, alsoBy: 'quarter' as const, details: true };
    const scope = { sources: registry.sources, standards: registry.standards, calendars: registry.calendars, promises: registry.promises };
    const reader = () => createTimestampReader(source.timezone, source.timestamp_format);
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 79 }), { maxLength: 4 }), async (cells, cutsAt) => {
        // keys out of order now and then (T10 sorts before T2), so some runs need a pass over the keys
        // and every seventh row repeats a key
        const { header, rows } = rowsOf([HEADER, ...cells.map((c, i) => [i % 7 === 6 ? 'T1' : `T${i}`, ...c].join(','))].join('\n'));
        const whole = new Evaluator(scope, options);
        whole.source(source.id, reader()).file('logs/t.csv', header).push(rows);
        const expected = whole.finish();

        // parts as a worker reads them: the first from line 1 (the header), the rest counting their own lines from 1
        const cuts = [...new Set(cutsAt.filter((c) => c < rows.length))].sort((a, b) => a - b);
        const bounds = [0, ...cuts, rows.length];
        const merged = new Evaluator(scope, options);
        const run = merged.source(source.id, reader());
        run.countFile();
        let base = 1;
        const keys = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          const part = rows.slice(bounds[k], bounds[k + 1]);
          const shift = k === 0 ? 0 : (part[0]?.line ?? 1) - 1;
          const worker = new Evaluator(scope, { ...options, keyOrderOnly: true });
          const w = worker.source(source.id, reader());
          w.file('logs/t.csv', header).push(part.map((r) => ({ ...r, line: r.line - shift })));
          const state = w.state();
          run.merge(state, base);
          keys.push(state.keys);
          const next = k + 2 < bounds.length ? (rows[bounds[k + 1] as number]?.line ?? 0) : 0;
          base = next;
        }
        run.keysFromParts(keys);
        const ascending = rows.every((r, i) => i === 0 || (r.cells[0] as string) > (rows[i - 1]?.cells[0] as string));
        expect(run.needsKeyPass()).toBe(!ascending);
        while (run.needsKeyPass()) run.keyPass()('logs/t.csv', header)(rows);
        const got = merged.finish();
        expect(got.gaps).toEqual(expected.gaps);
        expect(got.summaries).toEqual(expected.summaries);
        expect(got.promises).toEqual(expected.promises);
        expect(got.breaches).toEqual(expected.breaches);
        expect(got.invalid).toEqual(expected.invalid);
        expect(got.sources).toEqual(expected.sources);
        expect(got.duplicates).toEqual(expected.duplicates);
      }),
      { numRuns: 60 },
    );
  });
});

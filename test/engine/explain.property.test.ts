/**
 * `promise explain` asks the engine's own `classify`: for random standards of every kind and
 * random rows, what it reports of each record (outcome, period, start, end, due, elapsed, limit,
 * over, the reason of an invalid one) is what the evaluation counted and listed for that row.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import { explainRecord, type RecordExplanation } from '../../src/run/explain.js';
import { evaluate } from '../helpers/evaluate.js';
import { load } from '../helpers/memory-reader.js';
import { tempDir } from '../helpers/cli.js';

const BASE = {
  'owners.yaml': 'owners:\n  - { id: support, name: Support, kind: team }\n',
  'calendars.yaml':
    'calendars:\n  - id: office\n    hours: { weekdays: ["09:00-12:30", "13:30-17:00"], sat: "10:00-14:00" }\n    holidays: [{ date: 2026-10-03, name: Unity Day }, { date: 2026-10-26 }, { date: 2026-12-24, hours: "09:00-12:00" }]\n',
  'sources.yaml': 'sources:\n  - { id: tickets, files: logs/*.csv, key: id }\n',
  'promises.yaml': 'promises:\n  - { id: p, statement: We help., dimension: responsiveness, owner: support }\n',
};

const HEADER = 'id,opened,closed,due,waited,channel,priority,csat';
const AS_OF = '2026-12-28T12:00:00Z';
const BASE_MS = Date.parse('2026-09-01T00:00:00Z');

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** local times without an offset, some in the autumn overlap or on a holiday */
const local = (ms: number) => iso(ms).replace('T', ' ').replace('Z', '');

const rowArb = fc
  .record({
    opened: fc.integer({ min: 0, max: 130 * 24 * 60 }),
    took: fc.option(fc.integer({ min: -60, max: 6 * 24 * 60 }), { nil: undefined }),
    due: fc.option(fc.integer({ min: -30, max: 5 * 24 * 60 }), { nil: undefined }),
    dateOnlyDue: fc.boolean(),
    localTimes: fc.boolean(),
    waited: fc.constantFrom('', '0', '15', '90', 'n/a', '1e999'),
    channel: fc.constantFrom('email', 'phone', ''),
    priority: fc.constantFrom('P1', 'P2', 'P3', ''),
    csat: fc.constantFrom('', '1', '3', '4', '5', 'x', '1e999'),
    broken: fc.constantFrom('', '', '', '', '', '', '', 'start', 'end', 'empty-start'),
  })
  .map((r) => {
    const t = r.localTimes ? local : iso;
    const opened = BASE_MS + r.opened * 60_000;
    const closed = r.took === undefined ? '' : t(opened + r.took * 60_000);
    const due = r.due === undefined ? '' : r.dateOnlyDue ? iso(opened + r.due * 60_000).slice(0, 10) : t(opened + r.due * 60_000);
    const start = r.broken === 'start' ? 'yesterday' : r.broken === 'empty-start' ? '' : t(opened);
    return [start, r.broken === 'end' ? '31/12/2026' : closed, due, r.waited, r.channel, r.priority, r.csat];
  });

const whereArb = fc.constantFrom('', 'where: { channel: email }, ', 'where: { any: [{ channel: phone }, { csat: { gte: 4 } }] }, ', 'where: { priority: [P1, P2] }, ');

/** One standard of any kind, with or without a calendar, a per map, a where. */
const standardArb = fc.oneof(
  fc.record({ where: whereArb, within: fc.constantFrom('30m', '4h', '8h', '2d'), warn: fc.constantFrom('', ', warn_at: 50%') }).map(
    (s) => `{ id: s, promise: p, source: tickets, ${s.where}measure: { kind: duration, from: opened, to: closed, within: ${s.within} }, target: 90%, period: week${s.warn} }`,
  ),
  fc.record({ where: whereArb, within: fc.constantFrom('2h', '6h', '12h', '0bd', '1bd', '3bd'), paused: fc.boolean() }).map(
    (s) => `{ id: s, promise: p, source: tickets, ${s.where}measure: { kind: duration, from: opened, to: closed, within: ${s.within}, calendar: office${s.paused ? ', paused: waited' : ''} }, target: 80%, period: month, warn_at: 75% }`,
  ),
  fc.record({ where: whereArb, fallback: fc.constantFrom('', ', default: 1bd'), calendar: fc.boolean() }).map(
    (s) =>
      `{ id: s, promise: p, source: tickets, ${s.where}measure: { kind: duration, from: opened, to: closed, per: priority, within: { P1: 2h, P2: ${s.calendar ? '6h' : '1d'}${s.calendar ? s.fallback : s.fallback.replace('1bd', '3d')} }${s.calendar ? ', calendar: office' : ''} }, target: 90%, period: month }`,
  ),
  fc.record({ where: whereArb, start: fc.boolean(), grace: fc.constantFrom('', ', grace: 30m'), byDate: fc.boolean() }).map(
    (s) =>
      `{ id: s, promise: p, source: tickets, ${s.where}measure: { kind: deadline, ${s.start ? 'start: opened, ' : ''}done: closed, due: due${s.grace}${s.byDate ? ', due_is_date: true' : ''} }, target: 90%, period: quarter, warn_at: 50% }`,
  ),
  whereArb.map((w) => `{ id: s, promise: p, source: tickets, ${w}measure: { kind: condition, at: opened, expect: { csat: { gte: 4 } } }, target: 80%, period: quarter }`),
  whereArb.map((w) => `{ id: s, promise: p, source: tickets, ${w}measure: { kind: average, at: opened, of: csat, at_least: 3.5 }, period: month }`),
);

/** What the evaluation says of one record, in the terms explain uses. */
function engineView(e: Evaluation, record: string) {
  const breach = e.breaches.find((b) => b.record === record);
  const invalid = e.invalid.find((i) => i.record === record);
  return { breach, invalid };
}

describe('explain and the engine', () => {
  it('report the same outcome, period, due, elapsed and over for every record', async () => {
    const dir = tempDir('promise-explain-');
    mkdirSync(join(dir, 'logs'));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(standardArb, fc.array(rowArb, { minLength: 1, maxLength: 30 }), async (standard, cells) => {
        const files = { ...BASE, 'standards.yaml': `standards:\n  - ${standard}\n` };
        const text = [HEADER, ...cells.map((c, i) => [`T${i}`, ...c].join(','))].join('\n');
        const e = await evaluate({ files, logs: { tickets: text }, asOf: AS_OF, options: { atRisk: true } });
        const abs = join(dir, 'logs', `tickets-${run++}.csv`);
        writeFileSync(abs, `${text}\n`);
        const { registry } = await load(files);
        const asOfMs = Date.parse(AS_OF);
        const explained: RecordExplanation[] = [];
        for (let i = 0; i < cells.length; i++) {
          const found = await explainRecord({ registry, standard: 's', record: `T${i}`, asOfMs, files: new Map([['tickets', { files: [{ abs, display: 'logs/tickets-1.csv' }] }]]) });
          expect(found).toHaveLength(1);
          explained.push(found[0] as RecordExplanation);
        }
        // every record: listed by both as a breach with the same figures, or by neither
        for (const x of explained) {
          const { breach, invalid } = engineView(e, x.record);
          if (breach !== undefined) {
            expect({ outcome: x.outcome, period: x.period, start: x.startMs, end: x.endMs, due: x.dueMs, elapsed: x.elapsedSeconds, limit: x.limitSeconds, over: x.overSeconds, line: x.line }).toEqual({
              outcome: breach.outcome,
              period: breach.period,
              start: breach.startMs,
              end: breach.endMs,
              due: breach.dueMs,
              elapsed: breach.elapsedSeconds,
              limit: breach.limitSeconds,
              over: breach.overSeconds,
              line: breach.line,
            });
          } else {
            expect(['breached', 'at_risk']).not.toContain(x.outcome);
          }
          if (invalid !== undefined) {
            expect(x.outcome).toBe('invalid');
            expect({ code: x.reason?.code, args: x.reason?.args, period: x.period }).toEqual({ code: invalid.code, args: invalid.args, period: invalid.period });
          } else {
            expect(x.outcome).not.toBe('invalid');
          }
        }
        // and the counts per period are the explanations' outcomes added up
        for (const g of e.gaps) {
          const here = explained.filter((x) => x.period === g.period.key);
          const count = (...outcomes: string[]) => here.filter((x) => outcomes.includes(x.outcome)).length;
          // an average judges the period: its values are counted, not met
          const average = standard.includes('kind: average');
          expect({ records: here.length, counted: average ? count('counted') : count('met'), breached: count('breached'), pending: count('pending', 'at_risk'), atRisk: count('at_risk'), skipped: count('skipped'), invalid: count('invalid') }).toEqual({
            // SPEC §2: an average's `records` are the values counted; skipped and invalid are beside them
            records: average ? g.records + g.skipped + g.invalid : g.records,
            counted: average ? g.records : g.met,
            breached: average ? 0 : g.breached,
            pending: g.pending,
            atRisk: g.atRisk,
            skipped: g.skipped,
            invalid: g.invalid,
          });
        }
        expect(explained.filter((x) => x.period !== undefined)).toHaveLength(e.gaps.reduce((n, g) => n + g.records + (standard.includes('kind: average') ? g.skipped + g.invalid : 0), 0));
        const account = e.sources[0]?.standards[0];
        expect(explained.filter((x) => x.outcome === 'out_of_scope')).toHaveLength(account?.outOfScope ?? -1);
        expect(explained.filter((x) => x.outcome === 'future')).toHaveLength(account?.future ?? -1);
        expect(explained.filter((x) => x.period === undefined && (x.outcome === 'invalid' || x.outcome === 'skipped'))).toHaveLength((account?.invalidWithoutPeriod ?? 0) + (account?.skippedWithoutPeriod ?? 0));
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});

describe('explain and the engine on an NPS (SPEC §6)', () => {
  it("count each response in the same share: the period's NPS is the explanations' promoters less detractors", async () => {
    const dir = tempDir('promise-explain-nps-');
    mkdirSync(join(dir, 'logs'));
    const files = { ...BASE, 'standards.yaml': 'standards:\n  - { id: s, promise: p, source: tickets, measure: { kind: nps, at: opened, of: likely, at_least: 0 }, period: month }\n' };
    const { registry } = await load(files);
    const asOfMs = Date.parse(AS_OF);
    let run = 0;
    const answerArb = fc.constantFrom('', '0', '3', '6', '7', '8', '9', '10', '7.5', '11', 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 * 24 * 60 }), answerArb), { minLength: 1, maxLength: 40 }), async (rows) => {
        const text = ['id,opened,likely', ...rows.map(([minute, answer], i) => `T${i},${iso(BASE_MS + minute * 60_000)},${answer}`)].join('\n');
        const e = await evaluate({ files, logs: { tickets: text }, asOf: AS_OF });
        const abs = join(dir, 'logs', `tickets-${run++}.csv`);
        writeFileSync(abs, `${text}\n`);
        const explained: RecordExplanation[] = [];
        for (let i = 0; i < rows.length; i++) explained.push(...(await explainRecord({ registry, standard: 's', record: `T${i}`, asOfMs, files: new Map([['tickets', { files: [{ abs, display: 'logs/tickets-1.csv' }] }]]) })));
        for (const g of e.gaps) {
          const categories = explained.filter((x) => x.period === g.period.key && x.outcome === 'counted').map((x) => x.steps.find((s) => s.step === 'nps'));
          const share = (c: string) => categories.filter((s) => s?.step === 'nps' && s.category === c).length;
          expect(categories.length).toBe(g.records);
          if (categories.length === 0) expect(g.average).toBeUndefined();
          else expect(g.average).toBeCloseTo(((share('promoter') - share('detractor')) * 100) / categories.length, 9);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

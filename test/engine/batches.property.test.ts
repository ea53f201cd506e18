/**
 * The evaluation runs each standard over a whole batch of records in turn, with one memo of
 * parsed timestamp cells for the batch (src/engine/row-view.ts). Records one to a batch are
 * judged exactly as they were row by row, so a log read in batches of one must give the very
 * same evaluation as the log read in one batch: every count, list and order, and the local
 * times on a clock change, counted once per cell however many standards read it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../helpers/evaluate.js';

const FILES = {
  'owners.yaml': 'owners:\n  - { id: support, name: Support, kind: team }\n',
  'calendars.yaml': 'calendars:\n  - id: office\n    hours: { weekdays: ["08:00-12:30", "13:00-18:00"], sun: "01:00-04:00" }\n',
  // no offsets in the cells: local times of Europe/Berlin, some on its clock changes
  'sources.yaml': 'sources:\n  - { id: tickets, files: logs/*.csv, key: id }\n',
  'promises.yaml': 'promises:\n  - { id: p, statement: We help., dimension: responsiveness, owner: support }\n',
  'standards.yaml': `standards:
  - { id: a-wall, promise: p, source: tickets, where: { channel: email }, measure: { kind: duration, from: opened, to: closed, within: 2h }, target: 90%, period: month }
  - { id: b-open, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, within: 3h, calendar: office }, target: 80%, period: week }
  - { id: c-map, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, per: priority, within: { P1: 1h, P2: 4h } }, target: 90%, period: month }
  - { id: d-due, promise: p, source: tickets, measure: { kind: deadline, start: opened, done: closed, due: due }, target: 90%, period: month }
  - { id: e-bd, promise: p, source: tickets, where: { channel: phone }, measure: { kind: duration, from: closed, to: due, within: 1bd, calendar: office }, target: 90%, period: quarter }
  - { id: f-rated, promise: p, source: tickets, measure: { kind: condition, at: closed, expect: { csat: { gte: 4 } } }, target: 80%, period: month }
  - { id: g-mean, promise: p, source: tickets, measure: { kind: average, at: due, of: csat, at_least: 3.5 }, period: month }
`,
};

const HEADER = 'id,opened,closed,due,channel,priority,csat';
const AS_OF = '2026-11-20T12:00:00Z';

/** Local times of Berlin around its clock changes (29 March: 02:00-03:00 skipped; 25 October: 02:00-03:00 twice) and elsewhere. */
const localArb = fc
  .record({
    day: fc.constantFrom('2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2026-07-01'),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 59),
  })
  .map(({ day, hour, minute }) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`);

const cellArb = fc.oneof({ weight: 6, arbitrary: localArb }, { weight: 1, arbitrary: fc.constantFrom('', 'soon', '2026-10-25', '2026-03-29T02:30:00Z') });

const rowArb = fc.tuple(localArb, cellArb, cellArb, fc.constantFrom('email', 'phone', ''), fc.constantFrom('P1', 'P2', 'P3'), fc.constantFrom('', '2', '4', '5', 'x'), fc.constantFrom(false, false, false, false, false, false, false, false, false, true));

describe('batches', () => {
  it('a log read one record to a batch gives the same evaluation as the log read whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 50 }), async (rows) => {
        // a broken row (a cell too many) is invalid for every standard and listed once
        const lines = rows.map(([opened, closed, due, channel, priority, csat, broken], i) => [`T${i}`, opened, closed, due, channel, priority, csat, ...(broken ? ['extra'] : [])].join(','));
        const log = [HEADER, ...lines].join('\n');
        const whole = await evaluate({ files: FILES, logs: { tickets: log }, asOf: AS_OF, options: { atRisk: true } });
        const single = await evaluate({ files: FILES, logs: { tickets: log }, asOf: AS_OF, options: { atRisk: true }, batch: 1 });
        expect(single).toEqual(whole);
      }),
      { numRuns: 80 },
    );
  });

  it('counts a local time on a clock change once per cell, however many standards read it', async () => {
    // opened in the gap (read by five standards), closed in the overlap (read by five as a time)
    const log = `${HEADER}\nT1,2026-03-29T02:30:00,2026-10-25T02:30:00,2026-10-26,email,P1,4\nT2,2026-07-01T09:00:00,2026-07-01T10:00:00,2026-07-02,phone,P2,5`;
    for (const batch of [undefined, 1]) {
      const e = await evaluate({ files: FILES, logs: { tickets: log }, asOf: AS_OF, ...(batch === undefined ? {} : { batch }) });
      expect(e.sources[0]).toMatchObject({ rows: 2, dstGapTimes: 1, dstOverlapTimes: 1 });
    }
  });
});

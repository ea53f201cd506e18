/**
 * SPEC §6 `links` through the built-in engine: which responses are compared, which are listed,
 * and how a repeated key of the linked log counts (docs/customer-gap.md).
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import { evaluate } from '../helpers/evaluate.js';

const REGISTRY = {
  'promise.yaml': 'version: 1\nname: Links\ntimezone: UTC\n',
  'owners.yaml': 'owners:\n  - { id: desk, name: Desk, kind: team }\n',
  'promises.yaml': 'promises:\n  - { id: resolve, statement: We resolve every complaint within 5 days., dimension: reliability, owner: desk }\n',
  'sources.yaml': `sources:
  - { id: tickets, files: logs/tickets-*.csv, key: id }
  - id: survey
    kind: survey
    files: logs/survey-*.csv
    key: response
    at: at
    scale: [1, 7]
    dimensions:
      reliability: { expectation: [E1], perception: [P1] }
    links: { source: tickets, column: ticket }
`,
  'standards.yaml': `standards:
  - id: resolution
    promise: resolve
    source: tickets
    where: { channel: { ne: chat } }
    measure: { kind: duration, from: opened, to: resolved, within: 5d }
    target: 90%
    period: quarter
`,
};

// T1 met, T2 breached, T3 pending, T4 invalid (no start), T5 out of scope, T6 met on one row
// and breached on another (a repeated key), T7 in the next quarter, met.
const TICKETS = `id,channel,opened,resolved
T1,email,2026-07-01T09:00:00Z,2026-07-02T09:00:00Z
T2,email,2026-07-01T09:00:00Z,2026-07-20T09:00:00Z
T3,email,2026-09-29T09:00:00Z,
T4,email,,2026-07-02T09:00:00Z
T5,chat,2026-07-01T09:00:00Z,2026-07-02T09:00:00Z
T6,email,2026-08-01T09:00:00Z,2026-08-02T09:00:00Z
T6,email,2026-08-01T09:00:00Z,2026-08-30T09:00:00Z
T7,email,2026-10-01T09:00:00Z,2026-10-02T09:00:00Z
`;

const SURVEY = `response,at,ticket,E1,P1
R1,2026-07-10T10:00:00Z,T1,7,6
R2,2026-07-25T10:00:00Z,T2,7,3
R3,2026-09-30T10:00:00Z,T3,7,5
R4,2026-07-10T10:00:00Z,T4,7,5
R5,2026-07-10T10:00:00Z,T5,7,5
R6,2026-08-31T10:00:00Z,T6,7,4
R7,2026-07-10T10:00:00Z,T9,7,5
R8,2026-07-10T10:00:00Z,,7,5
R9,2026-10-05T10:00:00Z,T7,6,6
`;

const AS_OF = '2026-10-01T00:00:00Z';
const LATER = '2026-10-10T00:00:00Z';

const run = (options: Parameters<typeof evaluate>[0]['options'] = {}, asOf = AS_OF): Promise<Evaluation> =>
  evaluate({ files: REGISTRY, logs: { tickets: TICKETS, survey: SURVEY }, asOf, options });

const findings = (e: Evaluation, source: string): string[] => e.invalid.filter((i) => i.source === source).map((i) => `${i.line} ${i.record} ${i.code}`);

describe('links: a record that is not in the linked log is told from one that is pending, skipped, invalid or out of scope', () => {
  it('lists only the link to no record, with the survey file and line, and counts the response invalid', async () => {
    const e = await run();
    expect(findings(e, 'survey')).toEqual(['7 R6 link-repeated', '8 R7 link-not-found']);
    const missing = e.invalid.find((i) => i.code === 'link-not-found');
    expect(missing).toMatchObject({ source: 'survey', file: 'logs/survey-1.csv', line: 8, record: 'R7', period: '2026-Q3', args: { column: 'ticket', text: 'T9', source: 'tickets' } });
    expect(e.sources.find((s) => s.source === 'survey')).toMatchObject({ rows: 9, invalid: 1 });
  });

  it('still counts the scores of a response whose link names no record: only the comparison leaves it out', async () => {
    const e = await run();
    // R1-R8 are in 2026-Q3 (R9 is after as_of): all eight perceive reliability
    expect(e.customer.find((c) => c.period.key === '2026-Q3')).toMatchObject({ respondents: 8 });
  });
});

describe('links: a key on several rows of the linked log', () => {
  it('compares the response with each judged row, as every occurrence of a repeated key counts (SPEC §2), and notes it', async () => {
    const e = await run();
    // met: R1 (6) and R6 through T6's first row (4); breached: R2 (3) and R6 through T6's second row (4)
    expect(e.customerLinks).toEqual([
      { standard: 'resolution', survey: 'survey', period: expect.objectContaining({ key: '2026-Q3' }), metResponses: 2, metMean: 5, breachedResponses: 2, breachedMean: 3.5, difference: 1.5 },
    ]);
    expect(e.invalid.find((i) => i.code === 'link-repeated')).toMatchObject({ line: 7, record: 'R6', args: { text: 'T6', standard: 'resolution', rows: 2 } });
    // a note: R6 is not an invalid response
    expect(e.sources.find((s) => s.source === 'survey')?.invalid).toBe(1);
  });
});

describe('links with alsoBy (the report\'s periods)', () => {
  it('compares by the record\'s period of that length, and sums the customer gap over those periods too', async () => {
    // by then T3 is an open breach (due 2026-10-04), and T7 (met) and R9 are in
    const e = await run({ alsoBy: 'year' }, LATER);
    expect(e.customerLinks?.map((l) => `${l.period.key} ${l.metResponses}/${l.breachedResponses}`)).toEqual(['2026-Q3 2/3', '2026-Q4 1/0']);
    expect(e.customerLinkSummaries?.map((l) => `${l.period.key} ${l.metResponses}/${l.breachedResponses} ${l.metMean} ${l.breachedMean}`)).toEqual(['2026 3/3 5.333333333333333 4']);
    expect(e.customerSummaries?.map((c) => `${c.period.key} ${c.respondents} ${c.gap}`)).toEqual(['2026 9 -2']);
    expect(e.servqualSummaries?.map((s) => `${s.period.key} ${s.servqual}`)).toEqual(['2026 -2']);
  });

  it('with alsoBy the survey\'s own length, the summaries are its rows', async () => {
    const e = await run({ alsoBy: 'quarter' }, LATER);
    expect(e.customerSummaries).toEqual(e.customer);
    expect(e.servqualSummaries).toEqual(e.servqual);
    expect(e.customerLinkSummaries).toEqual(e.customerLinks);
  });

  it('without alsoBy there are no summaries', async () => {
    const e = await run();
    expect(e.customerSummaries).toBeUndefined();
    expect(e.customerLinkSummaries).toBeUndefined();
  });
});

describe('a survey source that a standard reads too', () => {
  const files = {
    ...REGISTRY,
    'standards.yaml': `${REGISTRY['standards.yaml']}  - id: perceived-reliability
    promise: resolve
    source: survey
    measure: { kind: average, at: at, of: P1, at_least: 5 }
    period: quarter
`,
  };
  const survey = `${SURVEY}R10,,T1,7,x\n`;

  it('is one source in the account: its rows and repeated keys counted once, a row bad for either counted once', async () => {
    const e = await evaluate({ files, logs: { tickets: TICKETS, survey }, asOf: AS_OF });
    const accounts = e.sources.filter((s) => s.source === 'survey');
    expect(accounts).toHaveLength(1);
    // R7 (link to no record) and R10 (no date: invalid for the standard and the survey alike)
    expect(accounts[0]).toMatchObject({ rows: 10, invalid: 2, duplicateKeys: 0, standards: [expect.objectContaining({ standard: 'perceived-reliability' })] });
    expect(e.gaps.find((g) => g.standard === 'perceived-reliability')).toMatchObject({ records: 8, average: 38 / 8 });
  });
});

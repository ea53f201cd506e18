/**
 * examples/boston-311 against the city's own verdict. Every Boston case carries the city's
 * ONTIME / OVERDUE flag; the breach list must match it case by case, in all three extracts,
 * read here from the CSVs themselves and not from anything the tool computes.
 */
import { describe, expect, it } from 'vitest';
import {
  breachesJson,
  dataFile,
  expectEveryRowAccountedFor,
  expectRegistryReadsItsLogs,
  gapsJson,
  gapsMarkdown,
  readCsv,
  type BreachJson,
  type GapsJson,
} from './real-data.js';

/**
 * The three extracts: the source that reads each, its standard, and the columns of its layout.
 * All timestamps are `YYYY-MM-DD HH:MM:SS`, so their text sorts as their time.
 */
const EXTRACTS = [
  {
    source: 'cases-2015-2024',
    standard: 'closed-by-target-2015-2024',
    path: dataFile('boston-311', 'boston311_2015-2024_closed_sample_4995.csv'),
    columns: { id: 'CASE_ENQUIRY_ID', open: 'OPEN_DT', target: 'TARGET_DT', closed: 'CLOSED_DT', verdict: 'OnTime_Status' },
  },
  {
    source: 'cases-2022-01',
    standard: 'closed-by-target-2022-01',
    path: dataFile('boston-311', 'boston311_2022-01_raw_100.csv'),
    columns: { id: 'case_enquiry_id', open: 'open_dt', target: 'target_dt', closed: 'closed_dt', verdict: 'ontime' },
  },
  {
    source: 'open-cases-2025',
    standard: 'street-lights-sidewalks-2025',
    path: dataFile('boston-311', 'boston311_2025_open_sidewalk_streetlight_2424.csv'),
    columns: { id: 'case_enquiry_id', open: 'open_dt', target: 'sla_target_dt', closed: 'closed_dt', verdict: 'on_time' },
  },
] as const;

/**
 * One as-of for all three extracts: 2025-05-19 18:30 on the clock the 2024+ export writes,
 * read in New York time as the registry reads that export (PROVENANCE.md, "Ground-truth
 * check": the 2025 verdicts hold with "now" = 2025-05-19 18:27). The first test below checks
 * from the data that this instant fits every verdict.
 */
const AS_OF = '2025-05-19T18:30:00-04:00';
const AS_OF_CLOCK = '2025-05-19 18:30:00';

/** The one case with an empty flag: closed 383.6 hours after its target (PROVENANCE.md). */
const UNFLAGGED = { source: 'cases-2015-2024', id: '101001856894' };

interface Case {
  source: string;
  standard: string;
  id: string;
  open: string;
  target: string;
  closed: string;
  verdict: string;
}

function readCases(): Case[] {
  return EXTRACTS.flatMap(({ source, standard, path, columns: c }) =>
    readCsv(path).map((row) => ({
      source,
      standard,
      id: (row[c.id] ?? '').trim(),
      open: (row[c.open] ?? '').trim(),
      target: (row[c.target] ?? '').trim(),
      closed: (row[c.closed] ?? '').trim(),
      verdict: (row[c.verdict] ?? '').trim(),
    })),
  );
}

const caseKey = (c: { source: string; id: string }): string => `${c.source} ${c.id}`;
const breachKey = (b: BreachJson): string => `${b.source} ${b.record}`;

describe('examples/boston-311 against the city of Boston\'s own verdict', () => {
  const cases = readCases();
  let breaches: BreachJson[];
  let gaps: GapsJson;
  const breachList = (): BreachJson[] => (breaches ??= breachesJson('boston-311', AS_OF));
  const report = (): GapsJson => (gaps ??= gapsJson('boston-311', AS_OF));

  it('reads the three extracts, in three layouts, and check finds nothing', async () => {
    await expectRegistryReadsItsLogs('boston-311', Object.fromEntries(EXTRACTS.map((e) => [e.source, e.path])));
    expect(EXTRACTS.map((e) => cases.filter((c) => c.source === e.source).length)).toEqual([4_995, 100, 2_424]);
  });

  it('judges at an as-of that every verdict of the data agrees with', () => {
    const ofFile = (source: string) => cases.filter((c) => c.source === source);
    const max = (values: string[]) => values.reduce((a, b) => (b > a ? b : a));
    const min = (values: string[]) => values.reduce((a, b) => (b < a ? b : a));
    // no case opens after it (none is "future"), and every close before it happened by then
    expect(max(cases.map((c) => c.open)) < AS_OF_CLOCK).toBe(true);
    expect(max(cases.filter((c) => c.closed !== '').map((c) => c.closed)) < AS_OF_CLOCK).toBe(true);
    // the 2025 cases are all open: those flagged OVERDUE were due before it, those ONTIME after
    const open2025 = ofFile('open-cases-2025');
    expect(open2025.every((c) => c.closed === '' && c.target !== '')).toBe(true);
    expect(max(open2025.filter((c) => c.verdict === 'OVERDUE').map((c) => c.target))).toBe('2025-05-19 10:09:45');
    expect(min(open2025.filter((c) => c.verdict === 'ONTIME').map((c) => c.target))).toBe('2025-05-20 04:30:00');
    // the open January 2022 cases with a target are all OVERDUE, the latest due 2022-05-20
    const open2022 = ofFile('cases-2022-01').filter((c) => c.closed === '' && c.target !== '');
    expect(open2022.map((c) => c.verdict)).toEqual(Array(12).fill('OVERDUE'));
    expect(max(open2022.map((c) => c.target)) < AS_OF_CLOCK).toBe(true);
  });

  it('lists every OVERDUE case with a target as breached, and no ONTIME case', () => {
    const listed = new Set(breachList().map(breachKey));
    const overdue = cases.filter((c) => c.verdict === 'OVERDUE' && c.target !== '');
    const ontime = cases.filter((c) => c.verdict === 'ONTIME');
    expect(overdue.filter((c) => !listed.has(caseKey(c))).map(caseKey)).toEqual([]);
    expect(ontime.filter((c) => listed.has(caseKey(c))).map(caseKey)).toEqual([]);
    // and nothing else: the breach list is the city's OVERDUE cases plus the unflagged one
    const expected = [...overdue.map(caseKey), caseKey(UNFLAGGED)].sort();
    expect([...listed].sort()).toEqual(expected);
    expect([overdue.length, ontime.length]).toEqual([474 + 5 + 12 + 2_268, 3_809 + 711 + 72 + 8 + 3 + 156]);
    expect(breachList().every((b) => b.outcome === 'breached')).toBe(true);
  });

  it('breaches the one case the city left unflagged: closed 383.6 hours after its target', () => {
    const flagged = cases.filter((c) => c.verdict === '');
    expect(flagged.map(caseKey)).toEqual([caseKey(UNFLAGGED)]);
    const b = breachList().find((x) => breachKey(x) === caseKey(UNFLAGGED));
    // target 2016-08-28 06:50:00, closed 2016-09-13 06:25:32: 16 days less 24 min 28 s
    expect(b).toMatchObject({ standard: 'closed-by-target-2015-2024', outcome: 'breached', open: false, over_seconds: 16 * 86_400 - (24 * 60 + 28) });
  });

  it('skips every case without a target (no promise was made) and never counts it as met', () => {
    for (const e of EXTRACTS) {
      const mine = cases.filter((c) => c.source === e.source);
      const rows = report().standards.filter((g) => g.standard === e.standard);
      const sum = (field: 'met' | 'pending' | 'skipped' | 'invalid') => rows.reduce((n, g) => n + g[field], 0);
      // the city flags a case without a target ONTIME; here it is skipped
      expect(sum('skipped'), e.source).toBe(mine.filter((c) => c.target === '').length);
      // met and pending are exactly the ONTIME cases with a target, closed and open
      expect(sum('met'), e.source).toBe(mine.filter((c) => c.verdict === 'ONTIME' && c.target !== '' && c.closed !== '').length);
      expect(sum('pending'), e.source).toBe(mine.filter((c) => c.verdict === 'ONTIME' && c.target !== '' && c.closed === '').length);
      expect(sum('invalid'), e.source).toBe(0);
    }
    expect(report().standards.reduce((n, g) => n + g.skipped, 0)).toBe(711 + 8 + 3);
  });

  it('accounts for every case of the three extracts', () => {
    expect(report().sources.map((s) => [s.source, s.rows, s.invalid])).toEqual([
      ['cases-2015-2024', 4_995, 0],
      ['cases-2022-01', 100, 0],
      ['open-cases-2025', 2_424, 0],
    ]);
    expectEveryRowAccountedFor(report());
  });

  it('prints the gap report as in the golden file', async () => {
    await expect(gapsMarkdown('boston-311', AS_OF)).toMatchFileSnapshot('__golden__/boston-311.gaps.md');
  });
});

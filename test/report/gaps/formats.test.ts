/**
 * The gap report's formats on one hand-built evaluation: an average row as SPEC §2 pins it
 * (mean against bound; met, breached, compliance and target null), a duration on a calendar
 * (open time in hours) and one on the wall clock.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Evaluation, GapRow, PeriodRef } from '../../../src/model/evaluation.js';
import { GAPS_FORMATS } from '../../../src/report/gaps/index.js';
import type { EvaluationReport } from '../../../src/report/shared/evaluation.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const Q3: PeriodRef = { kind: 'quarter', key: '2026-Q3', startMs: Date.parse('2026-06-30T22:00:00Z'), endMs: Date.parse('2026-09-30T22:00:00Z') };

const base = {
  promise: 'p',
  owner: 'desk',
  period: Q3,
  pending: 0,
  atRisk: 0,
  skipped: 0,
  invalid: 0,
  p50Seconds: undefined,
  p90Seconds: undefined,
  pTargetSeconds: undefined,
  average: undefined,
  credits: {},
} satisfies Partial<GapRow>;

const rows: GapRow[] = [
  { ...base, standard: 'advice-rating', records: 488, skipped: 31, met: undefined, breached: undefined, compliance: undefined, target: undefined, gap: 0.1, status: 'met', average: 4.3, bound: { op: '≥', value: 4.2 } },
  { ...base, standard: 'complaint-resolution', records: 50, met: 47, breached: 3, compliance: 0.94, target: 0.95, gap: -0.01, status: 'missed', p50Seconds: 65_580, p90Seconds: 148_740, pTargetSeconds: 170_760, clock: 'open' },
  { ...base, standard: 'inquiry-first-reply', records: 999, met: 923, breached: 74, compliance: 923 / 997, target: 0.9, gap: 923 / 997 - 0.9, status: 'met', p50Seconds: 9_540, p90Seconds: 73_380, pTargetSeconds: 170_760, clock: 'wall' },
];

const evaluation: Evaluation = {
  asOfMs: Date.parse('2026-11-16T08:00:00Z'),
  breaches: [],
  invalid: [],
  duplicates: [],
  gaps: rows,
  summaries: [],
  promises: [],
  owners: [],
  dimensions: [],
  sources: [],
  customer: [],
  servqual: [],
};
const report: EvaluationReport = { registry: 'Bank', timezone: 'Europe/Berlin', asOfMs: evaluation.asOfMs, periods: undefined, evaluation };
const options = { chalk: new Chalk({ level: 0 }), width: 200 };
const line = (text: string, id: string): string => text.split(/\r?\n/).find((l) => l.includes(id)) ?? '';

describe('gaps formats: an average reads as its mean against its bound', () => {
  it('table: mean 4.30 against ≥ 4.2, a gap in the mean’s units, no compliance, nothing met or breached', () => {
    const row = line(GAPS_FORMATS.table(report, options), 'advice-rating');
    expect(row).toMatch(/mean 4\.30\s.*≥ 4\.2\s.*\+0\.10/);
    expect(row).not.toMatch(/%/);
  });

  it('md matches the golden file', async () => {
    const md = GAPS_FORMATS.md(report, options);
    expect(line(md, 'advice-rating')).toBe('| advice-rating | 2026-Q3 | 488 | – | – | 0 | 31 | 0 | mean 4.30 | ≥ 4.2 | +0.10 | met |  |  |  |');
    await expect(md).toMatchFileSnapshot(golden('gaps.md'));
  });

  it('csv and json leave met, breached, compliance and target empty (null) for an average', async () => {
    const csv = GAPS_FORMATS.csv(report, options);
    expect(line(csv, 'advice-rating')).toBe('advice-rating,p,desk,2026-Q3,488,,,0,0,31,0,,,0.1,met,,,,4.3,');
    await expect(csv).toMatchFileSnapshot(golden('gaps.csv'));
    const json = JSON.parse(GAPS_FORMATS.json(report, options)) as { standards: Record<string, unknown>[] };
    expect(json.standards[0]).toMatchObject({ standard: 'advice-rating', records: 488, met: null, breached: null, compliance: null, target: null, gap: 0.1, average: 4.3, status: 'met' });
  });
});

describe('gaps formats: open time reads as open time', () => {
  it('a standard on a calendar shows its percentiles in hours of open time; a wall-clock one keeps days', () => {
    const table = GAPS_FORMATS.table(report, options);
    expect(line(table, 'complaint-resolution')).toMatch(/18h 13m open\s.*41h 19m open\s.*47h 26m open/);
    expect(line(table, 'complaint-resolution')).not.toMatch(/\dd /);
    expect(line(table, 'inquiry-first-reply')).toMatch(/2h 39m\s.*20h 23m\s.*1d 23h/);
  });
});

describe('gaps formats: an nps reads as its score against at_least (SPEC §6)', () => {
  const npsRow: GapRow = { ...base, standard: 'branch-nps', records: 50, met: undefined, breached: undefined, compliance: undefined, target: undefined, gap: 2, status: 'met', average: 32, bound: { op: '≥', value: 30, nps: true } };
  const short: GapRow = { ...npsRow, standard: 'app-nps', records: 7, gap: -100 / 7 - 30, average: -100 / 7, status: 'missed' };
  const npsReport: EvaluationReport = { ...report, evaluation: { ...evaluation, gaps: [npsRow, short] } };

  it('table and md show NPS +32 against ≥ 30 in whole points; the golden keeps the md', async () => {
    expect(line(GAPS_FORMATS.table(npsReport, options), 'branch-nps')).toMatch(/NPS \+32\s.*≥ 30\s.*\+2\s/);
    const md = GAPS_FORMATS.md(npsReport, options);
    expect(line(md, 'app-nps')).toBe('| app-nps | 2026-Q3 | 7 | – | – | 0 | 0 | 0 | NPS −14 | ≥ 30 | −44 | missed |  |  |  |');
    await expect(md).toMatchFileSnapshot(golden('gaps-nps.md'));
  });

  it('json carries the NPS as average and NPS − at_least as gap, met, breached, compliance and target null', () => {
    const json = JSON.parse(GAPS_FORMATS.json(npsReport, options)) as { standards: Record<string, unknown>[] };
    expect(json.standards[0]).toMatchObject({ standard: 'branch-nps', records: 50, met: null, breached: null, compliance: null, target: null, gap: 2, average: 32, status: 'met' });
  });
});

/**
 * One finish: `gaps` and `report` roll up through the same function, so for every example and
 * quarter a promise kept in one is kept in the other, and owners and dimensions count the same.
 */
import { describe, expect, it } from 'vitest';
import { AS_OF, promise } from '../helpers/cli.js';

interface Counts {
  promises: number;
  kept: number;
  broken: number;
  in_progress: number;
  unmeasured: number;
  standards: number;
  judged: number;
  breaches: number;
  compliance: number | null;
}

interface GapsJson {
  promises: { promise: string; period: string | null; status: string; standards: { standard: string; status: string }[] }[];
  owners: (Counts & { owner: string; period: string; met: number; missed: number })[];
  dimensions: (Counts & { dimension: string; period: string; met: number; missed: number })[];
}

interface ReportJson {
  promises: { promise: string; status: string; standards: { standard: string; status: string; period_kind: string; trend: { period: string; status: string }[] }[] }[];
  owners: (Counts & { name: string; standards_met: number; standards_missed: number })[];
  dimensions: (Counts & { name: string; standards_met: number; standards_missed: number })[];
}

const EXAMPLES = ['retail-bank', 'airport', 'field-service'];

const json = <T>(args: string[]): T => {
  const r = promise(args);
  expect(r.stderr).not.toContain('internal error');
  return JSON.parse(r.stdout) as T;
};

const counts = (c: Counts & { met: number; missed: number }) => ({
  promises: c.promises - c.unmeasured,
  kept: c.kept,
  broken: c.broken,
  in_progress: c.in_progress,
  standards: c.standards,
  met: c.met,
  missed: c.missed,
  judged: c.judged,
  breaches: c.breaches,
  compliance: c.compliance,
});

describe.each(EXAMPLES)('gaps and report agree on examples/%s', (example) => {
  const base = ['--registry', `examples/${example}`, '--as-of', AS_OF, '--format', 'json'];
  const gaps = json<GapsJson>(['gaps', ...base]);
  // every quarter gaps rolls up, named as the registry's fiscal year names it (FY2026-Q4 at the airport)
  const quarters = [...new Set(gaps.promises.map((p) => p.period).filter((p): p is string => p !== null && /Q[1-4]$/.test(p)))];

  it('rolls up at least three quarters', () => {
    expect(quarters.length).toBeGreaterThanOrEqual(3);
  });

  it.each(quarters)('in %s: promise statuses, owner and dimension counts', (quarter) => {
    const report = json<ReportJson>(['report', ...base, '--period', quarter]);
    const gapsPromises = gaps.promises.filter((p) => p.period === quarter);
    expect(gapsPromises.length).toBeGreaterThan(0);
    // a promise gaps does not roll up in the quarter had nothing measured there: unmeasured in the report
    const byGaps = new Map(gapsPromises.map((p) => [p.promise, p.status]));
    expect(Object.fromEntries(report.promises.map((p) => [p.promise, p.status]))).toEqual(Object.fromEntries(report.promises.map((p) => [p.promise, byGaps.get(p.promise) ?? 'unmeasured'])));
    // the report counts the owners' unmeasured promises too; everything else is the same figure
    const owners = (rows: (Counts & { met: number; missed: number; name: string })[]) => Object.fromEntries(rows.map((o) => [o.name, counts(o)]));
    expect(owners(report.owners.map((o) => ({ ...o, met: o.standards_met, missed: o.standards_missed })))).toEqual(owners(gaps.owners.filter((o) => o.period === quarter).map((o) => ({ ...o, name: o.owner }))));
    expect(owners(report.dimensions.map((d) => ({ ...d, met: d.standards_met, missed: d.standards_missed })))).toEqual(owners(gaps.dimensions.filter((d) => d.period === quarter).map((d) => ({ ...d, name: d.dimension }))));
  });
});

describe('a monthly standard in the quarterly report', () => {
  it('shows in its trend chart the status its table shows: a quarter with a missed month is missed in both', () => {
    const report = json<ReportJson>(['report', '--registry', 'examples/retail-bank', '--as-of', AS_OF, '--format', 'json', '--period', '2026-Q3']);
    const callback = report.promises.flatMap((p) => p.standards).find((s) => s.standard === 'callback-time');
    expect(callback?.period_kind).toBe('month');
    expect(callback?.status).toBe('missed');
    expect(callback?.trend.at(-1)).toEqual(expect.objectContaining({ period: '2026-Q3', status: 'missed' }));
    // and gaps says the promise it measures was broken in the quarter
    const gaps = json<GapsJson>(['gaps', '--registry', 'examples/retail-bank', '--as-of', AS_OF, '--format', 'json', '--period', '2026-Q3']);
    const quarter = gaps.promises.find((p) => p.period === '2026-Q3' && p.standards.some((s) => s.standard === 'callback-time'));
    expect(quarter?.standards.find((s) => s.standard === 'callback-time')?.status).toBe('missed');
  });
});

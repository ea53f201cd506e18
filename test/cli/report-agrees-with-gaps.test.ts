/**
 * One finish: `gaps` and `report` roll up through the same function, so for every example and
 * quarter a promise kept in one is kept in the other, and owners and dimensions count the same.
 */
import { describe, expect, it } from 'vitest';
import { AS_OF, promise } from '../helpers/cli.js';
import type { CustomerRowJson, ServqualRowJson } from '../helpers/customer-json.js';

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

interface LinkRow {
  standard: string;
  survey: string;
  period: string;
  met_responses: number;
  met_mean: number | null;
  breached_responses: number;
  breached_mean: number | null;
  difference: number | null;
}
interface CustomerGaps {
  customer: CustomerRowJson[];
  servqual: ServqualRowJson[];
  customer_links: LinkRow[];
}
interface CustomerReport {
  customer_gap: {
    surveys: { survey: string; servqual: number | null; servqual_weighted: number | null; previous_servqual: number | null; dimensions: (Omit<CustomerRowJson, 'source' | 'period'> & { previous_gap: number | null })[] }[];
    links: (Omit<LinkRow, 'period'> & { previous_difference: number | null })[];
  };
}

/** The quarter a month or a quarter lies in, named as a registry with its fiscal year starting in month `fyStart` names it. */
function quarterOf(key: string, fyStart: number): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month === null) return key;
  const [y, m] = [Number(month[1]), Number(month[2])];
  const shifted = (m - fyStart + 12) % 12;
  const q = Math.floor(shifted / 3) + 1;
  if (fyStart === 1) return `${y}-Q${q}`;
  return `FY${m >= fyStart ? y + 1 : y}-Q${q}`;
}

const yearOf = (quarter: string): string => quarter.replace(/-Q[1-4]$/, '');

/** met against breached of several periods as one: counts added, means weighted by them. */
function pooled(rows: readonly LinkRow[]): { met: number; metMean: number | null; breached: number; breachedMean: number | null } {
  const met = rows.reduce((n, r) => n + r.met_responses, 0);
  const breached = rows.reduce((n, r) => n + r.breached_responses, 0);
  const sum = (side: 'met' | 'breached') => rows.reduce((n, r) => n + (side === 'met' ? (r.met_mean ?? 0) * r.met_responses : (r.breached_mean ?? 0) * r.breached_responses), 0);
  return { met, metMean: met === 0 ? null : sum('met') / met, breached, breachedMean: breached === 0 ? null : sum('breached') / breached };
}

const close = (actual: number | null, expected: number | null): void => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 5);
};

/**
 * SPEC §6: the report's customer gap is the evaluation's, never worked out again: for every
 * quarter it is gaps' row of that quarter; met against breached, by the record's period, is the
 * pooled rows of the linked standard's periods in it (the airport's standards are monthly).
 */
describe.each([
  ['retail-bank', 1],
  ['airport', 4],
])('the customer gap of report and gaps agree on examples/%s', (example, fyStart) => {
  const base = ['--registry', `examples/${example}`, '--as-of', AS_OF, '--format', 'json'];
  const gaps = json<CustomerGaps>(['gaps', ...base]);
  const quarters = [...new Set(gaps.customer.map((c) => c.period))];

  const expectLinks = (links: CustomerReport['customer_gap']['links'], within: (period: string) => boolean): void => {
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const p = pooled(gaps.customer_links.filter((g) => g.standard === l.standard && g.survey === l.survey && within(g.period)));
      expect([l.met_responses, l.breached_responses]).toEqual([p.met, p.breached]);
      close(l.met_mean, p.metMean);
      close(l.breached_mean, p.breachedMean);
    }
  };

  it('has surveys in at least three quarters', () => {
    expect(quarters.length).toBeGreaterThanOrEqual(3);
  });

  it.each(quarters.slice(1))('in %s: per dimension, the SERVQUAL score and met against breached, with the quarter before', (quarter) => {
    const report = json<CustomerReport>(['report', ...base, '--period', quarter]).customer_gap;
    const before = quarters[quarters.indexOf(quarter) - 1];
    expect(report.surveys.length).toBeGreaterThan(0);
    for (const survey of report.surveys) {
      const rows = gaps.customer.filter((c) => c.source === survey.survey && c.period === quarter);
      expect(survey.dimensions.map(({ dimension, respondents, expectation, perception, gap, weight, weighted_gap }) => ({ source: survey.survey, dimension, period: quarter, respondents, expectation, perception, gap, weight, weighted_gap }))).toEqual(rows);
      expect(survey.dimensions.map((d) => d.previous_gap)).toEqual(survey.dimensions.map((d) => gaps.customer.find((c) => c.source === survey.survey && c.period === before && c.dimension === d.dimension)?.gap ?? null));
      const score = gaps.servqual.find((s) => s.source === survey.survey && s.period === quarter);
      expect([survey.servqual, survey.servqual_weighted]).toEqual([score?.servqual ?? null, score?.servqual_weighted ?? null]);
    }
    expectLinks(report.links, (p) => quarterOf(p, fyStart) === quarter);
  });

  it('a report over a year counts the responses of its quarters: the evaluation sums over the report\'s periods too', () => {
    const report = json<CustomerReport & { period: string }>(['report', ...base, '--period', yearOf(quarters[0] as string)]);
    for (const survey of report.customer_gap.surveys) {
      for (const d of survey.dimensions) {
        expect(d.respondents).toBe(gaps.customer.filter((c) => c.source === survey.survey && c.dimension === d.dimension && yearOf(c.period) === report.period).reduce((n, c) => n + c.respondents, 0));
      }
    }
    expectLinks(report.customer_gap.links, (p) => yearOf(quarterOf(p, fyStart)) === report.period);
  });
});

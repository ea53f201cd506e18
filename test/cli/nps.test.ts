/**
 * SPEC §6 `kind: nps` end to end, on the airport's Qualtrics export: the assisted passengers'
 * 0-10 recommendation (Q4) against the group Qualtrics itself derives from it (Q4_NPS_GROUP: 1
 * detractor, 2 passive, 3 promoter), computed independently in DuckDB SQL over the same file;
 * then how gaps, report, explain and diff show it: as a net promoter score, never as a mean.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, promise, REPO, tempDir } from '../helpers/cli.js';
import { commit, init } from '../helpers/git.js';

const REGISTRY = 'examples/airport';
const SURVEY = join(REPO, REGISTRY, 'surveys', 'assistance-survey.csv');
const STANDARD = 'assistance-nps';

interface Group {
  period: string;
  responses: number;
  nps: number;
}

/**
 * Qualtrics' own grouping, per fiscal quarter of RecordedDate (a local time in the registry's
 * zone; the fiscal year starts in April and is named by the year it ends in). Rows 2 and 3 of the
 * export are question texts and import ids, not responses; a partial response has no group.
 */
async function qualtricsNps(): Promise<{ groups: Group[]; byResponse: Map<string, string> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE VIEW responses AS
      SELECT ResponseId AS id, CAST(RecordedDate AS TIMESTAMP) AS recorded, TRY_CAST(Q4_NPS_GROUP AS INTEGER) AS grp
      FROM read_csv('${SURVEY}', header = true, all_varchar = true)
      WHERE ResponseId LIKE 'R\\_%' ESCAPE '\\' AND CAST(RecordedDate AS TIMESTAMP) <= TIMESTAMP '${AS_OF.replace('T', ' ').replace('Z', '')}'`);
    const rows = (
      await connection.runAndReadAll(`
      SELECT 'FY' || (year(recorded) + CASE WHEN month(recorded) >= 4 THEN 1 ELSE 0 END) || '-Q' || ((month(recorded) + 8) % 12 // 3 + 1) AS period,
             count(grp) AS responses,
             100.0 * (count(*) FILTER (WHERE grp = 3) - count(*) FILTER (WHERE grp = 1)) / count(grp) AS nps
      FROM responses WHERE grp IS NOT NULL GROUP BY period ORDER BY period`)
    ).getRowObjectsJS();
    const each = (await connection.runAndReadAll('SELECT id, grp FROM responses')).getRowObjectsJS();
    const name = (g: unknown): string => (g === null ? '' : (['', 'detractor', 'passive', 'promoter'][Number(g)] ?? '?'));
    return {
      groups: rows.map((r) => ({ period: String(r.period), responses: Number(r.responses), nps: Number(r.nps) })),
      byResponse: new Map(each.map((r) => [String(r.id), name(r.grp)])),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const json = <T>(args: string[]): T => {
  const r = promise(args);
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout) as T;
};

/** `+37`, `−12`: whole points with a sign, as every text output writes an NPS. */
const points = (v: number): string => {
  const n = Math.round(v);
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}`;
};

let qualtrics: Awaited<ReturnType<typeof qualtricsNps>>;
beforeAll(async () => {
  qualtrics = await qualtricsNps();
});

describe('kind: nps on the airport survey', () => {
  const gaps = () => json<{ standards: { standard: string; period: string; records: number; skipped: number; average: number | null; gap: number | null; status: string; compliance: number | null }[] }>(['gaps', '--registry', REGISTRY, '--as-of', AS_OF, '--format', 'json', '--standard', STANDARD]);

  it("gives per quarter the NPS Qualtrics' own groups give: % promoters − % detractors over the responses that answered", () => {
    const rows = gaps().standards;
    expect(rows.map((r) => r.period)).toEqual(qualtrics.groups.map((g) => g.period));
    for (const g of qualtrics.groups) {
      const row = rows.find((r) => r.period === g.period);
      expect(row?.records).toBe(g.responses);
      expect(row?.average).toBeCloseTo(g.nps, 5);
      expect(row?.gap).toBeCloseTo(g.nps - 40, 5);
      expect(row?.compliance).toBeNull();
    }
    // partial responses never reached the question: skipped, not counted
    expect(rows.reduce((n, r) => n + r.skipped, 0)).toBe([...qualtrics.byResponse.values()].filter((g) => g === '').length);
    // the data make the story: the summer's stretched agents took the score below the bound
    expect(rows.some((r) => r.status === 'missed')).toBe(true);
    expect(rows.some((r) => r.status === 'met')).toBe(true);
  });

  it('the gaps table and Markdown read it as NPS in whole points', () => {
    const row = qualtrics.groups[0] as Group;
    const md = promise(['gaps', '--registry', REGISTRY, '--as-of', AS_OF, '--format', 'md', '--standard', STANDARD]).stdout;
    expect(md).toContain(`| ${STANDARD} | ${row.period} | ${row.responses} | – | – |`);
    expect(md).toContain(`| NPS ${points(row.nps)} | ≥ 40 | ${points(row.nps - 40)} |`);
  });

  it('explain says of each response whether it promotes, is passive or detracts, as Qualtrics groups it', () => {
    const ids = [...qualtrics.byResponse.entries()];
    const pick = (group: string): string => (ids.find(([, g]) => g === group) as [string, string])[0];
    for (const group of ['promoter', 'passive', 'detractor', '']) {
      const id = pick(group);
      const [e] = json<{ outcome: string; steps: { step: string; category?: string | null; text: string }[] }[]>(['explain', STANDARD, id, '--registry', REGISTRY, '--as-of', AS_OF, '--format', 'json']);
      const step = e?.steps.find((s) => s.step === 'nps');
      expect(step?.category ?? '').toBe(group);
      expect(e?.outcome).toBe(group === '' ? 'skipped' : 'counted');
      const pretty = promise(['explain', STANDARD, id, '--registry', REGISTRY, '--as-of', AS_OF]).stdout;
      expect(pretty).toContain(group === '' ? 'Q4 is empty: not counted in the NPS' : `outcome: counted in the period's NPS as ${group === 'passive' ? 'a passive response' : `a ${group}`}`);
    }
  });

  it('the report shows it as a score against its bound: table, trend text and chart', () => {
    const period = qualtrics.groups.at(-2) as Group;
    const before = qualtrics.groups.at(-3) as Group;
    const md = promise(['report', '--registry', REGISTRY, '--as-of', AS_OF, '--period', period.period, '--format', 'md']).stdout;
    const row = md.split('\n').find((l) => l.startsWith(`| ${STANDARD} |`)) ?? '';
    expect(row).toContain(`| NPS of Q4 ≥ 40 | ≥ 40 | NPS ${points(period.nps)} | ${points(period.nps - before.nps)} |`);
    expect(row).toContain(`→ ${period.period} NPS ${points(period.nps)} |`);
    const html = promise(['report', '--registry', REGISTRY, '--as-of', AS_OF, '--period', period.period]).stdout;
    expect(html).toContain(`<title id="trend_${STANDARD}_title">${STANDARD}: NPS of Q4 over the last four quarters</title>`);
    expect(html).toContain(`${period.period} ${points(period.nps)} (`);
  });
});

describe('promise diff on an nps standard', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('promise-nps-diff-');
    cpSync(join(REPO, REGISTRY), dir, { recursive: true });
    init(dir);
    commit(dir, 'the airport registry');
    const file = join(dir, 'arrivals.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      at_least: 40\n', '      at_least: 30\n'));
  });

  it('calls a lower bound loosened, in its own words, and shows the impact as NPS', () => {
    const body = json<{ changes: { id: string; field: string; class: string; reason: string; why: string }[]; impact: { standard: string; before: { status: string; average: number }; after: { status: string } }[] }>(['diff', 'HEAD', '--registry', dir, '--as-of', AS_OF, '--format', 'json']);
    expect(body.changes).toEqual([expect.objectContaining({ id: STANDARD, field: 'measure.at_least', before: '40', after: '30', class: 'loosened', reason: 'nps-laxer', why: 'a lower bound on the Net Promoter Score' })]);
    // the last finished quarter at as_of: below 40, above 30
    const last = qualtrics.groups.at(-2) as Group;
    expect(body.impact[0]).toMatchObject({ standard: STANDARD, before: { status: 'missed' }, after: { status: 'met' } });
    expect(body.impact[0]?.before.average).toBeCloseTo(last.nps, 5);
    const pretty = promise(['diff', 'HEAD', '--registry', dir, '--as-of', AS_OF]).stdout;
    expect(pretty).toContain(`${last.period} status missed → met, NPS ${points(last.nps)} → ${points(last.nps)}`);
  });
});

import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { EXPLAIN_FORMATS, type ExplainFormatter } from '../../../src/report/explain/index.js';
import { CASES, explainExamples } from './examples-fixture.js';

const plainChalk = new Chalk({ level: 0 });

describe('promise explain formats, on the examples', async () => {
  const report = await explainExamples();

  it('explains one row for each case', () => {
    expect(report.explanations.map((e) => [e.standard, e.record])).toEqual(CASES.map(([, standard, record]) => [standard, record]));
    expect(report.explanations.map((e) => e.outcome)).toEqual(['breached', 'breached', 'breached', 'invalid', 'out_of_scope', 'invalid', 'breached', 'breached', 'breached', 'counted', 'counted']);
  });

  it.each(Object.keys(EXPLAIN_FORMATS) as (keyof typeof EXPLAIN_FORMATS)[])('%s matches the golden file', async (format) => {
    const ext = format === 'pretty' ? 'txt' : format;
    await expect((EXPLAIN_FORMATS[format] as ExplainFormatter)(report, { chalk: plainChalk })).toMatchFileSnapshot(`__golden__/examples.${ext}`);
  });

  it('json: the pinned fields in order, and every step has a name and a text', () => {
    const body = JSON.parse(EXPLAIN_FORMATS.json(report)) as Record<string, unknown>[];
    for (const e of body) {
      expect(Object.keys(e).slice(0, 13)).toEqual(['standard', 'record', 'source', 'file', 'line', 'outcome', 'period', 'start', 'end', 'due', 'elapsed_seconds', 'limit_seconds', 'over_seconds']);
      for (const s of e.steps as { step: string; text: string }[]) {
        expect(typeof s.step).toBe('string');
        expect(s.text.length).toBeGreaterThan(0);
      }
    }
    const holiday = (body[0]?.steps as { step: string; days?: { date: string; holiday: boolean; closed: boolean }[] }[]).find((s) => s.step === 'calendar');
    expect(holiday?.days?.filter((d) => d.closed).map((d) => [d.date, d.holiday])).toEqual([
      ['2026-04-03', true],
      ['2026-04-05', false],
      ['2026-04-06', true],
    ]);
  });
});

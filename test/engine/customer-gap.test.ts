import { describe, expect, it } from 'vitest';
import { CustomerGapAccumulator, scoreResponse } from '../../src/engine/customer-gap.js';
import type { PeriodRef } from '../../src/model/evaluation.js';
import type { Survey } from '../../src/registry/model.js';

const Q3: PeriodRef = { kind: 'quarter', key: '2026-Q3', startMs: Date.parse('2026-07-01T00:00:00Z'), endMs: Date.parse('2026-10-01T00:00:00Z') };
const AFTER_Q3 = Date.parse('2026-10-15T00:00:00Z');

function survey(over: Partial<Survey> = {}): Survey {
  return {
    at: 'at',
    period: 'quarter',
    scale: [1, 7],
    dimensions: [
      { dimension: 'reliability', items: { expectation: ['E1', 'E2'], perception: ['P1', 'P2'] } },
      { dimension: 'tangibles', items: { expectation: ['E3'], perception: ['P3'] } },
    ],
    weights: undefined,
    links: undefined,
    score: undefined,
    ...over,
  };
}

/** The figures of responses given as { column: answer }, one period. */
function run(s: Survey, responses: Record<string, string>[]) {
  const acc = new CustomerGapAccumulator('sq', s);
  const problems = [];
  for (const r of responses) {
    const score = scoreResponse(s, (c) => r[c]);
    problems.push(...score.problems.map((p) => p.code));
    acc.add(Q3, score);
  }
  const rows = acc.rows(AFTER_Q3);
  const by = Object.fromEntries(rows.customer.map((c) => [c.dimension, c]));
  return { by, servqual: rows.servqual[0], problems };
}

describe('the customer gap (SPEC §6), hand-computed', () => {
  it('SERVQUAL: means of E and P per respondent and dimension, the gap their mean difference, the score the mean of the gaps', () => {
    const { by, servqual } = run(survey(), [
      // reliability E = 6.5, P = 5 -> gap -1.5; tangibles E 4, P 5 -> +1
      { E1: '7', E2: '6', P1: '5', P2: '5', E3: '4', P3: '5' },
      // reliability E = 5, P = 6 -> +1; tangibles E 6, P 3 -> -3
      { E1: '5', E2: '5', P1: '6', P2: '6', E3: '6', P3: '3' },
    ]);
    expect(by.reliability).toMatchObject({ respondents: 2, expectation: 5.75, perception: 5.5, gap: -0.25, weight: undefined, weightedGap: undefined, finished: true });
    expect(by.tangibles).toMatchObject({ respondents: 2, expectation: 5, perception: 4, gap: -1 });
    expect(servqual).toMatchObject({ servqual: -0.625, servqualWeighted: undefined });
  });

  it('SERVPERF: a dimension of perception items only has a mean perception and no gap; the score is over the gaps there are', () => {
    const s = survey({ dimensions: [{ dimension: 'reliability', items: { expectation: [], perception: ['P1'] } }, { dimension: 'tangibles', items: { expectation: ['E3'], perception: ['P3'] } }] });
    const { by, servqual } = run(s, [
      { P1: '4', E3: '5', P3: '6' },
      { P1: '7', E3: '5', P3: '5' },
    ]);
    expect(by.reliability).toMatchObject({ respondents: 2, expectation: undefined, perception: 5.5, gap: undefined });
    expect(by.tangibles).toMatchObject({ gap: 0.5 });
    expect(servqual?.servqual).toBe(0.5);
  });

  it('missing items are skipped per item: a respondent\'s mean is over the items answered', () => {
    const { by } = run(survey(), [{ E1: '7', E2: '', P1: '3', P2: '5', E3: '4', P3: '4' }]);
    expect(by.reliability).toMatchObject({ expectation: 7, perception: 4, gap: -3 });
  });

  it('a respondent with E but no P of a dimension is not counted there, and noted; one with P but no E counts in P, not in the gap', () => {
    const { by, problems } = run(survey(), [
      { E1: '7', E2: '7', P1: '', P2: '', E3: '4', P3: '5' },
      { E1: '', E2: '', P1: '6', P2: '4', E3: '4', P3: '6' },
      { E1: '6', E2: '6', P1: '4', P2: '4', E3: '4', P3: '7' },
    ]);
    expect(problems).toEqual(['no-perception']);
    // the gap is over the one response with both (4 - 6); it is not perception - expectation (4.5 - 6)
    expect(by.reliability).toMatchObject({ respondents: 2, expectation: 6, perception: 4.5, gap: -2 });
    expect(by.tangibles).toMatchObject({ respondents: 3, gap: 2 });
  });

  it('weights: s(r,d) is the share of the points; weights that do not add up to 100 are rescaled and noted', () => {
    const s = survey({ weights: { reliability: 'W1', tangibles: 'W2' } });
    const { by, servqual, problems } = run(s, [
      // shares 0.75 / 0.25; gaps -2 / +2 -> weighted -1.5 / 0.5, sum -1
      { E1: '7', E2: '7', P1: '5', P2: '5', E3: '3', P3: '5', W1: '75', W2: '25' },
      // 30 + 10 = 40 points, rescaled: shares 0.75 / 0.25; gaps 0 / -4 -> 0 / -1, sum -1
      { E1: '5', E2: '5', P1: '5', P2: '5', E3: '6', P3: '2', W1: '30', W2: '10' },
      // 50 / 50; gaps +1 / 0 -> 0.5 / 0, sum 0.5
      { E1: '4', E2: '4', P1: '5', P2: '5', E3: '5', P3: '5', W1: '50', W2: '50' },
    ]);
    expect(problems).toEqual(['weights-rescaled']);
    expect(by.reliability?.weight).toBeCloseTo((0.75 + 0.75 + 0.5) / 3, 12);
    expect(by.reliability?.weightedGap).toBeCloseTo((-1.5 + 0 + 0.5) / 3, 12);
    expect(by.tangibles?.weightedGap).toBeCloseTo((0.5 - 1 + 0) / 3, 12);
    expect(servqual?.servqualWeighted).toBeCloseTo((-1 - 1 + 0.5) / 3, 12);
    expect(servqual?.servqual).toBeCloseTo((-1 / 3 + -2 / 3) / 2, 12);
  });

  it('servqual_weighted counts only responses with both scores on every dimension and weights', () => {
    const s = survey({ weights: { reliability: 'W1', tangibles: 'W2' } });
    const { servqual } = run(s, [
      { E1: '7', E2: '7', P1: '5', P2: '5', E3: '3', P3: '5', W1: '50', W2: '50' },
      // no tangibles expectation: out of servqual_weighted
      { E1: '7', E2: '7', P1: '1', P2: '1', E3: '', P3: '5', W1: '50', W2: '50' },
      // no weights at all: out of the weighted figures, not a data error
      { E1: '7', E2: '7', P1: '1', P2: '1', E3: '1', P3: '5' },
    ]);
    expect(servqual?.servqualWeighted).toBe(0);
  });

  it.each([
    [{ P1: '8' }, 'answer-out-of-scale'],
    [{ P1: '0' }, 'answer-out-of-scale'],
    [{ P1: 'n/a' }, 'answer-not-a-number'],
    [{ P1: '4,5' }, 'answer-not-a-number'],
    [{ W1: 'ten' }, 'weight-not-a-number'],
    [{ W1: '-5' }, 'weight-not-a-number'],
    [{ W1: '' }, 'weights-missing'],
    [{ W1: '0', W2: '0' }, 'weights-zero'],
  ])('a bad cell %j is a data error (%s), left out of its mean', (cells, code) => {
    const s = survey({ weights: { reliability: 'W1', tangibles: 'W2' } });
    const score = scoreResponse(s, (c) => (({ E1: '5', E2: '5', P1: '5', P2: '6', E3: '5', P3: '5', W1: '50', W2: '50', ...cells }) as Record<string, string>)[c]);
    expect(score.invalid).toBe(true);
    expect(score.problems.map((p) => p.code)).toEqual([code]);
    if (code.startsWith('answer')) expect(score.scores[0]?.perception).toBe(6);
    else expect(score.scores.every((d) => d.share === undefined)).toBe(true);
  });

  it('a period in progress is not finished', () => {
    const acc = new CustomerGapAccumulator('sq', survey());
    acc.add(Q3, scoreResponse(survey(), (c) => ({ E1: '5', P1: '4', E3: '5', P3: '5' } as Record<string, string>)[c]));
    expect(acc.rows(Date.parse('2026-09-01T00:00:00Z')).customer.map((r) => r.finished)).toEqual([false, false]);
  });
});

describe('invariants (fast-check)', () => {
  it('when every respondent answers both, gap = perception - expectation, and weights summing to 100 need no note', async () => {
    const fc = (await import('fast-check')).default;
    const answer = fc.integer({ min: 1, max: 7 }).map(String);
    const response = fc.record({ E1: answer, E2: answer, P1: answer, P2: answer, E3: answer, P3: answer, W1: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 30 }), (responses) => {
        const s = survey({ weights: { reliability: 'W1', tangibles: 'W2' } });
        const { by, servqual, problems } = run(
          s,
          responses.map(({ W1, ...r }) => ({ ...r, W1: String(W1), W2: String(100 - W1) })),
        );
        for (const d of [by.reliability, by.tangibles]) {
          expect(d?.respondents).toBe(responses.length);
          expect(d?.gap).toBeCloseTo((d?.perception ?? NaN) - (d?.expectation ?? NaN), 9);
        }
        expect((by.reliability?.weight ?? 0) + (by.tangibles?.weight ?? 0)).toBeCloseTo(1, 9);
        expect(servqual?.servqualWeighted).toBeCloseTo((by.reliability?.weightedGap ?? NaN) + (by.tangibles?.weightedGap ?? NaN), 9);
        expect(problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

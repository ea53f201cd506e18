/**
 * A published worked example of the unweighted SERVQUAL score (12manage, "Weighted and
 * Unweighted Average SERVQUAL Scores?", answer by Jaap de Jonge, editor:
 * https://www.12manage.com/forum.asp?TB=zeithaml_servqual&S=54): dimension gaps (P - E) of
 * tangibles -0.65, reliability -1.10, responsiveness -0.83, assurance -0.70, empathy -1.01 give an
 * unweighted SERVQUAL score of (-0.65 - 1.10 - 0.83 - 0.70 - 1.01) / 5 = -0.858, printed there as
 * -0.86. Here 100 respondents of the 22-item instrument answer so that each dimension's gap is the
 * published one, and `promise gaps` must give the published dimension gaps and score.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promise, tempDir } from '../helpers/cli.js';

const PUBLISHED = { tangibles: -0.65, reliability: -1.1, responsiveness: -0.83, assurance: -0.7, empathy: -1.01 } as const;
/** The 22 items per dimension, as SERVQUAL numbers them. */
const ITEMS = { reliability: [1, 2, 3, 4, 5], responsiveness: [6, 7, 8, 9], assurance: [10, 11, 12, 13], empathy: [14, 15, 16, 17, 18], tangibles: [19, 20, 21, 22] } as const;
const RESPONDENTS = 100;

/**
 * Every expectation is 7; a perception is 7 - base or 7 - base - 1, spread over the respondents'
 * items so that the item differences of a dimension add up to gap x respondents x items (an
 * integer for 100 respondents and two-decimal gaps): the mean of the respondents' means is the gap.
 */
function answers(): string[][] {
  const rows = Array.from({ length: RESPONDENTS }, (_, r) => [`R${String(r + 1).padStart(3, '0')}`, '2026-08-03T10:00:00Z', ...Array<string>(44).fill('7')]);
  for (const [dimension, items] of Object.entries(ITEMS) as [keyof typeof ITEMS, readonly number[]][]) {
    const slots = RESPONDENTS * items.length;
    const total = Math.round(-PUBLISHED[dimension] * slots); // sum of E - P over all slots
    const base = Math.floor(total / slots);
    const more = total - base * slots; // this many slots are one further below
    for (let k = 0; k < slots; k++) {
      const row = rows[k % RESPONDENTS] as string[];
      const item = items[Math.floor(k / RESPONDENTS)] as number;
      row[2 + 22 + item - 1] = String(7 - base - (k < more ? 1 : 0));
    }
  }
  return rows;
}

describe('the SERVQUAL score against a published worked example', () => {
  it('gives the published dimension gaps and the unweighted score -0.858', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'surveys'));
    const header = ['response_id', 'submitted_at', ...Array.from({ length: 22 }, (_, i) => `E${i + 1}`), ...Array.from({ length: 22 }, (_, i) => `P${i + 1}`)];
    writeFileSync(join(dir, 'surveys', 'servqual.csv'), `${[header, ...answers()].map((r) => r.join(',')).join('\n')}\n`);
    const dims = Object.entries(ITEMS)
      .map(([d, items]) => `      ${d}: { expectation: [${items.map((i) => `E${i}`).join(', ')}], perception: [${items.map((i) => `P${i}`).join(', ')}] }`)
      .join('\n');
    writeFileSync(
      join(dir, 'promise.yaml'),
      `version: 1\nname: Worked example\ntimezone: UTC\n\nsources:\n  - id: servqual\n    kind: survey\n    files: surveys/servqual.csv\n    key: response_id\n    at: submitted_at\n    period: quarter\n    scale: [1, 7]\n    dimensions:\n${dims}\n`,
    );
    const run = promise(['gaps', '--registry', dir, '--as-of', '2026-10-15T00:00:00Z', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { customer: { dimension: string; respondents: number; gap: number }[]; servqual: { period: string; servqual: number }[] };
    expect(Object.fromEntries(out.customer.map((c) => [c.dimension, c.gap]))).toEqual(PUBLISHED);
    expect(out.customer.every((c) => c.respondents === RESPONDENTS)).toBe(true);
    expect(out.servqual).toEqual([expect.objectContaining({ period: '2026-Q3', servqual: -0.858 })]);
    expect(out.servqual[0]?.servqual.toFixed(2)).toBe('-0.86');
  });
});

import { describe, expect, it } from 'vitest';
import { evaluationExitCode, negativeCustomerGaps } from '../../src/cli/exit-code.js';

describe('evaluationExitCode', () => {
  it.each([
    [{ breaches: 0, missed: 0, customerGaps: 1 }, 'customer-gap', 1],
    [{ breaches: 3, missed: 2, customerGaps: 0 }, 'customer-gap', 0],
    [{ breaches: 0, missed: 0, customerGaps: 2 }, 'missed', 0],
    [{ breaches: 0, missed: 0, customerGaps: 2 }, undefined, 0],
    [{ breaches: 1, missed: 0 }, 'breach', 1],
    [{ breaches: 0, missed: 1 }, 'missed', 1],
  ] as const)('%j with --fail-on %s exits %i', (found, failOn, code) => {
    expect(evaluationExitCode(found, failOn)).toBe(code);
  });
});

describe('negativeCustomerGaps (SPEC §6: a finished period whose gap is negative on a dimension)', () => {
  it('counts only finished periods with a gap below 0', () => {
    expect(
      negativeCustomerGaps([
        { finished: true, gap: -0.01 },
        { finished: true, gap: 0 },
        { finished: true, gap: undefined },
        { finished: false, gap: -2 },
        { finished: true, gap: -1 },
      ]),
    ).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { boundGapText, boundText, elapsedText, hasLimitByValue, hasSingleTimeLimit, meanText } from '../../../src/report/shared/figures.js';
import { parseDuration, type Duration } from '../../../src/registry/duration.js';

const duration = (text: string): Duration => {
  const d = parseDuration(text);
  if (!d.ok) throw new Error(`${text}: ${d.messageId}`);
  return d.value;
};

describe('elapsedText: time on the clock the standard counts', () => {
  it.each([
    [170_760, 'wall', '1d 23h'],
    [170_760, 'open', '47h 26m of open time'],
    [170_760, undefined, '1d 23h'],
    [28_800, 'open', '8h of open time'],
    [2_710, 'open', '45m 10s of open time'],
    [0, 'open', '0s of open time'],
    [90_000, 'open', '25h of open time'],
  ] as const)('%i s on a %s clock reads %s', (seconds, clock, expected) => {
    expect(elapsedText(seconds, clock)).toBe(expected);
  });

  it('never writes open time in days, in a table cell either', () => {
    expect(elapsedText(3 * 86_400 + 3_600, 'open', 'cell')).toBe('73h open');
    expect(elapsedText(3 * 86_400 + 3_600, 'wall', 'cell')).toBe('3d 1h');
  });

  it('is empty when there is no figure', () => {
    expect(elapsedText(undefined, 'open')).toBe('');
  });
});

describe('an average against its bound', () => {
  it('reads mean 4.30 against ≥ 4.2, with a signed gap', () => {
    expect(meanText(4.3)).toBe('mean 4.30');
    expect(meanText(undefined)).toBe('–');
    expect(boundText({ op: '≥', value: 4.2 })).toBe('≥ 4.2');
    expect(boundText({ op: '≤', value: 10 })).toBe('≤ 10');
    expect(boundGapText(0.1)).toBe('+0.10');
    expect(boundGapText(-0.25)).toBe('−0.25');
    expect(boundGapText(undefined)).toBe('–');
  });
});

describe('hasSingleTimeLimit, from the measure and not its words', () => {
  it.each([
    ['24h', true],
    ['1bd', false],
  ])('within %s: %s', (within, expected) => {
    expect(hasSingleTimeLimit({ kind: 'duration', from: 'a', to: 'b', within: duration(within) })).toBe(expected);
  });

  it('a map by value, and other kinds, have no single time limit; only the map has a limit by value', () => {
    const byValue = { kind: 'duration', from: 'a', to: 'b', per: 'p', within: { P1: duration('1h'), default: duration('4h') } } as const;
    expect(hasSingleTimeLimit(byValue)).toBe(false);
    expect(hasLimitByValue(byValue)).toBe(true);
    expect(hasLimitByValue({ kind: 'duration', from: 'a', to: 'b', within: duration('5bd') })).toBe(false);
    expect(hasSingleTimeLimit({ kind: 'average', at: 'a', of: 'b', at_least: 4 })).toBe(false);
    expect(hasLimitByValue({ kind: 'average', at: 'a', of: 'b', at_least: 4 })).toBe(false);
  });
});

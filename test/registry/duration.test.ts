import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSeconds, parseDuration } from '../../src/registry/duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['90m', 5400],
    ['24h', 86_400],
    ['1h30m', 5400],
    ['1.5h', 5400],
    ['2d', 172_800],
    ['1w', 604_800],
    ['1w2d3h4m5s', 604_800 + 172_800 + 10_800 + 240 + 5],
    ['0m', 0],
  ])('%s is %i seconds of time', (text, seconds) => {
    const r = parseDuration(text);
    expect(r).toMatchObject({ ok: true, value: { kind: 'time', seconds } });
  });

  it('marks d and w as whole days, which a calendar cannot count', () => {
    expect(parseDuration('2d')).toMatchObject({ ok: true, value: { usesDays: true } });
    expect(parseDuration('1w')).toMatchObject({ ok: true, value: { usesDays: true } });
    expect(parseDuration('48h')).toMatchObject({ ok: true, value: { usesDays: false } });
  });

  it.each([['1bd', 1], ['5bd', 5], ['0bd', 0]])('%s is %i business days', (text, days) => {
    expect(parseDuration(text)).toMatchObject({ ok: true, value: { kind: 'business-days', days } });
  });

  it.each(['', 'h', '24', '24 hours', '1x', '1bd2h', '2h1bd', '30m1h', '1h1h', '1.5bd', '-1h', '1h 30m'])('refuses %j', (text) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['emptyDuration', 'notDuration', 'mixedBusinessDays', 'unitOrder', 'fractionalBusinessDays']).toContain(r.messageId);
  });

  it('reads what formatSeconds writes for whole hours and minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${h}h${m}m`;
        const r = parseDuration(text);
        return r.ok && r.value.kind === 'time' && r.value.seconds === h * 3600 + m * 60;
      }),
    );
  });
});

describe('formatSeconds', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [5400, '1h 30m'],
    [93_600, '1d 2h'],
    [-120, '-2m'],
  ])('%i is %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

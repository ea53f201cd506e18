import { describe, expect, it } from 'vitest';
import { isCalendarDate, isTimeZone, parseInterval, parseIntervals, parseShare, suggestTimeZone } from '../../src/registry/values.js';
import { didYouMean, suggest } from '../../src/registry/suggest.js';

describe('opening hours', () => {
  it.each([
    ['09:00-17:00', 540, 1020],
    ['00:00-24:00', 0, 1440],
    ['13:30 - 17:00', 810, 1020],
  ])('%s is minutes %i to %i', (text, start, end) => {
    expect(parseInterval(text)).toEqual({ ok: true, value: { start, end } });
  });

  it.each(['9:00-17:00', '09:00-25:00', '17:00-09:00', '09:00-09:00', '24:00-24:30', '09:60-10:00', 'nine to five', '22:00-24:30'])('refuses %j', (text) => {
    expect(parseInterval(text).ok).toBe(false);
  });

  it('sorts a day and refuses overlaps', () => {
    expect(parseIntervals(['13:30-17:00', '09:00-12:30'])).toEqual({ ok: true, value: [{ start: 540, end: 750 }, { start: 810, end: 1020 }] });
    expect(parseIntervals(['09:00-13:00', '12:30-17:00']).ok).toBe(false);
    expect(parseIntervals([])).toEqual({ ok: true, value: [] });
  });
});

describe('dates and zones', () => {
  it.each([['2026-12-24', true], ['2028-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['2026-1-01', false], ['24.12.2026', false]])('%s is a date: %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });

  it.each([['Europe/Berlin', true], ['America/New_York', true], ['UTC', true], ['Europe/Berln', false], ['CEST', false], ['', false], [' Europe/Berlin', false]])('%s is a zone: %s', (name, ok) => {
    expect(isTimeZone(name)).toBe(ok);
  });

  it('suggests the zone a user meant', () => {
    expect(suggestTimeZone('Europe/Berln')).toBe('did you mean "Europe/Berlin"?');
    expect(suggestTimeZone('berlin')).toBe('did you mean "Europe/Berlin"?');
    expect(suggestTimeZone('New York')).toBe('did you mean "America/New_York"?');
    expect(suggestTimeZone('qqqqqqqq')).toBeUndefined();
  });
});

describe('shares', () => {
  it.each([['95%', 0.95], ['99.5%', 0.995], ['100%', 1], ['0%', 0], [0.9, 0.9], [1, 1]] as const)('%s is %f', (input, value) => {
    expect(parseShare(input)).toEqual({ ok: true, value });
  });
  it.each(['95', '101%', 'ninety', 1.5, -0.1] as const)('refuses %j', (input) => {
    expect(parseShare(input).ok).toBe(false);
  });
});

describe('did you mean', () => {
  it('finds close names and ignores far ones', () => {
    expect(suggest('suport-eu', ['support-eu', 'billing'])).toBe('support-eu');
    expect(suggest('SUPPORT-EU', ['support-eu'])).toBe('support-eu');
    expect(suggest('x', ['support-eu'])).toBeUndefined();
    expect(didYouMean('calender', ['calendar', 'paused'])).toBe('did you mean "calendar"?');
  });
  it('is deterministic on ties', () => {
    expect(suggest('ab', ['ac', 'aa'])).toBe('aa');
  });
});

import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp } from '../../src/logs/timestamp.js';

const at = (text: string, zone = 'Europe/Berlin') => {
  const r = parseIsoTimestamp(text, zone);
  return r.ok ? r.date.toISOString() : `invalid: ${r.problem}`;
};

describe('ISO 8601 timestamps', () => {
  it.each([
    ['2026-07-01T10:00:00Z', '2026-07-01T10:00:00.000Z'],
    ['2026-07-01T10:00:00+02:00', '2026-07-01T08:00:00.000Z'],
    ['2026-07-01T10:00:00-0400', '2026-07-01T14:00:00.000Z'],
    ['2026-07-01T10:00:00.123456Z', '2026-07-01T10:00:00.123Z'],
    ['2026-07-01 10:00:00', '2026-07-01T08:00:00.000Z'],
    ['2026-01-15 10:00', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-07-01T24:00', '2026-07-01T22:00:00.000Z'],
  ])('%s is %s (naive times in Europe/Berlin)', (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  it('reads a local time the clocks skip (DST starts) with the offset before the jump: 02:30 is 03:30 (SPEC §1)', () => {
    expect(at('2026-03-29 02:30:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-03-08 02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // the same instants as the times after the jump
    expect(at('2026-03-29 03:30:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-03-08 03:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads a repeated local time (DST ends) as the earlier instant', () => {
    expect(at('2026-10-25 02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('flags date-only cells', () => {
    expect(parseIsoTimestamp('2026-07-01', 'UTC')).toMatchObject({ ok: true, dateOnly: true });
    expect(parseIsoTimestamp('2026-07-01T00:00', 'UTC')).toMatchObject({ ok: true, dateOnly: false });
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-07-01T25:00', '01/07/2026', '2026-07-01T10:61'])('refuses %j', (text) => {
    expect(parseIsoTimestamp(text, 'UTC').ok).toBe(false);
  });
});

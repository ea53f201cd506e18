import { tz } from '@date-fns/tz';
import { isValid, parse } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFastPattern, createTimestampReader, datePartOf } from '../../src/logs/timestamp-reader.js';

const read = (cell: string, zone = 'Europe/Berlin', pattern?: string): string => {
  const r = createTimestampReader(zone, pattern);
  const ms = r.read(cell);
  return Number.isNaN(ms) ? `invalid: ${r.problem}` : `${new Date(ms).toISOString()}${r.dateOnly ? ' (date)' : ''}`;
};

describe('ISO 8601 cells', () => {
  it.each([
    ['2026-07-01T10:00:00Z', '2026-07-01T10:00:00.000Z'],
    ['2026-07-01T10:00:00+02:00', '2026-07-01T08:00:00.000Z'],
    ['2026-07-01 10:00:00', '2026-07-01T08:00:00.000Z'],
    ['2026-01-15 10:00', '2026-01-15T09:00:00.000Z'],
    [' 2026-01-15 10:00 ', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z (date)'],
    ['2026-07-01T24:00', '2026-07-01T22:00:00.000Z'],
    ['2026-10-25 02:30:00', '2026-10-25T00:30:00.000Z'],
  ])('%j is %s in Europe/Berlin', (cell, want) => {
    expect(read(cell)).toBe(want);
  });

  it.each([
    ['2026-02-30 10:00', /not-a-real-time/],
    ['07/01/2026', /not-a-timestamp/],
  ])('refuses %j', (cell, reason) => {
    expect(read(cell)).toMatch(reason);
  });

  it.each([
    ['a time the clocks skip, moved forward by the gap', '2026-03-29 02:30:00', 'Europe/Berlin', undefined, '2026-03-29T01:30:00.000Z', 1],
    ['the start of the gap', '2026-03-29 02:00:00', 'Europe/Berlin', undefined, '2026-03-29T01:00:00.000Z', 1],
    ['the first time after the gap', '2026-03-29 03:00:00', 'Europe/Berlin', undefined, '2026-03-29T01:00:00.000Z', 0],
    ['a time the clocks show twice, the earlier', '2026-10-25 02:30:00', 'Europe/Berlin', undefined, '2026-10-25T00:30:00.000Z', 2],
    ['the first time after the repeated hour', '2026-10-25 03:00:00', 'Europe/Berlin', undefined, '2026-10-25T02:00:00.000Z', 0],
    ['a skipped time on a 12-hour clock', '03/11/2018 02:43:56 AM', 'America/New_York', 'MM/dd/yyyy hh:mm:ss a', '2018-03-11T07:43:56.000Z', 1],
    ['a skipped midnight in Sao Paulo', '2018-11-04 00:30:00', 'America/Sao_Paulo', undefined, '2018-11-04T03:30:00.000Z', 1],
    ['a date alone whose midnight is skipped: the jump, no note', '2018-11-04', 'America/Sao_Paulo', undefined, '2018-11-04T03:00:00.000Z', 0],
    ['an offset written out: no note', '2026-03-29T02:30:00+01:00', 'Europe/Berlin', undefined, '2026-03-29T01:30:00.000Z', 0],
  ] as const)('reads %s (SPEC §1)', (_, cell, zone, pattern, iso, note) => {
    const r = createTimestampReader(zone, pattern);
    expect(new Date(r.read(cell)).toISOString()).toBe(iso);
    expect(r.clockNote).toBe(note);
  });

  it('reads New York local times on both sides of the DST changes', () => {
    expect(read('2026-03-08 01:59:59', 'America/New_York')).toBe('2026-03-08T06:59:59.000Z');
    expect(read('2026-03-08 03:00:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(read('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(read('2026-11-01 02:00:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('gives the end of the local day a cell names', () => {
    const r = createTimestampReader('America/Sao_Paulo');
    expect(new Date(r.endOfDay('2018-05-10 00:00:00')).toISOString()).toBe('2018-05-11T03:00:00.000Z');
    expect(new Date(r.endOfDay('2018-05-10')).toISOString()).toBe('2018-05-11T03:00:00.000Z');
    expect(Number.isNaN(r.endOfDay('soon'))).toBe(true);
  });
});

describe('timestamp_format patterns', () => {
  it.each([
    ['07/01/2026 02:30:15 PM', 'MM/dd/yyyy hh:mm:ss a', '2026-07-01T18:30:15.000Z'],
    ['07/01/2026 12:05:00 AM', 'MM/dd/yyyy hh:mm:ss a', '2026-07-01T04:05:00.000Z'],
    ['07/01/2026 12:05:00 PM', 'MM/dd/yyyy hh:mm:ss a', '2026-07-01T16:05:00.000Z'],
    ['01.07.2026 09:15', 'dd.MM.yyyy HH:mm', '2026-07-01T13:15:00.000Z'],
    ['2026-07-01T09:15', "yyyy-MM-dd'T'HH:mm", '2026-07-01T13:15:00.000Z'],
    ['1.7.26', 'd.M.yy', '2026-07-01T04:00:00.000Z (date)'],
    ['Jul 1, 2026 9:15', 'MMM d, yyyy H:mm', '2026-07-01T13:15:00.000Z'],
    ['2026-07-01 09:15 +0000', 'yyyy-MM-dd HH:mm xx', '2026-07-01T09:15:00.000Z'],
  ])('%j read with %j (New York)', (cell, pattern, want) => {
    expect(read(cell, 'America/New_York', pattern)).toBe(want);
  });

  it.each([
    ['13/01/2026 02:30:15 PM', 'MM/dd/yyyy hh:mm:ss a'],
    ['02/30/2026 02:30:15 PM', 'MM/dd/yyyy hh:mm:ss a'],
    ['07/01/2026 13:30:15 PM', 'MM/dd/yyyy hh:mm:ss a'],
    ['2026-07-01', 'MM/dd/yyyy hh:mm:ss a'],
  ])('refuses %j with %j', (cell, pattern) => {
    expect(read(cell, 'America/New_York', pattern)).toMatch(/^invalid: /);
  });

  it.each([
    ['MM/dd/yyyy hh:mm:ss a', 'MM/dd/yyyy'],
    ['dd.MM.yyyy HH:mm', 'dd.MM.yyyy'],
    ["yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd'],
    ['dd/MM/yy', undefined],
    ['HH:mm dd.MM.yyyy', undefined],
  ])('the date part of %j is %j', (pattern, part) => {
    expect(datePartOf(pattern)).toBe(part);
  });

  it('reads a date alone with the date part of the pattern, as the start of that day', () => {
    expect(read('05.09.2026', 'Europe/Berlin', 'dd.MM.yyyy HH:mm')).toBe('2026-09-04T22:00:00.000Z (date)');
    expect(read('07/01/2026', 'America/New_York', 'MM/dd/yyyy hh:mm:ss a')).toBe('2026-07-01T04:00:00.000Z (date)');
    const r = createTimestampReader('Europe/Berlin', 'dd.MM.yyyy HH:mm');
    expect(new Date(r.endOfDay('05.09.2026')).toISOString()).toBe('2026-09-05T22:00:00.000Z');
  });

  it('reads the common tokens without date-fns, and leaves the rest to it', () => {
    expect(compileFastPattern('MM/dd/yyyy hh:mm:ss a')).toBeDefined();
    expect(compileFastPattern('dd.MM.yyyy HH:mm')).toBeDefined();
    expect(compileFastPattern('MMM d, yyyy')).toBeUndefined();
    expect(compileFastPattern('yyyy-MM-dd HH:mm xx')).toBeUndefined();
  });

  const patterns = ['MM/dd/yyyy hh:mm:ss a', 'dd.MM.yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'M/d/yyyy H:mm', 'dd/MM/yy', "yyyy-MM-dd'T'HH:mm:ss.SSS"];
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');

  it('the fast path agrees with date-fns on every cell it reads', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.record({ y: fc.integer({ min: 1990, max: 2040 }), mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), h: fc.integer({ min: 0, max: 24 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }), ms: fc.integer({ min: 0, max: 999 }) }),
        (pattern, f) => {
          const h12 = f.h % 12 === 0 ? 12 : f.h % 12;
          const cell = pattern
            .replace('yyyy', String(f.y))
            .replace(/\byy\b/, pad(f.y % 100))
            .replace('MM', pad(f.mo))
            .replace(/\bM\b/, String(f.mo))
            .replace('dd', pad(f.d))
            .replace(/\bd\b/, String(f.d))
            .replace('HH', pad(f.h))
            .replace(/\bH\b/, String(f.h))
            .replace('hh', pad(h12))
            .replace('mm', pad(f.mi))
            .replace('ss', pad(f.s))
            .replace('SSS', pad(f.ms, 3))
            .replace(/\ba\b/, f.h < 12 ? 'AM' : 'PM')
            .replace("'T'", 'T');
          const ours = createTimestampReader('UTC', pattern).read(cell);
          const theirs = parse(cell, pattern, new Date(Date.UTC(2000, 0, 1)), { in: tz('UTC') });
          const expected = isValid(theirs) ? theirs.getTime() : Number.NaN;
          expect(ours).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the hand-written ISO 8601 reader', () => {
  // the grammar, as a regular expression: the reference the fast reader must agree with
  const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
  function reference(text: string): number {
    const m = ISO.exec(text);
    if (m === null) return Number.NaN;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const h = m[4] === undefined ? 0 : Number(m[4]);
    const mi = m[5] === undefined ? 0 : Number(m[5]);
    const s = m[6] === undefined ? 0 : Number(m[6]);
    const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > days || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0 || ms > 0))) return Number.NaN;
    let offset = 0;
    const zone = m[8];
    if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
      const digits = zone.slice(1).replace(':', '');
      offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * (zone[0] === '-' ? -1 : 1);
    }
    return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
  }
  const piece = fc.constantFrom('2026', '1999', '0999', '-', '07', '13', '31', '29', '02', 'T', ' ', '  ', ':', '24', '00', '59', '60', '.', ',', '5', '123', '1234567890', 'Z', 'z', '+', '-', '02:00', '0530', 'x');
  it('agrees with the ISO grammar on well-formed and broken cells alike', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom('2026-07-01', '2024-02-29', '2026-02-29', ''), (pieces, prefix) => {
        const text = (prefix + pieces.join('')).trim();
        const ours = createTimestampReader('UTC').read(text);
        expect(ours).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  // The shapes read by the fixed-position path (YYYY-MM-DDTHH:MM:SS, alone, with Z or ±HH:MM; YYYY-MM-DD):
  // every field near and past its bounds, any of its characters possibly replaced.
  const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
  const fixedCell = fc
    .record({
      y: fc.constantFrom('2026', '2024', '2100', '2000', '1000', '0999', '9999'),
      mo: two(0, 13),
      d: two(0, 32),
      sep: fc.constantFrom('T', ' ', 't', '_'),
      h: two(0, 25),
      mi: two(0, 60),
      s: two(0, 60),
      zone: fc.constantFrom('', 'Z', 'z', '+01:00', '-05:30', '+14:00', '-00:00', '+99:99', '+0100', '+01', '*01:00', '+01-00'),
      hit: fc.option(fc.tuple(fc.nat(), fc.constantFrom('x', '/', ':', '-', ' ', '1', '\u0660')), { nil: undefined }),
    })
    .chain((f) => fc.boolean().map((dateAlone) => ({ ...f, dateAlone })))
    .map((f) => {
      const cell = f.dateAlone ? `${f.y}-${f.mo}-${f.d}` : `${f.y}-${f.mo}-${f.d}${f.sep}${f.h}:${f.mi}:${f.s}${f.zone}`;
      if (f.hit === undefined) return cell;
      const at = f.hit[0] % cell.length;
      return cell.slice(0, at) + f.hit[1] + cell.slice(at + 1);
    });
  it('reads the fixed shapes as the grammar does, and as the general reader reads them in a zone', () => {
    fc.assert(
      fc.property(fixedCell, fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'), (cell, zone) => {
        expect(createTimestampReader('UTC').read(cell)).toBe(reference(cell.trim()));
        // a space before the cell moves every field off its fixed position: the general reader reads it
        const fast = createTimestampReader(zone);
        const general = createTimestampReader(zone);
        const ms = fast.read(cell);
        expect(ms).toBe(general.read(` ${cell}`));
        if (!Number.isNaN(ms)) expect([fast.dateOnly, fast.clockNote, fast.writtenDay]).toEqual([general.dateOnly, general.clockNote, general.writtenDay]);
      }),
      { numRuns: 5000 },
    );
  });
  it('notes local times the clocks skip or repeat on the fixed-position path too', () => {
    const reader = createTimestampReader('Europe/Berlin');
    expect(reader.read('2026-03-29T02:30:00')).toBe(reader.read('2026-03-29T02:30:00.000'));
    reader.read('2026-03-29T02:30:00');
    expect(reader.clockNote).toBe(1);
    reader.read('2026-10-25 02:30:00');
    expect(reader.clockNote).toBe(2);
    reader.read('2026-10-25T02:30:00+01:00');
    expect(reader.clockNote).toBe(0);
    expect(reader.read('2026-10-25T02:30:00+01:00')).toBe(Date.UTC(2026, 9, 25, 1, 30));
    // a date alone is the start of its day; one looked up after its neighbours' days reads its own offset
    expect(reader.read('2026-03-28')).toBe(Date.UTC(2026, 2, 27, 23));
    expect(reader.dateOnly).toBe(true);
    expect(reader.read('2026-03-29')).toBe(Date.UTC(2026, 2, 28, 23));
    expect(reader.read('2026-03-30')).toBe(Date.UTC(2026, 2, 29, 22));
    expect(reader.read('2026-03-29')).toBe(Date.UTC(2026, 2, 28, 23));
  });
});

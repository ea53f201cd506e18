import { describe, expect, it } from 'vitest';
import { addOpenSeconds, closeOfBusinessDay, compileCalendar, openSeconds } from '../../src/engine/calendar.js';
import { calendar, iso, ms } from './calendar-fixtures.js';

const H = 3600;
const M = 60;

// 2026: Mon 6 July; Fri 1 May (holiday); Thu 24 Dec (shortened), Fri 25 and Sat 26 Dec closed;
// Thu 31 Dec (shortened), Fri 1 Jan 2027 closed. Berlin is UTC+2 in summer, UTC+1 in winter.
const office = calendar({
  id: 'office',
  timezone: 'Europe/Berlin',
  hours: { weekdays: ['09:00-12:30', '13:30-17:00'], sat: '10:00-14:00' },
  holidays: [
    '2026-05-01',
    { date: '2026-12-24', name: 'Christmas Eve', hours: '09:00-12:00' },
    '2026-12-25',
    '2026-12-26',
    { date: '2026-12-31', hours: '09:00-13:00' },
    '2027-01-01',
  ],
});

const weekdays = calendar({ id: 'weekdays', timezone: 'Europe/Berlin', hours: { weekdays: '09:00-17:00' } });

/** Open until midnight and on from midnight: 24:00 ends a day. */
const late = calendar({ id: 'late', timezone: 'Europe/Berlin', hours: { weekdays: ['00:00-02:00', '18:00-24:00'] } });

/** A night shift over the hour the clocks change. */
const nightBerlin = calendar({ id: 'night', timezone: 'Europe/Berlin', hours: { daily: ['00:00-06:00', '22:00-24:00'] } });
const nightNewYork = calendar({ id: 'night', timezone: 'America/New_York', hours: { daily: ['00:00-06:00', '22:00-24:00'] } });
const earlyBerlin = calendar({ id: 'early', timezone: 'Europe/Berlin', hours: { daily: '01:00-04:00' } });
const earlyNewYork = calendar({ id: 'early', timezone: 'America/New_York', hours: { daily: '01:00-04:00' } });
/** Hours that start inside the skipped hour, lie wholly inside it, or end inside the repeated one. */
const skippedStart = calendar({ id: 'skipped-start', timezone: 'Europe/Berlin', hours: { daily: '02:30-05:00' } });
const skippedWhole = calendar({ id: 'skipped-whole', timezone: 'Europe/Berlin', hours: { daily: '02:00-03:00' } });
const repeatedEnd = calendar({ id: 'repeated-end', timezone: 'Europe/Berlin', hours: { daily: ['01:00-02:30', '02:30-04:00'] } });
const allDay = calendar({ id: 'all-day', timezone: 'Europe/Berlin', hours: { daily: '00:00-24:00' } });

const never = calendar({ id: 'never', timezone: 'Europe/Berlin', hours: { daily: [] } });
/** Closed every week; open only on one shortened holiday. */
const once = calendar({ id: 'once', timezone: 'UTC', hours: {}, holidays: [{ date: '2026-07-01', hours: '10:00-12:00' }] });

describe('openSeconds', () => {
  it.each([
    ['within the morning', '2026-07-06T10:00+02:00', '2026-07-06T11:00+02:00', 1 * H],
    ['over lunch', '2026-07-06T12:00+02:00', '2026-07-06T14:00+02:00', 1 * H],
    ['from lunch', '2026-07-06T12:45+02:00', '2026-07-06T14:00+02:00', 30 * M],
    ['ending in lunch', '2026-07-06T12:00+02:00', '2026-07-06T13:00+02:00', 30 * M],
    ['from before opening', '2026-07-06T07:00+02:00', '2026-07-06T10:00+02:00', 1 * H],
    ['a whole weekday', '2026-07-06T00:00+02:00', '2026-07-07T00:00+02:00', 7 * H],
    ['from the night before', '2026-07-06T20:00+02:00', '2026-07-07T10:00+02:00', 1 * H],
    ['ending before opening', '2026-07-06T20:00+02:00', '2026-07-07T08:59+02:00', 0],
    ['ending at the opening', '2026-07-06T20:00+02:00', '2026-07-07T09:00+02:00', 0],
    ['from the close', '2026-07-06T17:00+02:00', '2026-07-07T09:30+02:00', 30 * M],
    ['Saturday hours', '2026-07-11T09:00+02:00', '2026-07-11T12:00+02:00', 2 * H],
    ['from Sunday', '2026-07-12T12:00+02:00', '2026-07-13T10:00+02:00', 1 * H],
    ['Friday to Monday over Saturday hours', '2026-07-10T16:00+02:00', '2026-07-13T10:00+02:00', 6 * H],
    ['a whole week', '2026-07-06T00:00+02:00', '2026-07-13T00:00+02:00', 39 * H],
    ['four whole weeks', '2026-07-06T00:00+02:00', '2026-08-03T00:00+02:00', 4 * 39 * H],
    ['a closed holiday', '2026-05-01T00:00+02:00', '2026-05-02T00:00+02:00', 0],
    ['from a holiday', '2026-05-01T10:00+02:00', '2026-05-02T12:00+02:00', 2 * H],
    ['over a holiday and a weekend', '2026-04-30T16:00+02:00', '2026-05-04T10:00+02:00', 6 * H],
    ['a shortened day', '2026-12-24T08:00+01:00', '2026-12-24T18:00+01:00', 3 * H],
    ['over Christmas', '2026-12-23T16:00+01:00', '2026-12-28T10:00+01:00', 5 * H],
    ['over the year end', '2026-12-31T12:00+01:00', '2027-01-04T10:00+01:00', 6 * H],
    // Weeks of 39 h from 6 July, the Christmas week 24 h, plus Mon-Thu 28 Dec-31 Dec (7+7+7+4).
    ['6 July to New Year', '2026-07-06T00:00+02:00', '2027-01-01T00:00+01:00', (24 * 39 + 24 + 25) * H],
    ['a quarter of a second', '2026-07-06T10:00:00.000+02:00', '2026-07-06T10:00:00.250+02:00', 0.25],
    ['an empty span', '2026-07-06T10:00+02:00', '2026-07-06T10:00+02:00', 0],
    ['an end before the start', '2026-07-06T11:00+02:00', '2026-07-06T10:00+02:00', 0],
  ])('office: %s', (_, from, to, seconds) => {
    expect(openSeconds(office, ms(from), ms(to))).toBe(seconds);
  });

  it.each([
    ['24:00 meets the next 00:00', late, '2026-07-06T23:00+02:00', '2026-07-07T01:00+02:00', 2 * H],
    ['a whole day ending at 24:00', late, '2026-07-06T00:00+02:00', '2026-07-07T00:00+02:00', 8 * H],
    ['all day is wall-clock time', allDay, '2026-07-06T08:15+02:00', '2026-07-09T19:45+02:00', 83.5 * H],
    ['all day over the spring change (a 23 h day)', allDay, '2026-03-28T00:00+01:00', '2026-03-30T00:00+02:00', 47 * H],
    ['all day over the autumn change (a 25 h day)', allDay, '2026-10-24T00:00+02:00', '2026-10-26T00:00+01:00', 49 * H],
  ])('%s', (_, cal, from, to, seconds) => {
    expect(openSeconds(cal, ms(from), ms(to))).toBe(seconds);
  });

  it.each([
    ['Berlin, clocks spring forward', nightBerlin, '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 7 * H],
    ['Berlin, clocks fall back', nightBerlin, '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 9 * H],
    ['Berlin, over the skipped hour', nightBerlin, '2026-03-29T01:30+01:00', '2026-03-29T03:30+02:00', 1 * H],
    ['Berlin, over the repeated hour', nightBerlin, '2026-10-25T02:30+02:00', '2026-10-25T02:30+01:00', 1 * H],
    ['Berlin, the day before', nightBerlin, '2026-03-28T00:00+01:00', '2026-03-29T00:00+01:00', 8 * H],
    ['New York, clocks spring forward', nightNewYork, '2026-03-08T00:00-05:00', '2026-03-09T00:00-04:00', 7 * H],
    ['New York, clocks fall back', nightNewYork, '2026-11-01T00:00-04:00', '2026-11-02T00:00-05:00', 9 * H],
    ['New York, over the repeated hour', nightNewYork, '2026-11-01T01:30-04:00', '2026-11-01T01:30-05:00', 1 * H],
    ['Berlin 01:00-04:00 in spring', earlyBerlin, '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 2 * H],
    ['Berlin 01:00-04:00 in autumn', earlyBerlin, '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 4 * H],
    ['New York 01:00-04:00 in spring', earlyNewYork, '2026-03-08T00:00-05:00', '2026-03-09T00:00-04:00', 2 * H],
    ['New York 01:00-04:00 in autumn', earlyNewYork, '2026-11-01T00:00-04:00', '2026-11-02T00:00-05:00', 4 * H],
    ['hours from 02:30, which is skipped: open from 03:00', skippedStart, '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 2 * H],
    ['hours wholly in the skipped hour', skippedWhole, '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 0],
    ['02:00-03:00 on the day the hour repeats: 02:00 CEST to 03:00 CET', skippedWhole, '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 2 * H],
    ['split at a repeated time, still the 4 h of 01:00-04:00', repeatedEnd, '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 4 * H],
    // A repeated local time is its first occurrence, as in log timestamps: 01:00 CEST to the first 02:30.
    ['up to a repeated time: its first occurrence', repeatedEnd, '2026-10-25T00:00+02:00', '2026-10-25T02:30+02:00', 1.5 * H],
  ])('DST: %s', (_, cal, from, to, seconds) => {
    expect(openSeconds(cal, ms(from), ms(to))).toBe(seconds);
  });

  it('counts nothing on a calendar that never opens, over any span', () => {
    expect(openSeconds(never, ms('2026-01-01T00:00Z'), ms('2046-01-01T00:00Z'))).toBe(0);
  });

  it('counts a long span exactly: 30 years of a 24x7 calendar are wall-clock time', () => {
    const from = ms('2000-01-01T00:00Z');
    const to = ms('2030-06-15T12:34:56Z');
    expect(openSeconds(allDay, from, to)).toBe((to - from) / 1000);
  });

  it('takes Infinity as an end (the due of what waits on a calendar that never opens)', () => {
    expect(openSeconds(office, ms('2026-07-06T10:00+02:00'), Infinity)).toBe(Infinity);
    expect(openSeconds(office, Infinity, Infinity)).toBe(0);
    expect(() => openSeconds(office, Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('addOpenSeconds', () => {
  it.each([
    ['one hour from the opening', '2026-07-06T09:00+02:00', 1 * H, '2026-07-06T08:00:00.000Z'],
    ['used up exactly at the lunch close', '2026-07-06T09:00+02:00', 3.5 * H, '2026-07-06T10:30:00.000Z'],
    ['a second past the lunch close', '2026-07-06T09:00+02:00', 3.5 * H + 1, '2026-07-06T11:30:01.000Z'],
    ['used up exactly at the evening close', '2026-07-06T09:00+02:00', 7 * H, '2026-07-06T15:00:00.000Z'],
    ['into the next day', '2026-07-06T09:00+02:00', 8 * H, '2026-07-07T08:00:00.000Z'],
    ['from lunch', '2026-07-06T12:45+02:00', 30 * M, '2026-07-06T12:00:00.000Z'],
    ['from before opening', '2026-07-06T06:00+02:00', 30 * M, '2026-07-06T07:30:00.000Z'],
    ['from the night', '2026-07-06T20:00+02:00', 1 * H, '2026-07-07T08:00:00.000Z'],
    ['Friday into Saturday hours', '2026-07-10T16:30+02:00', 1 * H, '2026-07-11T08:30:00.000Z'],
    ['Saturday over Sunday', '2026-07-11T13:00+02:00', 2 * H, '2026-07-13T08:00:00.000Z'],
    ['from Sunday', '2026-07-12T11:00+02:00', 1 * H, '2026-07-13T08:00:00.000Z'],
    ['from a closed holiday', '2026-05-01T09:00+02:00', 1 * H, '2026-05-02T09:00:00.000Z'],
    ['to the close of a shortened day', '2026-12-23T16:00+01:00', 4 * H, '2026-12-24T11:00:00.000Z'],
    ['over Christmas', '2026-12-23T16:00+01:00', 5 * H, '2026-12-28T09:00:00.000Z'],
    ['over the year end', '2026-12-31T12:00+01:00', 2 * H, '2027-01-02T10:00:00.000Z'],
    ['100 h: whole weeks and then days', '2026-07-06T09:00+02:00', 100 * H, '2026-07-23T08:00:00.000Z'],
    // 25 weeks to 28 Dec (960 h with Christmas), then 40 h: 28-31 Dec 25 h, Sat 2 Jan 4 h, Mon 7 h, Tue 4 h.
    ['1000 h: over half a year', '2026-07-06T09:00+02:00', 1000 * H, '2027-01-05T13:00:00.000Z'],
    ['nothing at all', '2026-07-06T20:00+02:00', 0, '2026-07-06T18:00:00.000Z'],
    ['a quarter of a second', '2026-07-06T10:00+02:00', 0.25, '2026-07-06T08:00:00.250Z'],
  ])('office: %s', (_, from, seconds, due) => {
    expect(iso(addOpenSeconds(office, ms(from), seconds))).toBe(due);
  });

  it.each([
    ['to 24:00, the next local midnight', late, '2026-07-06T23:00+02:00', 1 * H, '2026-07-06T22:00:00.000Z'],
    ['over midnight', late, '2026-07-06T23:00+02:00', 90 * M, '2026-07-06T22:30:00.000Z'],
    ['Berlin night shift over the skipped hour', nightBerlin, '2026-03-28T23:00+01:00', 3 * H, '2026-03-29T01:00:00.000Z'],
    ['Berlin night shift over the repeated hour', nightBerlin, '2026-10-25T01:00+02:00', 3 * H, '2026-10-25T02:00:00.000Z'],
    ['New York night shift over the skipped hour', nightNewYork, '2026-03-08T01:00-05:00', 2 * H, '2026-03-08T08:00:00.000Z'],
    ['New York night shift over the repeated hour', nightNewYork, '2026-11-01T00:30-04:00', 2 * H, '2026-11-01T06:30:00.000Z'],
    ['opening at the jump when the hours start in the skipped hour', skippedStart, '2026-03-28T12:00+01:00', 1 * H, '2026-03-29T02:00:00.000Z'],
    ['over a day whose hours are all skipped', skippedWhole, '2026-03-28T12:00+01:00', 30 * M, '2026-03-30T00:30:00.000Z'],
  ])('%s', (_, cal, from, seconds, due) => {
    expect(iso(addOpenSeconds(cal, ms(from), seconds))).toBe(due);
  });

  it('is due never (Infinity) on a calendar that never opens', () => {
    expect(addOpenSeconds(never, ms('2026-07-06T10:00+02:00'), 1)).toBe(Infinity);
    expect(addOpenSeconds(never, ms('2026-07-06T10:00+02:00'), 0)).toBe(ms('2026-07-06T10:00+02:00'));
  });

  it('finds the open time of the one open day, and then gives up', () => {
    expect(iso(addOpenSeconds(once, ms('2026-01-01T00:00Z'), 1 * H))).toBe('2026-07-01T11:00:00.000Z');
    expect(iso(addOpenSeconds(once, ms('2026-01-01T00:00Z'), 2 * H))).toBe('2026-07-01T12:00:00.000Z');
    expect(addOpenSeconds(once, ms('2026-01-01T00:00Z'), 2 * H + 1)).toBe(Infinity);
  });

  it('refuses a negative allowance', () => {
    expect(() => addOpenSeconds(office, ms('2026-07-06T10:00+02:00'), -1)).toThrow(RangeError);
  });
});

describe('closeOfBusinessDay', () => {
  it.each([
    ['1bd from Monday', '2026-07-06T10:00+02:00', 1, '2026-07-07T15:00:00.000Z'],
    ['1bd from Tuesday', '2026-07-07T10:00+02:00', 1, '2026-07-08T15:00:00.000Z'],
    ['1bd from Wednesday', '2026-07-08T10:00+02:00', 1, '2026-07-09T15:00:00.000Z'],
    ['1bd from Thursday', '2026-07-09T10:00+02:00', 1, '2026-07-10T15:00:00.000Z'],
    ['1bd from Friday: Saturday has hours', '2026-07-10T10:00+02:00', 1, '2026-07-11T12:00:00.000Z'],
    ['1bd from Saturday: Monday (Sunday closed)', '2026-07-11T11:00+02:00', 1, '2026-07-13T15:00:00.000Z'],
    ['1bd from Sunday', '2026-07-12T11:00+02:00', 1, '2026-07-13T15:00:00.000Z'],
    ['1bd from before opening', '2026-07-06T07:00+02:00', 1, '2026-07-07T15:00:00.000Z'],
    ['1bd from after the close', '2026-07-06T20:00+02:00', 1, '2026-07-07T15:00:00.000Z'],
    ['1bd from the last minute of the day', '2026-07-06T23:59+02:00', 1, '2026-07-07T15:00:00.000Z'],
    ['2bd from Friday', '2026-07-10T10:00+02:00', 2, '2026-07-13T15:00:00.000Z'],
    ['5bd from Monday', '2026-07-06T10:00+02:00', 5, '2026-07-11T12:00:00.000Z'],
    ['1bd from the eve of a holiday', '2026-04-30T10:00+02:00', 1, '2026-05-02T12:00:00.000Z'],
    ['1bd from the day before Christmas Eve: its shortened close', '2026-12-23T10:00+01:00', 1, '2026-12-24T11:00:00.000Z'],
    ['2bd from the day before Christmas Eve', '2026-12-23T10:00+01:00', 2, '2026-12-28T16:00:00.000Z'],
    ['1bd from Christmas Eve', '2026-12-24T10:00+01:00', 1, '2026-12-28T16:00:00.000Z'],
    ['1bd from Christmas Day', '2026-12-25T10:00+01:00', 1, '2026-12-28T16:00:00.000Z'],
    ['1bd across the year end', '2026-12-30T10:00+01:00', 1, '2026-12-31T12:00:00.000Z'],
    ['2bd across the year end', '2026-12-30T10:00+01:00', 2, '2027-01-02T13:00:00.000Z'],
    ['3bd across the year end', '2026-12-30T10:00+01:00', 3, '2027-01-04T16:00:00.000Z'],
    ['1bd over the autumn clock change', '2026-10-24T11:00+02:00', 1, '2026-10-26T16:00:00.000Z'],
    ['0bd during the day: its close', '2026-07-06T10:00+02:00', 0, '2026-07-06T15:00:00.000Z'],
    ['0bd at the close: that close', '2026-07-06T17:00+02:00', 0, '2026-07-06T15:00:00.000Z'],
    ['0bd after the close: the next close', '2026-07-06T17:01+02:00', 0, '2026-07-07T15:00:00.000Z'],
    ['0bd on Sunday', '2026-07-12T10:00+02:00', 0, '2026-07-13T15:00:00.000Z'],
    ['0bd on a closed holiday', '2026-12-25T10:00+01:00', 0, '2026-12-28T16:00:00.000Z'],
  ])('office: %s', (_, from, n, due) => {
    expect(iso(closeOfBusinessDay(office, ms(from), n))).toBe(due);
  });

  it.each([
    ['1bd from Friday without Saturday hours', weekdays, '2026-07-10T10:00+02:00', 1, '2026-07-13T15:00:00.000Z'],
    ['1bd from Saturday without Saturday hours', weekdays, '2026-07-11T10:00+02:00', 1, '2026-07-13T15:00:00.000Z'],
    ['1bd in the local day, not the UTC day', weekdays, '2026-07-06T23:30:00Z', 1, '2026-07-08T15:00:00.000Z'],
    ['a close at 24:00 is the next local midnight', late, '2026-07-05T12:00+02:00', 1, '2026-07-06T22:00:00.000Z'],
    ['the close of a day whose hours end in the skipped hour', skippedStart, '2026-03-28T12:00+01:00', 1, '2026-03-29T03:00:00.000Z'],
    ['a day whose hours are all skipped is no business day', skippedWhole, '2026-03-28T12:00+01:00', 1, '2026-03-30T01:00:00.000Z'],
    ['New York, over the spring change', nightNewYork, '2026-03-07T12:00-05:00', 1, '2026-03-09T04:00:00.000Z'],
  ])('%s', (_, cal, from, n, due) => {
    expect(iso(closeOfBusinessDay(cal, ms(from), n))).toBe(due);
  });

  it('is due never (Infinity) on a calendar that never opens', () => {
    expect(closeOfBusinessDay(never, ms('2026-07-06T10:00+02:00'), 1)).toBe(Infinity);
    expect(closeOfBusinessDay(never, ms('2026-07-06T10:00+02:00'), 0)).toBe(Infinity);
    expect(iso(closeOfBusinessDay(once, ms('2026-06-01T00:00Z'), 1))).toBe('2026-07-01T12:00:00.000Z');
    expect(closeOfBusinessDay(once, ms('2026-06-01T00:00Z'), 2)).toBe(Infinity);
  });

  it('refuses a count that is not a whole number >= 0', () => {
    expect(() => closeOfBusinessDay(office, 0, -1)).toThrow(RangeError);
    expect(() => closeOfBusinessDay(office, 0, 1.5)).toThrow(RangeError);
  });
});

describe('compileCalendar', () => {
  it('keeps the id and zone', () => {
    expect(office).toMatchObject({ id: 'office', zone: 'Europe/Berlin' });
  });

  it('refuses a calendar that was not compiled', () => {
    expect(() => openSeconds({ id: 'x', zone: 'UTC' }, 0, 1)).toThrow(TypeError);
  });

  it('answers the same whatever order days are first asked in', () => {
    const fresh = compileCalendar({ id: 'o', timezone: 'Europe/Berlin', week: [[{ start: 540, end: 1020 }], [], [], [], [], [], []], holidays: new Map(), at: { file: 'c.yaml', path: [] } });
    // Far first, then near, then a span over both.
    const a = ms('2026-01-01T00:00Z');
    const b = ms('2027-01-01T00:00Z');
    expect(addOpenSeconds(fresh, b, 8 * H)).toBe(ms('2027-01-04T17:00+01:00'));
    expect(openSeconds(fresh, ms('2026-03-02T00:00Z'), ms('2026-03-03T00:00Z'))).toBe(8 * H);
    // 2026 has 52 Mondays.
    expect(openSeconds(fresh, a, b)).toBe(52 * 8 * H);
  });
});

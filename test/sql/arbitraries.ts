/**
 * Random registries and random logs for the differential tests: every measure kind, calendars
 * with split hours, holidays and shortened days in zones with clock changes, `per` maps, pauses,
 * conditions with `any`, `not` and numeric comparisons, and the dirty cells real exports hold.
 */
import fc from 'fast-check';

/** Zones with clock changes at 02:00, at midnight (Santiago), by half an hour (Lord Howe), on UTC midnight (London), and none. */
export const ZONES = ['Europe/Berlin', 'America/New_York', 'Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as const;

/** Dates around the clock changes of those zones in 2026, and a few ordinary ones. */
const DATES = [
  '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-28', '2026-03-29', '2026-03-30', '2026-04-04', '2026-04-05', '2026-04-06',
  '2026-09-05', '2026-09-06', '2026-10-03', '2026-10-04', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-31', '2026-11-01', '2026-11-02',
  '2026-06-15', '2026-07-01', '2026-07-04', '2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01', '2026-02-28', '2026-08-15',
];

const HOUR_SETS = [
  ['09:00-17:00'],
  ['09:00-12:30', '13:30-17:00'],
  ['00:00-24:00'],
  ['01:30-03:30'],
  ['22:00-24:00'],
  ['00:00-02:30', '08:00-10:00'],
  ['10:00-14:00'],
];

const hoursArb = fc.oneof(fc.constantFrom(...HOUR_SETS), fc.constant([] as string[]));

export interface CalendarSpec {
  id: string;
  timezone: string;
  hours: Record<string, string[]>;
  holidays: ({ date: string; hours?: string[] } | string)[];
}

export const calendarArb = (id: string): fc.Arbitrary<CalendarSpec> =>
  fc.record({
    timezone: fc.constantFrom(...ZONES),
    weekdays: fc.constantFrom(...HOUR_SETS),
    sat: hoursArb,
    sun: hoursArb,
    wed: fc.option(hoursArb, { nil: undefined }),
    holidays: fc.array(fc.record({ date: fc.constantFrom(...DATES), short: fc.option(fc.constantFrom(...HOUR_SETS), { nil: undefined }) }), { maxLength: 5 }),
  }).map((c) => {
    const holidays = new Map<string, { date: string; hours?: string[] } | string>();
    for (const h of c.holidays) holidays.set(h.date, h.short === undefined ? h.date : { date: h.date, hours: h.short });
    return { id, timezone: c.timezone, hours: { weekdays: c.weekdays, sat: c.sat, sun: c.sun, ...(c.wed === undefined ? {} : { wed: c.wed }) }, holidays: [...holidays.values()] };
  });

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A `where` or `expect`: tests on the text, set and number columns, in any order, with any/all/not. */
const leafArb = fc.oneof(
  fc.constantFrom('email', 'phone', 'EMAIL').map((v) => ({ channel: v })),
  fc.constantFrom(['P1', 'P2'], ['P3']).map((v): Record<string, Json> => ({ priority: [...v] })),
  fc.record({ op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), v: fc.constantFrom(3, 4, 4.5, 0, -1, 1e300) }).map((t) => ({ csat: { [t.op]: t.v } })),
  fc.record({ op: fc.constantFrom('gte', 'lt'), v: fc.constantFrom(100, 1000.5) }).map((t) => ({ amount: { [t.op]: t.v } })),
  fc.constantFrom<Record<string, Json>>({ channel: { ne: 'phone' } }, { priority: { not_in: ['P1'] } }, { channel: { empty: true } }, { csat: { empty: false } }, { channel: { matches: '^e' } }, { priority: { matches: '[0-9]$' } }, { amount: { eq: '5' } }),
) as fc.Arbitrary<Record<string, Json>>;

export const conditionArb: fc.Arbitrary<Record<string, Json>> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    leafArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ any: items as Json[] })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ all: items as Json[] })),
    tie('node').map((item) => ({ not: item as Json })),
    // two keys in one mapping: tested in the order written
    fc.tuple(leafArb, leafArb).map(([a, b]) => ({ ...b, ...a })),
  ),
})).node as fc.Arbitrary<Record<string, Json>>;

const timeLimits = ['30m', '2h', '8h', '90s', '1h30m'];
const wallLimits = [...timeLimits, '1d', '2d', '1w'];
const bdLimits = ['0bd', '1bd', '2bd', '5bd', '20bd'];

export interface RegistrySpec {
  timezone: string;
  fiscalYearStart: number;
  calendars: CalendarSpec[];
  standards: Record<string, Json>[];
  sourceTimezone: string;
}

const standardArb = (i: number, calendars: string[]): fc.Arbitrary<Record<string, Json>> => {
  const base = { id: `s${i}`, promise: 'p', source: 'tickets' };
  const period = fc.constantFrom('week', 'month', 'quarter', 'year');
  const where = fc.option(conditionArb, { nil: undefined, freq: 2 });
  const warn = fc.option(fc.constantFrom(0.5, 0.75, 0.9), { nil: undefined });
  const target = fc.constantFrom(0.8, 0.9, 0.95, 1);
  const withWhere = (w: Record<string, Json> | undefined) => (w === undefined ? {} : { where: w });
  const duration = fc
    .record({
      calendar: fc.option(fc.constantFrom(...(calendars.length === 0 ? ['-'] : calendars)), { nil: undefined }),
      per: fc.boolean(),
      paused: fc.boolean(),
      single: fc.nat(99),
      map: fc.array(fc.nat(99), { minLength: 3, maxLength: 3 }),
      fallback: fc.boolean(),
      where,
      warn,
      target,
      period,
      remedy: fc.boolean(),
    })
    .map((d) => {
      const onCalendar = d.calendar !== undefined && d.calendar !== '-';
      const pool = onCalendar ? [...timeLimits, ...bdLimits] : wallLimits;
      const pick = (n: number) => pool[n % pool.length] as string;
      const within: Json = d.per ? { P1: pick(d.map[0] ?? 0), P2: pick(d.map[1] ?? 0), ...(d.fallback ? { default: pick(d.map[2] ?? 0) } : {}) } : pick(d.single);
      return {
        ...base,
        ...withWhere(d.where),
        measure: { kind: 'duration', from: 'opened', to: 'closed', within, ...(onCalendar ? { calendar: d.calendar as string } : {}), ...(d.per ? { per: 'priority' } : {}), ...(d.paused ? { paused: 'waited' } : {}) },
        target: d.target,
        period: d.period,
        ...(d.warn === undefined ? {} : { warn_at: d.warn }),
        ...(d.remedy ? { remedy: { action: 'a credit', credit: 2.5, currency: 'EUR' } } : {}),
      };
    });
  const deadline = fc.record({ start: fc.boolean(), dueIsDate: fc.boolean(), grace: fc.option(fc.constantFrom('30m', '1d'), { nil: undefined }), where, warn, target, period }).map((d) => ({
    ...base,
    ...withWhere(d.where),
    measure: { kind: 'deadline', ...(d.start ? { start: 'opened' } : {}), due: 'due', done: 'closed', ...(d.dueIsDate ? { due_is_date: true } : {}), ...(d.grace === undefined ? {} : { grace: d.grace }) },
    target: d.target,
    period: d.period,
    ...(d.warn === undefined ? {} : { warn_at: d.warn }),
  }));
  const condition = fc.record({ expect: conditionArb, where, target, period }).map((c) => ({ ...base, ...withWhere(c.where), measure: { kind: 'condition', at: 'opened', expect: c.expect }, target: c.target, period: c.period }));
  const average = fc.record({ atLeast: fc.boolean(), bound: fc.constantFrom(3, 3.5, 1000), of: fc.constantFrom('csat', 'amount'), where, period }).map((a) => ({
    ...base,
    ...withWhere(a.where),
    measure: { kind: 'average', at: 'opened', of: a.of, ...(a.atLeast ? { at_least: a.bound } : { at_most: a.bound }) },
    period: a.period,
  }));
  const nps = fc.record({ where, period, bound: fc.constantFrom(0, 30, -10) }).map((n) => ({ ...base, ...withWhere(n.where), measure: { kind: 'nps', at: 'opened', of: 'score', at_least: n.bound }, period: n.period }));
  return fc.oneof({ arbitrary: duration, weight: 4 }, { arbitrary: deadline, weight: 2 }, { arbitrary: condition, weight: 2 }, { arbitrary: average, weight: 1 }, { arbitrary: nps, weight: 1 });
};

export const registryArb: fc.Arbitrary<RegistrySpec> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    sourceTimezone: fc.constantFrom(...ZONES),
    fiscalYearStart: fc.constantFrom(1, 1, 4, 7, 10),
    calendarCount: fc.integer({ min: 0, max: 2 }),
  })
  .chain((r) =>
    fc
      .record({
        calendars: fc.tuple(...Array.from({ length: r.calendarCount }, (_, i) => calendarArb(`cal${i + 1}`))),
        count: fc.integer({ min: 1, max: 5 }),
      })
      .chain(({ calendars, count }) =>
        fc.tuple(...Array.from({ length: count }, (_, i) => standardArb(i + 1, calendars.map((c) => c.id)))).map((standards) => ({ ...r, calendars, standards })),
      ),
  );

/** The registry's files. */
export function registryFiles(spec: RegistrySpec, timestampFormat?: string): Record<string, string> {
  return {
    'promise.yaml': `version: 1\nname: Random\ntimezone: ${spec.timezone}\nfiscal_year_start: ${spec.fiscalYearStart}\n`,
    'owners.yaml': 'owners:\n  - { id: team, name: Team, kind: team }\n',
    'promises.yaml': 'promises:\n  - { id: p, statement: We help., dimension: responsiveness, owner: team }\n',
    'sources.yaml': `sources:\n  - ${JSON.stringify({ id: 'tickets', files: 'logs/*.csv', key: 'id', timezone: spec.sourceTimezone, ...(timestampFormat === undefined ? {} : { timestamp_format: timestampFormat }) })}\n`,
    ...(spec.calendars.length === 0 ? {} : { 'calendars.yaml': `calendars:\n${spec.calendars.map((c) => `  - ${JSON.stringify(c)}`).join('\n')}\n` }),
    'standards.yaml': `standards:\n${spec.standards.map((s) => `  - ${JSON.stringify(s)}`).join('\n')}\n`,
  };
}

export const HEADER = ['id', 'opened', 'closed', 'due', 'waited', 'channel', 'priority', 'csat', 'amount', 'score'];

/** Local times at the clock changes, at midnight and at the edges of opening hours. */
const TIMES = ['00:00', '00:30', '01:30', '02:00', '02:30', '02:59:59', '03:00', '08:59:59', '09:00', '12:30', '13:30', '16:59:59.999', '17:00', '22:30', '23:59:59.5', '24:00'];

/** A timestamp cell as exports write them, clean and dirty. */
export const timestampArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.record({ date: fc.constantFrom(...DATES), time: fc.constantFrom(...TIMES), sep: fc.constantFrom('T', ' '), suffix: fc.constantFrom('', '', '', 'Z', '+02:00', '-0530', '+05', ' +01:00', 'z') }).map((t) => `${t.date}${t.sep}${t.time}${t.suffix}`), weight: 8 },
  { arbitrary: fc.record({ date: fc.constantFrom(...DATES), min: fc.integer({ min: 0, max: 1439 }) }).map((t) => `${t.date}T${String(Math.floor(t.min / 60)).padStart(2, '0')}:${String(t.min % 60).padStart(2, '0')}:00`), weight: 6 },
  { arbitrary: fc.constantFrom(...DATES), weight: 2 },
  { arbitrary: fc.constantFrom('', '', ' ', 'n/a', 'yesterday', '2026-02-30', '2026-13-01', '0999-01-01', '2026-07-01T25:00', '2026-07-01T24:30', '2026-07-01T10:00:00.1234567891', '2026-7-1', '31/12/2026', '2026-07-01T10:00+5:30', '2026-07-01T10:00:00,5Z', ' 2026-07-01T10:00Z ', '9999-12-31', '2026-07-01T10:00:60'), weight: 2 },
);

/** A number cell: clean, dirty and out of range. */
const numberArb = fc.constantFrom('', '', '0', '1', '3', '4', '4.5', '5', '-2', '+4', '.5', '5.', '1e3', '1e999', '-1e999', 'x', ' 7 ', '12', '9', '10', '6', '7.5', '1e-400', 'NaN', '0x10');

export const rowArb: fc.Arbitrary<string[]> = fc.record({
  opened: timestampArb,
  closed: timestampArb,
  due: timestampArb,
  waited: fc.constantFrom('', '', '0', '15', '90', '0.5', '-3', 'n/a', '1e999', '4e303', '1e-9'),
  channel: fc.constantFrom('email', 'phone', '', ' email ', 'e,mail', 'say "hi"', 'two\nlines', 'e\r\nmail', '\u00a0email'),
  priority: fc.constantFrom('P1', 'P2', 'P3', ''),
  csat: numberArb,
  amount: numberArb,
  score: numberArb,
}).map((r) => [r.opened, r.closed, r.due, r.waited, r.channel, r.priority, r.csat, r.amount, r.score]);

/** A CSV cell, quoted when it must be. */
const csv = (cell: string): string => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** What can go wrong with a row of an export: cells missing or one too many, a blank line before it. */
export const damageArb = fc.constantFrom('', '', '', '', '', '', '', '', '', 'short', 'long', 'blank', 'crlf');

/** The rows as log files: keys that repeat now and then, dealt over `files` files, some rows damaged. */
export function logFiles(rows: readonly string[][], files: number, damage: readonly string[] = []): string[] {
  const parts: string[][] = Array.from({ length: files }, () => [HEADER.join(',')]);
  rows.forEach((cells, i) => {
    const key = i % 9 === 8 ? `T${i - 3}` : `T${i}`;
    const d = damage[i % Math.max(1, damage.length)] ?? '';
    const all = [key, ...cells].map(csv);
    const line = d === 'short' ? all.slice(0, 5).join(',') : d === 'long' ? [...all, 'extra'].join(',') : all.join(',');
    parts[i % files]?.push(d === 'blank' ? `\n${line}` : d === 'crlf' ? `${line}\r` : line);
  });
  return parts.map((p) => `${p.join('\n')}\n`);
}

/** Moments of evaluation: inside the data, at a clock change, after it all. */
export const asOfArb = fc.constantFrom('2026-10-25T01:30:00Z', '2026-07-01T12:00:00Z', '2027-01-15T00:00:00Z', '2026-03-29T02:00:00+02:00', '2026-12-31T23:00:00Z');

/** Formats the SQL reads as the built-in reader does (src/sql/timestamp-sql.ts). */
export const FORMATS = ['MM/dd/yyyy hh:mm:ss a', 'dd.MM.yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'M/d/yy h:mm a', 'dd/MM/yyyy', "yyyy-MM-dd'T'HH:mm:ss.SSS", 'd.M.yyyy H:mm:ss'] as const;

const pad = (n: number, width: number, padded: boolean): string => (padded ? String(n).padStart(width, '0') : String(n));

/** A cell written in `format`, digits padded or not, the day period in any of the ways people write it, or dirt. */
export function formattedCellArb(format: string): fc.Arbitrary<string> {
  return fc
    .record({
      y: fc.constantFrom(2026, 2026, 2027, 1999, 26),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 25 }),
      mi: fc.integer({ min: 0, max: 61 }),
      s: fc.integer({ min: 0, max: 60 }),
      ms: fc.integer({ min: 0, max: 999 }),
      padded: fc.boolean(),
      period: fc.constantFrom('AM', 'PM', 'am', 'pm', 'a.m.', 'P.M.', 'a', 'p', 'noon', 'midnight', 'in the afternoon', 'at night', 'xm'),
      dateOnly: fc.boolean(),
      junk: fc.constantFrom('', '', '', '', '', '', 'x', ' Z'),
    })
    .map((f) => {
      let out = '';
      let i = 0;
      let stop = format.length;
      if (f.dateOnly) {
        const t = format.search(/[HhmsSa]/);
        if (t > 0) stop = t;
      }
      while (i < stop) {
        const c = format[i] as string;
        if (c === "'") {
          const close = format.indexOf("'", i + 1);
          out += format.slice(i + 1, close);
          i = close + 1;
          continue;
        }
        let j = i;
        while (j < format.length && format[j] === c) j++;
        const token = format.slice(i, j);
        i = j;
        switch (token) {
          case 'yyyy': out += pad(f.y, 4, f.padded); break;
          case 'yy': out += pad(f.y % 100, 2, f.padded); break;
          case 'MM': case 'M': out += pad(f.mo, token.length, f.padded); break;
          case 'dd': case 'd': out += pad(f.d, token.length, f.padded); break;
          case 'HH': case 'H': out += pad(f.h, token.length, f.padded); break;
          case 'hh': case 'h': out += pad(f.h % 13, token.length, f.padded); break;
          case 'mm': case 'm': out += pad(f.mi, token.length, f.padded); break;
          case 'ss': case 's': out += pad(f.s, token.length, f.padded); break;
          case 'SSS': out += pad(f.ms, 3, f.padded); break;
          case 'a': out += f.period; break;
          default: out += token;
        }
      }
      return (f.dateOnly ? out.replace(/[\sT,.:/-]+$/, '') : out) + f.junk;
    });
}

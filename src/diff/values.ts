/**
 * Registry values as the text a change shows before and after: close to what the YAML says,
 * and canonical, so that two values are the same exactly when their texts are.
 */
import { compareText } from '../model/diagnostic.js';
import { describeCondition } from '../registry/condition.js';
import type { Duration } from '../registry/duration.js';
import type { Calendar, Holiday, Measure, Standard } from '../registry/model.js';
import type { RemedyInput } from '../registry/schema.js';
import { kindOf } from '../plan/measure-kinds.js';
import { DAY_KEYS, isDuration } from '../registry/schema.js';
import type { Interval } from '../registry/values.js';

/** 0.95 → "95%", 0.995 → "99.5%". */
export function shareText(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}

export function withinText(within: Duration | Record<string, Duration>): string {
  if (isDuration(within)) return within.text;
  return `{ ${limitKeys(within)
    .map((k) => `${k}: ${(within[k] as Duration).text}`)
    .join(', ')} }`;
}

/** A within map's keys in a stable order: values as sorted text, `default` last. */
export function limitKeys(map: Record<string, unknown>): string[] {
  const keys = Object.keys(map).filter((k) => k !== 'default').sort(compareText);
  return 'default' in map ? [...keys, 'default'] : keys;
}

/** A measure in one line, for a standard added or removed, or a measure whose kind changed. */
export function measureText(m: Measure): string {
  switch (m.kind) {
    case 'duration': {
      const per = m.per === undefined || isDuration(m.within) ? '' : ` by ${m.per}`;
      const calendar = m.calendar === undefined ? '' : ` on ${m.calendar}`;
      const paused = m.paused === undefined ? '' : `, less ${m.paused}`;
      return `from ${m.from} to ${m.to} within ${withinText(m.within)}${per}${calendar}${paused}`;
    }
    case 'deadline': {
      const grace = m.grace === undefined ? '' : ` + ${m.grace.text}`;
      return `${m.done} by ${m.due}${m.due_is_date === true ? ' (end of day)' : ''}${grace}`;
    }
    case 'condition':
      return `expect ${describeCondition(m.expect)}`;
    case 'average':
    case 'nps':
      return kindOf(m).describe(m);
  }
}

/** A standard in one line: its measure, target and period. */
export function standardText(s: Standard): string {
  return `${measureText(s.measure)}, ${s.target === undefined ? '' : `target ${shareText(s.target)} `}per ${s.period}`;
}

export function remedyText(r: RemedyInput): string {
  return r.credit === undefined ? r.action : `${r.action} (credit ${creditText(r)})`;
}

export function creditText(r: RemedyInput | undefined): string | undefined {
  if (r?.credit === undefined) return undefined;
  return `${r.credit} ${r.currency ?? ''}`.trim();
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A day's open hours: `09:00-12:30, 13:30-17:00`, or `closed`. */
export function hoursText(intervals: readonly Interval[]): string {
  return intervals.length === 0 ? 'closed' : intervals.map((i) => `${clock(i.start)}-${clock(i.end)}`).join(', ');
}

export function holidayText(h: Holiday): string {
  const hours = h.hours.length === 0 ? 'closed' : `open ${hoursText(h.hours)}`;
  return h.name === undefined ? hours : `${h.name}: ${hours}`;
}

/** The weekdays as the registry names them, Monday first. */
export const WEEKDAYS = DAY_KEYS;

/** A calendar's week in one line, for a calendar added or removed. */
export function calendarText(c: Calendar): string {
  return `${WEEKDAYS.map((d, i) => `${d} ${hoursText(c.week[i] ?? [])}`).join('; ')}; ${c.holidays.size} holiday${c.holidays.size === 1 ? '' : 's'} (${c.timezone})`;
}

/** A list of texts, as written in YAML flow style. */
export function listText(values: readonly string[] | undefined): string | undefined {
  return values === undefined ? undefined : `[${values.join(', ')}]`;
}


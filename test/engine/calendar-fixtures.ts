/** Calendars for the business-time tests, written as in a registry file and read by the registry's own schema. */
import { z } from 'zod';
import { compileCalendar, type BusinessCalendar } from '../../src/engine/calendar.js';
import type { Calendar } from '../../src/registry/model.js';
import { calendarSchema, DAY_KEYS } from '../../src/registry/schema.js';

export type CalendarYaml = z.input<typeof calendarSchema>;

/** A loaded Calendar from its YAML form (hours precedence as in SPEC §1: daily, weekdays, a named day). */
export function loadCalendar(yaml: CalendarYaml, registryZone = 'UTC'): Calendar {
  const input = calendarSchema.parse(yaml);
  const week = DAY_KEYS.map((key, day) => input.hours[key] ?? (day < 5 ? input.hours.weekdays : undefined) ?? input.hours.daily ?? []);
  const holidays: Calendar['holidays'] = new Map();
  for (const entry of input.holidays ?? []) {
    const holiday = typeof entry === 'string' ? { date: entry, name: undefined, hours: [] } : { date: entry.date, name: entry.name, hours: entry.hours ?? [] };
    holidays.set(holiday.date, holiday);
  }
  return { id: input.id, timezone: input.timezone ?? registryZone, week, holidays, at: { file: 'calendars.yaml', path: [] } };
}

export function calendar(yaml: CalendarYaml): BusinessCalendar {
  return compileCalendar(loadCalendar(yaml));
}

/** Epoch ms of an ISO 8601 text with an offset. */
export function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad test instant ${iso}`);
  return value;
}

/** ISO text of an instant in UTC, or the number itself when it is not finite. */
export function iso(value: number): string {
  return Number.isFinite(value) ? new Date(value).toISOString() : String(value);
}

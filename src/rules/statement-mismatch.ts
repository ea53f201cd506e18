/**
 * The communication gap: a statement that promises a time its standards do not measure
 * ("within 24 hours" published, `1bd` on an office calendar measured).
 */
import type { Duration } from '../registry/duration.js';
import { kindOf } from '../plan/measure-kinds.js';
import type { Standard } from '../registry/model.js';
import { say } from '../registry/messages.js';
import { about, finding, type Finding, type Rule } from './types.js';

/** A time a statement promises, as the customer reads it. */
export type StatedTime =
  | { kind: 'business-days'; days: number; text: string }
  | { kind: 'time'; seconds: number; business: boolean; text: string };

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, 'twenty-four': 24, thirty: 30,
  'forty-five': 45, 'forty-eight': 48, sixty: 60, 'seventy-two': 72, ninety: 90,
};

const UNIT_SECONDS: [RegExp, number][] = [
  [/^(s|secs?|seconds?)$/, 1],
  [/^(m|mins?|minutes?)$/, 60],
  [/^(h|hrs?|hours?)$/, 3600],
  [/^(d|days?)$/, 86_400],
  [/^(w|wks?|weeks?)$/, 604_800],
];

const WORDS = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
const TIME_PHRASE = new RegExp(
  String.raw`\b(?:within|in|under|inside|than)\s+(?:(?<digits>\d+(?:\.\d+)?)(?<attached>s|m|h|d|w|hrs?|mins?)\b|(?<num>\d+(?:\.\d+)?|${WORDS})[\s-]+(?:(?<biz>business|working)\s+)?(?<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?)\b)`,
  'gi',
);
const NEXT_DAY = /\b(?<which>next|same)\s+(?:business|working)\s+day\b/gi;

/** The times a statement names, in the order written. */
export function statedTimes(statement: string): StatedTime[] {
  const out: { index: number; time: StatedTime }[] = [];
  for (const m of statement.matchAll(TIME_PHRASE)) {
    const g = m.groups ?? {};
    const raw = (g.digits ?? g.num ?? '').toLowerCase();
    const amount = NUMBER_WORDS[raw] ?? Number(raw);
    const unit = (g.attached ?? g.unit ?? '').toLowerCase();
    const size = UNIT_SECONDS.find(([re]) => re.test(unit))?.[1];
    if (size === undefined || !Number.isFinite(amount)) continue;
    const text = m[0].replace(/^\S+\s+/, '');
    const business = g.biz !== undefined;
    const time: StatedTime =
      business && size === 86_400 ? { kind: 'business-days', days: amount, text } : { kind: 'time', seconds: amount * size, business, text };
    out.push({ index: m.index, time });
  }
  for (const m of statement.matchAll(NEXT_DAY)) {
    out.push({ index: m.index, time: { kind: 'business-days', days: m.groups?.which?.toLowerCase() === 'next' ? 1 : 0, text: m[0] } });
  }
  return out.sort((a, b) => a.index - b.index).map((o) => o.time);
}

function limitsOf(standard: Standard): Duration[] {
  const limits = kindOf(standard.measure).limits(standard.measure);
  if (limits === undefined) return [];
  if (limits.single !== undefined) return [limits.single];
  return [...limits.byValue.values(), ...(limits.fallback === undefined ? [] : [limits.fallback])];
}

function matches(stated: StatedTime, limit: Duration, calendar: string | undefined): boolean {
  if (stated.kind === 'business-days') return limit.kind === 'business-days' && limit.days === stated.days;
  return limit.kind === 'time' && limit.seconds === stated.seconds && stated.business === (calendar !== undefined);
}

/** What the standards measure, one entry per limit: its text, its kind, its calendar ('' for wall-clock time) and its standard. */
interface Measured {
  limits: readonly string[];
  kinds: readonly string[];
  calendars: readonly string[];
  standards: readonly string[];
}

function describeMeasured({ limits, kinds, calendars, standards }: Measured): string {
  return limits
    .map((limit, i) => {
      const calendar = calendars[i] ?? '';
      const what = calendar === '' ? `${limit} of wall-clock time` : kinds[i] === 'business-days' ? `${limit} on calendar "${calendar}"` : `${limit} of open time on calendar "${calendar}"`;
      return `${what} (${standards[i] ?? ''})`;
    })
    .join(', ');
}

const says = (d: { promise: string; stated: string } & Measured): string => `promise "${d.promise}" says "${d.stated}", but its standards measure ${describeMeasured(d)}`;

const messages = {
  mismatch: { message: says, hint: 'make the statement and the standard say the same thing' },
  /** the statement names clock time, a standard counts open time */
  clockTime: {
    message: says,
    hint: 'customers read hours and days as clock time; say "business hours" or "business days" in the statement, or measure wall-clock time',
  },
} as const;

export const statementMismatch: Rule = {
  id: 'statement-mismatch',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'A statement names a time ("within 24 hours", "one business day") that none of its duration standards measures (the communication gap).',
  messages,
  check({ registry, locateText }) {
    const out: Finding[] = [];
    const durations = new Map<string, Standard[]>();
    for (const s of registry.standards) {
      if (s.measure.kind === 'duration') durations.set(s.promise, [...(durations.get(s.promise) ?? []), s]);
    }
    for (const promise of registry.promises) {
      const standards = durations.get(promise.id) ?? [];
      if (standards.length === 0) continue;
      for (const stated of statedTimes(promise.statement)) {
        const kept = standards.some((s) => limitsOf(s).some((l) => matches(stated, l, s.measure.kind === 'duration' ? s.measure.calendar : undefined)));
        if (kept) continue;
        const limits = standards.flatMap((st) => limitsOf(st).map((limit) => ({ limit, standard: st, calendar: st.measure.kind === 'duration' ? (st.measure.calendar ?? '') : '' })));
        const measured: Measured = {
          limits: limits.map((l) => l.limit.text),
          kinds: limits.map((l) => l.limit.kind),
          calendars: limits.map((l) => l.calendar),
          standards: limits.map((l) => l.standard.id),
        };
        const clock = stated.kind === 'time' && !stated.business && standards.some((st) => st.measure.kind === 'duration' && st.measure.calendar !== undefined);
        const said = say(messages, clock ? 'clockTime' : 'mismatch', { promise: promise.id, stated: stated.text, ...measured });
        out.push(finding(locateText(promise.at, ['statement'], stated.text), said, about('promises', promise.id, 'statement')));
      }
    }
    return out;
  },
};

/** How one record's verdict was reached, in words: the one place the steps of an explanation become sentences. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { TraceStep } from '../../engine/classify.js';
import type { TestRun } from '../../engine/condition.js';
import type { TimestampReading } from '../../model/cells.js';
import { describeCondition } from '../../registry/condition.js';
import { formatSeconds } from '../../registry/duration.js';
import type { ExplainStep, NpsStep, RecordExplanation } from '../../run/explain.js';
import { invalidReasonText, timestampProblemText } from '../shared/invalid-reasons.js';

/** What the explain formatters are given. */
export interface ExplainReport {
  asOfMs: number;
  /** the registry's zone: instants are shown in it where no other zone read them */
  timezone: string;
  explanations: RecordExplanation[];
}

/** A local time with its offset: `Fri 2026-07-03 16:30:00 +02:00`. */
function localInstant(ms: number, zone: string): string {
  if (!Number.isFinite(ms)) return 'never';
  return format(new TZDate(ms, zone), 'EEE yyyy-MM-dd HH:mm:ss xxx');
}

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : 'never');

/** How a timestamp cell was read: its zone and offset, and what a clock change did to it. */
function readingText(cell: string, r: TimestampReading, format: string | undefined): string {
  if (r.problem !== undefined) return timestampProblemText(r.problem, cell.trim(), format);
  const how = r.writtenOffset !== undefined ? `written with its offset (${offsetText(r.writtenOffset)})` : `a local time in ${r.zone} (${offsetText(r.offset)})`;
  const date = r.dateOnly ? ', a date alone: the start of that day' : '';
  const clock =
    r.clockNote === 1
      ? '; the clocks skip that local time (a daylight-saving gap): read with the offset before the jump, so it lands after the jump by the gap'
      : r.clockNote === 2
        ? '; the clocks show that local time twice (the autumn overlap): read as the earlier'
        : '';
  return `"${cell.trim()}" is ${how}${date}${clock} → ${iso(r.ms)}`;
}

function testText(t: TestRun): string {
  const plain = describeCondition({ kind: 'test', column: t.column, test: t.test });
  const test = t.negated ? `not (${plain})` : plain;
  const verdict = typeof t.verdict === 'object' ? `cannot be decided (${invalidReasonText(t.verdict)})` : t.verdict !== t.negated ? 'yes' : 'no';
  return `${test}? ${t.column} is "${t.cell}": ${verdict}`;
}

function testsText(tests: readonly TestRun[]): string {
  return tests.length === 0 ? 'no test was run' : tests.map(testText).join('; ');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Open time reads as open time: in hours and minutes (`46h`, `12h 30m`), never in days of 24 hours. */
function openHours(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return m === 0 ? `${Math.round(seconds)}s` : `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

const onCalendar = (e: RecordExplanation): boolean => e.steps.some((s) => s.step === 'calendar');

const NPS_COUNTS = {
  promoter: 'a promoter (9–10): NPS = % promoters − % detractors, and this response is among the promoters',
  passive: 'passive (7–8): NPS = % promoters − % detractors, and this response counts in neither share, only in the total',
  detractor: 'a detractor (0–6): NPS = % promoters − % detractors, and this response is among the detractors',
} as const;

/** SPEC §6: how one response counts in its period's Net Promoter Score. */
function npsText(step: NpsStep): string {
  const cell = step.cell.trim();
  if (step.category !== undefined) return `${step.column} "${cell}" is ${NPS_COUNTS[step.category]}`;
  return cell === '' ? `${step.column} is empty: not counted in the NPS` : `${step.column} "${cell}" is not a whole score from 0 to 10: not counted in the NPS`;
}

/** The sentence of one step. */
export function stepText(step: ExplainStep, e: RecordExplanation, report: ExplainReport): string {
  const zone = zoneOf(e, report);
  switch (step.step) {
    case 'where': {
      const verdict = typeof step.verdict === 'object' ? 'the scope cannot be decided: the record is invalid for this standard' : step.verdict ? 'in scope' : 'out of scope (the last test decided)';
      return `where: ${testsText(step.tests)} → ${verdict}`;
    }
    case 'per':
      if (step.limit === undefined) return `per ${step.column}: "${step.value}" is not named in the map of limits, which has no default → out of scope`;
      return `per ${step.column}: "${step.value}" → ${step.byDefault ? `not named in the map: the default, ${step.limit}` : `within ${step.limit}`}`;
    case 'start':
      return `start ${step.column}: ${readingText(step.cell, step.reading, undefined)}`;
    case 'end':
      switch (step.state) {
        case 'empty':
          return `end ${step.column} is empty: not done, open at as_of`;
        case 'bad':
          return `end ${step.column}: ${readingText(step.cell, step.reading as TimestampReading, undefined)}`;
        case 'after-as-of':
          return `end ${step.column}: ${readingText(step.cell, step.reading as TimestampReading, undefined)}, after as_of (${iso(report.asOfMs)}): not done yet at that moment, so open`;
        case 'done':
          return `end ${step.column}: ${readingText(step.cell, step.reading as TimestampReading, undefined)}`;
      }
      break;
    case 'due': {
      if (step.reading === undefined) return `due ${step.column} is empty: no promise was made for this record`;
      const byDate = step.endOfDay ? ', due by the end of that day' : '';
      const grace = step.grace === undefined ? '' : `, plus a grace of ${step.grace}`;
      return `due ${step.column}: ${readingText(step.cell, step.reading, undefined)}${byDate}${grace} → due ${Number.isNaN(step.dueMs) ? 'not read' : localInstant(step.dueMs, step.reading.zone)}`;
    }
    case 'paused':
      return step.minutes === undefined ? `paused ${step.column} "${step.cell.trim()}" is not a number of minutes` : `paused ${step.column} "${step.cell.trim()}": ${formatSeconds(step.minutes * 60)} of pause, not counted`;
    case 'calendar': {
      const lines = calendarLines(step, e);
      return `${lines[0] ?? ''} ${lines.slice(1, -1).join('; ')} ${lines.at(-1) ?? ''}`;
    }
    case 'limit': {
      const paused = step.pausedMs > 0 ? `, later by the ${formatSeconds(step.pausedMs / 1000)} paused` : '';
      if (step.businessDays !== undefined) {
        const nth = step.businessDays === 0 ? 'the same business day (the first close at or after the start)' : `the close of the ${ordinal(step.businessDays)} business day after the day the clock started`;
        return `limit ${step.limit}: by ${nth}${paused} → due ${localInstant(step.dueMs, zone)} (${openHours(step.limitMs / 1000)} of open time from the start)`;
      }
      return `limit ${step.limit}${e.steps.some((s) => s.step === 'calendar') ? ' of open time' : ''}${paused} → due ${localInstant(step.dueMs, zone)}`;
    }
    case 'expect':
      return `expect: ${testsText(step.tests)}`;
    case 'value':
      return step.value === undefined
        ? step.cell.trim() === ''
          ? `${step.column} is empty: nothing to count`
          : `${step.column} "${step.cell.trim()}" is not a number`
        : `${step.column} "${step.cell.trim()}": ${step.value} is counted in the period's mean`;
    case 'nps':
      return npsText(step);
    case 'cells':
      return `nothing to judge and no date to file it under: ${step.cells.map((c) => `${c.column} is empty`).join(', ')}`;
    case 'disposition':
      return outcomeText(e, step.period);
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The zone a record's times read in: its calendar's, else its source's, else the registry's. */
function zoneOf(e: RecordExplanation, report: ExplainReport): string {
  for (const s of e.steps) if (s.step === 'calendar') return s.zone;
  for (const s of e.steps) if (s.step === 'start') return s.reading.zone;
  return report.timezone;
}

/** The open time of a calendar step as lines: what was counted, each day, the total. */
export function calendarLines(step: Extract<TraceStep, { step: 'calendar' }>, e: RecordExplanation): string[] {
  const days = step.days.map((d) => {
    const name = format(new TZDate(`${d.date}T12:00:00Z`, 'UTC'), 'EEE');
    const holiday = d.holiday ? ` holiday${d.name === undefined ? '' : ` (${d.name})`}` : '';
    if (d.closed) return `${name} ${d.date}${holiday === '' ? ' closed' : `${holiday}, closed`}: skipped`;
    if (d.open.length === 0) return `${name} ${d.date}${holiday}: no open time in the span`;
    const spans = d.open.map((o) => `${format(new TZDate(o.startMs, step.zone), 'HH:mm')}–${format(new TZDate(o.endMs, step.zone), 'HH:mm')}`);
    return `${name} ${d.date}${holiday}${d.holiday ? ' (shortened hours)' : ''}: ${spans.join(', ')}`;
  });
  const more = step.more > 0 ? [`… and ${plural(step.more, 'more day')}`] : [];
  return [
    `open time on calendar ${step.calendar} (${step.zone}), from the start to ${e.endMs === undefined ? 'as_of' : 'the end'}:`,
    ...days,
    ...more,
    `= ${openHours(step.openMs / 1000)} of open time`,
  ];
}

/** The verdict in one sentence, with the figures `breaches` shows. */
function outcomeText(e: RecordExplanation, period: string | undefined): string {
  const figures: string[] = [];
  const open = onCalendar(e);
  const length = (seconds: number): string => (open ? `${openHours(seconds)} of open time` : formatSeconds(seconds));
  if (e.elapsedSeconds !== undefined) figures.push(`elapsed ${length(e.elapsedSeconds)}`);
  if (e.limitSeconds !== undefined) figures.push(`limit ${length(e.limitSeconds)}`);
  // SPEC §2: with a business-day limit, over is the wall-clock time from the due to the end
  const wall = e.dueMs !== undefined && e.steps.some((s) => s.step === 'limit' && s.businessDays !== undefined);
  const over = (seconds: number): string => (open && !wall ? `${openHours(seconds)} of open time` : formatSeconds(seconds));
  if (e.overSeconds !== undefined) figures.push(e.overSeconds > 0 ? `over by ${over(e.overSeconds)}${wall ? ' after the due' : ''}` : `${over(-e.overSeconds)} to spare`);
  const shown = figures.length === 0 ? '' : ` (${figures.join(', ')})`;
  const inPeriod = period === undefined ? '' : `, in period ${period}`;
  switch (e.outcome) {
    case 'out_of_scope':
      return "outcome: out of the standard's scope; not counted in any period";
    case 'future':
      return 'outcome: not evaluated: its start lies after as_of (counted as future)';
    case 'invalid':
      return `outcome: invalid: ${e.reason === undefined ? 'the record cannot be judged' : invalidReasonText(e.reason)}${period === undefined ? '; counted in no period' : inPeriod}`;
    case 'skipped':
      return `outcome: skipped, nothing to judge${inPeriod === '' ? '; counted in no period' : inPeriod}`;
    case 'met':
      return `outcome: met${shown}${inPeriod}`;
    case 'breached':
      return `outcome: breached${e.open ? ', still open' : ''}${shown}${inPeriod}`;
    case 'pending':
      return `outcome: pending, open and within its allowance${shown}${inPeriod}`;
    case 'at_risk':
      return `outcome: at risk, open and past warn_at of its allowance${shown}${inPeriod}`;
    case 'counted': {
      if (e.kind !== 'nps') return `outcome: counted in the period's mean${inPeriod}`;
      const category = e.steps.find((s): s is NpsStep => s.step === 'nps')?.category;
      return `outcome: counted in the period's NPS${category === undefined ? '' : ` as ${category === 'passive' ? 'a passive response' : `a ${category}`}`}${inPeriod}`;
    }
  }
}

/** The name of a step in JSON. */
export function stepName(step: ExplainStep): string {
  switch (step.step) {
    case 'where':
    case 'per':
      return 'scope';
    case 'disposition':
      return 'outcome';
    default:
      return step.step;
  }
}

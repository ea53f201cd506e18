import type { TestRun } from '../../engine/condition.js';
import type { TimestampReading } from '../../model/cells.js';
import type { ExplainStep, RecordExplanation } from '../../run/explain.js';
import { invalidReasonText } from '../shared/invalid-reasons.js';
import { isoTime } from '../shared/time.js';
import { stepName, stepText, type ExplainReport } from './words.js';

const instant = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

function readingJson(r: TimestampReading | undefined) {
  if (r === undefined) return null;
  return {
    instant: instant(r.ms),
    zone: r.writtenOffset === undefined ? r.zone : null,
    offset_minutes: r.problem === undefined ? r.offset : null,
    offset_written: r.writtenOffset !== undefined,
    date_only: r.dateOnly,
    clock_change: r.clockNote === 1 ? 'gap' : r.clockNote === 2 ? 'overlap' : null,
    problem: r.problem ?? null,
  };
}

function testJson(t: TestRun) {
  return { column: t.column, op: t.test.op, negated: t.negated, cell: t.cell, result: typeof t.verdict === 'object' ? null : t.verdict !== t.negated, reason_code: typeof t.verdict === 'object' ? t.verdict.code : null };
}

/** The data of a step, field by field in SPEC's snake_case (no internal object is written wholesale). */
function stepData(s: ExplainStep): Record<string, unknown> {
  switch (s.step) {
    case 'where':
      return { via: 'where', tests: s.tests.map(testJson), in_scope: typeof s.verdict === 'object' ? null : s.verdict };
    case 'per':
      return { via: 'per', column: s.column, value: s.value, limit: s.limit ?? null, by_default: s.byDefault, in_scope: s.limit !== undefined };
    case 'start':
      return { column: s.column, cell: s.cell, ...readingJson(s.reading) };
    case 'end':
      return { column: s.column, cell: s.cell, state: s.state.replace(/-/g, '_'), ...(readingJson(s.reading) ?? {}) };
    case 'due':
      return { column: s.column, cell: s.cell, end_of_day: s.endOfDay, grace: s.grace ?? null, due: instant(s.dueMs), reading: readingJson(s.reading) };
    case 'paused':
      return { column: s.column, cell: s.cell, minutes: s.minutes ?? null };
    case 'calendar':
      return {
        calendar: s.calendar,
        zone: s.zone,
        open_seconds: s.openMs / 1000,
        days: s.days.map((d) => ({ date: d.date, closed: d.closed, holiday: d.holiday, name: d.name ?? null, open: d.open.map((o) => ({ start: instant(o.startMs), end: instant(o.endMs) })) })),
        more_days: s.more,
      };
    case 'limit':
      return { limit: s.limit, limit_seconds: s.limitMs / 1000, business_days: s.businessDays ?? null, paused_seconds: s.pausedMs / 1000, due: instant(s.dueMs) };
    case 'expect':
      return { tests: s.tests.map(testJson), result: typeof s.verdict === 'object' ? null : s.verdict };
    case 'value':
      return { column: s.column, cell: s.cell, value: s.value ?? null };
    case 'nps':
      return { column: s.column, cell: s.cell, score: s.score ?? null, category: s.category ?? null };
    case 'cells':
      return { cells: s.cells.map((c) => ({ column: c.column, cell: c.cell })) };
    case 'disposition':
      return { period: s.period ?? null, reason_code: s.reason?.code ?? null };
  }
}

function explanationJson(e: RecordExplanation, report: ExplainReport) {
  return {
    standard: e.standard,
    record: e.record,
    source: e.source,
    file: e.file,
    line: e.line,
    outcome: e.outcome,
    period: e.period ?? null,
    start: isoTime(e.startMs),
    end: isoTime(e.endMs),
    due: isoTime(e.dueMs),
    elapsed_seconds: e.elapsedSeconds ?? null,
    limit_seconds: e.limitSeconds ?? null,
    over_seconds: e.overSeconds ?? null,
    reason: e.reason === undefined ? null : invalidReasonText(e.reason),
    reason_code: e.reason?.code ?? null,
    steps: e.steps.map((s) => ({ step: stepName(s), text: stepText(s, e, report), ...stepData(s) })),
  };
}

/** SPEC §7: an array with one object per row that has the key. */
export function formatExplainJson(report: ExplainReport): string {
  return `${JSON.stringify(
    report.explanations.map((e) => explanationJson(e, report)),
    null,
    2,
  )}\n`;
}

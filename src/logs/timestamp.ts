/**
 * One ISO 8601 timestamp as a value (SPEC §1): with `Z` or an offset it is absolute; without
 * one it is local to a zone; a date alone is the start of that day. Read by the same reader as
 * the cells of a log, so `--as-of` and the logs agree on every form.
 */
import type { TimestampProblem } from '../model/evaluation.js';
import { createTimestampReader } from './timestamp-reader.js';

export type TimestampResult =
  | { ok: true; date: Date; dateOnly: boolean }
  | { ok: false; problem: TimestampProblem };

export function parseIsoTimestamp(text: string, zone: string): TimestampResult {
  const reader = createTimestampReader(zone);
  const ms = reader.read(text);
  return Number.isNaN(ms) ? { ok: false, problem: reader.problem } : { ok: true, date: new Date(ms), dateOnly: reader.dateOnly };
}

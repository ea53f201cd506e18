/** Standards in words, for tables and reports. */
import { describeCondition } from '../../registry/condition.js';
import type { Duration } from '../../registry/duration.js';
import type { Measure } from '../../registry/model.js';
import { isDuration } from '../../registry/schema.js';

export function describeWithin(within: Duration | Record<string, Duration>): string {
  if (isDuration(within)) return within.text;
  return Object.entries(within)
    .map(([k, d]) => `${k} ${d.text}`)
    .join(', ');
}

export function describeMeasure(m: Measure): string {
  switch (m.kind) {
    case 'duration': {
      const limit = m.per === undefined ? describeWithin(m.within) : `${describeWithin(m.within)} by ${m.per}`;
      const calendar = m.calendar === undefined ? '' : ` on ${m.calendar}`;
      const paused = m.paused === undefined ? '' : `, less ${m.paused}`;
      return `${m.from} → ${m.to} within ${limit}${calendar}${paused}`;
    }
    case 'deadline': {
      const grace = m.grace === undefined ? '' : ` + ${m.grace.text}`;
      return `${m.done} by ${m.due}${m.due_is_date === true ? ' (end of day)' : ''}${grace}`;
    }
    case 'condition':
      return describeCondition(m.expect);
    case 'average':
      return m.at_least !== undefined ? `mean ${m.of} ≥ ${m.at_least}` : `mean ${m.of} ≤ ${m.at_most ?? ''}`;
  }
}

/** 0.95 → "95%", 0.995 → "99.5%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

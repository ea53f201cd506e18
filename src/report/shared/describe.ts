/** Standards and conditions in words, for tables and reports. */
import type { Condition } from '../../registry/condition.js';
import type { Duration } from '../../registry/duration.js';
import type { Measure } from '../../registry/model.js';
import { isDuration } from '../../registry/schema.js';

const OP_WORDS = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

export function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'all':
      return c.items.map((i) => (i.kind === 'any' ? `(${describeCondition(i)})` : describeCondition(i))).join(' and ');
    case 'any':
      return c.items.map((i) => (i.kind === 'all' ? `(${describeCondition(i)})` : describeCondition(i))).join(' or ');
    case 'not':
      return `not (${describeCondition(c.item)})`;
    case 'test': {
      const t = c.test;
      switch (t.op) {
        case 'eq':
        case 'ne':
          return `${c.column} ${OP_WORDS[t.op]} ${t.value}`;
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          return `${c.column} ${OP_WORDS[t.op]} ${t.value}`;
        case 'in':
          return `${c.column} in [${t.values.join(', ')}]`;
        case 'not_in':
          return `${c.column} not in [${t.values.join(', ')}]`;
        case 'matches':
          return `${c.column} matches /${t.pattern}/`;
        case 'empty':
          return t.value ? `${c.column} is empty` : `${c.column} is not empty`;
      }
    }
  }
}

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

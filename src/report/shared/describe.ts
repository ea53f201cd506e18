/** Standards in words, for tables and reports: what each measure kind says is its own (plan/measure-kinds.ts). */
import { kindOf } from '../../plan/measure-kinds.js';
import type { Measure } from '../../registry/model.js';

export { describeWithin } from '../../plan/measure-kinds.js';

export function describeMeasure(m: Measure): string {
  return kindOf(m).describe(m);
}

/** 0.95 → "95%", 0.995 → "99.5%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

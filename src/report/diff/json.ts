/** `promise diff --format json`: snake_case, fields in a fixed order (docs/diff.md). */
import type { Change, Impact, ImpactSide } from '../../diff/model.js';
import { isoTime, round6 } from '../shared/time.js';
import type { DiffFormatter } from './types.js';
import { countChanges, reasonText } from './words.js';

function changeJson(c: Change) {
  return {
    entity: c.entity,
    id: c.id,
    previous_id: c.previousId ?? null,
    change: c.kind,
    field: c.field,
    before: c.before ?? null,
    after: c.after ?? null,
    class: c.class,
    reason: c.reason,
    why: reasonText(c),
    affects: c.affects,
  };
}

function sideJson(s: ImpactSide | undefined) {
  if (s === undefined) return null;
  return { period: s.period, status: s.status, compliance: round6(s.compliance), target: s.target ?? null, records: s.records, met: s.met ?? null, breached: s.breached ?? null, average: s.average ?? null };
}

function impactJson(i: Impact) {
  const gap = i.unavailable;
  return {
    standard: i.standard,
    previous_id: i.previousId ?? null,
    period_kind: i.periodKind,
    before: sideJson(i.before),
    after: sideJson(i.after),
    newly_breached: i.newlyBreached ?? null,
    no_longer_breached: i.noLongerBreached ?? null,
    unavailable:
      gap === undefined
        ? null
        : gap.kind === 'missing-column'
          ? { reason: gap.kind, side: gap.side, column: gap.column, file: gap.file }
          : gap.kind === 'unreadable-log'
            ? { reason: gap.kind, message: gap.message }
            : { reason: gap.kind },
  };
}

export const formatDiffJson: DiffFormatter = (report) => {
  const body = {
    registry: report.registry,
    revision: report.revision,
    commit: report.commit,
    existed_before: report.existedBefore,
    as_of: isoTime(report.asOfMs),
    summary: countChanges(report.changes),
    changes: report.changes.map(changeJson),
    impact: report.impacts.map(impactJson),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
};

/** SPEC §3's pinned shape for `promise check --format json`, plus each value's end position. */
import { suppressedCount } from './summary.js';
import type { CheckFormatter } from './types.js';

export const formatJson: CheckFormatter = (report) => {
  const body = {
    registry: report.registry,
    diagnostics: report.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      end_line: d.endLine,
      end_column: d.endColumn,
      hint: d.hint ?? null,
    })),
    summary: {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
      // SPEC §7; shown where a finding was suppressed, or a baseline was in use, so that a run without either keeps the pinned shape
      ...(suppressedCount(report) > 0 || report.baseline !== undefined ? { suppressed: suppressedCount(report) } : {}),
    },
    ...(report.baseline === undefined
      ? {}
      : {
          baseline: {
            file: report.baseline.file,
            unmatched: report.baseline.unmatched.map((e) => ({ rule: e.rule, file: e.file, collection: e.collection, id: e.id, field: e.field, count: e.count })),
          },
        }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
};

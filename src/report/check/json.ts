/** SPEC §3's pinned shape for `promise check --format json`, plus each value's end position. */
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
    summary: { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
};

/**
 * GitLab Code Quality (a subset of Code Climate's issue format): one issue per finding, for the
 * merge-request widget and the changes tab (`artifacts: reports: codequality:`). GitLab compares
 * the issues of the merge request with those of its target by fingerprint, so the fingerprint
 * is SARIF's: rule, file and entity, never the line.
 */
import type { Severity } from '../../model/diagnostic.js';
import { findingKeys } from './finding-keys.js';
import type { CheckFormatter } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker; linters map errors to major (as eslint-formatter-gitlab does). */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export const formatGitlab: CheckFormatter = (report) => {
  const keys = findingKeys(report.diagnostics, (file) => report.pathPrefix + file);
  const issues = report.diagnostics.map((d, i) => ({
    description: d.hint === undefined ? d.message : `${d.message} — ${d.hint}`,
    check_name: d.rule,
    fingerprint: keys[i]?.fingerprint ?? '',
    severity: SEVERITY[d.severity],
    location: { path: report.pathPrefix + d.file, lines: { begin: d.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};

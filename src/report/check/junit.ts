/**
 * JUnit XML: a testsuite per registry file, a failing testcase per finding, a passing one per
 * clean file. A test case is named by its rule and the entity it is about, never by its line, so
 * CI systems that track tests by name (GitLab, Jenkins) see one test per finding across pushes.
 */
import { escapeXml, escapeXmlAttribute } from '../shared/escape.js';
import { findingKeys } from './finding-keys.js';
import type { CheckFormatter } from './types.js';

export const formatJunit: CheckFormatter = (report) => {
  const files = [...new Set([...report.files, ...report.diagnostics.map((d) => d.file)])].sort();
  const keys = findingKeys(report.diagnostics, (file) => report.pathPrefix + file);
  const found = new Map<string, number[]>();
  report.diagnostics.forEach((d, i) => found.set(d.file, [...(found.get(d.file) ?? []), i]));
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const indexes = found.get(file) ?? [];
    const path = escapeXmlAttribute(report.pathPrefix + file);
    const cases =
      indexes.length === 0
        ? [`    <testcase name="${path}" classname="${path}" time="0"/>`]
        : indexes.map((i) => {
            const d = report.diagnostics[i];
            const key = keys[i];
            if (d === undefined || key === undefined) return '';
            const detail = escapeXml(`${report.pathPrefix}${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}\n${d.message}${d.hint === undefined ? '' : `\nhint: ${d.hint}`}`);
            return [
              `    <testcase name="${escapeXmlAttribute(key.name)}" classname="${path}" file="${path}" line="${d.line}" time="0">`,
              `      <failure message="${escapeXmlAttribute(d.message)}" type="${escapeXmlAttribute(d.severity)}">${detail}</failure>`,
              '    </testcase>',
            ].join('\n');
          });
    tests += cases.length;
    failures += indexes.length;
    suites.push(
      `  <testsuite name="${path}" tests="${cases.length}" failures="${indexes.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="promise check" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

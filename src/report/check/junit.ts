/** JUnit XML: a testsuite per registry file, a failing testcase per finding, a passing one per clean file. */
import { escapeXml } from '../shared/escape.js';
import type { CheckFormatter } from './types.js';

export const formatJunit: CheckFormatter = (report) => {
  const files = [...new Set([...report.files, ...report.diagnostics.map((d) => d.file)])].sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const found = report.diagnostics.filter((d) => d.file === file);
    const path = escapeXml(report.pathPrefix + file);
    const cases =
      found.length === 0
        ? [`    <testcase name="${path}" classname="${path}" time="0"/>`]
        : found.map((d) => {
            const name = escapeXml(`${d.rule} at ${d.line}:${d.column}`);
            const detail = escapeXml(`${report.pathPrefix}${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}\n${d.message}${d.hint === undefined ? '' : `\nhint: ${d.hint}`}`);
            return [
              `    <testcase name="${name}" classname="${path}" file="${path}" line="${d.line}" time="0">`,
              `      <failure message="${escapeXml(d.message)}" type="${escapeXml(d.severity)}">${detail}</failure>`,
              '    </testcase>',
            ].join('\n');
          });
    tests += cases.length;
    failures += found.length;
    suites.push(
      `  <testsuite name="${path}" tests="${cases.length}" failures="${found.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
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

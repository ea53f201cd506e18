/** SARIF 2.1.0 for code scanning: every rule described, every finding located and fingerprinted. */
import { sortDiagnostics, type Diagnostic, type Severity, type Suppression } from '../../model/diagnostic.js';
import { wellFormed } from '../shared/escape.js';
import { findingKeys } from './finding-keys.js';
import type { CheckFormatter, RuleInfo } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Where `promise rules` and the README describe every rule. */
const RULES_URI = 'https://github.com/promise-registry/promise-registry#rules';

/**
 * A relative URI reference for a path: each segment percent-encoded, so that a `#`, `?` or `:`
 * in a file name cannot turn into a fragment, a query or a scheme.
 */
function pathUri(path: string): string {
  return wellFormed(path).split('/').map(encodeURIComponent).join('/');
}

/** The rule's help, as code scanning shows it next to an alert: what it catches and what to do. */
function help(rule: RuleInfo): { text: string; markdown: string } {
  if (rule.kind === 'error') {
    return {
      text: `${rule.description}\n\nAn error rule: its severity cannot be changed; check fails on it, and list, breaches, gaps, report and diff refuse the registry until it is fixed.`,
      markdown: `**\`${rule.id}\`** (error rule)\n\n${rule.description}\n\nIts severity cannot be changed: \`promise check\` fails on it, and \`list\`, \`breaches\`, \`gaps\`, \`report\` and \`diff\` refuse the registry until it is fixed.`,
    };
  }
  const text = `A lint rule, ${rule.defaultSeverity} by default; promise.yaml may set its severity (rules: { ${rule.id}: error | warning | info | off }).`;
  const markdown = [
    `**\`${rule.id}\`** (lint rule, \`${rule.defaultSeverity}\` by default)`,
    '',
    rule.description,
    '',
    'Set its severity in `promise.yaml`:',
    '',
    '```yaml',
    'rules:',
    `  ${rule.id}: error   # error | warning | info | off`,
    '```',
  ].join('\n');
  return { text: `${rule.description}\n\n${text}`, markdown };
}

/** SARIF's suppression object: `inSource` with the comment's reason, `external` for a baseline. */
function suppressionOf(s: Suppression): Record<string, string> {
  return s.kind === 'inSource' ? { kind: 'inSource', justification: s.justification } : { kind: 'external', justification: `recorded in the baseline ${s.baseline}` };
}

export const formatSarif: CheckFormatter = (report) => {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  // SPEC §7: suppressed findings are results too, each with its suppression
  const all: (Diagnostic & { suppression?: Suppression })[] = sortDiagnostics([...report.diagnostics, ...(report.suppressed ?? [])]);
  // SPEC §7 and docs/ci.md: fingerprints from the rule, the file and the entity, not the line or the prose.
  const keys = findingKeys(all, (file) => report.pathPrefix + file);
  const results = all.map((d, i) => {
    const result: Record<string, unknown> = {
      ruleId: d.rule,
      level: LEVEL[d.severity],
      message: { text: d.hint === undefined ? d.message : `${d.message} — ${d.hint}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathUri(report.pathPrefix + d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
      partialFingerprints: { 'promiseFinding/v2': keys[i]?.fingerprint ?? '' },
    };
    const index = ruleIndex.get(d.rule);
    if (index !== undefined) result.ruleIndex = index;
    if (d.suppression !== undefined) result.suppressions = [suppressionOf(d.suppression)];
    return result;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: report.rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/-(.)/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: r.description.split(/(?<=\.)\s/)[0] ?? r.description },
              fullDescription: { text: r.description },
              help: help(r),
              helpUri: RULES_URI,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { kind: r.kind },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

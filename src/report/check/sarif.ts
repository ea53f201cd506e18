/** SARIF 2.1.0 for code scanning: every rule described, every finding located and fingerprinted. */
import { createHash } from 'node:crypto';
import type { Severity } from '../../model/diagnostic.js';
import type { CheckFormatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const formatSarif: CheckFormatter = (report) => {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  const results = report.diagnostics.map((d) => {
    // Stable across line moves: what was found and where (file), not on which line; repeats numbered.
    const base = createHash('sha256').update(`${d.rule}\u0000${report.pathPrefix}${d.file}\u0000${d.message}`).digest('hex').slice(0, 32);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const result: Record<string, unknown> = {
      ruleId: d.rule,
      level: LEVEL[d.severity],
      message: { text: d.hint === undefined ? d.message : `${d.message} — ${d.hint}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(report.pathPrefix + d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
      partialFingerprints: { 'promiseFinding/v1': `${base}:${n}` },
    };
    const index = ruleIndex.get(d.rule);
    if (index !== undefined) result.ruleIndex = index;
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

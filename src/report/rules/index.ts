/** `promise rules`: the rule catalogue as a table or JSON. */
import type { ChalkInstance } from 'chalk';
import type { RuleInfo } from '../check/types.js';
import { renderTable } from '../shared/table.js';

export type RulesFormatter = (rules: readonly RuleInfo[], options: { chalk: ChalkInstance }) => string;

const formatTable: RulesFormatter = (rules, { chalk }) =>
  renderTable(
    ['rule', 'kind', 'default', 'catches'],
    rules.map((r) => [r.id, r.kind, r.defaultSeverity, r.description]),
    { chalk, wrap: [3] },
  ) + `\n${chalk.dim('Lint rules can be set to error, warning, info or off under `rules:` in promise.yaml.')}\n`;

const formatJson: RulesFormatter = (rules) =>
  `${JSON.stringify(
    { rules: rules.map((r) => ({ id: r.id, kind: r.kind, default_severity: r.defaultSeverity, description: r.description })) },
    null,
    2,
  )}\n`;

export const RULE_FORMATS = { table: formatTable, json: formatJson } as const satisfies Record<string, RulesFormatter>;
export type RuleFormat = keyof typeof RULE_FORMATS;

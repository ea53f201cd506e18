/** `promise rules`: the rule catalogue as a table or JSON. */
import type { ChalkInstance } from 'chalk';
import type { RuleInfo } from '../check/types.js';
import { forTerminal } from '../shared/escape.js';
import { fitLine, renderTable } from '../shared/table.js';

export type RulesFormatter = (rules: readonly RuleInfo[], options: { chalk: ChalkInstance; width: number }) => string;

const formatTable: RulesFormatter = (rules, { chalk, width }) =>
  renderTable(
    ['rule', 'kind', 'default', 'catches'],
    rules.map((r) => [r.id, r.kind, r.defaultSeverity, r.description]),
    { chalk, width, wrap: [3] },
  ) + `\n${fitLine(chalk.dim('Lint rules can be set to error, warning, info or off under `rules:` in promise.yaml.'), width)}\n`;

const formatJson: RulesFormatter = (rules) =>
  `${JSON.stringify(
    { rules: rules.map((r) => ({ id: r.id, kind: r.kind, default_severity: r.defaultSeverity, description: r.description })) },
    null,
    2,
  )}\n`;

export const RULE_FORMATS = { table: forTerminal(formatTable), json: formatJson } as const satisfies Record<string, RulesFormatter>;
export type RuleFormat = keyof typeof RULE_FORMATS;

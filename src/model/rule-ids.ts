/**
 * Every rule id the product knows. Error rules come from loading the registry and cannot be
 * turned down; lint rules have a default severity that `rules:` in promise.yaml may change.
 */
export const ERROR_RULE_IDS = [
  'yaml-syntax',
  'schema',
  'duplicate-id',
  'unknown-ref',
  'unknown-column',
  'unreadable-file',
] as const;

export const LINT_RULE_IDS = [
  'unmeasured-promise',
  'statement-mismatch',
  'stale-promise',
  'empty-registry',
  'unused-owner',
  'unused-calendar',
  'unused-source',
  'missing-log',
  'bad-suppression',
] as const;

export type ErrorRuleId = (typeof ERROR_RULE_IDS)[number];
export type LintRuleId = (typeof LINT_RULE_IDS)[number];
export type RuleId = ErrorRuleId | LintRuleId;

export function isLintRuleId(id: string): id is LintRuleId {
  return (LINT_RULE_IDS as readonly string[]).includes(id);
}

/** Every rule, in the order `promise rules` lists them, and the one runner that applies severities. */
import type { Diagnostic, Severity, SuppressedDiagnostic } from '../model/diagnostic.js';
import type { RuleId } from '../model/rule-ids.js';
import { readSuppressions } from '../registry/suppressions.js';
import { applySuppressions, badSuppression } from './bad-suppression.js';
import { emptyRegistry } from './empty-registry.js';
import { duplicateId, schema, unknownRef, unreadableFile, yamlSyntax } from './loading.js';
import { missingLog, unreadableLogs } from './missing-log.js';
import { stalePromise } from './stale-promise.js';
import { statementMismatch } from './statement-mismatch.js';
import type { Finding, Rule, RuleContext } from './types.js';
import { unknownColumn } from './unknown-column.js';
import { unmeasuredPromise } from './unmeasured-promise.js';
import { unusedCalendar, unusedOwner, unusedSource } from './unused.js';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownRef,
  unknownColumn,
  { ...unreadableFile, check: unreadableLogs },
  unmeasuredPromise,
  statementMismatch,
  stalePromise,
  emptyRegistry,
  unusedOwner,
  unusedCalendar,
  unusedSource,
  missingLog,
  badSuppression,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The severity a rule reports at in this registry, or 'off'. Error rules cannot be changed. */
export function effectiveSeverity(rule: Rule, settings: Partial<Record<string, Severity | 'off'>>): Severity | 'off' {
  if (rule.kind === 'error') return rule.defaultSeverity;
  return settings[rule.id] ?? rule.defaultSeverity;
}

function toDiagnostic(rule: Rule, severity: Severity, f: Finding): Diagnostic {
  const d: Diagnostic = { rule: rule.id as RuleId, severity, messageId: f.messageId, data: f.data, message: f.message, ...f.loc };
  if (f.hint !== undefined) d.hint = f.hint;
  if (f.entity !== undefined) d.entity = f.entity;
  return d;
}

interface RuleRun {
  /** the findings, at their configured severities, with the bad-suppression ones */
  diagnostics: Diagnostic[];
  /** the findings a `# promise-ignore` comment suppresses, which count nowhere */
  suppressed: SuppressedDiagnostic[];
}

/**
 * Runs every rule that has a check; findings become diagnostics at the configured severity,
 * less those that an inline comment suppresses (SPEC §7), so that every command sees the same.
 */
export function runRules(ctx: RuleContext): RuleRun {
  const { rules: settings } = ctx.registry.settings;
  const found: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.check === undefined) continue;
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') continue;
    for (const f of rule.check(ctx)) found.push(toDiagnostic(rule, severity, f));
  }
  // a file that never says promise-ignore is not lexed again
  const files = [...ctx.registry.files.values()].filter((f) => f.text.includes('promise-ignore')).map((f) => ({ file: f.path, comments: readSuppressions(f) }));
  const isOff = (id: string): boolean => {
    const rule = ruleById(id);
    return rule === undefined || effectiveSeverity(rule, settings) === 'off';
  };
  const { kept, suppressed, bad } = applySuppressions(found, files, isOff);
  const severity = effectiveSeverity(badSuppression, settings);
  if (severity !== 'off') kept.push(...bad.map((f) => toDiagnostic(badSuppression, severity, f)));
  return { diagnostics: kept, suppressed };
}

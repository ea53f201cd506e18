/** Every rule, in the order `promise rules` lists them, and the one runner that applies severities. */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { RuleId } from '../model/rule-ids.js';
import { emptyRegistry } from './empty-registry.js';
import { duplicateId, schema, unknownRef, unreadableFile, yamlSyntax } from './loading.js';
import { missingLog, unreadableLogs } from './missing-log.js';
import { stalePromise } from './stale-promise.js';
import { statementMismatch } from './statement-mismatch.js';
import type { Rule, RuleContext } from './types.js';
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
];

/** The severity a rule reports at in this registry, or 'off'. Error rules cannot be changed. */
export function effectiveSeverity(rule: Rule, settings: Partial<Record<string, Severity | 'off'>>): Severity | 'off' {
  if (rule.kind === 'error') return rule.defaultSeverity;
  return settings[rule.id] ?? rule.defaultSeverity;
}

/** Runs every rule that has a check; findings become diagnostics at the configured severity. */
export function runRules(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.check === undefined) continue;
    const severity = effectiveSeverity(rule, ctx.registry.settings.rules);
    if (severity === 'off') continue;
    for (const f of rule.check(ctx)) {
      const d: Diagnostic = { rule: rule.id as RuleId, severity, message: f.message, ...f.loc };
      if (f.hint !== undefined) d.hint = f.hint;
      if (f.entity !== undefined) d.entity = f.entity;
      out.push(d);
    }
  }
  return out;
}

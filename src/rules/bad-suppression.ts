/**
 * Inline suppressions (SPEC §7) applied to the lint findings, and `bad-suppression`: a
 * `# promise-ignore` comment that gives no reason, names no rule, a rule that does not exist or
 * one that cannot be suppressed suppresses nothing and is reported; so is one that suppresses
 * nothing because no finding of its rule is on its line (docs/suppressions.md).
 */
import type { Diagnostic, SuppressedDiagnostic } from '../model/diagnostic.js';
import { isLintRuleId, LINT_RULE_IDS, ERROR_RULE_IDS } from '../model/rule-ids.js';
import { say } from '../registry/messages.js';
import { suggest } from '../registry/suggest.js';
import type { SuppressionComment } from '../registry/suppressions.js';
import { finding, type Finding, type Rule } from './types.js';

const messages = {
  noReason: {
    message: 'the suppression of {{rules}} gives no reason, so it suppresses nothing',
    hint: 'write why after `--`: # promise-ignore {{rules}} -- the reason',
  },
  noRule: {
    message: 'the suppression names no rule, so it suppresses nothing',
    hint: 'name the rules it is for: # promise-ignore RULE[, RULE] -- reason; `promise rules` lists them',
  },
  unknownRule: {
    message: '"{{rule}}" is not a rule, so the suppression suppresses nothing',
    hint: ({ suggestion }: { suggestion: string }) => (suggestion === '' ? '`promise rules` lists every rule' : `did you mean "${suggestion}"?`),
  },
  errorRule: {
    message: '"{{rule}}" is an error rule, which cannot be suppressed, so the suppression suppresses nothing',
    hint: 'fix what it reports: only lint rules can be suppressed, inline or by a baseline',
  },
  selfRule: {
    message: '"bad-suppression" cannot be suppressed inline, so the suppression suppresses nothing',
    hint: 'fix the suppression it reports; a baseline (--write-baseline) can record it',
  },
  unused: {
    message: 'the suppression of "{{rule}}" suppresses nothing: no {{rule}} finding is on line {{target}}',
    hint: 'remove it if the problem is fixed; it belongs at the end of the finding\'s line or on the line before it',
  },
} as const;

export const badSuppression: Rule = {
  id: 'bad-suppression',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'A `# promise-ignore RULE -- reason` comment that gives no reason, names no rule, a rule that does not exist or an error rule (which cannot be suppressed), or that suppresses nothing on its line.',
  messages,
};

/** The comments of one registry file. */
interface FileSuppressions {
  file: string;
  comments: readonly SuppressionComment[];
}

interface SuppressionResult {
  /** the findings no comment suppresses */
  kept: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** the bad-suppression findings */
  bad: Finding[];
}

const KNOWN = [...ERROR_RULE_IDS, ...LINT_RULE_IDS];

/** What is wrong with a comment, if anything: a comment with any problem suppresses nothing. */
function problemsOf(comment: SuppressionComment): Finding[] {
  const at = (said: ReturnType<typeof say>): Finding => finding(comment.loc, said);
  if (comment.rules.length === 0) return [at(say(messages, 'noRule', {}))];
  const out: Finding[] = [];
  for (const rule of comment.rules) {
    if (rule === badSuppression.id) out.push(at(say(messages, 'selfRule', {})));
    else if ((ERROR_RULE_IDS as readonly string[]).includes(rule)) out.push(at(say(messages, 'errorRule', { rule })));
    else if (!isLintRuleId(rule)) out.push(at(say(messages, 'unknownRule', { rule, suggestion: suggest(rule, KNOWN) ?? '' })));
  }
  if (comment.reason === '') out.push(at(say(messages, 'noReason', { rules: comment.rules.join(', ') })));
  return out;
}

/**
 * Suppresses each lint finding that a good comment names for its line. `isOff` tells a rule
 * turned off in promise.yaml: a comment for it finds nothing to suppress, and is not told so.
 */
export function applySuppressions(findings: readonly Diagnostic[], files: readonly FileSuppressions[], isOff: (rule: string) => boolean): SuppressionResult {
  const good = new Map<string, { comment: SuppressionComment; used: Set<string> }[]>();
  const bad: Finding[] = [];
  for (const { file, comments } of files) {
    for (const comment of comments) {
      const problems = problemsOf(comment);
      if (problems.length > 0) {
        bad.push(...problems);
        continue;
      }
      const key = `${file}\u0000${comment.target}`;
      good.set(key, [...(good.get(key) ?? []), { comment, used: new Set() }]);
    }
  }
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of findings) {
    const by = isLintRuleId(d.rule) && d.rule !== badSuppression.id ? good.get(`${d.file}\u0000${d.line}`)?.find((g) => g.comment.rules.includes(d.rule)) : undefined;
    if (by === undefined) {
      kept.push(d);
      continue;
    }
    by.used.add(d.rule);
    suppressed.push({ ...d, suppression: { kind: 'inSource', justification: by.comment.reason } });
  }
  for (const list of good.values()) {
    for (const { comment, used } of list) {
      for (const rule of new Set(comment.rules)) {
        if (!used.has(rule) && !isOff(rule)) bad.push(finding(comment.loc, say(messages, 'unused', { rule, target: comment.target })));
      }
    }
  }
  return { kept, suppressed, bad };
}

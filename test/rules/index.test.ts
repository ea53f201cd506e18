import { describe, expect, it } from 'vitest';
import { ERROR_RULE_IDS, LINT_RULE_IDS } from '../../src/model/rule-ids.js';
import { effectiveSeverity, RULES } from '../../src/rules/index.js';

describe('the rule catalogue', () => {
  it('has exactly one rule per known id, each described', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...ERROR_RULE_IDS, ...LINT_RULE_IDS].sort());
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(20);
  });

  it('error rules are errors and cannot be turned down; lint rules can', () => {
    for (const r of RULES.filter((x) => x.kind === 'error')) {
      expect(r.defaultSeverity).toBe('error');
      expect(effectiveSeverity(r, { [r.id]: 'off' })).toBe('error');
    }
    for (const r of RULES.filter((x) => x.kind === 'lint')) {
      // bad-suppression judges the comments once every other rule has run (rules/index.ts)
      if (r.id !== 'bad-suppression') expect(r.check).toBeDefined();
      expect(effectiveSeverity(r, { [r.id]: 'off' })).toBe('off');
      expect(effectiveSeverity(r, {})).toBe(r.defaultSeverity);
    }
  });

  it('has SPEC §3 defaults', () => {
    const defaults = Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity]));
    expect(defaults).toMatchObject({
      'unmeasured-promise': 'warning',
      'statement-mismatch': 'warning',
      'stale-promise': 'warning',
      'unused-owner': 'info',
      'unused-calendar': 'info',
      'unused-source': 'info',
      'unknown-column': 'error',
    });
  });
});

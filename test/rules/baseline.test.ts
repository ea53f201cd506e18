import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { applyBaseline, baselineOf, formatBaseline, parseBaseline } from '../../src/rules/baseline.js';

const at = { line: 4, column: 9, endLine: 4, endColumn: 15 };
const finding = (rule: string, file: string, collection: string, id: string, field = '', line = at.line): Diagnostic => ({
  rule,
  severity: rule === 'unknown-ref' ? 'error' : 'warning',
  messageId: 'm',
  data: {},
  message: `${rule} on ${id}`,
  file,
  ...at,
  line,
  endLine: line,
  entity: { collection, id, field },
});

const today = [
  finding('unmeasured-promise', 'promises.yaml', 'promises', 'tidy'),
  finding('statement-mismatch', 'promises.yaml', 'promises', 'fast', 'statement', 7),
  finding('statement-mismatch', 'promises.yaml', 'promises', 'fast', 'statement', 8),
  finding('unused-owner', 'owners.yaml', 'owners', 'idle'),
  finding('unknown-ref', 'standards.yaml', 'standards', 's1', 'owner'),
];

describe('baselineOf', () => {
  it('records lint findings by rule, file and entity, counted and sorted; never an error finding', () => {
    expect(baselineOf(today)).toEqual({
      version: 1,
      findings: [
        { rule: 'unused-owner', file: 'owners.yaml', collection: 'owners', id: 'idle', field: '', count: 1 },
        { rule: 'statement-mismatch', file: 'promises.yaml', collection: 'promises', id: 'fast', field: 'statement', count: 2 },
        { rule: 'unmeasured-promise', file: 'promises.yaml', collection: 'promises', id: 'tidy', field: '', count: 1 },
      ],
    });
  });

  it('is the same bytes for the same findings in any order, and reads back as written', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(today, { minLength: today.length }), (shuffled) => {
        const text = formatBaseline(baselineOf(shuffled));
        expect(text).toBe(formatBaseline(baselineOf(today)));
        expect(parseBaseline(text)).toEqual({ ok: true, baseline: baselineOf(today) });
      }),
    );
  });

  it('writes one entry per line, and an empty list as []', () => {
    expect(formatBaseline(baselineOf([]))).toBe('{\n  "version": 1,\n  "findings": []\n}\n');
    expect(formatBaseline(baselineOf(today)).split('\n')[3]).toBe('    {"rule":"unused-owner","file":"owners.yaml","collection":"owners","id":"idle","field":"","count":1},');
  });
});

describe('applyBaseline', () => {
  const baseline = baselineOf(today);

  it('suppresses every finding it records, and never an error finding', () => {
    const r = applyBaseline(today, baseline, 'b.json');
    expect(r.kept.map((d) => d.rule)).toEqual(['unknown-ref']);
    expect(r.suppressed).toHaveLength(4);
    expect(r.suppressed.every((d) => d.suppression.kind === 'external')).toBe(true);
    expect(r.unmatched).toEqual([]);
  });

  it('still matches a finding that moved to another line', () => {
    const moved = today.map((d) => ({ ...d, line: d.line + 12, endLine: d.endLine + 12, column: d.column + 2 }));
    expect(applyBaseline(moved, baseline, 'b.json').kept.map((d) => d.rule)).toEqual(['unknown-ref']);
  });

  it('reports new findings beyond what it counts, and entries that no longer match', () => {
    const now = [...today.filter((d) => d.rule !== 'unused-owner'), finding('statement-mismatch', 'promises.yaml', 'promises', 'fast', 'statement', 9), finding('unused-owner', 'owners.yaml', 'owners', 'new')];
    const r = applyBaseline(now, baseline, 'b.json');
    expect(r.kept.map((d) => `${d.rule} ${d.entity?.id ?? ''} ${d.line}`)).toEqual(['unknown-ref s1 4', 'statement-mismatch fast 9', 'unused-owner new 4']);
    expect(r.unmatched).toEqual([{ rule: 'unused-owner', file: 'owners.yaml', collection: 'owners', id: 'idle', field: '', count: 1 }]);
  });

  it('does not match a finding in another file, or of another rule', () => {
    const elsewhere = [finding('unmeasured-promise', 'other.yaml', 'promises', 'tidy'), finding('stale-promise', 'promises.yaml', 'promises', 'tidy')];
    expect(applyBaseline(elsewhere, baseline, 'b.json').kept).toHaveLength(2);
  });
});

describe('parseBaseline', () => {
  it.each([
    ['not json', /not JSON/],
    ['{"version": 2, "findings": []}', /version/],
    ['{"version": 1}', /findings/],
    ['{"version": 1, "findings": [{"rule": "unused-owner"}]}', /findings\[0\]/],
    ['{"version": 1, "findings": [], "extra": true}', /not a baseline/],
    ['{"version": 1, "findings": [{"rule":"unused-owner","file":"o.yaml","collection":"","id":"","field":"","count":0}]}', /count/],
  ])('refuses %j, saying what is wrong', (text, reason) => {
    const r = parseBaseline(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

import { describe, expect, it } from 'vitest';
import { cellsOf, compileRowCondition } from '../../src/engine/condition.js';
import { compilePattern } from '../../src/engine/pattern.js';
import { compileCondition } from '../../src/registry/condition.js';

const columns = new Map([['subject', 0]]);
const matches = (pattern: string, subject: string) => compileRowCondition(compileCondition({ subject: { matches: pattern } }), columns)(cellsOf([subject]));

describe('matches runs on RE2: linear time, whatever the pattern', () => {
  it('answers a nested quantifier on a long subject (a backtracking engine would not finish)', () => {
    const subject = `${'word '.repeat(2_000)}and a final exclamation mark!`;
    expect(matches('^(\\w+\\s?)*$', subject)).toBe(false);
    expect(matches('^(\\w+\\s?)*$', subject.slice(0, -1))).toBe(true);
    expect(matches('^(a|aa)+$', `${'a'.repeat(10_000)}b`)).toBe(false);
  });

  it.each([
    ['^(refund|return)', 'refund please', true],
    ['^(refund|return)', 'a refund', false],
    ['(?i)^refund', 'REFUND please', true],
    ['^refund', 'REFUND please', false],
    ['(?i)straße', 'STRASSE', false],
    ['(?i)grüße', 'GRÜSSE', false],
    ['(?i)grüße', 'GRÜßE', true],
    ['^.$', '😀', true],
    ['^\\p{L}+$', 'Grüße', true],
    ['^\\d+$', '٣', false],
    ['^\\x{1F600}$', '😀', true],
    ['\\(Duplicate\\)$', 'Closed (Duplicate)', true],
    ['\\(Duplicate\\)$', 'Closed (Duplicate) ', true],
    ['^CMP-', 'CPL-26-00001', false],
    ['(?s)a.b', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['(?m)^b$', 'a\nb\nc', true],
    ['^b$', 'a\nb\nc', false],
  ])('%s on %j is %s', (pattern, subject, want) => {
    // The cell is trimmed before the test, as for every operator.
    expect(matches(pattern, subject)).toBe(want);
  });

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?<word>a)\\k<word>', /backreferences/],
    ['foo(?=bar)', /lookahead/],
    ['foo(?!bar)', /lookahead/],
    ['(?<=EU-)\\d+', /lookbehind/],
    ['(?<!EU-)\\d+', /lookbehind/],
    ['(?>a+)b', /atomic/],
    ['a++', /possessive/],
    ['\\u0041', /\\x\{41\}/],
    ['a{2000}', /1000/],
    ['[unclosed', /RE2 syntax/],
  ])('refuses %s, with a hint saying what RE2 does not support', (pattern, hint) => {
    const compiled = compilePattern(pattern);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.message).toContain(`"${pattern}" is not a regular expression RE2 accepts`);
    expect(compiled.hint).toMatch(hint);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRegistryFile } from '../../src/registry/parse.js';
import { parseSuppressionText, readSuppressions } from '../../src/registry/suppressions.js';

function comments(text: string) {
  const { parsed } = parseRegistryFile('r.yaml', new TextEncoder().encode(text));
  if (parsed === undefined) throw new Error('fixture does not parse');
  return readSuppressions(parsed.file).map((c) => ({ line: c.loc.line, column: c.loc.column, target: c.target, rules: c.rules, reason: c.reason }));
}

describe('parseSuppressionText', () => {
  it.each([
    ['# promise-ignore unused-owner -- kept for the rota', ['unused-owner'], 'kept for the rota'],
    ['#promise-ignore unused-owner--no spaces', ['unused-owner'], 'no spaces'],
    ['# promise-ignore unused-owner, unused-source -- both', ['unused-owner', 'unused-source'], 'both'],
    ['#   promise-ignore   unused-owner ,unused-source,stale-promise   --   spaced out  ', ['unused-owner', 'unused-source', 'stale-promise'], 'spaced out'],
    ['# promise-ignore unused-owner -- a reason -- with dashes', ['unused-owner'], 'a reason -- with dashes'],
  ])('%j names %j with reason %j', (text, rules, reason) => {
    expect(parseSuppressionText(text)).toEqual({ rules, reason });
  });

  it.each([
    ['# promise-ignore unused-owner', ['unused-owner']],
    ['# promise-ignore unused-owner --', ['unused-owner']],
    ['# promise-ignore unused-owner --    ', ['unused-owner']],
  ])('%j has no reason', (text, rules) => {
    expect(parseSuppressionText(text)).toEqual({ rules, reason: '' });
  });

  it('reads a comment that names no rule as one, for bad-suppression to report', () => {
    expect(parseSuppressionText('# promise-ignore -- why')).toEqual({ rules: [], reason: 'why' });
    expect(parseSuppressionText('# promise-ignore')).toEqual({ rules: [], reason: '' });
  });

  it.each(['# a plain comment', '# promise-ignored unused-owner -- x', '# see promise-ignore unused-owner -- x', '# promise-ignore:unused-owner -- x'])('%j is no suppression', (text) => {
    expect(parseSuppressionText(text)).toBeUndefined();
  });
});

describe('readSuppressions', () => {
  it('applies an end-of-line comment to its own line, one on a line of its own to the next', () => {
    const text = [
      'owners:',
      '  - id: a # promise-ignore unused-owner -- end of line',
      '  # promise-ignore unused-owner -- line before',
      '  - id: b',
      '    name: B',
    ].join('\n');
    expect(comments(text)).toEqual([
      { line: 2, column: 11, target: 2, rules: ['unused-owner'], reason: 'end of line' },
      { line: 3, column: 3, target: 4, rules: ['unused-owner'], reason: 'line before' },
    ]);
  });

  it('lets suppressions stack above a line, but not across a blank line or a value', () => {
    const text = ['owners:', '  # promise-ignore unused-owner -- one', '  # promise-ignore stale-promise -- two', '  - id: a', '  # promise-ignore unused-owner -- three', '', '  - id: b'].join('\n');
    expect(comments(text).map((c) => [c.line, c.target])).toEqual([
      [2, 4],
      [3, 4],
      [5, 6],
    ]);
  });

  it('does not read a # inside a block scalar or a quoted value as a comment', () => {
    const text = [
      'promises:',
      '  - id: p',
      '    statement: |',
      '      # promise-ignore statement-mismatch -- part of the text',
      '      We reply fast.',
      '    audience: "# promise-ignore unused-owner -- quoted"',
      "    channels: ['# promise-ignore unused-owner -- quoted too']",
      '    owner: o # promise-ignore unknown-ref -- a real comment',
    ].join('\n');
    expect(comments(text)).toEqual([{ line: 8, column: 14, target: 8, rules: ['unknown-ref'], reason: 'a real comment' }]);
  });

  it('reads a comment after a block scalar header and inside a flow collection', () => {
    const text = ['promises:', '  - id: p', '    statement: > # promise-ignore statement-mismatch -- header', '      We reply fast.', '    channels: [web, # promise-ignore unused-owner -- in flow', '      email]'].join('\n');
    expect(comments(text).map((c) => [c.line, c.target, c.reason])).toEqual([
      [3, 3, 'header'],
      [5, 5, 'in flow'],
    ]);
  });

  it('finds nothing in a file without suppressions', () => {
    expect(comments('owners:\n  # just a note\n  - id: a\n')).toEqual([]);
  });
});

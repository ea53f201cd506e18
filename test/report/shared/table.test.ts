import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitLine, renderTable, wrapText } from '../../../src/report/shared/table.js';

const chalk = new Chalk({ level: 0 });
const widest = (text: string): number => Math.max(0, ...text.split('\n').map((l) => stringWidth(l)));

const HEAD = ['standard', 'period', 'records', 'met', 'breached', 'status', 'statement'];
const ROWS = [
  ['email-first-response', '2026-Q3', 120, 100, 20, 'missed', 'We reply to every email within one business day, whatever the channel.'],
  ['email-first-response', '2026-Q4', 30, 30, 0, 'on-track', 'We reply to every email within one business day, whatever the channel.'],
  ['complaint-resolution', '2026-Q3', 428, 352, 74, 'missed', 'We resolve every complaint within 5 business days.'],
];
const table = (width: number, extra: object = {}) => renderTable(HEAD, ROWS, { chalk, width, wrap: [6], right: [2, 3, 4], compact: true, ...extra });

describe('renderTable', () => {
  it('is one boxed table, text at its natural width, when it fits', () => {
    const text = table(200);
    expect(text.split('\n')[1]).toBe('│ standard             │ period  │ records │ met │ breached │ status   │ statement                                                    │');
    expect(text).toContain('│ email-first-response │ 2026-Q3 │     120 │ 100 │       20 │ missed   │ We reply to every email within one business day, whatever    │');
  });

  it('wraps running text at word boundaries to fit', () => {
    const text = table(100);
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(text).toContain(
      [
        '│ email-first-response │ 2026-Q3 │     120 │ 100 │       20 │ missed   │ We reply to every email   │',
        '│                      │         │         │     │          │          │ within one business day,  │',
        '│                      │         │         │     │          │          │ whatever the channel.     │',
      ].join('\n'),
    );
  });

  it('lifts the group columns into a row above each run when that makes it fit', () => {
    const text = table(86, { group: [0] });
    expect(widest(text)).toBeLessThanOrEqual(86);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('│ email-first-response '))).toHaveLength(1);
    expect(text).toContain(
      [
        '│ email-first-response                                                               │',
        '│ 2026-Q3 │     120 │ 100 │       20 │ missed   │ We reply to every email within one │',
        '│         │         │     │          │          │ business day, whatever the         │',
        '│         │         │     │          │          │ channel.                           │',
        '│ 2026-Q4 │      30 │  30 │        0 │ on-track │ We reply to every email within one │',
      ].join('\n'),
    );
  });

  it('is one block per record when no table fits, its fields aligned from block to block', () => {
    expect(table(60, { heading: [0, 1, 5] })).toBe(
      [
        'email-first-response  2026-Q3  missed',
        '  records 120   met 100   breached 20',
        '  statement  We reply to every email within one business',
        '             day, whatever the channel.',
        '',
        'email-first-response  2026-Q4  on-track',
        '  records  30   met  30   breached  0',
        '  statement  We reply to every email within one business',
        '             day, whatever the channel.',
        '',
        'complaint-resolution  2026-Q3  missed',
        '  records 428   met 352   breached 74',
        '  statement  We resolve every complaint within 5 business',
        '             days.',
        '',
      ].join('\n'),
    );
  });

  it('wraps heads before giving up on a table', () => {
    const text = renderTable(['standard', 'pending (at risk)', 'kept at target'], [['a', 1, '1h']], { chalk, width: 33, right: [1, 2] });
    expect(text).toBe(
      [
        '┌──────────┬─────────┬────────┐',
        '│ standard │ pending │   kept │',
        '│          │     (at │     at │',
        '│          │   risk) │ target │',
        '├──────────┼─────────┼────────┤',
        '│ a        │       1 │     1h │',
        '└──────────┴─────────┴────────┘',
        '',
      ].join('\n'),
    );
  });

  it('never draws a line wider than the width, whatever the cells', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '日', '-', '1'), minLength: 1, maxLength: 30 });
    const cell = fc.oneof(fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')), fc.nat(1_000_000));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.record({
            head: fc.array(word, { minLength: n, maxLength: n }),
            rows: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }),
            wrap: fc.subarray([...Array(n).keys()]),
            right: fc.subarray([...Array(n).keys()]),
            group: fc.subarray([0, ...Array(n).keys()].slice(0, 2)),
            width: fc.integer({ min: 20, max: 200 }),
          }),
        ),
        ({ head, rows, wrap, right, group, width }) => {
          const text = renderTable(head, rows, { chalk, width, wrap, right, group });
          expect(widest(text)).toBeLessThanOrEqual(width);
          // nothing is lost: every word of every cell is shown
          for (const row of rows) for (const c of row) for (const w of String(c).split(' ')) if (stringWidth(w) <= width - 8) expect(text).toContain(w);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('wrapText and fitLine', () => {
  it('keeps line breaks and runs of blanks, and breaks a word wider than the line', () => {
    expect(wrapText('a  b\nccc dd', 4)).toEqual(['a  b', 'ccc', 'dd']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('indents the lines after the first', () => {
    expect(fitLine('logs/a.csv:3  T-1  the cell is not a number', 24, '  ', '      ')).toBe('  logs/a.csv:3  T-1\n      the cell is not a\n      number');
    expect(fitLine('short', 24, '  ')).toBe('  short');
  });
});

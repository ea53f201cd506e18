/**
 * Terminal tables fit the terminal: golden files at 80, 100 and 160 columns, and no line of any
 * table command wider than the terminal for any of the examples.
 */
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { AS_OF, promise, REPO } from '../helpers/cli.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', 'width', name);
const DESK = 'test/fixtures/evaluation/service-desk';
const RETAIL = 'examples/retail-bank';
const WIDTHS = [80, 100, 160] as const;

const widest = (text: string): number => Math.max(0, ...text.split('\n').map((l) => stringWidth(l)));

const CASES: [name: string, args: string[]][] = [
  ['gaps', ['gaps', '--registry', DESK, '--as-of', AS_OF]],
  ['breaches', ['breaches', '--registry', DESK, '--as-of', AS_OF, '--at-risk']],
  ['rules', ['rules']],
  ['list-promises', ['list', 'promises', '--registry', RETAIL]],
  ['list-standards', ['list', 'standards', '--registry', RETAIL]],
  ['list-owners', ['list', 'owners', '--registry', RETAIL]],
  ['list-calendars', ['list', 'calendars', '--registry', RETAIL]],
  ['list-sources', ['list', 'sources', '--registry', RETAIL]],
];

/** The whole CLI in this process (the runs are many): output to a pipe, the width from COLUMNS, or to a terminal of `columns`. */
function memoryIo(env: Record<string, string>, columns?: number): Io & { out: string[] } {
  const out: string[] = [];
  return {
    cwd: REPO,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (t) => void out.push(t), isTTY: columns !== undefined, columns },
    stderr: { write: () => undefined, isTTY: false },
    out,
  };
}

describe('tables at 80, 100 and 160 columns (COLUMNS)', () => {
  it.each(CASES.flatMap(([name, args]) => WIDTHS.map((w) => [name, w, args] as const)))('%s at %i columns', async (name, width, args) => {
    const io = memoryIo({ COLUMNS: String(width) });
    expect(await runCli(args, io)).toBe(0);
    const text = io.out.join('');
    expect(widest(text)).toBeLessThanOrEqual(width);
    await expect(text).toMatchFileSnapshot(golden(`${name}.${width}.txt`));
  });

  it('reads COLUMNS in the built CLI too', () => {
    const r = promise(['rules'], { env: { COLUMNS: '80' } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(promise(['rules']).stdout)).toBe(100);
  });

  it('is 100 columns when the output goes to no terminal and COLUMNS is not set', () => {
    expect(promise(['gaps', '--registry', DESK, '--as-of', AS_OF]).stdout).toBe(promise(['gaps', '--registry', DESK, '--as-of', AS_OF], { env: { COLUMNS: '100' } }).stdout);
  });

  it('keeps a wide terminal as wide as the table needs, no wider', () => {
    const r = promise(['gaps', '--registry', DESK, '--as-of', AS_OF], { env: { COLUMNS: '400' } });
    expect(widest(r.stdout)).toBeLessThan(200);
    // on a wide terminal the standards are one table, a row per standard and period
    expect(r.stdout).toMatch(/│ standard +│ period +│ records │ +met │ breached │ pending \(at risk\) │ skipped │ invalid │/);
  });
});

describe('no line of gaps, breaches, rules or list is wider than the terminal, for every example', () => {
  const examples = ['retail-bank', 'airport', 'field-service'];
  const commands = [
    ['gaps', '--as-of', AS_OF],
    ['breaches', '--as-of', AS_OF, '--at-risk'],
    ...['promises', 'standards', 'owners', 'calendars', 'sources'].map((k) => ['list', k]),
  ];
  it.each(examples.flatMap((e) => WIDTHS.map((w) => [e, w] as const)))('%s at %i columns (a terminal of that width)', async (example, width) => {
    for (const command of commands) {
      const io = memoryIo({}, width);
      expect(await runCli([...command, '--registry', join('examples', example)], io), command.join(' ')).toBe(0);
      const text = io.out.join('');
      expect(text.length, command.join(' ')).toBeGreaterThan(0);
      const over = text.split('\n').filter((l) => stringWidth(l) > width);
      expect(over, `${example}: ${command.join(' ')}`).toEqual([]);
    }
    const rules = memoryIo({}, width);
    await runCli(['rules'], rules);
    expect(widest(rules.out.join(''))).toBeLessThanOrEqual(width);
  });
});

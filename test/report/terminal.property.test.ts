/**
 * No control character from the data reaches a reader: every human-facing formatter (check
 * pretty, every table, pretty and md) fed hostile text shows it as visible escapes.
 */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREACHES_FORMATS } from '../../src/report/breaches/index.js';
import { CHECK_FORMATS } from '../../src/report/check/index.js';
import { DIFF_FORMATS } from '../../src/report/diff/index.js';
import { GAPS_FORMATS } from '../../src/report/gaps/index.js';
import { LIST_FORMATS, LIST_KINDS } from '../../src/report/list/index.js';
import { REPORT_FORMATS } from '../../src/report/report/index.js';
import { RULE_FORMATS } from '../../src/report/rules/index.js';
import {
  hostileCheckReport,
  hostileDiff,
  hostileEvaluation,
  hostileQuarterlyReport,
  hostileRegistry,
  hostileRules,
  hostileTexts,
  RAW_CONTROL,
  SEQUENCES,
} from './terminal-hostile.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

/** The SGR sequences chalk writes for colour: the only escapes a human-facing output may hold. */
const CHALK_SGR = /\u001b\[\d+m/g;

/** Every raw control character of `text`, located, but tabs in a source line under a caret (check pretty keeps those). */
function rawControls(text: string, coloured: boolean): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    let seen = coloured ? line.replace(CHALK_SGR, '') : line;
    if (/^ *\d* \| /.test(seen)) seen = seen.replace(/\t/g, '');
    if (RAW_CONTROL.test(seen)) found.push(`line ${i + 1}: ${JSON.stringify(line)}`);
  });
  return found;
}

async function humanOutputs(texts: string[], column: number, width: number, chalk: InstanceType<typeof Chalk>): Promise<[string, string][]> {
  const evaluation = hostileEvaluation(texts);
  const registry = await hostileRegistry(texts);
  const diff = hostileDiff(texts);
  return [
    ['check pretty', CHECK_FORMATS.pretty(hostileCheckReport(texts, column), { chalk })],
    ['breaches table', BREACHES_FORMATS.table(evaluation, { chalk, width })],
    ['gaps table', GAPS_FORMATS.table(evaluation, { chalk, width })],
    ['gaps md', GAPS_FORMATS.md(evaluation, { chalk, width })],
    ...LIST_KINDS.map((kind): [string, string] => [`list ${kind} table`, LIST_FORMATS.table({ kind, registry }, { chalk, width })]),
    ['rules table', RULE_FORMATS.table(hostileRules(texts), { chalk, width })],
    ['diff pretty', DIFF_FORMATS.pretty(diff, { chalk })],
    ['diff md', DIFF_FORMATS.md(diff, { chalk })],
    ['report md', REPORT_FORMATS.md(hostileQuarterlyReport(texts))],
  ];
}

describe('human-facing formats show control characters as visible escapes', () => {
  it('for any text in any field, without colour', async () => {
    await fc.assert(
      fc.asyncProperty(hostileTexts, fc.integer({ min: 1, max: 40 }), fc.constantFrom(80, 100, 160), async (texts, column, width) => {
        for (const [name, output] of await humanOutputs(texts, column, width, plain)) {
          expect(rawControls(output, false), name).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('and with colour, where chalk adds its own codes and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(hostileTexts, async (texts) => {
        for (const [name, output] of await humanOutputs(texts, 5, 100, colour)) {
          expect(rawControls(output, true), name).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('shows the attack sequences, escaped, where the data put them', async () => {
    const texts = [...SEQUENCES, ...SEQUENCES].map((s) => `x${s}`);
    for (const [name, output] of await humanOutputs(texts, 3, 100, plain)) {
      expect(rawControls(output, false), name).toEqual([]);
      // a calendar's table shows no free text: its id, zone and hours are validated
      if (name !== 'list calendars table') expect(output, name).toMatch(/\\x1b|\\x9b|\\x85|\\u202e|\\u2066|\\u200f|\\x00|\\x7f|\\t/);
    }
    const pretty = (await humanOutputs(texts, 3, 100, plain))[0]?.[1] ?? '';
    expect(pretty).toContain('\\x1b]0;pwned\\x07');
  });
});

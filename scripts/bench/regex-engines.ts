/**
 * Measures the regular-expression engines a `matches` condition could run on, over the cells of
 * the example logs: `npx tsx scripts/bench/regex-engines.ts`. The figures are in
 * docs/conditions.md.
 *
 * Candidates: JavaScript's RegExp (backtracking: fast on ordinary patterns, exponential on a
 * nested quantifier), `re2js` (RE2 in pure JavaScript, what `matches` uses) and the `re2` native
 * binding, when it happens to be installed (it is not a dependency: it compiles with node-gyp at
 * install time). Each engine tests every cell of a column with the patterns the examples use and
 * a few of the kind a registry writes, five timed rounds, the median reported; before timing,
 * every engine must give the same verdict on every cell.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import { RE2JS } from 're2js';

const ROOT = join(import.meta.dirname, '..', '..');
const ROUNDS = 5;

interface Case {
  log: string;
  column: string;
  pattern: string;
  /** a nested quantifier that makes a backtracking engine run for hours on these cells */
  hangsBacktracking?: boolean;
}

const CASES: Case[] = [
  { log: 'examples/airport/logs/passenger-feedback.csv', column: 'reference', pattern: '^CMP-' },
  { log: 'examples/field-service/logs/invoices.csv', column: 'invoice_no', pattern: '^INV-' },
  { log: 'examples/airport/logs/passenger-feedback.csv', column: 'summary', pattern: '(?i)refund|lost|broken' },
  { log: 'examples/airport/logs/passenger-feedback.csv', column: 'summary', pattern: '^(\\w+\\s?)*$', hangsBacktracking: true },
  { log: 'examples/field-service/logs/invoices.csv', column: 'notes', pattern: '#W-\\d{5}' },
];

type Tester = (cell: string) => boolean;
interface Engine {
  name: string;
  /** undefined when the engine cannot take the pattern */
  compile(pattern: string): Tester | undefined;
}

/** RE2's inline flag group `(?i)` written as a RegExp flag, so that RegExp sees the same pattern. */
function asRegExp(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'iu') : new RegExp(pattern, 'u');
}

function engines(): Engine[] {
  const out: Engine[] = [
    {
      name: 'RegExp (V8, backtracking)',
      compile: (p) => {
        const r = asRegExp(p);
        return (cell) => r.test(cell);
      },
    },
    {
      name: 're2js (RE2 in JavaScript)',
      compile: (p) => {
        const r = RE2JS.compile(p);
        return (cell) => r.test(cell);
      },
    },
  ];
  try {
    const RE2 = createRequire(import.meta.url)('re2') as new (pattern: string, flags?: string) => RegExp;
    out.push({
      name: 're2 (native binding)',
      compile: (p) => {
        const r = new RE2(p, 'u');
        return (cell) => r.test(cell);
      },
    });
  } catch {
    // Not installed: its figures in the docs were measured where it was.
  }
  return out;
}

function column(log: string, name: string): string[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(ROOT, log), 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => (row[name] ?? '').trim());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(test: Tester, cells: readonly string[]): { ns: number; hits: number } {
  const runs: number[] = [];
  let hits = 0;
  // One round first, untimed, so that every engine is measured warm.
  for (const cell of cells) test(cell);
  for (let round = 0; round < ROUNDS; round++) {
    hits = 0;
    const t0 = process.hrtime.bigint();
    for (const cell of cells) if (test(cell)) hits++;
    runs.push(Number(process.hrtime.bigint() - t0) / cells.length);
  }
  return { ns: median(runs), hits };
}

const all = engines();
console.log(`Node.js ${process.version}; ${ROUNDS} rounds, median; nanoseconds per cell\n`);
console.log(`| log, column | cells | pattern | ${all.map((e) => e.name).join(' | ')} |`);
console.log(`|---|---:|---|${all.map(() => '---:').join('|')}|`);
for (const c of CASES) {
  const cells = column(c.log, c.column);
  const figures: string[] = [];
  let verdicts: string | undefined;
  for (const engine of all) {
    if (c.hangsBacktracking === true && engine.name.startsWith('RegExp')) {
      figures.push('hangs');
      continue;
    }
    const test = engine.compile(c.pattern);
    if (test === undefined) {
      figures.push('n/a');
      continue;
    }
    const mine = cells.map((cell) => (test(cell) ? '1' : '0')).join('');
    if (verdicts !== undefined && mine !== verdicts) throw new Error(`${engine.name} disagrees on ${c.pattern} over ${c.column}`);
    verdicts = mine;
    const { ns, hits } = time(test, cells);
    figures.push(`${ns.toFixed(0)} (${hits} hits)`);
  }
  console.log(`| ${c.log.replace(/^examples\//, '')}, ${c.column} | ${cells.length} | \`${c.pattern}\` | ${figures.join(' | ')} |`);
}

// The pattern that hangs a backtracking engine: time per subject as the subject grows.
console.log('\n`^(\\w+\\s?)*$` on a subject of n word characters and a final "!" (ms per test):\n');
console.log(`| n | ${all.map((e) => e.name).join(' | ')} |`);
console.log(`|---:|${all.map(() => '---:').join('|')}|`);
for (const n of [16, 20, 24, 28, 5_000]) {
  const subject = `${'a'.repeat(n)}!`;
  const figures = all.map((engine) => {
    // RegExp doubles its time with every character: past 28 it would run for minutes.
    if (engine.name.startsWith('RegExp') && n > 28) return 'hangs';
    const test = engine.compile('^(\\w+\\s?)*$') as Tester;
    const t0 = process.hrtime.bigint();
    test(subject);
    return (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(3);
  });
  console.log(`| ${n} | ${figures.join(' | ')} |`);
}

/**
 * The conventions of the command-line tools teams already use: --quiet, FORCE_COLOR, -v, help
 * that ends with examples and exit codes, no option a command would ignore, and errors that
 * show the registry's diagnostics as check does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideColor } from '../../src/cli/color.js';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { decideWidth } from '../../src/cli/width.js';
import { AS_OF, BIN, promise, REPO, tempDir } from '../helpers/cli.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const WARNINGS = 'test/fixtures/registry/warnings-only';
const BROKEN = 'test/fixtures/registry/broken';
const DESK = 'test/fixtures/evaluation/service-desk';
const COMMANDS = ['init', 'check', 'list', 'breaches', 'gaps', 'report', 'diff', 'sql', 'rules'] as const;

function terminalIo(env: Record<string, string>, columns?: number): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: REPO,
    env,
    stdout: { write: (t) => void out.push(t), isTTY: true, columns },
    stderr: { write: (t) => void err.push(t), isTTY: true, columns },
    out,
    err,
  };
}

/** The long options a command's help offers. */
function offered(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1] ?? '');
}

describe('--quiet: errors only', () => {
  it('check shows only the error findings, and says what it left out; the exit code still counts everything', () => {
    const loud = promise(['check', '--registry', WARNINGS, '--as-of', AS_OF]);
    expect(loud.stdout).toContain('warning  stale-promise');
    const quiet = promise(['check', '--quiet', '--registry', WARNINGS, '--as-of', AS_OF]);
    expect(quiet.stdout).toBe('no errors in 2 files; 2 warnings, 1 info not shown (--quiet)\n');
    expect(quiet.stderr).toBe('');
    expect(quiet.code).toBe(0);
    expect(promise(['check', '-q', '--fail-on', 'warning', '--registry', WARNINGS, '--as-of', AS_OF]).code).toBe(1);
    const json = JSON.parse(promise(['check', '--quiet', '--format', 'json', '--registry', WARNINGS, '--as-of', AS_OF]).stdout) as { diagnostics: unknown[] };
    expect(json.diagnostics).toEqual([]);
  });

  it('check keeps every error', () => {
    const r = promise(['check', '--quiet', '--registry', BROKEN, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^7 problems: 7 errors; 4 warnings, 1 info not shown \(--quiet\)$/m);
    expect(r.stdout).not.toMatch(/ {2}(warning|info) {2}/);
  });

  it.each([
    ['gaps', []],
    ['breaches', ['--at-risk']],
    ['report', ['--format', 'md', '--period', '2026-Q3']],
  ])('%s says nothing on stderr with --quiet, where it would note the data quality', (command, extra) => {
    const args = [command, '--registry', DESK, '--as-of', AS_OF, ...extra];
    if (command !== 'report') expect(promise(args).stderr).toContain('could not be judged');
    const quiet = promise([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(promise(args).stdout);
  });

  it('is taken before the command too, and by every command', () => {
    expect(promise(['--quiet', 'gaps', '--registry', DESK, '--as-of', AS_OF]).stderr).toBe('');
    for (const args of [['init', join(tempDir(), 'r'), '--timezone', 'UTC', '--quiet'], ['list', '--quiet', '--registry', WARNINGS], ['rules', '--quiet']]) {
      expect(promise(args).code, args.join(' ')).toBe(0);
    }
  });

  it('still prints errors', () => {
    const r = promise(['gaps', '--quiet', '--registry', DESK, '--as-of', AS_OF, '--standard', 'emial-reply']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('promise: --standard emial-reply: the registry has no standard "emial-reply"');
  });
});

describe('colour', () => {
  const tty = (env: Record<string, string>, flag = true) => decideColor(terminalIo(env), flag).level;
  it.each([
    [{}, true, 1],
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ FORCE_COLOR: 'false' }, true, 0],
    [{ FORCE_COLOR: '1' }, true, 1],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, 0],
    [{ TERM: 'dumb' }, true, 0],
    [{}, false, 0],
  ])('on a terminal, %j with colour flag %s: level %i', (env, flag, level) => {
    expect(tty(env as Record<string, string>, flag)).toBe(level);
  });

  it('FORCE_COLOR=1 colours output that is no terminal, FORCE_COLOR=0 never colours', async () => {
    const io = terminalIo({ FORCE_COLOR: '0' });
    expect(await runCli(['check', '--registry', BROKEN, '--as-of', AS_OF], io)).toBe(1);
    expect(io.out.join('')).toContain('unknown-ref');
    expect(io.out.join('')).not.toContain('\u001b[');
    expect(promise(['check', '--registry', BROKEN], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(promise(['check', '--registry', BROKEN], { env: { NO_COLOR: undefined, FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
  });

  it('does not colour a file written with --out, on a terminal', async () => {
    const out = join(tempDir(), 'check.txt');
    expect(await runCli(['check', '--registry', BROKEN, '--out', out], terminalIo({}))).toBe(1);
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b[');
  });
});

describe('the terminal width', () => {
  it.each([
    [{ COLUMNS: '132' }, 80, true, 132],
    [{}, 80, true, 80],
    [{}, 80, false, 100],
    [{}, undefined, true, 100],
    [{ COLUMNS: 'wide' }, undefined, true, 100],
    [{ COLUMNS: '5' }, undefined, true, 20],
  ])('COLUMNS %j, a terminal of %s columns, to it %s: %i', (env, columns, toStdout, width) => {
    expect(decideWidth(terminalIo(env as Record<string, string>, columns), toStdout)).toBe(width);
  });
});

describe('version', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  it.each([['-v'], ['-V'], ['--version']])('%s prints the version', (flag) => {
    const r = promise([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('help', () => {
  it.each<[string]>([['promise'], ...COMMANDS.map((c): [string] => [c])])('%s --help matches its golden file and ends with examples and the exit codes', async (command) => {
    const r = promise(command === 'promise' ? ['--help'] : [command, '--help']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden(`help/${command}.txt`));
    expect(r.stdout).toMatch(/\nExamples:\n( {2}\$ promise .*\n( {6}# .*\n)?)+\nExit codes:\n( {2}[012] {2}.*\n( {5}.*\n)*)+$/);
    expect(r.stdout).toContain('--debug');
    expect(r.stdout).toContain('--quiet');
  });

  it('report --help speaks of one period', () => {
    const line = promise(['report', '--help']).stdout.split('\n').find((l) => l.startsWith('  --period'));
    expect(line).toContain('the one period to report on');
    expect(promise(['report', '--help']).stdout).not.toMatch(/--period[^\n]*\n?[^\n]*repeatable/);
    expect(promise(['gaps', '--help']).stdout).toMatch(/--period <period> +only this period, e\.g\. [^\n]+\(repeatable\)/);
  });

  it('offers no option a command would ignore', () => {
    const options = Object.fromEntries(COMMANDS.map((c) => [c, offered(promise([c, '--help']).stdout)]));
    const everywhere = ['--version', '--quiet', '--debug', '--help'];
    expect(options).toEqual({
      init: ['--name', '--timezone', '--as-of', '--no-color', '--help', ...everywhere.slice(0, 3)],
      check: ['--fail-on', '--max-warnings', '--baseline', '--write-baseline', '--registry', '--as-of', '--log', '--no-color', '--format', '--out', '--help', ...everywhere.slice(0, 3)],
      list: ['--registry', '--no-color', '--format', '--out', '--help', ...everywhere.slice(0, 3)],
      breaches: ['--at-risk', '--registry', '--as-of', '--log', '--no-color', '--format', '--out', '--engine', '--url', '--table', '--timeout', '--period', '--standard', '--promise', '--owner', '--fail-on', '--help', ...everywhere.slice(0, 3)],
      gaps: ['--registry', '--as-of', '--log', '--no-color', '--format', '--out', '--engine', '--url', '--table', '--timeout', '--period', '--standard', '--promise', '--owner', '--fail-on', '--help', ...everywhere.slice(0, 3)],
      report: ['--registry', '--as-of', '--log', '--no-color', '--format', '--out', '--engine', '--url', '--table', '--timeout', '--period', '--standard', '--promise', '--owner', '--fail-on', '--help', ...everywhere.slice(0, 3)],
      diff: ['--fail-on', '--registry', '--as-of', '--log', '--no-color', '--format', '--out', '--engine', '--url', '--table', '--timeout', '--help', ...everywhere.slice(0, 3)],
      sql: ['--dialect', '--table', '--standard', '--breaches', '--from', '--to', '--as-of', '--registry', '--no-color', '--out', '--help', ...everywhere.slice(0, 3)],
      rules: ['--no-color', '--format', '--out', '--help', ...everywhere.slice(0, 3)],
    });
  });

  it.each([
    ['rules', '--registry', WARNINGS],
    ['rules', '--as-of', AS_OF],
    ['list', '--log', 'requests=x.csv'],
    ['list', '--as-of', AS_OF],
  ])('%s %s is a usage error: the option would change nothing', (...args) => {
    const r = promise(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^promise: unknown option '--[\w-]+'/);
  });
});

describe('promise list calendars and sources', () => {
  const RETAIL = 'examples/retail-bank';
  it.each([
    ['calendars', 'table', 'list-calendars.txt'],
    ['calendars', 'json', 'list-calendars.json'],
    ['sources', 'table', 'list-sources.txt'],
    ['sources', 'json', 'list-sources.json'],
  ])('%s as %s', async (what, format, file) => {
    const r = promise(['list', what, '--registry', RETAIL, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(golden(file));
  });

  it('the JSON says what each declares and which standards use it', () => {
    const calendars = JSON.parse(promise(['list', 'calendars', '--registry', RETAIL, '--format', 'json']).stdout) as {
      calendars: { id: string; timezone: string; hours: Record<string, string[]>; holidays: { date: string; name: string | null; hours: string[] }[]; standards: string[] }[];
    };
    const branch = calendars.calendars.find((c) => c.id === 'branch-hours');
    expect(branch?.hours).toMatchObject({ mon: ['09:00-12:30', '14:00-16:30'], thu: ['09:00-12:30', '14:00-18:00'], sat: ['09:00-13:00'], sun: [] });
    expect(branch?.holidays.find((h) => h.date === '2026-12-24')).toEqual({ date: '2026-12-24', name: 'Christmas Eve', hours: ['09:00-12:00'] });
    expect(branch?.standards).toContain('complaint-resolution');
    const sources = JSON.parse(promise(['list', 'sources', '--registry', RETAIL, '--format', 'json']).stdout) as {
      sources: { id: string; files: string[]; key: string; timezone: string; timestamp_format: string | null; delimiter: string; standards: string[] }[];
    };
    expect(sources.sources.find((s) => s.id === 'crm-cases')).toMatchObject({ files: ['logs/crm-cases-*.csv'], key: 'case_id', timezone: 'Europe/Berlin', timestamp_format: 'dd.MM.yyyy HH:mm', delimiter: ';' });
    expect(sources.sources.find((s) => s.id === 'callbacks')?.standards).toEqual(['callback-time']);
  });
});

describe('a registry with errors, met by a command that needs a valid one', () => {
  it.each([
    ['gaps', ['--as-of', AS_OF]],
    ['breaches', ['--as-of', AS_OF]],
    ['report', ['--as-of', AS_OF]],
  ])('%s prints the diagnostics as check does: paths from the working folder, the line and a caret', (command, extra) => {
    const r = promise([command, '--registry', BROKEN, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // the errors as `check --quiet` shows them, each with its source line and caret, then the summary
    const check = promise(['check', '--quiet', '--registry', BROKEN, '--as-of', AS_OF]).stdout;
    expect(r.stderr.startsWith(check.replace(/[^\n]+\n$/, ''))).toBe(true);
    expect(r.stderr).toContain('test/fixtures/registry/broken/promises/email.yaml:10:12  error  unknown-ref');
    expect(r.stderr).toContain('10 |     owner: suport-eu\n   |            ^~~~~~~~~\n');
    expect(r.stderr).toMatch(/promise: the registry has 7 errors; run `promise check` for details\n$/);
  });

  it('list prints the same diagnostics but for the log header, which it does not read', () => {
    const r = promise(['list', '--registry', BROKEN]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const check = promise(['check', '--quiet', '--registry', BROKEN, '--as-of', AS_OF]).stdout;
    // check's diagnostics without the unknown-column one (its line, source line and caret line) and without the summary
    const blocks = check.replace(/[^\n]+\n$/, '').split('\n\n');
    const kept = blocks.filter((b) => !b.includes('  error  unknown-column  '));
    expect(blocks.length - kept.length).toBe(1);
    const expected = kept.join('\n\n');
    expect(r.stderr.startsWith(expected)).toBe(true);
    expect(r.stderr).toMatch(/promise: the registry has 6 errors; run `promise check` for details\n$/);
  });
});

describe('a reader that stops reading', () => {
  it('closes the pipe without a stack trace: the rest of the output has nowhere to go', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" breaches --registry examples/retail-bank --as-of ${AS_OF} | head -n 1`], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toBe('Northbridge Savings Bank: breaches as of 2026-11-16 09:00 (Europe/Berlin)\n');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

/**
 * A registry and a log that carry terminal escapes in every place data can (record keys, cells
 * quoted in reasons, file names, source lines under a caret, statements, names, remedies,
 * command-line values quoted in errors), run through every command: no raw control character
 * but the newline reaches the terminal, with colour off or on.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, promise, tempDir, type Run } from '../helpers/cli.js';
import { RAW_CONTROL } from '../report/terminal-hostile.js';

const OSC_TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const CLIPBOARD = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
const CSI_C1 = '\u009b8m';
const BIDI = '\u202eevil\u202c';
const ISOLATES = '\u2066x\u2069';

const LOG_NAME = `tickets${OSC_TITLE}.csv`;
const EMPTY_LOG = `empty${CLEAR}.csv`;

function hostileRegistry(): string {
  const dir = tempDir('promise-terminal-');
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'promise.yaml'), `version: 1\nname: "Desk ${'\\e'}]0;title${'\\a'}"\ntimezone: UTC\n`);
  writeFileSync(
    join(dir, 'registry.yaml'),
    `owners:
  - { id: support, name: "Support \\e[8mhidden", kind: team }
sources:
  - { id: tickets, files: "logs/tickets*.csv", key: id }
  - { id: empties, files: "logs/empty*.csv", key: id }
promises:
  - id: reply-fast
    statement: "We reply ${BIDI} within a day. \\e]52;c;ZWNobw==\\a"
    dimension: responsiveness
    owner: support
standards:
  - id: first-reply
    promise: reply-fast
    source: tickets
    where: { channel: "email\\x9b" }
    measure: { kind: duration, from: opened_at, to: replied_at, within: 24h }
    target: 90%
    period: quarter
    remedy: { action: "Apology ${ISOLATES} \\e[2J", credit: 5, currency: EUR }
  - id: empty-reply
    promise: reply-fast
    source: empties
    measure: { kind: duration, from: opened_at, to: replied_at, within: 24h }
    target: 90%
    period: quarter
`,
  );
  const rows = [
    'id,channel,opened_at,replied_at',
    `T-1${OSC_TITLE},email\u009b,2026-07-01T08:00:00Z,2026-07-03T08:00:00Z`,
    `T-2${CLIPBOARD},email\u009b,2026-07-01T08:00:00Z,2026-07-01T09:00:00Z`,
    `T-3${BIDI},email\u009b,${CLEAR}2026-07-01,2026-07-01T09:00:00Z`,
    `T-4${CSI_C1},email\u009b,2026-07-02T08:00:00Z,`,
    `T-1${OSC_TITLE},email\u009b,2026-07-02T08:00:00Z,2026-07-02T09:00:00Z`,
  ];
  writeFileSync(join(dir, 'logs', LOG_NAME), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'logs', EMPTY_LOG), '');
  return dir;
}

/** A registry whose errors quote hostile values, on source lines that hold raw escapes. */
function brokenRegistry(): string {
  const dir = tempDir('promise-terminal-broken-');
  writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Broken\ntimezone: UTC\n');
  writeFileSync(
    join(dir, 'registry.yaml'),
    `owners:
  - { id: support, name: Support, kind: team }
promises:
  - id: "bad\\e]0;pwned\\aid"
    statement: We reply.
    dimension: responsiveness
    owner: support
  - id: reply-fast
    statement: We reply ${BIDI} fast.
    dimension: responsiveness
    owner: "suport\\e[2J\\e[H"
`,
  );
  writeFileSync(join(dir, 'raw.yaml'), `owners:\n  - { id: raw, name: raw ${CLIPBOARD} value, kind: team }\n`);
  return dir;
}

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_AUTHOR_DATE: '2026-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z', LC_ALL: 'C' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });

/** Every raw control character in what a run showed; with colour, chalk's own SGR codes are allowed. */
function rawControls(r: Run, coloured: boolean): string[] {
  return [...r.stdout.split('\n').map((l) => ['stdout', l]), ...r.stderr.split('\n').map((l) => ['stderr', l])]
    .map(([stream, line]) => [stream, coloured ? (line ?? '').replace(/\u001b\[\d+m/g, '') : (line ?? '')])
    .filter(([, line]) => RAW_CONTROL.test(line ?? ''))
    .map(([stream, line]) => `${stream}: ${JSON.stringify(line)}`);
}

describe('terminal escapes from data are shown, never run', () => {
  const registry = hostileRegistry();
  const broken = brokenRegistry();
  const repo = hostileRegistry();
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, '-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'add', '--all');
  git(repo, '-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'start');
  writeFileSync(join(repo, 'registry.yaml'), `${git(repo, 'show', 'HEAD:registry.yaml').replace('target: 90%', 'target: 80%').replace('We reply', `We answer${OSC_TITLE}`)}`);

  const runs: [string, string[], string][] = [
    ['check', ['check'], registry],
    ['check, errors on hostile lines', ['check'], broken],
    ['list promises', ['list', 'promises'], registry],
    ['list standards', ['list', 'standards'], registry],
    ['list owners', ['list', 'owners'], registry],
    ['list sources', ['list', 'sources'], registry],
    ['list calendars', ['list', 'calendars'], registry],
    ['breaches', ['breaches', '--as-of', AS_OF, '--at-risk'], registry],
    ['breaches at 40 columns', ['breaches', '--as-of', AS_OF], registry],
    ['gaps', ['gaps', '--as-of', AS_OF], registry],
    ['gaps md', ['gaps', '--as-of', AS_OF, '--format', 'md'], registry],
    ['report md', ['report', '--as-of', AS_OF, '--period', '2026-Q3', '--format', 'md'], registry],
    ['diff', ['diff', 'HEAD', '--as-of', AS_OF], repo],
    ['diff md', ['diff', 'HEAD', '--as-of', AS_OF, '--format', 'md'], repo],
    ['an evaluating command on a broken registry', ['gaps', '--as-of', AS_OF], broken],
    ['a usage error quoting the command line', ['gaps', '--as-of', AS_OF, '--standard', `first${OSC_TITLE}`], registry],
    ['an unknown option', ['gaps', `--x${CLEAR}`], registry],
    ['a missing --log file', ['gaps', '--as-of', AS_OF, '--log', `tickets=logs/none${CLIPBOARD}.csv`], registry],
  ];

  it.each(runs)('%s: no raw control character, colour off or on', (_name, args, cwd) => {
    const columns = _name.includes('40 columns') ? '40' : '100';
    for (const env of [{ COLUMNS: columns }, { COLUMNS: columns, NO_COLOR: undefined, FORCE_COLOR: '1' }]) {
      const r = promise(args, { cwd, env });
      expect(r.code, r.stderr).toBeLessThanOrEqual(2);
      expect(rawControls(r, env.FORCE_COLOR === '1')).toEqual([]);
    }
  });

  it('shows the escapes where the data put them: keys, cells in reasons, file names, notes', () => {
    const r = promise(['breaches', '--as-of', AS_OF], { cwd: registry });
    expect(r.stdout).toContain('T-1\\x1b]0;pwned\\x07');
    expect(r.stdout).toContain('logs/tickets\\x1b]0;pwned\\x07.csv:4');
    expect(r.stdout).toContain('"\\x1b[2J\\x1b[H2026-07-01"');
    expect(r.stdout).toContain('Apology \\u2066x\\u2069 \\x1b[2J');
    expect(r.stderr).toContain('logs/empty\\x1b[2J\\x1b[H.csv');
  });

  it('keeps the caret under the value on a source line with escapes in it', () => {
    const r = promise(['check'], { cwd: broken });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('registry.yaml:11:12  error  schema'));
    expect(lines[at]).toContain('owner: "suport\\x1b[2J\\x1b[H" is not a valid id');
    expect(lines.find((l) => l.startsWith('registry.yaml:4:9'))).toContain('promise "bad\\x1b]0;pwned\\x07id"');
    // a raw escape in a YAML file is a syntax error, located just after it: the caret stays under the character after the escape
    const raw = lines.findIndex((l) => l.startsWith('raw.yaml:2:27  error  yaml-syntax'));
    expect(raw).toBeGreaterThanOrEqual(0);
    expect(lines[raw + 2]).toBe('2 |   - { id: raw, name: raw \\x1b]52;c;ZWNobyBwd25lZA==\\x07 value, kind: team }');
    expect(lines[raw + 3]).toBe(`  | ${' '.repeat('  - { id: raw, name: raw \\x1b'.length)}^`);
  });
});

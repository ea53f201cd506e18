/**
 * The diff's impact reads the logs through the same run as `gaps`: an empty log is said as gaps
 * says it, and a large log read in parts on worker threads gives the same figures as in one piece.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promise, tempDir } from '../helpers/cli.js';
import { commit, init } from '../helpers/git.js';

const AS_OF = '2026-10-15T00:00:00Z';
const ONE = { PROMISE_THREADS: '1' };
/** parts of about 2 KB, so that the 40 KB log below is cut into many */
const MANY = { PROMISE_THREADS: '2', PROMISE_CHUNK_MB: '0.002' };

/**
 * 600 emails opened in 2026-Q3, the n-th answered after 1 + n mod 30 hours: against 24h, 5 in
 * 6 are met (480); against 8h, 8 in 30 (160), and the 9 to 24 hour replies (320) newly breach.
 */
function log(): string {
  const rows = ['id,channel,opened_at,replied_at'];
  const start = Date.parse('2026-07-01T08:00:00Z');
  for (let n = 0; n < 600; n++) {
    const opened = start + (n % 90) * 86_400_000;
    const replied = opened + (1 + (n % 30)) * 3_600_000;
    rows.push(`E${n},email,${new Date(opened).toISOString()},${new Date(replied).toISOString()}`);
  }
  return `${rows.join('\n')}\n`;
}

function writeRegistry(dir: string, within: string): void {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Test Desk\ntimezone: UTC\n');
  writeFileSync(
    join(dir, 'registry.yaml'),
    `owners:
  - { id: support, name: Support, kind: team }
sources:
  - { id: tickets, files: "logs/*.csv", key: id }
promises:
  - id: reply-fast
    statement: We reply to every message within a day.
    dimension: responsiveness
    owner: support
standards:
  - id: email-reply
    promise: reply-fast
    source: tickets
    where: { channel: email }
    measure: { kind: duration, from: opened_at, to: replied_at, within: ${within} }
    target: 90%
    period: quarter
`,
  );
}

/** Committed with email replies within 24h; in the working tree, within 8h and an empty export beside the log. */
function repository(): string {
  const repo = tempDir('promise-diff-run-');
  init(repo);
  writeRegistry(repo, '24h');
  writeFileSync(join(repo, 'logs', 'tickets.csv'), log());
  commit(repo, 'The desk registry');
  writeRegistry(repo, '8h');
  writeFileSync(join(repo, 'logs', 'empty.csv'), '');
  return repo;
}

interface ImpactJson {
  impact: { standard: string; before: { records: number; met: number; breached: number } | null; after: { records: number; met: number; breached: number } | null; newly_breached: number | null }[];
}

describe('the impact is read as gaps reads the logs', () => {
  const repo = repository();
  const diff = (env: Record<string, string>) => promise(['diff', 'HEAD', '--as-of', AS_OF, '--format', 'json'], { cwd: repo, env: { LC_ALL: 'C', ...env } });

  it('says an empty log once, in the words gaps uses', () => {
    const gaps = promise(['gaps', '--as-of', AS_OF, '--format', 'json'], { cwd: repo, env: ONE });
    const r = diff(ONE);
    expect(gaps.code).toBe(0);
    expect(r.code).toBe(0);
    expect(gaps.stderr).toContain('logs/empty.csv');
    expect(r.stderr).toBe(gaps.stderr);
    expect(r.stderr.split('\n').filter((line) => line.includes('logs/empty.csv'))).toHaveLength(1);
  });

  it('gives the same figures in one piece and in parts on worker threads', () => {
    const one = diff(ONE);
    const many = diff(MANY);
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    const body = JSON.parse(one.stdout) as ImpactJson;
    expect(body.impact.map((i) => [i.standard, i.before, i.after, i.newly_breached])).toEqual([
      ['email-reply', expect.objectContaining({ records: 600, met: 480, breached: 120 }), expect.objectContaining({ records: 600, met: 160, breached: 440 }), 320],
    ]);
  });

  it('gives the built-in engine bytes with --engine duckdb, in every format (SPEC §5)', () => {
    for (const format of ['json', 'md', 'pretty']) {
      const run = (engine: string) => promise(['diff', 'HEAD', '--as-of', AS_OF, '--format', format, '--engine', engine], { cwd: repo, env: { LC_ALL: 'C', ...ONE } });
      const builtin = run('builtin');
      const duckdb = run('duckdb');
      expect(builtin.code, builtin.stderr).toBe(0);
      expect({ code: duckdb.code, stdout: duckdb.stdout, stderr: duckdb.stderr }).toEqual({ code: builtin.code, stdout: builtin.stdout, stderr: builtin.stderr });
    }
    expect((JSON.parse(promise(['diff', 'HEAD', '--as-of', AS_OF, '--format', 'json', '--engine', 'duckdb'], { cwd: repo }).stdout) as ImpactJson).impact[0]?.newly_breached).toBe(320);
  }, 120_000);
});

describe('the impact reads a header of several lines as the source lays it out', () => {
  /** A survey export whose second header line names the columns; the first is the tool's title line. */
  function surveyRepository(bound: number): string {
    const repo = tempDir('promise-diff-survey-');
    init(repo);
    const write = (atLeast: number) => {
      mkdirSync(join(repo, 'surveys'), { recursive: true });
      writeFileSync(join(repo, 'promise.yaml'), 'version: 1\nname: Test Desk\ntimezone: UTC\n');
      writeFileSync(
        join(repo, 'registry.yaml'),
        `owners:
  - { id: support, name: Support, kind: team }
sources:
  - id: csat
    kind: survey
    files: "surveys/*.csv"
    key: response
    at: answered_at
    header_rows: 2
    header_row: 2
    scale: [1, 5]
    dimensions:
      reliability: { perception: [q1] }
promises:
  - id: satisfied
    statement: Customers rate our help at least 4 out of 5.
    dimension: reliability
    owner: support
standards:
  - id: csat-average
    promise: satisfied
    source: csat
    measure: { kind: average, of: q1, at: answered_at, at_least: ${atLeast} }
    period: quarter
`,
      );
    };
    write(4);
    const rows = ['Customer survey export,,', 'response,answered_at,q1'];
    for (let n = 0; n < 40; n++) rows.push(`R${n},2026-08-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z,${1 + (n % 5)}`);
    writeFileSync(join(repo, 'surveys', 'csat.csv'), `${rows.join('\n')}\n`);
    commit(repo, 'The survey registry');
    write(bound);
    return repo;
  }

  it('measures a changed survey standard instead of reporting its column missing', () => {
    const repo = surveyRepository(3);
    const r = promise(['diff', 'HEAD', '--as-of', AS_OF, '--format', 'json'], { cwd: repo, env: ONE });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { impact: { standard: string; unavailable?: unknown; before: { records: number } | null; after: { records: number } | null }[] };
    expect(body.impact).toHaveLength(1);
    expect(body.impact[0]).toMatchObject({ standard: 'csat-average', before: { records: 40 }, after: { records: 40 } });
  });
});

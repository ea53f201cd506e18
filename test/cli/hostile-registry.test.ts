/**
 * Registries and logs written to hang, exhaust or fool the tool, run end to end through the
 * built CLI. Each run is killed after a generous limit, so that a regression fails the test
 * rather than hanging the suite; nothing asserts on how long a run took.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, BIN, REPO, tempDir, type Run } from '../helpers/cli.js';

/** Kills a run that goes on this long: far beyond what any of these runs needs. */
const KILL_AFTER_MS = 25_000;

function run(args: readonly string[]): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, env: env as NodeJS.ProcessEnv, encoding: 'utf8', input: '', timeout: KILL_AFTER_MS, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function registry(files: Record<string, string>): string {
  const dir = tempDir('promise-hostile-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const ROOT = 'version: 1\nname: Hostile\ntimezone: Europe/Berlin\n';
const OWNERS = 'owners:\n  - { id: support, name: Support, kind: team }\n';
const SOURCES = 'sources:\n  - { id: tickets, files: logs/tickets.csv, key: ticket_id }\n';
const PROMISES = 'promises:\n  - { id: reply, statement: We reply within four hours., dimension: responsiveness, owner: support }\n';
const CALENDARS = 'calendars:\n  - { id: office, hours: { weekdays: "09:00-17:00" }, holidays: [2026-10-26] }\n';

interface GapRow {
  standard: string;
  period: string;
  records: number;
  met: number;
  breached: number;
  pending: number;
}

const gaps = (dir: string) => run(['gaps', '--registry', dir, '--as-of', AS_OF, '--format', 'json']);

describe('a matches pattern cannot hang a run', () => {
  it('a nested quantifier over a long subject is answered', () => {
    const subject = `${'word '.repeat(400)}and then an exclamation mark!`;
    const dir = registry({
      'promise.yaml': ROOT,
      'registry.yaml': `${OWNERS}${SOURCES}${PROMISES}standards:
  - id: plain-subjects
    promise: reply
    source: tickets
    where: { subject: { matches: '^(\\w+\\s?)*$' } }
    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }
    target: 90%
    period: month
`,
      'logs/tickets.csv': `ticket_id,opened_at,replied_at,subject\nT1,2026-10-05T09:00:00Z,2026-10-05T10:00:00Z,${subject}\nT2,2026-10-05T09:00:00Z,2026-10-05T10:00:00Z,refund please\nT3,2026-10-05T09:00:00Z,2026-10-05T18:00:00Z,where is my parcel\n`,
    });
    const r = gaps(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { standards: GapRow[] }).standards;
    expect(rows.map((g) => [g.standard, g.period, g.records, g.met, g.breached])).toEqual([['plain-subjects', '2026-10', 2, 1, 1]]);
  });
});

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

function run(args: readonly string[], extra: Record<string, string> = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined, ...extra };
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

describe('no registry can exhaust check', () => {
  it.each([80_000, 160_000])('a mapping of %i keys is refused with a located error', (n) => {
    const keys = Array.from({ length: n }, (_, i) => `  k${i}: ${i}\n`).join('');
    const dir = registry({ 'promise.yaml': ROOT, 'registry.yaml': `${OWNERS}${PROMISES}`, 'big.yaml': `owners:\n  - id: extra\n    name: Extra\n    kind: team\nnotes:\n${keys}` });
    const r = run(['check', '--registry', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string; line: number; column: number; message: string }[] };
    const errors = body.diagnostics.filter((d) => d.rule !== 'unmeasured-promise');
    expect(errors.map((d) => `${d.rule} ${d.file}:${d.line}:${d.column}`)).toEqual(['yaml-syntax big.yaml:10006:3']);
    expect(errors[0]?.message).toMatch(/the mapping that starts on line 6 has more than 10,000 keys/);
  });

  it('a registry whose files add up past the bound is refused before it is parsed', () => {
    const file = (f: number) => {
      const lines = ['promises:'];
      for (let i = 0; lines.length * 110 < 7_000_000; i++) lines.push(`  - id: p${f}-${i}\n    statement: We answer request type ${i} within four hours.\n    dimension: responsiveness\n    owner: support`);
      return `${lines.join('\n')}\n`;
    };
    const dir = registry({ 'promise.yaml': ROOT, 'a.yaml': OWNERS, 'big-1.yaml': file(1), 'big-2.yaml': file(2), 'big-3.yaml': file(3) });
    const r = run(['check', '--registry', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string; line: number; message: string }[] };
    expect(body.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual(['unreadable-file big-2.yaml:1']);
    expect(body.diagnostics[0]?.message).toMatch(/add up to more than 8 MiB/);
    const gapsRun = run(['gaps', '--registry', dir, '--as-of', AS_OF]);
    expect(gapsRun.code).toBe(2);
    expect(gapsRun.stderr).toMatch(/add up to more than 8 MiB/);
  });
});

describe('YAML that the YAML 1.2 spec reads differently from a JavaScript object', () => {
  it('a file tagged !!omap is an error, never "no problems" with its owners gone', () => {
    const dir = registry({ 'promise.yaml': ROOT, 'registry.yaml': `${SOURCES}${PROMISES}`, 'owners.yaml': '--- !!omap\n- owners:\n  - { id: support, name: Support, kind: team }\n' });
    const r = run(['check', '--registry', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; severity: string; file: string; line: number; column: number; message: string }[] };
    const errors = body.diagnostics.filter((d) => d.severity === 'error');
    // The owners are not read, so the promise's owner is unknown: said, not silently dropped.
    expect(errors.map((d) => `${d.rule} ${d.file}:${d.line}:${d.column}`)).toEqual(['schema owners.yaml:1:5', 'unknown-ref registry.yaml:4:92']);
    expect(errors[0]?.message).toMatch(/an ordered map \(!!omap\) is not read in a registry file/);
  });

  it('an unknown tag and an unknown directive are warnings: the registry still evaluates', () => {
    const dir = registry({
      'promise.yaml': `%ACME strict\n---\n${ROOT}`,
      'registry.yaml': `${OWNERS}${SOURCES}${PROMISES}standards:\n  - id: replies\n    promise: reply\n    source: tickets\n    measure: { kind: duration, from: opened_at, to: replied_at, within: !acme/limit 4h }\n    target: 90%\n    period: month\n`,
      'logs/tickets.csv': 'ticket_id,opened_at,replied_at\nT1,2026-10-05T09:00:00Z,2026-10-05T10:00:00Z\n',
    });
    const c = run(['check', '--registry', dir, '--format', 'json']);
    expect(c.code).toBe(0);
    const body = JSON.parse(c.stdout) as { diagnostics: { rule: string; severity: string; file: string; line: number }[] };
    expect(body.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.file}:${d.line}`)).toEqual(['warning yaml-syntax promise.yaml:1', 'warning yaml-syntax registry.yaml:11']);
    const g = gaps(dir);
    expect(g.code).toBe(0);
    expect((JSON.parse(g.stdout) as { standards: GapRow[] }).standards.map((s) => [s.standard, s.met])).toEqual([['replies', 1]]);
  });
});

describe('keys named like Object.prototype are data, end to end', () => {
  // 300 tickets: every third on the channel "__proto__"; priorities __proto__, constructor, P3.
  const rows = ['ticket_id,__proto__,priority,opened_at,replied_at,subject'];
  for (let i = 0; i < 300; i++) {
    const priority = ['__proto__', 'constructor', 'P3'][i % 3] as string;
    // replied after 90 minutes: within 2h, not within 1h
    rows.push(`T${i},${i % 3 === 0 ? 'web' : 'email'},${priority},2026-10-05T09:00:00Z,2026-10-05T10:30:00Z,subject ${i}`);
  }
  const dir = registry({
    'promise.yaml': ROOT,
    'registry.yaml': `${OWNERS}${SOURCES}${PROMISES}standards:
  - id: web-replies
    promise: reply
    source: tickets
    where: { __proto__: web }
    measure: { kind: duration, from: opened_at, to: replied_at, within: 1h }
    target: 90%
    period: month
  - id: replies-by-priority
    promise: reply
    source: tickets
    where: { subject: { matches: '^subject \\d+$' } }
    measure:
      kind: duration
      from: opened_at
      to: replied_at
      per: priority
      within: { __proto__: 1h, constructor: 2h }
    target: 90%
    period: month
`,
    'logs/tickets.csv': `${rows.join('\n')}\n`,
  });

  it.each([
    ['on one thread', { PROMISE_THREADS: '1' }],
    ['in parts on worker threads', { PROMISE_THREADS: '2', PROMISE_CHUNK_MB: '0.002' }],
  ])('where { __proto__: web } selects the rows, and the value __proto__ gets its limit (%s)', (_, env) => {
    const r = run(['gaps', '--registry', dir, '--as-of', AS_OF, '--format', 'json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = (JSON.parse(r.stdout) as { standards: GapRow[] }).standards.map((g) => [g.standard, g.records, g.met, g.breached]);
    expect(got).toEqual([
      // channel "web": tickets 0, 3, 6, ...: 100 of them, all over 1h
      ['replies-by-priority', 200, 100, 100],
      ['web-replies', 100, 0, 100],
    ]);
  });
});

describe('problems inside a mapping merged with <<:', () => {
  it('are shown at the merged value\'s own line, under its caret', () => {
    const dir = registry({
      'promise.yaml': ROOT,
      'registry.yaml': `${OWNERS}${SOURCES}${PROMISES}standards:
  - &first
    id: first
    promise: reply
    source: tickets
    owner: suport
    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }
    target: 90%
    period: month
  - <<: *first
    id: second
    target: 95%
    period: quartr
  - <<: *first
    id: third
    owner: support
    measure: { kind: duration, from: opened_at, to: replied_at, within: 4 hours }
`,
    });
    const r = run(['check', '--registry', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string; line: number; column: number; message: string }[] };
    const errors = body.diagnostics.filter((d) => d.rule === 'unknown-ref' || d.rule === 'schema').map((d) => `${d.rule} ${d.line}:${d.column} ${d.message.split(':')[0]}`);
    const hints = body.diagnostics.filter((d) => d.rule === 'unknown-ref').map((d) => (d as { hint?: string }).hint);
    expect(hints).toEqual(['did you mean "support"?', 'did you mean "support"?']);
    expect(errors).toEqual([
      // "first" and "second" name the owner merged in from line 12; "third" names its own
      'unknown-ref 12:12 standard "first" names owner "suport"',
      'unknown-ref 12:12 standard "second" names owner "suport"',
      'schema 19:13 standard "second"',
      'schema 23:73 standard "third"',
    ]);
  });
});

describe('a business-day limit cannot make every record count for ever', () => {
  const log = `ticket_id,opened_at,replied_at\n${Array.from({ length: 200 }, (_, i) => `T${i},2026-10-0${1 + (i % 9)}T09:00:00Z,${i % 2 === 0 ? '2026-10-20T10:00:00Z' : ''}`).join('\n')}\n`;
  const standard = (within: string) => `${OWNERS}${SOURCES}${PROMISES}calendars:
  - { id: office, hours: { weekdays: "09:00-17:00" }, holidays: [2026-10-26, { date: 2026-12-24, hours: "09:00-12:00" }] }
standards:
  - id: replies
    promise: reply
    source: tickets
    measure: { kind: duration, from: opened_at, to: replied_at, within: ${within}, calendar: office }
    target: 90%
    period: month
`;

  it('100000000bd is a located schema error; check exits 1 and gaps 2, at once', () => {
    const dir = registry({ 'promise.yaml': ROOT, 'registry.yaml': standard('100000000bd'), 'logs/tickets.csv': log });
    const c = run(['check', '--registry', dir, '--format', 'json']);
    expect(c.code).toBe(1);
    const body = JSON.parse(c.stdout) as { diagnostics: { rule: string; line: number; column: number; message: string }[] };
    expect(body.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.line}:${d.column}`)).toEqual(['13:73']);
    expect(run(['gaps', '--registry', dir, '--as-of', AS_OF]).code).toBe(2);
  });

  it('3650bd, the most a limit may be, is evaluated for every record', () => {
    const dir = registry({ 'promise.yaml': ROOT, 'registry.yaml': standard('3650bd'), 'logs/tickets.csv': log });
    const r = gaps(dir);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { standards: GapRow[] }).standards;
    expect(rows.map((g) => [g.period, g.records, g.met, g.breached, g.pending])).toEqual([['2026-10', 200, 100, 0, 100]]);
  });
});

/**
 * `promise diff REV` end to end, on git repositories made here: a registry with a small log
 * committed, then changed in the working tree (or committed again). The impact figures are
 * worked out by hand from the log below.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, promise, tempDir } from '../helpers/cli.js';
import { commit, git, init } from '../helpers/git.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const AS_OF = '2026-10-15T00:00:00Z';

const ROOT_FILE = 'version: 1\nname: Test Desk\ntimezone: UTC\n';

const OWNERS_AND_SOURCES = `owners:
  - { id: support, name: Support, kind: team }
sources:
  - { id: tickets, files: logs/tickets.csv, key: id }
`;

const PROMISES = `promises:
  - id: reply-fast
    statement: We reply to every message within a day.
    dimension: responsiveness
    owner: support
`;

function standard(id: string, channel: string, within: string, target: string): string {
  return `  - id: ${id}
    promise: reply-fast
    source: tickets
    where: { channel: ${channel} }
    measure: { kind: duration, from: opened_at, to: replied_at, within: ${within} }
    target: ${target}
    period: quarter
`;
}

const STANDARDS = `standards:\n${standard('email-reply', 'email', '24h', '90%')}${standard('chat-reply', 'chat', '4h', '90%')}`;

/**
 * 2026-Q3 (the last quarter finished at the as-of) holds ten emails answered in 1, 2, 4, 6, 10,
 * 12, 20, 23, 30 and 50 hours, and five chats answered in 1, 2, 3, 5 and 30 hours. E0 lies in
 * Q2 and E11 in Q4: neither counts in the impact.
 */
const LOG = `id,channel,opened_at,replied_at
E0,email,2026-06-15T08:00:00Z,2026-06-15T18:00:00Z
E1,email,2026-07-01T08:00:00Z,2026-07-01T09:00:00Z
E2,email,2026-07-02T08:00:00Z,2026-07-02T10:00:00Z
E3,email,2026-07-03T08:00:00Z,2026-07-03T12:00:00Z
E4,email,2026-07-06T08:00:00Z,2026-07-06T14:00:00Z
E5,email,2026-07-07T08:00:00Z,2026-07-07T18:00:00Z
E6,email,2026-08-03T08:00:00Z,2026-08-03T20:00:00Z
E7,email,2026-08-04T08:00:00Z,2026-08-05T04:00:00Z
E8,email,2026-08-05T08:00:00Z,2026-08-06T07:00:00Z
E9,email,2026-09-01T08:00:00Z,2026-09-02T14:00:00Z
E10,email,2026-09-02T08:00:00Z,2026-09-04T10:00:00Z
C1,chat,2026-07-01T08:00:00Z,2026-07-01T09:00:00Z
C2,chat,2026-07-02T08:00:00Z,2026-07-02T10:00:00Z
C3,chat,2026-08-03T08:00:00Z,2026-08-03T11:00:00Z
C4,chat,2026-08-04T08:00:00Z,2026-08-04T13:00:00Z
C5,chat,2026-09-01T08:00:00Z,2026-09-02T14:00:00Z
E11,email,2026-10-05T08:00:00Z,2026-10-05T09:00:00Z
`;

interface Registry {
  calendars?: string;
  promises?: string;
  standards?: string;
  log?: string | undefined;
}

/** Writes the registry into `dir` (replacing what was there). */
function writeRegistry(dir: string, r: Registry = {}): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'promise.yaml'), ROOT_FILE);
  writeFileSync(join(dir, 'registry.yaml'), `${OWNERS_AND_SOURCES}${r.calendars ?? ''}${r.promises ?? PROMISES}${r.standards ?? STANDARDS}`);
  if (r.log !== undefined) writeFileSync(join(dir, 'logs', 'tickets.csv'), r.log);
}

/** A repository whose registry lives in `promises/`, committed once with its log. */
function deskRepository(): { repo: string; registry: string } {
  const repo = tempDir('promise-diff-');
  init(repo);
  writeFileSync(join(repo, 'README.md'), '# Service promises\n');
  const registry = join(repo, 'promises');
  writeRegistry(registry, { log: LOG });
  commit(repo, 'The desk registry');
  return { repo, registry };
}

/**
 * The change under review: email replies within 8h instead of 24h (tightened), the chat target
 * lowered from 90% to 60% (loosened), a new standard for same-day email replies (tightened),
 * and the statement reworded (neutral).
 */
const CHANGED: Registry = {
  log: LOG,
  promises: PROMISES.replace('within a day', 'within one day'),
  standards: `standards:\n${standard('email-reply', 'email', '8h', '90%')}${standard('chat-reply', 'chat', '4h', '60%')}${standard('email-same-day', 'email', '12h', '50%')}`,
};

const diff = (cwd: string, ...args: string[]) => promise(['diff', ...args, '--as-of', AS_OF], { cwd, env: { LC_ALL: 'C' } });

interface DiffJson {
  registry: string;
  revision: string;
  commit: string;
  existed_before: boolean;
  as_of: string;
  summary: { loosened: number; tightened: number; neutral: number };
  changes: { entity: string; id: string; previous_id: string | null; change: string; field: string; before: string | null; after: string | null; class: string; reason: string; why: string; affects: string[] }[];
  impact: {
    standard: string;
    period_kind: string;
    before: { period: string; status: string; compliance: number | null; target: number; records: number; met: number; breached: number } | null;
    after: { period: string; status: string; compliance: number | null; target: number; records: number; met: number; breached: number } | null;
    newly_breached: number | null;
    no_longer_breached: number | null;
    unavailable: { reason: string } | null;
  }[];
}

const json = (stdout: string) => JSON.parse(stdout) as DiffJson;

describe('promise diff on a change left in the working tree', () => {
  const { repo, registry } = deskRepository();
  writeRegistry(registry, CHANGED);

  it.each([
    ['pretty', 'diff.pretty.txt'],
    ['json', 'diff.json'],
    ['md', 'diff.md'],
  ])('--format %s', async (format, file) => {
    const r = diff(repo, 'HEAD', '--registry', 'promises', '--format', format);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden(file));
  });

  it('classes each change, with its reason', () => {
    const body = json(diff(repo, 'HEAD', '--registry', 'promises', '--format', 'json').stdout);
    expect(body.existed_before).toBe(true);
    expect(body.commit).toBe(git(repo, 'rev-parse', 'HEAD').trim());
    expect(body.summary).toEqual({ loosened: 1, tightened: 2, neutral: 1 });
    expect(body.changes.map((c) => [c.entity, c.id, c.field, c.before, c.after, c.class, c.reason])).toEqual([
      ['promise', 'reply-fast', 'statement', 'We reply to every message within a day.', 'We reply to every message within one day.', 'neutral', 'statement'],
      ['standard', 'chat-reply', 'target', '90%', '60%', 'loosened', 'target-lowered'],
      ['standard', 'email-reply', 'measure.within', '24h', '8h', 'tightened', 'limit-shorter'],
      ['standard', 'email-same-day', '', null, 'from opened_at to replied_at within 12h, target 50% per quarter', 'tightened', 'standard-added'],
    ]);
  });

  it('evaluates 2026-Q3 under the old and the new definition: the figures worked out by hand', () => {
    const body = json(diff(repo, 'HEAD', '--registry', 'promises', '--format', 'json').stdout);
    const byId = new Map(body.impact.map((i) => [i.standard, i]));
    expect([...byId.keys()]).toEqual(['chat-reply', 'email-reply', 'email-same-day']);
    // chats: 1, 2, 3 h met, 5 and 30 h breached against 4h: 60%, missed at 90%, met at 60%
    expect(byId.get('chat-reply')).toMatchObject({
      before: { period: '2026-Q3', status: 'missed', compliance: 0.6, target: 0.9, records: 5, met: 3, breached: 2 },
      after: { period: '2026-Q3', status: 'met', compliance: 0.6, target: 0.6, records: 5, met: 3, breached: 2 },
      newly_breached: 0,
      no_longer_breached: 0,
    });
    // emails against 24h: 8 met, 30 and 50 h breached (80%); against 8h: 1, 2, 4, 6 h met (40%);
    // the 10, 12, 20 and 23 h replies flip to breached (E0 of Q2, 10 h, is not counted)
    expect(byId.get('email-reply')).toMatchObject({
      before: { status: 'missed', compliance: 0.8, met: 8, breached: 2 },
      after: { status: 'missed', compliance: 0.4, met: 4, breached: 6 },
      newly_breached: 4,
      no_longer_breached: 0,
    });
    // a new standard: 12 h or less for 6 of 10 emails, 60% against a 50% target
    expect(byId.get('email-same-day')).toMatchObject({ before: null, after: { status: 'met', compliance: 0.6, met: 6, breached: 4 }, newly_breached: null, unavailable: null });
  });

  it('runs from inside the registry folder too, and writes nothing into the repository', () => {
    const before = fingerprint(repo);
    const inside = diff(registry, 'HEAD', '--format', 'json');
    expect(inside.code).toBe(0);
    expect(json(inside.stdout).changes).toEqual(json(diff(repo, 'HEAD', '--registry', 'promises', '--format', 'json').stdout).changes);
    expect(fingerprint(repo)).toEqual(before);
  });

  it('--fail-on loosened exits 1: the chat target was lowered', () => {
    const r = diff(repo, 'HEAD', '--registry', 'promises', '--fail-on', 'loosened', '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('#### Loosened (1)');
  });

  it('--out writes the report to a file', () => {
    const out = join(tempDir(), 'diff.md');
    const r = diff(repo, 'HEAD', '--registry', 'promises', '--format', 'md', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(diff(repo, 'HEAD', '--registry', 'promises', '--format', 'md').stdout);
  });
});

describe('promise diff on committed changes', () => {
  it('compares two commits the same way, and --fail-on loosened exits 0 when nothing was loosened', () => {
    const { repo, registry } = deskRepository();
    writeRegistry(registry, { log: LOG, standards: `standards:\n${standard('email-reply', 'email', '8h', '90%')}${standard('chat-reply', 'chat', '4h', '90%')}` });
    commit(repo, 'Email replies within 8 hours');
    const r = diff(repo, 'HEAD~1', '--registry', 'promises', '--fail-on', 'loosened', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = json(r.stdout);
    expect(body.changes.map((c) => `${c.id} ${c.field} ${c.class}`)).toEqual(['email-reply measure.within tightened']);
    expect(body.impact.map((i) => [i.standard, i.newly_breached, i.no_longer_breached])).toEqual([['email-reply', 4, 0]]);
    // and against itself, nothing
    const same = diff(repo, 'HEAD', '--registry', 'promises', '--fail-on', 'any');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No changes to the registry since HEAD.');
    expect(diff(repo, 'HEAD~1', '--registry', 'promises', '--fail-on', 'any').code).toBe(1);
  });

  it('a renamed promise whose standards follow it is one neutral change, with no impact to show', () => {
    const { repo, registry } = deskRepository();
    writeRegistry(registry, { log: LOG, promises: PROMISES.replace('id: reply-fast', 'id: reply-within-a-day'), standards: STANDARDS.replaceAll('promise: reply-fast', 'promise: reply-within-a-day') });
    const body = json(diff(repo, 'HEAD', '--registry', 'promises', '--format', 'json', '--fail-on', 'loosened').stdout);
    expect(body.changes.map((c) => [c.change, c.id, c.previous_id, c.class])).toEqual([['renamed', 'reply-within-a-day', 'reply-fast', 'neutral']]);
    expect(body.impact).toEqual([]);
  });
});

describe('a calendar changed: neutral, and each side evaluated on its own hours', () => {
  it('longer opening hours let the clock run longer: four emails newly breach 8 hours of open time', () => {
    const calendar = (hours: string) => `calendars:\n  - { id: office, hours: { weekdays: "${hours}" } }\n`;
    const onOffice = `standards:\n  - id: email-office
    promise: reply-fast
    source: tickets
    where: { channel: email }
    measure: { kind: duration, from: opened_at, to: replied_at, within: 8h, calendar: office }
    target: 90%
    period: quarter
`;
    const repo = tempDir('promise-diff-');
    init(repo);
    const registry = join(repo, 'desk');
    writeRegistry(registry, { log: LOG, calendars: calendar('09:00-17:00'), standards: onOffice });
    commit(repo, 'Office hours');
    writeRegistry(registry, { log: LOG, calendars: calendar('08:00-20:00'), standards: onOffice });
    const body = json(diff(registry, 'HEAD', '--format', 'json').stdout);
    expect(body.changes.map((c) => [c.id, c.field, c.before, c.after, c.class, c.affects])).toEqual(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ['office', `hours.${day}`, '09:00-17:00', '08:00-20:00', 'neutral', ['email-office']]),
    );
    // open time of the Q3 emails, 09:00-17:00 against 08:00-20:00 on weekdays: 0/1, 1/2, 3/4,
    // 5/6, 8/10, 8/12, 8/12, 8/12, 13/18 and 17/26 hours; at most 8 h meets
    expect(body.impact).toEqual([
      {
        standard: 'email-office',
        previous_id: null,
        period_kind: 'quarter',
        before: { period: '2026-Q3', status: 'missed', compliance: 0.8, target: 0.9, records: 10, met: 8, breached: 2, average: null },
        after: { period: '2026-Q3', status: 'missed', compliance: 0.4, target: 0.9, records: 10, met: 4, breached: 6, average: null },
        newly_breached: 4,
        no_longer_breached: 0,
        unavailable: null,
      },
    ]);
  });
});

describe('a registry that did not exist at REV', () => {
  it('is everything added; without logs the impact says so', () => {
    const repo = tempDir('promise-diff-');
    init(repo);
    writeFileSync(join(repo, 'README.md'), '# Service promises\n');
    commit(repo, 'An empty repository');
    writeRegistry(join(repo, 'promises'), {});
    const r = diff(join(repo, 'promises'), 'HEAD', '--format', 'json', '--fail-on', 'loosened');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = json(r.stdout);
    expect(body.existed_before).toBe(false);
    expect(body.changes.map((c) => `${c.change} ${c.entity} ${c.id} ${c.class}`)).toEqual([
      'added promise reply-fast tightened',
      'added standard chat-reply tightened',
      'added standard email-reply tightened',
      'added source tickets neutral',
      'added owner support neutral',
    ]);
    expect(body.impact.map((i) => [i.standard, i.unavailable])).toEqual([
      ['chat-reply', { reason: 'no-logs' }],
      ['email-reply', { reason: 'no-logs' }],
    ]);
    const pretty = diff(join(repo, 'promises'), 'HEAD');
    expect(pretty.stdout).toContain('The registry did not exist at HEAD: everything in it is new.');
    expect(pretty.stdout).toContain('no logs at hand');
  });
});

describe('errors: exit 2, one clear message, no stack', () => {
  it('an unknown revision: git says why, and a hint says how to fetch it', () => {
    const { repo } = deskRepository();
    const r = diff(repo, 'origin/main', '--registry', 'promises');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^promise: unknown revision origin\/main: .*unknown revision/);
    expect(r.stderr).toContain('hint: fetch it first: git fetch origin main');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a revision that names something other than a commit', () => {
    const { repo } = deskRepository();
    const r = diff(repo, 'HEAD:promises', '--registry', 'promises');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('revision HEAD:promises names a tree, not a commit');
  });

  it('outside a git repository', () => {
    const dir = tempDir('promise-diff-');
    writeRegistry(dir, { log: LOG });
    const r = diff(dir, 'HEAD');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^promise: the registry folder is not in a git repository/);
    expect(r.stderr).toMatch(/\nhint: /);
  });

  it('git not installed (not on PATH)', () => {
    const { repo } = deskRepository();
    const r = promise(['diff', 'HEAD', '--registry', 'promises'], { cwd: repo, env: { PATH: tempDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^promise: git is not installed, or not on PATH/);
  });

  it('a registry with errors at REV: its diagnostics, located as REV:path', () => {
    const { repo, registry } = deskRepository();
    writeFileSync(join(registry, 'registry.yaml'), `${OWNERS_AND_SOURCES}${PROMISES.replace('owner: support', 'owner: suport')}${STANDARDS}`);
    commit(repo, 'A typo');
    writeRegistry(registry, { log: LOG });
    const r = diff(repo, 'HEAD', '--registry', 'promises');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^HEAD:promises\/registry\.yaml:\d+:\d+ {2}error {2}unknown-ref /m);
    // the line as it was at HEAD, with the caret under the value
    expect(r.stderr).toMatch(/^\d+ \|     owner: suport\n +\| +\^~+$/m);
    expect(r.stderr).toContain('promise: the registry as it was at HEAD has an error, so it cannot be compared');
  });

  it('a registry with errors in the working tree', () => {
    const { repo, registry } = deskRepository();
    writeFileSync(join(registry, 'registry.yaml'), `${OWNERS_AND_SOURCES}${PROMISES.replace('owner: support', 'owner: suport')}${STANDARDS}`);
    const r = diff(repo, 'HEAD', '--registry', 'promises');
    expect(r.code).toBe(2);
    // paths from the working folder and a caret under the value, as check prints them
    expect(r.stderr).toMatch(/^promises\/registry\.yaml:\d+:\d+ {2}error {2}unknown-ref /m);
    expect(r.stderr).toMatch(/^\d+ \|     owner: suport\n +\| +\^~+$/m);
    expect(r.stderr).toContain('promise: the registry has an error');
  });

  it('an unknown --fail-on is a usage error', () => {
    const { repo } = deskRepository();
    const r = diff(repo, 'HEAD', '--registry', 'promises', '--fail-on', 'tightened');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'tightened' is invalid");
  });
});

describe('the registry read at REV is the one the loader reads on disk', () => {
  it('skips hidden files and folders and follows a link to a file inside the tree', () => {
    const { repo, registry } = deskRepository();
    mkdirSync(join(registry, '.github'), { recursive: true });
    writeFileSync(join(registry, '.github', 'workflow.yml'), 'on: pull_request\n');
    writeFileSync(join(registry, '.pre-commit-config.yaml'), 'repos: []\n');
    mkdirSync(join(registry, 'shared'));
    cpSync(join(registry, 'registry.yaml'), join(registry, 'shared', 'registry.yaml'));
    rmSync(join(registry, 'registry.yaml'));
    execFileSync('ln', ['-s', 'shared/registry.yaml', join(registry, 'registry.yaml')]);
    // the link is read through: only the shared copy must count, so ignore the folder itself
    writeFileSync(join(registry, 'promise.yaml'), `${ROOT_FILE}ignore: ["shared/**"]\n`);
    commit(repo, 'Hidden files and a link');
    const r = diff(repo, 'HEAD~1', '--registry', 'promises', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(json(r.stdout).changes.map((c) => `${c.entity} ${c.field}`)).toEqual(['registry ignore']);
  });
});

import { chmodSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, promise, REPO, tempDir } from '../helpers/cli.js';

const DESK = 'test/fixtures/evaluation/service-desk';
const AS_OF = '2026-11-16T08:00:00Z';
const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const run = (command: string, ...args: string[]) => promise([command, '--registry', DESK, '--as-of', AS_OF, ...args]);
const NOTE = 'promise: 4 log rows could not be judged and 1 key was repeated; see the data-quality section\n';

interface BreachJson {
  standard: string;
  record: string;
  outcome: string;
  open: boolean;
  line: number;
  due: string | null;
  over_seconds: number | null;
  remedy: { action: string; credit: number | null; currency: string | null } | null;
}

describe('promise breaches: every format, golden', () => {
  it.each([
    ['table', 'desk.breaches.txt'],
    ['json', 'desk.breaches.json'],
    ['ndjson', 'desk.breaches.ndjson'],
    ['csv', 'desk.breaches.csv'],
  ])('--format %s', async (format, file) => {
    const r = run('breaches', '--format', format);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(NOTE);
    await expect(r.stdout).toMatchFileSnapshot(golden(file));
  });

  it('the JSON has exactly the pinned fields, in order', () => {
    const body = JSON.parse(run('breaches', '--format', 'json').stdout) as { as_of: string; breaches: Record<string, unknown>[]; invalid: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(['as_of', 'breaches', 'invalid', 'duplicates']);
    expect(body.as_of).toBe('2026-11-16T08:00:00.000Z');
    expect(Object.keys(body.breaches[0] ?? {})).toEqual([
      'standard', 'promise', 'owner', 'source', 'record', 'file', 'line', 'period', 'outcome', 'open',
      'start', 'end', 'due', 'elapsed_seconds', 'limit_seconds', 'over_seconds', 'remedy',
    ]);
    expect(Object.keys(body.invalid[0] ?? {})).toEqual(['source', 'standard', 'file', 'line', 'record', 'reason', 'reason_code', 'period']);
    const breaches = body.breaches as unknown as BreachJson[];
    expect(breaches.map((b) => `${b.standard} ${b.record} ${b.open ? 'open' : 'closed'}`)).toEqual([
      'bill-correct INV-2 closed',
      'bill-due INV-2 closed',
      'bill-due INV-4 open',
      'bill-due INV-5 open',
      'email-reply T-002 closed',
      'email-reply T-008 open',
      'urgent-fix T-004 closed',
      'urgent-fix T-011 closed',
    ]);
    expect(breaches.find((b) => b.record === 'T-002')).toMatchObject({ due: '2026-09-07T15:00:00.000Z', over_seconds: 1800, line: 3, remedy: { credit: 10, currency: 'EUR' } });
  });

  it('ndjson is one breach per line, the same objects as the JSON', () => {
    const json = JSON.parse(run('breaches', '--format', 'json').stdout) as { breaches: unknown[] };
    const lines = run('breaches', '--format', 'ndjson').stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(json.breaches);
  });

  it('csv neutralises cells a spreadsheet would run as formulas, and keeps numbers numbers', () => {
    const csv = run('breaches', '--format', 'csv').stdout;
    expect(csv).toContain(`"'=Corrected bill, and 5 GBP off"`);
    expect(csv.split('\r\n')[0]).toBe('standard,promise,owner,source,record,file,line,period,outcome,open,start,end,due,elapsed_seconds,limit_seconds,over_seconds,remedy_action,remedy_credit,remedy_currency');
    expect(csv).toMatch(/,1800,"Apology, and a 10 EUR credit",10,EUR\r\n/);
  });

  it('--at-risk adds the open records that have used warn_at of their allowance', () => {
    const atRisk = (JSON.parse(run('breaches', '--format', 'json', '--at-risk', '--as-of', '2026-11-16T15:00:00Z').stdout) as { breaches: BreachJson[] }).breaches.filter((b) => b.outcome === 'at_risk');
    expect(atRisk.map((b) => b.record)).toEqual(['T-007']);
    expect(atRisk[0]?.over_seconds).toBeNull();
  });

  it('is the same bytes on every run', () => {
    expect(run('breaches', '--format', 'csv').stdout).toBe(run('breaches', '--format', 'csv').stdout);
  });
});

describe('promise gaps: every format, golden', () => {
  it.each([
    ['table', 'desk.gaps.txt'],
    ['json', 'desk.gaps.json'],
    ['csv', 'desk.gaps.csv'],
    ['md', 'desk.gaps.md'],
  ])('--format %s', async (format, file) => {
    const r = run('gaps', '--format', format);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden(file));
  });

  it('the JSON has the pinned shape, and every row is accounted for', () => {
    const body = JSON.parse(run('gaps', '--format', 'json').stdout) as {
      standards: Record<string, unknown>[];
      promises: { promise: string; period: string | null; status: string }[];
      sources: { source: string; rows: number; standards: Record<string, number | string>[] }[];
    };
    expect(Object.keys(body)).toEqual(['as_of', 'standards', 'promises', 'owners', 'dimensions', 'sources', 'invalid', 'duplicates']);
    expect(Object.keys(body.standards[0] ?? {}).slice(0, 19)).toEqual([
      'standard', 'promise', 'owner', 'period', 'records', 'met', 'breached', 'pending', 'at_risk', 'skipped', 'invalid',
      'compliance', 'target', 'gap', 'status', 'p50_seconds', 'p90_seconds', 'p_target_seconds', 'average',
    ]);
    expect(body.standards.find((s) => s.standard === 'email-reply' && s.period === '2026-Q3')).toMatchObject({ records: 2, met: 1, breached: 1, compliance: 0.5, target: 0.9, gap: -0.4, status: 'missed', p50_seconds: 14_400, p90_seconds: 28_800 });
    expect(body.promises.find((p) => p.promise === 'named-contact')).toEqual(expect.objectContaining({ period: null, status: 'unmeasured' }));
    for (const source of body.sources) {
      for (const s of source.standards) {
        const sum = (s.in_periods as number) + (s.out_of_scope as number) + (s.future as number) + (s.invalid_without_period as number) + (s.skipped_without_period as number);
        expect(sum, `${source.source} ${String(s.standard)}`).toBe(source.rows);
      }
    }
  });
});

describe('filters and --fail-on', () => {
  const records = (r: { stdout: string }) => (JSON.parse(r.stdout) as { breaches: BreachJson[] }).breaches.map((b) => `${b.standard} ${b.record}`);
  const periods = (r: { stdout: string }) => (JSON.parse(r.stdout) as { standards: { standard: string; period: string }[] }).standards.map((s) => `${s.standard} ${s.period}`);

  it('--period selects what lies within it; months within a quarter too', () => {
    expect(periods(run('gaps', '--format', 'json', '--period', '2026-Q3'))).toEqual(['bill-correct 2026-Q3', 'bill-due 2026-Q3', 'email-reply 2026-Q3', 'rating 2026-Q3', 'urgent-fix 2026-09']);
    expect(periods(run('gaps', '--format', 'json', '--period', '2026-10', '--period', '2026-11'))).toEqual(['urgent-fix 2026-10', 'urgent-fix 2026-11']);
    expect(records(run('breaches', '--format', 'json', '--period', '2026-Q4'))).toEqual(['bill-due INV-4', 'bill-due INV-5', 'email-reply T-008', 'urgent-fix T-011']);
  });

  it('--standard, --promise and --owner pick standards', () => {
    expect(records(run('breaches', '--format', 'json', '--standard', 'urgent-fix'))).toEqual(['urgent-fix T-004', 'urgent-fix T-011']);
    expect(records(run('breaches', '--format', 'json', '--promise', 'correct-bills'))).toEqual(['bill-correct INV-2', 'bill-due INV-2', 'bill-due INV-4', 'bill-due INV-5']);
    expect(periods(run('gaps', '--format', 'json', '--owner', 'ines-berger'))).toEqual(['rating 2026-Q3', 'rating 2026-Q4']);
  });

  it('a roll-up covers a promise only when all its standards are selected', () => {
    const body = JSON.parse(run('gaps', '--format', 'json', '--standard', 'bill-due').stdout) as { promises: unknown[] };
    expect(body.promises).toEqual([]);
  });

  it.each([
    [['breaches', '--fail-on', 'breach'], 1],
    [['gaps', '--fail-on', 'missed'], 1],
    [['gaps', '--fail-on', 'breach'], 1],
    [['gaps', '--fail-on', 'missed', '--standard', 'bill-correct', '--period', '2026-Q4'], 0],
    [['breaches', '--fail-on', 'breach', '--standard', 'rating'], 0],
    [['gaps'], 0],
  ])('%j exits %i', (args, code) => {
    const [command, ...rest] = args as [string, ...string[]];
    expect(run(command, '--format', 'json', ...rest).code).toBe(code);
  });

  it.each([
    [['gaps', '--period', '2026-Q5'], /--period 2026-Q5: not a period name/],
    [['gaps', '--period', 'FY2026'], /--period FY2026: not a period name/],
    [['gaps', '--standard', 'emial-reply'], /did you mean "email-reply"\?/],
    [['breaches', '--owner', 'nobody'], /the registry has no owner "nobody"/],
    [['breaches', '--fail-on', 'always'], /argument 'always' is invalid/],
    [['gaps', '--format', 'xml'], /unknown format "xml"/],
    [['breaches', '--log', 'nosuch=x.csv'], /the registry has no source "nosuch"/],
  ])('%j is a usage error: exit 2, one clear line', (args, message) => {
    const [command, ...rest] = args as [string, ...string[]];
    const r = run(command, ...rest);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('bad registries and bad logs', () => {
  function copyDesk(): string {
    const dir = tempDir();
    cpSync(join(REPO, DESK), dir, { recursive: true });
    return dir;
  }
  const inDir = (dir: string, command: string, ...args: string[]) => promise([command, '--registry', dir, '--as-of', AS_OF, ...args]);

  it('refuses a registry with errors: exit 2, the diagnostics on stderr', () => {
    const r = promise(['gaps', '--registry', 'test/fixtures/registry/broken', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error {2}unknown-ref/);
    expect(r.stderr).toMatch(/promise: the registry has \d+ errors; run `promise check` for details/);
  });

  it('--log points a source elsewhere; a missing file is exit 2 with the path', () => {
    const dir = copyDesk();
    writeFileSync(join(dir, 'october.csv'), 'ticket_id,channel,priority,opened_at,replied_at,fixed_at,csat,subject\nX-1,email,P3,2026-10-01T09:00:00+02:00,2026-10-05T18:00:00+02:00,,4,late\n');
    const r = promise(['breaches', '--registry', dir, '--as-of', AS_OF, '--format', 'json', '--log', 'tickets=october.csv', '--standard', 'email-reply'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(records(r)).toEqual(['email-reply X-1']);
    const missing = promise(['breaches', '--registry', dir, '--as-of', AS_OF, '--log', 'tickets=nowhere.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.csv/);
  });

  it('a log file that cannot be read is an error of the registry, located at the source', () => {
    const dir = copyDesk();
    writeFileSync(join(dir, 'logs', 'invoices.csv'), new Uint8Array([0x00, 0x01, 0x02]));
    chmodSync(join(dir, 'logs', 'tickets.csv'), 0o000);
    const r = inDir(dir, 'gaps');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an empty log is said on stderr and adds no records', () => {
    const dir = copyDesk();
    writeFileSync(join(dir, 'logs', 'invoices.csv'), '');
    const r = inDir(dir, 'gaps', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/log file logs\/invoices\.csv is empty: it has no header line; it adds no records/);
    const body = JSON.parse(r.stdout) as { sources: { source: string; files: number; rows: number }[] };
    expect(body.sources.find((s) => s.source === 'invoices')).toMatchObject({ files: 1, rows: 0 });
  });

  it('a source whose glob matches nothing is said on stderr', () => {
    const dir = copyDesk();
    writeFileSync(join(dir, 'logs', 'invoices.csv'), 'x');
    const r = inDir(dir, 'gaps', '--format', 'json', '--log', 'invoices=nothing-*.csv');
    expect(r.stderr).toMatch(/source "invoices" has no log files \(nothing-\*\.csv matches nothing\)/);
    expect(r.code).toBe(0);
  });

  it('never writes into the registry', () => {
    const dir = copyDesk();
    const before = fingerprint(dir);
    inDir(dir, 'gaps', '--format', 'md');
    inDir(dir, 'breaches', '--format', 'csv', '--at-risk');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('--out writes the report to a file, and nothing to stdout', () => {
    const dir = tempDir();
    const r = run('gaps', '--format', 'csv', '--out', join(dir, 'gaps.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  const records = (r: { stdout: string }) => (JSON.parse(r.stdout) as { breaches: BreachJson[] }).breaches.map((b) => `${b.standard} ${b.record}`);
});

describe('a dirty export: every problem located, nothing dropped', () => {
  it('lists each bad row with file, line, record and reason, and still judges the rest', () => {
    const r = promise(['breaches', '--registry', 'test/fixtures/evaluation/dirty-log', '--as-of', '2026-04-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { breaches: BreachJson[]; invalid: { line: number; record: string; standard: string | null; reason: string }[]; duplicates: { record: string; line: number; first_line: number }[] };
    expect(body.invalid.map((i) => `${i.line} ${i.record} ${i.standard ?? '-'}: ${i.reason}`)).toEqual([
      '4 C-3 close-time: closed is before opened: it ends before it starts',
      '5 C-4 -: has 5 cells, the header has 6',
      '6 C-5 close-time: where: score "five" is not a number (>= 0)',
      '7 C-6 -: holds bytes that are not UTF-8 (shown as U+FFFD)',
      '11 C-9 -: a quote opened on line 11 is never closed',
    ]);
    expect(body.duplicates).toEqual([expect.objectContaining({ record: 'C-1', line: 8, first_line: 2 })]);
    // the repeated key is judged as it occurs: 49 h on a 24 h promise
    expect(body.breaches.map((b) => `${b.record} ${b.line} ${b.over_seconds}`)).toEqual(['C-1 8 90000']);
  });

  it('judges a time in the hour the clocks skip as moved forward by it, and counts it as a note (SPEC §1)', () => {
    const r = promise(['gaps', '--registry', 'test/fixtures/evaluation/dirty-log', '--as-of', '2026-04-01', '--format', 'json']);
    const body = JSON.parse(r.stdout) as { standards: { p50_seconds: number; records: number; met: number; invalid: number }[]; sources: { rows: number; invalid: number; duplicate_keys: number; dst_gap_times: number; dst_overlap_times: number }[] };
    // C-2 opened at 02:30 on 8 March, read as 03:30 EDT, closed at 09:00: 5 h 30 m, met; the
    // median of 1 h, 5 h 30 m, 22 h (23 h on the clock over the jump) and 49 h
    expect(body.standards[0]).toMatchObject({ records: 5, met: 3, invalid: 1, p50_seconds: 5.5 * 3600 });
    expect(body.sources[0]).toMatchObject({ rows: 9, invalid: 5, duplicate_keys: 1, dst_gap_times: 1, dst_overlap_times: 0 });
    for (const format of ['table', 'md']) {
      expect(promise(['gaps', '--registry', 'test/fixtures/evaluation/dirty-log', '--as-of', '2026-04-01', '--format', format], { env: { COLUMNS: '200' } }).stdout).toContain('source cases: 1 local time that the clocks skip (a daylight-saving gap), moved forward by the gap');
    }
  });
});

describe('a key chosen badly: three values over 300,000 rows', () => {
  const dir = tempDir();
  cpSync(join(REPO, 'test/fixtures/evaluation/dirty-log'), dir, { recursive: true });
  const rows = [',case_id,opened,closed,score,note'];
  const keys = ['C-1', 'C-2', 'C-3'];
  for (let i = 0; i < 300_000; i++) rows.push(`${i},${keys[i % 3]},2026-04-0${1 + (i % 9)} 10:00:00,2026-04-0${1 + (i % 9)} 11:00:00,4,x`);
  writeFileSync(join(dir, 'logs', 'cases.csv'), `${rows.join('\n')}\n`);
  const gaps = (format: string) => promise(['gaps', '--registry', dir, '--as-of', '2026-05-01', '--format', format], { env: { COLUMNS: '200' } });

  it('counts every repeat, lists the first 100 with where each key was first seen', () => {
    const r = gaps('json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { sources: { rows: number; duplicate_keys: number }[]; duplicates: { record: string; line: number; first_line: number }[] };
    expect(body.sources.map((s) => [s.rows, s.duplicate_keys])).toEqual([[300_000, 299_997]]);
    expect(body.duplicates).toHaveLength(100);
    expect(body.duplicates.slice(0, 4)).toEqual([
      expect.objectContaining({ record: 'C-1', line: 5, first_line: 2 }),
      expect.objectContaining({ record: 'C-2', line: 6, first_line: 3 }),
      expect.objectContaining({ record: 'C-3', line: 7, first_line: 4 }),
      expect.objectContaining({ record: 'C-1', line: 8, first_line: 2 }),
    ]);
    expect(body.duplicates.at(-1)).toMatchObject({ line: 104 });
    expect(r.stderr).toBe('promise: 0 log rows could not be judged and 299997 keys were repeated; see the data-quality section\n');
  });

  it('says how many more were counted than listed, in md and on a terminal', () => {
    const md = gaps('md');
    expect(md.stdout).toContain('299997 repeated keys');
    expect(md.stdout).toContain('- … and 299897 more repeated keys in source cases: counted, not listed (only the first of a source are)\n');
    expect(md.stdout.split('\n').filter((l) => l.includes('key already seen'))).toHaveLength(100);
    const table = gaps('table');
    expect(table.stdout).toContain('  … and 80 more (--format json lists them all)\n  … and 299897 more repeated keys in source cases: counted, not listed (only the first of a source are)\n');
  });
});

describe('a log header that names a column twice', () => {
  const withHeader = (header: string): string => {
    const dir = tempDir();
    cpSync(join(REPO, 'test/fixtures/evaluation/dirty-log'), dir, { recursive: true });
    writeFileSync(join(dir, 'logs', 'cases.csv'), `${header}\n1,C-1,2026-04-01 10:00:00,2026-04-01 11:00:00,4,5\n`);
    return dir;
  };

  it('is a located unknown-column error when a standard reads that name: check exits 1, gaps exits 2', () => {
    const dir = withHeader(',case_id,opened,closed,score,score');
    const check = promise(['check', '--registry', dir, '--format', 'json']);
    expect(check.code).toBe(1);
    const diagnostics = (JSON.parse(check.stdout) as { diagnostics: { rule: string; file: string; line: number; column: number; message: string }[] }).diagnostics;
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column, d.message])).toEqual([
      ['unknown-column', 'promise.yaml', 14, 14, 'standard "close-time" names column "score", which the header of logs/cases.csv has twice (columns 5 and 6): which one is meant is not known'],
    ]);
    const gaps = promise(['gaps', '--registry', dir, '--as-of', '2026-05-01', '--format', 'json']);
    expect(gaps.code).toBe(2);
    expect(gaps.stdout).toBe('');
    expect(gaps.stderr).toContain('promise.yaml:14:14');
    expect(gaps.stderr).toContain('has twice (columns 5 and 6)');
  });

  it('is no problem when nothing reads the repeated name', () => {
    const dir = withHeader(',case_id,opened,closed,score,note,note');
    writeFileSync(join(dir, 'logs', 'cases.csv'), ',case_id,opened,closed,score,note,note\n1,C-1,2026-04-01 10:00:00,2026-04-01 11:00:00,4,a,b\n');
    expect(promise(['check', '--registry', dir]).code).toBe(0);
    const gaps = promise(['gaps', '--registry', dir, '--as-of', '2026-05-01', '--format', 'json']);
    expect(gaps.code).toBe(0);
    expect((JSON.parse(gaps.stdout) as { standards: { met: number }[] }).standards.map((g) => g.met)).toEqual([1]);
  });
});

describe('cells an export may hold', () => {
  const desk = (rows: Buffer): string => {
    const dir = tempDir();
    cpSync(join(REPO, 'test/fixtures/evaluation/dirty-log'), dir, { recursive: true });
    writeFileSync(join(dir, 'logs', 'cases.csv'), rows);
    return dir;
  };

  it('a U+FFFD written as UTF-8 is text: its record is judged; bytes that are not UTF-8 are not', () => {
    const dir = desk(Buffer.concat([
      Buffer.from(',case_id,opened,closed,score,note\n'),
      Buffer.from('1,C-1,2026-04-01 10:00:00,2026-04-01 11:00:00,4,"replaced by an earlier tool: caf\uFFFD"\n'),
      Buffer.from('2,C-2,2026-04-02 10:00:00,2026-04-02 11:00:00,4,latin-1 caf'), Buffer.from([0xe9]), Buffer.from('\n'),
    ]));
    const body = JSON.parse(promise(['gaps', '--registry', dir, '--as-of', '2026-05-01', '--format', 'json']).stdout) as { standards: { records: number; met: number }[]; invalid: { line: number; reason: string }[] };
    expect(body.standards.map((g) => [g.records, g.met])).toEqual([[1, 1]]);
    expect(body.invalid.map((i) => [i.line, i.reason])).toEqual([[3, 'holds bytes that are not UTF-8 (shown as U+FFFD)']]);
  });

  it('a number too large to hold is a data error with file and line, not a met comparison', () => {
    const dir = desk(Buffer.from(',case_id,opened,closed,score,note\n1,C-1,2026-04-01 10:00:00,2026-04-01 11:00:00,1e999,x\n2,C-2,2026-04-02 10:00:00,2026-04-02 11:00:00,4,y\n'));
    const body = JSON.parse(promise(['gaps', '--registry', dir, '--as-of', '2026-05-01', '--format', 'json']).stdout) as { standards: { records: number; met: number }[]; invalid: { file: string; line: number; record: string; reason: string }[] };
    expect(body.standards.map((g) => [g.records, g.met])).toEqual([[1, 1]]);
    expect(body.invalid).toEqual([expect.objectContaining({ file: 'logs/cases.csv', line: 2, record: 'C-1', reason: 'where: score "1e999" is out of range: a number must be finite, at most about 1.8e308 either side of 0 (>= 0)' })]);
  });
});

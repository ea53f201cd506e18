import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { MAX_FILE_BYTES } from '../../src/registry/parse.js';
import { load } from '../helpers/memory-reader.js';

/** rule, file:line:column of each diagnostic: what tests assert on, not the sentences. */
const where = (ds: readonly Diagnostic[]) => sortDiagnostics(ds).map((d) => `${d.rule} ${d.file}:${d.line}:${d.column}`);

const OWNERS = `owners:
  - id: support-eu
    name: Customer Support EU
    kind: team
    lead: anna
  - id: anna
    name: Anna Schmidt
    kind: person
calendars:
  - id: office
    hours:
      weekdays: ["09:00-12:30", "13:30-17:00"]
      sat: "10:00-14:00"
    holidays:
      - 2026-12-25
      - { date: 2026-12-24, hours: "09:00-12:00" }
sources:
  - id: tickets
    files: logs/*.csv
    key: ticket_id
`;

const PROMISE = `promises:
  - id: reply-fast
    statement: We reply to every email within one business day.
    dimension: responsiveness
    owner: support-eu
`;

const standard = (body: string) => `standards:
  - id: email-first-response
    promise: reply-fast
    source: tickets
${body}`;

const DURATION = `    measure:
      kind: duration
      from: opened_at
      to: first_response_at
      within: 1bd
      calendar: office
    target: 95%
    period: quarter
`;

describe('a valid registry', () => {
  it('loads with no diagnostics and compiles its entities', async () => {
    const { registry, diagnostics } = await load({
      'owners.yaml': OWNERS,
      'promises.yaml': PROMISE,
      'standards.yaml': standard(`    where: { channel: email, zip: 02134, csat: 4.0, vip: TRUE, any: [{ segment: vip }] }\n${DURATION}`),
    });
    expect(diagnostics).toEqual([]);
    expect(registry.settings).toMatchObject({ name: 'Test Registry', timezone: 'Europe/Berlin', fiscalYearStart: 1 });
    const office = registry.calendars[0];
    expect(office?.week[0]).toEqual([{ start: 540, end: 750 }, { start: 810, end: 1020 }]);
    expect(office?.week[5]).toEqual([{ start: 600, end: 840 }]);
    expect(office?.week[6]).toEqual([]);
    expect(office?.holidays.get('2026-12-24')?.hours).toEqual([{ start: 540, end: 720 }]);
    expect(office?.holidays.get('2026-12-25')?.hours).toEqual([]);
    expect(office?.timezone).toBe('Europe/Berlin');
    const s = registry.standards[0];
    expect(s?.owner).toBe('support-eu');
    expect(s?.ownerInherited).toBe(true);
    expect(s?.target).toBe(0.95);
    // SPEC §1: equality compares text as written, in the order written.
    expect(s?.where).toEqual({
      kind: 'all',
      items: [
        { kind: 'test', column: 'channel', test: { op: 'eq', value: 'email' } },
        { kind: 'test', column: 'zip', test: { op: 'eq', value: '02134' } },
        { kind: 'test', column: 'csat', test: { op: 'eq', value: '4.0' } },
        { kind: 'test', column: 'vip', test: { op: 'eq', value: 'TRUE' } },
        { kind: 'any', items: [{ kind: 'test', column: 'segment', test: { op: 'eq', value: 'vip' } }] },
      ],
    });
  });

  it('keeps the order of condition keys even after an any/all/not key', async () => {
    const { registry, diagnostics } = await load({
      'owners.yaml': OWNERS,
      'promises.yaml': PROMISE,
      'standards.yaml': standard(`    where: { type: fault, any: [{ severity: { gte: 4 } }, { vip: yes }], not: { channel: [fax, letter] } }\n${DURATION}`),
    });
    expect(diagnostics).toEqual([]);
    const where = registry.standards[0]?.where;
    expect(where?.kind === 'all' && where.items.map((i) => (i.kind === 'test' ? i.column : i.kind))).toEqual(['type', 'any', 'not']);
  });
});

describe('bad YAML', () => {
  it.each([
    ['a syntax error', 'promises:\n  - id: [unclosed\n', 'yaml-syntax promises.yaml:'],
    ['a tab used for indentation', 'promises:\n\t- id: x\n', 'yaml-syntax promises.yaml:2:1'],
    ['a duplicate key', 'owners:\n  - id: a\n    id: b\n    name: A\n    kind: team\n', 'yaml-syntax promises.yaml:3:5'],
    ['two documents', 'owners: []\n---\npromises: []\n', 'yaml-syntax promises.yaml:2:1'],
  ])('%s is a located yaml-syntax error', async (_, text, expected) => {
    const { diagnostics } = await load({ 'promises.yaml': text });
    expect(where(diagnostics)[0]).toContain(expected);
    expect(diagnostics[0]?.severity).toBe('error');
  });

  it.each([
    ['a list', '- id: a\n- id: b\n'],
    ['a scalar', 'just some text\n'],
  ])('a file that is %s is a schema error at its start', async (_, text) => {
    const { diagnostics } = await load({ 'promises.yaml': text });
    expect(where(diagnostics)).toEqual(['schema promises.yaml:1:1']);
    expect(diagnostics[0]?.hint).toMatch(/promises:/);
  });

  it('refuses an alias bomb without expanding it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { diagnostics } = await load({ 'bomb.yaml': `${levels.join('\n')}\n` });
    expect(diagnostics.map((d) => d.rule)).toEqual(['yaml-syntax']);
    expect(diagnostics[0]?.message).toMatch(/alias/);
  });

  it('refuses a file larger than the limit, with a clear message', async () => {
    const { diagnostics } = await load({ 'big.yaml': new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20) });
    expect(where(diagnostics)).toEqual(['unreadable-file big.yaml:1:1']);
    expect(diagnostics[0]?.message).toMatch(/MiB/);
  });

  it('refuses a binary file named .yaml', async () => {
    const { diagnostics } = await load({ 'logo.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    expect(where(diagnostics)).toEqual(['unreadable-file logo.yaml:1:1']);
  });

  it('points at the first byte that is not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('owners:\n  - id: caf'), 0xe9, 0x0a]);
    const { diagnostics } = await load({ 'owners.yaml': bytes });
    expect(where(diagnostics)).toEqual(['unreadable-file owners.yaml:2:12']);
  });

  it('reports a file it may not read', async () => {
    const { diagnostics } = await load({ 'secret.yaml': Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }) });
    expect(where(diagnostics)).toEqual(['unreadable-file secret.yaml:1:1']);
    expect(diagnostics[0]?.message).toMatch(/permission denied/);
  });

  it('reads a file with a UTF-8 BOM and CRLF line ends', async () => {
    const { diagnostics, registry } = await load({ 'owners.yaml': `\uFEFF${OWNERS.replace(/\n/g, '\r\n')}` });
    expect(diagnostics).toEqual([]);
    expect(registry.owners.map((o) => o.id)).toEqual(['support-eu', 'anna']);
  });
});

describe('settings', () => {
  it('an empty promise.yaml is a schema error', async () => {
    const { loadRegistry } = await import('../../src/registry/load.js');
    const { memoryReader } = await import('../helpers/memory-reader.js');
    const { diagnostics } = await loadRegistry(memoryReader({ 'promise.yaml': '' }), '/r');
    expect(where(diagnostics)).toEqual(['schema promise.yaml:1:1']);
  });

  it('checks version, timezone, fiscal year and rule names', async () => {
    const { loadRegistry } = await import('../../src/registry/load.js');
    const { memoryReader } = await import('../helpers/memory-reader.js');
    const { diagnostics } = await loadRegistry(
      memoryReader({ 'promise.yaml': 'version: 2\nname: X\ntimezone: Europe/Berln\nfiscal_year_start: 13\nrules:\n  unmeasured-promises: error\n  stale-promise: loud\n' }),
      '/r',
    );
    expect(where(diagnostics)).toEqual([
      'schema promise.yaml:1:10',
      'schema promise.yaml:3:11',
      'schema promise.yaml:4:20',
      'schema promise.yaml:6:3',
      'schema promise.yaml:7:18',
    ]);
    expect(diagnostics.find((d) => d.line === 3)?.hint).toBe('did you mean "Europe/Berlin"?');
    expect(diagnostics.find((d) => d.line === 6)?.hint).toBe('did you mean "unmeasured-promise"?');
  });

  it('an unknown top-level key suggests the collection meant', async () => {
    const { diagnostics } = await load({ 'x.yaml': 'promisses: []\n' });
    expect(where(diagnostics)).toEqual(['schema x.yaml:1:1']);
    expect(diagnostics[0]?.hint).toBe('did you mean "promises"?');
  });

  it('settings outside promise.yaml are refused with a hint', async () => {
    const { diagnostics } = await load({ 'x.yaml': 'timezone: UTC\n' });
    expect(diagnostics[0]?.hint).toBe('registry settings belong in promise.yaml');
  });

  it('ignore globs keep other YAML files out of the registry', async () => {
    const { loadRegistry } = await import('../../src/registry/load.js');
    const { memoryReader } = await import('../helpers/memory-reader.js');
    const { diagnostics, paths } = await loadRegistry(
      memoryReader({ 'promise.yaml': 'version: 1\nname: X\nignore: ["docs/**", "mkdocs.yml"]\n', 'docs/site.yaml': 'nav: []\n', 'mkdocs.yml': 'site_name: x\n' }),
      '/r',
    );
    expect(diagnostics).toEqual([]);
    expect(paths).toEqual(['promise.yaml']);
  });
});

describe('schema errors are located at the offending value', () => {
  const check = async (files: Record<string, string>) => (await load({ 'owners.yaml': OWNERS, 'promises.yaml': PROMISE, ...files })).diagnostics;

  it('an unknown field, at its key, with a suggestion', async () => {
    const ds = await check({ 'standards.yaml': standard(DURATION.replace('calendar: office', 'calender: office')) });
    expect(where(ds)).toEqual(['schema standards.yaml:9:15', 'schema standards.yaml:10:7']);
    expect(ds.find((d) => d.line === 10)?.hint).toBe('did you mean "calendar"?');
  });

  it('an id that breaks the pattern, with a slug hint', async () => {
    const ds = await check({ 'more.yaml': 'owners:\n  - id: Billing_Team\n    name: Billing\n    kind: team\n' });
    expect(where(ds)).toEqual(['schema more.yaml:2:9']);
    expect(ds[0]?.hint).toContain('"billing-team"');
  });

  it('an enum typo, with a suggestion', async () => {
    const ds = await check({ 'promises.yaml': PROMISE.replace('responsiveness', 'responsivness') });
    expect(where(ds)).toEqual(['schema promises.yaml:4:16']);
    expect(ds[0]?.hint).toBe('did you mean "responsiveness"?');
  });

  it('a missing field, at the entity', async () => {
    const ds = await check({ 'promises.yaml': PROMISE.replace('    dimension: responsiveness\n', '') });
    expect(where(ds)).toEqual(['schema promises.yaml:2:5']);
    expect(ds[0]?.message).toMatch(/dimension is missing/);
  });

  it('a wrong type', async () => {
    const ds = await check({ 'promises.yaml': PROMISE.replace('    owner: support-eu', '    owner: support-eu\n    channels: website') });
    expect(where(ds)).toEqual(['schema promises.yaml:6:15']);
    expect(ds[0]?.message).toMatch(/must be a list/);
  });

  it.each([
    ['a duration that does not parse', DURATION.replace('within: 1bd', 'within: 1 day'), 'schema standards.yaml:9:15'],
    ['business days without a calendar', DURATION.replace('      calendar: office\n', ''), 'schema standards.yaml:9:15'],
    ['whole days on a calendar', DURATION.replace('within: 1bd', 'within: 2d'), 'schema standards.yaml:9:15'],
    ['a share that is not a percentage', DURATION.replace('target: 95%', 'target: 95'), 'schema standards.yaml:11:13'],
    ['an unknown measure kind', DURATION.replace('kind: duration', 'kind: durration'), 'schema standards.yaml:6:13'],
    ['a map of limits without per', DURATION.replace('within: 1bd', 'within: { P1: 1h, default: 1bd }'), 'schema standards.yaml:9:15'],
    ['a bad period', DURATION.replace('period: quarter', 'period: fortnight'), 'schema standards.yaml:12:13'],
  ])('%s', async (_, body, expected) => {
    const ds = await check({ 'standards.yaml': standard(body) });
    expect(where(ds)).toEqual([expected]);
    expect(ds[0]?.message).not.toBe('');
  });

  it('an unknown measure kind suggests the kind meant', async () => {
    const ds = await check({ 'standards.yaml': standard(DURATION.replace('kind: duration', 'kind: durration')) });
    expect(ds[0]?.hint).toBe('did you mean "duration"?');
  });

  it.each([
    ['an unknown operator', '{ csat: { gtee: 4 } }', 'schema standards.yaml:5:22', /did you mean "gte"/],
    ['a number operator with text', '{ csat: { gte: high } }', 'schema standards.yaml:5:27', undefined],
    ['a regular expression that does not compile', '{ subject: { matches: "([a-z" } }', 'schema standards.yaml:5:34', undefined],
    ['an empty condition', '{}', 'schema standards.yaml:5:12', undefined],
    ['an empty value', '{ channel: ~ }', 'schema standards.yaml:5:23', /empty: true/],
    ['an operator block with no operator', '{ csat: {} }', 'schema standards.yaml:5:20', undefined],
  ])('a condition with %s', async (_, where_, expected, hint) => {
    const ds = await check({ 'standards.yaml': standard(`    where: ${where_}\n${DURATION}`) });
    expect(where(ds)).toEqual([expected]);
    if (hint) expect(ds[0]?.hint).toMatch(hint);
  });

  it('an average needs exactly one bound, warn_at needs an allowance, a credit needs a currency', async () => {
    const ds = await check({
      'standards.yaml': standard(`    measure:
      kind: average
      at: closed_at
      of: csat
      at_least: 4
      at_most: 5
    period: month
    warn_at: 80%
    remedy: { action: Sorry, credit: 10 }
`),
    });
    expect(ds.map((d) => d.rule)).toEqual(['schema', 'schema', 'schema']);
    expect(where(ds)).toEqual(['schema standards.yaml:6:7', 'schema standards.yaml:12:14', 'schema standards.yaml:13:38']);
  });

  it('SPEC §2: an average has no target, so one written is an error at it; any other kind needs one, an error at the standard', async () => {
    const average = await check({ 'standards.yaml': standard(`    measure: { kind: average, at: closed_at, of: csat, at_least: 4 }
    target: 100%
    period: month
`) });
    expect(where(average)).toEqual(['schema standards.yaml:6:13']);
    const duration = await check({ 'standards.yaml': standard(`    measure: { kind: duration, from: opened_at, to: closed_at, within: 4h }
    period: month
`) });
    expect(where(duration)).toEqual(['schema standards.yaml:2:5']);
    const bare = await check({ 'standards.yaml': standard(`    measure: { kind: average, at: closed_at, of: csat, at_most: 2 }
    period: month
`) });
    expect(bare).toEqual([]);
  });

  it('SPEC §6: kind nps is accepted with at_least in −100..100, and a bound outside it is an error at the bound', async () => {
    const ok = await check({ 'standards.yaml': standard(`    measure: { kind: nps, at: closed_at, of: csat, at_least: 30 }
    period: month
`) });
    expect(ok).toEqual([]);
    const bad = await check({ 'standards.yaml': standard(`    measure: { kind: nps, at: closed_at, of: csat, at_least: 130 }
    period: month
`) });
    expect(where(bad)).toEqual(['schema standards.yaml:5:62']);
    const target = await check({ 'standards.yaml': standard(`    measure: { kind: nps, at: closed_at, of: csat, at_least: 30 }
    target: 90%
    period: month
`) });
    expect(where(target)).toEqual(['schema standards.yaml:6:13']);
  });

  it('a bad timezone and bad opening hours on a calendar', async () => {
    const ds = await check({ 'cal.yaml': 'calendars:\n  - id: night\n    timezone: Mars/Olympus\n    hours:\n      daily: "22:00-06:00"\n    holidays: [2026-02-30]\n' });
    expect(where(ds)).toEqual(['schema cal.yaml:3:15', 'schema cal.yaml:5:14', 'schema cal.yaml:6:16']);
  });

  it('reports every problem at once, across files', async () => {
    const ds = await check({
      'promises.yaml': PROMISE.replace('responsiveness', 'speed'),
      'standards.yaml': standard(DURATION.replace('target: 95%', 'target: lots').replace('from: opened_at', 'from: ""')),
      'more.yaml': 'owners:\n  - id: BAD\n    name: x\n    kind: crew\n',
    });
    expect(ds.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ds.map((d) => d.file))).toEqual(new Set(['promises.yaml', 'standards.yaml', 'more.yaml']));
  });
});

describe('ids and references', () => {
  it('a duplicate id across files points at the second and names the first', async () => {
    const { diagnostics } = await load({ 'owners.yaml': OWNERS, 'people.yaml': 'owners:\n  - id: anna\n    name: Another Anna\n    kind: person\n' });
    expect(where(diagnostics)).toEqual(['duplicate-id people.yaml:2:9']);
    expect(diagnostics[0]?.hint).toMatch(/owners\.yaml:6:9/);
  });

  it('a holiday listed twice', async () => {
    const { diagnostics } = await load({ 'c.yaml': 'calendars:\n  - id: c\n    hours: { weekdays: "09:00-17:00" }\n    holidays: [2026-12-25, { date: 2026-12-25, hours: "09:00-12:00" }]\n' });
    expect(where(diagnostics)).toEqual(['duplicate-id c.yaml:4:36']);
  });

  it('unknown references, each at its value, with did-you-mean', async () => {
    const { diagnostics } = await load({
      'owners.yaml': OWNERS.replace('lead: anna', 'lead: ana'),
      'promises.yaml': PROMISE.replace('owner: support-eu', 'owner: suport-eu'),
      'standards.yaml': standard(DURATION.replace('calendar: office', 'calendar: ofice')).replace('promise: reply-fast', 'promise: reply-fsat').replace('source: tickets', 'source: ticket'),
    });
    expect(where(diagnostics)).toEqual([
      'unknown-ref owners.yaml:5:11',
      'unknown-ref promises.yaml:5:12',
      'unknown-ref standards.yaml:3:14',
      'unknown-ref standards.yaml:4:13',
      'unknown-ref standards.yaml:10:17',
    ]);
    expect(diagnostics.map((d) => d.hint)).toEqual([
      'did you mean "anna"?',
      'did you mean "support-eu"?',
      'did you mean "reply-fast"?',
      'did you mean "tickets"?',
      'did you mean "office"?',
    ]);
    expect(diagnostics[1]?.message).toBe('promise "reply-fast" names owner "suport-eu"');
  });

  it('a reference with nothing close explains what to do', async () => {
    const { diagnostics } = await load({ 'owners.yaml': OWNERS, 'promises.yaml': PROMISE.replace('owner: support-eu', 'owner: marketing') });
    expect(diagnostics[0]?.message).toMatch(/not declared/);
    expect(diagnostics[0]?.hint).toMatch(/owners:/);
  });

  it('a reference from an entity with a schema error is still checked', async () => {
    const { diagnostics } = await load({ 'owners.yaml': OWNERS, 'promises.yaml': PROMISE.replace('responsiveness', 'speed').replace('owner: support-eu', 'owner: suport-eu') });
    expect(diagnostics.map((d) => d.rule).sort()).toEqual(['schema', 'unknown-ref']);
  });

  it('a lead must be a person, and not the owner itself', async () => {
    const { diagnostics } = await load({
      'owners.yaml': 'owners:\n  - id: a\n    name: A\n    kind: team\n    lead: b\n  - id: b\n    name: B\n    kind: team\n  - id: c\n    name: C\n    kind: person\n    lead: c\n',
    });
    expect(where(diagnostics)).toEqual(['schema owners.yaml:5:11', 'schema owners.yaml:12:11']);
  });
});

describe('condition order', () => {
  it('keeps a column named like a number in the place it was written', async () => {
    const { registry, diagnostics } = await load({
      'owners.yaml': OWNERS,
      'promises.yaml': PROMISE,
      'standards.yaml': standard(`    where: { type: fault, "2024": yes }\n${DURATION}`),
    });
    expect(diagnostics).toEqual([]);
    const where = registry.standards[0]?.where;
    expect(where?.kind === 'all' && where.items.map((i) => (i.kind === 'test' ? i.column : i.kind))).toEqual(['type', '2024']);
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { selectForReport, selectFromRegistry, type FilterOptions } from '../../src/plan/selection.js';
import type { Registry } from '../../src/registry/model.js';
import { load } from '../helpers/memory-reader.js';

/**
 * `fast` has two standards, one owned by billing; `right` one; `quiet` none. So --owner billing
 * selects part of `fast`, which must not be rolled up.
 */
const FILES = {
  'owners.yaml': `owners:
  - { id: support, name: Support, kind: team }
  - { id: billing, name: Billing, kind: team }
`,
  'sources.yaml': `sources:
  - { id: tickets, files: logs/*.csv, key: id }
`,
  'promises.yaml': `promises:
  - { id: fast, statement: We answer fast., dimension: responsiveness, owner: support }
  - { id: right, statement: We get it right., dimension: reliability, owner: billing }
  - { id: quiet, statement: We keep it quiet., dimension: assurance, owner: support }
`,
  'standards.yaml': `standards:
  - { id: reply, promise: fast, source: tickets, measure: { kind: duration, from: opened, to: replied, within: 24h }, target: 90%, period: quarter }
  - { id: refund, promise: fast, owner: billing, source: tickets, measure: { kind: duration, from: opened, to: refunded, within: 5d }, target: 90%, period: month }
  - { id: correct, promise: right, source: tickets, measure: { kind: condition, at: closed, expect: { reopened: "no" } }, target: 95%, period: quarter }
`,
};

async function registryOf(files: Record<string, string> = FILES): Promise<Registry> {
  const { registry, diagnostics } = await load(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('; '));
  return registry;
}

const filters = (more: Partial<FilterOptions> = {}): FilterOptions => ({ period: [], ...more });

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

/** What an error thrown by `run` says, with its hint. */
function usage(run: () => unknown): [string, string | undefined] {
  try {
    run();
  } catch (err) {
    if (err instanceof UsageError) return [err.message, err.hint];
    throw err;
  }
  throw new Error('no usage error');
}

describe('selectFromRegistry', () => {
  it.each<[string, Partial<FilterOptions>, string[], string[]]>([
    ['no filter: everything', {}, ['reply', 'refund', 'correct'], ['fast', 'right', 'quiet']],
    ['--promise: its standards, and it', { promise: 'fast' }, ['reply', 'refund'], ['fast']],
    ['--promise of a promise without standards: it alone', { promise: 'quiet' }, [], ['quiet']],
    ['--standard of a promise with one standard: rolled up', { standard: 'correct' }, ['correct'], ['right']],
    // a roll-up over part of a promise's standards could call it kept when it is not
    ['--standard of a promise with two: not rolled up', { standard: 'reply' }, ['reply'], []],
    ['--owner: the standards it owns; a promise only when all of its are', { owner: 'billing' }, ['refund', 'correct'], ['right']],
    ['--owner: a promise without standards by its own owner', { owner: 'support' }, ['reply'], ['quiet']],
    ['filters together: what all of them allow', { owner: 'support', promise: 'fast' }, ['reply'], []],
  ])('%s', async (_, more, standards, promises) => {
    const s = selectFromRegistry(await registryOf(), filters(more));
    expect(s.periods).toBeUndefined();
    expect(ids(s.standards)).toEqual(standards);
    expect(ids(s.promises)).toEqual(promises);
  });

  it('a promise is rolled up only when every standard measuring it is selected', async () => {
    const registry = await registryOf();
    const all = [{}, { standard: 'reply' }, { standard: 'refund' }, { standard: 'correct' }, { promise: 'fast' }, { promise: 'right' }, { owner: 'support' }, { owner: 'billing' }];
    for (const more of all) {
      const s = selectFromRegistry(registry, filters(more));
      for (const p of s.promises) {
        for (const measuring of registry.standards.filter((st) => st.promise === p.id)) expect(ids(s.standards)).toContain(measuring.id);
      }
    }
  });

  it('--period: calendar and fiscal names, each once per flag', async () => {
    const s = selectFromRegistry(await registryOf(), filters({ period: ['2026-Q3', '2026-07', '2026-W27', '2026'] }));
    expect(s.periods?.map((p) => [p.kind, p.key])).toEqual([
      ['quarter', '2026-Q3'],
      ['month', '2026-07'],
      ['week', '2026-W27'],
      ['year', '2026'],
    ]);
    const fiscal = await registryOf({ ...FILES, 'promise.yaml': 'version: 1\nname: Fiscal\ntimezone: Europe/Berlin\nfiscal_year_start: 4\n' });
    const f = selectFromRegistry(fiscal, filters({ period: ['FY2027-Q1'] }));
    // FY2027 starts on 1 April 2026, Berlin time
    expect(f.periods?.map((p) => [p.key, new Date(p.startMs).toISOString(), new Date(p.endMs).toISOString()])).toEqual([['FY2027-Q1', '2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z']]);
  });

  it('usage errors name the flag, the value, and what to write instead', async () => {
    const registry = await registryOf();
    expect(usage(() => selectFromRegistry(registry, filters({ standard: 'replly' })))).toEqual(['--standard replly: the registry has no standard "replly"', 'did you mean "reply"?']);
    expect(usage(() => selectFromRegistry(registry, filters({ promise: 'nope' })))).toEqual(['--promise nope: the registry has no promise "nope"', 'its promises are: fast, right, quiet']);
    expect(usage(() => selectFromRegistry(registry, filters({ owner: 'biling' })))[0]).toBe('--owner biling: the registry has no owner "biling"');
    expect(usage(() => selectFromRegistry(registry, filters({ period: ['Q3'] })))).toEqual(['--period Q3: not a period name', 'write e.g. 2026-Q3, 2026-07, 2026-W27 or 2026']);
    const fiscal = await registryOf({ ...FILES, 'promise.yaml': 'version: 1\nname: Fiscal\ntimezone: Europe/Berlin\nfiscal_year_start: 4\n' });
    expect(usage(() => selectFromRegistry(fiscal, filters({ period: ['Q3'] })))[1]).toBe('write e.g. FY2027-Q1, 2026-07, 2026-W27 or FY2027');
  });
});

describe('selectForReport', () => {
  it.each<[string, string, number, string, string[]]>([
    // SPEC §4: the last quarter that has finished at as_of, in the registry's zone
    ['mid-quarter', '2026-11-16T08:00:00Z', 1, '2026-Q3', ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']],
    ['the first instant of a quarter, Berlin time', '2026-09-30T22:00:00Z', 1, '2026-Q3', ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']],
    ['the last instant before it', '2026-09-30T21:59:59Z', 1, '2026-Q2', ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']],
    ['across a new year', '2026-01-10T00:00:00Z', 1, '2025-Q4', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']],
    ['a fiscal year from April', '2026-05-01T00:00:00Z', 4, 'FY2026-Q4', ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']],
    ['a fiscal year from April, its second quarter', '2026-08-01T00:00:00Z', 4, 'FY2027-Q1', ['FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1']],
  ])('the default period %s', async (_, asOf, fiscalYearStart, period, trend) => {
    const registry = await registryOf({ ...FILES, 'promise.yaml': `version: 1\nname: R\ntimezone: Europe/Berlin\nfiscal_year_start: ${fiscalYearStart}\n` });
    const scope = selectForReport(registry, filters(), Date.parse(asOf));
    expect(scope.period.key).toBe(period);
    expect(scope.trend.map((p) => p.key)).toEqual(trend);
    expect(scope.previous.key).toBe(trend[2]);
  });

  it('--period is the one period reported on, its trend the three before it of the same length', async () => {
    const scope = selectForReport(await registryOf(), filters({ period: ['2026-07'] }), Date.parse('2026-11-16T08:00:00Z'));
    expect([scope.period.kind, scope.period.key]).toEqual(['month', '2026-07']);
    expect(scope.trend.map((p) => p.key)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07']);
    // every period is counted, for the trend; the report keeps its breaches within its period
    expect(scope.selection.periods).toBeUndefined();
  });

  it.each<[string, Partial<FilterOptions>, string[], string[]]>([
    ['no filter: every promise, every standard', {}, ['fast', 'right', 'quiet'], ['reply', 'refund', 'correct']],
    ['--standard: its promise, with all its standards', { standard: 'reply' }, ['fast'], ['reply', 'refund']],
    ['--owner: the promises it owns or has a standard of, each whole', { owner: 'billing' }, ['fast', 'right'], ['reply', 'refund', 'correct']],
    ['--promise without standards: it alone', { promise: 'quiet' }, ['quiet'], []],
  ])('its promises: %s', async (_, more, promises, standards) => {
    const scope = selectForReport(await registryOf(), filters(more), Date.parse('2026-11-16T08:00:00Z'));
    expect(ids(scope.selection.promises)).toEqual(promises);
    expect(ids(scope.selection.standards)).toEqual(standards);
  });

  it('the dates the review list is cut at: as_of in the zone, and 90 days on', async () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin
    const scope = selectForReport(await registryOf(), filters(), Date.parse('2026-12-31T23:30:00Z'));
    expect([scope.asOfDate, scope.reviewHorizon]).toEqual(['2027-01-01', '2027-04-01']);
  });
});

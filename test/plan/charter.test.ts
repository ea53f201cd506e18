import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { ALL_CUSTOMERS, charterSelection, planCharter, resultsPeriod } from '../../src/plan/charter.js';
import type { Registry } from '../../src/registry/model.js';
import { load } from '../helpers/memory-reader.js';

/**
 * `reply` and `refund` are made to all customers (one by name, one by naming no audience) on
 * overlapping channels; `premier` to Premier clients; `courtesy` has no standard; `silent` names
 * no channel.
 */
const FILES = {
  'owners.yaml': `owners:
  - { id: support, name: Support, kind: team }
`,
  'sources.yaml': `sources:
  - { id: tickets, files: logs/*.csv, key: id }
`,
  'promises.yaml': `promises:
  - { id: reply, statement: We reply within 1 business day., dimension: responsiveness, owner: support, audience: all customers, channels: [website, app] }
  - { id: refund, statement: We refund within 5 days., dimension: reliability, owner: support, channels: [app, website] }
  - { id: premier, statement: Your adviser calls back within 4 hours., dimension: empathy, owner: support, audience: Premier clients, channels: [premier-line] }
  - { id: courtesy, statement: We are always courteous., dimension: assurance, owner: support, audience: all customers, channels: [website] }
  - { id: silent, statement: We fix it right the first time., dimension: reliability, owner: support, audience: Premier clients }
`,
  'standards.yaml': `standards:
  - { id: reply-time, promise: reply, source: tickets, measure: { kind: duration, from: opened, to: replied, within: 24h }, target: 90%, period: quarter }
  - { id: refund-time, promise: refund, source: tickets, measure: { kind: duration, from: opened, to: refunded, within: 5d }, target: 90%, period: month }
  - { id: refund-right, promise: refund, source: tickets, measure: { kind: condition, at: closed, expect: { reopened: "no" } }, target: 95%, period: quarter }
  - { id: premier-time, promise: premier, source: tickets, measure: { kind: duration, from: opened, to: called, within: 4h }, target: 90%, period: quarter }
  - { id: fixed, promise: silent, source: tickets, measure: { kind: condition, at: closed, expect: { reopened: "no" } }, target: 95%, period: quarter }
`,
};

async function registryOf(): Promise<Registry> {
  const { registry, diagnostics } = await load(FILES);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('; '));
  return registry;
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

function usage(run: () => unknown): [string, string | undefined] {
  try {
    run();
  } catch (err) {
    if (err instanceof UsageError) return [err.message, err.hint];
    throw err;
  }
  throw new Error('no usage error');
}

describe('planCharter', () => {
  it('groups by audience (all customers first, a promise naming none among them), then by the list of channels, each promise once', async () => {
    const plan = planCharter(await registryOf(), {});
    expect(plan.groups).toEqual([
      { audience: ALL_CUSTOMERS, groups: [{ channels: ['app', 'website'], promises: ['refund', 'reply'] }] },
      { audience: 'Premier clients', groups: [{ channels: [], promises: ['silent'] }, { channels: ['premier-line'], promises: ['premier'] }] },
    ]);
    expect(ids(plan.promises)).toEqual(['premier', 'refund', 'reply', 'silent']);
  });

  it('leaves out a promise no standard measures, and names it', async () => {
    const plan = planCharter(await registryOf(), {});
    expect(ids(plan.unmeasured)).toEqual(['courtesy']);
    expect(plan.groups.flatMap((g) => g.groups.flatMap((c) => c.promises))).not.toContain('courtesy');
  });

  it('selects every standard of the promises on the page, so none is rolled up on part of its measures', async () => {
    const plan = planCharter(await registryOf(), { channel: 'app' });
    const selection = charterSelection(plan);
    expect(ids(selection.standards)).toEqual(['refund-right', 'refund-time', 'reply-time']);
    expect(ids(selection.promises)).toEqual(['refund', 'reply']);
    expect(selection.periods).toBeUndefined();
  });

  it('--audience keeps that audience; the one of promises naming none is "all customers"', async () => {
    const registry = await registryOf();
    const premier = planCharter(registry, { audience: 'Premier clients' });
    expect(premier.groups.map((g) => g.audience)).toEqual(['Premier clients']);
    expect(ids(premier.unmeasured)).toEqual([]);
    const all = planCharter(registry, { audience: ALL_CUSTOMERS });
    expect(ids(all.promises)).toEqual(['refund', 'reply']);
    expect(ids(all.unmeasured)).toEqual(['courtesy']);
  });

  it('--channel keeps what is published there, never a promise that names no channel', async () => {
    const plan = planCharter(await registryOf(), { channel: 'premier-line' });
    expect(plan.groups).toEqual([{ audience: 'Premier clients', groups: [{ channels: ['premier-line'], promises: ['premier'] }] }]);
    const both = planCharter(await registryOf(), { channel: 'website', audience: 'Premier clients' });
    expect(both.groups).toEqual([]);
  });

  it('an audience or channel no promise names is a usage error with a did-you-mean', async () => {
    const registry = await registryOf();
    expect(usage(() => planCharter(registry, { audience: 'Premier client' }))).toEqual(['--audience Premier client: no promise of the registry names the audience "Premier client"', 'did you mean "Premier clients"?']);
    const [message, hint] = usage(() => planCharter(registry, { channel: 'webiste' }));
    expect(message).toContain('--channel webiste');
    expect(hint).toContain('"website"');
    expect(usage(() => planCharter(registry, { channel: 'fax' }))[1]).toBe('its channels are: app, premier-line, website');
  });
});

describe('resultsPeriod', () => {
  it('reads a period name in the registry zone; refuses one that is not, or has not started', async () => {
    const registry = await registryOf();
    const asOf = Date.parse('2026-11-16T08:00:00Z');
    const q3 = resultsPeriod(registry, '2026-Q3', asOf);
    expect(q3).toMatchObject({ kind: 'quarter', key: '2026-Q3', startMs: Date.parse('2026-06-30T22:00:00Z') });
    expect(usage(() => resultsPeriod(registry, '2026-Q5', asOf))[0]).toBe('--with-results 2026-Q5: not a period name');
    expect(usage(() => resultsPeriod(registry, '2027-Q1', asOf))[0]).toBe('--with-results 2027-Q1: the period has not started at --as-of');
  });
});

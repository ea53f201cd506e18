/**
 * The comparison of two registries, table-driven: one case per kind of change and class, on
 * in-memory registries. Cases assert on entity, id, field, class and reason code, not on prose.
 */
import { describe, expect, it } from 'vitest';
import { compareRegistries } from '../../src/diff/compare.js';
import { diffExitCode } from '../../src/cli/exit-code.js';
import type { Change } from '../../src/diff/model.js';
import type { Registry } from '../../src/registry/model.js';
import { load, ROOT } from '../helpers/memory-reader.js';

/** The parts of a small registry; a case replaces some of them on one side. */
interface Parts {
  root: string;
  owners: string;
  calendars: string;
  sources: string;
  promises: string;
  standards: string;
}

const BASE: Parts = {
  root: ROOT,
  owners: `
owners:
  - { id: support, name: Support, kind: team }
  - { id: desk, name: Service Desk, kind: team }
`,
  calendars: `
calendars:
  - id: office
    hours: { weekdays: "09:00-17:00" }
    holidays: [2026-12-25]
`,
  sources: `
sources:
  - { id: tickets, files: logs/tickets.csv, key: id }
  - { id: surveys, files: logs/surveys.csv, key: id }
`,
  promises: `
promises:
  - id: reply-fast
    statement: We reply to every email within a day.
    dimension: responsiveness
    owner: support
`,
  standards: standard({}),
};

/** The one standard of the base registry, with some of its lines replaced; an average has no target (SPEC §2). */
function standard(lines: { id?: string; where?: string; measure?: string; target?: string; period?: string; extra?: string }): string {
  const measure = lines.measure ?? '{ kind: duration, from: opened_at, to: replied_at, within: 24h }';
  return `
standards:
  - id: ${lines.id ?? 'email-reply'}
    promise: reply-fast
    source: tickets
    where: ${lines.where ?? '{ channel: email }'}
    measure: ${measure}
${measure.includes('kind: average') || measure.includes('kind: nps') ? '' : `    target: ${lines.target ?? '90%'}\n`}    period: ${lines.period ?? 'quarter'}
${lines.extra ?? ''}`;
}

const duration = (rest: string) => `{ kind: duration, from: opened_at, to: replied_at, ${rest} }`;
const deadline = (rest: string) => `{ kind: deadline, done: done_at, due: due_at${rest} }`;
const average = (rest: string) => `{ kind: average, at: surveyed_at, of: csat, ${rest} }`;
const nps = (rest: string) => `{ kind: nps, at: surveyed_at, of: recommend, ${rest} }`;

async function registry(parts: Partial<Parts>): Promise<Registry> {
  const p = { ...BASE, ...parts };
  const { registry, diagnostics } = await load({ 'promise.yaml': p.root, 'registry.yaml': [p.owners, p.calendars, p.sources, p.promises, p.standards].join('\n') });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture does not load: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return registry;
}

const brief = (c: Change) => `${c.entity} ${c.id} ${c.field} ${c.class} ${c.reason}`;

async function diff(before: Partial<Parts>, after: Partial<Parts>) {
  return compareRegistries(await registry(before), await registry(after));
}

type Case = [name: string, before: Partial<Parts>, after: Partial<Parts>, expected: string[]];

describe('targets', () => {
  it.each<Case>([
    ['target lowered: loosened', {}, { standards: standard({ target: '80%' }) }, ['standard email-reply target loosened target-lowered']],
    ['target raised: tightened', {}, { standards: standard({ target: '99.5%' }) }, ['standard email-reply target tightened target-raised']],
    ['target written as a fraction, same share: no change', {}, { standards: standard({ target: '0.9' }) }, []],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });

  it('says what the target was and is, as written', async () => {
    const [c] = (await diff({}, { standards: standard({ target: '80%' }) })).changes;
    expect(c).toMatchObject({ kind: 'changed', before: '90%', after: '80%', affects: ['email-reply'], previousId: undefined });
  });
});

describe('limits: within, like with like', () => {
  const cal = (rest: string) => duration(`calendar: office, ${rest}`);
  it.each<Case>([
    ['shorter: tightened', {}, { standards: standard({ measure: duration('within: 8h') }) }, ['standard email-reply measure.within tightened limit-shorter']],
    ['longer: loosened', {}, { standards: standard({ measure: duration('within: 2d') }) }, ['standard email-reply measure.within loosened limit-longer']],
    ['the same length written otherwise (24h, 1d): no change', {}, { standards: standard({ measure: duration('within: 1d') }) }, []],
    ['business days, more of them: loosened', { standards: standard({ measure: cal('within: 1bd') }) }, { standards: standard({ measure: cal('within: 2bd') }) }, ['standard email-reply measure.within loosened limit-longer']],
    ['business days, fewer of them: tightened', { standards: standard({ measure: cal('within: 3bd') }) }, { standards: standard({ measure: cal('within: 2bd') }) }, ['standard email-reply measure.within tightened limit-shorter']],
    ['open hours against business days do not compare: neutral', { standards: standard({ measure: cal('within: 8h') }) }, { standards: standard({ measure: cal('within: 1bd') }) }, ['standard email-reply measure.within neutral limit-other-unit']],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });
});

describe('clocks: wall-clock and calendars', () => {
  const cal = (rest: string) => duration(`calendar: office, ${rest}`);
  it.each<Case>([
    [
      'wall-clock to open time: loosened; the limits, on different clocks, neutral',
      {},
      { standards: standard({ measure: cal('within: 1bd') }) },
      ['standard email-reply measure.calendar loosened clock-open-time', 'standard email-reply measure.within neutral limit-other-clock'],
    ],
    ['open time back to wall-clock, same limit text: tightened', { standards: standard({ measure: cal('within: 8h') }) }, { standards: standard({ measure: duration('within: 8h') }) }, ['standard email-reply measure.calendar tightened clock-wall']],
    [
      'another calendar: neutral',
      { calendars: `${BASE.calendars}  - { id: shop, hours: { daily: "08:00-20:00" } }\n`, standards: standard({ measure: cal('within: 8h') }) },
      { calendars: `${BASE.calendars}  - { id: shop, hours: { daily: "08:00-20:00" } }\n`, standards: standard({ measure: duration('calendar: shop, within: 8h') }) },
      ['standard email-reply measure.calendar neutral calendar-swapped'],
    ],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });
});

describe('per-value limits, key by key, default included', () => {
  const per = (map: string) => duration(`per: priority, within: ${map}`);
  it.each<Case>([
    ['a value shorter: tightened', { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) }, { standards: standard({ measure: per('{ P1: 2h, default: 24h }') }) }, ['standard email-reply measure.within.P1 tightened limit-shorter']],
    ['the default longer: loosened', { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) }, { standards: standard({ measure: per('{ P1: 4h, default: 48h }') }) }, ['standard email-reply measure.within.default loosened limit-longer']],
    [
      'a value loses its limit and falls back on a longer default: loosened',
      { standards: standard({ measure: per('{ P1: 4h, P2: 8h, default: 24h }') }) },
      { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) },
      ['standard email-reply measure.within.P2 loosened limit-longer'],
    ],
    [
      'a value loses its limit under a map without default: it leaves the scope, loosened',
      { standards: standard({ measure: per('{ P1: 4h, P2: 8h }') }) },
      { standards: standard({ measure: per('{ P1: 4h }') }) },
      ['standard email-reply measure.within.P2 loosened value-leaves-scope'],
    ],
    [
      'a value gains a limit under a map without default: it enters the scope, tightened',
      { standards: standard({ measure: per('{ P1: 4h }') }) },
      { standards: standard({ measure: per('{ P1: 4h, P2: 8h }') }) },
      ['standard email-reply measure.within.P2 tightened value-enters-scope'],
    ],
    [
      'a value gains a limit shorter than the default it had: tightened',
      { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) },
      { standards: standard({ measure: per('{ P1: 4h, P2: 8h, default: 24h }') }) },
      ['standard email-reply measure.within.P2 tightened limit-shorter'],
    ],
    ['the default removed: the values it covered leave the scope, loosened', { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) }, { standards: standard({ measure: per('{ P1: 4h }') }) }, ['standard email-reply measure.within.default loosened value-leaves-scope']],
    ['a default added: the values it covers enter the scope, tightened', { standards: standard({ measure: per('{ P1: 4h }') }) }, { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) }, ['standard email-reply measure.within.default tightened value-enters-scope']],
    ['one limit split by priority: each value against the one limit it had', {}, { standards: standard({ measure: per('{ P1: 4h, P2: 48h, default: 24h }') }) }, ['standard email-reply measure.within.P1 tightened limit-shorter', 'standard email-reply measure.within.P2 loosened limit-longer']],
    [
      'another column picks the limit: neutral',
      { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) },
      { standards: standard({ measure: duration('per: severity, within: { S1: 4h, default: 24h }') }) },
      ['standard email-reply measure.per neutral limit-other-column', 'standard email-reply measure.within neutral limit-other-column'],
    ],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });

  it('a value that falls back on the default says so in its before or after text', async () => {
    const fallback = await diff({ standards: standard({ measure: per('{ P1: 4h, P2: 8h, default: 24h }') }) }, { standards: standard({ measure: per('{ P1: 4h, default: 24h }') }) });
    expect(fallback.changes[0]).toMatchObject({ before: '8h', after: '24h (default)' });
    const leaves = await diff({ standards: standard({ measure: per('{ P1: 4h, P2: 8h }') }) }, { standards: standard({ measure: per('{ P1: 4h }') }) });
    expect(leaves.changes[0]).toMatchObject({ before: '8h', after: undefined });
  });
});

describe('deadlines, pauses, averages, remedies', () => {
  const remedy = (r: string) => standard({ extra: `    remedy: ${r}` });
  it.each<Case>([
    ['grace longer: loosened', { standards: standard({ measure: deadline(', grace: 15m') }) }, { standards: standard({ measure: deadline(', grace: 1h') }) }, ['standard email-reply measure.grace loosened grace-longer']],
    ['grace added: loosened', { standards: standard({ measure: deadline('') }) }, { standards: standard({ measure: deadline(', grace: 15m') }) }, ['standard email-reply measure.grace loosened grace-longer']],
    ['grace removed: tightened', { standards: standard({ measure: deadline(', grace: 15m') }) }, { standards: standard({ measure: deadline('') }) }, ['standard email-reply measure.grace tightened grace-shorter']],
    ['due by the end of the day: loosened', { standards: standard({ measure: deadline('') }) }, { standards: standard({ measure: deadline(', due_is_date: true') }) }, ['standard email-reply measure.due_is_date loosened due-end-of-day']],
    ['due at the time again: tightened', { standards: standard({ measure: deadline(', due_is_date: true') }) }, { standards: standard({ measure: deadline('') }) }, ['standard email-reply measure.due_is_date tightened due-time-of-day']],
    ['another done column: neutral', { standards: standard({ measure: deadline('') }) }, { standards: standard({ measure: '{ kind: deadline, done: closed_at, due: due_at }' }) }, ['standard email-reply measure.done neutral columns']],
    ['paused minutes subtracted: loosened', {}, { standards: standard({ measure: duration('within: 24h, paused: waiting_minutes') }) }, ['standard email-reply measure.paused loosened paused-added']],
    ['paused minutes no longer subtracted: tightened', { standards: standard({ measure: duration('within: 24h, paused: waiting_minutes') }) }, {}, ['standard email-reply measure.paused tightened paused-removed']],
    ['at_least lowered: loosened', { standards: standard({ measure: average('at_least: 4.2') }) }, { standards: standard({ measure: average('at_least: 4') }) }, ['standard email-reply measure.at_least loosened average-laxer']],
    ['at_most lowered: tightened', { standards: standard({ measure: average('at_most: 2') }) }, { standards: standard({ measure: average('at_most: 1.5') }) }, ['standard email-reply measure.at_most tightened average-stricter']],
    ['at_least to at_most: neutral', { standards: standard({ measure: average('at_least: 4') }) }, { standards: standard({ measure: average('at_most: 2') }) }, ['standard email-reply measure neutral average-other-bound']],
    ['SPEC §6: an NPS bound raised: tightened', { standards: standard({ measure: nps('at_least: 30') }) }, { standards: standard({ measure: nps('at_least: 40') }) }, ['standard email-reply measure.at_least tightened nps-stricter']],
    ['an NPS bound lowered: loosened', { standards: standard({ measure: nps('at_least: 30') }) }, { standards: standard({ measure: nps('at_least: -10') }) }, ['standard email-reply measure.at_least loosened nps-laxer']],
    ['an NPS of another column: neutral', { standards: standard({ measure: nps('at_least: 30') }) }, { standards: standard({ measure: '{ kind: nps, at: surveyed_at, of: likely, at_least: 30 }' }) }, ['standard email-reply measure.of neutral columns']],
    ['another kind of measure: neutral', {}, { standards: standard({ measure: deadline('') }) }, ['standard email-reply measure neutral measure-kind']],
    ['a condition expects something else: neutral', { standards: standard({ measure: '{ kind: condition, at: closed_at, expect: { fixed: "yes" } }' }) }, { standards: standard({ measure: '{ kind: condition, at: closed_at, expect: { fixed: [yes, partly] } }' }) }, ['standard email-reply measure.expect neutral expectation']],
    ['credit lowered: loosened', { standards: remedy('{ action: Apology and a credit, credit: 10, currency: EUR }') }, { standards: remedy('{ action: Apology and a credit, credit: 5, currency: EUR }') }, ['standard email-reply remedy.credit loosened credit-lowered']],
    ['credit removed: loosened', { standards: remedy('{ action: Apology and a credit, credit: 10, currency: EUR }') }, { standards: remedy('{ action: Apology and a credit }') }, ['standard email-reply remedy.credit loosened credit-lowered']],
    ['credit raised: tightened', { standards: remedy('{ action: A credit, credit: 10, currency: EUR }') }, { standards: remedy('{ action: A credit, credit: 25, currency: EUR }') }, ['standard email-reply remedy.credit tightened credit-raised']],
    ['credit in another currency: neutral', { standards: remedy('{ action: A credit, credit: 10, currency: EUR }') }, { standards: remedy('{ action: A credit, credit: 10, currency: GBP }') }, ['standard email-reply remedy.credit neutral credit-other-currency']],
    ['remedy removed: loosened', { standards: remedy('{ action: An apology }') }, {}, ['standard email-reply remedy loosened remedy-removed']],
    ['remedy added: tightened', {}, { standards: remedy('{ action: An apology }') }, ['standard email-reply remedy tightened remedy-added']],
    ['remedy reworded: neutral', { standards: remedy('{ action: An apology }') }, { standards: remedy('{ action: A written apology }') }, ['standard email-reply remedy.action neutral remedy-action']],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });
});

describe('neutral by nature: the impact shows their effect', () => {
  it.each<Case>([
    ['scope changed', {}, { standards: standard({ where: '{ channel: [email, web] }' }) }, ['standard email-reply where neutral scope']],
    ['period changed', {}, { standards: standard({ period: 'month' }) }, ['standard email-reply period neutral period']],
    ['statement reworded', {}, { promises: BASE.promises.replace('within a day', 'within one working day') }, ['promise reply-fast statement neutral statement']],
    ['promise owner changed', {}, { promises: BASE.promises.replace('owner: support', 'owner: desk') }, ['promise reply-fast owner neutral owner']],
    ['standard owner named where it was inherited', {}, { standards: standard({ extra: '    owner: desk' }) }, ['standard email-reply owner neutral owner']],
    ['standard owner named the same as the inherited one: no change', {}, { standards: standard({ extra: '    owner: support' }) }, []],
    ['warn_at changed', {}, { standards: standard({ extra: '    warn_at: 75%' }) }, ['standard email-reply warn_at neutral warn-at']],
    ['another source', {}, { standards: standard({}).replace('source: tickets', 'source: surveys') }, ['standard email-reply source neutral source']],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });

  it('owner and statement changes move no standard; a scope change moves its own', async () => {
    const r = await diff({}, { promises: BASE.promises.replace('owner: support', 'owner: desk'), standards: standard({ where: '{ channel: web }' }) });
    expect(r.changes.map((c) => [c.field, c.affects])).toEqual([
      ['owner', []],
      ['where', ['email-reply']],
    ]);
  });
});

describe('calendars, sources and settings: neutral, naming the standards they move', () => {
  const onOffice = { standards: standard({ measure: duration('calendar: office, within: 8h') }) };
  it.each<Case>([
    [
      'opening hours changed',
      onOffice,
      { ...onOffice, calendars: BASE.calendars.replace('weekdays: "09:00-17:00"', 'weekdays: "09:00-17:00", fri: "09:00-13:00"') },
      ['calendar office hours.fri neutral calendar-hours'],
    ],
    ['a holiday added', onOffice, { ...onOffice, calendars: BASE.calendars.replace('[2026-12-25]', '[2026-12-25, { date: 2026-12-24, hours: "09:00-12:00" }]') }, ['calendar office holidays.2026-12-24 neutral calendar-hours']],
    ['a source read in another zone', {}, { sources: BASE.sources.replace('key: id }', 'key: id, timezone: Europe/London }') }, ['source tickets timezone neutral source-settings']],
    ['the registry timezone', {}, { root: ROOT.replace('Europe/Berlin', 'Europe/London') }, ['registry  timezone neutral registry-periods']],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });

  it('a calendar change names the standards that count time on it', async () => {
    const r = await diff(onOffice, { ...onOffice, calendars: BASE.calendars.replace('"09:00-17:00"', '"08:00-18:00"') });
    expect(r.changes.map((c) => [c.field, c.before, c.after, c.affects])).toEqual([
      ['hours.mon', '09:00-17:00', '08:00-18:00', ['email-reply']],
      ['hours.tue', '09:00-17:00', '08:00-18:00', ['email-reply']],
      ['hours.wed', '09:00-17:00', '08:00-18:00', ['email-reply']],
      ['hours.thu', '09:00-17:00', '08:00-18:00', ['email-reply']],
      ['hours.fri', '09:00-17:00', '08:00-18:00', ['email-reply']],
    ]);
  });

  it("a source's files or key move no standard: the impact reads the same files for both", async () => {
    const r = await diff({}, { sources: BASE.sources.replace('files: logs/tickets.csv, key: id', 'files: exports/*.csv, key: ticket') });
    expect(r.changes.map((c) => [brief(c), c.affects])).toEqual([
      ['source tickets files neutral source-settings', []],
      ['source tickets key neutral source-settings', []],
    ]);
  });
});

describe('added and removed', () => {
  const second = `${standard({})}  - id: email-resolve
    promise: reply-fast
    source: tickets
    measure: { kind: duration, from: opened_at, to: resolved_at, within: 5d }
    target: 80%
    period: quarter
`;
  const otherPromise = `${BASE.promises}  - id: call-back
    statement: We call back the same day.
    dimension: empathy
    owner: desk
`;
  it.each<Case>([
    ['a standard added: tightened', {}, { standards: second }, ['standard email-resolve  tightened standard-added']],
    ['a standard removed from a promise: loosened', { standards: second }, {}, ['standard email-resolve  loosened standard-removed']],
    ['a promise added: tightened', {}, { promises: otherPromise }, ['promise call-back  tightened promise-added']],
    ['a promise removed, with its standard: both loosened', {}, { promises: otherPromise.replace(BASE.promises, '\npromises:\n'), standards: '' }, [
      'promise call-back  tightened promise-added',
      'promise reply-fast  loosened promise-removed',
      'standard email-reply  loosened standard-removed',
    ]],
    ['an owner added: neutral', {}, { owners: `${BASE.owners}  - { id: anna, name: Anna, kind: person }\n` }, ['owner anna  neutral entity-added']],
  ])('%s', async (_, before, after, expected) => {
    expect((await diff(before, after)).changes.map(brief)).toEqual(expected);
  });

  it('a registry that did not exist at the revision: everything added', async () => {
    const r = compareRegistries(undefined, await registry({}));
    expect(r.changes.map(brief)).toEqual([
      'promise reply-fast  tightened promise-added',
      'standard email-reply  tightened standard-added',
      'calendar office  neutral entity-added',
      'source surveys  neutral entity-added',
      'source tickets  neutral entity-added',
      'owner desk  neutral entity-added',
      'owner support  neutral entity-added',
    ]);
    expect(r.standards.map((p) => [p.id, p.before === undefined, p.after?.id])).toEqual([['email-reply', true, 'email-reply']]);
  });

  it('an added standard shows what it measures; a removed promise its statement', async () => {
    const r = await diff({}, { standards: second });
    expect(r.changes[0]).toMatchObject({ before: undefined, after: 'from opened_at to resolved_at within 5d, target 80% per quarter', affects: ['email-resolve'] });
    const gone = await diff({}, { promises: '\npromises: []\n', standards: '' });
    expect(gone.changes[0]).toMatchObject({ kind: 'removed', before: 'We reply to every email within a day.', after: undefined });
  });
});

describe('renames', () => {
  it('a promise renamed, its standards following it: one neutral rename, the standards unchanged', async () => {
    const r = await diff({}, { promises: BASE.promises.replace('id: reply-fast', 'id: reply-within-a-day'), standards: standard({}).replace('promise: reply-fast', 'promise: reply-within-a-day') });
    expect(r.changes.map(brief)).toEqual(['promise reply-within-a-day id neutral renamed']);
    expect(r.changes[0]).toMatchObject({ kind: 'renamed', before: 'reply-fast', after: 'reply-within-a-day', previousId: 'reply-fast' });
  });

  it('a promise whose statement is unchanged is the same promise, whatever else changed', async () => {
    const promises = BASE.promises.replace('id: reply-fast', 'id: reply-within-a-day').replace('dimension: responsiveness', 'dimension: reliability').replace('owner: support', 'owner: desk');
    const r = await diff({}, { promises, standards: standard({}).replace('promise: reply-fast', 'promise: reply-within-a-day') });
    expect(r.changes.map(brief)).toEqual([
      'promise reply-within-a-day id neutral renamed',
      'promise reply-within-a-day dimension neutral detail',
      'promise reply-within-a-day owner neutral owner',
    ]);
    expect(r.changes.every((c) => c.previousId === 'reply-fast')).toBe(true);
  });

  it('a promise reworded and renamed at once is one removed and one added', async () => {
    const promises = BASE.promises.replace('id: reply-fast', 'id: answer-fast').replace('within a day', 'within 24 hours');
    const r = await diff({}, { promises, standards: standard({}).replace('promise: reply-fast', 'promise: answer-fast') });
    expect(r.changes.map(brief)).toEqual(['promise answer-fast  tightened promise-added', 'promise reply-fast  loosened promise-removed', 'standard email-reply promise neutral moved']);
  });

  it('a standard renamed and otherwise equal: a rename, no impact', async () => {
    const r = await diff({}, { standards: standard({ id: 'email-first-reply' }) });
    expect(r.changes.map(brief)).toEqual(['standard email-first-reply id neutral renamed']);
    expect(r.changes[0]?.affects).toEqual([]);
    expect(r.standards.map((p) => [p.id, p.before?.id, p.after?.id])).toEqual([['email-first-reply', 'email-reply', 'email-first-reply']]);
  });

  it('a standard renamed and changed is removed and added', async () => {
    const r = await diff({}, { standards: standard({ id: 'email-first-reply', target: '95%' }) });
    expect(r.changes.map(brief)).toEqual(['standard email-first-reply  tightened standard-added', 'standard email-reply  loosened standard-removed']);
  });

  it('an owner, calendar or source renamed everywhere it is named: only the renames', async () => {
    const measure = duration('calendar: office, within: 8h');
    const before = { standards: standard({ measure }) };
    const after = {
      owners: BASE.owners.replace('id: support', 'id: customer-support'),
      calendars: BASE.calendars.replace('id: office', 'id: office-hours'),
      sources: BASE.sources.replace('id: tickets', 'id: helpdesk'),
      promises: BASE.promises.replace('owner: support', 'owner: customer-support'),
      standards: standard({ measure: duration('calendar: office-hours, within: 8h') }).replace('source: tickets', 'source: helpdesk'),
    };
    const r = await diff(before, after);
    expect(r.changes.map(brief)).toEqual(['calendar office-hours id neutral renamed', 'source helpdesk id neutral renamed', 'owner customer-support id neutral renamed']);
  });
});

describe('the result', () => {
  it('nothing changed: no changes', async () => {
    expect((await diff({}, {})).changes).toEqual([]);
  });

  it('is sorted by entity kind, then id, and the same on every run', async () => {
    const after = { promises: BASE.promises.replace('within a day', 'within one day'), owners: BASE.owners.replace('Service Desk', 'Desk'), standards: standard({ target: '80%', where: '{ channel: web }' }) };
    const first = await diff({}, after);
    expect(first.changes.map((c) => `${c.entity} ${c.field}`)).toEqual(['promise statement', 'standard where', 'standard target', 'owner name']);
    expect((await diff({}, after)).changes).toEqual(first.changes);
  });
});

describe('--fail-on', () => {
  it.each([
    [['loosened', 'neutral'], 'loosened', 1],
    [['tightened', 'neutral'], 'loosened', 0],
    [['neutral'], 'any', 1],
    [[], 'any', 0],
    [['loosened'], undefined, 0],
  ] as const)('%j with --fail-on %s exits %i', (classes, failOn, code) => {
    expect(diffExitCode(classes.map((c) => ({ class: c })), failOn)).toBe(code);
  });
});

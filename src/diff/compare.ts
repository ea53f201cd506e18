/**
 * The comparison behind `promise diff` (docs/diff.md): two registries in, a sorted list of typed
 * changes out, each classed tightened, loosened or neutral for one stated reason. Pure: no
 * files, no git, no clock.
 */
import { compareText } from '../model/diagnostic.js';
import { describeCondition } from '../registry/condition.js';
import type { Duration } from '../registry/duration.js';
import type { Calendar, DurationMeasure, Measure, Owner, Registry, ServicePromise, Source, Standard } from '../registry/model.js';
import type { RemedyInput } from '../registry/schema.js';
import { isDuration } from '../registry/schema.js';
import { ENTITY_ORDER, type Change, type ChangeClass, type ChangeKind, type DiffResult, type EntityKind, type ReasonCode, type StandardPair } from './model.js';
import { findRenames, through, type Collection, type Renames } from './renames.js';
import {
  calendarText,
  creditText,
  holidayText,
  hoursText,
  limitKeys,
  listText,
  measureText,
  remedyText,
  shareText,
  standardText,
  withinText,
  WEEKDAYS,
} from './values.js';

/** The class each reason gives a change: the rules of docs/diff.md, in one table. */
export const REASON_CLASS: Readonly<Record<ReasonCode, ChangeClass>> = {
  'promise-added': 'tightened',
  'promise-removed': 'loosened',
  'standard-added': 'tightened',
  'standard-removed': 'loosened',
  'entity-added': 'neutral',
  'entity-removed': 'neutral',
  renamed: 'neutral',
  'target-raised': 'tightened',
  'target-lowered': 'loosened',
  'limit-shorter': 'tightened',
  'limit-longer': 'loosened',
  'limit-other-unit': 'neutral',
  'limit-other-clock': 'neutral',
  'limit-other-column': 'neutral',
  'value-enters-scope': 'tightened',
  'value-leaves-scope': 'loosened',
  'grace-shorter': 'tightened',
  'grace-longer': 'loosened',
  'due-end-of-day': 'loosened',
  'due-time-of-day': 'tightened',
  'paused-added': 'loosened',
  'paused-removed': 'tightened',
  'clock-open-time': 'loosened',
  'clock-wall': 'tightened',
  'calendar-swapped': 'neutral',
  'average-stricter': 'tightened',
  'average-laxer': 'loosened',
  'average-other-bound': 'neutral',
  'nps-stricter': 'tightened',
  'nps-laxer': 'loosened',
  'remedy-added': 'tightened',
  'remedy-removed': 'loosened',
  'credit-raised': 'tightened',
  'credit-lowered': 'loosened',
  'credit-other-currency': 'neutral',
  'remedy-action': 'neutral',
  scope: 'neutral',
  expectation: 'neutral',
  'measure-kind': 'neutral',
  columns: 'neutral',
  period: 'neutral',
  source: 'neutral',
  moved: 'neutral',
  owner: 'neutral',
  statement: 'neutral',
  'warn-at': 'neutral',
  'calendar-hours': 'neutral',
  'source-settings': 'neutral',
  'registry-periods': 'neutral',
  'lint-rules': 'neutral',
  detail: 'neutral',
};

/** Reasons of a standard's own changes that can move its results, so the impact evaluates it. */
const EVALUATED: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'standard-added',
  'standard-removed',
  'target-raised',
  'target-lowered',
  'limit-shorter',
  'limit-longer',
  'limit-other-unit',
  'limit-other-clock',
  'limit-other-column',
  'value-enters-scope',
  'value-leaves-scope',
  'grace-shorter',
  'grace-longer',
  'due-end-of-day',
  'due-time-of-day',
  'paused-added',
  'paused-removed',
  'clock-open-time',
  'clock-wall',
  'calendar-swapped',
  'average-stricter',
  'average-laxer',
  'average-other-bound',
  'nps-stricter',
  'nps-laxer',
  'scope',
  'expectation',
  'measure-kind',
  'columns',
  'period',
  'source',
]);

/** Collects the changes of one entity. */
class EntityChanges {
  constructor(
    private readonly out: Change[],
    private readonly entity: EntityKind,
    private readonly id: string,
    private readonly previousId: string | undefined,
    private readonly affects: (reason: ReasonCode, field: string) => string[],
  ) {}

  /** Records a change of `field` when its text differs. */
  field(field: string, before: string | undefined, after: string | undefined, reason: ReasonCode): void {
    if (before === after) return;
    this.push('changed', field, before, after, reason);
  }

  push(kind: ChangeKind, field: string, before: string | undefined, after: string | undefined, reason: ReasonCode): void {
    this.out.push({ entity: this.entity, id: this.id, previousId: this.previousId, kind, field, before, after, class: REASON_CLASS[reason], reason, affects: this.affects(reason, field) });
  }
}

type Compare = 'same' | 'shorter' | 'longer' | 'other-unit';

/** Like with like: seconds with seconds, business days with business days. */
function compareDurations(a: Duration, b: Duration): Compare {
  if (a.kind === 'time' && b.kind === 'time') return b.seconds < a.seconds ? 'shorter' : b.seconds > a.seconds ? 'longer' : 'same';
  if (a.kind === 'business-days' && b.kind === 'business-days') return b.days < a.days ? 'shorter' : b.days > a.days ? 'longer' : 'same';
  return 'other-unit';
}

const LIMIT_REASON: Record<Exclude<Compare, 'same'>, ReasonCode> = { shorter: 'limit-shorter', longer: 'limit-longer', 'other-unit': 'limit-other-unit' };

/**
 * `within`, key by key. A single limit is read as a map holding only `default`, so a limit
 * split by priority compares each value with the one limit it had. A value the map names
 * falls back to `default` when it loses its own limit, and leaves the scope when there is none.
 */
function compareLimits(c: EntityChanges, o: DurationMeasure, n: DurationMeasure, sameClock: boolean): void {
  const oSingle = isDuration(o.within);
  const nSingle = isDuration(n.within);
  if (!oSingle && !nSingle && o.per !== n.per) {
    c.field('measure.per', o.per, n.per, 'limit-other-column');
    c.field('measure.within', withinText(o.within), withinText(n.within), 'limit-other-column');
    return;
  }
  if (!sameClock) {
    // open time on a calendar and wall-clock time are not like with like: the calendar change says which way
    c.field('measure.within', withinText(o.within), withinText(n.within), 'limit-other-clock');
    return;
  }
  if (oSingle && nSingle) {
    const r = compareDurations(o.within as Duration, n.within as Duration);
    if (r !== 'same') c.field('measure.within', (o.within as Duration).text, (n.within as Duration).text, LIMIT_REASON[r]);
    return;
  }
  const oMap: Record<string, Duration> = oSingle ? { default: o.within as Duration } : (o.within as Record<string, Duration>);
  const nMap: Record<string, Duration> = nSingle ? { default: n.within as Duration } : (n.within as Record<string, Duration>);
  const keys = limitKeys({ ...oMap, ...nMap });
  for (const key of keys) {
    const field = `measure.within.${key}`;
    const ob = oMap[key];
    const nb = nMap[key];
    if (ob !== undefined && nb !== undefined) {
      const r = compareDurations(ob, nb);
      if (r !== 'same') c.field(field, ob.text, nb.text, LIMIT_REASON[r]);
    } else if (nb !== undefined) {
      const od = key === 'default' ? undefined : oMap.default;
      if (od === undefined) c.field(field, undefined, nb.text, 'value-enters-scope');
      else {
        const r = compareDurations(od, nb);
        if (r !== 'same') c.field(field, `${od.text} (default)`, nb.text, LIMIT_REASON[r]);
      }
    } else if (ob !== undefined) {
      const nd = key === 'default' ? undefined : nMap.default;
      if (nd === undefined) c.field(field, ob.text, undefined, 'value-leaves-scope');
      else {
        const r = compareDurations(ob, nd);
        if (r !== 'same') c.field(field, ob.text, `${nd.text} (default)`, LIMIT_REASON[r]);
      }
    }
  }
}

function compareMeasures(c: EntityChanges, o: Measure, n: Measure, renames: Renames): void {
  if (o.kind !== n.kind) {
    c.field('measure', measureText(o), measureText(n), 'measure-kind');
    return;
  }
  const columns = (field: string, a: string | undefined, b: string | undefined) => c.field(`measure.${field}`, a, b, 'columns');
  switch (o.kind) {
    case 'duration': {
      const m = n as DurationMeasure;
      columns('from', o.from, m.from);
      columns('to', o.to, m.to);
      const oldCalendar = through(renames, 'calendars', o.calendar);
      if (oldCalendar !== m.calendar) {
        const reason: ReasonCode = oldCalendar === undefined ? 'clock-open-time' : m.calendar === undefined ? 'clock-wall' : 'calendar-swapped';
        c.field('measure.calendar', o.calendar, m.calendar, reason);
      }
      compareLimits(c, o, m, oldCalendar === m.calendar);
      if (o.paused !== m.paused) {
        c.field('measure.paused', o.paused, m.paused, o.paused === undefined ? 'paused-added' : m.paused === undefined ? 'paused-removed' : 'columns');
      }
      break;
    }
    case 'deadline': {
      const m = n as Extract<Measure, { kind: 'deadline' }>;
      columns('start', o.start, m.start);
      columns('due', o.due, m.due);
      columns('done', o.done, m.done);
      const oldEndOfDay = o.due_is_date === true;
      const newEndOfDay = m.due_is_date === true;
      if (oldEndOfDay !== newEndOfDay) c.field('measure.due_is_date', String(oldEndOfDay), String(newEndOfDay), newEndOfDay ? 'due-end-of-day' : 'due-time-of-day');
      // no grace is a grace of nothing
      const og = o.grace?.kind === 'time' ? o.grace.seconds : 0;
      const ng = m.grace?.kind === 'time' ? m.grace.seconds : 0;
      if (og !== ng) c.field('measure.grace', o.grace?.text, m.grace?.text, ng > og ? 'grace-longer' : 'grace-shorter');
      break;
    }
    case 'condition': {
      const m = n as Extract<Measure, { kind: 'condition' }>;
      columns('at', o.at, m.at);
      c.field('measure.expect', describeCondition(o.expect), describeCondition(m.expect), 'expectation');
      break;
    }
    case 'average': {
      const m = n as Extract<Measure, { kind: 'average' }>;
      columns('at', o.at, m.at);
      columns('of', o.of, m.of);
      if (o.at_least !== undefined && m.at_least !== undefined) {
        if (o.at_least !== m.at_least) c.field('measure.at_least', String(o.at_least), String(m.at_least), m.at_least > o.at_least ? 'average-stricter' : 'average-laxer');
      } else if (o.at_most !== undefined && m.at_most !== undefined) {
        if (o.at_most !== m.at_most) c.field('measure.at_most', String(o.at_most), String(m.at_most), m.at_most < o.at_most ? 'average-stricter' : 'average-laxer');
      } else {
        c.field('measure', measureText(o), measureText(m), 'average-other-bound');
      }
      break;
    }
    case 'nps': {
      const m = n as Extract<Measure, { kind: 'nps' }>;
      columns('at', o.at, m.at);
      columns('of', o.of, m.of);
      if (o.at_least !== m.at_least) c.field('measure.at_least', String(o.at_least), String(m.at_least), m.at_least > o.at_least ? 'nps-stricter' : 'nps-laxer');
      break;
    }
  }
}

function compareRemedies(c: EntityChanges, o: RemedyInput | undefined, n: RemedyInput | undefined): void {
  if (o === undefined || n === undefined) {
    if (o !== n) c.field('remedy', o === undefined ? undefined : remedyText(o), n === undefined ? undefined : remedyText(n), o === undefined ? 'remedy-added' : 'remedy-removed');
    return;
  }
  c.field('remedy.action', o.action, n.action, 'remedy-action');
  if (o.credit === n.credit && o.currency === n.currency) return;
  if (o.credit !== undefined && n.credit !== undefined && o.currency !== n.currency) {
    c.field('remedy.credit', creditText(o), creditText(n), 'credit-other-currency');
    return;
  }
  // no credit is a credit of nothing
  const oc = o.credit ?? 0;
  const nc = n.credit ?? 0;
  if (oc !== nc) c.field('remedy.credit', creditText(o), creditText(n), nc > oc ? 'credit-raised' : 'credit-lowered');
}

function compareStandards(c: EntityChanges, o: Standard, n: Standard, renames: Renames): void {
  const ref = (collection: Collection, id: string | undefined) => through(renames, collection, id);
  c.field('promise', ref('promises', o.promise), n.promise, 'moved');
  // an owner inherited on both sides follows the promise's, which is reported on the promise
  if (!(o.ownerInherited && n.ownerInherited) && ref('owners', o.owner) !== n.owner) {
    const owner = (s: Standard, id: string | undefined) => (s.ownerInherited ? `${id ?? ''} (the promise's)` : id);
    c.field('owner', owner(o, ref('owners', o.owner)), owner(n, n.owner), 'owner');
  }
  c.field('department', o.department, n.department, 'detail');
  c.field('description', o.description, n.description, 'detail');
  c.field('source', ref('sources', o.source), n.source, 'source');
  c.field('where', o.where === undefined ? undefined : describeCondition(o.where), n.where === undefined ? undefined : describeCondition(n.where), 'scope');
  compareMeasures(c, o.measure, n.measure, renames);
  if (o.target !== n.target) c.field('target', o.target === undefined ? undefined : shareText(o.target), n.target === undefined ? undefined : shareText(n.target), (n.target ?? 0) > (o.target ?? 0) ? 'target-raised' : 'target-lowered');
  c.field('period', o.period, n.period, 'period');
  c.field('warn_at', o.warn_at === undefined ? undefined : shareText(o.warn_at), n.warn_at === undefined ? undefined : shareText(n.warn_at), 'warn-at');
  compareRemedies(c, o.remedy, n.remedy);
}

function comparePromises(c: EntityChanges, o: ServicePromise, n: ServicePromise, renames: Renames): void {
  c.field('statement', o.statement, n.statement, 'statement');
  c.field('dimension', o.dimension, n.dimension, 'detail');
  c.field('owner', through(renames, 'owners', o.owner), n.owner, 'owner');
  c.field('audience', o.audience, n.audience, 'detail');
  c.field('channels', listText(o.channels), listText(n.channels), 'detail');
  c.field('review_by', o.review_by, n.review_by, 'detail');
}

function compareOwners(c: EntityChanges, o: Owner, n: Owner, renames: Renames): void {
  c.field('name', o.name, n.name, 'detail');
  c.field('kind', o.kind, n.kind, 'detail');
  c.field('email', o.email, n.email, 'detail');
  c.field('lead', through(renames, 'owners', o.lead), n.lead, 'detail');
}

/** A zone that follows the registry's on both sides moves with it; the registry's change says so once. */
function zoneChange(o: string, n: string, zones: { before: string; after: string }): [string | undefined, string | undefined] {
  return o === zones.before && n === zones.after ? [undefined, undefined] : [o, n];
}

function compareCalendars(c: EntityChanges, o: Calendar, n: Calendar, zones: { before: string; after: string }): void {
  c.field('timezone', ...zoneChange(o.timezone, n.timezone, zones), 'calendar-hours');
  WEEKDAYS.forEach((day, i) => c.field(`hours.${day}`, hoursText(o.week[i] ?? []), hoursText(n.week[i] ?? []), 'calendar-hours'));
  const dates = [...new Set([...o.holidays.keys(), ...n.holidays.keys()])].sort(compareText);
  for (const date of dates) {
    const a = o.holidays.get(date);
    const b = n.holidays.get(date);
    c.field(`holidays.${date}`, a === undefined ? undefined : holidayText(a), b === undefined ? undefined : holidayText(b), 'calendar-hours');
  }
}

function compareSources(c: EntityChanges, o: Source, n: Source, zones: { before: string; after: string }): void {
  c.field('description', o.description, n.description, 'detail');
  c.field('files', listText(o.files), listText(n.files), 'source-settings');
  c.field('key', o.key, n.key, 'source-settings');
  c.field('timezone', ...zoneChange(o.timezone, n.timezone, zones), 'source-settings');
  c.field('timestamp_format', o.timestamp_format, n.timestamp_format, 'source-settings');
  c.field('delimiter', o.delimiter, n.delimiter, 'source-settings');
}

function compareSettings(c: EntityChanges, o: Registry['settings'], n: Registry['settings']): void {
  c.field('name', o.name, n.name, 'detail');
  c.field('timezone', o.timezone, n.timezone, 'registry-periods');
  c.field('fiscal_year_start', String(o.fiscalYearStart), String(n.fiscalYearStart), 'registry-periods');
  const rules = [...new Set([...Object.keys(o.rules), ...Object.keys(n.rules)])].sort(compareText) as (keyof typeof o.rules)[];
  for (const rule of rules) c.field(`rules.${rule}`, o.rules[rule], n.rules[rule], 'lint-rules');
  c.field('ignore', listText(o.ignore), listText(n.ignore), 'detail');
}

interface Entity {
  id: string;
}

/** Pairs the entities of one collection: the same id, or renamed; the rest were added or removed. */
function match<T extends Entity>(before: readonly T[], after: readonly T[], renames: ReadonlyMap<string, string>) {
  const oldById = new Map(before.map((e) => [e.id, e]));
  const newIds = new Set(after.map((e) => e.id));
  const previous = new Map([...renames].map(([o, n]) => [n, o]));
  const pairs: { before: T; after: T; previousId: string | undefined }[] = [];
  const added: T[] = [];
  for (const e of after) {
    const previousId = previous.get(e.id);
    const old = oldById.get(previousId ?? e.id);
    if (old === undefined) added.push(e);
    else pairs.push({ before: old, after: e, previousId });
  }
  const removed = before.filter((e) => !newIds.has(e.id) && !renames.has(e.id));
  return { pairs, added, removed };
}

function usesCalendar(s: Standard | undefined, calendar: string): boolean {
  return s?.measure.kind === 'duration' && s.measure.calendar === calendar;
}

/** The changes between the registry at a revision (undefined: it did not exist) and now. */
export function compareRegistries(before: Registry | undefined, after: Registry): DiffResult {
  const empty: Registry = { ...after, owners: [], calendars: [], sources: [], promises: [], standards: [], references: [], files: new Map() };
  const old = before ?? empty;
  const renames = findRenames(old, after);
  const changes: Change[] = [];

  const standardMatch = match(old.standards, after.standards, renames.standards);
  const standards: StandardPair[] = [
    ...standardMatch.pairs.map((p) => ({ id: p.after.id, before: p.before as Standard | undefined, after: p.after as Standard | undefined })),
    ...standardMatch.added.map((s) => ({ id: s.id, before: undefined, after: s })),
    ...standardMatch.removed.map((s) => ({ id: s.id, before: s, after: undefined })),
  ].sort((a, b) => compareText(a.id, b.id));
  const none = () => [];
  const pairsWhere = (test: (p: StandardPair) => boolean): string[] => standards.filter(test).map((p) => p.id);

  if (before !== undefined) {
    const c = new EntityChanges(changes, 'registry', '', undefined, (r) => (r === 'registry-periods' ? standards.map((p) => p.id) : []));
    compareSettings(c, before.settings, after.settings);
  }

  const entities = <T extends Entity>(
    entity: EntityKind,
    collection: Collection,
    list: (r: Registry) => readonly T[],
    text: (e: T) => string,
    compare: (c: EntityChanges, o: T, n: T) => void,
    affects: (id: string, reason: ReasonCode, field: string) => string[],
  ): void => {
    const m = match(list(old), list(after), renames[collection]);
    for (const e of m.added) {
      const reason: ReasonCode = entity === 'promise' ? 'promise-added' : entity === 'standard' ? 'standard-added' : 'entity-added';
      new EntityChanges(changes, entity, e.id, undefined, (r, f) => affects(e.id, r, f)).push('added', '', undefined, text(e), reason);
    }
    for (const e of m.removed) {
      const reason: ReasonCode = entity === 'promise' ? 'promise-removed' : entity === 'standard' ? 'standard-removed' : 'entity-removed';
      new EntityChanges(changes, entity, e.id, undefined, (r, f) => affects(e.id, r, f)).push('removed', '', text(e), undefined, reason);
    }
    for (const p of m.pairs) {
      const c = new EntityChanges(changes, entity, p.after.id, p.previousId, (r, f) => affects(p.after.id, r, f));
      if (p.previousId !== undefined) c.push('renamed', 'id', p.previousId, p.after.id, 'renamed');
      compare(c, p.before, p.after);
    }
  };

  entities('promise', 'promises', (r) => r.promises, (p) => p.statement, (c, o, n) => comparePromises(c, o, n, renames), none);
  entities(
    'standard',
    'standards',
    (r) => r.standards,
    standardText,
    (c, o, n) => compareStandards(c, o, n, renames),
    (id, r) => (EVALUATED.has(r) ? [id] : []),
  );
  const zones = { before: old.settings.timezone, after: after.settings.timezone };
  entities('calendar', 'calendars', (r) => r.calendars, calendarText, (c, o, n) => compareCalendars(c, o, n, zones), (id, r) =>
    r === 'calendar-hours' ? pairsWhere((p) => usesCalendar(p.after, id) || usesCalendar(p.before, id)) : [],
  );
  // a changed key or set of files does not change how a record is judged: the impact reads the same files for both
  entities('source', 'sources', (r) => r.sources, (s) => listText(s.files) ?? '', (c, o, n) => compareSources(c, o, n, zones), (id, r, field) =>
    r === 'source-settings' && field !== 'key' && field !== 'files' ? pairsWhere((p) => p.after?.source === id || p.before?.source === id) : [],
  );
  entities('owner', 'owners', (r) => r.owners, (o) => o.name, (c, o, n) => compareOwners(c, o, n, renames), none);

  // stable: within an entity the changes keep the order of the fields above
  changes.sort((a, b) => ENTITY_ORDER.indexOf(a.entity) - ENTITY_ORDER.indexOf(b.entity) || compareText(a.id, b.id));
  return { changes, standards };
}

/** `promise list promises|standards|owners|calendars|sources`: what the registry declares, as a table or JSON. */
import type { ChalkInstance } from 'chalk';
import { hoursText, WEEKDAYS } from '../../diff/values.js';
import { compareText } from '../../model/diagnostic.js';
import type { Calendar, Measure, Owner, Registry, ServicePromise, Source, Standard } from '../../registry/model.js';
import { isDuration } from '../../registry/schema.js';
import { describeCondition } from '../../registry/condition.js';
import { describeMeasure, formatShare } from '../shared/describe.js';
import { forTerminal } from '../shared/escape.js';
import { renderTable } from '../shared/table.js';

export const LIST_KINDS = ['promises', 'standards', 'owners', 'calendars', 'sources'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** What `list` shows: the registry's declarations, and which of them. */
export interface ListInput {
  kind: ListKind;
  registry: Pick<Registry, 'settings' | 'owners' | 'calendars' | 'sources' | 'promises' | 'standards'>;
}

export interface ListFormatOptions {
  chalk: ChalkInstance;
  /** the terminal's width, in columns */
  width: number;
}

export type ListFormatter = (input: ListInput, options: ListFormatOptions) => string;

type Declared = ListInput['registry'];

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareText(a.id, b.id));
const standardsOf = (r: Declared, promise: ServicePromise) => byId(r.standards.filter((s) => s.promise === promise.id));

function ownerUse(r: Declared, owner: Owner) {
  return {
    promises: byId(r.promises.filter((p) => p.owner === owner.id)).map((p) => p.id),
    standards: byId(r.standards.filter((s) => s.owner === owner.id)).map((s) => s.id),
  };
}

const calendarUse = (r: Declared, calendar: Calendar): string[] =>
  byId(r.standards.filter((s) => s.measure.kind === 'duration' && s.measure.calendar === calendar.id)).map((s) => s.id);

const sourceUse = (r: Declared, source: Source): string[] => byId(r.standards.filter((s) => s.source === source.id)).map((s) => s.id);

/** A calendar's week, a line for each opening, days with the same hours run together: `mon-wed, fri 09:00-17:00`, `sat-sun closed`. */
function weekText(c: Calendar): string {
  const days = WEEKDAYS.map((day, i) => ({ day, i, hours: hoursText(c.week[i] ?? []) }));
  const runs: { from: number; to: number; hours: string }[] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last !== undefined && last.hours === d.hours && last.to === d.i - 1) last.to = d.i;
    else runs.push({ from: d.i, to: d.i, hours: d.hours });
  }
  const byHours = new Map<string, string[]>();
  for (const r of runs) {
    const name = r.from === r.to ? WEEKDAYS[r.from] : `${WEEKDAYS[r.from]}-${WEEKDAYS[r.to]}`;
    byHours.set(r.hours, [...(byHours.get(r.hours) ?? []), name ?? '']);
  }
  return [...byHours].map(([hours, names]) => `${names.join(', ')} ${hours}`).join('\n');
}

const holidaysJson = (c: Calendar) =>
  [...c.holidays.values()]
    .sort((a, b) => compareText(a.date, b.date))
    .map((h) => ({ date: h.date, name: h.name ?? null, hours: h.hours.map((i) => hoursText([i])) }));

const formatTable: ListFormatter = ({ registry, kind }, { chalk, width }) => {
  switch (kind) {
    case 'promises':
      return renderTable(
        ['promise', 'dimension', 'owner', 'standards', 'statement'],
        byId(registry.promises).map((p) => [p.id, p.dimension, p.owner, standardsOf(registry, p).length, p.statement]),
        { chalk, width, wrap: [4], right: [3] },
      );
    case 'standards':
      return renderTable(
        ['standard', 'promise', 'owner', 'source', 'measure', 'target', 'period'],
        byId(registry.standards).map((s) => [
          s.id,
          s.promise,
          s.owner,
          s.source,
          `${s.measure.kind}: ${describeMeasure(s.measure)}${s.where === undefined ? '' : `\nwhere ${describeCondition(s.where)}`}`,
          s.target === undefined ? '–' : formatShare(s.target),
          s.period,
        ]),
        { chalk, width, wrap: [4], wrapWidth: 50, right: [5] },
      );
    case 'owners':
      return renderTable(
        ['owner', 'kind', 'name', 'email', 'lead', 'promises', 'standards'],
        byId(registry.owners).map((o) => {
          const use = ownerUse(registry, o);
          return [o.id, o.kind, o.name, o.email ?? '', o.lead ?? '', use.promises.length, use.standards.length];
        }),
        { chalk, width, wrap: [2], wrapWidth: 30, right: [5, 6] },
      );
    case 'calendars':
      return renderTable(
        ['calendar', 'timezone', 'hours', 'holidays', 'standards'],
        byId(registry.calendars).map((c) => [c.id, c.timezone, weekText(c), c.holidays.size, calendarUse(registry, c).length]),
        { chalk, width, wrap: [2], wrapWidth: 50, right: [3, 4] },
      );
    case 'sources':
      return renderTable(
        ['source', 'files', 'key', 'timezone', 'timestamps', 'delimiter', 'standards', 'description'],
        byId(registry.sources).map((s) => [
          s.id,
          s.files.join('\n'),
          s.key,
          s.timezone,
          s.timestamp_format ?? 'ISO 8601',
          s.delimiter ?? ',',
          sourceUse(registry, s).length,
          s.description ?? '',
        ]),
        { chalk, width, wrap: [1, 7], wrapWidth: 40, right: [6] },
      );
  }
};

function measureJson(m: Measure): Record<string, unknown> {
  switch (m.kind) {
    case 'duration':
      return {
        kind: m.kind,
        from: m.from,
        to: m.to,
        within: isDuration(m.within) ? m.within.text : Object.fromEntries(Object.entries(m.within).map(([k, d]) => [k, d.text])),
        calendar: m.calendar ?? null,
        paused: m.paused ?? null,
        per: m.per ?? null,
      };
    case 'deadline':
      return { kind: m.kind, done: m.done, due: m.due, grace: m.grace?.text ?? null, start: m.start ?? null, due_is_date: m.due_is_date ?? false };
    case 'condition':
      return { kind: m.kind, at: m.at, expect: describeCondition(m.expect) };
    case 'average':
      return { kind: m.kind, at: m.at, of: m.of, at_least: m.at_least ?? null, at_most: m.at_most ?? null };
    case 'nps':
      return { kind: m.kind, at: m.at, of: m.of, at_least: m.at_least };
  }
}

function standardJson(s: Standard) {
  return {
    id: s.id,
    promise: s.promise,
    owner: s.owner,
    department: s.department ?? null,
    source: s.source,
    where: s.where === undefined ? null : describeCondition(s.where),
    measure: measureJson(s.measure),
    target: s.target ?? null,
    period: s.period,
    warn_at: s.warn_at ?? null,
    remedy: s.remedy === undefined ? null : { action: s.remedy.action, credit: s.remedy.credit ?? null, currency: s.remedy.currency ?? null },
    file: s.at.file,
  };
}

const formatJson: ListFormatter = ({ registry, kind }) => {
  let body: unknown;
  switch (kind) {
    case 'promises':
      body = byId(registry.promises).map((p) => ({
        id: p.id,
        statement: p.statement,
        dimension: p.dimension,
        owner: p.owner,
        audience: p.audience ?? null,
        channels: p.channels ?? [],
        review_by: p.review_by ?? null,
        standards: standardsOf(registry, p).map((s) => s.id),
        file: p.at.file,
      }));
      break;
    case 'standards':
      body = byId(registry.standards).map(standardJson);
      break;
    case 'owners':
      body = byId(registry.owners).map((o) => ({ id: o.id, name: o.name, kind: o.kind, email: o.email ?? null, lead: o.lead ?? null, ...ownerUse(registry, o), file: o.at.file }));
      break;
    case 'calendars':
      body = byId(registry.calendars).map((c) => ({
        id: c.id,
        timezone: c.timezone,
        hours: Object.fromEntries(WEEKDAYS.map((day, i) => [day, (c.week[i] ?? []).map((interval) => hoursText([interval]))])),
        holidays: holidaysJson(c),
        standards: calendarUse(registry, c),
        file: c.at.file,
      }));
      break;
    case 'sources':
      body = byId(registry.sources).map((s) => ({
        id: s.id,
        description: s.description ?? null,
        files: s.files,
        key: s.key,
        timezone: s.timezone,
        timestamp_format: s.timestamp_format ?? null,
        delimiter: s.delimiter ?? ',',
        standards: sourceUse(registry, s),
        file: s.at.file,
      }));
      break;
  }
  return `${JSON.stringify({ registry: registry.settings.name, [kind]: body }, null, 2)}\n`;
};

export const LIST_FORMATS = { table: forTerminal(formatTable), json: formatJson } as const satisfies Record<string, ListFormatter>;
export type ListFormat = keyof typeof LIST_FORMATS;

/** `promise list promises|standards|owners`: what the registry declares, as a table or JSON. */
import type { ChalkInstance } from 'chalk';
import { compareText } from '../../model/diagnostic.js';
import type { Measure, Owner, Registry, ServicePromise, Standard } from '../../registry/model.js';
import { isDuration } from '../../registry/schema.js';
import { describeCondition } from '../../registry/condition.js';
import { describeMeasure, formatShare } from '../shared/describe.js';
import { renderTable } from '../shared/table.js';

export const LIST_KINDS = ['promises', 'standards', 'owners'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export type ListFormatter = (registry: Registry, kind: ListKind, options: { chalk: ChalkInstance }) => string;

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareText(a.id, b.id));
const standardsOf = (r: Registry, promise: ServicePromise) => byId(r.standards.filter((s) => s.promise === promise.id));

function ownerUse(r: Registry, owner: Owner) {
  return {
    promises: byId(r.promises.filter((p) => p.owner === owner.id)).map((p) => p.id),
    standards: byId(r.standards.filter((s) => s.owner === owner.id)).map((s) => s.id),
  };
}

const formatTable: ListFormatter = (registry, kind, { chalk }) => {
  switch (kind) {
    case 'promises':
      return renderTable(
        ['promise', 'dimension', 'owner', 'standards', 'statement'],
        byId(registry.promises).map((p) => [p.id, p.dimension, p.owner, standardsOf(registry, p).length, p.statement]),
        { chalk, wrap: [4], right: [3] },
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
          formatShare(s.target),
          s.period,
        ]),
        { chalk, wrap: [4], wrapWidth: 50, right: [5] },
      );
    case 'owners':
      return renderTable(
        ['owner', 'kind', 'name', 'email', 'lead', 'promises', 'standards'],
        byId(registry.owners).map((o) => {
          const use = ownerUse(registry, o);
          return [o.id, o.kind, o.name, o.email ?? '', o.lead ?? '', use.promises.length, use.standards.length];
        }),
        { chalk, right: [5, 6] },
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
    target: s.target,
    period: s.period,
    warn_at: s.warn_at ?? null,
    remedy: s.remedy === undefined ? null : { action: s.remedy.action, credit: s.remedy.credit ?? null, currency: s.remedy.currency ?? null },
    file: s.at.file,
  };
}

const formatJson: ListFormatter = (registry, kind) => {
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
  }
  return `${JSON.stringify({ registry: registry.settings.name, [kind]: body }, null, 2)}\n`;
};

export const LIST_FORMATS = { table: formatTable, json: formatJson } as const satisfies Record<string, ListFormatter>;
export type ListFormat = keyof typeof LIST_FORMATS;

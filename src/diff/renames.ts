/**
 * Rename detection: an entity removed and one added that are the same apart from the id (their
 * references read through the renames found before them) are one entity renamed; so is a
 * promise whose statement is unchanged. Owners, calendars and sources are matched first, so
 * that promises and standards naming a renamed one are still seen as equal.
 */
import type { Registry, Standard } from '../registry/model.js';
import { compareText } from '../model/diagnostic.js';

export type Collection = 'owners' | 'calendars' | 'sources' | 'promises' | 'standards';

/** Old id to new id, per collection, for the entities renamed. */
export type Renames = Record<Collection, Map<string, string>>;

/** A value as canonical JSON: keys sorted, locations and compiled regexes left out, durations by length. */
export function canonical(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? '';
}

function isDurationValue(v: Record<string, unknown>): boolean {
  return typeof v.text === 'string' && ((v.kind === 'time' && typeof v.seconds === 'number') || (v.kind === 'business-days' && typeof v.days === 'number'));
}

function normalize(value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()].sort(([a], [b]) => compareText(String(a), String(b))).map(([k, v]) => [k, normalize(v)]);
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof RegExp) return undefined;
  if (value !== null && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // `24h` and `1d` are the same limit
    if (isDurationValue(v)) return v.kind === 'time' ? { kind: v.kind, seconds: v.seconds } : { kind: v.kind, days: v.days };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort(compareText)) {
      if (key === 'at' || key === 'regex') continue;
      const n = normalize(v[key]);
      if (n !== undefined) out[key] = n;
    }
    return out;
  }
  return value;
}

/** Reads an old reference through the renames: the id it has now. */
export function through(renames: Renames, collection: Collection, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (renames[collection].get(id) ?? id);
}

/** Everything about a standard but its id, its references as they read now. */
export function standardShape(s: Standard, ref: (c: Collection, id: string | undefined) => string | undefined): unknown {
  const m = s.measure;
  return {
    promise: ref('promises', s.promise),
    owner: s.ownerInherited ? undefined : ref('owners', s.owner),
    department: s.department,
    description: s.description,
    source: ref('sources', s.source),
    where: s.where,
    measure: m.kind === 'duration' ? { ...m, calendar: ref('calendars', m.calendar) } : m,
    target: s.target,
    period: s.period,
    warn_at: s.warn_at,
    remedy: s.remedy,
  };
}

/** The shape of every entity of a collection but its id, its references read through `ref`. */
function shapes(registry: Registry, collection: Collection, ref: (c: Collection, id: string | undefined) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  switch (collection) {
    case 'owners':
      for (const { id, at: _at, lead, ...rest } of registry.owners) out.set(id, canonical({ ...rest, lead: ref('owners', lead) }));
      break;
    case 'calendars':
      for (const { id, at: _at, ...rest } of registry.calendars) out.set(id, canonical(rest));
      break;
    case 'sources':
      for (const { id, at: _at, ...rest } of registry.sources) out.set(id, canonical(rest));
      break;
    case 'promises':
      for (const { id, at: _at, owner, ...rest } of registry.promises) out.set(id, canonical({ ...rest, owner: ref('owners', owner) }));
      break;
    case 'standards':
      for (const s of registry.standards) out.set(s.id, canonical(standardShape(s, ref)));
      break;
  }
  return out;
}

const COLLECTION_ORDER: readonly Collection[] = ['owners', 'calendars', 'sources', 'promises', 'standards'];

/** Finds the renames between two registries, one collection after another. */
export function findRenames(before: Registry, after: Registry): Renames {
  const renames: Renames = { owners: new Map(), calendars: new Map(), sources: new Map(), promises: new Map(), standards: new Map() };
  const oldRef = (c: Collection, id: string | undefined) => through(renames, c, id);
  const newRef = (_c: Collection, id: string | undefined) => id;
  for (const collection of COLLECTION_ORDER) {
    const oldShapes = shapes(before, collection, oldRef);
    const newShapes = shapes(after, collection, newRef);
    const removed = [...oldShapes.keys()].filter((id) => !newShapes.has(id)).sort(compareText);
    const added = new Set([...newShapes.keys()].filter((id) => !oldShapes.has(id)).sort(compareText));
    const pair = (equal: (oldId: string, newId: string) => boolean): void => {
      for (const oldId of removed) {
        if (renames[collection].has(oldId)) continue;
        for (const newId of added) {
          if (!equal(oldId, newId)) continue;
          renames[collection].set(oldId, newId);
          added.delete(newId);
          break;
        }
      }
    };
    pair((o, n) => oldShapes.get(o) === newShapes.get(n));
    if (collection === 'promises') {
      // a promise keeps its identity in its statement: reworded elsewhere, it is still the same promise
      const statement = (r: Registry, id: string) => r.promises.find((p) => p.id === id)?.statement.trim();
      pair((o, n) => statement(before, o) === statement(after, n));
    }
  }
  return renames;
}

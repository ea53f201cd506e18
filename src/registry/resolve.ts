/** Cross-file checks: ids unique per collection, every reference declared (with did-you-mean). */
import type { Diagnostic } from '../model/diagnostic.js';
import { locate, type At, type YamlPath } from './locate.js';
import type { Registry } from './model.js';
import type { CollectionName } from './schema.js';
import { duplicateIdFinding, schemaFinding, UNPREFIXED, unknownRefFinding } from './rule-messages.js';
import { suggest } from './suggest.js';

/** Every id declared per collection, valid entity or not, with where it was first declared. */
export type Declared = Record<CollectionName, Map<string, At>>;

/** An entity without a usable id, named by its place in its file's list: `#3`. */
function positionOf(at: At): string {
  const index = at.path[at.path.length - 1];
  return `#${typeof index === 'number' ? index + 1 : 1}`;
}

export function resolveRegistry(
  registry: Registry,
  declared: Declared,
  duplicates: readonly { collection: CollectionName; at: At }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = (at: At, path: YamlPath) => {
    const file = registry.files.get(at.file);
    return file === undefined ? undefined : locate(file, [...at.path, ...path]);
  };
  for (const dup of duplicates) {
    const loc = where(dup.at, ['id']);
    const file = registry.files.get(dup.at.file);
    if (loc === undefined || file === undefined) continue;
    const id = String((file.doc.getIn([...dup.at.path, 'id']) as unknown) ?? '');
    const first = declared[dup.collection].get(id);
    const firstLoc = first === undefined ? undefined : where(first, ['id']);
    out.push(
      duplicateIdFinding('duplicate', { collection: dup.collection, id, first: firstLoc === undefined ? '' : `${firstLoc.file}:${firstLoc.line}:${firstLoc.column}` }, loc, {
        entity: { collection: dup.collection, id, field: 'id' },
      }),
    );
  }
  for (const ref of registry.references) {
    if (declared[ref.target].has(ref.ref)) continue;
    const loc = where(ref.at, ref.field);
    if (loc === undefined) continue;
    const suggestion = suggest(ref.ref, declared[ref.target].keys()) ?? '';
    out.push(
      unknownRefFinding('undeclared', { from: ref.from, fromId: ref.fromId ?? '', target: ref.target, ref: ref.ref, suggestion }, loc, {
        entity: { collection: ref.from, id: ref.fromId ?? positionOf(ref.at), field: ref.field.join('.') },
      }),
    );
  }
  // SPEC §6: a survey's responses are about the records of a log
  const kinds = new Map(registry.sources.map((s) => [s.id, s.kind]));
  for (const source of registry.sources) {
    const links = source.survey?.links;
    if (links === undefined || kinds.get(links.source) !== 'survey') continue;
    const loc = where(source.at, ['links', 'source']);
    if (loc === undefined) continue;
    out.push(unknownRefFinding('linkNotLog', { fromId: source.id, ref: links.source }, loc, { entity: { collection: 'sources', id: source.id, field: 'links.source' } }));
  }
  const owners = new Map(registry.owners.map((o) => [o.id, o]));
  for (const owner of registry.owners) {
    if (owner.lead === undefined) continue;
    const lead = owners.get(owner.lead);
    const loc = where(owner.at, ['lead']);
    if (loc === undefined) continue;
    if (owner.lead === owner.id) {
      out.push(schemaFinding('ownLead', { ...UNPREFIXED, owner: owner.id }, loc, { entity: { collection: 'owners', id: owner.id, field: 'lead' } }));
    } else if (lead !== undefined && lead.kind !== 'person') {
      out.push(schemaFinding('teamLead', { ...UNPREFIXED, owner: owner.id, lead: lead.id }, loc, { entity: { collection: 'owners', id: owner.id, field: 'lead' } }));
    }
  }
  return out;
}

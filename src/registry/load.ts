/**
 * Loading a registry: every file parsed and validated, every problem reported at once, and
 * the valid entities resolved into a Registry. File access comes in through `RegistryReader`,
 * so this module never touches the disk.
 */
import picomatch from 'picomatch';
import type { z } from 'zod';
import type { Diagnostic, Loc } from '../model/diagnostic.js';
import { describeFsError } from '../model/errors.js';
import { isAlias, isMap, isScalar } from 'yaml';
import { compileCondition, type KeyOrder } from './condition.js';
import { locate as locateIn, locOfFile, mergedPairs, nodeAt, type At, type RegistryFile, type YamlPath } from './locate.js';
import type { Calendar, HeaderLayout, Owner, Reference, Registry, RegistrySettings, ServicePromise, Source, Standard, Survey } from './model.js';
import { protectKeys } from './own-keys.js';
import { MAX_REGISTRY_BYTES, parseRegistryFile } from './parse.js';
import { resolveRegistry, type Declared } from './resolve.js';
import { duplicateIdFinding, schemaFinding, UNPREFIXED, unreadableFinding } from './rule-messages.js';
import {
  COLLECTIONS,
  collectionFileTopSchema,
  DAY_KEYS,
  DIMENSIONS,
  itemSchemas,
  settingsFileTopSchema,
  type CalendarInput,
  type CollectionName,
  type OwnerInput,
  type PromiseInput,
  type SourceInput,
  type StandardInput,
} from './schema.js';
import { issuesToDiagnostics } from './zod-issues.js';

export const ROOT_FILE = 'promise.yaml';

export interface ListResult {
  /** registry-relative paths with `/`, of every `*.yaml` / `*.yml` below the root */
  files: string[];
  /** folders or links that could not be walked */
  problems: Diagnostic[];
}

export interface RegistryReader {
  /** Lists registry files; `skip` prunes ignored paths (folders end in `/`). */
  list(skip: (path: string) => boolean): Promise<ListResult>;
  /** Reads a file's bytes; a failure is thrown as a Node.js-style error with a `code`. */
  read(path: string): Promise<Uint8Array>;
}

export interface LoadResult {
  registry: Registry;
  diagnostics: Diagnostic[];
  /** every registry file found, readable or not, registry-relative and sorted */
  paths: string[];
  /** the text of every file that could be decoded, for showing source lines */
  texts: Map<string, string>;
}

interface Collected {
  diagnostics: Diagnostic[];
  items: Item[];
  files: Map<string, RegistryFile>;
  texts: Map<string, string>;
}

interface Item {
  collection: CollectionName;
  at: At;
  raw: unknown;
  /** the validated value; undefined when the item has schema errors */
  value: unknown;
}

function defaultSettings(): RegistrySettings {
  return { name: '', timezone: 'UTC', fiscalYearStart: 1, rules: {}, ignore: [] };
}

function settingsFrom(value: z.output<typeof settingsFileTopSchema>): RegistrySettings {
  const rules: RegistrySettings['rules'] = {};
  for (const [id, severity] of Object.entries(value.rules ?? {})) {
    if (severity !== undefined) rules[id as keyof RegistrySettings['rules']] = severity;
  }
  return {
    name: value.name,
    timezone: value.timezone ?? 'UTC',
    fiscalYearStart: value.fiscal_year_start ?? 1,
    rules,
    ignore: value.ignore ?? [],
  };
}

/** The id an item is named by in its findings: its own, or `#N`, its place in the file's list. */
function idOf(raw: unknown, index: number): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
}

async function readFile(reader: RegistryReader, path: string): Promise<{ bytes?: Uint8Array; diagnostic?: Diagnostic }> {
  try {
    return { bytes: await reader.read(path) };
  } catch (err) {
    return { diagnostic: unreadableFinding('cannotRead', { reason: describeFsError(err) }, locOfFile(path)) };
  }
}

/** Parses and validates one file, returning its items (valid or not) for resolution. */
function loadFile(path: string, bytes: Uint8Array, out: Collected): RegistrySettings | undefined {
  const { parsed, text, diagnostics } = parseRegistryFile(path, bytes);
  out.diagnostics.push(...diagnostics);
  if (text !== undefined) out.texts.set(path, text);
  if (parsed === undefined) return undefined;
  const { file, value } = parsed;
  // Escaping keys costs a walk of every value: only a file that holds such a key needs it.
  const forSchema = parsed.protoKeys ? protectKeys : (v: unknown) => v;
  out.files.set(path, file);
  const isRoot = path === ROOT_FILE;
  if (value === null || value === undefined) {
    if (isRoot) {
      out.diagnostics.push(schemaFinding('emptyRoot', UNPREFIXED, locOfFile(path)));
    }
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    out.diagnostics.push(schemaFinding('notMapping', { ...UNPREFIXED, found: Array.isArray(value) ? 'list' : 'value', collections: COLLECTIONS }, locOfFile(path)));
    return undefined;
  }
  const context = { file, base: [], id: '', value, settingsFile: isRoot };
  let settings: RegistrySettings | undefined;
  if (isRoot) {
    const top = settingsFileTopSchema.safeParse(forSchema(value), { reportInput: true });
    if (top.success) settings = settingsFrom(top.data);
    else out.diagnostics.push(...issuesToDiagnostics(top.error.issues, context));
  } else {
    const top = collectionFileTopSchema.safeParse(forSchema(value), { reportInput: true });
    if (!top.success) out.diagnostics.push(...issuesToDiagnostics(top.error.issues, context));
  }
  const record = value as Record<string, unknown>;
  for (const collection of COLLECTIONS) {
    const list = record[collection];
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const path: YamlPath = [collection, index];
      const result = itemSchemas[collection].safeParse(forSchema(raw), { reportInput: true });
      if (!result.success) {
        out.diagnostics.push(
          ...issuesToDiagnostics(result.error.issues, { file, base: path, id: idOf(raw, index), value: raw, collection, settingsFile: isRoot }),
        );
      }
      out.items.push({ collection, at: { file: file.path, path }, raw, value: result.success ? result.data : undefined });
    });
  }
  return settings;
}

export async function loadRegistry(reader: RegistryReader, root: string): Promise<LoadResult> {
  const out: Collected = { diagnostics: [], items: [], files: new Map(), texts: new Map() };
  const rootRead = await readFile(reader, ROOT_FILE);
  if (rootRead.diagnostic) out.diagnostics.push(rootRead.diagnostic);
  const settings = (rootRead.bytes && loadFile(ROOT_FILE, rootRead.bytes, out)) || defaultSettings();

  const ignored = settings.ignore.length > 0 ? picomatch(settings.ignore, { dot: true }) : () => false;
  const listing = await reader.list((p) => ignored(p) || ignored(p.replace(/\/$/, '')));
  out.diagnostics.push(...listing.problems);
  const paths = listing.files.filter((p) => p !== ROOT_FILE && !ignored(p)).sort();
  // Every file is read before any is parsed, so that a registry too large as a whole is refused
  // before the parser spends on it what it would (some 100 MB of memory per MB of YAML).
  let total = rootRead.bytes?.length ?? 0;
  const reads: { path: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    const read = await readFile(reader, path);
    if (read.diagnostic) out.diagnostics.push(read.diagnostic);
    if (read.bytes === undefined) continue;
    total += read.bytes.length;
    if (total > MAX_REGISTRY_BYTES) return tooLarge(root, out, path, [ROOT_FILE, ...paths]);
    reads.push({ path, bytes: read.bytes });
  }
  for (const { path, bytes } of reads) loadFile(path, bytes, out);
  const { registry, diagnostics } = buildRegistry(root, settings, out.items, out.files);
  return { registry, diagnostics: [...out.diagnostics, ...diagnostics], paths: [ROOT_FILE, ...paths], texts: out.texts };
}

/**
 * A registry larger than MAX_REGISTRY_BYTES is not loaded at all: its entities would be a part,
 * and a part would report the references to the rest as unknown. One error, at the file that
 * takes it past the bound, and the registry empty (as when promise.yaml does not load).
 */
function tooLarge(root: string, out: Collected, path: string, paths: string[]): LoadResult {
  out.diagnostics.push(unreadableFinding('registryTooLarge', { mib: MAX_REGISTRY_BYTES / 1024 / 1024 }, locOfFile(path)));
  const { registry } = buildRegistry(root, defaultSettings(), [], new Map());
  const texts = new Map([...out.texts].filter(([p]) => p === ROOT_FILE));
  return { registry, diagnostics: out.diagnostics, paths, texts };
}

/** Every reference an item makes, valid or not, as long as the referring field is text. */
function referencesOf(item: Item): Reference[] {
  const raw = item.raw as Record<string, unknown> | null;
  if (raw === null || typeof raw !== 'object') return [];
  const from = { from: item.collection, fromId: typeof raw.id === 'string' ? raw.id : undefined, at: item.at };
  const refs: Reference[] = [];
  const add = (target: CollectionName, path: (string | number)[], value: unknown): void => {
    if (typeof value === 'string' && value !== '') refs.push({ ...from, target, field: path, ref: value });
  };
  switch (item.collection) {
    case 'owners':
      add('owners', ['lead'], raw.lead);
      break;
    case 'promises':
      add('owners', ['owner'], raw.owner);
      break;
    case 'standards': {
      add('promises', ['promise'], raw.promise);
      add('owners', ['owner'], raw.owner);
      add('sources', ['source'], raw.source);
      const measure = raw.measure as Record<string, unknown> | null | undefined;
      if (measure !== null && typeof measure === 'object') add('calendars', ['measure', 'calendar'], measure.calendar);
      break;
    }
    case 'sources': {
      const links = raw.links as Record<string, unknown> | null | undefined;
      if (links !== null && typeof links === 'object') add('sources', ['links', 'source'], links.source);
      break;
    }
    default:
      break;
  }
  return refs;
}

/** SPEC §6: the header lines of the survey tools' exports. */
const EXPORT_HEADERS: Record<NonNullable<SourceInput['format']>, HeaderLayout> = {
  qualtrics: { rows: 3, nameRow: 1, naming: 'row' },
  surveymonkey: { rows: 2, nameRow: 2, naming: 'surveymonkey' },
};

function compileSource(input: SourceInput, timezone: string, at: At): Source {
  const { files, timezone: zone, kind, format, header_rows, header_row, at: surveyAt, period, scale, dimensions, weights, links, score, ...rest } = input;
  const header = format !== undefined ? EXPORT_HEADERS[format] : { rows: header_rows ?? 1, nameRow: header_row ?? 1, naming: 'row' as const };
  const survey: Survey | undefined =
    kind === 'survey' && surveyAt !== undefined && scale !== undefined
      ? {
          at: surveyAt,
          period: period ?? 'quarter',
          scale,
          // SERVQUAL's order, whatever order the YAML lists them in
          dimensions: DIMENSIONS.flatMap((dimension) => {
            const items = dimensions?.[dimension];
            return items === undefined ? [] : [{ dimension, items: { expectation: items.expectation ?? [], perception: items.perception } }];
          }),
          weights,
          links,
          score,
        }
      : undefined;
  return { ...rest, files: typeof files === 'string' ? [files] : files, timezone: zone ?? timezone, kind: kind ?? 'log', header, survey, at };
}

function compileCalendar(input: CalendarInput, timezone: string, at: At): Calendar {
  const week: Calendar['week'] = Array.from({ length: 7 }, () => []);
  const h = input.hours;
  for (let day = 0; day < 7; day++) {
    const named = h[DAY_KEYS[day] as (typeof DAY_KEYS)[number]];
    week[day] = named ?? (day < 5 ? h.weekdays : undefined) ?? h.daily ?? [];
  }
  const holidays: Calendar['holidays'] = new Map();
  for (const entry of input.holidays ?? []) {
    const holiday = typeof entry === 'string' ? { date: entry, name: undefined, hours: [] } : { date: entry.date, name: entry.name, hours: entry.hours ?? [] };
    holidays.set(holiday.date, holiday);
  }
  return { id: input.id, timezone: input.timezone ?? timezone, week, holidays, at };
}

function buildRegistry(root: string, settings: RegistrySettings, items: Item[], files: Map<string, RegistryFile>): { registry: Registry; diagnostics: Diagnostic[] } {
  const declared: Declared = { owners: new Map(), calendars: new Map(), sources: new Map(), promises: new Map(), standards: new Map() };
  const duplicates = new Set<Item>();
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    const id = (item.raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id === '') continue;
    const seen = declared[item.collection];
    if (seen.has(id)) duplicates.add(item);
    else seen.set(id, item.at);
  }
  const references = items.flatMap(referencesOf);
  const valid = items.filter((i) => i.value !== undefined && !duplicates.has(i));
  const ofKind = <T>(collection: CollectionName) => valid.filter((i) => i.collection === collection) as (Item & { value: T })[];

  const owners: Owner[] = ofKind<OwnerInput>('owners').map((i) => ({ ...i.value, at: i.at }));
  const calendars = ofKind<CalendarInput>('calendars').map((i) => compileCalendar(i.value, settings.timezone, i.at));
  const sources: Source[] = ofKind<SourceInput>('sources').map((i) => compileSource(i.value, settings.timezone, i.at));
  const promises: ServicePromise[] = ofKind<PromiseInput>('promises').map((i) => ({ ...i.value, at: i.at }));
  const promiseOwner = new Map(promises.map((p) => [p.id, p.owner]));
  const standards: Standard[] = ofKind<StandardInput>('standards').map((i) => {
    const raw = i.raw as { where?: Record<string, unknown>; measure: { expect?: Record<string, unknown> } };
    const { where: _where, owner, measure, ...rest } = i.value;
    const order = keyOrder(files.get(i.at.file), i.at.path);
    const compiled = measure.kind === 'condition' ? { ...measure, expect: compileCondition(raw.measure.expect ?? {}, order, ['measure', 'expect']) } : measure;
    return {
      ...rest,
      owner: owner ?? promiseOwner.get(i.value.promise) ?? '',
      ownerInherited: owner === undefined,
      where: raw.where === undefined ? undefined : compileCondition(raw.where, order, ['where']),
      measure: compiled,
      at: i.at,
    };
  });
  const registry: Registry = { root, settings, owners, calendars, sources, promises, standards, references, files };
  diagnostics.push(...resolveRegistry(registry, declared, [...duplicates].map((d) => ({ collection: d.collection, at: d.at }))));
  for (const calendar of ofKind<CalendarInput>('calendars')) {
    const dates = new Map<string, number>();
    (calendar.value.holidays ?? []).forEach((h, index) => {
      const date = typeof h === 'string' ? h : h.date;
      const first = dates.get(date);
      if (first !== undefined) {
        const file = files.get(calendar.at.file);
        if (file) {
          diagnostics.push(
            duplicateIdFinding('holidayTwice', { calendar: calendar.value.id, date }, locateHoliday(file, calendar.at, index, typeof h !== 'string'), {
              entity: { collection: 'calendars', id: calendar.value.id, field: `holidays.${date}` },
            }),
          );
        }
      } else {
        dates.set(date, index);
      }
    });
  }
  return { registry, diagnostics };
}

/** Key order of the mappings inside an entity, read from its YAML nodes. */
function keyOrder(file: RegistryFile | undefined, base: YamlPath): KeyOrder | undefined {
  if (file === undefined) return undefined;
  return (path) => {
    const hit = nodeAt(file, [...base, ...path]);
    const node = hit?.exact === true && isAlias(hit.node) ? hit.node.resolve(file.doc) : hit?.node;
    if (hit === undefined || !hit.exact || !isMap(node)) return undefined;
    return mergedPairs(file.doc, node).map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  };
}

function locateHoliday(file: RegistryFile, at: At, index: number, isObject: boolean): Loc {
  return locateIn(file, [...at.path, 'holidays', index, ...(isObject ? ['date'] : [])]);
}

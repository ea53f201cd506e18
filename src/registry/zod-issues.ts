/** zod issues become `schema` diagnostics: a located value, a sentence a user can act on, a hint. */
import type { z } from 'zod';
import type { Diagnostic, DiagnosticEntity, MessageData } from '../model/diagnostic.js';
import { LINT_RULE_IDS } from '../model/rule-ids.js';
import { hasNode, locate, locateKey, type RegistryFile, type YamlPath } from './locate.js';
import { restoreKey } from './own-keys.js';
import { isSchemaMessageId, schemaFinding, type SchemaMessageId } from './rule-messages.js';
import { COLLECTIONS, DAY_KEYS, itemSchemas, SETTINGS_KEYS, type CollectionName } from './schema.js';
import { suggest } from './suggest.js';

type Issue = z.core.$ZodIssue;

export interface IssueContext {
  file: RegistryFile;
  /** path of the validated value inside the file */
  base: YamlPath;
  /** the id of the item validated, as its findings name it (`#3` when it has none); '' at top level */
  id: string;
  /** the validated value, to describe what was found */
  value: unknown;
  /** the top-level key of the file, when validating inside a collection */
  collection?: CollectionName;
  /** true for promise.yaml, which may hold settings */
  settingsFile: boolean;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'empty text' : `"${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function field(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** The value at `path`, by own keys only: a missing `constructor` is missing, not Object's. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** The message id a rule of registry/schema.ts raised the issue with, if it did. */
function schemaMessageOf(issue: Issue): SchemaMessageId | undefined {
  return isSchemaMessageId(issue.message) ? issue.message : undefined;
}

/** The data a rule of registry/schema.ts raised its issue with. */
function dataOf(issue: Issue): MessageData {
  return (issue as { params?: { data?: MessageData } }).params?.data ?? {};
}

/** The names a mapping at `path` may hold, for did-you-mean on an unknown key. */
function knownKeys(ctx: IssueContext, path: readonly PropertyKey[]): string[] {
  if (ctx.collection === undefined) {
    return path.length === 1 && path[0] === 'rules'
      ? [...LINT_RULE_IDS]
      : [...COLLECTIONS, ...(ctx.settingsFile ? SETTINGS_KEYS : [])];
  }
  const last = path[path.length - 1];
  const shape = (schema: unknown): string[] => Object.keys((schema as { shape?: object }).shape ?? {});
  if (path.length === 0) return shape(itemSchemas[ctx.collection]);
  if (ctx.collection === 'calendars' && last === 'hours') return ['daily', 'weekdays', ...DAY_KEYS];
  if (ctx.collection === 'calendars' && path[0] === 'holidays') return ['date', 'name', 'hours'];
  if (ctx.collection === 'standards' && last === 'measure') {
    const kind = valueAt(ctx.value, [...path, 'kind']);
    const fields: Record<string, string[]> = {
      duration: ['from', 'to', 'within', 'calendar', 'paused', 'per'],
      deadline: ['done', 'due', 'grace', 'start', 'due_is_date'],
      condition: ['at', 'expect'],
      average: ['at', 'of', 'at_least', 'at_most'],
    };
    return ['kind', ...(fields[String(kind)] ?? [])];
  }
  if (ctx.collection === 'standards' && last === 'remedy') return ['action', 'credit', 'currency'];
  return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'matches', 'empty'];
}

/** The entity an issue is about: the item validated, or the file's top-level key. */
function entityOf(ctx: IssueContext, about: readonly PropertyKey[]): DiagnosticEntity {
  if (ctx.collection !== undefined) {
    const id = valueAt(ctx.value, ['id']);
    const index = ctx.base[ctx.base.length - 1];
    return { collection: ctx.collection, id: typeof id === 'string' && id !== '' ? id : `#${typeof index === 'number' ? index + 1 : 1}`, field: field(about) };
  }
  const [top, ...rest] = about;
  if ((COLLECTIONS as readonly PropertyKey[]).includes(top as PropertyKey)) return { collection: String(top), id: '', field: field(rest) };
  return { collection: ctx.settingsFile ? 'settings' : '', id: '', field: field(about) };
}

/**
 * A located diagnostic: what it says (a message of registry/rule-messages.ts), of the item and
 * the field it concerns. `about` is that field when it differs from where it is shown: a missing
 * field is shown at its parent and is about itself.
 */
function diagnostic(ctx: IssueContext, path: readonly PropertyKey[], messageId: SchemaMessageId, data: MessageData, key?: string, about?: readonly PropertyKey[]): Diagnostic {
  const full = [...ctx.base, ...path] as (string | number)[];
  const loc = key === undefined ? locate(ctx.file, full) : locateKey(ctx.file, full, key);
  const prefix = { of: ctx.collection === undefined ? '' : ctx.collection, ofId: ctx.collection === undefined ? '' : ctx.id, path: field(path) };
  // the data each message needs is made below, by the issue's code; the table's types cannot follow it there
  return schemaFinding(messageId, { ...data, ...prefix } as never, loc, { entity: entityOf(ctx, about ?? (key === undefined ? path : [...path, key])) });
}

/** The union branch that fits the value's shape, when just one does. */
function isRootMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((b) => b.every(isRootMismatch));
}

function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const fitting = branches.filter((issues) => !issues.every(isRootMismatch));
  return fitting.length === 1 ? fitting[0] : undefined;
}

export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext, prefix: readonly PropertyKey[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    // The schema saw keys escaped (own-keys.ts); the registry wrote them as they are.
    const path = [...prefix, ...issue.path.map(restoreKey)];
    const found = valueAt(ctx.value, path);
    const missing = found === undefined && !hasNode(ctx.file, [...ctx.base, ...path] as (string | number)[]);
    const own = schemaMessageOf(issue);
    const name = String(path[path.length - 1]);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(ctx, path);
        for (const key of issue.keys.map(restoreKey)) {
          const where = path.length === 0 ? (ctx.collection === undefined ? 'top-level key' : 'field') : 'field';
          const suggestion = suggest(key, known);
          if (suggestion === undefined && ctx.collection === undefined && !ctx.settingsFile && (SETTINGS_KEYS as readonly string[]).includes(key)) {
            out.push(diagnostic(ctx, path, 'settingsKey', { where, key }, key));
          } else {
            out.push(diagnostic(ctx, path, 'unknownKey', { where, key, suggestion: suggestion ?? '', known }, key));
          }
        }
        break;
      }
      case 'invalid_type': {
        if (missing) out.push(diagnostic(ctx, path.slice(0, -1), 'missing', { field: name }, undefined, path));
        else out.push(diagnostic(ctx, path, found === null ? 'wrongTypeNull' : 'wrongType', { expected: EXPECTED[issue.expected] ?? issue.expected, found: describe(found) }));
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        if (missing) {
          out.push(diagnostic(ctx, path.slice(0, -1), 'missingOneOf', { field: name, options }, undefined, path));
        } else if (own !== undefined) {
          out.push(diagnostic(ctx, path, own, dataOf(issue)));
        } else {
          const suggestion = typeof found === 'string' ? suggest(found, options) : undefined;
          out.push(diagnostic(ctx, path, 'notOneOf', { found: describe(found), options, suggestion: suggestion ?? '' }));
        }
        break;
      }
      case 'invalid_union': {
        const noMatch = issue as { note?: string; options?: unknown[] };
        if (noMatch.note === 'No matching discriminator') {
          const options = (noMatch.options ?? []).map(String);
          if (found === undefined) {
            out.push(diagnostic(ctx, path.slice(0, -1), 'missingOneOf', { field: name, options }, undefined, path));
          } else {
            const suggestion = typeof found === 'string' ? suggest(found, options) : undefined;
            out.push(diagnostic(ctx, path, 'notMeasureKind', { found: describe(found), options, suggestion: suggestion ?? '' }));
          }
          break;
        }
        const branch = bestBranch(issue.errors);
        if (found === null) {
          const inCondition = path.includes('where') || path.includes('expect');
          out.push(diagnostic(ctx, path, inCondition ? 'noValueInCondition' : 'noValue', {}));
        } else if (branch !== undefined) {
          out.push(...issuesToDiagnostics(branch, ctx, path));
        } else if (missing) {
          out.push(diagnostic(ctx, path.slice(0, -1), 'missing', { field: name }, undefined, path));
        } else {
          const expected = [...new Set(issue.errors.map((b) => (b[0]?.code === 'invalid_type' ? (EXPECTED[b[0].expected] ?? b[0].expected) : 'something else')))];
          out.push(diagnostic(ctx, path, 'wrongTypeUnion', { expected, found: describe(found) }));
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        if (own !== undefined) out.push(diagnostic(ctx, path, own, dataOf(issue)));
        else if (issue.code === 'too_small') out.push(diagnostic(ctx, path, 'tooSmall', { minimum: String(issue.minimum), origin: issue.origin, found: describe(found) }));
        else out.push(diagnostic(ctx, path, 'tooBig', { maximum: String(issue.maximum), origin: issue.origin, found: describe(found) }));
        break;
      }
      default: {
        // a custom issue is always one of registry/schema.ts, named by its message id
        out.push(own === undefined ? diagnostic(ctx, path, 'invalid', { found: describe(found) }) : diagnostic(ctx, path, own, dataOf(issue)));
      }
    }
  }
  return out;
}
